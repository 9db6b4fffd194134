/* escale-people-page.h — the People page: search, list and file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person-list.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PEOPLE_PAGE (escale_people_page_get_type ())
G_DECLARE_FINAL_TYPE (EscalePeoplePage, escale_people_page, ESCALE, PEOPLE_PAGE, AdwBin)

void              escale_people_page_set_store     (EscalePeoplePage *self,
                                                    EscaleStore      *store);
void              escale_people_page_new_person    (EscalePeoplePage *self);
void              escale_people_page_edit_person   (EscalePeoplePage *self);
void              escale_people_page_focus_search  (EscalePeoplePage *self);
void              escale_people_page_set_query     (EscalePeoplePage *self,
                                                    const char       *query);
void              escale_people_page_open_person   (EscalePeoplePage *self,
                                                    gint64            id);
gint64            escale_people_page_get_person_id (EscalePeoplePage *self);
EscalePersonList *escale_people_page_get_list      (EscalePeoplePage *self);
gboolean          escale_people_page_close_file    (EscalePeoplePage *self,
                                                    const char       *date_text,
                                                    const char       *reason,
                                                    GError          **error);
GtkWidget        *escale_people_page_get_editor    (EscalePeoplePage *self);
const char       *escale_people_page_get_query     (EscalePeoplePage *self);
void              escale_people_page_reload        (EscalePeoplePage *self);
void              escale_people_page_take_editor   (EscalePeoplePage *self,
                                                    EscalePeoplePage *from);

G_END_DECLS
