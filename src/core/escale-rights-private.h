/* escale-rights-private.h — what the files of escale-rights.h share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-rights.h"

G_BEGIN_DECLS

/* NULL, empty or only spaces. */
gboolean escale_rights_is_blank       (const char   *text);
/* Fails with ESCALE_STORE_ERROR_NOT_FOUND when the person does not exist. */
gboolean escale_rights_person_exists  (EscaleStore  *store,
                                       gint64        person_id,
                                       GError      **error);

G_END_DECLS
