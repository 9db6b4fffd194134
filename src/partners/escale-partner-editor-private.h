/* escale-partner-editor-private.h — what the partner editor's files share
 *
 * One class over several files:
 *   escale-partner-editor.c           the type, loading, saving and deleting
 *   escale-partner-editor-form.c      filling the form from a partner, reading it back,
 *                                     placing it on the map (escale-position-picker.c)
 *   escale-partner-editor-messages.c  the messages at the fields and rows at fault
 * Its parts are widgets of their own: escale-hours-editor.c (opening hours),
 * escale-service-row.c (a service), escale-partner-lists.c (the lists).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-partner-editor.h"

G_BEGIN_DECLS

struct _EscalePartnerEditor
{
  AdwWindow                 parent_instance;

  EscaleStore              *store;
  gint64                    partner_id;
  EscalePartner            *partner;         /* as loaded, or a new one */
  gboolean                  closing;
  GtkWidget                *delete_dialog;
  GtkWidget                *picker;          /* the position picker, while open */

  /* The position as last filled (loaded or looked up): kept as it is, with
   * its source, while the texts are not edited. */
  char                     *known_latitude;
  char                     *known_longitude;
  double                    latitude;
  double                    longitude;
  char                     *position_source;

  EscalePositionLookupFunc  lookup;
  gpointer                  lookup_data;
  GDestroyNotify            lookup_destroy;

  AdwWindowTitle           *window_title;
  GtkRevealer              *error_revealer;
  GtkLabel                 *error_label;
  GtkBox                   *form_box;
  GtkWidget                *contact_group;
  GtkWidget                *delete_group;
  GtkWidget                *locate_button;
  GtkWidget                *name_row;
  GtkWidget                *kind_row;
  GtkWidget                *kind_dropdown;
  GtkWidget                *code_row;
  GtkWidget                *active_switch;
  GtkWidget                *address_row;
  GtkWidget                *postal_code_row;
  GtkWidget                *city_row;
  GtkWidget                *latitude_row;
  GtkWidget                *longitude_row;
  GtkWidget                *email_row;
  GtkWidget                *website_row;
  GtkWidget                *notes_view;
  EscaleHoursEditor        *hours_editor;
  EscaleItemList           *lists[ESCALE_N_PARTNER_LISTS];
};

/* escale-partner-editor-form.c */
void           escale_partner_editor_setup_form (EscalePartnerEditor *self);
void           escale_partner_editor_fill       (EscalePartnerEditor *self);
void           escale_partner_editor_locate     (EscalePartnerEditor *self);
/* Opens the position picker (or presents the one open). */
void           escale_partner_editor_place_on_map (EscalePartnerEditor *self);
/* The partner the form holds; @errors receives what could not be read. */
EscalePartner *escale_partner_editor_collect    (EscalePartnerEditor *self,
                                                 GPtrArray           *errors);

/* escale-partner-editor-messages.c */
void           escale_partner_editor_show_banner (EscalePartnerEditor *self,
                                                  const char          *message);
/* The partner the form holds when it is valid; otherwise %NULL, with the
 * messages shown and the first place at fault focused. */
EscalePartner *escale_partner_editor_check      (EscalePartnerEditor *self);
/* The row under which the messages about @field and @index go, or %NULL. */
GtkWidget     *escale_partner_editor_owner_of   (EscalePartnerEditor *self,
                                                 EscalePartnerField   field,
                                                 guint                index);

G_END_DECLS
