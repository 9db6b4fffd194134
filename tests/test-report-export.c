/* test-report-export.c — whole reports written as XLSX and read back by Gnumeric
 *
 * The hand-counted fixture (escale-report-fixture.c), exported as a
 * treasurer would, then read with ssconvert: the values, the sheet names,
 * the totals' formulas computed again — under the French locale, where a
 * careless writer turns 5.5 hours into 5.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "escale-report-fixture.h"
#include "escale-test-util.h"
#include "escale-test-xlsx.h"

static char *
export (EscaleStore          *store,
        EscaleReportTemplate  template,
        const char           *programme,
        const char           *language,
        gboolean              mask_small)
{
  g_autoptr(EscaleReportParams) params = escale_report_params_new (template, FIXTURE_FROM,
                                                                   FIXTURE_TO);
  g_autoptr(GError) error = NULL;
  char *path = escale_test_tmp_path ("report.xlsx");

  params->programme_code = g_strdup (programme);
  g_free (params->language);
  params->language = g_strdup (language);
  params->mask_small = mask_small;
  g_assert_true (escale_report_export (store, params, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The line of @sheet (CSV fields joined by |) that starts with @label. */
static const char *
find_line (GPtrArray  *sheets,
           guint       sheet,
           const char *label)
{
  static char *found;
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = g_strconcat (label, "|", NULL);

  g_assert_cmpuint (sheet, <, sheets->len);
  lines = g_strsplit (g_ptr_array_index (sheets, sheet), "\n", -1);
  g_clear_pointer (&found, g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix) || g_str_equal (lines[i], label))
      found = g_strdup (lines[i]);
  if (found == NULL)
    g_error ("No line “%s” in:\n%s", label, (char *) g_ptr_array_index (sheets, sheet));
  return found;
}

static void
test_french (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) sheets = NULL;

  if (!escale_test_have_ssconvert ())
    return;
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("The fr_FR.UTF-8 locale is not installed");
      return;
    }
  escale_report_fixture_fill (store);
  path = export (store, ESCALE_REPORT_ACTIVITY, NULL, "fr", FALSE);
  setlocale (LC_ALL, old);

  sheets = escale_test_xlsx_read_sheets (path, "raw", NULL);
  g_assert_cmpuint (sheets->len, ==, 10);
  /* Summary: the figures exactly, in French. */
  g_assert_cmpstr (find_line (sheets, 0, "Personnes suivies"), ==, "Personnes suivies|5");
  g_assert_cmpstr (find_line (sheets, 0, "Heures de suivi"), ==, "Heures de suivi|5.5");
  g_assert_cmpstr (find_line (sheets, 0, "Aide financière (EUR)"), ==,
                   "Aide financière (EUR)|200");
  g_assert_cmpstr (find_line (sheets, 0, "Association"), ==, "Association|Escale Solidarité");
  /* By sex and age: F, M, X, unknown, then the total column; the total
   * row is Gnumeric's own sum of the formulas. */
  g_assert_cmpstr (find_line (sheets, 1, "0-17"), ==, "0-17|1|0|0|0|1");
  g_assert_cmpstr (find_line (sheets, 1, "Total"), ==, "Total|3|1|1|0|5");
  /* Volunteering: the balance of lines 86 and 87. */
  g_assert_cmpstr (find_line (sheets, 8, "Léa"), ==, "Léa|0|1.5|0|0.8|0|0|0|0|2|0|0|0.2|4.5");
  g_assert_true (g_str_has_suffix (find_line (sheets, 8, "86"), "|4.5|15|67.5"));
  g_assert_true (g_str_has_suffix (find_line (sheets, 8, "87"), "|4.5|15|67.5"));

  xml = escale_test_xlsx_read_xml (path);
  for (guint i = 0; i < 10; i++)
    {
      static const char *const names[] = {
        "Synthèse", "Par sexe et âge", "Par nationalité", "Par statut", "Par thème",
        "Orientations par partenaire", "Par mois", "Dispositifs", "Bénévolat", "Paramètres",
      };
      g_autofree char *element = g_strdup_printf ("<gnm:Name>%s</gnm:Name>", names[i]);

      g_assert_nonnull (strstr (xml, element));
    }
  g_assert_nonnull (strstr (xml, "Escale Solidarité"));
}

static void
test_masked_and_participants (void)
{
  g_autoptr(EscaleStore) store = escale_test_store_new ();
  g_autofree char *path = NULL;
  g_autofree char *participants = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (!escale_test_have_ssconvert ())
    return;
  escale_report_fixture_fill (store);
  path = export (store, ESCALE_REPORT_ACTIVITY, NULL, "en", TRUE);
  sheets = escale_test_xlsx_read_sheets (path, "raw", NULL);
  g_assert_cmpstr (find_line (sheets, 1, "0-17"), ==, "0-17|<5|0|0|0|<5");
  g_assert_cmpstr (find_line (sheets, 1, "Total"), ==, "Total|<5|<5|<5|0|5");
  /* The Summary is not a breakdown: exact. */
  g_assert_cmpstr (find_line (sheets, 0, "Minors"), ==, "Minors|1");

  participants = export (store, ESCALE_REPORT_PARTICIPANTS, "A", "en", FALSE);
  rows = escale_test_xlsx_read_sheets (participants, "raw", NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (rows, 0),
                            "|Man|46|30-54|Third country|Refugee|Unemployed|ISCED 3–4"));
  g_assert_null (strstr (g_ptr_array_index (rows, 0), "Rahimi"));      /* no names */
}

int
main (int   argc,
      char *argv[])
{
  int status;

  escale_test_xlsx_init ();
  escale_test_init (&argc, &argv);
  g_test_add_func ("/report-export/french", test_french);
  g_test_add_func ("/report-export/masked-and-participants", test_masked_and_participants);
  status = g_test_run ();
  escale_test_cleanup ();
  return status;
}
