/* test-report-xlsx.c — the report model, and its workbooks read back by Gnumeric
 *
 * The workbooks are read with ssconvert (ESCALE_SSCONVERT, set by
 * meson): --recalc makes Gnumeric compute every formula again, each sheet
 * is exported as CSV, and its document properties and sheet names come
 * from Gnumeric's own XML format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "escale-csv.h"
#include "escale-report-model.h"
#include "escale-test-util.h"
#include "escale-test-xlsx.h"

#define LONG_NAME       "Participants by programme and by quarter"  /* 40 characters */
#define LONG_NAME_CUT   "Participants by programme and b"
#define LONG_NAME_2     "Participants by programme and by year"
#define LONG_NAME_2_CUT "Participants by programme a (2)"

/* Model */

static EscaleReportCell *
add_row (EscaleReportTable *table,
         const char        *label,
         ...)
{
  EscaleReportCell *row = escale_report_table_add_row (table);
  va_list args;

  escale_report_cell_set_text (&row[0], label);
  va_start (args, label);
  for (guint i = 1; i < table->n_columns; i++)
    {
      EscaleCellKind kind = va_arg (args, EscaleCellKind);

      if (kind == ESCALE_CELL_TEXT)
        escale_report_cell_set_text (&row[i], va_arg (args, const char *));
      else if (kind == ESCALE_CELL_DATE)
        escale_report_cell_set_date (&row[i], va_arg (args, const char *));
      else if (kind != ESCALE_CELL_EMPTY)
        escale_report_cell_set_number (&row[i], kind, va_arg (args, double));
    }
  va_end (args);
  return row;
}

static void
add_summary_sheet (EscaleReport *report)
{
  const char *const headers[] = { "Month", "People", "Actions", "Hours", "Value", "Last action",
                                  "Comment", NULL };
  const char *const rate_headers[] = { "Programme", "Share", NULL };
  const char *const empty_headers[] = { "Month", "People", NULL };
  EscaleReportSheet *sheet = escale_report_add_sheet (report, "Summary");
  EscaleReportTable *table;

  escale_report_sheet_add_line (sheet, "Period", escale_report_cell_text ("2025"));
  escale_report_sheet_add_line (sheet, "Volunteer hours",
                                escale_report_cell_number (ESCALE_CELL_HOURS, 1237.5));
  escale_report_sheet_add_line (sheet, "Written on", escale_report_cell_date ("2026-01-15"));

  table = escale_report_sheet_add_table (sheet, "Actions by month", headers);
  add_row (table, "January", ESCALE_CELL_COUNT, 1237.0, ESCALE_CELL_COUNT, 40.0,
           ESCALE_CELL_HOURS, 1237.5, ESCALE_CELL_EUROS, 14256.25, ESCALE_CELL_DATE, "2025-01-31",
           ESCALE_CELL_TEXT, "=1+1");
  add_row (table, "February", ESCALE_CELL_COUNT, 12.0, ESCALE_CELL_COUNT, 3.0,
           ESCALE_CELL_HOURS, 0.5, ESCALE_CELL_EUROS, 5.76, ESCALE_CELL_DATE, "2025-02-28",
           ESCALE_CELL_TEXT, "Ça va, “bien”");
  table->total_row = table->total_column = TRUE;
  escale_report_table_set_chart (table, ESCALE_CHART_COLUMN, 1, 2);
  escale_report_table_set_note (table, "Counted from the actions recorded");

  table = escale_report_sheet_add_table (sheet, "Rates", rate_headers);
  add_row (table, "Welcome", ESCALE_CELL_PERCENT, 0.25);
  add_row (table, "Housing", ESCALE_CELL_PERCENT, 0.755);

  table = escale_report_sheet_add_table (sheet, "Nothing yet", empty_headers);
  table->total_row = TRUE;
}

static void
add_masked_sheet (EscaleReport *report)
{
  const char *const headers[] = { "Nationality", "Women", "Men", "Children", NULL };
  EscaleReportSheet *sheet = escale_report_add_sheet (report, "Nationalités");
  EscaleReportTable *table = escale_report_sheet_add_table (sheet, NULL, headers);

  table->masked = table->total_row = table->total_column = TRUE;
  add_row (table, "Afghan", ESCALE_CELL_COUNT, 3.0, ESCALE_CELL_COUNT, 12.0,
           ESCALE_CELL_COUNT, 10.0);
  add_row (table, "Eritrean", ESCALE_CELL_COUNT, 7.0, ESCALE_CELL_COUNT, 2.0,
           ESCALE_CELL_COUNT, 5.0);
  add_row (table, "Syrian", ESCALE_CELL_COUNT, 0.0, ESCALE_CELL_COUNT, 20.0,
           ESCALE_CELL_COUNT, 6.0);
  add_row (table, "Other", ESCALE_CELL_COUNT, 1.0, ESCALE_CELL_COUNT, 2.0,
           ESCALE_CELL_COUNT, 1.0);
}

static void
add_arabic_sheet (EscaleReport *report)
{
  const char *const headers[] = { "الشهر", "الأشخاص", NULL };
  EscaleReportSheet *sheet = escale_report_add_sheet (report, "الأنشطة");
  EscaleReportTable *table = escale_report_sheet_add_table (sheet, "الأشخاص حسب الشهر", headers);

  sheet->right_to_left = TRUE;
  add_row (table, "يناير", ESCALE_CELL_COUNT, 5.0);
  add_row (table, "فبراير", ESCALE_CELL_COUNT, 8.0);
  escale_report_table_set_chart (table, ESCALE_CHART_LINE, 1, 1);
}

static EscaleReport *
build_report (void)
{
  EscaleReport *report = escale_report_new ("Activity report 2025", "Association Escale", "fr");
  const char *const names[] = { LONG_NAME, "Hours/volunteer", "SUMMARY", "[Draft]: a*b?",
                                LONG_NAME_2, "'quoted'" };
  const char *const clashing[] = { "", "Name", "name", "Total", NULL };
  EscaleReportTable *table;

  g_date_time_unref (report->created);
  report->created = g_date_time_new_utc (2026, 1, 15, 10, 0, 0);
  add_summary_sheet (report);
  add_masked_sheet (report);
  add_arabic_sheet (report);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    escale_report_sheet_add_line (escale_report_add_sheet (report, names[i]), "Name",
                                  escale_report_cell_text (names[i]));

  /* Headers Excel would refuse; a number it cannot hold */
  table = escale_report_sheet_add_table (g_ptr_array_index (report->sheets, 6), NULL, clashing);
  table->total_column = TRUE;
  add_row (table, "x", ESCALE_CELL_COUNT, 1.0, ESCALE_CELL_COUNT, 2.0, ESCALE_CELL_COUNT, 3.0);
  escale_report_sheet_add_line (g_ptr_array_index (report->sheets, 8), "Broken",
                                escale_report_cell_number (ESCALE_CELL_HOURS, NAN));
  return report;
}

static void
write_report (const EscaleReport *report,
              const char         *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_report_write_xlsx (report, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static const char expected_summary_raw[] =
  "Period|2025\n"
  "Volunteer hours|1237.5\n"
  "Written on|46037\n"
  "\n"
  "Actions by month\n"
  "Month|People|Actions|Hours|Value|Last action|Comment|Total\n"
  "January|1237|40|1237.5|14256.25|45688|=1+1|1277\n"
  "February|12|3|0.5|5.76|45716|Ça va, “bien”|15\n"
  "Total|1249|43|1238|14262.01|||1292\n"
  "Counted from the actions recorded\n"
  "\n"
  "Rates\n"
  "Programme|Share\n"
  "Welcome|0.25\n"
  "Housing|0.755\n"
  "\n"
  "Nothing yet\n"
  "Month|People\n"
  "\n"
  "Total\n";

static const char expected_masked[] =
  "Nationality|Women|Men|Children|Total\n"
  "Afghan|<5|12|10|25\n"
  "Eritrean|7|<5|5|14\n"
  "Syrian|0|20|6|26\n"
  "Other|<5|<5|<5|<5\n"
  "Total|11|36|22|69\n";

static const char expected_arabic[] =
  "الأشخاص حسب الشهر\n"
  "الشهر|الأشخاص\n"
  "يناير|5\n"
  "فبراير|8\n";

static void
assert_sheets (GPtrArray *sheets)
{
  g_assert_cmpuint (sheets->len, ==, 9);
  g_assert_cmpstr (g_ptr_array_index (sheets, 0), ==, expected_summary_raw);
  g_assert_cmpstr (g_ptr_array_index (sheets, 1), ==, expected_masked);
  g_assert_cmpstr (g_ptr_array_index (sheets, 2), ==, expected_arabic);
  g_assert_cmpstr (g_ptr_array_index (sheets, 4), ==, "Name|Hours/volunteer\n");
  g_assert_cmpstr (g_ptr_array_index (sheets, 6), ==,
                   "Name|[Draft]: a*b?\n"
                   "\n"
                   "#1|Name|name (2)|Total|Total (2)\n"
                   "x|1|2|3|6\n");
  g_assert_cmpstr (g_ptr_array_index (sheets, 8), ==, "Name|'quoted'\nBroken\n");
}

/* Tests */

static void
test_model_sums (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  EscaleReportSheet *sheet = escale_report_find_sheet (report, "Summary");
  EscaleReportTable *table = g_ptr_array_index (sheet->tables, 0);
  EscaleReportTable *masked = g_ptr_array_index (escale_report_find_sheet (report, "Nationalités")->tables, 0);
  EscaleReportTable *empty = g_ptr_array_index (sheet->tables, 2);
  EscaleReportCell cell = escale_report_cell_number (ESCALE_CELL_COUNT, 0);

  g_assert_null (escale_report_find_sheet (report, "summary"));
  g_assert_cmpstr (report->total_label, ==, "Total");
  g_assert_cmpuint (table->n_columns, ==, 7);
  g_assert_cmpfloat (escale_report_table_sum (table, 1), ==, 1249);
  g_assert_cmpfloat (escale_report_table_sum (table, 3), ==, 1238);
  g_assert_cmpfloat_with_epsilon (escale_report_table_sum (table, 4), 14262.01, 1e-9);
  g_assert_cmpfloat (escale_report_table_sum (table, 5), ==, 0);  /* dates are not summed */
  g_assert_cmpfloat (escale_report_table_sum (table, 7), ==, 1292);  /* the total column */
  g_assert_cmpfloat (escale_report_table_row_sum (table, g_ptr_array_index (table->rows, 1)), ==, 15);
  g_assert_cmpint (escale_report_table_column_kind (table, 0), ==, ESCALE_CELL_TEXT);
  g_assert_cmpint (escale_report_table_column_kind (table, 4), ==, ESCALE_CELL_EUROS);
  g_assert_cmpint (escale_report_table_column_kind (table, 7), ==, ESCALE_CELL_COUNT);
  g_assert_cmpint (escale_report_table_column_kind (empty, 1), ==, ESCALE_CELL_EMPTY);
  g_assert_cmpfloat (escale_report_table_sum (empty, 1), ==, 0);

  for (double n = 0; n <= 6; n++)
    {
      cell.number = n;
      g_assert_false (escale_report_cell_is_masked (table, &cell));
      g_assert_cmpint (escale_report_cell_is_masked (masked, &cell), ==, n >= 1 && n <= 4);
    }
  cell.kind = ESCALE_CELL_INTEGER;
  cell.number = 3;
  g_assert_false (escale_report_cell_is_masked (masked, &cell));
  g_assert_false (escale_report_cell_is_masked (NULL, &cell));
}

static void
assert_format (const EscaleReportTable *table,
               EscaleReportCell         cell,
               const char              *expected)
{
  g_autofree char *text = escale_report_cell_format (table, &cell);

  g_assert_cmpstr (text, ==, expected);
  g_free (cell.text);
}

static void
test_model_format (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  EscaleReportTable *masked = g_ptr_array_index (escale_report_find_sheet (report, "Nationalités")->tables, 0);
  g_autofree char *count = NULL;
  g_autofree char *hours = NULL;
  struct lconv *conv;

  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_COUNT, 1237), "1237");
  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_HOURS, 1237.5), "1237.5");
  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_HOURS, 2), "2.0");
  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_EUROS, 1237.5), "1237.50 €");
  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_PERCENT, 0.25), "25%");
  assert_format (NULL, escale_report_cell_date ("2025-01-31"), "31/01/2025");
  assert_format (NULL, escale_report_cell_date ("someday"), "someday");
  assert_format (NULL, escale_report_cell_text ("Accueil"), "Accueil");
  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_EMPTY, 0), "");
  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_COUNT, 3), "3");
  assert_format (masked, escale_report_cell_number (ESCALE_CELL_COUNT, 3), "<5");
  assert_format (masked, escale_report_cell_number (ESCALE_CELL_COUNT, 0), "0");
  assert_format (masked, escale_report_cell_number (ESCALE_CELL_INTEGER, 3), "3");

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("The locale fr_FR.UTF-8 is not available");
      return;
    }
  conv = localeconv ();
  count = g_strconcat ("1", conv->thousands_sep, "237", NULL);
  hours = g_strconcat ("1", conv->thousands_sep, "237", conv->decimal_point, "5", NULL);
  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_COUNT, 1237), count);
  assert_format (NULL, escale_report_cell_number (ESCALE_CELL_HOURS, 1237.5), hours);
  g_assert_cmpstr (conv->decimal_point, ==, ",");
  setlocale (LC_ALL, "C.UTF-8");
}

typedef struct
{
  const EscaleReport *report;
  const char         *path;
} WriteJob;

static gpointer
write_in_thread (gpointer data)
{
  WriteJob *job = data;

  write_report (job->report, job->path);
  return NULL;
}

/* Written under a French locale, from the main thread and from another,
 * read back in C: numbers, dates, totals and masks as they were. */
static void
test_write_french (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autofree char *path = escale_test_tmp_path ("report.xlsx");
  g_autofree char *thread_path = escale_test_tmp_path ("thread.xlsx");
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) thread_sheets = NULL;
  WriteJob job = { report, thread_path };

  if (!escale_test_have_ssconvert ())
    return;
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("The locale fr_FR.UTF-8 is not available");
      return;
    }
  write_report (report, path);
  g_thread_join (g_thread_new ("writer", write_in_thread, &job));
  /* The process keeps its locale */
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  setlocale (LC_ALL, "C.UTF-8");

  sheets = escale_test_xlsx_read_sheets (path, "raw", NULL);
  assert_sheets (sheets);
  thread_sheets = escale_test_xlsx_read_sheets (thread_path, "raw", NULL);
  assert_sheets (thread_sheets);
}

/* Numbers as their formats show them. */
static void
test_write_formats (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autofree char *path = escale_test_tmp_path ("formats.xlsx");
  g_autoptr(GPtrArray) sheets = NULL;
  g_auto(GStrv) lines = NULL;

  if (!escale_test_have_ssconvert ())
    return;
  write_report (report, path);
  sheets = escale_test_xlsx_read_sheets (path, "preserve", NULL);
  lines = g_strsplit (g_ptr_array_index (sheets, 0), "\n", -1);
  g_assert_cmpstr (lines[1], ==, "Volunteer hours|1,237.5");
  g_assert_cmpstr (lines[2], ==, "Written on|2026-01-15");
  g_assert_cmpstr (lines[6], ==, "January|1,237|40|1,237.5|14,256.25 €|2025-01-31|=1+1|1,277");
  g_assert_cmpstr (lines[8], ==, "Total|1,249|43|1,238.0|14,262.01 €|||1,292");
  g_assert_cmpstr (lines[13], ==, "Welcome|25%");
  g_assert_cmpstr (lines[14], ==, "Housing|76%");
}

/* Totals are formulas: change a figure and they follow. */
static void
test_write_formulas (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autofree char *path = escale_test_tmp_path ("formulas.xlsx");
  g_autoptr(GPtrArray) sheets = NULL;
  g_auto(GStrv) lines = NULL;

  if (!escale_test_have_ssconvert ())
    return;
  write_report (report, path);
  /* B7: January's people */
  sheets = escale_test_xlsx_read_sheets (path, "raw", "B7=2000");
  lines = g_strsplit (g_ptr_array_index (sheets, 0), "\n", -1);
  g_assert_cmpstr (lines[6], ==, "January|2000|40|1237.5|14256.25|45688|=1+1|2040");
  g_assert_cmpstr (lines[8], ==, "Total|2012|43|1238|14262.01|||2055");
}

/* Sheet names made valid, properties, right to left, charts, frozen panes. */
static void
test_write_workbook (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autofree char *path = escale_test_tmp_path ("workbook.xlsx");
  g_autofree char *xml = NULL;
  g_auto(GStrv) sheets = NULL;
  const char *const names[] = { "Summary", "Nationalités", "الأنشطة", LONG_NAME_CUT,
                                "Hours-volunteer", "SUMMARY (2)", "(Draft)- a-b-",
                                LONG_NAME_2_CUT, "quoted" };

  if (!escale_test_have_ssconvert ())
    return;
  write_report (report, path);
  xml = escale_test_xlsx_read_xml (path);
  g_assert_nonnull (strstr (xml, "<dc:title>Activity report 2025</dc:title>"));
  g_assert_nonnull (strstr (xml, "<dc:creator>Association Escale</dc:creator>"));
  g_assert_nonnull (strstr (xml, "<meta:creation-date>2026-01-15T10:00:00Z</meta:creation-date>"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *element = g_strdup_printf (">%s</gnm:SheetName>", names[i]);

      g_assert_nonnull (strstr (xml, element));
    }
  g_assert_cmpuint (g_utf8_strlen (LONG_NAME_CUT, -1), ==, 31);
  g_assert_cmpuint (g_utf8_strlen (LONG_NAME_2_CUT, -1), ==, 31);

  /* One element a sheet, after the index of names */
  sheets = g_strsplit (xml, "<gnm:Sheet ", -1);
  g_assert_cmpuint (g_strv_length (sheets), ==, 1 + G_N_ELEMENTS (names));
  g_assert_null (strstr (sheets[1], "RTL_Layout=\"1\""));
  g_assert_nonnull (strstr (sheets[3], "RTL_Layout=\"1\""));
  g_assert_nonnull (strstr (sheets[1], "GogBarColPlot"));
  g_assert_nonnull (strstr (sheets[3], "GogLinePlot"));
  g_assert_null (strstr (sheets[2], "SheetObjectGraph"));
  /* Frozen under the first table's header (row 6) */
  g_assert_nonnull (strstr (sheets[1], "UnfrozenTopLeft=\"A7\""));
  g_assert_nonnull (strstr (sheets[2], "UnfrozenTopLeft=\"A2\""));
}

/* The same report gives the same file. */
static void
test_write_twice (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autofree char *first = escale_test_tmp_path ("first.xlsx");
  g_autofree char *second = escale_test_tmp_path ("second.xlsx");
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  g_autoptr(GPtrArray) first_sheets = NULL;
  g_autoptr(GPtrArray) second_sheets = NULL;
  gsize first_length = 0, second_length = 0;

  write_report (report, first);
  write_report (report, second);
  g_assert_true (g_file_get_contents (first, &first_data, &first_length, NULL));
  g_assert_true (g_file_get_contents (second, &second_data, &second_length, NULL));
  g_assert_cmpmem (first_data, first_length, second_data, second_length);

  if (!escale_test_have_ssconvert ())
    return;
  first_sheets = escale_test_xlsx_read_sheets (first, "raw", NULL);
  second_sheets = escale_test_xlsx_read_sheets (second, "raw", NULL);
  g_assert_cmpuint (first_sheets->len, ==, second_sheets->len);
  for (guint i = 0; i < first_sheets->len; i++)
    g_assert_cmpstr (g_ptr_array_index (first_sheets, i), ==,
                     g_ptr_array_index (second_sheets, i));
}

/* Names of the files in @folder, sorted, joined by spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A folder holding one file, report.xlsx, that says "older". */
static char *
folder_with_old_file (char **path)
{
  g_autoptr(GError) error = NULL;
  char *folder = escale_test_tmp_path ("folder");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  *path = g_build_filename (folder, "report.xlsx", NULL);
  g_assert_true (g_file_set_contents (*path, "older", -1, &error));
  g_assert_no_error (error);
  return folder;
}

static void
assert_old_file_kept (const char *folder,
                      const char *path)
{
  g_autofree char *data = NULL;
  g_autofree char *names = list_folder (folder);

  g_assert_cmpstr (names, ==, "report.xlsx");
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "older");
}

static void
test_fail_missing_folder (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autofree char *folder = escale_test_tmp_path ("missing");
  g_autofree char *path = g_build_filename (folder, "report.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_report_write_xlsx (report, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_fail_read_only_folder (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autofree char *path = NULL;
  g_autofree char *folder = folder_with_old_file (&path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  if (g_access (folder, W_OK) == 0)
    {
      g_chmod (folder, 0700);
      g_test_skip ("Running as root: every folder can be written to");
      return;
    }
  g_assert_false (escale_report_write_xlsx (report, path, NULL, NULL, NULL, &error));
  g_chmod (folder, 0700);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_old_file_kept (folder, path);
}

/* The path names a folder: nothing is left beside it. */
static void
test_fail_path_is_folder (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autofree char *folder = escale_test_tmp_path ("parent");
  g_autofree char *path = g_build_filename (folder, "report.xlsx", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (escale_report_write_xlsx (report, path, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "report.xlsx");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

static void
test_cancelled_before (void)
{
  g_autoptr(EscaleReport) report = build_report ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = NULL;
  g_autofree char *folder = folder_with_old_file (&path);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (escale_report_write_xlsx (report, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_old_file_kept (folder, path);
}

typedef struct
{
  GCancellable *cancellable;
  GArray       *fractions;
  double        cancel_at;
} Progress;

static void
on_progress (double   fraction,
             gpointer data)
{
  Progress *progress = data;

  g_array_append_val (progress->fractions, fraction);
  if (fraction >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static EscaleReport *
build_long_report (guint n_rows)
{
  const char *const headers[] = { "Person", "Actions", "Hours", NULL };
  EscaleReport *report = escale_report_new ("Participants", "Association Escale", "en");
  EscaleReportSheet *sheet = escale_report_add_sheet (report, "Participants");
  EscaleReportTable *table = escale_report_sheet_add_table (sheet, NULL, headers);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("P-%05u", i);

      add_row (table, name, ESCALE_CELL_COUNT, (double) (i % 17),
               ESCALE_CELL_HOURS, (i % 40) / 4.0);
    }
  table->total_row = TRUE;
  return report;
}

/* Cancelled while writing rows: no file, the old one kept. */
static void
test_cancelled_while_writing (void)
{
  g_autoptr(EscaleReport) report = build_long_report (5000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { cancellable, fractions, 0.1 };
  g_autofree char *path = NULL;
  g_autofree char *folder = folder_with_old_file (&path);
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_report_write_xlsx (report, path, on_progress, &progress, cancellable,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_old_file_kept (folder, path);
  g_assert_cmpuint (fractions->len, >=, 2);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 0.5);
}

/* Progress goes from 0 to 1; the file replaces the older one. */
static void
test_progress (void)
{
  g_autoptr(EscaleReport) report = build_long_report (5000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { cancellable, fractions, 2 };
  g_autofree char *path = NULL;
  g_autofree char *folder = folder_with_old_file (&path);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (escale_report_write_xlsx (report, path, on_progress, &progress, cancellable,
                                           &error));
  g_assert_no_error (error);
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "report.xlsx");
  g_assert_cmpuint (fractions->len, >, 10);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i - 1), <=,
                       g_array_index (fractions, double, i));

  if (!escale_test_have_ssconvert ())
    return;
  sheets = escale_test_xlsx_read_sheets (path, "raw", NULL);
  lines = g_strsplit (g_ptr_array_index (sheets, 0), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5003);
  g_assert_cmpstr (lines[0], ==, "Person|Actions|Hours");
  g_assert_cmpstr (lines[4999], ==, "P-04998|0|9.5");
  g_assert_cmpstr (lines[5001], ==, "Total|39985|24375");
}

int
main (int argc, char **argv)
{
  int result;

  escale_test_xlsx_init ();
  escale_test_init (&argc, &argv);
  g_test_add_func ("/report-model/sums", test_model_sums);
  g_test_add_func ("/report-model/format", test_model_format);
  g_test_add_func ("/report-xlsx/french", test_write_french);
  g_test_add_func ("/report-xlsx/formats", test_write_formats);
  g_test_add_func ("/report-xlsx/formulas", test_write_formulas);
  g_test_add_func ("/report-xlsx/workbook", test_write_workbook);
  g_test_add_func ("/report-xlsx/twice", test_write_twice);
  g_test_add_func ("/report-xlsx/missing-folder", test_fail_missing_folder);
  g_test_add_func ("/report-xlsx/read-only-folder", test_fail_read_only_folder);
  g_test_add_func ("/report-xlsx/path-is-folder", test_fail_path_is_folder);
  g_test_add_func ("/report-xlsx/cancelled-before", test_cancelled_before);
  g_test_add_func ("/report-xlsx/cancelled-while-writing", test_cancelled_while_writing);
  g_test_add_func ("/report-xlsx/progress", test_progress);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
