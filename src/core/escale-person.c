/* escale-person.c — one person's record
 *
 * The plain text fields are described once, in the fields table below, and
 * become GObject properties, SQL columns (escale-person-store.c) and import
 * columns (escale-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "escale-person.h"
#include "escale-util.h"

struct _EscalePerson
{
  GObject    parent_instance;

  gint64     id;
  char      *uuid;
  char      *fields[ESCALE_N_FIELDS];
  GStrv      other_names;
  GStrv      nationalities;
  GPtrArray *languages;          /* EscaleLanguageSkill */
  GPtrArray *status_periods;     /* EscaleStatusPeriod, oldest first */
  gint64     household_id;
  char      *household_role;
  GPtrArray *household_members;  /* EscaleHouseholdMember, this person excluded */
};

G_DEFINE_FINAL_TYPE (EscalePerson, escale_person, G_TYPE_OBJECT)

static const struct {
  const char *name;
  gboolean    is_date;
} fields[] = {
  [ESCALE_FIELD_FILE_NUMBER] = { "file_number", FALSE },
  [ESCALE_FIELD_FAMILY_NAME] = { "family_name", FALSE },
  [ESCALE_FIELD_GIVEN_NAMES] = { "given_names", FALSE },
  [ESCALE_FIELD_SEX] = { "sex", FALSE },
  [ESCALE_FIELD_BIRTH_DATE] = { "birth_date", TRUE },
  [ESCALE_FIELD_BIRTH_PRECISION] = { "birth_precision", FALSE },
  [ESCALE_FIELD_BIRTH_COUNTRY] = { "birth_country", FALSE },
  [ESCALE_FIELD_PHONE] = { "phone", FALSE },
  [ESCALE_FIELD_EMAIL] = { "email", FALSE },
  [ESCALE_FIELD_ADDRESS] = { "address", FALSE },
  [ESCALE_FIELD_POSTAL_CODE] = { "postal_code", FALSE },
  [ESCALE_FIELD_CITY] = { "city", FALSE },
  [ESCALE_FIELD_ARRIVAL_DATE] = { "arrival_date", TRUE },
  [ESCALE_FIELD_REFERENT] = { "referent", FALSE },
  [ESCALE_FIELD_REFERRED_BY] = { "referred_by", FALSE },
  [ESCALE_FIELD_FIRST_CONTACT] = { "first_contact", TRUE },
  [ESCALE_FIELD_CONSENT_DATE] = { "consent_date", TRUE },
  [ESCALE_FIELD_CONSENT_SCOPE] = { "consent_scope", FALSE },
  [ESCALE_FIELD_CONSENT_INFORMED] = { "consent_informed", FALSE },
  [ESCALE_FIELD_CLOSED_ON] = { "closed_on", TRUE },
  [ESCALE_FIELD_CLOSE_REASON] = { "close_reason", FALSE },
  [ESCALE_FIELD_RETENTION_DATE] = { "retention_date", TRUE },
  [ESCALE_FIELD_NOTES] = { "notes", FALSE },
};

static const char *const extra_field_names[] = {
  "other_names", "nationality", "languages", "status", "household",
};

static GParamSpec *properties[ESCALE_N_FIELDS + 1];

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == ESCALE_N_FIELDS);

const char *
escale_field_get_name (EscaleField field)
{
  if (field < ESCALE_N_FIELDS)
    return fields[field].name;
  g_return_val_if_fail (field - ESCALE_N_FIELDS < G_N_ELEMENTS (extra_field_names), NULL);
  return extra_field_names[field - ESCALE_N_FIELDS];
}

gboolean
escale_field_from_name (const char  *name,
                        EscaleField *field)
{
  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    if (g_str_equal (fields[i].name, name))
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
escale_field_is_date (EscaleField field)
{
  return field < ESCALE_N_FIELDS && fields[field].is_date;
}

EscaleLanguageSkill *
escale_language_skill_new (const char *code,
                           const char *level,
                           gboolean    interpreter)
{
  EscaleLanguageSkill *skill = g_new0 (EscaleLanguageSkill, 1);

  skill->code = g_strdup (code);
  skill->level = g_strdup (level);
  skill->interpreter = interpreter;
  return skill;
}

void
escale_language_skill_free (EscaleLanguageSkill *skill)
{
  g_free (skill->code);
  g_free (skill->level);
  g_free (skill);
}

EscaleStatusPeriod *
escale_status_period_new (const char *status,
                          const char *started_on,
                          const char *ended_on,
                          const char *document,
                          const char *document_expiry)
{
  EscaleStatusPeriod *period = g_new0 (EscaleStatusPeriod, 1);

  period->status = g_strdup (status);
  period->started_on = g_strdup (started_on);
  period->ended_on = g_strdup (ended_on);
  period->document = g_strdup (document);
  period->document_expiry = g_strdup (document_expiry);
  return period;
}

EscaleStatusPeriod *
escale_status_period_copy (const EscaleStatusPeriod *period)
{
  EscaleStatusPeriod *copy = escale_status_period_new (period->status, period->started_on,
                                                       period->ended_on, period->document,
                                                       period->document_expiry);
  copy->id = period->id;
  return copy;
}

void
escale_status_period_free (EscaleStatusPeriod *period)
{
  g_free (period->status);
  g_free (period->started_on);
  g_free (period->ended_on);
  g_free (period->document);
  g_free (period->document_expiry);
  g_free (period);
}

void
escale_household_member_free (EscaleHouseholdMember *member)
{
  g_free (member->file_number);
  g_free (member->family_name);
  g_free (member->given_names);
  g_free (member->role);
  g_free (member);
}

static void
escale_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EscalePerson *self = ESCALE_PERSON (object);

  if (prop_id >= 1 && prop_id <= ESCALE_N_FIELDS)
    g_value_set_string (value, self->fields[prop_id - 1]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
escale_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EscalePerson *self = ESCALE_PERSON (object);

  if (prop_id >= 1 && prop_id <= ESCALE_N_FIELDS)
    escale_person_set (self, prop_id - 1, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
escale_person_finalize (GObject *object)
{
  EscalePerson *self = (EscalePerson *) object;

  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_free (self->uuid);
  g_free (self->household_role);
  g_strfreev (self->other_names);
  g_strfreev (self->nationalities);
  g_ptr_array_unref (self->languages);
  g_ptr_array_unref (self->status_periods);
  g_ptr_array_unref (self->household_members);

  G_OBJECT_CLASS (escale_person_parent_class)->finalize (object);
}

static void
escale_person_class_init (EscalePersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_person_finalize;
  object_class->get_property = escale_person_get_property;
  object_class->set_property = escale_person_set_property;

  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (fields[i].name), "_", '-');

      properties[i + 1] = g_param_spec_string (g_intern_string (name), NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
    }
  g_object_class_install_properties (object_class, G_N_ELEMENTS (properties), properties);
}

static void
escale_person_init (EscalePerson *self)
{
  self->other_names = g_new0 (char *, 1);
  self->nationalities = g_new0 (char *, 1);
  self->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_language_skill_free);
  self->status_periods = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_status_period_free);
  self->household_members =
    g_ptr_array_new_with_free_func ((GDestroyNotify) escale_household_member_free);
}

EscalePerson *
escale_person_new (void)
{
  return g_object_new (ESCALE_TYPE_PERSON, NULL);
}

/**
 * escale_person_copy:
 *
 * Returns: (transfer full): a copy of the editable part of @self (fields,
 *   names, nationalities, languages, status periods), for an editor
 */
EscalePerson *
escale_person_copy (EscalePerson *self)
{
  EscalePerson *copy = escale_person_new ();

  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);

  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  for (guint i = 0; i < ESCALE_N_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);
  escale_person_set_other_names (copy, escale_person_get_other_names (self));
  escale_person_set_nationalities (copy, escale_person_get_nationalities (self));
  for (guint i = 0; i < self->languages->len; i++)
    {
      EscaleLanguageSkill *skill = g_ptr_array_index (self->languages, i);
      g_ptr_array_add (copy->languages,
                       escale_language_skill_new (skill->code, skill->level, skill->interpreter));
    }
  for (guint i = 0; i < self->status_periods->len; i++)
    g_ptr_array_add (copy->status_periods,
                     escale_status_period_copy (g_ptr_array_index (self->status_periods, i)));
  copy->household_id = self->household_id;
  copy->household_role = g_strdup (self->household_role);
  return copy;
}

gint64
escale_person_get_id (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), 0);
  return self->id;
}

void
escale_person_set_id (EscalePerson *self,
                      gint64        id)
{
  g_return_if_fail (ESCALE_IS_PERSON (self));
  self->id = id;
}

const char *
escale_person_get_uuid (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);
  return self->uuid;
}

void
escale_person_set_uuid (EscalePerson *self,
                        const char   *uuid)
{
  g_return_if_fail (ESCALE_IS_PERSON (self));
  escale_set_str (&self->uuid, uuid);
}

const char *
escale_person_get (EscalePerson *self,
                   EscaleField   field)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);
  g_return_val_if_fail (field < ESCALE_N_FIELDS, NULL);
  return self->fields[field];
}

/* Empty and blank text is stored as NULL: unknown. */
void
escale_person_set (EscalePerson *self,
                   EscaleField   field,
                   const char   *value)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (ESCALE_IS_PERSON (self));
  g_return_if_fail (field < ESCALE_N_FIELDS);

  if (value != NULL)
    {
      stripped = g_strstrip (g_strdup (value));
      if (*stripped == '\0')
        g_clear_pointer (&stripped, g_free);
    }
  if (escale_set_str (&self->fields[field], stripped))
    g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

/**
 * escale_person_dup_display_name:
 *
 * Returns: (transfer full): "FAMILY Given", the way files are named
 */
char *
escale_person_dup_display_name (EscalePerson *self)
{
  const char *family = self->fields[ESCALE_FIELD_FAMILY_NAME];
  const char *given = self->fields[ESCALE_FIELD_GIVEN_NAMES];

  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);

  if (given == NULL)
    return g_strdup (family ? family : "");
  return g_strdup_printf ("%s %s", family ? family : "", given);
}

gboolean
escale_person_is_closed (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), FALSE);
  return self->fields[ESCALE_FIELD_CLOSED_ON] != NULL;
}

const char * const *
escale_person_get_other_names (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);
  return (const char * const *) self->other_names;
}

static GStrv
copy_non_empty (const char * const *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      if (*item != '\0')
        g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

void
escale_person_set_other_names (EscalePerson       *self,
                               const char * const *names)
{
  g_return_if_fail (ESCALE_IS_PERSON (self));
  g_strfreev (self->other_names);
  self->other_names = copy_non_empty (names);
}

const char * const *
escale_person_get_nationalities (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);
  return (const char * const *) self->nationalities;
}

void
escale_person_set_nationalities (EscalePerson       *self,
                                 const char * const *codes)
{
  g_return_if_fail (ESCALE_IS_PERSON (self));
  g_strfreev (self->nationalities);
  self->nationalities = copy_non_empty (codes);
}

/**
 * escale_person_get_languages:
 *
 * Returns: (transfer none) (element-type EscaleLanguageSkill): editable in place
 */
GPtrArray *
escale_person_get_languages (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);
  return self->languages;
}

/**
 * escale_person_get_status_periods:
 *
 * Returns: (transfer none) (element-type EscaleStatusPeriod): oldest first,
 *   editable in place
 */
GPtrArray *
escale_person_get_status_periods (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);
  return self->status_periods;
}

/**
 * escale_person_get_current_status:
 *
 * Returns: (nullable): the status of the period that started last, or
 *   %NULL when no status was recorded
 */
const char *
escale_person_get_current_status (EscalePerson *self)
{
  const EscaleStatusPeriod *current = NULL;

  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);

  for (guint i = 0; i < self->status_periods->len; i++)
    {
      const EscaleStatusPeriod *period = g_ptr_array_index (self->status_periods, i);

      if (current == NULL || g_strcmp0 (period->started_on, current->started_on) >= 0)
        current = period;
    }
  return current ? current->status : NULL;
}

gint64
escale_person_get_household_id (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), 0);
  return self->household_id;
}

void
escale_person_set_household_id (EscalePerson *self,
                                gint64        household_id)
{
  g_return_if_fail (ESCALE_IS_PERSON (self));
  self->household_id = household_id;
}

const char *
escale_person_get_household_role (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);
  return self->household_role;
}

void
escale_person_set_household_role (EscalePerson *self,
                                  const char   *role)
{
  g_return_if_fail (ESCALE_IS_PERSON (self));
  escale_set_str (&self->household_role, role);
}

/**
 * escale_person_get_household_members:
 *
 * Returns: (transfer none) (element-type EscaleHouseholdMember): the other
 *   members of the household, as loaded
 */
GPtrArray *
escale_person_get_household_members (EscalePerson *self)
{
  g_return_val_if_fail (ESCALE_IS_PERSON (self), NULL);
  return self->household_members;
}
