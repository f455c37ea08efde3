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
 * a reference measured in the same run: one plain `SELECT COUNT(*) FROM asset`.
 *
 * The fixture is written with plain SQL for speed; the store opens it with its careful checks.
 */

#define N_ASSETS 100000
#define N_OFFERS 5
#define N_ROUNDS 5

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

static double
reference_count (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double best = G_MAXDOUBLE;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint r = 0; r < N_ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      sqlite3_prepare_v2 (db, "SELECT COUNT(*) FROM asset", -1, &stmt, NULL);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, N_ASSETS);
      sqlite3_finalize (stmt);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  sqlite3_close (db);

  return best;
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
  GListModel *offers = NULL;
  double best = G_MAXDOUBLE, first = 0, reference = 0;
  guint knock_outs = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.contractscope", NULL);
  build_fixture (path);

  checklist = cs_checklist_new_default (&error);
  g_assert_no_error (error);
  linter = cs_linter_new_default (&error);
  g_assert_no_error (error);

  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  offers = cs_store_get_offers (store);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, N_OFFERS);

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      knock_outs = 0;
      for (guint i = 0; i < N_OFFERS; i++)
        {
          g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
          g_autoptr(CsReport) report = cs_checklist_evaluate (checklist, store, linter,
                                                              cs_record_get_id (offer), &error);

          g_assert_no_error (error);
          knock_outs += cs_report_get_n_knock_outs (report);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (r == 0)
        first = ms;
      best = MIN (best, ms);
    }

  reference = reference_count (path);
  cs_store_close (store);

  g_print ("score all offers (%d assets, %d offers): first %.1f ms, best of %d %.1f ms "
           "(target ≤ 100 ms) — %s\n", N_ASSETS, N_OFFERS, first, N_ROUNDS, best,
           first <= 100 ? "OK" : "OVER");
  g_print ("reference SELECT COUNT(*) FROM asset: %.2f ms; ratio first/reference %.1f×\n",
           reference, first / MAX (reference, 0.001));
  g_print ("knock-outs over all offers: %u\n", knock_outs);

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
