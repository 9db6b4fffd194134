/* escale-report-model.c — a report as sheets of tables, ready to preview or write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-report-model.h"

/* The default label of total rows and columns, to translate into the
 * report's language with escale_catalog_pgettext (catalog, "report", …). */
static const char *const total_msgid = NC_("report", "Total");

static void
cells_clear (EscaleReportCell *cells,
             guint             n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    g_clear_pointer (&cells[i].text, g_free);
}

static void
rows_free (GPtrArray *rows,
           guint      n_columns)
{
  for (guint i = 0; i < rows->len; i++)
    cells_clear (g_ptr_array_index (rows, i), n_columns);
  g_ptr_array_unref (rows);
}

static void
table_free (EscaleReportTable *table)
{
  g_free (table->title);
  g_strfreev (table->headers);
  rows_free (table->rows, table->n_columns);
  g_free (table->note);
  g_free (table);
}

static void
sheet_free (EscaleReportSheet *sheet)
{
  g_free (sheet->name);
  rows_free (sheet->lines, 2);
  g_ptr_array_unref (sheet->tables);
  g_free (sheet);
}

EscaleReport *
escale_report_new (const char *title,
                   const char *author,
                   const char *language)
{
  EscaleReport *report = g_new0 (EscaleReport, 1);

  report->title = g_strdup (title);
  report->author = g_strdup (author);
  report->language = g_strdup (language);
  report->created = g_date_time_new_now_local ();
  report->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  report->total_label = g_strdup (total_msgid);
  return report;
}

void
escale_report_free (EscaleReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->author);
  g_free (report->language);
  g_clear_pointer (&report->created, g_date_time_unref);
  g_ptr_array_unref (report->sheets);
  g_free (report->total_label);
  g_free (report);
}

void
escale_report_set_total_label (EscaleReport *report,
                               const char   *label)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (label != NULL);

  g_free (report->total_label);
  report->total_label = g_strdup (label);
}

EscaleReportSheet *
escale_report_add_sheet (EscaleReport *report,
                         const char   *name)
{
  EscaleReportSheet *sheet;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  sheet = g_new0 (EscaleReportSheet, 1);
  sheet->name = g_strdup (name);
  sheet->lines = g_ptr_array_new_with_free_func (g_free);
  sheet->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_ptr_array_add (report->sheets, sheet);
  return sheet;
}

EscaleReportSheet *
escale_report_find_sheet (EscaleReport *report,
                          const char   *name)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < report->sheets->len; i++)
    {
      EscaleReportSheet *sheet = g_ptr_array_index (report->sheets, i);

      if (g_strcmp0 (sheet->name, name) == 0)
        return sheet;
    }
  return NULL;
}

void
escale_report_sheet_add_line (EscaleReportSheet *sheet,
                              const char        *label,
                              EscaleReportCell   value)
{
  EscaleReportCell *line;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (label != NULL);

  line = g_new0 (EscaleReportCell, 2);
  escale_report_cell_set_text (&line[0], label);
  line[1] = value;
  g_ptr_array_add (sheet->lines, line);
}

EscaleReportTable *
escale_report_sheet_add_table (EscaleReportSheet *sheet,
                               const char        *title,
                               const char *const *headers)
{
  EscaleReportTable *table;

  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (headers != NULL && headers[0] != NULL, NULL);

  table = g_new0 (EscaleReportTable, 1);
  table->title = g_strdup (title);
  table->headers = g_strdupv ((char **) headers);
  table->n_columns = g_strv_length (table->headers);
  table->rows = g_ptr_array_new_with_free_func (g_free);
  table->chart = ESCALE_CHART_NONE;
  table->chart_first_series = 1;
  table->chart_last_series = MAX (table->n_columns, 2) - 1;
  g_ptr_array_add (sheet->tables, table);
  return table;
}

EscaleReportCell *
escale_report_table_add_row (EscaleReportTable *table)
{
  EscaleReportCell *row;

  g_return_val_if_fail (table != NULL, NULL);

  row = g_new0 (EscaleReportCell, table->n_columns);
  g_ptr_array_add (table->rows, row);
  return row;
}

void
escale_report_table_set_note (EscaleReportTable *table,
                              const char        *note)
{
  g_return_if_fail (table != NULL);

  g_free (table->note);
  table->note = g_strdup (note);
}

void
escale_report_table_set_chart (EscaleReportTable *table,
                               EscaleChartType    chart,
                               guint              first_series,
                               guint              last_series)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (first_series >= 1 && first_series <= last_series);
  g_return_if_fail (last_series < table->n_columns);

  table->chart = chart;
  table->chart_first_series = first_series;
  table->chart_last_series = last_series;
}

void
escale_report_cell_set_text (EscaleReportCell *cell,
                             const char       *text)
{
  char *copy = g_strdup (text);

  g_return_if_fail (cell != NULL);

  g_free (cell->text);
  cell->kind = ESCALE_CELL_TEXT;
  cell->number = 0;
  cell->text = copy;
}

void
escale_report_cell_set_number (EscaleReportCell *cell,
                               EscaleCellKind    kind,
                               double            number)
{
  g_return_if_fail (cell != NULL);
  g_return_if_fail (kind != ESCALE_CELL_TEXT && kind != ESCALE_CELL_DATE);
  g_return_if_fail (kind <= ESCALE_CELL_PERCENT);

  g_clear_pointer (&cell->text, g_free);
  cell->kind = kind;
  cell->number = number;
}

void
escale_report_cell_set_date (EscaleReportCell *cell,
                             const char       *iso_date)
{
  char *copy = g_strdup (iso_date);

  g_return_if_fail (cell != NULL);

  g_free (cell->text);
  cell->kind = iso_date != NULL ? ESCALE_CELL_DATE : ESCALE_CELL_EMPTY;
  cell->number = 0;
  cell->text = copy;
}

EscaleReportCell
escale_report_cell_text (const char *text)
{
  EscaleReportCell cell = { ESCALE_CELL_EMPTY, 0, NULL };

  escale_report_cell_set_text (&cell, text);
  return cell;
}

EscaleReportCell
escale_report_cell_number (EscaleCellKind kind,
                           double         number)
{
  EscaleReportCell cell = { ESCALE_CELL_EMPTY, 0, NULL };

  escale_report_cell_set_number (&cell, kind, number);
  return cell;
}

EscaleReportCell
escale_report_cell_date (const char *iso_date)
{
  EscaleReportCell cell = { ESCALE_CELL_EMPTY, 0, NULL };

  escale_report_cell_set_date (&cell, iso_date);
  return cell;
}

gboolean
escale_report_cell_is_masked (const EscaleReportTable *table,
                              const EscaleReportCell  *cell)
{
  g_return_val_if_fail (cell != NULL, FALSE);

  return table != NULL && table->masked && cell->kind == ESCALE_CELL_COUNT
         && cell->number > 0 && cell->number < 5;
}

gboolean
escale_cell_kind_is_summed (EscaleCellKind kind)
{
  return kind == ESCALE_CELL_COUNT || kind == ESCALE_CELL_INTEGER
         || kind == ESCALE_CELL_HOURS || kind == ESCALE_CELL_EUROS;
}

EscaleCellKind
escale_report_table_row_kind (const EscaleReportTable *table,
                              const EscaleReportCell  *row)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (row[i].kind == ESCALE_CELL_COUNT || row[i].kind == ESCALE_CELL_HOURS ||
        row[i].kind == ESCALE_CELL_EUROS)
      return row[i].kind;
  return ESCALE_CELL_COUNT;
}

double
escale_report_table_row_sum (const EscaleReportTable *table,
                             const EscaleReportCell  *row)
{
  EscaleCellKind kind;
  double sum = 0;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row != NULL, 0);

  kind = escale_report_table_row_kind (table, row);
  for (guint i = 0; i < table->n_columns; i++)
    if (row[i].kind == kind)
      sum += row[i].number;
  return sum;
}

double
escale_report_table_sum (const EscaleReportTable *table,
                         guint                    column)
{
  double sum = 0;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (column <= table->n_columns, 0);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const EscaleReportCell *row = g_ptr_array_index (table->rows, i);

      if (column == table->n_columns)
        sum += escale_report_table_row_sum (table, row);
      else if (escale_cell_kind_is_summed (row[column].kind))
        sum += row[column].number;
    }
  return sum;
}

EscaleCellKind
escale_report_table_column_kind (const EscaleReportTable *table,
                                 guint                    column)
{
  g_return_val_if_fail (table != NULL, ESCALE_CELL_EMPTY);
  g_return_val_if_fail (column <= table->n_columns, ESCALE_CELL_EMPTY);

  if (column == table->n_columns)
    return table->rows->len > 0
           ? escale_report_table_row_kind (table, g_ptr_array_index (table->rows, 0))
           : ESCALE_CELL_COUNT;
  for (guint i = 0; i < table->rows->len; i++)
    {
      const EscaleReportCell *row = g_ptr_array_index (table->rows, i);

      if (row[column].kind != ESCALE_CELL_EMPTY)
        return row[column].kind;
    }
  return ESCALE_CELL_EMPTY;
}

char *
escale_report_cell_format (const EscaleReportTable *table,
                           const EscaleReportCell  *cell)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (cell != NULL, NULL);

  if (escale_report_cell_is_masked (table, cell))
    return g_strdup ("<5");
  switch (cell->kind)
    {
    case ESCALE_CELL_TEXT:
      return g_strdup (cell->text != NULL ? cell->text : "");
    case ESCALE_CELL_COUNT:
    case ESCALE_CELL_INTEGER:
      return g_strdup_printf ("%'.0f", cell->number);
    case ESCALE_CELL_HOURS:
      return g_strdup_printf ("%'.1f", cell->number);
    case ESCALE_CELL_EUROS:
      number = g_strdup_printf ("%'.2f", cell->number);
      /* Translators: an amount of money; %s is the number, written the way of
       * the current locale */
      return g_strdup_printf (_("%s €"), number);
    case ESCALE_CELL_PERCENT:
      number = g_strdup_printf ("%'.0f", cell->number * 100);
      /* Translators: a percentage; %s is the number. French writes “%s %%”
       * with a no-break space */
      return g_strdup_printf (_("%s%%"), number);
    case ESCALE_CELL_DATE:
      {
        g_autofree char *date = escale_date_format (cell->text, ESCALE_DATE_EXACT);

        if (date[0] != '\0')
          return g_steal_pointer (&date);
        return g_strdup (cell->text != NULL ? cell->text : "");
      }
    case ESCALE_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}
