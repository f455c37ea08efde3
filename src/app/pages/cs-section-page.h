/* cs-section-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-model.h"
#include "cs-review-state.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_SECTION_PAGE (cs_section_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (CsSectionPage, cs_section_page, CS, SECTION_PAGE, AdwBin)

/**
 * CsSectionPageLayout:
 * @CS_SECTION_PAGE_LAYOUT_FORM: the page's children go in a scrolled column between the
 *   points to check and the contract wording of the section
 * @CS_SECTION_PAGE_LAYOUT_FREE: the page's one child fills the page, which shows its own
 *   state without an offer, points to check and wording: the dashboard, the perimeter
 *
 * Where the shell puts the content a page adds in its template.
 */
typedef enum
{
  CS_SECTION_PAGE_LAYOUT_FORM,
  CS_SECTION_PAGE_LAYOUT_FREE,
} CsSectionPageLayout;

/**
 * CsSectionPageClass:
 * @offer_changed: the offer shown changed (it may be %NULL): show its records. Not called
 *   at construction, when there is no offer yet
 * @focus_target: shows and focuses the widget that edits @field of the record @record_id of
 *   @table (any of them may be %NULL/0: then the closest thing); returns %TRUE if found.
 *   The shell handles "clause" itself and the case without an offer.
 *
 * A page that edits one section of the selected offer. The shell owns the store, the offer,
 * the state without an offer, the points to check, the contract wording and the toasts; a
 * section supplies its content as children of its template.
 */
struct _CsSectionPageClass
{
  AdwBinClass parent_class;

  void     (*offer_changed) (CsSectionPage *self);
  gboolean (*focus_target)  (CsSectionPage *self,
                             const char    *table,
                             gint64         record_id,
                             const char    *field);

  /*< private >*/
  CsSection           section;
  CsSectionPageLayout layout;
  const char         *choose_offer_text;
  const char         *add_offer_text;
  gpointer            padding[4];
};

/* Shorthands for the subclasses: the project, the offer (and its id) and whether the page @self
 * can edit. */
#define cs_page_store(self) (cs_section_page_get_store (CS_SECTION_PAGE (self)))
#define cs_page_offer(self) (cs_section_page_get_offer (CS_SECTION_PAGE (self)))
#define cs_page_offer_id(self) (cs_section_page_get_offer_id (CS_SECTION_PAGE (self)))
#define cs_page_is_writable(self) (cs_section_page_is_writable (CS_SECTION_PAGE (self)))

void          cs_section_page_class_set_section  (CsSectionPageClass  *klass,
                                                  CsSection            section,
                                                  CsSectionPageLayout  layout,
                                                  const char          *choose_offer_text,
                                                  const char          *add_offer_text);

CsReviewState *cs_section_page_get_review_state  (CsSectionPage *self);
CsStore      *cs_section_page_get_store          (CsSectionPage *self);
CsSection     cs_section_page_get_section        (CsSectionPage *self);
CsOffer      *cs_section_page_get_offer          (CsSectionPage *self);
gint64        cs_section_page_get_offer_id       (CsSectionPage *self);
void          cs_section_page_set_offer          (CsSectionPage *self,
                                                  CsOffer       *offer);
gboolean      cs_section_page_is_writable        (CsSectionPage *self);
GtkWidget    *cs_section_page_get_clause_editor  (CsSectionPage *self);
GtkWidget    *cs_section_page_get_flags_group    (CsSectionPage *self);
gboolean      cs_section_page_focus_target       (CsSectionPage *self,
                                                  const char    *table,
                                                  gint64         record_id,
                                                  const char    *field);
gboolean      cs_section_page_focus_clause       (CsSectionPage *self,
                                                  gint64         clause_id,
                                                  guint          start,
                                                  guint          end);
void          cs_section_page_add_toast          (CsSectionPage *self,
                                                  AdwToast      *toast);
void          cs_section_page_show_error         (CsSectionPage *self,
                                                  const GError  *error);
gboolean      cs_section_page_delete_record      (CsSectionPage *self,
                                                  CsRecord      *record,
                                                  const char    *title);
void          cs_section_page_show_deleted       (CsSectionPage *self,
                                                  CsDeletion * const *deletions,
                                                  guint          n_deletions,
                                                  const char    *title);

G_END_DECLS
