/* cs-bench-utils.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What several benchmarks share: the large project they measure, and resident memory.
 */

#include "config.h"

#include <string.h>

#include "cs-bench-utils.h"
#include "cs-perimeter.h"

/*
 * cs_bench_build_project:
 * @path: where to create the project
 *
 * Creates a project with CS_BENCH_N_ASSETS assets on 12 sites through the bulk API, and
 * CS_BENCH_N_OFFERS offers that each manage every asset. Aborts on any error.
 */
void
cs_bench_build_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_create (path, "Bench", &error);
  g_autoptr(CsStoreBulk) bulk = NULL;
  g_autoptr(GArray) ids = NULL;
  CsAssetQuery query = { 0 };
  gint64 sites[12];

  if (store == NULL)
    g_error ("%s", error->message);

  bulk = cs_store_bulk_new (store, &error);
  if (bulk == NULL || !cs_store_bulk_begin (bulk, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      g_autofree char *name = g_strdup_printf ("Site %u", i + 1);

      if ((sites[i] = cs_store_bulk_add_site (bulk, name, &error)) == 0)
        g_error ("%s", error->message);
    }
  for (guint i = 0; i < CS_BENCH_N_ASSETS; i++)
    {
      static const char * const categories[] = { "endpoint", "server", "switch", "printer" };
      g_autofree char *name = g_strdup_printf ("HOST-%06u", i);
      g_autofree char *serial = g_strdup_printf ("SN%08u", i * 7);
      g_autofree char *owner = g_strdup_printf ("user%u@example.com", i % 5000);
      CsAssetValues values = {
        .category = categories[i % G_N_ELEMENTS (categories)],
        .name = name,
        .site_id = sites[i % G_N_ELEMENTS (sites)],
        .quantity = 1,
        .criticality = 1 + i % 4,
        .owner = owner,
        .vendor = "Vendor",
        .model = "Model",
        .serial = serial,
        .notes = "Imported",
      };

      if (cs_store_bulk_add_asset (bulk, &values, &error) == 0)
        g_error ("%s", error->message);
    }
  if (!cs_store_bulk_commit (bulk, &error))
    g_error ("%s", error->message);
  g_clear_pointer (&bulk, cs_store_bulk_free);
  cs_store_reload (store);

  ids = cs_store_query_asset_ids (store, &query, &error);
  if (ids == NULL)
    g_error ("%s", error->message);
  if (ids->len != CS_BENCH_N_ASSETS)
    g_error ("expected %u assets, found %u", CS_BENCH_N_ASSETS, ids->len);
  for (guint i = 0; i < CS_BENCH_N_OFFERS; i++)
    {
      g_autofree char *provider = g_strdup_printf ("Provider %u", i + 1);
      g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", provider, NULL);
      g_autoptr(CsCoverageChange) change = NULL;

      if (!cs_store_add (store, offer, &error))
        g_error ("%s", error->message);
      change = cs_store_set_coverage (store, cs_record_get_id (offer), (gint64 *) ids->data,
                                      ids->len, CS_COVERAGE_MANAGED, NULL, NULL, &error);
      if (change == NULL)
        g_error ("%s", error->message);
    }
}

/*
 * cs_bench_status_kib:
 * @field: a field of /proc/self/status with its colon, e.g. "VmRSS:"
 *
 * Returns: the field's value in KiB, or 0 when it cannot be read
 */
guint64
cs_bench_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}
