/* fuzz-contract.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness: the contract reader on any bytes (PDF, ODT, DOCX or text, told from the
 * first bytes): read, split, sorted, linted and proposed, or refused with an error.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cs-contract.h"

static CsLinter *linter;

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  linter = cs_linter_new_default (&error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(CsContractDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = cs_contract_document_new_from_bytes (bytes, "fuzz", NULL, &error);
  if (document == NULL)
    {
      if (error == NULL || error->domain != CS_CONTRACT_ERROR)
        abort ();
      return 0;
    }
  if (!cs_contract_document_analyse (document, linter, NULL, &error))
    abort ();
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    if (cs_contract_document_get_proposal (document, i)->clause
        >= cs_contract_document_get_n_clauses (document))
      abort ();

  return 0;
}
