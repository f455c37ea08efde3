/* bench-import.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports a generated 100,000-row asset CSV into a fresh project and compares the time with
 * the sqlite3 shell's `.import` of the same file into a plain table, measured in the same run:
 * the two sides alternate, N_RUNS times each, and the medians are compared. Target: ratio ≤ 1.5.
 * Both sides include opening the file and the final commit; ours also includes reading the
 * CSV header, detecting the mapping and refreshing the store after the commit.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cs-csv-import.h"
#include "cs-store.h"

#define N_ROWS 100000
#define N_RUNS 7

static void
write_csv (const char *path)
{
  static const char * const types[] = { "Laptop", "Desktop", "Server", "Switch", "Printer",
                                        "Firewall", "Phone", "NAS" };
  g_autoptr(GString) csv = g_string_new ("Name,Type,Location,Serial number,Manufacturer,Model,Quantity,User,Comments\n");

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (csv, "HOST-%06u,%s,Site %u > Building %u > Room %u,SN%08u,Vendor %u,"
                            "Model %u,1,user%u@example.com,\"Imported, row %u\"\n",
                            i, types[i % G_N_ELEMENTS (types)], i % 12, i % 3, i % 40, i * 7,
                            i % 20, i % 90, i % 5000, i);
  g_file_set_contents (path, csv->str, csv->len, NULL);
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

static double
time_ours (const char *dir,
           const char *csv,
           guint       run)
{
  g_autofree char *name = g_strdup_printf ("ours-%u.contractscope", run);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_create (path, "Bench", &error);
  g_autoptr(CsCsvImport) import = NULL;
  g_autoptr(CsCsvReport) report = NULL;
  gint64 start;
  double elapsed;

  if (store == NULL)
    g_error ("project not created: %s", error->message);
  start = g_get_monotonic_time ();
  import = cs_csv_import_new_for_path (csv, &error);
  if (import != NULL)
    report = cs_csv_import_run (import, store, FALSE, NULL, &error);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  if (report == NULL)
    g_error ("import failed: %s", error->message);
  if (report->n_imported != N_ROWS)
    g_error ("imported %u rows, expected %u", report->n_imported, N_ROWS);

  return elapsed;
}

static double
time_shell (const char *dir,
            const char *csv,
            guint       run)
{
  g_autofree char *name = g_strdup_printf ("shell-%u.db", run);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' t", csv);
  const char *argv[] = { "sqlite3", path, "-cmd", ".mode csv", import, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3 failed: %s", error->message);

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "assets.csv", NULL);
  double ours[N_RUNS], shell[N_RUNS];
  double ours_median, shell_median;

  write_csv (csv);
  for (guint run = 0; run < N_RUNS; run++)
    {
      /* Alternate which side goes first, so that neither always gets the warmer cache. */
      if (run % 2 == 0)
        {
          shell[run] = time_shell (dir, csv, run);
          ours[run] = time_ours (dir, csv, run);
        }
      else
        {
          ours[run] = time_ours (dir, csv, run);
          shell[run] = time_shell (dir, csv, run);
        }
      g_print ("run %u: sqlite3 .import %.3f s, contract-scope import %.3f s\n",
               run + 1, shell[run], ours[run]);
    }
  shell_median = median (shell, N_RUNS);
  ours_median = median (ours, N_RUNS);

  g_print ("rows: %u, runs: %u each (alternated)\n", N_ROWS, N_RUNS);
  g_print ("sqlite3 .import: median %.3f s\n", shell_median);
  g_print ("contract-scope import: median %.3f s\n", ours_median);
  g_print ("ratio of medians: %.2f (target ≤ 1.5)\n", ours_median / shell_median);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *a = g_strdup_printf ("%s/ours-%u.contractscope", dir, run);
      g_autofree char *b = g_strdup_printf ("%s/shell-%u.db", dir, run);

      g_unlink (a);
      g_unlink (b);
    }
  g_unlink (csv);
  g_rmdir (dir);

  return ours_median / shell_median <= 1.5 ? 0 : 1;
}
