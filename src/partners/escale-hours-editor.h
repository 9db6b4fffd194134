/* escale-hours-editor.h — a partner's opening hours, a row per weekday
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-partner.h"

G_BEGIN_DECLS

#define ESCALE_HOURS_SLOTS_PER_DAY 2

#define ESCALE_TYPE_HOURS_EDITOR (escale_hours_editor_get_type ())
G_DECLARE_FINAL_TYPE (EscaleHoursEditor, escale_hours_editor, ESCALE, HOURS_EDITOR,
                      AdwPreferencesGroup)

/* Shows the hours and the note of @partner (the first two slots of a day). */
void        escale_hours_editor_fill          (EscaleHoursEditor *self,
                                               EscalePartner     *partner);
/* Sets the hours and the note of @partner from what is typed. A time that
 * cannot be read is passed on as typed, for the store to refuse. */
void        escale_hours_editor_collect       (EscaleHoursEditor *self,
                                               EscalePartner     *partner);
/* The row of the day of the slot @index of the last collected hours. */
GtkWidget  *escale_hours_editor_get_slot_row  (EscaleHoursEditor *self,
                                               guint              index);
GtkWidget  *escale_hours_editor_get_day_row   (EscaleHoursEditor *self,
                                               guint              weekday);
/* @slot: 0 or 1; @closes: the closing time rather than the opening one */
GtkWidget  *escale_hours_editor_get_entry     (EscaleHoursEditor *self,
                                               guint              weekday,
                                               guint              slot,
                                               gboolean           closes);
GtkWidget  *escale_hours_editor_get_note_row  (EscaleHoursEditor *self);

G_END_DECLS
