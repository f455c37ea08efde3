/* cs-comparison.h
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

/**
 * CS_COMPARISON_N_WEIGHTS:
 *
 * The number of weighted sections: the checklist groups of cs_comparison_weight_groups().
 */
#define CS_COMPARISON_N_WEIGHTS 11

/**
 * CsCompareOrder:
 * @CS_COMPARE_NONE: the values are shown side by side, none is better
 * @CS_COMPARE_LOWER_BETTER: the lowest value is the best (times, prices, gaps)
 * @CS_COMPARE_HIGHER_BETTER: the highest value is the best (scores, commitments)
 *
 * How the values of a row rank.
 */
typedef enum {
  CS_COMPARE_NONE,
  CS_COMPARE_LOWER_BETTER,
  CS_COMPARE_HIGHER_BETTER,
} CsCompareOrder;

/**
 * CsComparisonCell:
 * @text: the value as the offer states it, for display ("4 h, business time"); never %NULL
 * @value: the normalised value in the row's unit; NaN when there is none
 * @best: the best value of the row
 * @worst: the worst value of the row
 * @knock_out: the value is a knock-out (a critical checklist item missing)
 * @note: (nullable): what the value assumes or leaves out
 *
 * What one offer says for one row.
 */
typedef struct
{
  char     *text;
  double    value;
  gboolean  best;
  gboolean  worst;
  gboolean  knock_out;
  char     *note;
} CsComparisonCell;

/**
 * CsComparisonRow:
 * @id: a stable identifier ("sla.p1.resolution.worst" …), for scripts and tests
 * @section: the id of the group of rows (see cs_comparison_sections())
 * @label: the translated label
 * @unit: the translated unit of the normalised values ("h", "%", "EUR" …), "" when none
 * @order: how the values rank
 * @edit_section: the section of the application where the value is edited
 * @not_comparable: (nullable): why the values cannot be compared, %NULL when they can
 * @coded: the values only rank the cells (yes 1, no 0; committed 1, partly ½ …): show the
 *   text, not the number
 * @all_equal: every offer states the same thing
 * @n_cells: the number of cells: the number of offers compared
 * @cells: (array length=n_cells): one cell per compared offer, in the comparison's order
 *
 * One row of a comparison. Best and worst are marked only in comparable rows with at least
 * two different values.
 */
typedef struct
{
  char             *id;
  const char       *section;
  char             *label;
  char             *unit;
  CsCompareOrder    order;
  CsSection         edit_section;
  char             *not_comparable;
  gboolean          coded;
  gboolean          all_equal;
  guint             n_cells;
  CsComparisonCell *cells;
} CsComparisonRow;

/**
 * CsComparisonOptions:
 * @weights: (nullable): section weights in percent, in the order of
 *   cs_comparison_weight_groups(); %NULL reads them from the project
 * @horizon_months: the horizon of the cost totals; 0 takes the project's
 * @growth_percent: the perimeter growth priced; negative takes the project's
 * @year: the year whose ticket openings the SLA worst cases examine; 0 for the current year
 * @today: (nullable): the day the cancel-by dates are counted from; %NULL for today
 *
 * What a comparison is computed with. Zero it, then set what differs from the project.
 */
typedef struct
{
  const guint *weights;
  guint        horizon_months;
  int          growth_percent;
  int          year;
  const GDate *today;
} CsComparisonOptions;

typedef struct _CsComparison CsComparison;

#define CS_TYPE_COMPARISON (cs_comparison_get_type ())

GType               cs_comparison_get_type          (void) G_GNUC_CONST;

CsComparison       *cs_comparison_new               (CsStore                   *store,
                                                     CsChecklist               *checklist,
                                                     CsLinter                  *linter,
                                                     GPtrArray                 *offers,
                                                     const CsComparisonOptions *options,
                                                     GError                   **error);
CsComparison       *cs_comparison_ref               (CsComparison              *self);
void                cs_comparison_unref             (CsComparison              *self);

guint               cs_comparison_get_n_offers      (CsComparison              *self);
CsOffer            *cs_comparison_get_offer         (CsComparison              *self,
                                                     guint                      index);
CsReport           *cs_comparison_get_report        (CsComparison              *self,
                                                     guint                      index);
guint               cs_comparison_get_n_rows        (CsComparison              *self);
const CsComparisonRow *cs_comparison_get_row        (CsComparison              *self,
                                                     guint                      index);
const CsComparisonRow *cs_comparison_find_row       (CsComparison              *self,
                                                     const char                *id);

const guint        *cs_comparison_get_weights       (CsComparison              *self);
guint               cs_comparison_get_horizon_months (CsComparison             *self);
int                 cs_comparison_get_growth_percent (CsComparison             *self);
double              cs_comparison_get_weighted_score (CsComparison             *self,
                                                     guint                      index);
guint               cs_comparison_get_rank          (CsComparison              *self,
                                                     guint                      index);
const guint        *cs_comparison_get_ranking       (CsComparison              *self);
gboolean            cs_comparison_get_changes_with_equal_weights (CsComparison *self);
gboolean            cs_comparison_get_changes_without_price      (CsComparison *self);
const char         *cs_comparison_get_sensitivity   (CsComparison              *self);
const char         *cs_comparison_get_currency      (CsComparison              *self);

CsDocument         *cs_comparison_to_document       (CsComparison              *self,
                                                     const char                *client,
                                                     const char                *consultant);

const char * const *cs_comparison_sections          (void);
const char         *cs_comparison_section_get_title (const char                *section);

const char * const *cs_comparison_weight_groups     (void);
void                cs_comparison_default_weights   (guint                     *weights);
void                cs_comparison_read_weights      (CsStore                   *store,
                                                     guint                     *weights);
gboolean            cs_comparison_check_weights     (const guint               *weights,
                                                     GError                   **error);
gboolean            cs_comparison_save_weights      (CsStore                   *store,
                                                     const guint               *weights,
                                                     GError                   **error);
gboolean            cs_comparison_parse_weights     (const char                *text,
                                                     guint                     *weights,
                                                     GError                   **error);

GPtrArray          *cs_comparison_list_compared_offers (CsStore                *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsComparison, cs_comparison_unref)

G_END_DECLS
