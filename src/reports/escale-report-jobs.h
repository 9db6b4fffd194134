/* escale-report-jobs.h — building and exporting reports in a worker thread
 *
 * Each job opens a store of its own on the database file (an EscaleStore
 * is used from one thread only), reads one consistent state of it and
 * stops soon after its cancellable is cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "escale-report.h"

G_BEGIN_DECLS

/* Called with the fraction done, in the main context of the caller of
 * escale_report_export_async(), never after its callback. */
typedef void (*EscaleReportProgressFunc) (double   fraction,
                                          gpointer user_data);

EscaleReportParams *escale_report_params_copy   (const EscaleReportParams *params);

void                escale_report_build_async   (EscaleStore              *store,
                                                 const EscaleReportParams *params,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
EscaleReport       *escale_report_build_finish  (GAsyncResult             *result,
                                                 GError                  **error);

void                escale_report_export_async  (EscaleStore              *store,
                                                 const EscaleReportParams *params,
                                                 GFile                    *file,
                                                 EscaleReportProgressFunc  progress,
                                                 gpointer                  progress_data,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
gboolean            escale_report_export_finish (GAsyncResult             *result,
                                                 GError                  **error);

G_END_DECLS
