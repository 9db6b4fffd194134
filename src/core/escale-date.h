/* escale-date.h — dates as people type them, and as the store keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ESCALE_DATE_EXACT,
  ESCALE_DATE_MONTH,
  ESCALE_DATE_YEAR,
  ESCALE_DATE_ESTIMATED,
} EscaleDatePrecision;

#define ESCALE_DATE_ERROR (escale_date_error_quark ())

typedef enum {
  ESCALE_DATE_ERROR_FORMAT,
  ESCALE_DATE_ERROR_INVALID,
} EscaleDateError;

GQuark      escale_date_error_quark        (void);
char       *escale_date_parse              (const char           *text,
                                            EscaleDatePrecision  *precision,
                                            GError              **error);
GDate      *escale_date_to_gdate           (const char           *iso);
char       *escale_date_today              (void);
int         escale_date_age_on             (const char           *birth_iso,
                                            const char           *on_iso);
char       *escale_date_format             (const char           *iso,
                                            EscaleDatePrecision   precision);
const char *escale_date_precision_to_code  (EscaleDatePrecision   precision);
EscaleDatePrecision escale_date_precision_from_code (const char  *code);

/* The English name of @month (1 = January … 12), marked NC_("month", …):
 * translate it with g_dpgettext2 (GETTEXT_PACKAGE, "month", …) or with a
 * catalogue's escale_catalog_pgettext (catalog, "month", …). */
const char *escale_date_month_msgid        (guint                 month);
/* The same for the days of the week, 1 = Monday … 7 = Sunday, marked
 * NC_("weekday", …). */
const char *escale_date_weekday_msgid      (guint                 weekday);

G_END_DECLS
