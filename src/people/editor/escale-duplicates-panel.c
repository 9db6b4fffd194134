/* escale-duplicates-panel.c — possible duplicates of the person being created
 *
 * A moment after the user stops typing a name or a birth date, the files
 * that look like the person the form shows are listed above the form, each
 * with a button that activates "editor.open-person" with its id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-duplicates-panel.h"
#include "escale-ui-util.h"

#define DELAY_MS 300
#define LIMIT    5

/* Keeps a file number or a date left-to-right inside right-to-left text. */
#define LRI "\xe2\x81\xa6"
#define PDI "\xe2\x81\xa9"

struct _EscaleDuplicatesPanel
{
  AdwBin            parent_instance;

  EscaleStore      *store;
  EscalePersonForm *form;
  guint             search_id;

  GtkRevealer      *revealer;
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (EscaleDuplicatesPanel, escale_duplicates_panel, ADW_TYPE_BIN)

/* Helpers */

static GtkWidget *
duplicate_row_new (const EscaleDuplicate *duplicate)
{
  g_autofree char *name = escale_format_person_name (duplicate->family_name,
                                                     duplicate->given_names);
  g_autofree char *birth = escale_format_birth (duplicate->birth_date,
                                                duplicate->birth_precision);
  g_autofree char *number = g_strdup_printf (LRI "%s" PDI, duplicate->file_number ?: "");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Open This File"));

  if (*birth != '\0')
    /* Translators: a possible duplicate: %1$s is its file number, %2$s its birth date */
    subtitle = g_strdup_printf (_("File %1$s · born %2$s"), number, birth);
  else
    /* Translators: a possible duplicate: %s is its file number */
    subtitle = g_strdup_printf (_("File %s"), number);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.open-person");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", duplicate->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
clear_list (EscaleDuplicatesPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/* Callbacks */

static gboolean
on_search_timeout_cb (gpointer data)
{
  EscaleDuplicatesPanel *self = data;
  g_autoptr(EscaleStore) store = g_steal_pointer (&self->store);
  g_autoptr(EscalePersonForm) form = g_steal_pointer (&self->form);
  g_autoptr(EscalePerson) person = escale_person_form_build (form, NULL);
  g_autoptr(GPtrArray) found = NULL;

  self->search_id = 0;
  clear_list (self);
  if (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME) != NULL ||
      escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES) != NULL)
    found = escale_store_find_duplicates (store, person, LIMIT);
  for (guint i = 0; found != NULL && i < found->len; i++)
    gtk_list_box_append (self->list, duplicate_row_new (g_ptr_array_index (found, i)));
  gtk_revealer_set_reveal_child (self->revealer, found != NULL && found->len > 0);
  return G_SOURCE_REMOVE;
}

/* GObject overrides */

static void
escale_duplicates_panel_dispose (GObject *object)
{
  EscaleDuplicatesPanel *self = ESCALE_DUPLICATES_PANEL (object);

  escale_duplicates_panel_cancel (self);
  /* The bin's child is the template's revealer: let the template release it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_DUPLICATES_PANEL);

  G_OBJECT_CLASS (escale_duplicates_panel_parent_class)->dispose (object);
}

static void
escale_duplicates_panel_class_init (EscaleDuplicatesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_duplicates_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/escale/Escale/people/editor/"
                                               "escale-duplicates-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleDuplicatesPanel, revealer);
  gtk_widget_class_bind_template_child (widget_class, EscaleDuplicatesPanel, list);
}

static void
escale_duplicates_panel_init (EscaleDuplicatesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * escale_duplicates_panel_schedule:
 *
 * Looks for the possible duplicates of the person @form shows, in a
 * moment: calling again before then starts the wait again.
 */
void
escale_duplicates_panel_schedule (EscaleDuplicatesPanel *self,
                                  EscaleStore           *store,
                                  EscalePersonForm      *form)
{
  g_return_if_fail (ESCALE_IS_DUPLICATES_PANEL (self));
  g_return_if_fail (ESCALE_IS_STORE (store));
  g_return_if_fail (ESCALE_IS_PERSON_FORM (form));

  escale_duplicates_panel_cancel (self);
  self->store = g_object_ref (store);
  self->form = g_object_ref (form);
  self->search_id = g_timeout_add (DELAY_MS, on_search_timeout_cb, self);
}

/* Forgets a search scheduled and not run yet. */
void
escale_duplicates_panel_cancel (EscaleDuplicatesPanel *self)
{
  g_return_if_fail (ESCALE_IS_DUPLICATES_PANEL (self));

  g_clear_handle_id (&self->search_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->form);
}

/**
 * escale_duplicates_panel_get_list:
 * @revealed: (out) (optional): whether the list is shown
 *
 * Returns: (transfer none): the list of possible duplicates
 */
GtkListBox *
escale_duplicates_panel_get_list (EscaleDuplicatesPanel *self,
                                  gboolean              *revealed)
{
  g_return_val_if_fail (ESCALE_IS_DUPLICATES_PANEL (self), NULL);

  if (revealed != NULL)
    *revealed = gtk_revealer_get_reveal_child (self->revealer);
  return self->list;
}
