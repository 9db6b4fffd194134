/* test-duplicates.c — people who may already have a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-person-store.h"
#include "escale-test-util.h"

static gint64
add (EscaleStore        *store,
     const char         *family,
     const char         *given,
     const char         *birth_date,
     const char         *precision,
     const char * const *others)
{
  g_autoptr(EscalePerson) person = escale_test_person (family, given, birth_date);
  g_autoptr(GError) error = NULL;

  escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION, precision);
  if (others != NULL)
    escale_person_set_other_names (person, others);
  g_assert_true (escale_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return escale_person_get_id (person);
}

static GPtrArray *
duplicates_of (EscaleStore        *store,
               const char         *family,
               const char         *given,
               const char         *birth_date,
               const char         *precision,
               const char * const *others)
{
  g_autoptr(EscalePerson) person = escale_test_person (family, given, birth_date);
  GPtrArray *found;

  escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION, precision);
  if (others != NULL)
    escale_person_set_other_names (person, others);
  found = escale_store_find_duplicates (store, person, 10);
  g_assert_nonnull (found);
  for (guint i = 0; i < found->len; i++)
    {
      EscaleDuplicate *d = g_ptr_array_index (found, i);
      g_test_message ("%s %s (%s): %s %s %s, score %.2f", family ? family : "", given ? given : "",
                      birth_date ? birth_date : "?", d->family_name, d->given_names ?: "",
                      d->birth_date ?: "?", d->score);
    }
  return found;
}

static gboolean
found_id (GPtrArray *found,
          gint64     id)
{
  for (guint i = 0; i < found->len; i++)
    if (((EscaleDuplicate *) g_ptr_array_index (found, i))->id == id)
      return TRUE;
  return FALSE;
}

static void
assert_found (EscaleStore *store,
              gint64       id,
              const char  *family,
              const char  *given,
              const char  *birth_date,
              const char  *precision)
{
  g_autoptr(GPtrArray) found = duplicates_of (store, family, given, birth_date, precision, NULL);

  g_assert_true (found_id (found, id));
}

static void
assert_not_found (EscaleStore *store,
                  gint64       id,
                  const char  *family,
                  const char  *given,
                  const char  *birth_date,
                  const char  *precision)
{
  g_autoptr(GPtrArray) found = duplicates_of (store, family, given, birth_date, precision, NULL);

  g_assert_false (found_id (found, id));
}

static void
test_name_variants (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 id = add (store, "HADDAD", "Mohamed", "1990-03-14", "exact", NULL);

  add (store, "Dupont", "Hélène", "1990-03-14", "exact", NULL);
  assert_found (store, id, "Haddad", "Mohamed", "1990-03-14", "exact");
  assert_found (store, id, "Haddad", "Mohammed", "1990-03-14", "exact");
  assert_found (store, id, "Haddad", "Muhammad", "1990-03-14", NULL);
  assert_found (store, id, "HADAD", "Mouhammad", "1990-03-14", "exact");
  /* Without a birth date, the names alone may be enough. */
  assert_found (store, id, "Haddad", "Muhammad", NULL, NULL);
  /* Another family name is another person. */
  assert_not_found (store, id, "Martin", "Mohamed", "1990-03-14", "exact");
  assert_not_found (store, id, "Martin", "Paul", "1990-03-14", "exact");
  {
    g_autoptr(GPtrArray) found = duplicates_of (store, "Haddad", "Mohamed", "1990-03-14", "exact",
                                                NULL);
    EscaleDuplicate *best = g_ptr_array_index (found, 0);

    /* The record found is described. */
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (best->id, ==, id);
    g_assert_cmpstr (best->family_name, ==, "HADDAD");
    g_assert_cmpstr (best->given_names, ==, "Mohamed");
    g_assert_cmpstr (best->birth_date, ==, "1990-03-14");
    g_assert_cmpstr (best->birth_precision, ==, "exact");
    g_assert_nonnull (best->file_number);
    g_assert_cmpfloat (best->score, >, 0.5);
    g_assert_cmpfloat (best->score, <=, 1.0);
  }
}

static void
test_birth_dates (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 id = add (store, "Haddad", "Mohamed", "1990-03-14", "exact", NULL);
  gint64 year_only = add (store, "Karimi", "Ali", "1985-01-01", "year", NULL);

  /* Exact dates years apart: two people. */
  assert_not_found (store, id, "Haddad", "Mohamed", "1975-03-14", "exact");
  assert_not_found (store, id, "Haddad", "Mohammed", "1992-03-14", "exact");
  /* Exact dates in the same year but another day: two people as well. */
  assert_not_found (store, id, "Haddad", "Mohamed", "1990-08-02", "exact");
  /* Day and month swapped, a common slip: maybe the same person. */
  {
    g_autoptr(EscaleStore) other = escale_test_store_new ();
    gint64 swapped = add (other, "Haddad", "Mohamed", "1990-04-03", "exact", NULL);

    assert_found (other, swapped, "Haddad", "Mohamed", "1990-03-04", "exact");
  }
  /* A year-only date is compatible with any date of that year. */
  assert_found (store, id, "Haddad", "Mohamed", "1990-01-01", "year");
  assert_found (store, year_only, "Karimi", "Ali", "1985-11-30", "exact");
  assert_found (store, year_only, "Karimi", "Ali", "1985-06-01", "month");
  assert_not_found (store, year_only, "Karimi", "Ali", "1975-06-01", "exact");
  /* A month-only one with dates of that month (and around). */
  assert_found (store, id, "Haddad", "Mohamed", "1990-03-01", "month");
  /* An estimated one with dates a few years around it. */
  assert_found (store, id, "Haddad", "Mohamed", "1988-01-01", "estimated");
  assert_not_found (store, id, "Haddad", "Mohamed", "1970-01-01", "estimated");
  /* An unknown date does not rule anyone out. */
  assert_found (store, id, "Haddad", "Mohamed", NULL, NULL);
}

static void
test_order_and_accents (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 haddad = add (store, "Haddad", "Mohamed", "1990-03-14", "exact", NULL);
  gint64 helene = add (store, "Dupont", "Hélène", "1980-05-17", "exact", NULL);
  gint64 ndiaye = add (store, "N'Diaye", "Awa", NULL, NULL, NULL);

  /* Family and given names swapped. */
  assert_found (store, haddad, "Mohamed", "Haddad", "1990-03-14", "exact");
  assert_found (store, haddad, "Mohamed Haddad", NULL, "1990-03-14", "exact");
  /* Accents and case. */
  assert_found (store, helene, "DUPONT", "Helene", "1980-05-17", "exact");
  assert_found (store, helene, "Dupont", "HÉLÈNE", NULL, NULL);
  assert_found (store, ndiaye, "Ndiaye", "Awa", NULL, NULL);
  assert_found (store, ndiaye, "N’DIAYE", "Awa", "1991-01-01", "year");
}

static void
test_not_itself (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 id = add (store, "Haddad", "Mohamed", "1990-03-14", "exact", NULL);
  gint64 twin = add (store, "Haddad", "Mohammed", "1990-03-14", "exact", NULL);
  g_autoptr(EscalePerson) person = escale_store_load_person (store, id, NULL);
  g_autoptr(GPtrArray) found = escale_store_find_duplicates (store, person, 10);

  /* Editing a person does not show themselves, but does show the other. */
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((EscaleDuplicate *) g_ptr_array_index (found, 0))->id, ==, twin);
}

static void
test_scripts (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  const char *arabic[] = { "محمد حداد", NULL };
  gint64 latin = add (store, "Haddad", "Mohamed", "1990-03-14", "exact", NULL);
  gint64 with_alias = add (store, "Karimi", "Yasmine", "1995-07-01", "exact", arabic);
  gint64 only_arabic = add (store, "حداد", "محمد", "1970-01-01", "year", NULL);

  /* Someone written in Arabic script meets the Latin record. */
  {
    g_autoptr(GPtrArray) found = duplicates_of (store, "حداد", "محمد", "1990-03-14", "exact",
                                                NULL);
    g_assert_true (found_id (found, latin));
    g_assert_false (found_id (found, only_arabic)); /* born twenty years earlier */
  }
  {
    g_autoptr(GPtrArray) found = duplicates_of (store, "Haddad", "Muhammad", NULL, NULL, NULL);
    g_assert_true (found_id (found, latin));
    g_assert_true (found_id (found, only_arabic));
  }
  /* A Latin name meets an Arabic-script other name. */
  {
    g_autoptr(GPtrArray) found = duplicates_of (store, "Haddad", "Mohamed", "1995-07-01", "exact",
                                                NULL);
    g_assert_true (found_id (found, with_alias));
  }
  /* And an Arabic-script other name meets a Latin name. */
  {
    const char *alias[] = { "مُحَمَّد حَدَّاد", NULL };
    g_autoptr(GPtrArray) found = duplicates_of (store, "Unknown", NULL, "1990-03-14", "exact",
                                                alias);
    g_assert_true (found_id (found, latin));
  }
}

/* One name spelt in other ways or other scripts: whichever is typed, the
 * file kept under another spelling is suggested, and no other file. */
static void
test_spellings (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 kept[] = {
    add (store, "Haddad", "Mohamed", "1990-03-14", "exact", NULL),
    add (store, "Tesfay", "Yonas", "1995-01-01", "year", NULL),
    add (store, "Kovalenko", "Oleksandr", "1985-05-05", "exact", NULL),
    add (store, "Шевченко", "Олександр", "1979-09-09", "exact", NULL),
  };
  static const struct
  {
    guint       kept;  /* index in kept[] */
    const char *family;
    const char *given;
    const char *birth_date;
  } typed[] = {
    { 0, "Haddad", "Mohammed", "1990-03-14" },
    { 0, "Haddad", "Muhammad", NULL },
    { 0, "حداد", "محمد", "1990-03-14" },
    { 1, "Tesfay", "Yonass", "1995-06-30" },
    { 1, "ተስፋይ", "ዮናስ", NULL },
    { 1, "Tesfai", "Yonas", NULL },
    { 2, "Коваленко", "Олександр", "1985-05-05" },
    { 2, "Kovalenko", "Aleksandr", NULL },
    { 2, "Kovalenko", "Alexander", "1985-05-05" },
    { 3, "Shevchenko", "Oleksandr", "1979-09-09" },
    { 3, "Chevtchenko", "Alexandre", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GPtrArray) found = duplicates_of (store, typed[i].family, typed[i].given,
                                                  typed[i].birth_date,
                                                  typed[i].birth_date ? "exact" : NULL, NULL);

      g_assert_cmpuint (found->len, ==, 1);
      g_assert_true (found_id (found, kept[typed[i].kept]));
    }
}

static void
test_limit_and_order (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 exact = add (store, "Haddad", "Mohamed", "1990-03-14", "exact", NULL);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(EscalePerson) person = escale_test_person ("Haddad", "Mohamed", "1990-03-14");

  add (store, "Haddad", "Mohamed", "1990-01-01", "year", NULL);
  add (store, "Haddad", "Muhammad", "1989-01-01", "estimated", NULL);
  add (store, "Haddad", "Mohamed", NULL, NULL, NULL);

  found = escale_store_find_duplicates (store, person, 10);
  g_assert_cmpuint (found->len, ==, 4);
  /* Best first: same names and same date. */
  g_assert_cmpint (((EscaleDuplicate *) g_ptr_array_index (found, 0))->id, ==, exact);
  for (guint i = 1; i < found->len; i++)
    g_assert_cmpfloat (((EscaleDuplicate *) g_ptr_array_index (found, i - 1))->score, >=,
                       ((EscaleDuplicate *) g_ptr_array_index (found, i))->score);

  limited = escale_store_find_duplicates (store, person, 2);
  g_assert_cmpuint (limited->len, ==, 2);
  g_assert_cmpint (((EscaleDuplicate *) g_ptr_array_index (limited, 0))->id, ==, exact);
}

static void
test_nothing_to_compare (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePerson) empty = escale_person_new ();
  g_autoptr(EscalePerson) short_name = escale_test_person ("A", "B", NULL);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) none_short = NULL;

  add (store, "A", "B", NULL, NULL, NULL);
  none = escale_store_find_duplicates (store, empty, 10);
  none_short = escale_store_find_duplicates (store, short_name, 10);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (none_short->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);

  g_test_add_func ("/duplicates/name-variants", test_name_variants);
  g_test_add_func ("/duplicates/birth-dates", test_birth_dates);
  g_test_add_func ("/duplicates/order-and-accents", test_order_and_accents);
  g_test_add_func ("/duplicates/not-itself", test_not_itself);
  g_test_add_func ("/duplicates/scripts", test_scripts);
  g_test_add_func ("/duplicates/spellings", test_spellings);
  g_test_add_func ("/duplicates/limit-and-order", test_limit_and_order);
  g_test_add_func ("/duplicates/nothing-to-compare", test_nothing_to_compare);

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
