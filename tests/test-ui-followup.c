/* test-ui-followup.c — the follow-up through the whole window
 *
 * What a worker does: in a person's file, add an action with a next step;
 * see both on the timeline; find the next step in the agenda; mark it done
 * there; see it done back in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-action-dialog.h"
#include "escale-action-store.h"
#include "escale-agenda-page.h"
#include "escale-date.h"
#include "escale-people-page.h"
#include "escale-person-view.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-timeline-view.h"
#include "escale-window.h"

#define NEXT_STEP "Call the housing office"

static char *
tomorrow (char **typed)
{
  g_autofree char *today = escale_date_today ();
  g_autoptr(GDate) date = escale_date_to_gdate (today);
  char iso[16];

  g_date_add_days (date, 1);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
  *typed = escale_date_format (iso, ESCALE_DATE_EXACT);
  return g_strdup (iso);
}

static void
on_saved (gint64 *ids,
          gint64  action_id,
          gint64  follow_up_id)
{
  ids[0] = action_id;
  ids[1] = follow_up_id;
}

/* The timeline item of action @id, or NULL. */
static EscaleTimelineItem *
timeline_item (EscaleTimelineView *view,
               gint64              id)
{
  GListModel *model = G_LIST_MODEL (escale_timeline_view_get_timeline (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EscaleTimelineItem) item = g_list_model_get_item (model, i);

      if (escale_timeline_item_get_kind (item) == ESCALE_TIMELINE_ACTION &&
          escale_timeline_item_get_id (item) == id)
        return g_steal_pointer (&item);
    }
  return NULL;
}

/* Fills the dialog as a worker would: a next step due tomorrow. */
static void
add_action_with_next_step (EscaleActionDialog *dialog,
                           const char         *due_text,
                           gint64              ids[2])
{
  GtkWidget *next_step = escale_action_dialog_get_field_widget (dialog,
                                                                ESCALE_ACTION_FIELD_NEXT_STEP);
  GtkWidget *due = escale_action_dialog_get_field_widget (dialog,
                                                          ESCALE_ACTION_FIELD_NEXT_STEP_DUE);

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (on_saved), ids);
  gtk_editable_set_text (GTK_EDITABLE (next_step), NEXT_STEP);
  gtk_editable_set_text (GTK_EDITABLE (due), due_text);
  escale_test_spin ();
  g_assert_true (escale_action_dialog_save (dialog));
  escale_test_spin ();
}

static void
test_next_step_to_agenda (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 person = escale_test_add_person (store, "Haddad", "Amal", NULL);
  EscaleWindow *window = escale_window_new (NULL, store);
  EscalePeoplePage *people = ESCALE_PEOPLE_PAGE (escale_window_get_people_page (window));
  GtkWidget *agenda = escale_window_get_agenda_page (window);
  g_autofree char *due_text = NULL;
  g_autofree char *due = tomorrow (&due_text);
  g_autofree char *status = NULL;
  g_autoptr(EscaleTimelineItem) item = NULL;
  gint64 ids[2] = { 0, 0 };
  EscalePersonView *person_view;
  EscaleTimelineView *timeline;
  AdwActionRow *row;
  GtkWidget *done;

  gtk_window_present (GTK_WINDOW (window));
  escale_people_page_open_person (people, person);
  escale_test_spin ();
  person_view = ESCALE_PERSON_VIEW (escale_test_find_widget (window, ESCALE_TYPE_PERSON_VIEW,
                                                             NULL, NULL));
  timeline = ESCALE_TIMELINE_VIEW (escale_person_view_get_timeline_view (person_view));
  g_assert_nonnull (escale_test_find_label (timeline, "No Follow-up Yet"));

  /* Ctrl+Shift+A's action opens the dialog; the next step is saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person_view), "person.add-action",
                                             NULL));
  escale_test_spin ();
  g_assert_nonnull (escale_timeline_view_get_dialog (timeline));
  add_action_with_next_step (ESCALE_ACTION_DIALOG (escale_timeline_view_get_dialog (timeline)),
                             due_text, ids);
  g_assert_cmpint (ids[0], >, 0);
  g_assert_cmpint (ids[1], >, 0);
  g_assert_null (escale_timeline_view_get_dialog (timeline));

  /* The timeline shows both, the next step pinned on top as planned. */
  item = timeline_item (timeline, ids[1]);
  g_assert_nonnull (item);
  g_assert_true (escale_timeline_item_get_pinned (item));
  g_assert_cmpstr (escale_timeline_item_get_status (item), ==, "planned");
  g_assert_cmpstr (escale_timeline_item_get_date (item), ==, due);
  g_clear_object (&item);
  item = timeline_item (timeline, ids[0]);
  g_assert_nonnull (item);
  g_assert_cmpstr (escale_timeline_item_get_status (item), ==, "done");
  g_clear_object (&item);
  g_assert_null (escale_test_find_label (timeline, "No Follow-up Yet"));

  /* The agenda shows it tomorrow, for everyone. */
  escale_agenda_page_set_everyone (ESCALE_AGENDA_PAGE (agenda), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-agenda", NULL));
  escale_test_spin ();
  g_assert_true (gtk_widget_get_mapped (agenda));
  row = escale_test_find_row (agenda, "Haddad");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), NEXT_STEP));

  /* Done in one click: the store has it, the agenda lets it go. */
  done = escale_test_find_widget (row, GTK_TYPE_BUTTON, NULL, NULL);
  g_assert_nonnull (done);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (done)), ==, "agenda.done");
  g_signal_emit_by_name (done, "clicked");
  escale_test_spin ();
  status = escale_test_action_status (store, ids[1]);
  g_assert_cmpstr (status, ==, "done");
  g_assert_null (escale_test_find_row (agenda, "Haddad"));

  /* Back in the file, the timeline says done too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-people", NULL));
  escale_test_spin ();
  item = timeline_item (timeline, ids[1]);
  g_assert_nonnull (item);
  g_assert_cmpstr (escale_timeline_item_get_status (item), ==, "done");
  g_assert_false (escale_timeline_item_get_pinned (item));

  gtk_window_destroy (GTK_WINDOW (window));
  escale_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  escale_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_add_func ("/ui/follow-up/next-step-to-agenda", test_next_step_to_agenda);
  return g_test_run ();
}
