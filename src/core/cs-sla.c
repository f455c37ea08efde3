/* cs-sla.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-sla"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-sla.h"

#include <math.h>
#include <string.h>

/*
 * Coverage windows and the worst-case wall-clock time of business-time targets.
 *
 * A window opens on each day whose bit is set in @days (bit 0 = Monday … bit 6 = Sunday) and
 * that is not a public holiday, at @start_minute local time, and stays open until
 * @end_minute: later the same day when end > start, the next morning when end < start (a night
 * window), or 24 hours when end == start. A holiday is judged on the day the window opens.
 * Local times are converted with the window's GTimeZone, so a night window spanning a daylight
 * saving change is an hour shorter or longer in real time, as it is for the people on duty.
 *
 * Business time is the real time elapsed while the window is open. One business day is one
 * window day's length of business time (10 hours for 08:00–18:00): "2 business days" is 20
 * business hours under that window, 48 hours under a 24-hour window.
 *
 * Public holidays (the `holidays` text of sla_terms) are entries separated by commas,
 * semicolons, spaces or new lines; "#" starts a comment that runs to the end of the line:
 *
 * - `YYYY-MM-DD`: that date;
 * - `MM-DD`: that day every year (`12-24`);
 * - `FR`: the eleven French public holidays (1 January, Easter Monday, 1 May, 8 May, Ascension,
 *   Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December), Easter-based ones
 *   computed for each year;
 * - `FR-57` (also `FR-67`, `FR-68`, `FR-AM`): the French ones plus Good Friday and 26 December
 *   (Alsace-Moselle).
 *
 * The worst case of a target of N business minutes is the largest wall-clock time between a
 * ticket's opening and its deadline over every opening instant of a calendar year. It is
 * computed exactly, not by sampling: between window edges the wall-clock time is either
 * constant or falls, so the maximum is reached either when the window closes or just after
 * an instant from which the N minutes end exactly at a window close (one minute later, or one
 * second when N is not whole minutes: the next ticket then waits for the next opening).
 */

G_DEFINE_QUARK (cs-sla-error-quark, cs_sla_error)

typedef enum {
  RULE_DATE,
  RULE_ANNUAL,
  RULE_FRANCE,
  RULE_ALSACE_MOSELLE,
} RuleKind;

typedef struct
{
  RuleKind kind;
  guint    year;
  guint    month;
  guint    day;
} Rule;

struct _CsCoverageWindow
{
  gatomicrefcount  ref_count;
  guint            days;
  guint            start_minute;
  guint            end_minute;
  guint            day_minutes;
  GTimeZone       *time_zone;
  GArray          *rules;
};

typedef struct
{
  gint64 start;
  gint64 end;
} Span;

/* Open spans in Unix seconds, sorted, disjoint, with running totals of open time. */
typedef struct
{
  GArray *spans;
  GArray *totals; /* gint64; totals[i] = open seconds before spans[i]; one more than spans */
} Timeline;

/* Openings and closings further than this from the first day are never looked for. */
#define MAX_SEARCH_DAYS (366 * 10)

G_DEFINE_BOXED_TYPE (CsCoverageWindow, cs_coverage_window,
                     cs_coverage_window_ref, cs_coverage_window_unref)

static gboolean
parse_number (const char *text,
              gsize       length,
              guint      *out_value)
{
  guint value = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + g_ascii_digit_value (text[i]);
    }

  *out_value = value;
  return length > 0;
}

static gboolean
parse_rule (const char *token,
            Rule       *rule)
{
  gsize length = strlen (token);

  if (g_ascii_strcasecmp (token, "FR") == 0)
    {
      rule->kind = RULE_FRANCE;
      return TRUE;
    }

  if (g_ascii_strcasecmp (token, "FR-57") == 0 || g_ascii_strcasecmp (token, "FR-67") == 0
      || g_ascii_strcasecmp (token, "FR-68") == 0 || g_ascii_strcasecmp (token, "FR-AM") == 0)
    {
      rule->kind = RULE_ALSACE_MOSELLE;
      return TRUE;
    }

  if (length == 10 && token[4] == '-' && token[7] == '-'
      && parse_number (token, 4, &rule->year)
      && parse_number (token + 5, 2, &rule->month)
      && parse_number (token + 8, 2, &rule->day)
      && g_date_valid_dmy (rule->day, rule->month, rule->year))
    {
      rule->kind = RULE_DATE;
      return TRUE;
    }

  /* 29 February is a valid yearly holiday: leap years only. */
  if (length == 5 && token[2] == '-'
      && parse_number (token, 2, &rule->month)
      && parse_number (token + 3, 2, &rule->day)
      && g_date_valid_dmy (rule->day, rule->month, 2000))
    {
      rule->kind = RULE_ANNUAL;
      return TRUE;
    }

  return FALSE;
}

static GArray *
parse_holidays (const char  *holidays,
                GError     **error)
{
  g_autoptr(GArray) rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  g_auto(GStrv) lines = NULL;

  if (holidays == NULL)
    return g_steal_pointer (&rules);

  lines = g_strsplit_set (holidays, "\n\r", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = NULL;
      char *comment = strchr (lines[i], '#');

      if (comment != NULL)
        *comment = '\0';

      tokens = g_strsplit_set (lines[i], ",; \t", -1);
      for (guint j = 0; tokens[j] != NULL; j++)
        {
          Rule rule = { 0, };

          if (*tokens[j] == '\0')
            continue;

          if (!parse_rule (tokens[j], &rule))
            {
              g_autofree char *valid = g_utf8_make_valid (tokens[j], -1);

              g_set_error (error, CS_SLA_ERROR, CS_SLA_ERROR_HOLIDAYS,
                           _("“%s” is not a public holiday: write dates as YYYY-MM-DD, yearly "
                             "days as MM-DD, or FR for the French calendar"),
                           valid);
              return NULL;
            }

          g_array_append_val (rules, rule);
        }
    }

  return g_steal_pointer (&rules);
}

/* Easter Sunday of @year in the Gregorian calendar (anonymous Gregorian algorithm). */
static void
get_easter (guint  year,
            GDate *out_date)
{
  guint a = year % 19;
  guint b = year / 100;
  guint c = year % 100;
  guint d = b / 4;
  guint e = b % 4;
  guint f = (b + 8) / 25;
  guint g = (b - f + 1) / 3;
  guint h = (19 * a + b - d - g + 15) % 30;
  guint i = c / 4;
  guint k = c % 4;
  guint l = (32 + 2 * e + 2 * i - h - k) % 7;
  guint m = (a + 11 * h + 22 * l) / 451;
  guint month = (h + l - 7 * m + 114) / 31;
  guint day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
}

/**
 * cs_holidays_is_french_holiday:
 * @date: a valid date
 * @alsace_moselle: also count the two extra days of Alsace-Moselle
 *
 * Returns: %TRUE if @date is a public holiday in France
 */
gboolean
cs_holidays_is_french_holiday (const GDate *date,
                               gboolean     alsace_moselle)
{
  static const guint8 fixed[][2] = {
    { 1, 1 }, { 5, 1 }, { 5, 8 }, { 7, 14 }, { 8, 15 }, { 11, 1 }, { 11, 11 }, { 12, 25 },
  };
  GDate easter;
  guint month = 0;
  guint day = 0;
  int offset = 0;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  month = g_date_get_month (date);
  day = g_date_get_day (date);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (fixed[i][0] == month && fixed[i][1] == day)
      return TRUE;

  if (alsace_moselle && month == 12 && day == 26)
    return TRUE;

  get_easter (g_date_get_year (date), &easter);
  offset = (int) g_date_get_julian (date) - (int) g_date_get_julian (&easter);

  /* Easter Monday, Ascension Thursday, Whit Monday; Good Friday in Alsace-Moselle. */
  return offset == 1 || offset == 39 || offset == 50 || (alsace_moselle && offset == -2);
}

/**
 * cs_holidays_validate:
 * @holidays: (nullable): a public-holiday list (see cs-sla.c for the format)
 * @error: return location for a %CS_SLA_ERROR_HOLIDAYS error
 *
 * Returns: %TRUE if every entry of @holidays is understood
 */
gboolean
cs_holidays_validate (const char  *holidays,
                      GError     **error)
{
  g_autoptr(GArray) rules = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rules = parse_holidays (holidays, error);

  return rules != NULL;
}

/**
 * cs_coverage_window_new:
 * @days: the days the window opens, bit 0 = Monday … bit 6 = Sunday
 * @start_minute: the opening time, in minutes from midnight (0 to 1440)
 * @end_minute: the closing time, in minutes from midnight (0 to 1440); earlier than
 *   @start_minute for a night window, equal to it for a 24-hour window
 * @time_zone: (nullable): an IANA time-zone name such as "Europe/Paris"; %NULL or "" for UTC
 * @holidays: (nullable): the public holidays (see cs-sla.c for the format)
 * @error: return location for a #CsSlaError
 *
 * Returns: (transfer full) (nullable): the window, or %NULL when @time_zone or @holidays is
 *   not understood
 */
CsCoverageWindow *
cs_coverage_window_new (guint        days,
                        guint        start_minute,
                        guint        end_minute,
                        const char  *time_zone,
                        const char  *holidays,
                        GError     **error)
{
  CsCoverageWindow *self = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GArray) rules = NULL;

  g_return_val_if_fail (days <= 127, NULL);
  g_return_val_if_fail (start_minute <= 1440 && end_minute <= 1440, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (time_zone == NULL || *time_zone == '\0')
    zone = g_time_zone_new_utc ();
  else
    zone = g_time_zone_new_identifier (time_zone);

  if (zone == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (time_zone, -1);

      g_set_error (error, CS_SLA_ERROR, CS_SLA_ERROR_TIME_ZONE,
                   _("“%s” is not a known time zone: use a name such as Europe/Paris"), valid);
      return NULL;
    }

  rules = parse_holidays (holidays, error);
  if (rules == NULL)
    return NULL;

  /* 00:00–24:00 is the same whole day as 00:00–00:00. */
  start_minute %= 1440;
  end_minute %= 1440;

  self = g_new0 (CsCoverageWindow, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->days = days;
  self->start_minute = start_minute;
  self->end_minute = end_minute;
  self->day_minutes = end_minute > start_minute ? end_minute - start_minute
                                                : end_minute + 1440 - start_minute;
  self->time_zone = g_steal_pointer (&zone);
  self->rules = g_steal_pointer (&rules);

  return self;
}

/**
 * cs_coverage_window_ref:
 * @self: a window
 *
 * Returns: (transfer full): @self
 */
CsCoverageWindow *
cs_coverage_window_ref (CsCoverageWindow *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * cs_coverage_window_unref:
 * @self: (transfer full): a window
 *
 * Drops a reference to @self.
 */
void
cs_coverage_window_unref (CsCoverageWindow *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_time_zone_unref (self->time_zone);
  g_array_unref (self->rules);
  g_free (self);
}

/**
 * cs_coverage_window_get_days:
 * @self: a window
 *
 * Returns: the days the window opens, bit 0 = Monday … bit 6 = Sunday
 */
guint
cs_coverage_window_get_days (CsCoverageWindow *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->days;
}

/**
 * cs_coverage_window_get_day_minutes:
 * @self: a window
 *
 * Returns: the length of one window day in minutes, which is also one business day
 */
guint
cs_coverage_window_get_day_minutes (CsCoverageWindow *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->day_minutes;
}

/**
 * cs_coverage_window_get_time_zone:
 * @self: a window
 *
 * Returns: (transfer none): the time zone of the window
 */
GTimeZone *
cs_coverage_window_get_time_zone (CsCoverageWindow *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time_zone;
}

/**
 * cs_coverage_window_is_holiday:
 * @self: a window
 * @date: a valid date
 *
 * Returns: %TRUE if @date is one of the window's public holidays
 */
gboolean
cs_coverage_window_is_holiday (CsCoverageWindow *self,
                               const GDate      *date)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  year = g_date_get_year (date);
  month = g_date_get_month (date);
  day = g_date_get_day (date);

  for (guint i = 0; i < self->rules->len; i++)
    {
      const Rule *rule = &g_array_index (self->rules, Rule, i);

      switch (rule->kind)
        {
        case RULE_DATE:
          if (rule->year == year && rule->month == month && rule->day == day)
            return TRUE;
          break;

        case RULE_ANNUAL:
          if (rule->month == month && rule->day == day)
            return TRUE;
          break;

        case RULE_FRANCE:
        case RULE_ALSACE_MOSELLE:
          if (cs_holidays_is_french_holiday (date, rule->kind == RULE_ALSACE_MOSELLE))
            return TRUE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return FALSE;
}

/**
 * cs_coverage_window_is_always_open:
 * @self: a window
 *
 * Returns: %TRUE for a 24/7 window without holidays, where business time is wall-clock time
 */
gboolean
cs_coverage_window_is_always_open (CsCoverageWindow *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->days == 127 && self->day_minutes == 1440 && self->rules->len == 0;
}

/**
 * cs_coverage_window_describe:
 * @self: a window
 *
 * Returns: (transfer full): a translated one-line description, such as
 *   "Mon–Fri 08:00–18:00 (Europe/Paris)"
 */
char *
cs_coverage_window_describe (CsCoverageWindow *self)
{
  static const char * const names[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
    NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
  };
  GString *text = NULL;
  guint day = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->days == 0)
    return g_strdup (_("Never open"));

  text = g_string_new (NULL);
  while (day < 7)
    {
      guint last = day;

      if ((self->days & (1u << day)) == 0)
        {
          day++;
          continue;
        }

      while (last + 1 < 7 && (self->days & (1u << (last + 1))) != 0)
        last++;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[day]));
      if (last > day)
        g_string_append_printf (text, "%s%s", last > day + 1 ? "–" : ", ",
                                g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[last]));
      day = last + 1;
    }

  if (self->day_minutes == 1440)
    g_string_append_printf (text, " %s", _("24 hours"));
  else
    g_string_append_printf (text, " %02u:%02u–%02u:%02u",
                            self->start_minute / 60, self->start_minute % 60,
                            self->end_minute / 60, self->end_minute % 60);

  g_string_append_printf (text, " (%s)", g_time_zone_get_identifier (self->time_zone));

  return g_string_free (text, FALSE);
}

/* The Unix time of @minute minutes after the local midnight starting @date. */
static gint64
local_instant (CsCoverageWindow *self,
               const GDate      *date,
               guint             minute)
{
  g_autoptr(GDateTime) time = NULL;
  GDate day = *date;

  g_date_add_days (&day, minute / 1440);
  minute %= 1440;
  time = g_date_time_new (self->time_zone, g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day), minute / 60, minute % 60, 0);
  g_assert (time != NULL);

  return g_date_time_to_unix (time);
}

static void
timeline_init (Timeline *timeline)
{
  timeline->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  timeline->totals = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
timeline_clear (Timeline *timeline)
{
  g_clear_pointer (&timeline->spans, g_array_unref);
  g_clear_pointer (&timeline->totals, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Timeline, timeline_clear)

#define SPAN(timeline, i)  g_array_index ((timeline)->spans, Span, (i))
#define TOTAL(timeline, i) g_array_index ((timeline)->totals, gint64, (i))

/* Adds the span opening on @date, if the window opens that day; returns its length. */
static gint64
timeline_add_day (Timeline         *timeline,
                  CsCoverageWindow *self,
                  const GDate      *date)
{
  Span span;
  guint weekday = g_date_get_weekday (date) - G_DATE_MONDAY;
  guint n_spans = timeline->spans->len;

  if ((self->days & (1u << weekday)) == 0 || cs_coverage_window_is_holiday (self, date))
    return 0;

  span.start = local_instant (self, date, self->start_minute);
  span.end = local_instant (self, date, self->start_minute + self->day_minutes);
  if (span.end <= span.start)
    return 0;

  /* Back-to-back days (a 24-hour window) make one span. */
  if (n_spans > 0 && SPAN (timeline, n_spans - 1).end >= span.start)
    {
      Span *last = &SPAN (timeline, n_spans - 1);
      gint64 added = MAX (span.end, last->end) - last->end;

      last->end = MAX (span.end, last->end);
      TOTAL (timeline, n_spans) += added;
      return added;
    }

  if (n_spans == 0)
    {
      gint64 zero = 0;

      g_array_append_val (timeline->totals, zero);
    }

  g_array_append_val (timeline->spans, span);
  {
    gint64 total = TOTAL (timeline, n_spans) + (span.end - span.start);

    g_array_append_val (timeline->totals, total);
  }

  return span.end - span.start;
}

/*
 * Adds the spans of the days from @first to @last, then of the following days until @needed
 * seconds of open time follow @after (or MAX_SEARCH_DAYS have been looked at).
 */
static void
timeline_build (Timeline         *timeline,
                CsCoverageWindow *self,
                const GDate      *first,
                const GDate      *last,
                gint64            after,
                gint64            needed)
{
  GDate day = *first;
  gint64 open_after = 0;

  for (guint n = 0; n < MAX_SEARCH_DAYS * 2; n++)
    {
      timeline_add_day (timeline, self, &day);

      if (timeline->spans->len > 0)
        {
          const Span *span = &SPAN (timeline, timeline->spans->len - 1);

          if (span->end > after)
            {
              /* Recount the open time after @after over the spans touched by this day. */
              open_after = 0;
              for (guint i = timeline->spans->len; i > 0; i--)
                {
                  const Span *s = &SPAN (timeline, i - 1);

                  if (s->end <= after)
                    break;
                  open_after += s->end - MAX (s->start, after);
                }
            }
        }

      if (g_date_compare (&day, last) >= 0 && open_after >= needed)
        break;

      if (g_date_compare (&day, last) >= 0
          && g_date_days_between (last, &day) > MAX_SEARCH_DAYS)
        break;

      g_date_add_days (&day, 1);
    }
}

/* The first span ending after @t, or the number of spans. */
static guint
find_span (Timeline *timeline,
           gint64    t)
{
  guint lo = 0;
  guint hi = timeline->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (SPAN (timeline, mid).end <= t)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first span k with totals[k + 1] >= @target, or the number of spans. */
static guint
find_total (Timeline *timeline,
            gint64    target)
{
  guint lo = 0;
  guint hi = timeline->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (TOTAL (timeline, mid + 1) < target)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The deadline of a ticket opened at @t with @seconds of business time, or G_MAXINT64. */
static gint64
timeline_accrue (Timeline *timeline,
                 gint64    t,
                 gint64    seconds)
{
  guint i = 0;
  guint k = 0;
  gint64 reached = 0;
  gint64 target = 0;

  if (seconds <= 0)
    return t;

  i = find_span (timeline, t);
  if (i == timeline->spans->len)
    return G_MAXINT64;

  reached = TOTAL (timeline, i) + MAX (0, t - SPAN (timeline, i).start);
  target = reached + seconds;
  k = find_total (timeline, target);
  if (k == timeline->spans->len)
    return G_MAXINT64;

  return SPAN (timeline, k).start + (target - TOTAL (timeline, k));
}

/* Rounds half away from zero, without libm. */
static gint64
round_to_int (double value)
{
  return (gint64) (value < 0 ? value - 0.5 : value + 0.5);
}

static gint64
to_seconds (double minutes)
{
  return (gint64) round_to_int (minutes * 60.0);
}

/**
 * cs_coverage_window_get_deadline:
 * @self: a window
 * @opened: when the ticket was opened
 * @business_minutes: the target, in minutes of business time
 *
 * Returns: (transfer full) (nullable): the deadline in the window's time zone, or %NULL when
 *   the window does not open long enough within ten years
 */
GDateTime *
cs_coverage_window_get_deadline (CsCoverageWindow *self,
                                 GDateTime        *opened,
                                 double            business_minutes)
{
  g_auto(Timeline) timeline = { NULL, NULL };
  g_autoptr(GDateTime) local = NULL;
  gint64 seconds = 0;
  gint64 t = 0;
  gint64 due = 0;
  GDate first;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (opened != NULL, NULL);
  g_return_val_if_fail (isfinite (business_minutes) && business_minutes >= 0, NULL);

  seconds = to_seconds (business_minutes);
  t = g_date_time_to_unix (opened);
  local = g_date_time_to_timezone (opened, self->time_zone);

  /* From the day before: a night window opened then may still be open. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_subtract_days (&first, 1);

  timeline_init (&timeline);
  timeline_build (&timeline, self, &first, &first, t, seconds);

  due = timeline_accrue (&timeline, t, seconds);
  if (due == G_MAXINT64)
    return NULL;

  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (due);

    return g_date_time_to_timezone (utc, self->time_zone);
  }
}

static GDateTime *
instant_new (CsCoverageWindow *self,
             gint64            t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);

  return g_date_time_to_timezone (utc, self->time_zone);
}

/**
 * cs_coverage_window_get_worst_case:
 * @self: a window
 * @business_minutes: the target, in minutes of business time
 * @year: the calendar year whose opening instants are examined (its public holidays and
 *   daylight saving changes count), or 0 for the current year
 * @out_worst: (out caller-allocates): the result; clear it with cs_worst_case_clear()
 *
 * Finds the longest wall-clock time between the opening of a ticket during @year and its
 * deadline, and an opening instant that produces it (the earliest one). A ticket opened
 * while the window is closed starts counting at the next opening.
 *
 * Returns: %TRUE if the window opens at all; otherwise @out_worst holds `INFINITY`
 */
gboolean
cs_coverage_window_get_worst_case (CsCoverageWindow *self,
                                   double            business_minutes,
                                   int               year,
                                   CsWorstCase      *out_worst)
{
  g_auto(Timeline) timeline = { NULL, NULL };
  g_autoptr(GDateTime) year_start_time = NULL;
  g_autoptr(GDateTime) year_end_time = NULL;
  gint64 seconds = 0;
  gint64 year_start = 0;
  gint64 year_end = 0;
  gint64 epsilon = 0;
  gint64 best_wait = -1;
  gint64 best_opened = 0;
  gint64 best_due = 0;
  guint n_spans = 0;
  GDate first;
  GDate last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (isfinite (business_minutes) && business_minutes >= 0, FALSE);
  g_return_val_if_fail (out_worst != NULL, FALSE);

  out_worst->wall_minutes = INFINITY;
  out_worst->opened = NULL;
  out_worst->due = NULL;

  if (year <= 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (self->time_zone);

      year = g_date_time_get_year (now);
    }
  year = CLAMP (year, 1900, 9000);

  seconds = to_seconds (business_minutes);
  epsilon = seconds % 60 == 0 ? 60 : 1;

  year_start_time = g_date_time_new (self->time_zone, year, 1, 1, 0, 0, 0);
  year_end_time = g_date_time_new (self->time_zone, year + 1, 1, 1, 0, 0, 0);
  year_start = g_date_time_to_unix (year_start_time);
  year_end = g_date_time_to_unix (year_end_time);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 31, 12, year - 1);
  g_date_set_dmy (&last, 31, 12, year);

  timeline_init (&timeline);
  timeline_build (&timeline, self, &first, &last, year_end, seconds + 86400);
  n_spans = timeline.spans->len;

  /* Candidates: the start of the year, every closing, and the instant just after the one
   * from which the target ends exactly at each closing. */
  for (guint c = 0; c < 1 + 2 * n_spans; c++)
    {
      gint64 t = 0;
      gint64 due = 0;

      if (c == 0)
        t = year_start;
      else if (c <= n_spans)
        t = SPAN (&timeline, c - 1).end;
      else
        {
          guint k = c - 1 - n_spans;
          gint64 target = TOTAL (&timeline, k + 1) - seconds;
          guint i = 0;

          if (target < 0 || seconds == 0)
            continue;

          i = find_total (&timeline, target + 1);
          if (i == n_spans)
            continue;
          t = SPAN (&timeline, i).start + (target - TOTAL (&timeline, i)) + epsilon;
        }

      if (t < year_start || t >= year_end)
        continue;

      due = timeline_accrue (&timeline, t, seconds);
      if (due == G_MAXINT64)
        continue;

      if (due - t > best_wait || (due - t == best_wait && t < best_opened))
        {
          best_wait = due - t;
          best_opened = t;
          best_due = due;
        }
    }

  if (best_wait < 0)
    {
      out_worst->opened = instant_new (self, year_start);
      return FALSE;
    }

  out_worst->wall_minutes = best_wait / 60.0;
  out_worst->opened = instant_new (self, best_opened);
  out_worst->due = instant_new (self, best_due);

  return TRUE;
}

/**
 * cs_worst_case_clear:
 * @worst: a worst case
 *
 * Frees the instants of @worst.
 */
void
cs_worst_case_clear (CsWorstCase *worst)
{
  g_return_if_fail (worst != NULL);

  g_clear_pointer (&worst->opened, g_date_time_unref);
  g_clear_pointer (&worst->due, g_date_time_unref);
}
