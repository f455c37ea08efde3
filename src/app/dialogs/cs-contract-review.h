/* cs-contract-review.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-contract.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_CONTRACT_REVIEW (cs_contract_review_get_type ())
G_DECLARE_FINAL_TYPE (CsContractReview, cs_contract_review, CS, CONTRACT_REVIEW, AdwWindow)

CsContractReview   *cs_contract_review_new          (GtkWindow        *parent,
                                                     CsStore          *store,
                                                     CsOffer          *offer,
                                                     GFile            *file);
CsContractReview   *cs_contract_review_new_for_kept (GtkWindow        *parent,
                                                     CsStore          *store,
                                                     CsOffer          *offer,
                                                     CsKeptDocument   *kept);
const char         *cs_contract_review_get_state    (CsContractReview *self);
CsContractDocument *cs_contract_review_get_document (CsContractReview *self);

G_END_DECLS
