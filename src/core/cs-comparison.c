/* cs-comparison.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-comparison"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-comparison.h"
#include "cs-comparison-private.h"
#include "cs-sections.h"

#include <math.h>
#include <string.h>

/**
 * CsComparison:
 *
 * Offers side by side on the same inventory and the same checklist (issue 11): one row per
 * figure, grouped by section, each cell holding what the offer states and its value
 * normalised to one unit (worst-case wall-clock hours for SLA targets, money per month …),
 * with the best and worst value of each row marked and a note where the offers cannot be
 * compared. Scores and knock-outs come from the checklist engine, coverage from the store's
 * counts. A weighted score ranks the offers, and the comparison says whether the ranking
 * holds under equal weights and without the price.
 *
 * The weight of "billing" (Billing & Perimeter Change) also carries the price: that
 * section's figure in the weighted score is the mean of its checklist score and the price
 * score (the lowest total over the horizon divided by the offer's). "Without the price" uses
 * the checklist score alone.
 *
 * Immutable once computed; reference-counted.
 */

static const char * const section_ids[] = {
  "summary", "perimeter", "exclusions", "responsibilities", "sla", "backup", "security",
  "subcontracting", "exit", "billing", "governance", "gdpr", "terms", "money", NULL
};

static const char * const weight_groups[] = {
  "perimeter", "exclusions", "responsibilities", "sla", "backup", "security",
  "subcontracting", "exit", "billing", "governance", "gdpr", NULL
};

/* Perimeter and service levels first: an offer that does not cover the inventory or commit to
 * times is weak whatever else it says. Sums to 100. */
static const guint default_weights[CS_COMPARISON_N_WEIGHTS] = {
  15, 10, 5, 15, 10, 10, 5, 10, 15, 3, 2
};

G_DEFINE_BOXED_TYPE (CsComparison, cs_comparison, cs_comparison_ref, cs_comparison_unref)

static void
row_free (gpointer data)
{
  CsComparisonRow *row = data;

  g_free (row->id);
  g_free (row->label);
  g_free (row->unit);
  g_free (row->not_comparable);
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_free (row->cells[i].text);
      g_free (row->cells[i].note);
    }
  g_free (row->cells);
  g_free (row);
}

/* Appends a row whose cells are all "not stated", with no value. */
CsComparisonRow *
_cs_comparison_add_row (CsComparison   *self,
                        const char     *section,
                        const char     *id,
                        const char     *label,
                        const char     *unit,
                        CsCompareOrder  order,
                        CsSection       edit_section)
{
  CsComparisonRow *row = g_new0 (CsComparisonRow, 1);

  row->id = g_strdup (id);
  for (guint i = 0; section_ids[i] != NULL; i++)
    if (g_str_equal (section_ids[i], section))
      row->section = section_ids[i];
  g_assert (row->section != NULL);
  row->label = g_strdup (label);
  row->unit = g_strdup (unit != NULL ? unit : "");
  row->order = order;
  row->edit_section = edit_section;
  row->n_cells = self->offers->len;
  row->cells = g_new0 (CsComparisonCell, row->n_cells);
  for (guint i = 0; i < row->n_cells; i++)
    row->cells[i].value = NAN;
  g_ptr_array_add (self->rows, row);

  return row;
}

void
_cs_comparison_set_cell (CsComparisonRow *row,
                         guint            index,
                         double           value,
                         const char      *format,
                         ...)
{
  va_list args;

  g_assert (index < row->n_cells);

  g_free (row->cells[index].text);
  va_start (args, format);
  row->cells[index].text = g_strdup_vprintf (format, args);
  va_end (args);
  row->cells[index].value = value;
}

void
_cs_comparison_set_note (CsComparisonRow *row,
                         guint            index,
                         const char      *note)
{
  g_assert (index < row->n_cells);

  g_free (row->cells[index].note);
  row->cells[index].note = g_strdup (note);
}

/* Best and worst: only between stated values of a comparable row that differ. */
static void
finish_row (CsComparisonRow *row)
{
  double best = NAN;
  double worst = NAN;

  row->all_equal = TRUE;
  for (guint i = 0; i < row->n_cells; i++)
    {
      if (row->cells[i].text == NULL)
        row->cells[i].text = g_strdup (_("not stated"));
      if (i > 0 && g_strcmp0 (row->cells[i].text, row->cells[0].text) != 0)
        row->all_equal = FALSE;
    }

  if (row->order == CS_COMPARE_NONE || row->not_comparable != NULL)
    return;

  for (guint i = 0; i < row->n_cells; i++)
    {
      double v = row->cells[i].value;
      gboolean higher = row->order == CS_COMPARE_HIGHER_BETTER;

      if (isnan (v))
        continue;
      if (isnan (best) || (higher ? v > best : v < best))
        best = v;
      if (isnan (worst) || (higher ? v < worst : v > worst))
        worst = v;
    }

  if (isnan (best) || best == worst)
    return;

  for (guint i = 0; i < row->n_cells; i++)
    {
      row->cells[i].best = row->cells[i].value == best;
      row->cells[i].worst = row->cells[i].value == worst;
    }
}

const char *
_cs_comparison_offer_name (CsComparison *self,
                           guint         index)
{
  const char *provider = cs_offer_get_provider (g_ptr_array_index (self->offers, index));

  return provider != NULL && *provider != '\0' ? provider : _("Unnamed offer");
}

/* Scores */

static char *
format_percent (double fraction)
{
  if (isnan (fraction))
    return g_strdup ("—");
  return g_strdup_printf ("%.0f %%", fraction * 100);
}

static double
assessed_fraction (const CsScore *score)
{
  guint counted;

  if (score == NULL || score->n_items <= score->n_reference)
    return NAN;
  counted = score->n_items - score->n_reference;

  return (double) (counted - MIN (score->n_unanswered, counted)) / counted;
}

static void
add_score_rows (CsComparison *self,
                const char   *section,
                const char   *group,
                CsSection     edit_section)
{
  g_autofree char *assessed_id = g_strdup_printf ("%s.assessed", section);
  g_autofree char *score_id = g_strdup_printf ("%s.score", section);
  CsComparisonRow *assessed = NULL;
  CsComparisonRow *score = NULL;
  CsComparisonRow *knock_outs = NULL;

  assessed = _cs_comparison_add_row (self, section, assessed_id, _("Assessed"), "%",
                                     CS_COMPARE_HIGHER_BETTER, edit_section);
  score = _cs_comparison_add_row (self, section, score_id, _("Score"), "%",
                                  CS_COMPARE_HIGHER_BETTER, edit_section);
  if (group == NULL)
    knock_outs = _cs_comparison_add_row (self, section, "summary.knock-outs", _("Knock-outs"),
                                         "", CS_COMPARE_LOWER_BETTER, edit_section);

  for (guint i = 0; i < self->offers->len; i++)
    {
      CsReport *report = g_ptr_array_index (self->reports, i);
      const CsScore *s = group != NULL ? cs_report_get_group_score (report, group)
                                       : cs_report_get_score (report, CS_SECTION_DASHBOARD);
      g_autofree char *assessed_text = NULL;
      g_autofree char *score_text = NULL;
      double fraction;

      if (s == NULL)
        {
          _cs_comparison_set_cell (assessed, i, NAN, "%s", _("no item"));
          _cs_comparison_set_cell (score, i, NAN, "%s", _("no item"));
          continue;
        }

      fraction = assessed_fraction (s);
      assessed_text = format_percent (fraction);
      _cs_comparison_set_cell (assessed, i, isnan (fraction) ? NAN : fraction * 100, "%s",
                               assessed_text);

      score_text = format_percent (s->score);
      if (s->n_knock_outs > 0)
        /* Translators: a section score and its knock-outs: "64 %, 2 KO" */
        _cs_comparison_set_cell (score, i, isnan (s->score) ? NAN : s->score * 100,
                                 _("%s, %u KO"), score_text, s->n_knock_outs);
      else
        _cs_comparison_set_cell (score, i, isnan (s->score) ? NAN : s->score * 100, "%s",
                                 score_text);
      score->cells[i].knock_out = s->n_knock_outs > 0;

      if (knock_outs != NULL)
        {
          _cs_comparison_set_cell (knock_outs, i, s->n_knock_outs, "%u", s->n_knock_outs);
          knock_outs->cells[i].knock_out = s->n_knock_outs > 0;
        }
    }
}

/* Ranking */

static double
weighted_score (CsComparison *self,
                guint         offer,
                const double *weights,
                gboolean      with_price)
{
  CsReport *report = g_ptr_array_index (self->reports, offer);
  double sum = 0;
  double total = 0;

  for (guint g = 0; g < CS_COMPARISON_N_WEIGHTS; g++)
    {
      const CsScore *s = cs_report_get_group_score (report, weight_groups[g]);
      double figure = s != NULL && !isnan (s->score) ? s->score : 0;

      if (with_price && g_str_equal (weight_groups[g], "billing")
          && !isnan (self->price_scores[offer]))
        figure = (figure + self->price_scores[offer]) / 2;

      sum += weights[g] * figure;
      total += weights[g];
    }

  return total > 0 ? sum / total : NAN;
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const double *scores = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;
  double si = isnan (scores[i]) ? -1 : scores[i];
  double sj = isnan (scores[j]) ? -1 : scores[j];

  if (si != sj)
    return si > sj ? -1 : 1;

  return (int) i - (int) j;
}

static guint *
rank (CsComparison *self,
      const double *weights,
      gboolean      with_price,
      double       *out_scores)
{
  guint n = self->offers->len;
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      out_scores[i] = weighted_score (self, i, weights, with_price);
      order[i] = i;
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_ranks, out_scores);

  return order;
}

static char *
describe_order (CsComparison *self,
                const guint  *order)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->offers->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, _cs_comparison_offer_name (self, order[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
compute_ranking (CsComparison *self)
{
  guint n = self->offers->len;
  double weights[CS_COMPARISON_N_WEIGHTS];
  double equal[CS_COMPARISON_N_WEIGHTS];
  g_autofree double *scratch = g_new0 (double, MAX (n, 1));
  g_autofree guint *equal_order = NULL;
  g_autofree guint *no_price_order = NULL;
  g_autofree char *equal_text = NULL;
  g_autofree char *no_price_text = NULL;

  for (guint g = 0; g < CS_COMPARISON_N_WEIGHTS; g++)
    {
      weights[g] = self->weights[g];
      equal[g] = 1;
    }

  self->weighted = g_new0 (double, MAX (n, 1));
  self->ranking = rank (self, weights, TRUE, self->weighted);
  self->ranks = g_new0 (guint, MAX (n, 1));
  for (guint r = 0; r < n; r++)
    self->ranks[self->ranking[r]] = r + 1;

  equal_order = rank (self, equal, TRUE, scratch);
  no_price_order = rank (self, weights, FALSE, scratch);
  self->changes_equal = n > 1 && memcmp (equal_order, self->ranking, n * sizeof (guint)) != 0;
  self->changes_no_price = n > 1
                           && memcmp (no_price_order, self->ranking, n * sizeof (guint)) != 0;
  equal_text = describe_order (self, equal_order);
  no_price_text = describe_order (self, no_price_order);

  if (n < 2)
    self->sensitivity = g_strdup (_("With fewer than two offers there is no ranking to test."));
  else if (!self->changes_equal && !self->changes_no_price)
    self->sensitivity = g_strdup (_("The ranking holds under equal weights and without the price."));
  else if (self->changes_equal && !self->changes_no_price)
    /* Translators: %s is the list of offers in their new order */
    self->sensitivity = g_strdup_printf (_("The ranking changes under equal weights (%s) but holds without the price."),
                                         equal_text);
  else if (!self->changes_equal)
    /* Translators: %s is the list of offers in their new order */
    self->sensitivity = g_strdup_printf (_("The ranking holds under equal weights but changes without the price (%s)."),
                                         no_price_text);
  else
    /* Translators: each %s is the list of offers in their new order */
    self->sensitivity = g_strdup_printf (_("The ranking changes under equal weights (%s) and without the price (%s)."),
                                         equal_text, no_price_text);
}

static void
add_ranking_rows (CsComparison *self)
{
  CsComparisonRow *weighted = _cs_comparison_add_row (self, "summary", "summary.weighted",
                                                      _("Weighted score"), "%",
                                                      CS_COMPARE_HIGHER_BETTER,
                                                      CS_SECTION_DASHBOARD);
  CsComparisonRow *ranked = _cs_comparison_add_row (self, "summary", "summary.rank",
                                                    _("Rank"), "", CS_COMPARE_LOWER_BETTER,
                                                    CS_SECTION_DASHBOARD);

  for (guint i = 0; i < self->offers->len; i++)
    {
      g_autofree char *text = format_percent (self->weighted[i]);

      _cs_comparison_set_cell (weighted, i, isnan (self->weighted[i]) ? NAN
                                                                        : self->weighted[i] * 100,
                               "%s", text);
      _cs_comparison_set_cell (ranked, i, self->ranks[i], "%u", self->ranks[i]);
    }
}

/* Construction */

static void
cs_comparison_free (CsComparison *self)
{
  g_clear_object (&self->store);
  g_ptr_array_unref (self->offers);
  g_ptr_array_unref (self->reports);
  g_ptr_array_unref (self->rows);
  g_free (self->coverage);
  g_free (self->price_scores);
  g_free (self->weighted);
  g_free (self->ranking);
  g_free (self->ranks);
  g_free (self->sensitivity);
  g_free (self->perimeter_note);
  g_free (self->currency);
  g_free (self);
}

static gboolean
check_options (CsComparison              *self,
               const CsComparisonOptions *options,
               GError                   **error)
{
  CsProject *project = cs_store_get_project (self->store);

  if (options != NULL && options->weights != NULL)
    {
      if (!cs_comparison_check_weights (options->weights, error))
        return FALSE;
      memcpy (self->weights, options->weights, sizeof self->weights);
    }
  else
    cs_comparison_read_weights (self->store, self->weights);

  if (options != NULL && options->horizon_months > 0)
    self->horizon_months = options->horizon_months;
  else
    self->horizon_months = cs_record_get_int (CS_RECORD (project), "compare_horizon_months");
  self->growth_percent = options != NULL && options->growth_percent >= 0
                         ? options->growth_percent
                         : (int) cs_record_get_int (CS_RECORD (project), "compare_growth_percent");
  self->year = options != NULL ? options->year : 0;
  self->currency = g_strdup (cs_record_get_string (CS_RECORD (project), "currency"));
  if (options != NULL && options->today != NULL && g_date_valid (options->today))
    self->today = *options->today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&self->today, 1);
      g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  return TRUE;
}

/**
 * cs_comparison_new:
 * @store: an open project
 * @checklist: the checklist the offers are scored against
 * @linter: (nullable): the clause linter whose findings the scores count
 * @offers: (element-type CsOffer): the offers to compare, in column order (see
 *   cs_comparison_list_compared_offers())
 * @options: (nullable): weights, horizon and growth; %NULL takes the project's
 * @error: return location for a #GError
 *
 * Compares @offers. Reads the project and evaluates the checklist once per offer; counts
 * coverage with one query per offer, never one per asset.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with @error set (weights that
 *   do not sum to 100 %, an offer the checklist cannot evaluate)
 */
CsComparison *
cs_comparison_new (CsStore                   *store,
                   CsChecklist               *checklist,
                   CsLinter                  *linter,
                   GPtrArray                 *offers,
                   const CsComparisonOptions *options,
                   GError                   **error)
{
  g_autoptr(CsComparison) self = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (offers != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (CsComparison, 1);
  g_ref_count_init (&self->ref_count);
  self->store = g_object_ref (store);
  self->offers = g_ptr_array_new_with_free_func (g_object_unref);
  self->reports = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new_with_free_func (row_free);

  for (guint i = 0; i < offers->len; i++)
    {
      g_return_val_if_fail (CS_IS_OFFER (g_ptr_array_index (offers, i)), NULL);
      g_ptr_array_add (self->offers, g_object_ref (g_ptr_array_index (offers, i)));
    }

  if (!check_options (self, options, error))
    return NULL;

  for (guint i = 0; i < self->offers->len; i++)
    {
      gint64 id = cs_record_get_id (g_ptr_array_index (self->offers, i));
      CsReport *report = cs_checklist_evaluate (checklist, store, linter, id, error);

      if (report == NULL)
        return NULL;
      g_ptr_array_add (self->reports, report);
    }

  self->coverage = g_new0 (CsCoverageCounts, MAX (self->offers->len, 1));
  for (guint i = 0; i < self->offers->len; i++)
    if (!cs_store_count_coverage (store, cs_record_get_id (g_ptr_array_index (self->offers, i)),
                                  1, &self->coverage[i], error))
      return NULL;

  self->price_scores = g_new0 (double, MAX (self->offers->len, 1));

  add_score_rows (self, "summary", NULL, CS_SECTION_DASHBOARD);
  _cs_comparison_add_perimeter_rows (self);
  _cs_comparison_add_exclusion_rows (self);
  _cs_comparison_add_sla_rows (self);
  _cs_comparison_add_backup_rows (self);
  _cs_comparison_add_security_rows (self);
  _cs_comparison_add_subcontracting_rows (self);
  _cs_comparison_add_exit_rows (self);
  _cs_comparison_add_terms_rows (self);
  _cs_comparison_add_money_rows (self);

  for (guint g = 0; weight_groups[g] != NULL; g++)
    add_score_rows (self, weight_groups[g], weight_groups[g],
                    cs_checklist_group_get_section (weight_groups[g]));

  compute_ranking (self);
  add_ranking_rows (self);

  /* Rows grouped by section, in the order of cs_comparison_sections(); stable within one. */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (self->rows->len, row_free);

    for (guint s = 0; section_ids[s] != NULL; s++)
      for (guint r = 0; r < self->rows->len; r++)
        {
          CsComparisonRow *row = g_ptr_array_index (self->rows, r);

          if (row->section == section_ids[s])
            g_ptr_array_add (sorted, row);
        }
    g_assert (sorted->len == self->rows->len);
    g_ptr_array_set_free_func (self->rows, NULL);
    g_ptr_array_unref (self->rows);
    self->rows = g_steal_pointer (&sorted);
  }

  for (guint r = 0; r < self->rows->len; r++)
    finish_row (g_ptr_array_index (self->rows, r));

  return g_steal_pointer (&self);
}

/**
 * cs_comparison_ref:
 * @self: a comparison
 *
 * Returns: (transfer full): @self
 */
CsComparison *
cs_comparison_ref (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * cs_comparison_unref:
 * @self: (transfer full): a comparison
 *
 * Drops a reference; frees @self with the last one.
 */
void
cs_comparison_unref (CsComparison *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    cs_comparison_free (self);
}

/**
 * cs_comparison_get_n_offers:
 * @self: a comparison
 *
 * Returns: the number of offers compared (the cells of each row)
 */
guint
cs_comparison_get_n_offers (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offers->len;
}

/**
 * cs_comparison_get_offer:
 * @self: a comparison
 * @index: a column, below cs_comparison_get_n_offers()
 *
 * Returns: (transfer none): the offer of the column
 */
CsOffer *
cs_comparison_get_offer (CsComparison *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->offers->len, NULL);

  return g_ptr_array_index (self->offers, index);
}

/**
 * cs_comparison_get_report:
 * @self: a comparison
 * @index: a column
 *
 * Returns: (transfer none): the checklist evaluation of the column's offer
 */
CsReport *
cs_comparison_get_report (CsComparison *self,
                          guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->reports->len, NULL);

  return g_ptr_array_index (self->reports, index);
}

/**
 * cs_comparison_get_n_rows:
 * @self: a comparison
 *
 * Returns: the number of rows
 */
guint
cs_comparison_get_n_rows (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * cs_comparison_get_row:
 * @self: a comparison
 * @index: a row, below cs_comparison_get_n_rows()
 *
 * Returns: (transfer none): the row; rows come grouped by section
 */
const CsComparisonRow *
cs_comparison_get_row (CsComparison *self,
                       guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

/**
 * cs_comparison_find_row:
 * @self: a comparison
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the row with @id
 */
const CsComparisonRow *
cs_comparison_find_row (CsComparison *self,
                        const char   *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint r = 0; r < self->rows->len; r++)
    {
      const CsComparisonRow *row = g_ptr_array_index (self->rows, r);

      if (g_str_equal (row->id, id))
        return row;
    }

  return NULL;
}

/**
 * cs_comparison_get_weights:
 * @self: a comparison
 *
 * Returns: (array fixed-size=11): the weights used, in the order of
 *   cs_comparison_weight_groups()
 */
const guint *
cs_comparison_get_weights (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->weights;
}

/**
 * cs_comparison_get_horizon_months:
 * @self: a comparison
 *
 * Returns: the horizon of the cost totals, in months
 */
guint
cs_comparison_get_horizon_months (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->horizon_months;
}

/**
 * cs_comparison_get_growth_percent:
 * @self: a comparison
 *
 * Returns: the perimeter growth priced, in percent
 */
int
cs_comparison_get_growth_percent (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->growth_percent;
}

/**
 * cs_comparison_get_weighted_score:
 * @self: a comparison
 * @index: a column
 *
 * Returns: the offer's weighted score, from 0 to 1
 */
double
cs_comparison_get_weighted_score (CsComparison *self,
                                  guint         index)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (index < self->offers->len, NAN);

  return self->weighted[index];
}

/**
 * cs_comparison_get_rank:
 * @self: a comparison
 * @index: a column
 *
 * Returns: the offer's rank, 1 for the best
 */
guint
cs_comparison_get_rank (CsComparison *self,
                        guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->offers->len, 0);

  return self->ranks[index];
}

/**
 * cs_comparison_get_ranking:
 * @self: a comparison
 *
 * Returns: (array): the columns from the best offer to the worst
 */
const guint *
cs_comparison_get_ranking (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->ranking;
}

/**
 * cs_comparison_get_changes_with_equal_weights:
 * @self: a comparison
 *
 * Returns: whether the ranking differs when every section weighs the same
 */
gboolean
cs_comparison_get_changes_with_equal_weights (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->changes_equal;
}

/**
 * cs_comparison_get_changes_without_price:
 * @self: a comparison
 *
 * Returns: whether the ranking differs when the price is left out
 */
gboolean
cs_comparison_get_changes_without_price (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->changes_no_price;
}

/**
 * cs_comparison_get_sensitivity:
 * @self: a comparison
 *
 * Returns: one translated sentence saying whether the ranking changes under equal weights
 *   or without the price
 */
const char *
cs_comparison_get_sensitivity (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sensitivity;
}

/**
 * cs_comparison_get_currency:
 * @self: a comparison
 *
 * Returns: the project's currency ("EUR" …), "" when it is not set
 */
const char *
cs_comparison_get_currency (CsComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->currency;
}

/**
 * cs_comparison_sections:
 *
 * Returns: (transfer none): the ids of the groups of rows, in display order,
 *   %NULL-terminated
 */
const char * const *
cs_comparison_sections (void)
{
  return section_ids;
}

/**
 * cs_comparison_section_get_title:
 * @section: a group of rows
 *
 * Returns: its translated title
 */
const char *
cs_comparison_section_get_title (const char *section)
{
  g_return_val_if_fail (section != NULL, NULL);

  if (g_str_equal (section, "summary"))
    return _("Verdict");
  if (g_str_equal (section, "terms"))
    return _("Term and Renewal");
  if (g_str_equal (section, "money"))
    return _("Money");

  return cs_checklist_group_get_title (section);
}

/* Weights */

/**
 * cs_comparison_weight_groups:
 *
 * Returns: (transfer none): the weighted checklist groups, %NULL-terminated
 */
const char * const *
cs_comparison_weight_groups (void)
{
  return weight_groups;
}

/**
 * cs_comparison_default_weights:
 * @weights: (out caller-allocates) (array fixed-size=11): the weights
 *
 * The weights of a project that has not set any (they sum to 100).
 */
void
cs_comparison_default_weights (guint *weights)
{
  memcpy (weights, default_weights, sizeof default_weights);
}

static int
weight_index (const char *group)
{
  for (guint g = 0; weight_groups[g] != NULL; g++)
    if (g_str_equal (weight_groups[g], group))
      return g;

  return -1;
}

/**
 * cs_comparison_read_weights:
 * @store: a project
 * @weights: (out caller-allocates) (array fixed-size=11): the weights
 *
 * Reads the section weights kept in the project; a project that keeps none gets the
 * defaults.
 */
void
cs_comparison_read_weights (CsStore *store,
                            guint   *weights)
{
  GListModel *list = NULL;
  guint n;

  g_return_if_fail (CS_IS_STORE (store));

  cs_comparison_default_weights (weights);
  list = cs_store_list (store, CS_TYPE_SECTION_WEIGHT, 0);
  n = g_list_model_get_n_items (list);
  if (n == 0)
    return;

  memset (weights, 0, CS_COMPARISON_N_WEIGHTS * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (list, i);
      int g = weight_index (cs_record_get_string (record, "section"));

      if (g >= 0)
        weights[g] = cs_record_get_int (record, "weight");
    }
}

/**
 * cs_comparison_check_weights:
 * @weights: (array fixed-size=11): weights in percent
 * @error: return location for a #GError
 *
 * Returns: %TRUE when each weight is at most 100 and they sum to 100; else %FALSE with
 *   @error (%CS_STORE_ERROR_INVALID) saying the sum
 */
gboolean
cs_comparison_check_weights (const guint  *weights,
                             GError      **error)
{
  guint sum = 0;

  g_return_val_if_fail (weights != NULL, FALSE);

  for (guint g = 0; g < CS_COMPARISON_N_WEIGHTS; g++)
    {
      if (weights[g] > 100)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("The weight of “%s” is %u %%: a weight is from 0 to 100 %%"),
                       cs_checklist_group_get_title (weight_groups[g]), weights[g]);
          return FALSE;
        }
      sum += weights[g];
    }

  if (sum != 100)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The section weights sum to %u %%, not 100 %%"), sum);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const guint *weights;
} SaveWeights;

static gboolean
save_weights_cb (CsStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  SaveWeights *data = user_data;
  GListModel *list = cs_store_list (store, CS_TYPE_SECTION_WEIGHT, 0);
  CsRecord *records[CS_COMPARISON_N_WEIGHTS] = { NULL, };

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (list, i);
      int g = weight_index (cs_record_get_string (record, "section"));

      if (g >= 0)
        records[g] = record; /* the live list keeps it */
    }

  for (guint g = 0; g < CS_COMPARISON_N_WEIGHTS; g++)
    {
      if (records[g] == NULL)
        {
          g_autoptr(CsRecord) record = g_object_new (CS_TYPE_SECTION_WEIGHT,
                                                     "section", weight_groups[g],
                                                     "weight", (gint64) data->weights[g],
                                                     NULL);

          if (!cs_store_add (store, record, error))
            return FALSE;
        }
      else if (cs_record_get_int (records[g], "weight") != data->weights[g]
               && !cs_store_set_int (store, records[g], "weight", data->weights[g], error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cs_comparison_save_weights:
 * @store: a project open for editing
 * @weights: (array fixed-size=11): weights in percent summing to 100
 * @error: return location for a #GError
 *
 * Keeps the section weights in the project, all of them in one transaction.
 *
 * Returns: %TRUE on success; weights that do not sum to 100 are refused and nothing is written
 */
gboolean
cs_comparison_save_weights (CsStore      *store,
                            const guint  *weights,
                            GError      **error)
{
  SaveWeights data = { weights };

  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  if (!cs_comparison_check_weights (weights, error))
    return FALSE;

  return cs_store_batch (store, save_weights_cb, &data, error);
}

/**
 * cs_comparison_parse_weights:
 * @text: "section=N,…" with checklist group ids ("sla=30,backup=20")
 * @weights: (inout caller-allocates) (array fixed-size=11): the weights to change
 * @error: return location for a #GError
 *
 * Changes the weights @text names; the others keep their value. Does not check the sum.
 *
 * Returns: %TRUE on success; on a section or number not understood, %FALSE with @error
 *   (%G_OPTION_ERROR_BAD_VALUE) and @weights unchanged
 */
gboolean
cs_comparison_parse_weights (const char  *text,
                             guint       *weights,
                             GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint parsed[CS_COMPARISON_N_WEIGHTS];

  g_return_val_if_fail (text != NULL, FALSE);

  memcpy (parsed, weights, sizeof parsed);
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (parts[i]), "=", 2);
      guint64 value = 0;
      int g;

      if (*parts[i] == '\0')
        continue;

      g = pair[0] != NULL ? weight_index (g_strstrip (pair[0])) : -1;
      if (g < 0 || pair[1] == NULL)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) weight_groups);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not “section=weight” with a section among: %s"), parts[i],
                       known);
          return FALSE;
        }
      if (!g_ascii_string_to_unsigned (g_strstrip (pair[1]), 10, 0, 100, &value, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The weight of “%s” must be a whole number from 0 to 100, not “%s”"),
                       pair[0], pair[1]);
          return FALSE;
        }
      parsed[g] = value;
    }

  memcpy (weights, parsed, sizeof parsed);
  return TRUE;
}

/**
 * cs_comparison_list_compared_offers:
 * @store: a project
 *
 * Returns: (transfer full) (element-type CsOffer): the offers marked for comparison, in
 *   their order
 */
GPtrArray *
cs_comparison_list_compared_offers (CsStore *store)
{
  GListModel *list = NULL;
  GPtrArray *offers = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CS_IS_STORE (store), offers);

  list = cs_store_get_offers (store);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (list, i);

      if (cs_record_get_boolean (offer, "compared"))
        g_ptr_array_add (offers, g_steal_pointer (&offer));
    }

  return offers;
}
