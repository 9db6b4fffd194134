/* escale-association-page.h — the Preferences page of the association's report settings
 *
 * The association's name, how volunteers' hours are valued, and which
 * workers are volunteers (EscaleReportSettings). Every change is saved at
 * once; a refused one is shown in a toast and the page shows what is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_ASSOCIATION_PAGE (escale_association_page_get_type ())
G_DECLARE_FINAL_TYPE (EscaleAssociationPage, escale_association_page, ESCALE, ASSOCIATION_PAGE,
                      AdwPreferencesPage)

/* The page's widgets, for tests and keyboard focus. */
typedef enum {
  ESCALE_ASSOCIATION_NAME,           /* AdwEntryRow: the association's name */
  ESCALE_ASSOCIATION_VALUATION,      /* AdwComboRow: an EscaleValuation a position */
  ESCALE_ASSOCIATION_RATE,           /* GtkSpinButton: euros an hour, for a custom rate */
  ESCALE_ASSOCIATION_ADD_VOLUNTEER,  /* AdwEntryRow: "apply" adds the name typed */
  ESCALE_ASSOCIATION_WORKERS,        /* GtkMenuButton: the known workers not volunteers */
  ESCALE_ASSOCIATION_WORKERS_SEARCH, /* GtkSearchEntry: filters them; Enter adds */
  ESCALE_ASSOCIATION_WORKERS_LIST,   /* GtkListView: "activate" adds the worker */
} EscaleAssociationWidget;

GtkWidget *escale_association_page_new               (void);
/* Shows the settings saved in @store, where changes are then saved. */
void       escale_association_page_set_store         (EscaleAssociationPage   *self,
                                                      EscaleStore             *store);
GtkWidget *escale_association_page_get_widget        (EscaleAssociationPage   *self,
                                                      EscaleAssociationWidget  which);
/* The row of the volunteer @name (an AdwActionRow whose suffix button
 * removes them), or NULL. */
GtkWidget *escale_association_page_get_volunteer_row (EscaleAssociationPage   *self,
                                                      const char              *name);

G_END_DECLS
