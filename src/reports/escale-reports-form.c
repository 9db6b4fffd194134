/* escale-reports-form.c — the Reports page's settings: what they offer, what they read
 *
 * The rows offer the reports, periods, programmes and languages; what is
 * typed in the dates of a custom period is read the way it is everywhere
 * in Escale, and a mistake is shown under the row at fault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-action-input.h"
#include "escale-catalog.h"
#include "escale-date.h"
#include "escale-editor-util.h"
#include "escale-programme-store.h"
#include "escale-reports-page-private.h"

/* Helpers */

static GtkWidget *
add_message_row (GtkWidget *owner)
{
  GtkWidget *row = escale_message_row_new (owner);

  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (owner)), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (owner)) + 1);
  return row;
}

static gboolean
is_custom (EscaleReportsPage *self)
{
  return adw_combo_row_get_selected (self->period_row) == ESCALE_REPORT_PERIOD_CUSTOM;
}

static EscaleReportTemplate
selected_template (EscaleReportsPage *self)
{
  return adw_combo_row_get_selected (self->template_row) == 1 ? ESCALE_REPORT_PARTICIPANTS
                                                              : ESCALE_REPORT_ACTIVITY;
}

static const char *
selected_programme (EscaleReportsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->programme_row);

  return selected < self->programme_codes->len
         ? g_ptr_array_index (self->programme_codes, selected) : NULL;
}

static const char *
selected_language (EscaleReportsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return selected < g_strv_length (self->languages) ? self->languages[selected] : "en";
}

/* The whole date typed in @row, or NULL and *@message saying what is wrong. */
static char *
read_date (AdwEntryRow  *row,
           char        **message)
{
  g_autofree char *text = escale_input_text (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  EscaleDatePrecision precision = ESCALE_DATE_EXACT;

  if (text != NULL && (iso = escale_date_parse (text, &precision, &error)) == NULL)
    *message = g_strdup (error->message);
  else if (iso == NULL || precision != ESCALE_DATE_EXACT)
    *message = g_strdup (_("Write the whole date: day, month and year"));
  else
    return g_steal_pointer (&iso);
  return NULL;
}

/* The period chosen; FALSE with the messages shown under the dates at fault. */
static gboolean
read_period (EscaleReportsPage  *self,
             char              **from,
             char              **to)
{
  g_autofree char *today = escale_date_today ();
  g_autofree char *from_error = NULL;
  g_autofree char *to_error = NULL;

  if (!is_custom (self))
    escale_report_period_dates (adw_combo_row_get_selected (self->period_row), today, from, to);
  else
    {
      *from = read_date (self->from_row, &from_error);
      *to = read_date (self->to_row, &to_error);
      if (*from != NULL && *to != NULL && strcmp (*from, *to) > 0)
        to_error = g_strdup (_("The period ends before it starts"));
    }
  escale_message_row_set_error (self->from_message, from_error);
  escale_message_row_set_error (self->to_message, to_error);
  return from_error == NULL && to_error == NULL;
}

static void
show_period (EscaleReportsPage *self,
             const char        *from,
             const char        *to)
{
  g_autofree char *text = from && to ? escale_report_format_period (from, to) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row), text ? text : "");
}

static gboolean
is_blank (AdwEntryRow *row)
{
  g_autofree char *text = escale_input_text (row);

  return text == NULL;
}

static void
load_languages (EscaleReportsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *language = NULL;

  self->languages = escale_catalog_list_languages ();
  language = escale_report_default_language ((const char *const *) self->languages);
  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      g_autofree char *name = escale_language_native_name (self->languages[i]);

      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  for (guint i = 0; self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], language))
      adw_combo_row_set_selected (self->language_row, i);
}

/* Private API (escale-reports-page-private.h) */

void
escale_reports_page_init_form (EscaleReportsPage *self)
{
  /* Set here, as plain text: the template's rows take markup at first. */
  adw_action_row_set_subtitle (self->mask_row,
                               _("Counts from 1 to 4 show as “<5” in the breakdowns"));
  self->from_message = add_message_row (GTK_WIDGET (self->from_row));
  self->to_message = add_message_row (GTK_WIDGET (self->to_row));
  self->programme_message = add_message_row (GTK_WIDGET (self->programme_row));
  escale_input_add_calendar (self->from_row);
  escale_input_add_calendar (self->to_row);
  load_languages (self);
  escale_reports_page_load_programmes (self);
  escale_reports_page_period_changed (self);
}

void
escale_reports_page_load_programmes (EscaleReportsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected = g_strdup (selected_programme (self));
  guint position = 0;

  g_ptr_array_set_size (self->programme_codes, 0);
  g_ptr_array_add (self->programme_codes, NULL);
  gtk_string_list_append (names, _("All programmes"));
  if (self->store != NULL &&
      (programmes = escale_store_list_programmes (self->store, &error)) == NULL)
    g_warning ("Cannot list the programmes: %s", error->message);
  for (guint i = 0; programmes != NULL && i < programmes->len; i++)
    {
      EscaleProgramme *programme = g_ptr_array_index (programmes, i);

      if (g_strcmp0 (programme->code, selected) == 0)
        position = self->programme_codes->len;
      g_ptr_array_add (self->programme_codes, g_strdup (programme->code));
      gtk_string_list_append (names, programme->name);
    }
  adw_combo_row_set_model (self->programme_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->programme_row, position);
}

/* A custom period starts as the period chosen before. */
void
escale_reports_page_period_changed (EscaleReportsPage *self)
{
  EscaleReportPeriod period = adw_combo_row_get_selected (self->period_row);
  gboolean custom = period == ESCALE_REPORT_PERIOD_CUSTOM;
  g_autofree char *today = escale_date_today ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!custom)
    {
      escale_report_period_dates (period, today, &from, &to);
      self->last_period = period;
    }
  else if (is_blank (self->from_row) && is_blank (self->to_row) &&
           escale_report_period_dates (self->last_period, today, &from, &to))
    {
      escale_input_set_date (self->from_row, from);
      escale_input_set_date (self->to_row, to);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), custom);
  if (!custom)
    {
      escale_message_row_set_error (self->from_message, NULL);
      escale_message_row_set_error (self->to_message, NULL);
    }
  show_period (self, from, to);
}

EscaleReportParams *
escale_reports_page_read_params (EscaleReportsPage *self)
{
  EscaleReportTemplate template = selected_template (self);
  const char *programme = selected_programme (self);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean valid = read_period (self, &from, &to);
  gboolean has_programme = template != ESCALE_REPORT_PARTICIPANTS || programme != NULL;
  EscaleReportParams *params;

  show_period (self, valid ? from : NULL, valid ? to : NULL);
  escale_message_row_set_error (self->programme_message, has_programme ? NULL
                                : _("The participants report is made for one programme: "
                                    "choose it"));
  self->valid = valid && has_programme;
  if (!self->valid)
    return NULL;
  params = escale_report_params_new (template, from, to);
  params->programme_code = g_strdup (programme);
  g_free (params->language);
  params->language = g_strdup (selected_language (self));
  params->mask_small = gtk_switch_get_active (self->mask_switch);
  return params;
}
