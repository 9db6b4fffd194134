/* bench-report-xlsx.c — time and memory to write a sheet of 100 000 participants
 *
 * Prints the time to build the model and to write it, the workbook's size,
 * and the process's peak memory before and after writing (the writer keeps
 * every cell in memory: libxlsxwriter's constant_memory mode refuses tables).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>

#include "escale-report-model.h"

#define N_ROWS 100000

static long
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static EscaleReport *
build_report (void)
{
  const char *const headers[] = { "File", "Family name", "Given names", "First seen", "Actions",
                                  "Hours", "Value", "Programme", NULL };
  EscaleReport *report = escale_report_new ("Participants", "Association Escale", "en");
  EscaleReportSheet *sheet = escale_report_add_sheet (report, "Participants");
  EscaleReportTable *table = escale_report_sheet_add_table (sheet, "Participants", headers);

  table->total_row = TRUE;
  for (guint i = 0; i < N_ROWS; i++)
    {
      EscaleReportCell *row = escale_report_table_add_row (table);
      g_autofree char *file = g_strdup_printf ("E-%06u", i);
      g_autofree char *family = g_strdup_printf ("Family name %u", i % 5000);
      g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 1 + i % 12, 1 + i % 28);

      escale_report_cell_set_text (&row[0], file);
      escale_report_cell_set_text (&row[1], family);
      escale_report_cell_set_text (&row[2], i % 2 ? "Amina" : "Yonas");
      escale_report_cell_set_date (&row[3], date);
      escale_report_cell_set_number (&row[4], ESCALE_CELL_COUNT, i % 23);
      escale_report_cell_set_number (&row[5], ESCALE_CELL_HOURS, (i % 50) / 2.0);
      escale_report_cell_set_number (&row[6], ESCALE_CELL_EUROS, (i % 50) * 5.76);
      escale_report_cell_set_text (&row[7], i % 3 ? "Welcome" : "Housing");
    }
  return report;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("escale-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "participants.xlsx", NULL);
  g_autoptr(EscaleReport) report = NULL;
  GStatBuf info;
  gint64 start;
  double build_s, write_s;
  long model_kib;

  setlocale (LC_ALL, "");
  start = g_get_monotonic_time ();
  report = build_report ();
  build_s = (g_get_monotonic_time () - start) / 1e6;
  model_kib = peak_kib ();

  start = g_get_monotonic_time ();
  if (!escale_report_write_xlsx (report, path, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  write_s = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpint (g_stat (path, &info), ==, 0);

  g_print ("rows: %d × 8 columns\n", N_ROWS);
  g_print ("model built: %.2f s, peak memory %ld MiB\n", build_s, model_kib / 1024);
  g_print ("workbook written: %.2f s, %.1f MiB, peak memory %ld MiB\n", write_s,
           info.st_size / 1048576.0, peak_kib () / 1024);
  g_unlink (path);
  g_rmdir (folder);
  return 0;
}
