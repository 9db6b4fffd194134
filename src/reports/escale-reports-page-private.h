/* escale-reports-page-private.h — the Reports page's insides, shared by its files
 *
 * escale-reports-page.c makes the preview, escale-reports-form.c reads the
 * settings, escale-reports-export.c saves the workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-report-preview.h"
#include "escale-report.h"
#include "escale-reports-page.h"
#include "escale-reports-util.h"

G_BEGIN_DECLS

struct _EscaleReportsPage
{
  AdwBin                parent_instance;

  EscaleStore          *store;
  GPtrArray            *programme_codes;    /* of the programme row's items; NULL: all */
  GStrv                 languages;          /* of the language row's items */
  guint                 update_id;
  GCancellable         *build_cancellable;  /* of the preview being made */
  GCancellable         *export_cancellable; /* of the export running */
  GFile                *export_file;
  GtkFileChooserNative *chooser;
  EscaleReportPeriod    last_period;        /* the last one that was not custom */
  gboolean              valid;              /* the settings make a report */
  gboolean              busy;

  AdwComboRow          *template_row;
  AdwComboRow          *period_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  AdwComboRow          *programme_row;
  AdwComboRow          *language_row;
  AdwActionRow         *mask_row;
  GtkSwitch            *mask_switch;
  GtkWidget            *from_message;
  GtkWidget            *to_message;
  GtkWidget            *programme_message;
  GtkBox               *export_progress_box;
  GtkProgressBar       *export_progress;
  GtkSpinner           *spinner;
  GtkStack             *preview_stack;
  AdwStatusPage        *status_page;
  EscaleReportPreview  *preview;
};

/* escale-reports-form.c */
void                escale_reports_page_init_form       (EscaleReportsPage *self);
void                escale_reports_page_load_programmes (EscaleReportsPage *self);
/* Shows or hides the dates of a custom period, and the period's dates. */
void                escale_reports_page_period_changed  (EscaleReportsPage *self);
/* The report's parameters, or NULL when a setting is wrong: the message
 * is shown under it. Sets self->valid. */
EscaleReportParams *escale_reports_page_read_params     (EscaleReportsPage *self);

/* escale-reports-page.c: the busy state and the actions' after a change. */
void                escale_reports_page_update_state    (EscaleReportsPage *self);

/* escale-reports-export.c */
void                escale_reports_page_export_action   (GtkWidget         *widget,
                                                         const char        *action_name,
                                                         GVariant          *parameter);
void                escale_reports_page_cancel_export_action (GtkWidget    *widget,
                                                              const char   *action_name,
                                                              GVariant     *parameter);
/* Cancels the export and closes the file chooser, for dispose. */
void                escale_reports_page_stop_export     (EscaleReportsPage *self);

G_END_DECLS
