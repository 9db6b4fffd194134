/* escale-agenda-page-private.h — the Agenda page's insides, shared with its sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-agenda-page.h"

G_BEGIN_DECLS

struct _EscaleAgendaPage
{
  AdwBin          parent_instance;

  EscaleStore    *store;
  GSettings      *settings;
  char           *today;        /* of the last refresh */
  char           *day;          /* the first day shown */
  GPtrArray      *sections;     /* (element-type EscaleAgendaSection) */
  GHashTable     *labels;       /* "kind/code" → label, for one refresh */
  guint           refresh_id;
  guint           midnight_id;

  GtkToggleButton *mine_button;
  GtkToggleButton *everyone_button;
  GtkLabel        *range_label;
  GtkStack        *content_stack;
  GtkBox          *content_box;
  AdwStatusPage   *empty_page;
};

/* The setting @key, or @fallback without settings. */
int   escale_agenda_page_get_setting_int (EscaleAgendaPage *self,
                                          const char       *key,
                                          int               fallback);
/* The worker whose actions the page shows; %NULL for everyone's. */
char *escale_agenda_page_dup_worker      (EscaleAgendaPage *self);

G_END_DECLS
