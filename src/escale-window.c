/* escale-window.c — the main window: a view switcher over the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-action-store.h"
#include "escale-agenda-page.h"
#include "escale-audit-window.h"
#include "escale-backup-warnings.h"
#include "escale-import-dialog.h"
#include "escale-partners-page.h"
#include "escale-people-page.h"
#include "escale-person-store.h"
#include "escale-preferences-window.h"
#include "escale-reports-page.h"
#include "escale-window.h"

struct _EscaleWindow
{
  AdwApplicationWindow  parent_instance;

  EscaleStore          *store;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *new_person_button;
  EscaleBackupWarnings *backup_warnings;
  AdwViewStack         *stack;
  EscalePeoplePage     *people_page;
  EscaleAgendaPage     *agenda_page;
  EscalePartnersPage   *partners_page;
  EscaleReportsPage    *reports_page;
  GtkWidget            *locked_content;  /* the pages, out of the window while it is locked */
};

G_DEFINE_FINAL_TYPE (EscaleWindow, escale_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restore_size (EscaleWindow *self)
{
  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (EscaleWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
new_person_action (GtkWidget                *widget,
                   G_GNUC_UNUSED const char *action_name,
                   G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->people_page));
  escale_people_page_new_person (self->people_page);
}

static void
search_action (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->people_page));
  escale_people_page_focus_search (self->people_page);
}

static void
edit_person_action (GtkWidget                *widget,
                    G_GNUC_UNUSED const char *action_name,
                    G_GNUC_UNUSED GVariant   *parameter)
{
  escale_people_page_edit_person (ESCALE_WINDOW (widget)->people_page);
}

static void
show_people_action (GtkWidget                *widget,
                    G_GNUC_UNUSED const char *action_name,
                    G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->people_page));
}

static void
show_agenda_action (GtkWidget                *widget,
                    G_GNUC_UNUSED const char *action_name,
                    G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->agenda_page));
}

static void
show_partners_action (GtkWidget                *widget,
                      G_GNUC_UNUSED const char *action_name,
                      G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->partners_page));
}

static void
show_reports_action (GtkWidget                *widget,
                     G_GNUC_UNUSED const char *action_name,
                     G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->reports_page));
}

/* Switches to the Partners page, showing the partner whose id is @parameter. */
static void
show_partner_action (GtkWidget                *widget,
                     G_GNUC_UNUSED const char *action_name,
                     GVariant                 *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->partners_page));
  escale_partners_page_show_partner (self->partners_page, g_variant_get_int64 (parameter));
}

static void
print_agenda_action (GtkWidget                *widget,
                     G_GNUC_UNUSED const char *action_name,
                     G_GNUC_UNUSED GVariant   *parameter)
{
  escale_agenda_page_print (ESCALE_WINDOW (widget)->agenda_page);
}

static void
on_agenda_open_person_cb (EscaleWindow *self,
                          gint64        person_id)
{
  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->people_page));
  escale_people_page_open_person (self->people_page, person_id);
}

/* Printing the agenda makes sense while it is shown. */
static void
on_visible_child_cb (EscaleWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-agenda",
                                 adw_view_stack_get_visible_child (self->stack) ==
                                 GTK_WIDGET (self->agenda_page));
}

static void
preferences_action (GtkWidget                *widget,
                    G_GNUC_UNUSED const char *action_name,
                    G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (escale_preferences_window_new (GTK_WINDOW (self),
                                                                 self->store)));
}

static void
audit_log_action (GtkWidget                *widget,
                  G_GNUC_UNUSED const char *action_name,
                  G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (escale_audit_window_new (GTK_WINDOW (self), self->store)));
}

/* Opens the Import dialog, for partners on the Partners page, for people elsewhere. */
static void
import_action (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleWindow *self = ESCALE_WINDOW (widget);
  gboolean partners = adw_view_stack_get_visible_child (self->stack) ==
                      GTK_WIDGET (self->partners_page);

  gtk_window_present (GTK_WINDOW (escale_import_dialog_new (GTK_WINDOW (self), self->store,
                                                            partners ? ESCALE_IMPORT_PARTNERS
                                                                     : ESCALE_IMPORT_PEOPLE)));
}

static void
show_page (EscaleWindow *self,
           GtkWidget    *page,
           gboolean      visible)
{
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, page), visible);
}

/* What the role logged in may use: the store refuses the rest anyway, the
 * window does not offer it. Treasurers see the Reports page only,
 * volunteers every page but Reports. */
static void
show_pages_for_role (EscaleWindow *self)
{
  EscaleRole role = escale_store_get_role (self->store);
  gboolean people = escale_role_allows (role, ESCALE_OP_LIST_PEOPLE);
  gboolean follow_up = escale_role_allows (role, ESCALE_OP_READ_ACTIONS);
  gboolean reports = escale_role_allows (role, ESCALE_OP_REPORT);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->stack);

  show_page (self, GTK_WIDGET (self->people_page), people);
  show_page (self, GTK_WIDGET (self->agenda_page), follow_up);
  show_page (self, GTK_WIDGET (self->partners_page), follow_up);
  show_page (self, GTK_WIDGET (self->reports_page), reports);
  gtk_widget_set_visible (self->new_person_button,
                          escale_role_allows (role, ESCALE_OP_WRITE_PERSON));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-person",
                                 escale_role_allows (role, ESCALE_OP_WRITE_PERSON));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-person",
                                 escale_role_allows (role, ESCALE_OP_WRITE_PERSON));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", people);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-people", people);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-agenda", follow_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-partners", follow_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-partner", follow_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-reports", reports);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.audit-log",
                                 escale_role_allows (role, ESCALE_OP_READ_AUDIT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 escale_role_allows (role, ESCALE_OP_IMPORT));
  if (visible != NULL &&
      !adw_view_stack_page_get_visible (adw_view_stack_get_page (self->stack, visible)))
    adw_view_stack_set_visible_child (self->stack, people ? GTK_WIDGET (self->people_page)
                                                          : GTK_WIDGET (self->reports_page));
}

/* The window's own actions (win.*), all disabled while it is locked. */
static void
set_actions_enabled (EscaleWindow *self,
                     gboolean      enabled)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_GET_CLASS (self);
  const GVariantType *parameter_type;
  const char *name, *property;
  GType owner;

  /* GTK 4.8 fills every one of the answers: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (widget_class, i, &owner, &name, &parameter_type, &property);
       i++)
    if (g_str_has_prefix (name, "win."))
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
  /* Back to what the role may use, and the page shown allows. */
  if (enabled)
    {
      show_pages_for_role (self);
      on_visible_child_cb (self);
    }
}

static gboolean
escale_window_close_request (GtkWindow *window)
{
  save_size (ESCALE_WINDOW (window));
  return GTK_WINDOW_CLASS (escale_window_parent_class)->close_request (window);
}

static void
escale_window_constructed (GObject *object)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  G_OBJECT_CLASS (escale_window_parent_class)->constructed (object);

  escale_people_page_set_store (self->people_page, self->store);
  escale_agenda_page_set_store (self->agenda_page, self->store);
  escale_partners_page_set_store (self->partners_page, self->store);
  escale_reports_page_set_store (self->reports_page, self->store);
  escale_backup_warnings_set_store (self->backup_warnings, self->store);
  show_pages_for_role (self);
  restore_size (self);
}

static void
escale_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_window_dispose (GObject *object)
{
  EscaleWindow *self = ESCALE_WINDOW (object);

  /* The template's children go with the window's content: disposing them
   * here first would leave the view switcher pointing at a dead stack. */
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->locked_content);

  G_OBJECT_CLASS (escale_window_parent_class)->dispose (object);
}

static void
escale_window_class_init (EscaleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_window_constructed;
  object_class->dispose = escale_window_dispose;
  object_class->get_property = escale_window_get_property;
  object_class->set_property = escale_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = escale_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ESCALE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ESCALE_TYPE_PEOPLE_PAGE);
  g_type_ensure (ESCALE_TYPE_AGENDA_PAGE);
  g_type_ensure (ESCALE_TYPE_PARTNERS_PAGE);
  g_type_ensure (ESCALE_TYPE_REPORTS_PAGE);
  g_type_ensure (ESCALE_TYPE_BACKUP_WARNINGS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/escale/Escale/escale-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, new_person_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, backup_warnings);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, agenda_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, partners_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleWindow, reports_page);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_open_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-people", NULL, show_people_action);
  gtk_widget_class_install_action (widget_class, "win.show-agenda", NULL, show_agenda_action);
  gtk_widget_class_install_action (widget_class, "win.show-partners", NULL, show_partners_action);
  gtk_widget_class_install_action (widget_class, "win.show-partner", "x", show_partner_action);
  gtk_widget_class_install_action (widget_class, "win.show-reports", NULL, show_reports_action);
  gtk_widget_class_install_action (widget_class, "win.print-agenda", NULL, print_agenda_action);
  gtk_widget_class_install_action (widget_class, "win.audit-log", NULL, audit_log_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
}

static void
escale_window_init (EscaleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = escale_application_new_settings ();
  on_visible_child_cb (self);
}

/**
 * escale_window_new:
 * @application: (nullable): the application, or %NULL in tests
 */
EscaleWindow *
escale_window_new (EscaleApplication *application,
                   EscaleStore       *store)
{
  return g_object_new (ESCALE_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

EscaleStore *
escale_window_get_store (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return self->store;
}

GtkWidget *
escale_window_get_people_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->people_page);
}

GtkWidget *
escale_window_get_agenda_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->agenda_page);
}

/**
 * escale_window_get_partners_page:
 *
 * Returns: (transfer none): the #EscalePartnersPage
 */
GtkWidget *
escale_window_get_partners_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->partners_page);
}

/**
 * escale_window_get_reports_page:
 *
 * Returns: (transfer none): the #EscaleReportsPage
 */
GtkWidget *
escale_window_get_reports_page (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->reports_page);
}

/**
 * escale_window_open_file_number:
 *
 * Shows the file numbered @file_number, or says it does not exist.
 */
void
escale_window_open_file_number (EscaleWindow *self,
                                const char   *file_number)
{
  gint64 id;

  g_return_if_fail (ESCALE_IS_WINDOW (self));

  id = escale_store_find_file_number (self->store, file_number);
  if (id != 0)
    {
      adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->people_page));
      escale_people_page_open_person (self->people_page, id);
      return;
    }
  /* Translators: %s is a file number, like 2026-0142 */
  escale_window_add_toast (self, adw_toast_new_format (_("No file numbered %s"), file_number));
}

void
escale_window_add_toast (EscaleWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (ESCALE_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * escale_window_set_lock_screen:
 * @lock_screen: (nullable) (transfer floating): what to show instead of the
 *   pages, or %NULL to show them again
 *
 * Locks the window: its pages are taken out of it — nothing of them is
 * drawn, focused or read by assistive technologies — and its actions
 * disabled, until it is called again with %NULL.
 */
void
escale_window_set_lock_screen (EscaleWindow *self,
                               GtkWidget    *lock_screen)
{
  AdwApplicationWindow *window = ADW_APPLICATION_WINDOW (self);

  g_return_if_fail (ESCALE_IS_WINDOW (self));
  g_return_if_fail (lock_screen == NULL || GTK_IS_WIDGET (lock_screen));

  if (lock_screen != NULL)
    {
      if (self->locked_content == NULL)
        self->locked_content = g_object_ref (adw_application_window_get_content (window));
      adw_application_window_set_content (window, lock_screen);
      set_actions_enabled (self, FALSE);
      return;
    }
  if (self->locked_content == NULL)
    return;
  adw_application_window_set_content (window, self->locked_content);
  g_clear_object (&self->locked_content);
  set_actions_enabled (self, TRUE);
}

gboolean
escale_window_is_locked (EscaleWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_WINDOW (self), FALSE);
  return self->locked_content != NULL;
}

/**
 * escale_window_save_state:
 *
 * What the window shows, for escale_window_restore_state(): its size, the
 * page, the person's file open and the search typed, the partner shown,
 * the agenda's day and whose agenda.
 *
 * Returns: (transfer full): a dictionary (a{sv})
 */
GVariant *
escale_window_save_state (EscaleWindow *self)
{
  GVariantDict dict;
  int width, height;

  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);

  g_variant_dict_init (&dict, NULL);
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_variant_dict_insert (&dict, "width", "i", width);
  g_variant_dict_insert (&dict, "height", "i", height);
  g_variant_dict_insert (&dict, "maximized", "b", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_variant_dict_insert (&dict, "page", "s", adw_view_stack_get_visible_child_name (self->stack));
  g_variant_dict_insert (&dict, "query", "s", escale_people_page_get_query (self->people_page));
  g_variant_dict_insert (&dict, "person-id", "x",
                         escale_people_page_get_person_id (self->people_page));
  g_variant_dict_insert (&dict, "partner-id", "x",
                         escale_partners_page_get_partner_id (self->partners_page));
  g_variant_dict_insert (&dict, "agenda-day", "s", escale_agenda_page_get_day (self->agenda_page));
  g_variant_dict_insert (&dict, "agenda-everyone", "b",
                         escale_agenda_page_get_everyone (self->agenda_page));
  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

/**
 * escale_window_restore_state:
 * @state: from escale_window_save_state(); missing keys are left alone
 *
 * Shows what @state says, in a window not yet presented or shown.
 */
void
escale_window_restore_state (EscaleWindow *self,
                             GVariant     *state)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (state);
  const char *text;
  gint64 id;
  int width, height;
  gboolean flag;

  g_return_if_fail (ESCALE_IS_WINDOW (self));
  g_return_if_fail (g_variant_is_of_type (state, G_VARIANT_TYPE_VARDICT));

  if (g_variant_dict_lookup (&dict, "width", "i", &width) &&
      g_variant_dict_lookup (&dict, "height", "i", &height))
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_variant_dict_lookup (&dict, "maximized", "b", &flag))
    {
      if (flag)
        gtk_window_maximize (GTK_WINDOW (self));
      else
        gtk_window_unmaximize (GTK_WINDOW (self));
    }
  if (g_variant_dict_lookup (&dict, "agenda-day", "&s", &text) && escale_store_check_iso_date (text))
    escale_agenda_page_set_day (self->agenda_page, text);
  if (g_variant_dict_lookup (&dict, "agenda-everyone", "b", &flag))
    escale_agenda_page_set_everyone (self->agenda_page, flag);
  if (g_variant_dict_lookup (&dict, "partner-id", "x", &id) && id != 0)
    escale_partners_page_show_partner (self->partners_page, id);
  if (g_variant_dict_lookup (&dict, "query", "&s", &text))
    escale_people_page_set_query (self->people_page, text);
  if (g_variant_dict_lookup (&dict, "person-id", "x", &id) && id != 0)
    escale_people_page_open_person (self->people_page, id);
  if (g_variant_dict_lookup (&dict, "page", "&s", &text) &&
      adw_view_stack_get_child_by_name (self->stack, text) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, text);
  show_pages_for_role (self);
}

/**
 * escale_window_reload:
 *
 * Reads again from the store what the pages show: after a change made
 * elsewhere, such as in a dialog another window opened.
 */
void
escale_window_reload (EscaleWindow *self)
{
  g_return_if_fail (ESCALE_IS_WINDOW (self));
  escale_people_page_reload (self->people_page);
  escale_agenda_page_refresh (self->agenda_page);
  escale_partners_page_reload (self->partners_page);
}

/**
 * escale_window_rebuild:
 *
 * Makes a window like @self, in the interface language now in force: on
 * the same store and application, showing the same things (see
 * escale_window_save_state()), and taking over the person editor @self's
 * People page has open. Neither window is presented nor destroyed.
 *
 * Returns: (transfer none): the new window
 */
EscaleWindow *
escale_window_rebuild (EscaleWindow *self)
{
  g_autoptr(GVariant) state = NULL;
  EscaleWindow *window;

  g_return_val_if_fail (ESCALE_IS_WINDOW (self), NULL);

  state = escale_window_save_state (self);
  window = escale_window_new (ESCALE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                              self->store);
  escale_window_restore_state (window, state);
  escale_people_page_take_editor (window->people_page, self->people_page);
  return window;
}
