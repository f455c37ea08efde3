/* cs-comparison-money.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-comparison"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-comparison-private.h"
#include "cs-sections.h"

#include <math.h>
#include <string.h>

/*
 * Exit, term and money rows of a comparison. Money is normalised per month; totals add the
 * one-off price, the recurring price raised by the indexation cap at each anniversary (the
 * worst case the contract allows) and the price of exit assistance at the end.
 */

static gint64
offer_id (CsComparison *self,
          guint         index)
{
  return cs_record_get_id (g_ptr_array_index (self->offers, index));
}

/* Exit */

void
_cs_comparison_add_exit_rows (CsComparison *self)
{
  CsComparisonRow *clause = _cs_comparison_add_row (self, "exit", "exit.clause",
                                                    _("Reversibility clause"), "",
                                                    CS_COMPARE_HIGHER_BETTER, CS_SECTION_EXIT);
  CsComparisonRow *transition = _cs_comparison_add_row (self, "exit", "exit.transition",
                                                        _("Transition period"), _("days"),
                                                        CS_COMPARE_HIGHER_BETTER,
                                                        CS_SECTION_EXIT);
  CsComparisonRow *assistance = _cs_comparison_add_row (self, "exit", "exit.assistance",
                                                        _("Exit assistance price"), "",
                                                        CS_COMPARE_LOWER_BETTER,
                                                        CS_SECTION_EXIT);
  CsComparisonRow *deliverables = _cs_comparison_add_row (self, "exit", "exit.deliverables",
                                                          _("Deliverables listed"), "",
                                                          CS_COMPARE_HIGHER_BETTER,
                                                          CS_SECTION_EXIT);
  CsComparisonRow *deadline = _cs_comparison_add_row (self, "exit", "exit.last-deadline",
                                                      _("Last deliverable due after notice"),
                                                      _("days"), CS_COMPARE_LOWER_BETTER,
                                                      CS_SECTION_EXIT);
  CsComparisonRow *missing = _cs_comparison_add_row (self, "exit", "exit.missing",
                                                     _("Standard deliverables missing"), "",
                                                     CS_COMPARE_LOWER_BETTER, CS_SECTION_EXIT);

  for (guint i = 0; i < self->offers->len; i++)
    {
      g_autoptr(CsExitReport) report = NULL;
      CsRecord *terms = NULL;
      const char *mode = NULL;
      double price = NAN;
      guint n_missing = 0;
      guint n_deliverables = 0;
      g_autoptr(GString) missing_text = g_string_new (NULL);

      if (cs_store_get_section (self->store, CS_TYPE_EXIT_TERMS, offer_id (self, i)) == NULL)
        continue;
      report = cs_exit_report_new (self->store, offer_id (self, i));
      terms = CS_RECORD (report->terms);
      mode = cs_record_get_string (terms, "assistance_mode");
      price = cs_record_get_number (terms, "assistance_price");

      clause->coded = TRUE;
      if (g_strcmp0 (cs_record_get_string (terms, "clause_present"), "yes") == 0)
        _cs_comparison_set_cell (clause, i, 1, "%s", _("yes"));
      else
        {
          _cs_comparison_set_cell (clause, i, 0, "%s",
                                   g_strcmp0 (cs_record_get_string (terms, "clause_present"),
                                              "no") == 0 ? _("no") : _("not stated"));
          clause->cells[i].knock_out = TRUE;
        }

      if (!isnan (cs_record_get_number (terms, "transition_days")))
        _cs_comparison_set_cell (transition, i, cs_record_get_number (terms, "transition_days"),
                                 _("%g days"), cs_record_get_number (terms, "transition_days"));

      if (g_str_equal (mode, "included"))
        _cs_comparison_set_cell (assistance, i, 0, "%s", _("included"));
      else if (g_str_equal (mode, "on_quotation"))
        {
          _cs_comparison_set_cell (assistance, i, NAN, "%s", _("on quotation"));
          assistance->cells[i].knock_out = TRUE;
        }
      else if (!isnan (price) && g_str_equal (mode, "rate_card"))
        /* Translators: exit assistance on a rate card, with its stated price */
        _cs_comparison_set_cell (assistance, i, price, _("rate card, %.0f"), price);
      else if (!isnan (price))
        _cs_comparison_set_cell (assistance, i, price, "%.0f", price);
      else if (g_str_equal (mode, "rate_card"))
        _cs_comparison_set_cell (assistance, i, NAN, "%s", _("rate card"));

      n_deliverables = g_list_model_get_n_items (cs_store_list (self->store,
                                                                CS_TYPE_EXIT_DELIVERABLE,
                                                                offer_id (self, i)));
      _cs_comparison_set_cell (deliverables, i, n_deliverables, "%u", n_deliverables);
      if (!isnan (report->last_deadline_days))
        _cs_comparison_set_cell (deadline, i, report->last_deadline_days, _("%g days"),
                                 report->last_deadline_days);

      for (guint m = 0; report->missing_items[m] != NULL; m++)
        {
          if (missing_text->len > 0)
            g_string_append (missing_text, ", ");
          g_string_append (missing_text, cs_exit_item_get_label (report->missing_items[m]));
          n_missing++;
        }
      _cs_comparison_set_cell (missing, i, n_missing, "%u%s%s", n_missing,
                               n_missing > 0 ? ": " : "", missing_text->str);
    }
}

/* Term and renewal */

static const char *
renewal_label (const char *mode)
{
  if (g_strcmp0 (mode, "none") == 0)
    return _("no renewal");
  if (g_strcmp0 (mode, "tacit") == 0)
    return _("tacit renewal");
  if (g_strcmp0 (mode, "express") == 0)
    return _("express renewal");
  return NULL;
}

static double
term_months (CsComparison *self,
             guint         index)
{
  CsRecord *terms = cs_store_get_section (self->store, CS_TYPE_TERMS, offer_id (self, index));
  double months = terms != NULL ? cs_record_get_number (terms, "term_months") : NAN;

  if (isnan (months))
    months = cs_record_get_number (g_ptr_array_index (self->offers, index), "term_months");

  return months;
}

void
_cs_comparison_add_terms_rows (CsComparison *self)
{
  CsComparisonRow *term = _cs_comparison_add_row (self, "terms", "terms.term",
                                                  _("Initial term"), _("months"),
                                                  CS_COMPARE_NONE, CS_SECTION_TERMS);
  CsComparisonRow *renewal = _cs_comparison_add_row (self, "terms", "terms.renewal",
                                                     _("Renewal"), "", CS_COMPARE_NONE,
                                                     CS_SECTION_TERMS);
  CsComparisonRow *notice = _cs_comparison_add_row (self, "terms", "terms.notice",
                                                    _("Notice"), _("days"),
                                                    CS_COMPARE_LOWER_BETTER, CS_SECTION_TERMS);
  CsComparisonRow *cancel = _cs_comparison_add_row (self, "terms", "terms.cancel-by",
                                                    _("Cancel by"), "", CS_COMPARE_NONE,
                                                    CS_SECTION_TERMS);
  CsComparisonRow *cap = _cs_comparison_add_row (self, "terms", "terms.indexation-cap",
                                                 _("Yearly indexation cap"), "%",
                                                 CS_COMPARE_LOWER_BETTER, CS_SECTION_TERMS);

  for (guint i = 0; i < self->offers->len; i++)
    {
      g_autoptr(CsTermsReport) report = NULL;
      CsRecord *terms = NULL;
      double months = term_months (self, i);
      double renewal_months;
      const char *mode;

      if (!isnan (months))
        _cs_comparison_set_cell (term, i, months, _("%g months"), months);

      if (cs_store_get_section (self->store, CS_TYPE_TERMS, offer_id (self, i)) == NULL)
        continue;
      report = cs_terms_report_new (self->store, offer_id (self, i), &self->today);
      terms = CS_RECORD (report->terms);
      mode = cs_record_get_string (terms, "renewal_mode");
      renewal_months = cs_record_get_number (terms, "renewal_months");

      if (renewal_label (mode) != NULL && !isnan (renewal_months))
        /* Translators: "tacit renewal, 12 months" */
        _cs_comparison_set_cell (renewal, i, renewal_months, _("%s, %g months"),
                                 renewal_label (mode), renewal_months);
      else if (renewal_label (mode) != NULL)
        _cs_comparison_set_cell (renewal, i, NAN, "%s", renewal_label (mode));

      if (!isnan (cs_record_get_number (terms, "notice_days")))
        _cs_comparison_set_cell (notice, i, cs_record_get_number (terms, "notice_days"),
                                 _("%g days"), cs_record_get_number (terms, "notice_days"));

      if (g_date_valid (&report->dates.cancel_by))
        {
          char date[32];

          g_date_strftime (date, sizeof date, "%Y-%m-%d", &report->dates.cancel_by);
          _cs_comparison_set_cell (cancel, i, report->dates.days_left, "%s", date);
        }

      if (!isnan (cs_record_get_number (terms, "revision_cap_percent")))
        _cs_comparison_set_cell (cap, i, cs_record_get_number (terms, "revision_cap_percent"),
                                 "%g %%", cs_record_get_number (terms, "revision_cap_percent"));
      else if (*cs_record_get_string (terms, "revision_index") != '\0')
        _cs_comparison_set_cell (cap, i, INFINITY, "%s", _("indexed, no cap"));
    }
}

/* Money */

typedef struct
{
  double one_off;       /* 0 when not stated */
  double monthly;       /* NaN when not stated */
  double unit_price;    /* per additional unit per month, NaN when not stated */
  gboolean per_user;    /* the unit price counts users, not assets */
  double term;          /* months, NaN when not stated */
  double cap;           /* yearly indexation cap, percent */
  double exit;          /* exit assistance, 0 when not priced */
  char *note;           /* what the totals assume */
} Money;

/* The sum of the monthly prices over @months, raised by @cap_percent at each anniversary. */
double
_cs_comparison_recurring_total (double monthly,
                                double cap_percent,
                                guint  months)
{
  double total = 0;
  double price = monthly;

  for (guint start = 0; start < months; start += 12)
    {
      total += price * MIN (12, months - start);
      price *= 1 + cap_percent / 100.0;
    }

  return total;
}

static double
total (const Money *money,
       double       monthly,
       guint        months)
{
  if (isnan (monthly))
    return NAN;

  return money->one_off + _cs_comparison_recurring_total (monthly, money->cap, months)
         + money->exit;
}

static void
add_sentence (GString    *note,
              const char *sentence)
{
  if (note->len > 0)
    g_string_append_c (note, ' ');
  g_string_append (note, sentence);
}

static void
read_money (CsComparison *self,
            guint         index,
            Money        *money)
{
  CsRecord *offer = g_ptr_array_index (self->offers, index);
  CsRecord *terms = cs_store_get_section (self->store, CS_TYPE_TERMS, offer_id (self, index));
  CsRecord *exit = cs_store_get_section (self->store, CS_TYPE_EXIT_TERMS, offer_id (self, index));
  const char *period = cs_record_get_string (offer, "price_period");
  g_autofree char *unit = g_utf8_strdown (cs_record_get_string (offer, "price_unit"), -1);
  g_autoptr(GString) note = g_string_new (NULL);
  double divisor = g_strcmp0 (period, "year") == 0      ? 12
                   : g_strcmp0 (period, "quarter") == 0 ? 3
                                                        : 1;

  money->one_off = cs_record_get_number (offer, "price_one_off");
  if (isnan (money->one_off))
    money->one_off = 0;
  money->monthly = cs_record_get_number (offer, "price_recurring") / divisor;
  money->unit_price = cs_record_get_number (offer, "price_per_unit");
  money->per_user = strstr (unit, "user") != NULL || strstr (unit, "utilisateur") != NULL;
  money->term = term_months (self, index);

  money->cap = terms != NULL ? cs_record_get_number (terms, "revision_cap_percent") : NAN;
  if (isnan (money->cap))
    {
      if (terms != NULL && *cs_record_get_string (terms, "revision_index") != '\0')
        add_sentence (note, _("Indexation has no cap: none is counted."));
      money->cap = 0;
    }
  else
    /* Translators: a note on cost totals */
    {
      g_autofree char *text = g_strdup_printf (_("Indexation at its cap, %g %% a year."),
                                               money->cap);

      add_sentence (note, text);
    }

  money->exit = exit != NULL ? cs_record_get_number (exit, "assistance_price") : NAN;
  if (isnan (money->exit))
    {
      const char *mode = exit != NULL ? cs_record_get_string (exit, "assistance_mode") : "";

      money->exit = 0;
      if (!g_str_equal (mode, "included"))
        add_sentence (note, g_str_equal (mode, "on_quotation")
                            ? _("Exit assistance is on quotation: not counted.")
                            : _("Exit assistance is not priced: not counted."));
    }
  else
    /* Translators: a note on cost totals */
    {
      g_autofree char *text = g_strdup_printf (_("Exit assistance: %.0f."), money->exit);

      add_sentence (note, text);
    }

  money->note = g_string_free (g_steal_pointer (&note), FALSE);
}

static void
set_money (CsComparisonRow *row,
           guint            index,
           double           value,
           const char      *note)
{
  if (isnan (value))
    return;
  _cs_comparison_set_cell (row, index, value, "%.0f", value);
  if (note != NULL && *note != '\0')
    _cs_comparison_set_note (row, index, note);
}

static void
set_perimeter_note (CsComparison    *self,
                    CsComparisonRow *row)
{
  if (self->perimeter_note != NULL)
    row->not_comparable = g_strdup (self->perimeter_note);
}

static void
add_growth_rows (CsComparison *self,
                 Money        *money,
                 const char   *currency)
{
  guint users = cs_record_get_int (CS_RECORD (cs_store_get_project (self->store)), "users");
  /* Translators: "Per month with the perimeter +10 %" */
  g_autofree char *monthly_label = g_strdup_printf (_("Per month with the perimeter +%d %%"),
                                                    self->growth_percent);
  /* Translators: "Total over 36 months with the perimeter +10 %" */
  g_autofree char *total_label = g_strdup_printf (_("Total over %u months with the perimeter +%d %%"),
                                                  self->horizon_months, self->growth_percent);
  CsComparisonRow *monthly = _cs_comparison_add_row (self, "money", "money.growth.monthly",
                                                     monthly_label, currency,
                                                     CS_COMPARE_LOWER_BETTER, CS_SECTION_TERMS);
  CsComparisonRow *horizon = _cs_comparison_add_row (self, "money", "money.growth.horizon",
                                                     total_label, currency,
                                                     CS_COMPARE_LOWER_BETTER, CS_SECTION_TERMS);

  set_perimeter_note (self, monthly);
  set_perimeter_note (self, horizon);

  for (guint i = 0; i < self->offers->len; i++)
    {
      const CsCoverageCounts *c = &self->coverage[i];
      guint base = money[i].per_user ? users : c->n_managed + c->n_partial;
      guint extra = (guint) ceil (base * self->growth_percent / 100.0);
      double grown = NAN;
      g_autofree char *note = NULL;

      if (isnan (money[i].monthly))
        continue;
      if (extra == 0)
        grown = money[i].monthly;
      else if (!isnan (money[i].unit_price))
        grown = money[i].monthly + extra * money[i].unit_price;

      if (isnan (grown))
        {
          _cs_comparison_set_cell (monthly, i, NAN, "%s", _("no unit price"));
          continue;
        }
      note = money[i].per_user
             /* Translators: "12 more users at 38 each" */
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more user at %g each",
                                             "%u more users at %g each", extra),
                                extra, money[i].unit_price)
             /* Translators: "6 more assets at 45 each" */
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more asset at %g each",
                                             "%u more assets at %g each", extra), extra,
                                isnan (money[i].unit_price) ? 0 : money[i].unit_price);
      set_money (monthly, i, grown, note);
      set_money (horizon, i, total (&money[i], grown, self->horizon_months), money[i].note);
    }
}

static void
compute_price_scores (CsComparison          *self,
                      const CsComparisonRow *horizon)
{
  double lowest = NAN;

  for (guint i = 0; i < self->offers->len; i++)
    if (!isnan (horizon->cells[i].value) && horizon->cells[i].value > 0
        && (isnan (lowest) || horizon->cells[i].value < lowest))
      lowest = horizon->cells[i].value;

  for (guint i = 0; i < self->offers->len; i++)
    self->price_scores[i] = isnan (lowest) || isnan (horizon->cells[i].value)
                            || horizon->cells[i].value <= 0
                            ? NAN : lowest / horizon->cells[i].value;
}

static char *
terms_note (CsComparison *self,
            const Money  *money)
{
  for (guint i = 1; i < self->offers->len; i++)
    if (!isnan (money[i].term) && !isnan (money[0].term) && money[i].term != money[0].term)
      return g_strdup (_("The initial terms differ: compare the totals over the horizon"));

  return NULL;
}

void
_cs_comparison_add_money_rows (CsComparison *self)
{
  const char *currency = cs_record_get_string (CS_RECORD (cs_store_get_project (self->store)),
                                               "currency");
  guint users = cs_record_get_int (CS_RECORD (cs_store_get_project (self->store)), "users");
  g_autofree char *horizon_label = g_strdup_printf (_("Total over %u months"),
                                                    self->horizon_months);
  CsComparisonRow *one_off = _cs_comparison_add_row (self, "money", "money.one-off",
                                                     _("One-off"), currency,
                                                     CS_COMPARE_LOWER_BETTER, CS_SECTION_TERMS);
  CsComparisonRow *monthly = _cs_comparison_add_row (self, "money", "money.monthly",
                                                     _("Recurring per month"), currency,
                                                     CS_COMPARE_LOWER_BETTER, CS_SECTION_TERMS);
  CsComparisonRow *term = _cs_comparison_add_row (self, "money", "money.total.term",
                                                  _("Total over the initial term"), currency,
                                                  CS_COMPARE_LOWER_BETTER, CS_SECTION_TERMS);
  CsComparisonRow *horizon = _cs_comparison_add_row (self, "money", "money.total.horizon",
                                                     horizon_label, currency,
                                                     CS_COMPARE_LOWER_BETTER, CS_SECTION_TERMS);
  CsComparisonRow *per_asset = _cs_comparison_add_row (self, "money", "money.per-asset",
                                                       _("Per managed asset per month"),
                                                       currency, CS_COMPARE_LOWER_BETTER,
                                                       CS_SECTION_TERMS);
  CsComparisonRow *per_user = _cs_comparison_add_row (self, "money", "money.per-user",
                                                      _("Per user per month"), currency,
                                                      CS_COMPARE_LOWER_BETTER,
                                                      CS_SECTION_TERMS);
  g_autofree Money *money = g_new0 (Money, MAX (self->offers->len, 1));
  g_autofree char *term_note = NULL;

  for (guint i = 0; i < self->offers->len; i++)
    read_money (self, i, &money[i]);

  set_perimeter_note (self, one_off);
  set_perimeter_note (self, monthly);
  set_perimeter_note (self, horizon);
  term_note = terms_note (self, money);
  if (self->perimeter_note != NULL || term_note != NULL)
    term->not_comparable = g_strjoin ("; ", term_note != NULL ? term_note : self->perimeter_note,
                                      term_note != NULL ? self->perimeter_note : NULL, NULL);
  if (users == 0)
    per_user->not_comparable = g_strdup (_("The project’s number of users is not set"));
  else
    set_perimeter_note (self, per_user);

  for (guint i = 0; i < self->offers->len; i++)
    {
      CsRecord *offer = g_ptr_array_index (self->offers, i);
      const CsCoverageCounts *c = &self->coverage[i];
      const char *period = cs_record_get_string (offer, "price_period");
      double stated = cs_record_get_number (offer, "price_recurring");

      if (!isnan (cs_record_get_number (offer, "price_one_off")))
        set_money (one_off, i, money[i].one_off, NULL);
      if (!isnan (money[i].monthly))
        {
          if (g_strcmp0 (period, "month") == 0)
            _cs_comparison_set_cell (monthly, i, money[i].monthly, "%.0f", money[i].monthly);
          else
            /* Translators: a recurring price stated per quarter or year: "19800 per quarter" */
            _cs_comparison_set_cell (monthly, i, money[i].monthly, _("%.0f per %s"), stated,
                                     g_strcmp0 (period, "year") == 0 ? _("year") : _("quarter"));
        }
      if (!isnan (money[i].term))
        set_money (term, i, total (&money[i], money[i].monthly, (guint) money[i].term),
                   money[i].note);
      set_money (horizon, i, total (&money[i], money[i].monthly, self->horizon_months),
                 money[i].note);
      if (c->n_managed + c->n_partial > 0 && !isnan (money[i].monthly))
        _cs_comparison_set_cell (per_asset, i, money[i].monthly / (c->n_managed + c->n_partial),
                                 "%.2f", money[i].monthly / (c->n_managed + c->n_partial));
      if (users > 0 && !isnan (money[i].monthly))
        _cs_comparison_set_cell (per_user, i, money[i].monthly / users, "%.2f",
                                 money[i].monthly / users);
    }

  add_growth_rows (self, money, currency);
  compute_price_scores (self, horizon);

  for (guint i = 0; i < self->offers->len; i++)
    g_free (money[i].note);
}
