/* escale-slip-fixture.h — people to print slips for
 *
 * Amina Haddad reads Arabic (native) and some French (basic). Her file:
 *   - a done interview of 15 January 2025 with the partner “Ancien
 *     Partenaire” (written, not linked), whose next step, without a date,
 *     is “Bring your last three payslips”;
 *   - a planned appointment, Friday 12 June 2099 at 10:30, at the Maison du
 *     Droit (12 rue de la Paix, 69001 Lyon; Mon 9:00–12:30, Thu 14:00–17:00;
 *     04 78 00 00 00), theme rights, whose service asks for a “Passport or
 *     asylum certificate”; its next step “Call us after the appointment” is
 *     due Saturday 20 June 2099, and has its own planned action that day;
 *   - a planned interview of 1 February 2025, overdue.
 * Olena Kovalenko reads Ukrainian, and has an appointment at the same
 * partner on 12 June 2099. Awa Diop reads Wolof only, which Escale has no
 * translation into. The association is “Association Escale Lyon”.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 amina;
  gint64 olena;
  gint64 awa;
  gint64 partner;
  gint64 done;          /* Amina's done interview */
  gint64 appointment;   /* Amina's appointment at the partner */
  gint64 follow_up;     /* the planned action of its next step */
  gint64 overdue;
} EscaleSlipFixture;

void escale_slip_fixture_fill (EscaleStore       *store,
                               EscaleSlipFixture *fixture);

G_END_DECLS
