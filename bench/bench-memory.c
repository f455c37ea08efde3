/* bench-memory.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Resident memory of a process that opens a project with 100,000 assets and 5 offers (built
 * with the bulk API and cs_store_set_coverage()) and materialises every asset once through a
 * CsAssetList, as scrolling the whole inventory does, compared with the same steps on an empty
 * project, in the same run. Each measurement runs in a fresh process (this program run again
 * with --measure), so that neither sees the other's memory.
 *
 * DESIGN's target (≤ 2 × an empty project) is for the GUI process, whose toolkit adds the
 * same tens of megabytes to both sides; this is the part the store controls. The third line
 * shows what keeping every record (as the store's cache did before) costs.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cs-bench-utils.h"
#include "cs-perimeter.h"
#include "cs-store.h"

#define N_RUNS   3

/* In the child: open, scroll through every asset once, report VmRSS and VmHWM in KiB. */
static int
measure (const char *path,
         gboolean    pin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(CsAssetList) list = NULL;
  GListModel *offers = NULL;
  guint n = 0;

  if (store == NULL)
    g_error ("%s", error->message);
  offers = cs_store_get_offers (store);
  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      guint counts[CS_N_COVERAGE_STATES] = { 0 };

      cs_store_count_coverage_states (store, cs_record_get_id (offer), counts, NULL, NULL);
    }

  list = cs_asset_list_new (store, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsRecord) asset = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (asset);
      if (pin)
        cs_store_find (store, CS_TYPE_ASSET, cs_record_get_id (asset));
    }

  g_print ("%u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n", n, cs_bench_status_kib ("VmRSS:"),
           cs_bench_status_kib ("VmHWM:"));

  return 0;
}

static void
run_child (const char *self_path,
           const char *project,
           gboolean    pin,
           guint      *out_n,
           guint64    *out_rss,
           guint64    *out_hwm)
{
  const char *argv[] = { self_path, pin ? "--measure-pinned" : "--measure", project, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("measuring failed: %s", error->message);
  if (sscanf (output, "%u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, out_n, out_rss, out_hwm) != 3)
    g_error ("unexpected output: %s", output);
}

static int
compare_uint64 (gconstpointer a,
                gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *self_path = NULL;
  guint64 rss_big[N_RUNS], rss_empty[N_RUNS], rss_pinned[N_RUNS];
  guint64 hwm_big = 0, hwm_empty = 0, hwm_pinned = 0;
  guint n_big = 0, n_empty = 0, n_pinned = 0;

  if (argc == 3 && g_str_equal (argv[1], "--measure"))
    return measure (argv[2], FALSE);
  if (argc == 3 && g_str_equal (argv[1], "--measure-pinned"))
    return measure (argv[2], TRUE);

  self_path = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("cs-bench-memory-XXXXXX", &error);
  g_assert_no_error (error);
  big = g_build_filename (dir, "big.contractscope", NULL);
  empty = g_build_filename (dir, "empty.contractscope", NULL);
  cs_bench_build_project (big);
  {
    g_autoptr(CsStore) store = cs_store_create (empty, "Bench", &error);

    g_assert_no_error (error);
  }

  for (guint r = 0; r < N_RUNS; r++)
    {
      guint64 hwm = 0;

      run_child (self_path, empty, FALSE, &n_empty, &rss_empty[r], &hwm);
      hwm_empty = MAX (hwm_empty, hwm);
      run_child (self_path, big, FALSE, &n_big, &rss_big[r], &hwm);
      hwm_big = MAX (hwm_big, hwm);
      run_child (self_path, big, TRUE, &n_pinned, &rss_pinned[r], &hwm);
      hwm_pinned = MAX (hwm_pinned, hwm);
    }
  qsort (rss_empty, N_RUNS, sizeof (guint64), compare_uint64);
  qsort (rss_big, N_RUNS, sizeof (guint64), compare_uint64);
  qsort (rss_pinned, N_RUNS, sizeof (guint64), compare_uint64);
  g_assert_cmpuint (n_empty, ==, 0);
  g_assert_cmpuint (n_big, ==, CS_BENCH_N_ASSETS);

  g_print ("resident memory after opening and scrolling through every asset once "
           "(core only, without the GUI toolkit; medians of %u processes each):\n", N_RUNS);
  g_print ("  empty project: VmRSS %" G_GUINT64_FORMAT " KiB (peak %" G_GUINT64_FORMAT " KiB)\n",
           rss_empty[N_RUNS / 2], hwm_empty);
  g_print ("  %u assets, %u offers: VmRSS %" G_GUINT64_FORMAT " KiB (peak %" G_GUINT64_FORMAT " KiB)\n",
           n_big, CS_BENCH_N_OFFERS, rss_big[N_RUNS / 2], hwm_big);
  g_print ("  same, every asset kept by the store (the cache before): VmRSS %" G_GUINT64_FORMAT
           " KiB (peak %" G_GUINT64_FORMAT " KiB)\n", rss_pinned[N_RUNS / 2], hwm_pinned);
  g_print ("ratio %u assets / empty: %.2f (DESIGN target ≤ 2 is for the GUI process; this is "
           "the store's part)\n", n_big, (double) rss_big[N_RUNS / 2] / rss_empty[N_RUNS / 2]);
  g_print ("ratio with every asset kept / empty: %.2f\n",
           (double) rss_pinned[N_RUNS / 2] / rss_empty[N_RUNS / 2]);

  g_unlink (big);
  g_unlink (empty);
  g_rmdir (dir);

  return 0;
}
