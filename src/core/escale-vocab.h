/* escale-vocab.h — controlled vocabularies: codes stored, labels translated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-catalog.h"
#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_VOCAB_STATUS         "status"
#define ESCALE_VOCAB_SEX            "sex"
#define ESCALE_VOCAB_HOUSEHOLD_ROLE "household_role"
#define ESCALE_VOCAB_ACTION_TYPE    "action_type"
#define ESCALE_VOCAB_THEME          "theme"
#define ESCALE_VOCAB_EXIT_REASON    "exit_reason"
#define ESCALE_VOCAB_PARTNER_KIND   "partner_kind"
#define ESCALE_VOCAB_ELIGIBILITY    "eligibility"
/* Fixed lists: the store accepts only the built-in codes. */
#define ESCALE_VOCAB_ACTION_STATUS  "action_status"
#define ESCALE_VOCAB_REFERRAL_OUTCOME "referral_outcome"
#define ESCALE_VOCAB_REFERRAL_STATE "referral_state"

/* An entry of a vocabulary, as the preferences list it. */
typedef struct
{
  char     *code;
  char     *label;    /* in the interface language, see escale_vocab_get_label() */
  gboolean  builtin;
  gboolean  hidden;   /* not offered for new input; still shown where used */
} EscaleVocabEntry;

void        escale_vocab_entry_free    (EscaleVocabEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleVocabEntry, escale_vocab_entry_free)

gboolean    escale_vocab_seed          (EscaleStore  *store,
                                        int           version,
                                        GError      **error);
/* The codes the drop-downs offer: hidden entries left out. */
GStrv       escale_vocab_list_codes    (EscaleStore  *store,
                                        const char   *kind);
/* Every code of @kind, hidden ones included: what stored data may hold. */
GStrv       escale_vocab_list_all_codes (EscaleStore *store,
                                         const char  *kind);
/* Hidden codes too: a hidden entry stays valid where it is already used. */
gboolean    escale_vocab_has_code      (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *code);
char       *escale_vocab_get_label     (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *code);
/* The same in @catalog's language (a report's), whatever the interface's. */
char       *escale_vocab_get_label_in  (EscaleStore   *store,
                                        const char    *kind,
                                        const char    *code,
                                        EscaleCatalog *catalog);
const char *escale_vocab_builtin_label (const char   *kind,
                                        const char   *code);

/* Editing, from the preferences. Only the kinds listed by
 * escale_vocab_is_editable() can be changed: the others are fixed because
 * the schema or the code rely on their codes.
 *
 * Labels are stored per language in vocabulary_label. The label given to
 * escale_vocab_add() or escale_vocab_set_label() is stored for the
 * interface language (its base code: "fr" for fr_FR.UTF-8; "en" under the
 * C locale), see escale_vocab_get_label_language();
 * escale_vocab_set_label_for() stores one for any language. Display looks
 * for a label in the interface languages first; then a built-in entry
 * shows its gettext translation, an added entry its French, English or
 * first label (escale_vocab_list_missing_languages() tells which languages
 * an added entry lacks).
 * So a label changed by a French-speaking worker does not change what an
 * Arabic-speaking volunteer reads, and a built-in entry can be given its
 * own wording in each language. Refusals carry a translated message in
 * ESCALE_STORE_ERROR_INVALID (ESCALE_STORE_ERROR_NOT_FOUND for an unknown
 * code). */
gboolean    escale_vocab_is_editable   (const char   *kind);
char       *escale_vocab_get_label_language (void);
GPtrArray  *escale_vocab_list_entries  (EscaleStore  *store,
                                        const char   *kind,
                                        GError      **error);
char       *escale_vocab_add           (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *label,
                                        GError      **error);
gboolean    escale_vocab_set_label     (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *code,
                                        const char   *label,
                                        GError      **error);
gboolean    escale_vocab_set_label_for (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *code,
                                        const char   *language,
                                        const char   *label,
                                        GError      **error);
char       *escale_vocab_get_label_for (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *code,
                                        const char   *language);
GStrv       escale_vocab_list_missing_languages (EscaleStore        *store,
                                                 const char         *kind,
                                                 const char         *code,
                                                 const char * const *languages);
gboolean    escale_vocab_set_hidden    (EscaleStore  *store,
                                        const char   *kind,
                                        const char   *code,
                                        gboolean      hidden,
                                        GError      **error);

G_END_DECLS
