/* escale-person-row.c — one person in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-language.h"
#include "escale-person-row.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscalePersonRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *details_label;
  GtkWidget *closed_label;
  EscaleStore *store;     /* nullable: for the labels users renamed */
};

G_DEFINE_FINAL_TYPE (EscalePersonRow, escale_person_row, GTK_TYPE_WIDGET)

/* "2026-0142 · Refugee · 34 years"; the file number is kept left-to-right
 * inside right-to-left text by isolating it. */
static char *
format_details (EscalePersonRow     *self,
                EscalePersonSummary *summary)
{
  g_autoptr(GString) details = g_string_new (NULL);
  const char *status = escale_person_summary_get_status (summary);
  g_autofree char *today = escale_date_today ();
  int age = escale_date_age_on (escale_person_summary_get_birth_date (summary), today);

  /* A line of values takes the interface's direction (escale-language.h). */
  g_string_append (details, escale_direction_mark ());
  g_string_append_printf (details, ESCALE_ISOLATE_LTR ("%s"),
                          escale_person_summary_get_file_number (summary) ?: "");
  if (status != NULL)
    {
      g_autofree char *label = escale_vocab_get_label (self->store, ESCALE_VOCAB_STATUS,
                                                       status);
      g_string_append_printf (details, " · %s", label);
    }
  if (age >= 0)
    {
      g_string_append (details, " · ");
      /* Translators: a person's age */
      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", age),
                              age);
    }
  return g_string_free (g_steal_pointer (&details), FALSE);
}

static void
escale_person_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ESCALE_TYPE_PERSON_ROW);
  g_clear_object (&ESCALE_PERSON_ROW (object)->store);

  G_OBJECT_CLASS (escale_person_row_parent_class)->dispose (object);
}

static void
escale_person_row_class_init (EscalePersonRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_person_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/people/escale-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePersonRow, box);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonRow, closed_label);
}

static void
escale_person_row_init (EscalePersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

EscalePersonRow *
escale_person_row_new (void)
{
  return g_object_new (ESCALE_TYPE_PERSON_ROW, NULL);
}

void
escale_person_row_set_summary (EscalePersonRow     *self,
                               EscalePersonSummary *summary)
{
  g_autofree char *name = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (ESCALE_IS_PERSON_ROW (self));

  if (summary == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->details_label, "");
      gtk_widget_set_visible (self->closed_label, FALSE);
      return;
    }
  name = escale_format_person_name (escale_person_summary_get_family_name (summary),
                                    escale_person_summary_get_given_names (summary));
  details = format_details (self, summary);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->details_label, details);
  adw_avatar_set_text (self->avatar, name);
  gtk_widget_set_visible (self->closed_label, escale_person_summary_get_closed (summary));
  gtk_widget_set_opacity (self->box, escale_person_summary_get_closed (summary) ? 0.6 : 1.0);
}

static void
setup_row (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
           GtkListItem                            *item,
           EscaleStore                            *store)
{
  EscalePersonRow *row = escale_person_row_new ();

  g_set_object (&row->store, store);
  gtk_list_item_set_child (item, GTK_WIDGET (row));
}

static void
bind_row (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
          GtkListItem                            *item)
{
  escale_person_row_set_summary (ESCALE_PERSON_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_row (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
            GtkListItem                            *item)
{
  escale_person_row_set_summary (ESCALE_PERSON_ROW (gtk_list_item_get_child (item)), NULL);
}

/**
 * escale_person_row_factory_new:
 * @store: (nullable): the store whose vocabulary labels the rows show
 *
 * Returns: (transfer full): a factory of rows for lists of
 *   #EscalePersonSummary
 */
GtkListItemFactory *
escale_person_row_factory_new (EscaleStore *store)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_row),
                         store ? g_object_ref (store) : NULL,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  return factory;
}
