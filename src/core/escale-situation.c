/* escale-situation.c — a person's situation at the entry into a programme
 * and at the exit from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-situation.h"
#include "escale-store-private.h"

typedef struct
{
  const char *code;
  const char *label; /* untranslated, in the field's context */
} SituationChoice;

typedef struct
{
  const char            *column;
  const char            *label;   /* untranslated */
  const char            *context; /* of the choices' labels */
  const SituationChoice *choices;
  const char *const     *codes;   /* the choices' codes, NULL-terminated */
} SituationFieldInfo;

static const SituationChoice labour_choices[] = {
  { "employed", NC_("labour status", "Employed") },
  { "unemployed", NC_("labour status", "Unemployed") },
  { "long_term_unemployed", NC_("labour status", "Long-term unemployed") },
  { "inactive", NC_("labour status", "Inactive") },
  { NULL, NULL },
};
static const char *const labour_codes[] = {
  "employed", "unemployed", "long_term_unemployed", "inactive", NULL
};

static const SituationChoice education_choices[] = {
  /* Translators: ISCED, the International Standard Classification of Education */
  { "isced_0_2", NC_("education level", "ISCED 0–2 (primary or lower secondary)") },
  { "isced_3_4", NC_("education level", "ISCED 3–4 (upper secondary or post-secondary)") },
  { "isced_5_8", NC_("education level", "ISCED 5–8 (tertiary)") },
  { "unknown", NC_("education level", "Unknown") },
  { NULL, NULL },
};
static const char *const education_codes[] = {
  "isced_0_2", "isced_3_4", "isced_5_8", "unknown", NULL
};

static const SituationChoice housing_choices[] = {
  { "street", NC_("housing situation", "Street") },
  { "emergency_shelter", NC_("housing situation", "Emergency shelter") },
  /* Translators: housing provided to asylum seekers while their request is examined */
  { "asylum_reception", NC_("housing situation", "Asylum reception system") },
  { "hosted", NC_("housing situation", "Hosted by a third party") },
  { "own_or_rented", NC_("housing situation", "Own or rented housing") },
  { NULL, NULL },
};
static const char *const housing_codes[] = {
  "street", "emergency_shelter", "asylum_reception", "hosted", "own_or_rented", NULL
};

/* Disability and homelessness: the person's answer to the question. */
static const SituationChoice answer_choices[] = {
  { "yes", NC_("situation answer", "Yes") },
  { "no", NC_("situation answer", "No") },
  { "declined", NC_("situation answer", "Declined to answer") },
  { NULL, NULL },
};
static const char *const answer_codes[] = { "yes", "no", "declined", NULL };

static const SituationFieldInfo fields[ESCALE_SITUATION_N_FIELDS] = {
  [ESCALE_SITUATION_LABOUR] = { "labour", N_("Labour status"), "labour status",
                                labour_choices, labour_codes },
  [ESCALE_SITUATION_EDUCATION] = { "education", N_("Education level"), "education level",
                                   education_choices, education_codes },
  [ESCALE_SITUATION_HOUSING] = { "housing", N_("Housing"), "housing situation",
                                 housing_choices, housing_codes },
  /* Translators: whether the person has a disability */
  [ESCALE_SITUATION_DISABILITY] = { "disability", N_("Disability"), "situation answer",
                                    answer_choices, answer_codes },
  /* Translators: whether the person is homeless or excluded from housing */
  [ESCALE_SITUATION_HOMELESS] = { "homeless", N_("Homeless"), "situation answer",
                                  answer_choices, answer_codes },
};

static gboolean
is_recorded (const char *code)
{
  return code != NULL && *code != '\0';
}

static gboolean
is_moment (const char *moment)
{
  return g_strcmp0 (moment, ESCALE_SITUATION_ENTRY) == 0 ||
         g_strcmp0 (moment, ESCALE_SITUATION_EXIT) == 0;
}

static gboolean
finish (EscaleStore  *store,
        gboolean      ok,
        GError      **error)
{
  if (ok && escale_store_commit (store, error))
    return TRUE;
  escale_store_rollback (store);
  return FALSE;
}

/* Codes and labels */

EscaleSituation *
escale_situation_new (void)
{
  return g_new0 (EscaleSituation, 1);
}

void
escale_situation_free (EscaleSituation *situation)
{
  if (situation == NULL)
    return;
  for (guint i = 0; i < ESCALE_SITUATION_N_FIELDS; i++)
    g_free (situation->values[i]);
  g_free (situation);
}

/* Whether nothing is recorded (an empty code counts as none). */
gboolean
escale_situation_is_empty (const EscaleSituation *situation)
{
  g_return_val_if_fail (situation != NULL, TRUE);

  for (guint i = 0; i < ESCALE_SITUATION_N_FIELDS; i++)
    if (is_recorded (situation->values[i]))
      return FALSE;
  return TRUE;
}

/* Returns: the column of @field in the table enrolment_situation */
const char *
escale_situation_column (EscaleSituationField field)
{
  g_return_val_if_fail (field < ESCALE_SITUATION_N_FIELDS, NULL);

  return fields[field].column;
}

/**
 * escale_situation_codes:
 *
 * Returns: (transfer none): the codes allowed in @field, in the order offered
 */
const char *const *
escale_situation_codes (EscaleSituationField field)
{
  g_return_val_if_fail (field < ESCALE_SITUATION_N_FIELDS, NULL);

  return fields[field].codes;
}

/**
 * escale_situation_msgid:
 * @context: (out) (optional): the label's translation context
 *
 * Returns: (nullable): the untranslated label of @code, to translate with
 *   g_dpgettext2() in any language; %NULL when @field has no such code
 */
const char *
escale_situation_msgid (EscaleSituationField   field,
                        const char            *code,
                        const char           **context)
{
  g_return_val_if_fail (field < ESCALE_SITUATION_N_FIELDS, NULL);

  if (context != NULL)
    *context = fields[field].context;
  for (const SituationChoice *choice = fields[field].choices; code && choice->code; choice++)
    if (g_str_equal (choice->code, code))
      return choice->label;
  return NULL;
}

/* Returns: (nullable): the label of @code in the interface language, %NULL
 *   when @field has no such code */
const char *
escale_situation_label (EscaleSituationField  field,
                        const char           *code)
{
  const char *context = NULL;
  const char *msgid = escale_situation_msgid (field, code, &context);

  return msgid ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid) : NULL;
}

/* Returns: the name of @field in the interface language */
const char *
escale_situation_field_label (EscaleSituationField field)
{
  g_return_val_if_fail (field < ESCALE_SITUATION_N_FIELDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, fields[field].label);
}

/**
 * escale_situation_validate:
 * @bad_field: (out) (optional): the first field whose code is unknown
 *
 * Returns: whether every recorded code is one of its field's; if not, @error
 *   says which (ESCALE_STORE_ERROR_INVALID)
 */
gboolean
escale_situation_validate (const EscaleSituation  *situation,
                           EscaleSituationField   *bad_field,
                           GError                **error)
{
  g_return_val_if_fail (situation != NULL, FALSE);

  for (guint i = 0; i < ESCALE_SITUATION_N_FIELDS; i++)
    {
      const char *code = situation->values[i];

      if (!is_recorded (code) || escale_situation_msgid (i, code, NULL) != NULL)
        continue;
      if (bad_field != NULL)
        *bad_field = i;
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   /* Translators: %1$s is a field ("Housing"), %2$s a code not its own */
                   _("%1$s: unknown value “%2$s”"), escale_situation_field_label (i), code);
      return FALSE;
    }
  return TRUE;
}

/* Loading and saving */

#define SITUATION_COLUMNS "labour, education, housing, disability, homeless"

/**
 * escale_store_load_situation:
 * @moment: %ESCALE_SITUATION_ENTRY or %ESCALE_SITUATION_EXIT
 *
 * Returns: (transfer full) (nullable): the snapshot of @enrolment_id at
 *   @moment, empty when none was recorded; %NULL with @error when the
 *   enrolment does not exist
 */
EscaleSituation *
escale_store_load_situation (EscaleStore  *store,
                             gint64        enrolment_id,
                             const char   *moment,
                             GError      **error)
{
  g_autoptr(EscaleSituation) situation = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (is_moment (moment), NULL);

  if (!escale_store_require (store, ESCALE_OP_READ_PERSON, error))
    return NULL;
  stmt = escale_store_cached (store, "SELECT " SITUATION_COLUMNS " FROM enrolment e "
                              "LEFT JOIN enrolment_situation s ON s.enrolment_id = e.id "
                              "AND s.moment = ?2 WHERE e.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  sqlite3_bind_text (stmt, 2, moment, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      situation = escale_situation_new ();
      for (guint i = 0; i < ESCALE_SITUATION_N_FIELDS; i++)
        situation->values[i] = escale_column_dup (stmt, i);
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                         _("This enrolment no longer exists"));
  else
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return g_steal_pointer (&situation);
}

/* The enrolment exists, and has ended when @moment is the exit. */
static gboolean
check_enrolment (EscaleStore  *store,
                 gint64        enrolment_id,
                 const char   *moment,
                 GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT exit_date IS NOT NULL FROM enrolment "
                                            "WHERE id = ?", error);
  int rc;
  gboolean ended = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ended = sqlite3_column_int (stmt, 0);
  else if (rc != SQLITE_DONE)
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                         _("This enrolment no longer exists"));
  else if (rc == SQLITE_ROW && !ended && g_str_equal (moment, ESCALE_SITUATION_EXIT))
    g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                         _("Record the exit date before the situation at exit"));
  else
    return rc == SQLITE_ROW;
  return FALSE;
}

static gboolean
delete_situation (EscaleStore  *store,
                  gint64        enrolment_id,
                  const char   *moment,
                  GError      **error)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "DELETE FROM enrolment_situation "
                                            "WHERE enrolment_id = ?1 AND moment = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  sqlite3_bind_text (stmt, 2, moment, -1, SQLITE_STATIC);
  return escale_store_step_done (store, stmt, error);
}

/* Adds or replaces the row; one that does not change keeps its audit columns. */
static gboolean
write_situation (EscaleStore            *store,
                 gint64                  enrolment_id,
                 const char             *moment,
                 const EscaleSituation  *situation,
                 GError                **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store,
                              "INSERT INTO enrolment_situation (enrolment_id, moment, "
                              SITUATION_COLUMNS ", created_at, created_by, updated_at, "
                              "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9) "
                              "ON CONFLICT (enrolment_id, moment) DO UPDATE SET "
                              "labour = excluded.labour, education = excluded.education, "
                              "housing = excluded.housing, disability = excluded.disability, "
                              "homeless = excluded.homeless, updated_at = excluded.updated_at, "
                              "updated_by = excluded.updated_by "
                              "WHERE (" SITUATION_COLUMNS ") IS NOT (excluded.labour, "
                              "excluded.education, excluded.housing, excluded.disability, "
                              "excluded.homeless)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  sqlite3_bind_text (stmt, 2, moment, -1, SQLITE_STATIC);
  for (guint i = 0; i < ESCALE_SITUATION_N_FIELDS; i++)
    escale_bind_text (stmt, 3 + i, situation->values[i]);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 9, escale_store_get_user (store));
  return escale_store_step_done (store, stmt, error);
}

/**
 * escale_store_save_situation:
 * @moment: %ESCALE_SITUATION_ENTRY or %ESCALE_SITUATION_EXIT
 *
 * Records @situation as the snapshot of @enrolment_id at @moment, in one
 * transaction; an empty @situation removes it. Unknown codes, and an exit
 * snapshot of an enrolment with no exit date, are refused
 * (ESCALE_STORE_ERROR_INVALID) and nothing is written.
 */
gboolean
escale_store_save_situation (EscaleStore            *store,
                             gint64                  enrolment_id,
                             const char             *moment,
                             const EscaleSituation  *situation,
                             GError                **error)
{
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (is_moment (moment), FALSE);
  g_return_val_if_fail (situation != NULL, FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error))
    return FALSE;
  if (!escale_situation_validate (situation, NULL, error) || !escale_store_begin (store, error))
    return FALSE;
  if (escale_situation_is_empty (situation))
    ok = delete_situation (store, enrolment_id, moment, error);
  else
    ok = check_enrolment (store, enrolment_id, moment, error) &&
         write_situation (store, enrolment_id, moment, situation, error);
  return finish (store, ok, error);
}

/**
 * escale_store_save_enrolment_exit:
 *
 * Saves @enrolment (escale_store_save_enrolment()) and its exit snapshot
 * (escale_store_save_situation()) in one transaction: both or neither.
 */
gboolean
escale_store_save_enrolment_exit (EscaleStore            *store,
                                  EscaleEnrolment        *enrolment,
                                  const EscaleSituation  *exit_situation,
                                  GError                **error)
{
  gint64 old_id = enrolment->id;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (exit_situation != NULL, FALSE);

  if (!escale_store_require (store, ESCALE_OP_WRITE_ACTION, error))
    return FALSE;
  if (!escale_situation_validate (exit_situation, NULL, error) ||
      !escale_store_begin (store, error))
    return FALSE;
  if (finish (store, escale_store_save_enrolment (store, enrolment, error) &&
                     escale_store_save_situation (store, enrolment->id, ESCALE_SITUATION_EXIT,
                                                  exit_situation, error), error))
    return TRUE;
  enrolment->id = old_id;
  return FALSE;
}
