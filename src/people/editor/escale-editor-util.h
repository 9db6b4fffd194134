/* escale-editor-util.h — pieces the person editor's sections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-date.h"
#include "escale-editor-section.h"

G_BEGIN_DECLS

/* Where a section shows @error: a message row, or NULL. */
typedef GtkWidget *(*EscaleErrorTarget) (gpointer                section,
                                         const EscaleFieldError *error);

/* Message rows: a hint, or an error, right under the row that owns them. */
GtkWidget  *escale_message_row_new       (GtkWidget         *owner);
gboolean    escale_message_row_has_error (GtkWidget         *row);
const char *escale_message_row_get_error (GtkWidget         *row);
void        escale_message_row_set_error (GtkWidget         *row,
                                          const char        *error);
void        escale_message_row_set_hint  (GtkWidget         *row,
                                          const char        *hint);
gboolean    escale_message_row_show      (GtkWidget         *row,
                                          GPtrArray         *errors,
                                          EscaleErrorTarget  target,
                                          gpointer           section);
void        escale_message_row_check     (GtkWidget         *row,
                                          EscaleErrorTarget  target,
                                          gpointer           section);

/* The text of an editable, a code drop-down or a text view. */
char       *escale_editor_dup_text       (GtkWidget         *widget);
void        escale_editor_set_text       (GtkWidget         *widget,
                                          const char        *text);
gboolean    escale_editor_is_blank       (const char        *text);

char       *escale_editor_date_to_text   (const char          *iso,
                                          EscaleDatePrecision  precision);
char       *escale_editor_parse_date     (const char          *text,
                                          GPtrArray           *errors,
                                          EscaleField          field,
                                          guint                index,
                                          const char          *what,
                                          EscaleDatePrecision *precision);

G_END_DECLS
