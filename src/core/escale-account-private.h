/* escale-account-private.h — what the tests may change in the accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void escale_account_set_hash_limits (guint64 opslimit,
                                     gsize   memlimit);

G_END_DECLS
