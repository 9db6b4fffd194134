/* test-ui-reports.c — the Reports page: settings, preview and export
 *
 * The hand-counted report fixture in a real window: a custom period typed
 * in the date rows gives a preview whose Summary reads 5 people followed
 * (4 for programme A, "Accueil"); the participants report refuses "All
 * programmes"; wrong dates are shown under their row; an empty period
 * says so; an export writes a workbook that Gnumeric reads. The preview
 * widget's totals and cut long tables are checked on a report made here.
 *
 * With ESCALE_REPORTS_SCREENSHOT=FILE.png the "screenshot" case saves a
 * picture of the page (ESCALE_REPORTS_LANGUAGE=fr for French).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "escale-report-fixture.h"
#include "escale-report-preview.h"
#include "escale-reports-page.h"
#include "escale-reports-util.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-window.h"

#define spin escale_test_spin

typedef struct
{
  EscaleStore       *store;
  EscaleWindow      *window;
  EscaleReportsPage *page;
} Fixture;

/* Setting up */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->store = escale_test_store_new ();
  escale_report_fixture_fill (fixture->store);
  fixture->window = escale_window_new (NULL, fixture->store);
  fixture->page = ESCALE_REPORTS_PAGE (escale_window_get_reports_page (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  escale_test_wait_for_size (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-reports",
                                             NULL));
  spin ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_finalize_object (fixture->store);
}

/* Waiting */

/* Lets the page work until it is no longer busy: the settings' delay, the
 * build in its thread, the export. */
static void
wait_until_idle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* A change made just before is taken in after a delay: busy at once. */
  spin ();
  while (escale_reports_page_get_busy (fixture->page) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (escale_reports_page_get_busy (fixture->page));
  spin ();
}

/* Finding */

/* Whether @widget's title, its mnemonic's underline taken out, is @data. */
static gboolean
title_is (GtkWidget     *widget,
          gconstpointer  data)
{
  g_autofree char *title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  g_auto(GStrv) parts = g_strsplit (title, "_", -1);
  g_autofree char *plain = g_strjoinv ("", parts);

  return g_strcmp0 (plain, data) == 0;
}

static AdwEntryRow *
entry_row (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = escale_test_find_widget (fixture->page, ADW_TYPE_ENTRY_ROW, title_is, title);

  g_assert_nonnull (row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
combo_row (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = escale_test_find_widget (fixture->page, ADW_TYPE_COMBO_ROW, title_is, title);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

/* Chooses the item of @row reading @label. */
static void
choose (Fixture    *fixture,
        const char *title,
        const char *label)
{
  AdwComboRow *row = combo_row (fixture, title);
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("No “%s” in the row “%s”", label, title);
}

static void
set_period (Fixture    *fixture,
            const char *from,
            const char *to)
{
  choose (fixture, "Period", "Custom");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "From")), from);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "To")), to);
}

/* The text of the label right of the one reading @name in the preview's
 * grids (a line's value, a table's second column). */
static const char *
value_of (Fixture    *fixture,
          const char *name)
{
  GtkWidget *label = escale_test_find_label (fixture->page, name);
  GtkWidget *grid;
  GtkWidget *value;
  int column, row;

  g_assert_nonnull (label);
  grid = gtk_widget_get_parent (label);
  g_assert_true (GTK_IS_GRID (grid));
  gtk_grid_query_child (GTK_GRID (grid), label, &column, &row, NULL, NULL);
  value = gtk_grid_get_child_at (GTK_GRID (grid), column + 1, row);
  g_assert_true (GTK_IS_LABEL (value));
  return gtk_label_get_label (GTK_LABEL (value));
}

/* The message shown under @row, or NULL. */
static const char *
message_under (GtkWidget *row)
{
  GtkWidget *message = gtk_widget_get_next_sibling (row);

  if (message == NULL || !gtk_widget_get_visible (message) ||
      !gtk_widget_has_css_class (message, "field-message"))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message))));
}

static gboolean
export_enabled (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = escale_test_find_all (fixture->page, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "reports.export") == 0)
      return gtk_widget_is_sensitive (buttons->pdata[i]);
  g_assert_not_reached ();
}

/* Tests */

/* A custom period typed in the date rows: 5 people followed in 2026, 4 in
 * programme A. */
static void
test_preview (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  EscaleReport *report;

  set_period (fixture, "01/01/2026", "2026-12-31");
  wait_until_idle (fixture);
  report = escale_reports_page_get_preview (fixture->page);
  g_assert_nonnull (report);
  g_assert_cmpstr (escale_report_preview_get_sheet (ESCALE_REPORT_PREVIEW (
                     escale_test_find_widget (fixture->page, ESCALE_TYPE_REPORT_PREVIEW, NULL,
                                              NULL))), ==, "Summary");
  g_assert_cmpstr (value_of (fixture, "People followed"), ==, "5");
  g_assert_cmpstr (value_of (fixture, "Missed appointments"), ==, "2");
  g_assert_cmpstr (value_of (fixture, "Programme"), ==, "All programmes");
  g_assert_true (export_enabled (fixture));

  choose (fixture, "Programme", "Accueil");
  g_assert_true (escale_reports_page_get_busy (fixture->page));
  wait_until_idle (fixture);
  g_assert_true (escale_reports_page_get_preview (fixture->page) != report);
  g_assert_cmpstr (value_of (fixture, "People followed"), ==, "4");
  g_assert_cmpstr (value_of (fixture, "Programme"), ==, "Accueil");
}

/* Settings changed while a preview is being made: the last one wins. */
static void
test_changes_while_building (Fixture       *fixture,
                             gconstpointer  data G_GNUC_UNUSED)
{
  static const char *const programmes[] = { "Accueil", "All programmes" };

  set_period (fixture, "2026-01-01", "2026-12-31");
  for (guint i = 0; i < 7; i++)
    {
      gint64 until = g_get_monotonic_time () + 310 * 1000;

      choose (fixture, "Programme", programmes[i % 2]);
      /* Long enough for the build to start, maybe to end. */
      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
  wait_until_idle (fixture);
  g_assert_cmpstr (value_of (fixture, "Programme"), ==, "Accueil");
  g_assert_cmpstr (value_of (fixture, "People followed"), ==, "4");
}

/* The participants report is made for one programme. */
static void
test_participants_need_programme (Fixture       *fixture,
                                  gconstpointer  data G_GNUC_UNUSED)
{
  AdwComboRow *programme = combo_row (fixture, "Programme");

  set_period (fixture, "2026-01-01", "2026-12-31");
  choose (fixture, "Report", "Participants report");
  wait_until_idle (fixture);
  g_assert_false (export_enabled (fixture));
  g_assert_cmpstr (message_under (GTK_WIDGET (programme)), ==,
                   "The participants report is made for one programme: choose it");
  g_assert_nonnull (escale_test_find_label (fixture->page, "Nothing to Preview"));

  choose (fixture, "Programme", "Accueil");
  wait_until_idle (fixture);
  g_assert_true (export_enabled (fixture));
  g_assert_null (message_under (GTK_WIDGET (programme)));
  g_assert_nonnull (escale_report_find_sheet (escale_reports_page_get_preview (fixture->page),
                                              "Participants"));
}

/* Wrong dates are shown under their row, and nothing is exported. */
static void
test_bad_dates (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  AdwEntryRow *from = entry_row (fixture, "From");
  AdwEntryRow *to = entry_row (fixture, "To");
  g_autofree char *path = escale_test_tmp_path ("never.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  set_period (fixture, "31/02/2026", "2026-12-31");
  wait_until_idle (fixture);
  g_assert_nonnull (message_under (GTK_WIDGET (from)));
  g_assert_null (message_under (GTK_WIDGET (to)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_false (export_enabled (fixture));
  g_assert_null (escale_reports_page_get_preview (fixture->page));

  gtk_editable_set_text (GTK_EDITABLE (from), "2026");
  wait_until_idle (fixture);
  g_assert_cmpstr (message_under (GTK_WIDGET (from)), ==,
                   "Write the whole date: day, month and year");

  /* A period that ends before it starts: said under its end. */
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-12-31");
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-01-01");
  wait_until_idle (fixture);
  g_assert_null (message_under (GTK_WIDGET (from)));
  g_assert_cmpstr (message_under (GTK_WIDGET (to)), ==, "The period ends before it starts");
  g_assert_false (export_enabled (fixture));
  escale_reports_page_export_to (fixture->page, file);
  wait_until_idle (fixture);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Put right, the messages go. */
  gtk_editable_set_text (GTK_EDITABLE (to), "2027-01-01");
  wait_until_idle (fixture);
  g_assert_null (message_under (GTK_WIDGET (to)));
  g_assert_true (export_enabled (fixture));
}

/* A period without follow-up says so. */
static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  set_period (fixture, "2030-01-01", "2030-12-31");
  wait_until_idle (fixture);
  g_assert_nonnull (escale_test_find_label (fixture->page, "No Follow-up in This Period"));
  g_assert_null (escale_test_find_label (fixture->page, "People followed"));
  /* It can still be exported: a funder may want the zeros. */
  g_assert_true (export_enabled (fixture));
}

/* The period row tells the dates of the period chosen. */
static void
test_period_subtitle (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  AdwComboRow *period = combo_row (fixture, "Period");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_year = g_strdup_printf ("1 January %d – 31 December %d",
                                                g_date_time_get_year (now),
                                                g_date_time_get_year (now));
  g_autofree char *last_year = g_strdup_printf ("1 January %d – 31 December %d",
                                                g_date_time_get_year (now) - 1,
                                                g_date_time_get_year (now) - 1);

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (period)), ==, this_year);
  choose (fixture, "Period", "Last year");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (period)), ==, last_year);
  /* Custom starts from the period chosen before. */
  choose (fixture, "Period", "Custom");
  wait_until_idle (fixture);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (period)), ==, last_year);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry_row (fixture, "From"))));
}

/* The first sheet of @xlsx as Gnumeric's ssconvert reads it, in CSV. */
static char *
run_ssconvert (const char *ssconvert,
               const char *xlsx)
{
  g_autofree char *csv = g_strconcat (xlsx, ".csv", NULL);
  const char *argv[] = { ssconvert, "--export-type=Gnumeric_stf:stf_csv", xlsx, csv, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  int status = -1;

  /* Gnumeric warns of things of its own, which must not abort it. */
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

/* Export writes a workbook Gnumeric reads; its first sheet is the Summary. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  const char *ssconvert = g_getenv ("ESCALE_SSCONVERT");
  g_autofree char *path = escale_test_tmp_path ("report.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *csv = NULL;

  if (ssconvert == NULL)
    {
      g_test_skip ("Gnumeric's ssconvert is needed to read the workbook");
      return;
    }
  set_period (fixture, "2026-01-01", "2026-12-31");
  wait_until_idle (fixture);
  escale_reports_page_export_to (fixture->page, file);
  g_assert_true (escale_reports_page_get_busy (fixture->page));
  g_assert_false (export_enabled (fixture));
  wait_until_idle (fixture);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (export_enabled (fixture));
  g_assert_null (escale_test_find_message_dialog ());
  csv = run_ssconvert (ssconvert, path);
  g_assert_nonnull (strstr (csv, "\"People followed\",5\n"));
}

/* A workbook that cannot be written: the error is told in a dialog. */
static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = escale_test_tmp_path ("no-such-folder/report.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  set_period (fixture, "2026-01-01", "2026-12-31");
  escale_reports_page_export_to (fixture->page, file);
  wait_until_idle (fixture);
  dialog = escale_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Save the Report");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (export_enabled (fixture));
}

/* The languages offered, each in its own language; English by default. */
static void
test_languages (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  AdwComboRow *row = combo_row (fixture, "Language of the report");
  g_autoptr(GtkStringObject) selected = NULL;
  GListModel *model = adw_combo_row_get_model (row);
  gboolean french = FALSE;

  selected = g_list_model_get_item (model, adw_combo_row_get_selected (row));
  g_assert_cmpstr (gtk_string_object_get_string (selected), ==, "English");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      french |= g_strcmp0 (gtk_string_object_get_string (item), "Français") == 0;
    }
  g_assert_true (french);

  /* A report in French previews in French. */
  set_period (fixture, "2026-01-01", "2026-12-31");
  choose (fixture, "Language of the report", "Français");
  wait_until_idle (fixture);
  g_assert_cmpstr (escale_reports_page_get_preview (fixture->page)->language, ==, "fr");
  g_assert_nonnull (escale_report_find_sheet (escale_reports_page_get_preview (fixture->page),
                                              "Synthèse"));
}

/* The window's action shows the page, and its accelerator is listed. */
static void
test_show_action (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-people",
                                             NULL));
  spin ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-reports",
                                             NULL));
  spin ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
}

/* Periods, names and file names */

static void
assert_period (EscaleReportPeriod  period,
               const char         *today,
               const char         *from,
               const char         *to)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_assert_true (escale_report_period_dates (period, today, &first, &last));
  g_assert_cmpstr (first, ==, from);
  g_assert_cmpstr (last, ==, to);
}

static void
test_periods (void)
{
  g_autofree char *name = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *const languages[] = { "en", "ar", "fr", NULL };

  assert_period (ESCALE_REPORT_PERIOD_THIS_YEAR, "2026-05-15", "2026-01-01", "2026-12-31");
  assert_period (ESCALE_REPORT_PERIOD_LAST_YEAR, "2026-05-15", "2025-01-01", "2025-12-31");
  assert_period (ESCALE_REPORT_PERIOD_THIS_QUARTER, "2026-05-15", "2026-04-01", "2026-06-30");
  assert_period (ESCALE_REPORT_PERIOD_LAST_QUARTER, "2026-05-15", "2026-01-01", "2026-03-31");
  assert_period (ESCALE_REPORT_PERIOD_LAST_QUARTER, "2026-02-10", "2025-10-01", "2025-12-31");
  assert_period (ESCALE_REPORT_PERIOD_THIS_QUARTER, "2026-12-31", "2026-10-01", "2026-12-31");
  assert_period (ESCALE_REPORT_PERIOD_THIS_MONTH, "2024-02-29", "2024-02-01", "2024-02-29");
  assert_period (ESCALE_REPORT_PERIOD_LAST_MONTH, "2026-03-31", "2026-02-01", "2026-02-28");
  assert_period (ESCALE_REPORT_PERIOD_LAST_MONTH, "2026-01-01", "2025-12-01", "2025-12-31");
  g_assert_false (escale_report_period_dates (ESCALE_REPORT_PERIOD_CUSTOM, "2026-01-01", &first,
                                              &last));

  name = escale_report_format_period ("2026-01-01", "2026-03-31");
  g_assert_cmpstr (name, ==, "1 January 2026 – 31 March 2026");
  g_clear_pointer (&name, g_free);
  name = escale_report_file_name (ESCALE_REPORT_ACTIVITY, "2026-01-01", "2026-12-31");
  g_assert_cmpstr (name, ==, "activity-report-2026-01-01-2026-12-31.xlsx");
  g_clear_pointer (&name, g_free);
  name = escale_report_file_name (ESCALE_REPORT_PARTICIPANTS, "2026-01-01", "2026-06-30");
  g_assert_cmpstr (name, ==, "participants-report-2026-01-01-2026-06-30.xlsx");
  g_clear_pointer (&name, g_free);

  name = escale_language_native_name ("ar");
  g_assert_cmpstr (name, ==, "العربية");
  g_clear_pointer (&name, g_free);
  name = escale_language_native_name ("pt_BR");
  g_assert_cmpstr (name, ==, "Português (BR)");
  g_clear_pointer (&name, g_free);
  name = escale_language_native_name ("xx");
  g_assert_cmpstr (name, ==, "xx");
  g_clear_pointer (&name, g_free);

  /* The interface's language when there is a catalogue for it, else English. */
  g_setenv ("LANGUAGE", "fr_BE:fr", TRUE);
  name = escale_report_default_language (languages);
  g_assert_cmpstr (name, ==, "fr");
  g_clear_pointer (&name, g_free);
  g_setenv ("LANGUAGE", "de", TRUE);
  name = escale_report_default_language (languages);
  g_assert_cmpstr (name, ==, "en");
  g_setenv ("LANGUAGE", "en", TRUE);
}

/* The preview widget alone */

/* A report of one sheet with a table of @n_rows rows counting @count each. */
static EscaleReport *
make_report (guint    n_rows,
             double   count,
             gboolean masked)
{
  static const char *const headers[] = { "Name", "Count", "Hours", NULL };
  EscaleReport *report = escale_report_new ("Title", "Association", "en");
  EscaleReportSheet *sheet = escale_report_add_sheet (report, "Data");
  EscaleReportTable *table;

  escale_report_sheet_add_line (sheet, "From", escale_report_cell_date ("2026-01-01"));
  table = escale_report_sheet_add_table (sheet, "A table", headers);
  table->total_row = TRUE;
  table->total_column = TRUE;
  table->masked = masked;
  escale_report_table_set_note (table, "A note.");
  for (guint i = 0; i < n_rows; i++)
    {
      EscaleReportCell *row = escale_report_table_add_row (table);
      g_autofree char *name = g_strdup_printf ("Row %u", i + 1);

      escale_report_cell_set_text (&row[0], name);
      escale_report_cell_set_number (&row[1], ESCALE_CELL_COUNT, count);
      escale_report_cell_set_number (&row[2], ESCALE_CELL_HOURS, 1.5);
    }
  escale_report_add_sheet (report, "Other");
  return report;
}

static GtkWidget *
show_preview (EscaleReport *report)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *preview = escale_report_preview_new ();

  escale_report_preview_set_report (ESCALE_REPORT_PREVIEW (preview), report);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), preview);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_present (GTK_WINDOW (window));
  escale_test_wait_for_size (preview);
  spin ();
  return preview;
}

/* The label "Total" in the first column of a grid. */
static GtkWidget *
total_row_label (GtkWidget *preview)
{
  g_autoptr(GPtrArray) labels = escale_test_find_all (preview, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];
      GtkWidget *grid = gtk_widget_get_parent (label);
      int column;

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), "Total") != 0 ||
          !GTK_IS_GRID (grid))
        continue;
      gtk_grid_query_child (GTK_GRID (grid), label, &column, NULL, NULL, NULL);
      if (column == 0)
        return label;
    }
  g_assert_not_reached ();
}

/* At most 200 rows, then how many more; totals as the workbook sums them. */
static void
test_preview_long_table (void)
{
  GtkWidget *preview = show_preview (make_report (250, 1, FALSE));
  GtkWidget *total, *grid;
  int row;

  g_assert_nonnull (escale_test_find_label (preview, "Row 200"));
  g_assert_null (escale_test_find_label (preview, "Row 201"));
  g_assert_nonnull (escale_test_find_label (preview, "50 more rows in the file"));
  g_assert_nonnull (escale_test_find_label (preview, "A table"));
  g_assert_nonnull (escale_test_find_label (preview, "A note."));
  g_assert_nonnull (escale_test_find_label (preview, "01/01/2026"));
  /* The total row: 250 counted, 375.0 hours, 250 in the total column. */
  total = total_row_label (preview);
  grid = gtk_widget_get_parent (total);
  gtk_grid_query_child (GTK_GRID (grid), total, NULL, &row, NULL, NULL);
  g_assert_cmpint (row, ==, 201);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1,
                                                                          row))), ==, "250");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 2,
                                                                          row))), ==, "375.0");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 3,
                                                                          row))), ==, "250");
  g_assert_true (gtk_widget_has_css_class (total, "heading"));

  /* Another sheet, then the same sheet kept when the report is made again. */
  g_assert_true (escale_report_preview_show_sheet (ESCALE_REPORT_PREVIEW (preview), "Other"));
  spin ();
  g_assert_null (escale_test_find_label (preview, "Row 1"));
  escale_report_preview_set_report (ESCALE_REPORT_PREVIEW (preview), make_report (3, 1, FALSE));
  g_assert_cmpstr (escale_report_preview_get_sheet (ESCALE_REPORT_PREVIEW (preview)), ==,
                   "Other");
  g_assert_false (escale_report_preview_show_sheet (ESCALE_REPORT_PREVIEW (preview), "None"));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (preview)));
}

/* Masked counts and their small totals show "<5". */
static void
test_preview_masked (void)
{
  GtkWidget *preview = show_preview (make_report (1, 3, TRUE));
  g_autoptr(GPtrArray) labels = escale_test_find_all (preview, GTK_TYPE_LABEL);
  guint masked = 0;

  for (guint i = 0; i < labels->len; i++)
    masked += g_strcmp0 (gtk_label_get_label (labels->pdata[i]), "<5") == 0;
  /* The cell, its row's total, the column's total and the grand total. */
  g_assert_cmpuint (masked, ==, 4);
  g_assert_null (escale_test_find_label (preview, "3"));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (preview)));
}

/* A picture of the page, to look at */

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  escale_test_wait_for_size (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  const char *path = g_getenv ("ESCALE_REPORTS_SCREENSHOT");
  const char *sheet = g_getenv ("ESCALE_REPORTS_SHEET");
  const char *height = g_getenv ("ESCALE_REPORTS_HEIGHT");

  if (path == NULL)
    {
      g_test_skip ("set ESCALE_REPORTS_SCREENSHOT=FILE.png");
      return;
    }
  if (height != NULL)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, atoi (height));
  set_period (fixture, "01/01/2026", "31/12/2026");
  choose (fixture, "Programme", "Accueil");
  wait_until_idle (fixture);
  if (sheet != NULL)
    {
      g_assert_true (escale_report_preview_show_sheet (ESCALE_REPORT_PREVIEW (
                       escale_test_find_widget (fixture->page, ESCALE_TYPE_REPORT_PREVIEW, NULL,
                                                NULL)), sheet));
      spin ();
    }
  /* Lets the new preview be laid out and drawn. */
  for (int i = 0; i < 20; i++)
    {
      g_usleep (50000);
      spin ();
    }
  save_png (GTK_WIDGET (fixture->window), path);
  g_test_message ("saved %s", path);
}

/* Switches the interface to @language before anything is shown. */
static void
use_language (const char *language)
{
  extern int _nl_msg_cat_cntr;

  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_init_gtk_translated (&argc, &argv);
  if (g_strcmp0 (g_getenv ("ESCALE_REPORTS_LANGUAGE") ?: "en", "en") != 0)
    use_language (g_getenv ("ESCALE_REPORTS_LANGUAGE"));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/reports/preview", test_preview);
  ADD ("/ui/reports/changes-while-building", test_changes_while_building);
  ADD ("/ui/reports/participants-need-programme", test_participants_need_programme);
  ADD ("/ui/reports/bad-dates", test_bad_dates);
  ADD ("/ui/reports/empty-period", test_empty_period);
  ADD ("/ui/reports/period-subtitle", test_period_subtitle);
  ADD ("/ui/reports/export", test_export);
  ADD ("/ui/reports/export-error", test_export_error);
  ADD ("/ui/reports/languages", test_languages);
  ADD ("/ui/reports/show-action", test_show_action);
  ADD ("/ui/reports/screenshot", test_screenshot);
#undef ADD
  g_test_add_func ("/ui/reports/periods", test_periods);
  g_test_add_func ("/ui/reports/preview-long-table", test_preview_long_table);
  g_test_add_func ("/ui/reports/preview-masked", test_preview_masked);

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
