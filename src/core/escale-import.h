/* escale-import.h — importing people from a CSV file or an XLSX workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  line;     /* 1-based line of the file where the record starts, or row of the sheet */
  char  *column;   /* the column's name, as in the header */
  char  *message;  /* translated reason */
} EscaleImportProblem;

typedef struct
{
  guint      created;
  guint      updated;
  GPtrArray *problems;         /* EscaleImportProblem; non-empty means nothing was written */
  GPtrArray *unknown_columns;  /* char *, columns of the header that were ignored */
  gboolean   from_windows_1252;  /* the file was not UTF-8, and was read as Windows-1252 */
  char      *sheet_name;       /* of a workbook, the first sheet, which was read; or NULL */
  guint      n_sheets;         /* of a workbook, how many sheets it has; 0 for CSV */
} EscaleImportReport;

void                escale_import_report_free (EscaleImportReport *report);
char               *escale_import_problem_to_string (const EscaleImportProblem *problem);
EscaleImportReport *escale_import_people      (EscaleStore   *store,
                                               const char    *path,
                                               gboolean       dry_run,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleImportReport, escale_import_report_free)

G_END_DECLS
