/* cs-comparison-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-comparison.h"

G_BEGIN_DECLS

struct _CsComparison
{
  gatomicrefcount   ref_count;
  CsStore          *store;
  GPtrArray        *offers;
  GPtrArray        *reports;
  GPtrArray        *rows;
  CsCoverageCounts *coverage;
  guint             weights[CS_COMPARISON_N_WEIGHTS];
  guint             horizon_months;
  int               growth_percent;
  int               year;
  GDate             today;
  /* lowest total over the horizon ÷ the offer's, NaN when its total is unknown */
  double           *price_scores;
  double           *weighted;
  guint            *ranking;
  guint            *ranks;
  gboolean          changes_equal;
  gboolean          changes_no_price;
  char             *sensitivity;
  /* why the offers answer different perimeters, NULL when they answer the same */
  char             *perimeter_note;
  char             *currency;
};

CsComparisonRow *_cs_comparison_add_row     (CsComparison    *self,
                                             const char      *section,
                                             const char      *id,
                                             const char      *label,
                                             const char      *unit,
                                             CsCompareOrder   order,
                                             CsSection        edit_section);
void             _cs_comparison_set_cell    (CsComparisonRow *row,
                                             guint            index,
                                             double           value,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (4, 5);
void             _cs_comparison_set_note    (CsComparisonRow *row,
                                             guint            index,
                                             const char      *note);
const char      *_cs_comparison_offer_name  (CsComparison    *self,
                                             guint            index);

double _cs_comparison_recurring_total      (double           monthly,
                                             double           cap_percent,
                                             guint            months);

void _cs_comparison_add_perimeter_rows      (CsComparison    *self);
void _cs_comparison_add_exclusion_rows      (CsComparison    *self);
void _cs_comparison_add_sla_rows            (CsComparison    *self);
void _cs_comparison_add_backup_rows         (CsComparison    *self);
void _cs_comparison_add_security_rows       (CsComparison    *self);
void _cs_comparison_add_subcontracting_rows (CsComparison    *self);
void _cs_comparison_add_exit_rows           (CsComparison    *self);
void _cs_comparison_add_terms_rows          (CsComparison    *self);
void _cs_comparison_add_money_rows          (CsComparison    *self);

G_END_DECLS
