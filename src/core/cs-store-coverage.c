/* cs-store-coverage.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The coverage's compact layout (schema version 4, migration-4.sql): each offer has a default
 * coverage state (offer.coverage_default) and a coverage row exists only where an asset's
 * coverage differs from it or carries a note or a reference. Every reader reads the effective
 * state COALESCE(c.state, o.coverage_default).
 *
 * The default is a storage detail the user never sees: the store alone moves it, after a bulk
 * change (cs_store_set_coverage() of many assets), to the state that more than half of the
 * perimeter has with no note and no reference. Moving it keeps every effective value: the
 * assets at the old default get an explicit row first, then the plain rows of the new default
 * go. So a perimeter of 1,000,000 assets, 95 % managed, stores 50,000 rows per offer instead
 * of 1,000,000, and the UI, the exchange format and every figure stay the same.
 *
 * Why "more than half" and a bulk change only: the default moves where it saves most rows,
 * never back and forth on single edits (one edit changes one row, never the default), and
 * a switch costs one pass over the offer's rows, like the bulk change that caused it.
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-autocleanups-private.h"
#include "cs-store-private.h"

/* A bulk change of fewer assets than this never moves the default: it could not change the
 * majority of a perimeter large enough for the rows to matter. */
#define MIN_NORMALISE_ASSETS 64

static const char * const state_names[] = { "not_addressed", "managed", "partial", "excluded" };

/*
 * _cs_coverage_state_name:
 * Returns: the column value of @state ("not_addressed", "managed", "partial", "excluded")
 */
const char *
_cs_coverage_state_name (CsCoverageState state)
{
  return state < CS_N_COVERAGE_STATES ? state_names[state] : state_names[0];
}

/*
 * _cs_coverage_state_from_name:
 * Returns: the state named @name; %CS_COVERAGE_NOT_ADDRESSED for %NULL or an unknown name
 */
CsCoverageState
_cs_coverage_state_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (strcmp (name, state_names[i]) == 0)
      return i;

  return CS_COVERAGE_NOT_ADDRESSED;
}

/*
 * _cs_store_get_coverage_default:
 * Returns: the coverage of the assets @offer_id has no coverage row for
 *   (%CS_COVERAGE_NOT_ADDRESSED for a missing offer)
 */
CsCoverageState
_cs_store_get_coverage_default (CsStore *self,
                                gint64   offer_id)
{
  CsCoverageState state = CS_COVERAGE_NOT_ADDRESSED;
  sqlite3_stmt *stmt = _cs_store_get_statement (self,
                                                "SELECT coverage_default FROM offer WHERE id = ?1",
                                                NULL);

  if (stmt == NULL)
    return state;
  sqlite3_bind_int64 (stmt, 1, offer_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state = _cs_coverage_state_from_name ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return state;
}

/*
 * _cs_store_set_coverage_default:
 * Moves the default of @offer_id to @state keeping every asset's effective coverage: the assets
 * without a row (at the old default) get an explicit one, then the rows at @state with no note
 * and no reference go. Runs inside the caller's transaction.
 */
gboolean
_cs_store_set_coverage_default (CsStore          *self,
                                gint64            offer_id,
                                CsCoverageState   state,
                                GError          **error)
{
  CsCoverageState old = CS_COVERAGE_NOT_ADDRESSED;
  static const char * const steps[] = {
    "INSERT INTO coverage (offer_id, asset_id, state) SELECT ?1, a.id, ?2 FROM asset a "
    "WHERE NOT EXISTS (SELECT 1 FROM coverage c WHERE c.offer_id = ?1 AND c.asset_id = a.id)",
    "DELETE FROM coverage WHERE offer_id = ?1 AND state = ?3 AND note = '' AND reference = ''",
    "UPDATE offer SET coverage_default = ?3 WHERE id = ?1",
  };

  sqlite3_stmt *stmt = _cs_store_get_statement (self,
                                                "SELECT coverage_default FROM offer WHERE id = ?1",
                                                error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, offer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    old = _cs_coverage_state_from_name ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the coverage"));

  /* A missing offer has no coverage to keep. */
  if (rc == SQLITE_DONE || old == state)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      int index;

      stmt = _cs_store_get_statement (self, steps[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, offer_id);
      if ((index = sqlite3_bind_parameter_index (stmt, "?2")) > 0)
        sqlite3_bind_text (stmt, index, state_names[old], -1, SQLITE_STATIC);
      if ((index = sqlite3_bind_parameter_index (stmt, "?3")) > 0)
        sqlite3_bind_text (stmt, index, state_names[state], -1, SQLITE_STATIC);
      if (!_cs_store_step_done (self, stmt, _("saving the coverage"), error))
        return FALSE;
    }

  return TRUE;
}

/*
 * _cs_store_normalise_coverage:
 * After a bulk change of @n_changed assets, moves the default of @offer_id to the state that
 * more than half of the perimeter has with no note and no reference, if that is not already
 * the default. Runs inside the caller's transaction.
 */
gboolean
_cs_store_normalise_coverage (CsStore  *self,
                              gint64    offer_id,
                              guint     n_changed,
                              GError  **error)
{
  CsCoverageState current, best = CS_COVERAGE_NOT_ADDRESSED;
  gint64 n_assets = 0, best_count = 0;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (n_changed < MIN_NORMALISE_ASSETS)
    return TRUE;

  current = _cs_store_get_coverage_default (self, offer_id);
  stmt = _cs_store_get_statement (self, "SELECT COUNT(*) FROM asset", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_assets = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* The plain rows (no note, no reference) of each state but the default. The rows of the
   * state are counted first from the index coverage_offer_state alone; only a state holding
   * more than half of the perimeter has its rows read for their notes and references. */
  stmt = _cs_store_get_statement (self,
                                  "SELECT CASE WHEN (SELECT COUNT(*) FROM coverage "
                                  "WHERE offer_id = ?1 AND state = ?2) * 2 <= ?3 THEN 0 "
                                  "ELSE (SELECT COUNT(*) FROM coverage WHERE offer_id = ?1 "
                                  "AND state = ?2 AND note = '' AND reference = '') END",
                                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint s = 0; s < CS_N_COVERAGE_STATES; s++)
    {
      if (s == current)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, offer_id);
      sqlite3_bind_text (stmt, 2, state_names[s], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, n_assets);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the coverage"));
        }
      if (sqlite3_column_int64 (stmt, 0) > best_count)
        {
          best_count = sqlite3_column_int64 (stmt, 0);
          best = s;
        }
    }
  sqlite3_reset (stmt);

  if (best_count * 2 <= n_assets)
    return TRUE;

  return _cs_store_set_coverage_default (self, offer_id, best, error);
}

/*
 * _cs_store_cover_new_assets:
 * Gives the assets of id @first_asset_id or more, just added on @db, an explicit "not
 * addressed" row under every offer whose default is not "not addressed": a new asset is not
 * addressed by any offer, whatever the layout. Runs inside the caller's transaction.
 */
gboolean
_cs_store_cover_new_assets (sqlite3  *db,
                            gint64    first_asset_id,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO coverage (offer_id, asset_id, state) "
                           "SELECT o.id, a.id, 'not_addressed' FROM offer o CROSS JOIN asset a "
                           "WHERE o.coverage_default <> 'not_addressed' AND a.id >= ?1 "
                           "ON CONFLICT (offer_id, asset_id) DO NOTHING",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, first_asset_id);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, db, rc, _("adding an item"));

  return TRUE;
}
