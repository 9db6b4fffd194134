/* escale-agenda-print.c — the day's agenda on paper, for the welcome desk
 *
 * The text is gathered when the operation is made (the store is not read
 * while printing), as blocks of Pango markup: the title, section headings
 * and one block per action, its time in a column on the side where lines
 * start; escale-print-util lays them out on pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-agenda-print.h"
#include "escale-agenda-rows.h"
#include "escale-agenda-util.h"
#include "escale-agenda.h"
#include "escale-application.h"
#include "escale-print-util.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define TIME_WIDTH 68.0  /* points */

/* Text */

static char *
entry_time (const EscaleAgendaAction *action)
{
  g_autofree char *date = action->overdue ? escale_format_date (action->date) : NULL;

  if (date != NULL)
    return g_markup_printf_escaped ("%s\n<b>%s</b>", date, action->time ? action->time : "");
  return g_markup_printf_escaped ("<b>%s</b>", action->time ? action->time : C_("time", "—"));
}

static char *
entry_text (EscaleStore              *store,
            const EscaleAgendaAction *action)
{
  g_autofree char *who = escale_agenda_format_who (action);
  g_autofree char *type = escale_vocab_get_label (store, ESCALE_VOCAB_ACTION_TYPE, action->type);
  g_autofree char *notes = escale_agenda_first_line (action->notes);
  GString *text = g_string_new (NULL);
  g_autofree char *line = NULL;

  line = g_markup_printf_escaped ("<b>" ESCALE_PRINT_ISOLATE ("%s") "</b>\n%s", who,
                                  type ? type : action->type);
  g_string_append (text, line);
  if (action->worker != NULL && *action->worker != '\0')
    {
      g_free (line);
      line = g_markup_printf_escaped (" · " ESCALE_PRINT_ISOLATE ("%s"), action->worker);
      g_string_append (text, line);
    }
  if (notes != NULL)
    {
      g_free (line);
      line = g_markup_printf_escaped ("\n<i>" ESCALE_PRINT_ISOLATE ("%s") "</i>", notes);
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

static void
add_entries (EscalePrintDoc *doc,
             EscaleStore    *store,
             GPtrArray      *actions)
{
  for (guint i = 0; i < actions->len; i++)
    {
      const EscaleAgendaAction *action = g_ptr_array_index (actions, i);

      escale_print_doc_add (doc, ESCALE_PRINT_ENTRY, entry_time (action),
                            entry_text (store, action));
    }
}

/* The referrals waiting for an answer, to call the partners about. */
static gboolean
add_referrals (EscalePrintDoc  *doc,
               EscaleStore     *store,
               const char      *today,
               const char      *worker,
               GError         **error)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  guint days = settings ? (guint) g_settings_get_int (settings, "referral-follow-up-days") : 14;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autofree char *heading = NULL;

  referrals = escale_agenda_list_referrals_to_follow_up_page (store, today, days, worker, 0, NULL,
                                                              error);
  if (referrals == NULL)
    return FALSE;
  if (referrals->len == 0)
    return TRUE;
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Referral to Follow Up",
                                          "%u Referrals to Follow Up", referrals->len),
                             referrals->len);
  escale_print_doc_add_text (doc, ESCALE_PRINT_HEADING, heading);
  for (guint i = 0; i < referrals->len; i++)
    {
      const EscaleAgendaReferral *referral = g_ptr_array_index (referrals, i);
      g_autofree char *who = escale_agenda_format_person (referral->who, referral->file_number);
      g_autofree char *theme = escale_vocab_get_label (store, ESCALE_VOCAB_THEME,
                                                       referral->service_theme);
      g_autofree char *details = escale_agenda_format_referral_details (referral, theme);
      g_autofree char *sent = escale_format_date (referral->sent_on);

      escale_print_doc_add (doc, ESCALE_PRINT_ENTRY, g_markup_escape_text (sent, -1),
                            g_markup_printf_escaped ("<b>" ESCALE_PRINT_ISOLATE ("%s") "</b>\n"
                                                     ESCALE_PRINT_ISOLATE ("%s"), who, details));
    }
  return TRUE;
}

static void
add_heading (EscalePrintDoc *doc,
             const char     *text)
{
  escale_print_doc_add_text (doc, ESCALE_PRINT_HEADING, text);
}

static void
add_header (EscalePrintDoc *doc,
            const char     *day,
            const char     *worker)
{
  g_autofree char *long_day = escale_print_format_long_day (day);
  g_autofree char *title = NULL;

  /* Translators: the title of a printed agenda; %s is the day */
  title = g_strdup_printf (_("Agenda — %s"), long_day);
  escale_print_doc_add_text (doc, ESCALE_PRINT_TITLE, title);
  if (worker != NULL)
    /* Translators: under the title of a printed agenda; %s is a worker's name */
    escale_print_doc_add (doc, ESCALE_PRINT_SUBTITLE, NULL,
                          g_markup_printf_escaped (_("Actions of %s"), worker));
  else
    escale_print_doc_add_text (doc, ESCALE_PRINT_SUBTITLE, _("Actions of every worker"));
  escale_print_doc_set_footer (doc, long_day);
}

static gboolean
fill_doc (EscalePrintDoc  *doc,
          EscaleStore     *store,
          const char      *day,
          const char      *today,
          const char      *worker,
          GError         **error)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *heading = NULL;

  if (g_strcmp0 (day, today) == 0 &&
      !(overdue = escale_agenda_list_overdue (store, today, worker, error)))
    return FALSE;
  if (!(due = escale_agenda_list_due (store, day, day, today, worker, error)))
    return FALSE;

  add_header (doc, day, worker);
  if (overdue != NULL && overdue->len > 0)
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Overdue Action",
                                              "%u Overdue Actions", overdue->len), overdue->len);
      add_heading (doc, heading);
      add_entries (doc, store, overdue);
      g_clear_pointer (&heading, g_free);
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Planned Action",
                                          "%u Planned Actions", due->len), due->len);
  add_heading (doc, heading);
  if (due->len == 0)
    escale_print_doc_add_text (doc, ESCALE_PRINT_NOTE, _("Nothing planned"));
  add_entries (doc, store, due);
  return g_strcmp0 (day, today) != 0 || add_referrals (doc, store, today, worker, error);
}

/* Public API */

GtkPrintOperation *
escale_agenda_print_new (EscaleStore       *store,
                         const char        *day,
                         const char        *today,
                         const char        *worker,
                         GtkTextDirection   direction,
                         GError           **error)
{
  g_autoptr(EscalePrintDoc) doc = NULL;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && today != NULL, NULL);

  doc = escale_print_doc_new (direction, TIME_WIDTH);
  if (!fill_doc (doc, store, day, today, worker, error))
    return NULL;
  /* Translators: the name of a print job; %s is a date, YYYY-MM-DD */
  job_name = g_strdup_printf (_("Agenda %s"), day);
  return escale_print_doc_operation (g_steal_pointer (&doc), job_name);
}

gboolean
escale_agenda_print_export_pdf (EscaleStore       *store,
                                const char        *day,
                                const char        *today,
                                const char        *worker,
                                GtkTextDirection   direction,
                                const char        *path,
                                GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  operation = escale_agenda_print_new (store, day, today, worker, direction, error);
  if (operation == NULL)
    return FALSE;
  return escale_print_export_pdf (operation, path, error);
}
