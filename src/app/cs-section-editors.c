/* cs-section-editors.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-section-editors"

#include "config.h"

#include "cs-section-editors.h"
#include "cs-section-page.h"

/**
 * cs_section_editor_new:
 * @section: a section
 * @store: the open project
 *
 * Creates the page that edits @section. Every page has a construct-only "store" property and
 * an "offer" property (#CsOffer, nullable) that the project view sets to the selected offer.
 * A section whose editor is not built yet gets a #CsSectionPage saying what it will hold.
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
cs_section_editor_new (CsSection  section,
                       CsStore   *store)
{
  GtkWidget *page = NULL;

  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  switch (section)
    {
    case CS_SECTION_DASHBOARD:
    case CS_SECTION_PERIMETER:
    case CS_SECTION_EXCLUSIONS:
    case CS_SECTION_RESPONSIBILITIES:
    case CS_SECTION_SLA:
    case CS_SECTION_BACKUP:
    case CS_SECTION_SECURITY:
    case CS_SECTION_SUBCONTRACTING:
    case CS_SECTION_EXIT:
    case CS_SECTION_TERMS:
    case CS_N_SECTIONS:
    default:
      page = cs_section_page_new (store);
      cs_section_page_set_section (CS_SECTION_PAGE (page), section);
      break;
    }

  return page;
}
