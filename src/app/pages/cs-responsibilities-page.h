/* cs-responsibilities-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-section-page.h"

G_BEGIN_DECLS

#define CS_TYPE_RESPONSIBILITIES_PAGE (cs_responsibilities_page_get_type ())

G_DECLARE_FINAL_TYPE (CsResponsibilitiesPage, cs_responsibilities_page, CS, RESPONSIBILITIES_PAGE,
                      CsSectionPage)

G_END_DECLS
