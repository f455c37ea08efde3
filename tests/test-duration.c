/* test-duration.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cs-duration.h"

#define DAY   24.0
#define MONTH (30 * DAY)
#define YEAR  (365 * DAY)

/* Each text, the value that governs when the shortest and when the longest governs (wall-clock
 * hours; NAN when nothing is stated). */
static const struct
{
  const char *text;
  double      shortest;
  double      longest;
} cases[] = {
  /* units, numerals */
  { "within 30 minutes", 0.5, 0.5 },
  { "15 min", 0.25, 0.25 },
  { "notified within 96 hours", 96, 96 },
  { "72h", 72, 72 },
  { "under 24 h", 24, 24 },
  { "1.5 days", 36, 36 },
  { "180 days", 180 * DAY, 180 * DAY },
  { "26 weeks", 26 * 7 * DAY, 26 * 7 * DAY },
  { "6 months", 6 * MONTH, 6 * MONTH },
  { "1 year", YEAR, YEAR },
  { "2 yrs", 2 * YEAR, 2 * YEAR },
  /* French */
  { "1 an", YEAR, YEAR },
  { "2 ans", 2 * YEAR, 2 * YEAR },
  { "douze mois", 12 * MONTH, 12 * MONTH },
  { "sous 48 heures", 48, 48 },
  { "3 jours", 3 * DAY, 3 * DAY },
  { "30 j", 30 * DAY, 30 * DAY },
  { "une semaine", 7 * DAY, 7 * DAY },
  { "conservés pendant une année", YEAR, YEAR },
  { "1,5 jour", 36, 36 },
  /* words */
  { "six months", 6 * MONTH, 6 * MONTH },
  { "an hour", 1, 1 },
  { "a year", YEAR, YEAR },
  { "seventy-two hours", 72, 72 },
  { "vingt-quatre heures", 24, 24 },
  { "twelve months", 12 * MONTH, 12 * MONTH },
  /* business and calendar time: 8-hour days, Monday to Friday, opened at Friday's close */
  { "4 business hours", 68, 68 },
  { "4 heures ouvrées", 68, 68 },
  { "1 business day", 72, 72 },
  { "3 jours ouvrés", 120, 120 },
  { "8 calendar hours", 8, 8 },
  { "8 heures calendaires", 8, 8 },
  /* frequency words */
  { "yearly penetration test", YEAR, YEAR },
  { "audit annuel", YEAR, YEAR },
  { "revue trimestrielle", 3 * MONTH, 3 * MONTH },
  { "monthly report", MONTH, MONTH },
  { "One audit per year", YEAR, YEAR },
  { "un test chaque trimestre", 3 * MONTH, 3 * MONTH },
  /* several values: the governing one */
  { "3 months online; archived 12 months", 3 * MONTH, 12 * MONTH },
  { "critical patches within 72 hours, others within 30 days", 72, 30 * DAY },
  /* not durations */
  { "24/7 support", NAN, NAN },
  { "24h/24 7j/7", NAN, NAN },
  { "99.5 % availability", NAN, NAN },
  { "a minimum of care", NAN, NAN },
  { "", NAN, NAN },
};

static void
assert_hours (const char *text,
              double      expected,
              double      actual)
{
  if (isnan (expected))
    {
      if (!isnan (actual))
        g_error ("“%s”: expected nothing, read %g h", text, actual);
    }
  else if (isnan (actual) || fabs (expected - actual) > 1e-6)
    g_error ("“%s”: expected %g h, read %g h", text, expected, actual);
}

static void
test_duration_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_hours (cases[i].text, cases[i].shortest,
                    cs_duration_governing (cases[i].text, CS_DURATION_GOVERNS_SHORTEST));
      assert_hours (cases[i].text, cases[i].longest,
                    cs_duration_governing (cases[i].text, CS_DURATION_GOVERNS_LONGEST));
    }
}

static void
test_duration_thresholds_meet (void)
{
  double six_months = 0, year = 0;

  /* A 6-month threshold is met by every way of writing half a year. */
  g_assert_true (cs_duration_parse ("6 months", &six_months));
  g_assert_cmpfloat (cs_duration_governing ("180 days", CS_DURATION_GOVERNS_SHORTEST), >=, six_months);
  g_assert_cmpfloat (cs_duration_governing ("26 weeks", CS_DURATION_GOVERNS_SHORTEST), >=, six_months);
  g_assert_cmpfloat (cs_duration_governing ("six mois", CS_DURATION_GOVERNS_SHORTEST), >=, six_months);

  g_assert_true (cs_duration_parse ("12 months", &year));
  g_assert_cmpfloat (cs_duration_governing ("1 year", CS_DURATION_GOVERNS_SHORTEST), >=, year);
  g_assert_cmpfloat (cs_duration_governing ("52 weeks", CS_DURATION_GOVERNS_SHORTEST), >=, year);
  g_assert_cmpfloat (cs_duration_governing ("360 jours", CS_DURATION_GOVERNS_SHORTEST), >=, year);

  /* A threshold is one duration. */
  g_assert_false (cs_duration_parse ("3 days or 2 weeks", &year));
  g_assert_false (cs_duration_parse ("soon", &year));
}

static void
test_duration_positions (void)
{
  g_autoptr(GArray) durations = cs_duration_extract ("Logs: 3 months; archive 1 year.", -1);
  const CsDuration *first = NULL;

  g_assert_cmpuint (durations->len, ==, 2);
  first = &g_array_index (durations, CsDuration, 0);
  g_assert_cmpuint (first->start, ==, 6);
  g_assert_cmpuint (first->end, ==, 14);
  g_assert_false (first->business);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/duration/table", test_duration_table);
  g_test_add_func ("/duration/thresholds-meet", test_duration_thresholds_meet);
  g_test_add_func ("/duration/positions", test_duration_positions);

  return g_test_run ();
}
