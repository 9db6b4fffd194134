/* escale-partner.h — a partner organisation, its services, contacts and hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <math.h>

G_BEGIN_DECLS

/* An unknown count (a capacity not given). */
#define ESCALE_PARTNER_UNSET G_MININT64

typedef struct
{
  char *phone;
  char *label;               /* "reception", "mobile"…, or NULL */
} EscalePartnerPhone;

/* One opening slot. A slot that closes before it opens runs over midnight
 * into the next day's early hours. */
typedef struct
{
  guint  weekday;            /* 1 = Monday … 7 = Sunday */
  char  *opens;              /* HH:MM */
  char  *closes;             /* HH:MM */
} EscalePartnerHours;

/* Exceptional closure, both days included. */
typedef struct
{
  char *from_date;           /* YYYY-MM-DD */
  char *to_date;             /* YYYY-MM-DD */
  char *reason;
} EscalePartnerClosure;

typedef struct
{
  gint64  id;                /* 0 until saved */
  char   *uuid;
  char   *name;
  char   *role;
  char   *phone;
  char   *email;
} EscalePartnerContact;

typedef struct
{
  gint64  id;                /* 0 until saved */
  char   *uuid;
  char   *theme;             /* a theme vocabulary code */
  char   *description;
  char   *documents;         /* documents to bring */
  GStrv   eligibility;       /* eligibility codes, never NULL; empty means no restriction */
  gint64  capacity_total;    /* ESCALE_PARTNER_UNSET when unknown */
  gint64  capacity_free;     /* ESCALE_PARTNER_UNSET when unknown */
  char   *capacity_updated_at; /* UTC, YYYY-MM-DDTHH:MM:SSZ; stamped by the store */
  char   *capacity_updated_by;
} EscalePartnerService;

typedef struct
{
  gint64      id;            /* 0 until saved */
  char       *uuid;
  char       *code;          /* the key of imports, or NULL */
  char       *name;
  char       *kind;          /* a partner_kind vocabulary code */
  char       *address;
  char       *postal_code;
  char       *city;
  double      latitude;      /* NAN when unknown; both or neither */
  double      longitude;     /* NAN when unknown */
  char       *position_source; /* typed, map, postal_code, city, department, import */
  char       *email;
  char       *website;
  char       *hours_note;    /* free text beside the hours */
  char       *notes;
  gboolean    active;
  GStrv       languages;     /* ISO 639 codes, never NULL */
  GPtrArray  *phones;        /* EscalePartnerPhone */
  GArray     *hours;         /* EscalePartnerHours */
  GArray     *closures;      /* EscalePartnerClosure */
  GPtrArray  *contacts;      /* EscalePartnerContact */
  GPtrArray  *services;      /* EscalePartnerService */
} EscalePartner;

#define ESCALE_TYPE_PARTNER (escale_partner_get_type ())

GType                 escale_partner_get_type      (void) G_GNUC_CONST;
EscalePartner        *escale_partner_new           (void);
EscalePartner        *escale_partner_copy          (const EscalePartner *partner);
void                  escale_partner_free          (EscalePartner       *partner);
void                  escale_partner_add_phone     (EscalePartner       *partner,
                                                    const char          *phone,
                                                    const char          *label);
void                  escale_partner_add_hours     (EscalePartner       *partner,
                                                    guint                weekday,
                                                    const char          *opens,
                                                    const char          *closes);
void                  escale_partner_add_closure   (EscalePartner       *partner,
                                                    const char          *from_date,
                                                    const char          *to_date,
                                                    const char          *reason);
EscalePartnerContact *escale_partner_add_contact   (EscalePartner       *partner,
                                                    const char          *name,
                                                    const char          *role,
                                                    const char          *phone,
                                                    const char          *email);
EscalePartnerService *escale_partner_add_service   (EscalePartner       *partner,
                                                    const char          *theme);
EscalePartnerService *escale_partner_find_service  (EscalePartner       *partner,
                                                    const char          *theme);
char                 *escale_partner_format_address (const EscalePartner *partner);
char                 *escale_partner_format_phones  (const EscalePartner *partner);

EscalePartnerService *escale_partner_service_new   (const char          *theme);
void                  escale_partner_service_free  (EscalePartnerService *service);
EscalePartnerContact *escale_partner_contact_new   (void);
void                  escale_partner_contact_free  (EscalePartnerContact *contact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalePartner, escale_partner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalePartnerService, escale_partner_service_free)

/* Capacity figures age: a count of free places from last month says little. */
typedef enum {
  ESCALE_CAPACITY_FRESH,     /* updated less than 7 days ago */
  ESCALE_CAPACITY_AGING,     /* less than 30 days ago */
  ESCALE_CAPACITY_STALE,     /* 30 days or more, or never */
} EscaleCapacityFreshness;

#define ESCALE_CAPACITY_FRESH_DAYS 7
#define ESCALE_CAPACITY_STALE_DAYS 30

EscaleCapacityFreshness escale_capacity_freshness  (const char          *updated_at,
                                                    GDateTime           *now);
char                 *escale_capacity_format       (gint64               free_places,
                                                    const char          *updated_at,
                                                    GDateTime           *now);

G_END_DECLS
