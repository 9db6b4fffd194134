/* escale-agenda-page.c — the Agenda page: what is due today and the next days
 *
 * The page reads the agenda queries again whenever it is shown, a setting
 * changes or the day changes. Each list is a section (see
 * escale-agenda-section.h): overdue actions, one a day, referrals to follow
 * up, expiring documents, lost contacts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-action-store.h"
#include "escale-agenda-page-private.h"
#include "escale-agenda-print.h"
#include "escale-agenda-rows.h"
#include "escale-agenda-section.h"
#include "escale-agenda-util.h"
#include "escale-agenda.h"
#include "escale-application.h"
#include "escale-followup-util.h"
#include "escale-ui-util.h"

static void queue_refresh     (EscaleAgendaPage *self);
static void schedule_midnight (EscaleAgendaPage *self);

G_DEFINE_FINAL_TYPE (EscaleAgendaPage, escale_agenda_page, ADW_TYPE_BIN)

enum {
  OPEN_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Refreshing */

static gboolean
has_content (EscaleAgendaPage *self)
{
  for (guint s = 0; s < self->sections->len; s++)
    if (escale_agenda_section_get_n_total (g_ptr_array_index (self->sections, s)) > 0)
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
                                   _("No planned actions, referrals to follow up, expiring "
                                     "documents or lost contacts for these days"));
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
      !escale_agenda_section_add (self, ESCALE_AGENDA_SECTION_OVERDUE, NULL, error))
    return FALSE;
  for (int d = 0; d < n_days; d++)
    {
      g_autofree char *day = escale_agenda_add_days (self->day, d);

      if (!escale_agenda_section_add (self, ESCALE_AGENDA_SECTION_DAY, day, error))
        return FALSE;
    }
  return escale_agenda_section_add (self, ESCALE_AGENDA_SECTION_REFERRALS, NULL, error) &&
         escale_agenda_section_add (self, ESCALE_AGENDA_SECTION_EXPIRING, NULL, error) &&
         escale_agenda_section_add (self, ESCALE_AGENDA_SECTION_LOST, NULL, error);
}

void
escale_agenda_page_refresh (EscaleAgendaPage *self)
{
  g_autoptr(GError) error = NULL;
  int n_days;

  g_return_if_fail (ESCALE_IS_AGENDA_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  update_today (self);
  n_days = MAX (escale_agenda_page_get_setting_int (self, "agenda-days", 7), 1);
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
           g_str_equal (key, "lost-contact-months") || g_str_equal (key, "worker-name") ||
           g_str_equal (key, "referral-follow-up-days"))
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
  escale_agenda_sections_remove_action (self, id);
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
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_agenda_section_free);
  self->labels = escale_agenda_labels_new ();

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
  worker = escale_agenda_page_dup_worker (self);
  operation = escale_agenda_print_new (self->store, self->day, self->today, worker,
                                       gtk_widget_get_direction (GTK_WIDGET (self)), &error);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (operation == NULL ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* Private API (escale-agenda-page-private.h) */

int
escale_agenda_page_get_setting_int (EscaleAgendaPage *self,
                                    const char       *key,
                                    int               fallback)
{
  g_return_val_if_fail (ESCALE_IS_AGENDA_PAGE (self), fallback);
  return self->settings ? g_settings_get_int (self->settings, key) : fallback;
}

char *
escale_agenda_page_dup_worker (EscaleAgendaPage *self)
{
  g_return_val_if_fail (ESCALE_IS_AGENDA_PAGE (self), NULL);
  return escale_agenda_page_get_everyone (self) ? NULL : escale_current_worker ();
}
