/* escale-cli-partners.c — escale-cli partners: the directory, one line each
 *
 *   escale-cli partners [--theme T] [--free]
 *
 * Each line: code, name, kind code, city, theme codes (separated by |),
 * free places (empty when no service has a figure), and "stale" when the
 * oldest of those figures is 30 days old or more — separated by tabs. The
 * active partners only, by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "escale-cli-private.h"
#include "escale-partner-store.h"
#include "escale-vocab.h"

static void
print_partner (const EscalePartnerSummary *summary,
               GDateTime                  *now)
{
  g_autofree char *themes = g_strjoinv ("|", summary->themes);
  g_autofree char *free_places = NULL;
  gboolean stale = FALSE;

  if (summary->free_places != ESCALE_PARTNER_UNSET)
    {
      free_places = g_strdup_printf ("%" G_GINT64_FORMAT, summary->free_places);
      stale = escale_capacity_freshness (summary->oldest_update, now) == ESCALE_CAPACITY_STALE;
    }
  escale_cli_print_field (summary->code, '\t');
  escale_cli_print_field (summary->name, '\t');
  escale_cli_print_field (summary->kind, '\t');
  escale_cli_print_field (summary->city, '\t');
  escale_cli_print_field (themes, '\t');
  escale_cli_print_field (free_places, '\t');
  /* A fixed word, for scripts: not translated. */
  escale_cli_print_field (stale ? "stale" : "", '\n');
}

static gboolean
print_partners (EscaleStore                *store,
                const EscalePartnerFilter  *filter,
                GError                    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) ids = escale_store_list_partners (store, filter, error);
  g_autoptr(GPtrArray) summaries = NULL;

  if (ids == NULL)
    return FALSE;
  summaries = escale_store_load_partner_summaries (store, (const gint64 *) ids->data, ids->len,
                                                   error);
  if (summaries == NULL)
    return FALSE;
  for (guint i = 0; i < summaries->len; i++)
    print_partner (g_ptr_array_index (summaries, i), now);
  fflush (stdout);
  return TRUE;
}

int
escale_cli_run_partners (const char  *database,
                         int          argc,
                         char       **argv)
{
  g_autofree char *theme = NULL;
  gboolean free_places = FALSE;
  GOptionEntry entries[] = {
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_("Only the partners with a service of this theme (a code, such as housing)"), N_("T") },
    { "free", 0, 0, G_OPTION_ARG_NONE, &free_places,
      N_("Only the partners with free places (in a service of the theme)"), NULL },
    { NULL }
  };
  EscalePartnerFilter filter = { 0 };
  g_autoptr(EscaleStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!escale_cli_parse_command ("partners", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return escale_cli_usage_error (PROGRAM_NAME " partners", _("This command takes no argument"));
  if (!(store = escale_cli_open_store (database, TRUE, &error)))
    return escale_cli_report_error (error);
  if (theme != NULL && !escale_vocab_has_code (store, ESCALE_VOCAB_THEME, theme))
    {
      /* Translators: %s is what was given to --theme */
      g_autofree char *message = g_strdup_printf (_("Unknown theme “%s”"), theme);

      return escale_cli_usage_error (PROGRAM_NAME " partners", message);
    }
  filter.theme = theme;
  filter.has_free_places = free_places;
  if (!print_partners (store, &filter, &error))
    return escale_cli_report_error (error);
  return EXIT_OK;
}
