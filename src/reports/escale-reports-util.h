/* escale-reports-util.h — periods, languages and file names for the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "escale-language.h"
#include "escale-report.h"

G_BEGIN_DECLS

/* The periods offered, in the order of the Period row. */
typedef enum {
  ESCALE_REPORT_PERIOD_THIS_YEAR,
  ESCALE_REPORT_PERIOD_LAST_YEAR,
  ESCALE_REPORT_PERIOD_THIS_QUARTER,
  ESCALE_REPORT_PERIOD_LAST_QUARTER,
  ESCALE_REPORT_PERIOD_THIS_MONTH,
  ESCALE_REPORT_PERIOD_LAST_MONTH,
  ESCALE_REPORT_PERIOD_CUSTOM,
} EscaleReportPeriod;

/* The first and last days (YYYY-MM-DD) of @period around @today
 * (YYYY-MM-DD); FALSE for a custom period. */
gboolean    escale_report_period_dates     (EscaleReportPeriod   period,
                                            const char          *today,
                                            char               **from,
                                            char               **to);
/* "1 January 2026 – 31 December 2026", in the interface language. */
char       *escale_report_format_period    (const char          *from,
                                            const char          *to);

/* The interface language when Escale has a catalogue for it (one of
 * @languages), else "en". */
char       *escale_report_default_language (const char *const   *languages);

/* "activity-report-2026-01-01-2026-12-31.xlsx", its first part translated. */
char       *escale_report_file_name        (EscaleReportTemplate template,
                                            const char          *from,
                                            const char          *to);

G_END_DECLS
