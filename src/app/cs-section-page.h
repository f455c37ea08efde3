/* cs-section-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-model.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_SECTION_PAGE (cs_section_page_get_type ())

G_DECLARE_FINAL_TYPE (CsSectionPage, cs_section_page, CS, SECTION_PAGE, AdwBin)

GtkWidget   *cs_section_page_new                 (CsStore       *store);
CsStore     *cs_section_page_get_store           (CsSectionPage *self);
CsSection    cs_section_page_get_section         (CsSectionPage *self);
void         cs_section_page_set_section         (CsSectionPage *self,
                                                  CsSection      section);
CsOffer     *cs_section_page_get_offer           (CsSectionPage *self);
void         cs_section_page_set_offer           (CsSectionPage *self,
                                                  CsOffer       *offer);
const char  *cs_section_page_get_title           (CsSectionPage *self);
const char  *cs_section_get_description          (CsSection      section);

G_END_DECLS
