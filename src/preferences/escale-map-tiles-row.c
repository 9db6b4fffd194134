/* escale-map-tiles-row.c — the Preferences row choosing the map's tiles file or folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-local-tiles.h"
#include "escale-map-tiles-row.h"

#define PATH_KEY "map-tiles-path"

struct _EscaleMapTilesRow
{
  AdwActionRow          parent_instance;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
  char                 *error;
};

G_DEFINE_FINAL_TYPE (EscaleMapTilesRow, escale_map_tiles_row, ADW_TYPE_ACTION_ROW)

static void
show_status (EscaleMapTilesRow *self,
             const char        *text,
             const char        *error)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (self),
                                error != NULL ? "dialog-warning-symbolic" : NULL);
  g_free (self->error);
  self->error = g_strdup (error);
}

static void
refresh (EscaleMapTilesRow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, PATH_KEY);
  g_autoptr(EscaleLocalTiles) tiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map-tiles.clear", path[0] != '\0');
  if (path[0] == '\0')
    {
      show_status (self, _("None: the built-in map, or OpenStreetMap’s when allowed above"),
                   NULL);
      return;
    }
  tiles = escale_local_tiles_new (path, &error);
  if (tiles == NULL)
    {
      show_status (self, error->message, error->message);
      return;
    }
  name = g_filename_display_name (path);
  /* Translators: a map tiles file or folder, then the zoom levels it has,
   * "/home/ana/paris.mbtiles · zoom 10 to 16" */
  status = g_strdup_printf (_("%s · zoom %u to %u"), name,
                            escale_local_tiles_get_min_zoom (tiles),
                            escale_local_tiles_get_max_zoom (tiles));
  show_status (self, status, NULL);
}

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        EscaleMapTilesRow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, PATH_KEY, path);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

static void
choose_activated (GtkWidget                *widget,
                  G_GNUC_UNUSED const char *action_name,
                  GVariant                 *parameter)
{
  EscaleMapTilesRow *self = ESCALE_MAP_TILES_ROW (widget);
  gboolean folder = g_variant_get_boolean (parameter);
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (folder ? _("Choose a Tile Folder")
                                                      : _("Choose an MBTiles File"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                      : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), NULL);
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) mbtiles = new_filter (_("MBTiles files"), "*.mbtiles");
      g_autoptr(GtkFileFilter) all = new_filter (_("All files"), "*");

      gtk_file_chooser_add_filter (chooser, mbtiles);
      gtk_file_chooser_add_filter (chooser, all);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_activated (GtkWidget                *widget,
                 G_GNUC_UNUSED const char *action_name,
                 G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleMapTilesRow *self = ESCALE_MAP_TILES_ROW (widget);

  if (self->settings != NULL)
    g_settings_reset (self->settings, PATH_KEY);
}

static GtkWidget *
new_button (const char *label,
            const char *icon_name,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = label ? gtk_button_new_with_mnemonic (label)
                            : gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
add_buttons (EscaleMapTilesRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *clear = new_button (NULL, "edit-clear-symbolic", "map-tiles.clear", NULL);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* Translators: chooses an MBTiles file for the map */
  gtk_box_append (GTK_BOX (box), new_button (_("_File…"), NULL, "map-tiles.choose",
                                             g_variant_new_boolean (FALSE)));
  /* Translators: chooses a folder of map tiles */
  gtk_box_append (GTK_BOX (box), new_button (_("F_older…"), NULL, "map-tiles.choose",
                                             g_variant_new_boolean (TRUE)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);

  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_tooltip_text (clear, _("Clear"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: a button's accessible name */
                                  _("Stop using the map tiles"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), clear);
}

static void
escale_map_tiles_row_dispose (GObject *object)
{
  EscaleMapTilesRow *self = ESCALE_MAP_TILES_ROW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (escale_map_tiles_row_parent_class)->dispose (object);
}

static void
escale_map_tiles_row_class_init (EscaleMapTilesRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_map_tiles_row_dispose;
  gtk_widget_class_install_action (widget_class, "map-tiles.choose", "b", choose_activated);
  gtk_widget_class_install_action (widget_class, "map-tiles.clear", NULL, clear_activated);
}

static void
escale_map_tiles_row_init (EscaleMapTilesRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Map tiles file or folder"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  add_buttons (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
escale_map_tiles_row_new (void)
{
  return g_object_new (ESCALE_TYPE_MAP_TILES_ROW, NULL);
}

void
escale_map_tiles_row_set_settings (EscaleMapTilesRow *self,
                                   GSettings         *settings)
{
  g_return_if_fail (ESCALE_IS_MAP_TILES_ROW (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  /* Without the schema installed nothing could be kept. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), settings != NULL);
  if (settings == NULL)
    return;
  g_signal_connect_object (settings, "changed::" PATH_KEY, G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

const char *
escale_map_tiles_row_get_error (EscaleMapTilesRow *self)
{
  g_return_val_if_fail (ESCALE_IS_MAP_TILES_ROW (self), NULL);
  return self->error;
}
