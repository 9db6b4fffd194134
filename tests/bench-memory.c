/* bench-memory.c — peak memory of the People page over a database
 *
 * Opens the main window on the database given, shows the list, scrolls it
 * from top to bottom in steps and searches a few times, then prints the
 * process's peak resident memory (VmHWM) in kB. bench-memory.sh compares
 * a 1 000-person and a 100 000-person database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "escale-application.h"
#include "escale-people-page.h"
#include "escale-window.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static long
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_SCROLLED_WINDOW (child) && GTK_IS_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child))))
        return GTK_SCROLLED_WINDOW (child);
      if ((found = find_scrolled (child)) != NULL)
        return found;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) store = NULL;
  EscaleWindow *window;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  const char *queries[] = { "m", "mo", "moh", "ben", "2026", "a", "" };

  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }
  escale_application_setup_i18n (argc, argv);
  gtk_init ();
  adw_init ();
  escale_ui_register_resources ();

  store = escale_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  window = escale_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));
  spin (500);

  scrolled = find_scrolled (GTK_WIDGET (window));
  g_assert (scrolled != NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  for (int step = 0; step <= 50; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      gtk_adjustment_set_value (adjustment, upper * step / 50);
      spin (20);
    }
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      escale_people_page_set_query (ESCALE_PEOPLE_PAGE (escale_window_get_people_page (window)),
                                    queries[i]);
      spin (50);
    }
  g_print ("%ld\n", peak_kb ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
