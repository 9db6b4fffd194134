/* escale-partner-import.c — importing partners from a CSV file or an XLSX workbook
 *
 * The rules of the other imports: the whole file is checked first, and
 * nothing is written when any row is wrong. The code is the key: a code
 * already in the database updates that partner, and only the columns that
 * have a value change it. Each theme gets a service (a theme already
 * served keeps its service); the capacity goes to the service of the first
 * theme of the row, or to the partner's first service. A row without
 * coordinates gets an approximate position from its postal code or city
 * (escale-geo.h, offline), its source saying how precise it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-geo.h"
#include "escale-import-private.h"
#include "escale-partner-import.h"
#include "escale-partner-store.h"
#include "escale-util.h"

typedef enum {
  COL_CODE,
  COL_NAME,
  COL_KIND,
  COL_ADDRESS,
  COL_POSTAL_CODE,
  COL_CITY,
  COL_LATITUDE,
  COL_LONGITUDE,
  COL_PHONE,
  COL_EMAIL,
  COL_WEBSITE,
  COL_THEMES,
  COL_LANGUAGES,
  COL_CAPACITY_TOTAL,
  COL_CAPACITY_FREE,
  COL_NOTES,
  N_COLUMNS
} PartnerColumn;

static const EscaleImportColumn columns[N_COLUMNS] = {
  [COL_CODE] = { "code", TRUE },
  [COL_NAME] = { "name", TRUE },
  [COL_KIND] = { "kind", FALSE },
  [COL_ADDRESS] = { "address", FALSE },
  [COL_POSTAL_CODE] = { "postal_code", FALSE },
  [COL_CITY] = { "city", FALSE },
  [COL_LATITUDE] = { "latitude", FALSE },
  [COL_LONGITUDE] = { "longitude", FALSE },
  [COL_PHONE] = { "phone", FALSE },
  [COL_EMAIL] = { "email", FALSE },
  [COL_WEBSITE] = { "website", FALSE },
  [COL_THEMES] = { "themes", FALSE },
  [COL_LANGUAGES] = { "languages", FALSE },
  [COL_CAPACITY_TOTAL] = { "capacity_total", FALSE },
  [COL_CAPACITY_FREE] = { "capacity_free", FALSE },
  [COL_NOTES] = { "notes", FALSE },
};

/* The column where the store's problem with each field is reported. */
static const guint field_columns[] = {
  [ESCALE_PARTNER_FIELD_CODE] = COL_CODE,
  [ESCALE_PARTNER_FIELD_NAME] = COL_NAME,
  [ESCALE_PARTNER_FIELD_KIND] = COL_KIND,
  [ESCALE_PARTNER_FIELD_POSITION] = COL_LATITUDE,
  [ESCALE_PARTNER_FIELD_LATITUDE] = COL_LATITUDE,
  [ESCALE_PARTNER_FIELD_LONGITUDE] = COL_LONGITUDE,
  [ESCALE_PARTNER_FIELD_EMAIL] = COL_EMAIL,
  [ESCALE_PARTNER_FIELD_WEBSITE] = COL_WEBSITE,
  [ESCALE_PARTNER_FIELD_PHONES] = COL_PHONE,
  [ESCALE_PARTNER_FIELD_LANGUAGES] = COL_LANGUAGES,
  [ESCALE_PARTNER_FIELD_HOURS] = COL_CODE,
  [ESCALE_PARTNER_FIELD_CLOSURES] = COL_CODE,
  [ESCALE_PARTNER_FIELD_CONTACTS] = COL_CODE,
  [ESCALE_PARTNER_FIELD_SERVICE_THEME] = COL_THEMES,
  [ESCALE_PARTNER_FIELD_SERVICE_ELIGIBILITY] = COL_THEMES,
  [ESCALE_PARTNER_FIELD_SERVICE_CAPACITY] = COL_CAPACITY_FREE,
};

G_GNUC_PRINTF (4, 5) static void
problem (EscaleImportReader    *reader,
         const EscaleImportRow *row,
         PartnerColumn          column,
         const char            *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escale_import_add_problem (reader, row->line, escale_import_column_label (reader, column),
                             "%s", message);
}

/* Replaces *@field with the column's value, when it has one. */
static void
take_text (EscaleImportReader    *reader,
           const EscaleImportRow *row,
           PartnerColumn          column,
           char                 **field)
{
  const char *value = escale_import_row_get (reader, row, column);

  if (value != NULL)
    escale_set_str (field, value);
}

/* A decimal number, with a point or a comma. */
static gboolean
read_coordinate (EscaleImportReader    *reader,
                 const EscaleImportRow *row,
                 PartnerColumn          column,
                 double                *value)
{
  const char *text = escale_import_row_get (reader, row, column);
  g_autofree char *copy = NULL;
  char *end = NULL;

  if (text == NULL)
    return TRUE;
  copy = g_strdelimit (g_strdup (text), ",", '.');
  *value = g_ascii_strtod (copy, &end);
  if (end != copy && *end == '\0' && !isnan (*value) && !isinf (*value))
    return TRUE;
  /* Translators: %s is a value of the file; the example must stay as it is */
  problem (reader, row, column, _("“%s” is not a coordinate: write a decimal number, such as "
                                  "48.8566"), text);
  return FALSE;
}

/* Whether @source names a position derived from the address. */
static gboolean
is_derived (const char *source)
{
  static const char *const derived[] = { "postal_code", "city", "department", NULL };

  return source != NULL && g_strv_contains (derived, source);
}

/* Without coordinates, an approximate position from the postal code or the
 * city (the bundled table, offline): for a partner with no position, or
 * whose position came from an address this row changes. */
static void
derive_position (EscaleImportReader    *reader,
                 const EscaleImportRow *row,
                 EscalePartner         *partner)
{
  gboolean address_given = escale_import_row_get (reader, row, COL_POSTAL_CODE) != NULL ||
                           escale_import_row_get (reader, row, COL_CITY) != NULL;
  EscaleGeoPrecision precision;
  double latitude, longitude;

  if (!isnan (partner->latitude) && !(address_given && is_derived (partner->position_source)))
    return;
  if (!escale_geo_position_for_postal_code (partner->postal_code, partner->city,
                                            &latitude, &longitude, &precision) ||
      precision == ESCALE_GEO_PRECISION_NONE)
    {
      /* The old address's position would now be wrong. */
      partner->latitude = partner->longitude = NAN;
      g_clear_pointer (&partner->position_source, g_free);
      return;
    }
  partner->latitude = latitude;
  partner->longitude = longitude;
  /* As the editor's lookup says: found by postal code (even when the code
   * names a single town), by the town's name alone, or only the department. */
  escale_set_str (&partner->position_source,
                  precision == ESCALE_GEO_PRECISION_DEPARTMENT ? "department"
                  : partner->postal_code != NULL ? "postal_code" : "city");
}

static gboolean
read_position (EscaleImportReader    *reader,
               const EscaleImportRow *row,
               EscalePartner         *partner)
{
  double latitude = partner->latitude, longitude = partner->longitude;
  gboolean ok = read_coordinate (reader, row, COL_LATITUDE, &latitude);

  ok = read_coordinate (reader, row, COL_LONGITUDE, &longitude) && ok;
  if (!ok)
    return FALSE;
  if (escale_import_row_get (reader, row, COL_LATITUDE) != NULL ||
      escale_import_row_get (reader, row, COL_LONGITUDE) != NULL)
    {
      partner->latitude = escale_import_row_get (reader, row, COL_LATITUDE) ? latitude : NAN;
      partner->longitude = escale_import_row_get (reader, row, COL_LONGITUDE) ? longitude : NAN;
      escale_set_str (&partner->position_source, "import");
    }
  else
    derive_position (reader, row, partner);
  return TRUE;
}

static GStrv
read_list (EscaleImportReader    *reader,
           const EscaleImportRow *row,
           PartnerColumn          column)
{
  const char *text = escale_import_row_get (reader, row, column);
  g_autofree char *lower = text ? g_ascii_strdown (text, -1) : NULL;

  if (text == NULL)
    return NULL;
  return escale_import_split_list (column == COL_PHONE ? text : lower);
}

static void
read_lists (EscaleImportReader    *reader,
            const EscaleImportRow *row,
            EscalePartner         *partner)
{
  g_auto(GStrv) phones = read_list (reader, row, COL_PHONE);
  GStrv languages = read_list (reader, row, COL_LANGUAGES);

  if (phones != NULL)
    {
      g_ptr_array_set_size (partner->phones, 0);
      for (guint i = 0; phones[i] != NULL; i++)
        escale_partner_add_phone (partner, phones[i], NULL);
    }
  if (languages != NULL)
    {
      g_strfreev (partner->languages);
      partner->languages = languages;
    }
}

/* The service that receives the capacity, or NULL. */
static EscalePartnerService *
read_themes (EscaleImportReader    *reader,
             const EscaleImportRow *row,
             EscalePartner         *partner)
{
  g_auto(GStrv) themes = read_list (reader, row, COL_THEMES);
  EscalePartnerService *first = NULL;

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      EscalePartnerService *service = escale_partner_find_service (partner, themes[i]);

      if (service == NULL)
        service = escale_partner_add_service (partner, themes[i]);
      first = first ? first : service;
    }
  if (first == NULL && partner->services->len > 0)
    first = g_ptr_array_index (partner->services, 0);
  return first;
}

static gboolean
read_count (EscaleImportReader    *reader,
            const EscaleImportRow *row,
            PartnerColumn          column,
            gint64                *value)
{
  const char *text = escale_import_row_get (reader, row, column);

  if (text == NULL || escale_import_parse_count (text, value))
    return TRUE;
  /* Translators: %s is a value of the file */
  problem (reader, row, column, _("“%s” is not a number of places: write digits only, for "
                                  "example 12"), text);
  return FALSE;
}

static gboolean
read_capacity (EscaleImportReader    *reader,
               const EscaleImportRow *row,
               EscalePartnerService  *service)
{
  gint64 total = service ? service->capacity_total : ESCALE_PARTNER_UNSET;
  gint64 free_places = service ? service->capacity_free : ESCALE_PARTNER_UNSET;
  gboolean ok = read_count (reader, row, COL_CAPACITY_TOTAL, &total);

  ok = read_count (reader, row, COL_CAPACITY_FREE, &free_places) && ok;
  if (!ok)
    return FALSE;
  if (service != NULL)
    {
      service->capacity_total = total;
      service->capacity_free = free_places;
      return TRUE;
    }
  if (escale_import_row_get (reader, row, COL_CAPACITY_TOTAL) == NULL &&
      escale_import_row_get (reader, row, COL_CAPACITY_FREE) == NULL)
    return TRUE;
  problem (reader, row, COL_THEMES, "%s",
           _("Give a theme: a capacity belongs to the service of a theme"));
  return FALSE;
}

static void
read_texts (EscaleImportReader    *reader,
            const EscaleImportRow *row,
            EscalePartner         *partner)
{
  const char *kind = escale_import_row_get (reader, row, COL_KIND);

  take_text (reader, row, COL_CODE, &partner->code);
  take_text (reader, row, COL_NAME, &partner->name);
  if (kind != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (kind, -1);

      escale_set_str (&partner->kind, lower);
    }
  take_text (reader, row, COL_ADDRESS, &partner->address);
  take_text (reader, row, COL_POSTAL_CODE, &partner->postal_code);
  take_text (reader, row, COL_CITY, &partner->city);
  take_text (reader, row, COL_EMAIL, &partner->email);
  take_text (reader, row, COL_WEBSITE, &partner->website);
  take_text (reader, row, COL_NOTES, &partner->notes);
}

static gpointer
build_partner (EscaleImportReader    *reader,
               const EscaleImportRow *row,
               gboolean              *is_new)
{
  const char *code = escale_import_row_get (reader, row, COL_CODE);
  gint64 id = escale_store_find_partner (reader->store, code);
  g_autoptr(EscalePartner) partner = NULL;
  gboolean ok;

  *is_new = id == 0;
  partner = id != 0 ? escale_store_load_partner (reader->store, id, NULL) : escale_partner_new ();
  if (partner == NULL)
    return NULL;
  read_texts (reader, row, partner);
  read_lists (reader, row, partner);
  ok = read_position (reader, row, partner);
  ok = read_capacity (reader, row, read_themes (reader, row, partner)) && ok;
  return ok ? g_steal_pointer (&partner) : NULL;
}

static guint
partner_error_column (gconstpointer  error,
                      const char   **message)
{
  const EscalePartnerError *problem = error;

  *message = problem->message;
  return field_columns[problem->field];
}

static const EscaleImportKind partner_kind = {
  columns, N_COLUMNS, COL_CODE, build_partner,
  (GPtrArray *(*) (EscaleStore *, gpointer)) escale_store_validate_partner,
  partner_error_column,
  (gboolean (*) (EscaleStore *, gpointer, GError **)) escale_store_save_partner,
  (GDestroyNotify) escale_partner_free, "partner",
};

/**
 * escale_import_partners:
 * @path: a CSV file, see the command line's documentation for its columns
 * @dry_run: validate and count without writing
 *
 * Like escale_import_actions(), for partners: a code already in the
 * database updates that partner.
 *
 * Returns: (transfer full) (nullable): what was done or, when its problems
 *   are not empty, why nothing was; %NULL with @error set when the file
 *   cannot be read or the database fails
 */
EscaleImportReport *
escale_import_partners (EscaleStore  *store,
                        const char   *path,
                        gboolean      dry_run,
                        GError      **error)
{
  return escale_import_records (store, &partner_kind, path, dry_run, error);
}
