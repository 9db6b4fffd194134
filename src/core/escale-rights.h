/* escale-rights.h — the rights of the people followed (GDPR), and retention
 *
 * Consent is a dated record (what it covers, how and in which language the
 * person was informed, when it was withdrawn). The right of access exports
 * everything Escale holds about one person; erasure deletes the person and
 * what is only theirs (household actions are kept, detached from them)
 * with secure_delete on, and leaves an audit entry without their identity.
 * Retention: files whose last contact is older than N months are listed
 * for review, then anonymised (what reports need is kept: sex, birth year,
 * nationality, actions without notes, enrolments) or deleted, with a
 * logged reason; reports of past years give the same figures afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;              /* 0 until saved */
  gint64    person_id;
  char     *given_on;        /* YYYY-MM-DD */
  gboolean  follow_up;
  gboolean  sharing;         /* with partners */
  gboolean  phone_contact;
  char     *informed_how;    /* free text: "orally with an interpreter", "notice given" */
  char     *language;        /* in which the person was informed: a code */
  char     *withdrawn_on;    /* or NULL */
} EscaleConsent;

EscaleConsent *escale_consent_new             (gint64         person_id,
                                               const char    *given_on);
void           escale_consent_free            (EscaleConsent *consent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleConsent, escale_consent_free)

/* What escale_consent_check() found wrong, for the editor to show the
 * message beside it. */
typedef enum {
  ESCALE_CONSENT_FIELD_NONE,
  ESCALE_CONSENT_FIELD_GIVEN_ON,
  ESCALE_CONSENT_FIELD_SCOPE,          /* follow_up, sharing, phone_contact: none ticked */
  ESCALE_CONSENT_FIELD_LANGUAGE,
  ESCALE_CONSENT_FIELD_WITHDRAWN_ON,
} EscaleConsentField;

/* The first problem of @consent (dates that do not exist or are in the
 * future, a withdrawal before the consent, nothing consented to, a
 * language that is not an ISO 639 code), with a translated message in
 * @error (ESCALE_STORE_ERROR_INVALID); ESCALE_CONSENT_FIELD_NONE when it
 * can be saved. */
EscaleConsentField escale_consent_check       (const EscaleConsent *consent,
                                               GError             **error);

/* Needs WRITE_ACTION; a bad date is refused with a translated message. */
gboolean       escale_store_save_consent      (EscaleStore   *store,
                                               EscaleConsent *consent,
                                               GError       **error);
/* The person's consent records, newest first. (element-type EscaleConsent) */
GPtrArray     *escale_store_list_consents     (EscaleStore   *store,
                                               gint64         person_id,
                                               GError       **error);

/* Right of access and portability: everything about the person (file,
 * names, nationalities, languages, statuses, household, timeline,
 * enrolments and their situations, referrals, consent records) as one
 * JSON document (UTF-8, pretty-printed). Needs EXPORT_PERSON; recorded in
 * the audit log. */
char          *escale_store_export_person_json (EscaleStore  *store,
                                                gint64        person_id,
                                                GError      **error);

/* The same document as a readable workbook (a sheet per section) at @path,
 * written as escale_report_write_xlsx() does: no half-written file. */
gboolean       escale_store_export_person_xlsx (EscaleStore  *store,
                                                gint64        person_id,
                                                const char   *path,
                                                GError      **error);

/* Erasure: needs ERASE; @reason is required and logged (the audit entry
 * names neither the person nor their file number: operation "erase",
 * entity "person", no id). Their household's actions stay with the other
 * members, or go with the household when they were its last member. No
 * byte of their names stays in the database file nor in its WAL: the
 * file is rewritten (VACUUM), which takes a few seconds on a large one. */
gboolean       escale_store_erase_person      (EscaleStore   *store,
                                               gint64         person_id,
                                               const char    *reason,
                                               GError       **error);
/* Anonymisation: names (family name "Anonymised ID", file number
 * "ANON-ID"), other names, languages, contact, address, birth country,
 * arrival date, referent, notes, consent records, status documents and
 * the notes and next steps of their actions removed; sex, birth year
 * (1 January, precision "year"), nationality, statuses' codes and dates,
 * actions, enrolments and situations kept; anonymised_on set. Needs
 * ERASE; @reason is required and logged ("anonymise", with the id). */
gboolean       escale_store_anonymise_person  (EscaleStore   *store,
                                               gint64         person_id,
                                               const char    *reason,
                                               GError       **error);

/* The same for several people in one transaction: the retention review.
 * Either all of them or none are erased (anonymised); the database file
 * is rewritten once, at the end. */
gboolean       escale_store_erase_people      (EscaleStore   *store,
                                               const gint64  *ids,
                                               guint          n_ids,
                                               const char    *reason,
                                               GError       **error);
gboolean       escale_store_anonymise_people  (EscaleStore   *store,
                                               const gint64  *ids,
                                               guint          n_ids,
                                               const char    *reason,
                                               GError       **error);

#define ESCALE_RETENTION_MONTHS_DEFAULT 24
#define ESCALE_RETENTION_MONTHS_MAX     240

/* The retention of the association (the database's setting
 * "retention.months"): ESCALE_RETENTION_MONTHS_DEFAULT until set. Setting
 * it needs SETTINGS and a value from 1 to ESCALE_RETENTION_MONTHS_MAX. */
guint          escale_store_get_retention_months (EscaleStore *store);
gboolean       escale_store_set_retention_months (EscaleStore  *store,
                                                  guint         months,
                                                  GError      **error);

/* Files to review: not anonymised, and whose last contact (or, without
 * any, creation) is older than @months months before @today. Needs ERASE.
 * Returns person ids, the oldest contact first; @total gets their count. */
GArray        *escale_store_list_retention    (EscaleStore   *store,
                                               guint          months,
                                               const char    *today,
                                               guint          limit,
                                               guint         *total,
                                               GError       **error);

G_END_DECLS
