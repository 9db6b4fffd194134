/* fuzz-util.h — what the fuzz targets share
 *
 * Each target defines LLVMFuzzerTestOneInput(), run by libFuzzer in the
 * fuzzing build (build-aux/dev fuzz) and by fuzz-replay.c in the test suite.
 * A broken oracle aborts, so that both see it as a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "escale-store.h"

G_BEGIN_DECLS

int          LLVMFuzzerTestOneInput (const uint8_t *data,
                                     size_t         size);

/* Checks an oracle: prints what failed and traps when @cond is false. */
#define FUZZ_CHECK(cond) \
  G_STMT_START { if (G_UNLIKELY (!(cond))) fuzz_fail (#cond, __FILE__, __LINE__); } G_STMT_END

G_NORETURN void fuzz_fail     (const char *what,
                               const char *file,
                               int         line);
/* The tests' locale and language; called by every target once. */
void          fuzz_init       (void);
/* A path in a temporary folder of this process, removed at exit. */
char         *fuzz_tmp_path   (const char *name);
/* A small database with people in several scripts, made once. */
EscaleStore  *fuzz_store      (void);
/* @data as a NUL-terminated string (cut at its first NUL). */
char         *fuzz_string     (const uint8_t *data,
                               size_t         size);

G_END_DECLS
