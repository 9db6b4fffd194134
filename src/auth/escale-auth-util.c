/* escale-auth-util.c — pieces the sign-in windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "escale-account.h"
#include "escale-auth-util.h"
#include "escale-editor-util.h"

#define MESSAGE_KEY "escale-auth-message"

static GtkWidget *
message_row (GtkWidget *row)
{
  GtkWidget *message = g_object_get_data (G_OBJECT (row), MESSAGE_KEY);

  g_assert (message != NULL);
  return message;
}

void
escale_auth_add_message_row (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *message = escale_message_row_new (row);

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  gtk_list_box_insert (GTK_LIST_BOX (list), message,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  g_object_set_data (G_OBJECT (row), MESSAGE_KEY, message);
}

void
escale_auth_show_error (GtkWidget  *row,
                        const char *error)
{
  escale_message_row_set_error (message_row (row), error);
  if (error != NULL)
    gtk_widget_grab_focus (row);
}

/**
 * escale_auth_get_error:
 *
 * Returns: (nullable): the error shown under @row
 */
const char *
escale_auth_get_error (GtkWidget *row)
{
  return escale_message_row_get_error (message_row (row));
}

static char *
describe_length (void)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A password needs at least %d character",
                                       "A password needs at least %d characters",
                                       ESCALE_MIN_PASSWORD_LENGTH),
                          ESCALE_MIN_PASSWORD_LENGTH);
}

void
escale_auth_show_password_hint (GtkWidget *row)
{
  g_autofree char *hint = describe_length ();

  escale_message_row_set_hint (message_row (row), hint);
}

gboolean
escale_auth_check_new_password (GtkWidget *password_row,
                                GtkWidget *confirm_row)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (password_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (confirm_row));
  g_autofree char *too_short = NULL;

  escale_auth_show_error (confirm_row, NULL);
  if (g_utf8_strlen (password, -1) < ESCALE_MIN_PASSWORD_LENGTH)
    {
      too_short = describe_length ();
      escale_auth_show_error (password_row, too_short);
      return FALSE;
    }
  escale_auth_show_error (password_row, NULL);
  if (!g_str_equal (password, confirm))
    {
      /* Translators: under the second of two password fields */
      escale_auth_show_error (confirm_row, _("The two passwords are not the same"));
      return FALSE;
    }
  return TRUE;
}

char *
escale_auth_dup_stripped (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

void
escale_auth_forget (GtkWidget *row,
                    ...)
{
  va_list rows;

  va_start (rows, row);
  for (GtkWidget *next = row; next != NULL; next = va_arg (rows, GtkWidget *))
    gtk_editable_set_text (GTK_EDITABLE (next), "");
  va_end (rows);
}
