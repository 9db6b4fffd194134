/* escale-action-import.h — importing actions, programmes and enrolments from CSV or XLSX files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-import.h"

G_BEGIN_DECLS

EscaleImportReport *escale_import_actions    (EscaleStore  *store,
                                              const char   *path,
                                              gboolean      dry_run,
                                              GError      **error);
EscaleImportReport *escale_import_programmes (EscaleStore  *store,
                                              const char   *path,
                                              gboolean      dry_run,
                                              GError      **error);
EscaleImportReport *escale_import_enrolments (EscaleStore  *store,
                                              const char   *path,
                                              gboolean      dry_run,
                                              GError      **error);

G_END_DECLS
