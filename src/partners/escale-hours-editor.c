/* escale-hours-editor.c — a partner's opening hours, a row per weekday
 *
 * Each day has two slots of two entries, "09:00 – 12:00" and
 * "14:00 – 17:00"; a day with none says "Closed". A slot that closes
 * before it opens runs over midnight, which the row says too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-date.h"
#include "escale-hours-editor.h"
#include "escale-partner-hours.h"
#include "escale-partner-util.h"

#define N_DAYS 7
#define N_ENTRIES (ESCALE_HOURS_SLOTS_PER_DAY * 2)

struct _EscaleHoursEditor
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *day_rows[N_DAYS];
  GtkWidget           *entries[N_DAYS][N_ENTRIES];  /* opens, closes, opens, closes */
  GtkWidget           *note_row;
  GArray              *slot_days;                   /* guint: the weekday of each slot */
};

G_DEFINE_FINAL_TYPE (EscaleHoursEditor, escale_hours_editor, ADW_TYPE_PREFERENCES_GROUP)

/* Helpers */

static const char *
day_name (guint weekday)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", escale_date_weekday_msgid (weekday));
}

/* What the day's row says under its name: closed, or over midnight. */
static void
update_day (EscaleHoursEditor *self,
            guint              day)
{
  gboolean empty = TRUE, overnight = FALSE;

  for (guint slot = 0; slot < ESCALE_HOURS_SLOTS_PER_DAY; slot++)
    {
      g_autofree char *opens = escale_partner_dup_text (self->entries[day][slot * 2]);
      g_autofree char *closes = escale_partner_dup_text (self->entries[day][slot * 2 + 1]);
      g_autofree char *o = escale_partner_normalize_time (opens);
      g_autofree char *c = escale_partner_normalize_time (closes);

      empty = empty && opens == NULL && closes == NULL;
      overnight = overnight || (o != NULL && c != NULL && g_strcmp0 (c, o) < 0);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->day_rows[day]),
                               /* Translators: a day without opening hours */
                               empty ? _("Closed")
                               /* Translators: a slot that closes the next day */
                               : overnight ? _("Until the next morning") : "");
}

/* Callbacks */

static void
on_entry_changed_cb (GtkWidget         *entry,
                     EscaleHoursEditor *self)
{
  guint day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "escale-day"));

  update_day (self, day);
  escale_partner_show_error (self->day_rows[day], NULL);
}

/* Helpers: building */

static GtkWidget *
add_slot (EscaleHoursEditor *self,
          guint              day,
          guint              slot)
{
  static const char *const examples[] = { "09:00", "12:00", "14:00", "17:00" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = slot * 2; i < slot * 2 + 2; i++)
    {
      g_autofree char *label = g_strdup_printf (
        (i % 2 == 0)
        /* Translators: accessible name of a time entry: "Monday, opens (slot 1)" */
        ? _("%s, opens (slot %u)")
        /* Translators: accessible name of a time entry: "Monday, closes (slot 1)" */
        : _("%s, closes (slot %u)"), day_name (day + 1), slot + 1);
      GtkWidget *entry = escale_partner_entry_new (label, examples[i], 5);

      gtk_entry_set_alignment (GTK_ENTRY (entry), 0.5);
      g_object_set_data (G_OBJECT (entry), "escale-day", GUINT_TO_POINTER (day));
      g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
      self->entries[day][i] = entry;
      if (i % 2 == 1)
        gtk_box_append (GTK_BOX (box), gtk_label_new ("–"));
      gtk_box_append (GTK_BOX (box), entry);
    }
  return box;
}

static void
add_day (EscaleHoursEditor *self,
         guint              day)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *slots = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day_name (day + 1));
  for (guint slot = 0; slot < ESCALE_HOURS_SLOTS_PER_DAY; slot++)
    gtk_box_append (GTK_BOX (slots), add_slot (self, day, slot));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), slots);
  self->day_rows[day] = row;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  update_day (self, day);
}

/* GObject overrides */

static void
escale_hours_editor_dispose (GObject *object)
{
  EscaleHoursEditor *self = ESCALE_HOURS_EDITOR (object);

  g_clear_pointer (&self->slot_days, g_array_unref);

  G_OBJECT_CLASS (escale_hours_editor_parent_class)->dispose (object);
}

static void
escale_hours_editor_class_init (EscaleHoursEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = escale_hours_editor_dispose;
}

static void
escale_hours_editor_init (EscaleHoursEditor *self)
{
  self->slot_days = g_array_new (FALSE, FALSE, sizeof (guint));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Opening Hours"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Up to two slots a day, such as 09:00 – 12:00 "
                                           "and 14:00 – 17:00. A slot that closes before "
                                           "it opens ends the next morning."));
  for (guint day = 0; day < N_DAYS; day++)
    add_day (self, day);
  self->note_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note on the Hours"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->note_row);
}

/* Public API */

void
escale_hours_editor_fill (EscaleHoursEditor *self,
                          EscalePartner     *partner)
{
  guint used[N_DAYS] = { 0 };

  g_return_if_fail (ESCALE_IS_HOURS_EDITOR (self));

  for (guint day = 0; day < N_DAYS; day++)
    for (guint i = 0; i < N_ENTRIES; i++)
      escale_partner_set_text (self->entries[day][i], NULL);
  for (guint i = 0; i < partner->hours->len; i++)
    {
      EscalePartnerHours *slot = &g_array_index (partner->hours, EscalePartnerHours, i);
      guint day = slot->weekday - 1;

      if (slot->weekday < 1 || slot->weekday > N_DAYS || used[day] >= ESCALE_HOURS_SLOTS_PER_DAY)
        continue;
      escale_partner_set_text (self->entries[day][used[day] * 2], slot->opens);
      escale_partner_set_text (self->entries[day][used[day] * 2 + 1], slot->closes);
      used[day]++;
    }
  escale_partner_set_text (self->note_row, partner->hours_note);
}

void
escale_hours_editor_collect (EscaleHoursEditor *self,
                             EscalePartner     *partner)
{
  g_return_if_fail (ESCALE_IS_HOURS_EDITOR (self));

  g_array_set_size (partner->hours, 0);
  g_array_set_size (self->slot_days, 0);
  for (guint day = 0; day < N_DAYS; day++)
    for (guint slot = 0; slot < ESCALE_HOURS_SLOTS_PER_DAY; slot++)
      {
        g_autofree char *opens = escale_partner_dup_text (self->entries[day][slot * 2]);
        g_autofree char *closes = escale_partner_dup_text (self->entries[day][slot * 2 + 1]);
        g_autofree char *o = escale_partner_normalize_time (opens);
        g_autofree char *c = escale_partner_normalize_time (closes);

        if (opens == NULL && closes == NULL)
          continue;
        escale_partner_add_hours (partner, day + 1, o ? o : opens ? opens : "",
                                  c ? c : closes ? closes : "");
        g_array_append_val (self->slot_days, day);
      }
  g_clear_pointer (&partner->hours_note, g_free);
  partner->hours_note = escale_partner_dup_text (self->note_row);
}

/* Returns: (transfer none) (nullable): the row of the slot's day */
GtkWidget *
escale_hours_editor_get_slot_row (EscaleHoursEditor *self,
                                  guint              index)
{
  g_return_val_if_fail (ESCALE_IS_HOURS_EDITOR (self), NULL);

  if (index >= self->slot_days->len)
    return NULL;
  return self->day_rows[g_array_index (self->slot_days, guint, index)];
}

/* @weekday: 1 = Monday … 7 = Sunday */
GtkWidget *
escale_hours_editor_get_day_row (EscaleHoursEditor *self,
                                 guint              weekday)
{
  g_return_val_if_fail (ESCALE_IS_HOURS_EDITOR (self), NULL);
  g_return_val_if_fail (weekday >= 1 && weekday <= N_DAYS, NULL);

  return self->day_rows[weekday - 1];
}

GtkWidget *
escale_hours_editor_get_entry (EscaleHoursEditor *self,
                               guint              weekday,
                               guint              slot,
                               gboolean           closes)
{
  g_return_val_if_fail (ESCALE_IS_HOURS_EDITOR (self), NULL);
  g_return_val_if_fail (weekday >= 1 && weekday <= N_DAYS, NULL);
  g_return_val_if_fail (slot < ESCALE_HOURS_SLOTS_PER_DAY, NULL);

  return self->entries[weekday - 1][slot * 2 + (closes ? 1 : 0)];
}

GtkWidget *
escale_hours_editor_get_note_row (EscaleHoursEditor *self)
{
  g_return_val_if_fail (ESCALE_IS_HOURS_EDITOR (self), NULL);

  return self->note_row;
}
