/* escale-partners-map.c — the Partners page's map: the listed partners as markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "escale-map-cluster.h"
#include "escale-partner-map.h"
#include "escale-partner-store.h"
#include "escale-partners-map.h"
#include "escale-vocab.h"

/* One marker a partner with a known position, coloured by its first theme. */
static GPtrArray *
points_of (GPtrArray *summaries)
{
  GPtrArray *points = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_map_point_free);

  for (guint i = 0; i < summaries->len; i++)
    {
      const EscalePartnerSummary *summary = g_ptr_array_index (summaries, i);
      const char *theme = summary->themes[0];
      EscaleMapPoint *point;

      if (isnan (summary->latitude) || isnan (summary->longitude))
        continue;
      point = escale_map_point_new (summary->id, summary->latitude, summary->longitude, theme,
                                    summary->name);
      if (theme != NULL)
        point->theme_label = escale_vocab_get_label (NULL, ESCALE_VOCAB_THEME, theme);
      g_ptr_array_add (points, point);
    }
  return points;
}

static void
on_summaries_changed (EscalePartnersPage *page,
                      EscalePartnerMap   *map)
{
  g_autoptr(GPtrArray) summaries = escale_partners_page_get_summaries (page);
  g_autoptr(GPtrArray) points = points_of (summaries);

  escale_partner_map_set_points (map, points);
}

static void
on_partner_activated (EscalePartnerMap   *map,
                      gint64              id,
                      EscalePartnersPage *page)
{
  (void) map;
  escale_partners_page_show_partner (page, id);
  escale_partners_page_show_map (page, FALSE);
}

void
escale_partners_map_attach (EscalePartnersPage *page)
{
  GtkWidget *map = escale_partner_map_new ();

  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (page));

  adw_bin_set_child (escale_partners_page_get_map_slot (page), map);
  g_signal_connect_object (page, "summaries-changed", G_CALLBACK (on_summaries_changed), map, 0);
  g_signal_connect_object (map, "partner-activated", G_CALLBACK (on_partner_activated), page, 0);
  on_summaries_changed (page, ESCALE_PARTNER_MAP (map));
}
