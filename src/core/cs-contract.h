/* cs-contract.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-checklist.h"
#include "cs-linter.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_CONTRACT_ERROR (cs_contract_error_quark ())

/**
 * CsContractError:
 * @CS_CONTRACT_ERROR_UNKNOWN_FORMAT: not a PDF, ODT, DOCX or plain-text file
 * @CS_CONTRACT_ERROR_TOO_LARGE: the file, a part of it or its page count is above the limits
 * @CS_CONTRACT_ERROR_TRUNCATED: the file ends before its end
 * @CS_CONTRACT_ERROR_ENCRYPTED: the PDF is protected by a password
 * @CS_CONTRACT_ERROR_SCANNED: the PDF has no text layer
 * @CS_CONTRACT_ERROR_UNSAFE: the document declares a DOCTYPE (entities, external DTD)
 * @CS_CONTRACT_ERROR_INVALID: the file is damaged or not what its name says
 * @CS_CONTRACT_ERROR_EMPTY: the document has no text
 *
 * Why a contract document could not be read.
 */
typedef enum {
  CS_CONTRACT_ERROR_UNKNOWN_FORMAT,
  CS_CONTRACT_ERROR_TOO_LARGE,
  CS_CONTRACT_ERROR_TRUNCATED,
  CS_CONTRACT_ERROR_ENCRYPTED,
  CS_CONTRACT_ERROR_SCANNED,
  CS_CONTRACT_ERROR_UNSAFE,
  CS_CONTRACT_ERROR_INVALID,
  CS_CONTRACT_ERROR_EMPTY,
} CsContractError;

/* The largest contract file read, its largest XML part and the most pages read. */
#define CS_CONTRACT_MAX_SIZE  (64 * 1024 * 1024)
#define CS_CONTRACT_MAX_PART  (32 * 1024 * 1024)
#define CS_CONTRACT_MAX_RATIO 100
#define CS_CONTRACT_MAX_PAGES 2000

typedef enum {
  CS_CONTRACT_FORMAT_TEXT,
  CS_CONTRACT_FORMAT_PDF,
  CS_CONTRACT_FORMAT_ODT,
  CS_CONTRACT_FORMAT_DOCX,
} CsContractFormat;

/**
 * CsContractClause:
 * @reference: the clause's reference in the document ("Art. 6.3", "Annex 2 §1"), or ""
 * @heading: the heading the clause stands under, or ""
 * @text: the clause text, headers, footers and line-end hyphens removed
 * @page: the page the clause starts on (1 for documents without pages)
 * @section: the section id ("sla", "gdpr", "other" …, see cs_contract_sections())
 * @confidence: how sure the classification is, 0 to 1
 * @findings: (element-type CsFinding): the linter's findings on @text
 *
 * One clause of a contract document; the document owns it.
 */
typedef struct
{
  char       *reference;
  char       *heading;
  char       *text;
  guint       page;
  const char *section;
  double      confidence;
  GPtrArray  *findings;
} CsContractClause;

/**
 * CsContractCandidate:
 * @value: the value in the column's unit
 * @unit: (nullable): the value of the unit column ("minutes" …) for SLA targets
 * @display: the value as written for people ("30 minutes")
 * @clause: the index of the clause it comes from
 *
 * One of the values a contract gives for a field, when it gives several.
 */
typedef struct
{
  double      value;
  const char *unit;
  char       *display;
  guint       clause;
} CsContractCandidate;

/**
 * CsContractProposal:
 * @field: the proposal rule's field id ("sla_target.response_value" …)
 * @table: the record table written
 * @column: the column written
 * @priority: for SLA targets, the incident priority; else 0
 * @value: the value in the column's unit
 * @unit: (nullable): the value of the unit column ("minutes" …) for SLA targets
 * @label: a translated name of the field
 * @display: the value as written for people ("30 minutes")
 * @clause: the index of the clause it comes from
 * @candidates: (nullable) (element-type CsContractCandidate): when the contract gives several
 *   values for the field, all of them in the document's order (the first is proposed until
 *   the consultant picks another with cs_contract_document_choose()); %NULL when it gives one
 * @chosen: the index of the candidate @value, @unit, @display and @clause hold
 *
 * A typed value found in a clause, proposed as a field value of the offer.
 */
typedef struct
{
  const char *field;
  const char *table;
  const char *column;
  guint       priority;
  double      value;
  const char *unit;
  const char *label;
  char       *display;
  guint       clause;
  GArray     *candidates;
  guint       chosen;
} CsContractProposal;

/**
 * CsContractGap:
 * @section: the section id the contract says nothing about
 * @item_id: (nullable): the critical checklist item, or %NULL for a whole section
 * @title: a translated description
 *
 * Something the contract does not say.
 */
typedef struct
{
  const char *section;
  char       *item_id;
  char       *title;
} CsContractGap;

#define CS_TYPE_CONTRACT_DOCUMENT (cs_contract_document_get_type ())
G_DECLARE_FINAL_TYPE (CsContractDocument, cs_contract_document, CS, CONTRACT_DOCUMENT, GObject)

typedef struct _CsContractUndo CsContractUndo;

GQuark              cs_contract_error_quark               (void);
const char * const *cs_contract_sections                  (void);
const char         *cs_contract_section_get_title         (const char          *section);
CsSection           cs_contract_section_to_section        (const char          *section);

CsContractDocument *cs_contract_document_new_from_file    (const char          *path,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
CsContractDocument *cs_contract_document_new_from_bytes   (GBytes              *bytes,
                                                           const char          *name,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
CsContractFormat    cs_contract_document_get_format       (CsContractDocument  *self);
guint               cs_contract_document_get_n_pages      (CsContractDocument  *self);
CsLanguage          cs_contract_document_get_language     (CsContractDocument  *self);
guint               cs_contract_document_get_n_clauses    (CsContractDocument  *self);
const CsContractClause *cs_contract_document_get_clause  (CsContractDocument  *self,
                                                           guint                index);
gboolean            cs_contract_document_analyse          (CsContractDocument  *self,
                                                           CsLinter            *linter,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
guint               cs_contract_document_get_n_proposals  (CsContractDocument  *self);
gboolean            cs_contract_document_choose           (CsContractDocument  *self,
                                                           guint                proposal,
                                                           guint                candidate);
const CsContractProposal *cs_contract_document_get_proposal (CsContractDocument *self,
                                                           guint                index);
GPtrArray          *cs_contract_document_list_gaps        (CsContractDocument  *self,
                                                           CsReport            *report);
void                cs_contract_gap_free                  (CsContractGap       *gap);

CsContractUndo     *cs_contract_undo_new                  (void);
void                cs_contract_undo_free                 (CsContractUndo      *undo);
gboolean            cs_contract_undo_apply                (CsContractUndo      *undo,
                                                           CsStore             *store,
                                                           GError             **error);
gboolean            cs_contract_document_accept           (CsContractDocument  *self,
                                                           guint                proposal,
                                                           double               value,
                                                           CsStore             *store,
                                                           CsOffer             *offer,
                                                           CsContractUndo      *undo,
                                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsContractUndo, cs_contract_undo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsContractGap, cs_contract_gap_free)

G_END_DECLS
