/* escale-agenda-print.c — the day's agenda on paper, for the welcome desk
 *
 * The text is gathered when the operation is made (the store is not read
 * while printing), as blocks of Pango markup: the title, section headings
 * and one block per action, its time in a column on the side where lines
 * start. "begin-print" measures the blocks and spreads them over pages;
 * "draw-page" draws those of one page and a footer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-agenda-print.h"
#include "escale-agenda-util.h"
#include "escale-agenda.h"
#include "escale-date.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define FONT_FAMILY  "Sans"
#define TIME_WIDTH   68.0  /* points */
#define GAP          10.0
#define BLOCK_SPACE   6.0
#define FOOTER_SPACE 24.0

typedef enum {
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_ENTRY,
  BLOCK_NOTE,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *time;    /* markup of the time column, nullable */
  char      *markup;
  int        page;
  double     y;
  double     height;
} Block;

typedef struct
{
  GPtrArray *blocks;  /* (element-type Block) */
  gboolean   rtl;
  char      *footer;  /* the day, under every page */
  int        n_pages;
} Job;

static void
block_free (Block *block)
{
  g_free (block->time);
  g_free (block->markup);
  g_free (block);
}

static void
job_free (Job *job)
{
  g_ptr_array_unref (job->blocks);
  g_free (job->footer);
  g_free (job);
}

static void
add_block (Job        *job,
           BlockKind   kind,
           char       *time,
           char       *markup)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->time = time;
  block->markup = markup;
  g_ptr_array_add (job->blocks, block);
}

/* Text */

static char *
format_long_day (const char *iso)
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

static char *
entry_time (const EscaleAgendaAction *action)
{
  g_autofree char *date = action->overdue ? escale_format_date (action->date) : NULL;

  if (date != NULL)
    return g_markup_printf_escaped ("%s\n<b>%s</b>", date, action->time ? action->time : "");
  return g_markup_printf_escaped ("<b>%s</b>", action->time ? action->time : C_("time", "—"));
}

/* Names and notes keep their own direction inside a line of the page's:
 * "Situation stable." stays so in an Arabic printout. */
#define ISOLATE(s) "\u2068" s "\u2069"

static char *
entry_text (EscaleStore              *store,
            const EscaleAgendaAction *action)
{
  g_autofree char *who = escale_agenda_format_who (action);
  g_autofree char *type = escale_vocab_get_label (store, ESCALE_VOCAB_ACTION_TYPE, action->type);
  g_autofree char *notes = escale_agenda_first_line (action->notes);
  GString *text = g_string_new (NULL);
  g_autofree char *line = NULL;

  line = g_markup_printf_escaped ("<b>" ISOLATE ("%s") "</b>\n%s", who,
                                  type ? type : action->type);
  g_string_append (text, line);
  if (action->worker != NULL && *action->worker != '\0')
    {
      g_free (line);
      line = g_markup_printf_escaped (" · " ISOLATE ("%s"), action->worker);
      g_string_append (text, line);
    }
  if (notes != NULL)
    {
      g_free (line);
      line = g_markup_printf_escaped ("\n<i>" ISOLATE ("%s") "</i>", notes);
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

static void
add_entries (Job         *job,
             EscaleStore *store,
             GPtrArray   *actions)
{
  for (guint i = 0; i < actions->len; i++)
    {
      const EscaleAgendaAction *action = g_ptr_array_index (actions, i);

      add_block (job, BLOCK_ENTRY, entry_time (action), entry_text (store, action));
    }
}

static void
add_heading (Job        *job,
             const char *text)
{
  add_block (job, BLOCK_HEADING, NULL, g_markup_escape_text (text, -1));
}

static void
add_header (Job        *job,
            const char *day,
            const char *worker)
{
  g_autofree char *long_day = format_long_day (day);
  g_autofree char *title = NULL;

  /* Translators: the title of a printed agenda; %s is the day */
  title = g_strdup_printf (_("Agenda — %s"), long_day);
  add_block (job, BLOCK_TITLE, NULL, g_markup_escape_text (title, -1));
  if (worker != NULL)
    /* Translators: under the title of a printed agenda; %s is a worker's name */
    add_block (job, BLOCK_SUBTITLE, NULL, g_markup_printf_escaped (_("Actions of %s"), worker));
  else
    add_block (job, BLOCK_SUBTITLE, NULL, g_markup_escape_text (_("Actions of every worker"), -1));
  job->footer = g_steal_pointer (&long_day);
}

static gboolean
fill_job (Job         *job,
          EscaleStore *store,
          const char  *day,
          const char  *today,
          const char  *worker,
          GError     **error)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *heading = NULL;

  if (g_strcmp0 (day, today) == 0 &&
      !(overdue = escale_agenda_list_overdue (store, today, worker, error)))
    return FALSE;
  if (!(due = escale_agenda_list_due (store, day, day, today, worker, error)))
    return FALSE;

  add_header (job, day, worker);
  if (overdue != NULL && overdue->len > 0)
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Overdue Action",
                                              "%u Overdue Actions", overdue->len), overdue->len);
      add_heading (job, heading);
      add_entries (job, store, overdue);
      g_clear_pointer (&heading, g_free);
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Planned Action",
                                          "%u Planned Actions", due->len), due->len);
  add_heading (job, heading);
  if (due->len == 0)
    add_block (job, BLOCK_NOTE, NULL, g_markup_escape_text (_("Nothing planned"), -1));
  add_entries (job, store, due);
  return TRUE;
}

/* Layout */

static const char *
block_font (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE:
      return FONT_FAMILY " Bold 16";
    case BLOCK_HEADING:
      return FONT_FAMILY " Bold 12";
    case BLOCK_SUBTITLE:
    case BLOCK_NOTE:
      return FONT_FAMILY " Italic 10";
    case BLOCK_ENTRY:
    default:
      return FONT_FAMILY " 10";
    }
}

static PangoLayout *
new_layout (Job             *job,
            GtkPrintContext *context,
            BlockKind        kind,
            const char      *markup,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (block_font (kind));

  /* Every paragraph takes the page's direction, so that all lines start on
   * the same side; Pango still orders the words of each script. */
  pango_context_set_base_dir (pango_layout_get_context (layout),
                              job->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, job->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
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

/* The text column of an entry: the width beside the time column. */
static double
text_width (const Block *block,
            double       width)
{
  return block->kind == BLOCK_ENTRY ? width - TIME_WIDTH - GAP : width;
}

static double
measure_block (Job             *job,
               GtkPrintContext *context,
               Block           *block,
               double           width)
{
  g_autoptr(PangoLayout) text = new_layout (job, context, block->kind, block->markup,
                                            text_width (block, width));
  double height = layout_height (text);

  if (block->time != NULL)
    {
      g_autoptr(PangoLayout) time = new_layout (job, context, block->kind, block->time,
                                                TIME_WIDTH);

      height = MAX (height, layout_height (time));
    }
  if (block->kind == BLOCK_HEADING)
    height += BLOCK_SPACE;  /* room above a heading */
  return height;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Job               *job)
{
  double width = gtk_print_context_get_width (context);
  double limit = gtk_print_context_get_height (context) - FOOTER_SPACE;
  double y = 0;
  int page = 0;

  for (guint i = 0; i < job->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (job->blocks, i);
      double needed;

      block->height = measure_block (job, context, block, width);
      needed = block->height;
      /* A heading stays with the first entry under it. */
      if (block->kind == BLOCK_HEADING && i + 1 < job->blocks->len)
        needed += BLOCK_SPACE + measure_block (job, context, g_ptr_array_index (job->blocks, i + 1),
                                               width);
      if (y > 0 && y + needed > limit)
        {
          page++;
          y = 0;
        }
      block->page = page;
      block->y = y;
      y += block->height + BLOCK_SPACE;
    }
  job->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, job->n_pages);
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
draw_block (Job             *job,
            GtkPrintContext *context,
            cairo_t         *cr,
            const Block     *block,
            double           width)
{
  double y = block->y + (block->kind == BLOCK_HEADING ? BLOCK_SPACE : 0);
  double text_x = (block->time != NULL && !job->rtl) ? TIME_WIDTH + GAP : 0;
  g_autoptr(PangoLayout) text = new_layout (job, context, block->kind, block->markup,
                                            text_width (block, width));

  draw_layout (cr, text, text_x, y);
  if (block->time != NULL)
    {
      g_autoptr(PangoLayout) time = new_layout (job, context, block->kind, block->time,
                                                TIME_WIDTH);

      draw_layout (cr, time, job->rtl ? width - TIME_WIDTH : 0, y);
    }
  if (block->kind == BLOCK_TITLE)
    {
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, y + block->height + BLOCK_SPACE / 2);
      cairo_line_to (cr, width, y + block->height + BLOCK_SPACE / 2);
      cairo_stroke (cr);
    }
}

static void
draw_footer (Job             *job,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  /* Translators: the footer of a printed agenda: the day, then the page
   * number and the number of pages */
  text = g_strdup_printf (_("%s — page %d of %d"), job->footer, page + 1, job->n_pages);
  markup = g_markup_escape_text (text, -1);
  layout = new_layout (job, context, BLOCK_NOTE, markup, width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  draw_layout (cr, layout, 0, height - layout_height (layout));
}

static void
on_draw_page_cb (G_GNUC_UNUSED GtkPrintOperation *operation,
                 GtkPrintContext                 *context,
                 int                              page,
                 Job                             *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < job->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (job->blocks, i);

      if (block->page == page)
        draw_block (job, context, cr, block, width);
    }
  draw_footer (job, context, cr, page);
}

/* Public API */

GtkPrintOperation *
escale_agenda_print_new (EscaleStore       *store,
                         const char        *day,
                         const char        *today,
                         const char        *worker,
                         GtkTextDirection   direction,
                         GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *job_name = NULL;
  Job *job;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && today != NULL, NULL);

  job = g_new0 (Job, 1);
  job->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  job->rtl = direction == GTK_TEXT_DIR_RTL;
  if (!fill_job (job, store, day, today, worker, error))
    {
      job_free (job);
      return NULL;
    }

  operation = gtk_print_operation_new ();
  /* Translators: the name of a print job; %s is a date, YYYY-MM-DD */
  job_name = g_strdup_printf (_("Agenda %s"), day);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "escale-agenda-job", job,
                          (GDestroyNotify) job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  return g_steal_pointer (&operation);
}

gboolean
escale_agenda_print_export_pdf (EscaleStore       *store,
                                const char        *day,
                                const char        *today,
                                const char        *worker,
                                GtkTextDirection   direction,
                                const char        *path,
                                GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  operation = escale_agenda_print_new (store, day, today, worker, direction, error);
  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}
