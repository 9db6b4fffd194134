/* escale-privacy-page.c — the Preferences page of retention, the audit log and the register
 *
 * The periods are database settings (escale-privacy.h), saved at each
 * change as GNOME preferences are; a refused change is said in a toast and
 * the page shows what is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit.h"
#include "escale-date.h"
#include "escale-privacy-page.h"
#include "escale-preferences-rows.h"
#include "escale-privacy.h"
#include "escale-register-print.h"
#include "escale-rights.h"
#include "escale-ui-util.h"

struct _EscalePrivacyPage
{
  AdwPreferencesPage  parent_instance;

  EscaleStore        *store;
  gboolean            showing;   /* widgets follow the settings: nothing to save */
  GtkWidget          *file_retention;
  GtkWidget          *review_row;
  GtkWidget          *audit_retention;
};

G_DEFINE_FINAL_TYPE (EscalePrivacyPage, escale_privacy_page, ADW_TYPE_PREFERENCES_PAGE)

typedef gboolean (*SetMonthsFunc) (EscaleStore  *store,
                                   guint         months,
                                   GError      **error);

/* Helpers */

static GtkWindow *
parent_window (EscalePrivacyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast_error (EscalePrivacyPage *self,
             const GError      *error)
{
  escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
show_settings (EscalePrivacyPage *self)
{
  self->showing = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->file_retention),
                             escale_store_get_retention_months (self->store));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->audit_retention),
                             escale_store_get_audit_retention (self->store));
  self->showing = FALSE;
}

/* Callbacks */

static void
save_months (EscalePrivacyPage *self,
             GtkSpinButton     *button,
             SetMonthsFunc      set)
{
  g_autoptr(GError) error = NULL;

  if (self->showing)
    return;
  if (!set (self->store, (guint) gtk_spin_button_get_value_as_int (button), &error))
    {
      toast_error (self, error);
      show_settings (self);
    }
  escale_privacy_page_refresh (self);
}

static void
on_file_retention_changed_cb (GtkSpinButton     *button,
                              EscalePrivacyPage *self)
{
  save_months (self, button, escale_store_set_retention_months);
}

static void
on_audit_retention_changed_cb (GtkSpinButton     *button,
                               EscalePrivacyPage *self)
{
  save_months (self, button, escale_store_set_audit_retention);
}

static void
on_purge_response_cb (EscalePrivacyPage *self,
                      const char        *response)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 purged;

  if (!g_str_equal (response, "purge"))
    return;
  purged = escale_audit_purge (self->store, escale_store_get_audit_retention (self->store),
                               &error);
  if (purged < 0)
    {
      toast_error (self, error);
      return;
    }
  /* Translators: after purging the audit log */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld entry deleted",
                                       "%lld entries deleted", (gulong) purged),
                          (long long) purged);
  escale_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/* Actions */

static void
review_action (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               G_GNUC_UNUSED GVariant   *parameter)
{
  escale_privacy_page_review (ESCALE_PRIVACY_PAGE (widget));
}

static void
purge_action (GtkWidget                *widget,
              G_GNUC_UNUSED const char *action_name,
              G_GNUC_UNUSED GVariant   *parameter)
{
  escale_privacy_page_purge (ESCALE_PRIVACY_PAGE (widget));
}

static void
print_register_action (GtkWidget                *widget,
                       G_GNUC_UNUSED const char *action_name,
                       G_GNUC_UNUSED GVariant   *parameter)
{
  escale_register_print (widget, ESCALE_PRIVACY_PAGE (widget)->store);
}

/* Building */

static void
build_retention (EscalePrivacyPage *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *review;

  group = escale_preferences_add_group (ADW_PREFERENCES_PAGE (self), _("People’s Files"),
            _("The CNIL’s framework keeps a file two years after the last contact "
              "with the person. Then it is anonymised or deleted."));
  self->file_retention = escale_preferences_new_spin_button (1, ESCALE_RETENTION_MONTHS_MAX);
  escale_preferences_add_row (group, _("Review files after"), _("Months without contact"),
                              self->file_retention);
  review = escale_preferences_new_button (_("_Review Files…"), "privacy.review", NULL);
  self->review_row = escale_preferences_add_row (group, _("Files to review"), "", review);
  g_signal_connect (self->file_retention, "value-changed",
                    G_CALLBACK (on_file_retention_changed_cb), self);
}

static void
build_audit (EscalePrivacyPage *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *purge;

  group = escale_preferences_add_group (ADW_PREFERENCES_PAGE (self), _("Audit Log"),
            _("Who created, changed, deleted, opened or exported which record, and "
              "when. Entries older than this are purged."));
  self->audit_retention = escale_preferences_new_spin_button (ESCALE_AUDIT_RETENTION_MIN,
                                                              ESCALE_AUDIT_RETENTION_MAX);
  escale_preferences_add_row (group, _("Keep entries for"), _("Months, from 6 to 12"),
                              self->audit_retention);
  purge = escale_preferences_new_button (_("_Purge Now"), "privacy.purge", "destructive-action");
  escale_preferences_add_row (group, _("Purge old entries"),
                              _("Delete the entries older than that now"), purge);
  g_signal_connect (self->audit_retention, "value-changed",
                    G_CALLBACK (on_audit_retention_changed_cb), self);
}

static void
build_register (EscalePrivacyPage *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *print;

  group = escale_preferences_add_group (ADW_PREFERENCES_PAGE (self), _("Register of Processing"),
            _("The GDPR asks the association to keep a record of how it processes "
              "personal data (article 30)."));
  print = escale_preferences_new_button (_("_Print the Register Entry…"),
                                         "privacy.print-register", NULL);
  escale_preferences_add_row (group, _("Register entry"),
                              _("Purposes, data, recipients, retention and security of "
                                "Escale’s processing"), print);
}

/* GObject overrides */

static void
escale_privacy_page_dispose (GObject *object)
{
  g_clear_object (&ESCALE_PRIVACY_PAGE (object)->store);

  G_OBJECT_CLASS (escale_privacy_page_parent_class)->dispose (object);
}

static void
escale_privacy_page_class_init (EscalePrivacyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_privacy_page_dispose;

  gtk_widget_class_install_action (widget_class, "privacy.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "privacy.purge", NULL, purge_action);
  gtk_widget_class_install_action (widget_class, "privacy.print-register", NULL,
                                   print_register_action);
}

static void
escale_privacy_page_init (EscalePrivacyPage *self)
{
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "privacy");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Privacy"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "security-high-symbolic");
  build_retention (self);
  build_audit (self);
  build_register (self);
}

/* Public API */

GtkWidget *
escale_privacy_page_new (EscaleStore *store)
{
  EscalePrivacyPage *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_PRIVACY_PAGE, NULL);
  self->store = g_object_ref (store);
  show_settings (self);
  escale_privacy_page_refresh (self);
  return GTK_WIDGET (self);
}

GtkWidget *
escale_privacy_page_get_widget (EscalePrivacyPage   *self,
                                EscalePrivacyWidget  which)
{
  g_return_val_if_fail (ESCALE_IS_PRIVACY_PAGE (self), NULL);

  switch (which)
    {
    case ESCALE_PRIVACY_FILE_RETENTION:
      return self->file_retention;
    case ESCALE_PRIVACY_REVIEW_ROW:
      return self->review_row;
    case ESCALE_PRIVACY_AUDIT_RETENTION:
      return self->audit_retention;
    default:
      g_return_val_if_reached (NULL);
    }
}

void
escale_privacy_page_refresh (EscalePrivacyPage *self)
{
  guint months, total = 0;
  g_autofree char *today = escale_date_today ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (ESCALE_IS_PRIVACY_PAGE (self));

  months = escale_store_get_retention_months (self->store);
  ids = escale_store_list_retention (self->store, months, today, 1, &total, &error);
  if (ids == NULL)
    text = g_strdup (error->message);
  else if (total == 0)
    text = g_strdup (_("Every file had a contact within this period"));
  else
    /* Translators: %u is a number of people's files */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file with no contact since then",
                                         "%u files with no contact since then", total), total);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->review_row), text);
}

/**
 * escale_privacy_page_review:
 *
 * Returns: (transfer none): the review, presented
 */
EscaleRetentionDialog *
escale_privacy_page_review (EscalePrivacyPage *self)
{
  EscaleRetentionDialog *dialog;

  g_return_val_if_fail (ESCALE_IS_PRIVACY_PAGE (self), NULL);

  dialog = escale_retention_dialog_new (parent_window (self), self->store);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (escale_privacy_page_refresh), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * escale_privacy_page_purge:
 *
 * Returns: (transfer none): the question, presented
 */
AdwMessageDialog *
escale_privacy_page_purge (EscalePrivacyPage *self)
{
  guint months;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (ESCALE_IS_PRIVACY_PAGE (self), NULL);

  months = escale_store_get_audit_retention (self->store);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The entries older than %u month are deleted for good. "
                                       "The log stays checkable.",
                                       "The entries older than %u months are deleted for good. "
                                       "The log stays checkable.", months), months);
  dialog = escale_confirm_dialog_new (parent_window (self), _("Purge the Audit Log?"), body,
                                      "purge", _("_Purge"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_purge_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
