/* cs-section-editor.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_SECTION_EDITOR (cs_section_editor_get_type ())

G_DECLARE_INTERFACE (CsSectionEditor, cs_section_editor, CS, SECTION_EDITOR, GtkWidget)

/**
 * CsSectionEditorInterface:
 * @focus_target: shows and focuses the widget that edits @field of the record @record_id of
 *   @table (any of them may be %NULL/0: then the closest thing, e.g. the table's list or the
 *   page itself); returns %TRUE if the page found it
 *
 * The page that edits one section of the selected offer. Implementations have a construct-only
 * "store" property (#CsStore) and implement the interface's "offer" property (#CsOffer,
 * nullable: no offer selected), which the project view keeps on the selected offer.
 */
struct _CsSectionEditorInterface
{
  GTypeInterface parent_iface;

  gboolean (*focus_target) (CsSectionEditor *self,
                            const char      *table,
                            gint64           record_id,
                            const char      *field);
};

GtkWidget *cs_section_editor_new          (CsSection         section,
                                           CsStore          *store);
CsOffer   *cs_section_editor_get_offer    (CsSectionEditor  *self);
void       cs_section_editor_set_offer    (CsSectionEditor  *self,
                                           CsOffer          *offer);
gboolean   cs_section_editor_focus_target (CsSectionEditor  *self,
                                           const char       *table,
                                           gint64            record_id,
                                           const char       *field);

G_END_DECLS
