/* escale-import-dialog.c — importing records from a spreadsheet, in steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-import-dialog.h"
#include "escale-import-job.h"
#include "escale-language.h"
#include "escale-ui-util.h"
#include "escale-window.h"

struct _EscaleImportDialog
{
  AdwWindow             parent_instance;

  EscaleStore          *store;
  EscaleImportKind      kind;
  GFile                *file;          /* the file chosen, or NULL */
  GCancellable         *cancellable;   /* of the job running, or NULL */
  GtkFileChooserNative *chooser;
  GtkStringList        *problems;
  GPtrArray            *note_rows;     /* AdwActionRow, in notes_group */
  gboolean              importing;

  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkButton            *choose_button;
  GtkWidget            *file_bar;
  GtkLabel             *file_label;
  GtkStack             *stack;
  AdwComboRow          *kind_row;
  GtkLabel             *columns_label;
  AdwStatusPage        *busy_page;
  GtkLabel             *problems_summary;
  GtkWidget            *problems_scroll;
  GtkListView          *problems_view;
  AdwStatusPage        *plan_page;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *notes_group;
};

G_DEFINE_FINAL_TYPE (EscaleImportDialog, escale_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* Shows the step @name, with the header's buttons it has. */
static void
show_step (EscaleImportDialog *self,
           const char         *name)
{
  gboolean choose = g_str_equal (name, "choose");
  gboolean busy = g_str_equal (name, "busy");
  gboolean plan = g_str_equal (name, "plan");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->file_bar, !choose);
  gtk_widget_set_visible (GTK_WIDGET (self->choose_button), !busy);
  gtk_button_set_label (self->choose_button,
                        choose ? _("_Choose File…") : _("Choose _Another File…"));
  if (plan)
    gtk_widget_remove_css_class (GTK_WIDGET (self->choose_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->choose_button), "suggested-action");
  gtk_widget_set_visible (self->import_button, plan);
  gtk_window_set_default_widget (GTK_WINDOW (self), plan ? self->import_button
                                                         : GTK_WIDGET (self->choose_button));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", !self->importing);
  adw_window_title_set_subtitle (self->window_title,
                                 choose ? "" : escale_import_kind_label (self->kind));
}

static void
show_columns (EscaleImportDialog *self)
{
  g_autofree char *text = escale_import_kind_describe_columns (self->kind);

  gtk_label_set_text (self->columns_label, text);
}

static void
show_busy (EscaleImportDialog *self,
           const char         *title,
           const char         *description)
{
  adw_status_page_set_title (self->busy_page, title);
  adw_status_page_set_description (self->busy_page, description);
  show_step (self, "busy");
}

/* Starts the job of @dry_run on the file chosen. */
static void
start_job (EscaleImportDialog  *self,
           gboolean             dry_run,
           GAsyncReadyCallback  callback)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  escale_import_job_async (self->store, self->kind, self->file, dry_run, self->cancellable,
                           callback, g_object_ref (self));
}

/* Each problem on a line of its own, starting in the interface's direction. */
static void
show_problems (EscaleImportDialog       *self,
               const EscaleImportReport *report)
{
  guint n = report->problems->len;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = escale_import_problem_to_string (g_ptr_array_index (report->problems,
                                                                                   i));
      g_autofree char *line = g_strconcat (escale_direction_mark (), text, NULL);

      g_strv_builder_add (builder, line);
    }
  lines = g_strv_builder_end (builder);
  gtk_string_list_splice (self->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char * const *) lines);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u problem: nothing was imported. Correct the file "
                                          "and choose it again.",
                                          "%u problems: nothing was imported. Correct the file "
                                          "and choose it again.", n), n);
  gtk_label_set_text (self->problems_summary, summary);
  gtk_widget_set_visible (self->problems_scroll, TRUE);
  show_step (self, "problems");
}

/* A file that could not be checked at all: the reason instead of problems. */
static void
show_check_error (EscaleImportDialog *self,
                  const GError       *error)
{
  gtk_label_set_text (self->problems_summary, error->message);
  gtk_widget_set_visible (self->problems_scroll, FALSE);
  show_step (self, "problems");
}

static void
clear_notes (EscaleImportDialog *self)
{
  for (guint i = 0; i < self->note_rows->len; i++)
    adw_preferences_group_remove (self->notes_group, g_ptr_array_index (self->note_rows, i));
  g_ptr_array_set_size (self->note_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);
}

static void
add_note (EscaleImportDialog *self,
          const char         *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-information-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->notes_group, row);
  g_ptr_array_add (self->note_rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), TRUE);
}

static void
add_unknown_columns_note (EscaleImportDialog       *self,
                          const EscaleImportReport *report)
{
  guint n = report->unknown_columns->len;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *columns = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (report->unknown_columns, i));
  columns = escale_isolate (list->str);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is a column of the file's header */
                                       "Column %s is not known: it will be ignored.",
                                       /* Translators: %s is a list of columns of the file's
                                        * header, such as “shoe_size, remarks” */
                                       "Columns %s are not known: they will be ignored.", n),
                          columns);
  add_note (self, text);
}

/* What the check noticed without stopping the import. */
static void
show_notes (EscaleImportDialog       *self,
            const EscaleImportReport *report)
{
  clear_notes (self);
  if (report->unknown_columns->len > 0)
    add_unknown_columns_note (self, report);
  if (report->from_windows_1252)
    add_note (self, _("The file is not UTF-8 text: it was read as Windows-1252, as older "
                      "versions of Excel save it. Check that accented letters look right."));
  if (report->n_sheets > 1)
    {
      g_autofree char *sheet = escale_isolate (report->sheet_name);
      /* Translators: %s is the name of the sheet of a workbook that will be read */
      g_autofree char *text = g_strdup_printf (_("Only the first sheet, “%s”, will be read."),
                                               sheet);

      add_note (self, text);
    }
}

static void
show_plan (EscaleImportDialog       *self,
           const EscaleImportReport *report)
{
  gboolean empty = report->created == 0 && report->updated == 0;
  g_autofree char *plan = escale_import_kind_describe_plan (self->kind, report);

  adw_status_page_set_title (self->plan_page,
                             empty ? _("Nothing to Import") : _("Ready to Import"));
  adw_status_page_set_description (self->plan_page,
                                   empty ? _("The file holds no records to import.") : plan);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_notes (self, report);
  show_step (self, "plan");
  gtk_widget_set_visible (self->import_button, !empty);
}

static void
show_file (EscaleImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *parse_name = g_file_get_parse_name (self->file);

  gtk_label_set_text (self->file_label, display);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), parse_name);
}

/* The import is done: said on the main window, whose pages read it. The
 * window is the one the dialog is over now (a change of language moves
 * dialogs to a new window). */
static void
finish_import (EscaleImportDialog       *self,
               const EscaleImportReport *report)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *text = escale_import_kind_describe_done (self->kind, report);

  if (ESCALE_IS_WINDOW (parent))
    {
      g_autofree char *markup = g_markup_escape_text (text, -1);

      escale_window_add_toast (ESCALE_WINDOW (parent), adw_toast_new (markup));
      escale_window_reload (ESCALE_WINDOW (parent));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_import_error (EscaleImportDialog *self,
                   const GError       *error)
{
  /* Translators: %s says why an import failed, such as “The disk is full” */
  g_autofree char *text = g_strdup_printf (_("The import failed and nothing was imported: %s"),
                                           error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  show_step (self, "plan");
}

/* Callbacks */

static void
on_check_done_cb (GObject      *source G_GNUC_UNUSED,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(EscaleImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleImportReport) report = escale_import_job_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (report == NULL)
    show_check_error (self, error);
  else if (report->problems->len > 0)
    show_problems (self, report);
  else
    show_plan (self, report);
}

static void
on_import_done_cb (GObject      *source G_GNUC_UNUSED,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(EscaleImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleImportReport) report = escale_import_job_finish (result, &error);

  self->importing = FALSE;
  g_clear_object (&self->cancellable);
  if (report == NULL)
    show_import_error (self, error);
  /* The file changed since it was checked. */
  else if (report->problems->len > 0)
    show_problems (self, report);
  else
    finish_import (self, report);
}

static void
on_kind_selected_cb (EscaleImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected < ESCALE_N_IMPORT_KINDS && selected != self->kind)
    escale_import_dialog_set_kind (self, selected);
}

static void
on_chooser_response_cb (EscaleImportDialog *self,
                        int                 response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser))) != NULL)
    escale_import_dialog_open_file (self, file);
  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooserNative *chooser,
            const char           *name,
            const char * const   *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

static void
choose_action (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleImportDialog *self = ESCALE_IMPORT_DIALOG (widget);
  static const char * const spreadsheets[] = { "*.csv", "*.CSV", "*.xlsx", "*.XLSX", NULL };
  static const char * const everything[] = { "*", NULL };

  /* Back to the first step: the kind can be changed if the chooser is left. */
  show_step (self, "choose");
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a File to Import"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filter (self->chooser, _("Spreadsheets and CSV files"), spreadsheets);
  add_filter (self->chooser, _("All files"), everything);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
run_action (GtkWidget                *widget,
            G_GNUC_UNUSED const char *action_name,
            G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleImportDialog *self = ESCALE_IMPORT_DIALOG (widget);

  if (self->file == NULL || self->importing)
    return;
  self->importing = TRUE;
  show_busy (self, _("Importing…"),
             _("Nothing is saved until the whole file is in: this may take a moment."));
  start_job (self, FALSE, on_import_done_cb);
}

static void
cancel_action (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               G_GNUC_UNUSED GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject overrides */

/* An import under way finishes, in one transaction, before the dialog
 * goes; a check is stopped. */
static gboolean
escale_import_dialog_close_request (GtkWindow *window)
{
  EscaleImportDialog *self = ESCALE_IMPORT_DIALOG (window);

  if (self->importing)
    return TRUE;
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (escale_import_dialog_parent_class)->close_request (window);
}

static void
escale_import_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EscaleImportDialog *self = ESCALE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_import_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EscaleImportDialog *self = ESCALE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      escale_import_dialog_set_kind (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_import_dialog_dispose (GObject *object)
{
  EscaleImportDialog *self = ESCALE_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->file);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (escale_import_dialog_parent_class)->dispose (object);
}

static void
escale_import_dialog_finalize (GObject *object)
{
  EscaleImportDialog *self = ESCALE_IMPORT_DIALOG (object);

  g_clear_object (&self->problems);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (escale_import_dialog_parent_class)->finalize (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/import/"
                                               "escale-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, file_bar);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, columns_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, problems_summary);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, problems_scroll);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, plan_page);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleImportDialog, notes_group);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
}

static void
escale_import_dialog_class_init (EscaleImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_import_dialog_dispose;
  object_class->finalize = escale_import_dialog_finalize;
  object_class->get_property = escale_import_dialog_get_property;
  object_class->set_property = escale_import_dialog_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = escale_import_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ESCALE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, ESCALE_N_IMPORT_KINDS - 1, ESCALE_IMPORT_PEOPLE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
escale_import_dialog_init (EscaleImportDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->note_rows = g_ptr_array_new ();
  self->problems = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)));
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));
  for (EscaleImportKind kind = 0; kind < ESCALE_N_IMPORT_KINDS; kind++)
    gtk_string_list_append (kinds, escale_import_kind_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, self->kind);
  show_columns (self);
  show_step (self, "choose");
}

/* Public API */

/**
 * escale_import_dialog_new:
 * @parent: (nullable): the main window, which shows the toast at the end
 * @kind: what the file holds, as first proposed
 *
 * Returns: (transfer none): a new dialog, not yet presented
 */
GtkWidget *
escale_import_dialog_new (GtkWindow        *parent,
                          EscaleStore      *store,
                          EscaleImportKind  kind)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < ESCALE_N_IMPORT_KINDS, NULL);

  return g_object_new (ESCALE_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "kind", kind,
                       NULL);
}

EscaleImportKind
escale_import_dialog_get_kind (EscaleImportDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_IMPORT_DIALOG (self), ESCALE_IMPORT_PEOPLE);
  return self->kind;
}

void
escale_import_dialog_set_kind (EscaleImportDialog *self,
                               EscaleImportKind    kind)
{
  g_return_if_fail (ESCALE_IS_IMPORT_DIALOG (self));
  g_return_if_fail (kind < ESCALE_N_IMPORT_KINDS);

  if (kind == self->kind)
    return;
  self->kind = kind;
  adw_combo_row_set_selected (self->kind_row, kind);
  show_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * escale_import_dialog_open_file:
 *
 * Takes @file as the file to import, and checks it in a worker thread:
 * the dialog shows its problems or what importing it will do.
 */
void
escale_import_dialog_open_file (EscaleImportDialog *self,
                                GFile              *file)
{
  g_return_if_fail (ESCALE_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->importing);

  g_set_object (&self->file, file);
  show_file (self);
  show_busy (self, _("Checking the File…"),
             _("Every line is read and checked. Nothing is imported yet."));
  start_job (self, TRUE, on_check_done_cb);
}

const char *
escale_import_dialog_get_step (EscaleImportDialog *self)
{
  g_return_val_if_fail (ESCALE_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
