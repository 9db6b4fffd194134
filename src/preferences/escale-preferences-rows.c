/* escale-preferences-rows.c — the groups, rows and buttons that preference pages build in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-preferences-rows.h"

AdwPreferencesGroup *
escale_preferences_add_group (AdwPreferencesPage *page,
                              const char         *title,
                              const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

GtkWidget *
escale_preferences_add_row (AdwPreferencesGroup *group,
                            const char          *title,
                            const char          *subtitle,
                            GtkWidget           *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  adw_preferences_group_add (group, row);
  return row;
}

GtkWidget *
escale_preferences_new_button (const char *label,
                               const char *action,
                               const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}

GtkWidget *
escale_preferences_new_spin_button (guint min,
                                    guint max)
{
  GtkWidget *button = gtk_spin_button_new_with_range (min, max, 1);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (button), TRUE);
  return button;
}
