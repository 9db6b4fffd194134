/* escale-agenda-page.h — the Agenda page: what is due today and the next days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_AGENDA_PAGE (escale_agenda_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleAgendaPage, escale_agenda_page, ESCALE, AGENDA_PAGE, AdwBin)

void        escale_agenda_page_set_store   (EscaleAgendaPage *self,
                                            EscaleStore      *store);
/* Reads the agenda again; done by itself when shown, at midnight and when
 * a setting changes. */
void        escale_agenda_page_refresh     (EscaleAgendaPage *self);
/* The first day shown, YYYY-MM-DD (today unless navigated). */
const char *escale_agenda_page_get_day     (EscaleAgendaPage *self);
void        escale_agenda_page_set_day     (EscaleAgendaPage *self,
                                            const char       *day);
/* Whether the agenda shows every worker's actions, or mine only. */
gboolean    escale_agenda_page_get_everyone (EscaleAgendaPage *self);
void        escale_agenda_page_set_everyone (EscaleAgendaPage *self,
                                             gboolean          everyone);
/* Prints the agenda of the first day shown. */
void        escale_agenda_page_print       (EscaleAgendaPage *self);

G_END_DECLS
