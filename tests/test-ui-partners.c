/* test-ui-partners.c — the Partners page driven as a user would, with real widgets
 *
 * Three partners saved through the store: the list shows them by name, each
 * filter narrows it, choosing one shows its card (hours, services, a stale
 * capacity marked so), "Update…" writes the free places to the database and
 * the card, the buttons ask the window for the editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "escale-map-cluster.h"
#include "escale-partner-card.h"
#include "escale-partner-editor.h"
#include "escale-partner-hours.h"
#include "escale-partner-item.h"
#include "escale-partner-map.h"
#include "escale-partner-row.h"
#include "escale-partner-store.h"
#include "escale-partners-page.h"
#include "escale-referral-dialog.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-ui-util.h"
#include "escale-window.h"

typedef struct
{
  EscaleStore        *store;
  EscaleWindow       *window;
  EscalePartnersPage *page;
  gint64              zeta_id;
  gint64              alpha_id;
  gint64              mu_id;
} Fixture;

#define spin escale_test_spin

/* A Wednesday morning, before the tests run: a figure stamped by the store
 * today is then fresh. */
#define NOW_YEAR 2026, 3, 11, 10, 0, 0

static gint64
save (EscaleStore   *store,
      EscalePartner *partner)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_save_partner (store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (partner->id, >, 0);
  return partner->id;
}

/* Housing, Arabic spoken, open on Wednesday mornings, 3 places counted long ago. */
static gint64
add_zeta (EscaleStore *store)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  EscalePartnerService *service;
  const char *languages[] = { "fr", "ar", NULL };
  gint64 id;

  partner->name = g_strdup ("Zeta Logement");
  partner->kind = g_strdup ("shelter");
  partner->city = g_strdup ("Lyon");
  partner->postal_code = g_strdup ("69003");
  partner->latitude = 45.7597;
  partner->longitude = 4.8422;
  g_strfreev (partner->languages);
  partner->languages = g_strdupv ((GStrv) languages);
  escale_partner_add_phone (partner, "04 72 00 00 00", NULL);
  escale_partner_add_hours (partner, 3, "09:00", "12:00");
  escale_partner_add_closure (partner, "2026-12-24", "2026-12-31", "Winter break");
  escale_partner_add_contact (partner, "Nadia Benali", "Coordinator", NULL, "nadia@example.org");
  service = escale_partner_add_service (partner, "housing");
  service->description = g_strdup ("Emergency beds");
  service->documents = g_strdup ("Any identity document");
  service->capacity_total = 20;
  service->capacity_free = 3;
  id = save (store, partner);
  escale_test_exec_printf (store, "UPDATE partner_service SET capacity_updated_at = "
                           "'2024-01-05T10:00:00Z' WHERE partner_id = %" G_GINT64_FORMAT, id);
  return id;
}

/* Health, English, no hours, no free place. */
static gint64
add_alpha (EscaleStore *store)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();
  EscalePartnerService *service;
  const char *languages[] = { "en", NULL };

  partner->name = g_strdup ("Alpha Santé");
  partner->kind = g_strdup ("health_centre");
  partner->city = g_strdup ("Paris");
  partner->latitude = 48.8566;
  partner->longitude = 2.3522;
  g_strfreev (partner->languages);
  partner->languages = g_strdupv ((GStrv) languages);
  service = escale_partner_add_service (partner, "health");
  service->capacity_free = 0;
  return save (store, partner);
}

/* Legal aid, inactive, open on Mondays. */
static gint64
add_mu (EscaleStore *store)
{
  g_autoptr(EscalePartner) partner = escale_partner_new ();

  partner->name = g_strdup ("Mu Juridique");
  partner->kind = g_strdup ("legal_aid");
  partner->active = FALSE;
  escale_partner_add_hours (partner, 1, "14:00", "17:00");
  escale_partner_add_service (partner, "rights");
  return save (store, partner);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (NOW_YEAR);

  fixture->store = escale_test_store_new ();
  if (data == NULL)
    {
      fixture->zeta_id = add_zeta (fixture->store);
      fixture->alpha_id = add_alpha (fixture->store);
      fixture->mu_id = add_mu (fixture->store);
    }
  fixture->window = escale_window_new (NULL, fixture->store);
  fixture->page = ESCALE_PARTNERS_PAGE (escale_window_get_partners_page (fixture->window));
  escale_partners_page_set_now (fixture->page, now);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void) data;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_finalize_object (fixture->store);
}

/* The names listed, joined by commas. */
static char *
listed (Fixture *fixture)
{
  g_autoptr(GPtrArray) summaries = escale_partners_page_get_summaries (fixture->page);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < summaries->len; i++)
    {
      EscalePartnerSummary *summary = g_ptr_array_index (summaries, i);
      g_string_append_printf (names, "%s%s", i ? ", " : "", summary->name);
    }
  g_assert_cmpuint (g_list_model_get_n_items (escale_partners_page_get_model (fixture->page)), ==,
                    summaries->len);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_listed(fixture, expected) \
  G_STMT_START { g_autofree char *names_ = listed (fixture); \
                 g_assert_cmpstr (names_, ==, expected); } G_STMT_END

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static GtkDropDown *
find_filter (Fixture    *fixture,
             const char *tooltip)
{
  GtkWidget *dropdown = escale_test_find_widget (fixture->page, GTK_TYPE_DROP_DOWN, has_tooltip,
                                                 tooltip);
  g_assert_nonnull (dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static GtkToggleButton *
find_toggle (Fixture    *fixture,
             const char *tooltip)
{
  GtkWidget *toggle = escale_test_find_widget (fixture->page, GTK_TYPE_TOGGLE_BUTTON, has_tooltip,
                                               tooltip);
  g_assert_nonnull (toggle);
  return GTK_TOGGLE_BUTTON (toggle);
}

static void
set_filter (Fixture    *fixture,
            const char *tooltip,
            const char *code)
{
  escale_code_dropdown_set_code (find_filter (fixture, tooltip), code);
  spin ();
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  text)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static GtkButton *
find_button (gpointer    root,
             const char *label)
{
  GtkWidget *button = escale_test_find_widget (root, GTK_TYPE_BUTTON, has_label, label);

  g_assert_nonnull (button);
  return GTK_BUTTON (button);
}

/* Runs the main loop for a few frames: the page is laid out on the next ones. */
static void
wait_frames (void)
{
  gint64 end = g_get_monotonic_time () + 150 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  spin ();
}

static void
show_page (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-partners",
                                             NULL));
  wait_frames ();
}

/* A click, at once: activating a button waits a moment before "clicked". */
static void
click (GtkButton *button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static void
test_list_and_filters (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkToggleButton *open_now = find_toggle (fixture, "Only partners open at this moment");
  GtkToggleButton *free_places = find_toggle (fixture, "Only partners with a service that has free places");

  (void) data;
  show_page (fixture);
  /* By name, the inactive one too. */
  assert_listed (fixture, "Alpha Santé, Mu Juridique, Zeta Logement");

  set_filter (fixture, "Theme of a service", "housing");
  assert_listed (fixture, "Zeta Logement");
  set_filter (fixture, "Theme of a service", NULL);
  set_filter (fixture, "Kind of partner", "legal_aid");
  assert_listed (fixture, "Mu Juridique");
  set_filter (fixture, "Kind of partner", NULL);
  set_filter (fixture, "Language spoken", "en");
  assert_listed (fixture, "Alpha Santé");
  set_filter (fixture, "Language spoken", NULL);
  assert_listed (fixture, "Alpha Santé, Mu Juridique, Zeta Logement");

  /* Alpha has no place left; only Zeta is open on Wednesday at 10:00. */
  gtk_toggle_button_set_active (free_places, TRUE);
  spin ();
  assert_listed (fixture, "Zeta Logement");
  gtk_toggle_button_set_active (free_places, FALSE);
  gtk_toggle_button_set_active (open_now, TRUE);
  spin ();
  assert_listed (fixture, "Zeta Logement");
  gtk_toggle_button_set_active (open_now, FALSE);

  /* Open on a weekday: Mu on Mondays, Zeta on Wednesdays. */
  {
    GtkDropDown *day = find_filter (fixture, "A weekday the partner is open");

    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (day)), ==, 8);
    gtk_drop_down_set_selected (day, 1);
    spin ();
    assert_listed (fixture, "Mu Juridique");
    gtk_drop_down_set_selected (day, 3);
    spin ();
    assert_listed (fixture, "Zeta Logement");
    gtk_drop_down_set_selected (day, 0);
    spin ();
  }

  escale_partners_page_set_query (fixture->page, "lyon");
  assert_listed (fixture, "Zeta Logement");
  escale_partners_page_set_query (fixture->page, "69003");
  assert_listed (fixture, "Zeta Logement");
  escale_partners_page_set_query (fixture->page, "sante");
  assert_listed (fixture, "Alpha Santé");

  /* Nothing matches: the no-results state, and its button clears it all. */
  set_filter (fixture, "Theme of a service", "housing");
  assert_listed (fixture, "");
  g_assert_nonnull (escale_test_find_label (fixture->page, "No Matching Partners"));
  click (find_button (fixture->page, "_Clear Filters"));
  spin ();
  assert_listed (fixture, "Alpha Santé, Mu Juridique, Zeta Logement");
}

static gboolean
is_sidebar (GtkWidget     *widget,
            gconstpointer  data)
{
  (void) data;
  return gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* The partners' list, not one in a drop-down's popover. */
static GtkListView *
find_list (Fixture *fixture)
{
  GtkWidget *list = escale_test_find_widget (fixture->page, GTK_TYPE_LIST_VIEW, is_sidebar, NULL);

  g_assert_nonnull (list);
  return GTK_LIST_VIEW (list);
}

static void
select_position (Fixture *fixture,
                 guint    position)
{
  GtkSelectionModel *model = gtk_list_view_get_model (find_list (fixture));

  gtk_selection_model_select_item (model, position, TRUE);
  spin ();
}

static gboolean
is_stale_row (GtkWidget     *widget,
              gconstpointer  data)
{
  (void) data;
  return gtk_widget_has_css_class (widget, "capacity-stale");
}

static void
test_card_and_update (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *card = escale_partners_page_get_card (fixture->page);
  g_autoptr(EscalePartner) loaded = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hours = NULL;
  AdwMessageDialog *dialog;
  AdwActionRow *row;
  GtkWidget *spin_button;
  gboolean row_stale = FALSE;

  (void) data;
  show_page (fixture);
  g_assert_cmpint (escale_partners_page_get_partner_id (fixture->page), ==, 0);
  /* The map shows first; the details say none is chosen. */
  g_assert_null (escale_test_find_label (fixture->page, "No Partner Chosen"));
  escale_partners_page_show_map (fixture->page, FALSE);
  escale_test_spin ();
  g_assert_nonnull (escale_test_find_label (fixture->page, "No Partner Chosen"));

  /* The list marks Zeta's old figure. */
  rows = escale_test_find_all (find_list (fixture), ESCALE_TYPE_PARTNER_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    row_stale |= escale_partner_row_is_stale (g_ptr_array_index (rows, i));
  g_assert_true (row_stale);

  select_position (fixture, 2);
  g_assert_cmpint (escale_partners_page_get_partner_id (fixture->page), ==, fixture->zeta_id);
  g_assert_true (gtk_widget_is_drawable (card));
  g_assert_nonnull (escale_test_find_label (card, "Zeta Logement"));
  g_assert_nonnull (escale_test_find_label (card, "Open now"));
  loaded = escale_store_load_partner (fixture->store, fixture->zeta_id, &error);
  hours = escale_hours_format (loaded->hours);
  row = escale_test_find_row (card, "Opening hours");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, hours);
  g_assert_nonnull (escale_test_find_row (card, "Closed from"));
  g_assert_nonnull (escale_test_find_row (card, "Emergency beds"));
  g_assert_nonnull (escale_test_find_row (card, "Documents to bring"));
  g_assert_nonnull (escale_test_find_row (card, "Nadia Benali"));
  g_assert_nonnull (escale_test_find_row (card, "No referrals yet"));
  row = ADW_ACTION_ROW (escale_test_find_widget (card, ADW_TYPE_ACTION_ROW, is_stale_row, NULL));
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "3 free places, updated"));

  /* Update… asks, writes, shows: fresh now. */
  click (find_button (card, "_Update…"));
  spin ();
  dialog = escale_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  spin_button = escale_test_find_widget (dialog, GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  g_assert_nonnull (spin_button);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin_button)), ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 7);
  adw_message_dialog_response (dialog, "update");
  spin ();
  g_clear_pointer (&loaded, escale_partner_free);
  loaded = escale_store_load_partner (fixture->store, fixture->zeta_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (escale_partner_find_service (loaded, "housing")->capacity_free, ==, 7);
  g_assert_null (escale_test_find_widget (card, ADW_TYPE_ACTION_ROW, is_stale_row, NULL));
  g_assert_nonnull (escale_test_find_row (card, "20 places in all"));
  g_assert_cmpstr (adw_action_row_get_subtitle (escale_test_find_row (card, "20 places in all")),
                   ==, "7 free places, updated today");
  /* The list follows, and keeps the partner selected. */
  g_assert_cmpint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
                     gtk_list_view_get_model (find_list (fixture)))), ==, 2);
  set_filter (fixture, "Theme of a service", "housing");
  g_assert_cmpint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
                     gtk_list_view_get_model (find_list (fixture)))), ==, 0);
  g_assert_cmpint (escale_partners_page_get_partner_id (fixture->page), ==, fixture->zeta_id);

  /* Alpha is not open: no hours given. */
  set_filter (fixture, "Theme of a service", NULL);
  select_position (fixture, 0);
  g_assert_cmpint (escale_partners_page_get_partner_id (fixture->page), ==, fixture->alpha_id);
  g_assert_null (escale_test_find_label (card, "Open now"));
  g_assert_nonnull (escale_test_find_row (card, "Opening hours"));
  select_position (fixture, 1);
  g_assert_nonnull (escale_test_find_label (card, "Closed now"));
  g_assert_nonnull (escale_test_find_label (card, "Inactive"));
}

static void
on_edit_partner (gint64 *out,
                 gint64  id)
{
  *out = id;
}

static void
test_window_and_edit_signal (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *stack = escale_test_find_widget (fixture->window, ADW_TYPE_VIEW_STACK, NULL, NULL);
  gint64 asked = -1;

  (void) data;
  g_assert_false (adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack)) ==
                  GTK_WIDGET (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-partners",
                                             NULL));
  spin ();
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack)) ==
                 GTK_WIDGET (fixture->page));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "partners");

  g_signal_connect_swapped (fixture->page, "edit-partner", G_CALLBACK (on_edit_partner), &asked);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (fixture->page, "_Edit…"))));
  click (GTK_BUTTON (escale_test_find_widget (fixture->page, GTK_TYPE_BUTTON, has_tooltip,
                                             "New Partner")));
  g_assert_cmpint (asked, ==, 0);
  escale_partners_page_show_partner (fixture->page, fixture->mu_id);
  spin ();
  click (find_button (fixture->page, "_Edit…"));
  g_assert_cmpint (asked, ==, fixture->mu_id);

  /* Each opened the editor; saving a renamed partner shows it renamed. */
  {
    g_autoptr(GList) windows = gtk_window_list_toplevels ();
    EscalePartnerEditor *editor = NULL;
    guint n_editors = 0;

    for (GList *l = windows; l != NULL; l = l->next)
      if (ESCALE_IS_PARTNER_EDITOR (l->data))
        {
          n_editors++;
          if (gtk_widget_get_visible (l->data) &&
              strcmp (gtk_editable_get_text (GTK_EDITABLE (escale_partner_editor_get_widget (
                        l->data, ESCALE_PARTNER_EDITOR_NAME))), "Mu Juridique") == 0)
            editor = l->data;
          else
            gtk_window_destroy (l->data);
        }
    g_assert_cmpuint (n_editors, ==, 2);
    g_assert_nonnull (editor);
    gtk_editable_set_text (GTK_EDITABLE (escale_partner_editor_get_widget (
                             editor, ESCALE_PARTNER_EDITOR_NAME)), "Mu Droits");
    g_assert_true (escale_partner_editor_save (editor));
    spin ();
    g_assert_cmpint (escale_partners_page_get_partner_id (fixture->page), ==, fixture->mu_id);
    g_assert_nonnull (escale_test_find_label (fixture->page, "Mu Droits"));
  }

  /* Refer a person here: the referral dialog opens for this partner. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_button (fixture->page,
                                                                    "_Refer a Person…"))));
  click (find_button (fixture->page, "_Refer a Person…"));
  {
    g_autoptr(GList) windows = gtk_window_list_toplevels ();
    guint n_dialogs = 0;

    for (GList *l = windows; l != NULL; l = l->next)
      if (ESCALE_IS_REFERRAL_DIALOG (l->data))
        {
          n_dialogs++;
          gtk_window_destroy (l->data);
        }
    g_assert_cmpuint (n_dialogs, ==, 1);
  }

  /* The map slot is there for the map widget; the summaries feed it. */
  g_assert_true (ADW_IS_BIN (escale_partners_page_get_map_slot (fixture->page)));
  escale_partners_page_show_map (fixture->page, TRUE);
  spin ();
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (escale_partners_page_get_map_slot (fixture->page))));
}

static void
on_summaries_changed (guint *count)
{
  (*count)++;
}

/* An empty directory says so, and offers to add a partner. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  guint changes = 0;
  g_autoptr(EscalePartner) partner = escale_partner_new ();

  (void) data;
  show_page (fixture);
  assert_listed (fixture, "");
  g_assert_nonnull (escale_test_find_label (fixture->page, "No Partners Yet"));
  g_signal_connect_swapped (fixture->page, "summaries-changed", G_CALLBACK (on_summaries_changed),
                            &changes);
  partner->name = g_strdup ("Beta");
  save (fixture->store, partner);
  escale_partners_page_reload (fixture->page);
  spin ();
  g_assert_cmpuint (changes, ==, 1);
  assert_listed (fixture, "Beta");
  escale_partners_page_show_partner (fixture->page, partner->id);
  spin ();
  g_assert_nonnull (escale_test_find_row (escale_partners_page_get_card (fixture->page),
                                          "No contact details"));
}

/* The map shows the listed partners that have a position, and a marker
 * opens its partner's card. */
static void
test_map (Fixture       *fixture,
          gconstpointer  data)
{
  EscalePartnerMap *map;
  GPtrArray *points;

  (void) data;
  map = ESCALE_PARTNER_MAP (adw_bin_get_child (escale_partners_page_get_map_slot (fixture->page)));
  g_assert_nonnull (map);
  points = escale_partner_map_get_points (map);
  g_assert_cmpuint (points->len, ==, 2);   /* Mu has no position */

  set_filter (fixture, "Theme of a service", "housing");
  points = escale_partner_map_get_points (map);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpint (((EscaleMapPoint *) g_ptr_array_index (points, 0))->id, ==, fixture->zeta_id);
  g_assert_cmpstr (((EscaleMapPoint *) g_ptr_array_index (points, 0))->theme, ==, "housing");
  set_filter (fixture, "Theme of a service", NULL);

  escale_partners_page_show_map (fixture->page, TRUE);
  g_signal_emit_by_name (map, "partner-activated", fixture->alpha_id);
  escale_test_spin ();
  g_assert_cmpint (escale_partners_page_get_partner_id (fixture->page), ==, fixture->alpha_id);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  escale_test_init_gtk (&argc, &argv);

  g_test_add ("/ui/partners/list-and-filters", Fixture, NULL, fixture_set_up,
              test_list_and_filters, fixture_tear_down);
  g_test_add ("/ui/partners/card-and-update", Fixture, NULL, fixture_set_up,
              test_card_and_update, fixture_tear_down);
  g_test_add ("/ui/partners/window-and-edit-signal", Fixture, NULL, fixture_set_up,
              test_window_and_edit_signal, fixture_tear_down);
  g_test_add ("/ui/partners/map", Fixture, NULL, fixture_set_up, test_map, fixture_tear_down);
  g_test_add ("/ui/partners/empty", Fixture, "empty", fixture_set_up, test_empty,
              fixture_tear_down);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
