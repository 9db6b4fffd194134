/* escale-slip.h — what the slip printed for a person shows
 *
 * The slip a worker hands across the desk: the person's next appointments
 * (when, what, where, the place's opening hours, what to bring) and the
 * next steps, printed in French and in the person's language. This is the
 * content, read from the store; src/followup/escale-person-slip.c lays it
 * out. Texts that depend on the language are made here per catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-catalog.h"
#include "escale-partner.h"
#include "escale-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64         action_id;
  char          *date;        /* YYYY-MM-DD */
  char          *time;        /* HH:MM, or NULL */
  char          *type;        /* an action_type code */
  char          *about;       /* the next step it was planned for, or NULL */
  char          *place;       /* the partner's name, the partner written on the
                               * action, else the association's name; "" when
                               * none is known */
  EscalePartner *partner;     /* the partner of the directory, or NULL */
  char          *documents;   /* what to bring to the partner's service, or NULL */
} EscaleSlipAppointment;

typedef struct
{
  char *text;
  char *due;                  /* YYYY-MM-DD, or NULL */
} EscaleSlipStep;

typedef struct
{
  gint64     person_id;
  char      *name;            /* "HADDAD Amina": the family name in capitals */
  char      *file_number;
  char      *association;     /* the association's name; "" when unset */
  char      *today;           /* YYYY-MM-DD, the day it was read */
  GPtrArray *appointments;    /* (element-type EscaleSlipAppointment), by date */
  GPtrArray *steps;           /* (element-type EscaleSlipStep) */
} EscaleSlip;

/* The slip of @person_id: with @action_id 0, every planned action of their
 * timeline dated today or later; else that planned action only (an error
 * when it is not one of theirs). The next steps are those of the actions
 * shown and of the last done action, unless an action shown is planned for
 * them. */
EscaleSlip *escale_slip_load        (EscaleStore    *store,
                                     gint64          person_id,
                                     gint64          action_id,
                                     GError        **error);
void        escale_slip_free        (EscaleSlip     *slip);

/* The language the person reads best among those Escale has a catalogue
 * for: native first, then fluent, then basic; Dari ("prs") falls back to
 * Persian ("fa"); "fr" when none. */
char       *escale_slip_language    (EscaleStore    *store,
                                     gint64          person_id);

/* “Friday 12 June 2026”, in @catalog's language. */
char       *escale_slip_format_day  (const char     *iso,
                                     EscaleCatalog  *catalog);
/* The day and time of @appointment, in @catalog's language. */
char       *escale_slip_format_when (const EscaleSlipAppointment *appointment,
                                     EscaleCatalog  *catalog);
/* The place's name, then its address, one part a line. */
char       *escale_slip_format_place (const EscaleSlipAppointment *appointment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleSlip, escale_slip_free)

G_END_DECLS
