/* escale-item-list.h — a group of rows the user adds and removes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_ITEM_LIST (escale_item_list_get_type ())
G_DECLARE_FINAL_TYPE (EscaleItemList, escale_item_list, ESCALE, ITEM_LIST, AdwPreferencesGroup)

/* Makes the row of a new item and puts @remove in it; @data is what
 * escale_item_list_add() was given (%NULL from the add button). */
typedef GtkWidget *(*EscaleItemBuildFunc) (EscaleItemList *list,
                                           GtkWidget      *remove,
                                           gpointer        data,
                                           gpointer        user_data);

/* @add_label: the add button's tooltip; %NULL for no add button */
EscaleItemList *escale_item_list_new        (const char          *title,
                                             const char          *add_label,
                                             EscaleItemBuildFunc  build,
                                             gpointer             user_data);
GtkWidget      *escale_item_list_add        (EscaleItemList      *self,
                                             gpointer             data);
void            escale_item_list_remove     (EscaleItemList      *self,
                                             guint                index);
void            escale_item_list_remove_all (EscaleItemList      *self);
guint           escale_item_list_get_n_items (EscaleItemList     *self);
GtkWidget      *escale_item_list_get_row    (EscaleItemList      *self,
                                             guint                index);
/* The widget an item's row keeps as @part (see escale_item_set_part). */
GtkWidget      *escale_item_list_get_part   (EscaleItemList      *self,
                                             guint                index,
                                             const char          *part);
void            escale_item_list_show_error (EscaleItemList      *self,
                                             guint                index,
                                             const char          *message);
const char     *escale_item_list_get_error  (EscaleItemList      *self,
                                             guint                index);
void            escale_item_list_clear_errors (EscaleItemList    *self);

void            escale_item_set_part        (GtkWidget           *row,
                                             const char          *part,
                                             GtkWidget           *widget);
GtkWidget      *escale_item_get_part        (GtkWidget           *row,
                                             const char          *part);

G_END_DECLS
