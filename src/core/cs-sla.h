/* cs-sla.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CS_SLA_ERROR (cs_sla_error_quark ())

/**
 * CsSlaError:
 * @CS_SLA_ERROR_TIME_ZONE: the time zone is not a known IANA name
 * @CS_SLA_ERROR_HOLIDAYS: the public-holiday list holds an entry that is not understood
 *
 * Errors of the coverage-window functions. Every message is translated.
 */
typedef enum {
  CS_SLA_ERROR_TIME_ZONE,
  CS_SLA_ERROR_HOLIDAYS,
} CsSlaError;

/**
 * CsCoverageWindow:
 *
 * When a service desk counts business time: the days of the week, the daily hours, a time
 * zone and the public holidays. Immutable once made.
 */
typedef struct _CsCoverageWindow CsCoverageWindow;

#define CS_TYPE_COVERAGE_WINDOW (cs_coverage_window_get_type ())

/**
 * CsWorstCase:
 * @wall_minutes: the longest wall-clock time, in minutes, between opening a ticket and its
 *   deadline; `INFINITY` when the window never opens
 * @opened: (nullable): an opening instant that produces it, in the window's time zone
 * @due: (nullable): the deadline of that ticket
 *
 * The worst case of a business-time target under a coverage window.
 */
typedef struct
{
  double     wall_minutes;
  GDateTime *opened;
  GDateTime *due;
} CsWorstCase;

GQuark             cs_sla_error_quark                   (void);
GType              cs_coverage_window_get_type          (void) G_GNUC_CONST;

gboolean           cs_holidays_validate                 (const char              *holidays,
                                                         GError                 **error);
gboolean           cs_holidays_is_french_holiday        (const GDate             *date,
                                                         gboolean                 alsace_moselle);

CsCoverageWindow  *cs_coverage_window_new               (guint                    days,
                                                         guint                    start_minute,
                                                         guint                    end_minute,
                                                         const char              *time_zone,
                                                         const char              *holidays,
                                                         GError                 **error);
CsCoverageWindow  *cs_coverage_window_ref               (CsCoverageWindow        *self);
void               cs_coverage_window_unref             (CsCoverageWindow        *self);

guint              cs_coverage_window_get_days          (CsCoverageWindow        *self);
guint              cs_coverage_window_get_day_minutes   (CsCoverageWindow        *self);
GTimeZone         *cs_coverage_window_get_time_zone     (CsCoverageWindow        *self);
gboolean           cs_coverage_window_is_holiday        (CsCoverageWindow        *self,
                                                         const GDate             *date);
gboolean           cs_coverage_window_is_always_open    (CsCoverageWindow        *self);
char              *cs_coverage_window_describe          (CsCoverageWindow        *self);

GDateTime         *cs_coverage_window_get_deadline      (CsCoverageWindow        *self,
                                                         GDateTime               *opened,
                                                         double                   business_minutes);
gboolean           cs_coverage_window_get_worst_case    (CsCoverageWindow        *self,
                                                         double                   business_minutes,
                                                         int                      year,
                                                         CsWorstCase             *out_worst);

void               cs_worst_case_clear                  (CsWorstCase             *worst);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsCoverageWindow, cs_coverage_window_unref)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CsWorstCase, cs_worst_case_clear)

G_END_DECLS
