/* escale-theme-picker.c — choosing the themes of an action
 *
 * One toggle button a theme of the vocabulary, in the theme's colour; the
 * buttons flow over as many lines as the width needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "escale-followup-util.h"
#include "escale-theme-picker.h"
#include "escale-vocab.h"

#define CODE_KEY "escale-theme"

struct _EscaleThemePicker
{
  AdwBin      parent_instance;

  GtkFlowBox *flow_box;
  GPtrArray  *buttons;   /* GtkToggleButton, in the vocabulary's order */
};

G_DEFINE_FINAL_TYPE (EscaleThemePicker, escale_theme_picker, ADW_TYPE_BIN)

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
button_code (GtkToggleButton *button)
{
  return g_object_get_data (G_OBJECT (button), CODE_KEY);
}

static GtkWidget *
theme_button_new (const char *code,
                  const char *label)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (dot, "theme-dot");
  gtk_widget_add_css_class (dot, escale_theme_css_class (code));
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "theme-toggle");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), CODE_KEY, g_strdup (code), g_free);
  return button;
}

static void
clear_buttons (EscaleThemePicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  g_ptr_array_set_size (self->buttons, 0);
}

/* Callbacks */

static void
on_button_toggled_cb (EscaleThemePicker *self)
{
  g_signal_emit (self, signals[TOGGLED], 0);
}

/* GObject overrides */

static void
escale_theme_picker_finalize (GObject *object)
{
  EscaleThemePicker *self = ESCALE_THEME_PICKER (object);

  g_ptr_array_unref (self->buttons);
  G_OBJECT_CLASS (escale_theme_picker_parent_class)->finalize (object);
}

static void
escale_theme_picker_class_init (EscaleThemePickerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_theme_picker_finalize;

  /**
   * EscaleThemePicker::toggled:
   *
   * A theme was chosen or left out.
   */
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_theme_picker_init (EscaleThemePicker *self)
{
  self->buttons = g_ptr_array_new ();
  self->flow_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (self->flow_box, 6);
  gtk_flow_box_set_row_spacing (self->flow_box, 6);
  gtk_flow_box_set_max_children_per_line (self->flow_box, 10);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->flow_box));
}

/* Public API */

/**
 * escale_theme_picker_set_store:
 *
 * Shows a button for each theme of @store's vocabulary, none chosen.
 */
void
escale_theme_picker_set_store (EscaleThemePicker *self,
                               EscaleStore       *store)
{
  g_auto(GStrv) codes = NULL;

  g_return_if_fail (ESCALE_IS_THEME_PICKER (self));
  g_return_if_fail (ESCALE_IS_STORE (store));

  clear_buttons (self);
  codes = escale_vocab_list_codes (store, ESCALE_VOCAB_THEME);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *label = escale_vocab_get_label (store, ESCALE_VOCAB_THEME, codes[i]);
      GtkWidget *button = theme_button_new (codes[i], label);

      g_signal_connect_object (button, "toggled", G_CALLBACK (on_button_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->flow_box, button);
      /* The button takes the focus, not the cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      g_ptr_array_add (self->buttons, button);
    }
}

/**
 * escale_theme_picker_set_themes:
 * @themes: (nullable): the codes to show chosen, the others are not
 */
void
escale_theme_picker_set_themes (EscaleThemePicker  *self,
                                const char * const *themes)
{
  g_return_if_fail (ESCALE_IS_THEME_PICKER (self));

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->buttons, i);

      gtk_toggle_button_set_active (button, themes != NULL &&
                                    g_strv_contains (themes, button_code (button)));
    }
}

/**
 * escale_theme_picker_get_themes:
 *
 * Returns: (transfer full): the codes chosen, in the vocabulary's order
 */
GStrv
escale_theme_picker_get_themes (EscaleThemePicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ESCALE_IS_THEME_PICKER (self), NULL);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->buttons, i);

      if (gtk_toggle_button_get_active (button))
        g_strv_builder_add (builder, button_code (button));
    }
  return g_strv_builder_end (builder);
}

/**
 * escale_theme_picker_get_button:
 *
 * Returns: (transfer none) (nullable): the button of @theme
 */
GtkToggleButton *
escale_theme_picker_get_button (EscaleThemePicker *self,
                                const char        *theme)
{
  g_return_val_if_fail (ESCALE_IS_THEME_PICKER (self), NULL);

  for (guint i = 0; i < self->buttons->len; i++)
    if (g_strcmp0 (button_code (g_ptr_array_index (self->buttons, i)), theme) == 0)
      return g_ptr_array_index (self->buttons, i);
  return NULL;
}
