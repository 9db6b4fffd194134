/* escale-programme-form.c — the form of one programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-programme-form.h"
#include "escale-programme-store.h"
#include "escale-ui-util.h"

typedef struct
{
  EscaleStore     *store;
  EscaleProgramme *programme;
} FormData;

static void
form_data_free (FormData *data)
{
  g_object_unref (data->store);
  escale_programme_free (data->programme);
  g_free (data);
}

/* Funders typed one per line or separated by commas or semicolons. */
static GStrv
split_funders (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\n]", text ? text : "", 0, 0);
  g_autoptr(GStrvBuilder) funders = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (funders, parts[i]);
  return g_strv_builder_end (funders);
}

static gboolean
read_target (EscaleFormDialog *dialog,
             gint64           *target)
{
  g_autofree char *text = g_strstrip (g_strdup (escale_form_dialog_get_text (
    dialog, ESCALE_PROGRAMME_FIELD_TARGET)));
  char *end = NULL;

  *target = ESCALE_PROGRAMME_NO_TARGET;
  if (*text == '\0')
    return TRUE;
  *target = g_ascii_strtoll (text, &end, 10);
  if (end != NULL && *end == '\0')
    return TRUE;
  escale_form_dialog_set_error (dialog, ESCALE_PROGRAMME_FIELD_TARGET,
                                _("Write a number of people, such as 100"));
  return FALSE;
}

static char *
trimmed_text (EscaleFormDialog *dialog,
              guint             field)
{
  return g_strstrip (g_strdup (escale_form_dialog_get_text (dialog, field)));
}

static gboolean
accept_programme (EscaleFormDialog *dialog,
                  gpointer          user_data)
{
  FormData *data = user_data;
  EscaleProgramme *programme = data->programme;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  char *started = NULL, *ended = NULL;
  gboolean dates_ok;
  gint64 target;

  /* Both checked, each showing its own message. */
  dates_ok = escale_form_dialog_get_date (dialog, ESCALE_PROGRAMME_FIELD_ENDED_ON, &ended);
  if (!escale_form_dialog_get_date (dialog, ESCALE_PROGRAMME_FIELD_STARTED_ON, &started))
    dates_ok = FALSE;
  if (!read_target (dialog, &target) || !dates_ok)
    {
      g_free (started);
      g_free (ended);
      return FALSE;
    }
  g_free (programme->code);
  programme->code = trimmed_text (dialog, ESCALE_PROGRAMME_FIELD_CODE);
  g_free (programme->name);
  programme->name = trimmed_text (dialog, ESCALE_PROGRAMME_FIELD_NAME);
  g_free (programme->started_on);
  programme->started_on = started;
  g_free (programme->ended_on);
  programme->ended_on = ended;
  programme->target_people = target;
  g_strfreev (programme->funders);
  programme->funders = split_funders (escale_form_dialog_get_text (
    dialog, ESCALE_PROGRAMME_FIELD_FUNDERS));
  errors = escale_store_validate_programme (data->store, programme);
  if (escale_form_dialog_show_errors (dialog, errors))
    return FALSE;
  if (escale_store_save_programme (data->store, programme, &error))
    return TRUE;
  escale_form_dialog_set_error (dialog, ESCALE_PROGRAMME_FIELD_CODE, error->message);
  return FALSE;
}

static char *
date_text (const char *iso)
{
  return iso ? escale_format_date (iso) : g_strdup ("");
}

static void
add_fields (EscaleFormDialog      *dialog,
            const EscaleProgramme *programme)
{
  g_autofree char *funders = g_strjoinv (", ", programme->funders);
  g_autofree char *started = date_text (programme->started_on);
  g_autofree char *ended = date_text (programme->ended_on);
  g_autofree char *target = programme->target_people == ESCALE_PROGRAMME_NO_TARGET
                            ? g_strdup ("")
                            : g_strdup_printf ("%" G_GINT64_FORMAT, programme->target_people);
  GtkWidget *row;

  escale_form_dialog_add_entry (dialog, ESCALE_PROGRAMME_FIELD_NAME, _("Name"), programme->name);
  row = escale_form_dialog_add_entry (dialog, ESCALE_PROGRAMME_FIELD_CODE, _("Code"),
                                      programme->code);
  gtk_widget_set_tooltip_text (row, _("A short code, used by imports and reports"));
  row = escale_form_dialog_add_entry (dialog, ESCALE_PROGRAMME_FIELD_FUNDERS,
                                      _("Funders, separated by commas"), funders);
  row = escale_form_dialog_add_entry (dialog, ESCALE_PROGRAMME_FIELD_STARTED_ON, _("Starts on"),
                                      started);
  gtk_widget_set_tooltip_text (row, _("DD/MM/YYYY"));
  row = escale_form_dialog_add_entry (dialog, ESCALE_PROGRAMME_FIELD_ENDED_ON, _("Ends on"),
                                      ended);
  gtk_widget_set_tooltip_text (row, _("DD/MM/YYYY"));
  row = escale_form_dialog_add_entry (dialog, ESCALE_PROGRAMME_FIELD_TARGET,
                                      _("Target number of people"), target);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
}

EscaleFormDialog *
escale_programme_form_new (GtkWindow    *parent,
                           EscaleStore  *store,
                           gint64        id,
                           GError      **error)
{
  EscaleProgramme *programme;
  EscaleFormDialog *dialog;
  FormData *data;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  programme = id != 0 ? escale_store_load_programme (store, id, error) : escale_programme_new ();
  if (programme == NULL)
    return NULL;
  dialog = escale_form_dialog_new (parent, id != 0 ? _("Programme") : _("New Programme"),
                                   id != 0 ? _("_Save") : _("_Add"));
  add_fields (dialog, programme);
  data = g_new0 (FormData, 1);
  data->store = g_object_ref (store);
  data->programme = programme;
  escale_form_dialog_set_accept_func (dialog, accept_programme, data,
                                      (GDestroyNotify) form_data_free);
  return dialog;
}
