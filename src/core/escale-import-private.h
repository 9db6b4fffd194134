/* escale-import-private.h — what the imports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-action.h"
#include "escale-csv.h"
#include "escale-import.h"
#include "escale-xlsx-reader.h"

G_BEGIN_DECLS

/* One column an import knows. */
typedef struct
{
  const char *name;
  gboolean    required;  /* the header must have it, and every row a value */
} EscaleImportColumn;

typedef struct
{
  GStrv  fields;
  guint  n_fields;
  guint  line;
} EscaleImportRow;

typedef struct
{
  EscaleStore              *store;
  EscaleCsv                *csv;       /* or: */
  EscaleXlsxReader         *xlsx;
  EscaleImportReport       *report;
  const EscaleImportColumn *columns;
  guint                     n_columns;
  int                      *index;     /* field of each column, -1 when absent */
  GStrv                     header;
  guint                     n_header;
  const char               *entity;    /* the table written, for the audit log */
} EscaleImportReader;

EscaleImportReport *escale_import_report_new      (void);
G_GNUC_PRINTF (4, 5)
void        escale_import_add_problem             (EscaleImportReader       *reader,
                                                   guint                     line,
                                                   const char               *column,
                                                   const char               *format,
                                                   ...);
guint       escale_import_count_problems          (EscaleImportReader       *reader);
void        escale_import_sort_problems           (EscaleImportReader       *reader);
/* Also pauses the audit's per-row entries until escale_import_reader_clear(). */
gboolean    escale_import_reader_open             (EscaleImportReader       *reader,
                                                   EscaleStore              *store,
                                                   const char               *entity,
                                                   const char               *path,
                                                   const EscaleImportColumn *columns,
                                                   guint                     n_columns,
                                                   GError                  **error);
void        escale_import_reader_clear            (EscaleImportReader       *reader);
void        escale_import_reader_rewind           (EscaleImportReader       *reader);
gboolean    escale_import_read_header             (EscaleImportReader       *reader);
gboolean    escale_import_next_row                (EscaleImportReader       *reader,
                                                   EscaleImportRow          *row);
void        escale_import_row_clear               (EscaleImportRow          *row);
const char *escale_import_row_get                 (EscaleImportReader       *reader,
                                                   const EscaleImportRow    *row,
                                                   guint                     column);
const char *escale_import_column_label            (EscaleImportReader       *reader,
                                                   guint                     column);
void        escale_import_check_extra_fields      (EscaleImportReader       *reader,
                                                   const EscaleImportRow    *row);
void        escale_import_check_row               (EscaleImportReader       *reader,
                                                   const EscaleImportRow    *row);
GStrv       escale_import_split_list              (const char               *text);
void        escale_import_add_date_problem        (EscaleImportReader       *reader,
                                                   const EscaleImportRow    *row,
                                                   guint                     column,
                                                   const char               *text,
                                                   const GError             *error,
                                                   const char               *hint);
char       *escale_import_parse_date              (EscaleImportReader       *reader,
                                                   const EscaleImportRow    *row,
                                                   guint                     column);
gboolean    escale_import_parse_count             (const char               *text,
                                                   gint64                   *value);
gboolean    escale_import_parse_amount            (const char               *text,
                                                   gint64                   *cents);
void        escale_import_prefix_line             (GError                  **error,
                                                   guint                     line);
gboolean    escale_import_finish                  (EscaleImportReader       *reader,
                                                   gboolean                  ok,
                                                   gboolean                  dry_run,
                                                   GError                  **error);

/* An import of few records, each built from a row, validated and saved
 * through its store; see escale_import_records(). */
typedef struct
{
  const EscaleImportColumn *columns;
  guint                     n_columns;
  int                       key_column;  /* unique in the file, or -1 */
  /* Returns NULL when the row's problems are reported; sets *is_new. */
  gpointer                (*build)        (EscaleImportReader    *reader,
                                           const EscaleImportRow *row,
                                           gboolean              *is_new);
  GPtrArray              *(*validate)     (EscaleStore           *store,
                                           gpointer               record);
  /* The column where an error of validate() belongs, and its message. */
  guint                   (*error_column) (gconstpointer          error,
                                           const char           **message);
  gboolean                (*save)         (EscaleStore           *store,
                                           gpointer               record,
                                           GError               **error);
  GDestroyNotify            free;
  const char               *entity;  /* the table written, for the audit log */
} EscaleImportKind;

EscaleImportReport *escale_import_records         (EscaleStore              *store,
                                                   const EscaleImportKind   *kind,
                                                   const char               *path,
                                                   gboolean                  dry_run,
                                                   GError                  **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscaleImportRow, escale_import_row_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscaleImportReader, escale_import_reader_clear)

/* The fast way to write many actions, inside a batch transaction. Text
 * fields NULL when empty, integers ESCALE_ACTION_UNSET when unset. */
typedef struct
{
  const char         *text[ESCALE_ACTION_N_TEXT_FIELDS];
  gint64              number[ESCALE_ACTION_N_FIELDS - ESCALE_ACTION_N_TEXT_FIELDS];
  const char * const *themes;  /* NULL-terminated, or NULL */
} EscaleActionRecord;

void        escale_action_record_init             (EscaleActionRecord       *record);
gint64      escale_store_insert_action_record     (EscaleStore              *store,
                                                   const EscaleActionRecord *record,
                                                   const char               *now,
                                                   GError                  **error);
gboolean    escale_store_insert_participant       (EscaleStore              *store,
                                                   gint64                    action_id,
                                                   gint64                    person_id,
                                                   EscaleAttendance          attended,
                                                   GError                  **error);

G_END_DECLS
