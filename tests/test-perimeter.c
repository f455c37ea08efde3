/* test-perimeter.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cs-model.h"
#include "cs-perimeter.h"
#include "cs-store.h"
#include "cs-test-utils.h"

static CsStore *
new_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "perimeter.contractscope", NULL);
  CsStore *store = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_unlink (path);
  store = cs_store_create (path, "Perimeter client", &error);
  g_assert_no_error (error);

  return store;
}

static CsRecord *
add (CsStore    *store,
     GType       type,
     const char *first_property,
     ...)
{
  g_autoptr(GError) error = NULL;
  CsRecord *record = NULL;
  va_list args;

  va_start (args, first_property);
  record = CS_RECORD (g_object_new_valist (type, first_property, args));
  va_end (args);
  g_assert_true (cs_store_add (store, record, &error));
  g_assert_no_error (error);
  g_object_unref (record); /* the store's cache keeps it */

  return record;
}

typedef struct
{
  guint position, removed, added, calls;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->calls++;
}

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(CsAsset) asset = g_list_model_get_item (model, position);

  return cs_asset_get_name (asset);
}

static void
test_asset_list (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsAssetList) list = NULL;
  g_autoptr(GError) error = NULL;
  CsRecord *lyon = add (store, CS_TYPE_SITE, "name", "Lyon", NULL);
  CsRecord *paris = add (store, CS_TYPE_SITE, "name", "Paris", NULL);
  CsRecord *offer = add (store, CS_TYPE_OFFER, "provider", "Provider A", NULL);
  CsRecord *b = add (store, CS_TYPE_ASSET, "name", "bravo", "category", "server",
                     "site-id", cs_record_get_id (paris), "criticality", (gint64) 1, NULL);
  CsRecord *a = add (store, CS_TYPE_ASSET, "name", "Alpha", "category", "endpoint",
                     "site-id", cs_record_get_id (lyon), NULL);
  CsRecord *d = NULL;
  CsAssetQuery query = { 0 };
  Changes changes = { 0 };
  CsDeletion *deletion = NULL;

  add (store, CS_TYPE_ASSET, "name", "Charlie", "category", "business_application",
       "owner", "Finance", NULL);

  query.sort = CS_ASSET_SORT_NAME;
  list = cs_asset_list_new (store, &query);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 0), ==, "Alpha");
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 1), ==, "bravo"); /* case-insensitive */

  /* an added asset is inserted in place, one row */
  d = add (store, CS_TYPE_ASSET, "name", "Bob", NULL);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);

  /* an edit moves only its row */
  g_assert_true (cs_store_set_string (store, d, "name", "Zulu", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 3), ==, "Zulu");

  /* delete, then undo: the same object comes back to the same place */
  deletion = cs_store_delete (store, a, &error);
  g_assert_nonnull (deletion);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_true (cs_store_undelete (store, deletion, &error));
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (list), 0) == (gpointer) a);
  g_object_unref (a);
  cs_deletion_unref (deletion);

  /* filters: category, site, criticality, search, descending */
  query.categories = 1u << 1; /* server */
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  memset (&query, 0, sizeof query);
  query.site_id = CS_ASSET_SITE_NONE;
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  memset (&query, 0, sizeof query);
  query.criticalities = 1u << 1;
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  memset (&query, 0, sizeof query);
  query.search = "finan";
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 0), ==, "Charlie");
  memset (&query, 0, sizeof query);
  query.search = "%";
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  memset (&query, 0, sizeof query);
  query.sort = CS_ASSET_SORT_SITE;
  query.descending = TRUE;
  cs_asset_list_set_query (list, &query);
  g_assert_cmpstr (name_at (G_LIST_MODEL (list), 0), ==, "bravo");

  /* deleting a site leaves its assets without a site, and the list follows */
  memset (&query, 0, sizeof query);
  query.site_id = CS_ASSET_SITE_NONE;
  cs_asset_list_set_query (list, &query);
  deletion = cs_store_delete (store, paris, &error);
  g_assert_nonnull (deletion);
  g_assert_cmpint (cs_asset_get_site_id (CS_ASSET (b)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  cs_deletion_unref (deletion);
  (void) offer;
}

/*
 * Rows handed out by a lazy asset list are not kept by the store once nobody holds them
 * (scrolling 100,000 assets must not keep them all), yet the same row is the same object
 * while anyone holds it, held records follow changes, and cs_store_find() (which lends its
 * record) keeps it.
 */
static void
test_asset_list_weak (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsAssetList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsAsset) first = NULL;
  g_autoptr(CsAsset) again = NULL;
  CsStoreBulk *bulk = NULL;
  CsAsset *gone = NULL;
  CsRecord *found = NULL;
  gint64 first_id = 0;

  bulk = cs_store_bulk_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_bulk_begin (bulk, &error));
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Asset %02u", i);
      CsAssetValues values = { .category = "endpoint", .name = name, .quantity = 1,
                               .criticality = 2 };

      g_assert_cmpint (cs_store_bulk_add_asset (bulk, &values, &error), >, 0);
    }
  g_assert_true (cs_store_bulk_commit (bulk, &error));
  cs_store_bulk_free (bulk);
  cs_store_reload (store);

  list = cs_asset_list_new (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);

  /* the same row is the same object while held */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);
  first_id = cs_record_get_id (CS_RECORD (first));
  g_assert_true (cs_store_ref_record (store, CS_TYPE_ASSET, first_id) == (gpointer) first);
  g_object_unref (first); /* the reference cs_store_ref_record() returned */
  g_clear_object (&again);

  /* held records still follow edits and reloads */
  g_assert_true (cs_store_set_string (store, CS_RECORD (first), "name", "Renamed", &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpstr (cs_asset_get_name (again), ==, "Renamed");
  g_clear_object (&again);

  /* scrolling through: every row once, none kept */
  for (guint i = 1; i < 50; i++)
    {
      g_autoptr(CsAsset) asset = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (asset);
    }
  gone = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  g_object_unref (gone);
  g_assert_null (gone);

  /* nobody holds the first one any more: it goes, and comes back as a new object */
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_unref (first);
  g_assert_null (first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cs_asset_get_name (first), ==, "Renamed");
  g_assert_cmpint (cs_record_get_id (CS_RECORD (first)), ==, first_id);

  /* cs_store_find() lends the record: from then on the store keeps it */
  found = cs_store_find (store, CS_TYPE_ASSET, first_id);
  g_assert_true (found == (gpointer) first);
  g_object_add_weak_pointer (G_OBJECT (found), (gpointer *) &found);
  g_clear_object (&first);
  g_assert_nonnull (found);
  g_object_remove_weak_pointer (G_OBJECT (found), (gpointer *) &found);
}

static void
test_coverage (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCoverageChange) change = NULL;
  g_autoptr(CsCoverageChange) bulk = NULL;
  g_autoptr(CsAssetList) unaddressed = NULL;
  g_autoptr(CsAssetList) critical = NULL;
  CsRecord *offer = add (store, CS_TYPE_OFFER, "provider", "Provider A", NULL);
  gint64 offer_id = cs_record_get_id (offer);
  gint64 ids[4];
  CsAssetQuery query;
  CsPerimeterSummary summary;
  CsCoverage *coverage = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Asset %u", i);

      ids[i] = cs_record_get_id (add (store, CS_TYPE_ASSET, "name", name,
                                      "criticality", (gint64) (i < 2 ? 1 : 3), NULL));
    }

  cs_asset_query_init_not_addressed (&query, offer_id);
  unaddressed = cs_asset_list_new (store, &query);
  cs_asset_query_init_critical_unmanaged (&query, offer_id);
  critical = cs_asset_list_new (store, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unaddressed)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (critical)), ==, 2);

  /* one asset */
  change = cs_store_set_coverage (store, offer_id, ids, 1, CS_COVERAGE_MANAGED, "24/7",
                                  "Annex 1 §2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpint (cs_store_get_coverage_state (store, offer_id, ids[0]), ==, CS_COVERAGE_MANAGED);
  coverage = cs_store_find_coverage (store, offer_id, ids[0]);
  g_assert_nonnull (coverage);
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (coverage), "reference"), ==, "Annex 1 §2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unaddressed)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (critical)), ==, 1);

  /* everything the filter shows, keeping notes */
  bulk = cs_perimeter_set_coverage_for_list (store, unaddressed, CS_COVERAGE_EXCLUDED, NULL,
                                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cs_coverage_change_get_n_assets (bulk), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unaddressed)), ==, 0);

  g_assert_true (cs_perimeter_get_summary (store, offer_id, &summary, &error));
  g_assert_cmpuint (summary.n_assets, ==, 4);
  g_assert_cmpuint (summary.coverage[CS_COVERAGE_MANAGED], ==, 1);
  g_assert_cmpuint (summary.coverage[CS_COVERAGE_EXCLUDED], ==, 3);
  g_assert_cmpuint (summary.critical_unmanaged, ==, 1);
  g_assert_cmpuint (summary.per_category[0], ==, 4); /* endpoint, the default */

  /* undo the bulk change, then the first one */
  g_assert_true (cs_store_restore_coverage (store, bulk, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unaddressed)), ==, 3);
  g_assert_true (cs_store_restore_coverage (store, change, &error));
  g_assert_cmpint (cs_store_get_coverage_state (store, offer_id, ids[0]), ==, CS_COVERAGE_NOT_ADDRESSED);
  g_assert_null (cs_store_find_coverage (store, offer_id, ids[0]));
  g_assert_true (cs_perimeter_get_summary (store, offer_id, &summary, &error));
  g_assert_cmpuint (summary.coverage[CS_COVERAGE_NOT_ADDRESSED], ==, 4);
  g_assert_cmpuint (summary.critical_unmanaged, ==, 2);
}

static void
test_delete_undo_many (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(CsAssetList) list = cs_asset_list_new (store, NULL);
  g_autoptr(CsCoverageChange) change = NULL;
  CsRecord *offer = add (store, CS_TYPE_OFFER, "provider", "Provider A", NULL);
  CsRecord *first = add (store, CS_TYPE_ASSET, "name", "One", NULL);
  CsRecord *copy = NULL;
  gint64 id = cs_record_get_id (first);

  change = cs_store_set_coverage (store, cs_record_get_id (offer), &id, 1, CS_COVERAGE_PARTIAL,
                                  "", "", &error);
  g_assert_nonnull (change);
  copy = CS_RECORD (cs_perimeter_duplicate_asset (store, CS_ASSET (first), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cs_asset_get_name (CS_ASSET (copy)), ==, "One (copy)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  g_ptr_array_add (selection, first);
  g_ptr_array_add (selection, copy);
  deletions = cs_perimeter_delete_assets (store, selection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deletions->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_true (cs_perimeter_undelete_assets (store, deletions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  /* the coverage came back with the asset */
  g_assert_cmpint (cs_store_get_coverage_state (store, cs_record_get_id (offer), id), ==,
                   CS_COVERAGE_PARTIAL);
  g_object_unref (copy);
}

static void
test_exclusions (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(GError) error = NULL;
  CsRecord *offer = add (store, CS_TYPE_OFFER, "provider", "Provider A", NULL);
  gint64 offer_id = cs_record_get_id (offer);
  GListModel *list = cs_store_list (store, CS_TYPE_EXCLUSION, offer_id);
  g_autoptr(CsRecord) licences = NULL;
  CsExclusion *custom = NULL;
  g_autofree char *text = NULL;

  g_assert_true (cs_perimeter_ensure_exclusions (store, offer_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 11);
  g_assert_true (cs_perimeter_ensure_exclusions (store, offer_id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 11);

  licences = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cs_record_get_string (licences, "category"), ==, "licences");
  g_assert_cmpstr (cs_record_get_string (licences, "decision"), ==, "not_stated");
  g_assert_true (cs_store_set_string (store, licences, "decision", "excluded", &error));
  g_assert_true (cs_store_set_number (store, licences, "price", 85.0, &error));
  g_assert_cmpint (cs_exclusion_get_hollowed_obligations (CS_EXCLUSION (licences)), ==,
                   CS_CORE_OBLIGATION_NONE);

  custom = cs_perimeter_add_custom_exclusion (store, offer_id, "Restauration des données", &error);
  g_assert_nonnull (custom);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 12);
  /* not stated: not flagged */
  g_assert_cmpint (cs_exclusion_get_hollowed_obligations (custom), ==, CS_CORE_OBLIGATION_NONE);
  g_assert_true (cs_store_set_string (store, CS_RECORD (custom), "decision", "excluded", &error));
  g_assert_cmpint (cs_exclusion_get_hollowed_obligations (custom), ==, CS_CORE_OBLIGATION_RESTORE);
  g_assert_true (cs_store_set_string (store, CS_RECORD (custom), "wording",
                                      "Les incidents de sécurité et la sauvegarde ne sont pas couverts.",
                                      &error));
  g_assert_cmpint (cs_exclusion_get_hollowed_obligations (custom), ==,
                   CS_CORE_OBLIGATION_RESTORE | CS_CORE_OBLIGATION_BACKUP
                   | CS_CORE_OBLIGATION_SECURITY_INCIDENTS);
  g_assert_cmpint (cs_exclusion_text_hollows_core (NULL, "Restores are not included"), ==,
                   CS_CORE_OBLIGATION_RESTORE);
  g_assert_cmpint (cs_exclusion_text_hollows_core (NULL, "Ransomware recovery excluded"), ==,
                   CS_CORE_OBLIGATION_RESTORE | CS_CORE_OBLIGATION_SECURITY_INCIDENTS);
  g_assert_cmpint (cs_exclusion_text_hollows_core (NULL, "Projects and training"), ==,
                   CS_CORE_OBLIGATION_NONE);
  text = cs_core_obligations_to_string (CS_CORE_OBLIGATION_BACKUP | CS_CORE_OBLIGATION_RESTORE);
  g_assert_cmpstr (text, ==, "backup, restores");
}

/* The number of assets SQLite's own LIKE finds for @search in the six searched columns, the
 * wildcards of @search escaped: what the list's search meant before cs_asset_matches(). */
static guint
count_like (const char *path,
            const char *search)
{
  g_autoptr(GString) pattern = g_string_new ("%");
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT COUNT(*) FROM asset WHERE name LIKE ?1 ESCAPE '\\' "
                                       "OR owner LIKE ?1 ESCAPE '\\' OR vendor LIKE ?1 ESCAPE '\\' "
                                       "OR model LIKE ?1 ESCAPE '\\' OR serial LIKE ?1 ESCAPE '\\' "
                                       "OR notes LIKE ?1 ESCAPE '\\'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

static guint
count_query (CsStore            *store,
             const CsAssetQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = cs_store_query_asset_ids (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids->len;
}

/* The search finds what LIKE found (ASCII letters in either case, other characters exactly,
 * wildcards literally, at the start, the end and across repeated letters), and the category
 * filter keeps exactly the chosen categories, one or several. */
static void
test_search_and_filter (void)
{
  static const char * const searches[] = {
    "srv_", "SRV", "_", "%", "100%", "0%", "\\", "aab", "AAAB", "ab", "été", "Été", "ÉTÉ",
    "équipe", "Équipe", "ÉQUIPE", "« sage »", "« Sage »", "end.", "Z", "zz", "x", "q",
    "naïve", "NAÏVE", "ïve", "a\\b", "needle-aaab", "xXxN", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxn",
    "é tail", "É TAIL", "aaaaab", "xy", "XaAa", "Xa",
    /* the word-at-a-time scan: ends of 8-byte words, letters against the bytes that differ
     * from them by 0x20 only (@ `, [ {, ^ ~), UTF-8 across a word's end */
    "g", "G", "h", "i", "ghi", "GH", "f", "Ef", "defg", "hij", "q", "`", "@", "`z", "@Y", "[", "{",
    "{w", "[V", "^", "~", "é", "7é", "ÉÀ", "éà", "à", "0123456789ABCDEF", "9abcdeF", "Fq",
  };
  g_autofree char *long_notes = NULL;
  g_autoptr(CsStore) store = new_project ();
  const char *path = cs_store_get_path (store);
  CsAssetQuery query = { 0 };

  add (store, CS_TYPE_ASSET, "name", "Serveur Été", "owner", "ÉQUIPE IT", "category", "server", NULL);
  add (store, CS_TYPE_ASSET, "name", "SRV_01", "category", "server", NULL);
  add (store, CS_TYPE_ASSET, "name", "srv-02", "vendor", "aaab", "category", "switch", NULL);
  add (store, CS_TYPE_ASSET, "name", "Payroll 100%", "model", "a\\b", "category",
       "business_application", NULL);
  add (store, CS_TYPE_ASSET, "name", "Logiciel de paie « Sage »", "serial", "Z", NULL);
  add (store, CS_TYPE_ASSET, "name", "Printer", "notes", "A naïve note at the end.",
       "category", "printer", NULL);
  /* a long text, scanned 8 bytes at a time */
  long_notes = g_strdup_printf ("%s%sNEEDLE-aaab é tail", "xXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxXxX",
                                "AaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaaaaB");
  add (store, CS_TYPE_ASSET, "name", "Long notes", "notes", long_notes, "category", "other", NULL);
  add (store, CS_TYPE_ASSET, "name", "ABCDEFG", "owner", "abcdefgh", "vendor", "ABCDEFGHI",
       "model", "0123456789abcdeF", "serial", "x@y`z{w[v^~", "notes", "1234567éà", "category", "nas", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      guint expected = count_like (path, searches[i]);

      query.search = searches[i];
      g_test_message ("search \"%s\": LIKE finds %u", searches[i], expected);
      g_assert_cmpuint (count_query (store, &query), ==, expected);
    }
  /* and what LIKE found, for the record */
  query.search = "srv_";
  g_assert_cmpuint (count_query (store, &query), ==, 1);
  query.search = "été";
  g_assert_cmpuint (count_query (store, &query), ==, 0);
  query.search = "Équipe";
  g_assert_cmpuint (count_query (store, &query), ==, 1);
  query.search = "aab";
  g_assert_cmpuint (count_query (store, &query), ==, 2);
  query.search = "XAAAA";
  g_assert_cmpuint (count_query (store, &query), ==, 1);
  /* a search sorted otherwise than by id sorts what it found */
  query.search = "a";
  query.sort = CS_ASSET_SORT_NAME;
  for (guint descending = 0; descending < 2; descending++)
    {
      g_autoptr(CsAssetList) found = NULL;
      guint n;

      query.descending = descending;
      found = cs_asset_list_new (store, &query);
      n = g_list_model_get_n_items (G_LIST_MODEL (found));
      g_assert_cmpuint (n, ==, 6);
      g_assert_cmpstr (name_at (G_LIST_MODEL (found), descending ? 5 : 0), ==, "ABCDEFG");
      g_assert_cmpstr (name_at (G_LIST_MODEL (found), descending ? 4 : 1), ==, "Logiciel de paie « Sage »");
      g_assert_cmpstr (name_at (G_LIST_MODEL (found), descending ? 3 : 2), ==, "Long notes");
      g_assert_cmpstr (name_at (G_LIST_MODEL (found), descending ? 2 : 3), ==, "Payroll 100%");
      g_assert_cmpstr (name_at (G_LIST_MODEL (found), descending ? 1 : 4), ==, "Printer");
      g_assert_cmpstr (name_at (G_LIST_MODEL (found), descending ? 0 : 5), ==, "srv-02");
    }
  query.sort = CS_ASSET_SORT_ID;
  query.descending = FALSE;

  memset (&query, 0, sizeof query);
  query.categories = 1u << 1; /* server */
  g_assert_cmpuint (count_query (store, &query), ==, 2);
  query.categories = (1u << 1) | (1u << 11); /* server, printer */
  g_assert_cmpuint (count_query (store, &query), ==, 3);
  query.categories = (1u << 0) | (1u << 2) | (1u << 12); /* endpoint, switch, application */
  g_assert_cmpuint (count_query (store, &query), ==, 3);
  query.categories = 1u << 13; /* other */
  g_assert_cmpuint (count_query (store, &query), ==, 1);
  /* the same statement, run again with other categories, forgets the first ones */
  query.categories = 1u << 1;
  g_assert_cmpuint (count_query (store, &query), ==, 2);
  query.search = "srv";
  g_assert_cmpuint (count_query (store, &query), ==, 1);
  query.categories = 1u << 2;
  g_assert_cmpuint (count_query (store, &query), ==, 1);
}

/* The ids of the assets of @path in id order, read by SQLite itself. */
static GArray *
ids_by_sql (const char *path,
            gboolean    descending)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, descending ? "SELECT id FROM asset ORDER BY id DESC"
                                                      : "SELECT id FROM asset ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ids;
}

static void
assert_whole_list_in_id_order (CsStore *store)
{
  for (guint descending = 0; descending < 2; descending++)
    {
      g_autoptr(GError) error = NULL;
      CsAssetQuery query = { .descending = descending };
      g_autoptr(GArray) ids = cs_store_query_asset_ids (store, &query, &error);
      g_autoptr(GArray) expected = ids_by_sql (cs_store_get_path (store), descending);

      g_assert_no_error (error);
      g_assert_cmpmem (ids->data, ids->len * sizeof (gint64),
                       expected->data, expected->len * sizeof (gint64));
    }
}

/* The whole inventory in id order, as SQLite orders it, whether the index it is read from
 * lists the ids in order (no site), by site (several), or spread far apart. */
static void
test_whole_list_in_id_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = new_project ();
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  CsRecord *lyon = add (store, CS_TYPE_SITE, "name", "Lyon", NULL);
  CsRecord *paris = add (store, CS_TYPE_SITE, "name", "Paris", NULL);
  sqlite3 *db = NULL;

  for (guint i = 0; i < 20; i++)
    add (store, CS_TYPE_ASSET, "name", "no site", NULL);
  assert_whole_list_in_id_order (store);

  for (guint i = 0; i < 300; i++)
    add (store, CS_TYPE_ASSET, "name", "asset",
         "site-id", i % 3 == 0 ? cs_record_get_id (paris) : i % 3 == 1 ? cs_record_get_id (lyon) : 0,
         NULL);
  assert_whole_list_in_id_order (store);

  cs_store_close (store);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO asset (id, name, site_id) VALUES "
                                     "(1000000000000, 'far', 1), (5000, 'mid', NULL), "
                                     "(-7, 'negative', 2)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_whole_list_in_id_order (store);
}

typedef struct
{
  GArray *log; /* (position, removed, added, n_items) per signal */
} ChangeLog;

static void
log_items_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      ChangeLog  *log)
{
  guint entry[4] = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_vals (log->log, entry, 4);
}

static gboolean
add_hosts (CsStore  *store,
           gpointer  user_data,
           GError  **error)
{
  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Host %04u", i);
      g_autoptr(CsRecord) asset = g_object_new (CS_TYPE_ASSET, "name", name, "category",
                                                i < 1100 ? "server" : "printer", NULL);

      if (!cs_store_add (store, asset, error))
        return FALSE;
    }

  return TRUE;
}

static void
assert_change (GArray *entries,
               guint   index,
               guint   position,
               guint   removed,
               guint   added,
               guint   n_items)
{
  const guint *e = &g_array_index (entries, guint, index * 4);

  g_assert_cmpuint (e[0], ==, position);
  g_assert_cmpuint (e[1], ==, removed);
  g_assert_cmpuint (e[2], ==, added);
  g_assert_cmpuint (e[3], ==, n_items);
}

/* A new query changes only the rows between those it keeps at both ends, each change
 * consistent with n_items; a change adding many rows comes as two, removals then additions:
 * GTK 4.8's selection models look up every added row of one change that removed a selected
 * row, one query per asset (a million at 1,000,000 assets). */
static void
test_requery_changes (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsAssetList) list = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  ChangeLog log = { entries };
  CsAssetQuery query = { 0 };

  g_assert_true (cs_store_batch (store, add_hosts, NULL, &error));
  g_assert_no_error (error);
  query.categories = 1u << 11; /* printer: the last 100 */
  list = cs_asset_list_new (store, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_signal_connect (list, "items-changed", G_CALLBACK (log_items_changed_cb), &log);

  /* 100 rows out, 1,100 in: two changes */
  query.categories = 1u << 1; /* server */
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (entries->len, ==, 2 * 4);
  assert_change (entries, 0, 0, 100, 0, 0);
  assert_change (entries, 1, 0, 0, 1100, 1100);

  /* every asset: the 1,100 kept, 100 added after them */
  g_array_set_size (entries, 0);
  query.categories = 0;
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (entries->len, ==, 4);
  assert_change (entries, 0, 1100, 0, 100, 1200);

  /* many rows out, few in: one change */
  g_array_set_size (entries, 0);
  query.search = "Host 05";
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (entries->len, ==, 4);
  assert_change (entries, 0, 0, 1200, 100, 100);
  g_array_set_size (entries, 0);
  query.search = "Host 06";
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (entries->len, ==, 4);
  assert_change (entries, 0, 0, 100, 100, 100);

  /* the same rows again: no change */
  g_array_set_size (entries, 0);
  cs_asset_list_set_query (list, &query);
  g_assert_cmpuint (entries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/perimeter/asset-list", test_asset_list);
  g_test_add_func ("/core/perimeter/asset-list-weak", test_asset_list_weak);
  g_test_add_func ("/core/perimeter/coverage", test_coverage);
  g_test_add_func ("/core/perimeter/delete-undo", test_delete_undo_many);
  g_test_add_func ("/core/perimeter/exclusions", test_exclusions);
  g_test_add_func ("/core/perimeter/search-and-filter", test_search_and_filter);
  g_test_add_func ("/core/perimeter/whole-list-in-id-order", test_whole_list_in_id_order);
  g_test_add_func ("/core/perimeter/requery-changes", test_requery_changes);

  return g_test_run ();
}
