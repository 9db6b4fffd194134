/* escale-form-dialog.c — a small modal form: rows, messages at the fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-form-dialog.h"
#include "escale-programme-store.h"

typedef struct
{
  GtkWidget *input;      /* an AdwEntryRow or AdwComboRow, or a GtkDropDown in an AdwActionRow */
  GtkWidget *error_row;  /* a row under it, shown when there is an error */
  GtkLabel  *error_label;
} FormField;

struct _EscaleFormDialog
{
  AdwWindow             parent_instance;

  GtkBox               *content;  /* the groups of rows */
  GtkListBox           *list;     /* the group rows are added to */
  GtkButton            *accept_button;
  GHashTable           *fields;  /* field number → FormField */
  guint                 first_field;
  EscaleFormAcceptFunc  accept_func;
  gpointer              accept_data;
  GDestroyNotify        accept_destroy;
};

G_DEFINE_FINAL_TYPE (EscaleFormDialog, escale_form_dialog, ADW_TYPE_WINDOW)

static FormField *
lookup_field (EscaleFormDialog *self,
              guint             field)
{
  FormField *found = g_hash_table_lookup (self->fields, GUINT_TO_POINTER (field));

  g_return_val_if_fail (found != NULL, NULL);
  return found;
}

static GtkListBox *
append_list (EscaleFormDialog *self)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_box_append (self->content, list);
  return GTK_LIST_BOX (list);
}

static void
add_row (EscaleFormDialog *self,
         guint             field,
         GtkWidget        *row,
         GtkWidget        *input)
{
  FormField *entry = g_new0 (FormField, 1);
  GtkWidget *label = gtk_label_new (NULL);

  entry->input = input;
  entry->error_label = GTK_LABEL (label);
  gtk_label_set_wrap (entry->error_label, TRUE);
  gtk_label_set_xalign (entry->error_label, 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  entry->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->error_row), FALSE);
  gtk_widget_set_visible (entry->error_row, FALSE);
  gtk_list_box_append (self->list, row);
  gtk_list_box_append (self->list, entry->error_row);
  if (g_hash_table_size (self->fields) == 0)
    self->first_field = field;
  g_hash_table_insert (self->fields, GUINT_TO_POINTER (field), entry);
}

static void
on_cancel_clicked (EscaleFormDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_accept_shortcut (GtkWidget              *widget,
                    G_GNUC_UNUSED GVariant *args,
                    G_GNUC_UNUSED gpointer  data)
{
  escale_form_dialog_accept (ESCALE_FORM_DIALOG (widget));
  return TRUE;
}

static gboolean
on_cancel_shortcut (GtkWidget              *widget,
                    G_GNUC_UNUSED GVariant *args,
                    G_GNUC_UNUSED gpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (widget));
  return TRUE;
}

static void
escale_form_dialog_dispose (GObject *object)
{
  EscaleFormDialog *self = ESCALE_FORM_DIALOG (object);

  if (self->accept_destroy != NULL)
    self->accept_destroy (self->accept_data);
  self->accept_destroy = NULL;
  self->accept_data = NULL;
  self->accept_func = NULL;
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (escale_form_dialog_parent_class)->dispose (object);
}

static void
escale_form_dialog_class_init (EscaleFormDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_form_dialog_dispose;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                on_accept_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                on_accept_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_cancel_shortcut, NULL);
}

static void
escale_form_dialog_init (EscaleFormDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *clamp = adw_clamp_new ();

  self->fields = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->accept_button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->accept_button, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->accept_button), "suggested-action");
  g_signal_connect_swapped (self->accept_button, "clicked",
                            G_CALLBACK (escale_form_dialog_accept), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->accept_button));

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_valign (GTK_WIDGET (self->content), GTK_ALIGN_START);
  self->list = append_list (self);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 480);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_vexpand (clamp, TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);
}

/**
 * escale_form_dialog_new:
 * @accept_label: the accept button's label, with a mnemonic
 *
 * The dialog destroys itself when cancelled or once accepted.
 */
EscaleFormDialog *
escale_form_dialog_new (GtkWindow  *parent,
                        const char *title,
                        const char *accept_label)
{
  EscaleFormDialog *self = g_object_new (ESCALE_TYPE_FORM_DIALOG,
                                         "transient-for", parent,
                                         "title", title,
                                         NULL);

  gtk_button_set_label (self->accept_button, accept_label);
  return self;
}

void
escale_form_dialog_set_accept_func (EscaleFormDialog     *self,
                                    EscaleFormAcceptFunc  func,
                                    gpointer              user_data,
                                    GDestroyNotify        destroy)
{
  g_return_if_fail (ESCALE_IS_FORM_DIALOG (self));

  if (self->accept_destroy != NULL)
    self->accept_destroy (self->accept_data);
  self->accept_func = func;
  self->accept_data = user_data;
  self->accept_destroy = destroy;
}

GtkWidget *
escale_form_dialog_add_entry (EscaleFormDialog *self,
                              guint             field,
                              const char       *title,
                              const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();

  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (escale_form_dialog_accept), self);
  add_row (self, field, row, row);
  return row;
}

GtkWidget *
escale_form_dialog_add_password (EscaleFormDialog *self,
                                 guint             field,
                                 const char       *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (escale_form_dialog_accept), self);
  add_row (self, field, row, row);
  return row;
}

/**
 * escale_form_dialog_add_switch:
 * @subtitle: (nullable): a line under @title
 *
 * Returns: (transfer none): the switch
 */
GtkSwitch *
escale_form_dialog_add_switch (EscaleFormDialog *self,
                               guint             field,
                               const char       *title,
                               const char       *subtitle,
                               gboolean          active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  add_row (self, field, row, toggle);
  return GTK_SWITCH (toggle);
}

GtkDropDown *
escale_form_dialog_add_dropdown (EscaleFormDialog *self,
                                 guint             field,
                                 const char       *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
  add_row (self, field, row, dropdown);
  return GTK_DROP_DOWN (dropdown);
}

/**
 * escale_form_dialog_add_combo:
 * @labels: the choices, %NULL-terminated
 *
 * Returns: (transfer none): the row; its selected position is the choice's
 *   index in @labels
 */
AdwComboRow *
escale_form_dialog_add_combo (EscaleFormDialog  *self,
                              guint              field,
                              const char        *title,
                              const char *const *labels)
{
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *row;

  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), NULL);

  row = adw_combo_row_new ();
  model = gtk_string_list_new (labels);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  add_row (self, field, row, row);
  return ADW_COMBO_ROW (row);
}

/**
 * escale_form_dialog_add_group:
 * @description: (nullable): a line under @title
 *
 * The rows added next go into a group of their own, under @title.
 */
void
escale_form_dialog_add_group (EscaleFormDialog *self,
                              const char       *title,
                              const char       *description)
{
  GtkWidget *list, *header, *heading;

  g_return_if_fail (ESCALE_IS_FORM_DIALOG (self));

  list = GTK_WIDGET (self->list);
  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  if (description != NULL)
    {
      GtkWidget *label = gtk_label_new (description);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (header), label);
    }
  /* A group not started yet takes the header; otherwise a new one begins. */
  if (gtk_widget_get_first_child (list) == NULL)
    gtk_box_insert_child_after (self->content, header, gtk_widget_get_prev_sibling (list));
  else
    {
      gtk_widget_set_margin_top (header, 12);
      gtk_box_append (self->content, header);
      self->list = append_list (self);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
}

GtkWidget *
escale_form_dialog_get_field (EscaleFormDialog *self,
                              guint             field)
{
  FormField *entry;

  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), NULL);
  entry = lookup_field (self, field);
  return entry ? entry->input : NULL;
}

/* The text of the entry @field, trimmed of nothing: as typed. */
const char *
escale_form_dialog_get_text (EscaleFormDialog *self,
                             guint             field)
{
  GtkWidget *input = escale_form_dialog_get_field (self, field);

  g_return_val_if_fail (GTK_IS_EDITABLE (input), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (input));
}

/**
 * escale_form_dialog_set_error:
 * @message: (nullable): the message, %NULL to clear it
 *
 * Shows @message under the row of @field; the first error takes the focus.
 */
void
escale_form_dialog_set_error (EscaleFormDialog *self,
                              guint             field,
                              const char       *message)
{
  FormField *entry;
  GtkWidget *row;

  g_return_if_fail (ESCALE_IS_FORM_DIALOG (self));
  if ((entry = lookup_field (self, field)) == NULL)
    return;
  row = ADW_IS_ENTRY_ROW (entry->input) ? entry->input
                                        : gtk_widget_get_ancestor (entry->input,
                                                                   ADW_TYPE_ACTION_ROW);
  gtk_label_set_text (entry->error_label, message ? message : "");
  gtk_widget_set_visible (entry->error_row, message != NULL);
  if (message == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      return;
    }
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->input),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_widget_grab_focus (entry->input);
}

/* Returns: (nullable): the message shown at @field */
const char *
escale_form_dialog_get_error (EscaleFormDialog *self,
                              guint             field)
{
  FormField *entry;

  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), NULL);
  entry = lookup_field (self, field);
  if (entry == NULL || !gtk_widget_get_visible (entry->error_row))
    return NULL;
  return gtk_label_get_text (entry->error_label);
}

void
escale_form_dialog_clear_errors (EscaleFormDialog *self)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (ESCALE_IS_FORM_DIALOG (self));

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    escale_form_dialog_set_error (self, GPOINTER_TO_UINT (key), NULL);
}

gboolean
escale_form_dialog_get_date (EscaleFormDialog  *self,
                             guint              field,
                             char             **iso)
{
  g_autofree char *text = g_strstrip (g_strdup (escale_form_dialog_get_text (self, field)));
  g_autoptr(GError) error = NULL;

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  *iso = escale_date_parse (text, NULL, &error);
  if (*iso == NULL)
    escale_form_dialog_set_error (self, field, error->message);
  return *iso != NULL;
}

gboolean
escale_form_dialog_show_errors (EscaleFormDialog *self,
                                GPtrArray        *errors)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), FALSE);

  /* Backwards, so that the first problem ends with the focus. */
  for (guint i = errors->len; i > 0; i--)
    {
      EscaleProgrammeError *error = g_ptr_array_index (errors, i - 1);
      /* A problem with no field here (the person's file is gone): at the top. */
      guint field = g_hash_table_contains (self->fields, GUINT_TO_POINTER (error->field))
                    ? error->field : self->first_field;

      escale_form_dialog_set_error (self, field, error->message);
    }
  return errors->len > 0;
}

gboolean
escale_form_dialog_accept (EscaleFormDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (self), FALSE);

  escale_form_dialog_clear_errors (self);
  if (self->accept_func != NULL && !self->accept_func (self, self->accept_data))
    return FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
