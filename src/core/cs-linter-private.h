/* cs-linter-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libstemmer.h>
#include <libxml/tree.h>

#include "cs-linter.h"
#include "cs-values.h"

G_BEGIN_DECLS

/* The types shared by cs-linter.c (checking) and cs-linter-rules.c (loading the lexicons and
 * the rules). */


#define NO_CONCEPT G_MAXUINT
#define NEGATION_SPAN 3   /* words before a concept in which a negation cancels it */

typedef struct
{
  char       *id;
  CsLanguage  language;
  gboolean    negatable;
} Concept;

typedef struct
{
  guint        concept;
  guint        n_words;
  const char **words;     /* interned stems; "*" matches any one word */
  char       **exact;     /* per word: the normalised word when written "=word", else NULL */
  gboolean     negative;  /* starts with a negation word ("not included") */
} Term;

typedef struct
{
  gboolean           french;
  struct sb_stemmer *stemmer;
  GHashTable        *stems;       /* word → interned stem */
  GHashTable        *terms;       /* interned first stem → GPtrArray of Term */
  GHashTable        *negations;   /* interned stems of the "negation" concept */
  GHashTable        *stopwords;   /* interned stems of the "stopword" concept */
} LangData;

typedef struct
{
  guint  n;
  guint *concepts;
  guint  window;                  /* in words; 0: the whole clause */
} Trigger;

typedef struct
{
  gboolean    any_kind;
  CsValueKind kind;
  int         period;             /* -1: either, 0: without a period, 1: with one */
  double      min_hours;
  double      max_hours;
  gboolean    absent_ok;
  gboolean    after;              /* only values after the words that triggered the rule */
  guint       limit;              /* only values right after this concept ("within 4 hours",
                                   * not "every 5 minutes"), or NO_CONCEPT */
} ValueCond;

typedef struct
{
  char       *id;
  CsSeverity  severity;
  char       *title;
  char       *message;
  char       *suggestion;
  char       *source;
  guint       sections;           /* bit mask of CsSection; 0 = any */
  CsLanguage  language;
  char       *why;                /* the message in the rule's language */
  GArray     *triggers;           /* Trigger */
  GArray     *unless;             /* concept indexes */
  GArray     *requires;           /* concept indexes */
  gboolean    requires_text;      /* <requires> looks at the whole text, not the clause */
  GArray     *unless_values;      /* ValueCond */
  GArray     *requires_values;    /* ValueCond */
  GStrv       examples;
  GStrv       counter_examples;
  char       *better;
} Rule;

struct _CsLinter
{
  GObject     parent_instance;

  GMutex      lock;
  GPtrArray  *rules;
  GPtrArray  *concepts;
  GHashTable *concept_ids;        /* "en:id" → index + 1 */
  GHashTable *rule_items;         /* rule id → GStrv */
  LangData    langs[3];           /* indexed by CsLanguage; [CS_LANGUAGE_ANY] unused */
};

typedef struct
{
  gsize       start;              /* in the normalised text */
  gsize       end;
  const char *stem[3];            /* per language, computed on demand */
} Token;

void        _cs_linter_rule_free        (gpointer     data);
void        _cs_linter_concept_free     (gpointer     data);
void        _cs_linter_lang_data_init   (LangData    *lang,
                                         const char  *algorithm);
void        _cs_linter_lang_data_clear  (LangData    *lang);
void        _cs_linter_tokenize         (const char  *text,
                                         gsize        start,
                                         gsize        end,
                                         GArray      *tokens);
const char *_cs_linter_token_stem       (LangData    *lang,
                                         CsLanguage   language,
                                         const char  *text,
                                         Token       *token);
gboolean    _cs_linter_load_lexicon     (CsLinter    *self,
                                         xmlNode     *root,
                                         const char  *name,
                                         GError     **error);
gboolean    _cs_linter_load_rule        (CsLinter    *self,
                                         xmlNode     *node,
                                         const char  *name,
                                         GError     **error);

G_END_DECLS
