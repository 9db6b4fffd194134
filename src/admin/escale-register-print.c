/* escale-register-print.c — the printed register entry of Escale's processing (GDPR article 30)
 *
 * Article 30 of the GDPR asks the association to keep a record of each
 * processing of personal data. Escale prints its entry for the follow-up
 * of the people, from what it knows: the association, the fields marked
 * sensitive in the schema, the retention periods and the accounts. What
 * the association adds by hand (its data protection contact, other
 * processing) stays on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-crypt.h"
#include "escale-date.h"
#include "escale-print-util.h"
#include "escale-privacy.h"
#include "escale-register-print.h"
#include "escale-rights.h"
#include "escale-report-settings.h"
#include "escale-ui-util.h"

#define SIDE_WIDTH 0.0

/* Helpers */

static void
add_section (EscalePrintDoc *doc,
             const char     *heading,
             const char     *text)
{
  escale_print_doc_add_text (doc, ESCALE_PRINT_HEADING, heading);
  escale_print_doc_add (doc, ESCALE_PRINT_PARAGRAPH, NULL, escale_print_isolate_lines (text));
}

static char *
describe_controller (EscaleStore *store)
{
  g_autoptr(EscaleReportSettings) settings = escale_report_settings_load (store, NULL);
  g_autofree char *address = escale_store_get_setting (store, ESCALE_SETTING_ASSOCIATION_ADDRESS);
  const char *name = settings && *settings->association ? settings->association
                                                         : _("The association (name not set)");

  if (address == NULL || *address == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%s\n%s", name, address);
}

static char *
describe_sensitive (EscaleStore *store)
{
  g_auto(GStrv) categories = escale_store_list_sensitive_categories (store, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) escale_sensitive_category_label (categories[i]));
  if (labels->len == 0)
    return g_strdup (_("No field is marked as sensitive."));
  g_ptr_array_add (labels, NULL);
  list = g_strjoinv (", ", (GStrv) labels->pdata);
  /* Translators: in the register of processing; %s lists categories, like
   * "Health, Legal proceedings" */
  return g_strdup_printf (_("Sensitive data, always optional and hidden from the roles that "
                            "may not see it: %s."), list);
}

/* “2 administrators, 3 staff members, 5 volunteers”. */
static char *
count_accounts (EscaleStore *store)
{
  g_autoptr(GPtrArray) accounts = escale_store_list_accounts (store, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint counts[ESCALE_ROLE_NONE + 1] = { 0 };

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const EscaleAccount *account = g_ptr_array_index (accounts, i);

      if (account->active && account->role <= ESCALE_ROLE_NONE)
        counts[account->role]++;
    }
  if (counts[ESCALE_ROLE_ADMINISTRATOR] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u administrator",
                                                          "%u administrators",
                                                          counts[ESCALE_ROLE_ADMINISTRATOR]),
                                             counts[ESCALE_ROLE_ADMINISTRATOR]));
  if (counts[ESCALE_ROLE_STAFF] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u staff member",
                                                          "%u staff members",
                                                          counts[ESCALE_ROLE_STAFF]),
                                             counts[ESCALE_ROLE_STAFF]));
  if (counts[ESCALE_ROLE_VOLUNTEER] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u volunteer",
                                                          "%u volunteers",
                                                          counts[ESCALE_ROLE_VOLUNTEER]),
                                             counts[ESCALE_ROLE_VOLUNTEER]));
  if (counts[ESCALE_ROLE_TREASURER] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u treasurer",
                                                          "%u treasurers",
                                                          counts[ESCALE_ROLE_TREASURER]),
                                             counts[ESCALE_ROLE_TREASURER]));
  if (parts->len == 0)
    return g_strdup (_("No account yet: anyone who opens the database sees everything."));
  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (GStrv) parts->pdata);

    /* Translators: in the register of processing; %s counts the accounts by
     * role, like "1 administrator, 4 volunteers" */
    return g_strdup_printf (_("Personal accounts, each with its own password (hashed with "
                              "Argon2id, never kept in clear): %s."), list);
  }
}

static char *
describe_security (EscaleStore *store)
{
  g_autofree char *accounts = count_accounts (store);
  const char *path = escale_store_get_path (store);
  gboolean encrypted = path != NULL && escale_crypt_is_encrypted (path);
  g_autofree char *lockout = NULL;

  /* Translators: in the register of processing */
  lockout = g_strdup_printf (_("An account is locked for %d minutes after %d failed logins."),
                             ESCALE_LOCKOUT_MINUTES, ESCALE_LOCKOUT_ATTEMPTS);
  return g_strjoin ("\n", accounts,
                    _("Roles: administrators manage the accounts and settings; staff see "
                      "every file; volunteers see identity, contact and the follow-up, "
                      "without confidential notes or sensitive details; treasurers see "
                      "figures only."),
                    lockout,
                    _("An append-only audit log, each entry chained to the previous one "
                      "by a hash, records every creation, change and deletion, every "
                      "opening of a file, export, report and login, without the sensitive "
                      "values."),
                    encrypted ? _("The database, its journal and its backups are encrypted "
                                  "(XChaCha20-Poly1305, key derived from a passphrase with "
                                  "Argon2id).")
                              : _("The database is not encrypted by Escale: keep it on an "
                                  "encrypted disk."),
                    NULL);
}

static char *
describe_retention (EscaleStore *store)
{
  guint files = escale_store_get_retention_months (store);
  guint audit = escale_store_get_audit_retention (store);
  g_autofree char *file_text = NULL;
  g_autofree char *audit_text = NULL;

  /* Translators: in the register of processing */
  file_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "A file is reviewed %u month after the last contact "
                                            "with the person, then anonymised (only what the "
                                            "reports need is kept) or deleted.",
                                            "A file is reviewed %u months after the last contact "
                                            "with the person, then anonymised (only what the "
                                            "reports need is kept) or deleted.", files),
                               files);
  /* Translators: in the register of processing */
  audit_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The audit log keeps its entries %u month.",
                                             "The audit log keeps its entries %u months.",
                                             audit),
                                audit);
  return g_strjoin ("\n", file_text, audit_text, NULL);
}

static EscalePrintDoc *
build_register (EscaleStore *store)
{
  EscalePrintDoc *doc = escale_print_doc_new (gtk_widget_get_default_direction (), SIDE_WIDTH);
  g_autofree char *today = escale_date_today ();
  g_autofree char *day = escale_print_format_long_day (today);
  g_autofree char *subtitle = NULL;
  g_autofree char *controller = describe_controller (store);
  g_autofree char *sensitive = describe_sensitive (store);
  g_autofree char *data = NULL;
  g_autofree char *retention = describe_retention (store);
  g_autofree char *security = describe_security (store);

  /* Translators: the title of the printed register entry (GDPR article 30) */
  escale_print_doc_add_text (doc, ESCALE_PRINT_TITLE, _("Record of Processing Activities"));
  /* Translators: under the title of the register entry; %s is a day */
  subtitle = g_strdup_printf (_("GDPR article 30 · The follow-up of the people the association "
                                "welcomes, with Escale · %s"), day);
  escale_print_doc_add_text (doc, ESCALE_PRINT_SUBTITLE, subtitle);
  add_section (doc, _("Controller"), controller);
  add_section (doc, _("Purposes"),
               _("Welcoming, orienting and following over time the people who come to the "
                 "association; referring them to partner organisations; planning their "
                 "appointments; reporting figures to the funders, without names."));
  add_section (doc, _("Categories of People"),
               _("The people welcomed and followed, and the members of their households.\n"
                 "The association’s workers and volunteers, through their accounts."));
  data = g_strjoin ("\n",
                    _("Identity (names, sex, birth date), contact details, administrative "
                      "situation and its documents, household, languages, follow-up actions "
                      "and their notes, enrolments in programmes, referrals, consent "
                      "records."),
                    sensitive, NULL);
  add_section (doc, _("Categories of Data"), data);
  add_section (doc, _("Recipients"),
               _("The association’s staff and volunteers, each according to their role.\n"
                 "Partner organisations, only for the people who consented to sharing with "
                 "partners.\n"
                 "Funders receive figures only, never names."));
  add_section (doc, _("Retention Periods"), retention);
  add_section (doc, _("Security Measures"), security);
  add_section (doc, _("Rights of the People"),
               _("Access and copy (export of a file as JSON), rectification, erasure, "
                 "withdrawal of consent; an information notice in the person’s language "
                 "is printed from their file."));
  escale_print_doc_set_footer (doc, _("Record of processing activities"));
  return doc;
}

/* Public API */

/**
 * escale_register_print_new:
 *
 * Returns: (transfer full) (nullable): the print operation, or %NULL with
 *   @error set when the role may not change the settings
 */
GtkPrintOperation *
escale_register_print_new (EscaleStore  *store,
                           GError      **error)
{
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!escale_store_require (store, ESCALE_OP_SETTINGS, error))
    return NULL;
  /* Translators: the name of a print job */
  return escale_print_doc_operation (build_register (store), _("Record of processing"));
}

gboolean
escale_register_export_pdf (EscaleStore  *store,
                            const char   *path,
                            GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  operation = escale_register_print_new (store, error);
  return operation != NULL && escale_print_export_pdf (operation, path, error);
}

void
escale_register_print (GtkWidget   *widget,
                       EscaleStore *store)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  operation = escale_register_print_new (store, &error);
  if (operation != NULL &&
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  /* Translators: %s says why */
  message = g_strdup_printf (_("The register entry could not be printed: %s"), error->message);
  escale_add_toast (widget, adw_toast_new (message));
}
