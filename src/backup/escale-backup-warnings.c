/* escale-backup-warnings.c — the main window's warnings about backups and a shared folder
 *
 * Two EscaleWarningBars under the header bar: the last good backup is
 * older than backup-warn-days, or there is none (with Back Up Now); the
 * database lies in a network or cloud-synchronised folder, where its
 * write-ahead log is not safe (escale_store_path_is_shared()). Each can
 * be dismissed for the session. A failed automatic backup is said in a
 * toast, and the warning comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-backup-manager.h"
#include "escale-backup-util.h"
#include "escale-backup-warnings.h"
#include "escale-language.h"
#include "escale-ui-util.h"

struct _EscaleBackupWarnings
{
  GtkWidget            parent_instance;

  EscaleStore         *store;
  EscaleBackupManager *manager;     /* the store's */
  GtkWidget           *box;
  EscaleWarningBar    *old_bar;
  EscaleWarningBar    *shared_bar;
  gboolean             requested;   /* Back Up Now was clicked here */
};

G_DEFINE_FINAL_TYPE (EscaleBackupWarnings, escale_backup_warnings, GTK_TYPE_WIDGET)

/* Helpers */

static char *
describe_old (GDateTime *last)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 days;

  if (last == NULL)
    return g_strdup (_("No backup of this database has been made yet."));
  days = g_date_time_difference (now, last) / G_TIME_SPAN_DAY;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No backup for %lld day.",
                                       "No backup for %lld days.", (gulong) days),
                          (long long) days);
}

static void
show_shared (EscaleBackupWarnings *self)
{
  g_autofree char *why = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *message = NULL;

  if (!escale_store_path_is_shared (escale_store_get_path (self->store), &why))
    {
      escale_warning_bar_conceal (self->shared_bar);
      return;
    }
  isolated = escale_isolate (why ? why : "?");
  /* Translators: %s says which kind of folder, such as "nfs" or "Nextcloud" */
  message = g_strdup_printf (_("This database is in a synced or network folder (%s): two "
                               "computers must not use it at once, and changes can be lost. "
                               "Keep it in a folder of this computer, and the backups in the "
                               "shared one."), isolated);
  escale_warning_bar_reveal (self->shared_bar, message, NULL);
}

/* Callbacks */

static void
on_back_up_cb (EscaleBackupWarnings *self)
{
  self->requested = TRUE;
  gtk_widget_set_sensitive (escale_warning_bar_get_button (self->old_bar), FALSE);
  escale_backup_manager_back_up (self->manager, FALSE);
}

static void
on_finished_cb (EscaleBackupWarnings *self,
                const char           *path,
                const GError         *error,
                gboolean              automatic)
{
  gboolean requested = self->requested;

  (void) path;
  self->requested = FALSE;
  gtk_widget_set_sensitive (escale_warning_bar_get_button (self->old_bar), TRUE);
  escale_backup_warnings_refresh (self);
  if (error != NULL && (automatic || requested))
    /* Translators: %s says why, such as "No space left on device" */
    escale_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Backup failed: %s"),
                                                               error->message));
  else if (error == NULL && requested)
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (_("Backup saved")));
}

/* GObject */

static void
escale_backup_warnings_dispose (GObject *object)
{
  EscaleBackupWarnings *self = ESCALE_BACKUP_WARNINGS (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->manager);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_backup_warnings_parent_class)->dispose (object);
}

static void
escale_backup_warnings_class_init (EscaleBackupWarningsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_backup_warnings_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
escale_backup_warnings_init (EscaleBackupWarnings *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->old_bar = ESCALE_WARNING_BAR (escale_warning_bar_new ());
  self->shared_bar = ESCALE_WARNING_BAR (escale_warning_bar_new ());
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->shared_bar));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->old_bar));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  g_signal_connect_object (self->old_bar, "activated", G_CALLBACK (on_back_up_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
escale_backup_warnings_new (void)
{
  return g_object_new (ESCALE_TYPE_BACKUP_WARNINGS, NULL);
}

void
escale_backup_warnings_set_store (EscaleBackupWarnings *self,
                                  EscaleStore          *store)
{
  g_return_if_fail (ESCALE_IS_BACKUP_WARNINGS (self));
  g_return_if_fail (ESCALE_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->manager = g_object_ref (escale_backup_manager_get (store));
  g_signal_connect_object (self->manager, "finished", G_CALLBACK (on_finished_cb), self,
                           G_CONNECT_SWAPPED);
  show_shared (self);
  escale_backup_warnings_refresh (self);
}

void
escale_backup_warnings_refresh (EscaleBackupWarnings *self)
{
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (ESCALE_IS_BACKUP_WARNINGS (self));

  if (self->manager == NULL || !escale_backup_manager_is_old (self->manager))
    {
      escale_warning_bar_conceal (self->old_bar);
      return;
    }
  last = escale_backup_manager_get_last (self->manager, NULL);
  message = describe_old (last);
  escale_warning_bar_reveal (self->old_bar, message, _("_Back Up Now"));
}

EscaleWarningBar *
escale_backup_warnings_get_bar (EscaleBackupWarnings *self,
                                EscaleBackupWarning   which)
{
  g_return_val_if_fail (ESCALE_IS_BACKUP_WARNINGS (self), NULL);
  return which == ESCALE_BACKUP_WARNING_OLD ? self->old_bar : self->shared_bar;
}
