/* escale-text.h — folding of names for search and duplicate detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the search indexes hold depends on these functions: bump this when
 * a change gives a name another folding, transliteration or skeleton, and
 * databases rebuild their indexes when next opened
 * (escale_store_refresh_person_index()). */
#define ESCALE_TEXT_KEYS_VERSION 2

char  *escale_text_fold           (const char *text);
char  *escale_text_transliterate  (const char *folded);
char  *escale_text_digits         (const char *text);
char  *escale_text_phone_key      (const char *phone);
char  *escale_text_skeleton       (const char *word);
GStrv  escale_text_skeletons      (const char *names);
char  *escale_text_skeleton_query (const char *query,
                                   gboolean    prefix);
char  *escale_text_fts_query      (const char *query,
                                   gboolean    prefix);
char  *escale_text_trigram_query  (const char *query);

G_END_DECLS
