/* escale-demo-partners.c — demo partner organisations
 *
 * About sixty partners in Paris, Lyon, Marseille, Lille, Brussels and
 * Liège: the kinds of places a welcome association refers people to, with
 * their position, hours (a night shelter open over midnight, some summer
 * closures), services by theme, eligibility, capacities (some figures
 * fresh, some stale), contacts and languages. The same seed gives the same
 * partners; their codes are their keys, so a second run adds none twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-audit.h"
#include "escale-demo-partners.h"
#include "escale-partner-store.h"
#include "escale-store-private.h"

typedef struct
{
  const char *prefix;      /* of the codes */
  const char *city;
  const char *postal_codes[4];
  const char *districts[3]; /* give names to places */
  const char *streets[5];
  double      latitude;
  double      longitude;
  const char *phone_prefix;
} DemoCity;

static const DemoCity cities[] = {
  { "PAR", "Paris", { "75010", "75018", "75019", "75020" }, { "Belleville", "La Chapelle", "Stalingrad" },
    { "rue du Faubourg-Saint-Denis", "boulevard de la Villette", "rue de Tanger",
      "rue des Pyrénées", "rue Marx-Dormoy" }, 48.8716, 2.3634, "+33 1 4" },
  { "LYO", "Lyon", { "69001", "69003", "69007", "69008" }, { "La Guillotière", "Croix-Rousse", "Vaise" },
    { "cours Gambetta", "rue Paul-Bert", "avenue Berthelot", "rue Moncey",
      "grande rue de la Guillotière" }, 45.7540, 4.8430, "+33 4 7" },
  { "MRS", "Marseille", { "13001", "13002", "13003", "13014" }, { "Belsunce", "La Joliette", "Saint-Mauront" },
    { "rue d'Aubagne", "boulevard National", "rue de la Joliette", "cours Belsunce",
      "boulevard de Plombières" }, 43.3000, 5.3790, "+33 4 9" },
  { "LIL", "Lille", { "59000", "59260", "59800", "59160" }, { "Wazemmes", "Moulins", "Fives" },
    { "rue des Postes", "rue Gambetta", "boulevard de Strasbourg", "rue Léon-Gambetta",
      "rue d'Arras" }, 50.6250, 3.0520, "+33 3 2" },
  { "BXL", "Bruxelles", { "1000", "1030", "1080", "1210" }, { "Saint-Gilles", "Molenbeek", "Schaerbeek" },
    { "rue Haute", "chaussée de Haecht", "boulevard du Jardin Botanique", "rue de Brabant",
      "rue de la Loi" }, 50.8500, 4.3500, "+32 2 5" },
  { "LGE", "Liège", { "4000", "4020", "4030", "4100" }, { "Outremeuse", "Sainte-Marguerite", "Droixhe" },
    { "rue Puits-en-Sock", "rue Saint-Gilles", "boulevard de la Constitution",
      "quai de la Batte", "rue Sainte-Marguerite" }, 50.6400, 5.5800, "+32 4 2" },
};

typedef enum {
  HOURS_OFFICE,      /* Monday to Friday, morning and afternoon */
  HOURS_DAY_CENTRE,  /* Monday to Saturday, all day */
  HOURS_NIGHT,       /* every night, over midnight */
  HOURS_MORNINGS,    /* three mornings a week */
  HOURS_EVENINGS,    /* two evenings a week */
} DemoHours;

typedef struct
{
  const char *name;        /* %s: the district */
  const char *kind;
  const char *themes[3];
  const char *eligibility; /* |-separated, or NULL for no rule */
  DemoHours   hours;
  guint       capacity;    /* places of the first service, 0 for none */
  const char *description;
  const char *documents;
} DemoPlace;

static const DemoPlace places[] = {
  { "Accueil de jour %s", "association", { "reception", "material", "social" }, NULL,
    HOURS_DAY_CENTRE, 0, "Douches, bagagerie, petit-déjeuner, domiciliation",
    NULL },
  { "Halte de nuit %s", "shelter", { "housing", NULL }, "everyone", HOURS_NIGHT, 40,
    "Mise à l'abri pour la nuit, orientation par le 115", NULL },
  { "Foyer Les Tilleuls (%s)", "shelter", { "housing", "social", NULL }, "women|families",
    HOURS_OFFICE, 24, "Hébergement de stabilisation pour femmes et familles",
    "Pièce d'identité ou récépissé, attestation de domiciliation" },
  { "Permanence juridique %s", "legal_aid", { "rights", NULL }, "asylum_seekers|undocumented",
    HOURS_MORNINGS, 0, "Asile, recours CNDA, titres de séjour, regroupement familial",
    "Tous les courriers reçus (OFPRA, préfecture), passeport si disponible" },
  { "Centre de santé %s", "health_centre", { "health", NULL }, "everyone", HOURS_OFFICE, 0,
    "Consultations sans rendez-vous, AME et PASS, interprétariat par téléphone",
    "Attestation de droits si vous en avez une" },
  { "Ateliers de français %s", "school", { "language", "education", NULL }, NULL,
    HOURS_EVENINGS, 30, "Cours de français tous niveaux, alphabétisation",
    NULL },
  { "Mission locale %s", "employment_service", { "employment", "education", NULL },
    "young_adults|refugees", HOURS_OFFICE, 15, "Accompagnement vers la formation et l'emploi",
    "Titre de séjour autorisant à travailler, CV si possible" },
  { "Épicerie solidaire %s", "food_aid", { "material", NULL }, "families|refugees",
    HOURS_MORNINGS, 60, "Colis alimentaires et produits d'hygiène sur orientation",
    "Fiche d'orientation d'un travailleur social" },
  { "Maison des mineurs %s", "association", { "reception", "education", "culture" }, "minors",
    HOURS_DAY_CENTRE, 12, "Accueil et mise à l'abri des mineurs non accompagnés", NULL },
  { "Club sportif et culturel %s", "association", { "culture", "social", NULL }, NULL,
    HOURS_EVENINGS, 25, "Football, théâtre, sorties : créer des liens", NULL },
};

static const char *const extra_languages[] = {
  "ar", "en", "prs", "ps", "ti", "uk", "es", "ru", "fa", "so", "ln", "tr",
};

static const char *const contact_names[] = {
  "Malika Benali", "Thomas Girard", "Aïssatou Diop", "Julien Lefèvre", "Nadia Haddad",
  "Pierre Dubois", "Fatoumata Keïta", "Sophie Martin", "Karim Mansouri", "Élodie Petit",
  "Yohannes Tesfaye", "Olena Kovalenko", "Jean-Marc Lambert", "Samira Ouali", "Lucas Renard",
};

static const char *const contact_roles[] = {
  "Coordinatrice", "Travailleur social", "Juriste", "Infirmière", "Responsable de l'accueil",
  "Formatrice", "Conseiller emploi", "Bénévole référent",
};

static void
add_hours (EscalePartner *partner,
           DemoHours      hours)
{
  switch (hours)
    {
    case HOURS_OFFICE:
      for (guint day = 1; day <= 5; day++)
        {
          escale_partner_add_hours (partner, day, "09:00", "12:30");
          if (day != 3)
            escale_partner_add_hours (partner, day, "14:00", "17:30");
        }
      break;
    case HOURS_DAY_CENTRE:
      for (guint day = 1; day <= 6; day++)
        escale_partner_add_hours (partner, day, "08:30", "16:30");
      break;
    case HOURS_NIGHT:
      for (guint day = 1; day <= 7; day++)
        escale_partner_add_hours (partner, day, "19:00", "08:00");
      break;
    case HOURS_MORNINGS:
      for (guint day = 1; day <= 5; day += 2)
        escale_partner_add_hours (partner, day, "09:00", "12:00");
      break;
    case HOURS_EVENINGS:
      escale_partner_add_hours (partner, 2, "18:00", "20:30");
      escale_partner_add_hours (partner, 4, "18:00", "20:30");
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
days_ago (GDateTime *now,
          int        days)
{
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -(double) days * 86400 - 3600);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* A summer closure for some, a closure this week for a few. */
static void
add_closures (EscalePartner *partner,
              GRand         *rand,
              GDateTime     *now)
{
  int roll = g_rand_int_range (rand, 0, 10);

  if (roll < 3)
    {
      g_autofree char *from = g_strdup_printf ("%d-08-03", g_date_time_get_year (now));
      g_autofree char *to = g_strdup_printf ("%d-08-23", g_date_time_get_year (now));

      escale_partner_add_closure (partner, from, to, "Fermeture estivale");
    }
  else if (roll == 3)
    {
      g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
      g_autofree char *from = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *to = g_date_time_format (later, "%Y-%m-%d");

      escale_partner_add_closure (partner, from, to, "Formation de l'équipe");
    }
}

static void
add_languages (EscalePartner *partner,
               GRand         *rand)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = (guint) g_rand_int_range (rand, 0, 4);
  guint first = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (extra_languages));

  g_strv_builder_add (builder, "fr");
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, extra_languages[(first + i * 5) % G_N_ELEMENTS (extra_languages)]);
  g_strfreev (partner->languages);
  partner->languages = g_strv_builder_end (builder);
}

static char *
random_phone (const DemoCity *city,
              GRand          *rand)
{
  return g_strdup_printf ("%s%d %02d %02d %02d", city->phone_prefix,
                          g_rand_int_range (rand, 0, 10), g_rand_int_range (rand, 0, 100),
                          g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 100));
}

static void
add_contacts (EscalePartner  *partner,
              GRand          *rand,
              const DemoCity *city)
{
  guint n = (guint) g_rand_int_range (rand, 1, 3);

  for (guint i = 0; i < n; i++)
    {
      const char *name = contact_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (contact_names))];
      g_autofree char *phone = random_phone (city, rand);
      g_autofree char *login = g_ascii_strdown (strchr (name, ' ') + 1, -1);
      g_autofree char *domain = g_ascii_strdown (city->prefix, -1);
      g_autofree char *email = NULL;

      g_strdelimit (login, " '", '-');
      email = g_strdup_printf ("%s@%s.example.org", g_str_is_ascii (login) ? login : "contact",
                               domain);
      escale_partner_add_contact (partner, name,
                                  contact_roles[g_rand_int_range (rand, 0,
                                                                  G_N_ELEMENTS (contact_roles))],
                                  phone, email);
    }
}

/* The first service has the place's capacity; its figure is fresh, aging
 * or stale. */
static void
add_services (EscalePartner   *partner,
              const DemoPlace *place,
              GRand           *rand,
              GDateTime       *now)
{
  for (guint t = 0; t < G_N_ELEMENTS (place->themes) && place->themes[t] != NULL; t++)
    {
      EscalePartnerService *service = escale_partner_add_service (partner, place->themes[t]);

      if (t == 0)
        {
          service->description = g_strdup (place->description);
          service->documents = g_strdup (place->documents);
        }
      if (place->eligibility != NULL)
        {
          g_strfreev (service->eligibility);
          service->eligibility = g_strsplit (place->eligibility, "|", -1);
        }
      if (t == 0 && place->capacity > 0)
        {
          static const int ages[] = { 0, 1, 2, 3, 5, 9, 12, 20, 35, 45, 70 };

          service->capacity_total = place->capacity + g_rand_int_range (rand, -4, 5);
          service->capacity_free = g_rand_int_range (rand, 0, 4) == 0
                                   ? 0 : g_rand_int_range (rand, 0, service->capacity_total / 3 + 1);
          service->capacity_updated_at =
            days_ago (now, ages[g_rand_int_range (rand, 0, G_N_ELEMENTS (ages))]);
          service->capacity_updated_by = g_strdup ("demo");
        }
    }
}

static EscalePartner *
build_partner (const DemoCity  *city,
               const DemoPlace *place,
               guint            number,
               GRand           *rand,
               GDateTime       *now)
{
  EscalePartner *partner = escale_partner_new ();
  g_autofree char *phone = NULL;
  g_autofree char *slug = NULL;

  partner->code = g_strdup_printf ("%s-%02u", city->prefix, number);
  partner->name = g_strdup_printf (place->name, city->districts[number % 3]);
  partner->kind = g_strdup (place->kind);
  partner->address = g_strdup_printf ("%d %s", g_rand_int_range (rand, 1, 120),
                                      city->streets[g_rand_int_range (rand, 0, 5)]);
  partner->postal_code = g_strdup (city->postal_codes[g_rand_int_range (rand, 0, 4)]);
  partner->city = g_strdup (city->city);
  /* Within about 3 km of the centre. */
  partner->latitude = city->latitude + g_rand_double_range (rand, -0.025, 0.025);
  partner->longitude = city->longitude + g_rand_double_range (rand, -0.035, 0.035);
  partner->position_source = g_strdup ("typed");
  slug = g_ascii_strdown (partner->code, -1);
  partner->email = g_strdup_printf ("accueil@%s.example.org", slug);
  if (g_rand_boolean (rand))
    partner->website = g_strdup_printf ("https://www.%s.example.org", slug);
  phone = random_phone (city, rand);
  escale_partner_add_phone (partner, phone, "accueil");
  if (place->hours == HOURS_MORNINGS)
    partner->hours_note = g_strdup ("Sans rendez-vous ; arriver avant 10 h");
  add_hours (partner, place->hours);
  add_closures (partner, rand, now);
  add_languages (partner, rand);
  add_contacts (partner, rand, city);
  add_services (partner, place, rand, now);
  return partner;
}

/**
 * escale_demo_generate_partners:
 * @n_partners: (out) (optional): how many partners were added
 *
 * Adds the demo partners whose codes are not in the database yet, in one
 * transaction.
 */
static gboolean
add_partners (EscaleStore  *store,
              guint32       seed,
              guint        *added,
              GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *summary = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (cities); c++)
    for (guint p = 0; p < G_N_ELEMENTS (places); p++)
      {
        g_autoptr(EscalePartner) partner = build_partner (&cities[c], &places[p], p + 1, rand,
                                                          now);

        if (escale_store_find_partner (store, partner->code) != 0)
          continue;
        if (!escale_store_save_partner (store, partner, error))
          return FALSE;
        (*added)++;
      }
  summary = g_strdup_printf ("demo data: %u partners", *added);
  return escale_audit_record (store, "import", "partner", 0, summary, error);
}

gboolean
escale_demo_generate_partners (EscaleStore  *store,
                               guint32       seed,
                               guint        *n_partners,
                               GError      **error)
{
  guint added = 0;
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  /* One audit entry for them all. */
  escale_audit_set_paused (store, TRUE);
  ok = escale_store_begin_batch (store, error);
  if (ok)
    {
      ok = add_partners (store, seed, &added, error) && escale_store_commit (store, error);
      if (!ok)
        escale_store_rollback (store);
    }
  escale_audit_set_paused (store, FALSE);
  if (ok && n_partners != NULL)
    *n_partners = added;
  return ok;
}
