/* escale-person-slip.c — the slip printed for the person: appointments and next steps
 *
 * What the slip shows is read by escale_slip_load(); this lays it out on
 * A4 in two columns side by side: French on the left, for the association
 * and the partners, and the person's language on the right, each column in
 * its own direction (the labels of an Arabic column on its right, where its
 * lines start). Every text of the slip is translated through a catalogue
 * per column, never through _(), so that neither column depends on the
 * interface's language. Names, addresses and notes are isolated so that
 * they keep their own direction. A person who reads French, or a language
 * Escale has no translation into, gets a French slip of one column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-catalog.h"
#include "escale-partner-hours.h"
#include "escale-person-slip.h"
#include "escale-print-util.h"
#include "escale-slip.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define LABEL_WIDTH  86.0   /* points, in each column */
#define MAX_COLUMNS  2

typedef struct
{
  const char *context;      /* NULL for messages without one */
  const char *msgid;
} Label;

/* Translators: a label on the slip printed for the person, in French and
 * in their language: the day and time of an appointment */
static const Label label_when = { "slip", NC_("slip", "When") };
/* Translators: a label on the slip printed for the person: the kind of
 * appointment (an interview, a workshop…) */
static const Label label_what = { "slip", NC_("slip", "What") };
/* Translators: a label on the slip printed for the person: the next step an
 * appointment was planned for */
static const Label label_to_do = { "slip", NC_("slip", "To do") };
/* Translators: a label on the slip printed for the person: the place of an
 * appointment, with its address */
static const Label label_where = { "slip", NC_("slip", "Where") };
static const Label label_phone = { NULL, N_("Phone") };
static const Label label_hours = { NULL, N_("Opening hours") };
static const Label label_documents = { NULL, N_("Documents to Bring") };

typedef struct
{
  EscaleStore    *store;
  EscalePrintDoc *doc;
  guint           n_columns;
  EscaleCatalog  *catalogs[MAX_COLUMNS];  /* French, then the person's language */
} Slip;

/* Helpers */

static const char *
tr (EscaleCatalog *catalog,
    const Label   *label)
{
  return label->context ? escale_catalog_pgettext (catalog, label->context, label->msgid)
                        : escale_catalog_gettext (catalog, label->msgid);
}

/* Adds a block of @kind with @side and @markup in each column (both taken). */
static void
add_row (Slip            *slip,
         EscalePrintKind  kind,
         char            *side[MAX_COLUMNS],
         char            *markup[MAX_COLUMNS])
{
  escale_print_doc_add (slip->doc, kind, side[0], markup[0]);
  if (slip->n_columns > 1)
    escale_print_doc_add_beside (slip->doc, side[1], markup[1]);
}

/* Adds a block of the plain @text of each column (taken). */
static void
add_text (Slip            *slip,
          EscalePrintKind  kind,
          char            *text[MAX_COLUMNS])
{
  char *side[MAX_COLUMNS] = { NULL, NULL };
  char *markup[MAX_COLUMNS] = { NULL, NULL };

  for (guint i = 0; i < slip->n_columns; i++)
    {
      markup[i] = g_markup_escape_text (text[i], -1);
      g_free (text[i]);
    }
  add_row (slip, kind, side, markup);
}

/* Adds @label beside the plain @value of each column (taken); nothing when
 * the first is empty. @strong: the value in bold. */
static void
add_field_in (Slip        *slip,
              const Label *label,
              char        *value[MAX_COLUMNS],
              gboolean     strong)
{
  char *side[MAX_COLUMNS] = { NULL, NULL };
  char *markup[MAX_COLUMNS] = { NULL, NULL };
  gboolean empty = value[0] == NULL || *value[0] == '\0';

  for (guint i = 0; i < slip->n_columns; i++)
    {
      if (!empty)
        {
          g_autofree char *text = escale_print_isolate_lines (value[i]);

          side[i] = g_markup_printf_escaped ("<b>%s</b>", tr (slip->catalogs[i], label));
          markup[i] = strong ? g_strdup_printf ("<b>%s</b>", text) : g_steal_pointer (&text);
        }
      g_free (value[i]);
    }
  if (!empty)
    add_row (slip, ESCALE_PRINT_ENTRY, side, markup);
}

/* The same for a @value written alike in every language (a name, a note). */
static void
add_field (Slip        *slip,
           const Label *label,
           const char  *value)
{
  char *values[MAX_COLUMNS] = { NULL, NULL };

  for (guint i = 0; i < slip->n_columns; i++)
    values[i] = g_strdup (value);
  add_field_in (slip, label, values, FALSE);
}

static char *
format_hours (const EscalePartner *partner,
              EscaleCatalog       *catalog)
{
  g_autofree char *hours = escale_hours_format_in (partner->hours, catalog);
  const char *note = partner->hours_note;

  if (note == NULL || *note == '\0')
    return g_steal_pointer (&hours);
  return g_strdup_printf ("%s%s%s", hours, *hours ? "\n" : "", note);
}

/* “For HADDAD Amina, file 2026-0142”, the name and number isolated: in an
 * Arabic line, 2026-0142 would read 0142-2026. */
static char *
format_who (const EscaleSlip *data,
            EscaleCatalog    *catalog)
{
  g_autofree char *name = g_strdup_printf (ESCALE_PRINT_ISOLATE ("%s"), data->name);
  g_autofree char *number = NULL;

  if (data->file_number != NULL)
    {
      number = g_strdup_printf (ESCALE_PRINT_ISOLATE ("%s"), data->file_number);
      /* Translators: under the title of a slip: a person's name and file number */
      return g_strdup_printf (escale_catalog_gettext (catalog, N_("For %s, file %s")), name,
                              number);
    }
  /* Translators: under the title of a slip: a person's or household's name */
  return g_strdup_printf (escale_catalog_gettext (catalog, N_("For %s")), name);
}

/* Filling the slip */

static void
add_header (Slip             *slip,
            const EscaleSlip *data)
{
  /* Translators: the title of the slip printed for the person, above
   * their coming appointments and their next steps */
  static const char title_msgid[] = NC_("slip title", "Your Appointments");
  char *title[MAX_COLUMNS] = { NULL, NULL };
  char *who[MAX_COLUMNS] = { NULL, NULL };

  for (guint i = 0; i < slip->n_columns; i++)
    {
      title[i] = g_strdup (escale_catalog_pgettext (slip->catalogs[i], "slip title",
                                                    title_msgid));
      who[i] = format_who (data, slip->catalogs[i]);
    }
  add_text (slip, ESCALE_PRINT_TITLE, title);
  add_text (slip, ESCALE_PRINT_SUBTITLE, who);
}

static void
add_appointment (Slip                        *slip,
                 const EscaleSlipAppointment *appointment)
{
  const EscalePartner *partner = appointment->partner;
  g_autofree char *place = escale_slip_format_place (appointment);
  g_autofree char *phones = partner ? escale_partner_format_phones (partner) : NULL;
  char *when[MAX_COLUMNS] = { NULL, NULL };
  char *what[MAX_COLUMNS] = { NULL, NULL };
  char *hours[MAX_COLUMNS] = { NULL, NULL };

  for (guint i = 0; i < slip->n_columns; i++)
    {
      when[i] = escale_slip_format_when (appointment, slip->catalogs[i]);
      what[i] = escale_vocab_get_label_in (slip->store, ESCALE_VOCAB_ACTION_TYPE,
                                           appointment->type, slip->catalogs[i]);
      hours[i] = partner ? format_hours (partner, slip->catalogs[i]) : NULL;
    }
  add_field_in (slip, &label_when, when, TRUE);
  add_field_in (slip, &label_what, what, FALSE);
  add_field (slip, &label_to_do, appointment->about);
  add_field (slip, &label_where, place);
  add_field (slip, &label_phone, phones);
  add_field_in (slip, &label_hours, hours, FALSE);
  add_field (slip, &label_documents, appointment->documents);
}

static void
add_appointments (Slip             *slip,
                  const EscaleSlip *data)
{
  /* Translators: on the slip printed for the person, when nothing is planned */
  static const char none_msgid[] = NC_("slip", "No appointment is planned.");
  char *text[MAX_COLUMNS] = { NULL, NULL };

  for (guint i = 0; i < data->appointments->len; i++)
    {
      if (i > 0)
        {
          /* A blank line between two appointments. */
          for (guint column = 0; column < slip->n_columns; column++)
            text[column] = g_strdup ("");
          add_text (slip, ESCALE_PRINT_PARAGRAPH, text);
        }
      add_appointment (slip, g_ptr_array_index (data->appointments, i));
    }
  if (data->appointments->len > 0)
    return;
  for (guint i = 0; i < slip->n_columns; i++)
    text[i] = g_strdup (escale_catalog_pgettext (slip->catalogs[i], "slip", none_msgid));
  add_text (slip, ESCALE_PRINT_NOTE, text);
}

/* “• Bring your payslips — by Friday 20 June 2026”. */
static char *
format_step (const EscaleSlipStep *step,
             EscaleCatalog        *catalog)
{
  /* Translators: on the slip printed for the person, the day a next step is
   * due, like “by Friday 20 June 2026” */
  static const char due_msgid[] = NC_("slip", "by %s");
  g_autofree char *text = escale_print_isolate_lines (step->text);
  g_autofree char *day = NULL;
  g_autofree char *due = NULL;

  if (step->due == NULL)
    return g_strdup_printf ("• %s", text);
  day = escale_slip_format_day (step->due, catalog);
  due = g_markup_printf_escaped (escale_catalog_pgettext (catalog, "slip", due_msgid), day);
  return g_strdup_printf ("• %s — %s", text, due);
}

static void
add_steps (Slip             *slip,
           const EscaleSlip *data)
{
  /* Translators: a heading of the slip printed for the person: what they
   * are to do next */
  static const char heading_msgid[] = NC_("slip", "Next Steps");
  char *heading[MAX_COLUMNS] = { NULL, NULL };

  if (data->steps->len == 0)
    return;
  for (guint i = 0; i < slip->n_columns; i++)
    heading[i] = g_strdup (escale_catalog_pgettext (slip->catalogs[i], "slip", heading_msgid));
  add_text (slip, ESCALE_PRINT_HEADING, heading);
  for (guint s = 0; s < data->steps->len; s++)
    {
      char *side[MAX_COLUMNS] = { NULL, NULL };
      char *markup[MAX_COLUMNS] = { NULL, NULL };

      for (guint i = 0; i < slip->n_columns; i++)
        markup[i] = format_step (g_ptr_array_index (data->steps, s), slip->catalogs[i]);
      add_row (slip, ESCALE_PRINT_PARAGRAPH, side, markup);
    }
}

/* The association and the day, in French, at the foot of each page. */
static void
set_footer (Slip             *slip,
            const EscaleSlip *data)
{
  g_autofree char *day = escale_slip_format_day (data->today, slip->catalogs[0]);
  g_autofree char *footer = NULL;

  footer = *data->association ? g_strdup_printf ("%s · %s", data->association, day)
                              : g_steal_pointer (&day);
  escale_print_doc_set_footer (slip->doc, footer);
  escale_print_doc_set_page_format (slip->doc, escale_catalog_gettext (slip->catalogs[0],
                                                                       escale_print_page_msgid ()));
}

static EscalePrintDoc *
build_slip (EscaleStore       *store,
            const EscaleSlip  *data,
            const char        *language)
{
  Slip slip = { store, NULL, 1, { escale_catalog_get ("fr"), NULL } };
  GtkTextDirection direction = escale_language_is_right_to_left (language) ? GTK_TEXT_DIR_RTL
                                                                           : GTK_TEXT_DIR_LTR;

  if (g_strcmp0 (language, "fr") != 0)
    {
      slip.n_columns = 2;
      slip.catalogs[1] = escale_catalog_get (language);
      slip.doc = escale_print_doc_new_columns (GTK_TEXT_DIR_LTR, direction, LABEL_WIDTH);
    }
  else
    slip.doc = escale_print_doc_new (GTK_TEXT_DIR_LTR, LABEL_WIDTH);
  add_header (&slip, data);
  add_appointments (&slip, data);
  add_steps (&slip, data);
  set_footer (&slip, data);
  return slip.doc;
}

/* The name “Print to File” offers. */
static void
set_file_name (GtkPrintOperation *operation,
               const EscaleSlip  *data)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *name = NULL;

  /* Translators: the name of the file a slip for a person is saved in,
   * without “.pdf”; %s is their file number */
  name = g_strdup_printf (_("slip-%s"), data->file_number ? data->file_number : "");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_operation_set_print_settings (operation, settings);
}

/* Public API */

/**
 * escale_person_slip_new:
 * @action_id: a planned action of the person, or 0 for all of them
 *
 * Returns: (transfer full) (nullable): the print operation, or %NULL with
 *   @error set when the slip cannot be read
 */
GtkPrintOperation *
escale_person_slip_new (EscaleStore  *store,
                        gint64        person_id,
                        gint64        action_id,
                        GError      **error)
{
  g_autoptr(EscaleSlip) data = NULL;
  g_autofree char *language = NULL;
  GtkPrintOperation *operation;
  const char *job_name;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id > 0, NULL);

  if (!(data = escale_slip_load (store, person_id, action_id, error)))
    return NULL;
  language = escale_slip_language (store, person_id);
  /* Translators: the name of a print job */
  job_name = _("Slip for the person");
  operation = escale_print_doc_operation (build_slip (store, data, language), job_name);
  set_file_name (operation, data);
  return operation;
}

gboolean
escale_person_slip_export_pdf (EscaleStore  *store,
                               gint64        person_id,
                               gint64        action_id,
                               const char   *path,
                               GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  operation = escale_person_slip_new (store, person_id, action_id, error);
  if (operation == NULL)
    return FALSE;
  return escale_print_export_pdf (operation, path, error);
}

void
escale_person_slip_print (GtkWidget   *widget,
                          EscaleStore *store,
                          gint64       person_id,
                          gint64       action_id)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  operation = escale_person_slip_new (store, person_id, action_id, &error);
  if (operation != NULL &&
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  message = g_strdup_printf (_("The slip could not be printed: %s"), error->message);
  escale_add_toast (widget, adw_toast_new (message));
}
