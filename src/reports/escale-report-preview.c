/* escale-report-preview.c — a report shown as the spreadsheet will hold it
 *
 * One sheet at a time, chosen in a drop-down: its lines of label and value,
 * then each table as a grid of labels, with its title, its totals (as the
 * workbook's formulas compute them) and its note. Only the sheet shown is
 * made into widgets, and a table shows its first rows only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-report-preview.h"

struct _EscaleReportPreview
{
  GtkBox         parent_instance;

  EscaleReport  *report;
  char          *sheet_name;     /* of the sheet shown */

  GtkDropDown   *sheet_dropdown;
  GtkBox        *sheet_box;
};

/* The characters of a text cell shown at most. */
#define MAX_CELL_CHARS 40

G_DEFINE_FINAL_TYPE (EscaleReportPreview, escale_report_preview, GTK_TYPE_BOX)

/* How the cells of one sheet are shown. */
typedef struct
{
  GtkTextDirection  direction;  /* the sheet's */
  const char       *total;      /* "Total" in the report's language */
} SheetStyle;

/* Helpers: cells */

static gboolean
is_number (EscaleCellKind kind)
{
  return kind == ESCALE_CELL_COUNT || kind == ESCALE_CELL_INTEGER || kind == ESCALE_CELL_HOURS ||
         kind == ESCALE_CELL_EUROS || kind == ESCALE_CELL_PERCENT;
}

/* A cell of a table: one line, as in a spreadsheet; a long text is cut
 * and told whole in its tooltip. */
static GtkWidget *
new_label (const SheetStyle *style,
           const char       *text,
           gboolean          number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_direction (label, style->direction);
  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  else if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CELL_CHARS);
      gtk_widget_set_tooltip_text (label, text);
    }
  return label;
}

/* A title, a note, a sheet's line: wrapped. */
static GtkWidget *
new_text (const SheetStyle *style,
          const char       *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_direction (label, style->direction);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

static GtkWidget *
new_cell_label (const SheetStyle        *style,
                const EscaleReportTable *table,
                const EscaleReportCell  *cell)
{
  g_autofree char *text = escale_report_cell_format (table, cell);

  return new_label (style, text, is_number (cell->kind));
}

/* A total as the workbook shows it: "<5" from 1 to 4 in a masked table. */
static GtkWidget *
new_total_label (const SheetStyle        *style,
                 const EscaleReportTable *table,
                 EscaleCellKind           kind,
                 double                   value)
{
  EscaleReportCell cell = escale_report_cell_number (kind, value);
  GtkWidget *label = new_cell_label (style, table, &cell);

  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* Helpers: a table */

static GtkWidget *
new_table_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  return grid;
}

static void
attach_headers (GtkGrid                 *grid,
                const SheetStyle        *style,
                const EscaleReportTable *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      gboolean number = c > 0 && is_number (escale_report_table_column_kind (table, c));
      GtkWidget *label = new_label (style, table->headers[c], number);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (grid, label, c, 0, 1, 1);
    }
  if (table->total_column)
    {
      GtkWidget *label = new_label (style, style->total, TRUE);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (grid, label, table->n_columns, 0, 1, 1);
    }
}

static void
attach_row (GtkGrid                 *grid,
            const SheetStyle        *style,
            const EscaleReportTable *table,
            const EscaleReportCell  *row,
            int                      y)
{
  for (guint c = 0; c < table->n_columns; c++)
    gtk_grid_attach (grid, new_cell_label (style, table, &row[c]), c, y, 1, 1);
  if (table->total_column)
    gtk_grid_attach (grid, new_total_label (style, table, ESCALE_CELL_COUNT,
                                            escale_report_table_row_sum (table, row)),
                     table->n_columns, y, 1, 1);
}

static void
attach_total_row (GtkGrid                 *grid,
                  const SheetStyle        *style,
                  const EscaleReportTable *table,
                  int                      y)
{
  GtkWidget *label = new_label (style, style->total, FALSE);

  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, 0, y, 1, 1);
  for (guint c = 1; c < table->n_columns; c++)
    {
      EscaleCellKind kind = escale_report_table_column_kind (table, c);

      if (escale_cell_kind_is_summed (kind))
        gtk_grid_attach (grid, new_total_label (style, table, kind,
                                                escale_report_table_sum (table, c)),
                         c, y, 1, 1);
    }
  if (table->total_column)
    gtk_grid_attach (grid, new_total_label (style, table, ESCALE_CELL_COUNT,
                                            escale_report_table_sum (table, table->n_columns)),
                     table->n_columns, y, 1, 1);
}

/* The table's grid in a frame that scrolls sideways when it is wide. */
static GtkWidget *
new_table_view (const SheetStyle        *style,
                const EscaleReportTable *table)
{
  GtkWidget *grid = new_table_grid ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  guint shown = MIN (table->rows->len, ESCALE_REPORT_PREVIEW_MAX_ROWS);

  gtk_widget_set_direction (grid, style->direction);
  attach_headers (GTK_GRID (grid), style, table);
  for (guint r = 0; r < shown; r++)
    attach_row (GTK_GRID (grid), style, table, g_ptr_array_index (table->rows, r), r + 1);
  if (table->total_row)
    attach_total_row (GTK_GRID (grid), style, table, shown + 1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_halign (scrolled, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

static GtkWidget *
new_caption (const SheetStyle *style,
             const char       *text)
{
  GtkWidget *label = new_text (style, text);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
add_table (EscaleReportPreview     *self,
           const SheetStyle        *style,
           const EscaleReportTable *table)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (table->title != NULL)
    {
      GtkWidget *title = new_text (style, table->title);

      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);
    }
  gtk_box_append (GTK_BOX (box), new_table_view (style, table));
  if (table->rows->len > ESCALE_REPORT_PREVIEW_MAX_ROWS)
    {
      guint more = table->rows->len - ESCALE_REPORT_PREVIEW_MAX_ROWS;
      g_autofree char *text =
        /* Translators: under a table of a report's preview, which shows its first rows */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more row in the file",
                                      "%u more rows in the file", more), more);

      gtk_box_append (GTK_BOX (box), new_caption (style, text));
    }
  if (table->note != NULL)
    gtk_box_append (GTK_BOX (box), new_caption (style, table->note));
  gtk_box_append (self->sheet_box, box);
}

/* Helpers: a sheet */

static void
add_lines (EscaleReportPreview     *self,
           const SheetStyle        *style,
           const EscaleReportSheet *sheet)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_set_direction (grid, style->direction);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; i < sheet->lines->len; i++)
    {
      const EscaleReportCell *line = g_ptr_array_index (sheet->lines, i);
      g_autofree char *label = escale_report_cell_format (NULL, &line[0]);
      g_autofree char *value = escale_report_cell_format (NULL, &line[1]);
      GtkWidget *name = new_text (style, label);

      gtk_widget_add_css_class (name, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), name, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), new_text (style, value), 1, i, 1, 1);
    }
  gtk_box_append (self->sheet_box, grid);
}

static void
clear_sheet (EscaleReportPreview *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sheet_box))) != NULL)
    gtk_box_remove (self->sheet_box, child);
}

static void
show_sheet (EscaleReportPreview     *self,
            const EscaleReportSheet *sheet)
{
  SheetStyle style = {
    sheet->right_to_left ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR,
    self->report->total_label,
  };

  clear_sheet (self);
  gtk_widget_set_direction (GTK_WIDGET (self->sheet_box), style.direction);
  if (sheet->lines->len > 0)
    add_lines (self, &style, sheet);
  for (guint t = 0; t < sheet->tables->len; t++)
    add_table (self, &style, g_ptr_array_index (sheet->tables, t));
  g_free (self->sheet_name);
  self->sheet_name = g_strdup (sheet->name);
}

static guint
find_sheet (EscaleReport *report,
            const char   *name)
{
  for (guint i = 0; name != NULL && i < report->sheets->len; i++)
    {
      EscaleReportSheet *sheet = g_ptr_array_index (report->sheets, i);

      if (g_strcmp0 (sheet->name, name) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Callbacks */

static void
on_sheet_selected_cb (EscaleReportPreview *self)
{
  guint selected = gtk_drop_down_get_selected (self->sheet_dropdown);

  if (self->report == NULL || selected >= self->report->sheets->len)
    {
      clear_sheet (self);
      return;
    }
  show_sheet (self, g_ptr_array_index (self->report->sheets, selected));
}

/* GObject overrides */

static void
escale_report_preview_dispose (GObject *object)
{
  EscaleReportPreview *self = ESCALE_REPORT_PREVIEW (object);

  g_clear_pointer (&self->report, escale_report_free);

  G_OBJECT_CLASS (escale_report_preview_parent_class)->dispose (object);
}

static void
escale_report_preview_finalize (GObject *object)
{
  EscaleReportPreview *self = ESCALE_REPORT_PREVIEW (object);

  g_free (self->sheet_name);

  G_OBJECT_CLASS (escale_report_preview_parent_class)->finalize (object);
}

static void
escale_report_preview_class_init (EscaleReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_report_preview_dispose;
  object_class->finalize = escale_report_preview_finalize;
}

static void
escale_report_preview_init (EscaleReportPreview *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_("Sheet"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);

  self->sheet_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->sheet_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->sheet_dropdown));
  gtk_box_append (GTK_BOX (self), header);
  g_signal_connect_swapped (self->sheet_dropdown, "notify::selected",
                            G_CALLBACK (on_sheet_selected_cb), self);

  self->sheet_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->sheet_box));
}

/* Public API */

GtkWidget *
escale_report_preview_new (void)
{
  return g_object_new (ESCALE_TYPE_REPORT_PREVIEW, NULL);
}

/**
 * escale_report_preview_set_report:
 * @report: (transfer full) (nullable): the report to show
 */
void
escale_report_preview_set_report (EscaleReportPreview *self,
                                  EscaleReport        *report)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *shown = NULL;
  guint selected;

  g_return_if_fail (ESCALE_IS_REPORT_PREVIEW (self));

  shown = g_strdup (self->sheet_name);
  g_clear_pointer (&self->report, escale_report_free);
  self->report = report;
  for (guint i = 0; report != NULL && i < report->sheets->len; i++)
    gtk_string_list_append (names, ((EscaleReportSheet *) g_ptr_array_index (report->sheets,
                                                                            i))->name);
  selected = report ? find_sheet (report, shown) : GTK_INVALID_LIST_POSITION;
  g_signal_handlers_block_by_func (self->sheet_dropdown, on_sheet_selected_cb, self);
  gtk_drop_down_set_model (self->sheet_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->sheet_dropdown, selected != GTK_INVALID_LIST_POSITION
                                                    ? selected : 0);
  g_signal_handlers_unblock_by_func (self->sheet_dropdown, on_sheet_selected_cb, self);
  on_sheet_selected_cb (self);
}

/**
 * escale_report_preview_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown
 */
EscaleReport *
escale_report_preview_get_report (EscaleReportPreview *self)
{
  g_return_val_if_fail (ESCALE_IS_REPORT_PREVIEW (self), NULL);
  return self->report;
}

const char *
escale_report_preview_get_sheet (EscaleReportPreview *self)
{
  g_return_val_if_fail (ESCALE_IS_REPORT_PREVIEW (self), NULL);
  return self->report != NULL ? self->sheet_name : NULL;
}

gboolean
escale_report_preview_show_sheet (EscaleReportPreview *self,
                                  const char          *name)
{
  guint index;

  g_return_val_if_fail (ESCALE_IS_REPORT_PREVIEW (self), FALSE);

  if (self->report == NULL ||
      (index = find_sheet (self->report, name)) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->sheet_dropdown, index);
  return TRUE;
}
