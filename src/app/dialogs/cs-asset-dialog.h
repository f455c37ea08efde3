/* cs-asset-dialog.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-model.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_ASSET_DIALOG (cs_asset_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsAssetDialog, cs_asset_dialog, CS, ASSET_DIALOG, AdwWindow)

CsAssetDialog *cs_asset_dialog_new       (CsStore       *store,
                                          CsAsset       *asset,
                                          CsOffer       *offer);
CsStore       *cs_asset_dialog_get_store (CsAssetDialog *self);
CsAsset       *cs_asset_dialog_get_asset (CsAssetDialog *self);
CsOffer       *cs_asset_dialog_get_offer (CsAssetDialog *self);
CsAsset       *cs_asset_dialog_add       (CsAssetDialog *self,
                                          GError       **error);

G_END_DECLS
