/* escale-partner-validate.c — the rules a partner must follow to be saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "escale-action-store.h"
#include "escale-iso.h"
#include "escale-partner-hours.h"
#include "escale-partner-store.h"
#include "escale-store-private.h"
#include "escale-vocab.h"

static const char *const position_sources[] = {
  "typed", "map", "postal_code", "city", "department", "import", NULL,
};

static void
add_error_printf (GPtrArray          *errors,
                  EscalePartnerField  field,
                  guint               index,
                  const char         *format,
                  ...) G_GNUC_PRINTF (4, 5);

static void
add_error_printf (GPtrArray          *errors,
                  EscalePartnerField  field,
                  guint               index,
                  const char         *format,
                  ...)
{
  EscalePartnerError *error = g_new0 (EscalePartnerError, 1);
  va_list args;

  va_start (args, format);
  error->field = field;
  error->index = index;
  error->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, error);
}

static void
add_error (GPtrArray          *errors,
           EscalePartnerField  field,
           guint               index,
           const char         *message)
{
  add_error_printf (errors, field, index, "%s", message);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0' || strspn (text, " \t\r\n") == strlen (text);
}

/* Validation */

static gboolean
has_space (const char *text)
{
  return strpbrk (text, " \t\r\n") != NULL;
}

/* name@domain.tld, without spaces: a typo check, not RFC 5322. */
static gboolean
check_email (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || has_space (email))
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* example.org or http(s)://example.org/path, without spaces. */
static gboolean
check_website (const char *website)
{
  const char *host = website;
  gsize host_length;

  if (has_space (website))
    return FALSE;
  if (g_str_has_prefix (host, "https://"))
    host += strlen ("https://");
  else if (g_str_has_prefix (host, "http://"))
    host += strlen ("http://");
  else if (strstr (host, "://") != NULL)
    return FALSE;
  host_length = strcspn (host, "/?#");
  return host_length > 2 && memchr (host, '.', host_length) != NULL && host[0] != '.' &&
         host[host_length - 1] != '.';
}

/* Digits, spaces and + ( ) . - /, with at least 4 digits. */
static gboolean
check_phone (const char *phone)
{
  guint digits = 0;

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits++;
    else if (strchr ("+(). -/", *p) == NULL)
      return FALSE;
  return digits >= 4;
}

static void
validate_identity (EscaleStore   *store,
                   EscalePartner *partner,
                   GPtrArray     *errors)
{
  if (is_blank (partner->name))
    add_error (errors, ESCALE_PARTNER_FIELD_NAME, 0, _("The name is required"));
  if (partner->code != NULL && is_blank (partner->code))
    add_error (errors, ESCALE_PARTNER_FIELD_CODE, 0, _("The code cannot be blank"));
  else if (partner->code != NULL)
    {
      gint64 other = escale_store_find_partner (store, partner->code);

      if (other != 0 && other != partner->id)
        add_error (errors, ESCALE_PARTNER_FIELD_CODE, 0,
                   _("Another partner already has this code"));
    }
  if (!is_blank (partner->kind) &&
      !escale_vocab_has_code (store, ESCALE_VOCAB_PARTNER_KIND, partner->kind))
    /* Translators: %s is a code of the partner kinds vocabulary */
    add_error_printf (errors, ESCALE_PARTNER_FIELD_KIND, 0, _("Unknown kind of partner “%s”"),
                      partner->kind);
  if (!is_blank (partner->email) && !check_email (partner->email))
    add_error (errors, ESCALE_PARTNER_FIELD_EMAIL, 0,
               _("This is not an email address, such as contact@example.org"));
  if (!is_blank (partner->website) && !check_website (partner->website))
    add_error (errors, ESCALE_PARTNER_FIELD_WEBSITE, 0,
               _("This is not a website address, such as https://example.org"));
}

static void
validate_position (EscalePartner *partner,
                   GPtrArray     *errors)
{
  gboolean has_latitude = !isnan (partner->latitude);
  gboolean has_longitude = !isnan (partner->longitude);

  if (has_latitude != has_longitude)
    add_error (errors, ESCALE_PARTNER_FIELD_POSITION, 0,
               _("Give both the latitude and the longitude, or neither"));
  if (has_latitude && !(partner->latitude >= -90 && partner->latitude <= 90))
    add_error (errors, ESCALE_PARTNER_FIELD_LATITUDE, 0,
               _("The latitude must be between -90 and 90"));
  if (has_longitude && !(partner->longitude >= -180 && partner->longitude <= 180))
    add_error (errors, ESCALE_PARTNER_FIELD_LONGITUDE, 0,
               _("The longitude must be between -180 and 180"));
  if (partner->position_source != NULL &&
      !g_strv_contains (position_sources, partner->position_source))
    add_error (errors, ESCALE_PARTNER_FIELD_POSITION, 0, _("Unknown source of the position"));
}

static void
validate_lists (EscalePartner *partner,
                GPtrArray     *errors)
{
  for (guint i = 0; i < partner->phones->len; i++)
    {
      EscalePartnerPhone *phone = g_ptr_array_index (partner->phones, i);

      if (is_blank (phone->phone) || !check_phone (phone->phone))
        add_error (errors, ESCALE_PARTNER_FIELD_PHONES, i,
                   _("This is not a phone number, such as +33 1 42 00 00 00"));
    }
  for (guint i = 0; partner->languages[i] != NULL; i++)
    {
      g_autofree char *code = escale_iso_language_normalize (partner->languages[i]);

      if (code == NULL)
        add_error_printf (errors, ESCALE_PARTNER_FIELD_LANGUAGES, i,
                          /* Translators: %s is what was given; keep the codes as they are */
                          _("Unknown language “%s”: use an ISO 639 code, such as fr, ar or prs"),
                          partner->languages[i]);
    }
}

static void
validate_hours (EscalePartner *partner,
                GPtrArray     *errors)
{
  for (guint i = 0; i < partner->hours->len; i++)
    {
      EscalePartnerHours *slot = &g_array_index (partner->hours, EscalePartnerHours, i);
      int opens, closes;

      if (slot->weekday < 1 || slot->weekday > 7)
        add_error (errors, ESCALE_PARTNER_FIELD_HOURS, i, _("Choose a day of the week"));
      else if (!escale_hours_parse_time (slot->opens, &opens) ||
               !escale_hours_parse_time (slot->closes, &closes))
        add_error (errors, ESCALE_PARTNER_FIELD_HOURS, i,
                   _("Write the hours as HH:MM, for example 09:30"));
      else if (opens == closes)
        add_error (errors, ESCALE_PARTNER_FIELD_HOURS, i,
                   _("The opening and closing times cannot be the same"));
    }
  for (guint i = 0; i < partner->closures->len; i++)
    {
      EscalePartnerClosure *closure = &g_array_index (partner->closures, EscalePartnerClosure, i);

      if (!escale_store_check_iso_date (closure->from_date) ||
          !escale_store_check_iso_date (closure->to_date))
        add_error (errors, ESCALE_PARTNER_FIELD_CLOSURES, i, _("This date does not exist"));
      else if (strcmp (closure->to_date, closure->from_date) < 0)
        add_error (errors, ESCALE_PARTNER_FIELD_CLOSURES, i,
                   _("A closure cannot end before it starts"));
    }
}

static void
validate_contacts (EscalePartner *partner,
                   GPtrArray     *errors)
{
  for (guint i = 0; i < partner->contacts->len; i++)
    {
      EscalePartnerContact *contact = g_ptr_array_index (partner->contacts, i);

      if (is_blank (contact->name))
        add_error (errors, ESCALE_PARTNER_FIELD_CONTACTS, i, _("A contact needs a name"));
      else if (!is_blank (contact->email) && !check_email (contact->email))
        add_error (errors, ESCALE_PARTNER_FIELD_CONTACTS, i,
                   _("This is not an email address, such as contact@example.org"));
      else if (!is_blank (contact->phone) && !check_phone (contact->phone))
        add_error (errors, ESCALE_PARTNER_FIELD_CONTACTS, i,
                   _("This is not a phone number, such as +33 1 42 00 00 00"));
    }
}

static void
validate_capacity (EscalePartnerService *service,
                   guint                 index,
                   GPtrArray            *errors)
{
  gint64 total = service->capacity_total, free_places = service->capacity_free;

  if ((total != ESCALE_PARTNER_UNSET && total < 0) ||
      (free_places != ESCALE_PARTNER_UNSET && free_places < 0))
    add_error (errors, ESCALE_PARTNER_FIELD_SERVICE_CAPACITY, index,
               _("A number of places cannot be negative"));
  else if (total != ESCALE_PARTNER_UNSET && free_places != ESCALE_PARTNER_UNSET &&
           free_places > total)
    add_error (errors, ESCALE_PARTNER_FIELD_SERVICE_CAPACITY, index,
               _("There cannot be more free places than places"));
}

static void
validate_services (EscaleStore   *store,
                   EscalePartner *partner,
                   GPtrArray     *errors)
{
  for (guint i = 0; i < partner->services->len; i++)
    {
      EscalePartnerService *service = g_ptr_array_index (partner->services, i);

      if (is_blank (service->theme))
        add_error (errors, ESCALE_PARTNER_FIELD_SERVICE_THEME, i, _("Choose the service's theme"));
      else if (!escale_vocab_has_code (store, ESCALE_VOCAB_THEME, service->theme))
        add_error_printf (errors, ESCALE_PARTNER_FIELD_SERVICE_THEME, i, _("Unknown theme “%s”"),
                          service->theme);
      for (guint e = 0; service->eligibility[e] != NULL; e++)
        if (!escale_vocab_has_code (store, ESCALE_VOCAB_ELIGIBILITY, service->eligibility[e]))
          {
            /* Translators: %s is a code of the eligibility vocabulary */
            add_error_printf (errors, ESCALE_PARTNER_FIELD_SERVICE_ELIGIBILITY, i,
                              _("Unknown eligibility “%s”"), service->eligibility[e]);
            break;
          }
      validate_capacity (service, i, errors);
    }
}

/**
 * escale_store_validate_partner:
 *
 * Returns: (transfer full) (element-type EscalePartnerError): what is wrong
 *   with @partner, field by field; empty when it can be saved
 */
GPtrArray *
escale_store_validate_partner (EscaleStore   *store,
                               EscalePartner *partner)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_partner_error_free);

  g_return_val_if_fail (ESCALE_IS_STORE (store), errors);
  g_return_val_if_fail (partner != NULL, errors);

  validate_identity (store, partner, errors);
  validate_position (partner, errors);
  validate_lists (partner, errors);
  validate_hours (partner, errors);
  validate_contacts (partner, errors);
  validate_services (store, partner, errors);
  return errors;
}
