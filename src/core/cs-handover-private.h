/* cs-handover-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-handover.h"
#include "cs-i18n.h"

G_BEGIN_DECLS

/* What every builder shares: the store, the rules, and the document's language. */
typedef struct
{
  CsStore     *store;
  CsChecklist *checklist;
  CsLinter    *linter;
  char        *lang;
  const char  *currency;
} CsHandoverContext;

#define T(msgid) cs_i18n_translate (ctx->lang, (msgid))

void        _cs_handover_context_init   (CsHandoverContext *ctx,
                                         CsStore           *store,
                                         CsChecklist       *checklist,
                                         CsLinter          *linter,
                                         const char        *language);
void        _cs_handover_context_clear  (CsHandoverContext *ctx);
CsDocument *_cs_handover_new_document   (CsHandoverContext *ctx,
                                         const char        *title,
                                         CsOffer           *offer);
CsOffer    *_cs_handover_find_offer     (CsHandoverContext *ctx,
                                         gint64             offer_id,
                                         GError           **error);
const char *_cs_handover_tristate       (CsHandoverContext *ctx,
                                         const char        *value);
char       *_cs_handover_days           (CsHandoverContext *ctx,
                                         double             days);
void        _cs_handover_add_gaps_table (CsHandoverContext *ctx,
                                         CsDocument        *doc,
                                         CsReport          *report,
                                         int                section,
                                         const char        *title);

const char *_cs_handover_text           (CsHandoverContext *ctx,
                                         const char        *text);
const char *_cs_handover_severity_label (CsHandoverContext *ctx,
                                         CsSeverity         severity);

G_END_DECLS
