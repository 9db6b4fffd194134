/* escale-privacy.h — the audit's retention, and what the privacy pages read
 *
 * The audit log's retention is kept in the table setting, so that every
 * computer and escale-cli share it: entries are purged once older than
 * "audit.retention_months" (6 to 12, 12 by default); the retention of the
 * files is escale-rights.h's. The retention review lists its files with
 * escale_store_load_review_files(), and the register entry (GDPR article
 * 30) names the categories of the sensitive fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_SETTING_AUDIT_RETENTION     "audit.retention_months"
/* The association's postal address, several lines; its name is
 * "association.name" (escale-report-settings.h). */
#define ESCALE_SETTING_ASSOCIATION_ADDRESS "association.address"

#define ESCALE_AUDIT_RETENTION_DEFAULT 12
#define ESCALE_AUDIT_RETENTION_MIN     6
#define ESCALE_AUDIT_RETENTION_MAX     12

/* The period saved, in months, or the default when unset or out of range. */
guint      escale_store_get_audit_retention (EscaleStore  *store);
/* Needs SETTINGS; a period out of range is refused with a translated
 * message (ESCALE_STORE_ERROR_INVALID). */
gboolean   escale_store_set_audit_retention (EscaleStore  *store,
                                             guint         months,
                                             GError      **error);

/* A file of the retention review. */
typedef struct
{
  gint64  person_id;
  char   *file_number;
  char   *family_name;
  char   *given_names;   /* or NULL */
  char   *last_contact;  /* YYYY-MM-DD: the last contact, or the file's creation
                          * when there was none */
} EscaleReviewFile;

void       escale_review_file_free          (EscaleReviewFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleReviewFile, escale_review_file_free)

/* The files @ids (from escale_store_list_retention()), in that order; ids
 * no longer in the database are left out. Needs ERASE.
 * (element-type EscaleReviewFile) */
GPtrArray *escale_store_load_review_files   (EscaleStore   *store,
                                             const gint64  *ids,
                                             guint          n_ids,
                                             GError       **error);

/* The categories of the fields marked sensitive in the schema ("health",
 * "legal", "origin", "religion"), each once, in that order. */
GStrv      escale_store_list_sensitive_categories (EscaleStore  *store,
                                                   GError      **error);
/* The category's name, translated: "Health", "Legal proceedings"… */
const char *escale_sensitive_category_label (const char *category);

G_END_DECLS
