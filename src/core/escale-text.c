/* escale-text.c — folding of names for search and duplicate detection
 *
 * Search does not rely on SQLite's tokenizers alone: they do not drop
 * Arabic vowel marks, and the trigram tokenizer of SQLite 3.40 keeps
 * accents. So every name is folded here (compatibility decomposition,
 * combining marks and tatweel dropped, case folded) and the folded text is
 * what the full-text tables index. Arabic, Persian, Pashto, Cyrillic and
 * Ge'ez letters are transliterated to Latin ones, and each word of a name
 * has a consonant skeleton (escale_text_skeleton()) where the common
 * spellings of one name meet, whatever the script: the duplicate
 * suggestions and the last tier of search compare those.
 *
 * The indexes keep what these functions made when a person was saved: a
 * change to what they return for a name must bump ESCALE_TEXT_KEYS_VERSION
 * (escale-text.h), so that databases are indexed again when opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
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

/* Arabic letters U+0621..U+064A to Latin. Letters with a hamza or a madda
 * arrive here without it (escale_text_fold() decomposes them); ain is read
 * as "a", as French and English spellings write it (علي: Ali, عمر: Omar). */
static const char *const arabic[] = {
  /* 0621 */ "", "a", "a", "", "i", "", "a", "b", "a", "t", "th", "j", "h", "kh", "d",
  /* 0630 */ "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "a", "gh", "", "", "", "", "",
  /* 0640 */ "", "f", "q", "k", "l", "m", "n", "h", "w", "a", "y",
};

/* The letters Persian, Dari, Pashto and Urdu add to the Arabic script, and
 * the Ukrainian ґ; sorted. */
typedef struct
{
  gunichar    c;
  const char *latin;
} Letter;

static const Letter other_letters[] = {
  { 0x0491, "g" },  /* ґ */
  { 0x0671, "a" },  /* alef wasla */
  { 0x0679, "t" }, { 0x067C, "t" }, { 0x067E, "p" }, { 0x0681, "dz" }, { 0x0685, "ts" },
  { 0x0686, "ch" }, { 0x0688, "d" }, { 0x0689, "d" }, { 0x0691, "r" }, { 0x0693, "r" },
  { 0x0696, "zh" }, { 0x0698, "zh" }, { 0x069A, "sh" }, { 0x06A9, "k" }, { 0x06AF, "g" },
  { 0x06BA, "n" }, { 0x06BC, "n" }, { 0x06BE, "h" }, { 0x06C1, "h" }, { 0x06CC, "y" },
  { 0x06CD, "y" }, { 0x06D0, "e" }, { 0x06D2, "e" }, { 0x06D5, "e" },
};

/* Cyrillic U+0430..U+044F (after case folding), then U+0450..U+045F. й and
 * ї arrive as и and і (escale_text_fold() drops their marks). */
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

static int
compare_letter (const void *key,
                const void *element)
{
  gunichar c = *(const gunichar *) key;
  gunichar other = *(const gunichar *) element;

  return (c > other) - (c < other);
}

static const char *
other_letter (gunichar c)
{
  const void *found = bsearch (&c, other_letters, G_N_ELEMENTS (other_letters),
                               sizeof other_letters[0], compare_letter);

  return found ? ((const Letter *) found)->latin : NULL;
}

static void
append_transliteration (GString  *out,
                        gunichar  c)
{
  const char *other;

  if (c >= 0x0621 && c <= 0x064A)
    g_string_append (out, arabic[c - 0x0621]);
  else if (c >= 0x0430 && c <= 0x045F)
    g_string_append (out, cyrillic[c - 0x0430]);
  else if (c >= 0x1200 && c < 0x1200 + 8 * G_N_ELEMENTS (geez_consonants))
    {
      guint row = (c - 0x1200) / 8, order = (c - 0x1200) % 8;
      g_string_append (out, geez_consonants[row]);
      g_string_append (out, geez_vowels[order]);
    }
  else if ((other = other_letter (c)) != NULL)
    g_string_append (out, other);
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

/* Spellings of one sound, each rewritten to one key before the vowels go,
 * so that the French and English ways of writing an Arabic, Cyrillic or
 * Ge'ez name meet: Chevtchenko and Shevchenko, Djamila and Jamila, Mikhail
 * and Mihail, Alexander and Aleksandr. Tried in this order at each letter,
 * longer spellings first. A Latin x is read "ks", which leaves "x" free
 * for the "sh" sound. */
static const struct
{
  const char *spelling;
  const char *key;
} sounds[] = {
  { "tch", "x" }, { "dzh", "j" }, { "ch", "x" }, { "sh", "x" }, { "kh", "h" }, { "gh", "g" },
  { "ph", "f" }, { "th", "t" }, { "dh", "d" }, { "dj", "j" }, { "zh", "j" }, { "q", "k" },
  { "x", "ks" },
};

/* The ASCII letters and digits of @latin, each sound as its key. */
static char *
spell_sounds (const char *latin)
{
  g_autoptr(GString) letters = g_string_new (NULL);
  GString *keys = g_string_new (NULL);

  for (const char *p = latin; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (letters, *p);
  for (const char *p = letters->str; *p; )
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (sounds); i++)
        if (g_str_has_prefix (p, sounds[i].spelling))
          break;
      if (i < G_N_ELEMENTS (sounds))
        {
          g_string_append (keys, sounds[i].key);
          p += strlen (sounds[i].spelling);
        }
      else
        g_string_append_c (keys, *p++);
    }
  return g_string_free (keys, FALSE);
}

/**
 * escale_text_skeleton:
 * @word: one word, folded
 *
 * The consonant skeleton of a name: transliterated, each sound spelt one
 * way ("kh" as "h", "ch" and "sh" as "x", "dj" as "j"…), a first vowel
 * read as "a", the other vowels and "w" dropped, doubled letters made
 * single. Mohamed, Mohammed, Muhammad and محمد all give "mhmd"; Yonas,
 * Yonass and ዮናስ "yns"; Oleksandr, Олександр, Aleksandr and Alexander
 * "alksndr". Holds only ASCII lowercase letters and digits.
 */
char *
escale_text_skeleton (const char *word)
{
  g_autofree char *latin = escale_text_transliterate (word);
  g_autofree char *keys = spell_sounds (latin);
  GString *out = g_string_new (NULL);

  for (const char *p = keys; *p; p++)
    {
      char c = *p;

      if (out->len == 0)
        c = is_vowel (c) && c != 'y' ? 'a' : c;
      else if (c == 'w' || is_vowel (c) || out->str[out->len - 1] == c)
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

typedef struct
{
  char     *skeleton;
  gboolean  prefix;
} SkeletonTerm;

static void
skeleton_term_clear (SkeletonTerm *term)
{
  g_free (term->skeleton);
}

/* The most selective first: whole skeletons, then the longer. */
static gint
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const SkeletonTerm *x = a, *y = b;

  if (x->prefix != y->prefix)
    return x->prefix - y->prefix;
  return (int) strlen (y->skeleton) - (int) strlen (x->skeleton);
}

/**
 * escale_text_skeleton_query:
 * @query: what the user typed
 * @prefix: whether the last word may be the start of a word (search as
 *   you type)
 *
 * The terms of the person_skeleton lookup, which finds the spellings of a
 * name in other scripts and transliterations (escale_text_skeleton()).
 * Each word of @query that holds no digit and whose skeleton has two
 * letters or more is one term: a range [from, to] of skeletons, from = to
 * for a whole word; the last word, with @prefix and a skeleton of three
 * letters or more (fewer would match too many names), matches every
 * skeleton it starts. Skeletons hold
 * only ASCII letters and digits, so "~" sorts after all of them.
 *
 * Returns: (transfer full) (nullable): a JSON array of [from, to] pairs,
 *   the most selective first; %NULL when no word has a skeleton
 */
char *
escale_text_skeleton_query (const char *query,
                            gboolean    prefix)
{
  g_autofree char *folded = escale_text_fold (query);
  g_auto(GStrv) words = g_strsplit_set (folded, " -", -1);
  guint n_words = g_strv_length (words);
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (SkeletonTerm));
  g_autoptr(GString) out = g_string_new ("[");

  g_array_set_clear_func (terms, (GDestroyNotify) skeleton_term_clear);
  for (guint i = 0; i < n_words; i++)
    {
      SkeletonTerm term = { escale_text_skeleton (words[i]), FALSE };
      gsize length = strlen (term.skeleton);

      term.prefix = prefix && i == n_words - 1 && length >= 3;
      /* Names have no digits: a file or phone number is no name. */
      if (length >= 2 && strpbrk (words[i], "0123456789") == NULL)
        g_array_append_val (terms, term);
      else
        g_free (term.skeleton);
    }
  if (terms->len == 0)
    return NULL;
  g_array_sort (terms, compare_terms);
  for (guint i = 0; i < terms->len; i++)
    {
      const SkeletonTerm *term = &g_array_index (terms, SkeletonTerm, i);

      g_string_append_printf (out, "%s[\"%s\",\"%s%s\"]", i ? "," : "", term->skeleton,
                              term->skeleton, term->prefix ? "~" : "");
    }
  g_string_append_c (out, ']');
  return g_string_free (g_steal_pointer (&out), FALSE);
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
