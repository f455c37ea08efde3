/* cs-offer-selector.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_OFFER_SELECTOR (cs_offer_selector_get_type ())

G_DECLARE_FINAL_TYPE (CsOfferSelector, cs_offer_selector, CS, OFFER_SELECTOR, AdwBin)

GtkWidget   *cs_offer_selector_new                 (void);
GListModel  *cs_offer_selector_get_model           (CsOfferSelector *self);
void         cs_offer_selector_set_model           (CsOfferSelector *self,
                                                    GListModel      *model);
CsOffer     *cs_offer_selector_get_selected_offer  (CsOfferSelector *self);
void         cs_offer_selector_set_selected_offer  (CsOfferSelector *self,
                                                    CsOffer         *offer);

G_END_DECLS
