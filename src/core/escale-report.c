/* escale-report.c — the figures of a report, and the report built from them
 *
 * A report reads one consistent state of the database: everything is
 * computed inside one read transaction, from temporary tables made once
 * per report (the period's actions, whom they concern, the people
 * followed). The transaction is rolled back at the end, which also drops
 * the temporary tables; nothing is ever written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-audit.h"
#include "escale-date.h"
#include "escale-programme-store.h"
#include "escale-report-private.h"
#include "escale-store-private.h"
#include "escale-vocab.h"

/* The period's done and missed actions, keyed by id so that joins on
 * them are lookups. %s is "NOT INDEXED" when the period holds a large
 * part of the actions: reading the table in order is then faster than
 * fetching each row from the index (0.2 s against 0.8 s for 40 % of a
 * million actions). */
static const char scope_actions_table[] =
  "CREATE TEMP TABLE rp_action (id INTEGER PRIMARY KEY, scope, person_id, household_id, date, "
  "  minutes, type, status, worker, referral_outcome, amount_cents, partner_id, partner)";
static const char scope_actions[] =
  "INSERT INTO rp_action "
  "SELECT id, scope, person_id, household_id, date, coalesce (duration_minutes, 0), "
  "  type, status, worker, referral_outcome, coalesce (amount_cents, 0), partner_id, partner "
  "FROM main.action %s "
  "WHERE status IN ('done', 'missed') AND date BETWEEN :from AND :to "
  "  AND (:programme = 0 OR programme_id = :programme)";
static const char count_period_actions[] =
  "SELECT count (*), (SELECT max (id) FROM main.action) FROM main.action "
  "WHERE status IN ('done', 'missed') AND date BETWEEN :from AND :to";

/* Whom each done action concerns. */
static const char scope_concerned[] =
  "CREATE TEMP TABLE rp_concerned AS "
  "SELECT a.id AS action_id, a.person_id AS person_id, a.date AS date FROM rp_action a "
  "  WHERE a.status = 'done' AND a.scope = 'person' "
  "UNION ALL SELECT a.id, m.person_id, a.date FROM rp_action a "
  "  JOIN main.household_member m ON m.household_id = a.household_id "
  "  WHERE a.status = 'done' AND a.scope = 'household' "
  "UNION ALL SELECT a.id, ap.person_id, a.date FROM rp_action a "
  "  JOIN main.action_participant ap ON ap.action_id = a.id "
  "  WHERE a.status = 'done' AND a.scope = 'group' AND coalesce (ap.attended, 1) = 1";

/* "+a.status": the person's, household's or participant's index, not the
 * agenda's (status, date), which would scan every action done before. */
#define DONE_BEFORE(cond) \
  "EXISTS (SELECT 1 FROM " cond " AND +a.status = 'done' AND a.date < :from " \
  "AND (:programme = 0 OR a.programme_id = :programme))"

/* The people followed, with what the breakdowns group them by. */
static const char scope_people[] =
  "CREATE TEMP TABLE rp_person AS "
  "SELECT p.id AS id, p.sex AS sex, "
  ESCALE_REPORT_SQL_AGE ("p.birth_date", ":to") " AS age, "
  "  coalesce (m.household_id, -p.id) AS household, "
  "  (SELECT country FROM main.person_nationality n WHERE n.person_id = p.id "
  "   ORDER BY n.id LIMIT 1) AS nationality, "
  "  (SELECT status FROM main.status_period s WHERE s.person_id = p.id "
  "   AND coalesce (s.started_on, '') <= :to AND coalesce (s.ended_on, :to) >= :to "
  "   ORDER BY s.started_on DESC, s.id DESC LIMIT 1) AS status, "
  "  NOT (" DONE_BEFORE ("main.action a WHERE a.person_id = p.id")
  "    OR " DONE_BEFORE ("main.action a WHERE a.household_id = m.household_id")
  "    OR " DONE_BEFORE ("main.action_participant ap JOIN main.action a ON a.id = ap.action_id "
                         "WHERE ap.person_id = p.id AND coalesce (ap.attended, 1) = 1")
  "  ) AS new "
  "FROM (SELECT DISTINCT person_id FROM rp_concerned) f "
  "JOIN main.person p ON p.id = f.person_id "
  "LEFT JOIN main.household_member m ON m.person_id = p.id";

EscaleReportParams *
escale_report_params_new (EscaleReportTemplate  template,
                          const char           *from,
                          const char           *to)
{
  EscaleReportParams *params = g_new0 (EscaleReportParams, 1);

  params->template = template;
  params->from = g_strdup (from);
  params->to = g_strdup (to);
  params->language = g_strdup ("en");
  return params;
}

void
escale_report_params_free (EscaleReportParams *params)
{
  g_free (params->from);
  g_free (params->to);
  g_free (params->programme_code);
  g_free (params->language);
  g_free (params);
}

const char *
escale_report_template_to_code (EscaleReportTemplate template)
{
  return template == ESCALE_REPORT_PARTICIPANTS ? "participants" : "activity";
}

gboolean
escale_report_template_from_code (const char           *code,
                                  EscaleReportTemplate *template)
{
  if (g_strcmp0 (code, "activity") == 0)
    *template = ESCALE_REPORT_ACTIVITY;
  else if (g_strcmp0 (code, "participants") == 0)
    *template = ESCALE_REPORT_PARTICIPANTS;
  else
    return FALSE;
  return TRUE;
}

double
escale_report_hours (gint64 minutes)
{
  return (double) ((minutes * 10 + 30) / 60) / 10.0;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_iso_date (const char *text)
{
  g_autoptr(GDate) date = text != NULL && strlen (text) == 10 ? escale_date_to_gdate (text) : NULL;

  return date != NULL;
}

static gboolean
has_language (const char *language)
{
  g_auto(GStrv) languages = escale_catalog_list_languages ();

  return language == NULL || g_strv_contains ((const char *const *) languages, language);
}

gboolean
escale_report_params_check (EscaleStore              *store,
                            const EscaleReportParams *params,
                            GError                  **error)
{
  if (!is_iso_date (params->from))
    return invalid (error, _("The first day of the period is not a valid date (YYYY-MM-DD)"));
  if (!is_iso_date (params->to))
    return invalid (error, _("The last day of the period is not a valid date (YYYY-MM-DD)"));
  if (strcmp (params->from, params->to) > 0)
    return invalid (error, _("The period ends before it starts"));
  if (params->template == ESCALE_REPORT_PARTICIPANTS && params->programme_code == NULL)
    return invalid (error, _("The participants report is made for one programme: choose it"));
  if (params->programme_code != NULL &&
      escale_store_find_programme (store, params->programme_code) <= 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   _("There is no programme with the code “%s”"), params->programme_code);
      return FALSE;
    }
  if (!has_language (params->language))
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   _("Escale has no translation into “%s”"), params->language);
      return FALSE;
    }
  return TRUE;
}

static void
bind_named (sqlite3_stmt              *stmt,
            const char                *name,
            const char                *text,
            gint64                     number)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    return;
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, index, number);
}

gboolean
escale_report_query (EscaleReportContext  *ctx,
                     const char           *sql,
                     EscaleReportRowFunc   func,
                     gpointer              data,
                     GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (!(stmt = escale_store_prepare (ctx->store, sql, error)))
    return FALSE;
  bind_named (stmt, ":from", ctx->params->from, 0);
  bind_named (stmt, ":to", ctx->params->to, 0);
  bind_named (stmt, ":programme", NULL, ctx->programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (func != NULL)
      func (stmt, data);
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (ctx->store, error);
      return FALSE;
    }
  return TRUE;
}

const char *
escale_report_tr (EscaleReportContext *ctx,
                  const char          *msgid)
{
  return escale_catalog_gettext (ctx->catalog, msgid);
}

const char *
escale_report_trc (EscaleReportContext *ctx,
                   const char          *context,
                   const char          *msgid)
{
  return escale_catalog_pgettext (ctx->catalog, context, msgid);
}

char *
escale_report_vocab_label (EscaleReportContext *ctx,
                           const char          *kind,
                           const char          *code)
{
  return escale_vocab_get_label_in (ctx->store, kind, code, ctx->catalog);
}

char *
escale_report_month_label (EscaleReportContext *ctx,
                           const char          *year_month)
{
  int month = atoi (year_month + 5);

  g_return_val_if_fail (month >= 1 && month <= 12, g_strdup (year_month));
  /* Translators: a month in a report, "January 2026": the month's name, then the year */
  static const char month_and_year[] = NC_("month and year", "%s %.4s");

  return g_strdup_printf (escale_report_trc (ctx, "month and year", month_and_year),
                          escale_report_trc (ctx, "month", escale_date_month_msgid ((guint) month)),
                          year_month);
}

GPtrArray *
escale_report_months (EscaleReportContext *ctx)
{
  GPtrArray *months = g_ptr_array_new_with_free_func (g_free);
  int year = atoi (ctx->params->from), month = atoi (ctx->params->from + 5);
  int last_year = atoi (ctx->params->to), last_month = atoi (ctx->params->to + 5);

  while (year < last_year || (year == last_year && month <= last_month))
    {
      g_ptr_array_add (months, g_strdup_printf ("%04d-%02d", year, month));
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
  return months;
}

EscaleReportTable *
escale_report_add_table (EscaleReportContext *ctx,
                         EscaleReportSheet   *sheet,
                         const char          *title_msgid,
                         const char *const   *msgids)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();

  for (guint i = 0; msgids[i] != NULL; i++)
    g_ptr_array_add (headers, (gpointer) escale_report_tr (ctx, msgids[i]));
  g_ptr_array_add (headers, NULL);
  return escale_report_sheet_add_table (sheet,
                                        title_msgid ? escale_report_tr (ctx, title_msgid) : NULL,
                                        (const char *const *) headers->pdata);
}

/* Makes the temporary tables every figure is computed from. */
static void
read_share (sqlite3_stmt *stmt,
            gpointer      data)
{
  double *share = data;
  gint64 all = sqlite3_column_int64 (stmt, 1);

  *share = all > 0 ? (double) sqlite3_column_int64 (stmt, 0) / all : 0;
}

static gboolean
prepare_scope (EscaleReportContext  *ctx,
               GError              **error)
{
  g_autofree char *insert = NULL;
  double share = 0;

  if (!escale_report_query (ctx, count_period_actions, read_share, &share, error))
    return FALSE;
  insert = g_strdup_printf (scope_actions, share > 0.1 ? "NOT INDEXED" : "");
  return escale_report_query (ctx, scope_actions_table, NULL, NULL, error) &&
         escale_report_query (ctx, insert, NULL, NULL, error) &&
         escale_report_query (ctx, scope_concerned, NULL, NULL, error) &&
         escale_report_query (ctx, scope_people, NULL, NULL, error);
}

static void
read_people_figures (sqlite3_stmt *stmt,
                     gpointer      data)
{
  EscaleReportFigures *figures = data;

  figures->people = sqlite3_column_int (stmt, 0);
  figures->new_people = sqlite3_column_int (stmt, 1);
  figures->households = sqlite3_column_int (stmt, 2);
  figures->minors = sqlite3_column_int (stmt, 3);
  figures->women = sqlite3_column_int (stmt, 4);
  figures->men = sqlite3_column_int (stmt, 5);
}

static void
read_action_figures (sqlite3_stmt *stmt,
                     gpointer      data)
{
  EscaleReportFigures *figures = data;

  figures->actions_done = sqlite3_column_int (stmt, 0);
  figures->minutes = sqlite3_column_int64 (stmt, 1);
  figures->referrals = sqlite3_column_int (stmt, 2);
  figures->referrals_accepted = sqlite3_column_int (stmt, 3);
  figures->aid_cents = sqlite3_column_int64 (stmt, 4);
  figures->missed = sqlite3_column_int (stmt, 5);
}

static gboolean
read_figures (EscaleReportContext  *ctx,
              EscaleReportFigures  *figures,
              GError              **error)
{
  memset (figures, 0, sizeof *figures);
  return escale_report_query (ctx,
                              "SELECT count (*), coalesce (sum (new), 0), "
                              "count (DISTINCT household), "
                              "count (*) FILTER (WHERE age < 18), "
                              "count (*) FILTER (WHERE sex = 'F'), "
                              "count (*) FILTER (WHERE sex = 'M') FROM rp_person",
                              read_people_figures, figures, error) &&
         escale_report_query (ctx,
                              "SELECT count (*) FILTER (WHERE status = 'done'), "
                              "coalesce (sum (minutes) FILTER (WHERE status = 'done'), 0), "
                              "count (*) FILTER (WHERE status = 'done' AND type = 'referral'), "
                              "count (*) FILTER (WHERE status = 'done' AND type = 'referral' "
                              "  AND referral_outcome IN ('accepted', 'completed')), "
                              "coalesce (sum (amount_cents) FILTER (WHERE status = 'done' "
                              "  AND type = 'financial_aid'), 0), "
                              "count (*) FILTER (WHERE status = 'missed') FROM rp_action",
                              read_action_figures, figures, error);
}

/* Opens the context: a read transaction, the programme looked up, the
 * catalogue and the settings loaded. */
static gboolean
context_open (EscaleReportContext       *ctx,
              EscaleStore               *store,
              const EscaleReportParams  *params,
              GCancellable              *cancellable,
              GError                   **error)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->store = store;
  ctx->params = params;
  ctx->cancellable = cancellable;
  ctx->catalog = escale_catalog_get (params->language ? params->language : "en");
  /* Temporary tables in memory (a year of a million actions: some 40 MB). */
  if (!escale_report_params_check (store, params, error) ||
      !escale_store_exec (store, "PRAGMA temp_store = MEMORY", error) ||
      !escale_store_exec (store, "BEGIN", error))
    return FALSE;
  if (params->programme_code != NULL)
    {
      g_autoptr(EscaleProgramme) programme = NULL;

      ctx->programme_id = escale_store_find_programme (store, params->programme_code);
      programme = escale_store_load_programme (store, ctx->programme_id, NULL);
      ctx->programme_name = g_strdup (programme ? programme->name : params->programme_code);
    }
  ctx->settings = escale_report_settings_load (store, error);
  return ctx->settings != NULL && prepare_scope (ctx, error);
}

static void
context_close (EscaleReportContext *ctx)
{
  sqlite3 *db = escale_store_get_db (ctx->store);

  if (!sqlite3_get_autocommit (db))
    escale_store_exec (ctx->store, "ROLLBACK", NULL);
  g_clear_pointer (&ctx->settings, escale_report_settings_free);
  g_clear_pointer (&ctx->programme_name, g_free);
  g_clear_pointer (&ctx->report, escale_report_free);
}

gboolean
escale_report_compute_figures (EscaleStore              *store,
                               const EscaleReportParams *params,
                               EscaleReportFigures      *figures,
                               GError                  **error)
{
  EscaleReportContext ctx;
  gboolean ok;

  if (!escale_store_require (store, ESCALE_OP_REPORT, error))
    return FALSE;
  ok = context_open (&ctx, store, params, NULL, error) && read_figures (&ctx, figures, error);
  context_close (&ctx);
  return ok;
}

/* Figures of the Summary sheet, for escale-report-activity.c. */
gboolean
escale_report_read_figures (EscaleReportContext  *ctx,
                            EscaleReportFigures  *figures,
                            GError              **error)
{
  return read_figures (ctx, figures, error);
}

void
escale_report_add_line (EscaleReportContext *ctx,
                        EscaleReportSheet   *sheet,
                        const char          *msgid,
                        EscaleReportCell     value)
{
  escale_report_sheet_add_line (sheet, escale_report_tr (ctx, msgid), value);
}

EscaleReportCell
escale_report_date_cell (const char *iso)
{
  EscaleReportCell cell = { ESCALE_CELL_DATE, 0, g_strdup (iso) };

  return cell;
}

/* The lines at the top of a first sheet: whose report, which period,
 * which filters. */
void
escale_report_add_filter_lines (EscaleReportContext *ctx,
                                EscaleReportSheet   *sheet)
{
  const EscaleReportParams *params = ctx->params;

  escale_report_add_line (ctx, sheet, N_("Association"),
                          escale_report_cell_text (ctx->settings->association));
  escale_report_add_line (ctx, sheet, N_("From"), escale_report_date_cell (params->from));
  /* Translators: the last day of the report's period (after "From") */
  escale_report_add_line (ctx, sheet, N_("To"), escale_report_date_cell (params->to));
  escale_report_add_line (ctx, sheet, N_("Programme"),
                          escale_report_cell_text (ctx->programme_name
                                                   ?: escale_report_tr (ctx, N_("All programmes"))));
  escale_report_add_line (ctx, sheet, N_("Small counts (1 to 4) masked"),
                          /* Translators: whether small counts are masked in the report */
                          escale_report_cell_text (params->mask_small
                                                   ? escale_report_tr (ctx, N_("Yes"))
                                                   : escale_report_tr (ctx, N_("No"))));
}

static const char *
report_title (EscaleReportContext *ctx)
{
  return ctx->params->template == ESCALE_REPORT_PARTICIPANTS
         ? escale_report_tr (ctx, N_("Participants report"))
         : escale_report_tr (ctx, N_("Activity report"));
}

/* The Parameters sheet: what the report was made from, so that it can be
 * made again. */
static void
add_parameters (EscaleReportContext *ctx)
{
  const EscaleReportParams *params = ctx->params;
  EscaleReportSheet *sheet = escale_report_add_sheet (ctx->report,
                                                      /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
                                                      escale_report_tr (ctx, N_("Parameters")));
  EscaleValuation valuation = ctx->settings->valuation;
  g_autofree char *version = g_strdup_printf ("Escale %s", PACKAGE_VERSION);

  escale_report_add_line (ctx, sheet, N_("Report"), escale_report_cell_text (report_title (ctx)));
  /* Translators: which kind of report it is (its code, "activity" or "participants", follows) */
  escale_report_add_line (ctx, sheet, N_("Template"),
                          escale_report_cell_text (escale_report_template_to_code (params->template)));
  escale_report_add_filter_lines (ctx, sheet);
  escale_report_add_line (ctx, sheet, N_("Language"),
                          escale_report_cell_text (params->language ?: "en"));
  escale_report_add_line (ctx, sheet, N_("Valuation of volunteers’ hours"),
                          escale_report_cell_text (escale_report_trc (ctx, "valuation",
                                                                      escale_valuation_msgid (valuation))));
  escale_report_add_line (ctx, sheet, N_("Hourly rate (EUR)"),
                          escale_report_cell_number (ESCALE_CELL_EUROS,
                                                     ctx->settings->hourly_rate_cents / 100.0));
  /* Translators: the program and version that made the report ("Escale 0.5.0") */
  escale_report_add_line (ctx, sheet, N_("Software"), escale_report_cell_text (version));
}

static gboolean
build_sheets (EscaleReportContext  *ctx,
              GError              **error)
{
  if (ctx->params->template == ESCALE_REPORT_PARTICIPANTS)
    return escale_report_add_participants (ctx, error);
  return escale_report_add_summary (ctx, error) &&
         escale_report_add_breakdowns (ctx, error) &&
         escale_report_add_volunteering (ctx, error);
}

EscaleReport *
escale_report_build (EscaleStore              *store,
                     const EscaleReportParams *params,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  EscaleReportContext ctx;
  EscaleReport *report = NULL;

  if (!escale_store_require (store, ESCALE_OP_REPORT, error))
    return NULL;
  if (context_open (&ctx, store, params, cancellable, error))
    {
      ctx.report = escale_report_new (report_title (&ctx), ctx.settings->association,
                                      params->language ?: "en");
      escale_report_set_total_label (ctx.report, escale_report_trc (&ctx, "report", "Total"));
      if (build_sheets (&ctx, error))
        {
          add_parameters (&ctx);
          for (guint i = 0; i < ctx.report->sheets->len; i++)
            ((EscaleReportSheet *) g_ptr_array_index (ctx.report->sheets, i))->right_to_left =
              escale_language_is_right_to_left (ctx.report->language);
          report = g_steal_pointer (&ctx.report);
        }
    }
  context_close (&ctx);
  return report;
}

typedef struct
{
  void     (*progress) (double, gpointer);
  gpointer   data;
} Progress;

static void
on_write_progress (double   fraction,
                   gpointer data)
{
  Progress *progress = data;

  progress->progress (0.5 + fraction / 2, progress->data);
}

/* The audit entry: a list of participants names people, figures do not. */
static gboolean
record_export (EscaleStore               *store,
               const EscaleReportParams  *params,
               GError                   **error)
{
  g_autofree char *summary = g_strdup_printf ("%s %s %s%s%s",
                                              escale_report_template_to_code (params->template),
                                              params->from, params->to,
                                              params->programme_code ? " " : "",
                                              params->programme_code ?: "");

  return escale_audit_record (store, params->template == ESCALE_REPORT_PARTICIPANTS ? "export"
                              : "report", NULL, 0, summary, error);
}

gboolean
escale_report_export (EscaleStore              *store,
                      const EscaleReportParams *params,
                      const char               *path,
                      void                    (*progress) (double   fraction,
                                                           gpointer data),
                      gpointer                  progress_data,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  g_autoptr(EscaleReport) report = NULL;
  Progress relay = { progress, progress_data };

  if (progress != NULL)
    progress (0, progress_data);
  if (!(report = escale_report_build (store, params, cancellable, error)))
    return FALSE;
  if (progress != NULL)
    progress (0.5, progress_data);
  /* Recorded before the file exists: a program killed once the file is
   * in place must not leave a list of people exported without a trace. */
  return record_export (store, params, error) &&
         escale_report_write_xlsx (report, path, progress ? on_write_progress : NULL, &relay,
                                   cancellable, error);
}
