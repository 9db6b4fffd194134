/* escale-reports-export.c — the Reports page's export: where to, progress, result
 *
 * "Export…" asks where to save the workbook (GTK 4.8's native file
 * chooser), then it is built and written in a worker thread; its progress
 * is shown with a Cancel button, "Report saved" with an Open button when
 * done, what went wrong in a dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-report-jobs.h"
#include "escale-reports-page-private.h"
#include "escale-ui-util.h"

/* Callbacks */

static void
on_export_progress (double   fraction,
                    gpointer data)
{
  EscaleReportsPage *self = data;

  if (self->export_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->export_progress, fraction);
}

static void
on_toast_open_cb (G_GNUC_UNUSED AdwToast *toast,
                  const char             *uri)
{
  gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
}

static void
show_saved (EscaleReportsPage *self,
            GFile             *file)
{
  AdwToast *toast = adw_toast_new (_("Report saved"));

  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_open_cb),
                         g_file_get_uri (file), (GClosureNotify) G_CALLBACK (g_free), 0);
  escale_add_toast (GTK_WIDGET (self), toast);
}

static void
show_export_error (EscaleReportsPage *self,
                   GError            *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Cannot Save the Report"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_done_cb (G_GNUC_UNUSED GObject *source,
                   GAsyncResult          *result,
                   gpointer               data)
{
  g_autoptr(EscaleReportsPage) self = data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = escale_report_export_finish (result, &error);

  /* The page went away meanwhile. */
  if (g_task_get_cancellable (G_TASK (result)) != self->export_cancellable)
    return;
  file = g_steal_pointer (&self->export_file);
  g_clear_object (&self->export_cancellable);
  escale_reports_page_update_state (self);
  if (saved)
    show_saved (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_export_error (self, error);
}

/* The file chosen, ending in .xlsx. */
static GFile *
xlsx_file (GFile *chosen)
{
  g_autofree char *name = g_file_get_basename (chosen);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *with_suffix = NULL;

  if (name == NULL || g_str_has_suffix (name, ".xlsx") || g_str_has_suffix (name, ".XLSX") ||
      (parent = g_file_get_parent (chosen)) == NULL)
    return g_object_ref (chosen);
  with_suffix = g_strconcat (name, ".xlsx", NULL);
  return g_file_get_child (parent, with_suffix);
}

static void
on_chooser_response_cb (EscaleReportsPage *self,
                        int                response)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (chosen == NULL)
    return;
  file = xlsx_file (chosen);
  escale_reports_page_export_to (self, file);
}

/* Private API (escale-reports-page-private.h) */

void
escale_reports_page_export_action (GtkWidget                *widget,
                                   G_GNUC_UNUSED const char *action_name,
                                   G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleReportsPage *self = ESCALE_REPORTS_PAGE (widget);
  g_autoptr(EscaleReportParams) params = escale_reports_page_read_params (self);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (params == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Report"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  name = escale_report_file_name (params->template, params->from, params->to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX)"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                            self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
escale_reports_page_cancel_export_action (GtkWidget                *widget,
                                          G_GNUC_UNUSED const char *action_name,
                                          G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleReportsPage *self = ESCALE_REPORTS_PAGE (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

void
escale_reports_page_stop_export (EscaleReportsPage *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_file);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

/* Public API */

/**
 * escale_reports_page_export_to:
 * @file: a local file; replaced when it exists
 *
 * Writes the report of the current settings to @file in a worker thread;
 * "Report saved" is shown when done, an error in a dialog. Does nothing
 * when a setting is wrong or an export already runs.
 */
void
escale_reports_page_export_to (EscaleReportsPage *self,
                               GFile             *file)
{
  g_autoptr(EscaleReportParams) params = NULL;

  g_return_if_fail (ESCALE_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->export_cancellable != NULL ||
      (params = escale_reports_page_read_params (self)) == NULL)
    return;
  self->export_cancellable = g_cancellable_new ();
  g_set_object (&self->export_file, file);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  escale_reports_page_update_state (self);
  escale_report_export_async (self->store, params, file,
                              on_export_progress, self, self->export_cancellable,
                              on_export_done_cb, g_object_ref (self));
}
