/* escale-partners-page.c — the Partners page: the directory, its filters, a partner's card
 *
 * The list is a query: every change of the search or a filter asks the
 * store for the ids that pass, then their summaries (a few thousand
 * partners at most: a list store of them is enough). The partner shown
 * stays selected when it still passes. The right pane shows its card, or
 * the map, which the window puts in the "map" slot and feeds from
 * escale_partners_page_get_summaries() on "summaries-changed".
 *
 * Editing is the window's: the page emits "edit-partner" (0 for a new one)
 * and is told to reload and show the partner after a save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-partner-card.h"
#include "escale-partner-item.h"
#include "escale-partner-row.h"
#include "escale-partner-store.h"
#include "escale-partners-editing.h"
#include "escale-partners-map.h"
#include "escale-partners-page.h"
#include "escale-referral-dialog.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscalePartnersPage
{
  AdwBin              parent_instance;

  EscaleStore        *store;
  GListStore         *partners;     /* EscalePartnerItem */
  GtkSingleSelection *selection;
  gint64              partner_id;   /* the partner shown, or 0 */
  gboolean            reloading;    /* selection changes are the list's, not the user's */
  GDateTime          *now;          /* a test's fixed time, or NULL */

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *theme_filter;
  GtkDropDown        *kind_filter;
  GtkDropDown        *language_filter;
  GtkDropDown        *eligibility_filter;
  GtkToggleButton    *open_now_toggle;
  GtkDropDown        *day_filter;
  GtkToggleButton    *free_places_toggle;
  GtkStack           *list_stack;
  GtkScrolledWindow  *list_scroll;
  GtkListView        *list_view;
  GtkLabel           *count_label;
  GtkWidget          *edit_button;
  GtkWidget          *refer_button;
  GtkWidget          *import_menu_button;
  GtkWidget          *empty_import_button;
  GtkStack           *view_stack;
  GtkStack           *card_stack;
  EscalePartnerCard  *card;
  AdwBin             *map_slot;
};

G_DEFINE_FINAL_TYPE (EscalePartnersPage, escale_partners_page, ADW_TYPE_BIN)

enum {
  EDIT_PARTNER,
  SUMMARIES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
get_now (gpointer data)
{
  EscalePartnersPage *self = data;

  return self->now ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
}

static gboolean
is_filtered (EscalePartnersPage *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
         gtk_drop_down_get_selected (self->theme_filter) > 0 ||
         gtk_drop_down_get_selected (self->kind_filter) > 0 ||
         gtk_drop_down_get_selected (self->language_filter) > 0 ||
         gtk_drop_down_get_selected (self->eligibility_filter) > 0 ||
         gtk_toggle_button_get_active (self->open_now_toggle) ||
         gtk_drop_down_get_selected (self->day_filter) > 0 ||
         gtk_toggle_button_get_active (self->free_places_toggle);
}

static void
update_list_state (EscalePartnersPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->partners));
  g_autofree char *count = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack,
                                      is_filtered (self) ? "no-results" : "empty");
  /* Translators: the number of partners in the list */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u partner", "%'u partners", n), n);
  gtk_label_set_label (self->count_label, count);
}

static int
find_position (EscalePartnersPage *self,
               gint64              id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->partners));

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(EscalePartnerItem) item = g_list_model_get_item (G_LIST_MODEL (self->partners), i);

      if (escale_partner_item_get_id (item) == id)
        return (int) i;
    }
  return -1;
}

static void
select_current (EscalePartnersPage *self)
{
  int position = find_position (self, self->partner_id);

  self->reloading = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;
}

static void
show_partner (EscalePartnersPage *self,
              gint64              id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePartner) partner = NULL;
  g_autoptr(GDateTime) now = get_now (self);

  partner = id ? escale_store_load_partner (self->store, id, &error) : NULL;
  self->partner_id = partner ? id : 0;
  gtk_widget_set_sensitive (self->edit_button, partner != NULL);
  gtk_widget_set_sensitive (self->refer_button, partner != NULL);
  escale_partner_card_set_partner (self->card, partner, now);
  gtk_stack_set_visible_child_name (self->card_stack, partner ? "partner" : "none");
}

static void
fill_filter (EscalePartnersPage  *self,
             EscalePartnerFilter *filter,
             GDateTime           *now)
{
  filter->text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter->theme = escale_code_dropdown_get_code (self->theme_filter);
  filter->kind = escale_code_dropdown_get_code (self->kind_filter);
  filter->language = escale_code_dropdown_get_code (self->language_filter);
  filter->eligibility = escale_code_dropdown_get_code (self->eligibility_filter);
  filter->open_at = gtk_toggle_button_get_active (self->open_now_toggle) ? now : NULL;
  filter->open_on_day = (guint) gtk_drop_down_get_selected (self->day_filter);
  filter->has_free_places = gtk_toggle_button_get_active (self->free_places_toggle);
  filter->include_inactive = TRUE;
}

static GPtrArray *
query (EscalePartnersPage *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  EscalePartnerFilter filter = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *summaries;

  fill_filter (self, &filter, now);
  ids = escale_store_list_partners (self->store, &filter, &error);
  summaries = ids ? escale_store_load_partner_summaries (self->store, (const gint64 *) ids->data,
                                                         ids->len, &error) : NULL;
  if (summaries == NULL)
    {
      g_warning ("Cannot list the partners: %s", error ? error->message : "?");
      return g_ptr_array_new ();
    }
  return summaries;
}

static void
reload (EscalePartnersPage *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store == NULL)
    return;
  summaries = query (self);
  /* The items take the summaries over. */
  g_ptr_array_set_free_func (summaries, NULL);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (items, escale_partner_item_new (g_ptr_array_index (summaries, i)));
  self->reloading = TRUE;
  g_list_store_splice (self->partners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->partners)),
                       items->pdata, items->len);
  self->reloading = FALSE;
  update_list_state (self);
  select_current (self);
  g_signal_emit (self, signals[SUMMARIES_CHANGED], 0);
}

/* "Any day", then "Open on Monday" … "Open on Sunday": the position is the
 * weekday, 1 = Monday, as EscalePartnerFilter.open_on_day wants it. */
static void
setup_day_filter (GtkDropDown *dropdown)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) list = NULL;

  g_ptr_array_add (labels, g_strdup (_("Any day")));
  for (int day = 0; day < 7; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (monday, day);
      g_autofree char *name = g_date_time_format (date, "%A");

      /* Translators: a filter of the partners; %s is a day of the week */
      g_ptr_array_add (labels, g_strdup_printf (_("Open on %s"), name));
    }
  g_ptr_array_add (labels, NULL);
  list = gtk_string_list_new ((const char * const *) labels->pdata);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

/* Before the page has its store: the drop-downs' notifications query nothing. */
static void
setup_filters (EscalePartnersPage *self,
               EscaleStore        *store)
{
  g_assert (self->store == NULL);
  escale_code_dropdown_setup_vocab (self->theme_filter, store, ESCALE_VOCAB_THEME,
                                    _("Any theme"));
  escale_code_dropdown_setup_vocab (self->kind_filter, store, ESCALE_VOCAB_PARTNER_KIND,
                                    _("Any kind"));
  escale_code_dropdown_setup_languages (self->language_filter, _("Any language"));
  escale_code_dropdown_setup_vocab (self->eligibility_filter, store,
                                    ESCALE_VOCAB_ELIGIBILITY, C_("eligibility", "Anyone"));
  setup_day_filter (self->day_filter);
}

static void
on_filter_changed_cb (EscalePartnersPage *self)
{
  reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->list_scroll), 0);
}

static void
on_search_activate_cb (EscalePartnersPage *self)
{
  g_autoptr(EscalePartnerItem) first = g_list_model_get_item (G_LIST_MODEL (self->partners), 0);

  if (first != NULL)
    escale_partners_page_show_partner (self, escale_partner_item_get_id (first));
}

static void
on_stop_search_cb (EscalePartnersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_clear_filters_cb (EscalePartnersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->theme_filter, 0);
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->language_filter, 0);
  gtk_drop_down_set_selected (self->eligibility_filter, 0);
  gtk_toggle_button_set_active (self->open_now_toggle, FALSE);
  gtk_drop_down_set_selected (self->day_filter, 0);
  gtk_toggle_button_set_active (self->free_places_toggle, FALSE);
  reload (self);
}

static void
on_list_activate_cb (EscalePartnersPage *self,
                     guint               position)
{
  g_autoptr(EscalePartnerItem) item = g_list_model_get_item (G_LIST_MODEL (self->partners),
                                                             position);

  if (item != NULL)
    escale_partners_page_show_partner (self, escale_partner_item_get_id (item));
}

static void
on_selection_changed (EscalePartnersPage *self)
{
  EscalePartnerItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->reloading || item == NULL || escale_partner_item_get_id (item) == self->partner_id)
    return;
  show_partner (self, escale_partner_item_get_id (item));
  gtk_stack_set_visible_child_name (self->view_stack, "card");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (EscalePartnersPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_new_clicked_cb (EscalePartnersPage *self)
{
  g_signal_emit (self, signals[EDIT_PARTNER], 0, (gint64) 0);
}

static void
on_edit_clicked_cb (EscalePartnersPage *self)
{
  if (self->partner_id != 0)
    g_signal_emit (self, signals[EDIT_PARTNER], 0, self->partner_id);
}

/* A referral from the partner's side: the dialog asks for the person. */
static void
on_refer_clicked_cb (EscalePartnersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->partner_id == 0 || self->store == NULL)
    return;
  dialog = escale_referral_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, 0, self->partner_id);
  g_signal_connect_object (dialog, "referred", G_CALLBACK (escale_partners_page_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Free places were updated on the card: the list shows them too. */
static void
on_card_changed_cb (EscalePartnersPage *self)
{
  reload (self);
}

static void
escale_partners_page_dispose (GObject *object)
{
  EscalePartnersPage *self = ESCALE_PARTNERS_PAGE (object);

  /* No gtk_widget_dispose_template(): the leaflet is AdwBin's child. */
  g_clear_object (&self->selection);
  g_clear_object (&self->partners);
  g_clear_object (&self->store);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (escale_partners_page_parent_class)->dispose (object);
}

static void
escale_partners_page_class_init (EscalePartnersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_partners_page_dispose;

  /**
   * EscalePartnersPage::edit-partner:
   * @id: the partner to edit, or 0 for a new one
   *
   * The "Edit…" and "New Partner" buttons: the window opens the editor.
   */
  signals[EDIT_PARTNER] = g_signal_new ("edit-partner", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * EscalePartnersPage::summaries-changed:
   *
   * The partners listed changed: see escale_partners_page_get_summaries().
   */
  signals[SUMMARIES_CHANGED] = g_signal_new ("summaries-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  g_type_ensure (ESCALE_TYPE_PARTNER_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/partners/escale-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, language_filter);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, eligibility_filter);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, open_now_toggle);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, day_filter);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, free_places_toggle);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, list_scroll);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, refer_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, import_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, card_stack);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, card);
  gtk_widget_class_bind_template_child (widget_class, EscalePartnersPage, map_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_card_changed_cb);
}

static void
escale_partners_page_init (EscalePartnersPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  factory = escale_partner_row_factory_new (get_now, self);
  gtk_list_view_set_factory (self->list_view, factory);
  self->partners = g_list_store_new (ESCALE_TYPE_PARTNER_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->partners)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  escale_partners_map_attach (self);
  escale_partners_editing_attach (self);
  /* The map first: the whole territory at a glance, until a partner is chosen. */
  gtk_stack_set_visible_child_name (self->view_stack, "map");
}

void
escale_partners_page_set_store (EscalePartnersPage *self,
                                EscaleStore        *store)
{
  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (self));
  g_return_if_fail (ESCALE_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  setup_filters (self, store);
  self->store = g_object_ref (store);
  escale_partner_card_set_store (self->card, store);
  /* Import Partners… (win.import) is offered to the roles that may import. */
  gtk_widget_set_visible (self->import_menu_button,
                          escale_role_allows (escale_store_get_role (store), ESCALE_OP_IMPORT));
  gtk_widget_set_visible (self->empty_import_button,
                          gtk_widget_get_visible (self->import_menu_button));
  reload (self);
}

/**
 * escale_partners_page_reload:
 *
 * Queries the list again and shows the partner shown afresh: after an edit.
 */
void
escale_partners_page_reload (EscalePartnersPage *self)
{
  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (self));
  reload (self);
  if (self->partner_id != 0)
    show_partner (self, self->partner_id);
}

/**
 * escale_partners_page_show_partner:
 * @id: a partner, or 0 to show none
 *
 * Shows the partner's card (from the map, after an edit…), selected in the
 * list when it passes the filters.
 */
void
escale_partners_page_show_partner (EscalePartnersPage *self,
                                   gint64              id)
{
  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (self));
  g_return_if_fail (self->store != NULL);

  show_partner (self, id);
  select_current (self);
  gtk_stack_set_visible_child_name (self->view_stack, "card");
  if (self->partner_id != 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

gint64
escale_partners_page_get_partner_id (EscalePartnersPage *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNERS_PAGE (self), 0);
  return self->partner_id;
}

void
escale_partners_page_focus_search (EscalePartnersPage *self)
{
  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (self));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * escale_partners_page_set_query:
 *
 * Searches at once, without the search entry's typing delay.
 */
void
escale_partners_page_set_query (EscalePartnersPage *self,
                                const char         *query)
{
  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (self));
  g_signal_handlers_block_by_func (self->search_entry, on_filter_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_filter_changed_cb, self);
  reload (self);
}

/**
 * escale_partners_page_get_summaries:
 *
 * Returns: (transfer full) (element-type EscalePartnerSummary): copies of
 *   the summaries of the partners listed, in the list's order
 */
GPtrArray *
escale_partners_page_get_summaries (EscalePartnersPage *self)
{
  GListModel *model;
  GPtrArray *summaries;
  guint n;

  g_return_val_if_fail (ESCALE_IS_PARTNERS_PAGE (self), NULL);
  model = G_LIST_MODEL (self->partners);
  n = g_list_model_get_n_items (model);
  summaries = g_ptr_array_new_full (n, (GDestroyNotify) escale_partner_summary_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscalePartnerItem) item = g_list_model_get_item (model, i);
      g_ptr_array_add (summaries,
                       escale_partner_summary_copy (escale_partner_item_get_summary (item)));
    }
  return summaries;
}

/**
 * escale_partners_page_get_model:
 *
 * Returns: (transfer none): the list, of #EscalePartnerItem
 */
GListModel *
escale_partners_page_get_model (EscalePartnersPage *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->partners);
}

/**
 * escale_partners_page_get_map_slot:
 *
 * Returns: (transfer none): the empty bin of the "map" view, for the map widget
 */
AdwBin *
escale_partners_page_get_map_slot (EscalePartnersPage *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNERS_PAGE (self), NULL);
  return self->map_slot;
}

void
escale_partners_page_show_map (EscalePartnersPage *self,
                               gboolean            map)
{
  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (self));
  gtk_stack_set_visible_child_name (self->view_stack, map ? "map" : "card");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * escale_partners_page_get_card:
 *
 * Returns: (transfer none): the #EscalePartnerCard, for tests
 */
GtkWidget *
escale_partners_page_get_card (EscalePartnersPage *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNERS_PAGE (self), NULL);
  return GTK_WIDGET (self->card);
}

/**
 * escale_partners_page_set_now:
 * @now: (nullable): the time to read hours and capacity ages against, or
 *   %NULL for the clock
 */
void
escale_partners_page_set_now (EscalePartnersPage *self,
                              GDateTime          *now)
{
  g_return_if_fail (ESCALE_IS_PARTNERS_PAGE (self));
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now ? g_date_time_ref (now) : NULL;
  reload (self);
  if (self->partner_id != 0)
    show_partner (self, self->partner_id);
}

/**
 * escale_partners_page_get_store:
 *
 * Returns: (transfer none) (nullable): the page's store
 */
EscaleStore *
escale_partners_page_get_store (EscalePartnersPage *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNERS_PAGE (self), NULL);
  return self->store;
}
