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

/* Written numbers, longest first so that "quatre-vingt-dix" wins over "quatre". */
#define WORDS_RE    "quatre-vingt-dix|soixante-douze|quarante-huit|vingt-quatre|seventy-two|" \
                    "forty-eight|twenty-four|cinquante|quarante|soixante|thirteen|fourteen|" \
                    "eighteen|fifteen|quatorze|eleven|twelve|twenty|thirty|ninety|sixty|" \
                    "fifty|forty|quatre|quinze|trente|treize|three|seven|eight|douze|vingt|" \
                    "trois|four|five|nine|deux|cinq|sept|huit|neuf|onze|one|two|six|ten|" \
                    "une|dix|un"
/* A number: digits, then an optional decimal part with a point or a comma. */
#define NUMBER_RE   "\\d+(?:[.,]\\d+)?"
#define NUMW_RE     NUMBER_RE "|(?:" WORDS_RE ")\\b"
#define RANGE_RE    "(?: ?(?:-|to|a|and|et|or|ou) ?(" NUMW_RE "))?"
/* An amount may also group thousands with spaces, points or commas. */
#define AMOUNT_RE   "\\d{1,3}(?:[ .,]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?"
#define UNIT_RE     "seconds?|secondes?|secs?|minutes?|mins?|mn|hours?|hrs?|heures?|h|" \
                    "days?|jours?|j|weeks?|semaines?|" \
                    "months?|mois|years?|annees?|ans?|quarters?|trimestres?"
#define QUAL_RE     "ouvrees?|ouvres?|ouvrables?|calendaires?|business|working|calendar"
#define CURRENCY_RE "k€|keur|€|eur|euros?|\\$|usd|£|gbp"
#define MONTHS_RE   "january|february|march|april|may|june|july|august|september|october|" \
                    "november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|" \
                    "septembre|octobre|novembre|decembre"
#define PERIOD_RE   "(?:(?:per|par|a|an|each|every|chaque|/) ?(?:calendar |civil )?" \
                    "(month|mois|year|annee|an|week|semaine|day|jour|quarter|trimestre)\\b" \
                    "|\\b(monthly|mensuel\\w*|yearly|annual\\w*|annuel\\w*|weekly|" \
                    "hebdomadaire\\w*|" \
                    "daily|quotidien\\w*|quarterly|trimestriel\\w*)\\b)"

static const char *duration_pattern =
  "(?<![\\w.,:/])(" NUMW_RE ")" RANGE_RE " ?(?:(business|working|calendar) )?(" UNIT_RE ")\\b"
  "(?: ?(" QUAL_RE ")\\b)?";
static const char *percent_pattern = "(?<![\\w.,])(" NUMBER_RE ")" RANGE_RE " ?%";
static const char *amount_pattern =
  "(?:(" CURRENCY_RE ") ?(" AMOUNT_RE ")(?![\\d])|(?<![\\w.,])(" AMOUNT_RE ") ?(" CURRENCY_RE ")"
  "(?![a-z]))";
static const char *date_pattern =
  "(?<![\\d/.-])(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}))(?![\\d/.-])"
  "|\\b(\\d{1,2}|1er) ?(" MONTHS_RE ") (\\d{4})\\b"
  "|\\b(" MONTHS_RE ") (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b";
static const char *count_pattern =
  "(?<![\\w.,:/%-])(\\d+|(?:" WORDS_RE ")\\b)" RANGE_RE " ([a-z][a-z'-]+)";
static const char *period_pattern = PERIOD_RE;

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
      gunichar ch = 0;
      gsize start = p - text;
      gsize stop = 0;
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = 0;

      /* ASCII letters, digits and punctuation need no decomposition: the bulk of a contract */
      if ((guchar) *p < 0x80 && !g_ascii_isspace (*p))
        {
          stop = start + 1;
          g_string_append_c (out, g_ascii_tolower (*p));
          g_array_append_val (starts, start);
          g_array_append_val (ends, stop);
          last_space = FALSE;
          continue;
        }

      ch = fold_punctuation (g_utf8_get_char (p));
      stop = g_utf8_next_char (p) - text;

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
          d = g_unichar_tolower (fold_punctuation (d));
          if (g_unichar_isspace (d))
            d = ' ';
          /* Ligatures do not decompose: "œuvre" must match "oeuvre". */
          if (d == 0x0153 || d == 0x00E6)
            {
              append_char (out, starts, ends, d == 0x0153 ? 'o' : 'a', start, stop);
              d = 'e';
            }
          else if (d == 0x00DF)
            {
              append_char (out, starts, ends, 's', start, stop);
              d = 's';
            }
          append_char (out, starts, ends, d, start, stop);
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
          gsize after = length - i - 1;
          gboolean thousands = grouping && (text + i != last_sep || after == 3);

          if (!thousands)
            g_string_append_c (digits, '.');
        }
    }

  return g_ascii_strtod (digits->str, NULL);
}

/* Reads digits or a written number ("six", "trois", "quatre-vingt-dix"); NaN if empty. */
static double
parse_written (const char *text)
{
  static const struct { const char *word; double value; } words[] = {
    { "un", 1 }, { "une", 1 }, { "one", 1 }, { "two", 2 }, { "deux", 2 }, { "three", 3 },
    { "trois", 3 }, { "four", 4 }, { "quatre", 4 }, { "five", 5 }, { "cinq", 5 }, { "six", 6 },
    { "seven", 7 }, { "sept", 7 }, { "eight", 8 }, { "huit", 8 }, { "nine", 9 }, { "neuf", 9 },
    { "ten", 10 }, { "dix", 10 }, { "eleven", 11 }, { "onze", 11 }, { "twelve", 12 },
    { "douze", 12 }, { "thirteen", 13 }, { "treize", 13 }, { "fourteen", 14 },
    { "quatorze", 14 }, { "fifteen", 15 }, { "quinze", 15 }, { "eighteen", 18 },
    { "twenty", 20 }, { "vingt", 20 }, { "twenty-four", 24 }, { "vingt-quatre", 24 },
    { "thirty", 30 }, { "trente", 30 }, { "forty", 40 }, { "quarante", 40 },
    { "forty-eight", 48 }, { "quarante-huit", 48 }, { "fifty", 50 }, { "cinquante", 50 },
    { "sixty", 60 }, { "soixante", 60 }, { "seventy-two", 72 }, { "soixante-douze", 72 },
    { "ninety", 90 }, { "quatre-vingt-dix", 90 },
  };

  if (text == NULL || *text == '\0')
    return NAN;
  if (g_ascii_isdigit (*text))
    return parse_number (text, strlen (text), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (text, words[i].word))
      return words[i].value;
  return NAN;
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
    case 's':
      return g_str_has_prefix (unit, "sec") ? CS_TIME_UNIT_SECONDS : CS_TIME_UNIT_WEEKS;
    case 'w':
      return CS_TIME_UNIT_WEEKS;
    case 'y':
    case 'a':
      return CS_TIME_UNIT_YEARS;
    case 'q':
    case 't':
      return CS_TIME_UNIT_QUARTERS;
    default:
      return CS_TIME_UNIT_NONE;
    }
}

/* The unit of a period word: "month", "mensuelle", "par an", "daily" … */
static CsTimeUnit
parse_period (const char *word)
{
  if (g_str_has_prefix (word, "mo") || g_str_has_prefix (word, "mensuel"))
    return CS_TIME_UNIT_MONTHS;
  if (g_str_has_prefix (word, "year") || g_str_has_prefix (word, "an"))
    return CS_TIME_UNIT_YEARS;
  if (g_str_has_prefix (word, "week") || g_str_has_prefix (word, "semaine")
      || g_str_has_prefix (word, "hebdo"))
    return CS_TIME_UNIT_WEEKS;
  if (g_str_has_prefix (word, "da") || g_str_has_prefix (word, "jour")
      || g_str_has_prefix (word, "quotidien"))
    return CS_TIME_UNIT_DAYS;
  if (g_str_has_prefix (word, "quarter") || g_str_has_prefix (word, "trimestr"))
    return CS_TIME_UNIT_QUARTERS;
  return CS_TIME_UNIT_NONE;
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

static int
parse_month (const char *name)
{
  static const char * const months[] = {
    "jan", "feb|fev", "mar", "apr|avr", "may|mai", "jun|juin", "jul|juil", "aug|aou",
    "sep", "oct", "nov", "dec",
  };

  for (int m = 0; m < 12; m++)
    {
      g_auto(GStrv) prefixes = g_strsplit (months[m], "|", -1);

      for (guint i = 0; prefixes[i] != NULL; i++)
        if (g_str_has_prefix (name, prefixes[i]))
          return m + 1;
    }
  return 0;
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

/* Group @n of @match, or NULL when it did not take part in the match. */
static char *
fetch_group (GMatchInfo *match,
             int         n)
{
  char *text = g_match_info_fetch (match, n);

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The period a value is given per, read just after it (up to the end of its sentence part or
 * the next number, whose period it would be) or as an adjective just before it ("monthly
 * availability of 99.5 %"). */
static CsTimeUnit
find_period (CsNormalizedText *norm,
             gsize             start,
             gsize             end,
             gsize             after)
{
  static GRegex *period_regex = NULL;
  GRegex *regex = get_regex (&period_regex, period_pattern);
  gsize limit = MIN (norm->length, end + after);
  gsize from = start > 40 ? start - 40 : 0;
  CsTimeUnit period = CS_TIME_UNIT_NONE;

  for (gsize i = end; i < limit; i++)
    if (norm->text[i] == '.' || norm->text[i] == ';' || norm->text[i] == '\n'
        || g_ascii_isdigit (norm->text[i]))
      limit = i;
  for (gsize i = start; i > from; i--)
    if (norm->text[i - 1] == '.' || norm->text[i - 1] == ';')
      {
        from = i;
        break;
      }
  while (limit < norm->length && (norm->text[limit] & 0xC0) == 0x80)
    limit++;
  while (from < start && (norm->text[from] & 0xC0) == 0x80)
    from++;

  for (guint pass = 0; pass < 2 && period == CS_TIME_UNIT_NONE; pass++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      gsize a = pass == 0 ? end : from;
      gsize b = pass == 0 ? limit : start;

      if (g_regex_match_full (regex, norm->text, b, a, 0, &match, NULL))
        {
          g_autofree char *noun = fetch_group (match, 1);
          g_autofree char *adjective = fetch_group (match, 2);

          /* Before the value, only an adjective counts ("per month 4" is not a period). */
          if (pass == 1 && adjective == NULL)
            continue;
          period = parse_period (noun != NULL ? noun : adjective);
        }
    }

  return period;
}

/* Whether [start, end) overlaps one of the first @n_sorted values, which are sorted and do not
 * overlap each other: a binary search keeps extraction linear in the text. */
static gboolean
overlaps (GArray *values,
          guint   n_sorted,
          gsize   start,
          gsize   end)
{
  guint lo = 0, hi = n_sorted;

  /* the first value that starts at or after @end */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (values, CsValue, mid).start < end)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > 0 && g_array_index (values, CsValue, lo - 1).end > start;
}

/* The word just before @pos in the normalised text. */
static gboolean
preceded_by_reference (CsNormalizedText *norm,
                       gsize             pos)
{
  static const char * const words[] = {
    "annex", "annexe", "article", "art", "section", "clause", "schedule", "appendix", "point",
    "level", "niveau", "priority", "priorite", "version", "page", "chapter", "chapitre", "no",
    "n", "p", "tier", "lot", "iso", "step", "etape", "phase", "alinea", "paragraph",
    "paragraphe", NULL
  };
  gsize end = pos;
  gsize start = 0;

  while (end > 0 && (norm->text[end - 1] == ' ' || norm->text[end - 1] == '.'))
    end--;
  start = end;
  while (start > 0 && g_ascii_isalpha (norm->text[start - 1]))
    start--;
  if (start == end)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (strlen (words[i]) == end - start
        && strncmp (norm->text + start, words[i], end - start) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_unit_word (const char *word)
{
  static GRegex *unit_regex = NULL;
  GRegex *regex = get_regex (&unit_regex,
                             "^(?:" UNIT_RE "|" QUAL_RE "|" CURRENCY_RE "|" MONTHS_RE "|percent|"
                             "pour|per|par|x|fois|times|et|and|ou|or|a|to|de|of|the|le|la|les)$");

  return g_regex_match (regex, word, 0, NULL);
}

static gboolean
read_duration (GMatchInfo *match,
               CsValue    *value)
{
  g_autofree char *number = fetch_group (match, 1);
  g_autofree char *upper = fetch_group (match, 2);
  g_autofree char *pre = fetch_group (match, 3);
  g_autofree char *unit = fetch_group (match, 4);
  g_autofree char *post = fetch_group (match, 5);

  value->value = parse_written (number);
  value->max = upper != NULL ? parse_written (upper) : value->value;
  value->unit = parse_unit (unit);
  value->clock = parse_clock (pre != NULL ? pre : post);
  /* "a" alone is the French preposition, "an" alone needs a number: "1 an", not "un an" */
  return !isnan (value->value) && value->unit != CS_TIME_UNIT_NONE;
}

static gboolean
read_date (GMatchInfo *match,
           CsValue    *value)
{
  int year = 0, month = 0, day = 0;

  for (int g = 1; g <= 12; g++)
    {
      g_autofree char *part = fetch_group (match, g);

      if (part == NULL)
        continue;
      switch (g)
        {
        case 1: case 6: case 9: case 12:
          year = atoi (part);
          break;
        case 2: case 5:
          month = atoi (part);
          break;
        case 8: case 10:
          month = parse_month (part);
          break;
        case 3: case 4: case 7: case 11:
          day = atoi (part);
          break;
        default:
          break;
        }
    }

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  value->value = year * 10000 + month * 100 + day;
  value->max = value->value;
  return TRUE;
}

static gboolean
read_count (CsNormalizedText *norm,
            GMatchInfo       *match,
            int               start,
            CsValue          *value)
{
  g_autofree char *number = fetch_group (match, 1);
  g_autofree char *upper = fetch_group (match, 2);
  g_autofree char *noun = fetch_group (match, 3);

  value->value = parse_written (number);
  value->max = upper != NULL ? parse_written (upper) : value->value;
  if (isnan (value->value) || isnan (value->max) || is_unit_word (noun)
      || preceded_by_reference (norm, start))
    return FALSE;
  /* "un serveur", "one of" are articles more often than counts; years are not counts */
  if (!g_ascii_isdigit (number[0]) && value->value < 2)
    return FALSE;
  if (g_ascii_isdigit (number[0]) && strlen (number) == 4 && value->value >= 1900
      && value->value <= 2100)
    return FALSE;
  return TRUE;
}

static void
read_amount (GMatchInfo *match,
             CsValue    *value)
{
  g_autofree char *symbol = fetch_group (match, 1);
  g_autofree char *number = NULL;
  g_autofree char *suffix = NULL;
  gboolean kilo = FALSE;

  if (symbol != NULL)
    number = g_match_info_fetch (match, 2);
  else
    {
      number = g_match_info_fetch (match, 3);
      suffix = g_match_info_fetch (match, 4);
      kilo = suffix[0] == 'k';
      symbol = g_strdup (kilo ? suffix + 1 : suffix);
    }
  value->value = parse_number (number, strlen (number), TRUE) * (kilo ? 1000 : 1);
  value->max = value->value;
  set_currency (value, symbol);
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const CsValue *va = a;
  const CsValue *vb = b;

  return (va->start > vb->start) - (va->start < vb->start);
}

static void
collect (CsNormalizedText *norm,
         GRegex           *regex,
         CsValueKind       kind,
         GArray           *values)
{
  g_autoptr(GMatchInfo) match = NULL;
  guint n_sorted = values->len;

  g_regex_match (regex, norm->text, 0, &match);
  while (g_match_info_matches (match))
    {
      CsValue value = { .kind = kind, .value = NAN, .max = NAN };
      int start = 0, end = 0;
      gboolean ok = TRUE;

      g_match_info_fetch_pos (match, 0, &start, &end);

      if (kind == CS_VALUE_DURATION)
        ok = read_duration (match, &value);
      else if (kind == CS_VALUE_PERCENT)
        {
          g_autofree char *number = fetch_group (match, 1);
          g_autofree char *upper = fetch_group (match, 2);

          value.value = parse_number (number, strlen (number), FALSE);
          value.max = upper != NULL ? parse_written (upper) : value.value;
          ok = !isnan (value.max);
        }
      else if (kind == CS_VALUE_AMOUNT)
        read_amount (match, &value);
      else if (kind == CS_VALUE_DATE)
        ok = read_date (match, &value);
      else
        ok = read_count (norm, match, start, &value);

      /* A later kind never claims the words of an earlier one ("4 hours" is not a count). */
      if (ok && overlaps (values, n_sorted, start, end))
        ok = FALSE;

      if (ok)
        {
          if (kind != CS_VALUE_DATE)
            value.period = find_period (norm, start, end, kind == CS_VALUE_DURATION ? 24 : 60);
          /* Offsets stay in the normalised text until the caller maps them back. */
          value.start = start;
          value.end = end;
          g_array_append_val (values, value);
        }
      g_match_info_next (match, NULL);
    }

  g_array_sort (values, compare_values);
}

/**
 * cs_values_extract_normalized:
 * @norm: a normalised text
 * @values: (element-type CsValue): an array to append the values to
 *
 * Finds the typed values of @norm (see cs_values_extract()) and appends them to @values in text
 * order, with offsets in the original text. The linter calls this once for a whole text.
 */
void
cs_values_extract_normalized (CsNormalizedText *norm,
                              GArray           *values)
{
  static GRegex *date_regex = NULL;
  static GRegex *duration_regex = NULL;
  static GRegex *percent_regex = NULL;
  static GRegex *amount_regex = NULL;
  static GRegex *count_regex = NULL;
  g_autoptr(GArray) found = NULL;

  g_return_if_fail (norm != NULL);
  g_return_if_fail (values != NULL);

  found = g_array_new (FALSE, FALSE, sizeof (CsValue));
  collect (norm, get_regex (&date_regex, date_pattern), CS_VALUE_DATE, found);
  collect (norm, get_regex (&duration_regex, duration_pattern), CS_VALUE_DURATION, found);
  collect (norm, get_regex (&percent_regex, percent_pattern), CS_VALUE_PERCENT, found);
  collect (norm, get_regex (&amount_regex, amount_pattern), CS_VALUE_AMOUNT, found);
  collect (norm, get_regex (&count_regex, count_pattern), CS_VALUE_COUNT, found);

  for (guint i = 0; i < found->len; i++)
    {
      CsValue *v = &g_array_index (found, CsValue, i);
      gsize start = v->start, end = v->end;

      cs_normalized_text_map_range (norm, start, end, &v->start, &v->end);
      g_array_append_val (values, *v);
    }
}

/**
 * cs_values_extract:
 * @text: valid UTF-8 text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Finds the typed values of @text, in English and French: durations with their unit and clock
 * ("4 heures ouvrées", "2 business days", "six months", "trois jours ouvrés"), percentages,
 * currency amounts, counts ("3 servers") and dates ("1 March 2026", "01/03/2026"); ranges
 * ("2 to 4 hours") give a lower and an upper bound, and a period ("per month", "par an",
 * "monthly") is attached to the value it follows.
 *
 * Returns: (transfer full) (element-type CsValue): the values, in text order
 */
GArray *
cs_values_extract (const char *text,
                   gssize      length)
{
  g_autoptr(CsNormalizedText) norm = NULL;
  GArray *values = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  values = g_array_new (FALSE, FALSE, sizeof (CsValue));
  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate (text, length, NULL))
    return values;

  norm = cs_normalized_text_new (text, length);
  cs_values_extract_normalized (norm, values);

  return values;
}

/**
 * cs_value_to_hours:
 * @value: a duration
 *
 * Converts a duration to hours of its own clock: business days and calendar days both count
 * as 24 hours, a month as 730 hours, a quarter as 2190, a year as 8760. Good for ordering and
 * thresholds within one offer, not for wall-clock comparisons across coverage windows.
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
    case CS_TIME_UNIT_SECONDS:
      return value->value / 3600.0;
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
    case CS_TIME_UNIT_YEARS:
      return value->value * 8760.0;
    case CS_TIME_UNIT_QUARTERS:
      return value->value * 2190.0;
    case CS_TIME_UNIT_NONE:
    default:
      return NAN;
    }
}

/**
 * cs_value_kind_to_string:
 * @kind: a value kind
 *
 * Returns: the stable name of @kind for machine-readable output: "duration", "percent",
 *   "amount", "count" or "date"
 */
const char *
cs_value_kind_to_string (CsValueKind kind)
{
  static const char * const names[] = { "duration", "percent", "amount", "count", "date" };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

/**
 * cs_time_unit_to_string:
 * @unit: a time unit
 *
 * Returns: the stable name of @unit: "none", "minutes", "hours", "days", "weeks", "months",
 *   "years", "quarters" or "seconds"
 */
const char *
cs_time_unit_to_string (CsTimeUnit unit)
{
  static const char * const names[] = {
    "none", "minutes", "hours", "days", "weeks", "months", "years", "quarters", "seconds"
  };

  g_return_val_if_fail ((guint) unit < G_N_ELEMENTS (names), NULL);
  return names[unit];
}

/**
 * cs_clock_to_string:
 * @clock: a clock
 *
 * Returns: the stable name of @clock: "unspecified", "business" or "calendar"
 */
const char *
cs_clock_to_string (CsClock clock)
{
  static const char * const names[] = { "unspecified", "business", "calendar" };

  g_return_val_if_fail ((guint) clock < G_N_ELEMENTS (names), NULL);
  return names[clock];
}

/**
 * cs_value_describe:
 * @value: a value
 *
 * Describes @value in a stable, language-neutral notation for listings and machine-readable
 * output: "duration 4 hours business", "percent 99.5 per months", "amount 650 EUR per days",
 * "count 2-4", "date 2026-03-01".
 *
 * Returns: (transfer full): the description
 */
char *
cs_value_describe (const CsValue *value)
{
  GString *out = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (value != NULL, NULL);

  out = g_string_new (cs_value_kind_to_string (value->kind));
  if (value->kind == CS_VALUE_DATE)
    {
      int ymd = (int) value->value;

      g_string_append_printf (out, " %04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, " %s", g_ascii_formatd (number, sizeof number, "%g", value->value));
  if (!isnan (value->max) && value->max != value->value)
    g_string_append_printf (out, "-%s", g_ascii_formatd (number, sizeof number, "%g", value->max));
  if (value->kind == CS_VALUE_DURATION)
    {
      g_string_append_printf (out, " %s", cs_time_unit_to_string (value->unit));
      if (value->clock != CS_CLOCK_UNSPECIFIED)
        g_string_append_printf (out, " %s", cs_clock_to_string (value->clock));
    }
  else if (value->kind == CS_VALUE_PERCENT)
    g_string_append (out, " %");
  else if (value->kind == CS_VALUE_AMOUNT)
    g_string_append_printf (out, " %s", value->currency);
  if (value->period != CS_TIME_UNIT_NONE)
    g_string_append_printf (out, " per %s", cs_time_unit_to_string (value->period));

  return g_string_free (out, FALSE);
}
