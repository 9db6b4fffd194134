/* escale-demo-actions.h — demo programmes, enrolments and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-demo.h"

G_BEGIN_DECLS

#define ESCALE_DEMO_ACTIONS_PER_PERSON 10

gboolean escale_demo_generate_follow_up (EscaleStore         *store,
                                         guint                actions_per_person,
                                         guint32              seed,
                                         EscaleDemoProgress   progress,
                                         gpointer             user_data,
                                         GCancellable        *cancellable,
                                         guint               *n_actions,
                                         GError             **error);

G_END_DECLS
