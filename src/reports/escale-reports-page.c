/* escale-reports-page.c — the Reports page: funder and activity reports
 *
 * The settings make the report's parameters; a moment after each change
 * the report is built again in a worker thread (the previous build
 * cancelled) and previewed as its sheets of tables. "Export…" asks where
 * to save it and writes the workbook in a worker thread, with progress and
 * a Cancel button. Mistakes are shown under the setting at fault. The
 * page builds nothing while it is not shown, and builds again each time it
 * is shown: the follow-up may have changed meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-report-jobs.h"
#include "escale-reports-page-private.h"

/* How long the settings stay unchanged before the preview is made. */
#define UPDATE_DELAY_MS 300

G_DEFINE_FINAL_TYPE (EscaleReportsPage, escale_reports_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers: the state of the page */

static void
update_busy (EscaleReportsPage *self)
{
  gboolean building = self->update_id != 0 || self->build_cancellable != NULL;
  gboolean busy = building || self->export_cancellable != NULL;

  gtk_spinner_set_spinning (self->spinner, building);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), building);
  if (busy == self->busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (EscaleReportsPage *self)
{
  gboolean exporting = self->export_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export",
                                 self->valid && !exporting && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", exporting);
  gtk_widget_set_visible (GTK_WIDGET (self->export_progress_box), exporting);
}

static void
show_status (EscaleReportsPage *self,
             const char        *icon_name,
             const char        *title,
             const char        *description)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->preview_stack, "status");
}

static void
cancel_build (EscaleReportsPage *self)
{
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
}

/* Whether @row counts something: a count or hours above zero, or a text
 * beyond its label (a participant's row). */
static gboolean
row_counts (const EscaleReportTable *table,
            const EscaleReportCell  *row)
{
  for (guint c = 1; c < table->n_columns; c++)
    if (row[c].kind == ESCALE_CELL_TEXT ||
        ((row[c].kind == ESCALE_CELL_COUNT || row[c].kind == ESCALE_CELL_HOURS) &&
         row[c].number > 0))
      return TRUE;
  return FALSE;
}

/* Whether @report counts anything. Its first sheet sums it up: the
 * Summary's figures, or the list of participants. */
static gboolean
has_data (EscaleReport *report)
{
  EscaleReportSheet *sheet;

  if (report->sheets->len == 0)
    return FALSE;
  sheet = g_ptr_array_index (report->sheets, 0);
  for (guint t = 0; t < sheet->tables->len; t++)
    {
      EscaleReportTable *table = g_ptr_array_index (sheet->tables, t);

      for (guint r = 0; r < table->rows->len; r++)
        if (row_counts (table, g_ptr_array_index (table->rows, r)))
          return TRUE;
    }
  return FALSE;
}

/* Callbacks: the preview */

static void
on_build_done_cb (G_GNUC_UNUSED GObject *source,
                  GAsyncResult          *result,
                  gpointer               data)
{
  g_autoptr(EscaleReportsPage) self = data;
  g_autoptr(GError) error = NULL;
  EscaleReport *report = escale_report_build_finish (result, &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->build_cancellable)
    {
      g_clear_pointer (&report, escale_report_free);
      return;
    }
  g_clear_object (&self->build_cancellable);
  update_busy (self);
  if (report == NULL)
    {
      escale_report_preview_set_report (self->preview, NULL);
      show_status (self, "dialog-warning-symbolic", _("Cannot Make the Report"), error->message);
      return;
    }
  if (!has_data (report))
    show_status (self, "x-office-spreadsheet-symbolic", _("No Follow-up in This Period"),
                 _("No action was done or missed in this period: the report would count "
                   "nothing."));
  else
    gtk_stack_set_visible_child_name (self->preview_stack, "report");
  escale_report_preview_set_report (self->preview, report);
}

static gboolean
update_cb (gpointer data)
{
  EscaleReportsPage *self = data;
  g_autoptr(EscaleReportParams) params = NULL;

  self->update_id = 0;
  cancel_build (self);
  params = escale_reports_page_read_params (self);
  update_actions (self);
  if (params == NULL)
    {
      escale_report_preview_set_report (self->preview, NULL);
      show_status (self, "document-edit-symbolic", _("Nothing to Preview"),
                   _("Correct the settings marked above."));
    }
  else
    {
      self->build_cancellable = g_cancellable_new ();
      escale_report_build_async (self->store, params,
                                 self->build_cancellable, on_build_done_cb,
                                 g_object_ref (self));
    }
  update_busy (self);
  return G_SOURCE_REMOVE;
}

/* Makes the preview again a moment after the last change, while shown. */
static void
queue_update (EscaleReportsPage *self)
{
  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_id = g_timeout_add (UPDATE_DELAY_MS, update_cb, self);
  update_busy (self);
}

static void
on_setting_changed_cb (EscaleReportsPage *self)
{
  queue_update (self);
}

static void
on_period_changed_cb (EscaleReportsPage *self)
{
  escale_reports_page_period_changed (self);
  queue_update (self);
}

/* GObject overrides */

static void
escale_reports_page_map (GtkWidget *widget)
{
  EscaleReportsPage *self = ESCALE_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (escale_reports_page_parent_class)->map (widget);
  /* Programmes and follow-up may have changed since the page was last shown. */
  escale_reports_page_load_programmes (self);
  queue_update (self);
}

static void
escale_reports_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EscaleReportsPage *self = ESCALE_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_reports_page_dispose (GObject *object)
{
  EscaleReportsPage *self = ESCALE_REPORTS_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  cancel_build (self);
  escale_reports_page_stop_export (self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_REPORTS_PAGE);

  G_OBJECT_CLASS (escale_reports_page_parent_class)->dispose (object);
}

static void
escale_reports_page_finalize (GObject *object)
{
  EscaleReportsPage *self = ESCALE_REPORTS_PAGE (object);

  g_clear_pointer (&self->programme_codes, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (escale_reports_page_parent_class)->finalize (object);
}

static void
escale_reports_page_class_init (EscaleReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_reports_page_dispose;
  object_class->finalize = escale_reports_page_finalize;
  object_class->get_property = escale_reports_page_get_property;
  widget_class->map = escale_reports_page_map;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ESCALE_TYPE_REPORT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/reports/escale-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, template_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, programme_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, mask_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, export_progress_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, export_progress);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleReportsPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_setting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);

  gtk_widget_class_install_action (widget_class, "reports.export", NULL,
                                   escale_reports_page_export_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel-export", NULL,
                                   escale_reports_page_cancel_export_action);
}

static void
escale_reports_page_init (EscaleReportsPage *self)
{
  self->programme_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  escale_reports_page_init_form (self);
  escale_reports_page_update_state (self);
}

/* Private API (escale-reports-page-private.h) */

void
escale_reports_page_update_state (EscaleReportsPage *self)
{
  update_actions (self);
  update_busy (self);
}

/* Public API */

void
escale_reports_page_set_store (EscaleReportsPage *self,
                               EscaleStore       *store)
{
  g_return_if_fail (ESCALE_IS_REPORTS_PAGE (self));
  g_return_if_fail (store == NULL || ESCALE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  cancel_build (self);
  escale_reports_page_load_programmes (self);
  queue_update (self);
}

/**
 * escale_reports_page_get_preview:
 *
 * Returns: (transfer none) (nullable): the report previewed
 */
EscaleReport *
escale_reports_page_get_preview (EscaleReportsPage *self)
{
  g_return_val_if_fail (ESCALE_IS_REPORTS_PAGE (self), NULL);
  return escale_report_preview_get_report (self->preview);
}

gboolean
escale_reports_page_get_busy (EscaleReportsPage *self)
{
  g_return_val_if_fail (ESCALE_IS_REPORTS_PAGE (self), FALSE);
  return self->busy;
}
