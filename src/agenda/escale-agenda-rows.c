/* escale-agenda-rows.c — the rows of the agenda: actions, referrals, expiries, lost contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-agenda-rows.h"
#include "escale-agenda-util.h"
#include "escale-followup-util.h"
#include "escale-language.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

/* Helpers */

static void
make_opens_person (AdwActionRow *row,
                   gint64        person_id)
{
  if (person_id <= 0)
    return;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "agenda.open-person");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (person_id));
}

static GtkWidget *
time_label_new (const EscaleAgendaAction *action)
{
  g_autofree char *date = action->overdue ? escale_format_date (action->date) : NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (date != NULL)
    text = action->time ? g_strdup_printf ("%s\n%s", date, action->time) : g_steal_pointer (&date);
  else
    /* Translators: the time of an action that has no time */
    text = g_strdup (action->time ? action->time : C_("time", "—"));
  label = gtk_label_new (text);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, action->overdue ? "error" : "heading");
  return label;
}

static GtkWidget *
type_icon_new (const EscaleAgendaAction *action)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (escale_action_type_icon_name (action->type));

  gtk_widget_add_css_class (icon, "theme-icon");
  gtk_widget_add_css_class (icon, escale_theme_css_class (action->theme));
  return icon;
}

static GtkWidget *
done_button_new (const EscaleAgendaAction *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "object-select-symbolic");
  /* Translators: a button that marks a planned action as done */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Done"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Mark as Done"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agenda.done");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (action->action_id));
  return button;
}

/* The type, the worker when the list mixes workers, the first line of the
 * notes. */
static char *
action_details (const EscaleAgendaAction *action,
                const char               *type_label,
                gboolean                  show_worker)
{
  g_autofree char *notes = escale_agenda_first_line (action->notes);
  const char *parts[] = { type_label, show_worker ? action->worker : NULL, notes };

  return escale_agenda_join_details (parts, G_N_ELEMENTS (parts));
}

static char *
expiry_details (const EscaleAgendaExpiry *expiry,
                const char               *status_label)
{
  const char *parts[] = { status_label, expiry->document };

  return escale_agenda_join_details (parts, G_N_ELEMENTS (parts));
}

/* "Maison Relais · Housing · waiting 20 days" */
char *
escale_agenda_format_referral_details (const EscaleAgendaReferral *referral,
                                       const char                 *theme_label)
{
  int days = MAX (referral->days_waiting, 0);
  g_autofree char *waiting = NULL;

  /* Translators: how long a referral has waited for the partner's answer */
  waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "waiting %d day", "waiting %d days",
                                          (gulong) days), days);
  {
    const char *parts[] = { referral->partner_name, theme_label, waiting };

    return escale_agenda_join_details (parts, G_N_ELEMENTS (parts));
  }
}

/* Public API */

GHashTable *
escale_agenda_labels_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

const char *
escale_agenda_labels_lookup (GHashTable  *labels,
                             EscaleStore *store,
                             const char  *kind,
                             const char  *code)
{
  g_autofree char *key = NULL;
  const char *label;

  g_return_val_if_fail (labels != NULL, "");
  g_return_val_if_fail (kind != NULL, "");

  if (code == NULL || store == NULL)
    return "";
  key = g_strconcat (kind, "/", code, NULL);
  label = g_hash_table_lookup (labels, key);
  if (label == NULL)
    {
      label = escale_vocab_get_label (store, kind, code);
      if (label == NULL)
        label = g_strdup (code);
      g_hash_table_insert (labels, g_steal_pointer (&key), (char *) label);
    }
  return label;
}

char *
escale_agenda_join_details (const char * const *parts,
                            gsize               n_parts)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (parts != NULL || n_parts == 0, NULL);

  for (gsize i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Each part keeps its direction; the line takes the interface's. */
      g_string_append_printf (text, ESCALE_ISOLATE ("%s"), parts[i]);
    }
  return g_string_free (text, FALSE);
}

/* Titles and subtitles are lines of isolated values: they take the
 * interface's direction (see escale-language.h). */
AdwActionRow *
escale_agenda_plain_row_new (const char *title,
                             const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title_line = g_strconcat (escale_direction_mark (), title, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_line);
  if (subtitle != NULL && *subtitle != '\0')
    {
      g_autofree char *subtitle_line = g_strconcat (escale_direction_mark (), subtitle, NULL);

      adw_action_row_set_subtitle (row, subtitle_line);
    }
  adw_action_row_set_subtitle_lines (row, 2);
  return row;
}

GtkWidget *
escale_agenda_action_row_new (const EscaleAgendaAction *action,
                              const char               *type_label,
                              gboolean                  show_worker)
{
  g_autofree char *who = NULL;
  g_autofree char *details = NULL;
  AdwActionRow *row;

  g_return_val_if_fail (action != NULL, NULL);

  who = escale_agenda_format_who (action);
  details = action_details (action, type_label, show_worker);
  row = escale_agenda_plain_row_new (who, details);
  adw_action_row_add_prefix (row, time_label_new (action));
  adw_action_row_add_prefix (row, type_icon_new (action));
  adw_action_row_add_suffix (row, done_button_new (action));
  make_opens_person (row, action->open_person_id);
  return GTK_WIDGET (row);
}

GtkWidget *
escale_agenda_expiry_row_new (const EscaleAgendaExpiry *expiry,
                              const char               *status_label)
{
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;
  AdwActionRow *row;
  GtkWidget *label;

  g_return_val_if_fail (expiry != NULL, NULL);

  who = escale_agenda_format_person (expiry->who, expiry->file_number);
  when = escale_agenda_format_expiry (expiry->days_left);
  date = escale_format_date (expiry->expiry);
  details = expiry_details (expiry, status_label);
  row = escale_agenda_plain_row_new (who, details);
  label = gtk_label_new (when);
  gtk_widget_add_css_class (label, expiry->days_left < 0 ? "error" : "warning");
  gtk_widget_set_tooltip_text (label, date);
  adw_action_row_add_suffix (row, label);
  make_opens_person (row, expiry->person_id);
  return GTK_WIDGET (row);
}

GtkWidget *
escale_agenda_referral_row_new (const EscaleAgendaReferral *referral,
                                const char                 *theme_label,
                                const char                 *state_label)
{
  g_autofree char *who = NULL;
  g_autofree char *details = NULL;
  AdwActionRow *row;
  GtkWidget *icon;
  GtkWidget *state;

  g_return_val_if_fail (referral != NULL, NULL);

  who = escale_agenda_format_person (referral->who, referral->file_number);
  details = escale_agenda_format_referral_details (referral, theme_label);
  row = escale_agenda_plain_row_new (who, details);
  icon = gtk_image_new_from_icon_name (escale_action_type_icon_name ("referral"));
  gtk_widget_add_css_class (icon, "theme-icon");
  gtk_widget_add_css_class (icon, escale_theme_css_class (referral->service_theme));
  adw_action_row_add_prefix (row, icon);
  state = gtk_label_new (state_label);
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "status-badge");
  gtk_widget_add_css_class (state, g_str_equal (referral->state, "no_answer")
                                   ? "referral-no_answer" : "referral-pending");
  adw_action_row_add_suffix (row, state);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  make_opens_person (row, referral->open_person_id);
  return GTK_WIDGET (row);
}

GtkWidget *
escale_agenda_lost_row_new (const EscaleAgendaLostContact *lost)
{
  g_autofree char *who = NULL;
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;
  AdwActionRow *row;

  g_return_val_if_fail (lost != NULL, NULL);

  who = escale_agenda_format_person (lost->who, lost->file_number);
  date = lost->last_action ? escale_format_date (lost->last_action) : NULL;
  if (date != NULL)
    /* Translators: %s is the date of the last done action with a person */
    details = g_strdup_printf (_("Last action: %s"), date);
  else
    details = g_strdup (_("Last action: never"));
  row = escale_agenda_plain_row_new (who, details);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  make_opens_person (row, lost->person_id);
  return GTK_WIDGET (row);
}
