/* escale-reason-dialog.h — a question before an erasure, with its reason
 *
 * Erasing or anonymising a file cannot be undone, and the audit log keeps
 * why it was done: the question asks for the reason (required) and, for a
 * single file, for its number to be typed, before its destructive response
 * ("confirm") is enabled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESCALE_REASON_DIALOG_CONFIRM "confirm"

#define ESCALE_TYPE_REASON_DIALOG (escale_reason_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EscaleReasonDialog, escale_reason_dialog, ESCALE, REASON_DIALOG,
                      AdwMessageDialog)

/* @typed: (nullable): what must be typed to confirm (a file number). */
EscaleReasonDialog *escale_reason_dialog_new         (GtkWindow          *parent,
                                                      const char         *heading,
                                                      const char         *body,
                                                      const char         *confirm_label,
                                                      const char         *typed);
/* The reason typed, stripped of spaces. */
char               *escale_reason_dialog_dup_reason  (EscaleReasonDialog *self);
GtkEditable        *escale_reason_dialog_get_reason_entry (EscaleReasonDialog *self);
/* The entry where @typed is typed; NULL without one. */
GtkEditable        *escale_reason_dialog_get_typed_entry  (EscaleReasonDialog *self);

G_END_DECLS
