/* escale-demo.h — realistic demo data, the same for the same seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

/* Called now and then with how many people were written so far. */
typedef void (*EscaleDemoProgress) (guint    done,
                                    guint    total,
                                    gpointer user_data);

gboolean escale_demo_generate      (EscaleStore         *store,
                                    guint                n_people,
                                    guint32              seed,
                                    GError             **error);
gboolean escale_demo_generate_full (EscaleStore         *store,
                                    guint                n_people,
                                    guint32              seed,
                                    EscaleDemoProgress   progress,
                                    gpointer             user_data,
                                    GCancellable        *cancellable,
                                    GError             **error);

G_END_DECLS
