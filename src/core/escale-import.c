/* escale-import.c — importing people from a CSV file or an XLSX workbook
 *
 * The file is read twice, inside one transaction. The first pass builds
 * every row's person as it would be saved and validates it, without
 * writing: any problem, in any row, and nothing is written. The second pass
 * writes: rows with a file number first, so that numbers generated for the
 * others never take one the file uses, then the households, whose keys are
 * only known once every member is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-csv.h"
#include "escale-date.h"
#include "escale-import-private.h"
#include "escale-iso.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-vocab.h"

typedef enum {
  COL_FILE_NUMBER,
  COL_FAMILY_NAME,
  COL_GIVEN_NAMES,
  COL_OTHER_NAMES,
  COL_SEX,
  COL_BIRTH_DATE,
  COL_BIRTH_COUNTRY,
  COL_NATIONALITY,
  COL_LANGUAGES,
  COL_PHONE,
  COL_EMAIL,
  COL_ADDRESS,
  COL_POSTAL_CODE,
  COL_CITY,
  COL_ARRIVAL_DATE,
  COL_STATUS,
  COL_STATUS_SINCE,
  COL_HOUSEHOLD,
  COL_HOUSEHOLD_ROLE,
  COL_REFERENT,
  COL_FIRST_CONTACT,
  COL_CLOSED_ON,
  COL_CLOSE_REASON,
  N_COLUMNS
} Column;

typedef enum {
  KIND_TEXT,   /* copied as it is */
  KIND_DATE,   /* a full date */
  KIND_OTHER,  /* read by its own function */
} ColumnKind;

static const struct
{
  const char  *name;
  ColumnKind   kind;
  EscaleField  field;  /* where the store reports its problems */
} columns[N_COLUMNS] = {
  [COL_FILE_NUMBER] = { "file_number", KIND_TEXT, ESCALE_FIELD_FILE_NUMBER },
  [COL_FAMILY_NAME] = { "family_name", KIND_TEXT, ESCALE_FIELD_FAMILY_NAME },
  [COL_GIVEN_NAMES] = { "given_names", KIND_TEXT, ESCALE_FIELD_GIVEN_NAMES },
  [COL_OTHER_NAMES] = { "other_names", KIND_OTHER, ESCALE_FIELD_OTHER_NAMES },
  [COL_SEX] = { "sex", KIND_TEXT, ESCALE_FIELD_SEX },
  [COL_BIRTH_DATE] = { "birth_date", KIND_OTHER, ESCALE_FIELD_BIRTH_DATE },
  [COL_BIRTH_COUNTRY] = { "birth_country", KIND_OTHER, ESCALE_FIELD_BIRTH_COUNTRY },
  [COL_NATIONALITY] = { "nationality", KIND_OTHER, ESCALE_FIELD_NATIONALITIES },
  [COL_LANGUAGES] = { "languages", KIND_OTHER, ESCALE_FIELD_LANGUAGES },
  [COL_PHONE] = { "phone", KIND_TEXT, ESCALE_FIELD_PHONE },
  [COL_EMAIL] = { "email", KIND_TEXT, ESCALE_FIELD_EMAIL },
  [COL_ADDRESS] = { "address", KIND_TEXT, ESCALE_FIELD_ADDRESS },
  [COL_POSTAL_CODE] = { "postal_code", KIND_TEXT, ESCALE_FIELD_POSTAL_CODE },
  [COL_CITY] = { "city", KIND_TEXT, ESCALE_FIELD_CITY },
  [COL_ARRIVAL_DATE] = { "arrival_date", KIND_DATE, ESCALE_FIELD_ARRIVAL_DATE },
  [COL_STATUS] = { "status", KIND_OTHER, ESCALE_FIELD_STATUS },
  [COL_STATUS_SINCE] = { "status_since", KIND_OTHER, ESCALE_FIELD_STATUS },
  [COL_HOUSEHOLD] = { "household", KIND_OTHER, ESCALE_FIELD_HOUSEHOLD },
  [COL_HOUSEHOLD_ROLE] = { "household_role", KIND_OTHER, ESCALE_FIELD_HOUSEHOLD },
  [COL_REFERENT] = { "referent", KIND_TEXT, ESCALE_FIELD_REFERENT },
  [COL_FIRST_CONTACT] = { "first_contact", KIND_DATE, ESCALE_FIELD_FIRST_CONTACT },
  [COL_CLOSED_ON] = { "closed_on", KIND_DATE, ESCALE_FIELD_CLOSED_ON },
  [COL_CLOSE_REASON] = { "close_reason", KIND_TEXT, ESCALE_FIELD_CLOSE_REASON },
};

/* What the first pass learns about a household, new or in the database. */
typedef struct
{
  gint64   id;                       /* in the database, 0 for a new one */
  guint    heads;                    /* its heads in the database who stay heads */
  GArray  *head_lines;               /* guint: rows that make someone else its head */
  guint    first_line_without_role;  /* of someone not in it yet, 0 when none */
} Household;

/* A household change, made once every person is saved. */
typedef struct
{
  guint   line;
  gint64  person_id;
  char   *key;   /* NULL to change the role only */
  char   *role;
} Membership;

typedef EscaleImportRow Row;

typedef struct
{
  EscaleImportReader  reader;
  EscaleStore        *store;
  GHashTable         *file_numbers;      /* file number → line */
  GPtrArray          *household_list;    /* Household, owned */
  GHashTable         *households;        /* key → Household */
  GHashTable         *household_ids;     /* &Household.id → Household */
  GArray             *memberships;       /* Membership */
} Import;

static void
household_free (Household *household)
{
  g_array_unref (household->head_lines);
  g_free (household);
}

static void
membership_clear (Membership *membership)
{
  g_free (membership->key);
  g_free (membership->role);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, escale_import_row_clear)

static void
import_clear (Import *import)
{
  escale_import_reader_clear (&import->reader);
  g_clear_pointer (&import->file_numbers, g_hash_table_unref);
  g_clear_pointer (&import->households, g_hash_table_unref);
  g_clear_pointer (&import->household_ids, g_hash_table_unref);
  g_clear_pointer (&import->household_list, g_ptr_array_unref);
  g_clear_pointer (&import->memberships, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Reading rows */

#define add_problem(import, ...) escale_import_add_problem (&(import)->reader, __VA_ARGS__)

static guint
count_problems (Import *import)
{
  return escale_import_count_problems (&import->reader);
}

static const char *
column_label (Import *import,
              Column  column)
{
  return escale_import_column_label (&import->reader, column);
}

static gboolean
next_row (Import *import,
          Row    *row)
{
  return escale_import_next_row (&import->reader, row);
}

static const char *
row_get (Import    *import,
         const Row *row,
         Column     column)
{
  return escale_import_row_get (&import->reader, row, column);
}

/* The columns as the reader knows them; only family_name is required. */
static const EscaleImportColumn *
reader_columns (void)
{
  static EscaleImportColumn table[N_COLUMNS];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (Column c = 0; c < N_COLUMNS; c++)
        table[c] = (EscaleImportColumn) { columns[c].name, c == COL_FAMILY_NAME };
      g_once_init_leave (&once, 1);
    }
  return table;
}

/* Codes are compared as the store keeps them. */
static void
normalize_case (Import *import,
                Row    *row)
{
  static const struct { Column column; gboolean upper; } cases[] = {
    { COL_SEX, TRUE }, { COL_STATUS, FALSE }, { COL_HOUSEHOLD_ROLE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *value = (char *) row_get (import, row, cases[i].column);

      for (; value != NULL && *value != '\0'; value++)
        *value = cases[i].upper ? g_ascii_toupper (*value) : g_ascii_tolower (*value);
    }
}

/* Building a person from a row */

static char *
day_before (const char *iso)
{
  g_autoptr(GDate) date = escale_date_to_gdate (iso);

  if (g_date_get_julian (date) > 1)
    g_date_subtract_days (date, 1);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
apply_plain_columns (Import       *import,
                     const Row    *row,
                     EscalePerson *person)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      const char *value = row_get (import, row, c);

      if (value == NULL || columns[c].kind == KIND_OTHER)
        continue;
      if (columns[c].kind == KIND_TEXT)
        escale_person_set (person, columns[c].field, value);
      else
        {
          g_autofree char *iso = escale_import_parse_date (&import->reader, row, c);
          if (iso != NULL)
            escale_person_set (person, columns[c].field, iso);
        }
    }
}

static void
apply_birth_date (Import       *import,
                  const Row    *row,
                  EscalePerson *person)
{
  const char *text = row_get (import, row, COL_BIRTH_DATE);
  g_autoptr(GError) error = NULL;
  EscaleDatePrecision precision;
  g_autofree char *iso = NULL;

  if (text == NULL)
    return;
  if (!(iso = escale_date_parse (text, &precision, &error)))
    {
      escale_import_add_date_problem (&import->reader, row, COL_BIRTH_DATE, text, error,
                                      /* Translators: the formats must stay as they are */
                                      _("write it as DD/MM/YYYY, YYYY-MM-DD, MM/YYYY or YYYY"));
      return;
    }
  escale_person_set (person, ESCALE_FIELD_BIRTH_DATE, iso);
  escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION,
                     escale_date_precision_to_code (precision));
}

/* Unknown codes are kept as they are, for the validation to report them. */
static GStrv
normalize_codes (const char *text,
                 char       *(*normalize) (const char *code))
{
  GStrv codes = escale_import_split_list (text);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      char *code = normalize (codes[i]);

      if (code != NULL)
        {
          g_free (codes[i]);
          codes[i] = code;
        }
    }
  return codes;
}

static EscaleLanguageSkill *
find_language (GPtrArray  *languages,
               const char *code)
{
  for (guint i = 0; i < languages->len; i++)
    {
      EscaleLanguageSkill *skill = g_ptr_array_index (languages, i);

      if (g_str_equal (skill->code, code))
        return skill;
    }
  return NULL;
}

/* Languages the person already had keep their level and interpreter need. */
static void
set_languages (EscalePerson       *person,
               const char * const *codes)
{
  GPtrArray *languages = escale_person_get_languages (person);
  g_autoptr(GPtrArray) chosen =
    g_ptr_array_new_with_free_func ((GDestroyNotify) escale_language_skill_free);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      EscaleLanguageSkill *known = find_language (languages, codes[i]);

      if (find_language (chosen, codes[i]) != NULL)
        continue;
      g_ptr_array_add (chosen, known ? escale_language_skill_new (known->code, known->level,
                                                                   known->interpreter)
                                     : escale_language_skill_new (codes[i], NULL, FALSE));
    }
  g_ptr_array_set_size (languages, 0);
  g_ptr_array_extend_and_steal (languages, g_steal_pointer (&chosen));
}

static void
apply_lists (Import       *import,
             const Row    *row,
             EscalePerson *person)
{
  const char *names = row_get (import, row, COL_OTHER_NAMES);
  const char *country = row_get (import, row, COL_BIRTH_COUNTRY);
  const char *nationalities = row_get (import, row, COL_NATIONALITY);
  const char *languages = row_get (import, row, COL_LANGUAGES);

  if (names != NULL)
    {
      g_auto(GStrv) list = escale_import_split_list (names);
      escale_person_set_other_names (person, (const char * const *) list);
    }
  if (country != NULL && strchr (country, '|') != NULL)
    add_problem (import, row->line, column_label (import, COL_BIRTH_COUNTRY), "%s",
                 _("Give one country of birth only"));
  else if (country != NULL)
    {
      g_autofree char *code = escale_iso_country_normalize (country);
      escale_person_set (person, ESCALE_FIELD_BIRTH_COUNTRY, code ? code : country);
    }
  if (nationalities != NULL)
    {
      g_auto(GStrv) codes = normalize_codes (nationalities, escale_iso_country_normalize);
      escale_person_set_nationalities (person, (const char * const *) codes);
    }
  if (languages != NULL)
    {
      g_auto(GStrv) codes = normalize_codes (languages, escale_iso_language_normalize);
      set_languages (person, (const char * const *) codes);
    }
}

/* The period that started last, as escale_person_get_current_status() sees it. */
static EscaleStatusPeriod *
current_period (GPtrArray *periods)
{
  EscaleStatusPeriod *current = NULL;

  for (guint i = 0; i < periods->len; i++)
    {
      EscaleStatusPeriod *period = g_ptr_array_index (periods, i);

      if (current == NULL || g_strcmp0 (period->started_on, current->started_on) >= 0)
        current = period;
    }
  return current;
}

/* The current status again: a date that contradicts its start is reported,
 * a start that was not known is learnt. */
static void
check_same_status (Import       *import,
                   const Row    *row,
                   EscalePerson *person,
                   const char   *since)
{
  EscaleStatusPeriod *period = current_period (escale_person_get_status_periods (person));
  g_autofree char *started = NULL;

  if (since == NULL || g_strcmp0 (period->started_on, since) == 0)
    return;
  if (period->started_on == NULL)
    {
      period->started_on = g_strdup (since);
      return;
    }
  started = escale_date_format (period->started_on, ESCALE_DATE_EXACT);
  add_problem (import, row->line, column_label (import, COL_STATUS_SINCE),
               /* Translators: %s is a date */
               _("The current status started on %s: change its date in the person’s file "
                 "itself"), started);
}

/* A new status starts on status_since, or today, and ends the periods still
 * open the day before. */
static void
apply_status (Import       *import,
              const Row    *row,
              EscalePerson *person)
{
  const char *status = row_get (import, row, COL_STATUS);
  GPtrArray *periods = escale_person_get_status_periods (person);
  g_autofree char *since = escale_import_parse_date (&import->reader, row, COL_STATUS_SINCE);
  gboolean since_given = row_get (import, row, COL_STATUS_SINCE) != NULL;

  if (status == NULL)
    {
      if (row_get (import, row, COL_STATUS_SINCE) != NULL)
        add_problem (import, row->line, column_label (import, COL_STATUS_SINCE), "%s",
                     _("A status date needs a status"));
      return;
    }
  if (!escale_vocab_has_code (import->store, ESCALE_VOCAB_STATUS, status))
    {
      add_problem (import, row->line, column_label (import, COL_STATUS),
                   _("Unknown administrative status “%s”"), status);
      return;
    }
  if (g_strcmp0 (escale_person_get_current_status (person), status) == 0)
    {
      check_same_status (import, row, person, since);
      return;
    }
  if (since_given && since == NULL)
    return;  /* reported by escale_import_parse_date() */
  if (since == NULL)
    since = escale_date_today ();
  for (guint i = 0; i < periods->len; i++)
    {
      EscaleStatusPeriod *period = g_ptr_array_index (periods, i);

      if (period->ended_on != NULL)
        continue;
      if (period->started_on != NULL && strcmp (period->started_on, since) >= 0)
        {
          g_autofree char *started = escale_date_format (period->started_on, ESCALE_DATE_EXACT);

          if (since_given)
            add_problem (import, row->line, column_label (import, COL_STATUS_SINCE),
                         /* Translators: %s is a date */
                         _("The current status of this file started on %s, not before this "
                           "date: change older statuses in the file itself"), started);
          else
            add_problem (import, row->line, column_label (import, COL_STATUS),
                         /* Translators: %s is a date; status_since is a column name, keep it */
                         _("The current status of this file started on %s, today or later: "
                           "give the date the new status starts in a status_since column"),
                         started);
          return;
        }
      period->ended_on = day_before (since);
    }
  g_ptr_array_add (periods, escale_status_period_new (status, since, NULL, NULL, NULL));
}

static EscalePerson *
build_person (Import     *import,
              const Row  *row,
              gboolean   *is_new,
              GError    **error)
{
  const char *number = row_get (import, row, COL_FILE_NUMBER);
  gint64 id = number ? escale_store_find_file_number (import->store, number) : 0;
  g_autoptr(EscalePerson) person = NULL;

  *is_new = id == 0;
  if (id != 0 && !(person = escale_store_load_person (import->store, id, error)))
    return NULL;
  if (id == 0)
    person = escale_person_new ();
  apply_plain_columns (import, row, person);
  apply_birth_date (import, row, person);
  apply_lists (import, row, person);
  apply_status (import, row, person);
  return g_steal_pointer (&person);
}

/* Validating */

static const char *
field_column (Import      *import,
              const Row   *row,
              EscaleField  field)
{
  if (field == ESCALE_FIELD_BIRTH_PRECISION)
    return column_label (import, COL_BIRTH_DATE);
  if (field == ESCALE_FIELD_STATUS)
    return column_label (import, row_get (import, row, COL_STATUS_SINCE) ? COL_STATUS_SINCE
                                                                        : COL_STATUS);
  for (Column c = 0; c < N_COLUMNS; c++)
    if (columns[c].field == field)
      return column_label (import, c);
  return escale_field_get_name (field);
}

static void
report_invalid (Import       *import,
                const Row    *row,
                EscalePerson *person)
{
  g_autoptr(GPtrArray) errors = escale_store_validate_person (import->store, person);

  for (guint i = 0; i < errors->len; i++)
    {
      EscaleFieldError *error = g_ptr_array_index (errors, i);

      add_problem (import, row->line, field_column (import, row, error->field), "%s",
                   error->message);
    }
}

static void
check_file_number (Import    *import,
                   const Row *row)
{
  const char *number = row_get (import, row, COL_FILE_NUMBER);
  gpointer first_line;

  if (number == NULL)
    return;
  if (g_hash_table_lookup_extended (import->file_numbers, number, NULL, &first_line))
    add_problem (import, row->line, column_label (import, COL_FILE_NUMBER),
                 /* Translators: %s is a file number, %u a line of the file */
                 _("File number “%s” is already on line %u"), number,
                 GPOINTER_TO_UINT (first_line));
  else
    g_hash_table_insert (import->file_numbers, g_strdup (number), GUINT_TO_POINTER (row->line));
}

static gint64
find_household (Import     *import,
                const char *key)
{
  sqlite3_stmt *stmt = escale_store_cached (import->store,
                                            "SELECT id FROM household WHERE import_key = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static guint
count_heads (Import *import,
             gint64  household_id)
{
  sqlite3_stmt *stmt = escale_store_cached (import->store,
                                            "SELECT count(*) FROM household_member "
                                            "WHERE household_id = ? AND role = 'head'", NULL);
  guint heads = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    heads = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return heads;
}

static Household *
household_new (Import *import,
               gint64  id)
{
  Household *household = g_new0 (Household, 1);

  household->id = id;
  household->heads = id != 0 ? count_heads (import, id) : 0;
  household->head_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (import->household_list, household);
  if (id != 0)
    g_hash_table_insert (import->household_ids, &household->id, household);
  return household;
}

static Household *
lookup_household_id (Import *import,
                     gint64  id)
{
  Household *household = g_hash_table_lookup (import->household_ids, &id);

  return household != NULL ? household : household_new (import, id);
}

static Household *
lookup_household_key (Import     *import,
                      const char *key)
{
  Household *household = g_hash_table_lookup (import->households, key);
  gint64 id;

  if (household != NULL)
    return household;
  id = find_household (import, key);
  household = id != 0 ? lookup_household_id (import, id) : household_new (import, 0);
  g_hash_table_insert (import->households, g_strdup (key), household);
  return household;
}

/* Counts the heads each household will have: its heads who stay heads,
 * and the rows that make someone else head. Learns which row becomes the
 * head of a household that has none. */
static void
check_household (Import       *import,
                 const Row    *row,
                 EscalePerson *person)
{
  const char *key = row_get (import, row, COL_HOUSEHOLD);
  const char *role = row_get (import, row, COL_HOUSEHOLD_ROLE);
  gint64 current = escale_person_get_household_id (person);
  gboolean was_head = current != 0 &&
                      g_strcmp0 (escale_person_get_household_role (person), "head") == 0;
  gboolean stays;
  Household *household;

  if (role != NULL && !escale_vocab_has_code (import->store, ESCALE_VOCAB_HOUSEHOLD_ROLE, role))
    add_problem (import, row->line, column_label (import, COL_HOUSEHOLD_ROLE),
                 _("Unknown household role “%s”: use head, partner, child or other"), role);
  if (key == NULL && role == NULL)
    return;
  if (key == NULL && current == 0)
    {
      add_problem (import, row->line, column_label (import, COL_HOUSEHOLD_ROLE), "%s",
                   _("A household role needs a household"));
      return;
    }
  household = key != NULL ? lookup_household_key (import, key)
                          : lookup_household_id (import, current);
  stays = household->id != 0 && household->id == current;
  if (was_head && (!stays || (role != NULL && !g_str_equal (role, "head"))))
    {
      Household *left = lookup_household_id (import, current);
      if (left->heads > 0)
        left->heads--;
    }
  if (g_strcmp0 (role, "head") == 0 && !(was_head && stays))
    g_array_append_val (household->head_lines, row->line);
  else if (role == NULL && !stays && household->first_line_without_role == 0)
    household->first_line_without_role = row->line;
}

/* Once every row is seen: a household has one head at most. */
static void
check_heads (Import *import)
{
  for (guint i = 0; i < import->household_list->len; i++)
    {
      Household *household = g_ptr_array_index (import->household_list, i);

      for (guint j = household->heads > 0 ? 0 : 1; j < household->head_lines->len; j++)
        add_problem (import, g_array_index (household->head_lines, guint, j),
                     column_label (import, COL_HOUSEHOLD_ROLE), "%s",
                     _("This household already has a head"));
    }
}

static gboolean
validate_row (Import     *import,
              Row        *row,
              GError    **error)
{
  guint before = count_problems (import);
  g_autoptr(EscalePerson) person = NULL;
  gboolean is_new;

  normalize_case (import, row);
  escale_import_check_extra_fields (&import->reader, row);
  check_file_number (import, row);
  if (!(person = build_person (import, row, &is_new, error)))
    return FALSE;
  report_invalid (import, row, person);
  check_household (import, row, person);
  if (count_problems (import) == before)
    {
      if (is_new)
        import->reader.report->created++;
      else
        import->reader.report->updated++;
    }
  return TRUE;
}

static gboolean
validate_rows (Import  *import,
               GError **error)
{
  g_auto(Row) row = { 0 };

  while (next_row (import, &row))
    if (!validate_row (import, &row, error))
      return FALSE;
  check_heads (import);
  escale_import_sort_problems (&import->reader);
  return TRUE;
}

/* Writing */

/* A member already in the household keeps their role when no row says. */
static const char *
household_role (Import       *import,
                const Row    *row,
                EscalePerson *person)
{
  const char *role = row_get (import, row, COL_HOUSEHOLD_ROLE);
  Household *household = g_hash_table_lookup (import->households,
                                               row_get (import, row, COL_HOUSEHOLD));
  gint64 current = escale_person_get_household_id (person);

  if (role != NULL)
    return role;
  if (current != 0 && current == household->id)
    return escale_person_get_household_role (person);
  return household->heads == 0 && household->head_lines->len == 0 &&
         household->first_line_without_role == row->line ? "head" : "other";
}

static void
plan_membership (Import       *import,
                 const Row    *row,
                 EscalePerson *person)
{
  Membership membership = { row->line, escale_person_get_id (person), NULL, NULL };

  if (row_get (import, row, COL_HOUSEHOLD) == NULL &&
      row_get (import, row, COL_HOUSEHOLD_ROLE) == NULL)
    return;
  membership.key = g_strdup (row_get (import, row, COL_HOUSEHOLD));
  membership.role = g_strdup (membership.key ? household_role (import, row, person)
                                             : row_get (import, row, COL_HOUSEHOLD_ROLE));
  g_array_append_val (import->memberships, membership);
}

static gboolean
write_row (Import     *import,
           Row        *row,
           GError    **error)
{
  guint before = count_problems (import);
  g_autoptr(EscalePerson) person = NULL;
  gboolean is_new;

  normalize_case (import, row);
  if (!(person = build_person (import, row, &is_new, error)))
    return FALSE;
  if (count_problems (import) != before)
    {
      EscaleImportProblem *problem = g_ptr_array_index (import->reader.report->problems, before);
      g_autofree char *text = escale_import_problem_to_string (problem);

      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID, text);
      return FALSE;
    }
  if (!escale_store_save_person (import->store, person, error))
    {
      escale_import_prefix_line (error, row->line);
      return FALSE;
    }
  plan_membership (import, row, person);
  return TRUE;
}

/* Rows with a file number (@numbered) or without one. */
static gboolean
write_rows (Import    *import,
            gboolean   numbered,
            GError   **error)
{
  g_auto(Row) row = { 0 };

  escale_import_reader_rewind (&import->reader);
  next_row (import, &row);
  while (next_row (import, &row))
    if ((row_get (import, &row, COL_FILE_NUMBER) != NULL) == numbered &&
        !write_row (import, &row, error))
      return FALSE;
  return TRUE;
}

static int
compare_memberships (gconstpointer a,
                     gconstpointer b)
{
  guint line_a = ((const Membership *) a)->line, line_b = ((const Membership *) b)->line;

  return line_a < line_b ? -1 : line_a > line_b;
}

static gboolean
write_memberships (Import  *import,
                   GError **error)
{
  g_array_sort (import->memberships, compare_memberships);
  for (guint i = 0; i < import->memberships->len; i++)
    {
      Membership *membership = &g_array_index (import->memberships, Membership, i);
      gint64 household;

      if (membership->key == NULL)
        {
          if (!escale_store_household_set_role (import->store, membership->person_id,
                                                membership->role, error))
            return FALSE;
          continue;
        }
      household = escale_store_household_find_key (import->store, membership->key);
      if (household == 0)
        {
          escale_store_set_sql_error (import->store, error);
          return FALSE;
        }
      if (!escale_store_household_join (import->store, household, membership->person_id,
                                        membership->role, error))
        return FALSE;
    }
  return TRUE;
}

/* Returns: %FALSE on a database error; problems are in the report. */
static gboolean
run (Import    *import,
     gboolean   dry_run,
     GError   **error)
{
  if (!escale_import_read_header (&import->reader))
    return TRUE;
  if (!validate_rows (import, error))
    return FALSE;
  if (count_problems (import) > 0 || dry_run)
    return TRUE;
  return write_rows (import, TRUE, error) &&
         write_rows (import, FALSE, error) &&
         write_memberships (import, error);
}

/**
 * escale_import_people:
 * @path: a CSV file or an XLSX workbook (its first sheet), see the command
 *   line's documentation for its columns
 * @dry_run: validate and count without writing
 *
 * Validates the whole file, then, when every row is valid and @dry_run is
 * %FALSE, creates and updates the people in one transaction.
 *
 * Returns: (transfer full) (nullable): what was done or, when its problems
 *   are not empty, why nothing was; %NULL with @error set when the file
 *   cannot be read or is empty, or the database fails
 */
EscaleImportReport *
escale_import_people (EscaleStore  *store,
                      const char   *path,
                      gboolean      dry_run,
                      GError      **error)
{
  g_auto(Import) import = { 0 };

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  import.store = store;
  import.file_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.household_list = g_ptr_array_new_with_free_func ((GDestroyNotify) household_free);
  import.households = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.household_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  import.memberships = g_array_new (FALSE, FALSE, sizeof (Membership));
  g_array_set_clear_func (import.memberships, (GDestroyNotify) membership_clear);

  if (!escale_import_reader_open (&import.reader, store, "person", path, reader_columns (),
                                  N_COLUMNS, error))
    return NULL;
  /* Validating in the transaction too sees the data as it is written. */
  if (!escale_store_begin_batch (store, error) ||
      !escale_import_finish (&import.reader, run (&import, dry_run, error), dry_run, error))
    return NULL;
  return g_steal_pointer (&import.reader.report);
}
