/* escale-print-util.h — printed pages made of blocks of Pango markup
 *
 * Shared by the printed agenda and the slips. A document is a list of
 * blocks (a title, headings, entries with a narrow column on the side
 * where lines start, paragraphs); the print operation spreads them over
 * pages and draws a footer under each one. A document may have two columns
 * side by side, each in its own direction: a block then has its text in
 * each column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "escale-language.h"

G_BEGIN_DECLS

/* Names and notes keep their own direction inside a line of the page's:
 * "Situation stable." stays so in an Arabic printout. For literal strings
 * in markup formats. */
#define ESCALE_PRINT_ISOLATE(s) ESCALE_ISOLATE (s)

typedef enum {
  ESCALE_PRINT_TITLE,
  ESCALE_PRINT_SUBTITLE,
  ESCALE_PRINT_HEADING,
  ESCALE_PRINT_ENTRY,       /* the side column, then the text beside it */
  ESCALE_PRINT_PARAGRAPH,
  ESCALE_PRINT_NOTE,
} EscalePrintKind;

typedef struct _EscalePrintDoc EscalePrintDoc;

/* Lines are aligned after @direction; Pango orders the text itself.
 * @side_width: in points, the side column of entries. */
EscalePrintDoc    *escale_print_doc_new          (GtkTextDirection  direction,
                                                  double            side_width);
/* Two columns, laid out after @left and @right. */
EscalePrintDoc    *escale_print_doc_new_columns  (GtkTextDirection  left,
                                                  GtkTextDirection  right,
                                                  double            side_width);
void               escale_print_doc_free         (EscalePrintDoc   *doc);
/* Adds a block; takes @side (nullable) and @markup. */
void               escale_print_doc_add          (EscalePrintDoc   *doc,
                                                  EscalePrintKind   kind,
                                                  char             *side,
                                                  char             *markup);
/* In a document of two columns, gives the right column of the block last
 * added (which escale_print_doc_add() gave the left one); takes @side
 * (nullable) and @markup (nullable). */
void               escale_print_doc_add_beside   (EscalePrintDoc   *doc,
                                                  char             *side,
                                                  char             *markup);
/* Adds a block of plain @text. */
void               escale_print_doc_add_text     (EscalePrintDoc   *doc,
                                                  EscalePrintKind   kind,
                                                  const char       *text);
/* What the footer says before the page number. */
void               escale_print_doc_set_footer   (EscalePrintDoc   *doc,
                                                  const char       *footer);
/* The footer's format, "%s — page %d of %d" untranslated, and the one of
 * @doc, translated (by default, into the interface's language). */
const char        *escale_print_page_msgid       (void);
void               escale_print_doc_set_page_format (EscalePrintDoc *doc,
                                                     const char     *format);
/* A print operation that prints @doc, which it takes. */
GtkPrintOperation *escale_print_doc_operation    (EscalePrintDoc   *doc,
                                                  const char       *job_name);
/* Runs @operation into the PDF file @path, without a dialog. */
gboolean           escale_print_export_pdf       (GtkPrintOperation *operation,
                                                  const char        *path,
                                                  GError           **error);
/* The markup of the plain @text, each line isolated: a name or a note keeps
 * its own direction. */
char              *escale_print_isolate_lines    (const char       *text);
/* “Friday 12 June 2026” for the date @iso (YYYY-MM-DD). */
char              *escale_print_format_long_day  (const char       *iso);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalePrintDoc, escale_print_doc_free)

G_END_DECLS
