/* test-cli.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-cli-test-utils.h"
#include "cs-test-utils.h"

/* The built contract-scope-cli, from tests/meson.build. */
#ifndef CS_CLI_PATH
#error "CS_CLI_PATH must name the contract-scope-cli executable"
#endif

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
  g_auto(CsCliRun) created = { 0 };
  g_auto(CsCliRun) text = { 0 };
  g_auto(CsCliRun) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = NULL;
  JsonObject *project = NULL;
  JsonObject *assets = NULL;

  cs_cli_run (&created, "new", path, "--client", "Boulangerie Étienne", NULL);
  cs_cli_assert_success (&created);
  g_assert_nonnull (strstr (created.out, "Boulangerie Étienne"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  cs_cli_run (&text, "info", path, NULL);
  cs_cli_assert_success (&text);
  g_assert_nonnull (strstr (text.out, "Client:"));
  g_assert_nonnull (strstr (text.out, "Boulangerie Étienne"));
  g_assert_nonnull (strstr (text.out, "Offers: none"));
  g_assert_nonnull (strstr (text.out, "Assets: none"));

  cs_cli_run (&json, "info", "--json", path, NULL);
  cs_cli_assert_success (&json);
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
  g_auto(CsCliRun) created = { 0 };
  g_auto(CsCliRun) text = { 0 };
  g_auto(CsCliRun) json = { 0 };
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

  cs_cli_run (&created, "new", path, "--demo", NULL);
  cs_cli_assert_success (&created);
  before = cs_test_file_sha256 (path);

  cs_cli_run (&json, "info", path, "--json", NULL);
  cs_cli_assert_success (&json);
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

  cs_cli_run (&text, "info", path, NULL);
  cs_cli_assert_success (&text);
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
  g_auto(CsCliRun) created = { 0 };
  g_auto(CsCliRun) text = { 0 };
  g_auto(GStrv) lines = NULL;
  glong end = -1;
  gboolean in_table = FALSE;

  cs_cli_run (&created, "new", path, "--demo", NULL);
  cs_cli_assert_success (&created);
  cs_cli_run (&text, "info", path, NULL);
  cs_cli_assert_success (&text);

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
  g_auto(CsCliRun) text = { 0 };
  g_auto(CsCliRun) json = { 0 };

  cs_cli_run (&text, "info", path, NULL);
  cs_cli_assert_failure (&text, 1);
  cs_cli_run (&json, "info", "--json", path, NULL);
  cs_cli_assert_failure (&json, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_error_not_a_project (void)
{
  static const char contents[] = "Client list\nBoulangerie Martin\n";
  g_autofree char *path = cs_test_build_path ("notes.txt");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(CsCliRun) run = { 0 };

  cs_test_write_file (path, contents, sizeof contents - 1);
  before = cs_test_file_sha256 (path);

  cs_cli_run (&run, "info", path, NULL);
  cs_cli_assert_failure (&run, 1);

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
  g_auto(CsCliRun) client = { 0 };
  g_auto(CsCliRun) demo = { 0 };
  g_auto(CsCliRun) created = { 0 };
  g_auto(CsCliRun) again = { 0 };

  cs_test_write_file (path, contents, sizeof contents - 1);
  before = cs_test_file_sha256 (path);

  cs_cli_run (&client, "new", path, "--client", "Intruder", NULL);
  cs_cli_assert_failure (&client, 1);
  cs_cli_run (&demo, "new", path, "--demo", NULL);
  cs_cli_assert_failure (&demo, 1);

  after = cs_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* An existing project is not replaced either. */
  cs_cli_run (&created, "new", project, "--client", "First", NULL);
  cs_cli_assert_success (&created);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = cs_test_file_sha256 (project);
  cs_cli_run (&again, "new", project, "--demo", NULL);
  cs_cli_assert_failure (&again, 1);
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
      g_auto(CsCliRun) run = { 0 };

      cs_cli_run (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);
      cs_cli_assert_failure (&run, 2);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_version_and_help (void)
{
  g_auto(CsCliRun) version = { 0 };
  g_auto(CsCliRun) help = { 0 };
  g_auto(CsCliRun) help_command = { 0 };
  g_auto(CsCliRun) new_help = { 0 };

  cs_cli_run (&version, "--version", NULL);
  cs_cli_assert_success (&version);
  g_assert_cmpstr (version.out, ==, "contract-scope-cli " PACKAGE_VERSION "\n");

  cs_cli_run (&help, "--help", NULL);
  cs_cli_assert_success (&help);
  g_assert_nonnull (strstr (help.out, "new FILE"));
  g_assert_nonnull (strstr (help.out, "info FILE"));

  cs_cli_run (&help_command, "help", NULL);
  cs_cli_assert_success (&help_command);
  g_assert_cmpstr (help_command.out, ==, help.out);

  cs_cli_run (&new_help, "new", "--help", NULL);
  cs_cli_assert_success (&new_help);
  g_assert_nonnull (strstr (new_help.out, "contract-scope-cli new"));
  g_assert_nonnull (strstr (new_help.out, "--client"));
  g_assert_nonnull (strstr (new_help.out, "--demo"));
}

/* Creates the demo project once per test, returning its path. */
static char *
new_demo (const char *name)
{
  g_autofree char *path = cs_test_build_path (name);
  g_auto(CsCliRun) created = { 0 };

  cs_cli_run (&created, "new", path, "--demo", NULL);
  cs_cli_assert_success (&created);

  return g_steal_pointer (&path);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)));

  return json_object_get_array_member (object, member);
}

/* show: every section of one offer, as text and as JSON; reading changes nothing. */
static void
test_show (void)
{
  static const char * const sections[] = {
    "perimeter", "exclusions", "responsibilities", "sla", "backup", "security",
    "subcontracting", "exit", "terms",
  };
  g_autofree char *path = new_demo ("show.contractscope");
  g_autofree char *before = cs_test_file_sha256 (path);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_auto(CsCliRun) text = { 0 };
      g_auto(CsCliRun) json = { 0 };
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root = NULL;
      JsonObject *offer = NULL;

      g_test_message ("section %s", sections[i]);
      cs_cli_run (&text, "show", path, "--offer", "Altimance", "--section", sections[i], NULL);
      cs_cli_assert_success (&text);
      g_assert_nonnull (strstr (text.out, "Altimance Infogérance"));

      cs_cli_run (&json, "show", path, "--offer", "altimance", "--section", sections[i], "--json",
                  NULL);
      cs_cli_assert_success (&json);
      root = parse_object (parser, json.out);
      g_assert_cmpstr (json_object_get_string_member (root, "section"), ==, sections[i]);
      offer = json_object_get_object_member (root, "offer");
      g_assert_nonnull (offer);
      g_assert_cmpstr (json_object_get_string_member (offer, "provider"), ==,
                       "Altimance Infogérance");
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "records")));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "computed")));
      get_array (root, "flags");
    }

  /* The perimeter of the strong offer: its recorded coverage addresses all 60 assets. */
  {
    g_auto(CsCliRun) json = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *computed = NULL;

    cs_cli_run (&json, "show", path, "--offer", "2", "--section", "perimeter", "--json", NULL);
    cs_cli_assert_success (&json);
    computed = json_object_get_object_member (parse_object (parser, json.out), "computed");
    g_assert_cmpint (json_object_get_int_member (computed, "n_assets"), ==, 60);
    g_assert_cmpint (json_object_get_int_member (computed, "n_not_addressed"), ==, 0);
  }

  /* A section that does not exist is a usage error (2); an unknown offer a failure (1). */
  {
    g_auto(CsCliRun) bad_section = { 0 };
    g_auto(CsCliRun) no_section = { 0 };
    g_auto(CsCliRun) bad_offer = { 0 };

    cs_cli_run (&bad_section, "show", path, "--offer", "Altimance", "--section", "bogus", NULL);
    cs_cli_assert_failure (&bad_section, 2);
    cs_cli_run (&no_section, "show", path, "--offer", "Altimance", NULL);
    cs_cli_assert_failure (&no_section, 2);
    cs_cli_run (&bad_offer, "show", path, "--offer", "Nobody", "--section", "sla", NULL);
    cs_cli_assert_failure (&bad_offer, 1);
  }

  after = cs_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

/* lint: weak wording in English and French is found, clause by clause, with its place and the
 * clause's values; --json parses; the exit status gates a script (0 clean, 1 findings, 2 error). */
static void
test_lint (void)
{
  static const char clause[] =
    "The provider restores the service as soon as possible, on a best effort basis.\n"
    "Le prestataire intervient dans les meilleurs délais, au titre d'une obligation de moyens.\n";
  static const char clean[] = "The provider starts work on a P1 incident within 30 minutes and "
                              "restores the service within 4 hours, 24/7, from the ticket "
                              "timestamp.\n";
  static const char two_lines[] = "Support answers within 2 hours. Backups are\n"
                                  "checked periodically.\n";
  g_autofree char *path = cs_test_build_path ("clause.txt");
  g_autofree char *clean_path = cs_test_build_path ("clean.txt");
  g_autofree char *lines_path = cs_test_build_path ("lines.txt");
  g_auto(CsCliRun) text = { 0 };
  g_auto(CsCliRun) json = { 0 };
  g_auto(CsCliRun) clean_run = { 0 };
  g_auto(CsCliRun) clean_json = { 0 };
  g_auto(CsCliRun) missing = { 0 };
  g_auto(CsCliRun) bad_lang = { 0 };
  g_auto(CsCliRun) sentences = { 0 };
  g_auto(CsCliRun) by_line = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *findings = NULL;
  JsonArray *clauses = NULL;
  JsonArray *values = NULL;
  gboolean english = FALSE, french = FALSE;

  cs_test_write_file (path, clause, sizeof clause - 1);
  cs_test_write_file (clean_path, clean, sizeof clean - 1);
  cs_test_write_file (lines_path, two_lines, sizeof two_lines - 1);

  /* Findings: exit status 1, the report on stdout, nothing on stderr. */
  cs_cli_run (&text, "lint", path, NULL);
  g_assert_cmpint (text.status, ==, 1);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_nonnull (strstr (text.out, "clause.txt:1:"));
  g_assert_nonnull (strstr (text.out, "clause.txt:2:"));
  g_assert_nonnull (strstr (text.out, "“as soon as possible”"));
  g_assert_nonnull (strstr (text.out, "“obligation de moyens”"));
  /* the reason is in the clause's language, quoting it */
  g_assert_nonnull (strstr (text.out, "« obligation de moyens » : "));

  cs_cli_run (&json, "lint", path, "--json", "--lang", "auto", NULL);
  g_assert_cmpint (json.status, ==, 1);
  findings = get_array (parse_object (parser, json.out), "findings");
  g_assert_cmpuint (json_array_get_length (findings), >=, 4);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      gint64 line = json_object_get_int_member (finding, "line");

      g_assert_cmpint (line, >=, 1);
      g_assert_cmpint (line, <=, 2);
      g_assert_cmpint (json_object_get_int_member (finding, "column"), >=, 1);
      g_assert_cmpstr (json_object_get_string_member (finding, "rule"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (finding, "suggestion"), !=, "");
      english |= line == 1;
      french |= line == 2;
    }
  g_assert_true (english);
  g_assert_true (french);

  /* No finding: exit status 0, and each clause comes with its values. */
  cs_cli_run (&clean_run, "lint", clean_path, NULL);
  cs_cli_assert_success (&clean_run);
  g_assert_nonnull (strstr (clean_run.out, "No weak wording found."));
  g_assert_nonnull (strstr (clean_run.out, "duration 30 minutes"));

  cs_cli_run (&clean_json, "lint", clean_path, "--json", NULL);
  cs_cli_assert_success (&clean_json);
  clauses = get_array (parse_object (parser, clean_json.out), "clauses");
  g_assert_cmpuint (json_array_get_length (clauses), ==, 1);
  values = json_object_get_array_member (json_array_get_object_element (clauses, 0), "values");
  g_assert_cmpuint (json_array_get_length (values), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (values, 1),
                                                  "unit"), ==, "hours");

  /* Sentences are clauses; with --lines, lines are. */
  cs_cli_run (&sentences, "lint", lines_path, "--json", NULL);
  g_assert_cmpint (sentences.status, ==, 1);
  clauses = get_array (parse_object (parser, sentences.out), "clauses");
  g_assert_cmpuint (json_array_get_length (clauses), ==, 2);
  cs_cli_run (&by_line, "lint", lines_path, "--json", "--lines", NULL);
  clauses = get_array (parse_object (parser, by_line.out), "clauses");
  g_assert_cmpuint (json_array_get_length (clauses), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (clauses, 1), "line"),
                   ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (clauses, 1),
                                                  "text"), ==, "checked periodically.");

  /* Errors: exit status 2. */
  cs_cli_run (&missing, "lint", "no-such-clause.txt", NULL);
  cs_cli_assert_failure (&missing, 2);
  cs_cli_run (&bad_lang, "lint", path, "--lang", "de", NULL);
  cs_cli_assert_failure (&bad_lang, 2);
}

/* score --json on the demo: knock-outs and per-section scores, consistent with each other. */
static void
test_score (void)
{
  static const char * const sections[] = {
    "perimeter", "exclusions", "responsibilities", "sla", "backup", "security",
    "subcontracting", "exit", "terms",
  };
  g_autofree char *path = new_demo ("score.contractscope");
  g_auto(CsCliRun) json = { 0 };
  g_auto(CsCliRun) one = { 0 };
  g_auto(CsCliRun) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) one_parser = json_parser_new ();
  JsonArray *offers = NULL;
  gint64 knock_outs[3] = { 0 };

  cs_cli_run (&json, "score", path, "--json", NULL);
  cs_cli_assert_success (&json);
  offers = get_array (parse_object (parser, json.out), "offers");
  g_assert_cmpuint (json_array_get_length (offers), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      JsonObject *offer = json_array_get_object_element (offers, i);
      JsonObject *overall = json_object_get_object_member (offer, "overall");
      JsonObject *per_section = json_object_get_object_member (offer, "sections");
      JsonArray *findings = get_array (offer, "findings");
      gint64 section_knock_outs = 0;
      gint64 flagged = 0;

      knock_outs[i] = json_object_get_int_member (overall, "knock_outs");
      g_assert_cmpfloat (json_object_get_double_member (overall, "score"), >=, 0);
      g_assert_cmpfloat (json_object_get_double_member (overall, "score"), <=, 100);
      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        {
          JsonObject *score = json_object_get_object_member (per_section, sections[s]);

          g_assert_nonnull (score);
          g_assert_cmpfloat (json_object_get_double_member (score, "total"), >, 0);
          g_assert_cmpfloat (json_object_get_double_member (score, "score"), >=, 0);
          g_assert_cmpfloat (json_object_get_double_member (score, "score"), <=, 100);
          section_knock_outs += json_object_get_int_member (score, "knock_outs");
        }
      for (guint f = 0; f < json_array_get_length (findings); f++)
        flagged += json_object_get_boolean_member (json_array_get_object_element (findings, f),
                                                   "knock_out");
      g_assert_cmpint (section_knock_outs, ==, knock_outs[i]);
      g_assert_cmpint (flagged, ==, knock_outs[i]);
    }

  /* The demo's strong offer (Altimance, second) has no knock-out since it records its
   * coverage of the inventory; the incumbent and Kerveo have several. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (offers, 1),
                                                  "provider"), ==, "Altimance Infogérance");
  g_assert_cmpint (knock_outs[1], ==, 0);
  g_assert_cmpint (knock_outs[0], >, 0);
  g_assert_cmpint (knock_outs[2], >, 0);

  cs_cli_run (&one, "score", path, "--offer", "Kerveo", "--json", NULL);
  cs_cli_assert_success (&one);
  offers = get_array (parse_object (one_parser, one.out), "offers");
  g_assert_cmpuint (json_array_get_length (offers), ==, 1);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (json_array_get_object_element (offers, 0),
                                                    "overall"), "knock_outs"), ==, knock_outs[2]);

  cs_cli_run (&text, "score", path, NULL);
  cs_cli_assert_success (&text);
  g_assert_nonnull (strstr (text.out, "Rhône Informatique Services"));
  g_assert_nonnull (strstr (text.out, "knock-outs"));
}

static gint64
count_line (const char *out,
            const char *label)
{
  const char *line = strstr (out, label);

  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen (label), NULL, 10);
}

/* A partial result: exit status 3, one line on stderr saying what was not done. */
static void
assert_partial (const CsCliRun *run)
{
  if (run->status != 3)
    g_error ("contract-scope-cli exited with %d, not 3: %s", run->status, run->err);
  g_assert_true (g_str_has_prefix (run->err, "contract-scope-cli: "));
  g_assert_nonnull (strstr (run->err, "rejected"));
  g_assert_cmpstr (strchr (run->err, '\n'), ==, "\n");
}

/* import-assets: counts printed, the inventory changed accordingly; hostile files. */
static void
test_import_assets (void)
{
  g_autofree char *path = cs_test_build_path ("import.contractscope");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "csv", "glpi-en.csv", NULL);
  g_auto(CsCliRun) created = { 0 };
  g_auto(CsCliRun) imported = { 0 };
  g_auto(CsCliRun) info = { 0 };
  g_auto(CsCliRun) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *assets = NULL;

  cs_cli_run (&created, "new", path, "--client", "Import SA", NULL);
  cs_cli_assert_success (&created);

  /* Rejected rows are reported and make the result partial (exit status 3): 4 imported, line 6
   * has no known category. */
  cs_cli_run (&imported, "import-assets", path, csv, NULL);
  assert_partial (&imported);
  g_assert_cmpint (count_line (imported.out, "Imported: "), ==, 4);
  g_assert_cmpint (count_line (imported.out, "Rejected: "), ==, 1);
  g_assert_cmpint (count_line (imported.out, "Duplicates: "), ==, 0);
  g_assert_nonnull (strstr (imported.out, "line 6:"));

  cs_cli_run (&info, "info", path, "--json", NULL);
  cs_cli_assert_success (&info);
  assets = json_object_get_object_member (parse_object (parser, info.out), "assets");
  g_assert_cmpint (json_object_get_int_member (assets, "records"), ==, 4);

  /* The same file again: every row is a duplicate, skipped by default. */
  cs_cli_run (&again, "import-assets", path, csv, NULL);
  assert_partial (&again);
  g_assert_cmpint (count_line (again.out, "Imported: "), ==, 0);
  g_assert_cmpint (count_line (again.out, "Duplicates: "), ==, 4);

  /* Hostile files: a row with a NUL byte, invalid UTF-8, a quote never closed. The rows
   * around them are imported, the bad ones reported with their line, exit status 3. */
  {
    static const struct { const char *file; const char *reason; } hostile[] = {
      { "nul-bytes.csv", "NUL byte" },
      { "invalid-utf8.csv", "not valid UTF-8" },
      { "unbalanced-quote.csv", "never closed" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
      {
        g_autofree char *name = g_strdup_printf ("hostile-%u.contractscope", i);
        g_autofree char *project = cs_test_build_path (name);
        g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "csv",
                                                       hostile[i].file, NULL);
        g_auto(CsCliRun) made = { 0 };
        g_auto(CsCliRun) run = { 0 };

        g_test_message ("%s", hostile[i].file);
        cs_cli_run (&made, "new", project, "--client", "Hostile SA", NULL);
        cs_cli_assert_success (&made);
        cs_cli_run (&run, "import-assets", project, file, NULL);
        assert_partial (&run);
        g_assert_cmpint (count_line (run.out, "Imported: "), >=, 1);
        g_assert_cmpint (count_line (run.out, "Rejected: "), ==, 1);
        g_assert_nonnull (strstr (run.out, hostile[i].reason));
      }
  }

  /* Nothing to import at all is a failure (1) and leaves the project as it was; a missing
   * CSV argument is a usage error (2). */
  {
    static const char * const nothing[] = { "empty.csv", "header-only.csv" };
    g_autofree char *before = cs_test_file_sha256 (path);
    g_autofree char *after = NULL;
    g_auto(CsCliRun) usage = { 0 };

    for (guint i = 0; i < G_N_ELEMENTS (nothing); i++)
      {
        g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "csv", nothing[i],
                                                       NULL);
        g_auto(CsCliRun) run = { 0 };

        cs_cli_run (&run, "import-assets", path, file, NULL);
        cs_cli_assert_failure (&run, 1);
      }
    after = cs_test_file_sha256 (path);
    g_assert_cmpstr (before, ==, after);

    cs_cli_run (&usage, "import-assets", path, NULL);
    cs_cli_assert_failure (&usage, 2);
  }
}

static const char *
member_or_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

/* show --json and score --json report the same results for the same items: id, status,
 * severity, evidence and source; the text shows the remedy and the reason. */
static void
test_show_matches_score (void)
{
  static const char * const sections[] = {
    "perimeter", "exclusions", "responsibilities", "sla", "backup", "security",
    "subcontracting", "exit", "terms",
  };
  static const char * const offers[] = { "Rhône", "Altimance", "Kerveo" };
  g_autofree char *path = new_demo ("same.contractscope");
  guint n_compared = 0;

  for (guint o = 0; o < G_N_ELEMENTS (offers); o++)
    {
      g_auto(CsCliRun) score = { 0 };
      g_auto(CsCliRun) score_text = { 0 };
      g_autoptr(JsonParser) score_parser = json_parser_new ();
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
      JsonArray *findings = NULL;
      JsonObject *offer = NULL;

      cs_cli_run (&score, "score", path, "--offer", offers[o], "--json", NULL);
      cs_cli_assert_success (&score);
      offer = json_array_get_object_element (get_array (parse_object (score_parser, score.out),
                                                        "offers"), 0);
      g_assert_true (json_object_has_member (json_object_get_object_member (offer, "overall"),
                                             "assessed"));
      findings = get_array (offer, "findings");
      for (guint i = 0; i < json_array_get_length (findings); i++)
        {
          JsonObject *f = json_array_get_object_element (findings, i);

          if (g_str_equal (json_object_get_string_member (f, "kind"), "checklist"))
            g_hash_table_insert (by_id, (gpointer) json_object_get_string_member (f, "id"), f);
        }

      cs_cli_run (&score_text, "score", path, "--offer", offers[o], NULL);
      cs_cli_assert_success (&score_text);
      g_assert_nonnull (strstr (score_text.out, "Why:"));
      g_assert_nonnull (strstr (score_text.out, "Ask:"));

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        {
          g_auto(CsCliRun) show = { 0 };
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonArray *flags = NULL;

          cs_cli_run (&show, "show", path, "--offer", offers[o], "--section", sections[s], "--json",
                      NULL);
          cs_cli_assert_success (&show);
          flags = get_array (parse_object (parser, show.out), "flags");
          for (guint i = 0; i < json_array_get_length (flags); i++)
            {
              JsonObject *flag = json_array_get_object_element (flags, i);
              const char *id = json_object_get_string_member (flag, "id");
              JsonObject *f = g_hash_table_lookup (by_id, id);

              if (f == NULL)
                g_error ("%s, %s: %s is a point to check but not a finding of score", offers[o],
                         sections[s], id);
              g_assert_cmpstr (json_object_get_string_member (flag, "status"), ==,
                               json_object_get_string_member (f, "status"));
              g_assert_cmpstr (json_object_get_string_member (flag, "severity"), ==,
                               json_object_get_string_member (f, "severity"));
              g_assert_cmpstr (member_or_null (flag, "evidence"), ==, member_or_null (f, "evidence"));
              g_assert_cmpstr (member_or_null (flag, "source"), ==, member_or_null (f, "source"));
              g_assert_cmpstr (member_or_null (flag, "remedy"), ==, member_or_null (f, "remedy"));
              g_assert_cmpint (json_object_get_boolean_member (flag, "knock_out"), ==,
                               json_object_get_boolean_member (f, "knock_out"));
              g_assert_cmpstr (json_object_get_string_member (f, "section"), ==, sections[s]);
              n_compared++;
            }
        }

      /* Conversely, every missing or partial item of score is a point to check of its page. */
      {
        GHashTableIter iter;
        gpointer value;
        guint n_points = 0, n_gaps = 0;

        g_hash_table_iter_init (&iter, by_id);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          {
            const char *status = json_object_get_string_member (value, "status");

            n_gaps += g_str_equal (status, "missing") || g_str_equal (status, "partial");
          }
        for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
          {
            g_auto(CsCliRun) show = { 0 };
            g_autoptr(JsonParser) parser = json_parser_new ();

            cs_cli_run (&show, "show", path, "--offer", offers[o], "--section", sections[s],
                        "--json", NULL);
            n_points += json_array_get_length (get_array (parse_object (parser, show.out), "flags"));
          }
        g_assert_cmpuint (n_points, ==, n_gaps);
      }
    }
  g_assert_cmpuint (n_compared, >, 20);
}

/* compare: every row with raw value, unit, normalised value, flags and comparability note;
 * offers and weights chosen on the command line; bad input refused with nothing written. */
static void
test_compare (void)
{
  g_autofree char *path = new_demo ("compare.contractscope");
  g_autofree char *output = cs_test_build_path ("compare.json");
  g_autofree char *written = NULL;
  g_autofree char *sha256 = cs_test_file_sha256 (path);
  g_auto(CsCliRun) json = { 0 };
  g_auto(CsCliRun) two = { 0 };
  g_auto(CsCliRun) text = { 0 };
  g_auto(CsCliRun) bad_weights = { 0 };
  g_auto(CsCliRun) bad_format = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) two_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root = NULL;
  JsonArray *sections = NULL;
  gboolean seen_not_comparable = FALSE;
  guint n_rows = 0;

  cs_cli_run (&json, "compare", path, "--format", "json", "-o", output, NULL);
  cs_cli_assert_success (&json);
  g_assert_cmpstr (json.out, ==, "");
  g_assert_true (g_file_get_contents (output, &written, NULL, &error));
  g_assert_no_error (error);
  root = parse_object (parser, written);
  g_assert_cmpuint (json_array_get_length (get_array (root, "offers")), ==, 3);
  g_assert_nonnull (json_object_get_string_member (root, "sensitivity"));

  sections = get_array (root, "sections");
  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonArray *rows = get_array (json_array_get_object_element (sections, s), "rows");

      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          JsonArray *cells = get_array (row, "cells");

          n_rows++;
          g_assert_true (json_object_has_member (row, "unit"));
          g_assert_true (json_object_has_member (row, "not_comparable"));
          if (!json_object_get_null_member (row, "not_comparable"))
            seen_not_comparable = TRUE;
          g_assert_cmpuint (json_array_get_length (cells), ==, 3);
          for (guint c = 0; c < 3; c++)
            {
              JsonObject *cell = json_array_get_object_element (cells, c);

              g_assert_nonnull (json_object_get_string_member (cell, "raw"));
              g_assert_true (json_object_has_member (cell, "value"));
              g_assert_true (json_object_has_member (cell, "best"));
              g_assert_true (json_object_has_member (cell, "worst"));
              g_assert_true (json_object_has_member (cell, "knock_out"));
            }
        }
    }
  g_assert_cmpuint (n_rows, >, 50);
  g_assert_true (seen_not_comparable);

  cs_cli_run (&two, "compare", path, "--offers", "Kerveo,1", "--weights",
              "perimeter=10,sla=20", "--format", "json", NULL);
  cs_cli_assert_success (&two);
  root = parse_object (two_parser, two.out);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (get_array (root,
                                                                                          "offers"),
                                                                               0),
                                                  "provider"),
                   ==, "Kerveo Services Managés");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "weights"),
                                               "sla"), ==, 20);

  cs_cli_run (&text, "compare", path, NULL);
  cs_cli_assert_success (&text);
  g_assert_nonnull (strstr (text.out, "28 of 60"));
  g_assert_nonnull (strstr (text.out, "leaves 32 assets not addressed"));

  cs_cli_run (&bad_weights, "compare", path, "--weights", "sla=90", NULL);
  cs_cli_assert_failure (&bad_weights, 2);
  g_assert_nonnull (strstr (bad_weights.err, "sum to"));

  cs_cli_run (&bad_format, "compare", path, "--format", "docx", NULL);
  cs_cli_assert_failure (&bad_format, 2);

  /* Documents through the shared writers, to a file only. */
  {
    g_autofree char *xlsx = cs_test_build_path ("compare.xlsx");
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_auto(CsCliRun) written_xlsx = { 0 };
    g_auto(CsCliRun) no_output = { 0 };

    cs_cli_run (&written_xlsx, "compare", path, "--format", "xlsx", "-o", xlsx, NULL);
    cs_cli_assert_success (&written_xlsx);
    g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 4);
    g_assert_cmpmem (contents, 2, "PK", 2);

    cs_cli_run (&no_output, "compare", path, "--format", "pdf", NULL);
    cs_cli_assert_failure (&no_output, 2);
  }

  cs_test_assert_unchanged (path, sha256);
}

/* The rows left out of the rejected list are counted with the plural the count takes. */
static void
test_import_plural (void)
{
  static const struct { guint n_bad; const char *more; } cases[] = {
    { 21, "  … and 1 more rejected row (see --report)\n" },
    { 22, "  … and 2 more rejected rows (see --report)\n" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *name = g_strdup_printf ("plural-%u.contractscope", cases[c].n_bad);
      g_autofree char *csv_name = g_strdup_printf ("plural-%u.csv", cases[c].n_bad);
      g_autofree char *path = cs_test_build_path (name);
      g_autofree char *csv = cs_test_build_path (csv_name);
      g_autoptr(GString) text = g_string_new ("\"Name\";\"Entity\";\"Status\";\"Type\";\"Location\"\n"
                                              "\"FW-EDGE\";\"Root\";\"In use\";\"Firewall\";\"Paris\"\n");
      g_autoptr(GError) error = NULL;
      g_auto(CsCliRun) created = { 0 };
      g_auto(CsCliRun) imported = { 0 };

      for (guint i = 0; i < cases[c].n_bad; i++)
        g_string_append_printf (text, "\"MYSTERY-%u\";\"Root\";\"In use\";\"Flux capacitor\";\"Paris\"\n",
                                i);
      g_assert_true (g_file_set_contents (csv, text->str, -1, &error));
      g_assert_no_error (error);

      cs_cli_run (&created, "new", path, "--client", "Plural SA", NULL);
      cs_cli_assert_success (&created);
      cs_cli_run (&imported, "import-assets", path, csv, NULL);
      assert_partial (&imported);
      g_assert_cmpint (count_line (imported.out, "Imported: "), ==, 1);
      g_assert_cmpint (count_line (imported.out, "Rejected: "), ==, (int) cases[c].n_bad);
      g_assert_nonnull (strstr (imported.out, cases[c].more));
    }
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
  g_test_add_func ("/cli/show", test_show);
  g_test_add_func ("/cli/lint", test_lint);
  g_test_add_func ("/cli/score", test_score);
  g_test_add_func ("/cli/show-matches-score", test_show_matches_score);
  g_test_add_func ("/cli/compare", test_compare);
  g_test_add_func ("/cli/import-assets", test_import_assets);
  g_test_add_func ("/cli/import-assets/plural", test_import_plural);

  return g_test_run ();
}
