/* cs-clauses.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CsClauseSplitFlags:
 * @CS_CLAUSE_SPLIT_DEFAULT: split at numbered articles and headings, paragraphs, list items and
 *   sentence ends
 * @CS_CLAUSE_SPLIT_LINES: every line is one clause (no sentence splitting)
 *
 * How cs_clauses_split() cuts a text.
 */
typedef enum {
  CS_CLAUSE_SPLIT_DEFAULT = 0,
  CS_CLAUSE_SPLIT_LINES   = 1 << 0,
} CsClauseSplitFlags;

/**
 * CsClauseSpan:
 * @start: byte offset of the first character of the clause
 * @end: byte offset just after its last character (white space trimmed)
 * @line: the line of @start, from 1
 * @heading: the clause is a title line ("Article 4 - Sauvegardes", "5.2 Backup"): a short line
 *   that starts with an article word or a section number and does not end a sentence
 *
 * One clause or sentence of a text. The clause linter never looks across clauses, and does not
 * check headings.
 */
typedef struct
{
  gsize    start;
  gsize    end;
  guint    line;
  gboolean heading;
} CsClauseSpan;

GArray *cs_clauses_split (const char         *text,
                          gssize              length,
                          CsClauseSplitFlags  flags);

G_END_DECLS
