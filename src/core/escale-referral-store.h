/* escale-referral-store.h — referrals to partners' services and their outcome
 *
 * A referral is an action of type referral (the timeline entry) with one
 * row in the referral table: the service it was sent to, that service's
 * partner, and the state of the answer.
 *
 *   pending   → accepted | refused (a reason is required) | no_answer
 *   no_answer → accepted | refused | abandoned
 *   accepted  → completed | abandoned
 *
 * refused, completed and abandoned are final. answered_on is the date of
 * the first answer (accepted or refused; "no answer" is not one), closed_on
 * the date it became refused, completed or abandoned.
 *
 * The action's referral_outcome, which the timeline and the reports read,
 * follows the state:
 *
 *   pending, no_answer → pending
 *   accepted           → accepted
 *   refused            → refused
 *   completed          → completed
 *   abandoned          → accepted when it had been accepted (the person
 *                        got the place and dropped out), refused otherwise
 *                        (no answer ever came: the person was not taken).
 *
 * So "accepted" in the reports (outcome accepted or completed) counts every
 * referral the partner said yes to, and every referral with a final state
 * has a final outcome.
 *
 * Every write is one transaction; refusals carry a translated message in
 * ESCALE_STORE_ERROR_INVALID (ESCALE_STORE_ERROR_NOT_FOUND when the
 * referral or service no longer exists).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-action.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_REFERRAL_PENDING   "pending"
#define ESCALE_REFERRAL_ACCEPTED  "accepted"
#define ESCALE_REFERRAL_REFUSED   "refused"
#define ESCALE_REFERRAL_NO_ANSWER "no_answer"
#define ESCALE_REFERRAL_COMPLETED "completed"
#define ESCALE_REFERRAL_ABANDONED "abandoned"

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  action_id;
  gint64  partner_id;       /* 0 once the partner is deleted */
  gint64  service_id;       /* 0 once the service is deleted */
  char   *state;            /* a referral_state code */
  char   *refusal_reason;   /* NULL unless refused */
  char   *sent_on;          /* YYYY-MM-DD, the action's date when created */
  char   *answered_on;      /* NULL until accepted or refused */
  char   *closed_on;        /* NULL until refused, completed or abandoned */
  char   *partner_name;     /* NULL once the partner is deleted */
  char   *service_theme;    /* a theme code; NULL once the service is deleted */
  char   *service_description;
  char   *worker;           /* the action's */
  char   *scope;            /* person or household */
  gint64  person_id;        /* for person scope, else 0 */
  gint64  household_id;     /* for household scope, else 0 */
  char   *file_number;      /* the person's, else NULL */
  char   *who;              /* the person's or household's name */
  gint64  capacity_free;    /* the service's free places now; -1 when it does
                             * not count them or was deleted */
} EscaleReferral;

/* Per partner, over the referrals sent in a period. */
typedef struct
{
  gint64   partner_id;      /* 0: referrals whose partner was deleted */
  char    *partner_name;    /* NULL for those */
  guint    sent;            /* all of them */
  guint    accepted;        /* accepted, completed, or abandoned after acceptance */
  guint    refused;
  guint    pending;         /* pending or no answer */
  guint    completed;
  guint    abandoned;       /* whether accepted before or not */
  gboolean has_average;     /* FALSE when none was answered */
  double   average_days;    /* from sent_on to answered_on, over the answered ones */
} EscaleReferralStats;

void            escale_referral_free        (EscaleReferral      *referral);
void            escale_referral_stats_free  (EscaleReferralStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleReferral, escale_referral_free)

/* Whether @from → @to is one of the transitions above. */
gboolean        escale_referral_can_change  (const char   *from,
                                             const char   *to);

/* Saves the new @action as a referral to @service_id and returns the
 * referral's id (0 with @error set). The action's type becomes referral,
 * its outcome pending, its partner the service's; its status, when unset,
 * done if dated today or before, planned after (only those two are
 * accepted); its themes, when it has none, the service's theme; its
 * partner text, when empty, the partner's name. It must concern one person
 * or one household. The action and the referral (state pending, sent_on =
 * the action's date) are written in one transaction: a refusal leaves
 * nothing, and @action its id 0. */
gint64          escale_store_create_referral       (EscaleStore   *store,
                                                    EscaleAction  *action,
                                                    gint64         service_id,
                                                    GError       **error);
/* Moves the referral to @state on @date (YYYY-MM-DD; NULL for today).
 * @reason is required (non-blank) for refused and ignored otherwise.
 * @date cannot be before the referral was sent. */
gboolean        escale_store_set_referral_state    (EscaleStore   *store,
                                                    gint64         referral_id,
                                                    const char    *state,
                                                    const char    *reason,
                                                    const char    *date,
                                                    GError       **error);
/* Accepts the referral on @date; with @take_place, also takes one of the
 * service's free places (capacity_free - 1, stamped with the time and the
 * store's user), in the same transaction. With @take_place and no free
 * place (none left, or not counted) it refuses and changes nothing. */
gboolean        escale_store_accept_referral       (EscaleStore   *store,
                                                    gint64         referral_id,
                                                    const char    *date,
                                                    gboolean       take_place,
                                                    GError       **error);
EscaleReferral *escale_store_load_referral         (EscaleStore   *store,
                                                    gint64         referral_id,
                                                    GError       **error);
/* The referral of the action @action_id, or 0 when it is not one. */
gint64          escale_store_find_action_referral  (EscaleStore   *store,
                                                    gint64         action_id);
/* The referrals of a person (their own and their household's), or sent to
 * a partner, the newest first. (element-type EscaleReferral) */
GPtrArray      *escale_store_list_person_referrals  (EscaleStore  *store,
                                                     gint64        person_id,
                                                     GError      **error);
GPtrArray      *escale_store_list_partner_referrals (EscaleStore  *store,
                                                     gint64        partner_id,
                                                     GError      **error);
/* Counts per partner of the referrals sent from @from to @to included
 * (either NULL: no bound), those of cancelled actions left out; for
 * @partner_id only, or for every partner with referrals when it is 0 (by
 * name, the deleted partners' last). (element-type EscaleReferralStats) */
GPtrArray      *escale_store_referral_stats        (EscaleStore   *store,
                                                    gint64         partner_id,
                                                    const char    *from,
                                                    const char    *to,
                                                    GError       **error);

G_END_DECLS
