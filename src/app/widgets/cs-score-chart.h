/* cs-score-chart.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-checklist.h"

G_BEGIN_DECLS

/**
 * CsScoreBand:
 * @CS_SCORE_BAND_NONE: nothing scored
 * @CS_SCORE_BAND_RED: below 30 %
 * @CS_SCORE_BAND_AMBER: 30 % to 50 %
 * @CS_SCORE_BAND_GREEN: 50 % to 80 %
 * @CS_SCORE_BAND_BLUE: 80 % and more
 *
 * The standing of a score (DOMAIN.md: ERPNext's default bands).
 */
typedef enum {
  CS_SCORE_BAND_NONE,
  CS_SCORE_BAND_RED,
  CS_SCORE_BAND_AMBER,
  CS_SCORE_BAND_GREEN,
  CS_SCORE_BAND_BLUE,
} CsScoreBand;

#define CS_TYPE_SCORE_CHART (cs_score_chart_get_type ())

G_DECLARE_FINAL_TYPE (CsScoreChart, cs_score_chart, CS, SCORE_CHART, GtkWidget)

GtkWidget   *cs_score_chart_new                (void);
CsReport    *cs_score_chart_get_report         (CsScoreChart *self);
void         cs_score_chart_set_report         (CsScoreChart *self,
                                                CsReport     *report);

CsScoreBand  cs_score_band_from_score          (double        score);
const char  *cs_score_band_get_label           (CsScoreBand   band);
const char  *cs_score_band_get_css_class       (CsScoreBand   band);
char        *cs_score_format_percent           (double        score);
char        *cs_score_format_counts            (const CsScore *score);

G_END_DECLS
