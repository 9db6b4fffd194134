/* escale-person.h — one person's record, as loaded from or saved to the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The plain text fields of a person, in the order of the person table.
 * Dates are ISO 8601 text (YYYY-MM-DD); NULL means unknown. */
typedef enum {
  ESCALE_FIELD_FILE_NUMBER,
  ESCALE_FIELD_FAMILY_NAME,
  ESCALE_FIELD_GIVEN_NAMES,
  ESCALE_FIELD_SEX,
  ESCALE_FIELD_BIRTH_DATE,
  ESCALE_FIELD_BIRTH_PRECISION,
  ESCALE_FIELD_BIRTH_COUNTRY,
  ESCALE_FIELD_PHONE,
  ESCALE_FIELD_EMAIL,
  ESCALE_FIELD_ADDRESS,
  ESCALE_FIELD_POSTAL_CODE,
  ESCALE_FIELD_CITY,
  ESCALE_FIELD_ARRIVAL_DATE,
  ESCALE_FIELD_REFERENT,
  ESCALE_FIELD_REFERRED_BY,
  ESCALE_FIELD_FIRST_CONTACT,
  ESCALE_FIELD_CONSENT_DATE,
  ESCALE_FIELD_CONSENT_SCOPE,
  ESCALE_FIELD_CONSENT_INFORMED,
  ESCALE_FIELD_CLOSED_ON,
  ESCALE_FIELD_CLOSE_REASON,
  ESCALE_FIELD_RETENTION_DATE,
  ESCALE_FIELD_NOTES,
  ESCALE_N_FIELDS,
  /* Fields that are not plain text columns, used to report errors. */
  ESCALE_FIELD_OTHER_NAMES = ESCALE_N_FIELDS,
  ESCALE_FIELD_NATIONALITIES,
  ESCALE_FIELD_LANGUAGES,
  ESCALE_FIELD_STATUS,
  ESCALE_FIELD_HOUSEHOLD,
} EscaleField;

const char *escale_field_get_name  (EscaleField  field);
gboolean    escale_field_from_name (const char  *name,
                                    EscaleField *field);
gboolean    escale_field_is_date   (EscaleField  field);

typedef struct
{
  char     *code;
  char     *level;        /* native, fluent, basic or NULL */
  gboolean  interpreter;
} EscaleLanguageSkill;

typedef struct
{
  gint64  id;             /* 0 until saved */
  char   *status;
  char   *started_on;
  char   *ended_on;
  char   *document;
  char   *document_expiry;
} EscaleStatusPeriod;

typedef struct
{
  gint64  person_id;
  char   *file_number;
  char   *family_name;
  char   *given_names;
  char   *role;
} EscaleHouseholdMember;

EscaleLanguageSkill   *escale_language_skill_new   (const char *code,
                                                    const char *level,
                                                    gboolean    interpreter);
void                   escale_language_skill_free  (EscaleLanguageSkill *skill);
EscaleStatusPeriod    *escale_status_period_new    (const char *status,
                                                    const char *started_on,
                                                    const char *ended_on,
                                                    const char *document,
                                                    const char *document_expiry);
EscaleStatusPeriod    *escale_status_period_copy   (const EscaleStatusPeriod *period);
void                   escale_status_period_free   (EscaleStatusPeriod *period);
void                   escale_household_member_free (EscaleHouseholdMember *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleStatusPeriod, escale_status_period_free)

#define ESCALE_TYPE_PERSON (escale_person_get_type ())
G_DECLARE_FINAL_TYPE (EscalePerson, escale_person, ESCALE, PERSON, GObject)

EscalePerson *escale_person_new              (void);
EscalePerson *escale_person_copy             (EscalePerson *self);
gint64        escale_person_get_id           (EscalePerson *self);
void          escale_person_set_id           (EscalePerson *self,
                                              gint64        id);
const char   *escale_person_get_uuid         (EscalePerson *self);
void          escale_person_set_uuid         (EscalePerson *self,
                                              const char   *uuid);
const char   *escale_person_get              (EscalePerson *self,
                                              EscaleField   field);
void          escale_person_set              (EscalePerson *self,
                                              EscaleField   field,
                                              const char   *value);
char         *escale_person_dup_display_name (EscalePerson *self);
gboolean      escale_person_is_closed        (EscalePerson *self);

/* Lists; the setters copy what they are given. */
const char * const *escale_person_get_other_names   (EscalePerson *self);
void                escale_person_set_other_names   (EscalePerson       *self,
                                                     const char * const *names);
const char * const *escale_person_get_nationalities (EscalePerson *self);
void                escale_person_set_nationalities (EscalePerson       *self,
                                                     const char * const *codes);
GPtrArray          *escale_person_get_languages     (EscalePerson *self);
GPtrArray          *escale_person_get_status_periods (EscalePerson *self);
const char         *escale_person_get_current_status (EscalePerson *self);
gint64              escale_person_get_household_id  (EscalePerson *self);
void                escale_person_set_household_id  (EscalePerson *self,
                                                     gint64        household_id);
const char         *escale_person_get_household_role (EscalePerson *self);
void                escale_person_set_household_role (EscalePerson *self,
                                                      const char   *role);
GPtrArray          *escale_person_get_household_members (EscalePerson *self);

G_END_DECLS
