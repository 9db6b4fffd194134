/* escale-iso.h — countries (ISO 3166) and languages (ISO 639) from iso-codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *escale_iso_country_normalize  (const char *code);
const char *escale_iso_country_name       (const char *code);
/* The country's name in @language (a report's), whatever the interface's. */
const char *escale_iso_country_name_in    (const char *code,
                                           const char *language);
GStrv       escale_iso_country_codes      (void);
char       *escale_iso_language_normalize (const char *code);
const char *escale_iso_language_name      (const char *code);
GStrv       escale_iso_language_codes     (void);

G_END_DECLS
