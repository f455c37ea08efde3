/* cs-checklist-checks.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-checklist"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-checklist-private.h"

#include "cs-autocleanups-private.h"
#include "cs-perimeter.h"
#include "cs-values.h"

#include <math.h>
#include <string.h>

/* The checks of the checklist engine: the generic kinds (presence, number, list, choice,
 * control, deliverable) and the cross-checks the packs name. Thresholds are data of the
 * pack (see Threshold); a cross-check reads the section computations of cs-sections.c (the
 * worst-case wall-clock SLA under the coverage window, the RACI matrix) rather than redoing
 * them, and durations written in text go through cs-duration.c. */

/* Assets of criticality 1 are the critical ones (1 = most critical, 4 = least). */
#define CRITICAL_LEVEL 1

/* Helpers: reading the offer */

/* The offer's records of @type: its section record, or its list. Borrowed from the store. */
GPtrArray *
_cs_check_get_records (Ctx   *ctx,
             GType  type)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  if (entity->one_per_parent)
    {
      CsRecord *record = cs_store_get_section (ctx->store, type, ctx->offer_id);

      if (record != NULL)
        g_ptr_array_add (records, g_object_ref (record));
    }
  else
    {
      GListModel *list = cs_store_list (ctx->store, type,
                                        entity->parent != NULL ? ctx->offer_id : 0);
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (records, g_list_model_get_item (list, i));
    }

  return records;
}

gboolean
_cs_check_field_is_stated (CsRecord   *record,
                 const char *column)
{
  const CsField *field = cs_entity_find_field (cs_record_get_entity (record), column, NULL);

  switch (field->type)
    {
    case CS_FIELD_NUMBER:
      return !isnan (cs_record_get_number (record, column));
    case CS_FIELD_CHOICE:
      return g_strcmp0 (cs_record_get_string (record, column), field->choices[0]) != 0;
    case CS_FIELD_INT:
    case CS_FIELD_REF:
      return cs_record_get_int (record, column) != 0;
    case CS_FIELD_BOOLEAN:
      return cs_record_get_boolean (record, column);
    case CS_FIELD_STRING:
    case CS_FIELD_DATE:
    default:
      {
        const char *text = cs_record_get_string (record, column);

        for (; text != NULL && *text != '\0'; text++)
          if (!g_ascii_isspace (*text))
            return TRUE;
        return FALSE;
      }
    }
}

/* All records good: satisfied; some: partial; none (or no record): missing. */
CsItemStatus
_cs_check_aggregate (guint   n_good,
           guint   n_weak,
           guint   n_records,
           char  **detail)
{
  /* Keep a more precise explanation given by the caller. */
  if (n_records == 0)
    {
      if (*detail == NULL)
        *detail = g_strdup (_("Nothing is recorded for this offer yet."));
      return CS_ITEM_MISSING;
    }
  if (n_good == n_records)
    return CS_ITEM_SATISFIED;
  if (n_good + n_weak > 0)
    {
      if (*detail == NULL)
        *detail = g_strdup_printf (_("Only %u of %u records meet the item."), n_good, n_records);
      return CS_ITEM_PARTIAL;
    }
  return CS_ITEM_MISSING;
}

CsRecord *
_cs_check_find_by_key (GPtrArray  *records,
             const char *column,
             const char *key)
{
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (cs_record_get_string (records->pdata[i], column), key) == 0)
      return records->pdata[i];

  return NULL;
}

static gboolean
get_coverage (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;

  if (ctx->coverage_done)
    return TRUE;

  if (!cs_store_count_coverage (ctx->store, ctx->offer_id, CRITICAL_LEVEL, &ctx->coverage,
                                &error))
    {
      g_debug ("Counting the coverage failed: %s", error->message);
      return FALSE;
    }

  ctx->coverage_done = TRUE;
  return TRUE;
}

/* Cross-checks, named by the packs */

/* The coverage items: of the assets they count, how many the offer covers. The counts are
 * offsets in CsCoverageCounts; the inventory counts the assets the offer does not address. */
typedef enum
{
  COVERAGE_INVENTORY,
  COVERAGE_CRITICAL_MANAGED,
  COVERAGE_CRITICAL_BACKED_UP,
} CoverageItem;

static const struct
{
  gsize       n_counted;
  gsize       n_covered;    /* or, with uncovered, those not covered */
  gboolean    uncovered;
  const char *nothing_counted;
} coverage_items[] = {
  [COVERAGE_INVENTORY] = {
    G_STRUCT_OFFSET (CsCoverageCounts, n_assets),
    G_STRUCT_OFFSET (CsCoverageCounts, n_not_addressed), TRUE,
    N_("The project has no asset inventory yet."),
  },
  [COVERAGE_CRITICAL_MANAGED] = {
    G_STRUCT_OFFSET (CsCoverageCounts, n_critical),
    G_STRUCT_OFFSET (CsCoverageCounts, n_critical_managed), FALSE,
    N_("No asset of the inventory is marked critical."),
  },
  [COVERAGE_CRITICAL_BACKED_UP] = {
    G_STRUCT_OFFSET (CsCoverageCounts, n_critical),
    G_STRUCT_OFFSET (CsCoverageCounts, n_critical_backed_up), FALSE,
    N_("No asset of the inventory is marked critical."),
  },
};

/* The formats stay literal, for the compiler to check them. */
static char *
describe_not_covered (CoverageItem which,
                      guint        n_not_covered,
                      guint        n_counted)
{
  switch (which)
    {
    case COVERAGE_INVENTORY:
      return g_strdup_printf (_("%u of %u assets are not addressed by the offer."),
                              n_not_covered, n_counted);
    case COVERAGE_CRITICAL_MANAGED:
      return g_strdup_printf (_("%u of %u critical assets are not managed by the offer."),
                              n_not_covered, n_counted);
    case COVERAGE_CRITICAL_BACKED_UP:
    default:
      return g_strdup_printf (_("%u of %u critical assets are in no backup policy of the offer."),
                              n_not_covered, n_counted);
    }
}

static CsItemStatus
cross_coverage (Ctx         *ctx,
                const Item  *item,
                char       **detail)
{
  CoverageItem which = GPOINTER_TO_UINT (item->cross_data);
  const guint8 *counts = (const guint8 *) &ctx->coverage;
  guint n_counted;
  guint n_covered;

  if (!get_coverage (ctx) ||
      (n_counted = G_STRUCT_MEMBER (guint, counts, coverage_items[which].n_counted)) == 0)
    {
      *detail = g_strdup (_(coverage_items[which].nothing_counted));
      return CS_ITEM_MISSING;
    }

  n_covered = G_STRUCT_MEMBER (guint, counts, coverage_items[which].n_covered);
  if (coverage_items[which].uncovered)
    n_covered = n_counted - MIN (n_covered, n_counted);
  if (n_covered == n_counted)
    return CS_ITEM_SATISFIED;

  *detail = describe_not_covered (which, n_counted - n_covered, n_counted);
  return n_covered > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

/* No exclusion removes a core obligation, with the detector of the Exclusions page. */
static CsItemStatus
cross_exclusions_keep_core (Ctx         *ctx,
                            const Item  *item,
                            char       **detail)
{
  g_autoptr(GPtrArray) records = _cs_check_get_records (ctx, CS_TYPE_EXCLUSION);
  guint n_excluded = 0;

  for (guint i = 0; i < records->len; i++)
    {
      CsRecord *record = records->pdata[i];
      CsCoreObligation hollowed = CS_CORE_OBLIGATION_NONE;

      if (g_strcmp0 (cs_record_get_string (record, "decision"), "excluded") != 0)
        continue;

      n_excluded++;
      hollowed = cs_exclusion_get_hollowed_obligations (CS_EXCLUSION (record));
      if (hollowed != CS_CORE_OBLIGATION_NONE)
        {
          g_autofree char *what = cs_core_obligations_to_string (hollowed);
          const char *label = cs_record_get_string (record, "label");

          if (label == NULL || *label == '\0')
            label = cs_exclusion_category_get_label (cs_record_get_string (record, "category"));
          *detail = g_strdup_printf (_("The exclusion “%s” removes a core obligation: %s."),
                                     label, what);
          return CS_ITEM_MISSING;
        }
    }

  if (n_excluded == 0)
    {
      *detail = g_strdup (_("No exclusion is recorded, so this cannot be checked yet."));
      return CS_ITEM_PARTIAL;
    }

  return CS_ITEM_SATISFIED;
}

gboolean
_cs_check_roles_contain (CsRecord   *record,
               const char *role)
{
  const char *roles = cs_record_get_string (record, "roles");

  return roles != NULL && strstr (roles, role) != NULL;
}

/* Over every activity of the project (or of @area), how many have exactly one Accountable
 * (or, with @r_or_a, a Responsible or Accountable party). An activity without any cell has no
 * owner: deleting its cells does not take it out of the count. */
static CsItemStatus
raci_check (Ctx         *ctx,
            const char  *area,
            gboolean     r_or_a,
            char       **detail)
{
  g_autoptr(GPtrArray) cells = _cs_check_get_records (ctx, CS_TYPE_RESPONSIBILITY);
  g_autoptr(GPtrArray) activities = _cs_check_get_records (ctx, CS_TYPE_ACTIVITY);
  g_autoptr(GString) lacking = g_string_new (NULL);
  g_autoptr(GString) several = g_string_new (NULL);
  guint n_considered = 0, n_ok = 0;

  if (cells->len == 0)
    {
      *detail = g_strdup (_("No responsibility is recorded for this offer yet."));
      return CS_ITEM_MISSING;
    }

  for (guint a = 0; a < activities->len; a++)
    {
      CsRecord *activity = activities->pdata[a];
      const char *activity_area = cs_record_get_string (activity, "area");
      gint64 id = cs_record_get_id (activity);
      guint n_accountable = 0, n_owner = 0;

      if (area != NULL && g_strcmp0 (activity_area, area) != 0
          && !(g_str_equal (area, "security") && g_strcmp0 (activity_area, "backup") == 0))
        continue;

      for (guint i = 0; i < cells->len; i++)
        {
          CsRecord *cell = cells->pdata[i];

          if (cs_record_get_int (cell, "activity_id") != id)
            continue;
          n_accountable += _cs_check_roles_contain (cell, "A");
          n_owner += _cs_check_roles_contain (cell, "A") || _cs_check_roles_contain (cell, "R");
        }

      n_considered++;
      if (r_or_a ? n_owner > 0 : n_accountable == 1)
        n_ok++;
      else
        g_string_append_printf (n_accountable > 1 ? several : lacking, "%s%s",
                                (n_accountable > 1 ? several : lacking)->len > 0 ? ", " : "",
                                cs_record_get_string (activity, "name"));
    }

  if (n_considered > 0 && n_ok == n_considered)
    return CS_ITEM_SATISFIED;

  if (lacking->len > 0)
    *detail = g_strdup_printf (r_or_a ? _("No owner for: %s.") : _("No accountable party for: %s."),
                               lacking->str);
  else if (several->len > 0)
    *detail = g_strdup_printf (_("Several accountable parties for: %s."), several->str);
  else
    *detail = g_strdup (_("The responsibility matrix has no activity."));
  return n_ok > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

/* The RACI items: over all the activities, exactly one Accountable; over security, an owner. */
typedef struct
{
  const char *area;
  gboolean    r_or_a;
} RaciItem;

static const RaciItem raci_accountable = { NULL, FALSE };
static const RaciItem raci_security_owned = { "security", TRUE };

static CsItemStatus
cross_raci (Ctx         *ctx,
            const Item  *item,
            char       **detail)
{
  const RaciItem *raci = item->cross_data;

  return raci_check (ctx, raci->area, raci->r_or_a, detail);
}

static CsItemStatus
cross_backup_owned_by_provider (Ctx         *ctx,
                                const Item  *item,
                                char       **detail)
{
  g_autoptr(GPtrArray) cells = _cs_check_get_records (ctx, CS_TYPE_RESPONSIBILITY);
  g_autoptr(GPtrArray) activities = _cs_check_get_records (ctx, CS_TYPE_ACTIVITY);
  gboolean provider = FALSE, client = FALSE;

  for (guint i = 0; i < cells->len; i++)
    {
      CsRecord *cell = cells->pdata[i];
      CsRecord *activity = cs_store_find (ctx->store, CS_TYPE_ACTIVITY,
                                          cs_record_get_int (cell, "activity_id"));
      CsRecord *party = cs_store_find (ctx->store, CS_TYPE_PARTY,
                                       cs_record_get_int (cell, "party_id"));
      const char *key = activity != NULL ? cs_record_get_string (activity, "key") : NULL;
      const char *kind = party != NULL ? cs_record_get_string (party, "kind") : NULL;

      if (g_strcmp0 (key, "restore") != 0 && g_strcmp0 (key, "backup-monitoring") != 0)
        continue;
      if (!_cs_check_roles_contain (cell, "A") && !_cs_check_roles_contain (cell, "R"))
        continue;
      if (g_strcmp0 (kind, "provider") == 0 || g_strcmp0 (kind, "subcontractor") == 0)
        provider = TRUE;
      else if (g_strcmp0 (kind, "client") == 0 && _cs_check_roles_contain (cell, "A"))
        client = TRUE;
    }

  if (provider && !client)
    return CS_ITEM_SATISFIED;
  if (client)
    {
      *detail = g_strdup (_("The client is accountable for backup or restore."));
      return CS_ITEM_MISSING;
    }

  *detail = g_strdup (_("No party owns backup monitoring and restores in the responsibility matrix."));
  return CS_ITEM_MISSING;
}

void
_cs_check_get_incident_targets (Ctx       *ctx,
                      GPtrArray *out)
{
  g_autoptr(GPtrArray) targets = _cs_check_get_records (ctx, CS_TYPE_SLA_TARGET);

  for (guint i = 0; i < targets->len; i++)
    if (g_strcmp0 (cs_record_get_string (targets->pdata[i], "kind"), "incident") == 0)
      g_ptr_array_add (out, g_object_ref (targets->pdata[i]));
}

static CsItemStatus
targets_stated (Ctx         *ctx,
                const char  *column,
                char       **detail)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_ok = 0;

  _cs_check_get_incident_targets (ctx, targets);
  for (guint i = 0; i < targets->len; i++)
    if (!isnan (cs_record_get_number (targets->pdata[i], column)))
      n_ok++;

  if (targets->len > 0 && n_ok == targets->len)
    return CS_ITEM_SATISFIED;

  return _cs_check_aggregate (n_ok, 0, targets->len, detail);
}

static CsItemStatus
cross_sla_priorities_defined (Ctx         *ctx,
                              const Item  *item,
                              char       **detail)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_defined = 0;

  _cs_check_get_incident_targets (ctx, targets);
  for (guint i = 0; i < targets->len; i++)
    if (_cs_check_field_is_stated (targets->pdata[i], "definition"))
      n_defined++;

  if (targets->len >= 2 && n_defined == targets->len)
    return CS_ITEM_SATISFIED;
  if (targets->len == 0)
    {
      *detail = g_strdup (_("No incident priority is defined."));
      return CS_ITEM_MISSING;
    }

  *detail = g_strdup_printf (_("%u of %u priorities have a definition."), n_defined, targets->len);
  return n_defined > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

/* Every incident priority states the column the item names (its table row's data). */
static CsItemStatus
cross_targets_stated (Ctx         *ctx,
                      const Item  *item,
                      char       **detail)
{
  return targets_stated (ctx, item->cross_data, detail);
}

CsSlaReport *
_cs_check_get_sla (Ctx *ctx)
{
  if (ctx->sla == NULL)
    ctx->sla = _cs_sla_report_compute (ctx->store, ctx->offer_id, ctx->year);

  return ctx->sla;
}

/* P1 ≤ P2 ≤ P3 ≤ P4 for response and resolution, in worst-case wall-clock time under the
 * coverage window (on-call for P1 and public holidays included), as the SLA page shows it:
 * "4 business hours" can take longer than "8 calendar hours". */
static CsItemStatus
cross_priority_monotonic (Ctx         *ctx,
                          const Item  *item,
                          char       **detail)
{
  CsSlaReport *sla = _cs_check_get_sla (ctx);
  guint n_compared = 0;

  for (guint m = 0; m < 2; m++)
    for (guint i = 0; i < sla->targets->len; i++)
      {
        CsSlaTargetReport *high = g_ptr_array_index (sla->targets, i);
        const CsSlaTime *high_time = m == 0 ? &high->response : &high->resolution;

        if (g_strcmp0 (cs_record_get_string (CS_RECORD (high->target), "kind"), "incident") != 0
            || isnan (high_time->worst.wall_minutes))
          continue;

        for (guint j = 0; j < sla->targets->len; j++)
          {
            CsSlaTargetReport *low = g_ptr_array_index (sla->targets, j);
            const CsSlaTime *low_time = m == 0 ? &low->response : &low->resolution;
            g_autofree char *high_text = NULL;
            g_autofree char *low_text = NULL;

            if (g_strcmp0 (cs_record_get_string (CS_RECORD (low->target), "kind"), "incident") != 0
                || cs_record_get_int (CS_RECORD (low->target), "priority")
                   <= cs_record_get_int (CS_RECORD (high->target), "priority")
                || isnan (low_time->worst.wall_minutes))
              continue;

            n_compared++;
            if (high_time->worst.wall_minutes <= low_time->worst.wall_minutes)
              continue;

            high_text = cs_format_minutes (high_time->worst.wall_minutes);
            low_text = cs_format_minutes (low_time->worst.wall_minutes);
            *detail = g_strdup_printf (m == 0
                                       /* Translators: "P1 response can take 68 h, longer than P2 (8 h)" */
                                       ? _("P%d response can take %s, longer than P%d (%s).")
                                       : _("P%d resolution can take %s, longer than P%d (%s)."),
                                       (int) cs_record_get_int (CS_RECORD (high->target), "priority"),
                                       high_text,
                                       (int) cs_record_get_int (CS_RECORD (low->target), "priority"),
                                       low_text);
            return CS_ITEM_MISSING;
          }
      }

  for (guint i = 0; i < sla->targets->len; i++)
    {
      CsSlaTargetReport *target = g_ptr_array_index (sla->targets, i);

      if (!isnan (target->response.worst.wall_minutes)
          && !isnan (target->resolution.worst.wall_minutes)
          && target->resolution.worst.wall_minutes < target->response.worst.wall_minutes)
        {
          *detail = g_strdup_printf (_("P%d may have to be resolved before the response is due."),
                                     (int) cs_record_get_int (CS_RECORD (target->target), "priority"));
          return CS_ITEM_PARTIAL;
        }
    }

  if (n_compared == 0)
    {
      *detail = g_strdup (_("Fewer than two priorities have targets to compare."));
      return CS_ITEM_MISSING;
    }

  return CS_ITEM_SATISFIED;
}

CsRecord *
_cs_check_get_section (Ctx   *ctx,
             GType  type)
{
  return cs_store_get_section (ctx->store, type, ctx->offer_id);
}

static CsItemStatus
cross_coverage_window (Ctx         *ctx,
                       const Item  *item,
                       char       **detail)
{
  CsRecord *terms = _cs_check_get_section (ctx, CS_TYPE_SLA_TERMS);
  const char *time_zone = NULL;
  const char *holidays = NULL;
  CsSlaReport *sla = NULL;

  if (terms == NULL || cs_record_get_int (terms, "window_days") == 0
      || cs_record_get_int (terms, "window_end") <= cs_record_get_int (terms, "window_start"))
    {
      *detail = g_strdup (_("The coverage window (days and hours) is not stated."));
      return CS_ITEM_MISSING;
    }

  time_zone = cs_record_get_string (terms, "time_zone");
  holidays = cs_record_get_string (terms, "holidays");
  if (!_cs_check_field_is_stated (terms, "time_zone") || !_cs_check_field_is_stated (terms, "holidays"))
    {
      *detail = g_strdup (_("The time zone or the public holidays of the coverage window are not stated."));
      return CS_ITEM_PARTIAL;
    }
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (time_zone);

    if (zone == NULL)
      {
        *detail = g_strdup_printf (_("“%s” is not a known time zone: UTC is assumed."), time_zone);
        return CS_ITEM_PARTIAL;
      }
  }
  if (!cs_holidays_validate (holidays, NULL))
    {
      *detail = g_strdup (_("The public holidays of the coverage window cannot be read."));
      return CS_ITEM_PARTIAL;
    }

  /* On-call for P1 is part of the window (DOMAIN.md, SLA-06). */
  sla = _cs_check_get_sla (ctx);
  if (g_strcmp0 (cs_record_get_string (terms, "oncall_p1"), "yes") != 0)
    for (guint i = 0; i < sla->targets->len; i++)
      {
        CsSlaTargetReport *target = g_ptr_array_index (sla->targets, i);
        g_autofree char *text = NULL;

        if (g_strcmp0 (cs_record_get_string (CS_RECORD (target->target), "kind"), "incident") != 0
            || cs_record_get_int (CS_RECORD (target->target), "priority") != 1
            || !target->response.business || isnan (target->response.worst.wall_minutes))
          continue;

        text = cs_format_minutes (target->response.worst.wall_minutes);
        *detail = g_strdup_printf (_("No on-call for P1: a critical incident raised when the desk closes may wait %s for a response."),
                                   text);
        return CS_ITEM_PARTIAL;
      }

  return CS_ITEM_SATISFIED;
}

static CsItemStatus
cross_availability_measured (Ctx         *ctx,
                             const Item  *item,
                             char       **detail)
{
  CsRecord *sla = _cs_check_get_section (ctx, CS_TYPE_SLA_TERMS);
  double availability = sla != NULL ? cs_record_get_number (sla, "availability_target") : NAN;

  if (isnan (availability))
    {
      *detail = g_strdup (_("No availability target is stated."));
      return CS_ITEM_MISSING;
    }
  if (availability <= 0 || availability > 100)
    {
      *detail = g_strdup_printf (_("An availability of %g %% is not a percentage."), availability);
      return CS_ITEM_MISSING;
    }
  if (isnan (cs_availability_period_days (cs_record_get_string (sla, "availability_period"))))
    {
      *detail = g_strdup (_("The availability target has no measurement period."));
      return CS_ITEM_PARTIAL;
    }

  return CS_ITEM_SATISFIED;
}

static CsItemStatus
cross_maintenance_bounded (Ctx         *ctx,
                           const Item  *item,
                           char       **detail)
{
  CsRecord *sla = _cs_check_get_section (ctx, CS_TYPE_SLA_TERMS);
  gboolean hours = sla != NULL && !isnan (cs_record_get_number (sla, "maintenance_hours"));
  gboolean notice = sla != NULL && !isnan (cs_record_get_number (sla, "maintenance_notice_days"));

  if (hours && notice)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("Planned maintenance needs a cap in hours and a notice period."));
  return hours || notice ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

static CsItemStatus
cross_isolated_copy (Ctx         *ctx,
                     const Item  *item,
                     char       **detail)
{
  g_autoptr(GPtrArray) policies = _cs_check_get_records (ctx, CS_TYPE_BACKUP_POLICY);
  guint n_ok = 0;

  for (guint i = 0; i < policies->len; i++)
    if (g_strcmp0 (cs_record_get_string (policies->pdata[i], "offline_copy"), "yes") == 0
        || g_strcmp0 (cs_record_get_string (policies->pdata[i], "immutable_copy"), "yes") == 0)
      n_ok++;

  if (n_ok > 0)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("No backup policy keeps an offline or immutable copy."));
  return CS_ITEM_MISSING;
}

static CsItemStatus
cross_restore_tests (Ctx         *ctx,
                     const Item  *item,
                     char       **detail)
{
  g_autoptr(GPtrArray) policies = _cs_check_get_records (ctx, CS_TYPE_BACKUP_POLICY);
  guint n_ok = 0, n_weak = 0;

  for (guint i = 0; i < policies->len; i++)
    {
      double months = cs_record_get_number (policies->pdata[i], "restore_test_months");

      if (isnan (months))
        continue;
      if (months <= 12 && _cs_check_field_is_stated (policies->pdata[i], "restore_evidence"))
        n_ok++;
      else
        n_weak++;
    }

  if (n_weak > 0 && n_ok == 0)
    *detail = g_strdup (_("Restore tests need a frequency of at least once a year and a report."));

  return _cs_check_aggregate (n_ok, n_weak, policies->len, detail);
}

/* Thresholds */

/* A numeric column in the unit its name gives, in hours (for duration thresholds). */
static double
column_hours (const char *column,
              double      value)
{
  if (g_str_has_suffix (column, "_hours"))
    return value;
  if (g_str_has_suffix (column, "_days"))
    return value * 24;
  if (g_str_has_suffix (column, "_months"))
    return value * 30 * 24;
  return value;
}

static const Threshold *
find_threshold (const Item *item,
                const char *field,
                gboolean    hosted)
{
  if (item->thresholds == NULL)
    return NULL;

  for (guint i = 0; i < item->thresholds->len; i++)
    {
      const Threshold *t = &g_array_index (item->thresholds, Threshold, i);

      if (g_strcmp0 (t->field, field) == 0 && t->hosted == hosted)
        return t;
    }

  return NULL;
}

static char *
format_value (const Threshold *t,
              double           value)
{
  return t->duration ? cs_duration_format_hours (value) : g_strdup_printf ("%g", value);
}

/* Compares @value with @t: satisfied when it reaches min / stays within max, missing from
 * the limit on (reached or passed), partial in between. @what names the value. */
static CsItemStatus
apply_threshold (const Threshold  *t,
                 double            value,
                 const char       *what,
                 char            **detail)
{
  g_autofree char *text = NULL;
  g_autofree char *bound = NULL;

  if (t == NULL)
    return CS_ITEM_SATISFIED;

  text = format_value (t, value);
  if (!isnan (t->min) && value < t->min)
    {
      bound = format_value (t, t->min);
      g_clear_pointer (detail, g_free);
      /* Translators: "Log retention: 3 months, below the 6 months required." */
      *detail = g_strdup_printf (_("%s: %s, below the %s required."), what, text, bound);
      return !isnan (t->limit) && value <= t->limit ? CS_ITEM_MISSING : CS_ITEM_PARTIAL;
    }
  if (!isnan (t->max) && value > t->max)
    {
      bound = format_value (t, t->max);
      g_clear_pointer (detail, g_free);
      /* Translators: "Breach notification: 96 h, above the 24 h allowed." */
      *detail = g_strdup_printf (_("%s: %s, above the %s allowed."), what, text, bound);
      return !isnan (t->limit) && value >= t->limit ? CS_ITEM_MISSING : CS_ITEM_PARTIAL;
    }

  return CS_ITEM_SATISFIED;
}

/* A column of a section compared with its threshold; missing when not stated. */
CsItemStatus
_cs_check_column_threshold (const Item  *item,
                  CsRecord    *record,
                  const char  *column,
                  const char  *what,
                  gboolean     hosted,
                  char       **detail)
{
  const Threshold *t = find_threshold (item, column, hosted);
  double value = record != NULL ? cs_record_get_number (record, column) : NAN;

  if (isnan (value))
    return CS_ITEM_MISSING;
  if (t != NULL && t->duration)
    value = column_hours (column, value);

  return apply_threshold (t, value, what, detail);
}

CsItemStatus
_cs_check_worst_status (CsItemStatus a,
              CsItemStatus b)
{
  if (a == CS_ITEM_MISSING || b == CS_ITEM_MISSING)
    return CS_ITEM_MISSING;
  if (a == CS_ITEM_PARTIAL || b == CS_ITEM_PARTIAL)
    return CS_ITEM_PARTIAL;
  return CS_ITEM_SATISFIED;
}

/* Frequency ≤ RPO for every policy that states both, and a retention long enough to outlast
 * the detection delay of a ransomware (the pack's threshold on retention_days). */
static CsItemStatus
cross_backup_frequency_rpo (Ctx         *ctx,
                            const Item  *item,
                            char       **detail)
{
  g_autoptr(GPtrArray) policies = _cs_check_get_records (ctx, CS_TYPE_BACKUP_POLICY);
  CsItemStatus status = CS_ITEM_SATISFIED;
  guint n_ok = 0;

  for (guint i = 0; i < policies->len; i++)
    {
      CsRecord *policy = policies->pdata[i];
      double frequency = cs_record_get_number (policy, "frequency_hours");
      double rpo = cs_record_get_number (policy, "rpo_hours");
      CsItemStatus retention = CS_ITEM_SATISFIED;

      if (isnan (frequency) || isnan (rpo))
        continue;
      if (frequency > rpo)
        {
          g_clear_pointer (detail, g_free);
          *detail = g_strdup_printf (_("Backup “%s” runs every %g h but promises an RPO of %g h."),
                                     cs_record_get_string (policy, "name"), frequency, rpo);
          return CS_ITEM_MISSING;
        }
      n_ok++;

      retention = _cs_check_column_threshold (item, policy, "retention_days", _("Backup retention"), FALSE,
                                    detail);
      if (retention == CS_ITEM_MISSING && *detail == NULL)
        *detail = g_strdup_printf (_("Backup “%s” states no retention."),
                                   cs_record_get_string (policy, "name"));
      status = _cs_check_worst_status (status, retention == CS_ITEM_MISSING ? CS_ITEM_PARTIAL : retention);
    }

  if (n_ok == 0)
    {
      *detail = g_strdup (_("No backup policy states both its frequency and its RPO."));
      return CS_ITEM_MISSING;
    }

  return n_ok == policies->len ? status : CS_ITEM_PARTIAL;
}

static CsItemStatus
cross_subcontractor_list (Ctx         *ctx,
                          const Item  *item,
                          char       **detail)
{
  CsRecord *sub = _cs_check_get_section (ctx, CS_TYPE_SUBCONTRACTING);
  g_autoptr(GPtrArray) list = _cs_check_get_records (ctx, CS_TYPE_SUBCONTRACTOR);

  if (sub != NULL && g_strcmp0 (cs_record_get_string (sub, "allowed"), "no") == 0
      && list->len == 0)
    return CS_ITEM_NOT_APPLICABLE;
  if (list->len == 0)
    {
      *detail = g_strdup (_("No subcontractor is listed."));
      return CS_ITEM_MISSING;
    }

  for (guint i = 0; i < list->len; i++)
    {
      CsRecord *subcontractor = list->pdata[i];

      if (!_cs_check_field_is_stated (subcontractor, "country"))
        {
          *detail = g_strdup_printf (_("%s: the country of service is not stated."),
                                     cs_record_get_string (subcontractor, "name"));
          return CS_ITEM_PARTIAL;
        }
      if (g_strcmp0 (cs_record_get_string (subcontractor, "personal_data"), "yes") == 0
          && g_strcmp0 (cs_record_get_string (subcontractor, "gdpr_subprocessor"), "yes") != 0)
        {
          *detail = g_strdup_printf (_("%s handles personal data but is not declared a GDPR sub-processor."),
                                     cs_record_get_string (subcontractor, "name"));
          return CS_ITEM_PARTIAL;
        }
    }

  return CS_ITEM_SATISFIED;
}

gboolean
_cs_check_text_matches (GRegex     *regex,
              const char *text)
{
  g_autoptr(CsNormalizedText) norm = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  norm = cs_normalized_text_new (text, -1);
  return norm != NULL && g_regex_match (regex, norm->text, 0, NULL);
}

/* Does the offer host services (hosting, cloud, SaaS)? Then the Data Act switching rules
 * apply. Read from the subcontractors' services, the offer's clauses and notes. */
static gboolean
is_hosted (Ctx *ctx)
{
  static GRegex *hosting = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) clauses = NULL;
  CsRecord *offer = NULL;

  if (ctx->hosted >= 0)
    return ctx->hosted;

  if (g_once_init_enter (&hosting))
    g_once_init_leave (&hosting,
                       g_regex_new ("\\b(?:host(?:ed|ing)|heberg\\w*|cloud|saas|iaas|paas"
                                    "|datacent\\w*|data cent\\w*|centre de donnees)\\b",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  ctx->hosted = FALSE;
  list = _cs_check_get_records (ctx, CS_TYPE_SUBCONTRACTOR);
  for (guint i = 0; i < list->len && !ctx->hosted; i++)
    ctx->hosted = _cs_check_text_matches (hosting, cs_record_get_string (list->pdata[i], "service"));

  clauses = _cs_check_get_records (ctx, CS_TYPE_CLAUSE);
  for (guint i = 0; i < clauses->len && !ctx->hosted; i++)
    ctx->hosted = _cs_check_text_matches (hosting, cs_record_get_string (clauses->pdata[i], "text"));

  offer = cs_store_find (ctx->store, CS_TYPE_OFFER, ctx->offer_id);
  if (!ctx->hosted && offer != NULL)
    ctx->hosted = _cs_check_text_matches (hosting, cs_record_get_string (offer, "notes"));

  return ctx->hosted;
}

/* Long enough to move (the pack's minimum and limit), and for a hosted service no longer than
 * the Data Act's 30 days (its threshold marked hosted). */
static CsItemStatus
cross_transition_period (Ctx         *ctx,
                         const Item  *item,
                         char       **detail)
{
  CsRecord *exit_terms = _cs_check_get_section (ctx, CS_TYPE_EXIT_TERMS);
  CsItemStatus status = CS_ITEM_SATISFIED;

  status = _cs_check_column_threshold (item, exit_terms, "transition_days", _("Transition"), FALSE, detail);
  if (status == CS_ITEM_MISSING && *detail == NULL)
    *detail = g_strdup (_("The transition period is not stated."));
  if (status != CS_ITEM_SATISFIED)
    return status;

  /* Every exit deliverable is due before the transition ends. */
  {
    g_autoptr(GPtrArray) deliverables = _cs_check_get_records (ctx, CS_TYPE_EXIT_DELIVERABLE);
    double transition = cs_record_get_number (exit_terms, "transition_days");

    for (guint i = 0; i < deliverables->len; i++)
      {
        double deadline = cs_record_get_number (deliverables->pdata[i], "deadline_days");

        if (!isnan (deadline) && deadline > transition)
          {
            *detail = g_strdup_printf (_("A deliverable is due %g days after notice, after the %g-day transition ends."),
                                       deadline, transition);
            return CS_ITEM_PARTIAL;
          }
      }
  }

  if (!is_hosted (ctx))
    return status;

  status = _cs_check_column_threshold (item, exit_terms, "transition_days",
                             _("Transition of a hosted service (Data Act)"), TRUE, detail);
  return status;
}

static CsItemStatus
cross_switching_charges (Ctx         *ctx,
                         const Item  *item,
                         char       **detail)
{
  CsRecord *exit_terms = _cs_check_get_section (ctx, CS_TYPE_EXIT_TERMS);
  const char *mode = exit_terms != NULL ? cs_record_get_string (exit_terms, "assistance_mode") : NULL;

  if (!is_hosted (ctx))
    return CS_ITEM_NOT_APPLICABLE;
  if (g_strcmp0 (mode, "included") == 0 || g_strcmp0 (mode, "fixed") == 0
      || g_strcmp0 (mode, "rate_card") == 0)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("Switching charges of a hosted service must be known in advance."));
  return CS_ITEM_MISSING;
}

/* Term, renewal mode and notice all stated; a tacit renewal no longer than the pack's maximum
 * and a notice no longer than its maximum (DOMAIN.md, linter L23: the exit trap). */
static CsItemStatus
cross_term_renewal_notice (Ctx         *ctx,
                           const Item  *item,
                           char       **detail)
{
  CsRecord *terms = _cs_check_get_section (ctx, CS_TYPE_TERMS);
  CsItemStatus status = CS_ITEM_SATISFIED;
  guint n = 0;

  if (terms != NULL)
    {
      n += !isnan (cs_record_get_number (terms, "term_months"));
      n += _cs_check_field_is_stated (terms, "renewal_mode");
      n += !isnan (cs_record_get_number (terms, "notice_days"));
    }

  if (n < 3)
    {
      *detail = g_strdup (_("The initial term, the renewal mode and the notice period must all be stated."));
      return n > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
    }

  if (g_strcmp0 (cs_record_get_string (terms, "renewal_mode"), "tacit") == 0)
    {
      CsItemStatus renewal = _cs_check_column_threshold (item, terms, "renewal_months",
                                               _("Tacit renewal"), FALSE, detail);

      if (renewal == CS_ITEM_MISSING && *detail == NULL)
        *detail = g_strdup (_("The contract renews tacitly for a period that is not stated."));
      status = _cs_check_worst_status (status, renewal == CS_ITEM_MISSING ? CS_ITEM_PARTIAL : renewal);
    }
  if (status == CS_ITEM_SATISFIED)
    status = _cs_check_column_threshold (item, terms, "notice_days", _("Notice"), FALSE, detail);

  return status == CS_ITEM_MISSING ? CS_ITEM_PARTIAL : status;
}

/* The cross-checks by the name the packs give them, with the data of those sharing a function. */
static const struct
{
  const char    *name;
  CrossFunc      func;
  gconstpointer  data;
} cross_checks[] = {
  { "inventory-covered", cross_coverage, GUINT_TO_POINTER (COVERAGE_INVENTORY) },
  { "critical-assets-managed", cross_coverage, GUINT_TO_POINTER (COVERAGE_CRITICAL_MANAGED) },
  { "critical-assets-backed-up", cross_coverage,
    GUINT_TO_POINTER (COVERAGE_CRITICAL_BACKED_UP) },
  { "exclusions-keep-core", cross_exclusions_keep_core },
  { "raci-accountable", cross_raci, &raci_accountable },
  { "raci-security-owned", cross_raci, &raci_security_owned },
  { "backup-owned-by-provider", cross_backup_owned_by_provider },
  { "sla-priorities-defined", cross_sla_priorities_defined },
  { "sla-response-per-priority", cross_targets_stated, "response_value" },
  { "sla-resolution-per-priority", cross_targets_stated, "resolution_value" },
  { "priority-monotonic", cross_priority_monotonic },
  { "coverage-window", cross_coverage_window },
  { "availability-measured", cross_availability_measured },
  { "maintenance-bounded", cross_maintenance_bounded },
  { "isolated-copy", cross_isolated_copy },
  { "restore-tests", cross_restore_tests },
  { "backup-frequency-rpo", cross_backup_frequency_rpo },
  { "subcontractor-list", cross_subcontractor_list },
  { "transition-period", cross_transition_period },
  { "switching-charges", cross_switching_charges },
  { "term-renewal-notice", cross_term_renewal_notice },
  { "start-and-term", _cs_cross_start_and_term },
  { "credits-capped", _cs_cross_credits_capped },
  { "revision-capped", _cs_cross_revision_capped },
  { "exclusions-priced", _cs_cross_exclusions_priced },
  { "exclusion-decided", _cs_cross_exclusion_decided },
  { "offer-priced", _cs_cross_offer_priced },
  { "block-hours-rules", _cs_cross_block_hours_rules },
  { "raci-activity", _cs_cross_raci_activity },
  { "sites-covered", _cs_cross_sites_covered },
  { "users-covered", _cs_cross_users_covered },
  { "locations-stated", _cs_cross_locations_stated },
  { "backup-access", _cs_cross_backup_access },
  { "backup-end", _cs_cross_backup_end },
  { "access-removal", _cs_cross_access_removal },
  { "clock-rules", _cs_cross_clock_rules },
  { "sla-termination", _cs_cross_sla_termination },
};

/**
 * _cs_checklist_find_cross:
 * @name: the name of a cross-check, as a pack writes it
 * @data: (out): where to put the data the check's function reads in #Item.cross_data
 *
 * Returns: (nullable): the cross-check
 */
CrossFunc
_cs_checklist_find_cross (const char     *name,
                          gconstpointer  *data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cross_checks); i++)
    if (g_strcmp0 (name, cross_checks[i].name) == 0)
      {
        *data = cross_checks[i].data;
        return cross_checks[i].func;
      }

  *data = NULL;
  return NULL;
}

/**
 * _cs_checklist_ctx_clear:
 * @ctx: an evaluation context
 *
 * Frees what the checks computed for one offer.
 */
void
_cs_checklist_ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->sla, cs_sla_report_free);
}

/* Generic checks */

static gboolean
value_in (const char         *value,
          const char * const *list)
{
  return list != NULL && value != NULL && g_strv_contains (list, value);
}

/* A security control committed, with the duration its detail states compared with the
 * pack's threshold when it has one (the value that governs: see Threshold). */
static CsItemStatus
control_check (const Item  *item,
               Ctx         *ctx,
               char       **detail)
{
  g_autoptr(GPtrArray) records = _cs_check_get_records (ctx, CS_TYPE_SECURITY_CONTROL);
  CsRecord *control = _cs_check_find_by_key (records, "control", item->value);
  const char *status = control != NULL ? cs_record_get_string (control, "status") : NULL;
  const Threshold *t = find_threshold (item, NULL, FALSE);
  CsItemStatus result = CS_ITEM_SATISFIED;
  double hours = NAN;

  if (g_strcmp0 (status, "not_applicable") == 0)
    return CS_ITEM_NOT_APPLICABLE;
  if (g_strcmp0 (status, "committed") != 0 && g_strcmp0 (status, "partial") != 0)
    {
      *detail = g_strdup (g_strcmp0 (status, "absent") == 0
                          ? _("The offer states that this control is absent.")
                          : _("The offer does not state this control."));
      return CS_ITEM_MISSING;
    }

  result = g_strcmp0 (status, "committed") == 0 ? CS_ITEM_SATISFIED : CS_ITEM_PARTIAL;
  if (result == CS_ITEM_PARTIAL)
    *detail = g_strdup (_("The control is only partly committed."));
  if (t == NULL)
    return result;

  hours = cs_duration_governing (cs_record_get_string (control, "detail"), t->governs);
  if (isnan (hours))
    {
      g_clear_pointer (detail, g_free);
      *detail = g_strdup (_("The commitment states no duration to compare with the threshold."));
      return CS_ITEM_PARTIAL;
    }

  return _cs_check_worst_status (result, apply_threshold (t, hours, _("Stated"), detail));
}

/**
 * _cs_checklist_evaluate_check:
 * @item: an item
 * @ctx: the offer evaluated
 * @detail: (out): return location for the explanation of a status other than satisfied
 *
 * Returns: the computed status of @item, %CS_ITEM_UNANSWERED for a manual item
 */
CsItemStatus
_cs_checklist_evaluate_check (const Item  *item,
                              Ctx         *ctx,
                              char       **detail)
{
  g_autoptr(GPtrArray) records = NULL;
  guint n_good = 0, n_weak = 0, n_bad = 0;

  switch (item->kind)
    {
    case CHECK_CROSS:
      return item->cross (ctx, item, detail);

    case CHECK_CONTROL:
      return control_check (item, ctx, detail);

    case CHECK_DELIVERABLE:
      {
        CsRecord *deliverable = NULL;

        records = _cs_check_get_records (ctx, CS_TYPE_EXIT_DELIVERABLE);
        deliverable = _cs_check_find_by_key (records, "item", item->value);
        if (deliverable == NULL)
          {
            *detail = g_strdup (_("This deliverable is not listed in the exit terms."));
            return CS_ITEM_MISSING;
          }
        if (!isnan (cs_record_get_number (deliverable, "deadline_days"))
            && _cs_check_field_is_stated (deliverable, "format"))
          return CS_ITEM_SATISFIED;
        *detail = g_strdup (_("The deliverable needs a format and a deadline."));
        return CS_ITEM_PARTIAL;
      }

    case CHECK_LIST:
      records = _cs_check_get_records (ctx, item->type);
      for (guint i = 0; i < records->len; i++)
        if (item->field == NULL
            || g_strcmp0 (cs_record_get_string (records->pdata[i], item->field), item->value) == 0)
          n_good++;
      if (n_good > 0)
        return CS_ITEM_SATISFIED;
      *detail = g_strdup (_("The list is empty."));
      return CS_ITEM_MISSING;

    case CHECK_PRESENCE:
    case CHECK_NUMBER:
    case CHECK_CHOICE:
      records = _cs_check_get_records (ctx, item->type);
      for (guint i = 0; i < records->len; i++)
        {
          CsRecord *record = records->pdata[i];

          if (item->kind == CHECK_PRESENCE)
            n_good += _cs_check_field_is_stated (record, item->field);
          else if (item->kind == CHECK_CHOICE)
            {
              const char *value = cs_record_get_string (record, item->field);

              if (item->accept != NULL ? value_in (value, (const char * const *) item->accept)
                                       : !value_in (value, (const char * const *) item->reject))
                n_good++;
            }
          else
            {
              const Threshold *t = find_threshold (item, NULL, FALSE);
              double value = cs_record_get_number (record, item->field);
              CsItemStatus status = CS_ITEM_SATISFIED;

              if (isnan (value))
                continue;
              if (t != NULL && t->duration)
                value = column_hours (item->field, value);
              status = apply_threshold (t, value, _("Stated"), detail);
              if (status == CS_ITEM_SATISFIED)
                n_good++;
              else if (status == CS_ITEM_PARTIAL)
                n_weak++;
              else
                n_bad++;
            }
        }
      if (n_bad > 0)
        return CS_ITEM_MISSING;
      if (records->len > 0 && n_good == 0 && n_weak == 0 && *detail == NULL)
        *detail = g_strdup (item->kind == CHECK_NUMBER ? _("No value is stated.")
                                                       : _("The offer does not state it."));
      return _cs_check_aggregate (n_good, n_weak, records->len, detail);

    case CHECK_MANUAL:
    default:
      return CS_ITEM_UNANSWERED;
    }
}
