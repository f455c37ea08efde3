/* cs-store-cache.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CsStore: SQL errors, statements, transactions, values and the cache of records and lists. */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "cs-autocleanups-private.h"
#include "cs-record-private.h"
#include "cs-store-private.h"

/* Errors */

gboolean
_cs_store_set_sqlite_error (GError      **error,
                            sqlite3      *db,
                            int           rc,
                            const char   *what)
{
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                   _("The project is in use by another program; nothing was changed. Close it there and try again."));
      break;

    case SQLITE_FULL:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The disk is full: %s failed and nothing was changed. Free some space and try again."),
                   what);
      break;

    case SQLITE_READONLY:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                   _("The project file cannot be written: %s failed and nothing was changed."),
                   what);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The value does not fit the project (%s); nothing was changed."),
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("The project file is damaged (%s); nothing was changed."),
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;

    default:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The project file could not be read or written: %s failed (%s); nothing was changed."),
                   what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }

  return FALSE;
}

gboolean
_cs_store_check_writable (CsStore  *self,
                          GError  **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED,
                   _("The project is closed; nothing was changed."));
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                   _("The project is open read-only; nothing was changed."));
      return FALSE;
    }

  if (self->checking)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                   _("The project is still being checked; nothing was changed. Try again in a moment."));
      return FALSE;
    }

  return TRUE;
}

/* Statements */

sqlite3_stmt *
_cs_store_get_statement (CsStore     *self,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_cs_store_exec_sql (sqlite3     *db,
                    const char  *sql,
                    const char  *what,
                    GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _cs_store_set_sqlite_error (error, db, rc, what);

  return TRUE;
}

gboolean
_cs_store_step_done (CsStore       *self,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _cs_store_set_sqlite_error (error, self->db, rc, what);

  return TRUE;
}

/* Transactions: savepoints nest, the outermost one commits. */

gboolean
_cs_store_begin (CsStore  *self,
                 GError  **error)
{
  if (!_cs_store_exec_sql (self->db, "SAVEPOINT cs_edit", _("starting a change"), error))
    return FALSE;

  self->savepoint_depth++;
  return TRUE;
}


/* Forgets the aggregates of cs_store_count_coverage(). */
void
_cs_store_invalidate_aggregates (CsStore *self)
{
  g_clear_pointer (&self->coverage_counts, g_hash_table_unref);
  g_clear_pointer (&self->covered_sites, g_hash_table_unref);
}

void
_cs_store_rollback (CsStore *self)
{
  g_assert (self->savepoint_depth > 0);

  /* The outermost savepoint is the transaction: roll all of it back, so that nothing at all
   * is committed (ROLLBACK TO + RELEASE would commit an empty transaction). */
  if (self->savepoint_depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    {
      sqlite3_exec (self->db, "ROLLBACK TO cs_edit", NULL, NULL, NULL);
      sqlite3_exec (self->db, "RELEASE cs_edit", NULL, NULL, NULL);
    }
  self->savepoint_depth--;
  /* A rollback undoes changes that sqlite3_total_changes64() has already counted. */
  _cs_store_invalidate_aggregates (self);

  /* Caches changed by committed inner steps of this transaction no longer match the file. */
  if (self->savepoint_depth == 0 && self->caches_dirty)
    _cs_store_reload_caches (self);
}

gboolean
_cs_store_commit (CsStore  *self,
                  GError  **error)
{
  g_assert (self->savepoint_depth > 0);

  if (!_cs_store_exec_sql (self->db, "RELEASE cs_edit", _("saving the change"), error))
    {
      /* A failed commit leaves the savepoint open: roll it back so the file stays as it was. */
      _cs_store_rollback (self);
      return FALSE;
    }

  self->savepoint_depth--;
  if (self->savepoint_depth == 0)
    {
      self->caches_dirty = FALSE;
      g_hash_table_remove_all (self->limbo);
      /* Emitted by _cs_store_flush_saved() once the records and lists show the change too. */
      self->saved_pending = TRUE;
    }

  return TRUE;
}

/*
 * flush_saved:
 * Emits "saved" after the outermost commit, once the public call that committed has also
 * updated its records and lists, so that handlers read the new values.
 */
void
_cs_store_flush_saved (CsStore *self)
{
  if (self->savepoint_depth > 0 || !self->saved_pending)
    return;

  self->saved_pending = FALSE;
  g_signal_emit (self, _cs_store_signals[SAVED], 0);
}

void
_cs_store_mark_caches (CsStore *self)
{
  if (self->savepoint_depth > 0)
    self->caches_dirty = TRUE;
}

/* Values */

char *
_cs_store_cache_key (GType  type,
                     gint64 id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, g_type_name (type), id);
}

void
_cs_store_read_field (sqlite3_stmt  *stmt,
                      int            column,
                      const CsField *field,
                      GValue        *value)
{
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  switch (field->type)
    {
    case CS_FIELD_STRING:
    case CS_FIELD_DATE:
    case CS_FIELD_CHOICE:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);

        g_value_init (value, G_TYPE_STRING);
        if (is_null || text == NULL)
          text = field->type == CS_FIELD_CHOICE ? field->choices[0] : "";

        if (!g_utf8_validate (text, -1, NULL))
          {
            g_value_take_string (value, g_utf8_make_valid (text, -1));
          }
        else if (field->type == CS_FIELD_CHOICE && !g_strv_contains (field->choices, text))
          {
            /* A value this version does not know: show the default, leave the file alone. */
            g_debug ("Unknown value “%s” for %s", text, field->column);
            g_value_set_static_string (value, field->choices[0]);
          }
        else
          {
            g_value_set_string (value, text);
          }
      }
      break;

    case CS_FIELD_INT:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, is_null ? field->def
                                        : CLAMP (sqlite3_column_int64 (stmt, column),
                                                 field->min, field->max));
      break;

    case CS_FIELD_REF:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, is_null ? 0 : MAX (0, sqlite3_column_int64 (stmt, column)));
      break;

    case CS_FIELD_NUMBER:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, is_null ? NAN : sqlite3_column_double (stmt, column));
      break;

    case CS_FIELD_BOOLEAN:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, is_null ? field->def != 0
                                          : sqlite3_column_int64 (stmt, column) != 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
_cs_store_bind_field (sqlite3_stmt  *stmt,
                      int            param,
                      const CsField *field,
                      const GValue  *value)
{
  switch (field->type)
    {
    case CS_FIELD_STRING:
    case CS_FIELD_CHOICE:
      {
        const char *text = g_value_get_string (value);

        sqlite3_bind_text (stmt, param, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
      }
      break;

    case CS_FIELD_DATE:
      {
        const char *text = g_value_get_string (value);

        if (text == NULL || *text == '\0')
          sqlite3_bind_null (stmt, param);
        else
          sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
      }
      break;

    case CS_FIELD_INT:
      sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      break;

    case CS_FIELD_REF:
      if (g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      break;

    case CS_FIELD_NUMBER:
      if (isnan (g_value_get_double (value)))
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_double (stmt, param, g_value_get_double (value));
      break;

    case CS_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, param, g_value_get_boolean (value) ? 1 : 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

static GType
field_gtype (const CsField *field)
{
  switch (field->type)
    {
    case CS_FIELD_STRING:
    case CS_FIELD_DATE:
    case CS_FIELD_CHOICE:
      return G_TYPE_STRING;
    case CS_FIELD_INT:
    case CS_FIELD_REF:
      return G_TYPE_INT64;
    case CS_FIELD_NUMBER:
      return G_TYPE_DOUBLE;
    case CS_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    default:
      g_assert_not_reached ();
    }
}

/*
 * validate_value:
 * Converts @value into @out (initialised to the field's GType) and checks it against the
 * field's constraints, so that nothing the file would refuse is ever sent to SQLite.
 */
gboolean
_cs_store_validate_value (const CsEntity  *entity,
                          const CsField   *field,
                          const GValue    *value,
                          GValue          *out,
                          GError         **error)
{
  GType want = field_gtype (field);

  g_value_init (out, want);
  if (!g_value_type_transformable (G_VALUE_TYPE (value), want) || !g_value_transform (value, out))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The value for “%s” has the wrong type; nothing was changed."),
                   field->column);
      return FALSE;
    }

  switch (field->type)
    {
    case CS_FIELD_STRING:
      {
        const char *text = g_value_get_string (out);
        gsize limit = field->max_length != 0 ? field->max_length : MAX_TEXT_LENGTH;

        if (text == NULL)
          {
            g_value_set_static_string (out, "");
            text = "";
          }
        if (!g_utf8_validate (text, -1, NULL))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("The text for “%s” is not valid UTF-8; nothing was changed."),
                         field->column);
            return FALSE;
          }
        if (strlen (text) > limit)
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("The text for “%s” is longer than %" PRIu64 " bytes; nothing was changed."),
                         field->column, (guint64) limit);
            return FALSE;
          }
      }
      break;

    case CS_FIELD_CHOICE:
      {
        const char *text = g_value_get_string (out);

        if (text == NULL || !g_strv_contains (field->choices, text))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("“%s” is not a valid value for “%s”; nothing was changed."),
                         text != NULL ? text : "", field->column);
            return FALSE;
          }
      }
      break;

    case CS_FIELD_DATE:
      {
        const char *text = g_value_get_string (out);
        int y = 0, m = 0, d = 0;
        char tail = 0;

        if (text == NULL)
          g_value_set_static_string (out, "");
        else if (*text != '\0'
                 && (strlen (text) != 10
                     || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
                     || text[4] != '-' || text[7] != '-'
                     || !g_date_valid_dmy (d, m, y)))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("“%s” is not a valid date (YYYY-MM-DD) for “%s”; nothing was changed."),
                         text, field->column);
            return FALSE;
          }
      }
      break;

    case CS_FIELD_INT:
      if (g_value_get_int64 (out) < field->min || g_value_get_int64 (out) > field->max)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%" PRId64 " is out of range for “%s” (%" PRId64 "–%" PRId64 "); nothing was changed."),
                       g_value_get_int64 (out), field->column, field->min, field->max);
          return FALSE;
        }
      break;

    case CS_FIELD_REF:
      if (g_value_get_int64 (out) < 0)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("“%s” refers to a missing item; nothing was changed."),
                       field->column);
          return FALSE;
        }
      break;

    case CS_FIELD_NUMBER:
      if (isinf (g_value_get_double (out)))
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("The number for “%s” is too large; nothing was changed."),
                       field->column);
          return FALSE;
        }
      break;

    case CS_FIELD_BOOLEAN:
    default:
      break;
    }

  (void) entity;
  return TRUE;
}

/* SQL built from the static entity descriptions (identifiers are ours, values are bound) */

char *
_cs_store_select_sql (const CsEntity *entity,
                      const char     *where)
{
  GString *sql = g_string_new ("SELECT id");

  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, ", \"%s\"", entity->fields[i].column);
  g_string_append_printf (sql, " FROM \"%s\"", entity->table);
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append_printf (sql, " ORDER BY %s", entity->order_by);

  return g_string_free (sql, FALSE);
}

CsRecord *
_cs_store_record_from_row (GType          type,
                           const CsEntity *entity,
                           sqlite3_stmt  *stmt)
{
  CsRecord *record = g_object_new (type, NULL);

  cs_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      _cs_store_read_field (stmt, i + 1, &entity->fields[i], &value);
      _cs_record_load_value (record, i, &value);
    }

  return record;
}

/* The cache */

static void
record_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  CacheEntry *entry = data;
  g_autofree char *key = g_strdup (entry->key);

  entry->record = NULL;
  g_hash_table_remove (entry->store->records, key);
}

void
_cs_store_cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  if (entry->record != NULL && entry->strong)
    g_object_unref (entry->record);
  else if (entry->record != NULL)
    g_object_weak_unref (G_OBJECT (entry->record), record_gone_cb, entry);
  g_free (entry);
}

CacheEntry *
_cs_store_cache_lookup_entry (CsStore    *self,
                              const char *key)
{
  return g_hash_table_lookup (self->records, key);
}

CsRecord *
_cs_store_cache_lookup (CsStore    *self,
                        const char *key)
{
  CacheEntry *entry = g_hash_table_lookup (self->records, key);

  return entry != NULL ? entry->record : NULL;
}

/* Caches @record under @key (taken). Strong: the cache takes over the caller's reference. */
void
_cs_store_cache_insert (CsStore  *self,
                        char     *key,
                        CsRecord *record,
                        gboolean  strong)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->store = self;
  entry->key = key;
  entry->record = record;
  entry->strong = strong;
  if (!strong)
    g_object_weak_ref (G_OBJECT (record), record_gone_cb, entry);
  /* replace, not insert: the entry points at its key */
  g_hash_table_replace (self->records, key, entry);
}

/* From now on the cache keeps @entry's record alive. */
void
_cs_store_cache_pin (CacheEntry *entry)
{
  if (entry->strong)
    return;

  g_object_weak_unref (G_OBJECT (entry->record), record_gone_cb, entry);
  g_object_ref (entry->record);
  entry->strong = TRUE;
}

/* The cached records, each with a reference: signal handlers run while the caller walks the
 * array may drop the last reference to a weakly cached record, which removes it from the
 * table. */
GPtrArray *
_cs_store_cache_snapshot (CsStore    *self,
                          const char *prefix)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CacheEntry *entry = value;

      if (entry->record != NULL && (prefix == NULL || g_str_has_prefix (key, prefix)))
        g_ptr_array_add (records, g_object_ref (entry->record));
    }

  return records;
}

/*
 * Returns the cached record for the row under @stmt, or caches a new one. @strong: the cache
 * keeps it alive, and the record is returned (transfer none); otherwise it is held weakly and
 * returned (transfer full).
 */
CsRecord *
_cs_store_intern_row_full (CsStore        *self,
                           GType           type,
                           const CsEntity *entity,
                           sqlite3_stmt   *stmt,
                           gboolean        strong)
{
  g_autofree char *key = _cs_store_cache_key (type, sqlite3_column_int64 (stmt, 0));
  CacheEntry *entry = _cs_store_cache_lookup_entry (self, key);
  CsRecord *record = NULL;
  gpointer stolen_key = NULL;

  if (entry != NULL)
    {
      if (strong)
        _cs_store_cache_pin (entry);
      return strong ? entry->record : g_object_ref (entry->record);
    }

  /* A record deleted by a transaction that was rolled back comes back as the same object. */
  if (g_hash_table_steal_extended (self->limbo, key, &stolen_key, (gpointer *) &record))
    {
      g_free (stolen_key);
      for (guint i = 0; i < entity->n_fields; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          _cs_store_read_field (stmt, i + 1, &entity->fields[i], &value);
          _cs_record_take_value (record, i, &value);
        }
      /* The limbo's reference: it was held strongly until now, keep it so. */
      _cs_store_cache_insert (self, g_steal_pointer (&key), record, TRUE);
      return strong ? record : g_object_ref (record);
    }

  record = _cs_store_record_from_row (type, entity, stmt);
  _cs_store_cache_insert (self, g_steal_pointer (&key), record, strong);

  return record;
}

CsRecord *
_cs_store_intern_row (CsStore        *self,
                      GType           type,
                      const CsEntity *entity,
                      sqlite3_stmt   *stmt)
{
  return _cs_store_intern_row_full (self, type, entity, stmt, TRUE);
}

int
_cs_store_compare_records (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  CsRecord *ra = CS_RECORD ((gpointer) a);
  CsRecord *rb = CS_RECORD ((gpointer) b);
  const CsEntity *entity = cs_record_get_entity (ra);
  g_auto(GStrv) columns = g_strsplit (entity->order_by, ",", -1);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *column = g_strstrip (columns[i]);
      const CsField *field = NULL;
      guint index = 0;
      int cmp = 0;

      if (g_str_equal (column, "id"))
        {
          gint64 x = cs_record_get_id (ra), y = cs_record_get_id (rb);

          cmp = (x > y) - (x < y);
        }
      else if ((field = cs_entity_find_field (entity, column, &index)) != NULL)
        {
          const GValue *va = cs_record_peek_value (ra, index);
          const GValue *vb = cs_record_peek_value (rb, index);

          if (G_VALUE_HOLDS_STRING (va))
            cmp = g_strcmp0 (g_value_get_string (va), g_value_get_string (vb));
          else if (G_VALUE_HOLDS_INT64 (va))
            cmp = (g_value_get_int64 (va) > g_value_get_int64 (vb))
                  - (g_value_get_int64 (va) < g_value_get_int64 (vb));
        }

      if (cmp != 0)
        return cmp;
    }

  return 0;
}

char *
_cs_store_list_key (GType  type,
                    gint64 parent_id)
{
  return _cs_store_cache_key (type, parent_id);
}

GListStore *
_cs_store_peek_list (CsStore *self,
                     GType    type,
                     gint64   parent_id)
{
  g_autofree char *key = _cs_store_list_key (type, parent_id);

  return g_hash_table_lookup (self->lists, key);
}

void
_cs_store_list_insert_sorted (GListStore *list,
                              CsRecord   *record)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* Appending is the common case: new records sort last. */
  if (n > 0)
    {
      g_autoptr(CsRecord) last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);

      if (_cs_store_compare_records (last, record, NULL) > 0)
        {
          g_list_store_insert_sorted (list, record, _cs_store_compare_records, NULL);
          return;
        }
    }

  g_list_store_append (list, record);
}

void
_cs_store_list_remove (GListStore *list,
                       CsRecord   *record)
{
  guint position = 0;

  if (g_list_store_find (list, record, &position))
    g_list_store_remove (list, position);
}

GPtrArray *
_cs_store_query_list (CsStore *self,
                      GType    type,
                      gint64   parent_id)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (self->db == NULL)
    return g_steal_pointer (&items);

  if (entity->parent != NULL && parent_id != 0)
    where = g_strdup_printf ("\"%s\" = ?1", entity->parent);
  sql = _cs_store_select_sql (entity, where);
  stmt = _cs_store_get_statement (self, sql, NULL);
  if (stmt == NULL)
    return g_steal_pointer (&items);

  if (where != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, _cs_store_intern_row (self, type, entity, stmt));
  sqlite3_reset (stmt);

  return g_steal_pointer (&items);
}

/*
 * reload_caches:
 * After a rolled-back transaction the cached records and lists may show what is not on disk.
 * Refresh them in place from the file, keeping every record object that still exists, so that
 * widgets holding records stay valid.
 */
void
_cs_store_reload_caches (CsStore *self)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cached = NULL;
  GHashTableIter iter;
  gpointer key, value;

  self->caches_dirty = FALSE;
  _cs_store_invalidate_aggregates (self);

  cached = _cs_store_cache_snapshot (self, NULL);
  for (guint c = 0; c < cached->len; c++)
    {
      CsRecord *record = g_ptr_array_index (cached, c);
      const CsEntity *entity = cs_record_get_entity (record);
      g_autofree char *sql = _cs_store_select_sql (entity, "id = ?1");
      sqlite3_stmt *stmt = _cs_store_get_statement (self, sql, NULL);

      if (stmt == NULL)
        continue;

      sqlite3_bind_int64 (stmt, 1, cs_record_get_id (record));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (guint i = 0; i < entity->n_fields; i++)
            {
              g_auto(GValue) field_value = G_VALUE_INIT;

              _cs_store_read_field (stmt, i + 1, &entity->fields[i], &field_value);
              _cs_record_take_value (record, i, &field_value);
            }
        }
      else
        {
          g_ptr_array_add (gone, _cs_store_cache_key (G_OBJECT_TYPE (record), cs_record_get_id (record)));
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < gone->len; i++)
    g_hash_table_remove (self->records, g_ptr_array_index (gone, i));

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, ":", 2);
      g_autoptr(GPtrArray) items = _cs_store_query_list (self, g_type_from_name (parts[0]),
                                                         g_ascii_strtoll (parts[1], NULL, 10));

      g_list_store_splice (G_LIST_STORE (value), 0,
                           g_list_model_get_n_items (G_LIST_MODEL (value)),
                           items->pdata, items->len);
    }

  g_hash_table_remove_all (self->limbo);
  g_signal_emit (self, _cs_store_signals[RELOADED], 0);
}
