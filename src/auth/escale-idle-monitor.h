/* escale-idle-monitor.h — how long since the last input in any window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_IDLE_MONITOR (escale_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (EscaleIdleMonitor, escale_idle_monitor, ESCALE, IDLE_MONITOR, GObject)

/* Signal: "idle", once @timeout_ms passed without a key, a click, a scroll
 * or a move of the pointer in any window of the process; then nothing
 * until escale_idle_monitor_restart(). */
EscaleIdleMonitor *escale_idle_monitor_new         (guint              timeout_ms);
/* 0: never idle. Counts from the last input. */
void               escale_idle_monitor_set_timeout (EscaleIdleMonitor *self,
                                                    guint              timeout_ms);
guint              escale_idle_monitor_get_timeout (EscaleIdleMonitor *self);
/* Counts again from now, after "idle" too. */
void               escale_idle_monitor_restart     (EscaleIdleMonitor *self);

G_END_DECLS
