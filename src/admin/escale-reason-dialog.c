/* escale-reason-dialog.c — a question before an erasure, with its reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-reason-dialog.h"

struct _EscaleReasonDialog
{
  AdwMessageDialog  parent_instance;

  char             *typed;         /* what must be typed, or NULL */
  GtkEditable      *typed_entry;   /* NULL without it */
  GtkEditable      *reason_entry;
};

G_DEFINE_FINAL_TYPE (EscaleReasonDialog, escale_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Helpers */

static GtkWidget *
new_entry (const char *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return entry;
}

static gboolean
typed_matches (EscaleReasonDialog *self)
{
  g_autofree char *text = NULL;

  if (self->typed_entry == NULL)
    return TRUE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (self->typed_entry)));
  return g_str_equal (text, self->typed);
}

/* Callbacks */

static void
on_entry_changed_cb (EscaleReasonDialog *self)
{
  g_autofree char *reason = escale_reason_dialog_dup_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), ESCALE_REASON_DIALOG_CONFIRM,
                                           *reason != '\0' && typed_matches (self));
}

/* GObject overrides */

static void
escale_reason_dialog_finalize (GObject *object)
{
  g_free (ESCALE_REASON_DIALOG (object)->typed);

  G_OBJECT_CLASS (escale_reason_dialog_parent_class)->finalize (object);
}

static void
escale_reason_dialog_class_init (EscaleReasonDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_reason_dialog_finalize;
}

static void
escale_reason_dialog_init (G_GNUC_UNUSED EscaleReasonDialog *self)
{
}

/* Public API */

/**
 * escale_reason_dialog_new:
 * @typed: (nullable): what must be typed before confirming
 *
 * Returns: (transfer none): the question, not yet presented; it destroys
 *   itself once answered
 */
EscaleReasonDialog *
escale_reason_dialog_new (GtkWindow  *parent,
                          const char *heading,
                          const char *body,
                          const char *confirm_label,
                          const char *typed)
{
  EscaleReasonDialog *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self = g_object_new (ESCALE_TYPE_REASON_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       "body", body,
                       NULL);
  if (typed != NULL)
    {
      /* Translators: the entry where the file number must be typed before
       * erasing a file; %s is the number, like 2026-0142 */
      g_autofree char *label = g_strdup_printf (_("Type %s to confirm"), typed);

      self->typed = g_strdup (typed);
      self->typed_entry = GTK_EDITABLE (new_entry (label));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->typed_entry));
      g_signal_connect_swapped (self->typed_entry, "changed", G_CALLBACK (on_entry_changed_cb),
                                self);
    }
  /* Translators: the entry for the reason of an erasure, kept in the audit log */
  self->reason_entry = GTK_EDITABLE (new_entry (_("Reason, kept in the audit log")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->reason_entry));
  g_signal_connect_swapped (self->reason_entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    ESCALE_REASON_DIALOG_CONFIRM, confirm_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self),
                                              ESCALE_REASON_DIALOG_CONFIRM,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  on_entry_changed_cb (self);
  return self;
}

char *
escale_reason_dialog_dup_reason (EscaleReasonDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REASON_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (self->reason_entry)));
}

GtkEditable *
escale_reason_dialog_get_reason_entry (EscaleReasonDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REASON_DIALOG (self), NULL);
  return self->reason_entry;
}

GtkEditable *
escale_reason_dialog_get_typed_entry (EscaleReasonDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_REASON_DIALOG (self), NULL);
  return self->typed_entry;
}
