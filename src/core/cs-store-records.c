/* cs-store-records.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CsStore: finding, listing, adding, changing, deleting and restoring records (undo). */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cs-autocleanups-private.h"
#include "cs-record-private.h"
#include "cs-store-private.h"

G_DEFINE_BOXED_TYPE (CsDeletion, cs_deletion, cs_deletion_ref, cs_deletion_unref)

/* Security controls recorded for every offer (DOMAIN.md, Security & access). */
static const char * const default_controls[] = {
  "named-accounts", "mfa-provider-access", "privileged-inventory", "least-privilege",
  "remote-tools", "remote-access", "admin-workstations", "logging", "encryption", "patching",
  "incident-notification", "deprovisioning", "staff-confidentiality", "audits", "certifications",
  "security-plan", "password-vault",
};

/* Public API */

/**
 * cs_deletion_ref:
 * @deletion: a deletion
 *
 * Returns: (transfer full): @deletion
 */
CsDeletion *
cs_deletion_ref (CsDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);

  g_atomic_ref_count_inc (&deletion->ref_count);
  return deletion;
}

/**
 * cs_deletion_unref:
 * @deletion: a deletion
 *
 * Drops a reference.
 */
void
cs_deletion_unref (CsDeletion *deletion)
{
  g_return_if_fail (deletion != NULL);

  if (g_atomic_ref_count_dec (&deletion->ref_count))
    {
      g_clear_object (&deletion->record);
      g_clear_pointer (&deletion->rows, g_ptr_array_unref);
      g_clear_pointer (&deletion->cleared, g_array_unref);
      g_clear_pointer (&deletion->blobs, g_hash_table_unref);
      g_clear_pointer (&deletion->offer_defaults, g_array_unref);
      g_free (deletion);
    }
}

/**
 * cs_deletion_get_record:
 * @deletion: a deletion
 *
 * Returns: (transfer none): the record that was deleted
 */
CsRecord *
cs_deletion_get_record (CsDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);

  return deletion->record;
}

/**
 * cs_store_find:
 * @self: a store
 * @type: a record type
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the record, or %NULL if there is no such row
 */
CsRecord *
cs_store_find (CsStore *self,
               GType    type,
               gint64   id)
{
  const CsEntity *entity = NULL;
  g_autofree char *key = NULL;
  g_autofree char *sql = NULL;
  CsRecord *record = NULL;
  CacheEntry *entry = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  key = _cs_store_cache_key (type, id);
  entry = _cs_store_cache_lookup_entry (self, key);
  if (entry != NULL)
    {
      /* Lent (transfer none): from now on the cache must keep it alive. */
      _cs_store_cache_pin (entry);
      return entry->record;
    }
  if (self->db == NULL)
    return NULL;

  entity = cs_record_type_get_entity (type);
  sql = _cs_store_select_sql (entity, "id = ?1");
  stmt = _cs_store_get_statement (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = _cs_store_intern_row (self, type, entity, stmt);
  sqlite3_reset (stmt);

  return record;
}

/**
 * cs_store_ref_record:
 * @self: a store
 * @type: a record type
 * @id: a row id
 *
 * Like cs_store_find(), but returns a reference of the caller's own and does not make the
 * store keep the record: a record nobody holds any more is freed, and read again when asked
 * for. While anyone holds it, the same row is the same object, whether it was found here, by
 * cs_store_find() or in a list. Lazy lists of many rows (#CsAssetList) use it.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL when there is no such row
 */
CsRecord *
cs_store_ref_record (CsStore *self,
                     GType    type,
                     gint64   id)
{
  const CsEntity *entity = NULL;
  g_autofree char *key = NULL;
  g_autofree char *sql = NULL;
  CsRecord *record = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  key = _cs_store_cache_key (type, id);
  record = _cs_store_cache_lookup (self, key);
  if (record != NULL)
    return g_object_ref (record);
  if (self->db == NULL)
    return NULL;

  entity = cs_record_type_get_entity (type);
  sql = _cs_store_select_sql (entity, "id = ?1");
  stmt = _cs_store_get_statement (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = _cs_store_intern_row_full (self, type, entity, stmt, FALSE);
  sqlite3_reset (stmt);

  return record;
}

/**
 * cs_store_get_project:
 * @self: a store
 *
 * Returns: (transfer none): the project record
 */
CsProject *
cs_store_get_project (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  return (CsProject *) cs_store_find (self, CS_TYPE_PROJECT, 1);
}

/**
 * cs_store_list:
 * @self: a store
 * @type: a record type
 * @parent_id: the owning row (an offer id for section records), or 0 for top-level types
 *
 * Returns: (transfer none): a live list of the records of @type under @parent_id, in display
 *   order; it changes as records are added, deleted and restored
 */
GListModel *
cs_store_list (CsStore *self,
               GType    type,
               gint64   parent_id)
{
  const CsEntity *entity = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GListStore *list = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  entity = cs_record_type_get_entity (type);
  if (entity->parent == NULL)
    parent_id = 0;

  key = _cs_store_list_key (type, parent_id);
  list = g_hash_table_lookup (self->lists, key);
  if (list != NULL)
    return G_LIST_MODEL (list);

  list = g_list_store_new (type);
  g_hash_table_insert (self->lists, g_steal_pointer (&key), list);

  items = _cs_store_query_list (self, type, parent_id);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (list);
}

/**
 * cs_store_get_sites:
 * @self: a store
 *
 * Returns: (transfer none): the live list of #CsSite
 */
GListModel *
cs_store_get_sites (CsStore *self)
{
  return cs_store_list (self, CS_TYPE_SITE, 0);
}

/**
 * cs_store_get_offers:
 * @self: a store
 *
 * Returns: (transfer none): the live list of #CsOffer
 */
GListModel *
cs_store_get_offers (CsStore *self)
{
  return cs_store_list (self, CS_TYPE_OFFER, 0);
}

/**
 * cs_store_get_section:
 * @self: a store
 * @type: a one-per-offer record type (#CsSlaTerms, #CsSubcontracting, #CsExitTerms, #CsTerms)
 * @parent_id: the offer id
 *
 * Returns: (transfer none) (nullable): the offer's record of @type, created with the offer
 */
CsRecord *
cs_store_get_section (CsStore *self,
                      GType    type,
                      gint64   parent_id)
{
  const CsEntity *entity = NULL;
  GListModel *list = NULL;
  CsRecord *record = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  entity = cs_record_type_get_entity (type);
  g_return_val_if_fail (entity->one_per_parent, NULL);

  list = cs_store_list (self, type, parent_id);
  if (g_list_model_get_n_items (list) == 0)
    return NULL;

  /* The list keeps the record alive: hand it out borrowed. */
  record = g_list_model_get_item (list, 0);
  g_object_unref (record);

  return record;
}

/**
 * cs_store_count_assets:
 * @self: a store
 * @out_units: (out) (optional): the sum of the assets' quantities
 * @out_per_category: (out) (optional) (transfer full): category → number of asset records,
 *   as `GUINT_TO_POINTER`
 *
 * Returns: the number of asset records
 */
guint
cs_store_count_assets (CsStore     *self,
                       guint64     *out_units,
                       GHashTable **out_per_category)
{
  g_autoptr(GHashTable) per_category = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 units = 0;
  guint total = 0;

  g_return_val_if_fail (CS_IS_STORE (self), 0);

  per_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (self->db != NULL
      && (stmt = _cs_store_get_statement (self,
                                          "SELECT category, COUNT(*), TOTAL(quantity) FROM asset "
                                          "GROUP BY category ORDER BY category",
                                          NULL)) != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *category = (const char *) sqlite3_column_text (stmt, 0);
          guint count = sqlite3_column_int (stmt, 1);

          total += count;
          units += (guint64) sqlite3_column_double (stmt, 2);
          g_hash_table_insert (per_category, g_strdup (category != NULL ? category : ""),
                               GUINT_TO_POINTER (count));
        }
      sqlite3_reset (stmt);
    }

  if (out_units != NULL)
    *out_units = units;
  if (out_per_category != NULL)
    *out_per_category = g_steal_pointer (&per_category);

  return total;
}

static gboolean
insert_row (CsStore   *self,
            CsRecord  *record,
            gboolean   keep_id,
            GError   **error)
{
  const CsEntity *entity = cs_record_get_entity (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 reserved = 0;
  int param = 1;

  /* A new row never takes the id of a deleted one that an Undo may bring back. */
  reserved = keep_id ? 0 : _cs_store_get_reserved_id (self, entity->table);
  g_string_append_printf (sql, "INSERT INTO \"%s\" (%s", entity->table,
                          keep_id || reserved > 0 ? "id, " : "");
  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", entity->fields[i].column);
  g_string_append (sql, ") VALUES (");
  if (reserved > 0)
    g_string_append_printf (sql, "MAX((SELECT COALESCE(MAX(id), 0) FROM \"%s\"), ?%u) + 1, ",
                            entity->table, entity->n_fields + 1);
  for (guint i = 0; i < entity->n_fields + (keep_id ? 1 : 0); i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");

  stmt = _cs_store_get_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  if (keep_id)
    sqlite3_bind_int64 (stmt, param++, cs_record_get_id (record));
  for (guint i = 0; i < entity->n_fields; i++)
    _cs_store_bind_field (stmt, param++, &entity->fields[i], cs_record_peek_value (record, i));
  if (reserved > 0)
    sqlite3_bind_int64 (stmt, param, reserved);

  if (!_cs_store_step_done (self, stmt, _("adding an item"), error))
    return FALSE;

  if (!keep_id)
    cs_record_set_id (record, sqlite3_last_insert_rowid (self->db));

  return TRUE;
}

static void
cache_insert (CsStore  *self,
              CsRecord *record)
{
  _cs_store_mark_caches (self);
  _cs_store_cache_insert (self, _cs_store_cache_key (G_OBJECT_TYPE (record),
                                                     cs_record_get_id (record)),
                          g_object_ref (record), TRUE);
}

static void
list_insert (CsStore  *self,
             CsRecord *record)
{
  const CsEntity *entity = cs_record_get_entity (record);
  gint64 parent_id = entity->parent != NULL ? cs_record_get_parent_id (record) : 0;
  GListStore *list = _cs_store_peek_list (self, G_OBJECT_TYPE (record), parent_id);

  if (list != NULL)
    _cs_store_list_insert_sorted (list, record);
}

static void
cache_added (CsStore  *self,
             CsRecord *record)
{
  cache_insert (self, record);
  list_insert (self, record);
  g_signal_emit (self, _cs_store_signals[RECORD_ADDED], 0, record);
}

static gboolean
next_position (CsStore   *self,
               CsRecord  *record,
               GError   **error)
{
  const CsEntity *entity = cs_record_get_entity (record);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint index = 0;

  if (cs_entity_find_field (entity, "position", &index) == NULL
      || g_value_get_int64 (cs_record_peek_value (record, index)) != 0)
    return TRUE;

  if (entity->parent != NULL)
    sql = g_strdup_printf ("SELECT COALESCE(MAX(position), 0) + 1 FROM \"%s\" WHERE \"%s\" = ?1",
                           entity->table, entity->parent);
  else
    sql = g_strdup_printf ("SELECT COALESCE(MAX(position), 0) + 1 FROM \"%s\"", entity->table);

  stmt = _cs_store_get_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (entity->parent != NULL)
    sqlite3_bind_int64 (stmt, 1, cs_record_get_parent_id (record));

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, MIN (sqlite3_column_int64 (stmt, 0), G_MAXINT32));
      _cs_record_take_value (record, index, &value);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
add_offer_sections (CsStore   *self,
                    CsRecord  *offer,
                    GError   **error)
{
  const GType one_per_offer[] = {
    CS_TYPE_SLA_TERMS, CS_TYPE_SUBCONTRACTING, CS_TYPE_EXIT_TERMS, CS_TYPE_TERMS,
  };
  gint64 offer_id = cs_record_get_id (offer);

  for (guint i = 0; i < G_N_ELEMENTS (one_per_offer); i++)
    {
      g_autoptr(CsRecord) section = g_object_new (one_per_offer[i], "offer-id", offer_id, NULL);

      /* A new offer states nothing, not even a coverage window. */
      if (one_per_offer[i] == CS_TYPE_SLA_TERMS)
        g_object_set (section, "window-days", (gint64) 0, NULL);

      if (!insert_row (self, section, FALSE, error))
        return FALSE;
      cache_added (self, section);
    }

  for (guint priority = 1; priority <= 4; priority++)
    {
      g_autoptr(CsRecord) target = g_object_new (CS_TYPE_SLA_TARGET,
                                                 "offer-id", offer_id,
                                                 "kind", "incident",
                                                 "priority", (gint64) priority,
                                                 NULL);

      if (!insert_row (self, target, FALSE, error))
        return FALSE;
      cache_added (self, target);
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_controls); i++)
    {
      g_autoptr(CsRecord) control = g_object_new (CS_TYPE_SECURITY_CONTROL,
                                                  "offer-id", offer_id,
                                                  "control", default_controls[i],
                                                  NULL);

      if (!insert_row (self, control, FALSE, error))
        return FALSE;
      cache_added (self, control);
    }

  return TRUE;
}

/**
 * cs_store_add:
 * @self: a store
 * @record: a new record (id 0) whose fields are set
 * @error: return location for a #CsStoreError
 *
 * Validates @record, inserts it and commits. On success @record has its id, is cached and
 * appears in the live lists. A new offer comes with its section records (SLA terms, four
 * incident priorities, the security controls, subcontracting, exit and contract terms).
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
cs_store_add (CsStore   *self,
              CsRecord  *record,
              GError   **error)
{
  const CsEntity *entity = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (cs_record_get_id (record) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cs_store_check_writable (self, error))
    return FALSE;

  entity = cs_record_get_entity (record);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_auto(GValue) checked = G_VALUE_INIT;

      if (!_cs_store_validate_value (entity, &entity->fields[i], cs_record_peek_value (record, i),
                                     &checked, error))
        return FALSE;
      _cs_record_load_value (record, i, &checked);
    }

  if (entity->parent != NULL && cs_record_get_parent_id (record) == 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item belongs to no offer; nothing was changed."));
      return FALSE;
    }

  if (!_cs_store_begin (self, error))
    return FALSE;

  if (!next_position (self, record, error)
      || !insert_row (self, record, FALSE, error)
      || (CS_IS_OFFER (record) && !add_offer_sections (self, record, error))
      || (CS_IS_ASSET (record)
          && !_cs_store_cover_new_assets (self->db, cs_record_get_id (record), error)))
    {
      _cs_store_rollback (self);
      cs_record_set_id (record, 0);
      return FALSE;
    }

  cache_added (self, record);

  if (!_cs_store_commit (self, error))
    {
      cs_record_set_id (record, 0);
      return FALSE;
    }

  _cs_store_flush_saved (self);

  return TRUE;
}

/* A change to a column the lists are ordered by moves the record in its cached list. */
static void
resort_cached (CsStore    *self,
               CsRecord   *record,
               const char *column)
{
  const CsEntity *entity = cs_record_get_entity (record);
  g_auto(GStrv) columns = g_strsplit (entity->order_by, ",", -1);
  GListStore *list = NULL;
  guint position = 0;
  gboolean ordered = FALSE;

  for (guint i = 0; columns[i] != NULL; i++)
    if (g_str_equal (g_strstrip (columns[i]), column))
      ordered = TRUE;

  if (!ordered)
    return;

  list = _cs_store_peek_list (self, G_OBJECT_TYPE (record),
                              entity->parent != NULL ? cs_record_get_parent_id (record) : 0);
  if (list == NULL || !g_list_store_find (list, record, &position))
    return;

  g_object_ref (record);
  g_list_store_remove (list, position);
  g_list_store_insert_sorted (list, record, _cs_store_compare_records, NULL);
  g_object_unref (record);
}

/**
 * cs_store_set_value:
 * @self: a store
 * @record: a stored record
 * @column: the field to change (column or property name)
 * @value: the new value, of the field's type or one that transforms to it
 * @error: return location for a #CsStoreError
 *
 * Writes one field and commits; only then updates @record (which notifies the property).
 *
 * Returns: %TRUE on success; on failure the file and @record are unchanged
 */
gboolean
cs_store_set_value (CsStore       *self,
                    CsRecord      *record,
                    const char    *column,
                    const GValue  *value,
                    GError       **error)
{
  const CsEntity *entity = NULL;
  const CsField *field = NULL;
  g_auto(GValue) checked = G_VALUE_INIT;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint index = 0;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cs_store_check_writable (self, error))
    return FALSE;

  entity = cs_record_get_entity (record);
  field = cs_entity_find_field (entity, column, &index);
  if (field == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("There is no field “%s”; nothing was changed."), column);
      return FALSE;
    }

  if (cs_record_get_id (record) == 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item is not part of the project; nothing was changed."));
      return FALSE;
    }

  if (!_cs_store_validate_value (entity, field, value, &checked, error))
    return FALSE;

  sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2",
                         entity->table, field->column);
  stmt = _cs_store_get_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  _cs_store_bind_field (stmt, 1, field, &checked);
  sqlite3_bind_int64 (stmt, 2, cs_record_get_id (record));

  if (!_cs_store_begin (self, error))
    return FALSE;

  if (!_cs_store_step_done (self, stmt, _("saving the change"), error))
    {
      _cs_store_rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      _cs_store_rollback (self);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item no longer exists; nothing was changed."));
      return FALSE;
    }

  if (!_cs_store_commit (self, error))
    return FALSE;

  _cs_store_mark_caches (self);
  _cs_record_take_value (record, index, &checked);
  resort_cached (self, record, field->column);
  g_signal_emit (self, _cs_store_signals[RECORD_CHANGED], 0, record, field->column);
  _cs_store_flush_saved (self);

  return TRUE;
}

/**
 * cs_store_set_string:
 * @self: a store
 * @record: a stored record
 * @column: a text, choice or date field
 * @value: (nullable): the new text; %NULL is the same as ""
 * @error: return location for a #CsStoreError
 *
 * See cs_store_set_value().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_set_string (CsStore     *self,
                     CsRecord    *record,
                     const char  *column,
                     const char  *value,
                     GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value != NULL ? value : "");

  return cs_store_set_value (self, record, column, &gvalue, error);
}

/**
 * cs_store_set_int:
 * @self: a store
 * @record: a stored record
 * @column: a whole-number or reference field
 * @value: the new value
 * @error: return location for a #CsStoreError
 *
 * See cs_store_set_value().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_set_int (CsStore     *self,
                  CsRecord    *record,
                  const char  *column,
                  gint64       value,
                  GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);

  return cs_store_set_value (self, record, column, &gvalue, error);
}

/**
 * cs_store_renumber:
 * @self: a store
 * @records: (element-type CsRecord): stored records with a "position" field, in their new order
 * @first: the position of the first one (0 or 1, as the table counts)
 * @error: return location for a #CsStoreError
 *
 * Numbers @records @first, @first + 1 … in the order given, writing only the positions that
 * change; the lists' moves run it in a cs_store_batch() so that a failure changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_renumber (CsStore    *self,
                   GPtrArray  *records,
                   gint64      first,
                   GError    **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  for (guint i = 0; i < records->len; i++)
    {
      CsRecord *record = g_ptr_array_index (records, i);
      gint64 position = first + i;

      if (cs_record_get_int (record, "position") != position
          && !cs_store_set_int (self, record, "position", position, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cs_store_set_number:
 * @self: a store
 * @record: a stored record
 * @column: a number field
 * @value: the new value, or NaN for "not stated"
 * @error: return location for a #CsStoreError
 *
 * See cs_store_set_value().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_set_number (CsStore     *self,
                     CsRecord    *record,
                     const char  *column,
                     double       value,
                     GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);

  return cs_store_set_value (self, record, column, &gvalue, error);
}

/**
 * cs_store_set_boolean:
 * @self: a store
 * @record: a stored record
 * @column: a boolean field
 * @value: the new value
 * @error: return location for a #CsStoreError
 *
 * See cs_store_set_value().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_set_boolean (CsStore     *self,
                      CsRecord    *record,
                      const char  *column,
                      gboolean     value,
                      GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, value);

  return cs_store_set_value (self, record, column, &gvalue, error);
}

/* Collects @type/@id and everything that cascades from it, parents first. */
static gboolean
collect_deletion (CsStore     *self,
                  GType        type,
                  gint64       id,
                  CsDeletion  *deletion,
                  GError     **error)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  g_autofree char *sql = _cs_store_select_sql (entity, "id = ?1");
  sqlite3_stmt *stmt = _cs_store_get_statement (self, sql, error);
  const GType *types = NULL;
  guint n_types = 0;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  g_ptr_array_add (deletion->rows, _cs_store_record_from_row (type, entity, stmt));
  sqlite3_reset (stmt);

  /* Records never hold a blob column: the deletion keeps it, for Undo. */
  if (entity->blob_column != NULL)
    {
      GBytes *blob = _cs_store_read_blob (self, entity, id, error);

      if (blob == NULL)
        return FALSE;
      g_hash_table_insert (deletion->blobs, g_ptr_array_index (deletion->rows, deletion->rows->len - 1),
                           blob);
    }

  types = cs_model_get_record_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      const CsEntity *child = cs_record_type_get_entity (types[t]);

      for (guint f = 0; f < child->n_fields; f++)
        {
          const CsField *field = &child->fields[f];
          g_autofree char *ids_sql = NULL;
          g_autoptr(GArray) ids = NULL;
          sqlite3_stmt *ids_stmt = NULL;

          if (field->type != CS_FIELD_REF || g_strcmp0 (field->ref_table, entity->table) != 0)
            continue;

          ids_sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY id",
                                     child->table, field->column);
          ids_stmt = _cs_store_get_statement (self, ids_sql, error);
          if (ids_stmt == NULL)
            return FALSE;

          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          sqlite3_bind_int64 (ids_stmt, 1, id);
          while (sqlite3_step (ids_stmt) == SQLITE_ROW)
            {
              gint64 child_id = sqlite3_column_int64 (ids_stmt, 0);

              g_array_append_val (ids, child_id);
            }
          sqlite3_reset (ids_stmt);

          for (guint i = 0; i < ids->len; i++)
            {
              gint64 child_id = g_array_index (ids, gint64, i);

              if (field->ref_action == CS_REF_CASCADE)
                {
                  if (!collect_deletion (self, types[t], child_id, deletion, error))
                    return FALSE;
                }
              else
                {
                  ClearedRef cleared = { types[t], field->column, child_id };

                  g_array_append_val (deletion->cleared, cleared);
                }
            }
        }
    }

  return TRUE;
}

void
_cs_store_cache_removed (CsStore  *self,
                         CsRecord *row)
{
  GType type = G_OBJECT_TYPE (row);
  const CsEntity *entity = cs_record_get_entity (row);
  g_autofree char *key = _cs_store_cache_key (type, cs_record_get_id (row));
  CsRecord *cached = _cs_store_cache_lookup (self, key);
  GListStore *list = NULL;

  if (cached == NULL)
    return;

  _cs_store_mark_caches (self);
  list = _cs_store_peek_list (self, type, entity->parent != NULL ? cs_record_get_parent_id (cached) : 0);
  if (list != NULL)
    _cs_store_list_remove (list, cached);

  if (self->savepoint_depth > 0)
    g_hash_table_insert (self->limbo, g_strdup (key), g_object_ref (cached));
  g_object_ref (cached);
  g_hash_table_remove (self->records, key);
  g_signal_emit (self, _cs_store_signals[RECORD_REMOVED], 0, cached);
  g_object_unref (cached);
}

static void
set_cached_ref (CsStore    *self,
                GType       type,
                const char *column,
                gint64      id,
                gint64      value)
{
  g_autofree char *key = _cs_store_cache_key (type, id);
  CsRecord *cached = _cs_store_cache_lookup (self, key);
  g_auto(GValue) gvalue = G_VALUE_INIT;
  guint index = 0;

  if (cached == NULL || cs_entity_find_field (cs_record_get_entity (cached), column, &index) == NULL)
    return;

  _cs_store_mark_caches (self);
  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);
  _cs_record_take_value (cached, index, &gvalue);
  g_signal_emit (self, _cs_store_signals[RECORD_CHANGED], 0, cached, column);
}

/* A deleted asset's coverage by offers that left it at their default has no row: keeps every
 * offer's default, so that Undo gives it that coverage back even after the default moved. */
static gboolean
collect_offer_defaults (CsStore     *self,
                        CsDeletion  *deletion,
                        GError     **error)
{
  sqlite3_stmt *stmt = _cs_store_get_statement (self, "SELECT id, coverage_default FROM offer",
                                                error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  deletion->offer_defaults = g_array_new (FALSE, FALSE, sizeof (OfferDefault));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OfferDefault offer = {
        sqlite3_column_int64 (stmt, 0),
        _cs_coverage_state_from_name ((const char *) sqlite3_column_text (stmt, 1)),
      };

      g_array_append_val (deletion->offer_defaults, offer);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("deleting an item"));

  return TRUE;
}

/* Gives a restored asset, by each offer whose default has moved since the deletion and where it
 * has no row, an explicit row at the default it had. */
static gboolean
restore_offer_defaults (CsStore     *self,
                        CsDeletion  *deletion,
                        GError     **error)
{
  gint64 asset_id = cs_record_get_id (deletion->record);

  for (guint i = 0; deletion->offer_defaults != NULL && i < deletion->offer_defaults->len; i++)
    {
      OfferDefault *offer = &g_array_index (deletion->offer_defaults, OfferDefault, i);
      sqlite3_stmt *stmt = _cs_store_get_statement (self,
                                                    "INSERT INTO coverage (offer_id, asset_id, state) "
                                                    "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM "
                                                    "offer o WHERE o.id = ?1 AND "
                                                    "o.coverage_default <> ?3) AND NOT EXISTS "
                                                    "(SELECT 1 FROM coverage c WHERE c.offer_id = ?1 "
                                                    "AND c.asset_id = ?2)",
                                                    error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, offer->offer_id);
      sqlite3_bind_int64 (stmt, 2, asset_id);
      sqlite3_bind_text (stmt, 3, _cs_coverage_state_name (offer->state), -1, SQLITE_STATIC);
      if (!_cs_store_step_done (self, stmt, _("restoring an item"), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cs_store_delete:
 * @self: a store
 * @record: a stored record
 * @error: return location for a #CsStoreError
 *
 * Deletes @record and everything that belongs to it (deleting an offer deletes its sections;
 * deleting a site leaves its assets without a site) in one transaction.
 *
 * Returns: (transfer full) (nullable): what was deleted, for cs_store_undelete(); %NULL on
 *   failure, when nothing was changed
 */
CsDeletion *
cs_store_delete (CsStore   *self,
                 CsRecord  *record,
                 GError   **error)
{
  g_autoptr(CsDeletion) deletion = NULL;
  const CsEntity *entity = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (CS_IS_RECORD (record), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cs_store_check_writable (self, error))
    return NULL;

  if (CS_IS_PROJECT (record))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The project record cannot be deleted; nothing was changed."));
      return NULL;
    }

  deletion = g_new0 (CsDeletion, 1);
  g_atomic_ref_count_init (&deletion->ref_count);
  deletion->record = g_object_ref (record);
  deletion->rows = g_ptr_array_new_with_free_func (g_object_unref);
  deletion->cleared = g_array_new (FALSE, FALSE, sizeof (ClearedRef));
  deletion->blobs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);

  if (!_cs_store_begin (self, error))
    return NULL;

  if (CS_IS_OFFER (record))
    deletion->coverage_default = _cs_store_get_coverage_default (self, cs_record_get_id (record));
  if (CS_IS_ASSET (record) && !collect_offer_defaults (self, deletion, error))
    {
      _cs_store_rollback (self);
      return NULL;
    }
  if (!collect_deletion (self, G_OBJECT_TYPE (record), cs_record_get_id (record), deletion, error))
    {
      _cs_store_rollback (self);
      return NULL;
    }

  if (deletion->rows->len == 0)
    {
      _cs_store_rollback (self);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item no longer exists; nothing was changed."));
      return NULL;
    }

  entity = cs_record_get_entity (record);
  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", entity->table);
  stmt = _cs_store_get_statement (self, sql, error);
  if (stmt == NULL)
    {
      _cs_store_rollback (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, cs_record_get_id (record));

  if (!_cs_store_step_done (self, stmt, _("deleting an item"), error))
    {
      _cs_store_rollback (self);
      return NULL;
    }

  if (!_cs_store_commit (self, error))
    return NULL;

  _cs_store_reserve_ids (self, deletion);

  /* Children last to first, so that lists never hold an item whose parent is gone. */
  for (guint i = deletion->rows->len; i > 0; i--)
    _cs_store_cache_removed (self, g_ptr_array_index (deletion->rows, i - 1));
  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedRef *cleared = &g_array_index (deletion->cleared, ClearedRef, i);

      set_cached_ref (self, cleared->type, cleared->column, cleared->id, 0);
    }
  _cs_store_flush_saved (self);

  return g_steal_pointer (&deletion);
}

/**
 * cs_store_undelete:
 * @self: a store
 * @deletion: what cs_store_delete() returned
 * @error: return location for a #CsStoreError
 *
 * Puts back everything @deletion removed, with the same ids, and restores the references it
 * cleared, in one transaction. The restored record is the same object that was deleted.
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
cs_store_undelete (CsStore     *self,
                   CsDeletion  *deletion,
                   GError     **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cs_store_check_writable (self, error))
    return FALSE;

  if (!_cs_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < deletion->rows->len; i++)
    {
      CsRecord *row = g_ptr_array_index (deletion->rows, i);
      GBytes *blob = g_hash_table_lookup (deletion->blobs, row);

      if (!insert_row (self, row, TRUE, error)
          || (blob != NULL && !_cs_store_write_blob (self, cs_record_get_entity (row),
                                                      cs_record_get_id (row), blob, error)))
        {
          _cs_store_rollback (self);
          return FALSE;
        }
    }

  if (!restore_offer_defaults (self, deletion, error))
    {
      _cs_store_rollback (self);
      return FALSE;
    }

  /* A deleted offer's rows were stored against its coverage default (cs-store-coverage.c). */
  if (CS_IS_OFFER (deletion->record) && deletion->coverage_default != CS_COVERAGE_NOT_ADDRESSED)
    {
      sqlite3_stmt *stmt = _cs_store_get_statement (self,
                                                    "UPDATE offer SET coverage_default = ?2 "
                                                    "WHERE id = ?1",
                                                    error);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, cs_record_get_id (deletion->record));
          sqlite3_bind_text (stmt, 2, _cs_coverage_state_name (deletion->coverage_default), -1,
                             SQLITE_STATIC);
        }
      if (stmt == NULL || !_cs_store_step_done (self, stmt, _("restoring an item"), error))
        {
          _cs_store_rollback (self);
          return FALSE;
        }
    }

  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedRef *cleared = &g_array_index (deletion->cleared, ClearedRef, i);
      const CsEntity *entity = cs_record_type_get_entity (cleared->type);
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2",
                                              entity->table, cleared->column);
      sqlite3_stmt *stmt = _cs_store_get_statement (self, sql, error);

      if (stmt == NULL)
        {
          _cs_store_rollback (self);
          return FALSE;
        }

      sqlite3_bind_int64 (stmt, 1, cs_record_get_id (g_ptr_array_index (deletion->rows, 0)));
      sqlite3_bind_int64 (stmt, 2, cleared->id);
      if (!_cs_store_step_done (self, stmt, _("restoring an item"), error))
        {
          _cs_store_rollback (self);
          return FALSE;
        }
    }

  if (!_cs_store_commit (self, error))
    return FALSE;

  /* The deleted object itself comes back, so that widgets holding it stay valid. Every row is
   * found by id before any list or observer hears of one, and children join their lists
   * before their parent joins its own: whoever sees a restored offer sees all of it. */
  for (guint i = 0; i < deletion->rows->len; i++)
    cache_insert (self, i == 0 ? deletion->record : g_ptr_array_index (deletion->rows, i));
  for (guint i = deletion->rows->len; i > 0; i--)
    list_insert (self, i == 1 ? deletion->record : g_ptr_array_index (deletion->rows, i - 1));
  for (guint i = 0; i < deletion->rows->len; i++)
    g_signal_emit (self, _cs_store_signals[RECORD_ADDED], 0,
                   i == 0 ? deletion->record : g_ptr_array_index (deletion->rows, i));
  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedRef *cleared = &g_array_index (deletion->cleared, ClearedRef, i);

      set_cached_ref (self, cleared->type, cleared->column, cleared->id,
                      cs_record_get_id (deletion->record));
    }
  _cs_store_flush_saved (self);

  return TRUE;
}

/**
 * cs_store_batch:
 * @self: a store
 * @func: (scope call): makes the changes, through the store's own calls
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Runs @func inside one transaction: either every change it makes reaches the file, or none
 * does (and the records and lists are put back as they were). #CsStore::saved is emitted once.
 *
 * Returns: %TRUE if @func succeeded and its changes were committed
 */
gboolean
cs_store_batch (CsStore           *self,
                CsStoreBatchFunc   func,
                gpointer           user_data,
                GError           **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cs_store_check_writable (self, error) || !_cs_store_begin (self, error))
    return FALSE;

  if (!func (self, user_data, error))
    {
      _cs_store_rollback (self);
      return FALSE;
    }

  if (!_cs_store_commit (self, error))
    return FALSE;

  _cs_store_flush_saved (self);

  return TRUE;
}
