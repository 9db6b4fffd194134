/* escale-action.h — one entry of the follow-up timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The columns of the action table. Text fields first (NULL means empty),
 * then integer fields (ESCALE_ACTION_UNSET means NULL). */
typedef enum {
  ESCALE_ACTION_FIELD_SCOPE,            /* person, household or group */
  ESCALE_ACTION_FIELD_DATE,             /* YYYY-MM-DD */
  ESCALE_ACTION_FIELD_TIME,             /* HH:MM */
  ESCALE_ACTION_FIELD_TYPE,
  ESCALE_ACTION_FIELD_STATUS,
  ESCALE_ACTION_FIELD_WORKER,
  ESCALE_ACTION_FIELD_PARTNER,
  ESCALE_ACTION_FIELD_REFERRAL_OUTCOME,
  ESCALE_ACTION_FIELD_NOTES,
  ESCALE_ACTION_FIELD_NEXT_STEP,
  ESCALE_ACTION_FIELD_NEXT_STEP_DUE,
  ESCALE_ACTION_N_TEXT_FIELDS,
  ESCALE_ACTION_FIELD_PERSON_ID = ESCALE_ACTION_N_TEXT_FIELDS,
  ESCALE_ACTION_FIELD_HOUSEHOLD_ID,
  ESCALE_ACTION_FIELD_DURATION,         /* minutes */
  ESCALE_ACTION_FIELD_PROGRAMME_ID,
  ESCALE_ACTION_FIELD_AMOUNT,           /* euro cents */
  ESCALE_ACTION_FIELD_FOLLOWS,          /* the action whose next step created this one */
  ESCALE_ACTION_FIELD_PARTNER_ID,       /* the partner of the directory, if linked */
  ESCALE_ACTION_N_FIELDS,
  /* Not columns, used to report errors. */
  ESCALE_ACTION_FIELD_THEMES = ESCALE_ACTION_N_FIELDS,
  ESCALE_ACTION_FIELD_PARTICIPANTS,
} EscaleActionField;

#define ESCALE_ACTION_UNSET G_MININT64

#define ESCALE_ACTION_SCOPE_PERSON    "person"
#define ESCALE_ACTION_SCOPE_HOUSEHOLD "household"
#define ESCALE_ACTION_SCOPE_GROUP     "group"

typedef enum {
  ESCALE_ATTENDANCE_UNKNOWN = -1,
  ESCALE_ATTENDANCE_ABSENT = 0,
  ESCALE_ATTENDANCE_PRESENT = 1,
} EscaleAttendance;

typedef struct
{
  gint64           person_id;
  EscaleAttendance attended;
} EscaleParticipant;

const char *escale_action_field_get_name (EscaleActionField field);

#define ESCALE_TYPE_ACTION (escale_action_get_type ())
G_DECLARE_FINAL_TYPE (EscaleAction, escale_action, ESCALE, ACTION, GObject)

EscaleAction *escale_action_new              (void);
EscaleAction *escale_action_copy             (EscaleAction      *self);
gint64        escale_action_get_id           (EscaleAction      *self);
void          escale_action_set_id           (EscaleAction      *self,
                                              gint64             id);
const char   *escale_action_get_uuid         (EscaleAction      *self);
void          escale_action_set_uuid         (EscaleAction      *self,
                                              const char        *uuid);
const char   *escale_action_get              (EscaleAction      *self,
                                              EscaleActionField  field);
void          escale_action_set              (EscaleAction      *self,
                                              EscaleActionField  field,
                                              const char        *value);
gint64        escale_action_get_int          (EscaleAction      *self,
                                              EscaleActionField  field);
void          escale_action_set_int          (EscaleAction      *self,
                                              EscaleActionField  field,
                                              gint64             value);
const char * const *escale_action_get_themes (EscaleAction      *self);
void          escale_action_set_themes       (EscaleAction      *self,
                                              const char * const *themes);
/* Notes the worker marks confidential: the roles that may not read
 * sensitive details do not see the action (see escale-account.h). */
gboolean      escale_action_get_confidential (EscaleAction      *self);
void          escale_action_set_confidential (EscaleAction      *self,
                                              gboolean           confidential);
/* (element-type EscaleParticipant) */
GArray       *escale_action_get_participants (EscaleAction      *self);
void          escale_action_add_participant  (EscaleAction      *self,
                                              gint64             person_id,
                                              EscaleAttendance   attended);

G_END_DECLS
