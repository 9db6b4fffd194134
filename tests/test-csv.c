/* test-csv.c — the CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-csv.h"
#include "escale-test-util.h"

static EscaleCsv *
csv_new (const char *data,
         gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  g_autoptr(GError) error = NULL;
  EscaleCsv *csv = escale_csv_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

/* Reads the next record, checks its line and fields (NULL-terminated). */
static void
assert_record (EscaleCsv *csv,
               guint      expected_line,
               ...)
{
  g_auto(GStrv) fields = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0, n = 0;
  const char *expected;
  va_list args;

  g_assert_true (escale_csv_next_record (csv, &fields, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, expected_line);
  va_start (args, expected_line);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (fields[n]);
      g_assert_cmpstr (fields[n], ==, expected);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (g_strv_length (fields), ==, n);
}

static void
assert_end (EscaleCsv *csv)
{
  g_auto(GStrv) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (escale_csv_next_record (csv, &fields, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (fields);
}

static void
test_csv_quoting (void)
{
  g_autoptr(EscaleCsv) csv = csv_new ("a,\"b,c\",\"d \"\"e\"\"\",\"f\r\ng\nh\"\r\n"
                                      "i,,\"\"\n"
                                      "j,k,", -1);

  g_assert_cmpint (escale_csv_get_separator (csv), ==, ',');
  g_assert_false (escale_csv_get_had_bom (csv));
  g_assert_false (escale_csv_get_was_converted (csv));
  assert_record (csv, 1, "a", "b,c", "d \"e\"", "f\ng\nh", NULL);
  assert_record (csv, 4, "i", "", "", NULL);
  assert_record (csv, 5, "j", "k", "", NULL);
  assert_end (csv);

  escale_csv_rewind (csv);
  assert_record (csv, 1, "a", "b,c", "d \"e\"", "f\ng\nh", NULL);
}

static void
test_csv_blank_lines (void)
{
  g_autoptr(EscaleCsv) csv = csv_new ("name\r\n\r\n\nAda\n\n", -1);

  assert_record (csv, 1, "name", NULL);
  assert_record (csv, 4, "Ada", NULL);
  assert_end (csv);
}

static void
test_csv_bom (void)
{
  g_autoptr(EscaleCsv) csv = csv_new ("\xEF\xBB\xBF" "family_name;city\n"
                                      "N\xC3\xBA\xC3\xB1" "ez;Lyon\n", -1);

  g_assert_true (escale_csv_get_had_bom (csv));
  g_assert_false (escale_csv_get_was_converted (csv));
  assert_record (csv, 1, "family_name", "city", NULL);
  assert_record (csv, 2, "Núñez", "Lyon", NULL);
  assert_end (csv);
}

static void
test_csv_semicolons (void)
{
  g_autoptr(EscaleCsv) csv = csv_new ("a;b,c;\"d;e\"\n1,5;2;\"x;y\"\n", -1);
  g_autoptr(EscaleCsv) commas = csv_new ("\"a;b;c\",d\n1,2\n", -1);

  g_assert_cmpint (escale_csv_get_separator (csv), ==, ';');
  assert_record (csv, 1, "a", "b,c", "d;e", NULL);
  assert_record (csv, 2, "1,5", "2", "x;y", NULL);
  assert_end (csv);

  /* Semicolons inside quotes do not count. */
  g_assert_cmpint (escale_csv_get_separator (commas), ==, ',');
  assert_record (commas, 1, "a;b;c", "d", NULL);
}

/* A blank line before the header does not hide its semicolons. */
static void
test_csv_blank_before_header (void)
{
  g_autoptr(EscaleCsv) csv = csv_new ("\r\nfamily_name;given_names\nDupont;Jean\n", -1);
  g_autoptr(EscaleCsv) spaces = csv_new (" \n\t\nfamily_name;given_names\n", -1);

  g_assert_cmpint (escale_csv_get_separator (csv), ==, ';');
  assert_record (csv, 2, "family_name", "given_names", NULL);
  assert_record (csv, 3, "Dupont", "Jean", NULL);
  assert_end (csv);
  g_assert_cmpint (escale_csv_get_separator (spaces), ==, ';');
}

static void
assert_problem (EscaleCsv            *csv,
                guint                 index,
                guint                 line,
                guint                 field,
                EscaleCsvProblemKind  kind)
{
  GArray *problems = escale_csv_get_problems (csv);
  EscaleCsvProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = &g_array_index (problems, EscaleCsvProblem, index);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->field, ==, field);
  g_assert_cmpint (problem->kind, ==, kind);
  g_assert_nonnull (problem->message);
}

/* A UTF-8 file with a few bad bytes is not taken as Windows-1252: its
 * correct accents stay, and each bad byte is a problem where it is. */
static void
test_csv_invalid_utf8 (void)
{
  g_autoptr(EscaleCsv) csv = csv_new ("nom;pr\xC3\xA9nom\n"
                                      "H\xC3\xA9l\xC3\xA8ne;Andr\xE9\n"
                                      "\"a\nb\xFF\xFE\";x\n", -1);

  g_assert_false (escale_csv_get_was_converted (csv));
  g_assert_false (escale_csv_get_was_windows_1252 (csv));
  assert_record (csv, 1, "nom", "prénom", NULL);
  g_assert_cmpuint (escale_csv_get_problems (csv)->len, ==, 0);
  assert_record (csv, 2, "Hélène", "Andr\xEF\xBF\xBD", NULL);
  g_assert_cmpuint (escale_csv_get_problems (csv)->len, ==, 1);
  assert_problem (csv, 0, 2, 1, ESCALE_CSV_PROBLEM_NOT_UTF8);
  /* In a quoted field, at the line of the byte. */
  assert_record (csv, 3, "a\nb\xEF\xBF\xBD\xEF\xBF\xBD", "x", NULL);
  g_assert_cmpuint (escale_csv_get_problems (csv)->len, ==, 2);
  assert_problem (csv, 0, 4, 0, ESCALE_CSV_PROBLEM_NOT_UTF8);
  assert_problem (csv, 1, 4, 0, ESCALE_CSV_PROBLEM_NOT_UTF8);
  assert_end (csv);
}

/* Fields are cut on a character boundary, and reported. */
static void
test_csv_too_long (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(EscaleCsv) csv = NULL;
  g_auto(GStrv) fields = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0;

  for (guint i = 0; i < ESCALE_CSV_MAX_FIELD; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, ",\"");
  for (guint i = 0; i <= ESCALE_CSV_MAX_FIELD / 2; i++)
    g_string_append (text, "\xC3\xA9");
  g_string_append (text, "\"\n");
  csv = csv_new (text->str, (gssize) text->len);

  assert_record (csv, 1, "a", "b", NULL);
  g_assert_true (escale_csv_next_record (csv, &fields, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (fields[0]), ==, ESCALE_CSV_MAX_FIELD);
  g_assert_cmpuint (strlen (fields[1]), ==, ESCALE_CSV_MAX_FIELD);
  g_assert_true (g_utf8_validate (fields[1], -1, NULL));
  g_assert_cmpuint (escale_csv_get_problems (csv)->len, ==, 1);
  assert_problem (csv, 0, 2, 1, ESCALE_CSV_PROBLEM_TOO_LONG);
  assert_end (csv);
}

/* Bad bytes become U+FFFD, three bytes each: the field is cut after that,
 * and stays within the maximum (fuzz-csv found it three times longer). */
static void
test_csv_too_long_invalid_utf8 (void)
{
  g_autoptr(GString) text = g_string_new ("pr\xC3\xA9nom\n");
  g_autoptr(EscaleCsv) csv = NULL;
  g_auto(GStrv) fields = NULL;
  GArray *problems;
  guint line = 0;

  for (guint i = 0; i <= ESCALE_CSV_MAX_FIELD; i++)
    g_string_append_c (text, '\xFF');
  csv = csv_new (text->str, (gssize) text->len);

  assert_record (csv, 1, "prénom", NULL);
  g_assert_true (escale_csv_next_record (csv, &fields, &line, NULL));
  g_assert_cmpuint (strlen (fields[0]), <=, ESCALE_CSV_MAX_FIELD);
  g_assert_cmpuint (strlen (fields[0]), >, ESCALE_CSV_MAX_FIELD - 3);
  g_assert_true (g_utf8_validate (fields[0], -1, NULL));
  problems = escale_csv_get_problems (csv);
  g_assert_cmpuint (problems->len, >, 1);
  assert_problem (csv, 0, 2, 0, ESCALE_CSV_PROBLEM_NOT_UTF8);
  assert_problem (csv, problems->len - 1, 2, 0, ESCALE_CSV_PROBLEM_TOO_LONG);
  assert_end (csv);
}

static void
test_csv_null_bytes (void)
{
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*bytes != NULL*");
  g_assert_null (escale_csv_new_from_bytes (NULL, NULL));
  g_test_assert_expected_messages ();
}

static void
test_csv_windows_1252 (void)
{
  /* é è in Latin-1's range, € and Œ where Windows-1252 differs, and 0x81,
   * which it leaves undefined. */
  g_autoptr(EscaleCsv) csv = csv_new ("nom;pr\xE9nom\nH\xE9l\xE8ne;\x80\x8C\x81\n", -1);

  g_assert_true (escale_csv_get_was_converted (csv));
  g_assert_true (escale_csv_get_was_windows_1252 (csv));
  g_assert_cmpuint (escale_csv_get_problems (csv)->len, ==, 0);
  g_assert_cmpint (escale_csv_get_separator (csv), ==, ';');
  assert_record (csv, 1, "nom", "prénom", NULL);
  assert_record (csv, 2, "Hélène", "€Œ\xEF\xBF\xBD", NULL);
  assert_end (csv);
}

static void
test_csv_windows_1252_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ESCALE_SOURCE_DIR"), "tests", "fixtures",
                                            "import-cp1252.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleCsv) csv = escale_csv_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_true (escale_csv_get_was_converted (csv));
  assert_record (csv, 1, "family_name", "given_names", "birth_date", "city", NULL);
  assert_record (csv, 2, "Hélène", "André", "1970", "Saint-Étienne", NULL);
  assert_end (csv);
}

static void
test_csv_utf16 (void)
{
  static const char data[] = "\xFF\xFE" "a\0;\0b\0\n\0\xE9\0;\0" "c\0\n\0";
  g_autoptr(EscaleCsv) csv = csv_new (data, sizeof data - 1);

  g_assert_true (escale_csv_get_had_bom (csv));
  assert_record (csv, 1, "a", "b", NULL);
  assert_record (csv, 2, "é", "c", NULL);
  assert_end (csv);
}

static void
test_csv_unterminated_quote (void)
{
  g_autoptr(EscaleCsv) csv = csv_new ("a,b,c\n1,2,3\nx,\"never\nclosed,z\n", -1);
  g_auto(GStrv) fields = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0, field = 0;

  assert_record (csv, 1, "a", "b", "c", NULL);
  assert_record (csv, 2, "1", "2", "3", NULL);
  g_assert_false (escale_csv_next_record (csv, &fields, NULL, &error));
  g_assert_error (error, ESCALE_CSV_ERROR, ESCALE_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_null (fields);
  g_assert_nonnull (strstr (error->message, "3"));
  escale_csv_get_error_position (csv, &line, &field);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (field, ==, 1);
  /* Reading stops there. */
  assert_end (csv);
}

static void
test_csv_empty (void)
{
  const char *empties[] = { "", "\n\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF  \n" };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (empties[i], strlen (empties[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(EscaleCsv) csv = escale_csv_new_from_bytes (bytes, &error);

      g_assert_error (error, ESCALE_CSV_ERROR, ESCALE_CSV_ERROR_EMPTY);
      g_assert_null (csv);
    }
}

static void
test_csv_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleCsv) csv = escale_csv_new_from_file ("/nonexistent/people.csv", &error);

  g_assert_nonnull (error);
  g_assert_null (csv);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/blank-lines", test_csv_blank_lines);
  g_test_add_func ("/csv/bom", test_csv_bom);
  g_test_add_func ("/csv/semicolons", test_csv_semicolons);
  g_test_add_func ("/csv/blank-before-header", test_csv_blank_before_header);
  g_test_add_func ("/csv/invalid-utf-8", test_csv_invalid_utf8);
  g_test_add_func ("/csv/too-long", test_csv_too_long);
  g_test_add_func ("/csv/too-long-invalid-utf-8", test_csv_too_long_invalid_utf8);
  g_test_add_func ("/csv/null-bytes", test_csv_null_bytes);
  g_test_add_func ("/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/csv/windows-1252-file", test_csv_windows_1252_file);
  g_test_add_func ("/csv/utf-16", test_csv_utf16);
  g_test_add_func ("/csv/unterminated-quote", test_csv_unterminated_quote);
  g_test_add_func ("/csv/empty", test_csv_empty);
  g_test_add_func ("/csv/missing-file", test_csv_missing_file);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
