/* escale-print-util.c — printed pages made of blocks of Pango markup
 *
 * The text is gathered before printing, as blocks of markup. "begin-print"
 * measures the blocks and spreads them over pages; "draw-page" draws those
 * of one page and a footer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-print-util.h"

#define FONT_FAMILY  "Sans"
#define GAP          10.0
#define BLOCK_SPACE   6.0
#define FOOTER_SPACE 24.0

typedef struct
{
  EscalePrintKind  kind;
  char            *side;    /* markup of the side column, nullable */
  char            *markup;
  int              page;
  double           y;
  double           height;
} Block;

struct _EscalePrintDoc
{
  GPtrArray *blocks;  /* (element-type Block) */
  gboolean   rtl;
  double     side_width;
  char      *footer;  /* under every page */
  int        n_pages;
};

static void
block_free (Block *block)
{
  g_free (block->side);
  g_free (block->markup);
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
            EscalePrintKind  kind,
            const char      *markup,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (block_font (kind));

  /* Every paragraph takes the page's direction, so that all lines start on
   * the same side; Pango still orders the words of each script. */
  pango_context_set_base_dir (pango_layout_get_context (layout),
                              doc->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, doc->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
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

static double
measure_block (EscalePrintDoc  *doc,
               GtkPrintContext *context,
               Block           *block,
               double           width)
{
  g_autoptr(PangoLayout) text = new_layout (doc, context, block->kind, block->markup,
                                            text_width (doc, block, width));
  double height = layout_height (text);

  if (block->side != NULL)
    {
      g_autoptr(PangoLayout) side = new_layout (doc, context, block->kind, block->side,
                                                doc->side_width);

      height = MAX (height, layout_height (side));
    }
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

static void
draw_block (EscalePrintDoc  *doc,
            GtkPrintContext *context,
            cairo_t         *cr,
            const Block     *block,
            double           width)
{
  double y = block->y + (block->kind == ESCALE_PRINT_HEADING ? BLOCK_SPACE : 0);
  double text_x = (block->kind == ESCALE_PRINT_ENTRY && !doc->rtl) ? doc->side_width + GAP : 0;
  g_autoptr(PangoLayout) text = new_layout (doc, context, block->kind, block->markup,
                                            text_width (doc, block, width));

  draw_layout (cr, text, text_x, y);
  if (block->side != NULL)
    {
      g_autoptr(PangoLayout) side = new_layout (doc, context, block->kind, block->side,
                                                doc->side_width);

      draw_layout (cr, side, doc->rtl ? width - doc->side_width : 0, y);
    }
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

  /* Translators: the footer of a printed page (an agenda, a slip): a date
   * or a title, then the page number and the number of pages */
  text = g_strdup_printf (_("%s — page %d of %d"), doc->footer ? doc->footer : "", page + 1,
                          doc->n_pages);
  markup = g_markup_escape_text (text, -1);
  layout = new_layout (doc, context, ESCALE_PRINT_NOTE, markup, width);
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
  doc->rtl = direction == GTK_TEXT_DIR_RTL;
  doc->side_width = side_width;
  return doc;
}

void
escale_print_doc_free (EscalePrintDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->blocks);
  g_free (doc->footer);
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
  block->side = side;
  block->markup = markup;
  g_ptr_array_add (doc->blocks, block);
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
