/* cs-cli-test-utils.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CsCliRun:
 * @status: the exit status of the program
 * @out: what it wrote on stdout (valid UTF-8)
 * @err: what it wrote on stderr (valid UTF-8)
 *
 * One run of a program by the command-line tests; cleared with cs_cli_run_clear(), or
 * declared `g_auto(CsCliRun) run = { 0 };`.
 */
typedef struct
{
  int   status;
  char *out;
  char *err;
} CsCliRun;

void cs_cli_run_clear      (CsCliRun       *run);
void cs_cli_run_program    (CsCliRun       *run,
                            const char     *program,
                            ...) G_GNUC_NULL_TERMINATED;
void cs_cli_assert_status  (const CsCliRun *run,
                            int             status);
void cs_cli_assert_success (const CsCliRun *run);
void cs_cli_assert_failure (const CsCliRun *run,
                            int             status);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CsCliRun, cs_cli_run_clear)

/**
 * cs_cli_run:
 * @run: where the run's status and outputs go
 * @...: the arguments, ending with %NULL
 *
 * Runs the built contract-scope-cli, whose path the test is compiled with as `CS_CLI_PATH`
 * (tests/meson.build).
 */
#define cs_cli_run(run, ...) cs_cli_run_program ((run), CS_CLI_PATH, __VA_ARGS__)

G_END_DECLS
