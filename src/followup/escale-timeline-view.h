/* escale-timeline-view.h — a person's follow-up timeline, with its filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"
#include "escale-timeline.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_TIMELINE_VIEW (escale_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (EscaleTimelineView, escale_timeline_view, ESCALE, TIMELINE_VIEW, AdwBin)

/* Widget actions: "timeline.add-action" opens the action dialog for the
 * person shown, "timeline.refer" the referral dialog. */
GtkWidget      *escale_timeline_view_new           (void);
/* Shows @person_id's timeline (0: none). Showing the same person again
 * reads the timeline again and keeps the filters and expanded entries. */
void            escale_timeline_view_set_person    (EscaleTimelineView *self,
                                                    EscaleStore        *store,
                                                    gint64              person_id);
gint64          escale_timeline_view_get_person_id (EscaleTimelineView *self);
/* (transfer none) (nullable) */
EscaleTimeline *escale_timeline_view_get_timeline  (EscaleTimelineView *self);
void            escale_timeline_view_add_action    (EscaleTimelineView *self);
void            escale_timeline_view_refer         (EscaleTimelineView *self);
/* (transfer none) (nullable): the action or referral dialog opened last,
 * while it is open; for tests. */
GtkWidget      *escale_timeline_view_get_dialog    (EscaleTimelineView *self);

G_END_DECLS
