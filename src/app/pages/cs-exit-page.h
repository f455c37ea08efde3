/* cs-exit-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-section-page.h"

G_BEGIN_DECLS

#define CS_TYPE_EXIT_PAGE (cs_exit_page_get_type ())

G_DECLARE_FINAL_TYPE (CsExitPage, cs_exit_page, CS, EXIT_PAGE, CsSectionPage)

G_END_DECLS
