/* escale-report-participants.c — the participants report of a programme
 *
 * One row per person enrolled in the programme on at least one day of the
 * period, as the European Social Fund+ asks: no name, a pseudonymous id
 * stable per person and programme; age, status and situation at the first
 * entry into the programme (a re-entry never replaces them); exit date,
 * reason and situation of the last enrolment; the actions of the
 * programme done in the period and their hours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-report-private.h"
#include "escale-situation.h"
#include "escale-vocab.h"

static const char participants_sql[] =
  "SELECT p.uuid, (SELECT uuid FROM main.programme WHERE id = :programme), p.sex, "
  ESCALE_REPORT_SQL_AGE ("p.birth_date", "ef.entry_date") ", "
  "  (SELECT country FROM main.person_nationality n WHERE n.person_id = p.id "
  "   ORDER BY n.id LIMIT 1), "
  "  (SELECT status FROM main.status_period s WHERE s.person_id = p.id "
  "   AND coalesce (s.started_on, '') <= ef.entry_date "
  "   AND coalesce (s.ended_on, ef.entry_date) >= ef.entry_date "
  "   ORDER BY s.started_on DESC, s.id DESC LIMIT 1), "
  "  se.labour, se.education, se.housing, se.disability, se.homeless, "
  "  sx.labour, sx.education, sx.housing, sx.disability, sx.homeless, "
  "  ef.entry_date, el.exit_date, el.exit_reason, coalesce (act.n, 0), coalesce (act.minutes, 0) "
  "FROM (SELECT DISTINCT person_id FROM main.enrolment WHERE programme_id = :programme "
  "      AND entry_date <= :to AND coalesce (exit_date, :to) >= :from) x "
  "JOIN main.person p ON p.id = x.person_id "
  "JOIN main.enrolment ef ON ef.id = (SELECT id FROM main.enrolment WHERE person_id = p.id "
  "  AND programme_id = :programme ORDER BY entry_date, id LIMIT 1) "
  "JOIN main.enrolment el ON el.id = (SELECT id FROM main.enrolment WHERE person_id = p.id "
  "  AND programme_id = :programme AND entry_date <= :to ORDER BY entry_date DESC, id DESC LIMIT 1) "
  "LEFT JOIN main.enrolment_situation se ON se.enrolment_id = ef.id AND se.moment = 'entry' "
  "LEFT JOIN main.enrolment_situation sx ON sx.enrolment_id = el.id AND sx.moment = 'exit' "
  "LEFT JOIN (SELECT c.person_id, count (*) AS n, sum (a.minutes) AS minutes "
  "  FROM rp_concerned c JOIN rp_action a ON a.id = c.action_id GROUP BY c.person_id) act "
  "  ON act.person_id = p.id "
  "ORDER BY ef.entry_date, p.id";

enum {
  COL_PERSON_UUID, COL_PROGRAMME_UUID, COL_SEX, COL_AGE, COL_NATIONALITY, COL_STATUS,
  COL_ENTRY_SITUATION, COL_EXIT_SITUATION = COL_ENTRY_SITUATION + ESCALE_SITUATION_N_FIELDS,
  COL_ENTRY_DATE = COL_EXIT_SITUATION + ESCALE_SITUATION_N_FIELDS,
  COL_EXIT_DATE, COL_EXIT_REASON, COL_ACTIONS, COL_MINUTES,
};

/* The headers: the situation's columns come at entry, then at exit, in
 * the order of EscaleSituationField. */
static const char *const headers[] = {
  N_("Participant"), N_("Sex"), N_("Age at entry"), N_("Age band (ESF+)"),
  N_("Nationality group"), N_("Status at entry"),
  N_("Labour status at entry"), N_("Education level at entry"), N_("Housing at entry"),
  N_("Disability at entry"), N_("Homeless at entry"),
  N_("Labour status at exit"), N_("Education level at exit"), N_("Housing at exit"),
  N_("Disability at exit"), N_("Homeless at exit"),
  N_("Entry date"), N_("Exit date"), N_("Exit reason"), N_("Actions done"), N_("Hours"), NULL,
};

/* The 27 member states of the European Union. */
static const char *const eu_countries[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", NULL,
};

/* "P-" and ten hexadecimal digits of a hash of the person's and the
 * programme's uuids: the same person has the same id in every report of a
 * programme, and another one in another programme; nothing in it leads
 * back to the person without the database. */
static char *
pseudonym (const char *person_uuid,
           const char *programme_uuid)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *upper = NULL;

  g_checksum_update (checksum, (const guchar *) "escale-participant:", -1);
  g_checksum_update (checksum, (const guchar *) programme_uuid, -1);
  g_checksum_update (checksum, (const guchar *) ":", -1);
  g_checksum_update (checksum, (const guchar *) person_uuid, -1);
  upper = g_ascii_strup (g_checksum_get_string (checksum), 10);
  return g_strconcat ("P-", upper, NULL);
}

static const char *
sex_msgid (const char *sex)
{
  if (g_strcmp0 (sex, "F") == 0)
    return N_("Woman");
  if (g_strcmp0 (sex, "M") == 0)
    return N_("Man");
  if (g_strcmp0 (sex, "X") == 0)
    return N_("Non-binary");
  return NULL;
}

static const char *
esf_band_msgid (int age)
{
  if (age < 18)
    return N_("Under 18");
  if (age < 30)
    return N_("18-29");
  if (age < 55)
    return N_("30-54");
  return N_("55 and over");
}

static const char *
nationality_group_msgid (const char *country)
{
  if (country == NULL)
    return NULL;
  if (strcmp (country, "FR") == 0)
    return N_("France");
  if (g_strv_contains (eu_countries, country))
    return N_("EU");
  return N_("Third country");
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
set_translated (EscaleReportContext *ctx,
                EscaleReportCell    *cell,
                const char          *msgid)
{
  if (msgid != NULL)
    escale_report_cell_set_text (cell, escale_report_tr (ctx, msgid));
}

static void
set_vocab (EscaleReportContext *ctx,
           EscaleReportCell    *cell,
           const char          *kind,
           const char          *code)
{
  g_autofree char *label = code != NULL ? escale_report_vocab_label (ctx, kind, code) : NULL;

  if (label != NULL)
    escale_report_cell_set_text (cell, label);
}

static void
set_situation (EscaleReportContext *ctx,
               EscaleReportCell    *cells,
               sqlite3_stmt        *stmt,
               int                  first_column)
{
  for (int field = 0; field < ESCALE_SITUATION_N_FIELDS; field++)
    {
      const char *code = column_text (stmt, first_column + field);
      const char *context = NULL;
      const char *msgid = code ? escale_situation_msgid (field, code, &context) : NULL;

      if (msgid != NULL)
        escale_report_cell_set_text (&cells[field], escale_report_trc (ctx, context, msgid));
    }
}

typedef struct
{
  EscaleReportContext *ctx;
  EscaleReportTable   *table;
} ParticipantRows;

static void
read_participant (sqlite3_stmt *stmt,
                  gpointer      data)
{
  ParticipantRows *rows = data;
  EscaleReportContext *ctx = rows->ctx;
  EscaleReportCell *row = escale_report_table_add_row (rows->table);
  g_autofree char *id = pseudonym (column_text (stmt, COL_PERSON_UUID),
                                   column_text (stmt, COL_PROGRAMME_UUID));
  gboolean age_known = sqlite3_column_type (stmt, COL_AGE) != SQLITE_NULL;
  int age = sqlite3_column_int (stmt, COL_AGE);

  escale_report_cell_set_text (&row[0], id);
  set_translated (ctx, &row[1], sex_msgid (column_text (stmt, COL_SEX)));
  if (age_known)
    {
      escale_report_cell_set_number (&row[2], ESCALE_CELL_INTEGER, age);
      set_translated (ctx, &row[3], esf_band_msgid (age));
    }
  set_translated (ctx, &row[4], nationality_group_msgid (column_text (stmt, COL_NATIONALITY)));
  set_vocab (ctx, &row[5], ESCALE_VOCAB_STATUS, column_text (stmt, COL_STATUS));
  set_situation (ctx, &row[6], stmt, COL_ENTRY_SITUATION);
  set_situation (ctx, &row[6 + ESCALE_SITUATION_N_FIELDS], stmt, COL_EXIT_SITUATION);
  row += 6 + 2 * ESCALE_SITUATION_N_FIELDS;
  escale_report_cell_set_date (&row[0], column_text (stmt, COL_ENTRY_DATE));
  if (column_text (stmt, COL_EXIT_DATE) != NULL)
    escale_report_cell_set_date (&row[1], column_text (stmt, COL_EXIT_DATE));
  set_vocab (ctx, &row[2], ESCALE_VOCAB_EXIT_REASON, column_text (stmt, COL_EXIT_REASON));
  escale_report_cell_set_number (&row[3], ESCALE_CELL_COUNT, sqlite3_column_double (stmt, COL_ACTIONS));
  escale_report_cell_set_number (&row[4], ESCALE_CELL_HOURS,
                                 escale_report_hours (sqlite3_column_int64 (stmt, COL_MINUTES)));
}

gboolean
escale_report_add_participants (EscaleReportContext  *ctx,
                                GError              **error)
{
  EscaleReportSheet *sheet = escale_report_add_sheet (ctx->report,
                                                      /* Translators: the name of a sheet of the report: at most 31 characters, none of []:*?/\ */
                                                      escale_report_tr (ctx, N_("Participants")));
  ParticipantRows rows = { ctx, NULL };

  escale_report_add_filter_lines (ctx, sheet);
  rows.table = escale_report_add_table (ctx, sheet, NULL, headers);
  rows.table->note = g_strdup (escale_report_tr (ctx, N_("One row per person enrolled on at least "
                                                         "one day of the period. Age, status and "
                                                         "situation at the first entry into the "
                                                         "programme; exit of the last enrolment.")));
  return escale_report_query (ctx, participants_sql, read_participant, &rows, error);
}
