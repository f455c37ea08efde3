/* fuzz-linter.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness: the clause linter with its default rules, on any text, in every language
 * and section (the first two bytes choose them).
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cs-linter.h"

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
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CsLanguage language;
  CsSection section;

  if (size < 2)
    return 0;

  language = data[0] % 3;
  section = data[1] % CS_N_SECTIONS;
  cs_linter_guess_language ((const char *) data + 2, size - 2);
  findings = cs_linter_check (linter, (const char *) data + 2, size - 2, language, section, 1,
                              &error);
  if (findings == NULL && error == NULL)
    abort ();

  return 0;
}
