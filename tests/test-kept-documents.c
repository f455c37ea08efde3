/* test-kept-documents.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cs-store.h"
#include "cs-test-utils.h"

/* Contract documents kept in the project (schema 3): compressed, with their SHA-256, read back
 * checked, deleted with Undo, and upgraded to from version 2. */

#define CONTRACT_TEXT \
  "Article 6 - Service levels\n6.1 P1 incidents: response within 30 minutes.\n" \
  "6.2 P2 incidents: response within 2 hours. 6.3 P3 incidents: response within 8 hours.\n"

static CsStore *
create_project (const char  *name,
                char       **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path (name);
  CsStore *store = cs_store_create (path, "Documents", &error);

  g_assert_no_error (error);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return store;
}

static CsRecord *
add_offer (CsStore    *store,
           const char *provider)
{
  g_autoptr(GError) error = NULL;
  CsRecord *offer = g_object_new (CS_TYPE_OFFER, "provider", provider, NULL);

  g_assert_true (cs_store_add (store, offer, &error));
  g_assert_no_error (error);
  return offer;
}

/* A contract text repeated to @size bytes: compressible, as contracts are. */
static GBytes *
make_contract (gsize size)
{
  GString *text = g_string_sized_new (size);

  while (text->len < size)
    g_string_append (text, CONTRACT_TEXT);
  g_string_truncate (text, size);
  return g_bytes_new_take (g_string_free (text, FALSE), size);
}

static CsKeptDocument *
keep (CsStore    *store,
      CsRecord   *offer,
      const char *file_name,
      GBytes     *contents)
{
  g_autoptr(GError) error = NULL;
  CsKeptDocument *document = cs_store_keep_document (store, cs_record_get_id (offer), file_name,
                                                     "application/pdf", contents, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_reads_back (CsStore        *store,
                   CsKeptDocument *document,
                   GBytes         *contents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) back = cs_store_read_document (store, document, &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, contents));
}

/* The length of the blob the file holds for document @id, read with SQLite itself. */
static gint64
stored_length (const char *path,
               gint64      id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 length = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT length(content) FROM contract_document WHERE id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    length = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return length;
}

static void
test_keep_and_read (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CsStore) store = create_project ("keep.contractscope", &path);
  g_autoptr(CsRecord) offer = add_offer (store, "Keep");
  g_autoptr(GBytes) contents = make_contract (200 * 1024);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(CsKeptDocument) document = keep (store, offer, "contrat <b>R&D</b>.pdf", contents);
  g_autoptr(CsKeptDocument) nothing = keep (store, offer, "empty.txt", empty);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) reopened = NULL;
  g_autoptr(CsRecord) listed = NULL;
  GListModel *documents;
  CsRecord *record = CS_RECORD (document);
  gint64 id = cs_record_get_id (record);

  g_assert_cmpstr (cs_record_get_string (record, "file_name"), ==, "contrat <b>R&D</b>.pdf");
  g_assert_cmpstr (cs_record_get_string (record, "media_type"), ==, "application/pdf");
  g_assert_cmpint (cs_record_get_int (record, "size"), ==, 200 * 1024);
  g_assert_cmpstr (cs_record_get_string (record, "sha256"), ==, sha256);
  g_assert_true (g_str_has_suffix (cs_record_get_string (record, "stored_at"), "Z"));
  g_assert_cmpint (cs_record_get_parent_id (record), ==, cs_record_get_id (offer));

  documents = cs_store_list (store, CS_TYPE_KEPT_DOCUMENT, cs_record_get_id (offer));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  assert_reads_back (store, document, contents);
  assert_reads_back (store, nothing, empty);
  cs_store_close (store);

  /* Stored compressed: a repetitive text takes far less room than it reads. */
  g_assert_cmpint (stored_length (path, id), >, 0);
  g_assert_cmpint (stored_length (path, id), <, 200 * 1024 / 10);

  /* And still there when the project is opened again. */
  reopened = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  documents = cs_store_list (reopened, CS_TYPE_KEPT_DOCUMENT, cs_record_get_id (offer));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  listed = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (cs_record_get_string (listed, "sha256"), ==, sha256);
  assert_reads_back (reopened, CS_KEPT_DOCUMENT (listed), contents);
}

/* A document larger than the limit is refused, with its size in the message, and nothing is
 * written; one at the limit is kept. */
static void
test_too_large (void)
{
  g_autoptr(CsStore) store = create_project ("large.contractscope", NULL);
  g_autoptr(CsRecord) offer = add_offer (store, "Large");
  gsize limit = CS_KEPT_DOCUMENT_MAX_SIZE;
  g_autoptr(GBytes) too_large = g_bytes_new_take (g_malloc0 (limit + 1), limit + 1);
  g_autoptr(GBytes) at_limit = g_bytes_new_from_bytes (too_large, 0, limit);
  g_autoptr(CsKeptDocument) refused = NULL;
  g_autoptr(CsKeptDocument) kept = NULL;
  g_autoptr(GError) error = NULL;

  refused = cs_store_keep_document (store, cs_record_get_id (offer), "huge.pdf", "application/pdf",
                                    too_large, &error);
  g_assert_null (refused);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "huge.pdf"));
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_KEPT_DOCUMENT,
                                                             cs_record_get_id (offer))), ==, 0);

  kept = keep (store, offer, "limit.pdf", at_limit);
  assert_reads_back (store, kept, at_limit);
}

static void
overwrite_content (const char   *path,
                   gint64        id,
                   const guint8 *bytes,
                   gsize         len)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE contract_document SET content = ?1 WHERE id = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, bytes, (int) len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A copy whose bytes are not the ones kept (another document compressed alike, or bytes that
 * are no gzip at all) is said to be damaged: never handed out. */
static void
test_mismatch (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CsStore) store = create_project ("mismatch.contractscope", &path);
  g_autoptr(CsRecord) offer = add_offer (store, "Mismatch");
  g_autoptr(GBytes) contents = make_contract (4096);
  g_autoptr(GBytes) other = make_contract (4095);
  g_autoptr(CsKeptDocument) document = keep (store, offer, "contract.pdf", contents);
  g_autoptr(GBytes) other_compressed = NULL;
  gint64 id = cs_record_get_id (CS_RECORD (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) reopened = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(CsRecord) listed = NULL;
  static const guint8 garbage[] = { 0x1f, 0x8b, 0x08, 0x00, 'n', 'o', 't', ' ', 'g', 'z' };

  /* The control: as kept, it reads back. */
  assert_reads_back (store, document, contents);
  other_compressed = cs_kept_document_deflate (other, "other", &error);
  g_assert_no_error (error);
  cs_store_close (store);

  for (guint round = 0; round < 2; round++)
    {
      if (round == 0)
        overwrite_content (path, id, g_bytes_get_data (other_compressed, NULL),
                           g_bytes_get_size (other_compressed));
      else
        overwrite_content (path, id, garbage, sizeof garbage);

      reopened = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      listed = g_list_model_get_item (cs_store_list (reopened, CS_TYPE_KEPT_DOCUMENT,
                                                     cs_record_get_id (offer)), 0);
      back = cs_store_read_document (reopened, CS_KEPT_DOCUMENT (listed), &error);
      g_assert_null (back);
      g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "contract.pdf"));
      g_clear_error (&error);
      g_clear_object (&listed);
      cs_store_close (reopened);
      g_clear_object (&reopened);
    }
}

/* Deleting a document, then its offer, each with Undo: both come back, readable. */
static void
test_delete_undo (void)
{
  g_autoptr(CsStore) store = create_project ("undo.contractscope", NULL);
  g_autoptr(CsRecord) offer = add_offer (store, "Undo");
  g_autoptr(GBytes) contents = make_contract (64 * 1024);
  g_autoptr(GBytes) annex = make_contract (1000);
  g_autoptr(CsKeptDocument) document = keep (store, offer, "contract.pdf", contents);
  g_autoptr(CsKeptDocument) second = keep (store, offer, "annex.pdf", annex);
  gint64 offer_id = cs_record_get_id (offer);
  GListModel *documents = cs_store_list (store, CS_TYPE_KEPT_DOCUMENT, offer_id);
  g_autoptr(CsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRecord) back = NULL;

  deletion = cs_store_delete (store, CS_RECORD (document), &error);
  g_assert_no_error (error);
  cs_store_push_undo (store, &deletion, 1);
  g_clear_pointer (&deletion, cs_deletion_unref);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);

  g_assert_true (cs_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  assert_reads_back (store, document, contents);

  /* The offer goes, and its documents with it. */
  deletion = cs_store_delete (store, offer, &error);
  g_assert_no_error (error);
  cs_store_push_undo (store, &deletion, 1);
  g_clear_pointer (&deletion, cs_deletion_unref);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_KEPT_DOCUMENT,
                                                             offer_id)), ==, 0);

  g_assert_true (cs_store_undo (store, &error));
  g_assert_no_error (error);
  documents = cs_store_list (store, CS_TYPE_KEPT_DOCUMENT, offer_id);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  back = g_list_model_get_item (documents, 1);
  g_assert_cmpstr (cs_record_get_string (back, "file_name"), ==, "annex.pdf");
  assert_reads_back (store, CS_KEPT_DOCUMENT (back), annex);
  g_clear_object (&back);
  back = g_list_model_get_item (documents, 0);
  assert_reads_back (store, CS_KEPT_DOCUMENT (back), contents);
}

/* A project of schema version 2 upgrades to one that keeps documents. */
static void
test_upgrade_from_v2 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "schema-v2.contractscope",
                                                    NULL);
  g_autofree char *path = cs_test_build_path ("upgraded-v2.contractscope");
  g_autoptr(GBytes) contents = make_contract (5000);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsRecord) offer = NULL;
  g_autoptr(CsKeptDocument) document = NULL;

  cs_test_copy_file (fixture, path);
  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_store_get_schema_version (store), ==, CS_STORE_SCHEMA_VERSION);

  offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_KEPT_DOCUMENT,
                                                             cs_record_get_id (offer))), ==, 0);
  document = keep (store, offer, "upgraded.pdf", contents);
  assert_reads_back (store, document, contents);
}

/* The fixture of schema version 3: its kept document reads back as it was. */
static void
test_fixture_v3 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "schema-v3.contractscope",
                                                    NULL);
  g_autofree char *path = cs_test_build_path ("fixture-v3.contractscope");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsRecord) offer = NULL;
  g_autoptr(CsRecord) document = NULL;
  g_autoptr(GBytes) back = NULL;
  GListModel *documents;

  cs_test_copy_file (fixture, path);
  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_store_get_schema_version (store), ==, CS_STORE_SCHEMA_VERSION);

  offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  g_assert_cmpstr (cs_offer_get_provider (CS_OFFER (offer)), ==, "Fixture Incumbent");
  documents = cs_store_list (store, CS_TYPE_KEPT_DOCUMENT, cs_record_get_id (offer));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  document = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (cs_record_get_string (document, "file_name"), ==, "contrat-infogérance.txt");
  g_assert_cmpstr (cs_record_get_string (document, "media_type"), ==, "text/plain");
  g_assert_cmpint (cs_record_get_int (document, "size"), ==, 100);

  back = cs_store_read_document (store, CS_KEPT_DOCUMENT (document), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (back), ==, 100);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (back, NULL), "Article 6 - Service levels\n"));

  /* And it can be edited. */
  g_assert_true (cs_store_set_string (store, document, "file_name", "renamed.txt", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/kept-documents/keep-and-read", test_keep_and_read);
  g_test_add_func ("/core/kept-documents/too-large", test_too_large);
  g_test_add_func ("/core/kept-documents/mismatch", test_mismatch);
  g_test_add_func ("/core/kept-documents/delete-undo", test_delete_undo);
  g_test_add_func ("/core/kept-documents/upgrade-from-v2", test_upgrade_from_v2);
  g_test_add_func ("/core/kept-documents/fixture-v3", test_fixture_v3);

  return g_test_run ();
}
