/* escale-preferences-window.h — settings, vocabularies and programmes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-form-dialog.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PREFERENCES_WINDOW (escale_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EscalePreferencesWindow, escale_preferences_window, ESCALE,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @parent: (nullable): the window it is transient for */
EscalePreferencesWindow *escale_preferences_window_new (GtkWindow               *parent,
                                                        EscaleStore             *store);
/* Preferences like @self (store, page), in the interface language now in
 * force, transient for @parent (nullable); not presented. */
EscalePreferencesWindow *escale_preferences_window_rebuild (EscalePreferencesWindow *self,
                                                            GtkWindow               *parent);
/* The widget bound to the GSettings key @key ("worker-name", "agenda-days",
 * "expiry-warning-days", "lost-contact-months", "notify-appointments",
 * "online-map-tiles"); for "map-tiles-path", its EscaleMapTilesRow; for
 * "interface-language", the AdwComboRow of languages ("System language"
 * first, then those of escale_catalog_list_languages()), which switches
 * at once. */
GtkWidget *escale_preferences_window_get_setting_widget (EscalePreferencesWindow *self,
                                                         const char              *key);
/* The row of the entry @code of the vocabulary @kind (an AdwEntryRow whose
 * "apply" renames it; its suffix GtkSwitch offers or hides it), and the row
 * that adds an entry to @kind. NULL when not shown. */
GtkWidget *escale_preferences_window_get_vocab_row     (EscalePreferencesWindow *self,
                                                        const char              *kind,
                                                        const char              *code);
GtkWidget *escale_preferences_window_get_vocab_switch  (EscalePreferencesWindow *self,
                                                        const char              *kind,
                                                        const char              *code);
GtkWidget *escale_preferences_window_get_vocab_add_row (EscalePreferencesWindow *self,
                                                        const char              *kind);
/* The EscaleVocabLanguagesRow under the added entry @code; NULL for a
 * built-in entry. */
GtkWidget *escale_preferences_window_get_vocab_languages_row (EscalePreferencesWindow *self,
                                                              const char              *kind,
                                                              const char              *code);
/* The row of the programme @id, NULL when not listed. */
GtkWidget *escale_preferences_window_get_programme_row (EscalePreferencesWindow *self,
                                                        gint64                   id);
/* Opens the form of the programme @id, or of a new one when @id is 0. */
EscaleFormDialog *escale_preferences_window_edit_programme (EscalePreferencesWindow *self,
                                                            gint64                   id);

G_END_DECLS
