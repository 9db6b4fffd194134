/* escale-partner-hours.h — opening hours: open now, open on a day, as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-catalog.h"
#include "escale-partner.h"

G_BEGIN_DECLS

gboolean    escale_hours_parse_time           (const char  *text,
                                               int         *minutes);
const char *escale_weekday_abbreviation       (guint        weekday);
guint       escale_weekday_of_date            (const char  *iso_date);

/* @slots: (element-type EscalePartnerHours) (nullable)
 * @closures: (element-type EscalePartnerClosure) (nullable) */
gboolean    escale_hours_is_closed_on         (GArray      *closures,
                                               const char  *iso_date);
gboolean    escale_hours_is_open_at           (GArray      *slots,
                                               GArray      *closures,
                                               GDateTime   *when);
gboolean    escale_hours_is_open_on_weekday   (GArray      *slots,
                                               guint        weekday);
gboolean    escale_hours_is_open_on_date      (GArray      *slots,
                                               GArray      *closures,
                                               const char  *iso_date);
char       *escale_hours_format_day           (GArray      *slots,
                                               guint        weekday);
char       *escale_hours_format               (GArray      *slots);
/* The same in the language of @catalog. */
char       *escale_hours_format_in            (GArray        *slots,
                                               EscaleCatalog *catalog);

G_END_DECLS
