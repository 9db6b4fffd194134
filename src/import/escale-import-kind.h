/* escale-import-kind.h — what the Import dialog can import, and how it says it
 *
 * One entry per importer of the core (people, actions, programmes,
 * enrolments, partners): its name, the columns it accepts, and the
 * sentences that count what an import will do and did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-import.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_IMPORT_PEOPLE,
  ESCALE_IMPORT_ACTIONS,
  ESCALE_IMPORT_PROGRAMMES,
  ESCALE_IMPORT_ENROLMENTS,
  ESCALE_IMPORT_PARTNERS,
  ESCALE_N_IMPORT_KINDS,
} EscaleImportKind;

/* Translated: "People", "Actions"… */
const char         *escale_import_kind_label          (EscaleImportKind          kind);
/* The columns the importer requires and those it also reads, as the
 * header of a file names them, separated by ", " (keywords, never
 * translated). */
const char         *escale_import_kind_required       (EscaleImportKind          kind);
const char         *escale_import_kind_optional       (EscaleImportKind          kind);
/* Translated: which columns a file needs. */
char               *escale_import_kind_describe_columns (EscaleImportKind        kind);
/* Translated: "42 people will be created, 3 people will be updated", from
 * a dry run's report; and "42 people imported, 3 people updated". */
char               *escale_import_kind_describe_plan  (EscaleImportKind          kind,
                                                       const EscaleImportReport *report);
char               *escale_import_kind_describe_done  (EscaleImportKind          kind,
                                                       const EscaleImportReport *report);
/* Runs the core's importer of @kind (see escale-import.h). */
EscaleImportReport *escale_import_kind_run            (EscaleImportKind          kind,
                                                       EscaleStore              *store,
                                                       const char               *path,
                                                       gboolean                  dry_run,
                                                       GError                  **error);

G_END_DECLS
