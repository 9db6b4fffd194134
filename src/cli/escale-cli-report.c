/* escale-cli-report.c — escale-cli report: a funder or activity report as XLSX
 *
 *   escale-cli report --template activity|participants --from DATE --to DATE
 *                     [--programme CODE] [--language LANG] [--mask-small]
 *                     --output FILE.xlsx
 *
 * Exit status 0 when the file is written; 1 with a message and no file
 * (an older file at the same path is left as it was) when it cannot be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-cli-private.h"
#include "escale-date.h"
#include "escale-report.h"

/* Dates as the interface reads them ("31/12/2026" in French) or ISO. */
static char *
parse_date (const char  *text,
            const char  *option,
            GError     **error)
{
  EscaleDatePrecision precision;
  char *iso = escale_date_parse (text, &precision, NULL);

  if (iso == NULL || precision != ESCALE_DATE_EXACT)
    {
      g_free (iso);
      /* Translators: %s is an option, such as --from; the date format is YYYY-MM-DD */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a full date, such as 2026-12-31"), option);
      return NULL;
    }
  return iso;
}

int
escale_cli_run_report (const char  *database,
                       int          argc,
                       char       **argv)
{
  g_autofree char *template = NULL, *from = NULL, *to = NULL, *programme = NULL;
  g_autofree char *language = NULL, *output = NULL;
  gboolean mask_small = FALSE;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template,
      N_("activity or participants"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The period’s first day"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The period’s last day"), N_("DATE") },
    { "programme", 'p', 0, G_OPTION_ARG_STRING, &programme,
      N_("Only the actions of this programme (its code)"), N_("CODE") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the report, such as fr or ar (default: en)"), N_("LANG") },
    { "mask-small", 0, 0, G_OPTION_ARG_NONE, &mask_small,
      N_("Show counts from 1 to 4 as “<5” in the breakdowns"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The spreadsheet to write"), N_("FILE.xlsx") },
    { NULL }
  };
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(EscaleReportParams) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_iso = NULL, *to_iso = NULL;
  EscaleReportTemplate kind;
  int status;

  if (!escale_cli_parse_command ("report", NULL, entries, &argc, &argv, &status))
    return status;
  if (template == NULL || !escale_report_template_from_code (template, &kind))
    return escale_cli_usage_error (PROGRAM_NAME " report",
                                   _("Say which report to make: --template activity or "
                                     "--template participants"));
  if (from == NULL || to == NULL || output == NULL)
    return escale_cli_usage_error (PROGRAM_NAME " report",
                                   _("--from, --to and --output are needed"));
  if (!(from_iso = parse_date (from, "--from", &error)) ||
      !(to_iso = parse_date (to, "--to", &error)))
    return escale_cli_usage_error (PROGRAM_NAME " report", error->message);

  params = escale_report_params_new (kind, from_iso, to_iso);
  params->programme_code = g_strdup (programme);
  g_free (params->language);
  params->language = g_strdup (language ?: "en");
  params->mask_small = mask_small;
  if (!(store = escale_cli_open_store (database, TRUE, &error)) ||
      !escale_report_export (store, params, output, NULL, NULL, NULL, &error))
    return escale_cli_report_error (error);
  return EXIT_OK;
}
