/* escale-reports-page.h — the Reports page: funder and activity reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-report-model.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_REPORTS_PAGE (escale_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleReportsPage, escale_reports_page, ESCALE, REPORTS_PAGE, AdwBin)

/* Page actions: reports.export (asks where to save), reports.cancel-export.
 * The "busy" property is TRUE while a preview is due or being made, or an
 * export runs. */

void          escale_reports_page_set_store   (EscaleReportsPage *self,
                                               EscaleStore       *store);
/* Exports the report of the current settings to @file, as "Export…" does
 * once a file is chosen. */
void          escale_reports_page_export_to   (EscaleReportsPage *self,
                                               GFile             *file);
/* The report previewed, or NULL. */
EscaleReport *escale_reports_page_get_preview (EscaleReportsPage *self);
gboolean      escale_reports_page_get_busy    (EscaleReportsPage *self);

G_END_DECLS
