/* test-verdict.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 9, "One verdict": each case measured on main, one test each, and the thresholds of the
 * pack. Every test builds a project from a JSON document with one offer and evaluates it with
 * the bundled packs and linter rules. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cs-checklist.h"
#include "cs-demo.h"
#include "cs-sections.h"
#include "cs-store.h"
#include "cs-test-utils.h"

typedef struct
{
  CsStore  *store;
  gint64    offer_id;
  CsReport *report;
} Verdict;

static CsChecklist *
get_checklist (void)
{
  static CsChecklist *checklist = NULL;

  if (checklist == NULL)
    {
      g_autoptr(GError) error = NULL;

      checklist = cs_checklist_new_default (&error);
      g_assert_no_error (error);
    }
  return checklist;
}

static CsLinter *
get_linter (void)
{
  static CsLinter *linter = NULL;

  if (linter == NULL)
    {
      g_autoptr(GError) error = NULL;

      linter = cs_linter_new_default (&error);
      g_assert_no_error (error);
    }
  return linter;
}

static void
verdict_evaluate (Verdict *v)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&v->report);
  v->report = cs_checklist_evaluate (get_checklist (), v->store, get_linter (), v->offer_id,
                                     &error);
  g_assert_no_error (error);
}

/* A project whose only offer is @offer (the members of a JSON object, without braces). */
static void
verdict_open (Verdict    *v,
              const char *offer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("verdict.contractscope");
  g_autofree char *text = g_strdup_printf (
    "{ \"version\": 1,"
    "  \"project\": { \"client_name\": \"Verdict\", \"regulated\": false },"
    "  \"sites\": [ { \"id\": \"hq\", \"name\": \"HQ\" } ],"
    "  \"assets\": [ { \"id\": \"erp\", \"category\": \"server\", \"name\": \"ERP\","
    "                  \"criticality\": 1, \"site\": \"hq\" } ],"
    "  \"parties\": [ { \"id\": \"client\", \"kind\": \"client\", \"name\": \"Client\" },"
    "                 { \"id\": \"provider\", \"kind\": \"provider\", \"name\": \"Provider\" } ],"
    "  \"activities\": [ { \"id\": \"restore\", \"key\": \"restore\" },"
    "                    { \"id\": \"patching\", \"key\": \"patching\" } ],"
    "  \"offers\": [ { \"provider\": \"Offer\"%s%s } ] }", *offer != '\0' ? ", " : "", offer);
  gsize length = strlen (text);
  g_autoptr(GBytes) json = g_bytes_new_take (g_steal_pointer (&text), length);
  g_autoptr(CsRecord) first = NULL;

  g_unlink (path);
  v->store = cs_store_create_from_json_data (path, json, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (cs_store_get_offers (v->store), 0);
  v->offer_id = cs_record_get_id (first);
  verdict_evaluate (v);
}

static void
verdict_clear (Verdict *v)
{
  g_clear_object (&v->report);
  if (v->store != NULL)
    cs_store_close (v->store);
  g_clear_object (&v->store);
}

static CsFinding *
result (Verdict    *v,
        const char *id)
{
  CsFinding *finding = cs_report_lookup_result (v->report, id);

  if (finding == NULL)
    g_error ("no result for %s", id);
  return finding;
}

#define assert_status(v, id, expected) \
  G_STMT_START { \
    CsFinding *f_ = result ((v), (id)); \
    if (cs_finding_get_status (f_) != (expected)) \
      g_error ("%s: expected %s, got %s (%s)", (id), cs_item_status_to_string (expected), \
               cs_item_status_to_string (cs_finding_get_status (f_)), \
               cs_finding_get_detail (f_) != NULL ? cs_finding_get_detail (f_) : ""); \
  } G_STMT_END

/* An offer whose only statement is one security control. */
static void
assert_control (const char   *item,
                const char   *control,
                const char   *detail,
                CsItemStatus  expected,
                gboolean      knock_out)
{
  Verdict v = { 0 };
  g_autofree char *offer = g_strdup_printf (
    "\"security_controls\": [ { \"control\": \"%s\", \"status\": \"committed\", \"detail\": \"%s\" } ]",
    control, detail);

  verdict_open (&v, offer);
  if (cs_finding_get_status (result (&v, item)) != expected)
    g_error ("%s with “%s”: expected %s, got %s (%s)", item, detail,
             cs_item_status_to_string (expected),
             cs_item_status_to_string (cs_finding_get_status (result (&v, item))),
             cs_finding_get_detail (result (&v, item)));
  g_assert_cmpint (cs_finding_get_knock_out (result (&v, item)), ==, knock_out);
  verdict_clear (&v);
}

/* SLA-18: worst-case wall-clock times, under the coverage window, on-call and holidays. */
static void
test_sla18_worst_case (void)
{
  Verdict v = { 0 };
  g_autoptr(CsSlaReport) sla = NULL;
  CsSlaTargetReport *p1 = NULL;

  /* P1 "4 business hours" without on-call vs P2 "8 calendar hours": P1 can take far longer. */
  verdict_open (&v,
    "\"sla_terms\": { \"window_days\": 31, \"window_start\": 480, \"window_end\": 1080,"
    "                 \"time_zone\": \"Europe/Paris\", \"holidays\": \"FR\", \"oncall_p1\": \"no\" },"
    "\"sla_targets\": ["
    "  { \"kind\": \"incident\", \"priority\": 1, \"resolution_value\": 4,"
    "    \"resolution_unit\": \"hours\", \"resolution_clock\": \"business\" },"
    "  { \"kind\": \"incident\", \"priority\": 2, \"resolution_value\": 8,"
    "    \"resolution_unit\": \"hours\", \"resolution_clock\": \"calendar\" } ]");
  assert_status (&v, "SLA-18", CS_ITEM_MISSING);
  g_assert_nonnull (strstr (cs_finding_get_detail (result (&v, "SLA-18")), "P1 resolution can take"));
  verdict_clear (&v);

  /* With on-call, P1 runs around the clock: 4 h ≤ 8 h. */
  verdict_open (&v,
    "\"sla_terms\": { \"window_days\": 31, \"time_zone\": \"Europe/Paris\", \"holidays\": \"FR\","
    "                 \"oncall_p1\": \"yes\" },"
    "\"sla_targets\": ["
    "  { \"kind\": \"incident\", \"priority\": 1, \"resolution_value\": 4,"
    "    \"resolution_unit\": \"hours\", \"resolution_clock\": \"business\" },"
    "  { \"kind\": \"incident\", \"priority\": 2, \"resolution_value\": 8,"
    "    \"resolution_unit\": \"hours\", \"resolution_clock\": \"calendar\" } ]");
  assert_status (&v, "SLA-18", CS_ITEM_SATISFIED);
  verdict_clear (&v);

  /* "1 business day" under a 07:00–19:00 window is 12 business hours, not 24 h, and on the
   * wall clock (opened at Friday's close) it can take longer than 13 calendar hours. */
  verdict_open (&v,
    "\"sla_terms\": { \"window_days\": 31, \"window_start\": 420, \"window_end\": 1140,"
    "                 \"time_zone\": \"Europe/Paris\", \"holidays\": \"FR\", \"oncall_p1\": \"no\" },"
    "\"sla_targets\": ["
    "  { \"kind\": \"incident\", \"priority\": 1, \"resolution_value\": 1,"
    "    \"resolution_unit\": \"days\", \"resolution_clock\": \"business\" },"
    "  { \"kind\": \"incident\", \"priority\": 2, \"resolution_value\": 13,"
    "    \"resolution_unit\": \"hours\", \"resolution_clock\": \"calendar\" } ]");
  sla = cs_sla_report_new (v.store, v.offer_id, 2026);
  p1 = g_ptr_array_index (sla->targets, 0);
  g_assert_cmpfloat (p1->resolution.stated_minutes, ==, 12 * 60);
  g_assert_cmpfloat (p1->resolution.worst.wall_minutes, >, 13 * 60);
  assert_status (&v, "SLA-18", CS_ITEM_MISSING);
  verdict_clear (&v);
}

/* SEC-08: retention ≥ 6 months in any unit and language; the shortest value governs. */
static void
test_sec08_retention (void)
{
  static const struct { const char *detail; CsItemStatus expected; } cases[] = {
    { "Logs are kept 180 days.", CS_ITEM_SATISFIED },
    { "Logs are kept 26 weeks.", CS_ITEM_SATISFIED },
    { "Logs are kept 1 year.", CS_ITEM_SATISFIED },
    { "Journaux conservés 1 an.", CS_ITEM_SATISFIED },
    { "Logs are kept six months.", CS_ITEM_SATISFIED },
    { "3 months online; archived 12 months.", CS_ITEM_PARTIAL },
    { "Logs are kept 90 days.", CS_ITEM_PARTIAL },
    { "Logs are centralised.", CS_ITEM_PARTIAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_control ("SEC-08", "logging", cases[i].detail, cases[i].expected, FALSE);
}

/* SEC-10, SEC-11, SEC-12, SEC-14 compare their duration with the pack's threshold. */
static void
test_security_thresholds (void)
{
  assert_control ("SEC-11", "incident-notification", "Notified within 96 hours.",
                  CS_ITEM_MISSING, TRUE);
  assert_control ("SEC-11", "incident-notification", "Notified within 72 hours.",
                  CS_ITEM_MISSING, TRUE);
  assert_control ("SEC-11", "incident-notification", "Notified within 48 hours.",
                  CS_ITEM_PARTIAL, FALSE);
  assert_control ("SEC-11", "incident-notification", "Notifié sous 24 heures.",
                  CS_ITEM_SATISFIED, FALSE);
  assert_control ("SEC-10", "patching", "Critical patches within 72 hours, others within 30 days.",
                  CS_ITEM_SATISFIED, FALSE);
  assert_control ("SEC-10", "patching", "Patches are applied within 90 days.",
                  CS_ITEM_PARTIAL, FALSE);
  assert_control ("SEC-12", "deprovisioning", "Leavers' accounts are removed within 24 hours.",
                  CS_ITEM_SATISFIED, FALSE);
  assert_control ("SEC-12", "deprovisioning", "Leavers' accounts are removed within 5 days.",
                  CS_ITEM_PARTIAL, FALSE);
  assert_control ("SEC-14", "audits", "A yearly penetration test.", CS_ITEM_SATISFIED, FALSE);
  assert_control ("SEC-14", "audits", "An audit every 2 years.", CS_ITEM_PARTIAL, FALSE);
}

/* GDP-09: 24 h satisfies, 36 h is partial, 72 h (the controller's own deadline) fails. */
static void
test_gdp09_bands (void)
{
  static const struct { double hours; CsItemStatus expected; gboolean knock_out; } cases[] = {
    { 24, CS_ITEM_SATISFIED, FALSE },
    { 36, CS_ITEM_PARTIAL, FALSE },
    { 72, CS_ITEM_MISSING, TRUE },
    { 96, CS_ITEM_MISSING, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Verdict v = { 0 };
      g_autofree char *offer = g_strdup_printf ("\"terms\": { \"breach_notification_hours\": %g }",
                                                cases[i].hours);

      verdict_open (&v, offer);
      assert_status (&v, "GDP-09", cases[i].expected);
      g_assert_cmpint (cs_finding_get_knock_out (result (&v, "GDP-09")), ==, cases[i].knock_out);
      verdict_clear (&v);
    }
}

/* RES-01: every activity of the catalogue counts, and it needs exactly one Accountable. */
static void
test_res01_every_activity (void)
{
  Verdict v = { 0 };

  /* Only the two activities the document names have cells: the others have no owner. */
  verdict_open (&v,
    "\"responsibilities\": ["
    "  { \"activity\": \"restore\", \"party\": \"provider\", \"roles\": \"RA\" },"
    "  { \"activity\": \"patching\", \"party\": \"provider\", \"roles\": \"RA\" } ]");
  assert_status (&v, "RES-01", CS_ITEM_PARTIAL);
  g_assert_nonnull (strstr (cs_finding_get_detail (result (&v, "RES-01")), "Change approval"));
  verdict_clear (&v);

  /* Two Accountables for one activity is not an answer: no activity is owned. */
  verdict_open (&v,
    "\"responsibilities\": ["
    "  { \"activity\": \"restore\", \"party\": \"provider\", \"roles\": \"A\" },"
    "  { \"activity\": \"restore\", \"party\": \"client\", \"roles\": \"A\" } ]");
  assert_status (&v, "RES-01", CS_ITEM_MISSING);
  verdict_clear (&v);
}

/* EXC-03 uses the Exclusions page's detector, English and French. */
static void
test_exc03_detector (void)
{
  static const struct { const char *label; CsItemStatus expected; } cases[] = {
    { "Restauration des données", CS_ITEM_MISSING },
    { "Cyberattack remediation and ransomware recovery", CS_ITEM_MISSING },
    { "Security awareness training for end users", CS_ITEM_SATISFIED },
    { "Hardware replacement", CS_ITEM_SATISFIED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Verdict v = { 0 };
      g_autofree char *offer = g_strdup_printf (
        "\"exclusions\": [ { \"category\": \"custom\", \"label\": \"%s\", \"decision\": \"excluded\" } ]",
        cases[i].label);

      verdict_open (&v, offer);
      assert_status (&v, "EXC-03", cases[i].expected);
      verdict_clear (&v);
    }
}

/* PER-08, BIL-08, BCK-16, EXT-03, SLA-13, BIL-05: both halves and the caps are read. */
static void
test_terms_and_caps (void)
{
  Verdict v = { 0 };

  verdict_open (&v,
    "\"terms\": { \"term_months\": 36, \"renewal_mode\": \"tacit\", \"renewal_months\": 36,"
    "             \"notice_days\": 365, \"revision_index\": \"Syntec\", \"revision_cap_percent\": 8 },"
    "\"sla_terms\": { \"credits\": \"2 % per breach\", \"credits_cap_percent\": 2 },"
    "\"backup_policies\": [ { \"name\": \"Nightly\", \"frequency_hours\": 24, \"rpo_hours\": 24,"
    "                         \"retention_days\": 7 } ],"
    "\"exit_terms\": { \"transition_days\": 5 }");
  assert_status (&v, "PER-08", CS_ITEM_PARTIAL);
  assert_status (&v, "BIL-08", CS_ITEM_PARTIAL);
  assert_status (&v, "BCK-16", CS_ITEM_PARTIAL);
  assert_status (&v, "EXT-03", CS_ITEM_MISSING);
  assert_status (&v, "SLA-13", CS_ITEM_PARTIAL);
  assert_status (&v, "BIL-05", CS_ITEM_PARTIAL);
  verdict_clear (&v);

  verdict_open (&v,
    "\"terms\": { \"start_date\": \"2026-01-01\", \"term_months\": 36, \"renewal_mode\": \"tacit\","
    "             \"renewal_months\": 12, \"notice_days\": 90, \"revision_index\": \"Syntec\","
    "             \"revision_cap_percent\": 3 },"
    "\"sla_terms\": { \"credits\": \"5 % per breach\", \"credits_cap_percent\": 20 },"
    "\"backup_policies\": [ { \"name\": \"Nightly\", \"frequency_hours\": 24, \"rpo_hours\": 24,"
    "                         \"retention_days\": 30 } ],"
    "\"exit_terms\": { \"transition_days\": 60 }");
  assert_status (&v, "PER-08", CS_ITEM_SATISFIED);
  assert_status (&v, "BIL-08", CS_ITEM_SATISFIED);
  assert_status (&v, "BCK-16", CS_ITEM_SATISFIED);
  assert_status (&v, "EXT-03", CS_ITEM_SATISFIED);
  assert_status (&v, "SLA-13", CS_ITEM_SATISFIED);
  assert_status (&v, "BIL-05", CS_ITEM_SATISFIED);
  verdict_clear (&v);

  /* Hosting said in a clause, not by a subcontractor: the Data Act's 30 days apply. */
  verdict_open (&v,
    "\"exit_terms\": { \"transition_days\": 60 },"
    "\"clauses\": [ { \"section\": \"perimeter\", \"text\": \"The ERP is hosted in our datacentre.\" } ]");
  assert_status (&v, "EXT-03", CS_ITEM_PARTIAL);
  g_assert_nonnull (strstr (cs_finding_get_detail (result (&v, "EXT-03")), "Data Act"));
  verdict_clear (&v);
}

/* A critical linter finding of a clause of the section fails the item it names. */
static void
test_linter_reaches_checklist (void)
{
  Verdict v = { 0 };
  CsFinding *bck12 = NULL;

  verdict_open (&v,
    "\"responsibilities\": ["
    "  { \"activity\": \"restore\", \"party\": \"provider\", \"roles\": \"RA\" } ],"
    "\"clauses\": [ { \"section\": \"backup\", \"reference\": \"Art. 7\","
    "                 \"text\": \"Backups remain the responsibility of the client.\" } ]");
  bck12 = result (&v, "BCK-12");
  g_assert_cmpint (cs_finding_get_status (bck12), ==, CS_ITEM_MISSING);
  g_assert_true (cs_finding_get_knock_out (bck12));
  g_assert_nonnull (strstr (cs_finding_get_detail (bck12), "Art. 7"));
  verdict_clear (&v);

  /* A general clause, pasted on the dashboard, counts too; a clause of another section does
   * not. */
  verdict_open (&v,
    "\"responsibilities\": ["
    "  { \"activity\": \"restore\", \"party\": \"provider\", \"roles\": \"RA\" } ],"
    "\"clauses\": [ { \"section\": \"dashboard\","
    "                 \"text\": \"Backups remain the responsibility of the client.\" } ]");
  g_assert_true (cs_finding_get_knock_out (result (&v, "BCK-12")));
  verdict_clear (&v);
  verdict_open (&v,
    "\"responsibilities\": ["
    "  { \"activity\": \"restore\", \"party\": \"provider\", \"roles\": \"RA\" } ],"
    "\"clauses\": [ { \"section\": \"exit\","
    "                 \"text\": \"Backups remain the responsibility of the client.\" } ]");
  g_assert_false (cs_finding_get_knock_out (result (&v, "BCK-12")));
  verdict_clear (&v);

  /* A major finding caps the item at partial: “best efforts” (L01) names SLA-03. */
  verdict_open (&v,
    "\"sla_terms\": { \"window_days\": 31 },"
    "\"sla_targets\": [ { \"kind\": \"incident\", \"priority\": 1, \"response_value\": 1,"
    "                     \"response_unit\": \"hours\", \"resolution_value\": 4, \"resolution_unit\": \"hours\" },"
    "                   { \"kind\": \"incident\", \"priority\": 2, \"response_value\": 2,"
    "                     \"response_unit\": \"hours\", \"resolution_value\": 8, \"resolution_unit\": \"hours\" },"
    "                   { \"kind\": \"incident\", \"priority\": 3, \"response_value\": 4,"
    "                     \"response_unit\": \"hours\", \"resolution_value\": 16, \"resolution_unit\": \"hours\" },"
    "                   { \"kind\": \"incident\", \"priority\": 4, \"response_value\": 8,"
    "                     \"response_unit\": \"hours\", \"resolution_value\": 40, \"resolution_unit\": \"hours\" } ],"
    "\"clauses\": [ { \"section\": \"sla\", \"text\": \"The provider will use best efforts to restore the service.\" } ]");
  assert_status (&v, "SLA-03", CS_ITEM_PARTIAL);
  g_assert_false (cs_finding_get_knock_out (result (&v, "SLA-03")));
  assert_status (&v, "SLA-02", CS_ITEM_SATISFIED);
  verdict_clear (&v);
}

/* The rule file names items that exist, through the linter's interface. */
static void
test_linter_rule_items (void)
{
  CsLinter *linter = get_linter ();
  CsChecklist *checklist = get_checklist ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *items = NULL;
  guint n_named = 0;

  for (guint i = 0; i < cs_checklist_get_n_items (checklist); i++)
    g_hash_table_add (ids, (gpointer) cs_checklist_get_item_id (checklist, i));

  items = cs_linter_get_rule_items (linter, "L18");
  g_assert_nonnull (items);
  g_assert_cmpstr (items[0], ==, "BCK-12");
  g_assert_null (cs_linter_get_rule_items (linter, "L99"));

  for (guint i = 0; i < cs_linter_get_n_rules (linter); i++)
    {
      items = cs_linter_get_rule_items (linter, cs_linter_get_rule_id (linter, i));
      for (guint k = 0; items[k] != NULL; k++, n_named++)
        if (!g_hash_table_contains (ids, items[k]))
          g_error ("%s names the unknown item %s", cs_linter_get_rule_id (linter, i), items[k]);
    }
  g_assert_cmpuint (n_named, >, 30);
}

/* Items whose data exists are computed, never left to a manual answer. */
static void
test_computed_not_manual (void)
{
  static const char * const computed[] = {
    "EXC-02", "EXC-04", "EXC-05", "EXC-06", "EXC-08", "BIL-06", "BIL-07", "BIL-11", "RES-05",
    "RES-06", "RES-08", "PER-03", "PER-04", "PER-06", "BCK-13", "BCK-14", "EXT-14", "SLA-07",
    "SLA-14",
  };
  Verdict v = { 0 };

  verdict_open (&v, "");
  for (guint i = 0; i < G_N_ELEMENTS (computed); i++)
    {
      CsFinding *f = result (&v, computed[i]);

      g_assert_cmpint (cs_finding_get_origin (f), ==, CS_ORIGIN_COMPUTED);
      g_assert_cmpint (cs_finding_get_status (f), !=, CS_ITEM_UNANSWERED);
    }

  /* A manual item says why it is manual. */
  g_assert_cmpint (cs_finding_get_status (result (&v, "PER-01")), ==, CS_ITEM_UNANSWERED);
  g_assert_nonnull (cs_finding_get_detail (result (&v, "PER-01")));
  verdict_clear (&v);
}

/* Assessed vs score: items nobody assessed lower "assessed", never "score"; a new offer states
 * nothing, not even a coverage window. */
static void
test_assessed_and_score (void)
{
  Verdict v = { 0 };
  const CsScore *score = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRecord) answer = NULL;
  double before = 0;

  verdict_open (&v, "");
  score = cs_report_get_score (v.report, CS_SECTION_SLA);
  for (guint i = 0; i < g_list_model_get_n_items (cs_report_get_results (v.report)); i++)
    {
      g_autoptr(CsFinding) f = g_list_model_get_item (cs_report_get_results (v.report), i);

      if (cs_finding_get_section (f) == CS_SECTION_SLA
          && (cs_finding_get_status (f) == CS_ITEM_SATISFIED || cs_finding_get_status (f) == CS_ITEM_PARTIAL))
        g_error ("%s is %s in an empty offer", cs_finding_get_id (f),
                 cs_item_status_to_string (cs_finding_get_status (f)));
    }
  g_assert_cmpfloat (score->earned, ==, 0);
  assert_status (&v, "SLA-06", CS_ITEM_MISSING);
  g_assert_cmpuint (score->n_unanswered, >, 0);
  g_assert_cmpfloat (score->assessed, <, 1);

  /* Answering a manual item raises "assessed", and the answer keeps who and when. */
  score = cs_report_get_score (v.report, CS_SECTION_DASHBOARD);
  before = score->assessed;
  answer = g_object_new (CS_TYPE_CHECKLIST_ANSWER, "offer-id", v.offer_id, "item-id", "PER-01",
                         "status", "satisfied", "justification", "Annex 1 lists every service",
                         "changed-by", "Claire Martin", "changed-at", "2026-12-07T17:00:00Z",
                         NULL);
  g_assert_true (cs_store_add (v.store, answer, &error));
  g_assert_no_error (error);
  verdict_evaluate (&v);
  score = cs_report_get_score (v.report, CS_SECTION_DASHBOARD);
  g_assert_cmpfloat (score->assessed, >, before);
  g_assert_cmpstr (cs_finding_get_changed_by (result (&v, "PER-01")), ==, "Claire Martin");
  g_assert_cmpstr (cs_finding_get_changed_at (result (&v, "PER-01")), ==, "2026-12-07T17:00:00Z");
  g_assert_cmpstr (cs_finding_get_justification (result (&v, "PER-01")), ==,
                   "Annex 1 lists every service");
  verdict_clear (&v);
}

/* Sources are citations: a regulation article, a guide and measure, or common practice;
 * remedies are questions. */
static void
test_sources_are_citations (void)
{
  g_autoptr(GRegex) citation = g_regex_new ("^(?:(?:DORA|GDPR|Data Act|EBA/GL/2019/02|ANSSI|CISA|ITIL|"
                                            "Delegated Regulation|Syntec|Consistency rule|"
                                            "Common practice in managed-service agreements)[^;]*"
                                            "(?:; )?)+$", 0, 0, NULL);
  Verdict v = { 0 };
  GListModel *results = NULL;

  verdict_open (&v, "");
  results = cs_report_get_results (v.report);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CsFinding) f = g_list_model_get_item (results, i);

      if (!g_regex_match (citation, cs_finding_get_source (f), 0, NULL))
        g_error ("%s: “%s” is not a citation", cs_finding_get_id (f), cs_finding_get_source (f));
      /* and the remedy is a question the consultant can send to the provider */
      if (!g_str_has_suffix (cs_finding_get_remedy (f), "?"))
        g_error ("%s: the remedy “%s” is not a question", cs_finding_get_id (f),
                 cs_finding_get_remedy (f));
    }
  verdict_clear (&v);
}

/* Severity bands and knock-out rules are stated once, in the pack. */
static void
test_scoring_in_pack (void)
{
  CsChecklist *checklist = cs_checklist_get_default ();
  const char *explanation = cs_checklist_get_scoring_explanation (checklist);

  g_assert_cmpuint (cs_checklist_get_band (checklist, NAN), ==, 0);
  g_assert_cmpuint (cs_checklist_get_band (checklist, 0.0), ==, 1);
  g_assert_cmpuint (cs_checklist_get_band (checklist, 0.29), ==, 1);
  g_assert_cmpuint (cs_checklist_get_band (checklist, 0.30), ==, 2);
  g_assert_cmpuint (cs_checklist_get_band (checklist, 0.50), ==, 3);
  g_assert_cmpuint (cs_checklist_get_band (checklist, 0.79), ==, 3);
  g_assert_cmpuint (cs_checklist_get_band (checklist, 0.80), ==, 4);
  g_assert_cmpuint (cs_checklist_get_band (checklist, 1.0), ==, 4);
  g_assert_nonnull (explanation);
  g_assert_nonnull (strstr (explanation, "knock-out"));
  g_assert_nonnull (strstr (explanation, "Assessed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/verdict/sla18-worst-case", test_sla18_worst_case);
  g_test_add_func ("/verdict/sec08-retention", test_sec08_retention);
  g_test_add_func ("/verdict/security-thresholds", test_security_thresholds);
  g_test_add_func ("/verdict/gdp09-bands", test_gdp09_bands);
  g_test_add_func ("/verdict/res01-every-activity", test_res01_every_activity);
  g_test_add_func ("/verdict/exc03-detector", test_exc03_detector);
  g_test_add_func ("/verdict/terms-and-caps", test_terms_and_caps);
  g_test_add_func ("/verdict/linter-reaches-checklist", test_linter_reaches_checklist);
  g_test_add_func ("/verdict/linter-rule-items", test_linter_rule_items);
  g_test_add_func ("/verdict/computed-not-manual", test_computed_not_manual);
  g_test_add_func ("/verdict/assessed-and-score", test_assessed_and_score);
  g_test_add_func ("/verdict/sources-are-citations", test_sources_are_citations);
  g_test_add_func ("/verdict/scoring-in-pack", test_scoring_in_pack);

  return g_test_run ();
}
