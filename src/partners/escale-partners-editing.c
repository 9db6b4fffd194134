/* escale-partners-editing.c — the Partners page opens the partner editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-geo.h"
#include "escale-partner-editor.h"
#include "escale-partners-editing.h"

/* Offline only: the bundled table, never an online service. */
static gboolean
lookup_position (const char *postal_code,
                 const char *city,
                 double     *latitude,
                 double     *longitude,
                 gpointer    user_data)
{
  EscaleGeoPrecision precision;

  (void) user_data;
  return escale_geo_position_for_postal_code (postal_code, city, latitude, longitude, &precision);
}

static void
on_saved (EscalePartnersPage *page,
          gint64              id)
{
  escale_partners_page_reload (page);
  escale_partners_page_show_partner (page, id);
  escale_partners_page_show_map (page, FALSE);
}

static void
on_deleted (EscalePartnersPage *page)
{
  escale_partners_page_show_partner (page, 0);
  escale_partners_page_reload (page);
}

static void
on_edit_partner (EscalePartnersPage *page,
                 gint64              id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  EscaleStore *store = escale_partners_page_get_store (page);
  GtkWidget *editor;

  if (store == NULL)
    return;
  editor = escale_partner_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, id);
  escale_partner_editor_set_position_lookup (ESCALE_PARTNER_EDITOR (editor), lookup_position, NULL,
                                             NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_saved), page, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_deleted), page, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

void
escale_partners_editing_attach (EscalePartnersPage *page)
{
  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (page));
  g_signal_connect (page, "edit-partner", G_CALLBACK (on_edit_partner), NULL);
}
