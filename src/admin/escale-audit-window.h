/* escale-audit-window.h — the audit log, for administrators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_AUDIT_WINDOW (escale_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (EscaleAuditWindow, escale_audit_window, ESCALE, AUDIT_WINDOW, AdwWindow)

/* The filters above the list. */
typedef enum {
  ESCALE_AUDIT_FILTER_LOGIN,      /* GtkDropDown: any account, then each login */
  ESCALE_AUDIT_FILTER_OPERATION,  /* GtkDropDown: any operation, then each */
  ESCALE_AUDIT_FILTER_ENTITY,     /* GtkDropDown: any kind of record, then each */
  ESCALE_AUDIT_FILTER_FROM,       /* GtkEntry: the first day, as typed */
  ESCALE_AUDIT_FILTER_TO,         /* GtkEntry: the last day, included */
} EscaleAuditFilter;

/* The newest entries shown at most; narrower filters reach older ones. */
#define ESCALE_AUDIT_WINDOW_LIMIT 1000

/* A window listing the entries of the audit log of @store, newest first
 * (when, who, what, which record, the fields changed), filtered as the
 * filters say, with the widget actions audit.export (a file chooser, then
 * the entries the filters select as CSV) and audit.verify (the result of
 * escale_audit_verify() in a message dialog). */
EscaleAuditWindow *escale_audit_window_new         (GtkWindow         *parent,
                                                    EscaleStore       *store);
void               escale_audit_window_reload      (EscaleAuditWindow *self);
/* The entries listed. (element-type EscaleAuditItem) (transfer none) */
GListModel        *escale_audit_window_get_entries (EscaleAuditWindow *self);
GtkWidget         *escale_audit_window_get_filter  (EscaleAuditWindow *self,
                                                    EscaleAuditFilter  which);
/* What audit.export does once a file is chosen: writes the entries the
 * filters select to @path (escale_audit_export_csv_filtered()), said in a
 * toast. */
gboolean           escale_audit_window_export      (EscaleAuditWindow *self,
                                                    const char        *path,
                                                    GError           **error);
/* What audit.verify does: the result, in a message dialog presented. */
AdwMessageDialog  *escale_audit_window_verify      (EscaleAuditWindow *self);

G_END_DECLS
