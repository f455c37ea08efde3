/* cs-test-vfs.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An sqlite3_vfs shim that loses unsynced writes as a power cut would (see cs-test-vfs.h).
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cs-test-vfs.h"

typedef struct
{
  sqlite3_int64 offset;
  int           length;
  guint8        data[];
} PendingWrite;

typedef struct _ShimFile ShimFile;

struct _ShimFile
{
  sqlite3_file  base;
  sqlite3_file *real;     /* follows this struct, in the same allocation */
  GPtrArray    *pending;  /* PendingWrite, in the order written */
  ShimFile     *next;
};

static sqlite3_vfs shim_vfs;
static sqlite3_vfs *real_vfs;
static ShimFile *open_files;
static gboolean buffering;
static gboolean cut;
static guint n_operations;
static guint cut_after;      /* 0: no power cut planned */
static guint kill_after;     /* 0: no SIGKILL planned */
static GRand *cut_rand;
static gint64 write_budget = -1;

/* Applies @pw to the real file, all of it or its first @length bytes. */
static void
apply_write (ShimFile     *file,
             PendingWrite *pw,
             int           length)
{
  if (length > 0)
    file->real->pMethods->xWrite (file->real, pw->data, length, pw->offset);
}

static void
flush_pending (ShimFile *file)
{
  for (guint i = 0; i < file->pending->len; i++)
    {
      PendingWrite *pw = g_ptr_array_index (file->pending, i);

      apply_write (file, pw, pw->length);
    }
  g_ptr_array_set_size (file->pending, 0);
}

/* The power cut: each unsynced write of each file is lost, written, or torn. */
static void
power_cut (void)
{
  for (ShimFile *file = open_files; file != NULL; file = file->next)
    {
      for (guint i = 0; i < file->pending->len; i++)
        {
          PendingWrite *pw = g_ptr_array_index (file->pending, i);
          int sectors = MAX (1, pw->length / 512);

          switch (g_rand_int_range (cut_rand, 0, 3))
            {
            case 0:
              break;
            case 1:
              apply_write (file, pw, pw->length);
              break;
            default:
              apply_write (file, pw, MIN (pw->length, 512 * g_rand_int_range (cut_rand, 0, sectors)));
              break;
            }
        }
      g_ptr_array_set_size (file->pending, 0);
    }
  cut = TRUE;
}

/* Counts a write, sync or truncation; FALSE when the power is (now) off. */
static gboolean
operation (void)
{
  if (cut)
    return FALSE;
  n_operations++;
  /* The process dies at once: its unsynced writes are lost with it, as in a power cut. */
  if (kill_after != 0 && n_operations >= kill_after)
    kill (getpid (), SIGKILL);
  if (cut_after != 0 && n_operations >= cut_after)
    {
      power_cut ();
      return FALSE;
    }
  return TRUE;
}

static int
shim_close (sqlite3_file *f)
{
  ShimFile *file = (ShimFile *) f;
  int rc;

  /* Closed normally: the data goes to the OS, as close() would leave it in its cache. */
  if (!cut)
    flush_pending (file);
  for (ShimFile **p = &open_files; *p != NULL; p = &(*p)->next)
    if (*p == file)
      {
        *p = file->next;
        break;
      }
  g_ptr_array_unref (file->pending);
  rc = file->real->pMethods->xClose (file->real);

  return rc;
}

static sqlite3_int64
logical_size (ShimFile      *file,
              sqlite3_int64  real_size)
{
  sqlite3_int64 size = real_size;

  for (guint i = 0; i < file->pending->len; i++)
    {
      PendingWrite *pw = g_ptr_array_index (file->pending, i);

      size = MAX (size, pw->offset + pw->length);
    }

  return size;
}

static int
shim_read (sqlite3_file  *f,
           void          *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  ShimFile *file = (ShimFile *) f;
  sqlite3_int64 real_size = 0;
  int rc;

  if (cut)
    return SQLITE_IOERR_READ;

  rc = file->real->pMethods->xRead (file->real, buffer, amount, offset);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    return rc;

  for (guint i = 0; i < file->pending->len; i++)
    {
      PendingWrite *pw = g_ptr_array_index (file->pending, i);
      sqlite3_int64 start = MAX (offset, pw->offset);
      sqlite3_int64 end = MIN (offset + amount, pw->offset + pw->length);

      if (start < end)
        memcpy ((guint8 *) buffer + (start - offset), pw->data + (start - pw->offset), end - start);
    }

  if (rc == SQLITE_IOERR_SHORT_READ)
    {
      file->real->pMethods->xFileSize (file->real, &real_size);
      if (logical_size (file, real_size) >= offset + amount)
        rc = SQLITE_OK;
    }

  return rc;
}

static int
shim_write (sqlite3_file  *f,
            const void    *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  ShimFile *file = (ShimFile *) f;
  PendingWrite *pw;

  /* A full disk refuses new blocks; rewriting blocks a file already has still works. */
  if (write_budget >= 0)
    {
      sqlite3_int64 size = 0;
      sqlite3_int64 growth;

      if (cut)
        return SQLITE_IOERR_WRITE;
      file->real->pMethods->xFileSize (file->real, &size);
      growth = MAX (0, offset + amount - logical_size (file, size));
      if (growth > write_budget)
        return SQLITE_FULL;
      write_budget -= growth;
    }

  if (!operation ())
    return SQLITE_IOERR_WRITE;

  if (!buffering)
    return file->real->pMethods->xWrite (file->real, buffer, amount, offset);

  pw = g_malloc (sizeof *pw + amount);
  pw->offset = offset;
  pw->length = amount;
  memcpy (pw->data, buffer, amount);
  g_ptr_array_add (file->pending, pw);

  return SQLITE_OK;
}

static int
shim_truncate (sqlite3_file  *f,
               sqlite3_int64  size)
{
  ShimFile *file = (ShimFile *) f;

  if (!operation ())
    return SQLITE_IOERR_TRUNCATE;

  flush_pending (file);
  return file->real->pMethods->xTruncate (file->real, size);
}

static int
shim_sync (sqlite3_file *f,
           int           flags)
{
  ShimFile *file = (ShimFile *) f;

  if (!operation ())
    return SQLITE_IOERR_FSYNC;

  flush_pending (file);
  return file->real->pMethods->xSync (file->real, flags);
}

static int
shim_file_size (sqlite3_file  *f,
                sqlite3_int64 *out_size)
{
  ShimFile *file = (ShimFile *) f;
  int rc;

  if (cut)
    return SQLITE_IOERR_FSTAT;

  rc = file->real->pMethods->xFileSize (file->real, out_size);
  if (rc == SQLITE_OK)
    *out_size = logical_size (file, *out_size);

  return rc;
}

static int
shim_lock (sqlite3_file *f,
           int           level)
{
  ShimFile *file = (ShimFile *) f;

  if (cut)
    return SQLITE_IOERR_LOCK;

  return file->real->pMethods->xLock (file->real, level);
}

static int
shim_unlock (sqlite3_file *f,
             int           level)
{
  ShimFile *file = (ShimFile *) f;

  return file->real->pMethods->xUnlock (file->real, level);
}

static int
shim_check_reserved_lock (sqlite3_file *f,
                          int          *out_reserved)
{
  ShimFile *file = (ShimFile *) f;

  return file->real->pMethods->xCheckReservedLock (file->real, out_reserved);
}

static int
shim_file_control (sqlite3_file *f,
                   int           op,
                   void         *arg)
{
  ShimFile *file = (ShimFile *) f;

  /* Size hints would extend the real file behind the buffer's back. */
  if (op == SQLITE_FCNTL_SIZE_HINT || op == SQLITE_FCNTL_CHUNK_SIZE)
    return SQLITE_NOTFOUND;

  return file->real->pMethods->xFileControl (file->real, op, arg);
}

static int
shim_sector_size (sqlite3_file *f)
{
  ShimFile *file = (ShimFile *) f;

  return file->real->pMethods->xSectorSize (file->real);
}

static int
shim_device_characteristics (sqlite3_file *f)
{
  ShimFile *file = (ShimFile *) f;

  return file->real->pMethods->xDeviceCharacteristics (file->real);
}

/* Version 1: no shared memory (no WAL) and no memory mapping, which would bypass the buffer. */
static const sqlite3_io_methods shim_io_methods = {
  1,
  shim_close,
  shim_read,
  shim_write,
  shim_truncate,
  shim_sync,
  shim_file_size,
  shim_lock,
  shim_unlock,
  shim_check_reserved_lock,
  shim_file_control,
  shim_sector_size,
  shim_device_characteristics,
  NULL, NULL, NULL, NULL, NULL, NULL,
};

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *f,
           int           flags,
           int          *out_flags)
{
  ShimFile *file = (ShimFile *) f;
  int rc;

  file->base.pMethods = NULL;
  if (cut)
    return SQLITE_CANTOPEN;

  file->real = (sqlite3_file *) (file + 1);
  rc = real_vfs->xOpen (real_vfs, name, file->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      if (file->real->pMethods != NULL)
        file->real->pMethods->xClose (file->real);
      return rc;
    }

  file->pending = g_ptr_array_new_with_free_func (g_free);
  file->next = open_files;
  open_files = file;
  file->base.pMethods = &shim_io_methods;

  return SQLITE_OK;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  if (!operation ())
    return SQLITE_IOERR_DELETE;

  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
shim_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *out_result)
{
  if (cut)
    return SQLITE_IOERR_ACCESS;

  return real_vfs->xAccess (real_vfs, name, flags, out_result);
}

static int
shim_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          n_out,
                    char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n_out, out);
}

static int
shim_randomness (sqlite3_vfs *vfs,
                 int          n,
                 char        *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
shim_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
shim_current_time (sqlite3_vfs *vfs,
                   double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
shim_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

void
cs_test_vfs_install (void)
{
  if (real_vfs == NULL)
    {
      real_vfs = sqlite3_vfs_find (NULL);
      g_assert_nonnull (real_vfs);
      shim_vfs.iVersion = 1;
      shim_vfs.szOsFile = sizeof (ShimFile) + real_vfs->szOsFile;
      shim_vfs.mxPathname = real_vfs->mxPathname;
      shim_vfs.zName = "cs-test-power-cut";
      shim_vfs.xOpen = shim_open;
      shim_vfs.xDelete = shim_delete;
      shim_vfs.xAccess = shim_access;
      shim_vfs.xFullPathname = shim_full_pathname;
      shim_vfs.xRandomness = shim_randomness;
      shim_vfs.xSleep = shim_sleep;
      shim_vfs.xCurrentTime = shim_current_time;
      shim_vfs.xGetLastError = shim_get_last_error;
    }
  cs_test_vfs_reset ();
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

void
cs_test_vfs_uninstall (void)
{
  g_assert_null (open_files);
  sqlite3_vfs_unregister (&shim_vfs);
  cs_test_vfs_reset ();
}

/* Back to a machine with power and space; open files keep working. */
void
cs_test_vfs_reset (void)
{
  buffering = FALSE;
  cut = FALSE;
  cut_after = 0;
  kill_after = 0;
  n_operations = 0;
  write_budget = -1;
  g_clear_pointer (&cut_rand, g_rand_free);
}

void
cs_test_vfs_set_buffering (gboolean value)
{
  buffering = value;
}

void
cs_test_vfs_set_power_cut (guint   after_n_operations,
                           guint32 seed)
{
  g_clear_pointer (&cut_rand, g_rand_free);
  cut_rand = g_rand_new_with_seed (seed);
  cut_after = after_n_operations;
  n_operations = 0;
  cut = FALSE;
}

void
cs_test_vfs_cut_now (guint32 seed)
{
  g_clear_pointer (&cut_rand, g_rand_free);
  cut_rand = g_rand_new_with_seed (seed);
  power_cut ();
}

/* The process kills itself with SIGKILL at its @after_n_operations-th write, sync or truncation
 * from now (0: never): a crash at a point that does not depend on the machine's speed. */
void
cs_test_vfs_set_kill (guint after_n_operations)
{
  kill_after = after_n_operations;
  n_operations = 0;
}

gboolean
cs_test_vfs_has_cut (void)
{
  return cut;
}

guint
cs_test_vfs_get_n_operations (void)
{
  return n_operations;
}

void
cs_test_vfs_set_write_budget (gint64 bytes)
{
  write_budget = bytes;
}
