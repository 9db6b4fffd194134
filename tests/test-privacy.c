/* test-privacy.c — the audit's retention setting, the files of the retention review and the
 * sensitive categories (escale-privacy.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-account.h"
#include "escale-privacy.h"
#include "escale-test-util.h"

static void
test_audit_retention (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (escale_store_get_audit_retention (store), ==, ESCALE_AUDIT_RETENTION_DEFAULT);
  g_assert_true (escale_store_set_audit_retention (store, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (escale_store_get_audit_retention (store), ==, 6);

  /* Out of the 6 to 12 months: refused, the setting unchanged. */
  g_assert_false (escale_store_set_audit_retention (store, 5, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (escale_store_set_audit_retention (store, 13, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (escale_store_get_audit_retention (store), ==, 6);

  /* A value written by hand out of range reads as the default. */
  g_assert_true (escale_store_set_setting (store, ESCALE_SETTING_AUDIT_RETENTION, "48", &error));
  g_assert_cmpuint (escale_store_get_audit_retention (store), ==, ESCALE_AUDIT_RETENTION_DEFAULT);

  /* Staff may not change it. */
  g_assert_cmpint (escale_store_create_account (store, "admin", NULL, ESCALE_ROLE_ADMINISTRATOR,
                                                "admin password 1", &error), >, 0);
  g_assert_cmpint (escale_store_create_account (store, "staff", NULL, ESCALE_ROLE_STAFF,
                                                "staff password 1", &error), >, 0);
  g_assert_true (escale_store_login (store, "staff", "staff password 1", &error));
  g_assert_false (escale_store_set_audit_retention (store, 8, &error));
  g_assert_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_PERMISSION);
}

static void
test_review_files (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  gint64 old = escale_test_add_old_person (store, "ANCIEN", "Karim");
  gint64 other = escale_test_add_person (store, "AUTRE", NULL, NULL);
  gint64 ids[] = { other, 9999, old };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  const EscaleReviewFile *file;

  files = escale_store_load_review_files (store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  /* In the order asked, the missing id left out. */
  g_assert_cmpuint (files->len, ==, 2);
  file = g_ptr_array_index (files, 0);
  g_assert_cmpint (file->person_id, ==, other);
  g_assert_cmpstr (file->family_name, ==, "AUTRE");
  g_assert_null (file->given_names);
  file = g_ptr_array_index (files, 1);
  g_assert_cmpint (file->person_id, ==, old);
  g_assert_cmpstr (file->given_names, ==, "Karim");
  g_assert_nonnull (file->file_number);
  /* No contact: the day the file was created. */
  g_assert_cmpstr (file->last_contact, ==, "2020-01-01");

  /* An action is a contact. */
  escale_test_exec_printf (store, "INSERT INTO action (scope, person_id, date, type, status) "
                                  "VALUES ('person', %" G_GINT64_FORMAT ", '2021-05-04', "
                                  "'interview', 'done')", old);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = escale_store_load_review_files (store, &old, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((EscaleReviewFile *) g_ptr_array_index (files, 0))->last_contact, ==,
                   "2021-05-04");
}

static void
test_sensitive_categories (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = escale_store_list_sensitive_categories (store, &error);
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  joined = g_strjoinv (",", categories);
  /* Those of migration 6, once each, in the order of the header. */
  g_assert_cmpstr (joined, ==, "health,legal,origin");
  g_assert_cmpstr (escale_sensitive_category_label ("legal"), ==, "Legal proceedings");
  g_assert_cmpstr (escale_sensitive_category_label ("other"), ==, "other");
}

int
main (int    argc,
      char **argv)
{
  int result;

  escale_test_init (&argc, &argv);
  g_test_add_func ("/privacy/audit-retention", test_audit_retention);
  g_test_add_func ("/privacy/review-files", test_review_files);
  g_test_add_func ("/privacy/sensitive-categories", test_sensitive_categories);
  result = g_test_run ();
  escale_test_cleanup ();
  return result;
}
