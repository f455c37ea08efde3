/* bench-export.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "cs-bench-utils.h"
#include "cs-demo.h"
#include "cs-handover.h"

/*
 * The handed-over documents, printed as measured vs target:
 * - the reversibility checklist PDF of each demo offer, built and written (target ≤ 200 ms,
 *   the median of the rounds);
 * - the review report PDF of a project with 100,000 assets and 5 offers, whose perimeter annex
 *   lists every asset with its coverage under each offer (targets ≤ 10 s and ≤ 300 MB of peak
 *   resident memory, measured in a child process of its own so that nothing else counts).
 */

#define N_ROUNDS 9

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_reversibility (const char *dir)
{
  g_autofree char *project = g_build_filename (dir, "demo.contractscope", NULL);
  g_autofree char *output = g_build_filename (dir, "reversibility.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_demo_create (project, &error);
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (&error);
  g_autoptr(CsLinter) linter = cs_linter_new_default (&error);
  GListModel *offers;
  double times[N_ROUNDS];

  g_assert_no_error (error);
  offers = cs_store_get_offers (store);
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, round % g_list_model_get_n_items (offers));
      g_autoptr(CsDocument) doc = NULL;
      gint64 start = g_get_monotonic_time ();

      doc = cs_handover_build_reversibility (store, checklist, linter, cs_record_get_id (offer),
                                             NULL, NULL, &error);
      if (doc == NULL || !cs_document_write (doc, CS_DOCUMENT_FORMAT_PDF, output, TRUE, NULL, &error))
        g_error ("%s", error->message);
      times[round] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, N_ROUNDS, sizeof (double), compare_doubles);
  g_print ("reversibility checklist PDF (demo, median of %d): %.1f ms, target 200 ms, "
           "ratio %.2f\n", N_ROUNDS, times[N_ROUNDS / 2], times[N_ROUNDS / 2] / 200.0);
  cs_store_close (store);
}

/* In the child: builds and writes the report, prints "seconds peak-KiB cpu-seconds
 * build-seconds" (the last: building the document model, before the PDF is written). */
static int
run_report (const char *project,
            const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_open (project, CS_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (&error);
  g_autoptr(CsLinter) linter = cs_linter_new_default (&error);
  g_autoptr(CsDocument) doc = NULL;
  struct rusage usage;
  gint64 start, built;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  doc = cs_handover_build_report (store, checklist, linter, 0, "en", &error);
  built = g_get_monotonic_time ();
  if (doc == NULL || !cs_document_write (doc, CS_DOCUMENT_FORMAT_PDF, output, TRUE, NULL, &error))
    g_error ("%s", error->message);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%.3f %" G_GUINT64_FORMAT " %.3f %.3f\n", (g_get_monotonic_time () - start) / 1e6,
           cs_bench_status_kib ("VmHWM:"),
           usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
           (built - start) / 1e6);
  return 0;
}

static void
bench_report (const char *self,
              const char *dir)
{
  g_autofree char *project = g_build_filename (dir, "bench.contractscope", NULL);
  g_autofree char *output = g_build_filename (dir, "report.pdf", NULL);
  const char *argv[] = { self, "--report", project, output, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  double seconds = 0, cpu = 0, build = 0;
  guint64 peak_kib = 0;
  GStatBuf st;
  int status = 0;

  cs_bench_build_project (project);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  if (sscanf (out, "%lf %" G_GUINT64_FORMAT " %lf %lf", &seconds, &peak_kib, &cpu, &build) != 4)
    g_error ("unexpected output: %s", out);
  g_assert_cmpint (g_stat (output, &st), ==, 0);

  /* On a shared machine the wall-clock time includes waiting for a CPU: the process's own CPU
   * time (whole process, opening included) is printed next to it. */
  g_print ("review report PDF, %d assets x %d offers: %.2f s, target 10 s, ratio %.2f "
           "(CPU time %.2f s, ratio %.2f)\n", CS_BENCH_N_ASSETS, CS_BENCH_N_OFFERS, seconds,
           seconds / 10.0, cpu, cpu / 10.0);
  g_print ("review report PDF: building the document %.2f s, writing the PDF %.2f s\n", build,
           seconds - build);
  g_print ("review report PDF, peak resident memory: %.0f MB, target 300 MB, ratio %.2f "
           "(PDF of %.1f MB)\n", peak_kib / 1024.0, peak_kib / 1024.0 / 300.0,
           st.st_size / 1048576.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  if (argc == 4 && g_str_equal (argv[1], "--report"))
    return run_report (argv[2], argv[3]);
  /* For profiling the report alone: --build PROJECT, then --report PROJECT OUTPUT. */
  if (argc == 3 && g_str_equal (argv[1], "--build"))
    {
      cs_bench_build_project (argv[2]);
      return 0;
    }

  dir = g_dir_make_tmp ("cs-bench-export-XXXXXX", NULL);
  g_assert_nonnull (dir);
  bench_reversibility (dir);
  bench_report (argv[0], dir);

  /* leave nothing behind */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
