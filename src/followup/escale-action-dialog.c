/* escale-action-dialog.c — adding or editing one follow-up action
 *
 * The dialog loads the action (none for a new one) and fills the form; only
 * a valid action is written, with the planned action of its next step, by
 * escale_store_save_action(). It emits "saved", or "deleted" once a deletion
 * is confirmed, then closes. escale-action-dialog-private.h names the files
 * of its other parts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-action-dialog-private.h"
#include "escale-action-input.h"
#include "escale-action-store.h"
#include "escale-followup-util.h"
#include "escale-ui-util.h"

G_DEFINE_FINAL_TYPE (EscaleActionDialog, escale_action_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  PROP_ACTION_ID,
  PROP_SCOPE,
  N_PROPS
};

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
close_dialog (EscaleActionDialog *self)
{
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
setup_title (EscaleActionDialog *self)
{
  const char *title = self->action_id != 0 ? _("Edit Action") : _("New Action");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->person_name ? self->person_name : "");
}

static void
load (EscaleActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->action_id == 0)
    return;
  self->action = escale_store_load_action (self->store, self->action_id, &error);
  if (self->action == NULL)
    {
      escale_action_dialog_show_banner (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", FALSE);
      return;
    }
  id = escale_action_get_int (self->action, ESCALE_ACTION_FIELD_PERSON_ID);
  if (id != ESCALE_ACTION_UNSET)
    self->person_id = id;
  id = escale_action_get_int (self->action, ESCALE_ACTION_FIELD_HOUSEHOLD_ID);
  if (id != ESCALE_ACTION_UNSET)
    self->household_id = id;
}

/* Callbacks */

static void
delete_confirmed (GtkWindow *window)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!escale_store_delete_action (self->store, self->action_id, &error))
    {
      message = g_strdup_printf (_("The action could not be deleted: %s"), error->message);
      escale_action_dialog_show_banner (self, message);
      return;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[DELETED], 0, self->action_id);
  close_dialog (self);
  g_object_unref (self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *parameter G_GNUC_UNUSED)
{
  escale_action_dialog_save (ESCALE_ACTION_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (widget);

  escale_ask_before_deleting (GTK_WINDOW (self), &self->delete_dialog, _("Delete This Action?"),
                              _("It disappears from the timeline of everyone it concerns. "
                                "The planned action of its next step, if any, stays."),
                              delete_confirmed);
}

static void
set_duration_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *parameter)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (widget);
  g_autofree char *text = g_strdup_printf ("%d", g_variant_get_int32 (parameter));

  escale_input_set_text (self->duration_row, text);
}

/* GObject overrides */

static void
escale_action_dialog_constructed (GObject *object)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  G_OBJECT_CLASS (escale_action_dialog_parent_class)->constructed (object);

  g_assert (ESCALE_IS_STORE (self->store));
  self->updating = TRUE;
  escale_action_dialog_setup_form (self);
  load (self);
  escale_action_dialog_load_person (self);
  if (self->action != NULL)
    escale_action_dialog_fill (self, self->action);
  else
    escale_action_dialog_fill_defaults (self);
  escale_action_dialog_setup_scope (self);
  escale_action_dialog_update_type_rows (self);
  setup_title (self);
  gtk_widget_set_visible (self->delete_group, self->action != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", self->action != NULL);
  self->updating = FALSE;

  escale_action_dialog_focus (GTK_WIDGET (self->type_dropdown));
}

static void
escale_action_dialog_dispose (GObject *object)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  self->closing = TRUE;
  escale_question_dismiss (&self->delete_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_ACTION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->action);

  G_OBJECT_CLASS (escale_action_dialog_parent_class)->dispose (object);
}

static void
escale_action_dialog_finalize (GObject *object)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  g_free (self->person_name);
  g_free (self->scope);

  G_OBJECT_CLASS (escale_action_dialog_parent_class)->finalize (object);
}

static void
escale_action_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_ACTION_ID:
      g_value_set_int64 (value, self->action_id);
      break;
    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_action_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EscaleActionDialog *self = ESCALE_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;
    case PROP_ACTION_ID:
      self->action_id = g_value_get_int64 (value);
      break;
    case PROP_SCOPE:
      escale_action_dialog_set_scope (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ESCALE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_ID] =
    g_param_spec_int64 ("action-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* person, household or group */
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "dialog.set-duration", "i",
                                   set_duration_action);
  gtk_widget_class_install_property_action (widget_class, "dialog.scope", "scope");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/followup/"
                                               "escale-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, person_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, household_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, group_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, participants_editor);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, duration_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, themes_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, theme_picker);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, worker_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, programme_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, partner_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, confidential_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, confidential_switch);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleActionDialog, delete_group);
  escale_action_dialog_bind_form_callbacks (widget_class);
}

static void
escale_action_dialog_class_init (EscaleActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_action_dialog_constructed;
  object_class->dispose = escale_action_dialog_dispose;
  object_class->finalize = escale_action_dialog_finalize;
  object_class->get_property = escale_action_dialog_get_property;
  object_class->set_property = escale_action_dialog_set_property;
  install_properties (object_class);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (ESCALE_TYPE_PARTICIPANTS_EDITOR);
  g_type_ensure (ESCALE_TYPE_PARTNER_ENTRY_ROW);
  g_type_ensure (ESCALE_TYPE_THEME_PICKER);
  bind_template (widget_class);
  install_actions (widget_class);
}

static void
escale_action_dialog_init (EscaleActionDialog *self)
{
  self->scope = g_strdup (ESCALE_ACTION_SCOPE_PERSON);
  gtk_widget_init_template (GTK_WIDGET (self));
  escale_add_ctrl_enter_shortcut (GTK_WIDGET (self), "dialog.save");
  escale_action_dialog_watch_edits (self);
  escale_input_add_calendar (self->date_row);
  escale_input_add_calendar (self->due_row);
}

/* Public API */

/**
 * escale_action_dialog_new:
 * @parent: (nullable): the window the dialog stays above
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of windows
 */
EscaleActionDialog *
escale_action_dialog_new (GtkWindow   *parent,
                          EscaleStore *store,
                          gint64       person_id,
                          gint64       action_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id >= 0 && action_id >= 0, NULL);

  return g_object_new (ESCALE_TYPE_ACTION_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "person-id", person_id,
                       "action-id", action_id,
                       NULL);
}

/**
 * escale_action_dialog_save:
 *
 * Checks the form and, when it is valid, saves the action, emits "saved"
 * and closes. Otherwise shows each problem at its field and focuses the
 * first one.
 *
 * Returns: %TRUE when saved
 */
gboolean
escale_action_dialog_save (EscaleActionDialog *self)
{
  g_autoptr(EscaleAction) action = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (ESCALE_IS_ACTION_DIALOG (self), FALSE);
  g_return_val_if_fail (!self->closing, FALSE);

  action = escale_action_dialog_check (self);
  if (action == NULL)
    return FALSE;
  if (!escale_store_save_action (self->store, action, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The action could not be saved: %s"),
                                                  error->message);
      escale_action_dialog_show_banner (self, message);
      return FALSE;
    }
  id = escale_action_get_id (action);
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, id, escale_store_find_follow_up (self->store, id));
  close_dialog (self);
  g_object_unref (self);
  return TRUE;
}
