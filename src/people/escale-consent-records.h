/* escale-consent-records.h — a person's consent records, in their file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-form-dialog.h"
#include "escale-person.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* The rows of the forms escale_consent_records_add() and _withdraw() open. */
typedef enum {
  ESCALE_CONSENT_RECORD_GIVEN_ON,      /* AdwEntryRow: a date */
  ESCALE_CONSENT_RECORD_FOLLOW_UP,     /* GtkSwitch */
  ESCALE_CONSENT_RECORD_SHARING,       /* GtkSwitch: with partners */
  ESCALE_CONSENT_RECORD_PHONE,         /* GtkSwitch: contact by phone */
  ESCALE_CONSENT_RECORD_INFORMED_HOW,  /* AdwEntryRow */
  ESCALE_CONSENT_RECORD_LANGUAGE,      /* GtkDropDown: ISO 639 codes */
  ESCALE_CONSENT_RECORD_WITHDRAWN_ON,  /* AdwEntryRow: a date, in the withdrawal form */
} EscaleConsentRecordField;

#define ESCALE_TYPE_CONSENT_RECORDS (escale_consent_records_get_type ())
G_DECLARE_FINAL_TYPE (EscaleConsentRecords, escale_consent_records, ESCALE, CONSENT_RECORDS,
                      AdwPreferencesGroup)

/* A group titled "Consent" listing the consent records of @person, newest
 * first: the day, what it covers (follow-up, sharing with partners,
 * contact by phone), how and in which language the person was informed,
 * the withdrawal. Widget actions consent.add and consent.withdraw (x: a
 * record's id), offered to the roles that may record actions. */
GtkWidget        *escale_consent_records_new      (EscaleStore          *store,
                                                   EscalePerson         *person);
void              escale_consent_records_reload   (EscaleConsentRecords *self);
guint             escale_consent_records_get_n_records (EscaleConsentRecords *self);
/* The row of the record @consent_id (an AdwActionRow), or NULL. */
GtkWidget        *escale_consent_records_get_row  (EscaleConsentRecords *self,
                                                   gint64                consent_id);
/* The forms, presented; the list is reloaded once saved. NULL for a record
 * not listed or already withdrawn. */
EscaleFormDialog *escale_consent_records_add      (EscaleConsentRecords *self);
EscaleFormDialog *escale_consent_records_withdraw (EscaleConsentRecords *self,
                                                   gint64                consent_id);

G_END_DECLS
