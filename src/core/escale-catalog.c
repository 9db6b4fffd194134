/* escale-catalog.c — translations into a language chosen per call
 *
 * A GNU .mo file (what msgfmt writes) is a header of 32-bit words in the
 * writer's byte order — magic, revision, count, and the offsets of two
 * tables of (length, offset) pairs: the original strings, sorted, and
 * their translations. It is read whole into a hash table, and the
 * catalogue's Plural-Forms expression is parsed into a small tree, so that
 * lookups need neither the locale nor any lock. Keys are as gettext stores
 * them: "context\004msgid"; a plural entry's translation holds its forms
 * separated by NUL bytes. Catalogues are read as UTF-8 (Escale's and
 * iso-codes' are); a translation that is not valid UTF-8 is left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "escale-catalog.h"

#define MO_MAGIC         0x950412de
#define MO_HEADER_SIZE   28
#define SYSTEM_LOCALEDIR "/usr/share/locale"
#define DEFAULT_PLURAL   "nplurals=2; plural=n != 1;"
#define MAX_PLURAL_DEPTH 64

typedef enum
{
  PLURAL_N,
  PLURAL_NUMBER,
  PLURAL_NOT,
  PLURAL_CONDITION,
  PLURAL_OR,
  PLURAL_AND,
  PLURAL_EQ,
  PLURAL_NE,
  PLURAL_LT,
  PLURAL_GT,
  PLURAL_LE,
  PLURAL_GE,
  PLURAL_ADD,
  PLURAL_SUB,
  PLURAL_MUL,
  PLURAL_DIV,
  PLURAL_MOD,
} PluralOp;

typedef struct _PluralNode PluralNode;
struct _PluralNode
{
  PluralOp    op;
  gulong      value;        /* PLURAL_NUMBER */
  PluralNode *operands[3];
};

typedef struct
{
  const char *token;
  PluralOp    op;
} PluralOperator;

/* The binary operators, loosest first, as in C ("<=" before "<"). */
static const PluralOperator or_operators[] = { { "||", PLURAL_OR }, { NULL, 0 } };
static const PluralOperator and_operators[] = { { "&&", PLURAL_AND }, { NULL, 0 } };
static const PluralOperator equality_operators[] = {
  { "==", PLURAL_EQ }, { "!=", PLURAL_NE }, { NULL, 0 },
};
static const PluralOperator relational_operators[] = {
  { "<=", PLURAL_LE }, { ">=", PLURAL_GE }, { "<", PLURAL_LT }, { ">", PLURAL_GT }, { NULL, 0 },
};
static const PluralOperator additive_operators[] = {
  { "+", PLURAL_ADD }, { "-", PLURAL_SUB }, { NULL, 0 },
};
static const PluralOperator multiplicative_operators[] = {
  { "*", PLURAL_MUL }, { "/", PLURAL_DIV }, { "%", PLURAL_MOD }, { NULL, 0 },
};
static const PluralOperator *const binary_levels[] = {
  or_operators, and_operators, equality_operators, relational_operators, additive_operators,
  multiplicative_operators,
};

typedef struct
{
  const char *p;
  GPtrArray  *nodes;  /* every node made, children before their parent */
  guint       depth;
} PluralParser;

struct _EscaleCatalog
{
  gatomicrefcount  ref_count;
  char            *language;
  GHashTable      *messages;  /* key → GStrv of the translation's forms */
  GPtrArray       *plural;    /* the expression's nodes, its root last */
  gulong           nplurals;
};

typedef struct
{
  const guint8 *data;
  gsize         size;
  gboolean      swap;
} MoFile;

static GMutex cache_lock;
static GHashTable *cache;  /* "domain/language" → EscaleCatalog */

/* The Plural-Forms expression */

static gboolean
plural_match (PluralParser *parser,
              const char   *token)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
  if (!g_str_has_prefix (parser->p, token))
    return FALSE;
  parser->p += strlen (token);
  return TRUE;
}

/* A node over @a, @b and @c (as many as @op takes), or NULL when one of
 * them failed to parse. */
static PluralNode *
plural_node (PluralParser *parser,
             PluralOp      op,
             PluralNode   *a,
             PluralNode   *b,
             PluralNode   *c)
{
  guint arity = op == PLURAL_N || op == PLURAL_NUMBER ? 0
              : op == PLURAL_NOT ? 1
              : op == PLURAL_CONDITION ? 3 : 2;
  PluralNode *operands[3] = { a, b, c };
  PluralNode *node;

  for (guint i = 0; i < arity; i++)
    if (operands[i] == NULL)
      return NULL;
  node = g_new0 (PluralNode, 1);
  node->op = op;
  memcpy (node->operands, operands, sizeof operands);
  g_ptr_array_add (parser->nodes, node);
  return node;
}

static PluralNode *parse_condition (PluralParser *parser);
static PluralNode *parse_unary     (PluralParser *parser);

static PluralNode *
parse_operand (PluralParser *parser)
{
  PluralNode *node;

  if (plural_match (parser, "!"))
    return plural_node (parser, PLURAL_NOT, parse_unary (parser), NULL, NULL);
  if (plural_match (parser, "("))
    {
      node = parse_condition (parser);
      return plural_match (parser, ")") ? node : NULL;
    }
  if (plural_match (parser, "n"))
    return plural_node (parser, PLURAL_N, NULL, NULL, NULL);
  if (!g_ascii_isdigit (*parser->p))
    return NULL;
  node = plural_node (parser, PLURAL_NUMBER, NULL, NULL, NULL);
  node->value = strtoul (parser->p, (char **) &parser->p, 10);
  return node;
}

/* Every nesting goes through here: a corrupt catalogue's "((((…" stops
 * at some depth instead of exhausting the stack. */
static PluralNode *
parse_unary (PluralParser *parser)
{
  PluralNode *node = NULL;

  if (parser->depth < MAX_PLURAL_DEPTH)
    {
      parser->depth++;
      node = parse_operand (parser);
      parser->depth--;
    }
  return node;
}

/* Left-associative binary operators of binary_levels[@level] and tighter. */
static PluralNode *
parse_binary (PluralParser *parser,
              guint         level)
{
  PluralNode *left;
  gboolean more = TRUE;

  if (level == G_N_ELEMENTS (binary_levels))
    return parse_unary (parser);
  left = parse_binary (parser, level + 1);
  while (left != NULL && more)
    {
      const PluralOperator *op = binary_levels[level];

      while (op->token != NULL && !plural_match (parser, op->token))
        op++;
      more = op->token != NULL;
      if (more)
        left = plural_node (parser, op->op, left, parse_binary (parser, level + 1), NULL);
    }
  return left;
}

/* condition ? a : b, right-associative. */
static PluralNode *
parse_condition (PluralParser *parser)
{
  PluralNode *condition = parse_binary (parser, 0);
  PluralNode *then;

  if (condition == NULL || !plural_match (parser, "?"))
    return condition;
  then = parse_condition (parser);
  if (then == NULL || !plural_match (parser, ":"))
    return NULL;
  return plural_node (parser, PLURAL_CONDITION, condition, then, parse_condition (parser));
}

/* The nodes of @expression, its root last, or NULL when it is not one
 * this parser understands. It ends at ";" or the end of the line. */
static GPtrArray *
plural_parse (const char *expression)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_free);
  PluralParser parser = { expression, nodes, 0 };

  if (parse_condition (&parser) == NULL)
    return NULL;
  while (*parser.p == ' ' || *parser.p == '\t')
    parser.p++;
  if (*parser.p != ';' && *parser.p != '\n' && *parser.p != '\r' && *parser.p != '\0')
    return NULL;
  return g_steal_pointer (&nodes);
}

static gulong
plural_eval (const PluralNode *node,
             gulong            n)
{
  gulong a, b;

  switch (node->op)
    {
    case PLURAL_N:
      return n;
    case PLURAL_NUMBER:
      return node->value;
    case PLURAL_NOT:
      return !plural_eval (node->operands[0], n);
    case PLURAL_CONDITION:
      return plural_eval (node->operands[plural_eval (node->operands[0], n) ? 1 : 2], n);
    case PLURAL_OR:
      return plural_eval (node->operands[0], n) || plural_eval (node->operands[1], n);
    case PLURAL_AND:
      return plural_eval (node->operands[0], n) && plural_eval (node->operands[1], n);
    default:
      break;
    }
  a = plural_eval (node->operands[0], n);
  b = plural_eval (node->operands[1], n);
  switch (node->op)
    {
    case PLURAL_EQ:
      return a == b;
    case PLURAL_NE:
      return a != b;
    case PLURAL_LT:
      return a < b;
    case PLURAL_GT:
      return a > b;
    case PLURAL_LE:
      return a <= b;
    case PLURAL_GE:
      return a >= b;
    case PLURAL_ADD:
      return a + b;
    case PLURAL_SUB:
      return a - b;
    case PLURAL_MUL:
      return a * b;
    case PLURAL_DIV:
      return b != 0 ? a / b : 0;
    case PLURAL_MOD:
      return b != 0 ? a % b : 0;
    default:
      g_assert_not_reached ();
    }
  return 0;
}

/* The value after @name ("nplurals=") in @forms, NULL when absent. */
static const char *
find_field (const char *forms,
            const char *name)
{
  const char *field = strstr (forms, name);

  return field ? field + strlen (name) : NULL;
}

/* Reads "nplurals=N; plural=EXPRESSION;" (a header's Plural-Forms), false
 * when it is not understood. */
static gboolean
set_plural_forms (EscaleCatalog *catalog,
                  const char    *forms)
{
  const char *nplurals = find_field (forms, "nplurals=");
  const char *expression = find_field (forms, "plural=");
  GPtrArray *plural;
  gulong count;

  if (nplurals == NULL || expression == NULL)
    return FALSE;
  count = strtoul (nplurals, NULL, 10);
  plural = plural_parse (expression);
  if (count == 0 || plural == NULL)
    {
      g_clear_pointer (&plural, g_ptr_array_unref);
      return FALSE;
    }
  g_clear_pointer (&catalog->plural, g_ptr_array_unref);
  catalog->plural = plural;
  catalog->nplurals = count;
  return TRUE;
}

/* Reading .mo files */

static guint32
mo_word (const MoFile *mo,
         guint64       at)
{
  guint32 word;

  memcpy (&word, mo->data + at, sizeof word);
  return mo->swap ? GUINT32_SWAP_LE_BE (word) : word;
}

/* Entry @i of the string table at @table, or NULL when it does not lie
 * within the file or lacks its final NUL. */
static const char *
mo_string (const MoFile *mo,
           guint32       table,
           guint32       i,
           guint32      *length)
{
  guint64 at = (guint64) table + (guint64) i * 8;
  guint32 offset;

  if (at + 8 > mo->size)
    return NULL;
  *length = mo_word (mo, at);
  offset = mo_word (mo, at + 4);
  if ((guint64) offset + *length >= mo->size || mo->data[offset + *length] != '\0')
    return NULL;
  return (const char *) mo->data + offset;
}

/* The forms of a translation ("one\0other"), NULL when one is not UTF-8. */
static GStrv
split_forms (const char *translation,
             guint32     length)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (const char *p = translation; p <= translation + length; p += strlen (p) + 1)
    {
      if (!g_utf8_validate (p, -1, NULL))
        return NULL;
      g_strv_builder_add (builder, p);
    }
  return g_strv_builder_end (builder);
}

/* The line @name ("Plural-Forms:") of a header entry. */
static char *
header_field (const char *header,
              const char *name)
{
  const char *line = header;

  while (line != NULL && !g_str_has_prefix (line, name))
    {
      line = strchr (line, '\n');
      line = line ? line + 1 : NULL;
    }
  if (line == NULL)
    return NULL;
  line += strlen (name);
  return g_strndup (line, strcspn (line, "\n"));
}

/* Fills @catalog from the .mo file @data; false, leaving it as it was,
 * when @data is not one. */
static gboolean
read_mo (EscaleCatalog *catalog,
         const char    *data,
         gsize          size)
{
  g_autoptr(GHashTable) messages = NULL;
  g_autofree char *plural_forms = NULL;
  MoFile mo = { (const guint8 *) data, size, FALSE };
  guint32 count, originals, translations;

  if (size < MO_HEADER_SIZE)
    return FALSE;
  mo.swap = mo_word (&mo, 0) != MO_MAGIC;
  /* Major revisions 0 and 1 share the tables read here. */
  if (mo_word (&mo, 0) != MO_MAGIC || mo_word (&mo, 4) >> 16 > 1)
    return FALSE;
  count = mo_word (&mo, 8);
  originals = mo_word (&mo, 12);
  translations = mo_word (&mo, 16);
  messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint32 i = 0; i < count; i++)
    {
      guint32 original_length, translation_length;
      const char *original = mo_string (&mo, originals, i, &original_length);
      const char *translation = mo_string (&mo, translations, i, &translation_length);
      GStrv forms;

      if (original == NULL || translation == NULL)
        return FALSE;
      if (*original == '\0')
        plural_forms = header_field (translation, "Plural-Forms:");
      else if (*translation != '\0' && (forms = split_forms (translation, translation_length)))
        g_hash_table_replace (messages, g_strdup (original), forms);
    }
  if (plural_forms != NULL && !set_plural_forms (catalog, plural_forms))
    g_debug ("Plural-Forms not understood, n != 1 instead: %s", plural_forms);
  g_hash_table_unref (catalog->messages);
  catalog->messages = g_steal_pointer (&messages);
  return TRUE;
}

/* Finding catalogues */

/* Languages written in the source strings' language: no catalogue. */
static gboolean
is_source_language (const char *language)
{
  return *language == '\0' || g_str_equal (language, "en") || g_str_equal (language, "C") ||
         g_str_has_prefix (language, "C.") || g_str_equal (language, "POSIX");
}

static void
add_candidate (GPtrArray *candidates,
               char      *language)
{
  for (guint i = 0; i < candidates->len; i++)
    if (g_str_equal (g_ptr_array_index (candidates, i), language))
      {
        g_free (language);
        return;
      }
  g_ptr_array_add (candidates, language);
}

/* Where to look for @language: itself, without its codeset ("sr_RS@latin"
 * for "sr_RS.UTF-8@latin"), its base ("sr"). */
static GPtrArray *
list_candidates (const char *language)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  const char *dot = strchr (language, '.');

  add_candidate (candidates, g_strdup (language));
  if (dot != NULL)
    {
      g_autofree char *locale = g_strndup (language, dot - language);
      const char *modifier = strchr (dot, '@');

      add_candidate (candidates, g_strconcat (locale, modifier, NULL));
    }
  add_candidate (candidates, g_strndup (language, strcspn (language, "_.@")));
  return candidates;
}

static const char *
default_localedir (const char *domain)
{
  if (g_str_equal (domain, GETTEXT_PACKAGE))
    return g_getenv ("ESCALE_LOCALEDIR") ?: LOCALEDIR;
  return SYSTEM_LOCALEDIR;
}

/* Reads the first catalogue of @domain found for @language in @localedir. */
static void
load (EscaleCatalog *catalog,
      const char    *domain,
      const char    *language,
      const char    *localedir)
{
  g_autoptr(GPtrArray) candidates = list_candidates (language);
  g_autofree char *file = g_strconcat (domain, ".mo", NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autofree char *path = g_build_filename (localedir, g_ptr_array_index (candidates, i),
                                                "LC_MESSAGES", file, NULL);
      g_autofree char *data = NULL;
      gsize size;

      if (!g_file_get_contents (path, &data, &size, NULL))
        continue;
      if (read_mo (catalog, data, size))
        return;
      g_debug ("%s is not a message catalogue", path);
    }
}

/* Public API */

/**
 * escale_catalog_new:
 *
 * Returns: (transfer full): the catalogue, empty when none is found
 */
EscaleCatalog *
escale_catalog_new (const char *domain,
                    const char *language,
                    const char *localedir)
{
  EscaleCatalog *catalog;

  g_return_val_if_fail (domain != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  catalog = g_new0 (EscaleCatalog, 1);
  g_atomic_ref_count_init (&catalog->ref_count);
  catalog->language = g_strdup (language);
  catalog->messages = g_hash_table_new (g_str_hash, g_str_equal);
  set_plural_forms (catalog, DEFAULT_PLURAL);
  if (!is_source_language (language))
    load (catalog, domain, language, localedir ? localedir : default_localedir (domain));
  return catalog;
}

/**
 * escale_catalog_get_for_domain:
 *
 * Returns: (transfer none): the catalogue of @domain for @language, made
 *   with a %NULL localedir on first use and kept for the process's life
 */
EscaleCatalog *
escale_catalog_get_for_domain (const char *domain,
                               const char *language)
{
  g_autofree char *key = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  EscaleCatalog *catalog;

  g_return_val_if_fail (domain != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  key = g_strconcat (domain, "/", language, NULL);
  locker = g_mutex_locker_new (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) escale_catalog_unref);
  catalog = g_hash_table_lookup (cache, key);
  if (catalog == NULL)
    {
      catalog = escale_catalog_new (domain, language, NULL);
      g_hash_table_insert (cache, g_steal_pointer (&key), catalog);
    }
  return catalog;
}

/**
 * escale_catalog_get:
 *
 * Returns: (transfer none): Escale's catalogue for @language
 */
EscaleCatalog *
escale_catalog_get (const char *language)
{
  return escale_catalog_get_for_domain (GETTEXT_PACKAGE, language);
}

EscaleCatalog *
escale_catalog_ref (EscaleCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  g_atomic_ref_count_inc (&catalog->ref_count);
  return catalog;
}

void
escale_catalog_unref (EscaleCatalog *catalog)
{
  g_return_if_fail (catalog != NULL);

  if (!g_atomic_ref_count_dec (&catalog->ref_count))
    return;
  g_free (catalog->language);
  g_hash_table_unref (catalog->messages);
  g_ptr_array_unref (catalog->plural);
  g_free (catalog);
}

gboolean
escale_catalog_is_empty (EscaleCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, TRUE);

  return g_hash_table_size (catalog->messages) == 0;
}

/**
 * escale_catalog_language:
 *
 * Returns: the language the catalogue was asked for
 */
const char *
escale_catalog_language (EscaleCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  return catalog->language;
}

const char *
escale_catalog_gettext (EscaleCatalog *catalog,
                        const char    *msgid)
{
  GStrv forms;

  g_return_val_if_fail (catalog != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  forms = g_hash_table_lookup (catalog->messages, msgid);
  return forms ? forms[0] : msgid;
}

const char *
escale_catalog_pgettext (EscaleCatalog *catalog,
                         const char    *context,
                         const char    *msgid)
{
  g_autofree char *key = NULL;
  GStrv forms;

  g_return_val_if_fail (catalog != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (context == NULL)
    return escale_catalog_gettext (catalog, msgid);
  key = g_strconcat (context, "\004", msgid, NULL);
  forms = g_hash_table_lookup (catalog->messages, key);
  return forms ? forms[0] : msgid;
}

const char *
escale_catalog_ngettext (EscaleCatalog *catalog,
                         const char    *msgid,
                         const char    *msgid_plural,
                         gulong         n)
{
  GStrv forms;
  gulong form;

  g_return_val_if_fail (catalog != NULL, n == 1 ? msgid : msgid_plural);
  g_return_val_if_fail (msgid != NULL, NULL);

  forms = g_hash_table_lookup (catalog->messages, msgid);
  if (forms == NULL)
    return n == 1 ? msgid : msgid_plural;
  form = plural_eval (g_ptr_array_index (catalog->plural, catalog->plural->len - 1), n);
  if (form >= catalog->nplurals || form >= g_strv_length (forms))
    form = 0;
  return forms[form];
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * escale_catalog_list_languages:
 *
 * Returns: (transfer full): "en", then the languages Escale's localedir has
 *   a catalogue for, sorted
 */
GStrv
escale_catalog_list_languages (void)
{
  const char *localedir = default_localedir (GETTEXT_PACKAGE);
  g_autofree char *file = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
  g_autoptr(GDir) dir = g_dir_open (localedir, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (localedir, name, "LC_MESSAGES", file, NULL);

      if (!is_source_language (name) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, g_strdup (name));
    }
  g_ptr_array_sort (found, compare_strings);
  g_strv_builder_add (builder, "en");
  for (guint i = 0; i < found->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (found, i));
  return g_strv_builder_end (builder);
}

/**
 * escale_language_is_right_to_left:
 *
 * Returns: whether texts in @language are laid out from right to left
 */
gboolean
escale_language_is_right_to_left (const char *language)
{
  static const char *const rtl[] = { "ar", "fa", "prs", "ps", "ur", "he", "ckb", NULL };
  g_autofree char *base = NULL;

  g_return_val_if_fail (language != NULL, FALSE);

  base = g_strndup (language, strcspn (language, "_@"));
  return g_strv_contains (rtl, base);
}
