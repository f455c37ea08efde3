/* test-cli-exchange.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cs-cli-test-utils.h"
#include "cs-test-utils.h"

/* contract-scope-cli export-xml and import-xml, run as the built program. */

#ifndef CS_CLI_PATH
#error "CS_CLI_PATH must name the contract-scope-cli executable"
#endif

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
  g_auto(CsCliRun) run = { 0, };
  g_autofree char *project = cs_test_build_path ("demo.contractscope");
  g_autofree char *copy = cs_test_build_path ("copy.contractscope");
  g_autofree char *first = cs_test_build_path ("first.xml");
  g_autofree char *second = cs_test_build_path ("second.xml");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  cs_cli_run (&run, "new", project, "--demo", NULL);
  cs_cli_assert_success (&run);
  cs_cli_run_clear (&run);

  cs_cli_run (&run, "export-xml", project, "-o", first, NULL);
  cs_cli_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "first.xml"));
  cs_cli_run_clear (&run);

  cs_cli_run (&run, "import-xml", first, copy, NULL);
  cs_cli_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "3 offers"));
  cs_cli_run_clear (&run);

  cs_cli_run (&run, "export-xml", copy, "--output", second, NULL);
  cs_cli_assert_success (&run);

  first_text = read_file (first);
  second_text = read_file (second);
  g_assert_cmpstr (first_text, ==, second_text);
}

static void
test_never_overwrites (void)
{
  g_auto(CsCliRun) run = { 0, };
  g_autofree char *project = cs_test_build_path ("keep.contractscope");
  g_autofree char *xml = cs_test_build_path ("keep.xml");
  g_autofree char *project_hash = NULL;
  g_autofree char *text = NULL;

  cs_cli_run (&run, "new", project, "--client", "Keep", NULL);
  cs_cli_assert_success (&run);
  cs_cli_run_clear (&run);
  project_hash = cs_test_file_sha256 (project);

  /* An existing file only with --force. */
  cs_test_write_file (xml, "mine", 4);
  cs_cli_run (&run, "export-xml", project, "-o", xml, NULL);
  cs_cli_assert_failure (&run, 1);
  g_assert_nonnull (strstr (run.err, "--force"));
  cs_cli_run_clear (&run);
  text = read_file (xml);
  g_assert_cmpstr (text, ==, "mine");
  g_clear_pointer (&text, g_free);

  cs_cli_run (&run, "export-xml", project, "-o", xml, "--force", NULL);
  cs_cli_assert_success (&run);
  cs_cli_run_clear (&run);
  text = read_file (xml);
  g_assert_true (g_str_has_prefix (text, "<?xml"));

  /* Never the project itself, --force or not. */
  cs_cli_run (&run, "export-xml", project, "-o", project, "--force", NULL);
  cs_cli_assert_failure (&run, 1);
  cs_cli_run_clear (&run);
  cs_test_assert_unchanged (project, project_hash);

  /* Never an existing project. */
  cs_cli_run (&run, "import-xml", xml, project, NULL);
  cs_cli_assert_failure (&run, 1);
  cs_cli_run_clear (&run);
  cs_test_assert_unchanged (project, project_hash);

  /* Usage errors exit with 2. */
  cs_cli_run (&run, "import-xml", xml, NULL);
  cs_cli_assert_failure (&run, 2);
  cs_cli_run_clear (&run);
  cs_cli_run (&run, "export-xml", project, NULL);
  cs_cli_assert_failure (&run, 2);
}

static void
test_hostile (void)
{
  g_auto(CsCliRun) run = { 0, };
  g_autofree char *secret = cs_test_build_path ("secret.txt");
  g_autofree char *xml = cs_test_build_path ("xxe.xml");
  g_autofree char *project = cs_test_build_path ("xxe.contractscope");
  g_autofree char *text = NULL;

  cs_test_write_file (secret, "CS-SECRET-51c2", 14);
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE r [<!ENTITY x SYSTEM \"file://%s\">]>\n"
                          "<contract-scope-exchange>&x;</contract-scope-exchange>\n", secret);
  cs_test_write_file (xml, text, strlen (text));

  cs_cli_run (&run, "import-xml", xml, project, NULL);
  cs_cli_assert_failure (&run, 1);
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
