/* escale-test-util.h — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-person.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* A new database in a new temporary folder, removed by escale_test_cleanup(). */
EscaleStore  *escale_test_store_new   (void);
char         *escale_test_tmp_path    (const char *name);
void          escale_test_init        (int *argc, char ***argv);
void          escale_test_cleanup     (void);
EscalePerson *escale_test_person      (const char *family,
                                       const char *given,
                                       const char *birth_date);
gint64        escale_test_add_person  (EscaleStore *store,
                                       const char  *family,
                                       const char  *given,
                                       const char  *birth_date);

G_END_DECLS
