/* bench-commit.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One edit's commit: the latency of cs_store_set_string(), which validates, writes and commits
 * the change durably (rollback journal, synchronous=FULL), side by side with a bare SQLite
 * UPDATE in autocommit mode on a file with the same settings, measured in the same run on the
 * same disk. Target: p99 ≤ 8 ms.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cs-store.h"

#define N_EDITS 2000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, (guint) ((samples->len - 1) * p));
}

static GArray *
measure_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_create (path, "Bench", &error);
  g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", "Bench", NULL);
  GArray *samples = g_array_sized_new (FALSE, FALSE, sizeof (double), N_EDITS);

  g_assert_no_error (error);
  if (!cs_store_add (store, offer, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Edit %u", i);
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!cs_store_set_string (store, offer, "notes", text, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }

  return samples;
}

static GArray *
measure_sqlite (const char *path)
{
  GArray *samples = g_array_sized_new (FALSE, FALSE, sizeof (double), N_EDITS);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK
      || sqlite3_exec (db,
                       "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;"
                       "CREATE TABLE offer (id INTEGER PRIMARY KEY, notes TEXT);"
                       "INSERT INTO offer VALUES (1, '');",
                       NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "UPDATE offer SET notes = ?1 WHERE id = 1", -1, &stmt,
                             NULL) != SQLITE_OK)
    g_error ("sqlite: %s", sqlite3_errmsg (db));

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Edit %u", i);
      gint64 start = g_get_monotonic_time ();
      double ms;

      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("sqlite: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return samples;
}

int
main (int   argc,
      char *argv[])
{
  /* In the current folder (the build folder under meson), on the disk projects live on,
   * rather than in a tmpfs or overlay /tmp. */
  g_autofree char *dir = g_strdup ("cs-bench-commit-XXXXXX");
  g_autofree char *store_path = NULL;
  g_autofree char *sqlite_path = NULL;
  g_autoptr(GArray) raw = NULL;
  g_autoptr(GArray) ours = NULL;
  double raw_p50, raw_p99, our_p50, our_p99;

  if (g_mkdtemp (dir) == NULL)
    g_error ("Cannot create a folder in the current directory");
  store_path = g_build_filename (dir, "store.contractscope", NULL);
  sqlite_path = g_build_filename (dir, "plain.sqlite", NULL);

  /* Alternate a warm-up of each so that neither side gets a cold disk cache. */
  g_array_unref (measure_sqlite (sqlite_path));
  g_unlink (sqlite_path);
  raw = measure_sqlite (sqlite_path);
  ours = measure_store (store_path);

  raw_p50 = percentile (raw, 0.50);
  raw_p99 = percentile (raw, 0.99);
  our_p50 = percentile (ours, 0.50);
  our_p99 = percentile (ours, 0.99);

  g_print ("One edit's commit, %d edits each, same disk (%s), same run\n", N_EDITS, dir);
  g_print ("  bare SQLite UPDATE (autocommit, FULL sync):  p50 %.3f ms  p99 %.3f ms\n",
           raw_p50, raw_p99);
  g_print ("  cs_store_set_string():                       p50 %.3f ms  p99 %.3f ms\n",
           our_p50, our_p99);
  g_print ("  ratio p99 store / bare SQLite: %.2f\n", our_p99 / raw_p99);
  g_print ("  target p99 <= 8 ms: %s\n", our_p99 <= 8.0 ? "met" : "NOT MET");

  g_unlink (store_path);
  g_unlink (sqlite_path);
  g_rmdir (dir);

  return 0;
}
