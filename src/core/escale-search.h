/* escale-search.h — finding people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_FILES_ALL,
  ESCALE_FILES_OPEN,
  ESCALE_FILES_CLOSED,
} EscaleFileState;

typedef struct
{
  char            *status;    /* a status code, or NULL for any */
  char            *referent;  /* a worker, or NULL for any */
  EscaleFileState  state;
} EscalePersonFilter;

EscalePersonFilter *escale_person_filter_copy  (const EscalePersonFilter *filter);
void                escale_person_filter_free  (EscalePersonFilter       *filter);
gboolean            escale_person_filter_equal (const EscalePersonFilter *a,
                                                const EscalePersonFilter *b);

GArray *escale_store_search_people (EscaleStore               *store,
                                    const char                *query,
                                    const EscalePersonFilter  *filter,
                                    guint                      limit,
                                    GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalePersonFilter, escale_person_filter_free)

G_END_DECLS
