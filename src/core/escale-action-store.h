/* escale-action-store.h — reading and writing the follow-up timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-action.h"
#include "escale-store.h"

G_BEGIN_DECLS

typedef struct
{
  EscaleActionField  field;
  guint              index;   /* which theme or participant, for list fields */
  char              *message; /* translated */
} EscaleActionError;

void          escale_action_error_free          (EscaleActionError *error);

/* Helpers shared with the other follow-up stores. */
gboolean      escale_store_check_iso_date       (const char    *iso);
gboolean      escale_store_row_exists           (EscaleStore   *store,
                                                 const char    *table,
                                                 gint64         id);

GPtrArray    *escale_store_validate_action      (EscaleStore   *store,
                                                 EscaleAction  *action);
gboolean      escale_store_save_action          (EscaleStore   *store,
                                                 EscaleAction  *action,
                                                 GError       **error);
EscaleAction *escale_store_load_action          (EscaleStore   *store,
                                                 gint64         id,
                                                 GError       **error);
gboolean      escale_store_delete_action        (EscaleStore   *store,
                                                 gint64         id,
                                                 GError       **error);
gboolean      escale_store_set_action_status    (EscaleStore   *store,
                                                 gint64         id,
                                                 const char    *status,
                                                 GError       **error);
gint64        escale_store_find_follow_up       (EscaleStore   *store,
                                                 gint64         action_id);

/* A person's timeline: their own actions, their household's and the group
 * sessions they take part in. Ids (gint64) newest first. */
gboolean      escale_store_list_person_actions  (EscaleStore   *store,
                                                 gint64         person_id,
                                                 GArray        *ids,
                                                 GError       **error);
/* The planned ones of that timeline, whatever their date, oldest first. */
gboolean      escale_store_list_person_planned  (EscaleStore   *store,
                                                 gint64         person_id,
                                                 GArray        *ids,
                                                 GError       **error);

G_END_DECLS
