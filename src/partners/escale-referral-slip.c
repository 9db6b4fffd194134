/* escale-referral-slip.c — the slip a person takes to the partner
 *
 * Everything is read when the operation is made: the referral, then its
 * partner with the service. Labels go in the side column, values beside
 * them; names, addresses and free text are isolated so that they keep their
 * own direction in a right-to-left slip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-editor-util.h"
#include "escale-partner-hours.h"
#include "escale-partner-store.h"
#include "escale-print-util.h"
#include "escale-referral-slip.h"
#include "escale-referral-store.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define LABEL_WIDTH 110.0  /* points */

/* Helpers */

static void
add_field (EscalePrintDoc *doc,
           const char     *label,
           const char     *value)
{
  if (value == NULL || *value == '\0')
    return;
  escale_print_doc_add (doc, ESCALE_PRINT_ENTRY, g_markup_printf_escaped ("<b>%s</b>", label),
                        escale_print_isolate_lines (value));
}

static void
add_section (EscalePrintDoc *doc,
             const char     *heading,
             const char     *text)
{
  if (text == NULL || *text == '\0')
    return;
  escale_print_doc_add_text (doc, ESCALE_PRINT_HEADING, heading);
  escale_print_doc_add (doc, ESCALE_PRINT_PARAGRAPH, NULL, escale_print_isolate_lines (text));
}

/* The closures that end on or after @from. */
static char *
format_closures (const EscalePartner *partner,
                 const char          *from)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < partner->closures->len; i++)
    {
      const EscalePartnerClosure *closure = &g_array_index (partner->closures,
                                                            EscalePartnerClosure, i);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      if (from != NULL && g_strcmp0 (closure->to_date, from) < 0)
        continue;
      start = escale_format_date (closure->from_date);
      end = escale_format_date (closure->to_date);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: an exceptional closure on a referral slip: from a date to a date */
      g_string_append_printf (text, _("Closed from %s to %s"), start, end);
      if (closure->reason != NULL && *closure->reason != '\0')
        g_string_append_printf (text, " — %s", closure->reason);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_contact (const EscalePartnerContact *contact)
{
  const char *parts[] = { contact->name, contact->role, contact->phone, contact->email };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", parts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static EscalePartnerService *
find_service (EscalePartner *partner,
              gint64         service_id)
{
  for (guint i = 0; i < partner->services->len; i++)
    {
      EscalePartnerService *service = g_ptr_array_index (partner->services, i);

      if (service->id == service_id)
        return service;
    }
  return NULL;
}

/* Filling the slip */

static void
add_header (EscalePrintDoc       *doc,
            const EscaleReferral *referral)
{
  g_autofree char *name = g_strdup_printf (ESCALE_PRINT_ISOLATE ("%s"),
                                           referral->who ? referral->who : "");
  g_autofree char *who = NULL;

  escale_print_doc_add_text (doc, ESCALE_PRINT_TITLE, C_("slip title", "Referral"));
  if (referral->file_number != NULL)
    /* Translators: under the title of a referral slip: a person's name and file number */
    who = g_strdup_printf (_("For %s, file %s"), name, referral->file_number);
  else
    /* Translators: under the title of a referral slip: a person's or household's name */
    who = g_strdup_printf (_("For %s"), name);
  escale_print_doc_add_text (doc, ESCALE_PRINT_SUBTITLE, who);
}

static void
add_partner (EscalePrintDoc       *doc,
             const EscalePartner  *partner,
             const char           *from)
{
  g_autofree char *address = escale_partner_format_address (partner);
  g_autofree char *phones = escale_partner_format_phones (partner);
  g_autofree char *hours = escale_hours_format (partner->hours);
  g_autofree char *closures = format_closures (partner, from);

  escale_print_doc_add (doc, ESCALE_PRINT_HEADING, NULL,
                        g_markup_printf_escaped (ESCALE_PRINT_ISOLATE ("%s"), partner->name));
  add_field (doc, _("Address"), address);
  add_field (doc, _("Phone"), phones);
  add_field (doc, _("Email"), partner->email);
  add_field (doc, _("Website"), partner->website);
  add_field (doc, _("Opening hours"), hours);
  add_field (doc, _("Also"), partner->hours_note);
  add_field (doc, _("Closures"), closures);
}

static void
add_service (EscalePrintDoc             *doc,
             EscaleStore                *store,
             const EscalePartner        *partner,
             const EscalePartnerService *service)
{
  g_autofree char *theme = escale_vocab_get_label (store, ESCALE_VOCAB_THEME, service->theme);

  /* Translators: a heading of a referral slip; %s is a theme, like “Housing” */
  escale_print_doc_add (doc, ESCALE_PRINT_HEADING, NULL,
                        g_markup_printf_escaped (_("Service: %s"), theme));
  if (!escale_editor_is_blank (service->description))
    escale_print_doc_add (doc, ESCALE_PRINT_PARAGRAPH, NULL,
                          escale_print_isolate_lines (service->description));
  add_section (doc, _("Documents to Bring"), service->documents);
  if (partner->contacts->len > 0)
    {
      g_autofree char *contact = format_contact (g_ptr_array_index (partner->contacts, 0));

      escale_print_doc_add_text (doc, ESCALE_PRINT_HEADING, _("Contact"));
      escale_print_doc_add (doc, ESCALE_PRINT_PARAGRAPH, NULL,
                            escale_print_isolate_lines (contact));
    }
}

static void
add_sender (EscalePrintDoc       *doc,
            const EscaleReferral *referral,
            const char           *long_day)
{
  escale_print_doc_add_text (doc, ESCALE_PRINT_HEADING, _("Referred"));
  add_field (doc, C_("slip", "Date"), long_day);
  add_field (doc, C_("slip", "By"), referral->worker);
}

static EscalePrintDoc *
build_slip (EscaleStore       *store,
            gint64             referral_id,
            GtkTextDirection   direction,
            GError           **error)
{
  g_autoptr(EscaleReferral) referral = escale_store_load_referral (store, referral_id, error);
  g_autoptr(EscalePartner) partner = NULL;
  g_autoptr(EscalePrintDoc) doc = NULL;
  g_autofree char *long_day = NULL;
  EscalePartnerService *service;

  if (referral == NULL)
    return NULL;
  if (referral->partner_id == 0)
    {
      g_set_error_literal (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                           _("The partner of this referral was deleted"));
      return NULL;
    }
  if (!(partner = escale_store_load_partner (store, referral->partner_id, error)))
    return NULL;
  long_day = escale_print_format_long_day (referral->sent_on);
  doc = escale_print_doc_new (direction, LABEL_WIDTH);
  add_header (doc, referral);
  add_partner (doc, partner, referral->sent_on);
  service = find_service (partner, referral->service_id);
  if (service != NULL)
    add_service (doc, store, partner, service);
  add_sender (doc, referral, long_day);
  escale_print_doc_set_footer (doc, long_day);
  return g_steal_pointer (&doc);
}

/* Public API */

/**
 * escale_referral_slip_new:
 *
 * Returns: (transfer full) (nullable): the print operation, or %NULL with
 *   @error set when the referral or its partner cannot be read
 */
GtkPrintOperation *
escale_referral_slip_new (EscaleStore       *store,
                          gint64             referral_id,
                          GtkTextDirection   direction,
                          GError           **error)
{
  EscalePrintDoc *doc;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (referral_id > 0, NULL);

  doc = build_slip (store, referral_id, direction, error);
  if (doc == NULL)
    return NULL;
  /* Translators: the name of a print job */
  return escale_print_doc_operation (doc, _("Referral slip"));
}

gboolean
escale_referral_slip_export_pdf (EscaleStore       *store,
                                 gint64             referral_id,
                                 GtkTextDirection   direction,
                                 const char        *path,
                                 GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  operation = escale_referral_slip_new (store, referral_id, direction, error);
  if (operation == NULL)
    return FALSE;
  return escale_print_export_pdf (operation, path, error);
}
