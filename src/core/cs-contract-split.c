/* cs-contract-split.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-contract"

#include "config.h"

#include "cs-contract-private.h"

#include <string.h>

/*
 * Splitting a contract's lines into clauses along its own structure.
 *
 * Page furniture first: a line among the first or last three of a page that repeats (digits
 * aside) on at least half the pages is a running header or footer, and a line there made of a
 * page number ("3", "- 3 -", "Page 3 of 7", "3/7") is a page number; both go.
 *
 * Then lines become blocks: a new block starts at a paragraph of its own (ODT, DOCX, blank lines
 * in text), at a heading, or at a numbered or lettered item; other lines continue the block, a
 * hyphen at a line end between two letters removed ("responsi-" + "bility").
 *
 * Headings: "Article 6", "Art. 6", "Annex 2", "Annexe 2", "Schedule 1", "Appendix A", a short
 * line "6. Title" or in capitals, or a paragraph of a heading style. Items: "6.3", "6.3.1" (the
 * first number that of the current article), "1." inside an annex, "a)" or "(a)". A block after
 * a heading is that heading's clause; a plain block after an item continues the item.
 * References: "Art. 6.3", "Art. 6.3 a)", "Annex 2 §1", "Art. 6".
 */

#define HEADING_MAX_CHARS 90
#define SECTION_MAX_CHARS 50   /* "6. Exit and reversibility": short, unlike a wrapped item */

typedef enum {
  MARK_NONE,
  MARK_ARTICLE,    /* number: the article number */
  MARK_ANNEX,      /* number: "2", "A"; word: "Annex" */
  MARK_SECTION,    /* a short "6. Title" line */
  MARK_TITLE,      /* a heading without number */
  MARK_ITEM,       /* number: "6.3" or "1" */
  MARK_LETTER,     /* number: "a" */
} MarkKind;

typedef struct
{
  MarkKind  kind;
  char     *word;
  char     *number;
} Mark;

typedef struct
{
  GPtrArray        *clauses;
  CsContractClause *current;
  char             *heading;       /* the current heading's text */
  char             *heading_ref;   /* "Art. 6", "Annex 2" */
  char             *article;       /* "6" */
  gboolean          in_annex;
  char             *item_ref;      /* the last numbered item's reference */
  gboolean          after_heading;
} Splitter;

static void
mark_clear (Mark *mark)
{
  g_clear_pointer (&mark->word, g_free);
  g_clear_pointer (&mark->number, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Mark, mark_clear)

void
_cs_contract_clause_free (gpointer data)
{
  CsContractClause *clause = data;

  g_free (clause->reference);
  g_free (clause->heading);
  g_free (clause->text);
  g_clear_pointer (&clause->findings, g_ptr_array_unref);
  g_free (clause);
}

static MarkKind find_mark (const char *text,
                           guint       level,
                           const char *article,
                           Mark       *mark);

/* Whether a line is numbered like a heading or an item: never page furniture. */
static gboolean
is_structure (const char *text)
{
  g_auto(Mark) mark = { MARK_NONE, NULL, NULL };
  MarkKind kind = find_mark (text, 0, NULL, &mark);

  return kind != MARK_NONE && kind != MARK_TITLE;
}

/* The line with its digits as '#', white space as it is, in lower case. */
static char *
furniture_key (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text, -1);

  for (char *p = down; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      *p = '#';
  return g_steal_pointer (&down);
}

static gboolean
is_page_number (const char *key)
{
  static const char * const words[] = { "page ", "p. ", "pag. ", "seite ", NULL };
  const char *p = key;
  gboolean digits = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (p, words[i]))
      p += strlen (words[i]);
  for (; *p != '\0'; p++)
    {
      if (*p == '#')
        digits = TRUE;
      else if (g_str_has_prefix (p, " of ") || g_str_has_prefix (p, " sur ")
               || g_str_has_prefix (p, " de "))
        p += 3;
      else if (*p != ' ' && *p != '-' && *p != '/' && *p != '|'
               && !g_str_has_prefix (p, "\xe2\x80\x93")) /* en dash */
        return FALSE;
      else if (g_str_has_prefix (p, "\xe2\x80\x93"))
        p += 2;
    }
  return digits;
}

/* Whether line @i is among the first or last three lines of its page. */
static gboolean
at_page_edge (GArray *lines,
              guint   i)
{
  guint page = g_array_index (lines, CsContractLine, i).page;

  for (guint k = 1; k <= 3; k++)
    {
      if (i < k || g_array_index (lines, CsContractLine, i - k).page != page)
        return TRUE;
      if (i + k >= lines->len || g_array_index (lines, CsContractLine, i + k).page != page)
        return TRUE;
    }
  return FALSE;
}

void
_cs_contract_remove_furniture (GArray *lines,
                               guint   n_pages)
{
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) last_page = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *drop = NULL;
  guint threshold = MAX (2, (n_pages + 1) / 2);
  guint kept = 0;

  if (n_pages < 2)
    return;

  drop = g_new0 (gboolean, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      CsContractLine *line = &g_array_index (lines, CsContractLine, i);
      g_autofree char *key = NULL;
      char *stored = NULL;
      gpointer count = NULL;

      if (line->level > 0 || !at_page_edge (lines, i) || is_structure (line->text))
        continue;
      key = furniture_key (line->text);
      if (g_hash_table_lookup_extended (pages, key, (gpointer *) &stored, &count))
        {
          if (GPOINTER_TO_UINT (g_hash_table_lookup (last_page, stored)) != line->page)
            g_hash_table_insert (pages, g_strdup (stored), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
      else
        g_hash_table_insert (pages, g_strdup (key), GUINT_TO_POINTER (1));
      g_hash_table_lookup_extended (pages, key, (gpointer *) &stored, NULL);
      g_hash_table_insert (last_page, stored, GUINT_TO_POINTER (line->page));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      CsContractLine *line = &g_array_index (lines, CsContractLine, i);
      g_autofree char *key = NULL;

      if (line->level > 0 || !at_page_edge (lines, i) || is_structure (line->text))
        continue;
      key = furniture_key (line->text);
      drop[i] = is_page_number (key)
                || GPOINTER_TO_UINT (g_hash_table_lookup (pages, key)) >= threshold;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      CsContractLine *line = &g_array_index (lines, CsContractLine, i);

      if (drop[i])
        {
          g_free (line->text);
          continue;
        }
      g_array_index (lines, CsContractLine, kept++) = *line;
    }
  /* the moved lines' texts now belong to their new slots */
  g_array_set_clear_func (lines, NULL);
  g_array_set_size (lines, kept);
  g_array_set_clear_func (lines, _cs_contract_line_clear);
}

/* Reads "6", "6.3", "6.3.1" at @p; returns the end, or NULL. */
static const char *
read_number (const char *p,
             char      **out_number,
             guint      *out_parts)
{
  const char *start = p;
  guint parts = 0;

  while (g_ascii_isdigit (*p))
    {
      const char *digits = p;

      while (g_ascii_isdigit (*p))
        p++;
      /* "120.3" in a long contract, but not "2026" nor "4,850" */
      if (p - digits > (parts == 0 ? 3 : 2))
        return NULL;
      parts++;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        p++;
      else
        break;
    }
  if (parts == 0)
    return NULL;
  *out_number = g_strndup (start, p - start);
  *out_parts = parts;
  return p;
}

static const char *
skip_separators (const char *p)
{
  while (*p == ' ' || *p == '.' || *p == ':' || *p == '-' || *p == ')')
    p++;
  while (g_str_has_prefix (p, "\xe2\x80\x93") || g_str_has_prefix (p, "\xe2\x80\x94"))
    {
      p += 3;
      while (*p == ' ')
        p++;
    }
  return p;
}

static gboolean
looks_like_title (const char *text)
{
  gsize length = strlen (text);
  char last = length > 0 ? text[length - 1] : '\0';

  return g_utf8_strlen (text, -1) <= HEADING_MAX_CHARS && last != '.' && last != ';'
         && last != ',' && last != ':' && last != '-';
}

static gboolean
all_capitals (const char *text)
{
  guint letters = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_islower (ch))
        return FALSE;
      if (g_unichar_isalpha (ch))
        letters++;
    }
  return letters >= 4;
}

static gboolean
starts_upper (const char *p)
{
  gunichar ch = g_utf8_get_char (p);

  return g_unichar_isupper (ch) || ch == 0x201C || ch == '"' || ch == 0xAB;
}

/* Finds the structural mark a line starts with. @article: the current article number. */
static MarkKind
find_mark (const char *text,
           guint       level,
           const char *article,
           Mark       *mark)
{
  static const char * const articles[] = { "Article ", "ARTICLE ", "Art. ", "Art ", NULL };
  static const char * const annexes[] = {
    "Annexe ", "ANNEXE ", "Annex ", "ANNEX ", "Schedule ", "SCHEDULE ", "Appendix ",
    "APPENDIX ", NULL
  };
  const char *p = NULL;
  guint parts = 0;

  for (guint i = 0; articles[i] != NULL; i++)
    if (g_str_has_prefix (text, articles[i])
        && (p = read_number (text + strlen (articles[i]), &mark->number, &parts)) != NULL)
      {
        /* "Article 8 – Protection des données à caractère person-": a heading wrapped */
        gboolean titled = skip_separators (p) != p && starts_upper (skip_separators (p))
                          && (*p == ' ' || *p == ':' || *p == '.');

        if (level > 0 || looks_like_title (text) || (titled && !g_ascii_isdigit (*skip_separators (p))))
          return mark->kind = MARK_ARTICLE;
        mark_clear (mark);
        break;
      }

  for (guint i = 0; annexes[i] != NULL; i++)
    if (g_str_has_prefix (text, annexes[i]) && (level > 0 || looks_like_title (text)))
      {
        const char *n = text + strlen (annexes[i]);
        const char *e = n;

        while (g_ascii_isalnum (*e) && e - n < 3)
          e++;
        if (e == n || g_ascii_isalnum (*e))
          continue;
        mark->word = g_strndup (text, strlen (annexes[i]) - 1);
        mark->word[0] = g_ascii_toupper (mark->word[0]);
        for (char *w = mark->word + 1; *w != '\0'; w++)
          *w = g_ascii_tolower (*w);
        mark->number = g_strndup (n, e - n);
        return mark->kind = MARK_ANNEX;
      }

  if ((p = read_number (text, &mark->number, &parts)) != NULL)
    {
      const char *after = skip_separators (p);
      gboolean dotted = *p == '.' || *p == ')';

      if (parts == 1 && dotted
          && (level > 0 || (looks_like_title (text) && starts_upper (after)
                             && g_utf8_strlen (text, -1) <= SECTION_MAX_CHARS)))
        return mark->kind = MARK_SECTION;
      if (parts > 1 && starts_upper (after) && p[0] == ' '
          && (article == NULL || g_str_has_prefix (mark->number, article))
          && mark->number[article != NULL ? strlen (article) : 0] == '.')
        return mark->kind = MARK_ITEM;
      if (parts > 1 && starts_upper (after) && article == NULL && (*p == ' ' || *p == '.'))
        return mark->kind = MARK_ITEM;
      if (parts == 1 && dotted && starts_upper (after) && *after != '\0' && p[1] == ' ')
        return mark->kind = MARK_ITEM;
      mark_clear (mark);
    }

  if ((text[0] == '(' && g_ascii_islower (text[1]) && text[2] == ')' && text[3] == ' ')
      || (g_ascii_islower (text[0]) && text[1] == ')' && text[2] == ' '))
    {
      mark->number = g_strndup (text[0] == '(' ? text + 1 : text, 1);
      return mark->kind = MARK_LETTER;
    }

  if (level > 0 || (all_capitals (text) && looks_like_title (text)))
    return mark->kind = MARK_TITLE;

  return mark->kind = MARK_NONE;
}

static void
open_clause (Splitter   *splitter,
             const char *reference,
             const char *text,
             guint       page)
{
  CsContractClause *clause = g_new0 (CsContractClause, 1);

  clause->reference = g_strdup (reference != NULL ? reference : "");
  clause->heading = g_strdup (splitter->heading != NULL ? splitter->heading : "");
  clause->text = g_strdup (text);
  clause->page = page;
  clause->section = "other";
  g_ptr_array_add (splitter->clauses, clause);
  splitter->current = clause;
  splitter->after_heading = FALSE;
}

static void
set_heading (Splitter   *splitter,
             const Mark *mark,
             const char *text)
{
  g_clear_pointer (&splitter->item_ref, g_free);
  g_free (splitter->heading);
  splitter->heading = g_strdup (text);
  splitter->current = NULL;
  splitter->after_heading = TRUE;

  switch (mark->kind)
    {
    case MARK_ARTICLE:
      g_free (splitter->heading_ref);
      splitter->heading_ref = g_strdup_printf ("Art. %s", mark->number);
      g_free (splitter->article);
      splitter->article = g_strdup (mark->number);
      splitter->in_annex = FALSE;
      break;
    case MARK_ANNEX:
      g_free (splitter->heading_ref);
      splitter->heading_ref = g_strdup_printf ("%s %s", mark->word, mark->number);
      g_clear_pointer (&splitter->article, g_free);
      splitter->in_annex = TRUE;
      break;
    case MARK_SECTION:
      if (splitter->in_annex)
        break;
      g_free (splitter->heading_ref);
      splitter->heading_ref = g_strdup (mark->number);
      g_free (splitter->article);
      splitter->article = g_strdup (mark->number);
      break;
    case MARK_TITLE:
    case MARK_NONE:
    case MARK_ITEM:
    case MARK_LETTER:
    default:
      break;
    }
}

static void
add_block (Splitter   *splitter,
           const char *text,
           guint       level,
           guint       page)
{
  g_auto(Mark) mark = { MARK_NONE, NULL, NULL };
  g_autofree char *reference = NULL;

  switch (find_mark (text, level, splitter->article, &mark))
    {
    case MARK_ARTICLE:
    case MARK_ANNEX:
    case MARK_SECTION:
    case MARK_TITLE:
      set_heading (splitter, &mark, text);
      return;

    case MARK_ITEM:
      if (splitter->in_annex || strchr (mark.number, '.') == NULL)
        reference = g_strdup_printf ("%s §%s", splitter->heading_ref != NULL
                                     ? splitter->heading_ref : "", mark.number);
      else if (splitter->heading_ref != NULL && splitter->article != NULL
               && g_str_has_prefix (splitter->heading_ref, "Art. "))
        reference = g_strdup_printf ("Art. %s", mark.number);
      else
        reference = g_strdup (mark.number);
      g_free (splitter->item_ref);
      splitter->item_ref = g_strdup (reference);
      open_clause (splitter, reference, text, page);
      return;

    case MARK_LETTER:
      reference = g_strdup_printf ("%s %s)", splitter->item_ref != NULL ? splitter->item_ref
                                   : splitter->heading_ref != NULL ? splitter->heading_ref : "",
                                   mark.number);
      open_clause (splitter, g_strstrip (reference), text, page);
      return;

    case MARK_NONE:
    default:
      break;
    }

  if (splitter->current != NULL && !splitter->after_heading)
    {
      g_autofree char *joined = g_strconcat (splitter->current->text, "\n", text, NULL);

      g_free (splitter->current->text);
      splitter->current->text = g_steal_pointer (&joined);
      return;
    }
  open_clause (splitter, splitter->heading_ref, text, page);
}

/* Appends @next to @block, repairing a hyphen at the line end between two letters. */
static void
join_line (GString    *block,
           const char *next)
{
  gsize n = block->len;

  /* the letter before the hyphen may be accented: "infogé-" + "rés" */
  if (n >= 2 && block->str[n - 1] == '-'
      && g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (block->str, block->str + n - 1)))
      && g_unichar_islower (g_utf8_get_char (next)))
    {
      g_string_truncate (block, n - 1);
      g_string_append (block, next);
      return;
    }
  g_string_append_c (block, ' ');
  g_string_append (block, next);
}

GPtrArray *
_cs_contract_split (GArray *lines)
{
  Splitter splitter = { NULL, NULL, NULL, NULL, NULL, FALSE, NULL, FALSE };
  g_autoptr(GString) block = g_string_new (NULL);
  guint block_level = 0;
  guint block_page = 1;
  gboolean block_closed = FALSE;

  splitter.clauses = g_ptr_array_new_with_free_func (_cs_contract_clause_free);

  for (guint i = 0; i <= lines->len; i++)
    {
      CsContractLine *line = i < lines->len ? &g_array_index (lines, CsContractLine, i) : NULL;
      gboolean starts = TRUE;

      /* a heading wrapped on the next line: "… caractère person-" + "nel" */
      if (line != NULL && block->len > 0 && block_closed && !line->paragraph && line->level == 0
          && g_unichar_islower (g_utf8_get_char (line->text)))
        {
          join_line (block, line->text);
          continue;
        }

      if (line != NULL && block->len > 0 && !line->paragraph && line->level == 0 && !block_closed)
        {
          g_auto(Mark) mark = { MARK_NONE, NULL, NULL };
          MarkKind kind = find_mark (line->text, 0, splitter.article, &mark);

          starts = kind != MARK_NONE && kind != MARK_TITLE;
        }

      if (line != NULL && !starts)
        {
          join_line (block, line->text);
          continue;
        }

      if (block->len > 0)
        add_block (&splitter, block->str, block_level, block_page);
      if (line == NULL)
        break;

      g_string_assign (block, line->text);
      block_level = line->level;
      block_page = line->page;
      /* a heading line of a PDF or text stands alone: the next line starts a block */
      {
        g_auto(Mark) mark = { MARK_NONE, NULL, NULL };
        MarkKind kind = find_mark (line->text, line->level, splitter.article, &mark);

        block_closed = kind == MARK_ARTICLE || kind == MARK_ANNEX || kind == MARK_SECTION
                       || kind == MARK_TITLE;
      }
    }

  g_free (splitter.heading);
  g_free (splitter.heading_ref);
  g_free (splitter.article);
  g_free (splitter.item_ref);
  return splitter.clauses;
}
