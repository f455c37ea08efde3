/* cs-perimeter-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-model.h"
#include "cs-perimeter.h"
#include "cs-section-page.h"

G_BEGIN_DECLS

#define CS_TYPE_PERIMETER_PAGE (cs_perimeter_page_get_type ())

G_DECLARE_FINAL_TYPE (CsPerimeterPage, cs_perimeter_page, CS, PERIMETER_PAGE, CsSectionPage)

CsAssetList   *cs_perimeter_page_get_assets      (CsPerimeterPage *self);
GtkColumnView *cs_perimeter_page_get_column_view (CsPerimeterPage *self);
void           cs_perimeter_page_get_summary     (CsPerimeterPage    *self,
                                                  CsPerimeterSummary *out_summary);
GtkWindow     *cs_perimeter_page_import_file     (CsPerimeterPage *self,
                                                  GFile           *file);


G_END_DECLS
