/* escale-action-input.c — reading what is typed in the action dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "escale-action-input.h"
#include "escale-action-store.h"
#include "escale-date.h"
#include "escale-editor-util.h"

/* Helpers */

/* Euros, "12,50", "12.50" or "1 200 €", as cents. */
static gboolean
parse_cents (const char *text,
             gint64     *cents)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  gint64 euros = 0, fraction = 0;
  guint digits = 0, decimals = 0;
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != 0x20AC /* € */)
        g_string_append_unichar (kept, c);
    }
  for (p = kept->str; g_ascii_isdigit (*p) && digits < 9; p++, digits++)
    euros = euros * 10 + (*p - '0');
  if (digits == 0)
    return FALSE;
  if (*p == ',' || *p == '.')
    for (p++; g_ascii_isdigit (*p) && decimals < 2; p++, decimals++)
      fraction = fraction * 10 + (*p - '0');
  if (*p != '\0')
    return FALSE;
  *cents = euros * 100 + (decimals == 1 ? fraction * 10 : fraction);
  return TRUE;
}

/* Callbacks: the calendar popover */

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  escale_input_set_date (row, iso);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

/* The calendar opens on the date typed, if any. */
static void
on_calendar_show_cb (GtkPopover  *popover,
                     AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 escale_action_error_free);
  g_autofree char *iso = escale_input_date (row, ESCALE_ACTION_FIELD_DATE, ignored);
  g_autoptr(GDate) date = escale_date_to_gdate (iso);
  g_autoptr(GDateTime) shown = NULL;

  if (date == NULL)
    return;
  shown = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), 0, 0, 0);
  g_signal_handlers_block_by_func (calendar, on_calendar_day_selected_cb, row);
  gtk_calendar_select_day (calendar, shown);
  g_signal_handlers_unblock_by_func (calendar, on_calendar_day_selected_cb, row);
}

/* Public API */

void
escale_input_add_error (GPtrArray         *errors,
                        EscaleActionField  field,
                        const char        *message)
{
  EscaleActionError *error = g_new0 (EscaleActionError, 1);

  error->field = field;
  error->message = g_strdup (message);
  g_ptr_array_add (errors, error);
}

/**
 * escale_input_text:
 *
 * Returns: (transfer full) (nullable): the text of @row without the spaces
 *   around it, %NULL when blank
 */
char *
escale_input_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/**
 * escale_input_date:
 *
 * Returns: (transfer full) (nullable): the whole date typed in @row, as
 *   YYYY-MM-DD; %NULL when blank or wrong (then an error is added)
 */
char *
escale_input_date (AdwEntryRow       *row,
                   EscaleActionField  field,
                   GPtrArray         *errors)
{
  g_autofree char *text = escale_input_text (row);
  g_autoptr(GError) error = NULL;
  EscaleDatePrecision precision;
  char *iso;

  if (text == NULL)
    return NULL;
  iso = escale_date_parse (text, &precision, &error);
  if (iso == NULL)
    escale_input_add_error (errors, field, error->message);
  else if (precision != ESCALE_DATE_EXACT)
    {
      escale_input_add_error (errors, field, _("Write the whole date: day, month and year"));
      g_clear_pointer (&iso, g_free);
    }
  return iso;
}

/**
 * escale_input_time:
 *
 * "9:30", "9h30" or "9.30" are read as "09:30"; anything else is returned
 * as typed, for the store to refuse with its own message.
 *
 * Returns: (transfer full) (nullable): the time, %NULL when blank
 */
char *
escale_input_time (AdwEntryRow *row)
{
  g_autofree char *text = escale_input_text (row);
  guint hours, minutes;
  char separator;
  int end = 0;

  if (text != NULL &&
      sscanf (text, "%2u%c%2u%n", &hours, &separator, &minutes, &end) == 3 &&
      text[end] == '\0' && strchr (":hH.", separator) != NULL && hours < 24 && minutes < 60)
    return g_strdup_printf ("%02u:%02u", hours, minutes);
  return g_steal_pointer (&text);
}

/**
 * escale_input_duration:
 *
 * Reads minutes ("45"), or hours and minutes ("1:30", "1h30", "2h").
 *
 * Returns: the minutes, %ESCALE_ACTION_UNSET when blank or wrong
 */
gint64
escale_input_duration (AdwEntryRow *row,
                       GPtrArray   *errors)
{
  g_autofree char *text = escale_input_text (row);
  guint hours, minutes;
  int end = 0;

  if (text == NULL)
    return ESCALE_ACTION_UNSET;
  if (strlen (text) <= 4 && strspn (text, "0123456789") == strlen (text))
    return atoi (text);
  if (sscanf (text, "%2u%*[:hH]%2u%n", &hours, &minutes, &end) == 2 && text[end] == '\0' &&
      minutes < 60)
    return hours * 60 + minutes;
  end = 0;
  if (sscanf (text, "%2u%*[hH]%n", &hours, &end) == 1 && end > 0 && text[end] == '\0')
    return hours * 60;
  escale_input_add_error (errors, ESCALE_ACTION_FIELD_DURATION,
                          _("Write the duration in minutes, for example 45"));
  return ESCALE_ACTION_UNSET;
}

/**
 * escale_input_amount:
 *
 * Reads euros with a decimal comma or point: "12,50", "12.50", "1 200 €".
 *
 * Returns: the cents, %ESCALE_ACTION_UNSET when blank or wrong
 */
gint64
escale_input_amount (AdwEntryRow *row,
                     GPtrArray   *errors)
{
  g_autofree char *text = escale_input_text (row);
  gint64 cents;

  if (text == NULL)
    return ESCALE_ACTION_UNSET;
  if (parse_cents (text, &cents))
    return cents;
  escale_input_add_error (errors, ESCALE_ACTION_FIELD_AMOUNT,
                          _("Write the amount in euros, for example 12,50"));
  return ESCALE_ACTION_UNSET;
}

void
escale_input_set_text (AdwEntryRow *row,
                       const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/**
 * escale_input_set_date:
 * @iso: (nullable): a date, YYYY-MM-DD
 *
 * Shows @iso the way it is typed in the interface language.
 */
void
escale_input_set_date (AdwEntryRow *row,
                       const char  *iso)
{
  g_autofree char *text = escale_editor_date_to_text (iso, ESCALE_DATE_EXACT);

  escale_input_set_text (row, text);
}

/**
 * escale_input_add_calendar:
 *
 * Adds to @row a button that opens a calendar, which writes the day chosen.
 */
void
escale_input_add_calendar (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_show_cb), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb),
                           row, 0);
  adw_entry_row_add_suffix (row, button);
  /* Translators: the date formats a date field accepts */
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("DD/MM/YYYY or YYYY-MM-DD"));
}
