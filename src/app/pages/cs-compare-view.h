/* cs-compare-view.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-comparison.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_COMPARE_VIEW (cs_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (CsCompareView, cs_compare_view, CS, COMPARE_VIEW, AdwBin)

GtkWidget    *cs_compare_view_new             (CsStore       *store);
CsComparison *cs_compare_view_get_comparison  (CsCompareView *self);
GtkWidget    *cs_compare_view_get_cells_grid  (CsCompareView *self);

G_END_DECLS
