/* test-vocab.c — editing the vocabularies: adding, renaming, hiding entries;
 * labels per language and their fallback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-store-private.h"
#include "escale-test-util.h"
#include "escale-vocab.h"

static gboolean
lists_code (EscaleStore *store,
            const char  *kind,
            const char  *code)
{
  g_auto(GStrv) codes = escale_vocab_list_codes (store, kind);

  return g_strv_contains ((const char * const *) codes, code);
}

static void
assert_label (EscaleStore *store,
              const char  *kind,
              const char  *code,
              const char  *expected)
{
  g_autofree char *label = escale_vocab_get_label (store, kind, code);

  g_assert_cmpstr (label, ==, expected);
}

/* Switches the interface language, as the app does (see STACK-NOTES). */
static void
use_language (const char *language)
{
  extern int _nl_msg_cat_cntr;

  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

static void
assert_label_in (EscaleStore *store,
                 const char  *kind,
                 const char  *code,
                 const char  *language,
                 const char  *expected)
{
  g_autofree char *label = escale_vocab_get_label_in (store, kind, code,
                                                      escale_catalog_get (language));

  g_assert_cmpstr (label, ==, expected);
}

static void
assert_missing (EscaleStore        *store,
                const char         *kind,
                const char         *code,
                const char * const *expected)
{
  static const char *const languages[] = { "en", "ar", "es", "fa", "fr", "uk", NULL };
  g_auto(GStrv) missing = escale_vocab_list_missing_languages (store, kind, code, languages);
  g_autofree char *found = g_strjoinv (" ", missing);
  g_autofree char *wanted = g_strjoinv (" ", (GStrv) expected);

  g_assert_cmpstr (found, ==, wanted);
}

static void
set_label_for (EscaleStore *store,
               const char  *kind,
               const char  *code,
               const char  *language,
               const char  *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_vocab_set_label_for (store, kind, code, language, label, &error));
  g_assert_no_error (error);
}

static const EscaleVocabEntry *
find_entry (GPtrArray  *entries,
            const char *code)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const EscaleVocabEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->code, code))
        return entry;
    }
  return NULL;
}

static void
test_add (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *arabic = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const EscaleVocabEntry *entry;

  code = escale_vocab_add (store, ESCALE_VOCAB_THEME, "  Accès aux droits numériques ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "acces_aux_droits_numeriques");
  assert_label (store, ESCALE_VOCAB_THEME, code, "Accès aux droits numériques");
  g_assert_true (lists_code (store, ESCALE_VOCAB_THEME, code));
  g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_THEME, code));
  {
    /* Added entries come last, in the order they were added. */
    g_auto(GStrv) codes = escale_vocab_list_codes (store, ESCALE_VOCAB_THEME);

    g_assert_cmpstr (codes[g_strv_length (codes) - 1], ==, code);
  }

  arabic = escale_vocab_add (store, ESCALE_VOCAB_THEME, "سكن مؤقت", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_is_ascii (arabic));
  g_assert_cmpuint (strlen (arabic), >, 0);
  assert_label (store, ESCALE_VOCAB_THEME, arabic, "سكن مؤقت");

  entries = escale_vocab_list_entries (store, ESCALE_VOCAB_THEME, &error);
  g_assert_no_error (error);
  entry = find_entry (entries, code);
  g_assert_nonnull (entry);
  g_assert_false (entry->builtin);
  g_assert_false (entry->hidden);
  g_assert_cmpstr (entry->label, ==, "Accès aux droits numériques");
  entry = find_entry (entries, "housing");
  g_assert_nonnull (entry);
  g_assert_true (entry->builtin);
  g_assert_cmpstr (entry->label, ==, "Housing");

  /* Stamped with the worker who added it. */
  {
    g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store,
                                                         "SELECT v.created_by, l.created_by, "
                                                         "l.language FROM vocabulary v JOIN "
                                                         "vocabulary_label l ON l.vocabulary_id "
                                                         "= v.id WHERE v.code = ?", NULL);

    sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "tester");
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "tester");
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "en");
  }
}

static void
test_clash (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  char *refused;

  /* Same label as a built-in one, whatever the case. */
  refused = escale_vocab_add (store, ESCALE_VOCAB_THEME, "HOUSING", &error);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_null (refused);
  g_clear_error (&error);

  first = escale_vocab_add (store, ESCALE_VOCAB_THEME, "Santé mentale", &error);
  g_assert_no_error (error);
  /* Same label without accents: refused. */
  refused = escale_vocab_add (store, ESCALE_VOCAB_THEME, "sante  MENTALE", &error);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sante  MENTALE"));
  g_assert_null (refused);
  g_clear_error (&error);

  /* Blank: refused. */
  refused = escale_vocab_add (store, ESCALE_VOCAB_THEME, "   ", &error);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_assert_null (refused);
  g_clear_error (&error);

  /* A different label giving the same code: a suffix. */
  second = escale_vocab_add (store, ESCALE_VOCAB_THEME, "Santé-mentale!", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "sante_mentale");
  g_assert_cmpstr (second, ==, "sante_mentale_2");
  {
    /* A code of a built-in entry is never reused either. */
    g_autofree char *code = escale_vocab_add (store, ESCALE_VOCAB_ACTION_TYPE, "Note!", &error);
    g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
    g_clear_error (&error);
    code = escale_vocab_add (store, ESCALE_VOCAB_ACTION_TYPE, "Note (internal)", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (code, ==, "note_internal");
  }
  {
    /* Renaming to another entry's label is refused too. */
    g_assert_false (escale_vocab_set_label (store, ESCALE_VOCAB_THEME, second, "Health",
                                            &error));
    g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
    g_clear_error (&error);
    assert_label (store, ESCALE_VOCAB_THEME, second, "Santé-mentale!");
  }
}

static void
test_rename_builtin (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_vocab_set_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview",
                                         " Individual interview ", &error));
  g_assert_no_error (error);
  assert_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "Individual interview");
  /* Renaming to its own label again (another case) is not a clash. */
  g_assert_true (escale_vocab_set_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview",
                                         "Individual Interview", &error));
  assert_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "Individual Interview");
  /* The built-in label of the same code in another kind is untouched. */
  assert_label (store, ESCALE_VOCAB_THEME, "reception", "Reception");

  /* Another language does not see it: the built-in translation instead. */
  use_language ("fr");
  assert_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "Entretien");
  use_language ("en");
  assert_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "Individual Interview");

  /* A blank label gives the built-in one back. */
  g_assert_true (escale_vocab_set_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "",
                                         &error));
  g_assert_no_error (error);
  assert_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "Interview");

  /* An added entry's label cannot be blank; an unknown code is reported. */
  {
    g_autofree char *code = escale_vocab_add (store, ESCALE_VOCAB_EXIT_REASON, "Return home",
                                              &error);
    g_assert_no_error (error);
    g_assert_false (escale_vocab_set_label (store, ESCALE_VOCAB_EXIT_REASON, code, " ", &error));
    g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (escale_vocab_set_label (store, ESCALE_VOCAB_EXIT_REASON, code,
                                           "Return to the home country", &error));
    assert_label (store, ESCALE_VOCAB_EXIT_REASON, code, "Return to the home country");
    /* In another language, an added entry shows the label it has. */
    use_language ("ar");
    assert_label (store, ESCALE_VOCAB_EXIT_REASON, code, "Return to the home country");
    use_language ("en");
  }
  g_assert_false (escale_vocab_set_label (store, ESCALE_VOCAB_THEME, "martian", "Mars", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

/* An added entry shows its label in the interface language, else its
 * French one, else its English one, else the first it was given. */
static void
test_added_fallback (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  const char *kind = ESCALE_VOCAB_THEME;

  /* Added by a Ukrainian-speaking worker: its first label is Ukrainian. */
  use_language ("uk");
  code = escale_vocab_add (store, kind, "Цифрові права", &error);
  g_assert_no_error (error);
  set_label_for (store, kind, code, "en", "Digital rights");
  set_label_for (store, kind, code, "fr", " Droits numériques ");
  set_label_for (store, kind, code, "ar", "الحقوق الرقمية");
  assert_missing (store, kind, code, (const char *[]) { "es", "fa", NULL });
  {
    g_autofree char *french = escale_vocab_get_label_for (store, kind, code, "fr");
    g_autofree char *spanish = escale_vocab_get_label_for (store, kind, code, "es");

    g_assert_cmpstr (french, ==, "Droits numériques");
    g_assert_null (spanish);
  }

  /* 1. The interface language, with a region or not. */
  use_language ("ar");
  assert_label (store, kind, code, "الحقوق الرقمية");
  use_language ("ar_EG");
  assert_label (store, kind, code, "الحقوق الرقمية");
  use_language ("uk");
  assert_label (store, kind, code, "Цифрові права");
  assert_label_in (store, kind, code, "ar", "الحقوق الرقمية");
  /* Dari falls back to Persian before French, as the interface does. */
  set_label_for (store, kind, code, "fa", "حقوق دیجیتال");
  use_language ("prs:fa");
  assert_label (store, kind, code, "حقوق دیجیتال");

  /* 2. A language it has no label in: French. */
  use_language ("es");
  assert_label (store, kind, code, "Droits numériques");
  assert_label_in (store, kind, code, "es", "Droits numériques");
  assert_label_in (store, kind, code, "ti", "Droits numériques");

  /* 3. Without French: English. */
  set_label_for (store, kind, code, "fr", "  ");
  assert_label (store, kind, code, "Digital rights");
  assert_label_in (store, kind, code, "es", "Digital rights");
  assert_missing (store, kind, code, (const char *[]) { "es", "fr", NULL });

  /* 4. Without English either: the first label it was given. */
  set_label_for (store, kind, code, "en", NULL);
  assert_label (store, kind, code, "Цифрові права");
  assert_label_in (store, kind, code, "es", "Цифрові права");
  assert_missing (store, kind, code, (const char *[]) { "en", "es", "fr", NULL });

  /* It keeps one label at least. */
  set_label_for (store, kind, code, "ar", "");
  set_label_for (store, kind, code, "fa", "");
  g_assert_false (escale_vocab_set_label_for (store, kind, code, "uk", "", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_label (store, kind, code, "Цифрові права");
  use_language ("uk");
  g_assert_false (escale_vocab_set_label (store, kind, code, "", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  use_language ("en");
}

/* A built-in entry shows its gettext translation, unless the association
 * gave it a label of its own in that language. */
static void
test_builtin_fallback (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  const char *kind = ESCALE_VOCAB_THEME;

  use_language ("fr");
  assert_label (store, kind, "housing", "Logement");
  assert_label (NULL, kind, "housing", "Logement");
  assert_label_in (store, kind, "housing", "ar", "السكن");
  use_language ("es");
  assert_label (store, kind, "housing", "Vivienda");
  /* A language Escale has no catalogue for: the English source. */
  use_language ("de");
  assert_label (store, kind, "housing", "Housing");

  /* Its own wording in Arabic changes the Arabic only. */
  set_label_for (store, kind, "housing", "ar", "السكن والإيواء");
  use_language ("ar");
  assert_label (store, kind, "housing", "السكن والإيواء");
  use_language ("fr");
  assert_label (store, kind, "housing", "Logement");
  assert_label_in (store, kind, "housing", "ar", "السكن والإيواء");
  /* Its translation given back: no label of its own any more. */
  set_label_for (store, kind, "housing", "ar", "السكن");
  {
    g_autofree char *own = escale_vocab_get_label_for (store, kind, "housing", "ar");

    g_assert_null (own);
  }
  /* Escale translates built-in entries: none is missing. */
  assert_missing (store, kind, "housing", (const char *[]) { NULL });
  assert_missing (store, kind, "martian", (const char *[]) { NULL });
  use_language ("en");

  g_assert_false (escale_vocab_set_label_for (store, kind, "martian", "fr", "Mars", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (escale_vocab_set_label_for (store, ESCALE_VOCAB_SEX, "F", "fr", "Femme",
                                              &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
}

/* A label is refused when another entry already reads so in its language. */
static void
test_label_for_clash (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = escale_vocab_add (store, ESCALE_VOCAB_THEME, "Mental health", &error);

  g_assert_no_error (error);
  /* "Logement" is how the built-in "housing" reads in French... */
  g_assert_false (escale_vocab_set_label_for (store, ESCALE_VOCAB_THEME, code, "fr", "logement",
                                              &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* ... not in Spanish. */
  set_label_for (store, ESCALE_VOCAB_THEME, code, "es", "Logement");
  set_label_for (store, ESCALE_VOCAB_THEME, code, "fr", "Santé mentale");
  assert_label_in (store, ESCALE_VOCAB_THEME, code, "fr", "Santé mentale");
  assert_label (store, ESCALE_VOCAB_THEME, code, "Mental health");
}

static void
test_hide (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) all = NULL;

  g_assert_true (escale_vocab_set_hidden (store, ESCALE_VOCAB_THEME, "culture", TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (lists_code (store, ESCALE_VOCAB_THEME, "culture"));
  /* Still valid where it is used, still with its label. */
  g_assert_true (escale_vocab_has_code (store, ESCALE_VOCAB_THEME, "culture"));
  assert_label (store, ESCALE_VOCAB_THEME, "culture", "Culture");
  all = escale_vocab_list_all_codes (store, ESCALE_VOCAB_THEME);
  g_assert_true (g_strv_contains ((const char * const *) all, "culture"));
  entries = escale_vocab_list_entries (store, ESCALE_VOCAB_THEME, &error);
  g_assert_true (find_entry (entries, "culture")->hidden);
  g_assert_false (find_entry (entries, "health")->hidden);

  g_assert_true (escale_vocab_set_hidden (store, ESCALE_VOCAB_THEME, "culture", FALSE, &error));
  g_assert_true (lists_code (store, ESCALE_VOCAB_THEME, "culture"));
  g_assert_false (escale_vocab_set_hidden (store, ESCALE_VOCAB_THEME, "martian", TRUE, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
}

static void
test_fixed_kinds (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  const char *fixed[] = {
    ESCALE_VOCAB_ACTION_STATUS, ESCALE_VOCAB_REFERRAL_OUTCOME, ESCALE_VOCAB_SEX,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) codes = escale_vocab_list_codes (store, fixed[i]);
      char *code;

      g_assert_false (escale_vocab_is_editable (fixed[i]));
      code = escale_vocab_add (store, fixed[i], "Postponed", &error);
      g_assert_null (code);
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (escale_vocab_set_label (store, fixed[i], codes[0], "Other", &error));
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (escale_vocab_set_hidden (store, fixed[i], codes[0], TRUE, &error));
      g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
      g_assert_true (lists_code (store, fixed[i], codes[0]));
    }
  g_assert_true (escale_vocab_is_editable (ESCALE_VOCAB_THEME));
  g_assert_true (escale_vocab_is_editable (ESCALE_VOCAB_EXIT_REASON));
}

static void
test_survives_reopening (void)
{
  g_autofree char *path = escale_test_tmp_path ("vocab.db");
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    g_assert_no_error (error);
    code = escale_vocab_add (store, ESCALE_VOCAB_STATUS, "Student visa", &error);
    g_assert_no_error (error);
    g_assert_true (escale_vocab_set_label (store, ESCALE_VOCAB_HOUSEHOLD_ROLE, "partner",
                                           "Spouse or partner", &error));
    g_assert_true (escale_vocab_set_hidden (store, ESCALE_VOCAB_STATUS, "stateless", TRUE,
                                            &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    g_assert_no_error (error);
    assert_label (store, ESCALE_VOCAB_STATUS, code, "Student visa");
    assert_label (store, ESCALE_VOCAB_HOUSEHOLD_ROLE, "partner", "Spouse or partner");
    g_assert_true (lists_code (store, ESCALE_VOCAB_STATUS, code));
    g_assert_false (lists_code (store, ESCALE_VOCAB_STATUS, "stateless"));
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  escale_test_init (&argc, &argv);
  /* Escale's catalogues as the build compiles them, for the built-in labels. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ESCALE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_add_func ("/vocab/add", test_add);
  g_test_add_func ("/vocab/clash", test_clash);
  g_test_add_func ("/vocab/rename-builtin", test_rename_builtin);
  g_test_add_func ("/vocab/fallback/added", test_added_fallback);
  g_test_add_func ("/vocab/fallback/builtin", test_builtin_fallback);
  g_test_add_func ("/vocab/label-for-clash", test_label_for_clash);
  g_test_add_func ("/vocab/hide", test_hide);
  g_test_add_func ("/vocab/fixed-kinds", test_fixed_kinds);
  g_test_add_func ("/vocab/survives-reopening", test_survives_reopening);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
