/* escale-demo-actions.c — demo programmes, enrolments and actions
 *
 * The follow-up of the people who have no action yet: a few programmes,
 * about a third of the people enrolled, their actions over the last four
 * years (household actions for households, group workshops), some
 * planned in the coming weeks, some overdue, and next steps. Everything
 * comes from one GRand seeded by the caller: the same seed on the same day
 * gives the same data. Actions are written through the fast path of the
 * imports, so that a million of them take seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-audit.h"
#include "escale-date.h"
#include "escale-report-settings.h"
#include "escale-demo-actions.h"
#include "escale-import-private.h"
#include "escale-programme-store.h"
#include "escale-store-private.h"

#define YEAR 365
#define HISTORY (4 * YEAR)
#define NUMBER(field) ((field) - ESCALE_ACTION_N_TEXT_FIELDS)

typedef struct
{
  gint64      id;
  gint64      household_id;  /* of the households they head, else 0 */
  const char *referent;      /* in the strings, or NULL */
  guint32     first_contact; /* Julian days, 0 when unknown */
  guint32     closed_on;
  gint64      programme_id;  /* of their enrolment, or 0 */
  guint32     entry;
} DemoPerson;

typedef struct
{
  EscaleStore  *store;
  GRand        *rand;
  guint32       today;
  char         *now;
  GStringChunk *strings;
  GArray       *people;      /* DemoPerson */
  GArray       *programmes;  /* gint64 */
} DemoFollowUp;

typedef struct
{
  const char *code;
  const char *name;
  const char *funders;
  int         start;   /* years from now */
  int         end;     /* years from now, 0 for none */
  gint64      target;
} DemoProgramme;

static const DemoProgramme demo_programmes[] = {
  { "AIR", "Accueil, information et orientation", "DDETS|Ville", -5, 0, 400 },
  { "FLE", "Ateliers de français langue étrangère", "Région|FSE+", -4, 1, 120 },
  { "LOG", "Accès au logement", "DDETS|Fondation Abbé Pierre", -3, 1, 60 },
  { "EMP", "Parcours vers l'emploi", "France Travail|Département|FSE+", -2, 2, 80 },
};

typedef struct
{
  const char *type;
  guint       weight;
  const char *themes[3];   /* the likely themes, the first the likeliest */
  guint       duration;    /* typical minutes */
} DemoType;

static const DemoType demo_types[] = {
  { "interview", 22, { "rights", "housing", "social" }, 60 },
  { "phone_call", 18, { "rights", "health", "housing" }, 10 },
  { "procedure", 12, { "rights", "housing", "employment" }, 45 },
  { "referral", 10, { "health", "housing", "employment" }, 20 },
  { "accompaniment", 8, { "health", "rights", "education" }, 120 },
  { "appointment", 8, { "rights", "health", "employment" }, 30 },
  { "domiciliation", 6, { "rights", "material", "social" }, 15 },
  { "financial_aid", 5, { "material", "housing", "social" }, 20 },
  { "note", 5, { "social", "rights", "health" }, 0 },
  { "reception", 6, { "reception", "rights", "language" }, 45 },
};

static const char *const demo_workers[] = {
  "Sophie Martin", "Youssef El Amrani", "Claire Dubois", "Thomas Leroy",
  "Aminata Sy", "Julien Moreau", "Nadia Haddad", "Pierre Garnier",
};

static const char *const demo_partners[] = {
  "CAF", "CPAM", "France Travail", "Préfecture", "CADA", "Mission locale", "PASS hôpital",
  "Restos du Cœur", "SIAO", "Maison des solidarités", "Avocat (aide juridictionnelle)",
};

static const char *const demo_notes[] = {
  "Dossier complet, en attente de réponse.",
  "Pièces manquantes : justificatif de domicile.",
  "Rendez-vous honoré, personne accompagnée de son fils.",
  "Interprète présent par téléphone.",
  "Situation stable, à revoir dans un mois.",
  "Demande transmise au partenaire.",
  NULL, NULL, NULL,
};

static const char *const demo_next_steps[] = {
  "Relancer la préfecture", "Rappeler pour le rendez-vous CAF",
  "Vérifier l'ouverture des droits CPAM", "Accompagner à l'entretien France Travail",
  "Récupérer le récépissé", "Faire le point sur le logement",
};

static const char *const demo_workshops[][2] = {
  { "Atelier de français", "language" },
  { "Atelier numérique : démarches en ligne", "rights" },
  { "Atelier CV et recherche d'emploi", "employment" },
  { "Sortie culturelle", "culture" },
  { "Information collective : droits des étrangers", "rights" },
};

/* Chance */

static guint
pick (DemoFollowUp *demo,
      guint         n)
{
  return n > 1 ? (guint) g_rand_int_range (demo->rand, 0, (gint32) n) : 0;
}

static gboolean
chance (DemoFollowUp *demo,
        guint         percent)
{
  return pick (demo, 100) < percent;
}

#define PICK(demo, array) ((array)[pick ((demo), G_N_ELEMENTS (array))])

static const DemoType *
pick_type (DemoFollowUp *demo)
{
  guint total = 0, n;

  for (guint i = 0; i < G_N_ELEMENTS (demo_types); i++)
    total += demo_types[i].weight;
  n = pick (demo, total);
  for (guint i = 0; i < G_N_ELEMENTS (demo_types); i++)
    {
      if (n < demo_types[i].weight)
        return &demo_types[i];
      n -= demo_types[i].weight;
    }
  return &demo_types[0];
}

/* A date of the strings, YYYY-MM-DD; shared by every action that day. */
static const char *
day_text (DemoFollowUp *demo,
          guint32       julian)
{
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return g_string_chunk_insert_const (demo->strings, text);
}

static guint32
julian_of (const char *iso)
{
  g_autoptr(GDate) date = iso ? escale_date_to_gdate (iso) : NULL;

  return date ? g_date_get_julian (date) : 0;
}

static const char *
pick_time (DemoFollowUp *demo)
{
  static const char *const times[] = {
    "09:00", "09:30", "10:00", "10:30", "11:00", "14:00", "14:30", "15:00", "16:00", "16:30",
  };

  return PICK (demo, times);
}

/* Reading the people */

static gboolean
load_people (DemoFollowUp  *demo,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    escale_store_prepare (demo->store,
                          "SELECT p.id, p.referent, p.first_contact, p.closed_on, "
                          "  CASE WHEN m.role = 'head' THEN m.household_id ELSE 0 END "
                          "FROM person p LEFT JOIN household_member m ON m.person_id = p.id "
                          "WHERE NOT EXISTS (SELECT 1 FROM action a WHERE a.person_id = p.id) "
                          "ORDER BY p.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *referent = (const char *) sqlite3_column_text (stmt, 1);
      DemoPerson person = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 4),
        referent ? g_string_chunk_insert_const (demo->strings, referent) : NULL,
        julian_of ((const char *) sqlite3_column_text (stmt, 2)),
        julian_of ((const char *) sqlite3_column_text (stmt, 3)), 0, 0,
      };

      g_array_append_val (demo->people, person);
    }
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (demo->store, error);
      return FALSE;
    }
  return TRUE;
}

/* Programmes and enrolments */

static gboolean
add_programmes (DemoFollowUp  *demo,
                GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_programmes); i++)
    {
      const DemoProgramme *model = &demo_programmes[i];
      g_autoptr(EscaleProgramme) programme = NULL;
      gint64 id = escale_store_find_programme (demo->store, model->code);

      if (id == 0)
        {
          programme = escale_programme_new ();
          programme->code = g_strdup (model->code);
          programme->name = g_strdup (model->name);
          programme->started_on = g_strdup (day_text (demo, demo->today + model->start * YEAR));
          if (model->end != 0)
            programme->ended_on = g_strdup (day_text (demo, demo->today + model->end * YEAR));
          programme->target_people = model->target;
          g_strfreev (programme->funders);
          programme->funders = g_strsplit (model->funders, "|", -1);
          if (!escale_store_save_programme (demo->store, programme, error))
            return FALSE;
          id = programme->id;
        }
      g_array_append_val (demo->programmes, id);
    }
  return TRUE;
}

static guint32
start_of (DemoFollowUp     *demo,
          const DemoPerson *person)
{
  guint32 oldest = demo->today - HISTORY;

  return MAX (oldest, MIN (person->first_contact ? person->first_contact : oldest, demo->today));
}

static guint32
end_of (DemoFollowUp     *demo,
        const DemoPerson *person)
{
  return person->closed_on ? MIN (person->closed_on, demo->today) : demo->today;
}

/* About a third of the people, in one programme each. */
static gboolean
enrol (DemoFollowUp  *demo,
       DemoPerson    *person,
       GError       **error)
{
  static const char *const reasons[] = { "employment", "training", "housing", "moved",
                                         "lost_contact", "other" };
  guint index = pick (demo, demo->programmes->len);
  g_autoptr(EscaleEnrolment) enrolment = NULL;
  guint32 start = start_of (demo, person), end = end_of (demo, person);
  guint32 programme_start = demo->today + demo_programmes[index].start * YEAR;

  if (!chance (demo, 33))
    return TRUE;
  start = MAX (start, programme_start);
  if (start > end)
    return TRUE;
  person->programme_id = g_array_index (demo->programmes, gint64, index);
  person->entry = start + pick (demo, MIN (end - start, 90) + 1);
  enrolment = escale_enrolment_new (person->id, person->programme_id,
                                    day_text (demo, person->entry));
  if (person->closed_on != 0 || (end - person->entry > YEAR && chance (demo, 40)))
    {
      guint32 exit = person->closed_on ? end : person->entry + YEAR / 2 + pick (demo, YEAR / 2);

      enrolment->exit_date = g_strdup (day_text (demo, MIN (exit, end)));
      enrolment->exit_reason = g_strdup (PICK (demo, reasons));
    }
  return escale_store_save_enrolment (demo->store, enrolment, error);
}

/* Actions */

static void
set_number (EscaleActionRecord *record,
            EscaleActionField   field,
            gint64              value)
{
  record->number[NUMBER (field)] = value;
}

static const char *
past_status (DemoFollowUp *demo,
             guint32       day)
{
  guint n = pick (demo, 100);

  /* A few planned actions were never updated: they are overdue. */
  if (demo->today - day < 45 && n < 12)
    return "planned";
  return n < 88 ? "done" : n < 94 ? "missed" : "cancelled";
}

static void
fill_action (DemoFollowUp       *demo,
             const DemoPerson   *person,
             const DemoType     *type,
             guint32             day,
             const char        **themes,
             EscaleActionRecord *record)
{
  gboolean future = day > demo->today;

  record->text[ESCALE_ACTION_FIELD_DATE] = day_text (demo, day);
  record->text[ESCALE_ACTION_FIELD_TIME] = type->duration > 0 ? pick_time (demo) : NULL;
  record->text[ESCALE_ACTION_FIELD_TYPE] = type->type;
  record->text[ESCALE_ACTION_FIELD_STATUS] = future ? "planned" : past_status (demo, day);
  record->text[ESCALE_ACTION_FIELD_WORKER] =
    person->referent && chance (demo, 80) ? person->referent : PICK (demo, demo_workers);
  record->text[ESCALE_ACTION_FIELD_NOTES] = PICK (demo, demo_notes);
  if (type->duration > 0)
    set_number (record, ESCALE_ACTION_FIELD_DURATION,
                type->duration / 2 + pick (demo, type->duration + 1));
  themes[0] = chance (demo, 70) ? type->themes[0] : PICK (demo, type->themes);
  themes[1] = chance (demo, 25) && themes[0] != type->themes[2] ? type->themes[2] : NULL;
  record->themes = themes;
  if (g_str_equal (type->type, "referral") || g_str_equal (type->type, "accompaniment") ||
      g_str_equal (type->type, "appointment"))
    record->text[ESCALE_ACTION_FIELD_PARTNER] = PICK (demo, demo_partners);
  if (g_str_equal (type->type, "referral"))
    {
      static const char *const outcomes[] = { "accepted", "accepted", "completed", "refused" };
      record->text[ESCALE_ACTION_FIELD_REFERRAL_OUTCOME] =
        future || demo->today - day < 30 ? "pending" : PICK (demo, outcomes);
    }
  if (g_str_equal (type->type, "financial_aid"))
    set_number (record, ESCALE_ACTION_FIELD_AMOUNT, (20 + pick (demo, 281)) * 100);
  if (person->programme_id != 0 && day >= person->entry && chance (demo, 60))
    set_number (record, ESCALE_ACTION_FIELD_PROGRAMME_ID, person->programme_id);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 day_a = *(const guint32 *) a, day_b = *(const guint32 *) b;

  return day_a < day_b ? -1 : day_a > day_b;
}

/* The days of @n actions: from the first contact on, the last ones of an
 * open file now and then in the coming weeks. */
static void
pick_days (DemoFollowUp     *demo,
           const DemoPerson *person,
           guint32          *days,
           guint             n)
{
  guint32 start = start_of (demo, person), end = end_of (demo, person);

  /* A file closed before the last years: its last months. */
  if (start + 30 > end)
    start = end - MIN (end - 1, 180);
  for (guint i = 0; i < n; i++)
    days[i] = start + pick (demo, end - start + 1);
  qsort (days, n, sizeof *days, compare_days);
  if (n > 0)
    days[0] = start;
  if (n > 1 && person->closed_on == 0 && chance (demo, 35))
    days[n - 1] = demo->today + 1 + pick (demo, 28);
}

/* A next step on a done action, and the planned action it creates. */
static gboolean
add_next_step (DemoFollowUp        *demo,
               EscaleActionRecord  *record,
               gint64               action_id,
               guint32              day,
               GError             **error)
{
  guint32 due = day + 7 + pick (demo, 24);
  const char *step = PICK (demo, demo_next_steps);
  const char *themes[] = { NULL };
  EscaleActionRecord follow_up = *record;
  sqlite3_stmt *stmt;

  if (!(stmt = escale_store_cached (demo->store, "UPDATE action SET next_step = ?, "
                                    "next_step_due = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, step, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day_text (demo, due), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, action_id);
  if (!escale_store_step_done (demo->store, stmt, error))
    return FALSE;
  follow_up.text[ESCALE_ACTION_FIELD_DATE] = day_text (demo, due);
  follow_up.text[ESCALE_ACTION_FIELD_TYPE] = "phone_call";
  follow_up.text[ESCALE_ACTION_FIELD_STATUS] = due > demo->today ? "planned" :
                                               past_status (demo, due);
  follow_up.text[ESCALE_ACTION_FIELD_NOTES] = step;
  follow_up.text[ESCALE_ACTION_FIELD_REFERRAL_OUTCOME] = NULL;
  follow_up.text[ESCALE_ACTION_FIELD_PARTNER] = NULL;
  set_number (&follow_up, ESCALE_ACTION_FIELD_AMOUNT, ESCALE_ACTION_UNSET);
  set_number (&follow_up, ESCALE_ACTION_FIELD_FOLLOWS, action_id);
  follow_up.themes = themes;
  return escale_store_insert_action_record (demo->store, &follow_up, demo->now, error) != 0;
}

/* @n actions of @person, one in five for the household they head. */
static gboolean
add_person_actions (DemoFollowUp      *demo,
                    const DemoPerson  *person,
                    guint              n,
                    GError           **error)
{
  g_autofree guint32 *days = g_new (guint32, n);

  pick_days (demo, person, days, n);
  for (guint i = 0; i < n; i++)
    {
      const DemoType *type = i == 0 ? &demo_types[G_N_ELEMENTS (demo_types) - 1]
                                    : pick_type (demo);
      gboolean household = person->household_id != 0 && i > 0 && chance (demo, 20);
      const char *themes[3] = { NULL };
      EscaleActionRecord record;
      gboolean last_next_step = i + 1 < n && days[i + 1] > demo->today && chance (demo, 50);
      gint64 id;

      escale_action_record_init (&record);
      fill_action (demo, person, type, days[i], themes, &record);
      record.text[ESCALE_ACTION_FIELD_SCOPE] = household ? ESCALE_ACTION_SCOPE_HOUSEHOLD
                                                         : ESCALE_ACTION_SCOPE_PERSON;
      set_number (&record, household ? ESCALE_ACTION_FIELD_HOUSEHOLD_ID
                                     : ESCALE_ACTION_FIELD_PERSON_ID,
                  household ? person->household_id : person->id);
      if (!(id = escale_store_insert_action_record (demo->store, &record, demo->now, error)))
        return FALSE;
      /* Now and then a next step, done or still to come; it counts as one
       * of the @n actions. */
      if (i + 1 < n && g_str_equal (record.text[ESCALE_ACTION_FIELD_STATUS], "done") &&
          (last_next_step || chance (demo, 8)))
        {
          if (!add_next_step (demo, &record, id, days[i], error))
            return FALSE;
          i++;
        }
    }
  return TRUE;
}

/* A group session with a few of the people seen so far. */
static gboolean
add_workshop (DemoFollowUp  *demo,
              guint          seen,
              GError       **error)
{
  guint index = pick (demo, G_N_ELEMENTS (demo_workshops));
  guint32 day = demo->today - pick (demo, HISTORY) + (chance (demo, 10) ? 60 : 0);
  const char *themes[] = { demo_workshops[index][1], NULL };
  gboolean future = day > demo->today;
  guint n = 4 + pick (demo, 8);
  EscaleActionRecord record;
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 id;

  escale_action_record_init (&record);
  record.text[ESCALE_ACTION_FIELD_SCOPE] = ESCALE_ACTION_SCOPE_GROUP;
  record.text[ESCALE_ACTION_FIELD_DATE] = day_text (demo, day);
  record.text[ESCALE_ACTION_FIELD_TIME] = "14:00";
  record.text[ESCALE_ACTION_FIELD_TYPE] = "workshop";
  record.text[ESCALE_ACTION_FIELD_STATUS] = future ? "planned" : "done";
  record.text[ESCALE_ACTION_FIELD_WORKER] = PICK (demo, demo_workers);
  record.text[ESCALE_ACTION_FIELD_NOTES] = demo_workshops[index][0];
  record.themes = themes;
  set_number (&record, ESCALE_ACTION_FIELD_DURATION, 120);
  if (!(id = escale_store_insert_action_record (demo->store, &record, demo->now, error)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      DemoPerson *person = &g_array_index (demo->people, DemoPerson, pick (demo, seen));
      EscaleAttendance attended = future ? ESCALE_ATTENDANCE_UNKNOWN
                                         : chance (demo, 85) ? ESCALE_ATTENDANCE_PRESENT
                                                             : ESCALE_ATTENDANCE_ABSENT;

      if (g_hash_table_contains (chosen, &person->id))
        continue;
      g_hash_table_add (chosen, &person->id);
      if (!escale_store_insert_participant (demo->store, id, person->id, attended, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
last_action_id (EscaleStore *store)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT max(id) FROM action", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
record_follow_up (EscaleStore  *store,
                  gint64        last_before,
                  GError      **error)
{
  g_autofree char *summary = g_strdup_printf ("demo data: %" G_GINT64_FORMAT " actions",
                                              last_action_id (store) - last_before);

  return escale_audit_record (store, "import", "action", 0, summary, error);
}

static gboolean
write_follow_up (DemoFollowUp        *demo,
                 guint                actions_per_person,
                 EscaleDemoProgress   progress,
                 gpointer             user_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  guint n_people;

  if (!load_people (demo, error) || !add_programmes (demo, error))
    return FALSE;
  n_people = demo->people->len;
  for (guint i = 0; i < n_people; i++)
    {
      DemoPerson *person = &g_array_index (demo->people, DemoPerson, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !enrol (demo, person, error) ||
          !add_person_actions (demo, person, actions_per_person, error) ||
          ((i + 1) % 40 == 0 && actions_per_person > 0 && !add_workshop (demo, i + 1, error)))
        return FALSE;
      if (progress != NULL && ((i + 1) % 500 == 0 || i + 1 == n_people))
        progress (i + 1, n_people, user_data);
    }
  return TRUE;
}

/**
 * escale_demo_generate_follow_up:
 * @actions_per_person: how many actions each person gets, next steps
 *   included; group workshops come on top
 * @seed: the same seed gives the same data (on the same day)
 * @progress: (nullable): called every few hundred people
 * @cancellable: (nullable): stops the generation; nothing is then written
 * @n_actions: (out) (optional): how many actions were added
 *
 * Adds demo programmes (those missing), and enrolments and actions for
 * every person who has no action yet, in one transaction.
 */
/* The association's name and two volunteers among the demo workers, for
 * the reports, when the association has none yet. */
static gboolean
name_demo_association (EscaleStore  *store,
                       GError      **error)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_load (store, error);
  const char *volunteers[] = { demo_workers[2], demo_workers[5], NULL };

  if (settings == NULL)
    return FALSE;
  if (*settings->association != '\0')
    return TRUE;
  g_free (settings->association);
  settings->association = g_strdup ("Escale démo");
  g_strfreev (settings->volunteers);
  settings->volunteers = g_strdupv ((char **) volunteers);
  return escale_report_settings_save (store, settings, error);
}

gboolean
escale_demo_generate_follow_up (EscaleStore         *store,
                                guint                actions_per_person,
                                guint32              seed,
                                EscaleDemoProgress   progress,
                                gpointer             user_data,
                                GCancellable        *cancellable,
                                guint               *n_actions,
                                GError             **error)
{
  g_autofree char *today = escale_date_today ();
  DemoFollowUp demo = {
    store, g_rand_new_with_seed (seed ^ 0x5eed0ac7u), julian_of (today), escale_store_now (),
    g_string_chunk_new (4096), g_array_new (FALSE, FALSE, sizeof (DemoPerson)),
    g_array_new (FALSE, FALSE, sizeof (gint64)),
  };
  gint64 before = last_action_id (store);
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  /* One audit entry for them all. */
  escale_audit_set_paused (store, TRUE);
  ok = escale_store_begin_batch (store, error);
  if (ok)
    {
      ok = write_follow_up (&demo, actions_per_person, progress, user_data, cancellable,
                            error) &&
           name_demo_association (store, error) &&
           record_follow_up (store, before, error) &&
           escale_store_commit (store, error);
      if (!ok)
        escale_store_rollback (store);
    }
  escale_audit_set_paused (store, FALSE);
  if (n_actions != NULL)
    *n_actions = ok ? (guint) (last_action_id (store) - before) : 0;
  g_rand_free (demo.rand);
  g_free (demo.now);
  g_string_chunk_free (demo.strings);
  g_array_unref (demo.people);
  g_array_unref (demo.programmes);
  return ok;
}
