/* escale-participants-editor.c — the people who take part in a group session
 *
 * People are found by name or file number (the store's search), added as
 * rows, each with its attendance — present, absent, or neither while not
 * recorded — and a button to remove them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-editor-util.h"
#include "escale-participants-editor.h"
#include "escale-person-results.h"
#include "escale-ui-util.h"

#define N_RESULTS 8

typedef struct
{
  EscaleParticipantsEditor *editor;
  gint64                    person_id;
  GtkWidget                *row;
  GtkToggleButton          *present;
  GtkToggleButton          *absent;
  GtkButton                *remove;
} Item;

struct _EscaleParticipantsEditor
{
  AdwPreferencesGroup  parent_instance;

  EscaleStore         *store;
  GPtrArray           *items;   /* Item, in the order they were added */

  GtkMenuButton       *add_button;
  GtkPopover          *search_popover;
  GtkSearchEntry      *search_entry;
  GtkListBox          *results;
  GtkLabel            *no_results;
  GtkWidget           *empty_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (EscaleParticipantsEditor, escale_participants_editor,
                     ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static Item *
find_item (EscaleParticipantsEditor *self,
           gint64                    person_id,
           guint                    *index)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->person_id == person_id)
        {
          if (index != NULL)
            *index = i;
          return item;
        }
    }
  return NULL;
}

static void
update_empty (EscaleParticipantsEditor *self)
{
  guint n = self->items->len;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (self->empty_row, n == 0);
  if (n > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

static void
clear_results (EscaleParticipantsEditor *self)
{
  escale_person_results_clear (self->results);
  gtk_widget_set_visible (GTK_WIDGET (self->no_results), FALSE);
}

static gboolean
is_participant (gint64   person_id,
                gpointer self)
{
  return find_item (self, person_id, NULL) != NULL;
}

static void
search (EscaleParticipantsEditor *self,
        const char               *query)
{
  guint shown;

  clear_results (self);
  if (self->store == NULL || escale_editor_is_blank (query))
    return;
  /* A few more than shown: those already taking part are left out. */
  shown = escale_person_results_fill (self->results, self->store, query, N_RESULTS,
                                      self->items->len, is_participant, self);
  gtk_widget_set_visible (GTK_WIDGET (self->no_results), shown == 0);
}

/* Callbacks */

/* Present and absent exclude each other; neither means not recorded. */
static void
on_attendance_toggled_cb (GtkToggleButton *button,
                          Item            *item)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_toggle_button_set_active (button == item->present ? item->absent : item->present, FALSE);
}

static void
on_remove_clicked_cb (GtkButton *button G_GNUC_UNUSED,
                      Item      *item)
{
  escale_participants_editor_remove (item->editor, item->person_id);
}

static void
on_search_changed_cb (EscaleParticipantsEditor *self,
                      GtkSearchEntry           *entry)
{
  search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_result_activated_cb (EscaleParticipantsEditor *self,
                        GtkListBoxRow            *row)
{
  escale_participants_editor_add (self, escale_person_result_row_get_id (GTK_WIDGET (row)),
                                  ESCALE_ATTENDANCE_UNKNOWN);
  /* The popover stays open, ready for the next person. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Enter adds the first person found. */
static void
on_search_activate_cb (EscaleParticipantsEditor *self)
{
  GtkListBoxRow *first;

  search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first != NULL)
    on_result_activated_cb (self, first);
}

static void
on_search_popover_show_cb (EscaleParticipantsEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject overrides */

static void
escale_participants_editor_dispose (GObject *object)
{
  EscaleParticipantsEditor *self = ESCALE_PARTICIPANTS_EDITOR (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (escale_participants_editor_parent_class)->dispose (object);
}

static void
escale_participants_editor_finalize (GObject *object)
{
  EscaleParticipantsEditor *self = ESCALE_PARTICIPANTS_EDITOR (object);

  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (escale_participants_editor_parent_class)->finalize (object);
}

static void
escale_participants_editor_class_init (EscaleParticipantsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_participants_editor_dispose;
  object_class->finalize = escale_participants_editor_finalize;

  /**
   * EscaleParticipantsEditor::changed:
   *
   * A participant was added or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/followup/"
                                               "escale-participants-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsEditor, search_popover);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsEditor, results);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsEditor, no_results);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsEditor, empty_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleParticipantsEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_popover_show_cb);
}

static void
escale_participants_editor_init (EscaleParticipantsEditor *self)
{
  self->items = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

void
escale_participants_editor_set_store (EscaleParticipantsEditor *self,
                                      EscaleStore              *store)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self));
  g_return_if_fail (ESCALE_IS_STORE (store));

  g_set_object (&self->store, store);
}

static GtkToggleButton *
attendance_button_new (Item       *item,
                       const char *label,
                       gboolean    active)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
  g_signal_connect (button, "toggled", G_CALLBACK (on_attendance_toggled_cb), item);
  return GTK_TOGGLE_BUTTON (button);
}

static GtkWidget *
item_suffix (Item             *item,
             EscaleAttendance  attended,
             const char       *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *remove_label = NULL;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (linked, "linked");
  /* Translators: the person took part in the session */
  item->present = attendance_button_new (item, C_("attendance", "Present"),
                                         attended == ESCALE_ATTENDANCE_PRESENT);
  /* Translators: the person was expected but did not come */
  item->absent = attendance_button_new (item, C_("attendance", "Absent"),
                                        attended == ESCALE_ATTENDANCE_ABSENT);
  gtk_box_append (GTK_BOX (linked), GTK_WIDGET (item->present));
  gtk_box_append (GTK_BOX (linked), GTK_WIDGET (item->absent));
  gtk_box_append (GTK_BOX (box), linked);

  item->remove = GTK_BUTTON (gtk_button_new_from_icon_name ("user-trash-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (item->remove), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (item->remove), _("Remove Participant"));
  /* Translators: the accessible label of a button; %s is a person's name */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_signal_connect (item->remove, "clicked", G_CALLBACK (on_remove_clicked_cb), item);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->remove));
  return box;
}

/**
 * escale_participants_editor_add:
 *
 * Adds @person_id, unless already there or unknown to the store.
 *
 * Returns: %TRUE when added
 */
gboolean
escale_participants_editor_add (EscaleParticipantsEditor *self,
                                gint64                    person_id,
                                EscaleAttendance          attended)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *name = NULL;
  Item *item;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (find_item (self, person_id, NULL) != NULL)
    return FALSE;
  summaries = escale_store_load_summaries (self->store, &person_id, 1);
  if (summaries == NULL || summaries->len == 0)
    return FALSE;
  item = g_new0 (Item, 1);
  item->editor = self;
  item->person_id = person_id;
  item->row = escale_person_result_row_new (g_ptr_array_index (summaries, 0));
  name = escale_person_summary_dup_name (g_ptr_array_index (summaries, 0));
  adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), item_suffix (item, attended, name));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), item->row);
  g_ptr_array_add (self->items, item);
  update_empty (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * escale_participants_editor_remove:
 *
 * Returns: %TRUE when @person_id was a participant
 */
gboolean
escale_participants_editor_remove (EscaleParticipantsEditor *self,
                                   gint64                    person_id)
{
  guint index;
  Item *item;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self), FALSE);

  item = find_item (self, person_id, &index);
  if (item == NULL)
    return FALSE;
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), item->row);
  g_ptr_array_remove_index (self->items, index);
  update_empty (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

guint
escale_participants_editor_get_n_participants (EscaleParticipantsEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self), 0);

  return self->items->len;
}

/**
 * escale_participants_editor_apply:
 *
 * Adds the participants shown, with their attendance, to @action.
 */
void
escale_participants_editor_apply (EscaleParticipantsEditor *self,
                                  EscaleAction             *action)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self));
  g_return_if_fail (ESCALE_IS_ACTION (action));

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      EscaleAttendance attended = ESCALE_ATTENDANCE_UNKNOWN;

      if (gtk_toggle_button_get_active (item->present))
        attended = ESCALE_ATTENDANCE_PRESENT;
      else if (gtk_toggle_button_get_active (item->absent))
        attended = ESCALE_ATTENDANCE_ABSENT;
      escale_action_add_participant (action, item->person_id, attended);
    }
}

/**
 * escale_participants_editor_set_error:
 * @error: (nullable): shown under the list, %NULL to hide it
 */
void
escale_participants_editor_set_error (EscaleParticipantsEditor *self,
                                      const char               *error)
{
  g_return_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self));

  gtk_label_set_text (self->error_label, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/**
 * escale_participants_editor_get_error:
 *
 * Returns: (nullable): the error shown
 */
const char *
escale_participants_editor_get_error (EscaleParticipantsEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

GtkEditable *
escale_participants_editor_get_search_entry (EscaleParticipantsEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkListBox *
escale_participants_editor_get_results (EscaleParticipantsEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self), NULL);

  return self->results;
}

/**
 * escale_participants_editor_get_attendance_button:
 * @attended: %ESCALE_ATTENDANCE_PRESENT or %ESCALE_ATTENDANCE_ABSENT
 *
 * Returns: (transfer none) (nullable): the button of the @index-th participant
 */
GtkToggleButton *
escale_participants_editor_get_attendance_button (EscaleParticipantsEditor *self,
                                                  guint                     index,
                                                  EscaleAttendance          attended)
{
  Item *item;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self), NULL);

  if (index >= self->items->len)
    return NULL;
  item = g_ptr_array_index (self->items, index);
  if (attended == ESCALE_ATTENDANCE_UNKNOWN)
    return NULL;
  return attended == ESCALE_ATTENDANCE_PRESENT ? item->present : item->absent;
}

GtkButton *
escale_participants_editor_get_remove_button (EscaleParticipantsEditor *self,
                                              guint                     index)
{
  g_return_val_if_fail (ESCALE_IS_PARTICIPANTS_EDITOR (self), NULL);

  if (index >= self->items->len)
    return NULL;
  return ((Item *) g_ptr_array_index (self->items, index))->remove;
}
