/* escale-partner-util.h — pieces the partner editor's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-partner-store.h"

G_BEGIN_DECLS

/* Messages under a row: made on first use, right under @owner in its list. */
void        escale_partner_show_error     (GtkWidget   *owner,
                                           const char  *message);
const char *escale_partner_get_error      (GtkWidget   *owner);
void        escale_partner_set_hint       (GtkWidget   *owner,
                                           const char  *hint);
/* Takes the owner's message row away with it, for rows that are removed. */
void        escale_partner_remove_message (GtkWidget   *owner);

/* A compact entry for one part of a list item, named for screen readers. */
GtkWidget  *escale_partner_entry_new      (const char  *accessible_label,
                                           const char  *example,
                                           int          width_chars);

/* The trimmed text of an editable, or %NULL when blank. */
char       *escale_partner_dup_text       (GtkWidget   *editable);
void        escale_partner_set_text       (GtkWidget   *editable,
                                           const char  *text);
/* A time as typed ("9", "9h30", "09:30") as HH:MM; %NULL when it is none. */
char       *escale_partner_normalize_time (const char  *text);
/* Numbers as typed, with a decimal point or comma; FALSE when not one. */
gboolean    escale_partner_parse_double   (const char  *text,
                                           double      *value);
char       *escale_partner_format_double  (double       value);

/* Adds an #EscalePartnerError of the form (a text that cannot be read). */
void        escale_partner_add_form_error (GPtrArray          *errors,
                                           EscalePartnerField  field,
                                           guint               index,
                                           const char         *message);

G_END_DECLS
