/* escale-situation-dialog.c — the situation at the entry into a programme
 * or at the exit from it, as a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-situation-dialog.h"

/* What the form saves to. */
typedef struct
{
  EscaleStore *store;
  gint64       enrolment_id;
  char        *moment;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->store);
  g_free (data->moment);
  g_free (data);
}

static AdwComboRow *
get_row (EscaleFormDialog     *dialog,
         guint                 first_field,
         EscaleSituationField  field)
{
  return ADW_COMBO_ROW (escale_form_dialog_get_field (dialog, first_field + field));
}

/* "Not recorded", then the labels of @field's codes. */
static GStrv
choice_labels (EscaleSituationField field)
{
  const char *const *codes = escale_situation_codes (field);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  /* Translators: a choice of the situation at entry or exit, when the person was not asked */
  g_strv_builder_add (labels, C_("situation", "Not recorded"));
  for (guint i = 0; codes[i] != NULL; i++)
    g_strv_builder_add (labels, escale_situation_label (field, codes[i]));
  return g_strv_builder_end (labels);
}

static gboolean
accept_situation (EscaleFormDialog *dialog,
                  gpointer          user_data)
{
  SaveData *data = user_data;
  g_autoptr(EscaleSituation) situation = escale_situation_form_get (dialog, 0);
  EscaleSituationField field = ESCALE_SITUATION_LABOUR;
  g_autoptr(GError) error = NULL;

  if (escale_situation_validate (situation, &field, &error) &&
      escale_store_save_situation (data->store, data->enrolment_id, data->moment, situation,
                                   &error))
    return TRUE;
  /* A problem of no field in particular (the enrolment gone): at the first. */
  escale_form_dialog_set_error (dialog, field, error->message);
  return FALSE;
}

void
escale_situation_form_add_rows (EscaleFormDialog      *dialog,
                                guint                  first_field,
                                const EscaleSituation *situation)
{
  g_return_if_fail (ESCALE_IS_FORM_DIALOG (dialog));

  for (guint field = 0; field < ESCALE_SITUATION_N_FIELDS; field++)
    {
      g_auto(GStrv) labels = choice_labels (field);

      escale_form_dialog_add_combo (dialog, first_field + field,
                                    escale_situation_field_label (field),
                                    (const char *const *) labels);
      escale_situation_form_set_code (dialog, first_field, field,
                                      situation ? situation->values[field] : NULL);
    }
}

/**
 * escale_situation_form_get:
 *
 * Returns: (transfer full): the codes chosen
 */
EscaleSituation *
escale_situation_form_get (EscaleFormDialog *dialog,
                           guint             first_field)
{
  EscaleSituation *situation = escale_situation_new ();

  g_return_val_if_fail (ESCALE_IS_FORM_DIALOG (dialog), situation);

  for (guint field = 0; field < ESCALE_SITUATION_N_FIELDS; field++)
    {
      guint position = adw_combo_row_get_selected (get_row (dialog, first_field, field));

      if (position != 0 && position != GTK_INVALID_LIST_POSITION)
        situation->values[field] = g_strdup (escale_situation_codes (field)[position - 1]);
    }
  return situation;
}

void
escale_situation_form_set_code (EscaleFormDialog     *dialog,
                                guint                 first_field,
                                EscaleSituationField  field,
                                const char           *code)
{
  const char *const *codes = escale_situation_codes (field);
  guint position = 0;

  g_return_if_fail (ESCALE_IS_FORM_DIALOG (dialog));

  for (guint i = 0; code != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      position = i + 1;
  adw_combo_row_set_selected (get_row (dialog, first_field, field), position);
}

/**
 * escale_situation_dialog_new:
 *
 * Returns: (transfer none) (nullable): the form, destroyed when cancelled
 *   or once saved
 */
EscaleFormDialog *
escale_situation_dialog_new (GtkWindow   *parent,
                             EscaleStore *store,
                             gint64       enrolment_id,
                             const char  *moment,
                             const char  *programme_name,
                             GError     **error)
{
  gboolean entry = g_strcmp0 (moment, ESCALE_SITUATION_ENTRY) == 0;
  g_autoptr(EscaleSituation) situation = NULL;
  EscaleFormDialog *dialog;
  SaveData *data;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  situation = escale_store_load_situation (store, enrolment_id, moment, error);
  if (situation == NULL)
    return NULL;
  dialog = escale_form_dialog_new (parent, entry ? _("Situation at Entry") : _("Situation at Exit"),
                                   _("_Save"));
  if (programme_name != NULL)
    escale_form_dialog_add_group (dialog, programme_name,
                                  entry ? _("When the person entered the programme")
                                        : _("When the person left the programme"));
  escale_situation_form_add_rows (dialog, 0, situation);
  data = g_new0 (SaveData, 1);
  data->store = g_object_ref (store);
  data->enrolment_id = enrolment_id;
  data->moment = g_strdup (moment);
  escale_form_dialog_set_accept_func (dialog, accept_situation, data,
                                      (GDestroyNotify) save_data_free);
  return dialog;
}
