/* escale-association-page.c — the Preferences page of the association's report settings
 *
 * The settings live in the database (EscaleReportSettings), so that every
 * computer and escale-cli share them; the page saves them all at each
 * change, as GNOME preferences apply at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "escale-association-page.h"
#include "escale-report-settings.h"
#include "escale-ui-util.h"

#define NAME_KEY "escale-volunteer"

struct _EscaleAssociationPage
{
  AdwPreferencesPage    parent_instance;

  EscaleStore          *store;
  EscaleReportSettings *settings;
  GPtrArray            *volunteer_rows;   /* AdwActionRow, one a volunteer */
  GtkStringList        *workers;          /* known workers not yet volunteers */
  GtkFilterListModel   *found_workers;
  gboolean              showing;          /* widgets follow the settings: nothing to save */

  GtkWidget            *name_row;
  GtkWidget            *valuation_row;
  GtkWidget            *rate_row;
  GtkWidget            *rate_button;
  GtkWidget            *volunteers_group;
  GtkWidget            *add_row;
  GtkWidget            *workers_button;
  GtkWidget            *workers_search;
  GtkWidget            *workers_scroller;
  GtkWidget            *workers_view;
  GtkWidget            *workers_empty;
};

G_DEFINE_FINAL_TYPE (EscaleAssociationPage, escale_association_page, ADW_TYPE_PREFERENCES_PAGE)

static void show_volunteers (EscaleAssociationPage *self);

/* Helpers */

static const char *
describe_rate (EscaleValuation valuation)
{
  switch (valuation)
    {
    case ESCALE_VALUATION_MINIMUM_WAGE:
      /* Translators: under the hourly rate of volunteers' hours; the SMIC is
       * France's minimum wage */
      return _("The gross hourly minimum wage (SMIC) known to this version of Escale");
    case ESCALE_VALUATION_MINIMUM_WAGE_CHARGED:
      /* Translators: under the hourly rate of volunteers' hours */
      return _("The minimum wage plus an estimate of employer charges; choose a custom rate "
               "for your own figure");
    case ESCALE_VALUATION_CUSTOM:
    default:
      /* Translators: under the hourly rate of volunteers' hours */
      return _("The association’s own rate, in euros an hour");
    }
}

static void
show_rate (EscaleAssociationPage *self)
{
  gboolean custom = self->settings->valuation == ESCALE_VALUATION_CUSTOM;

  gtk_widget_set_sensitive (self->rate_button, custom);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->rate_button),
                             self->settings->hourly_rate_cents / 100.0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rate_row),
                               describe_rate (self->settings->valuation));
}

static void
show_settings (EscaleAssociationPage *self)
{
  const char *name = self->settings->association;

  self->showing = TRUE;
  /* Left alone when equal, so that the cursor stays where it is. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->valuation_row), self->settings->valuation);
  show_rate (self);
  show_volunteers (self);
  self->showing = FALSE;
}

static void
reload (EscaleAssociationPage *self)
{
  g_autoptr(GError) error = NULL;
  EscaleReportSettings *settings = escale_report_settings_load (self->store, &error);

  if (settings == NULL)
    {
      escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      settings = escale_report_settings_new ();
    }
  g_clear_pointer (&self->settings, escale_report_settings_free);
  self->settings = settings;
  show_settings (self);
}

/* Saves the settings as they are; a refusal is shown, and the page then
 * shows what is saved. */
static gboolean
save (EscaleAssociationPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->showing || self->store == NULL)
    return FALSE;
  if (escale_report_settings_save (self->store, self->settings, &error))
    return TRUE;
  escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  reload (self);
  return FALSE;
}

static gboolean
is_volunteer (EscaleAssociationPage *self,
              const char            *name)
{
  return g_strv_contains ((const char * const *) self->settings->volunteers, name);
}

static void
set_volunteers (EscaleAssociationPage *self,
                GStrv                  volunteers)
{
  g_strfreev (self->settings->volunteers);
  self->settings->volunteers = volunteers;
  if (save (self))
    show_volunteers (self);
}

/* Adds @name (stripped) to the volunteers. Returns: whether it is one now */
static gboolean
add_volunteer (EscaleAssociationPage *self,
               const char            *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autoptr(GStrvBuilder) builder = NULL;

  if (*stripped == '\0')
    return FALSE;
  if (is_volunteer (self, stripped))
    return TRUE;
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->settings->volunteers);
  g_strv_builder_add (builder, stripped);
  set_volunteers (self, g_strv_builder_end (builder));
  return is_volunteer (self, stripped);
}

static void
remove_volunteer (EscaleAssociationPage *self,
                  const char            *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->settings->volunteers[i] != NULL; i++)
    if (!g_str_equal (self->settings->volunteers[i], name))
      g_strv_builder_add (builder, self->settings->volunteers[i]);
  set_volunteers (self, g_strv_builder_end (builder));
}

/* The workers named in actions who are not volunteers yet. */
static void
refresh_workers (EscaleAssociationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) workers = escale_store_list_workers (self->store, &error);
  g_autoptr(GPtrArray) offered = g_ptr_array_new ();

  if (workers == NULL)
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  for (guint i = 0; workers != NULL && workers[i] != NULL; i++)
    if (!is_volunteer (self, workers[i]))
      g_ptr_array_add (offered, workers[i]);
  g_ptr_array_add (offered, NULL);
  gtk_string_list_splice (self->workers, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->workers)),
                          (const char * const *) offered->pdata);
}

/* Callbacks */

static void
on_name_changed_cb (GtkEditable           *row,
                    EscaleAssociationPage *self)
{
  if (self->showing)
    return;
  g_free (self->settings->association);
  self->settings->association = g_strdup (gtk_editable_get_text (row));
  save (self);
}

static void
on_valuation_selected_cb (AdwComboRow           *row,
                          G_GNUC_UNUSED GParamSpec *pspec,
                          EscaleAssociationPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->showing || selected > ESCALE_VALUATION_CUSTOM)
    return;
  /* A custom rate starts from the rate shown. */
  self->settings->valuation = selected;
  if (selected != ESCALE_VALUATION_CUSTOM)
    self->settings->hourly_rate_cents = escale_valuation_default_rate (selected);
  if (save (self))
    {
      self->showing = TRUE;
      show_rate (self);
      self->showing = FALSE;
    }
}

static void
on_rate_changed_cb (GtkSpinButton         *button,
                    EscaleAssociationPage *self)
{
  if (self->showing || self->settings->valuation != ESCALE_VALUATION_CUSTOM)
    return;
  self->settings->hourly_rate_cents = (gint64) round (gtk_spin_button_get_value (button) * 100);
  save (self);
}

static void
on_add_applied_cb (AdwEntryRow           *row,
                   EscaleAssociationPage *self)
{
  if (add_volunteer (self, gtk_editable_get_text (GTK_EDITABLE (row))))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_remove_clicked_cb (GtkWidget             *button,
                      EscaleAssociationPage *self)
{
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), NAME_KEY));

  remove_volunteer (self, name);
}

static void
on_workers_search_changed_cb (GtkEditable           *search,
                              EscaleAssociationPage *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->found_workers);

  gtk_string_filter_set_search (GTK_STRING_FILTER (filter), gtk_editable_get_text (search));
}

static void
add_worker_and_close (EscaleAssociationPage *self,
                      const char            *name)
{
  if (add_volunteer (self, name))
    gtk_menu_button_popdown (GTK_MENU_BUTTON (self->workers_button));
}

static void
on_worker_activate_cb (G_GNUC_UNUSED GtkListView *view,
                       guint                      position,
                       EscaleAssociationPage     *self)
{
  g_autoptr(GtkStringObject) worker = g_list_model_get_item (G_LIST_MODEL (self->found_workers),
                                                             position);

  if (worker != NULL)
    add_worker_and_close (self, gtk_string_object_get_string (worker));
}

/* Enter adds the first worker found, or the name typed when none is. */
static void
on_workers_search_activate_cb (GtkEditable           *search,
                               EscaleAssociationPage *self)
{
  g_autoptr(GtkStringObject) first = NULL;

  on_workers_search_changed_cb (search, self);
  first = g_list_model_get_item (G_LIST_MODEL (self->found_workers), 0);
  add_worker_and_close (self, first ? gtk_string_object_get_string (first)
                                    : gtk_editable_get_text (search));
}

static void
on_found_workers_changed_cb (GListModel            *found,
                             G_GNUC_UNUSED guint    position,
                             G_GNUC_UNUSED guint    removed,
                             G_GNUC_UNUSED guint    added,
                             EscaleAssociationPage *self)
{
  gboolean any = g_list_model_get_n_items (found) > 0;

  gtk_widget_set_visible (self->workers_scroller, any);
  gtk_widget_set_visible (self->workers_empty, !any);
}

static void
on_workers_popup_cb (G_GNUC_UNUSED GtkMenuButton *button,
                     gpointer                     data)
{
  EscaleAssociationPage *self = data;

  gtk_editable_set_text (GTK_EDITABLE (self->workers_search), "");
  refresh_workers (self);
}

/* Helpers: building */

static GtkWidget *
new_volunteer_row (EscaleAssociationPage *self,
                   const char            *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: accessible name of the button that removes a volunteer
   * from the list, "Remove Amina from the volunteers" */
  g_autofree char *label = g_strdup_printf (_("Remove %s from the volunteers"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Translators: tooltip of the button that removes a volunteer from the list */
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (remove), NAME_KEY, g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (row), NAME_KEY, g_object_get_data (G_OBJECT (remove), NAME_KEY));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
show_volunteers (EscaleAssociationPage *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->volunteers_group);

  for (guint i = 0; i < self->volunteer_rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (self->volunteer_rows, i));
  g_ptr_array_set_size (self->volunteer_rows, 0);
  /* The add row stays last. */
  adw_preferences_group_remove (group, self->add_row);
  for (guint i = 0; self->settings->volunteers[i] != NULL; i++)
    {
      GtkWidget *row = new_volunteer_row (self, self->settings->volunteers[i]);

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->volunteer_rows, row);
    }
  adw_preferences_group_add (group, self->add_row);
}

static void
setup_valuations (EscaleAssociationPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (EscaleValuation i = ESCALE_VALUATION_MINIMUM_WAGE; i <= ESCALE_VALUATION_CUSTOM; i++)
    gtk_string_list_append (names, g_dpgettext2 (GETTEXT_PACKAGE, "valuation",
                                                 escale_valuation_msgid (i)));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->valuation_row), G_LIST_MODEL (names));
}

static void
setup_workers (EscaleAssociationPage *self)
{
  GtkExpression *string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkStringFilter *filter = gtk_string_filter_new (string);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_string_filter_set_ignore_case (filter, TRUE);
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->workers = gtk_string_list_new (NULL);
  self->found_workers = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->workers)),
                                                   GTK_FILTER (filter));
  g_signal_connect_object (self->found_workers, "items-changed",
                           G_CALLBACK (on_found_workers_changed_cb), self, 0);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->found_workers)));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->workers_view), GTK_SELECTION_MODEL (selection));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->workers_button),
                                         on_workers_popup_cb, self, NULL);
  on_found_workers_changed_cb (G_LIST_MODEL (self->found_workers), 0, 0, 0, self);
}

/* GObject overrides */

static void
escale_association_page_dispose (GObject *object)
{
  EscaleAssociationPage *self = ESCALE_ASSOCIATION_PAGE (object);

  g_clear_pointer (&self->volunteer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->settings, escale_report_settings_free);
  g_clear_object (&self->found_workers);
  g_clear_object (&self->workers);
  g_clear_object (&self->add_row);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_association_page_parent_class)->dispose (object);
}

static void
escale_association_page_class_init (EscaleAssociationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_association_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/escale/Escale/preferences/"
                                               "escale-association-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, valuation_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, rate_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, rate_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, volunteers_group);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, add_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, workers_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, workers_search);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, workers_scroller);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, workers_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleAssociationPage, workers_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_valuation_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_workers_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_workers_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_worker_activate_cb);
}

static void
escale_association_page_init (EscaleAssociationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->volunteer_rows = g_ptr_array_new ();
  self->settings = escale_report_settings_new ();
  /* Taken out of its group and put back last whenever the list changes. */
  g_object_ref (self->add_row);
  setup_valuations (self);
  setup_workers (self);
  show_settings (self);
  /* Nothing can be saved until the store is known. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
escale_association_page_new (void)
{
  return g_object_new (ESCALE_TYPE_ASSOCIATION_PAGE, NULL);
}

void
escale_association_page_set_store (EscaleAssociationPage *self,
                                   EscaleStore           *store)
{
  g_return_if_fail (ESCALE_IS_ASSOCIATION_PAGE (self));
  g_return_if_fail (ESCALE_IS_STORE (store));

  g_set_object (&self->store, store);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  reload (self);
}

GtkWidget *
escale_association_page_get_widget (EscaleAssociationPage   *self,
                                    EscaleAssociationWidget  which)
{
  g_return_val_if_fail (ESCALE_IS_ASSOCIATION_PAGE (self), NULL);

  switch (which)
    {
    case ESCALE_ASSOCIATION_NAME:
      return self->name_row;
    case ESCALE_ASSOCIATION_VALUATION:
      return self->valuation_row;
    case ESCALE_ASSOCIATION_RATE:
      return self->rate_button;
    case ESCALE_ASSOCIATION_ADD_VOLUNTEER:
      return self->add_row;
    case ESCALE_ASSOCIATION_WORKERS:
      return self->workers_button;
    case ESCALE_ASSOCIATION_WORKERS_SEARCH:
      return self->workers_search;
    case ESCALE_ASSOCIATION_WORKERS_LIST:
      return self->workers_view;
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkWidget *
escale_association_page_get_volunteer_row (EscaleAssociationPage *self,
                                           const char            *name)
{
  g_return_val_if_fail (ESCALE_IS_ASSOCIATION_PAGE (self), NULL);

  for (guint i = 0; i < self->volunteer_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->volunteer_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), NAME_KEY), name) == 0)
        return row;
    }
  return NULL;
}
