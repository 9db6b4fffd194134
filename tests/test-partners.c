/* test-partners.c — the partner directory: validation, storage, filters,
 * opening hours, capacity and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-geo.h"
#include "escale-partner-hours.h"
#include "escale-partner-import.h"
#include "escale-partner-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

static gint64
query_int (EscaleStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (EscaleStore *store,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return escale_column_dup (stmt, 0);
}

static EscalePartner *
new_partner (const char *code,
             const char *name)
{
  EscalePartner *partner = escale_partner_new ();

  partner->code = g_strdup (code);
  partner->name = g_strdup (name);
  return partner;
}

static gint64
save (EscaleStore   *store,
      EscalePartner *partner)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_partner (store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (partner->id, >, 0);
  return partner->id;
}

/* The message of the first problem with @field, or NULL. */
static const char *
problem_with (GPtrArray          *problems,
              EscalePartnerField  field,
              guint               index)
{
  for (guint i = 0; i < problems->len; i++)
    {
      EscalePartnerError *error = g_ptr_array_index (problems, i);

      if (error->field == field && error->index == index)
        return error->message;
    }
  return NULL;
}

static void
assert_refused (EscaleStore        *store,
                EscalePartner      *partner,
                EscalePartnerField  field,
                guint               index,
                const char         *message)
{
  g_autoptr(GPtrArray) problems = escale_store_validate_partner (store, partner);
  g_autoptr(GError) error = NULL;
  gint64 before = query_int (store, "SELECT count(*) FROM partner");

  g_assert_cmpstr (problem_with (problems, field, index), ==, message);
  g_assert_false (escale_store_save_partner (store, partner, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partner"), ==, before);
}

static void
test_validation (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePartner) partner = new_partner ("A", "  ");
  g_autoptr(EscalePartner) other = new_partner ("A", "Other");
  g_autoptr(GPtrArray) clean = NULL;
  EscalePartnerService *service;

  assert_refused (store, partner, ESCALE_PARTNER_FIELD_NAME, 0, "The name is required");
  g_free (partner->name);
  partner->name = g_strdup ("Accueil");
  save (store, other);
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_CODE, 0,
                  "Another partner already has this code");
  g_free (partner->code);
  partner->code = g_strdup ("B");

  partner->latitude = 48.8;
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_POSITION, 0,
                  "Give both the latitude and the longitude, or neither");
  partner->latitude = 91;
  partner->longitude = 2.3;
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_LATITUDE, 0,
                  "The latitude must be between -90 and 90");
  partner->latitude = 48.8;
  partner->longitude = -181;
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_LONGITUDE, 0,
                  "The longitude must be between -180 and 180");
  partner->longitude = 2.3;

  partner->email = g_strdup ("contact@example");
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_EMAIL, 0,
                  "This is not an email address, such as contact@example.org");
  g_free (partner->email);
  partner->email = g_strdup ("contact@example.org");
  partner->website = g_strdup ("http://exa mple.org");
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_WEBSITE, 0,
                  "This is not a website address, such as https://example.org");
  g_free (partner->website);
  partner->website = g_strdup ("www.example.org/accueil");
  partner->kind = g_strdup ("castle");
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_KIND, 0, "Unknown kind of partner “castle”");
  g_free (partner->kind);
  partner->kind = g_strdup ("association");

  escale_partner_add_phone (partner, "01 42 00 00 00", NULL);
  escale_partner_add_phone (partner, "call us", NULL);
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_PHONES, 1,
                  "This is not a phone number, such as +33 1 42 00 00 00");
  g_ptr_array_remove_index (partner->phones, 1);
  g_strfreev (partner->languages);
  partner->languages = g_strsplit ("fr|xx", "|", -1);
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_LANGUAGES, 1,
                  "Unknown language “xx”: use an ISO 639 code, such as fr, ar or prs");
  g_free (partner->languages[1]);
  partner->languages[1] = g_strdup ("prs");

  escale_partner_add_hours (partner, 1, "09:00", "12:00");
  escale_partner_add_hours (partner, 1, "14:00", "24:00");
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_HOURS, 1,
                  "Write the hours as HH:MM, for example 09:30");
  g_array_remove_index (partner->hours, 1);
  escale_partner_add_hours (partner, 2, "10:00", "10:00");
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_HOURS, 1,
                  "The opening and closing times cannot be the same");
  g_array_remove_index (partner->hours, 1);
  escale_partner_add_hours (partner, 8, "10:00", "11:00");
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_HOURS, 1, "Choose a day of the week");
  g_array_remove_index (partner->hours, 1);
  escale_partner_add_closure (partner, "2026-08-10", "2026-08-01", NULL);
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_CLOSURES, 0,
                  "A closure cannot end before it starts");
  g_array_remove_index (partner->closures, 0);
  escale_partner_add_closure (partner, "2026-02-30", "2026-03-01", NULL);
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_CLOSURES, 0, "This date does not exist");
  g_array_remove_index (partner->closures, 0);

  escale_partner_add_contact (partner, "", "director", NULL, NULL);
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_CONTACTS, 0, "A contact needs a name");
  g_ptr_array_remove_index (partner->contacts, 0);

  service = escale_partner_add_service (partner, "castles");
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_SERVICE_THEME, 0, "Unknown theme “castles”");
  g_free (service->theme);
  service->theme = g_strdup ("housing");
  g_strfreev (service->eligibility);
  service->eligibility = g_strsplit ("women|kings", "|", -1);
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_SERVICE_ELIGIBILITY, 0,
                  "Unknown eligibility “kings”");
  g_free (service->eligibility[1]);
  service->eligibility[1] = g_strdup ("minors");
  service->capacity_total = 10;
  service->capacity_free = 11;
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_SERVICE_CAPACITY, 0,
                  "There cannot be more free places than places");
  service->capacity_free = -1;
  assert_refused (store, partner, ESCALE_PARTNER_FIELD_SERVICE_CAPACITY, 0,
                  "A number of places cannot be negative");
  service->capacity_free = 10;

  clean = escale_store_validate_partner (store, partner);
  g_assert_cmpuint (clean->len, ==, 0);
  save (store, partner);
}

static EscalePartner *
full_partner (void)
{
  EscalePartner *partner = new_partner ("SEC-10", "Secours Été du Xe");
  EscalePartnerService *service;

  partner->kind = g_strdup ("association");
  partner->address = g_strdup ("12 rue de l'Échiquier");
  partner->postal_code = g_strdup ("75010");
  partner->city = g_strdup ("Paris");
  partner->latitude = 48.8712;
  partner->longitude = 2.3521;
  partner->position_source = g_strdup ("typed");
  partner->email = g_strdup ("accueil@secours.example.org");
  partner->website = g_strdup ("https://secours.example.org");
  partner->hours_note = g_strdup ("Sans rendez-vous le matin");
  partner->notes = g_strdup ("Ask for Malika");
  g_strfreev (partner->languages);
  partner->languages = g_strsplit ("fr|AR|prs", "|", -1);
  escale_partner_add_phone (partner, "01 42 00 00 00", "accueil");
  escale_partner_add_phone (partner, "+33 6 12 34 56 78", NULL);
  escale_partner_add_hours (partner, 1, "09:00", "12:00");
  escale_partner_add_hours (partner, 5, "20:00", "02:00");
  escale_partner_add_closure (partner, "2026-08-01", "2026-08-21", "Summer");
  escale_partner_add_contact (partner, "Malika B.", "coordinator", "01 42 00 00 01",
                              "malika@secours.example.org");
  service = escale_partner_add_service (partner, "housing");
  service->description = g_strdup ("Emergency shelter");
  service->documents = g_strdup ("Any identity document");
  g_strfreev (service->eligibility);
  service->eligibility = g_strsplit ("asylum_seekers|women", "|", -1);
  service->capacity_total = 20;
  service->capacity_free = 12;
  escale_partner_add_service (partner, "health");
  return partner;
}

static void
test_round_trip (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePartner) partner = full_partner ();
  g_autoptr(EscalePartner) loaded = NULL;
  g_autoptr(EscalePartner) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *created_by = NULL;
  EscalePartnerService *housing;
  gint64 id, contact_id, service_id;

  escale_store_set_user (store, "lea");
  id = save (store, partner);
  g_assert_nonnull (partner->uuid);
  loaded = escale_store_load_partner (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->code, ==, "SEC-10");
  g_assert_cmpstr (loaded->name, ==, "Secours Été du Xe");
  g_assert_cmpstr (loaded->kind, ==, "association");
  g_assert_cmpstr (loaded->address, ==, "12 rue de l'Échiquier");
  g_assert_cmpstr (loaded->city, ==, "Paris");
  g_assert_cmpfloat_with_epsilon (loaded->latitude, 48.8712, 1e-9);
  g_assert_cmpfloat_with_epsilon (loaded->longitude, 2.3521, 1e-9);
  g_assert_cmpstr (loaded->position_source, ==, "typed");
  g_assert_cmpstr (loaded->hours_note, ==, "Sans rendez-vous le matin");
  g_assert_true (loaded->active);
  /* Languages normalised and sorted. */
  g_assert_cmpstrv (loaded->languages, ((const char *[]) { "ar", "fr", "prs", NULL }));
  g_assert_cmpuint (loaded->phones->len, ==, 2);
  g_assert_cmpstr (((EscalePartnerPhone *) g_ptr_array_index (loaded->phones, 0))->label, ==,
                   "accueil");
  g_assert_cmpuint (loaded->hours->len, ==, 2);
  g_assert_cmpstr (g_array_index (loaded->hours, EscalePartnerHours, 1).closes, ==, "02:00");
  g_assert_cmpuint (loaded->closures->len, ==, 1);
  g_assert_cmpstr (g_array_index (loaded->closures, EscalePartnerClosure, 0).reason, ==, "Summer");
  g_assert_cmpuint (loaded->contacts->len, ==, 1);
  g_assert_cmpuint (loaded->services->len, ==, 2);
  housing = escale_partner_find_service (loaded, "housing");
  g_assert_cmpstr (housing->documents, ==, "Any identity document");
  g_assert_cmpstrv (housing->eligibility,
                    ((const char *[]) { "asylum_seekers", "women", NULL }));
  g_assert_cmpint (housing->capacity_total, ==, 20);
  g_assert_cmpint (housing->capacity_free, ==, 12);
  g_assert_nonnull (housing->capacity_updated_at);
  g_assert_cmpstr (housing->capacity_updated_by, ==, "lea");
  g_assert_cmpint (escale_partner_find_service (loaded, "health")->capacity_free, ==,
                   ESCALE_PARTNER_UNSET);
  g_assert_null (escale_partner_find_service (loaded, "health")->capacity_updated_at);

  /* Audit columns and the folded search key. */
  key = query_text (store, "SELECT search_key FROM partner");
  g_assert_cmpstr (key, ==, "secours ete du xe paris 75010 sec-10");
  created_by = query_text (store, "SELECT created_by || '/' || updated_by FROM partner");
  g_assert_cmpstr (created_by, ==, "lea/lea");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partner_service "
                              "WHERE created_by = 'lea' AND created_at IS NOT NULL"), ==, 2);

  /* Editing keeps the ids of what stays and removes what went. */
  contact_id = ((EscalePartnerContact *) g_ptr_array_index (loaded->contacts, 0))->id;
  service_id = housing->id;
  g_ptr_array_remove_index (loaded->services, 1);
  g_ptr_array_set_size (loaded->phones, 0);
  escale_store_set_user (store, "karim");
  save (store, loaded);
  again = escale_store_load_partner (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->services->len, ==, 1);
  g_assert_cmpint (((EscalePartnerService *) g_ptr_array_index (again->services, 0))->id, ==,
                   service_id);
  g_assert_cmpint (((EscalePartnerContact *) g_ptr_array_index (again->contacts, 0))->id, ==,
                   contact_id);
  g_assert_cmpuint (again->phones->len, ==, 0);
  /* The capacity did not change: its stamp stays Léa's. */
  g_assert_cmpstr (((EscalePartnerService *) g_ptr_array_index (again->services, 0))
                     ->capacity_updated_by, ==, "lea");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partner WHERE updated_by = 'karim' "
                              "AND created_by = 'lea'"), ==, 1);

  g_assert_null (escale_store_load_partner (store, id + 100, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

/* A local time in Paris (TZ is Europe/Paris in the tests). */
static GDateTime *
at (const char *iso)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  GDateTime *when = g_date_time_new_from_iso8601 (iso, zone);

  g_assert_nonnull (when);
  return when;
}

static gboolean
open_at (GArray     *slots,
         GArray     *closures,
         const char *iso)
{
  g_autoptr(GDateTime) when = at (iso);

  return escale_hours_is_open_at (slots, closures, when);
}

static void
test_hours (void)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  GArray *slots = partner->hours, *closures = partner->closures;
  g_autofree char *monday = NULL;
  g_autofree char *friday = NULL;
  g_autofree char *week = NULL;
  int minutes = 0;

  g_assert_true (escale_hours_parse_time ("09:05", &minutes));
  g_assert_cmpint (minutes, ==, 9 * 60 + 5);
  g_assert_false (escale_hours_parse_time ("24:00", NULL));
  g_assert_false (escale_hours_parse_time ("9:00", NULL));
  g_assert_false (escale_hours_parse_time ("09:60", NULL));
  g_assert_cmpuint (escale_weekday_of_date ("2026-03-02"), ==, 1);
  g_assert_cmpuint (escale_weekday_of_date ("2026-03-08"), ==, 7);

  /* Monday morning and afternoon; Friday night until 2:00. */
  escale_partner_add_hours (partner, 1, "14:00", "17:00");
  escale_partner_add_hours (partner, 1, "09:00", "12:00");
  escale_partner_add_hours (partner, 5, "20:00", "02:00");
  escale_partner_add_closure (partner, "2026-03-02", "2026-03-03", "Training");
  escale_partner_add_closure (partner, "2026-03-13", "2026-03-13", NULL);
  escale_partner_add_closure (partner, "2026-03-21", "2026-03-21", NULL);

  g_assert_true (open_at (slots, closures, "2026-03-09T09:00:00"));
  g_assert_true (open_at (slots, closures, "2026-03-09T11:59:00"));
  g_assert_false (open_at (slots, closures, "2026-03-09T12:00:00"));
  g_assert_false (open_at (slots, closures, "2026-03-09T08:59:00"));
  g_assert_true (open_at (slots, closures, "2026-03-09T14:30:00"));
  g_assert_false (open_at (slots, closures, "2026-03-10T10:00:00"));
  /* The exceptional closure of Monday 2 March. */
  g_assert_false (open_at (slots, closures, "2026-03-02T10:00:00"));
  /* Over midnight: Friday evening, and Saturday until 2:00. */
  g_assert_true (open_at (slots, closures, "2026-03-06T23:30:00"));
  g_assert_true (open_at (slots, closures, "2026-03-07T01:59:00"));
  g_assert_false (open_at (slots, closures, "2026-03-07T02:00:00"));
  g_assert_false (open_at (slots, closures, "2026-03-06T19:59:00"));
  g_assert_false (open_at (slots, closures, "2026-03-08T01:00:00"));
  /* Friday 13 is closed: no night, not even its early hours on Saturday. */
  g_assert_false (open_at (slots, closures, "2026-03-13T22:00:00"));
  g_assert_false (open_at (slots, closures, "2026-03-14T01:00:00"));
  /* Saturday 21 closed: the night begun on Friday 20 goes on. */
  g_assert_true (open_at (slots, closures, "2026-03-21T01:00:00"));

  g_assert_true (escale_hours_is_open_on_weekday (slots, 1));
  g_assert_false (escale_hours_is_open_on_weekday (slots, 2));
  g_assert_true (escale_hours_is_open_on_date (slots, closures, "2026-03-09"));
  g_assert_false (escale_hours_is_open_on_date (slots, closures, "2026-03-02"));
  g_assert_false (escale_hours_is_open_on_date (slots, closures, "2026-03-10"));

  monday = escale_hours_format_day (slots, 1);
  g_assert_cmpstr (monday, ==, "Mon 9:00–12:00, 14:00–17:00");
  friday = escale_hours_format_day (slots, 5);
  g_assert_cmpstr (friday, ==, "Fri 20:00–2:00");
  g_assert_null (escale_hours_format_day (slots, 2));
  week = escale_hours_format (slots);
  g_assert_cmpstr (week, ==, "Mon 9:00–12:00, 14:00–17:00\nFri 20:00–2:00");
}

static gint64
add_partner (EscaleStore *store,
             const char  *code,
             const char  *name,
             const char  *kind,
             const char  *languages,
             const char  *theme,
             const char  *eligibility,
             gint64       free_places)
{
  g_autoptr(EscalePartner) partner = new_partner (code, name);
  EscalePartnerService *service;

  partner->kind = g_strdup (kind);
  g_strfreev (partner->languages);
  partner->languages = g_strsplit (languages, "|", -1);
  service = escale_partner_add_service (partner, theme);
  g_strfreev (service->eligibility);
  service->eligibility = eligibility ? g_strsplit (eligibility, "|", -1) : g_new0 (char *, 1);
  if (free_places >= 0)
    {
      service->capacity_total = 30;
      service->capacity_free = free_places;
    }
  return save (store, partner);
}

/* The codes of the partners the filter keeps, in order, joined by spaces. */
static char *
listed (EscaleStore               *store,
        const EscalePartnerFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = escale_store_list_partners (store, filter, &error);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);

  g_assert_no_error (error);
  summaries = escale_store_load_partner_summaries (store, (const gint64 *) ids->data, ids->len,
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, ids->len);
  for (guint i = 0; i < summaries->len; i++)
    g_string_append_printf (codes, "%s%s", i ? " " : "",
                            ((EscalePartnerSummary *) g_ptr_array_index (summaries, i))->code);
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

#define assert_listed(store, expected, ...) \
  G_STMT_START { \
    EscalePartnerFilter filter_ = { __VA_ARGS__ }; \
    g_autofree char *codes_ = listed ((store), &filter_); \
    g_assert_cmpstr (codes_, ==, (expected)); \
  } G_STMT_END

static void
test_filters (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePartner) night = NULL;
  g_autoptr(GDateTime) friday_night = at ("2026-03-06T23:00:00");
  g_autoptr(GDateTime) saturday_early = at ("2026-03-07T01:00:00");
  g_autoptr(GDateTime) closed_day = at ("2026-03-13T23:00:00");
  g_autoptr(GDateTime) monday = at ("2026-03-09T10:00:00");
  g_autoptr(GError) error = NULL;
  gint64 inactive;

  add_partner (store, "FLE", "Français pour tous", "school", "fr|en", "language", NULL, -1);
  add_partner (store, "ABRI", "Abri de nuit", "shelter", "fr|ar", "housing", "women", 0);
  add_partner (store, "CMS", "Centre médico-social", "health_centre", "fr|ps", "health",
               "everyone", 4);
  add_partner (store, "DROIT", "Droits d'abord", "legal_aid", "fr|ti|ar", "rights",
               "asylum_seekers|refugees", 2);
  inactive = add_partner (store, "OLD", "Ancien foyer", "shelter", "fr", "housing", NULL, 9);
  g_assert_true (escale_store_set_partner_active (store, inactive, FALSE, &error));
  g_assert_no_error (error);

  /* Everyone active, by name, accents ignored in the order. */
  assert_listed (store, "ABRI CMS DROIT FLE", 0);
  assert_listed (store, "ABRI OLD CMS DROIT FLE", .include_inactive = TRUE);
  assert_listed (store, "ABRI", .theme = "housing");
  assert_listed (store, "ABRI OLD", .theme = "housing", .include_inactive = TRUE);
  assert_listed (store, "ABRI", .kind = "shelter");
  assert_listed (store, "ABRI DROIT", .language = "ar");
  assert_listed (store, "CMS DROIT", .has_free_places = TRUE);
  assert_listed (store, "", .theme = "housing", .has_free_places = TRUE);
  /* Text: accents, case and the city ignored; wildcards are letters. */
  assert_listed (store, "CMS", .text = "MEDICO");
  assert_listed (store, "FLE", .text = "francais");
  assert_listed (store, "ABRI CMS DROIT FLE", .text = "%");
  assert_listed (store, "", .text = "a%b");
  assert_listed (store, "ABRI CMS DROIT FLE", .text = "  ");
  assert_listed (store, "DROIT", .text = "d'abord");
  assert_listed (store, "", .text = "\"' AND *");
  /* Eligibility: listed, everyone, or no rule at all. */
  assert_listed (store, "CMS DROIT FLE", .eligibility = "refugees");
  assert_listed (store, "ABRI CMS FLE", .eligibility = "women");
  assert_listed (store, "CMS", .eligibility = "minors", .has_free_places = TRUE);
  assert_listed (store, "", .eligibility = "women", .theme = "rights");

  /* Hours: only the night shelter has some. */
  night = escale_store_load_partner (store, escale_store_find_partner (store, "ABRI"), &error);
  g_assert_no_error (error);
  escale_partner_add_hours (night, 5, "20:00", "08:00");
  escale_partner_add_closure (night, "2026-03-13", "2026-03-13", NULL);
  save (store, night);
  {
    g_autoptr(EscalePartner) cms = escale_store_load_partner (store,
                                                              escale_store_find_partner (store,
                                                                                         "CMS"),
                                                              &error);

    escale_partner_add_hours (cms, 1, "09:00", "17:00");
    save (store, cms);
  }
  assert_listed (store, "ABRI", .open_at = friday_night);
  assert_listed (store, "ABRI", .open_at = saturday_early);
  assert_listed (store, "CMS", .open_at = monday);
  assert_listed (store, "", .open_at = closed_day);
  assert_listed (store, "ABRI", .open_on_day = 5);
  assert_listed (store, "CMS", .open_on_day = 1);
  assert_listed (store, "", .open_on_day = 6);
  assert_listed (store, "CMS", .open_on_day = 1, .has_free_places = TRUE, .language = "ps");
}

static void
test_capacity (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 10, 12, 0, 0);
  g_autoptr(EscalePartner) partner = full_partner ();
  g_autoptr(EscalePartner) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stamp = NULL;
  EscalePartnerService *housing;
  gint64 service_id;

  /* Freshness and wording. */
  g_assert_cmpint (escale_capacity_freshness ("2026-03-10T08:00:00Z", now), ==,
                   ESCALE_CAPACITY_FRESH);
  g_assert_cmpint (escale_capacity_freshness ("2026-03-04T12:00:01Z", now), ==,
                   ESCALE_CAPACITY_FRESH);
  g_assert_cmpint (escale_capacity_freshness ("2026-03-03T12:00:00Z", now), ==,
                   ESCALE_CAPACITY_AGING);
  g_assert_cmpint (escale_capacity_freshness ("2026-02-09T12:00:01Z", now), ==,
                   ESCALE_CAPACITY_AGING);
  g_assert_cmpint (escale_capacity_freshness ("2026-02-08T12:00:00Z", now), ==,
                   ESCALE_CAPACITY_STALE);
  g_assert_cmpint (escale_capacity_freshness (NULL, now), ==, ESCALE_CAPACITY_STALE);
  g_assert_cmpint (escale_capacity_freshness ("yesterday", now), ==, ESCALE_CAPACITY_STALE);
#define assert_format(free_places, when, expected) \
  G_STMT_START { \
    g_autofree char *text_ = escale_capacity_format ((free_places), (when), now); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END
  assert_format (12, "2026-03-07T09:00:00Z", "12 free places, updated 3 days ago");
  assert_format (1, "2026-03-10T09:00:00Z", "1 free place, updated today");
  assert_format (0, "2026-03-09T09:00:00Z", "0 free places, updated yesterday");
  assert_format (3, "2025-12-01T09:00:00Z", "3 free places, updated 3 months ago");
  assert_format (5, NULL, "5 free places");
  assert_format (ESCALE_PARTNER_UNSET, "2026-03-07T09:00:00Z",
                 "Free places unknown, updated 3 days ago");

  /* Updating the free places stamps them. */
  escale_store_set_user (store, "lea");
  save (store, partner);
  housing = escale_partner_find_service (partner, "housing");
  service_id = housing->id;
  escale_test_exec_printf (store, "UPDATE partner_service SET capacity_updated_at = "
                           "'2020-01-01T00:00:00Z', capacity_updated_by = 'old' WHERE id = %"
                           G_GINT64_FORMAT, service_id);
  escale_store_set_user (store, "karim");
  g_assert_true (escale_store_set_service_free_places (store, service_id, 3, &error));
  g_assert_no_error (error);
  stamp = query_text (store, "SELECT capacity_updated_by || capacity_free FROM partner_service "
                      "WHERE capacity_total = 20");
  g_assert_cmpstr (stamp, ==, "karim3");
  g_assert_cmpint (query_int (store, "SELECT capacity_updated_at > '2026' FROM partner_service "
                              "WHERE capacity_total = 20"), ==, 1);
  g_assert_false (escale_store_set_service_free_places (store, service_id, 21, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_set_service_free_places (store, service_id, -1, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_set_service_free_places (store, service_id + 99, 1, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving a partner whose figure changed stamps it; an explicit stamp stays. */
  escale_test_exec_printf (store, "UPDATE partner_service SET capacity_updated_at = "
                           "'2020-01-01T00:00:00Z' WHERE id = %" G_GINT64_FORMAT, service_id);
  loaded = escale_store_load_partner (store, partner->id, &error);
  g_assert_no_error (error);
  housing = escale_partner_find_service (loaded, "housing");
  housing->capacity_free = 7;
  escale_store_set_user (store, "sami");
  save (store, loaded);
  g_assert_cmpstr (housing->capacity_updated_by, ==, "sami");
  g_assert_cmpstr (housing->capacity_updated_at, >, "2026");
  housing->capacity_free = 6;
  g_free (housing->capacity_updated_at);
  housing->capacity_updated_at = g_strdup ("2025-01-05T10:00:00Z");
  save (store, loaded);
  text = query_text (store, "SELECT capacity_updated_at FROM partner_service "
                     "WHERE capacity_free = 6");
  g_assert_cmpstr (text, ==, "2025-01-05T10:00:00Z");
}

static void
test_summaries (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePartner) partner = full_partner ();
  g_autoptr(EscalePartner) bare = new_partner ("BARE", "Bare");
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  EscalePartnerService *language;
  EscalePartnerSummary *summary;
  gint64 ids[3];

  language = escale_partner_add_service (partner, "language");
  language->capacity_free = 3;
  language->capacity_updated_at = g_strdup ("2025-12-01T10:00:00Z");
  ids[0] = save (store, partner);
  ids[1] = 9999;  /* deleted meanwhile: left out */
  ids[2] = save (store, bare);
  summaries = escale_store_load_partner_summaries (store, ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 2);
  summary = g_ptr_array_index (summaries, 0);
  g_assert_cmpstr (summary->code, ==, "SEC-10");
  g_assert_cmpstr (summary->kind, ==, "association");
  g_assert_cmpstr (summary->city, ==, "Paris");
  g_assert_true (summary->active);
  g_assert_cmpfloat_with_epsilon (summary->latitude, 48.8712, 1e-9);
  g_assert_cmpstrv (summary->themes, ((const char *[]) { "health", "housing", "language", NULL }));
  g_assert_cmpint (summary->free_places, ==, 15);
  g_assert_cmpstr (summary->oldest_update, ==, "2025-12-01T10:00:00Z");
  summary = g_ptr_array_index (summaries, 1);
  g_assert_cmpstr (summary->name, ==, "Bare");
  g_assert_true (isnan (summary->latitude));
  g_assert_cmpuint (g_strv_length (summary->themes), ==, 0);
  g_assert_cmpint (summary->free_places, ==, ESCALE_PARTNER_UNSET);
  g_assert_null (summary->oldest_update);
}

static void
test_delete (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePartner) partner = full_partner ();
  g_autoptr(EscalePartner) other = new_partner ("KEPT", "Kept");
  g_autoptr(GError) error = NULL;
  static const char *const children[] = {
    "partner_phone", "partner_language", "partner_hours", "partner_closure", "partner_contact",
    "partner_service", "partner_service_eligibility",
  };

  save (store, partner);
  escale_partner_add_service (other, "health");
  save (store, other);
  g_assert_true (escale_store_delete_partner (store, partner->id, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", children[i]);

      g_assert_cmpint (query_int (store, sql), ==, g_str_equal (children[i], "partner_service"));
    }
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partner"), ==, 1);
  g_assert_false (escale_store_delete_partner (store, partner->id, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

/* Import */

static EscaleImportReport *
import_text (EscaleStore *store,
             const char  *contents,
             gboolean     dry_run)
{
  g_autofree char *path = escale_test_tmp_path ("partners.csv");
  g_autoptr(GError) error = NULL;
  EscaleImportReport *report;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  report = escale_import_partners (store, path, dry_run, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
problems_text (EscaleImportReport *report)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < report->problems->len; i++)
    {
      EscaleImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_string_append_printf (text, "%u:%s: %s\n", problem->line, problem->column,
                              problem->message);
    }
  return g_string_free (text, FALSE);
}

#define HEADER "code,name,kind,address,postal_code,city,latitude,longitude,phone,email," \
               "website,themes,languages,capacity_total,capacity_free,notes\n"

static void
test_import_bad_rows (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report = NULL;
  g_autofree char *problems = NULL;

  report = import_text (store, HEADER
                        "OK,Fine place,association,,,Lyon,45.76,4.83,,,,housing,fr,10,2,\n"
                        "B1,,association,,,,,,,,,,,,,\n"
                        "B2,Bad kind,castle,,,,,,,,,,,,,\n"
                        "B3,Half position,,,,,45.7,,,,,,,,,\n"
                        "B4,Far,,,,,95,4.8,,,,,,,,\n"
                        "B5,Not a number,,,,,north,4.8,,,,,,,,\n"
                        "B6,Mail,,,,,,,,nobody@,,,,,,\n"
                        "B7,Theme,,,,,,,,,,housing|castles,,,,\n"
                        "B8,Places,,,,,,,,,,housing,,5,8,\n"
                        "B9,Places,,,,,,,,,,,,5,2,\n"
                        "B10,Places,,,,,,,,,,health,,-5,,\n"
                        "B11,Lang,,,,,,,,,,,fr|zz,,,\n"
                        "OK,Again,,,,,,,,,,,,,,\n",
                        FALSE);
  problems = problems_text (report);
  g_assert_cmpstr (problems, ==,
                   "3:name: This cell is empty, but a value is required\n"
                   "4:kind: Unknown kind of partner “castle”\n"
                   "5:latitude: Give both the latitude and the longitude, or neither\n"
                   "6:latitude: The latitude must be between -90 and 90\n"
                   "7:latitude: “north” is not a coordinate: write a decimal number, such as "
                   "48.8566\n"
                   "8:email: This is not an email address, such as contact@example.org\n"
                   "9:themes: Unknown theme “castles”\n"
                   "10:capacity_free: There cannot be more free places than places\n"
                   "11:themes: Give a theme: a capacity belongs to the service of a theme\n"
                   "12:capacity_total: “-5” is not a number of places: write digits only, "
                   "for example 12\n"
                   "13:languages: Unknown language “zz”: use an ISO 639 code, "
                   "such as fr, ar or prs\n"
                   "14:code: “OK” is already on line 2\n");
  /* Nothing was written, not even the good row. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partner"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partner_service"), ==, 0);
}

static void
test_import_good_rows (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) dry = NULL;
  g_autoptr(EscaleImportReport) first = NULL;
  g_autoptr(EscaleImportReport) second = NULL;
  g_autoptr(EscalePartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  EscalePartnerService *service;
  const char *contents =
    HEADER
    "P-01,Secours Été,Association,\"3 rue X, bât. B\",75010,Paris,\"48,8712\",2.3521,"
    "01 42 00 00 00|06 12 34 56 78,accueil@secours.example.org,secours.example.org,"
    "Housing|health,fr|AR,20,12,Night shelter\n"
    "P-02,Maison des langues,school,,69001,Lyon,,,,,,language,,,,\n";

  dry = import_text (store, contents, TRUE);
  g_assert_cmpuint (dry->problems->len, ==, 0);
  g_assert_cmpuint (dry->created, ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partner"), ==, 0);

  first = import_text (store, contents, FALSE);
  g_assert_cmpuint (first->problems->len, ==, 0);
  g_assert_cmpuint (first->created, ==, 2);
  g_assert_cmpuint (first->updated, ==, 0);
  partner = escale_store_load_partner (store, escale_store_find_partner (store, "P-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (partner->name, ==, "Secours Été");
  g_assert_cmpstr (partner->kind, ==, "association");
  g_assert_cmpstr (partner->address, ==, "3 rue X, bât. B");
  g_assert_cmpfloat_with_epsilon (partner->latitude, 48.8712, 1e-9);
  g_assert_cmpstr (partner->position_source, ==, "import");
  g_assert_cmpuint (partner->phones->len, ==, 2);
  g_assert_cmpstrv (partner->languages, ((const char *[]) { "ar", "fr", NULL }));
  g_assert_cmpuint (partner->services->len, ==, 2);
  service = g_ptr_array_index (partner->services, 0);
  g_assert_cmpstr (service->theme, ==, "housing");
  g_assert_cmpint (service->capacity_total, ==, 20);
  g_assert_cmpint (service->capacity_free, ==, 12);
  g_assert_nonnull (service->capacity_updated_at);
  g_assert_cmpint (((EscalePartnerService *) g_ptr_array_index (partner->services, 1))
                     ->capacity_total, ==, ESCALE_PARTNER_UNSET);
  g_clear_pointer (&partner, escale_partner_free);

  /* The code updates; the columns left empty keep what was there. */
  second = import_text (store, HEADER
                        "P-01,Secours Été (Xe),,,,,,,,,,health|culture,,,4,\n"
                        "P-03,Nouveau,,,,Lille,,,,,,,,,,\n", FALSE);
  g_assert_cmpuint (second->problems->len, ==, 0);
  g_assert_cmpuint (second->created, ==, 1);
  g_assert_cmpuint (second->updated, ==, 1);
  partner = escale_store_load_partner (store, escale_store_find_partner (store, "P-01"), &error);
  g_assert_cmpstr (partner->name, ==, "Secours Été (Xe)");
  g_assert_cmpstr (partner->city, ==, "Paris");
  g_assert_cmpuint (partner->services->len, ==, 3);
  g_assert_cmpint (escale_partner_find_service (partner, "health")->capacity_free, ==, 4);
  g_assert_cmpint (escale_partner_find_service (partner, "housing")->capacity_free, ==, 12);
  g_assert_nonnull (escale_partner_find_service (partner, "culture"));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partner"), ==, 3);
}

static EscalePartner *
load_by_code (EscaleStore *store,
              const char  *code)
{
  g_autoptr(GError) error = NULL;
  EscalePartner *partner;

  partner = escale_store_load_partner (store, escale_store_find_partner (store, code), &error);
  g_assert_no_error (error);
  return partner;
}

/* Rows without coordinates get a position from the bundled table; rows with
 * coordinates keep theirs; an unknown postal code leaves no position. */
static void
test_import_derived_position (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) first = NULL;
  g_autoptr(EscaleImportReport) second = NULL;
  g_autoptr(EscalePartner) lyon = NULL;
  g_autoptr(EscalePartner) typed = NULL;
  g_autoptr(EscalePartner) unknown = NULL;
  g_autoptr(EscalePartner) moved = NULL;

  first = import_text (store, HEADER
                       "L,Lyon 3e,,,69003,,,,,,,,,,,\n"
                       "T,Typed,,,69003,Lyon,43.3,5.4,,,,,,,,\n"
                       "U,Nowhere,,,99999,,,,,,,,,,,\n", FALSE);
  g_assert_cmpuint (first->problems->len, ==, 0);
  g_assert_cmpuint (first->created, ==, 3);
  lyon = load_by_code (store, "L");
  g_assert_cmpstr (lyon->position_source, ==, "postal_code");
  g_assert_cmpfloat (escale_geo_distance_km (lyon->latitude, lyon->longitude, 45.76, 4.84),
                     <, 5.0);
  typed = load_by_code (store, "T");
  g_assert_cmpstr (typed->position_source, ==, "import");
  g_assert_cmpfloat_with_epsilon (typed->latitude, 43.3, 1e-9);
  unknown = load_by_code (store, "U");
  g_assert_true (isnan (unknown->latitude) && isnan (unknown->longitude));
  g_assert_null (unknown->position_source);

  /* A derived position follows a new postal code; an imported one stays. */
  second = import_text (store, HEADER
                        "L,Lyon 3e,,,75010,,,,,,,,,,,\n"
                        "T,Typed,,,75010,,,,,,,,,,,\n", FALSE);
  g_assert_cmpuint (second->problems->len, ==, 0);
  moved = load_by_code (store, "L");
  g_assert_cmpstr (moved->position_source, ==, "postal_code");
  g_assert_cmpfloat (escale_geo_distance_km (moved->latitude, moved->longitude, 48.87, 2.36),
                     <, 5.0);
  g_clear_pointer (&typed, escale_partner_free);
  typed = load_by_code (store, "T");
  g_assert_cmpstr (typed->position_source, ==, "import");
  g_assert_cmpfloat_with_epsilon (typed->latitude, 43.3, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/partners/validation", test_validation);
  g_test_add_func ("/partners/round-trip", test_round_trip);
  g_test_add_func ("/partners/hours", test_hours);
  g_test_add_func ("/partners/filters", test_filters);
  g_test_add_func ("/partners/capacity", test_capacity);
  g_test_add_func ("/partners/summaries", test_summaries);
  g_test_add_func ("/partners/delete", test_delete);
  g_test_add_func ("/partners/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/partners/import/good-rows", test_import_good_rows);
  g_test_add_func ("/partners/import/derived-position", test_import_derived_position);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
