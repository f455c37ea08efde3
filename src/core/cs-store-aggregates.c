/* cs-store-aggregates.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeping the perimeter's aggregates (cs_store_count_coverage(), cs_store_list_covered_sites())
 * valid across edits, so that scoring after an edit reads no table row per asset:
 *
 *  - they are dropped only by a write to a table they read (an update hook counts those
 *    writes: editing the project notes or an SLA figure keeps them), by a commit of another
 *    connection (PRAGMA data_version), a rollback or a reload;
 *  - a coverage edit of a few assets updates them by delta: the coverage of those assets is
 *    read before and after the write, and the counts move by the difference.
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cs-store-private.h"

/* A coverage edit of more assets than this recomputes the aggregates on the next read. */
#define MAX_DELTA_ASSETS 10000

typedef struct
{
  gint64 asset_id;
  gint64 site_id;     /* 0: none */
  gint   criticality;
  gint   state;       /* CsCoverageState */
} AssetCoverage;

/* The tables cs_store_count_coverage() and cs_store_list_covered_sites() read. Of offers and
 * sites they read only which exist: a changed name or price keeps them. */
static void
update_hook_cb (void          *user_data,
                int            operation,
                const char    *database G_GNUC_UNUSED,
                const char    *table,
                sqlite3_int64  rowid G_GNUC_UNUSED)
{
  static const char * const tables[] = {
    "asset", "coverage", "backup_policy", "backup_scope",
  };
  CsStore *self = user_data;

  if (operation != SQLITE_UPDATE && (strcmp (table, "offer") == 0 || strcmp (table, "site") == 0))
    {
      self->perimeter_generation++;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (table, tables[i]) == 0)
      {
        self->perimeter_generation++;
        return;
      }
}

/*
 * _cs_store_watch_perimeter:
 * Counts the writes to the tables the aggregates read, on the store's connection.
 */
void
_cs_store_watch_perimeter (CsStore *self)
{
  sqlite3_update_hook (self->db, update_hook_cb, self);
}

static gint
state_from_text (const char *text)
{
  if (g_strcmp0 (text, "managed") == 0)
    return CS_COVERAGE_MANAGED;
  if (g_strcmp0 (text, "partial") == 0)
    return CS_COVERAGE_PARTIAL;
  if (g_strcmp0 (text, "excluded") == 0)
    return CS_COVERAGE_EXCLUDED;

  return CS_COVERAGE_NOT_ADDRESSED;
}

/* The coverage by @offer_id of the assets in temp.cs_ids, in asset order; NULL on error. */
static GArray *
read_coverage (CsStore *self,
               gint64   offer_id)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (AssetCoverage));
  sqlite3_stmt *stmt = _cs_store_get_statement (self,
                                                "SELECT a.id, a.site_id, a.criticality, "
                                                "COALESCE(c.state, (SELECT o.coverage_default "
                                                "FROM offer o WHERE o.id = ?1)) "
                                                "FROM temp.cs_ids t JOIN asset a ON a.id = t.id "
                                                "LEFT JOIN coverage c ON c.offer_id = ?1 "
                                                "AND c.asset_id = a.id ORDER BY a.id",
                                                NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, offer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AssetCoverage row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int (stmt, 2),
        state_from_text ((const char *) sqlite3_column_text (stmt, 3)),
      };

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

/*
 * _cs_store_coverage_delta_begin:
 * @self: a store inside the outermost transaction of a coverage edit, with temp.cs_ids filled
 * @offer_id: the offer whose coverage the edit changes
 * @n_assets: the number of assets in temp.cs_ids
 *
 * Reads the coverage of the assets before the edit, when the aggregates are valid and the
 * edit is small enough to update them by delta.
 *
 * Returns: (transfer full) (nullable): what _cs_store_coverage_delta_end() needs, or %NULL
 *   when the aggregates will be recomputed instead
 */
GArray *
_cs_store_coverage_delta_begin (CsStore *self,
                                gint64   offer_id,
                                guint    n_assets)
{
  gint64 data_version = 0, generation = 0;

  /* Covered sites out of date are dropped here, so that only a valid set moves by delta. */
  if (self->covered_sites != NULL
      && self->covered_sites_generation != self->perimeter_generation)
    g_clear_pointer (&self->covered_sites, g_hash_table_unref);

  if (self->savepoint_depth != 1 || n_assets > MAX_DELTA_ASSETS
      || !_cs_store_coverage_counts_valid (self, self->coverage_level, &data_version,
                                           &generation))
    return NULL;

  return read_coverage (self, offer_id);
}

/* Adds @sign × one asset in @state to @counts. */
static void
count_state (CsCoverageCounts *counts,
             gint              state,
             gboolean          critical,
             int               sign)
{
  switch (state)
    {
    case CS_COVERAGE_MANAGED:
      counts->n_managed += sign;
      if (critical)
        counts->n_critical_managed += sign;
      break;
    case CS_COVERAGE_PARTIAL:
      counts->n_partial += sign;
      break;
    case CS_COVERAGE_EXCLUDED:
      counts->n_excluded += sign;
      break;
    default:
      break;
    }
}

static gboolean
is_covered (gint state)
{
  return state == CS_COVERAGE_MANAGED || state == CS_COVERAGE_PARTIAL;
}

/*
 * _cs_store_coverage_delta_end:
 * @self: a store inside the same transaction, after the edit was written
 * @offer_id: the offer
 * @before: (transfer full) (nullable): what _cs_store_coverage_delta_begin() returned
 *
 * Reads the coverage of the same assets after the edit and moves the aggregates by the
 * difference; they stay valid for the generation the edit wrote. Without @before, or when
 * anything cannot be read, the aggregates are dropped.
 */
void
_cs_store_coverage_delta_end (CsStore *self,
                              gint64   offer_id,
                              GArray  *before)
{
  g_autoptr(GArray) old_rows = before;
  g_autoptr(GArray) new_rows = NULL;
  g_autoptr(GHashTable) recheck = NULL;
  CsCoverageCounts *counts = NULL;
  GHashTable *sites = NULL;

  if (old_rows == NULL || (new_rows = read_coverage (self, offer_id)) == NULL
      || new_rows->len != old_rows->len || self->coverage_counts == NULL
      || (counts = g_hash_table_lookup (self->coverage_counts, &offer_id)) == NULL)
    {
      _cs_store_invalidate_aggregates (self);
      return;
    }

  if (self->covered_sites != NULL)
    sites = g_hash_table_lookup (self->covered_sites, &offer_id);
  recheck = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < new_rows->len; i++)
    {
      AssetCoverage *old = &g_array_index (old_rows, AssetCoverage, i);
      AssetCoverage *now = &g_array_index (new_rows, AssetCoverage, i);
      gboolean critical = old->criticality <= self->coverage_level;

      g_assert (old->asset_id == now->asset_id);
      count_state (counts, old->state, critical, -1);
      count_state (counts, now->state, critical, +1);

      if (sites == NULL || now->site_id == 0 || is_covered (old->state) == is_covered (now->state))
        continue;
      if (is_covered (now->state))
        g_hash_table_add (sites, g_memdup2 (&now->site_id, sizeof now->site_id));
      else if (g_hash_table_contains (sites, &now->site_id))
        g_hash_table_add (recheck, &now->site_id);
    }

  /* A site that lost a covered asset may have others: asked once per site. */
  if (sites != NULL && g_hash_table_size (recheck) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, recheck);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          int covered = _cs_store_site_is_covered (self, offer_id, *(gint64 *) key);

          if (covered < 0)
            {
              _cs_store_invalidate_aggregates (self);
              return;
            }
          if (!covered)
            g_hash_table_remove (sites, key);
        }
    }

  /* Valid for the file as the edit left it. */
  self->coverage_changes = self->perimeter_generation;
  if (self->covered_sites != NULL)
    self->covered_sites_generation = self->perimeter_generation;
}

/*
 * _cs_store_site_is_covered:
 * Returns: 1 if @offer_id manages or partly manages an asset of @site_id, 0 if not, -1 on
 *   error. Stops at the first such asset: under a default of "managed" or "partial", the
 *   first asset of the site without a row of another state; otherwise the first row of
 *   those states.
 */
int
_cs_store_site_is_covered (CsStore *self,
                           gint64   offer_id,
                           gint64   site_id)
{
  sqlite3_stmt *stmt = _cs_store_get_statement (self,
                                                "SELECT CASE WHEN (SELECT coverage_default FROM offer "
                                                "WHERE id = ?1) IN ('managed', 'partial') "
                                                "THEN EXISTS (SELECT 1 FROM asset a "
                                                "WHERE a.site_id = ?2 AND NOT EXISTS "
                                                "(SELECT 1 FROM coverage c WHERE c.offer_id = ?1 "
                                                "AND c.asset_id = a.id "
                                                "AND c.state NOT IN ('managed', 'partial'))) "
                                                "ELSE EXISTS (SELECT 1 FROM asset a "
                                                "JOIN coverage c ON c.asset_id = a.id "
                                                "AND c.offer_id = ?1 "
                                                "AND c.state IN ('managed', 'partial') "
                                                "WHERE a.site_id = ?2) END",
                                                NULL);
  int result = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, offer_id);
  sqlite3_bind_int64 (stmt, 2, site_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return result;
}

static void
free_site_set (gpointer data)
{
  g_hash_table_unref (data);
}

/* The covered sites of every offer, one EXISTS per offer and site. */
static GHashTable *
compute_covered_sites (CsStore  *self,
                       GError  **error)
{
  g_autoptr(GHashTable) result = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        free_site_set);
  g_autoptr(GArray) offers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char * const queries[] = { "SELECT id FROM offer", "SELECT id FROM site" };
  GArray *lists[] = { offers, sites };
  int rc;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = _cs_store_get_statement (self, queries[q], error);

      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (lists[q], id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));
          return NULL;
        }
    }

  for (guint o = 0; o < offers->len; o++)
    {
      gint64 offer_id = g_array_index (offers, gint64, o);
      GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      g_hash_table_insert (result, g_memdup2 (&offer_id, sizeof offer_id), set);
      for (guint s = 0; s < sites->len; s++)
        {
          gint64 site_id = g_array_index (sites, gint64, s);
          int covered = _cs_store_site_is_covered (self, offer_id, site_id);

          if (covered < 0)
            {
              _cs_store_set_sqlite_error (error, self->db, sqlite3_errcode (self->db),
                                          _("reading the project"));
              return NULL;
            }
          if (covered)
            g_hash_table_add (set, g_memdup2 (&site_id, sizeof site_id));
        }
    }

  return g_steal_pointer (&result);
}

/*
 * _cs_store_get_covered_sites:
 * Returns: (transfer none) (nullable): the set of sites @offer_id covers, kept while the
 *   tables it reads are unchanged; %NULL with @error set
 */
GHashTable *
_cs_store_get_covered_sites (CsStore  *self,
                             gint64    offer_id,
                             GError  **error)
{
  sqlite3_stmt *stmt = _cs_store_get_statement (self, "PRAGMA data_version", error);
  gint64 data_version = -1;
  GHashTable *set = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    data_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (self->covered_sites == NULL || data_version < 0
      || self->covered_sites_data_version != data_version
      || self->covered_sites_generation != self->perimeter_generation)
    {
      g_clear_pointer (&self->covered_sites, g_hash_table_unref);
      self->covered_sites = compute_covered_sites (self, error);
      if (self->covered_sites == NULL)
        return NULL;
      self->n_covered_sites_computations++;
      self->covered_sites_data_version = data_version;
      self->covered_sites_generation = self->perimeter_generation;
    }

  set = g_hash_table_lookup (self->covered_sites, &offer_id);
  if (set == NULL)
    {
      /* an offer that does not exist covers nothing */
      set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (self->covered_sites, g_memdup2 (&offer_id, sizeof offer_id), set);
    }

  return set;
}

/* Kept across a clean close */

/*
 * _cs_store_save_aggregates:
 * The aggregates, as lines of text, when they are those of the file as it is now; else %NULL.
 * The clean-close record keeps them (cs-store-clean.c).
 */
char *
_cs_store_save_aggregates (CsStore *self)
{
  g_autoptr(GString) text = NULL;
  gint64 data_version = 0, generation = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (self->coverage_counts == NULL
      || !_cs_store_coverage_counts_valid (self, self->coverage_level, &data_version,
                                           &generation))
    return NULL;

  text = g_string_new (NULL);
  g_string_append_printf (text, "counts %d %u %u\n", self->coverage_level,
                          self->coverage_totals.n_assets, self->coverage_totals.n_critical);
  g_hash_table_iter_init (&iter, self->coverage_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CsCoverageCounts *c = value;

      g_string_append_printf (text, "offer %" G_GINT64_FORMAT " %u %u %u %u %u\n",
                              *(gint64 *) key, c->n_managed, c->n_partial, c->n_excluded,
                              c->n_critical_managed, c->n_critical_backed_up);
    }

  if (self->covered_sites != NULL && self->covered_sites_data_version == data_version
      && self->covered_sites_generation == self->perimeter_generation)
    {
      g_hash_table_iter_init (&iter, self->covered_sites);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GHashTableIter sites;
          gpointer site;

          g_string_append_printf (text, "sites %" G_GINT64_FORMAT, *(gint64 *) key);
          g_hash_table_iter_init (&sites, value);
          while (g_hash_table_iter_next (&sites, &site, NULL))
            g_string_append_printf (text, " %" G_GINT64_FORMAT, *(gint64 *) site);
          g_string_append_c (text, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
parse_uints (char  **fields,
             guint   n,
             guint  *out)
{
  for (guint i = 0; i < n; i++)
    {
      guint64 value = 0;

      if (fields[i] == NULL
          || !g_ascii_string_to_unsigned (fields[i], 10, 0, G_MAXUINT, &value, NULL))
        return FALSE;
      out[i] = (guint) value;
    }

  return fields[n] == NULL;
}

/*
 * _cs_store_load_aggregates:
 * Takes the aggregates _cs_store_save_aggregates() wrote at the clean close of the very file
 * just opened. Anything unreadable is ignored: they are computed again when needed.
 */
void
_cs_store_load_aggregates (CsStore    *self,
                           const char *saved)
{
  g_auto(GStrv) lines = g_strsplit (saved, "\n", -1);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  g_autoptr(GHashTable) sites = NULL;
  CsCoverageCounts totals = { 0 };
  guint header[3];
  gint64 data_version = -1;
  sqlite3_stmt *stmt = NULL;

  for (guint l = 0; lines[l] != NULL && *lines[l] != '\0'; l++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[l], " ", -1);
      gint64 id = 0;

      if (l == 0)
        {
          if (g_strcmp0 (fields[0], "counts") != 0 || !parse_uints (fields + 1, 3, header))
            return;
          totals.n_assets = header[1];
          totals.n_critical = header[2];
          continue;
        }
      if (fields[0] == NULL || fields[1] == NULL
          || !g_ascii_string_to_signed (fields[1], 10, 1, G_MAXINT64, &id, NULL))
        return;
      if (g_str_equal (fields[0], "offer"))
        {
          guint v[5];
          CsCoverageCounts *c = NULL;

          if (!parse_uints (fields + 2, 5, v))
            return;
          c = g_new0 (CsCoverageCounts, 1);
          c->n_managed = v[0];
          c->n_partial = v[1];
          c->n_excluded = v[2];
          c->n_critical_managed = v[3];
          c->n_critical_backed_up = v[4];
          g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), c);
        }
      else if (g_str_equal (fields[0], "sites"))
        {
          GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

          if (sites == NULL)
            sites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_site_set);
          g_hash_table_insert (sites, g_memdup2 (&id, sizeof id), set);
          for (guint f = 2; fields[f] != NULL; f++)
            {
              gint64 site_id = 0;

              if (!g_ascii_string_to_signed (fields[f], 10, 1, G_MAXINT64, &site_id, NULL))
                return;
              g_hash_table_add (set, g_memdup2 (&site_id, sizeof site_id));
            }
        }
      else
        {
          return;
        }
    }
  if (lines[0] == NULL || *lines[0] == '\0')
    return;

  stmt = _cs_store_get_statement (self, "PRAGMA data_version", NULL);
  if (stmt == NULL)
    return;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    data_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (data_version < 0)
    return;

  g_clear_pointer (&self->coverage_counts, g_hash_table_unref);
  self->coverage_counts = g_steal_pointer (&counts);
  self->coverage_totals = totals;
  self->coverage_level = (gint) header[0];
  self->coverage_data_version = data_version;
  self->coverage_changes = self->perimeter_generation;
  if (sites != NULL)
    {
      g_clear_pointer (&self->covered_sites, g_hash_table_unref);
      self->covered_sites = g_steal_pointer (&sites);
      self->covered_sites_data_version = data_version;
      self->covered_sites_generation = self->perimeter_generation;
    }
}
