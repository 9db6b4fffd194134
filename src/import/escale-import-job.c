/* escale-import-job.c — checking or running an import in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-import-job.h"

typedef struct
{
  EscaleStoreAccess *access;
  EscaleImportKind   kind;
  char              *path;
  gboolean           dry_run;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->access, escale_store_access_free);
  g_free (job->path);
  g_free (job);
}

static void
import_thread (GTask                  *task,
               G_GNUC_UNUSED gpointer  source,
               gpointer                task_data,
               GCancellable           *cancellable)
{
  Job *job = task_data;
  g_autoptr(EscaleStore) store = NULL;
  EscaleImportReport *report = NULL;
  GError *error = NULL;

  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only a file on this computer can be imported: copy it here "
                                 "first."));
      return;
    }
  store = escale_store_access_open (job->access, &error);
  if (store != NULL)
    {
      escale_store_set_cancellable (store, cancellable);
      report = escale_import_kind_run (job->kind, store, job->path, job->dry_run, &error);
    }
  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) escale_import_report_free);
  else
    g_task_return_error (task, error);
}

/**
 * escale_import_job_async:
 * @store: the store whose file and account the worker uses
 * @dry_run: check the whole file and count, but write nothing
 *
 * Imports @file as records of @kind in a worker thread.
 */
void
escale_import_job_async (EscaleStore         *store,
                         EscaleImportKind     kind,
                         GFile               *file,
                         gboolean             dry_run,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (ESCALE_IS_STORE (store));
  g_return_if_fail (kind < ESCALE_N_IMPORT_KINDS);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->access = escale_store_access_new (store);
  job->kind = kind;
  job->path = g_file_get_path (file);
  job->dry_run = dry_run;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_import_job_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * escale_import_job_finish:
 *
 * Returns: (transfer full): the report of the import (whose problems, if
 *   any, mean that nothing was written), or %NULL with @error set
 */
EscaleImportReport *
escale_import_job_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
