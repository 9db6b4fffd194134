/* escale-test-gtk.h — helpers shared by the tests of widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"
#include "escale-timeline-view.h"

G_BEGIN_DECLS

void escale_test_init_gtk (int    *argc,
                           char ***argv);
/* escale_test_init_gtk(), with Escale's catalogues as the build compiles
 * them (unless ESCALE_LOCALEDIR says otherwise), for tests that switch
 * the interface's language. */
void escale_test_init_gtk_translated (int    *argc,
                                      char ***argv);
void escale_test_spin     (void);
void escale_test_wait_for_size (GtkWidget *widget);
/* The timeline of @person_id in a new window @height pixels high, under a
 * toast overlay as in the app, shown and settled. */
EscaleTimelineView *escale_test_show_timeline (EscaleStore  *store,
                                               gint64        person_id,
                                               int           height,
                                               GtkWindow   **window);
/* Saves a PNG of @widget as it is drawn, as @name in the build folder
 * (ESCALE_BUILD_DIR), once it has been drawn. */
void escale_test_save_screenshot (GtkWidget  *widget,
                                  const char *name);

/* The shortcut bound to @accelerator among @widget's own controllers;
 * @phase, if given, receives its controller's propagation phase. */
GtkShortcut      *escale_test_find_shortcut       (GtkWidget           *widget,
                                                   const char          *accelerator,
                                                   GtkPropagationPhase *phase);
/* The message dialog shown, if any. */
AdwMessageDialog *escale_test_find_message_dialog (void);
/* The first visible toplevel window of @type, if any. */
GtkWidget        *escale_test_find_toplevel       (GType                type);

/* The finders take any widget as @root (a gpointer, to spare the casts).
 * Depth first, the first descendant of @root (or @root) of @type for which
 * @test (nullable) says yes. */
typedef gboolean (*EscaleWidgetTest) (GtkWidget     *widget,
                                      gconstpointer  data);
GtkWidget        *escale_test_find_widget         (gpointer             root,
                                                   GType                type,
                                                   EscaleWidgetTest     test,
                                                   gconstpointer        data);
/* Every descendant of @root (or @root) of @type, in depth-first order. */
GPtrArray        *escale_test_find_all            (gpointer             root,
                                                   GType                type);
/* @text without the bidi isolates and marks the interface puts around values. */
char             *escale_test_strip_isolates      (const char          *text);
/* The first drawn label showing @text exactly, isolates aside. */
GtkWidget        *escale_test_find_label          (gpointer             root,
                                                   const char          *text);
/* The first action row whose title contains @text, isolates aside. */
AdwActionRow     *escale_test_find_row            (gpointer             root,
                                                   const char          *text);

G_END_DECLS
