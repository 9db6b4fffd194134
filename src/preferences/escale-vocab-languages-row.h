/* escale-vocab-languages-row.h — the labels of an added vocabulary entry, language by language
 *
 * An expander row of the Preferences, under an entry the association
 * added: its subtitle names the languages Escale is translated into that
 * the entry has no label for ("Missing: العربية, Українська"), and it
 * holds one AdwEntryRow per language whose "apply" stores that label
 * (escale_vocab_set_label_for(); a blank one removes it). Emits "changed"
 * after a label was stored; a refusal is shown as a toast of the
 * preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_VOCAB_LANGUAGES_ROW (escale_vocab_languages_row_get_type ())
G_DECLARE_FINAL_TYPE (EscaleVocabLanguagesRow, escale_vocab_languages_row, ESCALE,
                      VOCAB_LANGUAGES_ROW, AdwExpanderRow)

GtkWidget  *escale_vocab_languages_row_new       (EscaleStore             *store,
                                                  const char              *kind,
                                                  const char              *code);
/* Shows the labels stored now, after they changed elsewhere. */
void        escale_vocab_languages_row_reload    (EscaleVocabLanguagesRow *self);
/* The AdwEntryRow of @language ("ar"), NULL for a language not offered. */
GtkWidget  *escale_vocab_languages_row_get_entry (EscaleVocabLanguagesRow *self,
                                                  const char              *language);

G_END_DECLS
