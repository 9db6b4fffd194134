/* escale-agenda.h — what is due: planned actions, expiring documents, lost contact
 *
 * Every query takes @today explicitly (YYYY-MM-DD, a local date; see
 * escale_agenda_today()) so that results do not depend on the clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

/* A planned action and whom it concerns. */
typedef struct
{
  gint64  action_id;
  char   *date;          /* YYYY-MM-DD */
  char   *time;          /* HH:MM or NULL */
  char   *type;
  char   *worker;
  char   *scope;         /* person, household or group */
  gint64  person_id;     /* for person scope, else 0 */
  gint64  household_id;  /* for household scope, else 0 */
  char   *file_number;   /* of the person, else NULL */
  char   *who;           /* the person's or household's name; NULL for groups */
  guint   n_participants; /* for groups */
  char   *notes;
  char   *theme;         /* the first of its themes, by code, or NULL */
  gint64  open_person_id; /* whose file to open: the person, the household's
                          * head (or first member), a group's first participant */
  gboolean overdue;      /* dated before today */
} EscaleAgendaAction;

/* The residence document of a person's current status period. */
typedef struct
{
  gint64  person_id;
  gint64  period_id;
  char   *file_number;
  char   *who;
  char   *status;
  char   *document;
  char   *expiry;        /* YYYY-MM-DD */
  int     days_left;     /* negative once expired */
} EscaleAgendaExpiry;

/* A person with an open file and no recent done action. */
typedef struct
{
  gint64  person_id;
  char   *file_number;
  char   *who;
  char   *last_action;   /* date of the last done action, or NULL for none */
} EscaleAgendaLostContact;

/* A referral still waiting for its answer, see escale-referral-store.h. */
typedef struct
{
  gint64  referral_id;
  gint64  action_id;
  char   *state;          /* pending or no_answer */
  char   *sent_on;        /* YYYY-MM-DD */
  int     days_waiting;   /* from sent_on to today */
  char   *worker;         /* the action's */
  char   *scope;          /* person or household */
  gint64  person_id;      /* for person scope, else 0 */
  gint64  household_id;   /* for household scope, else 0 */
  char   *file_number;    /* of the person, else NULL */
  char   *who;            /* the person's or household's name */
  gint64  open_person_id; /* whose file to open, as for EscaleAgendaAction */
  char   *partner_name;   /* NULL once the partner is deleted */
  char   *service_theme;  /* a theme code, NULL once the service is deleted */
} EscaleAgendaReferral;

void      escale_agenda_action_free       (EscaleAgendaAction      *action);
void      escale_agenda_expiry_free       (EscaleAgendaExpiry      *expiry);
void      escale_agenda_lost_contact_free (EscaleAgendaLostContact *lost);
void      escale_agenda_referral_free     (EscaleAgendaReferral    *referral);

/* The local date of today, YYYY-MM-DD. */
char     *escale_agenda_today             (void);
/* @months before @today, the day clamped to the end of shorter months
 * (one month before 31 March is the end of February). */
char     *escale_agenda_months_before     (const char   *today,
                                           guint         months);

/* Planned actions dated from @from to @to included, by date and time;
 * @worker NULL for everyone. (element-type EscaleAgendaAction) */
GPtrArray *escale_agenda_list_due          (EscaleStore  *store,
                                            const char   *from,
                                            const char   *to,
                                            const char   *today,
                                            const char   *worker,
                                            GError      **error);
/* The same, at most @limit (0: all) of them, and how many there are in all
 * in @n_total (optional). */
GPtrArray *escale_agenda_list_due_page     (EscaleStore  *store,
                                            const char   *from,
                                            const char   *to,
                                            const char   *today,
                                            const char   *worker,
                                            guint         limit,
                                            guint        *n_total,
                                            GError      **error);
/* Planned actions dated before @today, the oldest first. */
GPtrArray *escale_agenda_list_overdue      (EscaleStore  *store,
                                            const char   *today,
                                            const char   *worker,
                                            GError      **error);
GPtrArray *escale_agenda_list_overdue_page (EscaleStore  *store,
                                            const char   *today,
                                            const char   *worker,
                                            guint         limit,
                                            guint        *n_total,
                                            GError      **error);
/* Documents of the current status period of open files that expire within
 * @days of @today, or have expired, the soonest first.
 * (element-type EscaleAgendaExpiry) */
GPtrArray *escale_agenda_list_expiring     (EscaleStore  *store,
                                            const char   *today,
                                            guint         days,
                                            GError      **error);
GPtrArray *escale_agenda_list_expiring_page (EscaleStore *store,
                                             const char  *today,
                                             guint        days,
                                             guint        limit,
                                             guint       *n_total,
                                             GError     **error);
/* Open files whose last done action (their own, their household's or a
 * group session they attended) is older than @months, or who have none and
 * were created more than @months ago; the longest silent first.
 * (element-type EscaleAgendaLostContact) */
GPtrArray *escale_agenda_list_lost_contact (EscaleStore  *store,
                                            const char   *today,
                                            guint         months,
                                            GError      **error);
GPtrArray *escale_agenda_list_lost_contact_page (EscaleStore  *store,
                                                 const char   *today,
                                                 guint         months,
                                                 guint         limit,
                                                 guint        *n_total,
                                                 GError      **error);
/* Referrals still pending or without answer that were sent more than
 * @days before @today (sent exactly @days before is not yet late), the
 * oldest first; those of cancelled actions left out; @worker NULL for
 * everyone. At most @limit (0: all), and how many there are in all in
 * @n_total (optional). (element-type EscaleAgendaReferral) */
GPtrArray *escale_agenda_list_referrals_to_follow_up_page (EscaleStore  *store,
                                                           const char   *today,
                                                           guint         days,
                                                           const char   *worker,
                                                           guint         limit,
                                                           guint        *n_total,
                                                           GError      **error);

G_END_DECLS
