/* cs-store-compare.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-store-compare.h"
#include "cs-store-private.h"

/**
 * cs_store_count_critical_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @out_partial: (out): critical assets (criticality 1) the offer manages only partly
 * @out_excluded: (out): critical assets the offer excludes
 * @error: return location for a #CsStoreError
 *
 * Counts the critical assets an offer leaves partly managed or excluded, for the comparison's
 * "not comparable" notes. With #CsCoverageCounts (critical assets, and those managed) this
 * gives the critical assets not addressed. Reads only the offer's coverage rows in those two
 * states (index coverage_offer_state), never the whole inventory.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_count_critical_coverage (CsStore  *self,
                                  gint64    offer_id,
                                  guint    *out_partial,
                                  guint    *out_excluded,
                                  GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  CsCoverageState default_state;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_partial != NULL, FALSE);
  g_return_val_if_fail (out_excluded != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_partial = 0;
  *out_excluded = 0;
  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return FALSE;
    }

  /* The critical assets without a row are at the offer's default (cs-store-coverage.c). When
   * that default is "partial" or "excluded", every critical asset is read (index
   * asset_critical) with its row; otherwise the offer's partial and excluded rows suffice. */
  default_state = _cs_store_get_coverage_default (self, offer_id);
  if (default_state == CS_COVERAGE_PARTIAL || default_state == CS_COVERAGE_EXCLUDED)
    stmt = _cs_store_get_statement (self,
                                    "SELECT COALESCE(c.state, (SELECT o.coverage_default FROM offer o "
                                    "WHERE o.id = ?1)) AS s, COUNT(*) FROM asset a "
                                    "LEFT JOIN coverage c ON c.offer_id = ?1 AND c.asset_id = a.id "
                                    "WHERE a.criticality = 1 GROUP BY s",
                                    error);
  else
    stmt = _cs_store_get_statement (self,
                                    "SELECT c.state, COUNT(*) FROM coverage c "
                                    "CROSS JOIN asset a ON a.id = c.asset_id "
                                    "WHERE c.offer_id = ?1 "
                                    "AND (c.state = 'partial' OR c.state = 'excluded') "
                                    "AND a.criticality = 1 GROUP BY 1",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, offer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *state = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (state, "excluded") == 0)
        *out_excluded = sqlite3_column_int (stmt, 1);
      else if (g_strcmp0 (state, "partial") == 0)
        *out_partial = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the coverage"));

  return TRUE;
}
