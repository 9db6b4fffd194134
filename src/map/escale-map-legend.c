/* escale-map-legend.c — the key to the map's colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-followup-util.h"
#include "escale-map-cluster.h"
#include "escale-map-legend.h"
#include "escale-vocab.h"

typedef struct
{
  const char *code;
  const char *label;
  guint       count;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  if (ea->count != eb->count)
    return ea->count < eb->count ? 1 : -1;
  return g_utf8_collate (ea->label, eb->label);
}

/* The themes of @points, the most frequent first. */
static GArray *
count_themes (GPtrArray *points)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const EscaleMapPoint *point = g_ptr_array_index (points, i);
      const char *code = point->theme ?: "";
      gpointer position;

      if (!g_hash_table_lookup_extended (index, code, NULL, &position))
        {
          Entry entry = { code, point->theme_label, 0 };

          if (entry.label == NULL)
            entry.label = escale_vocab_builtin_label (ESCALE_VOCAB_THEME, code);
          if (entry.label == NULL)
            entry.label = code;
          position = GUINT_TO_POINTER (entries->len);
          g_array_append_val (entries, entry);
          g_hash_table_insert (index, (gpointer) code, position);
        }
      g_array_index (entries, Entry, GPOINTER_TO_UINT (position)).count++;
    }
  g_array_sort (entries, compare_entries);
  return entries;
}

static GtkWidget *
row_new (const Entry *entry)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (entry->label);
  g_autofree char *count = g_strdup_printf ("%u", entry->count);
  GtkWidget *number = gtk_label_new (count);

  gtk_widget_add_css_class (dot, "theme-dot");
  gtk_widget_add_css_class (dot, escale_theme_css_class (entry->code));
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_box_append (GTK_BOX (row), dot);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), number);
  return row;
}

/* Public API */

GtkWidget *
escale_map_legend_new (void)
{
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (legend, "card");
  gtk_widget_set_halign (legend, GTK_ALIGN_START);
  gtk_widget_set_valign (legend, GTK_ALIGN_START);
  g_object_set (legend, "margin-start", 12, "margin-top", 12, NULL);
  gtk_widget_set_can_target (legend, FALSE);
  gtk_widget_set_visible (legend, FALSE);
  return legend;
}

void
escale_map_legend_update (GtkWidget *legend,
                          GPtrArray *points)
{
  g_autoptr(GArray) entries = NULL;
  GtkWidget *child, *title;

  g_return_if_fail (GTK_IS_BOX (legend));

  while ((child = gtk_widget_get_first_child (legend)) != NULL)
    gtk_box_remove (GTK_BOX (legend), child);
  entries = count_themes (points);
  /* Translators: the title of the map's legend, which lists the partners' themes. */
  title = gtk_label_new (_("Themes"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  g_object_set (title, "margin-start", 10, "margin-end", 10, "margin-top", 8, NULL);
  gtk_box_append (GTK_BOX (legend), title);
  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *row = row_new (&g_array_index (entries, Entry, i));

      g_object_set (row, "margin-start", 10, "margin-end", 10,
                    "margin-bottom", i + 1 == entries->len ? 8 : 0, NULL);
      gtk_box_append (GTK_BOX (legend), row);
    }
  gtk_widget_set_visible (legend, entries->len > 0);
}
