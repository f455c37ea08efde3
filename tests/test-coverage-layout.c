/* test-coverage-layout.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The coverage's compact layout (cs-store-coverage.c, format 4): an offer's default coverage
 * moved by bulk changes, invisible to every reader, undone exactly, on real project files. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cs-exchange.h"
#include "cs-model.h"
#include "cs-store.h"
#include "cs-test-utils.h"

#define N_ASSETS 200

/* A project of N_ASSETS assets (one in four critical) and two offers, written as the
 * application writes it. */
static CsStore *
new_project (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path (name);
  g_autoptr(CsStoreBulk) bulk = NULL;
  CsStore *store = NULL;

  g_unlink (path);
  store = cs_store_create (path, "Layout client", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", i == 0 ? "A" : "B",
                                                NULL);

      g_assert_true (cs_store_add (store, offer, &error));
      g_assert_no_error (error);
    }

  bulk = cs_store_bulk_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_bulk_begin (bulk, &error));
  for (guint i = 0; i < N_ASSETS; i++)
    {
      g_autofree char *asset_name = g_strdup_printf ("Host %03u", i);
      CsAssetValues values = { "server", asset_name, 0, 1, 1 + i % 4, "", "", "", "", "" };

      g_assert_cmpint (cs_store_bulk_add_asset (bulk, &values, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (cs_store_bulk_commit (bulk, &error));
  g_assert_no_error (error);
  g_clear_pointer (&bulk, cs_store_bulk_free);
  cs_store_reload (store);

  return store;
}

static GArray *
all_asset_ids (CsStore *store)
{
  g_autoptr(GError) error = NULL;
  CsAssetQuery query = { 0 };
  GArray *ids = cs_store_query_asset_ids (store, &query, &error);

  g_assert_no_error (error);
  return ids;
}

static gint64
sql_int (CsStore    *store,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (cs_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* The stored default of offer @offer_id: 0 not addressed, 1 managed, 2 partial, 3 excluded. */
static gint64
stored_default (CsStore *store,
                gint64   offer_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT CASE coverage_default WHEN 'not_addressed' "
                                          "THEN 0 WHEN 'managed' THEN 1 WHEN 'partial' THEN 2 "
                                          "ELSE 3 END FROM offer WHERE id = %" G_GINT64_FORMAT,
                                          offer_id);

  return sql_int (store, sql);
}

static gint64
stored_rows (CsStore *store,
             gint64   offer_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM coverage WHERE offer_id = %"
                                          G_GINT64_FORMAT, offer_id);

  return sql_int (store, sql);
}

/* Every asset's coverage by @offer_id as the store reads it: state, note, reference, plus its
 * counts, one line each. */
static char *
coverage_values (CsStore *store,
                 gint64   offer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = all_asset_ids (store);
  GString *text = g_string_new (NULL);
  guint counts[CS_N_COVERAGE_STATES] = { 0 };
  guint critical_unmanaged = 0;
  CsCoverageCounts c = { 0 };

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      CsCoverage *coverage = cs_store_find_coverage (store, offer_id, id);

      g_string_append_printf (text, "%" G_GINT64_FORMAT ":%d:%s:%s\n", id,
                              cs_store_get_coverage_state (store, offer_id, id),
                              coverage != NULL ? cs_record_get_string (CS_RECORD (coverage), "note") : "",
                              coverage != NULL ? cs_record_get_string (CS_RECORD (coverage), "reference") : "");
    }
  g_assert_true (cs_store_count_coverage_states (store, offer_id, counts, &critical_unmanaged,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (cs_store_count_coverage (store, offer_id, 1, &c, &error));
  g_assert_no_error (error);
  g_string_append_printf (text, "states %u %u %u %u critical unmanaged %u\n", counts[0], counts[1],
                          counts[2], counts[3], critical_unmanaged);
  g_string_append_printf (text, "counts %u %u %u %u %u %u %u\n", c.n_assets, c.n_managed,
                          c.n_partial, c.n_excluded, c.n_not_addressed, c.n_critical,
                          c.n_critical_managed);
  /* the figures agree with one another */
  g_assert_cmpuint (c.n_managed, ==, counts[CS_COVERAGE_MANAGED]);
  g_assert_cmpuint (c.n_partial, ==, counts[CS_COVERAGE_PARTIAL]);
  g_assert_cmpuint (c.n_excluded, ==, counts[CS_COVERAGE_EXCLUDED]);
  g_assert_cmpuint (c.n_not_addressed, ==, counts[CS_COVERAGE_NOT_ADDRESSED]);
  g_assert_cmpuint (c.n_critical - c.n_critical_managed, ==, critical_unmanaged);

  return g_string_free (text, FALSE);
}

/* The Perimeter list filtered by one state: its size. */
static guint
n_listed (CsStore         *store,
          gint64           offer_id,
          CsCoverageState  state)
{
  g_autoptr(GError) error = NULL;
  CsAssetQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;

  query.offer_id = offer_id;
  query.coverage_states = 1u << state;
  ids = cs_store_query_asset_ids (store, &query, &error);
  g_assert_no_error (error);

  return ids->len;
}

/*
 * A bulk change to the state most of the perimeter then has moves the offer's default there:
 * the rows of that state go, the assets at the old default get one; per-asset reads, counts
 * (by delta and recomputed) and lists are those of the old layout, and Undo puts back the rows
 * and the default.
 */
static void
test_normalised (void)
{
  g_autoptr(CsStore) store = new_project ("normalised.contractscope");
  g_autoptr(GArray) ids = all_asset_ids (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCoverageChange) noted = NULL;
  g_autoptr(CsCoverageChange) managed = NULL;
  g_autoptr(CsCoverageChange) excluded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_managed = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *other_before = NULL;
  g_autofree char *other_after = NULL;
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  const gint64 *id = (const gint64 *) (gpointer) ids->data;

  g_assert_cmpuint (ids->len, ==, N_ASSETS);
  g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_NOT_ADDRESSED);

  /* one asset partly managed with a note, one not addressed with a reference */
  noted = cs_store_set_coverage (store, 1, id, 1, CS_COVERAGE_PARTIAL, "Business hours", NULL,
                                 &error);
  g_assert_no_error (error);
  g_clear_pointer (&noted, cs_coverage_change_unref);
  noted = cs_store_set_coverage (store, 1, id + 1, 1, CS_COVERAGE_NOT_ADDRESSED, NULL, "§4",
                                 &error);
  g_assert_no_error (error);
  before = coverage_values (store, 1);
  other_before = coverage_values (store, 2);
  g_assert_cmpint (stored_rows (store, 1), ==, 2);

  /* every asset but the first two managed, notes kept */
  managed = cs_store_set_coverage (store, 1, id + 2, N_ASSETS - 2, CS_COVERAGE_MANAGED, NULL,
                                   NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_MANAGED);
  g_assert_cmpint (stored_rows (store, 1), ==, 2);
  g_assert_cmpint (stored_default (store, 2), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, id[0]), ==, CS_COVERAGE_PARTIAL);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, id[1]), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, id[2]), ==, CS_COVERAGE_MANAGED);
  g_assert_null (cs_store_find_coverage (store, 1, id[2]));
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (cs_store_find_coverage (store, 1, id[0])),
                                         "note"), ==, "Business hours");
  g_assert_cmpuint (n_listed (store, 1, CS_COVERAGE_MANAGED), ==, N_ASSETS - 2);
  g_assert_cmpuint (n_listed (store, 1, CS_COVERAGE_NOT_ADDRESSED), ==, 1);
  after_managed = coverage_values (store, 1);
  g_assert_nonnull (strstr (after_managed, "states 1 198 1 0 critical unmanaged 1\n"));
  g_assert_nonnull (strstr (after_managed, "counts 200 198 1 0 1 50 49\n"));

  /* the counts by delta are those a fresh open computes */
  cs_store_close (store);
  g_clear_object (&store);
  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  reopened = coverage_values (store, 1);
  g_assert_cmpstr (reopened, ==, after_managed);

  /* one in ten excluded: explicit rows under the "managed" default */
  {
    g_autoptr(GArray) some = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autofree char *excluded_values = NULL;

    for (guint i = 2; i < N_ASSETS; i += 10)
      g_array_append_val (some, id[i]);
    excluded = cs_store_set_coverage (store, 1, (const gint64 *) (gpointer) some->data, some->len,
                                      CS_COVERAGE_EXCLUDED, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_MANAGED);
    g_assert_cmpint (stored_rows (store, 1), ==, 2 + some->len);
    g_assert_cmpuint (n_listed (store, 1, CS_COVERAGE_EXCLUDED), ==, some->len);
    excluded_values = coverage_values (store, 1);
    g_assert_nonnull (strstr (excluded_values, "states 1 178 1 20 "));
  }

  /* Undo, newest first: the rows and the default come back exactly */
  g_assert_true (cs_store_restore_coverage (store, excluded, &error));
  g_assert_no_error (error);
  {
    g_autofree char *values = coverage_values (store, 1);

    g_assert_cmpstr (values, ==, after_managed);
    g_assert_cmpint (stored_rows (store, 1), ==, 2);
  }
  g_assert_true (cs_store_restore_coverage (store, managed, &error));
  g_assert_no_error (error);
  {
    g_autofree char *values = coverage_values (store, 1);

    g_assert_cmpstr (values, ==, before);
    g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_NOT_ADDRESSED);
    g_assert_cmpint (stored_rows (store, 1), ==, 2);
  }
  other_after = coverage_values (store, 2);
  g_assert_cmpstr (other_after, ==, other_before);

  /* and back to "not addressed" by bulk: the default follows the majority again */
  g_clear_pointer (&managed, cs_coverage_change_unref);
  managed = cs_store_set_coverage (store, 1, id, N_ASSETS, CS_COVERAGE_MANAGED, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_MANAGED);
  g_clear_pointer (&excluded, cs_coverage_change_unref);
  excluded = cs_store_set_coverage (store, 1, id, N_ASSETS, CS_COVERAGE_NOT_ADDRESSED, "", "",
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_cmpint (stored_rows (store, 1), ==, 0);
}

/*
 * Under a "managed" default, an added asset is not addressed (one imported in bulk too), a
 * deleted one comes back with its coverage, and a deleted offer with its default.
 */
static void
test_assets_under_default (void)
{
  g_autoptr(CsStore) store = new_project ("under-default.contractscope");
  g_autoptr(GArray) ids = all_asset_ids (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCoverageChange) managed = NULL;
  g_autoptr(CsCoverageChange) excluded = NULL;
  g_autoptr(CsDeletion) deleted = NULL;
  g_autoptr(CsStoreBulk) bulk = NULL;
  g_autofree char *values = NULL;
  g_autofree char *restored = NULL;
  const gint64 *id = (const gint64 *) (gpointer) ids->data;
  CsRecord *asset = NULL;
  gint64 added_id, imported_id;

  managed = cs_store_set_coverage (store, 1, id, N_ASSETS, CS_COVERAGE_MANAGED, NULL, NULL, &error);
  g_assert_no_error (error);
  excluded = cs_store_set_coverage (store, 1, id + 5, 1, CS_COVERAGE_EXCLUDED, "Out", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_MANAGED);

  /* added one by one */
  asset = g_object_new (CS_TYPE_ASSET, "name", "New host", NULL);
  g_assert_true (cs_store_add (store, asset, &error));
  g_assert_no_error (error);
  added_id = cs_record_get_id (asset);
  g_object_unref (asset);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, added_id), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_cmpint (cs_store_get_coverage_state (store, 2, added_id), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_cmpuint (n_listed (store, 1, CS_COVERAGE_NOT_ADDRESSED), ==, 1);

  /* added in bulk */
  bulk = cs_store_bulk_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_bulk_begin (bulk, &error));
  {
    CsAssetValues v = { "endpoint", "Imported", 0, 1, 2, "", "", "", "", "" };

    imported_id = cs_store_bulk_add_asset (bulk, &v, &error);
    g_assert_no_error (error);
  }
  g_assert_true (cs_store_bulk_commit (bulk, &error));
  g_assert_no_error (error);
  g_clear_pointer (&bulk, cs_store_bulk_free);
  cs_store_reload (store);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, imported_id), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, id[0]), ==, CS_COVERAGE_MANAGED);
  values = coverage_values (store, 1);
  g_assert_nonnull (strstr (values, "states 2 199 0 1 "));

  /* an asset at the default, deleted and put back, is managed again */
  deleted = cs_store_delete (store, cs_store_find (store, CS_TYPE_ASSET, id[0]), &error);
  g_assert_no_error (error);
  {
    g_autofree char *fewer = coverage_values (store, 1);

    g_assert_nonnull (strstr (fewer, "states 2 198 0 1 "));
  }
  g_assert_true (cs_store_undelete (store, deleted, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deleted, cs_deletion_unref);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, id[0]), ==, CS_COVERAGE_MANAGED);
  /* one with a row too */
  deleted = cs_store_delete (store, cs_store_find (store, CS_TYPE_ASSET, id[5]), &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_undelete (store, deleted, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deleted, cs_deletion_unref);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, id[5]), ==, CS_COVERAGE_EXCLUDED);
  restored = coverage_values (store, 1);
  g_assert_cmpstr (restored, ==, values);

  /* the offer, deleted and put back, keeps its default and so every asset's coverage */
  deleted = cs_store_delete (store, cs_store_find (store, CS_TYPE_OFFER, 1), &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_undelete (store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_MANAGED);
  {
    g_autofree char *again = coverage_values (store, 1);

    g_assert_cmpstr (again, ==, values);
  }
}

/*
 * Undo out of order: an asset deleted while offer 1 left it not addressed (the default), then
 * the default moved to "managed" by a bulk change, then the deletion undone (a toast's Undo is
 * still there): the asset comes back not addressed, not at the new default.
 */
static void
test_undelete_after_default_moved (void)
{
  g_autoptr(CsStore) store = new_project ("undelete-moved.contractscope");
  g_autoptr(GArray) ids = all_asset_ids (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCoverageChange) managed = NULL;
  g_autoptr(CsCoverageChange) back = NULL;
  g_autoptr(CsDeletion) deleted = NULL;
  const gint64 *id = (const gint64 *) (gpointer) ids->data;

  /* offer 2 manages everything first: its default is "managed" when the asset goes */
  back = cs_store_set_coverage (store, 2, id, N_ASSETS, CS_COVERAGE_MANAGED, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 2), ==, CS_COVERAGE_MANAGED);

  deleted = cs_store_delete (store, cs_store_find (store, CS_TYPE_ASSET, id[0]), &error);
  g_assert_no_error (error);

  managed = cs_store_set_coverage (store, 1, id + 1, N_ASSETS - 1, CS_COVERAGE_MANAGED, NULL, NULL,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_MANAGED);
  /* and offer 2 is back to nothing managed: its default is "not addressed" again */
  g_assert_true (cs_store_restore_coverage (store, back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 2), ==, CS_COVERAGE_NOT_ADDRESSED);

  g_assert_true (cs_store_undelete (store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, id[0]), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_cmpint (cs_store_get_coverage_state (store, 2, id[0]), ==, CS_COVERAGE_MANAGED);
  g_assert_cmpint (cs_store_get_coverage_state (store, 1, id[1]), ==, CS_COVERAGE_MANAGED);
  g_assert_cmpint (cs_store_get_coverage_state (store, 2, id[1]), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_cmpuint (n_listed (store, 1, CS_COVERAGE_NOT_ADDRESSED), ==, 1);
  g_assert_cmpuint (n_listed (store, 2, CS_COVERAGE_MANAGED), ==, 1);
  {
    g_autofree char *one = coverage_values (store, 1);
    g_autofree char *two = coverage_values (store, 2);

    g_assert_nonnull (strstr (one, "states 1 199 0 0 "));
    g_assert_nonnull (strstr (two, "states 199 1 0 0 "));
  }
}

/* The exchange file holds a row per addressed asset whatever the default: exported, imported
 * into a project that stores them all, exported again, the same bytes and the same values. */
static void
test_exchange (void)
{
  g_autoptr(CsStore) store = new_project ("exchange.contractscope");
  g_autoptr(GArray) ids = all_asset_ids (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCoverageChange) managed = NULL;
  g_autoptr(CsCoverageChange) excluded = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(CsStore) imported = NULL;
  g_autofree char *path = cs_test_build_path ("exchange-imported.contractscope");
  g_autofree char *values = NULL;
  g_autofree char *imported_values = NULL;
  const gint64 *id = (const gint64 *) (gpointer) ids->data;
  const char *text;
  guint n_rows = 0;

  managed = cs_store_set_coverage (store, 1, id, N_ASSETS, CS_COVERAGE_MANAGED, NULL, NULL, &error);
  g_assert_no_error (error);
  excluded = cs_store_set_coverage (store, 1, id + 3, 2, CS_COVERAGE_NOT_ADDRESSED, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_default (store, 1), ==, CS_COVERAGE_MANAGED);
  values = coverage_values (store, 1);

  xml = cs_exchange_export_to_bytes (store, &error);
  g_assert_no_error (error);
  text = strstr (g_bytes_get_data (xml, NULL), "<table name=\"coverage\">");
  g_assert_nonnull (text);
  for (const char *row = strstr (text, "<row "); row != NULL && row < strstr (text, "</table>");
       row = strstr (row + 1, "<row "))
    n_rows++;
  /* the assets the offer addresses, no "not addressed" row */
  g_assert_cmpuint (n_rows, ==, N_ASSETS - 2);

  g_unlink (path);
  imported = cs_exchange_import_to_new_project (xml, path, &error);
  g_assert_no_error (error);
  imported_values = coverage_values (imported, 1);
  g_assert_cmpstr (imported_values, ==, values);
  again = cs_exchange_export_to_bytes (imported, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (xml, again));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/coverage-layout/normalised", test_normalised);
  g_test_add_func ("/core/coverage-layout/assets-under-default", test_assets_under_default);
  g_test_add_func ("/core/coverage-layout/undelete-after-default-moved",
                   test_undelete_after_default_moved);
  g_test_add_func ("/core/coverage-layout/exchange", test_exchange);

  return g_test_run ();
}
