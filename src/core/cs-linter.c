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
#include "cs-core-resources.h"
#include "cs-rulefile-private.h"
#include "cs-values.h"

#include <string.h>

/**
 * CsLinter:
 *
 * The clause linter: flags weak wording in contract text (effort standards, missing timers,
 * undefined scope …) in English and French. The rules are data (data/linter/rules.xml,
 * validated against linter.rng): each rule has a pattern per language, optionally a pattern
 * that must be absent within a window around the match ("X without Y nearby") or one that must
 * be present ("X near Y"), a translated explanation and suggestion, and examples that the tests
 * check. Patterns match the normalised text (see #CsNormalizedText): lowercase, without
 * accents, so they are written without accents.
 */
struct _CsLinter
{
  GObject    parent_instance;

  GPtrArray  *rules;
  GHashTable *rule_items;   /* rule id → GStrv of checklist item ids */
};

typedef struct
{
  char       *id;
  CsSeverity  severity;
  char       *title;
  char       *message;
  char       *suggestion;
  char       *source;
  guint       sections;       /* bit mask of CsSection; 0 = any */
  CsLanguage  language;
  GRegex     *pattern;
  GRegex     *unless;
  guint       unless_window;
  GRegex     *near;
  guint       near_window;
  GStrv       examples;
  GStrv       counter_examples;
  char       *better;
} Rule;

G_DEFINE_FINAL_TYPE (CsLinter, cs_linter, G_TYPE_OBJECT)
G_DEFINE_QUARK (cs-linter-error-quark, cs_linter_error)

#define RULES_RESOURCE "/org/contractscope/ContractScope/core/linter/rules.xml"
#define SCHEMA_RESOURCE "/org/contractscope/ContractScope/core/linter/linter.rng"

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->id);
  g_free (rule->title);
  g_free (rule->message);
  g_free (rule->suggestion);
  g_free (rule->source);
  g_clear_pointer (&rule->pattern, g_regex_unref);
  g_clear_pointer (&rule->unless, g_regex_unref);
  g_clear_pointer (&rule->near, g_regex_unref);
  g_strfreev (rule->examples);
  g_strfreev (rule->counter_examples);
  g_free (rule->better);
  g_free (rule);
}

static GRegex *
compile_pattern (xmlNode     *node,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *text = _cs_rulefile_get_text (node);
  g_autoptr(GError) local_error = NULL;
  GRegex *regex = NULL;

  regex = g_regex_new (text, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &local_error);
  if (regex == NULL)
    {
      g_set_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_RULES,
                   _("The rule file “%s” is not valid: line %d: %s"), name,
                   (int) xmlGetLineNo (node), local_error->message);
      return NULL;
    }

  return regex;
}

static guint
get_window (xmlNode *node)
{
  g_autofree char *window = _cs_rulefile_get_prop (node, "window");

  return window != NULL ? (guint) g_ascii_strtoull (window, NULL, 10) : 120;
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
  cs_language_from_string (code, &rule->language);
  g_ptr_array_add (self->rules, rule);

  for (xmlNode *child = lang_node->children; child != NULL; child = child->next)
    {
      const char *element = (const char *) child->name;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (g_str_equal (element, "pattern"))
        rule->pattern = compile_pattern (child, name, error);
      else if (g_str_equal (element, "unless"))
        {
          rule->unless = compile_pattern (child, name, error);
          rule->unless_window = get_window (child);
          if (rule->unless == NULL)
            return FALSE;
        }
      else if (g_str_equal (element, "near"))
        {
          rule->near = compile_pattern (child, name, error);
          rule->near_window = get_window (child);
          if (rule->near == NULL)
            return FALSE;
        }
      else if (g_str_equal (element, "example"))
        g_ptr_array_add (examples, _cs_rulefile_get_text (child));
      else if (g_str_equal (element, "counter-example"))
        g_ptr_array_add (counters, _cs_rulefile_get_text (child));
      else if (g_str_equal (element, "better"))
        rule->better = _cs_rulefile_get_text (child);

      if (g_str_equal (element, "pattern") && rule->pattern == NULL)
        return FALSE;
    }

  g_ptr_array_add (examples, NULL);
  g_ptr_array_add (counters, NULL);
  rule->examples = (GStrv) g_ptr_array_steal (examples, NULL);
  rule->counter_examples = (GStrv) g_ptr_array_steal (counters, NULL);

  return TRUE;
}

static gboolean
window_matches (GRegex           *regex,
                CsNormalizedText *norm,
                gsize             start,
                gsize             end,
                guint             window)
{
  gsize from = start > window ? start - window : 0;
  gsize to = MIN (norm->length, end + window);

  /* Keep the window on character boundaries. */
  while (from < norm->length && (norm->text[from] & 0xC0) == 0x80)
    from++;
  while (to < norm->length && (norm->text[to] & 0xC0) == 0x80)
    to++;

  return g_regex_match_full (regex, norm->text, to, from, 0, NULL, NULL);
}

static void
cs_linter_finalize (GObject *object)
{
  CsLinter *self = (CsLinter *) object;

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->rule_items, g_hash_table_unref);

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
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->rule_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_strfreev);
}

/**
 * cs_linter_new:
 *
 * Creates a linter without rules; add some with cs_linter_load_bytes().
 *
 * Returns: (transfer full): a new linter
 */
CsLinter *
cs_linter_new (void)
{
  return g_object_new (CS_TYPE_LINTER, NULL);
}

/**
 * cs_linter_new_default:
 * @error: return location for an error
 *
 * Creates a linter with the rules bundled in the application.
 *
 * Returns: (transfer full) (nullable): a new linter
 */
CsLinter *
cs_linter_new_default (GError **error)
{
  g_autoptr(CsLinter) self = cs_linter_new ();
  g_autoptr(GBytes) bytes = NULL;

  /* Referencing the bundle links it in, even into programs that use nothing else of it. */
  g_assert (cs_core_get_resource () != NULL);
  bytes = g_resources_lookup_data (RULES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  if (!cs_linter_load_bytes (self, bytes, "rules.xml", error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cs_linter_load_bytes:
 * @self: a linter
 * @xml: the contents of a rule file
 * @name: the file name, for messages
 * @error: return location for an error
 *
 * Adds the rules of @xml. The file is validated against linter.rng first, and every pattern
 * must compile; on failure nothing is added and @error names the line.
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
  guint old_len = 0;

  g_return_val_if_fail (CS_IS_LINTER (self), FALSE);
  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  doc = _cs_rulefile_parse (xml, name, SCHEMA_RESOURCE, CS_LINTER_ERROR,
                            CS_LINTER_ERROR_INVALID_RULES, error);
  if (doc == NULL)
    return FALSE;

  old_len = self->rules->len;
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      g_autofree char *severity = NULL;
      g_autofree char *sections = NULL;
      Rule base = { 0 };
      gboolean ok = TRUE;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      base.id = _cs_rulefile_get_prop (node, "id");
      severity = _cs_rulefile_get_prop (node, "severity");
      sections = _cs_rulefile_get_prop (node, "sections");
      cs_severity_from_string (severity, &base.severity);
      base.sections = parse_sections (sections);
      base.title = _cs_rulefile_get_text (_cs_rulefile_child (node, "title"));
      base.message = _cs_rulefile_get_text (_cs_rulefile_child (node, "message"));
      base.suggestion = _cs_rulefile_get_text (_cs_rulefile_child (node, "suggestion"));
      base.source = _cs_rulefile_get_text (_cs_rulefile_child (node, "source"));

      for (xmlNode *child = node->children; ok && child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "lang"))
          ok = load_language (self, &base, child, name, error);

      /* The checklist items the rule bears on: <item ref="BCK-12"/>. */
      if (ok)
        {
          g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

          for (xmlNode *child = node->children; child != NULL; child = child->next)
            if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "item"))
              {
                g_autofree char *ref = _cs_rulefile_get_prop (child, "ref");

                g_strv_builder_add (items, ref);
              }
          g_hash_table_replace (self->rule_items, g_strdup (base.id), g_strv_builder_end (items));
        }

      g_free (base.id);
      g_free (base.title);
      g_free (base.message);
      g_free (base.suggestion);
      g_free (base.source);

      if (!ok)
        {
          g_ptr_array_remove_range (self->rules, old_len, self->rules->len - old_len);
          return FALSE;
        }
    }

  return TRUE;
}

static CsFinding *
new_finding (Rule             *rule,
             const char       *text,
             CsNormalizedText *norm,
             gsize             start,
             gsize             end,
             CsSection         section,
             gint64            clause_id)
{
  g_autofree char *matched = NULL;
  gsize o_start = 0, o_end = 0;

  cs_normalized_text_map_range (norm, start, end, &o_start, &o_end);
  matched = g_strndup (text + o_start, o_end - o_start);

  return g_object_new (CS_TYPE_FINDING,
                       "kind", CS_FINDING_LINTER,
                       "id", rule->id,
                       "severity", rule->severity,
                       "status", CS_ITEM_PARTIAL,
                       "title", _cs_rulefile_translate (rule->title),
                       "message", _cs_rulefile_translate (rule->message),
                       "remedy", _cs_rulefile_translate (rule->suggestion),
                       "example", rule->better,
                       "source", rule->source,
                       "section", (guint) section,
                       "record-id", clause_id,
                       "start", (guint) o_start,
                       "end", (guint) o_end,
                       "matched-text", matched,
                       NULL);
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

/**
 * cs_linter_check:
 * @self: a linter
 * @text: the clause text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 * @language: the language of the rules to apply (%CS_LANGUAGE_ANY: every language)
 * @section: the section the clause belongs to; rules limited to other sections are skipped
 *   (%CS_SECTION_DASHBOARD: apply every rule)
 * @clause_id: the clause record id to put in the findings, or 0
 * @error: return location for an error
 *
 * Checks @text. Each finding carries the byte offsets of the weak wording in @text, the words
 * matched, why they are weak and a better wording.
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
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CsNormalizedText) norm = NULL;

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

  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);
      g_autoptr(GMatchInfo) match = NULL;

      if (language != CS_LANGUAGE_ANY && rule->language != language)
        continue;
      if (section != CS_SECTION_DASHBOARD && rule->sections != 0
          && (rule->sections & (1u << section)) == 0)
        continue;

      g_regex_match_full (rule->pattern, norm->text, norm->length, 0, 0, &match, NULL);
      while (g_match_info_matches (match))
        {
          int start = 0, end = 0;

          g_match_info_fetch_pos (match, 0, &start, &end);
          if (end > start
              && (rule->unless == NULL
                  || !window_matches (rule->unless, norm, start, end, rule->unless_window))
              && (rule->near == NULL
                  || window_matches (rule->near, norm, start, end, rule->near_window)))
            g_ptr_array_add (findings,
                             new_finding (rule, text, norm, start, end, section, clause_id));

          g_match_info_next (match, NULL);
        }
    }

  g_ptr_array_sort (findings, compare_findings);

  return g_steal_pointer (&findings);
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
  static const char * const english[] = {
    " the ", " and ", " of ", " is ", " to ", " for ", " with ", " within ", " shall ", NULL
  };
  static const char * const french[] = {
    " le ", " la ", " les ", " des ", " du ", " est ", " et ", " une ", " pour ", " dans ", NULL
  };
  g_autoptr(CsNormalizedText) norm = NULL;
  g_autofree char *padded = NULL;
  guint en = 0, fr = 0;

  g_return_val_if_fail (text != NULL, CS_LANGUAGE_ANY);

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate (text, length, NULL))
    return CS_LANGUAGE_ANY;

  norm = cs_normalized_text_new (text, length);
  padded = g_strdup_printf (" %s ", norm->text);
  for (guint i = 0; english[i] != NULL; i++)
    for (const char *p = padded; (p = strstr (p, english[i])) != NULL; p++)
      en++;
  for (guint i = 0; french[i] != NULL; i++)
    for (const char *p = padded; (p = strstr (p, french[i])) != NULL; p++)
      fr++;

  if (en > fr)
    return CS_LANGUAGE_EN;
  if (fr > en)
    return CS_LANGUAGE_FR;
  return CS_LANGUAGE_ANY;
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
 * The checklist items a rule bears on (its `<item ref="…"/>` elements): a clause with a finding
 * of the rule weakens those items of the checklist.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the item ids, an empty array
 *   when the rule names none, %NULL for an unknown rule
 */
const char * const *
cs_linter_get_rule_items (CsLinter   *self,
                          const char *rule_id)
{
  g_return_val_if_fail (CS_IS_LINTER (self), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);

  return g_hash_table_lookup (self->rule_items, rule_id);
}
