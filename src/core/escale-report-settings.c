/* escale-report-settings.c — what reports take from the association's settings
 *
 * Five keys of the table setting: "association.name"; "association.address",
 * lines apart; "report.volunteers", a JSON array of names (a name may hold
 * any character, commas and line breaks included); "report.valuation", a
 * code; "report.hourly_rate_cents", the rate in force when they were saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-report-settings.h"
#include "escale-store-private.h"
#include "escale-util.h"

#define KEY_ASSOCIATION "association.name"
#define KEY_ADDRESS     "association.address"
#define KEY_VOLUNTEERS  "report.volunteers"
#define KEY_VALUATION   "report.valuation"
#define KEY_RATE        "report.hourly_rate_cents"

/* The default rates follow the French minimum wage (SMIC) and must be
 * updated whenever it changes (each 1 January, and when it is raised during
 * the year; the figure is published by decree, see service-public.fr).
 *
 * SMIC_GROSS_CENTS: the gross hourly SMIC from 1 January 2026, 12.02 €.
 *
 * EMPLOYER_CHARGES_PERCENT: what an hour at the SMIC costs an employer,
 * as a share of the gross wage. The employer's contributions before any
 * reduction come to about 45 % of a gross wage; the general reduction of
 * contributions on low wages lowers what an employer really pays at the
 * SMIC, by how much depending on the employer. So 1202 × 1.45 = 1742.9,
 * rounded to 1743 cents (17.43 €), is an estimate: a treasurer who knows
 * the figure the funder expects chooses a custom rate instead. */
#define SMIC_GROSS_CENTS         1202
#define EMPLOYER_CHARGES_PERCENT 45
#define SMIC_CHARGED_CENTS \
  ((SMIC_GROSS_CENTS * (100 + EMPLOYER_CHARGES_PERCENT) + 50) / 100)

static const struct
{
  const char *code;
  const char *msgid;
  gint64      default_rate;
} valuations[] = {
  [ESCALE_VALUATION_MINIMUM_WAGE] = {
    "minimum_wage",
    /* Translators: how volunteers' hours are valued: at the gross hourly
     * minimum wage (the SMIC in France) */
    NC_("valuation", "Minimum wage, gross"),
    SMIC_GROSS_CENTS,
  },
  [ESCALE_VALUATION_MINIMUM_WAGE_CHARGED] = {
    "minimum_wage_charged",
    /* Translators: how volunteers' hours are valued: at the minimum wage
     * plus what an employer pays on top of it */
    NC_("valuation", "Minimum wage with employer charges"),
    SMIC_CHARGED_CENTS,
  },
  [ESCALE_VALUATION_CUSTOM] = {
    "custom",
    /* Translators: how volunteers' hours are valued: at a rate the
     * association chose */
    NC_("valuation", "Custom rate"),
    SMIC_GROSS_CENTS,
  },
};

static gboolean
valuation_is_valid (EscaleValuation valuation)
{
  return (guint) valuation < G_N_ELEMENTS (valuations);
}

/* Names stripped, without blanks or repeats, in their first order. */
static GStrv
clean_names (const char * const *names)
{
  g_autoptr(GPtrArray) clean = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));

      if (*name != '\0' && !g_ptr_array_find_with_equal_func (clean, name, g_str_equal, NULL))
        g_ptr_array_add (clean, g_steal_pointer (&name));
    }
  g_ptr_array_add (clean, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&clean), FALSE);
}

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (json, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static char *
names_to_json (const char * const *names)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_json_string (json, names[i]);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gpointer
dup_first_column (sqlite3_stmt         *stmt,
                  G_GNUC_UNUSED gpointer data)
{
  return escale_column_dup (stmt, 0);
}

/* The text of the first column of every row of @stmt. */
static GPtrArray *
collect_texts (EscaleStore   *store,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  return escale_store_collect_rows (store, stmt, dup_first_column, NULL, g_free, error);
}

static GStrv
texts_to_strv (GPtrArray *texts)
{
  g_ptr_array_add (texts, NULL);
  return (GStrv) g_ptr_array_free (texts, FALSE);
}

/* The volunteers saved as @json; a value that is not JSON (written by
 * hand) is read as one name a line. */
static GStrv
parse_volunteers (EscaleStore  *store,
                  const char   *json,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) names = NULL;
  GPtrArray *texts;

  if (json == NULL)
    return g_new0 (char *, 1);
  stmt = escale_store_prepare (store,
                               "SELECT value FROM json_each (CASE WHEN json_valid (?1) "
                               "  AND json_type (?1) = 'array' THEN ?1 ELSE '[]' END) "
                               "WHERE type = 'text' ORDER BY key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  texts = collect_texts (store, stmt, error);
  if (texts == NULL)
    return NULL;
  if (texts->len == 0 && json[0] != '[')
    {
      g_ptr_array_unref (texts);
      names = g_strsplit (json, "\n", -1);
    }
  else
    names = texts_to_strv (texts);
  return clean_names ((const char * const *) names);
}

static gint64
parse_rate (const char *text,
            gint64      fallback)
{
  guint64 rate;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &rate, NULL))
    return fallback;
  return (gint64) rate;
}

/* The rate a method values an hour at: the minimum wage methods follow the
 * figures above, so that they change with the SMIC. */
static gint64
rate_in_force (EscaleValuation valuation,
               gint64          custom_rate)
{
  return valuation == ESCALE_VALUATION_CUSTOM ? custom_rate
                                              : escale_valuation_default_rate (valuation);
}

static gboolean
write_settings (EscaleStore                *store,
                const EscaleReportSettings *settings,
                GError                    **error)
{
  g_autofree char *association = g_strstrip (g_strdup (settings->association
                                                       ? settings->association : ""));
  g_autofree char *address = g_strstrip (g_strdup (settings->address ? settings->address : ""));
  g_auto(GStrv) volunteers = clean_names ((const char * const *) settings->volunteers);
  g_autofree char *json = names_to_json ((const char * const *) volunteers);
  g_autofree char *rate = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           rate_in_force (settings->valuation,
                                                          settings->hourly_rate_cents));

  return escale_store_set_setting (store, KEY_ASSOCIATION, association, error) &&
         escale_store_set_setting (store, KEY_ADDRESS, address, error) &&
         escale_store_set_setting (store, KEY_VOLUNTEERS, json, error) &&
         escale_store_set_setting (store, KEY_VALUATION,
                                   escale_valuation_to_code (settings->valuation), error) &&
         escale_store_set_setting (store, KEY_RATE, rate, error);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Public API */

EscaleReportSettings *
escale_report_settings_new (void)
{
  EscaleReportSettings *settings = g_new0 (EscaleReportSettings, 1);

  settings->association = g_strdup ("");
  settings->address = g_strdup ("");
  settings->volunteers = g_new0 (char *, 1);
  settings->valuation = ESCALE_VALUATION_MINIMUM_WAGE;
  settings->hourly_rate_cents = escale_valuation_default_rate (settings->valuation);
  return settings;
}

void
escale_report_settings_free (EscaleReportSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->association);
  g_free (settings->address);
  g_strfreev (settings->volunteers);
  g_free (settings);
}

/**
 * escale_report_settings_load:
 *
 * An unknown valuation code (from a newer Escale) reads as the default
 * method. The rate of a minimum wage method is the figure in force in this
 * version, whatever was saved; a custom rate is the one saved.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL with @error
 */
EscaleReportSettings *
escale_report_settings_load (EscaleStore  *store,
                             GError      **error)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_new ();
  g_autofree char *association = NULL;
  g_autofree char *address = NULL;
  g_autofree char *volunteers = NULL;
  g_autofree char *code = NULL;
  g_autofree char *rate = NULL;
  EscaleValuation valuation;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  association = escale_store_get_setting (store, KEY_ASSOCIATION);
  address = escale_store_get_setting (store, KEY_ADDRESS);
  volunteers = escale_store_get_setting (store, KEY_VOLUNTEERS);
  code = escale_store_get_setting (store, KEY_VALUATION);
  rate = escale_store_get_setting (store, KEY_RATE);

  if (association != NULL)
    escale_set_str (&settings->association, association);
  if (address != NULL)
    escale_set_str (&settings->address, address);
  g_strfreev (settings->volunteers);
  settings->volunteers = parse_volunteers (store, volunteers, error);
  if (settings->volunteers == NULL)
    return NULL;
  if (code != NULL && escale_valuation_from_code (code, &valuation))
    settings->valuation = valuation;
  settings->hourly_rate_cents =
    rate_in_force (settings->valuation,
                   parse_rate (rate, escale_valuation_default_rate (settings->valuation)));
  return g_steal_pointer (&settings);
}

/**
 * escale_report_settings_save:
 *
 * Saves the association's name and address, the volunteers stripped (blank
 * names and repeats left out), the method, and the rate in force: the method's
 * own for a minimum wage method, @settings' for a custom one. A negative
 * rate is refused (%ESCALE_STORE_ERROR_INVALID) and nothing is written.
 */
gboolean
escale_report_settings_save (EscaleStore                *store,
                             const EscaleReportSettings *settings,
                             GError                    **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (valuation_is_valid (settings->valuation), FALSE);

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error))
    return FALSE;
  if (settings->hourly_rate_cents < 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_INVALID,
                           _("The hourly rate cannot be negative"));
      return FALSE;
    }
  if (!escale_store_begin (store, error))
    return FALSE;
  if (write_settings (store, settings, error) && escale_store_commit (store, error))
    return TRUE;
  escale_store_rollback (store);
  return FALSE;
}

gint64
escale_valuation_default_rate (EscaleValuation valuation)
{
  g_return_val_if_fail (valuation_is_valid (valuation), SMIC_GROSS_CENTS);
  return valuations[valuation].default_rate;
}

const char *
escale_valuation_to_code (EscaleValuation valuation)
{
  g_return_val_if_fail (valuation_is_valid (valuation), NULL);
  return valuations[valuation].code;
}

gboolean
escale_valuation_from_code (const char      *code,
                            EscaleValuation *valuation)
{
  g_return_val_if_fail (valuation != NULL, FALSE);

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (valuations); i++)
    if (g_str_equal (code, valuations[i].code))
      {
        *valuation = (EscaleValuation) i;
        return TRUE;
      }
  return FALSE;
}

const char *
escale_valuation_msgid (EscaleValuation valuation)
{
  g_return_val_if_fail (valuation_is_valid (valuation), NULL);
  return valuations[valuation].msgid;
}

/**
 * escale_store_list_workers:
 *
 * The workers named in actions, each once, blanks left out, sorted for the
 * current locale: those the preferences offer as volunteers.
 *
 * Returns: (transfer full) (nullable): the names, or %NULL with @error
 */
GStrv
escale_store_list_workers (EscaleStore  *store,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *workers;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  stmt = escale_store_prepare (store, "SELECT DISTINCT worker FROM action "
                                      "WHERE trim (worker) <> ''", error);
  if (stmt == NULL)
    return NULL;
  workers = collect_texts (store, stmt, error);
  if (workers == NULL)
    return NULL;
  g_ptr_array_sort (workers, compare_collated);
  return texts_to_strv (workers);
}
