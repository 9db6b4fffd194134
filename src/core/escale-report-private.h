/* escale-report-private.h — what the report's parts share while building it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "escale-catalog.h"
#include "escale-report.h"
#include "escale-report-settings.h"

G_BEGIN_DECLS

typedef struct
{
  EscaleStore               *store;
  const EscaleReportParams  *params;
  EscaleCatalog             *catalog;   /* of the report's language */
  EscaleReportSettings      *settings;
  gint64                     programme_id;  /* 0: every action */
  char                      *programme_name;
  EscaleReport              *report;
  GCancellable              *cancellable;
} EscaleReportContext;

/* Called on each row of a query. */
typedef void (*EscaleReportRowFunc) (sqlite3_stmt *stmt,
                                     gpointer      data);

/* Runs @sql, its parameters :from, :to and :programme bound from the
 * context's, calling @func on each row; checks the cancellable first. */
gboolean    escale_report_query       (EscaleReportContext  *ctx,
                                       const char           *sql,
                                       EscaleReportRowFunc   func,
                                       gpointer              data,
                                       GError              **error);
/* Translations into the report's language. */
const char *escale_report_tr          (EscaleReportContext  *ctx,
                                       const char           *msgid);
const char *escale_report_trc         (EscaleReportContext  *ctx,
                                       const char           *context,
                                       const char           *msgid);
/* A vocabulary label in the report's language (the caller frees it). */
char       *escale_report_vocab_label (EscaleReportContext  *ctx,
                                       const char           *kind,
                                       const char           *code);
/* "January 2026" in the report's language, for YYYY-MM. */
char       *escale_report_month_label (EscaleReportContext  *ctx,
                                       const char           *year_month);
/* The months from the period's first to its last, as YYYY-MM. */
GPtrArray  *escale_report_months      (EscaleReportContext  *ctx);
/* Adds a line to the top of @sheet, its label translated from @msgid;
 * takes @value's text. */
void        escale_report_add_line    (EscaleReportContext  *ctx,
                                       EscaleReportSheet    *sheet,
                                       const char           *msgid,
                                       EscaleReportCell      value);
EscaleReportCell escale_report_date_cell (const char       *iso);
/* Association, period, programme and masking, at the top of @sheet. */
void        escale_report_add_filter_lines (EscaleReportContext *ctx,
                                            EscaleReportSheet   *sheet);
/* Adds a table whose headers are translated from @msgids. */
EscaleReportTable *escale_report_add_table (EscaleReportContext *ctx,
                                            EscaleReportSheet   *sheet,
                                            const char          *title_msgid,
                                            const char *const   *msgids);

/* The age in whole years on the period's last day of the birth date
 * column @b (year-only dates count as 1 January), NULL when unknown. */
#define ESCALE_REPORT_SQL_AGE(b, on) \
  "(CASE WHEN " b " GLOB '[0-9][0-9][0-9][0-9]*' THEN " \
  "CAST (substr (" on ", 1, 4) AS INTEGER) - CAST (substr (" b ", 1, 4) AS INTEGER) " \
  "- (substr (" on ", 6, 5) < substr (" b " || '-01-01', 6, 5)) END)"

/* The twelve figures of the Summary, from the temporary tables. */
gboolean    escale_report_read_figures     (EscaleReportContext  *ctx,
                                            EscaleReportFigures  *figures,
                                            GError              **error);

/* The parts of the activity report (escale-report-activity.c) and the
 * participants report (escale-report-participants.c). */
gboolean    escale_report_add_summary      (EscaleReportContext  *ctx,
                                            GError              **error);
gboolean    escale_report_add_breakdowns   (EscaleReportContext  *ctx,
                                            GError              **error);
gboolean    escale_report_add_programmes   (EscaleReportContext  *ctx,
                                            GError              **error);
gboolean    escale_report_add_volunteering (EscaleReportContext  *ctx,
                                            GError              **error);
gboolean    escale_report_add_participants (EscaleReportContext  *ctx,
                                            GError              **error);

G_END_DECLS
