/* fuzz-xml.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness: the XML import (cs_exchange_import_to_new_project()), which must refuse
 * with an error or create a project that opens.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "cs-exchange.h"
#include "cs-store.h"

static char *path;

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-fuzz-xml-XXXXXX", &error);

  g_assert_no_error (error);
  path = g_build_filename (dir, "imported.contractscope", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsStore) reopened = NULL;

  g_unlink (path);
  store = cs_exchange_import_to_new_project (bytes, path, &error);
  if (store == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }

  cs_store_close (store);
  reopened = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  if (reopened == NULL)
    abort ();
  g_unlink (path);

  return 0;
}
