/* escale-partner-editor.h — adding or editing a partner of the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-hours-editor.h"
#include "escale-item-list.h"
#include "escale-partner-lists.h"
#include "escale-partner-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PARTNER_EDITOR (escale_partner_editor_get_type ())
G_DECLARE_FINAL_TYPE (EscalePartnerEditor, escale_partner_editor, ESCALE, PARTNER_EDITOR,
                      AdwWindow)

/* Finds an approximate position for a postal code (and city): the map
 * helper's part. Returns FALSE when it knows none. */
typedef gboolean (*EscalePositionLookupFunc) (const char *postal_code,
                                              const char *city,
                                              double     *latitude,
                                              double     *longitude,
                                              gpointer    user_data);

/* The editor's single widgets, for tests. */
typedef enum {
  ESCALE_PARTNER_EDITOR_NAME,          /* AdwEntryRow */
  ESCALE_PARTNER_EDITOR_KIND,          /* code GtkDropDown */
  ESCALE_PARTNER_EDITOR_CODE,          /* AdwEntryRow */
  ESCALE_PARTNER_EDITOR_ACTIVE,        /* GtkSwitch */
  ESCALE_PARTNER_EDITOR_ADDRESS,       /* AdwEntryRow, and those below */
  ESCALE_PARTNER_EDITOR_POSTAL_CODE,
  ESCALE_PARTNER_EDITOR_CITY,
  ESCALE_PARTNER_EDITOR_LATITUDE,
  ESCALE_PARTNER_EDITOR_LONGITUDE,
  ESCALE_PARTNER_EDITOR_EMAIL,
  ESCALE_PARTNER_EDITOR_WEBSITE,
  ESCALE_PARTNER_EDITOR_NOTES,         /* GtkTextView */
} EscalePartnerEditorWidget;

/* A new partner when @partner_id is 0, else the partner @partner_id. The
 * editor is modal to @parent and destroys itself once saved, deleted or
 * cancelled. After a save it emits "saved" (gint64 partner_id); after a
 * confirmed deletion (editing only) "deleted" (gint64 partner_id). */
GtkWidget         *escale_partner_editor_new         (GtkWindow                 *parent,
                                                      EscaleStore               *store,
                                                      gint64                     partner_id);
/* Saves what the form holds, as Ctrl+Enter does. On bad input shows the
 * messages at the fields and rows at fault and returns FALSE, with nothing
 * written. */
gboolean           escale_partner_editor_save        (EscalePartnerEditor       *self);
/* Offers to fill the position from the postal code with @func. */
void               escale_partner_editor_set_position_lookup (EscalePartnerEditor     *self,
                                                              EscalePositionLookupFunc func,
                                                              gpointer                 user_data,
                                                              GDestroyNotify           destroy);

/* For tests. */
GtkWidget         *escale_partner_editor_get_widget  (EscalePartnerEditor       *self,
                                                      EscalePartnerEditorWidget  which);
EscaleItemList    *escale_partner_editor_get_list    (EscalePartnerEditor       *self,
                                                      EscalePartnerList          list);
EscaleHoursEditor *escale_partner_editor_get_hours   (EscalePartnerEditor       *self);
/* The message shown about @field (@index: which item of a list; for the
 * hours, which slot of the last save), or %NULL. */
const char        *escale_partner_editor_get_error   (EscalePartnerEditor       *self,
                                                      EscalePartnerField         field,
                                                      guint                      index);
const char        *escale_partner_editor_get_banner  (EscalePartnerEditor       *self);

G_END_DECLS
