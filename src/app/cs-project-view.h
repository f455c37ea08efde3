/* cs-project-view.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-finding.h"
#include "cs-model.h"
#include "cs-review-state.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_PROJECT_VIEW (cs_project_view_get_type ())

G_DECLARE_FINAL_TYPE (CsProjectView, cs_project_view, CS, PROJECT_VIEW, AdwBin)

CsProjectView *cs_project_view_new                  (CsReviewState *review_state);
CsStore       *cs_project_view_get_store            (CsProjectView *self);
CsSection      cs_project_view_get_section          (CsProjectView *self);
void           cs_project_view_set_section          (CsProjectView *self,
                                                     CsSection      section);
CsOffer       *cs_project_view_get_offer            (CsProjectView *self);
void           cs_project_view_set_offer            (CsProjectView *self,
                                                     CsOffer       *offer);
GtkListBox    *cs_project_view_get_sections_list    (CsProjectView *self);
GtkWidget     *cs_project_view_get_offer_selector   (CsProjectView *self);
GtkWidget     *cs_project_view_get_section_page     (CsProjectView *self);
GtkWidget     *cs_project_view_create_page          (CsSection      section,
                                                     CsReviewState *review_state);
void           cs_project_view_add_toast            (CsProjectView *self,
                                                     AdwToast      *toast);
gboolean       cs_project_view_add_offer            (CsProjectView *self,
                                                     const char    *provider,
                                                     const char    *kind,
                                                     GError       **error);
const char    *cs_project_view_get_save_state       (CsProjectView *self);
gboolean       cs_project_view_show_target          (CsProjectView *self,
                                                     CsSection      section,
                                                     const char    *table,
                                                     gint64         record_id,
                                                     const char    *field);
gboolean       cs_project_view_show_finding         (CsProjectView *self,
                                                     CsFinding     *finding);
CsReviewState *cs_project_view_get_review_state     (CsProjectView *self);

G_END_DECLS
