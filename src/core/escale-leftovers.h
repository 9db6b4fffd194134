/* escale-leftovers.h — temporary files that a killed write left behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files written under a temporary name are renamed when complete; a
 * program killed meanwhile leaves one. Before writing another, this
 * deletes those in @folder that start with @prefix, end with @suffix and
 * were last written more than an hour ago (a write that is still under
 * way is newer). Returns how many were deleted. */
guint escale_remove_leftovers (const char *folder,
                               const char *prefix,
                               const char *suffix);

G_END_DECLS
