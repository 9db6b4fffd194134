/* escale-person-store.h — reading and writing people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-person.h"
#include "escale-store.h"

G_BEGIN_DECLS

typedef struct
{
  EscaleField  field;
  guint        index;   /* which item, for list fields (status periods…) */
  char        *message; /* translated */
} EscaleFieldError;

void          escale_field_error_free          (EscaleFieldError *error);
void          escale_field_errors_add          (GPtrArray        *errors,
                                                EscaleField       field,
                                                guint             index,
                                                const char       *format,
                                                ...) G_GNUC_PRINTF (4, 5);

GPtrArray    *escale_store_validate_person     (EscaleStore   *store,
                                                EscalePerson  *person);
gboolean      escale_store_save_person         (EscaleStore   *store,
                                                EscalePerson  *person,
                                                GError       **error);
EscalePerson *escale_store_load_person         (EscaleStore   *store,
                                                gint64         id,
                                                GError       **error);
gboolean      escale_store_delete_person       (EscaleStore   *store,
                                                gint64         id,
                                                GError       **error);
gint64        escale_store_find_file_number    (EscaleStore   *store,
                                                const char    *file_number);
char         *escale_store_next_file_number    (EscaleStore   *store,
                                                int            year,
                                                GError       **error);
gboolean      escale_store_close_person        (EscaleStore   *store,
                                                gint64         id,
                                                const char    *date,
                                                const char    *reason,
                                                GError       **error);
gboolean      escale_store_reopen_person       (EscaleStore   *store,
                                                gint64         id,
                                                GError       **error);
gint64        escale_store_count_people        (EscaleStore   *store);
GStrv         escale_store_list_referents      (EscaleStore   *store);

/* Households: a person belongs to one household at most. */
gboolean      escale_store_household_add       (EscaleStore   *store,
                                                gint64         person_id,
                                                gint64         member_id,
                                                const char    *role,
                                                GError       **error);
gboolean      escale_store_household_remove    (EscaleStore   *store,
                                                gint64         member_id,
                                                GError       **error);
gboolean      escale_store_household_set_role  (EscaleStore   *store,
                                                gint64         member_id,
                                                const char    *role,
                                                GError       **error);
gint64        escale_store_household_find_key  (EscaleStore   *store,
                                                const char    *key);
gboolean      escale_store_household_join      (EscaleStore   *store,
                                                gint64         household_id,
                                                gint64         person_id,
                                                const char    *role,
                                                GError       **error);

typedef struct
{
  gint64  id;
  char   *file_number;
  char   *family_name;
  char   *given_names;
  char   *birth_date;
  char   *birth_precision;
  double  score;        /* 0..1, higher is more alike */
} EscaleDuplicate;

void          escale_duplicate_free            (EscaleDuplicate *duplicate);
GPtrArray    *escale_store_find_duplicates     (EscaleStore   *store,
                                                EscalePerson  *person,
                                                guint          limit);

G_END_DECLS
