/* escale-warning-bar.c — a warning across the top of a window, with a button and a close button
 *
 * libadwaita 1.2 has no AdwBanner: a GtkRevealer over a box styled as a
 * warning (.warning-bar in style.css), with an icon, the message, an
 * optional button and a close button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-warning-bar.h"

struct _EscaleWarningBar
{
  GtkWidget  parent_instance;

  GtkWidget *revealer;
  GtkWidget *label;
  GtkWidget *button;
  gboolean   dismissed;
};

G_DEFINE_FINAL_TYPE (EscaleWarningBar, escale_warning_bar, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  DISMISSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_button_clicked_cb (EscaleWarningBar *self)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static GtkWidget *
new_close_button (EscaleWarningBar *self)
{
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  g_signal_connect_object (close, "clicked", G_CALLBACK (escale_warning_bar_dismiss), self,
                           G_CONNECT_SWAPPED);
  return close;
}

static void
build (EscaleWarningBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (box, "warning-bar");
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  self->button = gtk_button_new ();
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_button_set_use_underline (GTK_BUTTON (self->button), TRUE);
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (on_button_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), self->button);
  gtk_box_append (GTK_BOX (box), new_close_button (self));
  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
}

static void
escale_warning_bar_dispose (GObject *object)
{
  EscaleWarningBar *self = ESCALE_WARNING_BAR (object);

  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (escale_warning_bar_parent_class)->dispose (object);
}

static void
escale_warning_bar_class_init (EscaleWarningBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_warning_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DISMISSED] = g_signal_new ("dismissed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_warning_bar_init (EscaleWarningBar *self)
{
  build (self);
}

GtkWidget *
escale_warning_bar_new (void)
{
  return g_object_new (ESCALE_TYPE_WARNING_BAR, NULL);
}

void
escale_warning_bar_reveal (EscaleWarningBar *self,
                           const char       *message,
                           const char       *button_label)
{
  g_return_if_fail (ESCALE_IS_WARNING_BAR (self));
  g_return_if_fail (message != NULL);

  if (self->dismissed)
    return;
  gtk_label_set_text (GTK_LABEL (self->label), message);
  gtk_widget_set_visible (self->button, button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->button), button_label);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
}

void
escale_warning_bar_conceal (EscaleWarningBar *self)
{
  g_return_if_fail (ESCALE_IS_WARNING_BAR (self));
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
}

gboolean
escale_warning_bar_is_revealed (EscaleWarningBar *self)
{
  g_return_val_if_fail (ESCALE_IS_WARNING_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}

const char *
escale_warning_bar_get_message (EscaleWarningBar *self)
{
  g_return_val_if_fail (ESCALE_IS_WARNING_BAR (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->label));
}

GtkWidget *
escale_warning_bar_get_button (EscaleWarningBar *self)
{
  g_return_val_if_fail (ESCALE_IS_WARNING_BAR (self), NULL);
  return self->button;
}

void
escale_warning_bar_dismiss (EscaleWarningBar *self)
{
  g_return_if_fail (ESCALE_IS_WARNING_BAR (self));

  self->dismissed = TRUE;
  escale_warning_bar_conceal (self);
  g_signal_emit (self, signals[DISMISSED], 0);
}
