/* cs-flags-group.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-review-state.h"

G_BEGIN_DECLS

#define CS_TYPE_FLAGS_GROUP (cs_flags_group_get_type ())

G_DECLARE_FINAL_TYPE (CsFlagsGroup, cs_flags_group, CS, FLAGS_GROUP, AdwPreferencesGroup)

GtkWidget   *cs_flags_group_new          (void);
void         cs_flags_group_set_source   (CsFlagsGroup  *self,
                                          CsReviewState *review_state,
                                          CsSection      section,
                                          CsOffer       *offer);
void         cs_flags_group_refresh      (CsFlagsGroup *self);
guint        cs_flags_group_get_n_flags  (CsFlagsGroup *self);
GPtrArray   *cs_flags_group_get_flags    (CsFlagsGroup *self);

G_END_DECLS
