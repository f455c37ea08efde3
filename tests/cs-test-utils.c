/* cs-test-utils.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#define CS_TEST_UTILS_NO_WRAP
#include "cs-test-utils.h"

/*
 * G_TEST_OPTION_ISOLATE_DIRS gives each test its own home and XDG directories. GLib 2.74 drops
 * the previous strings without freeing them (callers may hold them), and LeakSanitizer reports
 * them. With fast unwinding (frame pointers, which the distribution's GLib does not keep) those
 * reports end in g_malloc(), like every leak of ours, so no suppression can single them out.
 * Each test therefore starts by keeping the current strings here, where they stay reachable.
 */
typedef struct
{
  GTestFunc        func;
  GTestDataFunc    data_func;
  GTestFixtureFunc setup;
  GTestFixtureFunc test;
  GTestFixtureFunc teardown;
  gconstpointer    data;
} Wrapped;

static GPtrArray *kept_dirs;
/* The wrappers of the registered tests, for the life of the process (reachable, also in the
 * subprocesses of g_test_trap_subprocess(), which exit before GLib frees its test cases). */
static GPtrArray *wrappers;

static Wrapped *
new_wrapper (void)
{
  Wrapped *wrapper = g_new0 (Wrapped, 1);

  if (wrappers == NULL)
    wrappers = g_ptr_array_new ();
  g_ptr_array_add (wrappers, wrapper);
  return wrapper;
}

static void
keep_user_dirs (void)
{
  const char * const *system_data = g_get_system_data_dirs ();
  const char * const *system_config = g_get_system_config_dirs ();

  if (kept_dirs == NULL)
    kept_dirs = g_ptr_array_new ();
  g_ptr_array_add (kept_dirs, (gpointer) g_get_home_dir ());
  g_ptr_array_add (kept_dirs, (gpointer) g_get_user_data_dir ());
  g_ptr_array_add (kept_dirs, (gpointer) g_get_user_config_dir ());
  g_ptr_array_add (kept_dirs, (gpointer) g_get_user_cache_dir ());
  g_ptr_array_add (kept_dirs, (gpointer) g_get_user_state_dir ());
  g_ptr_array_add (kept_dirs, (gpointer) g_get_user_runtime_dir ());
  g_ptr_array_add (kept_dirs, (gpointer) system_data);
  g_ptr_array_add (kept_dirs, (gpointer) system_config);
  for (guint i = 0; system_data[i] != NULL; i++)
    g_ptr_array_add (kept_dirs, (gpointer) system_data[i]);
  for (guint i = 0; system_config[i] != NULL; i++)
    g_ptr_array_add (kept_dirs, (gpointer) system_config[i]);
}

static void
run_func (gconstpointer data)
{
  const Wrapped *wrapped = data;

  keep_user_dirs ();
  wrapped->func ();
}

void
cs_test_add_func (const char *path,
                  GTestFunc   func)
{
  Wrapped *wrapped = new_wrapper ();

  wrapped->func = func;
  g_test_add_data_func (path, wrapped, run_func);
}

static void
run_data_func (gconstpointer data)
{
  const Wrapped *wrapped = data;

  keep_user_dirs ();
  wrapped->data_func (wrapped->data);
}

void
cs_test_add_data_func (const char    *path,
                       gconstpointer  test_data,
                       GTestDataFunc  func)
{
  Wrapped *wrapped = new_wrapper ();

  wrapped->data_func = func;
  wrapped->data = test_data;
  g_test_add_data_func (path, wrapped, run_data_func);
}

static void
run_setup (gpointer      fixture,
           gconstpointer data)
{
  const Wrapped *wrapped = data;

  keep_user_dirs ();
  if (wrapped->setup != NULL)
    wrapped->setup (fixture, wrapped->data);
}

static void
run_test (gpointer      fixture,
          gconstpointer data)
{
  const Wrapped *wrapped = data;

  wrapped->test (fixture, wrapped->data);
}

static void
run_teardown (gpointer      fixture,
              gconstpointer data)
{
  const Wrapped *wrapped = data;

  if (wrapped->teardown != NULL)
    wrapped->teardown (fixture, wrapped->data);
}

void
cs_test_add_vtable (const char       *path,
                    gsize             data_size,
                    gconstpointer     test_data,
                    GTestFixtureFunc  setup,
                    GTestFixtureFunc  test,
                    GTestFixtureFunc  teardown)
{
  Wrapped *wrapped = new_wrapper ();

  wrapped->setup = setup;
  wrapped->test = test;
  wrapped->teardown = teardown;
  wrapped->data = test_data;
  g_test_add_vtable (path, data_size, wrapped, run_setup, run_test, run_teardown);
}

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
