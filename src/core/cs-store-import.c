/* cs-store-import.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CsStore: bulk import on a connection of its own (CsStoreBulk). */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-autocleanups-private.h"
#include "cs-record-private.h"
#include "cs-store-private.h"

/* Bulk import on a connection of its own */

enum {
  BULK_INSERT_ASSET,
  BULK_UPDATE_ASSET,
  BULK_INSERT_SITE,
  BULK_LAST_SITE_POSITION,
  BULK_SAVE_MAPPING,
  N_BULK_STATEMENTS
};

static const char * const bulk_sql[N_BULK_STATEMENTS] = {
  "INSERT INTO asset (category, name, site_id, quantity, criticality, owner, vendor, model, "
  "serial, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  "UPDATE asset SET category = ?1, name = ?2, site_id = ?3, quantity = ?4, criticality = ?5, "
  "owner = ?6, vendor = ?7, model = ?8, serial = ?9, notes = ?10 WHERE id = ?11",
  "INSERT INTO site (name, position) VALUES (?1, ?2)",
  "SELECT COALESCE(MAX(position), 0) FROM site",
  "INSERT INTO import_mapping (signature, mapping) VALUES (?1, ?2) "
  "ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping",
};

/* Queued assets are inserted up to BULK_BATCH at a time by one multi-row INSERT (fewer when
 * SQLite allows fewer parameters). Such a statement copies each page it changes that existed
 * before it to its statement journal, a temporary file: with 64 rows a statement, 1,000,000
 * assets made 690,000 writes there (17 per page of the project, 1.2 s of system time); with
 * 1024, 34,000. */
#define BULK_BATCH         1024
#define BULK_N_TEXTS       7
#define BULK_N_PARAMETERS  10

/* Indexes on the asset table dropped by cs_store_bulk_defer_indexes(): building them once at
 * the end from the sorted table is cheaper than updating them for each row (1,000,000 assets
 * into an empty project: 0.3 s less processor time for the category and name indexes, whose
 * sorter takes 6 MB more at its peak; the partial index of critical assets cost more to
 * rebuild than it saved). */
static const char * const bulk_deferrable_indexes[] = {
  "asset_site_id", "asset_category", "asset_name_nocase"
};

typedef struct
{
  gsize   texts[BULK_N_TEXTS];  /* offsets in CsStoreBulk.texts */
  gint64  site_id;
  gint64  quantity;
  gint64  criticality;
} QueuedAsset;

struct _CsStoreBulk
{
  sqlite3      *db;
  sqlite3_stmt *statements[N_BULK_STATEMENTS];
  sqlite3_stmt *insert_batch;      /* batch_rows rows */
  guint         batch_rows;        /* at most BULK_BATCH */
  gboolean      in_transaction;

  QueuedAsset   queue[BULK_BATCH];
  guint         n_queued;
  GByteArray   *texts;             /* NUL-terminated texts of the queued assets */
  gint64        next_id;           /* id of the next queued asset; 0: not read yet */
  gint64        last_site_position; /* position of the last site; -1: not read yet */
  GPtrArray    *deferred_indexes;  /* CREATE INDEX statements to run before the commit */
  gint64        first_new_asset;   /* the lowest id an asset added in the transaction can have */
};

/**
 * cs_store_bulk_new:
 * @self: a store open for editing
 * @error: return location for a #CsStoreError
 *
 * Opens a second connection to the project file of @self, for one bulk import. Create it on
 * the main thread, then use it from one worker thread only. While it holds its transaction the
 * main thread may still read through @self (lists, cs_store_find()), but its changes would be
 * refused as "in use": keep editing off until the import finished, then call cs_store_reload().
 *
 * Returns: (transfer full) (nullable): the bulk writer, or %NULL with @error set
 */
CsStoreBulk *
cs_store_bulk_new (CsStore  *self,
                   GError  **error)
{
  g_autoptr(CsStoreBulk) bulk = NULL;
  g_autoptr(GString) sql = NULL;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cs_store_check_writable (self, error))
    return NULL;

  bulk = g_new0 (CsStoreBulk, 1);
  rc = sqlite3_open_v2 (self->path, &bulk->db,
                        /* One thread at a time uses it (see above): no mutex per call. */
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _cs_store_set_sqlite_error (error, bulk->db, rc, _("opening the project"));
      return NULL;
    }

  /* A large page cache keeps the whole import in memory until the commit, so that readers on
   * the main connection are not locked out by a spill; the busy timeout waits for them. */
  if (!_cs_store_configure_connection (bulk->db, error)
      || !_cs_store_exec_sql (bulk->db,
                              "PRAGMA synchronous = FULL;"
                              "PRAGMA cache_size = -131072;",
                              _("opening the project"), error))
    return NULL;
  sqlite3_busy_timeout (bulk->db, 10000);

  for (guint i = 0; i < N_BULK_STATEMENTS; i++)
    {
      rc = sqlite3_prepare_v3 (bulk->db, bulk_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &bulk->statements[i], NULL);
      if (rc != SQLITE_OK)
        {
          _cs_store_set_sqlite_error (error, bulk->db, rc, _("opening the project"));
          return NULL;
        }
    }

  sql = g_string_new ("INSERT INTO asset (category, name, site_id, quantity, criticality, owner, "
                      "vendor, model, serial, notes) VALUES ");
  bulk->batch_rows = MIN (BULK_BATCH, (guint) sqlite3_limit (bulk->db,
                                                              SQLITE_LIMIT_VARIABLE_NUMBER, -1)
                                         / BULK_N_PARAMETERS);
  bulk->batch_rows = MAX (bulk->batch_rows, 1);
  for (guint row = 0; row < bulk->batch_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint column = 0; column < BULK_N_PARAMETERS; column++)
        g_string_append (sql, column > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  rc = sqlite3_prepare_v3 (bulk->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT,
                           &bulk->insert_batch, NULL);
  if (rc != SQLITE_OK)
    {
      _cs_store_set_sqlite_error (error, bulk->db, rc, _("opening the project"));
      return NULL;
    }
  bulk->texts = g_byte_array_sized_new (16 * 1024);
  bulk->deferred_indexes = g_ptr_array_new_with_free_func (g_free);

  return g_steal_pointer (&bulk);
}

/**
 * cs_store_bulk_limit_cache:
 * @bulk: a bulk writer, before cs_store_bulk_begin()
 * @error: return location for a #CsStoreError
 *
 * Keeps the page cache of the import to 32 MB instead of 128 MB, for a process that has no
 * reader to keep from waiting (the command line): a larger import then writes its pages to
 * the file before the commit (still in its one transaction), and its memory stays bounded.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_limit_cache (CsStoreBulk  *bulk,
                           GError      **error)
{
  g_return_val_if_fail (bulk != NULL && !bulk->in_transaction, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cs_store_exec_sql (bulk->db, "PRAGMA cache_size = -32768;", _("opening the project"),
                             error);
}

/**
 * cs_store_bulk_begin:
 * @bulk: a bulk writer
 * @error: return location for a #CsStoreError
 *
 * Starts the one transaction of the import.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_begin (CsStoreBulk  *bulk,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (!bulk->in_transaction, FALSE);

  if (!_cs_store_exec_sql (bulk->db, "BEGIN IMMEDIATE", _("starting the import"), error))
    return FALSE;

  /* New assets have ids above every existing one: they get their coverage rows at the
   * commit (_cs_store_cover_new_assets()). */
  bulk->first_new_asset = G_MAXINT64;
  if (sqlite3_prepare_v2 (bulk->db, "SELECT COALESCE(MAX(id), 0) + 1 FROM asset", -1, &stmt,
                          NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    bulk->first_new_asset = sqlite3_column_int64 (stmt, 0);

  bulk->in_transaction = TRUE;
  bulk->n_queued = 0;
  bulk->next_id = 0;
  bulk->last_site_position = -1;
  g_byte_array_set_size (bulk->texts, 0);
  g_ptr_array_set_size (bulk->deferred_indexes, 0);
  return TRUE;
}

/**
 * cs_store_bulk_restart:
 * @bulk: a bulk writer in its transaction
 * @error: return location for a #CsStoreError
 *
 * Rolls back everything written since cs_store_bulk_begin() (dropping the queue, restoring
 * deferred indexes) and starts the transaction again, as after a failed
 * cs_store_bulk_flush().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_restart (CsStoreBulk  *bulk,
                       GError      **error)
{
  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);

  bulk->in_transaction = FALSE;
  /* After a full disk or an I/O error SQLite has rolled the transaction back already: a
   * ROLLBACK would fail with "no transaction is active" and hide the real cause, which the
   * next pass meets again and reports. */
  if (!sqlite3_get_autocommit (bulk->db)
      && !_cs_store_exec_sql (bulk->db, "ROLLBACK", _("starting the import"), error))
    return FALSE;

  return cs_store_bulk_begin (bulk, error);
}

/**
 * cs_store_bulk_defer_indexes:
 * @bulk: a bulk writer in its transaction, with nothing queued
 * @error: return location for a #CsStoreError
 *
 * Drops the secondary indexes of the asset table until cs_store_bulk_commit(), which builds
 * them again before committing: worth it when the import adds many more assets than the
 * project has. Nothing may read the assets by site meanwhile (inserts and updates by id do not).
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_defer_indexes (CsStoreBulk  *bulk,
                             GError      **error)
{
  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (bulk->n_queued == 0, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (bulk_deferrable_indexes); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *create = NULL;
      char *drop = NULL;
      gboolean dropped;
      int rc;

      rc = sqlite3_prepare_v2 (bulk->db,
                               "SELECT sql FROM sqlite_schema WHERE type = 'index' "
                               "AND tbl_name = 'asset' AND name = ?1 AND sql IS NOT NULL",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, bulk_deferrable_indexes[i], -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        return _cs_store_set_sqlite_error (error, bulk->db, rc, _("starting the import"));

      /* Only a plain CREATE INDEX is run again: one statement, as SQLite parsed it. */
      create = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      /* A statement still reading the schema would keep the index from being dropped. */
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (create == NULL || !g_str_has_prefix (create, "CREATE INDEX ")
          || strchr (create, ';') != NULL)
        continue;

      drop = sqlite3_mprintf ("DROP INDEX \"%w\"", bulk_deferrable_indexes[i]);
      dropped = _cs_store_exec_sql (bulk->db, drop, _("starting the import"), error);
      sqlite3_free (drop);
      if (!dropped)
        return FALSE;
      g_ptr_array_add (bulk->deferred_indexes, g_steal_pointer (&create));
    }

  return TRUE;
}

/**
 * cs_store_bulk_foreach_site:
 * @bulk: a bulk writer
 * @func: (scope call): called for each site
 * @user_data: data for @func
 * @error: return location for a #CsStoreError
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_foreach_site (CsStoreBulk          *bulk,
                            CsStoreBulkSiteFunc   func,
                            gpointer              user_data,
                            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  rc = sqlite3_prepare_v2 (bulk->db, "SELECT id, name FROM site ORDER BY id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = SQLITE_ROW;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1), user_data);

  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, bulk->db, rc, _("reading the sites"));

  return TRUE;
}

/**
 * cs_store_bulk_foreach_asset:
 * @bulk: a bulk writer
 * @func: (scope call): called with the identifying fields of each asset
 * @user_data: data for @func
 * @error: return location for a #CsStoreError
 *
 * Lists what duplicate detection needs, without creating records.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_foreach_asset (CsStoreBulk          *bulk,
                             CsStoreBulkAssetFunc  func,
                             gpointer              user_data,
                             GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  rc = sqlite3_prepare_v2 (bulk->db, "SELECT id, name, COALESCE(site_id, 0), serial FROM asset "
                           "ORDER BY id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = SQLITE_ROW;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
          sqlite3_column_int64 (stmt, 2), (const char *) sqlite3_column_text (stmt, 3), user_data);

  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, bulk->db, rc, _("reading the inventory"));

  return TRUE;
}

/* @what is untranslated (N_()): translating it for each of 100,000 rows took locks. */
static gboolean
bulk_step (CsStoreBulk   *bulk,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, bulk->db, rc, _(what));

  return TRUE;
}

/**
 * cs_store_bulk_add_site:
 * @bulk: a bulk writer in its transaction
 * @name: the site name
 * @error: return location for a #CsStoreError
 *
 * Returns: the new site id, or 0 with @error set
 */
gint64
cs_store_bulk_add_site (CsStoreBulk  *bulk,
                        const char   *name,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, 0);
  g_return_val_if_fail (name != NULL, 0);

  /* The last position is read once per transaction, not once per site: MAX(position) scans
   * the table (no index), which made importing many new sites quadratic. */
  if (bulk->last_site_position < 0)
    {
      int rc;

      stmt = bulk->statements[BULK_LAST_SITE_POSITION];
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        bulk->last_site_position = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          _cs_store_set_sqlite_error (error, bulk->db, rc, _("adding a site"));
          return 0;
        }
    }

  stmt = bulk->statements[BULK_INSERT_SITE];
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, bulk->last_site_position + 1);
  if (!bulk_step (bulk, stmt, N_("adding a site"), error))
    return 0;

  bulk->last_site_position++;
  return sqlite3_last_insert_rowid (bulk->db);
}

static void
bind_asset_values (sqlite3_stmt        *stmt,
                   const CsAssetValues *values)
{
  sqlite3_bind_text (stmt, 1, values->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, values->name, -1, SQLITE_STATIC);
  if (values->site_id > 0)
    sqlite3_bind_int64 (stmt, 3, values->site_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, values->quantity);
  sqlite3_bind_int64 (stmt, 5, values->criticality);
  sqlite3_bind_text (stmt, 6, values->owner != NULL ? values->owner : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, values->vendor != NULL ? values->vendor : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, values->model != NULL ? values->model : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, values->serial != NULL ? values->serial : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, values->notes != NULL ? values->notes : "", -1, SQLITE_STATIC);
}

/**
 * cs_store_bulk_add_asset:
 * @bulk: a bulk writer in its transaction
 * @values: the asset
 * @error: return location for a #CsStoreError
 *
 * Inserts one asset. A row the file refuses fails alone; the transaction goes on.
 *
 * Returns: the new asset id, or 0 with @error set
 */
gint64
cs_store_bulk_add_asset (CsStoreBulk          *bulk,
                         const CsAssetValues  *values,
                         GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, 0);
  g_return_val_if_fail (values != NULL && values->name != NULL && values->category != NULL, 0);

  stmt = bulk->statements[BULK_INSERT_ASSET];
  bind_asset_values (stmt, values);
  if (!bulk_step (bulk, stmt, N_("adding an asset"), error))
    return 0;

  return sqlite3_last_insert_rowid (bulk->db);
}

static void
bind_queued_asset (CsStoreBulk       *bulk,
                   sqlite3_stmt      *stmt,
                   int                first,
                   const QueuedAsset *asset)
{
  static const int text_columns[BULK_N_TEXTS] = { 1, 2, 6, 7, 8, 9, 10 };
  const char *texts = (const char *) bulk->texts->data;

  /* The texts stay put until the queue is emptied: no copy. */
  for (guint i = 0; i < BULK_N_TEXTS; i++)
    sqlite3_bind_text (stmt, first + text_columns[i] - 1, texts + asset->texts[i], -1,
                       SQLITE_STATIC);
  if (asset->site_id > 0)
    sqlite3_bind_int64 (stmt, first + 2, asset->site_id);
  else
    sqlite3_bind_null (stmt, first + 2);
  sqlite3_bind_int64 (stmt, first + 3, asset->quantity);
  sqlite3_bind_int64 (stmt, first + 4, asset->criticality);
}

/**
 * cs_store_bulk_flush:
 * @bulk: a bulk writer in its transaction
 * @error: return location for a #CsStoreError
 *
 * Inserts the assets queued by cs_store_bulk_queue_asset(). On failure the queue is dropped
 * and some of it may have been written: call cs_store_bulk_restart() (then add the rows one by
 * one with cs_store_bulk_add_asset() to learn which one the file refuses).
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_flush (CsStoreBulk  *bulk,
                     GError      **error)
{
  guint n;
  guint done = 0;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);

  n = bulk->n_queued;
  if (n == 0)
    return TRUE;

  bulk->n_queued = 0;
  if (n == bulk->batch_rows)
    {
      for (guint row = 0; row < n; row++)
        bind_queued_asset (bulk, bulk->insert_batch, row * BULK_N_PARAMETERS + 1,
                           &bulk->queue[row]);
      /* No reset of the bindings: the next batch binds every parameter again. */
      rc = sqlite3_step (bulk->insert_batch);
      sqlite3_reset (bulk->insert_batch);
      done = n;
    }
  for (; done < n && rc == SQLITE_DONE; done++)
    {
      sqlite3_stmt *stmt = bulk->statements[BULK_INSERT_ASSET];

      bind_queued_asset (bulk, stmt, 1, &bulk->queue[done]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  g_byte_array_set_size (bulk->texts, 0);

  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, bulk->db, rc, _("adding an asset"));
  /* The ids handed out must be those SQLite chose (it does, unless the largest id is taken). */
  if (sqlite3_last_insert_rowid (bulk->db) != bulk->next_id - 1)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The assets did not get the expected identifiers."));
      return FALSE;
    }

  return TRUE;
}

static gsize
queue_text (CsStoreBulk *bulk,
            const char  *text)
{
  gsize offset = bulk->texts->len;
  gsize length;

  if (text == NULL)
    text = "";
  length = strlen (text) + 1;
  g_byte_array_set_size (bulk->texts, offset + length);
  memcpy (bulk->texts->data + offset, text, length);

  return offset;
}

/**
 * cs_store_bulk_queue_asset:
 * @bulk: a bulk writer in its transaction
 * @values: the asset (copied)
 * @out_id: (out): return location for the id the asset will have
 * @error: return location for a #CsStoreError
 *
 * Queues one asset for insertion with many others, much faster than cs_store_bulk_add_asset();
 * a full queue is flushed (see cs_store_bulk_flush(), whose failure this shares). Flush the
 * rest before anything else reads or writes the assets, and before committing.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_queue_asset (CsStoreBulk          *bulk,
                           const CsAssetValues  *values,
                           gint64               *out_id,
                           GError              **error)
{
  QueuedAsset *asset;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (values != NULL && values->name != NULL && values->category != NULL, FALSE);
  g_return_val_if_fail (out_id != NULL, FALSE);

  if (bulk->next_id == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc = sqlite3_prepare_v2 (bulk->db, "SELECT COALESCE(MAX(id), 0) FROM asset", -1,
                                   &stmt, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        return _cs_store_set_sqlite_error (error, bulk->db, rc, _("adding an asset"));
      bulk->next_id = sqlite3_column_int64 (stmt, 0);
      if (bulk->next_id == G_MAXINT64)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                       _("The assets did not get the expected identifiers."));
          return FALSE;
        }
      bulk->next_id++;
    }

  asset = &bulk->queue[bulk->n_queued++];
  asset->texts[0] = queue_text (bulk, values->category);
  asset->texts[1] = queue_text (bulk, values->name);
  asset->texts[2] = queue_text (bulk, values->owner);
  asset->texts[3] = queue_text (bulk, values->vendor);
  asset->texts[4] = queue_text (bulk, values->model);
  asset->texts[5] = queue_text (bulk, values->serial);
  asset->texts[6] = queue_text (bulk, values->notes);
  asset->site_id = values->site_id;
  asset->quantity = values->quantity;
  asset->criticality = values->criticality;
  *out_id = bulk->next_id++;

  if (bulk->n_queued == bulk->batch_rows)
    return cs_store_bulk_flush (bulk, error);

  return TRUE;
}

/**
 * cs_store_bulk_update_asset:
 * @bulk: a bulk writer in its transaction
 * @id: an asset id
 * @values: the new fields of the asset
 * @error: return location for a #CsStoreError
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_update_asset (CsStoreBulk          *bulk,
                            gint64                id,
                            const CsAssetValues  *values,
                            GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (values != NULL && values->name != NULL && values->category != NULL, FALSE);

  stmt = bulk->statements[BULK_UPDATE_ASSET];
  bind_asset_values (stmt, values);
  sqlite3_bind_int64 (stmt, 11, id);

  return bulk_step (bulk, stmt, N_("updating an asset"), error);
}

/**
 * cs_store_bulk_save_mapping:
 * @bulk: a bulk writer in its transaction
 * @signature: the signature of a CSV header
 * @mapping: the column mapping chosen for it
 * @error: return location for a #CsStoreError
 *
 * Remembers @mapping for files with the same header (table `import_mapping`).
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_save_mapping (CsStoreBulk  *bulk,
                            const char   *signature,
                            const char   *mapping,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (signature != NULL && mapping != NULL, FALSE);

  stmt = bulk->statements[BULK_SAVE_MAPPING];
  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mapping, -1, SQLITE_STATIC);

  return bulk_step (bulk, stmt, N_("saving the column mapping"), error);
}

/**
 * cs_store_bulk_commit:
 * @bulk: a bulk writer in its transaction
 * @error: return location for a #CsStoreError
 *
 * Commits everything written since cs_store_bulk_begin(). Then call cs_store_reload() on the
 * main thread.
 *
 * Returns: %TRUE on success; on failure everything was rolled back
 */
gboolean
cs_store_bulk_commit (CsStoreBulk  *bulk,
                      GError      **error)
{
  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (bulk->n_queued == 0, FALSE);

  for (guint i = 0; i < bulk->deferred_indexes->len; i++)
    if (!_cs_store_exec_sql (bulk->db, g_ptr_array_index (bulk->deferred_indexes, i),
                             _("saving the import"), error))
      {
        bulk->in_transaction = FALSE;
        sqlite3_exec (bulk->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  g_ptr_array_set_size (bulk->deferred_indexes, 0);

  if (!_cs_store_cover_new_assets (bulk->db, bulk->first_new_asset, error))
    {
      bulk->in_transaction = FALSE;
      sqlite3_exec (bulk->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  bulk->in_transaction = FALSE;
  if (!_cs_store_exec_sql (bulk->db, "COMMIT", _("saving the import"), error))
    {
      sqlite3_exec (bulk->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * cs_store_bulk_free:
 * @bulk: (transfer full): a bulk writer
 *
 * Rolls back what was not committed and closes the connection.
 */
void
cs_store_bulk_free (CsStoreBulk *bulk)
{
  if (bulk == NULL)
    return;

  if (bulk->in_transaction)
    sqlite3_exec (bulk->db, "ROLLBACK", NULL, NULL, NULL);
  for (guint i = 0; i < N_BULK_STATEMENTS; i++)
    sqlite3_finalize (bulk->statements[i]);
  sqlite3_finalize (bulk->insert_batch);
  sqlite3_close (bulk->db);
  g_clear_pointer (&bulk->texts, g_byte_array_unref);
  g_clear_pointer (&bulk->deferred_indexes, g_ptr_array_unref);
  g_free (bulk);
}

/*
 * _cs_store_bulk_count_scan_steps:
 * The rows the statements of @bulk stepped through in full table scans, for the test that
 * proves an import does not scan the sites once per new site.
 */
guint64
_cs_store_bulk_count_scan_steps (CsStoreBulk *bulk)
{
  guint64 steps = 0;

  for (guint i = 0; i < N_BULK_STATEMENTS; i++)
    steps += sqlite3_stmt_status (bulk->statements[i], SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE);

  return steps;
}
