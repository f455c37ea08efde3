/* cs-cli-test-utils.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Running contract-scope-cli (and the tools that read its output back) from the tests, and
 * the shape its success and its failures must have. */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cs-cli-test-utils.h"

/**
 * cs_cli_run_clear:
 * @run: a run
 *
 * Frees the outputs of @run.
 */
void
cs_cli_run_clear (CsCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * cs_cli_run_program:
 * @run: where the status and the outputs go
 * @program: the program, a path or a name found in `PATH`
 * @...: its arguments, ending with %NULL
 *
 * Runs @program to its end in an untranslated UTF-8 locale (`LC_ALL=C.UTF-8`, no
 * `LANGUAGE`) and collects its exit status and outputs, which must be valid UTF-8.
 */
void
cs_cli_run_program (CsCliRun   *run,
                    const char *program,
                    ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) program);
  va_start (ap, program);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  /* Also checks that both outputs are valid UTF-8. */
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/**
 * cs_cli_assert_status:
 * @run: a run
 * @status: the exit status expected
 *
 * Checks the exit status of @run, showing its stderr when it differs.
 */
void
cs_cli_assert_status (const CsCliRun *run,
                      int             status)
{
  if (run->status != status)
    g_error ("exited with %d instead of %d: %s", run->status, status, run->err);
}

/**
 * cs_cli_assert_success:
 * @run: a run of contract-scope-cli
 *
 * Checks that @run exited with 0 and wrote nothing on stderr.
 */
void
cs_cli_assert_success (const CsCliRun *run)
{
  cs_cli_assert_status (run, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/**
 * cs_cli_assert_failure:
 * @run: a run of contract-scope-cli
 * @status: the exit status expected
 *
 * Checks that @run failed as the command-line tool fails: with @status, nothing on stdout
 * and one line on stderr, named after the program, that says something.
 */
void
cs_cli_assert_failure (const CsCliRun *run,
                       int             status)
{
  g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "contract-scope-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_cmpuint (strlen (run->err), >, strlen ("contract-scope-cli: \n"));
}
