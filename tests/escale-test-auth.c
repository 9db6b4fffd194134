/* escale-test-auth.c — helpers for the tests that go through the sign-in windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-test-auth.h"
#include "escale-test-gtk.h"

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

GtkWidget *
escale_test_find_entry_row (gpointer    root,
                            const char *title)
{
  GtkWidget *row = escale_test_find_widget (root, ADW_TYPE_ENTRY_ROW, has_title, title);

  g_assert_nonnull (row);
  return row;
}

void
escale_test_type (gpointer    root,
                  const char *title,
                  const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (escale_test_find_entry_row (root, title)), text);
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

void
escale_test_click (gpointer    root,
                   const char *label)
{
  GtkWidget *button = escale_test_find_widget (root, GTK_TYPE_BUTTON, has_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  escale_test_spin ();
}

void
escale_test_first_run (GtkWindow  *window,
                       const char *login,
                       const char *password)
{
  escale_test_type (window, "Name of the Association", "Accueil Test");
  escale_test_click (window, "_Next");
  escale_test_type (window, "Login", login);
  escale_test_type (window, "Full Name", "Claire Dubois");
  escale_test_type (window, "Password", password);
  escale_test_type (window, "Confirm Password", password);
  escale_test_click (window, "_Create Account and Sign In");
}
