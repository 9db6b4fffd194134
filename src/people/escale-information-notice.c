/* escale-information-notice.c — the notice printed for the person about their data and rights
 *
 * The GDPR (articles 13 and 14) asks that the person be told, in words
 * they understand, who keeps their data, why, for how long, and what their
 * rights are. Laid out like the slip (escale-person-slip.c): two columns
 * side by side, French on the left and the person's language on the
 * right, each text translated through a catalogue per column, never
 * through _(). Instead of a number of months, the notice gives the day the
 * file would be reviewed if the person were not seen again after today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-catalog.h"
#include "escale-date.h"
#include "escale-information-notice.h"
#include "escale-person-store.h"
#include "escale-print-util.h"
#include "escale-privacy.h"
#include "escale-report-settings.h"
#include "escale-rights.h"
#include "escale-slip.h"
#include "escale-ui-util.h"

#define MAX_COLUMNS 2

typedef struct
{
  EscalePrintDoc *doc;
  guint           n_columns;
  EscaleCatalog  *catalogs[MAX_COLUMNS];  /* French, then the person's language */
} Notice;

/* What the notice knows, the same in every column. */
typedef struct
{
  char *name;          /* "HADDAD Amina" */
  char *file_number;
  char *association;   /* "" when unset */
  char *address;       /* or NULL */
  char *today;
  char *review_day;    /* YYYY-MM-DD */
} Facts;

static void
facts_clear (Facts *facts)
{
  g_free (facts->name);
  g_free (facts->file_number);
  g_free (facts->association);
  g_free (facts->address);
  g_free (facts->today);
  g_free (facts->review_day);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

/* Helpers */

static const char *
tr (EscaleCatalog *catalog,
    const char    *msgid)
{
  return escale_catalog_pgettext (catalog, "notice", msgid);
}

/* Adds a block of @kind whose markup in each column @make gives. */
static void
add_block (Notice          *notice,
           EscalePrintKind  kind,
           char          *(*make) (EscaleCatalog *catalog,
                                   const Facts   *facts),
           const Facts     *facts)
{
  escale_print_doc_add (notice->doc, kind, NULL, make (notice->catalogs[0], facts));
  if (notice->n_columns > 1)
    escale_print_doc_add_beside (notice->doc, NULL, make (notice->catalogs[1], facts));
}

/* Adds the plain text @msgid (in the context "notice") translated in each
 * column, as a block of @kind. */
static void
add_translated (Notice          *notice,
                EscalePrintKind  kind,
                const char      *msgid)
{
  escale_print_doc_add (notice->doc, kind, NULL,
                        g_markup_escape_text (tr (notice->catalogs[0], msgid), -1));
  if (notice->n_columns > 1)
    escale_print_doc_add_beside (notice->doc, NULL,
                                 g_markup_escape_text (tr (notice->catalogs[1], msgid), -1));
}

/* The texts that hold a value */

static char *
make_title (EscaleCatalog *catalog,
            G_GNUC_UNUSED const Facts *facts)
{
  /* Translators: the title of the information notice printed for the
   * person, in French and in their language */
  return g_markup_escape_text (tr (catalog, NC_("notice", "Your Personal Data")), -1);
}

/* “For HADDAD Amina, file 2026-0142”, as on the slip. */
static char *
make_who (EscaleCatalog *catalog,
          const Facts   *facts)
{
  g_autofree char *name = g_strdup_printf (ESCALE_PRINT_ISOLATE ("%s"), facts->name);
  g_autofree char *number = g_strdup_printf (ESCALE_PRINT_ISOLATE ("%s"), facts->file_number);
  g_autofree char *text = g_strdup_printf (escale_catalog_gettext (catalog,
                                                                   N_("For %s, file %s")),
                                           name, number);

  return g_markup_escape_text (text, -1);
}

static char *
make_keeper (EscaleCatalog *catalog,
             const Facts   *facts)
{
  /* Translators: on the information notice; %s is the association's name */
  static const char named[] = NC_("notice", "%s keeps a file about you to welcome you, help "
                                  "you with your procedures and follow your situation over "
                                  "time. It is responsible for your data.");
  /* Translators: on the information notice, when the association has no name set */
  static const char unnamed[] = NC_("notice", "The association keeps a file about you to "
                                    "welcome you, help you with your procedures and follow "
                                    "your situation over time. It is responsible for your "
                                    "data.");
  g_autofree char *association = g_strdup_printf (ESCALE_PRINT_ISOLATE ("%s"),
                                                  facts->association);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *address = NULL;

  text = *facts->association ? g_strdup_printf (tr (catalog, named), association)
                             : g_strdup (tr (catalog, unnamed));
  markup = g_markup_escape_text (text, -1);
  if (facts->address == NULL)
    return g_steal_pointer (&markup);
  address = escale_print_isolate_lines (facts->address);
  return g_strdup_printf ("%s\n%s", markup, address);
}

/* The day on a line of its own, in bold: a day name starts it. */
static char *
make_retention (EscaleCatalog *catalog,
                const Facts   *facts)
{
  /* Translators: on the information notice, above a day in bold, like
   * “Friday 12 June 2028” */
  static const char msgid[] = NC_("notice", "If we have no contact with you after today, your "
                                  "file will be deleted or made anonymous from this day on. "
                                  "Figures without your name may be kept for the association’s "
                                  "reports.");
  g_autofree char *day = escale_slip_format_day (facts->review_day, catalog);

  return g_markup_printf_escaped ("%s\n<b>%s</b>", tr (catalog, msgid), day);
}

/* Building */

static gboolean
load_facts (EscaleStore  *store,
            gint64        person_id,
            Facts        *facts,
            GError      **error)
{
  g_autoptr(EscalePerson) person = escale_store_load_person (store, person_id, error);
  g_autoptr(EscaleReportSettings) settings = NULL;
  g_autoptr(GDate) review = NULL;
  char day[16];

  if (person == NULL)
    return FALSE;
  settings = escale_report_settings_load (store, NULL);
  facts->name = escale_format_person_name (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME),
                                           escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES));
  facts->file_number = g_strdup (escale_person_get (person, ESCALE_FIELD_FILE_NUMBER));
  facts->association = g_strdup (settings ? settings->association : "");
  facts->address = escale_store_get_setting (store, ESCALE_SETTING_ASSOCIATION_ADDRESS);
  if (facts->address != NULL && *g_strstrip (facts->address) == '\0')
    g_clear_pointer (&facts->address, g_free);
  facts->today = escale_date_today ();
  review = escale_date_to_gdate (facts->today);
  g_date_add_months (review, escale_store_get_retention_months (store));
  g_date_strftime (day, sizeof day, "%Y-%m-%d", review);
  facts->review_day = g_strdup (day);
  return TRUE;
}

/* Translators: the headings and paragraphs of the information notice
 * printed for the person, in French and in their language */
static const char heading_keeper[] = NC_("notice", "Who Keeps Your Data");
static const char heading_recorded[] = NC_("notice", "What Is Recorded");
static const char text_recorded[] = NC_("notice", "Your identity, your contact details, your "
                                        "administrative situation, your household, the "
                                        "languages you speak and the follow-up of your "
                                        "requests. Details about your health or legal "
                                        "proceedings are recorded only when your support "
                                        "needs them.");
static const char heading_seen[] = NC_("notice", "Who Can See It");
static const char text_seen[] = NC_("notice", "Only the association’s workers and volunteers, "
                                    "each according to their role. A partner organisation "
                                    "receives what a referral needs only if you agree. "
                                    "Funders receive figures, never your name.");
static const char heading_kept[] = NC_("notice", "How Long");
static const char heading_rights[] = NC_("notice", "Your Rights");
static const char text_rights[] = NC_("notice", "You can see your data and get a copy of it, "
                                      "have it corrected or deleted, and withdraw your consent "
                                      "at any time: the help you receive does not depend on "
                                      "it. Ask at the reception. You can also complain to the "
                                      "CNIL, the French data protection authority "
                                      "(www.cnil.fr).");

static void
add_texts (Notice      *notice,
           const Facts *facts)
{
  add_block (notice, ESCALE_PRINT_TITLE, make_title, facts);
  add_block (notice, ESCALE_PRINT_SUBTITLE, make_who, facts);
  add_translated (notice, ESCALE_PRINT_HEADING, heading_keeper);
  add_block (notice, ESCALE_PRINT_PARAGRAPH, make_keeper, facts);
  add_translated (notice, ESCALE_PRINT_HEADING, heading_recorded);
  add_translated (notice, ESCALE_PRINT_PARAGRAPH, text_recorded);
  add_translated (notice, ESCALE_PRINT_HEADING, heading_seen);
  add_translated (notice, ESCALE_PRINT_PARAGRAPH, text_seen);
  add_translated (notice, ESCALE_PRINT_HEADING, heading_kept);
  add_block (notice, ESCALE_PRINT_PARAGRAPH, make_retention, facts);
  add_translated (notice, ESCALE_PRINT_HEADING, heading_rights);
  add_translated (notice, ESCALE_PRINT_PARAGRAPH, text_rights);
}

static void
set_footer (Notice      *notice,
            const Facts *facts)
{
  g_autofree char *day = escale_slip_format_day (facts->today, notice->catalogs[0]);
  g_autofree char *footer = NULL;

  footer = *facts->association ? g_strdup_printf ("%s · %s", facts->association, day)
                               : g_steal_pointer (&day);
  escale_print_doc_set_footer (notice->doc, footer);
  escale_print_doc_set_page_format (notice->doc,
                                    escale_catalog_gettext (notice->catalogs[0],
                                                            escale_print_page_msgid ()));
}

static EscalePrintDoc *
build_notice (const Facts *facts,
              const char  *language)
{
  Notice notice = { NULL, 1, { escale_catalog_get ("fr"), NULL } };
  GtkTextDirection direction = escale_language_is_right_to_left (language) ? GTK_TEXT_DIR_RTL
                                                                           : GTK_TEXT_DIR_LTR;

  if (g_strcmp0 (language, "fr") != 0)
    {
      notice.n_columns = 2;
      notice.catalogs[1] = escale_catalog_get (language);
      notice.doc = escale_print_doc_new_columns (GTK_TEXT_DIR_LTR, direction, 0.0);
    }
  else
    notice.doc = escale_print_doc_new (GTK_TEXT_DIR_LTR, 0.0);
  add_texts (&notice, facts);
  set_footer (&notice, facts);
  return notice.doc;
}

/* Public API */

/**
 * escale_information_notice_new:
 *
 * Returns: (transfer full) (nullable): the print operation, or %NULL with
 *   @error set when the person's file cannot be read
 */
GtkPrintOperation *
escale_information_notice_new (EscaleStore  *store,
                               gint64        person_id,
                               GError      **error)
{
  g_auto(Facts) facts = { 0 };
  g_autofree char *language = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *name = NULL;
  GtkPrintOperation *operation;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  if (!load_facts (store, person_id, &facts, error))
    return NULL;
  language = escale_slip_language (store, person_id);
  /* Translators: the name of a print job */
  operation = escale_print_doc_operation (build_notice (&facts, language),
                                          _("Information notice"));
  /* Translators: the name of the file the information notice for a person is
   * saved in, without “.pdf”; %s is their file number */
  name = g_strdup_printf (_("notice-%s"), facts.file_number);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_operation_set_print_settings (operation, settings);
  return operation;
}

gboolean
escale_information_notice_export_pdf (EscaleStore  *store,
                                      gint64        person_id,
                                      const char   *path,
                                      GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  operation = escale_information_notice_new (store, person_id, error);
  return operation != NULL && escale_print_export_pdf (operation, path, error);
}

void
escale_information_notice_print (GtkWidget   *widget,
                                 EscaleStore *store,
                                 gint64       person_id)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  operation = escale_information_notice_new (store, person_id, &error);
  if (operation != NULL &&
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  /* Translators: %s says why */
  message = g_strdup_printf (_("The notice could not be printed: %s"), error->message);
  escale_add_toast (widget, adw_toast_new (message));
}
