/* main.c — starts Escale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "escale-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EscaleApplication) app = NULL;

  escale_application_setup_i18n (argc, argv);
  app = escale_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
