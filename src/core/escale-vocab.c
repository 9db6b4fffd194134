/* escale-vocab.c — controlled vocabularies: codes stored, labels translated
 *
 * Built-in entries are seeded by the migrations and translated through
 * gettext; entries added by the association carry their own labels in
 * vocabulary_label, one per language; a label stored for a built-in entry
 * replaces its translation in that language (see escale-vocab.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "escale-account.h"
#include "escale-store-private.h"
#include "escale-text.h"
#include "escale-util.h"
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
  { ESCALE_VOCAB_PARTNER_KIND, "association", "partner kind",
    NC_("partner kind", "Association"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "public_service", "partner kind",
    NC_("partner kind", "Public service"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "health_centre", "partner kind",
    NC_("partner kind", "Health centre"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "shelter", "partner kind", NC_("partner kind", "Shelter"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "training_centre", "partner kind",
    NC_("partner kind", "Training centre"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "school", "partner kind", NC_("partner kind", "School"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "legal_aid", "partner kind", NC_("partner kind", "Legal aid"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "employment_service", "partner kind",
    NC_("partner kind", "Employment service"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "food_aid", "partner kind", NC_("partner kind", "Food aid"), 4 },
  { ESCALE_VOCAB_PARTNER_KIND, "other", "partner kind", NC_("partner kind", "Other"), 4 },
  { ESCALE_VOCAB_ELIGIBILITY, "everyone", "eligibility", NC_("eligibility", "Everyone"), 4 },
  { ESCALE_VOCAB_ELIGIBILITY, "asylum_seekers", "eligibility",
    NC_("eligibility", "Asylum seekers"), 4 },
  { ESCALE_VOCAB_ELIGIBILITY, "refugees", "eligibility",
    NC_("eligibility", "Refugees and protected people"), 4 },
  { ESCALE_VOCAB_ELIGIBILITY, "undocumented", "eligibility",
    NC_("eligibility", "Undocumented people"), 4 },
  { ESCALE_VOCAB_ELIGIBILITY, "minors", "eligibility",
    NC_("eligibility", "Unaccompanied minors"), 4 },
  { ESCALE_VOCAB_ELIGIBILITY, "women", "eligibility", NC_("eligibility", "Women only"), 4 },
  { ESCALE_VOCAB_ELIGIBILITY, "families", "eligibility", NC_("eligibility", "Families"), 4 },
  { ESCALE_VOCAB_ELIGIBILITY, "young_adults", "eligibility",
    NC_("eligibility", "Young adults (18–25)"), 4 },
  { ESCALE_VOCAB_REFERRAL_STATE, "pending", "referral state",
    NC_("referral state", "Pending"), 4 },
  { ESCALE_VOCAB_REFERRAL_STATE, "accepted", "referral state",
    NC_("referral state", "Accepted"), 4 },
  { ESCALE_VOCAB_REFERRAL_STATE, "refused", "referral state",
    NC_("referral state", "Refused"), 4 },
  { ESCALE_VOCAB_REFERRAL_STATE, "no_answer", "referral state",
    NC_("referral state", "No answer"), 4 },
  { ESCALE_VOCAB_REFERRAL_STATE, "completed", "referral state",
    NC_("referral state", "Completed"), 4 },
  { ESCALE_VOCAB_REFERRAL_STATE, "abandoned", "referral state",
    NC_("referral state", "Abandoned"), 4 },
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

static const BuiltinEntry *
find_builtin (const char *kind,
              const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_str_equal (builtins[i].kind, kind) && g_strcmp0 (builtins[i].code, code) == 0)
      return &builtins[i];
  return NULL;
}

/* The built-in label of @kind/@code in @catalog's language, in the
 * interface's (gettext) without @catalog; %NULL for an added entry. */
static const char *
builtin_label_in (const char    *kind,
                  const char    *code,
                  EscaleCatalog *catalog)
{
  const BuiltinEntry *builtin = find_builtin (kind, code);

  if (builtin == NULL)
    return NULL;
  return catalog ? escale_catalog_pgettext (catalog, builtin->context, builtin->label)
                 : g_dpgettext2 (GETTEXT_PACKAGE, builtin->context, builtin->label);
}

const char *
escale_vocab_builtin_label (const char *kind,
                            const char *code)
{
  return builtin_label_in (kind, code, NULL);
}

static GStrv
list_codes (EscaleStore *store,
            const char  *kind,
            gboolean     with_hidden)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store,
                              "SELECT code FROM vocabulary WHERE kind = ?1 AND (active OR ?2) "
                              "ORDER BY sort_order, code", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, with_hidden);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

/**
 * escale_vocab_list_codes:
 *
 * Returns: (transfer full): the codes of @kind offered for new input (the
 *   hidden ones left out), in their order
 */
GStrv
escale_vocab_list_codes (EscaleStore *store,
                         const char  *kind)
{
  return list_codes (store, kind, FALSE);
}

/**
 * escale_vocab_list_all_codes:
 *
 * Returns: (transfer full): every code of @kind, hidden ones included
 */
GStrv
escale_vocab_list_all_codes (EscaleStore *store,
                             const char  *kind)
{
  return list_codes (store, kind, TRUE);
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

static gboolean
is_c_locale (const char *name)
{
  return g_str_equal (name, "C") || g_str_has_prefix (name, "C.") || g_str_equal (name, "POSIX");
}

/**
 * escale_vocab_get_label_language:
 *
 * Returns: (transfer full): the language under which labels typed now are
 *   stored: the base code of the interface language, "en" under C
 */
char *
escale_vocab_get_label_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (!is_c_locale (names[i]))
      return g_strndup (names[i], strcspn (names[i], "_.@"));
  return g_strdup ("en");
}

/* The interface languages, as gettext looks for them, then the base
 * code labels typed now are stored under. */
static GStrv
list_interface_languages (void)
{
  const char * const *names = g_get_language_names ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *own = escale_vocab_get_label_language ();

  for (guint i = 0; names[i] != NULL; i++)
    if (!is_c_locale (names[i]))
      g_strv_builder_add (builder, names[i]);
  g_strv_builder_add (builder, own);
  return g_strv_builder_end (builder);
}

/* @language, then its base code ("pt" for "pt_BR"). */
static GStrv
list_language_and_base (const char *language)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *base = g_strndup (language, strcspn (language, "_.@"));

  g_strv_builder_add (builder, is_c_locale (language) ? "en" : language);
  g_strv_builder_add (builder, base);
  return g_strv_builder_end (builder);
}

/* The labels stored for @kind/@code, language → label; @first (nullable)
 * receives the one stored first. %NULL when it has none. */
static GHashTable *
load_labels (EscaleStore  *store,
             const char   *kind,
             const char   *code,
             char        **first)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store,
                              "SELECT l.language, l.label FROM vocabulary_label l "
                              "JOIN vocabulary v ON v.id = l.vocabulary_id "
                              "WHERE v.kind = ? AND v.code = ? ORDER BY l.id", NULL);
  if (stmt == NULL || code == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (first != NULL && *first == NULL)
        *first = escale_column_dup (stmt, 1);
      g_hash_table_insert (labels, escale_column_dup (stmt, 0), escale_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  return g_hash_table_size (labels) > 0 ? g_steal_pointer (&labels) : NULL;
}

/* The best of the labels stored for @kind/@code: in one of @languages,
 * else (@any_language) French, English, the first one. */
static char *
lookup_user_label (EscaleStore        *store,
                   const char         *kind,
                   const char         *code,
                   const char * const *languages,
                   gboolean            any_language)
{
  g_autofree char *first = NULL;
  g_autoptr(GHashTable) labels = load_labels (store, kind, code, &first);
  const char *found = NULL;

  if (labels == NULL)
    return NULL;
  for (guint i = 0; languages[i] != NULL && found == NULL; i++)
    found = g_hash_table_lookup (labels, languages[i]);
  if (found == NULL && any_language)
    found = g_hash_table_lookup (labels, "fr");
  if (found == NULL && any_language)
    found = g_hash_table_lookup (labels, "en");
  if (found == NULL && any_language)
    found = first;
  return g_strdup (found);
}

/* A label of the association's own in one of @languages, else @builtin
 * (the built-in entry's translation), else the added entry's label in
 * another language, else @code. */
static char *
get_label (EscaleStore        *store,
           const char         *kind,
           const char         *code,
           const char * const *languages,
           const char         *builtin)
{
  char *label;

  if (code == NULL || *code == '\0')
    return g_strdup ("");
  label = store ? lookup_user_label (store, kind, code, languages, builtin == NULL) : NULL;
  if (label != NULL)
    return label;
  return g_strdup (builtin ? builtin : code);
}

/**
 * escale_vocab_get_label:
 *
 * Returns: (transfer full): the label of @code in the interface language;
 *   the code itself when no label is known. Without @store, the built-in
 *   translation only.
 */
char *
escale_vocab_get_label (EscaleStore *store,
                        const char  *kind,
                        const char  *code)
{
  g_auto(GStrv) languages = list_interface_languages ();

  return get_label (store, kind, code, (const char * const *) languages,
                    escale_vocab_builtin_label (kind, code));
}

/**
 * escale_vocab_get_label_in:
 * @catalog: (nullable): the catalogue of the language wanted, %NULL for
 *   the interface language
 *
 * Returns: (transfer full): the label of @code in @catalog's language, by
 *   the rules of escale_vocab_get_label(); the code itself when no label
 *   is known. Does not depend on the interface language.
 */
char *
escale_vocab_get_label_in (EscaleStore   *store,
                           const char    *kind,
                           const char    *code,
                           EscaleCatalog *catalog)
{
  g_auto(GStrv) languages = NULL;

  if (catalog == NULL)
    return escale_vocab_get_label (store, kind, code);
  languages = list_language_and_base (escale_catalog_language (catalog));
  return get_label (store, kind, code, (const char * const *) languages,
                    builtin_label_in (kind, code, catalog));
}

/* Editing */

void
escale_vocab_entry_free (EscaleVocabEntry *entry)
{
  g_free (entry->code);
  g_free (entry->label);
  g_free (entry);
}

gboolean
escale_vocab_is_editable (const char *kind)
{
  static const char *const editable[] = {
    ESCALE_VOCAB_STATUS, ESCALE_VOCAB_HOUSEHOLD_ROLE, ESCALE_VOCAB_ACTION_TYPE,
    ESCALE_VOCAB_THEME, ESCALE_VOCAB_EXIT_REASON, ESCALE_VOCAB_PARTNER_KIND,
    ESCALE_VOCAB_ELIGIBILITY, NULL,
  };

  return kind != NULL && g_strv_contains (editable, kind);
}

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, ESCALE_STORE_ERROR, code, message);
  return FALSE;
}

static gboolean
check_editable (const char  *kind,
                GError     **error)
{
  if (escale_vocab_is_editable (kind))
    return TRUE;
  return refuse (error, ESCALE_STORE_ERROR_INVALID, _("This list cannot be changed"));
}

/**
 * escale_vocab_list_entries:
 *
 * Returns: (transfer full) (element-type EscaleVocabEntry) (nullable): every
 *   entry of @kind, hidden ones included, in their order
 */
GPtrArray *
escale_vocab_list_entries (EscaleStore  *store,
                           const char   *kind,
                           GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (
    (GDestroyNotify) escale_vocab_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  stmt = escale_store_prepare (store,
                               "SELECT code, builtin, active FROM vocabulary WHERE kind = ? "
                               "ORDER BY sort_order, code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EscaleVocabEntry *entry = g_new0 (EscaleVocabEntry, 1);

      entry->code = escale_column_dup (stmt, 0);
      entry->builtin = sqlite3_column_int (stmt, 1) != 0;
      entry->hidden = sqlite3_column_int (stmt, 2) == 0;
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      EscaleVocabEntry *entry = g_ptr_array_index (entries, i);

      entry->label = escale_vocab_get_label (store, kind, entry->code);
    }
  return g_steal_pointer (&entries);
}

/* Whether another entry of @kind than @except reads as @label in
 * @catalog's language (the interface's without it), whatever the case
 * and accents. */
static gboolean
label_taken (EscaleStore   *store,
             const char    *kind,
             const char    *label,
             const char    *except,
             EscaleCatalog *catalog)
{
  g_auto(GStrv) codes = escale_vocab_list_all_codes (store, kind);
  g_autofree char *folded = escale_text_fold (label);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *other = NULL;
      g_autofree char *other_folded = NULL;

      if (g_strcmp0 (codes[i], except) == 0)
        continue;
      other = escale_vocab_get_label_in (store, kind, codes[i], catalog);
      other_folded = escale_text_fold (other);
      if (g_str_equal (folded, other_folded))
        return TRUE;
    }
  return FALSE;
}

/* Checks and trims @label, in @catalog's language; a blank one is refused
 * unless @blank_ok. */
static char *
clean_label (EscaleStore   *store,
             const char    *kind,
             const char    *label,
             const char    *except,
             EscaleCatalog *catalog,
             gboolean       blank_ok,
             GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (label ? label : ""));

  if (*trimmed == '\0' && !blank_ok)
    refuse (error, ESCALE_STORE_ERROR_INVALID, _("The label is required"));
  else if (*trimmed != '\0' && label_taken (store, kind, trimmed, except, catalog))
    g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                 /* Translators: %s is a label typed in a list, such as a theme */
                 _("“%s” is already in this list"), trimmed);
  else
    return g_steal_pointer (&trimmed);
  return NULL;
}

/* A code for @label: lowercase ASCII words joined by "_", unique in @kind. */
static char *
make_code (EscaleStore *store,
           const char  *kind,
           const char  *label)
{
  g_autofree char *folded = escale_text_fold (label);
  g_autofree char *latin = escale_text_transliterate (folded);
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *code;

  for (const char *p = latin; *p != '\0' && slug->len < 40; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
    else if (slug->len > 0 && slug->str[slug->len - 1] != '_')
      g_string_append_c (slug, '_');
  while (slug->len > 0 && slug->str[slug->len - 1] == '_')
    g_string_truncate (slug, slug->len - 1);
  base = g_strdup (slug->len > 0 ? slug->str : "entry");
  code = g_strdup (base);
  for (int n = 2; escale_vocab_has_code (store, kind, code); n++)
    {
      g_free (code);
      code = g_strdup_printf ("%s_%d", base, n);
    }
  return code;
}

/* The id and built-in flag of an entry, 0 when there is none. */
static gint64
find_entry (EscaleStore *store,
            const char  *kind,
            const char  *code,
            gboolean    *builtin)
{
  sqlite3_stmt *stmt = escale_store_cached (store, "SELECT id, builtin FROM vocabulary "
                                            "WHERE kind = ? AND code = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL || code == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (builtin != NULL)
        *builtin = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  return id;
}

static gint64
insert_entry (EscaleStore  *store,
              const char   *kind,
              const char   *code,
              GError      **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = escale_store_cached (store,
                              "INSERT INTO vocabulary (kind, code, sort_order, builtin, "
                              "created_at, updated_at, created_by, updated_by) VALUES (?1, ?2, "
                              "(SELECT coalesce (max (sort_order), 0) + 1 FROM vocabulary "
                              "WHERE kind = ?1), 0, ?3, ?3, ?4, ?4) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 4, escale_store_get_user (store));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    escale_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return id;
}

/* Records who changed the entry @id, and when. */
static gboolean
stamp_entry (EscaleStore  *store,
             gint64        id,
             GError      **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt = escale_store_cached (store, "UPDATE vocabulary SET updated_at = ?, "
                                            "updated_by = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  escale_bind_text (stmt, 2, escale_store_get_user (store));
  sqlite3_bind_int64 (stmt, 3, id);
  return escale_store_step_done (store, stmt, error);
}

/* Stores @label (NULL: removes it) as the entry's label in @language, and
 * stamps the entry. */
static gboolean
write_label (EscaleStore  *store,
             gint64        id,
             const char   *language,
             const char   *label,
             GError      **error)
{
  g_autofree char *now = escale_store_now ();
  sqlite3_stmt *stmt;

  stmt = escale_store_cached (store, label == NULL
                              ? "DELETE FROM vocabulary_label WHERE vocabulary_id = ?1 "
                                "AND language = ?2"
                              : "INSERT INTO vocabulary_label (vocabulary_id, language, label, "
                                "created_at, updated_at, created_by, updated_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?5) "
                                "ON CONFLICT (vocabulary_id, language) DO UPDATE SET "
                                "label = excluded.label, updated_at = excluded.updated_at, "
                                "updated_by = excluded.updated_by", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_STATIC);
  if (label != NULL)
    {
      sqlite3_bind_text (stmt, 3, label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      escale_bind_text (stmt, 5, escale_store_get_user (store));
    }
  return escale_store_step_done (store, stmt, error) && stamp_entry (store, id, error);
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

/**
 * escale_vocab_add:
 * @label: the label of the new entry, in the interface language
 *
 * Adds an entry to @kind, with a code made from @label.
 *
 * Returns: (transfer full) (nullable): the code of the new entry, or %NULL
 *   with @error set: a blank label, or one that another entry already has
 *   (whatever the case and accents), is refused
 */
char *
escale_vocab_add (EscaleStore  *store,
                  const char   *kind,
                  const char   *label,
                  GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *code = NULL;
  g_autofree char *language = escale_vocab_get_label_language ();
  gint64 id;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error))
    return NULL;
  if (!check_editable (kind, error) ||
      !(clean = clean_label (store, kind, label, NULL, NULL, FALSE, error)) ||
      !escale_store_begin (store, error))
    return NULL;
  code = make_code (store, kind, clean);
  id = insert_entry (store, kind, code, error);
  if (!finish (store, id != 0 && write_label (store, id, language, clean, error), error))
    return NULL;
  return g_steal_pointer (&code);
}

/* Whether @kind/@code has a label stored for another language than
 * @language. */
static gboolean
has_other_label (EscaleStore *store,
                 const char  *kind,
                 const char  *code,
                 const char  *language)
{
  g_autoptr(GHashTable) labels = load_labels (store, kind, code, NULL);

  return labels != NULL &&
         g_hash_table_size (labels) > (g_hash_table_contains (labels, language) ? 1u : 0u);
}

/* Sets the label of @code in @language, whose translations @catalog holds
 * (NULL: the interface's, through gettext). */
static gboolean
set_label (EscaleStore    *store,
           const char     *kind,
           const char     *code,
           const char     *language,
           EscaleCatalog  *catalog,
           const char     *label,
           GError        **error)
{
  g_autofree char *clean = NULL;
  gboolean builtin = FALSE;
  gint64 id;

  if (!check_editable (kind, error))
    return FALSE;
  id = find_entry (store, kind, code, &builtin);
  if (id == 0)
    return refuse (error, ESCALE_STORE_ERROR_NOT_FOUND, _("This entry no longer exists"));
  clean = clean_label (store, kind, label, code, catalog,
                       builtin || has_other_label (store, kind, code, language), error);
  if (clean == NULL)
    return FALSE;
  /* A built-in entry given back its own wording: no label of its own. */
  if (*clean == '\0' ||
      (builtin && g_strcmp0 (clean, builtin_label_in (kind, code, catalog)) == 0))
    g_clear_pointer (&clean, g_free);
  if (!escale_store_begin (store, error))
    return FALSE;
  return finish (store, write_label (store, id, language, clean, error), error);
}

/**
 * escale_vocab_set_label:
 * @label: the new label, in the interface language
 *
 * Gives @code a label of the association's own in the interface language
 * (escale_vocab_get_label_language()), as escale_vocab_set_label_for()
 * does.
 */
gboolean
escale_vocab_set_label (EscaleStore  *store,
                        const char   *kind,
                        const char   *code,
                        const char   *label,
                        GError      **error)
{
  g_autofree char *language = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error))
    return FALSE;
  language = escale_vocab_get_label_language ();
  return set_label (store, kind, code, language, NULL, label, error);
}

/**
 * escale_vocab_set_label_for:
 * @language: a language code, "ar", "uk", as escale_catalog_list_languages()
 *   gives them
 * @label: (nullable): the label in @language
 *
 * Gives @code a label of the association's own in @language. A blank
 * @label removes it: a built-in entry then shows its translation again
 * (so does its built-in translation given as @label), an added entry its
 * label in another language, by the rules of escale_vocab_get_label(); an
 * added entry keeps one label at least. A label that another entry
 * already reads as in @language is refused.
 */
gboolean
escale_vocab_set_label_for (EscaleStore  *store,
                            const char   *kind,
                            const char   *code,
                            const char   *language,
                            const char   *label,
                            GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (language != NULL && *language != '\0', FALSE);

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error))
    return FALSE;
  return set_label (store, kind, code, language, escale_catalog_get (language), label, error);
}

/**
 * escale_vocab_get_label_for:
 *
 * Returns: (transfer full) (nullable): the label of the association's own
 *   stored for @code in @language (or in its base language, "pt" for
 *   "pt_BR"), without falling back on any other; %NULL when there is none
 */
char *
escale_vocab_get_label_for (EscaleStore *store,
                            const char  *kind,
                            const char  *code,
                            const char  *language)
{
  g_autoptr(GHashTable) labels = NULL;
  g_auto(GStrv) variants = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if ((labels = load_labels (store, kind, code, NULL)) == NULL)
    return NULL;
  variants = list_language_and_base (language);
  for (guint i = 0; variants[i] != NULL; i++)
    if (g_hash_table_contains (labels, variants[i]))
      return g_strdup (g_hash_table_lookup (labels, variants[i]));
  return NULL;
}

/**
 * escale_vocab_list_missing_languages:
 * @languages: language codes, such as escale_catalog_list_languages() gives
 *
 * An entry added by the association shows, in a language it has no label
 * for, its label in another (see escale_vocab_get_label()). The
 * preferences list those languages, so that someone adds them.
 *
 * Returns: (transfer full): those of @languages, in their order, that the
 *   added entry @code has no label for; none for a built-in entry (Escale
 *   translates them) or an unknown code
 */
GStrv
escale_vocab_list_missing_languages (EscaleStore        *store,
                                     const char         *kind,
                                     const char         *code,
                                     const char * const *languages)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean builtin = TRUE;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (find_entry (store, kind, code, &builtin) == 0 || builtin)
    return g_strv_builder_end (builder);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *label = escale_vocab_get_label_for (store, kind, code, languages[i]);

      if (label == NULL)
        g_strv_builder_add (builder, languages[i]);
    }
  return g_strv_builder_end (builder);
}

/**
 * escale_vocab_set_hidden:
 *
 * Hides @code from new input (escale_vocab_list_codes() leaves it out), or
 * offers it again. Data that holds it keeps it, and still shows its label.
 */
gboolean
escale_vocab_set_hidden (EscaleStore  *store,
                         const char   *kind,
                         const char   *code,
                         gboolean      hidden,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error))
    return FALSE;
  if (!check_editable (kind, error))
    return FALSE;
  id = find_entry (store, kind, code, NULL);
  if (id == 0)
    return refuse (error, ESCALE_STORE_ERROR_NOT_FOUND, _("This entry no longer exists"));
  stmt = escale_store_cached (store, "UPDATE vocabulary SET active = ? WHERE id = ?", error);
  if (stmt == NULL || !escale_store_begin (store, error))
    return FALSE;
  sqlite3_bind_int (stmt, 1, !hidden);
  sqlite3_bind_int64 (stmt, 2, id);
  return finish (store, escale_store_step_done (store, stmt, error) &&
                        stamp_entry (store, id, error), error);
}
