/* escale-followup-util.c — how actions look: icons, theme colours, figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-application.h"
#include "escale-followup-util.h"

typedef struct
{
  const char *code;
  const char *value;
} CodeValue;

static const char *
lookup (const CodeValue *table,
        gsize            n,
        const char      *code,
        const char      *fallback)
{
  for (gsize i = 0; code != NULL && i < n; i++)
    if (g_str_equal (table[i].code, code))
      return table[i].value;
  return fallback;
}

const char *
escale_action_type_icon_name (const char *type)
{
  static const CodeValue icons[] = {
    { "reception", "go-home-symbolic" },
    { "interview", "user-available-symbolic" },
    { "phone_call", "call-start-symbolic" },
    { "referral", "mail-forward-symbolic" },
    { "accompaniment", "system-users-symbolic" },
    { "procedure", "document-edit-symbolic" },
    { "appointment", "x-office-calendar-symbolic" },
    { "workshop", "emoji-people-symbolic" },
    { "financial_aid", "emblem-favorite-symbolic" },
    { "domiciliation", "mail-send-receive-symbolic" },
    { "note", "accessories-text-editor-symbolic" },
  };

  return lookup (icons, G_N_ELEMENTS (icons), type, "emblem-documents-symbolic");
}

const char *
escale_theme_css_class (const char *theme)
{
  static const CodeValue classes[] = {
    { "reception", "theme-reception" },
    { "language", "theme-language" },
    { "housing", "theme-housing" },
    { "rights", "theme-rights" },
    { "health", "theme-health" },
    { "employment", "theme-employment" },
    { "education", "theme-education" },
    { "culture", "theme-culture" },
    { "social", "theme-social" },
    { "material", "theme-material" },
  };

  return lookup (classes, G_N_ELEMENTS (classes), theme, "theme-other");
}

char *
escale_format_duration (gint64 minutes)
{
  gint64 hours = minutes / 60, rest = minutes % 60;

  if (minutes < 60)
    /* Translators: a duration in minutes, as short as possible */
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (rest == 0)
    /* Translators: a duration in whole hours */
    return g_strdup_printf (_("%d h"), (int) hours);
  /* Translators: a duration in hours and minutes, like “1 h 30” */
  return g_strdup_printf (_("%d h %02d"), (int) hours, (int) rest);
}

char *
escale_format_amount (gint64 cents)
{
  g_autofree char *number = g_strdup_printf ("%'.2f", (double) cents / 100.0);

  /* Translators: an amount of money; %s is the number, written the way of
   * the current locale */
  return g_strdup_printf (_("%s €"), number);
}

char *
escale_current_worker (void)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  g_autofree char *configured = NULL;
  const char *real_name = g_get_real_name ();

  if (settings != NULL)
    configured = g_settings_get_string (settings, "worker-name");
  if (configured != NULL && *g_strstrip (configured) != '\0')
    return g_steal_pointer (&configured);
  if (real_name != NULL && *real_name != '\0' && !g_str_equal (real_name, "Unknown"))
    return g_strdup (real_name);
  return g_strdup (g_get_user_name ());
}

void
escale_add_ctrl_enter_shortcut (GtkWidget  *widget,
                                const char *action_name)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (action_name != NULL);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger,
                                                              gtk_named_action_new (action_name)));
    }
  gtk_widget_add_controller (widget, controller);
}
