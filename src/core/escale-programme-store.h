/* escale-programme-store.h — programmes (dispositifs) and enrolments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_PROGRAMME_NO_TARGET G_MININT64

typedef struct
{
  gint64  id;             /* 0 until saved */
  char   *uuid;
  char   *code;
  char   *name;
  char   *started_on;     /* YYYY-MM-DD or NULL */
  char   *ended_on;
  gint64  target_people;  /* ESCALE_PROGRAMME_NO_TARGET when none */
  char   *notes;
  GStrv   funders;        /* never NULL */
} EscaleProgramme;

typedef struct
{
  gint64  id;             /* 0 until saved */
  gint64  person_id;
  gint64  programme_id;
  char   *entry_date;
  char   *exit_date;
  char   *exit_reason;    /* an exit_reason vocabulary code */
} EscaleEnrolment;

typedef enum {
  ESCALE_PROGRAMME_FIELD_CODE,
  ESCALE_PROGRAMME_FIELD_NAME,
  ESCALE_PROGRAMME_FIELD_STARTED_ON,
  ESCALE_PROGRAMME_FIELD_ENDED_ON,
  ESCALE_PROGRAMME_FIELD_TARGET,
  ESCALE_PROGRAMME_FIELD_FUNDERS,
  ESCALE_ENROLMENT_FIELD_PERSON,
  ESCALE_ENROLMENT_FIELD_PROGRAMME,
  ESCALE_ENROLMENT_FIELD_ENTRY_DATE,
  ESCALE_ENROLMENT_FIELD_EXIT_DATE,
  ESCALE_ENROLMENT_FIELD_EXIT_REASON,
} EscaleProgrammeField;

typedef struct
{
  EscaleProgrammeField  field;
  char                 *message; /* translated */
} EscaleProgrammeError;

EscaleProgramme *escale_programme_new          (void);
void             escale_programme_free         (EscaleProgramme *programme);
EscaleEnrolment *escale_enrolment_new          (gint64           person_id,
                                                gint64           programme_id,
                                                const char      *entry_date);
void             escale_enrolment_free         (EscaleEnrolment *enrolment);
void             escale_programme_error_free   (EscaleProgrammeError *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleProgramme, escale_programme_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleEnrolment, escale_enrolment_free)

GPtrArray       *escale_store_validate_programme (EscaleStore      *store,
                                                  EscaleProgramme  *programme);
gboolean         escale_store_save_programme     (EscaleStore      *store,
                                                  EscaleProgramme  *programme,
                                                  GError          **error);
EscaleProgramme *escale_store_load_programme     (EscaleStore      *store,
                                                  gint64            id,
                                                  GError          **error);
GPtrArray       *escale_store_list_programmes    (EscaleStore      *store,
                                                  GError          **error);
gint64           escale_store_find_programme     (EscaleStore      *store,
                                                  const char       *code);

GPtrArray       *escale_store_validate_enrolment (EscaleStore      *store,
                                                  EscaleEnrolment  *enrolment);
gboolean         escale_store_save_enrolment     (EscaleStore      *store,
                                                  EscaleEnrolment  *enrolment,
                                                  GError          **error);
gboolean         escale_store_remove_enrolment   (EscaleStore      *store,
                                                  gint64            id,
                                                  GError          **error);
GPtrArray       *escale_store_list_enrolments    (EscaleStore      *store,
                                                  gint64            person_id,
                                                  GError          **error);

G_END_DECLS
