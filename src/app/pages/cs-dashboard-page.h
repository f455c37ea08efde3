/* cs-dashboard-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-section-page.h"

G_BEGIN_DECLS

#define CS_TYPE_DASHBOARD_PAGE (cs_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (CsDashboardPage, cs_dashboard_page, CS, DASHBOARD_PAGE, CsSectionPage)

const char  *cs_dashboard_page_get_score_text    (CsDashboardPage *self);
const char  *cs_dashboard_page_get_assessed_text (CsDashboardPage *self);
GListModel  *cs_dashboard_page_get_findings      (CsDashboardPage *self);
GtkGridView *cs_dashboard_page_get_findings_view (CsDashboardPage *self);
void         cs_dashboard_page_set_show_all      (CsDashboardPage *self,
                                                  gboolean         show_all);
GtkEditable *cs_dashboard_page_get_search_entry  (CsDashboardPage *self);

G_END_DECLS
