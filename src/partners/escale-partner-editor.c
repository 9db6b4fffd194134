/* escale-partner-editor.c — adding or editing a partner of the directory
 *
 * The editor loads the partner (none for a new one) and fills the form;
 * only a valid partner is written, whole, by escale_store_save_partner().
 * It emits "saved", or "deleted" once a deletion is confirmed, then closes.
 * escale-partner-editor-private.h names the files of its other parts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-partner-editor-private.h"
#include "escale-partner-util.h"
#include "escale-ui-util.h"

G_DEFINE_FINAL_TYPE (EscalePartnerEditor, escale_partner_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTNER_ID,
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
close_editor (EscalePartnerEditor *self)
{
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
setup_title (EscalePartnerEditor *self)
{
  const char *title = self->partner_id != 0 ? _("Edit Partner") : _("New Partner");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->partner_id != 0 && self->partner->name
                                 ? self->partner->name : "");
}

/* Returns: FALSE when the partner could not be loaded */
static gboolean
load (EscalePartnerEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->partner_id != 0)
    self->partner = escale_store_load_partner (self->store, self->partner_id, &error);
  else
    self->partner = escale_partner_new ();
  if (self->partner != NULL)
    return TRUE;
  escale_partner_editor_show_banner (self, error->message);
  self->partner = escale_partner_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  return FALSE;
}

/* Callbacks */

static void
delete_confirmed (GtkWindow *window)
{
  EscalePartnerEditor *self = ESCALE_PARTNER_EDITOR (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!escale_store_delete_partner (self->store, self->partner_id, &error))
    {
      message = g_strdup_printf (_("The partner could not be deleted: %s"), error->message);
      escale_partner_editor_show_banner (self, message);
      return;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[DELETED], 0, self->partner_id);
  close_editor (self);
  g_object_unref (self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *parameter G_GNUC_UNUSED)
{
  escale_partner_editor_save (ESCALE_PARTNER_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
locate_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  escale_partner_editor_locate (ESCALE_PARTNER_EDITOR (widget));
}

static void
place_action (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *parameter G_GNUC_UNUSED)
{
  escale_partner_editor_place_on_map (ESCALE_PARTNER_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  EscalePartnerEditor *self = ESCALE_PARTNER_EDITOR (widget);

  escale_ask_before_deleting (GTK_WINDOW (self), &self->delete_dialog, _("Delete This Partner?"),
                              _("Its services, contacts and hours are deleted with it. "
                                "Referrals to it keep its name."),
                              delete_confirmed);
}

/* GObject overrides */

static void
escale_partner_editor_constructed (GObject *object)
{
  EscalePartnerEditor *self = ESCALE_PARTNER_EDITOR (object);
  gboolean loaded;

  G_OBJECT_CLASS (escale_partner_editor_parent_class)->constructed (object);

  g_assert (ESCALE_IS_STORE (self->store));
  escale_partner_editor_setup_form (self);
  loaded = load (self);
  escale_partner_editor_fill (self);
  setup_title (self);
  gtk_widget_set_visible (self->delete_group, self->partner_id != 0 && loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 self->partner_id != 0 && loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.locate", FALSE);
  gtk_widget_grab_focus (self->name_row);
}

static void
escale_partner_editor_dispose (GObject *object)
{
  EscalePartnerEditor *self = ESCALE_PARTNER_EDITOR (object);

  self->closing = TRUE;
  escale_question_dismiss (&self->delete_dialog);
  if (self->picker != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->picker));
      g_clear_weak_pointer (&self->picker);
    }
  if (self->lookup_destroy != NULL)
    self->lookup_destroy (self->lookup_data);
  self->lookup_destroy = NULL;
  self->lookup = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PARTNER_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_partner_editor_parent_class)->dispose (object);
}

static void
escale_partner_editor_finalize (GObject *object)
{
  EscalePartnerEditor *self = ESCALE_PARTNER_EDITOR (object);

  g_clear_pointer (&self->partner, escale_partner_free);
  g_free (self->known_latitude);
  g_free (self->known_longitude);
  g_free (self->position_source);

  G_OBJECT_CLASS (escale_partner_editor_parent_class)->finalize (object);
}

static void
escale_partner_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EscalePartnerEditor *self = ESCALE_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_partner_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EscalePartnerEditor *self = ESCALE_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_PARTNER_ID:
      self->partner_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/partners/"
                                               "escale-partner-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, EscalePartnerEditor, name)
  BIND (window_title);
  BIND (error_revealer);
  BIND (error_label);
  BIND (form_box);
  BIND (contact_group);
  BIND (delete_group);
  BIND (locate_button);
  BIND (name_row);
  BIND (kind_row);
  BIND (kind_dropdown);
  BIND (code_row);
  BIND (active_switch);
  BIND (address_row);
  BIND (postal_code_row);
  BIND (city_row);
  BIND (latitude_row);
  BIND (longitude_row);
  BIND (email_row);
  BIND (website_row);
  BIND (notes_view);
  BIND (hours_editor);
#undef BIND
}

static void
escale_partner_editor_class_init (EscalePartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_partner_editor_constructed;
  object_class->dispose = escale_partner_editor_dispose;
  object_class->finalize = escale_partner_editor_finalize;
  object_class->get_property = escale_partner_editor_get_property;
  object_class->set_property = escale_partner_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ESCALE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (ESCALE_TYPE_HOURS_EDITOR);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.locate", NULL, locate_action);
  gtk_widget_class_install_action (widget_class, "editor.place", NULL, place_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

/* Ctrl+Enter saves from any field: caught before the focused widget, as the
 * notes would otherwise take it as a new line. */
static void
add_save_shortcut (EscalePartnerEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK);
      GtkShortcutAction *save = gtk_named_action_new ("editor.save");

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, save));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
escale_partner_editor_init (EscalePartnerEditor *self)
{
  self->latitude = self->longitude = NAN;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_shortcut (self);
}

/* Public API */

/**
 * escale_partner_editor_new:
 * @parent: (nullable): the window the editor stays above
 * @partner_id: the partner to edit, 0 for a new one
 *
 * Returns: (transfer none): a new editor, owned by GTK's list of windows
 */
GtkWidget *
escale_partner_editor_new (GtkWindow   *parent,
                           EscaleStore *store,
                           gint64       partner_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (partner_id >= 0, NULL);

  return g_object_new (ESCALE_TYPE_PARTNER_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "partner-id", partner_id,
                       NULL);
}

/**
 * escale_partner_editor_save:
 *
 * Checks the form and, when it is valid, saves the partner, emits "saved"
 * and closes. Otherwise shows each problem at its place and focuses the
 * first one.
 *
 * Returns: %TRUE when saved
 */
gboolean
escale_partner_editor_save (EscalePartnerEditor *self)
{
  g_autoptr(EscalePartner) partner = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ESCALE_IS_PARTNER_EDITOR (self), FALSE);
  g_return_val_if_fail (!self->closing, FALSE);

  partner = escale_partner_editor_check (self);
  if (partner == NULL)
    return FALSE;
  if (!escale_store_save_partner (self->store, partner, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The partner could not be saved: %s"),
                                                  error->message);
      escale_partner_editor_show_banner (self, message);
      return FALSE;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, partner->id);
  close_editor (self);
  g_object_unref (self);
  return TRUE;
}

/**
 * escale_partner_editor_set_position_lookup:
 * @func: (nullable): finds a position for a postal code; %NULL for none
 *
 * With a lookup function, the address offers to fill the position from the
 * postal code; the position's source is then "postal_code".
 */
void
escale_partner_editor_set_position_lookup (EscalePartnerEditor      *self,
                                           EscalePositionLookupFunc  func,
                                           gpointer                  user_data,
                                           GDestroyNotify            destroy)
{
  g_return_if_fail (ESCALE_IS_PARTNER_EDITOR (self));

  if (self->lookup_destroy != NULL)
    self->lookup_destroy (self->lookup_data);
  self->lookup = func;
  self->lookup_data = user_data;
  self->lookup_destroy = destroy;
  gtk_widget_set_visible (self->locate_button, func != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.locate", func != NULL);
}

/**
 * escale_partner_editor_get_widget:
 *
 * Returns: (transfer none): the widget that edits @which
 */
GtkWidget *
escale_partner_editor_get_widget (EscalePartnerEditor       *self,
                                  EscalePartnerEditorWidget  which)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_EDITOR (self), NULL);

  switch (which)
    {
    case ESCALE_PARTNER_EDITOR_NAME: return self->name_row;
    case ESCALE_PARTNER_EDITOR_KIND: return self->kind_dropdown;
    case ESCALE_PARTNER_EDITOR_CODE: return self->code_row;
    case ESCALE_PARTNER_EDITOR_ACTIVE: return self->active_switch;
    case ESCALE_PARTNER_EDITOR_ADDRESS: return self->address_row;
    case ESCALE_PARTNER_EDITOR_POSTAL_CODE: return self->postal_code_row;
    case ESCALE_PARTNER_EDITOR_CITY: return self->city_row;
    case ESCALE_PARTNER_EDITOR_LATITUDE: return self->latitude_row;
    case ESCALE_PARTNER_EDITOR_LONGITUDE: return self->longitude_row;
    case ESCALE_PARTNER_EDITOR_EMAIL: return self->email_row;
    case ESCALE_PARTNER_EDITOR_WEBSITE: return self->website_row;
    case ESCALE_PARTNER_EDITOR_NOTES: return self->notes_view;
    default: g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer none): one of the lists */
EscaleItemList *
escale_partner_editor_get_list (EscalePartnerEditor *self,
                                EscalePartnerList    list)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_EDITOR (self), NULL);
  g_return_val_if_fail (list < ESCALE_N_PARTNER_LISTS, NULL);

  return self->lists[list];
}

/* Returns: (transfer none): the opening hours */
EscaleHoursEditor *
escale_partner_editor_get_hours (EscalePartnerEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_EDITOR (self), NULL);

  return self->hours_editor;
}

/* Returns: (nullable): the message shown about @field and @index */
const char *
escale_partner_editor_get_error (EscalePartnerEditor *self,
                                 EscalePartnerField   field,
                                 guint                index)
{
  GtkWidget *owner;

  g_return_val_if_fail (ESCALE_IS_PARTNER_EDITOR (self), NULL);

  owner = escale_partner_editor_owner_of (self, field, index);
  return owner ? escale_partner_get_error (owner) : NULL;
}

/* Returns: (nullable): the message above the form, %NULL when hidden */
const char *
escale_partner_editor_get_banner (EscalePartnerEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
