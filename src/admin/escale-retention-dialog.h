/* escale-retention-dialog.h — the files whose retention period is over, to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-reason-dialog.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_RETENTION_DIALOG (escale_retention_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EscaleRetentionDialog, escale_retention_dialog, ESCALE, RETENTION_DIALOG,
                      AdwWindow)

/* Lists the files of @store not seen for longer than the file retention
 * (escale_store_get_retention_months()), the oldest first: number, name
 * and last contact, each with a check box. The files checked are
 * anonymised or deleted together, after a question asking for the reason,
 * and the result said in a toast. */
EscaleRetentionDialog *escale_retention_dialog_new          (GtkWindow             *parent,
                                                             EscaleStore           *store);
void                   escale_retention_dialog_reload       (EscaleRetentionDialog *self);
/* How many files are listed, and how many are to review in all (the list
 * shows the oldest ESCALE_RETENTION_DIALOG_LIMIT). */
#define ESCALE_RETENTION_DIALOG_LIMIT 200
guint                  escale_retention_dialog_get_n_listed (EscaleRetentionDialog *self);
guint                  escale_retention_dialog_get_total    (EscaleRetentionDialog *self);
/* The row of the file @person_id (an AdwActionRow whose prefix is a
 * GtkCheckButton), or NULL. */
GtkWidget             *escale_retention_dialog_get_row      (EscaleRetentionDialog *self,
                                                             gint64                 person_id);
void                   escale_retention_dialog_select       (EscaleRetentionDialog *self,
                                                             gint64                 person_id,
                                                             gboolean               selected);
/* Ask for the reason, as the Anonymise… and Delete… buttons do; NULL when
 * nothing is checked. Confirmed, the files are anonymised (deleted). */
EscaleReasonDialog    *escale_retention_dialog_anonymise    (EscaleRetentionDialog *self);
EscaleReasonDialog    *escale_retention_dialog_delete       (EscaleRetentionDialog *self);
G_END_DECLS
