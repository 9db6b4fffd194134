/* escale-xlsx-reader.h — reading the first sheet of an XLSX workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_XLSX_ERROR (escale_xlsx_error_quark ())

typedef enum {
  ESCALE_XLSX_ERROR_DAMAGED,    /* not a zip, truncated, or not a workbook inside */
  ESCALE_XLSX_ERROR_ENCRYPTED,  /* protected by a password (an OLE file) */
  ESCALE_XLSX_ERROR_XLS,        /* the old binary Excel format */
  ESCALE_XLSX_ERROR_ODS,        /* an OpenDocument spreadsheet */
  ESCALE_XLSX_ERROR_TOO_LARGE,  /* beyond the limits below, or a zip bomb */
  ESCALE_XLSX_ERROR_EMPTY,      /* the first sheet has no value */
} EscaleXlsxError;

/* Limits against hostile files. */
#define ESCALE_XLSX_MAX_PART   (200 * 1024 * 1024)  /* uncompressed bytes of one part */
#define ESCALE_XLSX_MAX_RATIO  500                  /* uncompressed / compressed */
#define ESCALE_XLSX_MAX_ROW    1048576              /* Excel's last row */
#define ESCALE_XLSX_MAX_COLUMN 16384                /* Excel's last column, XFD */
#define ESCALE_XLSX_MAX_CELLS  5000000              /* cells with a value */
/* Cells longer than this, in bytes, are cut and reported, as CSV fields are. */
#define ESCALE_XLSX_MAX_CELL   10000

/* Something wrong in one cell whose row could still be read. */
typedef struct
{
  guint       line;     /* the sheet's 1-based row number */
  guint       field;    /* 0-based column: A is 0 */
  const char *message;  /* translated */
} EscaleXlsxProblem;

typedef struct _EscaleXlsxReader EscaleXlsxReader;

GQuark            escale_xlsx_error_quark           (void);
gboolean          escale_xlsx_reader_recognize      (GBytes            *bytes,
                                                     const char        *name);
EscaleXlsxReader *escale_xlsx_reader_new_from_bytes (GBytes            *bytes,
                                                     GError           **error);
EscaleXlsxReader *escale_xlsx_reader_new_from_file  (const char        *path,
                                                     GError           **error);
void              escale_xlsx_reader_free           (EscaleXlsxReader  *self);
const char       *escale_xlsx_reader_get_sheet_name (EscaleXlsxReader  *self);
guint             escale_xlsx_reader_get_n_sheets   (EscaleXlsxReader  *self);
gboolean          escale_xlsx_reader_next_row       (EscaleXlsxReader  *self,
                                                     GStrv             *fields,
                                                     guint             *line);
GArray           *escale_xlsx_reader_get_problems   (EscaleXlsxReader  *self);
void              escale_xlsx_reader_rewind         (EscaleXlsxReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleXlsxReader, escale_xlsx_reader_free)

G_END_DECLS
