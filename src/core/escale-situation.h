/* escale-situation.h — a person's situation at the entry into a programme
 * and at the exit from it
 *
 * Each enrolment has its own two snapshots (a re-entry has its own): the
 * labour status, education level, housing, disability and homelessness
 * that funders of the European Social Fund+ ask for. Codes are stored,
 * from fixed lists; NULL is "not recorded".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-programme-store.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_SITUATION_ENTRY "entry"
#define ESCALE_SITUATION_EXIT  "exit"

typedef enum {
  ESCALE_SITUATION_LABOUR,
  ESCALE_SITUATION_EDUCATION,
  ESCALE_SITUATION_HOUSING,
  ESCALE_SITUATION_DISABILITY,
  ESCALE_SITUATION_HOMELESS,
  ESCALE_SITUATION_N_FIELDS
} EscaleSituationField;

typedef struct
{
  char *values[ESCALE_SITUATION_N_FIELDS]; /* codes, NULL = not recorded */
} EscaleSituation;

EscaleSituation    *escale_situation_new         (void);
void                escale_situation_free        (EscaleSituation       *situation);
gboolean            escale_situation_is_empty    (const EscaleSituation *situation);
gboolean            escale_situation_validate    (const EscaleSituation *situation,
                                                  EscaleSituationField  *bad_field,
                                                  GError               **error);

const char         *escale_situation_column      (EscaleSituationField   field);
const char *const  *escale_situation_codes       (EscaleSituationField   field);
const char         *escale_situation_msgid       (EscaleSituationField   field,
                                                  const char            *code,
                                                  const char           **context);
const char         *escale_situation_label       (EscaleSituationField   field,
                                                  const char            *code);
const char         *escale_situation_field_label (EscaleSituationField   field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleSituation, escale_situation_free)

EscaleSituation    *escale_store_load_situation  (EscaleStore           *store,
                                                  gint64                 enrolment_id,
                                                  const char            *moment,
                                                  GError               **error);
gboolean            escale_store_save_situation  (EscaleStore           *store,
                                                  gint64                 enrolment_id,
                                                  const char            *moment,
                                                  const EscaleSituation *situation,
                                                  GError               **error);
/* Saves @enrolment and its exit snapshot together, or neither. */
gboolean            escale_store_save_enrolment_exit (EscaleStore           *store,
                                                      EscaleEnrolment       *enrolment,
                                                      const EscaleSituation *exit_situation,
                                                      GError               **error);

G_END_DECLS
