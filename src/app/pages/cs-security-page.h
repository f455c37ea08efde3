/* cs-security-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-section-page.h"

G_BEGIN_DECLS

#define CS_TYPE_SECURITY_PAGE (cs_security_page_get_type ())

G_DECLARE_FINAL_TYPE (CsSecurityPage, cs_security_page, CS, SECURITY_PAGE, CsSectionPage)

G_END_DECLS
