/* escale-partner.c — a partner organisation, its services, contacts and hours
 *
 * Plain structures, like EscaleProgramme: the store validates and writes
 * them whole, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-partner.h"

G_DEFINE_BOXED_TYPE (EscalePartner, escale_partner, escale_partner_copy, escale_partner_free)

static void
phone_free (EscalePartnerPhone *phone)
{
  g_free (phone->phone);
  g_free (phone->label);
  g_free (phone);
}

static void
hours_clear (EscalePartnerHours *hours)
{
  g_free (hours->opens);
  g_free (hours->closes);
}

static void
closure_clear (EscalePartnerClosure *closure)
{
  g_free (closure->from_date);
  g_free (closure->to_date);
  g_free (closure->reason);
}

EscalePartnerService *
escale_partner_service_new (const char *theme)
{
  EscalePartnerService *service = g_new0 (EscalePartnerService, 1);

  service->theme = g_strdup (theme);
  service->eligibility = g_new0 (char *, 1);
  service->capacity_total = ESCALE_PARTNER_UNSET;
  service->capacity_free = ESCALE_PARTNER_UNSET;
  return service;
}

void
escale_partner_service_free (EscalePartnerService *service)
{
  if (service == NULL)
    return;
  g_free (service->uuid);
  g_free (service->theme);
  g_free (service->description);
  g_free (service->documents);
  g_strfreev (service->eligibility);
  g_free (service->capacity_updated_at);
  g_free (service->capacity_updated_by);
  g_free (service);
}

static EscalePartnerService *
service_copy (const EscalePartnerService *service)
{
  EscalePartnerService *copy = escale_partner_service_new (service->theme);

  copy->id = service->id;
  copy->uuid = g_strdup (service->uuid);
  copy->description = g_strdup (service->description);
  copy->documents = g_strdup (service->documents);
  g_strfreev (copy->eligibility);
  copy->eligibility = g_strdupv (service->eligibility);
  copy->capacity_total = service->capacity_total;
  copy->capacity_free = service->capacity_free;
  copy->capacity_updated_at = g_strdup (service->capacity_updated_at);
  copy->capacity_updated_by = g_strdup (service->capacity_updated_by);
  return copy;
}

EscalePartnerContact *
escale_partner_contact_new (void)
{
  return g_new0 (EscalePartnerContact, 1);
}

void
escale_partner_contact_free (EscalePartnerContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->uuid);
  g_free (contact->name);
  g_free (contact->role);
  g_free (contact->phone);
  g_free (contact->email);
  g_free (contact);
}

EscalePartner *
escale_partner_new (void)
{
  EscalePartner *partner = g_new0 (EscalePartner, 1);

  partner->active = TRUE;
  partner->latitude = NAN;
  partner->longitude = NAN;
  partner->languages = g_new0 (char *, 1);
  partner->phones = g_ptr_array_new_with_free_func ((GDestroyNotify) phone_free);
  partner->hours = g_array_new (FALSE, TRUE, sizeof (EscalePartnerHours));
  g_array_set_clear_func (partner->hours, (GDestroyNotify) hours_clear);
  partner->closures = g_array_new (FALSE, TRUE, sizeof (EscalePartnerClosure));
  g_array_set_clear_func (partner->closures, (GDestroyNotify) closure_clear);
  partner->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_partner_contact_free);
  partner->services = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_partner_service_free);
  return partner;
}

void
escale_partner_free (EscalePartner *partner)
{
  if (partner == NULL)
    return;
  g_free (partner->uuid);
  g_free (partner->code);
  g_free (partner->name);
  g_free (partner->kind);
  g_free (partner->address);
  g_free (partner->postal_code);
  g_free (partner->city);
  g_free (partner->position_source);
  g_free (partner->email);
  g_free (partner->website);
  g_free (partner->hours_note);
  g_free (partner->notes);
  g_strfreev (partner->languages);
  g_ptr_array_unref (partner->phones);
  g_array_unref (partner->hours);
  g_array_unref (partner->closures);
  g_ptr_array_unref (partner->contacts);
  g_ptr_array_unref (partner->services);
  g_free (partner);
}

/**
 * escale_partner_copy:
 *
 * Returns: (transfer full): a deep copy of @partner, with the same ids
 */
EscalePartner *
escale_partner_copy (const EscalePartner *partner)
{
  EscalePartner *copy = escale_partner_new ();

  copy->id = partner->id;
  copy->uuid = g_strdup (partner->uuid);
  copy->code = g_strdup (partner->code);
  copy->name = g_strdup (partner->name);
  copy->kind = g_strdup (partner->kind);
  copy->address = g_strdup (partner->address);
  copy->postal_code = g_strdup (partner->postal_code);
  copy->city = g_strdup (partner->city);
  copy->latitude = partner->latitude;
  copy->longitude = partner->longitude;
  copy->position_source = g_strdup (partner->position_source);
  copy->email = g_strdup (partner->email);
  copy->website = g_strdup (partner->website);
  copy->hours_note = g_strdup (partner->hours_note);
  copy->notes = g_strdup (partner->notes);
  copy->active = partner->active;
  g_strfreev (copy->languages);
  copy->languages = g_strdupv (partner->languages);
  for (guint i = 0; i < partner->phones->len; i++)
    {
      EscalePartnerPhone *phone = g_ptr_array_index (partner->phones, i);

      escale_partner_add_phone (copy, phone->phone, phone->label);
    }
  for (guint i = 0; i < partner->hours->len; i++)
    {
      EscalePartnerHours *slot = &g_array_index (partner->hours, EscalePartnerHours, i);

      escale_partner_add_hours (copy, slot->weekday, slot->opens, slot->closes);
    }
  for (guint i = 0; i < partner->closures->len; i++)
    {
      EscalePartnerClosure *closure = &g_array_index (partner->closures, EscalePartnerClosure, i);

      escale_partner_add_closure (copy, closure->from_date, closure->to_date, closure->reason);
    }
  for (guint i = 0; i < partner->contacts->len; i++)
    {
      EscalePartnerContact *contact = g_ptr_array_index (partner->contacts, i);
      EscalePartnerContact *added = escale_partner_add_contact (copy, contact->name, contact->role,
                                                                contact->phone, contact->email);

      added->id = contact->id;
      added->uuid = g_strdup (contact->uuid);
    }
  for (guint i = 0; i < partner->services->len; i++)
    g_ptr_array_add (copy->services, service_copy (g_ptr_array_index (partner->services, i)));
  return copy;
}

void
escale_partner_add_phone (EscalePartner *partner,
                          const char    *phone,
                          const char    *label)
{
  EscalePartnerPhone *added = g_new0 (EscalePartnerPhone, 1);

  added->phone = g_strdup (phone);
  added->label = g_strdup (label);
  g_ptr_array_add (partner->phones, added);
}

void
escale_partner_add_hours (EscalePartner *partner,
                          guint          weekday,
                          const char    *opens,
                          const char    *closes)
{
  EscalePartnerHours slot = { weekday, g_strdup (opens), g_strdup (closes) };

  g_array_append_val (partner->hours, slot);
}

void
escale_partner_add_closure (EscalePartner *partner,
                            const char    *from_date,
                            const char    *to_date,
                            const char    *reason)
{
  EscalePartnerClosure closure = { g_strdup (from_date), g_strdup (to_date), g_strdup (reason) };

  g_array_append_val (partner->closures, closure);
}

/**
 * escale_partner_add_contact:
 *
 * Returns: (transfer none): the new contact, owned by @partner
 */
EscalePartnerContact *
escale_partner_add_contact (EscalePartner *partner,
                            const char    *name,
                            const char    *role,
                            const char    *phone,
                            const char    *email)
{
  EscalePartnerContact *contact = escale_partner_contact_new ();

  contact->name = g_strdup (name);
  contact->role = g_strdup (role);
  contact->phone = g_strdup (phone);
  contact->email = g_strdup (email);
  g_ptr_array_add (partner->contacts, contact);
  return contact;
}

/**
 * escale_partner_add_service:
 *
 * Returns: (transfer none): the new service, owned by @partner
 */
EscalePartnerService *
escale_partner_add_service (EscalePartner *partner,
                            const char    *theme)
{
  EscalePartnerService *service = escale_partner_service_new (theme);

  g_ptr_array_add (partner->services, service);
  return service;
}

/**
 * escale_partner_find_service:
 *
 * Returns: (transfer none) (nullable): the first service of @theme
 */
EscalePartnerService *
escale_partner_find_service (EscalePartner *partner,
                             const char    *theme)
{
  for (guint i = 0; i < partner->services->len; i++)
    {
      EscalePartnerService *service = g_ptr_array_index (partner->services, i);

      if (g_strcmp0 (service->theme, theme) == 0)
        return service;
    }
  return NULL;
}

/* Text */

/**
 * escale_partner_format_address:
 *
 * Returns: (transfer full): the street, then the postal code and the city
 *   on a line of their own; an empty string when none is known
 */
char *
escale_partner_format_address (const EscalePartner *partner)
{
  g_autoptr(GString) text = g_string_new (partner->address);
  g_autofree char *town = g_strjoin (" ", partner->postal_code ? partner->postal_code : "",
                                     partner->city ? partner->city : "", NULL);

  g_strstrip (town);
  if (*town != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", town);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * escale_partner_format_phones:
 *
 * Returns: (transfer full): the phone numbers, one a line, each followed by
 *   its label in brackets; an empty string when there is none
 */
char *
escale_partner_format_phones (const EscalePartner *partner)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < partner->phones->len; i++)
    {
      const EscalePartnerPhone *phone = g_ptr_array_index (partner->phones, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, phone->phone);
      if (phone->label != NULL && *phone->label != '\0')
        g_string_append_printf (text, " (%s)", phone->label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Capacity */

/* Whole days from @updated_at to @now, or -1 when @updated_at is not a time. */
static int
days_since (const char *updated_at,
            GDateTime  *now)
{
  g_autoptr(GDateTime) then = NULL;

  if (updated_at == NULL ||
      !(then = g_date_time_new_from_iso8601 (updated_at, g_date_time_get_timezone (now))))
    return -1;
  return (int) MAX (0, g_date_time_difference (now, then) / G_TIME_SPAN_DAY);
}

/**
 * escale_capacity_freshness:
 * @updated_at: (nullable): when the figure was given, ISO 8601 as stored
 * @now: the present
 *
 * Returns: how much a capacity figure can be trusted; a figure never
 *   updated is stale
 */
EscaleCapacityFreshness
escale_capacity_freshness (const char *updated_at,
                           GDateTime  *now)
{
  int days;

  g_return_val_if_fail (now != NULL, ESCALE_CAPACITY_STALE);

  days = days_since (updated_at, now);
  if (days < 0 || days >= ESCALE_CAPACITY_STALE_DAYS)
    return ESCALE_CAPACITY_STALE;
  return days < ESCALE_CAPACITY_FRESH_DAYS ? ESCALE_CAPACITY_FRESH : ESCALE_CAPACITY_AGING;
}

static char *
format_age (int days)
{
  if (days == 0)
    /* Translators: when a capacity figure was updated */
    return g_strdup (_("updated today"));
  if (days == 1)
    return g_strdup (_("updated yesterday"));
  if (days < 60)
    /* Translators: when a capacity figure was updated; %d is a number of days */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "updated %d day ago",
                                         "updated %d days ago", (gulong) days), days);
  /* Translators: when a capacity figure was updated; %d is a number of months */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "updated %d month ago",
                                       "updated %d months ago", (gulong) (days / 30)), days / 30);
}

/**
 * escale_capacity_format:
 * @free_places: the free places, or %ESCALE_PARTNER_UNSET
 * @updated_at: (nullable): when the figure was given
 * @now: the present
 *
 * Returns: (transfer full): "12 free places, updated 3 days ago", translated
 */
char *
escale_capacity_format (gint64      free_places,
                        const char *updated_at,
                        GDateTime  *now)
{
  g_autofree char *places = NULL;
  g_autofree char *age = NULL;
  int days;

  g_return_val_if_fail (now != NULL, NULL);

  if (free_places == ESCALE_PARTNER_UNSET)
    places = g_strdup (_("Free places unknown"));
  else
    /* Translators: %d is a number of places */
    places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d free place", "%d free places",
                                           (gulong) free_places),
                              (int) CLAMP (free_places, 0, G_MAXINT));
  days = days_since (updated_at, now);
  if (days < 0)
    return g_steal_pointer (&places);
  age = format_age (days);
  /* Translators: "12 free places", then "updated 3 days ago" */
  return g_strdup_printf (_("%s, %s"), places, age);
}
