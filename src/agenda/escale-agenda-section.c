/* escale-agenda-section.c — one list of the agenda page, shown a few rows at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-agenda-page-private.h"
#include "escale-agenda-rows.h"
#include "escale-agenda-section.h"
#include "escale-agenda-util.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define ROWS_STEP 50

struct _EscaleAgendaSection
{
  EscaleAgendaPage        *page;
  EscaleAgendaSectionKind  kind;
  char                    *day;         /* ESCALE_AGENDA_SECTION_DAY */
  AdwPreferencesGroup     *group;       /* owned by the page's content */
  GPtrArray               *items;       /* the first rows of the section's query */
  guint                    n_total;     /* how many rows the query has in all */
  GPtrArray               *rows;        /* the rows of items[0 .. rows->len) */
  GtkWidget               *more_row;    /* nullable */
  GtkWidget               *empty_row;   /* nullable: "Nothing planned" */
};

static void on_more_activated_cb (EscaleAgendaSection *section);

/* Helpers */

static char *
section_title (EscaleAgendaSection *section)
{
  guint n = section->n_total;

  switch (section->kind)
    {
    case ESCALE_AGENDA_SECTION_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Overdue Action",
                                           "%u Overdue Actions", n), n);
    case ESCALE_AGENDA_SECTION_DAY:
      return escale_agenda_format_day (section->day, section->page->today);
    case ESCALE_AGENDA_SECTION_REFERRALS:
      /* Translators: referrals to partners still waiting for an answer */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Referral to Follow Up",
                                           "%u Referrals to Follow Up", n), n);
    case ESCALE_AGENDA_SECTION_EXPIRING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Document Expiring",
                                           "%u Documents Expiring", n), n);
    case ESCALE_AGENDA_SECTION_LOST:
    default:
      /* Translators: people with whom the association has lost contact */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Lost Contact: %u Person",
                                           "Lost Contact: %u People", n), n);
    }
}

static int
get_expiry_days (EscaleAgendaSection *section)
{
  return escale_agenda_page_get_setting_int (section->page, "expiry-warning-days", 60);
}

static int
get_follow_up_days (EscaleAgendaSection *section)
{
  return escale_agenda_page_get_setting_int (section->page, "referral-follow-up-days", 14);
}

static int
get_lost_months (EscaleAgendaSection *section)
{
  return escale_agenda_page_get_setting_int (section->page, "lost-contact-months", 3);
}

/* "12/06/2025 · 3 planned actions" */
static char *
day_description (const char *day,
                 guint       n)
{
  g_autofree char *date = escale_format_date (day);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned action",
                                                         "%u planned actions", n), n);
  const char *parts[] = { date, count };

  return escale_agenda_join_details (parts, G_N_ELEMENTS (parts));
}

static char *
section_description (EscaleAgendaSection *section)
{
  int days, months;

  switch (section->kind)
    {
    case ESCALE_AGENDA_SECTION_OVERDUE:
      return g_strdup (_("Planned actions whose day has passed"));
    case ESCALE_AGENDA_SECTION_DAY:
      return section->n_total > 0 ? day_description (section->day, section->n_total) : NULL;
    case ESCALE_AGENDA_SECTION_REFERRALS:
      days = get_follow_up_days (section);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Sent more than %d day ago and not answered yet",
                                           "Sent more than %d days ago and not answered yet",
                                           (gulong) days), days);
    case ESCALE_AGENDA_SECTION_EXPIRING:
      days = get_expiry_days (section);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Residence documents expired or expiring within %d day",
                                           "Residence documents expired or expiring within %d days",
                                           (gulong) days), days);
    case ESCALE_AGENDA_SECTION_LOST:
    default:
      months = get_lost_months (section);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Open files with no done action for %d month",
                                           "Open files with no done action for %d months",
                                           (gulong) months), months);
    }
}

static void
section_update_title (EscaleAgendaSection *section)
{
  g_autofree char *title = section_title (section);
  g_autofree char *description = section_description (section);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (section->group, escaped);
  g_clear_pointer (&escaped, g_free);
  escaped = description ? g_markup_escape_text (description, -1) : NULL;
  adw_preferences_group_set_description (section->group, escaped);
}

static gboolean
shows_actions (EscaleAgendaSection *section)
{
  return section->kind == ESCALE_AGENDA_SECTION_OVERDUE ||
         section->kind == ESCALE_AGENDA_SECTION_DAY;
}

static const char *
section_label (EscaleAgendaSection *section,
               const char          *kind,
               const char          *code)
{
  return escale_agenda_labels_lookup (section->page->labels, section->page->store, kind, code);
}

static GtkWidget *
section_row_new (EscaleAgendaSection *section,
                 gpointer             item)
{
  if (shows_actions (section))
    {
      const EscaleAgendaAction *action = item;

      return escale_agenda_action_row_new (action,
                                           section_label (section, ESCALE_VOCAB_ACTION_TYPE,
                                                          action->type),
                                           escale_agenda_page_get_everyone (section->page));
    }
  if (section->kind == ESCALE_AGENDA_SECTION_REFERRALS)
    {
      const EscaleAgendaReferral *referral = item;

      return escale_agenda_referral_row_new (referral,
                                             section_label (section, ESCALE_VOCAB_THEME,
                                                            referral->service_theme),
                                             section_label (section, ESCALE_VOCAB_REFERRAL_STATE,
                                                            referral->state));
    }
  if (section->kind == ESCALE_AGENDA_SECTION_EXPIRING)
    {
      const EscaleAgendaExpiry *expiry = item;

      return escale_agenda_expiry_row_new (expiry, section_label (section, ESCALE_VOCAB_STATUS,
                                                                  expiry->status));
    }
  return escale_agenda_lost_row_new (item);
}

static void
section_remove_more (EscaleAgendaSection *section)
{
  if (section->more_row == NULL)
    return;
  adw_preferences_group_remove (section->group, section->more_row);
  section->more_row = NULL;
}

static void
section_update_more (EscaleAgendaSection *section)
{
  guint left = section->n_total > section->rows->len ? section->n_total - section->rows->len : 0;
  g_autofree char *subtitle = NULL;

  section_remove_more (section);
  if (left == 0)
    return;
  /* Translators: how many more rows a list can show */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", left), left);
  section->more_row = GTK_WIDGET (escale_agenda_plain_row_new (_("Show More"), subtitle));
  adw_action_row_add_suffix (ADW_ACTION_ROW (section->more_row),
                             gtk_image_new_from_icon_name ("view-more-horizontal-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (section->more_row), TRUE);
  g_signal_connect_swapped (section->more_row, "activated", G_CALLBACK (on_more_activated_cb),
                            section);
  adw_preferences_group_add (section->group, section->more_row);
}

/* The first @limit rows of @section's query, and how many there are in all. */
static GPtrArray *
section_query (EscaleAgendaSection  *section,
               guint                 limit,
               guint                *n_total,
               GError              **error)
{
  EscaleStore *store = section->page->store;
  const char *today = section->page->today;
  g_autofree char *worker = escale_agenda_page_dup_worker (section->page);

  switch (section->kind)
    {
    case ESCALE_AGENDA_SECTION_OVERDUE:
      return escale_agenda_list_overdue_page (store, today, worker, limit, n_total, error);
    case ESCALE_AGENDA_SECTION_DAY:
      return escale_agenda_list_due_page (store, section->day, section->day, today, worker, limit,
                                          n_total, error);
    case ESCALE_AGENDA_SECTION_REFERRALS:
      return escale_agenda_list_referrals_to_follow_up_page (store, today,
                                                             (guint) get_follow_up_days (section),
                                                             worker, limit, n_total, error);
    case ESCALE_AGENDA_SECTION_EXPIRING:
      return escale_agenda_list_expiring_page (store, today, (guint) get_expiry_days (section),
                                               limit, n_total, error);
    case ESCALE_AGENDA_SECTION_LOST:
    default:
      return escale_agenda_list_lost_contact_page (store, today, (guint) get_lost_months (section),
                                                   limit, n_total, error);
    }
}

/* Reads the first @limit rows again, when more are wanted than were read. */
static gboolean
section_read (EscaleAgendaSection  *section,
              guint                 limit,
              GError              **error)
{
  GPtrArray *items;

  if (section->items != NULL && section->items->len >= MIN (limit, section->n_total))
    return TRUE;
  items = section_query (section, limit, &section->n_total, error);
  if (items == NULL)
    return FALSE;
  g_clear_pointer (&section->items, g_ptr_array_unref);
  section->items = items;
  return TRUE;
}

static void
section_show_more (EscaleAgendaSection *section)
{
  guint end = section->rows->len + ROWS_STEP;
  g_autoptr(GError) error = NULL;

  section_remove_more (section);
  if (!section_read (section, end, &error))
    escale_add_toast (GTK_WIDGET (section->page), adw_toast_new (error->message));
  end = MIN (end, section->items->len);
  for (guint i = section->rows->len; i < end; i++)
    {
      GtkWidget *row = section_row_new (section, g_ptr_array_index (section->items, i));

      g_ptr_array_add (section->rows, row);
      adw_preferences_group_add (section->group, row);
    }
  section_update_title (section);
  section_update_more (section);
}

static void
section_show_empty_row (EscaleAgendaSection *section)
{
  if (section->n_total > 0 || section->empty_row != NULL)
    return;
  section->empty_row = GTK_WIDGET (escale_agenda_plain_row_new (_("Nothing planned"), NULL));
  gtk_widget_add_css_class (section->empty_row, "dim-label");
  adw_preferences_group_add (section->group, section->empty_row);
}

static void
section_create_group (EscaleAgendaSection *section)
{
  section->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (section->kind == ESCALE_AGENDA_SECTION_OVERDUE)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      adw_preferences_group_set_header_suffix (section->group, icon);
      gtk_widget_add_css_class (GTK_WIDGET (section->group), "agenda-overdue");
    }
}

/* Whether the page shows it: it has rows, or it is today's. */
static gboolean
section_is_wanted (EscaleAgendaSection *section)
{
  return section->n_total > 0 ||
         (section->kind == ESCALE_AGENDA_SECTION_DAY &&
          g_strcmp0 (section->day, section->page->today) == 0);
}

/* Removes the row of the action @action_id; FALSE when @section does not
 * show it. */
static gboolean
section_remove_action (EscaleAgendaSection *section,
                       gint64               action_id)
{
  if (!shows_actions (section))
    return FALSE;
  for (guint i = 0; i < section->rows->len; i++)
    {
      EscaleAgendaAction *action = g_ptr_array_index (section->items, i);

      if (action->action_id != action_id)
        continue;
      adw_preferences_group_remove (section->group, g_ptr_array_index (section->rows, i));
      g_ptr_array_remove_index (section->rows, i);
      g_ptr_array_remove_index (section->items, i);
      section->n_total--;
      section_update_title (section);
      section_update_more (section);
      if (section_is_wanted (section))
        section_show_empty_row (section);
      return TRUE;
    }
  return FALSE;
}

/* Callbacks */

static void
on_more_activated_cb (EscaleAgendaSection *section)
{
  section_show_more (section);
}

/* Public API */

gboolean
escale_agenda_section_add (EscaleAgendaPage         *page,
                           EscaleAgendaSectionKind   kind,
                           const char               *day,
                           GError                  **error)
{
  EscaleAgendaSection *section;

  g_return_val_if_fail (ESCALE_IS_AGENDA_PAGE (page), FALSE);
  g_return_val_if_fail (kind != ESCALE_AGENDA_SECTION_DAY || day != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  section = g_new0 (EscaleAgendaSection, 1);
  section->page = page;
  section->kind = kind;
  section->day = g_strdup (day);
  section->rows = g_ptr_array_new ();
  if (!section_read (section, ROWS_STEP, error) || !section_is_wanted (section))
    {
      gboolean ok = section->items != NULL;

      escale_agenda_section_free (section);
      return ok;
    }
  section_create_group (section);
  gtk_box_append (page->content_box, GTK_WIDGET (section->group));
  g_ptr_array_add (page->sections, section);
  section_show_more (section);
  section_show_empty_row (section);
  return TRUE;
}

void
escale_agenda_section_free (EscaleAgendaSection *section)
{
  if (section == NULL)
    return;
  g_free (section->day);
  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

guint
escale_agenda_section_get_n_total (EscaleAgendaSection *section)
{
  g_return_val_if_fail (section != NULL, 0);
  return section->n_total;
}

gboolean
escale_agenda_sections_remove_action (EscaleAgendaPage *page,
                                      gint64            action_id)
{
  g_return_val_if_fail (ESCALE_IS_AGENDA_PAGE (page), FALSE);

  for (guint s = 0; s < page->sections->len; s++)
    {
      EscaleAgendaSection *section = g_ptr_array_index (page->sections, s);

      if (!section_remove_action (section, action_id))
        continue;
      if (!section_is_wanted (section))
        {
          gtk_box_remove (page->content_box, GTK_WIDGET (section->group));
          g_ptr_array_remove_index (page->sections, s);
        }
      return TRUE;
    }
  return FALSE;
}
