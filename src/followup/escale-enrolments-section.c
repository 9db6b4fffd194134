/* escale-enrolments-section.c — a person's programmes, in their file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-enrolments-section.h"
#include "escale-programme-store.h"
#include "escale-situation-dialog.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscaleEnrolmentsSection
{
  AdwPreferencesGroup  parent_instance;

  EscaleStore         *store;
  gint64               person_id;
  GPtrArray           *enrolments;  /* EscaleEnrolment, as listed */
  GPtrArray           *rows;        /* the rows shown, one per enrolment, or the row saying there is none */
};

G_DEFINE_FINAL_TYPE (EscaleEnrolmentsSection, escale_enrolments_section,
                     ADW_TYPE_PREFERENCES_GROUP)

/* What a form works on: the section, and the enrolment being ended. */
typedef struct
{
  EscaleEnrolmentsSection *section;
  EscaleEnrolment         *enrolment;
} FormData;

static void
form_data_free (FormData *data)
{
  g_object_unref (data->section);
  g_clear_pointer (&data->enrolment, escale_enrolment_free);
  g_free (data);
}

static EscaleEnrolment *
find_enrolment (EscaleEnrolmentsSection *self,
                gint64                   id)
{
  for (guint i = 0; self->enrolments != NULL && i < self->enrolments->len; i++)
    {
      EscaleEnrolment *enrolment = g_ptr_array_index (self->enrolments, i);

      if (enrolment->id == id)
        return enrolment;
    }
  return NULL;
}

static EscaleEnrolment *
copy_enrolment (const EscaleEnrolment *enrolment)
{
  EscaleEnrolment *copy = escale_enrolment_new (enrolment->person_id, enrolment->programme_id,
                                                enrolment->entry_date);

  copy->id = enrolment->id;
  copy->exit_date = g_strdup (enrolment->exit_date);
  copy->exit_reason = g_strdup (enrolment->exit_reason);
  return copy;
}

static char *
describe_period (EscaleEnrolmentsSection *self,
                 const EscaleEnrolment   *enrolment)
{
  g_autofree char *entry = escale_format_date (enrolment->entry_date);
  g_autofree char *exit = NULL;
  g_autofree char *reason = NULL;

  if (enrolment->exit_date == NULL)
    /* Translators: an enrolment in a programme that has not ended; %s is its entry date */
    return g_strdup_printf (_("Since %s · ongoing"), entry);
  exit = escale_format_date (enrolment->exit_date);
  if (enrolment->exit_reason == NULL)
    /* Translators: the entry and exit dates of an enrolment in a programme */
    return g_strdup_printf (_("%s – %s"), entry, exit);
  reason = escale_vocab_get_label (self->store, ESCALE_VOCAB_EXIT_REASON, enrolment->exit_reason);
  /* Translators: an enrolment's entry date, exit date and exit reason */
  return g_strdup_printf (_("%s – %s · %s"), entry, exit, reason);
}

static gboolean
has_situation (EscaleEnrolmentsSection *self,
               gint64                   enrolment_id,
               const char              *moment)
{
  g_autoptr(EscaleSituation) situation = escale_store_load_situation (self->store, enrolment_id,
                                                                      moment, NULL);

  return situation != NULL && !escale_situation_is_empty (situation);
}

/* The period, and what funders will miss: the situations not recorded. */
static char *
describe_row (EscaleEnrolmentsSection *self,
              const EscaleEnrolment   *enrolment)
{
  g_autofree char *period = describe_period (self, enrolment);
  gboolean no_entry = !has_situation (self, enrolment->id, ESCALE_SITUATION_ENTRY);
  gboolean no_exit = enrolment->exit_date != NULL &&
                     !has_situation (self, enrolment->id, ESCALE_SITUATION_EXIT);
  const char *hint;

  if (no_entry && no_exit)
    hint = _("Situation at entry and exit not recorded");
  else if (no_entry)
    hint = _("Situation at entry not recorded");
  else if (no_exit)
    hint = _("Situation at exit not recorded");
  else
    return g_steal_pointer (&period);
  return g_strconcat (period, "\n", hint, NULL);
}

static GtkWidget *
situation_button (const EscaleEnrolment *enrolment)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) entry = g_menu_item_new (_("Situation at _Entry…"), NULL);

  g_menu_item_set_action_and_target_value (entry, "enrolments.situation",
                                           g_variant_new ("(xs)", enrolment->id,
                                                          ESCALE_SITUATION_ENTRY));
  g_menu_append_item (menu, entry);
  if (enrolment->exit_date != NULL)
    {
      g_autoptr(GMenuItem) exit = g_menu_item_new (_("Situation at E_xit…"), NULL);

      g_menu_item_set_action_and_target_value (exit, "enrolments.situation",
                                               g_variant_new ("(xs)", enrolment->id,
                                                              ESCALE_SITUATION_EXIT));
      g_menu_append_item (menu, exit);
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Situation"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("The person's situation at entry and at exit, "
                                         "for the funders"));
  return button;
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
new_row (EscaleEnrolmentsSection *self,
         const EscaleEnrolment   *enrolment,
         GHashTable              *names)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_row (self, enrolment);
  const char *name = g_hash_table_lookup (names, &enrolment->programme_id);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), situation_button (enrolment));
  if (enrolment->exit_date == NULL)
    {
      GtkWidget *end = gtk_button_new_with_mnemonic (_("_End…"));

      gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (end, _("Record the exit from this programme"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "enrolments.end");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (end), "x", enrolment->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("document-edit-symbolic", _("Change the exit"),
                                            "enrolments.end", enrolment->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Remove this enrolment"),
                                          "enrolments.remove", enrolment->id));
  g_object_set_data_full (G_OBJECT (row), "enrolment-id", g_memdup2 (&enrolment->id,
                                                                      sizeof (gint64)), g_free);
  return row;
}

static GHashTable *
load_programme_names (EscaleStore *store)
{
  g_autoptr(GPtrArray) programmes = escale_store_list_programmes (store, NULL);
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; programmes != NULL && i < programmes->len; i++)
    {
      EscaleProgramme *programme = g_ptr_array_index (programmes, i);

      g_hash_table_insert (names, g_memdup2 (&programme->id, sizeof (gint64)),
                           g_strdup (programme->name));
    }
  return names;
}

static void
clear_rows (EscaleEnrolmentsSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_shown_row (EscaleEnrolmentsSection *self,
               GtkWidget               *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

/* Forms */

static gboolean
accept_enrol (EscaleFormDialog *dialog,
              gpointer          user_data)
{
  FormData *data = user_data;
  EscaleEnrolmentsSection *self = data->section;
  GtkDropDown *programme = GTK_DROP_DOWN (escale_form_dialog_get_field (
    dialog, ESCALE_ENROLMENT_FIELD_PROGRAMME));
  const char *code = escale_code_dropdown_get_code (programme);
  g_autoptr(EscaleEnrolment) enrolment = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entry = NULL;

  if (!escale_form_dialog_get_date (dialog, ESCALE_ENROLMENT_FIELD_ENTRY_DATE, &entry))
    return FALSE;
  enrolment = escale_enrolment_new (self->person_id,
                                    code ? g_ascii_strtoll (code, NULL, 10) : 0, entry);
  errors = escale_store_validate_enrolment (self->store, enrolment);
  if (escale_form_dialog_show_errors (dialog, errors))
    return FALSE;
  if (!escale_store_save_enrolment (self->store, enrolment, &error))
    {
      escale_form_dialog_set_error (dialog, ESCALE_ENROLMENT_FIELD_PROGRAMME, error->message);
      return FALSE;
    }
  escale_enrolments_section_reload (self);
  return TRUE;
}

static gboolean
accept_end (EscaleFormDialog *dialog,
            gpointer          user_data)
{
  FormData *data = user_data;
  EscaleEnrolment *enrolment = data->enrolment;
  GtkDropDown *reason = GTK_DROP_DOWN (escale_form_dialog_get_field (
    dialog, ESCALE_ENROLMENT_FIELD_EXIT_REASON));
  g_autoptr(EscaleSituation) situation = escale_situation_form_get (
    dialog, ESCALE_ENROLMENTS_EXIT_SITUATION_FIELDS);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exit = NULL;

  if (!escale_form_dialog_get_date (dialog, ESCALE_ENROLMENT_FIELD_EXIT_DATE, &exit))
    return FALSE;
  g_free (enrolment->exit_date);
  enrolment->exit_date = g_steal_pointer (&exit);
  g_free (enrolment->exit_reason);
  enrolment->exit_reason = g_strdup (escale_code_dropdown_get_code (reason));
  errors = escale_store_validate_enrolment (data->section->store, enrolment);
  if (escale_form_dialog_show_errors (dialog, errors))
    return FALSE;
  /* A situation at exit without an exit date is refused: said at the date. */
  if (!escale_store_save_enrolment_exit (data->section->store, enrolment, situation, &error))
    {
      escale_form_dialog_set_error (dialog, ESCALE_ENROLMENT_FIELD_EXIT_DATE, error->message);
      return FALSE;
    }
  escale_enrolments_section_reload (data->section);
  return TRUE;
}

static EscaleFormDialog *
new_dialog (EscaleEnrolmentsSection *self,
            const char              *title,
            const char              *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return escale_form_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title,
                                 accept_label);
}

static FormData *
new_form_data (EscaleEnrolmentsSection *self,
               EscaleEnrolment         *enrolment)
{
  FormData *data = g_new0 (FormData, 1);

  data->section = g_object_ref (self);
  data->enrolment = enrolment;
  return data;
}

/* Actions */

static void
enrol_action (GtkWidget                *widget,
              G_GNUC_UNUSED const char *action_name,
              G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleEnrolmentsSection *self = ESCALE_ENROLMENTS_SECTION (widget);

  if (escale_enrolments_section_enrol (self) == NULL)
    escale_add_toast (widget, adw_toast_new (_("No programmes yet: add them in the "
                                               "preferences")));
}

static void
end_action (GtkWidget                *widget,
            G_GNUC_UNUSED const char *action_name,
            GVariant                 *parameter)
{
  escale_enrolments_section_end (ESCALE_ENROLMENTS_SECTION (widget),
                                 g_variant_get_int64 (parameter));
}

static void
situation_action (GtkWidget                *widget,
                  G_GNUC_UNUSED const char *action_name,
                  GVariant                 *parameter)
{
  gint64 id;
  const char *moment;

  g_variant_get (parameter, "(x&s)", &id, &moment);
  escale_enrolments_section_edit_situation (ESCALE_ENROLMENTS_SECTION (widget), id, moment);
}

static void
on_remove_response (EscaleEnrolmentsSection *self,
                    const char              *response,
                    AdwMessageDialog        *dialog)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "enrolment-id");

  if (g_str_equal (response, "remove") &&
      !escale_enrolments_section_remove (self, id, &error))
    escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
remove_action (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               GVariant                 *parameter)
{
  EscaleEnrolmentsSection *self = ESCALE_ENROLMENTS_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *dialog;

  dialog = GTK_WIDGET (escale_confirm_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Remove This Enrolment?"),
                                                  _("The person will no longer count in this "
                                                    "programme over this period."),
                                                  "remove", _("_Remove")));
  g_object_set_data_full (G_OBJECT (dialog), "enrolment-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
escale_enrolments_section_dispose (GObject *object)
{
  EscaleEnrolmentsSection *self = ESCALE_ENROLMENTS_SECTION (object);

  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_enrolments_section_parent_class)->dispose (object);
}

static void
escale_enrolments_section_class_init (EscaleEnrolmentsSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_enrolments_section_dispose;
  gtk_widget_class_install_action (widget_class, "enrolments.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "enrolments.end", "x", end_action);
  gtk_widget_class_install_action (widget_class, "enrolments.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "enrolments.situation", "(xs)",
                                   situation_action);
}

static void
escale_enrolments_section_init (EscaleEnrolmentsSection *self)
{
  GtkWidget *enrol = gtk_button_new_with_mnemonic (_("_Enrol…"));

  self->rows = g_ptr_array_new ();
  gtk_widget_set_valign (enrol, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (enrol, _("Enrol this person in a programme"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (enrol), "enrolments.enrol");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Programmes"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), enrol);
}

/* Public API */

GtkWidget *
escale_enrolments_section_new (EscaleStore *store,
                               gint64       person_id)
{
  EscaleEnrolmentsSection *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_ENROLMENTS_SECTION, NULL);
  self->store = g_object_ref (store);
  self->person_id = person_id;
  escale_enrolments_section_reload (self);
  return GTK_WIDGET (self);
}

void
escale_enrolments_section_reload (EscaleEnrolmentsSection *self)
{
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_ENROLMENTS_SECTION (self));

  clear_rows (self);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  self->enrolments = escale_store_list_enrolments (self->store, self->person_id, &error);
  if (self->enrolments == NULL)
    {
      g_warning ("Could not list the enrolments: %s", error->message);
      return;
    }
  names = load_programme_names (self->store);
  for (guint i = 0; i < self->enrolments->len; i++)
    add_shown_row (self, new_row (self, g_ptr_array_index (self->enrolments, i), names));
  if (self->enrolments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Not enrolled in any programme"));
      gtk_widget_add_css_class (row, "dim-label");
      add_shown_row (self, row);
    }
}

guint
escale_enrolments_section_get_n_enrolments (EscaleEnrolmentsSection *self)
{
  g_return_val_if_fail (ESCALE_IS_ENROLMENTS_SECTION (self), 0);
  return self->enrolments ? self->enrolments->len : 0;
}

GtkWidget *
escale_enrolments_section_get_row (EscaleEnrolmentsSection *self,
                                   gint64                   enrolment_id)
{
  g_return_val_if_fail (ESCALE_IS_ENROLMENTS_SECTION (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      gint64 *id = g_object_get_data (g_ptr_array_index (self->rows, i), "enrolment-id");

      if (id != NULL && *id == enrolment_id)
        return g_ptr_array_index (self->rows, i);
    }
  return NULL;
}

/**
 * escale_enrolments_section_enrol:
 *
 * Returns: (transfer none) (nullable): the form, presented
 */
EscaleFormDialog *
escale_enrolments_section_enrol (EscaleEnrolmentsSection *self)
{
  g_autofree char *today = escale_date_today ();
  g_autofree char *today_text = escale_format_date (today);
  EscaleFormDialog *dialog;
  GtkDropDown *programme;

  g_return_val_if_fail (ESCALE_IS_ENROLMENTS_SECTION (self), NULL);

  dialog = new_dialog (self, _("Enrol in a Programme"), _("_Enrol"));
  programme = escale_form_dialog_add_dropdown (dialog, ESCALE_ENROLMENT_FIELD_PROGRAMME,
                                               _("Programme"));
  if (escale_code_dropdown_setup_programmes (programme, self->store, NULL) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return NULL;
    }
  escale_form_dialog_add_entry (dialog, ESCALE_ENROLMENT_FIELD_ENTRY_DATE, _("Entry date"),
                                today_text);
  escale_form_dialog_set_accept_func (dialog, accept_enrol, new_form_data (self, NULL),
                                      (GDestroyNotify) form_data_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * escale_enrolments_section_end:
 *
 * Returns: (transfer none) (nullable): the form, presented; %NULL when
 *   @enrolment_id is not listed
 */
EscaleFormDialog *
escale_enrolments_section_end (EscaleEnrolmentsSection *self,
                               gint64                   enrolment_id)
{
  EscaleEnrolment *enrolment;
  g_autoptr(EscaleSituation) situation = NULL;
  g_autofree char *date = NULL;
  EscaleFormDialog *dialog;
  GtkDropDown *reason;

  g_return_val_if_fail (ESCALE_IS_ENROLMENTS_SECTION (self), NULL);

  enrolment = find_enrolment (self, enrolment_id);
  if (enrolment == NULL)
    return NULL;
  if (enrolment->exit_date != NULL)
    date = escale_format_date (enrolment->exit_date);
  else
    {
      g_autofree char *today = escale_date_today ();
      date = escale_format_date (today);
    }
  dialog = new_dialog (self, _("End the Enrolment"), _("_Save"));
  escale_form_dialog_add_entry (dialog, ESCALE_ENROLMENT_FIELD_EXIT_DATE, _("Exit date"), date);
  reason = escale_form_dialog_add_dropdown (dialog, ESCALE_ENROLMENT_FIELD_EXIT_REASON,
                                            _("Exit reason"));
  escale_code_dropdown_setup_vocab (reason, self->store, ESCALE_VOCAB_EXIT_REASON,
                                    _("Not given"));
  escale_code_dropdown_set_code (reason, enrolment->exit_reason);
  situation = escale_store_load_situation (self->store, enrolment_id, ESCALE_SITUATION_EXIT,
                                           NULL);
  escale_form_dialog_add_group (dialog, _("Situation at Exit"), NULL);
  escale_situation_form_add_rows (dialog, ESCALE_ENROLMENTS_EXIT_SITUATION_FIELDS, situation);
  escale_form_dialog_set_accept_func (dialog, accept_end,
                                      new_form_data (self, copy_enrolment (enrolment)),
                                      (GDestroyNotify) form_data_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * escale_enrolments_section_edit_situation:
 * @moment: ESCALE_SITUATION_ENTRY or ESCALE_SITUATION_EXIT
 *
 * Returns: (transfer none) (nullable): the form, presented; %NULL when
 *   @enrolment_id is not listed, or for the exit of an enrolment that has
 *   not ended
 */
EscaleFormDialog *
escale_enrolments_section_edit_situation (EscaleEnrolmentsSection *self,
                                          gint64                   enrolment_id,
                                          const char              *moment)
{
  EscaleEnrolment *enrolment;
  g_autoptr(EscaleProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EscaleFormDialog *dialog;

  g_return_val_if_fail (ESCALE_IS_ENROLMENTS_SECTION (self), NULL);

  enrolment = find_enrolment (self, enrolment_id);
  if (enrolment == NULL ||
      (enrolment->exit_date == NULL && g_strcmp0 (moment, ESCALE_SITUATION_EXIT) == 0))
    return NULL;
  programme = escale_store_load_programme (self->store, enrolment->programme_id, NULL);
  dialog = escale_situation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, enrolment_id, moment,
                                        programme ? programme->name : NULL, &error);
  if (dialog == NULL)
    {
      escale_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return NULL;
    }
  /* Saved or not, the rows show what is recorded. */
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (escale_enrolments_section_reload),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
escale_enrolments_section_remove (EscaleEnrolmentsSection  *self,
                                  gint64                    enrolment_id,
                                  GError                  **error)
{
  g_return_val_if_fail (ESCALE_IS_ENROLMENTS_SECTION (self), FALSE);

  if (!escale_store_remove_enrolment (self->store, enrolment_id, error))
    return FALSE;
  escale_enrolments_section_reload (self);
  return TRUE;
}
