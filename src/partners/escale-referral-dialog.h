/* escale-referral-dialog.h — sending a person to a partner's service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_REFERRAL_DIALOG (escale_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EscaleReferralDialog, escale_referral_dialog, ESCALE, REFERRAL_DIALOG,
                      AdwWindow)

/* A dialog, modal to @parent, that refers @person_id (0: the dialog asks
 * for the person) to a service of @partner_id (0: of any partner). The
 * services are filtered by theme, by whom they are open to (chosen after
 * the person's status, age and sex) and by free places. Once the referral
 * is recorded it emits "referred" (gint64 referral_id, gint64 action_id)
 * and offers to print a slip for the person. It destroys itself when
 * closed. */
GtkWidget *escale_referral_dialog_new          (GtkWindow            *parent,
                                                EscaleStore          *store,
                                                gint64                person_id,
                                                gint64                partner_id);
/* Records the referral, as Ctrl+Enter does. On bad input shows the
 * messages at the fields and returns FALSE with nothing written. */
gboolean   escale_referral_dialog_refer        (EscaleReferralDialog *self);
/* The referral recorded, 0 until then. */
gint64     escale_referral_dialog_get_referral_id (EscaleReferralDialog *self);

/* For tests: the services listed, in order (element-type gint64); the
 * check button that chooses one (NULL when not listed); the filters; the
 * message under the person, the services, the date or the worker, and
 * above the form. */
GArray         *escale_referral_dialog_list_services  (EscaleReferralDialog *self);
GtkCheckButton *escale_referral_dialog_get_service_check (EscaleReferralDialog *self,
                                                          gint64                service_id);
GtkDropDown    *escale_referral_dialog_get_theme_filter  (EscaleReferralDialog *self);
GtkDropDown    *escale_referral_dialog_get_eligibility_filter (EscaleReferralDialog *self);
GtkSwitch      *escale_referral_dialog_get_free_filter   (EscaleReferralDialog *self);
GtkEditable    *escale_referral_dialog_get_person_entry  (EscaleReferralDialog *self);
GtkListBox     *escale_referral_dialog_get_person_results (EscaleReferralDialog *self);
const char     *escale_referral_dialog_get_error         (EscaleReferralDialog *self,
                                                          const char           *what);

G_END_DECLS
