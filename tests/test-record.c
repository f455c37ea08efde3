/* test-record.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "cs-model.h"
#include "cs-record-private.h"
#include "cs-store.h"
#include "cs-test-utils.h"

/* Every record type's fields are the columns of its table in schema-1.sql, in order (but
 * offer.coverage_default, the store's). */
static void
test_descriptors_match_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("schema.contractscope");
  g_autoptr(CsStore) store = cs_store_create (path, "Schema", &error);
  sqlite3 *db = NULL;
  const GType *types = NULL;
  guint n_types = 0;

  g_assert_no_error (error);
  cs_store_close (store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  types = cs_model_get_record_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      const CsEntity *entity = cs_record_type_get_entity (types[t]);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", entity->table);
      sqlite3_stmt *stmt = NULL;
      guint column = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 1);

          /* The store's own column, no record's field: the coverage an offer's assets have
           * without a row (cs-store-coverage.c), last of its table. */
          if (g_str_equal (entity->table, "offer") && g_str_equal (name, "coverage_default"))
            {
              g_assert_cmpuint (column, ==, entity->n_fields + 1);
              continue;
            }
          if (column == 0)
            g_assert_cmpstr (name, ==, "id");
          else if (column == entity->n_fields + 1)
            g_assert_cmpstr (name, ==, entity->blob_column);
          else
            g_assert_cmpstr (name, ==, entity->fields[column - 1].column);
          column++;
        }
      sqlite3_finalize (stmt);

      /* A blob column, records never hold, comes last. */
      g_assert_cmpuint (column, ==, entity->n_fields + 1 + (entity->blob_column != NULL ? 1 : 0));
    }

  sqlite3_close (db);
}

static void
test_properties (void)
{
  g_autoptr(CsRecord) asset = g_object_new (CS_TYPE_ASSET,
                                            "name", "SRV-AD01",
                                            "category", "server",
                                            "criticality", (gint64) 1,
                                            NULL);
  g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, NULL);
  g_autoptr(CsRecord) copy = NULL;
  g_autofree char *name = NULL;
  gint64 quantity = 0;

  g_object_get (asset, "name", &name, "quantity", &quantity, NULL);
  g_assert_cmpstr (name, ==, "SRV-AD01");
  g_assert_cmpint (quantity, ==, 1);
  g_assert_cmpint (cs_record_get_int (asset, "criticality"), ==, 1);
  g_assert_cmpstr (cs_record_get_string (asset, "owner"), ==, "");
  g_assert_cmpint (cs_record_get_id (asset), ==, 0);

  /* Numbers start "not stated", and choices at their first value. */
  g_assert_true (isnan (cs_record_get_number (offer, "price_recurring")));
  g_assert_cmpstr (cs_record_get_string (offer, "kind"), ==, "proposal");
  g_assert_cmpstr (cs_offer_get_kind (CS_OFFER (offer)), ==, "proposal");

  /* Column and property spellings both find the field. */
  g_assert_nonnull (cs_entity_find_field (cs_record_get_entity (offer), "price-recurring", NULL));
  g_assert_nonnull (cs_entity_find_field (cs_record_get_entity (offer), "price_recurring", NULL));
  g_assert_null (cs_entity_find_field (cs_record_get_entity (offer), "price", NULL));

  copy = cs_record_copy (asset);
  g_assert_cmpstr (cs_asset_get_name (CS_ASSET (copy)), ==, "SRV-AD01");
  g_assert_cmpint (cs_record_get_int (copy, "criticality"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_notify (void)
{
  g_autoptr(CsRecord) site = g_object_new (CS_TYPE_SITE, NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  guint index = 0;
  int notified = 0;

  g_signal_connect_swapped (site, "notify::name", G_CALLBACK (g_nullify_pointer), NULL);
  g_signal_handlers_disconnect_matched (site, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, NULL);
  g_signal_connect_swapped (site, "notify::name", G_CALLBACK (g_atomic_int_inc), &notified);

  g_assert_nonnull (cs_entity_find_field (cs_record_get_entity (site), "name", &index));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Lyon");
  _cs_record_take_value (site, index, &value);
  _cs_record_take_value (site, index, &value);

  /* Setting the same value again does not notify. */
  g_assert_cmpint (notified, ==, 1);
  g_assert_cmpstr (cs_site_get_name (CS_SITE (site)), ==, "Lyon");
}

static void
test_sections (void)
{
  CsSection section;

  g_assert_cmpstr (cs_section_get_id (CS_SECTION_SLA), ==, "sla");
  g_assert_true (cs_section_from_id ("exit", &section));
  g_assert_cmpint (section, ==, CS_SECTION_EXIT);
  g_assert_false (cs_section_from_id ("nope", &section));

  for (guint i = 0; cs_asset_categories ()[i] != NULL; i++)
    g_assert_cmpstr (cs_asset_category_get_label (cs_asset_categories ()[i]), !=,
                     cs_asset_categories ()[i]);
}

/* Ordered records: by "position", then by id for equal positions; the copy is sorted. */
static void
test_sort_by_position (void)
{
  g_autoptr(GListStore) store = g_list_store_new (CS_TYPE_PARTY);
  g_autoptr(GPtrArray) sorted = NULL;
  const struct { gint64 id; gint64 position; } parties[] = {
    { 4, 2 }, { 3, 1 }, { 1, 2 }, { 2, 0 },
  };
  const gint64 expected[] = { 2, 3, 1, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (parties); i++)
    {
      g_autoptr(CsRecord) party = g_object_new (CS_TYPE_PARTY, "position", parties[i].position,
                                                NULL);

      cs_record_set_id (party, parties[i].id);
      g_list_store_append (store, party);
    }

  sorted = cs_records_sort_by_position (G_LIST_MODEL (store));
  g_assert_cmpuint (sorted->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < sorted->len; i++)
    g_assert_cmpint (cs_record_get_id (g_ptr_array_index (sorted, i)), ==, expected[i]);

  /* The list itself is left in its order. */
  {
    g_autoptr(CsRecord) first = g_list_model_get_item (G_LIST_MODEL (store), 0);

    g_assert_cmpint (cs_record_get_id (first), ==, 4);
  }
  g_assert_cmpint (cs_record_compare_positions (g_ptr_array_index (sorted, 0),
                                                g_ptr_array_index (sorted, 0)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/record/descriptors-match-schema", test_descriptors_match_schema);
  g_test_add_func ("/core/record/properties", test_properties);
  g_test_add_func ("/core/record/notify", test_notify);
  g_test_add_func ("/core/record/sections", test_sections);
  g_test_add_func ("/core/record/sort-by-position", test_sort_by_position);

  return g_test_run ();
}
