/* escale-page-cache.h — the pages of a lazy list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_PAGE_SIZE 64

/* Builds the items (objects) of page @page of @owner's list. */
typedef GPtrArray *(*EscalePageLoad) (gpointer owner,
                                      guint    page);

typedef struct
{
  GHashTable *pages;     /* page number → GPtrArray of items */
  GQueue      recent;    /* page numbers, most recently used first */
  guint       max_pages;
} EscalePageCache;

void     escale_page_cache_init     (EscalePageCache *cache,
                                     guint            max_pages);
void     escale_page_cache_clear    (EscalePageCache *cache);
void     escale_page_cache_drop_all (EscalePageCache *cache);
void     escale_page_cache_forget   (EscalePageCache *cache,
                                     guint            position);
gpointer escale_page_cache_get      (EscalePageCache *cache,
                                     guint            position,
                                     EscalePageLoad   load,
                                     gpointer         owner);
guint    escale_page_cache_get_n_pages (EscalePageCache *cache);

G_END_DECLS
