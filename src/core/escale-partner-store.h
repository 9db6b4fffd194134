/* escale-partner-store.h — the partner directory: reading, writing, filtering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-partner.h"
#include "escale-store.h"

G_BEGIN_DECLS

typedef enum {
  ESCALE_PARTNER_FIELD_CODE,
  ESCALE_PARTNER_FIELD_NAME,
  ESCALE_PARTNER_FIELD_KIND,
  ESCALE_PARTNER_FIELD_POSITION,     /* latitude and longitude together */
  ESCALE_PARTNER_FIELD_LATITUDE,
  ESCALE_PARTNER_FIELD_LONGITUDE,
  ESCALE_PARTNER_FIELD_EMAIL,
  ESCALE_PARTNER_FIELD_WEBSITE,
  ESCALE_PARTNER_FIELD_PHONES,       /* index: which phone */
  ESCALE_PARTNER_FIELD_LANGUAGES,    /* index: which language */
  ESCALE_PARTNER_FIELD_HOURS,        /* index: which slot */
  ESCALE_PARTNER_FIELD_CLOSURES,     /* index: which closure */
  ESCALE_PARTNER_FIELD_CONTACTS,     /* index: which contact */
  ESCALE_PARTNER_FIELD_SERVICE_THEME,        /* index: which service */
  ESCALE_PARTNER_FIELD_SERVICE_ELIGIBILITY,  /* index: which service */
  ESCALE_PARTNER_FIELD_SERVICE_CAPACITY,     /* index: which service */
} EscalePartnerField;

typedef struct
{
  EscalePartnerField  field;
  guint               index;    /* which item, for list fields */
  char               *message;  /* translated */
} EscalePartnerError;

void       escale_partner_error_free (EscalePartnerError *error);

/* What escale_store_list_partners() keeps. NULL, 0 and FALSE filter nothing. */
typedef struct
{
  const char *text;             /* in the name, city, postal code or code; accents ignored */
  const char *theme;            /* has a service of this theme */
  const char *kind;
  const char *language;         /* ISO 639 code spoken there */
  const char *eligibility;      /* has a service open to them (listed, everyone, or no rule) */
  GDateTime  *open_at;          /* open at this local date and time */
  guint       open_on_day;      /* 1 = Monday … 7 = Sunday: opens that weekday */
  gboolean    has_free_places;  /* a service (of the theme, for the eligibility) has some */
  gboolean    include_inactive;
} EscalePartnerFilter;

/* A partner as lists and the map show it. */
typedef struct
{
  gint64    id;
  char     *code;
  char     *name;
  char     *kind;
  char     *city;
  gboolean  active;
  double    latitude;           /* NAN when unknown */
  double    longitude;
  GStrv     themes;             /* of its services, sorted, no repeats; never NULL */
  gint64    free_places;        /* summed over its services; ESCALE_PARTNER_UNSET when none has a figure */
  char     *oldest_update;      /* the oldest capacity_updated_at of those figures, or NULL */
} EscalePartnerSummary;

#define ESCALE_TYPE_PARTNER_SUMMARY (escale_partner_summary_get_type ())

GType                 escale_partner_summary_get_type (void) G_GNUC_CONST;
EscalePartnerSummary *escale_partner_summary_copy     (const EscalePartnerSummary *summary);
void                  escale_partner_summary_free     (EscalePartnerSummary       *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalePartnerSummary, escale_partner_summary_free)

GPtrArray     *escale_store_validate_partner       (EscaleStore                *store,
                                                    EscalePartner              *partner);
gboolean       escale_store_save_partner           (EscaleStore                *store,
                                                    EscalePartner              *partner,
                                                    GError                    **error);
EscalePartner *escale_store_load_partner           (EscaleStore                *store,
                                                    gint64                      id,
                                                    GError                    **error);
gboolean       escale_store_delete_partner         (EscaleStore                *store,
                                                    gint64                      id,
                                                    GError                    **error);
gboolean       escale_store_set_partner_active     (EscaleStore                *store,
                                                    gint64                      id,
                                                    gboolean                    active,
                                                    GError                    **error);
gint64         escale_store_find_partner           (EscaleStore                *store,
                                                    const char                 *code);
gboolean       escale_store_set_service_free_places (EscaleStore               *store,
                                                    gint64                      service_id,
                                                    gint64                      free_places,
                                                    GError                    **error);
GArray        *escale_store_list_partners          (EscaleStore                *store,
                                                    const EscalePartnerFilter  *filter,
                                                    GError                    **error);
GPtrArray     *escale_store_load_partner_summaries (EscaleStore                *store,
                                                    const gint64               *ids,
                                                    guint                       n_ids,
                                                    GError                    **error);

G_END_DECLS
