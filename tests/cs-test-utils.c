/* cs-test-utils.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "cs-test-utils.h"

/* A path under the test's isolated data directory. */
char *
cs_test_build_path (const char *name)
{
  const char *dir = g_get_user_data_dir ();

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  return g_build_filename (dir, name, NULL);
}

/* The SHA-256 of a file, to prove that refused files are left byte-for-byte unchanged. */
char *
cs_test_file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
cs_test_write_file (const char *path,
                    const void *data,
                    gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

void
cs_test_copy_file (const char *from,
                   const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  cs_test_write_file (to, contents, length);
}

/* Asserts that @path still has the SHA-256 @sha256. */
void
cs_test_assert_unchanged (const char *path,
                          const char *sha256)
{
  g_autofree char *now = cs_test_file_sha256 (path);

  g_assert_cmpstr (now, ==, sha256);
}
