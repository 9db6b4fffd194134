/* escale-import-kind.c — what the Import dialog can import, and how it says it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-action-import.h"
#include "escale-import-kind.h"
#include "escale-language.h"
#include "escale-partner-import.h"

typedef EscaleImportReport *(*ImportFunc) (EscaleStore  *store,
                                           const char   *path,
                                           gboolean      dry_run,
                                           GError      **error);

/* The columns as the importers of the core name them (their tables of
 * columns); test-ui-import checks that each of them accepts these. */
static const struct
{
  const char *label;
  const char *required;
  const char *optional;
  ImportFunc  run;
} kinds[ESCALE_N_IMPORT_KINDS] = {
  [ESCALE_IMPORT_PEOPLE] = {
    N_("People"), "family_name",
    "file_number, given_names, other_names, sex, birth_date, birth_country, nationality, "
    "languages, phone, email, address, postal_code, city, arrival_date, status, status_since, "
    "household, household_role, referent, first_contact, closed_on, close_reason",
    escale_import_people },
  [ESCALE_IMPORT_ACTIONS] = {
    N_("Actions"), "file_number, date, type",
    "theme, status, duration_minutes, worker, programme, partner, referral_outcome, amount, "
    "notes",
    escale_import_actions },
  [ESCALE_IMPORT_PROGRAMMES] = {
    N_("Programmes"), "code, name", "funder, start, end, target_people",
    escale_import_programmes },
  [ESCALE_IMPORT_ENROLMENTS] = {
    N_("Enrolments"), "file_number, programme, entry_date", "exit_date, exit_reason",
    escale_import_enrolments },
  [ESCALE_IMPORT_PARTNERS] = {
    N_("Partners"), "code, name",
    "kind, address, postal_code, city, latitude, longitude, phone, email, website, themes, "
    "languages, capacity_total, capacity_free, notes",
    escale_import_partners },
};

/* Helpers */

/* Each kind has its own sentences: the nouns' genders and plurals differ
 * between languages. */
static const char *
will_create (EscaleImportKind kind,
             guint            n)
{
  switch (kind)
    {
    case ESCALE_IMPORT_PEOPLE:
      return g_dngettext (GETTEXT_PACKAGE, "%u person will be created",
                          "%u people will be created", n);
    case ESCALE_IMPORT_ACTIONS:
      return g_dngettext (GETTEXT_PACKAGE, "%u action will be created",
                          "%u actions will be created", n);
    case ESCALE_IMPORT_PROGRAMMES:
      return g_dngettext (GETTEXT_PACKAGE, "%u programme will be created",
                          "%u programmes will be created", n);
    case ESCALE_IMPORT_ENROLMENTS:
      return g_dngettext (GETTEXT_PACKAGE, "%u enrolment will be created",
                          "%u enrolments will be created", n);
    case ESCALE_IMPORT_PARTNERS:
    default:
      return g_dngettext (GETTEXT_PACKAGE, "%u partner will be created",
                          "%u partners will be created", n);
    }
}

static const char *
will_update (EscaleImportKind kind,
             guint            n)
{
  switch (kind)
    {
    case ESCALE_IMPORT_PEOPLE:
      return g_dngettext (GETTEXT_PACKAGE, "%u person will be updated",
                          "%u people will be updated", n);
    case ESCALE_IMPORT_ACTIONS:
      return g_dngettext (GETTEXT_PACKAGE, "%u action will be updated",
                          "%u actions will be updated", n);
    case ESCALE_IMPORT_PROGRAMMES:
      return g_dngettext (GETTEXT_PACKAGE, "%u programme will be updated",
                          "%u programmes will be updated", n);
    case ESCALE_IMPORT_ENROLMENTS:
      return g_dngettext (GETTEXT_PACKAGE, "%u enrolment will be updated",
                          "%u enrolments will be updated", n);
    case ESCALE_IMPORT_PARTNERS:
    default:
      return g_dngettext (GETTEXT_PACKAGE, "%u partner will be updated",
                          "%u partners will be updated", n);
    }
}

static const char *
created (EscaleImportKind kind,
         guint            n)
{
  switch (kind)
    {
    case ESCALE_IMPORT_PEOPLE:
      return g_dngettext (GETTEXT_PACKAGE, "%u person imported", "%u people imported", n);
    case ESCALE_IMPORT_ACTIONS:
      return g_dngettext (GETTEXT_PACKAGE, "%u action imported", "%u actions imported", n);
    case ESCALE_IMPORT_PROGRAMMES:
      return g_dngettext (GETTEXT_PACKAGE, "%u programme imported", "%u programmes imported",
                          n);
    case ESCALE_IMPORT_ENROLMENTS:
      return g_dngettext (GETTEXT_PACKAGE, "%u enrolment imported", "%u enrolments imported",
                          n);
    case ESCALE_IMPORT_PARTNERS:
    default:
      return g_dngettext (GETTEXT_PACKAGE, "%u partner imported", "%u partners imported", n);
    }
}

static const char *
updated (EscaleImportKind kind,
         guint            n)
{
  switch (kind)
    {
    case ESCALE_IMPORT_PEOPLE:
      return g_dngettext (GETTEXT_PACKAGE, "%u person updated", "%u people updated", n);
    case ESCALE_IMPORT_ACTIONS:
      return g_dngettext (GETTEXT_PACKAGE, "%u action updated", "%u actions updated", n);
    case ESCALE_IMPORT_PROGRAMMES:
      return g_dngettext (GETTEXT_PACKAGE, "%u programme updated", "%u programmes updated", n);
    case ESCALE_IMPORT_ENROLMENTS:
      return g_dngettext (GETTEXT_PACKAGE, "%u enrolment updated", "%u enrolments updated", n);
    case ESCALE_IMPORT_PARTNERS:
    default:
      return g_dngettext (GETTEXT_PACKAGE, "%u partner updated", "%u partners updated", n);
    }
}

typedef const char *(*CountFunc) (EscaleImportKind kind,
                                  guint            n);

/* "42 people will be created, 3 people will be updated": the counts that
 * are not zero (the first one alone when both are). */
static char *
describe_counts (EscaleImportKind          kind,
                 const EscaleImportReport *report,
                 CountFunc                 created_text,
                 CountFunc                 updated_text)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (report->created > 0 || report->updated == 0)
    first = g_strdup_printf (created_text (kind, report->created), report->created);
  if (report->updated > 0)
    second = g_strdup_printf (updated_text (kind, report->updated), report->updated);
  if (first == NULL || second == NULL)
    return g_strdup (first != NULL ? first : second);
  /* Translators: joins the two counts of an import, such as “42 people will be created” and
   * “3 people will be updated” */
  return g_strdup_printf (_("%s, %s"), first, second);
}

/* Public API */

const char *
escale_import_kind_label (EscaleImportKind kind)
{
  g_return_val_if_fail (kind < ESCALE_N_IMPORT_KINDS, NULL);
  return _(kinds[kind].label);
}

const char *
escale_import_kind_required (EscaleImportKind kind)
{
  g_return_val_if_fail (kind < ESCALE_N_IMPORT_KINDS, NULL);
  return kinds[kind].required;
}

const char *
escale_import_kind_optional (EscaleImportKind kind)
{
  g_return_val_if_fail (kind < ESCALE_N_IMPORT_KINDS, NULL);
  return kinds[kind].optional;
}

/**
 * escale_import_kind_describe_columns:
 *
 * Returns: (transfer full): a sentence naming the columns of @kind
 */
char *
escale_import_kind_describe_columns (EscaleImportKind kind)
{
  g_autofree char *required = NULL;
  g_autofree char *optional = NULL;

  g_return_val_if_fail (kind < ESCALE_N_IMPORT_KINDS, NULL);

  /* Lists of English keywords keep their order in a right-to-left sentence. */
  required = g_strdup_printf (ESCALE_ISOLATE_LTR ("%s"), kinds[kind].required);
  optional = g_strdup_printf (ESCALE_ISOLATE_LTR ("%s"), kinds[kind].optional);
  /* Translators: the columns a file to import must have; each %s is a list of column names,
   * such as “code, name”, which stay in English */
  return g_strdup_printf (_("The first line of the file names the columns. Required: %s. "
                            "Optional: %s."),
                          required, optional);
}

/**
 * escale_import_kind_describe_plan:
 *
 * Returns: (transfer full): what importing the file checked by @report will do
 */
char *
escale_import_kind_describe_plan (EscaleImportKind          kind,
                                  const EscaleImportReport *report)
{
  g_return_val_if_fail (kind < ESCALE_N_IMPORT_KINDS && report != NULL, NULL);
  return describe_counts (kind, report, will_create, will_update);
}

/**
 * escale_import_kind_describe_done:
 *
 * Returns: (transfer full): what the import of @report did
 */
char *
escale_import_kind_describe_done (EscaleImportKind          kind,
                                  const EscaleImportReport *report)
{
  g_return_val_if_fail (kind < ESCALE_N_IMPORT_KINDS && report != NULL, NULL);
  return describe_counts (kind, report, created, updated);
}

EscaleImportReport *
escale_import_kind_run (EscaleImportKind   kind,
                        EscaleStore       *store,
                        const char        *path,
                        gboolean           dry_run,
                        GError           **error)
{
  g_return_val_if_fail (kind < ESCALE_N_IMPORT_KINDS, NULL);
  return kinds[kind].run (store, path, dry_run, error);
}
