/* fuzz-csv.c — fuzzing the CSV reader
 *
 * Any bytes make a reader or a reasoned error; the records read are valid
 * UTF-8, no field is longer than ESCALE_CSV_MAX_FIELD, lines only grow,
 * problems point inside their record; reading again after a rewind gives
 * the same records; and the records written back as CSV (every field
 * quoted) read back the same, without problems. A UTF-8 file without
 * quotes reads as its lines split at the separator, the one its first line
 * has most. The input is a buffer of its exact size, so that
 * AddressSanitizer sees any read past its end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-csv.h"
#include "fuzz-util.h"

static void
check_problems (EscaleCsv *csv,
                guint      line,
                guint      n_fields)
{
  GArray *problems = escale_csv_get_problems (csv);

  for (guint i = 0; i < problems->len; i++)
    {
      EscaleCsvProblem *problem = &g_array_index (problems, EscaleCsvProblem, i);

      FUZZ_CHECK (problem->line >= line);
      FUZZ_CHECK (problem->field < n_fields);
      FUZZ_CHECK (problem->message != NULL && *problem->message != '\0');
    }
}

/* Every record, as a GPtrArray of GStrv, checking each one. */
static GPtrArray *
read_all (EscaleCsv *csv)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  guint previous = 0, line = 0;
  GStrv fields;

  while (escale_csv_next_record (csv, &fields, &line, &error))
    {
      guint n = g_strv_length (fields);

      FUZZ_CHECK (n >= 1);
      FUZZ_CHECK (line > previous);
      for (guint i = 0; i < n; i++)
        {
          FUZZ_CHECK (g_utf8_validate (fields[i], -1, NULL));
          FUZZ_CHECK (strlen (fields[i]) <= ESCALE_CSV_MAX_FIELD);
        }
      check_problems (csv, line, n);
      previous = line;
      g_ptr_array_add (records, fields);
    }
  if (error != NULL)
    {
      guint error_line;

      FUZZ_CHECK (g_error_matches (error, ESCALE_CSV_ERROR, ESCALE_CSV_ERROR_UNTERMINATED_QUOTE));
      escale_csv_get_error_position (csv, &error_line, NULL);
      FUZZ_CHECK (error_line > previous);
    }
  return records;
}

static gboolean
same_records (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_strv_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* RFC 4180 with every field quoted, comma-separated. */
static GBytes *
write_records (GPtrArray *records)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < records->len; r++)
    {
      GStrv fields = g_ptr_array_index (records, r);

      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_autofree char *quoted = NULL;
          g_auto(GStrv) parts = g_strsplit (fields[i], "\"", -1);

          quoted = g_strjoinv ("\"\"", parts);
          g_string_append_printf (text, "%s\"%s\"", i > 0 ? "," : "", quoted);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free_to_bytes (text);
}

static void
check_round_trip (GPtrArray *records)
{
  g_autoptr(GBytes) bytes = write_records (records);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleCsv) csv = escale_csv_new_from_bytes (bytes, &error);
  g_autoptr(GPtrArray) again = NULL;

  FUZZ_CHECK (csv != NULL && error == NULL);
  FUZZ_CHECK (escale_csv_get_separator (csv) == ',');
  FUZZ_CHECK (!escale_csv_get_was_converted (csv));
  again = read_all (csv);
  FUZZ_CHECK (same_records (records, again));
  FUZZ_CHECK (escale_csv_get_problems (csv)->len == 0);
}

/* The records of a UTF-8 text without quotes, split by hand; NULL when
 * the text is not that simple. */
static GPtrArray *
split_plain (const uint8_t *data,
             size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GPtrArray) records = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  const char *first;
  guint commas = 0, semicolons = 0;
  char separator[2] = ",";

  if (size >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, size -= 3;
  if (memchr (text, '"', size) != NULL || !g_utf8_validate_len (text, size, NULL))
    return NULL;
  copy = g_strndup (text, size);
  for (first = copy; g_ascii_isspace (*first); first++)
    ;
  for (const char *p = first; *p != '\0' && *p != '\n' && *p != '\r'; p++)
    {
      commas += *p == ',';
      semicolons += *p == ';';
    }
  separator[0] = semicolons > commas ? ';' : ',';
  g_strdelimit (copy, "\r", '\n');
  lines = g_strsplit (copy, "\n", -1);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strlen (lines[i]) > ESCALE_CSV_MAX_FIELD)
        return NULL;
      if (*lines[i] != '\0')
        g_ptr_array_add (records, g_strsplit (lines[i], separator, -1));
    }
  return g_steal_pointer (&records);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleCsv) csv = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) plain = NULL;
  char separator;

  fuzz_init ();
  if (!(csv = escale_csv_new_from_bytes (bytes, &error)))
    {
      FUZZ_CHECK (g_error_matches (error, ESCALE_CSV_ERROR, ESCALE_CSV_ERROR_EMPTY) ||
                  error->domain == G_CONVERT_ERROR);
      return 0;
    }
  separator = escale_csv_get_separator (csv);
  FUZZ_CHECK (separator == ',' || separator == ';');
  records = read_all (csv);
  escale_csv_rewind (csv);
  again = read_all (csv);
  FUZZ_CHECK (same_records (records, again));
  if (records->len > 0)
    check_round_trip (records);
  if ((plain = split_plain (data, size)) != NULL)
    FUZZ_CHECK (same_records (records, plain));
  return 0;
}
