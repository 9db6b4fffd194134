/* escale-vocab.c — controlled vocabularies: codes stored, labels translated
 *
 * Built-in entries are seeded by the migrations and translated through
 * gettext; entries added by the association carry their own labels in
 * vocabulary_label, one per language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-store-private.h"
#include "escale-vocab.h"

typedef struct
{
  const char *kind;
  const char *code;
  const char *context;
  const char *label;
  int         since_version;
} BuiltinEntry;

static const BuiltinEntry builtins[] = {
  { ESCALE_VOCAB_STATUS, "asylum_seeker", "status", NC_("status", "Asylum seeker"), 1 },
  { ESCALE_VOCAB_STATUS, "refugee", "status", NC_("status", "Refugee"), 1 },
  { ESCALE_VOCAB_STATUS, "subsidiary_protection", "status", NC_("status", "Subsidiary protection"), 1 },
  { ESCALE_VOCAB_STATUS, "stateless", "status", NC_("status", "Stateless person"), 1 },
  { ESCALE_VOCAB_STATUS, "residence_permit", "status", NC_("status", "Residence permit"), 1 },
  { ESCALE_VOCAB_STATUS, "temporary_protection", "status", NC_("status", "Temporary protection"), 1 },
  { ESCALE_VOCAB_STATUS, "eu_citizen", "status", NC_("status", "EU citizen"), 1 },
  { ESCALE_VOCAB_STATUS, "undocumented", "status", NC_("status", "Undocumented"), 1 },
  { ESCALE_VOCAB_STATUS, "french_national", "status", NC_("status", "French national"), 1 },
  { ESCALE_VOCAB_STATUS, "unknown", "status", NC_("status", "Unknown"), 1 },
  { ESCALE_VOCAB_SEX, "F", "sex", NC_("sex", "Female"), 1 },
  { ESCALE_VOCAB_SEX, "M", "sex", NC_("sex", "Male"), 1 },
  { ESCALE_VOCAB_SEX, "X", "sex", NC_("sex", "Other or not stated"), 1 },
  { ESCALE_VOCAB_HOUSEHOLD_ROLE, "head", "household role", NC_("household role", "Head of household"), 1 },
  { ESCALE_VOCAB_HOUSEHOLD_ROLE, "partner", "household role", NC_("household role", "Partner"), 1 },
  { ESCALE_VOCAB_HOUSEHOLD_ROLE, "child", "household role", NC_("household role", "Child"), 1 },
  { ESCALE_VOCAB_HOUSEHOLD_ROLE, "other", "household role", NC_("household role", "Other member"), 1 },
  { ESCALE_VOCAB_ACTION_TYPE, "reception", "action type", NC_("action type", "Reception"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "interview", "action type", NC_("action type", "Interview"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "phone_call", "action type", NC_("action type", "Phone call"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "referral", "action type", NC_("action type", "Referral"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "accompaniment", "action type",
    NC_("action type", "Accompaniment"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "procedure", "action type",
    NC_("action type", "Administrative procedure"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "appointment", "action type", NC_("action type", "Appointment"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "workshop", "action type", NC_("action type", "Workshop"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "financial_aid", "action type",
    NC_("action type", "Financial aid"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "domiciliation", "action type",
    NC_("action type", "Domiciliation"), 2 },
  { ESCALE_VOCAB_ACTION_TYPE, "note", "action type", NC_("action type", "Note"), 2 },
  { ESCALE_VOCAB_THEME, "reception", "theme", NC_("theme", "Reception"), 2 },
  { ESCALE_VOCAB_THEME, "language", "theme", NC_("theme", "Language"), 2 },
  { ESCALE_VOCAB_THEME, "housing", "theme", NC_("theme", "Housing"), 2 },
  { ESCALE_VOCAB_THEME, "rights", "theme", NC_("theme", "Rights"), 2 },
  { ESCALE_VOCAB_THEME, "health", "theme", NC_("theme", "Health"), 2 },
  { ESCALE_VOCAB_THEME, "employment", "theme", NC_("theme", "Employment"), 2 },
  { ESCALE_VOCAB_THEME, "education", "theme", NC_("theme", "Education"), 2 },
  { ESCALE_VOCAB_THEME, "culture", "theme", NC_("theme", "Culture"), 2 },
  { ESCALE_VOCAB_THEME, "social", "theme", NC_("theme", "Social life"), 2 },
  { ESCALE_VOCAB_THEME, "material", "theme", NC_("theme", "Material help"), 2 },
  { ESCALE_VOCAB_EXIT_REASON, "employment", "exit reason", NC_("exit reason", "Employment"), 2 },
  { ESCALE_VOCAB_EXIT_REASON, "training", "exit reason", NC_("exit reason", "Training"), 2 },
  { ESCALE_VOCAB_EXIT_REASON, "housing", "exit reason", NC_("exit reason", "Housing"), 2 },
  { ESCALE_VOCAB_EXIT_REASON, "moved", "exit reason", NC_("exit reason", "Moved away"), 2 },
  { ESCALE_VOCAB_EXIT_REASON, "lost_contact", "exit reason",
    NC_("exit reason", "Lost contact"), 2 },
  { ESCALE_VOCAB_EXIT_REASON, "other", "exit reason", NC_("exit reason", "Other reason"), 2 },
  { ESCALE_VOCAB_ACTION_STATUS, "planned", "action status", NC_("action status", "Planned"), 2 },
  { ESCALE_VOCAB_ACTION_STATUS, "done", "action status", NC_("action status", "Done"), 2 },
  { ESCALE_VOCAB_ACTION_STATUS, "cancelled", "action status",
    NC_("action status", "Cancelled"), 2 },
  { ESCALE_VOCAB_ACTION_STATUS, "missed", "action status", NC_("action status", "Missed"), 2 },
  { ESCALE_VOCAB_REFERRAL_OUTCOME, "pending", "referral outcome",
    NC_("referral outcome", "Pending"), 2 },
  { ESCALE_VOCAB_REFERRAL_OUTCOME, "accepted", "referral outcome",
    NC_("referral outcome", "Accepted"), 2 },
  { ESCALE_VOCAB_REFERRAL_OUTCOME, "refused", "referral outcome",
    NC_("referral outcome", "Refused"), 2 },
  { ESCALE_VOCAB_REFERRAL_OUTCOME, "completed", "referral outcome",
    NC_("referral outcome", "Completed"), 2 },
};

gboolean
escale_vocab_seed (EscaleStore  *store,
                   int           version,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = escale_store_prepare (store,
                               "INSERT OR IGNORE INTO vocabulary (kind, code, sort_order, builtin) "
                               "VALUES (?, ?, ?, 1)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      if (builtins[i].since_version != version)
        continue;
      sqlite3_bind_text (stmt, 1, builtins[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, builtins[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!escale_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

const char *
escale_vocab_builtin_label (const char *kind,
                            const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_str_equal (builtins[i].kind, kind) && g_strcmp0 (builtins[i].code, code) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, builtins[i].context, builtins[i].label);
  return NULL;
}

/**
 * escale_vocab_list_codes:
 *
 * Returns: (transfer full): the active codes of @kind, in their order
 */
GStrv
escale_vocab_list_codes (EscaleStore *store,
                         const char  *kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = escale_store_prepare (store,
                               "SELECT code FROM vocabulary WHERE kind = ? AND active "
                               "ORDER BY sort_order, code", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strv_builder_end (builder);
}

gboolean
escale_vocab_has_code (EscaleStore *store,
                       const char  *kind,
                       const char  *code)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = escale_store_cached (store, "SELECT 1 FROM vocabulary WHERE kind = ? AND code = ?", NULL);
  if (stmt == NULL || code == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static char *
lookup_user_label (EscaleStore *store,
                   const char  *kind,
                   const char  *code)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = escale_store_prepare (store,
                               "SELECT l.label FROM vocabulary_label l "
                               "JOIN vocabulary v ON v.id = l.vocabulary_id "
                               "WHERE v.kind = ? AND v.code = ? AND l.language = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  /* The interface languages first, then French and English. */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 3, languages[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return escale_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < 2; i++)
    {
      sqlite3_bind_text (stmt, 3, i == 0 ? "fr" : "en", -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return escale_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return NULL;
}

/**
 * escale_vocab_get_label:
 *
 * Returns: (transfer full): the label of @code in the interface language;
 *   the code itself when no label is known
 */
char *
escale_vocab_get_label (EscaleStore *store,
                        const char  *kind,
                        const char  *code)
{
  const char *builtin;
  char *label;

  if (code == NULL || *code == '\0')
    return g_strdup ("");
  builtin = escale_vocab_builtin_label (kind, code);
  if (builtin != NULL)
    return g_strdup (builtin);
  label = store ? lookup_user_label (store, kind, code) : NULL;
  return label ? label : g_strdup (code);
}
