/* escale-action.c — one entry of the follow-up timeline
 *
 * The columns are described once, in the fields table below, and become
 * the SQL of escale-action-store.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "escale-action.h"
#include "escale-util.h"

struct _EscaleAction
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *texts[ESCALE_ACTION_N_TEXT_FIELDS];
  gint64   ints[ESCALE_ACTION_N_FIELDS - ESCALE_ACTION_N_TEXT_FIELDS];
  GStrv    themes;
  GArray  *participants;   /* EscaleParticipant */
  gboolean confidential;
};

G_DEFINE_FINAL_TYPE (EscaleAction, escale_action, G_TYPE_OBJECT)

static const char *const field_names[] = {
  [ESCALE_ACTION_FIELD_SCOPE] = "scope",
  [ESCALE_ACTION_FIELD_DATE] = "date",
  [ESCALE_ACTION_FIELD_TIME] = "time",
  [ESCALE_ACTION_FIELD_TYPE] = "type",
  [ESCALE_ACTION_FIELD_STATUS] = "status",
  [ESCALE_ACTION_FIELD_WORKER] = "worker",
  [ESCALE_ACTION_FIELD_PARTNER] = "partner",
  [ESCALE_ACTION_FIELD_REFERRAL_OUTCOME] = "referral_outcome",
  [ESCALE_ACTION_FIELD_NOTES] = "notes",
  [ESCALE_ACTION_FIELD_NEXT_STEP] = "next_step",
  [ESCALE_ACTION_FIELD_NEXT_STEP_DUE] = "next_step_due",
  [ESCALE_ACTION_FIELD_PERSON_ID] = "person_id",
  [ESCALE_ACTION_FIELD_HOUSEHOLD_ID] = "household_id",
  [ESCALE_ACTION_FIELD_DURATION] = "duration_minutes",
  [ESCALE_ACTION_FIELD_PROGRAMME_ID] = "programme_id",
  [ESCALE_ACTION_FIELD_AMOUNT] = "amount_cents",
  [ESCALE_ACTION_FIELD_FOLLOWS] = "follows_action_id",
  [ESCALE_ACTION_FIELD_PARTNER_ID] = "partner_id",
  [ESCALE_ACTION_FIELD_THEMES] = "themes",
  [ESCALE_ACTION_FIELD_PARTICIPANTS] = "participants",
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == ESCALE_ACTION_FIELD_PARTICIPANTS + 1);

const char *
escale_action_field_get_name (EscaleActionField field)
{
  g_return_val_if_fail (field < G_N_ELEMENTS (field_names), NULL);

  return field_names[field];
}

static void
escale_action_finalize (GObject *object)
{
  EscaleAction *self = ESCALE_ACTION (object);

  g_free (self->uuid);
  for (guint i = 0; i < ESCALE_ACTION_N_TEXT_FIELDS; i++)
    g_free (self->texts[i]);
  g_strfreev (self->themes);
  g_array_unref (self->participants);

  G_OBJECT_CLASS (escale_action_parent_class)->finalize (object);
}

static void
escale_action_class_init (EscaleActionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_action_finalize;
}

static void
escale_action_init (EscaleAction *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->ints); i++)
    self->ints[i] = ESCALE_ACTION_UNSET;
  self->texts[ESCALE_ACTION_FIELD_SCOPE] = g_strdup (ESCALE_ACTION_SCOPE_PERSON);
  self->themes = g_new0 (char *, 1);
  self->participants = g_array_new (FALSE, FALSE, sizeof (EscaleParticipant));
}

EscaleAction *
escale_action_new (void)
{
  return g_object_new (ESCALE_TYPE_ACTION, NULL);
}

/**
 * escale_action_copy:
 *
 * Returns: (transfer full): a copy of @self, with the same id
 */
EscaleAction *
escale_action_copy (EscaleAction *self)
{
  EscaleAction *copy = escale_action_new ();

  g_return_val_if_fail (ESCALE_IS_ACTION (self), copy);

  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  for (guint i = 0; i < ESCALE_ACTION_N_TEXT_FIELDS; i++)
    escale_set_str (&copy->texts[i], self->texts[i]);
  memcpy (copy->ints, self->ints, sizeof self->ints);
  escale_action_set_themes (copy, (const char * const *) self->themes);
  g_array_append_vals (copy->participants, self->participants->data, self->participants->len);
  copy->confidential = self->confidential;
  return copy;
}

gint64
escale_action_get_id (EscaleAction *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTION (self), 0);

  return self->id;
}

void
escale_action_set_id (EscaleAction *self,
                      gint64        id)
{
  g_return_if_fail (ESCALE_IS_ACTION (self));

  self->id = id;
}

const char *
escale_action_get_uuid (EscaleAction *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTION (self), NULL);

  return self->uuid;
}

void
escale_action_set_uuid (EscaleAction *self,
                        const char   *uuid)
{
  g_return_if_fail (ESCALE_IS_ACTION (self));

  escale_set_str (&self->uuid, uuid);
}

const char *
escale_action_get (EscaleAction      *self,
                   EscaleActionField  field)
{
  g_return_val_if_fail (ESCALE_IS_ACTION (self), NULL);
  g_return_val_if_fail (field < ESCALE_ACTION_N_TEXT_FIELDS, NULL);

  return self->texts[field];
}

/* Blank text is stored as NULL, surrounding spaces are dropped. */
void
escale_action_set (EscaleAction      *self,
                   EscaleActionField  field,
                   const char        *value)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (ESCALE_IS_ACTION (self));
  g_return_if_fail (field < ESCALE_ACTION_N_TEXT_FIELDS);

  stripped = value ? g_strstrip (g_strdup (value)) : NULL;
  escale_set_str (&self->texts[field], stripped && *stripped ? stripped : NULL);
}

gint64
escale_action_get_int (EscaleAction      *self,
                       EscaleActionField  field)
{
  g_return_val_if_fail (ESCALE_IS_ACTION (self), ESCALE_ACTION_UNSET);
  g_return_val_if_fail (field >= ESCALE_ACTION_N_TEXT_FIELDS && field < ESCALE_ACTION_N_FIELDS,
                        ESCALE_ACTION_UNSET);

  return self->ints[field - ESCALE_ACTION_N_TEXT_FIELDS];
}

void
escale_action_set_int (EscaleAction      *self,
                       EscaleActionField  field,
                       gint64             value)
{
  g_return_if_fail (ESCALE_IS_ACTION (self));
  g_return_if_fail (field >= ESCALE_ACTION_N_TEXT_FIELDS && field < ESCALE_ACTION_N_FIELDS);

  self->ints[field - ESCALE_ACTION_N_TEXT_FIELDS] = value;
}

const char * const *
escale_action_get_themes (EscaleAction *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTION (self), NULL);

  return (const char * const *) self->themes;
}

void
escale_action_set_themes (EscaleAction       *self,
                          const char * const *themes)
{
  g_return_if_fail (ESCALE_IS_ACTION (self));

  g_strfreev (self->themes);
  self->themes = themes ? g_strdupv ((GStrv) themes) : g_new0 (char *, 1);
}

gboolean
escale_action_get_confidential (EscaleAction *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTION (self), FALSE);

  return self->confidential;
}

void
escale_action_set_confidential (EscaleAction *self,
                                gboolean      confidential)
{
  g_return_if_fail (ESCALE_IS_ACTION (self));

  self->confidential = confidential != FALSE;
}

/**
 * escale_action_get_participants:
 *
 * Returns: (transfer none) (element-type EscaleParticipant): the people
 *   taking part in a group session, editable in place
 */
GArray *
escale_action_get_participants (EscaleAction *self)
{
  g_return_val_if_fail (ESCALE_IS_ACTION (self), NULL);

  return self->participants;
}

void
escale_action_add_participant (EscaleAction     *self,
                               gint64            person_id,
                               EscaleAttendance  attended)
{
  EscaleParticipant participant = { person_id, attended };

  g_return_if_fail (ESCALE_IS_ACTION (self));

  g_array_append_val (self->participants, participant);
}
