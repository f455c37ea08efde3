/* cs-store-export.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-store.h"

G_BEGIN_DECLS

/**
 * CsAssetCursor:
 *
 * Reads the whole asset inventory one row at a time, with each asset's coverage under a set of
 * offers, in one SQL statement: one consistent read of the file, no record object per asset.
 * For exports of 100,000 assets.
 */
typedef struct _CsAssetCursor CsAssetCursor;

/**
 * CsAssetCursorRow:
 * @id: the asset's id
 * @name: its name
 * @category: its category id (see cs_asset_categories())
 * @site: the name of its site, "" when none
 * @quantity: its quantity
 * @criticality: 1 (most critical) to 4
 * @coverage: one state per offer given to cs_store_open_asset_cursor(), in that order
 *
 * One asset, valid until the next call to cs_asset_cursor_next().
 */
typedef struct
{
  gint64                 id;
  const char            *name;
  const char            *category;
  const char            *site;
  gint64                 quantity;
  gint64                 criticality;
  const CsCoverageState *coverage;
} CsAssetCursorRow;

CsAssetCursor *cs_store_open_asset_cursor (CsStore          *self,
                                           const gint64     *offer_ids,
                                           guint             n_offers,
                                           GError          **error);
gboolean       cs_asset_cursor_next       (CsAssetCursor    *cursor,
                                           CsAssetCursorRow *row,
                                           GError          **error);
void           cs_asset_cursor_free       (CsAssetCursor    *cursor);

GHashTable    *cs_store_list_covered_sites (CsStore         *self,
                                            gint64           offer_id,
                                            GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsAssetCursor, cs_asset_cursor_free)

G_END_DECLS
