/* cs-checklist.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-finding.h"
#include "cs-linter.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_CHECKLIST_ERROR (cs_checklist_error_quark ())

/**
 * CsChecklistError:
 * @CS_CHECKLIST_ERROR_INVALID_PACK: a rule pack is not well-formed, does not validate against
 *   checklist.rng, repeats an item id or names an unknown table, field or cross-check; the
 *   message gives the line
 * @CS_CHECKLIST_ERROR_NO_OFFER: the offer to evaluate does not exist
 *
 * Errors of #CsChecklist. Every message is translated.
 */
typedef enum {
  CS_CHECKLIST_ERROR_INVALID_PACK,
  CS_CHECKLIST_ERROR_NO_OFFER,
} CsChecklistError;

/**
 * CsScore:
 * @score: how good the answers are: earned / total, from 0 to 1; NaN when no item has an
 *   answer yet
 * @earned: Σ weight × (1 for satisfied, ½ for partial)
 * @total: Σ weight of the assessed items (computed, or answered by the consultant)
 * @assessed: how much of the checklist has an answer: total / possible, from 0 to 1; NaN
 *   when no item counts
 * @possible: Σ weight of the items that count (not applicable and reference items do not)
 * @n_items: the number of items of the section
 * @n_satisfied: items satisfied
 * @n_partial: items partly satisfied
 * @n_missing: items missing
 * @n_unanswered: manual items not assessed yet (they lower @assessed, not @score)
 * @n_not_applicable: items not applicable
 * @n_reference: regulatory items shown for reference only
 * @n_knock_outs: critical items missing
 * @n_lint_findings: weak wordings found in the section's clauses
 *
 * The completeness of one section, or of the whole offer.
 */
typedef struct
{
  double score;
  double earned;
  double total;
  double assessed;
  double possible;
  guint  n_items;
  guint  n_satisfied;
  guint  n_partial;
  guint  n_missing;
  guint  n_unanswered;
  guint  n_not_applicable;
  guint  n_reference;
  guint  n_knock_outs;
  guint  n_lint_findings;
} CsScore;

#define CS_TYPE_CHECKLIST (cs_checklist_get_type ())
G_DECLARE_FINAL_TYPE (CsChecklist, cs_checklist, CS, CHECKLIST, GObject)

#define CS_TYPE_REPORT (cs_report_get_type ())
G_DECLARE_FINAL_TYPE (CsReport, cs_report, CS, REPORT, GObject)

GQuark          cs_checklist_error_quark      (void);

CsChecklist    *cs_checklist_new              (void);
CsChecklist    *cs_checklist_new_default      (GError       **error);
CsChecklist    *cs_checklist_get_default      (void);
guint           cs_checklist_get_band         (CsChecklist   *self,
                                               double         score);
const char     *cs_checklist_get_scoring_explanation (CsChecklist *self);
gboolean        cs_checklist_load_bytes       (CsChecklist   *self,
                                               GBytes        *xml,
                                               const char    *name,
                                               GError       **error);
guint           cs_checklist_get_n_items      (CsChecklist   *self);
const char     *cs_checklist_get_item_id      (CsChecklist   *self,
                                               guint          index);
CsReport       *cs_checklist_evaluate         (CsChecklist   *self,
                                               CsStore       *store,
                                               CsLinter      *linter,
                                               gint64         offer_id,
                                               GError       **error);
GPtrArray      *cs_checklist_evaluate_all     (CsChecklist   *self,
                                               CsStore       *store,
                                               CsLinter      *linter,
                                               GError       **error);

gint64          cs_report_get_offer_id        (CsReport      *self);
GListModel     *cs_report_get_results         (CsReport      *self);
GListModel     *cs_report_get_findings        (CsReport      *self);
CsFinding      *cs_report_lookup_result       (CsReport      *self,
                                               const char    *item_id);
const CsScore  *cs_report_get_score           (CsReport      *self,
                                               CsSection      section);
const CsScore  *cs_report_get_group_score     (CsReport      *self,
                                               const char    *group);
guint           cs_report_get_n_knock_outs    (CsReport      *self);

const char * const *cs_checklist_groups        (void);
const char     *cs_checklist_group_get_title  (const char    *group);
CsSection       cs_checklist_group_get_section (const char   *group);

G_END_DECLS
