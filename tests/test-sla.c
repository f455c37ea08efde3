/* test-sla.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cs-sla.h"
#include "cs-test-utils.h"

#define MON_FRI 31

static CsCoverageWindow *
window_new (guint       days,
            guint       start,
            guint       end,
            const char *zone,
            const char *holidays)
{
  g_autoptr(GError) error = NULL;
  CsCoverageWindow *window = cs_coverage_window_new (days, start, end, zone, holidays, &error);

  g_assert_no_error (error);
  g_assert_nonnull (window);

  return window;
}

static void
assert_instant (GDateTime  *time,
                const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  text = g_date_time_format (time, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_worst (CsCoverageWindow *window,
              double            business_minutes,
              int               year,
              double            expected_hours,
              const char       *opened,
              const char       *due)
{
  g_auto(CsWorstCase) worst = { 0, };

  g_assert_true (cs_coverage_window_get_worst_case (window, business_minutes, year, &worst));
  g_assert_cmpfloat_with_epsilon (worst.wall_minutes, expected_hours * 60, 1e-9);
  if (opened != NULL)
    assert_instant (worst.opened, opened);
  if (due != NULL)
    assert_instant (worst.due, due);
}

/* Mon–Fri 08:00–18:00 in UTC: a ticket opened just after 14:00 on a Friday waits the weekend. */
static void
test_weekend (void)
{
  g_autoptr(CsCoverageWindow) window = window_new (MON_FRI, 480, 1080, NULL, NULL);

  g_assert_cmpuint (cs_coverage_window_get_day_minutes (window), ==, 600);
  assert_worst (window, 4 * 60, 2026, 66, "2026-01-02 14:01", "2026-01-05 08:01");

  /* Two business days are 20 business hours: Thursday 08:01 to Monday 08:01. */
  assert_worst (window, 2 * 600, 2026, 96, NULL, NULL);

  /* A target of zero is met at once. */
  assert_worst (window, 0, 2026, 0, NULL, NULL);
}

/* The French calendar: Easter Monday 2026 turns a weekend into 90 hours. */
static void
test_holidays (void)
{
  g_autoptr(CsCoverageWindow) window = window_new (MON_FRI, 480, 1080, "Europe/Paris", "FR");
  g_autoptr(CsCoverageWindow) extra = window_new (MON_FRI, 480, 1080, "UTC",
                                                  "2026-03-09, 2026-03-10 # closed\n03-11");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 6, 4, 2026);
  g_assert_true (cs_coverage_window_is_holiday (window, &date));
  assert_worst (window, 4 * 60, 2026, 90, "2026-04-03 14:01", "2026-04-07 08:01");

  /* Friday to the Thursday after three listed days off. */
  assert_worst (extra, 4 * 60, 2026, 66 + 72, "2026-03-06 14:01", "2026-03-12 08:01");
}

static void
test_french_calendar (void)
{
  static const struct { guint d, m, y; gboolean holiday; gboolean alsace; } days[] = {
    { 1, 1, 2026, TRUE, TRUE },
    { 6, 4, 2026, TRUE, TRUE },    /* Easter Monday */
    { 3, 4, 2026, FALSE, TRUE },   /* Good Friday */
    { 14, 5, 2026, TRUE, TRUE },   /* Ascension */
    { 25, 5, 2026, TRUE, TRUE },   /* Whit Monday */
    { 29, 3, 2027, TRUE, TRUE },   /* Easter Monday 2027 */
    { 14, 7, 2026, TRUE, TRUE },
    { 26, 12, 2026, FALSE, TRUE },
    { 2, 1, 2026, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, days[i].d, days[i].m, days[i].y);
      g_assert_cmpint (cs_holidays_is_french_holiday (&date, FALSE), ==, days[i].holiday);
      g_assert_cmpint (cs_holidays_is_french_holiday (&date, TRUE), ==, days[i].alsace);
    }
}

/* Daylight saving: the weekend of the autumn change is one hour longer on the wall clock. */
static void
test_time_zones (void)
{
  g_autoptr(CsCoverageWindow) paris = window_new (MON_FRI, 480, 1080, "Europe/Paris", "");
  g_autoptr(CsCoverageWindow) new_york = window_new (MON_FRI, 480, 1080, "America/New_York",
                                                     NULL);
  g_autoptr(CsCoverageWindow) tokyo = window_new (MON_FRI, 480, 1080, "Asia/Tokyo", NULL);
  g_auto(CsWorstCase) worst = { 0, };

  assert_worst (paris, 4 * 60, 2026, 67, "2026-10-23 14:01", "2026-10-26 08:01");
  assert_worst (new_york, 4 * 60, 2026, 67, "2026-10-30 14:01", "2026-11-02 08:01");
  assert_worst (tokyo, 4 * 60, 2026, 66, NULL, NULL);
  g_assert_true (cs_coverage_window_get_worst_case (tokyo, 4 * 60, 2026, &worst));
  g_assert_cmpint (g_date_time_get_utc_offset (worst.opened) / G_TIME_SPAN_HOUR, ==, 9);
}

static void
test_always_open (void)
{
  g_autoptr(CsCoverageWindow) window = window_new (127, 0, 0, "Europe/Paris", NULL);
  g_autoptr(CsCoverageWindow) full = window_new (127, 0, 1440, "Europe/Paris", NULL);

  g_assert_true (cs_coverage_window_is_always_open (window));
  g_assert_cmpuint (cs_coverage_window_get_day_minutes (full), ==, 1440);
  /* Even across the spring change, four hours are four hours. */
  assert_worst (window, 4 * 60, 2026, 4, NULL, NULL);
  assert_worst (full, 30, 2026, 0.5, NULL, NULL);
}

static void
test_night_window (void)
{
  /* Every night 20:00–06:00: a ticket opened at 06:00 waits until 20:00. */
  g_autoptr(CsCoverageWindow) window = window_new (127, 1200, 360, NULL, NULL);

  g_assert_cmpuint (cs_coverage_window_get_day_minutes (window), ==, 600);
  assert_worst (window, 60, 2026, 15, NULL, NULL);
}

static void
test_never_open (void)
{
  g_autoptr(CsCoverageWindow) window = window_new (0, 480, 1080, NULL, NULL);
  g_auto(CsWorstCase) worst = { 0, };
  g_autofree char *text = cs_coverage_window_describe (window);

  g_assert_false (cs_coverage_window_get_worst_case (window, 60, 2026, &worst));
  g_assert_true (isinf (worst.wall_minutes));
  g_assert_null (worst.due);
  g_assert_cmpstr (text, ==, "Never open");
}

static void
test_deadline (void)
{
  g_autoptr(CsCoverageWindow) window = window_new (MON_FRI, 480, 1080, "Europe/Paris", "FR");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) friday = g_date_time_new (zone, 2026, 4, 3, 17, 0, 0);
  g_autoptr(GDateTime) saturday = g_date_time_new (zone, 2026, 4, 4, 11, 0, 0);
  g_autoptr(GDateTime) due = NULL;

  /* Two business hours from Friday 17:00, before Easter Monday: Tuesday 09:00. */
  due = cs_coverage_window_get_deadline (window, friday, 120);
  assert_instant (due, "2026-04-07 09:00");
  g_clear_pointer (&due, g_date_time_unref);

  /* Opened on a closed day: the clock starts at the next opening. */
  due = cs_coverage_window_get_deadline (window, saturday, 60);
  assert_instant (due, "2026-04-07 09:00");
}

static void
test_describe (void)
{
  g_autoptr(CsCoverageWindow) window = window_new (MON_FRI, 480, 1080, "Europe/Paris", NULL);
  g_autoptr(CsCoverageWindow) weekend = window_new (0x60 | 0x1, 0, 0, NULL, NULL);
  g_autofree char *text = cs_coverage_window_describe (window);
  g_autofree char *weekend_text = cs_coverage_window_describe (weekend);

  g_assert_cmpstr (text, ==, "Mon–Fri 08:00–18:00 (Europe/Paris)");
  g_assert_cmpstr (weekend_text, ==, "Mon, Sat, Sun 24 hours (UTC)");
}

static void
test_invalid (void)
{
  g_autoptr(GError) error = NULL;
  CsCoverageWindow *window = NULL;

  window = cs_coverage_window_new (MON_FRI, 480, 1080, "Europe/Atlantis", NULL, &error);
  g_assert_error (error, CS_SLA_ERROR, CS_SLA_ERROR_TIME_ZONE);
  g_assert_null (window);
  g_clear_error (&error);

  window = cs_coverage_window_new (MON_FRI, 480, 1080, NULL, "FR, Christmas", &error);
  g_assert_error (error, CS_SLA_ERROR, CS_SLA_ERROR_HOLIDAYS);
  g_assert_null (window);
  g_clear_error (&error);

  g_assert_false (cs_holidays_validate ("2026-02-30", NULL));
  g_assert_true (cs_holidays_validate ("02-29", NULL));
  g_assert_true (cs_holidays_validate ("fr-57;2026-12-24\n# nothing else", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/sla/worst-case/weekend", test_weekend);
  g_test_add_func ("/core/sla/worst-case/holidays", test_holidays);
  g_test_add_func ("/core/sla/worst-case/time-zones", test_time_zones);
  g_test_add_func ("/core/sla/worst-case/always-open", test_always_open);
  g_test_add_func ("/core/sla/worst-case/night-window", test_night_window);
  g_test_add_func ("/core/sla/worst-case/never-open", test_never_open);
  g_test_add_func ("/core/sla/french-calendar", test_french_calendar);
  g_test_add_func ("/core/sla/deadline", test_deadline);
  g_test_add_func ("/core/sla/describe", test_describe);
  g_test_add_func ("/core/sla/invalid", test_invalid);

  return g_test_run ();
}
