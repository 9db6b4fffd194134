/* escale-referral-answer.h — recording a partner's answer to a referral
 *
 * Moves a referral to a new state from the interface, asking first what
 * must be asked: the reason of a refusal, and, when the service counts its
 * free places, whether the person takes one. A place is never taken
 * without the worker saying so. Errors show as toasts on the widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

/* Called once the referral of the action @action_id has changed. */
typedef void (*EscaleReferralChangedFunc) (GtkWidget *widget,
                                           gint64     action_id);

/* Moves the referral @referral_id (of the action @action_id) to @state,
 * today, after the questions above, asked in message dialogs over
 * @widget's window; calls @changed (nullable) on @widget once it is
 * written. */
void escale_referral_answer (GtkWidget                 *widget,
                             EscaleStore               *store,
                             gint64                     referral_id,
                             gint64                     action_id,
                             const char                *state,
                             EscaleReferralChangedFunc  changed);

G_END_DECLS
