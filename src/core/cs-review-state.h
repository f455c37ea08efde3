/* cs-review-state.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cs-checklist.h"
#include "cs-linter.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_REVIEW_STATE (cs_review_state_get_type ())

G_DECLARE_FINAL_TYPE (CsReviewState, cs_review_state, CS, REVIEW_STATE, GObject)

CsReviewState *cs_review_state_new             (CsStore        *store);
CsStore       *cs_review_state_get_store       (CsReviewState  *self);
CsOffer       *cs_review_state_get_offer       (CsReviewState  *self);
void           cs_review_state_set_offer       (CsReviewState  *self,
                                                CsOffer        *offer);
void           cs_review_state_set_offer_pending (CsReviewState *self,
                                                 CsOffer       *offer);
void           cs_review_state_evaluate_at_idle  (CsReviewState *self);
gboolean       cs_review_state_is_pending        (CsReviewState *self);
CsReport      *cs_review_state_get_report      (CsReviewState  *self);
const GError  *cs_review_state_get_error       (CsReviewState  *self);
void           cs_review_state_evaluate        (CsReviewState  *self);
GPtrArray     *cs_review_state_get_flags       (CsReviewState  *self,
                                                gint64          offer_id,
                                                CsSection       section);
CsLinter      *cs_review_state_get_linter      (GError        **error);

G_END_DECLS
