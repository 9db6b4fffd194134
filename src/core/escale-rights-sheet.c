/* escale-rights-sheet.c — a person's data as a spreadsheet anyone can read
 *
 * The right of access gives the person everything Escale holds about them:
 * as JSON for another program (escale-rights-export.c), and as this
 * workbook for the person and their adviser. It is made from the same JSON
 * document, so both always hold the same: each section becomes a sheet —
 * an object as lines of name and value, a list as a table with one column
 * per field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-report-model.h"
#include "escale-report-settings.h"
#include "escale-rights.h"
#include "escale-store-private.h"

/* The sections of the document, with the JSON type of each. */
static const char sections_sql[] = "SELECT key, type, value FROM json_each (?1)";
/* The fields of every element of a list, in their first order. */
static const char fields_sql[] =
  "SELECT f.key FROM json_each (?1) AS e, json_each (e.value) AS f "
  "GROUP BY f.key ORDER BY min (e.id * 1000 + f.id)";
static const char elements_sql[] = "SELECT value FROM json_each (?1)";
static const char lines_sql[] = "SELECT key, value, type FROM json_each (?1)";
static const char field_sql[] = "SELECT json_extract (?1, '$.\"' || ?2 || '\"')";

static sqlite3_stmt *
prepare_with (EscaleStore  *store,
              const char   *sql,
              const char   *json,
              GError      **error)
{
  sqlite3_stmt *stmt = escale_store_prepare (store, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* An object: its fields as the sheet's lines (nested values as JSON text). */
static gboolean
add_object (EscaleStore        *store,
            EscaleReportSheet  *sheet,
            const char         *json,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_with (store, lines_sql, json, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    escale_report_sheet_add_line (sheet, (const char *) sqlite3_column_text (stmt, 0),
                                  escale_report_cell_text ((const char *) sqlite3_column_text (stmt, 1) ?: ""));
  return TRUE;
}

static GPtrArray *
list_fields (EscaleStore  *store,
             const char   *json,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_with (store, fields_sql, json, error);
  GPtrArray *fields;

  if (stmt == NULL)
    return NULL;
  fields = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (fields, escale_column_dup (stmt, 0));
  return fields;
}

static void
fill_row (EscaleStore       *store,
          EscaleReportTable *table,
          GPtrArray         *fields,
          const char        *element)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, field_sql, NULL);
  EscaleReportCell *row = escale_report_table_add_row (table);

  for (guint i = 0; stmt != NULL && i < fields->len; i++)
    {
      sqlite3_bind_text (stmt, 1, element, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (fields, i), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        escale_report_cell_set_text (&row[i], (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
}

/* A list: a table, one column per field, one row per element. */
static gboolean
add_list (EscaleStore        *store,
          EscaleReportSheet  *sheet,
          const char         *json,
          GError            **error)
{
  g_autoptr(GPtrArray) fields = list_fields (store, json, error);
  g_autoptr(sqlite3_stmt) elements = NULL;
  EscaleReportTable *table;

  if (fields == NULL)
    return FALSE;
  if (fields->len == 0)
    {
      escale_report_sheet_add_line (sheet, _("Nothing recorded"), escale_report_cell_text (""));
      return TRUE;
    }
  g_ptr_array_add (fields, NULL);
  table = escale_report_sheet_add_table (sheet, NULL, (const char *const *) fields->pdata);
  g_ptr_array_remove_index (fields, fields->len - 1);
  if (!(elements = prepare_with (store, elements_sql, json, error)))
    return FALSE;
  while (sqlite3_step (elements) == SQLITE_ROW)
    fill_row (store, table, fields, (const char *) sqlite3_column_text (elements, 0));
  return TRUE;
}

static gboolean
add_sections (EscaleStore   *store,
              EscaleReport  *report,
              const char    *json,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_with (store, sections_sql, json, error);
  EscaleReportSheet *about;

  if (stmt == NULL)
    return FALSE;
  /* Translators: the first sheet of a person's data: when and by whom it was exported */
  about = escale_report_add_sheet (report, _("Export"));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      const char *value = (const char *) sqlite3_column_text (stmt, 2);
      gboolean ok = TRUE;

      if (g_str_equal (type, "object"))
        ok = add_object (store, escale_report_add_sheet (report, key), value, error);
      else if (g_str_equal (type, "array"))
        ok = add_list (store, escale_report_add_sheet (report, key), value, error);
      else
        escale_report_sheet_add_line (about, key, escale_report_cell_text (value ?: ""));
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
escale_store_export_person_xlsx (EscaleStore  *store,
                                 gint64        person_id,
                                 const char   *path,
                                 GError      **error)
{
  g_autofree char *json = escale_store_export_person_json (store, person_id, error);
  g_autoptr(EscaleReportSettings) settings = NULL;
  g_autoptr(EscaleReport) report = NULL;

  if (json == NULL || !(settings = escale_report_settings_load (store, error)))
    return FALSE;
  /* Translators: the title of the spreadsheet of a person's data */
  report = escale_report_new (_("Data held about a person"), settings->association, "en");
  return add_sections (store, report, json, error) &&
         escale_report_write_xlsx (report, path, NULL, NULL, NULL, error);
}
