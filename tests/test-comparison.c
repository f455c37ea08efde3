/* test-comparison.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cs-comparison.h"
#include "cs-comparison-private.h"
#include "cs-demo.h"
#include "cs-test-utils.h"

typedef struct
{
  char        *path;
  CsStore     *store;
  CsChecklist *checklist;
  CsLinter    *linter;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = cs_test_build_path ("comparison.contractscope");
  fixture->store = cs_store_create (fixture->path, "Client", &error);
  g_assert_no_error (error);
  fixture->checklist = cs_checklist_new_default (&error);
  g_assert_no_error (error);
  fixture->linter = cs_linter_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->checklist);
  g_clear_object (&fixture->linter);
  g_free (fixture->path);
}

static CsRecord *
add_offer (Fixture    *fixture,
           const char *provider)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", provider, NULL);

  g_assert_true (cs_store_add (fixture->store, offer, &error));
  g_assert_no_error (error);

  return cs_store_find (fixture->store, CS_TYPE_OFFER, cs_record_get_id (offer));
}

static void
set_number (Fixture    *fixture,
            CsRecord   *record,
            const char *column,
            double      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_store_set_number (fixture->store, record, column, value, &error));
  g_assert_no_error (error);
}

static void
set_string (Fixture    *fixture,
            CsRecord   *record,
            const char *column,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_store_set_string (fixture->store, record, column, value, &error));
  g_assert_no_error (error);
}

static void
set_int (Fixture    *fixture,
         CsRecord   *record,
         const char *column,
         gint64      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_store_set_int (fixture->store, record, column, value, &error));
  g_assert_no_error (error);
}

static CsComparison *
compare (Fixture                   *fixture,
         const CsComparisonOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offers = cs_comparison_list_compared_offers (fixture->store);
  CsComparison *comparison = cs_comparison_new (fixture->store, fixture->checklist,
                                                fixture->linter, offers, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comparison);

  return comparison;
}

static const CsComparisonRow *
row (CsComparison *comparison,
     const char   *id)
{
  const CsComparisonRow *r = cs_comparison_find_row (comparison, id);

  if (r == NULL)
    g_error ("No row “%s”", id);

  return r;
}

/* Sets the resolution target of incident priority @priority (created with the offer). */
static CsRecord *
add_target (Fixture    *fixture,
            CsRecord   *offer,
            int         priority,
            double      resolution,
            const char *unit,
            const char *clock)
{
  GListModel *targets = cs_store_list (fixture->store, CS_TYPE_SLA_TARGET,
                                       cs_record_get_id (offer));

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(CsRecord) target = g_list_model_get_item (targets, i);

      if (cs_record_get_int (target, "priority") != priority
          || g_strcmp0 (cs_record_get_string (target, "kind"), "incident") != 0)
        continue;

      set_number (fixture, target, "resolution_value", resolution);
      set_string (fixture, target, "resolution_unit", unit);
      set_string (fixture, target, "resolution_clock", clock);
      return target; /* the live list keeps it */
    }

  g_error ("The offer has no P%d incident target", priority);
}

/* The demo: the incumbent manages 28 of 60 assets, the strong proposal 59 of 60 (issue 11). */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_test_build_path ("demo.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (&error);
  g_autoptr(GPtrArray) offers = NULL;
  g_autoptr(CsComparison) comparison = NULL;
  const CsComparisonRow *managed = NULL;
  const CsComparisonRow *monthly = NULL;
  const char *last_section = NULL;

  g_assert_no_error (error);
  offers = cs_comparison_list_compared_offers (store);
  g_assert_cmpuint (offers->len, ==, 3);
  comparison = cs_comparison_new (store, checklist, NULL, offers, NULL, &error);
  g_assert_no_error (error);

  managed = cs_comparison_find_row (comparison, "perimeter.managed");
  g_assert_nonnull (managed);
  g_assert_cmpstr (managed->cells[0].text, ==, "28 of 60");
  g_assert_cmpstr (managed->cells[1].text, ==, "59 of 60");
  g_assert_true (managed->cells[1].best);
  g_assert_true (managed->cells[0].worst);

  monthly = cs_comparison_find_row (comparison, "money.monthly");
  g_assert_cmpfloat (monthly->cells[0].value, ==, 6850);
  g_assert_cmpfloat (monthly->cells[1].value, ==, 7450);
  g_assert_cmpfloat (monthly->cells[2].value, ==, 6600);
  /* Different perimeters: the prices are not comparable, and the row says why. */
  g_assert_nonnull (monthly->not_comparable);
  g_assert_nonnull (strstr (monthly->not_comparable, "Rhône Informatique Services leaves"));
  g_assert_false (monthly->cells[0].best || monthly->cells[1].best || monthly->cells[2].best);

  /* Rows come grouped: a section never comes back once left. */
  for (guint r = 0; r < cs_comparison_get_n_rows (comparison); r++)
    {
      const CsComparisonRow *current = cs_comparison_get_row (comparison, r);

      if (last_section != NULL && current->section != last_section)
        for (guint s = r; s < cs_comparison_get_n_rows (comparison); s++)
          g_assert_true (cs_comparison_get_row (comparison, s)->section != last_section);
      last_section = current->section;
      g_assert_cmpuint (current->n_cells, ==, 3);
      for (guint c = 0; c < current->n_cells; c++)
        g_assert_nonnull (current->cells[c].text);
    }

  g_assert_nonnull (cs_comparison_get_sensitivity (comparison));
  cs_store_close (store);
}

static gint64
add_asset (Fixture *fixture,
           int      criticality)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRecord) asset = g_object_new (CS_TYPE_ASSET, "name", "Server",
                                            "criticality", (gint64) criticality, NULL);

  g_assert_true (cs_store_add (fixture->store, asset, &error));
  g_assert_no_error (error);

  return cs_record_get_id (asset);
}

static void
set_coverage (Fixture         *fixture,
              CsRecord        *offer,
              const gint64    *ids,
              guint            n_ids,
              CsCoverageState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCoverageChange) change = cs_store_set_coverage (fixture->store,
                                                              cs_record_get_id (offer), ids,
                                                              n_ids, state, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (change);
}

static CsRecord *
section (Fixture  *fixture,
         GType     type,
         CsRecord *offer)
{
  CsRecord *record = cs_store_get_section (fixture->store, type, cs_record_get_id (offer));

  g_assert_nonnull (record);
  return record;
}

/* Business time under a Mon–Fri 8:00–18:00 window, calendar time, minutes, hours and days:
 * all become worst-case wall-clock hours. */
static void
test_sla_normalisation (Fixture       *fixture,
                        gconstpointer  data)
{
  CsRecord *business = add_offer (fixture, "Business hours");
  CsRecord *calendar = add_offer (fixture, "Calendar");
  CsRecord *days = add_offer (fixture, "Days");
  CsComparisonOptions options = { NULL, };
  g_autoptr(CsComparison) comparison = NULL;
  const CsComparisonRow *worst = NULL;
  const CsComparisonRow *stated = NULL;
  CsRecord *offers[] = { business, calendar, days };

  for (guint i = 0; i < G_N_ELEMENTS (offers); i++)
    {
      CsRecord *terms = section (fixture, CS_TYPE_SLA_TERMS, offers[i]);

      set_int (fixture, terms, "window_days", 31); /* Monday to Friday */
      set_int (fixture, terms, "window_start", 8 * 60);
      set_int (fixture, terms, "window_end", 18 * 60);
      set_string (fixture, terms, "time_zone", "UTC");
    }
  add_target (fixture, business, 1, 4, "hours", "business");
  add_target (fixture, calendar, 1, 240, "minutes", "calendar");
  add_target (fixture, days, 1, 1, "days", "business");

  options.year = 2026;
  comparison = compare (fixture, &options);

  worst = row (comparison, "sla.p1.resolution.worst");
  g_assert_cmpstr (worst->unit, ==, "h");
  /* Opened Friday 18:00, four business hours later is Monday 12:00: 66 hours. */
  g_assert_cmpfloat_with_epsilon (worst->cells[0].value, 66, 1e-9);
  g_assert_cmpfloat_with_epsilon (worst->cells[1].value, 4, 1e-9);
  /* One business day is the window's 10 hours: Friday 18:00 to Monday 18:00. */
  g_assert_cmpfloat_with_epsilon (worst->cells[2].value, 72, 1e-9);
  g_assert_true (worst->cells[1].best);
  g_assert_true (worst->cells[2].worst);
  g_assert_false (worst->cells[0].best || worst->cells[0].worst);
  g_assert_null (worst->not_comparable);

  /* As stated, the clocks differ: shown side by side, never ranked. */
  stated = row (comparison, "sla.p1.resolution.stated");
  g_assert_cmpstr (stated->cells[0].text, ==, "4 h, business time");
  g_assert_cmpstr (stated->cells[1].text, ==, "240 min, calendar time");
  g_assert_cmpstr (stated->cells[2].text, ==, "1 d, business time");
  for (guint i = 0; i < stated->n_cells; i++)
    g_assert_false (stated->cells[i].best || stated->cells[i].worst);

  /* Not stated anywhere: every cell says so, and nothing is marked. */
  worst = row (comparison, "sla.p2.resolution.worst");
  g_assert_true (worst->all_equal);
  g_assert_cmpstr (worst->cells[0].text, ==, "not stated");
  g_assert_false (worst->cells[0].best || worst->cells[0].worst);
}

static void
test_availability_periods (Fixture       *fixture,
                           gconstpointer  data)
{
  CsRecord *monthly = add_offer (fixture, "Monthly");
  CsRecord *yearly = add_offer (fixture, "Yearly");
  CsRecord *monthly_terms = section (fixture, CS_TYPE_SLA_TERMS, monthly);
  CsRecord *yearly_terms = section (fixture, CS_TYPE_SLA_TERMS, yearly);
  const CsComparisonRow *downtime = NULL;

  set_number (fixture, monthly_terms, "availability_target", 99.9);
  set_string (fixture, monthly_terms, "availability_period", "month");
  set_number (fixture, yearly_terms, "availability_target", 99.5);
  set_string (fixture, yearly_terms, "availability_period", "year");

  {
    g_autoptr(CsComparison) comparison = compare (fixture, NULL);

    downtime = row (comparison, "sla.availability.downtime");
    g_assert_cmpfloat_with_epsilon (downtime->cells[0].value, 43.2, 1e-9);
    g_assert_cmpfloat_with_epsilon (downtime->cells[1].value, 216, 1e-9);
    g_assert_cmpstr (downtime->cells[0].text, ==, "43 min per 30 days");
    g_assert_cmpstr (downtime->cells[1].text, ==, "2628 min per 365 days");
    g_assert_nonnull (downtime->not_comparable);
    g_assert_false (downtime->cells[0].best || downtime->cells[1].worst);
    g_assert_true (row (comparison, "sla.availability")->cells[0].best);
  }

  set_string (fixture, yearly_terms, "availability_period", "calendar month");
  {
    g_autoptr(CsComparison) comparison = compare (fixture, NULL);

    downtime = row (comparison, "sla.availability.downtime");
    g_assert_null (downtime->not_comparable);
    g_assert_true (downtime->cells[0].best);
    g_assert_true (downtime->cells[1].worst);
  }
}

static void
test_money (Fixture       *fixture,
            gconstpointer  data)
{
  CsRecord *offer = add_offer (fixture, "Provider");
  CsRecord *terms = section (fixture, CS_TYPE_TERMS, offer);
  CsRecord *exit = section (fixture, CS_TYPE_EXIT_TERMS, offer);
  CsComparisonOptions options = { NULL, };
  gint64 ids[10];
  g_autoptr(CsComparison) comparison = NULL;

  g_assert_cmpfloat_with_epsilon (_cs_comparison_recurring_total (1000, 3, 13), 13030, 1e-6);
  g_assert_cmpfloat_with_epsilon (_cs_comparison_recurring_total (1000, 0, 36), 36000, 1e-6);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = add_asset (fixture, 2);
  set_coverage (fixture, offer, ids, G_N_ELEMENTS (ids), CS_COVERAGE_MANAGED);
  set_int (fixture, CS_RECORD (cs_store_get_project (fixture->store)), "users", 20);

  set_number (fixture, offer, "price_one_off", 5000);
  set_number (fixture, offer, "price_recurring", 3000);
  set_string (fixture, offer, "price_period", "quarter");
  set_number (fixture, offer, "price_per_unit", 50);
  set_string (fixture, offer, "price_unit", "additional device per month");
  set_number (fixture, terms, "term_months", 36);
  set_number (fixture, terms, "revision_cap_percent", 3);
  set_number (fixture, exit, "assistance_price", 2000);

  options.horizon_months = 24;
  options.growth_percent = 10;
  comparison = compare (fixture, &options);

  g_assert_cmpfloat (row (comparison, "money.monthly")->cells[0].value, ==, 1000);
  g_assert_cmpstr (row (comparison, "money.monthly")->cells[0].text, ==, "3000 per quarter");
  /* 5,000 + 12,000 + 12,360 + 12,730.80 + 2,000 */
  g_assert_cmpfloat_with_epsilon (row (comparison, "money.total.term")->cells[0].value,
                                  44090.8, 1e-6);
  g_assert_cmpfloat_with_epsilon (row (comparison, "money.total.horizon")->cells[0].value,
                                  31360, 1e-6);
  g_assert_cmpfloat (row (comparison, "money.per-asset")->cells[0].value, ==, 100);
  g_assert_cmpfloat (row (comparison, "money.per-user")->cells[0].value, ==, 50);
  /* 10 % more than 10 assets: one more at 50 a month. */
  g_assert_cmpfloat (row (comparison, "money.growth.monthly")->cells[0].value, ==, 1050);
  g_assert_cmpfloat_with_epsilon (row (comparison, "money.growth.horizon")->cells[0].value,
                                  5000 + 12 * 1050 + 12 * 1050 * 1.03 + 2000, 1e-6);

  /* Counted per user when the unit price is. */
  set_string (fixture, offer, "price_unit", "additional user per month");
  {
    g_autoptr(CsComparison) per_user = compare (fixture, &options);

    g_assert_cmpfloat (row (per_user, "money.growth.monthly")->cells[0].value, ==, 1100);
  }

  /* The project's own horizon and growth, kept in the file. */
  set_int (fixture, CS_RECORD (cs_store_get_project (fixture->store)), "compare_horizon_months",
           12);
  {
    g_autoptr(CsComparison) own = compare (fixture, NULL);

    g_assert_cmpuint (cs_comparison_get_horizon_months (own), ==, 12);
    g_assert_cmpfloat_with_epsilon (row (own, "money.total.horizon")->cells[0].value,
                                    5000 + 12000 + 2000, 1e-6);
  }
}

static void
test_weights (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint weights[CS_COMPARISON_N_WEIGHTS];
  guint read[CS_COMPARISON_N_WEIGHTS];
  guint sum = 0;

  cs_comparison_default_weights (weights);
  for (guint g = 0; g < CS_COMPARISON_N_WEIGHTS; g++)
    sum += weights[g];
  g_assert_cmpuint (sum, ==, 100);
  g_assert_cmpuint (g_strv_length ((char **) cs_comparison_weight_groups ()), ==,
                    CS_COMPARISON_N_WEIGHTS);

  /* A sum other than 100 is refused and nothing is written. */
  weights[0] -= 1;
  g_assert_false (cs_comparison_save_weights (fixture->store, weights, &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (fixture->store,
                                                             CS_TYPE_SECTION_WEIGHT, 0)), ==, 0);

  g_assert_true (cs_comparison_parse_weights ("perimeter=0, sla=40,backup=15", weights, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (weights[0], ==, 0);
  g_assert_cmpuint (weights[3], ==, 40);
  g_assert_false (cs_comparison_check_weights (weights, NULL));
  g_assert_true (cs_comparison_parse_weights ("perimeter=15,sla=15,backup=10", weights, &error));
  g_assert_true (cs_comparison_check_weights (weights, NULL));

  /* Bad input leaves the weights as they were. */
  g_assert_false (cs_comparison_parse_weights ("sla=20,pricing=10", weights, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (cs_comparison_parse_weights ("sla=101", weights, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (weights[3], ==, 15);

  weights[3] = 25;
  weights[4] = 0;
  g_assert_true (cs_comparison_save_weights (fixture->store, weights, &error));
  g_assert_no_error (error);

  /* Kept in the file. */
  cs_store_close (fixture->store);
  g_clear_object (&fixture->store);
  fixture->store = cs_store_open (fixture->path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cs_comparison_read_weights (fixture->store, read);
  g_assert_cmpmem (read, sizeof read, weights, sizeof weights);

  /* Saved again, the rows are updated, not added. */
  weights[3] = 20;
  weights[4] = 5;
  g_assert_true (cs_comparison_save_weights (fixture->store, weights, &error));
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (fixture->store,
                                                             CS_TYPE_SECTION_WEIGHT, 0)), ==,
                    CS_COMPARISON_N_WEIGHTS);
  cs_comparison_read_weights (fixture->store, read);
  g_assert_cmpmem (read, sizeof read, weights, sizeof weights);
}

/* A is strong on service levels and dear; B says nothing of them and costs half. */
static void
make_sla_versus_price (Fixture   *fixture,
                       CsRecord **out_a,
                       CsRecord **out_b)
{
  CsRecord *a = add_offer (fixture, "A");
  CsRecord *b = add_offer (fixture, "B");
  CsRecord *terms = section (fixture, CS_TYPE_SLA_TERMS, a);

  set_string (fixture, terms, "time_zone", "Europe/Paris");
  set_string (fixture, terms, "holidays", "FR");
  set_number (fixture, terms, "availability_target", 99.9);
  set_string (fixture, terms, "availability_period", "month");
  set_string (fixture, terms, "escalation", "Service manager, then director");
  set_string (fixture, terms, "credits", "5 % of the monthly fee per missed target");
  set_string (fixture, terms, "reporting", "Monthly report");
  for (int p = 1; p <= 4; p++)
    {
      CsRecord *target = add_target (fixture, a, p, 4 * p, "hours", "business");

      set_number (fixture, target, "response_value", p);
      set_string (fixture, target, "response_unit", "hours");
      set_string (fixture, target, "definition", "Defined");
    }
  set_number (fixture, a, "price_recurring", 2000);
  set_number (fixture, b, "price_recurring", 1000);

  *out_a = a;
  *out_b = b;
}

static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  CsRecord *a = NULL;
  CsRecord *b = NULL;
  guint weights[CS_COMPARISON_N_WEIGHTS] = { 0, };
  CsComparisonOptions options = { weights, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offers = NULL;

  make_sla_versus_price (fixture, &a, &b);

  /* Everything on the SLA: A first, and the price (weighing nothing) cannot change it. */
  weights[3] = 100;
  {
    g_autoptr(CsComparison) comparison = compare (fixture, &options);

    g_assert_cmpuint (cs_comparison_get_rank (comparison, 0), ==, 1);
    g_assert_cmpuint (cs_comparison_get_rank (comparison, 1), ==, 2);
    g_assert_cmpuint (cs_comparison_get_ranking (comparison)[0], ==, 0);
    g_assert_false (cs_comparison_get_changes_without_price (comparison));
    g_assert_cmpfloat (cs_comparison_get_weighted_score (comparison, 0), >,
                       cs_comparison_get_weighted_score (comparison, 1));
    g_assert_true (row (comparison, "summary.rank")->cells[0].best);
  }

  /* Everything on billing, which carries the price: the cheaper B wins, and without the
   * price the tie goes back to the column order, so the ranking changes. */
  weights[3] = 0;
  weights[8] = 100;
  {
    g_autoptr(CsComparison) comparison = compare (fixture, &options);
    const char *sentence = cs_comparison_get_sensitivity (comparison);

    g_assert_cmpuint (cs_comparison_get_rank (comparison, 1), ==, 1);
    g_assert_true (cs_comparison_get_changes_without_price (comparison));
    g_assert_nonnull (strstr (sentence, "without the price (A, B)"));
    /* One sentence. */
    g_assert_null (strchr (sentence, '\n'));
    g_assert_cmpint (sentence[strlen (sentence) - 1], ==, '.');
  }

  /* Weights that do not sum to 100 are refused. */
  weights[8] = 90;
  offers = cs_comparison_list_compared_offers (fixture->store);
  g_assert_null (cs_comparison_new (fixture->store, fixture->checklist, NULL, offers, &options,
                                    &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID);

  /* An offer taken out of the comparison is not compared. */
  set_int (fixture, b, "compared", 0);
  {
    g_autoptr(CsComparison) alone = compare (fixture, NULL);

    g_assert_cmpuint (cs_comparison_get_n_offers (alone), ==, 1);
    g_assert_true (cs_comparison_get_offer (alone, 0) == CS_OFFER (a));
    g_assert_false (cs_comparison_get_changes_with_equal_weights (alone));
  }
}

static void
test_sensitivity_equal_weights (Fixture       *fixture,
                                gconstpointer  data)
{
  CsRecord *a = NULL;
  CsRecord *b = NULL;
  guint weights[CS_COMPARISON_N_WEIGHTS] = { 0, };
  CsComparisonOptions options = { weights, };
  g_autoptr(CsComparison) comparison = NULL;
  double equal_a = 0;
  double equal_b = 0;

  make_sla_versus_price (fixture, &a, &b);
  weights[8] = 100;
  comparison = compare (fixture, &options);

  /* Recompute the equal-weight scores from the section scores the engine gave. */
  for (guint g = 0; cs_comparison_weight_groups ()[g] != NULL; g++)
    {
      const char *group = cs_comparison_weight_groups ()[g];
      const CsScore *sa = cs_report_get_group_score (cs_comparison_get_report (comparison, 0),
                                                     group);
      const CsScore *sb = cs_report_get_group_score (cs_comparison_get_report (comparison, 1),
                                                     group);
      double fa = sa != NULL && !isnan (sa->score) ? sa->score : 0;
      double fb = sb != NULL && !isnan (sb->score) ? sb->score : 0;

      if (g_str_equal (group, "billing"))
        {
          fa = (fa + 0.5) / 2; /* A costs twice as much as B */
          fb = (fb + 1.0) / 2;
        }
      equal_a += fa;
      equal_b += fb;
    }

  /* B ranks first on price alone; under equal weights A's service levels count. */
  g_assert_cmpuint (cs_comparison_get_rank (comparison, 1), ==, 1);
  g_assert_true (cs_comparison_get_changes_with_equal_weights (comparison) == (equal_a > equal_b));
  if (equal_a > equal_b)
    g_assert_nonnull (strstr (cs_comparison_get_sensitivity (comparison),
                              "under equal weights (A, B)"));
}

/* Offers answering different perimeters: prices are not comparable, and the row says why. */
static void
test_comparability (Fixture       *fixture,
                    gconstpointer  data)
{
  CsRecord *a = add_offer (fixture, "A");
  CsRecord *b = add_offer (fixture, "Offer B");
  gint64 ids[3];

  ids[0] = add_asset (fixture, 1);
  ids[1] = add_asset (fixture, 2);
  ids[2] = add_asset (fixture, 1);
  set_coverage (fixture, a, ids, 3, CS_COVERAGE_MANAGED);
  set_coverage (fixture, b, ids, 1, CS_COVERAGE_MANAGED);
  set_number (fixture, a, "price_recurring", 3000);
  set_number (fixture, b, "price_recurring", 1200);

  {
    g_autoptr(CsComparison) comparison = compare (fixture, NULL);
    const CsComparisonRow *monthly = row (comparison, "money.monthly");
    const CsComparisonRow *per_asset = row (comparison, "money.per-asset");

    g_assert_cmpstr (monthly->not_comparable, ==,
                     "Offer B leaves 2 assets not addressed, 1 of them critical");
    g_assert_false (monthly->cells[0].best || monthly->cells[0].worst);
    g_assert_false (monthly->cells[1].best || monthly->cells[1].worst);
    g_assert_nonnull (row (comparison, "money.total.horizon")->not_comparable);
    /* Per managed asset is normalised to the perimeter: it compares. */
    g_assert_null (per_asset->not_comparable);
    g_assert_true (per_asset->cells[0].best);
    /* The project does not say how many users: per user cannot compare. */
    g_assert_cmpstr (row (comparison, "money.per-user")->not_comparable, ==,
                     "The project’s number of users is not set");
    g_assert_cmpuint (row (comparison, "perimeter.critical-unmanaged")->cells[1].value, ==, 1);
    g_assert_true (row (comparison, "perimeter.critical-unmanaged")->cells[1].knock_out);
  }

  set_coverage (fixture, b, ids + 1, 1, CS_COVERAGE_EXCLUDED);
  {
    g_autoptr(CsComparison) comparison = compare (fixture, NULL);

    g_assert_cmpstr (row (comparison, "money.monthly")->not_comparable, ==,
                     "Offer B leaves 1 asset not addressed, 1 of them critical; "
                     "Offer B excludes 1 asset, 0 of them critical");
  }

  set_coverage (fixture, b, ids, 3, CS_COVERAGE_MANAGED);
  {
    g_autoptr(CsComparison) comparison = compare (fixture, NULL);
    const CsComparisonRow *monthly = row (comparison, "money.monthly");

    g_assert_null (monthly->not_comparable);
    g_assert_true (monthly->cells[1].best);
    g_assert_true (monthly->cells[0].worst);
    g_assert_true (row (comparison, "perimeter.managed")->all_equal);
    g_assert_false (row (comparison, "perimeter.managed")->cells[0].best);
  }
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* Text from the project never becomes a formula: providers and an exclusion starting with
 * = + - @, a tab or a carriage return. */
static void
make_hostile_project (Fixture *fixture)
{
  static const char * const providers[] = { "=HYPERLINK(\"http://x.example\",\"y\")",
                                             "+33 Services", "-2+3 IT", "@SUM(A1)", "\tTab IT",
                                             "\rCR IT" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRecord) exclusion = NULL;
  CsRecord *offers[G_N_ELEMENTS (providers)];

  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    offers[i] = add_offer (fixture, providers[i]);
  set_number (fixture, offers[0], "price_recurring", 1234);
  set_number (fixture, offers[1], "price_recurring", 4321);

  exclusion = g_object_new (CS_TYPE_EXCLUSION, "offer-id", cs_record_get_id (offers[0]),
                            "label", "=1+2", "decision", "excluded", NULL);
  g_assert_true (cs_store_add (fixture->store, exclusion, &error));
  g_assert_no_error (error);
}

static void
test_export_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsComparison) comparison = NULL;
  g_autoptr(CsDocument) document = NULL;
  g_autofree char *path = cs_test_build_path ("comparison.xlsx");
  g_autofree char *sheets = NULL;

  make_hostile_project (fixture);
  comparison = compare (fixture, NULL);
  document = cs_comparison_to_document (comparison, "Client", NULL);
  g_assert_true (cs_document_write (document, CS_DOCUMENT_FORMAT_XLSX, path, FALSE, NULL,
                                    &error));
  g_assert_no_error (error);

  sheets = run ((const char * const[]) { "unzip", "-p", path, "xl/worksheets/*.xml", NULL });
  g_assert_null (strstr (sheets, "<f>"));
  g_assert_nonnull (strstr (sheets, "<t>=HYPERLINK(\"http://x.example\",\"y\")</t>"));
  g_assert_nonnull (strstr (sheets, "<t>=1+2</t>"));
  g_assert_nonnull (strstr (sheets, "<t>@SUM(A1)</t>"));
  /* The monthly prices are numbers, not text. */
  g_assert_nonnull (strstr (sheets, "<v>1234</v>"));
  g_assert_nonnull (strstr (sheets, "<v>4321</v>"));
  /* Frozen header row and first column, and an autofilter. */
  g_assert_nonnull (strstr (sheets, "<pane xSplit=\"1\" ySplit=\"1\""));
  g_assert_nonnull (strstr (sheets, "<autoFilter"));
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsComparison) comparison = NULL;
  g_autoptr(CsDocument) document = NULL;
  g_autofree char *path = cs_test_build_path ("comparison.csv");
  g_autofree char *missing = cs_test_build_path ("no-such-folder/comparison.csv");
  g_autofree char *folder = cs_test_build_path ("no-such-folder");
  g_autofree char *csv = NULL;

  make_hostile_project (fixture);
  comparison = compare (fixture, NULL);
  document = cs_comparison_to_document (comparison, "Client", NULL);
  g_assert_true (cs_document_write (document, CS_DOCUMENT_FORMAT_CSV, path, FALSE, NULL,
                                    &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));

  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")"));
  g_assert_nonnull (strstr (csv, "\"'+33 Services\""));
  g_assert_nonnull (strstr (csv, "\"'-2+3 IT\""));
  g_assert_nonnull (strstr (csv, "\"'@SUM(A1)\""));
  g_assert_nonnull (strstr (csv, "\"'\tTab IT\""));
  g_assert_nonnull (strstr (csv, "\"'\rCR IT\""));
  g_assert_nonnull (strstr (csv, "\"'=1+2\""));
  g_assert_null (strstr (csv, ",=1+2"));
  g_assert_null (strstr (csv, ",\"=1+2"));
  g_assert_nonnull (strstr (csv, "(EUR),1234.00,4321.00,"));

  /* A failure says why and leaves nothing behind. */
  g_assert_false (cs_document_write (document, CS_DOCUMENT_FORMAT_CSV, missing, FALSE, NULL,
                                     &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/comparison/demo", test_demo);
  g_test_add ("/core/comparison/sla-normalisation", Fixture, NULL, fixture_set_up,
              test_sla_normalisation, fixture_tear_down);
  g_test_add ("/core/comparison/availability-periods", Fixture, NULL, fixture_set_up,
              test_availability_periods, fixture_tear_down);
  g_test_add ("/core/comparison/money", Fixture, NULL, fixture_set_up, test_money,
              fixture_tear_down);
  g_test_add ("/core/comparison/weights", Fixture, NULL, fixture_set_up, test_weights,
              fixture_tear_down);
  g_test_add ("/core/comparison/ranking", Fixture, NULL, fixture_set_up, test_ranking,
              fixture_tear_down);
  g_test_add ("/core/comparison/sensitivity", Fixture, NULL, fixture_set_up,
              test_sensitivity_equal_weights, fixture_tear_down);
  g_test_add ("/core/comparison/comparability", Fixture, NULL, fixture_set_up,
              test_comparability, fixture_tear_down);
  g_test_add ("/core/comparison/export/xlsx", Fixture, NULL, fixture_set_up, test_export_xlsx,
              fixture_tear_down);
  g_test_add ("/core/comparison/export/csv", Fixture, NULL, fixture_set_up, test_export_csv,
              fixture_tear_down);

  return g_test_run ();
}
