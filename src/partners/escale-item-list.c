/* escale-item-list.c — a group of rows the user adds and removes
 *
 * Each item is one row, made by the build function, with its message row
 * under it. Items keep their order: the index of an item is the index of
 * what it edits in the partner's list, which is how messages find it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-item-list.h"
#include "escale-partner-util.h"

#define PART_PREFIX "escale-part-"

struct _EscaleItemList
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;
  EscaleItemBuildFunc  build;
  gpointer             user_data;
};

G_DEFINE_FINAL_TYPE (EscaleItemList, escale_item_list, ADW_TYPE_PREFERENCES_GROUP)

/* Callbacks */

static void
on_remove_clicked_cb (GtkWidget      *button,
                      EscaleItemList *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "escale-row");
  guint index;

  if (g_ptr_array_find (self->rows, row, &index))
    escale_item_list_remove (self, index);
}

static void
on_add_clicked_cb (EscaleItemList *self)
{
  GtkWidget *row = escale_item_list_add (self, NULL);
  GtkWidget *target = ADW_IS_EXPANDER_ROW (row) ? row : gtk_widget_get_first_child (row);

  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  if (target != NULL && !gtk_widget_grab_focus (target))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

/* GObject overrides */

static void
escale_item_list_dispose (GObject *object)
{
  EscaleItemList *self = ESCALE_ITEM_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (escale_item_list_parent_class)->dispose (object);
}

static void
escale_item_list_class_init (EscaleItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_item_list_dispose;
}

static void
escale_item_list_init (EscaleItemList *self)
{
  self->rows = g_ptr_array_new ();
}

/* Public API */

/**
 * escale_item_list_new:
 *
 * Returns: (transfer floating): a new, empty list
 */
EscaleItemList *
escale_item_list_new (const char          *title,
                      const char          *add_label,
                      EscaleItemBuildFunc  build,
                      gpointer             user_data)
{
  EscaleItemList *self = g_object_new (ESCALE_TYPE_ITEM_LIST, "title", title, NULL);

  self->build = build;
  self->user_data = user_data;
  if (add_label != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

      gtk_widget_set_tooltip_text (button, add_label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);
    }
  return self;
}

/**
 * escale_item_list_add:
 * @data: (nullable): what the build function fills the item with
 *
 * Returns: (transfer none): the new item's row, the last
 */
GtkWidget *
escale_item_list_add (EscaleItemList *self,
                      gpointer        data)
{
  GtkWidget *remove, *row;

  g_return_val_if_fail (ESCALE_IS_ITEM_LIST (self), NULL);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  row = self->build (self, remove, data, self->user_data);
  g_object_set_data (G_OBJECT (remove), "escale-row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return row;
}

void
escale_item_list_remove (EscaleItemList *self,
                         guint           index)
{
  GtkWidget *row;

  g_return_if_fail (ESCALE_IS_ITEM_LIST (self));
  g_return_if_fail (index < self->rows->len);

  row = g_ptr_array_steal_index (self->rows, index);
  escale_partner_remove_message (row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
}

void
escale_item_list_remove_all (EscaleItemList *self)
{
  g_return_if_fail (ESCALE_IS_ITEM_LIST (self));

  while (self->rows->len > 0)
    escale_item_list_remove (self, self->rows->len - 1);
}

guint
escale_item_list_get_n_items (EscaleItemList *self)
{
  g_return_val_if_fail (ESCALE_IS_ITEM_LIST (self), 0);

  return self->rows->len;
}

/* Returns: (transfer none) (nullable): the row of item @index */
GtkWidget *
escale_item_list_get_row (EscaleItemList *self,
                          guint           index)
{
  g_return_val_if_fail (ESCALE_IS_ITEM_LIST (self), NULL);

  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

/* Returns: (transfer none) (nullable): a part of item @index */
GtkWidget *
escale_item_list_get_part (EscaleItemList *self,
                           guint           index,
                           const char     *part)
{
  GtkWidget *row = escale_item_list_get_row (self, index);

  return row ? escale_item_get_part (row, part) : NULL;
}

/**
 * escale_item_list_show_error:
 * @message: (nullable): shown under item @index; %NULL takes it away
 */
void
escale_item_list_show_error (EscaleItemList *self,
                             guint           index,
                             const char     *message)
{
  GtkWidget *row = escale_item_list_get_row (self, index);

  g_return_if_fail (row != NULL);
  escale_partner_show_error (row, message);
}

/* Returns: (nullable): the message under item @index */
const char *
escale_item_list_get_error (EscaleItemList *self,
                            guint           index)
{
  GtkWidget *row = escale_item_list_get_row (self, index);

  return row ? escale_partner_get_error (row) : NULL;
}

void
escale_item_list_clear_errors (EscaleItemList *self)
{
  g_return_if_fail (ESCALE_IS_ITEM_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    escale_partner_show_error (g_ptr_array_index (self->rows, i), NULL);
}

void
escale_item_set_part (GtkWidget  *row,
                      const char *part,
                      GtkWidget  *widget)
{
  g_autofree char *key = g_strconcat (PART_PREFIX, part, NULL);

  g_object_set_data (G_OBJECT (row), key, widget);
}

/* Returns: (transfer none) (nullable): the widget @row keeps as @part */
GtkWidget *
escale_item_get_part (GtkWidget  *row,
                      const char *part)
{
  g_autofree char *key = g_strconcat (PART_PREFIX, part, NULL);

  return g_object_get_data (G_OBJECT (row), key);
}
