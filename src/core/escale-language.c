/* escale-language.c — languages: their names, the interface's, text direction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "escale-language.h"

#ifdef __GLIBC__
/* glibc caches what gettext found; bumping this counter empties the cache,
 * so that a new LANGUAGE is honoured. */
extern int _nl_msg_cat_cntr;
#endif

/* Each language's name as its speakers write it: never translated. */
static const struct
{
  const char *code;
  const char *name;
} native_names[] = {
  { "am", "አማርኛ" },
  { "ar", "العربية" },
  { "bg", "Български" },
  { "bn", "বাংলা" },
  { "ckb", "کوردیی ناوەندی" },
  { "de", "Deutsch" },
  { "en", "English" },
  { "es", "Español" },
  { "fa", "فارسی" },
  { "ff", "Fulfulde" },
  { "fr", "Français" },
  { "hy", "Հայերեն" },
  { "it", "Italiano" },
  { "ka", "ქართული" },
  { "ku", "Kurdî" },
  { "ln", "Lingála" },
  { "nl", "Nederlands" },
  { "pl", "Polski" },
  { "prs", "دری" },
  { "ps", "پښتو" },
  { "pt", "Português" },
  { "ro", "Română" },
  { "ru", "Русский" },
  { "so", "Soomaali" },
  { "sq", "Shqip" },
  { "sw", "Kiswahili" },
  { "ta", "தமிழ்" },
  { "ti", "ትግርኛ" },
  { "tr", "Türkçe" },
  { "uk", "Українська" },
  { "ur", "اردو" },
  { "vi", "Tiếng Việt" },
  { "zh", "中文" },
};

/* Where a language's catalogues are missing, the one to fall back on:
 * nobody ships Dari (GTK, libadwaita, GLib), Persian is close. */
static const struct
{
  const char *code;
  const char *fallback;
} gettext_fallbacks[] = {
  { "prs", "fa" },
};

/* The locales whose dates and numbers suit a language, best first; a
 * language missing here tries xx_XX. */
static const struct
{
  const char *code;
  const char *locales;
} language_locales[] = {
  { "ar", "ar_EG ar_SA ar_MA ar_DZ ar_TN ar_LB ar_JO ar_SY ar_IQ ar_AE" },
  { "en", "en_GB en_US en_IE" },
  { "es", "es_ES es_MX" },
  { "fa", "fa_IR" },
  { "fr", "fr_FR fr_BE fr_CH fr_CA" },
  { "prs", "fa_IR" },
  { "ps", "ps_AF" },
  { "ti", "ti_ER ti_ET" },
  { "uk", "uk_UA" },
};

static char *system_language;   /* LANGUAGE as Escale found it */
static gboolean system_language_known;
static char *current_language;

char *
escale_isolate (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("");
  return g_strdup_printf (ESCALE_ISOLATE ("%s"), text);
}

/* A "/" that starts a word ("and/or", "1/2" and "a.b/c" are not paths). */
static gboolean
is_path_start (const char *text,
               const char *p)
{
  return *p == '/' &&
         (p == text || (!g_ascii_isalnum (p[-1]) && p[-1] != '/' && p[-1] != '.' &&
                        p[-1] != '_' && p[-1] != '-'));
}

char *
escale_isolate_paths (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";

  while (*p != '\0')
    {
      const char *end;

      if (!is_path_start (text, p))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (end = p; *end != '\0' && !g_ascii_isspace (*end); end++)
        ;
      /* "…/escale.db:", "…/escale.db." or "«…/escale.db»" end the sentence or
       * the quote, not the path. */
      for (gboolean trimmed = TRUE; trimmed && end > p + 1;)
        {
          trimmed = TRUE;
          if (strchr (".,:;)!?\"", end[-1]) != NULL)
            end--;
          else if (end - p > 3 && g_str_has_prefix (end - 3, "\u201d"))
            end -= 3;
          else if (end - p > 2 && g_str_has_prefix (end - 2, "\u00bb"))
            end -= 2;
          else
            trimmed = FALSE;
        }
      g_string_append (out, "\u2066");
      g_string_append_len (out, p, end - p);
      g_string_append (out, "\u2069");
      p = end;
    }
  return g_string_free (out, FALSE);
}

/* "pt_BR" → "pt" */
static char *
base_code (const char *code)
{
  return g_strndup (code, strcspn (code, "_-.@"));
}

char *
escale_language_native_name (const char *code)
{
  g_autofree char *base = NULL;
  const char *region;

  g_return_val_if_fail (code != NULL, NULL);

  region = strpbrk (code, "_-");
  base = region ? g_strndup (code, region - code) : g_strdup (code);
  for (guint i = 0; i < G_N_ELEMENTS (native_names); i++)
    if (g_str_equal (native_names[i].code, base))
      return region ? g_strdup_printf ("%s (%s)", native_names[i].name, region + 1)
                    : g_strdup (native_names[i].name);
  return g_strdup (code);
}

char *
escale_language_gettext_list (const char *code)
{
  g_autofree char *base = NULL;

  if (code == NULL || *code == '\0')
    return NULL;
  base = base_code (code);
  for (guint i = 0; i < G_N_ELEMENTS (gettext_fallbacks); i++)
    if (g_str_equal (gettext_fallbacks[i].code, base))
      return g_strconcat (code, ":", gettext_fallbacks[i].fallback, NULL);
  return g_strdup (code);
}

/* The environment's locale for @category; C.UTF-8 rather than plain C,
 * which would make gettext ignore LANGUAGE and mangle non-ASCII text. */
static void
use_system_locale (int category)
{
  const char *name = setlocale (category, "");

  if (name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    setlocale (category, "C.UTF-8");
}

static gboolean
is_locale_of (const char *locale,
              const char *base)
{
  gsize length = strlen (base);

  return locale != NULL && strncmp (locale, base, length) == 0 &&
         strchr ("_.@", locale[length]) != NULL;
}

static GStrv
locale_candidates (const char *code)
{
  g_autofree char *base = base_code (code);
  g_autofree char *upper = NULL;
  g_autofree char *guess = NULL;

  /* A region asked for ("pt_BR") is the one. */
  if (!g_str_equal (base, code))
    return g_strdupv ((char *[]) { (char *) code, NULL });
  for (guint i = 0; i < G_N_ELEMENTS (language_locales); i++)
    if (g_str_equal (language_locales[i].code, base))
      return g_strsplit (language_locales[i].locales, " ", -1);
  upper = g_ascii_strup (base, -1);
  guess = g_strconcat (base, "_", upper, NULL);
  return g_strdupv ((char *[]) { guess, NULL });
}

/* The system's locale when it is of @code's language (fr_BE for a Belgian
 * who chose French), else the first installed locale of the language, else
 * the system's. */
static void
set_locale_for (int         category,
                const char *code)
{
  g_autofree char *base = NULL;
  g_auto(GStrv) candidates = NULL;

  use_system_locale (category);
  if (code == NULL || *code == '\0')
    return;
  base = base_code (code);
  if (is_locale_of (setlocale (category, NULL), base))
    return;
  candidates = locale_candidates (code);
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (candidates[i], ".UTF-8", NULL);

      if (setlocale (category, name) != NULL)
        return;
    }
}

void
escale_language_apply (const char *code)
{
  g_autofree char *list = escale_language_gettext_list (code);

  if (!system_language_known)
    {
      system_language = g_strdup (g_getenv ("LANGUAGE"));
      system_language_known = TRUE;
    }
  if (list != NULL)
    g_setenv ("LANGUAGE", list, TRUE);
  else if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#endif
  set_locale_for (LC_TIME, code);
  set_locale_for (LC_NUMERIC, code);
  g_free (current_language);
  current_language = g_strdup (code ? code : "");
}

const char *
escale_language_get_current (void)
{
  return current_language ? current_language : "";
}
