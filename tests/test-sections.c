/* test-sections.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <math.h>

#include "cs-demo.h"
#include "cs-review-state.h"
#include "cs-sections.h"
#include "cs-store.h"
#include "cs-test-utils.h"

typedef struct
{
  char    *path;
  CsStore *store;
  gint64   offer_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRecord) offer = NULL;

  fixture->path = cs_test_build_path ("sections.contractscope");
  fixture->store = cs_store_create (fixture->path, "Client", &error);
  g_assert_no_error (error);

  offer = g_object_new (CS_TYPE_OFFER, "provider", "Provider", NULL);
  g_assert_true (cs_store_add (fixture->store, offer, &error));
  g_assert_no_error (error);
  fixture->offer_id = cs_record_get_id (offer);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

/* Closes and reopens the project, so that values are read back from the file. */
static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  cs_store_close (fixture->store);
  g_clear_object (&fixture->store);
  fixture->store = cs_store_open (fixture->path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* Flags are the checklist engine's results for the section: @code is an item id, @detail
 * (when given) a part of its evidence. */
static gboolean
has_flag (GPtrArray  *flags,
          const char *code,
          const char *detail)
{
  for (guint i = 0; i < flags->len; i++)
    {
      CsFlag *flag = g_ptr_array_index (flags, i);

      if (g_str_equal (flag->code, code)
          && (detail == NULL || (flag->detail != NULL && strstr (flag->detail, detail) != NULL)))
        {
          g_assert_cmpstr (flag->message, !=, "");
          g_assert_true (flag->status == CS_ITEM_MISSING || flag->status == CS_ITEM_PARTIAL);
          return TRUE;
        }
    }

  return FALSE;
}

static CsRecord *
find_record (CsStore    *store,
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

static CsRecord *
get_target (CsStore *store,
            gint64   offer_id,
            int      priority)
{
  GListModel *list = cs_store_list (store, CS_TYPE_SLA_TARGET, offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (list, i);

      if (cs_record_get_int (record, "priority") == priority
          && g_str_equal (cs_record_get_string (record, "kind"), "incident"))
        return record;
    }

  g_assert_not_reached ();
}

static void
set_target (CsStore    *store,
            gint64      offer_id,
            int         priority,
            double      response,
            const char *response_unit,
            double      resolution,
            const char *resolution_unit,
            const char *clock)
{
  g_autoptr(GError) error = NULL;
  CsRecord *target = get_target (store, offer_id, priority);

  g_assert_true (cs_store_set_number (store, target, "response_value", response, &error));
  g_assert_true (cs_store_set_string (store, target, "response_unit", response_unit, &error));
  g_assert_true (cs_store_set_string (store, target, "response_clock", clock, &error));
  g_assert_true (cs_store_set_number (store, target, "resolution_value", resolution, &error));
  g_assert_true (cs_store_set_string (store, target, "resolution_unit", resolution_unit,
                                      &error));
  g_assert_true (cs_store_set_string (store, target, "resolution_clock", clock, &error));
  g_assert_true (cs_store_set_string (store, target, "definition", "Defined", &error));
  g_assert_no_error (error);
}

static void
test_sla (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsSlaReport) report = NULL;
  CsRecord *terms = cs_store_get_section (fixture->store, CS_TYPE_SLA_TERMS, fixture->offer_id);
  CsSlaTargetReport *p1 = NULL;
  CsSlaTargetReport *p2 = NULL;

  /* A new offer states no coverage window: Monday to Friday, 08:00–18:00. */
  g_assert_cmpint (cs_record_get_int (terms, "window_days"), ==, 0);
  g_assert_true (cs_store_set_int (fixture->store, terms, "window_days", 31, &error));
  g_assert_true (cs_store_set_string (fixture->store, terms, "time_zone", "Europe/Paris", &error));
  g_assert_true (cs_store_set_string (fixture->store, terms, "holidays", "FR", &error));
  g_assert_true (cs_store_set_number (fixture->store, terms, "availability_target", 99.5, &error));
  g_assert_true (cs_store_set_string (fixture->store, terms, "availability_period",
                                      "calendar month", &error));
  g_assert_no_error (error);

  /* P1 in business hours, P2 in calendar hours: P1 ends up slower on the wall clock. */
  set_target (fixture->store, fixture->offer_id, 1, 1, "hours", 4, "hours", "business");
  set_target (fixture->store, fixture->offer_id, 2, 2, "hours", 8, "hours", "calendar");
  set_target (fixture->store, fixture->offer_id, 3, 4, "hours", 2, "days", "business");
  reopen (fixture);

  report = cs_sla_report_new (fixture->store, fixture->offer_id, 2026);
  g_assert_cmpstr (report->window_text, ==, "Mon–Fri 08:00–18:00 (Europe/Paris)");
  g_assert_cmpfloat (report->week_minutes, ==, 5 * 600);
  g_assert_cmpfloat (report->period_days, ==, 30);
  g_assert_cmpfloat_with_epsilon (report->allowed_downtime_minutes, 216, 1e-9);
  g_assert_cmpuint (report->targets->len, ==, 4);

  p1 = g_ptr_array_index (report->targets, 0);
  p2 = g_ptr_array_index (report->targets, 1);
  g_assert_true (p1->resolution.business);
  g_assert_cmpfloat (p1->resolution.stated_minutes, ==, 240);
  g_assert_cmpfloat (p1->resolution.worst.wall_minutes, ==, 90 * 60);
  g_assert_nonnull (p1->resolution.worst.opened);
  g_assert_false (p2->resolution.business);
  g_assert_cmpfloat (p2->resolution.worst.wall_minutes, ==, 8 * 60);
  g_assert_null (p2->resolution.worst.opened);

  /* P3: 2 business days = 20 business hours. */
  g_assert_cmpfloat (((CsSlaTargetReport *) g_ptr_array_index (report->targets, 2))
                       ->resolution.stated_minutes, ==, 1200);

  g_assert_true (has_flag (report->flags, "SLA-18", "can take"));
  g_assert_true (has_flag (report->flags, "SLA-06", "No on-call for P1"));
  g_assert_true (has_flag (report->flags, "SLA-02", NULL));
  g_assert_true (has_flag (report->flags, "SLA-10", NULL));
  g_assert_false (has_flag (report->flags, "SLA-09", NULL));
  g_assert_false (has_flag (report->flags, "SLA-06", "holidays"));
  g_clear_pointer (&report, cs_sla_report_free);

  /* With on-call, P1 runs around the clock and is no longer slower than P2. */
  terms = cs_store_get_section (fixture->store, CS_TYPE_SLA_TERMS, fixture->offer_id);
  g_assert_true (cs_store_set_string (fixture->store, terms, "oncall_p1", "yes", &error));
  g_assert_true (cs_store_set_string (fixture->store, terms, "holidays", "FR, Noël", &error));
  report = cs_sla_report_new (fixture->store, fixture->offer_id, 2026);
  p1 = g_ptr_array_index (report->targets, 0);
  g_assert_cmpfloat (p1->resolution.worst.wall_minutes, ==, 240);
  g_assert_false (has_flag (report->flags, "SLA-18", "can take"));
  g_assert_false (has_flag (report->flags, "SLA-06", "No on-call"));
  g_assert_true (has_flag (report->flags, "SLA-06", "holidays"));
}

static void
test_raci (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRaciMatrix) matrix = NULL;
  g_autofree char *normalized = NULL;
  CsRecord *restore = find_record (fixture->store, CS_TYPE_ACTIVITY, 0, "key", "restore");
  CsRecord *patching = find_record (fixture->store, CS_TYPE_ACTIVITY, 0, "key", "patching");
  CsRecord *client = find_record (fixture->store, CS_TYPE_PARTY, 0, "kind", "client");
  CsRecord *provider = find_record (fixture->store, CS_TYPE_PARTY, 0, "kind", "provider");
  gint64 offer_id = fixture->offer_id;
  gint64 restore_id = cs_record_get_id (restore);
  guint restore_row = 0;

  normalized = cs_raci_normalize_roles ("i, a/r", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "RAI");
  g_assert_null (cs_raci_normalize_roles ("RX", &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  matrix = cs_raci_matrix_new (fixture->store, offer_id);
  g_assert_true (has_flag (matrix->flags, "RES-01", "No responsibility is recorded"));
  g_clear_pointer (&matrix, cs_raci_matrix_free);

  /* Restore: two accountable parties; patching: nobody accountable. */
  g_assert_true (cs_raci_set_roles (fixture->store, offer_id, cs_record_get_id (restore),
                                    cs_record_get_id (client), "a", &error));
  g_assert_true (cs_raci_set_roles (fixture->store, offer_id, cs_record_get_id (restore),
                                    cs_record_get_id (provider), "AR", &error));
  g_assert_true (cs_raci_set_roles (fixture->store, offer_id, cs_record_get_id (patching),
                                    cs_record_get_id (provider), "R", &error));
  g_assert_no_error (error);
  reopen (fixture);

  matrix = cs_raci_matrix_new (fixture->store, offer_id);
  g_assert_cmpuint (matrix->parties->len, ==, 4);
  for (guint i = 0; i < matrix->rows->len; i++)
    if (cs_record_get_id (CS_RECORD (((CsRaciRow *) g_ptr_array_index (matrix->rows, i))->activity))
        == restore_id)
      restore_row = i;
  g_assert_cmpuint (((CsRaciRow *) g_ptr_array_index (matrix->rows, restore_row))->n_accountable,
                    ==, 2);
  g_assert_cmpstr (((CsRaciRow *) g_ptr_array_index (matrix->rows, restore_row))->roles[1], ==,
                   "RA");
  g_assert_false (has_flag (matrix->flags, "RES-01", "No responsibility is recorded"));
  g_assert_true (has_flag (matrix->flags, "RES-01", "No accountable party for"));
  g_assert_true (has_flag (matrix->flags, "RES-01", "Patching"));
  g_clear_pointer (&matrix, cs_raci_matrix_free);

  /* The client stays accountable for restores: the backup section says so. */
  {
    g_autoptr(CsBackupReport) backup = NULL;

    restore = find_record (fixture->store, CS_TYPE_ACTIVITY, 0, "key", "restore");
    client = find_record (fixture->store, CS_TYPE_PARTY, 0, "kind", "client");
    g_assert_true (cs_raci_find_accountable (fixture->store, offer_id, "restore")
                   == (CsParty *) client);
    backup = cs_backup_report_new (fixture->store, offer_id);
    g_assert_true (has_flag (backup->flags, "BCK-12", "client is accountable"));
  }

  /* Emptying a cell deletes its record. */
  provider = find_record (fixture->store, CS_TYPE_PARTY, 0, "kind", "provider");
  g_assert_true (cs_raci_set_roles (fixture->store, offer_id, cs_record_get_id (restore),
                                    cs_record_get_id (client), "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (fixture->store,
                                                             CS_TYPE_RESPONSIBILITY, offer_id)),
                    ==, 2);
  matrix = cs_raci_matrix_new (fixture->store, offer_id);
  g_assert_false (has_flag (matrix->flags, "RES-01", "Several accountable"));
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsBackupReport) report = NULL;
  g_autoptr(CsRecord) erp = g_object_new (CS_TYPE_ASSET, "name", "ERP", "category", "server", "criticality",
                                          (gint64) 1, NULL);
  g_autoptr(CsRecord) wms = g_object_new (CS_TYPE_ASSET, "name", "WMS", "category", "server", "criticality",
                                          (gint64) 1, NULL);
  g_autoptr(CsRecord) policy = NULL;
  g_autoptr(CsRecord) scope = NULL;
  CsBackupPolicyReport *item = NULL;

  g_assert_true (cs_store_add (fixture->store, erp, &error));
  g_assert_true (cs_store_add (fixture->store, wms, &error));

  report = cs_backup_report_new (fixture->store, fixture->offer_id);
  g_assert_true (has_flag (report->flags, "BCK-02", NULL));
  g_clear_pointer (&report, cs_backup_report_free);

  policy = g_object_new (CS_TYPE_BACKUP_POLICY, "offer-id", fixture->offer_id,
                         "name", "Nightly", "frequency-hours", 24.0, "rpo-hours", 4.0,
                         "retention-days", 30.0, "offline-copy", "no", NULL);
  g_assert_true (cs_store_add (fixture->store, policy, &error));
  scope = g_object_new (CS_TYPE_BACKUP_SCOPE, "policy-id", cs_record_get_id (policy),
                        "asset-id", cs_record_get_id (erp), NULL);
  g_assert_true (cs_store_add (fixture->store, scope, &error));
  g_assert_no_error (error);
  reopen (fixture);

  report = cs_backup_report_new (fixture->store, fixture->offer_id);
  g_assert_cmpuint (report->policies->len, ==, 1);
  item = g_ptr_array_index (report->policies, 0);
  g_assert_true (item->frequency_exceeds_rpo);
  g_assert_cmpuint (item->assets->len, ==, 1);
  g_assert_cmpuint (report->unprotected_critical->len, ==, 1);
  g_assert_cmpstr (cs_asset_get_name (g_ptr_array_index (report->unprotected_critical, 0)), ==,
                   "WMS");
  g_assert_true (has_flag (report->flags, "BCK-16", "runs every 24 h"));
  g_assert_true (has_flag (report->flags, "BCK-05", NULL));
  g_assert_true (has_flag (report->flags, "BCK-09", NULL));
  g_assert_true (has_flag (report->flags, "BCK-01", "1 of 2 critical assets"));
  g_assert_false (has_flag (report->flags, "BCK-04", NULL));
  g_clear_pointer (&report, cs_backup_report_free);

  /* An hourly policy with an immutable copy and tests passes those checks. */
  g_clear_object (&policy);
  policy = g_list_model_get_item (cs_store_list (fixture->store, CS_TYPE_BACKUP_POLICY,
                                                 fixture->offer_id), 0);
  g_assert_true (cs_store_set_number (fixture->store, policy, "frequency_hours", 1, &error));
  g_assert_true (cs_store_set_string (fixture->store, policy, "immutable_copy", "yes", &error));
  g_assert_true (cs_store_set_number (fixture->store, policy, "restore_test_months", 3, &error));
  g_assert_no_error (error);
  report = cs_backup_report_new (fixture->store, fixture->offer_id);
  g_assert_false (has_flag (report->flags, "BCK-16", "runs every"));
  g_assert_false (has_flag (report->flags, "BCK-05", NULL));
  g_assert_true (has_flag (report->flags, "BCK-09", NULL));
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  char text[32];

  if (expected == NULL)
    {
      g_assert_false (g_date_valid (date));
      return;
    }

  g_assert_true (g_date_valid (date));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_term_dates (void)
{
  CsTermDates dates;
  GDate start;
  GDate today;

  g_date_clear (&start, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&start, 1, 7, 2021);
  g_date_set_dmy (&today, 12, 1, 2026);

  /* 36 months then tacit renewals of 24: the running period ends 2026-06-30. */
  cs_term_dates_compute (&start, 36, "tacit", 24, 90, 30, &today, &dates);
  assert_date (&dates.initial_end, "2024-06-30");
  assert_date (&dates.current_end, "2026-06-30");
  assert_date (&dates.cancel_end, "2026-06-30");
  assert_date (&dates.cancel_by, "2026-04-01");
  assert_date (&dates.decide_by, "2026-03-02");
  g_assert_cmpint (dates.days_left, ==, 79);

  /* Six months' notice: too late for June, the next chance ends the contract in 2028. */
  cs_term_dates_compute (&start, 36, "tacit", 24, 183, NAN, &today, &dates);
  assert_date (&dates.current_end, "2026-06-30");
  assert_date (&dates.cancel_end, "2028-06-30");
  assert_date (&dates.cancel_by, "2027-12-30");
  assert_date (&dates.decide_by, "2027-12-30");

  /* No renewal: the notice still counts back from the initial end, even when passed. */
  cs_term_dates_compute (&start, 12, "none", NAN, 30, 0, &today, &dates);
  assert_date (&dates.initial_end, "2022-06-30");
  assert_date (&dates.cancel_by, "2022-05-31");
  g_assert_cmpint (dates.days_left, <, 0);

  /* Not stated: nothing can be computed. */
  cs_term_dates_compute (NULL, 12, "tacit", 12, 30, 0, &today, &dates);
  assert_date (&dates.initial_end, NULL);
  cs_term_dates_compute (&start, 12, "tacit", 12, NAN, 0, &today, &dates);
  assert_date (&dates.current_end, "2026-06-30");
  assert_date (&dates.cancel_by, NULL);
}

static void
test_terms (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsTermsReport) report = NULL;
  CsRecord *terms = cs_store_get_section (fixture->store, CS_TYPE_TERMS, fixture->offer_id);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 12, 1, 2026);

  g_assert_true (cs_store_set_string (fixture->store, terms, "start_date", "2021-07-01", &error));
  g_assert_true (cs_store_set_number (fixture->store, terms, "term_months", 36, &error));
  g_assert_true (cs_store_set_string (fixture->store, terms, "renewal_mode", "tacit", &error));
  g_assert_true (cs_store_set_number (fixture->store, terms, "renewal_months", 24, &error));
  g_assert_true (cs_store_set_number (fixture->store, terms, "notice_days", 90, &error));
  g_assert_true (cs_store_set_number (fixture->store, terms, "internal_lead_days", 30, &error));
  g_assert_true (cs_store_set_number (fixture->store, terms, "breach_notification_hours", 72,
                                      &error));
  g_assert_no_error (error);
  reopen (fixture);

  report = cs_terms_report_new (fixture->store, fixture->offer_id, &today);
  assert_date (&report->dates.cancel_by, "2026-04-01");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (report->terms), "renewal_mode"), ==, "tacit");
  /* A 24-month tacit renewal exceeds the pack's 12 months; 72 h for a breach is a knock-out. */
  g_assert_true (has_flag (report->flags, "BIL-08", "Tacit renewal"));
  g_assert_true (has_flag (report->flags, "GDP-01", NULL));
  g_assert_true (has_flag (report->flags, "GDP-09", NULL));
  g_assert_true (((CsFlag *) g_ptr_array_index (report->flags, 0))->knock_out);
}

static void
test_exit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsExitReport) report = NULL;
  g_autoptr(CsRecord) credentials = NULL;
  CsRecord *terms = cs_store_get_section (fixture->store, CS_TYPE_EXIT_TERMS, fixture->offer_id);

  report = cs_exit_report_new (fixture->store, fixture->offer_id);
  g_assert_true (has_flag (report->flags, "EXT-01", NULL));
  g_assert_true (has_flag (report->flags, "EXT-05", "not listed"));
  g_clear_pointer (&report, cs_exit_report_free);

  g_assert_true (cs_store_set_string (fixture->store, terms, "clause_present", "yes", &error));
  g_assert_true (cs_store_set_string (fixture->store, terms, "assistance_mode", "on_quotation",
                                      &error));
  g_assert_true (cs_store_set_number (fixture->store, terms, "transition_days", 30, &error));
  credentials = g_object_new (CS_TYPE_EXIT_DELIVERABLE, "offer-id", fixture->offer_id,
                              "item", "credentials", "deadline-days", 45.0, "price", 500.0,
                              "format", "Password-vault export", NULL);
  g_assert_true (cs_store_add (fixture->store, credentials, &error));
  g_assert_no_error (error);
  reopen (fixture);

  report = cs_exit_report_new (fixture->store, fixture->offer_id);
  g_assert_cmpfloat (report->last_deadline_days, ==, 45);
  g_assert_cmpfloat (report->total_price, ==, 500);
  g_assert_cmpuint (g_strv_length (report->missing_items), ==, 8);
  g_assert_false (has_flag (report->flags, "EXT-01", NULL));
  g_assert_true (has_flag (report->flags, "EXT-04", NULL));
  g_assert_true (has_flag (report->flags, "EXT-03", "after the 30-day transition ends"));
  g_assert_true (has_flag (report->flags, "EXT-06", "not listed"));
  g_assert_false (has_flag (report->flags, "EXT-05", NULL));
}

static void
test_security_subcontracting (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(CsRecord) night = NULL;
  CsRecord *mfa = find_record (fixture->store, CS_TYPE_SECURITY_CONTROL, fixture->offer_id,
                               "control", "mfa-provider-access");
  CsRecord *terms = cs_store_get_section (fixture->store, CS_TYPE_SUBCONTRACTING,
                                          fixture->offer_id);
  CsFlag *first = NULL;

  g_assert_cmpstr (cs_security_control_get_label ("mfa-provider-access"), ==,
                   "MFA on every provider access");
  g_assert_true (cs_store_set_string (fixture->store, mfa, "status", "absent", &error));
  g_assert_true (cs_store_set_string (fixture->store, terms, "allowed", "yes", &error));
  night = g_object_new (CS_TYPE_SUBCONTRACTOR, "offer-id", fixture->offer_id, "name", "Night Ops",
                        "personal-data", "yes", NULL);
  g_assert_true (cs_store_add (fixture->store, night, &error));
  g_assert_no_error (error);
  reopen (fixture);

  flags = cs_section_get_flags (fixture->store, CS_SECTION_SECURITY, fixture->offer_id, NULL);
  g_assert_true (has_flag (flags, "SEC-02", "absent"));
  first = g_ptr_array_index (flags, 0);
  g_assert_cmpint (first->severity, ==, CS_FLAG_CRITICAL);
  g_assert_cmpstr (first->table, ==, "security_control");
  g_clear_pointer (&flags, g_ptr_array_unref);

  flags = cs_section_get_flags (fixture->store, CS_SECTION_SUBCONTRACTING, fixture->offer_id,
                                NULL);
  g_assert_true (has_flag (flags, "SUB-02", "country of service"));
  g_assert_true (has_flag (flags, "SUB-06", NULL));
  g_assert_false (has_flag (flags, "SUB-01", NULL));
}

/* The review state computes a section's points to check once per change and shares them. */
static void
test_review_state_flags (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsReviewState) state = cs_review_state_new (fixture->store);
  CsRecord *mfa = find_record (fixture->store, CS_TYPE_SECURITY_CONTROL, fixture->offer_id,
                               "control", "mfa-provider-access");
  g_autoptr(GPtrArray) direct = NULL;
  GPtrArray *flags;

  g_assert_true (cs_store_set_string (fixture->store, mfa, "status", "committed", &error));
  g_assert_no_error (error);
  flags = cs_review_state_get_flags (state, fixture->offer_id, CS_SECTION_SECURITY);
  g_assert_false (has_flag (flags, "SEC-02", NULL));
  /* Asked again before any change: the same result, not computed again. */
  g_assert_true (cs_review_state_get_flags (state, fixture->offer_id, CS_SECTION_SECURITY) ==
                 flags);

  /* After a change, computed again: the same as the one core call. */
  g_assert_true (cs_store_set_string (fixture->store, mfa, "status", "absent", &error));
  g_assert_no_error (error);
  flags = cs_review_state_get_flags (state, fixture->offer_id, CS_SECTION_SECURITY);
  g_assert_true (has_flag (flags, "SEC-02", NULL));
  direct = cs_section_get_flags (fixture->store, CS_SECTION_SECURITY, fixture->offer_id, NULL);
  g_assert_cmpuint (flags->len, ==, direct->len);
  for (guint i = 0; i < flags->len; i++)
    g_assert_cmpstr (((CsFlag *) g_ptr_array_index (flags, i))->code, ==,
                     ((CsFlag *) g_ptr_array_index (direct, i))->code);
}

/* The demo offers: one strong, one weak, one with knock-outs. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("demo.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  GListModel *offers = NULL;
  guint critical[3] = { 0, };
  GDate today;

  g_assert_no_error (error);
  offers = cs_store_get_offers (store);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 3);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 12, 1, 2026);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);

      for (CsSection section = CS_SECTION_PERIMETER; section < CS_N_SECTIONS; section++)
        {
          g_autoptr(GPtrArray) flags = cs_section_get_flags (store, section,
                                                             cs_record_get_id (offer), &today);

          for (guint j = 0; j < flags->len; j++)
            if (((CsFlag *) g_ptr_array_index (flags, j))->knock_out)
              critical[i]++;
        }
      g_test_message ("%s: %u critical flags",
                      cs_offer_get_provider (CS_OFFER (offer)), critical[i]);
    }

  /* Kerveo's knock-outs: no reversibility clause, backups left to the client, no MFA. */
  {
    g_autoptr(CsRecord) kerveo = g_list_model_get_item (offers, 2);
    gint64 id = cs_record_get_id (kerveo);
    g_autoptr(GPtrArray) exit_flags = cs_section_get_flags (store, CS_SECTION_EXIT, id, &today);
    g_autoptr(GPtrArray) backup = cs_section_get_flags (store, CS_SECTION_BACKUP, id, &today);
    g_autoptr(GPtrArray) security = cs_section_get_flags (store, CS_SECTION_SECURITY, id, &today);
    g_autoptr(GPtrArray) sla = cs_section_get_flags (store, CS_SECTION_SLA, id, &today);

    g_assert_true (has_flag (exit_flags, "EXT-01", NULL));
    g_assert_true (has_flag (backup, "BCK-12", NULL));
    g_assert_true (has_flag (backup, "BCK-16", "runs every"));
    g_assert_true (has_flag (security, "SEC-02", "absent"));
    g_assert_true (has_flag (sla, "SLA-18", "resolution can take"));
  }

  /* Altimance (second) is the strongest; every offer has section content. */
  g_assert_cmpuint (critical[1], <, critical[0]);
  g_assert_cmpuint (critical[1], <, critical[2]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/sections/sla", test_sla);
  ADD ("/core/sections/responsibilities", test_raci);
  ADD ("/core/sections/backup", test_backup);
  ADD ("/core/sections/terms", test_terms);
  ADD ("/core/sections/exit", test_exit);
  ADD ("/core/sections/security-subcontracting", test_security_subcontracting);
  ADD ("/core/sections/review-state-flags", test_review_state_flags);
  g_test_add_func ("/core/sections/term-dates", test_term_dates);
  g_test_add_func ("/core/sections/demo", test_demo);

  return g_test_run ();
}
