/* escale-person-list.c — a lazy list of people, for list views
 *
 * The list holds only the ids of the people found, in order (eight bytes a
 * person). The objects handed to views are built a page at a time, when a
 * view asks for an item, and only a few pages are kept: scrolling through
 * 100 000 people never builds 100 000 objects.
 *
 * A search first fetches its best FIRST_BATCH ids, which costs the same
 * whatever the size of the database; when there may be more, the complete
 * ranking is computed in a worker thread on its own connection and the
 * rest is appended when it arrives. Typing on never waits for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-account.h"
#include "escale-person-list.h"
#include "escale-util.h"
#include "escale-page-cache.h"
#include "escale-store-private.h"

#define PAGE_SIZE ESCALE_PAGE_SIZE
#define MAX_PAGES 16
#define FIRST_BATCH (PAGE_SIZE * 16)

struct _EscalePersonSummary
{
  GObject  parent_instance;

  gint64   id;
  char    *file_number;
  char    *family_name;
  char    *given_names;
  char    *birth_date;
  char    *birth_precision;
  char    *status;
  gboolean closed;
};

G_DEFINE_FINAL_TYPE (EscalePersonSummary, escale_person_summary, G_TYPE_OBJECT)

static void
escale_person_summary_finalize (GObject *object)
{
  EscalePersonSummary *self = (EscalePersonSummary *) object;

  g_free (self->file_number);
  g_free (self->family_name);
  g_free (self->given_names);
  g_free (self->birth_date);
  g_free (self->birth_precision);
  g_free (self->status);

  G_OBJECT_CLASS (escale_person_summary_parent_class)->finalize (object);
}

static void
escale_person_summary_class_init (EscalePersonSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_person_summary_finalize;
}

static void
escale_person_summary_init (G_GNUC_UNUSED EscalePersonSummary *self)
{
}

gint64
escale_person_summary_get_id (EscalePersonSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (self), 0);
  return self->id;
}

const char *
escale_person_summary_get_file_number (EscalePersonSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (self), NULL);
  return self->file_number;
}

const char *
escale_person_summary_get_family_name (EscalePersonSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (self), NULL);
  return self->family_name;
}

const char *
escale_person_summary_get_given_names (EscalePersonSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (self), NULL);
  return self->given_names;
}

const char *
escale_person_summary_get_birth_date (EscalePersonSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (self), NULL);
  return self->birth_date;
}

const char *
escale_person_summary_get_birth_precision (EscalePersonSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (self), NULL);
  return self->birth_precision;
}

const char *
escale_person_summary_get_status (EscalePersonSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (self), NULL);
  return self->status;
}

gboolean
escale_person_summary_get_closed (EscalePersonSummary *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (self), FALSE);
  return self->closed;
}

struct _EscalePersonList
{
  GObject             parent_instance;

  EscaleStore        *store;
  char               *query;
  EscalePersonFilter *filter;
  GArray             *ids;     /* gint64, in display order */
  EscalePageCache     pages;
  GCancellable       *rest;    /* the search of the rest, while it runs */
};

typedef struct
{
  EscaleStoreAccess  *access;   /* the worker searches as the same account */
  char               *query;
  EscalePersonFilter *filter;
} RestSearch;

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void escale_person_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscalePersonList, escale_person_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      escale_person_list_model_init))

static EscalePersonSummary *
summary_from_row (sqlite3_stmt *stmt)
{
  EscalePersonSummary *summary = g_object_new (ESCALE_TYPE_PERSON_SUMMARY, NULL);

  summary->id = sqlite3_column_int64 (stmt, 0);
  summary->file_number = escale_column_dup (stmt, 1);
  summary->family_name = escale_column_dup (stmt, 2);
  summary->given_names = escale_column_dup (stmt, 3);
  summary->birth_date = escale_column_dup (stmt, 4);
  summary->birth_precision = escale_column_dup (stmt, 5);
  summary->closed = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  summary->status = escale_column_dup (stmt, 7);
  return summary;
}

/**
 * escale_store_load_summaries:
 * @ids: (array length=n_ids): people's ids
 *
 * Returns: (transfer full) (element-type EscalePersonSummary): one summary
 *   per id, in the same order; a person deleted meanwhile gets an empty
 *   one, so that positions hold
 */
GPtrArray *
escale_store_load_summaries (EscaleStore  *store,
                             const gint64 *ids,
                             guint         n_ids)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       g_object_unref);
  g_autoptr(GString) json = g_string_new ("[");
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  /* No GError here: for a role that may not list people, empty summaries. */
  if (escale_store_require (store, ESCALE_OP_LIST_PEOPLE, NULL))
    stmt = escale_store_cached (store,
                                "SELECT p.id, p.file_number, p.family_name, p.given_names, "
                                "p.birth_date, p.birth_precision, p.closed_on, c.status "
                                "FROM person p LEFT JOIN person_current c "
                                "ON c.person_id = p.id "
                                "WHERE p.id IN (SELECT value FROM json_each (?))", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, json->str, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          EscalePersonSummary *summary = summary_from_row (stmt);
          g_hash_table_insert (by_id, &summary->id, summary);
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < n_ids; i++)
    {
      EscalePersonSummary *summary = g_hash_table_lookup (by_id, &ids[i]);

      if (summary != NULL)
        g_ptr_array_add (items, g_object_ref (summary));
      else
        {
          summary = g_object_new (ESCALE_TYPE_PERSON_SUMMARY, NULL);
          summary->id = ids[i];
          g_ptr_array_add (items, summary);
        }
    }
  return items;
}

static GPtrArray *
load_page (gpointer owner,
           guint    page)
{
  EscalePersonList *self = owner;
  guint first = page * PAGE_SIZE;

  return escale_store_load_summaries (self->store, &g_array_index (self->ids, gint64, first),
                                      MIN (PAGE_SIZE, self->ids->len - first));
}

static GType
escale_person_list_get_item_type (G_GNUC_UNUSED GListModel *model)
{
  return ESCALE_TYPE_PERSON_SUMMARY;
}

static guint
escale_person_list_get_n_items (GListModel *model)
{
  return ESCALE_PERSON_LIST (model)->ids->len;
}

static gpointer
escale_person_list_get_item (GListModel *model,
                             guint       position)
{
  EscalePersonList *self = ESCALE_PERSON_LIST (model);

  if (position >= self->ids->len)
    return NULL;
  return escale_page_cache_get (&self->pages, position, load_page, self);
}

static void
escale_person_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = escale_person_list_get_item_type;
  iface->get_n_items = escale_person_list_get_n_items;
  iface->get_item = escale_person_list_get_item;
}

static void
rest_search_free (RestSearch *search)
{
  g_clear_pointer (&search->access, escale_store_access_free);
  g_free (search->query);
  escale_person_filter_free (search->filter);
  g_free (search);
}

static void
search_rest_thread (GTask        *task,
                    G_GNUC_UNUSED gpointer source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  RestSearch *search = task_data;
  g_autoptr(EscaleStore) reader = NULL;
  GError *error = NULL;
  GArray *ids = NULL;

  reader = escale_store_access_open (search->access, &error);
  if (reader != NULL)
    {
      /* A short-lived reader: a small cache keeps memory flat. */
      escale_store_exec (reader, "PRAGMA cache_size = -1000", NULL);
      escale_store_set_cancellable (reader, cancellable);
      ids = escale_store_search_people (reader, search->query, search->filter, 0, &error);
    }
  if (ids != NULL)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
}

static gboolean
starts_with (GArray *ids,
             GArray *prefix)
{
  return ids->len >= prefix->len &&
         memcmp (ids->data, prefix->data, prefix->len * sizeof (gint64)) == 0;
}

static void
on_rest_found (GObject      *source,
               GAsyncResult *result,
               G_GNUC_UNUSED gpointer user_data)
{
  EscalePersonList *self = ESCALE_PERSON_LIST (source);
  g_autoptr(GError) error = NULL;
  GArray *ids = g_task_propagate_pointer (G_TASK (result), &error);
  guint before;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&ids, g_array_unref);
      return;
    }
  if (ids == NULL)
    {
      g_warning ("Cannot list every match: %s", error->message);
      g_clear_object (&self->rest);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->rest)
    {
      g_array_unref (ids);
      return;
    }
  g_clear_object (&self->rest);
  before = self->ids->len;
  if (starts_with (ids, self->ids))
    {
      /* The usual case: the first ids are the same, only the tail is new. */
      g_array_unref (self->ids);
      self->ids = ids;
      escale_page_cache_forget (&self->pages, before);
      if (ids->len > before)
        g_list_model_items_changed (G_LIST_MODEL (self), before, 0, ids->len - before);
    }
  else
    {
      /* The database changed meanwhile (another program wrote to it). */
      g_array_unref (self->ids);
      self->ids = ids;
      escale_page_cache_drop_all (&self->pages);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, before, ids->len);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
search_rest (EscalePersonList *self)
{
  g_autoptr(GTask) task = NULL;
  RestSearch *search = g_new0 (RestSearch, 1);

  search->access = escale_store_access_new (self->store);
  search->query = g_strdup (self->query);
  search->filter = escale_person_filter_copy (self->filter);
  self->rest = g_cancellable_new ();
  task = g_task_new (self, self->rest, on_rest_found, NULL);
  g_task_set_source_tag (task, search_rest);
  g_task_set_task_data (task, search, (GDestroyNotify) rest_search_free);
  g_task_run_in_thread (task, search_rest_thread);
}

static void
cancel_rest (EscalePersonList *self)
{
  if (self->rest == NULL)
    return;
  g_cancellable_cancel (self->rest);
  g_clear_object (&self->rest);
}

static void
escale_person_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EscalePersonList *self = ESCALE_PERSON_LIST (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, escale_person_list_is_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_person_list_dispose (GObject *object)
{
  cancel_rest (ESCALE_PERSON_LIST (object));

  G_OBJECT_CLASS (escale_person_list_parent_class)->dispose (object);
}

static void
escale_person_list_finalize (GObject *object)
{
  EscalePersonList *self = (EscalePersonList *) object;

  g_clear_object (&self->store);
  g_free (self->query);
  escale_person_filter_free (self->filter);
  g_array_unref (self->ids);
  escale_page_cache_clear (&self->pages);

  G_OBJECT_CLASS (escale_person_list_parent_class)->finalize (object);
}

static void
escale_person_list_class_init (EscalePersonListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_person_list_dispose;
  object_class->finalize = escale_person_list_finalize;
  object_class->get_property = escale_person_list_get_property;

  /**
   * EscalePersonList:complete:
   *
   * Whether every match is in the list, or the rest is still being searched.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_person_list_init (EscalePersonList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter = escale_person_filter_copy (NULL);
  escale_page_cache_init (&self->pages, MAX_PAGES);
}

EscalePersonList *
escale_person_list_new (EscaleStore *store)
{
  EscalePersonList *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_PERSON_LIST, NULL);
  self->store = g_object_ref (store);
  escale_person_list_refresh (self);
  return self;
}

/**
 * escale_person_list_refresh:
 *
 * Runs the query again, after a change to the people. Views are told that
 * every item changed.
 */
void
escale_person_list_refresh (EscalePersonList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;
  guint removed;

  g_return_if_fail (ESCALE_IS_PERSON_LIST (self));

  cancel_rest (self);
  /* A role that may not list people gets an empty list, not a warning. */
  if (!escale_store_require (self->store, ESCALE_OP_LIST_PEOPLE, NULL))
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  else
    ids = escale_store_search_people (self->store, self->query, self->filter, FIRST_BATCH,
                                      &error);
  if (ids == NULL)
    {
      g_warning ("Cannot list people: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = ids;
  escale_page_cache_drop_all (&self->pages);
  if (ids->len == FIRST_BATCH)
    search_rest (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, ids->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

gboolean
escale_person_list_is_complete (EscalePersonList *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_LIST (self), TRUE);
  return self->rest == NULL;
}

void
escale_person_list_set_query (EscalePersonList *self,
                              const char       *query)
{
  g_return_if_fail (ESCALE_IS_PERSON_LIST (self));

  if (escale_set_str (&self->query, query))
    escale_person_list_refresh (self);
}

const char *
escale_person_list_get_query (EscalePersonList *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_LIST (self), NULL);
  return self->query;
}

void
escale_person_list_set_filter (EscalePersonList         *self,
                               const EscalePersonFilter *filter)
{
  g_return_if_fail (ESCALE_IS_PERSON_LIST (self));

  if (escale_person_filter_equal (self->filter, filter))
    return;
  escale_person_filter_free (self->filter);
  self->filter = escale_person_filter_copy (filter);
  escale_person_list_refresh (self);
}

/**
 * escale_person_list_find:
 *
 * Returns: the position of the person @id, or -1
 */
int
escale_person_list_find (EscalePersonList *self,
                         gint64            id)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_LIST (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}

guint
escale_person_list_get_n_loaded_pages (EscalePersonList *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_LIST (self), 0);
  return escale_page_cache_get_n_pages (&self->pages);
}
