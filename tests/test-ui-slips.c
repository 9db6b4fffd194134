/* test-ui-slips.c — the slip printed for the person, in French and in their language
 *
 * The people of escale-slip-fixture.h, their slips written as PDF files and
 * read back with pdftotext: Amina's in French and Arabic, with the
 * partner's address and hours and without her done interview; Olena's in
 * French and Ukrainian; Awa's, who reads Wolof, in French alone. Expected
 * translations come from the catalogues the build compiled, so that the
 * test follows po/. The person's file offers the slip in its menu, and a
 * planned action's row for that action alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-catalog.h"
#include "escale-people-page.h"
#include "escale-person-slip.h"
#include "escale-person-view.h"
#include "escale-slip-fixture.h"
#include "escale-test-gtk.h"
#include "escale-test-util.h"
#include "escale-timeline-row.h"
#include "escale-timeline-view.h"
#include "escale-window.h"

typedef struct
{
  EscaleStore       *store;
  EscaleSlipFixture  people;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->store = escale_test_store_new ();
  escale_slip_fixture_fill (fixture->store, &fixture->people);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&fixture->store);
}

/* The text of the slip of @person_id, written into @name. */
static char *
slip_text (Fixture    *fixture,
           gint64      person_id,
           gint64      action_id,
           const char *name)
{
  g_autofree char *path = escale_test_tmp_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (escale_person_slip_export_pdf (fixture->store, person_id, action_id, path,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  text = escale_test_pdf_text (path);
  if (g_test_verbose ())
    g_test_message ("%s:\n%s", name, text);
  return text;
}

/* pdftotext breaks lines where the layout does, and reads isolates: only
 * the letters are compared. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_shows (const char *text,
              const char *expected)
{
  g_autofree char *haystack = squeeze (text);
  g_autofree char *needle = squeeze (expected);

  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not on the slip:\n%s", expected, text);
}

static void
assert_hides (const char *text,
              const char *unexpected)
{
  g_autofree char *haystack = squeeze (text);
  g_autofree char *needle = squeeze (unexpected);

  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” is on the slip:\n%s", unexpected, text);
}

/* @msgid in @language, which must differ from English: the test must be
 * able to tell the languages apart. */
static const char *
translated (const char *language,
            const char *context,
            const char *msgid)
{
  EscaleCatalog *catalog = escale_catalog_get (language);
  const char *text = context ? escale_catalog_pgettext (catalog, context, msgid)
                             : escale_catalog_gettext (catalog, msgid);

  g_assert_cmpstr (text, !=, msgid);
  return text;
}

/* The slip's own labels, in @language as the catalogue has them now
 * (English until they are translated). */
static void
assert_labels (const char *text,
               const char *language)
{
  EscaleCatalog *catalog = escale_catalog_get (language);

  assert_shows (text, escale_catalog_pgettext (catalog, "slip title", "Your Appointments"));
  assert_shows (text, escale_catalog_pgettext (catalog, "slip", "When"));
  assert_shows (text, escale_catalog_pgettext (catalog, "slip", "Where"));
}

/* Tests */

static void
test_arabic (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *text = slip_text (fixture, fixture->people.amina, 0, "amina.pdf");

  /* Both columns: French and Arabic. */
  assert_labels (text, "fr");
  assert_labels (text, "ar");
  assert_shows (text, translated ("fr", NULL, "Opening hours"));
  assert_shows (text, translated ("ar", NULL, "Opening hours"));
  assert_shows (text, translated ("fr", NULL, "Documents to Bring"));
  assert_shows (text, translated ("ar", NULL, "Documents to Bring"));
  assert_shows (text, translated ("ar", "month", "June"));
  /* Not Monday: pdftotext reverses the letters of the lam-alef ligature. */
  assert_shows (text, translated ("ar", "weekday", "Thu"));
  assert_shows (text, translated ("fr", "month", "June"));
  assert_hides (text, "Opening hours");

  /* The person, the partner, its address and hours, what to bring. */
  assert_shows (text, "HADDAD Amina");
  assert_shows (text, "Maison du Droit");
  assert_shows (text, "12 rue de la Paix");
  assert_shows (text, "69001 Lyon");
  assert_shows (text, "04 78 00 00 00");
  assert_shows (text, "9:00–12:30");
  assert_shows (text, "14:00–17:00");
  assert_shows (text, "Passport or asylum certificate");
  assert_shows (text, "10:30");
  /* The next steps: the planned one, and the done interview's. */
  assert_shows (text, "Call us after the appointment");
  assert_shows (text, "Bring your last three payslips");
  assert_shows (text, "Association Escale Lyon");

  /* Not the done interview, nor the overdue one, nor the workers' notes. */
  assert_hides (text, "Ancien Partenaire");
  assert_hides (text, "Guichet Oublié");
  assert_hides (text, "Worker's own note");
}

static void
test_one_action (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *text = slip_text (fixture, fixture->people.amina,
                                     fixture->people.appointment, "appointment.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = escale_test_tmp_path ("done.pdf");

  assert_shows (text, "Maison du Droit");
  assert_shows (text, "Call us after the appointment");
  assert_hides (text, "Bring your last three payslips");

  /* A done action has no slip, and no file is written. */
  g_assert_false (escale_person_slip_export_pdf (fixture->store, fixture->people.amina,
                                                 fixture->people.done, path, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_ukrainian (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *text = slip_text (fixture, fixture->people.olena, 0, "olena.pdf");

  assert_labels (text, "fr");
  assert_labels (text, "uk");
  assert_shows (text, translated ("uk", NULL, "Opening hours"));
  assert_shows (text, translated ("uk", NULL, "Documents to Bring"));
  assert_shows (text, translated ("uk", "weekday", "Mon"));
  assert_shows (text, translated ("fr", NULL, "Opening hours"));
  assert_hides (text, translated ("ar", NULL, "Opening hours"));
  assert_shows (text, "KOVALENKO Olena");
  assert_shows (text, "12 rue de la Paix");
}

static void
test_french_only (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *text = slip_text (fixture, fixture->people.awa, 0, "awa.pdf");
  EscaleCatalog *french = escale_catalog_get ("fr");

  assert_shows (text, escale_catalog_pgettext (french, "slip title", "Your Appointments"));
  assert_shows (text, escale_catalog_pgettext (french, "slip", "No appointment is planned."));
  assert_shows (text, "DIOP Awa");
  /* One column: “file” is said in French only. */
  assert_shows (text, "dossier");
  assert_hides (text, "الملف");
  assert_hides (text, "справа");
}

/* The row of action @id, once shown. */
static EscaleTimelineRow *
find_row (GtkWidget *root,
          gint64     id)
{
  g_autoptr(GPtrArray) rows = escale_test_find_all (root, ESCALE_TYPE_TIMELINE_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      EscaleTimelineRow *row = g_ptr_array_index (rows, i);
      EscaleTimelineItem *item = escale_timeline_row_get_item (row);

      if (item != NULL && escale_timeline_item_get_kind (item) == ESCALE_TIMELINE_ACTION &&
          escale_timeline_item_get_id (item) == id)
        return row;
    }
  return NULL;
}

static gboolean
is_slip_button (GtkWidget     *widget,
                gconstpointer  data G_GNUC_UNUSED)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Print _Slip…") == 0;
}

static GtkWidget *
slip_button (EscaleTimelineRow *row)
{
  escale_timeline_row_set_expanded (row, TRUE);
  escale_test_spin ();
  return escale_test_find_widget (row, GTK_TYPE_BUTTON, is_slip_button, NULL);
}

static void
test_where_offered (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  EscaleWindow *window = escale_window_new (NULL, fixture->store);
  EscalePeoplePage *people = ESCALE_PEOPLE_PAGE (escale_window_get_people_page (window));
  GtkWidget *view, *button;
  GtkMenuButton *more;
  GMenuModel *menu, *section;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  GVariant *target_value;
  EscaleTimelineRow *row;

  gtk_window_present (GTK_WINDOW (window));
  escale_people_page_open_person (people, fixture->people.amina);
  escale_test_spin ();
  view = escale_test_find_widget (window, ESCALE_TYPE_PERSON_VIEW, NULL, NULL);
  g_assert_nonnull (view);

  /* The file's menu: all the planned actions. */
  more = GTK_MENU_BUTTON (escale_test_find_widget (view, GTK_TYPE_MENU_BUTTON, NULL, NULL));
  g_assert_nonnull (more);
  menu = gtk_menu_button_get_menu_model (more);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  g_assert_cmpstr (action, ==, "person.print-slip");
  target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_INT64);
  g_assert_nonnull (target);
  g_assert_cmpint (g_variant_get_int64 (target), ==, 0);
  g_object_unref (section);

  /* A planned action's row: that action; a done action's: nothing. */
  row = find_row (view, fixture->people.appointment);
  g_assert_nonnull (row);
  button = slip_button (row);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "person.print-slip");
  target_value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpint (g_variant_get_int64 (target_value), ==, fixture->people.appointment);
  row = find_row (view, fixture->people.done);
  g_assert_nonnull (row);
  button = slip_button (row);
  g_assert_true (button == NULL || !gtk_widget_get_visible (button));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init_gtk (&argc, &argv);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/slips/arabic", test_arabic);
  ADD ("/ui/slips/one-action", test_one_action);
  ADD ("/ui/slips/ukrainian", test_ukrainian);
  ADD ("/ui/slips/french-only", test_french_only);
  ADD ("/ui/slips/where-offered", test_where_offered);
#undef ADD
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
