/* escale-report-fixture.h — a database whose every report figure was counted by hand
 *
 * Seven people, two households, three programmes, fifteen actions around
 * the year 2026: see escale-report-fixture.c for each one and the counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-report.h"

G_BEGIN_DECLS

#define FIXTURE_FROM "2026-01-01"
#define FIXTURE_TO   "2026-12-31"

/* The people, by id. */
enum {
  AMINA = 1, BILAL, CHLOE, DAWIT, ELENA, FARID, GULNAZ,
};

void                escale_report_fixture_fill (EscaleStore *store);
/* The cell of @sheet's table number @table on the row whose first cell
 * reads @label; NULL when there is none. */
EscaleReportCell   *escale_report_fixture_cell (EscaleReport *report,
                                                const char   *sheet,
                                                guint         table,
                                                const char   *label,
                                                guint         column);
double              escale_report_fixture_number (EscaleReport *report,
                                                  const char   *sheet,
                                                  guint         table,
                                                  const char   *label,
                                                  guint         column);
EscaleReport       *escale_report_fixture_build (EscaleStore          *store,
                                                 EscaleReportTemplate  template,
                                                 const char           *programme,
                                                 const char           *language,
                                                 gboolean              mask_small);

G_END_DECLS
