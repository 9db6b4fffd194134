/* escale-partner-row.c — one partner in the directory's list
 *
 * Name; kind · city; a dot per theme of its services; its free places and
 * how old that figure is (dimmed, with a warning, when stale); "Inactive".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-followup-util.h"
#include "escale-partner-item.h"
#include "escale-partner-row.h"
#include "escale-vocab.h"

struct _EscalePartnerRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *name_label;
  GtkWidget *inactive_label;
  GtkLabel  *details_label;
  GtkBox    *dots;
  GtkWidget *capacity_box;
  GtkWidget *warning_icon;
  GtkLabel  *capacity_label;
};

G_DEFINE_FINAL_TYPE (EscalePartnerRow, escale_partner_row, GTK_TYPE_WIDGET)

typedef struct
{
  EscaleNowFunc func;
  gpointer      data;
} NowClosure;

static GtkLabel *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static void
set_dots (EscalePartnerRow     *self,
          EscalePartnerSummary *summary)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->dots))) != NULL)
    gtk_box_remove (self->dots, child);
  for (guint i = 0; summary != NULL && summary->themes[i] != NULL; i++)
    {
      GtkWidget *dot = gtk_image_new ();
      g_autofree char *label = escale_vocab_get_label (NULL, ESCALE_VOCAB_THEME,
                                                       summary->themes[i]);

      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (dot, "theme-dot");
      gtk_widget_add_css_class (dot, escale_theme_css_class (summary->themes[i]));
      gtk_widget_set_tooltip_text (dot, label);
      gtk_box_append (self->dots, dot);
    }
}

static void
escale_partner_row_dispose (GObject *object)
{
  EscalePartnerRow *self = ESCALE_PARTNER_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (escale_partner_row_parent_class)->dispose (object);
}

static void
escale_partner_row_class_init (EscalePartnerRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_partner_row_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "partner-row");
}

static void
escale_partner_row_init (EscalePartnerRow *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "partner-row");

  self->name_label = new_label ("heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  self->inactive_label = gtk_label_new (_("Inactive"));
  gtk_widget_add_css_class (self->inactive_label, "closed-tag");
  gtk_widget_set_valign (self->inactive_label, GTK_ALIGN_CENTER);
  self->dots = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (top), self->inactive_label);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->dots));

  self->details_label = new_label ("dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "caption");

  self->capacity_box = bottom;
  self->warning_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->warning_icon, "warning");
  self->capacity_label = new_label ("caption");
  gtk_box_append (GTK_BOX (bottom), self->warning_icon);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->capacity_label));

  gtk_box_append (GTK_BOX (self->box), top);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->details_label));
  gtk_box_append (GTK_BOX (self->box), bottom);
}

EscalePartnerRow *
escale_partner_row_new (void)
{
  return g_object_new (ESCALE_TYPE_PARTNER_ROW, NULL);
}

/**
 * escale_partner_style_capacity:
 * @warning_icon: (nullable): shown only when the figure is stale
 *
 * Marks @label "capacity-stale" (dim, italic) when the figure is too old
 * to trust, "capacity-aging" when it is getting old.
 */
void
escale_partner_style_capacity (GtkWidget  *label,
                               GtkWidget  *warning_icon,
                               const char *updated_at,
                               GDateTime  *now)
{
  EscaleCapacityFreshness freshness = escale_capacity_freshness (updated_at, now);

  g_return_if_fail (GTK_IS_WIDGET (label));

  if (freshness == ESCALE_CAPACITY_STALE)
    gtk_widget_add_css_class (label, "capacity-stale");
  else
    gtk_widget_remove_css_class (label, "capacity-stale");
  if (freshness == ESCALE_CAPACITY_AGING)
    gtk_widget_add_css_class (label, "capacity-aging");
  else
    gtk_widget_remove_css_class (label, "capacity-aging");
  if (warning_icon != NULL)
    {
      gtk_widget_set_visible (warning_icon, freshness == ESCALE_CAPACITY_STALE);
      gtk_widget_set_tooltip_text (warning_icon, _("This figure is old: ask the partner again"));
    }
}

/**
 * escale_partner_format_details:
 *
 * Returns: (transfer full): the partner's kind and town, "Association ·
 *   Lyon", either alone, or an empty string
 */
char *
escale_partner_format_details (const EscalePartnerSummary *summary)
{
  g_autofree char *kind = NULL;
  const char *city;

  g_return_val_if_fail (summary != NULL, NULL);

  kind = summary->kind ? escale_vocab_get_label (NULL, ESCALE_VOCAB_PARTNER_KIND, summary->kind)
                       : NULL;
  city = summary->city;
  if (kind != NULL && city != NULL)
    return g_strdup_printf ("%s · %s", kind, city);
  return g_strdup (kind ? kind : city ? city : "");
}

/**
 * escale_partner_row_set_summary:
 * @summary: (nullable): the partner shown, or %NULL to empty the row
 */
void
escale_partner_row_set_summary (EscalePartnerRow     *self,
                                EscalePartnerSummary *summary,
                                GDateTime            *now)
{
  g_autofree char *details = NULL;
  g_autofree char *capacity = NULL;
  gboolean counted;

  g_return_if_fail (ESCALE_IS_PARTNER_ROW (self));

  set_dots (self, summary);
  if (summary == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->details_label, "");
      gtk_widget_set_visible (self->inactive_label, FALSE);
      gtk_widget_set_visible (self->capacity_box, FALSE);
      return;
    }
  g_return_if_fail (now != NULL);
  details = escale_partner_format_details (summary);
  gtk_label_set_label (self->name_label, summary->name);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
  gtk_widget_set_visible (self->inactive_label, !summary->active);
  gtk_widget_set_opacity (self->box, summary->active ? 1.0 : 0.6);
  counted = summary->free_places != ESCALE_PARTNER_UNSET;
  gtk_widget_set_visible (self->capacity_box, counted);
  if (!counted)
    return;
  capacity = escale_capacity_format (summary->free_places, summary->oldest_update, now);
  gtk_label_set_label (self->capacity_label, capacity);
  escale_partner_style_capacity (GTK_WIDGET (self->capacity_label), self->warning_icon,
                                 summary->oldest_update, now);
}

/**
 * escale_partner_row_is_stale:
 *
 * Returns: whether the row shows its free places as too old to trust
 */
gboolean
escale_partner_row_is_stale (EscalePartnerRow *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_ROW (self), FALSE);
  return gtk_widget_get_visible (self->capacity_box) &&
         gtk_widget_has_css_class (GTK_WIDGET (self->capacity_label), "capacity-stale");
}

static void
setup_row (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
           GtkListItem                            *item)
{
  gtk_list_item_set_child (item, GTK_WIDGET (escale_partner_row_new ()));
}

static void
bind_row (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
          GtkListItem                            *item,
          NowClosure                             *now)
{
  g_autoptr(GDateTime) time = now->func (now->data);
  EscalePartnerItem *partner = gtk_list_item_get_item (item);

  escale_partner_row_set_summary (ESCALE_PARTNER_ROW (gtk_list_item_get_child (item)),
                                  escale_partner_item_get_summary (partner), time);
}

static void
unbind_row (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
            GtkListItem                            *item)
{
  escale_partner_row_set_summary (ESCALE_PARTNER_ROW (gtk_list_item_get_child (item)), NULL,
                                  NULL);
}

static void
free_now_closure (gpointer data,
                  G_GNUC_UNUSED GClosure *closure)
{
  g_free (data);
}

/**
 * escale_partner_row_factory_new:
 *
 * Returns: (transfer full): a factory of rows for lists of #EscalePartnerItem
 */
GtkListItemFactory *
escale_partner_row_factory_new (EscaleNowFunc now_func,
                                gpointer      data)
{
  GtkListItemFactory *factory;
  NowClosure *now;

  g_return_val_if_fail (now_func != NULL, NULL);
  factory = gtk_signal_list_item_factory_new ();
  now = g_new0 (NowClosure, 1);
  now->func = now_func;
  now->data = data;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_row), now, free_now_closure, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  return factory;
}
