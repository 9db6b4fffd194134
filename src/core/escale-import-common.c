/* escale-import-common.c — what the imports share
 *
 * Reading the header and the rows from a CSV file or the first sheet of an
 * XLSX workbook (escale-csv.c, escale-xlsx-reader.c: the file's content
 * decides, or its name), reporting problems at their line and column, and
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
#include "escale-xlsx-reader.h"

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
  g_free (report->sheet_name);
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

/**
 * escale_import_problem_to_string:
 *
 * Returns: (transfer full): the problem as a sentence for the people who
 *   import, such as “Line 12, column birth_date: “31/02/1990” is not a date”
 */
char *
escale_import_problem_to_string (const EscaleImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->column == NULL)
    /* Translators: a problem of an import: %u is a line of the file, %s what is wrong */
    return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
  /* Translators: a problem of an import, such as “Line 12, column birth_date: “31/02/1990”
   * is not a date”: %u is a line of the file, the first %s a column as the file's header
   * names it, the second what is wrong */
  return g_strdup_printf (_("Line %u, column %s: %s"), problem->line, problem->column,
                          problem->message);
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

/* A workbook by its content or name, otherwise CSV text. */
static gboolean
open_source (EscaleImportReader  *reader,
             const char          *path,
             GError             **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!(file = g_mapped_file_new (path, FALSE, error)))
    return FALSE;
  bytes = g_mapped_file_get_bytes (file);
  if (escale_xlsx_reader_recognize (bytes, path))
    {
      if (!(reader->xlsx = escale_xlsx_reader_new_from_bytes (bytes, error)))
        return FALSE;
      reader->report->sheet_name = g_strdup (escale_xlsx_reader_get_sheet_name (reader->xlsx));
      reader->report->n_sheets = escale_xlsx_reader_get_n_sheets (reader->xlsx);
      return TRUE;
    }
  if (!(reader->csv = escale_csv_new_from_bytes (bytes, error)))
    return FALSE;
  reader->report->from_windows_1252 = escale_csv_get_was_windows_1252 (reader->csv);
  return TRUE;
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
  return open_source (reader, path, error);
}

void
escale_import_reader_clear (EscaleImportReader *reader)
{
  if (reader->store != NULL)
    escale_audit_set_paused (reader->store, FALSE);
  g_clear_pointer (&reader->csv, escale_csv_free);
  g_clear_pointer (&reader->xlsx, escale_xlsx_reader_free);
  g_clear_pointer (&reader->report, escale_import_report_free);
  g_clear_pointer (&reader->index, g_free);
  g_clear_pointer (&reader->header, g_strfreev);
}

/* Back before the header, for another pass over the rows. */
void
escale_import_reader_rewind (EscaleImportReader *reader)
{
  if (reader->xlsx != NULL)
    escale_xlsx_reader_rewind (reader->xlsx);
  else
    escale_csv_rewind (reader->csv);
}

void
escale_import_row_clear (EscaleImportRow *row)
{
  g_clear_pointer (&row->fields, g_strfreev);
  row->n_fields = 0;
}

/* A spreadsheet's name of a column: A, B… Z, AA… */
static char *
column_letters (guint field)
{
  char letters[8];
  guint i = G_N_ELEMENTS (letters) - 1;

  letters[i] = '\0';
  for (guint n = field + 1; n > 0 && i > 0; n = (n - 1) / 26)
    letters[--i] = (char) ('A' + (n - 1) % 26);
  return g_strdup (letters + i);
}

/* The name of a field of the file, as its header spells it; for a column
 * without a name, its letter in a workbook, its number in a CSV file. */
static char *
field_label (EscaleImportReader *reader,
             guint               field)
{
  if (field < reader->n_header && *reader->header[field] != '\0')
    return g_strdup (reader->header[field]);
  if (reader->xlsx != NULL)
    return column_letters (field);
  return g_strdup_printf ("%u", field + 1);
}

/* Whether the header names @field but the import does not use it: what is
 * wrong in the columns ignored does not matter. */
static gboolean
field_is_ignored (EscaleImportReader *reader,
                  guint               field)
{
  if (field >= reader->n_header || *reader->header[field] == '\0')
    return FALSE;
  for (guint c = 0; c < reader->n_columns; c++)
    if (reader->index[c] == (int) field)
      return FALSE;
  return TRUE;
}

static void
add_source_problem (EscaleImportReader *reader,
                    guint               line,
                    guint               field,
                    const char         *message)
{
  g_autofree char *label = NULL;

  if (field_is_ignored (reader, field))
    return;
  label = field_label (reader, field);
  escale_import_add_problem (reader, line, label, "%s", message);
}

const char *
escale_import_column_label (EscaleImportReader *reader,
                            guint               column)
{
  int field = reader->index[column];

  return field >= 0 ? reader->header[field] : reader->columns[column].name;
}

/* What the reader found wrong in the fields of the record it just read. */
static void
report_source_problems (EscaleImportReader *reader)
{
  GArray *problems;

  if (reader->xlsx != NULL)
    {
      problems = escale_xlsx_reader_get_problems (reader->xlsx);
      for (guint i = 0; i < problems->len; i++)
        {
          EscaleXlsxProblem *problem = &g_array_index (problems, EscaleXlsxProblem, i);
          add_source_problem (reader, problem->line, problem->field, problem->message);
        }
      return;
    }
  problems = escale_csv_get_problems (reader->csv);
  for (guint i = 0; i < problems->len; i++)
    {
      EscaleCsvProblem *problem = &g_array_index (problems, EscaleCsvProblem, i);
      add_source_problem (reader, problem->line, problem->field, problem->message);
    }
}

static gboolean
next_record (EscaleImportReader  *reader,
             EscaleImportRow     *row,
             GError             **error)
{
  if (reader->xlsx != NULL)
    return escale_xlsx_reader_next_row (reader->xlsx, &row->fields, &row->line);
  return escale_csv_next_record (reader->csv, &row->fields, &row->line, error);
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
  while (next_record (reader, row, &error))
    {
      gboolean blank = TRUE;

      report_source_problems (reader);
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
      escale_import_add_problem (reader, line, reader->columns[c].name, "%s",
                                 _("The header has no column of this name, and it is "
                                   "required"));
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

        escale_import_add_problem (reader, row->line, label,
                                   /* Translators: %s is a value of the file */
                                   _("“%s” is in a column that has no name in the header"),
                                   row->fields[i]);
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
                                 _("This cell is empty, but a value is required"));
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

/**
 * escale_import_add_date_problem:
 * @text: the date as the file has it
 * @error: (nullable): from escale_date_parse(), or %NULL when @text is a
 *   date but not a full one
 * @hint: what to write instead
 *
 * Reports that @text is not a date the column takes.
 */
void
escale_import_add_date_problem (EscaleImportReader    *reader,
                                const EscaleImportRow *row,
                                guint                  column,
                                const char            *text,
                                const GError          *error,
                                const char            *hint)
{
  const char *label = escale_import_column_label (reader, column);

  if (g_error_matches (error, ESCALE_DATE_ERROR, ESCALE_DATE_ERROR_INVALID))
    /* Translators: %s is a date as the file has it, which does not exist, such as 31/02/1990 */
    escale_import_add_problem (reader, row->line, label, _("“%s” is not a date"), text);
  else if (error != NULL)
    /* Translators: the first %s is a value of the file, the second how to write a date */
    escale_import_add_problem (reader, row->line, label, _("“%s” is not a date: %s"), text,
                               hint);
  else
    /* Translators: the first %s is a date of the file, the second how to write a full date */
    escale_import_add_problem (reader, row->line, label, _("“%s” is not a full date: %s"),
                               text, hint);
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
  escale_import_add_date_problem (reader, row, column, text, error,
                                  /* Translators: the formats must stay as they are */
                                  _("write it as DD/MM/YYYY or YYYY-MM-DD"));
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

/* A database error while saving a row: the row is said, not the SQL. */
void
escale_import_prefix_line (GError **error,
                           guint    line)
{
  /* Translators: %u is a line of the file */
  g_prefix_error (error, _("Line %u: "), line);
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
          escale_import_prefix_line (error, item->line);
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
