/* test-demo.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "cs-checklist.h"
#include "cs-demo.h"
#include "cs-sections.h"
#include "cs-model.h"
#include "cs-store.h"
#include "cs-test-utils.h"

/* Fixtures are written with single quotes, which JSON lacks, to keep them readable here. */
static GBytes *
json_bytes (const char *text)
{
  char *json = g_strdelimit (g_strdup (text), "'", '"');

  return g_bytes_new_take (json, strlen (json));
}

static CsStore *
create_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path (name);
  CsStore *store = cs_store_create (path, "Before", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static guint
count (CsStore *store,
       GType    type,
       gint64   parent_id)
{
  return g_list_model_get_n_items (cs_store_list (store, type, parent_id));
}

static CsRecord *
get_item (CsStore *store,
          GType    type,
          gint64   parent_id,
          guint    position)
{
  GListModel *list = cs_store_list (store, type, parent_id);
  g_autoptr(CsRecord) record = NULL;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (list));
  record = g_list_model_get_item (list, position);

  /* The live list keeps it alive. */
  return record;
}

static CsRecord *
find_by_string (CsStore    *store,
                GType       type,
                gint64      parent_id,
                const char *column,
                const char *value)
{
  GListModel *list = cs_store_list (store, type, parent_id);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (cs_record_get_string (record, column), value) == 0)
        return record;
    }

  return NULL;
}

static gboolean
dir_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir == NULL || g_dir_read_name (dir) == NULL;
}

static void
check_demo (CsStore *store)
{
  g_autoptr(GHashTable) per_category = NULL;
  CsProject *project = cs_store_get_project (store);
  GListModel *sites = cs_store_get_sites (store);
  GListModel *offers = cs_store_get_offers (store);
  GListModel *assets = cs_store_list (store, CS_TYPE_ASSET, 0);
  const char * const *categories = cs_asset_categories ();
  guint n_applications = 0;
  guint n_incumbents = 0;
  guint64 units = 0;
  guint records = 0;

  g_assert_cmpstr (cs_project_get_client_name (project), ==, "Maison Verdier Distribution");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (project), "currency"), ==, "EUR");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (project), "consultant"), !=, "");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (project), "sector"), !=, "");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (project), "start_date"), !=, "");
  g_assert_false (cs_record_get_boolean (CS_RECORD (project), "regulated"));
  g_assert_cmpint (cs_record_get_int (CS_RECORD (project), "users"), >, 50);

  g_assert_cmpuint (g_list_model_get_n_items (sites), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CsRecord) site = g_list_model_get_item (sites, i);

      g_assert_cmpstr (cs_record_get_string (site, "name"), !=, "");
      g_assert_true (g_str_has_suffix (cs_record_get_string (site, "address"), "France"));
    }

  records = cs_store_count_assets (store, &units, &per_category);
  g_assert_cmpuint (records, >=, 55);
  g_assert_cmpuint (records, <=, 65);
  g_assert_cmpuint (records, ==, g_list_model_get_n_items (assets));
  g_assert_cmpuint (units, >, records);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      if (GPOINTER_TO_UINT (g_hash_table_lookup (per_category, categories[i])) == 0)
        g_error ("The demo has no asset of category “%s”", categories[i]);
    }

  for (guint i = 0; i < records; i++)
    {
      g_autoptr(CsAsset) asset = g_list_model_get_item (assets, i);
      CsRecord *record = CS_RECORD (asset);
      gint64 site_id = cs_asset_get_site_id (asset);

      g_assert_cmpstr (cs_asset_get_name (asset), !=, "");
      g_assert_cmpstr (cs_record_get_string (record, "vendor"), !=, "");
      g_assert_cmpint (cs_record_get_int (record, "quantity"), >=, 1);
      if (site_id != 0)
        g_assert_true (CS_IS_SITE (cs_store_find (store, CS_TYPE_SITE, site_id)));

      if (g_str_equal (cs_asset_get_category (asset), "business_application")
          && *cs_record_get_string (record, "owner") != '\0')
        {
          g_assert_cmpint (cs_record_get_int (record, "criticality"), >=, 1);
          g_assert_cmpint (cs_record_get_int (record, "criticality"), <=, 4);
          n_applications++;
        }
    }
  g_assert_cmpuint (n_applications, >=, 5);

  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);
      CsRecord *record = CS_RECORD (offer);
      gint64 offer_id = cs_record_get_id (record);

      g_assert_cmpstr (cs_offer_get_provider (offer), !=, "");
      g_assert_cmpstr (cs_record_get_string (record, "reference"), !=, "");
      g_assert_false (isnan (cs_record_get_number (record, "price_recurring")));
      g_assert_false (isnan (cs_record_get_number (record, "term_months")));
      if (g_str_equal (cs_offer_get_kind (offer), "incumbent"))
        n_incumbents++;

      /* Every offer has its sections, made by the store. */
      g_assert_nonnull (cs_store_get_section (store, CS_TYPE_SLA_TERMS, offer_id));
      g_assert_nonnull (cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id));
    }
  g_assert_cmpuint (n_incumbents, ==, 1);
}

static void
test_demo_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("demo.contractscope");
  g_autoptr(CsStore) store = NULL;

  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (cs_store_is_read_only (store));
  check_demo (store);
  cs_store_close (store);
  g_clear_object (&store);

  /* Everything reached the file. */
  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  check_demo (store);
}

static void
test_demo_existing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("taken.contractscope");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CsStore) store = NULL;

  cs_test_write_file (path, "not mine\n", 9);
  before = cs_test_file_sha256 (path);

  store = cs_demo_create (path, &error);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_EXISTS);
  g_assert_null (store);

  after = cs_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

/* Every record type, nested or referenced as the format allows. */
static const char full_document[] =
  "{ 'version': 1,"
  "  'project': { 'client_name': 'Fixture SA', 'sector': 'Testing', 'regulated': true,"
  "               'users': 12, 'start_date': '2026-01-05', 'end_date': null, 'notes': null },"
  "  'sites': [ { 'id': 'hq', 'name': 'HQ', 'address': '1 rue de la Paix, Paris' } ],"
  "  'assets': ["
  "    { 'id': 'erp', 'category': 'business_application', 'name': 'ERP', 'site': 'hq',"
  "      'criticality': 1, 'vendor': 'Sage', 'owner': 'CFO' },"
  "    { 'id': 'srv', 'category': 'server', 'name': 'SRV-01', 'site': null, 'quantity': 2 } ],"
  "  'parties': ["
  "    { 'id': 'client', 'kind': 'client', 'name': 'Client' },"
  "    { 'id': 'nightops', 'kind': 'subcontractor', 'name': 'Night Ops' } ],"
  "  'activities': ["
  "    { 'id': 'restore', 'key': 'restore' },"
  "    { 'id': 'edi', 'key': 'edi-monitoring', 'name': 'EDI flow monitoring',"
  "      'area': 'operations' } ],"
  "  'import_mappings': [ { 'signature': 'name;serial', 'mapping': '{}' } ],"
  "  'offers': ["
  "    { 'provider': 'Incumbent', 'kind': 'incumbent', 'term_months': 36,"
  "      'price_recurring': 1000.5, 'price_one_off': null,"
  "      'sla_terms': { 'window_days': 31, 'window_start': 420, 'oncall_p1': 'yes',"
  "                     'availability_target': 99.5, 'credits_cap_percent': null },"
  "      'sla_targets': ["
  "        { 'kind': 'incident', 'priority': 1, 'response_value': 1, 'response_unit': 'hours',"
  "          'resolution_value': 4, 'resolution_unit': 'hours', 'resolution_clock': 'calendar' },"
  "        { 'kind': 'request', 'priority': 3, 'resolution_value': 3,"
  "          'resolution_unit': 'days' } ],"
  "      'exclusions': ["
  "        { 'category': 'licences', 'label': 'Software licences', 'decision': 'excluded',"
  "          'price': null },"
  "        { 'category': 'projects', 'decision': 'excluded', 'price': 650, 'price_unit': 'day' } ],"
  "      'coverages': [ { 'asset': 'erp', 'state': 'partial', 'note': 'Vendor only' },"
  "                     { 'asset': 'srv', 'state': 'managed' } ],"
  "      'responsibilities': [ { 'activity': 'restore', 'party': 'client', 'roles': 'A' },"
  "                            { 'activity': 'edi', 'party': 'nightops', 'roles': 'R' } ],"
  "      'backup_policies': [ { 'name': 'Nightly', 'frequency_hours': 24, 'retention_days': 30,"
  "                             'immutable_copy': 'yes',"
  "                             'backup_scopes': [ { 'asset': 'erp' }, { 'asset': 'srv' } ] } ],"
  "      'security_controls': ["
  "        { 'control': 'mfa-provider-access', 'status': 'committed', 'proof': 'Report' },"
  "        { 'control': 'custom-control', 'status': 'partial' } ],"
  "      'subcontracting': { 'allowed': 'yes', 'notice_days': 30 },"
  "      'subcontractors': [ { 'name': 'Night Ops', 'service': 'Monitoring',"
  "                            'country': 'France' } ],"
  "      'exit_terms': { 'clause_present': 'yes', 'transition_days': 90,"
  "                      'assistance_mode': 'on_quotation' },"
  "      'exit_deliverables': [ { 'item': 'credentials', 'label': 'Administrator credentials',"
  "                               'deadline_days': 15, 'status': 'pending' } ],"
  "      'terms': { 'billing_model': 'flat', 'renewal_mode': 'tacit', 'notice_days': 90,"
  "                 'dpa_present': 'no' },"
  "      'clauses': [ { 'section': 'backup', 'reference': 'Art. 7',"
  "                     'text': 'The provider ensures backups.' } ],"
  "      'checklist_answers': [ { 'item_id': 'BAK-01', 'status': 'partial', 'override': true,"
  "                               'justification': 'Weekly only' } ] },"
  "    { 'provider': 'Challenger',"
  "      'coverages': [ { 'asset': 'erp', 'state': 'excluded' } ],"
  "      'sla_targets': [ { 'priority': 1, 'response_value': 30, 'response_unit': 'minutes' } ] }"
  "  ] }";

static void
test_load_every_type (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = create_store ("full.contractscope");
  g_autoptr(GBytes) json = json_bytes (full_document);
  guint n_parties = count (store, CS_TYPE_PARTY, 0);
  guint n_activities = count (store, CS_TYPE_ACTIVITY, 0);
  CsRecord *project = NULL;
  CsRecord *site = NULL;
  CsRecord *erp = NULL;
  CsRecord *srv = NULL;
  CsRecord *offer = NULL;
  CsRecord *challenger = NULL;
  CsRecord *record = NULL;
  CsRecord *policy = NULL;
  CsRecord *restore = NULL;
  gint64 offer_id = 0;

  g_assert_true (cs_store_load_json_data (store, json, &error));
  g_assert_no_error (error);

  project = CS_RECORD (cs_store_get_project (store));
  g_assert_cmpstr (cs_record_get_string (project, "client_name"), ==, "Fixture SA");
  g_assert_cmpstr (cs_record_get_string (project, "sector"), ==, "Testing");
  g_assert_true (cs_record_get_boolean (project, "regulated"));
  g_assert_cmpint (cs_record_get_int (project, "users"), ==, 12);
  g_assert_cmpstr (cs_record_get_string (project, "start_date"), ==, "2026-01-05");
  g_assert_cmpstr (cs_record_get_string (project, "end_date"), ==, "");

  g_assert_cmpuint (count (store, CS_TYPE_SITE, 0), ==, 1);
  site = get_item (store, CS_TYPE_SITE, 0, 0);
  g_assert_cmpuint (count (store, CS_TYPE_ASSET, 0), ==, 2);
  erp = find_by_string (store, CS_TYPE_ASSET, 0, "name", "ERP");
  srv = find_by_string (store, CS_TYPE_ASSET, 0, "name", "SRV-01");
  g_assert_nonnull (erp);
  g_assert_nonnull (srv);
  g_assert_cmpint (cs_record_get_int (erp, "site_id"), ==, cs_record_get_id (site));
  g_assert_cmpint (cs_record_get_int (srv, "site_id"), ==, 0);
  g_assert_cmpint (cs_record_get_int (srv, "quantity"), ==, 2);
  g_assert_cmpint (cs_record_get_int (erp, "criticality"), ==, 1);

  /* Catalogue entries the store made are reused, not repeated. */
  g_assert_cmpuint (count (store, CS_TYPE_PARTY, 0), ==, n_parties + 1);
  g_assert_cmpuint (count (store, CS_TYPE_ACTIVITY, 0), ==, n_activities + 1);
  restore = find_by_string (store, CS_TYPE_ACTIVITY, 0, "key", "restore");
  g_assert_nonnull (restore);
  g_assert_cmpstr (cs_record_get_string (restore, "name"), !=, "");
  g_assert_cmpuint (count (store, CS_TYPE_IMPORT_MAPPING, 0), ==, 1);

  g_assert_cmpuint (count (store, CS_TYPE_OFFER, 0), ==, 2);
  offer = find_by_string (store, CS_TYPE_OFFER, 0, "provider", "Incumbent");
  challenger = find_by_string (store, CS_TYPE_OFFER, 0, "provider", "Challenger");
  g_assert_nonnull (offer);
  g_assert_nonnull (challenger);
  offer_id = cs_record_get_id (offer);
  g_assert_cmpstr (cs_record_get_string (offer, "kind"), ==, "incumbent");
  g_assert_cmpstr (cs_record_get_string (challenger, "kind"), ==, "proposal");
  g_assert_cmpfloat (cs_record_get_number (offer, "price_recurring"), ==, 1000.5);
  g_assert_cmpfloat (cs_record_get_number (offer, "term_months"), ==, 36);
  g_assert_true (isnan (cs_record_get_number (offer, "price_one_off")));

  record = cs_store_get_section (store, CS_TYPE_SLA_TERMS, offer_id);
  g_assert_cmpint (cs_record_get_int (record, "window_start"), ==, 420);
  g_assert_cmpstr (cs_record_get_string (record, "oncall_p1"), ==, "yes");
  g_assert_cmpfloat (cs_record_get_number (record, "availability_target"), ==, 99.5);
  g_assert_true (isnan (cs_record_get_number (record, "credits_cap_percent")));

  /* The four incident priorities the store made are updated; the request target is added. */
  g_assert_cmpuint (count (store, CS_TYPE_SLA_TARGET, offer_id), ==, 5);
  record = get_item (store, CS_TYPE_SLA_TARGET, offer_id, 0);
  g_assert_cmpstr (cs_record_get_string (record, "kind"), ==, "incident");
  g_assert_cmpint (cs_record_get_int (record, "priority"), ==, 1);
  g_assert_cmpfloat (cs_record_get_number (record, "response_value"), ==, 1);
  g_assert_cmpstr (cs_record_get_string (record, "resolution_clock"), ==, "calendar");
  record = find_by_string (store, CS_TYPE_SLA_TARGET, offer_id, "kind", "request");
  g_assert_cmpint (cs_record_get_int (record, "priority"), ==, 3);
  g_assert_cmpuint (count (store, CS_TYPE_SLA_TARGET, cs_record_get_id (challenger)), ==, 4);
  record = get_item (store, CS_TYPE_SLA_TARGET, cs_record_get_id (challenger), 0);
  g_assert_cmpfloat (cs_record_get_number (record, "response_value"), ==, 30);
  g_assert_cmpstr (cs_record_get_string (record, "response_unit"), ==, "minutes");

  g_assert_cmpuint (count (store, CS_TYPE_EXCLUSION, offer_id), ==, 2);
  record = find_by_string (store, CS_TYPE_EXCLUSION, offer_id, "category", "projects");
  g_assert_cmpfloat (cs_record_get_number (record, "price"), ==, 650);
  record = find_by_string (store, CS_TYPE_EXCLUSION, offer_id, "category", "licences");
  g_assert_true (isnan (cs_record_get_number (record, "price")));

  g_assert_cmpuint (count (store, CS_TYPE_COVERAGE, offer_id), ==, 2);
  record = find_by_string (store, CS_TYPE_COVERAGE, offer_id, "state", "partial");
  g_assert_cmpint (cs_record_get_int (record, "asset_id"), ==, cs_record_get_id (erp));
  g_assert_cmpuint (count (store, CS_TYPE_COVERAGE, cs_record_get_id (challenger)), ==, 1);

  g_assert_cmpuint (count (store, CS_TYPE_RESPONSIBILITY, offer_id), ==, 2);
  record = find_by_string (store, CS_TYPE_RESPONSIBILITY, offer_id, "roles", "A");
  g_assert_cmpint (cs_record_get_int (record, "activity_id"), ==, cs_record_get_id (restore));
  g_assert_true (cs_record_get_int (record, "party_id") != 0);

  g_assert_cmpuint (count (store, CS_TYPE_BACKUP_POLICY, offer_id), ==, 1);
  policy = get_item (store, CS_TYPE_BACKUP_POLICY, offer_id, 0);
  g_assert_cmpstr (cs_record_get_string (policy, "immutable_copy"), ==, "yes");
  g_assert_cmpfloat (cs_record_get_number (policy, "frequency_hours"), ==, 24);
  g_assert_cmpuint (count (store, CS_TYPE_BACKUP_SCOPE, cs_record_get_id (policy)), ==, 2);

  record = find_by_string (store, CS_TYPE_SECURITY_CONTROL, offer_id, "control",
                           "mfa-provider-access");
  g_assert_cmpstr (cs_record_get_string (record, "status"), ==, "committed");
  g_assert_cmpstr (cs_record_get_string (record, "proof"), ==, "Report");
  g_assert_nonnull (find_by_string (store, CS_TYPE_SECURITY_CONTROL, offer_id, "control",
                                    "custom-control"));
  g_assert_cmpuint (count (store, CS_TYPE_SECURITY_CONTROL, offer_id), ==,
                    count (store, CS_TYPE_SECURITY_CONTROL, cs_record_get_id (challenger)) + 1);

  record = cs_store_get_section (store, CS_TYPE_SUBCONTRACTING, offer_id);
  g_assert_cmpstr (cs_record_get_string (record, "allowed"), ==, "yes");
  g_assert_cmpfloat (cs_record_get_number (record, "notice_days"), ==, 30);
  g_assert_cmpuint (count (store, CS_TYPE_SUBCONTRACTOR, offer_id), ==, 1);

  record = cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id);
  g_assert_cmpstr (cs_record_get_string (record, "assistance_mode"), ==, "on_quotation");
  g_assert_cmpfloat (cs_record_get_number (record, "transition_days"), ==, 90);
  record = get_item (store, CS_TYPE_EXIT_DELIVERABLE, offer_id, 0);
  g_assert_cmpfloat (cs_record_get_number (record, "deadline_days"), ==, 15);

  record = cs_store_get_section (store, CS_TYPE_TERMS, offer_id);
  g_assert_cmpstr (cs_record_get_string (record, "billing_model"), ==, "flat");
  g_assert_cmpstr (cs_record_get_string (record, "dpa_present"), ==, "no");

  record = get_item (store, CS_TYPE_CLAUSE, offer_id, 0);
  g_assert_cmpstr (cs_record_get_string (record, "section"), ==, "backup");
  record = get_item (store, CS_TYPE_CHECKLIST_ANSWER, offer_id, 0);
  g_assert_true (cs_record_get_boolean (record, "override"));
  g_assert_cmpstr (cs_record_get_string (record, "status"), ==, "partial");
}

typedef struct
{
  const char *json;
  const char *message; /* the whole message, or its start when it ends with ": " */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "{ 'offers': [ { 'provider': 'A' }, { 'sla_terms': { 'window_days': 'seven' } } ] }",
    "offers[1].sla_terms.window_days: expected a whole number" },
  { "{ 'sites': [ { 'name': 'HQ' }, { 'name': 'Depot', 'colour': 'red' } ] }",
    "sites[1].colour: unknown key" },
  { "{ 'assets': [ { 'category': 'laptop' } ] }", "assets[0].category: " },
  { "{ 'sites': [ { 'id': 'hq' } ], 'assets': [ { 'site': 'warehouse' } ] }", "assets[0].site: " },
  { "{ 'assets': [ { 'id': 'a1' }, { 'site': 'a1' } ] }", "assets[1].site: " },
  { "{ 'assets': [ { 'site': 42 } ] }", "assets[0].site: " },
  { "{ 'assets': [ { 'criticality': 5 } ] }", "assets[0].criticality: " },
  { "{ 'assets': [ { 'quantity': 1.5 } ] }", "assets[0].quantity: " },
  { "{ 'project': { 'regulated': 'no' } }", "project.regulated: " },
  { "{ 'project': { 'users': null } }", "project.users: " },
  { "{ 'project': { 'sector': 7 } }", "project.sector: " },
  { "{ 'project': { 'client': 'Typo' } }", "project.client: unknown key" },
  { "{ 'offers': [ { 'received': '2026-02-30' } ] }", "offers[0].received: " },
  { "{ 'offers': [ { 'kind': null } ] }", "offers[0].kind: " },
  { "{ 'offers': [ { 'price_recurring': '7450' } ] }", "offers[0].price_recurring: " },
  { "{ 'offers': [ { 'sla_terms': [] } ] }", "offers[0].sla_terms: " },
  { "{ 'offers': [ { 'terms': { 'id': 't1' } } ] }", "offers[0].terms.id: unknown key" },
  { "{ 'offers': [ { 'exclusions': [ { 'offer': 'x' } ] } ] }",
    "offers[0].exclusions[0].offer: unknown key" },
  { "{ 'offers': [ { 'exclusions': [ { 'decision': 'maybe' } ] } ] }",
    "offers[0].exclusions[0].decision: " },
  { "{ 'offers': [ { 'backup_policies': [ { 'backup_scopes': [ { 'asset': 'nope' } ] } ] } ] }",
    "offers[0].backup_policies[0].backup_scopes[0].asset: " },
  { "{ 'sites': [ { 'exclusions': [] } ] }", "sites[0].exclusions: unknown key" },
  { "{ 'sites': { 'name': 'HQ' } }", "sites: " },
  { "{ 'sites': [ 'HQ' ] }", "sites[0]: " },
  { "{ 'sites': [ { 'id': 'hq' }, { 'id': 'hq' } ] }", "sites[1].id: " },
  { "{ 'sites': [ { 'id': '' } ] }", "sites[0].id: " },
  { "{ 'assets': [ { 'id': 'a' } ], 'offers': [ { 'coverages': [ { 'asset': 'a' },"
    " { 'asset': 'a', 'state': 'managed' } ] } ] }", "offers[0].coverages[1]: " },
  { "{ 'sitez': [] }", "sitez: unknown key" },
  { "{ 'version': 2 }", "version: " },
  { "{ 'project': { 'client_name': 'Fine' }, 'assets': [ { 'name': 'Late', 'owner': false } ] }",
    "assets[0].owner: " },
  { "{", NULL },
  { "[]", NULL },
  { "", NULL },
  { "'just text'", NULL },
};

static void
assert_message (const GError      *error,
                const InvalidCase *invalid)
{
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID);

  if (invalid->message == NULL)
    return;

  if (g_str_has_suffix (invalid->message, ": "))
    {
      if (!g_str_has_prefix (error->message, invalid->message))
        g_error ("“%s” does not start with “%s”", error->message, invalid->message);
    }
  else
    g_assert_cmpstr (error->message, ==, invalid->message);
}

static void
test_load_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("invalid-%u.contractscope", i);
      g_autoptr(CsStore) store = create_store (name);
      g_autoptr(GBytes) json = json_bytes (invalid_cases[i].json);
      guint n_parties = count (store, CS_TYPE_PARTY, 0);
      CsRecord *project = CS_RECORD (cs_store_get_project (store));

      g_test_message ("%s", invalid_cases[i].json);
      g_assert_false (cs_store_load_json_data (store, json, &error));
      assert_message (error, &invalid_cases[i]);

      /* Nothing of the document reached the project. */
      g_assert_cmpstr (cs_record_get_string (project, "client_name"), ==, "Before");
      g_assert_cmpuint (cs_store_count_assets (store, NULL, NULL), ==, 0);
      g_assert_cmpuint (count (store, CS_TYPE_SITE, 0), ==, 0);
      g_assert_cmpuint (count (store, CS_TYPE_OFFER, 0), ==, 0);
      g_assert_cmpuint (count (store, CS_TYPE_PARTY, 0), ==, n_parties);
    }
}

static void
test_create_invalid_leaves_no_file (void)
{
  const char *dir = g_get_user_data_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = cs_test_build_path ("broken.contractscope");
      g_autoptr(GBytes) json = json_bytes (invalid_cases[i].json);
      g_autoptr(CsStore) store = NULL;

      store = cs_store_create_from_json_data (path, json, &error);
      assert_message (error, &invalid_cases[i]);
      g_assert_null (store);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (dir_is_empty (dir));
    }
}

static void
test_create_from_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("created.contractscope");
  g_autoptr(GBytes) json = json_bytes (full_document);
  g_autoptr(CsStore) store = NULL;

  store = cs_store_create_from_json_data (path, json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_project_get_client_name (cs_store_get_project (store)), ==, "Fixture SA");
  g_assert_cmpuint (count (store, CS_TYPE_OFFER, 0), ==, 2);
}

/*
 * The store names the standard parties in its user's language; a document names them in
 * English. Renaming them here is what creating the project under French does ("Prestataire",
 * "Éditeur de logiciel"): loading the document must still use them, not add a second provider,
 * and must keep their names. A party the document names otherwise is a party of its own.
 */
static void
test_load_standard_parties_translated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = create_store ("parties-fr.contractscope");
  g_autoptr(GBytes) json = json_bytes (
    "{ 'version': 1,"
    "  'parties': [ { 'id': 'client', 'kind': 'client', 'name': 'Client' },"
    "               { 'id': 'provider', 'kind': 'provider', 'name': 'Provider' },"
    "               { 'id': 'vendor', 'kind': 'vendor', 'name': 'Software vendor' },"
    "               { 'id': 'acme', 'kind': 'provider', 'name': 'Acme Infogérance' } ],"
    "  'activities': [ { 'id': 'patching', 'key': 'patching' } ],"
    "  'offers': [ { 'provider': 'Acme', 'responsibilities': ["
    "      { 'activity': 'patching', 'party': 'provider', 'roles': 'RA' },"
    "      { 'activity': 'patching', 'party': 'vendor', 'roles': 'C' },"
    "      { 'activity': 'patching', 'party': 'acme', 'roles': 'I' } ] } ] }");
  CsRecord *provider = find_by_string (store, CS_TYPE_PARTY, 0, "kind", "provider");
  CsRecord *vendor = find_by_string (store, CS_TYPE_PARTY, 0, "kind", "vendor");
  CsRecord *offer = NULL;
  GListModel *responsibilities = NULL;
  guint n_parties = count (store, CS_TYPE_PARTY, 0);

  g_assert_cmpuint (n_parties, ==, 4);
  g_assert_nonnull (provider);
  g_assert_true (cs_store_set_string (store, provider, "name", "Prestataire", &error));
  g_assert_no_error (error);
  g_assert_true (cs_store_set_string (store, vendor, "name", "Éditeur de logiciel", &error));
  g_assert_no_error (error);

  g_assert_true (cs_store_load_json_data (store, json, &error));
  g_assert_no_error (error);

  /* only Acme was added; the standard ones kept their (French) names */
  g_assert_cmpuint (count (store, CS_TYPE_PARTY, 0), ==, n_parties + 1);
  g_assert_cmpstr (cs_record_get_string (provider, "name"), ==, "Prestataire");
  g_assert_cmpstr (cs_record_get_string (vendor, "name"), ==, "Éditeur de logiciel");
  g_assert_nonnull (find_by_string (store, CS_TYPE_PARTY, 0, "name", "Acme Infogérance"));
  g_assert_null (find_by_string (store, CS_TYPE_PARTY, 0, "name", "Provider"));

  /* the responsibilities point at the standard parties */
  offer = get_item (store, CS_TYPE_OFFER, 0, 0);
  responsibilities = cs_store_list (store, CS_TYPE_RESPONSIBILITY, cs_record_get_id (offer));
  g_assert_cmpuint (g_list_model_get_n_items (responsibilities), ==, 3);
  g_assert_nonnull (find_by_string (store, CS_TYPE_RESPONSIBILITY, cs_record_get_id (offer),
                                    "roles", "RA"));
  g_assert_cmpint (cs_record_get_int (find_by_string (store, CS_TYPE_RESPONSIBILITY,
                                                      cs_record_get_id (offer), "roles", "RA"),
                                      "party_id"), ==, cs_record_get_id (provider));
  g_assert_cmpint (cs_record_get_int (find_by_string (store, CS_TYPE_RESPONSIBILITY,
                                                      cs_record_get_id (offer), "roles", "C"),
                                      "party_id"), ==, cs_record_get_id (vendor));
}

/* A failure after the checks (here: writing) rolls everything back. */
static void
test_load_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("read-only.contractscope");
  g_autoptr(GBytes) json = json_bytes (full_document);
  g_autoptr(CsStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  store = cs_store_create (path, "Before", &error);
  g_assert_no_error (error);
  cs_store_close (store);
  g_clear_object (&store);
  before = cs_test_file_sha256 (path);

  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (cs_store_load_json_data (store, json, &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY);
  g_assert_cmpuint (count (store, CS_TYPE_OFFER, 0), ==, 0);
  g_assert_cmpstr (cs_project_get_client_name (cs_store_get_project (store)), ==, "Before");
  cs_store_close (store);

  after = cs_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

/* One verdict: for every offer, section and item of the demo project, the section page's
 * points to check are the checklist's results (same status, severity and evidence), and the
 * demo shows the whole product: clauses with weak wordings in the incumbent, none in the strong
 * proposal, and scores in the order their contents imply. */
static void
test_demo_pages_match_checklist (void)
{
  g_autofree char *path = cs_test_build_path ("verdict-demo.contractscope");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (&error);
  g_autoptr(CsLinter) linter = cs_linter_new_default (&error);
  GListModel *offers = NULL;
  double scores[3] = { 0 };
  guint lint[3] = { 0 };

  g_assert_no_error (error);
  g_unlink (path);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  offers = cs_store_get_offers (store);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 3);

  for (guint o = 0; o < 3; o++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, o);
      gint64 id = cs_record_get_id (offer);
      g_autoptr(CsReport) report = cs_checklist_evaluate (checklist, store, linter, id, &error);
      GListModel *results = NULL;

      g_assert_no_error (error);
      results = cs_report_get_results (report);
      scores[o] = cs_report_get_score (report, CS_SECTION_DASHBOARD)->score;
      lint[o] = cs_report_get_score (report, CS_SECTION_DASHBOARD)->n_lint_findings;
      g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_CLAUSE, id)), >, 0);

      for (CsSection section = CS_SECTION_PERIMETER; section < CS_N_SECTIONS; section++)
        {
          g_autoptr(GPtrArray) flags = cs_section_get_flags (store, section, id, NULL);
          g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
          guint n_gaps = 0;

          for (guint i = 0; i < flags->len; i++)
            {
              CsFlag *flag = g_ptr_array_index (flags, i);

              g_assert_false (g_hash_table_contains (by_code, flag->code));
              g_hash_table_insert (by_code, flag->code, flag);
            }

          for (guint i = 0; i < g_list_model_get_n_items (results); i++)
            {
              g_autoptr(CsFinding) r = g_list_model_get_item (results, i);
              CsItemStatus status = cs_finding_get_status (r);
              CsFlag *flag = NULL;

              if (cs_finding_get_section (r) != section)
                continue;
              flag = g_hash_table_lookup (by_code, cs_finding_get_id (r));
              if (status != CS_ITEM_MISSING && status != CS_ITEM_PARTIAL)
                {
                  if (flag != NULL)
                    g_error ("%s is %s but the page flags it", cs_finding_get_id (r),
                             cs_item_status_to_string (status));
                  continue;
                }

              n_gaps++;
              if (flag == NULL)
                g_error ("%s (%s) is not a point to check of its page", cs_finding_get_id (r),
                         cs_item_status_to_string (status));
              g_assert_cmpint (flag->status, ==, status);
              g_assert_cmpint (flag->knock_out, ==, cs_finding_get_knock_out (r));
              g_assert_cmpint (flag->severity, ==,
                               cs_finding_get_severity (r) == CS_SEVERITY_CRITICAL ? CS_FLAG_CRITICAL
                               : cs_finding_get_severity (r) == CS_SEVERITY_MAJOR ? CS_FLAG_MAJOR
                               : CS_FLAG_MINOR);
              g_assert_cmpstr (flag->detail, ==, cs_finding_get_detail (r));
              g_assert_cmpstr (flag->source, ==, cs_finding_get_source (r));
            }
          g_assert_cmpuint (n_gaps, ==, flags->len);
        }
    }

  /* Rhône's clauses are weak, Altimance's measurable; Altimance > Kerveo > Rhône. */
  g_assert_cmpuint (lint[0], >=, 5);
  g_assert_cmpuint (lint[1], ==, 0);
  g_assert_cmpuint (lint[2], >, 0);
  g_assert_cmpfloat (scores[1], >, scores[2]);
  g_assert_cmpfloat (scores[2], >, scores[0]);
}

/* The demo in French: the same project in the other language, every text translated, the
 * same figures and the same verdict per offer. */
static void
evaluate_demo (CsStore  *store,
               double   *scores,
               guint    *lint,
               guint    *n_findings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (&error);
  g_autoptr(CsLinter) linter = cs_linter_new_default (&error);
  GListModel *offers = cs_store_get_offers (store);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 3);
  for (guint o = 0; o < 3; o++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, o);
      g_autoptr(CsReport) report = cs_checklist_evaluate (checklist, store, linter,
                                                          cs_record_get_id (offer), &error);
      GListModel *results = NULL;

      g_assert_no_error (error);
      scores[o] = cs_report_get_score (report, CS_SECTION_DASHBOARD)->score;
      lint[o] = cs_report_get_score (report, CS_SECTION_DASHBOARD)->n_lint_findings;
      results = cs_report_get_results (report);
      n_findings[o] = 0;
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(CsFinding) r = g_list_model_get_item (results, i);

          n_findings[o] += cs_finding_get_status (r) == CS_ITEM_MISSING ||
                           cs_finding_get_status (r) == CS_ITEM_PARTIAL;
        }
    }
}

static void
test_demo_french (void)
{
  g_autofree char *en_path = cs_test_build_path ("demo-en.contractscope");
  g_autofree char *fr_path = cs_test_build_path ("demo-fr.contractscope");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) en = NULL;
  g_autoptr(CsStore) fr = NULL;
  double en_scores[3], fr_scores[3];
  guint en_lint[3], fr_lint[3], en_findings[3], fr_findings[3];
  GListModel *en_offers, *fr_offers;
  guint n_texts = 0;
  guint n_translated = 0;

  g_unlink (en_path);
  g_unlink (fr_path);
  en = cs_demo_create_in_language (en_path, "en", &error);
  g_assert_no_error (error);
  fr = cs_demo_create_in_language (fr_path, "fr", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (cs_record_get_string (CS_RECORD (cs_store_get_project (fr)), "language"),
                   ==, "fr");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (cs_store_get_project (fr)), "client_name"),
                   ==, cs_record_get_string (CS_RECORD (cs_store_get_project (en)),
                                             "client_name"));
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (cs_store_get_project (fr)), "sector"),
                   ==, "Distribution alimentaire en gros (restaurants, traiteurs, "
                       "épiceries indépendantes)");
  g_assert_cmpuint (cs_store_count_assets (fr, NULL, NULL), ==,
                    cs_store_count_assets (en, NULL, NULL));

  /* Every clause, exclusion and deliverable reads in French; the figures are the same. */
  en_offers = cs_store_get_offers (en);
  fr_offers = cs_store_get_offers (fr);
  g_assert_cmpuint (g_list_model_get_n_items (fr_offers), ==, g_list_model_get_n_items (en_offers));
  for (guint o = 0; o < g_list_model_get_n_items (en_offers); o++)
    {
      g_autoptr(CsRecord) en_offer = g_list_model_get_item (en_offers, o);
      g_autoptr(CsRecord) fr_offer = g_list_model_get_item (fr_offers, o);
      const struct { GType type; const char *column; } texts[] = {
        { CS_TYPE_CLAUSE, "text" }, { CS_TYPE_EXCLUSION, "label" },
        { CS_TYPE_EXIT_DELIVERABLE, "label" },
      };

      g_assert_cmpstr (cs_record_get_string (fr_offer, "provider"), ==,
                       cs_record_get_string (en_offer, "provider"));
      g_assert_cmpfloat (cs_record_get_number (fr_offer, "price_recurring"), ==,
                         cs_record_get_number (en_offer, "price_recurring"));
      g_assert_cmpstr (cs_record_get_string (fr_offer, "notes"), !=,
                       cs_record_get_string (en_offer, "notes"));

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          GType type = texts[t].type;
          GListModel *en_list = cs_store_list (en, type, cs_record_get_id (en_offer));
          GListModel *fr_list = cs_store_list (fr, type, cs_record_get_id (fr_offer));

          g_assert_cmpuint (g_list_model_get_n_items (fr_list), ==,
                            g_list_model_get_n_items (en_list));
          for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
            {
              g_autoptr(CsRecord) a = g_list_model_get_item (en_list, i);
              g_autoptr(CsRecord) b = g_list_model_get_item (fr_list, i);

              n_texts++;
              n_translated += g_strcmp0 (cs_record_get_string (a, texts[t].column),
                                         cs_record_get_string (b, texts[t].column)) != 0;
            }
        }
    }
  g_assert_cmpuint (n_texts, >, 30);
  /* "Licences" is the same word in both languages. */
  g_assert_cmpuint (n_translated, >=, n_texts - 1);

  evaluate_demo (en, en_scores, en_lint, en_findings);
  evaluate_demo (fr, fr_scores, fr_lint, fr_findings);
  for (guint o = 0; o < 3; o++)
    g_test_message ("offer %u: score %.2f (en) %.2f (fr), weak wordings %u / %u, findings %u / %u",
                    o, en_scores[o], fr_scores[o], en_lint[o], fr_lint[o], en_findings[o],
                    fr_findings[o]);
  /* The same verdict in both languages: the French clauses say what the English ones say, so
   * the French linter finds the same weak wordings. */
  for (guint o = 0; o < 3; o++)
    {
      g_assert_cmpfloat_with_epsilon (fr_scores[o], en_scores[o], 1e-9);
      g_assert_cmpuint (fr_lint[o], ==, en_lint[o]);
      g_assert_cmpuint (fr_findings[o], ==, en_findings[o]);
    }
  g_assert_cmpfloat (fr_scores[1], >, fr_scores[2]);
  g_assert_cmpfloat (fr_scores[2], >, fr_scores[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/demo/create", test_demo_create);
  g_test_add_func ("/core/demo/pages-match-checklist", test_demo_pages_match_checklist);
  g_test_add_func ("/core/demo/existing-file", test_demo_existing_file);
  g_test_add_func ("/core/demo/french", test_demo_french);
  g_test_add_func ("/core/demo/json/every-type", test_load_every_type);
  g_test_add_func ("/core/demo/json/invalid", test_load_invalid);
  g_test_add_func ("/core/demo/json/invalid-leaves-no-file", test_create_invalid_leaves_no_file);
  g_test_add_func ("/core/demo/json/create", test_create_from_json);
  g_test_add_func ("/core/demo/json/standard-parties-translated",
                   test_load_standard_parties_translated);
  g_test_add_func ("/core/demo/json/read-only", test_load_read_only);

  return g_test_run ();
}
