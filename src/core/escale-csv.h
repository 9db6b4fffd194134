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
gboolean    escale_csv_next_record      (EscaleCsv   *self,
                                         GStrv       *fields,
                                         guint       *line,
                                         GError     **error);
void        escale_csv_get_error_position (EscaleCsv *self,
                                           guint     *line,
                                           guint     *field);
void        escale_csv_rewind           (EscaleCsv   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleCsv, escale_csv_free)

G_END_DECLS
