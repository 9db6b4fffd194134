/* escale-editor-util.c — pieces the person editor's sections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-editor-util.h"
#include "escale-ui-util.h"

#define OWNER_KEY "escale-owner"
#define HINT_KEY  "escale-hint"

/* Message rows */

/**
 * escale_message_row_new:
 * @owner: the row the message is about
 *
 * Returns: (transfer floating): a hidden row, to put right under @owner
 */
GtkWidget *
escale_message_row_new (GtkWidget *owner)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  gtk_widget_add_css_class (row, "field-message");
  g_object_set_data (G_OBJECT (row), OWNER_KEY, owner);
  return row;
}

static GtkWidget *
message_label (GtkWidget *row)
{
  return gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
}

gboolean
escale_message_row_has_error (GtkWidget *row)
{
  return gtk_widget_has_css_class (message_label (row), "error");
}

/**
 * escale_message_row_get_error:
 *
 * Returns: (nullable): the error shown, %NULL when none (a hint is no error)
 */
const char *
escale_message_row_get_error (GtkWidget *row)
{
  if (!escale_message_row_has_error (row))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (message_label (row)));
}

static void
mark_owner (GtkWidget  *owner,
            const char *error)
{
  if (error != NULL)
    {
      if (ADW_IS_ENTRY_ROW (owner))
        gtk_widget_add_css_class (owner, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (owner),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error, -1);
    }
  else
    {
      gtk_widget_remove_css_class (owner, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/**
 * escale_message_row_set_error:
 * @error: (nullable): the error, or %NULL to show the row's hint
 */
void
escale_message_row_set_error (GtkWidget  *row,
                              const char *error)
{
  GtkWidget *label = message_label (row);
  const char *hint = g_object_get_data (G_OBJECT (row), HINT_KEY);
  const char *text = error != NULL ? error : hint;

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (row, text != NULL);
  gtk_widget_remove_css_class (label, error != NULL ? "dim-label" : "error");
  gtk_widget_add_css_class (label, error != NULL ? "error" : "dim-label");
  mark_owner (g_object_get_data (G_OBJECT (row), OWNER_KEY), error);
}

/**
 * escale_message_row_set_hint:
 * @hint: (nullable): shown while there is no error
 */
void
escale_message_row_set_hint (GtkWidget  *row,
                             const char *hint)
{
  g_object_set_data_full (G_OBJECT (row), HINT_KEY, g_strdup (hint), g_free);
  if (!escale_message_row_has_error (row))
    escale_message_row_set_error (row, NULL);
}

/**
 * escale_message_row_show:
 * @errors: (element-type EscaleFieldError): the form's problems
 * @target: where @section shows each problem
 *
 * Shows under the row the problems @target places there, one a line, or
 * the hint when there are none.
 *
 * Returns: %TRUE when an error is shown
 */
gboolean
escale_message_row_show (GtkWidget         *row,
                         GPtrArray         *errors,
                         EscaleErrorTarget  target,
                         gpointer           section)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean found = FALSE;

  for (guint i = 0; i < errors->len; i++)
    {
      const EscaleFieldError *error = g_ptr_array_index (errors, i);

      if (target (section, error) != row)
        continue;
      g_string_append_printf (text, "%s%s", found ? "\n" : "", error->message);
      found = TRUE;
    }
  escale_message_row_set_error (row, found ? text->str : NULL);
  return found;
}

/**
 * escale_message_row_check:
 * @section: an #EscaleEditorSection
 *
 * Checks the form again, and updates this row alone.
 */
void
escale_message_row_check (GtkWidget         *row,
                          EscaleErrorTarget  target,
                          gpointer           section)
{
  g_autoptr(GPtrArray) errors = escale_editor_section_validate (section);

  if (errors != NULL)
    escale_message_row_show (row, errors, target, section);
}

/* Widget text */

/**
 * escale_editor_dup_text:
 *
 * Returns: (transfer full) (nullable): what @widget shows; a code
 *   drop-down's code, %NULL when none is chosen
 */
char *
escale_editor_dup_text (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (GTK_IS_DROP_DOWN (widget))
    return g_strdup (escale_code_dropdown_get_code (GTK_DROP_DOWN (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  g_return_val_if_reached (NULL);
}

void
escale_editor_set_text (GtkWidget  *widget,
                        const char *text)
{
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
  else if (GTK_IS_DROP_DOWN (widget))
    escale_code_dropdown_set_code (GTK_DROP_DOWN (widget), text);
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                              text ? text : "", -1);
}

gboolean
escale_editor_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Dates */

/**
 * escale_editor_date_to_text:
 * @iso: (nullable): an ISO date
 *
 * Returns: (transfer full): the date as the user would type it, that parses
 *   back to the same date
 */
char *
escale_editor_date_to_text (const char          *iso,
                            EscaleDatePrecision  precision)
{
  g_autofree char *text = NULL;
  g_autofree char *back = NULL;
  EscaleDatePrecision parsed;

  if (iso == NULL)
    return g_strdup ("");
  if (precision == ESCALE_DATE_ESTIMATED)
    precision = g_str_has_suffix (iso, "-01-01") ? ESCALE_DATE_YEAR : ESCALE_DATE_EXACT;
  text = escale_date_format (iso, precision);
  back = escale_date_parse (text, &parsed, NULL);
  if (g_strcmp0 (back, iso) == 0 && parsed == precision)
    return g_steal_pointer (&text);
  if (precision == ESCALE_DATE_YEAR)
    return g_strndup (iso, 4);
  if (precision == ESCALE_DATE_MONTH)
    return g_strndup (iso, 7);
  return g_strdup (iso);
}

/**
 * escale_editor_parse_date:
 * @errors: (nullable): where a text that is not a date adds an error
 * @what: (nullable): the error's prefix, the name of a list item's field
 * @precision: (out) (optional): the precision typed
 *
 * Returns: (transfer full) (nullable): the ISO date typed in @text
 */
char *
escale_editor_parse_date (const char          *text,
                          GPtrArray           *errors,
                          EscaleField          field,
                          guint                index,
                          const char          *what,
                          EscaleDatePrecision *precision)
{
  g_autoptr(GError) error = NULL;
  char *iso;

  if (escale_editor_is_blank (text))
    return NULL;
  iso = escale_date_parse (text, precision, &error);
  if (iso == NULL && what != NULL)
    /* Translators: an error about one field of a list item, "Until: This date does not exist" */
    escale_field_errors_add (errors, field, index, _("%s: %s"), what, error->message);
  else if (iso == NULL)
    escale_field_errors_add (errors, field, index, "%s", error->message);
  return iso;
}
