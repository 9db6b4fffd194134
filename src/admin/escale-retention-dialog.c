/* escale-retention-dialog.c — the files whose retention period is over, to review
 *
 * The oldest files are listed, with a check box each. Anonymising or
 * deleting asks for a reason, then treats the files checked in one
 * transaction (escale_store_anonymise_people(), escale_store_erase_people()):
 * all of them or none, and the result in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-language.h"
#include "escale-privacy.h"
#include "escale-retention-dialog.h"
#include "escale-rights.h"
#include "escale-ui-util.h"

#define PERSON_ID_KEY "escale-person-id"
#define CHECK_KEY     "escale-check"

struct _EscaleRetentionDialog
{
  AdwWindow        parent_instance;

  EscaleStore     *store;
  GPtrArray       *rows;
  guint            total;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *content_stack;
  GtkLabel        *description;
  GtkListBox      *list;
  GtkLabel        *more_label;
  GtkCheckButton  *select_all;
  GtkLabel        *selection_label;
  GtkWidget       *anonymise_button;
  GtkWidget       *delete_button;
};

G_DEFINE_FINAL_TYPE (EscaleRetentionDialog, escale_retention_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static gint64
row_id (GtkWidget *row)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (row), PERSON_ID_KEY);
}

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), CHECK_KEY);
}

static GArray *
checked_ids (EscaleRetentionDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gint64 id = row_id (row);

      if (gtk_check_button_get_active (row_check (row)))
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
update_selection (EscaleRetentionDialog *self)
{
  g_autoptr(GArray) ids = checked_ids (self);
  g_autofree char *text = NULL;

  /* Translators: how many files of the retention review are checked */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", ids->len),
                          ids->len);
  gtk_label_set_label (self->selection_label, ids->len > 0 ? text : "");
  gtk_widget_set_sensitive (self->anonymise_button, ids->len > 0);
  gtk_widget_set_sensitive (self->delete_button, ids->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->select_all), self->rows->len > 0);
}

static char *
describe_file (const EscaleReviewFile *file)
{
  g_autofree char *number = g_strdup_printf (ESCALE_ISOLATE_LTR ("%s"), file->file_number);
  g_autofree char *day = escale_format_date (file->last_contact);

  /* Translators: under a name in the retention review: the file number,
   * then the day of the last contact with the person */
  return g_strdup_printf (_("%s%s · last contact on %s"), escale_direction_mark (), number, day);
}

static GtkWidget *
new_row (EscaleRetentionDialog  *self,
         const EscaleReviewFile *file)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *name = escale_format_person_name (file->family_name, file->given_names);
  g_autofree char *subtitle = describe_file (file);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), PERSON_ID_KEY,
                          g_memdup2 (&file->person_id, sizeof (gint64)), g_free);
  g_object_set_data (G_OBJECT (row), CHECK_KEY, check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_selection), self);
  return row;
}

static void
clear_rows (EscaleRetentionDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_counts (EscaleRetentionDialog *self,
             guint                  months)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  g_autofree char *more = NULL;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", self->total),
                              self->total);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "No contact with these people for more than %u "
                                              "month. Anonymising keeps only what the reports "
                                              "need; deleting removes the file and everything "
                                              "that is only theirs.",
                                              "No contact with these people for more than %u "
                                              "months. Anonymising keeps only what the reports "
                                              "need; deleting removes the file and everything "
                                              "that is only theirs.", months),
                                 months);
  gtk_label_set_label (self->description, description);
  if (self->total > self->rows->len)
    /* Translators: under the list of the retention review; %u is a number of files */
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more, listed once these are "
                                         "reviewed.", "And %u more, listed once these are "
                                         "reviewed.", self->total - self->rows->len),
                            self->total - self->rows->len);
  gtk_label_set_label (self->more_label, more ? more : "");
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), more != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, self->rows->len > 0 ? "list" : "empty");
}

static void
toast_error (EscaleRetentionDialog *self,
             const GError          *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Work */

static char *
describe_result (gboolean erase,
                 guint    n_files)
{
  if (erase)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file deleted", "%u files deleted",
                                         n_files), n_files);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file anonymised",
                                       "%u files anonymised", n_files), n_files);
}

/* All the files checked in one transaction: all of them or none. */
static void
run (EscaleRetentionDialog *self,
     gboolean               erase,
     const char            *reason)
{
  g_autoptr(GArray) ids = checked_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  const gint64 *data = (const gint64 *) ids->data;
  gboolean ok;

  ok = erase ? escale_store_erase_people (self->store, data, ids->len, reason, &error)
             : escale_store_anonymise_people (self->store, data, ids->len, reason, &error);
  if (!ok)
    {
      toast_error (self, error);
      return;
    }
  result = describe_result (erase, ids->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (result));
  escale_retention_dialog_reload (self);
}

/* Callbacks */

static void
on_reason_response_cb (EscaleRetentionDialog *self,
                       const char            *response,
                       EscaleReasonDialog    *question)
{
  gboolean erase = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (question), "erase"));
  g_autofree char *reason = escale_reason_dialog_dup_reason (question);

  if (g_str_equal (response, ESCALE_REASON_DIALOG_CONFIRM))
    run (self, erase, reason);
}

static void
on_select_all_toggled_cb (EscaleRetentionDialog *self)
{
  gboolean active = gtk_check_button_get_active (self->select_all);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_check_button_set_active (row_check (g_ptr_array_index (self->rows, i)), active);
}

static EscaleReasonDialog *
ask_reason (EscaleRetentionDialog *self,
            gboolean               erase)
{
  g_autoptr(GArray) ids = checked_ids (self);
  g_autofree char *heading = NULL;
  EscaleReasonDialog *question;

  if (ids->len == 0)
    return NULL;
  heading = erase ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u File?",
                                                  "Delete %u Files?", ids->len), ids->len)
                  : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Anonymise %u File?",
                                                  "Anonymise %u Files?", ids->len), ids->len);
  question = escale_reason_dialog_new (GTK_WINDOW (self), heading,
                                       erase ? _("The files and everything that is only theirs "
                                                 "are deleted for good. Household actions stay, "
                                                 "without them.")
                                             : _("Names, contact details, addresses, documents "
                                                 "and notes are deleted for good. Sex, birth "
                                                 "year, nationality and the actions without "
                                                 "their notes stay for the reports."),
                                       erase ? _("_Delete") : _("A_nonymise"), NULL);
  g_object_set_data (G_OBJECT (question), "erase", GINT_TO_POINTER (erase));
  g_signal_connect_object (question, "response", G_CALLBACK (on_reason_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
  return question;
}

static void
on_anonymise_clicked_cb (EscaleRetentionDialog *self)
{
  ask_reason (self, FALSE);
}

static void
on_delete_clicked_cb (EscaleRetentionDialog *self)
{
  ask_reason (self, TRUE);
}

/* GObject overrides */

static void
escale_retention_dialog_dispose (GObject *object)
{
  EscaleRetentionDialog *self = ESCALE_RETENTION_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_retention_dialog_parent_class)->dispose (object);
}

static void
escale_retention_dialog_class_init (EscaleRetentionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_retention_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/escale/Escale/admin/"
                                               "escale-retention-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, description);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, list);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, more_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, select_all);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, selection_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, anonymise_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleRetentionDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_select_all_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_anonymise_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
}

static void
escale_retention_dialog_init (EscaleRetentionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/* Public API */

/**
 * escale_retention_dialog_new:
 *
 * Returns: (transfer none): the dialog, listing the files; not presented
 */
EscaleRetentionDialog *
escale_retention_dialog_new (GtkWindow   *parent,
                             EscaleStore *store)
{
  EscaleRetentionDialog *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_RETENTION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  escale_retention_dialog_reload (self);
  return self;
}

void
escale_retention_dialog_reload (EscaleRetentionDialog *self)
{
  guint months;
  g_autofree char *today = escale_date_today ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_RETENTION_DIALOG (self));

  clear_rows (self);
  self->total = 0;
  months = escale_store_get_retention_months (self->store);
  ids = escale_store_list_retention (self->store, months, today, ESCALE_RETENTION_DIALOG_LIMIT,
                                     &self->total, &error);
  if (ids != NULL)
    files = escale_store_load_review_files (self->store, (const gint64 *) ids->data, ids->len,
                                            &error);
  if (files == NULL)
    toast_error (self, error);
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      GtkWidget *row = new_row (self, g_ptr_array_index (files, i));

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_check_button_set_active (self->select_all, FALSE);
  show_counts (self, months);
  update_selection (self);
}

guint
escale_retention_dialog_get_n_listed (EscaleRetentionDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_RETENTION_DIALOG (self), 0);
  return self->rows->len;
}

guint
escale_retention_dialog_get_total (EscaleRetentionDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_RETENTION_DIALOG (self), 0);
  return self->total;
}

GtkWidget *
escale_retention_dialog_get_row (EscaleRetentionDialog *self,
                                 gint64                 person_id)
{
  g_return_val_if_fail (ESCALE_IS_RETENTION_DIALOG (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (row_id (g_ptr_array_index (self->rows, i)) == person_id)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

void
escale_retention_dialog_select (EscaleRetentionDialog *self,
                                gint64                 person_id,
                                gboolean               selected)
{
  GtkWidget *row = escale_retention_dialog_get_row (self, person_id);

  g_return_if_fail (row != NULL);
  gtk_check_button_set_active (row_check (row), selected);
}

/**
 * escale_retention_dialog_anonymise:
 *
 * Returns: (transfer none) (nullable): the question, presented
 */
EscaleReasonDialog *
escale_retention_dialog_anonymise (EscaleRetentionDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_RETENTION_DIALOG (self), NULL);
  return ask_reason (self, FALSE);
}

/**
 * escale_retention_dialog_delete:
 *
 * Returns: (transfer none) (nullable): the question, presented
 */
EscaleReasonDialog *
escale_retention_dialog_delete (EscaleRetentionDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_RETENTION_DIALOG (self), NULL);
  return ask_reason (self, TRUE);
}
