/* cs-values.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CsValueKind:
 * @CS_VALUE_DURATION: a number with a time unit ("4 business hours", "5 jours ouvrés")
 * @CS_VALUE_PERCENT: a percentage ("99,5 %")
 * @CS_VALUE_AMOUNT: a currency amount ("1 500 €", "EUR 2,000")
 * @CS_VALUE_COUNT: a number of things ("3 servers", "deux restaurations")
 * @CS_VALUE_DATE: a calendar date ("1 March 2026", "01/03/2026", "2026-03-01");
 *   #CsValue.value holds it as yyyymmdd
 *
 * The kinds of typed values found in contract wording.
 */
typedef enum {
  CS_VALUE_DURATION,
  CS_VALUE_PERCENT,
  CS_VALUE_AMOUNT,
  CS_VALUE_COUNT,
  CS_VALUE_DATE,
} CsValueKind;

/**
 * CsTimeUnit:
 * @CS_TIME_UNIT_NONE: not a duration
 * @CS_TIME_UNIT_MINUTES: minutes
 * @CS_TIME_UNIT_HOURS: hours
 * @CS_TIME_UNIT_DAYS: days
 * @CS_TIME_UNIT_WEEKS: weeks
 * @CS_TIME_UNIT_MONTHS: months
 * @CS_TIME_UNIT_YEARS: years
 * @CS_TIME_UNIT_QUARTERS: quarters (three months)
 * @CS_TIME_UNIT_SECONDS: seconds ("answered within 60 seconds")
 */
typedef enum {
  CS_TIME_UNIT_NONE,
  CS_TIME_UNIT_MINUTES,
  CS_TIME_UNIT_HOURS,
  CS_TIME_UNIT_DAYS,
  CS_TIME_UNIT_WEEKS,
  CS_TIME_UNIT_MONTHS,
  CS_TIME_UNIT_YEARS,
  CS_TIME_UNIT_QUARTERS,
  CS_TIME_UNIT_SECONDS,
} CsTimeUnit;

/**
 * CsClock:
 * @CS_CLOCK_UNSPECIFIED: the wording does not say
 * @CS_CLOCK_BUSINESS: business (working) time: "ouvré", "ouvrable", "business", "working"
 * @CS_CLOCK_CALENDAR: calendar time: "calendaire", "calendar"
 */
typedef enum {
  CS_CLOCK_UNSPECIFIED,
  CS_CLOCK_BUSINESS,
  CS_CLOCK_CALENDAR,
} CsClock;

/**
 * CsValue:
 * @kind: what the value is
 * @value: the number, with the decimal comma or point and thousands separators resolved and
 *   written numbers ("six", "trois") read; for a range, its lower bound; for a date, yyyymmdd
 * @unit: for durations, the time unit
 * @clock: for durations, business or calendar time
 * @currency: for amounts, the ISO 4217 code ("EUR", "USD", "GBP"), else ""
 * @start: byte offset of the value in the original text
 * @end: byte offset just after the value in the original text
 * @max: the upper bound of a range ("2 to 4 hours", "entre 2 et 4 jours"); equal to @value
 *   when the value is not a range
 * @period: for percentages, amounts, counts and durations, the period the value is given per
 *   ("99.5 % per month", "650 € HT par jour", "4 restores per month", "monthly"), else
 *   %CS_TIME_UNIT_NONE
 *
 * A typed value extracted from contract wording.
 */
typedef struct
{
  CsValueKind  kind;
  double       value;
  CsTimeUnit   unit;
  CsClock      clock;
  char         currency[4];
  gsize        start;
  gsize        end;
  double       max;
  CsTimeUnit   period;
} CsValue;

/**
 * CsNormalizedText:
 * @text: the normalised text: compatibility forms folded, accents removed, lowercase,
 *   typographic apostrophes and dashes made plain, runs of white space collapsed to one space
 * @length: the length of @text in bytes
 *
 * Text prepared for matching, with a map back to the original offsets so that matches can be
 * highlighted in the text as the consultant wrote it.
 */
typedef struct _CsNormalizedText CsNormalizedText;

struct _CsNormalizedText
{
  char  *text;
  gsize  length;

  /*< private >*/
  gsize *starts;
  gsize *ends;
  gsize  original_length;
};

CsNormalizedText *cs_normalized_text_new        (const char        *text,
                                                 gssize             length);
void              cs_normalized_text_free       (CsNormalizedText  *self);
void              cs_normalized_text_map_range  (CsNormalizedText  *self,
                                                 gsize              start,
                                                 gsize              end,
                                                 gsize             *out_start,
                                                 gsize             *out_end);

GArray           *cs_values_extract             (const char        *text,
                                                 gssize             length);
void              cs_values_extract_normalized  (CsNormalizedText  *norm,
                                                 GArray            *values);
double            cs_value_to_hours             (const CsValue     *value);
const char       *cs_value_kind_to_string       (CsValueKind        kind);
const char       *cs_time_unit_to_string        (CsTimeUnit         unit);
const char       *cs_clock_to_string            (CsClock            clock);
char             *cs_value_describe             (const CsValue     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsNormalizedText, cs_normalized_text_free)

G_END_DECLS
