/* bench-import-sites.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing many new sites is linear (issue 13, item 8): 100,000 rows naming 100,000 distinct
 * sites against 100,000 rows naming one site, each into a new project. The two sides alternate,
 * N_RUNS times each, and the medians are compared. Target: ratio ≤ 2.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "cs-csv-import.h"
#include "cs-store.h"

#define N_ROWS 100000
#define N_RUNS 3

static GBytes *
make_csv (gboolean distinct_sites)
{
  GString *csv = g_string_new ("Name;Category;Site;Serial\n");

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (csv, "asset-%u;Laptop;%s %u;SN%u\n", i, "Site",
                            distinct_sites ? i : 0, i);

  return g_string_free_to_bytes (csv);
}

static double
import_once (const char *dir,
             GBytes     *csv,
             guint       run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("sites-%u.contractscope", run);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(CsStore) store = cs_store_create (path, "Bench", &error);
  g_autoptr(CsCsvImport) import = NULL;
  g_autoptr(CsCsvReport) report = NULL;
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  import = cs_csv_import_new_for_bytes (csv, "sites.csv", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  report = cs_csv_import_run (import, store, FALSE, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, N_ROWS);
  cs_store_close (store);
  g_unlink (path);

  return seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-sites-XXXXXX", &error);
  g_autoptr(GBytes) one = make_csv (FALSE);
  g_autoptr(GBytes) many = make_csv (TRUE);
  double one_times[N_RUNS], many_times[N_RUNS];

  g_assert_no_error (error);
  for (guint run = 0; run < N_RUNS; run++)
    {
      one_times[run] = import_once (dir, one, 2 * run);
      many_times[run] = import_once (dir, many, 2 * run + 1);
      g_print ("run %u: one site %.3f s, %u sites %.3f s\n", run, one_times[run], N_ROWS,
               many_times[run]);
    }
  qsort (one_times, N_RUNS, sizeof (double), compare_doubles);
  qsort (many_times, N_RUNS, sizeof (double), compare_doubles);
  g_print ("rows: %u, runs: %u each (alternated)\n", N_ROWS, N_RUNS);
  g_print ("ratio of medians, %u sites / one site: %.2f (target ≤ 2)\n", N_ROWS,
           many_times[N_RUNS / 2] / one_times[N_RUNS / 2]);
  g_rmdir (dir);

  return 0;
}
