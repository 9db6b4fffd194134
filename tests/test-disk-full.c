/* test-disk-full.c — a full disk and a read-only one: clear errors, and
 * nothing saved before is lost or half-written
 *
 * The test mounts a small tmpfs in a mount namespace of its own
 * (escale-test-tmpfs.h), puts the database there and fills the rest of it.
 * Saving a person, adding an action, importing and writing a report then
 * fail with a message the user can act on; the file passes PRAGMA
 * integrity_check and holds what was saved before; once space is freed,
 * the same save works. Then the tmpfs is remounted read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escale-action-store.h"
#include "escale-import.h"
#include "escale-person-store.h"
#include "escale-report.h"
#include "escale-store-private.h"
#include "escale-test-tmpfs.h"
#include "escale-test-util.h"

#define TMPFS_MB 6

static char *no_tmpfs;   /* why the tmpfs could not be mounted */

typedef struct
{
  char        *path;
  EscaleStore *store;
  gint64       person;   /* saved before the disk filled */
} Fixture;

static gboolean
skip_without_tmpfs (void)
{
  if (no_tmpfs == NULL)
    return FALSE;
  {
    g_autofree char *why = g_strdup_printf ("cannot mount a private tmpfs: %s", no_tmpfs);

    g_test_skip (why);
  }
  return TRUE;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return escale_test_plain_int (f->path, sql);
}

static void
assert_whole (Fixture *f)
{
  g_autofree char *integrity = escale_test_integrity_check (f->path);

  g_assert_cmpstr (integrity, ==, "ok");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("escale-%u.db", ++counter);

  if (no_tmpfs != NULL)
    return;
  f->path = g_build_filename (escale_test_tmpfs_dir (), name, NULL);
  f->store = escale_store_open (f->path, &error);
  g_assert_no_error (error);
  escale_store_set_user (f->store, "tester");
  f->person = escale_test_add_person (f->store, "Haddad", "Samir", "1985-03-14");
  escale_test_add_person (f->store, "Tesfaye", "Selam", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *wal = NULL, *shm = NULL;

  if (f->path == NULL)
    return;
  g_clear_object (&f->store);
  wal = g_strconcat (f->path, "-wal", NULL);
  shm = g_strconcat (f->path, "-shm", NULL);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_free (f->path);
}

/* Fills the disk after moving every page into the main file, so that the
 * next write must grow the write-ahead log. */
static void
fill_disk (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (escale_store_exec (f->store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_test_message ("filler: %" G_GSIZE_FORMAT " bytes", escale_test_tmpfs_fill ());
}

static void
assert_full_error (const GError *error)
{
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
  g_assert_nonnull (strstr (error->message, "Free some space"));
}

static void
test_full_person (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscalePerson) person = NULL;
  g_autoptr(EscalePerson) changed = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_tmpfs ())
    return;
  fill_disk (f);

  /* A new person. */
  person = escale_test_person ("Karimi", "Ahmad", "1990-01-02");
  g_assert_false (escale_store_save_person (f->store, person, &error));
  assert_full_error (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (escale_person_get_id (person), ==, 0);

  /* A change of a person saved before. */
  changed = escale_store_load_person (f->store, f->person, &error);
  g_assert_no_error (error);
  escale_person_set (changed, ESCALE_FIELD_FAMILY_NAME, "Haddad-Khoury");
  g_assert_false (escale_store_save_person (f->store, changed, &error));
  assert_full_error (error);
  g_clear_error (&error);

  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE family_name = 'Haddad'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE family_name = 'Karimi'"), ==, 0);

  /* Space again: the same saves work. */
  escale_test_tmpfs_free ();
  g_assert_true (escale_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  g_assert_true (escale_store_save_person (f->store, changed, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person "
                             "WHERE family_name IN ('Karimi', 'Haddad-Khoury')"), ==, 2);
}

static void
test_full_action (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleAction) action = escale_action_new ();
  g_autoptr(GError) error = NULL;

  if (skip_without_tmpfs ())
    return;
  escale_action_set_int (action, ESCALE_ACTION_FIELD_PERSON_ID, f->person);
  escale_action_set (action, ESCALE_ACTION_FIELD_DATE, "2026-03-02");
  escale_action_set (action, ESCALE_ACTION_FIELD_TYPE, "interview");
  escale_action_set (action, ESCALE_ACTION_FIELD_STATUS, "done");
  escale_action_set (action, ESCALE_ACTION_FIELD_NOTES, "Rendez-vous à la préfecture");
  fill_disk (f);

  g_assert_false (escale_store_save_action (f->store, action, &error));
  assert_full_error (error);
  g_clear_error (&error);
  g_assert_cmpint (escale_action_get_id (action), ==, 0);
  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM action"), ==, 0);

  escale_test_tmpfs_free ();
  g_assert_true (escale_store_save_action (f->store, action, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM action"), ==, 1);
}

/* The CSV file lives outside the full disk. */
static char *
people_csv (guint rows)
{
  g_autoptr(GString) text = g_string_new ("file_number,family_name,given_names\n");
  g_autoptr(GError) error = NULL;
  char *path = escale_test_tmp_path ("people.csv");

  for (guint i = 1; i <= rows; i++)
    g_string_append_printf (text, "F-%u,Diallo,Aminata %u\n", i, i);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_full_import (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *csv = people_csv (2000);
  g_autoptr(EscaleImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_tmpfs ())
    return;
  fill_disk (f);

  report = escale_import_people (f->store, csv, FALSE, &error);
  g_assert_null (report);
  assert_full_error (error);
  g_clear_error (&error);
  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 2);

  escale_test_tmpfs_free ();
  report = escale_import_people (f->store, csv, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->created, ==, 2000);
  g_clear_object (&f->store);
  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 2002);
}

/* Every file of the tmpfs but the database's own and the filler. */
static guint
count_strays (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (escale_test_tmpfs_dir (), 0, NULL);
  g_autofree char *base = g_path_get_basename (f->path);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, base) && !g_str_equal (name, "filler"))
      {
        g_test_message ("stray file: %s", name);
        n++;
      }
  return n;
}

static void
test_full_report (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(EscaleReportParams) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 audit;

  if (skip_without_tmpfs ())
    return;
  params = escale_report_params_new (ESCALE_REPORT_ACTIVITY, "2026-01-01", "2026-12-31");
  output = g_build_filename (escale_test_tmpfs_dir (), "report.xlsx", NULL);
  audit = count (f, "SELECT count(*) FROM audit_log");
  fill_disk (f);

  /* The database on the full disk: its audit entry, written first, fails. */
  g_assert_false (escale_report_export (f->store, params, output, NULL, NULL, NULL, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_strays (f), ==, 0);
  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit);

  /* Only the spreadsheet's folder full: the workbook fails, in words. */
  {
    g_autoptr(EscaleStore) elsewhere = escale_test_store_new ();

    g_assert_false (escale_report_export (elsewhere, params, output, NULL, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_assert_nonnull (strstr (error->message, "The disk is full"));
    g_test_message ("report: %s", error->message);
    g_clear_error (&error);
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_strays (f), ==, 0);
  }

  escale_test_tmpfs_free ();
  g_assert_true (escale_report_export (f->store, params, output, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
  g_unlink (output);
}

static void
assert_read_only_error (const GError *error)
{
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "The database cannot be written"));
}

/* Opens @path, which must open or refuse with the read-only message, and
 * tries to save a person: the read-only message. */
static void
assert_cannot_write (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleStore) store = escale_store_open (path, &error);
  g_autoptr(EscalePerson) person = NULL;

  if (store == NULL)
    {
      g_test_message ("open: %s", error->message);
      assert_read_only_error (error);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (escale_store_count_people (store), ==, 2);
  person = escale_test_person ("Karimi", "Ahmad", NULL);
  g_assert_false (escale_store_save_person (store, person, &error));
  g_test_message ("save: %s", error->message);
  assert_read_only_error (error);
}

static void
test_read_only_mount (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_tmpfs ())
    return;
  g_clear_object (&f->store);
  escale_test_tmpfs_set_read_only (TRUE);

  assert_cannot_write (f->path);
  /* A new database cannot be made there either. */
  fresh = g_build_filename (escale_test_tmpfs_dir (), "new.db", NULL);
  g_assert_null (escale_store_open (fresh, &error));
  g_test_message ("new: %s", error->message);
  assert_read_only_error (error);
  g_clear_error (&error);

  escale_test_tmpfs_set_read_only (FALSE);
  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 2);
  f->store = escale_store_open (f->path, &error);
  g_assert_no_error (error);
  escale_test_add_person (f->store, "Karimi", "Ahmad", NULL);
}

/* Drops every capability of this process: root, or the owner of the user
 * namespace, may write any file otherwise. */
static gboolean
drop_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = { { 0, 0, 0 } };

  return syscall (SYS_capset, &header, data) == 0;
}

/* A database file of mode 0444, opened by a process without the
 * capabilities that would let it write anyway (a child, as they cannot be
 * had back). */
static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  pid_t pid;
  int wstatus;

  if (skip_without_tmpfs ())
    return;
  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (!drop_capabilities ())
        _exit (77);
      g_assert_cmpint (access (f->path, W_OK), !=, 0);
      assert_cannot_write (f->path);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &wstatus, 0), ==, pid);
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  if (WIFEXITED (wstatus) && WEXITSTATUS (wstatus) == 77)
    {
      g_test_skip ("cannot drop this process's capabilities, which let it write any file");
      return;
    }
  g_assert_true (WIFEXITED (wstatus));
  g_assert_cmpint (WEXITSTATUS (wstatus), ==, 0);
  assert_whole (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 2);
}

/* A file that is not a database, and a database with a damaged page: the
 * damaged message, not SQLite's own words. */
static void
test_damaged (void)
{
  g_autofree char *garbage = escale_test_tmp_path ("garbage.db");
  g_autofree char *path = escale_test_tmp_path ("damaged.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (garbage, "file_number;family_name\n2026-0001;Haddad\n"
                                      "and more lines to fill a page header\n", -1, NULL));
  g_assert_null (escale_store_open (garbage, &error));
  g_test_message ("not a database: %s", error->message);
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "is not an Escale database"));
  g_clear_error (&error);

  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 200; i++)
      escale_test_add_person (store, "Haddad", "Samir", NULL);
  }
  /* Every page after the first few overwritten with noise. */
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize i = 8 * 4096; i < length; i++)
    data[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
  {
    g_autoptr(EscaleStore) store = escale_store_open (path, &error);

    if (store != NULL)
      {
        gboolean ran = escale_store_check (store, problems, &error);

        g_test_message ("check: %s", ran ? "ran" : error->message);
        if (ran)
          g_assert_cmpuint (problems->len, >, 0);
        else
          g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
      }
    else
      {
        g_test_message ("open: %s", error->message);
        g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_DAMAGED);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any thread: unshare() refuses a process that has some. */
  if (!escale_test_tmpfs_setup (TMPFS_MB, &no_tmpfs))
    g_assert_nonnull (no_tmpfs);
  escale_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/disk-full/person", test_full_person);
  ADD ("/disk-full/action", test_full_action);
  ADD ("/disk-full/import", test_full_import);
  ADD ("/disk-full/report", test_full_report);
  ADD ("/read-only/mount", test_read_only_mount);
  ADD ("/read-only/file", test_read_only_file);
#undef ADD
  g_test_add_func ("/damaged/open", test_damaged);

  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
