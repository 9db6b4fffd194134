/* escale-person-editor.c — the form to create or edit a person's file
 *
 * The form edits a copy of the person. Checking builds another copy from the
 * widgets, collects the form's own problems (dates that do not parse, list
 * items left half-filled) and the store's rules, and shows each message at
 * its field or list item. Only a valid copy is written, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-person-editor.h"
#include "escale-person-store.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

#define DUPLICATES_DELAY_MS 300
#define DUPLICATES_LIMIT    5

/* Keeps a file number or a date left-to-right inside right-to-left text. */
#define LRI "\xe2\x81\xa6"
#define PDI "\xe2\x81\xa9"

typedef enum {
  LIST_NAMES,
  LIST_NATIONALITIES,
  LIST_LANGUAGES,
  LIST_STATUS,
  N_LISTS
} ListKind;

typedef enum {
  PART_MAIN,        /* the name, country, language or status */
  PART_LEVEL,
  PART_INTERPRETER,
  PART_FROM,
  PART_TO,
  PART_DOCUMENT,
  PART_EXPIRY,
  N_PARTS
} ItemPart;

/* One entry of a list (another name, a nationality, a language, a status
 * period). It belongs to its row: freed when the row goes. */
typedef struct
{
  EscalePersonEditor *editor;
  ListKind            list;
  GtkWidget          *row;
  GtkWidget          *message;
  GtkWidget          *parts[N_PARTS];
  gint64              id;       /* a status period's id, 0 when new */
} Item;

struct _EscalePersonEditor
{
  AdwWindow            parent_instance;

  EscaleStore         *store;
  EscalePerson        *person;     /* as it was opened; never written to */
  gboolean             changed;
  gboolean             loading;
  gboolean             closing;
  guint                duplicates_id;
  GtkWidget           *discard_dialog;
  EscaleDatePrecision  birth_precision;  /* as parsed from the text typed */
  GPtrArray           *items[N_LISTS];   /* (element-type Item), borrowed from the rows */
  GArray              *kept[N_LISTS];    /* person's list index → form item index */
  GtkWidget           *fields[ESCALE_N_FIELDS];   /* the widget that edits each field */
  GtkWidget           *rows[ESCALE_N_FIELDS];     /* the row that shows it */
  GtkWidget           *messages[ESCALE_N_FIELDS]; /* the hint or error under that row */

  AdwWindowTitle      *window_title;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkRevealer         *duplicates_revealer;
  GtkListBox          *duplicates_list;
  AdwPreferencesGroup *groups[N_LISTS];
  GtkDropDown         *precision_dropdown;
  GtkMenuButton       *referent_button;
};

G_DEFINE_FINAL_TYPE (EscalePersonEditor, escale_person_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON,
  N_PROPS
};

enum {
  SAVED,
  OPEN_PERSON,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The template's widget for each plain field. */
static const struct
{
  EscaleField  field;
  const char  *id;
} field_widgets[] = {
  { ESCALE_FIELD_FAMILY_NAME, "family_row" },
  { ESCALE_FIELD_GIVEN_NAMES, "given_row" },
  { ESCALE_FIELD_SEX, "sex_dropdown" },
  { ESCALE_FIELD_BIRTH_DATE, "birth_row" },
  { ESCALE_FIELD_BIRTH_COUNTRY, "country_dropdown" },
  { ESCALE_FIELD_FILE_NUMBER, "file_number_row" },
  { ESCALE_FIELD_PHONE, "phone_row" },
  { ESCALE_FIELD_EMAIL, "email_row" },
  { ESCALE_FIELD_ADDRESS, "address_row" },
  { ESCALE_FIELD_POSTAL_CODE, "postal_code_row" },
  { ESCALE_FIELD_CITY, "city_row" },
  { ESCALE_FIELD_ARRIVAL_DATE, "arrival_row" },
  { ESCALE_FIELD_FIRST_CONTACT, "first_contact_row" },
  { ESCALE_FIELD_REFERENT, "referent_row" },
  { ESCALE_FIELD_REFERRED_BY, "referred_by_row" },
  { ESCALE_FIELD_CONSENT_DATE, "consent_date_row" },
  { ESCALE_FIELD_CONSENT_SCOPE, "consent_scope_row" },
  { ESCALE_FIELD_CONSENT_INFORMED, "consent_informed_row" },
  { ESCALE_FIELD_NOTES, "notes_view" },
};

static const char *const group_ids[N_LISTS] = {
  "names_group", "nationalities_group", "languages_group", "status_group",
};

static const EscaleField list_fields[N_LISTS] = {
  ESCALE_FIELD_OTHER_NAMES, ESCALE_FIELD_NATIONALITIES, ESCALE_FIELD_LANGUAGES,
  ESCALE_FIELD_STATUS,
};

/* Fields in the order they appear, to focus the first one in error. */
static const EscaleField form_order[] = {
  ESCALE_FIELD_FAMILY_NAME, ESCALE_FIELD_GIVEN_NAMES, ESCALE_FIELD_SEX,
  ESCALE_FIELD_BIRTH_DATE, ESCALE_FIELD_BIRTH_PRECISION, ESCALE_FIELD_BIRTH_COUNTRY,
  ESCALE_FIELD_FILE_NUMBER, ESCALE_FIELD_OTHER_NAMES, ESCALE_FIELD_NATIONALITIES,
  ESCALE_FIELD_LANGUAGES, ESCALE_FIELD_PHONE, ESCALE_FIELD_EMAIL, ESCALE_FIELD_ADDRESS,
  ESCALE_FIELD_POSTAL_CODE, ESCALE_FIELD_CITY, ESCALE_FIELD_ARRIVAL_DATE,
  ESCALE_FIELD_FIRST_CONTACT, ESCALE_FIELD_REFERENT, ESCALE_FIELD_REFERRED_BY,
  ESCALE_FIELD_STATUS, ESCALE_FIELD_CONSENT_DATE, ESCALE_FIELD_CONSENT_SCOPE,
  ESCALE_FIELD_CONSENT_INFORMED, ESCALE_FIELD_NOTES,
};

static const EscaleField ltr_fields[] = { ESCALE_FIELD_PHONE, ESCALE_FIELD_EMAIL };

static const char *const part_names[N_PARTS] = {
  "main", "level", "interpreter", "from", "to", "document", "expiry",
};

static const char *const language_levels[] = { "native", "fluent", "basic", NULL };

static void on_item_changed_cb (Item *item);

/* Helpers: errors */


static gboolean
list_of_field (EscaleField  field,
               ListKind    *list)
{
  for (guint i = 0; i < N_LISTS; i++)
    if (list_fields[i] == field)
      {
        *list = i;
        return TRUE;
      }
  return FALSE;
}

static guint
form_rank (const EscaleFieldError *error)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_order); i++)
    if (form_order[i] == error->field)
      return i * 10000 + MIN (error->index, 9999);
  return G_MAXUINT;
}

/* Helpers: message rows (a hint, or an error, right under a row) */

static GtkWidget *
message_row_new (GtkWidget *owner)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  gtk_widget_add_css_class (row, "field-message");
  g_object_set_data (G_OBJECT (row), "escale-owner", owner);
  return row;
}

static gboolean
message_row_has_error (GtkWidget *row)
{
  return gtk_widget_has_css_class (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), "error");
}

/* Shows @error under the owner row, or the row's hint when @error is NULL. */
static void
message_row_set_error (GtkWidget  *row,
                       const char *error)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *owner = g_object_get_data (G_OBJECT (row), "escale-owner");
  const char *hint = g_object_get_data (G_OBJECT (row), "escale-hint");
  const char *text = error != NULL ? error : hint;

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (row, text != NULL);
  if (error != NULL)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
      if (ADW_IS_ENTRY_ROW (owner))
        gtk_widget_add_css_class (owner, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (owner),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error, -1);
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_remove_css_class (owner, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
message_row_set_hint (GtkWidget  *row,
                      const char *hint)
{
  g_object_set_data_full (G_OBJECT (row), "escale-hint", g_strdup (hint), g_free);
  if (!message_row_has_error (row))
    message_row_set_error (row, NULL);
}

/* Puts a message row right under each field's row, inside the group's list. */
static void
add_message_rows (EscalePersonEditor *self)
{
  for (guint f = 0; f < ESCALE_N_FIELDS; f++)
    {
      GtkWidget *row = self->rows[f];
      GtkWidget *list;

      if (row == NULL)
        continue;
      for (guint g = 0; g < f && self->messages[f] == NULL; g++)
        if (self->rows[g] == row)
          self->messages[f] = self->messages[g];
      if (self->messages[f] != NULL)
        continue;
      list = gtk_widget_get_parent (row);
      g_assert (GTK_IS_LIST_BOX (list));
      self->messages[f] = message_row_new (row);
      gtk_list_box_insert (GTK_LIST_BOX (list), self->messages[f],
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
    }
}

/* Helpers: reading and writing the widgets */

static char *
dup_widget_text (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (GTK_IS_DROP_DOWN (widget))
    return g_strdup (escale_code_dropdown_get_code (GTK_DROP_DOWN (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  g_return_val_if_reached (NULL);
}

static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
  else if (GTK_IS_DROP_DOWN (widget))
    escale_code_dropdown_set_code (GTK_DROP_DOWN (widget), text);
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                              text ? text : "", -1);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* A date as the user would type it, that parses back to the same date. */
static char *
date_to_text (const char          *iso,
              EscaleDatePrecision  precision)
{
  g_autofree char *text = NULL;
  g_autofree char *back = NULL;
  EscaleDatePrecision parsed;

  if (iso == NULL)
    return g_strdup ("");
  if (precision == ESCALE_DATE_ESTIMATED)
    precision = g_str_has_suffix (iso, "-01-01") ? ESCALE_DATE_YEAR : ESCALE_DATE_EXACT;
  text = escale_date_format (iso, precision);
  back = escale_date_parse (text, &parsed, NULL);
  if (g_strcmp0 (back, iso) == 0 && parsed == precision)
    return g_steal_pointer (&text);
  if (precision == ESCALE_DATE_YEAR)
    return g_strndup (iso, 4);
  if (precision == ESCALE_DATE_MONTH)
    return g_strndup (iso, 7);
  return g_strdup (iso);
}

/* Returns the ISO date typed in @text, or NULL; a text that is not a date
 * adds an error, prefixed by @what when given. */
static char *
parse_date (const char          *text,
            GPtrArray           *errors,
            EscaleField          field,
            guint                index,
            const char          *what,
            EscaleDatePrecision *precision)
{
  g_autoptr(GError) error = NULL;
  char *iso;

  if (is_blank (text))
    return NULL;
  iso = escale_date_parse (text, precision, &error);
  if (iso == NULL && what != NULL)
    /* Translators: an error about one field of a list item, "Until: This date does not exist" */
    escale_field_errors_add (errors, field, index, _("%s: %s"), what, error->message);
  else if (iso == NULL)
    escale_field_errors_add (errors, field, index, "%s", error->message);
  return iso;
}

/* Helpers: building a person from the form */

static void
read_fields (EscalePersonEditor *self,
             EscalePerson       *person,
             GPtrArray          *errors)
{
  for (guint f = 0; f < ESCALE_N_FIELDS; f++)
    {
      g_autofree char *text = NULL;
      g_autofree char *iso = NULL;

      if (self->fields[f] == NULL || f == ESCALE_FIELD_BIRTH_PRECISION)
        continue;
      text = dup_widget_text (self->fields[f]);
      if (!escale_field_is_date (f))
        {
          escale_person_set (person, f, text);
          continue;
        }
      iso = parse_date (text, errors, f, 0, NULL, NULL);
      escale_person_set (person, f, iso);
    }

  if (escale_person_get (person, ESCALE_FIELD_BIRTH_DATE) == NULL)
    escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION, NULL);
  else if (gtk_drop_down_get_selected (self->precision_dropdown) == ESCALE_DATE_ESTIMATED)
    escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION,
                       escale_date_precision_to_code (ESCALE_DATE_ESTIMATED));
  else
    escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION,
                       escale_date_precision_to_code (self->birth_precision));
}

static const char *
item_part_title (Item     *item,
                 ItemPart  part)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item->parts[part]));
}

static char *
item_date (Item      *item,
           ItemPart   part,
           GPtrArray *errors,
           guint      index)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (item->parts[part]));

  return parse_date (text, errors, ESCALE_FIELD_STATUS, index, item_part_title (item, part), NULL);
}

static gboolean
status_item_is_empty (Item *item)
{
  for (guint p = PART_FROM; p <= PART_EXPIRY; p++)
    if (!is_blank (gtk_editable_get_text (GTK_EDITABLE (item->parts[p]))))
      return FALSE;
  return TRUE;
}

static void
read_status_item (Item         *item,
                  guint         index,
                  EscalePerson *person,
                  GPtrArray    *errors,
                  GArray       *kept)
{
  const char *status = escale_code_dropdown_get_code (GTK_DROP_DOWN (item->parts[PART_MAIN]));
  g_autofree char *from = item_date (item, PART_FROM, errors, index);
  g_autofree char *to = item_date (item, PART_TO, errors, index);
  g_autofree char *expiry = item_date (item, PART_EXPIRY, errors, index);
  g_autofree char *document = g_strstrip (dup_widget_text (item->parts[PART_DOCUMENT]));
  g_autoptr(EscaleStatusPeriod) period = NULL;

  if (status == NULL)
    {
      if (!status_item_is_empty (item))
        escale_field_errors_add (errors, ESCALE_FIELD_STATUS, index, "%s", _("Choose a status"));
      return;
    }
  period = escale_status_period_new (status, from, to, *document ? document : NULL, expiry);
  period->id = item->id;
  g_ptr_array_add (escale_person_get_status_periods (person), g_steal_pointer (&period));
  g_array_append_val (kept, index);
}

static void
read_language_item (Item         *item,
                    guint         index,
                    EscalePerson *person,
                    GPtrArray    *errors,
                    GArray       *kept)
{
  GPtrArray *languages = escale_person_get_languages (person);
  const char *code = escale_code_dropdown_get_code (GTK_DROP_DOWN (item->parts[PART_MAIN]));
  const char *level = escale_code_dropdown_get_code (GTK_DROP_DOWN (item->parts[PART_LEVEL]));
  GtkCheckButton *check = GTK_CHECK_BUTTON (item->parts[PART_INTERPRETER]);
  gboolean interpreter = gtk_check_button_get_active (check);

  if (code == NULL)
    {
      if (level != NULL || interpreter)
        escale_field_errors_add (errors, ESCALE_FIELD_LANGUAGES, index, "%s", _("Choose a language"));
      return;
    }
  for (guint i = 0; i < languages->len; i++)
    if (g_str_equal (((EscaleLanguageSkill *) g_ptr_array_index (languages, i))->code, code))
      {
        escale_field_errors_add (errors, ESCALE_FIELD_LANGUAGES, index, "%s",
                   _("This language is already listed"));
        return;
      }
  g_ptr_array_add (languages, escale_language_skill_new (code, level, interpreter));
  g_array_append_val (kept, index);
}

/* Reads the list items into @builder (names, nationalities) or @person. */
static void
read_item (Item         *item,
           guint         index,
           EscalePerson *person,
           GStrvBuilder *builder,
           GPtrArray    *errors,
           GArray       *kept)
{
  g_autofree char *text = NULL;

  switch (item->list)
    {
    case LIST_STATUS:
      read_status_item (item, index, person, errors, kept);
      return;
    case LIST_LANGUAGES:
      read_language_item (item, index, person, errors, kept);
      return;
    case LIST_NAMES:
    case LIST_NATIONALITIES:
    case N_LISTS:
    default:
      text = g_strstrip (dup_widget_text (item->parts[PART_MAIN]) ?: g_strdup (""));
      break;
    }
  if (*text == '\0')
    return;
  for (guint i = 0; item->list == LIST_NATIONALITIES && i < kept->len; i++)
    {
      Item *other = g_ptr_array_index (item->editor->items[LIST_NATIONALITIES],
                                       g_array_index (kept, guint, i));
      g_autofree char *code = dup_widget_text (other->parts[PART_MAIN]);

      if (g_strcmp0 (code, text) == 0)
        {
          escale_field_errors_add (errors, ESCALE_FIELD_NATIONALITIES, index, "%s",
                     _("This nationality is already listed"));
          return;
        }
    }
  g_strv_builder_add (builder, text);
  g_array_append_val (kept, index);
}

static void
read_lists (EscalePersonEditor *self,
            EscalePerson       *person,
            GPtrArray          *errors)
{
  g_ptr_array_set_size (escale_person_get_languages (person), 0);
  g_ptr_array_set_size (escale_person_get_status_periods (person), 0);

  for (guint l = 0; l < N_LISTS; l++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      g_array_set_size (self->kept[l], 0);
      for (guint i = 0; i < self->items[l]->len; i++)
        read_item (g_ptr_array_index (self->items[l], i), i, person, builder, errors,
                   self->kept[l]);
      strv = g_strv_builder_end (builder);
      if (l == LIST_NAMES)
        escale_person_set_other_names (person, (const char * const *) strv);
      else if (l == LIST_NATIONALITIES)
        escale_person_set_nationalities (person, (const char * const *) strv);
    }
}

/* Returns: (transfer full): the person as the form shows it; @errors (if
 * not NULL) gets what the form itself finds wrong. */
static EscalePerson *
build_person (EscalePersonEditor *self,
              GPtrArray          *errors)
{
  EscalePerson *person = escale_person_copy (self->person);

  read_fields (self, person, errors);
  read_lists (self, person, errors);
  return person;
}

/* Returns: (transfer full): the person from the form, with all the problems
 * found, list indices counted as the form's items. */
static EscalePerson *
check_form (EscalePersonEditor  *self,
            GPtrArray          **errors_out)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_field_error_free);
  EscalePerson *person = build_person (self, errors);
  g_autoptr(GPtrArray) rules = escale_store_validate_person (self->store, person);
  ListKind list;

  for (guint i = 0; i < rules->len; i++)
    {
      EscaleFieldError *error = g_ptr_array_index (rules, i);

      if (list_of_field (error->field, &list) && error->index < self->kept[list]->len)
        error->index = g_array_index (self->kept[list], guint, error->index);
    }
  g_ptr_array_extend_and_steal (errors, g_steal_pointer (&rules));
  *errors_out = errors;
  return person;
}

/* Helpers: showing errors */

static Item *
get_item (EscalePersonEditor *self,
          EscaleField         field,
          guint               index)
{
  ListKind list;

  if (!list_of_field (field, &list) || index >= self->items[list]->len)
    return NULL;
  return g_ptr_array_index (self->items[list], index);
}

static GtkWidget *
error_target (EscalePersonEditor     *self,
              const EscaleFieldError *error)
{
  Item *item = get_item (self, error->field, error->index);

  if (item != NULL)
    return item->message;
  if (error->field < ESCALE_N_FIELDS)
    return self->messages[error->field];
  return NULL;
}

static void
show_banner (EscalePersonEditor *self,
             const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
free_gstring (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
update_message (GHashTable *texts,
                GtkWidget  *message,
                GtkWidget  *only)
{
  GString *text = g_hash_table_lookup (texts, message);

  if (only == NULL || only == message)
    message_row_set_error (message, text ? text->str : NULL);
}

/* Shows @errors at their fields; with @only, updates that message row alone. */
static void
show_errors (EscalePersonEditor *self,
             GPtrArray          *errors,
             GtkWidget          *only)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL, free_gstring);
  g_autoptr(GString) banner = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      EscaleFieldError *error = g_ptr_array_index (errors, i);
      GtkWidget *target = error_target (self, error);
      GString *text = target ? g_hash_table_lookup (texts, target) : banner;

      if (text == NULL)
        g_hash_table_insert (texts, target, (text = g_string_new (NULL)));
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", error->message);
    }
  for (guint f = 0; f < ESCALE_N_FIELDS; f++)
    if (self->messages[f] != NULL)
      update_message (texts, self->messages[f], only);
  for (guint l = 0; l < N_LISTS; l++)
    for (guint i = 0; i < self->items[l]->len; i++)
      update_message (texts, ((Item *) g_ptr_array_index (self->items[l], i))->message, only);
  if (only == NULL)
    show_banner (self, banner->len ? banner->str : NULL);
}

static void
focus_error (EscalePersonEditor     *self,
             const EscaleFieldError *error)
{
  Item *item = get_item (self, error->field, error->index);

  if (item != NULL && ADW_IS_EXPANDER_ROW (item->row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->row), TRUE);
  if (item != NULL)
    gtk_widget_grab_focus (item->parts[PART_MAIN]);
  else if (error->field < ESCALE_N_FIELDS && self->fields[error->field] != NULL)
    gtk_widget_grab_focus (self->fields[error->field]);
}

static void
focus_first_error (EscalePersonEditor *self,
                   GPtrArray          *errors)
{
  const EscaleFieldError *first = NULL;

  for (guint i = 0; i < errors->len; i++)
    {
      const EscaleFieldError *error = g_ptr_array_index (errors, i);

      if (error_target (self, error) == NULL)
        continue;
      if (first == NULL || form_rank (error) < form_rank (first))
        first = error;
    }
  if (first != NULL)
    focus_error (self, first);
}

/* Re-checks the form and updates the message under one row. */
static void
check_message (EscalePersonEditor *self,
               GtkWidget          *message)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(EscalePerson) person = NULL;

  if (self->closing || message == NULL)
    return;
  person = check_form (self, &errors);
  show_errors (self, errors, message);
}

/* Helpers: state */

static void
mark_changed (EscalePersonEditor *self)
{
  if (!self->loading && !self->closing)
    self->changed = TRUE;
}

static gboolean
is_new (EscalePersonEditor *self)
{
  return escale_person_get_id (self->person) == 0;
}

static void
close_editor (EscalePersonEditor *self)
{
  self->closing = TRUE;
  g_clear_handle_id (&self->duplicates_id, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Helpers: birth date precision */

static void
sync_birth_precision (EscalePersonEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[ESCALE_FIELD_BIRTH_DATE]));
  g_autofree char *iso = escale_date_parse (text, &self->birth_precision, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->precision_dropdown), iso != NULL);
  if (iso == NULL)
    self->birth_precision = ESCALE_DATE_EXACT;
  else if (gtk_drop_down_get_selected (self->precision_dropdown) != ESCALE_DATE_ESTIMATED)
    gtk_drop_down_set_selected (self->precision_dropdown, self->birth_precision);
}

/* Helpers: possible duplicates */

static GtkWidget *
duplicate_row_new (const EscaleDuplicate *duplicate)
{
  g_autofree char *name = escale_format_person_name (duplicate->family_name,
                                                     duplicate->given_names);
  g_autofree char *birth = escale_format_birth (duplicate->birth_date,
                                                duplicate->birth_precision);
  g_autofree char *number = g_strdup_printf (LRI "%s" PDI, duplicate->file_number ?: "");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Open This File"));

  if (*birth != '\0')
    /* Translators: a possible duplicate: %1$s is its file number, %2$s its birth date */
    subtitle = g_strdup_printf (_("File %1$s · born %2$s"), number, birth);
  else
    /* Translators: a possible duplicate: %s is its file number */
    subtitle = g_strdup_printf (_("File %s"), number);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.open-person");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", duplicate->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
clear_duplicates (EscalePersonEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->duplicates_list))) != NULL)
    gtk_list_box_remove (self->duplicates_list, child);
}

static gboolean
find_duplicates_cb (gpointer data)
{
  EscalePersonEditor *self = data;
  g_autoptr(EscalePerson) person = build_person (self, NULL);
  g_autoptr(GPtrArray) found = NULL;

  self->duplicates_id = 0;
  clear_duplicates (self);
  if (escale_person_get (person, ESCALE_FIELD_FAMILY_NAME) != NULL ||
      escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES) != NULL)
    found = escale_store_find_duplicates (self->store, person, DUPLICATES_LIMIT);
  for (guint i = 0; found != NULL && i < found->len; i++)
    gtk_list_box_append (self->duplicates_list, duplicate_row_new (g_ptr_array_index (found, i)));
  gtk_revealer_set_reveal_child (self->duplicates_revealer, found != NULL && found->len > 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_duplicates (EscalePersonEditor *self)
{
  if (self->loading || self->closing || !is_new (self))
    return;
  g_clear_handle_id (&self->duplicates_id, g_source_remove);
  self->duplicates_id = g_timeout_add (DUPLICATES_DELAY_MS, find_duplicates_cb, self);
}

/* Helpers: list items */

static void
update_status_summary (Item *item)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (item->parts[PART_MAIN]);
  GtkStringObject *selected = gtk_drop_down_get_selected_item (dropdown);
  const char *from = gtk_editable_get_text (GTK_EDITABLE (item->parts[PART_FROM]));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (item->parts[PART_TO]));
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                 escale_code_dropdown_get_code (dropdown) != NULL && selected
                                 ? gtk_string_object_get_string (selected)
                                 /* Translators: a status period whose status is not chosen yet */
                                 : _("New status"));
  if (!is_blank (from) && !is_blank (to))
    /* Translators: a period of time, from a date until another */
    subtitle = g_strdup_printf (_("%s – %s"), from, to);
  else if (!is_blank (from))
    /* Translators: a status that started on this date and still holds */
    subtitle = g_strdup_printf (_("Since %s"), from);
  else if (!is_blank (to))
    /* Translators: a status that ended on this date */
    subtitle = g_strdup_printf (_("Until %s"), to);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (item->row), subtitle ? subtitle : "");
}

static void
on_item_changed_cb (Item *item)
{
  EscalePersonEditor *self = item->editor;

  if (self->closing || item->message == NULL)
    return;
  if (item->list == LIST_STATUS)
    update_status_summary (item);
  if (self->loading)
    return;
  mark_changed (self);
  if (message_row_has_error (item->message))
    check_message (self, item->message);
  if (item->list == LIST_NAMES)
    schedule_duplicates (self);
}

static void
on_item_focus_leave_cb (Item *item)
{
  if (item->message != NULL && item->row != NULL)
    check_message (item->editor, item->message);
}

static void
on_item_remove_clicked_cb (Item *item)
{
  EscalePersonEditor *self = item->editor;
  AdwPreferencesGroup *group = self->groups[item->list];
  GPtrArray *items = self->items[item->list];
  ListKind list = item->list;
  GtkWidget *row = item->row;
  GtkWidget *message = item->message;
  GtkWidget *next_focus = NULL;
  guint index;

  if (self->closing || !g_ptr_array_find (items, item, &index))
    return;
  if (index + 1 < items->len)
    next_focus = ((Item *) g_ptr_array_index (items, index + 1))->parts[PART_MAIN];
  else if (index > 0)
    next_focus = ((Item *) g_ptr_array_index (items, index - 1))->parts[PART_MAIN];
  /* The row's focus may leave while it goes: forget it first. */
  item->row = NULL;
  item->message = NULL;
  g_ptr_array_remove_index (items, index);
  adw_preferences_group_remove (group, message);
  adw_preferences_group_remove (group, row);
  if (next_focus != NULL)
    gtk_widget_grab_focus (next_focus);
  mark_changed (self);
  if (list == LIST_NAMES)
    schedule_duplicates (self);
}

static GtkWidget *
remove_button_new (Item       *item,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_item_remove_clicked_cb), item);
  return button;
}

static GtkWidget *
dropdown_new (const char *label)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  return dropdown;
}

static GtkWidget *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static GtkWidget *
action_row_new (const char *title,
                GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
build_name_item (Item *item)
{
  item->row = item->parts[PART_MAIN] = entry_row_new (_("Other name or spelling"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (item->row),
                            remove_button_new (item, _("Remove this name")));
}

static void
build_nationality_item (Item *item)
{
  item->parts[PART_MAIN] = dropdown_new (_("Nationality"));
  escale_code_dropdown_setup_countries (GTK_DROP_DOWN (item->parts[PART_MAIN]),
                                        _("Choose a country"));
  item->row = action_row_new (_("Nationality"), item->parts[PART_MAIN]);
  adw_action_row_add_suffix (ADW_ACTION_ROW (item->row),
                             remove_button_new (item, _("Remove this nationality")));
}

static void
build_language_item (Item *item)
{
  const char *levels[] = {
    C_("language level", "Native"),
    C_("language level", "Fluent"),
    C_("language level", "Basic"),
    NULL,
  };
  GtkWidget *row = adw_action_row_new ();

  item->row = row;
  item->parts[PART_MAIN] = dropdown_new (_("Language"));
  escale_code_dropdown_setup_languages (GTK_DROP_DOWN (item->parts[PART_MAIN]),
                                        _("Choose a language"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), item->parts[PART_MAIN]);
  item->parts[PART_LEVEL] = dropdown_new (_("Level"));
  escale_code_dropdown_setup (GTK_DROP_DOWN (item->parts[PART_LEVEL]), language_levels, levels,
                              /* Translators: the level of a spoken language is not known */
                              _("Level not stated"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), item->parts[PART_LEVEL]);
  item->parts[PART_INTERPRETER] = gtk_check_button_new_with_label (_("Interpreter needed"));
  gtk_widget_set_valign (item->parts[PART_INTERPRETER], GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), item->parts[PART_INTERPRETER]);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             remove_button_new (item, _("Remove this language")));
}

static void
build_status_item (Item *item)
{
  EscaleStore *store = item->editor->store;
  GtkWidget *row = adw_expander_row_new ();
  const struct { ItemPart part; const char *title; } dates[] = {
    /* Translators: the first day of a status period */
    { PART_FROM, _("From") },
    /* Translators: the last day of a status period */
    { PART_TO, _("Until") },
    /* Translators: a residence permit, receipt or other document proving the status */
    { PART_DOCUMENT, _("Document") },
    { PART_EXPIRY, _("Document expires on") },
  };

  item->row = row;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  item->parts[PART_MAIN] = dropdown_new (_("Status"));
  escale_code_dropdown_setup_vocab (GTK_DROP_DOWN (item->parts[PART_MAIN]), store,
                                    ESCALE_VOCAB_STATUS, _("Choose a status"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            action_row_new (_("Status"), item->parts[PART_MAIN]));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      item->parts[dates[i].part] = entry_row_new (dates[i].title);
      if (dates[i].part != PART_DOCUMENT)
        gtk_widget_set_tooltip_text (item->parts[dates[i].part],
                                     _("DD/MM/YYYY, MM/YYYY or YYYY"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item->parts[dates[i].part]);
    }
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               remove_button_new (item, _("Remove this status")));
}

static void
watch_item_parts (Item *item)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  for (guint p = 0; p < N_PARTS; p++)
    {
      GtkWidget *part = item->parts[p];

      if (GTK_IS_EDITABLE (part))
        g_signal_connect_swapped (part, "changed", G_CALLBACK (on_item_changed_cb), item);
      else if (GTK_IS_DROP_DOWN (part))
        g_signal_connect_swapped (part, "notify::selected", G_CALLBACK (on_item_changed_cb),
                                  item);
      else if (GTK_IS_CHECK_BUTTON (part))
        g_signal_connect_swapped (part, "toggled", G_CALLBACK (on_item_changed_cb), item);
    }
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_item_focus_leave_cb), item);
  gtk_widget_add_controller (item->row, focus);
}

static Item *
add_item (EscalePersonEditor *self,
          ListKind            list)
{
  Item *item = g_new0 (Item, 1);
  static void (*const builders[N_LISTS]) (Item *) = {
    build_name_item, build_nationality_item, build_language_item, build_status_item,
  };

  item->editor = self;
  item->list = list;
  builders[list] (item);
  g_object_set_data_full (G_OBJECT (item->row), "escale-item", item, g_free);
  item->message = message_row_new (item->row);
  watch_item_parts (item);
  adw_preferences_group_add (self->groups[list], item->row);
  adw_preferences_group_add (self->groups[list], item->message);
  g_ptr_array_add (self->items[list], item);
  if (list == LIST_STATUS)
    update_status_summary (item);
  mark_changed (self);
  return item;
}

/* Helpers: filling the form */

static void
fill_lists (EscalePersonEditor *self)
{
  EscalePerson *person = self->person;
  GPtrArray *languages = escale_person_get_languages (person);
  GPtrArray *periods = escale_person_get_status_periods (person);
  Item *item;

  for (const char * const *name = escale_person_get_other_names (person); *name; name++)
    set_widget_text (add_item (self, LIST_NAMES)->parts[PART_MAIN], *name);
  for (const char * const *code = escale_person_get_nationalities (person); *code; code++)
    set_widget_text (add_item (self, LIST_NATIONALITIES)->parts[PART_MAIN], *code);
  for (guint i = 0; i < languages->len; i++)
    {
      EscaleLanguageSkill *skill = g_ptr_array_index (languages, i);

      item = add_item (self, LIST_LANGUAGES);
      set_widget_text (item->parts[PART_MAIN], skill->code);
      set_widget_text (item->parts[PART_LEVEL], skill->level);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (item->parts[PART_INTERPRETER]),
                                   skill->interpreter);
    }
  for (guint i = 0; i < periods->len; i++)
    {
      EscaleStatusPeriod *period = g_ptr_array_index (periods, i);
      g_autofree char *from = date_to_text (period->started_on, ESCALE_DATE_EXACT);
      g_autofree char *to = date_to_text (period->ended_on, ESCALE_DATE_EXACT);
      g_autofree char *expiry = date_to_text (period->document_expiry, ESCALE_DATE_EXACT);

      item = add_item (self, LIST_STATUS);
      item->id = period->id;
      set_widget_text (item->parts[PART_MAIN], period->status);
      set_widget_text (item->parts[PART_FROM], from);
      set_widget_text (item->parts[PART_TO], to);
      set_widget_text (item->parts[PART_DOCUMENT], period->document);
      set_widget_text (item->parts[PART_EXPIRY], expiry);
    }
}

static void
fill_form (EscalePersonEditor *self)
{
  EscaleDatePrecision precision =
    escale_date_precision_from_code (escale_person_get (self->person,
                                                        ESCALE_FIELD_BIRTH_PRECISION));

  for (guint f = 0; f < ESCALE_N_FIELDS; f++)
    {
      const char *value = escale_person_get (self->person, f);
      g_autofree char *date = NULL;

      if (self->fields[f] == NULL || f == ESCALE_FIELD_BIRTH_PRECISION)
        continue;
      if (escale_field_is_date (f))
        value = date = date_to_text (value, f == ESCALE_FIELD_BIRTH_DATE ? precision
                                                                         : ESCALE_DATE_EXACT);
      set_widget_text (self->fields[f], value);
    }
  if (escale_person_get (self->person, ESCALE_FIELD_BIRTH_DATE) != NULL)
    gtk_drop_down_set_selected (self->precision_dropdown, precision);
  fill_lists (self);
}

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
setup_referents (EscalePersonEditor *self)
{
  g_auto(GStrv) names = escale_store_list_referents (self->store);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *label = escape_mnemonic (names[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "editor.set-referent",
                                               g_variant_new_string (names[i]));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->referent_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->referent_button), names != NULL && names[0] != NULL);
}

static void
setup_title (EscalePersonEditor *self)
{
  g_autofree char *name = NULL;

  if (is_new (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
      adw_window_title_set_title (self->window_title, _("New Person"));
      message_row_set_hint (self->messages[ESCALE_FIELD_FILE_NUMBER],
                            _("Generated when saved, if left empty"));
      return;
    }
  name = escale_format_person_name (escale_person_get (self->person, ESCALE_FIELD_FAMILY_NAME),
                                    escale_person_get (self->person, ESCALE_FIELD_GIVEN_NAMES));
  gtk_window_set_title (GTK_WINDOW (self), _("Edit File"));
  adw_window_title_set_title (self->window_title, _("Edit File"));
  adw_window_title_set_subtitle (self->window_title, name);
}

/* Callbacks */

static EscaleField
field_of (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "escale-field"));
}

static void
field_changed (EscalePersonEditor *self,
               EscaleField         field)
{
  if (self->closing)
    return;
  if (field == ESCALE_FIELD_BIRTH_DATE)
    sync_birth_precision (self);
  if (self->loading)
    return;
  mark_changed (self);
  if (self->messages[field] != NULL && message_row_has_error (self->messages[field]))
    check_message (self, self->messages[field]);
  if (field == ESCALE_FIELD_FAMILY_NAME || field == ESCALE_FIELD_GIVEN_NAMES ||
      field == ESCALE_FIELD_BIRTH_DATE)
    schedule_duplicates (self);
}

static void
on_field_changed_cb (GtkWidget          *widget,
                     EscalePersonEditor *self)
{
  field_changed (self, field_of (widget));
}

static void
on_field_selected_cb (GtkWidget          *widget,
                      GParamSpec         *pspec G_GNUC_UNUSED,
                      EscalePersonEditor *self)
{
  field_changed (self, field_of (widget));
}

static void
on_notes_changed_cb (EscalePersonEditor *self)
{
  mark_changed (self);
}

/* Picking another precision than "estimated" goes back to what the text says. */
static void
on_precision_selected_cb (EscalePersonEditor *self)
{
  if (self->closing || self->loading)
    return;
  if (gtk_drop_down_get_selected (self->precision_dropdown) != ESCALE_DATE_ESTIMATED)
    sync_birth_precision (self);
  mark_changed (self);
}

/* Leaving a field checks it when something was typed, or when it shows an error. */
static void
on_field_focus_leave_cb (GtkEventController *controller,
                         EscalePersonEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (controller);
  EscaleField field = field_of (row);
  const char *text;

  if (self->closing || self->messages[field] == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (row));
  if (!is_blank (text) || message_row_has_error (self->messages[field]))
    check_message (self, self->messages[field]);
}

/* The dialog outlives this handler: it must not keep a destroyed parent. */
static void
on_discard_response_cb (EscalePersonEditor *self,
                        const char         *response,
                        GtkWindow          *dialog)
{
  g_clear_weak_pointer (&self->discard_dialog);
  if (g_strcmp0 (response, "discard") != 0)
    return;
  gtk_window_set_transient_for (dialog, NULL);
  close_editor (self);
}

static void
ask_discard (EscalePersonEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                              _("What was typed in this form will be lost."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->discard_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_fields (EscalePersonEditor *self)
{
  for (guint f = 0; f < ESCALE_N_FIELDS; f++)
    {
      GtkWidget *widget = self->fields[f];

      if (widget == NULL || f == ESCALE_FIELD_BIRTH_PRECISION)
        continue;
      g_object_set_data (G_OBJECT (widget), "escale-field", GUINT_TO_POINTER (f));
      if (GTK_IS_EDITABLE (widget))
        {
          GtkEventController *focus = gtk_event_controller_focus_new ();

          g_signal_connect (widget, "changed", G_CALLBACK (on_field_changed_cb), self);
          g_signal_connect (focus, "leave", G_CALLBACK (on_field_focus_leave_cb), self);
          gtk_widget_add_controller (widget, focus);
        }
      else if (GTK_IS_DROP_DOWN (widget))
        g_signal_connect (widget, "notify::selected", G_CALLBACK (on_field_selected_cb), self);
    }
  GtkTextView *notes = GTK_TEXT_VIEW (self->fields[ESCALE_FIELD_NOTES]);

  g_signal_connect_swapped (gtk_text_view_get_buffer (notes), "changed",
                            G_CALLBACK (on_notes_changed_cb), self);
  g_signal_connect_swapped (self->precision_dropdown, "notify::selected",
                            G_CALLBACK (on_precision_selected_cb), self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *parameter G_GNUC_UNUSED)
{
  escale_person_editor_save (ESCALE_PERSON_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter G_GNUC_UNUSED)
{
  static const char *const names[N_LISTS] = {
    "editor.add-name", "editor.add-nationality", "editor.add-language", "editor.add-status",
  };
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (widget);

  for (guint l = 0; l < N_LISTS; l++)
    if (g_str_equal (action_name, names[l]))
      {
        Item *item = add_item (self, l);

        if (l == LIST_STATUS)
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->row), TRUE);
        gtk_widget_grab_focus (item->parts[PART_MAIN]);
      }
}

static void
set_referent_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *parameter)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->fields[ESCALE_FIELD_REFERENT]),
                         g_variant_get_string (parameter, NULL));
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (widget);

  g_signal_emit (self, signals[OPEN_PERSON], 0, g_variant_get_int64 (parameter));
  close_editor (self);
}

/* GObject and GtkWindow overrides */

static gboolean
escale_person_editor_close_request (GtkWindow *window)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (window);
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (escale_person_editor_parent_class);

  if (!self->closing && self->changed)
    {
      if (self->discard_dialog != NULL)
        gtk_window_present (GTK_WINDOW (self->discard_dialog));
      else
        ask_discard (self);
      return TRUE;
    }
  self->closing = TRUE;
  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static void
escale_person_editor_constructed (GObject *object)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (object);

  G_OBJECT_CLASS (escale_person_editor_parent_class)->constructed (object);

  g_assert (ESCALE_IS_STORE (self->store));
  if (self->person == NULL)
    self->person = escale_person_new ();

  self->loading = TRUE;
  escale_code_dropdown_setup_vocab (GTK_DROP_DOWN (self->fields[ESCALE_FIELD_SEX]), self->store,
                                    ESCALE_VOCAB_SEX,
                                    /* Translators: the person's sex is not stated */
                                    C_("sex", "Not stated"));
  escale_code_dropdown_setup_countries (GTK_DROP_DOWN (self->fields[ESCALE_FIELD_BIRTH_COUNTRY]),
                                        /* Translators: the birth country is not known */
                                        C_("country", "Unknown"));
  connect_fields (self);
  setup_referents (self);
  fill_form (self);
  sync_birth_precision (self);
  setup_title (self);
  self->loading = FALSE;
  self->changed = FALSE;

  gtk_widget_grab_focus (self->fields[ESCALE_FIELD_FAMILY_NAME]);
}

static void
escale_person_editor_dispose (GObject *object)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (object);

  self->closing = TRUE;
  g_clear_handle_id (&self->duplicates_id, g_source_remove);
  if (self->discard_dialog != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self->discard_dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
      g_clear_weak_pointer (&self->discard_dialog);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_PERSON_EDITOR);
  memset (self->rows, 0, sizeof self->rows);
  memset (self->messages, 0, sizeof self->messages);
  for (guint l = 0; l < N_LISTS; l++)
    {
      g_clear_pointer (&self->items[l], g_ptr_array_unref);
      g_clear_pointer (&self->kept[l], g_array_unref);
    }
  g_clear_object (&self->store);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (escale_person_editor_parent_class)->dispose (object);
}

static void
escale_person_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_person_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EscalePersonEditor *self = ESCALE_PERSON_EDITOR (object);
  EscalePerson *person;

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_PERSON:
      person = g_value_get_object (value);
      g_clear_object (&self->person);
      self->person = person ? escale_person_copy (person) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
escale_person_editor_class_init (EscalePersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = escale_person_editor_constructed;
  object_class->dispose = escale_person_editor_dispose;
  object_class->get_property = escale_person_editor_get_property;
  object_class->set_property = escale_person_editor_set_property;
  window_class->close_request = escale_person_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ESCALE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, ESCALE_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
  signals[OPEN_PERSON] = g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/people/escale-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, duplicates_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, duplicates_list);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, precision_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscalePersonEditor, referent_button);
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    gtk_widget_class_bind_template_child_full (widget_class, field_widgets[i].id, FALSE,
                                               G_STRUCT_OFFSET (EscalePersonEditor, fields) +
                                               field_widgets[i].field * sizeof (GtkWidget *));
  for (guint l = 0; l < N_LISTS; l++)
    gtk_widget_class_bind_template_child_full (widget_class, group_ids[l], FALSE,
                                               G_STRUCT_OFFSET (EscalePersonEditor, groups) +
                                               l * sizeof (AdwPreferencesGroup *));

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  for (guint l = 0; l < N_LISTS; l++)
    {
      static const char *const names[N_LISTS] = {
        "editor.add-name", "editor.add-nationality", "editor.add-language", "editor.add-status",
      };
      gtk_widget_class_install_action (widget_class, names[l], NULL, add_item_action);
    }
  gtk_widget_class_install_action (widget_class, "editor.set-referent", "s", set_referent_action);
  gtk_widget_class_install_action (widget_class, "editor.open-person", "x", open_person_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
escale_person_editor_init (EscalePersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields[ESCALE_FIELD_BIRTH_PRECISION] = GTK_WIDGET (self->precision_dropdown);
  for (guint l = 0; l < N_LISTS; l++)
    {
      self->items[l] = g_ptr_array_new ();
      self->kept[l] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  for (guint f = 0; f < ESCALE_N_FIELDS; f++)
    if (self->fields[f] != NULL)
      self->rows[f] = GTK_IS_LIST_BOX_ROW (self->fields[f])
                      ? self->fields[f]
                      : gtk_widget_get_ancestor (self->fields[f], GTK_TYPE_LIST_BOX_ROW);
  add_message_rows (self);

  /* Phone numbers and addresses read left-to-right in any language. */
  for (guint i = 0; i < G_N_ELEMENTS (ltr_fields); i++)
    gtk_widget_set_direction (GTK_WIDGET (gtk_editable_get_delegate (
                                GTK_EDITABLE (self->fields[ltr_fields[i]]))),
                              GTK_TEXT_DIR_LTR);
}

/* Public API */

/**
 * escale_person_editor_new:
 * @parent: (nullable): the window the editor stays above
 * @person: (nullable): the file to edit, %NULL to create one
 *
 * Returns: (transfer none): a new editor, owned by GTK's list of windows
 */
EscalePersonEditor *
escale_person_editor_new (GtkWindow    *parent,
                          EscaleStore  *store,
                          EscalePerson *person)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || ESCALE_IS_PERSON (person), NULL);

  return g_object_new (ESCALE_TYPE_PERSON_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "person", person,
                       NULL);
}

/**
 * escale_person_editor_save:
 *
 * Checks the form and, when it is valid, saves the person, emits "saved"
 * and closes. Otherwise shows each problem at its field and focuses the
 * first one.
 *
 * Returns: %TRUE when saved
 */
gboolean
escale_person_editor_save (EscalePersonEditor *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(EscalePerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created;

  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), FALSE);
  g_return_val_if_fail (!self->closing, FALSE);

  person = check_form (self, &errors);
  show_errors (self, errors, NULL);
  if (errors->len > 0)
    {
      focus_first_error (self, errors);
      return FALSE;
    }
  created = escale_person_get_id (person) == 0;
  if (!escale_store_save_person (self->store, person, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The file could not be saved: %s"),
                                                  error->message);
      show_banner (self, message);
      return FALSE;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, escale_person_get_id (person), created);
  close_editor (self);
  g_object_unref (self);
  return TRUE;
}

/**
 * escale_person_editor_get_field_widget:
 *
 * For tests: the widget that edits @field, an editable (#AdwEntryRow), a
 * #GtkDropDown (sex, birth country, birth precision) or the notes'
 * #GtkTextView; %NULL for fields the form does not edit.
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
escale_person_editor_get_field_widget (EscalePersonEditor *self,
                                       EscaleField         field)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (field < ESCALE_N_FIELDS, NULL);

  return self->fields[field];
}

/**
 * escale_person_editor_get_item_widget:
 * @list: %ESCALE_FIELD_OTHER_NAMES, %ESCALE_FIELD_NATIONALITIES,
 *   %ESCALE_FIELD_LANGUAGES or %ESCALE_FIELD_STATUS
 * @part: "main" (the name, country, language or status), "level",
 *   "interpreter", "from", "to", "document" or "expiry"
 *
 * For tests: one widget of the @index-th item of a list (items are added
 * with the "editor.add-name", "editor.add-nationality",
 * "editor.add-language" and "editor.add-status" actions).
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
escale_person_editor_get_item_widget (EscalePersonEditor *self,
                                      EscaleField         list,
                                      guint               index,
                                      const char         *part)
{
  Item *item;

  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  item = get_item (self, list, index);
  for (guint p = 0; item != NULL && p < N_PARTS; p++)
    if (g_str_equal (part, part_names[p]))
      return item->parts[p];
  return NULL;
}

static const char *
shown_error (EscalePersonEditor *self,
             EscaleField         field,
             guint               index)
{
  EscaleFieldError where = { field, index, NULL };
  GtkWidget *message = error_target (self, &where);

  if (message == NULL || !message_row_has_error (message))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message))));
}

/**
 * escale_person_editor_get_field_error:
 *
 * For tests: the error shown at a field.
 *
 * Returns: (nullable): the message, %NULL when none is shown
 */
const char *
escale_person_editor_get_field_error (EscalePersonEditor *self,
                                      EscaleField         field)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (field < ESCALE_N_FIELDS, NULL);

  return shown_error (self, field, 0);
}

/**
 * escale_person_editor_get_item_error:
 *
 * For tests: the error shown at the @index-th item of @list.
 *
 * Returns: (nullable): the message, %NULL when none is shown
 */
const char *
escale_person_editor_get_item_error (EscalePersonEditor *self,
                                     EscaleField         list,
                                     guint               index)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (get_item (self, list, index) != NULL, NULL);

  return shown_error (self, list, index);
}

/**
 * escale_person_editor_get_banner:
 *
 * For tests: the message shown above the form, for errors that belong to no
 * field (a database error…).
 *
 * Returns: (nullable): the message, %NULL when hidden
 */
const char *
escale_person_editor_get_banner (EscalePersonEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/**
 * escale_person_editor_get_duplicates:
 *
 * For tests: the possible duplicates shown, as rows whose "Open This File"
 * button activates "editor.open-person" with the person's id.
 *
 * Returns: (transfer none): the list, its rows visible only when revealed
 */
GtkListBox *
escale_person_editor_get_duplicates (EscalePersonEditor *self,
                                     gboolean           *revealed)
{
  g_return_val_if_fail (ESCALE_IS_PERSON_EDITOR (self), NULL);

  if (revealed != NULL)
    *revealed = gtk_revealer_get_reveal_child (self->duplicates_revealer);
  return self->duplicates_list;
}
