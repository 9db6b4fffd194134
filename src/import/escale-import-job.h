/* escale-import-job.h — checking or running an import in a worker thread
 *
 * The worker opens a connection of its own on the database file, as the
 * account signed into the store (escale_store_access_open()), so the
 * store's rules and the audit log see who imports. Its statements stop
 * when the cancellable is cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "escale-import-kind.h"

G_BEGIN_DECLS

void                escale_import_job_async  (EscaleStore          *store,
                                              EscaleImportKind      kind,
                                              GFile                *file,
                                              gboolean              dry_run,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
EscaleImportReport *escale_import_job_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
