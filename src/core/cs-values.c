/* cs-values.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-values"

#include "config.h"

#include "cs-values.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * Typed values in contract wording, and the text normalisation the clause linter matches on.
 *
 * Matching happens on a normalised copy of the text (NFKD, combining marks removed, lowercase,
 * one space for any run of white space), so that "Délais", "DELAIS" and "délais" are the same
 * word and a non-breaking space before "%" is a space. Each byte of the copy remembers the
 * original character it came from, so matches map back to offsets in the text as written.
 */

/* A number: digits, then an optional decimal part with a point or a comma. */
#define NUMBER_RE   "\\d+(?:[.,]\\d+)?"
/* An amount may also group thousands with spaces, points or commas. */
#define AMOUNT_RE   "\\d{1,3}(?:[ .,]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?"
#define UNIT_RE     "minutes?|mins?|mn|hours?|hrs?|heures?|h|days?|jours?|j|weeks?|semaines?|" \
                    "months?|mois"
#define QUAL_RE     "ouvrees?|ouvres?|ouvrables?|calendaires?|business|working|calendar"
#define CURRENCY_RE "k€|keur|€|eur|euros?|\\$|usd|£|gbp"

static const char *duration_pattern =
  "(?<![\\d.,])(" NUMBER_RE ") ?(?:(business|working|calendar) )?(" UNIT_RE ")\\b"
  "(?: ?(" QUAL_RE ")\\b)?";
static const char *percent_pattern = "(?<![\\d.,])(" NUMBER_RE ") ?%";
static const char *amount_pattern =
  "(?:(" CURRENCY_RE ") ?(" AMOUNT_RE ")(?![\\d])|(?<![\\d.,])(" AMOUNT_RE ") ?(" CURRENCY_RE ")"
  "(?![a-z]))";

static void
append_char (GString *out,
             GArray  *starts,
             GArray  *ends,
             gunichar ch,
             gsize    start,
             gsize    end)
{
  char buf[8];
  int n = g_unichar_to_utf8 (ch, buf);

  g_string_append_len (out, buf, n);
  for (int i = 0; i < n; i++)
    {
      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
    }
}

static gunichar
fold_punctuation (gunichar ch)
{
  switch (ch)
    {
    case 0x2018: case 0x2019: case 0x02BC: case 0x2032:
      return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
      return '-';
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D:
      return '"';
    default:
      return ch;
    }
}

/**
 * cs_normalized_text_new:
 * @text: valid UTF-8 text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Prepares @text for matching (see #CsNormalizedText).
 *
 * Returns: (transfer full): the normalised text
 */
CsNormalizedText *
cs_normalized_text_new (const char *text,
                        gssize      length)
{
  CsNormalizedText *self = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) ends = NULL;
  const char *p = NULL;
  const char *end = NULL;
  gboolean last_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  g_return_val_if_fail (g_utf8_validate (text, length, NULL), NULL);

  out = g_string_sized_new (length + 1);
  starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), length + 1);
  ends = g_array_sized_new (FALSE, FALSE, sizeof (gsize), length + 1);

  end = text + length;
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar ch = fold_punctuation (g_utf8_get_char (p));
      gsize start = p - text;
      gsize stop = g_utf8_next_char (p) - text;
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = 0;

      if (g_unichar_isspace (ch) || ch == 0x00A0 || ch == 0x202F)
        {
          if (last_space)
            g_array_index (ends, gsize, ends->len - 1) = stop;
          else
            append_char (out, starts, ends, ' ', start, stop);
          last_space = TRUE;
          continue;
        }

      last_space = FALSE;
      n = g_unichar_fully_decompose (ch, TRUE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        {
          gunichar d = decomposed[i];

          if (g_unichar_type (d) == G_UNICODE_NON_SPACING_MARK)
            continue;
          d = fold_punctuation (d);
          if (g_unichar_isspace (d))
            d = ' ';
          append_char (out, starts, ends, g_unichar_tolower (d), start, stop);
        }
    }

  self = g_new0 (CsNormalizedText, 1);
  self->length = out->len;
  self->text = g_string_free (g_steal_pointer (&out), FALSE);
  self->starts = (gsize *) (void *) g_array_free (g_steal_pointer (&starts), FALSE);
  self->ends = (gsize *) (void *) g_array_free (g_steal_pointer (&ends), FALSE);
  self->original_length = length;

  return self;
}

/**
 * cs_normalized_text_free:
 * @self: (nullable): a normalised text
 *
 * Frees @self.
 */
void
cs_normalized_text_free (CsNormalizedText *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->starts);
  g_free (self->ends);
  g_free (self);
}

/**
 * cs_normalized_text_map_range:
 * @self: a normalised text
 * @start: a byte offset into the normalised text
 * @end: a byte offset into the normalised text, not before @start
 * @out_start: (out): the matching offset in the original text
 * @out_end: (out): the matching end offset in the original text
 *
 * Maps a range of the normalised text back to the original text: the range covers every
 * original character that contributed to it.
 */
void
cs_normalized_text_map_range (CsNormalizedText *self,
                              gsize             start,
                              gsize             end,
                              gsize            *out_start,
                              gsize            *out_end)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (start <= end && end <= self->length);

  *out_start = start < self->length ? self->starts[start] : self->original_length;
  if (end == start)
    *out_end = *out_start;
  else
    *out_end = self->ends[end - 1];
}

/* Parses "1 500,50", "1,500.50", "99,5" or "4". With @grouping, a separator followed by exactly
 * three digits groups thousands; without it, it is a decimal separator. */
static double
parse_number (const char *text,
              gsize       length,
              gboolean    grouping)
{
  g_autoptr(GString) digits = g_string_sized_new (length + 1);
  const char *last_sep = NULL;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '.' || text[i] == ',')
      last_sep = text + i;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (g_ascii_isdigit (c))
        g_string_append_c (digits, c);
      else if (c == '.' || c == ',')
        {
          gsize after = length - (text + i - text) - 1;
          gboolean thousands = grouping && (text + i != last_sep || after == 3);

          if (!thousands)
            g_string_append_c (digits, '.');
        }
    }

  return g_ascii_strtod (digits->str, NULL);
}

static CsTimeUnit
parse_unit (const char *unit)
{
  switch (unit[0])
    {
    case 'm':
      return g_str_has_prefix (unit, "mo") ? CS_TIME_UNIT_MONTHS : CS_TIME_UNIT_MINUTES;
    case 'h':
      return CS_TIME_UNIT_HOURS;
    case 'd':
    case 'j':
      return CS_TIME_UNIT_DAYS;
    case 'w':
    case 's':
      return CS_TIME_UNIT_WEEKS;
    default:
      return CS_TIME_UNIT_NONE;
    }
}

static CsClock
parse_clock (const char *qualifier)
{
  if (qualifier == NULL || *qualifier == '\0')
    return CS_CLOCK_UNSPECIFIED;
  if (g_str_has_prefix (qualifier, "cal"))
    return CS_CLOCK_CALENDAR;
  return CS_CLOCK_BUSINESS;
}

static void
set_currency (CsValue    *value,
              const char *symbol)
{
  const char *code = "EUR";

  if (g_str_equal (symbol, "$") || g_str_equal (symbol, "usd"))
    code = "USD";
  else if (g_str_equal (symbol, "£") || g_str_equal (symbol, "gbp"))
    code = "GBP";
  g_strlcpy (value->currency, code, sizeof value->currency);
}

static GRegex *
get_regex (GRegex    **cache,
           const char *pattern)
{
  if (g_once_init_enter (cache))
    {
      g_autoptr(GError) error = NULL;
      GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

      g_assert_no_error (error);
      g_once_init_leave (cache, regex);
    }

  return *cache;
}

static void
collect (CsNormalizedText *norm,
         GRegex           *regex,
         CsValueKind       kind,
         GArray           *values)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, norm->text, 0, &match);
  while (g_match_info_matches (match))
    {
      CsValue value = { .kind = kind, .value = NAN };
      int start = 0, end = 0;
      g_autofree char *number = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      cs_normalized_text_map_range (norm, start, end, &value.start, &value.end);

      if (kind == CS_VALUE_DURATION)
        {
          g_autofree char *pre = g_match_info_fetch (match, 2);
          g_autofree char *unit = g_match_info_fetch (match, 3);
          g_autofree char *post = g_match_info_fetch (match, 4);

          number = g_match_info_fetch (match, 1);
          value.value = parse_number (number, strlen (number), FALSE);
          value.unit = parse_unit (unit);
          value.clock = parse_clock (pre != NULL && *pre != '\0' ? pre : post);
        }
      else if (kind == CS_VALUE_PERCENT)
        {
          number = g_match_info_fetch (match, 1);
          value.value = parse_number (number, strlen (number), FALSE);
        }
      else
        {
          g_autofree char *symbol = g_match_info_fetch (match, 1);
          g_autofree char *suffix = NULL;
          gboolean kilo = FALSE;

          if (symbol != NULL && *symbol != '\0')
            number = g_match_info_fetch (match, 2);
          else
            {
              g_clear_pointer (&symbol, g_free);
              number = g_match_info_fetch (match, 3);
              suffix = g_match_info_fetch (match, 4);
              kilo = suffix[0] == 'k';
              symbol = g_strdup (kilo ? suffix + 1 : suffix);
            }
          value.value = parse_number (number, strlen (number), TRUE) * (kilo ? 1000 : 1);
          set_currency (&value, symbol);
        }

      g_array_append_val (values, value);
      g_match_info_next (match, NULL);
    }
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const CsValue *va = a;
  const CsValue *vb = b;

  return (va->start > vb->start) - (va->start < vb->start);
}

/**
 * cs_values_extract:
 * @text: valid UTF-8 text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Finds the typed values of @text: durations with their unit and clock ("4 heures ouvrées",
 * "2 business days"), percentages and currency amounts, in English and French.
 *
 * Returns: (transfer full) (element-type CsValue): the values, in text order
 */
GArray *
cs_values_extract (const char *text,
                   gssize      length)
{
  static GRegex *duration_regex = NULL;
  static GRegex *percent_regex = NULL;
  static GRegex *amount_regex = NULL;
  g_autoptr(CsNormalizedText) norm = NULL;
  GArray *values = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  values = g_array_new (FALSE, FALSE, sizeof (CsValue));
  norm = cs_normalized_text_new (text, length);
  if (norm == NULL)
    return values;

  collect (norm, get_regex (&duration_regex, duration_pattern), CS_VALUE_DURATION, values);
  collect (norm, get_regex (&percent_regex, percent_pattern), CS_VALUE_PERCENT, values);
  collect (norm, get_regex (&amount_regex, amount_pattern), CS_VALUE_AMOUNT, values);
  g_array_sort (values, compare_values);

  return values;
}

/**
 * cs_value_to_hours:
 * @value: a duration
 *
 * Converts a duration to hours of its own clock: business days and calendar days both count
 * as 24 hours, a month as 730 hours. Good for ordering and thresholds within one offer, not
 * for wall-clock comparisons across coverage windows.
 *
 * Returns: the duration in hours, or NaN if @value is not a duration
 */
double
cs_value_to_hours (const CsValue *value)
{
  g_return_val_if_fail (value != NULL, NAN);

  if (value->kind != CS_VALUE_DURATION)
    return NAN;

  switch (value->unit)
    {
    case CS_TIME_UNIT_MINUTES:
      return value->value / 60.0;
    case CS_TIME_UNIT_HOURS:
      return value->value;
    case CS_TIME_UNIT_DAYS:
      return value->value * 24.0;
    case CS_TIME_UNIT_WEEKS:
      return value->value * 168.0;
    case CS_TIME_UNIT_MONTHS:
      return value->value * 730.0;
    case CS_TIME_UNIT_NONE:
    default:
      return NAN;
    }
}
