/* cs-comparison-rows.c
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
#include "cs-store-compare.h"

#include <math.h>
#include <string.h>

/*
 * The rows of a comparison, section by section. Each reads the offer's records (or the
 * section computations of cs-sections.c) and states one figure per offer, normalised.
 */

static GPtrArray *
list_records (CsStore *store,
              GType    type,
              gint64   parent_id)
{
  GListModel *list = cs_store_list (store, type, parent_id);
  guint n = g_list_model_get_n_items (list);
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));

  return records;
}

static gint64
offer_id (CsComparison *self,
          guint         index)
{
  return cs_record_get_id (g_ptr_array_index (self->offers, index));
}

/* "yes" / "no" / "unknown" choices: yes is 1, no is 0, unknown has no value. */
static void
set_yes_no (CsComparisonRow *row,
            guint            index,
            const char      *choice)
{
  row->coded = TRUE;
  if (g_strcmp0 (choice, "yes") == 0)
    _cs_comparison_set_cell (row, index, 1, "%s", _("yes"));
  else if (g_strcmp0 (choice, "no") == 0)
    _cs_comparison_set_cell (row, index, 0, "%s", _("no"));
}

static void
set_number (CsComparisonRow *row,
            guint            index,
            double           value,
            const char      *unit)
{
  if (isnan (value))
    return;
  if (unit == NULL || *unit == '\0')
    _cs_comparison_set_cell (row, index, value, "%g", value);
  else
    _cs_comparison_set_cell (row, index, value, "%g %s", value, unit);
}

static char *
format_hours (double minutes)
{
  if (isinf (minutes))
    return g_strdup (_("never"));
  /* Translators: a duration in hours, "66.5 h" */
  return g_strdup_printf (_("%.1f h"), minutes / 60.0);
}

/* Perimeter */

/* The critical assets an offer leaves not addressed and excluded: the store's counts, one
 * query per offer over its partial and excluded coverage rows, never one per asset. */
static void
count_critical (CsComparison *self,
                guint         index,
                guint        *out_not_addressed,
                guint        *out_excluded)
{
  const CsCoverageCounts *c = &self->coverage[index];
  guint partial = 0;
  guint excluded = 0;
  guint accounted;

  if (!cs_store_count_critical_coverage (self->store, offer_id (self, index), &partial,
                                         &excluded, NULL))
    g_warning ("Could not count the critical assets of an offer");

  accounted = c->n_critical_managed + partial + excluded;
  *out_not_addressed = c->n_critical > accounted ? c->n_critical - accounted : 0;
  *out_excluded = excluded;
}

static void
compute_perimeter_note (CsComparison *self)
{
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean differ = FALSE;

  for (guint i = 1; i < self->offers->len; i++)
    if (self->coverage[i].n_managed + self->coverage[i].n_partial
        != self->coverage[0].n_managed + self->coverage[0].n_partial)
      differ = TRUE;

  if (!differ)
    return;

  for (guint i = 0; i < self->offers->len; i++)
    {
      const CsCoverageCounts *c = &self->coverage[i];
      guint critical_not_addressed = 0;
      guint critical_excluded = 0;

      if (c->n_not_addressed == 0 && c->n_excluded == 0)
        continue;
      count_critical (self, i, &critical_not_addressed, &critical_excluded);
      if (c->n_not_addressed > 0)
        {
          if (note->len > 0)
            g_string_append (note, "; ");
          /* Translators: "Offer B leaves 12 assets not addressed, 3 of them critical" */
          g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                     "%s leaves %u asset not addressed, %u of them critical",
                                                     "%s leaves %u assets not addressed, %u of them critical",
                                                     c->n_not_addressed),
                                  _cs_comparison_offer_name (self, i), c->n_not_addressed,
                                  critical_not_addressed);
        }
      if (c->n_excluded > 0)
        {
          if (note->len > 0)
            g_string_append (note, "; ");
          /* Translators: "Offer B excludes 4 assets, 1 of them critical" */
          g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                     "%s excludes %u asset, %u of them critical",
                                                     "%s excludes %u assets, %u of them critical",
                                                     c->n_excluded),
                                  _cs_comparison_offer_name (self, i), c->n_excluded,
                                  critical_excluded);
        }
    }

  if (note->len == 0)
    g_string_append (note, _("The offers manage different numbers of assets"));
  self->perimeter_note = g_string_free (g_steal_pointer (&note), FALSE);
}

void
_cs_comparison_add_perimeter_rows (CsComparison *self)
{
  CsComparisonRow *managed = _cs_comparison_add_row (self, "perimeter", "perimeter.managed",
                                                     _("Assets managed, fully or partly"), "",
                                                     CS_COMPARE_HIGHER_BETTER,
                                                     CS_SECTION_PERIMETER);
  CsComparisonRow *partial = _cs_comparison_add_row (self, "perimeter", "perimeter.partial",
                                                     _("Of which partly managed"), "",
                                                     CS_COMPARE_NONE, CS_SECTION_PERIMETER);
  CsComparisonRow *excluded = _cs_comparison_add_row (self, "perimeter", "perimeter.excluded",
                                                      _("Assets excluded"), "",
                                                      CS_COMPARE_LOWER_BETTER,
                                                      CS_SECTION_PERIMETER);
  CsComparisonRow *missing = _cs_comparison_add_row (self, "perimeter",
                                                     "perimeter.not-addressed",
                                                     _("Assets not addressed"), "",
                                                     CS_COMPARE_LOWER_BETTER,
                                                     CS_SECTION_PERIMETER);
  CsComparisonRow *critical = _cs_comparison_add_row (self, "perimeter",
                                                      "perimeter.critical-unmanaged",
                                                      _("Critical assets not managed"), "",
                                                      CS_COMPARE_LOWER_BETTER,
                                                      CS_SECTION_PERIMETER);

  for (guint i = 0; i < self->offers->len; i++)
    {
      const CsCoverageCounts *c = &self->coverage[i];
      guint unmanaged = c->n_critical - MIN (c->n_critical_managed, c->n_critical);

      /* Translators: "59 of 60" assets */
      _cs_comparison_set_cell (managed, i, c->n_managed + c->n_partial, _("%u of %u"),
                               c->n_managed + c->n_partial, c->n_assets);
      _cs_comparison_set_cell (partial, i, c->n_partial, "%u", c->n_partial);
      _cs_comparison_set_cell (excluded, i, c->n_excluded, "%u", c->n_excluded);
      _cs_comparison_set_cell (missing, i, c->n_not_addressed, "%u", c->n_not_addressed);
      _cs_comparison_set_cell (critical, i, unmanaged, "%u", unmanaged);
      critical->cells[i].knock_out = unmanaged > 0;
    }

  compute_perimeter_note (self);
}

/* Exclusions */

void
_cs_comparison_add_exclusion_rows (CsComparison *self)
{
  CsComparisonRow *decided = _cs_comparison_add_row (self, "exclusions", "exclusions.decided",
                                                     _("Exclusions decided"), "%",
                                                     CS_COMPARE_HIGHER_BETTER,
                                                     CS_SECTION_EXCLUSIONS);
  CsComparisonRow *excluded = _cs_comparison_add_row (self, "exclusions", "exclusions.excluded",
                                                      _("Excluded"), "", CS_COMPARE_NONE,
                                                      CS_SECTION_EXCLUSIONS);
  CsComparisonRow *priced = _cs_comparison_add_row (self, "exclusions", "exclusions.priced",
                                                    _("Excluded work priced"), "%",
                                                    CS_COMPARE_HIGHER_BETTER,
                                                    CS_SECTION_EXCLUSIONS);
  CsComparisonRow *list = _cs_comparison_add_row (self, "exclusions", "exclusions.list",
                                                  _("What is excluded"), "", CS_COMPARE_NONE,
                                                  CS_SECTION_EXCLUSIONS);

  for (guint i = 0; i < self->offers->len; i++)
    {
      g_autoptr(GPtrArray) records = list_records (self->store, CS_TYPE_EXCLUSION,
                                                   offer_id (self, i));
      g_autoptr(GString) names = g_string_new (NULL);
      guint n_decided = 0;
      guint n_excluded = 0;
      guint n_priced = 0;

      for (guint j = 0; j < records->len; j++)
        {
          CsRecord *record = g_ptr_array_index (records, j);
          const char *decision = cs_record_get_string (record, "decision");
          const char *label = cs_record_get_string (record, "label");

          if (!g_str_equal (decision, "not_stated"))
            n_decided++;
          if (!g_str_equal (decision, "excluded"))
            continue;
          n_excluded++;
          if (!isnan (cs_record_get_number (record, "price")))
            n_priced++;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, *label != '\0' ? label
                                                 : cs_record_get_string (record, "category"));
        }

      if (records->len > 0)
        /* Translators: "5 of 7" exclusions decided */
        _cs_comparison_set_cell (decided, i, 100.0 * n_decided / records->len, _("%u of %u"),
                                 n_decided, records->len);
      _cs_comparison_set_cell (excluded, i, n_excluded, "%u", n_excluded);
      if (n_excluded > 0)
        _cs_comparison_set_cell (priced, i, 100.0 * n_priced / n_excluded, _("%u of %u"),
                                 n_priced, n_excluded);
      _cs_comparison_set_cell (list, i, NAN, "%s", names->len > 0 ? names->str : "—");
    }
}

/* SLA */

static char *
describe_target (CsRecord   *target,
                 const char *prefix)
{
  g_autofree char *value_column = g_strconcat (prefix, "_value", NULL);
  g_autofree char *unit_column = g_strconcat (prefix, "_unit", NULL);
  g_autofree char *clock_column = g_strconcat (prefix, "_clock", NULL);
  double value = cs_record_get_number (target, value_column);
  const char *unit = cs_record_get_string (target, unit_column);
  gboolean business = g_strcmp0 (cs_record_get_string (target, clock_column), "business") == 0;
  const char *clock = business ? _("business time") : _("calendar time");

  if (isnan (value))
    return NULL;
  if (g_strcmp0 (unit, "minutes") == 0)
    /* Translators: an SLA target as stated: "30 min, business time" */
    return g_strdup_printf (_("%g min, %s"), value, clock);
  if (g_strcmp0 (unit, "days") == 0)
    /* Translators: an SLA target as stated: "2 days, business time" */
    return g_strdup_printf (_("%g d, %s"), value, clock);
  /* Translators: an SLA target as stated: "4 h, business time" */
  return g_strdup_printf (_("%g h, %s"), value, clock);
}

static gboolean
business_clock (CsRecord   *target,
                const char *prefix)
{
  g_autofree char *clock_column = g_strconcat (prefix, "_clock", NULL);

  return g_strcmp0 (cs_record_get_string (target, clock_column), "business") == 0;
}

static void
add_sla_target_rows (CsComparison  *self,
                     CsSlaReport  **reports,
                     int            priority,
                     const char    *prefix,
                     const char    *what)
{
  g_autofree char *stated_id = g_strdup_printf ("sla.p%d.%s.stated", priority, prefix);
  g_autofree char *worst_id = g_strdup_printf ("sla.p%d.%s.worst", priority, prefix);
  /* Translators: "P1 resolution, as stated" */
  g_autofree char *stated_label = g_strdup_printf (_("P%d %s, as stated"), priority, what);
  /* Translators: "P1 resolution, worst case": the longest wall-clock time a ticket may wait */
  g_autofree char *worst_label = g_strdup_printf (_("P%d %s, worst case"), priority, what);
  CsComparisonRow *stated = _cs_comparison_add_row (self, "sla", stated_id, stated_label, "",
                                                    CS_COMPARE_NONE, CS_SECTION_SLA);
  CsComparisonRow *worst = _cs_comparison_add_row (self, "sla", worst_id, worst_label, _("h"),
                                                   CS_COMPARE_LOWER_BETTER, CS_SECTION_SLA);

  for (guint i = 0; i < self->offers->len; i++)
    {
      CsSlaReport *report = reports[i];

      if (report == NULL)
        continue;

      for (guint t = 0; t < report->targets->len; t++)
        {
          CsSlaTargetReport *target = g_ptr_array_index (report->targets, t);
          CsRecord *record = CS_RECORD (target->target);
          const CsSlaTime *time = g_str_equal (prefix, "response") ? &target->response
                                                                   : &target->resolution;
          g_autofree char *text = NULL;
          g_autofree char *worst_text = NULL;

          if (!g_str_equal (cs_record_get_string (record, "kind"), "incident")
              || cs_record_get_int (record, "priority") != priority)
            continue;

          text = describe_target (record, prefix);
          if (text == NULL)
            break;
          _cs_comparison_set_cell (stated, i, time->stated_minutes / 60.0, "%s", text);

          worst_text = format_hours (time->worst.wall_minutes);
          _cs_comparison_set_cell (worst, i, time->worst.wall_minutes / 60.0, "%s", worst_text);
          if (!time->business && business_clock (record, prefix))
            _cs_comparison_set_note (worst, i, _("Counted around the clock: on-call for P1"));
          else if (!time->business)
            _cs_comparison_set_note (worst, i, _("Calendar time: the same at any hour"));
          else
            _cs_comparison_set_note (worst, i, report->window_text);
          break;
        }
    }
}

static void
add_availability_rows (CsComparison  *self,
                       CsSlaReport  **reports)
{
  CsComparisonRow *target = _cs_comparison_add_row (self, "sla", "sla.availability",
                                                    _("Availability"), "%",
                                                    CS_COMPARE_HIGHER_BETTER, CS_SECTION_SLA);
  CsComparisonRow *period = _cs_comparison_add_row (self, "sla", "sla.availability.period",
                                                    _("Availability measured over"), "",
                                                    CS_COMPARE_NONE, CS_SECTION_SLA);
  CsComparisonRow *downtime = _cs_comparison_add_row (self, "sla", "sla.availability.downtime",
                                                      _("Downtime allowed per 30 days"),
                                                      _("min"), CS_COMPARE_LOWER_BETTER,
                                                      CS_SECTION_SLA);
  double first_period = NAN;
  gboolean periods_differ = FALSE;

  for (guint i = 0; i < self->offers->len; i++)
    {
      CsSlaReport *report = reports[i];
      double availability;

      if (report == NULL)
        continue;

      availability = cs_record_get_number (CS_RECORD (report->terms), "availability_target");
      if (!isnan (availability))
        _cs_comparison_set_cell (target, i, availability, "%g %%", availability);
      if (*cs_record_get_string (CS_RECORD (report->terms), "availability_period") != '\0')
        _cs_comparison_set_cell (period, i, report->period_days, "%s",
                                 cs_record_get_string (CS_RECORD (report->terms),
                                                       "availability_period"));
      if (!isnan (report->allowed_downtime_minutes) && report->period_days > 0)
        {
          /* Translators: downtime an availability target allows: "43 min per 30 days" */
          _cs_comparison_set_cell (downtime, i,
                                   report->allowed_downtime_minutes / report->period_days * 30,
                                   _("%.0f min per %g days"), report->allowed_downtime_minutes,
                                   report->period_days);
          if (isnan (first_period))
            first_period = report->period_days;
          else if (first_period != report->period_days)
            periods_differ = TRUE;
        }
      else if (!isnan (availability))
        _cs_comparison_set_note (downtime, i, _("No measurement period: the downtime allowed is unknown"));
    }

  if (periods_differ)
    downtime->not_comparable = g_strdup (_("The offers measure availability over different periods: a longer period allows longer outages at once"));
}

void
_cs_comparison_add_sla_rows (CsComparison *self)
{
  g_autofree CsSlaReport **reports = g_new0 (CsSlaReport *, MAX (self->offers->len, 1));
  CsComparisonRow *window = _cs_comparison_add_row (self, "sla", "sla.window",
                                                    _("Coverage window"), "", CS_COMPARE_NONE,
                                                    CS_SECTION_SLA);
  CsComparisonRow *oncall = _cs_comparison_add_row (self, "sla", "sla.oncall",
                                                    _("On-call for P1"), "",
                                                    CS_COMPARE_HIGHER_BETTER, CS_SECTION_SLA);

  for (guint i = 0; i < self->offers->len; i++)
    {
      if (cs_store_get_section (self->store, CS_TYPE_SLA_TERMS, offer_id (self, i)) == NULL)
        continue;
      reports[i] = cs_sla_report_new (self->store, offer_id (self, i), self->year);
      _cs_comparison_set_cell (window, i, reports[i]->week_minutes / 60.0, "%s",
                               reports[i]->window_text != NULL ? reports[i]->window_text : "—");
      set_yes_no (oncall, i, cs_record_get_string (CS_RECORD (reports[i]->terms), "oncall_p1"));
    }

  for (int priority = 1; priority <= 4; priority++)
    {
      add_sla_target_rows (self, reports, priority, "response", _("response"));
      add_sla_target_rows (self, reports, priority, "resolution", _("resolution"));
    }
  add_availability_rows (self, reports);

  for (guint i = 0; i < self->offers->len; i++)
    g_clear_pointer (&reports[i], cs_sla_report_free);
}

/* Backup: with several policies, the weakest figure of any of them. */

static double
worst_of (double    current,
          double    value,
          gboolean  higher_is_worse)
{
  if (isnan (value))
    return current;
  if (isnan (current))
    return value;
  return higher_is_worse ? MAX (current, value) : MIN (current, value);
}

void
_cs_comparison_add_backup_rows (CsComparison *self)
{
  CsComparisonRow *rpo = _cs_comparison_add_row (self, "backup", "backup.rpo", _("RPO"), _("h"),
                                                 CS_COMPARE_LOWER_BETTER, CS_SECTION_BACKUP);
  CsComparisonRow *rto = _cs_comparison_add_row (self, "backup", "backup.rto", _("RTO"), _("h"),
                                                 CS_COMPARE_LOWER_BETTER, CS_SECTION_BACKUP);
  CsComparisonRow *retention = _cs_comparison_add_row (self, "backup", "backup.retention",
                                                       _("Retention"), _("days"),
                                                       CS_COMPARE_HIGHER_BETTER,
                                                       CS_SECTION_BACKUP);
  CsComparisonRow *tests = _cs_comparison_add_row (self, "backup", "backup.restore-test",
                                                   _("Restore test every"), _("months"),
                                                   CS_COMPARE_LOWER_BETTER, CS_SECTION_BACKUP);
  CsComparisonRow *offline = _cs_comparison_add_row (self, "backup", "backup.offline",
                                                     _("Offline copy"), "",
                                                     CS_COMPARE_HIGHER_BETTER,
                                                     CS_SECTION_BACKUP);

  for (guint i = 0; i < self->offers->len; i++)
    {
      g_autoptr(GPtrArray) policies = list_records (self->store, CS_TYPE_BACKUP_POLICY,
                                                    offer_id (self, i));
      double worst_rpo = NAN, worst_rto = NAN, worst_retention = NAN, worst_test = NAN;
      const char *offline_state = policies->len > 0 ? "yes" : NULL;
      g_autofree char *note = NULL;

      for (guint p = 0; p < policies->len; p++)
        {
          CsRecord *policy = g_ptr_array_index (policies, p);
          const char *copy = cs_record_get_string (policy, "offline_copy");

          worst_rpo = worst_of (worst_rpo, cs_record_get_number (policy, "rpo_hours"), TRUE);
          worst_rto = worst_of (worst_rto, cs_record_get_number (policy, "rto_hours"), TRUE);
          worst_retention = worst_of (worst_retention,
                                      cs_record_get_number (policy, "retention_days"), FALSE);
          worst_test = worst_of (worst_test,
                                 cs_record_get_number (policy, "restore_test_months"), TRUE);
          if (g_str_equal (copy, "no"))
            offline_state = "no";
          else if (g_str_equal (copy, "unknown") && g_strcmp0 (offline_state, "yes") == 0)
            offline_state = "unknown";
        }

      set_number (rpo, i, worst_rpo, _("h"));
      set_number (rto, i, worst_rto, _("h"));
      set_number (retention, i, worst_retention, _("days"));
      set_number (tests, i, worst_test, _("months"));
      set_yes_no (offline, i, offline_state);
      if (policies->len == 0)
        _cs_comparison_set_cell (rpo, i, NAN, "%s", _("no backup policy"));

      if (policies->len > 1)
        {
          /* Translators: a note on backup figures of an offer with several policies */
          note = g_strdup_printf (_("The weakest of %u policies"), policies->len);
          _cs_comparison_set_note (rpo, i, note);
          _cs_comparison_set_note (rto, i, note);
          _cs_comparison_set_note (retention, i, note);
          _cs_comparison_set_note (tests, i, note);
        }
    }
}

/* Security: one row per control any offer states, in order of first appearance. */

void
_cs_comparison_add_security_rows (CsComparison *self)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) per_offer = NULL;

  per_offer = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < self->offers->len; i++)
    {
      GPtrArray *records = list_records (self->store, CS_TYPE_SECURITY_CONTROL,
                                         offer_id (self, i));

      g_ptr_array_add (per_offer, records);
      for (guint j = 0; j < records->len; j++)
        {
          const char *control = cs_record_get_string (g_ptr_array_index (records, j), "control");

          if (!g_ptr_array_find_with_equal_func (controls, control, g_str_equal, NULL))
            g_ptr_array_add (controls, g_strdup (control));
        }
    }

  for (guint c = 0; c < controls->len; c++)
    {
      const char *control = g_ptr_array_index (controls, c);
      g_autofree char *id = g_strdup_printf ("security.%s", control);
      CsComparisonRow *row = _cs_comparison_add_row (self, "security", id,
                                                     cs_security_control_get_label (control), "",
                                                     CS_COMPARE_HIGHER_BETTER,
                                                     CS_SECTION_SECURITY);

      for (guint i = 0; i < self->offers->len; i++)
        {
          GPtrArray *records = g_ptr_array_index (per_offer, i);
          const char *status = "not_stated";

          row->coded = TRUE;

          for (guint j = 0; j < records->len; j++)
            if (g_str_equal (cs_record_get_string (g_ptr_array_index (records, j), "control"),
                             control))
              status = cs_record_get_string (g_ptr_array_index (records, j), "status");

          if (g_str_equal (status, "committed"))
            _cs_comparison_set_cell (row, i, 1, "%s", _("committed"));
          else if (g_str_equal (status, "partial"))
            _cs_comparison_set_cell (row, i, 0.5, "%s", _("partly"));
          else if (g_str_equal (status, "absent"))
            _cs_comparison_set_cell (row, i, 0, "%s", _("not committed"));
          else if (g_str_equal (status, "not_applicable"))
            _cs_comparison_set_cell (row, i, NAN, "%s", _("not applicable"));
          else
            _cs_comparison_set_cell (row, i, 0, "%s", _("not stated"));
        }
    }
}

/* Subcontracting */

void
_cs_comparison_add_subcontracting_rows (CsComparison *self)
{
  CsComparisonRow *allowed = _cs_comparison_add_row (self, "subcontracting",
                                                     "subcontracting.allowed",
                                                     _("Subcontracting allowed"), "",
                                                     CS_COMPARE_NONE,
                                                     CS_SECTION_SUBCONTRACTING);
  CsComparisonRow *object = _cs_comparison_add_row (self, "subcontracting",
                                                    "subcontracting.right-to-object",
                                                    _("Right to object to a new subcontractor"),
                                                    "", CS_COMPARE_HIGHER_BETTER,
                                                    CS_SECTION_SUBCONTRACTING);
  CsComparisonRow *names = _cs_comparison_add_row (self, "subcontracting",
                                                   "subcontracting.subcontractors",
                                                   _("Subcontractors"), "", CS_COMPARE_NONE,
                                                   CS_SECTION_SUBCONTRACTING);
  CsComparisonRow *countries = _cs_comparison_add_row (self, "subcontracting",
                                                       "subcontracting.countries",
                                                       _("Countries"), "", CS_COMPARE_NONE,
                                                       CS_SECTION_SUBCONTRACTING);

  for (guint i = 0; i < self->offers->len; i++)
    {
      CsRecord *terms = cs_store_get_section (self->store, CS_TYPE_SUBCONTRACTING,
                                              offer_id (self, i));
      g_autoptr(GPtrArray) records = list_records (self->store, CS_TYPE_SUBCONTRACTOR,
                                                   offer_id (self, i));
      g_autoptr(GString) who = g_string_new (NULL);
      g_autoptr(GPtrArray) where = g_ptr_array_new ();
      g_autofree char *country_text = NULL;

      if (terms != NULL)
        {
          set_yes_no (allowed, i, cs_record_get_string (terms, "allowed"));
          set_yes_no (object, i, cs_record_get_string (terms, "right_to_object"));
        }

      for (guint j = 0; j < records->len; j++)
        {
          CsRecord *record = g_ptr_array_index (records, j);
          const char *country = cs_record_get_string (record, "country");
          const char *service = cs_record_get_string (record, "service");

          if (who->len > 0)
            g_string_append (who, ", ");
          g_string_append (who, cs_record_get_string (record, "name"));
          if (*service != '\0')
            g_string_append_printf (who, " (%s)", service);
          if (*country != '\0'
              && !g_ptr_array_find_with_equal_func (where, country, g_str_equal, NULL))
            g_ptr_array_add (where, (gpointer) country);
        }

      _cs_comparison_set_cell (names, i, records->len, "%s", who->len > 0 ? who->str : "—");
      g_ptr_array_add (where, NULL);
      country_text = g_strjoinv (", ", (char **) where->pdata);
      _cs_comparison_set_cell (countries, i, where->len - 1, "%s",
                               *country_text != '\0' ? country_text : "—");
    }
}
