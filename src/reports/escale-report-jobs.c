/* escale-report-jobs.c — building and exporting reports in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-report-jobs.h"

/* What a job's thread works from, shared with the main context's
 * progress callbacks (an atomic reference-counted box). */
typedef struct
{
  EscaleStoreAccess        *access;   /* the worker opens its store as the same account */
  EscaleReportParams       *params;
  char                     *path;               /* the export's file */
  GMainContext             *context;            /* of the caller */
  EscaleReportProgressFunc  progress;
  gpointer                  progress_data;
  GAsyncReadyCallback       callback;
  gpointer                  user_data;
  int                       progress_permyriad; /* atomic: the last fraction × 10 000 */
  int                       progress_pending;   /* atomic: a progress call is queued */
  gboolean                  finished;           /* the callback ran (main context only) */
} Job;

/* Helpers */

static void
job_clear (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->access, escale_store_access_free);
  g_clear_pointer (&job->params, escale_report_params_free);
  g_free (job->path);
  g_clear_pointer (&job->context, g_main_context_unref);
}

static Job *
job_new (EscaleStore              *store,
         const EscaleReportParams *params)
{
  Job *job = g_atomic_rc_box_new0 (Job);

  job->access = escale_store_access_new (store);
  job->params = escale_report_params_copy (params);
  job->context = g_main_context_ref_thread_default ();
  return job;
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, job_clear);
}

/* A connection of the thread's own, whose statements stop when
 * @cancellable is cancelled. */
static EscaleStore *
open_reader (const EscaleStoreAccess  *access,
             GCancellable             *cancellable,
             GError                  **error)
{
  EscaleStore *reader = escale_store_access_open (access, error);

  if (reader != NULL)
    escale_store_set_cancellable (reader, cancellable);
  return reader;
}

/* Threads */

static void
build_thread (GTask                  *task,
              G_GNUC_UNUSED gpointer  source,
              gpointer                task_data,
              GCancellable           *cancellable)
{
  Job *job = task_data;
  g_autoptr(EscaleStore) reader = NULL;
  GError *error = NULL;
  EscaleReport *report = NULL;

  reader = open_reader (job->access, cancellable, &error);
  if (reader != NULL)
    report = escale_report_build (reader, job->params, cancellable, &error);
  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) escale_report_free);
  else
    g_task_return_error (task, error);
}

/* In the main context: the last fraction the thread reported. */
static gboolean
report_progress (gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->progress_pending, FALSE);
  if (!job->finished && job->progress != NULL)
    job->progress (g_atomic_int_get (&job->progress_permyriad) / 10000.0, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the thread: one call queued at a time, with the newest fraction. */
static void
on_export_progress (double   fraction,
                    gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->progress_permyriad, (int) (CLAMP (fraction, 0, 1) * 10000));
  if (g_atomic_int_compare_and_exchange (&job->progress_pending, FALSE, TRUE))
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress,
                                job_ref (job), job_unref);
}

static void
export_thread (GTask                  *task,
               G_GNUC_UNUSED gpointer  source,
               gpointer                task_data,
               GCancellable           *cancellable)
{
  Job *job = task_data;
  g_autoptr(EscaleStore) reader = NULL;
  GError *error = NULL;

  reader = open_reader (job->access, cancellable, &error);
  if (reader != NULL &&
      escale_report_export (reader, job->params, job->path, on_export_progress, job,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Callbacks */

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Job *job = data;

  job->finished = TRUE;
  job->callback (source, result, job->user_data);
  job_unref (job);
}

/* Public API */

/**
 * escale_report_params_copy:
 *
 * Returns: (transfer full): a copy of @params
 */
EscaleReportParams *
escale_report_params_copy (const EscaleReportParams *params)
{
  EscaleReportParams *copy;

  g_return_val_if_fail (params != NULL, NULL);

  copy = escale_report_params_new (params->template, params->from, params->to);
  copy->programme_code = g_strdup (params->programme_code);
  g_free (copy->language);
  copy->language = g_strdup (params->language);
  copy->mask_small = params->mask_small;
  return copy;
}

/**
 * escale_report_build_async:
 * @store: the store whose file and account the worker uses
 *
 * Builds the report of @params in a worker thread.
 */
void
escale_report_build_async (EscaleStore              *store,
                           const EscaleReportParams *params,
                           GCancellable             *cancellable,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ESCALE_IS_STORE (store) && params != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, escale_report_build_async);
  g_task_set_task_data (task, job_new (store, params), job_unref);
  g_task_run_in_thread (task, build_thread);
}

/**
 * escale_report_build_finish:
 *
 * Returns: (transfer full) (nullable): the report, %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
EscaleReport *
escale_report_build_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == escale_report_build_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * escale_report_export_async:
 * @file: a local file, written whole or not at all
 * @progress: (nullable): told the fraction done
 *
 * Builds the report of @params and writes it as a workbook in a worker
 * thread.
 */
void
escale_report_export_async (EscaleStore              *store,
                            const EscaleReportParams *params,
                            GFile                    *file,
                            EscaleReportProgressFunc  progress,
                            gpointer                  progress_data,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (ESCALE_IS_STORE (store) && params != NULL && G_IS_FILE (file));
  g_return_if_fail (callback != NULL);

  job = job_new (store, params);
  job->path = g_file_get_path (file);
  job->progress = progress;
  job->progress_data = progress_data;
  job->callback = callback;
  job->user_data = user_data;
  task = g_task_new (NULL, cancellable, on_export_done_cb, job_ref (job));
  g_task_set_source_tag (task, escale_report_export_async);
  g_task_set_task_data (task, job, job_unref);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Reports can only be saved in a folder of this computer"));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
escale_report_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == escale_report_export_async,
                        FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
