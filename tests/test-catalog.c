/* test-catalog.c — translations into a language chosen per call
 *
 * Escale's French catalogue is the one the build compiles (build/po);
 * other catalogues are compiled here with msgfmt from small .po files.
 * The interface stays in English throughout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "escale-catalog.h"
#include "escale-iso.h"
#include "escale-test-util.h"
#include "escale-vocab.h"

#define THREADS 8

static const char *const test_po =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: %s\\n\"\n"
  "\n"
  "msgid \"Hello\"\n"
  "msgstr \"%s\"\n"
  "\n"
  "msgctxt \"greeting\"\n"
  "msgid \"Morning\"\n"
  "msgstr \"Bom dia\"\n"
  "\n"
  "msgid \"%%d file\"\n"
  "msgid_plural \"%%d files\"\n"
  "%s";

/* Compiles a catalogue of the domain "test" into @localedir/@language
 * with msgfmt: "Hello" translated as @hello, and "%d file" given @forms
 * under @plural_forms. @big_endian: written in that byte order. Returns
 * the path of the .mo file. */
static char *
compile_mo (const char *localedir,
            const char *language,
            const char *plural_forms,
            const char *hello,
            const char *const *forms,
            gboolean    big_endian)
{
  g_autofree char *dir = g_build_filename (localedir, language, "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (dir, "test.po", NULL);
  char *mo_path = g_build_filename (dir, "test.mo", NULL);
  g_autoptr(GString) msgstrs = g_string_new (NULL);
  g_autofree char *po = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  /* Without --check: some expressions here are wrong on purpose. */
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL, NULL };
  int status = -1;

  for (guint i = 0; forms[i] != NULL; i++)
    g_string_append_printf (msgstrs, "msgstr[%u] \"%s\"\n", i, forms[i]);
  po = g_strdup_printf (test_po, plural_forms, hello, msgstrs->str);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, po, -1, &error));
  if (big_endian)
    argv[4] = "--endianness=big";
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &errors,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("msgfmt failed: %s", errors);
  return mo_path;
}

static char *
make_localedir (void)
{
  char *dir = escale_test_tmp_path ("locale");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* A catalogue of two forms whose "Hello" is @hello. */
static char *
compile_simple (const char *localedir,
                const char *language,
                const char *hello,
                gboolean    big_endian)
{
  static const char *const forms[] = { "%d arquivo", "%d arquivos", NULL };

  return compile_mo (localedir, language, "nplurals=2; plural=(n > 1);", hello, forms,
                     big_endian);
}

static void
assert_simple (EscaleCatalog *catalog,
               const char    *hello)
{
  g_assert_false (escale_catalog_is_empty (catalog));
  g_assert_cmpstr (escale_catalog_gettext (catalog, "Hello"), ==, hello);
  g_assert_cmpstr (escale_catalog_pgettext (catalog, "greeting", "Morning"), ==, "Bom dia");
  /* Without its context, a message is another one. */
  g_assert_cmpstr (escale_catalog_gettext (catalog, "Morning"), ==, "Morning");
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%d file", "%d files", 0), ==, "%d arquivo");
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%d file", "%d files", 1), ==, "%d arquivo");
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%d file", "%d files", 2), ==,
                   "%d arquivos");
}

static void
assert_untranslated (EscaleCatalog *catalog)
{
  const char *msgid = "Reception";

  g_assert_true (escale_catalog_is_empty (catalog));
  g_assert_true (escale_catalog_gettext (catalog, msgid) == msgid);
  g_assert_true (escale_catalog_pgettext (catalog, "theme", msgid) == msgid);
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%d file", "%d files", 1), ==, "%d file");
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%d file", "%d files", 0), ==, "%d files");
}

static void
assert_french (EscaleCatalog *catalog)
{
  g_assert_cmpstr (escale_catalog_gettext (catalog, "This list cannot be changed"), ==,
                   "Cette liste ne peut pas être modifiée");
  g_assert_cmpstr (escale_catalog_pgettext (catalog, "status", "Refugee"), ==, "Réfugié");
  g_assert_cmpstr (escale_catalog_pgettext (catalog, "theme", "Reception"), ==, "Accueil");
  /* French uses the singular for 0 too (plural=(n > 1)). */
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%u Overdue Action", "%u Overdue Actions", 0),
                   ==, "%u action en retard");
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%u Overdue Action", "%u Overdue Actions", 1),
                   ==, "%u action en retard");
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%u Overdue Action", "%u Overdue Actions", 2),
                   ==, "%u actions en retard");
}

static void
test_french (void)
{
  g_autofree char *mo = g_build_filename (g_getenv ("ESCALE_LOCALEDIR"), "fr", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(EscaleCatalog) catalog = NULL;
  g_autoptr(EscaleCatalog) regional = NULL;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: build Escale first", mo);
  catalog = escale_catalog_new (GETTEXT_PACKAGE, "fr", NULL);
  g_assert_false (escale_catalog_is_empty (catalog));
  g_assert_cmpstr (escale_catalog_language (catalog), ==, "fr");
  assert_french (catalog);
  assert_french (escale_catalog_get ("fr"));
  g_assert_true (escale_catalog_get ("fr") == escale_catalog_get ("fr"));
  /* A locale name finds its language's catalogue. */
  regional = escale_catalog_new (GETTEXT_PACKAGE, "fr_FR.UTF-8", NULL);
  assert_french (regional);
  g_assert_cmpstr (escale_catalog_language (regional), ==, "fr_FR.UTF-8");

  /* The interface is still in English. */
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "status", "Refugee"), ==, "Refugee");
}

static void
test_untranslated (void)
{
  g_autofree char *localedir = make_localedir ();
  g_autofree char *mo = compile_simple (localedir, "en", "Hi", FALSE);
  static const char *const languages[] = { "en", "C", "C.UTF-8", "POSIX", "xx", "tlh_QO", "" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(EscaleCatalog) catalog = escale_catalog_new ("test", languages[i], localedir);
      g_autoptr(EscaleCatalog) own = escale_catalog_new (GETTEXT_PACKAGE, languages[i], NULL);

      assert_untranslated (catalog);
      assert_untranslated (own);
      g_assert_cmpstr (escale_catalog_language (own), ==, languages[i]);
    }
  assert_untranslated (escale_catalog_get ("xx"));
}

static void
test_base_language (void)
{
  g_autofree char *localedir = make_localedir ();
  g_autofree char *pt = compile_simple (localedir, "pt", "Olá", FALSE);
  g_autofree char *sr = compile_simple (localedir, "sr@latin", "Zdravo", FALSE);
  g_autofree char *br = NULL;
  static const char *const portuguese[] = { "pt", "pt_BR", "pt_BR.UTF-8", "pt@modifier" };

  for (guint i = 0; i < G_N_ELEMENTS (portuguese); i++)
    {
      g_autoptr(EscaleCatalog) catalog = escale_catalog_new ("test", portuguese[i], localedir);

      assert_simple (catalog, "Olá");
    }
  {
    g_autoptr(EscaleCatalog) catalog = escale_catalog_new ("test", "sr_RS.UTF-8@latin", localedir);

    g_assert_cmpstr (escale_catalog_gettext (catalog, "Hello"), ==, "Hello");
  }
  {
    g_autoptr(EscaleCatalog) catalog = escale_catalog_new ("test", "sr.UTF-8@latin", localedir);

    assert_simple (catalog, "Zdravo");
  }

  /* The regional catalogue, once there, comes first. */
  br = compile_simple (localedir, "pt_BR", "Oi", FALSE);
  {
    g_autoptr(EscaleCatalog) brazil = escale_catalog_new ("test", "pt_BR", localedir);
    g_autoptr(EscaleCatalog) portugal = escale_catalog_new ("test", "pt_PT", localedir);

    assert_simple (brazil, "Oi");
    assert_simple (portugal, "Olá");
  }
}

static void
write_bytes (const char   *path,
             const guint8 *data,
             gsize         size)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, size, &error));
  g_assert_no_error (error);
}

static void
put_word (guint8  *data,
          gsize    at,
          guint32  word)
{
  memcpy (data + at, &word, sizeof word);
}

static void
assert_empty (const char *localedir)
{
  g_autoptr(EscaleCatalog) catalog = escale_catalog_new ("test", "pt", localedir);

  assert_untranslated (catalog);
}

static void
assert_found (const char *localedir)
{
  g_autoptr(EscaleCatalog) catalog = escale_catalog_new ("test", "pt", localedir);

  assert_simple (catalog, "Olá");
}

static void
test_corrupt (void)
{
  g_autofree char *localedir = make_localedir ();
  g_autofree char *mo = compile_simple (localedir, "pt", "Olá", FALSE);
  g_autofree char *data = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;
  guint32 count, originals, translations;

  assert_found (localedir);
  g_assert_true (g_file_get_contents (mo, &data, &size, NULL));
  memcpy (&count, data + 8, 4);
  memcpy (&originals, data + 12, 4);
  memcpy (&translations, data + 16, 4);
  g_assert_cmpuint (count, ==, 4);

  /* Cut anywhere, from nothing to all but the last byte. */
  for (gsize length = 0; length < size; length += length < 40 ? 1 : 7)
    {
      write_bytes (mo, (const guint8 *) data, length);
      assert_empty (localedir);
    }
  write_bytes (mo, (const guint8 *) data, size - 1);
  assert_empty (localedir);

  /* Not a catalogue at all. */
  g_assert_true (g_file_set_contents (mo, "msgid \"Hello\"\nmsgstr \"Olá\"\n"
                                      "0123456789012345678901234567890123456789", -1, NULL));
  assert_empty (localedir);

  copy = g_memdup2 (data, size);
  /* An unknown major revision. */
  put_word (copy, 4, 2 << 16);
  write_bytes (mo, copy, size);
  assert_empty (localedir);
  memcpy (copy, data, size);
  /* More messages than the tables hold. */
  put_word (copy, 8, G_MAXUINT32);
  write_bytes (mo, copy, size);
  assert_empty (localedir);
  memcpy (copy, data, size);
  /* A table beyond the end of the file. */
  put_word (copy, 16, G_MAXUINT32 - 4);
  write_bytes (mo, copy, size);
  assert_empty (localedir);
  memcpy (copy, data, size);
  /* A string running past the end of the file. */
  put_word (copy, translations + 8, G_MAXUINT32);
  write_bytes (mo, copy, size);
  assert_empty (localedir);
  memcpy (copy, data, size);
  /* A string without its final NUL. */
  put_word (copy, originals + 8, 2);
  write_bytes (mo, copy, size);
  assert_empty (localedir);

  /* Valid again: the same file gives its messages back. */
  write_bytes (mo, (const guint8 *) data, size);
  assert_found (localedir);
}

static void
test_big_endian (void)
{
  g_autofree char *little_dir = make_localedir ();
  g_autofree char *big_dir = make_localedir ();
  g_autofree char *little = compile_simple (little_dir, "pt", "Olá", FALSE);
  g_autofree char *big = compile_simple (big_dir, "pt", "Olá", TRUE);
  g_autofree char *little_data = NULL;
  g_autofree char *big_data = NULL;
  static const guint8 big_magic[] = { 0x95, 0x04, 0x12, 0xde };
  static const guint8 little_magic[] = { 0xde, 0x12, 0x04, 0x95 };
  g_autoptr(EscaleCatalog) little_catalog = escale_catalog_new ("test", "pt", little_dir);
  g_autoptr(EscaleCatalog) big_catalog = escale_catalog_new ("test", "pt", big_dir);

  g_assert_true (g_file_get_contents (little, &little_data, NULL, NULL));
  g_assert_true (g_file_get_contents (big, &big_data, NULL, NULL));
  g_assert_cmpmem (little_data, 4, little_magic, 4);
  g_assert_cmpmem (big_data, 4, big_magic, 4);
  assert_simple (little_catalog, "Olá");
  assert_simple (big_catalog, "Olá");
}

typedef struct
{
  const char *plural_forms;
  gulong      n;
  guint       form;
} PluralCase;

#define ARABIC "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 " \
               ": n%100>=11 ? 4 : 5;"
#define UKRAINIAN "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && " \
                  "(n%100<10 || n%100>=20) ? 1 : 2);"
#define FRENCH "nplurals=2; plural=(n > 1);"
#define PERSIAN "nplurals=1; plural=0;"
#define NOT_UNDERSTOOD "nplurals=2; plural=n ^ 2;"

/* Under @plural_forms, form @form is the one for @n. */
static void
assert_plural (const char *localedir,
               const char *plural_forms,
               gulong      n,
               guint       form)
{
  static const char *const forms[] = { "f0", "f1", "f2", "f3", "f4", "f5", NULL };
  static guint counter;
  g_autofree char *language = g_strdup_printf ("l%u", ++counter);
  g_autofree char *mo = compile_mo (localedir, language, plural_forms, "Hi", forms, FALSE);
  g_autoptr(EscaleCatalog) catalog = escale_catalog_new ("test", language, localedir);

  g_test_message ("%.80s n = %lu", plural_forms, n);
  g_assert_cmpstr (escale_catalog_ngettext (catalog, "%d file", "%d files", n), ==, forms[form]);
  g_assert_cmpstr (escale_catalog_gettext (catalog, "%d file"), ==, "f0");
}

static void
test_plural_forms (void)
{
  static const PluralCase cases[] = {
    { ARABIC, 0, 0 }, { ARABIC, 1, 1 }, { ARABIC, 2, 2 }, { ARABIC, 3, 3 }, { ARABIC, 10, 3 },
    { ARABIC, 11, 4 }, { ARABIC, 99, 4 }, { ARABIC, 100, 5 }, { ARABIC, 102, 5 },
    { ARABIC, 103, 3 }, { ARABIC, 111, 4 },
    { UKRAINIAN, 1, 0 }, { UKRAINIAN, 2, 1 }, { UKRAINIAN, 4, 1 }, { UKRAINIAN, 5, 2 },
    { UKRAINIAN, 11, 2 }, { UKRAINIAN, 12, 2 }, { UKRAINIAN, 21, 0 }, { UKRAINIAN, 22, 1 },
    { UKRAINIAN, 111, 2 }, { UKRAINIAN, 0, 2 },
    { FRENCH, 0, 0 }, { FRENCH, 1, 0 }, { FRENCH, 2, 1 },
    { PERSIAN, 0, 0 }, { PERSIAN, 1, 0 }, { PERSIAN, 7, 0 },
    { "nplurals=2; plural=!(n == 1);", 1, 0 }, { "nplurals=2; plural=!(n == 1);", 3, 1 },
    /* Arithmetic and precedence: (n * 2 - 1) / 3 % 2 for n = 5 is 1. */
    { "nplurals=2; plural=n*2-1/1 > 8 && (n * 2 - 1) / 3 % 2;", 5, 1 },
    { "nplurals=2; plural=n*2-1/1 > 8 && (n * 2 - 1) / 3 % 2;", 4, 0 },
    /* Division by zero gives 0 instead of a crash. */
    { "nplurals=2; plural=n / 0 + n % 0;", 5, 0 },
    /* What is not understood counts as n != 1. */
    { NOT_UNDERSTOOD, 1, 0 }, { NOT_UNDERSTOOD, 0, 1 }, { NOT_UNDERSTOOD, 2, 1 },
    { "nplurals=2; plural=(n > 1;", 1, 0 }, { "nplurals=2; plural=(n > 1;", 2, 1 },
    { "nplurals=2; plural=n ? 1;", 0, 1 }, { "nplurals=0; plural=0;", 1, 0 },
    /* A form beyond nplurals is the first one. */
    { "nplurals=2; plural=n;", 4, 0 },
  };
  g_autofree char *localedir = make_localedir ();
  g_autoptr(GString) deep = g_string_new ("nplurals=2; plural=");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_plural (localedir, cases[i].plural_forms, cases[i].n, cases[i].form);

  /* Nested deeper than any language needs: not understood either. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "(!");
  g_string_append (deep, "(n > 1)");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, ")");
  assert_plural (localedir, deep->str, 0, 1);
}

static gpointer
look_up_in_thread (gpointer data)
{
  guint index = GPOINTER_TO_UINT (data);

  for (guint i = 0; i < 2000; i++)
    {
      EscaleCatalog *french = escale_catalog_get (i % 2 ? "fr" : "fr_FR");
      EscaleCatalog *other = escale_catalog_get ((i + index) % 3 ? "xx" : "zz_ZZ");
      const char *refugee = escale_catalog_pgettext (french, "status", "Refugee");
      const char *overdue = escale_catalog_ngettext (french, "%u Overdue Action",
                                                     "%u Overdue Actions", i);

      if (g_strcmp0 (refugee, "Réfugié") != 0 ||
          g_strcmp0 (overdue, i > 1 ? "%u actions en retard" : "%u action en retard") != 0 ||
          g_strcmp0 (escale_catalog_pgettext (other, "status", "Refugee"), "Refugee") != 0)
        return GUINT_TO_POINTER (FALSE);
    }
  return GUINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *threads[THREADS];

  for (guint i = 0; i < THREADS; i++)
    threads[i] = g_thread_new ("catalog", look_up_in_thread, GUINT_TO_POINTER (i));
  for (guint i = 0; i < THREADS; i++)
    g_assert_true (GPOINTER_TO_UINT (g_thread_join (threads[i])));
  g_assert_true (escale_catalog_get ("fr_FR") == escale_catalog_get ("fr_FR"));
  g_assert_cmpstr (escale_catalog_language (escale_catalog_get ("fr_FR")), ==, "fr_FR");
}

static void
assert_label_in (EscaleStore *store,
                 const char  *kind,
                 const char  *code,
                 const char  *language,
                 const char  *expected)
{
  g_autofree char *label = escale_vocab_get_label_in (store, kind, code,
                                                      language ? escale_catalog_get (language)
                                                               : NULL);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_vocab (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *interface = NULL;

  /* Built-in entries: their translation. */
  assert_label_in (store, ESCALE_VOCAB_STATUS, "refugee", "fr", "Réfugié");
  assert_label_in (store, ESCALE_VOCAB_THEME, "reception", "fr", "Accueil");
  assert_label_in (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "fr_FR", "Entretien");
  assert_label_in (store, ESCALE_VOCAB_STATUS, "refugee", "en", "Refugee");
  assert_label_in (store, ESCALE_VOCAB_STATUS, "refugee", "xx", "Refugee");
  assert_label_in (store, ESCALE_VOCAB_STATUS, "refugee", NULL, "Refugee");
  assert_label_in (NULL, ESCALE_VOCAB_STATUS, "refugee", "fr", "Réfugié");
  /* An unknown code is itself; no code, nothing. */
  assert_label_in (store, ESCALE_VOCAB_STATUS, "martian", "fr", "martian");
  assert_label_in (store, ESCALE_VOCAB_STATUS, "", "fr", "");

  /* A wording of the association's own, typed in English, stays English. */
  g_assert_true (escale_vocab_set_label (store, ESCALE_VOCAB_ACTION_TYPE, "interview",
                                         "Individual interview", &error));
  g_assert_no_error (error);
  assert_label_in (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "en", "Individual interview");
  assert_label_in (store, ESCALE_VOCAB_ACTION_TYPE, "interview", NULL, "Individual interview");
  assert_label_in (store, ESCALE_VOCAB_ACTION_TYPE, "interview", "fr", "Entretien");

  /* One typed in French shows in French reports only. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_true (escale_vocab_set_label (store, ESCALE_VOCAB_STATUS, "refugee",
                                         "Réfugié statutaire", &error));
  g_assert_no_error (error);
  g_setenv ("LANGUAGE", "en", TRUE);
  assert_label_in (store, ESCALE_VOCAB_STATUS, "refugee", "fr", "Réfugié statutaire");
  assert_label_in (store, ESCALE_VOCAB_STATUS, "refugee", "fr_BE", "Réfugié statutaire");
  assert_label_in (store, ESCALE_VOCAB_STATUS, "refugee", "en", "Refugee");

  /* An added entry: its label in the language, else French, else English. */
  added = escale_vocab_add (store, ESCALE_VOCAB_EXIT_REASON, "Return home", &error);
  g_assert_no_error (error);
  assert_label_in (store, ESCALE_VOCAB_EXIT_REASON, added, "fr", "Return home");
  assert_label_in (store, ESCALE_VOCAB_EXIT_REASON, added, "ar", "Return home");
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_true (escale_vocab_set_label (store, ESCALE_VOCAB_EXIT_REASON, added,
                                         "Retour au pays", &error));
  g_setenv ("LANGUAGE", "en", TRUE);
  assert_label_in (store, ESCALE_VOCAB_EXIT_REASON, added, "fr", "Retour au pays");
  assert_label_in (store, ESCALE_VOCAB_EXIT_REASON, added, "en", "Return home");
  assert_label_in (store, ESCALE_VOCAB_EXIT_REASON, added, "ar", "Retour au pays");

  /* The interface's own labels did not change language. */
  interface = escale_vocab_get_label (store, ESCALE_VOCAB_STATUS, "refugee");
  g_assert_cmpstr (interface, ==, "Refugee");
}

static void
test_iso (void)
{
  /* iso-codes translates Syria's ISO name into French, not its common one. */
  g_assert_cmpstr (escale_iso_country_name_in ("SY", "fr"), ==, "Syrienne, République arabe");
  g_assert_cmpstr (escale_iso_country_name_in ("DE", "fr"), ==, "Allemagne");
  g_assert_cmpstr (escale_iso_country_name_in ("BO", "fr"), ==, "Bolivie");
  g_assert_cmpstr (escale_iso_country_name_in ("DE", "fr_FR.UTF-8"), ==, "Allemagne");
  g_assert_cmpstr (escale_iso_country_name_in ("DE", "uk"), ==, "Німеччина");
  g_assert_cmpstr (escale_iso_country_name_in ("SY", "en"), ==, "Syria");
  g_assert_cmpstr (escale_iso_country_name_in ("BO", "en"), ==, "Bolivia");
  g_assert_cmpstr (escale_iso_country_name_in ("DE", "xx"), ==, "Germany");
  g_assert_cmpstr (escale_iso_country_name_in ("DE", NULL), ==, "Germany");
  g_assert_null (escale_iso_country_name_in ("ZZ", "fr"));
  g_assert_null (escale_iso_country_name_in (NULL, "fr"));
  /* The interface is still in English. */
  g_assert_cmpstr (escale_iso_country_name ("DE"), ==, "Germany");
  g_assert_cmpstr (escale_iso_country_name ("SY"), ==, "Syria");
}

static void
test_list_languages (void)
{
  g_autofree char *build_dir = g_strdup (g_getenv ("ESCALE_LOCALEDIR"));
  g_autofree char *localedir = make_localedir ();
  static const char *const expected[] = { "en", "ar", "fr", "pt_BR", "uk", NULL };
  static const char *const installed[] = { "uk", "fr", "ar", "pt_BR", "en", "C" };
  g_auto(GStrv) built = escale_catalog_list_languages ();
  g_auto(GStrv) languages = NULL;
  g_autofree char *other = NULL;

  /* The build's: English first, then what po/LINGUAS lists. */
  g_assert_cmpstr (built[0], ==, "en");
  g_assert_true (g_strv_contains ((const char * const *) built, "fr"));
  for (guint i = 2; built[1] != NULL && built[i] != NULL; i++)
    g_assert_cmpint (strcmp (built[i - 1], built[i]), <, 0);

  for (guint i = 0; i < G_N_ELEMENTS (installed); i++)
    {
      g_autofree char *dir = g_build_filename (localedir, installed[i], "LC_MESSAGES", NULL);
      g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (mo, "", 0, NULL));
    }
  /* Other domains' catalogues do not count. */
  other = compile_simple (localedir, "de", "Hallo", FALSE);
  g_setenv ("ESCALE_LOCALEDIR", localedir, TRUE);
  languages = escale_catalog_list_languages ();
  g_setenv ("ESCALE_LOCALEDIR", build_dir, TRUE);
  g_assert_cmpstrv (languages, expected);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("ESCALE_BUILD_DIR") ?: ".", "po",
                                                 NULL);
  int status;

  /* Escale's catalogues as the build compiles them. */
  g_setenv ("ESCALE_LOCALEDIR", localedir, TRUE);
  escale_test_init (&argc, &argv);
  g_test_add_func ("/catalog/french", test_french);
  g_test_add_func ("/catalog/untranslated", test_untranslated);
  g_test_add_func ("/catalog/base-language", test_base_language);
  g_test_add_func ("/catalog/corrupt", test_corrupt);
  g_test_add_func ("/catalog/big-endian", test_big_endian);
  g_test_add_func ("/catalog/plural-forms", test_plural_forms);
  g_test_add_func ("/catalog/threads", test_threads);
  g_test_add_func ("/catalog/vocab", test_vocab);
  g_test_add_func ("/catalog/iso", test_iso);
  g_test_add_func ("/catalog/list-languages", test_list_languages);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
