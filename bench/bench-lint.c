/* bench-lint.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <sys/time.h>

#include "cs-linter.h"

/*
 * Lints a 1 MB contract (English and French articles, weak and measurable clauses) with the
 * CLI, `contract-scope-cli lint FILE` (target: ≤ 0.5 s), and in process with
 * cs_linter_check_text() on the same text and on a quarter of it: the linter is linear when
 * the full text costs about four times the quarter.
 *
 * Wall-clock time depends on what else runs on the machine; the CPU time of the process is
 * printed next to it, and the figure to compare with the target is the median of the rounds.
 */

#define N_ROUNDS 5
#define TARGET_S 0.5

static const char * const clauses[] = {
  "The provider will use best efforts to restore the service.",
  "The provider restores a P1 incident within 4 calendar hours of the ticket timestamp.",
  "Backups are checked periodically and restores are billable at the hourly rate.",
  "The provider backs up the file server every night, keeps 30 daily copies and tests a restore every quarter.",
  "Support is provided during business hours; monitoring is 24/7.",
  "The provider guarantees 99.9 % availability per calendar month, measured per service.",
  "Exit assistance will be provided on quotation.",
  "The contract automatically renews for 12 months unless terminated with 90 days' notice.",
  "Le prestataire intervient dans les meilleurs délais.",
  "Le prestataire rétablit le service sous 4 heures ouvrées à compter de l'horodatage du ticket.",
  "La réversibilité fait l'objet d'un devis séparé.",
  "Les sauvegardes restent sous la responsabilité du client.",
  "Le prestataire assure la sauvegarde des données.",
  "Les identifiants sont remis sous 5 jours après la notification, puis les accès sont supprimés.",
};

static char *
build_contract (gsize size)
{
  GString *text = g_string_sized_new (size + 1024);
  guint article = 1;

  while (text->len < size)
    {
      g_string_append_printf (text, "Article %u - Services\n", article);
      for (guint i = 0; i < 4; i++)
        {
          g_string_append (text, clauses[(article * 3 + i) % G_N_ELEMENTS (clauses)]);
          g_string_append_c (text, i % 2 == 0 ? ' ' : '\n');
        }
      g_string_append_c (text, '\n');
      article++;
    }
  g_string_truncate (text, size);
  /* do not cut a character in two */
  while (text->len > 0 && (text->str[text->len - 1] & 0xC0) == 0x80)
    g_string_truncate (text, text->len - 1);
  while (text->len > 0 && (guchar) text->str[text->len - 1] >= 0xC0)
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

static double
cpu_seconds (int who)
{
  struct rusage usage = { 0 };

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *values)
{
  g_qsort_with_data (values, N_ROUNDS, sizeof (double), compare_doubles, NULL);
  return values[N_ROUNDS / 2];
}

/* Runs the CLI on @path; returns the wall time, sets the CPU time of the child. */
static double
run_cli (const char *path,
         double     *out_cpu)
{
  const char *argv[] = { CS_CLI_PATH, "lint", path, NULL };
  g_autoptr(GError) error = NULL;
  double cpu_before = cpu_seconds (RUSAGE_CHILDREN);
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, &error))
    g_error ("%s", error->message);
  /* 1: weak wording found, which the contract has */
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 1)
    g_error ("contract-scope-cli lint exited with status %d", status);

  *out_cpu = cpu_seconds (RUSAGE_CHILDREN) - cpu_before;
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
run_in_process (CsLinter   *linter,
                const char *text,
                gsize       length,
                guint      *out_findings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  gint64 start = g_get_monotonic_time ();

  findings = cs_linter_check_text (linter, text, length, CS_LANGUAGE_ANY, CS_SECTION_DASHBOARD,
                                   0, CS_CLAUSE_SPLIT_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  *out_findings = findings->len;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-lint-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "contract.txt", NULL);
  g_autofree char *text = build_contract (1000 * 1000);
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = strlen (text);
  double wall[N_ROUNDS], cpu[N_ROUNDS], full[N_ROUNDS], quarter[N_ROUNDS];
  guint n_full = 0, n_quarter = 0;
  double cli_wall = 0, cli_cpu = 0;

  if (!g_file_set_contents (path, text, length, &error))
    g_error ("%s", error->message);
  linter = cs_linter_new_default (&error);
  g_assert_no_error (error);

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      wall[r] = run_cli (path, &cpu[r]);
      full[r] = run_in_process (linter, text, length, &n_full);
      quarter[r] = run_in_process (linter, text, length / 4, &n_quarter);
    }

  cli_wall = median (wall);
  cli_cpu = median (cpu);
  g_print ("lint a %.2f MB contract (%u findings), medians of %d rounds:\n", length / 1e6, n_full,
           N_ROUNDS);
  g_print ("  contract-scope-cli lint: %.3f s wall, %.3f s CPU (target ≤ %.1f s) — %s\n",
           cli_wall, cli_cpu, TARGET_S, cli_wall <= TARGET_S ? "met" : cli_cpu <= TARGET_S
           ? "met in CPU time, not in wall time on this loaded machine" : "NOT met");
  g_print ("  ratio CLI wall / target: %.2f×, CLI CPU / target: %.2f×\n", cli_wall / TARGET_S,
           cli_cpu / TARGET_S);
  g_print ("  in process, whole text: %.3f s; a quarter of it: %.3f s (%u findings)\n",
           median (full), median (quarter), n_quarter);
  g_print ("  ratio whole / quarter: %.2f× (4× is linear)\n",
           median (full) / MAX (median (quarter), 1e-6));

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
