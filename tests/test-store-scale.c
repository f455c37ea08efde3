/* test-store-scale.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What keeps a large project fast without trading safety: the open skips the integrity check
 * only for a file exactly as our last clean close left it, and the coverage aggregates survive
 * edits of tables they do not read.
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cs-checklist.h"
#include "cs-store-export.h"
#include "cs-store-private.h"
#include "cs-test-utils.h"

#define N_ASSETS 400

static char *
make_project (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path (name);
  g_autoptr(CsStore) store = cs_store_create (path, "Acme", &error);
  g_autoptr(CsRecord) offer = NULL;

  g_assert_no_error (error);
  offer = g_object_new (CS_TYPE_OFFER, "provider", "Provider", NULL);
  g_assert_true (cs_store_add (store, offer, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_ASSETS; i++)
    {
      g_autofree char *asset_name = g_strdup_printf ("Workstation %04u with a long name", i);
      g_autoptr(CsRecord) asset = g_object_new (CS_TYPE_ASSET, "category", "endpoint",
                                                "name", asset_name,
                                                "criticality", 1 + (int) (i % 4), NULL);

      g_assert_true (cs_store_add (store, asset, &error));
      g_assert_no_error (error);
    }
  cs_store_close (store);

  return g_steal_pointer (&path);
}

/* Opens @path for editing and says whether the integrity check ran. */
static gboolean
open_checked (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return cs_store_get_integrity_checked (store);
}

static void
test_clean_reopen_skips_check (void)
{
  g_autofree char *path = make_project ("clean.contractscope");
  g_autoptr(GError) error = NULL;

  /* The project was closed cleanly by this application: no check at the next opens. */
  g_assert_false (open_checked (path));
  g_assert_false (open_checked (path));

  /* An edit by this application keeps it clean. */
  {
    g_autoptr(CsStore) store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (cs_store_set_string (store, CS_RECORD (cs_store_get_project (store)), "notes",
                                        "Reviewed", &error));
    g_assert_no_error (error);
  }
  g_assert_false (open_checked (path));

  /* A read-only open skips it too, and leaves the record in place. */
  {
    g_autoptr(CsStore) store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_false (cs_store_get_integrity_checked (store));
  }
  g_assert_false (open_checked (path));
}

static void
test_touched_file_is_checked (void)
{
  g_autofree char *path = make_project ("touched.contractscope");
  struct timespec times[2] = { { 0, UTIME_OMIT }, { 1000000000, 0 } };

  g_assert_false (open_checked (path));

  /* Only the modification time changed: checked once, clean again afterwards. */
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_true (open_checked (path));
  g_assert_false (open_checked (path));
}

static void
test_modified_file_is_checked (void)
{
  g_autofree char *path = make_project ("modified.contractscope");
  sqlite3 *db = NULL;
  struct stat before, after;

  g_assert_false (open_checked (path));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  /* Another program commits a change and sets the modification time back. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE project SET notes = 'elsewhere'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  {
    struct timespec times[2] = { { 0, UTIME_OMIT }, before.st_mtim };

    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  }
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_size, ==, before.st_size);

  g_assert_true (open_checked (path));
}

static void
test_other_writer_during_session (void)
{
  g_autofree char *path = make_project ("session.contractscope");
  g_autoptr(GError) error = NULL;

  g_assert_false (open_checked (path));

  /* Another connection commits while the project is open: the close is not clean. */
  {
    g_autoptr(CsStore) store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
    sqlite3 *db = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE project SET notes = 'elsewhere'", NULL, NULL,
                                   NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    /* read by the store after the other commit */
    g_assert_nonnull (cs_store_get_project (store));
  }

  g_assert_true (open_checked (path));
}

static void
test_corrupt_after_clean_close_refused (void)
{
  g_autofree char *path = make_project ("corrupt.contractscope");
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  gsize length = 0;
  guint page_size = 4096;
  struct stat before;

  g_assert_false (open_checked (path));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  /* Scribble over a b-tree page, keeping the size, the header (its change counter) and the
   * modification time. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 6 * page_size);
  for (gsize i = 3 * page_size + 8; i < 3 * page_size + 1500; i++)
    contents[i] = (char) (i * 7);
  cs_test_write_file (path, contents, length);
  {
    struct timespec times[2] = { { 0, UTIME_OMIT }, before.st_mtim };

    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  }
  sha = cs_test_file_sha256 (path);

  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT);
  cs_test_assert_unchanged (path, sha);

  g_clear_error (&error);
  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT);
  cs_test_assert_unchanged (path, sha);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!cs_store_check_finish (CS_STORE (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "passed");
}

/* Runs the check left for later; NULL when it passed, else the error. */
static GError *
run_check (CsStore *store)
{
  GError *error = NULL;

  cs_store_check_async (store, NULL, check_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);

  return error;
}

static void
test_check_later (void)
{
  g_autofree char *path = make_project ("later.contractscope");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  sqlite3 *db = NULL;

  /* Clean: nothing to check, changes accepted at once. */
  store = cs_store_open (path, CS_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_false (cs_store_is_checking (store));
  g_clear_object (&store);

  /* Changed by another program: readable at once, changes refused until the check passed. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE project SET notes = 'elsewhere'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  store = cs_store_open (path, CS_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_is_checking (store));
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (cs_store_get_project (store)), "notes"), ==,
                   "elsewhere");
  g_assert_false (cs_store_set_string (store, CS_RECORD (cs_store_get_project (store)), "notes",
                                       "too early", &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  error = run_check (store);
  g_assert_no_error (error);
  g_assert_false (cs_store_is_checking (store));
  g_assert_true (cs_store_set_string (store, CS_RECORD (cs_store_get_project (store)), "notes",
                                      "checked", &error));
  g_assert_no_error (error);
}

static void
test_check_later_corrupt (void)
{
  g_autofree char *path = make_project ("later-corrupt.contractscope");
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  gsize length = 0;

  /* The last pages hold the assets (no REAL column: only the integrity check reads them). */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = length - 2 * 4096 + 8; i < length - 4096 - 8; i++)
    contents[i] = (char) (i * 7);
  cs_test_write_file (path, contents, length);
  sha = cs_test_file_sha256 (path);

  store = cs_store_open (path, CS_STORE_OPEN_CHECK_LATER, &error);
  if (store == NULL)
    {
      /* refused at once by a check that read the damaged page: refused all the same */
      g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT);
    }
  else
    {
      g_assert_true (cs_store_is_checking (store));
      error = run_check (store);
      g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      g_assert_true (cs_store_is_checking (store));
      g_assert_false (cs_store_set_string (store, CS_RECORD (cs_store_get_project (store)),
                                           "notes", "never", &error));
      g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY);
      g_clear_object (&store);
    }
  cs_test_assert_unchanged (path, sha);
}

/* Aggregates */

typedef struct
{
  char    *path;
  CsStore *store;
  gint64   offers[2];
  GArray  *assets;
} Perimeter;

static gint64
add_record (CsStore  *store,
            CsRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_store_add (store, record, &error));
  g_assert_no_error (error);

  return cs_record_get_id (record);
}

/* 3 sites, 90 assets (a third critical), 2 offers covering them in several states. */
static void
perimeter_setup (Perimeter     *p,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 sites[3];

  p->path = cs_test_build_path ("perimeter.contractscope");
  p->store = cs_store_create (p->path, "Acme", &error);
  g_assert_no_error (error);
  p->assets = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      g_autofree char *name = g_strdup_printf ("Site %u", i);
      g_autoptr(CsRecord) site = g_object_new (CS_TYPE_SITE, "name", name, NULL);

      sites[i] = add_record (p->store, site);
    }
  for (guint i = 0; i < 90; i++)
    {
      g_autofree char *name = g_strdup_printf ("Asset %u", i);
      g_autoptr(CsRecord) asset = g_object_new (CS_TYPE_ASSET, "name", name,
                                                "site-id", sites[i % 3],
                                                "criticality", 1 + (int) (i % 3), NULL);
      gint64 id = add_record (p->store, asset);

      g_array_append_val (p->assets, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (p->offers); i++)
    {
      g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", "Provider", NULL);
      g_autoptr(CsCoverageChange) change = NULL;

      p->offers[i] = add_record (p->store, offer);
      /* offer 0 manages the assets of sites 0 and 1, offer 1 excludes every fourth asset */
      for (guint a = 0; a < p->assets->len; a++)
        {
          CsCoverageState state = i == 0 ? (a % 3 < 2 ? CS_COVERAGE_MANAGED
                                                     : CS_COVERAGE_NOT_ADDRESSED)
                                         : (a % 4 == 0 ? CS_COVERAGE_EXCLUDED
                                                       : CS_COVERAGE_PARTIAL);

          g_clear_pointer (&change, cs_coverage_change_unref);
          change = cs_store_set_coverage (p->store, p->offers[i],
                                          &g_array_index (p->assets, gint64, a), 1, state,
                                          NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
}

static void
perimeter_teardown (Perimeter     *p,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&p->store);
  g_clear_pointer (&p->assets, g_array_unref);
  g_clear_pointer (&p->path, g_free);
}

static void
assert_same_sites (GHashTable *a,
                   GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (b, key));
}

/* The store's kept figures equal those another store computes from the file. */
static void
assert_aggregates_fresh (Perimeter *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) fresh = cs_store_open (p->path, CS_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (p->offers); i++)
    {
      g_autoptr(GHashTable) kept_sites = NULL;
      g_autoptr(GHashTable) fresh_sites = NULL;
      CsCoverageCounts kept, counted;

      g_assert_true (cs_store_count_coverage (p->store, p->offers[i], 1, &kept, &error));
      g_assert_true (cs_store_count_coverage (fresh, p->offers[i], 1, &counted, &error));
      g_assert_no_error (error);
      g_assert_cmpint (memcmp (&kept, &counted, sizeof kept), ==, 0);

      kept_sites = cs_store_list_covered_sites (p->store, p->offers[i], &error);
      fresh_sites = cs_store_list_covered_sites (fresh, p->offers[i], &error);
      g_assert_no_error (error);
      assert_same_sites (kept_sites, fresh_sites);
    }
}

static void
test_aggregates_kept_by_unrelated_edits (Perimeter     *p,
                                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  CsRecord *offer = cs_store_find (p->store, CS_TYPE_OFFER, p->offers[0]);
  guint computations;

  assert_aggregates_fresh (p);
  computations = p->store->n_coverage_computations;
  g_assert_cmpuint (p->store->n_covered_sites_computations, ==, 1);

  /* The project notes, an offer's text and price: none is read by the counts. */
  g_assert_true (cs_store_set_string (p->store, CS_RECORD (cs_store_get_project (p->store)),
                                      "notes", "Reviewed", &error));
  g_assert_true (cs_store_set_string (p->store, offer, "notes", "Call back", &error));
  g_assert_true (cs_store_set_number (p->store, offer, "price_recurring", 1200.0, &error));
  g_assert_no_error (error);
  assert_aggregates_fresh (p);
  g_assert_cmpuint (p->store->n_coverage_computations, ==, computations);
  g_assert_cmpuint (p->store->n_covered_sites_computations, ==, 1);

  /* An asset's criticality is read by them: computed again, and right. */
  {
    CsRecord *asset = cs_store_find (p->store, CS_TYPE_ASSET, g_array_index (p->assets, gint64, 1));

    g_assert_true (cs_store_set_int (p->store, asset, "criticality", 1, &error));
    g_assert_no_error (error);
  }
  assert_aggregates_fresh (p);
  g_assert_cmpuint (p->store->n_coverage_computations, ==, computations + 1);
}

static void
test_aggregates_moved_by_delta (Perimeter     *p,
                                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_coverage_change_unref);
  const gint64 *assets = (const gint64 *) (gpointer) p->assets->data;
  guint computations;

  assert_aggregates_fresh (p);
  computations = p->store->n_coverage_computations;

  for (guint round = 0; round < 40; round++)
    {
      CsCoverageState state = (CsCoverageState) (round % CS_N_COVERAGE_STATES);
      guint first = (round * 7) % p->assets->len;
      guint n = 1 + round % 5;
      CsCoverageChange *change = NULL;

      n = MIN (n, p->assets->len - first);
      change = cs_store_set_coverage (p->store, p->offers[round % 2], assets + first, n, state,
                                      round % 3 == 0 ? "note" : NULL, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (changes, change);
      assert_aggregates_fresh (p);
    }
  /* Uncover every asset of site 1 for offer 0, one by one: the site leaves the covered set. */
  for (guint a = 1; a < p->assets->len; a += 3)
    {
      g_autoptr(CsCoverageChange) change = cs_store_set_coverage (p->store, p->offers[0],
                                                                   assets + a, 1,
                                                                   CS_COVERAGE_EXCLUDED, NULL,
                                                                   NULL, &error);

      g_assert_no_error (error);
    }
  assert_aggregates_fresh (p);
  /* Undo, newest first. */
  while (changes->len > 0)
    {
      g_assert_true (cs_store_restore_coverage (p->store, changes->pdata[changes->len - 1],
                                                &error));
      g_assert_no_error (error);
      g_ptr_array_remove_index (changes, changes->len - 1);
      assert_aggregates_fresh (p);
    }

  /* Every figure above moved by delta, none was computed again. */
  g_assert_cmpuint (p->store->n_coverage_computations, ==, computations);
  g_assert_cmpuint (p->store->n_covered_sites_computations, ==, 1);
}

static void
test_aggregates_kept_across_close (Perimeter     *p,
                                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  assert_aggregates_fresh (p);

  /* Reopened after a clean close: the first score reads them from the record. */
  g_clear_object (&p->store);
  p->store = cs_store_open (p->path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (cs_store_get_integrity_checked (p->store));
  assert_aggregates_fresh (p);
  g_assert_cmpuint (p->store->n_coverage_computations, ==, 0);
  g_assert_cmpuint (p->store->n_covered_sites_computations, ==, 0);

  /* Edited by delta, closed, reopened: still the file's. */
  {
    g_autoptr(CsCoverageChange) change = cs_store_set_coverage (p->store, p->offers[1],
                                                                 (const gint64 *) (gpointer) p->assets->data,
                                                                 10, CS_COVERAGE_NOT_ADDRESSED,
                                                                 NULL, NULL, &error);

    g_assert_no_error (error);
  }
  g_clear_object (&p->store);
  p->store = cs_store_open (p->path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_aggregates_fresh (p);
  g_assert_cmpuint (p->store->n_coverage_computations, ==, 0);

  /* Another program changed the coverage: checked, and counted again from the file. */
  g_clear_object (&p->store);
  g_assert_cmpint (sqlite3_open (p->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE coverage SET state = 'excluded'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  p->store = cs_store_open (p->path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_get_integrity_checked (p->store));
  assert_aggregates_fresh (p);
  g_assert_cmpuint (p->store->n_coverage_computations, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store-scale/clean-reopen", test_clean_reopen_skips_check);
  g_test_add_func ("/core/store-scale/touched", test_touched_file_is_checked);
  g_test_add_func ("/core/store-scale/modified", test_modified_file_is_checked);
  g_test_add_func ("/core/store-scale/other-writer", test_other_writer_during_session);
  g_test_add_func ("/core/store-scale/corrupt", test_corrupt_after_clean_close_refused);
  g_test_add_func ("/core/store-scale/check-later", test_check_later);
  g_test_add_func ("/core/store-scale/check-later-corrupt", test_check_later_corrupt);

  g_test_add ("/core/store-scale/aggregates-kept", Perimeter, NULL, perimeter_setup,
              test_aggregates_kept_by_unrelated_edits, perimeter_teardown);
  g_test_add ("/core/store-scale/aggregates-delta", Perimeter, NULL, perimeter_setup,
              test_aggregates_moved_by_delta, perimeter_teardown);

  g_test_add ("/core/store-scale/aggregates-across-close", Perimeter, NULL, perimeter_setup,
              test_aggregates_kept_across_close, perimeter_teardown);

  return g_test_run ();
}
