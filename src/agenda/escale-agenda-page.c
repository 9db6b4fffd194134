/* escale-agenda-page.c — the Agenda page: what is due today and the next days
 *
 * The page reads the agenda queries again whenever it is shown, a setting
 * changes or the day changes. Each list is a section: a preferences group
 * showing the first rows of its query, 50 more each time the user asks, and
 * the count of them all, so that a lost-contact list of thousands of people
 * costs one count and 50 rows until asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-action-store.h"
#include "escale-agenda-page.h"
#include "escale-agenda-print.h"
#include "escale-agenda-util.h"
#include "escale-agenda.h"
#include "escale-application.h"
#include "escale-followup-util.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define ROWS_STEP 50

typedef enum {
  SECTION_OVERDUE,
  SECTION_DAY,
  SECTION_EXPIRING,
  SECTION_LOST,
} SectionKind;

typedef struct
{
  EscaleAgendaPage    *page;
  SectionKind          kind;
  char                *day;         /* SECTION_DAY */
  AdwPreferencesGroup *group;       /* a child of the content box */
  GPtrArray           *items;       /* the first rows of the section's query */
  guint                n_total;     /* how many rows the query has in all */
  GPtrArray           *rows;        /* the rows of items[0 .. rows->len) */
  GtkWidget           *more_row;    /* nullable */
  GtkWidget           *placeholder; /* nullable */
} Section;

struct _EscaleAgendaPage
{
  AdwBin          parent_instance;

  EscaleStore    *store;
  GSettings      *settings;
  char           *today;        /* of the last refresh */
  char           *day;          /* the first day shown */
  GPtrArray      *sections;     /* (element-type Section) */
  GHashTable     *labels;       /* "kind/code" → label, for one refresh */
  guint           refresh_id;
  guint           midnight_id;

  GtkToggleButton *mine_button;
  GtkToggleButton *everyone_button;
  GtkLabel        *range_label;
  GtkStack        *content_stack;
  GtkBox          *content_box;
  AdwStatusPage   *empty_page;
};

static void queue_refresh     (EscaleAgendaPage *self);
static void schedule_midnight (EscaleAgendaPage *self);

G_DEFINE_FINAL_TYPE (EscaleAgendaPage, escale_agenda_page, ADW_TYPE_BIN)

enum {
  OPEN_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Settings */

static int
get_setting_int (EscaleAgendaPage *self,
                 const char       *key,
                 int               fallback)
{
  return self->settings ? g_settings_get_int (self->settings, key) : fallback;
}

static char *
current_worker (EscaleAgendaPage *self)
{
  return escale_agenda_page_get_everyone (self) ? NULL : escale_current_worker ();
}

/* Labels */

static const char *
vocab_label (EscaleAgendaPage *self,
             const char       *kind,
             const char       *code)
{
  g_autofree char *key = NULL;
  const char *label;

  if (code == NULL || self->store == NULL)
    return "";
  key = g_strconcat (kind, "/", code, NULL);
  label = g_hash_table_lookup (self->labels, key);
  if (label == NULL)
    {
      label = escale_vocab_get_label (self->store, kind, code);
      if (label == NULL)
        label = g_strdup (code);
      g_hash_table_insert (self->labels, g_steal_pointer (&key), (char *) label);
    }
  return label;
}

/* The non-empty ones of @parts, separated by dots. */
static char *
join_details (const char * const *parts,
              gsize               n_parts)
{
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, parts[i]);
    }
  return g_string_free (text, FALSE);
}

/* Rows */

static AdwActionRow *
plain_row_new (const char *title,
               const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 2);
  return row;
}

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

static GtkWidget *
action_row_new (EscaleAgendaPage *self,
                gpointer          item)
{
  const EscaleAgendaAction *action = item;
  g_autofree char *who = escale_agenda_format_who (action);
  g_autofree char *notes = escale_agenda_first_line (action->notes);
  const char *parts[] = {
    vocab_label (self, ESCALE_VOCAB_ACTION_TYPE, action->type),
    escale_agenda_page_get_everyone (self) ? action->worker : NULL,
    notes,
  };
  /* The worker (parts[1]) is worth saying only when the list mixes workers. */
  g_autofree char *details = join_details (parts, G_N_ELEMENTS (parts));
  AdwActionRow *row = plain_row_new (who, details);

  adw_action_row_add_prefix (row, time_label_new (action));
  adw_action_row_add_prefix (row, type_icon_new (action));
  adw_action_row_add_suffix (row, done_button_new (action));
  make_opens_person (row, action->open_person_id);
  return GTK_WIDGET (row);
}

static GtkWidget *
expiry_row_new (EscaleAgendaPage *self,
                gpointer          item)
{
  const EscaleAgendaExpiry *expiry = item;
  g_autofree char *who = escale_agenda_format_person (expiry->who, expiry->file_number);
  g_autofree char *when = escale_agenda_format_expiry (expiry->days_left);
  g_autofree char *date = escale_format_date (expiry->expiry);
  const char *parts[] = {
    vocab_label (self, ESCALE_VOCAB_STATUS, expiry->status), expiry->document,
  };
  g_autofree char *details = join_details (parts, G_N_ELEMENTS (parts));
  AdwActionRow *row = plain_row_new (who, details);
  GtkWidget *label = gtk_label_new (when);

  gtk_widget_add_css_class (label, expiry->days_left < 0 ? "error" : "warning");
  gtk_widget_set_tooltip_text (label, date);
  adw_action_row_add_suffix (row, label);
  make_opens_person (row, expiry->person_id);
  return GTK_WIDGET (row);
}

static GtkWidget *
lost_row_new (G_GNUC_UNUSED EscaleAgendaPage *self,
              gpointer                        item)
{
  const EscaleAgendaLostContact *lost = item;
  g_autofree char *who = escale_agenda_format_person (lost->who, lost->file_number);
  g_autofree char *date = lost->last_action ? escale_format_date (lost->last_action) : NULL;
  g_autofree char *details = NULL;
  AdwActionRow *row;

  if (date != NULL)
    /* Translators: %s is the date of the last done action with a person */
    details = g_strdup_printf (_("Last action: %s"), date);
  else
    details = g_strdup (_("Last action: never"));
  row = plain_row_new (who, details);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  make_opens_person (row, lost->person_id);
  return GTK_WIDGET (row);
}

/* Sections */

static void
section_free (Section *section)
{
  g_free (section->day);
  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

static char *
section_title (Section *section)
{
  EscaleAgendaPage *self = section->page;
  guint n = section->n_total;

  switch (section->kind)
    {
    case SECTION_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Overdue Action",
                                           "%u Overdue Actions", n), n);
    case SECTION_DAY:
      return escale_agenda_format_day (section->day, self->today);
    case SECTION_EXPIRING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Document Expiring",
                                           "%u Documents Expiring", n), n);
    case SECTION_LOST:
    default:
      /* Translators: people with whom the association has lost contact */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Lost Contact: %u Person",
                                           "Lost Contact: %u People", n), n);
    }
}

static char *
section_description (Section *section)
{
  EscaleAgendaPage *self = section->page;
  guint n = section->n_total;
  int days, months;

  switch (section->kind)
    {
    case SECTION_OVERDUE:
      return g_strdup (_("Planned actions whose day has passed"));
    case SECTION_DAY:
      if (n == 0)
        return NULL;
      {
        g_autofree char *date = escale_format_date (section->day);
        g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u planned action",
                                                               "%u planned actions", n), n);
        const char *parts[] = { date, count };

        return join_details (parts, G_N_ELEMENTS (parts));
      }
    case SECTION_EXPIRING:
      days = get_setting_int (self, "expiry-warning-days", 60);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Residence documents expired or expiring within %d day",
                                           "Residence documents expired or expiring within %d days",
                                           (gulong) days), days);
    case SECTION_LOST:
    default:
      months = get_setting_int (self, "lost-contact-months", 3);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Open files with no done action for %d month",
                                           "Open files with no done action for %d months",
                                           (gulong) months), months);
    }
}

static void
section_update_title (Section *section)
{
  g_autofree char *title = section_title (section);
  g_autofree char *description = section_description (section);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (section->group, escaped);
  g_clear_pointer (&escaped, g_free);
  escaped = description ? g_markup_escape_text (description, -1) : NULL;
  adw_preferences_group_set_description (section->group, escaped);
}

static GtkWidget *
section_row_new (Section  *section,
                 gpointer  item)
{
  switch (section->kind)
    {
    case SECTION_OVERDUE:
    case SECTION_DAY:
      return action_row_new (section->page, item);
    case SECTION_EXPIRING:
      return expiry_row_new (section->page, item);
    case SECTION_LOST:
    default:
      return lost_row_new (section->page, item);
    }
}

static void on_more_activated_cb (Section *section);

static void
section_update_more (Section *section)
{
  guint left = section->n_total > section->rows->len ? section->n_total - section->rows->len : 0;
  g_autofree char *subtitle = NULL;

  if (section->more_row != NULL)
    {
      adw_preferences_group_remove (section->group, section->more_row);
      section->more_row = NULL;
    }
  if (left == 0)
    return;
  /* Translators: how many more rows a list can show */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", left), left);
  section->more_row = GTK_WIDGET (plain_row_new (_("Show More"), subtitle));
  adw_action_row_add_suffix (ADW_ACTION_ROW (section->more_row),
                             gtk_image_new_from_icon_name ("view-more-horizontal-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (section->more_row), TRUE);
  g_signal_connect_swapped (section->more_row, "activated", G_CALLBACK (on_more_activated_cb),
                            section);
  adw_preferences_group_add (section->group, section->more_row);
}

/* The first @limit rows of @section's query, and how many there are in all. */
static GPtrArray *
section_query (Section  *section,
               guint     limit,
               guint    *n_total,
               GError  **error)
{
  EscaleAgendaPage *self = section->page;
  g_autofree char *worker = current_worker (self);

  switch (section->kind)
    {
    case SECTION_OVERDUE:
      return escale_agenda_list_overdue_page (self->store, self->today, worker, limit, n_total,
                                              error);
    case SECTION_DAY:
      return escale_agenda_list_due_page (self->store, section->day, section->day, self->today,
                                          worker, limit, n_total, error);
    case SECTION_EXPIRING:
      return escale_agenda_list_expiring_page (self->store, self->today,
                                               (guint) get_setting_int (self,
                                                                        "expiry-warning-days",
                                                                        60),
                                               limit, n_total, error);
    case SECTION_LOST:
    default:
      return escale_agenda_list_lost_contact_page (self->store, self->today,
                                                   (guint) get_setting_int (self,
                                                                            "lost-contact-months",
                                                                            3),
                                                   limit, n_total, error);
    }
}

/* Reads the first @limit rows again, when more are wanted than were read. */
static gboolean
section_read (Section  *section,
              guint     limit,
              GError  **error)
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
section_show_more (Section *section)
{
  guint end = section->rows->len + ROWS_STEP;
  g_autoptr(GError) error = NULL;

  if (section->more_row != NULL)
    {
      adw_preferences_group_remove (section->group, section->more_row);
      section->more_row = NULL;
    }
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
section_update_placeholder (Section *section)
{
  if (section->n_total > 0 || section->placeholder != NULL)
    return;
  section->placeholder = GTK_WIDGET (plain_row_new (_("Nothing planned"), NULL));
  gtk_widget_add_css_class (section->placeholder, "dim-label");
  adw_preferences_group_add (section->group, section->placeholder);
}

/* Adds the section of @kind (and @day) when its query has rows, or always
 * for today; FALSE with @error when the query fails. */
static gboolean
section_add (EscaleAgendaPage  *self,
             SectionKind        kind,
             const char        *day,
             GError           **error)
{
  Section *section = g_new0 (Section, 1);

  section->page = self;
  section->kind = kind;
  section->day = g_strdup (day);
  section->rows = g_ptr_array_new ();
  if (!section_read (section, ROWS_STEP, error) ||
      (section->n_total == 0 && (kind != SECTION_DAY || g_strcmp0 (day, self->today) != 0)))
    {
      gboolean ok = section->items != NULL;

      section_free (section);
      return ok;
    }
  section->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (kind == SECTION_OVERDUE)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      adw_preferences_group_set_header_suffix (section->group, icon);
      gtk_widget_add_css_class (GTK_WIDGET (section->group), "agenda-overdue");
    }
  gtk_box_append (self->content_box, GTK_WIDGET (section->group));
  g_ptr_array_add (self->sections, section);
  section_show_more (section);
  if (kind == SECTION_DAY && g_strcmp0 (day, self->today) == 0)
    section_update_placeholder (section);
  return TRUE;
}

/* Removes the action @id from the sections that show it; FALSE when none. */
static gboolean
sections_remove_action (EscaleAgendaPage *self,
                        gint64            id)
{
  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);

      if (section->kind != SECTION_OVERDUE && section->kind != SECTION_DAY)
        continue;
      for (guint i = 0; i < section->rows->len; i++)
        {
          EscaleAgendaAction *action = g_ptr_array_index (section->items, i);

          if (action->action_id != id)
            continue;
          adw_preferences_group_remove (section->group, g_ptr_array_index (section->rows, i));
          g_ptr_array_remove_index (section->rows, i);
          g_ptr_array_remove_index (section->items, i);
          section->n_total--;
          section_update_title (section);
          section_update_more (section);
          if (section->n_total > 0 || g_strcmp0 (section->day, self->today) == 0)
            section_update_placeholder (section);
          else
            {
              gtk_box_remove (self->content_box, GTK_WIDGET (section->group));
              g_ptr_array_remove_index (self->sections, s);
            }
          return TRUE;
        }
    }
  return FALSE;
}

/* Refreshing */

static gboolean
has_content (EscaleAgendaPage *self)
{
  for (guint s = 0; s < self->sections->len; s++)
    if (((Section *) g_ptr_array_index (self->sections, s))->n_total > 0)
      return TRUE;
  return FALSE;
}

static void
update_visible_page (EscaleAgendaPage *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, has_content (self) ? "list" : "empty");
}

static void
clear_sections (EscaleAgendaPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
  g_ptr_array_set_size (self->sections, 0);
  g_hash_table_remove_all (self->labels);
}

static void
update_range_label (EscaleAgendaPage *self,
                    int               n_days)
{
  g_autofree char *last = escale_agenda_add_days (self->day, n_days - 1);
  g_autofree char *first_text = escale_agenda_format_day (self->day, self->today);
  g_autofree char *last_text = escale_agenda_format_day (last, self->today);
  g_autofree char *text = NULL;

  if (n_days == 1)
    text = g_steal_pointer (&first_text);
  else
    /* Translators: the days the agenda shows, from the first to the last */
    text = g_strdup_printf (_("%s – %s"), first_text, last_text);
  gtk_label_set_text (self->range_label, text);
}

static void
show_error (EscaleAgendaPage *self,
            GError           *error)
{
  clear_sections (self);
  adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->empty_page, _("Cannot Read the Agenda"));
  adw_status_page_set_description (self->empty_page, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
show_empty_text (EscaleAgendaPage *self)
{
  adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
  adw_status_page_set_title (self->empty_page, _("Nothing Due"));
  adw_status_page_set_description (self->empty_page,
                                   _("No planned actions, expiring documents or lost contacts "
                                     "for these days"));
}

/* Moves on to a new day: the page that showed today shows the new today. */
static void
update_today (EscaleAgendaPage *self)
{
  g_autofree char *today = escale_agenda_today ();

  if (self->day == NULL || g_strcmp0 (self->day, self->today) == 0)
    {
      g_free (self->day);
      self->day = g_strdup (today);
    }
  g_free (self->today);
  self->today = g_steal_pointer (&today);
}

/* Adds the sections, in the page's order; FALSE with @error when a query
 * fails. */
static gboolean
add_sections (EscaleAgendaPage  *self,
              int                n_days,
              GError           **error)
{
  /* Overdue actions belong with today, not with another day looked at. */
  if (g_strcmp0 (self->day, self->today) == 0 &&
      !section_add (self, SECTION_OVERDUE, NULL, error))
    return FALSE;
  for (int d = 0; d < n_days; d++)
    {
      g_autofree char *day = escale_agenda_add_days (self->day, d);

      if (!section_add (self, SECTION_DAY, day, error))
        return FALSE;
    }
  return section_add (self, SECTION_EXPIRING, NULL, error) &&
         section_add (self, SECTION_LOST, NULL, error);
}

void
escale_agenda_page_refresh (EscaleAgendaPage *self)
{
  g_autoptr(GError) error = NULL;
  int n_days;

  g_return_if_fail (ESCALE_IS_AGENDA_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  update_today (self);
  n_days = MAX (get_setting_int (self, "agenda-days", 7), 1);
  update_range_label (self, n_days);
  if (self->store == NULL)
    return;

  clear_sections (self);
  show_empty_text (self);
  if (!add_sections (self, n_days, &error))
    {
      show_error (self, error);
      return;
    }
  update_visible_page (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  EscaleAgendaPage *self = user_data;

  self->refresh_id = 0;
  escale_agenda_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Several changes at once (a toggle and its setting) refresh once. */
static void
queue_refresh (EscaleAgendaPage *self)
{
  if (self->refresh_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  EscaleAgendaPage *self = user_data;

  self->midnight_id = 0;
  queue_refresh (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_midnight (EscaleAgendaPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) midnight = g_date_time_add_days (start, 1);
  GTimeSpan left = g_date_time_difference (midnight, now);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  self->midnight_id = g_timeout_add_seconds ((guint) (left / G_TIME_SPAN_SECOND) + 1,
                                             midnight_cb, self);
}

/* Callbacks */

static void
on_more_activated_cb (Section *section)
{
  section_show_more (section);
}

static void
on_everyone_active_cb (EscaleAgendaPage *self)
{
  gboolean everyone = gtk_toggle_button_get_active (self->everyone_button);

  if (self->settings != NULL &&
      g_settings_get_boolean (self->settings, "agenda-everyone") != everyone)
    g_settings_set_boolean (self->settings, "agenda-everyone", everyone);
  queue_refresh (self);
}

static void
on_settings_changed_cb (EscaleAgendaPage *self,
                        const char       *key)
{
  if (g_str_equal (key, "agenda-everyone"))
    escale_agenda_page_set_everyone (self, g_settings_get_boolean (self->settings, key));
  else if (g_str_equal (key, "agenda-days") || g_str_equal (key, "expiry-warning-days") ||
           g_str_equal (key, "lost-contact-months") || g_str_equal (key, "worker-name"))
    queue_refresh (self);
}

static void
on_undo_clicked_cb (AdwToast         *toast,
                    EscaleAgendaPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (toast), "action-id");
  g_autoptr(GError) error = NULL;

  if (escale_store_set_action_status (self->store, *id, "planned", &error))
    escale_agenda_page_refresh (self);
  else
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* Actions */

static void
done_action (GtkWidget                *widget,
             G_GNUC_UNUSED const char *action_name,
             GVariant                 *parameter)
{
  EscaleAgendaPage *self = ESCALE_AGENDA_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;
  if (!escale_store_set_action_status (self->store, id, "done", &error))
    {
      escale_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  sections_remove_action (self, id);
  update_visible_page (self);
  toast = adw_toast_new (_("Marked as done"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "action-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  escale_add_toast (widget, toast);
}

static void
open_person_action (GtkWidget                *widget,
                    G_GNUC_UNUSED const char *action_name,
                    GVariant                 *parameter)
{
  g_signal_emit (widget, signals[OPEN_PERSON], 0, g_variant_get_int64 (parameter));
}

static void
move_day (EscaleAgendaPage *self,
          int               days)
{
  g_autofree char *day = NULL;

  if (self->day == NULL)
    update_today (self);
  day = escale_agenda_add_days (self->day, days);
  escale_agenda_page_set_day (self, day);
}

static void
previous_day_action (GtkWidget                *widget,
                     G_GNUC_UNUSED const char *action_name,
                     G_GNUC_UNUSED GVariant   *parameter)
{
  move_day (ESCALE_AGENDA_PAGE (widget), -1);
}

static void
next_day_action (GtkWidget                *widget,
                 G_GNUC_UNUSED const char *action_name,
                 G_GNUC_UNUSED GVariant   *parameter)
{
  move_day (ESCALE_AGENDA_PAGE (widget), 1);
}

static void
today_action (GtkWidget                *widget,
              G_GNUC_UNUSED const char *action_name,
              G_GNUC_UNUSED GVariant   *parameter)
{
  g_autofree char *today = escale_agenda_today ();

  escale_agenda_page_set_day (ESCALE_AGENDA_PAGE (widget), today);
}

static void
print_action (GtkWidget                *widget,
              G_GNUC_UNUSED const char *action_name,
              G_GNUC_UNUSED GVariant   *parameter)
{
  escale_agenda_page_print (ESCALE_AGENDA_PAGE (widget));
}

/* GObject */

static void
escale_agenda_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (escale_agenda_page_parent_class)->map (widget);
  escale_agenda_page_refresh (ESCALE_AGENDA_PAGE (widget));
}

static void
escale_agenda_page_dispose (GObject *object)
{
  EscaleAgendaPage *self = ESCALE_AGENDA_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (escale_agenda_page_parent_class)->dispose (object);
}

static void
escale_agenda_page_finalize (GObject *object)
{
  EscaleAgendaPage *self = ESCALE_AGENDA_PAGE (object);

  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_free (self->today);
  g_free (self->day);

  G_OBJECT_CLASS (escale_agenda_page_parent_class)->finalize (object);
}

static void
escale_agenda_page_class_init (EscaleAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_agenda_page_dispose;
  object_class->finalize = escale_agenda_page_finalize;
  widget_class->map = escale_agenda_page_map;

  /**
   * EscaleAgendaPage::open-person:
   * @person_id: the person whose file to open
   */
  signals[OPEN_PERSON] = g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/agenda/escale-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleAgendaPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleAgendaPage, everyone_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleAgendaPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleAgendaPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleAgendaPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleAgendaPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_everyone_active_cb);

  gtk_widget_class_install_action (widget_class, "agenda.done", "x", done_action);
  gtk_widget_class_install_action (widget_class, "agenda.open-person", "x", open_person_action);
  gtk_widget_class_install_action (widget_class, "agenda.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "agenda.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "agenda.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "agenda.print", NULL, print_action);
}

static void
escale_agenda_page_init (EscaleAgendaPage *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = escale_application_new_settings ();
  if (self->settings != NULL)
    {
      escale_agenda_page_set_everyone (self,
                                       g_settings_get_boolean (self->settings, "agenda-everyone"));
      g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (on_settings_changed_cb),
                                self);
    }
  schedule_midnight (self);
}

/* Public API */

void
escale_agenda_page_set_store (EscaleAgendaPage *self,
                              EscaleStore      *store)
{
  g_return_if_fail (ESCALE_IS_AGENDA_PAGE (self));
  g_return_if_fail (store == NULL || ESCALE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    escale_agenda_page_refresh (self);
}

const char *
escale_agenda_page_get_day (EscaleAgendaPage *self)
{
  g_return_val_if_fail (ESCALE_IS_AGENDA_PAGE (self), NULL);

  if (self->day == NULL)
    update_today (self);
  return self->day;
}

void
escale_agenda_page_set_day (EscaleAgendaPage *self,
                            const char       *day)
{
  g_return_if_fail (ESCALE_IS_AGENDA_PAGE (self));
  g_return_if_fail (escale_store_check_iso_date (day));

  if (g_strcmp0 (self->day, day) == 0)
    return;
  g_free (self->day);
  self->day = g_strdup (day);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    escale_agenda_page_refresh (self);
}

gboolean
escale_agenda_page_get_everyone (EscaleAgendaPage *self)
{
  g_return_val_if_fail (ESCALE_IS_AGENDA_PAGE (self), FALSE);
  return gtk_toggle_button_get_active (self->everyone_button);
}

void
escale_agenda_page_set_everyone (EscaleAgendaPage *self,
                                 gboolean          everyone)
{
  g_return_if_fail (ESCALE_IS_AGENDA_PAGE (self));
  /* Toggles of a group are switched on, never off. */
  gtk_toggle_button_set_active (everyone ? self->everyone_button : self->mine_button, TRUE);
}

void
escale_agenda_page_print (EscaleAgendaPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *worker = NULL;
  GtkRoot *root;

  g_return_if_fail (ESCALE_IS_AGENDA_PAGE (self));

  if (self->store == NULL)
    return;
  if (self->day == NULL)
    update_today (self);
  worker = current_worker (self);
  operation = escale_agenda_print_new (self->store, self->day, self->today, worker,
                                       gtk_widget_get_direction (GTK_WIDGET (self)), &error);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (operation == NULL ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}
