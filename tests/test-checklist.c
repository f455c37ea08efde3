/* test-checklist.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cs-checklist.h"
#include "cs-demo.h"
#include "cs-sections.h"
#include "cs-store.h"
#include "cs-store-export.h"
#include "cs-test-utils.h"

/* Two offers on the same two assets (one critical): "good" states what the computed checks
 * look for, "bad" gets each of them wrong in one way. */
static const char fixture[] =
  "{ \"version\": 1,"
  "  \"project\": { \"client_name\": \"Fixture\", \"regulated\": false },"
  "  \"assets\": ["
  "    { \"id\": \"erp\", \"category\": \"server\", \"name\": \"ERP\", \"criticality\": 1 },"
  "    { \"id\": \"pc\", \"category\": \"endpoint\", \"name\": \"PCs\", \"criticality\": 3 } ],"
  "  \"parties\": [ { \"id\": \"client\", \"kind\": \"client\", \"name\": \"Client\" },"
  "                 { \"id\": \"provider\", \"kind\": \"provider\", \"name\": \"Provider\" } ],"
  "  \"activities\": [ { \"id\": \"restore\", \"key\": \"restore\" },"
  "                    { \"id\": \"patching\", \"key\": \"patching\" } ],"
  "  \"offers\": ["
  "    { \"provider\": \"Good\","
  "      \"coverages\": [ { \"asset\": \"erp\", \"state\": \"managed\" },"
  "                       { \"asset\": \"pc\", \"state\": \"managed\" } ],"
  "      \"exclusions\": [ { \"label\": \"User training\", \"decision\": \"excluded\" } ],"
  "      \"responsibilities\": ["
  "        { \"activity\": \"restore\", \"party\": \"provider\", \"roles\": \"RA\" },"
  "        { \"activity\": \"patching\", \"party\": \"provider\", \"roles\": \"A\" } ],"
  "      \"sla_terms\": { \"window_days\": 31, \"escalation\": \"Service manager after 2 h\", \"availability_target\": 99.5 },"
  "      \"sla_targets\": ["
  "        { \"kind\": \"incident\", \"priority\": 1, \"response_value\": 30, \"response_unit\": \"minutes\","
  "          \"resolution_value\": 4, \"resolution_unit\": \"hours\" },"
  "        { \"kind\": \"incident\", \"priority\": 2, \"response_value\": 1, \"response_unit\": \"hours\","
  "          \"resolution_value\": 8, \"resolution_unit\": \"hours\" },"
  "        { \"kind\": \"incident\", \"priority\": 3, \"response_value\": 4, \"response_unit\": \"hours\","
  "          \"resolution_value\": 2, \"resolution_unit\": \"days\" },"
  "        { \"kind\": \"incident\", \"priority\": 4, \"response_value\": 8, \"response_unit\": \"hours\","
  "          \"resolution_value\": 5, \"resolution_unit\": \"days\" } ],"
  "      \"backup_policies\": [ { \"name\": \"Servers\", \"frequency_hours\": 24, \"rpo_hours\": 24, \"retention_days\": 30,"
  "          \"backup_scopes\": [ { \"asset\": \"erp\" } ] } ],"
  "      \"security_controls\": ["
  "        { \"control\": \"mfa-provider-access\", \"status\": \"committed\" },"
  "        { \"control\": \"logging\", \"status\": \"committed\", \"detail\": \"Logs are kept 12 months.\" } ],"
  "      \"subcontractors\": [ { \"name\": \"HostCo\", \"service\": \"Hosting\" } ],"
  "      \"exit_terms\": { \"clause_present\": \"yes\", \"transition_days\": 30,"
  "          \"assistance_mode\": \"fixed\", \"retrieval_days\": 30 },"
  "      \"exit_deliverables\": [ { \"item\": \"credentials\", \"format\": \"Vault export\", \"deadline_days\": 5 } ],"
  "      \"terms\": { \"breach_notification_hours\": 24 },"
  "      \"checklist_answers\": ["
  "        { \"item_id\": \"PER-01\", \"status\": \"satisfied\", \"reference\": \"Annex 1\" },"
  "        { \"item_id\": \"SLA-13\", \"status\": \"satisfied\", \"override\": true,"
  "          \"justification\": \"Credits are in the price schedule\" } ] },"
  "    { \"provider\": \"Bad\","
  "      \"coverages\": [ { \"asset\": \"pc\", \"state\": \"managed\" } ],"
  "      \"responsibilities\": ["
  "        { \"activity\": \"restore\", \"party\": \"client\", \"roles\": \"A\" },"
  "        { \"activity\": \"patching\", \"party\": \"provider\", \"roles\": \"R\" } ],"
  "      \"sla_terms\": { \"window_days\": 31 },"
  "      \"sla_targets\": ["
  "        { \"kind\": \"incident\", \"priority\": 1, \"resolution_value\": 2, \"resolution_unit\": \"days\" },"
  "        { \"kind\": \"incident\", \"priority\": 2, \"resolution_value\": 8, \"resolution_unit\": \"hours\" } ],"
  "      \"backup_policies\": [ { \"name\": \"Servers\", \"frequency_hours\": 24, \"rpo_hours\": 4 } ],"
  "      \"security_controls\": ["
  "        { \"control\": \"mfa-provider-access\", \"status\": \"absent\" },"
  "        { \"control\": \"logging\", \"status\": \"committed\", \"detail\": \"Logs are kept 3 months.\" } ],"
  "      \"subcontractors\": [ { \"name\": \"HostCo\", \"service\": \"Hébergement\" } ],"
  "      \"exit_terms\": { \"transition_days\": 90, \"assistance_mode\": \"on_quotation\", \"retrieval_days\": 10 },"
  "      \"exit_deliverables\": [ { \"item\": \"credentials\" } ],"
  "      \"terms\": { \"breach_notification_hours\": 72 },"
  "      \"clauses\": [ { \"section\": \"sla\", \"text\": \"Incidents are handled as soon as possible.\" } ] } ] }";

static CsStore *
open_fixture (gint64 *out_good,
              gint64 *out_bad)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("fixture.contractscope");
  g_autoptr(GBytes) json = g_bytes_new_static (fixture, sizeof fixture - 1);
  CsStore *store = NULL;
  GListModel *offers = NULL;
  g_autoptr(CsRecord) good = NULL;
  g_autoptr(CsRecord) bad = NULL;

  g_unlink (path);
  store = cs_store_create_from_json_data (path, json, &error);
  g_assert_no_error (error);
  offers = cs_store_get_offers (store);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 2);
  good = g_list_model_get_item (offers, 0);
  bad = g_list_model_get_item (offers, 1);
  *out_good = cs_record_get_id (good);
  *out_bad = cs_record_get_id (bad);

  return store;
}

/* Makes @party_kind accountable for every activity of the catalogue that has no cell yet. */
static void
fill_raci (CsStore    *store,
           gint64      offer_id,
           const char *party_kind)
{
  GListModel *activities = cs_store_list (store, CS_TYPE_ACTIVITY, 0);
  GListModel *parties = cs_store_list (store, CS_TYPE_PARTY, 0);
  GListModel *cells = cs_store_list (store, CS_TYPE_RESPONSIBILITY, offer_id);
  gint64 party_id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(CsRecord) party = g_list_model_get_item (parties, i);

      if (g_str_equal (cs_record_get_string (party, "kind"), party_kind))
        party_id = cs_record_get_id (party);
    }
  g_assert_cmpint (party_id, !=, 0);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CsRecord) activity = g_list_model_get_item (activities, i);
      gboolean has_cell = FALSE;
      g_autoptr(GError) error = NULL;

      for (guint c = 0; c < g_list_model_get_n_items (cells) && !has_cell; c++)
        {
          g_autoptr(CsRecord) cell = g_list_model_get_item (cells, c);

          has_cell = cs_record_get_int (cell, "activity_id") == cs_record_get_id (activity);
        }
      if (has_cell)
        continue;
      g_assert_true (cs_raci_set_roles (store, offer_id, cs_record_get_id (activity), party_id,
                                        "RA", &error));
      g_assert_no_error (error);
    }
}

static CsChecklist *
default_checklist (void)
{
  g_autoptr(GError) error = NULL;
  CsChecklist *checklist = cs_checklist_new_default (&error);

  g_assert_no_error (error);
  return checklist;
}

static CsItemStatus
status_of (CsReport   *report,
           const char *id)
{
  CsFinding *result = cs_report_lookup_result (report, id);

  if (result == NULL)
    g_error ("no result for %s", id);
  return cs_finding_get_status (result);
}

static void
test_packs_validate (void)
{
  g_autoptr(CsChecklist) checklist = default_checklist ();
  static const char * const prefixes[] = {
    "PER", "EXC", "RES", "SLA", "BCK", "SEC", "SUB", "EXT", "BIL", "GOV", "GDP", "DOR", "EBA", NULL
  };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* DOMAIN.md: 13+8+9+18+16+19+10+20+14+12+13 items, and the regulatory pack */
  g_assert_cmpuint (cs_checklist_get_n_items (checklist), >=, 152 + 8);
  for (guint i = 0; i < cs_checklist_get_n_items (checklist); i++)
    g_hash_table_add (ids, (gpointer) cs_checklist_get_item_id (checklist, i));
  for (guint p = 0; prefixes[p] != NULL; p++)
    {
      g_autofree char *first = g_strdup_printf ("%s-01", prefixes[p]);
      g_assert_true (g_hash_table_contains (ids, first));
    }
  g_assert_true (g_hash_table_contains (ids, "SEC-19"));
  g_assert_true (g_hash_table_contains (ids, "EXT-20"));
}

static void
assert_refused (const char *file,
                const char *line)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", file, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsChecklist) checklist = cs_checklist_new ();

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_false (cs_checklist_load_bytes (checklist, bytes, file, &error));
  g_assert_error (error, CS_CHECKLIST_ERROR, CS_CHECKLIST_ERROR_INVALID_PACK);
  if (strstr (error->message, line) == NULL)
    g_error ("“%s” does not name %s", error->message, line);
  g_assert_cmpuint (cs_checklist_get_n_items (checklist), ==, 0);
}

static void
test_broken_pack (void)
{
  static const char not_xml[] = "<checklist id=\"x\" version=\"1\">\n<item>\n</checklist>";
  static const char doctype[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE checklist SYSTEM \"http://example.com/x.dtd\">\n"
    "<checklist id=\"x\" version=\"1\" regulatory=\"false\"/>";
  g_autoptr(CsChecklist) checklist = cs_checklist_new ();
  g_autoptr(GBytes) b1 = g_bytes_new_static (not_xml, sizeof not_xml - 1);
  g_autoptr(GBytes) b2 = g_bytes_new_static (doctype, sizeof doctype - 1);
  g_autoptr(GBytes) twice = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused ("checklists-broken.xml", "line 10");
  assert_refused ("checklists-broken-field.xml", "line 8");

  g_assert_false (cs_checklist_load_bytes (checklist, b1, "not-xml.xml", &error));
  g_assert_error (error, CS_CHECKLIST_ERROR, CS_CHECKLIST_ERROR_INVALID_PACK);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  g_assert_false (cs_checklist_load_bytes (checklist, b2, "doctype.xml", &error));
  g_assert_error (error, CS_CHECKLIST_ERROR, CS_CHECKLIST_ERROR_INVALID_PACK);
  g_clear_error (&error);

  /* loading the base pack twice repeats every id */
  twice = g_resources_lookup_data ("/org/contractscope/ContractScope/core/checklists/base.xml",
                                   0, NULL);
  g_assert_true (cs_checklist_load_bytes (checklist, twice, "base.xml", &error));
  g_assert_false (cs_checklist_load_bytes (checklist, twice, "base.xml", &error));
  g_assert_error (error, CS_CHECKLIST_ERROR, CS_CHECKLIST_ERROR_INVALID_PACK);
}

static void
test_check_kinds (void)
{
  g_autoptr(CsChecklist) checklist = default_checklist ();
  gint64 good_id = 0, bad_id = 0;
  g_autoptr(CsStore) store = open_fixture (&good_id, &bad_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsReport) good = cs_checklist_evaluate (checklist, store, NULL, good_id, &error);
  g_autoptr(CsReport) bad = cs_checklist_evaluate (checklist, store, NULL, bad_id, &error);
  CsFinding *result = NULL;

  g_assert_no_error (error);

  /* presence */
  g_assert_cmpint (status_of (good, "SLA-12"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "SLA-12"), ==, CS_ITEM_MISSING);
  /* number, with bounds */
  g_assert_cmpint (status_of (good, "BCK-02"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (good, "BCK-10"), ==, CS_ITEM_MISSING);
  g_assert_cmpint (status_of (good, "GDP-09"), ==, CS_ITEM_SATISFIED);
  /* 72 h reaches the pack's limit: the client itself has only 72 h (GDPR Art. 33) */
  g_assert_cmpint (status_of (bad, "GDP-09"), ==, CS_ITEM_MISSING);
  g_assert_true (cs_finding_get_knock_out (cs_report_lookup_result (bad, "GDP-09")));
  g_assert_cmpint (status_of (good, "EXT-15"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "EXT-15"), ==, CS_ITEM_PARTIAL);
  /* list */
  g_assert_cmpint (status_of (good, "EXC-01"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "EXC-01"), ==, CS_ITEM_MISSING);
  /* choice: accept and reject */
  g_assert_cmpint (status_of (good, "EXT-01"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "EXT-01"), ==, CS_ITEM_MISSING);
  g_assert_cmpint (status_of (good, "EXT-04"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "EXT-04"), ==, CS_ITEM_MISSING);
  /* control */
  g_assert_cmpint (status_of (good, "SEC-02"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "SEC-02"), ==, CS_ITEM_MISSING);
  /* deliverable */
  g_assert_cmpint (status_of (good, "EXT-05"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "EXT-05"), ==, CS_ITEM_PARTIAL);
  g_assert_cmpint (status_of (bad, "EXT-06"), ==, CS_ITEM_MISSING);
  /* manual: answered, or still to assess */
  result = cs_report_lookup_result (good, "PER-01");
  g_assert_cmpint (cs_finding_get_status (result), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (cs_finding_get_origin (result), ==, CS_ORIGIN_MANUAL);
  g_assert_cmpstr (cs_finding_get_reference (result), ==, "Annex 1");
  g_assert_cmpint (status_of (bad, "PER-01"), ==, CS_ITEM_UNANSWERED);
  /* override, with its justification */
  result = cs_report_lookup_result (good, "SLA-13");
  g_assert_cmpint (cs_finding_get_status (result), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (cs_finding_get_origin (result), ==, CS_ORIGIN_OVERRIDE);
  g_assert_cmpstr (cs_finding_get_justification (result), ==, "Credits are in the price schedule");
  g_assert_cmpint (status_of (bad, "SLA-13"), ==, CS_ITEM_MISSING);
  /* go-to target */
  result = cs_report_lookup_result (bad, "BCK-02");
  g_assert_cmpint (cs_finding_get_section (result), ==, CS_SECTION_BACKUP);
  g_assert_cmpstr (cs_finding_get_field (result), ==, "frequency_hours");
  result = cs_report_lookup_result (bad, "GDP-09");
  g_assert_cmpint (cs_finding_get_section (result), ==, CS_SECTION_TERMS);
}

static void
test_cross_checks (void)
{
  g_autoptr(CsChecklist) checklist = default_checklist ();
  gint64 good_id = 0, bad_id = 0;
  g_autoptr(CsStore) store = open_fixture (&good_id, &bad_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsReport) good = NULL;
  g_autoptr(CsReport) bad = NULL;

  /* An Accountable for every activity of the catalogue, not only those the fixture names. */
  fill_raci (store, good_id, "provider");
  good = cs_checklist_evaluate (checklist, store, NULL, good_id, &error);
  bad = cs_checklist_evaluate (checklist, store, NULL, bad_id, &error);
  g_assert_no_error (error);
  /* P1 ≤ P2 ≤ P3 */
  g_assert_cmpint (status_of (good, "SLA-18"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "SLA-18"), ==, CS_ITEM_MISSING);
  g_assert_cmpint (status_of (good, "SLA-02"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "SLA-02"), ==, CS_ITEM_MISSING);
  g_assert_cmpint (status_of (good, "SLA-03"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (good, "SLA-09"), ==, CS_ITEM_PARTIAL);
  /* backup frequency ≤ RPO */
  g_assert_cmpint (status_of (good, "BCK-16"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "BCK-16"), ==, CS_ITEM_MISSING);
  /* log retention ≥ 6 months, read from the control's wording */
  g_assert_cmpint (status_of (good, "SEC-08"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "SEC-08"), ==, CS_ITEM_PARTIAL);
  /* transition ≤ 30 days for hosted services; switching charges known */
  g_assert_cmpint (status_of (good, "EXT-03"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "EXT-03"), ==, CS_ITEM_PARTIAL);
  g_assert_cmpint (status_of (good, "BIL-10"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "BIL-10"), ==, CS_ITEM_MISSING);
  /* an Accountable for every activity; backup owned by the provider */
  g_assert_cmpint (status_of (good, "RES-01"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "RES-01"), ==, CS_ITEM_PARTIAL);
  g_assert_cmpint (status_of (good, "BCK-12"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "BCK-12"), ==, CS_ITEM_MISSING);
  /* inventory coverage, critical assets managed and backed up */
  g_assert_cmpint (status_of (good, "PER-02"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "PER-02"), ==, CS_ITEM_PARTIAL);
  g_assert_cmpint (status_of (good, "PER-12"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "PER-12"), ==, CS_ITEM_MISSING);
  g_assert_cmpint (status_of (good, "BCK-01"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (bad, "BCK-01"), ==, CS_ITEM_MISSING);
  /* exclusions that do not hollow out the core */
  g_assert_cmpint (status_of (good, "EXC-03"), ==, CS_ITEM_SATISFIED);
}

/* Recomputes the score of every section from the results, as DOMAIN.md defines it. */
static void
assert_scores_consistent (CsReport *report)
{
  GListModel *results = cs_report_get_results (report);
  double earned[CS_N_SECTIONS] = { 0 }, total[CS_N_SECTIONS] = { 0 };
  double possible[CS_N_SECTIONS] = { 0 };
  guint knock_outs = 0;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CsFinding) r = g_list_model_get_item (results, i);
      double weight = cs_severity_get_weight (cs_finding_get_severity (r));
      CsSection s = cs_finding_get_section (r);
      double e = 0, t = 0, p = 0;

      /* Assessed: every item with an answer; the score weighs only those. */
      switch (cs_finding_get_status (r))
        {
        case CS_ITEM_SATISFIED: e = weight; t = weight; p = weight; break;
        case CS_ITEM_PARTIAL: e = weight / 2; t = weight; p = weight; break;
        case CS_ITEM_MISSING: t = weight; p = weight; break;
        case CS_ITEM_UNANSWERED: p = weight; break;
        default: break;
        }
      earned[s] += e; total[s] += t; possible[s] += p;
      earned[CS_SECTION_DASHBOARD] += e; total[CS_SECTION_DASHBOARD] += t;
      possible[CS_SECTION_DASHBOARD] += p;
      if (cs_finding_get_severity (r) == CS_SEVERITY_CRITICAL
          && cs_finding_get_status (r) == CS_ITEM_MISSING)
        g_assert_true (cs_finding_get_knock_out (r));
      if (cs_finding_get_knock_out (r))
        {
          g_assert_cmpint (cs_finding_get_status (r), ==, CS_ITEM_MISSING);
          knock_outs++;
        }
    }

  for (guint s = 0; s < CS_N_SECTIONS; s++)
    {
      const CsScore *score = cs_report_get_score (report, s);

      g_assert_cmpfloat_with_epsilon (score->earned, earned[s], 1e-9);
      g_assert_cmpfloat_with_epsilon (score->total, total[s], 1e-9);
      g_assert_cmpfloat_with_epsilon (score->possible, possible[s], 1e-9);
      if (possible[s] > 0)
        g_assert_cmpfloat_with_epsilon (score->assessed, total[s] / possible[s], 1e-9);
      if (total[s] > 0)
        g_assert_cmpfloat_with_epsilon (score->score, earned[s] / total[s], 1e-9);
      else
        g_assert_true (isnan (score->score));
    }
  g_assert_cmpuint (cs_report_get_n_knock_outs (report), ==, knock_outs);
}

/* PER-03: a site counts when the offer manages or partly manages one of its assets. */
static const char sites_fixture[] =
  "{ \"version\": 1,"
  "  \"project\": { \"client_name\": \"Sites\" },"
  "  \"sites\": [ { \"id\": \"hq\", \"name\": \"HQ\" }, { \"id\": \"branch\", \"name\": \"Branch\" } ],"
  "  \"assets\": ["
  "    { \"id\": \"erp\", \"category\": \"server\", \"name\": \"ERP\", \"site\": \"hq\" },"
  "    { \"id\": \"pc\", \"category\": \"endpoint\", \"name\": \"PC\", \"site\": \"branch\" } ],"
  "  \"offers\": ["
  "    { \"provider\": \"Both\","
  "      \"coverages\": [ { \"asset\": \"erp\", \"state\": \"managed\" },"
  "                       { \"asset\": \"pc\", \"state\": \"partial\" } ] },"
  "    { \"provider\": \"One\","
  "      \"coverages\": [ { \"asset\": \"erp\", \"state\": \"managed\" },"
  "                       { \"asset\": \"pc\", \"state\": \"excluded\" } ] } ] }";

static void
test_sites_covered (void)
{
  g_autoptr(CsChecklist) checklist = default_checklist ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("sites.contractscope");
  g_autoptr(GBytes) json = g_bytes_new_static (sites_fixture, sizeof sites_fixture - 1);
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsRecord) both = NULL;
  g_autoptr(CsRecord) one = NULL;
  g_autoptr(CsReport) both_report = NULL;
  g_autoptr(CsReport) one_report = NULL;
  g_autoptr(GHashTable) covered = NULL;
  CsFinding *result;

  g_unlink (path);
  store = cs_store_create_from_json_data (path, json, &error);
  g_assert_no_error (error);
  both = g_list_model_get_item (cs_store_get_offers (store), 0);
  one = g_list_model_get_item (cs_store_get_offers (store), 1);

  covered = cs_store_list_covered_sites (store, cs_record_get_id (one), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (covered), ==, 1);

  both_report = cs_checklist_evaluate (checklist, store, NULL, cs_record_get_id (both), &error);
  g_assert_no_error (error);
  one_report = cs_checklist_evaluate (checklist, store, NULL, cs_record_get_id (one), &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (both_report, "PER-03"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (status_of (one_report, "PER-03"), !=, CS_ITEM_SATISFIED);
  result = cs_report_lookup_result (one_report, "PER-03");
  g_assert_nonnull (strstr (cs_finding_get_detail (result), "Branch"));
  cs_store_close (store);
  g_unlink (path);
}

static void
test_scores_and_regulatory (void)
{
  g_autoptr(CsChecklist) checklist = default_checklist ();
  g_autoptr(CsLinter) linter = cs_linter_new_default (NULL);
  gint64 good_id = 0, bad_id = 0;
  g_autoptr(CsStore) store = open_fixture (&good_id, &bad_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsReport) good = cs_checklist_evaluate (checklist, store, linter, good_id, &error);
  g_autoptr(CsReport) bad = cs_checklist_evaluate (checklist, store, linter, bad_id, &error);
  g_autoptr(CsReport) regulated = NULL;
  g_autoptr(CsFinding) first = NULL;
  GListModel *findings = NULL;
  gboolean lint_seen = FALSE;

  g_assert_no_error (error);
  assert_scores_consistent (good);
  assert_scores_consistent (bad);
  g_assert_cmpfloat (cs_report_get_score (good, CS_SECTION_DASHBOARD)->score, >,
                     cs_report_get_score (bad, CS_SECTION_DASHBOARD)->score);
  g_assert_cmpuint (cs_report_get_n_knock_outs (bad), >, cs_report_get_n_knock_outs (good));

  /* knock-outs come first; the pasted clause's weak wording counts on the dashboard */
  findings = cs_report_get_findings (bad);
  first = g_list_model_get_item (findings, 0);
  g_assert_true (cs_finding_get_knock_out (first));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CsFinding) f = g_list_model_get_item (findings, i);

      if (cs_finding_get_kind (f) == CS_FINDING_LINTER)
        {
          g_assert_cmpstr (cs_finding_get_id (f), ==, "L04");
          g_assert_cmpint (cs_finding_get_section (f), ==, CS_SECTION_SLA);
          lint_seen = TRUE;
        }
    }
  g_assert_true (lint_seen);
  g_assert_cmpuint (cs_report_get_score (bad, CS_SECTION_SLA)->n_lint_findings, ==, 1);

  /* regulatory items: reference only, until the client is regulated */
  g_assert_cmpint (status_of (good, "DOR-01"), ==, CS_ITEM_REFERENCE);
  g_assert_true (cs_store_set_boolean (store, CS_RECORD (cs_store_get_project (store)), "regulated",
                                       TRUE, &error));
  g_assert_no_error (error);
  regulated = cs_checklist_evaluate (checklist, store, NULL, good_id, &error);
  g_assert_cmpint (status_of (regulated, "DOR-01"), ==, CS_ITEM_UNANSWERED);
  g_assert_cmpint (status_of (regulated, "DOR-02"), ==, CS_ITEM_SATISFIED);
  g_assert_cmpfloat (cs_report_get_score (regulated, CS_SECTION_DASHBOARD)->total, >,
                     cs_report_get_score (good, CS_SECTION_DASHBOARD)->total);
  assert_scores_consistent (regulated);

  /* an unknown offer is refused */
  g_assert_null (cs_checklist_evaluate (checklist, store, NULL, 9999, &error));
  g_assert_error (error, CS_CHECKLIST_ERROR, CS_CHECKLIST_ERROR_NO_OFFER);
}

/* The demo project: each offer's scores follow from what it records. */
static void
test_demo_scores (void)
{
  g_autoptr(CsChecklist) checklist = default_checklist ();
  g_autoptr(CsLinter) linter = cs_linter_new_default (NULL);
  g_autofree char *path = cs_test_build_path ("demo.contractscope");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  GListModel *offers = NULL;

  g_unlink (path);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  offers = cs_store_get_offers (store);
  g_assert_cmpuint (g_list_model_get_n_items (offers), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      gint64 id = cs_record_get_id (offer);
      g_autoptr(CsReport) report = cs_checklist_evaluate (checklist, store, linter, id, &error);
      CsCoverageCounts counts;
      CsItemStatus expected;
      GListModel *targets = cs_store_list (store, CS_TYPE_SLA_TARGET, id);

      g_assert_no_error (error);
      assert_scores_consistent (report);

      g_assert_true (cs_store_count_coverage (store, id, 1, &counts, &error));
      expected = counts.n_not_addressed == 0 ? CS_ITEM_SATISFIED
               : counts.n_not_addressed < counts.n_assets ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
      /* unless a clause of the perimeter says "the IT environment" (a critical weak wording) */
      if (!g_str_has_prefix (cs_finding_get_detail (cs_report_lookup_result (report, "PER-02")) ?: "",
                             "Clause"))
        g_assert_cmpint (status_of (report, "PER-02"), ==, expected);
      if (g_list_model_get_n_items (targets) == 0)
        {
          g_assert_cmpint (status_of (report, "SLA-02"), ==, CS_ITEM_MISSING);
          g_assert_true (cs_finding_get_knock_out (cs_report_lookup_result (report, "SLA-02")));
        }
      /* the demo client is not regulated */
      g_assert_cmpint (status_of (report, "DOR-01"), ==, CS_ITEM_REFERENCE);

      /*
       * The demo records each offer's coverage of the 60 assets (23 of them critical), so no
       * offer gets the "nothing addressed" knock-out any more:
       * - Rhône (incumbent): its 2021 annex and what it does in practice, 19 managed and
       *   9 partial; business applications, telephony and most warehouse gear are not
       *   addressed (32), and 16 critical assets are not managed: PER-12 partial, and PER-02
       *   a knock-out because its Art. 2 promises "the client's IT environment" (linter L06).
       * - Altimance: everything addressed (57 managed incl. business applications, CCTV and
       *   badge access partial, the old server excluded until decommissioned), every critical
       *   asset managed: PER-02 and PER-12 satisfied, and no knock-out at all.
       * - Kerveo: business applications and telephony excluded (14), CCTV and badge access not
       *   addressed (2); 7 critical assets not managed (4 applications, the PBX, the SIP trunk,
       *   the Internet access it only monitors): PER-02 and PER-12 partial.
       */
      {
        static const struct
        {
          const char  *provider;
          guint        n_not_addressed;
          guint        n_critical_unmanaged;
          CsItemStatus per02;
          CsItemStatus per12;
        } expected_coverage[] = {
          { "Rhône Informatique Services", 32, 16, CS_ITEM_MISSING, CS_ITEM_PARTIAL },
          { "Altimance Infogérance", 0, 0, CS_ITEM_SATISFIED, CS_ITEM_SATISFIED },
          { "Kerveo Services Managés", 2, 7, CS_ITEM_PARTIAL, CS_ITEM_PARTIAL },
        };

        g_assert_cmpuint (i, <, G_N_ELEMENTS (expected_coverage));
        g_assert_cmpstr (cs_offer_get_provider (CS_OFFER (offer)), ==, expected_coverage[i].provider);
        g_assert_cmpuint (counts.n_assets, ==, 60);
        g_assert_cmpuint (counts.n_critical, ==, 23);
        g_assert_cmpuint (counts.n_not_addressed, ==, expected_coverage[i].n_not_addressed);
        g_assert_cmpuint (counts.n_critical - counts.n_critical_managed, ==,
                          expected_coverage[i].n_critical_unmanaged);
        g_assert_cmpint (status_of (report, "PER-02"), ==, expected_coverage[i].per02);
        g_assert_cmpint (status_of (report, "PER-12"), ==, expected_coverage[i].per12);
        g_assert_cmpint (cs_finding_get_knock_out (cs_report_lookup_result (report, "PER-02")), ==,
                         expected_coverage[i].per02 == CS_ITEM_MISSING);
        if (i == 1)
          g_assert_cmpuint (cs_report_get_n_knock_outs (report), ==, 0);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/checklist/packs-validate", test_packs_validate);
  g_test_add_func ("/core/checklist/broken-pack", test_broken_pack);
  g_test_add_func ("/core/checklist/check-kinds", test_check_kinds);
  g_test_add_func ("/core/checklist/cross-checks", test_cross_checks);
  g_test_add_func ("/core/checklist/sites-covered", test_sites_covered);
  g_test_add_func ("/core/checklist/scores", test_scores_and_regulatory);
  g_test_add_func ("/core/checklist/demo", test_demo_scores);

  return g_test_run ();
}
