/* escale-text.c — folding of names for search and duplicate detection
 *
 * Search does not rely on SQLite's tokenizers alone: they do not drop
 * Arabic vowel marks, and the trigram tokenizer of SQLite 3.40 keeps
 * accents. So every name is folded here (compatibility decomposition,
 * combining marks and tatweel dropped, case folded) and the folded text is
 * what the full-text tables index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "escale-text.h"

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018 || c == 0x02BB || c == '`';
}

static gboolean
is_dropped_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
         type == G_UNICODE_SPACING_MARK || type == G_UNICODE_FORMAT ||
         c == 0x0640 /* ARABIC TATWEEL */;
}

/**
 * escale_text_fold:
 *
 * Returns: (transfer full): @text decomposed, without marks or apostrophes,
 *   case-folded, with every other non-alphanumeric run turned into one space
 */
char *
escale_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *folded = NULL;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_dropped_mark (c) || is_apostrophe (c))
        continue;
      if (g_unichar_isalnum (c) || c == '-')
        {
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        pending_space = TRUE;
    }
  folded = g_utf8_casefold (out->str, out->len);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}

char *
escale_text_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/**
 * escale_text_phone_key:
 *
 * Returns: (transfer full) (nullable): the digits of a phone number in
 *   their national form (+33 6 12… and 0033 6 12… become 0612…), or %NULL
 *   when @phone has fewer than two digits
 */
char *
escale_text_phone_key (const char *phone)
{
  g_autofree char *digits = escale_text_digits (phone);
  const char *start = digits;

  if (strlen (digits) < 2)
    return NULL;
  if (g_str_has_prefix (start, "00"))
    start += 2;
  if (g_str_has_prefix (start, "33") && strlen (start) >= 3)
    return g_strconcat ("0", start + 2, NULL);
  return g_strdup (start);
}

/* Arabic letters U+0621..U+064A to Latin. */
static const char *const arabic[] = {
  /* 0621 */ "", "a", "a", "", "i", "", "a", "b", "a", "t", "th", "j", "h", "kh", "d",
  /* 0630 */ "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh", "", "", "", "", "",
  /* 0640 */ "", "f", "q", "k", "l", "m", "n", "h", "w", "a", "y",
};

/* Cyrillic U+0430..U+044F (after case folding), then U+0450..U+045F. */
static const char *const cyrillic[] = {
  "a", "b", "v", "h", "d", "e", "zh", "z", "y", "i", "k", "l", "m", "n", "o", "p",
  "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
  "e", "yo", "dj", "g", "ye", "s", "i", "yi", "j", "l", "n", "c", "k", "i", "u", "dz",
};

/* Ge'ez syllables come in rows of eight: a consonant and its vowel orders. */
static const char *const geez_consonants[] = {
  /* 1200 */ "h", "l", "h", "m", "s", "r", "s", "sh", "q", "qw", "qh", "qhw", "b", "v", "t", "ch",
  /* 1280 */ "h", "hw", "n", "ny", "", "k", "kw", "kh", "khw", "w", "", "z", "zh", "y", "d", "d",
  /* 1300 */ "j", "g", "gw", "ng", "t", "ch", "p", "ts", "ts", "f", "p",
};
static const char *const geez_vowels[] = { "e", "u", "i", "a", "e", "", "o", "wa" };

static void
append_transliteration (GString  *out,
                        gunichar  c)
{
  if (c >= 0x0621 && c <= 0x064A)
    g_string_append (out, arabic[c - 0x0621]);
  else if (c == 0x067E)
    g_string_append (out, "p");
  else if (c == 0x0686)
    g_string_append (out, "ch");
  else if (c == 0x06A9 || c == 0x0643)
    g_string_append (out, "k");
  else if (c == 0x06AF)
    g_string_append (out, "g");
  else if (c == 0x06CC || c == 0x064A)
    g_string_append (out, "y");
  else if (c == 0x0698)
    g_string_append (out, "zh");
  else if (c >= 0x0430 && c <= 0x045F)
    g_string_append (out, cyrillic[c - 0x0430]);
  else if (c >= 0x1200 && c < 0x1200 + 8 * G_N_ELEMENTS (geez_consonants))
    {
      guint row = (c - 0x1200) / 8, order = (c - 0x1200) % 8;
      g_string_append (out, geez_consonants[row]);
      g_string_append (out, geez_vowels[order]);
    }
  else
    g_string_append_unichar (out, c);
}

/**
 * escale_text_transliterate:
 * @folded: text already folded by escale_text_fold()
 *
 * Returns: (transfer full): Arabic, Persian, Cyrillic and Ge'ez letters
 *   written with Latin letters; other characters as they are
 */
char *
escale_text_transliterate (const char *folded)
{
  GString *out = g_string_new (NULL);

  for (const char *p = folded; p && *p; p = g_utf8_next_char (p))
    append_transliteration (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
is_vowel (char c)
{
  return strchr ("aeiouy", c) != NULL;
}

/**
 * escale_text_skeleton:
 * @word: one word, folded
 *
 * The consonant skeleton of a name: transliterated, vowels dropped after
 * the first letter, "ph" read as "f", doubled letters made single. Mohamed,
 * Mohammed, Muhammad and محمد all give "mhmd".
 */
char *
escale_text_skeleton (const char *word)
{
  g_autofree char *latin = escale_text_transliterate (word);
  GString *out = g_string_new (NULL);

  for (const char *p = latin; *p; p++)
    {
      char c = *p;

      if (!g_ascii_isalnum (c))
        continue;
      if (c == 'p' && p[1] == 'h')
        {
          c = 'f';
          p++;
        }
      else if (c == 'w' && out->len > 0)
        continue;
      if (out->len > 0 && is_vowel (c))
        continue;
      if (out->len > 0 && out->str[out->len - 1] == c)
        continue;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * escale_text_skeletons:
 * @names: any names, in any script
 *
 * Returns: (transfer full): the distinct skeletons of the words of @names
 *   that have at least two letters
 */
GStrv
escale_text_skeletons (const char *names)
{
  g_autofree char *folded = escale_text_fold (names);
  g_auto(GStrv) words = g_strsplit_set (folded, " -", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *skeleton = escale_text_skeleton (words[i]);

      if (strlen (skeleton) < 2 || g_ptr_array_find_with_equal_func (out, skeleton,
                                                                      g_str_equal, NULL))
        {
          g_free (skeleton);
          continue;
        }
      g_ptr_array_add (out, skeleton);
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

static void
append_fts_string (GString    *out,
                   const char *token)
{
  g_string_append_c (out, '"');
  for (const char *p = token; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * escale_text_fts_query:
 * @query: what the user typed
 * @prefix: whether the last word may be a prefix (search as you type);
 *   the other words are always prefixes too
 *
 * Builds a MATCH expression for the person_search table. Every word is
 * quoted, so no text can form an FTS5 operator.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   @query holds nothing searchable
 */
char *
escale_text_fts_query (const char *query,
                       gboolean    prefix)
{
  g_autofree char *folded = escale_text_fold (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      append_fts_string (out, words[i]);
      if (prefix)
        g_string_append_c (out, '*');
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static gint
compare_longer_first (gconstpointer a,
                      gconstpointer b)
{
  return (int) strlen (*(const char **) b) - (int) strlen (*(const char **) a);
}

/**
 * escale_text_trigram_query:
 *
 * The person_trigram table is `detail=none`: FTS5 cannot answer a MATCH on
 * a word of four letters or more there (that is a phrase of trigrams), but
 * it does use its index for `text LIKE '%word%'`. So the search looks up
 * the first word with LIKE and checks the others with instr().
 *
 * Returns: (transfer full) (nullable): a JSON array of the distinct words
 *   of three characters or more, folded, longest first; %NULL when the
 *   query has no such word
 */
char *
escale_text_trigram_query (const char *query)
{
  g_autofree char *folded = escale_text_fold (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 3 &&
        !g_ptr_array_find_with_equal_func (kept, words[i], g_str_equal, NULL))
      g_ptr_array_add (kept, words[i]);
  if (kept->len == 0)
    return NULL;
  g_ptr_array_sort (kept, compare_longer_first);
  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      /* Folded words hold only letters, digits and hyphens: nothing to escape. */
      g_string_append_printf (out, "\"%s\"", (const char *) g_ptr_array_index (kept, i));
    }
  g_string_append_c (out, ']');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
