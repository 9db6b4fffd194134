/* escale-first-run-window.c — the assistant of a database without accounts
 *
 * Two pages: the association (its name and address, kept with the
 * association's settings, see escale-report-settings.h), then the first
 * administrator, created with escale_store_create_account() — which the
 * store allows without an account only for the very first one — and
 * logged in. The errors are shown under the field at fault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-auth-util.h"
#include "escale-first-run-window.h"
#include "escale-person-store.h"
#include "escale-report-settings.h"

struct _EscaleFirstRunWindow
{
  AdwWindow    parent_instance;

  EscaleStore *store;

  GtkStack    *stack;
  GtkWidget   *back_button;
  GtkWidget   *welcome_page;
  GtkWidget   *upgraded_label;
  GtkWidget   *association_row;
  GtkWidget   *address_row;
  GtkWidget   *login_row;
  GtkWidget   *name_row;
  GtkWidget   *password_row;
  GtkWidget   *confirm_row;
};

G_DEFINE_FINAL_TYPE (EscaleFirstRunWindow, escale_first_run_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* What is saved already: an upgraded database may have the name. */
static void
show_association (EscaleFirstRunWindow *self)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_load (self->store, NULL);

  if (settings == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->association_row), settings->association);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), settings->address);
}

static gboolean
save_association (EscaleFirstRunWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_load (self->store, &error);

  if (settings != NULL)
    {
      g_free (settings->association);
      settings->association = escale_auth_dup_stripped (self->association_row);
      g_free (settings->address);
      settings->address = escale_auth_dup_stripped (self->address_row);
    }
  if (settings != NULL && escale_report_settings_save (self->store, settings, &error))
    return TRUE;
  gtk_stack_set_visible_child_name (self->stack, "association");
  escale_auth_show_error (self->association_row, error->message);
  return FALSE;
}

/* Shows what is missing or wrong, the focus on the first row at fault. */
static gboolean
check_administrator (EscaleFirstRunWindow *self)
{
  g_autofree char *login = escale_auth_dup_stripped (self->login_row);
  g_autofree char *name = escale_auth_dup_stripped (self->name_row);
  gboolean valid = escale_auth_check_new_password (self->password_row, self->confirm_row);

  escale_auth_show_error (self->name_row, *name == '\0' ? _("Enter your name") : NULL);
  escale_auth_show_error (self->login_row,
                          *login == '\0' ? _("Choose a login: the name to sign in with") : NULL);
  return valid && *name != '\0' && *login != '\0';
}

static gboolean
create_administrator (EscaleFirstRunWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *login = escale_auth_dup_stripped (self->login_row);
  g_autofree char *name = escale_auth_dup_stripped (self->name_row);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (escale_store_create_account (self->store, login, name, ESCALE_ROLE_ADMINISTRATOR, password,
                                   &error) == 0)
    {
      escale_auth_show_error (self->login_row, error->message);
      return FALSE;
    }
  if (!escale_store_login (self->store, login, password, &error))
    {
      escale_auth_show_error (self->password_row, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Callbacks */

static void
on_page_changed_cb (EscaleFirstRunWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_set_visible (self->back_button, g_strcmp0 (page, "administrator") == 0);
}

static void
on_back_clicked_cb (EscaleFirstRunWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "association");
  gtk_widget_grab_focus (self->association_row);
}

static void
on_association_activated_cb (EscaleFirstRunWindow *self)
{
  gtk_widget_grab_focus (self->address_row);
}

static void
on_next_cb (EscaleFirstRunWindow *self)
{
  g_autofree char *name = escale_auth_dup_stripped (self->association_row);

  if (*name == '\0')
    {
      escale_auth_show_error (self->association_row, _("Enter the name of the association"));
      return;
    }
  escale_auth_show_error (self->association_row, NULL);
  gtk_stack_set_visible_child_name (self->stack, "administrator");
  gtk_widget_grab_focus (self->login_row);
}

/* Enter goes on to the next row. */
static void
on_admin_row_activated_cb (EscaleFirstRunWindow *self,
                           GtkWidget            *row)
{
  GtkWidget *order[] = { self->login_row, self->name_row, self->password_row, self->confirm_row };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == row)
      gtk_widget_grab_focus (order[i + 1]);
}

static void
on_create_cb (EscaleFirstRunWindow *self)
{
  if (!check_administrator (self) || !save_association (self) || !create_administrator (self))
    return;
  escale_auth_forget (self->password_row, self->confirm_row, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

/* GObject overrides */

static void
escale_first_run_window_constructed (GObject *object)
{
  EscaleFirstRunWindow *self = ESCALE_FIRST_RUN_WINDOW (object);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

  G_OBJECT_CLASS (escale_first_run_window_parent_class)->constructed (object);

  /* The application's icon, when installed. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->welcome_page),
                                 gtk_icon_theme_has_icon (theme, APP_ID) ? APP_ID
                                                                         : "system-users-symbolic");
  /* A database with records gets a word about accounts instead. */
  if (escale_store_count_people (self->store) > 0)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->welcome_page), NULL);
      gtk_widget_set_visible (self->upgraded_label, TRUE);
    }
  show_association (self);
  gtk_widget_grab_focus (self->association_row);
}

static void
escale_first_run_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  EscaleFirstRunWindow *self = ESCALE_FIRST_RUN_WINDOW (object);

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
escale_first_run_window_dispose (GObject *object)
{
  EscaleFirstRunWindow *self = ESCALE_FIRST_RUN_WINDOW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_first_run_window_parent_class)->dispose (object);
}

static void
escale_first_run_window_class_init (EscaleFirstRunWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = escale_first_run_window_constructed;
  object_class->dispose = escale_first_run_window_dispose;
  object_class->set_property = escale_first_run_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ESCALE_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/auth/escale-first-run-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, upgraded_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, association_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleFirstRunWindow, confirm_row);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_association_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_admin_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_cb);
}

static void
escale_first_run_window_init (EscaleFirstRunWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  escale_auth_add_message_row (self->association_row);
  escale_auth_add_message_row (self->login_row);
  escale_auth_add_message_row (self->name_row);
  escale_auth_add_message_row (self->password_row);
  escale_auth_show_password_hint (self->password_row);
  escale_auth_add_message_row (self->confirm_row);
}

/* Public API */

/**
 * escale_first_run_window_new:
 * @application: (nullable): the application, or %NULL in tests
 */
EscaleFirstRunWindow *
escale_first_run_window_new (GtkApplication *application,
                             EscaleStore    *store)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  return g_object_new (ESCALE_TYPE_FIRST_RUN_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

const char *
escale_first_run_window_get_page (EscaleFirstRunWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_FIRST_RUN_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
