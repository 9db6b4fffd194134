/* test-ui-timeline.c — the follow-up timeline of a file, with real widgets
 *
 * A person with actions of several types and themes, a planned and an
 * overdue one, a status with a residence document: the view shows them in
 * order, marks a planned action done in one click without reading the
 * timeline again, filters, expands an entry; 1 000 actions open lazily.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "escale-action-store.h"
#include "escale-partner-store.h"
#include "escale-people-page.h"
#include "escale-person-view.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-timeline-row.h"
#include "escale-timeline-view.h"
#include "escale-ui-util.h"
#include "escale-window.h"

#define spin escale_test_spin

typedef struct
{
  EscaleStore        *store;
  GtkWindow          *window;
  EscaleTimelineView *view;
  gint64              person;
  gint64              interview;   /* done, 40 days ago, housing, with notes */
  gint64              call;        /* done, 10 days ago, health */
  gint64              referral;    /* done, 70 days ago, rights, in a programme */
  gint64              planned;     /* planned in 5 days */
  gint64              overdue;     /* planned 3 days ago */
  gint64              programme;
} Fixture;

/* Helpers */

/* Today plus @days, as YYYY-MM-DD. */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static gint64
add_action (Fixture    *fixture,
            const char *type,
            int         days,
            const char *status,
            const char *theme,
            const char *notes)
{
  g_autoptr(EscaleAction) action = escale_action_new ();
  g_autofree char *date = day_from_today (days);
  g_autoptr(GError) error = NULL;
  const char *themes[] = { theme, NULL };

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, fixture->person);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, "10:30");
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, type);
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, status);
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, "Claire Dubois");
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, notes);
  escale_action_set_int (action, ESCALE_ACTION_FIELD_DURATION, 45);
  escale_action_set_themes (action, themes);
  g_assert_true (escale_store_save_action (fixture->store, action, &error));
  g_assert_no_error (error);
  return escale_action_get_id (action);
}

/* The referral, in a programme and through a partner. */
static void
add_programme (Fixture *fixture)
{
  fixture->programme = escale_test_add_programme (fixture->store, "LOG", "Housing first");
  escale_test_exec_printf (fixture->store,
                           "UPDATE action SET programme_id = %" G_GINT64_FORMAT ", "
                           "partner = 'CADA', referral_outcome = 'accepted' "
                           "WHERE id = %" G_GINT64_FORMAT, fixture->programme, fixture->referral);
}

static void
add_status (Fixture *fixture)
{
  g_autofree char *started = day_from_today (-100);
  g_autofree char *expiry = day_from_today (20);

  escale_test_exec_printf (fixture->store,
                           "INSERT INTO status_period (person_id, status, started_on, document, "
                           "document_expiry) VALUES (%" G_GINT64_FORMAT ", 'refugee', '%s', "
                           "'Residence permit', '%s')", fixture->person, started, expiry);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  (void) data;
  fixture->store = escale_test_store_new ();
  fixture->person = escale_test_add_person (fixture->store, "Haddad", "Samir", NULL);
  fixture->interview = add_action (fixture, "interview", -40, "done", "housing",
                                   "Looked for a flat together");
  fixture->call = add_action (fixture, "phone_call", -10, "done", "health", NULL);
  fixture->referral = add_action (fixture, "referral", -70, "done", "rights", NULL);
  fixture->planned = add_action (fixture, "appointment", 5, "planned", "housing", NULL);
  fixture->overdue = add_action (fixture, "interview", -3, "planned", "rights", NULL);
  add_programme (fixture);
  add_status (fixture);

  fixture->view = escale_test_show_timeline (fixture->store, fixture->person, 1400,
                                             &fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void) data;
  gtk_window_destroy (fixture->window);
  spin ();
  g_assert_finalize_object (fixture->store);
}

static gboolean
shows_item (GtkWidget     *widget,
            gconstpointer  data)
{
  const gint64 *kind_id = data;   /* { kind, id } */
  EscaleTimelineItem *item = escale_timeline_row_get_item (ESCALE_TIMELINE_ROW (widget));

  return item != NULL && gtk_widget_get_mapped (widget) &&
         escale_timeline_item_get_kind (item) == (EscaleTimelineKind) kind_id[0] &&
         escale_timeline_item_get_id (item) == kind_id[1];
}

static EscaleTimelineRow *
find_row (Fixture            *fixture,
          EscaleTimelineKind  kind,
          gint64              id)
{
  gint64 kind_id[] = { kind, id };
  GtkWidget *row = escale_test_find_widget (fixture->view, ESCALE_TYPE_TIMELINE_ROW,
                                            shows_item, kind_id);

  g_assert_nonnull (row);
  return ESCALE_TIMELINE_ROW (row);
}

static gboolean
button_shows (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0 &&
         gtk_widget_is_drawable (widget);
}

static GtkWidget *
find_button (gpointer    root,
             const char *label)
{
  return escale_test_find_widget (root, GTK_TYPE_BUTTON, button_shows, label);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static GtkDropDown *
find_filter (Fixture    *fixture,
             const char *tooltip)
{
  GtkWidget *dropdown = escale_test_find_widget (fixture->view, GTK_TYPE_DROP_DOWN,
                                                 has_tooltip, tooltip);

  g_assert_nonnull (dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static gboolean
has_timeline_class (GtkWidget     *widget,
                    G_GNUC_UNUSED gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "timeline");
}

/* The timeline's, not one in a drop-down's popover. */
static GtkWidget *
list_view (Fixture *fixture)
{
  GtkWidget *list = escale_test_find_widget (fixture->view, GTK_TYPE_LIST_VIEW,
                                             has_timeline_class, NULL);

  g_assert_nonnull (list);
  return list;
}

static EscaleTimeline *
timeline (Fixture *fixture)
{
  return escale_timeline_view_get_timeline (fixture->view);
}

static EscaleTimelineItem *
item_at (Fixture *fixture,
         guint    position)
{
  EscaleTimelineItem *item = g_list_model_get_item (G_LIST_MODEL (timeline (fixture)), position);

  g_assert_nonnull (item);
  g_object_unref (item);   /* the model's page keeps it */
  return item;
}

/* The largest range of rows told to have changed. */
typedef struct
{
  guint signals;
  guint widest;
} Changes;

static void
on_items_changed (G_GNUC_UNUSED GListModel *model,
                  G_GNUC_UNUSED guint       position,
                  guint                     removed,
                  guint                     added,
                  Changes                  *changes)
{
  changes->signals++;
  changes->widest = MAX (changes->widest, MAX (removed, added));
}

/* What a click does; gtk_widget_activate() would click only after a delay. */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static char *
expected_month (const char *iso)
{
  g_autoptr(GDateTime) date = g_date_time_new_local ((int) g_ascii_strtoll (iso, NULL, 10),
                                                     (int) g_ascii_strtoll (iso + 5, NULL, 10),
                                                     1, 12, 0, 0);

  return g_date_time_format (date, "%B %Y");
}

/* Tests */

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  EscaleTimeline *model = timeline (fixture);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  EscaleTimelineItem *item;
  EscaleTimelineRow *row;
  g_autofree char *month = NULL;
  const char *last_date = "9999";

  (void) data;
  /* Pinned first, earliest first: the overdue one, then the planned one. */
  g_assert_cmpint (escale_timeline_find_action (model, fixture->overdue), ==, 0);
  g_assert_cmpint (escale_timeline_find_action (model, fixture->planned), ==, 1);
  row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->overdue);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"));
  g_assert_nonnull (escale_test_find_label (row, "Overdue"));
  /* The heading above the pinned rows. */
  g_assert_nonnull (escale_test_find_label (row, "Planned"));
  g_assert_nonnull (find_button (row, "Done"));
  g_assert_nonnull (find_button (row, "Missed"));
  row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->planned);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "pinned"));
  g_assert_null (escale_test_find_label (row, "Planned"));

  /* Then newest first, a header before each month. */
  item = item_at (fixture, 2);
  g_assert_cmpint (escale_timeline_item_get_kind (item), ==, ESCALE_TIMELINE_MONTH);
  month = expected_month (escale_timeline_item_get_date (item));
  g_assert_nonnull (escale_test_find_label (find_row (fixture, ESCALE_TIMELINE_MONTH, 0), month));
  for (guint i = 2; i < n; i++)
    {
      item = item_at (fixture, i);
      g_assert_false (escale_timeline_item_get_pinned (item));
      if (escale_timeline_item_get_kind (item) == ESCALE_TIMELINE_MONTH)
        continue;
      g_assert_cmpstr (escale_timeline_item_get_date (item), <=, last_date);
      last_date = escale_timeline_item_get_date (item);
    }
  /* 3 done actions, a status change and a document expiry, 2 pinned, headers. */
  g_assert_cmpuint (n, >=, 2 + 5 + 2);

  /* What a done action row shows. */
  row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->referral);
  g_assert_nonnull (escale_test_find_label (row, "Referral"));
  g_assert_nonnull (escale_test_find_label (row, "Rights"));
  g_assert_nonnull (escale_test_find_label (row, "Done"));
  g_assert_null (find_button (row, "Done"));
  g_assert_true (gtk_widget_has_css_class (escale_test_find_label (row, "Rights"), "theme-tag"));
  g_assert_cmpstr (escale_timeline_item_get_referral_outcome (escale_timeline_row_get_item (row)),
                   ==, "accepted");
  {
    g_autoptr(GPtrArray) labels = escale_test_find_all (row, GTK_TYPE_LABEL);
    gboolean shown = FALSE;

    for (guint i = 0; i < labels->len; i++)
      shown |= strstr (gtk_label_get_label (labels->pdata[i]), "Referral: Accepted") != NULL;
    g_assert_true (shown);
  }

  /* The file's status and its document, which expires within the warning days. */
  for (guint i = 0; i < n; i++)
    {
      item = item_at (fixture, i);
      if (escale_timeline_item_get_kind (item) == ESCALE_TIMELINE_STATUS_CHANGE)
        {
          row = find_row (fixture, ESCALE_TIMELINE_STATUS_CHANGE, escale_timeline_item_get_id (item));
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "status-change"));
          g_assert_nonnull (escale_test_find_label (row, "Status: Refugee"));
        }
      else if (escale_timeline_item_get_kind (item) == ESCALE_TIMELINE_DOCUMENT_EXPIRY)
        {
          row = find_row (fixture, ESCALE_TIMELINE_DOCUMENT_EXPIRY,
                          escale_timeline_item_get_id (item));
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "expiring"));
          g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "expired"));
          g_assert_nonnull (escale_test_find_label (row, "Residence permit expires"));
        }
    }
  g_assert_nonnull (escale_test_find_label (fixture->view, "Status: Refugee"));
  g_assert_nonnull (escale_test_find_label (fixture->view, "Residence permit expires"));
}

static void
test_done_in_one_click (Fixture       *fixture,
                        gconstpointer  data)
{
  EscaleTimeline *model = timeline (fixture);
  EscaleTimelineRow *overdue_row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->overdue);
  EscaleTimelineRow *old_row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->referral);
  EscaleTimelineItem *overdue_item = escale_timeline_row_get_item (overdue_row);
  EscaleTimelineItem *old_item = escale_timeline_row_get_item (old_row);
  EscaleTimelineRow *row;
  g_autofree char *status = NULL;
  Changes changes = { 0, 0 };
  GtkWidget *done;

  (void) data;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);
  row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->planned);
  done = find_button (row, "Done");
  g_assert_nonnull (done);
  click (done);

  status = escale_test_action_status (fixture->store, fixture->planned);
  g_assert_cmpstr (status, ==, "done");
  /* The row moved from the pinned ones to its month… */
  g_assert_cmpint (escale_timeline_find_action (model, fixture->planned), >, 1);
  row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->planned);
  g_assert_cmpstr (escale_timeline_item_get_status (escale_timeline_row_get_item (row)), ==, "done");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "pinned"));
  g_assert_nonnull (escale_test_find_label (row, "Done"));
  g_assert_null (find_button (row, "Done"));
  /* …and nothing else was read again: the rows above and below kept their items. */
  g_assert_cmpuint (changes.signals, ==, 1);
  g_assert_cmpuint (changes.widest, <=, 4);
  g_assert_true (escale_timeline_row_get_item (overdue_row) == overdue_item);
  g_assert_true (escale_timeline_row_get_item (old_row) == old_item);
  /* The overdue one is now the first pinned row, with the heading. */
  g_assert_nonnull (escale_test_find_label (overdue_row, "Planned"));

  /* Missed, the same way. */
  click (find_button (overdue_row, "Missed"));
  g_clear_pointer (&status, g_free);
  status = escale_test_action_status (fixture->store, fixture->overdue);
  g_assert_cmpstr (status, ==, "missed");
  g_assert_cmpuint (changes.signals, ==, 2);
  g_assert_true (escale_timeline_row_get_item (old_row) == old_item);
}

static void
select_code (GtkDropDown *dropdown,
             const char  *code)
{
  escale_code_dropdown_set_code (dropdown, code);
  g_assert_cmpstr (escale_code_dropdown_get_code (dropdown), ==, code);
  spin ();
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkDropDown *theme = find_filter (fixture, "Show only the actions of one theme");
  GtkDropDown *type = find_filter (fixture, "Show only the actions of one type");
  GtkDropDown *programme = find_filter (fixture, "Show only the actions of one programme");
  g_autofree char *programme_id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->programme);
  guint all = g_list_model_get_n_items (G_LIST_MODEL (timeline (fixture)));
  GListModel *model = G_LIST_MODEL (timeline (fixture));

  (void) data;
  /* Housing: the interview and the planned appointment; no status rows. */
  select_code (theme, "housing");
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  g_assert_cmpint (escale_timeline_find_action (timeline (fixture), fixture->interview), >=, 0);
  g_assert_cmpint (escale_timeline_find_action (timeline (fixture), fixture->planned), >=, 0);
  g_assert_cmpint (escale_timeline_find_action (timeline (fixture), fixture->call), ==, -1);
  g_assert_nonnull (find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->interview));
  g_assert_null (escale_test_find_label (fixture->view, "Status: Refugee"));

  /* Housing interviews: one. */
  select_code (type, "interview");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);   /* a month and the action */

  /* No culture action: the page says so, and offers to clear the filters. */
  select_code (theme, "culture");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (escale_test_find_label (fixture->view, "No Matching Actions"));
  click (find_button (fixture->view, "_Clear Filters"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
  g_assert_null (escale_test_find_label (fixture->view, "No Matching Actions"));

  /* The programme: the referral only. */
  select_code (programme, programme_id);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (escale_timeline_find_action (timeline (fixture), fixture->referral), ==, 1);
}

static void
test_expand (Fixture       *fixture,
             gconstpointer  data)
{
  EscaleTimeline *model = timeline (fixture);
  int position = escale_timeline_find_action (model, fixture->interview);
  EscaleTimelineRow *row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->interview);

  (void) data;
  g_assert_false (escale_timeline_row_get_expanded (row));
  g_assert_null (escale_test_find_label (row, "Looked for a flat together"));
  /* A click, or Enter: the list's activation. */
  g_assert_true (gtk_widget_activate_action (list_view (fixture), "list.activate-item", "u",
                                             (guint) position));
  spin ();
  g_assert_true (escale_timeline_row_get_expanded (row));
  g_assert_nonnull (escale_test_find_label (row, "Looked for a flat together"));
  g_assert_nonnull (find_button (row, "_Edit…"));

  /* Still open once the action is read again (after an edit). */
  escale_timeline_update_action (model, fixture->interview);
  spin ();
  row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->interview);
  g_assert_true (escale_timeline_row_get_expanded (row));

  /* Closed again; month headers do not open. */
  gtk_widget_activate_action (list_view (fixture), "list.activate-item", "u", (guint) position);
  spin ();
  g_assert_false (escale_timeline_row_get_expanded (row));
  gtk_widget_activate_action (list_view (fixture), "list.activate-item", "u", 2);
  spin ();
  g_assert_false (escale_timeline_row_get_expanded (find_row (fixture, ESCALE_TIMELINE_MONTH, 0)));
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL &&
         gtk_widget_is_drawable (widget);
}

static void
on_show_partner (GSimpleAction *action G_GNUC_UNUSED,
                 GVariant      *parameter,
                 gpointer       data)
{
  *(gint64 *) data = g_variant_get_int64 (parameter);
}

/* A referral linked to a partner of the directory shows the partner's name
 * and offers to open it. */
static void
test_linked_partner (Fixture       *fixture,
                     gconstpointer  data)
{
  EscaleTimeline *model = timeline (fixture);
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show = g_simple_action_new ("show-partner", G_VARIANT_TYPE_INT64);
  g_autoptr(GError) error = NULL;
  EscaleTimelineRow *row;
  gint64 shown = 0;
  int position;

  (void) data;
  g_signal_connect (show, "activate", G_CALLBACK (on_show_partner), &shown);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (show));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  /* Not linked: the free text, and no button. */
  position = escale_timeline_find_action (model, fixture->referral);
  gtk_widget_activate_action (list_view (fixture), "list.activate-item", "u", (guint) position);
  spin ();
  row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->referral);
  g_assert_true (escale_timeline_row_get_expanded (row));
  g_assert_nonnull (escale_test_find_widget (row, GTK_TYPE_LABEL, label_contains, "CADA"));
  g_assert_nonnull (find_button (row, "_Edit…"));
  g_assert_null (find_button (row, "Show _Partner"));

  partner->name = g_strdup ("CADA Lyon Sud");
  g_assert_true (escale_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  escale_test_exec_printf (fixture->store, "UPDATE action SET partner_id = %" G_GINT64_FORMAT
                           " WHERE id = %" G_GINT64_FORMAT, partner->id, fixture->referral);
  escale_timeline_update_action (model, fixture->referral);
  spin ();
  row = find_row (fixture, ESCALE_TIMELINE_ACTION, fixture->referral);
  g_assert_cmpint (escale_timeline_item_get_partner_id (escale_timeline_row_get_item (row)), ==,
                   partner->id);
  g_assert_nonnull (escale_test_find_widget (row, GTK_TYPE_LABEL, label_contains,
                                             "CADA Lyon Sud"));
  click (find_button (row, "Show _Partner"));
  g_assert_cmpint (shown, ==, partner->id);
}

static void
test_add_action (Fixture       *fixture,
                 gconstpointer  data)
{
  EscaleTimeline *model = timeline (fixture);
  Changes changes = { 0, 0 };
  GtkWidget *dialog;
  gint64 id;

  (void) data;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.add-action",
                                             NULL));
  spin ();
  dialog = escale_timeline_view_get_dialog (fixture->view);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));

  /* What the dialog does once saved. */
  id = add_action (fixture, "workshop", -1, "done", "culture", NULL);
  g_signal_emit_by_name (dialog, "saved", id, (gint64) 0);
  spin ();
  g_assert_cmpint (escale_timeline_find_action (model, id), >, 1);
  g_assert_nonnull (find_row (fixture, ESCALE_TIMELINE_ACTION, id));
  g_assert_cmpuint (changes.signals, ==, 1);
  g_assert_cmpuint (changes.widest, <=, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
test_empty (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Martin", "Paul", NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  EscaleTimelineView *view = ESCALE_TIMELINE_VIEW (escale_timeline_view_new ());

  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  /* No file: nothing to add to. */
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.add-action", NULL);
  spin ();
  g_assert_null (escale_timeline_view_get_dialog (view));
  escale_timeline_view_set_person (view, store, person);
  spin ();
  g_assert_nonnull (escale_test_find_label (view, "No Follow-up Yet"));
  g_assert_null (escale_test_find_label (view, "No Matching Actions"));
  gtk_window_destroy (window);
  spin ();
}

static void
test_thousand_actions (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Samir", NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  EscaleTimelineView *view = ESCALE_TIMELINE_VIEW (escale_timeline_view_new ());
  g_autoptr(GPtrArray) rows = NULL;
  EscaleTimeline *model;

  escale_test_exec_printf (store,
                           "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 999) INSERT INTO action (person_id, date, type, status, "
                           "notes) SELECT %" G_GINT64_FORMAT ", date ('now', '-' || i || ' days'), "
                           "'interview', 'done', 'Notes ' || i FROM n", person);
  gtk_window_set_default_size (window, 720, 800);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  escale_timeline_view_set_person (view, store, person);
  spin ();
  model = escale_timeline_view_get_timeline (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 1000);
  /* GTK 4.8 keeps up to 200 rows around those on screen: a fifth of the
   * timeline is read, in four pages of 64, the rest never. */
  g_assert_cmpuint (escale_timeline_get_n_loaded_pages (model), <=, 4);
  rows = escale_test_find_all (view, ESCALE_TYPE_TIMELINE_ROW);
  g_assert_cmpuint (rows->len, >, 5);
  g_assert_cmpuint (rows->len, <=, 210);
  gtk_window_destroy (window);
  spin ();
}

/* In the window: the file opens on its timeline, which follows the person
 * shown, and person.add-action opens the dialog. */
static void
test_person_view (Fixture       *fixture,
                  gconstpointer  data)
{
  EscaleWindow *window = escale_window_new (NULL, fixture->store);
  EscalePeoplePage *page = ESCALE_PEOPLE_PAGE (escale_window_get_people_page (window));
  gint64 other = escale_test_add_person (fixture->store, "Martin", "Paul", NULL);
  EscalePersonView *person_view;
  EscaleTimelineView *view;

  (void) data;
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  escale_people_page_open_person (page, fixture->person);
  spin ();
  person_view = ESCALE_PERSON_VIEW (escale_test_find_widget (window, ESCALE_TYPE_PERSON_VIEW,
                                                             NULL, NULL));
  view = ESCALE_TIMELINE_VIEW (escale_person_view_get_timeline_view (person_view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpint (escale_timeline_view_get_person_id (view), ==, fixture->person);
  g_assert_nonnull (escale_test_find_label (view, "Overdue"));

  escale_people_page_open_person (page, other);
  spin ();
  g_assert_cmpint (escale_timeline_view_get_person_id (view), ==, other);
  g_assert_nonnull (escale_test_find_label (view, "No Follow-up Yet"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person_view), "person.add-action", NULL));
  spin ();
  g_assert_nonnull (escale_timeline_view_get_dialog (view));
  gtk_window_destroy (GTK_WINDOW (escale_timeline_view_get_dialog (view)));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  escale_test_init_gtk (&argc, &argv);
  /* Entries open at once, without waiting for frames. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ui/timeline/order", Fixture, NULL, fixture_set_up, test_order,
              fixture_tear_down);
  g_test_add ("/ui/timeline/done-in-one-click", Fixture, NULL, fixture_set_up,
              test_done_in_one_click, fixture_tear_down);
  g_test_add ("/ui/timeline/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/ui/timeline/expand", Fixture, NULL, fixture_set_up, test_expand,
              fixture_tear_down);
  g_test_add ("/ui/timeline/linked-partner", Fixture, NULL, fixture_set_up, test_linked_partner,
              fixture_tear_down);
  g_test_add ("/ui/timeline/add-action", Fixture, NULL, fixture_set_up, test_add_action,
              fixture_tear_down);
  g_test_add ("/ui/timeline/person-view", Fixture, NULL, fixture_set_up, test_person_view,
              fixture_tear_down);
  g_test_add_func ("/ui/timeline/empty", test_empty);
  g_test_add_func ("/ui/timeline/thousand-actions", test_thousand_actions);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
