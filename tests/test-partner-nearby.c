/* test-partner-nearby.c — distances, and the partners nearest a position
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "escale-geo.h"
#include "escale-partner-nearby.h"
#include "escale-test-util.h"

/* Town halls. */
#define PARIS        48.8566, 2.3522
#define LYON         45.7640, 4.8357
#define VILLEURBANNE 45.7719, 4.8902
#define MARSEILLE    43.2965, 5.3698
#define BRUXELLES    50.8467, 4.3499

static void
test_distance (void)
{
  g_assert_cmpfloat_with_epsilon (escale_geo_distance_km (PARIS, LYON), 392, 3);
  g_assert_cmpfloat_with_epsilon (escale_geo_distance_km (LYON, PARIS), 392, 3);
  g_assert_cmpfloat_with_epsilon (escale_geo_distance_km (PARIS, MARSEILLE), 661, 3);
  g_assert_cmpfloat_with_epsilon (escale_geo_distance_km (PARIS, BRUXELLES), 264, 3);
  g_assert_cmpfloat_with_epsilon (escale_geo_distance_km (LYON, VILLEURBANNE), 4.3, 0.3);
  g_assert_cmpfloat (escale_geo_distance_km (LYON, LYON), ==, 0);
  /* A quarter of the way round the Equator, and the antipodes. */
  g_assert_cmpfloat_with_epsilon (escale_geo_distance_km (0, 0, 0, 90), 10007.5, 1);
  g_assert_cmpfloat_with_epsilon (escale_geo_distance_km (0, 0, 0, 180), 20015.1, 1);
  /* Across the antimeridian, the short way. */
  g_assert_cmpfloat_with_epsilon (escale_geo_distance_km (0, 179.5, 0, -179.5), 111.2, 0.5);
}

/* A partner with one service of @theme, @free_places of which are free
 * (-1: not counted); @latitude NAN for a partner with no position. */
static gint64
add_partner (EscaleStore *store,
             const char  *name,
             double       latitude,
             double       longitude,
             const char  *theme,
             const char  *eligibility,
             gint64       free_places)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GError) error = NULL;
  EscalePartnerService *service;

  partner->name = g_strdup (name);
  partner->kind = g_strdup ("association");
  partner->latitude = latitude;
  partner->longitude = isnan (latitude) ? NAN : longitude;
  service = escale_partner_add_service (partner, theme);
  if (eligibility != NULL)
    {
      g_strfreev (service->eligibility);
      service->eligibility = g_strsplit (eligibility, "|", -1);
    }
  if (free_places >= 0)
    {
      service->capacity_total = 20;
      service->capacity_free = free_places;
    }
  g_assert_true (escale_store_save_partner (store, partner, &error));
  g_assert_no_error (error);
  return partner->id;
}

static void
add_service (EscaleStore *store,
             gint64       id,
             const char  *theme,
             gint64       free_places)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePartner) partner = escale_store_load_partner (store, id, &error);
  EscalePartnerService *service;

  g_assert_no_error (error);
  service = escale_partner_add_service (partner, theme);
  service->capacity_total = 40;
  service->capacity_free = free_places;
  g_assert_true (escale_store_save_partner (store, partner, &error));
  g_assert_no_error (error);
}

/* The names listed, nearest first, joined by commas. */
static char *
near_names (EscaleStore *store,
            const char  *theme,
            const char  *eligibility,
            guint        limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nearby = escale_store_list_partners_near (store, LYON, theme, eligibility,
                                                                 limit, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (nearby);
  for (guint i = 0; i < nearby->len; i++)
    {
      EscaleNearbyPartner *partner = g_ptr_array_index (nearby, i);

      g_assert_true (i == 0 ||
                     ((EscaleNearbyPartner *) g_ptr_array_index (nearby, i - 1))->km <= partner->km);
      g_string_append_printf (names, "%s%s", i ? "," : "", partner->summary->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

typedef struct
{
  EscaleStore *store;
  gint64       paris;
  gint64       lyon;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  (void) data;
  fixture->store = escale_test_store_new ();
  /* Saved in no particular order of distance from Lyon. */
  fixture->paris = add_partner (fixture->store, "Paris Abri", PARIS, "housing", NULL, 5);
  add_partner (fixture->store, "Marseille Droit", MARSEILLE, "rights", NULL, -1);
  fixture->lyon = add_partner (fixture->store, "Lyon Abri", LYON, "housing", "refugees", 2);
  add_partner (fixture->store, "Villeurbanne Santé", VILLEURBANNE, "health", NULL, 7);
  add_partner (fixture->store, "Nowhere Logement", NAN, 0, "housing", NULL, 1);
  add_partner (fixture->store, "Bruxelles Accueil", BRUXELLES, "housing", NULL, -1);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  (void) data;
  g_clear_object (&fixture->store);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nearby = NULL;
  g_autofree char *names = near_names (fixture->store, NULL, NULL, 0);
  EscaleNearbyPartner *first, *lyon;

  (void) data;
  /* The one without a position is left out. */
  g_assert_cmpstr (names, ==, "Lyon Abri,Villeurbanne Santé,Marseille Droit,Paris Abri,"
                   "Bruxelles Accueil");

  nearby = escale_store_list_partners_near (fixture->store, PARIS, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nearby->len, ==, 5);
  first = g_ptr_array_index (nearby, 0);
  g_assert_cmpint (first->summary->id, ==, fixture->paris);
  g_assert_cmpfloat_with_epsilon (first->km, 0, 0.001);
  /* From Paris: itself, Brussels (264 km), then Lyon (392 km). */
  lyon = g_ptr_array_index (nearby, 2);
  g_assert_cmpstr (lyon->summary->name, ==, "Lyon Abri");
  g_assert_cmpfloat_with_epsilon (lyon->km, 392, 3);
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *two = near_names (fixture->store, NULL, NULL, 2);
  g_autofree char *one = near_names (fixture->store, "housing", NULL, 1);
  g_autofree char *many = near_names (fixture->store, "rights", NULL, 10);

  (void) data;
  g_assert_cmpstr (two, ==, "Lyon Abri,Villeurbanne Santé");
  g_assert_cmpstr (one, ==, "Lyon Abri");
  g_assert_cmpstr (many, ==, "Marseille Droit");
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *housing = near_names (fixture->store, "housing", NULL, 0);
  g_autofree char *health = near_names (fixture->store, "health", NULL, 0);
  g_autofree char *none = near_names (fixture->store, "language", NULL, 0);
  g_autofree char *asylum = near_names (fixture->store, "housing", "asylum_seekers", 0);
  g_autofree char *refugees = near_names (fixture->store, "housing", "refugees", 0);
  g_autofree char *inactive = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  g_assert_cmpstr (housing, ==, "Lyon Abri,Paris Abri,Bruxelles Accueil");
  g_assert_cmpstr (health, ==, "Villeurbanne Santé");
  g_assert_cmpstr (none, ==, "");
  /* Lyon's shelter is for refugees only; the others take anyone. */
  g_assert_cmpstr (asylum, ==, "Paris Abri,Bruxelles Accueil");
  g_assert_cmpstr (refugees, ==, "Lyon Abri,Paris Abri,Bruxelles Accueil");

  g_assert_true (escale_store_set_partner_active (fixture->store, fixture->lyon, FALSE, &error));
  g_assert_no_error (error);
  inactive = near_names (fixture->store, "housing", NULL, 0);
  g_assert_cmpstr (inactive, ==, "Paris Abri,Bruxelles Accueil");
}

/* With a theme, the free places are those of that theme's services. */
static void
test_theme_places (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) any = NULL;
  g_autoptr(GPtrArray) health = NULL;
  g_autoptr(GPtrArray) housing = NULL;
  EscaleNearbyPartner *partner;

  (void) data;
  add_service (fixture->store, fixture->paris, "health", 30);
  any = escale_store_list_partners_near (fixture->store, PARIS, NULL, NULL, 1, &error);
  health = escale_store_list_partners_near (fixture->store, PARIS, "health", NULL, 1, &error);
  housing = escale_store_list_partners_near (fixture->store, PARIS, "housing", NULL, 1, &error);
  g_assert_no_error (error);

  partner = g_ptr_array_index (any, 0);
  g_assert_cmpint (partner->summary->id, ==, fixture->paris);
  g_assert_cmpint (partner->summary->free_places, ==, 35);
  partner = g_ptr_array_index (health, 0);
  g_assert_cmpint (partner->summary->id, ==, fixture->paris);
  g_assert_cmpint (partner->summary->free_places, ==, 30);
  g_assert_nonnull (partner->summary->oldest_update);
  partner = g_ptr_array_index (housing, 0);
  g_assert_cmpint (partner->summary->free_places, ==, 5);

  /* A theme whose services have no figure: none, and no age. */
  g_clear_pointer (&housing, g_ptr_array_unref);
  housing = escale_store_list_partners_near (fixture->store, BRUXELLES, "housing", NULL, 1,
                                             &error);
  g_assert_no_error (error);
  partner = g_ptr_array_index (housing, 0);
  g_assert_cmpstr (partner->summary->name, ==, "Bruxelles Accueil");
  g_assert_cmpint (partner->summary->free_places, ==, ESCALE_PARTNER_UNSET);
  g_assert_null (partner->summary->oldest_update);
}

static void
test_empty (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nearby = escale_store_list_partners_near (store, LYON, NULL, NULL, 5,
                                                                 &error);

  g_assert_no_error (error);
  g_assert_nonnull (nearby);
  g_assert_cmpuint (nearby->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/nearby/distance", test_distance);
  g_test_add_func ("/nearby/empty", test_empty);
  g_test_add ("/nearby/order", Fixture, NULL, fixture_setup, test_order, fixture_teardown);
  g_test_add ("/nearby/limit", Fixture, NULL, fixture_setup, test_limit, fixture_teardown);
  g_test_add ("/nearby/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/nearby/theme-places", Fixture, NULL, fixture_setup, test_theme_places,
              fixture_teardown);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
