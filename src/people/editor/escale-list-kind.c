/* escale-list-kind.c — the kinds of list a person's file has, and their items
 *
 * Each kind builds an item's row, fills it from the person and reads it
 * back. Other names and nationalities are lists of strings; languages and
 * status periods are lists of records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-editor-util.h"
#include "escale-list-kind.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

typedef struct _Kind Kind;

struct _Kind
{
  EscaleField   field;
  const char   *duplicate;   /* (nullable) the error for an item listed twice */
  /* A list of strings, or of records. */
  const char * const *(*get_strv) (EscalePerson       *person);
  void                (*set_strv) (EscalePerson       *person,
                                   const char * const *strv);
  GPtrArray          *(*get_array) (EscalePerson      *person);
  void                (*build)  (EscaleListItem *item,
                                 EscaleStore    *store,
                                 GtkWidget      *remove);
  void                (*fill)   (const Kind     *kind,
                                 EscaleListItem *item,
                                 EscalePerson   *person,
                                 guint           index);
  gboolean            (*read)   (const Kind     *kind,
                                 EscaleListItem *item,
                                 guint           index,
                                 EscalePerson   *person,
                                 GPtrArray      *errors);
  void                (*update) (EscaleListItem *item);
};

G_DEFINE_ENUM_TYPE (EscaleListKind, escale_list_kind,
                    G_DEFINE_ENUM_VALUE (ESCALE_LIST_NAMES, "names"),
                    G_DEFINE_ENUM_VALUE (ESCALE_LIST_NATIONALITIES, "nationalities"),
                    G_DEFINE_ENUM_VALUE (ESCALE_LIST_LANGUAGES, "languages"),
                    G_DEFINE_ENUM_VALUE (ESCALE_LIST_STATUS, "status"))

static const char *const language_levels[] = { "native", "fluent", "basic", NULL };

/* Helpers: widgets */

static void
describe_remove (GtkWidget  *remove,
                 const char *label)
{
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
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

static const char *
part_code (EscaleListItem *item,
           EscaleItemPart  part)
{
  return escale_code_dropdown_get_code (GTK_DROP_DOWN (item->parts[part]));
}

/* Building items */

static void
build_name_item (EscaleListItem *item,
                 EscaleStore    *store G_GNUC_UNUSED,
                 GtkWidget      *remove)
{
  item->row = item->parts[ESCALE_ITEM_MAIN] = entry_row_new (_("Other name or spelling"));
  describe_remove (remove, _("Remove this name"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (item->row), remove);
}

static void
build_nationality_item (EscaleListItem *item,
                        EscaleStore    *store G_GNUC_UNUSED,
                        GtkWidget      *remove)
{
  item->parts[ESCALE_ITEM_MAIN] = dropdown_new (_("Nationality"));
  escale_code_dropdown_setup_countries (GTK_DROP_DOWN (item->parts[ESCALE_ITEM_MAIN]),
                                        _("Choose a country"));
  item->row = action_row_new (_("Nationality"), item->parts[ESCALE_ITEM_MAIN]);
  describe_remove (remove, _("Remove this nationality"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), remove);
}

static void
build_language_item (EscaleListItem *item,
                     EscaleStore    *store G_GNUC_UNUSED,
                     GtkWidget      *remove)
{
  const char *levels[] = {
    C_("language level", "Native"),
    C_("language level", "Fluent"),
    C_("language level", "Basic"),
    NULL,
  };
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  item->row = GTK_WIDGET (row);
  item->parts[ESCALE_ITEM_MAIN] = dropdown_new (_("Language"));
  escale_code_dropdown_setup_languages (GTK_DROP_DOWN (item->parts[ESCALE_ITEM_MAIN]),
                                        _("Choose a language"));
  adw_action_row_add_prefix (row, item->parts[ESCALE_ITEM_MAIN]);
  item->parts[ESCALE_ITEM_LEVEL] = dropdown_new (_("Level"));
  escale_code_dropdown_setup (GTK_DROP_DOWN (item->parts[ESCALE_ITEM_LEVEL]), language_levels,
                              levels,
                              /* Translators: the level of a spoken language is not known */
                              _("Level not stated"));
  adw_action_row_add_suffix (row, item->parts[ESCALE_ITEM_LEVEL]);
  item->parts[ESCALE_ITEM_INTERPRETER] = gtk_check_button_new_with_label (_("Interpreter needed"));
  gtk_widget_set_valign (item->parts[ESCALE_ITEM_INTERPRETER], GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, item->parts[ESCALE_ITEM_INTERPRETER]);
  describe_remove (remove, _("Remove this language"));
  adw_action_row_add_suffix (row, remove);
}

static void
build_status_item (EscaleListItem *item,
                   EscaleStore    *store,
                   GtkWidget      *remove)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  const struct { EscaleItemPart part; const char *title; } dates[] = {
    /* Translators: the first day of a status period */
    { ESCALE_ITEM_FROM, _("From") },
    /* Translators: the last day of a status period */
    { ESCALE_ITEM_TO, _("Until") },
    /* Translators: a residence permit, receipt or other document proving the status */
    { ESCALE_ITEM_DOCUMENT, _("Document") },
    { ESCALE_ITEM_EXPIRY, _("Document expires on") },
  };

  item->row = GTK_WIDGET (row);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  item->parts[ESCALE_ITEM_MAIN] = dropdown_new (_("Status"));
  escale_code_dropdown_setup_vocab (GTK_DROP_DOWN (item->parts[ESCALE_ITEM_MAIN]), store,
                                    ESCALE_VOCAB_STATUS, _("Choose a status"));
  adw_expander_row_add_row (row, action_row_new (_("Status"), item->parts[ESCALE_ITEM_MAIN]));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      item->parts[dates[i].part] = entry_row_new (dates[i].title);
      if (dates[i].part != ESCALE_ITEM_DOCUMENT)
        gtk_widget_set_tooltip_text (item->parts[dates[i].part],
                                     _("DD/MM/YYYY, MM/YYYY or YYYY"));
      adw_expander_row_add_row (row, item->parts[dates[i].part]);
    }
  describe_remove (remove, _("Remove this status"));
  adw_expander_row_add_action (row, remove);
}

/* A status period's title and dates, shown while it is folded. */
static void
update_status_item (EscaleListItem *item)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (item->parts[ESCALE_ITEM_MAIN]);
  GtkStringObject *selected = gtk_drop_down_get_selected_item (dropdown);
  const char *from = gtk_editable_get_text (GTK_EDITABLE (item->parts[ESCALE_ITEM_FROM]));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (item->parts[ESCALE_ITEM_TO]));
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                 part_code (item, ESCALE_ITEM_MAIN) != NULL && selected
                                 ? gtk_string_object_get_string (selected)
                                 /* Translators: a status period whose status is not chosen yet */
                                 : _("New status"));
  if (!escale_editor_is_blank (from) && !escale_editor_is_blank (to))
    /* Translators: a period of time, from a date until another */
    subtitle = g_strdup_printf (_("%s – %s"), from, to);
  else if (!escale_editor_is_blank (from))
    /* Translators: a status that started on this date and still holds */
    subtitle = g_strdup_printf (_("Since %s"), from);
  else if (!escale_editor_is_blank (to))
    /* Translators: a status that ended on this date */
    subtitle = g_strdup_printf (_("Until %s"), to);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (item->row), subtitle ? subtitle : "");
}

/* Filling items */

static void
fill_strv_item (const Kind     *kind,
                EscaleListItem *item,
                EscalePerson   *person,
                guint           index)
{
  escale_editor_set_text (item->parts[ESCALE_ITEM_MAIN], kind->get_strv (person)[index]);
}

static void
fill_language_item (const Kind     *kind,
                    EscaleListItem *item,
                    EscalePerson   *person,
                    guint           index)
{
  EscaleLanguageSkill *skill = g_ptr_array_index (kind->get_array (person), index);

  escale_editor_set_text (item->parts[ESCALE_ITEM_MAIN], skill->code);
  escale_editor_set_text (item->parts[ESCALE_ITEM_LEVEL], skill->level);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (item->parts[ESCALE_ITEM_INTERPRETER]),
                               skill->interpreter);
}

static void
fill_status_item (const Kind     *kind,
                  EscaleListItem *item,
                  EscalePerson   *person,
                  guint           index)
{
  EscaleStatusPeriod *period = g_ptr_array_index (kind->get_array (person), index);
  g_autofree char *from = escale_editor_date_to_text (period->started_on, ESCALE_DATE_EXACT);
  g_autofree char *to = escale_editor_date_to_text (period->ended_on, ESCALE_DATE_EXACT);
  g_autofree char *expiry = escale_editor_date_to_text (period->document_expiry,
                                                        ESCALE_DATE_EXACT);

  item->id = period->id;
  escale_editor_set_text (item->parts[ESCALE_ITEM_MAIN], period->status);
  escale_editor_set_text (item->parts[ESCALE_ITEM_FROM], from);
  escale_editor_set_text (item->parts[ESCALE_ITEM_TO], to);
  escale_editor_set_text (item->parts[ESCALE_ITEM_DOCUMENT], period->document);
  escale_editor_set_text (item->parts[ESCALE_ITEM_EXPIRY], expiry);
}

/* Reading items */

static gboolean
read_strv_item (const Kind     *kind,
                EscaleListItem *item,
                guint           index,
                EscalePerson   *person,
                GPtrArray      *errors)
{
  g_autofree char *text = escale_editor_dup_text (item->parts[ESCALE_ITEM_MAIN]);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *values = kind->get_strv (person);
  g_auto(GStrv) strv = NULL;

  if (text == NULL || *g_strstrip (text) == '\0')
    return FALSE;
  if (kind->duplicate != NULL && g_strv_contains (values, text))
    {
      escale_field_errors_add (errors, kind->field, index, "%s", _(kind->duplicate));
      return FALSE;
    }
  g_strv_builder_addv (builder, (const char **) values);
  g_strv_builder_add (builder, text);
  strv = g_strv_builder_end (builder);
  kind->set_strv (person, (const char * const *) strv);
  return TRUE;
}

static gboolean
read_language_item (const Kind     *kind,
                    EscaleListItem *item,
                    guint           index,
                    EscalePerson   *person,
                    GPtrArray      *errors)
{
  GPtrArray *languages = kind->get_array (person);
  const char *code = part_code (item, ESCALE_ITEM_MAIN);
  const char *level = part_code (item, ESCALE_ITEM_LEVEL);
  GtkCheckButton *check = GTK_CHECK_BUTTON (item->parts[ESCALE_ITEM_INTERPRETER]);
  gboolean interpreter = gtk_check_button_get_active (check);

  if (code == NULL)
    {
      if (level != NULL || interpreter)
        escale_field_errors_add (errors, kind->field, index, "%s", _("Choose a language"));
      return FALSE;
    }
  for (guint i = 0; i < languages->len; i++)
    if (g_str_equal (((EscaleLanguageSkill *) g_ptr_array_index (languages, i))->code, code))
      {
        escale_field_errors_add (errors, kind->field, index, "%s", _(kind->duplicate));
        return FALSE;
      }
  g_ptr_array_add (languages, escale_language_skill_new (code, level, interpreter));
  return TRUE;
}

static char *
read_status_date (EscaleListItem *item,
                  EscaleItemPart  part,
                  guint           index,
                  GPtrArray      *errors)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (item->parts[part]));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item->parts[part]));

  return escale_editor_parse_date (text, errors, ESCALE_FIELD_STATUS, index, title, NULL);
}

static gboolean
status_item_is_empty (EscaleListItem *item)
{
  for (guint p = ESCALE_ITEM_FROM; p <= ESCALE_ITEM_EXPIRY; p++)
    if (!escale_editor_is_blank (gtk_editable_get_text (GTK_EDITABLE (item->parts[p]))))
      return FALSE;
  return TRUE;
}

static gboolean
read_status_item (const Kind     *kind,
                  EscaleListItem *item,
                  guint           index,
                  EscalePerson   *person,
                  GPtrArray      *errors)
{
  const char *status = part_code (item, ESCALE_ITEM_MAIN);
  g_autofree char *from = read_status_date (item, ESCALE_ITEM_FROM, index, errors);
  g_autofree char *to = read_status_date (item, ESCALE_ITEM_TO, index, errors);
  g_autofree char *expiry = read_status_date (item, ESCALE_ITEM_EXPIRY, index, errors);
  g_autofree char *document = escale_editor_dup_text (item->parts[ESCALE_ITEM_DOCUMENT]);
  EscaleStatusPeriod *period;

  if (status == NULL)
    {
      if (!status_item_is_empty (item))
        escale_field_errors_add (errors, kind->field, index, "%s", _("Choose a status"));
      return FALSE;
    }
  g_strstrip (document);
  period = escale_status_period_new (status, from, to, *document ? document : NULL, expiry);
  period->id = item->id;
  g_ptr_array_add (kind->get_array (person), period);
  return TRUE;
}

/* The kinds */

static const Kind kinds[] = {
  [ESCALE_LIST_NAMES] = {
    .field = ESCALE_FIELD_OTHER_NAMES,
    .get_strv = escale_person_get_other_names,
    .set_strv = escale_person_set_other_names,
    .build = build_name_item,
    .fill = fill_strv_item,
    .read = read_strv_item,
  },
  [ESCALE_LIST_NATIONALITIES] = {
    .field = ESCALE_FIELD_NATIONALITIES,
    .duplicate = N_("This nationality is already listed"),
    .get_strv = escale_person_get_nationalities,
    .set_strv = escale_person_set_nationalities,
    .build = build_nationality_item,
    .fill = fill_strv_item,
    .read = read_strv_item,
  },
  [ESCALE_LIST_LANGUAGES] = {
    .field = ESCALE_FIELD_LANGUAGES,
    .duplicate = N_("This language is already listed"),
    .get_array = escale_person_get_languages,
    .build = build_language_item,
    .fill = fill_language_item,
    .read = read_language_item,
  },
  [ESCALE_LIST_STATUS] = {
    .field = ESCALE_FIELD_STATUS,
    .get_array = escale_person_get_status_periods,
    .build = build_status_item,
    .fill = fill_status_item,
    .read = read_status_item,
    .update = update_status_item,
  },
};

static const Kind *
get_kind (EscaleListKind kind)
{
  g_assert ((guint) kind < G_N_ELEMENTS (kinds));
  return &kinds[kind];
}

/* Public API */

EscaleField
escale_list_kind_get_field (EscaleListKind kind)
{
  return get_kind (kind)->field;
}

void
escale_list_kind_build (EscaleListKind  kind,
                        EscaleListItem *item,
                        EscaleStore    *store,
                        GtkWidget      *remove)
{
  get_kind (kind)->build (item, store, remove);
}

guint
escale_list_kind_count (EscaleListKind  kind,
                        EscalePerson   *person)
{
  const Kind *k = get_kind (kind);

  if (k->get_strv != NULL)
    return g_strv_length ((GStrv) k->get_strv (person));
  return k->get_array (person)->len;
}

void
escale_list_kind_fill (EscaleListKind  kind,
                       EscaleListItem *item,
                       EscalePerson   *person,
                       guint           index)
{
  get_kind (kind)->fill (get_kind (kind), item, person, index);
}

/* Empties the list in @person, before the items are read into it. */
void
escale_list_kind_clear (EscaleListKind  kind,
                        EscalePerson   *person)
{
  const Kind *k = get_kind (kind);
  const char *none[] = { NULL };

  if (k->set_strv != NULL)
    k->set_strv (person, none);
  else
    g_ptr_array_set_size (k->get_array (person), 0);
}

/**
 * escale_list_kind_read:
 *
 * Adds the @index-th item to the list in @person.
 *
 * Returns: %FALSE when the item is left empty or cannot be read
 */
gboolean
escale_list_kind_read (EscaleListKind  kind,
                       EscaleListItem *item,
                       guint           index,
                       EscalePerson   *person,
                       GPtrArray      *errors)
{
  return get_kind (kind)->read (get_kind (kind), item, index, person, errors);
}

/* Updates the item's row after a change, while the user types. */
void
escale_list_kind_update (EscaleListKind  kind,
                         EscaleListItem *item)
{
  if (get_kind (kind)->update != NULL)
    get_kind (kind)->update (item);
}
