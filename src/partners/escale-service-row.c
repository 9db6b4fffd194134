/* escale-service-row.c — one service of a partner, in the partner editor
 *
 * An expander row titled by the service's theme: its theme, description,
 * whom it is open to (check buttons over the eligibility vocabulary; none
 * checked means no restriction), the documents to bring and its capacity
 * (blank when unknown).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-partner-util.h"
#include "escale-service-row.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscaleServiceRow
{
  AdwExpanderRow        parent_instance;

  EscaleStore          *store;
  EscalePartnerService *service;     /* as filled: ids and stamps; NULL when new */
  GtkWidget            *theme_row;
  GtkWidget            *theme_dropdown;
  GtkWidget            *description_row;
  GtkWidget            *eligibility_row;
  GtkWidget            *eligibility_box;
  GtkWidget            *documents_row;
  GtkWidget            *total_row;
  GtkWidget            *free_row;
};

G_DEFINE_FINAL_TYPE (EscaleServiceRow, escale_service_row, ADW_TYPE_EXPANDER_ROW)

/* Helpers */

static void
update_title (EscaleServiceRow *self)
{
  const char *theme = escale_code_dropdown_get_code (GTK_DROP_DOWN (self->theme_dropdown));
  g_autofree char *label = theme ? escale_vocab_get_label (self->store, ESCALE_VOCAB_THEME,
                                                           theme) : NULL;
  g_autofree char *description = escale_partner_dup_text (self->description_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 label ? label : _("New Service"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), description ? description : "");
}

static GtkWidget *
add_entry_row (EscaleServiceRow *self,
               const char       *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return row;
}

static void
add_theme_row (EscaleServiceRow *self)
{
  self->theme_row = adw_action_row_new ();
  self->theme_dropdown = gtk_drop_down_new (NULL, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->theme_row), _("Theme"));
  gtk_widget_set_valign (self->theme_dropdown, GTK_ALIGN_CENTER);
  escale_code_dropdown_setup_vocab (GTK_DROP_DOWN (self->theme_dropdown), self->store,
                                    ESCALE_VOCAB_THEME, _("Choose a theme"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->theme_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Theme"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->theme_row), self->theme_dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->theme_row),
                                         self->theme_dropdown);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->theme_row);
  g_signal_connect_swapped (self->theme_dropdown, "notify::selected",
                            G_CALLBACK (update_title), self);
}

static void
add_eligibility_row (EscaleServiceRow *self)
{
  g_auto(GStrv) codes = escale_vocab_list_codes (self->store, ESCALE_VOCAB_ELIGIBILITY);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Open To"));
  GtkWidget *hint = gtk_label_new (_("None checked: open to everyone"));

  self->eligibility_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->eligibility_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->eligibility_box), 3);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->eligibility_box), TRUE);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *label = escale_vocab_get_label (self->store, ESCALE_VOCAB_ELIGIBILITY,
                                                       codes[i]);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      g_object_set_data_full (G_OBJECT (check), "escale-code", g_strdup (codes[i]), g_free);
      gtk_flow_box_append (GTK_FLOW_BOX (self->eligibility_box), check);
    }
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), self->eligibility_box);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  self->eligibility_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->eligibility_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->eligibility_row), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->eligibility_row);
}

/* Calls @func on each eligibility check button. */
static void
foreach_check (EscaleServiceRow *self,
               void            (*func) (GtkCheckButton *check, const char *code, gpointer data),
               gpointer          data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->eligibility_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      func (GTK_CHECK_BUTTON (check), g_object_get_data (G_OBJECT (check), "escale-code"), data);
    }
}

static void
set_check (GtkCheckButton *check,
           const char     *code,
           gpointer        codes)
{
  gtk_check_button_set_active (check, codes != NULL && g_strv_contains (codes, code));
}

static void
add_checked (GtkCheckButton *check,
             const char     *code,
             gpointer        builder)
{
  if (gtk_check_button_get_active (check))
    g_strv_builder_add (builder, code);
}

static void
find_check (GtkCheckButton *check,
            const char     *code,
            gpointer        data)
{
  gpointer *found = data;

  if (g_strcmp0 (code, found[0]) == 0)
    found[1] = check;
}

static void
set_count (GtkWidget *row,
           gint64     count)
{
  g_autofree char *text = count != ESCALE_PARTNER_UNSET
                          ? g_strdup_printf ("%" G_GINT64_FORMAT, count) : NULL;

  escale_partner_set_text (row, text);
}

/* Returns: FALSE when the text is not a whole number (then *count is unknown) */
static gboolean
read_count (GtkWidget *row,
            gint64    *count)
{
  g_autofree char *text = escale_partner_dup_text (row);

  *count = ESCALE_PARTNER_UNSET;
  if (text == NULL)
    return TRUE;
  return g_ascii_string_to_signed (text, 10, G_MININT64 + 1, G_MAXINT64, count, NULL);
}

/* GObject overrides */

static void
escale_service_row_dispose (GObject *object)
{
  EscaleServiceRow *self = ESCALE_SERVICE_ROW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->service, escale_partner_service_free);

  G_OBJECT_CLASS (escale_service_row_parent_class)->dispose (object);
}

static void
escale_service_row_class_init (EscaleServiceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_service_row_dispose;
}

static void
escale_service_row_init (EscaleServiceRow *self G_GNUC_UNUSED)
{
}

/* Public API */

/**
 * escale_service_row_new:
 *
 * Returns: (transfer floating): a row for a new service
 */
GtkWidget *
escale_service_row_new (EscaleStore *store)
{
  EscaleServiceRow *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_SERVICE_ROW, NULL);
  self->store = g_object_ref (store);
  add_theme_row (self);
  self->description_row = add_entry_row (self, _("Description"));
  add_eligibility_row (self);
  self->documents_row = add_entry_row (self, _("Documents to Bring"));
  self->total_row = add_entry_row (self, _("Places"));
  self->free_row = add_entry_row (self, _("Free Places"));
  escale_partner_set_hint (self->free_row, _("Leave the numbers blank when unknown"));
  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (update_title), self);
  update_title (self);
  return GTK_WIDGET (self);
}

void
escale_service_row_fill (EscaleServiceRow           *self,
                         const EscalePartnerService *service)
{
  g_return_if_fail (ESCALE_IS_SERVICE_ROW (self));
  g_return_if_fail (service != NULL);

  g_clear_pointer (&self->service, escale_partner_service_free);
  self->service = escale_partner_service_new (NULL);
  self->service->id = service->id;
  self->service->uuid = g_strdup (service->uuid);
  self->service->capacity_updated_at = g_strdup (service->capacity_updated_at);
  self->service->capacity_updated_by = g_strdup (service->capacity_updated_by);
  escale_partner_set_text (self->theme_dropdown, service->theme);
  escale_partner_set_text (self->description_row, service->description);
  escale_partner_set_text (self->documents_row, service->documents);
  foreach_check (self, set_check, service->eligibility);
  set_count (self->total_row, service->capacity_total);
  set_count (self->free_row, service->capacity_free);
  update_title (self);
}

/**
 * escale_service_row_collect:
 *
 * Returns: (transfer full): the service as edited
 */
EscalePartnerService *
escale_service_row_collect (EscaleServiceRow *self,
                            guint             index,
                            GPtrArray        *errors)
{
  g_autoptr(GStrvBuilder) eligibility = g_strv_builder_new ();
  EscalePartnerService *service;
  gboolean read;

  g_return_val_if_fail (ESCALE_IS_SERVICE_ROW (self), NULL);

  service = escale_partner_service_new (escale_code_dropdown_get_code (
                                          GTK_DROP_DOWN (self->theme_dropdown)));
  if (self->service != NULL)
    {
      service->id = self->service->id;
      service->uuid = g_strdup (self->service->uuid);
      service->capacity_updated_at = g_strdup (self->service->capacity_updated_at);
      service->capacity_updated_by = g_strdup (self->service->capacity_updated_by);
    }
  service->description = escale_partner_dup_text (self->description_row);
  service->documents = escale_partner_dup_text (self->documents_row);
  foreach_check (self, add_checked, eligibility);
  g_strfreev (service->eligibility);
  service->eligibility = g_strv_builder_end (eligibility);
  read = read_count (self->total_row, &service->capacity_total);
  read = read_count (self->free_row, &service->capacity_free) && read;
  if (!read)
    escale_partner_add_form_error (errors, ESCALE_PARTNER_FIELD_SERVICE_CAPACITY, index,
                                   _("Write the number of places in figures, or leave it "
                                     "blank when unknown"));
  return service;
}

/* Returns: (transfer none): the row under which @field's messages go */
GtkWidget *
escale_service_row_get_owner (EscaleServiceRow   *self,
                              EscalePartnerField  field)
{
  g_return_val_if_fail (ESCALE_IS_SERVICE_ROW (self), NULL);

  switch ((int) field)
    {
    case ESCALE_PARTNER_FIELD_SERVICE_THEME:
      return self->theme_row;
    case ESCALE_PARTNER_FIELD_SERVICE_ELIGIBILITY:
      return self->eligibility_row;
    case ESCALE_PARTNER_FIELD_SERVICE_CAPACITY:
      return self->free_row;
    default:
      return GTK_WIDGET (self);
    }
}

GtkWidget *
escale_service_row_get_part (EscaleServiceRow  *self,
                             EscaleServicePart  part)
{
  g_return_val_if_fail (ESCALE_IS_SERVICE_ROW (self), NULL);

  switch (part)
    {
    case ESCALE_SERVICE_PART_THEME:
      return self->theme_dropdown;
    case ESCALE_SERVICE_PART_DESCRIPTION:
      return self->description_row;
    case ESCALE_SERVICE_PART_DOCUMENTS:
      return self->documents_row;
    case ESCALE_SERVICE_PART_TOTAL:
      return self->total_row;
    case ESCALE_SERVICE_PART_FREE:
      return self->free_row;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer none) (nullable): the check button of @code */
GtkCheckButton *
escale_service_row_get_check (EscaleServiceRow *self,
                              const char       *code)
{
  gpointer found[2] = { (gpointer) code, NULL };

  g_return_val_if_fail (ESCALE_IS_SERVICE_ROW (self), NULL);

  foreach_check (self, find_check, found);
  return found[1];
}
