/* cs-duration.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CsDuration:
 * @hours: the duration in hours, as written (a business day counts 24 h here, see
 *   cs_duration_get_wall_hours())
 * @business: the text qualifies it as business or working time ("ouvrés", "ouvrables")
 * @business_days: for business time, the number of 8-hour working days it stands for
 * @start: the offset in bytes of the match in the normalised text
 * @end: the offset in bytes of the end of the match in the normalised text
 *
 * One duration read from a text: a number (digits or words, English or French) and a unit
 * from minutes to years, or a frequency adjective ("yearly", "mensuel"), which stands for
 * its period. Months count 30 days and years 365 days, so that "180 days", "26 weeks" and
 * "6 months" all reach a 6-month threshold.
 */
typedef struct
{
  double   hours;
  gboolean business;
  double   business_days;
  gsize    start;
  gsize    end;
} CsDuration;

/**
 * CsDurationGoverns:
 * @CS_DURATION_GOVERNS_SHORTEST: the shortest value governs (a retention or a period that must
 *   be long enough: the weakest commitment is the one the provider can hold to)
 * @CS_DURATION_GOVERNS_LONGEST: the longest value governs (a delay or an interval that must
 *   be short enough: the slowest commitment is the one the provider can hold to)
 *
 * When a text gives several durations, which one the check compares with its threshold.
 */
typedef enum {
  CS_DURATION_GOVERNS_SHORTEST,
  CS_DURATION_GOVERNS_LONGEST,
} CsDurationGoverns;

GArray   *cs_duration_extract         (const char        *text,
                                       gssize             length);
gboolean  cs_duration_parse           (const char        *text,
                                       double            *out_hours);
double    cs_duration_get_wall_hours  (const CsDuration  *duration);
double    cs_duration_governing       (const char        *text,
                                       CsDurationGoverns  governs);
char     *cs_duration_format_hours    (double             hours);

G_END_DECLS
