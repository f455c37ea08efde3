/* test-csv-import.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cs-csv-import.h"
#include "cs-model.h"
#include "cs-store.h"
#include "cs-test-utils.h"

static CsStore *
new_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "import.contractscope", NULL);
  CsStore *store = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_unlink (path);
  store = cs_store_create (path, "Import client", &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static CsCsvImport *
open_csv (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  CsCsvImport *import = cs_csv_import_new_for_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static CsCsvReport *
import_file (CsStore    *store,
             const char *name)
{
  g_autoptr(CsCsvImport) import = open_csv (name);
  g_autoptr(GError) error = NULL;
  CsCsvReport *report = cs_csv_import_run (import, store, FALSE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static CsAsset *
find_asset (CsStore    *store,
            const char *name)
{
  CsAssetQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;

  query.search = name;
  ids = cs_store_query_asset_ids (store, &query, NULL);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      CsRecord *record = cs_store_find (store, CS_TYPE_ASSET, g_array_index (ids, gint64, i));

      if (g_strcmp0 (cs_asset_get_name (CS_ASSET (record)), name) == 0)
        return CS_ASSET (record);
    }

  return NULL;
}

static const char *
site_of (CsStore *store,
         CsAsset *asset)
{
  CsRecord *site = cs_store_find (store, CS_TYPE_SITE, cs_asset_get_site_id (asset));

  return site != NULL ? cs_site_get_name (CS_SITE (site)) : "";
}

static void
assert_rejected (CsCsvReport *report,
                 guint        line,
                 const char  *fragment)
{
  for (guint i = 0; i < report->rejected->len; i++)
    {
      CsCsvRejection *r = &g_array_index (report->rejected, CsCsvRejection, i);

      if (r->line == line)
        {
          g_assert_nonnull (strstr (r->reason, fragment));
          return;
        }
    }
  g_error ("line %u not rejected", line);
}

static void
test_glpi_fr (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvReport) report = import_file (store, "glpi-fr.csv");
  CsAsset *asset = NULL;

  g_assert_cmpuint (report->n_imported, ==, 5);
  g_assert_cmpuint (report->rejected->len, ==, 1);
  assert_rejected (report, 7, "no name");
  g_assert_cmpuint (report->n_sites_created, ==, 2);

  asset = find_asset (store, "PC-COMPTA-01");
  g_assert_nonnull (asset);
  g_assert_cmpstr (cs_asset_get_category (asset), ==, "endpoint");
  g_assert_cmpstr (site_of (store, asset), ==, "Lyon");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (asset), "serial"), ==, "7XK2L13");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (asset), "vendor"), ==, "Dell Inc.");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (asset), "owner"), ==, "m.durand");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "SW-CORE-01")), ==, "switch");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "IMP-RDC")), ==, "printer");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "TEL-ACCUEIL")), ==, "telephony");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "SRV-AD-01")), ==, "server");
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_get_sites (store)), ==, 2);
}

static void
test_glpi_en (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvReport) report = import_file (store, "glpi-en.csv");

  g_assert_cmpuint (report->n_imported, ==, 4);
  assert_rejected (report, 6, "Flux capacitor");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "FW-EDGE")), ==, "firewall");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "AP-FLOOR2")), ==, "wifi_ap");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "NAS-BACKUP")), ==, "nas");
  g_assert_cmpstr (site_of (store, find_asset (store, "LT-SALES-07")), ==, "Paris");
}

static void
test_snipeit (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvImport) import = open_csv ("snipeit.csv");
  g_autoptr(CsCsvReport) report = NULL;

  g_assert_cmpint (cs_csv_import_get_delimiter (import), ==, ',');
  /* "Model" beats "Model No." */
  g_assert_cmpint (cs_csv_import_get_column_field (import, 3), ==, CS_CSV_FIELD_MODEL);
  g_assert_cmpint (cs_csv_import_get_column_field (import, 4), ==, CS_CSV_FIELD_NONE);
  report = cs_csv_import_run (import, store, FALSE, NULL, NULL);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_imported, ==, 4);
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "MacBook Marketing")), ==, "endpoint");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "iPhone Direction")), ==, "remote_device");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (find_asset (store, "iPhone Direction")), "notes"),
                   ==, "Company phone, leased");
}

static void
test_rmm_tab (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvImport) import = open_csv ("rmm.tsv");
  g_autoptr(CsCsvReport) report = NULL;

  g_assert_cmpint (cs_csv_import_get_delimiter (import), ==, '\t');
  report = cs_csv_import_run (import, store, FALSE, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 3);
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "SRV-FILE")), ==, "server");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "WS-001")), ==, "endpoint");
}

static void
test_spreadsheet_1252 (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvImport) import = open_csv ("spreadsheet-fr-1252.csv");
  g_autoptr(CsCsvReport) report = NULL;
  CsAsset *asset = NULL;
  guint line = 0;
  const char *rejection = NULL;
  const char * const *preview = NULL;

  g_assert_cmpint (cs_csv_import_get_encoding (import), ==, CS_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (cs_csv_import_get_delimiter (import), ==, ';');
  g_assert_cmpstr (cs_csv_import_get_headers (import)[0], ==, "Catégorie");

  /* the preview shows rows as they will be imported */
  g_assert_cmpuint (cs_csv_import_get_n_preview_rows (import), ==, 5);
  preview = cs_csv_import_get_preview_row (import, 0, &line, &rejection);
  g_assert_cmpuint (line, ==, 2);
  g_assert_null (rejection);
  g_assert_cmpstr (preview[CS_CSV_FIELD_CATEGORY], ==, "business_application");
  g_assert_cmpstr (preview[CS_CSV_FIELD_CRITICALITY], ==, "1");
  cs_csv_import_get_preview_row (import, 4, &line, &rejection);
  g_assert_cmpuint (line, ==, 6);
  g_assert_nonnull (rejection);

  report = cs_csv_import_run (import, store, FALSE, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 4);
  assert_rejected (report, 6, "deux");
  asset = find_asset (store, "Logiciel de paie « Sage »");
  g_assert_nonnull (asset);
  g_assert_cmpstr (cs_asset_get_category (asset), ==, "business_application");
  g_assert_cmpint (cs_record_get_int (CS_RECORD (asset), "criticality"), ==, 1);
  g_assert_cmpstr (site_of (store, asset), ==, "Siège");
  g_assert_cmpint (cs_record_get_int (CS_RECORD (find_asset (store, "Postes accueil")), "quantity"), ==, 12);
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "Tenant verdier.fr")), ==, "saas_tenant");
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "Veeam B&R")), ==, "backup_system");
}

static void
test_utf16_and_quotes (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvImport) import = open_csv ("utf16le-bom.csv");
  g_autoptr(CsCsvReport) report = NULL;
  g_autoptr(CsCsvReport) quoted = NULL;

  g_assert_cmpint (cs_csv_import_get_encoding (import), ==, CS_CSV_ENCODING_UTF16LE);
  report = cs_csv_import_run (import, store, FALSE, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 3);
  g_assert_nonnull (find_asset (store, "Switch étage 1"));
  g_assert_cmpstr (cs_asset_get_category (find_asset (store, "Cloud AWS")), ==, "cloud_tenant");

  quoted = import_file (store, "quoted-newlines.csv");
  g_assert_cmpuint (quoted->n_imported, ==, 2);
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (find_asset (store, "SRV-APP")), "notes"), ==,
                   "Line one\r\nLine two, with comma\r\nLine \"three\"");
}

static void
test_duplicates (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvReport) first = import_file (store, "glpi-fr.csv");
  g_autoptr(CsCsvImport) import = open_csv ("glpi-fr.csv");
  g_autoptr(CsCsvReport) dry = NULL;
  g_autoptr(CsCsvReport) second = NULL;
  CsAssetQuery all = { 0 };
  g_autoptr(GArray) ids = NULL;

  /* a dry run lists the duplicates and writes nothing */
  dry = cs_csv_import_run (import, store, TRUE, NULL, NULL);
  g_assert_true (dry->dry_run);
  g_assert_cmpuint (dry->duplicates->len, ==, 5);
  g_assert_true (g_array_index (dry->duplicates, CsCsvDuplicate, 0).by_serial);

  /* per-duplicate choices override the global one */
  cs_csv_import_set_duplicate_action (import, CS_DUPLICATE_SKIP);
  cs_csv_import_set_line_duplicate_action (import, 2, CS_DUPLICATE_ADD);
  cs_csv_import_set_line_duplicate_action (import, 3, CS_DUPLICATE_UPDATE);
  second = cs_csv_import_run (import, store, FALSE, NULL, NULL);
  g_assert_cmpuint (second->n_imported, ==, 1);
  g_assert_cmpuint (second->n_updated, ==, 1);
  g_assert_cmpuint (second->n_skipped, ==, 3);

  ids = cs_store_query_asset_ids (store, &all, NULL);
  g_assert_cmpuint (ids->len, ==, 6);
}

static gint64
query_int (CsStore    *store,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (cs_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* 2,100 assets, inserted in batches (two full ones of 1,024 rows, the rest one by one); the
 * last row updates one still waiting in the queue. The file is large enough (over 64 KB) for
 * the import to build the deferrable indexes after its inserts. */
static CsCsvReport *
import_batches (CsStore *store)
{
  g_autoptr(GString) csv = g_string_new ("name,serial,owner,site,notes\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  CsCsvReport *report = NULL;

  for (guint i = 0; i < 2100; i++)
    g_string_append_printf (csv, "PC-%04u,S%04u,user %u,Site %u,a note long enough for 64 KB\n",
                            i, i, i, i % 3);
  g_string_append (csv, "PC-new,S2090,new owner,Site 2,new\n");
  g_assert_cmpuint (csv->len, >, 64 * 1024);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  import = cs_csv_import_new_for_bytes (bytes, "batches.csv", &error);
  g_assert_no_error (error);
  cs_csv_import_set_duplicate_action (import, CS_DUPLICATE_UPDATE);
  report = cs_csv_import_run (import, store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_imported, ==, 2100);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->duplicates->len, ==, 1);
  g_assert_cmpuint (g_array_index (report->duplicates, CsCsvDuplicate, 0).line, ==, 2102);
  g_assert_cmpuint (report->rejected->len, ==, 0);

  return report;
}

static void
test_batches (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvReport) report = import_batches (store);
  CsCsvDuplicate *duplicate = &g_array_index (report->duplicates, CsCsvDuplicate, 0);

  g_assert_cmpint (duplicate->existing_id, ==, 2091);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset"), ==, 2100);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset WHERE id = 2091 AND name = 'PC-new' "
                                     "AND owner = 'new owner'"), ==, 1);
  /* the site index, rebuilt after the inserts, is there and complete */
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset INDEXED BY asset_site_id "
                                     "WHERE site_id IS NOT NULL"), ==, 2100);
  /* each asset with its own values (a mix-up within a batch would show) */
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset a JOIN site s ON s.id = a.site_id "
                                     "WHERE a.id <> 2091 AND a.name = printf('PC-%04d', a.id - 1) "
                                     "AND a.serial = printf('S%04d', a.id - 1) "
                                     "AND a.owner = printf('user %d', a.id - 1) "
                                     "AND s.name = printf('Site %d', (a.id - 1) % 3)"), ==, 2099);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM sqlite_schema "
                                     "WHERE name IN ('asset_site_id', 'asset_critical', "
                                     "'asset_category', 'asset_name_nocase')"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset INDEXED BY asset_category "
                                     "WHERE category >= ''"), ==, 2100);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset INDEXED BY asset_name_nocase "
                                     "WHERE name COLLATE NOCASE >= 'pc-'"), ==, 2100);
}

/* When the ids SQLite gives cannot be predicted, the import starts again row by row. */
static void
test_batches_fallback (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvReport) report = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (cs_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO asset (id, name) VALUES (9223372036854775807, 'Last')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  report = import_batches (store);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset"), ==, 2101);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset WHERE name = 'PC-new' "
                                     "AND owner = 'new owner'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM site"), ==, 3);
}

static void
test_remembered_mapping (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvImport) import = open_csv ("rmm.tsv");
  g_autoptr(CsCsvImport) again = open_csv ("rmm.tsv");
  g_autoptr(CsCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_csv_import_parse_mapping (import, "OS=notes", &error));
  g_assert_no_error (error);
  g_assert_false (cs_csv_import_parse_mapping (import, "Nope=notes", &error));
  g_assert_error (error, CS_CSV_ERROR, CS_CSV_ERROR_MAPPING);
  report = cs_csv_import_run (import, store, FALSE, NULL, NULL);
  g_assert_nonnull (report);

  g_assert_cmpint (cs_csv_import_get_column_field (again, 6), ==, CS_CSV_FIELD_NONE);
  g_assert_true (cs_csv_import_apply_remembered_mapping (again, store));
  g_assert_cmpint (cs_csv_import_get_column_field (again, 6), ==, CS_CSV_FIELD_NOTES);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  CsCsvReport *report = cs_csv_import_run_finish (CS_CSV_IMPORT (source), result, error);

  g_assert_null (report);
}

static void
test_cancel_leaves_project (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) csv = g_string_new ("name;category;site\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  CsAssetQuery all = { 0 };
  g_autoptr(GArray) ids = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (csv, "PC-%u;endpoint;Site %u\n", i, i % 7);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  import = cs_csv_import_new_for_bytes (bytes, "big.csv", NULL);
  g_assert_nonnull (import);

  before = cs_test_file_sha256 (cs_store_get_path (store));
  g_cancellable_cancel (cancellable);
  cs_csv_import_run_async (import, store, FALSE, cancellable, import_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  cs_test_assert_unchanged (cs_store_get_path (store), before);
  ids = cs_store_query_asset_ids (store, &all, NULL);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_get_sites (store)), ==, 0);
}

/* A file several times larger than what the import reads at a time (4 MB) and than the rows
 * the parser may be ahead (4 × 1,024): every row imported with its values, the rejections in
 * line order, a duplicate of a row read long before. */
#define STREAM_ROWS 80000

static char *
write_stream_csv (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "stream.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("name,serial,owner,site,criticality,notes\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < STREAM_ROWS; i++)
    g_string_append_printf (csv, "PC-%05u,SN%05u,user %u,Site %u > Room %u,%s,\"Note, row %u: "
                            "a longer text so that the file is larger than the window\"\n",
                            i, i, i % 97, i % 11, i % 5, i % 7000 == 6999 ? "9" : "2", i);
  g_string_append (csv, "PC-again,SN00003,again,Site 3,1,duplicate of line 5\n");
  g_assert_cmpuint (csv->len, >, 2 * 4 * 1024 * 1024);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_streamed (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autofree char *path = write_stream_csv ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCsvImport) import = cs_csv_import_new_for_path (path, &error);
  g_autoptr(CsCsvReport) report = NULL;
  guint n_rejected = STREAM_ROWS / 7000;

  g_assert_no_error (error);
  report = cs_csv_import_run (import, store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  g_assert_cmpuint (report->n_rows, ==, STREAM_ROWS + 1);
  g_assert_cmpuint (report->n_imported, ==, STREAM_ROWS - n_rejected);
  g_assert_cmpuint (report->rejected->len, ==, n_rejected);
  for (guint i = 0; i < n_rejected; i++)
    /* line 1 is the header: row i is on line i + 2 */
    g_assert_cmpuint (g_array_index (report->rejected, CsCsvRejection, i).line, ==,
                      7000 * i + 6999 + 2);
  g_assert_cmpuint (report->duplicates->len, ==, 1);
  g_assert_cmpuint (g_array_index (report->duplicates, CsCsvDuplicate, 0).line, ==,
                    STREAM_ROWS + 2);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset"), ==, STREAM_ROWS - n_rejected);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM site"), ==, 11);
  /* each row's values, where it was written: a mix-up between batches would show */
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset a JOIN site s ON s.id = a.site_id "
                                     "WHERE a.serial = printf('SN%05d', CAST(substr(a.name, 4) AS INTEGER)) "
                                     "AND a.owner = printf('user %d', CAST(substr(a.name, 4) AS INTEGER) % 97) "
                                     "AND s.name = printf('Site %d', CAST(substr(a.name, 4) AS INTEGER) % 11) "
                                     "AND a.notes = printf('Note, row %d: a longer text so that the file is "
                                     "larger than the window', CAST(substr(a.name, 4) AS INTEGER))"),
                   ==, STREAM_ROWS - n_rejected);
  g_unlink (path);
}

typedef struct
{
  CsCsvImport  *import;
  GCancellable *cancellable;
} CancelData;

static gboolean
cancel_once_started_cb (gpointer data)
{
  CancelData *cancel = data;

  if (cs_csv_import_get_progress (cancel->import) <= 0)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (cancel->cancellable);

  return G_SOURCE_REMOVE;
}

/* Cancelled while rows are parsed and inserted: the project is left byte for byte. */
static void
test_cancel_midway (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autofree char *path = write_stream_csv ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCsvImport) import = cs_csv_import_new_for_path (path, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = NULL;
  CancelData cancel = { import, cancellable };

  g_assert_no_error (error);
  before = cs_test_file_sha256 (cs_store_get_path (store));
  g_timeout_add (1, cancel_once_started_cb, &cancel);
  cs_csv_import_run_async (import, store, FALSE, cancellable, import_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  cs_test_assert_unchanged (cs_store_get_path (store), before);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM asset"), ==, 0);
  g_unlink (path);
}

static void
async_ok_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CsCsvReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cs_csv_import_run_finish (CS_CSV_IMPORT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async_reloads_store (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvImport) import = open_csv ("glpi-fr.csv");
  g_autoptr(CsCsvReport) report = NULL;
  GListModel *sites = cs_store_get_sites (store);

  g_assert_cmpuint (g_list_model_get_n_items (sites), ==, 0);
  cs_csv_import_run_async (import, store, FALSE, NULL, async_ok_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (report->n_imported, ==, 5);
  g_assert_cmpfloat (cs_csv_import_get_progress (import), ==, 1.0);
  /* the main connection's cached list saw the sites created by the import's connection */
  g_assert_cmpuint (g_list_model_get_n_items (sites), ==, 2);
}

static void
assert_file_error (const char *name,
                   GBytes     *bytes,
                   int         code,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCsvImport) import = NULL;

  if (bytes != NULL)
    import = cs_csv_import_new_for_bytes (bytes, name, &error);
  else
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);

      import = cs_csv_import_new_for_path (path, &error);
    }
  g_assert_null (import);
  g_assert_error (error, CS_CSV_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
}

static void
test_hostile (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvReport) invalid = import_file (store, "invalid-utf8.csv");
  g_autoptr(CsCsvReport) nul = import_file (store, "nul-bytes.csv");
  g_autoptr(CsCsvReport) unbalanced = NULL;
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GString) huge = g_string_new ("name,notes\nOK,fine\n");
  g_autoptr(GBytes) wide_bytes = NULL;
  g_autoptr(GBytes) huge_bytes = NULL;
  g_autoptr(CsCsvImport) huge_import = NULL;
  g_autoptr(CsCsvReport) huge_report = NULL;

  g_assert_cmpuint (invalid->n_imported, ==, 2);
  assert_rejected (invalid, 3, "UTF-8");
  g_assert_cmpuint (nul->n_imported, ==, 2);
  assert_rejected (nul, 3, "NUL");

  unbalanced = import_file (store, "unbalanced-quote.csv");
  assert_rejected (unbalanced, 3, "never closed");

  assert_file_error ("empty.csv", NULL, CS_CSV_ERROR_EMPTY, "empty");
  assert_file_error ("header-only.csv", NULL, CS_CSV_ERROR_NO_ROWS, "no rows");

  /* 10,000 columns */
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (wide, "%sc%u", i > 0 ? "," : "", i);
  g_string_append (wide, "\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (wide, "%sv", i > 0 ? "," : "");
  g_string_append (wide, "\n");
  wide_bytes = g_string_free_to_bytes (g_steal_pointer (&wide));
  assert_file_error ("wide.csv", wide_bytes, CS_CSV_ERROR_TOO_MANY_COLUMNS, "Line 1");

  /* a 1 MB field in the name and one just over the notes limit */
  g_string_append (huge, "\"");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (huge, 'x');
  g_string_append (huge, "\",short\nN2,\"");
  for (guint i = 0; i < 1024 * 1024 + 1; i++)
    g_string_append_c (huge, 'y');
  g_string_append (huge, "\"\nLAST,ok\n");
  huge_bytes = g_string_free_to_bytes (g_steal_pointer (&huge));
  huge_import = cs_csv_import_new_for_bytes (huge_bytes, "huge.csv", NULL);
  g_assert_nonnull (huge_import);
  huge_report = cs_csv_import_run (huge_import, store, FALSE, NULL, NULL);
  g_assert_nonnull (huge_report);
  g_assert_cmpuint (huge_report->n_imported, ==, 2);
  assert_rejected (huge_report, 3, "longer than");
  assert_rejected (huge_report, 4, "longer than");
}

static void
test_report_text (void)
{
  g_autoptr(CsStore) store = new_project ();
  g_autoptr(CsCsvReport) report = import_file (store, "glpi-en.csv");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "report.txt", NULL);
  g_autofree char *text = NULL;

  g_assert_true (cs_csv_report_save (report, path, NULL));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Line 6:"));
  g_assert_nonnull (strstr (text, "Imported: 4"));
}

static void
test_category_map (void)
{
  g_assert_cmpstr (cs_csv_map_category ("Computer"), ==, "endpoint");
  g_assert_cmpstr (cs_csv_map_category ("Ordinateur"), ==, "endpoint");
  g_assert_cmpstr (cs_csv_map_category ("Network device"), ==, "switch");
  g_assert_cmpstr (cs_csv_map_category ("Matériel réseau"), ==, "switch");
  g_assert_cmpstr (cs_csv_map_category ("Imprimante"), ==, "printer");
  g_assert_cmpstr (cs_csv_map_category ("Téléphone"), ==, "telephony");
  g_assert_cmpstr (cs_csv_map_category ("Windows Server"), ==, "server");
  g_assert_cmpstr (cs_csv_map_category ("Workstation"), ==, "endpoint");
  g_assert_cmpstr (cs_csv_map_category ("wifi_ap"), ==, "wifi_ap");
  g_assert_null (cs_csv_map_category ("Flux capacitor"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/csv-import/category-map", test_category_map);
  g_test_add_func ("/core/csv-import/glpi-fr", test_glpi_fr);
  g_test_add_func ("/core/csv-import/glpi-en", test_glpi_en);
  g_test_add_func ("/core/csv-import/snipeit", test_snipeit);
  g_test_add_func ("/core/csv-import/rmm-tab", test_rmm_tab);
  g_test_add_func ("/core/csv-import/spreadsheet-1252", test_spreadsheet_1252);
  g_test_add_func ("/core/csv-import/utf16-quotes", test_utf16_and_quotes);
  g_test_add_func ("/core/csv-import/duplicates", test_duplicates);
  g_test_add_func ("/core/csv-import/batches", test_batches);
  g_test_add_func ("/core/csv-import/batches-fallback", test_batches_fallback);
  g_test_add_func ("/core/csv-import/remembered-mapping", test_remembered_mapping);
  g_test_add_func ("/core/csv-import/cancel", test_cancel_leaves_project);
  g_test_add_func ("/core/csv-import/streamed", test_streamed);
  g_test_add_func ("/core/csv-import/cancel-midway", test_cancel_midway);
  g_test_add_func ("/core/csv-import/async", test_async_reloads_store);
  g_test_add_func ("/core/csv-import/hostile", test_hostile);
  g_test_add_func ("/core/csv-import/report", test_report_text);

  return g_test_run ();
}
