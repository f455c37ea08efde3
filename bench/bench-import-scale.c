/* bench-import-scale.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 15's import figures: a 1,000,000-row asset CSV imported by the command line
 * (`contract-scope-cli import-assets`, the whole process) against the sqlite3 shell's `.import`
 * of the same file, alternated in the same run (medians), and the peak resident memory of our
 * process against the CSV's size. Targets: time ≤ 1.2× (stretch ≤ 1.0×), peak RSS ≤ 1.2× the
 * CSV plus a constant. The constant is measured, not assumed: the peak of the same command on
 * a 10-row file, plus the import's page cache bound (32 MB, cs_store_bulk_limit_cache()).
 *
 * CS_BENCH_IMPORT_ROWS changes the size; the files go to a temporary folder, removed after.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#define N_RUNS 3
#define CACHE_BOUND_KB (32 * 1024)

static void
write_csv (const char *path,
           guint       n_rows)
{
  static const char * const types[] = { "Laptop", "Desktop", "Server", "Switch", "Printer",
                                        "Firewall", "Phone", "NAS" };
  g_autoptr(GError) error = NULL;
  FILE *file = g_fopen (path, "w");

  if (file == NULL)
    g_error ("%s: cannot write", path);
  fputs ("Name,Type,Location,Serial number,Manufacturer,Model,Quantity,User,Comments\n", file);
  for (guint i = 0; i < n_rows; i++)
    fprintf (file, "HOST-%07u,%s,Site %u > Building %u > Room %u,SN%08u,Vendor %u,"
             "Model %u,1,user%u@example.com,\"Imported, row %u\"\n",
             i, types[i % G_N_ELEMENTS (types)], i % 12, i % 3, i % 40, i * 7, i % 20, i % 90,
             i % 5000, i);
  if (fclose (file) != 0)
    g_error ("%s: cannot write", path);
}

/* Runs @argv to its end; its wall-clock seconds, and its peak RSS in KiB. */
static double
run (const char * const *argv,
     long               *out_max_rss_kb)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  GPid pid = 0;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD
                      | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (status %d)", argv[0], status);
  if (out_max_rss_kb != NULL)
    *out_max_rss_kb = usage.ru_maxrss;

  return (g_get_monotonic_time () - start) / 1e6;
}

static double
run_ours (const char *dir,
          const char *csv,
          guint       round,
          long       *out_max_rss_kb)
{
  g_autofree char *name = g_strdup_printf ("ours-%u.contractscope", round);
  g_autofree char *project = g_build_filename (dir, name, NULL);
  const char *create[] = { CS_CLI_PATH, "new", project, "--client", "Bench", NULL };
  const char *import[] = { CS_CLI_PATH, "import-assets", project, csv, NULL };
  double seconds;

  run (create, NULL);
  seconds = run (import, out_max_rss_kb);
  g_unlink (project);

  return seconds;
}

static double
run_shell (const char *dir,
           const char *csv,
           guint       round)
{
  g_autofree char *name = g_strdup_printf ("shell-%u.db", round);
  g_autofree char *db = g_build_filename (dir, name, NULL);
  g_autofree char *command = g_strdup_printf (".import '%s' t", csv);
  const char *argv[] = { "sqlite3", db, "-cmd", ".mode csv", command, NULL };
  double seconds = run (argv, NULL);

  g_unlink (db);

  return seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("CS_BENCH_IMPORT_ROWS");
  guint n_rows = size != NULL ? (guint) g_ascii_strtoull (size, NULL, 10) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-import-scale-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "assets.csv", NULL);
  g_autofree char *tiny = g_build_filename (dir, "tiny.csv", NULL);
  double ours[N_RUNS], shell[N_RUNS], rss[N_RUNS];
  double ratio, rss_kb, csv_kb, constant_kb;
  long max_rss = 0, tiny_rss = 0;
  GStatBuf st;

  write_csv (csv, n_rows);
  write_csv (tiny, 10);
  if (g_stat (csv, &st) != 0)
    g_error ("%s: %s", csv, g_strerror (errno));
  csv_kb = st.st_size / 1024.0;
  run_ours (dir, tiny, 0, &tiny_rss);

  for (guint r = 0; r < N_RUNS; r++)
    {
      /* Alternated, so that neither side always finds the file warmer in the page cache. */
      if (r % 2 == 0)
        {
          shell[r] = run_shell (dir, csv, r);
          ours[r] = run_ours (dir, csv, r, &max_rss);
        }
      else
        {
          ours[r] = run_ours (dir, csv, r, &max_rss);
          shell[r] = run_shell (dir, csv, r);
        }
      rss[r] = max_rss;
      g_print ("run %u: sqlite3 .import %.2f s, contract-scope-cli import-assets %.2f s, "
               "peak RSS %.1f MB\n", r + 1, shell[r], ours[r], max_rss / 1024.0);
    }

  ratio = median (ours, N_RUNS) / median (shell, N_RUNS);
  rss_kb = median (rss, N_RUNS);
  constant_kb = tiny_rss + CACHE_BOUND_KB;
  g_print ("\n%u rows, %.1f MB of CSV, %d runs each, alternated (medians):\n\n", n_rows,
           csv_kb / 1024, N_RUNS);
  g_print ("| figure | target | measured | |\n|---|---|---|---|\n");
  g_print ("| CSV import: sqlite3 .import (s) | info | %.2f s | |\n", median (shell, N_RUNS));
  g_print ("| CSV import: contract-scope-cli import-assets (s) | info | %.2f s | |\n",
           median (ours, N_RUNS));
  g_print ("| CSV import: ours / sqlite3 .import | <= 1.2x (stretch 1.0x) | %.2f x | %s |\n",
           ratio, ratio <= 1.0 ? "pass (stretch too)" : ratio <= 1.2 ? "pass" : "MISS");
  g_print ("| CSV import: peak RSS / CSV size | info | %.2f x (%.1f MB) | |\n", rss_kb / csv_kb,
           rss_kb / 1024);
  g_print ("| CSV import: (peak RSS - constant) / CSV size; constant = 10-row import %.1f MB + "
           "page cache bound 32 MB | <= 1.2x | %.2f x | %s |\n", tiny_rss / 1024.0,
           (rss_kb - constant_kb) / csv_kb,
           (rss_kb - constant_kb) / csv_kb <= 1.2 ? "pass" : "MISS");

  g_unlink (csv);
  g_unlink (tiny);
  g_rmdir (dir);

  return 0;
}
