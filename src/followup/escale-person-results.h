/* escale-person-results.h — people found by name or file number, as rows
 *
 * Shared by the pickers that look for a person: the participants of a
 * group session, the person of a referral.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-person-list.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* Whether a person found is left out of the results. */
typedef gboolean (*EscalePersonSkip) (gint64   person_id,
                                      gpointer data);

/* A row with the person's name and file number. */
GtkWidget *escale_person_result_row_new    (EscalePersonSummary *summary);
gint64     escale_person_result_row_get_id (GtkWidget           *row);
char      *escale_person_summary_dup_name  (EscalePersonSummary *summary);

void       escale_person_results_clear     (GtkListBox          *results);
/* Fills @results with up to @max activatable rows of the people @query
 * finds, except those @skip (nullable) leaves out.
 * Returns: how many are shown */
guint      escale_person_results_fill      (GtkListBox          *results,
                                            EscaleStore         *store,
                                            const char          *query,
                                            guint                max,
                                            guint                n_skipped,
                                            EscalePersonSkip     skip,
                                            gpointer             data);

G_END_DECLS
