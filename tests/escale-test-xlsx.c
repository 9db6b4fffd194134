/* escale-test-xlsx.c — workbooks read back by an independent reader, Gnumeric
 *
 * ssconvert (ESCALE_SSCONVERT, set by meson): --recalc makes Gnumeric
 * compute every formula again, each sheet is exported as CSV, and the
 * document's properties and sheet names come from Gnumeric's own XML.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "escale-csv.h"
#include "escale-test-util.h"
#include "escale-test-xlsx.h"

/* Gnumeric 1.12.55 does not read Excel's tables (their cells it reads):
 * it says so for every sheet that has one, whoever wrote the file. */
#define IGNORED_TABLE_WARNING "Unexpected element 'tableParts' in state : \n\tworksheet\n"

static const char *ssconvert;
/* The environment before g_test_init() isolated the XDG folders, where
 * Gnumeric finds its settings' schemas and icons */
static GStrv initial_environ;

void
escale_test_xlsx_init (void)
{
  initial_environ = g_get_environ ();
  ssconvert = g_getenv ("ESCALE_SSCONVERT");
}

gboolean
escale_test_have_ssconvert (void)
{
  if (ssconvert != NULL)
    return TRUE;
  g_test_skip ("ssconvert (Gnumeric) is not installed");
  return FALSE;
}

/* The environment of ssconvert: the test's own folders for its settings,
 * the system's data, C.UTF-8, warnings not fatal. */
static GStrv
ssconvert_environ (void)
{
  GStrv envp = g_strdupv (initial_environ);

  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  return envp;
}

/* Runs ssconvert with @args (NULL-terminated); it must succeed and say
 * nothing. */
static void
run_ssconvert (const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = ssconvert_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) complaints = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) ssconvert);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  complaints = g_string_new (err);
  g_string_replace (complaints, IGNORED_TABLE_WARNING, "", 0);
  g_assert_cmpstr (complaints->str, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* A CSV file as "field|field" lines, without the empty fields ending a
 * line, one empty line for several, none at the end. */
static char *
normalize_csv (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EscaleCsv) csv = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) fields = NULL;
  g_autofree char *line = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  csv = escale_csv_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  while (escale_csv_next_record (csv, &fields, NULL, &error))
    {
      guint n = g_strv_length (fields);

      while (n > 0 && fields[n - 1][0] == '\0')
        g_clear_pointer (&fields[--n], g_free);
      if (n == 0 && (text->len == 0 || g_str_has_suffix (text->str, "\n\n")))
        {
          g_clear_pointer (&fields, g_strfreev);
          continue;
        }
      line = g_strjoinv ("|", fields);
      g_string_append_printf (text, "%s\n", line);
      g_clear_pointer (&line, g_free);
      g_clear_pointer (&fields, g_strfreev);
    }
  g_assert_no_error (error);
  while (g_str_has_suffix (text->str, "\n\n"))
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Each sheet of @path as normalized CSV, formulas computed again;
 * @format: "raw" (values) or "preserve" (as the cells' formats show them);
 * @set: a cell to change first ("B7=2000", on the first sheet) or NULL. */
GPtrArray *
escale_test_xlsx_read_sheets (const char *path,
             const char *format,
             const char *set)
{
  g_autofree char *folder = escale_test_tmp_path ("csv");
  g_autofree char *out = g_build_filename (folder, "sheet.csv", NULL);
  g_autofree char *options = g_strdup_printf ("separator=, format=%s eol=unix charset=UTF-8",
                                              format);
  GPtrArray *sheets = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  if (set != NULL)
    run_ssconvert ("--recalc", "--set", set, "-S", "-T", "Gnumeric_stf:stf_assistant",
                   "-O", options, path, out, NULL);
  else
    run_ssconvert ("--recalc", "-S", "-T", "Gnumeric_stf:stf_assistant", "-O", options, path,
                   out, NULL);
  for (guint i = 0;; i++)
    {
      g_autofree char *sheet = g_strdup_printf ("%s.%u", out, i);

      if (!g_file_test (sheet, G_FILE_TEST_EXISTS))
        break;
      g_ptr_array_add (sheets, normalize_csv (sheet));
    }
  return sheets;
}

/* The workbook in Gnumeric's XML: its properties, sheet names, objects. */
char *
escale_test_xlsx_read_xml (const char *path)
{
  g_autofree char *out = escale_test_tmp_path ("workbook.xml");
  g_autoptr(GError) error = NULL;
  char *xml = NULL;

  run_ssconvert ("-T", "Gnumeric_XmlIO:sax:0", path, out, NULL);
  g_assert_true (g_file_get_contents (out, &xml, NULL, &error));
  g_assert_no_error (error);
  return xml;
}
