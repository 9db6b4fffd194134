/* escale-report-activity.c — the sheets of the activity report
 *
 * The Summary's twelve figures, then the breakdowns of the people
 * followed and of the actions done, each from the temporary tables of
 * escale-report.c (rp_action, rp_concerned, rp_person).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "escale-iso.h"
#include "escale-report-private.h"
#include "escale-vocab.h"

/* The Summary's indicators, in this order, with their kinds. */
static const struct
{
  const char     *msgid;
  EscaleCellKind  kind;
} indicators[] = {
  { N_("People followed"), ESCALE_CELL_COUNT },
  { N_("New people"), ESCALE_CELL_COUNT },
  { N_("Households"), ESCALE_CELL_COUNT },
  { N_("Minors"), ESCALE_CELL_COUNT },
  { N_("Women"), ESCALE_CELL_COUNT },
  { N_("Men"), ESCALE_CELL_COUNT },
  { N_("Actions done"), ESCALE_CELL_COUNT },
  { N_("Hours of follow-up"), ESCALE_CELL_HOURS },
  { N_("Referrals"), ESCALE_CELL_COUNT },
  { N_("Referrals accepted"), ESCALE_CELL_COUNT },
  { N_("Financial aid (EUR)"), ESCALE_CELL_EUROS },
  { N_("Missed appointments"), ESCALE_CELL_COUNT },
};

static void
add_label_row (EscaleReportTable *table,
               const char        *label,
               EscaleCellKind     kind,
               double             value)
{
  EscaleReportCell *row = escale_report_table_add_row (table);

  escale_report_cell_set_text (&row[0], label);
  escale_report_cell_set_number (&row[1], kind, value);
}

gboolean
escale_report_add_summary (EscaleReportContext  *ctx,
                           GError              **error)
{
  /* Translators: the column headers of the Summary sheet: an indicator and its value */
  static const char *const headers[] = { N_("Indicator"), N_("Value"), NULL };
  EscaleReportFigures f;
  EscaleReportSheet *sheet;
  EscaleReportTable *table;
  double values[G_N_ELEMENTS (indicators)];

  if (!escale_report_read_figures (ctx, &f, error))
    return FALSE;
  values[0] = f.people;
  values[1] = f.new_people;
  values[2] = f.households;
  values[3] = f.minors;
  values[4] = f.women;
  values[5] = f.men;
  values[6] = f.actions_done;
  values[7] = escale_report_hours (f.minutes);
  values[8] = f.referrals;
  values[9] = f.referrals_accepted;
  values[10] = f.aid_cents / 100.0;
  values[11] = f.missed;

  /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
  sheet = escale_report_add_sheet (ctx->report, escale_report_tr (ctx, N_("Summary")));
  escale_report_add_filter_lines (ctx, sheet);
  table = escale_report_add_table (ctx, sheet, NULL, headers);
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    add_label_row (table, escale_report_tr (ctx, indicators[i].msgid), indicators[i].kind,
                   values[i]);
  return TRUE;
}

/* A grid of counts filled by a query whose rows are (row, column, count). */
typedef struct
{
  guint   n_columns;
  double *cells;
} Grid;

static void
read_grid_cell (sqlite3_stmt *stmt,
                gpointer      data)
{
  Grid *grid = data;

  grid->cells[sqlite3_column_int (stmt, 0) * grid->n_columns + sqlite3_column_int (stmt, 1)] =
    sqlite3_column_double (stmt, 2);
}

/* Translators: age bands, the rows of the sheet "By sex and age" */
static const char *const age_bands[] = {
  N_("0-17"), N_("18-24"), N_("25-34"), N_("35-44"), N_("45-54"), N_("55-64"), N_("65+"),
  N_("Unknown"),
};

static gboolean
add_sex_and_age (EscaleReportContext  *ctx,
                 GError              **error)
{
  static const char *const headers[] = {
    N_("Age"), N_("Women"), N_("Men"), N_("Non-binary"), N_("Sex unknown"), NULL,
  };
  double cells[G_N_ELEMENTS (age_bands) * 4] = { 0 };
  Grid grid = { 4, cells };
  EscaleReportSheet *sheet;
  EscaleReportTable *table;

  if (!escale_report_query (ctx,
                            "SELECT CASE WHEN age IS NULL THEN 7 WHEN age < 18 THEN 0 "
                            "WHEN age < 25 THEN 1 WHEN age < 35 THEN 2 WHEN age < 45 THEN 3 "
                            "WHEN age < 55 THEN 4 WHEN age < 65 THEN 5 ELSE 6 END AS band, "
                            "CASE sex WHEN 'F' THEN 0 WHEN 'M' THEN 1 WHEN 'X' THEN 2 ELSE 3 END "
                            "AS s, count (*) FROM rp_person GROUP BY band, s",
                            read_grid_cell, &grid, error))
    return FALSE;
  /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
  sheet = escale_report_add_sheet (ctx->report, escale_report_tr (ctx, N_("By sex and age")));
  table = escale_report_add_table (ctx, sheet, N_("People followed by sex and age"), headers);
  table->total_row = table->total_column = TRUE;
  table->masked = ctx->params->mask_small;
  table->note = g_strdup (escale_report_tr (ctx, N_("Age on the period’s last day.")));
  escale_report_table_set_chart (table, ESCALE_CHART_COLUMN, 1, 4);
  for (guint band = 0; band < G_N_ELEMENTS (age_bands); band++)
    {
      EscaleReportCell *row = escale_report_table_add_row (table);

      escale_report_cell_set_text (&row[0], escale_report_tr (ctx, age_bands[band]));
      for (guint s = 0; s < 4; s++)
        escale_report_cell_set_number (&row[s + 1], ESCALE_CELL_COUNT, cells[band * 4 + s]);
    }
  return TRUE;
}

/* A one-column breakdown: a label per code, and its count. */
typedef struct
{
  EscaleReportContext *ctx;
  EscaleReportTable   *table;
  char              *(*label) (EscaleReportContext *ctx,
                               const char          *code);
} CountRows;

static void
read_count_row (sqlite3_stmt *stmt,
                gpointer      data)
{
  CountRows *rows = data;
  EscaleReportCell *row = escale_report_table_add_row (rows->table);
  const char *code = (const char *) sqlite3_column_text (stmt, 0);
  g_autofree char *label = code != NULL ? rows->label (rows->ctx, code) : NULL;

  escale_report_cell_set_text (&row[0], label ?: escale_report_tr (rows->ctx, N_("Unknown")));
  for (guint i = 1; i < rows->table->n_columns; i++)
    {
      EscaleCellKind kind = i == 2 ? ESCALE_CELL_HOURS : ESCALE_CELL_COUNT;
      double value = sqlite3_column_double (stmt, i);

      escale_report_cell_set_number (&row[i], kind,
                                     kind == ESCALE_CELL_HOURS ? escale_report_hours (value) : value);
    }
}

static char *
country_label (EscaleReportContext *ctx,
               const char          *code)
{
  const char *name = escale_iso_country_name_in (code, ctx->params->language ?: "en");

  return g_strdup (name ?: code);
}

static char *
status_label (EscaleReportContext *ctx,
              const char          *code)
{
  return escale_report_vocab_label (ctx, ESCALE_VOCAB_STATUS, code);
}

static char *
theme_label (EscaleReportContext *ctx,
             const char          *code)
{
  if (*code == '\0')
    return g_strdup (escale_report_tr (ctx, N_("No theme")));
  return escale_report_vocab_label (ctx, ESCALE_VOCAB_THEME, code);
}

static gboolean
add_count_sheet (EscaleReportContext  *ctx,
                 const char           *sheet_msgid,
                 const char *const    *headers,
                 const char           *sql,
                 char               *(*label) (EscaleReportContext *, const char *),
                 EscaleReportTable   **table,
                 GError              **error)
{
  EscaleReportSheet *sheet = escale_report_add_sheet (ctx->report,
                                                      escale_report_tr (ctx, sheet_msgid));
  CountRows rows = { ctx, NULL, label };

  rows.table = *table = escale_report_add_table (ctx, sheet, NULL, headers);
  (*table)->masked = ctx->params->mask_small;
  return escale_report_query (ctx, sql, read_count_row, &rows, error);
}

static gboolean
add_nationality_and_status (EscaleReportContext  *ctx,
                            GError              **error)
{
  static const char *const by_nationality[] = { N_("Nationality"), N_("People followed"), NULL };
  static const char *const by_status[] = { N_("Status at the period’s end"),
                                           N_("People followed"), NULL };
  EscaleReportTable *table;

  /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
  if (!add_count_sheet (ctx, N_("By nationality"), by_nationality,
                        "SELECT nationality, count (*) FROM rp_person GROUP BY nationality "
                        "ORDER BY count (*) DESC, nationality IS NULL, nationality",
                        country_label, &table, error))
    return FALSE;
  table->total_row = TRUE;
  table->note = g_strdup (escale_report_tr (ctx, N_("A person with several nationalities counts "
                                                    "under the first one recorded.")));
  /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
  if (!add_count_sheet (ctx, N_("By status"), by_status,
                        "SELECT status, count (*) FROM rp_person GROUP BY status "
                        "ORDER BY count (*) DESC, status IS NULL, status",
                        status_label, &table, error))
    return FALSE;
  table->total_row = TRUE;
  return TRUE;
}

static gboolean
add_themes (EscaleReportContext  *ctx,
            GError              **error)
{
  static const char *const headers[] = { N_("Theme"), N_("Actions done"), N_("Hours"), NULL };
  EscaleReportTable *table;

  /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
  if (!add_count_sheet (ctx, N_("By theme"), headers,
                        "SELECT coalesce (t.theme, ''), count (*), sum (a.minutes) "
                        "FROM rp_action a LEFT JOIN main.action_theme t ON t.action_id = a.id "
                        "WHERE a.status = 'done' GROUP BY 1 ORDER BY 2 DESC, 1",
                        theme_label, &table, error))
    return FALSE;
  table->note = g_strdup (escale_report_tr (ctx, N_("An action with several themes counts under "
                                                    "each of them: the rows do not add up to the "
                                                    "actions done.")));
  return TRUE;
}

/* Referrals by partner × outcome: the columns are the referral states. */
static const char *const referral_states[] = {
  "pending", "no_answer", "accepted", "refused", "completed", "abandoned",
};

typedef struct
{
  EscaleReportContext *ctx;
  EscaleReportTable   *table;
  EscaleReportCell    *row;
  char                *partner;
} PartnerRows;

static void
read_partner_state (sqlite3_stmt *stmt,
                    gpointer      data)
{
  PartnerRows *rows = data;
  const char *partner = (const char *) sqlite3_column_text (stmt, 0);
  const char *state = (const char *) sqlite3_column_text (stmt, 1);

  if (rows->row == NULL || g_strcmp0 (partner, rows->partner) != 0)
    {
      rows->row = escale_report_table_add_row (rows->table);
      escale_report_cell_set_text (&rows->row[0], *partner ? partner
                                   : escale_report_tr (rows->ctx, N_("No partner recorded")));
      for (guint i = 0; i < G_N_ELEMENTS (referral_states); i++)
        escale_report_cell_set_number (&rows->row[i + 1], ESCALE_CELL_COUNT, 0);
      g_free (rows->partner);
      rows->partner = g_strdup (partner);
    }
  for (guint i = 0; i < G_N_ELEMENTS (referral_states); i++)
    if (g_strcmp0 (state, referral_states[i]) == 0)
      rows->row[i + 1].number = sqlite3_column_double (stmt, 2);
}

static gboolean
add_referrals (EscaleReportContext  *ctx,
               GError              **error)
{
  EscaleReportSheet *sheet = escale_report_add_sheet (ctx->report,
                                                      /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
                                                      escale_report_tr (ctx, N_("Referrals by partner")));
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  PartnerRows rows = { ctx, NULL, NULL, NULL };
  gboolean ok;

  g_ptr_array_add (headers, g_strdup (escale_report_tr (ctx, N_("Partner"))));
  for (guint i = 0; i < G_N_ELEMENTS (referral_states); i++)
    g_ptr_array_add (headers,
                     escale_report_vocab_label (ctx, ESCALE_VOCAB_REFERRAL_STATE, referral_states[i]));
  g_ptr_array_add (headers, NULL);
  rows.table = escale_report_sheet_add_table (sheet, NULL, (const char *const *) headers->pdata);
  rows.table->total_row = rows.table->total_column = TRUE;
  rows.table->masked = ctx->params->mask_small;
  rows.table->note = g_strdup (escale_report_tr (ctx, N_("Done referrals of the period, by their "
                                                         "outcome today.")));
  ok = escale_report_query (ctx,
                            "SELECT coalesce (p.name, a.partner, '') AS who, "
                            "coalesce (r.state, a.referral_outcome, 'pending'), count (*) "
                            "FROM rp_action a LEFT JOIN main.referral r ON r.action_id = a.id "
                            "LEFT JOIN main.partner p ON p.id = coalesce (r.partner_id, a.partner_id) "
                            "WHERE a.status = 'done' AND a.type = 'referral' "
                            "GROUP BY 1, 2 ORDER BY who = '', who COLLATE NOCASE, who",
                            read_partner_state, &rows, error);
  g_free (rows.partner);
  return ok;
}

/* Monthly: people followed and actions done per month, counted here
 * rather than by GROUP BY, which would sort a year of actions twice. */
typedef struct
{
  int         first;      /* year × 12 + month of the period's first month */
  guint       n;
  double     *people;
  double     *actions;
  gint64     *minutes;
  GHashTable *seen;       /* person × month already counted */
} MonthTotals;

static int
month_of (MonthTotals *totals,
          const char  *date)
{
  int index = atoi (date) * 12 + atoi (date + 5) - 1 - totals->first;

  return index >= 0 && (guint) index < totals->n ? index : -1;
}

static void
read_action_month (sqlite3_stmt *stmt,
                   gpointer      data)
{
  MonthTotals *totals = data;
  int month = month_of (totals, (const char *) sqlite3_column_text (stmt, 0));

  if (month < 0)
    return;
  totals->actions[month]++;
  totals->minutes[month] += sqlite3_column_int64 (stmt, 1);
}

static void
read_person_month (sqlite3_stmt *stmt,
                   gpointer      data)
{
  MonthTotals *totals = data;
  int month = month_of (totals, (const char *) sqlite3_column_text (stmt, 0));
  guint64 key = (guint64) sqlite3_column_int64 (stmt, 1) * totals->n + (guint) month;

  if (month >= 0 && g_hash_table_add (totals->seen, (gpointer) (gsize) key))
    totals->people[month]++;
}

static void
add_month_rows (EscaleReportContext *ctx,
                EscaleReportTable   *table,
                GPtrArray           *months,
                MonthTotals         *totals)
{
  for (guint i = 0; i < months->len; i++)
    {
      EscaleReportCell *row = escale_report_table_add_row (table);
      g_autofree char *label = escale_report_month_label (ctx, g_ptr_array_index (months, i));

      escale_report_cell_set_text (&row[0], label);
      escale_report_cell_set_number (&row[1], ESCALE_CELL_COUNT, totals->people[i]);
      escale_report_cell_set_number (&row[2], ESCALE_CELL_COUNT, totals->actions[i]);
      escale_report_cell_set_number (&row[3], ESCALE_CELL_HOURS,
                                     escale_report_hours (totals->minutes[i]));
    }
}

static gboolean
add_monthly (EscaleReportContext  *ctx,
             GError              **error)
{
  static const char *const headers[] = {
    N_("Month"), N_("People followed"), N_("Actions done"), N_("Hours"), NULL,
  };
  g_autoptr(GPtrArray) months = escale_report_months (ctx);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree double *people = g_new0 (double, months->len);
  g_autofree double *actions = g_new0 (double, months->len);
  g_autofree gint64 *minutes = g_new0 (gint64, months->len);
  MonthTotals totals = {
    atoi (ctx->params->from) * 12 + atoi (ctx->params->from + 5) - 1, months->len,
    people, actions, minutes, seen,
  };
  EscaleReportSheet *sheet;
  EscaleReportTable *table;

  if (!escale_report_query (ctx, "SELECT date, minutes FROM rp_action WHERE status = 'done'",
                            read_action_month, &totals, error) ||
      !escale_report_query (ctx, "SELECT date, person_id FROM rp_concerned",
                            read_person_month, &totals, error))
    return FALSE;
  /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
  sheet = escale_report_add_sheet (ctx->report, escale_report_tr (ctx, N_("Monthly")));
  table = escale_report_add_table (ctx, sheet, N_("People followed and actions done per month"),
                                   headers);
  table->masked = ctx->params->mask_small;
  escale_report_table_set_chart (table, ESCALE_CHART_COLUMN, 1, 2);
  table->note = g_strdup (escale_report_tr (ctx, N_("A person followed in several months counts "
                                                    "in each: the year’s total is on the Summary.")));
  add_month_rows (ctx, table, months, &totals);
  return TRUE;
}

gboolean
escale_report_add_breakdowns (EscaleReportContext  *ctx,
                              GError              **error)
{
  return add_sex_and_age (ctx, error) &&
         add_nationality_and_status (ctx, error) &&
         add_themes (ctx, error) &&
         add_referrals (ctx, error) &&
         add_monthly (ctx, error) &&
         escale_report_add_programmes (ctx, error);
}
