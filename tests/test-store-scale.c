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
#include "cs-store.h"
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

  return g_test_run ();
}
