/* escale-demo-partners.h — demo partner organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

gboolean escale_demo_generate_partners (EscaleStore  *store,
                                        guint32       seed,
                                        guint        *n_partners,
                                        GError      **error);

G_END_DECLS
