/* escale-referral-answer.c — recording a partner's answer to a referral
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-referral-answer.h"
#include "escale-referral-store.h"
#include "escale-ui-util.h"

/* One change on its way, while a question is asked. */
typedef struct
{
  GtkWidget                 *widget;
  EscaleStore               *store;
  gint64                     referral_id;
  gint64                     action_id;
  char                      *state;
  EscaleReferralChangedFunc  changed;
  GtkEditable               *reason;    /* the refusal dialog's entry */
} Change;

static void
change_free (Change *change)
{
  g_object_unref (change->widget);
  g_object_unref (change->store);
  g_free (change->state);
  g_free (change);
}

/* Helpers */

static void
finish (Change  *change,
        gboolean ok,
        GError  *error)
{
  if (!ok)
    escale_add_toast (change->widget, adw_toast_new (error->message));
  else if (change->changed != NULL)
    change->changed (change->widget, change->action_id);
}

static void
set_state (Change     *change,
           const char *reason)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = escale_store_set_referral_state (change->store, change->referral_id,
                                                 change->state, reason, NULL, &error);

  finish (change, ok, error);
}

static void
accept (Change   *change,
        gboolean  take_place)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = escale_store_accept_referral (change->store, change->referral_id, NULL,
                                              take_place, &error);

  finish (change, ok, error);
}

/* A message dialog over @change's window, that owns @change. */
static AdwMessageDialog *
question_new (Change     *change,
              const char *heading,
              const char *body)
{
  GtkRoot *root = gtk_widget_get_root (change->widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  g_object_set_data_full (G_OBJECT (dialog), "escale-change", change,
                          (GDestroyNotify) change_free);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* Callbacks */

static void
on_refusal_response_cb (AdwMessageDialog *dialog,
                        const char       *response)
{
  Change *change = g_object_get_data (G_OBJECT (dialog), "escale-change");

  if (g_str_equal (response, "refuse"))
    set_state (change, gtk_editable_get_text (change->reason));
}

static void
on_place_response_cb (AdwMessageDialog *dialog,
                      const char       *response)
{
  Change *change = g_object_get_data (G_OBJECT (dialog), "escale-change");

  if (g_str_equal (response, "take"))
    accept (change, TRUE);
  else if (g_str_equal (response, "accept"))
    accept (change, FALSE);
}

/* Questions */

static void
ask_reason (Change *change)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = question_new (change, _("Referral Refused"),
                         _("Why did the partner refuse? The reason stays in the file."));
  /* Translators: the hint shown in the empty entry of the reason a partner refused a referral */
  g_object_set (entry, "placeholder-text", _("Reason of the refusal"), NULL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason of the refusal"), -1);
  change->reason = GTK_EDITABLE (entry);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button that records a refused referral */
                                    "refuse", _("_Refused"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "refuse");
  adw_message_dialog_set_response_appearance (dialog, "refuse", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_refusal_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
ask_place (Change               *change,
           const EscaleReferral *referral)
{
  const char *partner = referral->partner_name ? referral->partner_name : "";
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (referral->capacity_free > 0)
    {
      /* Translators: %1$d free places of a partner's service, %2$s the partner */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Take the %1$d free place at %2$s?",
                                           "Take one of the %1$d free places at %2$s?",
                                           (gulong) referral->capacity_free),
                              (int) referral->capacity_free, partner);
      dialog = question_new (change, _("Take a Place?"), body);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        /* Translators: accept a referral without taking
                                         * one of the service's free places */
                                        "accept", _("_Don’t Take"),
                                        "take", _("_Take a Place"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "take", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "take");
    }
  else
    {
      /* Translators: %s is a partner organisation */
      body = g_strdup_printf (_("%s has no free place left in this service. Accept the "
                                "referral all the same?"), partner);
      dialog = question_new (change, _("No Free Place"), body);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        /* Translators: a button that records an
                                         * accepted referral */
                                        "accept", _("_Accepted"),
                                        NULL);
      adw_message_dialog_set_default_response (dialog, "accept");
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_place_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Accepting takes a place only when the worker says so. */
static void
answer_accepted (Change *change)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleReferral) referral = escale_store_load_referral (change->store,
                                                                   change->referral_id, &error);

  if (referral == NULL)
    {
      finish (change, FALSE, error);
      change_free (change);
    }
  else if (referral->service_id > 0 && referral->capacity_free >= 0)
    ask_place (change, referral);
  else
    {
      accept (change, FALSE);
      change_free (change);
    }
}

/* Public API */

void
escale_referral_answer (GtkWidget                 *widget,
                        EscaleStore               *store,
                        gint64                     referral_id,
                        gint64                     action_id,
                        const char                *state,
                        EscaleReferralChangedFunc  changed)
{
  Change *change;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ESCALE_IS_STORE (store));
  g_return_if_fail (state != NULL);

  change = g_new0 (Change, 1);
  change->widget = g_object_ref (widget);
  change->store = g_object_ref (store);
  change->referral_id = referral_id;
  change->action_id = action_id;
  change->state = g_strdup (state);
  change->changed = changed;
  if (g_str_equal (state, ESCALE_REFERRAL_REFUSED))
    ask_reason (change);
  else if (g_str_equal (state, ESCALE_REFERRAL_ACCEPTED))
    answer_accepted (change);
  else
    {
      set_state (change, NULL);
      change_free (change);
    }
}
