/* escale-report.h — funder and activity reports: the figures, computed once
 *
 * Every figure a report shows is defined and computed here, in SQL over
 * the actions of a period (both dates included) and, optionally, of one
 * programme. A person is concerned by an action of their own, by an
 * action of their household, and by a group session they did not miss.
 *
 * - people followed: the distinct people concerned by a done action;
 * - new people: those of them concerned by no done action before the
 *   period (of the programme, when one is chosen);
 * - households: the distinct households of the people followed, a person
 *   without a household being one;
 * - minors: people followed under 18 on the period's last day (unknown
 *   birth date: not counted; a year-only date counts as 1 January);
 * - women, men: people followed by sex F, M;
 * - actions done (each action once, whomever it concerns), hours of
 *   follow-up (their durations / 60, one decimal), referrals (done actions
 *   of type referral), referrals accepted (their outcome accepted or
 *   completed), financial aid (the amounts of done financial_aid actions),
 *   missed appointments (actions with status missed);
 * - status at the period's end: the status period covering its last day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-report-model.h"
#include "escale-store.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_REPORT_ACTIVITY,
  ESCALE_REPORT_PARTICIPANTS,
} EscaleReportTemplate;

typedef struct
{
  EscaleReportTemplate  template;
  char                 *from;            /* YYYY-MM-DD, included */
  char                 *to;              /* YYYY-MM-DD, included */
  char                 *programme_code;  /* NULL: every action */
  char                 *language;        /* of the report: "en", "fr"…; NULL: "en" */
  gboolean              mask_small;      /* counts from 1 to 4 shown "<5" in breakdowns */
} EscaleReportParams;

typedef struct
{
  guint   people;
  guint   new_people;
  guint   households;
  guint   minors;
  guint   women;
  guint   men;
  guint   actions_done;
  gint64  minutes;              /* of the actions done */
  guint   referrals;
  guint   referrals_accepted;
  gint64  aid_cents;
  guint   missed;
} EscaleReportFigures;

EscaleReportParams *escale_report_params_new   (EscaleReportTemplate template,
                                                const char          *from,
                                                const char          *to);
void                escale_report_params_free  (EscaleReportParams  *params);
const char         *escale_report_template_to_code   (EscaleReportTemplate  template);
gboolean            escale_report_template_from_code (const char           *code,
                                                      EscaleReportTemplate *template);

/* The hours of @minutes as reports show them: one decimal. */
double              escale_report_hours        (gint64               minutes);

/* Refuses, with a translated ESCALE_STORE_ERROR_INVALID message, dates
 * that are not YYYY-MM-DD or in the wrong order, an unknown programme, a
 * participants report without a programme, a language without catalogue. */
gboolean            escale_report_params_check (EscaleStore              *store,
                                                const EscaleReportParams *params,
                                                GError                  **error);

gboolean            escale_report_compute_figures (EscaleStore              *store,
                                                   const EscaleReportParams *params,
                                                   EscaleReportFigures      *figures,
                                                   GError                  **error);

/* The whole report, in the params' language, with its Parameters sheet.
 * Reads one consistent state of the database (one read transaction; it
 * must not be inside another). Call it from any one thread at a time per
 * store: the Reports page opens a store of its own for it. */
EscaleReport       *escale_report_build        (EscaleStore              *store,
                                                const EscaleReportParams *params,
                                                GCancellable             *cancellable,
                                                GError                  **error);

/* Builds the report and writes it at @path (see escale_report_write_xlsx()):
 * @progress gets the fraction done, building counting for the first half. */
gboolean            escale_report_export       (EscaleStore              *store,
                                                const EscaleReportParams *params,
                                                const char               *path,
                                                void                    (*progress) (double   fraction,
                                                                                     gpointer data),
                                                gpointer                  progress_data,
                                                GCancellable             *cancellable,
                                                GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleReportParams, escale_report_params_free)

G_END_DECLS
