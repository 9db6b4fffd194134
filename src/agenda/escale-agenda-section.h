/* escale-agenda-section.h — one list of the agenda page, shown a few rows at a time
 *
 * A section is a preferences group showing the first rows of its query,
 * 50 more each time the user asks ("Show More"), and the count of them all
 * in its title, so that a list of thousands costs one count and 50 rows
 * until asked. The page keeps its sections in the order they are added,
 * and frees them with escale_agenda_section_free().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-agenda-page.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_AGENDA_SECTION_OVERDUE,
  ESCALE_AGENDA_SECTION_DAY,
  ESCALE_AGENDA_SECTION_REFERRALS,   /* referrals waiting too long for an answer */
  ESCALE_AGENDA_SECTION_EXPIRING,
  ESCALE_AGENDA_SECTION_LOST,
} EscaleAgendaSectionKind;

typedef struct _EscaleAgendaSection EscaleAgendaSection;

/* Adds to @page's content the section of @kind (of @day, for
 * ESCALE_AGENDA_SECTION_DAY), its first rows read, when its query has rows
 * or it is today's; FALSE with @error when the query fails. */
gboolean escale_agenda_section_add            (EscaleAgendaPage         *page,
                                               EscaleAgendaSectionKind   kind,
                                               const char               *day,
                                               GError                  **error);
void     escale_agenda_section_free           (EscaleAgendaSection      *section);
/* How many rows the section's query has in all. */
guint    escale_agenda_section_get_n_total    (EscaleAgendaSection      *section);
/* Removes the row of the action @action_id from @page's sections, and the
 * section that showed it if it is left empty and is not today's; FALSE
 * when no section shows it. */
gboolean escale_agenda_sections_remove_action (EscaleAgendaPage         *page,
                                               gint64                    action_id);

G_END_DECLS
