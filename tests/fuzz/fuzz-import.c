/* fuzz-import.c — fuzzing the CSV imports and how a header maps to fields
 *
 * The first byte chooses the import (people, actions, programmes,
 * enrolments, partners), the rest is the file (a CSV file, or an XLSX
 * workbook when it starts like a zip), imported as a dry run into a small
 * real database. Oracles: a report or a reasoned error; problems have
 * a line, a column and a message in UTF-8; every unknown column is a field
 * of the header; the database is unchanged and no transaction is left
 * open; and, for CSV files, the header's case and its spaces, dashes or
 * underscores do not change the mapping: the same file with its header in
 * capitals and "-" for "_" gives the same report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "escale-action-import.h"
#include "escale-csv.h"
#include "escale-partner-import.h"
#include "escale-store-private.h"
#include "escale-xlsx-reader.h"
#include "fuzz-util.h"

typedef EscaleImportReport *(*ImportFunc) (EscaleStore *, const char *, gboolean, GError **);

static const ImportFunc imports[] = {
  escale_import_people, escale_import_actions, escale_import_programmes,
  escale_import_enrolments, escale_import_partners,
};

static gint64
count_rows (EscaleStore *store)
{
  sqlite3_stmt *stmt = escale_store_cached (store,
                                            "SELECT (SELECT count(*) FROM person) + "
                                            "(SELECT count(*) FROM household) + "
                                            "(SELECT count(*) FROM action) + "
                                            "(SELECT count(*) FROM programme) + "
                                            "(SELECT count(*) FROM enrolment) + "
                                            "(SELECT count(*) FROM partner)", NULL);
  gint64 count;

  FUZZ_CHECK (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static void
check_report (EscaleImportReport *report)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      EscaleImportProblem *problem = g_ptr_array_index (report->problems, i);

      FUZZ_CHECK (problem->line >= 1);
      FUZZ_CHECK (problem->column != NULL && g_utf8_validate (problem->column, -1, NULL));
      FUZZ_CHECK (problem->message != NULL && *problem->message != '\0' &&
                  g_utf8_validate (problem->message, -1, NULL));
    }
  for (guint i = 0; i < report->unknown_columns->len; i++)
    FUZZ_CHECK (g_utf8_validate (g_ptr_array_index (report->unknown_columns, i), -1, NULL));
}

static EscaleImportReport *
import (ImportFunc    func,
        const guchar *file,
        gsize         size,
        GError      **error)
{
  EscaleStore *store = fuzz_store ();
  g_autofree char *path = fuzz_tmp_path ("import.csv");
  gint64 before = count_rows (store);
  EscaleImportReport *report;

  FUZZ_CHECK (g_file_set_contents (path, (const char *) file, (gssize) size, NULL));
  report = func (store, path, TRUE, error);
  FUZZ_CHECK ((report == NULL) == (error == NULL || *error != NULL));
  FUZZ_CHECK (sqlite3_get_autocommit (escale_store_get_db (store)));
  FUZZ_CHECK (count_rows (store) == before);
  if (report != NULL)
    check_report (report);
  g_unlink (path);
  return report;
}

/* The unknown columns are fields of the header. */
static void
check_unknown_columns (EscaleImportReport *report,
                       const guchar       *file,
                       gsize               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (file, size);
  g_autoptr(EscaleCsv) csv = escale_csv_new_from_bytes (bytes, NULL);
  g_auto(GStrv) header = NULL;

  if (report->unknown_columns->len == 0)
    return;
  FUZZ_CHECK (csv != NULL);
  while (escale_csv_next_record (csv, &header, NULL, NULL))
    {
      gboolean blank = TRUE;

      for (guint i = 0; header[i] != NULL; i++)
        blank = *g_strstrip (header[i]) == '\0' && blank;
      if (!blank)
        break;
      g_clear_pointer (&header, g_strfreev);
    }
  FUZZ_CHECK (header != NULL);
  for (guint i = 0; i < report->unknown_columns->len; i++)
    FUZZ_CHECK (g_strv_contains ((const char * const *) header,
                                 g_ptr_array_index (report->unknown_columns, i)));
}

/* The first line in capitals, "_" written "-", when it is plainly the
 * header: UTF-8 or Windows-1252, no quote, and not blank. NULL otherwise. */
static guchar *
shout_header (const guchar *file,
              gsize         size)
{
  gsize start = size >= 3 && memcmp (file, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  gboolean blank = TRUE;
  guchar *copy;
  gsize end;

  if (size >= 2 && (file[0] == 0xFF || file[0] == 0xFE))
    return NULL;
  for (end = start; end < size && file[end] != '\n' && file[end] != '\r'; end++)
    {
      if (file[end] == '"' || file[end] == '\0')
        return NULL;
      blank = blank && (g_ascii_isspace (file[end]) || file[end] == ',' || file[end] == ';');
    }
  if (blank)
    return NULL;
  copy = g_memdup2 (file, size);
  for (gsize i = start; i < end; i++)
    copy[i] = copy[i] == '_' ? '-' : g_ascii_toupper (copy[i]);
  return copy;
}

static void
check_same_report (EscaleImportReport *a,
                   GError             *a_error,
                   EscaleImportReport *b,
                   GError             *b_error)
{
  FUZZ_CHECK ((a == NULL) == (b == NULL));
  if (a == NULL)
    {
      FUZZ_CHECK (a_error->domain == b_error->domain && a_error->code == b_error->code);
      return;
    }
  FUZZ_CHECK (a->created == b->created && a->updated == b->updated);
  FUZZ_CHECK (a->unknown_columns->len == b->unknown_columns->len);
  FUZZ_CHECK (a->problems->len == b->problems->len);
  for (guint i = 0; i < a->problems->len; i++)
    FUZZ_CHECK (((EscaleImportProblem *) g_ptr_array_index (a->problems, i))->line ==
                ((EscaleImportProblem *) g_ptr_array_index (b->problems, i))->line);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(EscaleImportReport) shouted_report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) shouted_error = NULL;
  g_autofree guchar *shouted = NULL;
  g_autoptr(GBytes) file = NULL;
  ImportFunc func;

  if (size == 0)
    return 0;
  func = imports[data[0] % G_N_ELEMENTS (imports)];
  file = g_bytes_new_static (data + 1, size - 1);
  report = import (func, data + 1, size - 1, &error);
  if (escale_xlsx_reader_recognize (file, NULL))
    return 0;
  if (report != NULL)
    check_unknown_columns (report, data + 1, size - 1);
  if ((shouted = shout_header (data + 1, size - 1)) != NULL)
    {
      shouted_report = import (func, shouted, size - 1, &shouted_error);
      check_same_report (report, error, shouted_report, shouted_error);
    }
  return 0;
}
