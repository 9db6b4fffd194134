/* escale-position-picker.h — placing a partner by clicking on the map
 *
 * A small modal window over the partner editor: the partners' map (France,
 * or where it is centred) and a marker that a click on the map places. "Use This Position" emits "position-chosen" (double latitude,
 * double longitude) and closes the window; Cancel or Escape only close it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-partner-map.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_POSITION_PICKER (escale_position_picker_get_type ())
G_DECLARE_FINAL_TYPE (EscalePositionPicker, escale_position_picker, ESCALE, POSITION_PICKER,
                      AdwWindow)

/* Shows France, with no marker placed. */
GtkWidget        *escale_position_picker_new          (GtkWindow            *parent);
void              escale_position_picker_center_on    (EscalePositionPicker *self,
                                                       double                latitude,
                                                       double                longitude,
                                                       double                zoom);
/* Puts the marker on @latitude, @longitude; both NAN to remove it. */
void              escale_position_picker_set_position (EscalePositionPicker *self,
                                                       double                latitude,
                                                       double                longitude);
/* Where the marker is; FALSE while none is placed. */
gboolean          escale_position_picker_get_position (EscalePositionPicker *self,
                                                       double               *latitude,
                                                       double               *longitude);
/* Places the marker at the point (@x, @y) of the map, as a click does. */
void              escale_position_picker_pick_at      (EscalePositionPicker *self,
                                                       double                x,
                                                       double                y);
/* Emits "position-chosen" and closes, as "Use This Position" does; FALSE,
 * doing nothing, while no position is placed. */
gboolean          escale_position_picker_confirm      (EscalePositionPicker *self);
EscalePartnerMap *escale_position_picker_get_map      (EscalePositionPicker *self);

G_END_DECLS
