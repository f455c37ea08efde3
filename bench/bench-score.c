/* bench-score.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cs-checklist.h"
#include "cs-store.h"

/*
 * Scores every offer of a project with 100,000 assets and 5 offers (target: ≤ 100 ms), next to
 * a reference measured in the same run, alternated with it: a plain
 * `SELECT category, COUNT(*) FROM asset GROUP BY category` over the same 100,000 rows.
 *
 * "After an edit" is the figure that counts: each round first changes the project (as the
 * consultant does between two looks at the dashboard), which drops the aggregates the store
 * keeps, then scores all offers with cs_checklist_evaluate_all(). "Unchanged" scores again
 * with nothing changed in between (the counts come from the store's cache).
 *
 * The fixture is written with plain SQL for speed; the store opens it with its careful checks.
 */

#define N_ASSETS 100000
#define N_OFFERS 5
#define N_ROUNDS 9

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
build_fixture (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_create (path, "Bench", &error);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < N_OFFERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Provider %u", i + 1);
      g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", name, NULL);

      if (!cs_store_add (store, offer, &error))
        g_error ("%s", error->message);
    }
  cs_store_close (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec (db, "BEGIN");
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
                         "INSERT INTO asset (category, name, criticality) "
                         "SELECT 'endpoint', 'Asset ' || i, 1 + i %% 4 FROM n", N_ASSETS);
  exec (db, sql);
  /* offers manage 95 % of the assets; a policy per offer backs up the critical ones */
  exec (db, "INSERT INTO coverage (offer_id, asset_id, state) "
            "SELECT o.id, a.id, CASE WHEN a.id % 20 = 0 THEN 'excluded' ELSE 'managed' END "
            "FROM offer o, asset a");
  exec (db, "INSERT INTO backup_policy (offer_id, name, frequency_hours, rpo_hours) "
            "SELECT id, 'Servers', 24, 24 FROM offer");
  exec (db, "INSERT INTO backup_scope (policy_id, asset_id) "
            "SELECT p.id, a.id FROM backup_policy p, asset a WHERE a.criticality = 1");
  exec (db, "COMMIT");
  sqlite3_close (db);
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
  g_assert_cmpuint (total, ==, N_ASSETS);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_scoring (CsChecklist *checklist,
              CsStore     *store,
              CsLinter    *linter,
              guint       *out_knock_outs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  reports = cs_checklist_evaluate_all (checklist, store, linter, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, N_OFFERS);
  *out_knock_outs = 0;
  for (guint i = 0; i < reports->len; i++)
    *out_knock_outs += cs_report_get_n_knock_outs (reports->pdata[i]);

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-score-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsChecklist) checklist = NULL;
  g_autoptr(CsLinter) linter = NULL;
  sqlite3 *db = NULL;
  double edited[N_ROUNDS], unchanged[N_ROUNDS], reference[N_ROUNDS];
  double first, edited_median, unchanged_median, reference_median;
  guint knock_outs = 0, again = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.contractscope", NULL);
  build_fixture (path);

  checklist = cs_checklist_new_default (&error);
  g_assert_no_error (error);
  linter = cs_linter_new_default (&error);
  g_assert_no_error (error);

  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_get_offers (store)), ==, N_OFFERS);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  first = time_scoring (checklist, store, linter, &knock_outs);
  for (guint r = 0; r < N_ROUNDS; r++)
    {
      g_autofree char *notes = g_strdup_printf ("Round %u", r);

      reference[r] = time_reference (db);
      if (!cs_store_set_string (store, CS_RECORD (cs_store_get_project (store)), "notes", notes,
                                &error))
        g_error ("%s", error->message);
      edited[r] = time_scoring (checklist, store, linter, &again);
      g_assert_cmpuint (again, ==, knock_outs);
      unchanged[r] = time_scoring (checklist, store, linter, &again);
      g_assert_cmpuint (again, ==, knock_outs);
    }
  sqlite3_close (db);
  cs_store_close (store);

  edited_median = median (edited, N_ROUNDS);
  unchanged_median = median (unchanged, N_ROUNDS);
  reference_median = median (reference, N_ROUNDS);

  g_print ("score all offers (%d assets, %d offers), medians of %d rounds:\n",
           N_ASSETS, N_OFFERS, N_ROUNDS);
  g_print ("  first scoring after open: %.1f ms\n", first);
  g_print ("  after an edit: %.1f ms (target ≤ 100 ms) — %s\n", edited_median,
           edited_median <= 100 ? "OK" : "OVER");
  g_print ("  unchanged project (cached counts): %.1f ms\n", unchanged_median);
  g_print ("reference SELECT category, COUNT(*) FROM asset GROUP BY category: %.1f ms\n",
           reference_median);
  g_print ("ratio after-an-edit / reference: %.1f×\n", edited_median / MAX (reference_median, 0.001));
  g_print ("knock-outs over all offers: %u\n", knock_outs);

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
