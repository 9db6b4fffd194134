/* escale-report-preview.h — a report shown as the spreadsheet will hold it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-report-model.h"

G_BEGIN_DECLS

/* The rows of a table shown at most; the file holds them all. */
#define ESCALE_REPORT_PREVIEW_MAX_ROWS 200

#define ESCALE_TYPE_REPORT_PREVIEW (escale_report_preview_get_type ())
G_DECLARE_FINAL_TYPE (EscaleReportPreview, escale_report_preview, ESCALE, REPORT_PREVIEW, GtkBox)

GtkWidget    *escale_report_preview_new          (void);
/* Takes @report (nullable); keeps showing the sheet of the same name. */
void          escale_report_preview_set_report   (EscaleReportPreview *self,
                                                  EscaleReport        *report);
EscaleReport *escale_report_preview_get_report   (EscaleReportPreview *self);
/* The name of the sheet shown, or NULL. */
const char   *escale_report_preview_get_sheet    (EscaleReportPreview *self);
/* Shows the sheet named @name; FALSE when there is none. */
gboolean      escale_report_preview_show_sheet   (EscaleReportPreview *self,
                                                  const char          *name);

G_END_DECLS
