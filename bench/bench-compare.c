/* bench-compare.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cs-bench-utils.h"
#include "cs-comparison.h"
#include "cs-store.h"

/*
 * Comparing 5 offers on 100,000 assets (issue 11: target ≤ 150 ms). The offers answer
 * different perimeters (each leaves a different slice of the inventory not addressed), so the
 * comparison also counts the critical assets each leaves out. Each round first edits the
 * project, so that no count cached by the store survives; the median of the rounds is
 * printed with a reference query over the same file, side by side. Then the XLSX export of
 * that comparison (target ≤ 1 s), from the comparison to the renamed file.
 */

#define N_ROUNDS 9

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
time_reference (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  guint total = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT category, COUNT(*) FROM asset GROUP BY category",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    total += sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpuint (total, ==, CS_BENCH_N_ASSETS);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Offer i (from 0) leaves i × 1,000 assets not addressed. */
static void
vary_perimeters (CsStore *store)
{
  g_autoptr(GError) error = NULL;
  GListModel *offers = cs_store_get_offers (store);
  CsAssetQuery query = { 0 };
  g_autoptr(GArray) ids = cs_store_query_asset_ids (store, &query, &error);

  g_assert_no_error (error);
  for (guint i = 1; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      g_autoptr(CsCoverageChange) change = NULL;

      change = cs_store_set_coverage (store, cs_record_get_id (offer), (gint64 *) ids->data,
                                      i * 1000, CS_COVERAGE_NOT_ADDRESSED, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

static double
time_xlsx_export (CsStore     *store,
                  CsChecklist *checklist,
                  CsLinter    *linter,
                  const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offers = cs_comparison_list_compared_offers (store);
  g_autoptr(CsComparison) comparison = cs_comparison_new (store, checklist, linter, offers,
                                                          NULL, &error);
  g_autoptr(CsDocument) document = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  document = cs_comparison_to_document (comparison, "Bench", NULL);
  if (!cs_document_write (document, CS_DOCUMENT_FORMAT_XLSX, path, TRUE, NULL, &error))
    g_error ("%s", error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_comparison (CsStore      *store,
                 CsChecklist  *checklist,
                 CsLinter     *linter,
                 char        **out_note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offers = cs_comparison_list_compared_offers (store);
  g_autoptr(CsComparison) comparison = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  comparison = cs_comparison_new (store, checklist, linter, offers, NULL, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpuint (cs_comparison_get_n_offers (comparison), ==, CS_BENCH_N_OFFERS);
  g_free (*out_note);
  *out_note = g_strdup (cs_comparison_find_row (comparison, "money.monthly")->not_comparable);

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-compare-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *note = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsChecklist) checklist = NULL;
  g_autoptr(CsLinter) linter = NULL;
  sqlite3 *db = NULL;
  double compared[N_ROUNDS], reference[N_ROUNDS], exported[N_ROUNDS];
  double first, compared_median, reference_median, exported_median;
  g_autofree char *xlsx = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.contractscope", NULL);
  xlsx = g_build_filename (dir, "comparison.xlsx", NULL);
  cs_bench_build_project (path);

  checklist = cs_checklist_new_default (&error);
  g_assert_no_error (error);
  linter = cs_linter_new_default (&error);
  g_assert_no_error (error);

  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  vary_perimeters (store);
  cs_store_close (store);
  g_clear_object (&store);

  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  first = time_comparison (store, checklist, linter, &note);
  for (guint r = 0; r < N_ROUNDS; r++)
    {
      g_autofree char *notes = g_strdup_printf ("Round %u", r);

      reference[r] = time_reference (db);
      if (!cs_store_set_string (store, CS_RECORD (cs_store_get_project (store)), "notes", notes,
                                &error))
        g_error ("%s", error->message);
      compared[r] = time_comparison (store, checklist, linter, &note);
      exported[r] = time_xlsx_export (store, checklist, linter, xlsx);
    }
  sqlite3_close (db);
  cs_store_close (store);

  compared_median = median (compared, N_ROUNDS);
  exported_median = median (exported, N_ROUNDS);
  reference_median = median (reference, N_ROUNDS);

  g_print ("compare %d offers on %d assets, medians of %d rounds:\n", CS_BENCH_N_OFFERS,
           CS_BENCH_N_ASSETS, N_ROUNDS);
  g_print ("  first comparison after open: %.1f ms\n", first);
  g_print ("  after an edit: %.1f ms (target ≤ 150 ms) — %s\n", compared_median,
           compared_median <= 150 ? "OK" : "OVER");
  g_print ("reference SELECT category, COUNT(*) FROM asset GROUP BY category: %.1f ms\n",
           reference_median);
  g_print ("ratio comparison / reference: %.1f×\n",
           compared_median / MAX (reference_median, 0.001));
  g_print ("XLSX export of that comparison: %.1f ms (target ≤ 1000 ms) — %s\n",
           exported_median, exported_median <= 1000 ? "OK" : "OVER");
  g_print ("ratio export / reference: %.1f×\n", exported_median / MAX (reference_median, 0.001));
  g_print ("perimeters: %s\n", note != NULL ? note : "the same");

  g_unlink (xlsx);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
