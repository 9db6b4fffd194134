/* escale-print-util.c — printed pages made of blocks of Pango markup
 *
 * The text is gathered before printing, as blocks of markup. "begin-print"
 * measures the blocks and spreads them over pages; "draw-page" draws those
 * of one page and a footer. A page may have two columns side by side, each
 * laid out in its own direction (a slip in French and in Arabic): a block
 * then holds the markup of each, and is as tall as the taller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-print-util.h"

/* Noto first: it has every script Escale is translated into (DejaVu lacks
 * Pashto's letters), so a word is never shaped from two fonts. */
#define FONT_FAMILY  "Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic, Sans"
#define GAP          10.0
#define COLUMN_GAP   24.0
#define MAX_COLUMNS  2
#define BLOCK_SPACE   6.0
#define FOOTER_SPACE 24.0

typedef struct
{
  EscalePrintKind  kind;
  char            *side[MAX_COLUMNS];    /* markup of the side column, nullable */
  char            *markup[MAX_COLUMNS];  /* nullable in the second column */
  int              page;
  double           y;
  double           height;
} Block;

struct _EscalePrintDoc
{
  GPtrArray *blocks;  /* (element-type Block) */
  guint      n_columns;
  gboolean   rtl[MAX_COLUMNS];
  double     side_width;
  char      *footer;  /* under every page */
  char      *page_format;  /* of the footer; NULL: the interface's */
  int        n_pages;
};

static void
block_free (Block *block)
{
  for (guint i = 0; i < MAX_COLUMNS; i++)
    {
      g_free (block->side[i]);
      g_free (block->markup[i]);
    }
  g_free (block);
}

/* Layout */

static const char *
block_font (EscalePrintKind kind)
{
  switch (kind)
    {
    case ESCALE_PRINT_TITLE:
      return FONT_FAMILY " Bold 16";
    case ESCALE_PRINT_HEADING:
      return FONT_FAMILY " Bold 12";
    case ESCALE_PRINT_SUBTITLE:
    case ESCALE_PRINT_NOTE:
      return FONT_FAMILY " Italic 10";
    case ESCALE_PRINT_ENTRY:
    case ESCALE_PRINT_PARAGRAPH:
    default:
      return FONT_FAMILY " 10";
    }
}

static PangoLayout *
new_layout (EscalePrintDoc  *doc,
            GtkPrintContext *context,
            guint            column,
            EscalePrintKind  kind,
            const char      *markup,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (block_font (kind));
  gboolean rtl = doc->rtl[column];

  /* Every paragraph takes its column's direction, so that all lines start
   * on the same side; Pango still orders the words of each script. */
  pango_context_set_base_dir (pango_layout_get_context (layout),
                              rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (font);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The text column of an entry: the width beside the side column. */
static double
text_width (EscalePrintDoc *doc,
            const Block    *block,
            double          width)
{
  return block->kind == ESCALE_PRINT_ENTRY ? width - doc->side_width - GAP : width;
}

/* The width of each column of a page @width wide. */
static double
column_width (EscalePrintDoc *doc,
              double          width)
{
  return (width - COLUMN_GAP * (doc->n_columns - 1)) / doc->n_columns;
}

/* How far below the top of an entry the side column and the text start,
 * so that their first lines share a baseline: an Arabic label and a Latin
 * value come from fonts of different heights. */
static void
align_baselines (PangoLayout *side,
                 PangoLayout *text,
                 double      *side_y,
                 double      *text_y)
{
  double side_baseline = side ? (double) pango_layout_get_baseline (side) / PANGO_SCALE : 0;
  double text_baseline = text ? (double) pango_layout_get_baseline (text) / PANGO_SCALE : 0;
  double baseline = MAX (side_baseline, text_baseline);

  *side_y = side ? baseline - side_baseline : 0;
  *text_y = text ? baseline - text_baseline : 0;
}

/* The layouts of one column of @block, for a column @width wide. */
static void
column_layouts (EscalePrintDoc   *doc,
                GtkPrintContext  *context,
                const Block      *block,
                guint             column,
                double            width,
                PangoLayout     **side,
                PangoLayout     **text)
{
  *side = NULL;
  *text = NULL;
  if (block->markup[column] != NULL)
    *text = new_layout (doc, context, column, block->kind, block->markup[column],
                        text_width (doc, block, width));
  if (block->side[column] != NULL)
    *side = new_layout (doc, context, column, block->kind, block->side[column],
                        doc->side_width);
}

static double
measure_column (EscalePrintDoc  *doc,
                GtkPrintContext *context,
                const Block     *block,
                guint            column,
                double           width)
{
  g_autoptr(PangoLayout) side = NULL;
  g_autoptr(PangoLayout) text = NULL;
  double side_y, text_y;

  column_layouts (doc, context, block, column, width, &side, &text);
  align_baselines (side, text, &side_y, &text_y);
  return MAX (side ? side_y + layout_height (side) : 0, text ? text_y + layout_height (text) : 0);
}

static double
measure_block (EscalePrintDoc  *doc,
               GtkPrintContext *context,
               Block           *block,
               double           width)
{
  double height = 0;

  for (guint column = 0; column < doc->n_columns; column++)
    height = MAX (height, measure_column (doc, context, block, column,
                                          column_width (doc, width)));
  if (block->kind == ESCALE_PRINT_HEADING)
    height += BLOCK_SPACE;  /* room above a heading */
  return height;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   EscalePrintDoc    *doc)
{
  double width = gtk_print_context_get_width (context);
  double limit = gtk_print_context_get_height (context) - FOOTER_SPACE;
  double y = 0;
  int page = 0;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);
      double needed;

      block->height = measure_block (doc, context, block, width);
      needed = block->height;
      /* A heading stays with the first block under it. */
      if (block->kind == ESCALE_PRINT_HEADING && i + 1 < doc->blocks->len)
        needed += BLOCK_SPACE + measure_block (doc, context,
                                               g_ptr_array_index (doc->blocks, i + 1), width);
      if (y > 0 && y + needed > limit)
        {
          page++;
          y = 0;
        }
      block->page = page;
      block->y = y;
      y += block->height + BLOCK_SPACE;
    }
  doc->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, doc->n_pages);
}

static void
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* One column of @block, @width wide from @x; the side column of entries
 * is on the side where the column's lines start. */
static void
draw_column (EscalePrintDoc  *doc,
             GtkPrintContext *context,
             cairo_t         *cr,
             const Block     *block,
             guint            column,
             double           x,
             double           y,
             double           width)
{
  gboolean rtl = doc->rtl[column];
  double text_x = (block->kind == ESCALE_PRINT_ENTRY && !rtl) ? doc->side_width + GAP : 0;
  g_autoptr(PangoLayout) side = NULL;
  g_autoptr(PangoLayout) text = NULL;
  double side_y, text_y;

  column_layouts (doc, context, block, column, width, &side, &text);
  align_baselines (side, text, &side_y, &text_y);
  if (text != NULL)
    draw_layout (cr, text, x + text_x, y + text_y);
  if (side != NULL)
    draw_layout (cr, side, x + (rtl ? width - doc->side_width : 0), y + side_y);
}

static void
draw_block (EscalePrintDoc  *doc,
            GtkPrintContext *context,
            cairo_t         *cr,
            const Block     *block,
            double           width)
{
  double y = block->y + (block->kind == ESCALE_PRINT_HEADING ? BLOCK_SPACE : 0);
  double column = column_width (doc, width);

  for (guint i = 0; i < doc->n_columns; i++)
    draw_column (doc, context, cr, block, i, i * (column + COLUMN_GAP), y, column);
  if (block->kind == ESCALE_PRINT_TITLE)
    {
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, y + block->height + BLOCK_SPACE / 2);
      cairo_line_to (cr, width, y + block->height + BLOCK_SPACE / 2);
      cairo_stroke (cr);
    }
}

static void
draw_footer (EscalePrintDoc  *doc,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  text = g_strdup_printf (doc->page_format ? doc->page_format : _(escale_print_page_msgid ()),
                          doc->footer ? doc->footer : "", page + 1, doc->n_pages);
  markup = g_markup_escape_text (text, -1);
  layout = new_layout (doc, context, 0, ESCALE_PRINT_NOTE, markup, width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  draw_layout (cr, layout, 0, height - layout_height (layout));
}

static void
on_draw_page_cb (G_GNUC_UNUSED GtkPrintOperation *operation,
                 GtkPrintContext                 *context,
                 int                              page,
                 EscalePrintDoc                  *doc)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (doc->blocks, i);

      if (block->page == page)
        draw_block (doc, context, cr, block, width);
    }
  draw_footer (doc, context, cr, page);
}

/* Public API */

EscalePrintDoc *
escale_print_doc_new (GtkTextDirection direction,
                      double           side_width)
{
  EscalePrintDoc *doc = g_new0 (EscalePrintDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->n_columns = 1;
  doc->rtl[0] = direction == GTK_TEXT_DIR_RTL;
  doc->side_width = side_width;
  return doc;
}

/**
 * escale_print_doc_new_columns:
 * @left: the direction of the left column
 * @right: the direction of the right column
 * @side_width: in points, the side column of entries, in each column
 *
 * Returns: (transfer full): a document of two columns side by side
 */
EscalePrintDoc *
escale_print_doc_new_columns (GtkTextDirection left,
                              GtkTextDirection right,
                              double           side_width)
{
  EscalePrintDoc *doc = escale_print_doc_new (left, side_width);

  doc->n_columns = 2;
  doc->rtl[1] = right == GTK_TEXT_DIR_RTL;
  return doc;
}

void
escale_print_doc_free (EscalePrintDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->blocks);
  g_free (doc->footer);
  g_free (doc->page_format);
  g_free (doc);
}

void
escale_print_doc_add (EscalePrintDoc  *doc,
                      EscalePrintKind  kind,
                      char            *side,
                      char            *markup)
{
  Block *block;

  g_return_if_fail (doc != NULL && markup != NULL);

  block = g_new0 (Block, 1);
  block->kind = kind;
  block->side[0] = side;
  block->markup[0] = markup;
  g_ptr_array_add (doc->blocks, block);
}

void
escale_print_doc_add_beside (EscalePrintDoc *doc,
                             char           *side,
                             char           *markup)
{
  Block *block;

  g_return_if_fail (doc != NULL && doc->n_columns == 2 && doc->blocks->len > 0);

  block = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
  g_free (block->side[1]);
  g_free (block->markup[1]);
  block->side[1] = side;
  block->markup[1] = markup;
}

void
escale_print_doc_add_text (EscalePrintDoc  *doc,
                           EscalePrintKind  kind,
                           const char      *text)
{
  g_return_if_fail (text != NULL);

  escale_print_doc_add (doc, kind, NULL, g_markup_escape_text (text, -1));
}

void
escale_print_doc_set_footer (EscalePrintDoc *doc,
                             const char     *footer)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->footer);
  doc->footer = g_strdup (footer);
}

/**
 * escale_print_page_msgid:
 *
 * Returns: (transfer none): the footer's format, untranslated
 */
const char *
escale_print_page_msgid (void)
{
  /* Translators: the footer of a printed page (an agenda, a slip): a date
   * or a title, then the page number and the number of pages */
  return N_("%s — page %d of %d");
}

void
escale_print_doc_set_page_format (EscalePrintDoc *doc,
                                  const char     *format)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->page_format);
  doc->page_format = g_strdup (format);
}

/**
 * escale_print_doc_operation:
 * @doc: (transfer full)
 *
 * Returns: (transfer full): a print operation in points that prints @doc
 */
GtkPrintOperation *
escale_print_doc_operation (EscalePrintDoc *doc,
                            const char     *job_name)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (doc != NULL, NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "escale-print-doc", doc,
                          (GDestroyNotify) escale_print_doc_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), doc);
  return operation;
}

gboolean
escale_print_export_pdf (GtkPrintOperation  *operation,
                         const char         *path,
                         GError            **error)
{
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * escale_print_isolate_lines:
 *
 * Returns: (transfer full): the markup of @text (plain), each line
 *   isolated so that it keeps its own direction
 */
char *
escale_print_isolate_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *markup = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_markup_printf_escaped (ESCALE_PRINT_ISOLATE ("%s"), lines[i]);

      if (i > 0)
        g_string_append_c (markup, '\n');
      g_string_append (markup, line);
    }
  return g_string_free (markup, FALSE);
}

char *
escale_print_format_long_day (const char *iso)
{
  g_autoptr(GDate) date = escale_date_to_gdate (iso);
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (date != NULL, g_strdup (iso));

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  /* Translators: the day of a printed agenda, like “Friday 12 June 2026”;
   * see the format of g_date_time_format() */
  return g_date_time_format (time, _("%A %-d %B %Y"));
}
