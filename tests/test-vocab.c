/* test-vocab.c — editing the vocabularies: adding, renaming, hiding entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
  g_setenv ("LANGUAGE", "fr", TRUE);
  assert_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "Interview");
  g_setenv ("LANGUAGE", "en", TRUE);
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
    g_setenv ("LANGUAGE", "ar", TRUE);
    assert_label (store, ESCALE_VOCAB_EXIT_REASON, code, "Return to the home country");
    g_setenv ("LANGUAGE", "en", TRUE);
  }
  g_assert_false (escale_vocab_set_label (store, ESCALE_VOCAB_THEME, "martian", "Mars", &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
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
  g_test_add_func ("/vocab/add", test_add);
  g_test_add_func ("/vocab/clash", test_clash);
  g_test_add_func ("/vocab/rename-builtin", test_rename_builtin);
  g_test_add_func ("/vocab/hide", test_hide);
  g_test_add_func ("/vocab/fixed-kinds", test_fixed_kinds);
  g_test_add_func ("/vocab/survives-reopening", test_survives_reopening);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
