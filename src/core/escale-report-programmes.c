/* escale-report-programmes.c — the Programmes and Volunteering sheets
 *
 * Programmes: per programme, its target, the people enrolled during the
 * period, entries, exits by reason and positive exits (to employment,
 * training or housing). Volunteering: the hours of done actions of the
 * workers the association lists as volunteers, per month, and their
 * valuation on the accounts' lines 86 and 87, which balance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "escale-report-private.h"
#include "escale-store-private.h"
#include "escale-vocab.h"

/* Exit reasons that count as positive exits. */
#define POSITIVE_EXITS "('employment', 'training', 'housing')"

typedef struct
{
  EscaleReportContext *ctx;
  EscaleReportTable   *table;
  GHashTable          *rows;      /* programme id → its row */
  GStrv                reasons;   /* exit reason codes, one column each */
  guint                first_reason;
} ProgrammeRows;

static void
read_programme (sqlite3_stmt *stmt,
                gpointer      data)
{
  ProgrammeRows *rows = data;
  EscaleReportCell *row = escale_report_table_add_row (rows->table);
  guint n = rows->table->n_columns;

  g_hash_table_insert (rows->rows, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)), row);
  escale_report_cell_set_text (&row[0], (const char *) sqlite3_column_text (stmt, 1));
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    escale_report_cell_set_number (&row[1], ESCALE_CELL_INTEGER, sqlite3_column_double (stmt, 2));
  for (guint i = 2; i < n; i++)
    escale_report_cell_set_number (&row[i], ESCALE_CELL_COUNT, 0);
  for (guint i = 0; i < 3; i++)
    row[2 + i].number = sqlite3_column_double (stmt, 3 + i);
  row[n - 1].number = sqlite3_column_double (stmt, 6);
}

static void
read_exit_reason (sqlite3_stmt *stmt,
                  gpointer      data)
{
  ProgrammeRows *rows = data;
  EscaleReportCell *row = g_hash_table_lookup (rows->rows,
                                               GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  const char *reason = (const char *) sqlite3_column_text (stmt, 1);
  guint column = rows->first_reason + g_strv_length (rows->reasons);   /* not recorded */

  if (row == NULL)
    return;
  for (guint i = 0; reason != NULL && rows->reasons[i] != NULL; i++)
    if (strcmp (reason, rows->reasons[i]) == 0)
      column = rows->first_reason + i;
  row[column].number += sqlite3_column_double (stmt, 2);
}

static EscaleReportTable *
add_programme_table (EscaleReportContext *ctx,
                     ProgrammeRows       *rows)
{
  EscaleReportSheet *sheet = escale_report_add_sheet (ctx->report,
                                                      /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
                                                      escale_report_tr (ctx, N_("Programmes")));
  /* Translators: columns of the Programmes sheet: its name, the number of people it aims
   * at, the people enrolled during the period, the enrolments that began (entries) and
   * ended (exits) in it */
  static const char *const first[] = {
    N_("Programme"), N_("Target"), N_("People enrolled"), N_("Entries"), N_("Exits"),
  };
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_ptr_array_add (headers, g_strdup (escale_report_tr (ctx, first[i])));
  rows->first_reason = headers->len;
  for (guint i = 0; rows->reasons[i] != NULL; i++)
    {
      g_autofree char *label = escale_report_vocab_label (ctx, ESCALE_VOCAB_EXIT_REASON,
                                                          rows->reasons[i]);
      /* Translators: a column of the Programmes sheet: exits for this reason */
      g_ptr_array_add (headers, g_strdup_printf (escale_report_tr (ctx, N_("Exits: %s")), label));
    }
  g_ptr_array_add (headers, g_strdup (escale_report_tr (ctx, N_("Exits: reason not recorded"))));
  g_ptr_array_add (headers, g_strdup (escale_report_tr (ctx, N_("Positive exits"))));
  g_ptr_array_add (headers, NULL);
  return escale_report_sheet_add_table (sheet, NULL, (const char *const *) headers->pdata);
}

gboolean
escale_report_add_programmes (EscaleReportContext  *ctx,
                              GError              **error)
{
  g_auto(GStrv) reasons = escale_vocab_list_all_codes (ctx->store, ESCALE_VOCAB_EXIT_REASON);
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  ProgrammeRows rows = { ctx, NULL, by_id, reasons, 0 };

  rows.table = add_programme_table (ctx, &rows);
  rows.table->total_row = TRUE;
  rows.table->masked = ctx->params->mask_small;
  rows.table->note = g_strdup (escale_report_tr (ctx, N_("People enrolled: enrolled on at least "
                                                         "one day of the period. Positive exits: "
                                                         "to employment, training or housing.")));
  return escale_report_query (ctx,
                              "SELECT g.id, g.name, g.target_people, "
                              "(SELECT count (DISTINCT e.person_id) FROM main.enrolment e "
                              "  WHERE e.programme_id = g.id AND e.entry_date <= :to "
                              "  AND coalesce (e.exit_date, :to) >= :from), "
                              "(SELECT count (*) FROM main.enrolment e WHERE e.programme_id = g.id "
                              "  AND e.entry_date BETWEEN :from AND :to), "
                              "(SELECT count (*) FROM main.enrolment e WHERE e.programme_id = g.id "
                              "  AND e.exit_date BETWEEN :from AND :to), "
                              "(SELECT count (*) FROM main.enrolment e WHERE e.programme_id = g.id "
                              "  AND e.exit_date BETWEEN :from AND :to "
                              "  AND e.exit_reason IN " POSITIVE_EXITS ") "
                              "FROM main.programme g WHERE :programme = 0 OR g.id = :programme "
                              "ORDER BY g.name COLLATE NOCASE, g.id",
                              read_programme, &rows, error) &&
         escale_report_query (ctx,
                              "SELECT programme_id, exit_reason, count (*) FROM main.enrolment "
                              "WHERE exit_date BETWEEN :from AND :to "
                              "AND (:programme = 0 OR programme_id = :programme) GROUP BY 1, 2",
                              read_exit_reason, &rows, error);
}

/* Volunteering. */
typedef struct
{
  GPtrArray  *months;     /* YYYY-MM, one column each from column 1 */
  GHashTable *rows;       /* volunteer → row */
} VolunteerHours;

static void
read_volunteer_month (sqlite3_stmt *stmt,
                      gpointer      data)
{
  VolunteerHours *hours = data;
  EscaleReportCell *row = g_hash_table_lookup (hours->rows, sqlite3_column_text (stmt, 0));
  const char *month = (const char *) sqlite3_column_text (stmt, 1);
  gint64 minutes = sqlite3_column_int64 (stmt, 2);

  for (guint i = 0; row != NULL && i < hours->months->len; i++)
    if (strcmp (month, g_ptr_array_index (hours->months, i)) == 0)
      row[i + 1].number = escale_report_hours (minutes);
}

static gboolean
fill_volunteer_table (EscaleReportContext  *ctx,
                      EscaleReportTable    *table,
                      VolunteerHours       *hours,
                      GError              **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  GStrv volunteers = ctx->settings->volunteers;

  if (!escale_report_query (ctx, "CREATE TEMP TABLE rp_volunteer (name TEXT PRIMARY KEY)",
                            NULL, NULL, error) ||
      !(insert = escale_store_prepare (ctx->store, "INSERT OR IGNORE INTO rp_volunteer "
                                       "VALUES (?)", error)))
    return FALSE;
  for (guint i = 0; volunteers[i] != NULL; i++)
    {
      EscaleReportCell *row;

      if (g_hash_table_contains (hours->rows, volunteers[i]))
        continue;
      row = escale_report_table_add_row (table);
      escale_report_cell_set_text (&row[0], volunteers[i]);
      for (guint m = 1; m < table->n_columns; m++)
        escale_report_cell_set_number (&row[m], ESCALE_CELL_HOURS, 0);
      g_hash_table_insert (hours->rows, volunteers[i], row);
      sqlite3_bind_text (insert, 1, volunteers[i], -1, SQLITE_STATIC);
      if (!escale_store_step_done (ctx->store, insert, error))
        return FALSE;
    }
  return escale_report_query (ctx,
                              "SELECT worker, substr (date, 1, 7), sum (minutes) FROM rp_action "
                              "WHERE status = 'done' AND worker IN rp_volunteer GROUP BY 1, 2",
                              read_volunteer_month, hours, error);
}

static void
add_account_line (EscaleReportContext *ctx,
                  EscaleReportTable   *table,
                  const char          *account,
                  const char          *heading_msgid,
                  double               hours)
{
  EscaleReportCell *row = escale_report_table_add_row (table);
  double rate = ctx->settings->hourly_rate_cents / 100.0;

  escale_report_cell_set_text (&row[0], account);
  escale_report_cell_set_text (&row[1], escale_report_tr (ctx, heading_msgid));
  escale_report_cell_set_number (&row[2], ESCALE_CELL_HOURS, hours);
  escale_report_cell_set_number (&row[3], ESCALE_CELL_EUROS, rate);
  escale_report_cell_set_number (&row[4], ESCALE_CELL_EUROS,
                                 (double) llround (hours * ctx->settings->hourly_rate_cents) / 100.0);
}

gboolean
escale_report_add_volunteering (EscaleReportContext  *ctx,
                                GError              **error)
{
  /* Translators: columns of the accounts' lines: the account's number (86, 87), its
   * heading in the chart of accounts, hours, hourly rate, amount */
  static const char *const account_headers[] = {
    N_("Account"), N_("Heading"), N_("Hours"), N_("Hourly rate (EUR)"), N_("Amount (EUR)"), NULL,
  };
  g_autoptr(GPtrArray) months = escale_report_months (ctx);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  VolunteerHours hours = { months, rows };
  EscaleReportSheet *sheet = escale_report_add_sheet (ctx->report,
                                                      /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
                                                      escale_report_tr (ctx, N_("Volunteering")));
  EscaleReportTable *table;
  double total;

  escale_report_add_line (ctx, sheet, N_("Valuation of volunteers’ hours"),
                          escale_report_cell_text (escale_report_trc (ctx, "valuation",
                                                                      escale_valuation_msgid (ctx->settings->valuation))));
  escale_report_add_line (ctx, sheet, N_("Hourly rate (EUR)"),
                          escale_report_cell_number (ESCALE_CELL_EUROS,
                                                     ctx->settings->hourly_rate_cents / 100.0));
  g_ptr_array_add (headers, g_strdup (escale_report_tr (ctx, N_("Volunteer"))));
  for (guint i = 0; i < months->len; i++)
    g_ptr_array_add (headers, escale_report_month_label (ctx, g_ptr_array_index (months, i)));
  g_ptr_array_add (headers, NULL);
  table = escale_report_sheet_add_table (sheet, escale_report_tr (ctx, N_("Hours of done actions "
                                                                           "per volunteer and month")),
                                         (const char *const *) headers->pdata);
  table->total_row = table->total_column = TRUE;
  if (!fill_volunteer_table (ctx, table, &hours, error))
    return FALSE;
  if (g_strv_length (ctx->settings->volunteers) == 0)
    table->note = g_strdup (escale_report_tr (ctx, N_("No worker is listed as a volunteer: list "
                                                      "them in the preferences.")));

  total = 0;
  for (guint i = 0; i < table->rows->len; i++)
    for (guint m = 1; m < table->n_columns; m++)
      total += ((EscaleReportCell *) g_ptr_array_index (table->rows, i))[m].number;
  table = escale_report_add_table (ctx, sheet, N_("Valuation in the accounts"), account_headers);
  add_account_line (ctx, table, "86", N_("Use of voluntary contributions in kind: "
                                         "volunteer staff"), total);
  add_account_line (ctx, table, "87", N_("Voluntary contributions in kind: volunteering"), total);
  table->note = g_strdup (escale_report_tr (ctx, N_("Lines 86 and 87 carry the same amount: "
                                                    "the accounts balance.")));
  return TRUE;
}
