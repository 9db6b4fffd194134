/* escale-vocab-languages-row.c — the labels of an added vocabulary entry, language by language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-catalog.h"
#include "escale-language.h"
#include "escale-vocab-languages-row.h"
#include "escale-vocab.h"

#define LANGUAGE_KEY "escale-language"

struct _EscaleVocabLanguagesRow
{
  AdwExpanderRow  parent_instance;

  EscaleStore    *store;
  char           *kind;
  char           *code;
  GStrv           languages;
  GPtrArray      *entries;   /* AdwEntryRow, one per language, owned by the row */
};

G_DEFINE_FINAL_TYPE (EscaleVocabLanguagesRow, escale_vocab_languages_row,
                     ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_missing (EscaleVocabLanguagesRow *self)
{
  g_auto(GStrv) missing = escale_vocab_list_missing_languages (self->store, self->kind,
                                                              self->code,
                                                              (const char * const *)
                                                              self->languages);
  g_autoptr(GString) names = g_string_new (NULL);

  if (missing[0] == NULL)
    /* Translators: an entry of a list the association added has a label
     * in every language Escale is translated into */
    return g_strdup (_("A label in every language"));
  for (guint i = 0; missing[i] != NULL; i++)
    {
      g_autofree char *name = escale_language_native_name (missing[i]);

      if (i > 0)
        /* Translators: the separator between the items of a list */
        g_string_append (names, _(", "));
      /* Isolated, so that names written right to left keep their order. */
      g_string_append_printf (names, "\u2068%s\u2069", name);
    }
  /* Translators: the languages an entry of a list has no label in,
   * "Missing: العربية, Українська"; they show its label in another */
  return g_strdup_printf (_("Missing: %s"), names->str);
}

static void
show_toast (EscaleVocabLanguagesRow *self,
            const char              *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self),
                                               ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

static void
on_entry_apply_cb (AdwEntryRow             *entry,
                   EscaleVocabLanguagesRow *self)
{
  const char *language = g_object_get_data (G_OBJECT (entry), LANGUAGE_KEY);
  g_autoptr(GError) error = NULL;

  if (escale_vocab_set_label_for (self->store, self->kind, self->code, language,
                                  gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    g_signal_emit (self, signals[CHANGED], 0);
  else
    show_toast (self, error->message);
  escale_vocab_languages_row_reload (self);
}

static GtkWidget *
new_entry (EscaleVocabLanguagesRow *self,
           const char              *language)
{
  GtkWidget *entry = adw_entry_row_new ();
  g_autofree char *name = escale_language_native_name (language);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data_full (G_OBJECT (entry), LANGUAGE_KEY, g_strdup (language), g_free);
  g_signal_connect (entry, "apply", G_CALLBACK (on_entry_apply_cb), self);
  return entry;
}

static void
escale_vocab_languages_row_dispose (GObject *object)
{
  EscaleVocabLanguagesRow *self = ESCALE_VOCAB_LANGUAGES_ROW (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_vocab_languages_row_parent_class)->dispose (object);
}

static void
escale_vocab_languages_row_finalize (GObject *object)
{
  EscaleVocabLanguagesRow *self = ESCALE_VOCAB_LANGUAGES_ROW (object);

  g_free (self->kind);
  g_free (self->code);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (escale_vocab_languages_row_parent_class)->finalize (object);
}

static void
escale_vocab_languages_row_class_init (EscaleVocabLanguagesRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_vocab_languages_row_dispose;
  object_class->finalize = escale_vocab_languages_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_vocab_languages_row_init (EscaleVocabLanguagesRow *self)
{
  self->entries = g_ptr_array_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  /* Translators: a row that shows an entry of a list in each language */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Translations"));
}

/**
 * escale_vocab_languages_row_new:
 * @kind: an editable vocabulary
 * @code: an entry the association added to it
 *
 * Returns: (transfer floating): the row, with an entry per language
 *   escale_catalog_list_languages() gives
 */
GtkWidget *
escale_vocab_languages_row_new (EscaleStore *store,
                                const char  *kind,
                                const char  *code)
{
  EscaleVocabLanguagesRow *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && code != NULL, NULL);

  self = g_object_new (ESCALE_TYPE_VOCAB_LANGUAGES_ROW, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  self->code = g_strdup (code);
  self->languages = escale_catalog_list_languages ();
  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      GtkWidget *entry = new_entry (self, self->languages[i]);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), entry);
      g_ptr_array_add (self->entries, entry);
    }
  escale_vocab_languages_row_reload (self);
  return GTK_WIDGET (self);
}

void
escale_vocab_languages_row_reload (EscaleVocabLanguagesRow *self)
{
  g_autofree char *missing = NULL;

  g_return_if_fail (ESCALE_IS_VOCAB_LANGUAGES_ROW (self));

  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *label = escale_vocab_get_label_for (self->store, self->kind, self->code,
                                                          self->languages[i]);

      gtk_editable_set_text (GTK_EDITABLE (entry), label ? label : "");
    }
  missing = describe_missing (self);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), missing);
}

GtkWidget *
escale_vocab_languages_row_get_entry (EscaleVocabLanguagesRow *self,
                                      const char              *language)
{
  g_return_val_if_fail (ESCALE_IS_VOCAB_LANGUAGES_ROW (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (self->languages[i], language))
      return g_ptr_array_index (self->entries, i);
  return NULL;
}
