/* escale-person-list.h — a lazy list of people, for list views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-search.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PERSON_SUMMARY (escale_person_summary_get_type ())
G_DECLARE_FINAL_TYPE (EscalePersonSummary, escale_person_summary, ESCALE, PERSON_SUMMARY, GObject)

gint64      escale_person_summary_get_id              (EscalePersonSummary *self);
const char *escale_person_summary_get_file_number     (EscalePersonSummary *self);
const char *escale_person_summary_get_family_name     (EscalePersonSummary *self);
const char *escale_person_summary_get_given_names     (EscalePersonSummary *self);
const char *escale_person_summary_get_birth_date      (EscalePersonSummary *self);
const char *escale_person_summary_get_birth_precision (EscalePersonSummary *self);
const char *escale_person_summary_get_status          (EscalePersonSummary *self);
gboolean    escale_person_summary_get_closed          (EscalePersonSummary *self);

GPtrArray  *escale_store_load_summaries (EscaleStore  *store,
                                         const gint64 *ids,
                                         guint         n_ids);

#define ESCALE_TYPE_PERSON_LIST (escale_person_list_get_type ())
G_DECLARE_FINAL_TYPE (EscalePersonList, escale_person_list, ESCALE, PERSON_LIST, GObject)

EscalePersonList *escale_person_list_new        (EscaleStore              *store);
void              escale_person_list_set_query  (EscalePersonList         *self,
                                                 const char               *query);
const char       *escale_person_list_get_query  (EscalePersonList         *self);
void              escale_person_list_set_filter (EscalePersonList         *self,
                                                 const EscalePersonFilter *filter);
void              escale_person_list_refresh    (EscalePersonList         *self);
int               escale_person_list_find       (EscalePersonList         *self,
                                                 gint64                    id);
gboolean          escale_person_list_is_complete (EscalePersonList     *self);
guint             escale_person_list_get_n_loaded_pages (EscalePersonList *self);

G_END_DECLS
