/* cs-store-exchange.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-autocleanups-private.h"
#include "cs-store-exchange-private.h"
#include "cs-store-private.h"

#include <inttypes.h>
#include <sqlite3.h>

/*
 * The store's side of the XML exchange format.
 *
 * _cs_store_dump() reads every row of every table of the model (cs_model_get_record_types(),
 * so a table added to the model is covered without a change here) in id order, from one read
 * transaction on a read-only connection of its own: the #CsStore may stay open for editing,
 * since its flock() does not keep readers out.
 *
 * #CsStoreLoad fills a project file that cs_store_create() has just made and that nobody has
 * open: in one transaction it empties every table (the new file's catalogues included) and
 * inserts the rows given, then checks what the file needs to open (one project row, one
 * section row per parent where the model says so) before committing. Table and column names
 * in the SQL come from the static model; every value is bound.
 */

struct _CsStoreLoad
{
  sqlite3    *db;
  char       *path;
  /* SQL text → prepared statement */
  GHashTable *statements;
  /* "table:columns" → an INSERT of @statements */
  GHashTable *inserts;
  gboolean    in_transaction;
};

static gboolean
set_db_error (GError     **error,
              sqlite3     *db,
              int          rc,
              const char  *what)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_CONSTRAINT)
    g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                 _("A value does not fit the project (%s) while %s."),
                 sqlite3_errmsg (db), what);
  else if (primary == SQLITE_FULL)
    g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                 _("The disk is full: %s failed. Free some space and try again."), what);
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                 _("The project is in use by another program: %s failed. Try again."), what);
  else
    g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                 _("The project file could not be read or written: %s failed (%s)."),
                 what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  return FALSE;
}

/* The same defensive settings as the store's own connections. */
static gboolean
configure (sqlite3     *db,
           const char  *what,
           GError     **error)
{
  int rc;

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 2000);

  rc = sqlite3_exec (db,
                     "PRAGMA trusted_schema = OFF;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA cell_size_check = ON;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return set_db_error (error, db, rc, what);

  return TRUE;
}

static const CsEntity *
table_entity (guint index)
{
  guint n_types = 0;
  const GType *types = cs_model_get_record_types (&n_types);

  g_assert (index < n_types);
  return cs_record_type_get_entity (types[index]);
}

/* The coverage as the exchange format has always written it, whatever the offers' defaults
 * (cs-store-coverage.c): a row for every asset an offer addresses or notes. Under a default
 * other than "not addressed", the explicit "not addressed" rows with no note and no reference
 * stand for what no row meant, and the assets without a row get one at the default, its id
 * above every stored one (an offer's block of ids after another's). */
#define EFFECTIVE_COVERAGE_SQL \
  "SELECT c.id AS id, c.offer_id AS offer_id, c.asset_id AS asset_id, c.state AS state, " \
  "c.note AS note, c.reference AS reference FROM coverage c JOIN offer o ON o.id = c.offer_id " \
  "WHERE NOT (o.coverage_default <> 'not_addressed' AND c.state = 'not_addressed' " \
  "AND c.note = '' AND c.reference = '') " \
  "UNION ALL SELECT (SELECT COALESCE(MAX(id), 0) FROM coverage) " \
  "+ (o.id - 1) * (SELECT COALESCE(MAX(id), 0) FROM asset) + a.id, o.id, a.id, " \
  "o.coverage_default, '', '' FROM offer o CROSS JOIN asset a " \
  "WHERE o.coverage_default <> 'not_addressed' AND NOT EXISTS " \
  "(SELECT 1 FROM coverage d WHERE d.offer_id = o.id AND d.asset_id = a.id)"

/* "SELECT id, "a", "b" FROM "t" ORDER BY id" */
static char *
dump_sql (const CsEntity *entity,
          gboolean        ids_only)
{
  GString *sql = g_string_new ("SELECT id");

  for (guint i = 0; !ids_only && i < entity->n_fields; i++)
    g_string_append_printf (sql, ", \"%s\"", entity->fields[i].column);
  if (!ids_only && entity->blob_column != NULL)
    g_string_append_printf (sql, ", \"%s\"", entity->blob_column);
  if (g_strcmp0 (entity->table, "coverage") == 0)
    g_string_append (sql, " FROM (" EFFECTIVE_COVERAGE_SQL ") ORDER BY id");
  else
    g_string_append_printf (sql, " FROM \"%s\" ORDER BY id", entity->table);

  return g_string_free (sql, FALSE);
}

static void
read_cell (sqlite3_stmt *stmt,
           int           column,
           CsCell       *cell)
{
  memset (cell, 0, sizeof *cell);

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      cell->kind = CS_CELL_INT;
      cell->i = sqlite3_column_int64 (stmt, column);
      break;
    case SQLITE_FLOAT:
      cell->kind = CS_CELL_REAL;
      cell->d = sqlite3_column_double (stmt, column);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      /* STRICT tables hold no blobs in text columns; read both as the bytes they are. */
      cell->kind = CS_CELL_TEXT;
      cell->text = (const char *) sqlite3_column_text (stmt, column);
      cell->len = sqlite3_column_bytes (stmt, column);
      if (cell->text == NULL)
        cell->text = "";
      break;
    case SQLITE_NULL:
    default:
      cell->kind = CS_CELL_NULL;
      break;
    }
}

static gboolean
dump_table (sqlite3             *db,
            guint                index,
            CsStoreDumpIdFunc    id_func,
            CsStoreDumpRowFunc   row_func,
            gpointer             user_data,
            GError             **error)
{
  const CsEntity *entity = table_entity (index);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = dump_sql (entity, row_func == NULL);
  g_autofree CsCell *cells = g_new0 (CsCell, entity->n_fields + 1);
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_db_error (error, db, rc, _("reading the project"));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (row_func == NULL)
        {
          if (!id_func (index, id, user_data, error))
            return FALSE;
          continue;
        }

      for (guint i = 0; i < entity->n_fields; i++)
        read_cell (stmt, (int) i + 1, &cells[i]);
      /* The blob column comes after the fields, as bytes. */
      if (entity->blob_column != NULL)
        {
          cells[entity->n_fields].kind = CS_CELL_TEXT;
          cells[entity->n_fields].text = sqlite3_column_blob (stmt, (int) entity->n_fields + 1);
          cells[entity->n_fields].len = sqlite3_column_bytes (stmt, (int) entity->n_fields + 1);
          if (cells[entity->n_fields].text == NULL)
            cells[entity->n_fields].text = "";
        }
      if (!row_func (index, id, cells, user_data, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return set_db_error (error, db, rc, _("reading the project"));

  return TRUE;
}

/**
 * _cs_store_dump:
 * @store: an open project
 * @id_func: called first with the id of every row of every table, table by table
 * @row_func: then called with every row, its cells in the order of the entity's fields, then
 *   for an entity with a blob column one more cell: the blob's bytes (%CS_CELL_TEXT)
 * @user_data: data for both functions
 * @error: return location for an error
 *
 * Reads the whole project as stored, from one consistent snapshot. Tables come in the order
 * of cs_model_get_record_types() (their index in it is given), rows in id order.
 *
 * Returns: %TRUE when every row was read and every call returned %TRUE
 */
gboolean
_cs_store_dump (CsStore             *store,
                CsStoreDumpIdFunc    id_func,
                CsStoreDumpRowFunc   row_func,
                gpointer             user_data,
                GError             **error)
{
  g_autoptr(sqlite3) db = NULL;
  guint n_types = 0;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (id_func != NULL && row_func != NULL, FALSE);

  if (cs_store_is_closed (store))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return FALSE;
    }

  cs_model_get_record_types (&n_types);

  rc = sqlite3_open_v2 (cs_store_get_path (store), &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    return set_db_error (error, db, rc, _("reading the project"));
  if (!configure (db, _("reading the project"), error))
    return FALSE;

  rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return set_db_error (error, db, rc, _("reading the project"));

  for (guint pass = 0; ok && pass < 2; pass++)
    for (guint i = 0; ok && i < n_types; i++)
      ok = dump_table (db, i, id_func, pass == 0 ? NULL : row_func, user_data, error);

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  return ok;
}

static sqlite3_stmt *
load_statement (CsStoreLoad  *load,
                const char   *sql,
                GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (load->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (load->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, load->db, rc, _("importing the project"));
      return NULL;
    }

  g_hash_table_insert (load->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
load_exec (CsStoreLoad  *load,
           const char   *sql,
           GError      **error)
{
  int rc = sqlite3_exec (load->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_db_error (error, load->db, rc, _("importing the project"));

  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/**
 * _cs_store_load_new:
 * @path: a project file just made by cs_store_create() and closed again
 * @error: return location for an error
 *
 * Opens @path for a bulk load and starts its transaction by emptying every table.
 *
 * Returns: (transfer full): the load, or %NULL with @error set
 */
CsStoreLoad *
_cs_store_load_new (const char  *path,
                    GError     **error)
{
  g_autoptr(CsStoreLoad) load = g_new0 (CsStoreLoad, 1);
  guint n_types = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  cs_model_get_record_types (&n_types);
  load->path = g_strdup (path);
  load->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  load->inserts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  rc = sqlite3_open_v2 (path, &load->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, load->db, rc, _("importing the project"));
      return NULL;
    }

  if (!configure (load->db, _("importing the project"), error)
      /* A big cache keeps a large project's pages from spilling before the commit. */
      || !load_exec (load,
                     "PRAGMA journal_mode = DELETE;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA cache_size = -131072;",
                     error)
      || !load_exec (load, "BEGIN IMMEDIATE", error))
    return NULL;
  load->in_transaction = TRUE;

  /* Children first, so that no cascade does work twice. */
  for (guint i = n_types; i > 0; i--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\"", table_entity (i - 1)->table);

      if (!load_exec (load, sql, error))
        return NULL;
    }

  return g_steal_pointer (&load);
}

static int
bind_cell (sqlite3_stmt *stmt,
           int           param,
           const CsCell *cell)
{
  switch (cell->kind)
    {
    case CS_CELL_INT:
      return sqlite3_bind_int64 (stmt, param, cell->i);
    case CS_CELL_REAL:
      return sqlite3_bind_double (stmt, param, cell->d);
    case CS_CELL_TEXT:
      return sqlite3_bind_text64 (stmt, param, cell->text, cell->len, SQLITE_TRANSIENT,
                                  SQLITE_UTF8);
    case CS_CELL_NULL:
    case CS_CELL_ABSENT:
    default:
      return sqlite3_bind_null (stmt, param);
    }
}

/**
 * _cs_store_load_row:
 * @load: a load
 * @table_index: the table, as an index into cs_model_get_record_types()
 * @cells: one cell per field of the table's entity, then for an entity with a blob column one
 *   more: its bytes (%CS_CELL_TEXT); absent ones take the column's default
 * @error: return location for an error
 *
 * Inserts one row. References must already hold ids of rows of this load.
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
_cs_store_load_row (CsStoreLoad   *load,
                    guint          table_index,
                    const CsCell  *cells,
                    GError       **error)
{
  const CsEntity *entity = table_entity (table_index);
  char key[80];
  sqlite3_stmt *stmt;
  guint64 present = 0;
  guint n_bound = 0;
  int rc = SQLITE_OK;
  guint n_cells = entity->n_fields + (entity->blob_column != NULL ? 1 : 0);

  g_return_val_if_fail (load != NULL && load->in_transaction, 0);
  g_assert (n_cells <= 64);

  /* One statement per table and set of columns given: usually one per table. */
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].kind != CS_CELL_ABSENT)
      present |= G_GUINT64_CONSTANT (1) << i;
  g_snprintf (key, sizeof key, "%u:%" G_GINT64_MODIFIER "x", table_index, present);

  stmt = g_hash_table_lookup (load->inserts, key);
  if (stmt == NULL)
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_append_printf (sql, "INSERT INTO \"%s\" (id", entity->table);
      for (guint i = 0; i < entity->n_fields; i++)
        if (present & (G_GUINT64_CONSTANT (1) << i))
          g_string_append_printf (sql, ", \"%s\"", entity->fields[i].column);
      if (present & (G_GUINT64_CONSTANT (1) << entity->n_fields))
        g_string_append_printf (sql, ", \"%s\"", entity->blob_column);
      /* The id is left to SQLite (NULL): rows get new ids in the order they come. */
      g_string_append (sql, ") VALUES (NULL");
      for (guint i = 0; i < n_cells; i++)
        if (present & (G_GUINT64_CONSTANT (1) << i))
          g_string_append_printf (sql, ", ?%u", ++n_bound);
      g_string_append (sql, ")");

      stmt = load_statement (load, sql->str, error);
      if (stmt == NULL)
        return 0;
      g_hash_table_insert (load->inserts, g_strdup (key), stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  n_bound = 0;
  for (guint i = 0; rc == SQLITE_OK && i < entity->n_fields; i++)
    if (cells[i].kind != CS_CELL_ABSENT)
      rc = bind_cell (stmt, (int) ++n_bound, &cells[i]);
  if (rc == SQLITE_OK && n_cells > entity->n_fields && cells[entity->n_fields].kind == CS_CELL_TEXT)
    {
      const CsCell *blob = &cells[entity->n_fields];

      rc = sqlite3_bind_blob64 (stmt, (int) ++n_bound, blob->len > 0 ? blob->text : "", blob->len,
                                SQLITE_STATIC);
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  /* The blob bound belongs to the caller. */
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, load->db, rc, _("importing the project"));
      return 0;
    }

  return sqlite3_last_insert_rowid (load->db);
}

static gint64
count_rows (CsStoreLoad  *load,
            const char   *sql,
            GError      **error)
{
  sqlite3_stmt *stmt = load_statement (load, sql, error);
  gint64 count;
  int rc;

  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      set_db_error (error, load->db, rc, _("importing the project"));
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Each parent of a one-per-parent entity (an offer and its SLA terms …) has its row. */
static gboolean
check_sections (CsStoreLoad  *load,
                GError      **error)
{
  guint n_types = 0;

  cs_model_get_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      const CsEntity *entity = table_entity (i);
      const CsField *parent;
      g_autofree char *sql = NULL;
      gint64 missing;

      if (!entity->one_per_parent || entity->parent == NULL)
        continue;

      parent = cs_entity_find_field (entity, entity->parent, NULL);
      g_assert (parent != NULL && parent->ref_table != NULL);

      sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE id NOT IN "
                             "(SELECT \"%s\" FROM \"%s\")",
                             parent->ref_table, entity->parent, entity->table);
      missing = count_rows (load, sql, error);
      if (missing < 0)
        return FALSE;
      if (missing > 0)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("Some rows of “%s” (%" PRId64 ") lack the “%s” row each of them needs."),
                       parent->ref_table, missing, entity->table);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * _cs_store_load_commit:
 * @load: a load
 * @error: return location for an error
 *
 * Checks that the loaded project is complete (exactly one project row, every section row)
 * and commits it.
 *
 * Returns: %TRUE when the load is committed
 */
gboolean
_cs_store_load_commit (CsStoreLoad  *load,
                       GError      **error)
{
  const CsEntity *project = cs_record_type_get_entity (CS_TYPE_PROJECT);
  g_autofree char *sql = NULL;
  gint64 n_projects;

  g_return_val_if_fail (load != NULL && load->in_transaction, FALSE);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", project->table);
  n_projects = count_rows (load, sql, error);
  if (n_projects < 0)
    return FALSE;
  if (n_projects != 1)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("A project holds exactly one project record; this one has %" PRId64 "."),
                   n_projects);
      return FALSE;
    }

  if (!check_sections (load, error) || !load_exec (load, "COMMIT", error))
    return FALSE;
  load->in_transaction = FALSE;

  return TRUE;
}

/**
 * _cs_store_load_free:
 * @load: a load
 *
 * Rolls back what was not committed and closes the connection.
 */
void
_cs_store_load_free (CsStoreLoad *load)
{
  if (load == NULL)
    return;

  g_clear_pointer (&load->inserts, g_hash_table_unref);
  g_clear_pointer (&load->statements, g_hash_table_unref);
  if (load->db != NULL && load->in_transaction)
    sqlite3_exec (load->db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&load->db, sqlite3_close);
  g_free (load->path);
  g_free (load);
}
