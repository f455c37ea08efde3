/* cs-store-check.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CsStore: the checks of the careful open. The path, the header, the files SQLite would read
 * beside the project (journal, WAL), the schema inside the file and the values in it are
 * verified before anything is written. */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cs-autocleanups-private.h"
#include "cs-core-resources.h"
#include "cs-store-private.h"

/* The journal header (pager.c): magic, record count, nonce, initial size, sector, page size. */
static const guint8 journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
#define JOURNAL_HEADER_SIZE 28

/* SQLite's lock bytes (os_unix.c): a writer in a transaction holds the reserved byte. */
#define SQLITE_PENDING_BYTE  0x40000000
#define SQLITE_RESERVED_BYTE (SQLITE_PENDING_BYTE + 1)

/*
 * _cs_store_set_open_error:
 * An SQLite failure while the careful open reads the file, reported with the file's name.
 */
gboolean
_cs_store_set_open_error (GError     **error,
                          sqlite3     *db,
                          int          rc,
                          const char  *display_name)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                   _("“%s” is being changed by another program. Try again in a moment."),
                   display_name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_ERROR:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
    case SQLITE_CONSTRAINT:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). It was left unchanged."), display_name, detail);
      break;

    default:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("“%s” could not be read (%s). It was left unchanged."), display_name, detail);
      break;
    }

  return FALSE;
}

/* Path */

/*
 * _cs_store_check_path:
 * Refuses a missing path and anything but a regular file, with stat() only: opening a FIFO or
 * a device would block or have side effects.
 */
gboolean
_cs_store_check_path (const char  *path,
                      const char  *display_name,
                      GError     **error)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), display_name);
      else
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                     _("“%s” could not be opened: %s."), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_REGULAR,
                     _("“%s” is not a file."), display_name);
      return FALSE;
    }

  return TRUE;
}

/* Header */

guint32
_cs_store_read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads up to HEADER_SIZE bytes from the start of @fd: the number read, or -1 with @error set. */
static gssize
read_header (int          fd,
             guint8      *header,
             const char  *display_name,
             GError     **error)
{
  gssize n_read = 0;

  while (n_read < HEADER_SIZE)
    {
      gssize r = pread (fd, header + n_read, HEADER_SIZE - n_read, n_read);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int saved_errno = errno;

          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                       _("“%s” could not be read: %s."), display_name, g_strerror (saved_errno));
          return -1;
        }
      if (r == 0)
        break;
      n_read += r;
    }

  return n_read;
}

/* The page size, and the file size against the page size and the in-header page count. */
static gboolean
check_geometry (const guint8  *header,
                guint32        page_size,
                guint32        page_count,
                goffset        size,
                const char    *display_name,
                GError       **error)
{
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: its header is invalid. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  /* The in-header page count is valid when "version-valid-for" matches the change counter. */
  if (_cs_store_read_be32 (header + 92) == _cs_store_read_be32 (header + 24)
      && (guint64) size < (guint64) page_size * page_count)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_TRUNCATED,
                   _("“%s” is truncated: it is shorter than its header says (%" PRIu64 " of %" PRIu64 " bytes). It was left unchanged."),
                   display_name, (guint64) size, (guint64) page_size * page_count);
      return FALSE;
    }

  if (size % page_size != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_TRUNCATED,
                   _("“%s” is truncated: its size is not a whole number of pages. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

/*
 * _cs_store_check_header:
 * Reads the first bytes of the file without SQLite, so that a file that is not one of ours is
 * refused before any library gets to write to it (a hot journal would otherwise be rolled
 * back into a foreign file).
 */
gboolean
_cs_store_check_header (int          fd,
                        const char  *display_name,
                        int          max_version,
                        int         *out_version,
                        GError     **error)
{
  guint8 header[HEADER_SIZE];
  struct stat st;
  gssize n_read = 0;
  guint32 page_size, page_count, app_id, user_version;

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("“%s” could not be read: %s."), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_REGULAR,
                   _("“%s” is not a file."), display_name);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_EMPTY,
                   _("“%s” is empty: it is not a Contract Scope project. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  n_read = read_header (fd, header, display_name, error);
  if (n_read < 0)
    return FALSE;

  if (memcmp (header, "SQLite format 3", MIN (n_read, 16)) != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Contract Scope project (it is not a database file). It was left unchanged."),
                   display_name);
      return FALSE;
    }

  if (n_read < HEADER_SIZE)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_TRUNCATED,
                   _("“%s” is truncated: the file ends inside its header. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = _cs_store_read_be32 (header + 28);
  user_version = _cs_store_read_be32 (header + 60);
  app_id = _cs_store_read_be32 (header + 68);

  if (!check_geometry (header, page_size, page_count, st.st_size, display_name, error))
    return FALSE;

  if (app_id != CS_STORE_APPLICATION_ID)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a Contract Scope project. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  if (user_version > (guint32) max_version)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Contract Scope (file format %u; this version reads up to %d). Update Contract Scope to open it. It was left unchanged."),
                   display_name, user_version, max_version);
      return FALSE;
    }

  if (user_version < 1)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is an incomplete Contract Scope project (no file format version). It was left unchanged."),
                   display_name);
      return FALSE;
    }

  /* Bytes 18 and 19 are 2 in WAL mode: the project is always a rollback-journal file, and a
   * WAL would be read (and a -shm created) by SQLite without any of the checks here. */
  if (header[18] != 1 || header[19] != 1)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_JOURNAL,
                   _("“%s” was switched to WAL mode by another program; Contract Scope does not open projects in WAL mode. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  *out_version = (int) user_version;
  return TRUE;
}

gboolean
_cs_store_quick_check (sqlite3     *db,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    result = (const char *) sqlite3_column_text (stmt, 0);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                   _("“%s” is being changed by another program. Try again in a moment."),
                   display_name);
      return FALSE;
    }

  if (rc != SQLITE_ROW || g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: the integrity check failed (%s). It was left unchanged."),
                   display_name,
                   result != NULL ? result : sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}


/* Files beside the project */

static gboolean
pread_all (int     fd,
           void   *buffer,
           gsize   length,
           goffset offset)
{
  gsize done = 0;

  while (done < length)
    {
      gssize r = pread (fd, (guint8 *) buffer + done, length - done, offset + done);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return FALSE;
      done += r;
    }

  return TRUE;
}

static gboolean
reserved_lock_held (int fd)
{
  struct flock lock = { 0 };

  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = SQLITE_RESERVED_BYTE;
  lock.l_len = 1;
  if (fcntl (fd, F_GETLK, &lock) != 0)
    return FALSE;

  return lock.l_type != F_UNLCK;
}

/*
 * journal_belongs:
 * Whether the hot journal @jfd was left by a change to the database @fd. A write transaction
 * keeps the original of every page it changes; the first page, when the journal has it, must
 * be the file's first page as it is now (not written yet) or as the transaction writes it (the
 * same file, its change counter one higher). Without a first page nothing proves the journal
 * foreign: it is then applied to a copy, which must pass every check (see cs-store.c).
 */
static gboolean
journal_belongs (int          jfd,
                 goffset      journal_size,
                 int          fd,
                 const char **out_reason)
{
  guint8 header[JOURNAL_HEADER_SIZE];
  guint8 db_header[HEADER_SIZE];
  g_autofree guint8 *journal_page = NULL;
  g_autofree guint8 *db_page = NULL;
  guint32 n_records, sector_size, page_size, db_page_size;
  goffset offset;

  if (!pread_all (jfd, header, sizeof header, 0)
      || memcmp (header, journal_magic, sizeof journal_magic) != 0)
    {
      *out_reason = _("it is not a journal of this kind of file");
      return FALSE;
    }

  if (!pread_all (fd, db_header, sizeof db_header, 0))
    {
      *out_reason = _("the project could not be read");
      return FALSE;
    }

  n_records = _cs_store_read_be32 (header + 8);
  sector_size = _cs_store_read_be32 (header + 20);
  page_size = _cs_store_read_be32 (header + 24);
  db_page_size = ((guint32) db_header[16] << 8) | db_header[17];
  if (db_page_size == 1)
    db_page_size = 65536;

  if (page_size != db_page_size || sector_size < 512 || sector_size > 65536
      || (sector_size & (sector_size - 1)) != 0)
    {
      *out_reason = _("its page size is not the project's");
      return FALSE;
    }

  journal_page = g_malloc (page_size);
  db_page = g_malloc (page_size);
  if (!pread_all (fd, db_page, page_size, 0))
    {
      *out_reason = _("the project could not be read");
      return FALSE;
    }

  /* 0xffffffff: written without syncs, the records run to the end of the file. */
  for (offset = sector_size;
       (n_records == 0xffffffff || n_records-- > 0) && offset + 8 + page_size <= journal_size;
       offset += 8 + page_size)
    {
      guint8 number[4];

      if (!pread_all (jfd, number, 4, offset) || _cs_store_read_be32 (number) != 1)
        continue;
      if (!pread_all (jfd, journal_page, page_size, offset + 4))
        break;

      if (memcmp (journal_page, db_page, page_size) == 0)
        return TRUE;
      /* The same file with the transaction's first page written: change counter + 1. */
      if (memcmp (journal_page, db_page, 24) == 0
          && memcmp (journal_page + 68, db_page + 68, 4) == 0
          && _cs_store_read_be32 (db_page + 24) == _cs_store_read_be32 (journal_page + 24) + 1)
        return TRUE;

      *out_reason = _("its copy of the first page is not the project's");
      return FALSE;
    }

  return TRUE;
}

/*
 * _cs_store_check_side_files:
 * SQLite reads a "-wal" and rolls back a hot "-journal" beside a database on its own, before
 * any check could run. A WAL is always refused; a journal left by a crash of this file is
 * reported in @out_hot for the caller to apply on a copy; any other journal is refused.
 */
gboolean
_cs_store_check_side_files (int          fd,
                            const char  *path,
                            const char  *display_name,
                            gboolean    *out_hot,
                            GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *journal_name = g_filename_display_basename (journal);
  const char *reason = NULL;
  struct stat st;
  guint8 first = 0;
  int jfd;

  *out_hot = FALSE;

  if (g_lstat (wal, &st) == 0)
    {
      g_autofree char *wal_name = g_filename_display_basename (wal);

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_JOURNAL,
                   _("“%s” has a WAL file beside it (“%s”), left by another program or copied with it. Contract Scope does not read WAL files: move it away to open the project. Both were left unchanged."),
                   display_name, wal_name);
      return FALSE;
    }

  if (g_lstat (journal, &st) != 0)
    return TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_JOURNAL,
                   _("“%s” has something that is not a file beside it under the name of its journal (“%s”). Move it away to open the project; the project was left unchanged."),
                   display_name, journal_name);
      return FALSE;
    }

  jfd = g_open (journal, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW, 0);
  if (jfd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_JOURNAL,
                   _("The journal beside “%s” (“%s”) could not be read: %s. The project was left unchanged."),
                   display_name, journal_name, g_strerror (saved_errno));
      return FALSE;
    }

  /* An empty journal, or one whose header is zeroed, is not hot: SQLite does not apply it. */
  if (st.st_size == 0 || !pread_all (jfd, &first, 1, 0) || first == 0)
    {
      close (jfd);
      return TRUE;
    }

  /* A live transaction of another program, not a crash. */
  if (reserved_lock_held (fd))
    {
      close (jfd);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                   _("“%s” is being changed by another program. Try again in a moment."),
                   display_name);
      return FALSE;
    }

  if (!journal_belongs (jfd, st.st_size, fd, &reason))
    {
      close (jfd);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_JOURNAL,
                   _("“%s” has a journal file beside it (“%s”) that does not belong to it: %s. It was not applied; the project and the journal were left unchanged. If the journal was copied there by mistake, move it away."),
                   display_name, journal_name, reason);
      return FALSE;
    }

  close (jfd);
  *out_hot = TRUE;
  return TRUE;
}

/* Schema */

/* "type name" → "table sql" for every object of the schema of @db. */
static GHashTable *
read_schema (sqlite3     *db,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);

      g_hash_table_insert (schema,
                           g_strdup_printf ("%s %s", type != NULL ? type : "", name != NULL ? name : ""),
                           g_strdup_printf ("%s %s", table != NULL ? table : "", sql != NULL ? sql : ""));
    }
  if (rc != SQLITE_DONE)
    {
      if (display_name != NULL)
        _cs_store_set_open_error (error, db, rc, display_name);
      else
        _cs_store_set_sqlite_error (error, db, rc, _("reading the project"));
      return NULL;
    }

  return g_steal_pointer (&schema);
}

/* The frozen schema of file format @version: schema-1.sql then every migration up to it. */
static GHashTable *
build_frozen_schema (int                version,
                     const CsMigration *migrations,
                     guint              n_migrations,
                     GError           **error)
{
  g_autoptr(GBytes) schema = g_resource_lookup_data (cs_core_get_resource (),
                                                     "/org/contractscope/ContractScope/core/schema-1.sql",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  const CsMigration *builtin = _cs_store_builtin_migrations ();
  g_autoptr(sqlite3) db = NULL;

  g_assert (schema != NULL);
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || sqlite3_exec (db, g_bytes_get_data (schema, NULL), NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The schema of the project could not be checked (%s)."),
                   db != NULL ? sqlite3_errmsg (db) : "");
      return NULL;
    }

  for (int from = 1; from < version; from++)
    {
      const char *sql = NULL;

      if (from < CS_STORE_SCHEMA_VERSION)
        sql = builtin[from - 1].sql;
      for (guint i = 0; sql == NULL && i < n_migrations; i++)
        if (migrations[i].from_version == from)
          sql = migrations[i].sql;

      if (sql == NULL || sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                       _("The schema of file format %d is not known to this version; the file was left unchanged."),
                       version);
          return NULL;
        }
    }

  return read_schema (db, NULL, error);
}

static GHashTable *
ref_frozen_schema (int                version,
                   const CsMigration *migrations,
                   guint              n_migrations,
                   GError           **error)
{
  static GHashTable *released[CS_STORE_SCHEMA_VERSION + 1];
  G_LOCK_DEFINE_STATIC (released);
  GHashTable *schema = NULL;

  /* Versions past the released ones only exist in tests, with their own migrations. */
  if (version > CS_STORE_SCHEMA_VERSION)
    return build_frozen_schema (version, migrations, n_migrations, error);

  G_LOCK (released);
  if (released[version] == NULL)
    released[version] = build_frozen_schema (version, migrations, n_migrations, error);
  if (released[version] != NULL)
    schema = g_hash_table_ref (released[version]);
  G_UNLOCK (released);

  return schema;
}

static void
split_key (const char  *key,
           char       **out_type,
           const char **out_name)
{
  const char *space = strchr (key, ' ');

  *out_type = g_strndup (key, space - key);
  *out_name = space + 1;
}

/*
 * _cs_store_check_schema:
 * Compares the schema inside the file with the frozen schema of its version: a trigger, view,
 * table or index added, removed or changed by another program is refused before any of it is
 * used (a trigger would run on the next change, a view would be read as data).
 */
gboolean
_cs_store_check_schema (sqlite3            *db,
                        int                 version,
                        const CsMigration  *migrations,
                        guint               n_migrations,
                        const char         *display_name,
                        GError            **error)
{
  g_autoptr(GHashTable) expected = ref_frozen_schema (version, migrations, n_migrations, error);
  g_autoptr(GHashTable) found = NULL;
  g_autofree char *type = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *name;

  if (expected == NULL)
    return FALSE;

  found = read_schema (db, display_name, error);
  if (found == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *want = g_hash_table_lookup (expected, key);

      if (want != NULL && g_str_equal (want, value))
        continue;

      split_key (key, &type, &name);
      if (want == NULL)
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                     _("“%s” was changed by another program: it contains a %s “%s” that is not part of a Contract Scope project. It was left unchanged."),
                     display_name, type, name);
      else
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                     _("“%s” was changed by another program: its %s “%s” is not the one of a Contract Scope project. It was left unchanged."),
                     display_name, type, name);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (found, key))
        continue;

      split_key (key, &type, &name);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged or was changed by another program: its %s “%s” is missing. It was left unchanged."),
                   display_name, type, name);
      return FALSE;
    }

  return TRUE;
}

/* Values */

/*
 * _cs_store_check_constraints:
 * SQLite leaves out the CHECK constraints of a database it opens read-only, so PRAGMA
 * quick_check on such a connection accepts values the schema forbids (a quantity of −25).
 * The file is checked from a writable copy in memory instead, so that every open checks the
 * same constraints.
 */
gboolean
_cs_store_check_constraints (const char  *path,
                             const char  *display_name,
                             GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 *copy = NULL;
  gsize length;
  int rc;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("“%s” could not be read: %s."), display_name, local_error->message);
      return FALSE;
    }

  length = g_mapped_file_get_length (mapped);
  copy = sqlite3_malloc64 (MAX (length, 1));
  if (copy == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("“%s” could not be read: %s."), display_name, g_strerror (ENOMEM));
      return FALSE;
    }
  memcpy (copy, g_mapped_file_get_contents (mapped), length);
  g_clear_pointer (&mapped, g_mapped_file_unref);

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_free (copy);
      return _cs_store_set_open_error (error, db, rc, display_name);
    }
  rc = sqlite3_deserialize (db, "main", copy, length, length,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    return _cs_store_set_open_error (error, db, rc, display_name);

  return _cs_store_configure_connection (db, error)
         && _cs_store_quick_check (db, display_name, error);
}

/*
 * _cs_store_check_numbers:
 * REAL columns have no CHECK: an infinity written by another program would show as "inf" and
 * poison every sum. Refused like any value the application would not write.
 */
gboolean
_cs_store_check_numbers (sqlite3     *db,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) columns = NULL;
  int rc;

  /* Identifiers come from the schema, which matches the frozen one (_cs_store_check_schema). */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p "
                           "WHERE m.type = 'table' AND p.type = 'REAL'",
                           -1, &columns, NULL);
  while (columns != NULL && (rc = sqlite3_step (columns)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (columns, 0);
      const char *column = (const char *) sqlite3_column_text (columns, 1);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      char *sql = sqlite3_mprintf ("SELECT 1 FROM \"%w\" WHERE abs(\"%w\") > 1.7976931348623157e308 LIMIT 1",
                                   table, column);
      int step;

      step = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      sqlite3_free (sql);
      if (step == SQLITE_OK)
        step = sqlite3_step (stmt);
      if (step == SQLITE_ROW)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: it holds an infinite number in “%s” of “%s”. It was left unchanged."),
                       display_name, column, table);
          return FALSE;
        }
      if (step != SQLITE_DONE)
        return _cs_store_set_open_error (error, db, step, display_name);
    }
  if (rc != SQLITE_DONE)
    return _cs_store_set_open_error (error, db, rc, display_name);

  return TRUE;
}

/* Recovery */

/* Copies @from to @to (created, never replaced) and syncs it. */
gboolean
_cs_store_copy_file (const char  *from,
                     const char  *to,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize done = 0;
  int fd;

  if (!g_file_get_contents (from, &contents, &length, error))
    return FALSE;

  fd = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  while (done < length)
    {
      gssize w = write (fd, contents + done, length - done);

      if (w < 0 && errno == EINTR)
        continue;
      if (w < 0)
        break;
      done += w;
    }

  if (done < length || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

void
_cs_store_sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Lets SQLite roll the hot journal beside @path back into it: the first read does it. */
gboolean
_cs_store_roll_back_journal (const char  *path,
                             GError     **error)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(sqlite3) db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK && !_cs_store_configure_connection (db, error))
    return FALSE;
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA synchronous = FULL; SELECT count(*) FROM sqlite_schema",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT, "%s",
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return FALSE;
    }
  g_clear_pointer (&db, sqlite3_close);

  if (g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT, "%s",
                   _("the journal was not applied"));
      return FALSE;
    }

  return TRUE;
}
