/* cs-store-clean.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record of a clean close: when this application closes a project it edited, and nothing
 * else wrote to the file meanwhile, it notes what the file looks like (device, inode, size,
 * modification and status-change times, SQLite's file change counter, no journal or WAL beside
 * it). The next open of a file that still looks exactly like that skips the integrity check:
 * the file is the one that passed it at the previous open, changed only by our own commits.
 * Anything else that writes to the file changes its status-change time (which no program can
 * set back) and its change counter, so such a file is checked again.
 *
 * The records live in the user's cache folder, one small file per project path, so that the
 * project file itself is never written to record them. After the line describing the file, a
 * record keeps the perimeter's aggregates of that very file (cs-store-aggregates.c), so that
 * the first score after such an open reads no inventory.
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cs-autocleanups-private.h"
#include "cs-store-private.h"

/* bytes 24..27 of the database header: incremented by every commit in rollback-journal mode */
#define CHANGE_COUNTER_OFFSET 24

static char *
record_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);

  return g_build_filename (g_get_user_cache_dir (), "contract-scope", "clean-close", digest, NULL);
}

static gboolean
has_side_files (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      struct stat st;

      if (g_lstat (side, &st) == 0)
        return TRUE;
    }

  return FALSE;
}

/* What the file looks like now, as one line; NULL if it cannot be read. */
static char *
describe_file (int         fd,
               const char *path)
{
  guint8 counter[4];
  struct stat st;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || has_side_files (path))
    return NULL;
  if (pread (fd, counter, sizeof counter, CHANGE_COUNTER_OFFSET) != (ssize_t) sizeof counter)
    return NULL;

  return g_strdup_printf ("1 %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT ".%09ld %" G_GINT64_FORMAT ".%09ld %u\n",
                          (guint64) st.st_dev, (guint64) st.st_ino, (gint64) st.st_size,
                          (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          (gint64) st.st_ctim.tv_sec, (long) st.st_ctim.tv_nsec,
                          _cs_store_read_be32 (counter));
}

/*
 * _cs_store_clean_close_matches:
 * @fd: a descriptor of the project file
 * @path: its path
 *
 * Returns: %TRUE if the file is exactly as this application left it at its last clean close
 */
gboolean
_cs_store_clean_close_matches (int          fd,
                               const char  *path,
                               char       **out_kept)
{
  g_autofree char *record = record_path (path);
  g_autofree char *recorded = NULL;
  g_autofree char *now = NULL;
  gsize length;

  *out_kept = NULL;
  if (!g_file_get_contents (record, &recorded, NULL, NULL))
    return FALSE;
  now = describe_file (fd, path);
  if (now == NULL)
    return FALSE;

  length = strlen (now);
  if (strncmp (now, recorded, length) != 0)
    return FALSE;
  if (recorded[length] != '\0')
    *out_kept = g_strdup (recorded + length);

  return TRUE;
}

/*
 * _cs_store_clean_close_forget:
 * Drops the record of @path, so that its next open is checked.
 */
void
_cs_store_clean_close_forget (const char *path)
{
  g_autofree char *record = record_path (path);

  if (g_unlink (record) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", record, g_strerror (errno));
}

/*
 * _cs_store_clean_close_record:
 * @fd: a descriptor of the project file, still locked by this process
 * @path: its path
 * @kept: (nullable): what to keep with the record (lines of text)
 *
 * Notes what the file looks like after a clean close. A failure only means the next open is
 * checked.
 */
void
_cs_store_clean_close_record (int         fd,
                              const char *path,
                              const char *kept)
{
  g_autofree char *record = record_path (path);
  g_autofree char *dir = g_path_get_dirname (record);
  g_autofree char *description = describe_file (fd, path);
  g_autofree char *now = NULL;
  g_autoptr(GError) error = NULL;

  if (description == NULL)
    {
      _cs_store_clean_close_forget (path);
      return;
    }
  now = g_strconcat (description, kept, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (record, now, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &error))
    g_debug ("Could not record the clean close of %s: %s", path,
             error != NULL ? error->message : g_strerror (errno));
}

/* The integrity check left for later (CS_STORE_OPEN_CHECK_LATER) */

/**
 * cs_store_is_checking:
 * @self: a store
 *
 * Returns: %TRUE while the integrity check left to cs_store_check_async() has not passed:
 *   changes are refused meanwhile
 */
gboolean
cs_store_is_checking (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);

  return self->checking;
}

/* In a worker thread: the check on a connection of its own, the file locked by the store. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    _cs_store_set_open_error (&error, db, rc, display_name);
  else if (_cs_store_configure_connection (db, &error))
    _cs_store_quick_check (db, display_name, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cs_store_check_async:
 * @self: a store opened with %CS_STORE_OPEN_CHECK_LATER
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is over
 * @user_data: data for @callback
 *
 * Runs the integrity check the open left for later in a worker thread, so that the window
 * stays responsive on a large project. Finish with cs_store_check_finish().
 */
void
cs_store_check_async (CsStore             *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_store_check_async);
  if (!self->checking)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * cs_store_check_finish:
 * @self: a store
 * @result: the result given to the callback of cs_store_check_async()
 * @error: return location for a #CsStoreError
 *
 * On success the project accepts changes (#CsStore:checking becomes %FALSE). On failure it
 * keeps refusing them; the file was left unchanged and should be closed.
 *
 * Returns: %TRUE if the project passed the integrity check
 */
gboolean
cs_store_check_finish (CsStore       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (self->checking)
    {
      self->checking = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), _cs_store_checking_pspec);
    }

  return TRUE;
}
