/* escale-list-section.c — a list of items in the person editor
 *
 * Other names, nationalities, languages and status periods: items the user
 * adds and removes, each a row with a message row under it. The kind of
 * list (escale-list-kind.c) builds, fills and reads the items; this section
 * keeps them, reports changes, and shows each problem at its item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-editor-util.h"
#include "escale-list-section.h"

#define ITEM_KEY "escale-item"

struct _EscaleListSection
{
  AdwPreferencesGroup  parent_instance;

  EscaleListKind       kind;
  char                *add_label;
  char                *add_action;
  EscaleStore         *store;
  GPtrArray           *items;    /* (element-type EscaleListItem), borrowed from the rows */
  GArray              *kept;     /* the person's list index → item index */
  gboolean             filling;
};

static void editor_section_iface_init (EscaleEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscaleListSection, escale_list_section,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (ESCALE_TYPE_EDITOR_SECTION,
                                                      editor_section_iface_init))

enum {
  PROP_0,
  PROP_KIND,
  PROP_ADD_LABEL,
  PROP_ADD_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const part_names[ESCALE_N_ITEM_PARTS] = {
  "main", "level", "interpreter", "from", "to", "document", "expiry",
};

/* Helpers */

static EscaleField
list_field (EscaleListSection *self)
{
  return escale_list_kind_get_field (self->kind);
}

static EscaleListItem *
get_item (EscaleListSection *self,
          EscaleField        field,
          guint              index)
{
  if (field != list_field (self) || index >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, index);
}

static GtkWidget *
error_target (gpointer                section,
              const EscaleFieldError *error)
{
  EscaleListItem *item = get_item (section, error->field, error->index);

  return item != NULL ? item->message : NULL;
}

static gboolean
is_closing (EscaleListSection *self)
{
  return gtk_widget_in_destruction (GTK_WIDGET (self));
}

static void
remove_item (EscaleListSection *self,
             guint              index)
{
  EscaleListItem *item = g_ptr_array_index (self->items, index);
  GtkWidget *row = item->row;
  GtkWidget *message = item->message;

  /* The row's focus may leave while it goes: forget it first. */
  item->row = NULL;
  item->message = NULL;
  g_ptr_array_remove_index (self->items, index);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), message);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
}

/* Callbacks */

static void
on_item_changed_cb (EscaleListItem *item)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (item->section);

  if (is_closing (self) || item->message == NULL)
    return;
  escale_list_kind_update (self->kind, item);
  if (self->filling)
    return;
  escale_editor_section_changed (ESCALE_EDITOR_SECTION (self), list_field (self));
  if (escale_message_row_has_error (item->message))
    escale_message_row_check (item->message, error_target, self);
}

static void
on_item_focus_leave_cb (EscaleListItem *item)
{
  if (!is_closing (ESCALE_LIST_SECTION (item->section)) && item->message != NULL &&
      item->row != NULL)
    escale_message_row_check (item->message, error_target, item->section);
}

static void
on_item_remove_clicked_cb (EscaleListItem *item)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (item->section);
  GPtrArray *items = self->items;
  GtkWidget *next_focus = NULL;
  guint index;

  if (is_closing (self) || !g_ptr_array_find (items, item, &index))
    return;
  if (index + 1 < items->len)
    next_focus = ((EscaleListItem *) g_ptr_array_index (items, index + 1))->parts[ESCALE_ITEM_MAIN];
  else if (index > 0)
    next_focus = ((EscaleListItem *) g_ptr_array_index (items, index - 1))->parts[ESCALE_ITEM_MAIN];
  remove_item (self, index);
  if (next_focus != NULL)
    gtk_widget_grab_focus (next_focus);
  escale_editor_section_changed (ESCALE_EDITOR_SECTION (self), list_field (self));
}

/* Helpers: new items */

/* The button in the header that adds an item. */
static GtkWidget *
add_button_new (EscaleListSection *self)
{
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *button = gtk_button_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), self->add_label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), self->add_action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
remove_button_new (EscaleListItem *item)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_item_remove_clicked_cb), item);
  return button;
}

static void
watch_item_parts (EscaleListItem *item)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  for (guint p = 0; p < ESCALE_N_ITEM_PARTS; p++)
    {
      GtkWidget *part = item->parts[p];

      if (GTK_IS_EDITABLE (part))
        g_signal_connect_swapped (part, "changed", G_CALLBACK (on_item_changed_cb), item);
      else if (GTK_IS_DROP_DOWN (part))
        g_signal_connect_swapped (part, "notify::selected", G_CALLBACK (on_item_changed_cb),
                                  item);
      else if (GTK_IS_CHECK_BUTTON (part))
        g_signal_connect_swapped (part, "toggled", G_CALLBACK (on_item_changed_cb), item);
    }
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_item_focus_leave_cb), item);
  gtk_widget_add_controller (item->row, focus);
}

static EscaleListItem *
add_item (EscaleListSection *self)
{
  EscaleListItem *item = g_new0 (EscaleListItem, 1);

  item->section = GTK_WIDGET (self);
  escale_list_kind_build (self->kind, item, self->store, remove_button_new (item));
  g_object_set_data_full (G_OBJECT (item->row), ITEM_KEY, item, g_free);
  item->message = escale_message_row_new (item->row);
  watch_item_parts (item);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), item->row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), item->message);
  g_ptr_array_add (self->items, item);
  escale_list_kind_update (self->kind, item);
  return item;
}

/* EscaleEditorSection */

static void
escale_list_section_set_store (EscaleEditorSection *section,
                               EscaleStore         *store)
{
  g_set_object (&ESCALE_LIST_SECTION (section)->store, store);
}

static void
escale_list_section_set_person (EscaleEditorSection *section,
                                EscalePerson        *person)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (section);
  guint n = escale_list_kind_count (self->kind, person);

  self->filling = TRUE;
  while (self->items->len > 0)
    remove_item (self, self->items->len - 1);
  for (guint i = 0; i < n; i++)
    escale_list_kind_fill (self->kind, add_item (self), person, i);
  self->filling = FALSE;
}

static void
escale_list_section_apply (EscaleEditorSection *section,
                           EscalePerson        *person,
                           GPtrArray           *errors)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (section);

  escale_list_kind_clear (self->kind, person);
  g_array_set_size (self->kept, 0);
  for (guint i = 0; i < self->items->len; i++)
    if (escale_list_kind_read (self->kind, g_ptr_array_index (self->items, i), i, person, errors))
      g_array_append_val (self->kept, i);
}

static void
escale_list_section_map_error (EscaleEditorSection *section,
                               EscaleFieldError    *error)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (section);

  if (error->field == list_field (self) && error->index < self->kept->len)
    error->index = g_array_index (self->kept, guint, error->index);
}

static GtkWidget *
escale_list_section_show_errors (EscaleEditorSection *section,
                                 GPtrArray           *errors)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (section);
  GtkWidget *first = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      EscaleListItem *item = g_ptr_array_index (self->items, i);

      if (escale_message_row_show (item->message, errors, error_target, self) && first == NULL)
        first = item->parts[ESCALE_ITEM_MAIN];
    }
  return first;
}

static const char *
escale_list_section_get_error (EscaleEditorSection *section,
                               EscaleField          field,
                               guint                index)
{
  EscaleListItem *item = get_item (ESCALE_LIST_SECTION (section), field, index);

  return item != NULL ? escale_message_row_get_error (item->message) : NULL;
}

static GtkWidget *
escale_list_section_get_item_widget (EscaleEditorSection *section,
                                     EscaleField          list,
                                     guint                index,
                                     const char          *part)
{
  EscaleListItem *item = get_item (ESCALE_LIST_SECTION (section), list, index);

  for (guint p = 0; item != NULL && p < ESCALE_N_ITEM_PARTS; p++)
    if (g_str_equal (part, part_names[p]))
      return item->parts[p];
  return NULL;
}

static void
editor_section_iface_init (EscaleEditorSectionInterface *iface)
{
  iface->set_store = escale_list_section_set_store;
  iface->set_person = escale_list_section_set_person;
  iface->apply = escale_list_section_apply;
  iface->map_error = escale_list_section_map_error;
  iface->show_errors = escale_list_section_show_errors;
  iface->get_error = escale_list_section_get_error;
  iface->get_item_widget = escale_list_section_get_item_widget;
}

/* GObject overrides */

static void
escale_list_section_constructed (GObject *object)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (object);

  G_OBJECT_CLASS (escale_list_section_parent_class)->constructed (object);

  if (self->add_label != NULL)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add_button_new (self));
}

static void
escale_list_section_dispose (GObject *object)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_list_section_parent_class)->dispose (object);
}

static void
escale_list_section_finalize (GObject *object)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (object);

  g_ptr_array_unref (self->items);
  g_array_unref (self->kept);
  g_free (self->add_label);
  g_free (self->add_action);

  G_OBJECT_CLASS (escale_list_section_parent_class)->finalize (object);
}

static void
escale_list_section_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, self->add_label);
      break;
    case PROP_ADD_ACTION:
      g_value_set_string (value, self->add_action);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_list_section_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EscaleListSection *self = ESCALE_LIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ADD_LABEL:
      self->add_label = g_value_dup_string (value);
      break;
    case PROP_ADD_ACTION:
      self->add_action = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_list_section_class_init (EscaleListSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = escale_list_section_constructed;
  object_class->dispose = escale_list_section_dispose;
  object_class->finalize = escale_list_section_finalize;
  object_class->get_property = escale_list_section_get_property;
  object_class->set_property = escale_list_section_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ESCALE_TYPE_LIST_KIND, ESCALE_LIST_NAMES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* With a mnemonic: the header's button that adds an item, and its action. */
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_ACTION] =
    g_param_spec_string ("add-action", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
escale_list_section_init (EscaleListSection *self)
{
  self->items = g_ptr_array_new ();
  self->kept = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Public API */

/**
 * escale_list_section_add:
 *
 * Adds an empty item, unfolded, and focuses it.
 */
void
escale_list_section_add (EscaleListSection *self)
{
  EscaleListItem *item;

  g_return_if_fail (ESCALE_IS_LIST_SECTION (self));

  item = add_item (self);
  if (ADW_IS_EXPANDER_ROW (item->row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->row), TRUE);
  gtk_widget_grab_focus (item->parts[ESCALE_ITEM_MAIN]);
}
