/* escale-csv.h — reading CSV files as spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_CSV_ERROR (escale_csv_error_quark ())

typedef enum {
  ESCALE_CSV_ERROR_EMPTY,
  ESCALE_CSV_ERROR_UNTERMINATED_QUOTE,
} EscaleCsvError;

/* Fields longer than this, in bytes, are cut and reported. */
#define ESCALE_CSV_MAX_FIELD 10000

typedef enum {
  ESCALE_CSV_PROBLEM_NOT_UTF8,  /* a byte that is not UTF-8, now U+FFFD */
  ESCALE_CSV_PROBLEM_TOO_LONG,  /* a field cut at ESCALE_CSV_MAX_FIELD */
} EscaleCsvProblemKind;

/* Something wrong in one field of a record that could still be read. */
typedef struct
{
  guint                 line;     /* 1-based line of the file where it is */
  guint                 field;    /* 0-based field of the record */
  EscaleCsvProblemKind  kind;
  const char           *message;  /* translated */
} EscaleCsvProblem;

typedef struct _EscaleCsv EscaleCsv;

GQuark      escale_csv_error_quark      (void);
EscaleCsv  *escale_csv_new_from_bytes   (GBytes      *bytes,
                                         GError     **error);
EscaleCsv  *escale_csv_new_from_file    (const char  *path,
                                         GError     **error);
void        escale_csv_free             (EscaleCsv   *self);
char        escale_csv_get_separator    (EscaleCsv   *self);
gboolean    escale_csv_get_had_bom      (EscaleCsv   *self);
gboolean    escale_csv_get_was_converted (EscaleCsv  *self);
gboolean    escale_csv_get_was_windows_1252 (EscaleCsv *self);
gboolean    escale_csv_next_record      (EscaleCsv   *self,
                                         GStrv       *fields,
                                         guint       *line,
                                         GError     **error);
void        escale_csv_get_error_position (EscaleCsv *self,
                                           guint     *line,
                                           guint     *field);
GArray     *escale_csv_get_problems     (EscaleCsv   *self);
void        escale_csv_rewind           (EscaleCsv   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCsv, escale_csv_free)

G_END_DECLS
