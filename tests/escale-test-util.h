/* escale-test-util.h — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "escale-person.h"
#include "escale-store.h"

G_BEGIN_DECLS

/* A new database in a new temporary folder, removed by escale_test_cleanup(). */
EscaleStore  *escale_test_store_new       (void);
char         *escale_test_tmp_path        (const char  *name);
void          escale_test_init            (int         *argc,
                                           char      ***argv);
void          escale_test_cleanup         (void);
EscalePerson *escale_test_person          (const char  *family,
                                           const char  *given,
                                           const char  *birth_date);
gint64        escale_test_add_person      (EscaleStore *store,
                                           const char  *family,
                                           const char  *given,
                                           const char  *birth_date);
/* A person whose file was created long ago (2020), so that only actions
 * tell when they were last seen. */
gint64        escale_test_add_old_person  (EscaleStore *store,
                                           const char  *family,
                                           const char  *given);
/* A new programme; returns its id. */
gint64        escale_test_add_programme   (EscaleStore *store,
                                           const char  *code,
                                           const char  *name);
/* The status stored for the action @id, which must exist. */
char         *escale_test_action_status   (EscaleStore *store,
                                           gint64       id);
/* Runs the SQL @format makes, which must succeed. */
void          escale_test_exec_printf     (EscaleStore *store,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);
/* Orders doubles, for qsort() and g_array_sort(): the benchmarks' medians. */
int           escale_test_compare_doubles (gconstpointer a,
                                           gconstpointer b);

/* The benchmarks' demo database of @n_people with @actions_per_person
 * actions each, generated once and cached in the build folder. */
EscaleStore  *escale_test_open_follow_up_database (guint n_people,
                                                   guint actions_per_person);

/* The text of the PDF file at @path, as pdftotext (poppler-utils) reads it. */
char         *escale_test_pdf_text    (const char  *path);

G_END_DECLS
