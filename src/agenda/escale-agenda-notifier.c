/* escale-agenda-notifier.c — a notification when a planned appointment is due
 *
 * Every minute, just after the minute turns, the notifier reads today's
 * planned actions and sends one notification for each whose time has come,
 * once per run of the application. Which ones is escale_agenda_pick_due(),
 * which does not read the clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "escale-agenda-notifier.h"
#include "escale-agenda-util.h"
#include "escale-application.h"
#include "escale-followup-util.h"
#include "escale-vocab.h"

struct _EscaleAgendaNotifier
{
  GObject       parent_instance;

  GApplication *application;  /* not owned: it owns the notifier */
  EscaleStore  *store;
  GSettings    *settings;
  GHashTable   *sent;         /* action ids */
  guint         timeout_id;
};

G_DEFINE_FINAL_TYPE (EscaleAgendaNotifier, escale_agenda_notifier, G_TYPE_OBJECT)

static int
minutes_of (const char *time)
{
  unsigned hours, minutes;

  if (time == NULL || sscanf (time, "%2u:%2u", &hours, &minutes) != 2 || hours > 23 ||
      minutes > 59)
    return -1;
  return (int) (hours * 60 + minutes);
}

GPtrArray *
escale_agenda_pick_due (GPtrArray  *actions,
                        const char *today,
                        int         now_minutes,
                        GHashTable *sent)
{
  GPtrArray *due = g_ptr_array_new ();

  g_return_val_if_fail (actions != NULL && today != NULL && sent != NULL, due);

  for (guint i = 0; i < actions->len; i++)
    {
      EscaleAgendaAction *action = g_ptr_array_index (actions, i);
      int at = minutes_of (action->time);

      if (at < 0 || g_strcmp0 (action->date, today) != 0 ||
          now_minutes < at || now_minutes > at + ESCALE_AGENDA_NOTIFY_LATE ||
          g_hash_table_contains (sent, &action->action_id))
        continue;
      g_hash_table_add (sent, g_memdup2 (&action->action_id, sizeof action->action_id));
      g_ptr_array_add (due, action);
    }
  return due;
}

static GNotification *
notification_new (EscaleAgendaNotifier     *self,
                  const EscaleAgendaAction *action)
{
  g_autofree char *type = escale_vocab_get_label (self->store, ESCALE_VOCAB_ACTION_TYPE,
                                                  action->type);
  g_autofree char *who = escale_agenda_format_who (action);
  g_autoptr(GIcon) icon = g_themed_icon_new (escale_action_type_icon_name (action->type));
  g_autofree char *title = NULL;
  GNotification *notification;

  /* Translators: a notification's title: an action type and its time,
   * like “Appointment at 14:30” */
  title = g_strdup_printf (_("%s at %s"), type ? type : action->type, action->time);
  notification = g_notification_new (title);
  g_notification_set_body (notification, who);
  g_notification_set_icon (notification, icon);
  if (action->file_number != NULL)
    g_notification_set_default_action_and_target (notification, "app.open-file", "s",
                                                  action->file_number);
  return notification;
}

guint
escale_agenda_notifier_check (EscaleAgendaNotifier *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *worker = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) due = NULL;

  g_return_val_if_fail (ESCALE_IS_AGENDA_NOTIFIER (self), 0);

  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "notify-appointments"))
    return 0;
  /* A notification is for the worker at the keyboard, whatever the agenda
   * shows: a welcome desk looking at everyone's day is not told of each. */
  worker = escale_current_worker ();
  actions = escale_agenda_list_due (self->store, today, today, today, worker, NULL);
  if (actions == NULL)
    return 0;
  due = escale_agenda_pick_due (actions, today,
                                g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now),
                                self->sent);
  for (guint i = 0; i < due->len; i++)
    {
      const EscaleAgendaAction *action = g_ptr_array_index (due, i);
      g_autoptr(GNotification) notification = notification_new (self, action);
      g_autofree char *id = g_strdup_printf ("appointment-%" G_GINT64_FORMAT, action->action_id);

      g_application_send_notification (self->application, id, notification);
    }
  return due->len;
}

static gboolean
tick_cb (gpointer user_data)
{
  escale_agenda_notifier_check (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_tick_cb (gpointer user_data)
{
  EscaleAgendaNotifier *self = user_data;

  escale_agenda_notifier_check (self);
  self->timeout_id = g_timeout_add_seconds (60, tick_cb, self);
  return G_SOURCE_REMOVE;
}

/* The first look just after the next minute starts, then every minute. */
static void
start_ticking (EscaleAgendaNotifier *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->timeout_id = g_timeout_add_seconds ((guint) (61 - g_date_time_get_second (now)),
                                            first_tick_cb, self);
}

static void
escale_agenda_notifier_dispose (GObject *object)
{
  EscaleAgendaNotifier *self = ESCALE_AGENDA_NOTIFIER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_agenda_notifier_parent_class)->dispose (object);
}

static void
escale_agenda_notifier_finalize (GObject *object)
{
  EscaleAgendaNotifier *self = ESCALE_AGENDA_NOTIFIER (object);

  g_hash_table_unref (self->sent);

  G_OBJECT_CLASS (escale_agenda_notifier_parent_class)->finalize (object);
}

static void
escale_agenda_notifier_class_init (EscaleAgendaNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_agenda_notifier_dispose;
  object_class->finalize = escale_agenda_notifier_finalize;
}

static void
escale_agenda_notifier_init (EscaleAgendaNotifier *self)
{
  self->sent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->settings = escale_application_new_settings ();
}

EscaleAgendaNotifier *
escale_agenda_notifier_new (GApplication *application,
                            EscaleStore  *store)
{
  EscaleAgendaNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_AGENDA_NOTIFIER, NULL);
  self->application = application;
  self->store = g_object_ref (store);
  start_ticking (self);
  return self;
}
