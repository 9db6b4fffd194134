/* escale-timeline.h — the lazy list of a person's follow-up timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_TIMELINE_ACTION,
  ESCALE_TIMELINE_MONTH,            /* a header before the entries of a month */
  ESCALE_TIMELINE_STATUS_CHANGE,    /* a status period starts */
  ESCALE_TIMELINE_DOCUMENT_EXPIRY,  /* the document of a status period expires */
} EscaleTimelineKind;

#define ESCALE_TYPE_TIMELINE_ITEM (escale_timeline_item_get_type ())
G_DECLARE_FINAL_TYPE (EscaleTimelineItem, escale_timeline_item, ESCALE, TIMELINE_ITEM, GObject)

EscaleTimelineKind  escale_timeline_item_get_kind          (EscaleTimelineItem *self);
/* The action id, or the status period id; 0 for month headers. */
gint64              escale_timeline_item_get_id            (EscaleTimelineItem *self);
/* YYYY-MM-DD, or YYYY-MM for month headers. */
const char         *escale_timeline_item_get_date          (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_time          (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_scope         (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_action_type   (EscaleTimelineItem *self);
/* Never NULL. */
const char * const *escale_timeline_item_get_themes        (EscaleTimelineItem *self);
/* The action status, or the status of the period for status changes and
 * document expiries. */
const char         *escale_timeline_item_get_status        (EscaleTimelineItem *self);
/* Minutes, or -1. */
gint64              escale_timeline_item_get_duration      (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_worker        (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_programme     (EscaleTimelineItem *self);
/* The linked partner's name when the action has one, else its text. */
const char         *escale_timeline_item_get_partner       (EscaleTimelineItem *self);
/* The partner of the directory the action is linked to, or 0. */
gint64              escale_timeline_item_get_partner_id    (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_referral_outcome (EscaleTimelineItem *self);
/* The referral of a referral action (see escale-referral-store.h), or 0 and
 * NULL for other actions and the referrals made before they had a row. */
gint64              escale_timeline_item_get_referral_id   (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_referral_state (EscaleTimelineItem *self);
/* Why the partner refused, for refused referrals. */
const char         *escale_timeline_item_get_refusal_reason (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_notes         (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_next_step     (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_next_step_due (EscaleTimelineItem *self);
/* Euro cents, or -1. */
gint64              escale_timeline_item_get_amount        (EscaleTimelineItem *self);
/* The residence document, for status changes and document expiries. */
const char         *escale_timeline_item_get_document      (EscaleTimelineItem *self);
const char         *escale_timeline_item_get_document_expiry (EscaleTimelineItem *self);
gboolean            escale_timeline_item_get_pinned        (EscaleTimelineItem *self);
gboolean            escale_timeline_item_get_overdue       (EscaleTimelineItem *self);

#define ESCALE_TYPE_TIMELINE (escale_timeline_get_type ())
G_DECLARE_FINAL_TYPE (EscaleTimeline, escale_timeline, ESCALE, TIMELINE, GObject)

/* @today: YYYY-MM-DD, or NULL for the local date of today. */
EscaleTimeline *escale_timeline_new           (EscaleStore    *store,
                                               gint64          person_id,
                                               const char     *today);
gint64          escale_timeline_get_person_id (EscaleTimeline *self);
void            escale_timeline_set_today     (EscaleTimeline *self,
                                               const char     *today);
void            escale_timeline_set_theme     (EscaleTimeline *self,
                                               const char     *theme);
void            escale_timeline_set_type      (EscaleTimeline *self,
                                               const char     *type);
void            escale_timeline_set_programme (EscaleTimeline *self,
                                               gint64          programme_id);
void            escale_timeline_refresh       (EscaleTimeline *self);
void            escale_timeline_update_action (EscaleTimeline *self,
                                               gint64          action_id);
int             escale_timeline_find_action   (EscaleTimeline *self,
                                               gint64          action_id);
guint           escale_timeline_get_n_loaded_pages (EscaleTimeline *self);

G_END_DECLS
