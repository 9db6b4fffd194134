/* escale-privacy.c — the audit's retention, and what the privacy pages read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-privacy.h"
#include "escale-store-private.h"

static const struct
{
  const char *code;
  const char *msgid;
} categories[] = {
  /* Translators: a category of sensitive data, in the register of processing */
  { "health", NC_("sensitive data", "Health") },
  /* Translators: a category of sensitive data, in the register of processing */
  { "legal", NC_("sensitive data", "Legal proceedings") },
  /* Translators: a category of sensitive data (birth country, nationality),
   * in the register of processing */
  { "origin", NC_("sensitive data", "Ethnic or national origin") },
  /* Translators: a category of sensitive data, in the register of processing */
  { "religion", NC_("sensitive data", "Religious beliefs") },
};

/* Settings */

static guint
get_months (EscaleStore *store,
            const char  *key,
            guint        min,
            guint        max,
            guint        fallback)
{
  g_autofree char *text = escale_store_get_setting (store, key);
  guint64 months;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, min, max, &months, NULL))
    return fallback;
  return (guint) months;
}

static gboolean
set_months (EscaleStore  *store,
            const char   *key,
            guint         months,
            guint         min,
            guint         max,
            GError      **error)
{
  g_autofree char *text = NULL;

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error))
    return FALSE;
  if (months < min || months > max)
    {
      /* Translators: a retention period out of range, "between 6 and 12 months" */
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                   _("Choose a period between %u and %u months"), min, max);
      return FALSE;
    }
  text = g_strdup_printf ("%u", months);
  return escale_store_set_setting (store, key, text, error);
}

/* Review */

static gpointer
read_review_file (sqlite3_stmt          *stmt,
                  G_GNUC_UNUSED gpointer data)
{
  EscaleReviewFile *file = g_new0 (EscaleReviewFile, 1);

  file->person_id = sqlite3_column_int64 (stmt, 0);
  file->file_number = escale_column_dup (stmt, 1);
  file->family_name = escale_column_dup (stmt, 2);
  file->given_names = escale_column_dup (stmt, 3);
  file->last_contact = escale_column_dup (stmt, 4);
  return file;
}

static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gpointer
dup_first_column (sqlite3_stmt          *stmt,
                  G_GNUC_UNUSED gpointer data)
{
  return escale_column_dup (stmt, 0);
}

/* Public API */

guint
escale_store_get_audit_retention (EscaleStore *store)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), ESCALE_AUDIT_RETENTION_DEFAULT);
  return get_months (store, ESCALE_SETTING_AUDIT_RETENTION, ESCALE_AUDIT_RETENTION_MIN,
                     ESCALE_AUDIT_RETENTION_MAX, ESCALE_AUDIT_RETENTION_DEFAULT);
}

gboolean
escale_store_set_audit_retention (EscaleStore  *store,
                                  guint         months,
                                  GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  return set_months (store, ESCALE_SETTING_AUDIT_RETENTION, months, ESCALE_AUDIT_RETENTION_MIN,
                     ESCALE_AUDIT_RETENTION_MAX, error);
}

void
escale_review_file_free (EscaleReviewFile *file)
{
  if (file == NULL)
    return;
  g_free (file->file_number);
  g_free (file->family_name);
  g_free (file->given_names);
  g_free (file->last_contact);
  g_free (file);
}

/**
 * escale_store_load_review_files:
 *
 * Returns: (transfer full) (element-type EscaleReviewFile) (nullable): the
 *   files, or %NULL with @error set
 */
GPtrArray *
escale_store_load_review_files (EscaleStore   *store,
                                const gint64  *ids,
                                guint          n_ids,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (!escale_store_require (store, ESCALE_OP_ERASE, error))
    return NULL;
  stmt = escale_store_prepare (store,
                               "SELECT p.id, p.file_number, p.family_name, p.given_names, "
                               "  coalesce (p.last_contact, substr (p.created_at, 1, 10)) "
                               "FROM json_each (?) AS j JOIN person AS p ON p.id = j.value "
                               "ORDER BY j.key", error);
  if (stmt == NULL)
    return NULL;
  json = ids_to_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  return escale_store_collect_rows (store, stmt, read_review_file, NULL,
                                    (GDestroyNotify) escale_review_file_free, error);
}

/**
 * escale_store_list_sensitive_categories:
 *
 * Returns: (transfer full) (nullable): the categories, or %NULL with @error set
 */
GStrv
escale_store_list_sensitive_categories (EscaleStore  *store,
                                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  stmt = escale_store_prepare (store, "SELECT DISTINCT category FROM sensitive_field", error);
  if (stmt == NULL)
    return NULL;
  found = escale_store_collect_rows (store, stmt, dup_first_column, NULL, g_free, error);
  if (found == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_ptr_array_find_with_equal_func (found, categories[i].code, g_str_equal, NULL))
      g_strv_builder_add (builder, categories[i].code);
  return g_strv_builder_end (builder);
}

const char *
escale_sensitive_category_label (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (category, categories[i].code) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "sensitive data", categories[i].msgid);
  return category;
}
