/* escale-report-xlsx.c — a report written as an XLSX workbook
 *
 * Each sheet of the report becomes a worksheet: its lines of label and
 * value at the top, then each table as an Excel table (a title above it,
 * its note under it, its chart to its right). Totals are SUM formulas
 * written with their value, so that a spreadsheet shows them before it
 * recalculates and a treasurer can audit them; a total over a cell masked
 * as "<5" (a string, which SUM would skip) is written as its value.
 *
 * libxlsxwriter formats numbers with the thread's LC_NUMERIC: the whole
 * write runs under a copy of the thread's locale whose numbers are C's. It
 * reports problems by return values, never by aborting: every one that
 * matters is checked. Sheet names come from translations and are made
 * valid here (31 characters, none of []:*?/\, unique whatever the case).
 * The workbook is written beside @path under a hidden temporary name and
 * renamed into place once complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "escale-leftovers.h"
#include "escale-report-model.h"

#define N_KINDS          (ESCALE_CELL_PERCENT + 1)
#define SHEET_NAME_MAX   31     /* UTF-16 code units, as Excel counts */
#define CELL_TEXT_MAX    32767  /* characters in a cell */
#define ROWS_PER_CHECK   256    /* rows written between cancellation checks */
#define CHART_ROWS       16     /* rows a chart covers, at its default size */
#define WIDTH_MIN        8
#define WIDTH_MAX        60
#define BUILD_SHARE      0.3    /* of the progress: zipping the files takes the rest */

typedef struct
{
  lxw_workbook        *workbook;
  const EscaleReport  *report;
  lxw_format          *cell_formats[N_KINDS];
  lxw_format          *total_formats[N_KINDS];
  lxw_format          *masked_format;
  lxw_format          *masked_total_format;
  lxw_format          *label_format;
  lxw_format          *title_format;
  lxw_format          *note_format;
  GCancellable        *cancellable;
  void               (*progress) (double   fraction,
                                  gpointer data);
  gpointer             progress_data;
  guint64              rows_done;
  guint64              rows_total;
} Writer;

typedef struct
{
  lxw_worksheet *worksheet;
  const char    *name;
  GArray        *widths;        /* of guint: characters, a column */
  lxw_row_t      row;           /* the next free row */
  gboolean       frozen;
} Sheet;

/* Where a table landed, for its totals and chart. */
typedef struct
{
  const EscaleReportTable *table;
  lxw_row_t                top;          /* its title, or its header row */
  lxw_row_t                header_row;
  lxw_row_t                first_row;    /* of data */
  lxw_row_t                last_row;     /* of data, or the empty row of an empty table */
  lxw_col_t                n_columns;    /* with the total column */
  gboolean                *has_string;   /* a "<5" written in a column */
} Placed;

static const char *const number_formats[N_KINDS] = {
  [ESCALE_CELL_COUNT] = "#,##0",
  [ESCALE_CELL_INTEGER] = "#,##0",
  [ESCALE_CELL_HOURS] = "#,##0.0",
  [ESCALE_CELL_EUROS] = "#,##0.00 \"€\"",
  [ESCALE_CELL_DATE] = "yyyy-mm-dd",
  [ESCALE_CELL_PERCENT] = "0%",
};

static void
set_lxw_error (GError     **error,
               lxw_error    err,
               const char  *sheet_name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s are the sheet's name and a technical reason */
               _("Could not write the sheet “%s”: %s"), sheet_name, lxw_strerror (err));
}

static gboolean
check_cancelled (Writer  *writer,
                 GError **error)
{
  return !g_cancellable_set_error_if_cancelled (writer->cancellable, error);
}

static void
report_progress (Writer *writer,
                 double  fraction)
{
  if (writer->progress != NULL)
    writer->progress (fraction, writer->progress_data);
}

/* Counts a row written; every few hundred rows, reports progress and
 * checks for cancellation. */
static gboolean
row_done (Writer  *writer,
          GError **error)
{
  if (++writer->rows_done % ROWS_PER_CHECK != 0)
    return TRUE;
  report_progress (writer, BUILD_SHARE * writer->rows_done / writer->rows_total);
  return check_cancelled (writer, error);
}

static const char *
total_label (Writer *writer)
{
  const char *label = writer->report->total_label;

  return label != NULL ? label : "Total";
}

/* Names */

static gboolean
is_forbidden_in_sheet_name (gunichar c)
{
  return c < 0x20 || strchr ("[]:*?/\\", (int) c) != NULL;
}

/* @text cut to @max UTF-16 code units, spaces and apostrophes trimmed at
 * its ends (a sheet name may neither start nor end with an apostrophe). */
static char *
cut_sheet_name (const char *text,
                guint       max)
{
  GString *name = g_string_new (NULL);
  guint units = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint size = c > 0xFFFF ? 2 : 1;

      if (units + size > max)
        break;
      units += size;
      g_string_append_unichar (name, c);
    }
  while (name->len > 0 && (name->str[name->len - 1] == '\'' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);
  while (name->len > 0 && (name->str[0] == '\'' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  return g_string_free (name, FALSE);
}

static char *
name_key (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal, -1);
}

/* Whether @used (a set of name_key()s) holds @name whatever its case;
 * if not, adds it. */
static gboolean
name_take (GHashTable *used,
           const char *name)
{
  return !g_hash_table_add (used, name_key (name));
}

/* @name made valid for Excel and unique in @used (keys of used names):
 * forbidden characters replaced, cut to 31 characters, numbered " (2)"
 * when another sheet has it. */
static char *
make_sheet_name (const char *name,
                 guint       index,
                 GHashTable *used)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *unique;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '[')
        g_string_append_c (clean, '(');
      else if (c == ']')
        g_string_append_c (clean, ')');
      else if (is_forbidden_in_sheet_name (c))
        g_string_append_c (clean, c < 0x20 ? ' ' : '-');
      else
        g_string_append_unichar (clean, c);
    }
  base = cut_sheet_name (clean->str, SHEET_NAME_MAX);
  if (base[0] == '\0')
    {
      g_free (base);
      base = g_strdup_printf ("%u", index + 1);
    }
  unique = g_strdup (base);
  for (guint n = 2; name_take (used, unique); n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);
      g_autofree char *cut = cut_sheet_name (base, SHEET_NAME_MAX - strlen (suffix));

      g_free (unique);
      unique = g_strconcat (cut, suffix, NULL);
    }
  return unique;
}

static char *
cut_text (const char *text,
          guint       max)
{
  if (strlen (text) <= max || (guint) g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  return g_utf8_substring (text, 0, max);
}

/* A table's column names: not empty, on one line, unique whatever the
 * case (Excel repairs a file whose table breaks any of these). */
static GStrv
make_headers (const EscaleReportTable *table,
              const char              *total_header)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = table->n_columns + (table->total_column ? 1 : 0);
  GStrv headers = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *given = i < table->n_columns ? table->headers[i] : total_header;
      g_autofree char *base = cut_text (given != NULL ? given : "", 250);
      char *header;

      g_strdelimit (base, "\t\r\n", ' ');
      g_strstrip (base);
      if (base[0] == '\0')
        {
          g_free (base);
          base = g_strdup_printf ("#%u", i + 1);
        }
      header = g_strdup (base);
      for (guint k = 2; name_take (used, header); k++)
        {
          g_free (header);
          header = g_strdup_printf ("%s (%u)", base, k);
        }
      headers[i] = header;
    }
  return headers;
}

/* Widths */

static void
note_width (Sheet     *sheet,
            lxw_col_t  col,
            guint      width)
{
  if (col >= sheet->widths->len)
    g_array_set_size (sheet->widths, col + 1);
  if (width > g_array_index (sheet->widths, guint, col))
    g_array_index (sheet->widths, guint, col) = width;
}

static guint
text_width (const char *text)
{
  return text != NULL ? (guint) g_utf8_strlen (text, 256) : 0;
}

/* The characters a number takes as its format shows it. */
static guint
number_width (EscaleCellKind kind,
              double         number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double shown = kind == ESCALE_CELL_PERCENT ? number * 100 : number;
  guint digits = strlen (g_ascii_formatd (buffer, sizeof buffer, "%.0f", fabs (shown)));
  guint width = digits + (digits - 1) / 3 + (shown < 0 ? 1 : 0);

  switch (kind)
    {
    case ESCALE_CELL_HOURS:
      return width + 2;
    case ESCALE_CELL_EUROS:
      return width + 5;
    case ESCALE_CELL_PERCENT:
      return digits + 1;
    default:
      return width;
    }
}

static lxw_error
set_widths (Sheet *sheet)
{
  for (guint col = 0; col < sheet->widths->len; col++)
    {
      guint width = CLAMP (g_array_index (sheet->widths, guint, col) + 2, WIDTH_MIN, WIDTH_MAX);
      lxw_error err = worksheet_set_column (sheet->worksheet, col, col, width, NULL);

      if (err != LXW_NO_ERROR)
        return err;
    }
  return LXW_NO_ERROR;
}

/* Cells */

static gboolean
parse_date (const char   *iso,
            lxw_datetime *datetime)
{
  int year, month, day;
  char end;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy (day, month, year) || year < 1900)
    return FALSE;
  *datetime = (lxw_datetime) { year, month, day, 0, 0, 0 };
  return TRUE;
}

static lxw_error
write_text (Sheet       *sheet,
            lxw_row_t    row,
            lxw_col_t    col,
            const char  *text,
            lxw_format  *format)
{
  g_autofree char *cut = cut_text (text != NULL ? text : "", CELL_TEXT_MAX);

  note_width (sheet, col, text_width (cut));
  if (cut[0] == '\0')
    return format != NULL ? worksheet_write_blank (sheet->worksheet, row, col, format)
                          : LXW_NO_ERROR;
  return worksheet_write_string (sheet->worksheet, row, col, cut, format);
}

/* Writes @cell; @total: in a total row. */
static lxw_error
write_cell (Writer                  *writer,
            Sheet                   *sheet,
            lxw_row_t                row,
            lxw_col_t                col,
            const EscaleReportTable *table,
            const EscaleReportCell  *cell,
            gboolean                 total)
{
  lxw_format *format = (total ? writer->total_formats : writer->cell_formats)[cell->kind];
  lxw_datetime datetime;

  if (escale_report_cell_is_masked (table, cell))
    return write_text (sheet, row, col, "<5",
                       total ? writer->masked_total_format : writer->masked_format);
  switch (cell->kind)
    {
    case ESCALE_CELL_EMPTY:
      return format != NULL ? worksheet_write_blank (sheet->worksheet, row, col, format)
                            : LXW_NO_ERROR;
    case ESCALE_CELL_TEXT:
      return write_text (sheet, row, col, cell->text, format);
    case ESCALE_CELL_DATE:
      if (!parse_date (cell->text, &datetime))
        return write_text (sheet, row, col, cell->text, format);
      note_width (sheet, col, 10);
      return worksheet_write_datetime (sheet->worksheet, row, col, &datetime, format);
    case ESCALE_CELL_COUNT:
    case ESCALE_CELL_INTEGER:
    case ESCALE_CELL_HOURS:
    case ESCALE_CELL_EUROS:
    case ESCALE_CELL_PERCENT:
    default:
      /* Excel has no NaN nor infinity: a file holding one needs repairing */
      if (!isfinite (cell->number))
        return format != NULL ? worksheet_write_blank (sheet->worksheet, row, col, format)
                              : LXW_NO_ERROR;
      note_width (sheet, col, number_width (cell->kind, cell->number));
      return worksheet_write_number (sheet->worksheet, row, col, cell->number, format);
    }
}

/* Writes =SUM(@args) showing @value, or @value alone when @args is NULL
 * (the range holds a "<5") or @value is masked. */
static lxw_error
write_total (Writer                  *writer,
             Sheet                   *sheet,
             lxw_row_t                row,
             lxw_col_t                col,
             const EscaleReportTable *table,
             EscaleCellKind           kind,
             double                   value,
             const char              *args,
             gboolean                 in_total_row)
{
  EscaleReportCell cell = { kind, value, NULL };
  lxw_format *format = (in_total_row ? writer->total_formats : writer->cell_formats)[kind];
  g_autofree char *formula = NULL;

  if (args == NULL || !isfinite (value) || escale_report_cell_is_masked (table, &cell))
    return write_cell (writer, sheet, row, col, table, &cell, in_total_row);
  formula = g_strdup_printf ("=SUM(%s)", args);
  note_width (sheet, col, number_width (kind, value));
  return worksheet_write_formula_num (sheet->worksheet, row, col, formula, format, value);
}

/* The cells of @row that its total sums (see
 * escale_report_table_row_kind()), as SUM's arguments ("B5:D5,F5"), or
 * NULL when one of them shows "<5". */
static char *
row_sum_args (const EscaleReportTable *table,
              const EscaleReportCell  *cells,
              lxw_row_t                row)
{
  g_autoptr(GString) args = g_string_new (NULL);
  EscaleCellKind kind = escale_report_table_row_kind (table, cells);
  guint col = 0;

  while (col < table->n_columns)
    {
      char range[LXW_MAX_CELL_RANGE_LENGTH];
      guint end;

      if (cells[col].kind != kind)
        {
          col++;
          continue;
        }
      for (end = col; end < table->n_columns && cells[end].kind == kind; end++)
        if (escale_report_cell_is_masked (table, &cells[end]))
          return NULL;
      lxw_rowcol_to_range (range, row, col, row, end - 1);
      if (args->len > 0)
        g_string_append_c (args, ',');
      g_string_append (args, range);
      col = end;
    }
  if (args->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&args), FALSE);
}

/* Tables */

static lxw_error
add_excel_table (Writer *writer,
                 Sheet  *sheet,
                 Placed *placed)
{
  g_auto(GStrv) headers = make_headers (placed->table, total_label (writer));
  g_autofree lxw_table_column *columns = g_new0 (lxw_table_column, placed->n_columns);
  g_autofree lxw_table_column **pointers = g_new0 (lxw_table_column *, placed->n_columns + 1);
  lxw_table_options options = { 0 };

  for (lxw_col_t col = 0; col < placed->n_columns; col++)
    {
      columns[col].header = headers[col];
      pointers[col] = &columns[col];
      /* Room for the filter's button */
      note_width (sheet, col, text_width (headers[col]) + 3);
    }
  options.columns = pointers;
  return worksheet_add_table (sheet->worksheet, placed->header_row, 0, placed->last_row,
                              placed->n_columns - 1, &options);
}

static lxw_error
write_row (Writer                 *writer,
           Sheet                  *sheet,
           Placed                 *placed,
           const EscaleReportCell *cells,
           lxw_row_t               row)
{
  const EscaleReportTable *table = placed->table;
  lxw_error err = LXW_NO_ERROR;

  for (guint col = 0; col < table->n_columns && err == LXW_NO_ERROR; col++)
    {
      err = write_cell (writer, sheet, row, col, table, &cells[col], FALSE);
      if (escale_report_cell_is_masked (table, &cells[col]))
        placed->has_string[col] = TRUE;
    }
  if (err == LXW_NO_ERROR && table->total_column)
    {
      g_autofree char *args = row_sum_args (table, cells, row);
      EscaleCellKind kind = escale_report_table_row_kind (table, cells);
      EscaleReportCell total = { kind, escale_report_table_row_sum (table, cells), NULL };

      if (escale_report_cell_is_masked (table, &total))
        placed->has_string[table->n_columns] = TRUE;
      err = write_total (writer, sheet, row, table->n_columns, table, kind,
                         total.number, args, FALSE);
    }
  return err;
}

static lxw_error
write_total_row (Writer *writer,
                 Sheet  *sheet,
                 Placed *placed,
                 lxw_row_t row)
{
  const EscaleReportTable *table = placed->table;
  lxw_error err = write_text (sheet, row, 0, total_label (writer),
                              writer->total_formats[ESCALE_CELL_TEXT]);

  for (lxw_col_t col = 1; col < placed->n_columns && err == LXW_NO_ERROR; col++)
    {
      EscaleCellKind kind = escale_report_table_column_kind (table, col);
      char range[LXW_MAX_CELL_RANGE_LENGTH];

      if (!escale_cell_kind_is_summed (kind))
        {
          err = worksheet_write_blank (sheet->worksheet, row, col,
                                       writer->total_formats[ESCALE_CELL_EMPTY]);
          continue;
        }
      lxw_rowcol_to_range (range, placed->first_row, col, placed->last_row, col);
      err = write_total (writer, sheet, row, col, table, kind,
                         escale_report_table_sum (table, col),
                         placed->has_string[col] ? NULL : range, TRUE);
    }
  return err;
}

static lxw_error
insert_chart (Writer *writer,
              Sheet  *sheet,
              Placed *placed)
{
  const EscaleReportTable *table = placed->table;
  lxw_chart *chart;
  guint last = MIN (table->chart_last_series, table->n_columns - 1);

  if (table->rows->len == 0 || table->chart_first_series < 1 || table->chart_first_series > last)
    return LXW_NO_ERROR;
  chart = workbook_add_chart (writer->workbook, table->chart == ESCALE_CHART_LINE
                                                ? LXW_CHART_LINE : LXW_CHART_COLUMN);
  if (chart == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  for (guint col = table->chart_first_series; col <= last; col++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      if (series == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
      chart_series_set_categories (series, sheet->name, placed->first_row, 0,
                                   placed->last_row, 0);
      chart_series_set_values (series, sheet->name, placed->first_row, col,
                               placed->last_row, col);
      chart_series_set_name_range (series, sheet->name, placed->header_row, col);
    }
  /* A name starting with "=" would be read as a reference */
  if (table->title != NULL && table->title[0] != '=' && table->title[0] != '\0')
    chart_title_set_name (chart, table->title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  return worksheet_insert_chart (sheet->worksheet, placed->top, placed->n_columns + 1, chart);
}

static gboolean
write_table (Writer                  *writer,
             Sheet                   *sheet,
             const EscaleReportTable *table,
             GError                 **error)
{
  g_autofree gboolean *has_string = g_new0 (gboolean, table->n_columns + 1);
  Placed placed = { table, sheet->row, 0, 0, 0, 0, has_string };
  lxw_error err = LXW_NO_ERROR;

  if (table->title != NULL)
    err = worksheet_write_string (sheet->worksheet, sheet->row++, 0, table->title,
                                  writer->title_format);
  placed.header_row = sheet->row;
  placed.first_row = placed.header_row + 1;
  /* Excel's tables have a data row at least: an empty table shows one blank */
  placed.last_row = placed.header_row + MAX (table->rows->len, 1);
  placed.n_columns = table->n_columns + (table->total_column ? 1 : 0);
  if (err == LXW_NO_ERROR)
    err = add_excel_table (writer, sheet, &placed);
  if (err == LXW_NO_ERROR && !sheet->frozen)
    {
      worksheet_freeze_panes (sheet->worksheet, placed.first_row, 0);
      sheet->frozen = TRUE;
    }
  for (guint i = 0; i < table->rows->len && err == LXW_NO_ERROR; i++)
    {
      err = write_row (writer, sheet, &placed, g_ptr_array_index (table->rows, i),
                       placed.first_row + i);
      if (err == LXW_NO_ERROR && !row_done (writer, error))
        return FALSE;
    }
  sheet->row = placed.last_row + 1;
  if (err == LXW_NO_ERROR && table->total_row)
    err = write_total_row (writer, sheet, &placed, sheet->row++);
  if (err == LXW_NO_ERROR && table->note != NULL)
    err = worksheet_write_string (sheet->worksheet, sheet->row++, 0, table->note,
                                  writer->note_format);
  if (err == LXW_NO_ERROR && table->chart != ESCALE_CHART_NONE && table->rows->len > 0)
    {
      err = insert_chart (writer, sheet, &placed);
      sheet->row = MAX (sheet->row, placed.top + CHART_ROWS);
    }
  sheet->row++;
  if (err != LXW_NO_ERROR)
    {
      set_lxw_error (error, err, sheet->name);
      return FALSE;
    }
  return TRUE;
}

/* Sheets */

static lxw_error
write_lines (Writer                  *writer,
             Sheet                   *sheet,
             const EscaleReportSheet *model)
{
  lxw_error err = LXW_NO_ERROR;

  for (guint i = 0; i < model->lines->len && err == LXW_NO_ERROR; i++)
    {
      const EscaleReportCell *line = g_ptr_array_index (model->lines, i);

      err = write_text (sheet, sheet->row, 0, line[0].text, writer->label_format);
      if (err == LXW_NO_ERROR)
        err = write_cell (writer, sheet, sheet->row, 1, NULL, &line[1], FALSE);
      sheet->row++;
      writer->rows_done++;
    }
  if (model->lines->len > 0)
    sheet->row++;
  return err;
}

static gboolean
write_sheet (Writer                  *writer,
             const EscaleReportSheet *model,
             const char              *name,
             GError                 **error)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  Sheet sheet = { NULL, name, widths, 0, FALSE };
  lxw_error err;

  sheet.worksheet = workbook_add_worksheet (writer->workbook, name);
  if (sheet.worksheet == NULL)
    {
      set_lxw_error (error, LXW_ERROR_PARAMETER_VALIDATION, name);
      return FALSE;
    }
  if (model->right_to_left)
    worksheet_right_to_left (sheet.worksheet);
  err = write_lines (writer, &sheet, model);
  if (err != LXW_NO_ERROR)
    {
      set_lxw_error (error, err, name);
      return FALSE;
    }
  for (guint i = 0; i < model->tables->len; i++)
    if (!check_cancelled (writer, error)
        || !write_table (writer, &sheet, g_ptr_array_index (model->tables, i), error))
      return FALSE;
  err = set_widths (&sheet);
  if (err != LXW_NO_ERROR)
    {
      set_lxw_error (error, err, name);
      return FALSE;
    }
  return TRUE;
}

/* The workbook */

static lxw_format *
add_format (lxw_workbook *workbook,
            const char   *number_format,
            gboolean      bold,
            gboolean      total)
{
  lxw_format *format = workbook_add_format (workbook);

  if (number_format != NULL)
    format_set_num_format (format, number_format);
  if (bold)
    format_set_bold (format);
  if (total)
    format_set_top (format, LXW_BORDER_THIN);
  return format;
}

static void
add_formats (Writer *writer)
{
  lxw_workbook *workbook = writer->workbook;

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      writer->cell_formats[kind] = number_formats[kind] != NULL
                                   ? add_format (workbook, number_formats[kind], FALSE, FALSE)
                                   : NULL;
      writer->total_formats[kind] = add_format (workbook, number_formats[kind], TRUE, TRUE);
    }
  writer->masked_format = add_format (workbook, NULL, FALSE, FALSE);
  format_set_align (writer->masked_format, LXW_ALIGN_RIGHT);
  writer->masked_total_format = add_format (workbook, NULL, TRUE, TRUE);
  format_set_align (writer->masked_total_format, LXW_ALIGN_RIGHT);
  writer->label_format = add_format (workbook, NULL, TRUE, FALSE);
  writer->title_format = add_format (workbook, NULL, TRUE, FALSE);
  format_set_font_size (writer->title_format, 13);
  writer->note_format = add_format (workbook, NULL, FALSE, FALSE);
  format_set_italic (writer->note_format);
}

static lxw_error
set_properties (Writer *writer)
{
  const EscaleReport *report = writer->report;
  lxw_doc_properties properties = {
    .title = report->title,
    .author = report->author,
    .company = report->author,
    .created = report->created != NULL ? g_date_time_to_unix (report->created) : 0,
  };

  return workbook_set_properties (writer->workbook, &properties);
}

static guint64
count_rows (const EscaleReport *report)
{
  guint64 rows = 1;

  for (guint i = 0; i < report->sheets->len; i++)
    {
      const EscaleReportSheet *sheet = g_ptr_array_index (report->sheets, i);

      rows += sheet->lines->len;
      for (guint k = 0; k < sheet->tables->len; k++)
        rows += ((EscaleReportTable *) g_ptr_array_index (sheet->tables, k))->rows->len;
    }
  return rows;
}

static gboolean
write_sheets (Writer  *writer,
              GError **error)
{
  const EscaleReport *report = writer->report;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_error err;

  /* Excel keeps this name for itself */
  name_take (used, "History");
  err = set_properties (writer);
  if (err != LXW_NO_ERROR)
    {
      set_lxw_error (error, err, "");
      return FALSE;
    }
  add_formats (writer);
  for (guint i = 0; i < report->sheets->len; i++)
    {
      const EscaleReportSheet *sheet = g_ptr_array_index (report->sheets, i);
      g_autofree char *name = make_sheet_name (sheet->name, i, used);

      if (!check_cancelled (writer, error) || !write_sheet (writer, sheet, name, error))
        return FALSE;
    }
  return TRUE;
}

/* Builds the workbook in @tmp_path, to become @path; the file is complete
 * when it returns TRUE. */
static gboolean
write_workbook (Writer      *writer,
                const char  *tmp_path,
                const char  *path,
                GError     **error)
{
  g_autofree char *display = NULL;
  lxw_error err;
  int saved_errno;

  writer->workbook = workbook_new (tmp_path);
  if (writer->workbook == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not start the spreadsheet: not enough memory"));
      return FALSE;
    }
  if (!write_sheets (writer, error))
    {
      g_clear_pointer (&writer->workbook, lxw_workbook_free);
      return FALSE;
    }
  errno = 0;
  err = workbook_close (g_steal_pointer (&writer->workbook));
  saved_errno = errno;
  if (err == LXW_NO_ERROR)
    return TRUE;
  display = g_filename_display_name (path);
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 /* Translators: %s is a file's name */
                 _("The disk is full: the spreadsheet “%s” was not written. "
                   "Free some space, then try again."), display);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s are a file's name and a technical reason */
                 _("Could not write the spreadsheet “%s”: %s"), display, lxw_strerror (err));
  return FALSE;
}

/* Files */

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 gboolean     folder)
{
  g_autofree char *display = g_filename_display_name (path);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  if (folder && saved_errno == ENOENT)
    g_set_error (error, G_IO_ERROR, code, _("The folder “%s” does not exist"), display);
  else if (folder && (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS))
    g_set_error (error, G_IO_ERROR, code, _("The folder “%s” cannot be written to"), display);
  else if (folder && saved_errno == ENOTDIR)
    g_set_error (error, G_IO_ERROR, code, _("“%s” is not a folder"), display);
  else if (saved_errno == EISDIR)
    g_set_error (error, G_IO_ERROR, code, _("“%s” is a folder"), display);
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, code, _("There is no space left to write “%s”"), display);
  else
    g_set_error (error, G_IO_ERROR, code,
                 /* Translators: %s are a file's name and the system's reason */
                 _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

/* A new empty file beside @path, hidden, whose name the caller frees. */
static char *
create_temporary (const char  *path,
                  GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      set_errno_error (error, g_file_test (folder, G_FILE_TEST_EXISTS) ? ENOTDIR : ENOENT,
                       folder, TRUE);
      return NULL;
    }
  escale_remove_leftovers (folder, ".escale-report-", ".tmp");
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".escale-report-%08x.tmp", g_random_int ());
      char *tmp_path = g_build_filename (folder, name, NULL);
      int fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          return tmp_path;
        }
      g_free (tmp_path);
      if (saved_errno != EEXIST)
        {
          set_errno_error (error, saved_errno, folder, TRUE);
          return NULL;
        }
    }
  set_errno_error (error, EEXIST, folder, TRUE);
  return NULL;
}

/* Flushes @tmp_path to the disk and renames it @path. */
static gboolean
move_into_place (const char  *tmp_path,
                 const char  *path,
                 GError     **error)
{
  int fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      set_errno_error (error, saved_errno, path, FALSE);
      return FALSE;
    }
  close (fd);
  if (g_rename (tmp_path, path) != 0)
    {
      set_errno_error (error, errno, path, FALSE);
      return FALSE;
    }
  return TRUE;
}

/* The thread's locale with C's numbers, or 0. */
static locale_t
new_c_numeric_locale (void)
{
  locale_t base = duplocale (uselocale ((locale_t) 0));
  locale_t numeric;

  if (base == (locale_t) 0)
    return (locale_t) 0;
  numeric = newlocale (LC_NUMERIC_MASK, "C", base);
  if (numeric == (locale_t) 0)
    freelocale (base);
  return numeric;
}

/**
 * escale_report_write_xlsx:
 *
 * See escale-report-model.h.
 */
gboolean
escale_report_write_xlsx (const EscaleReport *report,
                          const char         *path,
                          void              (*progress) (double   fraction,
                                                         gpointer data),
                          gpointer            progress_data,
                          GCancellable       *cancellable,
                          GError            **error)
{
  Writer writer = { .report = report, .cancellable = cancellable, .progress = progress,
                    .progress_data = progress_data };
  g_autofree char *tmp_path = NULL;
  locale_t numeric, old;
  gboolean ok;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_cancelled (&writer, error))
    return FALSE;
  numeric = new_c_numeric_locale ();
  if (numeric == (locale_t) 0)
    {
      set_errno_error (error, errno, path, FALSE);
      return FALSE;
    }
  tmp_path = create_temporary (path, error);
  if (tmp_path == NULL)
    {
      freelocale (numeric);
      return FALSE;
    }
  writer.rows_total = count_rows (report);
  report_progress (&writer, 0);

  old = uselocale (numeric);
  ok = write_workbook (&writer, tmp_path, path, error);
  uselocale (old);
  freelocale (numeric);

  ok = ok && check_cancelled (&writer, error) && move_into_place (tmp_path, path, error);
  if (!ok)
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  report_progress (&writer, 1);
  return TRUE;
}
