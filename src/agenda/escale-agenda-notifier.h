/* escale-agenda-notifier.h — a notification when a planned appointment is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "escale-agenda.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* How late, in minutes, an appointment is still worth notifying. */
#define ESCALE_AGENDA_NOTIFY_LATE 15

#define ESCALE_TYPE_AGENDA_NOTIFIER (escale_agenda_notifier_get_type ())
G_DECLARE_FINAL_TYPE (EscaleAgendaNotifier, escale_agenda_notifier, ESCALE, AGENDA_NOTIFIER,
                      GObject)

/* Looks every minute at today's planned actions (mine, or everyone's per
 * the agenda-everyone setting) while notify-appointments is on. */
EscaleAgendaNotifier *escale_agenda_notifier_new   (GApplication         *application,
                                                    EscaleStore          *store);
/* Looks now; returns how many notifications were sent. */
guint                 escale_agenda_notifier_check (EscaleAgendaNotifier *self);

/* Of @actions (planned actions, element-type EscaleAgendaAction), those of
 * @today whose time is reached at @now_minutes (minutes since midnight):
 * at that time or up to ESCALE_AGENDA_NOTIFY_LATE minutes after, and not
 * in @sent (a set of gint64 action ids, g_int64_hash), to which they are
 * added. (transfer container) (element-type EscaleAgendaAction) */
GPtrArray            *escale_agenda_pick_due       (GPtrArray            *actions,
                                                    const char           *today,
                                                    int                   now_minutes,
                                                    GHashTable           *sent);

G_END_DECLS
