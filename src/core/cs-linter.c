/* cs-linter.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-linter"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-linter.h"

#include "cs-autocleanups-private.h"
#include "cs-linter-private.h"
#include "cs-core-resources.h"
#include "cs-rulefile-private.h"
#include "cs-values.h"

#include <math.h>
#include <string.h>

/**
 * CsLinter:
 *
 * The clause linter: flags weak wording in contract text (effort standards, missing timers,
 * undefined scope …) in English and French.
 *
 * The text is split into clauses and sentences (cs_clauses_split()); nothing the linter looks
 * for ever reaches across a clause. Words are normalised (compatibility forms, accents,
 * case) and reduced to their Snowball stem, so "renewed", "renews" and "renewal" are one word.
 * Lexicons (data/linter/lexicon.xml) group phrases into concepts ("effort-best",
 * "vague-time", "renewal" …); a concept occurrence right after a negation ("not charged",
 * "ne sont pas facturées") does not count when the concept says so. Rules
 * (data/linter/rules.xml, validated against linter.rng) are written over concepts: a rule fires
 * when all the concepts of one of its <when> co-occur in a clause, in any order (optionally
 * within a number of words), no <unless> concept is there, one <requires> concept is there, and
 * the typed values of the clause (see #CsValue) meet its value conditions — "within 15 minutes"
 * makes a clause measurable, "within a reasonable time" does not. Each rule names the checklist
 * items it bears on (cs_linter_get_rule_items()).
 */

G_DEFINE_FINAL_TYPE (CsLinter, cs_linter, G_TYPE_OBJECT)
G_DEFINE_QUARK (cs-linter-error-quark, cs_linter_error)

#define RULES_RESOURCE "/org/contractscope/ContractScope/core/linter/rules.xml"
#define LEXICON_RESOURCE "/org/contractscope/ContractScope/core/linter/lexicon.xml"
#define SCHEMA_RESOURCE "/org/contractscope/ContractScope/core/linter/linter.rng"

static const char * const no_items[] = { NULL };

static void
cs_linter_finalize (GObject *object)
{
  CsLinter *self = (CsLinter *) object;

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);
  g_clear_pointer (&self->concept_ids, g_hash_table_unref);
  g_clear_pointer (&self->rule_items, g_hash_table_unref);
  _cs_linter_lang_data_clear (&self->langs[CS_LANGUAGE_EN]);
  _cs_linter_lang_data_clear (&self->langs[CS_LANGUAGE_FR]);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cs_linter_parent_class)->finalize (object);
}

static void
cs_linter_class_init (CsLinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_linter_finalize;
}

static void
cs_linter_init (CsLinter *self)
{
  g_mutex_init (&self->lock);
  self->rules = g_ptr_array_new_with_free_func (_cs_linter_rule_free);
  self->concepts = g_ptr_array_new_with_free_func (_cs_linter_concept_free);
  self->concept_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rule_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_strfreev);
  _cs_linter_lang_data_init (&self->langs[CS_LANGUAGE_EN], "english");
  _cs_linter_lang_data_init (&self->langs[CS_LANGUAGE_FR], "french");
}

/**
 * cs_linter_new:
 *
 * Creates a linter without rules; add a lexicon and rules with cs_linter_load_bytes().
 *
 * Returns: (transfer full): a new linter
 */
CsLinter *
cs_linter_new (void)
{
  return g_object_new (CS_TYPE_LINTER, NULL);
}

static gboolean
load_resource (CsLinter    *self,
               const char  *path,
               const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  return bytes != NULL && cs_linter_load_bytes (self, bytes, name, error);
}

/**
 * cs_linter_new_default:
 * @error: return location for an error
 *
 * Creates a linter with the lexicon and the rules bundled in the application.
 *
 * Returns: (transfer full) (nullable): a new linter
 */
CsLinter *
cs_linter_new_default (GError **error)
{
  g_autoptr(CsLinter) self = cs_linter_new ();

  /* Referencing the bundle links it in, even into programs that use nothing else of it. */
  g_assert (cs_core_get_resource () != NULL);
  if (!load_resource (self, LEXICON_RESOURCE, "lexicon.xml", error)
      || !load_resource (self, RULES_RESOURCE, "rules.xml", error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cs_linter_load_bytes:
 * @self: a linter
 * @xml: the contents of a lexicon (root <lexicon>) or rule file (root <linter>)
 * @name: the file name, for messages
 * @error: return location for an error
 *
 * Adds the concepts of a lexicon or the rules of a rule file. The file is validated against
 * linter.rng first, and every concept a rule names must have been loaded before; on failure
 * no rule is added and @error names the line.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_linter_load_bytes (CsLinter    *self,
                      GBytes      *xml,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root = NULL;
  guint old_len = 0;

  g_return_val_if_fail (CS_IS_LINTER (self), FALSE);
  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  doc = _cs_rulefile_parse (xml, name, SCHEMA_RESOURCE, CS_LINTER_ERROR,
                            CS_LINTER_ERROR_INVALID_RULES, error);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  g_mutex_lock (&self->lock);
  if (g_str_equal ((const char *) root->name, "lexicon"))
    {
      gboolean ok = _cs_linter_load_lexicon (self, root, name, error);

      g_mutex_unlock (&self->lock);
      return ok;
    }

  old_len = self->rules->len;
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (!_cs_linter_load_rule (self, node, name, error))
        {
          g_ptr_array_remove_range (self->rules, old_len, self->rules->len - old_len);
          g_mutex_unlock (&self->lock);
          return FALSE;
        }
    }
  g_mutex_unlock (&self->lock);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Checking                                                                                   */

typedef struct
{
  guint concept;
  guint first;                    /* token indexes, [first, last] */
  guint last;
  int   next;                     /* next occurrence of the same concept, or -1 */
} Occurrence;

typedef struct
{
  CsLinter         *self;
  const char       *text;
  CsNormalizedText *norm;
  CsSection         section;
  gint64            clause_id;
  GArray           *values;       /* CsValue, whole text */
  GPtrArray        *findings;
  GArray           *tokens;       /* Token, current clause */
  GArray           *occurrences;  /* Occurrence, current clause */
  int              *heads;        /* per concept: first occurrence in the clause, or -1 */
  int              *tails;        /* per concept: last occurrence, valid when heads is set */
  GArray           *touched;      /* concepts whose head is set */
  gboolean         *in_text;      /* per concept: seen anywhere in the text */
  GPtrArray        *deferred;     /* findings of rules with a text-wide <requires> */
  GPtrArray        *deferred_rules;
} Check;

static gboolean
term_matches (Term             *term,
              LangData         *lang,
              CsLanguage        language,
              Check            *check,
              guint             first)
{
  const char *any = g_intern_static_string ("*");

  if (first + term->n_words > check->tokens->len)
    return FALSE;
  for (guint w = 0; w < term->n_words; w++)
    {
      Token *token = &g_array_index (check->tokens, Token, first + w);
      const char *exact = term->exact[w];

      if (w > 0 && term->words[w] != any
          && _cs_linter_token_stem (lang, language, check->norm->text, token) != term->words[w])
        return FALSE;
      if (exact != NULL && (strlen (exact) != token->end - token->start
                            || memcmp (exact, check->norm->text + token->start,
                                       token->end - token->start) != 0))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_negated (Check      *check,
            LangData   *lang,
            CsLanguage  language,
            guint       first)
{
  guint from = first > NEGATION_SPAN ? first - NEGATION_SPAN : 0;

  for (guint t = from; t < first; t++)
    {
      Token *token = &g_array_index (check->tokens, Token, t);

      if (g_hash_table_contains (lang->negations,
                                 _cs_linter_token_stem (lang, language, check->norm->text, token)))
        return TRUE;
    }
  return FALSE;
}

static void
find_occurrences (Check      *check,
                  CsLanguage  language)
{
  LangData *lang = &check->self->langs[language];

  for (guint i = 0; i < check->touched->len; i++)
    check->heads[g_array_index (check->touched, guint, i)] = -1;
  g_array_set_size (check->touched, 0);
  g_array_set_size (check->occurrences, 0);

  for (guint t = 0; t < check->tokens->len; t++)
    {
      Token *token = &g_array_index (check->tokens, Token, t);
      const char *stem = _cs_linter_token_stem (lang, language, check->norm->text, token);
      GPtrArray *terms = g_hash_table_lookup (lang->terms, stem);

      for (guint k = 0; terms != NULL && k < terms->len; k++)
        {
          Term *term = g_ptr_array_index (terms, k);
          Concept *concept = g_ptr_array_index (check->self->concepts, term->concept);
          Occurrence occ = { term->concept, t, t + term->n_words - 1, -1 };

          if (!term_matches (term, lang, language, check, t))
            continue;
          if (concept->negatable && !term->negative && is_negated (check, lang, language, t))
            continue;

          if (check->heads[term->concept] < 0)
            {
              g_array_append_val (check->touched, term->concept);
              check->heads[term->concept] = check->occurrences->len;
            }
          else
            {
              Occurrence *tail = &g_array_index (check->occurrences, Occurrence,
                                                 check->tails[term->concept]);

              /* "meilleurs délais" inside "dans les meilleurs délais" adds nothing */
              if (tail->last >= occ.last)
                continue;
              tail->next = check->occurrences->len;
            }
          check->tails[term->concept] = check->occurrences->len;
          check->in_text[term->concept] = TRUE;
          g_array_append_val (check->occurrences, occ);
        }
    }
}

/* Whether every concept of @trigger occurs in the clause, within its window; sets the words
 * that matched. */
static gboolean
trigger_matches (Check   *check,
                 Trigger *trigger,
                 guint   *out_first,
                 guint   *out_last)
{
  if (trigger->n == 0 || check->heads[trigger->concepts[0]] < 0)
    return FALSE;

  for (int o = check->heads[trigger->concepts[0]]; o >= 0;
       o = g_array_index (check->occurrences, Occurrence, o).next)
    {
      Occurrence *anchor = &g_array_index (check->occurrences, Occurrence, o);
      guint first = anchor->first, last = anchor->last;
      gboolean ok = TRUE;

      for (guint c = 1; ok && c < trigger->n; c++)
        {
          guint best_first = 0, best_last = 0, best_span = G_MAXUINT;

          for (int p = check->heads[trigger->concepts[c]]; p >= 0;
               p = g_array_index (check->occurrences, Occurrence, p).next)
            {
              Occurrence *occ = &g_array_index (check->occurrences, Occurrence, p);
              guint f = MIN (first, occ->first), l = MAX (last, occ->last);

              if (l - f < best_span)
                {
                  best_span = l - f;
                  best_first = f;
                  best_last = l;
                }
            }
          ok = best_span != G_MAXUINT && (trigger->window == 0 || best_span <= trigger->window);
          first = best_first;
          last = best_last;
        }

      if (ok)
        {
          *out_first = first;
          *out_last = last;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
value_matches (const ValueCond *cond,
               const CsValue   *value)
{
  double hours = 0;

  if (!cond->any_kind && value->kind != cond->kind)
    return FALSE;
  if (cond->period == 1 && value->period == CS_TIME_UNIT_NONE)
    return FALSE;
  if (cond->period == 0 && value->period != CS_TIME_UNIT_NONE)
    return FALSE;
  if (!isnan (cond->min_hours) || !isnan (cond->max_hours))
    {
      hours = cs_value_to_hours (value);
      if (isnan (hours))
        return FALSE;
      /* a range is as long as its upper bound */
      if (!isnan (value->max) && value->max > value->value)
        hours *= value->max / value->value;
      if (!isnan (cond->min_hours) && hours < cond->min_hours)
        return FALSE;
      if (!isnan (cond->max_hours) && hours > cond->max_hours)
        return FALSE;
    }
  return TRUE;
}

/* Whether @value comes at most two words after an occurrence of the concept @limit in the
 * clause: "within 4 hours", "dans les 20 minutes", "at most 8 business hours", "within the
 * next 15 minutes", but not "every 5 minutes". */
static gboolean
value_after_limit (Check         *check,
                   guint          limit,
                   const CsValue *value)
{
  if (check->heads[limit] < 0)
    return FALSE;
  for (int o = check->heads[limit]; o >= 0;
       o = g_array_index (check->occurrences, Occurrence, o).next)
    {
      guint gap = 0;

      for (guint j = g_array_index (check->occurrences, Occurrence, o).last + 1;
           j < check->tokens->len && gap <= 2; j++, gap++)
        {
          gsize start = check->norm->starts[g_array_index (check->tokens, Token, j).start];

          if (start == value->start)
            return TRUE;
          if (start > value->start)
            break;
        }
    }
  return FALSE;
}

/* Whether the values of the clause, @values[@from, @to), meet @cond; with cond->after, only
 * the values that start at or after @trigger (an offset in the original text) count. */
static gboolean
values_meet (Check           *check,
             const ValueCond *cond,
             GArray          *values,
             guint            from,
             guint            to,
             gsize            trigger)
{
  gboolean kind_seen = FALSE;

  for (guint i = from; i < to; i++)
    {
      const CsValue *v = &g_array_index (values, CsValue, i);

      if (cond->after && v->start < trigger)
        continue;
      if (cond->limit != NO_CONCEPT && !value_after_limit (check, cond->limit, v))
        continue;

      kind_seen = kind_seen || cond->any_kind || v->kind == cond->kind;
      if (value_matches (cond, v))
        return TRUE;
    }
  return cond->absent_ok && !kind_seen;
}

static gboolean
has_any (Check  *check,
         GArray *concepts,
         gboolean text_wide)
{
  for (guint i = 0; i < concepts->len; i++)
    {
      guint c = g_array_index (concepts, guint, i);

      if (text_wide ? check->in_text[c] : check->heads[c] >= 0)
        return TRUE;
    }
  return FALSE;
}

static CsFinding *
new_finding (Check      *check,
             Rule       *rule,
             guint       first,
             guint       last)
{
  Token *a = &g_array_index (check->tokens, Token, first);
  Token *b = &g_array_index (check->tokens, Token, last);
  g_autofree char *matched = NULL;
  g_autofree char *message = NULL;
  gsize o_start = 0, o_end = 0;

  cs_normalized_text_map_range (check->norm, a->start, b->end, &o_start, &o_end);
  matched = g_strndup (check->text + o_start, o_end - o_start);
  /* The quote and the reason are in the clause's language, whatever the user's. */
  if (rule->language == CS_LANGUAGE_FR)
    message = g_strdup_printf ("« %s » : %s", matched, rule->why);
  else
    message = g_strdup_printf ("“%s”: %s", matched, rule->why);

  return g_object_new (CS_TYPE_FINDING,
                       "kind", CS_FINDING_LINTER,
                       "id", rule->id,
                       "severity", rule->severity,
                       "status", CS_ITEM_PARTIAL,
                       "title", _cs_rulefile_translate (rule->title),
                       "message", message,
                       "remedy", _cs_rulefile_translate (rule->suggestion),
                       "example", rule->better,
                       "source", rule->source,
                       "section", (guint) check->section,
                       "record-id", check->clause_id,
                       "start", (guint) o_start,
                       "end", (guint) o_end,
                       "matched-text", matched,
                       NULL);
}

static void
apply_rules (Check      *check,
             CsLanguage  language,
             guint       v_from,
             guint       v_to)
{
  for (guint r = 0; r < check->self->rules->len; r++)
    {
      Rule *rule = g_ptr_array_index (check->self->rules, r);
      guint first = 0, last = 0;
      gboolean matched = FALSE;
      gboolean ok = TRUE;
      gsize trigger = 0;

      if (rule->language != language)
        continue;
      if (check->section != CS_SECTION_DASHBOARD && rule->sections != 0
          && (rule->sections & (1u << check->section)) == 0)
        continue;

      for (guint t = 0; !matched && t < rule->triggers->len; t++)
        matched = trigger_matches (check, &g_array_index (rule->triggers, Trigger, t),
                                   &first, &last);
      if (!matched || has_any (check, rule->unless, FALSE))
        continue;
      if (rule->requires->len > 0 && !rule->requires_text
          && !has_any (check, rule->requires, FALSE))
        continue;
      trigger = check->norm->starts[g_array_index (check->tokens, Token, first).start];
      for (guint i = 0; ok && i < rule->unless_values->len; i++)
        ok = !values_meet (check, &g_array_index (rule->unless_values, ValueCond, i),
                           check->values, v_from, v_to, trigger);
      for (guint i = 0; ok && i < rule->requires_values->len; i++)
        ok = values_meet (check, &g_array_index (rule->requires_values, ValueCond, i),
                          check->values, v_from, v_to, trigger);
      if (!ok)
        continue;

      if (rule->requires_text)
        {
          g_ptr_array_add (check->deferred, new_finding (check, rule, first, last));
          g_ptr_array_add (check->deferred_rules, rule);
        }
      else
        g_ptr_array_add (check->findings, new_finding (check, rule, first, last));
    }
}

/* English or French from the function words of the normalised @text, given as @tokens. */
static CsLanguage
guess_from_tokens (const char *text,
                   GArray     *tokens)
{
#define W(word) { word, sizeof word - 1 }
  static const struct { const char *word; gsize length; } english[] = {
    W ("the"), W ("and"), W ("of"), W ("is"), W ("to"), W ("for"), W ("with"), W ("within"),
    W ("shall"), W ("will"), W ("are"), W ("be"), W ("by"), W ("any"), W ("all"), W ("its"),
    W ("on"), W ("provider"), W ("customer"), W ("hours"), W ("days"),
  }, french[] = {
    W ("le"), W ("la"), W ("les"), W ("des"), W ("du"), W ("est"), W ("et"), W ("une"), W ("pour"),
    W ("dans"), W ("sous"), W ("au"), W ("aux"), W ("sont"), W ("par"), W ("un"), W ("sur"),
    W ("prestataire"), W ("heures"), W ("jours"), W ("l"), W ("d"),
  };
#undef W
  guint en = 0, fr = 0;

  for (guint t = 0; t < tokens->len; t++)
    {
      Token *token = &g_array_index (tokens, Token, t);
      gsize n = token->end - token->start;
      const char *word = text + token->start;

      if (n > 11)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (english); i++)
        if (english[i].length == n && memcmp (word, english[i].word, n) == 0)
          en++;
      for (guint i = 0; i < G_N_ELEMENTS (french); i++)
        if (french[i].length == n && memcmp (word, french[i].word, n) == 0)
          fr++;
    }

  if (en > fr)
    return CS_LANGUAGE_EN;
  if (fr > en)
    return CS_LANGUAGE_FR;
  return CS_LANGUAGE_ANY;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  CsFinding *fa = *(CsFinding **) a;
  CsFinding *fb = *(CsFinding **) b;
  guint sa = cs_finding_get_start (fa);
  guint sb = cs_finding_get_start (fb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return g_strcmp0 (cs_finding_get_id (fa), cs_finding_get_id (fb));
}

static void
check_clauses (Check      *check,
               GArray     *clauses,
               CsLanguage  language)
{
  CsNormalizedText *norm = check->norm;
  CsLanguage text_language = language;
  gboolean text_guessed = language != CS_LANGUAGE_ANY;
  gsize n = 0;                    /* normalised offset of the current clause */
  guint v = 0;                    /* first value not before the current clause */

  for (guint c = 0; c < clauses->len; c++)
    {
      const CsClauseSpan *clause = &g_array_index (clauses, CsClauseSpan, c);
      CsLanguage clause_language = language;
      gsize n_end = 0;
      guint v_end = 0;

      /* clauses and the offset map both run forward: one pass over the text */
      while (n < norm->length && norm->starts[n] < clause->start)
        n++;
      n_end = n;
      while (n_end < norm->length && norm->starts[n_end] < clause->end)
        n_end++;
      while (v < check->values->len
             && g_array_index (check->values, CsValue, v).start < clause->start)
        v++;
      v_end = v;
      while (v_end < check->values->len
             && g_array_index (check->values, CsValue, v_end).start < clause->end)
        v_end++;

      g_array_set_size (check->tokens, 0);
      if (clause->heading)
        {
          /* a title names a subject, it does not commit to anything */
          n = n_end;
          continue;
        }
      _cs_linter_tokenize (norm->text, n, n_end, check->tokens);

      if (clause_language == CS_LANGUAGE_ANY)
        clause_language = guess_from_tokens (norm->text, check->tokens);
      if (clause_language == CS_LANGUAGE_ANY && !text_guessed)
        {
          /* a clause too short to tell ("GTR P1: 4 h"): the language of the whole text */
          g_autoptr(GArray) all_tokens = g_array_new (FALSE, FALSE, sizeof (Token));

          _cs_linter_tokenize (norm->text, 0, norm->length, all_tokens);
          text_language = guess_from_tokens (norm->text, all_tokens);
          text_guessed = TRUE;
        }
      if (clause_language == CS_LANGUAGE_ANY)
        clause_language = text_language;

      for (CsLanguage l = CS_LANGUAGE_EN; l <= CS_LANGUAGE_FR; l++)
        if (clause_language == CS_LANGUAGE_ANY || clause_language == l)
          {
            find_occurrences (check, l);
            apply_rules (check, l, v, v_end);
          }

      n = n_end;
    }

  /* rules that need a concept anywhere in the text ("24/7" and "business hours") */
  for (guint i = 0; i < check->deferred->len; i++)
    {
      Rule *rule = g_ptr_array_index (check->deferred_rules, i);

      if (has_any (check, rule->requires, TRUE))
        g_ptr_array_add (check->findings, g_object_ref (g_ptr_array_index (check->deferred, i)));
    }
}

/**
 * cs_linter_check_text:
 * @self: a linter
 * @text: the text: one clause, a section or a whole contract
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 * @language: the language of @text (%CS_LANGUAGE_ANY: guess it for each clause, from the
 *   whole text when a clause is too short to tell, and apply both when nothing tells)
 * @section: the section the text belongs to; rules limited to other sections are skipped
 *   (%CS_SECTION_DASHBOARD: apply every rule)
 * @clause_id: the clause record id to put in the findings, or 0
 * @flags: how to split @text into clauses
 * @out_clauses: (out) (optional) (transfer full) (element-type CsClauseSpan): the clauses
 * @out_values: (out) (optional) (transfer full) (element-type CsValue): the typed values of
 *   the text, in text order
 * @error: return location for an error
 *
 * Checks @text clause by clause, in time linear in its length. Each finding carries the byte
 * offsets of the weak wording in @text, the words matched, why they are weak (quoting them, in
 * the clause's language) and a better wording in that language.
 *
 * Returns: (transfer full) (element-type CsFinding) (nullable): the findings in text order, or
 *   %NULL with @error set when @text is not valid UTF-8 or too large
 */
GPtrArray *
cs_linter_check_text (CsLinter            *self,
                      const char          *text,
                      gssize               length,
                      CsLanguage           language,
                      CsSection            section,
                      gint64               clause_id,
                      CsClauseSplitFlags   flags,
                      GArray             **out_clauses,
                      GArray             **out_values,
                      GError             **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CsNormalizedText) norm = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GArray) clauses = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) touched = NULL;
  g_autoptr(GPtrArray) deferred = NULL;
  g_autoptr(GPtrArray) deferred_rules = NULL;
  g_autofree int *heads = NULL;
  g_autofree int *tails = NULL;
  g_autofree gboolean *in_text = NULL;
  Check check = { 0 };

  g_return_val_if_fail (CS_IS_LINTER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (length > CS_LINTER_MAX_TEXT)
    {
      g_set_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_TOO_LARGE,
                   _("The text is too large to check (more than %d MiB)."),
                   CS_LINTER_MAX_TEXT / (1024 * 1024));
      return NULL;
    }

  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_TEXT,
                   _("The text is not valid UTF-8; convert it to UTF-8 and try again."));
      return NULL;
    }

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  norm = cs_normalized_text_new (text, length);
  values = g_array_new (FALSE, FALSE, sizeof (CsValue));
  cs_values_extract_normalized (norm, values);
  clauses = cs_clauses_split (text, length, flags);
  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  touched = g_array_new (FALSE, FALSE, sizeof (guint));
  deferred = g_ptr_array_new_with_free_func (g_object_unref);
  deferred_rules = g_ptr_array_new ();

  g_mutex_lock (&self->lock);

  heads = g_new (int, MAX (self->concepts->len, 1));
  for (guint i = 0; i < self->concepts->len; i++)
    heads[i] = -1;
  tails = g_new0 (int, MAX (self->concepts->len, 1));
  in_text = g_new0 (gboolean, MAX (self->concepts->len, 1));

  check = (Check) {
    .self = self, .text = text, .norm = norm, .section = section, .clause_id = clause_id,
    .values = values, .findings = findings, .tokens = tokens, .occurrences = occurrences,
    .heads = heads, .tails = tails, .touched = touched, .in_text = in_text, .deferred = deferred,
    .deferred_rules = deferred_rules,
  };
  check_clauses (&check, clauses, language);

  g_mutex_unlock (&self->lock);

  g_ptr_array_sort (findings, compare_findings);

  if (out_clauses != NULL)
    *out_clauses = g_steal_pointer (&clauses);
  if (out_values != NULL)
    *out_values = g_steal_pointer (&values);

  return g_steal_pointer (&findings);
}

/**
 * cs_linter_check:
 * @self: a linter
 * @text: the clause text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 * @language: the language of the rules to apply (%CS_LANGUAGE_ANY: guess it)
 * @section: the section the clause belongs to; rules limited to other sections are skipped
 *   (%CS_SECTION_DASHBOARD: apply every rule)
 * @clause_id: the clause record id to put in the findings, or 0
 * @error: return location for an error
 *
 * Checks @text, split into clauses and sentences (see cs_linter_check_text()).
 *
 * Returns: (transfer full) (element-type CsFinding) (nullable): the findings in text order, or
 *   %NULL with @error set when @text is not valid UTF-8 or too large
 */
GPtrArray *
cs_linter_check (CsLinter    *self,
                 const char  *text,
                 gssize       length,
                 CsLanguage   language,
                 CsSection    section,
                 gint64       clause_id,
                 GError     **error)
{
  return cs_linter_check_text (self, text, length, language, section, clause_id,
                               CS_CLAUSE_SPLIT_DEFAULT, NULL, NULL, error);
}

/**
 * cs_linter_guess_language:
 * @text: valid UTF-8 text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Guesses whether @text is English or French from its most common words.
 *
 * Returns: the language, or %CS_LANGUAGE_ANY when it cannot tell
 */
CsLanguage
cs_linter_guess_language (const char *text,
                          gssize      length)
{
  g_autoptr(CsNormalizedText) norm = NULL;
  g_autoptr(GArray) tokens = NULL;

  g_return_val_if_fail (text != NULL, CS_LANGUAGE_ANY);

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate (text, length, NULL))
    return CS_LANGUAGE_ANY;

  norm = cs_normalized_text_new (text, length);
  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  _cs_linter_tokenize (norm->text, 0, norm->length, tokens);

  return guess_from_tokens (norm->text, tokens);
}

/**
 * cs_language_from_string:
 * @text: (nullable): "en", "fr" or "any"
 * @out_language: (out): where to store the language
 *
 * Returns: %TRUE if @text names a language
 */
gboolean
cs_language_from_string (const char *text,
                         CsLanguage *out_language)
{
  if (g_strcmp0 (text, "en") == 0)
    *out_language = CS_LANGUAGE_EN;
  else if (g_strcmp0 (text, "fr") == 0)
    *out_language = CS_LANGUAGE_FR;
  else if (g_strcmp0 (text, "any") == 0)
    *out_language = CS_LANGUAGE_ANY;
  else
    return FALSE;

  return TRUE;
}

/**
 * cs_language_to_string:
 * @language: a language
 *
 * Returns: "en", "fr" or "any"
 */
const char *
cs_language_to_string (CsLanguage language)
{
  switch (language)
    {
    case CS_LANGUAGE_EN:
      return "en";
    case CS_LANGUAGE_FR:
      return "fr";
    case CS_LANGUAGE_ANY:
    default:
      return "any";
    }
}

static Rule *
get_rule (CsLinter *self,
          guint     index)
{
  g_return_val_if_fail (CS_IS_LINTER (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);

  return g_ptr_array_index (self->rules, index);
}

/**
 * cs_linter_get_n_rules:
 * @self: a linter
 *
 * Returns: the number of rules, counting each language of a rule separately
 */
guint
cs_linter_get_n_rules (CsLinter *self)
{
  g_return_val_if_fail (CS_IS_LINTER (self), 0);

  return self->rules->len;
}

/**
 * cs_linter_get_rule_id:
 * @self: a linter
 * @index: a rule index
 *
 * Returns: the id of the rule ("L04")
 */
const char *
cs_linter_get_rule_id (CsLinter *self,
                       guint     index)
{
  Rule *rule = get_rule (self, index);

  return rule != NULL ? rule->id : NULL;
}

/**
 * cs_linter_get_rule_language:
 * @self: a linter
 * @index: a rule index
 *
 * Returns: the language of the rule
 */
CsLanguage
cs_linter_get_rule_language (CsLinter *self,
                             guint     index)
{
  Rule *rule = get_rule (self, index);

  return rule != NULL ? rule->language : CS_LANGUAGE_ANY;
}

/**
 * cs_linter_get_rule_examples:
 * @self: a linter
 * @index: a rule index
 * @matching: %TRUE for the examples the rule flags, %FALSE for those it must not flag
 *
 * Returns: (transfer none): the examples of the rule, %NULL-terminated
 */
const char * const *
cs_linter_get_rule_examples (CsLinter *self,
                             guint     index,
                             gboolean  matching)
{
  Rule *rule = get_rule (self, index);

  if (rule == NULL)
    return NULL;

  return (const char * const *) (matching ? rule->examples : rule->counter_examples);
}

/**
 * cs_linter_get_rule_better:
 * @self: a linter
 * @index: a rule index
 *
 * Returns: (nullable): the useful wording of the rule in its language
 */
const char *
cs_linter_get_rule_better (CsLinter *self,
                           guint     index)
{
  Rule *rule = get_rule (self, index);

  return rule != NULL ? rule->better : NULL;
}

/**
 * cs_linter_get_rule_items:
 * @self: a linter
 * @rule_id: a rule id ("L18")
 *
 * The checklist items (ids of DOMAIN.md: "BCK-12", "EXT-04" …) that a rule bears on: a
 * finding of the rule is evidence about these items for the verdict engine.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the item ids, an empty array
 *   for a rule without items, %NULL for an unknown rule
 */
const char * const *
cs_linter_get_rule_items (CsLinter   *self,
                          const char *rule_id)
{
  GStrv items = NULL;

  g_return_val_if_fail (CS_IS_LINTER (self), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);

  items = g_hash_table_lookup (self->rule_items, rule_id);
  if (items == NULL)
    return NULL;

  return items[0] != NULL ? (const char * const *) items : no_items;
}
