/* escale-language-switch.c — changing the interface language while Escale runs
 *
 * Widgets keep the texts they were made with: after pointing gettext at
 * the new language (escale_language_apply()), every window is made again.
 * A main window is replaced by a new one showing the same things
 * (escale_window_rebuild(): page, file, search, size; it takes over the
 * person editor), a preferences window by a new one on the same page.
 *
 * Other windows open over them (a dialog with unsaved text, the About
 * window) stay as they are, in the language they were opened in, and move
 * over to the new window. The window they were opened from stays alive,
 * hidden, until the last of them closes — what they report back to it
 * still has somewhere to go — and the new window then reads the store
 * again to show their changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-account.h"
#include "escale-application.h"
#include "escale-language-switch.h"
#include "escale-language.h"
#include "escale-preferences-window.h"
#include "escale-window.h"

/* A replaced window kept, hidden, while dialogs opened from it are open. */
typedef struct
{
  GtkWindow *old;        /* owned */
  GtkWindow *window;     /* weak: the one that replaced it */
  guint      n_dialogs;
} Retired;

typedef struct
{
  GtkWindow *old;
  GtkWindow *window;
} Replacement;

static void
on_dialog_destroy (Retired *retired)
{
  if (--retired->n_dialogs > 0)
    return;
  if (retired->window != NULL && ESCALE_IS_WINDOW (retired->window))
    escale_window_reload (ESCALE_WINDOW (retired->window));
  gtk_window_destroy (retired->old);
  g_object_unref (retired->old);
  g_clear_weak_pointer (&retired->window);
  g_free (retired);
}

/* The windows shown, with a reference each. */
static GPtrArray *
list_shown_windows (void)
{
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data))
      g_ptr_array_add (shown, g_object_ref (l->data));
  g_list_free (toplevels);
  return shown;
}

static GtkWindow *
find_replacement (GArray    *replacements,
                  GtkWindow *old)
{
  for (guint i = 0; i < replacements->len; i++)
    if (g_array_index (replacements, Replacement, i).old == old)
      return g_array_index (replacements, Replacement, i).window;
  return NULL;
}

static GtkWindow *
rebuild (GtkWindow *old,
         GArray    *replacements)
{
  GtkWindow *parent;

  if (ESCALE_IS_WINDOW (old))
    return GTK_WINDOW (escale_window_rebuild (ESCALE_WINDOW (old)));
  if (!ESCALE_IS_PREFERENCES_WINDOW (old))
    return NULL;
  parent = gtk_window_get_transient_for (old);
  if (parent != NULL && find_replacement (replacements, parent) != NULL)
    parent = find_replacement (replacements, parent);
  return GTK_WINDOW (escale_preferences_window_rebuild (ESCALE_PREFERENCES_WINDOW (old), parent));
}

/* Moves the windows open over @replacement's old window to the new one,
 * then destroys the old one, or hides it until they close. */
static void
retire (const Replacement *replacement,
        GPtrArray         *shown,
        GArray            *replacements)
{
  Retired *retired = NULL;

  for (guint i = 0; i < shown->len; i++)
    {
      GtkWindow *dialog = g_ptr_array_index (shown, i);

      if (gtk_window_get_transient_for (dialog) != replacement->old ||
          find_replacement (replacements, dialog) != NULL)
        continue;
      if (retired == NULL)
        {
          retired = g_new0 (Retired, 1);
          retired->old = g_object_ref (replacement->old);
          g_set_weak_pointer (&retired->window, replacement->window);
        }
      retired->n_dialogs++;
      gtk_window_set_transient_for (dialog, replacement->window);
      g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (on_dialog_destroy), retired);
    }
  if (retired == NULL)
    {
      gtk_window_destroy (replacement->old);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (replacement->old), FALSE);
  gtk_window_set_application (replacement->old, NULL);
}

void
escale_language_switch (const char *code)
{
  g_autoptr(GPtrArray) shown = list_shown_windows ();
  g_autoptr(GArray) replacements = g_array_new (FALSE, FALSE, sizeof (Replacement));

  escale_language_apply (code);
  gtk_widget_set_default_direction (escale_language_get_direction ());

  /* Main windows first: the preferences follow their parent. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < shown->len; i++)
      {
        GtkWindow *old = g_ptr_array_index (shown, i);
        Replacement replacement = { old, NULL };

        if (ESCALE_IS_WINDOW (old) != (pass == 0))
          continue;
        replacement.window = rebuild (old, replacements);
        if (replacement.window != NULL)
          g_array_append_val (replacements, replacement);
      }
  for (guint i = 0; i < replacements->len; i++)
    gtk_window_present (g_array_index (replacements, Replacement, i).window);
  /* The preferences first: destroying their parent would unparent them. */
  for (guint i = replacements->len; i > 0; i--)
    retire (&g_array_index (replacements, Replacement, i - 1), shown, replacements);
}

GtkTextDirection
escale_language_get_direction (void)
{
  /* Translators: "default:RTL" for a language written from right to left
   * (Arabic, Persian, Pashto…), "default:LTR" for any other; nothing else */
  if (g_str_equal (_("default:LTR"), "default:RTL"))
    return GTK_TEXT_DIR_RTL;
  /* GTK's own catalogue says the same, for a catalogue of ours without it. */
  return gtk_get_locale_direction ();
}

/**
 * escale_language_save_choice:
 * @store: (nullable): the store of the window the choice was made in
 *
 * Keeps @code in the settings of this computer — the language of the
 * login, and of the next start — and in the account logged into @store,
 * if any, whose language it becomes after each login, on any computer.
 */
void
escale_language_save_choice (EscaleStore *store,
                             const char  *code)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();
  g_autoptr(GError) error = NULL;

  if (settings != NULL)
    g_settings_set_string (settings, "interface-language", code ? code : "");
  if (store != NULL && escale_store_get_account (store) != NULL &&
      !escale_store_set_account_language (store, code, &error))
    g_message ("The account keeps its language: %s", error->message);
}

char *
escale_language_load_choice (void)
{
  g_autoptr(GSettings) settings = escale_application_new_settings ();

  return settings ? g_settings_get_string (settings, "interface-language") : g_strdup ("");
}
