/* escale-audit-window.c — the audit log, for administrators
 *
 * Each change of a filter queries the store again (escale_audit_list());
 * the list shows at most the newest ESCALE_AUDIT_WINDOW_LIMIT entries in a
 * GtkColumnView. Days typed in the filters are local days, turned into UTC
 * bounds, since the log keeps UTC times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "escale-account.h"
#include "escale-audit-item.h"
#include "escale-audit-window.h"
#include "escale-audit.h"
#include "escale-date.h"
#include "escale-language.h"
#include "escale-ui-util.h"

typedef enum {
  COLUMN_WHEN,
  COLUMN_LOGIN,
  COLUMN_OPERATION,
  COLUMN_RECORD,
  COLUMN_SUMMARY,
  N_COLUMNS,
} Column;

#define COLUMN_KEY "escale-audit-column"

struct _EscaleAuditWindow
{
  AdwWindow             parent_instance;

  EscaleStore          *store;
  GListStore           *entries;
  GtkFileChooserNative *chooser;

  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *login_filter;
  GtkDropDown          *operation_filter;
  GtkDropDown          *entity_filter;
  GtkEntry             *from_entry;
  GtkEntry             *to_entry;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  GtkLabel             *status_label;
};

G_DEFINE_FINAL_TYPE (EscaleAuditWindow, escale_audit_window, ADW_TYPE_WINDOW)

typedef struct
{
  const char *code;
  const char *context;
  const char *msgid;
} Label;

/* The operations the store records (escale-audit.h). */
static const Label operations[] = {
  { "create", "audit operation", NC_("audit operation", "Created") },
  { "update", "audit operation", NC_("audit operation", "Changed") },
  { "delete", "audit operation", NC_("audit operation", "Deleted") },
  { "open", "audit operation", NC_("audit operation", "Opened") },
  { "export", "audit operation", NC_("audit operation", "Exported") },
  { "report", "audit operation", NC_("audit operation", "Report") },
  { "login", "audit operation", NC_("audit operation", "Logged in") },
  { "login_failed", "audit operation", NC_("audit operation", "Failed login") },
  { "erase", "audit operation", NC_("audit operation", "Erased") },
  { "anonymise", "audit operation", NC_("audit operation", "Anonymised") },
  { "purge", "audit operation", NC_("audit operation", "Log purged") },
};

/* The records most often looked for: the tables of escale-schema.c. */
static const Label entities[] = {
  { "person", "audit record", NC_("audit record", "Person’s file") },
  { "action", "audit record", NC_("audit record", "Action") },
  { "household", "audit record", NC_("audit record", "Household") },
  { "status_period", "audit record", NC_("audit record", "Administrative status") },
  { "enrolment", "audit record", NC_("audit record", "Enrolment") },
  { "referral", "audit record", NC_("audit record", "Referral") },
  { "consent_record", "audit record", NC_("audit record", "Consent") },
  { "partner", "audit record", NC_("audit record", "Partner") },
  { "programme", "audit record", NC_("audit record", "Programme") },
  { "app_user", "audit record", NC_("audit record", "Account") },
  { "setting", "audit record", NC_("audit record", "Setting") },
  { "vocabulary", "audit record", NC_("audit record", "Vocabulary") },
  { "audit_log", "audit record", NC_("audit record", "Audit log") },
};

/* Helpers */

static const char *
translate (const Label *labels,
           guint        n_labels,
           const char  *code)
{
  for (guint i = 0; code != NULL && i < n_labels; i++)
    if (g_str_equal (labels[i].code, code))
      return g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].msgid);
  return code;
}

static void
setup_labelled_dropdown (GtkDropDown *dropdown,
                         const Label *labels,
                         guint        n_labels,
                         const char  *none_label)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < n_labels; i++)
    {
      g_ptr_array_add (codes, (gpointer) labels[i].code);
      g_ptr_array_add (names, (gpointer) g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context,
                                                       labels[i].msgid));
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (names, NULL);
  escale_code_dropdown_setup (dropdown, (const char * const *) codes->pdata,
                              (const char * const *) names->pdata, none_label);
}

static void
setup_logins (EscaleAuditWindow *self)
{
  g_autoptr(GPtrArray) accounts = escale_store_list_accounts (self->store, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const EscaleAccount *account = g_ptr_array_index (accounts, i);

      g_ptr_array_add (codes, account->login);
      g_ptr_array_add (names, g_strdup (account->login));
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (names, NULL);
  escale_code_dropdown_setup (self->login_filter, (const char * const *) codes->pdata,
                              (const char * const *) names->pdata, _("Any account"));
}

/* The UTC bound of the local day typed in @entry: its first second, or
 * with @end its last. FALSE, with the message at the entry, when it is not
 * a day; TRUE and NULL when blank. */
static gboolean
read_day (GtkEntry  *entry,
          gboolean   end,
          char     **bound)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int year, month, day;

  *bound = NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return TRUE;
  iso = escale_date_parse (text, NULL, &error);
  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      if (error != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      return FALSE;
    }
  local = end ? g_date_time_new_local (year, month, day, 23, 59, 59)
              : g_date_time_new_local (year, month, day, 0, 0, 0);
  utc = g_date_time_to_utc (local);
  *bound = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;
}

/* What the filters say; the days as UTC bounds. */
typedef struct
{
  const char *login;
  const char *operation;
  const char *entity;
  char       *from;
  char       *to;
} Filters;

static void
filters_clear (Filters *filters)
{
  g_free (filters->from);
  g_free (filters->to);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filters, filters_clear)

/* FALSE when a day is wrong: both are read, each marked when it is. */
static gboolean
read_filters (EscaleAuditWindow *self,
              Filters           *filters)
{
  gboolean days_ok = read_day (self->from_entry, FALSE, &filters->from);

  if (!read_day (self->to_entry, TRUE, &filters->to))
    days_ok = FALSE;
  filters->login = escale_code_dropdown_get_code (self->login_filter);
  filters->operation = escale_code_dropdown_get_code (self->operation_filter);
  filters->entity = escale_code_dropdown_get_code (self->entity_filter);
  return days_ok;
}

/* “12/03/2026 14:05:33”, in local time. */
static char *
format_when (const char *at)
{
  g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return g_strdup (at ? at : "");
  local = g_date_time_to_local (utc);
  iso = g_date_time_format (local, "%Y-%m-%d");
  time = g_date_time_format (local, "%H:%M:%S");
  day = escale_format_date (iso);
  return g_strdup_printf ("%s %s", day, time);
}

static char *
format_record (const EscaleAuditEntry *entry)
{
  const char *kind = translate (entities, G_N_ELEMENTS (entities), entry->entity);

  if (kind == NULL)
    return g_strdup ("");
  if (entry->entity_id == 0)
    return g_strdup (kind);
  /* Translators: a record in the audit log: its kind and number, "Action 1042" */
  return g_strdup_printf (_("%s %" G_GINT64_FORMAT), kind, entry->entity_id);
}

static char *
column_text (const EscaleAuditEntry *entry,
             Column                  column)
{
  switch (column)
    {
    case COLUMN_WHEN:
      return format_when (entry->at);
    case COLUMN_LOGIN:
      /* Translators: in the audit log, what Escale did by itself, without
       * anyone logged in */
      return g_strdup (entry->login && *entry->login ? entry->login : C_("audit", "System"));
    case COLUMN_OPERATION:
      return g_strdup (translate (operations, G_N_ELEMENTS (operations), entry->operation));
    case COLUMN_RECORD:
      return format_record (entry);
    case COLUMN_SUMMARY:
    case N_COLUMNS:
    default:
      return g_strdup (entry->summary ? entry->summary : "");
    }
}

static void
show_status (EscaleAuditWindow *self,
             guint              n_entries)
{
  g_autofree char *text = NULL;

  if (n_entries >= ESCALE_AUDIT_WINDOW_LIMIT)
    text = g_strdup_printf (_("The newest %u entries: narrow the filters to see older ones"),
                            n_entries);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_entries),
                            n_entries);
  gtk_label_set_label (self->status_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n_entries > 0 ? "list" : "empty");
}

static void
toast_error (EscaleAuditWindow *self,
             const GError      *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Callbacks */

static void
on_filter_changed_cb (EscaleAuditWindow *self)
{
  if (self->store != NULL)
    escale_audit_window_reload (self);
}

static void
on_setup_cell_cb (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
                  GtkListItem                            *item,
                  gpointer                                data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_UINT (data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (column == COLUMN_SUMMARY)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cell_cb (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
                 GtkListItem                            *item,
                 gpointer                                data)
{
  EscaleAuditItem *audit_item = gtk_list_item_get_item (item);
  const EscaleAuditEntry *entry = escale_audit_item_get_entry (audit_item);
  g_autofree char *text = column_text (entry, GPOINTER_TO_UINT (data));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (GPOINTER_TO_UINT (data) == COLUMN_SUMMARY)
    gtk_widget_set_tooltip_text (label, *text ? text : NULL);
}

static void
on_export_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       EscaleAuditWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);
  if (path != NULL && !escale_audit_window_export (self, path, &error))
    toast_error (self, error);
}

/* Actions */

static void
export_action (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               G_GNUC_UNUSED GVariant   *parameter)
{
  EscaleAuditWindow *self = ESCALE_AUDIT_WINDOW (widget);
  g_autofree char *today = escale_date_today ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Audit Log"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  /* Translators: the name offered for the exported audit log; %s is a date */
  name = g_strdup_printf (_("audit-log-%s.csv"), today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
verify_action (GtkWidget                *widget,
               G_GNUC_UNUSED const char *action_name,
               G_GNUC_UNUSED GVariant   *parameter)
{
  escale_audit_window_verify (ESCALE_AUDIT_WINDOW (widget));
}

/* Building */

static void
add_column (EscaleAuditWindow *self,
            Column             column,
            const char        *title,
            gboolean           expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
setup_columns (EscaleAuditWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  /* Translators: a column of the audit log */
  add_column (self, COLUMN_WHEN, C_("audit column", "When"), FALSE);
  /* Translators: a column of the audit log: who did it */
  add_column (self, COLUMN_LOGIN, C_("audit column", "Account"), FALSE);
  /* Translators: a column of the audit log: what was done */
  add_column (self, COLUMN_OPERATION, C_("audit column", "Operation"), FALSE);
  /* Translators: a column of the audit log: the record it was done to */
  add_column (self, COLUMN_RECORD, C_("audit column", "Record"), FALSE);
  /* Translators: a column of the audit log: the fields changed, or a reason */
  add_column (self, COLUMN_SUMMARY, C_("audit column", "Details"), TRUE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

/* GObject overrides */

static void
escale_audit_window_dispose (GObject *object)
{
  EscaleAuditWindow *self = ESCALE_AUDIT_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_audit_window_parent_class)->dispose (object);
}

static void
escale_audit_window_class_init (EscaleAuditWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = escale_audit_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/escale/Escale/admin/"
                                               "escale-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, login_filter);
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, operation_filter);
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, entity_filter);
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, EscaleAuditWindow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_action);
}

static void
escale_audit_window_init (EscaleAuditWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_list_store_new (ESCALE_TYPE_AUDIT_ITEM);
  setup_columns (self);
  setup_labelled_dropdown (self->operation_filter, operations, G_N_ELEMENTS (operations),
                           _("Any operation"));
  setup_labelled_dropdown (self->entity_filter, entities, G_N_ELEMENTS (entities),
                           _("Any record"));
}

/* Public API */

/**
 * escale_audit_window_new:
 * @parent: (nullable): the window it is transient for
 *
 * Returns: (transfer none): the window, listing the newest entries; not
 *   presented
 */
EscaleAuditWindow *
escale_audit_window_new (GtkWindow   *parent,
                         EscaleStore *store)
{
  EscaleAuditWindow *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_AUDIT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  setup_logins (self);
  escale_audit_window_reload (self);
  return self;
}

void
escale_audit_window_reload (EscaleAuditWindow *self)
{
  g_auto(Filters) filters = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ESCALE_IS_AUDIT_WINDOW (self));

  /* A wrong day is marked; the list stays as it was meanwhile. */
  if (!read_filters (self, &filters))
    return;
  entries = escale_audit_list (self->store, filters.login, filters.operation, filters.entity,
                               filters.from, filters.to, ESCALE_AUDIT_WINDOW_LIMIT, &error);
  if (entries == NULL)
    {
      toast_error (self, error);
      g_list_store_remove_all (self->entries);
      show_status (self, 0);
      return;
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  /* The items take the entries. */
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (items, escale_audit_item_new (g_ptr_array_index (entries, i)));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  show_status (self, items->len);
}

/**
 * escale_audit_window_get_entries:
 *
 * Returns: (transfer none): the entries listed, as #EscaleAuditItem
 */
GListModel *
escale_audit_window_get_entries (EscaleAuditWindow *self)
{
  g_return_val_if_fail (ESCALE_IS_AUDIT_WINDOW (self), NULL);
  return G_LIST_MODEL (self->entries);
}

GtkWidget *
escale_audit_window_get_filter (EscaleAuditWindow *self,
                                EscaleAuditFilter  which)
{
  g_return_val_if_fail (ESCALE_IS_AUDIT_WINDOW (self), NULL);

  switch (which)
    {
    case ESCALE_AUDIT_FILTER_LOGIN:
      return GTK_WIDGET (self->login_filter);
    case ESCALE_AUDIT_FILTER_OPERATION:
      return GTK_WIDGET (self->operation_filter);
    case ESCALE_AUDIT_FILTER_ENTITY:
      return GTK_WIDGET (self->entity_filter);
    case ESCALE_AUDIT_FILTER_FROM:
      return GTK_WIDGET (self->from_entry);
    case ESCALE_AUDIT_FILTER_TO:
      return GTK_WIDGET (self->to_entry);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
escale_audit_window_export (EscaleAuditWindow  *self,
                            const char         *path,
                            GError            **error)
{
  g_auto(Filters) filters = { 0 };

  g_return_val_if_fail (ESCALE_IS_AUDIT_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A wrong day counts as none. */
  read_filters (self, &filters);
  if (!escale_audit_export_csv_filtered (self->store, filters.login, filters.operation,
                                         filters.entity, filters.from, filters.to, path, error))
    return FALSE;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Audit log exported")));
  /* The export is an entry of its own. */
  escale_audit_window_reload (self);
  return TRUE;
}

/**
 * escale_audit_window_verify:
 *
 * Returns: (transfer none): the message dialog saying the result, presented
 */
AdwMessageDialog *
escale_audit_window_verify (EscaleAuditWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (ESCALE_IS_AUDIT_WINDOW (self), NULL);

  if (escale_audit_verify (self->store, &error))
    dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Log Is Intact"),
                                     _("No entry was changed or deleted since it was written, "
                                       "except by the purges of old entries."));
  else
    dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Log Was Tampered With"),
                                     error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
