/* test-partner-editor.c — the editor of the partners of the directory
 *
 * Real widgets on a real database: what is typed and chosen is what the
 * store holds afterwards; bad input is shown at its field or row and
 * nothing is written; editing keeps the ids of services and contacts;
 * deleting asks first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "escale-hours-editor.h"
#include "escale-partner-editor.h"
#include "escale-map-projection.h"
#include "escale-partner-util.h"
#include "escale-position-picker.h"
#include "escale-service-row.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

typedef struct
{
  EscaleStore         *store;
  EscalePartnerEditor *editor;
  gint64               saved_id;
  guint                n_saved;
  gint64               deleted_id;
  char                *kind;         /* a partner kind code */
  char                *themes[2];    /* two theme codes */
} Fixture;

/* Helpers */

static void
on_saved_cb (EscalePartnerEditor *editor G_GNUC_UNUSED,
             gint64               id,
             Fixture             *fixture)
{
  fixture->saved_id = id;
  fixture->n_saved++;
}

static void
on_deleted_cb (EscalePartnerEditor *editor G_GNUC_UNUSED,
               gint64               id,
               Fixture             *fixture)
{
  fixture->deleted_id = id;
}

static void
open_editor (Fixture *fixture,
             gint64   partner_id)
{
  fixture->editor = ESCALE_PARTNER_EDITOR (escale_partner_editor_new (NULL, fixture->store,
                                                                      partner_id));
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  g_signal_connect (fixture->editor, "deleted", G_CALLBACK (on_deleted_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  escale_test_spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) themes = NULL;

  fixture->store = escale_test_store_new ();
  escale_store_set_user (fixture->store, "tester");
  kinds = escale_vocab_list_codes (fixture->store, ESCALE_VOCAB_PARTNER_KIND);
  themes = escale_vocab_list_codes (fixture->store, ESCALE_VOCAB_THEME);
  g_assert_nonnull (kinds[0]);
  g_assert_true (themes[0] != NULL && themes[1] != NULL);
  fixture->kind = g_strdup (kinds[0]);
  fixture->themes[0] = g_strdup (themes[0]);
  fixture->themes[1] = g_strdup (themes[1]);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  if (fixture->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->editor));
  escale_test_spin ();
  g_assert_null (fixture->editor);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->kind);
  g_free (fixture->themes[0]);
  g_free (fixture->themes[1]);
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
type_field (Fixture                   *fixture,
            EscalePartnerEditorWidget  which,
            const char                *text)
{
  type_into (escale_partner_editor_get_widget (fixture->editor, which), text);
}

static void
type_hours (Fixture    *fixture,
            guint       weekday,
            guint       slot,
            const char *opens,
            const char *closes)
{
  EscaleHoursEditor *hours = escale_partner_editor_get_hours (fixture->editor);

  type_into (escale_hours_editor_get_entry (hours, weekday, slot, FALSE), opens);
  type_into (escale_hours_editor_get_entry (hours, weekday, slot, TRUE), closes);
}

static EscaleItemList *
list_of (Fixture           *fixture,
         EscalePartnerList  list)
{
  return escale_partner_editor_get_list (fixture->editor, list);
}

/* Adds an item with the add button's behaviour, and returns its index. */
static guint
add_item (Fixture           *fixture,
          EscalePartnerList  list,
          gpointer           data)
{
  EscaleItemList *items = list_of (fixture, list);

  escale_item_list_add (items, data);
  return escale_item_list_get_n_items (items) - 1;
}

static void
type_part (Fixture           *fixture,
           EscalePartnerList  list,
           guint              index,
           const char        *part,
           const char        *text)
{
  type_into (escale_item_list_get_part (list_of (fixture, list), index, part), text);
}

static EscaleServiceRow *
add_service (Fixture    *fixture,
             const char *theme,
             const char *total,
             const char *free_places)
{
  guint index = add_item (fixture, ESCALE_PARTNER_LIST_SERVICES, NULL);
  GtkWidget *row = escale_item_list_get_row (list_of (fixture, ESCALE_PARTNER_LIST_SERVICES),
                                             index);
  EscaleServiceRow *service = ESCALE_SERVICE_ROW (row);

  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_service_row_get_part (
                                   service, ESCALE_SERVICE_PART_THEME)), theme);
  type_into (escale_service_row_get_part (service, ESCALE_SERVICE_PART_TOTAL), total);
  type_into (escale_service_row_get_part (service, ESCALE_SERVICE_PART_FREE), free_places);
  return service;
}

static void
check (EscaleServiceRow *service,
       const char       *code)
{
  GtkCheckButton *button = escale_service_row_get_check (service, code);

  g_assert_nonnull (button);
  gtk_check_button_set_active (button, TRUE);
}

static guint
count_partners (Fixture *fixture)
{
  EscalePartnerFilter filter = { .include_inactive = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = escale_store_list_partners (fixture->store, &filter, &error);

  g_assert_no_error (error);
  return ids->len;
}

static EscalePartner *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  EscalePartner *partner = escale_store_load_partner (fixture->store, id, &error);

  g_assert_no_error (error);
  return partner;
}

static void
assert_refused (Fixture *fixture)
{
  guint n = count_partners (fixture);

  g_assert_false (escale_partner_editor_save (fixture->editor));
  escale_test_spin ();
  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (count_partners (fixture), ==, n);
}

static const char *
day_error (Fixture *fixture,
           guint    weekday)
{
  EscaleHoursEditor *hours = escale_partner_editor_get_hours (fixture->editor);

  return escale_partner_get_error (escale_hours_editor_get_day_row (hours, weekday));
}

/* A full partner, as typed. */
static void
fill_partner (Fixture *fixture)
{
  EscaleServiceRow *service;
  guint i;

  type_field (fixture, ESCALE_PARTNER_EDITOR_NAME, "Maison des Solidarités");
  escale_code_dropdown_set_code (GTK_DROP_DOWN (escale_partner_editor_get_widget (
                                   fixture->editor, ESCALE_PARTNER_EDITOR_KIND)), fixture->kind);
  type_field (fixture, ESCALE_PARTNER_EDITOR_CODE, "MDS-13");
  type_field (fixture, ESCALE_PARTNER_EDITOR_ADDRESS, "12 rue des Lilas");
  type_field (fixture, ESCALE_PARTNER_EDITOR_POSTAL_CODE, "13001");
  type_field (fixture, ESCALE_PARTNER_EDITOR_CITY, "Marseille");
  type_field (fixture, ESCALE_PARTNER_EDITOR_LATITUDE, "43,2965");
  type_field (fixture, ESCALE_PARTNER_EDITOR_LONGITUDE, "5.3698");
  type_field (fixture, ESCALE_PARTNER_EDITOR_EMAIL, "accueil@mds.example.org");
  type_field (fixture, ESCALE_PARTNER_EDITOR_WEBSITE, "https://mds.example.org");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              escale_partner_editor_get_widget (fixture->editor,
                                                                ESCALE_PARTNER_EDITOR_NOTES))),
                            "Ring twice.", -1);

  i = add_item (fixture, ESCALE_PARTNER_LIST_PHONES, NULL);
  type_part (fixture, ESCALE_PARTNER_LIST_PHONES, i, "phone", "+33 4 91 00 00 00");
  type_part (fixture, ESCALE_PARTNER_LIST_PHONES, i, "label", "Reception");
  add_item (fixture, ESCALE_PARTNER_LIST_LANGUAGES, "fr");
  add_item (fixture, ESCALE_PARTNER_LIST_LANGUAGES, "ar");

  type_hours (fixture, 1, 0, "9", "12h");
  type_hours (fixture, 1, 1, "14:00", "17:30");
  type_hours (fixture, 5, 0, "22:00", "06:00");   /* over midnight */
  type_into (escale_hours_editor_get_note_row (escale_partner_editor_get_hours (fixture->editor)),
             "Closed in August");

  i = add_item (fixture, ESCALE_PARTNER_LIST_CLOSURES, NULL);
  type_part (fixture, ESCALE_PARTNER_LIST_CLOSURES, i, "from", "24/12/2025");
  type_part (fixture, ESCALE_PARTNER_LIST_CLOSURES, i, "to", "2026-01-02");
  type_part (fixture, ESCALE_PARTNER_LIST_CLOSURES, i, "reason", "Holidays");

  service = add_service (fixture, fixture->themes[0], "20", "3");
  type_into (escale_service_row_get_part (service, ESCALE_SERVICE_PART_DESCRIPTION),
             "Legal advice");
  type_into (escale_service_row_get_part (service, ESCALE_SERVICE_PART_DOCUMENTS),
             "Residence permit");
  check (service, "refugees");
  check (service, "asylum_seekers");
  service = add_service (fixture, fixture->themes[1], "5", "");
  check (service, "women");

  i = add_item (fixture, ESCALE_PARTNER_LIST_CONTACTS, NULL);
  type_part (fixture, ESCALE_PARTNER_LIST_CONTACTS, i, "name", "Nadia Benali");
  type_part (fixture, ESCALE_PARTNER_LIST_CONTACTS, i, "role", "Coordinator");
  type_part (fixture, ESCALE_PARTNER_LIST_CONTACTS, i, "phone", "06 12 34 56 78");
  type_part (fixture, ESCALE_PARTNER_LIST_CONTACTS, i, "email", "nadia@mds.example.org");
  escale_test_spin ();
}

static void
assert_hours (EscalePartner *partner,
              guint          index,
              guint          weekday,
              const char    *opens,
              const char    *closes)
{
  EscalePartnerHours *slot = &g_array_index (partner->hours, EscalePartnerHours, index);

  g_assert_cmpuint (slot->weekday, ==, weekday);
  g_assert_cmpstr (slot->opens, ==, opens);
  g_assert_cmpstr (slot->closes, ==, closes);
}

static void
assert_full_partner (Fixture       *fixture,
                     EscalePartner *partner)
{
  EscalePartnerPhone *phone = g_ptr_array_index (partner->phones, 0);
  EscalePartnerClosure *closure = &g_array_index (partner->closures, EscalePartnerClosure, 0);
  EscalePartnerService *first = g_ptr_array_index (partner->services, 0);
  EscalePartnerService *second = g_ptr_array_index (partner->services, 1);
  EscalePartnerContact *contact = g_ptr_array_index (partner->contacts, 0);
  const char *const languages[] = { "ar", "fr", NULL };   /* the store sorts them */

  g_assert_cmpstr (partner->name, ==, "Maison des Solidarités");
  g_assert_cmpstr (partner->kind, ==, fixture->kind);
  g_assert_cmpstr (partner->code, ==, "MDS-13");
  g_assert_cmpstr (partner->address, ==, "12 rue des Lilas");
  g_assert_cmpstr (partner->postal_code, ==, "13001");
  g_assert_cmpstr (partner->city, ==, "Marseille");
  g_assert_cmpfloat_with_epsilon (partner->latitude, 43.2965, 1e-9);
  g_assert_cmpfloat_with_epsilon (partner->longitude, 5.3698, 1e-9);
  g_assert_cmpstr (partner->position_source, ==, "typed");
  g_assert_cmpstr (partner->email, ==, "accueil@mds.example.org");
  g_assert_cmpstr (partner->website, ==, "https://mds.example.org");
  g_assert_cmpstr (partner->notes, ==, "Ring twice.");
  g_assert_cmpstr (partner->hours_note, ==, "Closed in August");
  g_assert_true (partner->active);
  g_assert_cmpuint (partner->phones->len, ==, 1);
  g_assert_cmpstr (phone->phone, ==, "+33 4 91 00 00 00");
  g_assert_cmpstr (phone->label, ==, "Reception");
  g_assert_true (g_strv_equal ((const char * const *) partner->languages, languages));
  g_assert_cmpuint (partner->hours->len, ==, 3);
  assert_hours (partner, 0, 1, "09:00", "12:00");
  assert_hours (partner, 1, 1, "14:00", "17:30");
  assert_hours (partner, 2, 5, "22:00", "06:00");
  g_assert_cmpuint (partner->closures->len, ==, 1);
  g_assert_cmpstr (closure->from_date, ==, "2025-12-24");
  g_assert_cmpstr (closure->to_date, ==, "2026-01-02");
  g_assert_cmpstr (closure->reason, ==, "Holidays");
  g_assert_cmpuint (partner->services->len, ==, 2);
  g_assert_cmpstr (first->theme, ==, fixture->themes[0]);
  g_assert_cmpstr (first->description, ==, "Legal advice");
  g_assert_cmpstr (first->documents, ==, "Residence permit");
  g_assert_cmpuint (g_strv_length (first->eligibility), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) first->eligibility, "refugees"));
  g_assert_true (g_strv_contains ((const char * const *) first->eligibility, "asylum_seekers"));
  g_assert_cmpint (first->capacity_total, ==, 20);
  g_assert_cmpint (first->capacity_free, ==, 3);
  g_assert_cmpstr (second->theme, ==, fixture->themes[1]);
  g_assert_true (g_strv_length (second->eligibility) == 1 &&
                 g_str_equal (second->eligibility[0], "women"));
  g_assert_cmpint (second->capacity_total, ==, 5);
  g_assert_cmpint (second->capacity_free, ==, ESCALE_PARTNER_UNSET);
  g_assert_cmpuint (partner->contacts->len, ==, 1);
  g_assert_cmpstr (contact->name, ==, "Nadia Benali");
  g_assert_cmpstr (contact->role, ==, "Coordinator");
  g_assert_cmpstr (contact->phone, ==, "06 12 34 56 78");
  g_assert_cmpstr (contact->email, ==, "nadia@mds.example.org");
}

/* Tests */

/* A new partner, with everything: saved, and reloaded equal; opened again
 * and saved untouched, it stays the same. */
static void
test_create (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePartner) partner = NULL;
  g_autoptr(EscalePartner) again = NULL;
  EscaleHoursEditor *hours;

  open_editor (fixture, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New Partner");
  fill_partner (fixture);
  hours = escale_partner_editor_get_hours (fixture->editor);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     escale_hours_editor_get_day_row (hours, 3))), ==, "Closed");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     escale_hours_editor_get_day_row (hours, 5))), ==, "Until the next morning");
  g_assert_true (escale_partner_editor_save (fixture->editor));
  escale_test_spin ();
  g_assert_null (fixture->editor);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, >, 0);
  partner = load (fixture, fixture->saved_id);
  assert_full_partner (fixture, partner);

  open_editor (fixture, fixture->saved_id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "Edit Partner");
  g_assert_true (escale_partner_editor_save (fixture->editor));
  escale_test_spin ();
  g_assert_cmpuint (fixture->n_saved, ==, 2);
  again = load (fixture, fixture->saved_id);
  assert_full_partner (fixture, again);
}

/* Bad time, bad coordinates, more free places than places: each shown at
 * its place, nothing written until all is right. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  EscaleServiceRow *service;
  EscaleItemList *closures;
  guint closure;

  open_editor (fixture, 0);
  /* Nothing typed: the name is required. */
  assert_refused (fixture);
  g_assert_cmpstr (escale_partner_editor_get_error (fixture->editor, ESCALE_PARTNER_FIELD_NAME,
                                                    0), ==, "The name is required");

  type_field (fixture, ESCALE_PARTNER_EDITOR_NAME, "Accueil de jour");
  type_hours (fixture, 1, 0, "09:00", "12:00");
  type_hours (fixture, 3, 1, "25:00", "18:00");
  type_field (fixture, ESCALE_PARTNER_EDITOR_LATITUDE, "north");
  type_field (fixture, ESCALE_PARTNER_EDITOR_LONGITUDE, "200");
  service = add_service (fixture, fixture->themes[0], "4", "6");
  closure = add_item (fixture, ESCALE_PARTNER_LIST_CLOSURES, NULL);
  type_part (fixture, ESCALE_PARTNER_LIST_CLOSURES, closure, "from", "31/02/2025");
  assert_refused (fixture);

  g_assert_null (escale_partner_editor_get_error (fixture->editor, ESCALE_PARTNER_FIELD_NAME, 0));
  g_assert_null (day_error (fixture, 1));
  g_assert_cmpstr (day_error (fixture, 3), ==, "Write the hours as HH:MM, for example 09:30");
  g_assert_cmpstr (escale_partner_editor_get_error (fixture->editor,
                                                    ESCALE_PARTNER_FIELD_LATITUDE, 0),
                   ==, "Write a number in decimal degrees, such as 48.8566");
  g_assert_cmpstr (escale_partner_editor_get_error (fixture->editor,
                                                    ESCALE_PARTNER_FIELD_LONGITUDE, 0),
                   ==, "The longitude must be between -180 and 180");
  g_assert_cmpstr (escale_partner_get_error (escale_service_row_get_owner (
                     service, ESCALE_PARTNER_FIELD_SERVICE_CAPACITY)),
                   ==, "There cannot be more free places than places");
  g_assert_null (escale_partner_get_error (escale_service_row_get_owner (
                   service, ESCALE_PARTNER_FIELD_SERVICE_THEME)));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (service)));
  closures = list_of (fixture, ESCALE_PARTNER_LIST_CLOSURES);
  g_assert_nonnull (escale_item_list_get_error (closures, closure));
  g_assert_true (g_str_has_prefix (escale_item_list_get_error (closures, closure), "From: "));

  /* Put right one after the other: still refused until the last. */
  type_hours (fixture, 3, 1, "14:00", "18:00");
  type_field (fixture, ESCALE_PARTNER_EDITOR_LATITUDE, "43.3");
  type_field (fixture, ESCALE_PARTNER_EDITOR_LONGITUDE, "5.4");
  escale_item_list_remove (closures, closure);
  assert_refused (fixture);
  g_assert_null (day_error (fixture, 3));
  g_assert_null (escale_partner_editor_get_error (fixture->editor,
                                                  ESCALE_PARTNER_FIELD_LATITUDE, 0));
  g_assert_nonnull (escale_partner_get_error (escale_service_row_get_owner (
                      service, ESCALE_PARTNER_FIELD_SERVICE_CAPACITY)));
  type_into (escale_service_row_get_part (service, ESCALE_SERVICE_PART_FREE), "2");
  g_assert_true (escale_partner_editor_save (fixture->editor));
  escale_test_spin ();
  g_assert_cmpuint (count_partners (fixture), ==, 1);
}

/* Editing keeps the ids of services and contacts, and their capacity stamp
 * when the figures do not change. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(EscalePartner) edited = NULL;
  g_autoptr(GError) error = NULL;
  EscalePartnerService *service;
  gint64 service_ids[2], contact_id;
  g_autofree char *stamp = NULL;
  guint added;

  partner->name = g_strdup ("Point d'eau");
  service = escale_partner_add_service (partner, fixture->themes[0]);
  service->capacity_total = 10;
  service->capacity_free = 4;
  escale_partner_add_service (partner, fixture->themes[1]);
  escale_partner_add_contact (partner, "Marc", "Director", NULL, NULL);
  escale_partner_add_hours (partner, 2, "20:00", "02:00");
  g_assert_true (escale_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  service_ids[0] = ((EscalePartnerService *) g_ptr_array_index (partner->services, 0))->id;
  service_ids[1] = ((EscalePartnerService *) g_ptr_array_index (partner->services, 1))->id;
  contact_id = ((EscalePartnerContact *) g_ptr_array_index (partner->contacts, 0))->id;
  stamp = g_strdup (service->capacity_updated_at);
  g_assert_nonnull (stamp);

  open_editor (fixture, partner->id);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (
    escale_partner_editor_get_widget (fixture->editor, ESCALE_PARTNER_EDITOR_NAME),
    GTK_TYPE_WINDOW)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (escale_hours_editor_get_entry (
                     escale_partner_editor_get_hours (fixture->editor), 2, 0, TRUE))), ==,
                   "02:00");
  type_field (fixture, ESCALE_PARTNER_EDITOR_NAME, "Point d'eau Nord");
  type_part (fixture, ESCALE_PARTNER_LIST_CONTACTS, 0, "role", "Manager");
  added = add_item (fixture, ESCALE_PARTNER_LIST_CONTACTS, NULL);
  type_part (fixture, ESCALE_PARTNER_LIST_CONTACTS, added, "name", "Léa");
  gtk_switch_set_active (GTK_SWITCH (escale_partner_editor_get_widget (
                           fixture->editor, ESCALE_PARTNER_EDITOR_ACTIVE)), FALSE);
  g_assert_true (escale_partner_editor_save (fixture->editor));
  escale_test_spin ();
  g_assert_cmpint (fixture->saved_id, ==, partner->id);

  edited = load (fixture, partner->id);
  g_assert_cmpstr (edited->name, ==, "Point d'eau Nord");
  g_assert_false (edited->active);
  g_assert_cmpuint (edited->services->len, ==, 2);
  service = g_ptr_array_index (edited->services, 0);
  g_assert_cmpint (service->id, ==, service_ids[0]);
  g_assert_cmpint (service->capacity_free, ==, 4);
  g_assert_cmpstr (service->capacity_updated_at, ==, stamp);
  g_assert_cmpint (((EscalePartnerService *) g_ptr_array_index (edited->services, 1))->id, ==,
                   service_ids[1]);
  g_assert_cmpuint (edited->contacts->len, ==, 2);
  g_assert_cmpint (((EscalePartnerContact *) g_ptr_array_index (edited->contacts, 0))->id, ==,
                   contact_id);
  g_assert_cmpstr (((EscalePartnerContact *) g_ptr_array_index (edited->contacts, 0))->role, ==,
                   "Manager");
  g_assert_cmpuint (edited->hours->len, ==, 1);
  assert_hours (edited, 0, 2, "20:00", "02:00");
}

/* Deleting asks first; cancelled, nothing happens. */
static void
test_delete (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(EscalePartner) gone = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;

  /* A new partner cannot be deleted. */
  open_editor (fixture, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.delete", NULL);
  escale_test_spin ();
  g_assert_null (escale_test_find_message_dialog ());
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  escale_test_spin ();

  partner->name = g_strdup ("Cimade");
  g_assert_true (escale_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  open_editor (fixture, partner->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.delete",
                                             NULL));
  escale_test_spin ();
  question = escale_test_find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Delete This Partner?");
  gtk_window_close (GTK_WINDOW (question));
  escale_test_spin ();
  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (count_partners (fixture), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.delete",
                                             NULL));
  escale_test_spin ();
  question = escale_test_find_message_dialog ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "delete");
  gtk_window_destroy (GTK_WINDOW (question));
  escale_test_spin ();
  g_assert_null (fixture->editor);
  g_assert_cmpint (fixture->deleted_id, ==, partner->id);
  g_assert_cmpuint (count_partners (fixture), ==, 0);
  gone = escale_store_load_partner (fixture->store, partner->id, &error);
  g_assert_null (gone);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

static gboolean
has_locate_action (GtkWidget     *widget,
                   gconstpointer  data G_GNUC_UNUSED)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "editor.locate") == 0;
}

static gboolean
lookup_marseille (const char *postal_code,
                  const char *city G_GNUC_UNUSED,
                  double     *latitude,
                  double     *longitude,
                  gpointer    user_data G_GNUC_UNUSED)
{
  if (g_strcmp0 (postal_code, "13001") != 0)
    return FALSE;
  *latitude = 43.3;
  *longitude = 5.38;
  return TRUE;
}

/* The hook of the map helper: a position from the postal code is saved as
 * such, until the coordinates are typed over. */
static void
test_position_lookup (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePartner) partner = NULL;

  open_editor (fixture, 0);
  g_assert_false (gtk_widget_is_visible (escale_test_find_widget (
    fixture->editor, GTK_TYPE_BUTTON, has_locate_action, NULL)));
  escale_partner_editor_set_position_lookup (fixture->editor, lookup_marseille, NULL, NULL);
  g_assert_true (gtk_widget_is_visible (escale_test_find_widget (
    fixture->editor, GTK_TYPE_BUTTON, has_locate_action, NULL)));
  type_field (fixture, ESCALE_PARTNER_EDITOR_NAME, "Accueil");
  type_field (fixture, ESCALE_PARTNER_EDITOR_POSTAL_CODE, "75001");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.locate",
                                             NULL));
  g_assert_nonnull (escale_partner_get_error (escale_partner_editor_get_widget (
                      fixture->editor, ESCALE_PARTNER_EDITOR_POSTAL_CODE)));
  type_field (fixture, ESCALE_PARTNER_EDITOR_POSTAL_CODE, "13001");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.locate", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (escale_partner_editor_get_widget (
                     fixture->editor, ESCALE_PARTNER_EDITOR_LATITUDE))), ==, "43.3");
  g_assert_true (escale_partner_editor_save (fixture->editor));
  escale_test_spin ();
  partner = load (fixture, fixture->saved_id);
  g_assert_cmpstr (partner->position_source, ==, "postal_code");
  g_assert_cmpfloat (partner->longitude, ==, 5.38);
}

static EscalePositionPicker *
find_picker (void)
{
  GListModel *windows = gtk_window_get_toplevels ();
  EscalePositionPicker *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (windows, i);

      if (ESCALE_IS_POSITION_PICKER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = ESCALE_POSITION_PICKER (window);
    }
  return found;
}

static EscalePositionPicker *
open_picker (Fixture *fixture)
{
  EscalePositionPicker *picker;
  GtkWidget *map;

  g_assert_null (find_picker ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.place", NULL));
  picker = find_picker ();
  g_assert_nonnull (picker);
  map = GTK_WIDGET (escale_position_picker_get_map (picker));
  for (guint i = 0; i < 50 && gtk_widget_get_width (map) == 0; i++)
    escale_test_spin ();
  g_assert_cmpint (gtk_widget_get_width (map), >, 0);
  return picker;
}

/* Placing on the map: the picker opens on the postal code's place with no
 * marker; a click places it where the projection says; the position is
 * then the editor's, saved as placed on the map. */
static void
test_position_picker (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePartner) partner = NULL;
  EscalePositionPicker *picker;
  EscaleMapView view;
  ShumateViewport *viewport;
  GtkWidget *map;
  double latitude, longitude, expected_lat, expected_lon;
  const char *typed;

  open_editor (fixture, 0);
  escale_partner_editor_set_position_lookup (fixture->editor, lookup_marseille, NULL, NULL);
  type_field (fixture, ESCALE_PARTNER_EDITOR_NAME, "Accueil");
  type_field (fixture, ESCALE_PARTNER_EDITOR_POSTAL_CODE, "13001");
  picker = open_picker (fixture);
  g_assert_false (escale_position_picker_get_position (picker, NULL, NULL));
  g_assert_false (escale_position_picker_confirm (picker));
  map = GTK_WIDGET (escale_position_picker_get_map (picker));
  viewport = escale_partner_map_get_viewport (ESCALE_PARTNER_MAP (map));
  view = (EscaleMapView) { shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                           shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                           shumate_viewport_get_zoom_level (viewport),
                           gtk_widget_get_width (map), gtk_widget_get_height (map) };
  g_assert_cmpfloat_with_epsilon (view.latitude, 43.3, 1e-6);
  g_assert_cmpfloat_with_epsilon (view.longitude, 5.38, 1e-6);

  escale_position_picker_pick_at (picker, view.width / 2 + 60, view.height / 2 - 40);
  escale_map_view_to_location (&view, view.width / 2 + 60, view.height / 2 - 40,
                               &expected_lat, &expected_lon);
  g_assert_true (escale_position_picker_get_position (picker, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (latitude, expected_lat, 1e-9);
  g_assert_cmpfloat_with_epsilon (longitude, expected_lon, 1e-9);
  g_assert_cmpfloat (latitude, >, 43.3);   /* up and to the right: north-east */
  g_assert_cmpfloat (longitude, >, 5.38);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.use", NULL));
  escale_test_spin ();
  g_assert_null (find_picker ());
  typed = gtk_editable_get_text (GTK_EDITABLE (escale_partner_editor_get_widget (
            fixture->editor, ESCALE_PARTNER_EDITOR_LATITUDE)));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (typed, NULL), expected_lat, 1e-5);

  /* Opened again, it shows the position with its marker; cancelling keeps it. */
  picker = open_picker (fixture);
  g_assert_true (escale_position_picker_get_position (picker, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (longitude, expected_lon, 1e-5);
  escale_position_picker_pick_at (picker, 10, 10);
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.cancel", NULL);
  escale_test_spin ();
  g_assert_null (find_picker ());

  g_assert_true (escale_partner_editor_save (fixture->editor));
  escale_test_spin ();
  partner = load (fixture, fixture->saved_id);
  g_assert_cmpstr (partner->position_source, ==, "map");
  g_assert_cmpfloat_with_epsilon (partner->latitude, expected_lat, 1e-9);
  g_assert_cmpfloat_with_epsilon (partner->longitude, expected_lon, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/partner-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create", test_create);
  ADD ("bad-input", test_bad_input);
  ADD ("edit", test_edit);
  ADD ("delete", test_delete);
  ADD ("position-lookup", test_position_lookup);
  ADD ("position-picker", test_position_picker);
#undef ADD

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
