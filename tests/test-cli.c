/* test-cli.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-test-utils.h"

/* The built contract-scope-cli, from tests/meson.build. */
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

/* Runs the CLI with the arguments that follow, up to NULL, in an untranslated UTF-8 locale. */
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

  /* Also checks that both outputs are valid UTF-8. */
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

/* A failure is one line on stderr, named after the program, and nothing on stdout. */
static void
assert_failure (const Run *run,
                int        status)
{
  g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "contract-scope-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_cmpuint (strlen (run->err), >, strlen ("contract-scope-cli: \n"));
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_new_client (void)
{
  g_autofree char *path = cs_test_build_path ("client.contractscope");
  g_auto(Run) created = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = NULL;
  JsonObject *project = NULL;
  JsonObject *assets = NULL;

  run_cli (&created, "new", path, "--client", "Boulangerie Étienne", NULL);
  assert_success (&created);
  g_assert_nonnull (strstr (created.out, "Boulangerie Étienne"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  run_cli (&text, "info", path, NULL);
  assert_success (&text);
  g_assert_nonnull (strstr (text.out, "Client:"));
  g_assert_nonnull (strstr (text.out, "Boulangerie Étienne"));
  g_assert_nonnull (strstr (text.out, "Offers: none"));
  g_assert_nonnull (strstr (text.out, "Assets: none"));

  run_cli (&json, "info", "--json", path, NULL);
  assert_success (&json);
  root = parse_object (parser, json.out);
  project = json_object_get_object_member (root, "project");
  g_assert_cmpstr (json_object_get_string_member (project, "client_name"), ==,
                   "Boulangerie Étienne");
  g_assert_false (json_object_get_boolean_member (project, "regulated"));
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "offers")), ==, 0);
  assets = json_object_get_object_member (root, "assets");
  g_assert_cmpint (json_object_get_int_member (assets, "records"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (assets, "units"), ==, 0);
}

static void
test_new_demo (void)
{
  g_autofree char *path = cs_test_build_path ("demo.contractscope");
  g_auto(Run) created = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject *root = NULL;
  JsonObject *assets = NULL;
  JsonObject *per_category = NULL;
  JsonArray *offers = NULL;
  JsonObjectIter iter;
  const char *category = NULL;
  JsonNode *node = NULL;
  gint64 sum = 0;
  guint incumbents = 0;

  run_cli (&created, "new", path, "--demo", NULL);
  assert_success (&created);
  before = cs_test_file_sha256 (path);

  run_cli (&json, "info", path, "--json", NULL);
  assert_success (&json);
  root = parse_object (parser, json.out);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "project"),
                                                  "currency"), ==, "EUR");

  offers = json_object_get_array_member (root, "offers");
  g_assert_cmpuint (json_array_get_length (offers), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *offer = json_array_get_object_element (offers, i);

      g_assert_cmpstr (json_object_get_string_member (offer, "provider"), !=, "");
      if (g_str_equal (json_object_get_string_member (offer, "kind"), "incumbent"))
        incumbents++;
    }
  g_assert_cmpuint (incumbents, ==, 1);

  /* Every category appears, under its stable id, and the counts add up. */
  assets = json_object_get_object_member (root, "assets");
  per_category = json_object_get_object_member (assets, "per_category");
  g_assert_true (json_object_has_member (per_category, "business_application"));
  g_assert_true (json_object_has_member (per_category, "wifi_ap"));
  json_object_iter_init (&iter, per_category);
  while (json_object_iter_next (&iter, &category, &node))
    {
      g_assert_cmpint (json_node_get_int (node), >, 0);
      sum += json_node_get_int (node);
    }
  g_assert_cmpint (sum, ==, json_object_get_int_member (assets, "records"));
  g_assert_cmpint (json_object_get_int_member (assets, "records"), >=, 55);
  g_assert_cmpint (json_object_get_int_member (assets, "units"), >,
                   json_object_get_int_member (assets, "records"));

  run_cli (&text, "info", path, NULL);
  assert_success (&text);
  g_assert_nonnull (strstr (text.out, "Maison Verdier Distribution"));
  g_assert_nonnull (strstr (text.out, "Offers: 3"));
  g_assert_nonnull (strstr (text.out, "Incumbent contract"));
  g_assert_nonnull (strstr (text.out, "Business application"));
  g_assert_nonnull (strstr (text.out, "Wi-Fi access point"));
  g_assert_null (strstr (text.out, "wifi_ap"));

  /* info opens read-only. */
  after = cs_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

/* The category table lines up: each row's count ends in the same column. */
static void
test_info_aligned (void)
{
  g_autofree char *path = cs_test_build_path ("aligned.contractscope");
  g_auto(Run) created = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(GStrv) lines = NULL;
  glong end = -1;
  gboolean in_table = FALSE;

  run_cli (&created, "new", path, "--demo", NULL);
  assert_success (&created);
  run_cli (&text, "info", path, NULL);
  assert_success (&text);

  lines = g_strsplit (text.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  Category"))
        in_table = TRUE;
      if (!in_table || *lines[i] == '\0')
        continue;

      g_assert_true (g_str_has_prefix (lines[i], "  "));
      if (end < 0)
        end = g_utf8_strlen (lines[i], -1);
      g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, end);
    }
  g_assert_true (in_table);
}

static void
test_error_missing_file (void)
{
  g_autofree char *path = cs_test_build_path ("missing.contractscope");
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };

  run_cli (&text, "info", path, NULL);
  assert_failure (&text, 1);
  run_cli (&json, "info", "--json", path, NULL);
  assert_failure (&json, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_error_not_a_project (void)
{
  static const char contents[] = "Client list\nBoulangerie Martin\n";
  g_autofree char *path = cs_test_build_path ("notes.txt");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  cs_test_write_file (path, contents, sizeof contents - 1);
  before = cs_test_file_sha256 (path);

  run_cli (&run, "info", path, NULL);
  assert_failure (&run, 1);

  after = cs_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_error_new_existing (void)
{
  static const char contents[] = "Someone else's file\n";
  g_autofree char *path = cs_test_build_path ("taken.contractscope");
  g_autofree char *project = cs_test_build_path ("project.contractscope");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) client = { 0 };
  g_auto(Run) demo = { 0 };
  g_auto(Run) created = { 0 };
  g_auto(Run) again = { 0 };

  cs_test_write_file (path, contents, sizeof contents - 1);
  before = cs_test_file_sha256 (path);

  run_cli (&client, "new", path, "--client", "Intruder", NULL);
  assert_failure (&client, 1);
  run_cli (&demo, "new", path, "--demo", NULL);
  assert_failure (&demo, 1);

  after = cs_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* An existing project is not replaced either. */
  run_cli (&created, "new", project, "--client", "First", NULL);
  assert_success (&created);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = cs_test_file_sha256 (project);
  run_cli (&again, "new", project, "--demo", NULL);
  assert_failure (&again, 1);
  after = cs_test_file_sha256 (project);
  g_assert_cmpstr (before, ==, after);
}

static void
test_error_usage (void)
{
  g_autofree char *path = cs_test_build_path ("usage.contractscope");
  const char *cases[][5] = {
    { "frobnicate", path, NULL },
    { NULL },
    { "--bogus", NULL },
    { "new", path, NULL },
    { "new", path, "--demo", "--client", "Both" },
    { "new", "--demo", NULL },
    { "new", path, "--client", "   ", NULL },
    { "new", path, "extra", "--demo", NULL },
    { "info", NULL },
    { "info", path, "--bogus", NULL },
    { "info", path, path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);
      assert_failure (&run, 2);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_version_and_help (void)
{
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) help_command = { 0 };
  g_auto(Run) new_help = { 0 };

  run_cli (&version, "--version", NULL);
  assert_success (&version);
  g_assert_cmpstr (version.out, ==, "contract-scope-cli " PACKAGE_VERSION "\n");

  run_cli (&help, "--help", NULL);
  assert_success (&help);
  g_assert_nonnull (strstr (help.out, "new FILE"));
  g_assert_nonnull (strstr (help.out, "info FILE"));

  run_cli (&help_command, "help", NULL);
  assert_success (&help_command);
  g_assert_cmpstr (help_command.out, ==, help.out);

  run_cli (&new_help, "new", "--help", NULL);
  assert_success (&new_help);
  g_assert_nonnull (strstr (new_help.out, "contract-scope-cli new"));
  g_assert_nonnull (strstr (new_help.out, "--client"));
  g_assert_nonnull (strstr (new_help.out, "--demo"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/new/client", test_new_client);
  g_test_add_func ("/cli/new/demo", test_new_demo);
  g_test_add_func ("/cli/info/aligned", test_info_aligned);
  g_test_add_func ("/cli/error/missing-file", test_error_missing_file);
  g_test_add_func ("/cli/error/not-a-project", test_error_not_a_project);
  g_test_add_func ("/cli/error/new-existing", test_error_new_existing);
  g_test_add_func ("/cli/error/usage", test_error_usage);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);

  return g_test_run ();
}
