/* escale-position-picker.c — placing a partner by clicking on the map
 *
 * A click (not a drag, which pans) converts the point of the map to a
 * latitude and longitude with the map's viewport and moves the marker
 * there: a pin whose tip is the position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-partner-util.h"
#include "escale-position-picker.h"

#define PIN_SIZE 32

struct _EscalePositionPicker
{
  AdwWindow         parent_instance;

  AdwWindowTitle   *title;
  EscalePartnerMap *map;
  ShumateMarker    *marker;
  double            latitude;    /* NAN while no position is placed */
  double            longitude;
};

G_DEFINE_FINAL_TYPE (EscalePositionPicker, escale_position_picker, ADW_TYPE_WINDOW)

enum {
  POSITION_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
place (EscalePositionPicker *self,
       double                latitude,
       double                longitude)
{
  g_autofree char *lat = NULL;
  g_autofree char *lon = NULL;
  g_autofree char *subtitle = NULL;
  gboolean known = !isnan (latitude) && !isnan (longitude);

  self->latitude = known ? latitude : NAN;
  self->longitude = known ? longitude : NAN;
  gtk_widget_set_visible (GTK_WIDGET (self->marker), known);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.use", known);
  if (!known)
    {
      adw_window_title_set_subtitle (self->title, _("Click where the partner is"));
      return;
    }
  shumate_location_set_location (SHUMATE_LOCATION (self->marker), latitude, longitude);
  lat = escale_partner_format_double (latitude);
  lon = escale_partner_format_double (longitude);
  /* Translators: a position, latitude then longitude, in decimal degrees */
  subtitle = g_strdup_printf (_("%s, %s"), lat, lon);
  adw_window_title_set_subtitle (self->title, subtitle);
}

/* Callbacks */

static void
on_click_released_cb (GtkGestureClick      *gesture G_GNUC_UNUSED,
                      int                   n_press,
                      double                x,
                      double                y,
                      EscalePositionPicker *self)
{
  if (n_press == 1)
    escale_position_picker_pick_at (self, x, y);
}

/* Actions */

static void
use_action (GtkWidget  *widget,
            const char *action_name G_GNUC_UNUSED,
            GVariant   *parameter G_GNUC_UNUSED)
{
  escale_position_picker_confirm (ESCALE_POSITION_PICKER (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Building */

static GtkWidget *
new_header (EscalePositionPicker *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *use = gtk_button_new_with_mnemonic (_("_Use This Position"));

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Place on the Map"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "picker.cancel");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (use), "picker.use");
  gtk_widget_add_css_class (use, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), use);
  return header;
}

/* The pin, its tip (the bottom of the icon) on the position. */
static void
add_marker (EscalePositionPicker *self)
{
  ShumateMarkerLayer *layer =
    shumate_marker_layer_new (escale_partner_map_get_viewport (self->map));
  GtkWidget *pin = gtk_image_new_from_icon_name ("mark-location-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (pin), PIN_SIZE);
  gtk_widget_set_margin_bottom (pin, PIN_SIZE);
  gtk_widget_add_css_class (pin, "accent");
  self->marker = shumate_marker_new ();
  shumate_marker_set_child (self->marker, pin);
  gtk_widget_set_can_target (GTK_WIDGET (self->marker), FALSE);
  shumate_marker_layer_add_marker (layer, self->marker);
  escale_partner_map_add_layer (self->map, SHUMATE_LAYER (layer));
}

static void
escale_position_picker_class_init (EscalePositionPickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * EscalePositionPicker::position-chosen:
   * @latitude: in decimal degrees
   * @longitude: in decimal degrees
   *
   * The user chose the marker's position.
   */
  signals[POSITION_CHOSEN] =
    g_signal_new ("position-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "picker.use", NULL, use_action);
  gtk_widget_class_install_action (widget_class, "picker.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "picker.cancel", NULL);
}

static void
escale_position_picker_init (EscalePositionPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkGesture *click = gtk_gesture_click_new ();

  self->latitude = self->longitude = NAN;
  gtk_box_append (GTK_BOX (box), new_header (self));
  self->map = ESCALE_PARTNER_MAP (escale_partner_map_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->map));
  add_marker (self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _("Place on the Map"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  place (self, NAN, NAN);
}

/* Public API */

/**
 * escale_position_picker_new:
 * @parent: (nullable): the window the picker stays above
 *
 * Returns: (transfer none): a new picker, owned by GTK's list of windows
 */
GtkWidget *
escale_position_picker_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ESCALE_TYPE_POSITION_PICKER, "transient-for", parent, NULL);
}

void
escale_position_picker_center_on (EscalePositionPicker *self,
                                  double                latitude,
                                  double                longitude,
                                  double                zoom)
{
  g_return_if_fail (ESCALE_IS_POSITION_PICKER (self));

  escale_partner_map_center_on (self->map, latitude, longitude, zoom);
}

void
escale_position_picker_set_position (EscalePositionPicker *self,
                                     double                latitude,
                                     double                longitude)
{
  g_return_if_fail (ESCALE_IS_POSITION_PICKER (self));

  place (self, latitude, longitude);
}

gboolean
escale_position_picker_get_position (EscalePositionPicker *self,
                                     double               *latitude,
                                     double               *longitude)
{
  g_return_val_if_fail (ESCALE_IS_POSITION_PICKER (self), FALSE);

  if (latitude != NULL)
    *latitude = self->latitude;
  if (longitude != NULL)
    *longitude = self->longitude;
  return !isnan (self->latitude);
}

void
escale_position_picker_pick_at (EscalePositionPicker *self,
                                double                x,
                                double                y)
{
  double latitude, longitude;

  g_return_if_fail (ESCALE_IS_POSITION_PICKER (self));

  shumate_viewport_widget_coords_to_location (escale_partner_map_get_viewport (self->map),
                                              GTK_WIDGET (self->map), x, y,
                                              &latitude, &longitude);
  place (self, latitude, longitude);
}

gboolean
escale_position_picker_confirm (EscalePositionPicker *self)
{
  g_return_val_if_fail (ESCALE_IS_POSITION_PICKER (self), FALSE);

  if (isnan (self->latitude))
    return FALSE;
  g_object_ref (self);
  g_signal_emit (self, signals[POSITION_CHOSEN], 0, self->latitude, self->longitude);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

EscalePartnerMap *
escale_position_picker_get_map (EscalePositionPicker *self)
{
  g_return_val_if_fail (ESCALE_IS_POSITION_PICKER (self), NULL);

  return self->map;
}
