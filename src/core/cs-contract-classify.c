/* cs-contract-classify.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-contract"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-autocleanups-private.h"
#include "cs-contract-private.h"
#include "cs-rulefile-private.h"
#include "cs-values.h"

#include <libstemmer.h>
#include <math.h>
#include <string.h>

/*
 * Sorting clauses into sections and proposing field values, from the concept lexicons of
 * data/reader/sections.xml (RelaxNG: data/schemas/contract-sections.rng), loaded once from the
 * core resources.
 *
 * Words are compared by their Snowball stems (libstemmer, as the clause linter does), folded
 * to lower case without accents. A clause's score for a section is three times the weight of
 * the section's terms found in its heading plus the weight of those in its own text, so a
 * clause whose own text says little takes its heading's section. The confidence is the best
 * score's share of the best two, damped for low scores.
 *
 * Proposals: for each typed value of a clause (cs_values_extract()), the first rule of the
 * value's kind and the clause's section whose "near" terms occur between the previous value
 * (or the sentence start) and the value — or right after it — and whose "context" terms occur
 * in the sentence, gives the field; the first value per field is proposed, and when the contract
 * gives the field other values, they are its candidates for the consultant to pick from.
 */

#define RESOURCE "/org/contractscope/ContractScope/core/reader/sections.xml"
#define SCHEMA   "/org/contractscope/ContractScope/core/reader/contract-sections.rng"
#define HEADING_FACTOR 3.0
#define TRAIL_WORDS    3     /* "6 months' notice": a term right after the value */

typedef struct
{
  guint    n;
  char   **stems;
  double   weight;
  guint    target;            /* the section index */
} Term;

typedef struct
{
  struct sb_stemmer *stemmer;
  gboolean           french;
  GHashTable        *stems;   /* folded word → stem */
  GHashTable        *terms;   /* first stem → GPtrArray of Term */
} Lang;

struct _CsContractRule
{
  char        *field;
  char        *table;
  char        *column;
  char        *store;         /* units, hours, days, months, percent, amount */
  guint        priority;
  CsValueKind  kind;
  guint        sections;      /* bit mask of section indexes; 0: any */
  GPtrArray   *near[2];       /* per language: Term */
  GPtrArray   *context[2];
};

typedef struct
{
  gsize       start;
  gsize       end;
  const char *stem;
} Token;

typedef struct
{
  GMutex     lock;
  Lang       langs[2];
  GPtrArray *rules;
} Lexicon;

static const char * const section_ids[] = {
  "perimeter", "exclusions", "responsibilities", "sla", "backup", "security", "subcontracting",
  "exit", "terms", "gdpr", "other", NULL
};
#define N_SECTIONS (G_N_ELEMENTS (section_ids) - 1)
#define OTHER      (N_SECTIONS - 1)

static void
term_free (gpointer data)
{
  Term *term = data;

  g_strfreev (term->stems);
  g_free (term);
}

static guint
section_index (const char *id)
{
  for (guint i = 0; section_ids[i] != NULL; i++)
    if (g_strcmp0 (section_ids[i], id) == 0)
      return i;
  return OTHER;
}

/* Lower case, accents removed. */
static char *
fold_word (const char *word,
           gsize       length)
{
  g_autofree char *down = g_utf8_casefold (word, length);
  GString *out = g_string_sized_new (strlen (down));

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gunichar decomposed[4];
      gsize n = g_unichar_fully_decompose (ch, FALSE, decomposed, G_N_ELEMENTS (decomposed));

      g_string_append_unichar (out, n > 0 ? decomposed[0] : ch);
    }
  return g_string_free (out, FALSE);
}

static const char *
stem (Lang       *lang,
      const char *word,
      gsize       length)
{
  g_autofree char *folded = fold_word (word, length);
  const char *found = g_hash_table_lookup (lang->stems, folded);
  const sb_symbol *out = NULL;
  char *copy = NULL;

  if (found != NULL)
    return found;
  out = sb_stemmer_stem (lang->stemmer, (const sb_symbol *) folded, strlen (folded));
  if (out == NULL)
    g_error ("out of memory");
  copy = g_strndup ((const char *) out, sb_stemmer_length (lang->stemmer));
  g_hash_table_insert (lang->stems, g_steal_pointer (&folded), copy);
  return copy;
}

/* The stemmed words of @text with their byte offsets. */
static GArray *
tokenize (Lang       *lang,
          const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (*p != '\0' && g_unichar_isalnum (ch))
        {
          if (start == NULL)
            start = p;
          continue;
        }
      if (start != NULL)
        {
          Token token = { start - text, p - text, stem (lang, start, p - start) };

          g_array_append_val (tokens, token);
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  return tokens;
}

static Term *
term_new (Lang       *lang,
          const char *text,
          double      weight,
          guint       target)
{
  g_autoptr(GArray) tokens = tokenize (lang, text);
  Term *term = g_new0 (Term, 1);

  term->n = tokens->len;
  term->stems = g_new0 (char *, tokens->len + 1);
  for (guint i = 0; i < tokens->len; i++)
    term->stems[i] = g_strdup (g_array_index (tokens, Token, i).stem);
  term->weight = weight;
  term->target = target;
  return term;
}

static gboolean
term_matches (const Term *term,
              GArray     *tokens,
              guint       at,
              guint       end)
{
  if (term->n == 0 || at + term->n > end)
    return FALSE;
  for (guint k = 0; k < term->n; k++)
    if (!g_str_equal (term->stems[k], g_array_index (tokens, Token, at + k).stem))
      return FALSE;
  return TRUE;
}

static int
lang_index (xmlNode *node)
{
  g_autofree char *lang = _cs_rulefile_get_prop (node, "lang");

  return g_strcmp0 (lang, "fr") == 0 ? 1 : 0;
}

static void
load_section (Lexicon *lexicon,
              xmlNode *node)
{
  g_autofree char *id = _cs_rulefile_get_prop (node, "id");
  guint target = section_index (id);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;
      g_autofree char *weight = NULL;
      Lang *lang = NULL;
      Term *term = NULL;
      GPtrArray *list = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      lang = &lexicon->langs[lang_index (child)];
      text = _cs_rulefile_get_text (child);
      weight = _cs_rulefile_get_prop (child, "weight");
      term = term_new (lang, text, weight != NULL ? g_ascii_strtod (weight, NULL) : 1.0, target);
      if (term->n == 0)
        {
          term_free (term);
          continue;
        }
      list = g_hash_table_lookup (lang->terms, term->stems[0]);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (term_free);
          g_hash_table_insert (lang->terms, g_strdup (term->stems[0]), list);
        }
      g_ptr_array_add (list, term);
    }
}

static void
load_terms (Lexicon   *lexicon,
            xmlNode   *group,
            GPtrArray *out[2])
{
  for (xmlNode *child = group->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;
      int l = 0;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      l = lang_index (child);
      text = _cs_rulefile_get_text (child);
      g_ptr_array_add (out[l], term_new (&lexicon->langs[l], text, 1.0, 0));
    }
}

static void
load_rule (Lexicon *lexicon,
           xmlNode *node)
{
  CsContractRule *rule = g_new0 (CsContractRule, 1);
  g_autofree char *kind = _cs_rulefile_get_prop (node, "kind");
  g_autofree char *priority = _cs_rulefile_get_prop (node, "priority");
  g_autofree char *sections = _cs_rulefile_get_prop (node, "sections");
  g_auto(GStrv) ids = g_strsplit (sections != NULL ? sections : "", " ", -1);

  rule->field = _cs_rulefile_get_prop (node, "field");
  rule->table = _cs_rulefile_get_prop (node, "table");
  rule->column = _cs_rulefile_get_prop (node, "column");
  rule->store = _cs_rulefile_get_prop (node, "store");
  rule->priority = priority != NULL ? (guint) g_ascii_strtoull (priority, NULL, 10) : 0;
  rule->kind = g_strcmp0 (kind, "percent") == 0 ? CS_VALUE_PERCENT
               : g_strcmp0 (kind, "amount") == 0 ? CS_VALUE_AMOUNT : CS_VALUE_DURATION;
  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0')
      rule->sections |= 1u << section_index (ids[i]);
  for (guint l = 0; l < 2; l++)
    {
      rule->near[l] = g_ptr_array_new_with_free_func (term_free);
      rule->context[l] = g_ptr_array_new_with_free_func (term_free);
    }
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "near"))
      load_terms (lexicon, child, rule->near);
    else if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "context"))
      load_terms (lexicon, child, rule->context);
  g_ptr_array_add (lexicon->rules, rule);
}

/* The lexicon, loaded once; a broken resource is a programming error. */
static Lexicon *
get_lexicon (void)
{
  static Lexicon *lexicon = NULL;

  if (g_once_init_enter (&lexicon))
    {
      Lexicon *loaded = g_new0 (Lexicon, 1);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(xmlDoc) doc = NULL;

      g_assert (bytes != NULL);
      doc = _cs_rulefile_parse (bytes, "sections.xml", SCHEMA, CS_CONTRACT_ERROR,
                                CS_CONTRACT_ERROR_INVALID, &error);
      if (doc == NULL)
        g_error ("%s", error->message);

      g_mutex_init (&loaded->lock);
      for (guint l = 0; l < 2; l++)
        {
          loaded->langs[l].french = l == 1;
          loaded->langs[l].stemmer = sb_stemmer_new (l == 1 ? "french" : "english", "UTF_8");
          g_assert (loaded->langs[l].stemmer != NULL);
          loaded->langs[l].stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          loaded->langs[l].terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
        }
      loaded->rules = g_ptr_array_new ();

      for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
        if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, "section"))
          load_section (loaded, node);
        else if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, "proposal"))
          load_rule (loaded, node);

      g_once_init_leave (&lexicon, loaded);
    }
  return lexicon;
}

static void
score_text (Lang       *lang,
            const char *text,
            double      factor,
            double     *scores)
{
  g_autoptr(GArray) tokens = tokenize (lang, text);

  for (guint i = 0; i < tokens->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (lang->terms, g_array_index (tokens, Token, i).stem);

      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          Term *term = g_ptr_array_index (list, k);

          if (term_matches (term, tokens, i, tokens->len))
            scores[term->target] += factor * term->weight;
        }
    }
}

void
_cs_contract_classify (GPtrArray  *clauses,
                       CsLanguage  language)
{
  Lexicon *lexicon = get_lexicon ();
  Lang *lang = &lexicon->langs[language == CS_LANGUAGE_FR ? 1 : 0];
  g_autoptr(GHashTable) headings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_mutex_lock (&lexicon->lock);
  for (guint i = 0; i < clauses->len; i++)
    {
      CsContractClause *clause = g_ptr_array_index (clauses, i);
      double scores[N_SECTIONS] = { 0 };
      double *heading = g_hash_table_lookup (headings, clause->heading);
      guint best = OTHER;
      double second = 0;

      if (heading == NULL)
        {
          heading = g_new0 (double, N_SECTIONS);
          score_text (lang, clause->heading, HEADING_FACTOR, heading);
          g_hash_table_insert (headings, clause->heading, heading);
        }
      memcpy (scores, heading, sizeof scores);
      score_text (lang, clause->text, 1.0, scores);

      for (guint s = 0; s < OTHER; s++)
        if (scores[s] > scores[best] || (best == OTHER && scores[s] > 0))
          best = s;
      for (guint s = 0; s < OTHER; s++)
        if (s != best && scores[s] > second)
          second = scores[s];

      clause->section = section_ids[best];
      clause->confidence = best == OTHER ? 0.5
                           : (scores[best] / (scores[best] + second)) * (scores[best] / (scores[best] + 1.0));
    }
  g_mutex_unlock (&lexicon->lock);
}

void
_cs_contract_proposal_free (gpointer data)
{
  CsContractProposal *proposal = data;

  g_free (proposal->display);
  g_clear_pointer (&proposal->candidates, g_array_unref);
  g_free (proposal);
}

static gboolean
any_term (GPtrArray *terms,
          GArray    *tokens,
          gsize      from,
          gsize      to)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      guint end = i;

      if (token->start < from || token->end > to)
        continue;
      while (end < tokens->len && g_array_index (tokens, Token, end).end <= to)
        end++;
      for (guint k = 0; k < terms->len; k++)
        if (term_matches (g_ptr_array_index (terms, k), tokens, i, end))
          return TRUE;
    }
  return FALSE;
}

/* The offset after the @n words that follow @at. */
static gsize
words_after (GArray *tokens,
             gsize   at,
             guint   n)
{
  for (guint i = 0; i < tokens->len; i++)
    if (g_array_index (tokens, Token, i).start >= at)
      return g_array_index (tokens, Token, MIN (i + n, tokens->len) - 1).end;
  return at;
}

/* The start of the sentence holding @at: after a full stop and a space, or a line break. */
static gsize
sentence_start (const char *text,
                gsize       at)
{
  for (gsize i = at; i > 0; i--)
    if (text[i - 1] == '\n'
        || ((text[i - 1] == ' ') && i >= 2 && (text[i - 2] == '.' || text[i - 2] == '!'
                                               || text[i - 2] == '?')))
      return i;
  return 0;
}

static gsize
sentence_end (const char *text,
              gsize       at)
{
  for (gsize i = at; text[i] != '\0'; i++)
    if (text[i] == '\n' || ((text[i] == '.' || text[i] == '!' || text[i] == '?')
                            && (text[i + 1] == ' ' || text[i + 1] == '\0' || text[i + 1] == '\n')))
      return i;
  return strlen (text);
}

static gboolean
rule_applies (CsContractRule *rule,
              int             l,
              const CsValue  *value,
              guint           section,
              GArray         *tokens,
              gsize           lead,
              gsize           trail,
              gsize           start,
              gsize           end)
{
  if (rule->kind != value->kind)
    return FALSE;
  if (rule->sections != 0 && (rule->sections & (1u << section)) == 0)
    return FALSE;
  if (rule->context[l]->len > 0 && !any_term (rule->context[l], tokens, start, end))
    return FALSE;
  return any_term (rule->near[l], tokens, lead, value->start)
         || any_term (rule->near[l], tokens, value->end, trail);
}

static gboolean
convert (const CsContractRule *rule,
         const CsValue        *value,
         double               *out_value,
         const char          **out_unit)
{
  static const double days_per[] = {
    [CS_TIME_UNIT_MINUTES] = 1.0 / 1440, [CS_TIME_UNIT_HOURS] = 1.0 / 24, [CS_TIME_UNIT_DAYS] = 1,
    [CS_TIME_UNIT_WEEKS] = 7, [CS_TIME_UNIT_MONTHS] = 30, [CS_TIME_UNIT_YEARS] = 365,
    [CS_TIME_UNIT_QUARTERS] = 91, [CS_TIME_UNIT_SECONDS] = 1.0 / 86400,
  };
  static const double months_per[] = {
    [CS_TIME_UNIT_DAYS] = 1.0 / 30, [CS_TIME_UNIT_WEEKS] = 7.0 / 30, [CS_TIME_UNIT_MONTHS] = 1,
    [CS_TIME_UNIT_YEARS] = 12, [CS_TIME_UNIT_QUARTERS] = 3,
  };

  *out_unit = NULL;
  if (value->kind != CS_VALUE_DURATION)
    {
      *out_value = value->value;
      return TRUE;
    }
  if (value->unit == CS_TIME_UNIT_NONE || value->unit > CS_TIME_UNIT_SECONDS)
    return FALSE;
  if (g_strcmp0 (rule->store, "units") == 0)
    {
      switch (value->unit)
        {
        case CS_TIME_UNIT_MINUTES: *out_unit = "minutes"; *out_value = value->value; return TRUE;
        case CS_TIME_UNIT_HOURS: *out_unit = "hours"; *out_value = value->value; return TRUE;
        case CS_TIME_UNIT_DAYS: *out_unit = "days"; *out_value = value->value; return TRUE;
        case CS_TIME_UNIT_WEEKS: *out_unit = "days"; *out_value = value->value * 7; return TRUE;
        case CS_TIME_UNIT_NONE:
        case CS_TIME_UNIT_MONTHS:
        case CS_TIME_UNIT_YEARS:
        case CS_TIME_UNIT_QUARTERS:
        case CS_TIME_UNIT_SECONDS:
        default:
          return FALSE;
        }
    }
  if (g_strcmp0 (rule->store, "hours") == 0)
    *out_value = value->value * days_per[value->unit] * 24;
  else if (g_strcmp0 (rule->store, "days") == 0)
    *out_value = value->value * days_per[value->unit];
  else if (months_per[value->unit] > 0)
    *out_value = value->value * months_per[value->unit];
  else
    return FALSE;
  /* 0.5 h stays; 36.0000001 months does not */
  *out_value = round (*out_value * 1000) / 1000;
  return TRUE;
}

static void
clear_candidate (gpointer data)
{
  g_free (((CsContractCandidate *) data)->display);
}

/* Another value of @proposal's field: a candidate, unless it is one already (same value and
 * unit). The first value becomes candidate 0. Takes @display. */
static void
add_candidate (CsContractProposal *proposal,
               double              number,
               const char         *unit,
               char               *display,
               guint               clause)
{
  CsContractCandidate candidate = { number, unit, display, clause };

  if (proposal->candidates == NULL)
    {
      CsContractCandidate first = { proposal->value, proposal->unit,
                                    g_strdup (proposal->display), proposal->clause };

      if (number == proposal->value && g_strcmp0 (unit, proposal->unit) == 0)
        {
          g_free (first.display);
          g_free (display);
          return;
        }
      proposal->candidates = g_array_new (FALSE, FALSE, sizeof (CsContractCandidate));
      g_array_set_clear_func (proposal->candidates, clear_candidate);
      g_array_append_val (proposal->candidates, first);
    }

  for (guint i = 0; i < proposal->candidates->len; i++)
    {
      CsContractCandidate *known = &g_array_index (proposal->candidates, CsContractCandidate, i);

      if (known->value == number && g_strcmp0 (known->unit, unit) == 0)
        {
          g_free (display);
          return;
        }
    }
  g_array_append_val (proposal->candidates, candidate);
}

static void
propose_clause (Lexicon    *lexicon,
                int         l,
                GPtrArray  *clauses,
                guint       index,
                GHashTable *seen,
                GPtrArray  *proposals)
{
  CsContractClause *clause = g_ptr_array_index (clauses, index);
  g_autoptr(GArray) values = cs_values_extract (clause->text, -1);
  g_autoptr(GArray) tokens = tokenize (&lexicon->langs[l], clause->text);
  guint section = section_index (clause->section);

  for (guint v = 0; v < values->len; v++)
    {
      const CsValue *value = &g_array_index (values, CsValue, v);
      gsize start = sentence_start (clause->text, value->start);
      gsize end = sentence_end (clause->text, value->end);
      gsize lead = v > 0 ? MAX (start, g_array_index (values, CsValue, v - 1).end) : start;
      gsize trail = v + 1 < values->len ? MIN (end, g_array_index (values, CsValue, v + 1).start) : end;

      trail = MIN (trail, words_after (tokens, value->end, TRAIL_WORDS));

      for (guint r = 0; r < lexicon->rules->len; r++)
        {
          CsContractRule *rule = g_ptr_array_index (lexicon->rules, r);
          g_autofree char *key = NULL;
          CsContractProposal *proposal = NULL;
          double number = 0;
          const char *unit = NULL;

          if (!rule_applies (rule, l, value, section, tokens, lead, trail, start, end)
              || !convert (rule, value, &number, &unit))
            continue;
          key = g_strdup_printf ("%s/%u", rule->field, rule->priority);
          proposal = g_hash_table_lookup (seen, key);
          if (proposal != NULL)
            {
              add_candidate (proposal, number, unit,
                             g_strndup (clause->text + value->start, value->end - value->start),
                             index);
              break;
            }
          proposal = g_new0 (CsContractProposal, 1);
          proposal->field = rule->field;
          proposal->table = rule->table;
          proposal->column = rule->column;
          proposal->priority = rule->priority;
          proposal->value = number;
          proposal->unit = unit;
          proposal->display = g_strndup (clause->text + value->start, value->end - value->start);
          proposal->clause = index;
          g_ptr_array_add (proposals, proposal);
          g_hash_table_insert (seen, g_steal_pointer (&key), proposal);
          break;
        }
    }
}

GPtrArray *
_cs_contract_propose (GPtrArray  *clauses,
                      CsLanguage  language)
{
  Lexicon *lexicon = get_lexicon ();
  GPtrArray *proposals = g_ptr_array_new_with_free_func (_cs_contract_proposal_free);
  /* "field/priority" → its proposal */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int l = language == CS_LANGUAGE_FR ? 1 : 0;

  g_mutex_lock (&lexicon->lock);
  for (guint i = 0; i < clauses->len; i++)
    propose_clause (lexicon, l, clauses, i, seen, proposals);
  g_mutex_unlock (&lexicon->lock);
  return proposals;
}

/**
 * cs_contract_sections:
 *
 * Returns: (transfer none): the section ids a clause is sorted into, "other" last
 */
const char * const *
cs_contract_sections (void)
{
  return section_ids;
}
