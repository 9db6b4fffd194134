/* escale-form-dialog.h — a small modal form: rows, messages at the fields
 *
 * Used for the short forms of programmes and enrolments. The accept
 * function validates and saves; it shows problems with
 * escale_form_dialog_set_error() and returns FALSE to keep the dialog open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESCALE_TYPE_FORM_DIALOG (escale_form_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EscaleFormDialog, escale_form_dialog, ESCALE, FORM_DIALOG, AdwWindow)

typedef gboolean (*EscaleFormAcceptFunc) (EscaleFormDialog *dialog,
                                          gpointer          user_data);

EscaleFormDialog *escale_form_dialog_new          (GtkWindow            *parent,
                                                   const char           *title,
                                                   const char           *accept_label);
void              escale_form_dialog_set_accept_func (EscaleFormDialog  *self,
                                                      EscaleFormAcceptFunc func,
                                                      gpointer           user_data,
                                                      GDestroyNotify     destroy);
/* Fields are named by @field, a number of the caller's (an enum value). */
GtkWidget        *escale_form_dialog_add_entry    (EscaleFormDialog     *self,
                                                   guint                 field,
                                                   const char           *title,
                                                   const char           *text);
GtkDropDown      *escale_form_dialog_add_dropdown (EscaleFormDialog     *self,
                                                   guint                 field,
                                                   const char           *title);
/* An AdwPasswordEntryRow: the text is hidden, and never offered again. */
GtkWidget        *escale_form_dialog_add_password (EscaleFormDialog     *self,
                                                   guint                 field,
                                                   const char           *title);
/* A row with a switch, @subtitle (nullable) under its title. */
GtkSwitch        *escale_form_dialog_add_switch   (EscaleFormDialog     *self,
                                                   guint                 field,
                                                   const char           *title,
                                                   const char           *subtitle,
                                                   gboolean              active);
/* A combo row choosing among @labels (NULL-terminated). */
AdwComboRow      *escale_form_dialog_add_combo    (EscaleFormDialog     *self,
                                                   guint                 field,
                                                   const char           *title,
                                                   const char *const    *labels);
/* The rows added next go into a group of their own, under @title. */
void              escale_form_dialog_add_group    (EscaleFormDialog     *self,
                                                   const char           *title,
                                                   const char           *description);
GtkWidget        *escale_form_dialog_get_field    (EscaleFormDialog     *self,
                                                   guint                 field);
const char       *escale_form_dialog_get_text     (EscaleFormDialog     *self,
                                                   guint                 field);
void              escale_form_dialog_set_error    (EscaleFormDialog     *self,
                                                   guint                 field,
                                                   const char           *message);
const char       *escale_form_dialog_get_error    (EscaleFormDialog     *self,
                                                   guint                 field);
void              escale_form_dialog_clear_errors (EscaleFormDialog     *self);
/* The date typed in the entry @field: FALSE with the message at the field
 * when it is not a date; %NULL in @iso when the entry is blank. */
gboolean          escale_form_dialog_get_date     (EscaleFormDialog     *self,
                                                   guint                 field,
                                                   char                **iso);
/* Shows each EscaleProgrammeError of @errors at its field (their fields are
 * the dialog's field numbers). Returns whether there was any. */
gboolean          escale_form_dialog_show_errors  (EscaleFormDialog     *self,
                                                   GPtrArray            *errors);
/* Runs the accept function, as the accept button and Ctrl+Enter do; closes
 * the dialog when it succeeds. */
gboolean          escale_form_dialog_accept       (EscaleFormDialog     *self);

G_END_DECLS
