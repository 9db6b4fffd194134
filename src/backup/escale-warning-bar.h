/* escale-warning-bar.h — a warning across the top of a window, with a button and a close button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_WARNING_BAR (escale_warning_bar_get_type ())
G_DECLARE_FINAL_TYPE (EscaleWarningBar, escale_warning_bar, ESCALE, WARNING_BAR, GtkWidget)

/* Signals: "activated" when its button is clicked; "dismissed" when its
 * close button is: it then stays hidden for good. */

GtkWidget  *escale_warning_bar_new          (void);
/* Reveals @message, with a button labelled @button_label (nullable: none);
 * nothing once dismissed. */
void        escale_warning_bar_reveal       (EscaleWarningBar *self,
                                             const char       *message,
                                             const char       *button_label);
void        escale_warning_bar_conceal      (EscaleWarningBar *self);
gboolean    escale_warning_bar_is_revealed  (EscaleWarningBar *self);
const char *escale_warning_bar_get_message  (EscaleWarningBar *self);
GtkWidget  *escale_warning_bar_get_button   (EscaleWarningBar *self);
/* As the close button does. */
void        escale_warning_bar_dismiss      (EscaleWarningBar *self);

G_END_DECLS
