/* escale-preferences-window.c — settings, vocabularies and programmes
 *
 * General settings are bound to GSettings; the association's settings
 * (EscaleAssociationPage), vocabularies and programmes live in the
 * database and are written at once, each change on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-accounts-page.h"
#include "escale-application.h"
#include "escale-association-page.h"
#include "escale-backup-util.h"
#include "escale-backups-page.h"
#include "escale-catalog.h"
#include "escale-language-switch.h"
#include "escale-language.h"
#include "escale-map-tiles-row.h"
#include "escale-preferences-window.h"
#include "escale-privacy-page.h"
#include "escale-programme-form.h"
#include "escale-programme-store.h"
#include "escale-ui-util.h"
#include "escale-vocab-languages-row.h"
#include "escale-vocab.h"

/* The rows of one editable vocabulary. */
typedef struct
{
  EscalePreferencesWindow *window;  /* not owned */
  const char              *kind;
  AdwPreferencesGroup     *group;
  GtkWidget               *add_row;
  GPtrArray               *rows;    /* AdwEntryRow per entry, and an added entry's
                                     * EscaleVocabLanguagesRow */
} VocabGroup;

struct _EscalePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  EscaleStore          *store;
  GSettings            *settings;
  GPtrArray            *vocab_groups;      /* VocabGroup */
  GPtrArray            *programme_rows;
  GStrv                 languages;         /* the language row's codes, "" first */

  EscaleAssociationPage *association_page;
  AdwPreferencesPage   *vocabularies_page;
  AdwPreferencesPage   *programmes_page;
  AdwPreferencesGroup  *programmes_group;
  GtkWidget            *worker_name_row;
  AdwComboRow          *language_row;
  GtkWidget            *agenda_days;
  GtkWidget            *expiry_days;
  GtkWidget            *lost_contact_months;
  GtkWidget            *referral_follow_up_days;
  GtkWidget            *lock_minutes;
  GtkWidget            *notify_appointments;
  GtkWidget            *online_map_tiles;
  GtkWidget            *map_tiles_row;
};

G_DEFINE_FINAL_TYPE (EscalePreferencesWindow, escale_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static const struct
{
  const char *kind;
  const char *title;
} vocabularies[] = {
  { ESCALE_VOCAB_ACTION_TYPE, N_("Action Types") },
  { ESCALE_VOCAB_THEME, N_("Themes") },
  { ESCALE_VOCAB_EXIT_REASON, N_("Programme Exit Reasons") },
  { ESCALE_VOCAB_STATUS, N_("Administrative Statuses") },
  { ESCALE_VOCAB_HOUSEHOLD_ROLE, N_("Household Roles") },
  { ESCALE_VOCAB_PARTNER_KIND, N_("Partner Kinds") },
  /* Translators: who a partner's service is open to */
  { ESCALE_VOCAB_ELIGIBILITY, N_("Eligibility") },
};

#define CODE_KEY "escale-vocab-code"
#define SWITCH_KEY "escale-vocab-switch"
#define LANGUAGES_KEY "escale-vocab-languages"
#define ENTRY_ROW_KEY "escale-vocab-entry-row"
#define PROGRAMME_KEY "escale-programme-id"

static void reload_vocab_group (VocabGroup *group);

static void
toast_error (EscalePreferencesWindow *self,
             const GError            *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* Settings */

static GtkWidget *
setting_widget (EscalePreferencesWindow *self,
                const char              *key)
{
  const struct
  {
    const char *key;
    GtkWidget  *widget;
    const char *property;
  } bound[] = {
    { "worker-name", self->worker_name_row, "text" },
    { "agenda-days", self->agenda_days, "value" },
    { "expiry-warning-days", self->expiry_days, "value" },
    { "lost-contact-months", self->lost_contact_months, "value" },
    { "referral-follow-up-days", self->referral_follow_up_days, "value" },
    { "lock-minutes", self->lock_minutes, "value" },
    { "notify-appointments", self->notify_appointments, "active" },
    { "online-map-tiles", self->online_map_tiles, "active" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    {
      if (key != NULL && g_str_equal (key, bound[i].key))
        return bound[i].widget;
      if (key == NULL && self->settings != NULL)
        g_settings_bind (self->settings, bound[i].key, bound[i].widget, bound[i].property,
                         G_SETTINGS_BIND_DEFAULT);
      else if (key == NULL)
        /* Without the schema installed nothing could be kept. */
        gtk_widget_set_sensitive (gtk_widget_get_ancestor (bound[i].widget,
                                                           ADW_TYPE_PREFERENCES_ROW), FALSE);
    }
  return NULL;
}

/* Interface language */

static gboolean
switch_language (gpointer user_data)
{
  escale_language_switch (user_data);
  return G_SOURCE_REMOVE;
}

/* Once the row's popover is done with: the switch replaces this window. */
static void
on_language_selected (EscalePreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  const char *code;

  if (selected >= g_strv_length (self->languages))
    return;
  code = self->languages[selected];
  escale_language_save_choice (self->store, code);
  if (!g_str_equal (code, escale_language_get_current ()))
    g_idle_add_full (G_PRIORITY_DEFAULT, switch_language, g_strdup (code), g_free);
}

/* "System language", then each language Escale has a catalogue for, named
 * in itself; the language in force selected. */
static void
setup_language_row (EscalePreferencesWindow *self)
{
  g_auto(GStrv) available = escale_catalog_list_languages ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = escale_language_get_current ();

  g_strv_builder_add (codes, "");
  gtk_string_list_append (names, _("System language"));
  for (guint i = 0; available[i] != NULL; i++)
    {
      g_autofree char *name = escale_language_native_name (available[i]);

      g_strv_builder_add (codes, available[i]);
      gtk_string_list_append (names, name);
    }
  self->languages = g_strv_builder_end (codes);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  for (guint i = 0; self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], current))
      adw_combo_row_set_selected (self->language_row, i);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (on_language_selected), self, G_CONNECT_SWAPPED);
}

/* Vocabularies */

static const char *
row_code (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), CODE_KEY);
}

static void
on_entry_applied (AdwEntryRow *row,
                  VocabGroup  *group)
{
  EscalePreferencesWindow *self = group->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!escale_vocab_set_label (self->store, group->kind, row_code (GTK_WIDGET (row)),
                               gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    toast_error (self, error);
  /* The label now in force: the built-in one again after a blank. */
  label = escale_vocab_get_label (self->store, group->kind, row_code (GTK_WIDGET (row)));
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  if (g_object_get_data (G_OBJECT (row), LANGUAGES_KEY) != NULL)
    escale_vocab_languages_row_reload (g_object_get_data (G_OBJECT (row), LANGUAGES_KEY));
}

/* A label set in another language may be the one shown. */
static void
on_languages_changed (GtkWidget  *languages,
                      VocabGroup *group)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (languages), ENTRY_ROW_KEY);
  g_autofree char *label = escale_vocab_get_label (group->window->store, group->kind,
                                                   row_code (row));

  gtk_editable_set_text (GTK_EDITABLE (row), label);
}

static void
on_shown_toggled (GtkSwitch  *shown,
                  GParamSpec *pspec,
                  VocabGroup *group)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (shown), ADW_TYPE_ENTRY_ROW);
  g_autoptr(GError) error = NULL;

  (void) pspec;
  if (!escale_vocab_set_hidden (group->window->store, group->kind, row_code (row),
                                !gtk_switch_get_active (shown), &error))
    {
      toast_error (group->window, error);
      reload_vocab_group (group);
    }
}

static GtkWidget *
new_entry_row (VocabGroup             *group,
               const EscaleVocabEntry *entry)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *shown = gtk_switch_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 /* Translators: marks an entry of a list that comes with Escale */
                                 entry->builtin ? C_("vocabulary entry", "Built-in")
                                 /* Translators: marks an entry of a list the association added */
                                                : C_("vocabulary entry", "Added"));
  gtk_editable_set_text (GTK_EDITABLE (row), entry->label);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), CODE_KEY, g_strdup (entry->code), g_free);
  g_object_set_data (G_OBJECT (row), SWITCH_KEY, shown);
  g_signal_connect (row, "apply", G_CALLBACK (on_entry_applied), group);

  gtk_widget_set_valign (shown, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (shown), !entry->hidden);
  gtk_widget_set_tooltip_text (shown, _("Offered for new entries; a hidden entry stays where "
                                        "it is already used"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Offered for new entries"), -1);
  g_signal_connect (shown, "notify::active", G_CALLBACK (on_shown_toggled), group);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), shown);
  return row;
}

static void
reload_vocab_group (VocabGroup *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < group->rows->len; i++)
    adw_preferences_group_remove (group->group, g_ptr_array_index (group->rows, i));
  g_ptr_array_set_size (group->rows, 0);
  /* The add row stays last. */
  adw_preferences_group_remove (group->group, group->add_row);
  entries = escale_vocab_list_entries (group->window->store, group->kind, &error);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const EscaleVocabEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = new_entry_row (group, entry);
      GtkWidget *languages;

      adw_preferences_group_add (group->group, row);
      g_ptr_array_add (group->rows, row);
      if (entry->builtin)
        continue;
      /* Its labels in the other languages, under it. */
      languages = escale_vocab_languages_row_new (group->window->store, group->kind, entry->code);
      g_object_set_data (G_OBJECT (row), LANGUAGES_KEY, languages);
      g_object_set_data (G_OBJECT (languages), ENTRY_ROW_KEY, row);
      g_signal_connect (languages, "changed", G_CALLBACK (on_languages_changed), group);
      adw_preferences_group_add (group->group, languages);
      g_ptr_array_add (group->rows, languages);
    }
  adw_preferences_group_add (group->group, group->add_row);
  if (error != NULL)
    toast_error (group->window, error);
}

static void
on_add_applied (AdwEntryRow *row,
                VocabGroup  *group)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = escale_vocab_add (group->window->store, group->kind,
                                            gtk_editable_get_text (GTK_EDITABLE (row)), &error);

  if (code == NULL)
    {
      toast_error (group->window, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  reload_vocab_group (group);
}

static void
vocab_group_free (VocabGroup *group)
{
  g_ptr_array_unref (group->rows);
  g_object_unref (group->add_row);
  g_free (group);
}

static void
build_vocabularies (EscalePreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    {
      VocabGroup *group = g_new0 (VocabGroup, 1);

      group->window = self;
      group->kind = vocabularies[i].kind;
      group->rows = g_ptr_array_new ();
      group->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group->group, _(vocabularies[i].title));
      if (i == 0)
        adw_preferences_group_set_description (group->group,
                                               _("Rename an entry and press Enter; switch it "
                                                 "off to stop offering it. Data that uses it "
                                                 "keeps it."));
      group->add_row = g_object_ref_sink (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->add_row), _("Add…"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (group->add_row), TRUE);
      gtk_widget_add_css_class (group->add_row, "vocab-add-row");
      g_signal_connect (group->add_row, "apply", G_CALLBACK (on_add_applied), group);
      adw_preferences_group_add (group->group, group->add_row);
      adw_preferences_page_add (self->vocabularies_page, group->group);
      g_ptr_array_add (self->vocab_groups, group);
      reload_vocab_group (group);
    }
}

static VocabGroup *
find_vocab_group (EscalePreferencesWindow *self,
                  const char              *kind)
{
  for (guint i = 0; i < self->vocab_groups->len; i++)
    {
      VocabGroup *group = g_ptr_array_index (self->vocab_groups, i);

      if (g_str_equal (group->kind, kind))
        return group;
    }
  return NULL;
}

/* Programmes */

static char *
describe_programme (const EscaleProgramme *programme)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start = programme->started_on ? escale_format_date (programme->started_on)
                                                 : NULL;
  g_autofree char *end = programme->ended_on ? escale_format_date (programme->ended_on) : NULL;

  if (start != NULL || end != NULL)
    /* Translators: a programme's period, "01/01/2025 – 31/12/2025"; either may be "…" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s – %s"), start ? start : "…",
                                             end ? end : "…"));
  if (programme->funders[0] != NULL)
    g_ptr_array_add (parts, g_strjoinv (", ", programme->funders));
  if (programme->target_people != ESCALE_PROGRAMME_NO_TARGET)
    /* Translators: how many people a programme aims to follow */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "target: %u person",
                                                          "target: %u people",
                                                          (gulong) programme->target_people),
                                             (guint) programme->target_people));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (GStrv) parts->pdata);
}

static void
reload_programmes (EscalePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) programmes = escale_store_list_programmes (self->store, &error);

  for (guint i = 0; i < self->programme_rows->len; i++)
    adw_preferences_group_remove (self->programmes_group,
                                  g_ptr_array_index (self->programme_rows, i));
  g_ptr_array_set_size (self->programme_rows, 0);
  if (programmes == NULL)
    {
      toast_error (self, error);
      return;
    }
  for (guint i = 0; i < programmes->len; i++)
    {
      EscaleProgramme *programme = g_ptr_array_index (programmes, i);
      g_autofree char *subtitle = describe_programme (programme);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), programme->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "preferences.edit-programme");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", programme->id);
      g_object_set_data_full (G_OBJECT (row), PROGRAMME_KEY,
                              g_memdup2 (&programme->id, sizeof (gint64)), g_free);
      adw_preferences_group_add (self->programmes_group, row);
      g_ptr_array_add (self->programme_rows, row);
    }
}

static void
add_programme_action (GtkWidget                *widget,
                      G_GNUC_UNUSED const char *action_name,
                      G_GNUC_UNUSED GVariant   *parameter)
{
  escale_preferences_window_edit_programme (ESCALE_PREFERENCES_WINDOW (widget), 0);
}

static void
edit_programme_action (GtkWidget                *widget,
                       G_GNUC_UNUSED const char *action_name,
                       GVariant                 *parameter)
{
  escale_preferences_window_edit_programme (ESCALE_PREFERENCES_WINDOW (widget),
                                            g_variant_get_int64 (parameter));
}

/* Roles */

/* The administrators' pages (backups for staff too); the association's settings, vocabularies and
 * programmes only for the roles that may change them. */
static void
show_pages_for_role (EscalePreferencesWindow *self)
{
  EscaleRole role = escale_store_get_role (self->store);
  gboolean settings = escale_role_allows (role, ESCALE_OP_SETTINGS);

  gtk_widget_set_visible (GTK_WIDGET (self->association_page), settings);
  gtk_widget_set_visible (GTK_WIDGET (self->vocabularies_page), settings);
  gtk_widget_set_visible (GTK_WIDGET (self->programmes_page), settings);
  if (escale_role_allows (role, ESCALE_OP_MANAGE_ACCOUNTS))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (escale_accounts_page_new (self->store)));
  if (escale_role_allows (role, ESCALE_OP_ERASE))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (escale_privacy_page_new (self->store)));
  if (escale_backup_may_manage (self->store))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (escale_backups_page_new (self->store)));
}

/* GObject */

static void
escale_preferences_window_dispose (GObject *object)
{
  EscalePreferencesWindow *self = ESCALE_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->vocab_groups, g_ptr_array_unref);
  g_clear_pointer (&self->programme_rows, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_preferences_window_parent_class)->dispose (object);
}

static void
escale_preferences_window_class_init (EscalePreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_preferences_window_dispose;
  g_type_ensure (ESCALE_TYPE_MAP_TILES_ROW);
  g_type_ensure (ESCALE_TYPE_ASSOCIATION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/escale/Escale/preferences/"
                                               "escale-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, association_page);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, vocabularies_page);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, programmes_page);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, programmes_group);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, worker_name_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, agenda_days);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, expiry_days);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow,
                                        lost_contact_months);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow,
                                        referral_follow_up_days);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, lock_minutes);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow,
                                        notify_appointments);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, online_map_tiles);
  gtk_widget_class_bind_template_child (widget_class, EscalePreferencesWindow, map_tiles_row);

  gtk_widget_class_install_action (widget_class, "preferences.add-programme", NULL,
                                   add_programme_action);
  gtk_widget_class_install_action (widget_class, "preferences.edit-programme", "x",
                                   edit_programme_action);
}

static void
escale_preferences_window_init (EscalePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->vocab_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) vocab_group_free);
  self->programme_rows = g_ptr_array_new ();
  self->settings = escale_application_new_settings ();
  setting_widget (self, NULL);
  setup_language_row (self);
  escale_map_tiles_row_set_settings (ESCALE_MAP_TILES_ROW (self->map_tiles_row), self->settings);
}

/* Public API */

EscalePreferencesWindow *
escale_preferences_window_new (GtkWindow   *parent,
                               EscaleStore *store)
{
  EscalePreferencesWindow *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  escale_association_page_set_store (self->association_page, store);
  build_vocabularies (self);
  reload_programmes (self);
  show_pages_for_role (self);
  return self;
}

/**
 * escale_preferences_window_rebuild:
 * @parent: (nullable): the window the new one is transient for
 *
 * Makes preferences like @self, in the interface language now in force:
 * on the same store, showing the same page. Neither is presented nor
 * destroyed.
 *
 * Returns: (transfer none): the new window
 */
EscalePreferencesWindow *
escale_preferences_window_rebuild (EscalePreferencesWindow *self,
                                   GtkWindow               *parent)
{
  EscalePreferencesWindow *window;
  int width, height;

  g_return_val_if_fail (ESCALE_IS_PREFERENCES_WINDOW (self), NULL);

  window = escale_preferences_window_new (parent, self->store);
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_preferences_window_set_visible_page_name (
    ADW_PREFERENCES_WINDOW (window),
    adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (self)));
  return window;
}

GtkWidget *
escale_preferences_window_get_setting_widget (EscalePreferencesWindow *self,
                                              const char              *key)
{
  g_return_val_if_fail (ESCALE_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  if (g_str_equal (key, "map-tiles-path"))
    return self->map_tiles_row;
  if (g_str_equal (key, "interface-language"))
    return GTK_WIDGET (self->language_row);
  return setting_widget (self, key);
}

GtkWidget *
escale_preferences_window_get_vocab_row (EscalePreferencesWindow *self,
                                         const char              *kind,
                                         const char              *code)
{
  VocabGroup *group;

  g_return_val_if_fail (ESCALE_IS_PREFERENCES_WINDOW (self), NULL);

  group = find_vocab_group (self, kind);
  for (guint i = 0; group != NULL && i < group->rows->len; i++)
    if (g_strcmp0 (row_code (g_ptr_array_index (group->rows, i)), code) == 0)
      return g_ptr_array_index (group->rows, i);
  return NULL;
}

GtkWidget *
escale_preferences_window_get_vocab_switch (EscalePreferencesWindow *self,
                                            const char              *kind,
                                            const char              *code)
{
  GtkWidget *row = escale_preferences_window_get_vocab_row (self, kind, code);

  return row ? g_object_get_data (G_OBJECT (row), SWITCH_KEY) : NULL;
}

GtkWidget *
escale_preferences_window_get_vocab_languages_row (EscalePreferencesWindow *self,
                                                   const char              *kind,
                                                   const char              *code)
{
  GtkWidget *row = escale_preferences_window_get_vocab_row (self, kind, code);

  return row ? g_object_get_data (G_OBJECT (row), LANGUAGES_KEY) : NULL;
}

GtkWidget *
escale_preferences_window_get_vocab_add_row (EscalePreferencesWindow *self,
                                             const char              *kind)
{
  VocabGroup *group;

  g_return_val_if_fail (ESCALE_IS_PREFERENCES_WINDOW (self), NULL);
  group = find_vocab_group (self, kind);
  return group ? group->add_row : NULL;
}

GtkWidget *
escale_preferences_window_get_programme_row (EscalePreferencesWindow *self,
                                             gint64                   id)
{
  g_return_val_if_fail (ESCALE_IS_PREFERENCES_WINDOW (self), NULL);

  for (guint i = 0; i < self->programme_rows->len; i++)
    {
      gint64 *row_id = g_object_get_data (g_ptr_array_index (self->programme_rows, i),
                                          PROGRAMME_KEY);

      if (*row_id == id)
        return g_ptr_array_index (self->programme_rows, i);
    }
  return NULL;
}

/**
 * escale_preferences_window_edit_programme:
 *
 * Returns: (transfer none) (nullable): the form, presented; the list is
 *   reloaded when it closes
 */
EscaleFormDialog *
escale_preferences_window_edit_programme (EscalePreferencesWindow *self,
                                          gint64                   id)
{
  g_autoptr(GError) error = NULL;
  EscaleFormDialog *dialog;

  g_return_val_if_fail (ESCALE_IS_PREFERENCES_WINDOW (self), NULL);

  dialog = escale_programme_form_new (GTK_WINDOW (self), self->store, id, &error);
  if (dialog == NULL)
    {
      toast_error (self, error);
      reload_programmes (self);
      return NULL;
    }
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (reload_programmes), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
