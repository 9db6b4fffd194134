/* test-import-xlsx.c — importing from XLSX workbooks as Excel and LibreOffice save them
 *
 * Each workbook of tests/fixtures/ (see the README there) must store the
 * same records as its CSV twin, which is the reference: the whole database
 * is dumped, apart from keys and time stamps, and compared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-action-import.h"
#include "escale-import.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-xlsx-reader.h"

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "tests", "fixtures", name, NULL);
}

/* Every table but the audit log and the search indexes, row by row, without
 * the columns that differ from one run to the next. */
static char *
dump (EscaleStore *store)
{
  g_autoptr(sqlite3_stmt) tables =
    escale_store_prepare (store, "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                          "name NOT LIKE 'sqlite%' AND name NOT LIKE '%fts%' AND "
                          "name NOT IN ('audit_log', 'setting') ORDER BY name", NULL);
  GString *text = g_string_new (NULL);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
      g_autoptr(sqlite3_stmt) rows = escale_store_prepare (store, sql, NULL);

      if (rows == NULL)
        continue;
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          g_string_append_printf (text, "%s:", table);
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const char *name = sqlite3_column_name (rows, c);
              const char *value = (const char *) sqlite3_column_text (rows, c);

              if (g_str_equal (name, "uuid") || g_str_has_suffix (name, "_at") ||
                  g_str_has_suffix (name, "_by"))
                continue;
              g_string_append_printf (text, " %s=%s", name, value ? value : "NULL");
            }
          g_string_append_c (text, '\n');
        }
    }
  return g_string_free (text, FALSE);
}

typedef EscaleImportReport *(*ImportFunc) (EscaleStore  *store,
                                           const char   *path,
                                           gboolean      dry_run,
                                           GError      **error);

static EscaleImportReport *
import (EscaleStore *store,
        ImportFunc   func,
        const char  *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  EscaleImportReport *report = func (store, path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *text = escale_import_problem_to_string (g_ptr_array_index (report->problems,
                                                                                   i));
      g_test_message ("%s: %s", name, text);
    }
  return report;
}

/* A new database with the people of the CSV twin and, with @actions, the
 * actions of @actions. */
static char *
import_and_dump (const char *people,
                 const char *actions)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report = import (store, escale_import_people, people);
  g_autoptr(EscaleImportReport) acted = NULL;

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 5);
  if (actions != NULL)
    {
      acted = import (store, escale_import_actions, actions);
      g_assert_cmpuint (acted->problems->len, ==, 0);
      g_assert_cmpuint (acted->created, ==, 3);
    }
  return dump (store);
}

static void
test_same_as_csv (gconstpointer data)
{
  const char *workbook = data;
  g_autofree char *expected = import_and_dump ("import-xlsx-people.csv", NULL);
  g_autofree char *found = import_and_dump (workbook, NULL);

  g_assert_nonnull (strstr (expected, "family_name=Haddad"));
  g_assert_cmpstr (found, ==, expected);
}

static void
test_actions_same_as_csv (void)
{
  g_autofree char *expected = import_and_dump ("import-xlsx-people.csv",
                                               "import-xlsx-actions.csv");
  g_autofree char *found = import_and_dump ("import-xlsx-people-libreoffice.xlsx",
                                            "import-xlsx-actions-libreoffice.xlsx");

  g_assert_nonnull (strstr (expected, "time=09:30"));
  g_assert_nonnull (strstr (expected, "amount_cents=3550"));
  g_assert_cmpstr (found, ==, expected);
}

/* Dates typed as dates, numbers typed as numbers, in the stored records. */
static void
test_values (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report =
    import (store, escale_import_people, "import-xlsx-people-libreoffice.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) samir = NULL, selam = NULL;

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpstr (report->sheet_name, ==, "Personnes");
  g_assert_cmpuint (report->n_sheets, ==, 2);
  samir = escale_store_load_person (store, escale_store_find_file_number (store, "2024-0001"),
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_BIRTH_DATE), ==, "1985-03-14");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_PHONE), ==, "33612345678");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_POSTAL_CODE), ==, "75002");
  g_assert_cmpstr (escale_person_get (samir, ESCALE_FIELD_ARRIVAL_DATE), ==, "2019-05-02");
  g_assert_cmpstr (escale_person_get_other_names (samir)[0], ==, "سمير حداد");
  selam = escale_store_load_person (store, escale_store_find_file_number (store, "2024-0003"),
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escale_person_get (selam, ESCALE_FIELD_PHONE), ==, "0612345678");
  g_assert_cmpstr (escale_person_get (selam, ESCALE_FIELD_POSTAL_CODE), ==, "01000");
}

/* The reader on its own: the 1904 date system, and the first sheet even
 * when its part is sheet2.xml, rich text without its phonetic run. */
static void
test_reader (void)
{
  g_autofree char *path = fixture ("import-xlsx-people-1904.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleXlsxReader) reader = escale_xlsx_reader_new_from_file (path, &error);
  g_auto(GStrv) fields = NULL;
  GArray *problems;
  guint line = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (escale_xlsx_reader_get_sheet_name (reader), ==, "Personnes");
  g_assert_true (escale_xlsx_reader_next_row (reader, &fields, &line));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpstr (fields[0], ==, "file_number");
  g_clear_pointer (&fields, g_strfreev);
  g_assert_true (escale_xlsx_reader_next_row (reader, &fields, &line));
  g_assert_cmpstr (fields[3], ==, "سمير حداد|Hadad");
  g_assert_cmpstr (fields[4], ==, "M");           /* a formula's string */
  g_assert_cmpstr (fields[5], ==, "1985-03-14");  /* 1904 system */
  g_assert_cmpstr (fields[9], ==, "33612345678");
  g_assert_cmpstr (fields[17], ==, "");           /* #N/A… */
  problems = escale_xlsx_reader_get_problems (reader);
  g_assert_cmpuint (problems->len, ==, 1);        /* …is a problem */
  g_assert_cmpuint (g_array_index (problems, EscaleXlsxProblem, 0).field, ==, 17);
  g_clear_pointer (&fields, g_strfreev);
  g_assert_true (escale_xlsx_reader_next_row (reader, &fields, &line));
  g_clear_pointer (&fields, g_strfreev);
  g_assert_true (escale_xlsx_reader_next_row (reader, &fields, &line));
  g_assert_cmpstr (fields[9], ==, "0612345678");
  g_assert_cmpstr (fields[10], ==, "01000");
  g_clear_pointer (&fields, g_strfreev);
  /* Row 5 is blank: the next row keeps its number. */
  g_assert_true (escale_xlsx_reader_next_row (reader, &fields, &line));
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpstr (fields[5], ==, "1996-02-29");
  g_clear_pointer (&fields, g_strfreev);
  g_assert_true (escale_xlsx_reader_next_row (reader, &fields, &line));
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpstr (fields[2], ==, "Jean-Édouard");
  g_clear_pointer (&fields, g_strfreev);
  g_assert_false (escale_xlsx_reader_next_row (reader, &fields, &line));
}

/* Problems are on the sheet's rows, in the header's columns, in words. */
static void
test_problems (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscaleImportReport) report =
    import (store, escale_import_people, "import-xlsx-errors.xlsx");
  g_autofree char *first = NULL, *second = NULL;

  g_assert_cmpuint (report->problems->len, ==, 2);
  first = escale_import_problem_to_string (g_ptr_array_index (report->problems, 0));
  second = escale_import_problem_to_string (g_ptr_array_index (report->problems, 1));
  g_assert_cmpstr (first, ==, "Line 7, column given_names: The cell shows the error “#N/A” "
                              "instead of a value");
  g_assert_cmpstr (second, ==, "Line 12, column birth_date: “31/02/1990” is not a date");
  g_assert_cmpint (escale_store_count_people (store), ==, 0);
}

static void
write_bytes (const char   *path,
             const guchar *data,
             gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A minimal OLE compound file naming @stream in its directory. */
static void
write_ole (const char *path,
           const char *stream)
{
  static const guchar magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  guchar data[1536] = { 0 };

  memcpy (data, magic, sizeof magic);
  for (gsize i = 0; stream[i] != '\0'; i++)
    data[1024 + 2 * i] = (guchar) stream[i];
  write_bytes (path, data, sizeof data);
}

static void
assert_refused (const char      *path,
                EscaleXlsxError  code,
                const char      *words)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleImportReport) report = escale_import_people (store, path, FALSE, &error);

  g_assert_null (report);
  g_assert_error (error, ESCALE_XLSX_ERROR, (int) code);
  if (strstr (error->message, words) == NULL)
    g_error ("%s: “%s” lacks “%s”", path, error->message, words);
  g_assert_cmpint (escale_store_count_people (store), ==, 0);
}

static void
test_hostile (void)
{
  g_autofree char *good = fixture ("import-xlsx-people-xlsxwriter.xlsx");
  g_autofree char *bomb = fixture ("import-xlsx-bomb.xlsx");
  g_autofree char *truncated = escale_test_tmp_path ("truncated.xlsx");
  g_autofree char *garbage = escale_test_tmp_path ("garbage.xlsx");
  g_autofree char *xls = escale_test_tmp_path ("old.xls");
  g_autofree char *encrypted = escale_test_tmp_path ("protected.xlsx");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  write_bytes (truncated, (const guchar *) contents, length / 2);
  write_bytes (garbage, (const guchar *) "family_name\nnot a zip\n", 22);
  write_ole (xls, "Workbook");
  write_ole (encrypted, "EncryptedPackage");

  assert_refused (truncated, ESCALE_XLSX_ERROR_DAMAGED, "damaged or incomplete");
  assert_refused (garbage, ESCALE_XLSX_ERROR_DAMAGED, "save it again as .xlsx or .csv");
  assert_refused (xls, ESCALE_XLSX_ERROR_XLS, "save it as .xlsx or .csv");
  assert_refused (encrypted, ESCALE_XLSX_ERROR_ENCRYPTED, "remove the password");
  assert_refused (bomb, ESCALE_XLSX_ERROR_TOO_LARGE, "too large");
}

/* Every cut of a workbook is refused as damaged; but a cut inside the last
 * 22 bytes, the end record of the zip, can leave it whole. */
static void
test_every_truncation (void)
{
  g_autofree char *path = fixture ("import-xlsx-people-1904.xlsx");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize cut = 0; cut < length; cut += 7)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleXlsxReader) reader = escale_xlsx_reader_new_from_bytes (bytes, &error);

      if (cut + 22 > length && reader != NULL)
        continue;
      g_assert_null (reader);
      g_assert_error (error, ESCALE_XLSX_ERROR, ESCALE_XLSX_ERROR_DAMAGED);
    }
}

int
main (int    argc,
      char **argv)
{
  static const char *workbooks[] = {
    "import-xlsx-people-libreoffice.xlsx",
    "import-xlsx-people-xlsxwriter.xlsx",
    "import-xlsx-people-inline.xlsx",
    "import-xlsx-people-1904.xlsx",
  };
  int status;

  escale_test_init (&argc, &argv);
  for (guint i = 0; i < G_N_ELEMENTS (workbooks); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import-xlsx/same-as-csv/%s", workbooks[i]);
      g_test_add_data_func (name, workbooks[i], test_same_as_csv);
    }
  g_test_add_func ("/import-xlsx/actions-same-as-csv", test_actions_same_as_csv);
  g_test_add_func ("/import-xlsx/values", test_values);
  g_test_add_func ("/import-xlsx/reader", test_reader);
  g_test_add_func ("/import-xlsx/problems", test_problems);
  g_test_add_func ("/import-xlsx/hostile", test_hostile);
  g_test_add_func ("/import-xlsx/every-truncation", test_every_truncation);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
