/* bench-contract.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "cs-contract.h"

/*
 * Reads a 60-page contract (target: ≤ 3 s from opening the file to the proposals): the EN
 * fixture's twelve articles repeated with new numbers until the PDF has 60 pages, rendered by
 * tests/make-contract-fixtures to PDF, ODT, DOCX and text. Each round reads the file, splits,
 * sorts, lints every clause and proposes values; the median of the rounds is compared with the
 * target, with the CPU time next to it (other work on the machine shows in wall time only).
 */

#define N_ROUNDS 5
#define TARGET_S 3.0
#define N_COPIES 13

#ifndef CS_FIXTURE_TOOL
#error "CS_FIXTURE_TOOL must name make-contract-fixtures"
#endif

/* The EN source with its articles repeated @n_copies times, renumbered. */
static char *
build_source (const char *path,
              guint       n_copies)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);

  for (guint copy = 0; copy < n_copies; copy++)
    {
      gboolean in_annex = FALSE;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *line = lines[i];
          guint offset = copy * 12;
          char *end = NULL;
          guint64 number = 0;

          if (g_str_has_prefix (line, "# Annex"))
            in_annex = TRUE;
          /* the title and preamble once at the start, the annexes once at the end */
          if ((copy > 0 && (g_str_has_prefix (line, "= ") || g_str_has_prefix (line, "This ")))
              || (in_annex && copy + 1 < n_copies))
            continue;
          if (g_str_has_prefix (line, "# Article "))
            {
              number = g_ascii_strtoull (line + 10, &end, 10);
              g_string_append_printf (out, "# Article %" G_GUINT64_FORMAT "%s\n", number + offset, end);
            }
          else if (!in_annex && g_ascii_isdigit (*line)
                   && (number = g_ascii_strtoull (line, &end, 10)) > 0 && *end == '.')
            g_string_append_printf (out, "%" G_GUINT64_FORMAT "%s\n", number + offset, end);
          else
            g_string_append_printf (out, "%s\n", line);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
measure (CsLinter   *linter,
         const char *path,
         const char *format)
{
  double wall[N_ROUNDS], cpu = 0;
  guint pages = 0, clauses = 0, proposals = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(CsContractDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_seconds ();

      document = cs_contract_document_new_from_file (path, NULL, &error);
      if (document == NULL || !cs_contract_document_analyse (document, linter, NULL, &error))
        g_error ("%s: %s", path, error->message);
      wall[round] = (g_get_monotonic_time () - start) / 1e6;
      cpu += cpu_seconds () - cpu_start;
      pages = cs_contract_document_get_n_pages (document);
      clauses = cs_contract_document_get_n_clauses (document);
      proposals = cs_contract_document_get_n_proposals (document);
    }
  qsort (wall, N_ROUNDS, sizeof wall[0], compare_doubles);
  g_print ("%-5s %3u pages %4u clauses %3u proposals: median %.3f s (CPU %.3f s), target %.1f s: %.2f × the target\n",
           format, pages, clauses, proposals, wall[N_ROUNDS / 2], cpu / N_ROUNDS, TARGET_S,
           wall[N_ROUNDS / 2] / TARGET_S);
}

int
main (void)
{
  static const char * const formats[] = { "pdf", "odt", "docx", "txt" };
  g_autofree char *dir = g_dir_make_tmp ("bench-contract-XXXXXX", NULL);
  g_autofree char *src = g_build_filename (dir, "long-en.src", NULL);
  g_autofree char *stem = g_build_filename (dir, "long-en", NULL);
  g_autofree char *fixture = g_build_filename (CS_SOURCE_DIR, "tests", "data", "contracts",
                                               "managed-en.src", NULL);
  g_autofree char *source = build_source (fixture, N_COPIES);
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { CS_FIXTURE_TOOL, "render", src, stem, NULL };
  int status = 0;

  if (!g_file_set_contents (src, source, -1, &error)
      || !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                        NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  linter = cs_linter_new_default (&error);
  if (linter == NULL)
    g_error ("%s", error->message);

  g_print ("Reading a long contract (EN fixture repeated %u times), %d rounds each:\n", N_COPIES,
           N_ROUNDS);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", stem, formats[i]);

      measure (linter, path, formats[i]);
      g_unlink (path);
    }
  g_unlink (src);
  g_rmdir (dir);
  return 0;
}
