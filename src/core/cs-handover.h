/* cs-handover.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-checklist.h"
#include "cs-document.h"
#include "cs-store.h"

G_BEGIN_DECLS

/*
 * The documents the consultant hands over, built from a project as #CsDocument models that any
 * writer (PDF, HTML, CSV, XLSX, Markdown) or printing then renders. They read the checklist
 * engine's results (cs_checklist_evaluate()), never evaluate a rule themselves, and follow the
 * project's language unless another is asked.
 */

#define CS_HANDOVER_ERROR (cs_handover_error_quark ())

/**
 * CsHandoverError:
 * @CS_HANDOVER_ERROR_NO_OFFER: the offer does not exist, or the project has none
 *
 * Errors of the handed-over documents. Every message is translated.
 */
typedef enum {
  CS_HANDOVER_ERROR_NO_OFFER,
} CsHandoverError;

/**
 * CsHandoverKind:
 * @CS_HANDOVER_REVERSIBILITY: the reversibility (exit) checklist of one offer
 * @CS_HANDOVER_REPORT: the review report of one offer, or of every offer
 * @CS_HANDOVER_QUESTIONS: the questions for the provider of one offer
 *
 * The documents handed over.
 */
typedef enum {
  CS_HANDOVER_REVERSIBILITY,
  CS_HANDOVER_REPORT,
  CS_HANDOVER_QUESTIONS,
} CsHandoverKind;

/**
 * CsHandoverQuestion:
 * @section: the section the question is about; %CS_N_SECTIONS when its gap was closed since
 *   it was answered
 * @number: its number in the questions document; 0 when its gap was closed
 * @record: the stored question, where its answer is recorded
 *
 * One question for the provider, as cs_handover_list_questions() lists it.
 */
typedef struct {
  CsSection           section;
  guint               number;
  CsProviderQuestion *record;
} CsHandoverQuestion;

GQuark          cs_handover_error_quark           (void);

gboolean        cs_handover_kind_from_string      (const char      *text,
                                                   CsHandoverKind  *out_kind);
const char     *cs_handover_kind_get_title        (CsHandoverKind   kind,
                                                   const char      *language);
char           *cs_handover_resolve_language      (CsStore         *store,
                                                   const char      *language);
char           *cs_handover_default_file_name     (CsStore         *store,
                                                   CsHandoverKind   kind,
                                                   gint64           offer_id,
                                                   const char      *language,
                                                   CsDocumentFormat format);

CsDocument     *cs_handover_build                 (CsStore         *store,
                                                   CsChecklist     *checklist,
                                                   CsLinter        *linter,
                                                   CsHandoverKind   kind,
                                                   gint64           offer_id,
                                                   const char      *language,
                                                   GError         **error);
CsDocument     *cs_handover_build_reversibility   (CsStore         *store,
                                                   CsChecklist     *checklist,
                                                   CsLinter        *linter,
                                                   gint64           offer_id,
                                                   const char      *language,
                                                   const GDate     *notice_date,
                                                   GError         **error);
CsDocument     *cs_handover_build_report          (CsStore         *store,
                                                   CsChecklist     *checklist,
                                                   CsLinter        *linter,
                                                   gint64           offer_id,
                                                   const char      *language,
                                                   GError         **error);
CsDocument     *cs_handover_build_questions       (CsStore         *store,
                                                   CsChecklist     *checklist,
                                                   CsLinter        *linter,
                                                   gint64           offer_id,
                                                   const char      *language,
                                                   GError         **error);
gboolean        cs_handover_update_questions      (CsStore         *store,
                                                   CsChecklist     *checklist,
                                                   CsLinter        *linter,
                                                   gint64           offer_id,
                                                   const char      *language,
                                                   GError         **error);

GPtrArray      *cs_handover_list_questions        (CsStore         *store,
                                                   CsChecklist     *checklist,
                                                   CsLinter        *linter,
                                                   gint64           offer_id,
                                                   const char      *language,
                                                   GError         **error);
void            cs_handover_question_free         (CsHandoverQuestion *question);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsHandoverQuestion, cs_handover_question_free)

G_END_DECLS
