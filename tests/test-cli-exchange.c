/* test-cli-exchange.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cs-test-utils.h"

/* contract-scope-cli export-xml and import-xml, run as the built program. */

#ifndef CS_CLI_PATH
#error "CS_CLI_PATH must name the contract-scope-cli executable"
#endif

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

G_GNUC_NULL_TERMINATED static void
run_cli (Run        *run,
         const char *first_arg,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) CS_CLI_PATH);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
assert_success (const Run *run)
{
  if (run->status != 0)
    g_error ("contract-scope-cli exited with %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

/* One line on stderr, nothing on stdout. */
static void
assert_failure (const Run *run,
                int        status)
{
  g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "contract-scope-cli: "));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_round_trip (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *project = cs_test_build_path ("demo.contractscope");
  g_autofree char *copy = cs_test_build_path ("copy.contractscope");
  g_autofree char *first = cs_test_build_path ("first.xml");
  g_autofree char *second = cs_test_build_path ("second.xml");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  run_cli (&run, "new", project, "--demo", NULL);
  assert_success (&run);
  run_clear (&run);

  run_cli (&run, "export-xml", project, "-o", first, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "first.xml"));
  run_clear (&run);

  run_cli (&run, "import-xml", first, copy, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "3 offers"));
  run_clear (&run);

  run_cli (&run, "export-xml", copy, "--output", second, NULL);
  assert_success (&run);

  first_text = read_file (first);
  second_text = read_file (second);
  g_assert_cmpstr (first_text, ==, second_text);
}

static void
test_never_overwrites (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *project = cs_test_build_path ("keep.contractscope");
  g_autofree char *xml = cs_test_build_path ("keep.xml");
  g_autofree char *project_hash = NULL;
  g_autofree char *text = NULL;

  run_cli (&run, "new", project, "--client", "Keep", NULL);
  assert_success (&run);
  run_clear (&run);
  project_hash = cs_test_file_sha256 (project);

  /* An existing file only with --force. */
  cs_test_write_file (xml, "mine", 4);
  run_cli (&run, "export-xml", project, "-o", xml, NULL);
  assert_failure (&run, 1);
  g_assert_nonnull (strstr (run.err, "--force"));
  run_clear (&run);
  text = read_file (xml);
  g_assert_cmpstr (text, ==, "mine");
  g_clear_pointer (&text, g_free);

  run_cli (&run, "export-xml", project, "-o", xml, "--force", NULL);
  assert_success (&run);
  run_clear (&run);
  text = read_file (xml);
  g_assert_true (g_str_has_prefix (text, "<?xml"));

  /* Never the project itself, --force or not. */
  run_cli (&run, "export-xml", project, "-o", project, "--force", NULL);
  assert_failure (&run, 1);
  run_clear (&run);
  cs_test_assert_unchanged (project, project_hash);

  /* Never an existing project. */
  run_cli (&run, "import-xml", xml, project, NULL);
  assert_failure (&run, 1);
  run_clear (&run);
  cs_test_assert_unchanged (project, project_hash);

  /* Usage errors exit with 2. */
  run_cli (&run, "import-xml", xml, NULL);
  assert_failure (&run, 2);
  run_clear (&run);
  run_cli (&run, "export-xml", project, NULL);
  assert_failure (&run, 2);
}

static void
test_hostile (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *secret = cs_test_build_path ("secret.txt");
  g_autofree char *xml = cs_test_build_path ("xxe.xml");
  g_autofree char *project = cs_test_build_path ("xxe.contractscope");
  g_autofree char *text = NULL;

  cs_test_write_file (secret, "CS-SECRET-51c2", 14);
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE r [<!ENTITY x SYSTEM \"file://%s\">]>\n"
                          "<contract-scope-exchange>&x;</contract-scope-exchange>\n", secret);
  cs_test_write_file (xml, text, strlen (text));

  run_cli (&run, "import-xml", xml, project, NULL);
  assert_failure (&run, 1);
  g_assert_nonnull (strstr (run.err, "Line 2"));
  g_assert_null (strstr (run.err, "CS-SECRET"));
  g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/exchange/round-trip", test_round_trip);
  g_test_add_func ("/cli/exchange/never-overwrites", test_never_overwrites);
  g_test_add_func ("/cli/exchange/hostile", test_hostile);

  return g_test_run ();
}
