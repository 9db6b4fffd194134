/* escale-report-settings.h — what reports take from the association's settings
 *
 * Kept in the database (table setting), not in GSettings: they belong to
 * the association's data, are the same on every computer and for the
 * command-line tool, and are saved with each report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

/* How volunteers' hours are valued in the accounts (lines 86 and 87). */
typedef enum {
  ESCALE_VALUATION_MINIMUM_WAGE,          /* the gross hourly minimum wage */
  ESCALE_VALUATION_MINIMUM_WAGE_CHARGED,  /* the same with employer charges */
  ESCALE_VALUATION_CUSTOM,                /* a rate the association chose */
} EscaleValuation;

typedef struct
{
  char            *association;       /* the association's name; "" when unset */
  char            *address;           /* its postal address, lines apart; "" when unset */
  GStrv            volunteers;        /* the workers (action.worker) who are volunteers; never NULL */
  EscaleValuation  valuation;
  gint64           hourly_rate_cents; /* the rate used, whatever the method */
} EscaleReportSettings;

EscaleReportSettings *escale_report_settings_new  (void);
void                  escale_report_settings_free (EscaleReportSettings *settings);
/* The saved settings, or the defaults (minimum wage at its default rate,
 * no volunteer) for those never saved. */
EscaleReportSettings *escale_report_settings_load (EscaleStore                *store,
                                                   GError                    **error);
/* Saves them all in one transaction; refuses a negative rate. */
gboolean              escale_report_settings_save (EscaleStore                *store,
                                                   const EscaleReportSettings *settings,
                                                   GError                    **error);

/* The default hourly rate of a method, in cents (CUSTOM: that of MINIMUM_WAGE). */
gint64                escale_valuation_default_rate (EscaleValuation valuation);
/* Stable codes ("minimum_wage", "minimum_wage_charged", "custom") and back. */
const char           *escale_valuation_to_code      (EscaleValuation valuation);
gboolean              escale_valuation_from_code    (const char      *code,
                                                     EscaleValuation *valuation);
/* The method's name, untranslated (mark with NC_("valuation", …)): translate
 * it with g_dpgettext2 (NULL, "valuation", …) or a catalogue. */
const char           *escale_valuation_msgid        (EscaleValuation valuation);

/* The workers named in actions (action.worker), each once, blanks left out,
 * sorted for the locale: those who may be marked as volunteers. */
GStrv                 escale_store_list_workers     (EscaleStore     *store,
                                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleReportSettings, escale_report_settings_free)

G_END_DECLS
