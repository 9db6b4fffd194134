/* test-ui-referrals.c — answering a referral from the timeline, with real widgets
 *
 * A person referred to a service that counts its places and to one that
 * does not: the referral's row says its state and offers only the answers
 * that state allows; accepting asks whether to take a place, and takes it
 * only when told; a refusal needs its reason. Partners and services are
 * written with plain SQL: the partner directory has its own tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-referral-store.h"
#include "escale-store-private.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-timeline-row.h"
#include "escale-timeline-view.h"

#define spin escale_test_spin

typedef struct
{
  EscaleStore        *store;
  GtkWindow          *window;
  EscaleTimelineView *view;
  gint64              person;
  gint64              counted;      /* a service with 3 free places of 5 */
  gint64              uncounted;    /* a service that does not count them */
  gint64              referral;     /* to the counted service, pending */
  gint64              action;       /* its action */
} Fixture;

/* Helpers */

static gint64
query_int (EscaleStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
referral_state (Fixture *fixture,
                gint64   referral_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleReferral) referral = escale_store_load_referral (fixture->store, referral_id,
                                                                   &error);

  g_assert_no_error (error);
  return g_strdup (referral->state);
}

static gint64
free_places (Fixture *fixture)
{
  g_autofree char *sql = g_strdup_printf ("SELECT capacity_free FROM partner_service "
                                          "WHERE id = %" G_GINT64_FORMAT, fixture->counted);

  return query_int (fixture->store, sql);
}

static gint64
add_service (EscaleStore *store,
             const char  *partner,
             const char  *capacity_sql)
{
  gint64 partner_id;

  escale_test_exec_printf (store, "INSERT INTO partner (name) VALUES ('%s')", partner);
  partner_id = query_int (store, "SELECT max(id) FROM partner");
  escale_test_exec_printf (store,
                           "INSERT INTO partner_service (partner_id, theme, description, "
                           "capacity_total, capacity_free) VALUES (%" G_GINT64_FORMAT ", "
                           "'housing', 'Emergency shelter', %s)", partner_id, capacity_sql);
  return query_int (store, "SELECT max(id) FROM partner_service");
}

/* A referral of the fixture's person to @service_id, sent 2 days ago. */
static gint64
refer (Fixture *fixture,
       gint64   service_id,
       gint64  *action_id)
{
  g_autoptr(EscaleAction) action = escale_action_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) sent = g_date_time_add_days (now, -2);
  g_autofree char *date = g_date_time_format (sent, "%Y-%m-%d");
  gint64 id;

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, fixture->person);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, "Claire Dubois");
  id = escale_store_create_referral (fixture->store, action, service_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  *action_id = escale_action_get_id (action);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  (void) data;
  fixture->store = escale_test_store_new ();
  fixture->person = escale_test_add_person (fixture->store, "Haddad", "Samir", NULL);
  fixture->counted = add_service (fixture->store, "Maison Relais", "5, 3");
  fixture->uncounted = add_service (fixture->store, "Restos du Cœur", "NULL, NULL");
  fixture->referral = refer (fixture, fixture->counted, &fixture->action);

  fixture->view = escale_test_show_timeline (fixture->store, fixture->person, 900,
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
shows_action (GtkWidget     *widget,
              gconstpointer  data)
{
  EscaleTimelineItem *item = escale_timeline_row_get_item (ESCALE_TIMELINE_ROW (widget));

  return item != NULL && gtk_widget_get_mapped (widget) &&
         escale_timeline_item_get_kind (item) == ESCALE_TIMELINE_ACTION &&
         escale_timeline_item_get_id (item) == *(const gint64 *) data;
}

static EscaleTimelineRow *
find_row (Fixture *fixture,
          gint64   action_id)
{
  GtkWidget *row = escale_test_find_widget (fixture->view, ESCALE_TYPE_TIMELINE_ROW,
                                            shows_action, &action_id);

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
has_timeline_class (GtkWidget     *widget,
                    G_GNUC_UNUSED gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "timeline");
}

/* Opens the row of @action_id, as a click does. */
static EscaleTimelineRow *
expand (Fixture *fixture,
        gint64   action_id)
{
  EscaleTimeline *model = escale_timeline_view_get_timeline (fixture->view);
  int position = escale_timeline_find_action (model, action_id);
  GtkWidget *list = escale_test_find_widget (fixture->view, GTK_TYPE_LIST_VIEW,
                                             has_timeline_class, NULL);
  EscaleTimelineRow *row;

  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", (guint) position));
  spin ();
  row = find_row (fixture, action_id);
  g_assert_true (escale_timeline_row_get_expanded (row));
  return row;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

/* Gives the message dialog shown @response, and closes it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (escale_test_find_message_dialog ());
}

static void
on_items_changed (G_GNUC_UNUSED GListModel *model,
                  G_GNUC_UNUSED guint       position,
                  guint                     removed,
                  guint                     added,
                  guint                    *widest)
{
  *widest = MAX (*widest, MAX (MAX (removed, added), 1));
}

/* Tests */

static void
test_pending (Fixture       *fixture,
              gconstpointer  data)
{
  EscaleTimelineRow *row = find_row (fixture, fixture->action);
  EscaleTimelineItem *item = escale_timeline_row_get_item (row);

  (void) data;
  g_assert_cmpint (escale_timeline_item_get_referral_id (item), ==, fixture->referral);
  g_assert_cmpstr (escale_timeline_item_get_referral_state (item), ==, "pending");
  g_assert_nonnull (escale_test_find_label (row, "Referral: Pending"));
  /* Closed, no answer offered yet. */
  g_assert_null (find_button (row, "Accepted"));

  row = expand (fixture, fixture->action);
  g_assert_nonnull (find_button (row, "Accepted"));
  g_assert_nonnull (find_button (row, "Refused…"));
  g_assert_nonnull (find_button (row, "No Answer"));
  g_assert_null (find_button (row, "Completed"));
  g_assert_null (find_button (row, "Abandoned"));

  /* No answer: still waiting, it may now be abandoned, not asked again. */
  click (find_button (row, "No Answer"));
  g_assert_null (escale_test_find_message_dialog ());
  /* The list may have made a new row for the action read again. */
  row = find_row (fixture, fixture->action);
  g_assert_nonnull (escale_test_find_label (row, "Referral: No answer"));
  g_assert_nonnull (find_button (row, "Abandoned"));
  g_assert_null (find_button (row, "No Answer"));
}

static void
test_accept_take_place (Fixture       *fixture,
                        gconstpointer  data)
{
  EscaleTimeline *model = escale_timeline_view_get_timeline (fixture->view);
  EscaleTimelineRow *row = expand (fixture, fixture->action);
  g_autofree char *state = NULL;
  AdwMessageDialog *question;
  guint widest = 0;

  (void) data;
  /* Cancelled: nothing changes. */
  click (find_button (row, "Accepted"));
  question = escale_test_find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Take a Place?");
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==,
                   "Take one of the 3 free places at Maison Relais?");
  g_assert_true (adw_message_dialog_has_response (question, "accept"));
  respond (question, "cancel");
  state = referral_state (fixture, fixture->referral);
  g_assert_cmpstr (state, ==, "pending");
  g_assert_cmpint (free_places (fixture), ==, 3);

  /* Taken: one place less, the row alone is read again. */
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &widest);
  click (find_button (row, "Accepted"));
  respond (escale_test_find_message_dialog (), "take");
  g_clear_pointer (&state, g_free);
  state = referral_state (fixture, fixture->referral);
  g_assert_cmpstr (state, ==, "accepted");
  g_assert_cmpint (free_places (fixture), ==, 2);
  g_assert_cmpuint (widest, ==, 1);
  row = find_row (fixture, fixture->action);
  g_assert_nonnull (escale_test_find_label (row, "Referral: Accepted"));
  g_assert_true (escale_timeline_row_get_expanded (row));
  g_assert_nonnull (find_button (row, "Completed"));
  g_assert_nonnull (find_button (row, "Abandoned"));
  g_assert_null (find_button (row, "Accepted"));
  g_assert_null (find_button (row, "Refused…"));

  /* Completed: final, nothing more to offer. */
  click (find_button (row, "Completed"));
  row = find_row (fixture, fixture->action);
  g_assert_nonnull (escale_test_find_label (row, "Referral: Completed"));
  g_assert_null (find_button (row, "Abandoned"));
  g_assert_cmpint (free_places (fixture), ==, 2);
}

/* "Don't Take" accepts and keeps the places; a service that does not count
 * them asks nothing. */
static void
test_accept_without_place (Fixture       *fixture,
                           gconstpointer  data)
{
  EscaleTimelineRow *row = expand (fixture, fixture->action);
  g_autofree char *state = NULL;
  gint64 other_action = 0;
  gint64 other;

  (void) data;
  click (find_button (row, "Accepted"));
  respond (escale_test_find_message_dialog (), "accept");
  state = referral_state (fixture, fixture->referral);
  g_assert_cmpstr (state, ==, "accepted");
  g_assert_cmpint (free_places (fixture), ==, 3);

  other = refer (fixture, fixture->uncounted, &other_action);
  escale_timeline_update_action (escale_timeline_view_get_timeline (fixture->view), other_action);
  spin ();
  row = expand (fixture, other_action);
  click (find_button (row, "Accepted"));
  g_assert_null (escale_test_find_message_dialog ());
  row = find_row (fixture, other_action);
  g_clear_pointer (&state, g_free);
  state = referral_state (fixture, other);
  g_assert_cmpstr (state, ==, "accepted");
  g_assert_nonnull (escale_test_find_label (row, "Referral: Accepted"));
}

/* No place left: accepting asks, and never takes one. */
static void
test_accept_no_place_left (Fixture       *fixture,
                           gconstpointer  data)
{
  EscaleTimelineRow *row = expand (fixture, fixture->action);
  g_autofree char *state = NULL;
  AdwMessageDialog *question;

  (void) data;
  escale_test_exec_printf (fixture->store, "UPDATE partner_service SET capacity_free = 0");
  click (find_button (row, "Accepted"));
  question = escale_test_find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "No Free Place");
  g_assert_false (adw_message_dialog_has_response (question, "take"));
  respond (question, "accept");
  state = referral_state (fixture, fixture->referral);
  g_assert_cmpstr (state, ==, "accepted");
  g_assert_cmpint (free_places (fixture), ==, 0);
}

static void
test_refuse (Fixture       *fixture,
             gconstpointer  data)
{
  EscaleTimelineRow *row = expand (fixture, fixture->action);
  g_autofree char *state = NULL;
  g_autofree char *sql = NULL;
  AdwMessageDialog *question;
  GtkWidget *entry;

  (void) data;
  /* Without a reason: refused by the store, said in a toast. */
  click (find_button (row, "Refused…"));
  question = escale_test_find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Referral Refused");
  entry = escale_test_find_widget (question, GTK_TYPE_ENTRY, NULL, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  respond (question, "refuse");
  state = referral_state (fixture, fixture->referral);
  g_assert_cmpstr (state, ==, "pending");
  g_assert_nonnull (escale_test_find_label (fixture->window, "Give the reason of the refusal"));
  row = find_row (fixture, fixture->action);
  g_assert_nonnull (escale_test_find_label (row, "Referral: Pending"));

  /* With one. */
  click (find_button (row, "Refused…"));
  question = escale_test_find_message_dialog ();
  entry = escale_test_find_widget (question, GTK_TYPE_ENTRY, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Full until June");
  respond (question, "refuse");
  g_clear_pointer (&state, g_free);
  state = referral_state (fixture, fixture->referral);
  g_assert_cmpstr (state, ==, "refused");
  sql = g_strdup_printf ("SELECT refusal_reason = 'Full until June' FROM referral "
                         "WHERE id = %" G_GINT64_FORMAT, fixture->referral);
  g_assert_cmpint (query_int (fixture->store, sql), ==, 1);
  row = find_row (fixture, fixture->action);
  g_assert_nonnull (escale_test_find_label (row, "Referral: Refused"));
  g_assert_nonnull (escale_test_find_label (row, "Reason of the refusal: Full until June"));
  g_assert_null (find_button (row, "Accepted"));
  g_assert_null (find_button (row, "Abandoned"));
  g_assert_cmpint (free_places (fixture), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  escale_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/referrals/pending", test_pending);
  ADD ("/ui/referrals/accept-take-place", test_accept_take_place);
  ADD ("/ui/referrals/accept-without-place", test_accept_without_place);
  ADD ("/ui/referrals/accept-no-place-left", test_accept_no_place_left);
  ADD ("/ui/referrals/refuse", test_refuse);
#undef ADD
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
