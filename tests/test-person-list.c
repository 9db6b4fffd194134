/* test-person-list.c — the lazy list of people behind the list views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-person-list.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-test-util.h"

#define N_PEOPLE 1000
#define MAX_PAGES 16

typedef struct
{
  EscaleStore      *store;
  EscalePersonList *list;
  gint64            ids[N_PEOPLE];
  GArray           *changes;  /* Change */
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

/* Person 0000 to 0999, in that alphabetical order; every tenth is closed,
 * every fifth a refugee, and Claire follows those whose number is odd. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->store = escale_test_store_new ();
  g_assert_true (escale_store_begin (f->store, &error));
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *family = g_strdup_printf ("Person%04u", i);
      g_autoptr(EscalePerson) person = escale_test_person (family, "Test", NULL);

      if (i % 10 == 0)
        {
          escale_person_set (person, ESCALE_FIELD_CLOSED_ON, "2023-01-01");
          escale_person_set (person, ESCALE_FIELD_CLOSE_REASON, "Moved");
        }
      if (i % 5 == 0)
        g_ptr_array_add (escale_person_get_status_periods (person),
                         escale_status_period_new ("refugee", "2020-01-01", NULL, NULL, NULL));
      if (i % 2 == 1)
        escale_person_set (person, ESCALE_FIELD_REFERENT, "Claire");
      g_assert_true (escale_store_save_person (f->store, person, &error));
      g_assert_no_error (error);
      f->ids[i] = escale_person_get_id (person);
    }
  g_assert_true (escale_store_commit (f->store, &error));
  g_assert_no_error (error);

  f->list = escale_person_list_new (f->store);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_finalize_object (f->list);
  g_clear_object (&f->store);
  g_array_unref (f->changes);
}

static void
on_items_changed_cb (GListModel *model G_GNUC_UNUSED,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
}

static void
watch (Fixture *f)
{
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed_cb), f);
}

static void
assert_one_change (Fixture *f,
                   guint    removed,
                   guint    added)
{
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).removed, ==, removed);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).added, ==, added);
  g_array_set_size (f->changes, 0);
}

static EscalePersonSummary *
item (Fixture *f,
      guint    position)
{
  EscalePersonSummary *summary = g_list_model_get_item (G_LIST_MODEL (f->list), position);

  g_assert_nonnull (summary);
  g_assert_true (ESCALE_IS_PERSON_SUMMARY (summary));
  return summary;
}

static void
assert_item_is (Fixture *f,
                guint    position,
                guint    number)
{
  g_autoptr(EscalePersonSummary) summary = item (f, position);
  g_autofree char *family = g_strdup_printf ("Person%04u", number);

  g_assert_cmpint (escale_person_summary_get_id (summary), ==, f->ids[number]);
  g_assert_cmpstr (escale_person_summary_get_family_name (summary), ==, family);
}

static void
test_items (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  GListModel *model = G_LIST_MODEL (f->list);

  g_assert_true (g_list_model_get_item_type (model) == ESCALE_TYPE_PERSON_SUMMARY);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PEOPLE);
  g_assert_cmpuint (escale_person_list_get_n_loaded_pages (f->list), ==, 0);
  for (guint i = 0; i < N_PEOPLE; i++)
    assert_item_is (f, i, i);
  g_assert_null (g_list_model_get_item (model, N_PEOPLE));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));
  g_assert_cmpuint (escale_person_list_get_n_loaded_pages (f->list), <=, MAX_PAGES);
}

static void
test_summary (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePersonSummary) closed = item (f, 10);
  g_autoptr(EscalePersonSummary) open = item (f, 11);
  g_autoptr(EscalePerson) person = escale_store_load_person (f->store, f->ids[10], NULL);

  g_assert_true (escale_person_summary_get_closed (closed));
  g_assert_cmpstr (escale_person_summary_get_status (closed), ==, "refugee");
  g_assert_cmpstr (escale_person_summary_get_given_names (closed), ==, "Test");
  g_assert_cmpstr (escale_person_summary_get_file_number (closed), ==,
                   escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  g_assert_null (escale_person_summary_get_birth_date (closed));
  g_assert_false (escale_person_summary_get_closed (open));
  g_assert_null (escale_person_summary_get_status (open));
}

static void
test_lazy_pages (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  /* Reading a few items loads only their pages. */
  assert_item_is (f, 0, 0);
  g_assert_cmpuint (escale_person_list_get_n_loaded_pages (f->list), ==, 1);
  assert_item_is (f, 1, 1);
  assert_item_is (f, 2, 2);
  g_assert_cmpuint (escale_person_list_get_n_loaded_pages (f->list), ==, 1);
  assert_item_is (f, 500, 500);
  assert_item_is (f, 999, 999);
  g_assert_cmpuint (escale_person_list_get_n_loaded_pages (f->list), ==, 3);

  /* Items spread all over the list, again and again: never more than a few pages kept. */
  for (guint round = 0; round < 3; round++)
    for (guint i = round; i < N_PEOPLE; i += 37)
      {
        assert_item_is (f, i, i);
        g_assert_cmpuint (escale_person_list_get_n_loaded_pages (f->list), <=, MAX_PAGES);
      }
  g_assert_cmpuint (escale_person_list_get_n_loaded_pages (f->list), >, 3);

  /* The same item asked twice while its page is kept is the same object. */
  {
    g_autoptr(EscalePersonSummary) a = item (f, 999);
    g_autoptr(EscalePersonSummary) b = item (f, 999);
    g_assert_true (a == b);
  }
}

static void
test_query (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  GListModel *model = G_LIST_MODEL (f->list);

  watch (f);
  escale_person_list_set_query (f->list, "person000");
  g_assert_cmpstr (escale_person_list_get_query (f->list), ==, "person000");
  assert_one_change (f, N_PEOPLE, 10);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  for (guint i = 0; i < 10; i++)
    assert_item_is (f, i, i);

  /* The same query again changes nothing. */
  escale_person_list_set_query (f->list, "person000");
  g_assert_cmpuint (f->changes->len, ==, 0);

  escale_person_list_set_query (f->list, "PERSON0123");
  assert_one_change (f, 10, 1);
  assert_item_is (f, 0, 123);

  escale_person_list_set_query (f->list, "nobody at all");
  assert_one_change (f, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));

  escale_person_list_set_query (f->list, "\"*NEAR(");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_array_set_size (f->changes, 0);

  escale_person_list_set_query (f->list, NULL);
  assert_one_change (f, 0, N_PEOPLE);
  g_assert_null (escale_person_list_get_query (f->list));
  assert_item_is (f, 999, 999);
}

static void
test_filter (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  GListModel *model = G_LIST_MODEL (f->list);
  EscalePersonFilter filter = { NULL, NULL, ESCALE_FILES_CLOSED };

  watch (f);
  escale_person_list_set_filter (f->list, &filter);
  assert_one_change (f, N_PEOPLE, N_PEOPLE / 10);
  assert_item_is (f, 0, 0);
  assert_item_is (f, 1, 10);
  assert_item_is (f, 99, 990);

  /* An equal filter changes nothing. */
  {
    EscalePersonFilter same = { NULL, NULL, ESCALE_FILES_CLOSED };
    escale_person_list_set_filter (f->list, &same);
    g_assert_cmpuint (f->changes->len, ==, 0);
  }

  filter.state = ESCALE_FILES_OPEN;
  escale_person_list_set_filter (f->list, &filter);
  assert_one_change (f, N_PEOPLE / 10, N_PEOPLE - N_PEOPLE / 10);
  assert_item_is (f, 0, 1);

  filter.status = (char *) "refugee";
  escale_person_list_set_filter (f->list, &filter);
  /* Every fifth is a refugee, every tenth of them closed. */
  assert_one_change (f, N_PEOPLE - N_PEOPLE / 10, N_PEOPLE / 10);
  assert_item_is (f, 0, 5);
  assert_item_is (f, 1, 15);

  filter.state = ESCALE_FILES_ALL;
  filter.status = NULL;
  filter.referent = (char *) "Claire";
  escale_person_list_set_filter (f->list, &filter);
  assert_one_change (f, N_PEOPLE / 10, N_PEOPLE / 2);
  assert_item_is (f, 0, 1);

  /* Query and filter together. */
  escale_person_list_set_query (f->list, "person001");
  assert_one_change (f, N_PEOPLE / 2, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_item_is (f, 4, 19);

  escale_person_list_set_filter (f->list, NULL);
  assert_one_change (f, 5, 10);
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  GListModel *model = G_LIST_MODEL (f->list);
  gint64 id;

  /* A page loaded before the change is not served stale afterwards. */
  assert_item_is (f, 0, 0);
  watch (f);
  id = escale_test_add_person (f->store, "Aaron", "Zoé", "1990-01-01");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PEOPLE);
  escale_person_list_refresh (f->list);
  assert_one_change (f, N_PEOPLE, N_PEOPLE + 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PEOPLE + 1);
  g_assert_cmpint (escale_person_list_find (f->list, id), ==, 0);
  {
    g_autoptr(EscalePersonSummary) first = item (f, 0);
    g_assert_cmpint (escale_person_summary_get_id (first), ==, id);
    g_assert_cmpstr (escale_person_summary_get_family_name (first), ==, "Aaron");
    g_assert_cmpstr (escale_person_summary_get_birth_date (first), ==, "1990-01-01");
  }
  assert_item_is (f, 1, 0);

  /* An edit shows after a refresh too. */
  {
    g_autoptr(EscalePerson) person = escale_store_load_person (f->store, f->ids[5], NULL);
    g_autoptr(GError) error = NULL;

    escale_person_set (person, ESCALE_FIELD_GIVEN_NAMES, "Renamed");
    g_assert_true (escale_store_save_person (f->store, person, &error));
    g_assert_no_error (error);
    escale_person_list_refresh (f->list);
    {
      g_autoptr(EscalePersonSummary) summary = item (f, 6);
      g_assert_cmpstr (escale_person_summary_get_given_names (summary), ==, "Renamed");
    }
  }

  /* A person deleted since the last refresh still has an item, so positions hold. */
  g_assert_true (escale_store_delete_person (f->store, f->ids[500], NULL));
  {
    g_autoptr(EscalePersonSummary) gone = item (f, 501);
    g_assert_cmpint (escale_person_summary_get_id (gone), ==, f->ids[500]);
    g_assert_null (escale_person_summary_get_family_name (gone));
  }
  g_array_set_size (f->changes, 0);
  escale_person_list_refresh (f->list);
  assert_one_change (f, N_PEOPLE + 1, N_PEOPLE);
}

static void
test_find (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_cmpint (escale_person_list_find (f->list, f->ids[0]), ==, 0);
  g_assert_cmpint (escale_person_list_find (f->list, f->ids[777]), ==, 777);
  g_assert_cmpint (escale_person_list_find (f->list, f->ids[N_PEOPLE - 1]), ==, N_PEOPLE - 1);
  g_assert_cmpint (escale_person_list_find (f->list, -1), ==, -1);
  g_assert_cmpint (escale_person_list_find (f->list, f->ids[N_PEOPLE - 1] + 1000), ==, -1);
  /* Finding does not load anything. */
  g_assert_cmpuint (escale_person_list_get_n_loaded_pages (f->list), ==, 0);

  escale_person_list_set_query (f->list, "person0777");
  g_assert_cmpint (escale_person_list_find (f->list, f->ids[777]), ==, 0);
  g_assert_cmpint (escale_person_list_find (f->list, f->ids[0]), ==, -1);
}

static void
test_empty_store (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  EscalePersonList *list = escale_person_list_new (store);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_cmpint (escale_person_list_find (list, 1), ==, -1);
  escale_person_list_refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_finalize_object (list);
}

/* Over a thousand matches: the first 1 024 come at once, the rest from a
 * worker thread, appended without touching the first ones. */
static void
test_rest_in_background (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(EscalePersonList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePersonSummary) first = NULL;
  g_autoptr(EscalePersonSummary) again = NULL;
  g_autoptr(EscalePersonSummary) last = NULL;
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));
  Fixture f = { .changes = changes };
  gint64 deadline;

  g_assert_true (escale_store_begin (store, &error));
  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *family = g_strdup_printf ("Many%04u", i);
      g_autoptr(EscalePerson) person = escale_test_person (family, "Test", NULL);

      g_assert_true (escale_store_save_person (store, person, &error));
    }
  g_assert_true (escale_store_commit (store, &error));

  list = escale_person_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1024);
  g_assert_false (escale_person_list_is_complete (list));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  f.list = list;
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &f);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!escale_person_list_is_complete (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (escale_person_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1500);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 1024);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 476);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (escale_person_summary_get_id (again), ==, escale_person_summary_get_id (first));
  last = g_list_model_get_item (G_LIST_MODEL (list), 1499);
  g_assert_cmpstr (escale_person_summary_get_family_name (last), ==, "Many1499");

  /* A new query while the rest is searched: the stale rest never lands. */
  escale_person_list_refresh (list);
  escale_person_list_set_query (list, "Many14");
  while (!escale_person_list_is_complete (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_array_unref (changes);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/person-list/items", test_items);
  ADD ("/person-list/summary", test_summary);
  ADD ("/person-list/lazy-pages", test_lazy_pages);
  ADD ("/person-list/query", test_query);
  ADD ("/person-list/filter", test_filter);
  ADD ("/person-list/refresh", test_refresh);
  ADD ("/person-list/find", test_find);
  g_test_add_func ("/person-list/empty-store", test_empty_store);
  g_test_add_func ("/person-list/rest-in-background", test_rest_in_background);

#undef ADD

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
