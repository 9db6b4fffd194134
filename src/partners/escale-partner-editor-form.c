/* escale-partner-editor-form.c — the partner editor's form
 *
 * Filled from the partner, read back into a copy of it: ids and uuids of
 * the partner, its services and contacts are kept. Texts that cannot be
 * read (coordinates, dates, numbers of places) are reported as
 * EscalePartnerError; times are passed on as typed for the store to check.
 * The position can also be looked up from the postal code, or placed on the
 * map with the position picker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-partner-editor-private.h"
#include "escale-partner-util.h"
#include "escale-position-picker.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

/* Helpers */

static void
set_known_position (EscalePartnerEditor *self,
                    double               latitude,
                    double               longitude,
                    const char          *source)
{
  gboolean known = !isnan (latitude) && !isnan (longitude);

  g_free (self->known_latitude);
  g_free (self->known_longitude);
  self->known_latitude = known ? escale_partner_format_double (latitude) : NULL;
  self->known_longitude = known ? escale_partner_format_double (longitude) : NULL;
  self->latitude = known ? latitude : NAN;
  self->longitude = known ? longitude : NAN;
  g_free (self->position_source);
  self->position_source = known ? g_strdup (source) : NULL;
  escale_partner_set_text (self->latitude_row, self->known_latitude);
  escale_partner_set_text (self->longitude_row, self->known_longitude);
}

/* Reads a coordinate; an error at @field when it is not a number. */
static double
read_coordinate (GtkWidget          *row,
                 EscalePartnerField  field,
                 GPtrArray          *errors)
{
  g_autofree char *text = escale_partner_dup_text (row);
  double value;

  if (text == NULL)
    return NAN;
  if (escale_partner_parse_double (text, &value))
    return value;
  escale_partner_add_form_error (errors, field, 0,
                                 /* Translators: keep the example's decimal point */
                                 _("Write a number in decimal degrees, such as 48.8566"));
  return NAN;
}

static void
collect_position (EscalePartnerEditor *self,
                  EscalePartner       *partner,
                  GPtrArray           *errors)
{
  g_autofree char *latitude = escale_partner_dup_text (self->latitude_row);
  g_autofree char *longitude = escale_partner_dup_text (self->longitude_row);

  g_clear_pointer (&partner->position_source, g_free);
  if (self->known_latitude != NULL && g_strcmp0 (latitude, self->known_latitude) == 0 &&
      g_strcmp0 (longitude, self->known_longitude) == 0)
    {
      partner->latitude = self->latitude;
      partner->longitude = self->longitude;
      partner->position_source = g_strdup (self->position_source);
      return;
    }
  partner->latitude = read_coordinate (self->latitude_row, ESCALE_PARTNER_FIELD_LATITUDE,
                                       errors);
  partner->longitude = read_coordinate (self->longitude_row, ESCALE_PARTNER_FIELD_LONGITUDE,
                                        errors);
  if (!isnan (partner->latitude) || !isnan (partner->longitude))
    partner->position_source = g_strdup ("typed");
}

static void
replace (char      **field,
         GtkWidget  *widget)
{
  g_free (*field);
  *field = escale_partner_dup_text (widget);
}

/* Private API */

/* Builds the lists and puts them in the form: after the template is built. */
void
escale_partner_editor_setup_form (EscalePartnerEditor *self)
{
  static const struct { EscalePartnerList list; guint after; } places[] = {
    { ESCALE_PARTNER_LIST_PHONES, 0 },       /* after the contact group */
    { ESCALE_PARTNER_LIST_LANGUAGES, 0 },
    { ESCALE_PARTNER_LIST_CLOSURES, 1 },     /* after the hours */
    { ESCALE_PARTNER_LIST_SERVICES, 1 },
    { ESCALE_PARTNER_LIST_CONTACTS, 1 },
  };
  GtkWidget *after[] = { self->contact_group, GTK_WIDGET (self->hours_editor) };

  escale_code_dropdown_setup_vocab (GTK_DROP_DOWN (self->kind_dropdown), self->store,
                                    ESCALE_VOCAB_PARTNER_KIND, _("Not specified"));
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      GtkWidget *list = GTK_WIDGET (escale_partner_list_new (places[i].list, self->store));

      self->lists[places[i].list] = ESCALE_ITEM_LIST (list);
      gtk_box_insert_child_after (self->form_box, list, after[places[i].after]);
      after[places[i].after] = list;
    }
  escale_partner_set_hint (self->code_row, _("Optional: the key that imports use"));
  escale_partner_set_hint (self->longitude_row,
                           _("In decimal degrees, such as 48.8566 and 2.3522; leave both "
                             "blank when unknown"));
}

void
escale_partner_editor_fill (EscalePartnerEditor *self)
{
  EscalePartner *partner = self->partner;

  escale_partner_set_text (self->name_row, partner->name);
  escale_partner_set_text (self->kind_dropdown, partner->kind);
  escale_partner_set_text (self->code_row, partner->code);
  gtk_switch_set_active (GTK_SWITCH (self->active_switch), partner->active);
  escale_partner_set_text (self->address_row, partner->address);
  escale_partner_set_text (self->postal_code_row, partner->postal_code);
  escale_partner_set_text (self->city_row, partner->city);
  set_known_position (self, partner->latitude, partner->longitude, partner->position_source);
  escale_partner_set_text (self->email_row, partner->email);
  escale_partner_set_text (self->website_row, partner->website);
  escale_partner_set_text (self->notes_view, partner->notes);
  escale_hours_editor_fill (self->hours_editor, partner);
  for (guint i = 0; i < ESCALE_N_PARTNER_LISTS; i++)
    escale_partner_list_fill (self->lists[i], i, partner);
}

/* Fills the position from the postal code, with the lookup function. */
void
escale_partner_editor_locate (EscalePartnerEditor *self)
{
  g_autofree char *postal_code = escale_partner_dup_text (self->postal_code_row);
  g_autofree char *city = escale_partner_dup_text (self->city_row);
  double latitude = NAN, longitude = NAN;

  escale_partner_show_error (self->postal_code_row, NULL);
  if (self->lookup == NULL)
    return;
  if (postal_code == NULL ||
      !self->lookup (postal_code, city, &latitude, &longitude, self->lookup_data))
    {
      escale_partner_show_error (self->postal_code_row,
                                 postal_code == NULL
                                 ? _("Give the postal code first")
                                 : _("No position is known for this postal code"));
      return;
    }
  set_known_position (self, latitude, longitude, "postal_code");
}

/* The picker shows the position typed, with its marker; else the postal
 * code's place, for a click to place the marker; else France. */
static void
setup_picker (EscalePartnerEditor  *self,
              EscalePositionPicker *picker)
{
  g_autofree char *lat = escale_partner_dup_text (self->latitude_row);
  g_autofree char *lon = escale_partner_dup_text (self->longitude_row);
  g_autofree char *postal_code = escale_partner_dup_text (self->postal_code_row);
  g_autofree char *city = escale_partner_dup_text (self->city_row);
  double latitude, longitude;

  if (lat != NULL && lon != NULL && escale_partner_parse_double (lat, &latitude) &&
      escale_partner_parse_double (lon, &longitude) &&
      fabs (latitude) <= 90 && fabs (longitude) <= 180)
    {
      escale_position_picker_center_on (picker, latitude, longitude, 15);
      escale_position_picker_set_position (picker, latitude, longitude);
    }
  else if (self->lookup != NULL && (postal_code != NULL || city != NULL) &&
           self->lookup (postal_code, city, &latitude, &longitude, self->lookup_data))
    escale_position_picker_center_on (picker, latitude, longitude, 13);
}

static void
on_position_chosen_cb (EscalePartnerEditor *self,
                       double               latitude,
                       double               longitude)
{
  set_known_position (self, latitude, longitude, "map");
}

void
escale_partner_editor_place_on_map (EscalePartnerEditor *self)
{
  if (self->picker != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->picker));
      return;
    }
  self->picker = escale_position_picker_new (GTK_WINDOW (self));
  setup_picker (self, ESCALE_POSITION_PICKER (self->picker));
  g_object_add_weak_pointer (G_OBJECT (self->picker), (gpointer *) &self->picker);
  g_signal_connect_object (self->picker, "position-chosen", G_CALLBACK (on_position_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->picker));
}

/**
 * escale_partner_editor_collect:
 *
 * Returns: (transfer full): the partner as edited
 */
EscalePartner *
escale_partner_editor_collect (EscalePartnerEditor *self,
                               GPtrArray           *errors)
{
  EscalePartner *partner = escale_partner_copy (self->partner);
  g_autofree char *code = escale_partner_dup_text (self->code_row);

  replace (&partner->name, self->name_row);
  replace (&partner->kind, self->kind_dropdown);
  g_free (partner->code);
  partner->code = g_steal_pointer (&code);
  partner->active = gtk_switch_get_active (GTK_SWITCH (self->active_switch));
  replace (&partner->address, self->address_row);
  replace (&partner->postal_code, self->postal_code_row);
  replace (&partner->city, self->city_row);
  collect_position (self, partner, errors);
  replace (&partner->email, self->email_row);
  replace (&partner->website, self->website_row);
  replace (&partner->notes, self->notes_view);
  escale_hours_editor_collect (self->hours_editor, partner);
  for (guint i = 0; i < ESCALE_N_PARTNER_LISTS; i++)
    escale_partner_list_collect (self->lists[i], i, partner, errors);
  return partner;
}
