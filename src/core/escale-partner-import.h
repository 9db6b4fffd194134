/* escale-partner-import.h — importing partners from a CSV file or an XLSX workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-import.h"

G_BEGIN_DECLS

EscaleImportReport *escale_import_partners (EscaleStore  *store,
                                            const char   *path,
                                            gboolean      dry_run,
                                            GError      **error);

G_END_DECLS
