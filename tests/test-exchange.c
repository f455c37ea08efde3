/* test-exchange.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "cs-demo.h"
#include "cs-exchange.h"
#include "cs-model.h"
#include "cs-record-private.h"
#include "cs-store.h"
#include "cs-test-utils.h"

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

#define HOSTILE_TEXT "R&D <b>x</b> “é” ]]> &amp; \r\n\tend "
#define SECRET_MARKER "CS-SECRET-7f3a9"

static CsStore *
create_project (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path (name);
  CsStore *store = cs_store_create (path, "Verdier Distribution", &error);

  g_assert_no_error (error);
  return store;
}

static GBytes *
export_bytes (CsStore *store)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = cs_exchange_export_to_bytes (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static CsStore *
import_bytes (GBytes     *xml,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path (name);
  CsStore *store = cs_exchange_import_to_new_project (xml, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_autofree char *path_a = cs_test_build_path ("first.xml");
      g_autofree char *path_b = cs_test_build_path ("second.xml");

      cs_test_write_file (path_a, g_bytes_get_data (a, NULL), g_bytes_get_size (a));
      cs_test_write_file (path_b, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
      g_error ("The exports differ: diff %s %s", path_a, path_b);
    }
}

/* Validates @xml against the installed-to-be schema with libxml2's tree validator. */
static void
assert_valid_against_schema (GBytes *xml)
{
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "..", "data", "schemas",
                                                        "contractscope-exchange.rng", NULL);
  xmlRelaxNGParserCtxt *parser = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNG *schema = xmlRelaxNGParse (parser);
  xmlRelaxNGValidCtxt *valid = xmlRelaxNGNewValidCtxt (schema);
  xmlDoc *doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml),
                               "export.xml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (schema);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlRelaxNGValidateDoc (valid, doc), ==, 0);

  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
}

/* The number of rows of each table in an export, by table name. */
static GHashTable *
count_rows (GBytes *xml)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml),
                               "export.xml", NULL, XML_PARSE_NONET);
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *table = root->children; table != NULL; table = table->next)
    {
      xmlChar *name;
      guint n = 0;

      if (table->type != XML_ELEMENT_NODE)
        continue;
      for (xmlNode *row = table->children; row != NULL; row = row->next)
        n += row->type == XML_ELEMENT_NODE;
      name = xmlGetProp (table, (const xmlChar *) "name");
      g_hash_table_insert (counts, g_strdup ((const char *) name), GUINT_TO_POINTER (n));
      xmlFree (name);
    }

  xmlFreeDoc (doc);
  return counts;
}

/* Round trips */

static void
round_trip (CsStore    *store,
            const char *name)
{
  g_autoptr(GBytes) first = export_bytes (store);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autoptr(CsStore) copy = NULL;
  g_autoptr(CsStore) copy2 = NULL;
  g_autofree char *name2 = g_strconcat (name, "-2", NULL);

  assert_valid_against_schema (first);

  copy = import_bytes (first, name);
  second = export_bytes (copy);
  assert_bytes_equal (first, second);

  /* And once more from the copy, which has no deleted rows or gaps in its ids. */
  copy2 = import_bytes (second, name2);
  third = export_bytes (copy2);
  assert_bytes_equal (first, third);
}

static void
test_round_trip_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("demo.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GBytes) xml = NULL;

  g_assert_no_error (error);

  /* A gap in the ids: renumbering keeps the export independent of deleted rows. */
  {
    g_autoptr(CsRecord) site = g_object_new (CS_TYPE_SITE, "name", "Temporary", NULL);
    g_autoptr(CsDeletion) deletion = NULL;

    g_assert_true (cs_store_add (store, site, &error));
    deletion = cs_store_delete (store, site, &error);
    g_assert_no_error (error);
  }

  xml = export_bytes (store);
  counts = count_rows (xml);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "offer")), >=, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "asset")), >=, 10);

  round_trip (store, "demo-copy.contractscope");
}

/* Sets @value to a value of @field unlike its default, from text XML escapes to control
 * characters XML cannot carry, the float that needs 17 digits and the largest integers. */
static void
fill_value (const CsField *field,
            const CsEntity *entity,
            GHashTable    *last_ids,
            gint64         parent_id,
            GValue        *value)
{
  switch (field->type)
    {
    case CS_FIELD_STRING:
      g_value_init (value, G_TYPE_STRING);
      g_value_take_string (value, g_strdup_printf (HOSTILE_TEXT "%s%s", field->column,
                                                   field->max_length > 0 ? "\x01\x7f " : ""));
      break;
    case CS_FIELD_CHOICE:
      {
        guint n = g_strv_length ((char **) field->choices);

        g_value_init (value, G_TYPE_STRING);
        g_value_set_string (value, field->choices[n - 1]);
      }
      break;
    case CS_FIELD_DATE:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, "2026-12-07");
      break;
    case CS_FIELD_INT:
      g_value_init (value, G_TYPE_INT64);
      /* The largest position; one above the smallest for the rest (a priority of 2 …). */
      if (g_str_equal (field->column, "position"))
        g_value_set_int64 (value, field->max);
      else
        g_value_set_int64 (value, MIN (field->min + 1, field->max));
      break;
    case CS_FIELD_NUMBER:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, 0.1 * 3);
      break;
    case CS_FIELD_BOOLEAN:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, field->def == 0);
      break;
    case CS_FIELD_REF:
      g_value_init (value, G_TYPE_INT64);
      if (g_strcmp0 (field->column, entity->parent) == 0 && parent_id != 0)
        g_value_set_int64 (value, parent_id);
      else
        g_value_set_int64 (value, GPOINTER_TO_SIZE (g_hash_table_lookup (last_ids,
                                                                         field->ref_table)));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_all_fields (CsStore        *store,
                CsRecord       *record,
                const CsEntity *entity,
                GHashTable     *last_ids)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (entity->fields[i].column, entity->parent) == 0)
        continue;
      fill_value (&entity->fields[i], entity, last_ids, 0, &value);
      cs_store_set_value (store, record, entity->fields[i].column, &value, &error);
      g_assert_no_error (error);
    }
}

/* Fills a row of every table of the model, every field set unlike its default. */
static gboolean
fill_every_table (CsStore  *store,
                  gpointer  user_data,
                  GError  **error)
{
  g_autoptr(GHashTable) last_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_types = 0;
  const GType *types = cs_model_get_record_types (&n_types);
  gint64 offer_id = 0;

  for (guint t = 0; t < n_types; t++)
    {
      const CsEntity *entity = cs_record_type_get_entity (types[t]);

      if (types[t] == CS_TYPE_PROJECT)
        {
          set_all_fields (store, CS_RECORD (cs_store_get_project (store)), entity, last_ids);
        }
      else if (types[t] == CS_TYPE_KEPT_DOCUMENT)
        {
          /* A kept document is its bytes: binary, with NUL and markup in it. */
          static const char bytes[] = "%PDF-1.4\0\x01" HOSTILE_TEXT "</field>]]>\xff\xfe";
          g_autoptr(GBytes) contents = g_bytes_new_static (bytes, sizeof bytes);
          g_autoptr(CsKeptDocument) document = NULL;

          document = cs_store_keep_document (store, offer_id, HOSTILE_TEXT "file_name",
                                             HOSTILE_TEXT "media_type", contents, error);
          if (document == NULL)
            return FALSE;
        }
      else if (entity->one_per_parent)
        {
          CsRecord *section = cs_store_get_section (store, types[t], offer_id);

          g_assert_nonnull (section);
          set_all_fields (store, section, entity, last_ids);
        }
      else
        {
          g_autoptr(CsRecord) record = g_object_new (types[t], NULL);
          const CsField *parent = entity->parent != NULL
                                    ? cs_entity_find_field (entity, entity->parent, NULL) : NULL;
          gpointer parent_id_ptr = parent != NULL
                                     ? g_hash_table_lookup (last_ids, parent->ref_table) : NULL;
          gint64 parent_id = GPOINTER_TO_SIZE (parent_id_ptr);

          for (guint i = 0; i < entity->n_fields; i++)
            {
              g_auto(GValue) value = G_VALUE_INIT;

              fill_value (&entity->fields[i], entity, last_ids, parent_id, &value);
              _cs_record_take_value (record, i, &value);
            }
          if (!cs_store_add (store, record, error))
            return FALSE;
          g_hash_table_insert (last_ids, (gpointer) entity->table,
                               GSIZE_TO_POINTER (cs_record_get_id (record)));
          if (types[t] == CS_TYPE_OFFER)
            offer_id = cs_record_get_id (record);
        }
    }

  return TRUE;
}

/* A project with a row in every table, and an offer left as created: numbers and dates not
 * stated (NULL). One transaction, so that the test does not wait for hundreds of commits. */
static CsStore *
create_full_project (const char *name)
{
  g_autoptr(CsStore) store = create_project (name);
  g_autoptr(CsRecord) plain = g_object_new (CS_TYPE_OFFER, "provider", "Plain", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_store_add (store, plain, &error));
  cs_store_batch (store, fill_every_table, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

/* Every table of the file is one the model describes, so the export covers the file. */
static void
assert_model_covers_file (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_types = 0;
  const GType *types = cs_model_get_record_types (&n_types);
  guint n_tables = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      gboolean found = FALSE;

      for (guint i = 0; i < n_types; i++)
        found |= g_str_equal (cs_record_type_get_entity (types[i])->table, table);
      if (!found)
        g_error ("The table “%s” is not in the model, so the exchange format misses it", table);
      n_tables++;
    }
  g_assert_cmpuint (n_tables, ==, n_types);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_round_trip_every_table (void)
{
  g_autoptr(CsStore) store = create_full_project ("full.contractscope");
  g_autoptr(CsStore) copy = NULL;
  g_autoptr(GBytes) xml = export_bytes (store);
  g_autoptr(GHashTable) counts = count_rows (xml);
  g_autofree char *expected = NULL;
  guint n_types = 0;
  const GType *types = cs_model_get_record_types (&n_types);
  GListModel *offers;
  g_autoptr(CsRecord) plain = NULL;
  CsRecord *project;

  assert_model_covers_file (cs_store_get_path (store));

  g_assert_cmpuint (g_hash_table_size (counts), ==, n_types);
  for (guint i = 0; i < n_types; i++)
    {
      const char *table = cs_record_type_get_entity (types[i])->table;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, table)) == 0)
        g_error ("The table “%s” is empty in the full project", table);
    }

  /* Control characters go as base64, CR as a character reference. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml),
                                  "encoding=\"base64\""));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml),
                                  "&#13;"));

  round_trip (store, "full-copy.contractscope");

  /* CS_EXCHANGE_FIXTURE=tests/data/exchange-schema-N.xml writes the fixture of a new version. */
  if (g_getenv ("CS_EXCHANGE_FIXTURE") != NULL)
    cs_test_write_file (g_getenv ("CS_EXCHANGE_FIXTURE"), g_bytes_get_data (xml, NULL),
                        g_bytes_get_size (xml));

  /* The values themselves, read back through the store. */
  copy = import_bytes (xml, "full-check.contractscope");
  project = CS_RECORD (cs_store_get_project (copy));
  expected = g_strdup_printf (HOSTILE_TEXT "%s", "client_name");
  g_assert_cmpstr (cs_record_get_string (project, "client_name"), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (HOSTILE_TEXT "%s\x01\x7f ", "notes");
  g_assert_cmpstr (cs_record_get_string (project, "notes"), ==, expected);
  g_assert_cmpstr (cs_record_get_string (project, "start_date"), ==, "2026-12-07");

  offers = cs_store_get_offers (copy);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 2);
  plain = g_list_model_get_item (offers, 0);
  g_assert_cmpstr (cs_record_get_string (plain, "provider"), ==, "Plain");
  g_assert_true (isnan (cs_record_get_number (plain, "price_one_off")));
  {
    g_autoptr(CsRecord) full = g_list_model_get_item (offers, 1);

    g_assert_true (cs_record_get_number (full, "price_one_off") == 0.1 * 3);
    g_assert_cmpstr (cs_record_get_string (full, "received"), ==, "2026-12-07");
  }
}

/* Every released version keeps importing: each fixture has a row in every table of its time,
 * and the one of the current version reads back byte for byte. */
static void
test_fixtures (void)
{
  g_autofree char *expected = g_strdup_printf (HOSTILE_TEXT "%s", "client_name");

  for (int version = 1; version <= CS_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("exchange-schema-%d.xml", version);
      g_autofree char *project = g_strdup_printf ("fixture-%d.contractscope", version);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
      g_autoptr(GMappedFile) mapped = NULL;
      g_autoptr(GBytes) fixture = NULL;
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CsStore) store = NULL;

      mapped = g_mapped_file_new (path, FALSE, &error);
      g_assert_no_error (error);
      fixture = g_mapped_file_get_bytes (mapped);

      store = import_bytes (fixture, project);
      g_assert_cmpstr (cs_project_get_client_name (cs_store_get_project (store)), ==, expected);
      g_assert_cmpuint (g_list_model_get_n_items (cs_store_get_offers (store)), ==, 2);

      xml = export_bytes (store);
      if (version == CS_STORE_SCHEMA_VERSION)
        assert_bytes_equal (fixture, xml);
    }
}

static void
test_export_to_file (void)
{
  g_autoptr(CsStore) store = create_project ("file.contractscope");
  g_autoptr(GBytes) xml = export_bytes (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("export.xml");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gsize length = 0;

  /* An existing file is replaced whole. */
  cs_test_write_file (path, "old", 3);
  g_assert_true (cs_exchange_export_to_file (store, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));

  /* Never over the project itself. */
  before = cs_test_file_sha256 (cs_store_get_path (store));
  g_assert_false (cs_exchange_export_to_file (store, cs_store_get_path (store), &error));
  g_assert_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_SAME_FILE);
  g_clear_error (&error);
  cs_test_assert_unchanged (cs_store_get_path (store), before);

  /* A folder that cannot be written: an error, and no temporary file left. */
  {
    g_autofree char *missing = cs_test_build_path ("no-such-folder/export.xml");

    g_assert_false (cs_exchange_export_to_file (store, missing, &error));
    g_assert_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO);
    g_clear_error (&error);
  }

  dir = g_dir_open (g_get_user_data_dir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".export.xml"));
}

/* Refusals */

static GBytes *
wrap_rows (const char *tables)
{
  char *xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<contract-scope-exchange xmlns=\"%s\" format-version=\"1\" schema-version=\"1\">\n"
                               "%s"
                               "</contract-scope-exchange>\n",
                               CS_EXCHANGE_NAMESPACE, tables);

  return g_bytes_new_take (xml, strlen (xml));
}

/* No file at @name, and no temporary file beside it. */
static void
assert_nothing_left (const char *name)
{
  g_autofree char *path = cs_test_build_path (name);
  g_autofree char *prefix = g_strconcat (".", name, NULL);
  g_autoptr(GDir) dir = g_dir_open (g_get_user_data_dir (), 0, NULL);
  const char *entry;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (entry, prefix));
}

static void
assert_refused (GBytes     *xml,
                int         code,
                int         line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("refused.contractscope");
  g_autoptr(CsStore) store = cs_exchange_import_to_new_project (xml, path, &error);

  g_assert_null (store);
  g_assert_error (error, CS_EXCHANGE_ERROR, code);
  g_test_message ("%s", error->message);
  if (line > 0)
    {
      g_autofree char *where = g_strdup_printf ("Line %d ", line);

      g_assert_true (g_str_has_prefix (error->message, where));
    }
  assert_nothing_left ("refused.contractscope");
}

/* A document larger than one part of the format (6 MiB of base64) comes back whole. */
static void
test_document_parts (void)
{
  g_autoptr(CsStore) store = create_project ("parts.contractscope");
  g_autoptr(CsStore) copy = NULL;
  g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", "Parts", NULL);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(CsKeptDocument) document = NULL;
  g_autoptr(CsRecord) copied_offer = NULL;
  g_autoptr(CsRecord) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  const char *text;
  guint n_parts = 0;

  g_assert_true (cs_store_add (store, offer, &error));
  for (guint i = 0; i < 5 * 1024 * 1024; i++)
    {
      guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);

      g_byte_array_append (data, &byte, 1);
    }
  contents = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  document = cs_store_keep_document (store, cs_record_get_id (offer), "big.pdf", "application/pdf",
                                     contents, &error);
  g_assert_no_error (error);

  xml = export_bytes (store);
  text = g_bytes_get_data (xml, NULL);
  for (const char *p = text; (p = strstr (p, "<field name=\"content\"")) != NULL; p++)
    n_parts++;
  g_assert_cmpuint (n_parts, ==, 2);

  copy = import_bytes (xml, "parts-copy.contractscope");
  copied_offer = g_list_model_get_item (cs_store_get_offers (copy), 0);
  copied = g_list_model_get_item (cs_store_list (copy, CS_TYPE_KEPT_DOCUMENT,
                                                 cs_record_get_id (copied_offer)),
                                  0);
  back = cs_store_read_document (copy, CS_KEPT_DOCUMENT (copied), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, contents));
}

/* @xml with its first @from replaced by @to. */
static GBytes *
replace_once (GBytes     *xml,
              const char *from,
              const char *to)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  char *at = strstr (text, from);
  char *changed;

  g_assert_nonnull (at);
  *at = '\0';
  changed = g_strconcat (text, to, at + strlen (from), NULL);
  return g_bytes_new_take (changed, strlen (changed));
}

/* A document whose bytes are not the ones its SHA-256 names is refused, as is one without its
 * bytes or with them not in base64: nothing is written. */
static void
test_document_refused (void)
{
  g_autoptr(CsStore) store = create_project ("document.contractscope");
  g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", "P", NULL);
  g_autoptr(GBytes) contents = g_bytes_new_static ("test", 4);
  g_autoptr(CsKeptDocument) document = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) missing = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(CsStore) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_store_add (store, offer, &error));
  document = cs_store_keep_document (store, cs_record_get_id (offer), "a.txt", "text/plain",
                                     contents, &error);
  g_assert_no_error (error);

  /* The control: the export as written imports. */
  good = export_bytes (store);
  copy = import_bytes (good, "document-good.contractscope");

  changed = replace_once (good, "encoding=\"base64\">dGVzdA==", "encoding=\"base64\">dGVzdQ==");
  assert_refused (changed, CS_EXCHANGE_ERROR_INVALID, 0);
  missing = replace_once (good, "<field name=\"content\" encoding=\"base64\">dGVzdA==</field>", "");
  assert_refused (missing, CS_EXCHANGE_ERROR_INVALID, 0);
  plain = replace_once (good, "<field name=\"content\" encoding=\"base64\">dGVzdA==", "<field name=\"content\">test");
  assert_refused (plain, CS_EXCHANGE_ERROR_INVALID, 0);
}

/* Cancelled, an export leaves an existing file as it was and no temporary file; an import
 * leaves no project file and no temporary folder. The same calls not cancelled succeed. */
static void
test_cancel (void)
{
  g_autoptr(CsStore) store = create_project ("cancel.contractscope");
  g_autoptr(GBytes) xml = export_bytes (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) not_cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("cancelled.xml");
  g_autofree char *project = cs_test_build_path ("imported.contractscope");
  g_autofree char *contents = NULL;
  CsStore *imported;

  g_cancellable_cancel (cancellable);
  cs_test_write_file (path, "old", 3);
  g_assert_false (cs_exchange_export_to_file_full (store, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_unlink (path);
  assert_nothing_left ("cancelled.xml");

  imported = cs_exchange_import_to_new_project_full (xml, project, cancellable, &error);
  g_assert_null (imported);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_nothing_left ("imported.contractscope");

  /* control */
  g_assert_true (cs_exchange_export_to_file_full (store, path, not_cancelled, &error));
  g_assert_no_error (error);
  imported = cs_exchange_import_to_new_project_full (xml, project, not_cancelled, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  cs_store_close (imported);
  g_object_unref (imported);
  g_assert_true (g_file_test (project, G_FILE_TEST_EXISTS));
}

static void
test_refuse_invalid (void)
{
  g_autoptr(CsStore) store = create_project ("valid.contractscope");
  g_autoptr(GBytes) valid = export_bytes (store);
  g_autofree char *text = g_strndup (g_bytes_get_data (valid, NULL), g_bytes_get_size (valid));
  struct { const char *from; const char *to; int code; } edits[] = {
    /* unknown table, unknown field, wrong type, bad choice, dangling reference */
    { "<table name=\"site\"/>", "<table name=\"nope\"/>", CS_EXCHANGE_ERROR_INVALID },
    { "<field name=\"sector\"", "<field name=\"secteur\"", CS_EXCHANGE_ERROR_INVALID },
    { "<field name=\"users\">0</field>", "<field name=\"users\">many</field>",
      CS_EXCHANGE_ERROR_INVALID },
    { "<field name=\"kind\">client</field>", "<field name=\"kind\">boss</field>",
      CS_EXCHANGE_ERROR_INVALID },
    { "<field name=\"regulated\">0</field>", "<field name=\"regulated\" null=\"true\"/>",
      CS_EXCHANGE_ERROR_INVALID },
    /* a newer format, malformed XML, two tables swapped */
    { "format-version=\"1\"", "format-version=\"2\"", CS_EXCHANGE_ERROR_TOO_NEW },
    { "</contract-scope-exchange>", "</contract-scope>", CS_EXCHANGE_ERROR_NOT_XML },
    { "<table name=\"project\">", "<table name=\"project\"><x/>", CS_EXCHANGE_ERROR_INVALID },
    /* what only the RelaxNG schema refuses: an attribute it does not know, a bad null */
    { "<row id=\"1\">", "<row id=\"1\" extra=\"x\">", CS_EXCHANGE_ERROR_INVALID },
    { "<field name=\"regulated\">0</field>", "<field name=\"regulated\" null=\"false\">0</field>",
      CS_EXCHANGE_ERROR_INVALID },
  };
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_nonnull (strstr (text, "<field name=\"users\">0</field>"));

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GString) edited = g_string_new (text);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_cmpuint (g_string_replace (edited, edits[i].from, edits[i].to, 1), ==, 1);
      bytes = g_string_free_to_bytes (g_steal_pointer (&edited));
      assert_refused (bytes, edits[i].code, 0);
    }

  /* A project without its project row; a reference to a row not in the file. */
  {
    g_autoptr(GBytes) bytes = wrap_rows ("<table name=\"site\"><row id=\"1\"/></table>\n");

    assert_refused (bytes, CS_EXCHANGE_ERROR_INVALID, 0);
  }
  {
    g_autoptr(GBytes) bytes = wrap_rows ("<table name=\"asset\">\n<row id=\"1\">\n"
                                         "<field name=\"site_id\">7</field></row></table>\n");

    assert_refused (bytes, CS_EXCHANGE_ERROR_INVALID, 5);
  }

  assert_refused (empty, CS_EXCHANGE_ERROR_NOT_XML, 1);

  /* The destination exists: refused, and left alone. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *hash = cs_test_file_sha256 (cs_store_get_path (store));

    g_assert_null (cs_exchange_import_to_new_project (valid, cs_store_get_path (store), &error));
    g_assert_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_EXISTS);
    cs_test_assert_unchanged (cs_store_get_path (store), hash);
  }
}

/* Hostile files: each refused with a clear message, within 1 s of CPU and 100 MB of memory
 * (run in a child process whose address space is capped), disclosing nothing. */

typedef enum {
  BILLION_LAUGHS,
  QUADRATIC_BLOWUP,
  XXE_FILE,
  XXE_HTTP,
  EXTERNAL_DTD,
  DEEP_NESTING,
  HUGE_TEXT,
  HUGE_CDATA,
  OVERSIZED,
} Hostile;

static const char *root_open =
  "<contract-scope-exchange xmlns=\"" CS_EXCHANGE_NAMESPACE "\" format-version=\"1\" schema-version=\"1\">";

static GBytes *
build_hostile (Hostile     kind,
               const char *secret_path)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  switch (kind)
    {
    case BILLION_LAUGHS:
      g_string_append (xml, "<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
      for (int i = 1; i <= 9; i++)
        {
          g_string_append_printf (xml, " <!ENTITY lol%d \"", i);
          for (int j = 0; j < 10; j++)
            {
              if (i == 1)
                g_string_append (xml, "&lol;");
              else
                g_string_append_printf (xml, "&lol%d;", i - 1);
            }
          g_string_append (xml, "\">\n");
        }
      g_string_append_printf (xml, "]>\n%s&lol9;</contract-scope-exchange>\n", root_open);
      break;

    case QUADRATIC_BLOWUP:
      g_string_append (xml, "<!DOCTYPE r [<!ENTITY a \"");
      for (int i = 0; i < 100000; i++)
        g_string_append_c (xml, 'a');
      g_string_append_printf (xml, "\">]>\n%s", root_open);
      for (int i = 0; i < 100000; i++)
        g_string_append (xml, "&a;");
      g_string_append (xml, "</contract-scope-exchange>\n");
      break;

    case XXE_FILE:
      g_string_append_printf (xml, "<!DOCTYPE r [<!ENTITY x SYSTEM \"file://%s\">]>\n%s"
                                   "<table name=\"project\"><row id=\"1\">"
                                   "<field name=\"client_name\">&x;</field></row></table>"
                                   "</contract-scope-exchange>\n", secret_path, root_open);
      break;

    case XXE_HTTP:
      g_string_append_printf (xml, "<!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:9/secret\">]>\n"
                                   "%s&x;</contract-scope-exchange>\n", root_open);
      break;

    case EXTERNAL_DTD:
      g_string_append_printf (xml, "<!DOCTYPE contract-scope-exchange SYSTEM \"file://%s\">\n"
                                   "%s</contract-scope-exchange>\n", secret_path, root_open);
      break;

    case DEEP_NESTING:
      g_string_append_printf (xml, "%s\n<table name=\"project\"><row id=\"1\">\n", root_open);
      for (int i = 0; i < 100000; i++)
        g_string_append (xml, "<field name=\"notes\">");
      for (int i = 0; i < 100000; i++)
        g_string_append (xml, "</field>");
      g_string_append (xml, "</row></table></contract-scope-exchange>\n");
      break;

    case HUGE_TEXT:
      g_string_append_printf (xml, "%s\n<table name=\"project\"><row id=\"1\">\n"
                                   "<field name=\"notes\">", root_open);
      for (int i = 0; i < 20 * 1024 * 1024 / 16; i++)
        g_string_append (xml, "0123456789abcdef");
      g_string_append (xml, "</field></row></table></contract-scope-exchange>\n");
      break;

    case HUGE_CDATA:
      g_string_append_printf (xml, "%s\n<table name=\"project\"><row id=\"1\">\n"
                                   "<field name=\"notes\"><![CDATA[", root_open);
      for (int i = 0; i < 20 * 1024 * 1024 / 16; i++)
        g_string_append (xml, "<<<<<<<<>>>>>>>>");
      g_string_append (xml, "]]></field></row></table></contract-scope-exchange>\n");
      break;

    case OVERSIZED:
    default:
      g_assert_not_reached ();
    }

  return g_string_free_to_bytes (xml);
}

/* A file one byte over the limit, sparse and mapped: the test itself uses no memory for it. */
static GBytes *
build_oversized (void)
{
  g_autofree char *path = cs_test_build_path ("oversized.xml");
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_open (path, O_RDWR | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<?xml version=\"1.0\"?>", 21), ==, 21);
  g_assert_cmpint (ftruncate (fd, (off_t) CS_EXCHANGE_MAX_SIZE + 1), ==, 0);
  close (fd);

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

static void
cap_memory (gsize extra)
{
#ifndef UNDER_ASAN
  g_autofree char *statm = NULL;
  unsigned long pages = 0;
  struct rlimit limit;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu", &pages), ==, 1);
  limit.rlim_cur = limit.rlim_max = pages * (rlim_t) sysconf (_SC_PAGESIZE) + extra;
  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#endif
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
run_hostile (Hostile kind)
{
  g_autofree char *secret_path = cs_test_build_path ("secret.txt");
  g_autofree char *path = cs_test_build_path ("hostile.contractscope");
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  const int expected[] = {
    [BILLION_LAUGHS] = CS_EXCHANGE_ERROR_FORBIDDEN,
    [QUADRATIC_BLOWUP] = CS_EXCHANGE_ERROR_FORBIDDEN,
    [XXE_FILE] = CS_EXCHANGE_ERROR_FORBIDDEN,
    [XXE_HTTP] = CS_EXCHANGE_ERROR_FORBIDDEN,
    [EXTERNAL_DTD] = CS_EXCHANGE_ERROR_FORBIDDEN,
    [DEEP_NESTING] = CS_EXCHANGE_ERROR_LIMIT,
    [HUGE_TEXT] = CS_EXCHANGE_ERROR_LIMIT,
    [HUGE_CDATA] = CS_EXCHANGE_ERROR_LIMIT,
    [OVERSIZED] = CS_EXCHANGE_ERROR_TOO_LARGE,
  };
  double start;

  cs_test_write_file (secret_path, SECRET_MARKER, strlen (SECRET_MARKER));
  xml = kind == OVERSIZED ? build_oversized () : build_hostile (kind, secret_path);

  /* The project the refusal would create is not made: a new file costs little memory. */
  cap_memory (100 * 1024 * 1024);
  start = cpu_seconds ();

  store = cs_exchange_import_to_new_project (xml, path, &error);

  g_test_message ("refused in %.3f s of CPU: %s", cpu_seconds () - start,
                  error != NULL ? error->message : "(not refused)");
  g_assert_cmpfloat (cpu_seconds () - start, <, 1.0);
  g_assert_null (store);
  g_assert_error (error, CS_EXCHANGE_ERROR, expected[kind]);
  g_assert_null (strstr (error->message, SECRET_MARKER));
  if (kind != OVERSIZED)
    g_assert_true (g_str_has_prefix (error->message, "Line "));
  assert_nothing_left ("hostile.contractscope");
}

/* The negative control of the memory cap: under it, 150 MB more cannot be had. */
static void
test_memory_cap_control (void)
{
#ifdef UNDER_ASAN
  g_test_skip ("AddressSanitizer reserves more address space than the cap allows");
#else
  if (g_test_subprocess ())
    {
      gpointer block;

      cap_memory (100 * 1024 * 1024);
      block = g_try_malloc (150 * 1024 * 1024);
      g_assert_null (block);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
#endif
}

static void
test_hostile (gconstpointer data)
{
  Hostile kind = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      run_hostile (kind);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  static const char * const hostile_names[] = {
    "billion-laughs", "quadratic-blowup", "xxe-file", "xxe-http", "external-dtd",
    "deep-nesting", "huge-text", "huge-cdata", "oversized",
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/exchange/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/core/exchange/round-trip/every-table", test_round_trip_every_table);
  g_test_add_func ("/core/exchange/fixtures", test_fixtures);
  g_test_add_func ("/core/exchange/document-parts", test_document_parts);
  g_test_add_func ("/core/exchange/document-refused", test_document_refused);
  g_test_add_func ("/core/exchange/export-to-file", test_export_to_file);
  g_test_add_func ("/core/exchange/refuse-invalid", test_refuse_invalid);
  g_test_add_func ("/core/exchange/cancel", test_cancel);

  g_test_add_func ("/core/exchange/hostile/memory-cap-control", test_memory_cap_control);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_names); i++)
    {
      g_autofree char *path = g_strconcat ("/core/exchange/hostile/", hostile_names[i], NULL);

      g_test_add_data_func (path, GINT_TO_POINTER (i), test_hostile);
    }

  return g_test_run ();
}
