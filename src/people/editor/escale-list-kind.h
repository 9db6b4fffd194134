/* escale-list-kind.h — the kinds of list a person's file has, and their items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person-store.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_LIST_NAMES,
  ESCALE_LIST_NATIONALITIES,
  ESCALE_LIST_LANGUAGES,
  ESCALE_LIST_STATUS,
} EscaleListKind;

#define ESCALE_TYPE_LIST_KIND (escale_list_kind_get_type ())
GType escale_list_kind_get_type (void);

typedef enum {
  ESCALE_ITEM_MAIN,        /* the name, country, language or status */
  ESCALE_ITEM_LEVEL,
  ESCALE_ITEM_INTERPRETER,
  ESCALE_ITEM_FROM,
  ESCALE_ITEM_TO,
  ESCALE_ITEM_DOCUMENT,
  ESCALE_ITEM_EXPIRY,
  ESCALE_N_ITEM_PARTS
} EscaleItemPart;

/* One entry of a list (another name, a nationality, a language, a status
 * period). It belongs to its row: freed when the row goes. */
typedef struct
{
  GtkWidget *section;     /* the list section it is in */
  GtkWidget *row;
  GtkWidget *message;
  GtkWidget *parts[ESCALE_N_ITEM_PARTS];
  gint64     id;          /* a status period's id, 0 when new */
} EscaleListItem;

EscaleField escale_list_kind_get_field (EscaleListKind  kind);
/* Puts the item's widgets in a new row, with @remove among them. */
void        escale_list_kind_build     (EscaleListKind  kind,
                                        EscaleListItem *item,
                                        EscaleStore    *store,
                                        GtkWidget      *remove);
guint       escale_list_kind_count     (EscaleListKind  kind,
                                        EscalePerson   *person);
void        escale_list_kind_fill      (EscaleListKind  kind,
                                        EscaleListItem *item,
                                        EscalePerson   *person,
                                        guint           index);
void        escale_list_kind_clear     (EscaleListKind  kind,
                                        EscalePerson   *person);
gboolean    escale_list_kind_read      (EscaleListKind  kind,
                                        EscaleListItem *item,
                                        guint           index,
                                        EscalePerson   *person,
                                        GPtrArray      *errors);
void        escale_list_kind_update    (EscaleListKind  kind,
                                        EscaleListItem *item);

G_END_DECLS
