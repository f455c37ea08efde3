/* cs-duration.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-duration"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cs-duration.h"
#include "cs-values.h"

/* Durations normalised to hours. A month is 30 days and a year 365 days: "180 days",
 * "26 weeks" and "6 months" all meet a 6-month threshold, and "12 months", "52 weeks" and
 * "1 year" a 12-month one. */
#define HOURS_PER_DAY   24.0
#define HOURS_PER_WEEK  (7 * HOURS_PER_DAY)
#define HOURS_PER_MONTH (30 * HOURS_PER_DAY)
#define HOURS_PER_YEAR  (365 * HOURS_PER_DAY)

/* Business time, when no coverage window says otherwise: 8-hour days, Monday to Friday.
 * The wall-clock worst case opens the ticket when the desk closes on a Friday. */
#define BUSINESS_DAY_HOURS 8.0

static const struct
{
  const char *word;
  double      value;
} number_words[] = {
  /* Longest first: the alternation is built in this order. */
  { "soixante-douze", 72 }, { "quarante-huit", 48 }, { "seventy-two", 72 },
  { "forty-eight", 48 }, { "twenty-four", 24 }, { "vingt-quatre", 24 }, { "dix-huit", 18 },
  { "eighteen", 18 }, { "fifteen", 15 }, { "quinze", 15 }, { "twelve", 12 }, { "douze", 12 },
  { "eleven", 11 }, { "thirty", 30 }, { "trente", 30 }, { "twenty", 20 }, { "vingt", 20 },
  { "sixty", 60 }, { "soixante", 60 }, { "ninety", 90 }, { "seven", 7 }, { "three", 3 },
  { "eight", 8 }, { "quatre", 4 }, { "trois", 3 }, { "seize", 16 }, { "four", 4 },
  { "five", 5 }, { "nine", 9 }, { "deux", 2 }, { "cinq", 5 }, { "sept", 7 }, { "huit", 8 },
  { "neuf", 9 }, { "onze", 11 }, { "one", 1 }, { "two", 2 }, { "six", 6 }, { "ten", 10 },
  { "dix", 10 }, { "une", 1 }, { "un", 1 }, { "an", 1 }, { "a", 1 },
};

static const struct
{
  const char *prefix;
  double      hours;
} units[] = {
  /* Matched on the start of the unit word, in this order. */
  { "min", 1 / 60.0 }, { "mn", 1 / 60.0 }, { "h", 1 }, { "d", HOURS_PER_DAY },
  { "j", HOURS_PER_DAY }, { "w", HOURS_PER_WEEK }, { "sem", HOURS_PER_WEEK },
  { "mo", HOURS_PER_MONTH }, { "y", HOURS_PER_YEAR }, { "an", HOURS_PER_YEAR },
};

/* Frequency words stand for their period: "a yearly audit" is an audit every 12 months. */
static const struct
{
  const char *prefix;
  double      hours;
} periods[] = {
  { "daily", HOURS_PER_DAY }, { "quotidien", HOURS_PER_DAY }, { "weekly", HOURS_PER_WEEK },
  { "hebdomadaire", HOURS_PER_WEEK }, { "monthly", HOURS_PER_MONTH },
  { "mensuel", HOURS_PER_MONTH }, { "quarterly", 3 * HOURS_PER_MONTH },
  { "trimestriel", 3 * HOURS_PER_MONTH }, { "semi-annual", 6 * HOURS_PER_MONTH },
  { "semestriel", 6 * HOURS_PER_MONTH }, { "biannual", 6 * HOURS_PER_MONTH },
  { "yearly", HOURS_PER_YEAR }, { "annual", HOURS_PER_YEAR }, { "annuel", HOURS_PER_YEAR },
};

/* "per year", "chaque mois": the last word names the period. */
static const struct
{
  const char *word;
  double      hours;
} period_words[] = {
  { "day", HOURS_PER_DAY }, { "jour", HOURS_PER_DAY }, { "week", HOURS_PER_WEEK },
  { "semaine", HOURS_PER_WEEK }, { "month", HOURS_PER_MONTH }, { "mois", HOURS_PER_MONTH },
  { "quarter", 3 * HOURS_PER_MONTH }, { "trimestre", 3 * HOURS_PER_MONTH },
  { "year", HOURS_PER_YEAR }, { "an", HOURS_PER_YEAR }, { "annee", HOURS_PER_YEAR },
};

static const char qualifier_pattern[] =
  "business|working|calendar|ouvre(?:e)?s?|ouvrables?|calendaires?";

static GRegex *
get_duration_regex (void)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    {
      g_autoptr(GString) pattern = g_string_new ("(?<![\\w.,/])(?<num>\\d+(?:[.,]\\d+)?");
      GRegex *compiled = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
        g_string_append_printf (pattern, "|\\b%s", number_words[i].word);
      g_string_append_printf (pattern,
                              ")[ -]?(?:(?<q1>%s) )?"
                              "(?<unit>minutes?|mins?|mn|hours?|hrs?|h|heures?|days?|d|jours?|j"
                              "|weeks?|wks?|semaines?|months?|mois|years?|yrs?|ans?|annees?)"
                              "\\b(?!/)(?: (?<q2>%s)\\b)?",
                              qualifier_pattern, qualifier_pattern);
      compiled = g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, &error);
      g_assert_no_error (error);
      g_once_init_leave (&regex, compiled);
    }

  return regex;
}

static GRegex *
get_period_regex (void)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("\\b(?:(?:per|every|each|a|once a) (?:day|week|month|quarter|year)"
                                      "|(?:par|chaque) (?:jour|semaine|mois|trimestre|an|annee)"
                                      "|daily|quotidien(?:ne)?s?|weekly|hebdomadaires?"
                                      "|monthly|mensuel(?:le)?s?|quarterly|trimestriel(?:le)?s?"
                                      "|semi-annual(?:ly)?|biannual(?:ly)?|semestriel(?:le)?s?"
                                      "|yearly|annual(?:ly)?|annuel(?:le)?s?|annuellement)\\b",
                                      G_REGEX_OPTIMIZE, 0, NULL);

      g_once_init_leave (&regex, compiled);
    }

  return regex;
}

static double
read_number (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (g_str_equal (text, number_words[i].word))
      return number_words[i].value;

  g_strdelimit (copy, ",", '.');
  return g_ascii_strtod (copy, NULL);
}

static double
unit_hours (const char *unit)
{
  /* "mo" before "m…": months; "min"/"mn" are minutes; "mois" is a month. */
  if (g_str_has_prefix (unit, "mois"))
    return HOURS_PER_MONTH;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_prefix (unit, units[i].prefix))
      return units[i].hours;
  return NAN;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const CsDuration *da = a;
  const CsDuration *db = b;

  return da->start < db->start ? -1 : da->start > db->start;
}

/**
 * cs_duration_extract:
 * @text: UTF-8 text in English or French
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Finds every duration of @text: "180 days", "26 weeks", "six months", "1 an", "4 heures
 * ouvrées", "3 business days", "72h", "douze mois", and frequency words ("yearly",
 * "trimestriel") as their period. "24/7" and "24h/24" are coverage statements, not
 * durations.
 *
 * Returns: (transfer full) (element-type CsDuration): the durations in text order
 */
GArray *
cs_duration_extract (const char *text,
                     gssize      length)
{
  GArray *durations = g_array_new (FALSE, TRUE, sizeof (CsDuration));
  g_autoptr(CsNormalizedText) norm = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL || (length < 0 ? strlen (text) : (gsize) length) == 0)
    return durations;

  norm = cs_normalized_text_new (text, length);
  if (norm == NULL)
    return durations;

  g_regex_match (get_duration_regex (), norm->text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *num = g_match_info_fetch_named (match, "num");
      g_autofree char *unit = g_match_info_fetch_named (match, "unit");
      g_autofree char *q1 = g_match_info_fetch_named (match, "q1");
      g_autofree char *q2 = g_match_info_fetch_named (match, "q2");
      CsDuration duration = { 0 };
      int start = 0, end = 0;
      double hours = unit_hours (unit);

      g_match_info_fetch_pos (match, 0, &start, &end);
      /* "a d…" or "un j…" would read articles as numbers: require a real unit word. */
      if (!isnan (hours) && !(g_ascii_isalpha (num[0]) && strlen (unit) == 1))
        {
          const char *qualifier = q1 != NULL && *q1 != '\0' ? q1 : q2;

          duration.hours = read_number (num) * hours;
          duration.business = qualifier != NULL && *qualifier != '\0'
                              && !g_str_has_prefix (qualifier, "cal");
          /* "3 business days" are 3 working days; "4 business hours" half of one. */
          if (duration.business)
            duration.business_days = hours < HOURS_PER_DAY
                                     ? duration.hours / BUSINESS_DAY_HOURS
                                     : duration.hours / HOURS_PER_DAY;
          duration.start = start;
          duration.end = end;
          g_array_append_val (durations, duration);
        }
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_free);

  g_regex_match (get_period_regex (), norm->text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *word = g_match_info_fetch (match, 0);
      CsDuration duration = { 0 };
      int start = 0, end = 0;

      const char *last = strrchr (word, ' ');

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (last != NULL)
        {
          for (guint i = 0; i < G_N_ELEMENTS (period_words); i++)
            if (g_str_equal (last + 1, period_words[i].word))
              duration.hours = period_words[i].hours;
        }
      else
        for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
          if (g_str_has_prefix (word, periods[i].prefix))
            {
              duration.hours = periods[i].hours;
              break;
            }
      duration.start = start;
      duration.end = end;
      if (duration.hours > 0)
        g_array_append_val (durations, duration);
      g_match_info_next (match, NULL);
    }

  g_array_sort (durations, compare_starts);
  return durations;
}

/**
 * cs_duration_get_wall_hours:
 * @duration: a duration
 *
 * The longest wall-clock time the duration can take. Calendar time is itself. Business time
 * without a coverage window assumes 8-hour days from Monday to Friday and a ticket opened
 * when the desk closes on a Friday: every business day crossed adds a 16-hour night and every
 * week crossed a 48-hour weekend. (Section pages use the offer's own coverage window, see
 * cs_coverage_window_get_worst_case().)
 *
 * Returns: hours of wall-clock time
 */
double
cs_duration_get_wall_hours (const CsDuration *duration)
{
  double days = 0;

  g_return_val_if_fail (duration != NULL, NAN);

  if (!duration->business)
    return duration->hours;

  days = duration->business_days;
  return days * BUSINESS_DAY_HOURS + ceil (days) * (HOURS_PER_DAY - BUSINESS_DAY_HOURS)
         + ceil (days / 5) * 2 * HOURS_PER_DAY;
}

/**
 * cs_duration_parse:
 * @text: a duration such as "6 months" or "24 h" (a threshold of a rule pack)
 * @out_hours: (out): return location for its calendar length in hours
 *
 * Returns: %TRUE if @text holds exactly one duration
 */
gboolean
cs_duration_parse (const char *text,
                   double     *out_hours)
{
  g_autoptr(GArray) durations = cs_duration_extract (text, -1);

  g_return_val_if_fail (out_hours != NULL, FALSE);

  if (durations->len != 1)
    return FALSE;

  *out_hours = cs_duration_get_wall_hours (&g_array_index (durations, CsDuration, 0));
  return TRUE;
}

/**
 * cs_duration_governing:
 * @text: (nullable): a text
 * @governs: which of several values governs
 *
 * The value of @text that a threshold is compared with: of all its durations (in wall-clock
 * hours), the shortest or the longest, as @governs says. "3 months online; 12 months
 * archived" keeps logs only 3 months for sure; "critical patches within 72 h, others within
 * 30 days" leaves some vulnerabilities open 30 days.
 *
 * Returns: hours, or NaN when @text states no duration
 */
double
cs_duration_governing (const char        *text,
                       CsDurationGoverns  governs)
{
  g_autoptr(GArray) durations = cs_duration_extract (text, -1);
  double result = NAN;

  for (guint i = 0; i < durations->len; i++)
    {
      double hours = cs_duration_get_wall_hours (&g_array_index (durations, CsDuration, i));

      if (isnan (result)
          || (governs == CS_DURATION_GOVERNS_SHORTEST && hours < result)
          || (governs == CS_DURATION_GOVERNS_LONGEST && hours > result))
        result = hours;
    }

  return result;
}

/**
 * cs_duration_format_hours:
 * @hours: a duration in hours
 *
 * Returns: (transfer full): the duration in the largest unit that keeps it readable
 *   ("6 months", "36 h"), translated
 */
char *
cs_duration_format_hours (double hours)
{
  if (isnan (hours))
    return g_strdup (_("not stated"));
  if (hours >= HOURS_PER_YEAR && fmod (hours, HOURS_PER_YEAR) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g year", "%g years",
                                         (gulong) (hours / HOURS_PER_YEAR)),
                            hours / HOURS_PER_YEAR);
  if (hours >= HOURS_PER_MONTH && fmod (hours, HOURS_PER_MONTH) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g month", "%g months",
                                         (gulong) (hours / HOURS_PER_MONTH)),
                            hours / HOURS_PER_MONTH);
  if (hours >= 72 && fmod (hours, HOURS_PER_DAY) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g day", "%g days",
                                         (gulong) (hours / HOURS_PER_DAY)),
                            hours / HOURS_PER_DAY);
  return g_strdup_printf (_("%g h"), round (hours * 10) / 10);
}
