/* test-ui-nearby.c — the partners nearest a person, in their file
 *
 * A person in Lyon 3e and three partners (Lyon, Villeurbanne, Paris): the
 * file's "Partners Nearby" lists Lyon first with its distance, the theme
 * drop-down narrows the list, activating a row shows that partner on the
 * Partners page. Without a postal code, the section says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "escale-geo.h"
#include "escale-nearby-section.h"
#include "escale-partner-store.h"
#include "escale-partners-page.h"
#include "escale-people-page.h"
#include "escale-person-store.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-ui-util.h"
#include "escale-window.h"

#define LYON_PARTNER         45.7597, 4.8422
#define VILLEURBANNE_PARTNER 45.7719, 4.8902
#define PARIS_PARTNER        48.8566, 2.3522

typedef struct
{
  EscaleStore  *store;
  EscaleWindow *window;
  gint64        lyon;
  gint64        villeurbanne;
  gint64        paris;
} Fixture;

#define spin escale_test_spin

static gint64
add_partner (EscaleStore *store,
             const char  *name,
             const char  *city,
             double       latitude,
             double       longitude,
             const char  *themes)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_auto(GStrv) codes = g_strsplit (themes, "|", -1);
  g_autoptr(GError) error = NULL;

  partner->name = g_strdup (name);
  partner->kind = g_strdup ("association");
  partner->city = g_strdup (city);
  partner->latitude = latitude;
  partner->longitude = longitude;
  for (guint i = 0; codes[i] != NULL; i++)
    {
      EscalePartnerService *service = escale_partner_add_service (partner, codes[i]);

      service->capacity_total = 10;
      service->capacity_free = 3 + i;
    }
  g_assert_true (escale_store_save_partner (store, partner, &error));
  g_assert_no_error (error);
  return partner->id;
}

static gint64
add_person (EscaleStore *store,
            const char  *family,
            const char  *postal_code,
            const char  *city)
{
  g_autoptr(EscalePerson) person = escale_test_person (family, "Amina", NULL);
  g_autoptr(GError) error = NULL;

  escale_person_set (person, ESCALE_FIELD_POSTAL_CODE, postal_code);
  escale_person_set (person, ESCALE_FIELD_CITY, city);
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return escale_person_get_id (person);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;
  fixture->store = escale_test_store_new ();
  fixture->paris = add_partner (fixture->store, "Paris Entraide", "Paris", PARIS_PARTNER,
                                "housing|health");
  fixture->villeurbanne = add_partner (fixture->store, "Villeurbanne Santé", "Villeurbanne",
                                       VILLEURBANNE_PARTNER, "health");
  fixture->lyon = add_partner (fixture->store, "Lyon Logement", "Lyon", LYON_PARTNER, "housing");
  fixture->window = escale_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void) data;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_finalize_object (fixture->store);
}

/* Opens the file of @person_id; returns its nearby partners' section. */
static EscaleNearbySection *
open_file (Fixture *fixture,
           gint64   person_id)
{
  EscalePeoplePage *page = ESCALE_PEOPLE_PAGE (escale_window_get_people_page (fixture->window));
  GtkWidget *section;

  escale_people_page_open_person (page, person_id);
  spin ();
  section = escale_test_find_widget (page, ESCALE_TYPE_NEARBY_SECTION, NULL, NULL);
  g_assert_nonnull (section);
  return ESCALE_NEARBY_SECTION (section);
}

static const char *
row_title (EscaleNearbySection *section,
           guint                i)
{
  GPtrArray *rows = escale_nearby_section_get_rows (section);

  g_assert_cmpuint (i, <, rows->len);
  return adw_preferences_row_get_title (g_ptr_array_index (rows, i));
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkLabel *
find_label (gpointer    row,
            const char *css_class)
{
  GtkWidget *label = escale_test_find_widget (row, GTK_TYPE_LABEL, has_class, css_class);

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static void
test_nearest_first (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id = add_person (fixture->store, "Haddad", "69003", NULL);
  EscaleNearbySection *section = open_file (fixture, id);
  GPtrArray *rows = escale_nearby_section_get_rows (section);
  double latitude, longitude, km;
  g_autofree char *distance = NULL;

  (void) data;
  g_assert_true (escale_geo_position_for_postal_code ("69003", NULL, &latitude, &longitude, NULL));
  km = escale_geo_distance_km (latitude, longitude, LYON_PARTNER);
  g_assert_cmpfloat (km, <, 3);
  distance = g_strdup_printf ("%.1f km", km);

  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (section)), ==,
                   "Partners Nearby");
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (
                                     ADW_PREFERENCES_GROUP (section)), "Distances from"));
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_title (section, 0), ==, "Lyon Logement");
  g_assert_cmpstr (row_title (section, 1), ==, "Villeurbanne Santé");
  g_assert_cmpstr (row_title (section, 2), ==, "Paris Entraide");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                   "Association · Lyon");
  g_assert_cmpstr (gtk_label_get_label (find_label (g_ptr_array_index (rows, 0),
                                                    "nearby-distance")), ==, distance);
  /* Paris counts both its services' places: 3 + 4, counted today. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (find_label (g_ptr_array_index (rows, 2),
                                                                    "nearby-places")),
                                   "7 free places"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (find_label (g_ptr_array_index (rows, 2),
                                                                    "nearby-distance")),
                                   "39"));
}

static void
test_theme_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = add_person (fixture->store, "Haddad", "69003", "Lyon");
  EscaleNearbySection *section = open_file (fixture, id);
  GtkDropDown *themes = escale_nearby_section_get_theme_dropdown (section);
  GPtrArray *rows = escale_nearby_section_get_rows (section);

  (void) data;
  g_assert_nonnull (themes);
  g_assert_null (escale_code_dropdown_get_code (themes));
  escale_code_dropdown_set_code (themes, "health");
  spin ();
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_title (section, 0), ==, "Villeurbanne Santé");
  g_assert_cmpstr (row_title (section, 1), ==, "Paris Entraide");
  /* Only Paris's health service's places: 4. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (find_label (g_ptr_array_index (rows, 1),
                                                                    "nearby-places")),
                                   "4 free places"));

  escale_code_dropdown_set_code (themes, "education");
  spin ();
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_title (section, 0), ==, "No partner with a position offers this theme");

  escale_code_dropdown_set_code (themes, NULL);
  spin ();
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_title (section, 0), ==, "Lyon Logement");
}

static void
test_stale_places (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = add_person (fixture->store, "Haddad", "69003", NULL);
  EscaleNearbySection *section;
  GtkLabel *fresh, *stale;

  (void) data;
  escale_test_exec_printf (fixture->store, "UPDATE partner_service "
                           "SET capacity_updated_at = '2020-01-01T00:00:00Z' "
                           "WHERE partner_id = %" G_GINT64_FORMAT, fixture->lyon);
  section = open_file (fixture, id);
  stale = find_label (g_ptr_array_index (escale_nearby_section_get_rows (section), 0),
                      "nearby-places");
  fresh = find_label (g_ptr_array_index (escale_nearby_section_get_rows (section), 1),
                      "nearby-places");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (stale), "capacity-stale"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fresh), "capacity-stale"));
}

static void
test_activate_shows_partner (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 id = add_person (fixture->store, "Haddad", "69003", NULL);
  EscaleNearbySection *section = open_file (fixture, id);
  EscalePartnersPage *partners =
    ESCALE_PARTNERS_PAGE (escale_window_get_partners_page (fixture->window));
  AdwViewStack *stack = ADW_VIEW_STACK (escale_test_find_widget (fixture->window,
                                                                 ADW_TYPE_VIEW_STACK,
                                                                 NULL, NULL));

  (void) data;
  g_assert_true (adw_view_stack_get_visible_child (stack) !=
                 GTK_WIDGET (partners));
  g_signal_emit_by_name (g_ptr_array_index (escale_nearby_section_get_rows (section), 1),
                         "activate");
  spin ();
  g_assert_true (adw_view_stack_get_visible_child (stack) == GTK_WIDGET (partners));
  g_assert_cmpint (escale_partners_page_get_partner_id (partners), ==, fixture->villeurbanne);
  g_assert_nonnull (escale_test_find_label (escale_partners_page_get_card (partners),
                                            "Villeurbanne Santé"));
}

static void
test_no_position (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = add_person (fixture->store, "Karimi", NULL, NULL);
  EscaleNearbySection *section = open_file (fixture, id);
  GPtrArray *rows = escale_nearby_section_get_rows (section);

  (void) data;
  g_assert_null (escale_nearby_section_get_theme_dropdown (section));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_title (section, 0), ==, "No position for this address: add a postal code");
  g_assert_false (gtk_list_box_row_get_activatable (g_ptr_array_index (rows, 0)));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (section)) ?: "",
                   ==, "");

  /* A postal code the tables do not know. */
  section = open_file (fixture, add_person (fixture->store, "Karimi", "00000", "Nowhere"));
  g_assert_cmpstr (row_title (section, 0), ==, "No position for this address: add a postal code");
}

/* A postal code not in the tables falls back on its department's centre. */
static void
test_department_precision (Fixture       *fixture,
                           gconstpointer  data)
{
  EscaleGeoPrecision precision;
  double latitude, longitude;
  EscaleNearbySection *section;

  (void) data;
  g_assert_true (escale_geo_position_for_postal_code ("69999", NULL, &latitude, &longitude,
                                                      &precision));
  g_assert_cmpint (precision, ==, ESCALE_GEO_PRECISION_DEPARTMENT);
  section = open_file (fixture, add_person (fixture->store, "Haddad", "69999", NULL));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (section)), ==,
                   "Approximate distances, from the centre of the department");
  g_assert_cmpstr (row_title (section, 2), ==, "Paris Entraide");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init_gtk (&argc, &argv);
  g_test_add ("/nearby/nearest-first", Fixture, NULL, fixture_set_up, test_nearest_first,
              fixture_tear_down);
  g_test_add ("/nearby/theme-filter", Fixture, NULL, fixture_set_up, test_theme_filter,
              fixture_tear_down);
  g_test_add ("/nearby/stale-places", Fixture, NULL, fixture_set_up, test_stale_places,
              fixture_tear_down);
  g_test_add ("/nearby/activate", Fixture, NULL, fixture_set_up, test_activate_shows_partner,
              fixture_tear_down);
  g_test_add ("/nearby/no-position", Fixture, NULL, fixture_set_up, test_no_position,
              fixture_tear_down);
  g_test_add ("/nearby/department", Fixture, NULL, fixture_set_up, test_department_precision,
              fixture_tear_down);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
