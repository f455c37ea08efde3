/* cs-store.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cs-autocleanups-private.h"
#include "cs-core-resources.h"
#include "cs-record-private.h"
#include "cs-store-private.h"

/**
 * CsStore:
 *
 * One open review project: the only owner of the SQLite connection and the only code that
 * writes SQL.
 *
 * The project file is SQLite used as an application file format. Opening is careful: the
 * header, the application id, the schema version and an integrity check are verified before
 * anything is written, and a file that fails is refused and left untouched. Every change is
 * committed when it is made (rollback journal, `synchronous=FULL`), so that a plain copy of an
 * idle project is the whole project and a crash loses no acknowledged change. One program
 * edits a file at a time: the writer holds a `flock()` on it, and a second writer is told the
 * project is already open.
 *
 * Records handed out are cached: the same row is always the same object, and the list models
 * change as records are added, deleted and restored.
 */

G_DEFINE_FINAL_TYPE (CsStore, cs_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (cs-store-error-quark, cs_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CHECKING,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
GParamSpec *_cs_store_checking_pspec;
guint _cs_store_signals[N_SIGNALS];

/* The standard catalogues every new project starts with (DOMAIN.md, Responsibilities). */
static const struct { const char *kind; const char *name; } default_parties[] = {
  { "client", N_("Client") },
  { "provider", N_("Provider") },
  { "subcontractor", N_("Subcontractor") },
  { "vendor", N_("Software vendor") },
};

static const struct { const char *key; const char *area; const char *name; } default_activities[] = {
  { "account-creation", "access", N_("User account creation") },
  { "access-approval", "access", N_("Access-right approval") },
  { "privileged-accounts", "access", N_("Privileged-account management") },
  { "mfa", "security", N_("MFA enrolment and enforcement") },
  { "patching", "security", N_("Patching") },
  { "endpoint-protection", "security", N_("Endpoint protection (EDR/antivirus)") },
  { "firewall-rules", "security", N_("Firewall rule changes") },
  { "log-review", "security", N_("Log review") },
  { "incident-lead", "security", N_("Security-incident response lead") },
  { "breach-notification", "security", N_("Breach notification to insurer and authorities") },
  { "backup-monitoring", "backup", N_("Backup monitoring") },
  { "restore", "backup", N_("Restore") },
  { "restore-tests", "backup", N_("Restore tests") },
  { "interruption-decision", "operations", N_("Service-interruption decision") },
  { "change-approval", "operations", N_("Change approval") },
  { "vendor-relationship", "operations", N_("Software-vendor relationship") },
  { "inventory-upkeep", "operations", N_("Inventory upkeep") },
  { "licence-management", "operations", N_("Licence management") },
  { "documentation", "operations", N_("Documentation upkeep") },
};


/* Careful open */

gboolean
_cs_store_configure_connection (sqlite3  *db,
                                GError  **error)
{
  int enabled = 0;

  /* Untrusted files: no writes to the schema through SQL, no functions run from the schema. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 0);

  if (!_cs_store_add_functions (db))
    {
      _cs_store_set_sqlite_error (error, db, sqlite3_errcode (db), _("opening the project"));
      return FALSE;
    }

  return _cs_store_exec_sql (db,
                             "PRAGMA trusted_schema = OFF;"
                             "PRAGMA foreign_keys = ON;"
                             "PRAGMA cell_size_check = ON;",
                             _("opening the project"), error);
}

static gboolean
is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  /* No write bit at all means "keep this file as it is", even for root, who access() lets
   * write anything. The folder must be writable for the rollback journal. */
  if (g_stat (path, &st) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

static gboolean
backup_before_migration (sqlite3     *db,
                         const char  *path,
                         int          from_version,
                         GError     **error)
{
  g_autofree char *stem = g_str_has_suffix (path, ".contractscope")
                            ? g_strndup (path, strlen (path) - strlen (".contractscope"))
                            : g_strdup (path);
  g_autofree char *backup = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; backup == NULL || g_file_test (backup, G_FILE_TEST_EXISTS); i++)
    {
      g_free (backup);
      backup = i == 0 ? g_strdup_printf ("%s.backup-v%d.contractscope", stem, from_version)
                      : g_strdup_printf ("%s.backup-v%d-%u.contractscope", stem, from_version, i);
    }

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                   _("The project could not be upgraded: the backup copy could not be written (%s). The file was left unchanged."),
                   sqlite3_errmsg (db));
      return FALSE;
    }

  g_debug ("Backed up %s to %s before migrating", path, backup);
  return TRUE;
}

/* PRAGMA page_count or freelist_count of @db; -1 on error. */
static gint64
pragma_int (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);

  return value;
}

/* Format 4 stores the coverage where it differs from its offer's default (migration-4.sql):
 * the upgrade of a large project frees most of its coverage pages (1,000,000 assets × 5
 * offers: 590 MB of which 420 MB free). They are given back once, so that the upgraded file
 * has the size of the compact layout (3.5 s at that size). VACUUM is a transaction of its own:
 * failing or killed, it leaves the upgraded file as it was committed. */
static void
compact_after_upgrade (sqlite3    *db,
                       const char *path)
{
  gint64 n_pages = pragma_int (db, "PRAGMA page_count");
  gint64 n_free = pragma_int (db, "PRAGMA freelist_count");

  if (n_pages <= 0 || n_free < 0 || n_free * 4 <= n_pages)
    return;
  if (sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Could not compact %s after upgrading it: %s", path, sqlite3_errmsg (db));
}

static gboolean
migrate (sqlite3              *db,
         const char           *path,
         int                   from_version,
         const CsMigration    *migrations,
         guint                 n_migrations,
         int                   target_version,
         GError              **error)
{
  g_autofree char *set_version = NULL;

  if (from_version >= target_version)
    return TRUE;

  if (!backup_before_migration (db, path, from_version, error))
    return FALSE;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                   _("The project could not be upgraded (%s). The file was left unchanged."),
                   sqlite3_errmsg (db));
      return FALSE;
    }

  for (int version = from_version; version < target_version; version++)
    {
      const CsMigration *step = NULL;

      for (guint i = 0; i < n_migrations; i++)
        if (migrations[i].from_version == version)
          step = &migrations[i];

      if (step == NULL || sqlite3_exec (db, step->sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                       _("The project could not be upgraded from file format %d (%s). The file was left unchanged."),
                       version,
                       step == NULL ? _("no upgrade step") : sqlite3_errmsg (db));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  /* PRAGMA takes no bound parameters; the version is our own integer. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", target_version);
  if (sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                   _("The project could not be upgraded (%s). The file was left unchanged."),
                   sqlite3_errmsg (db));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (from_version < 4 && target_version >= 4)
    compact_after_upgrade (db, path);

  return TRUE;
}

/* The released migrations, from_version → from_version + 1, each a frozen SQL file among the
 * core's resources ("migration-N.sql" upgrades N - 1 to N). A new project runs schema-1.sql and
 * then every migration, so new and upgraded files share one schema. */
/* The resources' bytes of the migrations, kept here so that they stay reachable. */
static GBytes *migration_bytes[CS_STORE_SCHEMA_VERSION - 1];

const CsMigration *
_cs_store_builtin_migrations (void)
{
  static CsMigration migrations[CS_STORE_SCHEMA_VERSION - 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (int version = 1; version < CS_STORE_SCHEMA_VERSION; version++)
        {
          g_autofree char *resource = g_strdup_printf ("/org/contractscope/ContractScope/core/migration-%d.sql",
                                                       version + 1);
          /* Kept for the life of the process, like the migrations' static table. */
          GBytes *sql = g_resource_lookup_data (cs_core_get_resource (), resource,
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

          g_assert (sql != NULL);
          migration_bytes[version - 1] = sql;
          migrations[version - 1].from_version = version;
          migrations[version - 1].sql = g_bytes_get_data (sql, NULL);
        }
      g_once_init_leave (&initialized, 1);
    }

  return migrations;
}

static gboolean
exec_migrations (sqlite3  *db,
                 GError  **error)
{
  const CsMigration *migrations = _cs_store_builtin_migrations ();

  for (guint i = 0; i < CS_STORE_SCHEMA_VERSION - 1; i++)
    if (!_cs_store_exec_sql (db, migrations[i].sql, _("creating the project"), error))
      return FALSE;

  return TRUE;
}

/* GObject */

static void
cs_store_dispose (GObject *object)
{
  CsStore *self = CS_STORE (object);

  cs_store_close (self);

  G_OBJECT_CLASS (cs_store_parent_class)->dispose (object);
}

static void
cs_store_finalize (GObject *object)
{
  CsStore *self = CS_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->limbo, g_hash_table_unref);
  g_clear_pointer (&self->coverage_counts, g_hash_table_unref);
  g_clear_pointer (&self->covered_sites, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->reserved_ids, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovery_note, g_free);

  G_OBJECT_CLASS (cs_store_parent_class)->finalize (object);
}

static void
cs_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CsStore *self = CS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cs_store_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_store_class_init (CsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_store_dispose;
  object_class->finalize = cs_store_finalize;
  object_class->get_property = cs_store_get_property;

  /**
   * CsStore:path:
   *
   * The path of the project file.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CsStore:read-only:
   *
   * Whether the project was opened read-only.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CsStore:checking:
   *
   * Whether the integrity check left to cs_store_check_async() has not passed yet: changes
   * are refused meanwhile.
   */
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CsStore:can-undo:
   *
   * Whether cs_store_undo() has a deletion to put back.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  _cs_store_checking_pspec = properties[PROP_CHECKING];

  /**
   * CsStore::saved:
   * @self: the store
   *
   * Emitted after a change was committed to the project file.
   */
  _cs_store_signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * CsStore::record-added:
   * @self: the store
   * @record: the record added or restored
   *
   * Emitted when a record joins the project (added, or restored by cs_store_undelete()).
   * Lazy lists (see cs_store_query_asset_ids()) use it to update themselves in place.
   */
  _cs_store_signals[RECORD_ADDED] =
    g_signal_new ("record-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CS_TYPE_RECORD);

  /**
   * CsStore::record-removed:
   * @self: the store
   * @record: the record deleted
   *
   * Emitted when a cached record leaves the project.
   */
  _cs_store_signals[RECORD_REMOVED] =
    g_signal_new ("record-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CS_TYPE_RECORD);

  /**
   * CsStore::record-changed:
   * @self: the store
   * @record: the record
   * @column: the column changed
   *
   * Emitted after a field of a record was changed through the store.
   */
  _cs_store_signals[RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CS_TYPE_RECORD, G_TYPE_STRING);

  /**
   * CsStore::coverage-changed:
   * @self: the store
   * @offer_id: the offer whose coverage changed
   *
   * Emitted after cs_store_set_coverage() or cs_store_restore_coverage() changed the coverage
   * of any number of assets at once.
   */
  _cs_store_signals[COVERAGE_CHANGED] =
    g_signal_new ("coverage-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CsStore::reloaded:
   * @self: the store
   *
   * Emitted after the cached records and lists were refreshed from the file as a whole (a
   * rolled-back transaction, or cs_store_reload() after a bulk import). Lazy lists query again.
   */
  _cs_store_signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cs_store_init (CsStore *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _cs_store_cache_entry_free);
  self->limbo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->reserved_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

void
_cs_store_notify_can_undo (CsStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* PRAGMA data_version of @db, or -1. */
static gint64
read_data_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);

  return version;
}

/* Opens @path for the careful open, with the writer's lock unless @read_only: the descriptor,
 * or -1 with @error set. */
static int
open_locked (const char  *path,
             gboolean     read_only,
             const char  *display_name,
             GError     **error)
{
  int fd = -1;

  fd = g_open (path, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EISDIR)
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_REGULAR,
                     _("“%s” is not a file."), display_name);
      else
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                     _("“%s” could not be opened: %s."), display_name, g_strerror (saved_errno));
      return -1;
    }

  /* One writer per file. flock() locks are separate from the POSIX locks SQLite uses, so a
   * reader (a read-only view, the command line) still reads between our transactions. */
  if (!read_only && flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                     _("“%s” is already open in another window or program. Close it there first; nothing was changed."),
                     display_name);
      else
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                     _("“%s” could not be locked for editing: %s."),
                     display_name, g_strerror (saved_errno));
      return -1;
    }

  return fd;
}

/*
 * check_with_reader:
 * Checks the file with a read-only connection: nothing is written to a file that is refused.
 * A writable open checks the schema only here, and the rest on the connection it keeps
 * (open_writer()); a read-only open checks everything here, its integrity from a writable copy
 * in memory (_cs_store_check_constraints()), so that each open runs one integrity check.
 * @integrity is FALSE when the file is as our last clean close left it.
 */
static gboolean
check_with_reader (const char         *path,
                   int                 version,
                   const CsMigration  *migrations,
                   guint               n_migrations,
                   gboolean            read_only,
                   gboolean            integrity,
                   const char         *display_name,
                   GError            **error)
{
  g_autoptr(sqlite3) db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    return _cs_store_set_open_error (error, db, rc, display_name);

  /* The schema first: a view in place of a table would be read by the checks that follow. */
  if (!_cs_store_configure_connection (db, error)
      || !_cs_store_check_schema (db, version, migrations, n_migrations, display_name, error))
    return FALSE;
  if (!read_only)
    return TRUE;

  return (!integrity || _cs_store_check_constraints (path, display_name, error))
         && _cs_store_check_numbers (db, display_name, error);
}

/* The writer's connection, checked again with the CHECK constraints, and upgraded. */
static sqlite3 *
open_writer (const char         *path,
             int                 version,
             const CsMigration  *migrations,
             guint               n_migrations,
             int                 target_version,
             gboolean            integrity,
             const char         *display_name,
             GError            **error)
{
  g_autoptr(sqlite3) db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _cs_store_set_open_error (error, db, rc, display_name);
      return NULL;
    }
  if (!_cs_store_configure_connection (db, error)
      || !_cs_store_exec_sql (db,
                              "PRAGMA journal_mode = DELETE;"
                              "PRAGMA synchronous = FULL;",
                              _("opening the project"), error)
      || (integrity && !_cs_store_quick_check (db, display_name, error))
      || !_cs_store_check_numbers (db, display_name, error))
    return NULL;

  if (!migrate (db, path, version, migrations, n_migrations, target_version, error))
    return NULL;

  return g_steal_pointer (&db);
}

static CsStore *open_after_recovery (const char         *path,
                                     CsStoreOpenFlags    flags,
                                     const CsMigration  *migrations,
                                     guint               n_migrations,
                                     int                 target_version,
                                     const char         *display_name,
                                     GError            **error);

/* The header and the side files. A crash in a commit that grew the file can leave the header
 * counting pages that never reached the disk: the hot journal beside it undoes that, so a file
 * shorter than its header with a hot journal goes to recovery (which checks the result) rather
 * than being refused as truncated. */
static gboolean
open_careful_check_files (int          fd,
                          const char  *path,
                          const char  *display_name,
                          int          target_version,
                          int         *out_version,
                          gboolean    *out_hot,
                          GError     **error)
{
  g_autoptr(GError) header_error = NULL;

  *out_hot = FALSE;
  if (!_cs_store_check_header (fd, display_name, target_version, out_version, &header_error))
    {
      if (g_error_matches (header_error, CS_STORE_ERROR, CS_STORE_ERROR_TRUNCATED)
          && _cs_store_check_side_files (fd, path, display_name, out_hot, NULL) && *out_hot)
        return TRUE;
      *out_hot = FALSE;
      g_propagate_error (error, g_steal_pointer (&header_error));
      return FALSE;
    }

  return _cs_store_check_side_files (fd, path, display_name, out_hot, error);
}

static CsStore *
open_careful (const char         *path,
              CsStoreOpenFlags    flags,
              const CsMigration  *migrations,
              guint               n_migrations,
              int                 target_version,
              const char         *display_name,
              GError            **error)
{
  g_autoptr(CsStore) self = NULL;
  g_autoptr(sqlite3) db = NULL;
  gboolean check_only = (flags & CS_STORE_OPEN_CHECK_ONLY) != 0;
  gboolean read_only = FALSE;
  gboolean hot = FALSE;
  gboolean integrity = TRUE;
  g_autofree char *kept = NULL;
  gboolean upgraded = FALSE;
  int version = 0;
  int fd = -1;

  /* stat() before open(): opening a FIFO blocks, a device may do anything. */
  if (!_cs_store_check_path (path, display_name, error))
    return NULL;

  read_only = check_only || (flags & CS_STORE_OPEN_READ_ONLY) != 0 || !is_writable (path);

  fd = open_locked (path, read_only, display_name, error);
  if (fd < 0)
    return NULL;

  if (!open_careful_check_files (fd, path, display_name, target_version, &version, &hot, error))
    {
      close (fd);
      return NULL;
    }
  upgraded = version < target_version;

  if (hot)
    {
      close (fd);
      if (!read_only)
        return open_after_recovery (path, flags, migrations, n_migrations, target_version,
                                    display_name, error);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_JOURNAL,
                   _("“%s” was being changed when Contract Scope or the computer stopped: the unfinished change must be undone from its journal first, which a read-only open does not allow. Open it for editing. It was left unchanged."),
                   display_name);
      return NULL;
    }

  /* A file exactly as our last clean close left it passed the check at the open before. */
  integrity = check_only || !_cs_store_clean_close_matches (fd, path, &kept);

  self = g_object_new (CS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->integrity_checked = integrity;
  /* Left for later only where nothing is written at open (no upgrade). */
  self->checking = integrity && !read_only && !upgraded
                   && (flags & CS_STORE_OPEN_CHECK_LATER) != 0;
  self->lock_fd = read_only ? -1 : fd;
  if (read_only)
    close (fd);

  if (!check_with_reader (path, version, migrations, n_migrations, read_only, integrity,
                          display_name, error))
    return NULL;

  if (!read_only)
    {
      db = open_writer (path, version, migrations, n_migrations, target_version,
                        integrity && !self->checking, display_name, error);
      if (db == NULL)
        return NULL;
      version = MAX (version, target_version);
    }
  else if (version < target_version && !check_only)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                   _("“%s” uses an older file format (%d) and must be upgraded, which a read-only file does not allow. Open a writable copy. It was left unchanged."),
                   display_name, version);
      return NULL;
    }
  else
    {
      int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);

      if (rc != SQLITE_OK)
        {
          _cs_store_set_open_error (error, db, rc, display_name);
          return NULL;
        }
      if (!_cs_store_configure_connection (db, error))
        return NULL;
    }

  self->db = g_steal_pointer (&db);
  self->schema_version = version;
  self->open_data_version = read_data_version (self->db);
  _cs_store_watch_perimeter (self);
  /* The aggregates of the file as our clean close left it, unless an upgrade changed it. */
  if (!integrity && kept != NULL && !upgraded && !read_only)
    _cs_store_load_aggregates (self, kept);

  /* The project row must be there: it is what the window and the command line show first. */
  if (cs_store_get_project (self) == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no project record. It was left unchanged."),
                   display_name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

CsStore *
_cs_store_open_full (const char         *path,
                     CsStoreOpenFlags    flags,
                     const CsMigration  *migrations,
                     guint               n_migrations,
                     int                 target_version,
                     GError            **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  CsStore *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);
  self = open_careful (path, flags, migrations, n_migrations, target_version, display_name,
                       &local_error);
  if (self == NULL)
    {
      /* Every refusal names the file, also those worded for edits (set_sqlite_error()). */
      if (strstr (local_error->message, display_name) == NULL)
        g_prefix_error (&local_error, _("“%s” could not be opened: "), display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return self;
}

/*
 * open_after_recovery:
 * A crash left a hot journal that belongs to @path (_cs_store_check_side_files()). It is
 * applied to copies of the file and the journal in a folder beside it; only when the result
 * passes every check of the careful open does it replace the file. Otherwise the file and the
 * journal stay exactly as they were.
 */
static CsStore *
open_after_recovery (const char         *path,
                     CsStoreOpenFlags    flags,
                     const CsMigration  *migrations,
                     guint               n_migrations,
                     int                 target_version,
                     const char         *display_name,
                     GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *work = g_strdup_printf ("%s/.%s.recovery-XXXXXX", dir, base);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *journal_name = g_filename_display_basename (journal);
  g_autofree char *copy = NULL;
  g_autofree char *copy_journal = NULL;
  g_autofree char *applied = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CsStore) check = NULL;
  CsStore *self = NULL;

  if (g_mkdtemp (work) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("“%s” needs its unfinished change undone, but no copy could be made beside it: %s. It was left unchanged."),
                   display_name, g_strerror (saved_errno));
      return NULL;
    }
  copy = g_build_filename (work, base, NULL);
  copy_journal = g_strconcat (copy, "-journal", NULL);
  applied = g_build_filename (work, "applied-journal", NULL);

  if (!_cs_store_copy_file (path, copy, &local_error)
      || !_cs_store_copy_file (journal, copy_journal, &local_error)
      || !_cs_store_roll_back_journal (copy, &local_error))
    goto failed;

  check = _cs_store_open_full (copy, CS_STORE_OPEN_CHECK_ONLY, migrations, n_migrations,
                               target_version, &local_error);
  if (check == NULL)
    goto failed;
  g_clear_object (&check);

  /* The journal goes first: beside the rolled-back file it would be hot again. */
  if (g_rename (journal, applied) != 0)
    {
      g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "%s", g_strerror (errno));
      goto failed;
    }
  if (g_rename (copy, path) != 0)
    {
      int saved_errno = errno;

      g_rename (applied, journal);
      g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      goto failed;
    }
  _cs_store_sync_folder (dir);
  g_unlink (applied);
  g_rmdir (work);

  self = _cs_store_open_full (path, flags, migrations, n_migrations, target_version, error);
  if (self != NULL)
    self->recovery_note = g_strdup (_("The project was being changed when Contract Scope or the computer stopped. The unfinished change was undone from its journal and the project was checked: everything saved before is there."));
  return self;

failed:
  g_unlink (copy_journal);
  g_unlink (copy);
  g_unlink (applied);
  g_rmdir (work);
  g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_JOURNAL,
               _("“%s” has a journal file beside it (“%s”), left by an interrupted change, that could not be applied safely. Nothing was applied: the project and the journal were left unchanged. Applying it to a copy gave: %s"),
               display_name, journal_name, local_error->message);
  return NULL;
}

/**
 * cs_store_open:
 * @path: the project file
 * @flags: how to open it
 * @error: return location for a #CsStoreError
 *
 * Opens an existing project carefully: a missing file is never created, and a file that is not
 * a complete Contract Scope project of a version this build reads is refused and left
 * byte-for-byte unchanged. A project of an older format is upgraded in one transaction after a
 * backup copy. A file that cannot be written is opened read-only.
 *
 * Returns: (transfer full): the open project, or %NULL with @error set
 */
CsStore *
cs_store_open (const char        *path,
               CsStoreOpenFlags   flags,
               GError           **error)
{
  return _cs_store_open_full (path, flags, _cs_store_builtin_migrations (), CS_STORE_SCHEMA_VERSION - 1,
                              CS_STORE_SCHEMA_VERSION, error);
}

static gboolean
insert_catalogues (CsStore  *self,
                   GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_parties); i++)
    {
      g_autoptr(CsRecord) party = g_object_new (CS_TYPE_PARTY,
                                                "name", _(default_parties[i].name),
                                                "kind", default_parties[i].kind,
                                                NULL);

      if (!cs_store_add (self, party, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_activities); i++)
    {
      g_autoptr(CsRecord) activity = g_object_new (CS_TYPE_ACTIVITY,
                                                   "key", default_activities[i].key,
                                                   "area", default_activities[i].area,
                                                   "name", _(default_activities[i].name),
                                                   NULL);

      if (!cs_store_add (self, activity, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes a complete new project into the empty file @tmp_path, in one transaction. */
static gboolean
write_new_project (const char  *tmp_path,
                   const char  *client_name,
                   GError     **error)
{
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *pragmas = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Looked up through the generated getter, which also keeps the core's resources linked in. */
  schema = g_resource_lookup_data (cs_core_get_resource (),
                                   "/org/contractscope/ContractScope/core/schema-1.sql",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (schema != NULL);

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             CS_STORE_APPLICATION_ID, CS_STORE_SCHEMA_VERSION);

  rc = sqlite3_open_v2 (tmp_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK
      || !_cs_store_configure_connection (db, error)
      || !_cs_store_exec_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; BEGIN",
                              _("creating the project"), error)
      || !_cs_store_exec_sql (db, g_bytes_get_data (schema, NULL), _("creating the project"), error)
      || !exec_migrations (db, error)
      || !_cs_store_exec_sql (db, pragmas, _("creating the project"), error))
    {
      if (rc != SQLITE_OK)
        _cs_store_set_sqlite_error (error, db, rc, _("creating the project"));
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO project (id, client_name, currency) VALUES (1, ?1, 'EUR')",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, client_name, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (rc != SQLITE_OK || !_cs_store_exec_sql (db, "COMMIT", _("creating the project"), error))
    {
      if (rc != SQLITE_OK)
        _cs_store_set_sqlite_error (error, db, rc, _("creating the project"));
      return FALSE;
    }

  return TRUE;
}

/**
 * cs_store_create:
 * @path: where to create the project; no file may exist there
 * @client_name: the client's name
 * @error: return location for a #CsStoreError
 *
 * Creates a new, complete project file and opens it. The file is built under a temporary name
 * beside @path and linked into place only when complete, so @path never holds half a project
 * and an existing file is never replaced.
 *
 * Returns: (transfer full): the open project, or %NULL with @error set
 */
CsStore *
cs_store_create (const char  *path,
                 const char  *client_name,
                 GError     **error)
{
  g_autoptr(CsStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display_name = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (client_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_EXISTS,
                   _("“%s” already exists; it was left unchanged. Choose another name."),
                   display_name);
      return NULL;
    }

  if (!g_utf8_validate (client_name, -1, NULL))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The client name is not valid UTF-8 text; no project was created."));
      return NULL;
    }
  if (strlen (client_name) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The client name is too long (%" PRIu64 " bytes; at most %d); no project was created."),
                   (guint64) strlen (client_name), MAX_TEXT_LENGTH);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("“%s” could not be created: %s."), display_name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  if (!write_new_project (tmp_path, client_name, error))
    {
      g_unlink (tmp_path);
      return NULL;
    }

  /* link() fails if the name was taken in the meantime: nothing is ever replaced. */
  if (link (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, CS_STORE_ERROR,
                   saved_errno == EEXIST ? CS_STORE_ERROR_EXISTS : CS_STORE_ERROR_IO,
                   _("“%s” could not be created: %s."), display_name, g_strerror (saved_errno));
      return NULL;
    }
  g_unlink (tmp_path);

  self = cs_store_open (path, CS_STORE_OPEN_DEFAULT, error);
  if (self == NULL)
    return NULL;

  if (!_cs_store_begin (self, error))
    return NULL;
  if (!insert_catalogues (self, error))
    {
      _cs_store_rollback (self);
      return NULL;
    }
  if (!_cs_store_commit (self, error))
    return NULL;

  _cs_store_flush_saved (self);

  return g_steal_pointer (&self);
}

/**
 * cs_store_close:
 * @self: a store
 *
 * Closes the project file and releases the lock. Every change was already committed; further
 * changes fail with %CS_STORE_ERROR_CLOSED. Records handed out stay valid as plain objects.
 */
void
cs_store_close (CsStore *self)
{
  g_return_if_fail (CS_IS_STORE (self));

  if (self->db != NULL)
    {
      /* Clean: no transaction left open, and no other connection committed since the open
       * (the file holds only what passed the open's checks and our own commits). */
      gboolean clean = !self->read_only && !self->checking && self->lock_fd >= 0
                       && self->savepoint_depth == 0
                       && self->open_data_version >= 0
                       && read_data_version (self->db) == self->open_data_version;
      g_autofree char *kept = clean ? _cs_store_save_aggregates (self) : NULL;
      int rc;

      g_hash_table_remove_all (self->statements);
      rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Closing %s: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;

      /* Recorded while the file is still locked against another instance. */
      if (clean && rc == SQLITE_OK)
        _cs_store_clean_close_record (self->lock_fd, self->path, kept);
      else if (!self->read_only)
        _cs_store_clean_close_forget (self->path);
    }
  g_hash_table_remove_all (self->statements);
  _cs_store_invalidate_aggregates (self);
  if (self->undo_stack != NULL && self->undo_stack->len > 0)
    {
      g_ptr_array_set_size (self->undo_stack, 0);
      _cs_store_notify_can_undo (self);
    }

  /* Closed after SQLite: closing any descriptor of the file drops the process's POSIX locks. */
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

/**
 * cs_store_get_path:
 * @self: a store
 *
 * Returns: the path of the project file
 */
const char *
cs_store_get_path (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  return self->path;
}

/**
 * cs_store_is_file:
 * @self: a store
 * @path: a file name
 *
 * Whether @path names the project file itself, however it is spelled (another path to the
 * same file, a link): the exports and the XML export never write over the project.
 *
 * Returns: %TRUE when @path is the project file
 */
gboolean
cs_store_is_file (CsStore    *self,
                  const char *path)
{
  GStatBuf sa, sb;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &sa) != 0 || g_stat (self->path, &sb) != 0)
    return FALSE;

  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * cs_store_get_integrity_checked:
 * @self: a store
 *
 * Whether the open ran SQLite's integrity check. It is skipped when the file is exactly as
 * this application left it when it last closed it cleanly (same file, size, times and change
 * counter, no journal beside it); any other change to the file makes the next open check it.
 *
 * Returns: %TRUE if the integrity check ran when the project was opened
 */
gboolean
cs_store_get_integrity_checked (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);

  return self->integrity_checked;
}

/**
 * cs_store_is_read_only:
 * @self: a store
 *
 * Returns: %TRUE if the project cannot be changed
 */
gboolean
cs_store_is_read_only (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * cs_store_is_closed:
 * @self: a store
 *
 * Returns: %TRUE after cs_store_close()
 */
gboolean
cs_store_is_closed (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), TRUE);

  return self->db == NULL;
}

/**
 * cs_store_get_schema_version:
 * @self: a store
 *
 * Returns: the file format version of the project
 */
int
cs_store_get_schema_version (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * cs_store_get_recovery_note:
 * @self: a store
 *
 * What opening the project did to recover it after a crash (an unfinished change rolled back
 * from its journal), to tell the user.
 *
 * Returns: (nullable): a translated sentence, or %NULL when the file needed no recovery
 */
const char *
cs_store_get_recovery_note (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  return self->recovery_note;
}

/**
 * cs_store_get_standard_party_name:
 * @kind: a party kind ("client", "provider", "subcontractor", "vendor", "other")
 *
 * Every new project starts with one party of each standard kind, named in the language of the
 * user who created it: `_(name)` of the name returned here. Code matching parties across
 * projects (the demo loader) must not rely on that name.
 *
 * Returns: (nullable): the untranslated name of the standard party of @kind, or %NULL when
 *   the store makes none of that kind
 */
const char *
cs_store_get_standard_party_name (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_parties); i++)
    if (g_str_equal (default_parties[i].kind, kind))
      return default_parties[i].name;

  return NULL;
}


/**
 * cs_store_save_copy:
 * @self: a store
 * @destination: where to write the copy
 * @error: return location for a #CsStoreError
 *
 * Writes a complete, compacted copy of the project with `VACUUM INTO`, under a temporary name
 * that is renamed to @destination only when complete (replacing it, as the file chooser
 * confirmed). The open project is not changed.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_save_copy (CsStore     *self,
                    const char  *destination,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int fd, rc;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_basename (destination);

  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED,
                   _("The project is closed; no copy was written."));
      return FALSE;
    }

  {
    g_autoptr(GFile) a = g_file_new_for_path (destination);
    g_autoptr(GFile) b = g_file_new_for_path (self->path);

    if (g_file_equal (a, b))
      {
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_EXISTS,
                     _("A copy cannot replace the open project itself; choose another name."));
        return FALSE;
      }
  }

  dir = g_path_get_dirname (destination);
  base = g_path_get_basename (destination);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The copy “%s” could not be written: %s."),
                   display_name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  /* VACUUM INTO wants to create the file itself. */
  g_unlink (tmp_path);

  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, tmp_path, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _cs_store_set_sqlite_error (error, self->db, rc, _("writing the copy"));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, destination) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The copy “%s” could not be written: %s."),
                   display_name, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
/**
 * cs_store_reload:
 * @self: a store
 *
 * Refreshes every cached record and list from the file after a #CsStoreBulk committed, then
 * emits #CsStore::reloaded (lazy lists query again) and #CsStore::saved. Main thread only.
 */
void
cs_store_reload (CsStore *self)
{
  g_return_if_fail (CS_IS_STORE (self));
  g_return_if_fail (self->savepoint_depth == 0);

  if (self->db == NULL)
    return;

  _cs_store_reload_caches (self);
  g_signal_emit (self, _cs_store_signals[SAVED], 0);
}

/* For cs-store-*.c: the connection, or NULL once closed. */
sqlite3 *
_cs_store_get_db (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  return self->db;
}
