/* cs-perimeter.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_ASSET_LIST (cs_asset_list_get_type ())
G_DECLARE_FINAL_TYPE (CsAssetList, cs_asset_list, CS, ASSET_LIST, GObject)

CsAssetList        *cs_asset_list_new           (CsStore            *store,
                                                 const CsAssetQuery *query);
const CsAssetQuery *cs_asset_list_get_query     (CsAssetList        *self);
void                cs_asset_list_set_query     (CsAssetList        *self,
                                                 const CsAssetQuery *query);
gint64              cs_asset_list_get_id        (CsAssetList        *self,
                                                 guint               position);
GArray             *cs_asset_list_dup_ids       (CsAssetList        *self);

void                cs_asset_query_init_not_addressed     (CsAssetQuery *query,
                                                           gint64        offer_id);
void                cs_asset_query_init_critical_unmanaged (CsAssetQuery *query,
                                                           gint64        offer_id);

const char         *cs_coverage_state_get_id    (CsCoverageState     state);
const char         *cs_coverage_state_get_label (CsCoverageState     state);

CsCoverageChange   *cs_perimeter_set_coverage_for_list (CsStore         *store,
                                                        CsAssetList     *list,
                                                        CsCoverageState  state,
                                                        const char      *note,
                                                        const char      *reference,
                                                        GError         **error);

CsAsset            *cs_perimeter_duplicate_asset (CsStore    *store,
                                                  CsAsset    *asset,
                                                  GError    **error);
GPtrArray          *cs_perimeter_delete_assets   (CsStore    *store,
                                                  GPtrArray  *assets,
                                                  GError    **error);
gboolean            cs_perimeter_undelete_assets (CsStore    *store,
                                                  GPtrArray  *deletions,
                                                  GError    **error);

/**
 * CsPerimeterSummary:
 * @n_assets: asset records
 * @n_units: the sum of their quantities
 * @per_category: number of asset records per category, indexed like cs_asset_categories()
 * @coverage: number of asset records per #CsCoverageState under the offer
 * @critical_unmanaged: assets of criticality 1 the offer does not fully manage
 *
 * The Perimeter page's summary for one offer.
 */
typedef struct
{
  guint    n_assets;
  guint64  n_units;
  guint    per_category[32];
  guint    coverage[CS_N_COVERAGE_STATES];
  guint    critical_unmanaged;
} CsPerimeterSummary;

gboolean            cs_perimeter_get_summary     (CsStore            *store,
                                                  gint64              offer_id,
                                                  CsPerimeterSummary *summary,
                                                  GError            **error);

/**
 * CsCoreObligation:
 * @CS_CORE_OBLIGATION_NONE: none
 * @CS_CORE_OBLIGATION_BACKUP: backups
 * @CS_CORE_OBLIGATION_RESTORE: restores
 * @CS_CORE_OBLIGATION_SECURITY_INCIDENTS: handling security incidents
 *
 * Obligations a managed-service contract cannot exclude without hollowing itself out
 * (DOMAIN.md, EXC-03).
 */
typedef enum {
  CS_CORE_OBLIGATION_NONE               = 0,
  CS_CORE_OBLIGATION_BACKUP             = 1 << 0,
  CS_CORE_OBLIGATION_RESTORE            = 1 << 1,
  CS_CORE_OBLIGATION_SECURITY_INCIDENTS = 1 << 2,
} CsCoreObligation;

const char * const *cs_exclusion_standard_categories (void);
const char         *cs_exclusion_category_get_label  (const char  *category);
gboolean            cs_perimeter_ensure_exclusions   (CsStore     *store,
                                                      gint64       offer_id,
                                                      GError     **error);
CsExclusion        *cs_perimeter_add_custom_exclusion (CsStore    *store,
                                                      gint64       offer_id,
                                                      const char  *label,
                                                      GError     **error);
CsCoreObligation    cs_exclusion_get_hollowed_obligations (CsExclusion *exclusion);
CsCoreObligation    cs_exclusion_text_hollows_core   (const char  *category,
                                                      const char  *text);
char               *cs_core_obligations_to_string    (CsCoreObligation obligations);

G_END_DECLS
