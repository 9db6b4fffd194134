/* test-ui-disk-full.c — Save on a full disk keeps what the user typed
 *
 * The database lives on a small tmpfs of the test's own (see
 * escale-test-tmpfs.h). The person editor and the action dialog are filled
 * in, the disk is filled, Save is pressed: the dialog stays open with the
 * message and every field as typed; once space is freed, Save again saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "escale-action-dialog.h"
#include "escale-action-store.h"
#include "escale-person-editor.h"
#include "escale-person-store.h"
#include "escale-store-private.h"
#include "escale-test-gtk.h"
#include "escale-test-tmpfs.h"
#include "escale-test-util.h"

#define TMPFS_MB 6

static char *no_tmpfs;

typedef struct
{
  char        *path;
  EscaleStore *store;
  GtkWindow   *dialog;
  guint        n_saved;
} Fixture;

static gboolean
skip_without_tmpfs (void)
{
  g_autofree char *why = NULL;

  if (no_tmpfs == NULL)
    return FALSE;
  why = g_strdup_printf ("cannot mount a private tmpfs: %s", no_tmpfs);
  g_test_skip (why);
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("escale-%u.db", ++counter);
  g_autoptr(GError) error = NULL;

  if (no_tmpfs != NULL)
    return;
  f->path = g_build_filename (escale_test_tmpfs_dir (), name, NULL);
  f->store = escale_store_open (f->path, &error);
  g_assert_no_error (error);
  escale_store_set_user (f->store, "tester");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  if (f->path == NULL)
    return;
  if (f->dialog != NULL)
    gtk_window_destroy (f->dialog);
  escale_test_spin ();
  g_assert_null (f->dialog);
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

static void
on_saved_cb (GtkWindow *dialog G_GNUC_UNUSED,
             gint64     id G_GNUC_UNUSED,
             gint64     other G_GNUC_UNUSED,
             Fixture   *f)
{
  f->n_saved++;
}

static void
track (Fixture   *f,
       GtkWindow *dialog)
{
  f->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &f->dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (dialog);
  escale_test_spin ();
}

static void
fill_disk (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  /* Every page in the main file: the next save must grow the log. */
  g_assert_true (escale_store_exec (f->store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  escale_test_tmpfs_fill ();
}

static gboolean
is_save_button (GtkWidget     *widget,
                gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Presses the dialog's Save button, as the user does. */
static void
press_save (Fixture    *f,
            const char *action)
{
  GtkWidget *button = escale_test_find_widget (f->dialog, GTK_TYPE_BUTTON, is_save_button,
                                               action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  escale_test_spin ();
}

static void
set_text (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  escale_test_spin ();
}

static char *
get_text (GtkWidget *widget)
{
  GtkTextIter start, end;
  GtkTextBuffer *buffer;

  if (!GTK_IS_TEXT_VIEW (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const struct
{
  EscaleField field;
  const char *text;
} person_fields[] = {
  { ESCALE_FIELD_FAMILY_NAME, "Karimi" },
  { ESCALE_FIELD_GIVEN_NAMES, "Ahmad Zaher" },
  { ESCALE_FIELD_BIRTH_DATE, "14/03/1991" },
  { ESCALE_FIELD_PHONE, "+33 6 12 34 56 78" },
  { ESCALE_FIELD_EMAIL, "ahmad@example.org" },
  { ESCALE_FIELD_ADDRESS, "12, rue de la Paix" },
  { ESCALE_FIELD_CITY, "Lyon" },
  { ESCALE_FIELD_NOTES, "Parle dari et un peu de français. کابل" },
};

static void
assert_person_form_kept (EscalePersonEditor *editor)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    {
      GtkWidget *widget = escale_person_editor_get_field_widget (editor, person_fields[i].field);
      g_autofree char *text = get_text (widget);

      g_assert_cmpstr (text, ==, person_fields[i].text);
    }
}

static void
test_person_editor (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  EscalePersonEditor *editor;
  const char *banner;

  if (skip_without_tmpfs ())
    return;
  editor = escale_person_editor_new (NULL, f->store, NULL);
  track (f, GTK_WINDOW (editor));
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    set_text (escale_person_editor_get_field_widget (editor, person_fields[i].field),
              person_fields[i].text);
  fill_disk (f);

  press_save (f, "editor.save");
  g_assert_nonnull (f->dialog);
  g_assert_cmpuint (f->n_saved, ==, 0);
  banner = escale_person_editor_get_banner (editor);
  g_assert_nonnull (banner);
  g_test_message ("banner: %s", banner);
  g_assert_nonnull (strstr (banner, "The disk is full: this change was not saved."));
  assert_person_form_kept (editor);
  g_assert_cmpint (escale_store_count_people (f->store), ==, 0);

  escale_test_tmpfs_free ();
  press_save (f, "editor.save");
  g_assert_null (f->dialog);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (escale_store_count_people (f->store), ==, 1);
  g_assert_cmpint (escale_test_plain_int (f->path, "SELECT count(*) FROM person WHERE "
                                                   "family_name = 'Karimi' AND "
                                                   "city = 'Lyon'"), ==, 1);
}

static void
test_action_dialog (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  EscaleActionDialog *dialog;
  GtkWidget *notes, *duration;
  const char *banner;
  g_autofree char *kept_notes = NULL;
  gint64 person;

  if (skip_without_tmpfs ())
    return;
  person = escale_test_add_person (f->store, "Haddad", "Amina", "1990-03-14");
  dialog = escale_action_dialog_new (NULL, f->store, person, 0);
  track (f, GTK_WINDOW (dialog));
  notes = escale_action_dialog_get_field_widget (dialog, ESCALE_ACTION_FIELD_NOTES);
  duration = escale_action_dialog_get_field_widget (dialog, ESCALE_ACTION_FIELD_DURATION);
  set_text (notes, "Dossier OFPRA déposé; prochain rendez-vous dans 15 jours.");
  set_text (duration, "45");
  fill_disk (f);

  press_save (f, "dialog.save");
  g_assert_nonnull (f->dialog);
  g_assert_cmpuint (f->n_saved, ==, 0);
  banner = escale_action_dialog_get_banner (dialog);
  g_assert_nonnull (banner);
  g_test_message ("banner: %s", banner);
  g_assert_nonnull (strstr (banner, "The disk is full"));
  kept_notes = get_text (notes);
  g_assert_cmpstr (kept_notes, ==, "Dossier OFPRA déposé; prochain rendez-vous dans 15 jours.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (duration)), ==, "45");
  g_assert_cmpint (escale_test_plain_int (f->path, "SELECT count(*) FROM action"), ==, 0);

  escale_test_tmpfs_free ();
  press_save (f, "dialog.save");
  g_assert_null (f->dialog);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (escale_test_plain_int (f->path, "SELECT count(*) FROM action "
                                                   "WHERE duration_minutes = 45"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any thread: unshare() refuses a process that has some. */
  if (!escale_test_tmpfs_setup (TMPFS_MB, &no_tmpfs))
    g_assert_nonnull (no_tmpfs);
  escale_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui-disk-full/person-editor", test_person_editor);
  ADD ("/ui-disk-full/action-dialog", test_action_dialog);
#undef ADD

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
