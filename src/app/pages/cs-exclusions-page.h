/* cs-exclusions-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-model.h"
#include "cs-section-page.h"

G_BEGIN_DECLS

#define CS_TYPE_EXCLUSIONS_PAGE (cs_exclusions_page_get_type ())

G_DECLARE_FINAL_TYPE (CsExclusionsPage, cs_exclusions_page, CS, EXCLUSIONS_PAGE, CsSectionPage)

GtkWidget *cs_exclusions_page_get_row         (CsExclusionsPage *self,
                                               gint64            exclusion_id);
guint      cs_exclusions_page_get_n_hollowing (CsExclusionsPage *self);

G_END_DECLS
