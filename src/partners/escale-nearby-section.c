/* escale-nearby-section.c — the partners nearest a person's address, in their file
 *
 * The person's position comes from the bundled postal code tables (see
 * escale-geo.h), how precise it is says the group's description. Each row:
 * the partner's name, kind and town, its distance and its free places
 * (of the theme chosen, dimmed when the figure is old).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-geo.h"
#include "escale-nearby-section.h"
#include "escale-partner-nearby.h"
#include "escale-partner-row.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscaleNearbySection
{
  AdwPreferencesGroup  parent_instance;

  EscaleStore         *store;
  double               latitude;
  double               longitude;
  EscaleGeoPrecision   precision;
  GtkDropDown         *theme_dropdown;
  GPtrArray           *rows;  /* the rows shown */
};

G_DEFINE_FINAL_TYPE (EscaleNearbySection, escale_nearby_section, ADW_TYPE_PREFERENCES_GROUP)

static void
clear_rows (EscaleNearbySection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static AdwActionRow *
add_row (EscaleNearbySection *self,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return ADW_ACTION_ROW (row);
}

static char *
format_distance (double km)
{
  /* Translators: a distance in kilometres, like "3.2 km"; the decimal
   * separator is the language's own */
  return g_strdup_printf (_("%.1f km"), km);
}

static GtkWidget *
new_caption (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The distance, and under it the free places when they are counted. */
static GtkWidget *
new_figures (const EscaleNearbyPartner *nearby,
             GDateTime                 *now)
{
  const EscalePartnerSummary *summary = nearby->summary;
  g_autofree char *distance = format_distance (nearby->km);
  g_autofree char *places = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line, *label, *warning;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  label = new_caption (distance, "numeric");
  gtk_widget_add_css_class (label, "nearby-distance");
  gtk_box_append (GTK_BOX (box), label);
  if (summary->free_places == ESCALE_PARTNER_UNSET)
    return box;
  places = escale_capacity_format (summary->free_places, summary->oldest_update, now);
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_halign (line, GTK_ALIGN_END);
  warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (warning, "warning");
  label = new_caption (places, "caption");
  gtk_widget_add_css_class (label, "nearby-places");
  escale_partner_style_capacity (label, warning, summary->oldest_update, now);
  gtk_box_append (GTK_BOX (line), warning);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (box), line);
  return box;
}

static void
on_row_activated_cb (AdwActionRow *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "partner-id");

  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-partner", "x", *id);
}

static void
add_partner_row (EscaleNearbySection       *self,
                 const EscaleNearbyPartner *nearby,
                 GDateTime                 *now)
{
  g_autofree char *details = escale_partner_format_details (nearby->summary);
  AdwActionRow *row = add_row (self, nearby->summary->name, details);

  g_object_set_data_full (G_OBJECT (row), "partner-id",
                          g_memdup2 (&nearby->summary->id, sizeof nearby->summary->id), g_free);
  adw_action_row_add_suffix (row, new_figures (nearby, now));
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), NULL);
}

static void
show_none (EscaleNearbySection *self,
           const char          *theme)
{
  if (theme == NULL)
    add_row (self, _("No partner on the map yet"),
             _("Partners get a position from their postal code"));
  else
    add_row (self, _("No partner with a position offers this theme"), NULL);
}

static void
reload (EscaleNearbySection *self)
{
  const char *theme = escale_code_dropdown_get_code (self->theme_dropdown);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nearby = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  clear_rows (self);
  nearby = escale_store_list_partners_near (self->store, self->latitude, self->longitude, theme,
                                            NULL, ESCALE_NEARBY_SECTION_LIMIT, &error);
  if (nearby == NULL)
    {
      add_row (self, _("The partners could not be read"), error->message);
      return;
    }
  for (guint i = 0; i < nearby->len; i++)
    add_partner_row (self, g_ptr_array_index (nearby, i), now);
  if (nearby->len == 0)
    show_none (self, theme);
}

static char *
describe_precision (EscaleGeoPrecision  precision,
                    const char         *postal_code,
                    const char         *city)
{
  g_autofree char *place = NULL;

  if (precision == ESCALE_GEO_PRECISION_NONE)
    return NULL;
  if (precision == ESCALE_GEO_PRECISION_DEPARTMENT)
    return g_strdup (_("Approximate distances, from the centre of the department"));
  /* Isolated, so that "69003 Lyon" keeps its order in a right-to-left language. */
  place = g_strdup_printf ("\xe2\x81\xa8%s%s%s\xe2\x81\xa9", postal_code ? postal_code : "",
                           postal_code && city ? " " : "", city ? city : "");
  /* Translators: %s is the person's postal code and town, like "69003 Lyon" */
  return g_strdup_printf (_("Distances from %s"), place);
}

/* Where the person lives, as precisely as the tables tell. */
static void
locate (EscaleNearbySection *self,
        EscalePerson        *person)
{
  const char *postal_code = escale_person_get (person, ESCALE_FIELD_POSTAL_CODE);
  const char *city = escale_person_get (person, ESCALE_FIELD_CITY);
  g_autofree char *description = NULL;

  if ((postal_code == NULL && city == NULL) ||
      !escale_geo_position_for_postal_code (postal_code, city, &self->latitude, &self->longitude,
                                            &self->precision))
    self->precision = ESCALE_GEO_PRECISION_NONE;
  description = describe_precision (self->precision, postal_code, city);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

static void
on_theme_changed_cb (EscaleNearbySection *self)
{
  reload (self);
}

static void
escale_nearby_section_dispose (GObject *object)
{
  EscaleNearbySection *self = ESCALE_NEARBY_SECTION (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (escale_nearby_section_parent_class)->dispose (object);
}

static void
escale_nearby_section_finalize (GObject *object)
{
  EscaleNearbySection *self = ESCALE_NEARBY_SECTION (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (escale_nearby_section_parent_class)->finalize (object);
}

static void
escale_nearby_section_class_init (EscaleNearbySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_nearby_section_dispose;
  object_class->finalize = escale_nearby_section_finalize;
}

static void
escale_nearby_section_init (EscaleNearbySection *self)
{
  self->rows = g_ptr_array_new ();
  self->latitude = NAN;
  self->longitude = NAN;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Partners Nearby"));
}

/**
 * escale_nearby_section_new:
 *
 * Returns: (transfer floating): the section, its rows listed at once
 */
GtkWidget *
escale_nearby_section_new (EscaleStore  *store,
                           EscalePerson *person)
{
  EscaleNearbySection *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (ESCALE_IS_PERSON (person), NULL);

  self = g_object_new (ESCALE_TYPE_NEARBY_SECTION, NULL);
  self->store = g_object_ref (store);
  locate (self, person);
  if (self->precision == ESCALE_GEO_PRECISION_NONE)
    {
      add_row (self, _("No position for this address: add a postal code"),
               _("Distances are counted from the postal code or the town"));
      return GTK_WIDGET (self);
    }
  self->theme_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  escale_code_dropdown_setup_vocab (self->theme_dropdown, store, ESCALE_VOCAB_THEME,
                                    _("Any theme"));
  gtk_widget_set_valign (GTK_WIDGET (self->theme_dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->theme_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Theme"), -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self),
                                           GTK_WIDGET (self->theme_dropdown));
  g_signal_connect_swapped (self->theme_dropdown, "notify::selected",
                            G_CALLBACK (on_theme_changed_cb), self);
  reload (self);
  return GTK_WIDGET (self);
}

/**
 * escale_nearby_section_get_theme_dropdown:
 *
 * Returns: (transfer none) (nullable): the theme drop-down, or %NULL when
 *   the person's address has no position
 */
GtkDropDown *
escale_nearby_section_get_theme_dropdown (EscaleNearbySection *self)
{
  g_return_val_if_fail (ESCALE_IS_NEARBY_SECTION (self), NULL);
  return self->theme_dropdown;
}

GPtrArray *
escale_nearby_section_get_rows (EscaleNearbySection *self)
{
  g_return_val_if_fail (ESCALE_IS_NEARBY_SECTION (self), NULL);
  return self->rows;
}
