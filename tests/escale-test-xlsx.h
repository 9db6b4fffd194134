/* escale-test-xlsx.h — workbooks read back by Gnumeric's ssconvert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call before escale_test_init(): keeps the environment ssconvert needs. */
void       escale_test_xlsx_init        (void);
/* Whether ssconvert is there; skips the test when not. */
gboolean   escale_test_have_ssconvert   (void);
/* Each sheet of @path as CSV lines "field|field" (empty fields ending a
 * line left out), formulas computed again; @format: "raw" (values) or
 * "preserve" (as the cells' formats show them); @set: a cell to change
 * first ("B7=2000", on the first sheet) or NULL. ssconvert must say
 * nothing but the known warning about Excel tables. */
GPtrArray *escale_test_xlsx_read_sheets (const char *path,
                                         const char *format,
                                         const char *set);
/* The workbook in Gnumeric's XML: its properties, sheet names, objects. */
char      *escale_test_xlsx_read_xml    (const char *path);

G_END_DECLS
