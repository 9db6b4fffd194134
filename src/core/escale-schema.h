/* escale-schema.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int         escale_schema_get_n_migrations (void);
const char *escale_schema_get_migration    (int version);
const char * const *escale_schema_get_migrations (int *n_migrations);

G_END_DECLS
