/* cs-linter.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-finding.h"

G_BEGIN_DECLS

#define CS_LINTER_ERROR (cs_linter_error_quark ())

/**
 * CsLinterError:
 * @CS_LINTER_ERROR_INVALID_RULES: a rule file is not well-formed, does not validate against
 *   linter.rng, or holds a pattern that does not compile; the message gives the line
 * @CS_LINTER_ERROR_INVALID_TEXT: the text to check is not valid UTF-8
 * @CS_LINTER_ERROR_TOO_LARGE: the text to check is larger than %CS_LINTER_MAX_TEXT
 *
 * Errors of #CsLinter. Every message is translated.
 */
typedef enum {
  CS_LINTER_ERROR_INVALID_RULES,
  CS_LINTER_ERROR_INVALID_TEXT,
  CS_LINTER_ERROR_TOO_LARGE,
} CsLinterError;

/**
 * CS_LINTER_MAX_TEXT:
 *
 * The largest text the linter checks, in bytes (the size limit of a clause).
 */
#define CS_LINTER_MAX_TEXT (1024 * 1024)

/**
 * CsLanguage:
 * @CS_LANGUAGE_ANY: apply the rules of every language
 * @CS_LANGUAGE_EN: English
 * @CS_LANGUAGE_FR: French
 */
typedef enum {
  CS_LANGUAGE_ANY,
  CS_LANGUAGE_EN,
  CS_LANGUAGE_FR,
} CsLanguage;

#define CS_TYPE_LINTER (cs_linter_get_type ())

G_DECLARE_FINAL_TYPE (CsLinter, cs_linter, CS, LINTER, GObject)

GQuark       cs_linter_error_quark            (void);

CsLinter    *cs_linter_new                    (void);
CsLinter    *cs_linter_new_default            (GError       **error);
gboolean     cs_linter_load_bytes             (CsLinter      *self,
                                               GBytes        *xml,
                                               const char    *name,
                                               GError       **error);

GPtrArray   *cs_linter_check                  (CsLinter      *self,
                                               const char    *text,
                                               gssize         length,
                                               CsLanguage     language,
                                               CsSection      section,
                                               gint64         clause_id,
                                               GError       **error);

CsLanguage   cs_linter_guess_language         (const char    *text,
                                               gssize         length);
gboolean     cs_language_from_string          (const char    *text,
                                               CsLanguage    *out_language);
const char  *cs_language_to_string           (CsLanguage     language);

guint        cs_linter_get_n_rules            (CsLinter      *self);
const char  *cs_linter_get_rule_id            (CsLinter      *self,
                                               guint          index);
CsLanguage   cs_linter_get_rule_language      (CsLinter      *self,
                                               guint          index);
const char * const *cs_linter_get_rule_examples (CsLinter    *self,
                                               guint          index,
                                               gboolean       matching);
const char  *cs_linter_get_rule_better        (CsLinter      *self,
                                               guint          index);
const char * const *cs_linter_get_rule_items   (CsLinter      *self,
                                               const char    *rule_id);

G_END_DECLS
