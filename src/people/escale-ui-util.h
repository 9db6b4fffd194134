/* escale-ui-util.h — small pieces the people's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* Drop-downs over codes: labels are shown, codes are read back. The first
 * entry is @none_label (nullable: then there is no "none" entry). */
void        escale_code_dropdown_setup      (GtkDropDown        *dropdown,
                                             const char * const *codes,
                                             const char * const *labels,
                                             const char         *none_label);
void        escale_code_dropdown_setup_vocab (GtkDropDown       *dropdown,
                                              EscaleStore       *store,
                                              const char        *kind,
                                              const char        *none_label);
void        escale_code_dropdown_setup_countries (GtkDropDown   *dropdown,
                                                  const char    *none_label);
void        escale_code_dropdown_setup_languages (GtkDropDown   *dropdown,
                                                  const char    *none_label);
/* The programmes, their ids as codes. Returns: how many there are */
guint       escale_code_dropdown_setup_programmes (GtkDropDown  *dropdown,
                                                   EscaleStore  *store,
                                                   const char   *none_label);
const char *escale_code_dropdown_get_code   (GtkDropDown        *dropdown);
gboolean    escale_code_dropdown_has_code   (GtkDropDown        *dropdown,
                                             const char         *code);
void        escale_code_dropdown_set_code   (GtkDropDown        *dropdown,
                                             const char         *code);

void        escale_add_toast                (GtkWidget          *widget,
                                             AdwToast           *toast);
/* A question before something is deleted or removed: Cancel (the default,
 * also on Escape) and @confirm_label, a destructive response whose id is
 * @confirm_id. Present it after connecting to "response". */
typedef void (*EscaleConfirmedFunc) (GtkWindow *owner);

/* Asks before @owner deletes what it shows, one question at a time: the
 * question is kept in *@question (a weak pointer; presented again when
 * asked twice) and @confirmed runs on "Delete", the question no longer
 * over @owner. @owner's dispose calls escale_question_dismiss(). */
void        escale_ask_before_deleting      (GtkWindow          *owner,
                                             GtkWidget         **question,
                                             const char         *heading,
                                             const char         *body,
                                             EscaleConfirmedFunc confirmed);
void        escale_question_dismiss         (GtkWidget         **question);
AdwMessageDialog *escale_confirm_dialog_new (GtkWindow          *parent,
                                             const char         *heading,
                                             const char         *body,
                                             const char         *confirm_id,
                                             const char         *confirm_label);
char       *escale_format_person_name       (const char         *family_name,
                                             const char         *given_names);
char       *escale_format_birth             (const char         *birth_date,
                                             const char         *precision);
char       *escale_format_date              (const char         *iso);
/* ESCALE_RLM or ESCALE_LRM, after the interface's direction: the start of
 * a line made of isolated values (see escale-language.h). */
const char *escale_direction_mark           (void);

G_END_DECLS
