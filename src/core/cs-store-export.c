/* cs-store-export.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-store-export.h"
#include "cs-store-private.h"

/*
 * Reading for exports. One statement stays open while the rows are read: SQLite then takes its
 * shared lock once, instead of once per query, and every row comes from the same state of the
 * file. Offer ids are bound parameters, never text in the SQL.
 */

struct _CsAssetCursor
{
  CsStore         *store;
  sqlite3_stmt    *stmt;
  guint            n_offers;
  CsCoverageState *coverage;
};

/**
 * cs_store_open_asset_cursor:
 * @self: a #CsStore
 * @offer_ids: (array length=n_offers): the offers whose coverage each row gives
 * @n_offers: their number (at most 100)
 * @error: return location for an error
 *
 * Starts reading every asset, by category then id. Keep @self open, and do not change it,
 * until the cursor is freed.
 *
 * Returns: (transfer full): a cursor, or %NULL with @error set
 */
CsAssetCursor *
cs_store_open_asset_cursor (CsStore       *self,
                            const gint64  *offer_ids,
                            guint          n_offers,
                            GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT a.id, a.name, a.category, "
                                         "COALESCE(s.name, ''), a.quantity, a.criticality");
  sqlite3 *db = _cs_store_get_db (self);
  CsAssetCursor *cursor;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (n_offers <= 100, NULL);
  g_return_val_if_fail (n_offers == 0 || offer_ids != NULL, NULL);

  if (db == NULL)
    {
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED,
                           _("The project was closed"));
      return NULL;
    }

  for (guint i = 0; i < n_offers; i++)
    g_string_append_printf (sql, ", (SELECT CASE COALESCE(c.state, o.coverage_default) "
                                 "WHEN 'managed' THEN 1 WHEN 'partial' THEN 2 "
                                 "WHEN 'excluded' THEN 3 ELSE 0 END "
                                 "FROM offer o LEFT JOIN coverage c ON c.offer_id = o.id "
                                 "AND c.asset_id = a.id WHERE o.id = ?%u)",
                            i + 1);
  g_string_append (sql, " FROM asset a LEFT JOIN site s ON s.id = a.site_id "
                        "ORDER BY a.category, a.id");

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("Could not read the project: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  for (guint i = 0; i < n_offers; i++)
    sqlite3_bind_int64 (stmt, i + 1, offer_ids[i]);

  cursor = g_new0 (CsAssetCursor, 1);
  cursor->store = g_object_ref (self);
  cursor->stmt = stmt;
  cursor->n_offers = n_offers;
  cursor->coverage = g_new0 (CsCoverageState, MAX (n_offers, 1));
  return cursor;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/**
 * cs_asset_cursor_next:
 * @cursor: a #CsAssetCursor
 * @row: (out caller-allocates): the next asset
 * @error: return location for an error
 *
 * Returns: %TRUE with @row filled; %FALSE at the end, or with @error set on failure
 */
gboolean
cs_asset_cursor_next (CsAssetCursor     *cursor,
                      CsAssetCursorRow  *row,
                      GError           **error)
{
  int rc;

  g_return_val_if_fail (cursor != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  rc = sqlite3_step (cursor->stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO, _("Could not read the project: %s"),
                   sqlite3_errstr (rc));
      return FALSE;
    }

  row->id = sqlite3_column_int64 (cursor->stmt, 0);
  row->name = column_text (cursor->stmt, 1);
  row->category = column_text (cursor->stmt, 2);
  row->site = column_text (cursor->stmt, 3);
  row->quantity = sqlite3_column_int64 (cursor->stmt, 4);
  row->criticality = sqlite3_column_int64 (cursor->stmt, 5);
  for (guint i = 0; i < cursor->n_offers; i++)
    cursor->coverage[i] = CLAMP (sqlite3_column_int (cursor->stmt, 6 + i), 0,
                                 CS_N_COVERAGE_STATES - 1);
  row->coverage = cursor->coverage;
  return TRUE;
}

/**
 * cs_asset_cursor_free:
 * @cursor: (nullable): a #CsAssetCursor
 *
 * Ends the reading.
 */
void
cs_asset_cursor_free (CsAssetCursor *cursor)
{
  if (cursor == NULL)
    return;
  sqlite3_finalize (cursor->stmt);
  g_object_unref (cursor->store);
  g_free (cursor->coverage);
  g_free (cursor);
}

/**
 * cs_store_list_covered_sites:
 * @self: a #CsStore
 * @offer_id: an offer
 * @error: return location for an error
 *
 * The sites that have at least one asset @offer_id manages or partly manages (the
 * checklist's "every site covered" item), one query per offer and site that stops at the
 * first such asset, kept by the store until a table it reads changes.
 *
 * Returns: (transfer full): a set of site ids (#gint64 keys, g_int64_hash()), or %NULL with
 *   @error set
 */
GHashTable *
cs_store_list_covered_sites (CsStore  *self,
                             gint64    offer_id,
                             GError  **error)
{
  g_autoptr(GHashTable) sites = NULL;
  GHashTable *cached = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  if (_cs_store_get_db (self) == NULL)
    {
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED,
                           _("The project was closed"));
      return NULL;
    }

  /* Kept by the store while the tables it reads are unchanged (cs-store-aggregates.c). */
  cached = _cs_store_get_covered_sites (self, offer_id, error);
  if (cached == NULL)
    return NULL;

  sites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, cached);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (sites, g_memdup2 (key, sizeof (gint64)));

  return g_steal_pointer (&sites);
}
