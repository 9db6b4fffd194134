/* escale-agenda-rows.h — the rows of the agenda: actions, referrals, expiries, lost contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-agenda.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* A cache of vocabulary labels, "kind/code" → label, to free with
 * g_hash_table_unref(). */
GHashTable   *escale_agenda_labels_new     (void);
/* The label of @code in the vocabulary @kind, read from @store once; the
 * code itself when it has no label; "" without a code or a store. */
const char   *escale_agenda_labels_lookup  (GHashTable                    *labels,
                                            EscaleStore                   *store,
                                            const char                    *kind,
                                            const char                    *code);
/* The non-empty ones of @parts, separated by dots. */
char         *escale_agenda_join_details   (const char * const            *parts,
                                            gsize                          n_parts);
/* A row with a plain @title and, when not empty, a @subtitle of two lines
 * at most. */
AdwActionRow *escale_agenda_plain_row_new  (const char                    *title,
                                            const char                    *subtitle);
/* A planned action: its time (and its date when overdue), type, whom it
 * concerns and a Done button (agenda.done); @type_label is the label of its
 * type; the worker is said only if @show_worker. Opens the person's file
 * (agenda.open-person). */
GtkWidget    *escale_agenda_action_row_new (const EscaleAgendaAction      *action,
                                            const char                    *type_label,
                                            gboolean                       show_worker);
/* An expiring residence document; @status_label is the label of the
 * person's residence status. Opens the person's file. */
GtkWidget    *escale_agenda_expiry_row_new (const EscaleAgendaExpiry      *expiry,
                                            const char                    *status_label);
/* A referral waiting for its answer: whom it concerns, the partner, the
 * service's theme (@theme_label), how long it has waited, and its state
 * (@state_label). Opens the person's file. */
GtkWidget    *escale_agenda_referral_row_new (const EscaleAgendaReferral *referral,
                                              const char                 *theme_label,
                                              const char                 *state_label);
/* A person out of contact, with the date of their last done action. Opens
 * their file. */
GtkWidget    *escale_agenda_lost_row_new   (const EscaleAgendaLostContact *lost);

/* "Maison Relais · Housing · waiting 20 days" */
char       *escale_agenda_format_referral_details (const EscaleAgendaReferral *referral,
                                                   const char                 *theme_label);

G_END_DECLS
