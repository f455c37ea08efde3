/* cs-questions-dialog.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-checklist.h"
#include "cs-linter.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_QUESTIONS_DIALOG (cs_questions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsQuestionsDialog, cs_questions_dialog, CS, QUESTIONS_DIALOG, AdwWindow)

GtkWidget   *cs_questions_dialog_new             (CsStore           *store,
                                                  CsOffer           *offer,
                                                  CsChecklist       *checklist,
                                                  CsLinter          *linter);
guint        cs_questions_dialog_get_n_questions (CsQuestionsDialog *self);
guint        cs_questions_dialog_get_n_answered  (CsQuestionsDialog *self);

G_END_DECLS
