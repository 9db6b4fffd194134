/* escale-csv.c — reading CSV files as spreadsheets write them
 *
 * A file is read whole and made UTF-8 first: a byte order mark is dropped
 * (a UTF-16 one means the file is converted from UTF-16), and a file with
 * no UTF-8 multi-byte sequence at all but bytes above 127 is taken as
 * Windows-1252, what spreadsheets on Windows write. A file that has UTF-8
 * sequences is UTF-8: its invalid bytes become U+FFFD and are reported as
 * problems of the record where they are, never guessed at. Fields longer
 * than ESCALE_CSV_MAX_FIELD are cut and reported too. The separator, comma
 * or semicolon, is the one the first non-blank line uses most outside
 * quotes. Records follow RFC 4180: quoted fields hold separators,
 * doubled quotes and line breaks; lines end in LF or CRLF. Blank lines are
 * skipped. Each record carries the line of the file where it starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-csv.h"

struct _EscaleCsv
{
  char     *text;       /* UTF-8, without byte order mark */
  gsize     length;
  gsize     pos;
  guint     line;
  guint     error_line;
  guint     error_field;
  char      separator;
  gboolean  had_bom;
  gboolean  converted;
  gboolean  windows_1252;
  gboolean  check_utf8;   /* UTF-8 with invalid bytes */
  GArray   *problems;     /* EscaleCsvProblem, of the last record */
};

G_DEFINE_QUARK (escale-csv-error-quark, escale_csv_error)

/* Windows-1252 differs from Latin-1 in 0x80–0x9F only; the five bytes it
 * leaves undefined become U+FFFD so that reading never fails. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static char *
convert_cp1252 (const guchar *data,
                gsize         length,
                gsize        *out_length)
{
  GString *text = g_string_sized_new (length + length / 8 + 1);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c == 0)
        g_string_append_unichar (text, 0xFFFD);
      else if (c < 0x80)
        g_string_append_c (text, (char) c);
      else if (c < 0xA0)
        g_string_append_unichar (text, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (text, c);
    }
  *out_length = text->len;
  return g_string_free (text, FALSE);
}

/* Whether @data holds at least one valid UTF-8 multi-byte sequence. */
static gboolean
has_utf8_sequence (const guchar *data,
                   gsize         length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] >= 0xC2)
      {
        gunichar c = g_utf8_get_char_validated ((const char *) data + i, MIN (length - i, 4));

        if (c != (gunichar) -1 && c != (gunichar) -2)
          return TRUE;
      }
  return FALSE;
}

static gboolean
decode (EscaleCsv     *self,
        const guchar  *data,
        gsize          length,
        GError       **error)
{
  static const guchar utf8_bom[] = { 0xEF, 0xBB, 0xBF };

  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      self->had_bom = self->converted = TRUE;
      self->text = g_convert ((const char *) data + 2, length - 2, "UTF-8",
                              data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", NULL, &self->length,
                              error);
      return self->text != NULL;
    }
  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      self->had_bom = TRUE;
      data += 3;
      length -= 3;
    }
  if (g_utf8_validate_len ((const char *) data, length, NULL))
    {
      self->text = g_strndup ((const char *) data, length);
      self->length = length;
    }
  else if (has_utf8_sequence (data, length))
    {
      self->check_utf8 = TRUE;
      self->text = g_strndup ((const char *) data, length);
      self->length = length;
    }
  else
    {
      self->converted = self->windows_1252 = TRUE;
      self->text = convert_cp1252 (data, length, &self->length);
    }
  return TRUE;
}

static char
detect_separator (const char *text,
                  gsize       length)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0;
  gsize i = 0;

  while (i < length && g_ascii_isspace (text[i]))
    i++;
  for (; i < length; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (text[i] == '\n' || text[i] == '\r')
        break;
      else if (text[i] == ',')
        commas++;
      else if (text[i] == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/**
 * escale_csv_new_from_bytes:
 *
 * Returns: (transfer full) (nullable): a reader positioned on the first
 *   record, or %NULL with %ESCALE_CSV_ERROR_EMPTY when there is nothing to
 *   read, or a #GConvertError for a broken UTF-16 file
 */
EscaleCsv *
escale_csv_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(EscaleCsv) self = NULL;
  const guchar *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  self = g_new0 (EscaleCsv, 1);
  self->problems = g_array_new (FALSE, FALSE, sizeof (EscaleCsvProblem));
  if (!decode (self, data, length, error))
    return NULL;
  if (is_blank (self->text, self->length))
    {
      g_set_error_literal (error, ESCALE_CSV_ERROR, ESCALE_CSV_ERROR_EMPTY,
                           _("The file is empty"));
      return NULL;
    }
  self->separator = detect_separator (self->text, self->length);
  self->line = 1;
  return g_steal_pointer (&self);
}

EscaleCsv *
escale_csv_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(file = g_mapped_file_new (path, FALSE, error)))
    return NULL;
  bytes = g_mapped_file_get_bytes (file);
  return escale_csv_new_from_bytes (bytes, error);
}

void
escale_csv_free (EscaleCsv *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_clear_pointer (&self->problems, g_array_unref);
  g_free (self);
}

char
escale_csv_get_separator (EscaleCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->separator;
}

gboolean
escale_csv_get_had_bom (EscaleCsv *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->had_bom;
}

/* Returns: whether the file was not UTF-8 and was converted */
gboolean
escale_csv_get_was_converted (EscaleCsv *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->converted;
}

/* Returns: whether the file was taken as Windows-1252 and converted */
gboolean
escale_csv_get_was_windows_1252 (EscaleCsv *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->windows_1252;
}

/**
 * escale_csv_get_problems:
 *
 * Returns: (transfer none) (element-type EscaleCsvProblem): what was wrong
 *   in the fields of the record last read, in the order of the file
 */
GArray *
escale_csv_get_problems (EscaleCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problems;
}

/**
 * escale_csv_get_error_position:
 * @line: (out) (optional): the line where the last error happened
 * @field: (out) (optional): the 0-based field of its record
 */
void
escale_csv_get_error_position (EscaleCsv *self,
                               guint     *line,
                               guint     *field)
{
  g_return_if_fail (self != NULL);
  if (line != NULL)
    *line = self->error_line;
  if (field != NULL)
    *field = self->error_field;
}

void
escale_csv_rewind (EscaleCsv *self)
{
  g_return_if_fail (self != NULL);
  self->pos = 0;
  self->line = 1;
}

/* Consumes a line end (LF, CRLF or CR) at the current position, if any. */
static gboolean
skip_line_end (EscaleCsv *self)
{
  if (self->pos >= self->length)
    return FALSE;
  if (self->text[self->pos] == '\r')
    {
      self->pos++;
      if (self->pos < self->length && self->text[self->pos] == '\n')
        self->pos++;
    }
  else if (self->text[self->pos] == '\n')
    self->pos++;
  else
    return FALSE;
  self->line++;
  return TRUE;
}

/* Keeps one byte more than the maximum, to know that a field is too long. */
static void
append_capped (GString    *field,
               const char *data,
               gsize       length)
{
  if (field->len <= ESCALE_CSV_MAX_FIELD)
    g_string_append_len (field, data, MIN (length, ESCALE_CSV_MAX_FIELD + 1 - field->len));
}

static gboolean
read_quoted (EscaleCsv  *self,
             GString    *field,
             GError    **error)
{
  guint start_line = self->line;

  self->pos++;
  while (self->pos < self->length)
    {
      char c = self->text[self->pos];

      if (c == '"')
        {
          if (self->pos + 1 < self->length && self->text[self->pos + 1] == '"')
            {
              append_capped (field, "\"", 1);
              self->pos += 2;
              continue;
            }
          self->pos++;
          return TRUE;
        }
      if (skip_line_end (self))
        append_capped (field, "\n", 1);
      else
        {
          append_capped (field, &c, 1);
          self->pos++;
        }
    }
  self->line = start_line;
  g_set_error (error, ESCALE_CSV_ERROR, ESCALE_CSV_ERROR_UNTERMINATED_QUOTE,
               /* Translators: %u is a line number of the file */
               _("A quote opened on line %u is never closed"), start_line);
  return FALSE;
}

/* Reads up to the next separator or line end; text after a closing quote
 * is kept, as spreadsheets do. */
static void
read_plain (EscaleCsv *self,
            GString   *field)
{
  gsize start = self->pos;

  while (self->pos < self->length)
    {
      char c = self->text[self->pos];

      if (c == self->separator || c == '\n' || c == '\r')
        break;
      self->pos++;
    }
  append_capped (field, self->text + start, self->pos - start);
}

static void
add_problem (EscaleCsv            *self,
             guint                 line,
             guint                 field,
             EscaleCsvProblemKind  kind)
{
  EscaleCsvProblem problem = { line, field, kind, NULL };

  if (kind == ESCALE_CSV_PROBLEM_NOT_UTF8)
    problem.message = _("This line is not valid UTF-8 text");
  else
    problem.message = _("This value is too long");
  g_array_append_val (self->problems, problem);
}

/* Cuts a field that is too long on a character boundary. */
static void
check_length (EscaleCsv *self,
              GString   *field,
              guint      line,
              guint      index)
{
  gsize length = ESCALE_CSV_MAX_FIELD;

  if (field->len <= ESCALE_CSV_MAX_FIELD)
    return;
  while (length > 0 && ((guchar) field->str[length] & 0xC0) == 0x80)
    length--;
  g_string_truncate (field, length);
  add_problem (self, line, index, ESCALE_CSV_PROBLEM_TOO_LONG);
}

/* Replaces each invalid byte with U+FFFD and reports it at its line. */
static void
check_utf8 (EscaleCsv *self,
            GString   *field,
            guint      line,
            guint      index)
{
  gsize start = 0;
  const char *end;

  if (!self->check_utf8)
    return;
  while (!g_utf8_validate_len (field->str + start, field->len - start, &end))
    {
      gsize bad = (gsize) (end - field->str);

      for (gsize i = start; i < bad; i++)
        if (field->str[i] == '\n')
          line++;
      add_problem (self, line, index, ESCALE_CSV_PROBLEM_NOT_UTF8);
      g_string_erase (field, (gssize) bad, 1);
      g_string_insert (field, (gssize) bad, "\xEF\xBF\xBD");
      start = bad + 3;
    }
}

/**
 * escale_csv_next_record:
 * @fields: (out) (transfer full): the fields of the record
 * @line: (out) (optional): the 1-based line where the record starts
 *
 * A record can have problems that did not stop its reading, see
 * escale_csv_get_problems().
 *
 * Returns: %TRUE with a record; %FALSE at the end of the file, or with
 *   @error set (%ESCALE_CSV_ERROR_UNTERMINATED_QUOTE, where it happened in
 *   escale_csv_get_error_position()); reading stops after an error
 */
gboolean
escale_csv_next_record (EscaleCsv  *self,
                        GStrv      *fields,
                        guint      *line,
                        GError    **error)
{
  g_autoptr(GPtrArray) array = NULL;
  g_autoptr(GString) field = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  g_array_set_size (self->problems, 0);
  while (skip_line_end (self))
    ;
  if (self->pos >= self->length)
    return FALSE;
  if (line != NULL)
    *line = self->line;

  array = g_ptr_array_new_with_free_func (g_free);
  field = g_string_sized_new (64);
  for (;;)
    {
      guint field_line = self->line;

      g_string_truncate (field, 0);
      if (self->text[self->pos] == '"' && !read_quoted (self, field, error))
        {
          self->error_line = self->line;
          self->error_field = array->len;
          self->pos = self->length;
          return FALSE;
        }
      read_plain (self, field);
      /* U+FFFD takes three bytes: cut after replacing the bad ones. */
      check_utf8 (self, field, field_line, array->len);
      check_length (self, field, field_line, array->len);
      g_ptr_array_add (array, g_strndup (field->str, field->len));
      if (self->pos < self->length && self->text[self->pos] == self->separator)
        self->pos++;
      else
        break;
    }
  skip_line_end (self);
  g_ptr_array_add (array, NULL);
  *fields = (GStrv) g_ptr_array_steal (array, NULL);
  return TRUE;
}
