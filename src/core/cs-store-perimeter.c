/* cs-store-perimeter.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CsStore: the perimeter (lazy asset queries) and coverage, set and counted in bulk. The SQL
 * functions these queries call are in cs-store-functions.c. */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "cs-autocleanups-private.h"
#include "cs-record-private.h"
#include "cs-store-private.h"

/* Perimeter: lazy asset lists, coverage in bulk, bulk import */

/* The effective coverage of the asset c.asset_id by the offer numbered @offer_param: its row's
 * state, or the offer's default where it has no row (cs-store-coverage.c). The subquery does
 * not depend on the row: SQLite runs it once per statement. */
#define EFFECTIVE_STATE_SQL(offer_param) \
  "COALESCE(c.state, (SELECT o.coverage_default FROM offer o WHERE o.id = " offer_param "), " \
  "'not_addressed')"

#define STATE_INDEX_SQL(state) \
  "(CASE " state " WHEN 'not_addressed' THEN 0 " \
  "WHEN 'managed' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END)"

#define COVERAGE_INDEX_SQL(offer_param) STATE_INDEX_SQL (EFFECTIVE_STATE_SQL (offer_param))

static const char *
asset_sort_key (CsAssetSort sort)
{
  switch (sort)
    {
    case CS_ASSET_SORT_CATEGORY:
      return "a.category";
    case CS_ASSET_SORT_NAME:
      return "a.name COLLATE NOCASE";
    case CS_ASSET_SORT_SITE:
      return "COALESCE(s.name, '') COLLATE NOCASE";
    case CS_ASSET_SORT_QUANTITY:
      return "a.quantity";
    case CS_ASSET_SORT_CRITICALITY:
      return "a.criticality";
    case CS_ASSET_SORT_OWNER:
      return "a.owner COLLATE NOCASE";
    case CS_ASSET_SORT_VENDOR:
      return "a.vendor COLLATE NOCASE";
    case CS_ASSET_SORT_NOTES:
      return "a.notes COLLATE NOCASE";
    case CS_ASSET_SORT_COVERAGE:
      return COVERAGE_INDEX_SQL ("?4");
    case CS_ASSET_SORT_ID:
    default:
      return "a.id";
    }
}


/* The category filter: one parameter per category, ?10 onwards, the unselected ones NULL,
 * so that the index asset_category serves it (190 ms → 20 ms for one category of four among
 * 1,000,000 assets, where instr() over a list in one parameter read every row). */
#define CATEGORY_PARAMETER_BASE 10
#define N_CATEGORY_PARAMETERS   14

/*
 * asset_query_sql:
 * Builds the SELECT of an asset list from the fixed pieces above; every value is a numbered
 * parameter (?2 site, ?3 criticalities, ?4 offer, ?5 coverage states, ?6 searched text,
 * ?7 sort key, ?8 id, ?10… the categories), bound by bind_asset_query(). The text depends only
 * on which filters are on, so the prepared statements stay few.
 */
static char *
asset_query_sql (CsStore            *self,
                 const CsAssetQuery *query,
                 const char         *what,
                 const char         *extra_where)
{
  GString *sql = g_string_new (NULL);
  gboolean join_coverage = query->offer_id > 0 && query->sort == CS_ASSET_SORT_COVERAGE;

  g_string_append_printf (sql, "SELECT %s FROM asset a", what);
  if (query->sort == CS_ASSET_SORT_SITE)
    g_string_append (sql, " LEFT JOIN site s ON s.id = a.site_id");
  if (join_coverage)
    g_string_append (sql, " LEFT JOIN coverage c ON c.asset_id = a.id AND c.offer_id = ?4");
  g_string_append (sql, " WHERE 1");
  if (query->categories != 0)
    {
      g_string_append (sql, " AND a.category IN (");
      for (int i = 0; i < N_CATEGORY_PARAMETERS; i++)
        g_string_append_printf (sql, "%s?%d", i > 0 ? ", " : "", CATEGORY_PARAMETER_BASE + i);
      g_string_append (sql, ")");
    }
  if (query->site_id == CS_ASSET_SITE_NONE)
    g_string_append (sql, " AND a.site_id IS NULL");
  else if (query->site_id > 0)
    g_string_append (sql, " AND a.site_id = ?2");
  if (query->criticalities != 0)
    g_string_append (sql, " AND ((?3 >> a.criticality) & 1) = 1");
  /* The coverage filter reads the offer's rows only (the index coverage_offer_state), never
   * every asset's: an asset without a row is at the offer's default (cs-store-coverage.c), so
   * with the default among the states asked it matches unless a row says another state, and
   * without it, only a row of a state asked matches (measured with sqlite3 on 1,000,000 assets,
   * 95 % managed by default: the 5 % excluded 0.34 → 0.06 s, the managed 0.36 → 0.20 s). */
  if (query->offer_id > 0 && query->coverage_states != 0)
    {
      CsCoverageState fallback = _cs_store_get_coverage_default (self, query->offer_id);

      if (((query->coverage_states >> fallback) & 1) != 0)
        g_string_append (sql, " AND a.id NOT IN (SELECT f.asset_id FROM coverage f WHERE"
                              " f.offer_id = ?4 AND ((?5 >> " STATE_INDEX_SQL ("f.state") ") & 1) = 0)");
      else
        g_string_append (sql, " AND a.id IN (SELECT f.asset_id FROM coverage f WHERE"
                              " f.offer_id = ?4 AND ((?5 >> " STATE_INDEX_SQL ("f.state") ") & 1) = 1)");
    }
  if (query->search != NULL && *query->search != '\0')
    g_string_append (sql, " AND cs_asset_matches(?6, a.name, a.owner, a.vendor, a.model,"
                          " a.serial, a.notes)");
  if (extra_where != NULL)
    g_string_append_printf (sql, " AND %s", extra_where);

  return g_string_free (sql, FALSE);
}

static void
bind_asset_query (sqlite3_stmt       *stmt,
                  const CsAssetQuery *query)
{
  const char * const *categories = cs_asset_categories ();
  int index;

  G_STATIC_ASSERT (N_CATEGORY_PARAMETERS <= 32);
  for (guint i = 0; categories[i] != NULL && i < N_CATEGORY_PARAMETERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("?%u", CATEGORY_PARAMETER_BASE + i);

      if ((query->categories & (1u << i)) != 0
          && (index = sqlite3_bind_parameter_index (stmt, name)) > 0)
        sqlite3_bind_text (stmt, index, categories[i], -1, SQLITE_STATIC);
      else if ((index = sqlite3_bind_parameter_index (stmt, name)) > 0)
        sqlite3_bind_null (stmt, index);
    }

  if ((index = sqlite3_bind_parameter_index (stmt, "?2")) > 0)
    sqlite3_bind_int64 (stmt, index, query->site_id);
  if ((index = sqlite3_bind_parameter_index (stmt, "?3")) > 0)
    sqlite3_bind_int64 (stmt, index, query->criticalities);
  if ((index = sqlite3_bind_parameter_index (stmt, "?4")) > 0)
    sqlite3_bind_int64 (stmt, index, query->offer_id);
  if ((index = sqlite3_bind_parameter_index (stmt, "?5")) > 0)
    sqlite3_bind_int64 (stmt, index, query->coverage_states);
  if ((index = sqlite3_bind_parameter_index (stmt, "?6")) > 0)
    sqlite3_bind_text (stmt, index, query->search != NULL ? query->search : "", -1,
                       SQLITE_TRANSIENT);
}

/* A whole inventory in id order: scanning the smallest covering index (SQLite picks it when
 * no order is asked for: asset_site_id, 11 MB at 1,000,000 assets) and sorting its ids here
 * reads an eighth of the pages of a walk of the table in rowid order (89 MB). */
static gboolean
query_is_whole_by_id (const CsAssetQuery *query)
{
  return query->sort == CS_ASSET_SORT_ID && query->categories == 0 && query->site_id == 0
         && query->criticalities == 0 && query->coverage_states == 0
         && (query->search == NULL || *query->search == '\0');
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Sorts distinct ids: already sorted (one site, or none) costs one pass; ids spread over
 * a range of at most 64 times their number go through a bitmap of that range (the size of
 * the array at most), the others through qsort(). */
static void
sort_ids (GArray   *ids,
          gboolean  descending)
{
  gint64 *values = (gint64 *) (void *) ids->data;
  gint64 low = G_MAXINT64, high = G_MININT64;
  gboolean sorted = TRUE;

  for (guint i = 0; i < ids->len; i++)
    {
      low = MIN (low, values[i]);
      high = MAX (high, values[i]);
      if (i > 0 && values[i - 1] > values[i])
        sorted = FALSE;
    }

  if (!sorted && ((guint64) high - (guint64) low) / 64 <= ids->len)
    {
      guint64 n_words = ((guint64) high - (guint64) low) / 64 + 1;
      g_autofree guint64 *bits = g_new0 (guint64, n_words);
      guint n = 0;

      for (guint i = 0; i < ids->len; i++)
        {
          guint64 offset = (guint64) values[i] - (guint64) low;

          bits[offset / 64] |= G_GUINT64_CONSTANT (1) << (offset % 64);
        }
      for (guint64 w = 0; w < n_words; w++)
        for (guint64 word = bits[w]; word != 0; word &= word - 1)
          values[n++] = (gint64) ((guint64) low + w * 64 + (guint64) __builtin_ctzll (word));
      g_assert (n == ids->len);
    }
  else if (!sorted)
    g_array_sort (ids, compare_ids);

  if (descending)
    for (guint i = 0, j = ids->len; i + 1 < j; i++, j--)
      {
        gint64 swap = values[i];

        values[i] = values[j - 1];
        values[j - 1] = swap;
      }
}

/**
 * cs_store_query_asset_ids:
 * @self: a store
 * @query: the filters and order
 * @error: return location for a #CsStoreError
 *
 * Runs @query and returns the ids only: no record is created, so that a list of 100,000 assets
 * costs 800 KB until its rows are shown (materialise them with cs_store_find()).
 *
 * Returns: (transfer full) (element-type gint64): the asset ids in order, or %NULL with @error set
 */
GArray *
cs_store_query_asset_ids (CsStore            *self,
                          const CsAssetQuery *query,
                          GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *order = NULL;
  g_autofree char *unindexed_key = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return NULL;
    }

  if (query_is_whole_by_id (query))
    sql = asset_query_sql (self, query, "cs_collect_ids(?9, a.id)", NULL);
  else
    {
      const char *key = asset_sort_key (query->sort);

      /* A search reads every asset and keeps few: sorting those beats walking the index of
       * the order and looking each asset up in the table (unary + hides the index). */
      if (query->search != NULL && *query->search != '\0' && query->sort != CS_ASSET_SORT_ID)
        key = unindexed_key = g_strdup_printf ("+(%s)", key);
      order = asset_query_sql (self, query, "a.id", NULL);
      sql = g_strdup_printf ("%s ORDER BY %s %s, a.id %s", order, key,
                             query->descending ? "DESC" : "ASC",
                             query->descending ? "DESC" : "ASC");
    }
  stmt = _cs_store_get_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_asset_query (stmt, query);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (query_is_whole_by_id (query))
    {
      sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, "?9"), ids,
                            CS_STORE_ID_ARRAY_POINTER_TYPE, NULL);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        rc = sqlite3_step (stmt);
    }
  else
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
  sqlite3_reset (stmt);
  /* no pointer to @ids left in the cached statement */
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      _cs_store_set_sqlite_error (error, self->db, rc, _("reading the inventory"));
      return NULL;
    }
  if (query_is_whole_by_id (query))
    sort_ids (ids, query->descending);

  return g_steal_pointer (&ids);
}

/**
 * cs_store_locate_asset:
 * @self: a store
 * @query: the filters and order of a list
 * @asset_id: an asset id
 * @out_position: (out) (optional): where the asset sorts in the list
 *
 * Finds where one asset belongs in the list @query describes, without querying the whole
 * list, so that a lazy list can insert or move one row after an edit.
 *
 * Returns: %TRUE if the asset exists and matches the filters of @query
 */
gboolean
cs_store_locate_asset (CsStore            *self,
                       const CsAssetQuery *query,
                       gint64              asset_id,
                       guint              *out_position)
{
  g_autofree char *key_sql = NULL;
  g_autofree char *select = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *where = NULL;
  sqlite3_value *key = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (self->db == NULL)
    return FALSE;

  select = g_strdup_printf ("%s AS k", asset_sort_key (query->sort));
  key_sql = asset_query_sql (self, query, select, "a.id = ?8");
  stmt = _cs_store_get_statement (self, key_sql, NULL);
  if (stmt == NULL)
    return FALSE;
  bind_asset_query (stmt, query);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "?8"), asset_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      key = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
    }
  sqlite3_reset (stmt);

  if (!found || out_position == NULL)
    {
      sqlite3_value_free (key);
      return found;
    }

  where = g_strdup_printf ("(%1$s %2$s ?7 OR (%1$s = ?7 AND a.id %2$s ?8))",
                           asset_sort_key (query->sort), query->descending ? ">" : "<");
  count_sql = asset_query_sql (self, query, "COUNT(*)", where);
  stmt = _cs_store_get_statement (self, count_sql, NULL);
  *out_position = 0;
  if (stmt != NULL)
    {
      bind_asset_query (stmt, query);
      sqlite3_bind_value (stmt, sqlite3_bind_parameter_index (stmt, "?7"), key);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "?8"), asset_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *out_position = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  sqlite3_value_free (key);

  return TRUE;
}

/* Coverage */

typedef struct
{
  gint64  id;
  gint64  asset_id;
  char   *state;
  char   *note;
  char   *reference;
} CoverageRow;

struct _CsCoverageChange
{
  gatomicrefcount  ref_count;
  gint64           offer_id;
  GArray          *asset_ids;
  GArray          *rows;
  /* the offer's coverage default before the change, which may have moved it */
  CsCoverageState  default_before;
};

G_DEFINE_BOXED_TYPE (CsCoverageChange, cs_coverage_change,
                     cs_coverage_change_ref, cs_coverage_change_unref)

static void
clear_coverage_row (gpointer data)
{
  CoverageRow *row = data;

  g_free (row->state);
  g_free (row->note);
  g_free (row->reference);
}

/**
 * cs_coverage_change_ref:
 * @change: a coverage change
 *
 * Returns: (transfer full): @change
 */
CsCoverageChange *
cs_coverage_change_ref (CsCoverageChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  g_atomic_ref_count_inc (&change->ref_count);
  return change;
}

/**
 * cs_coverage_change_unref:
 * @change: (transfer full): a coverage change
 *
 * Drops a reference to @change.
 */
void
cs_coverage_change_unref (CsCoverageChange *change)
{
  g_return_if_fail (change != NULL);

  if (!g_atomic_ref_count_dec (&change->ref_count))
    return;

  g_array_unref (change->asset_ids);
  g_array_unref (change->rows);
  g_free (change);
}

/**
 * cs_coverage_change_get_n_assets:
 * @change: a coverage change
 *
 * Returns: how many assets the change was asked for (for "Coverage of 12 assets changed")
 */
guint
cs_coverage_change_get_n_assets (CsCoverageChange *change)
{
  g_return_val_if_fail (change != NULL, 0);

  return change->asset_ids->len;
}

/* Re-reads the cached records of @type after a change made in SQL without them. */
static void
refresh_cached_type (CsStore *self,
                     GType    type)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  g_autofree char *prefix = g_strdup_printf ("%s:", g_type_name (type));
  g_autofree char *sql = _cs_store_select_sql (entity, "id = ?1");
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cached = _cs_store_cache_snapshot (self, prefix);
  GHashTableIter iter;
  gpointer key, value;

  for (guint c = 0; c < cached->len; c++)
    {
      CsRecord *record = g_ptr_array_index (cached, c);
      sqlite3_stmt *stmt = NULL;

      if ((stmt = _cs_store_get_statement (self, sql, NULL)) == NULL)
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
          g_ptr_array_add (gone, g_object_ref (record));
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < gone->len; i++)
    _cs_store_cache_removed (self, g_ptr_array_index (gone, i));

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = NULL;
      g_autoptr(GPtrArray) items = NULL;

      if (!g_str_has_prefix (key, prefix))
        continue;
      parts = g_strsplit (key, ":", 2);
      items = _cs_store_query_list (self, type, g_ascii_strtoll (parts[1], NULL, 10));
      g_list_store_splice (G_LIST_STORE (value), 0,
                           g_list_model_get_n_items (G_LIST_MODEL (value)),
                           items->pdata, items->len);
    }
}

static gboolean
fill_id_table (CsStore       *self,
               const gint64  *ids,
               guint          n_ids,
               GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!_cs_store_exec_sql (self->db,
                           "CREATE TEMP TABLE IF NOT EXISTS cs_ids (id INTEGER PRIMARY KEY);"
                           "DELETE FROM temp.cs_ids;",
                           _("saving the change"), error))
    return FALSE;

  stmt = _cs_store_get_statement (self, "INSERT OR IGNORE INTO temp.cs_ids (id) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (!_cs_store_step_done (self, stmt, _("saving the change"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
snapshot_coverage (CsStore           *self,
                   CsCoverageChange  *change,
                   GError           **error)
{
  sqlite3_stmt *stmt = _cs_store_get_statement (self,
                                                "SELECT id, asset_id, state, note, reference FROM coverage "
                                                "WHERE offer_id = ?1 AND asset_id IN (SELECT id FROM temp.cs_ids)",
                                                error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change->offer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CoverageRow row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };

      g_array_append_val (change->rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the coverage"));

  return TRUE;
}

/* Removes the rows of the assets in temp.cs_ids that say no more than the offer's default. */
static gboolean
drop_default_rows (CsStore          *self,
                   gint64            offer_id,
                   CsCoverageState   default_state,
                   GError          **error)
{
  sqlite3_stmt *stmt = _cs_store_get_statement (self,
                                                "DELETE FROM coverage WHERE offer_id = ?1 "
                                                "AND asset_id IN (SELECT id FROM temp.cs_ids) "
                                                "AND state = ?2 AND note = '' AND reference = ''",
                                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, offer_id);
  sqlite3_bind_text (stmt, 2, _cs_coverage_state_name (default_state), -1, SQLITE_STATIC);

  return _cs_store_step_done (self, stmt, _("saving the coverage"), error);
}

static void
coverage_changed (CsStore *self,
                  gint64   offer_id)
{
  refresh_cached_type (self, CS_TYPE_COVERAGE);
  g_signal_emit (self, _cs_store_signals[COVERAGE_CHANGED], 0, offer_id);
}

/**
 * cs_store_set_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @asset_ids: (array length=n_asset_ids): the assets (a selection, or every id of a filtered
 *   list from cs_store_query_asset_ids()); ids of missing assets are ignored
 * @n_asset_ids: the number of @asset_ids
 * @state: the coverage to record
 * @note: (nullable): the note to record, or %NULL to keep each asset's note
 * @reference: (nullable): the contract reference to record, or %NULL to keep each one's
 * @error: return location for a #CsStoreError
 *
 * Sets the coverage of many assets by one offer in one transaction. "Not addressed" with no
 * note and no reference clears the assets' notes and references too. Emits
 * #CsStore::coverage-changed once; cached #CsCoverage records are updated.
 *
 * Rows are stored only where an asset's coverage differs from the offer's default or carries
 * a note or a reference; after a change of many assets the store may move that default to the
 * state most of the perimeter has (cs-store-coverage.c). Readers see the same coverage.
 *
 * Returns: (transfer full) (nullable): what was replaced, for cs_store_restore_coverage()
 *   (Undo); %NULL with @error set when nothing was changed
 */
CsCoverageChange *
cs_store_set_coverage (CsStore          *self,
                       gint64            offer_id,
                       const gint64     *asset_ids,
                       guint             n_asset_ids,
                       CsCoverageState   state,
                       const char       *note,
                       const char       *reference,
                       GError          **error)
{
  g_autoptr(CsCoverageChange) change = NULL;
  g_autoptr(GArray) before = NULL;
  sqlite3_stmt *stmt = NULL;
  CsCoverageState default_state;
  gboolean clear = FALSE;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (asset_ids != NULL || n_asset_ids == 0, NULL);
  g_return_val_if_fail (state < CS_N_COVERAGE_STATES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cs_store_check_writable (self, error))
    return NULL;

  if (cs_store_find (self, CS_TYPE_OFFER, offer_id) == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The offer no longer exists; nothing was changed."));
      return NULL;
    }

  if ((note != NULL && (strlen (note) > MAX_TEXT_LENGTH || !g_utf8_validate (note, -1, NULL)))
      || (reference != NULL
          && (strlen (reference) > MAX_TEXT_LENGTH || !g_utf8_validate (reference, -1, NULL))))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The note or reference is too long or not valid text; nothing was changed."));
      return NULL;
    }

  change = g_new0 (CsCoverageChange, 1);
  g_atomic_ref_count_init (&change->ref_count);
  change->offer_id = offer_id;
  change->asset_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_asset_ids);
  g_array_append_vals (change->asset_ids, asset_ids, n_asset_ids);
  change->rows = g_array_new (FALSE, FALSE, sizeof (CoverageRow));
  g_array_set_clear_func (change->rows, clear_coverage_row);

  /* "Not addressed" with no note and no reference clears the notes and references too. */
  clear = state == CS_COVERAGE_NOT_ADDRESSED
          && (note == NULL || *note == '\0') && (reference == NULL || *reference == '\0');
  if (clear)
    note = reference = "";

  if (!_cs_store_begin (self, error))
    return NULL;
  default_state = _cs_store_get_coverage_default (self, offer_id);
  change->default_before = default_state;

  if (!fill_id_table (self, asset_ids, n_asset_ids, error)
      || !snapshot_coverage (self, change, error))
    {
      _cs_store_rollback (self);
      return NULL;
    }
  before = _cs_store_coverage_delta_begin (self, offer_id, n_asset_ids);

  if (clear && default_state == CS_COVERAGE_NOT_ADDRESSED)
    stmt = _cs_store_get_statement (self,
                                    "DELETE FROM coverage WHERE offer_id = ?1 "
                                    "AND asset_id IN (SELECT id FROM temp.cs_ids)",
                                    error);
  else
    stmt = _cs_store_get_statement (self,
                                    "INSERT INTO coverage (offer_id, asset_id, state, note, reference) "
                                    "SELECT ?1, t.id, ?2, COALESCE(?3, ''), COALESCE(?4, '') "
                                    "FROM temp.cs_ids t JOIN asset a ON a.id = t.id WHERE 1 "
                                    "ON CONFLICT (offer_id, asset_id) DO UPDATE SET state = excluded.state, "
                                    "note = CASE WHEN ?3 IS NULL THEN note ELSE ?3 END, "
                                    "reference = CASE WHEN ?4 IS NULL THEN reference ELSE ?4 END",
                                    error);
  if (stmt == NULL)
    {
      _cs_store_rollback (self);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, offer_id);
  if (!(clear && default_state == CS_COVERAGE_NOT_ADDRESSED))
    {
      sqlite3_bind_text (stmt, 2, _cs_coverage_state_name (state), -1, SQLITE_STATIC);
      if (note != NULL)
        sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
      if (reference != NULL)
        sqlite3_bind_text (stmt, 4, reference, -1, SQLITE_TRANSIENT);
    }

  if (!_cs_store_step_done (self, stmt, _("saving the coverage"), error)
      || !drop_default_rows (self, offer_id, default_state, error)
      || !_cs_store_normalise_coverage (self, offer_id, n_asset_ids, error))
    {
      g_clear_pointer (&before, g_array_unref);
      _cs_store_rollback (self);
      return NULL;
    }

  _cs_store_coverage_delta_end (self, offer_id, g_steal_pointer (&before));
  _cs_store_mark_caches (self);
  if (!_cs_store_commit (self, error))
    return NULL;

  coverage_changed (self, offer_id);
  _cs_store_flush_saved (self);

  return g_steal_pointer (&change);
}

/**
 * cs_store_restore_coverage:
 * @self: a store
 * @change: what cs_store_set_coverage() returned
 * @error: return location for a #CsStoreError
 *
 * Puts the coverage of the assets @change touched back as it was before, in one transaction
 * (assets deleted since are skipped), and the offer's coverage default where the change moved
 * it (every other asset's coverage stays as it is).
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
cs_store_restore_coverage (CsStore           *self,
                           CsCoverageChange  *change,
                           GError           **error)
{
  g_autoptr(GArray) before = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cs_store_check_writable (self, error) || !_cs_store_begin (self, error))
    return FALSE;

  if (!fill_id_table (self, (const gint64 *) (gpointer) change->asset_ids->data,
                      change->asset_ids->len, error))
    {
      _cs_store_rollback (self);
      return FALSE;
    }
  /* The default first: moving it keeps every asset's coverage, the rows below then put the
   * changed assets' back. */
  before = _cs_store_coverage_delta_begin (self, change->offer_id, change->asset_ids->len);
  if (!_cs_store_set_coverage_default (self, change->offer_id, change->default_before, error)
      || (stmt = _cs_store_get_statement (self,
                                          "DELETE FROM coverage WHERE offer_id = ?1 "
                                          "AND asset_id IN (SELECT id FROM temp.cs_ids)",
                                          error)) == NULL)
    {
      g_clear_pointer (&before, g_array_unref);
      _cs_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, change->offer_id);
  if (!_cs_store_step_done (self, stmt, _("restoring the coverage"), error))
    {
      _cs_store_rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < change->rows->len; i++)
    {
      CoverageRow *row = &g_array_index (change->rows, CoverageRow, i);

      stmt = _cs_store_get_statement (self,
                                      "INSERT INTO coverage (id, offer_id, asset_id, state, note, reference) "
                                      "SELECT CASE WHEN EXISTS (SELECT 1 FROM coverage WHERE id = ?1) "
                                      "THEN NULL ELSE ?1 END, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS "
                                      "(SELECT 1 FROM asset WHERE id = ?3) "
                                      "AND EXISTS (SELECT 1 FROM offer WHERE id = ?2)",
                                      error);
      if (stmt == NULL)
        {
          _cs_store_rollback (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_int64 (stmt, 2, change->offer_id);
      sqlite3_bind_int64 (stmt, 3, row->asset_id);
      sqlite3_bind_text (stmt, 4, row->state, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, row->note, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, row->reference, -1, SQLITE_STATIC);
      if (!_cs_store_step_done (self, stmt, _("restoring the coverage"), error))
        {
          _cs_store_rollback (self);
          return FALSE;
        }
    }

  _cs_store_coverage_delta_end (self, change->offer_id, g_steal_pointer (&before));
  _cs_store_mark_caches (self);
  if (!_cs_store_commit (self, error))
    return FALSE;

  coverage_changed (self, change->offer_id);
  _cs_store_flush_saved (self);

  return TRUE;
}

/**
 * cs_store_get_coverage_state:
 * @self: a store
 * @offer_id: an offer id
 * @asset_id: an asset id
 *
 * Returns: how @offer_id covers @asset_id (%CS_COVERAGE_NOT_ADDRESSED when nothing is recorded)
 */
CsCoverageState
cs_store_get_coverage_state (CsStore *self,
                             gint64   offer_id,
                             gint64   asset_id)
{
  CsCoverageState state = CS_COVERAGE_NOT_ADDRESSED;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), CS_COVERAGE_NOT_ADDRESSED);

  if (self->db == NULL
      || (stmt = _cs_store_get_statement (self,
                                          "SELECT " COVERAGE_INDEX_SQL ("?1") " FROM "
                                          "(SELECT 1) LEFT JOIN coverage c "
                                          "ON c.offer_id = ?1 AND c.asset_id = ?2",
                                          NULL)) == NULL)
    return state;

  sqlite3_bind_int64 (stmt, 1, offer_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state = CLAMP (sqlite3_column_int (stmt, 0), 0, CS_N_COVERAGE_STATES - 1);
  sqlite3_reset (stmt);

  return state;
}

/**
 * cs_store_find_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @asset_id: an asset id
 *
 * Returns: (transfer none) (nullable): the coverage record of the pair, or %NULL when none is
 *   stored: the asset's coverage is then the offer's default, with no note and no reference
 *   (read it with cs_store_get_coverage_state())
 */
CsCoverage *
cs_store_find_coverage (CsStore *self,
                        gint64   offer_id,
                        gint64   asset_id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  if (self->db == NULL
      || (stmt = _cs_store_get_statement (self,
                                          "SELECT id FROM coverage WHERE offer_id = ?1 AND asset_id = ?2",
                                          NULL)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, offer_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id != 0 ? (CsCoverage *) cs_store_find (self, CS_TYPE_COVERAGE, id) : NULL;
}

/**
 * cs_store_count_coverage_states:
 * @self: a store
 * @offer_id: an offer id
 * @counts: (out caller-allocates): the number of asset records per #CsCoverageState
 * @out_critical_unmanaged: (out) (optional): the number of assets of criticality 1 the offer
 *   does not fully manage (not addressed, partial or excluded)
 * @error: return location for a #CsStoreError
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_count_coverage_states (CsStore  *self,
                                gint64    offer_id,
                                guint     counts[CS_N_COVERAGE_STATES],
                                guint    *out_critical_unmanaged,
                                GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  guint critical = 0;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof (guint) * CS_N_COVERAGE_STATES);
  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return FALSE;
    }

  stmt = _cs_store_get_statement (self,
                                  "SELECT " COVERAGE_INDEX_SQL ("?1") ", COUNT(*), TOTAL(a.criticality = 1) "
                                  "FROM asset a LEFT JOIN coverage c ON c.asset_id = a.id "
                                  "AND c.offer_id = ?1 GROUP BY 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, offer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int state = CLAMP (sqlite3_column_int (stmt, 0), 0, CS_N_COVERAGE_STATES - 1);

      counts[state] += sqlite3_column_int (stmt, 1);
      if (state != CS_COVERAGE_MANAGED)
        critical += (guint) sqlite3_column_double (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the coverage"));

  if (out_critical_unmanaged != NULL)
    *out_critical_unmanaged = critical;

  return TRUE;
}

/**
 * cs_store_count_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @critical_level: assets whose criticality is at most this level (1 is the most critical)
 *   count as critical
 * @out_counts: (out caller-allocates): the counts
 * @error: return location for an error
 *
 * Counts how @offer_id covers the asset inventory, without loading the assets: fast enough to
 * score every offer of a project with 100,000 assets.
 *
 * Returns: %TRUE on success
 */
/* The counts are those of the file as it is: no write on this connection to a table they
 * read (the update hook's generation, or one moved by delta), no commit on another one
 * (data_version), no rollback since (_cs_store_invalidate_aggregates()). */
gboolean
_cs_store_coverage_counts_valid (CsStore *self,
                                 gint     critical_level,
                                 gint64  *out_data_version,
                                 gint64  *out_changes)
{
  sqlite3_stmt *stmt = _cs_store_get_statement (self, "PRAGMA data_version", NULL);

  *out_data_version = -1;
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    *out_data_version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  *out_changes = self->perimeter_generation;

  return self->coverage_counts != NULL
         && *out_data_version >= 0
         && self->coverage_level == critical_level
         && self->coverage_data_version == *out_data_version
         && self->coverage_changes == *out_changes;
}

static CsCoverageCounts *
lookup_offer_counts (GHashTable *counts,
                     gint64      offer_id)
{
  CsCoverageCounts *c = g_hash_table_lookup (counts, &offer_id);

  if (c == NULL)
    {
      c = g_new0 (CsCoverageCounts, 1);
      g_hash_table_insert (counts, g_memdup2 (&offer_id, sizeof offer_id), c);
    }

  return c;
}

/* Counts the assets of each offer by effective state, adding every offer to @counts: its
 * rows by state, the assets without a row at its default. Fills @defaults (offer id →
 * CsCoverageState + 1). */
static gboolean
count_offer_states (CsStore     *self,
                    GHashTable  *counts,
                    GHashTable  *defaults,
                    guint        n_assets,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  /* Coverage rows by offer and state: one range of the index coverage_offer_state each.
   * Counting a range is about twice as fast as GROUP BY offer_id, state over the index, which
   * decodes and compares both columns of each of the (offers × assets) entries. */
  stmt = _cs_store_get_statement (self, "SELECT id, coverage_default FROM offer", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 offer_id = sqlite3_column_int64 (stmt, 0);
      CsCoverageState state = _cs_coverage_state_from_name ((const char *) sqlite3_column_text (stmt, 1));

      lookup_offer_counts (counts, offer_id);
      g_hash_table_insert (defaults, g_memdup2 (&offer_id, sizeof offer_id),
                           GUINT_TO_POINTER (state + 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));

  stmt = _cs_store_get_statement (self,
                                  "SELECT COUNT(*) FROM coverage WHERE offer_id = ?1 AND state = ?2",
                                  error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CsCoverageCounts *c = value;
      guint not_addressed = 0;
      guint *fields[] = { &not_addressed, &c->n_managed, &c->n_partial, &c->n_excluded };
      guint default_state = GPOINTER_TO_UINT (g_hash_table_lookup (defaults, key)) - 1;
      guint n_rows = 0;

      G_STATIC_ASSERT (G_N_ELEMENTS (fields) == CS_N_COVERAGE_STATES);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
          sqlite3_bind_text (stmt, 2, _cs_coverage_state_name (i), -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_ROW)
            {
              sqlite3_reset (stmt);
              return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));
            }
          *fields[i] = sqlite3_column_int (stmt, 0);
          n_rows += *fields[i];
        }
      /* the assets without a row are at the default */
      if (default_state < CS_N_COVERAGE_STATES)
        *fields[default_state] += n_assets - MIN (n_assets, n_rows);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/* Counts, per offer, the critical assets in one of its backup policies. */
static gboolean
count_critical_backed_up (CsStore     *self,
                          GHashTable  *counts,
                          gint         critical_level,
                          GError     **error)
{
  g_autoptr(GHashTable) policies = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Critical assets in a backup policy, per offer, each asset once per offer however many
   * of its policies hold it. */
  stmt = _cs_store_get_statement (self, "SELECT id, offer_id FROM backup_policy", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 policy_id = sqlite3_column_int64 (stmt, 0);
      gint64 offer_id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (policies, g_memdup2 (&policy_id, sizeof policy_id),
                           g_memdup2 (&offer_id, sizeof offer_id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));

  if (g_hash_table_size (policies) > 0)
    {
      /* offer id → the last asset counted for it */
      g_autoptr(GHashTable) last_counted = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                  NULL, g_free);

      stmt = _cs_store_get_statement (self,
                                      critical_level == 1
                                      ? "SELECT s.asset_id, s.policy_id FROM asset a "
                                        "CROSS JOIN backup_scope s ON s.asset_id = a.id "
                                        "WHERE a.criticality = 1 AND ?1 = 1"
                                      : "SELECT s.asset_id, s.policy_id FROM asset a "
                                        "CROSS JOIN backup_scope s ON s.asset_id = a.id "
                                        "WHERE a.criticality <= ?1",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, critical_level);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 asset_id = sqlite3_column_int64 (stmt, 0);
          gint64 policy_id = sqlite3_column_int64 (stmt, 1);
          gint64 *offer_id = g_hash_table_lookup (policies, &policy_id);
          gint64 *last = NULL;

          if (offer_id == NULL)
            continue;
          /* The rows of one asset are consecutive (nested loop on the asset). */
          last = g_hash_table_lookup (last_counted, offer_id);
          if (last != NULL && *last == asset_id)
            continue;
          if (last == NULL)
            {
              last = g_new (gint64, 1);
              g_hash_table_insert (last_counted, offer_id, last);
            }
          *last = asset_id;
          lookup_offer_counts (counts, *offer_id)->n_critical_backed_up++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));
    }

  return TRUE;
}

/*
 * Counts the coverage of every offer at once: each query reads the inventory or the coverage
 * table once for all offers, instead of once per offer. Rows come grouped by asset where the
 * query needs distinct assets, so no temporary b-tree is needed.
 */
static gboolean
compute_coverage_counts (CsStore  *self,
                         gint      critical_level,
                         GError  **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  g_autoptr(GHashTable) defaults = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);
  CsCoverageCounts totals = { 0 };
  CsCoverageCounts *current = NULL;
  gboolean current_managed_default = FALSE;
  gint64 current_id = 0;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Assets, and critical assets, of the whole project. */
  /* Level 1 (what the checklist uses) is spelt "criticality = 1", the condition of the partial
   * index asset_critical: SQLite uses a partial index only for its very condition. */
  stmt = _cs_store_get_statement (self,
                                  critical_level == 1
                                  ? "SELECT (SELECT COUNT(*) FROM asset), "
                                    "(SELECT COUNT(*) FROM asset WHERE criticality = 1 AND ?1 = 1)"
                                  : "SELECT (SELECT COUNT(*) FROM asset), "
                                    "(SELECT COUNT(*) FROM asset WHERE criticality <= ?1)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, critical_level);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      totals.n_assets = sqlite3_column_int (stmt, 0);
      totals.n_critical = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));

  if (!count_offer_states (self, counts, defaults, totals.n_assets, error))
    return FALSE;

  /* Critical assets managed, per offer: critical assets first, then their coverage rows
   * (index coverage_asset_state), counted here rather than with GROUP BY, which would sort
   * every row through a temporary b-tree. An offer whose default is "managed" manages its
   * critical assets but those with a row of another state: those are counted, and taken off
   * the critical assets below. */
  stmt = _cs_store_get_statement (self,
                                  critical_level == 1
                                  ? "SELECT c.offer_id, c.state = 'managed' FROM asset a "
                                    "CROSS JOIN coverage c ON c.asset_id = a.id "
                                    "WHERE a.criticality = 1 AND ?1 = 1"
                                  : "SELECT c.offer_id, c.state = 'managed' FROM asset a "
                                    "CROSS JOIN coverage c ON c.asset_id = a.id "
                                    "WHERE a.criticality <= ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, critical_level);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 offer_id = sqlite3_column_int64 (stmt, 0);
      gboolean managed = sqlite3_column_int (stmt, 1) != 0;

      /* Consecutive rows often name the same offer: skip the hash lookup then. */
      if (current == NULL || current_id != offer_id)
        {
          current = lookup_offer_counts (counts, offer_id);
          current_managed_default = GPOINTER_TO_UINT (g_hash_table_lookup (defaults, &offer_id))
                                    == CS_COVERAGE_MANAGED + 1;
          current_id = offer_id;
        }
      /* under a "managed" default, n_critical_managed counts the critical exceptions */
      if (managed != current_managed_default)
        current->n_critical_managed++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (g_hash_table_lookup (defaults, key)) == CS_COVERAGE_MANAGED + 1)
      {
        CsCoverageCounts *c = value;

        c->n_critical_managed = totals.n_critical - MIN (totals.n_critical, c->n_critical_managed);
      }

  if (!count_critical_backed_up (self, counts, critical_level, error))
    return FALSE;

  g_clear_pointer (&self->coverage_counts, g_hash_table_unref);
  self->coverage_counts = g_steal_pointer (&counts);
  self->n_coverage_computations++;
  self->coverage_totals = totals;
  self->coverage_level = critical_level;

  return TRUE;
}

/**
 * cs_store_count_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @critical_level: assets whose criticality is at most this level (1 is the most critical)
 *   count as critical
 * @out_counts: (out caller-allocates): the counts
 * @error: return location for an error
 *
 * Counts how @offer_id covers the asset inventory, without loading the assets. The counts of
 * every offer are computed together the first time and kept until the file changes (an edit,
 * a rollback, an import, a commit by another connection), so that scoring every offer of a
 * project with 100,000 assets reads the inventory once.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_count_coverage (CsStore           *self,
                         gint64             offer_id,
                         gint               critical_level,
                         CsCoverageCounts  *out_counts,
                         GError           **error)
{
  CsCoverageCounts *c = NULL;
  gint64 data_version = 0, changes = 0;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  memset (out_counts, 0, sizeof *out_counts);

  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return FALSE;
    }

  if (!_cs_store_coverage_counts_valid (self, critical_level, &data_version, &changes))
    {
      if (!compute_coverage_counts (self, critical_level, error))
        return FALSE;
      self->coverage_data_version = data_version;
      self->coverage_changes = changes;
    }

  c = g_hash_table_lookup (self->coverage_counts, &offer_id);
  if (c != NULL)
    *out_counts = *c;
  out_counts->n_assets = self->coverage_totals.n_assets;
  out_counts->n_critical = self->coverage_totals.n_critical;
  out_counts->n_not_addressed = out_counts->n_assets
                                - MIN (out_counts->n_assets,
                                       out_counts->n_managed + out_counts->n_partial
                                       + out_counts->n_excluded);

  return TRUE;
}
