/* cs-clauses.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-clauses"

#include "config.h"

#include "cs-clauses.h"

#include <string.h>

/*
 * Splitting contract text into clauses and sentences, in one pass over the bytes.
 *
 * Boundaries: a blank line (paragraph); a line break before a list item ("-", "•", "1.", "a)",
 * "(ii)", "5.2"), before a heading ("Article 5", "Annexe 2") or after a line that ends a
 * sentence, a heading or a short title; a sentence end (".", "!", "?") followed by a capital, a
 * digit or a list marker, unless the word before the point is an English or French abbreviation
 * ("e.g.", "art.", "cf.", "M.", "no.") or the number of a list item. A line break inside a
 * sentence (wrapped text) is not a boundary.
 */

typedef struct
{
  const char *text;
  gsize       length;
  GArray     *clauses;
  gssize      start;      /* -1: no clause open */
  guint       start_line;
} Splitter;

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static gboolean starts_heading (const char *p,
                                const char *end);

/* A title line: short, on one line, not ending a sentence, and starting with an article word
 * or a section number ("Article 4 - Sauvegardes", "5.2 Backup"). */
static gboolean
is_heading (const char *text,
            gsize       start,
            gsize       end)
{
  const char *p = text + start;
  char last = text[end - 1];

  if (end - start > 80 || memchr (p, '\n', end - start) != NULL
      || strchr (".;:!?,", last) != NULL)
    return FALSE;
  if (starts_heading (p, text + end))
    return TRUE;
  /* a section number with a point inside: "5.2 Backup", not the list item "1) servers" */
  while (p < text + end && g_ascii_isdigit (*p))
    p++;
  return p > text + start && p + 1 < text + end && *p == '.' && g_ascii_isdigit (p[1]);
}

static void
emit (Splitter *s,
      gsize     end)
{
  CsClauseSpan clause = { 0 };

  if (s->start < 0)
    return;

  while (end > (gsize) s->start && (is_blank (s->text[end - 1]) || s->text[end - 1] == '\n'))
    end--;
  if (end > (gsize) s->start)
    {
      clause.start = s->start;
      clause.end = end;
      clause.line = s->start_line;
      clause.heading = is_heading (s->text, clause.start, clause.end);
      g_array_append_val (s->clauses, clause);
    }
  s->start = -1;
}

/* Length of a list marker at @p ("- ", "• ", "1. ", "1) ", "a) ", "(ii) ", "5.2 "), or 0. */
static gsize
list_marker_length (const char *p,
                    const char *end)
{
  const char *q = p;
  gunichar ch = 0;

  if (p >= end)
    return 0;

  ch = g_utf8_get_char (p);
  if (ch == '-' || ch == '*' || ch == 0x2022 || ch == 0x2013 || ch == 0x2014 || ch == 0x00B7
      || ch == 0x25AA || ch == 0x25CF || ch == 0x2023)
    {
      q = g_utf8_next_char (p);
      return q < end && is_blank (*q) ? (gsize) (q - p + 1) : 0;
    }

  if (*q == '(')
    {
      q++;
      while (q < end && g_ascii_isalnum (*q) && q - p < 6)
        q++;
      if (q < end && *q == ')' && q > p + 1)
        return q + 1 < end && is_blank (q[1]) ? (gsize) (q - p + 2) : 0;
      return 0;
    }

  if (g_ascii_isdigit (*q))
    {
      while (q < end
             && (g_ascii_isdigit (*q) || (*q == '.' && q + 1 < end && g_ascii_isdigit (q[1]))))
        q++;
      if (q < end && (*q == '.' || *q == ')'))
        q++;
      else if (q - p < 3 || memchr (p, '.', q - p) == NULL)
        return 0; /* "15 minutes" is not a list item; "5.2 Backup" is */
      return q < end && is_blank (*q) ? (gsize) (q - p + 1) : 0;
    }

  if (g_ascii_isalpha (*q))
    {
      while (q < end && q - p < 5 && g_ascii_isalpha (*q))
        q++;
      if (q < end && *q == ')' && q + 1 < end && is_blank (q[1]))
        return q - p + 2;
      /* "a. " as a list item, but only one letter: "Art. " is an abbreviation */
      if (q == p + 1 && q < end && *q == '.' && q + 1 < end && is_blank (q[1]))
        return 3;
    }

  return 0;
}

static gboolean
starts_heading (const char *p,
                const char *end)
{
  static const char * const words[] = {
    "article", "art.", "section", "clause", "chapitre", "chapter", "annexe", "annex", "titre",
    "title", "schedule", "appendix", NULL
  };

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);

      if ((gsize) (end - p) > n + 1 && g_ascii_strncasecmp (p, words[i], n) == 0
          && is_blank (p[n]) && (g_ascii_isdigit (p[n + 1]) || strchr ("IVXivx", p[n + 1])))
        return TRUE;
    }
  return FALSE;
}

static gboolean
starts_upper (const char *p,
              const char *end)
{
  gunichar ch = 0;

  if (p >= end)
    return FALSE;
  ch = g_utf8_get_char (p);
  return g_unichar_isupper (ch) || g_unichar_isdigit (ch) || ch == '"' || ch == 0x00AB
         || ch == 0x201C || ch == '(' || ch == '[';
}

/* Whether the '.' at @dot ends an abbreviation ("e.g.", "art.", "M.", "no.") or the number of
 * a list item at the start of the clause ("1."). */
static gboolean
is_abbreviation (Splitter *s,
                 gsize     dot)
{
  static const char * const words[] = {
    "art", "arts", "cf", "no", "nos", "nr", "vs", "approx", "incl", "excl", "min", "max", "mr",
    "mrs", "ms", "dr", "st", "co", "inc", "ltd", "jr", "sr", "fig", "p", "pp", "vol", "ch",
    "chap", "sect", "para", "al", "m", "mm", "mme", "mmes", "mlle", "me", "ex", "env", "av",
    "tel", "cie", "ste", "resp", "ref", "corp", "dept", "esp", "sq", "ibid", "op", "viz", "resp",
    "hr", "mn", "nb", "ca", "c", "v", NULL
  };
  gsize end = dot;
  gsize start = dot;
  g_autofree char *word = NULL;

  while (start > 0 && !is_blank (s->text[start - 1]) && s->text[start - 1] != '\n'
         && s->text[start - 1] != '(')
    start--;
  if (start == end)
    return FALSE;

  /* "e.g", "i.e", "a.m": a point inside the word */
  if (memchr (s->text + start, '.', end - start) != NULL)
    return TRUE;

  /* a list number "1." or "iv." at the start of the clause */
  if (s->start >= 0 && start == (gsize) s->start)
    {
      gboolean digits = TRUE;

      for (gsize i = start; i < end; i++)
        digits = digits && (g_ascii_isdigit (s->text[i]) || strchr ("ivxIVX", s->text[i]) != NULL);
      if (digits)
        return TRUE;
    }

  /* an initial: "J. Martin" */
  if (end - start == 1 && g_ascii_isupper (s->text[start]))
    return TRUE;

  word = g_utf8_strdown (s->text + start, end - start);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (word, words[i]))
      return TRUE;
  /* French accents: "réf", "sté" */
  return g_str_equal (word, "réf") || g_str_equal (word, "sté");
}

/* The last character before @pos that is not white space, or 0. */
static char
last_char_before (Splitter *s,
                  gsize     pos)
{
  while (pos > (gsize) s->start && (is_blank (s->text[pos - 1]) || s->text[pos - 1] == '\n'))
    pos--;
  return pos > (gsize) s->start ? s->text[pos - 1] : 0;
}

/* A line break at @nl: is the next line a new clause? */
static gboolean
line_break_is_boundary (Splitter *s,
                        gsize     nl,
                        gsize     next,
                        gsize     line_start,
                        gboolean  blank_line)
{
  const char *end = s->text + s->length;
  const char *p = s->text + next;
  char last = 0;

  if (blank_line || next >= s->length || s->start < 0)
    return TRUE;
  if (list_marker_length (p, end) > 0 || starts_heading (p, end))
    return TRUE;

  /* the clause is a heading line: "Article 5 – Sauvegardes" */
  if (starts_heading (s->text + s->start, end) && line_start <= (gsize) s->start)
    return TRUE;

  last = last_char_before (s, nl);
  if (last == '.' || last == ':' || last == ';' || last == '!' || last == '?')
    return TRUE;

  /* a short title line followed by a capitalised sentence */
  if (nl - line_start < 60 && starts_upper (p, end) && last != ',')
    return TRUE;

  return FALSE;
}

/**
 * cs_clauses_split:
 * @text: valid UTF-8 text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 * @flags: how to split
 *
 * Splits @text into clauses and sentences (see #CsClauseSplitFlags), in one pass. Numbered
 * articles, paragraphs and list items start new clauses; sentences end at ".", "!" or "?"
 * followed by a capital, except after English and French abbreviations ("e.g.", "i.e.", "art.",
 * "cf.", "M.", "no.").
 *
 * Returns: (transfer full) (element-type CsClauseSpan): the clauses in text order, white space
 *   trimmed, empty ones left out
 */
GArray *
cs_clauses_split (const char         *text,
                  gssize              length,
                  CsClauseSplitFlags  flags)
{
  Splitter s = { 0 };
  guint line = 1;
  gsize line_start = 0;
  gsize i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  s.text = text;
  s.length = length;
  s.clauses = g_array_new (FALSE, FALSE, sizeof (CsClauseSpan));
  s.start = -1;

  while (i < (gsize) length)
    {
      char c = text[i];

      if (c == '\n')
        {
          gsize next = i + 1;
          gboolean blank_line = FALSE;
          guint next_line = line + 1;

          if (flags & CS_CLAUSE_SPLIT_LINES)
            {
              emit (&s, i);
              line++;
              line_start = ++i;
              continue;
            }

          while (next < (gsize) length && (is_blank (text[next]) || text[next] == '\n'))
            {
              if (text[next] == '\n')
                {
                  blank_line = TRUE;
                  next_line++;
                }
              next++;
            }

          if (line_break_is_boundary (&s, i, next, line_start, blank_line))
            emit (&s, i);

          /* line_start is the start of the line that holds @next */
          line = next_line;
          line_start = next;
          while (line_start > 0 && text[line_start - 1] != '\n')
            line_start--;
          i = next;
          continue;
        }

      if (is_blank (c))
        {
          i++;
          continue;
        }

      if (s.start < 0)
        {
          s.start = i;
          s.start_line = line;
        }

      if ((c == '.' || c == '!' || c == '?') && !(flags & CS_CLAUSE_SPLIT_LINES))
        {
          gsize next = i + 1;

          /* "...", ".)" and closing quotes stay with the sentence */
          while (next < (gsize) length && strchr (".!?)\"'", text[next]) != NULL)
            next++;
          if (next < (gsize) length && is_blank (text[next]))
            {
              gsize after = next;

              while (after < (gsize) length && is_blank (text[after]))
                after++;
              if (after < (gsize) length && text[after] != '\n'
                  && (starts_upper (text + after, text + length)
                      || list_marker_length (text + after, text + length) > 0)
                  && (c != '.' || !is_abbreviation (&s, i)))
                {
                  emit (&s, next);
                  i = after;
                  continue;
                }
            }
        }

      i++;
    }

  emit (&s, length);

  return g_steal_pointer (&s.clauses);
}
