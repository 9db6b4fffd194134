/* escale-map-legend.h — the key to the map's colours
 *
 * A small card listing the themes of the points shown, each with its
 * colour (style.css's .theme-dot) and how many points have it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *escale_map_legend_new    (void);
/* @points: EscaleMapPoint. The legend hides itself when there are none. */
void       escale_map_legend_update (GtkWidget *legend,
                                     GPtrArray *points);

G_END_DECLS
