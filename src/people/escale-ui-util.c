/* escale-ui-util.c — small pieces the people's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "escale-date.h"
#include "escale-iso.h"
#include "escale-language.h"
#include "escale-programme-store.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define CODES_KEY "escale-codes"
#define STORE_KEY "escale-vocab-store"
#define KIND_KEY "escale-vocab-kind"

static char *
item_label (GtkStringObject *item)
{
  return g_strdup (gtk_string_object_get_string (item));
}

/**
 * escale_code_dropdown_setup:
 *
 * Fills @dropdown with @labels (searchable as typed) and remembers @codes.
 */
void
escale_code_dropdown_setup (GtkDropDown        *dropdown,
                            const char * const *codes,
                            const char * const *labels,
                            const char         *none_label)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  guint n = codes ? g_strv_length ((GStrv) codes) : 0;

  if (none_label != NULL)
    {
      gtk_string_list_append (model, none_label);
      g_strv_builder_add (kept, "");
    }
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (model, labels[i]);
      g_strv_builder_add (kept, codes[i]);
    }
  g_object_set_data_full (G_OBJECT (dropdown), CODES_KEY, g_strv_builder_end (kept),
                          (GDestroyNotify) g_strfreev);
  gtk_drop_down_set_expression (dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (item_label), NULL, NULL));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_enable_search (dropdown, n > 12);
}

void
escale_code_dropdown_setup_vocab (GtkDropDown *dropdown,
                                  EscaleStore *store,
                                  const char  *kind,
                                  const char  *none_label)
{
  g_auto(GStrv) codes = escale_vocab_list_codes (store, kind);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; codes[i] != NULL; i++)
    g_ptr_array_add (labels, escale_vocab_get_label (store, kind, codes[i]));
  g_ptr_array_add (labels, NULL);
  escale_code_dropdown_setup (dropdown, (const char * const *) codes,
                              (const char * const *) labels->pdata, none_label);
  /* For escale_code_dropdown_set_code() with a hidden code. */
  g_object_set_data_full (G_OBJECT (dropdown), STORE_KEY, g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dropdown), KIND_KEY, g_strdup (kind), g_free);
}

/* A code hidden in the preferences is not offered, but a value that holds
 * it must show it, and keep it when saved: it is added to @dropdown. */
static gboolean
append_hidden_code (GtkDropDown *dropdown,
                    const char  *code)
{
  EscaleStore *store = g_object_get_data (G_OBJECT (dropdown), STORE_KEY);
  const char *kind = g_object_get_data (G_OBJECT (dropdown), KIND_KEY);
  GStrv codes = g_object_get_data (G_OBJECT (dropdown), CODES_KEY);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *label = NULL;

  if (store == NULL || code == NULL || !escale_vocab_has_code (store, kind, code))
    return FALSE;
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) codes);
  g_strv_builder_add (builder, code);
  label = escale_vocab_get_label (store, kind, code);
  gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), label);
  g_object_set_data_full (G_OBJECT (dropdown), CODES_KEY, g_strv_builder_end (builder),
                          (GDestroyNotify) g_strfreev);
  return TRUE;
}

typedef struct
{
  const char *code;
  const char *name;
  char       *key;
} NamedCode;

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const NamedCode *) a)->key, ((const NamedCode *) b)->key);
}

/* Codes sorted by their names in the interface language. */
static void
setup_sorted (GtkDropDown  *dropdown,
              GStrv         codes,
              const char *(*name_of) (const char *),
              const char   *none_label)
{
  guint n = g_strv_length (codes);
  g_autofree NamedCode *named = g_new0 (NamedCode, n);
  g_autofree const char **sorted_codes = g_new0 (const char *, n + 1);
  g_autofree const char **names = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      named[i].code = codes[i];
      named[i].name = name_of (codes[i]);
      named[i].key = g_utf8_collate_key (named[i].name, -1);
    }
  qsort (named, n, sizeof *named, compare_named);
  for (guint i = 0; i < n; i++)
    {
      sorted_codes[i] = named[i].code;
      names[i] = named[i].name;
      g_free (named[i].key);
    }
  escale_code_dropdown_setup (dropdown, sorted_codes, names, none_label);
}

void
escale_code_dropdown_setup_countries (GtkDropDown *dropdown,
                                      const char  *none_label)
{
  g_auto(GStrv) codes = escale_iso_country_codes ();

  setup_sorted (dropdown, codes, escale_iso_country_name, none_label);
}

void
escale_code_dropdown_setup_languages (GtkDropDown *dropdown,
                                      const char  *none_label)
{
  g_auto(GStrv) codes = escale_iso_language_codes ();

  setup_sorted (dropdown, codes, escale_iso_language_name, none_label);
}

guint
escale_code_dropdown_setup_programmes (GtkDropDown *dropdown,
                                       EscaleStore *store,
                                       const char  *none_label)
{
  g_autoptr(GPtrArray) programmes = escale_store_list_programmes (store, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; programmes != NULL && i < programmes->len; i++)
    {
      EscaleProgramme *programme = g_ptr_array_index (programmes, i);

      g_ptr_array_add (codes, g_strdup_printf ("%" G_GINT64_FORMAT, programme->id));
      g_ptr_array_add (names, programme->name);
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (names, NULL);
  escale_code_dropdown_setup (dropdown, (const char * const *) codes->pdata,
                              (const char * const *) names->pdata, none_label);
  return codes->len - 1;
}

/**
 * escale_code_dropdown_get_code:
 *
 * Returns: (nullable): the code selected, %NULL for "none"
 */
const char *
escale_code_dropdown_get_code (GtkDropDown *dropdown)
{
  GStrv codes = g_object_get_data (G_OBJECT (dropdown), CODES_KEY);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (codes == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length (codes) || *codes[selected] == '\0')
    return NULL;
  return codes[selected];
}

gboolean
escale_code_dropdown_has_code (GtkDropDown *dropdown,
                               const char  *code)
{
  GStrv codes = g_object_get_data (G_OBJECT (dropdown), CODES_KEY);

  return codes != NULL && code != NULL && g_strv_contains ((const char * const *) codes, code);
}

void
escale_code_dropdown_set_code (GtkDropDown *dropdown,
                               const char  *code)
{
  GStrv codes = g_object_get_data (G_OBJECT (dropdown), CODES_KEY);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code ? code : "") == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  if (append_hidden_code (dropdown, code))
    escale_code_dropdown_set_code (dropdown, code);
  else
    gtk_drop_down_set_selected (dropdown, 0);
}

/**
 * escale_format_person_name:
 *
 * Returns: (transfer full): "FAMILY Given names", the way files are named
 */
char *
escale_format_person_name (const char *family_name,
                           const char *given_names)
{
  g_autofree char *family = g_utf8_strup (family_name ? family_name : "", -1);

  if (given_names == NULL || *given_names == '\0')
    return g_steal_pointer (&family);
  /* Translators: a person's name: %1$s is the FAMILY NAME, %2$s the given names */
  return g_strdup_printf (_("%1$s %2$s"), family, given_names);
}

char *
escale_format_birth (const char *birth_date,
                     const char *precision)
{
  return escale_date_format (birth_date, escale_date_precision_from_code (precision));
}

char *
escale_format_date (const char *iso)
{
  return escale_date_format (iso, ESCALE_DATE_EXACT);
}

/**
 * escale_add_toast:
 * @widget: a widget inside the window
 *
 * Shows @toast in the toast overlay around @widget.
 */
void
escale_add_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

AdwMessageDialog *
escale_confirm_dialog_new (GtkWindow  *parent,
                           const char *heading,
                           const char *body,
                           const char *confirm_id,
                           const char *confirm_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), confirm_id, confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, confirm_id, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

typedef struct
{
  EscaleConfirmedFunc   confirmed;
  GtkWidget           **question;   /* in the owner */
} Confirmation;

static void
on_question_response (AdwMessageDialog *question,
                      const char       *response,
                      GtkWindow        *owner)
{
  Confirmation *confirmation = g_object_get_data (G_OBJECT (question), "escale-confirmation");

  /* Answered: the owner may ask again, and must not dismiss this one. */
  g_clear_weak_pointer (confirmation->question);
  if (g_strcmp0 (response, "delete") != 0)
    return;
  /* The question outlives this handler: it must not keep a destroyed owner. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  confirmation->confirmed (owner);
}

void
escale_ask_before_deleting (GtkWindow           *owner,
                            GtkWidget          **question,
                            const char          *heading,
                            const char          *body,
                            EscaleConfirmedFunc  confirmed)
{
  Confirmation *confirmation;
  AdwMessageDialog *dialog;

  if (*question != NULL)
    {
      gtk_window_present (GTK_WINDOW (*question));
      return;
    }
  dialog = escale_confirm_dialog_new (owner, heading, body, "delete", _("_Delete"));
  confirmation = g_new0 (Confirmation, 1);
  confirmation->confirmed = confirmed;
  confirmation->question = question;
  g_object_set_data_full (G_OBJECT (dialog), "escale-confirmation", confirmation, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_question_response), owner, 0);
  g_set_weak_pointer (question, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
escale_question_dismiss (GtkWidget **question)
{
  if (*question == NULL)
    return;
  gtk_window_set_transient_for (GTK_WINDOW (*question), NULL);
  gtk_window_destroy (GTK_WINDOW (*question));
  g_clear_weak_pointer (question);
}

const char *
escale_direction_mark (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? ESCALE_RLM : ESCALE_LRM;
}
