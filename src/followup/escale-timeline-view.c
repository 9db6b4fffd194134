/* escale-timeline-view.c — a person's follow-up timeline, with its filters
 *
 * The list shows the lazy EscaleTimeline: only the rows on screen are
 * built, and an edit re-reads one action (escale_timeline_update_action)
 * instead of the whole timeline. Which entries are expanded is kept here,
 * by action id, since the list recycles its rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-action-dialog.h"
#include "escale-action-store.h"
#include "escale-application.h"
#include "escale-date.h"
#include "escale-programme-store.h"
#include "escale-referral-answer.h"
#include "escale-referral-dialog.h"
#include "escale-timeline-row.h"
#include "escale-timeline-view.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define DEFAULT_WARNING_DAYS 60

struct _EscaleTimelineView
{
  AdwBin              parent_instance;

  EscaleStore        *store;
  gint64              person_id;
  EscaleTimeline     *timeline;
  GHashTable         *expanded;        /* action ids (gint64 *) */
  char               *today;
  char               *warning_limit;
  gboolean            updating_filters;
  gboolean            has_programmes;
  AdwToast           *undo_toast;      /* weak: the undo offered last, while it shows */
  GtkWidget          *dialog;          /* weak */
  GtkSliceListModel  *slice;           /* the rows shown while the first frame draws */
  guint               grow_id;
  gboolean            was_mapped;      /* since the timeline was made */

  GtkDropDown        *theme_filter;
  GtkDropDown        *type_filter;
  GtkDropDown        *programme_filter;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (EscaleTimelineView, escale_timeline_view, ADW_TYPE_BIN)

static void start_small (EscaleTimelineView *self);

static gboolean
is_filtered (EscaleTimelineView *self)
{
  return gtk_drop_down_get_selected (self->theme_filter) > 0 ||
         gtk_drop_down_get_selected (self->type_filter) > 0 ||
         gtk_drop_down_get_selected (self->programme_filter) > 0;
}

static void
update_state (EscaleTimelineView *self)
{
  guint n = self->timeline ? g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) : 0;
  gboolean filtered = is_filtered (self);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, filtered ? "no-results" : "empty");
  /* Nothing to filter in an empty file. */
  gtk_widget_set_visible (GTK_WIDGET (self->theme_filter), n > 0 || filtered);
  gtk_widget_set_visible (GTK_WIDGET (self->type_filter), n > 0 || filtered);
  gtk_widget_set_visible (GTK_WIDGET (self->programme_filter),
                          self->has_programmes && (n > 0 || filtered));
}

static void
setup_programme_filter (EscaleTimelineView *self)
{
  g_autoptr(GPtrArray) programmes = escale_store_list_programmes (self->store, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) id_strv = NULL;
  g_auto(GStrv) name_strv = NULL;

  for (guint i = 0; programmes != NULL && i < programmes->len; i++)
    {
      EscaleProgramme *programme = g_ptr_array_index (programmes, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, programme->id);

      g_strv_builder_add (ids, id);
      g_strv_builder_add (names, programme->name ? programme->name : programme->code);
    }
  id_strv = g_strv_builder_end (ids);
  name_strv = g_strv_builder_end (names);
  escale_code_dropdown_setup (self->programme_filter, (const char * const *) id_strv,
                              (const char * const *) name_strv, _("All programmes"));
  self->has_programmes = id_strv[0] != NULL;
}

/* Fills the filters again, all set to "all": vocabularies and programmes
 * may have changed since. */
static void
setup_filters (EscaleTimelineView *self)
{
  self->updating_filters = TRUE;
  escale_code_dropdown_setup_vocab (self->theme_filter, self->store, ESCALE_VOCAB_THEME,
                                    _("All themes"));
  escale_code_dropdown_setup_vocab (self->type_filter, self->store, ESCALE_VOCAB_ACTION_TYPE,
                                    _("All types"));
  setup_programme_filter (self);
  self->updating_filters = FALSE;
}

static void
apply_filters (EscaleTimelineView *self)
{
  const char *programme = escale_code_dropdown_get_code (self->programme_filter);

  if (self->timeline == NULL)
    return;
  escale_timeline_set_theme (self->timeline, escale_code_dropdown_get_code (self->theme_filter));
  escale_timeline_set_type (self->timeline, escale_code_dropdown_get_code (self->type_filter));
  escale_timeline_set_programme (self->timeline,
                                 programme ? g_ascii_strtoll (programme, NULL, 10) : 0);
  update_state (self);
}

static EscaleTimelineRow *
row_of_list_item (GtkWidget *item_widget)
{
  GtkWidget *child = item_widget ? gtk_widget_get_first_child (item_widget) : NULL;

  return ESCALE_IS_TIMELINE_ROW (child) ? ESCALE_TIMELINE_ROW (child) : NULL;
}

/* The row on screen that shows the item at @position, if any. Rows hold
 * their own item objects: they are matched by kind and id. */
static EscaleTimelineRow *
find_row (EscaleTimelineView *self,
          guint               position)
{
  g_autoptr(EscaleTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (self->timeline),
                                                              position);

  if (item == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      EscaleTimelineRow *row = row_of_list_item (child);
      EscaleTimelineItem *shown = row ? escale_timeline_row_get_item (row) : NULL;

      if (shown != NULL && gtk_widget_get_visible (child) &&
          escale_timeline_item_get_kind (shown) == escale_timeline_item_get_kind (item) &&
          escale_timeline_item_get_id (shown) == escale_timeline_item_get_id (item))
        return row;
    }
  return NULL;
}

static void
toggle_row (EscaleTimelineView *self,
            EscaleTimelineRow  *row)
{
  gint64 id;
  gboolean expanded;

  if (row == NULL || !escale_timeline_row_is_expandable (row))
    return;
  id = escale_timeline_item_get_id (escale_timeline_row_get_item (row));
  expanded = !escale_timeline_row_get_expanded (row);
  if (expanded)
    g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded, &id);
  escale_timeline_row_set_expanded (row, expanded);
}

static void
update_action (EscaleTimelineView *self,
               gint64              action_id)
{
  if (self->timeline != NULL && action_id > 0)
    escale_timeline_update_action (self->timeline, action_id);
}

static void
scroll_to_action (EscaleTimelineView *self,
                  gint64              action_id)
{
  int position = escale_timeline_find_action (self->timeline, action_id);

  if (position >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                (guint) position);
}

static void
dismiss_undo (EscaleTimelineView *self)
{
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_weak_pointer (&self->undo_toast);
}

static void
on_dialog_saved (EscaleTimelineView *self,
                 gint64              action_id,
                 gint64              follow_up_id,
                 GObject            *dialog)
{
  gboolean created = g_object_get_data (dialog, "action-id") == NULL;

  dismiss_undo (self);
  update_action (self, action_id);
  update_action (self, follow_up_id);
  if (created)
    scroll_to_action (self, action_id);
}

/* The dialog may also have deleted the action: read it again. */
static void
on_edit_dialog_destroy (EscaleTimelineView *self,
                        GObject            *dialog)
{
  update_action (self, GPOINTER_TO_SIZE (g_object_get_data (dialog, "action-id")));
}

static void
open_dialog (EscaleTimelineView *self,
             gint64              action_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EscaleActionDialog *dialog;

  g_return_if_fail (self->store != NULL && self->person_id > 0);

  dialog = escale_action_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->store, self->person_id, action_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self,
                           G_CONNECT_SWAPPED);
  if (action_id > 0)
    {
      g_object_set_data (G_OBJECT (dialog), "action-id", GSIZE_TO_POINTER (action_id));
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_edit_dialog_destroy), self,
                               G_CONNECT_SWAPPED);
    }
  g_set_weak_pointer (&self->dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_referred (EscaleTimelineView *self,
             gint64              referral_id G_GNUC_UNUSED,
             gint64              action_id)
{
  dismiss_undo (self);
  update_action (self, action_id);
  scroll_to_action (self, action_id);
}

static void
open_referral_dialog (EscaleTimelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_if_fail (self->store != NULL && self->person_id > 0);

  dialog = escale_referral_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, self->person_id, 0);
  g_signal_connect_object (dialog, "referred", G_CALLBACK (on_referred), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_undo_status (AdwToast           *toast,
                EscaleTimelineView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "action-id"));
  g_autoptr(GError) error = NULL;

  if (!escale_store_set_action_status (self->store, id, "planned", &error))
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  update_action (self, id);
}

static void
on_row_set_status (EscaleTimelineView *self,
                   gint64              action_id,
                   const char         *status)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  dismiss_undo (self);
  if (!escale_store_set_action_status (self->store, action_id, status, &error))
    {
      escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  update_action (self, action_id);
  toast = adw_toast_new (g_str_equal (status, "done") ? _("Marked as done")
                                                      : _("Marked as missed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "action-id", GSIZE_TO_POINTER (action_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_status), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  escale_add_toast (GTK_WIDGET (self), toast);
}

static void
on_referral_changed (GtkWidget *widget,
                     gint64     action_id)
{
  update_action (ESCALE_TIMELINE_VIEW (widget), action_id);
}

static void
on_row_change_referral (EscaleTimelineView *self,
                        gint64              referral_id,
                        gint64              action_id,
                        const char         *state)
{
  dismiss_undo (self);
  escale_referral_answer (GTK_WIDGET (self), self->store, referral_id, action_id, state,
                          on_referral_changed);
}

static void
on_row_edit (EscaleTimelineView *self,
             gint64              action_id)
{
  dismiss_undo (self);
  open_dialog (self, action_id);
}

/* The "Planned" heading goes above the first pinned row; positions change
 * without a new bind when rows above come or go. */
static void
update_first (GtkListItem *list_item)
{
  EscaleTimelineRow *row = ESCALE_TIMELINE_ROW (gtk_list_item_get_child (list_item));
  EscaleTimelineItem *item = gtk_list_item_get_item (list_item);

  escale_timeline_row_set_first (row, item != NULL && gtk_list_item_get_position (list_item) == 0 &&
                                      escale_timeline_item_get_pinned (item));
}

static void
on_factory_setup (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
                  GtkListItem                            *list_item,
                  EscaleTimelineView                     *self)
{
  GtkWidget *row = escale_timeline_row_new (self->store, self->today, self->warning_limit);

  g_signal_connect_object (row, "set-status", G_CALLBACK (on_row_set_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "edit", G_CALLBACK (on_row_edit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "change-referral", G_CALLBACK (on_row_change_referral), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (list_item, "notify::position", G_CALLBACK (update_first), NULL);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
}

static void
on_factory_bind (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
                 GtkListItem                            *list_item,
                 EscaleTimelineView                     *self)
{
  EscaleTimelineRow *row = ESCALE_TIMELINE_ROW (gtk_list_item_get_child (list_item));
  EscaleTimelineItem *item = gtk_list_item_get_item (list_item);
  gint64 id = escale_timeline_item_get_id (item);
  gboolean action = escale_timeline_item_get_kind (item) == ESCALE_TIMELINE_ACTION;

  escale_timeline_row_set_item (row, item, action && g_hash_table_contains (self->expanded, &id));
  gtk_list_item_set_activatable (list_item, escale_timeline_row_is_expandable (row));
  update_first (list_item);
}

static void
on_factory_unbind (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
                   GtkListItem                            *list_item,
                   G_GNUC_UNUSED EscaleTimelineView       *self)
{
  escale_timeline_row_set_item (ESCALE_TIMELINE_ROW (gtk_list_item_get_child (list_item)),
                                NULL, FALSE);
}

/* Rows are made for one store: a new store needs new rows. */
static void
setup_factory (EscaleTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);
  gtk_list_view_set_factory (self->list_view, factory);
}

/* Space expands an entry as Enter does; the list item itself would only
 * select it. Buttons inside rows keep their Space. */
static gboolean
on_key_pressed (EscaleTimelineView                *self,
                guint                              keyval,
                G_GNUC_UNUSED guint                keycode,
                GdkModifierType                    state,
                G_GNUC_UNUSED GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  EscaleTimelineRow *row;

  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 || focus == NULL ||
      gtk_widget_get_parent (focus) != GTK_WIDGET (self->list_view))
    return FALSE;
  row = row_of_list_item (focus);
  if (row == NULL || !escale_timeline_row_is_expandable (row))
    return FALSE;
  toggle_row (self, row);
  return TRUE;
}

static void
on_filter_changed_cb (EscaleTimelineView *self)
{
  if (!self->updating_filters)
    apply_filters (self);
}

static void
on_clear_filters_cb (EscaleTimelineView *self)
{
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->theme_filter, 0);
  gtk_drop_down_set_selected (self->type_filter, 0);
  gtk_drop_down_set_selected (self->programme_filter, 0);
  self->updating_filters = FALSE;
  apply_filters (self);
}

static void
on_list_activate_cb (EscaleTimelineView *self,
                     guint               position)
{
  toggle_row (self, find_row (self, position));
}

static void
add_action_activated (GtkWidget                *widget,
                      G_GNUC_UNUSED const char *action_name,
                      G_GNUC_UNUSED GVariant   *parameter)
{
  escale_timeline_view_add_action (ESCALE_TIMELINE_VIEW (widget));
}

static void
refer_activated (GtkWidget                *widget,
                 G_GNUC_UNUSED const char *action_name,
                 G_GNUC_UNUSED GVariant   *parameter)
{
  escale_timeline_view_refer (ESCALE_TIMELINE_VIEW (widget));
}

static void
escale_timeline_view_dispose (GObject *object)
{
  EscaleTimelineView *self = ESCALE_TIMELINE_VIEW (object);

  /* No gtk_widget_dispose_template(): AdwBin unparents its child itself. */
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->dialog);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  g_clear_object (&self->slice);
  g_clear_object (&self->timeline);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_timeline_view_parent_class)->dispose (object);
}

static void
escale_timeline_view_finalize (GObject *object)
{
  EscaleTimelineView *self = ESCALE_TIMELINE_VIEW (object);

  g_hash_table_unref (self->expanded);
  g_free (self->today);
  g_free (self->warning_limit);

  G_OBJECT_CLASS (escale_timeline_view_parent_class)->finalize (object);
}

/* Shown again, for instance after the agenda marked one of its actions
 * done: read again what other pages may have changed. */
static void
escale_timeline_view_map (GtkWidget *widget)
{
  EscaleTimelineView *self = ESCALE_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (escale_timeline_view_parent_class)->map (widget);
  if (self->timeline != NULL && self->was_mapped)
    {
      start_small (self);
      escale_timeline_refresh (self->timeline);
    }
  self->was_mapped = TRUE;
}

static void
escale_timeline_view_class_init (EscaleTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_timeline_view_dispose;
  object_class->finalize = escale_timeline_view_finalize;
  widget_class->map = escale_timeline_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/followup/escale-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineView, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineView, type_filter);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineView, programme_filter);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "timeline.add-action", NULL,
                                   add_action_activated);
  gtk_widget_class_install_action (widget_class, "timeline.refer", NULL, refer_activated);
}

static void
compute_dates (EscaleTimelineView *self)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  int days = settings ? g_settings_get_int (settings, "expiry-warning-days")
                      : DEFAULT_WARNING_DAYS;
  g_autoptr(GDate) limit = NULL;
  char text[16];

  self->today = escale_date_today ();
  limit = escale_date_to_gdate (self->today);
  g_date_add_days (limit, (guint) MAX (days, 0));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", limit);
  self->warning_limit = g_strdup (text);
}

static void
escale_timeline_view_init (EscaleTimelineView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  compute_dates (self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-action", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.refer", FALSE);
}

GtkWidget *
escale_timeline_view_new (void)
{
  return g_object_new (ESCALE_TYPE_TIMELINE_VIEW, NULL);
}

/* GTK 4.8's list view makes a row for up to 200 items whatever the height
 * of the window. A file first shows FIRST_ROWS rows, enough to fill the
 * screen, and the list grows to the whole timeline once that frame is
 * drawn (a low-priority idle runs after GTK's layout and paint). */
#define FIRST_ROWS 40

static gboolean
grow_slice (gpointer user_data)
{
  EscaleTimelineView *self = user_data;

  self->grow_id = 0;
  if (self->slice != NULL)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* Shows the first screen first again, then the rest. */
static void
start_small (EscaleTimelineView *self)
{
  gtk_slice_list_model_set_size (self->slice, FIRST_ROWS);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  self->grow_id = g_idle_add_full (G_PRIORITY_LOW, grow_slice, self, NULL);
}

static void
show_timeline (EscaleTimelineView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_clear_handle_id (&self->grow_id, g_source_remove);
  g_clear_object (&self->slice);
  g_clear_object (&self->timeline);
  g_hash_table_remove_all (self->expanded);
  if (self->person_id > 0)
    {
      self->timeline = escale_timeline_new (self->store, self->person_id, self->today);
      g_signal_connect_object (self->timeline, "items-changed", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
      self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->timeline)), 0,
                                              FIRST_ROWS);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
      start_small (self);
    }
  self->was_mapped = FALSE;
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_state (self);
}

void
escale_timeline_view_set_person (EscaleTimelineView *self,
                                 EscaleStore        *store,
                                 gint64              person_id)
{
  g_return_if_fail (ESCALE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (store == NULL || ESCALE_IS_STORE (store));

  if (store == NULL)
    person_id = 0;
  if (store == self->store && person_id == self->person_id)
    {
      /* The same file again, after a change to it: status periods may
       * have come or gone. */
      if (self->timeline != NULL)
        escale_timeline_refresh (self->timeline);
      update_state (self);
      return;
    }
  dismiss_undo (self);
  if (store != self->store)
    {
      g_set_object (&self->store, store);
      if (store != NULL)
        setup_factory (self);
    }
  self->person_id = person_id;
  if (store != NULL)
    setup_filters (self);
  show_timeline (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-action", person_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.refer", person_id > 0);
}

gint64
escale_timeline_view_get_person_id (EscaleTimelineView *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE_VIEW (self), 0);
  return self->person_id;
}

EscaleTimeline *
escale_timeline_view_get_timeline (EscaleTimelineView *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE_VIEW (self), NULL);
  return self->timeline;
}

/**
 * escale_timeline_view_add_action:
 *
 * Opens the dialog to add an action to the file shown.
 */
void
escale_timeline_view_add_action (EscaleTimelineView *self)
{
  g_return_if_fail (ESCALE_IS_TIMELINE_VIEW (self));

  if (self->person_id <= 0)
    return;
  dismiss_undo (self);
  open_dialog (self, 0);
}

/**
 * escale_timeline_view_refer:
 *
 * Opens the dialog that refers the person shown to a partner's service.
 */
void
escale_timeline_view_refer (EscaleTimelineView *self)
{
  g_return_if_fail (ESCALE_IS_TIMELINE_VIEW (self));

  if (self->person_id <= 0)
    return;
  dismiss_undo (self);
  open_referral_dialog (self);
}

GtkWidget *
escale_timeline_view_get_dialog (EscaleTimelineView *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE_VIEW (self), NULL);
  return self->dialog;
}
