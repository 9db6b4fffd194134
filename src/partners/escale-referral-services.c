/* escale-referral-services.c — the services a referral can go to, as rows
 *
 * The store lists the partners that have a service of the theme (with free
 * places when asked); each one is read with its services, and the services
 * that fit every filter are kept. A service open to nobody in particular,
 * to everyone, to the eligibility chosen or to one of the person's other
 * ones (a woman, a minor) fits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-followup-util.h"
#include "escale-partner-hours.h"
#include "escale-partner-store.h"
#include "escale-referral-services.h"
#include "escale-vocab.h"

void
escale_service_match_free (EscaleServiceMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->partner_name);
  g_free (match->city);
  g_free (match->theme);
  g_strfreev (match->eligibility);
  g_free (match->capacity_updated_at);
  g_free (match);
}

/* Finding */

static gboolean
is_open_to (const EscalePartnerService *service,
            const EscaleServiceQuery   *query)
{
  const char * const *open_to = (const char * const *) service->eligibility;

  if (query->eligibility == NULL || open_to[0] == NULL ||
      g_strv_contains (open_to, "everyone") || g_strv_contains (open_to, query->eligibility))
    return TRUE;
  for (guint i = 0; query->also_open_to != NULL && query->also_open_to[i] != NULL; i++)
    if (g_strv_contains (open_to, query->also_open_to[i]))
      return TRUE;
  return FALSE;
}

static gboolean
service_fits (const EscalePartnerService *service,
              const EscaleServiceQuery   *query)
{
  if (query->theme != NULL && g_strcmp0 (service->theme, query->theme) != 0)
    return FALSE;
  if (query->has_free_places &&
      (service->capacity_free == ESCALE_PARTNER_UNSET || service->capacity_free <= 0))
    return FALSE;
  return is_open_to (service, query);
}

static EscaleServiceMatch *
match_new (const EscalePartner        *partner,
           const EscalePartnerService *service,
           GDateTime                  *now)
{
  EscaleServiceMatch *match = g_new0 (EscaleServiceMatch, 1);

  match->partner_id = partner->id;
  match->service_id = service->id;
  match->partner_name = g_strdup (partner->name);
  match->city = g_strdup (partner->city);
  match->theme = g_strdup (service->theme);
  match->eligibility = g_strdupv (service->eligibility);
  match->capacity_free = service->capacity_free;
  match->capacity_updated_at = g_strdup (service->capacity_updated_at);
  match->has_hours = partner->hours->len > 0;
  match->open_now = escale_hours_is_open_at (partner->hours, partner->closures, now);
  return match;
}

static gboolean
add_partner_services (EscaleStore               *store,
                      gint64                     partner_id,
                      const EscaleServiceQuery  *query,
                      GDateTime                 *now,
                      GPtrArray                 *matches,
                      GError                   **error)
{
  g_autoptr(EscalePartner) partner = escale_store_load_partner (store, partner_id, error);

  if (partner == NULL)
    return FALSE;
  for (guint i = 0; i < partner->services->len; i++)
    {
      const EscalePartnerService *service = g_ptr_array_index (partner->services, i);

      if (service_fits (service, query))
        g_ptr_array_add (matches, match_new (partner, service, now));
    }
  return TRUE;
}

/**
 * escale_service_query_run:
 *
 * Returns: (transfer full) (nullable): the matches, or %NULL with @error set
 */
GPtrArray *
escale_service_query_run (EscaleStore               *store,
                          const EscaleServiceQuery  *query,
                          GDateTime                 *now,
                          GError                   **error)
{
  EscalePartnerFilter filter = { 0 };
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ESCALE_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL && now != NULL, NULL);

  /* Only what must hold for one service: the eligibility is checked here. */
  filter.theme = query->theme;
  filter.has_free_places = query->has_free_places;
  if (!(ids = escale_store_list_partners (store, &filter, error)))
    return NULL;
  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_service_match_free);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (query->partner_id != 0 && id != query->partner_id)
        continue;
      if (!add_partner_services (store, id, query, now, matches, error))
        return NULL;
    }
  return g_steal_pointer (&matches);
}

/* Rows */

static char *
format_eligibility (EscaleStore        *store,
                    const char * const *codes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (codes == NULL || codes[0] == NULL)
    return g_strdup (C_("eligibility", "Everyone"));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *label = escale_vocab_get_label (store, ESCALE_VOCAB_ELIGIBILITY,
                                                       codes[i]);

      if (i > 0)
        /* Translators: the separator between the groups a service is open to */
        g_string_append (text, _(", "));
      g_string_append (text, label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_subtitle (EscaleStore              *store,
                 const EscaleServiceMatch *match)
{
  g_autofree char *open_to = format_eligibility (store,
                                                 (const char * const *) match->eligibility);

  if (match->city == NULL || *match->city == '\0')
    return g_steal_pointer (&open_to);
  /* Translators: under a partner's name: its city, then whom the service is open to */
  return g_strdup_printf (_("%s · %s"), match->city, open_to);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  return label;
}

static GtkWidget *
capacity_label (const EscaleServiceMatch *match,
                GDateTime                *now)
{
  g_autofree char *text = escale_capacity_format (match->capacity_free,
                                                  match->capacity_updated_at, now);
  EscaleCapacityFreshness freshness = escale_capacity_freshness (match->capacity_updated_at,
                                                                 now);
  const char *css = NULL;

  if (match->capacity_free == ESCALE_PARTNER_UNSET)
    css = "dim-label";
  else if (freshness == ESCALE_CAPACITY_STALE)
    css = "warning";
  else if (match->capacity_free > 0)
    css = "success";
  return label_new (text, css);
}

static GtkWidget *
row_suffix (EscaleStore              *store,
            const EscaleServiceMatch *match,
            GDateTime                *now)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *theme = escale_vocab_get_label (store, ESCALE_VOCAB_THEME, match->theme);
  GtkWidget *tag = gtk_label_new (theme);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (tag, GTK_ALIGN_END);
  gtk_widget_add_css_class (tag, "theme-tag");
  gtk_widget_add_css_class (tag, escale_theme_css_class (match->theme));
  gtk_box_append (GTK_BOX (box), tag);
  gtk_box_append (GTK_BOX (box), capacity_label (match, now));
  if (match->has_hours)
    gtk_box_append (GTK_BOX (box),
                    match->open_now ? label_new (_("Open now"), "success")
                                    : label_new (_("Closed now"), "dim-label"));
  return box;
}

/**
 * escale_referral_service_row_new:
 *
 * Returns: (transfer floating): an #AdwActionRow
 */
GtkWidget *
escale_referral_service_row_new (EscaleStore               *store,
                                 const EscaleServiceMatch  *match,
                                 GtkCheckButton            *group,
                                 GDateTime                 *now,
                                 GtkCheckButton           **check)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = format_subtitle (store, match);
  GtkWidget *button = gtk_check_button_new ();

  g_return_val_if_fail (check != NULL, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->partner_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_suffix (store, match, now));
  *check = GTK_CHECK_BUTTON (button);
  return row;
}
