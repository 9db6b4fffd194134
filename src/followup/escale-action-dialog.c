/* escale-action-dialog.c — adding or editing one follow-up action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PLACEHOLDER: replaced by the real dialog (work in progress).
 */
#include "config.h"

#include "escale-action-dialog.h"

struct _EscaleActionDialog
{
  AdwWindow    parent_instance;
  EscaleStore *store;
};

G_DEFINE_FINAL_TYPE (EscaleActionDialog, escale_action_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
escale_action_dialog_dispose (GObject *object)
{
  g_clear_object (&ESCALE_ACTION_DIALOG (object)->store);
  G_OBJECT_CLASS (escale_action_dialog_parent_class)->dispose (object);
}

static void
escale_action_dialog_class_init (EscaleActionDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_action_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
escale_action_dialog_init (G_GNUC_UNUSED EscaleActionDialog *self)
{
}

EscaleActionDialog *
escale_action_dialog_new (GtkWindow                *parent,
                          EscaleStore              *store,
                          G_GNUC_UNUSED gint64      person_id,
                          G_GNUC_UNUSED gint64      action_id)
{
  EscaleActionDialog *self = g_object_new (ESCALE_TYPE_ACTION_DIALOG,
                                           "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  return self;
}

gboolean
escale_action_dialog_save (G_GNUC_UNUSED EscaleActionDialog *self)
{
  return FALSE;
}
