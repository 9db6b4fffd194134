/* escale-report-model.h — a report as sheets of tables, ready to preview or write
 *
 * A report is built once (escale-report.c computes the figures) into this
 * model, which knows nothing of SQL: the Reports page previews it and
 * escale_report_write_xlsx() writes it as a workbook. Every text in it is
 * already translated into the report's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a cell holds, which decides its number format. */
typedef enum {
  ESCALE_CELL_EMPTY,
  ESCALE_CELL_TEXT,
  ESCALE_CELL_COUNT,    /* a number of people or actions: masked "<5" from 1 to 4 */
  ESCALE_CELL_INTEGER,  /* a whole number never masked (a target, an age) */
  ESCALE_CELL_HOURS,    /* hours, one decimal */
  ESCALE_CELL_EUROS,    /* euros, two decimals */
  ESCALE_CELL_DATE,     /* text holds YYYY-MM-DD; written as a date */
  ESCALE_CELL_PERCENT,  /* number is a fraction: 0.25 is 25 % */
} EscaleCellKind;

typedef struct
{
  EscaleCellKind  kind;
  double          number;
  char           *text;   /* for TEXT and DATE */
} EscaleReportCell;

typedef enum {
  ESCALE_CHART_NONE,
  ESCALE_CHART_COLUMN,
  ESCALE_CHART_LINE,
} EscaleChartType;

/* A table: a header row, rows, and optionally a total row and column.
 * Totals are formulas (SUM) in the workbook so that they can be audited;
 * they cover the COUNT, INTEGER, HOURS and EUROS columns. A total over a
 * cell showing "<5" is written as its value (SUM would skip the text); in
 * a masked table a total from 1 to 4 shows "<5" too. A column's kind is
 * that of its cells: the total row of a table without rows shows only its
 * label (and 0 in the total column). */
typedef struct
{
  char            *title;         /* a heading above the table, or NULL */
  guint            n_columns;
  char           **headers;       /* n_columns, NULL-terminated */
  GPtrArray       *rows;          /* of EscaleReportCell[n_columns] (g_free) */
  gboolean         total_row;     /* a last row "Total" (label in column 0) */
  gboolean         total_column;  /* a last column summing each row's cells of the kind
                                   * of its first COUNT, HOURS or EUROS cell */
  gboolean         masked;        /* COUNT cells from 1 to 4 show "<5" */
  EscaleChartType  chart;         /* categories: column 0; series: the others */
  guint            chart_first_series;  /* first column drawn, 1 or more */
  guint            chart_last_series;   /* last column drawn */
  char            *note;          /* a line under the table, or NULL */
} EscaleReportTable;

/* One sheet: lines of label and value at the top, then tables. */
typedef struct
{
  char       *name;       /* at most 31 characters, none of []:*?/\ */
  GPtrArray  *lines;      /* of EscaleReportCell[2]: label, value (g_free) */
  GPtrArray  *tables;     /* of EscaleReportTable */
  gboolean    right_to_left;
} EscaleReportSheet;

typedef struct
{
  char       *title;       /* the document's title */
  char       *author;      /* the association */
  char       *language;    /* of every text in it */
  GDateTime  *created;
  GPtrArray  *sheets;      /* of EscaleReportSheet, in order */
  char       *total_label; /* of total rows and columns: "Total" until set */
} EscaleReport;

EscaleReport      *escale_report_new            (const char        *title,
                                                 const char        *author,
                                                 const char        *language);
void               escale_report_free           (EscaleReport      *report);
/* The label of total rows and columns, in the report's language: the
 * default is "Total", to translate with
 * escale_catalog_pgettext (catalog, "report", "Total"). */
void               escale_report_set_total_label (EscaleReport     *report,
                                                  const char       *label);
EscaleReportSheet *escale_report_add_sheet      (EscaleReport      *report,
                                                 const char        *name);
EscaleReportSheet *escale_report_find_sheet     (EscaleReport      *report,
                                                 const char        *name);
/* Takes @value's text: pass a cell made by escale_report_cell_text(),
 * _number() or _date(). */
void               escale_report_sheet_add_line (EscaleReportSheet *sheet,
                                                 const char        *label,
                                                 EscaleReportCell   value);
/* @headers: NULL-terminated; n_columns is their number. Headers should be
 * unique and not empty: the workbook makes them so (Excel's tables need
 * it) by numbering duplicates. The chart, when set, draws columns 1 to
 * n_columns - 1. */
EscaleReportTable *escale_report_sheet_add_table (EscaleReportSheet *sheet,
                                                  const char        *title,
                                                  const char *const *headers);
/* Copies @note (NULL: none). */
void               escale_report_table_set_note (EscaleReportTable *table,
                                                 const char        *note);
/* Draws the columns @first_series to @last_series (1 or more, below
 * n_columns) against the categories of column 0. */
void               escale_report_table_set_chart (EscaleReportTable *table,
                                                  EscaleChartType    chart,
                                                  guint              first_series,
                                                  guint              last_series);
/* Adds a row of table->n_columns cells and returns it to fill; every cell
 * starts EMPTY. Texts given to the cell setters are copied. */
EscaleReportCell  *escale_report_table_add_row  (EscaleReportTable *table);
void               escale_report_cell_set_text  (EscaleReportCell  *cell,
                                                 const char        *text);
void               escale_report_cell_set_number (EscaleReportCell *cell,
                                                  EscaleCellKind    kind,
                                                  double            number);
void               escale_report_cell_set_date  (EscaleReportCell  *cell,
                                                 const char        *iso_date);
EscaleReportCell   escale_report_cell_text      (const char        *text);
EscaleReportCell   escale_report_cell_number    (EscaleCellKind     kind,
                                                 double             number);
EscaleReportCell   escale_report_cell_date      (const char        *iso_date);
/* Whether @cell shows "<5" in @table (NULL: a sheet's line, never masked):
 * a COUNT above 0 and below 5 in a masked table. */
gboolean           escale_report_cell_is_masked (const EscaleReportTable *table,
                                                 const EscaleReportCell  *cell);
/* Whether a total row sums the cells of @kind: COUNT, INTEGER, HOURS, EUROS. */
gboolean           escale_cell_kind_is_summed   (EscaleCellKind           kind);
/* The sum of @column over the table's rows (what its total shows);
 * @column n_columns is the total column. */
double             escale_report_table_sum      (const EscaleReportTable *table,
                                                 guint                    column);
/* The sum of @row's cells of its kind (what its total column shows). */
/* The kind the total column sums on @row: that of its first COUNT, HOURS
 * or EUROS cell (COUNT when it has none). */
EscaleCellKind     escale_report_table_row_kind (const EscaleReportTable *table,
                                                 const EscaleReportCell  *row);
double             escale_report_table_row_sum  (const EscaleReportTable *table,
                                                 const EscaleReportCell  *row);
/* The kind of @column: that of its first cell not EMPTY, EMPTY when none;
 * for n_columns, the total column, that of its first row's total. Its
 * total has this kind. */
EscaleCellKind     escale_report_table_column_kind (const EscaleReportTable *table,
                                                    guint                    column);
/* The cell as the preview shows it, in the current locale ("1 237,5");
 * @table NULL for a sheet's line. */
char              *escale_report_cell_format    (const EscaleReportTable *table,
                                                 const EscaleReportCell  *cell);

/* Writes @report as an XLSX workbook at @path: written beside it under a
 * temporary name and renamed into place, so that a failure or a
 * cancellation leaves no file (and an older file at @path untouched).
 * Numbers are written the same under any locale. @progress, when not
 * NULL, is called with the fraction done (from the calling thread).
 * Each table is an Excel table under its title, with its note under it
 * and its chart on its right; panes are frozen under a sheet's first
 * table's header. Sheet names are made valid: forbidden characters
 * replaced, cut to 31 characters, numbered " (2)" when two are the same
 * whatever their case. Errors are G_IO_ERROR, with translated messages. */
gboolean           escale_report_write_xlsx     (const EscaleReport *report,
                                                 const char         *path,
                                                 void              (*progress) (double   fraction,
                                                                                gpointer data),
                                                 gpointer            progress_data,
                                                 GCancellable       *cancellable,
                                                 GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleReport, escale_report_free)

G_END_DECLS
