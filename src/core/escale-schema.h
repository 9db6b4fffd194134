/* escale-schema.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The date of the last done action that counts as a contact with the
 * person whose id is the SQL expression @p: their own, their household's, or
 * a group session they did not miss. person.last_contact keeps it. */
#define ESCALE_LAST_CONTACT_OF(p) \
  "(SELECT max (d) FROM (" \
  "  SELECT max (date) AS d FROM action WHERE person_id = " p " AND +status = 'done' " \
  "  UNION ALL SELECT max (a.date) FROM household_member m CROSS JOIN action a " \
  "    ON a.household_id = m.household_id WHERE m.person_id = " p " AND +a.status = 'done' " \
  "  UNION ALL SELECT max (a.date) FROM action_participant ap CROSS JOIN action a " \
  "    ON a.id = ap.action_id WHERE ap.person_id = " p " AND +a.status = 'done' " \
  "    AND coalesce (ap.attended, 1) = 1))"


int         escale_schema_get_n_migrations (void);
const char *escale_schema_get_migration    (int version);
const char * const *escale_schema_get_migrations (int *n_migrations);

G_END_DECLS
