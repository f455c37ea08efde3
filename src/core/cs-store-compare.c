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

  stmt = _cs_store_get_statement (self,
                                  "SELECT c.state = 'excluded', COUNT(*) FROM coverage c "
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
      if (sqlite3_column_int (stmt, 0))
        *out_excluded = sqlite3_column_int (stmt, 1);
      else
        *out_partial = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("reading the coverage"));

  return TRUE;
}
