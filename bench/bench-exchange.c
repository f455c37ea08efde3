/* bench-exchange.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XML exchange on a project with 100,000 assets and 5 offers managing every one of them
 * (600,000 rows): export to a file and import into a new project, timed side by side with
 * "Save a Copy" of the same project (SQLite's VACUUM INTO), and the peak resident memory each
 * adds (VmHWM, reset before each step). Prints the ratios; asserts nothing.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "cs-bench-utils.h"
#include "cs-exchange.h"
#include "cs-store.h"

static void
reset_peak (void)
{
  /* Linux: "5" resets VmHWM to the current resident size. */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-exchange-XXXXXX", &error);
  g_autofree char *project = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *imported = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsStore) result = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  double t_copy, t_export, t_import;
  double c_copy, c_export, c_import, c_start;
  guint64 base, peak_export, peak_import;
  gint64 start;

  g_assert_no_error (error);
  project = g_build_filename (dir, "big.contractscope", NULL);
  copy = g_build_filename (dir, "copy.contractscope", NULL);
  xml = g_build_filename (dir, "big.xml", NULL);
  imported = g_build_filename (dir, "imported.contractscope", NULL);

  cs_bench_build_project (project);
  store = cs_store_open (project, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  c_start = cpu_seconds ();
  start = g_get_monotonic_time ();
  if (!cs_store_save_copy (store, copy, &error))
    g_error ("%s", error->message);
  t_copy = (g_get_monotonic_time () - start) / 1e6;
  c_copy = cpu_seconds () - c_start;

  reset_peak ();
  base = cs_bench_status_kib ("VmRSS:");
  c_start = cpu_seconds ();
  start = g_get_monotonic_time ();
  if (!cs_exchange_export_to_file (store, xml, &error))
    g_error ("%s", error->message);
  t_export = (g_get_monotonic_time () - start) / 1e6;
  c_export = cpu_seconds () - c_start;
  peak_export = cs_bench_status_kib ("VmHWM:") - base;

  mapped = g_mapped_file_new (xml, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);

  reset_peak ();
  base = cs_bench_status_kib ("VmRSS:");
  c_start = cpu_seconds ();
  start = g_get_monotonic_time ();
  result = cs_exchange_import_to_new_project (bytes, imported, &error);
  if (result == NULL)
    g_error ("%s", error->message);
  t_import = (g_get_monotonic_time () - start) / 1e6;
  c_import = cpu_seconds () - c_start;
  peak_import = cs_bench_status_kib ("VmHWM:") - base;

  g_print ("exchange: %u assets, %u offers, XML %.1f MiB\n", CS_BENCH_N_ASSETS,
           CS_BENCH_N_OFFERS, g_bytes_get_size (bytes) / (1024.0 * 1024.0));
  g_print ("                         wall s  CPU s  CPU ratio to save a copy\n");
  g_print ("save a copy (reference) %7.2f %6.2f\n", t_copy, c_copy);
  g_print ("export to XML           %7.2f %6.2f  %5.1f  peak +%" G_GUINT64_FORMAT " MiB\n",
           t_export, c_export, c_export / c_copy, peak_export / 1024);
  g_print ("import into a new file  %7.2f %6.2f  %5.1f  peak +%" G_GUINT64_FORMAT " MiB"
           " (the mapped XML counts as it is read)\n",
           t_import, c_import, c_import / c_copy, peak_import / 1024);

  cs_store_close (result);
  cs_store_close (store);
  g_unlink (project);
  g_unlink (copy);
  g_unlink (xml);
  g_unlink (imported);
  g_rmdir (dir);

  return 0;
}
