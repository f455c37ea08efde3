/* cs-subcontracting-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-section-page.h"

G_BEGIN_DECLS

#define CS_TYPE_SUBCONTRACTING_PAGE (cs_subcontracting_page_get_type ())

G_DECLARE_FINAL_TYPE (CsSubcontractingPage, cs_subcontracting_page, CS, SUBCONTRACTING_PAGE,
                      CsSectionPage)

G_END_DECLS
