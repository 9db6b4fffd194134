/* escale-agenda-util.h — how the agenda words things: days, people, deadlines
 *
 * Shared by the agenda page, its printout and the notifications.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-agenda.h"

G_BEGIN_DECLS

/* @iso moved by @days (negative: earlier), YYYY-MM-DD. */
char *escale_agenda_add_days          (const char               *iso,
                                       int                       days);
/* "Today", "Tomorrow", "Yesterday", else the weekday and the date. */
char *escale_agenda_format_day        (const char               *iso,
                                       const char               *today);
/* "Haddad Amina (2025-0005)"; the name alone without a file number. */
char *escale_agenda_format_person     (const char               *who,
                                       const char               *file_number);
/* Whom an action concerns: a person, a household, or a group session. */
char *escale_agenda_format_who        (const EscaleAgendaAction *action);
/* The first non-empty line of @text, or %NULL. */
char *escale_agenda_first_line        (const char               *text);
/* "expires in 12 days", "expires today", "expired 3 days ago". */
char *escale_agenda_format_expiry     (int                       days_left);

G_END_DECLS
