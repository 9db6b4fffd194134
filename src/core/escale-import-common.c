/* escale-import-common.c — what the CSV imports share
 *
 * Reading the header and the rows, reporting problems as LINE:COLUMN, and
 * the fast insertion of actions that the imports and the demo data use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-audit.h"
#include "escale-date.h"
#include "escale-import-private.h"
#include "escale-store-private.h"

static void
problem_free (EscaleImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

void
escale_import_report_free (EscaleImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->unknown_columns);
  g_free (report);
}

EscaleImportReport *
escale_import_report_new (void)
{
  EscaleImportReport *report = g_new0 (EscaleImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->unknown_columns = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
escale_import_add_problem (EscaleImportReader *reader,
                           guint               line,
                           const char         *column,
                           const char         *format,
                           ...)
{
  EscaleImportProblem *problem = g_new0 (EscaleImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->column = g_strdup (column);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->report->problems, problem);
}

guint
escale_import_count_problems (EscaleImportReader *reader)
{
  return reader->report->problems->len;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  guint line_a = (*(EscaleImportProblem * const *) a)->line;
  guint line_b = (*(EscaleImportProblem * const *) b)->line;

  return line_a < line_b ? -1 : line_a > line_b;
}

/* A stable sort: the problems of a line stay in their order. */
void
escale_import_sort_problems (EscaleImportReader *reader)
{
  g_ptr_array_sort (reader->report->problems, compare_problems);
}

gboolean
escale_import_reader_open (EscaleImportReader        *reader,
                           EscaleStore               *store,
                           const char                *entity,
                           const char                *path,
                           const EscaleImportColumn  *columns,
                           guint                      n_columns,
                           GError                   **error)
{
  /* Every import starts here: the one place to check the right. */
  if (!escale_store_require (store, ESCALE_OP_IMPORT, error))
    return FALSE;
  /* One summary entry instead of one a row: see escale_import_finish(). */
  escale_audit_set_paused (store, TRUE);
  reader->store = store;
  reader->entity = entity;
  reader->report = escale_import_report_new ();
  reader->columns = columns;
  reader->n_columns = n_columns;
  reader->index = g_new (int, n_columns);
  for (guint c = 0; c < n_columns; c++)
    reader->index[c] = -1;
  if (!(reader->csv = escale_csv_new_from_file (path, error)))
    return FALSE;
  reader->report->from_windows_1252 = escale_csv_get_was_windows_1252 (reader->csv);
  return TRUE;
}

void
escale_import_reader_clear (EscaleImportReader *reader)
{
  if (reader->store != NULL)
    escale_audit_set_paused (reader->store, FALSE);
  g_clear_pointer (&reader->csv, escale_csv_free);
  g_clear_pointer (&reader->report, escale_import_report_free);
  g_clear_pointer (&reader->index, g_free);
  g_clear_pointer (&reader->header, g_strfreev);
}

void
escale_import_row_clear (EscaleImportRow *row)
{
  g_clear_pointer (&row->fields, g_strfreev);
  row->n_fields = 0;
}

/* The name of a field of the file, as its header spells it. */
static char *
field_label (EscaleImportReader *reader,
             guint               field)
{
  if (field < reader->n_header && *reader->header[field] != '\0')
    return g_strdup (reader->header[field]);
  /* Translators: a column of the file that has no name; %u is its number */
  return g_strdup_printf (_("column %u"), field + 1);
}

const char *
escale_import_column_label (EscaleImportReader *reader,
                            guint               column)
{
  int field = reader->index[column];

  return field >= 0 ? reader->header[field] : reader->columns[column].name;
}

static void
report_csv_problems (EscaleImportReader *reader)
{
  GArray *problems = escale_csv_get_problems (reader->csv);

  for (guint i = 0; i < problems->len; i++)
    {
      EscaleCsvProblem *problem = &g_array_index (problems, EscaleCsvProblem, i);
      g_autofree char *label = field_label (reader, problem->field);

      escale_import_add_problem (reader, problem->line, label, "%s", problem->message);
    }
}

/* Fields are stripped; rows whose fields are all empty are skipped. A
 * broken file is reported as a problem where it breaks. */
gboolean
escale_import_next_row (EscaleImportReader *reader,
                        EscaleImportRow    *row)
{
  g_autoptr(GError) error = NULL;
  guint line, field;

  escale_import_row_clear (row);
  while (escale_csv_next_record (reader->csv, &row->fields, &row->line, &error))
    {
      gboolean blank = TRUE;

      report_csv_problems (reader);
      for (row->n_fields = 0; row->fields[row->n_fields] != NULL; row->n_fields++)
        blank = *g_strstrip (row->fields[row->n_fields]) == '\0' && blank;
      if (!blank)
        return TRUE;
      escale_import_row_clear (row);
    }
  if (error != NULL)
    {
      g_autofree char *label = NULL;

      escale_csv_get_error_position (reader->csv, &line, &field);
      label = field_label (reader, field);
      escale_import_add_problem (reader, line, label, "%s", error->message);
    }
  return FALSE;
}

const char *
escale_import_row_get (EscaleImportReader    *reader,
                       const EscaleImportRow *row,
                       guint                  column)
{
  int field = reader->index[column];

  if (field < 0 || (guint) field >= row->n_fields || *row->fields[field] == '\0')
    return NULL;
  return row->fields[field];
}

/* "File number" and "file-number" are file_number too. */
static int
find_column (EscaleImportReader *reader,
             const char         *header)
{
  g_autofree char *name = g_ascii_strdown (header, -1);

  g_strdelimit (name, " -", '_');
  for (guint c = 0; c < reader->n_columns; c++)
    if (g_str_equal (reader->columns[c].name, name))
      return (int) c;
  return -1;
}

static void
report_missing_columns (EscaleImportReader *reader,
                        guint               line)
{
  for (guint c = 0; c < reader->n_columns; c++)
    if (reader->columns[c].required && reader->index[c] < 0)
      escale_import_add_problem (reader, line, reader->columns[c].name,
                                 /* Translators: %s is the name of a column, keep it as it is */
                                 _("The file has no %s column, which is required"),
                                 reader->columns[c].name);
}

gboolean
escale_import_read_header (EscaleImportReader *reader)
{
  g_auto(EscaleImportRow) row = { 0 };

  if (!escale_import_next_row (reader, &row))
    {
      if (escale_import_count_problems (reader) == 0)
        report_missing_columns (reader, 1);
      return FALSE;
    }
  for (guint i = 0; i < row.n_fields; i++)
    {
      int column = find_column (reader, row.fields[i]);

      if (*row.fields[i] == '\0')
        continue;
      if (column < 0)
        g_ptr_array_add (reader->report->unknown_columns, g_strdup (row.fields[i]));
      else if (reader->index[column] >= 0)
        escale_import_add_problem (reader, row.line, row.fields[i], "%s",
                                   _("This column appears twice"));
      else
        reader->index[column] = (int) i;
    }
  reader->n_header = row.n_fields;
  reader->header = g_steal_pointer (&row.fields);
  report_missing_columns (reader, row.line);
  return escale_import_count_problems (reader) == 0;
}

void
escale_import_check_extra_fields (EscaleImportReader    *reader,
                                  const EscaleImportRow *row)
{
  for (guint i = reader->n_header; i < row->n_fields; i++)
    if (*row->fields[i] != '\0')
      {
        g_autofree char *label = field_label (reader, i);

        escale_import_add_problem (reader, row->line, label, "%s",
                                   _("This row has more fields than the header has columns"));
      }
}

/* Extra fields, and required values that are missing. */
void
escale_import_check_row (EscaleImportReader    *reader,
                         const EscaleImportRow *row)
{
  escale_import_check_extra_fields (reader, row);
  for (guint c = 0; c < reader->n_columns; c++)
    if (reader->columns[c].required && escale_import_row_get (reader, row, c) == NULL)
      escale_import_add_problem (reader, row->line, escale_import_column_label (reader, c), "%s",
                                 _("This value is required"));
}

GStrv
escale_import_split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text ? text : "", "|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* A full date, or NULL (and a problem when the column has a value). */
char *
escale_import_parse_date (EscaleImportReader    *reader,
                          const EscaleImportRow *row,
                          guint                  column)
{
  const char *text = escale_import_row_get (reader, row, column);
  g_autoptr(GError) error = NULL;
  EscaleDatePrecision precision;
  g_autofree char *iso = NULL;

  if (text == NULL)
    return NULL;
  iso = escale_date_parse (text, &precision, &error);
  if (iso != NULL && precision == ESCALE_DATE_EXACT)
    return g_steal_pointer (&iso);
  if (g_error_matches (error, ESCALE_DATE_ERROR, ESCALE_DATE_ERROR_INVALID))
    escale_import_add_problem (reader, row->line, escale_import_column_label (reader, column),
                               "%s", error->message);
  else
    escale_import_add_problem (reader, row->line, escale_import_column_label (reader, column),
                               "%s",
                               /* Translators: the formats must stay as they are */
                               _("Not a full date: write it as DD/MM/YYYY or YYYY-MM-DD"));
  return NULL;
}

/* Digits only, without sign; at most 15 of them. */
gboolean
escale_import_parse_count (const char *text,
                           gint64     *value)
{
  gint64 n = 0;
  guint digits = 0;

  for (; *text != '\0'; text++, digits++)
    {
      if (!g_ascii_isdigit (*text) || digits >= 15)
        return FALSE;
      n = n * 10 + (*text - '0');
    }
  *value = n;
  return digits > 0;
}

/* “12”, “12.5”, “12,50”: euros with at most two decimals, read without the
 * locale. */
gboolean
escale_import_parse_amount (const char *text,
                            gint64     *cents)
{
  const char *mark = strpbrk (text, ".,");
  g_autofree char *units = g_strndup (text, mark ? (gsize) (mark - text) : strlen (text));
  gint64 euros, fraction = 0;
  gsize decimals = mark ? strlen (mark + 1) : 0;

  if (!escale_import_parse_count (units, &euros) ||
      (mark != NULL && (decimals == 0 || decimals > 2 ||
                        !escale_import_parse_count (mark + 1, &fraction))))
    return FALSE;
  *cents = euros * 100 + (decimals == 1 ? fraction * 10 : fraction);
  return TRUE;
}

static gboolean
record_import (EscaleImportReader  *reader,
               GError             **error)
{
  g_autofree char *summary = g_strdup_printf ("%u created, %u updated", reader->report->created,
                                              reader->report->updated);

  return escale_audit_record (reader->store, "import", reader->entity, 0, summary, error);
}

/* Ends the transaction: commits when @ok, nothing is wrong and this is not
 * a dry run; otherwise rolls back. */
gboolean
escale_import_finish (EscaleImportReader  *reader,
                      gboolean             ok,
                      gboolean             dry_run,
                      GError             **error)
{
  if (!ok)
    {
      escale_store_rollback (reader->store);
      return FALSE;
    }
  if (escale_import_count_problems (reader) > 0 || dry_run)
    {
      escale_store_rollback (reader->store);
      return TRUE;
    }
  if (!record_import (reader, error) ||
      !escale_store_commit (reader->store, error))
    {
      escale_store_rollback (reader->store);
      return FALSE;
    }
  return TRUE;
}

/* Records: few rows, built, validated and saved through their store */

typedef struct
{
  gpointer record;
  guint    line;
} Pending;

static void
check_key (EscaleImportReader     *reader,
           const EscaleImportKind *kind,
           const EscaleImportRow  *row,
           GHashTable             *keys)
{
  const char *key = kind->key_column >= 0 ? escale_import_row_get (reader, row,
                                                                   (guint) kind->key_column)
                                          : NULL;
  gpointer first_line;

  if (key == NULL)
    return;
  if (g_hash_table_lookup_extended (keys, key, NULL, &first_line))
    escale_import_add_problem (reader, row->line,
                               escale_import_column_label (reader, (guint) kind->key_column),
                               /* Translators: %s is a code, %u a line of the file */
                               _("“%s” is already on line %u"), key,
                               GPOINTER_TO_UINT (first_line));
  else
    g_hash_table_insert (keys, g_strdup (key), GUINT_TO_POINTER (row->line));
}

static void
read_record (EscaleImportReader     *reader,
             const EscaleImportKind *kind,
             const EscaleImportRow  *row,
             GHashTable             *keys,
             GArray                 *pending)
{
  guint before = escale_import_count_problems (reader);
  g_autoptr(GPtrArray) errors = NULL;
  gboolean is_new = TRUE;
  Pending item = { NULL, row->line };

  escale_import_check_row (reader, row);
  check_key (reader, kind, row, keys);
  if (escale_import_count_problems (reader) > before ||
      !(item.record = kind->build (reader, row, &is_new)))
    return;
  errors = kind->validate (reader->store, item.record);
  for (guint i = 0; i < errors->len; i++)
    {
      const char *message = NULL;
      guint column = kind->error_column (g_ptr_array_index (errors, i), &message);

      escale_import_add_problem (reader, row->line, escale_import_column_label (reader, column),
                                 "%s", message);
    }
  if (escale_import_count_problems (reader) > before)
    {
      kind->free (item.record);
      return;
    }
  if (is_new)
    reader->report->created++;
  else
    reader->report->updated++;
  g_array_append_val (pending, item);
}

static gboolean
run_records (EscaleImportReader      *reader,
             const EscaleImportKind  *kind,
             gboolean                 dry_run,
             GError                 **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_auto(EscaleImportRow) row = { 0 };
  gboolean ok = TRUE;

  if (!escale_import_read_header (reader))
    return TRUE;
  while (escale_import_next_row (reader, &row))
    read_record (reader, kind, &row, keys, pending);
  escale_import_sort_problems (reader);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *item = &g_array_index (pending, Pending, i);

      if (ok && escale_import_count_problems (reader) == 0 && !dry_run &&
          !kind->save (reader->store, item->record, error))
        {
          /* Translators: %u is a line of the file */
          g_prefix_error (error, _("Line %u: "), item->line);
          ok = FALSE;
        }
      kind->free (item->record);
    }
  return ok;
}

/**
 * escale_import_records:
 *
 * Reads the whole file, building and validating a record of @kind from
 * each row; then, when every row is valid and @dry_run is %FALSE, saves
 * them all in one transaction. See escale_import_actions() for the report.
 */
EscaleImportReport *
escale_import_records (EscaleStore             *store,
                       const EscaleImportKind  *kind,
                       const char              *path,
                       gboolean                 dry_run,
                       GError                 **error)
{
  g_auto(EscaleImportReader) reader = { 0 };

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!escale_import_reader_open (&reader, store, kind->entity, path, kind->columns,
                                  kind->n_columns, error) ||
      !escale_store_begin_batch (store, error))
    return NULL;
  if (!escale_import_finish (&reader, run_records (&reader, kind, dry_run, error), dry_run,
                             error))
    return NULL;
  return g_steal_pointer (&reader.report);
}

/* Fast insertion */

void
escale_action_record_init (EscaleActionRecord *record)
{
  memset (record, 0, sizeof *record);
  for (guint i = 0; i < G_N_ELEMENTS (record->number); i++)
    record->number[i] = ESCALE_ACTION_UNSET;
}

static const char *
insert_sql (void)
{
  static char *sql;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GString) columns = g_string_new (NULL), marks = g_string_new (NULL);

      for (guint i = 0; i < ESCALE_ACTION_N_FIELDS; i++)
        {
          g_string_append_printf (columns, "%s, ", escale_action_field_get_name (i));
          g_string_append (marks, "?, ");
        }
      /* The numbered marks come after the plain ones. */
      sql = g_strdup_printf ("INSERT INTO action (%screated_at, updated_at, created_by, "
                             "updated_by, uuid) VALUES (%s?%u, ?%u, ?%u, ?%u, ?%u)", columns->str,
                             marks->str, ESCALE_ACTION_N_FIELDS + 1, ESCALE_ACTION_N_FIELDS + 1,
                             ESCALE_ACTION_N_FIELDS + 2, ESCALE_ACTION_N_FIELDS + 2,
                             ESCALE_ACTION_N_FIELDS + 3);
      g_once_init_leave (&once, 1);
    }
  return sql;
}

/* A UUID version 7: the time first, then a counter, then random bits.
 * Successive ones sort in order, so that many rows append to the uuid
 * index instead of landing all over it. */
static void
ordered_uuid (char text[37])
{
  static gint counter;
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  guint sequence = (guint) g_atomic_int_add (&counter, 1) & 0xfff;
  guint32 a = g_random_int (), b = g_random_int ();

  g_snprintf (text, 37, "%08x-%04x-7%03x-%04x-%04x%08x", (guint32) (ms >> 16),
              (guint) (ms & 0xffff), sequence, 0x8000 | (a & 0x3fff), (a >> 16) & 0xffff, b);
}

static gboolean
insert_themes (EscaleStore         *store,
               gint64               id,
               const char * const  *themes,
               GError             **error)
{
  sqlite3_stmt *stmt;

  if (themes == NULL || themes[0] == NULL)
    return TRUE;
  if (!(stmt = escale_store_cached (store, "INSERT OR IGNORE INTO action_theme "
                                    "(action_id, theme) VALUES (?, ?)", error)))
    return FALSE;
  for (guint i = 0; themes[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, themes[i], -1, SQLITE_STATIC);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * escale_store_insert_action_record:
 * @now: the time stamp of the rows, from escale_store_now()
 *
 * Inserts an action already validated, and its themes, without a
 * transaction of its own: call it inside escale_store_begin_batch().
 *
 * Returns: the new action's id, or 0 with @error set
 */
gint64
escale_store_insert_action_record (EscaleStore               *store,
                                   const EscaleActionRecord  *record,
                                   const char                *now,
                                   GError                   **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, insert_sql (), error);
  char uuid[37];
  gint64 id;
  int n = 1;

  if (stmt == NULL)
    return 0;
  /* The texts outlive the statement's step: no copies. */
  for (guint i = 0; i < ESCALE_ACTION_N_TEXT_FIELDS; i++, n++)
    if (record->text[i] != NULL && *record->text[i] != '\0')
      sqlite3_bind_text (stmt, n, record->text[i], -1, SQLITE_STATIC);
  for (guint i = 0; i < G_N_ELEMENTS (record->number); i++, n++)
    if (record->number[i] == ESCALE_ACTION_UNSET)
      sqlite3_bind_null (stmt, n);
    else
      sqlite3_bind_int64 (stmt, n, record->number[i]);
  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, n++, escale_store_get_user (store));
  ordered_uuid (uuid);
  sqlite3_bind_text (stmt, n, uuid, -1, SQLITE_STATIC);
  if (!escale_store_step_done (store, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (escale_store_get_db (store));
  return insert_themes (store, id, record->themes, error) ? id : 0;
}

gboolean
escale_store_insert_participant (EscaleStore       *store,
                                 gint64             action_id,
                                 gint64             person_id,
                                 EscaleAttendance   attended,
                                 GError           **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "INSERT INTO action_participant "
                                            "(action_id, person_id, attended, created_by, "
                                            "updated_by) VALUES (?1, ?2, ?3, ?4, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (attended == ESCALE_ATTENDANCE_UNKNOWN)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int (stmt, 3, attended);
  escale_bind_text (stmt, 4, escale_store_get_user (store));
  return escale_store_step_done (store, stmt, error);
}
