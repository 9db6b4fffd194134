/* escale-partner-util.c — pieces the partner editor's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escale-editor-util.h"
#include "escale-partner-util.h"

#define MESSAGE_KEY "escale-partner-message"

/* The message row under @owner, made on first use when @create. */
static GtkWidget *
message_row (GtkWidget *owner,
             gboolean   create)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (owner), MESSAGE_KEY);
  GtkWidget *list = gtk_widget_get_parent (owner);

  if (row != NULL || !create)
    return row;
  g_assert (GTK_IS_LIST_BOX (list));
  row = escale_message_row_new (owner);
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (owner)) + 1);
  g_object_set_data (G_OBJECT (owner), MESSAGE_KEY, row);
  return row;
}

/**
 * escale_partner_show_error:
 * @message: (nullable): the message, %NULL to take it away
 */
void
escale_partner_show_error (GtkWidget  *owner,
                           const char *message)
{
  GtkWidget *row = message_row (owner, message != NULL);

  if (row != NULL)
    escale_message_row_set_error (row, message);
}

/* Returns: (nullable): the error shown under @owner */
const char *
escale_partner_get_error (GtkWidget *owner)
{
  GtkWidget *row = message_row (owner, FALSE);

  if (row == NULL || !gtk_widget_get_visible (row))
    return NULL;
  return escale_message_row_get_error (row);
}

void
escale_partner_set_hint (GtkWidget  *owner,
                         const char *hint)
{
  escale_message_row_set_hint (message_row (owner, TRUE), hint);
}

void
escale_partner_remove_message (GtkWidget *owner)
{
  GtkWidget *row = message_row (owner, FALSE);

  if (row != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
  g_object_set_data (G_OBJECT (owner), MESSAGE_KEY, NULL);
}

GtkWidget *
escale_partner_entry_new (const char *accessible_label,
                          const char *example,
                          int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), example);
  if (width_chars > 0)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
    }
  else
    gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return entry;
}

/* Returns: (transfer full) (nullable): the text, trimmed; %NULL when blank */
char *
escale_partner_dup_text (GtkWidget *editable)
{
  g_autofree char *text = escale_editor_dup_text (editable);

  if (text == NULL)
    return NULL;
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
escale_partner_set_text (GtkWidget  *editable,
                         const char *text)
{
  escale_editor_set_text (editable, text);
}

/* Reads up to two digits at *@p. Returns: how many were read */
static guint
read_digits (const char **p,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < 2 && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n;
}

/**
 * escale_partner_normalize_time:
 *
 * Returns: (transfer full) (nullable): "HH:MM", or %NULL when @text is not
 *   a time of the day
 */
char *
escale_partner_normalize_time (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *p = copy;
  int hours, minutes = 0;

  if (read_digits (&p, &hours) == 0)
    return NULL;
  if (*p == ':' || *p == 'h' || *p == 'H' || *p == '.')
    p++;
  if (*p != '\0' && read_digits (&p, &minutes) != 2)
    return NULL;
  if (*p != '\0' || hours > 23 || minutes > 59)
    return NULL;
  return g_strdup_printf ("%02d:%02d", hours, minutes);
}

gboolean
escale_partner_parse_double (const char *text,
                             double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *end = NULL;
  char *comma = strchr (copy, ',');

  if (comma != NULL)
    *comma = '.';
  if (*copy == '\0')
    return FALSE;
  *value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

char *
escale_partner_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

void
escale_partner_add_form_error (GPtrArray          *errors,
                               EscalePartnerField  field,
                               guint               index,
                               const char         *message)
{
  EscalePartnerError *error = g_new0 (EscalePartnerError, 1);

  error->field = field;
  error->index = index;
  error->message = g_strdup (message);
  g_ptr_array_add (errors, error);
}
