/* escale-page-cache.c — the pages of a lazy list model
 *
 * A list model that holds only ids builds its item objects a page at a
 * time, when a view asks for one, and keeps the few pages used last:
 * scrolling through 100 000 rows never builds 100 000 objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib-object.h>

#include "escale-page-cache.h"

void
escale_page_cache_init (EscalePageCache *cache,
                        guint            max_pages)
{
  cache->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&cache->recent);
  cache->max_pages = max_pages;
}

void
escale_page_cache_clear (EscalePageCache *cache)
{
  g_clear_pointer (&cache->pages, g_hash_table_unref);
  g_queue_clear (&cache->recent);
}

void
escale_page_cache_drop_all (EscalePageCache *cache)
{
  g_hash_table_remove_all (cache->pages);
  g_queue_clear (&cache->recent);
}

/* Forgets the page holding @position, to be built again when asked for. */
void
escale_page_cache_forget (EscalePageCache *cache,
                          guint            position)
{
  guint page = position / ESCALE_PAGE_SIZE;

  g_hash_table_remove (cache->pages, GUINT_TO_POINTER (page));
  g_queue_remove (&cache->recent, GUINT_TO_POINTER (page));
}

/**
 * escale_page_cache_get:
 * @position: a position the caller checked is in the list
 *
 * Returns: (transfer full): the item at @position, its page built with
 *   @load when it is not kept
 */
gpointer
escale_page_cache_get (EscalePageCache *cache,
                       guint            position,
                       EscalePageLoad   load,
                       gpointer         owner)
{
  guint page = position / ESCALE_PAGE_SIZE;
  GPtrArray *items = g_hash_table_lookup (cache->pages, GUINT_TO_POINTER (page));

  if (items == NULL)
    {
      items = load (owner, page);
      g_hash_table_insert (cache->pages, GUINT_TO_POINTER (page), items);
    }
  g_queue_remove (&cache->recent, GUINT_TO_POINTER (page));
  g_queue_push_head (&cache->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&cache->recent) > cache->max_pages)
    g_hash_table_remove (cache->pages, g_queue_pop_tail (&cache->recent));
  return g_object_ref (g_ptr_array_index (items, position % ESCALE_PAGE_SIZE));
}

guint
escale_page_cache_get_n_pages (EscalePageCache *cache)
{
  return g_hash_table_size (cache->pages);
}
