/* escale-lock-screen.h — what a locked window shows: a password, nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_LOCK_SCREEN (escale_lock_screen_get_type ())
G_DECLARE_FINAL_TYPE (EscaleLockScreen, escale_lock_screen, ESCALE, LOCK_SCREEN, AdwBin)

/* Signal: "unlocked", once the password of the account logged into @store
 * was typed (escale_store_verify_password()). */
EscaleLockScreen *escale_lock_screen_new (EscaleStore *store);

G_END_DECLS
