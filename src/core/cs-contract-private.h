/* cs-contract-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-contract.h"

G_BEGIN_DECLS

/* One line (PDF, plain text) or paragraph (ODT, DOCX) of the document, in reading order. */
typedef struct
{
  char     *text;
  guint     page;
  guint     level;      /* heading outline level from the document's styles; 0: body */
  gboolean  paragraph;  /* starts a paragraph of its own (structured formats, blank lines) */
} CsContractLine;

/* A proposal rule of data/reader/sections.xml, loaded by cs-contract-classify.c. */
typedef struct _CsContractRule CsContractRule;

void       _cs_contract_line_clear       (gpointer          data);
GArray    *_cs_contract_lines_new        (void);
void       _cs_contract_lines_add        (GArray           *lines,
                                          const char       *text,
                                          gsize             length,
                                          guint             page,
                                          guint             level,
                                          gboolean          paragraph);

gboolean   _cs_contract_read_pdf         (GBytes           *bytes,
                                          GCancellable     *cancellable,
                                          GArray           *lines,
                                          guint            *out_n_pages,
                                          GError          **error);
gboolean   _cs_contract_read_zip         (GBytes           *bytes,
                                          CsContractFormat *out_format,
                                          GArray           *lines,
                                          guint            *out_n_pages,
                                          GError          **error);
gboolean   _cs_contract_read_text        (GBytes           *bytes,
                                          GArray           *lines,
                                          guint            *out_n_pages,
                                          GError          **error);

void       _cs_contract_remove_furniture (GArray           *lines,
                                          guint             n_pages);
GPtrArray *_cs_contract_split            (GArray           *lines);
void       _cs_contract_clause_free      (gpointer          data);

void       _cs_contract_classify         (GPtrArray        *clauses,
                                          CsLanguage        language);
GPtrArray *_cs_contract_propose          (GPtrArray        *clauses,
                                          CsLanguage        language);
void       _cs_contract_proposal_free    (gpointer          data);

G_END_DECLS
