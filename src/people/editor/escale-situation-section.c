/* escale-situation-section.c — arrival, first contact and referent
 *
 * The referent can be typed, or picked among those already named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-situation-section.h"

struct _EscaleSituationSection
{
  EscaleFieldSection  parent_instance;

  GtkMenuButton      *referent_button;
};

G_DEFINE_FINAL_TYPE (EscaleSituationSection, escale_situation_section, ESCALE_TYPE_FIELD_SECTION)

static const EscaleFieldBinding fields[] = {
  { "arrival_row", ESCALE_FIELD_ARRIVAL_DATE, ESCALE_FIELD_FLAGS_NONE },
  { "first_contact_row", ESCALE_FIELD_FIRST_CONTACT, ESCALE_FIELD_FLAGS_NONE },
  { "referent_row", ESCALE_FIELD_REFERENT, ESCALE_FIELD_FLAGS_NONE },
  { "referred_by_row", ESCALE_FIELD_REFERRED_BY, ESCALE_FIELD_FLAGS_NONE },
};

/* Helpers */

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* Actions */

static void
set_referent_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *parameter)
{
  GtkWidget *row = escale_field_section_get_widget (ESCALE_FIELD_SECTION (widget),
                                                    ESCALE_FIELD_REFERENT);

  gtk_editable_set_text (GTK_EDITABLE (row), g_variant_get_string (parameter, NULL));
}

/* EscaleFieldSection */

static void
escale_situation_section_set_store (EscaleFieldSection *section,
                                    EscaleStore        *store)
{
  EscaleSituationSection *self = ESCALE_SITUATION_SECTION (section);
  g_auto(GStrv) names = escale_store_list_referents (store);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *label = escape_mnemonic (names[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "situation.set-referent",
                                               g_variant_new_string (names[i]));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->referent_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->referent_button), names != NULL && names[0] != NULL);
}

/* GObject overrides */

static void
escale_situation_section_class_init (EscaleSituationSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EscaleFieldSectionClass *section_class = ESCALE_FIELD_SECTION_CLASS (klass);

  section_class->set_store = escale_situation_section_set_store;

  escale_field_section_class_set_template (section_class, "/org/escale/Escale/people/editor/"
                                           "escale-situation-section.ui",
                                           fields, G_N_ELEMENTS (fields));
  gtk_widget_class_bind_template_child (widget_class, EscaleSituationSection, referent_button);
  gtk_widget_class_install_action (widget_class, "situation.set-referent", "s",
                                   set_referent_action);
}

static void
escale_situation_section_init (EscaleSituationSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
