/* escale-partner-editor-messages.c — the partner editor's messages
 *
 * To what the form cannot read are added the store's own checks; each
 * message is shown under the row at fault: a field, a day of the hours, an
 * item of a list, a part of a service. Messages that belong to no row (a
 * database error) are shown above the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-partner-editor-private.h"
#include "escale-partner-util.h"
#include "escale-service-row.h"

/* Helpers */

/* The rows that may have a message, whatever the last errors were. */
static GPtrArray *
list_owners (EscalePartnerEditor *self)
{
  GtkWidget *fixed[] = {
    self->name_row, self->kind_row, self->code_row, self->postal_code_row, self->latitude_row,
    self->longitude_row, self->email_row, self->website_row,
  };
  GPtrArray *owners = g_ptr_array_new ();
  EscaleItemList *services = self->lists[ESCALE_PARTNER_LIST_SERVICES];

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (owners, fixed[i]);
  for (guint day = 1; day <= 7; day++)
    g_ptr_array_add (owners, escale_hours_editor_get_day_row (self->hours_editor, day));
  for (guint i = 0; i < escale_item_list_get_n_items (services); i++)
    {
      EscaleServiceRow *row = ESCALE_SERVICE_ROW (escale_item_list_get_row (services, i));

      for (EscalePartnerField f = ESCALE_PARTNER_FIELD_SERVICE_THEME;
           f <= ESCALE_PARTNER_FIELD_SERVICE_CAPACITY; f++)
        g_ptr_array_add (owners, escale_service_row_get_owner (row, f));
    }
  return owners;
}

static void
clear_errors (EscalePartnerEditor *self)
{
  g_autoptr(GPtrArray) owners = list_owners (self);

  for (guint i = 0; i < owners->len; i++)
    escale_partner_show_error (g_ptr_array_index (owners, i), NULL);
  for (guint i = 0; i < ESCALE_N_PARTNER_LISTS; i++)
    escale_item_list_clear_errors (self->lists[i]);
  escale_partner_editor_show_banner (self, NULL);
}

/* Whether one of the first @n errors is about @field (and @index). */
static gboolean
has_error (GPtrArray          *errors,
           guint               n,
           EscalePartnerField  field,
           guint               index)
{
  for (guint i = 0; i < n && i < errors->len; i++)
    {
      EscalePartnerError *error = g_ptr_array_index (errors, i);

      if (error->field == field && error->index == index)
        return TRUE;
    }
  return FALSE;
}

/* Adds the store's problems, but not for what could not be read. */
static void
add_store_errors (EscalePartnerEditor *self,
                  EscalePartner       *partner,
                  GPtrArray           *errors)
{
  g_autoptr(GPtrArray) problems = escale_store_validate_partner (self->store, partner);
  guint n_read = errors->len;
  gboolean unread_position = has_error (errors, n_read, ESCALE_PARTNER_FIELD_LATITUDE, 0) ||
                             has_error (errors, n_read, ESCALE_PARTNER_FIELD_LONGITUDE, 0);

  while (problems->len > 0)
    {
      EscalePartnerError *problem = g_ptr_array_steal_index (problems, 0);

      if (has_error (errors, n_read, problem->field, problem->index) ||
          (unread_position && problem->field == ESCALE_PARTNER_FIELD_POSITION))
        escale_partner_error_free (problem);
      else
        g_ptr_array_add (errors, problem);
    }
}

static void
append_line (GString    *text,
             const char *line)
{
  g_autofree char *lines = g_strconcat ("\n", text->str, "\n", NULL);
  g_autofree char *wanted = g_strconcat ("\n", line, "\n", NULL);

  if (strstr (lines, wanted) == NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* The rows at fault open: a service's parts are inside its expander row. */
static void
reveal (GtkWidget *owner)
{
  GtkWidget *expander = gtk_widget_get_ancestor (owner, ADW_TYPE_EXPANDER_ROW);

  if (expander != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
}

static void
focus (GtkWidget *owner)
{
  reveal (owner);
  if (!gtk_widget_grab_focus (owner) || !gtk_widget_has_focus (owner))
    gtk_widget_child_focus (owner, GTK_DIR_TAB_FORWARD);
}

/* Shows @errors under their rows, and above the form those of no row.
 * Returns: (nullable): the row of the first error */
static GtkWidget *
show_errors (EscalePartnerEditor *self,
             GPtrArray           *errors)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL, free_string);
  g_autoptr(GString) banner = g_string_new (NULL);
  GHashTableIter iter;
  gpointer owner, text;
  GtkWidget *first = NULL;

  clear_errors (self);
  for (guint i = 0; i < errors->len; i++)
    {
      const EscalePartnerError *error = g_ptr_array_index (errors, i);
      GtkWidget *row = escale_partner_editor_owner_of (self, error->field, error->index);

      if (row == NULL)
        {
          append_line (banner, error->message);
          continue;
        }
      if (!g_hash_table_contains (texts, row))
        g_hash_table_insert (texts, row, g_string_new (NULL));
      append_line (g_hash_table_lookup (texts, row), error->message);
      first = first ? first : row;
    }
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &owner, &text))
    {
      escale_partner_show_error (owner, ((GString *) text)->str);
      reveal (owner);
    }
  escale_partner_editor_show_banner (self, banner->len ? banner->str : NULL);
  return first;
}

/* Private API */

GtkWidget *
escale_partner_editor_owner_of (EscalePartnerEditor *self,
                                EscalePartnerField   field,
                                guint                index)
{
  int list = escale_partner_list_of_field (field);
  GtkWidget *row;

  switch ((int) field)
    {
    case ESCALE_PARTNER_FIELD_CODE:
      return self->code_row;
    case ESCALE_PARTNER_FIELD_NAME:
      return self->name_row;
    case ESCALE_PARTNER_FIELD_KIND:
      return self->kind_row;
    case ESCALE_PARTNER_FIELD_LATITUDE:
      return self->latitude_row;
    case ESCALE_PARTNER_FIELD_POSITION:
    case ESCALE_PARTNER_FIELD_LONGITUDE:
      return self->longitude_row;
    case ESCALE_PARTNER_FIELD_EMAIL:
      return self->email_row;
    case ESCALE_PARTNER_FIELD_WEBSITE:
      return self->website_row;
    case ESCALE_PARTNER_FIELD_HOURS:
      return escale_hours_editor_get_slot_row (self->hours_editor, index);
    default:
      break;
    }
  if (list < 0 || (row = escale_item_list_get_row (self->lists[list], index)) == NULL)
    return NULL;
  if (list == ESCALE_PARTNER_LIST_SERVICES)
    return escale_service_row_get_owner (ESCALE_SERVICE_ROW (row), field);
  return row;
}

/* Shows @message above the form, or hides it when %NULL. */
void
escale_partner_editor_show_banner (EscalePartnerEditor *self,
                                   const char          *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

EscalePartner *
escale_partner_editor_check (EscalePartnerEditor *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(EscalePartner) partner = NULL;
  GtkWidget *first;

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_partner_error_free);
  partner = escale_partner_editor_collect (self, errors);
  add_store_errors (self, partner, errors);
  first = show_errors (self, errors);
  if (errors->len == 0)
    return g_steal_pointer (&partner);
  if (first != NULL)
    focus (first);
  return NULL;
}
