/* escale-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_APPLICATION (escale_application_get_type ())
G_DECLARE_FINAL_TYPE (EscaleApplication, escale_application, ESCALE, APPLICATION, AdwApplication)

EscaleApplication *escale_application_new        (void);
void               escale_application_setup_i18n (int          argc,
                                                  char       **argv);
void               escale_ui_register_resources  (void);
EscaleStore       *escale_application_get_store  (EscaleApplication *self);
GSettings         *escale_application_new_settings (void);

G_END_DECLS
