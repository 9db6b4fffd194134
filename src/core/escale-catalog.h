/* escale-catalog.h — translations into a language chosen per call
 *
 * gettext translates into the interface language, a process-wide choice.
 * A report is written in a language of its own, from a worker thread,
 * while the interface stays in another: an EscaleCatalog reads one
 * compiled catalogue (.mo) of one domain for one language and looks
 * messages up in it without touching the locale. Thread-safe once made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EscaleCatalog EscaleCatalog;

/* The catalogue of @domain for @language ("fr", "ar", "pt_BR"; "en" or
 * "C" has none), looked for in @localedir, then for the language's base
 * ("pt" for "pt_BR"). @localedir NULL: Escale's own (ESCALE_LOCALEDIR in
 * the environment, else the installed one) for GETTEXT_PACKAGE, the
 * system's (/usr/share/locale) for other domains. A missing catalogue
 * gives one that returns every message untranslated. Never NULL. */
EscaleCatalog *escale_catalog_new      (const char    *domain,
                                        const char    *language,
                                        const char    *localedir);
/* Escale's own catalogue for @language, made once and kept. */
EscaleCatalog *escale_catalog_get      (const char    *language);
/* The same for any @domain ("iso_3166-1"), from its default localedir. */
EscaleCatalog *escale_catalog_get_for_domain (const char *domain,
                                              const char *language);
EscaleCatalog *escale_catalog_ref      (EscaleCatalog *catalog);
void           escale_catalog_unref    (EscaleCatalog *catalog);
gboolean       escale_catalog_is_empty (EscaleCatalog *catalog);
const char    *escale_catalog_language (EscaleCatalog *catalog);

/* The translation of @msgid, or @msgid itself. */
const char    *escale_catalog_gettext  (EscaleCatalog *catalog,
                                        const char    *msgid);
/* The translation of @msgid in @context (as C_() and NC_() mark it). */
const char    *escale_catalog_pgettext (EscaleCatalog *catalog,
                                        const char    *context,
                                        const char    *msgid);
/* ngettext: plural forms by the catalogue's Plural-Forms expression for
 * the usual rules (as in en, fr, ar, fa, uk, ti), else n != 1. */
const char    *escale_catalog_ngettext (EscaleCatalog *catalog,
                                        const char    *msgid,
                                        const char    *msgid_plural,
                                        gulong         n);

/* The languages Escale has a catalogue for, "en" first (the source
 * language), then those of po/LINGUAS as installed: codes, sorted. */
GStrv          escale_catalog_list_languages (void);
/* Whether @language ("ar", "fa_AF") is written from right to left. */
gboolean       escale_language_is_right_to_left (const char *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCatalog, escale_catalog_unref)

G_END_DECLS
