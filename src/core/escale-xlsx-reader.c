/* escale-xlsx-reader.c — reading the first sheet of an XLSX workbook
 *
 * What associations have are workbooks saved by Excel or LibreOffice. The
 * zip is opened from memory with minizip and its parts are parsed, as they
 * are inflated, with GMarkupParseContext (which expands no entity, so no
 * "billion laughs"): _rels/.rels names the workbook, the workbook lists its
 * sheets in their order and its relationships say where the first one,
 * the shared strings and the styles are. The first sheet is read whole at
 * open, as rows of the cells that have a value, each row carrying the
 * sheet's own row number and each cell the column of its reference (r="C7"),
 * so that skipped cells and rows stay where they were.
 *
 * Cells become the text a CSV export would hold, without the locale:
 * shared, inline (rich text runs joined, phonetic runs left out) and
 * formula strings as they are; numbers with at most 15 significant digits
 * and no ".0" (a phone or file number typed as a number comes back as its
 * digits, padded when its format is "0000000000"); numbers whose format is
 * a date as YYYY-MM-DD, a date and time as YYYY-MM-DD HH:MM, a time as
 * HH:MM, in the 1900 date system (with Excel's 29 February 1900) or the
 * 1904 one; booleans as TRUE or FALSE. Error cells (#N/A…) are empty, and
 * reported as problems of their row.
 *
 * A hostile file meets limits: each part at most ESCALE_XLSX_MAX_PART bytes
 * once inflated and ESCALE_XLSX_MAX_RATIO times its compressed size (zlib's
 * limit is about 1000; minizip never inflates more than the size the zip
 * declares, and checks the CRC), the cells within Excel's last row and
 * column and ESCALE_XLSX_MAX_CELLS of them, each cut at ESCALE_XLSX_MAX_CELL
 * bytes. Password-protected workbooks and .xls files are OLE files, not
 * zips: they are recognised and refused with a message that says what to
 * do, as are OpenDocument spreadsheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <unzip.h>

#include "escale-xlsx-reader.h"

typedef struct
{
  guint column;
  const char *text;
  const char *problem;  /* translated, or NULL */
} Cell;

typedef struct
{
  guint line;
  guint first;  /* in cells */
  guint n_cells;
} Row;

struct _EscaleXlsxReader
{
  GStringChunk *strings;   /* the cells' texts and problems */
  GArray       *rows;      /* Row */
  GArray       *cells;     /* Cell */
  GArray       *problems;  /* EscaleXlsxProblem, of the row last read */
  guint         position;
  char         *sheet_name;
  guint         n_sheets;
};

/* How a cell's number is shown, from its style. */
typedef enum {
  SHOW_NUMBER,
  SHOW_DATE,
  SHOW_TIME,
  SHOW_DATE_TIME,
} Show;

typedef struct
{
  guint8 show;   /* Show */
  guint8 width;  /* pad integers with zeros to this width, when not 0 */
} Style;

/* What is learnt on the way to the sheet. */
typedef struct
{
  EscaleXlsxReader *reader;
  unzFile           zip;
  char             *workbook;       /* part names, without leading slash */
  char             *sheet;
  char             *shared_strings;
  char             *styles;
  char             *sheet_id;       /* the first sheet's relationship */
  gboolean          date1904;
  GPtrArray        *shared;         /* const char *, in reader->strings */
  GArray           *cell_styles;    /* Style, by cellXfs index */
} Workbook;

G_DEFINE_QUARK (escale-xlsx-error-quark, escale_xlsx_error)

static const guchar zip_magic[] = { 'P', 'K', 3, 4 };
static const guchar empty_zip_magic[] = { 'P', 'K', 5, 6 };
static const guchar ole_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/* Messages */

static void
set_damaged (GError **error)
{
  g_set_error_literal (error, ESCALE_XLSX_ERROR, ESCALE_XLSX_ERROR_DAMAGED,
                       _("This file is not a readable XLSX workbook: it may be damaged or "
                         "incomplete. Open it in your spreadsheet and save it again as .xlsx "
                         "or .csv."));
}

static void
set_encrypted (GError **error)
{
  g_set_error_literal (error, ESCALE_XLSX_ERROR, ESCALE_XLSX_ERROR_ENCRYPTED,
                       _("This workbook is protected by a password: open it in your "
                         "spreadsheet, remove the password, save it and import it again."));
}

static void
set_too_large (GError **error)
{
  g_set_error_literal (error, ESCALE_XLSX_ERROR, ESCALE_XLSX_ERROR_TOO_LARGE,
                       _("This workbook is too large to import, or damaged: split it into "
                         "smaller files, or save it as .csv."));
}

/* A zip in memory, for minizip */

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         position;
} Memory;

static voidpf ZCALLBACK
memory_open (voidpf      opaque,
             const void *name G_GNUC_UNUSED,
             int         mode)
{
  return (mode & ZLIB_FILEFUNC_MODE_WRITE) ? NULL : opaque;
}

static uLong ZCALLBACK
memory_read (voidpf  opaque G_GNUC_UNUSED,
             voidpf  stream,
             void   *buffer,
             uLong   size)
{
  Memory *memory = stream;
  gsize n = MIN ((gsize) size, memory->length - memory->position);

  memcpy (buffer, memory->data + memory->position, n);
  memory->position += n;
  return (uLong) n;
}

static uLong ZCALLBACK
memory_write (voidpf      opaque G_GNUC_UNUSED,
              voidpf      stream G_GNUC_UNUSED,
              const void *buffer G_GNUC_UNUSED,
              uLong       size G_GNUC_UNUSED)
{
  return 0;
}

static ZPOS64_T ZCALLBACK
memory_tell (voidpf opaque G_GNUC_UNUSED,
             voidpf stream)
{
  return ((Memory *) stream)->position;
}

static long ZCALLBACK
memory_seek (voidpf   opaque G_GNUC_UNUSED,
             voidpf   stream,
             ZPOS64_T offset,
             int      origin)
{
  Memory *memory = stream;
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0
                  : origin == ZLIB_FILEFUNC_SEEK_CUR ? memory->position : memory->length;

  if (offset > memory->length || base + offset > memory->length)
    return -1;
  memory->position = (gsize) (base + offset);
  return 0;
}

static int ZCALLBACK
memory_close (voidpf opaque G_GNUC_UNUSED,
              voidpf stream G_GNUC_UNUSED)
{
  return 0;
}

static int ZCALLBACK
memory_error (voidpf opaque G_GNUC_UNUSED,
              voidpf stream G_GNUC_UNUSED)
{
  return 0;
}

static unzFile
open_zip (Memory *memory)
{
  zlib_filefunc64_def functions = {
    memory_open, memory_read, memory_write, memory_tell, memory_seek, memory_close,
    memory_error, memory,
  };

  return unzOpen2_64 ("", &functions);
}

/* Parts */

/* Inflates the part @name into @context as it comes; %FALSE and no error
 * when the part is absent and @optional. */
static gboolean
parse_part (Workbook             *workbook,
            const char           *name,
            gboolean              optional,
            GMarkupParseContext  *context,
            GError              **error)
{
  unz_file_info64 info;
  g_autofree char *buffer = NULL;
  guint64 total = 0;
  int n;

  if (name == NULL || unzLocateFile (workbook->zip, name, 2) != UNZ_OK)
    {
      if (!optional)
        set_damaged (error);
      return FALSE;
    }
  if (unzGetCurrentFileInfo64 (workbook->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
    {
      set_damaged (error);
      return FALSE;
    }
  if (info.flag & 1)
    {
      set_encrypted (error);
      return FALSE;
    }
  if (info.uncompressed_size > ESCALE_XLSX_MAX_PART ||
      (info.uncompressed_size > 1024 * 1024 &&
       info.uncompressed_size / MAX (info.compressed_size, 1) > ESCALE_XLSX_MAX_RATIO))
    {
      set_too_large (error);
      return FALSE;
    }
  if (unzOpenCurrentFile (workbook->zip) != UNZ_OK)
    {
      set_damaged (error);
      return FALSE;
    }
  buffer = g_malloc (64 * 1024);
  while ((n = unzReadCurrentFile (workbook->zip, buffer, 64 * 1024)) > 0)
    {
      /* minizip stops at the declared size: this is a second guard. */
      total += (guint64) n;
      if (total > ESCALE_XLSX_MAX_PART)
        {
          unzCloseCurrentFile (workbook->zip);
          set_too_large (error);
          return FALSE;
        }
      if (!g_markup_parse_context_parse (context, buffer, n, error))
        {
          unzCloseCurrentFile (workbook->zip);
          return FALSE;
        }
    }
  /* The CRC is checked here, once the whole part is read. */
  if (unzCloseCurrentFile (workbook->zip) != UNZ_OK || n < 0)
    {
      set_damaged (error);
      return FALSE;
    }
  return g_markup_parse_context_end_parse (context, error);
}

/* Parses a part with @parser. Returns %TRUE when it is absent but
 * @optional; a markup error means a damaged file. */
static gboolean
read_part (Workbook             *workbook,
           const char           *name,
           gboolean              optional,
           const GMarkupParser  *parser,
           gpointer              data,
           GError              **error)
{
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, data, NULL);
  g_autoptr(GError) local = NULL;

  if (parse_part (workbook, name, optional, context, &local))
    return TRUE;
  if (local == NULL)
    return TRUE;
  if (local->domain == ESCALE_XLSX_ERROR)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    set_damaged (error);
  return FALSE;
}

/* Element and attribute names without their namespace prefix. */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static gboolean
is (const char *element,
    const char *name)
{
  return strcmp (local_name (element), name) == 0;
}

static const char *
attribute (const char  **names,
           const char  **values,
           const char   *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

/* The relationship id of <sheet r:id="rId1">, whatever its prefix. */
static const char *
relationship_attribute (const char **names,
                        const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strchr (names[i], ':') != NULL && strcmp (local_name (names[i]), "id") == 0)
      return values[i];
  return NULL;
}

static gboolean
is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

/* A target relative to the folder of @source, as a part name. */
static char *
resolve_target (const char *source,
                const char *target)
{
  g_autofree char *folder = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    {
      folder = g_path_get_dirname (source);
      joined = strcmp (folder, ".") == 0 ? g_strdup (target)
                                         : g_strconcat (folder, "/", target, NULL);
    }
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0 && kept->len > 0)
      g_ptr_array_remove_index (kept, kept->len - 1);
    else if (*parts[i] != '\0' && strcmp (parts[i], ".") != 0 && strcmp (parts[i], "..") != 0)
      g_ptr_array_add (kept, parts[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (GStrv) kept->pdata);
}

/* Relationships */

typedef struct
{
  const char  *source;  /* the part they belong to */
  const char  *id;      /* the one wanted, or NULL */
  char       **by_id;   /* its target */
  char       **office_document, **styles, **shared_strings;
} Relationships;

static gboolean
has_type (const char *type,
          const char *name)
{
  const char *slash = type ? strrchr (type, '/') : NULL;

  return slash != NULL && strcmp (slash + 1, name) == 0;
}

static void
set_target (char       **slot,
            const char  *source,
            const char  *target)
{
  if (slot != NULL && *slot == NULL)
    *slot = resolve_target (source, target);
}

static void
relationship_start (GMarkupParseContext  *context G_GNUC_UNUSED,
                    const char           *element,
                    const char          **names,
                    const char          **values,
                    gpointer              data,
                    GError              **error G_GNUC_UNUSED)
{
  Relationships *rels = data;
  const char *id = attribute (names, values, "Id");
  const char *type = attribute (names, values, "Type");
  const char *target = attribute (names, values, "Target");

  if (!is (element, "Relationship") || target == NULL ||
      g_strcmp0 (attribute (names, values, "TargetMode"), "External") == 0)
    return;
  if (rels->id != NULL && g_strcmp0 (id, rels->id) == 0)
    set_target (rels->by_id, rels->source, target);
  if (has_type (type, "officeDocument"))
    set_target (rels->office_document, rels->source, target);
  else if (has_type (type, "styles"))
    set_target (rels->styles, rels->source, target);
  else if (has_type (type, "sharedStrings"))
    set_target (rels->shared_strings, rels->source, target);
}

static const GMarkupParser relationships_parser = { relationship_start, NULL, NULL, NULL, NULL };

static char *
relationships_part (const char *source)
{
  g_autofree char *folder = g_path_get_dirname (source);
  g_autofree char *base = g_path_get_basename (source);

  if (strcmp (folder, ".") == 0)
    return g_strconcat ("_rels/", base, ".rels", NULL);
  return g_strconcat (folder, "/_rels/", base, ".rels", NULL);
}

/* The workbook */

static void
workbook_start (GMarkupParseContext  *context G_GNUC_UNUSED,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              data,
                GError              **error G_GNUC_UNUSED)
{
  Workbook *workbook = data;

  if (is (element, "workbookPr"))
    workbook->date1904 = is_true (attribute (names, values, "date1904"));
  else if (is (element, "sheet") && workbook->reader->n_sheets++ == 0)
    {
      workbook->reader->sheet_name = g_strdup (attribute (names, values, "name"));
      workbook->sheet_id = g_strdup (relationship_attribute (names, values));
    }
}

static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, NULL, NULL };

/* Whether a zip that is not a workbook is an OpenDocument file. */
static void
set_not_workbook (Workbook  *workbook,
                  GError   **error)
{
  if (unzLocateFile (workbook->zip, "content.xml", 2) == UNZ_OK)
    g_set_error_literal (error, ESCALE_XLSX_ERROR, ESCALE_XLSX_ERROR_ODS,
                         _("This is an OpenDocument spreadsheet (.ods), which cannot be read: "
                           "open it in your spreadsheet and save it as .xlsx or .csv."));
  else
    set_damaged (error);
}

static gboolean
find_first_sheet (Workbook  *workbook,
                  GError   **error)
{
  Relationships rels = { "", NULL, NULL, &workbook->workbook, NULL, NULL };
  g_autofree char *workbook_rels = NULL;

  if (!read_part (workbook, "_rels/.rels", TRUE, &relationships_parser, &rels, error))
    return FALSE;
  if (workbook->workbook == NULL)
    workbook->workbook = g_strdup ("xl/workbook.xml");
  if (unzLocateFile (workbook->zip, workbook->workbook, 2) != UNZ_OK)
    {
      set_not_workbook (workbook, error);
      return FALSE;
    }
  if (!read_part (workbook, workbook->workbook, FALSE, &workbook_parser, workbook, error))
    return FALSE;
  workbook_rels = relationships_part (workbook->workbook);
  rels = (Relationships) { workbook->workbook, workbook->sheet_id, &workbook->sheet, NULL,
                           &workbook->styles, &workbook->shared_strings };
  if (!read_part (workbook, workbook_rels, FALSE, &relationships_parser, &rels, error))
    return FALSE;
  if (workbook->sheet_id == NULL || workbook->sheet == NULL)
    {
      set_damaged (error);
      return FALSE;
    }
  return TRUE;
}

/* Styles */

/* Drops what a format shows as it is: "quoted text", \x, [colours and
 * locales], _x and *x, and AM/PM. Keeps [h], [m] and [s], elapsed time. */
static char *
format_letters (const char *code)
{
  GString *letters = g_string_new (NULL);

  for (const char *c = code; *c != '\0' && *c != ';'; c++)
    {
      if (*c == '"')
        {
          const char *end = strchr (c + 1, '"');
          if (end == NULL)
            break;
          c = end;
        }
      else if ((*c == '\\' || *c == '_' || *c == '*') && c[1] != '\0')
        c++;
      else if (*c == '[')
        {
          const char *end = strchr (c, ']');
          if (end == NULL)
            break;
          if (end == c + 2 && strchr ("hHmMsS", c[1]) != NULL)
            g_string_append_c (letters, g_ascii_tolower (c[1]));
          c = end;
        }
      else if (g_ascii_strncasecmp (c, "AM/PM", 5) == 0)
        c += 4;
      else if (g_ascii_strncasecmp (c, "A/P", 3) == 0)
        c += 2;
      else
        g_string_append_c (letters, g_ascii_tolower (*c));
    }
  return g_string_free (letters, FALSE);
}

static Style
style_of_format (const char *code)
{
  g_autofree char *letters = format_letters (code);
  gboolean time = strpbrk (letters, "hs") != NULL;
  gboolean date = strpbrk (letters, "dy") != NULL || (strchr (letters, 'm') && !time);
  gsize zeros = strspn (code, "0");
  Style style = { SHOW_NUMBER, 0 };

  if (date)
    style.show = time ? SHOW_DATE_TIME : SHOW_DATE;
  else if (time)
    style.show = SHOW_TIME;
  else if (zeros > 1 && zeros == strlen (code) && zeros < 20)
    style.width = (guint8) zeros;
  return style;
}

static Style
style_of_builtin (guint id)
{
  Style style = { SHOW_NUMBER, 0 };

  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    style.show = SHOW_DATE;
  else if (id == 22)
    style.show = SHOW_DATE_TIME;
  else if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
    style.show = SHOW_TIME;
  return style;
}

typedef struct
{
  Workbook   *workbook;
  GHashTable *formats;  /* numFmtId → Style */
  int         depth_cell_xfs;
} Styles;

static void
styles_start (GMarkupParseContext  *context G_GNUC_UNUSED,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              data,
              GError              **error G_GNUC_UNUSED)
{
  Styles *styles = data;
  const char *id = attribute (names, values, "numFmtId");
  guint number = id != NULL ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;

  if (is (element, "numFmt") && id != NULL && attribute (names, values, "formatCode"))
    {
      Style style = style_of_format (attribute (names, values, "formatCode"));
      g_hash_table_insert (styles->formats, GUINT_TO_POINTER (number),
                           GUINT_TO_POINTER (style.show | style.width << 8));
    }
  else if (is (element, "cellXfs"))
    styles->depth_cell_xfs = 1;
  else if (is (element, "xf") && styles->depth_cell_xfs > 0)
    {
      gpointer found;
      Style style = style_of_builtin (number);

      if (g_hash_table_lookup_extended (styles->formats, GUINT_TO_POINTER (number), NULL,
                                        &found))
        style = (Style) { GPOINTER_TO_UINT (found) & 0xff, GPOINTER_TO_UINT (found) >> 8 };
      if (styles->workbook->cell_styles->len < ESCALE_XLSX_MAX_CELLS)
        g_array_append_val (styles->workbook->cell_styles, style);
    }
}

static void
styles_end (GMarkupParseContext  *context G_GNUC_UNUSED,
            const char           *element,
            gpointer              data,
            GError              **error G_GNUC_UNUSED)
{
  if (is (element, "cellXfs"))
    ((Styles *) data)->depth_cell_xfs = 0;
}

static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };

static gboolean
read_styles (Workbook  *workbook,
             GError   **error)
{
  Styles styles = { workbook, g_hash_table_new (NULL, NULL), 0 };
  gboolean ok = read_part (workbook, workbook->styles, TRUE, &styles_parser, &styles, error);

  g_hash_table_unref (styles.formats);
  return ok;
}

/* Strings: the text of <t> elements, outside phonetic runs */

typedef struct
{
  GString *text;
  gboolean in_t;
  guint    in_phonetic;
} Text;

static void
text_start (Text       *text,
            const char *element)
{
  if (is (element, "rPh"))
    text->in_phonetic++;
  else if (is (element, "t") && text->in_phonetic == 0)
    text->in_t = TRUE;
}

static void
text_end (Text       *text,
          const char *element)
{
  if (is (element, "rPh") && text->in_phonetic > 0)
    text->in_phonetic--;
  else if (is (element, "t"))
    text->in_t = FALSE;
}

static void
text_append (Text       *text,
             const char *chars,
             gsize       length)
{
  /* A little over the limit is kept, to be cut and reported with its cell. */
  if (text->in_t && text->text->len <= ESCALE_XLSX_MAX_CELL)
    g_string_append_len (text->text, chars, (gssize) MIN (length, ESCALE_XLSX_MAX_CELL + 4));
}

/* Excel writes characters XML cannot hold as _xHHHH_ (_x000D_ for a
 * carriage return), and a real "_x" as _x005F_x. */
static void
decode_escapes (GString *text)
{
  gsize i = 0;

  while (i + 7 <= text->len)
    {
      const char *s = text->str + i;
      gunichar c;

      if (s[0] != '_' || s[1] != 'x' || s[6] != '_' || !g_ascii_isxdigit (s[2]) ||
          !g_ascii_isxdigit (s[3]) || !g_ascii_isxdigit (s[4]) || !g_ascii_isxdigit (s[5]))
        {
          i++;
          continue;
        }
      c = (gunichar) g_ascii_strtoull (s + 2, NULL, 16);
      g_string_erase (text, (gssize) i, 7);
      if (c != 0 && g_unichar_validate (c))
        {
          char utf8[6];
          gint length = g_unichar_to_utf8 (c, utf8);
          g_string_insert_len (text, (gssize) i, utf8, length);
          i += (gsize) length;
        }
    }
}

typedef struct
{
  Workbook *workbook;
  Text      text;
} SharedStrings;

static void
shared_start (GMarkupParseContext  *context G_GNUC_UNUSED,
              const char           *element,
              const char          **names G_GNUC_UNUSED,
              const char          **values G_GNUC_UNUSED,
              gpointer              data,
              GError              **error G_GNUC_UNUSED)
{
  SharedStrings *shared = data;

  if (is (element, "si"))
    g_string_truncate (shared->text.text, 0);
  text_start (&shared->text, element);
}

static void
shared_end (GMarkupParseContext  *context G_GNUC_UNUSED,
            const char           *element,
            gpointer              data,
            GError              **error G_GNUC_UNUSED)
{
  SharedStrings *shared = data;

  text_end (&shared->text, element);
  if (is (element, "si"))
    {
      decode_escapes (shared->text.text);
      g_ptr_array_add (shared->workbook->shared,
                       g_string_chunk_insert_const (shared->workbook->reader->strings,
                                                    shared->text.text->str));
    }
}

static void
shared_text (GMarkupParseContext  *context G_GNUC_UNUSED,
             const char           *chars,
             gsize                 length,
             gpointer              data,
             GError              **error G_GNUC_UNUSED)
{
  text_append (&((SharedStrings *) data)->text, chars, length);
}

static const GMarkupParser shared_parser = { shared_start, shared_end, shared_text, NULL, NULL };

static gboolean
read_shared_strings (Workbook  *workbook,
                     GError   **error)
{
  SharedStrings shared = { workbook, { g_string_new (NULL), FALSE, 0 } };
  gboolean ok = read_part (workbook, workbook->shared_strings, TRUE, &shared_parser, &shared,
                           error);

  g_string_free (shared.text.text, TRUE);
  return ok;
}

/* Numbers */

static void
append_date (GString *text,
             gint64   day,      /* days since 1899-12-30 */
             gboolean date1904)
{
  g_autoptr(GDate) date = NULL;
  gint64 julian;

  /* 1900 system: serial 1 is 1900-01-01 and 60 Excel's 29 February 1900,
   * which never was; from 61 on, counting from 1899-12-30 is right. */
  if (!date1904 && day == 60)
    {
      g_string_append (text, "1900-02-29");
      return;
    }
  if (!date1904 && day >= 1 && day < 60)
    day++;
  /* GDate's day 1 is 0001-01-01; 1899-12-30 is its day 693594. */
  julian = day + (date1904 ? 695056 : 693594);
  if (julian < 1 || julian > G_MAXUINT32 || !g_date_valid_julian ((guint32) julian))
    {
      g_string_append_printf (text, "%lld", (long long) day);
      return;
    }
  date = g_date_new_julian ((guint32) julian);
  g_string_append_printf (text, "%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static void
append_time (GString *text,
             gint64   minutes)
{
  g_string_append_printf (text, "%02lld:%02d", (long long) (minutes / 60), (int) (minutes % 60));
}

/* A serial number shown as a date, a date and time, or a time. */
static void
append_serial (GString  *text,
               double    serial,
               Show      show,
               gboolean  date1904)
{
  gint64 minutes;

  if (show == SHOW_DATE)
    {
      append_date (text, (gint64) floor (serial), date1904);
      return;
    }
  /* Rounded to the minute: 0.999999 of a day is midnight the next day. */
  minutes = (gint64) llround (serial * 24 * 60);
  if (show == SHOW_TIME && minutes >= 0)
    {
      /* Hours beyond 24 are a duration, as [h]:mm shows it. */
      append_time (text, minutes);
      return;
    }
  append_date (text, (gint64) floor ((double) minutes / (24 * 60)), date1904);
  g_string_append_c (text, ' ');
  minutes -= (gint64) floor ((double) minutes / (24 * 60)) * 24 * 60;
  append_time (text, minutes);
}

/* A number as a CSV export would hold it: no ".0", no exponent below
 * 10^15, 15 significant digits as Excel shows them, never the locale's
 * decimal comma. */
static void
append_number (GString     *text,
               const char  *value,
               const Style *style,
               gboolean     date1904)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);

  if (end == value || *end != '\0' || !isfinite (number))
    {
      g_string_append (text, value);
      return;
    }
  if (style->show != SHOW_NUMBER && number > -1e7 && number < 1e7)
    {
      append_serial (text, number, (Show) style->show, date1904);
      return;
    }
  if (style->width > 0 && number >= 0 && number < 1e15 && number == floor (number))
    {
      g_string_append_printf (text, "%0*lld", (int) style->width, (long long) number);
      return;
    }
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  g_string_append (text, buffer);
}

/* A t="d" cell (ISO 8601, as Strict OOXML writes dates). */
static void
append_iso (GString    *text,
            const char *value)
{
  gsize length = strlen (value);

  g_string_append_len (text, value, (gssize) MIN (length, 10));
  if (length >= 16 && value[10] == 'T' && strncmp (value + 11, "00:00", 5) != 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_len (text, value + 11, 5);
    }
}

/* The sheet */

typedef enum {
  TYPE_NUMBER,
  TYPE_SHARED,
  TYPE_INLINE,
  TYPE_STRING,
  TYPE_BOOLEAN,
  TYPE_ERROR,
  TYPE_DATE,
} Type;

typedef struct
{
  Workbook *workbook;
  gboolean  in_data;
  guint     line;     /* of the row being read */
  guint     first;    /* its first cell */
  guint     column;   /* of the cell being read, 0-based */
  Type      type;
  guint     style;
  gboolean  in_value;
  gboolean  in_inline;
  Text      text;     /* <v>, or the <t> of an inline string */
} Sheet;

static Type
cell_type (const char *type)
{
  static const struct { const char *name; Type type; } types[] = {
    { "s", TYPE_SHARED }, { "inlineStr", TYPE_INLINE }, { "str", TYPE_STRING },
    { "b", TYPE_BOOLEAN }, { "e", TYPE_ERROR }, { "d", TYPE_DATE },
  };

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (types); i++)
    if (strcmp (type, types[i].name) == 0)
      return types[i].type;
  return TYPE_NUMBER;
}

/* "C7" → column 2 (and row 7, unused: the row says it). */
static gboolean
parse_reference (const char *reference,
                 guint      *column)
{
  guint n = 0;
  const char *c = reference;

  for (; g_ascii_isalpha (*c) && n <= ESCALE_XLSX_MAX_COLUMN; c++)
    n = n * 26 + (guint) (g_ascii_toupper (*c) - 'A' + 1);
  if (c == reference || n > ESCALE_XLSX_MAX_COLUMN || !g_ascii_isdigit (*c))
    return FALSE;
  *column = n - 1;
  return TRUE;
}

static void
set_limit_error (GError **error)
{
  g_set_error_literal (error, ESCALE_XLSX_ERROR, ESCALE_XLSX_ERROR_TOO_LARGE,
                       _("This sheet goes beyond the rows and columns a spreadsheet can hold, "
                         "or has too many cells to import: split it into smaller files."));
}

static void
row_start (Sheet       *sheet,
           const char **names,
           const char **values,
           GError     **error)
{
  const char *number = attribute (names, values, "r");
  guint64 line = number ? g_ascii_strtoull (number, NULL, 10) : sheet->line + 1;

  if (line == 0 || line > ESCALE_XLSX_MAX_ROW)
    {
      set_limit_error (error);
      return;
    }
  sheet->line = (guint) line;
  sheet->first = sheet->workbook->reader->cells->len;
  sheet->column = G_MAXUINT;  /* the first cell without reference is A */
}

static void
cell_start (Sheet       *sheet,
            const char **names,
            const char **values,
            GError     **error)
{
  const char *reference = attribute (names, values, "r");
  const char *style = attribute (names, values, "s");

  if (reference != NULL && !parse_reference (reference, &sheet->column))
    {
      set_limit_error (error);
      return;
    }
  if (reference == NULL && ++sheet->column >= ESCALE_XLSX_MAX_COLUMN)
    {
      set_limit_error (error);
      return;
    }
  sheet->type = cell_type (attribute (names, values, "t"));
  sheet->style = style ? (guint) MIN (g_ascii_strtoull (style, NULL, 10), G_MAXUINT) : 0;
  g_string_truncate (sheet->text.text, 0);
}

static void
sheet_start (GMarkupParseContext  *context G_GNUC_UNUSED,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              data,
             GError              **error)
{
  Sheet *sheet = data;

  if (is (element, "sheetData"))
    sheet->in_data = TRUE;
  else if (!sheet->in_data)
    return;
  else if (is (element, "row"))
    row_start (sheet, names, values, error);
  else if (is (element, "c"))
    cell_start (sheet, names, values, error);
  else if (is (element, "v"))
    sheet->in_value = sheet->text.in_t = TRUE;
  else if (is (element, "is"))
    sheet->in_inline = TRUE;
  else if (sheet->in_inline)
    text_start (&sheet->text, element);
}

static const char *
cell_problem (Workbook *workbook,
              Sheet    *sheet,
              GString  *value)
{
  g_autofree char *message = NULL;

  if (sheet->type == TYPE_ERROR)
    /* Translators: %s is an error a spreadsheet shows in a cell, such as #N/A or #DIV/0! */
    message = g_strdup_printf (_("The cell shows the error “%s” instead of a value"), value->str);
  else if (value->len > ESCALE_XLSX_MAX_CELL)
    {
      gsize length = ESCALE_XLSX_MAX_CELL;
      while (length > 0 && ((guchar) value->str[length] & 0xC0) == 0x80)
        length--;
      g_string_truncate (value, length);
      return g_string_chunk_insert_const (workbook->reader->strings,
                                          _("This value is too long"));
    }
  else
    return NULL;
  g_string_truncate (value, 0);
  return g_string_chunk_insert_const (workbook->reader->strings, message);
}

/* The text of the cell just read, as a CSV export would hold it. */
static void
cell_text (Workbook *workbook,
           Sheet    *sheet,
           GString  *out)
{
  const char *value = sheet->text.text->str;
  static const Style plain = { SHOW_NUMBER, 0 };
  guint64 index;

  switch (sheet->type)
    {
    case TYPE_SHARED:
      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL) &&
          index < workbook->shared->len)
        g_string_append (out, g_ptr_array_index (workbook->shared, index));
      break;
    case TYPE_INLINE:
      decode_escapes (sheet->text.text);
      g_string_append (out, sheet->text.text->str);
      break;
    case TYPE_BOOLEAN:
      if (*value != '\0')
        g_string_append (out, strcmp (value, "0") == 0 ? "FALSE" : "TRUE");
      break;
    case TYPE_DATE:
      append_iso (out, value);
      break;
    case TYPE_NUMBER:
      if (*value != '\0')
        append_number (out, value, sheet->style < workbook->cell_styles->len
                                   ? &g_array_index (workbook->cell_styles, Style, sheet->style)
                                   : &plain, workbook->date1904);
      break;
    case TYPE_STRING:
    case TYPE_ERROR:
    default:
      g_string_append (out, value);
    }
}

static void
cell_end (Sheet   *sheet,
          GError **error)
{
  Workbook *workbook = sheet->workbook;
  EscaleXlsxReader *reader = workbook->reader;
  g_autoptr(GString) text = g_string_new (NULL);
  Cell cell = { sheet->column, NULL, NULL };

  cell_text (workbook, sheet, text);
  cell.problem = cell_problem (workbook, sheet, text);
  if (text->len == 0 && cell.problem == NULL)
    return;
  if (reader->cells->len >= ESCALE_XLSX_MAX_CELLS)
    {
      set_limit_error (error);
      return;
    }
  cell.text = g_string_chunk_insert_const (reader->strings, text->str);
  g_array_append_val (reader->cells, cell);
}

static void
row_end (Sheet *sheet)
{
  EscaleXlsxReader *reader = sheet->workbook->reader;
  Row row = { sheet->line, sheet->first, reader->cells->len - sheet->first };

  if (row.n_cells > 0)
    g_array_append_val (reader->rows, row);
}

static void
sheet_end (GMarkupParseContext  *context G_GNUC_UNUSED,
           const char           *element,
           gpointer              data,
           GError              **error)
{
  Sheet *sheet = data;

  if (!sheet->in_data)
    return;
  if (is (element, "sheetData"))
    sheet->in_data = FALSE;
  else if (is (element, "row"))
    row_end (sheet);
  else if (is (element, "c"))
    cell_end (sheet, error);
  else if (is (element, "v"))
    sheet->in_value = sheet->text.in_t = FALSE;
  else if (is (element, "is"))
    sheet->in_inline = FALSE;
  else if (sheet->in_inline)
    text_end (&sheet->text, element);
}

static void
sheet_text (GMarkupParseContext  *context G_GNUC_UNUSED,
            const char           *chars,
            gsize                 length,
            gpointer              data,
            GError              **error G_GNUC_UNUSED)
{
  text_append (&((Sheet *) data)->text, chars, length);
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };

static gboolean
read_sheet (Workbook  *workbook,
            GError   **error)
{
  Sheet sheet = { workbook, FALSE, 0, 0, 0, TYPE_NUMBER, 0, FALSE, FALSE,
                  { g_string_new (NULL), FALSE, 0 } };
  gboolean ok = read_part (workbook, workbook->sheet, FALSE, &sheet_parser, &sheet, error);

  g_string_free (sheet.text.text, TRUE);
  return ok;
}

/* Opening */

static void
workbook_clear (Workbook *workbook)
{
  if (workbook->zip != NULL)
    unzClose (workbook->zip);
  g_free (workbook->workbook);
  g_free (workbook->sheet);
  g_free (workbook->shared_strings);
  g_free (workbook->styles);
  g_free (workbook->sheet_id);
  g_clear_pointer (&workbook->shared, g_ptr_array_unref);
  g_clear_pointer (&workbook->cell_styles, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)

/* Whether @data holds @name in UTF-16LE, as OLE directory entries do. */
static gboolean
has_utf16_name (const guchar *data,
                gsize         length,
                const char   *name)
{
  gsize n = strlen (name);

  for (gsize i = 0; i + 2 * n <= length; i++)
    {
      gsize j = 0;

      while (j < n && data[i + 2 * j] == (guchar) name[j] && data[i + 2 * j + 1] == 0)
        j++;
      if (j == n)
        return TRUE;
    }
  return FALSE;
}

/* An OLE compound file: a workbook encrypted by its password (its streams
 * are EncryptionInfo and EncryptedPackage), or an old .xls. */
static void
set_ole_error (const guchar  *data,
               gsize          length,
               GError       **error)
{
  if (has_utf16_name (data, length, "EncryptedPackage"))
    set_encrypted (error);
  else
    g_set_error_literal (error, ESCALE_XLSX_ERROR, ESCALE_XLSX_ERROR_XLS,
                         _("This is an old Excel file (.xls), which cannot be read: open it "
                           "in your spreadsheet and save it as .xlsx or .csv."));
}

static gboolean
has_prefix (const guchar *data,
            gsize         length,
            const guchar *prefix,
            gsize         prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

static gboolean
read_workbook (EscaleXlsxReader  *reader,
               GBytes            *bytes,
               GError           **error)
{
  g_auto(Workbook) workbook = { 0 };
  Memory memory = { NULL, 0, 0 };

  workbook.reader = reader;
  memory.data = g_bytes_get_data (bytes, &memory.length);
  if (has_prefix (memory.data, memory.length, ole_magic, sizeof ole_magic))
    {
      set_ole_error (memory.data, memory.length, error);
      return FALSE;
    }
  if (memory.length == 0 || !(workbook.zip = open_zip (&memory)))
    {
      set_damaged (error);
      return FALSE;
    }
  workbook.shared = g_ptr_array_new ();
  workbook.cell_styles = g_array_new (FALSE, FALSE, sizeof (Style));
  if (!find_first_sheet (&workbook, error))
    return FALSE;
  return read_styles (&workbook, error) && read_shared_strings (&workbook, error) &&
         read_sheet (&workbook, error);
}

/* Public API */

/**
 * escale_xlsx_reader_recognize:
 * @name: (nullable): the file's name
 *
 * Returns: whether the file is for this reader rather than CSV text: a
 *   zip or an OLE file (password-protected workbooks, .xls), or a name
 *   ending in .xlsx, .xlsm or .xls, so that a damaged workbook is reported
 *   as one
 */
gboolean
escale_xlsx_reader_recognize (GBytes     *bytes,
                              const char *name)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  return has_prefix (data, length, zip_magic, sizeof zip_magic) ||
         has_prefix (data, length, empty_zip_magic, sizeof empty_zip_magic) ||
         has_prefix (data, length, ole_magic, sizeof ole_magic) ||
         (lower != NULL && (g_str_has_suffix (lower, ".xlsx") ||
                            g_str_has_suffix (lower, ".xlsm") ||
                            g_str_has_suffix (lower, ".xls")));
}

/**
 * escale_xlsx_reader_new_from_bytes:
 *
 * Reads the first sheet of the workbook in @bytes, which need not outlive
 * the call.
 *
 * Returns: (transfer full) (nullable): a reader positioned on the first
 *   row, or %NULL with an #EscaleXlsxError that says what to do
 */
EscaleXlsxReader *
escale_xlsx_reader_new_from_bytes (GBytes  *bytes,
                                   GError **error)
{
  g_autoptr(EscaleXlsxReader) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (EscaleXlsxReader, 1);
  self->strings = g_string_chunk_new (64 * 1024);
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->problems = g_array_new (FALSE, FALSE, sizeof (EscaleXlsxProblem));
  if (!read_workbook (self, bytes, error))
    return NULL;
  if (self->rows->len == 0)
    {
      g_set_error (error, ESCALE_XLSX_ERROR, ESCALE_XLSX_ERROR_EMPTY,
                   /* Translators: %s is the name of a sheet of a workbook */
                   _("The first sheet of this workbook, “%s”, is empty"),
                   self->sheet_name ? self->sheet_name : "");
      return NULL;
    }
  return g_steal_pointer (&self);
}

EscaleXlsxReader *
escale_xlsx_reader_new_from_file (const char  *path,
                                  GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(file = g_mapped_file_new (path, FALSE, error)))
    return NULL;
  bytes = g_mapped_file_get_bytes (file);
  return escale_xlsx_reader_new_from_bytes (bytes, error);
}

void
escale_xlsx_reader_free (EscaleXlsxReader *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);
  g_free (self->sheet_name);
  g_free (self);
}

/* Returns: (nullable): the name of the sheet read, the first one */
const char *
escale_xlsx_reader_get_sheet_name (EscaleXlsxReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sheet_name;
}

/* Returns: how many sheets the workbook has */
guint
escale_xlsx_reader_get_n_sheets (EscaleXlsxReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_sheets;
}

/**
 * escale_xlsx_reader_next_row:
 * @fields: (out) (transfer full): the row's cells from column A to its
 *   last cell with a value, "" where a cell is empty
 * @line: (out) (optional): the sheet's row number
 *
 * Rows without any value are skipped. A row can have problems, see
 * escale_xlsx_reader_get_problems().
 *
 * Returns: %TRUE with a row, %FALSE after the last one
 */
gboolean
escale_xlsx_reader_next_row (EscaleXlsxReader *self,
                             GStrv            *fields,
                             guint            *line)
{
  const Row *row;
  guint n = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  g_array_set_size (self->problems, 0);
  if (self->position >= self->rows->len)
    return FALSE;
  row = &g_array_index (self->rows, Row, self->position++);
  for (guint i = 0; i < row->n_cells; i++)
    n = MAX (n, g_array_index (self->cells, Cell, row->first + i).column + 1);
  *fields = g_new0 (char *, n + 1);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, row->first + i);
      EscaleXlsxProblem problem = { row->line, cell->column, cell->problem };

      g_free ((*fields)[cell->column]);
      (*fields)[cell->column] = g_strdup (cell->text);
      if (cell->problem != NULL)
        g_array_append_val (self->problems, problem);
    }
  for (guint i = 0; i < n; i++)
    if ((*fields)[i] == NULL)
      (*fields)[i] = g_strdup ("");
  if (line != NULL)
    *line = row->line;
  return TRUE;
}

/**
 * escale_xlsx_reader_get_problems:
 *
 * Returns: (transfer none) (element-type EscaleXlsxProblem): what was wrong
 *   in the cells of the row last read, in the order of its columns
 */
GArray *
escale_xlsx_reader_get_problems (EscaleXlsxReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problems;
}

void
escale_xlsx_reader_rewind (EscaleXlsxReader *self)
{
  g_return_if_fail (self != NULL);
  self->position = 0;
}
