/* escale-vocab.h — controlled vocabularies: codes stored, labels translated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_VOCAB_STATUS         "status"
#define ESCALE_VOCAB_SEX            "sex"
#define ESCALE_VOCAB_HOUSEHOLD_ROLE "household_role"
#define ESCALE_VOCAB_ACTION_TYPE    "action_type"
#define ESCALE_VOCAB_THEME          "theme"
#define ESCALE_VOCAB_EXIT_REASON    "exit_reason"
/* Fixed lists: the store accepts only the built-in codes. */
#define ESCALE_VOCAB_ACTION_STATUS  "action_status"
#define ESCALE_VOCAB_REFERRAL_OUTCOME "referral_outcome"

gboolean    escale_vocab_seed          (EscaleStore  *store,
                                        int           version,
                                        GError      **error);
GStrv       escale_vocab_list_codes    (EscaleStore  *store,
                                        const char   *kind);
gboolean    escale_vocab_has_code      (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *code);
char       *escale_vocab_get_label     (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *code);
const char *escale_vocab_builtin_label (const char   *kind,
                                        const char   *code);

G_END_DECLS
