/* escale-timeline-row.c — one row of a person's follow-up timeline
 *
 * One widget shows every kind of item (month headers, actions, status
 * changes, document expiries): list views recycle rows, so a row is set up
 * again for each item it shows, and must be cheap to build and set up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-action-store.h"
#include "escale-followup-util.h"
#include "escale-language.h"
#include "escale-referral-store.h"
#include "escale-timeline-row.h"
#include "escale-ui-util.h"
#include "escale-vocab.h"

struct _EscaleTimelineRow
{
  AdwBin              parent_instance;

  EscaleStore        *store;
  char               *today;
  char               *warning_limit;
  EscaleTimelineItem *item;
  const char         *icon_class;  /* the theme class on the icon, static */
  gboolean            expanded;

  GtkLabel           *planned_heading;
  GtkLabel           *month_label;
  GtkWidget          *entry_box;
  GtkWidget          *main_box;
  GtkImage           *icon;
  GtkLabel           *title_label;
  GtkBox             *tags_box;
  GtkLabel           *status_badge;
  GtkLabel           *referral_badge;
  const char         *referral_class;  /* the state class on the badge, static */
  GtkLabel           *meta_label;
  GtkRevealer        *revealer;
  GtkWidget          *expander_icon;
  /* Built the first time they are needed: a list view makes up to 200 rows
   * at once, most never expanded nor planned. */
  GtkLabel           *notes_label;
  GtkLabel           *next_step_label;
  GtkWidget          *planned_buttons;
  GtkBox             *details_box;
  GtkWidget          *partner_button;
  GtkWidget          *slip_button;
  GtkLabel           *refusal_label;
  GtkWidget          *referral_buttons;
};

G_DEFINE_FINAL_TYPE (EscaleTimelineRow, escale_timeline_row, ADW_TYPE_BIN)

enum {
  SET_STATUS,
  EDIT,
  CHANGE_REFERRAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Classes a row may carry for one item and not the next. */
static const char * const row_classes[] = {
  "month", "action", "pinned", "overdue", "status-change", "document-expiry", "expired",
  "expiring", NULL,
};

static const char * const badge_classes[] = {
  "done", "cancelled", "missed", "overdue", NULL,
};

/* The states a referral may move to, with their buttons, in this order. */
static const struct
{
  const char *state;
  const char *context_label;   /* C_("referral button", …) */
  const char *tooltip;
} referral_moves[] = {
  /* Translators: buttons that record the answer of a partner to a referral */
  { ESCALE_REFERRAL_ACCEPTED, NC_("referral button", "Accepted"),
    N_("The partner accepted the person") },
  { ESCALE_REFERRAL_REFUSED, NC_("referral button", "Refused…"),
    N_("The partner refused: give the reason") },
  { ESCALE_REFERRAL_NO_ANSWER, NC_("referral button", "No Answer"),
    N_("The partner has not answered yet") },
  { ESCALE_REFERRAL_COMPLETED, NC_("referral button", "Completed"),
    N_("The person went through the service") },
  { ESCALE_REFERRAL_ABANDONED, NC_("referral button", "Abandoned"),
    N_("The referral was given up") },
};

#define STATE_KEY "escale-referral-state"

static void
remove_classes (GtkWidget          *widget,
                const char * const *classes)
{
  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, classes[i]);
}

/* "März 2026", "mars 2026" → "Mars 2026": headings start with a capital. */
static char *
format_month (const char *year_month)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  gunichar first;
  char buffer[8];
  int length;

  if (year_month == NULL || strlen (year_month) < 7)
    return g_strdup ("");
  date = g_date_time_new_local ((int) g_ascii_strtoll (year_month, NULL, 10),
                                (int) g_ascii_strtoll (year_month + 5, NULL, 10), 1, 12, 0, 0);
  if (date == NULL)
    return g_strdup (year_month);
  /* %OB: the month's name on its own, not inside a date (Ukrainian, Polish…). */
  text = g_date_time_format (date, "%OB %Y");
  if (text == NULL)
    text = g_date_time_format (date, "%B %Y");
  if (text == NULL || *text == '\0')
    return g_strdup (year_month);
  first = g_utf8_get_char (text);
  length = g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strdup_printf ("%.*s%s", length, buffer, g_utf8_next_char (text));
}

static void
add_part (GString    *text,
          const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  /* A line of values takes the interface's direction (escale-language.h). */
  g_string_append (text, text->len > 0 ? " · " : escale_direction_mark ());
  g_string_append_printf (text, ESCALE_ISOLATE ("%s"), part);
}

static char *
format_date_time (const char *date,
                  const char *time)
{
  g_autofree char *day = escale_format_date (date);

  if (time == NULL || *time == '\0')
    return g_steal_pointer (&day);
  /* Translators: a date and a time, like “14/03/2026 at 10:30” */
  return g_strdup_printf (_("%s at %s"), day, time);
}

static char *
referral_outcome (EscaleTimelineRow *self)
{
  g_autofree char *label = NULL;
  const char *outcome = escale_timeline_item_get_referral_outcome (self->item);

  /* Referrals with a state say it in their badge. */
  if (outcome == NULL || escale_timeline_item_get_referral_state (self->item) != NULL)
    return NULL;
  label = escale_vocab_get_label (self->store, ESCALE_VOCAB_REFERRAL_OUTCOME, outcome);
  /* Translators: the outcome of a referral to a partner, like “Referral: accepted” */
  return g_strdup_printf (_("Referral: %s"), label);
}

static char *
action_meta (EscaleTimelineRow *self)
{
  EscaleTimelineItem *item = self->item;
  GString *text = g_string_new (NULL);
  g_autofree char *when = format_date_time (escale_timeline_item_get_date (item),
                                            escale_timeline_item_get_time (item));
  g_autofree char *duration = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *outcome = referral_outcome (self);
  const char *scope = escale_timeline_item_get_scope (item);

  if (escale_timeline_item_get_duration (item) >= 0)
    duration = escale_format_duration (escale_timeline_item_get_duration (item));
  if (escale_timeline_item_get_amount (item) >= 0)
    amount = escale_format_amount (escale_timeline_item_get_amount (item));
  add_part (text, when);
  add_part (text, duration);
  add_part (text, escale_timeline_item_get_worker (item));
  add_part (text, escale_timeline_item_get_programme (item));
  add_part (text, escale_timeline_item_get_partner (item));
  add_part (text, amount);
  add_part (text, outcome);
  if (g_strcmp0 (scope, "household") == 0)
    /* Translators: an action that concerns the whole household */
    add_part (text, C_("action scope", "Household"));
  else if (g_strcmp0 (scope, "group") == 0)
    add_part (text, _("Group session"));
  return g_string_free (text, FALSE);
}

static void
set_badge (EscaleTimelineRow *self,
           const char        *label,
           const char        *css_class)
{
  remove_classes (GTK_WIDGET (self->status_badge), badge_classes);
  gtk_widget_set_visible (GTK_WIDGET (self->status_badge), label != NULL);
  if (label == NULL)
    return;
  gtk_label_set_label (self->status_badge, label);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), css_class);
}

static void
update_badge (EscaleTimelineRow *self)
{
  const char *status = escale_timeline_item_get_status (self->item);

  if (escale_timeline_item_get_overdue (self->item))
    /* Translators: a planned action whose date has passed */
    set_badge (self, _("Overdue"), "overdue");
  else if (g_strcmp0 (status, "done") == 0)
    set_badge (self, C_("action status", "Done"), "done");
  else if (g_strcmp0 (status, "cancelled") == 0)
    set_badge (self, C_("action status", "Cancelled"), "cancelled");
  else if (g_strcmp0 (status, "missed") == 0)
    set_badge (self, C_("action status", "Missed"), "missed");
  else
    set_badge (self, NULL, NULL);
}

static void
update_referral_badge (EscaleTimelineRow *self)
{
  const char *state = self->item ? escale_timeline_item_get_referral_state (self->item) : NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *css_class = NULL;
  GtkWidget *badge = GTK_WIDGET (self->referral_badge);

  if (self->referral_class != NULL)
    gtk_widget_remove_css_class (badge, self->referral_class);
  self->referral_class = NULL;
  gtk_widget_set_visible (badge, state != NULL);
  if (state == NULL)
    return;
  label = escale_vocab_get_label (self->store, ESCALE_VOCAB_REFERRAL_STATE, state);
  /* Translators: the state of a referral to a partner, like “Referral: Pending” */
  text = g_strdup_printf (_("Referral: %s"), label);
  gtk_label_set_label (self->referral_badge, text);
  css_class = g_strconcat ("referral-", state, NULL);
  self->referral_class = g_intern_string (css_class);
  gtk_widget_add_css_class (badge, self->referral_class);
}

static void
set_icon (EscaleTimelineRow *self,
          const char        *icon_name,
          const char        *css_class)
{
  if (self->icon_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), self->icon_class);
  self->icon_class = css_class;
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), css_class);
  gtk_image_set_from_icon_name (self->icon, icon_name);
}

static void
clear_tags (EscaleTimelineRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_box_remove (self->tags_box, child);
}

static void
add_tags (EscaleTimelineRow  *self,
          const char * const *themes)
{
  for (guint i = 0; themes[i] != NULL; i++)
    {
      g_autofree char *label = escale_vocab_get_label (self->store, ESCALE_VOCAB_THEME, themes[i]);
      GtkWidget *tag = gtk_label_new (label);

      gtk_widget_add_css_class (tag, "theme-tag");
      gtk_widget_add_css_class (tag, escale_theme_css_class (themes[i]));
      gtk_box_append (self->tags_box, tag);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), themes[0] != NULL);
}

static void on_edit_clicked_cb (EscaleTimelineRow *self);
static void on_done_clicked_cb (EscaleTimelineRow *self);
static void on_missed_clicked_cb (EscaleTimelineRow *self);
static void on_referral_clicked_cb (EscaleTimelineRow *self,
                                    GtkButton         *button);

static gboolean
on_query_tooltip (GtkWidget                 *widget,
                  G_GNUC_UNUSED int          x,
                  G_GNUC_UNUSED int          y,
                  G_GNUC_UNUSED gboolean     keyboard,
                  GtkTooltip                *tooltip)
{
  gtk_tooltip_set_text (tooltip, g_object_get_data (G_OBJECT (widget), "tooltip"));
  return TRUE;
}

/* gtk_widget_set_tooltip_text() asks the X server where the pointer is,
 * each time: too slow for the 200 rows a list view makes at once. The text
 * is given when the tooltip shows instead. */
static void
set_tooltip_lazily (GtkWidget  *widget,
                    const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "tooltip", g_strdup (text), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_has_tooltip (widget, TRUE);
}

static GtkLabel *
new_wrapped_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return GTK_LABEL (label);
}

static void
ensure_details (EscaleTimelineRow *self)
{
  GtkWidget *box;
  GtkWidget *buttons;
  GtkWidget *edit;

  if (self->notes_label != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_add_css_class (box, "timeline-details");
  self->notes_label = new_wrapped_label ();
  self->next_step_label = new_wrapped_label ();
  gtk_widget_add_css_class (GTK_WIDGET (self->next_step_label), "next-step");
  edit = gtk_button_new_with_mnemonic (_("_Edit…"));
  set_tooltip_lazily (edit, _("Edit this action"));
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), self);
  /* Translators: a button of a planned action: prints (or saves as PDF)
   * a slip of this appointment for the person, in French and in their
   * language */
  self->slip_button = gtk_button_new_with_mnemonic (_("Print _Slip…"));
  set_tooltip_lazily (self->slip_button,
                      _("Print this appointment for the person, in French and in their language"));
  /* Opens the partner the action is linked to, in the partner directory. */
  self->partner_button = gtk_button_new_with_mnemonic (_("Show _Partner"));
  set_tooltip_lazily (self->partner_button, _("Open this partner in the directory"));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), edit);
  gtk_box_append (GTK_BOX (buttons), self->slip_button);
  gtk_box_append (GTK_BOX (buttons), self->partner_button);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notes_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->next_step_label));
  gtk_box_append (GTK_BOX (box), buttons);
  self->details_box = GTK_BOX (box);
  gtk_revealer_set_child (self->revealer, box);
}

/* The refusal reason and the answer buttons, made for the first referral
 * expanded. */
static void
ensure_referral_details (EscaleTimelineRow *self)
{
  if (self->referral_buttons != NULL)
    return;
  self->refusal_label = new_wrapped_label ();
  self->referral_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->referral_buttons, "referral-buttons");
  for (guint i = 0; i < G_N_ELEMENTS (referral_moves); i++)
    {
      const char *label = g_dpgettext2 (GETTEXT_PACKAGE, "referral button",
                                        referral_moves[i].context_label);
      GtkWidget *button = gtk_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), STATE_KEY, (gpointer) referral_moves[i].state);
      set_tooltip_lazily (button, _(referral_moves[i].tooltip));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_referral_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->referral_buttons), button);
    }
  gtk_box_insert_child_after (self->details_box, GTK_WIDGET (self->refusal_label),
                              GTK_WIDGET (self->next_step_label));
  gtk_box_insert_child_after (self->details_box, self->referral_buttons,
                              GTK_WIDGET (self->refusal_label));
}

/* Only the moves the referral's state allows. */
static void
show_referral_details (EscaleTimelineRow *self)
{
  const char *state = escale_timeline_item_get_referral_state (self->item);
  const char *reason = escale_timeline_item_get_refusal_reason (self->item);
  gboolean any = FALSE;
  g_autofree char *text = NULL;

  if (state == NULL)
    {
      if (self->referral_buttons != NULL)
        {
          gtk_widget_set_visible (GTK_WIDGET (self->refusal_label), FALSE);
          gtk_widget_set_visible (self->referral_buttons, FALSE);
        }
      return;
    }
  ensure_referral_details (self);
  for (GtkWidget *button = gtk_widget_get_first_child (self->referral_buttons); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      gboolean allowed = escale_referral_can_change (state, g_object_get_data (G_OBJECT (button),
                                                                              STATE_KEY));

      gtk_widget_set_visible (button, allowed);
      any |= allowed;
    }
  gtk_widget_set_visible (self->referral_buttons, any);
  if (reason != NULL && *reason != '\0')
    {
      g_autofree char *isolated = escale_isolate (reason);

      /* Translators: why a partner refused a referral */
      text = g_strdup_printf (_("Reason of the refusal: %s"), isolated);
    }
  gtk_label_set_label (self->refusal_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_label), text != NULL);
}

static GtkWidget *
new_status_button (const char *label,
                   const char *tooltip,
                   GCallback   callback,
                   gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  set_tooltip_lazily (button, tooltip);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static void
ensure_planned_buttons (EscaleTimelineRow *self)
{
  GtkWidget *done;

  if (self->planned_buttons != NULL)
    return;
  self->planned_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (self->planned_buttons, GTK_ALIGN_START);
  /* Translators: a button that marks a planned action as done */
  done = new_status_button (C_("button", "Done"), _("Mark as done"),
                            G_CALLBACK (on_done_clicked_cb), self);
  gtk_widget_add_css_class (done, "success");
  gtk_box_append (GTK_BOX (self->planned_buttons), done);
  gtk_box_append (GTK_BOX (self->planned_buttons),
                  /* Translators: a button that marks a planned action as missed:
                   * it did not take place */
                  new_status_button (C_("button", "Missed"),
                                     _("Mark as missed: it did not take place"),
                                     G_CALLBACK (on_missed_clicked_cb), self));
  gtk_box_insert_child_after (GTK_BOX (self->entry_box), self->planned_buttons, self->main_box);
}

/* Planned actions only: the slip tells the person where to go next. */
static void
show_slip_button (EscaleTimelineRow *self)
{
  gboolean planned = g_strcmp0 (escale_timeline_item_get_status (self->item), "planned") == 0;
  gint64 id = escale_timeline_item_get_id (self->item);

  gtk_widget_set_visible (self->slip_button, planned);
  if (!planned)
    return;
  /* The target before the name: the action takes one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->slip_button),
                                          g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->slip_button), "person.print-slip");
}

static void
show_details (EscaleTimelineRow *self)
{
  EscaleTimelineItem *item = self->item;
  const char *notes = escale_timeline_item_get_notes (item);
  g_autofree char *next_step = NULL;
  g_autofree char *due = escale_format_date (escale_timeline_item_get_next_step_due (item));
  g_autofree char *step = NULL;
  gint64 partner_id = escale_timeline_item_get_partner_id (item);

  gtk_label_set_label (self->notes_label, notes && *notes ? notes : _("No notes"));
  gtk_widget_set_opacity (GTK_WIDGET (self->notes_label), notes && *notes ? 1.0 : 0.6);
  if (escale_timeline_item_get_next_step (item) != NULL)
    next_step = escale_isolate (escale_timeline_item_get_next_step (item));
  if (next_step != NULL && *due)
    /* Translators: %1$s is what to do next, %2$s the date it is due */
    step = g_strdup_printf (_("Next step: %1$s (by %2$s)"), next_step, due);
  else if (next_step != NULL)
    step = g_strdup_printf (_("Next step: %s"), next_step);
  gtk_label_set_label (self->next_step_label, step ? step : "");
  gtk_widget_set_visible (GTK_WIDGET (self->next_step_label), step != NULL);
  show_slip_button (self);
  gtk_widget_set_visible (self->partner_button, partner_id != 0);
  if (partner_id != 0)
    {
      /* The target before the name: the action takes one. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->partner_button),
                                              g_variant_new_int64 (partner_id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->partner_button), "win.show-partner");
    }
  show_referral_details (self);
}

static void
update_expanded (EscaleTimelineRow *self)
{
  gboolean expanded = self->expanded && escale_timeline_row_is_expandable (self);

  if (expanded)
    {
      ensure_details (self);
      show_details (self);
    }
  gtk_revealer_set_reveal_child (self->revealer, expanded);
  /* Open, the details line wraps instead of being cut. */
  gtk_label_set_ellipsize (self->meta_label, expanded ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (self->meta_label, expanded);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->expander_icon),
                                expanded ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED,
                               escale_timeline_row_is_expandable (self) ? expanded : FALSE, -1);
}

static void
show_action (EscaleTimelineRow *self)
{
  EscaleTimelineItem *item = self->item;
  const char *type = escale_timeline_item_get_action_type (item);
  const char * const *themes = escale_timeline_item_get_themes (item);
  g_autofree char *label = escale_vocab_get_label (self->store, ESCALE_VOCAB_ACTION_TYPE, type);
  g_autofree char *meta = action_meta (self);
  gboolean pinned = escale_timeline_item_get_pinned (item);

  gtk_widget_add_css_class (GTK_WIDGET (self), "action");
  if (pinned)
    gtk_widget_add_css_class (GTK_WIDGET (self), "pinned");
  if (escale_timeline_item_get_overdue (item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  set_icon (self, escale_action_type_icon_name (type),
            themes[0] != NULL ? escale_theme_css_class (themes[0]) : "theme-other");
  gtk_label_set_label (self->title_label, label);
  add_tags (self, themes);
  update_badge (self);
  update_referral_badge (self);
  gtk_label_set_label (self->meta_label, meta);
  if (g_strcmp0 (escale_timeline_item_get_status (item), "planned") == 0)
    {
      ensure_planned_buttons (self);
      gtk_widget_set_visible (self->planned_buttons, TRUE);
    }
  gtk_widget_set_visible (self->expander_icon, TRUE);
}

static char *
status_label (EscaleTimelineRow *self)
{
  return escale_vocab_get_label (self->store, ESCALE_VOCAB_STATUS,
                                 escale_timeline_item_get_status (self->item));
}

static void
show_status_change (EscaleTimelineRow *self)
{
  g_autofree char *status = status_label (self);
  g_autofree char *isolated = escale_isolate (status);
  g_autofree char *title = NULL;
  g_autofree char *date = escale_format_date (escale_timeline_item_get_date (self->item));
  GString *meta = g_string_new (NULL);

  gtk_widget_add_css_class (GTK_WIDGET (self), "status-change");
  set_icon (self, "application-certificate-symbolic", NULL);
  /* Translators: an administrative status starts, like “Status: Refugee” */
  title = g_strdup_printf (_("Status: %s"), isolated);
  gtk_label_set_label (self->title_label, title);
  add_part (meta, date);
  add_part (meta, escale_timeline_item_get_document (self->item));
  gtk_label_set_label (self->meta_label, meta->str);
  g_string_free (meta, TRUE);
}

static void
show_expiry (EscaleTimelineRow *self)
{
  const char *date = escale_timeline_item_get_date (self->item);
  const char *document = escale_timeline_item_get_document (self->item);
  gboolean expired = g_strcmp0 (date, self->today) < 0;
  g_autofree char *title = NULL;
  g_autofree char *day = escale_format_date (date);
  g_autofree char *status = status_label (self);
  g_autofree char *isolated = NULL;
  GString *meta = g_string_new (NULL);

  if (document == NULL || *document == '\0')
    document = _("Residence document");
  isolated = escale_isolate (document);
  gtk_widget_add_css_class (GTK_WIDGET (self), "document-expiry");
  if (expired)
    gtk_widget_add_css_class (GTK_WIDGET (self), "expired");
  else if (g_strcmp0 (date, self->warning_limit) <= 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "expiring");
  set_icon (self, "alarm-symbolic", NULL);
  /* Translators: %s is a residence document, like “Residence permit expired” */
  title = g_strdup_printf (expired ? _("%s expired") : _("%s expires"), isolated);
  gtk_label_set_label (self->title_label, title);
  add_part (meta, day);
  add_part (meta, status);
  gtk_label_set_label (self->meta_label, meta->str);
  g_string_free (meta, TRUE);
}

static void
show_month (EscaleTimelineRow *self)
{
  g_autofree char *month = format_month (escale_timeline_item_get_date (self->item));

  gtk_widget_add_css_class (GTK_WIDGET (self), "month");
  gtk_label_set_label (self->month_label, month);
}

static void
reset (EscaleTimelineRow *self)
{
  remove_classes (GTK_WIDGET (self), row_classes);
  clear_tags (self);
  set_badge (self, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->referral_badge), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), FALSE);
  if (self->planned_buttons != NULL)
    gtk_widget_set_visible (self->planned_buttons, FALSE);
  gtk_widget_set_visible (self->expander_icon, FALSE);
}

static void
update (EscaleTimelineRow *self)
{
  EscaleTimelineKind kind = self->item ? escale_timeline_item_get_kind (self->item)
                                       : ESCALE_TIMELINE_MONTH;
  /* An action deleted meanwhile comes as an empty item. */
  gboolean empty = self->item == NULL || escale_timeline_item_get_date (self->item) == NULL;

  reset (self);
  gtk_widget_set_visible (GTK_WIDGET (self->month_label),
                          !empty && kind == ESCALE_TIMELINE_MONTH);
  gtk_widget_set_visible (self->entry_box, !empty && kind != ESCALE_TIMELINE_MONTH);
  if (!empty)
    switch (kind)
      {
      case ESCALE_TIMELINE_MONTH:
        show_month (self);
        break;
      case ESCALE_TIMELINE_ACTION:
        show_action (self);
        break;
      case ESCALE_TIMELINE_STATUS_CHANGE:
        show_status_change (self);
        break;
      case ESCALE_TIMELINE_DOCUMENT_EXPIRY:
        show_expiry (self);
        break;
      default:
        g_assert_not_reached ();
      }
  update_expanded (self);
}

static void
emit_set_status (EscaleTimelineRow *self,
                 const char        *status)
{
  g_return_if_fail (self->item != NULL);
  g_signal_emit (self, signals[SET_STATUS], 0, escale_timeline_item_get_id (self->item), status);
}

static void
on_done_clicked_cb (EscaleTimelineRow *self)
{
  emit_set_status (self, "done");
}

static void
on_missed_clicked_cb (EscaleTimelineRow *self)
{
  emit_set_status (self, "missed");
}

static void
on_referral_clicked_cb (EscaleTimelineRow *self,
                        GtkButton         *button)
{
  g_return_if_fail (self->item != NULL);
  g_signal_emit (self, signals[CHANGE_REFERRAL], 0,
                 escale_timeline_item_get_referral_id (self->item),
                 escale_timeline_item_get_id (self->item),
                 (const char *) g_object_get_data (G_OBJECT (button), STATE_KEY));
}

static void
on_edit_clicked_cb (EscaleTimelineRow *self)
{
  g_return_if_fail (self->item != NULL);
  g_signal_emit (self, signals[EDIT], 0, escale_timeline_item_get_id (self->item));
}

static void
escale_timeline_row_dispose (GObject *object)
{
  EscaleTimelineRow *self = ESCALE_TIMELINE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ESCALE_TYPE_TIMELINE_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (escale_timeline_row_parent_class)->dispose (object);
}

static void
escale_timeline_row_finalize (GObject *object)
{
  EscaleTimelineRow *self = ESCALE_TIMELINE_ROW (object);

  g_free (self->today);
  g_free (self->warning_limit);

  G_OBJECT_CLASS (escale_timeline_row_parent_class)->finalize (object);
}

static void
escale_timeline_row_class_init (EscaleTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = escale_timeline_row_dispose;
  object_class->finalize = escale_timeline_row_finalize;

  signals[SET_STATUS] = g_signal_new ("set-status", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                      G_TYPE_INT64, G_TYPE_STRING);
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHANGE_REFERRAL] = g_signal_new ("change-referral", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/escale/Escale/followup/escale-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, planned_heading);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, month_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, entry_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, main_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, icon);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, tags_box);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, referral_badge);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, revealer);
  gtk_widget_class_bind_template_child (widget_class, EscaleTimelineRow, expander_icon);
}

static void
escale_timeline_row_init (EscaleTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
escale_timeline_row_new (EscaleStore *store,
                         const char  *today,
                         const char  *warning_limit)
{
  EscaleTimelineRow *self;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);

  self = g_object_new (ESCALE_TYPE_TIMELINE_ROW, NULL);
  self->store = g_object_ref (store);
  self->today = g_strdup (today);
  self->warning_limit = g_strdup (warning_limit);
  return GTK_WIDGET (self);
}

/**
 * escale_timeline_row_set_item:
 * @item: (nullable): the item to show
 * @expanded: whether its notes show
 */
void
escale_timeline_row_set_item (EscaleTimelineRow  *self,
                              EscaleTimelineItem *item,
                              gboolean            expanded)
{
  g_return_if_fail (ESCALE_IS_TIMELINE_ROW (self));
  g_return_if_fail (item == NULL || ESCALE_IS_TIMELINE_ITEM (item));

  g_set_object (&self->item, item);
  self->expanded = !!expanded;
  /* A recycled row must not slide open or closed: it shows another item. */
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
  update (self);
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
}

EscaleTimelineItem *
escale_timeline_row_get_item (EscaleTimelineRow *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE_ROW (self), NULL);
  return self->item;
}

gboolean
escale_timeline_row_is_expandable (EscaleTimelineRow *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE_ROW (self), FALSE);
  return self->item != NULL &&
         escale_timeline_item_get_kind (self->item) == ESCALE_TIMELINE_ACTION &&
         escale_timeline_item_get_date (self->item) != NULL;
}

void
escale_timeline_row_set_expanded (EscaleTimelineRow *self,
                                  gboolean           expanded)
{
  g_return_if_fail (ESCALE_IS_TIMELINE_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;
  update_expanded (self);
}

gboolean
escale_timeline_row_get_expanded (EscaleTimelineRow *self)
{
  g_return_val_if_fail (ESCALE_IS_TIMELINE_ROW (self), FALSE);
  return self->expanded && escale_timeline_row_is_expandable (self);
}

void
escale_timeline_row_set_first (EscaleTimelineRow *self,
                               gboolean           first)
{
  g_return_if_fail (ESCALE_IS_TIMELINE_ROW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->planned_heading), first);
}
