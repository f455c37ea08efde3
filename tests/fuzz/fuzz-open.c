/* fuzz-open.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness: the careful open of a project file (cs_store_open()), read-only and for
 * editing, then every list read back. A refused file must be left byte for byte unchanged.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cs-store.h"

static char *dir;
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

  dir = g_dir_make_tmp ("cs-fuzz-open-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.contractscope", NULL);
  return 0;
}

/* Removes whatever an open left beside the file (a backup before a migration). */
static void
clean_dir (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
}

static void
read_back (CsStore *store)
{
  GType types[] = { CS_TYPE_ASSET, CS_TYPE_EXCLUSION, CS_TYPE_PARTY, CS_TYPE_ACTIVITY,
                    CS_TYPE_RESPONSIBILITY, CS_TYPE_CLAUSE, CS_TYPE_CHECKLIST_ANSWER };
  GListModel *offers = cs_store_get_offers (store);

  g_list_model_get_n_items (cs_store_get_sites (store));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_list_model_get_n_items (cs_store_list (store, types[i], 0));
  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      CsCoverageCounts counts;

      cs_store_count_coverage (store, cs_record_get_id (offer), 1, &counts, NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *after = NULL;
  gsize after_length = 0;

  clean_dir ();
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    abort ();

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CsStore) store = cs_store_open (path, i == 0 ? CS_STORE_OPEN_READ_ONLY
                                                             : CS_STORE_OPEN_DEFAULT,
                                                &error);

      if (store != NULL)
        {
          read_back (store);
          /* An upgrade may rewrite an older file; only refusals must leave it alone. */
          return 0;
        }
      if (error == NULL || error->domain != CS_STORE_ERROR)
        abort ();
    }

  if (!g_file_get_contents (path, &after, &after_length, NULL)
      || after_length != size || memcmp (after, data, size) != 0)
    abort ();

  return 0;
}
