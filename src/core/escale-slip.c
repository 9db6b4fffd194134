/* escale-slip.c — what the slip printed for a person shows
 *
 * Read through the store's own calls: the person, their planned actions,
 * each one's partner and the service the action is for (the referral's, or
 * the partner's service of the action's theme), and the next steps. A next
 * step with a due date has its own planned action (see
 * escale_store_save_action): it is shown as an appointment about that step
 * rather than twice.
 *
 * Dates are written with a catalogue's names of days and months, not the
 * locale's, so that each column of a slip is in its own language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-partner-store.h"
#include "escale-person-store.h"
#include "escale-referral-store.h"
#include "escale-report-settings.h"
#include "escale-slip.h"

/* Helpers */

static void
appointment_free (EscaleSlipAppointment *appointment)
{
  g_free (appointment->date);
  g_free (appointment->time);
  g_free (appointment->type);
  g_free (appointment->about);
  g_free (appointment->place);
  g_clear_pointer (&appointment->partner, escale_partner_free);
  g_free (appointment->documents);
  g_free (appointment);
}

static void
step_free (EscaleSlipStep *step)
{
  g_free (step->text);
  g_free (step->due);
  g_free (step);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static EscalePartnerService *
find_service_by_id (EscalePartner *partner,
                    gint64         service_id)
{
  for (guint i = 0; i < partner->services->len; i++)
    {
      EscalePartnerService *service = g_ptr_array_index (partner->services, i);

      if (service->id == service_id)
        return service;
    }
  return NULL;
}

/* The service the action goes to: a referral's own, else the partner's
 * service of the action's first theme, else its only service. */
static EscalePartnerService *
find_service (EscaleStore   *store,
              EscaleAction  *action,
              EscalePartner *partner)
{
  gint64 referral_id = escale_store_find_action_referral (store, escale_action_get_id (action));
  const char * const *themes = escale_action_get_themes (action);

  if (referral_id > 0)
    {
      g_autoptr(EscaleReferral) referral = escale_store_load_referral (store, referral_id, NULL);

      if (referral != NULL && referral->service_id > 0)
        return find_service_by_id (partner, referral->service_id);
    }
  if (themes[0] != NULL)
    {
      EscalePartnerService *service = escale_partner_find_service (partner, themes[0]);

      if (service != NULL)
        return service;
    }
  return partner->services->len == 1 ? g_ptr_array_index (partner->services, 0) : NULL;
}

static gboolean
add_partner (EscaleStore            *store,
             EscaleAction           *action,
             EscaleSlipAppointment  *appointment,
             GError                **error)
{
  gint64 partner_id = escale_action_get_int (action, ESCALE_ACTION_FIELD_PARTNER_ID);
  EscalePartnerService *service;

  if (partner_id == ESCALE_ACTION_UNSET)
    return TRUE;
  if (!(appointment->partner = escale_store_load_partner (store, partner_id, error)))
    return FALSE;
  g_free (appointment->place);
  appointment->place = g_strdup (appointment->partner->name);
  service = find_service (store, action, appointment->partner);
  if (service != NULL && !is_blank (service->documents))
    appointment->documents = g_strdup (service->documents);
  return TRUE;
}

static EscaleSlipAppointment *
load_appointment (EscaleStore  *store,
                  EscaleAction *action,
                  const char   *association,
                  GError      **error)
{
  EscaleSlipAppointment *appointment = g_new0 (EscaleSlipAppointment, 1);
  const char *partner = escale_action_get (action, ESCALE_ACTION_FIELD_PARTNER);

  appointment->action_id = escale_action_get_id (action);
  appointment->date = g_strdup (escale_action_get (action, ESCALE_ACTION_FIELD_DATE));
  appointment->time = g_strdup (escale_action_get (action, ESCALE_ACTION_FIELD_TIME));
  appointment->type = g_strdup (escale_action_get (action, ESCALE_ACTION_FIELD_TYPE));
  /* The notes of a planned next step are that step; other notes are the
   * workers' own and stay off the slip. */
  if (escale_action_get_int (action, ESCALE_ACTION_FIELD_FOLLOWS) != ESCALE_ACTION_UNSET)
    appointment->about = g_strdup (escale_action_get (action, ESCALE_ACTION_FIELD_NOTES));
  appointment->place = g_strdup (!is_blank (partner) ? partner : association);
  if (!add_partner (store, action, appointment, error))
    {
      appointment_free (appointment);
      return NULL;
    }
  return appointment;
}

static gboolean
is_shown (EscaleSlip *slip,
          gint64      action_id)
{
  for (guint i = 0; i < slip->appointments->len; i++)
    if (((EscaleSlipAppointment *) g_ptr_array_index (slip->appointments, i))->action_id ==
        action_id)
      return TRUE;
  return FALSE;
}

/* The next step of @action, unless an appointment shown is planned for it. */
static void
add_step (EscaleStore  *store,
          EscaleSlip   *slip,
          EscaleAction *action)
{
  const char *text = escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP);
  gint64 follow_up;
  EscaleSlipStep *step;

  if (is_blank (text))
    return;
  follow_up = escale_store_find_follow_up (store, escale_action_get_id (action));
  if (follow_up != 0 && is_shown (slip, follow_up))
    return;
  step = g_new0 (EscaleSlipStep, 1);
  step->text = g_strdup (text);
  step->due = g_strdup (escale_action_get (action, ESCALE_ACTION_FIELD_NEXT_STEP_DUE));
  g_ptr_array_add (slip->steps, step);
}

/* The person's last done action: its next step is what they were told. */
static EscaleAction *
load_last_done (EscaleStore  *store,
                gint64        person_id,
                GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!escale_store_list_person_actions (store, person_id, ids, error))
    return NULL;
  /* Newest first: the planned ones of the coming days come before it. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EscaleAction) action = escale_store_load_action (store,
                                                                 g_array_index (ids, gint64, i),
                                                                 error);

      if (action == NULL)
        return NULL;
      if (g_strcmp0 (escale_action_get (action, ESCALE_ACTION_FIELD_STATUS), "done") == 0)
        return g_steal_pointer (&action);
    }
  return NULL;
}

static gboolean
load_actions (EscaleStore  *store,
              EscaleSlip   *slip,
              gint64        action_id,
              GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EscaleAction) last_done = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!escale_store_list_person_planned (store, slip->person_id, ids, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(EscaleAction) action = NULL;
      EscaleSlipAppointment *appointment;

      if (action_id != 0 && id != action_id)
        continue;
      if (!(action = escale_store_load_action (store, id, error)))
        return FALSE;
      /* Overdue ones did not happen as planned: not for the person to come to. */
      if (action_id == 0 &&
          g_strcmp0 (escale_action_get (action, ESCALE_ACTION_FIELD_DATE), slip->today) < 0)
        continue;
      if (!(appointment = load_appointment (store, action, slip->association, error)))
        return FALSE;
      g_ptr_array_add (slip->appointments, appointment);
      g_ptr_array_add (shown, g_steal_pointer (&action));
    }
  if (action_id != 0 && slip->appointments->len == 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                           _("This action is not planned for this person"));
      return FALSE;
    }
  if (action_id == 0)
    {
      last_done = load_last_done (store, slip->person_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (last_done != NULL)
        add_step (store, slip, last_done);
    }
  for (guint i = 0; i < shown->len; i++)
    add_step (store, slip, g_ptr_array_index (shown, i));
  return TRUE;
}

static int
level_rank (const char *level)
{
  if (g_strcmp0 (level, "native") == 0)
    return 0;
  if (g_strcmp0 (level, "fluent") == 0)
    return 1;
  if (g_strcmp0 (level, "basic") == 0)
    return 2;
  return 3;
}

/* The catalogue for a language code of ISO 639, or NULL. */
static const char *
find_catalogue (const char * const *catalogues,
                const char         *code)
{
  if (g_strv_contains (catalogues, code))
    return code;
  /* Dari readers read Persian. */
  if (g_str_equal (code, "prs") && g_strv_contains (catalogues, "fa"))
    return "fa";
  return NULL;
}

/* “HADDAD Amina”, as the files name people. */
static char *
format_name (EscalePerson *person)
{
  const char *family = escale_person_get (person, ESCALE_FIELD_FAMILY_NAME);
  const char *given = escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES);
  g_autofree char *upper = g_utf8_strup (family ? family : "", -1);

  if (is_blank (given))
    return g_steal_pointer (&upper);
  return g_strdup_printf ("%s %s", upper, given);
}

/* The day's parts for escale_slip_format_day(). */
static void
append_conversion (GString       *out,
                   const char   **format,
                   GDate         *date,
                   EscaleCatalog *catalog)
{
  const char *p = *format;
  const char *weekday = escale_date_weekday_msgid (g_date_get_weekday (date));
  const char *month = escale_date_month_msgid (g_date_get_month (date));
  gboolean no_padding = FALSE;

  if (*p == '-' || *p == 'O' || *p == 'E')
    {
      no_padding = *p == '-';
      p++;
    }
  switch (*p)
    {
    case 'A':
      g_string_append (out, escale_catalog_pgettext (catalog, "weekday", weekday));
      break;
    case 'B':
      g_string_append (out, escale_catalog_pgettext (catalog, "month", month));
      break;
    case 'd':
    case 'e':
      g_string_append_printf (out, no_padding ? "%u" : "%02u", g_date_get_day (date));
      break;
    case 'm':
      g_string_append_printf (out, no_padding ? "%u" : "%02u", g_date_get_month (date));
      break;
    case 'Y':
      g_string_append_printf (out, "%u", g_date_get_year (date));
      break;
    case '%':
      g_string_append_c (out, '%');
      break;
    case '\0':
      *format = p;
      return;
    default:
      g_string_append_c (out, '%');
      g_string_append_len (out, *format, p - *format + 1);
      break;
    }
  *format = p + 1;
}

/* Public API */

void
escale_slip_free (EscaleSlip *slip)
{
  if (slip == NULL)
    return;
  g_free (slip->name);
  g_free (slip->file_number);
  g_free (slip->association);
  g_free (slip->today);
  g_ptr_array_unref (slip->appointments);
  g_ptr_array_unref (slip->steps);
  g_free (slip);
}

/**
 * escale_slip_load:
 * @action_id: a planned action of the person, or 0 for all of them
 *
 * Returns: (transfer full) (nullable): the slip, or %NULL with @error set
 */
EscaleSlip *
escale_slip_load (EscaleStore  *store,
                  gint64        person_id,
                  gint64        action_id,
                  GError      **error)
{
  g_autoptr(EscalePerson) person = NULL;
  g_autoptr(EscaleReportSettings) settings = NULL;
  g_autoptr(EscaleSlip) slip = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id > 0, NULL);
  g_return_val_if_fail (action_id >= 0, NULL);

  if (!(person = escale_store_load_person (store, person_id, error)) ||
      !(settings = escale_report_settings_load (store, error)))
    return NULL;
  slip = g_new0 (EscaleSlip, 1);
  slip->person_id = person_id;
  slip->name = format_name (person);
  slip->file_number = g_strdup (escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  slip->association = g_strdup (settings->association ? settings->association : "");
  slip->today = escale_date_today ();
  slip->appointments = g_ptr_array_new_with_free_func ((GDestroyNotify) appointment_free);
  slip->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  if (!load_actions (store, slip, action_id, error))
    return NULL;
  return g_steal_pointer (&slip);
}

/**
 * escale_slip_language:
 *
 * Returns: (transfer full): a language Escale has a catalogue for ("en"
 *   included, the source language), or "fr"
 */
char *
escale_slip_language (EscaleStore *store,
                      gint64       person_id)
{
  g_autoptr(EscalePerson) person = NULL;
  g_auto(GStrv) catalogues = NULL;
  const char *best = NULL;
  int best_rank = G_MAXINT;
  GPtrArray *languages;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!(person = escale_store_load_person (store, person_id, NULL)))
    return g_strdup ("fr");
  catalogues = escale_catalog_list_languages ();
  languages = escale_person_get_languages (person);
  for (guint i = 0; i < languages->len; i++)
    {
      const EscaleLanguageSkill *skill = g_ptr_array_index (languages, i);
      int rank = level_rank (skill->level);
      const char *found;

      if (rank < best_rank && (found = find_catalogue ((const char * const *) catalogues,
                                                       skill->code)) != NULL)
        {
          best = found;
          best_rank = rank;
        }
    }
  return g_strdup (best ? best : "fr");
}

/**
 * escale_slip_format_day:
 * @iso: YYYY-MM-DD
 *
 * Returns: (transfer full): the day written out in @catalog's language, or
 *   @iso when it is not a date
 */
char *
escale_slip_format_day (const char    *iso,
                        EscaleCatalog *catalog)
{
  /* Translators: the day of an appointment on the slip printed for the
   * person, like “Friday 12 June 2026”, as in strftime(3): %A the day's
   * name, %-d the day, %B the month's name on its own (as in “June 2026”),
   * %m its number, %Y the year. Where a month's name changes inside a date
   * (Ukrainian: “12 червня”), write the month as a number: “%A, %d.%m.%Y” */
  static const char day_format[] = NC_("slip date", "%A %-d %B %Y");
  g_autoptr(GDate) date = iso ? escale_date_to_gdate (iso) : NULL;
  g_autoptr(GString) out = NULL;
  const char *format;

  g_return_val_if_fail (catalog != NULL, NULL);

  if (date == NULL)
    return g_strdup (iso ? iso : "");
  format = escale_catalog_pgettext (catalog, "slip date", day_format);
  out = g_string_new (NULL);
  while (*format != '\0')
    {
      const char *percent = strchr (format, '%');

      if (percent == NULL)
        {
          g_string_append (out, format);
          break;
        }
      g_string_append_len (out, format, percent - format);
      format = percent + 1;
      append_conversion (out, &format, date, catalog);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * escale_slip_format_when:
 *
 * Returns: (transfer full): “Friday 12 June 2026 at 10:30”, in @catalog's
 *   language
 */
char *
escale_slip_format_when (const EscaleSlipAppointment *appointment,
                         EscaleCatalog               *catalog)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (appointment != NULL, NULL);

  day = escale_slip_format_day (appointment->date, catalog);
  if (is_blank (appointment->time))
    return g_steal_pointer (&day);
  /* Translators: a date and a time, like “14/03/2026 at 10:30” */
  return g_strdup_printf (escale_catalog_gettext (catalog, N_("%s at %s")), day,
                          appointment->time);
}

/**
 * escale_slip_format_place:
 *
 * Returns: (transfer full): the place's name and the partner's address, one
 *   a line; an empty string when nothing is known
 */
char *
escale_slip_format_place (const EscaleSlipAppointment *appointment)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *address = NULL;

  g_return_val_if_fail (appointment != NULL, NULL);

  text = g_string_new (appointment->place);
  if (appointment->partner != NULL)
    address = escale_partner_format_address (appointment->partner);
  if (address != NULL && *address != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", address);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
