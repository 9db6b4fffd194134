/* escale-partner-lists.c — the lists of a partner in its editor
 *
 * The rows of each list, filled from a partner and read back into one.
 * The n-th item edits the n-th phone, language, closure, contact or
 * service, so that the store's messages find their row by index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-editor-util.h"
#include "escale-iso.h"
#include "escale-partner-lists.h"
#include "escale-partner-util.h"
#include "escale-service-row.h"
#include "escale-ui-util.h"

#define CODE_KEY    "escale-code"
#define CONTACT_KEY "escale-contact"

/* Helpers: rows */

/* A row of entries side by side, ending with @remove. */
static GtkWidget *
entries_row_new (GtkWidget *remove)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_box_append (GTK_BOX (box), remove);
  return row;
}

/* Adds an entry before the remove button of @row. */
static GtkWidget *
add_entry (GtkWidget  *row,
           const char *part,
           const char *label,
           const char *example,
           int         width_chars,
           const char *text)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *entry = escale_partner_entry_new (label, example, width_chars);

  gtk_box_insert_child_after (GTK_BOX (box), entry,
                              gtk_widget_get_prev_sibling (gtk_widget_get_last_child (box)));
  escale_partner_set_text (entry, text);
  escale_item_set_part (row, part, entry);
  return entry;
}

static GtkWidget *
build_phone (EscaleItemList *list G_GNUC_UNUSED,
             GtkWidget      *remove,
             gpointer        data,
             gpointer        user_data G_GNUC_UNUSED)
{
  EscalePartnerPhone *phone = data;
  GtkWidget *row = entries_row_new (remove);

  add_entry (row, "phone", _("Phone number"), "+33 1 42 00 00 00", 0, phone ? phone->phone : NULL);
  /* Translators: hint in the empty entry for a phone's label */
  add_entry (row, "label", _("Label"), _("Reception, mobile…"), 14,
             phone ? phone->label : NULL);
  return row;
}

static GtkWidget *
build_language (EscaleItemList *list G_GNUC_UNUSED,
                GtkWidget      *remove,
                gpointer        data,
                gpointer        user_data G_GNUC_UNUSED)
{
  const char *code = data;
  const char *name = escale_iso_language_name (code);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : code);
  g_object_set_data_full (G_OBJECT (row), CODE_KEY, g_strdup (code), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  escale_item_set_part (row, "code", row);
  return row;
}

static GtkWidget *
build_closure (EscaleItemList *list G_GNUC_UNUSED,
               GtkWidget      *remove,
               gpointer        data,
               gpointer        user_data G_GNUC_UNUSED)
{
  EscalePartnerClosure *closure = data;
  GtkWidget *row = entries_row_new (remove);
  g_autofree char *from = escale_editor_date_to_text (closure ? closure->from_date : NULL,
                                                      ESCALE_DATE_EXACT);
  g_autofree char *to = escale_editor_date_to_text (closure ? closure->to_date : NULL,
                                                    ESCALE_DATE_EXACT);

  /* Translators: the first day of an exceptional closure */
  add_entry (row, "from", _("Closed from"), _("From"), 10, from);
  /* Translators: the last day of an exceptional closure */
  add_entry (row, "to", _("Closed until"), _("Until"), 10, to);
  add_entry (row, "reason", _("Reason"), _("Reason"), 0, closure ? closure->reason : NULL);
  return row;
}

static void
update_contact_title (GtkWidget *row)
{
  g_autofree char *name = escale_partner_dup_text (escale_item_get_part (row, "name"));
  g_autofree char *role = escale_partner_dup_text (escale_item_get_part (row, "role"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : _("New Contact"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), role ? role : "");
}

static void
add_contact_entry (GtkWidget  *row,
                   const char *part,
                   const char *title,
                   const char *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  escale_partner_set_text (entry, text);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
  escale_item_set_part (row, part, entry);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_contact_title), row);
}

static GtkWidget *
build_contact (EscaleItemList *list G_GNUC_UNUSED,
               GtkWidget      *remove,
               gpointer        data,
               gpointer        user_data G_GNUC_UNUSED)
{
  EscalePartnerContact *contact = data;
  EscalePartnerContact *kept = escale_partner_contact_new ();
  GtkWidget *row = adw_expander_row_new ();

  if (contact != NULL)
    {
      kept->id = contact->id;
      kept->uuid = g_strdup (contact->uuid);
    }
  g_object_set_data_full (G_OBJECT (row), CONTACT_KEY, kept,
                          (GDestroyNotify) escale_partner_contact_free);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  add_contact_entry (row, "name", _("Name"), contact ? contact->name : NULL);
  add_contact_entry (row, "role", _("Role"), contact ? contact->role : NULL);
  add_contact_entry (row, "phone", _("Phone"), contact ? contact->phone : NULL);
  add_contact_entry (row, "email", _("Email"), contact ? contact->email : NULL);
  update_contact_title (row);
  return row;
}

static GtkWidget *
build_service (EscaleItemList *list G_GNUC_UNUSED,
               GtkWidget      *remove,
               gpointer        data,
               gpointer        user_data)
{
  GtkWidget *row = escale_service_row_new (user_data);

  if (data != NULL)
    escale_service_row_fill (ESCALE_SERVICE_ROW (row), data);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  return row;
}

/* Helpers: languages */

static void
on_language_chosen_cb (GtkDropDown    *dropdown,
                       GParamSpec     *pspec G_GNUC_UNUSED,
                       EscaleItemList *list)
{
  const char *code = escale_code_dropdown_get_code (dropdown);
  guint n = escale_item_list_get_n_items (list);

  if (code == NULL)
    return;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (escale_item_list_get_row (list, i)), CODE_KEY),
                   code) == 0)
      code = NULL;
  if (code != NULL)
    escale_item_list_add (list, (gpointer) code);
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
add_language_chooser (EscaleItemList *list)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  escale_code_dropdown_setup_languages (GTK_DROP_DOWN (dropdown), _("Add a Language…"));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a language"), -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_language_chosen_cb),
                           list, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (list), dropdown);
}

/* Helpers: reading */

/* The ISO date in the entry @part of @row, or %NULL with an error. */
static char *
read_date (GtkWidget  *row,
           const char *part,
           const char *what,
           guint       index,
           GPtrArray  *errors)
{
  g_autofree char *text = escale_partner_dup_text (escale_item_get_part (row, part));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  char *iso;

  if (text == NULL)
    return NULL;
  iso = escale_date_parse (text, NULL, &error);
  if (iso != NULL)
    return iso;
  /* Translators: an error about one field of a closure, "Until: This date does not exist" */
  message = g_strdup_printf (_("%s: %s"), what, error->message);
  escale_partner_add_form_error (errors, ESCALE_PARTNER_FIELD_CLOSURES, index, message);
  return NULL;
}

static void
collect_closure (GtkWidget     *row,
                 guint          index,
                 EscalePartner *partner,
                 GPtrArray     *errors)
{
  g_autofree char *reason = escale_partner_dup_text (escale_item_get_part (row, "reason"));
  guint n_errors = errors->len;
  g_autofree char *from = read_date (row, "from", _("From"), index, errors);
  g_autofree char *to = read_date (row, "to", _("Until"), index, errors);
  g_autofree char *to_text = escale_partner_dup_text (escale_item_get_part (row, "to"));

  if (from == NULL && errors->len == n_errors)
    escale_partner_add_form_error (errors, ESCALE_PARTNER_FIELD_CLOSURES, index,
                                   _("Give the first day of the closure"));
  /* A closure of one day needs no end. */
  if (to == NULL && to_text == NULL)
    to = g_strdup (from);
  escale_partner_add_closure (partner, from, to, reason);
}

static void
collect_contact (GtkWidget     *row,
                 EscalePartner *partner)
{
  EscalePartnerContact *kept = g_object_get_data (G_OBJECT (row), CONTACT_KEY);
  g_autofree char *name = escale_partner_dup_text (escale_item_get_part (row, "name"));
  g_autofree char *role = escale_partner_dup_text (escale_item_get_part (row, "role"));
  g_autofree char *phone = escale_partner_dup_text (escale_item_get_part (row, "phone"));
  g_autofree char *email = escale_partner_dup_text (escale_item_get_part (row, "email"));
  EscalePartnerContact *contact = escale_partner_add_contact (partner, name, role, phone, email);

  contact->id = kept->id;
  contact->uuid = g_strdup (kept->uuid);
}

static void
collect_item (GtkWidget         *row,
              EscalePartnerList  list,
              guint              index,
              EscalePartner     *partner,
              GStrvBuilder      *languages,
              GPtrArray         *errors)
{
  g_autofree char *phone = NULL, *label = NULL;

  switch (list)
    {
    case ESCALE_PARTNER_LIST_PHONES:
      phone = escale_partner_dup_text (escale_item_get_part (row, "phone"));
      label = escale_partner_dup_text (escale_item_get_part (row, "label"));
      escale_partner_add_phone (partner, phone, label);
      break;
    case ESCALE_PARTNER_LIST_LANGUAGES:
      g_strv_builder_add (languages, g_object_get_data (G_OBJECT (row), CODE_KEY));
      break;
    case ESCALE_PARTNER_LIST_CLOSURES:
      collect_closure (row, index, partner, errors);
      break;
    case ESCALE_PARTNER_LIST_SERVICES:
      g_ptr_array_add (partner->services,
                       escale_service_row_collect (ESCALE_SERVICE_ROW (row), index, errors));
      break;
    case ESCALE_PARTNER_LIST_CONTACTS:
      collect_contact (row, partner);
      break;
    case ESCALE_N_PARTNER_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static void
clear_list (EscalePartnerList  list,
            EscalePartner     *partner)
{
  switch (list)
    {
    case ESCALE_PARTNER_LIST_PHONES:
      g_ptr_array_set_size (partner->phones, 0);
      break;
    case ESCALE_PARTNER_LIST_CLOSURES:
      g_array_set_size (partner->closures, 0);
      break;
    case ESCALE_PARTNER_LIST_SERVICES:
      g_ptr_array_set_size (partner->services, 0);
      break;
    case ESCALE_PARTNER_LIST_CONTACTS:
      g_ptr_array_set_size (partner->contacts, 0);
      break;
    case ESCALE_PARTNER_LIST_LANGUAGES:
    case ESCALE_N_PARTNER_LISTS:
    default:
      break;
    }
}

/* Public API */

/**
 * escale_partner_list_new:
 *
 * Returns: (transfer floating): the list's group, empty
 */
EscaleItemList *
escale_partner_list_new (EscalePartnerList  list,
                         EscaleStore       *store)
{
  EscaleItemList *self = NULL;

  switch (list)
    {
    case ESCALE_PARTNER_LIST_PHONES:
      return escale_item_list_new (_("Phones"), _("Add a Phone"), build_phone, NULL);
    case ESCALE_PARTNER_LIST_LANGUAGES:
      self = escale_item_list_new (_("Languages Spoken"), NULL, build_language, NULL);
      add_language_chooser (self);
      return self;
    case ESCALE_PARTNER_LIST_CLOSURES:
      self = escale_item_list_new (_("Exceptional Closures"), _("Add a Closure"), build_closure,
                                   NULL);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Holidays and other days off, both days "
                                               "included"));
      return self;
    case ESCALE_PARTNER_LIST_SERVICES:
      return escale_item_list_new (_("Services"), _("Add a Service"), build_service, store);
    case ESCALE_PARTNER_LIST_CONTACTS:
      return escale_item_list_new (_("Contacts"), _("Add a Contact"), build_contact, NULL);
    case ESCALE_N_PARTNER_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
escale_partner_list_fill (EscaleItemList    *self,
                          EscalePartnerList  list,
                          EscalePartner     *partner)
{
  g_return_if_fail (ESCALE_IS_ITEM_LIST (self));

  escale_item_list_remove_all (self);
  switch (list)
    {
    case ESCALE_PARTNER_LIST_PHONES:
      for (guint i = 0; i < partner->phones->len; i++)
        escale_item_list_add (self, g_ptr_array_index (partner->phones, i));
      break;
    case ESCALE_PARTNER_LIST_LANGUAGES:
      for (guint i = 0; partner->languages[i] != NULL; i++)
        escale_item_list_add (self, partner->languages[i]);
      break;
    case ESCALE_PARTNER_LIST_CLOSURES:
      for (guint i = 0; i < partner->closures->len; i++)
        escale_item_list_add (self, &g_array_index (partner->closures, EscalePartnerClosure, i));
      break;
    case ESCALE_PARTNER_LIST_SERVICES:
      for (guint i = 0; i < partner->services->len; i++)
        escale_item_list_add (self, g_ptr_array_index (partner->services, i));
      break;
    case ESCALE_PARTNER_LIST_CONTACTS:
      for (guint i = 0; i < partner->contacts->len; i++)
        escale_item_list_add (self, g_ptr_array_index (partner->contacts, i));
      break;
    case ESCALE_N_PARTNER_LISTS:
    default:
      g_return_if_reached ();
    }
}

void
escale_partner_list_collect (EscaleItemList    *self,
                             EscalePartnerList  list,
                             EscalePartner     *partner,
                             GPtrArray         *errors)
{
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();
  guint n;

  g_return_if_fail (ESCALE_IS_ITEM_LIST (self));

  clear_list (list, partner);
  n = escale_item_list_get_n_items (self);
  for (guint i = 0; i < n; i++)
    collect_item (escale_item_list_get_row (self, i), list, i, partner, languages, errors);
  if (list == ESCALE_PARTNER_LIST_LANGUAGES)
    {
      g_strfreev (partner->languages);
      partner->languages = g_strv_builder_end (languages);
    }
}

int
escale_partner_list_of_field (EscalePartnerField field)
{
  switch ((int) field)
    {
    case ESCALE_PARTNER_FIELD_PHONES:
      return ESCALE_PARTNER_LIST_PHONES;
    case ESCALE_PARTNER_FIELD_LANGUAGES:
      return ESCALE_PARTNER_LIST_LANGUAGES;
    case ESCALE_PARTNER_FIELD_CLOSURES:
      return ESCALE_PARTNER_LIST_CLOSURES;
    case ESCALE_PARTNER_FIELD_CONTACTS:
      return ESCALE_PARTNER_LIST_CONTACTS;
    case ESCALE_PARTNER_FIELD_SERVICE_THEME:
    case ESCALE_PARTNER_FIELD_SERVICE_ELIGIBILITY:
    case ESCALE_PARTNER_FIELD_SERVICE_CAPACITY:
      return ESCALE_PARTNER_LIST_SERVICES;
    default:
      return -1;
    }
}
