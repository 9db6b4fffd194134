/* test-ui-agenda.c — the Agenda page, its printout and its notifications
 *
 * A real database with planned actions of two workers today, tomorrow and
 * overdue, an expiring document and people out of contact; the page shows
 * the right groups and rows, mine or everyone's; "Done" marks the action
 * done; a row opens the person's file; the printout is a PDF; the notifier
 * picks the appointment whose time has come, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "escale-action-store.h"
#include "escale-agenda-notifier.h"
#include "escale-agenda-page.h"
#include "escale-agenda-print.h"
#include "escale-agenda-util.h"
#include "escale-application.h"
#include "escale-people-page.h"
#include "escale-referral-store.h"
#include "escale-store-private.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-window.h"

#define ME      "Sophie Martin"
#define OTHER   "Julien Moreau"

typedef struct
{
  EscaleStore      *store;
  GSettings        *settings;
  EscaleWindow     *window;
  EscaleAgendaPage *page;
  char             *today;
  gint64            amina;      /* planned today (mine), tomorrow (mine), overdue (mine) */
  gint64            yonas;      /* planned today (the other worker's) */
  gint64            lost;       /* open file, created long ago, no action */
  gint64            expiring;   /* a residence card expiring in 10 days */
  gint64            today_mine;
  gint64            today_other;
  gint64            tomorrow_mine;
  gint64            overdue_mine;
} Fixture;

#define spin escale_test_spin

/* Data */

static gint64
add_action (EscaleStore *store,
            gint64       person_id,
            const char  *date,
            const char  *time,
            const char  *worker,
            const char  *status,
            const char  *notes)
{
  g_autoptr(EscaleAction) action = escale_action_new ();
  g_autoptr(GError) error = NULL;

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_TIME, time);
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "appointment");
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, status);
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, worker);
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, notes);
  g_assert_true (escale_store_save_action (store, action, &error));
  g_assert_no_error (error);
  return escale_action_get_id (action);
}

static char *
day_from_today (Fixture *fixture,
                int      days)
{
  return escale_agenda_add_days (fixture->today, days);
}

static void
fill_store (Fixture *fixture)
{
  EscaleStore *store = fixture->store;
  g_autofree char *tomorrow = day_from_today (fixture, 1);
  g_autofree char *past = day_from_today (fixture, -3);
  g_autofree char *expiry = day_from_today (fixture, 10);
  g_autofree char *long_ago = day_from_today (fixture, -400);

  fixture->amina = escale_test_add_old_person (store, "Haddad", "Amina");
  fixture->yonas = escale_test_add_old_person (store, "Tesfaye", "Yonas");
  fixture->lost = escale_test_add_old_person (store, "Silent", "Omid");
  fixture->expiring = escale_test_add_person (store, "Karimi", "Leila", NULL);

  fixture->today_mine = add_action (store, fixture->amina, fixture->today, "10:00", ME, "planned",
                                    "\nBring the passport\nand the letter");
  fixture->today_other = add_action (store, fixture->yonas, fixture->today, "11:00", OTHER,
                                     "planned", NULL);
  fixture->tomorrow_mine = add_action (store, fixture->amina, tomorrow, "09:30", ME, "planned",
                                       NULL);
  fixture->overdue_mine = add_action (store, fixture->amina, past, "14:00", ME, "planned", NULL);
  /* Done recently: Amina and Yonas are in contact; Omid's last one is old. */
  add_action (store, fixture->amina, past, NULL, ME, "done", NULL);
  add_action (store, fixture->yonas, past, NULL, OTHER, "done", NULL);
  add_action (store, fixture->lost, long_ago, NULL, OTHER, "done", NULL);
  escale_test_exec_printf (store,
                           "INSERT INTO status_period (person_id, status, started_on, document, "
                           "document_expiry) VALUES (%" G_GINT64_FORMAT ", 'residence_permit', "
                           "'2025-01-01', 'Residence card', '%s')", fixture->expiring, expiry);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;
  fixture->store = escale_test_store_new ();
  fixture->settings = escale_application_new_settings ();
  g_assert_nonnull (fixture->settings);
  g_settings_set_string (fixture->settings, "worker-name", ME);
  g_settings_set_boolean (fixture->settings, "agenda-everyone", FALSE);
  fixture->today = escale_agenda_today ();
  fill_store (fixture);
  fixture->window = escale_window_new (NULL, fixture->store);
  fixture->page = ESCALE_AGENDA_PAGE (escale_window_get_agenda_page (fixture->window));
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-agenda",
                                             NULL));
  spin ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void) data;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_settings_reset (fixture->settings, "worker-name");
  g_settings_reset (fixture->settings, "agenda-everyone");
  g_clear_object (&fixture->settings);
  g_free (fixture->today);
  g_assert_finalize_object (fixture->store);
}

/* Looking at the page */

/* The groups of the page, in order. */
static GPtrArray *
find_groups (Fixture *fixture)
{
  return escale_test_find_all (fixture->page, ADW_TYPE_PREFERENCES_GROUP);
}

/* The titles of the groups shown, joined by "|". */
static char *
group_titles (Fixture *fixture)
{
  g_autoptr(GPtrArray) groups = find_groups (fixture);
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "|" : "",
                            adw_preferences_group_get_title (groups->pdata[i]));
  return g_string_free (titles, FALSE);
}

static GtkWidget *
find_group (Fixture    *fixture,
            const char *title_part)
{
  g_autoptr(GPtrArray) groups = find_groups (fixture);

  for (guint i = 0; i < groups->len; i++)
    if (strstr (adw_preferences_group_get_title (groups->pdata[i]), title_part) != NULL)
      return groups->pdata[i];
  return NULL;
}

/* The rows of @within whose title contains @title_part. */
static guint
count_rows (gpointer    within,
            const char *title_part)
{
  g_autoptr(GPtrArray) rows = escale_test_find_all (within, ADW_TYPE_ACTION_ROW);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (strstr (adw_preferences_row_get_title (rows->pdata[i]), title_part) != NULL)
      n++;
  return n;
}

/* The subtitle of the first row of @within whose title contains @title_part,
 * isolates aside; kept with the row. */
static const char *
row_subtitle (gpointer    within,
              const char *title_part)
{
  AdwActionRow *row = escale_test_find_row (within, title_part);

  g_assert_nonnull (row);
  g_object_set_data_full (G_OBJECT (row), "plain-subtitle",
                          escale_test_strip_isolates (adw_action_row_get_subtitle (row)), g_free);
  return g_object_get_data (G_OBJECT (row), "plain-subtitle");
}

/* Tests */

static void
test_groups_mine_everyone (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *titles = group_titles (fixture);
  GtkWidget *today, *tomorrow, *overdue;

  (void) data;
  g_assert_false (escale_agenda_page_get_everyone (fixture->page));
  g_assert_cmpstr (titles, ==, "1 Overdue Action|Today|Tomorrow|1 Document Expiring|"
                               "Lost Contact: 1 Person");
  overdue = find_group (fixture, "Overdue");
  today = find_group (fixture, "Today");
  tomorrow = find_group (fixture, "Tomorrow");
  g_assert_cmpuint (count_rows (overdue, "Haddad Amina"), ==, 1);
  g_assert_cmpuint (count_rows (today, "Haddad Amina"), ==, 1);
  g_assert_cmpuint (count_rows (today, "Tesfaye"), ==, 0);
  g_assert_cmpuint (count_rows (tomorrow, "Haddad Amina"), ==, 1);
  g_assert_cmpuint (count_rows (find_group (fixture, "Expiring"), "Karimi Leila"), ==, 1);
  g_assert_cmpuint (count_rows (find_group (fixture, "Lost Contact"), "Silent Omid"), ==, 1);
  /* The first line of the notes that says something. */
  g_assert_nonnull (strstr (row_subtitle (today, "Haddad"), "Bring the passport"));
  g_assert_null (strstr (row_subtitle (today, "Haddad"), "letter"));

  /* Everyone: the other worker's action too, and the setting remembers. */
  escale_agenda_page_set_everyone (fixture->page, TRUE);
  spin ();
  g_assert_true (g_settings_get_boolean (fixture->settings, "agenda-everyone"));
  today = find_group (fixture, "Today");
  g_assert_cmpuint (count_rows (today, "Tesfaye Yonas"), ==, 1);
  g_assert_cmpuint (count_rows (today, "Haddad Amina"), ==, 1);
  g_assert_nonnull (strstr (row_subtitle (today, "Tesfaye"), OTHER));

  /* The setting changed elsewhere (preferences) switches the page back. */
  g_settings_set_boolean (fixture->settings, "agenda-everyone", FALSE);
  spin ();
  g_assert_false (escale_agenda_page_get_everyone (fixture->page));
  g_assert_cmpuint (count_rows (find_group (fixture, "Today"), "Tesfaye"), ==, 0);

  /* Another day: its actions, and no overdue group. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "agenda.next-day", NULL));
  spin ();
  g_clear_pointer (&titles, g_free);
  titles = group_titles (fixture);
  g_assert_cmpstr (titles, ==, "Tomorrow|1 Document Expiring|Lost Contact: 1 Person");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "agenda.today", NULL));
  spin ();
  g_assert_nonnull (find_group (fixture, "Overdue"));

  /* One day only: tomorrow goes. */
  g_settings_set_int (fixture->settings, "agenda-days", 1);
  spin ();
  g_assert_nonnull (find_group (fixture, "Today"));
  g_assert_null (find_group (fixture, "Tomorrow"));
  g_settings_reset (fixture->settings, "agenda-days");
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  AdwActionRow *row = escale_test_find_row (find_group (fixture, "Today"), "Haddad Amina");
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *status = NULL;
  GtkWidget *done = NULL;

  (void) data;
  g_assert_nonnull (row);
  buttons = escale_test_find_all (row, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "agenda.done") == 0)
      done = buttons->pdata[i];
  g_assert_nonnull (done);
  g_signal_emit_by_name (done, "clicked");
  spin ();

  status = escale_test_action_status (fixture->store, fixture->today_mine);
  g_assert_cmpstr (status, ==, "done");
  g_clear_pointer (&status, g_free);
  status = escale_test_action_status (fixture->store, fixture->overdue_mine);
  g_assert_cmpstr (status, ==, "planned");
  /* Gone from the page; today stays, saying there is nothing left. */
  g_assert_cmpuint (count_rows (fixture->page, "Haddad Amina"), ==, 2);
  g_assert_cmpuint (count_rows (find_group (fixture, "Today"), "Haddad"), ==, 0);
  g_assert_cmpuint (count_rows (find_group (fixture, "Today"), "Nothing planned"), ==, 1);

  /* The overdue one, its group goes with it. */
  buttons = (g_ptr_array_unref (buttons),
             escale_test_find_all (find_group (fixture, "Overdue"), GTK_TYPE_BUTTON));
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "agenda.done") == 0)
      g_signal_emit_by_name (buttons->pdata[i], "clicked");
  spin ();
  g_assert_null (find_group (fixture, "Overdue"));
  status = escale_test_action_status (fixture->store, fixture->overdue_mine);
  g_assert_cmpstr (status, ==, "done");

  /* A new refresh agrees with the page as it was left. */
  escale_agenda_page_refresh (fixture->page);
  g_assert_null (find_group (fixture, "Overdue"));
  g_assert_cmpuint (count_rows (find_group (fixture, "Today"), "Haddad"), ==, 0);
}

static void
on_open_person (gint64 *opened,
                gint64  person_id)
{
  *opened = person_id;
}

static void
test_open_person (Fixture       *fixture,
                  gconstpointer  data)
{
  EscalePeoplePage *people;
  gint64 opened = 0;
  AdwActionRow *row;

  (void) data;
  g_signal_connect_swapped (fixture->page, "open-person", G_CALLBACK (on_open_person), &opened);

  row = escale_test_find_row (find_group (fixture, "Expiring"), "Karimi");
  gtk_widget_activate (GTK_WIDGET (row));
  spin ();
  g_assert_cmpint (opened, ==, fixture->expiring);

  /* The window shows the People page with the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-agenda",
                                             NULL));
  spin ();
  row = escale_test_find_row (find_group (fixture, "Lost Contact"), "Silent Omid");
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  spin ();
  g_assert_cmpint (opened, ==, fixture->lost);
  people = ESCALE_PEOPLE_PAGE (escale_window_get_people_page (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (people)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_cmpint (escale_people_page_get_person_id (people), ==, fixture->lost);
}

/* Many people out of contact: 50 rows, then more on demand. */
static void
test_show_more (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *group;
  AdwActionRow *more;

  (void) data;
  for (int i = 0; i < 70; i++)
    {
      g_autofree char *name = g_strdup_printf ("Quiet%02d", i);

      escale_test_add_old_person (fixture->store, name, NULL);
    }
  escale_agenda_page_refresh (fixture->page);
  group = find_group (fixture, "Lost Contact");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Lost Contact: 71 People");
  g_assert_cmpuint (count_rows (group, "Quiet"), ==, 50);
  more = escale_test_find_row (group, "Show More");
  g_assert_nonnull (more);
  g_assert_cmpstr (row_subtitle (group, "Show More"), ==, "21 more");
  gtk_widget_activate (GTK_WIDGET (more));
  spin ();
  g_assert_cmpuint (count_rows (group, "Quiet"), ==, 70);
  g_assert_null (escale_test_find_row (group, "Show More"));
}

static gint64
refer (Fixture *fixture,
       gint64   person_id,
       gint64   service_id,
       int      days_ago)
{
  g_autoptr(EscaleAction) action = escale_action_new ();
  g_autofree char *date = day_from_today (fixture, -days_ago);
  g_autoptr(GError) error = NULL;
  gint64 id;

  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, person_id);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, date);
  escale_action_set (action, ESCALE_ACTION_FIELD_WORKER, ME);
  id = escale_store_create_referral (fixture->store, action, service_id, &error);
  g_assert_no_error (error);
  return id;
}

/* Referrals waiting longer than the setting says, the oldest first; a
 * recent one only once the setting is shorter. */
static void
test_referrals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 service;
  gint64 opened = 0;
  GtkWidget *group;
  AdwActionRow *row;
  g_autofree char *titles = NULL;

  (void) data;
  escale_test_exec_printf (fixture->store, "INSERT INTO partner (name) VALUES ('Maison Relais')");
  escale_test_exec_printf (fixture->store,
                           "INSERT INTO partner_service (partner_id, theme, capacity_total, "
                           "capacity_free) SELECT max(id), 'housing', 5, 3 FROM partner");
  stmt = escale_store_prepare (fixture->store, "SELECT max(id) FROM partner_service", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  service = sqlite3_column_int64 (stmt, 0);
  refer (fixture, fixture->yonas, service, 20);
  refer (fixture, fixture->expiring, service, 3);
  escale_agenda_page_refresh (fixture->page);

  /* After the days, before the documents. */
  titles = group_titles (fixture);
  g_assert_cmpstr (titles, ==, "1 Overdue Action|Today|Tomorrow|1 Referral to Follow Up|"
                               "1 Document Expiring|Lost Contact: 1 Person");
  group = find_group (fixture, "Follow Up");
  g_assert_cmpuint (count_rows (group, "Tesfaye Yonas"), ==, 1);
  g_assert_cmpuint (count_rows (group, "Karimi"), ==, 0);
  g_assert_cmpstr (row_subtitle (group, "Tesfaye"), ==,
                   "Maison Relais · Housing · waiting 20 days");
  g_assert_nonnull (escale_test_find_label (group, "Pending"));

  /* The printed day lists it too, for the calls to make. */
  {
    g_autofree char *path = escale_test_tmp_path ("agenda-referrals.pdf");
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (escale_agenda_print_export_pdf (fixture->store, fixture->today,
                                                   fixture->today, NULL, GTK_TEXT_DIR_LTR, path,
                                                   &error));
    g_assert_no_error (error);
    text = escale_test_pdf_text (path);
    g_assert_nonnull (strstr (text, "1 Referral to Follow Up"));
    g_assert_nonnull (strstr (text, "Maison Relais · Housing · waiting 20 days"));
    g_assert_null (strstr (text, "Karimi"));
  }

  /* Shorter: the recent one too, the oldest first. */
  g_settings_set_int (fixture->settings, "referral-follow-up-days", 2);
  spin ();
  group = find_group (fixture, "Follow Up");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "2 Referrals to Follow Up");
  g_assert_cmpuint (count_rows (group, "Karimi Leila"), ==, 1);
  g_assert_nonnull (strstr (row_subtitle (group, "Karimi"), "waiting 3 days"));
  g_settings_reset (fixture->settings, "referral-follow-up-days");
  spin ();
  g_assert_cmpuint (count_rows (find_group (fixture, "Follow Up"), "Karimi"), ==, 0);

  /* A row opens the file. */
  g_signal_connect_swapped (fixture->page, "open-person", G_CALLBACK (on_open_person), &opened);
  row = escale_test_find_row (find_group (fixture, "Follow Up"), "Tesfaye Yonas");
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  spin ();
  g_assert_cmpint (opened, ==, fixture->yonas);
}

/* Page objects of a PDF written by cairo. */
static guint
count_pages (const char *contents,
             gsize       length)
{
  static const char mark[] = "/Type /Page";
  gsize size = strlen (mark);
  guint n = 0;

  /* The file is binary: no string functions that stop at a zero byte. */
  for (gsize i = 0; i + size < length; i++)
    if (memcmp (contents + i, mark, size) == 0 && contents[i + size] != 's')
      n++;
  return n;
}

static void
test_print_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = escale_test_tmp_path ("agenda.pdf");
  g_autofree char *rtl_path = escale_test_tmp_path ("agenda-rtl.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  (void) data;
  /* Many actions: the printout runs over several pages. */
  for (int i = 0; i < 60; i++)
    add_action (fixture->store, fixture->yonas, fixture->today, "15:00", ME, "planned",
                "A long note that takes the width of the page and wraps over several lines, "
                "so that each entry is taller than one line");
  g_assert_true (escale_agenda_print_export_pdf (fixture->store, fixture->today, fixture->today,
                                                 ME, GTK_TEXT_DIR_LTR, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (count_pages (contents, length), >=, 3);
  g_clear_pointer (&contents, g_free);

  g_assert_true (escale_agenda_print_export_pdf (fixture->store, fixture->today, fixture->today,
                                                 NULL, GTK_TEXT_DIR_RTL, rtl_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (rtl_path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* Back to the People page with the window's shortcut action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-people",
                                             NULL));
  spin ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_true (gtk_widget_get_mapped (escale_window_get_people_page (fixture->window)));
}

static void
test_notifier_pick (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  add_action (fixture->store, fixture->yonas, fixture->today, NULL, ME, "planned", NULL);
  actions = escale_agenda_list_due (fixture->store, fixture->today, fixture->today, fixture->today,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 3);

  /* Before its time: nothing. */
  due = escale_agenda_pick_due (actions, fixture->today, 9 * 60 + 59, sent);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  /* 10:05: the 10:00 appointment, not the 11:00 one nor the one without a time. */
  due = escale_agenda_pick_due (actions, fixture->today, 10 * 60 + 5, sent);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (((EscaleAgendaAction *) due->pdata[0])->action_id, ==, fixture->today_mine);
  g_clear_pointer (&due, g_ptr_array_unref);
  /* Not twice. */
  due = escale_agenda_pick_due (actions, fixture->today, 10 * 60 + 6, sent);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  /* Too late (more than 15 minutes) for the 11:00 one. */
  due = escale_agenda_pick_due (actions, fixture->today, 11 * 60 + 16, sent);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  /* Another day's list is not today's. */
  due = escale_agenda_pick_due (actions, "2001-01-01", 11 * 60, sent);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = escale_agenda_pick_due (actions, fixture->today, 11 * 60 + 15, sent);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (((EscaleAgendaAction *) due->pdata[0])->action_id, ==, fixture->today_other);
}

/* Notifications switched off: an appointment due now sends nothing. */
static void
test_notifier_off (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GApplication) application = g_application_new ("org.escale.Test",
                                                           G_APPLICATION_NON_UNIQUE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autoptr(EscaleAgendaNotifier) notifier = NULL;

  (void) data;
  add_action (fixture->store, fixture->yonas, fixture->today, time, ME, "planned", NULL);
  g_settings_set_boolean (fixture->settings, "notify-appointments", FALSE);
  notifier = escale_agenda_notifier_new (application, fixture->store);
  g_assert_cmpuint (escale_agenda_notifier_check (notifier), ==, 0);
  g_settings_reset (fixture->settings, "notify-appointments");
  g_clear_object (&notifier);
}

/* An empty database: the page says there is nothing due. */
static void
test_empty (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  EscaleWindow *window = escale_window_new (NULL, store);
  GtkWidget *page = escale_window_get_agenda_page (window);
  g_autoptr(GPtrArray) status_pages = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-agenda", NULL));
  spin ();
  status_pages = escale_test_find_all (page, ADW_TYPE_STATUS_PAGE);
  g_assert_cmpuint (status_pages->len, ==, 1);
  g_assert_true (gtk_widget_get_mapped (status_pages->pdata[0]));
  g_assert_cmpstr (adw_status_page_get_title (status_pages->pdata[0]), ==, "Nothing Due");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init_gtk (&argc, &argv);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/agenda/groups-mine-everyone", test_groups_mine_everyone);
  ADD ("/ui/agenda/done", test_done);
  ADD ("/ui/agenda/open-person", test_open_person);
  ADD ("/ui/agenda/show-more", test_show_more);
  ADD ("/ui/agenda/referrals", test_referrals);
  ADD ("/ui/agenda/print-pdf", test_print_pdf);
  ADD ("/ui/agenda/notifier-pick", test_notifier_pick);
  ADD ("/ui/agenda/notifier-off", test_notifier_off);
#undef ADD
  g_test_add_func ("/ui/agenda/empty", test_empty);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
