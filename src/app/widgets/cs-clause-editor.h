/* cs-clause-editor.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_CLAUSE_EDITOR (cs_clause_editor_get_type ())

G_DECLARE_FINAL_TYPE (CsClauseEditor, cs_clause_editor, CS, CLAUSE_EDITOR, AdwBin)

/*
 * CsClauseEditor: the "Contract wording" area of a section page. It lists the clauses
 * (CsClause records: offer_id, section, reference, text) of one section of the selected offer:
 * the consultant pastes contract text with its reference ("Annex 3 §2"), adds and deletes
 * clauses (Undo toast), every edit committed through the store. The clause linter runs on
 * every clause; weak wording is underlined in the text with a tooltip saying why it is weak
 * and a useful wording, and the number of findings is shown.
 *
 * Properties: "store" (CsStore, construct-only), "section" (guint, a CsSection,
 * construct-only), "offer" (CsOffer, nullable).
 */

GtkWidget *cs_clause_editor_new          (CsStore        *store,
                                          CsSection       section);
CsOffer   *cs_clause_editor_get_offer    (CsClauseEditor *self);
void       cs_clause_editor_set_offer    (CsClauseEditor *self,
                                          CsOffer        *offer);
guint      cs_clause_editor_get_n_findings (CsClauseEditor *self);
gboolean   cs_clause_editor_focus_clause (CsClauseEditor *self,
                                          gint64          clause_id,
                                          guint           start,
                                          guint           end);

G_END_DECLS
