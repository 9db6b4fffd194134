/* escale-household-dialog.c — choosing a person to add to a household
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-household-dialog.h"
#include "escale-person-list.h"
#include "escale-person-row.h"
#include "escale-person-store.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscaleHouseholdDialog
{
  AdwMessageDialog    parent_instance;

  EscaleStore        *store;
  EscalePerson       *person;
  EscalePersonList   *people;
  GtkSingleSelection *selection;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *role;
};

G_DEFINE_FINAL_TYPE (EscaleHouseholdDialog, escale_household_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_response (EscaleHouseholdDialog *self)
{
  EscalePersonSummary *chosen = gtk_single_selection_get_selected_item (self->selection);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add",
                                           chosen != NULL &&
                                           escale_person_summary_get_id (chosen) !=
                                           escale_person_get_id (self->person));
}

static void
on_search_changed (EscaleHouseholdDialog *self)
{
  escale_household_dialog_set_query (self,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_response (EscaleHouseholdDialog *self,
             const char            *response)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *alert;

  if (!g_str_equal (response, "add") ||
      escale_household_dialog_add (self, gtk_single_selection_get_selected (self->selection),
                                   escale_code_dropdown_get_code (self->role), &error))
    return;
  alert = adw_message_dialog_new (parent, _("Could Not Add to the Household"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

static GtkWidget *
build_content (EscaleHouseholdDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = escale_person_row_factory_new (self->store);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Name, file number or phone"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search people"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed),
                            self);
  list = gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                            g_object_ref (factory));
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  self->role = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  escale_code_dropdown_setup_vocab (self->role, self->store, ESCALE_VOCAB_HOUSEHOLD_ROLE, NULL);
  escale_code_dropdown_set_code (self->role, "other");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->role), _("Role in the household"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Role in the household"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->role));
  return box;
}

static void
escale_household_dialog_dispose (GObject *object)
{
  EscaleHouseholdDialog *self = ESCALE_HOUSEHOLD_DIALOG (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_household_dialog_parent_class)->dispose (object);
}

static void
escale_household_dialog_class_init (EscaleHouseholdDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_household_dialog_dispose;

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_household_dialog_init (G_GNUC_UNUSED EscaleHouseholdDialog *self)
{
}

EscaleHouseholdDialog *
escale_household_dialog_new (GtkWindow    *parent,
                             EscaleStore  *store,
                             EscalePerson *person)
{
  EscaleHouseholdDialog *self;
  g_autofree char *name = escale_person_dup_display_name (person);
  g_autofree char *body = NULL;

  /* Translators: %s is a person's name */
  body = g_strdup_printf (_("Choose the person who lives with %s."), name);
  self = g_object_new (ESCALE_TYPE_HOUSEHOLD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Add to the Household"),
                       "body", body,
                       NULL);
  self->store = g_object_ref (store);
  self->person = g_object_ref (person);
  self->people = escale_person_list_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_response),
                           self, G_CONNECT_SWAPPED);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), build_content (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "add");
  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
  update_response (self);
  return self;
}

void
escale_household_dialog_set_query (EscaleHouseholdDialog *self,
                                   const char            *query)
{
  g_return_if_fail (ESCALE_IS_HOUSEHOLD_DIALOG (self));
  escale_person_list_set_query (self->people, query);
  gtk_single_selection_set_selected (self->selection,
                                     g_list_model_get_n_items (G_LIST_MODEL (self->people)) > 0 ?
                                     0 : GTK_INVALID_LIST_POSITION);
  update_response (self);
}

/**
 * escale_household_dialog_add:
 * @position: the position of the chosen person in the list
 * @role: (nullable): their role
 *
 * Adds the chosen person to the household and emits "added".
 */
gboolean
escale_household_dialog_add (EscaleHouseholdDialog  *self,
                             guint                   position,
                             const char             *role,
                             GError                **error)
{
  g_autoptr(EscalePersonSummary) chosen = NULL;

  g_return_val_if_fail (ESCALE_IS_HOUSEHOLD_DIALOG (self), FALSE);

  chosen = g_list_model_get_item (G_LIST_MODEL (self->people), position);
  if (chosen == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose a person in the list"));
      return FALSE;
    }
  if (!escale_store_household_add (self->store, escale_person_get_id (self->person),
                                   escale_person_summary_get_id (chosen), role, error))
    return FALSE;
  g_signal_emit (self, signals[ADDED], 0);
  return TRUE;
}
