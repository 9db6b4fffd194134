/* escale-referral-services.h — the services a referral can go to, as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-partner.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* What the referral dialog looks for. */
typedef struct
{
  gint64       partner_id;    /* 0: any partner */
  const char  *theme;         /* NULL: any theme */
  const char  *eligibility;   /* NULL: anyone */
  const char **also_open_to;  /* (nullable) more eligibility codes that also fit the person */
  gboolean     has_free_places;
} EscaleServiceQuery;

typedef struct
{
  gint64    partner_id;
  gint64    service_id;
  char     *partner_name;
  char     *city;
  char     *theme;
  GStrv     eligibility;
  gint64    capacity_free;    /* ESCALE_PARTNER_UNSET when not counted */
  char     *capacity_updated_at;
  gboolean  open_now;
  gboolean  has_hours;
} EscaleServiceMatch;

void       escale_service_match_free     (EscaleServiceMatch       *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleServiceMatch, escale_service_match_free)

/* The services of the active partners that @query keeps, by partner name.
 * (element-type EscaleServiceMatch) */
GPtrArray *escale_service_query_run      (EscaleStore              *store,
                                          const EscaleServiceQuery *query,
                                          GDateTime                *now,
                                          GError                  **error);
/* A row for @match with a check button in @group (nullable: the first of
 * its group), returned in @check. */
GtkWidget *escale_referral_service_row_new (EscaleStore              *store,
                                            const EscaleServiceMatch *match,
                                            GtkCheckButton           *group,
                                            GDateTime                *now,
                                            GtkCheckButton          **check);

G_END_DECLS
