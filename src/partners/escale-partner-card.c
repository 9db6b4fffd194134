/* escale-partner-card.c — a partner of the directory, as read
 *
 * A header (name, kind, open now or closed, inactive) above groups built
 * from the record each time a partner is shown: contact details, opening
 * hours and closures, languages, one group per service with its capacity
 * and an "Update…" button, contacts, and the referrals sent there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-followup-util.h"
#include "escale-iso.h"
#include "escale-partner-card.h"
#include "escale-partner-hours.h"
#include "escale-partner-row.h"
#include "escale-referral-store.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

/* Isolated, so that a phone number keeps its order in right-to-left text. */
#define ISOLATE(text) "\xe2\x81\xa6" text "\xe2\x81\xa9"

struct _EscalePartnerCard
{
  AdwBin         parent_instance;

  EscaleStore   *store;
  EscalePartner *partner;
  GDateTime     *now;

  GtkBox        *sections;
};

G_DEFINE_FINAL_TYPE (EscalePartnerCard, escale_partner_card, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void render (EscalePartnerCard *self);

static GtkWidget *
new_tag (const char *text,
         const char *css_class,
         const char *css_class2)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class (label, css_class2);
  return label;
}

static AdwPreferencesGroup *
add_group (EscalePartnerCard *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->sections, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* A field: its name small above its value; nothing when there is no value. */
static AdwActionRow *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;
  row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE,
                      NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

static void
on_link_row_activated (AdwActionRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_object_get_data (G_OBJECT (row), "uri"), GDK_CURRENT_TIME);
}

/* A row that opens @uri: a phone call, a mail, a web page. */
static void
add_link_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *value,
              const char          *uri,
              const char          *icon_name)
{
  AdwActionRow *row = add_row (group, title, value);

  if (row == NULL)
    return;
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name (icon_name));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_link_row_activated), NULL);
}

static char *
join_labels (EscalePartnerCard   *self,
             const char          *kind,
             const char * const  *codes)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *label = kind ? escale_vocab_get_label (self->store, kind, codes[i]) : NULL;
      const char *name = kind ? label : escale_iso_language_name (codes[i]);

      g_string_append_printf (out, "%s%s", out->len ? ", " : "", name ? name : codes[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
build_header (EscalePartnerCard *self)
{
  EscalePartner *partner = self->partner;
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_label_new (partner->name);
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *kind = escale_vocab_get_label (self->store, ESCALE_VOCAB_PARTNER_KIND,
                                                  partner->kind);

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "title-1");
  gtk_box_append (GTK_BOX (header), name);
  if (*kind != '\0')
    gtk_box_append (GTK_BOX (tags), new_tag (kind, "dim-label", NULL));
  if (partner->hours->len > 0)
    {
      gboolean open = escale_hours_is_open_at (partner->hours, partner->closures, self->now);

      gtk_box_append (GTK_BOX (tags), open ? new_tag (_("Open now"), "status-badge", "done")
                                           : new_tag (_("Closed now"), "status-badge",
                                                      "cancelled"));
    }
  if (!partner->active)
    gtk_box_append (GTK_BOX (tags), new_tag (_("Inactive"), "closed-tag", NULL));
  gtk_box_append (GTK_BOX (header), tags);
  gtk_widget_add_css_class (header, "partner-header");
  gtk_box_append (self->sections, header);
}

static void
build_contact (EscalePartnerCard *self)
{
  EscalePartner *partner = self->partner;
  AdwPreferencesGroup *group = add_group (self, _("Address and Contact"));
  g_autoptr(GString) address = g_string_new (partner->address);

  if (partner->postal_code != NULL || partner->city != NULL)
    g_string_append_printf (address, "%s%s%s%s", address->len ? "\n" : "",
                            partner->postal_code ? partner->postal_code : "",
                            partner->postal_code && partner->city ? " " : "",
                            partner->city ? partner->city : "");
  add_row (group, _("Address"), address->str);
  for (guint i = 0; i < partner->phones->len; i++)
    {
      EscalePartnerPhone *phone = g_ptr_array_index (partner->phones, i);
      g_autofree char *shown = g_strdup_printf (ISOLATE ("%s"), phone->phone);
      g_autofree char *uri = g_strdup_printf ("tel:%s", phone->phone);
      /* Translators: %s is what the number is for, like "reception" or "mobile" */
      g_autofree char *title = phone->label ? g_strdup_printf (_("Phone (%s)"), phone->label)
                                            : g_strdup (_("Phone"));

      g_strdelimit (uri, " .", '-');
      add_link_row (group, title, shown, uri, "call-start-symbolic");
    }
  if (partner->email != NULL)
    {
      g_autofree char *uri = g_strdup_printf ("mailto:%s", partner->email);
      add_link_row (group, _("Email"), partner->email, uri, "mail-send-symbolic");
    }
  if (partner->website != NULL)
    {
      g_autofree char *uri = strstr (partner->website, "://") ? g_strdup (partner->website)
                             : g_strdup_printf ("https://%s", partner->website);
      add_link_row (group, _("Website"), partner->website, uri, "web-browser-symbolic");
    }
  if (address->len == 0 && partner->phones->len == 0 && partner->email == NULL &&
      partner->website == NULL)
    add_row (group, _("No contact details"), _("Add an address or a phone number with Edit"));
}

static void
build_hours (EscalePartnerCard *self)
{
  EscalePartner *partner = self->partner;
  g_autofree char *hours = escale_hours_format (partner->hours);
  g_autofree char *today = g_date_time_format (self->now, "%Y-%m-%d");
  g_autofree char *languages = join_labels (self, NULL, (const char * const *) partner->languages);
  AdwPreferencesGroup *group = add_group (self, _("Opening Hours and Languages"));

  add_row (group, _("Opening hours"), *hours ? hours : _("Not given"));
  add_row (group, _("About the hours"), partner->hours_note);
  for (guint i = 0; i < partner->closures->len; i++)
    {
      EscalePartnerClosure *closure = &g_array_index (partner->closures, EscalePartnerClosure, i);
      g_autofree char *from = escale_format_date (closure->from_date);
      g_autofree char *to = escale_format_date (closure->to_date);
      g_autofree char *title = NULL;
      AdwActionRow *row;

      if (g_strcmp0 (closure->to_date, today) < 0)
        continue;  /* over */
      /* Translators: an exceptional closure, "Closed from 22/12/2025 to 2/01/2026" */
      title = g_strdup_printf (_("Closed from %s to %s"), from, to);
      row = add_row (group, title, closure->reason && *closure->reason ? closure->reason : " ");
      if (row != NULL)
        adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
    }
  add_row (group, _("Languages spoken"), languages);
}

static void
on_update_response (AdwMessageDialog *dialog,
                    const char       *response,
                    EscalePartnerCard *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "spin");
  gint64 service_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "service-id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(EscalePartner) reloaded = NULL;

  if (g_strcmp0 (response, "update") != 0 || self->partner == NULL)
    return;
  if (!escale_store_set_service_free_places (self->store, service_id,
                                             gtk_spin_button_get_value_as_int (spin), &error))
    {
      escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  reloaded = escale_store_load_partner (self->store, self->partner->id, &error);
  if (reloaded == NULL)
    return;
  g_clear_pointer (&self->partner, escale_partner_free);
  self->partner = g_steal_pointer (&reloaded);
  render (self);
  g_signal_emit (self, signals[CHANGED], 0, self->partner->id);
}

static void
on_update_clicked (GtkButton         *button,
                   EscalePartnerCard *self)
{
  escale_partner_card_ask_free_places (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                                 "index")));
}

static void
add_capacity_row (EscalePartnerCard    *self,
                  AdwPreferencesGroup  *group,
                  EscalePartnerService *service,
                  guint                 index)
{
  g_autofree char *text = escale_capacity_format (service->capacity_free,
                                                  service->capacity_updated_at, self->now);
  AdwActionRow *row = add_row (group, _("Capacity"), text);
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Update…"));

  gtk_widget_add_css_class (warning, "warning");
  adw_action_row_add_prefix (row, warning);
  escale_partner_style_capacity (GTK_WIDGET (row), warning, service->capacity_updated_at,
                                 self->now);
  if (service->capacity_total != ESCALE_PARTNER_UNSET)
    {
      /* Translators: a service's capacity, free places or not */
      g_autofree char *total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d place in all",
                                                             "%d places in all",
                                                             (gulong) service->capacity_total),
                                                (int) service->capacity_total);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), total);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Update the number of free places"));
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_update_clicked), self, 0);
  adw_action_row_add_suffix (row, button);
}

static void
build_service (EscalePartnerCard    *self,
               EscalePartnerService *service,
               guint                 index)
{
  g_autofree char *theme = escale_vocab_get_label (self->store, ESCALE_VOCAB_THEME, service->theme);
  g_autofree char *eligibility = join_labels (self, ESCALE_VOCAB_ELIGIBILITY,
                                              (const char * const *) service->eligibility);
  AdwPreferencesGroup *group = add_group (self, index == 0 ? _("Services") : NULL);
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, "title-lines", 0,
                                 NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 service->description && *service->description
                                 ? service->description : theme);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_tag (theme, "theme-tag",
                                                            escale_theme_css_class (service->theme)));
  adw_preferences_group_add (group, row);
  add_row (group, _("Open to"), *eligibility ? eligibility : _("Anyone"));
  add_row (group, _("Documents to bring"), service->documents);
  add_capacity_row (self, group, service, index);
}

static void
build_contacts (EscalePartnerCard *self)
{
  GPtrArray *contacts = self->partner->contacts;
  AdwPreferencesGroup *group;

  if (contacts->len == 0)
    return;
  group = add_group (self, _("Contacts"));
  for (guint i = 0; i < contacts->len; i++)
    {
      EscalePartnerContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GString) details = g_string_new (contact->role);

      if (contact->phone != NULL)
        g_string_append_printf (details, "%s" ISOLATE ("%s"), details->len ? " · " : "",
                                contact->phone);
      if (contact->email != NULL)
        g_string_append_printf (details, "%s%s", details->len ? " · " : "", contact->email);
      add_row (group, contact->name ? contact->name : _("Unnamed contact"),
               details->len ? details->str : " ");
    }
}

static void
add_count_row (AdwPreferencesGroup *group,
               const char          *title,
               guint                count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  add_row (group, title, text);
}

static void
build_referrals (EscalePartnerCard *self)
{
  g_autoptr(GPtrArray) stats = escale_store_referral_stats (self->store, self->partner->id,
                                                            NULL, NULL, NULL);
  AdwPreferencesGroup *group = add_group (self, _("Referrals"));
  EscaleReferralStats *counts = stats && stats->len ? g_ptr_array_index (stats, 0) : NULL;

  if (counts == NULL || counts->sent == 0)
    {
      add_row (group, _("No referrals yet"), _("Referrals to this partner will be counted here"));
      return;
    }
  add_count_row (group, C_("referrals", "Sent"), counts->sent);
  add_count_row (group, C_("referrals", "Accepted"), counts->accepted);
  add_count_row (group, C_("referrals", "Refused"), counts->refused);
  add_count_row (group, C_("referrals", "Waiting for an answer"), counts->pending);
  if (counts->has_average)
    {
      /* Translators: the average time a partner takes to answer a referral */
      g_autofree char *days = g_strdup_printf (_("%.1f days"), counts->average_days);
      add_row (group, _("Average time to an answer"), days);
    }
}

static void
build_notes (EscalePartnerCard *self)
{
  if (self->partner->notes != NULL && *self->partner->notes != '\0')
    add_row (add_group (self, NULL), _("Notes"), self->partner->notes);
}

static void
clear_sections (EscalePartnerCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
}

static void
render (EscalePartnerCard *self)
{
  clear_sections (self);
  if (self->partner == NULL)
    return;
  build_header (self);
  build_contact (self);
  build_hours (self);
  for (guint i = 0; i < self->partner->services->len; i++)
    build_service (self, g_ptr_array_index (self->partner->services, i), i);
  build_contacts (self);
  build_referrals (self);
  build_notes (self);
}

static void
escale_partner_card_dispose (GObject *object)
{
  EscalePartnerCard *self = ESCALE_PARTNER_CARD (object);

  g_clear_pointer (&self->partner, escale_partner_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (escale_partner_card_parent_class)->dispose (object);
}

static void
escale_partner_card_class_init (EscalePartnerCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_partner_card_dispose;

  /**
   * EscalePartnerCard::changed:
   * @partner_id: the partner whose record changed (its free places)
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
escale_partner_card_init (EscalePartnerCard *self)
{
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->sections = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (self->sections), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->sections), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->sections), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->sections), 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->sections));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  adw_bin_set_child (ADW_BIN (self), scroll);
}

void
escale_partner_card_set_store (EscalePartnerCard *self,
                               EscaleStore       *store)
{
  g_return_if_fail (ESCALE_IS_PARTNER_CARD (self));
  g_return_if_fail (ESCALE_IS_STORE (store));
  g_set_object (&self->store, store);
}

/**
 * escale_partner_card_set_partner:
 * @partner: (nullable) (transfer none): the partner shown; the card keeps a copy
 * @now: the present, which opening hours and capacity ages are read against
 */
void
escale_partner_card_set_partner (EscalePartnerCard *self,
                                 EscalePartner     *partner,
                                 GDateTime         *now)
{
  g_return_if_fail (ESCALE_IS_PARTNER_CARD (self));
  g_return_if_fail (now != NULL);
  g_return_if_fail (self->store != NULL);

  g_clear_pointer (&self->partner, escale_partner_free);
  self->partner = partner ? escale_partner_copy (partner) : NULL;
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  render (self);
}

/**
 * escale_partner_card_get_partner:
 *
 * Returns: (transfer none) (nullable): the partner shown
 */
EscalePartner *
escale_partner_card_get_partner (EscalePartnerCard *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_CARD (self), NULL);
  return self->partner;
}

/**
 * escale_partner_card_ask_free_places:
 *
 * Asks how many places the @index-th service has free now; the answer is
 * saved (stamped with the time) and the card shows it.
 *
 * Returns: (transfer none) (nullable): the dialog, presented
 */
AdwMessageDialog *
escale_partner_card_ask_free_places (EscalePartnerCard *self,
                                     guint              index)
{
  EscalePartnerService *service;
  GtkRoot *root;
  GtkWidget *dialog, *spin;
  g_autofree char *theme = NULL;

  g_return_val_if_fail (ESCALE_IS_PARTNER_CARD (self), NULL);
  if (self->partner == NULL || index >= self->partner->services->len)
    return NULL;

  service = g_ptr_array_index (self->partner->services, index);
  theme = escale_vocab_get_label (self->store, ESCALE_VOCAB_THEME, service->theme);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Update Free Places"), NULL);
  /* Translators: %s is a service's theme, like "Housing", then a partner's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("How many places does “%s” at %s have free today?"),
                                  theme, self->partner->name);
  spin = gtk_spin_button_new_with_range (0, 100000, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), service->capacity_free !=
                             ESCALE_PARTNER_UNSET ? (double) service->capacity_free : 0);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Free places"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spin);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "update", _("_Update"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "update",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "update");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "spin", spin);
  g_object_set_data (G_OBJECT (dialog), "service-id", GSIZE_TO_POINTER (service->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_update_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (spin);
  return ADW_MESSAGE_DIALOG (dialog);
}
