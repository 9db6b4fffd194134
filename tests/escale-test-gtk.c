/* escale-test-gtk.c — helpers shared by the tests of widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-application.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"

/**
 * escale_test_init_gtk:
 *
 * Like escale_test_init(), then GTK and libadwaita with Escale's resources.
 * The isolated test folders would hide the system's MIME database (GTK
 * needs it to load SVG icons), GSettings schemas (libadwaita looks some up)
 * and icon themes: the first two are loaded before the folders are
 * isolated, the icon folders are added back. Nothing is written there
 * (GSETTINGS_BACKEND=memory).
 */
void
escale_test_init_gtk (int    *argc,
                      char ***argv)
{
  g_auto(GStrv) data_dirs = NULL;
  GtkIconTheme *theme;

  g_content_type_set_mime_dirs (NULL);
  g_settings_schema_source_get_default ();
  data_dirs = g_strdupv ((GStrv) g_get_system_data_dirs ());
  escale_test_init (argc, argv);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();
  escale_ui_register_resources ();
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *icons = g_build_filename (data_dirs[i], "icons", NULL);
      gtk_icon_theme_add_search_path (theme, icons);
    }
}

/* Lets GTK handle everything pending: layout, signals, idle callbacks. */
void
escale_test_spin (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}
