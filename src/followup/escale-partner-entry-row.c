/* escale-partner-entry-row.c — a partner typed freely or linked to the directory
 *
 * The suggestions are the directory's partners whose name, city, postal
 * code or code match the text (escale_store_list_partners), at most
 * N_SUGGESTIONS, in a popover that leaves the focus in the entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-editor-util.h"
#include "escale-partner-entry-row.h"
#include "escale-partner-store.h"

#define N_SUGGESTIONS 8
#define PARTNER_KEY "escale-partner-id"

struct _EscalePartnerEntryRow
{
  AdwEntryRow   parent_instance;

  EscaleStore  *store;
  gint64        partner_id;
  gboolean      setting;     /* the text is changed by code, not typed */

  GtkWidget    *popover;
  GtkListBox   *suggestions;
  GtkWidget    *link_box;    /* the suffix showing the link */
};

G_DEFINE_FINAL_TYPE (EscalePartnerEntryRow, escale_partner_entry_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_PARTNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
set_partner_id (EscalePartnerEntryRow *self,
                gint64                 partner_id)
{
  gtk_widget_set_visible (self->link_box, partner_id != 0);
  if (self->partner_id == partner_id)
    return;
  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_ID]);
}

static void
clear_suggestions (EscalePartnerEntryRow *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->suggestions, 0)) != NULL)
    gtk_list_box_remove (self->suggestions, GTK_WIDGET (row));
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static GtkWidget *
suggestion_row_new (const EscalePartnerSummary *summary)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->name);
  if (summary->city != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary->city);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), PARTNER_KEY, GSIZE_TO_POINTER ((gsize) summary->id));
  return row;
}

static void
suggest (EscalePartnerEntryRow *self,
         const char            *text)
{
  EscalePartnerFilter filter = { .text = text };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;

  clear_suggestions (self);
  if (self->store == NULL || escale_editor_is_blank (text))
    return;
  ids = escale_store_list_partners (self->store, &filter, NULL);
  if (ids == NULL || ids->len == 0)
    return;
  summaries = escale_store_load_partner_summaries (self->store, (const gint64 *) ids->data,
                                                   MIN (ids->len, N_SUGGESTIONS), NULL);
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    gtk_list_box_append (self->suggestions, suggestion_row_new (g_ptr_array_index (summaries, i)));
  if (gtk_list_box_get_row_at_index (self->suggestions, 0) != NULL &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* Callbacks */

static void
on_changed_cb (EscalePartnerEntryRow *self)
{
  if (self->setting)
    return;
  /* What is typed is free text: the link no longer holds. */
  set_partner_id (self, 0);
  suggest (self, gtk_editable_get_text (GTK_EDITABLE (self)));
}

static void
on_suggestion_activated_cb (EscalePartnerEntryRow *self,
                            GtkListBoxRow         *row)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), PARTNER_KEY));

  escale_partner_entry_row_set_partner (self, id,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
}

static void
on_unlink_clicked_cb (EscalePartnerEntryRow *self)
{
  set_partner_id (self, 0);
}

static void
on_focus_leave_cb (EscalePartnerEntryRow *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean
on_key_pressed_cb (EscalePartnerEntryRow *self,
                   guint                  keyval,
                   guint                  keycode G_GNUC_UNUSED,
                   GdkModifierType        state G_GNUC_UNUSED)
{
  if (keyval != GDK_KEY_Escape || !gtk_widget_get_visible (self->popover))
    return FALSE;
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  return TRUE;
}

/* Building */

static GtkWidget *
build_link_box (EscalePartnerEntryRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name ("insert-link-symbolic");
  GtkWidget *unlink = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* Translators: tooltip of the icon next to a partner chosen in the directory */
  gtk_widget_set_tooltip_text (icon, _("Linked to the partner directory"));
  gtk_widget_add_css_class (icon, "accent");
  gtk_widget_set_margin_end (icon, 3);
  gtk_widget_set_tooltip_text (unlink, _("Unlink from the partner directory"));
  gtk_widget_add_css_class (unlink, "flat");
  gtk_widget_add_css_class (unlink, "circular");
  g_signal_connect_object (unlink, "clicked", G_CALLBACK (on_unlink_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), unlink);
  gtk_widget_set_visible (box, FALSE);
  return box;
}

static void
build_popover (EscalePartnerEntryRow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->suggestions = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->suggestions, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->suggestions), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Partners of the directory"), -1);
  g_signal_connect_object (self->suggestions, "row-activated",
                           G_CALLBACK (on_suggestion_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->suggestions));

  self->popover = gtk_popover_new ();
  /* The focus stays in the entry while typing. */
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_size_request (self->popover, 320, -1);
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

/* GObject and GtkWidget overrides */

static void
escale_partner_entry_row_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  EscalePartnerEntryRow *self = ESCALE_PARTNER_ENTRY_ROW (widget);

  GTK_WIDGET_CLASS (escale_partner_entry_row_parent_class)->size_allocate (widget, width, height,
                                                                           baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
escale_partner_entry_row_unmap (GtkWidget *widget)
{
  EscalePartnerEntryRow *self = ESCALE_PARTNER_ENTRY_ROW (widget);

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  GTK_WIDGET_CLASS (escale_partner_entry_row_parent_class)->unmap (widget);
}

static void
escale_partner_entry_row_dispose (GObject *object)
{
  EscalePartnerEntryRow *self = ESCALE_PARTNER_ENTRY_ROW (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (escale_partner_entry_row_parent_class)->dispose (object);
}

static void
escale_partner_entry_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  EscalePartnerEntryRow *self = ESCALE_PARTNER_ENTRY_ROW (object);

  if (prop_id == PROP_PARTNER_ID)
    g_value_set_int64 (value, self->partner_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
escale_partner_entry_row_class_init (EscalePartnerEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_partner_entry_row_dispose;
  object_class->get_property = escale_partner_entry_row_get_property;
  widget_class->size_allocate = escale_partner_entry_row_size_allocate;
  widget_class->unmap = escale_partner_entry_row_unmap;

  properties[PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_partner_entry_row_init (EscalePartnerEntryRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->link_box = build_link_box (self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->link_box);
  build_popover (self);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* Public API */

GtkWidget *
escale_partner_entry_row_new (void)
{
  return g_object_new (ESCALE_TYPE_PARTNER_ENTRY_ROW, NULL);
}

void
escale_partner_entry_row_set_store (EscalePartnerEntryRow *self,
                                    EscaleStore           *store)
{
  g_return_if_fail (ESCALE_IS_PARTNER_ENTRY_ROW (self));

  g_set_object (&self->store, store);
}

gint64
escale_partner_entry_row_get_partner_id (EscalePartnerEntryRow *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_ENTRY_ROW (self), 0);

  return self->partner_id;
}

void
escale_partner_entry_row_set_partner (EscalePartnerEntryRow *self,
                                      gint64                 partner_id,
                                      const char            *text)
{
  g_return_if_fail (ESCALE_IS_PARTNER_ENTRY_ROW (self));
  g_return_if_fail (partner_id >= 0);

  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
  self->setting = FALSE;
  clear_suggestions (self);
  set_partner_id (self, partner_id);
}

/**
 * escale_partner_entry_row_get_suggestions:
 *
 * Returns: (transfer none): the list of the suggestions
 */
GtkListBox *
escale_partner_entry_row_get_suggestions (EscalePartnerEntryRow *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_ENTRY_ROW (self), NULL);

  return self->suggestions;
}
