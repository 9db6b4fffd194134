/* escale-action-import.c — importing actions, programmes and enrolments
 *
 * As for people, the whole file is validated first, and nothing is written
 * when any row is wrong. Actions can come by hundreds of thousands: the
 * people, programmes and codes are looked up once, the rows are kept as
 * they are read, then written with prepared statements in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-action-import.h"
#include "escale-date.h"
#include "escale-import-private.h"
#include "escale-person-store.h"
#include "escale-programme-store.h"
#include "escale-store-private.h"
#include "escale-util.h"
#include "escale-vocab.h"

/* Lookups */

/* A table of ids by a text key, read once from the database. */
static GHashTable *
load_ids (EscaleStore  *store,
          const char   *sql,
          GError      **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) },
                                    sizeof (gint64)));
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gint64
lookup_id (GHashTable *ids,
           const char *key)
{
  gint64 *id = g_hash_table_lookup (ids, key);

  return id != NULL ? *id : 0;
}

static GHashTable *
load_codes (EscaleStore *store,
            const char  *kind)
{
  /* Hidden entries too: imported actions may be older than their hiding. */
  g_auto(GStrv) codes = escale_vocab_list_all_codes (store, kind);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (codes[i]));
  return set;
}

static char *
lower (char *text)
{
  for (char *c = text; c != NULL && *c != '\0'; c++)
    *c = g_ascii_tolower (*c);
  return text;
}

/* Actions */

/* Where an integer field is in EscaleActionRecord.number. */
#define NUMBER(field) ((field) - ESCALE_ACTION_N_TEXT_FIELDS)

typedef enum {
  ACOL_FILE_NUMBER,
  ACOL_DATE,
  ACOL_TYPE,
  ACOL_THEME,
  ACOL_STATUS,
  ACOL_DURATION,
  ACOL_WORKER,
  ACOL_PROGRAMME,
  ACOL_PARTNER,
  ACOL_REFERRAL_OUTCOME,
  ACOL_AMOUNT,
  ACOL_NOTES,
  N_ACTION_COLUMNS
} ActionColumn;

static const EscaleImportColumn action_columns[N_ACTION_COLUMNS] = {
  [ACOL_FILE_NUMBER] = { "file_number", TRUE },
  [ACOL_DATE] = { "date", TRUE },
  [ACOL_TYPE] = { "type", TRUE },
  [ACOL_THEME] = { "theme", FALSE },
  [ACOL_STATUS] = { "status", FALSE },
  [ACOL_DURATION] = { "duration_minutes", FALSE },
  [ACOL_WORKER] = { "worker", FALSE },
  [ACOL_PROGRAMME] = { "programme", FALSE },
  [ACOL_PARTNER] = { "partner", FALSE },
  [ACOL_REFERRAL_OUTCOME] = { "referral_outcome", FALSE },
  [ACOL_AMOUNT] = { "amount", FALSE },
  [ACOL_NOTES] = { "notes", FALSE },
};

typedef struct
{
  EscaleImportReader  reader;
  GHashTable         *people;       /* file number → id */
  GHashTable         *programmes;   /* code → id */
  GHashTable         *types, *themes, *statuses, *outcomes;
  char               *today;
  GStringChunk       *strings;      /* the text of the rows kept */
  GArray             *records;      /* EscaleActionRecord */
  GPtrArray          *theme_lists;  /* the records' themes, owned */
} ActionImport;

static void
action_import_clear (ActionImport *import)
{
  escale_import_reader_clear (&import->reader);
  g_clear_pointer (&import->people, g_hash_table_unref);
  g_clear_pointer (&import->programmes, g_hash_table_unref);
  g_clear_pointer (&import->types, g_hash_table_unref);
  g_clear_pointer (&import->themes, g_hash_table_unref);
  g_clear_pointer (&import->statuses, g_hash_table_unref);
  g_clear_pointer (&import->outcomes, g_hash_table_unref);
  g_clear_pointer (&import->today, g_free);
  g_clear_pointer (&import->strings, g_string_chunk_free);
  g_clear_pointer (&import->records, g_array_unref);
  g_clear_pointer (&import->theme_lists, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActionImport, action_import_clear)

static gboolean
action_import_init (ActionImport  *import,
                    GError       **error)
{
  EscaleStore *store = import->reader.store;

  import->people = load_ids (store, "SELECT file_number, id FROM person "
                             "WHERE file_number IS NOT NULL", error);
  import->programmes = load_ids (store, "SELECT code, id FROM programme", NULL);
  if (import->people == NULL || import->programmes == NULL)
    return FALSE;
  import->types = load_codes (store, ESCALE_VOCAB_ACTION_TYPE);
  import->themes = load_codes (store, ESCALE_VOCAB_THEME);
  import->statuses = load_codes (store, ESCALE_VOCAB_ACTION_STATUS);
  import->outcomes = load_codes (store, ESCALE_VOCAB_REFERRAL_OUTCOME);
  import->today = escale_date_today ();
  import->strings = g_string_chunk_new (1 << 16);
  import->records = g_array_new (FALSE, FALSE, sizeof (EscaleActionRecord));
  import->theme_lists = g_ptr_array_new_with_free_func (g_free);
  return TRUE;
}

/* The text of a column, kept for the writing; codes are shared. */
static const char *
keep (ActionImport          *import,
      const EscaleImportRow *row,
      ActionColumn           column,
      gboolean               code)
{
  const char *value = escale_import_row_get (&import->reader, row, column);

  if (value == NULL)
    return NULL;
  return code ? g_string_chunk_insert_const (import->strings, value)
              : g_string_chunk_insert (import->strings, value);
}

G_GNUC_PRINTF (4, 5) static void
action_problem (ActionImport          *import,
                const EscaleImportRow *row,
                ActionColumn           column,
                const char            *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escale_import_add_problem (&import->reader, row->line,
                             escale_import_column_label (&import->reader, column), "%s", message);
}

static gboolean
check_time (const char *time)
{
  return strlen (time) == 5 && g_ascii_isdigit (time[0]) && g_ascii_isdigit (time[1]) &&
         time[2] == ':' && g_ascii_isdigit (time[3]) && g_ascii_isdigit (time[4]) &&
         (time[0] - '0') * 10 + (time[1] - '0') < 24 && time[3] < '6';
}

/* YYYY-MM-DD or DD/MM/YYYY, then maybe THH:MM (or a space and HH:MM). */
static void
read_when (ActionImport          *import,
           const EscaleImportRow *row,
           EscaleActionRecord    *record)
{
  const char *text = escale_import_row_get (&import->reader, row, ACOL_DATE);
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  EscaleDatePrecision precision;
  const char *time = NULL;
  g_autofree char *iso = NULL;
  gsize length;

  if (text == NULL)
    return;
  length = strcspn (text, "T ");
  date = g_strndup (text, length);
  if (text[length] != '\0')
    {
      time = text + length + 1;
      if (!check_time (time))
        /* Translators: %s is a time as the file has it; HH:MM must stay as it is */
        action_problem (import, row, ACOL_DATE, _("“%s” is not a time: write it as HH:MM, "
                                                  "for example 09:30"), time);
    }
  iso = escale_date_parse (date, &precision, &error);
  if (iso == NULL || precision != ESCALE_DATE_EXACT)
    escale_import_add_date_problem (&import->reader, row, ACOL_DATE, date, error,
                                    /* Translators: the formats must stay as they are */
                                    _("write it as DD/MM/YYYY or YYYY-MM-DD, and a time "
                                      "after it as HH:MM"));
  else
    record->text[ESCALE_ACTION_FIELD_DATE] = g_string_chunk_insert_const (import->strings, iso);
  if (time != NULL)
    record->text[ESCALE_ACTION_FIELD_TIME] = g_string_chunk_insert_const (import->strings, time);
}

static void
read_person (ActionImport          *import,
             const EscaleImportRow *row,
             EscaleActionRecord    *record)
{
  const char *number = escale_import_row_get (&import->reader, row, ACOL_FILE_NUMBER);
  gint64 id = number ? lookup_id (import->people, number) : 0;

  record->text[ESCALE_ACTION_FIELD_SCOPE] = ESCALE_ACTION_SCOPE_PERSON;
  if (number != NULL && id == 0)
    /* Translators: %s is a file number */
    action_problem (import, row, ACOL_FILE_NUMBER, _("No person has the file number “%s”"),
                    number);
  record->number[NUMBER (ESCALE_ACTION_FIELD_PERSON_ID)] = id;
}

static void
read_codes (ActionImport          *import,
            const EscaleImportRow *row,
            EscaleActionRecord    *record)
{
  const char *type = lower ((char *) escale_import_row_get (&import->reader, row, ACOL_TYPE));
  const char *status = lower ((char *) escale_import_row_get (&import->reader, row, ACOL_STATUS));
  const char *outcome =
    lower ((char *) escale_import_row_get (&import->reader, row, ACOL_REFERRAL_OUTCOME));
  const char *date = record->text[ESCALE_ACTION_FIELD_DATE];

  if (type != NULL && !g_hash_table_contains (import->types, type))
    action_problem (import, row, ACOL_TYPE, _("Unknown action type “%s”"), type);
  if (status == NULL)
    status = date != NULL && strcmp (date, import->today) > 0 ? "planned" : "done";
  else if (!g_hash_table_contains (import->statuses, status))
    /* Translators: planned, done, cancelled and missed are codes and stay as they are */
    action_problem (import, row, ACOL_STATUS,
                    _("Unknown status “%s”: use planned, done, cancelled or missed"), status);
  if (outcome != NULL && !g_hash_table_contains (import->outcomes, outcome))
    action_problem (import, row, ACOL_REFERRAL_OUTCOME, _("Unknown referral outcome “%s”"),
                    outcome);
  else if (outcome != NULL && g_strcmp0 (type, "referral") != 0)
    action_problem (import, row, ACOL_REFERRAL_OUTCOME, "%s", _("Only a referral has an outcome"));
  record->text[ESCALE_ACTION_FIELD_TYPE] = keep (import, row, ACOL_TYPE, TRUE);
  record->text[ESCALE_ACTION_FIELD_STATUS] = g_string_chunk_insert_const (import->strings, status);
  record->text[ESCALE_ACTION_FIELD_REFERRAL_OUTCOME] =
    keep (import, row, ACOL_REFERRAL_OUTCOME, TRUE);
}

static void
read_themes (ActionImport          *import,
             const EscaleImportRow *row,
             EscaleActionRecord    *record)
{
  const char *text = escale_import_row_get (&import->reader, row, ACOL_THEME);
  g_auto(GStrv) themes = NULL;
  const char **kept;
  guint n;

  if (text == NULL)
    return;
  themes = escale_import_split_list (lower ((char *) text));
  n = g_strv_length (themes);
  kept = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      if (!g_hash_table_contains (import->themes, themes[i]))
        action_problem (import, row, ACOL_THEME, _("Unknown theme “%s”"), themes[i]);
      kept[i] = g_string_chunk_insert_const (import->strings, themes[i]);
    }
  g_ptr_array_add (import->theme_lists, kept);
  record->themes = kept;
}

static void
read_numbers (ActionImport          *import,
              const EscaleImportRow *row,
              EscaleActionRecord    *record)
{
  const char *duration = escale_import_row_get (&import->reader, row, ACOL_DURATION);
  const char *amount = escale_import_row_get (&import->reader, row, ACOL_AMOUNT);
  const char *programme = escale_import_row_get (&import->reader, row, ACOL_PROGRAMME);
  gint64 *numbers = record->number;

  if (duration != NULL &&
      !escale_import_parse_count (duration, &numbers[NUMBER (ESCALE_ACTION_FIELD_DURATION)]))
    /* Translators: %s is a value of the file */
    action_problem (import, row, ACOL_DURATION,
                    _("“%s” is not a number of minutes: write digits only, for example 45"),
                    duration);
  if (amount != NULL && !escale_import_parse_amount (amount, &numbers[NUMBER (ESCALE_ACTION_FIELD_AMOUNT)]))
    action_problem (import, row, ACOL_AMOUNT,
                    /* Translators: %s is a value of the file; the examples stay as they are */
                    _("“%s” is not an amount in euros: write it as 120, 35.50 or 35,50"),
                    amount);
  if (programme == NULL)
    return;
  numbers[NUMBER (ESCALE_ACTION_FIELD_PROGRAMME_ID)] = lookup_id (import->programmes, programme);
  if (numbers[NUMBER (ESCALE_ACTION_FIELD_PROGRAMME_ID)] == 0)
    /* Translators: %s is the code of a programme */
    action_problem (import, row, ACOL_PROGRAMME, _("No programme has the code “%s”"), programme);
}

static void
read_action (ActionImport          *import,
             const EscaleImportRow *row)
{
  EscaleActionRecord record;

  escale_action_record_init (&record);
  escale_import_check_row (&import->reader, row);
  read_person (import, row, &record);
  read_when (import, row, &record);
  read_codes (import, row, &record);
  read_themes (import, row, &record);
  read_numbers (import, row, &record);
  record.text[ESCALE_ACTION_FIELD_WORKER] = keep (import, row, ACOL_WORKER, TRUE);
  record.text[ESCALE_ACTION_FIELD_PARTNER] = keep (import, row, ACOL_PARTNER, TRUE);
  record.text[ESCALE_ACTION_FIELD_NOTES] = keep (import, row, ACOL_NOTES, FALSE);
  if (escale_import_count_problems (&import->reader) == 0)
    g_array_append_val (import->records, record);
}

static gboolean
write_actions (ActionImport  *import,
               GError       **error)
{
  g_autofree char *now = escale_store_now ();

  for (guint i = 0; i < import->records->len; i++)
    if (escale_store_insert_action_record (import->reader.store,
                                           &g_array_index (import->records,
                                                           EscaleActionRecord, i),
                                           now, error) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
run_actions (ActionImport  *import,
             gboolean       dry_run,
             GError       **error)
{
  g_auto(EscaleImportRow) row = { 0 };

  if (!escale_import_read_header (&import->reader))
    return TRUE;
  if (!action_import_init (import, error))
    return FALSE;
  while (escale_import_next_row (&import->reader, &row))
    read_action (import, &row);
  escale_import_sort_problems (&import->reader);
  if (escale_import_count_problems (&import->reader) > 0)
    return TRUE;
  import->reader.report->created = import->records->len;
  return dry_run || write_actions (import, error);
}

/**
 * escale_import_actions:
 * @path: a CSV file, see the command line's documentation for its columns
 * @dry_run: validate and count without writing
 *
 * Validates the whole file, then, when every row is valid and @dry_run is
 * %FALSE, creates the actions in one transaction.
 *
 * Returns: (transfer full) (nullable): what was done or, when its problems
 *   are not empty, why nothing was; %NULL with @error set when the file
 *   cannot be read or the database fails
 */
EscaleImportReport *
escale_import_actions (EscaleStore  *store,
                       const char   *path,
                       gboolean      dry_run,
                       GError      **error)
{
  g_auto(ActionImport) import = { 0 };

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!escale_import_reader_open (&import.reader, store, "action", path, action_columns,
                                  N_ACTION_COLUMNS, error) ||
      !escale_store_begin_batch (store, error))
    return NULL;
  if (!escale_import_finish (&import.reader, run_actions (&import, dry_run, error), dry_run,
                             error))
    return NULL;
  return g_steal_pointer (&import.reader.report);
}

/* Programmes and enrolments: few rows, built, validated and saved through
 * their store. */

typedef enum {
  PCOL_CODE,
  PCOL_NAME,
  PCOL_FUNDER,
  PCOL_START,
  PCOL_END,
  PCOL_TARGET,
  N_PROGRAMME_COLUMNS
} ProgrammeColumn;

static const EscaleImportColumn programme_columns[N_PROGRAMME_COLUMNS] = {
  [PCOL_CODE] = { "code", TRUE },
  [PCOL_NAME] = { "name", TRUE },
  [PCOL_FUNDER] = { "funder", FALSE },
  [PCOL_START] = { "start", FALSE },
  [PCOL_END] = { "end", FALSE },
  [PCOL_TARGET] = { "target_people", FALSE },
};

typedef enum {
  ECOL_FILE_NUMBER,
  ECOL_PROGRAMME,
  ECOL_ENTRY_DATE,
  ECOL_EXIT_DATE,
  ECOL_EXIT_REASON,
  N_ENROLMENT_COLUMNS
} EnrolmentColumn;

static const EscaleImportColumn enrolment_columns[N_ENROLMENT_COLUMNS] = {
  [ECOL_FILE_NUMBER] = { "file_number", TRUE },
  [ECOL_PROGRAMME] = { "programme", TRUE },
  [ECOL_ENTRY_DATE] = { "entry_date", TRUE },
  [ECOL_EXIT_DATE] = { "exit_date", FALSE },
  [ECOL_EXIT_REASON] = { "exit_reason", FALSE },
};

/* The column where the store's problem with each field is reported. */
static const guint field_columns[] = {
  [ESCALE_PROGRAMME_FIELD_CODE] = PCOL_CODE,
  [ESCALE_PROGRAMME_FIELD_NAME] = PCOL_NAME,
  [ESCALE_PROGRAMME_FIELD_STARTED_ON] = PCOL_START,
  [ESCALE_PROGRAMME_FIELD_ENDED_ON] = PCOL_END,
  [ESCALE_PROGRAMME_FIELD_TARGET] = PCOL_TARGET,
  [ESCALE_PROGRAMME_FIELD_FUNDERS] = PCOL_FUNDER,
  [ESCALE_ENROLMENT_FIELD_PERSON] = ECOL_FILE_NUMBER,
  [ESCALE_ENROLMENT_FIELD_PROGRAMME] = ECOL_PROGRAMME,
  [ESCALE_ENROLMENT_FIELD_ENTRY_DATE] = ECOL_ENTRY_DATE,
  [ESCALE_ENROLMENT_FIELD_EXIT_DATE] = ECOL_EXIT_DATE,
  [ESCALE_ENROLMENT_FIELD_EXIT_REASON] = ECOL_EXIT_REASON,
};

static gboolean
read_target (EscaleImportReader    *reader,
             const EscaleImportRow *row,
             gint64                *target)
{
  const char *text = escale_import_row_get (reader, row, PCOL_TARGET);

  *target = ESCALE_PROGRAMME_NO_TARGET;
  if (text == NULL || escale_import_parse_count (text, target))
    return TRUE;
  escale_import_add_problem (reader, row->line, escale_import_column_label (reader, PCOL_TARGET),
                             /* Translators: %s is a value of the file */
                             _("“%s” is not a number of people: write digits only, for "
                               "example 40"), text);
  return FALSE;
}

/* An optional date, replacing *@iso when given; FALSE when it is wrong. */
static gboolean
read_date (EscaleImportReader    *reader,
           const EscaleImportRow *row,
           guint                  column,
           char                 **iso)
{
  g_autofree char *date = escale_import_parse_date (reader, row, column);

  if (date == NULL)
    return escale_import_row_get (reader, row, column) == NULL;
  escale_set_str (iso, date);
  return TRUE;
}

static gpointer
build_programme (EscaleImportReader    *reader,
                 const EscaleImportRow *row,
                 gboolean              *is_new)
{
  const char *code = escale_import_row_get (reader, row, PCOL_CODE);
  gint64 id = escale_store_find_programme (reader->store, code);
  g_autoptr(EscaleProgramme) programme = NULL;
  gboolean ok;

  *is_new = id == 0;
  programme = id != 0 ? escale_store_load_programme (reader->store, id, NULL)
                      : escale_programme_new ();
  if (programme == NULL)
    return NULL;
  escale_set_str (&programme->code, code);
  escale_set_str (&programme->name, escale_import_row_get (reader, row, PCOL_NAME));
  if (escale_import_row_get (reader, row, PCOL_FUNDER) != NULL)
    {
      g_strfreev (programme->funders);
      programme->funders = escale_import_split_list (escale_import_row_get (reader, row,
                                                                            PCOL_FUNDER));
    }
  ok = read_date (reader, row, PCOL_START, &programme->started_on);
  ok = read_date (reader, row, PCOL_END, &programme->ended_on) && ok;
  if (escale_import_row_get (reader, row, PCOL_TARGET) != NULL)
    ok = read_target (reader, row, &programme->target_people) && ok;
  return ok ? g_steal_pointer (&programme) : NULL;
}

static gint64
find_enrolment (EscaleStore     *store,
                EscaleEnrolment *enrolment)
{
  g_autoptr(GPtrArray) enrolments = escale_store_list_enrolments (store, enrolment->person_id,
                                                                  NULL);

  for (guint i = 0; enrolments != NULL && i < enrolments->len; i++)
    {
      EscaleEnrolment *other = g_ptr_array_index (enrolments, i);

      if (other->programme_id == enrolment->programme_id &&
          g_strcmp0 (other->entry_date, enrolment->entry_date) == 0)
        return other->id;
    }
  return 0;
}

static gint64
find_reference (EscaleImportReader    *reader,
                const EscaleImportRow *row,
                guint                  column)
{
  const char *key = escale_import_row_get (reader, row, column);
  gint64 id;

  if (key == NULL)
    return 0;
  id = column == ECOL_FILE_NUMBER ? escale_store_find_file_number (reader->store, key)
                                  : escale_store_find_programme (reader->store, key);
  if (id == 0)
    escale_import_add_problem (reader, row->line, escale_import_column_label (reader, column),
                               column == ECOL_FILE_NUMBER
                               ? _("No person has the file number “%s”")
                               : _("No programme has the code “%s”"), key);
  return id;
}

static gpointer
build_enrolment (EscaleImportReader    *reader,
                 const EscaleImportRow *row,
                 gboolean              *is_new)
{
  gint64 person = find_reference (reader, row, ECOL_FILE_NUMBER);
  gint64 programme = find_reference (reader, row, ECOL_PROGRAMME);
  g_autoptr(EscaleEnrolment) enrolment = escale_enrolment_new (person, programme, NULL);
  gboolean ok = person != 0 && programme != 0;
  const char *reason = lower ((char *) escale_import_row_get (reader, row, ECOL_EXIT_REASON));

  ok = read_date (reader, row, ECOL_ENTRY_DATE, &enrolment->entry_date) && ok;
  ok = read_date (reader, row, ECOL_EXIT_DATE, &enrolment->exit_date) && ok;
  escale_set_str (&enrolment->exit_reason, reason);
  if (!ok || enrolment->entry_date == NULL)
    return NULL;
  /* The same entry again updates the enrolment, its exit for example. */
  enrolment->id = find_enrolment (reader->store, enrolment);
  *is_new = enrolment->id == 0;
  return g_steal_pointer (&enrolment);
}

static guint
programme_error_column (gconstpointer  error,
                        const char   **message)
{
  const EscaleProgrammeError *problem = error;

  *message = problem->message;
  return field_columns[problem->field];
}

static const EscaleImportKind programme_kind = {
  programme_columns, N_PROGRAMME_COLUMNS, PCOL_CODE, build_programme,
  (GPtrArray *(*) (EscaleStore *, gpointer)) escale_store_validate_programme,
  programme_error_column,
  (gboolean (*) (EscaleStore *, gpointer, GError **)) escale_store_save_programme,
  (GDestroyNotify) escale_programme_free, "programme",
};

static const EscaleImportKind enrolment_kind = {
  enrolment_columns, N_ENROLMENT_COLUMNS, -1, build_enrolment,
  (GPtrArray *(*) (EscaleStore *, gpointer)) escale_store_validate_enrolment,
  programme_error_column,
  (gboolean (*) (EscaleStore *, gpointer, GError **)) escale_store_save_enrolment,
  (GDestroyNotify) escale_enrolment_free, "enrolment",
};

/**
 * escale_import_programmes:
 *
 * Like escale_import_actions(), for programmes: a code already in the
 * database updates that programme.
 */
EscaleImportReport *
escale_import_programmes (EscaleStore  *store,
                          const char   *path,
                          gboolean      dry_run,
                          GError      **error)
{
  return escale_import_records (store, &programme_kind, path, dry_run, error);
}

/**
 * escale_import_enrolments:
 *
 * Like escale_import_actions(), for enrolments: the same person, programme
 * and entry date update that enrolment.
 */
EscaleImportReport *
escale_import_enrolments (EscaleStore  *store,
                          const char   *path,
                          gboolean      dry_run,
                          GError      **error)
{
  return escale_import_records (store, &enrolment_kind, path, dry_run, error);
}
