/* cs-linter-rules.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-linter"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-linter-private.h"

#include "cs-rulefile-private.h"

#include <math.h>
#include <string.h>

/* Loading the clause linter's data: concept lexicons, whose phrases are normalised, tokenised
 * and stemmed exactly like the text they are matched against, and rules over those concepts.
 * See #CsLinter for what the rules mean. */


void
_cs_linter_rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->id);
  g_free (rule->title);
  g_free (rule->message);
  g_free (rule->suggestion);
  g_free (rule->source);
  g_free (rule->why);
  for (guint i = 0; rule->triggers != NULL && i < rule->triggers->len; i++)
    g_free (g_array_index (rule->triggers, Trigger, i).concepts);
  g_clear_pointer (&rule->triggers, g_array_unref);
  g_clear_pointer (&rule->unless, g_array_unref);
  g_clear_pointer (&rule->requires, g_array_unref);
  g_clear_pointer (&rule->unless_values, g_array_unref);
  g_clear_pointer (&rule->requires_values, g_array_unref);
  g_strfreev (rule->examples);
  g_strfreev (rule->counter_examples);
  g_free (rule->better);
  g_free (rule);
}

void
_cs_linter_concept_free (gpointer data)
{
  Concept *concept = data;

  g_free (concept->id);
  g_free (concept);
}

static void
term_list_free (gpointer data)
{
  GPtrArray *terms = data;

  for (guint i = 0; i < terms->len; i++)
    {
      Term *term = g_ptr_array_index (terms, i);

      g_free (term->words);
      g_strfreev (term->exact);
      g_free (term);
    }
  g_ptr_array_unref (terms);
}

/* Stems are compared by address, so each is kept once for the life of the process, here rather
 * than with g_intern_string(): GLib's quark table drops its old index each time it grows, which
 * LeakSanitizer rightly reports once a long run (the fuzzer's) has read enough distinct words. */
G_LOCK_DEFINE_STATIC (stem_pool);
static GHashTable *stem_pool;

static const char *
intern_stem (char *stem)
{
  const char *interned;

  G_LOCK (stem_pool);
  if (stem_pool == NULL)
    stem_pool = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  interned = g_hash_table_lookup (stem_pool, stem);
  if (interned == NULL)
    {
      g_hash_table_add (stem_pool, stem);
      interned = stem;
    }
  else
    g_free (stem);
  G_UNLOCK (stem_pool);

  return interned;
}

/* The interned stem of @word (lowercase, accents removed) in @language. */
static const char *
stem_word (LangData   *lang,
           const char *word,
           gsize       length)
{
  char buffer[64];
  g_autofree char *key = NULL;
  const char *stem = NULL;

  /* most words fit the buffer: a lookup that hits the cache allocates nothing */
  if (length < sizeof buffer)
    {
      memcpy (buffer, word, length);
      buffer[length] = '\0';
      stem = g_hash_table_lookup (lang->stems, buffer);
      if (stem != NULL)
        return stem;
    }
  key = g_strndup (word, length);
  stem = g_hash_table_lookup (lang->stems, key);

  if (stem == NULL)
    {
      g_autofree char *folded = g_strdup (key);
      gsize n = length;
      const sb_symbol *out = NULL;
      g_autofree char *copy = NULL;

      /* Without its accents, a French feminine or plural participle ("prorogée" → "prorogee")
       * no longer looks like one to the stemmer: fold "-ee(s)" to "-e" first. */
      if (lang->french && n > 4 && g_str_has_suffix (folded, "ees"))
        folded[n -= 2] = '\0';
      else if (lang->french && n > 3 && g_str_has_suffix (folded, "ee"))
        folded[n -= 1] = '\0';
      out = sb_stemmer_stem (lang->stemmer, (const sb_symbol *) folded, n);

      if (out == NULL)
        g_error ("out of memory");
      copy = g_strndup ((const char *) out, sb_stemmer_length (lang->stemmer));
      stem = intern_stem (g_steal_pointer (&copy));
      g_hash_table_insert (lang->stems, g_steal_pointer (&key), (gpointer) stem);
    }

  return stem;
}


static gboolean
is_word_char (const char *p,
              const char *end)
{
  guchar c = (guchar) *p;

  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (g_utf8_get_char_validated (p, end - p));
}

/* Appends the words of @text[@start, @end) to @tokens: runs of letters and digits; apostrophes,
 * hyphens and all punctuation separate words ("client's" → "client" "s"). */
void
_cs_linter_tokenize (const char *text,
          gsize       start,
          gsize       end,
          GArray     *tokens)
{
  gsize i = start;

  while (i < end)
    {
      Token token = { 0 };

      while (i < end && !is_word_char (text + i, text + end))
        i = g_utf8_next_char (text + i) - text;
      if (i >= end)
        break;
      token.start = i;
      while (i < end && is_word_char (text + i, text + end))
        i = g_utf8_next_char (text + i) - text;
      token.end = MIN (i, end);
      g_array_append_val (tokens, token);
    }
}

const char *
_cs_linter_token_stem (LangData   *lang,
            CsLanguage  language,
            const char *text,
            Token      *token)
{
  if (token->stem[language] == NULL)
    token->stem[language] = stem_word (lang, text + token->start, token->end - token->start);
  return token->stem[language];
}

static void
set_invalid (GError     **error,
             const char  *name,
             xmlNode     *node,
             const char  *detail)
{
  g_set_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_RULES,
               _("The rule file “%s” is not valid: line %d: %s"), name,
               (int) xmlGetLineNo (node), detail);
}

static guint
lookup_concept (CsLinter   *self,
                CsLanguage  language,
                const char *id)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", cs_language_to_string (language), id);
  gpointer index = g_hash_table_lookup (self->concept_ids, key);

  return index != NULL ? GPOINTER_TO_UINT (index) - 1 : NO_CONCEPT;
}

static guint
add_concept (CsLinter   *self,
             CsLanguage  language,
             const char *id,
             gboolean    negatable)
{
  guint index = lookup_concept (self, language, id);
  Concept *concept = NULL;

  if (index != NO_CONCEPT)
    return index;

  concept = g_new0 (Concept, 1);
  concept->id = g_strdup (id);
  concept->language = language;
  concept->negatable = negatable;
  g_ptr_array_add (self->concepts, concept);
  g_hash_table_insert (self->concept_ids,
                       g_strdup_printf ("%s:%s", cs_language_to_string (language), id),
                       GUINT_TO_POINTER (self->concepts->len));
  return self->concepts->len - 1;
}

/* Adds one phrase of a concept: each word normalised and stemmed like the text. */
static gboolean
add_term (CsLinter    *self,
          CsLanguage   language,
          guint        concept,
          const char  *phrase,
          const char  *special)
{
  LangData *lang = &self->langs[language];
  g_autoptr(CsNormalizedText) norm = cs_normalized_text_new (phrase, -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GPtrArray) exact = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  GPtrArray *list = NULL;
  Term *term = NULL;
  gsize start = 0;

  /* the phrase is normalised once, then read piece by piece: "*", "=word" or words */
  while (start < norm->length)
    {
      gsize end = start;
      gboolean is_exact = norm->text[start] == '=';

      while (end < norm->length && norm->text[end] != ' ')
        end++;
      if (end == start + 1 && norm->text[start] == '*')
        {
          g_ptr_array_add (words, (gpointer) g_intern_static_string ("*"));
          g_ptr_array_add (exact, NULL);
        }
      else
        {
          g_array_set_size (tokens, 0);
          _cs_linter_tokenize (norm->text, start + is_exact, end, tokens);
          for (guint t = 0; t < tokens->len; t++)
            {
              Token *token = &g_array_index (tokens, Token, t);

              g_ptr_array_add (words, (gpointer) _cs_linter_token_stem (lang, language, norm->text,
                                                                        token));
              g_ptr_array_add (exact, is_exact ? g_strndup (norm->text + token->start,
                                                            token->end - token->start) : NULL);
            }
        }
      start = end + 1;
    }

  if (words->len == 0 || g_str_equal (words->pdata[0], "*"))
    return FALSE;

  if (special != NULL && g_str_equal (special, "negation"))
    g_hash_table_add (lang->negations, words->pdata[0]);

  term = g_new0 (Term, 1);
  term->concept = concept;
  term->n_words = words->len;
  term->words = g_new0 (const char *, words->len);
  memcpy (term->words, words->pdata, words->len * sizeof (char *));
  g_ptr_array_add (exact, NULL);
  term->exact = (char **) g_ptr_array_steal (exact, NULL);
  term->negative = g_hash_table_contains (lang->negations, term->words[0]);

  list = g_hash_table_lookup (lang->terms, term->words[0]);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (lang->terms, (gpointer) term->words[0], list);
    }
  g_ptr_array_add (list, term);

  return TRUE;
}

gboolean
_cs_linter_load_lexicon (CsLinter    *self,
              xmlNode     *root,
              const char  *name,
              GError     **error)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *code = NULL;
      g_autofree char *negatable = NULL;
      CsLanguage language = CS_LANGUAGE_ANY;
      guint concept = 0;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      id = _cs_rulefile_get_prop (node, "id");
      code = _cs_rulefile_get_prop (node, "lang");
      negatable = _cs_rulefile_get_prop (node, "negatable");
      cs_language_from_string (code, &language);
      concept = add_concept (self, language, id, g_strcmp0 (negatable, "yes") == 0);

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          g_autofree char *phrase = NULL;

          if (child->type != XML_ELEMENT_NODE)
            continue;
          phrase = _cs_rulefile_get_text (child);
          if (!add_term (self, language, concept, phrase, id))
            {
              set_invalid (error, name, child, _("a term needs a word before any “*”"));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
parse_concepts (CsLinter    *self,
                CsLanguage   language,
                xmlNode     *node,
                const char  *name,
                GArray      *out,
                GError     **error)
{
  g_autofree char *list = _cs_rulefile_get_prop (node, "concepts");
  g_auto(GStrv) ids = g_strsplit_set (list != NULL ? list : "", " \t\n", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      guint concept = 0;

      if (*ids[i] == '\0')
        continue;
      concept = lookup_concept (self, language, ids[i]);
      if (concept == NO_CONCEPT)
        {
          g_autofree char *detail = g_strdup_printf (_("unknown concept “%s”"), ids[i]);

          set_invalid (error, name, node, detail);
          return FALSE;
        }
      g_array_append_val (out, concept);
    }

  return TRUE;
}

static ValueCond
parse_value_cond (xmlNode *node)
{
  g_autofree char *kind = _cs_rulefile_get_prop (node, "kind");
  g_autofree char *period = _cs_rulefile_get_prop (node, "period");
  g_autofree char *min = _cs_rulefile_get_prop (node, "min-hours");
  g_autofree char *max = _cs_rulefile_get_prop (node, "max-hours");
  g_autofree char *absent = _cs_rulefile_get_prop (node, "absent-ok");
  g_autofree char *after = _cs_rulefile_get_prop (node, "after");
  ValueCond cond = { .period = -1, .min_hours = NAN, .max_hours = NAN, .limit = NO_CONCEPT };

  cond.any_kind = kind == NULL || g_str_equal (kind, "any");
  for (guint k = CS_VALUE_DURATION; !cond.any_kind && k <= CS_VALUE_DATE; k++)
    if (g_str_equal (kind, cs_value_kind_to_string (k)))
      cond.kind = k;
  if (period != NULL)
    cond.period = g_str_equal (period, "yes") ? 1 : 0;
  if (min != NULL)
    cond.min_hours = g_ascii_strtod (min, NULL);
  if (max != NULL)
    cond.max_hours = g_ascii_strtod (max, NULL);
  cond.absent_ok = g_strcmp0 (absent, "yes") == 0;
  cond.after = g_strcmp0 (after, "yes") == 0;

  return cond;
}

/* limit="yes": only the values given as a time limit count, those right after a word of the
 * "time-limit" concept of the rule's language ("within 4 hours", "sous 4 heures"), not an
 * interval or a duration of something else ("every 5 minutes", "for 12 months"). */
static gboolean
parse_value_limit (CsLinter    *self,
                   CsLanguage   language,
                   xmlNode     *node,
                   const char  *name,
                   ValueCond   *cond,
                   GError     **error)
{
  g_autofree char *limit = _cs_rulefile_get_prop (node, "limit");

  if (g_strcmp0 (limit, "yes") != 0)
    return TRUE;
  cond->limit = lookup_concept (self, language, "time-limit");
  if (cond->limit == NO_CONCEPT)
    {
      g_autofree char *detail = g_strdup_printf (_("unknown concept “%s”"), "time-limit");

      set_invalid (error, name, node, detail);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_language (CsLinter    *self,
               Rule        *base,
               xmlNode     *lang_node,
               const char  *name,
               GError     **error)
{
  g_autoptr(GPtrArray) examples = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) counters = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = _cs_rulefile_get_prop (lang_node, "code");
  Rule *rule = g_new0 (Rule, 1);

  rule->id = g_strdup (base->id);
  rule->severity = base->severity;
  rule->title = g_strdup (base->title);
  rule->message = g_strdup (base->message);
  rule->suggestion = g_strdup (base->suggestion);
  rule->source = g_strdup (base->source);
  rule->sections = base->sections;
  rule->triggers = g_array_new (FALSE, FALSE, sizeof (Trigger));
  rule->unless = g_array_new (FALSE, FALSE, sizeof (guint));
  rule->requires = g_array_new (FALSE, FALSE, sizeof (guint));
  rule->unless_values = g_array_new (FALSE, FALSE, sizeof (ValueCond));
  rule->requires_values = g_array_new (FALSE, FALSE, sizeof (ValueCond));
  cs_language_from_string (code, &rule->language);
  g_ptr_array_add (self->rules, rule);

  for (xmlNode *child = lang_node->children; child != NULL; child = child->next)
    {
      const char *element = (const char *) child->name;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (g_str_equal (element, "when"))
        {
          g_autoptr(GArray) concepts = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autofree char *window = _cs_rulefile_get_prop (child, "window");
          Trigger trigger = { 0 };

          if (!parse_concepts (self, rule->language, child, name, concepts, error))
            return FALSE;
          trigger.n = concepts->len;
          trigger.window = window != NULL ? (guint) g_ascii_strtoull (window, NULL, 10) : 0;
          trigger.concepts = (guint *) (void *) g_array_free (g_steal_pointer (&concepts), FALSE);
          g_array_append_val (rule->triggers, trigger);
        }
      else if (g_str_equal (element, "unless"))
        {
          if (!parse_concepts (self, rule->language, child, name, rule->unless, error))
            return FALSE;
        }
      else if (g_str_equal (element, "requires"))
        {
          g_autofree char *scope = _cs_rulefile_get_prop (child, "scope");

          rule->requires_text = g_strcmp0 (scope, "text") == 0;
          if (!parse_concepts (self, rule->language, child, name, rule->requires, error))
            return FALSE;
        }
      else if (g_str_equal (element, "unless-value") || g_str_equal (element, "requires-value"))
        {
          ValueCond cond = parse_value_cond (child);

          if (!parse_value_limit (self, rule->language, child, name, &cond, error))
            return FALSE;
          g_array_append_val (g_str_equal (element, "unless-value") ? rule->unless_values
                                                                    : rule->requires_values,
                              cond);
        }
      else if (g_str_equal (element, "why"))
        rule->why = _cs_rulefile_get_text (child);
      else if (g_str_equal (element, "example"))
        g_ptr_array_add (examples, _cs_rulefile_get_text (child));
      else if (g_str_equal (element, "counter-example"))
        g_ptr_array_add (counters, _cs_rulefile_get_text (child));
      else if (g_str_equal (element, "better"))
        rule->better = _cs_rulefile_get_text (child);
    }

  if (rule->why == NULL)
    rule->why = g_strdup (rule->message);

  g_ptr_array_add (examples, NULL);
  g_ptr_array_add (counters, NULL);
  rule->examples = (GStrv) g_ptr_array_steal (examples, NULL);
  rule->counter_examples = (GStrv) g_ptr_array_steal (counters, NULL);

  return TRUE;
}

static guint
parse_sections (const char *list)
{
  g_auto(GStrv) ids = NULL;
  guint mask = 0;

  if (list == NULL)
    return 0;

  ids = g_strsplit_set (list, " \t\n", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      CsSection section;

      if (cs_section_from_id (ids[i], &section))
        mask |= 1u << section;
    }

  return mask;
}

gboolean
_cs_linter_load_rule (CsLinter    *self,
           xmlNode     *node,
           const char  *name,
           GError     **error)
{
  g_autofree char *severity = _cs_rulefile_get_prop (node, "severity");
  g_autofree char *sections = _cs_rulefile_get_prop (node, "sections");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  Rule base = { 0 };
  gboolean ok = TRUE;

  base.id = _cs_rulefile_get_prop (node, "id");
  cs_severity_from_string (severity, &base.severity);
  base.sections = parse_sections (sections);
  base.title = _cs_rulefile_get_text (_cs_rulefile_child (node, "title"));
  base.message = _cs_rulefile_get_text (_cs_rulefile_child (node, "message"));
  base.suggestion = _cs_rulefile_get_text (_cs_rulefile_child (node, "suggestion"));
  base.source = _cs_rulefile_get_text (_cs_rulefile_child (node, "source"));

  for (xmlNode *child = node->children; ok && child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) child->name, "item"))
        g_ptr_array_add (items, _cs_rulefile_get_prop (child, "ref"));
      else if (g_str_equal ((const char *) child->name, "lang"))
        ok = load_language (self, &base, child, name, error);
    }

  if (ok)
    {
      g_ptr_array_add (items, NULL);
      g_hash_table_replace (self->rule_items, g_strdup (base.id),
                            g_ptr_array_steal (items, NULL));
    }

  g_free (base.id);
  g_free (base.title);
  g_free (base.message);
  g_free (base.suggestion);
  g_free (base.source);

  return ok;
}

void
_cs_linter_lang_data_init (LangData   *lang,
                const char *algorithm)
{
  lang->french = g_str_equal (algorithm, "french");
  lang->stemmer = sb_stemmer_new (algorithm, "UTF_8");
  if (lang->stemmer == NULL)
    g_error ("libstemmer has no “%s” stemmer", algorithm);
  lang->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lang->terms = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, term_list_free);
  lang->negations = g_hash_table_new (g_direct_hash, g_direct_equal);
}

void
_cs_linter_lang_data_clear (LangData *lang)
{
  g_clear_pointer (&lang->stemmer, sb_stemmer_delete);
  g_clear_pointer (&lang->stems, g_hash_table_unref);
  g_clear_pointer (&lang->terms, g_hash_table_unref);
  g_clear_pointer (&lang->negations, g_hash_table_unref);
}

