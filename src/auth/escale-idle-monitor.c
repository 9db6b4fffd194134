/* escale-idle-monitor.c — how long since the last input in any window
 *
 * Every toplevel window of the process, those opened later included, gets
 * an event controller in the capture phase, which sees each event before
 * the widgets do and only notes the time of the input ones. One timeout
 * runs at a time: when it fires early (input came meanwhile), it waits
 * again for what is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-idle-monitor.h"

#define WATCHED_KEY "escale-idle-monitor"

struct _EscaleIdleMonitor
{
  GObject     parent_instance;

  GListModel *toplevels;     /* gtk_window_get_toplevels(): not owned */
  GPtrArray  *controllers;   /* ours, one a window */
  guint       timeout_ms;
  gint64      last_input;    /* monotonic, in µs */
  guint       timeout_id;
  gboolean    idle;          /* "idle" emitted, not yet restarted */
};

G_DEFINE_FINAL_TYPE (EscaleIdleMonitor, escale_idle_monitor, G_TYPE_OBJECT)

enum {
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean on_timeout_cb (gpointer user_data);

/* Helpers */

static gboolean
is_input (GdkEvent *event)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Waits for what is left of the timeout since the last input. */
static void
arm (EscaleIdleMonitor *self)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - self->last_input) / 1000;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->timeout_ms == 0 || self->idle)
    return;
  self->timeout_id = g_timeout_add (elapsed_ms < self->timeout_ms
                                    ? self->timeout_ms - (guint) elapsed_ms : 0,
                                    on_timeout_cb, self);
}

/* Callbacks */

static gboolean
on_event_cb (G_GNUC_UNUSED GtkEventControllerLegacy *controller,
             GdkEvent                               *event,
             gpointer                                user_data)
{
  EscaleIdleMonitor *self = user_data;

  if (is_input (event))
    self->last_input = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  EscaleIdleMonitor *self = user_data;
  gint64 elapsed_ms = (g_get_monotonic_time () - self->last_input) / 1000;

  self->timeout_id = 0;
  if (elapsed_ms < self->timeout_ms)
    {
      arm (self);
      return G_SOURCE_REMOVE;
    }
  self->idle = TRUE;
  g_signal_emit (self, signals[IDLE], 0);
  return G_SOURCE_REMOVE;
}

static void
watch (EscaleIdleMonitor *self,
       GtkWidget         *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), WATCHED_KEY) == self)
    return;
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_event_cb), self);
  gtk_widget_add_controller (window, controller);
  g_ptr_array_add (self->controllers, g_object_ref (controller));
  g_object_set_data (G_OBJECT (window), WATCHED_KEY, self);
}

static void
on_toplevels_changed_cb (GListModel        *toplevels,
                         guint              position,
                         G_GNUC_UNUSED guint removed,
                         guint              added,
                         EscaleIdleMonitor *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      watch (self, window);
    }
}

static void
unwatch (gpointer                controller,
         G_GNUC_UNUSED gpointer  data)
{
  GtkWidget *window = gtk_event_controller_get_widget (controller);

  if (window == NULL)
    return;
  g_object_set_data (G_OBJECT (window), WATCHED_KEY, NULL);
  gtk_widget_remove_controller (window, controller);
}

/* GObject overrides */

static void
escale_idle_monitor_dispose (GObject *object)
{
  EscaleIdleMonitor *self = ESCALE_IDLE_MONITOR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->toplevels != NULL)
    g_signal_handlers_disconnect_by_data (self->toplevels, self);
  self->toplevels = NULL;
  if (self->controllers != NULL)
    g_ptr_array_foreach (self->controllers, unwatch, NULL);
  g_clear_pointer (&self->controllers, g_ptr_array_unref);

  G_OBJECT_CLASS (escale_idle_monitor_parent_class)->dispose (object);
}

static void
escale_idle_monitor_class_init (EscaleIdleMonitorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_idle_monitor_dispose;

  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_idle_monitor_init (EscaleIdleMonitor *self)
{
  self->controllers = g_ptr_array_new_with_free_func (g_object_unref);
  self->toplevels = gtk_window_get_toplevels ();
  self->last_input = g_get_monotonic_time ();
  g_signal_connect (self->toplevels, "items-changed", G_CALLBACK (on_toplevels_changed_cb), self);
  on_toplevels_changed_cb (self->toplevels, 0, 0, g_list_model_get_n_items (self->toplevels),
                           self);
}

/* Public API */

EscaleIdleMonitor *
escale_idle_monitor_new (guint timeout_ms)
{
  EscaleIdleMonitor *self = g_object_new (ESCALE_TYPE_IDLE_MONITOR, NULL);

  escale_idle_monitor_set_timeout (self, timeout_ms);
  return self;
}

void
escale_idle_monitor_set_timeout (EscaleIdleMonitor *self,
                                 guint              timeout_ms)
{
  g_return_if_fail (ESCALE_IS_IDLE_MONITOR (self));

  self->timeout_ms = timeout_ms;
  arm (self);
}

guint
escale_idle_monitor_get_timeout (EscaleIdleMonitor *self)
{
  g_return_val_if_fail (ESCALE_IS_IDLE_MONITOR (self), 0);
  return self->timeout_ms;
}

void
escale_idle_monitor_restart (EscaleIdleMonitor *self)
{
  g_return_if_fail (ESCALE_IS_IDLE_MONITOR (self));

  self->last_input = g_get_monotonic_time ();
  self->idle = FALSE;
  arm (self);
}
