/* test-cli-export.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cs-cli-test-utils.h"
#include "cs-test-utils.h"

/* The built contract-scope-cli, from tests/meson.build. */
#ifndef CS_CLI_PATH
#error "CS_CLI_PATH must name the contract-scope-cli executable"
#endif

/* One line on stderr, named after the program, and nothing on stdout. */
static void
assert_failure (const CsCliRun *run,
                int             status,
                const char     *fragment)
{
  cs_cli_assert_failure (run, status);
  g_assert_nonnull (strstr (run->err, fragment));
}

static char *
new_demo (const char *name)
{
  g_autofree char *path = cs_test_build_path (name);
  g_auto(CsCliRun) created = { 0 };

  cs_cli_run (&created, "new", path, "--demo", NULL);
  cs_cli_assert_success (&created);
  return g_steal_pointer (&path);
}

/* Each document in each format, from the demo project. */
static void
test_export_formats (void)
{
  g_autofree char *project = new_demo ("formats.contractscope");
  g_autofree char *hash = cs_test_file_sha256 (project);
  /* the report twice: of one offer, and of all (its tables repeat their titles per offer) */
  const char *documents[] = { "reversibility", "report", "report" };
  const char *offers[] = { "Rhône", "Rhône", NULL };
  const char *formats[] = { "pdf", "html", "csv", "xlsx", "md" };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%u.%s", documents[d], d, formats[f]);
        g_autofree char *output = cs_test_build_path (name);
        g_auto(CsCliRun) run = { 0 };

        if (offers[d] != NULL)
          cs_cli_run (&run, "export", project, "--document", documents[d],
                      "--format", formats[f], "--offer", offers[d], "-o", output, NULL);
        else
          cs_cli_run (&run, "export", project, "--document", documents[d],
                      "--format", formats[f], "-o", output, NULL);
        cs_cli_assert_success (&run);
        g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
      }
  /* read-only documents leave the project byte for byte as it was */
  cs_test_assert_unchanged (project, hash);
}

static void
test_export_reversibility_pdf (void)
{
  g_autofree char *project = new_demo ("pdf.contractscope");
  g_autofree char *output = cs_test_build_path ("Altimance.pdf");
  g_auto(CsCliRun) run = { 0 };
  g_auto(CsCliRun) info = { 0 };
  g_auto(CsCliRun) text = { 0 };

  cs_cli_run (&run, "export", project, "--document", "reversibility", "--offer",
              "altimance", "--paper", "letter", "--lang", "fr", "--notice-date", "2027-01-15",
              "-o", output, NULL);
  cs_cli_assert_success (&run);
  cs_cli_run_program (&info, "pdfinfo", output, NULL);
  cs_cli_assert_status (&info, 0);
  g_assert_nonnull (strstr (info.out, "792 x 612 pts (letter)"));
  cs_cli_run_program (&text, "pdftotext", output, "-", NULL);
  cs_cli_assert_status (&text, 0);
  g_assert_nonnull (strstr (text.out, "Checklist de réversibilité"));
  g_assert_nonnull (strstr (text.out, "Altimance Infogérance"));
  /* deadlines as dates after the notice */
  g_assert_true (g_regex_match_simple ("\\d+(er)? (janvier|février|mars|avril|mai) 2027", text.out,
                                       0, 0));
}

static void
test_export_questions_recorded (void)
{
  g_autofree char *project = new_demo ("questions.contractscope");
  g_autofree char *output = cs_test_build_path ("questions.md");
  g_auto(CsCliRun) run = { 0 };
  g_auto(CsCliRun) count = { 0 };

  cs_cli_run (&run, "export", project, "--document", "questions", "--offer", "1",
              "-o", output, NULL);
  cs_cli_assert_success (&run);
  cs_cli_run_program (&count, "sqlite3", project, "SELECT count(*) > 5 FROM provider_question",
                      NULL);
  cs_cli_assert_status (&count, 0);
  g_assert_cmpstr (count.out, ==, "1\n");
}

/* --document xml: the whole project in the exchange format, as export-xml writes it. */
static void
test_export_xml (void)
{
  g_autofree char *project = new_demo ("xml.contractscope");
  g_autofree char *output = cs_test_build_path ("project.xml");
  g_autofree char *again = cs_test_build_path ("again.xml");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(CsCliRun) run = { 0 };
  g_auto(CsCliRun) reference = { 0 };
  g_auto(CsCliRun) refused = { 0 };

  cs_cli_run (&run, "export", project, "--document", "xml", "-o", output, NULL);
  cs_cli_assert_success (&run);
  cs_cli_run (&reference, "export-xml", project, "-o", again, NULL);
  cs_cli_assert_success (&reference);
  g_assert_true (g_file_get_contents (output, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "Maison Verdier Distribution"));

  cs_cli_run (&refused, "export", project, "--document", "xml", "-o", output, NULL);
  assert_failure (&refused, 1, "already exists");
}

static void
test_export_refusals (void)
{
  g_autofree char *project = new_demo ("refusals.contractscope");
  g_autofree char *project_hash = cs_test_file_sha256 (project);
  g_autofree char *existing = cs_test_build_path ("existing.pdf");
  g_autofree char *existing_hash = NULL;
  g_autofree char *replaced_hash = NULL;
  g_auto(CsCliRun) exists = { 0 };
  g_auto(CsCliRun) itself = { 0 };
  g_auto(CsCliRun) xml = { 0 };
  g_auto(CsCliRun) format = { 0 };
  g_auto(CsCliRun) offer = { 0 };
  g_auto(CsCliRun) forced = { 0 };

  cs_test_write_file (existing, "precious", 8);
  existing_hash = cs_test_file_sha256 (existing);

  cs_cli_run (&exists, "export", project, "--document", "report", "-o", existing,
              NULL);
  assert_failure (&exists, 1, "already exists");
  cs_test_assert_unchanged (existing, existing_hash);

  cs_cli_run (&itself, "export", project, "--document", "report", "--format", "pdf",
              "--force", "-o", project, NULL);
  assert_failure (&itself, 1, "is the project itself");
  cs_test_assert_unchanged (project, project_hash);

  cs_cli_run (&xml, "export", project, "--document", "xml", "--format", "pdf",
              "-o", "/nonexistent/out.pdf", NULL);
  assert_failure (&xml, 2, "xml format only");

  cs_cli_run (&format, "export", project, "--document", "report", "-o",
              "/nonexistent/out.docx", NULL);
  assert_failure (&format, 2, "Unknown format");

  cs_cli_run (&offer, "export", project, "--document", "reversibility", "-o",
              "/nonexistent/out.pdf", NULL);
  assert_failure (&offer, 1, "several offers");

  cs_cli_run (&forced, "export", project, "--document", "report", "--force", "-o",
              existing, NULL);
  cs_cli_assert_success (&forced);
  replaced_hash = cs_test_file_sha256 (existing);
  g_assert_cmpstr (replaced_hash, !=, existing_hash);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/export/formats", test_export_formats);
  g_test_add_func ("/cli/export/reversibility-pdf", test_export_reversibility_pdf);
  g_test_add_func ("/cli/export/questions-recorded", test_export_questions_recorded);
  g_test_add_func ("/cli/export/xml", test_export_xml);
  g_test_add_func ("/cli/export/refusals", test_export_refusals);

  return g_test_run ();
}
