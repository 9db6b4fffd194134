/* escale-action-input.h — reading what is typed in the action dialog
 *
 * Entry rows hold text as people type it: dates the locale's way, times,
 * durations and amounts in euros. These read them for the store; what does
 * not parse adds an #EscaleActionError for its field to @errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-action.h"

G_BEGIN_DECLS

/* (element-type EscaleActionError) */
void    escale_input_add_error    (GPtrArray         *errors,
                                   EscaleActionField  field,
                                   const char        *message);

char   *escale_input_text         (AdwEntryRow       *row);
char   *escale_input_date         (AdwEntryRow       *row,
                                   EscaleActionField  field,
                                   GPtrArray         *errors);
char   *escale_input_time         (AdwEntryRow       *row);
gint64  escale_input_duration     (AdwEntryRow       *row,
                                   GPtrArray         *errors);
gint64  escale_input_amount       (AdwEntryRow       *row,
                                   GPtrArray         *errors);

void    escale_input_set_text     (AdwEntryRow       *row,
                                   const char        *text);
void    escale_input_set_date     (AdwEntryRow       *row,
                                   const char        *iso);
void    escale_input_add_calendar (AdwEntryRow       *row);

G_END_DECLS
