/* cs-section-editor.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-section-editor"

#include "config.h"

#include "cs-section-editor.h"
#include "cs-dashboard-page.h"
#include "cs-exclusions-page.h"
#include "cs-exit-page.h"
#include "cs-perimeter-page.h"
#include "cs-section-page.h"
#include "cs-security-page.h"
#include "cs-subcontracting-page.h"
#include "cs-terms-page.h"
#include "cs-sla-page.h"
#include "cs-responsibilities-page.h"
#include "cs-backup-page.h"

G_DEFINE_INTERFACE (CsSectionEditor, cs_section_editor, GTK_TYPE_WIDGET)

static void
cs_section_editor_default_init (CsSectionEditorInterface *iface)
{
  /**
   * CsSectionEditor:offer:
   *
   * The offer whose section the page edits, or %NULL.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("offer", NULL, NULL,
                                                            CS_TYPE_OFFER,
                                                            (G_PARAM_READWRITE |
                                                             G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS)));
}

/**
 * cs_section_editor_new:
 * @section: a section
 * @store: the open project
 *
 * Creates the page that edits @section. A section whose editor is not built yet gets a
 * #CsSectionPage saying what it will hold.
 *
 * Returns: (transfer floating): the page, a #CsSectionEditor
 */
GtkWidget *
cs_section_editor_new (CsSection  section,
                       CsStore   *store)
{
  GtkWidget *page = NULL;

  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  /* One case per section: each editor replaces its placeholder here. */
  switch (section)
    {
    case CS_SECTION_SLA:
      page = cs_sla_page_new (store);
      break;

    case CS_SECTION_DASHBOARD:
      page = cs_dashboard_page_new (store);
      break;

    case CS_SECTION_SECURITY:
      page = cs_security_page_new (store);
      break;

    case CS_SECTION_SUBCONTRACTING:
      page = cs_subcontracting_page_new (store);
      break;

    case CS_SECTION_EXIT:
      page = cs_exit_page_new (store);
      break;

    case CS_SECTION_TERMS:
      page = cs_terms_page_new (store);
      break;

    case CS_SECTION_PERIMETER:
      page = cs_perimeter_page_new (store);
      break;

    case CS_SECTION_EXCLUSIONS:
      page = cs_exclusions_page_new (store);
      break;

    case CS_SECTION_RESPONSIBILITIES:
      page = cs_responsibilities_page_new (store);
      break;

    case CS_SECTION_BACKUP:
      page = cs_backup_page_new (store);
      break;

    case CS_N_SECTIONS:
    default:
      page = cs_section_page_new (store);
      cs_section_page_set_section (CS_SECTION_PAGE (page), section);
      break;
    }

  g_assert (CS_IS_SECTION_EDITOR (page));

  return page;
}

/**
 * cs_section_editor_get_offer:
 * @self: a section editor
 *
 * Returns: (transfer none) (nullable): the offer edited
 */
CsOffer *
cs_section_editor_get_offer (CsSectionEditor *self)
{
  g_autoptr(CsOffer) offer = NULL;

  g_return_val_if_fail (CS_IS_SECTION_EDITOR (self), NULL);

  g_object_get (self, "offer", &offer, NULL);

  /* The store's caches keep offers alive: hand it out borrowed. */
  return offer;
}

/**
 * cs_section_editor_set_offer:
 * @self: a section editor
 * @offer: (nullable): the offer to edit
 *
 * Sets the offer whose section the page edits.
 */
void
cs_section_editor_set_offer (CsSectionEditor *self,
                             CsOffer         *offer)
{
  g_return_if_fail (CS_IS_SECTION_EDITOR (self));
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  g_object_set (self, "offer", offer, NULL);
}

/**
 * cs_section_editor_focus_target:
 * @self: a section editor
 * @table: (nullable): the table of the record to show, e.g. "sla_target"
 * @record_id: the record, or 0
 * @field: (nullable): the column to focus, e.g. "resolution_value"
 *
 * Shows and focuses where a finding is fixed.
 *
 * Returns: %TRUE if the page found the target
 */
gboolean
cs_section_editor_focus_target (CsSectionEditor *self,
                                const char      *table,
                                gint64           record_id,
                                const char      *field)
{
  CsSectionEditorInterface *iface;

  g_return_val_if_fail (CS_IS_SECTION_EDITOR (self), FALSE);

  iface = CS_SECTION_EDITOR_GET_IFACE (self);
  if (iface->focus_target == NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self));

  return iface->focus_target (self, table, record_id, field);
}
