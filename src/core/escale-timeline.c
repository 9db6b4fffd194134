/* escale-timeline.c — the lazy list of a person's follow-up timeline
 *
 * The model keeps one small entry per row (sixteen bytes: the id, the date
 * and time as numbers, the kind): the planned actions first, earliest due
 * first, then everything else newest first with a header before each month.
 * The objects handed to views are built a page at a time and only a few
 * pages are kept, as in escale-person-list.c. Editing one action re-reads
 * that action only and tells views about the rows that moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-account.h"
#include "escale-page-cache.h"
#include "escale-timeline.h"
#include "escale-store-private.h"
#include "escale-util.h"

#define PAGE_SIZE ESCALE_PAGE_SIZE
#define MAX_PAGES 8

/* Theme codes are joined with the unit separator in SQL. */
#define THEME_SEPARATOR "\x1f"

struct _EscaleTimelineItem
{
  GObject             parent_instance;

  EscaleTimelineKind  kind;
  gint64              id;
  char               *date;
  char               *time;
  char               *scope;
  char               *type;
  GStrv               themes;
  char               *status;
  gint64              duration;
  char               *worker;
  char               *programme;
  char               *partner;
  gint64              partner_id;
  char               *referral_outcome;
  gint64              referral_id;
  char               *referral_state;
  char               *refusal_reason;
  char               *notes;
  char               *next_step;
  char               *next_step_due;
  gint64              amount;
  char               *document;
  char               *document_expiry;
  gboolean            pinned;
  gboolean            overdue;
};

G_DEFINE_FINAL_TYPE (EscaleTimelineItem, escale_timeline_item, G_TYPE_OBJECT)

static void
escale_timeline_item_finalize (GObject *object)
{
  EscaleTimelineItem *self = (EscaleTimelineItem *) object;

  g_free (self->date);
  g_free (self->time);
  g_free (self->scope);
  g_free (self->type);
  g_strfreev (self->themes);
  g_free (self->status);
  g_free (self->worker);
  g_free (self->programme);
  g_free (self->partner);
  g_free (self->referral_outcome);
  g_free (self->referral_state);
  g_free (self->refusal_reason);
  g_free (self->notes);
  g_free (self->next_step);
  g_free (self->next_step_due);
  g_free (self->document);
  g_free (self->document_expiry);

  G_OBJECT_CLASS (escale_timeline_item_parent_class)->finalize (object);
}

static void
escale_timeline_item_class_init (EscaleTimelineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_timeline_item_finalize;
}

static void
escale_timeline_item_init (EscaleTimelineItem *self)
{
  self->duration = -1;
  self->amount = -1;
  self->themes = g_new0 (char *, 1);
}

#define ITEM_GETTER(ctype, name, field, fallback) \
  ctype \
  escale_timeline_item_get_##name (EscaleTimelineItem *self) \
  { \
    g_return_val_if_fail (ESCALE_IS_TIMELINE_ITEM (self), fallback); \
    return self->field; \
  }

ITEM_GETTER (EscaleTimelineKind, kind, kind, ESCALE_TIMELINE_ACTION)
ITEM_GETTER (gint64, id, id, 0)
ITEM_GETTER (const char *, date, date, NULL)
ITEM_GETTER (const char *, time, time, NULL)
ITEM_GETTER (const char *, scope, scope, NULL)
ITEM_GETTER (const char *, action_type, type, NULL)
ITEM_GETTER (const char *, status, status, NULL)
ITEM_GETTER (gint64, duration, duration, -1)
ITEM_GETTER (const char *, worker, worker, NULL)
ITEM_GETTER (const char *, programme, programme, NULL)
ITEM_GETTER (const char *, partner, partner, NULL)
ITEM_GETTER (gint64, partner_id, partner_id, 0)
ITEM_GETTER (const char *, referral_outcome, referral_outcome, NULL)
ITEM_GETTER (gint64, referral_id, referral_id, 0)
ITEM_GETTER (const char *, referral_state, referral_state, NULL)
ITEM_GETTER (const char *, refusal_reason, refusal_reason, NULL)
ITEM_GETTER (const char *, notes, notes, NULL)
ITEM_GETTER (const char *, next_step, next_step, NULL)
ITEM_GETTER (const char *, next_step_due, next_step_due, NULL)
ITEM_GETTER (gint64, amount, amount, -1)
ITEM_GETTER (const char *, document, document, NULL)
ITEM_GETTER (const char *, document_expiry, document_expiry, NULL)
ITEM_GETTER (gboolean, pinned, pinned, FALSE)
ITEM_GETTER (gboolean, overdue, overdue, FALSE)

const char * const *
escale_timeline_item_get_themes (EscaleTimelineItem *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE_ITEM (self), NULL);
  return (const char * const *) self->themes;
}

/* One row of the model. Dates are YYYYMMDD numbers, times minutes or -1. */
typedef struct
{
  gint64  id;
  gint32  date;
  gint16  time;
  guint8  kind;
  guint8  pinned;
} Entry;

struct _EscaleTimeline
{
  GObject      parent_instance;

  EscaleStore *store;
  gint64       person_id;
  gint32       today;
  char        *theme;
  char        *type;
  gint64       programme_id;
  GArray      *entries;  /* Entry, in display order */
  EscalePageCache     pages;
};

static void escale_timeline_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleTimeline, escale_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      escale_timeline_model_init))

/* YYYY-MM-DD (or a prefix of it) as YYYYMMDD; 0 for none. */
static gint32
date_key (const char *iso)
{
  gint32 parts[3] = { 0, 0, 0 };

  if (iso == NULL || strlen (iso) < 4)
    return 0;
  parts[0] = (gint32) g_ascii_strtoll (iso, NULL, 10);
  if (strlen (iso) >= 7)
    parts[1] = (gint32) g_ascii_strtoll (iso + 5, NULL, 10);
  if (strlen (iso) >= 10)
    parts[2] = (gint32) g_ascii_strtoll (iso + 8, NULL, 10);
  return parts[0] * 10000 + parts[1] * 100 + parts[2];
}

static gint16
time_key (const char *hh_mm)
{
  if (hh_mm == NULL || strlen (hh_mm) < 5)
    return -1;
  return (gint16) (g_ascii_strtoll (hh_mm, NULL, 10) * 60 + g_ascii_strtoll (hh_mm + 3, NULL, 10));
}

static int
compare_values (gint64 a,
                gint64 b)
{
  return (a > b) - (a < b);
}

/* Pinned entries first, earliest first; then the rest newest first. */
static int
compare_entries (gconstpointer pa,
                 gconstpointer pb)
{
  const Entry *a = pa;
  const Entry *b = pb;
  int order;

  if (a->pinned != b->pinned)
    return a->pinned ? -1 : 1;
  order = compare_values (a->date, b->date);
  if (order == 0)
    order = compare_values (a->time, b->time);
  if (order == 0)
    order = compare_values (b->kind, a->kind);
  if (order == 0)
    order = compare_values (a->id, b->id);
  return a->pinned ? order : -order;
}

static gboolean
entry_equal (const Entry *a,
             const Entry *b)
{
  return a->id == b->id && a->date == b->date && a->time == b->time &&
         a->kind == b->kind && a->pinned == b->pinned;
}

#define TIMELINE_ACTIONS \
  "SELECT a.id, a.date, a.time, a.status = 'planned' FROM action a " \
  "WHERE a.id IN (SELECT id FROM action WHERE person_id = ?1 " \
  "  UNION SELECT h.id FROM action h " \
  "    JOIN household_member m ON m.household_id = h.household_id WHERE m.person_id = ?1 " \
  "  UNION SELECT action_id FROM action_participant WHERE person_id = ?1) " \
  "AND (?2 IS NULL OR a.type = ?2) " \
  "AND (?3 IS NULL OR a.programme_id = ?3) " \
  "AND (?4 IS NULL OR EXISTS (SELECT 1 FROM action_theme t " \
  "  WHERE t.action_id = a.id AND t.theme = ?4)) " \
  "AND (?5 IS NULL OR a.id = ?5)"

/* Appends the actions of the timeline (or only @action_id when it is not 0)
 * that pass the filters and that the role may see, unsorted and without
 * headers. A role that may not read timelines gets an empty one. */
static void
collect_actions (EscaleTimeline *self,
                 gint64          action_id,
                 GArray         *rows)
{
  sqlite3_stmt *stmt;

  if (!escale_store_require (self->store, ESCALE_OP_READ_ACTIONS, NULL) ||
      !(stmt = escale_store_cached_for_role (self->store, TIMELINE_ACTIONS,
                                             TIMELINE_ACTIONS " AND" ESCALE_SQL_ACTION_VISIBLE,
                                             NULL)))
    return;
  sqlite3_bind_int64 (stmt, 1, self->person_id);
  escale_bind_text (stmt, 2, self->type);
  if (self->programme_id > 0)
    sqlite3_bind_int64 (stmt, 3, self->programme_id);
  else
    sqlite3_bind_null (stmt, 3);
  escale_bind_text (stmt, 4, self->theme);
  if (action_id > 0)
    sqlite3_bind_int64 (stmt, 5, action_id);
  else
    sqlite3_bind_null (stmt, 5);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Entry entry = {
        .id = sqlite3_column_int64 (stmt, 0),
        .date = date_key ((const char *) sqlite3_column_text (stmt, 1)),
        .time = time_key ((const char *) sqlite3_column_text (stmt, 2)),
        .kind = ESCALE_TIMELINE_ACTION,
        .pinned = sqlite3_column_int (stmt, 3) != 0,
      };
      g_array_append_val (rows, entry);
    }
  sqlite3_reset (stmt);
}

static void
append_dated (GArray             *rows,
              gint64              id,
              const char         *date,
              EscaleTimelineKind  kind)
{
  Entry entry = { .id = id, .date = date_key (date), .time = -1, .kind = kind };

  if (entry.date != 0)
    g_array_append_val (rows, entry);
}

/* Status changes and document expiries: shown only without filters, which
 * are about actions. */
static void
collect_status_periods (EscaleTimeline *self,
                        GArray         *rows)
{
  sqlite3_stmt *stmt;

  if (self->theme != NULL || self->type != NULL || self->programme_id > 0 ||
      !escale_store_require (self->store, ESCALE_OP_READ_ACTIONS, NULL))
    return;
  stmt = escale_store_cached (self->store,
                              "SELECT id, started_on, document_expiry FROM status_period "
                              "WHERE person_id = ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, self->person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      append_dated (rows, id, (const char *) sqlite3_column_text (stmt, 1),
                    ESCALE_TIMELINE_STATUS_CHANGE);
      append_dated (rows, id, (const char *) sqlite3_column_text (stmt, 2),
                    ESCALE_TIMELINE_DOCUMENT_EXPIRY);
    }
  sqlite3_reset (stmt);
}

/* Sorts @rows and returns the display entries, with month headers. */
static GArray *
layout_entries (GArray *rows)
{
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), rows->len + rows->len / 8);
  gint32 month = -1;

  g_array_sort (rows, compare_entries);
  for (guint i = 0; i < rows->len; i++)
    {
      const Entry *row = &g_array_index (rows, Entry, i);

      if (!row->pinned && row->date / 100 != month)
        {
          Entry header = { .date = row->date / 100 * 100, .time = -1,
                           .kind = ESCALE_TIMELINE_MONTH };

          month = row->date / 100;
          g_array_append_val (entries, header);
        }
      g_array_append_val (entries, *row);
    }
  return entries;
}

static char *
iso_of_key (gint32 key)
{
  if (key % 100 == 0)
    return g_strdup_printf ("%04d-%02d", key / 10000, key / 100 % 100);
  return g_strdup_printf ("%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
}

static char *
ids_json (const Entry *entries,
          guint        n_entries,
          gboolean     actions)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_entries; i++)
    {
      gboolean is_action = entries[i].kind == ESCALE_TIMELINE_ACTION;

      if (entries[i].kind != ESCALE_TIMELINE_MONTH && is_action == actions)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT,
                                json->len > 1 ? "," : "", entries[i].id);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gint64
column_int_or (sqlite3_stmt *stmt,
               int           column,
               gint64        fallback)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (stmt, column);
}

static EscaleTimelineItem *
action_from_row (sqlite3_stmt *stmt)
{
  EscaleTimelineItem *item = g_object_new (ESCALE_TYPE_TIMELINE_ITEM, NULL);
  const char *themes = (const char *) sqlite3_column_text (stmt, 14);

  item->kind = ESCALE_TIMELINE_ACTION;
  item->id = sqlite3_column_int64 (stmt, 0);
  item->date = escale_column_dup (stmt, 1);
  item->time = escale_column_dup (stmt, 2);
  item->type = escale_column_dup (stmt, 3);
  item->status = escale_column_dup (stmt, 4);
  item->duration = column_int_or (stmt, 5, -1);
  item->worker = escale_column_dup (stmt, 6);
  item->programme = escale_column_dup (stmt, 7);
  item->partner = escale_column_dup (stmt, 8);
  item->notes = escale_column_dup (stmt, 9);
  item->next_step = escale_column_dup (stmt, 10);
  item->next_step_due = escale_column_dup (stmt, 11);
  item->amount = column_int_or (stmt, 12, -1);
  item->scope = escale_column_dup (stmt, 13);
  item->referral_outcome = escale_column_dup (stmt, 15);
  item->referral_id = column_int_or (stmt, 16, 0);
  item->referral_state = escale_column_dup (stmt, 17);
  item->refusal_reason = escale_column_dup (stmt, 18);
  item->partner_id = column_int_or (stmt, 19, 0);
  if (themes != NULL && *themes != '\0')
    {
      g_strfreev (item->themes);
      item->themes = g_strsplit (themes, THEME_SEPARATOR, -1);
    }
  return item;
}

static EscaleTimelineItem *
period_from_row (sqlite3_stmt *stmt)
{
  EscaleTimelineItem *item = g_object_new (ESCALE_TYPE_TIMELINE_ITEM, NULL);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->status = escale_column_dup (stmt, 1);
  item->date = escale_column_dup (stmt, 2);
  item->document = escale_column_dup (stmt, 3);
  item->document_expiry = escale_column_dup (stmt, 4);
  return item;
}

/* Runs @sql on the ids of @json, filling @by_id with the items built. */
static void
load_items (EscaleTimeline     *self,
            const char         *sql,
            const char         *json,
            EscaleTimelineItem *(*from_row) (sqlite3_stmt *),
            GHashTable         *by_id)
{
  sqlite3_stmt *stmt = escale_store_cached (self->store, sql, NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EscaleTimelineItem *item = from_row (stmt);

      g_hash_table_insert (by_id, &item->id, item);
    }
  sqlite3_reset (stmt);
}

static EscaleTimelineItem *
period_item (GHashTable  *periods,
             const Entry *entry)
{
  EscaleTimelineItem *period = g_hash_table_lookup (periods, &entry->id);
  EscaleTimelineItem *item = g_object_new (ESCALE_TYPE_TIMELINE_ITEM, NULL);

  item->kind = entry->kind;
  item->id = entry->id;
  if (period != NULL)
    {
      item->status = g_strdup (period->status);
      item->document = g_strdup (period->document);
      item->document_expiry = g_strdup (period->document_expiry);
      item->date = g_strdup (entry->kind == ESCALE_TIMELINE_DOCUMENT_EXPIRY
                             ? period->document_expiry : period->date);
    }
  return item;
}

static EscaleTimelineItem *
entry_item (EscaleTimeline *self,
            GHashTable     *actions,
            GHashTable     *periods,
            const Entry    *entry)
{
  EscaleTimelineItem *item;

  switch (entry->kind)
    {
    case ESCALE_TIMELINE_ACTION:
      item = g_hash_table_lookup (actions, &entry->id);
      if (item == NULL)   /* deleted meanwhile: an empty row keeps positions */
        {
          item = g_object_new (ESCALE_TYPE_TIMELINE_ITEM, NULL);
          item->id = entry->id;
          return item;
        }
      item = g_object_ref (item);
      item->pinned = entry->pinned;
      item->overdue = entry->pinned && entry->date < self->today;
      return item;
    case ESCALE_TIMELINE_MONTH:
      item = g_object_new (ESCALE_TYPE_TIMELINE_ITEM, NULL);
      item->kind = ESCALE_TIMELINE_MONTH;
      item->date = iso_of_key (entry->date);
      return item;
    default:
      return period_item (periods, entry);
    }
}

/* Blanks the notes the role may not read (see escale-account.h). */
static void
hide_notes (EscaleTimeline *self,
            GHashTable     *actions)
{
  GHashTableIter iter;
  EscaleTimelineItem *item;

  g_hash_table_iter_init (&iter, actions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &item))
    if (!escale_store_may_see_action_notes (self->store, (const char * const *) item->themes))
      g_clear_pointer (&item->notes, g_free);
}

/* Reads the actions and status periods of @entries into @actions and
 * @periods, by id. */
static void
read_entries (EscaleTimeline *self,
              const Entry    *entries,
              guint           n,
              GHashTable     *actions,
              GHashTable     *periods)
{
  g_autofree char *action_ids = ids_json (entries, n, TRUE);
  g_autofree char *period_ids = ids_json (entries, n, FALSE);

  load_items (self,
              "SELECT a.id, a.date, a.time, a.type, a.status, a.duration_minutes, a.worker, "
              "p.name, coalesce (pa.name, a.partner), a.notes, a.next_step, a.next_step_due, a.amount_cents, "
              "a.scope, (SELECT group_concat (theme, '" THEME_SEPARATOR "') FROM "
              "  (SELECT theme FROM action_theme WHERE action_id = a.id ORDER BY theme)), "
              "a.referral_outcome, r.id, r.state, r.refusal_reason, pa.id "
              "FROM action a LEFT JOIN programme p ON p.id = a.programme_id "
              "LEFT JOIN partner pa ON pa.id = a.partner_id "
              "LEFT JOIN referral r ON r.action_id = a.id "
              "WHERE a.id IN (SELECT value FROM json_each (?))",
              action_ids, action_from_row, actions);
  hide_notes (self, actions);
  if (strcmp (period_ids, "[]") != 0)
    load_items (self,
                "SELECT id, status, started_on, document, document_expiry FROM status_period "
                "WHERE id IN (SELECT value FROM json_each (?))",
                period_ids, period_from_row, periods);
}

static GPtrArray *
load_page (gpointer owner,
           guint    page)
{
  EscaleTimeline *self = owner;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->entries->len - first);
  const Entry *entries = &g_array_index (self->entries, Entry, first);
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         g_object_unref);
  g_autoptr(GHashTable) periods = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         g_object_unref);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  /* Logged out since the list was made: empty rows keep the positions. */
  if (escale_store_require (self->store, ESCALE_OP_READ_ACTIONS, NULL))
    read_entries (self, entries, n, actions, periods);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, entry_item (self, actions, periods, &entries[i]));
  return items;
}

static GType
escale_timeline_get_item_type (G_GNUC_UNUSED GListModel *model)
{
  return ESCALE_TYPE_TIMELINE_ITEM;
}

static guint
escale_timeline_get_n_items (GListModel *model)
{
  return ESCALE_TIMELINE (model)->entries->len;
}

static gpointer
escale_timeline_get_item (GListModel *model,
                          guint       position)
{
  EscaleTimeline *self = ESCALE_TIMELINE (model);

  if (position >= self->entries->len)
    return NULL;
  return escale_page_cache_get (&self->pages, position, load_page, self);
}

static void
escale_timeline_model_init (GListModelInterface *iface)
{
  iface->get_item_type = escale_timeline_get_item_type;
  iface->get_n_items = escale_timeline_get_n_items;
  iface->get_item = escale_timeline_get_item;
}

static void
escale_timeline_finalize (GObject *object)
{
  EscaleTimeline *self = (EscaleTimeline *) object;

  g_clear_object (&self->store);
  g_free (self->theme);
  g_free (self->type);
  g_array_unref (self->entries);
  escale_page_cache_clear (&self->pages);

  G_OBJECT_CLASS (escale_timeline_parent_class)->finalize (object);
}

static void
escale_timeline_class_init (EscaleTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_timeline_finalize;
}

static void
escale_timeline_init (EscaleTimeline *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  escale_page_cache_init (&self->pages, MAX_PAGES);
}

static gint32
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now) * 10000 + g_date_time_get_month (now) * 100 +
         g_date_time_get_day_of_month (now);
}

EscaleTimeline *
escale_timeline_new (EscaleStore *store,
                     gint64       person_id,
                     const char  *today)
{
  EscaleTimeline *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_TIMELINE, NULL);
  self->store = g_object_ref (store);
  self->person_id = person_id;
  self->today = today != NULL ? date_key (today) : local_today ();
  escale_timeline_refresh (self);
  return self;
}

gint64
escale_timeline_get_person_id (EscaleTimeline *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE (self), 0);
  return self->person_id;
}

/**
 * escale_timeline_refresh:
 *
 * Reads the whole timeline again. Views are told that every item changed.
 */
void
escale_timeline_refresh (EscaleTimeline *self)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint removed;

  g_return_if_fail (ESCALE_IS_TIMELINE (self));

  collect_actions (self, 0, rows);
  collect_status_periods (self, rows);
  removed = self->entries->len;
  g_array_unref (self->entries);
  self->entries = layout_entries (rows);
  escale_page_cache_drop_all (&self->pages);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->entries->len);
}

/**
 * escale_timeline_set_today:
 * @today: YYYY-MM-DD, or NULL for the local date of today
 *
 * Sets the day before which planned actions are overdue, for example after
 * midnight.
 */
void
escale_timeline_set_today (EscaleTimeline *self,
                           const char     *today)
{
  gint32 key;

  g_return_if_fail (ESCALE_IS_TIMELINE (self));

  key = today != NULL ? date_key (today) : local_today ();
  if (key == self->today)
    return;
  self->today = key;
  escale_timeline_refresh (self);
}

void
escale_timeline_set_theme (EscaleTimeline *self,
                           const char     *theme)
{
  g_return_if_fail (ESCALE_IS_TIMELINE (self));

  if (escale_set_str (&self->theme, theme && *theme ? theme : NULL))
    escale_timeline_refresh (self);
}

void
escale_timeline_set_type (EscaleTimeline *self,
                          const char     *type)
{
  g_return_if_fail (ESCALE_IS_TIMELINE (self));

  if (escale_set_str (&self->type, type && *type ? type : NULL))
    escale_timeline_refresh (self);
}

void
escale_timeline_set_programme (EscaleTimeline *self,
                               gint64          programme_id)
{
  g_return_if_fail (ESCALE_IS_TIMELINE (self));

  if (programme_id == self->programme_id)
    return;
  self->programme_id = programme_id;
  escale_timeline_refresh (self);
}

static gboolean
is_action (const Entry *entry,
           gint64       action_id)
{
  return entry->kind == ESCALE_TIMELINE_ACTION && entry->id == action_id;
}

/* Whether row @i is the same in both layouts; the edited action never is,
 * so that views read it again. */
static gboolean
same_row (GArray *before,
          guint   i,
          GArray *after,
          guint   j,
          gint64  action_id)
{
  const Entry *a = &g_array_index (before, Entry, i);
  const Entry *b = &g_array_index (after, Entry, j);

  return entry_equal (a, b) && !is_action (a, action_id);
}

/**
 * escale_timeline_update_action:
 * @action_id: an action that was added, edited or deleted
 *
 * Reads that one action again and moves, adds or removes its row (and the
 * month headers that come or go with it). Views are told only about the
 * rows between the first and the last that changed: an edit that does not
 * move the action changes one row in place.
 */
void
escale_timeline_update_action (EscaleTimeline *self,
                               gint64          action_id)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Entry));
  GArray *before = self->entries;
  GArray *after;
  guint prefix = 0, suffix = 0;
  guint removed, added;

  g_return_if_fail (ESCALE_IS_TIMELINE (self));

  for (guint i = 0; i < before->len; i++)
    {
      const Entry *entry = &g_array_index (before, Entry, i);

      if (entry->kind != ESCALE_TIMELINE_MONTH && !is_action (entry, action_id))
        g_array_append_val (rows, *entry);
    }
  collect_actions (self, action_id, rows);
  after = layout_entries (rows);

  while (prefix < before->len && prefix < after->len &&
         same_row (before, prefix, after, prefix, action_id))
    prefix++;
  while (suffix < before->len - prefix && suffix < after->len - prefix &&
         same_row (before, before->len - 1 - suffix, after, after->len - 1 - suffix, action_id))
    suffix++;

  removed = before->len - prefix - suffix;
  added = after->len - prefix - suffix;
  self->entries = after;
  g_array_unref (before);
  escale_page_cache_drop_all (&self->pages);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

/**
 * escale_timeline_find_action:
 *
 * Returns: the position of the action @action_id, or -1
 */
int
escale_timeline_find_action (EscaleTimeline *self,
                             gint64          action_id)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE (self), -1);

  for (guint i = 0; i < self->entries->len; i++)
    if (is_action (&g_array_index (self->entries, Entry, i), action_id))
      return (int) i;
  return -1;
}

guint
escale_timeline_get_n_loaded_pages (EscaleTimeline *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE (self), 0);
  return escale_page_cache_get_n_pages (&self->pages);
}
