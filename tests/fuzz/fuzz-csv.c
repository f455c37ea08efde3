/* fuzz-csv.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness: the CSV import (detection, parsing, mapping, the summary and a dry run
 * into a real project).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "cs-csv-import.h"
#include "cs-store.h"

static CsStore *store;

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-fuzz-csv-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.contractscope", NULL);
  store = cs_store_create (path, "Fuzz", &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCsvImport) import = cs_csv_import_new_for_bytes (bytes, "fuzz.csv", &error);
  g_autoptr(CsCsvReport) report = NULL;
  g_autofree char *how = NULL;
  g_autofree char *text = NULL;

  if (import == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }

  cs_csv_import_apply_remembered_mapping (import, store);
  how = cs_csv_import_describe (import);
  for (guint i = 0; i < cs_csv_import_get_n_preview_rows (import); i++)
    {
      guint line = 0;
      const char *rejection = NULL;

      cs_csv_import_get_preview_row (import, i, &line, &rejection);
    }

  report = cs_csv_import_run (import, store, TRUE, NULL, &error);
  if (report == NULL && error == NULL)
    abort ();
  if (report != NULL)
    text = cs_csv_report_to_text (report);

  return 0;
}
