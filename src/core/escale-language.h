/* escale-language.h — languages: their names, the interface's, text direction
 *
 * The interface language is a process-wide choice that can change while
 * Escale runs: escale_language_apply() points gettext at it and switches
 * the dates and numbers to a locale of that language. The widgets must then
 * be made again (src/escale-language-switch.h does that for the windows).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Unicode isolates, for a value placed inside a translated sentence or next
 * to text of another direction: a Latin name keeps its order inside an
 * Arabic line, and the other way round. ESCALE_ISOLATE: first-strong
 * (the value's own direction, left-to-right when it has no letters);
 * ESCALE_ISOLATE_LTR: always left-to-right (phone and file numbers). For
 * literal strings, such as printf formats. */
#define ESCALE_ISOLATE(s) "\u2068" s "\u2069"
#define ESCALE_ISOLATE_LTR(s) "\u2066" s "\u2069"

/* Pango takes the direction of a line from its first letter, even inside
 * an isolate: a line made of values ("Amina (2026-0142)", "Claire · notes")
 * begins with the mark of the interface's direction (escale_direction_mark()
 * in escale-ui-util.h) so that its values are ordered the interface's way. */
#define ESCALE_LRM "\u200e"
#define ESCALE_RLM "\u200f"

/* @text inside a first-strong isolate; "" for NULL or "". */
char       *escale_isolate                (const char *text);
/* @text (a message) with each file path in it, a word that starts with
 * "/", isolated left-to-right, its trailing punctuation left outside:
 * "/home/amina/escale.db" stays whole inside an Arabic sentence. */
char       *escale_isolate_paths          (const char *text);

/* A language's name in that language ("Français" for "fr"); the code
 * itself for a language the table does not know. */
char       *escale_language_native_name   (const char *code);

/* The value of LANGUAGE for the interface language @code: the code, and
 * after it the language to fall back on where a catalogue is missing
 * ("prs:fa": Dari falls back to Persian). NULL for "" or NULL. */
char       *escale_language_gettext_list  (const char *code);

/* Makes @code ("fr", "ar"; "" or NULL: the system's) the interface
 * language: sets LANGUAGE, tells gettext to look its catalogues up again,
 * and sets LC_TIME and LC_NUMERIC to a locale of the language when one is
 * installed (else the system's). Changes process-wide state: call it from
 * the main thread, before the locale is read in other threads. */
void        escale_language_apply         (const char *code);
/* The code given to the last escale_language_apply(), "" before. */
const char *escale_language_get_current   (void);

G_END_DECLS
