/* escale-privacy-page.h — the Preferences page of retention, the audit log and the register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-retention-dialog.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_PRIVACY_PAGE (escale_privacy_page_get_type ())
G_DECLARE_FINAL_TYPE (EscalePrivacyPage, escale_privacy_page, ESCALE, PRIVACY_PAGE,
                      AdwPreferencesPage)

/* The page's widgets, for tests and keyboard focus. */
typedef enum {
  ESCALE_PRIVACY_FILE_RETENTION,   /* GtkSpinButton: months before a file is reviewed */
  ESCALE_PRIVACY_REVIEW_ROW,       /* AdwActionRow: how many files to review */
  ESCALE_PRIVACY_AUDIT_RETENTION,  /* GtkSpinButton: months the audit log keeps entries */
} EscalePrivacyWidget;

/* For administrators: the retention of files ("retention.months") with
 * the review of the files due, the retention of the audit log
 * ("audit.retention_months") with Purge Now, and the register entry
 * (GDPR article 30) to print. Widget actions: privacy.review,
 * privacy.purge (asks first), privacy.print-register. */
GtkWidget             *escale_privacy_page_new        (EscaleStore         *store);
GtkWidget             *escale_privacy_page_get_widget (EscalePrivacyPage   *self,
                                                       EscalePrivacyWidget  which);
/* Counts the files to review again. */
void                   escale_privacy_page_refresh    (EscalePrivacyPage   *self);
/* The review, presented. */
EscaleRetentionDialog *escale_privacy_page_review     (EscalePrivacyPage   *self);
/* The question before purging (response "purge"), presented. */
AdwMessageDialog      *escale_privacy_page_purge      (EscalePrivacyPage   *self);

G_END_DECLS
