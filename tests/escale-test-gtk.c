/* escale-test-gtk.c — helpers shared by the tests of widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

void
escale_test_init_gtk_translated (int    *argc,
                                 char ***argv)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("ESCALE_BUILD_DIR") ?: ".", "po",
                                                 NULL);

  if (g_getenv ("ESCALE_LOCALEDIR") == NULL)
    g_setenv ("ESCALE_LOCALEDIR", localedir, TRUE);
  escale_test_init_gtk (argc, argv);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ESCALE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

/* Lets GTK handle everything pending: layout, signals, idle callbacks. */
void
escale_test_spin (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Lets GTK run until @widget is on screen with a size: a window just
 * presented gets its first frame when the display server answers, which
 * takes longer on a loaded machine than one escale_test_spin(). */
void
escale_test_wait_for_size (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0
          || gtk_widget_get_height (widget) <= 0)
         && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

void
escale_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("ESCALE_BUILD_DIR") ?: ".", name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* Nothing to render before the widget's first frame. */
  while (node == NULL && g_get_monotonic_time () < deadline)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL && !g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/**
 * escale_test_show_timeline:
 *
 * Returns: (transfer none): the view, owned by *@window
 */
EscaleTimelineView *
escale_test_show_timeline (EscaleStore  *store,
                           gint64        person_id,
                           int           height,
                           GtkWindow   **window)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  EscaleTimelineView *view = ESCALE_TIMELINE_VIEW (escale_timeline_view_new ());

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 720, height);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_child (*window, overlay);
  gtk_window_present (*window);
  escale_timeline_view_set_person (view, store, person_id);
  escale_test_spin ();
  return view;
}

/**
 * escale_test_find_shortcut:
 *
 * Returns: (transfer full) (nullable): the shortcut
 */
GtkShortcut *
escale_test_find_shortcut (GtkWidget           *widget,
                           const char          *accelerator,
                           GtkPropagationPhase *phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;
          if (phase != NULL)
            *phase = gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller));
          return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

/**
 * escale_test_find_message_dialog:
 *
 * Returns: (transfer none) (nullable): the visible message dialog
 */
AdwMessageDialog *
escale_test_find_message_dialog (void)
{
  GtkWidget *dialog = escale_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

GtkWidget *
escale_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

GtkWidget *
escale_test_find_widget (gpointer          root,
                         GType             type,
                         EscaleWidgetTest  test,
                         gconstpointer     data)
{
  g_assert_true (GTK_IS_WIDGET (root));
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (test == NULL || test (root, data)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = escale_test_find_widget (child, type, test, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

GPtrArray *
escale_test_find_all (gpointer root,
                      GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  g_assert_true (GTK_IS_WIDGET (root));
  collect (root, type, found);
  return found;
}

/**
 * escale_test_strip_isolates:
 *
 * Returns: (transfer full): @text without the invisible marks that keep
 *   the direction of the values placed in it (isolates, U+2066 to U+2069,
 *   and the marks of the line's direction, U+200E and U+200F)
 */
char *
escale_test_strip_isolates (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x2066 || c > 0x2069) && c != 0x200e && c != 0x200f)
        g_string_append_unichar (plain, c);
    }
  return g_string_free (plain, FALSE);
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  data)
{
  g_autofree char *shown = escale_test_strip_isolates (gtk_label_get_label (GTK_LABEL (widget)));

  return g_strcmp0 (shown, data) == 0 && gtk_widget_is_drawable (widget);
}

GtkWidget *
escale_test_find_label (gpointer    root,
                        const char *text)
{
  return escale_test_find_widget (root, GTK_TYPE_LABEL, shows_text, text);
}

static gboolean
title_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  g_autofree char *title =
    escale_test_strip_isolates (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

  return strstr (title, data) != NULL;
}

AdwActionRow *
escale_test_find_row (gpointer    root,
                      const char *text)
{
  return ADW_ACTION_ROW (escale_test_find_widget (root, ADW_TYPE_ACTION_ROW, title_contains,
                                                  text));
}
