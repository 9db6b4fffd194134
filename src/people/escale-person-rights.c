/* escale-person-rights.c — a person's rights from their file: a copy of their data, erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-person-rights.h"
#include "escale-rights.h"
#include "escale-ui-util.h"

/* What the file chooser and the question work for. */
typedef struct
{
  EscaleStore      *store;
  gint64            person_id;
  GtkWidget        *widget;    /* weak */
  EscaleErasedFunc  erased;
} Request;

static Request *
request_new (GtkWidget    *widget,
             EscaleStore  *store,
             EscalePerson *person)
{
  Request *request = g_new0 (Request, 1);

  request->store = g_object_ref (store);
  request->person_id = escale_person_get_id (person);
  g_set_weak_pointer (&request->widget, widget);
  return request;
}

static void
request_free (Request *request)
{
  g_clear_weak_pointer (&request->widget);
  g_object_unref (request->store);
  g_free (request);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (Request    *request,
       const char *text)
{
  if (request->widget != NULL)
    escale_add_toast (request->widget, adw_toast_new (text));
}

/* Callbacks */

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       Request         *request)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      gboolean ok = g_str_has_suffix (path, ".xlsx")
                    ? escale_store_export_person_xlsx (request->store, request->person_id, path,
                                                       &error)
                    : escale_person_rights_write_json (request->store, request->person_id, path,
                                                       &error);

      if (ok)
        toast (request, _("The person’s data was saved"));
      else
        toast (request, error->message);
    }
  request_free (request);
  g_object_unref (chooser);
}

static void
on_erase_response_cb (EscaleReasonDialog *question,
                      const char         *response,
                      Request            *request)
{
  g_autofree char *reason = escale_reason_dialog_dup_reason (question);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, ESCALE_REASON_DIALOG_CONFIRM))
    return;
  if (!escale_store_erase_person (request->store, request->person_id, reason, &error))
    {
      toast (request, error->message);
      return;
    }
  toast (request, _("File erased"));
  if (request->widget != NULL && request->erased != NULL)
    request->erased (request->widget);
}

/* Public API */

gboolean
escale_person_rights_write_json (EscaleStore  *store,
                                 gint64        person_id,
                                 const char   *path,
                                 GError      **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json = escale_store_export_person_json (store, person_id, error);
  return json != NULL && g_file_set_contents (path, json, -1, error);
}

/* The person chooses the form of their copy by the file's name: .json for
 * another program, .xlsx to read. */
static void
add_filter (GtkFileChooserNative *chooser,
            const char           *name,
            const char           *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

void
escale_person_rights_export (GtkWidget    *widget,
                             EscaleStore  *store,
                             EscalePerson *person)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ESCALE_IS_PERSON (person));

  chooser = gtk_file_chooser_native_new (_("Export the Person’s Data"), window_of (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  /* Translators: the name offered for the copy of a person's data; %s is
   * their file number */
  name = g_strdup_printf (_("data-%s.json"),
                          escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_filter (chooser, _("JSON, for another program (.json)"), "*.json");
  add_filter (chooser, _("Spreadsheet, to read (.xlsx)"), "*.xlsx");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb),
                    request_new (widget, store, person));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

EscaleReasonDialog *
escale_person_rights_ask_erase (GtkWidget        *widget,
                                EscaleStore      *store,
                                EscalePerson     *person,
                                EscaleErasedFunc  erased)
{
  const char *number;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  EscaleReasonDialog *question;
  Request *request;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (ESCALE_IS_PERSON (person), NULL);

  number = escale_person_get (person, ESCALE_FIELD_FILE_NUMBER);
  name = escale_format_person_name (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME),
                                    escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES));
  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Erase %s?"), name);
  question = escale_reason_dialog_new (window_of (widget), heading,
                                       _("Their file and everything that is only theirs are "
                                         "deleted for good, and cannot be restored. Household "
                                         "actions stay, without them. The audit log keeps the "
                                         "reason, not their name."),
                                       _("_Erase"), number);
  request = request_new (widget, store, person);
  request->erased = erased;
  g_object_set_data_full (G_OBJECT (question), "escale-request", request,
                          (GDestroyNotify) request_free);
  g_signal_connect (question, "response", G_CALLBACK (on_erase_response_cb), request);
  gtk_window_present (GTK_WINDOW (question));
  return question;
}
