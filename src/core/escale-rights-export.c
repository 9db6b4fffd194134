/* escale-rights-export.c — everything Escale holds about one person, as JSON
 *
 * Each section of the document is one SQL query that builds its JSON value
 * with SQLite's json_object() and json_group_array(), which escape the
 * text; the sections are joined into one object, then indented for people
 * to read. A value read through a subquery loses its JSON subtype, hence
 * the json() around each nested one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-audit.h"
#include "escale-person.h"
#include "escale-rights.h"
#include "escale-store-private.h"

#define EXPORT_FORMAT_VERSION 1

/* 'name', alias.name: one member of a json_object() */
#define M(alias, name) "'" #name "', " #alias "." #name
#define BOOL(expr) "json (CASE " expr " WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)"
/* The JSON array of the json_object() @object over the rows FROM… */
#define ARRAY(object, from) \
  "json ((SELECT json_group_array (json (j)) FROM (SELECT json_object (" object ") AS j " \
  from ")))"

/* The actions of the person's timeline (see escale-timeline.c): theirs,
 * their household's and the group sessions they were registered for. */
#define TIMELINE_IDS \
  "(SELECT id FROM action WHERE person_id = ?1 " \
  " UNION SELECT a.id FROM action a JOIN household_member m " \
  "   ON m.household_id = a.household_id WHERE m.person_id = ?1 " \
  " UNION SELECT action_id FROM action_participant WHERE person_id = ?1)"

typedef struct
{
  const char *key;
  const char *sql;   /* one row of one JSON value; ?1 is the person */
} Section;

static const Section sections[] = {
  { "other_names",
    "SELECT json_group_array (name) FROM "
    "(SELECT name FROM person_name WHERE person_id = ?1 ORDER BY id)" },
  { "nationalities",
    "SELECT json_group_array (country) FROM "
    "(SELECT country FROM person_nationality WHERE person_id = ?1 ORDER BY id)" },
  { "languages",
    "SELECT " ARRAY (M (l, language) ", " M (l, level) ", 'interpreter', "
                     BOOL ("l.interpreter"),
                     "FROM person_language l WHERE l.person_id = ?1 ORDER BY l.id") },
  { "status_periods",
    "SELECT " ARRAY (M (s, status) ", " M (s, started_on) ", " M (s, ended_on) ", "
                     M (s, document) ", " M (s, document_expiry),
                     "FROM status_period s WHERE s.person_id = ?1 "
                     "ORDER BY s.started_on IS NOT NULL, s.started_on, s.id") },
  { "household",
    "SELECT json_object (" M (h, id) ", " M (h, name) ", " M (m, role) ", 'members', "
    ARRAY (M (p, file_number) ", " M (p, family_name) ", " M (p, given_names) ", " M (o, role),
           "FROM household_member o JOIN person p ON p.id = o.person_id "
           "WHERE o.household_id = h.id AND o.person_id <> ?1 ORDER BY o.role <> 'head', p.id")
    ") FROM household_member m JOIN household h ON h.id = m.household_id WHERE m.person_id = ?1" },
  { "consent_records",
    "SELECT " ARRAY (M (c, given_on) ", 'follow_up', " BOOL ("c.follow_up") ", 'sharing', "
                     BOOL ("c.sharing") ", 'phone_contact', " BOOL ("c.phone_contact") ", "
                     M (c, informed_how) ", " M (c, language) ", " M (c, withdrawn_on) ", "
                     M (c, created_at) ", " M (c, created_by),
                     "FROM consent_record c WHERE c.person_id = ?1 ORDER BY c.given_on, c.id") },
  { "timeline",
    "SELECT " ARRAY (M (a, id) ", " M (a, scope) ", " M (a, date) ", " M (a, time) ", "
                     M (a, duration_minutes) ", " M (a, type) ", " M (a, status) ", 'themes', "
                     "json ((SELECT json_group_array (theme) FROM (SELECT theme FROM action_theme "
                     "  WHERE action_id = a.id ORDER BY theme))), "
                     "'attended', " BOOL ("(SELECT attended FROM action_participant "
                                          " WHERE action_id = a.id AND person_id = ?1)") ", "
                     M (a, worker) ", 'programme', g.code, "
                     "'partner', coalesce (pa.name, a.partner), " M (a, referral_outcome) ", "
                     M (a, amount_cents) ", 'confidential', " BOOL ("a.confidential") ", "
                     M (a, notes) ", " M (a, next_step) ", " M (a, next_step_due) ", "
                     M (a, created_at) ", " M (a, created_by),
                     "FROM action a LEFT JOIN programme g ON g.id = a.programme_id "
                     "LEFT JOIN partner pa ON pa.id = a.partner_id "
                     "WHERE a.id IN " TIMELINE_IDS " ORDER BY a.date, a.time, a.id") },
  { "enrolments",
    "SELECT " ARRAY ("'programme', g.code, 'programme_name', g.name, " M (e, entry_date) ", "
                     M (e, exit_date) ", " M (e, exit_reason) ", 'situations', "
                     ARRAY (M (s, moment) ", " M (s, labour) ", " M (s, education) ", "
                            M (s, housing) ", " M (s, disability) ", " M (s, homeless),
                            "FROM enrolment_situation s WHERE s.enrolment_id = e.id "
                            "ORDER BY s.moment = 'exit'"),
                     "FROM enrolment e JOIN programme g ON g.id = e.programme_id "
                     "WHERE e.person_id = ?1 ORDER BY e.entry_date, e.id") },
  { "referrals",
    "SELECT " ARRAY (M (r, action_id) ", 'partner', pa.name, 'service', s.theme, "
                     "'service_description', s.description, " M (r, state) ", "
                     M (r, refusal_reason) ", " M (r, sent_on) ", " M (r, answered_on) ", "
                     M (r, closed_on),
                     "FROM referral r LEFT JOIN partner pa ON pa.id = r.partner_id "
                     "LEFT JOIN partner_service s ON s.id = r.service_id "
                     "WHERE r.action_id IN " TIMELINE_IDS " ORDER BY r.sent_on, r.id") },
  { "audit_log",
    "SELECT " ARRAY (M (l, at) ", " M (l, login) ", " M (l, operation) ", " M (l, summary),
                     "FROM audit_log l WHERE l.entity = 'person' AND l.entity_id = ?1 "
                     "ORDER BY l.id") },
};

/* The person's row: every field of escale-person.h and a few more. */
static char *
person_sql (void)
{
  static const char *const extra[] = {
    "uuid", "last_contact", "anonymised_on", "created_at", "created_by", "updated_at",
    "updated_by",
  };
  g_autoptr(GString) sql = g_string_new ("SELECT json_object ('id', id");

  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    g_string_append_printf (sql, ", '%s', %s", escale_field_get_name (i),
                            escale_field_get_name (i));
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_string_append_printf (sql, ", '%s', %s", extra[i], extra[i]);
  g_string_append (sql, ") FROM person WHERE id = ?1");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Appends "key": value, the value being the JSON of @sql's only cell, or
 * null when it has no row. Returns FALSE, with @error, when it failed or,
 * if @required, had no row. */
static gboolean
append_section (EscaleStore  *store,
                GString      *json,
                const char   *key,
                const char   *sql,
                gint64        person_id,
                gboolean      required,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store, sql, error);
  const char *value;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      escale_store_set_sql_error (store, error);
      return FALSE;
    }
  if (rc == SQLITE_DONE && required)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                           _("This person's file no longer exists"));
      return FALSE;
    }
  value = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;
  g_string_append_printf (json, ",\"%s\":%s", key, value ? value : "null");
  return TRUE;
}

static char *
header_json (EscaleStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = escale_store_prepare (store,
                                                       "SELECT json_object ('format', "
                                                       "'escale-person', 'version', ?1, "
                                                       "'exported_at', ?2, 'exported_by', ?3)",
                                                       NULL);
  g_autofree char *now = escale_store_now ();
  g_autofree char *json = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, EXPORT_FORMAT_VERSION);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, escale_store_get_user (store) ?: "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  json = escale_column_dup (stmt, 0);
  /* Without its closing brace: the sections follow. */
  json[strlen (json) - 1] = '\0';
  return g_steal_pointer (&json);
}

/* The compact document, one object. */
static char *
build_document (EscaleStore  *store,
                gint64        person_id,
                GError      **error)
{
  g_autofree char *header = header_json (store);
  g_autofree char *person = person_sql ();
  g_autoptr(GString) json = NULL;

  if (header == NULL)
    {
      escale_store_set_sql_error (store, error);
      return NULL;
    }
  json = g_string_new (header);
  if (!append_section (store, json, "person", person, person_id, TRUE, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (!append_section (store, json, sections[i].key, sections[i].sql, person_id, FALSE, error))
      return NULL;
  g_string_append_c (json, '}');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
new_line (GString *out,
          int      depth)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* @json, compact as SQLite writes it, indented by two spaces a level. */
static char *
indent_json (const char *json)
{
  GString *out = g_string_sized_new (strlen (json) * 3 / 2);
  int depth = 0;

  for (const char *p = json; *p != '\0'; p++)
    switch (*p)
      {
      case '"':
        {
          const char *end = p + 1;

          while (*end != '\0' && *end != '"')
            end += end[0] == '\\' && end[1] != '\0' ? 2 : 1;
          g_string_append_len (out, p, end - p + (*end != '\0'));
          p = *end != '\0' ? end : end - 1;
        }
        break;
      case '{':
      case '[':
        g_string_append_c (out, *p);
        if (p[1] == '}' || p[1] == ']')
          g_string_append_c (out, *++p);
        else
          new_line (out, ++depth);
        break;
      case '}':
      case ']':
        new_line (out, --depth);
        g_string_append_c (out, *p);
        break;
      case ',':
        g_string_append_c (out, ',');
        new_line (out, depth);
        break;
      case ':':
        g_string_append (out, ": ");
        break;
      default:
        if (!g_ascii_isspace (*p))
          g_string_append_c (out, *p);
        break;
      }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/**
 * escale_store_export_person_json:
 *
 * The document is an object: "format" ("escale-person"), "version",
 * "exported_at", "exported_by", then "person" (the file's fields),
 * "other_names", "nationalities", "languages", "status_periods",
 * "household" (null, or its id, name, the person's role and the other
 * members' file numbers, names and roles), "consent_records", "timeline"
 * (their actions, their household's and the group sessions they were
 * registered for, oldest first, with notes), "enrolments" (with their
 * situations), "referrals" and "audit_log" (the entries about the file).
 * Codes are exported as stored, not translated.
 *
 * Returns: (transfer full) (nullable): the JSON text
 */
char *
escale_store_export_person_json (EscaleStore  *store,
                                 gint64        person_id,
                                 GError      **error)
{
  g_autofree char *document = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_EXPORT_PERSON, error) ||
      !escale_store_begin (store, error))
    return NULL;
  if (!(document = build_document (store, person_id, error)) ||
      !escale_audit_record (store, "export", "person", person_id, "json", error) ||
      !escale_store_commit (store, error))
    {
      escale_store_rollback (store);
      return NULL;
    }
  return indent_json (document);
}
