/* escale-people-page.c — the People page: search, list and file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-application.h"
#include "escale-audit.h"
#include "escale-people-page.h"
#include "escale-person-editor.h"
#include "escale-person-row.h"
#include "escale-person-store.h"
#include "escale-person-view.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscalePeoplePage
{
  AdwBin               parent_instance;

  EscaleStore         *store;
  EscalePersonList    *people;
  GtkSingleSelection  *selection;
  gint64               person_id;
  gboolean             scroll_pending;  /* scroll to the person once they are in the list */
  EscalePersonEditor  *editor;
  GSettings           *settings;
  AdwToast            *undo_toast;  /* weak: the undo of the last save, while it shows */

  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_filter;
  GtkDropDown         *referent_filter;
  GtkDropDown         *state_filter;
  GtkStack            *list_stack;
  GtkScrolledWindow   *list_scroll;
  GtkListView         *list_view;
  GtkLabel            *count_label;
  GtkWidget           *import_button;
  GtkStack            *content_stack;
  EscalePersonView    *person_view;
};

G_DEFINE_FINAL_TYPE (EscalePeoplePage, escale_people_page, ADW_TYPE_BIN)

static void
update_list_state (EscalePeoplePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean filtered = *query != '\0' || gtk_drop_down_get_selected (self->status_filter) > 0 ||
                      gtk_drop_down_get_selected (self->referent_filter) > 0 ||
                      gtk_drop_down_get_selected (self->state_filter) > 0;
  g_autofree char *count = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, filtered ? "no-results" : "empty");
  if (escale_person_list_is_complete (self->people))
    /* Translators: the number of people in the list */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person", "%'u people", n), n);
  else
    /* Translators: the list shows its first people while the rest is searched */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person, searching for more…",
                                          "%'u people, searching for more…", n), n);
  gtk_label_set_label (self->count_label, count);
}

/* Scrolls once the list has its size: right after a start it has none. */
static gboolean
scroll_to_current (gpointer user_data)
{
  EscalePeoplePage *self = user_data;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
  return G_SOURCE_REMOVE;
}

static void
select_current (EscalePeoplePage *self)
{
  int position = self->person_id ? escale_person_list_find (self->people, self->person_id) : -1;

  gtk_single_selection_set_selected (self->selection,
                                     position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  /* Only when a file was just opened: while typing, the best matches show. */
  if (position >= 0 && self->scroll_pending)
    {
      self->scroll_pending = FALSE;
      g_idle_add_full (G_PRIORITY_LOW, scroll_to_current, g_object_ref (self), g_object_unref);
    }
}

static void
show_person (EscalePeoplePage *self,
             gint64            id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePerson) person = NULL;

  self->person_id = id;
  person = id ? escale_store_load_person (self->store, id, &error) : NULL;
  if (person == NULL)
    {
      self->person_id = 0;
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      return;
    }
  escale_person_view_set_person (self->person_view, person);
  gtk_stack_set_visible_child_name (self->content_stack, "person");
}

static void
on_people_complete (EscalePeoplePage *self)
{
  update_list_state (self);
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    select_current (self);
}

static void
reload (EscalePeoplePage *self)
{
  escale_person_list_refresh (self->people);
  update_list_state (self);
  select_current (self);
}

static void
apply_filters (EscalePeoplePage *self)
{
  static const EscaleFileState states[] = {
    ESCALE_FILES_ALL, ESCALE_FILES_OPEN, ESCALE_FILES_CLOSED,
  };
  EscalePersonFilter filter = {
    (char *) escale_code_dropdown_get_code (self->status_filter),
    (char *) escale_code_dropdown_get_code (self->referent_filter),
    states[MIN (gtk_drop_down_get_selected (self->state_filter), 2)],
  };

  escale_person_list_set_filter (self->people, &filter);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "show-closed-files", filter.state != ESCALE_FILES_OPEN);
  update_list_state (self);
  select_current (self);
}

/* The referents are those named in files: the list changes with them. */
static void
setup_referent_filter (EscalePeoplePage *self)
{
  g_auto(GStrv) referents = escale_store_list_referents (self->store);
  g_autofree char *chosen = g_strdup (escale_code_dropdown_get_code (self->referent_filter));

  escale_code_dropdown_setup (self->referent_filter, (const char * const *) referents,
                              (const char * const *) referents, _("Any referent"));
  escale_code_dropdown_set_code (self->referent_filter, chosen);
}

/* After a save: a referent named for the first time joins the filter. */
static void
update_referents (EscalePeoplePage *self)
{
  EscalePerson *shown = escale_person_view_get_person (self->person_view);
  const char *referent = shown ? escale_person_get (shown, ESCALE_FIELD_REFERENT) : NULL;

  if (referent != NULL && !escale_code_dropdown_has_code (self->referent_filter, referent))
    setup_referent_filter (self);
}

static void
setup_filters (EscalePeoplePage *self)
{
  const char *state_codes[] = { "all", "open", "closed", NULL };
  const char *state_labels[] = {
    C_("files", "Open and closed"), C_("files", "Open files"), C_("files", "Closed files"), NULL,
  };

  escale_code_dropdown_setup_vocab (self->status_filter, self->store, ESCALE_VOCAB_STATUS,
                                    _("Any status"));
  setup_referent_filter (self);
  escale_code_dropdown_setup (self->state_filter, state_codes, state_labels, NULL);
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "show-closed-files"))
    escale_code_dropdown_set_code (self->state_filter, "open");
}

static void
dismiss_page_undo (EscalePeoplePage *self)
{
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_weak_pointer (&self->undo_toast);
}

static void
dismiss_undo (EscalePeoplePage *self)
{
  dismiss_page_undo (self);
  escale_person_view_dismiss_undo (self->person_view);
}

static void
on_undo_create (AdwToast         *toast,
                EscalePeoplePage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "person-id"));
  g_autoptr(GError) error = NULL;

  if (!escale_store_delete_person (self->store, id, &error))
    {
      escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  if (self->person_id == id)
    show_person (self, 0);
  reload (self);
}

static void
on_undo_edit (AdwToast         *toast,
              EscalePeoplePage *self)
{
  EscalePerson *before = g_object_get_data (G_OBJECT (toast), "before");
  g_autoptr(GError) error = NULL;

  if (!escale_store_save_person (self->store, before, &error))
    {
      escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  reload (self);
  show_person (self, escale_person_get_id (before));
}

static void
on_editor_saved (EscalePeoplePage *self,
                 gint64            id,
                 gboolean          created,
                 EscalePersonEditor *editor)
{
  EscalePerson *before = g_object_get_data (G_OBJECT (editor), "before");
  AdwToast *toast = adw_toast_new (created ? _("File created") : _("Changes saved"));

  /* A newer change withdraws the undo of older ones: see dismiss_undo(). */
  dismiss_undo (self);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_set_weak_pointer (&self->undo_toast, toast);
  if (created)
    {
      g_object_set_data (G_OBJECT (toast), "person-id", GSIZE_TO_POINTER (id));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_create), self, 0);
    }
  else if (before != NULL)
    {
      g_object_set_data_full (G_OBJECT (toast), "before", g_object_ref (before), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_edit), self, 0);
    }
  escale_add_toast (GTK_WIDGET (self), toast);
  self->person_id = id;
  self->scroll_pending = TRUE;
  reload (self);
  show_person (self, id);
  update_referents (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_editor_open_person (EscalePeoplePage *self,
                       gint64            id)
{
  escale_people_page_open_person (self, id);
}

static void
on_editor_destroy (EscalePeoplePage *self)
{
  self->editor = NULL;
}

static void
watch_editor (EscalePeoplePage *self)
{
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "open-person", G_CALLBACK (on_editor_open_person), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "destroy", G_CALLBACK (on_editor_destroy), self,
                           G_CONNECT_SWAPPED);
}

static void
open_editor (EscalePeoplePage *self,
             EscalePerson     *person)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->editor != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->editor));
      return;
    }
  self->editor = escale_person_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->store, person);
  if (person != NULL)
    g_object_set_data_full (G_OBJECT (self->editor), "before", escale_person_copy (person),
                            g_object_unref);
  watch_editor (self);
  gtk_window_present (GTK_WINDOW (self->editor));
}

static void
on_search_changed_cb (EscalePeoplePage *self)
{
  escale_person_list_set_query (self->people,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_list_state (self);
  select_current (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->list_scroll), 0);
}

static void
on_search_activate_cb (EscalePeoplePage *self)
{
  g_autoptr(EscalePersonSummary) first = g_list_model_get_item (G_LIST_MODEL (self->people), 0);

  if (first != NULL)
    escale_people_page_open_person (self, escale_person_summary_get_id (first));
}

static void
on_stop_search_cb (EscalePeoplePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed_cb (EscalePeoplePage *self)
{
  if (self->people != NULL)
    apply_filters (self);
}

static void
on_list_activate_cb (EscalePeoplePage *self,
                     guint             position)
{
  g_autoptr(EscalePersonSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->people),
                                                                  position);

  if (summary != NULL)
    escale_people_page_open_person (self, escale_person_summary_get_id (summary));
}

static void
on_selection_changed (EscalePeoplePage *self)
{
  EscalePersonSummary *summary = gtk_single_selection_get_selected_item (self->selection);

  if (summary != NULL && escale_person_summary_get_id (summary) != self->person_id)
    {
      show_person (self, escale_person_summary_get_id (summary));
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
on_back_clicked_cb (EscalePeoplePage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_open_person_cb (EscalePeoplePage *self,
                   gint64            id)
{
  escale_people_page_open_person (self, id);
}

static void
on_edit_person_cb (EscalePeoplePage *self)
{
  open_editor (self, escale_person_view_get_person (self->person_view));
}

static void
on_person_changed_cb (EscalePeoplePage *self)
{
  /* Only the page's own undo: the view offers one for the change it made. */
  dismiss_page_undo (self);
  reload (self);
  show_person (self, self->person_id);
}

static void
escale_people_page_dispose (GObject *object)
{
  EscalePeoplePage *self = ESCALE_PEOPLE_PAGE (object);

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  /* No gtk_widget_dispose_template(): the leaflet is AdwBin's child, which
   * AdwBin unparents itself. */
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_people_page_parent_class)->dispose (object);
}

static void
escale_people_page_class_init (EscalePeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_people_page_dispose;

  g_type_ensure (ESCALE_TYPE_PERSON_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/people/escale-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, import_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, referent_filter);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, list_scroll);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EscalePeoplePage, person_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_changed_cb);
}

static void
escale_people_page_init (EscalePeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = escale_application_new_settings ();

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

void
escale_people_page_set_store (EscalePeoplePage *self,
                              EscaleStore      *store)
{
  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (self));
  g_return_if_fail (ESCALE_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  /* Import… (win.import) is offered to the roles that may import. */
  gtk_widget_set_visible (self->import_button,
                          escale_role_allows (escale_store_get_role (store), ESCALE_OP_IMPORT));
  {
    g_autoptr(GtkListItemFactory) factory = escale_person_row_factory_new (store);

    gtk_list_view_set_factory (self->list_view, factory);
  }
  escale_person_view_set_store (self->person_view, store);
  self->people = escale_person_list_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people, "notify::complete",
                           G_CALLBACK (on_people_complete), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  setup_filters (self);
  update_list_state (self);
}

void
escale_people_page_new_person (EscalePeoplePage *self)
{
  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (self));
  open_editor (self, NULL);
}

void
escale_people_page_edit_person (EscalePeoplePage *self)
{
  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (self));
  if (self->person_id != 0)
    on_edit_person_cb (self);
}

void
escale_people_page_focus_search (EscalePeoplePage *self)
{
  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (self));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
escale_people_page_set_query (EscalePeoplePage *self,
                              const char       *query)
{
  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  on_search_changed_cb (self);
}

void
escale_people_page_open_person (EscalePeoplePage *self,
                                gint64            id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (self));
  show_person (self, id);
  /* Every opening of a file is in the audit log (not the reloads after an edit). */
  if (self->person_id != 0 &&
      !escale_store_note_file_opened (self->store, self->person_id, &error))
    g_debug ("The opening of a file was not recorded: %s", error->message);
  self->scroll_pending = TRUE;
  select_current (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

gint64
escale_people_page_get_person_id (EscalePeoplePage *self)
{
  g_return_val_if_fail (ESCALE_IS_PEOPLE_PAGE (self), 0);
  return self->person_id;
}

EscalePersonList *
escale_people_page_get_list (EscalePeoplePage *self)
{
  g_return_val_if_fail (ESCALE_IS_PEOPLE_PAGE (self), NULL);
  return self->people;
}

/**
 * escale_people_page_close_file:
 *
 * Closes the file shown, as the "Close File…" dialog does.
 */
gboolean
escale_people_page_close_file (EscalePeoplePage  *self,
                               const char        *date_text,
                               const char        *reason,
                               GError           **error)
{
  g_return_val_if_fail (ESCALE_IS_PEOPLE_PAGE (self), FALSE);
  return escale_person_view_close_file (self->person_view, date_text, reason, error);
}

/**
 * escale_people_page_get_editor:
 *
 * Returns: (transfer none) (nullable): the open editor, for tests
 */
GtkWidget *
escale_people_page_get_editor (EscalePeoplePage *self)
{
  g_return_val_if_fail (ESCALE_IS_PEOPLE_PAGE (self), NULL);
  return self->editor ? GTK_WIDGET (self->editor) : NULL;
}

const char *
escale_people_page_get_query (EscalePeoplePage *self)
{
  g_return_val_if_fail (ESCALE_IS_PEOPLE_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * escale_people_page_reload:
 *
 * Reads the list and the file shown again, after a change made elsewhere.
 */
void
escale_people_page_reload (EscalePeoplePage *self)
{
  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (self));
  reload (self);
  show_person (self, self->person_id);
}

/**
 * escale_people_page_take_editor:
 * @from: the page that opened the editor
 *
 * Takes over the person editor open on @from, unsaved text and all, when
 * @self has none: the editor becomes transient for @self's window and its
 * outcome (saved, closed) comes to @self, as if @self had opened it.
 */
void
escale_people_page_take_editor (EscalePeoplePage *self,
                                EscalePeoplePage *from)
{
  GtkRoot *root;

  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (self));
  g_return_if_fail (ESCALE_IS_PEOPLE_PAGE (from));

  if (from->editor == NULL || self->editor != NULL || from == self)
    return;
  self->editor = g_steal_pointer (&from->editor);
  g_signal_handlers_disconnect_by_data (self->editor, from);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_window_set_transient_for (GTK_WINDOW (self->editor),
                                GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  watch_editor (self);
}
