/* escale-person-results.c — people found by name or file number, as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-editor-util.h"
#include "escale-person-results.h"
#include "escale-search.h"
#include "escale-ui-util.h"

#define PERSON_KEY "escale-person-id"

char *
escale_person_summary_dup_name (EscalePersonSummary *summary)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_SUMMARY (summary), NULL);

  return escale_format_person_name (escale_person_summary_get_family_name (summary),
                                    escale_person_summary_get_given_names (summary));
}

/**
 * escale_person_result_row_new:
 *
 * Returns: (transfer floating): an #AdwActionRow
 */
GtkWidget *
escale_person_result_row_new (EscalePersonSummary *summary)
{
  g_autofree char *name = escale_person_summary_dup_name (summary);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               escale_person_summary_get_file_number (summary));
  g_object_set_data (G_OBJECT (row), PERSON_KEY,
                     GSIZE_TO_POINTER ((gsize) escale_person_summary_get_id (summary)));
  return row;
}

gint64
escale_person_result_row_get_id (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), 0);

  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), PERSON_KEY));
}

void
escale_person_results_clear (GtkListBox *results)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (results));

  while ((row = gtk_list_box_get_row_at_index (results, 0)) != NULL)
    gtk_list_box_remove (results, GTK_WIDGET (row));
}

/**
 * escale_person_results_fill:
 * @n_skipped: how many people @skip may leave out: so many more are looked for
 *
 * Returns: how many rows are shown
 */
guint
escale_person_results_fill (GtkListBox       *results,
                            EscaleStore      *store,
                            const char       *query,
                            guint             max,
                            guint             n_skipped,
                            EscalePersonSkip  skip,
                            gpointer          data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  guint shown = 0;

  g_return_val_if_fail (GTK_IS_LIST_BOX (results), 0);

  escale_person_results_clear (results);
  if (store == NULL || escale_editor_is_blank (query))
    return 0;
  ids = escale_store_search_people (store, query, NULL, max + n_skipped, NULL);
  if (ids != NULL && ids->len > 0)
    summaries = escale_store_load_summaries (store, (const gint64 *) ids->data, ids->len);
  for (guint i = 0; summaries != NULL && i < summaries->len && shown < max; i++)
    {
      EscalePersonSummary *summary = g_ptr_array_index (summaries, i);
      GtkWidget *row;

      if (skip != NULL && skip (escale_person_summary_get_id (summary), data))
        continue;
      row = escale_person_result_row_new (summary);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (results, row);
      shown++;
    }
  return shown;
}
