/* escale-import-dialog.h — importing records from a spreadsheet, in steps
 *
 * 1. what the file holds (people, actions, programmes, enrolments,
 *    partners) and the columns expected, then Choose File…;
 * 2. the file is checked in a worker thread, writing nothing: either its
 *    problems, one a line, and Choose Another File…; or what importing it
 *    will do, with notes, and Import;
 * 3. the import, in the worker; then the dialog closes with a toast on
 *    the main window, whose pages read the store again. On an error the
 *    message stays in the dialog and nothing was written.
 *
 * The worker opens its own connection as the account signed into @store:
 * the store refuses imports to the roles that may not make them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-import-kind.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_IMPORT_DIALOG (escale_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EscaleImportDialog, escale_import_dialog, ESCALE, IMPORT_DIALOG, AdwWindow)

GtkWidget        *escale_import_dialog_new       (GtkWindow          *parent,
                                                  EscaleStore        *store,
                                                  EscaleImportKind    kind);
EscaleImportKind  escale_import_dialog_get_kind  (EscaleImportDialog *self);
void              escale_import_dialog_set_kind  (EscaleImportDialog *self,
                                                  EscaleImportKind    kind);
/* The file chosen (by the file chooser, or a test): checks it. */
void              escale_import_dialog_open_file (EscaleImportDialog *self,
                                                  GFile              *file);
/* The step shown: "choose", "busy" (checking or importing), "problems"
 * or "plan". */
const char       *escale_import_dialog_get_step  (EscaleImportDialog *self);

G_END_DECLS
