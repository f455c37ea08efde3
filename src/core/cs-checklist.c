/* cs-checklist.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-checklist"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-checklist.h"

#include "cs-autocleanups-private.h"
#include "cs-core-resources.h"
#include "cs-rulefile-private.h"
#include "cs-values.h"

#include <math.h>
#include <string.h>

/**
 * CsChecklist:
 *
 * The checklist engine. Items come from rule packs (the XML files of data/checklists, validated against
 * checklist.rng): each has an id, a group (the DOMAIN.md section), a severity, a weight, a
 * translated title, guidance and remedy, its sources and a check. A check is either computed
 * from the offer's structured data — `presence`, `number` (optionally bounded), `list`,
 * `choice`, `control` (a security control), `deliverable` (an exit deliverable) or `cross`
 * (a named cross-check implemented below) — or `manual`, answered by the consultant.
 *
 * cs_checklist_evaluate() turns an offer into a #CsReport: a result per item, the findings
 * (gaps and weak wordings) and the scores. A checklist answer with "override" set replaces a
 * computed status and carries its justification. Items of a regulatory pack are requirements
 * only when the project is flagged "regulated"; otherwise they are shown for reference.
 */
struct _CsChecklist
{
  GObject     parent_instance;

  GPtrArray  *items;
  GHashTable *ids;
};

/**
 * CsReport:
 *
 * The evaluation of one offer against the checklist: every item's result, the findings (gaps
 * and weak wordings, knock-outs first) and the scores per section and for the whole offer.
 * A report is a snapshot: evaluate again after a change.
 */
struct _CsReport
{
  GObject     parent_instance;

  gint64      offer_id;
  GListStore *results;
  GListStore *findings;
  GHashTable *results_by_id;
  CsScore     scores[CS_N_SECTIONS];
  GHashTable *group_scores;
};

typedef enum {
  CHECK_MANUAL,
  CHECK_PRESENCE,
  CHECK_NUMBER,
  CHECK_LIST,
  CHECK_CHOICE,
  CHECK_CONTROL,
  CHECK_DELIVERABLE,
  CHECK_CROSS,
} CheckKind;

typedef struct _Ctx Ctx;

typedef CsItemStatus (*CrossFunc) (Ctx   *ctx,
                                   char **detail);

typedef struct
{
  char       *id;
  char       *group;
  CsSeverity  severity;
  guint       weight;
  gboolean    regulatory;
  char       *title;
  char       *guidance;
  char       *remedy;
  char       *source;
  CheckKind   kind;
  GType       type;
  char       *field;
  char       *value;      /* list: value; control/deliverable: key */
  GStrv       accept;
  GStrv       reject;
  double      min;
  double      max;
  CrossFunc   cross;
} Item;

struct _Ctx
{
  CsStore          *store;
  gint64            offer_id;
  CsCoverageCounts  coverage;
  gboolean          coverage_done;
  int               hosted;   /* -1 unknown */
};

G_DEFINE_FINAL_TYPE (CsChecklist, cs_checklist, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (CsReport, cs_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (cs-checklist-error-quark, cs_checklist_error)

#define SCHEMA_RESOURCE "/org/contractscope/ContractScope/core/checklists/checklist.rng"
#define PACKS_PREFIX "/org/contractscope/ContractScope/core/checklists/"

/* Assets of criticality 1 are the critical ones (1 = most critical, 4 = least). */
#define CRITICAL_LEVEL 1
/* CISA asks for the important logs to be kept at least 6 months. */
#define MIN_LOG_RETENTION_HOURS (6 * 730.0)
/* EU Data Act Art. 25: transition of at most 30 days for data processing services. */
#define MAX_TRANSITION_DAYS 30.0

static const struct
{
  const char *id;
  const char *title;
  CsSection   section;
} groups[] = {
  { "perimeter", N_("Perimeter"), CS_SECTION_PERIMETER },
  { "exclusions", N_("Exclusions"), CS_SECTION_EXCLUSIONS },
  { "responsibilities", N_("Responsibilities"), CS_SECTION_RESPONSIBILITIES },
  { "sla", N_("SLA"), CS_SECTION_SLA },
  { "backup", N_("Backup"), CS_SECTION_BACKUP },
  { "security", N_("Security & Access"), CS_SECTION_SECURITY },
  { "subcontracting", N_("Subcontracting"), CS_SECTION_SUBCONTRACTING },
  { "exit", N_("Exit"), CS_SECTION_EXIT },
  { "billing", N_("Billing & Perimeter Change"), CS_SECTION_TERMS },
  { "governance", N_("Governance & Reporting"), CS_SECTION_TERMS },
  { "gdpr", N_("GDPR"), CS_SECTION_TERMS },
};

static const char * const group_ids[] = {
  "perimeter", "exclusions", "responsibilities", "sla", "backup", "security", "subcontracting",
  "exit", "billing", "governance", "gdpr", NULL
};

/* Helpers: reading the offer */

static GType
type_from_table (const char *table)
{
  const GType *types = NULL;
  guint n_types = 0;

  types = cs_model_get_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    if (g_str_equal (cs_record_type_get_entity (types[i])->table, table))
      return types[i];

  return G_TYPE_INVALID;
}

/* The offer's records of @type: its section record, or its list. Borrowed from the store. */
static GPtrArray *
get_records (Ctx   *ctx,
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

static gboolean
field_is_stated (CsRecord   *record,
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
static CsItemStatus
aggregate (guint   n_good,
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

static CsRecord *
find_by_key (GPtrArray  *records,
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

static double
to_hours (double      value,
          const char *unit)
{
  if (g_strcmp0 (unit, "minutes") == 0)
    return value / 60.0;
  if (g_strcmp0 (unit, "days") == 0)
    return value * 24.0;
  return value;
}

/* Cross-checks, named by the packs */

static CsItemStatus
cross_inventory_covered (Ctx   *ctx,
                         char **detail)
{
  CsCoverageCounts *c = &ctx->coverage;

  if (!get_coverage (ctx) || c->n_assets == 0)
    {
      *detail = g_strdup (_("The project has no asset inventory yet."));
      return CS_ITEM_MISSING;
    }
  if (c->n_not_addressed == 0)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup_printf (_("%u of %u assets are not addressed by the offer."),
                             c->n_not_addressed, c->n_assets);
  return c->n_not_addressed < c->n_assets ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

static CsItemStatus
cross_critical_assets_managed (Ctx   *ctx,
                               char **detail)
{
  CsCoverageCounts *c = &ctx->coverage;

  if (!get_coverage (ctx) || c->n_critical == 0)
    {
      *detail = g_strdup (_("No asset of the inventory is marked critical."));
      return CS_ITEM_MISSING;
    }
  if (c->n_critical_managed == c->n_critical)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup_printf (_("%u of %u critical assets are not managed by the offer."),
                             c->n_critical - c->n_critical_managed, c->n_critical);
  return c->n_critical_managed > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

static CsItemStatus
cross_critical_assets_backed_up (Ctx   *ctx,
                                 char **detail)
{
  CsCoverageCounts *c = &ctx->coverage;

  if (!get_coverage (ctx) || c->n_critical == 0)
    {
      *detail = g_strdup (_("No asset of the inventory is marked critical."));
      return CS_ITEM_MISSING;
    }
  if (c->n_critical_backed_up == c->n_critical)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup_printf (_("%u of %u critical assets are in no backup policy of the offer."),
                             c->n_critical - c->n_critical_backed_up, c->n_critical);
  return c->n_critical_backed_up > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

static CsItemStatus
cross_exclusions_keep_core (Ctx   *ctx,
                            char **detail)
{
  static GRegex *core = NULL;
  g_autoptr(GPtrArray) records = get_records (ctx, CS_TYPE_EXCLUSION);
  guint n_excluded = 0;

  if (g_once_init_enter (&core))
    g_once_init_leave (&core, g_regex_new ("\\b(?:restor|backup|sauvegard|securit|security|"
                                           "incident|patch|correctif)", G_REGEX_CASELESS,
                                           0, NULL));

  for (guint i = 0; i < records->len; i++)
    {
      CsRecord *record = records->pdata[i];
      g_autofree char *text = NULL;
      g_autoptr(CsNormalizedText) norm = NULL;

      if (g_strcmp0 (cs_record_get_string (record, "decision"), "excluded") != 0)
        continue;

      n_excluded++;
      text = g_strjoin (" ", cs_record_get_string (record, "category"),
                        cs_record_get_string (record, "label"),
                        cs_record_get_string (record, "wording"), NULL);
      norm = cs_normalized_text_new (text, -1);
      if (norm != NULL && g_regex_match (core, norm->text, 0, NULL))
        {
          *detail = g_strdup_printf (_("The exclusion “%s” removes a core obligation."),
                                     cs_record_get_string (record, "label"));
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

static gboolean
roles_contain (CsRecord   *record,
               const char *role)
{
  const char *roles = cs_record_get_string (record, "roles");

  return roles != NULL && strstr (roles, role) != NULL;
}

/* Counts, over the activities with at least one cell (or of @area when given), how many have
 * an accountable party (or a responsible or accountable party with @r_or_a). */
static CsItemStatus
raci_check (Ctx         *ctx,
            const char  *area,
            gboolean     r_or_a,
            char       **detail)
{
  g_autoptr(GPtrArray) cells = get_records (ctx, CS_TYPE_RESPONSIBILITY);
  g_autoptr(GPtrArray) activities = get_records (ctx, CS_TYPE_ACTIVITY);
  g_autoptr(GString) lacking = g_string_new (NULL);
  guint n_considered = 0, n_ok = 0;

  if (cells->len == 0)
    {
      *detail = g_strdup (_("No responsibility is recorded for this offer yet."));
      return CS_ITEM_MISSING;
    }

  for (guint a = 0; a < activities->len; a++)
    {
      CsRecord *activity = activities->pdata[a];
      gint64 id = cs_record_get_id (activity);
      gboolean has_cell = FALSE, ok = FALSE;

      if (area != NULL && g_strcmp0 (cs_record_get_string (activity, "area"), area) != 0
          && !(g_str_equal (area, "security") && g_strcmp0 (cs_record_get_string (activity, "area"), "backup") == 0))
        continue;

      for (guint i = 0; i < cells->len; i++)
        {
          CsRecord *cell = cells->pdata[i];

          if (cs_record_get_int (cell, "activity_id") != id)
            continue;
          has_cell = TRUE;
          if (roles_contain (cell, "A") || (r_or_a && roles_contain (cell, "R")))
            ok = TRUE;
        }

      if (area == NULL && !has_cell)
        continue;

      n_considered++;
      if (ok)
        n_ok++;
      else
        g_string_append_printf (lacking, "%s%s", lacking->len > 0 ? ", " : "",
                                cs_record_get_string (activity, "name"));
    }

  if (n_considered > 0 && n_ok == n_considered)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup_printf (r_or_a ? _("No owner for: %s.") : _("No accountable party for: %s."),
                             lacking->str);
  return n_ok > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

static CsItemStatus
cross_raci_accountable (Ctx   *ctx,
                        char **detail)
{
  return raci_check (ctx, NULL, FALSE, detail);
}

static CsItemStatus
cross_raci_security_owned (Ctx   *ctx,
                           char **detail)
{
  return raci_check (ctx, "security", TRUE, detail);
}

static CsItemStatus
cross_backup_owned_by_provider (Ctx   *ctx,
                                char **detail)
{
  g_autoptr(GPtrArray) cells = get_records (ctx, CS_TYPE_RESPONSIBILITY);
  g_autoptr(GPtrArray) activities = get_records (ctx, CS_TYPE_ACTIVITY);
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
      if (!roles_contain (cell, "A") && !roles_contain (cell, "R"))
        continue;
      if (g_strcmp0 (kind, "provider") == 0 || g_strcmp0 (kind, "subcontractor") == 0)
        provider = TRUE;
      else if (g_strcmp0 (kind, "client") == 0 && roles_contain (cell, "A"))
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

static void
get_incident_targets (Ctx       *ctx,
                      GPtrArray *out)
{
  g_autoptr(GPtrArray) targets = get_records (ctx, CS_TYPE_SLA_TARGET);

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

  get_incident_targets (ctx, targets);
  for (guint i = 0; i < targets->len; i++)
    if (!isnan (cs_record_get_number (targets->pdata[i], column)))
      n_ok++;

  if (targets->len > 0 && n_ok == targets->len)
    return CS_ITEM_SATISFIED;

  return aggregate (n_ok, 0, targets->len, detail);
}

static CsItemStatus
cross_sla_priorities_defined (Ctx   *ctx,
                              char **detail)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_defined = 0;

  get_incident_targets (ctx, targets);
  for (guint i = 0; i < targets->len; i++)
    if (field_is_stated (targets->pdata[i], "definition"))
      n_defined++;

  if (targets->len >= 2 && n_defined == targets->len)
    return CS_ITEM_SATISFIED;
  if (targets->len == 0)
    {
      *detail = g_strdup (_("No incident priority is defined."));
      return CS_ITEM_MISSING;
    }

  *detail = g_strdup_printf (_("%u of %u priorities have a definition."), n_defined, targets->len);
  return CS_ITEM_PARTIAL;
}

static CsItemStatus
cross_sla_response_per_priority (Ctx   *ctx,
                                 char **detail)
{
  return targets_stated (ctx, "response_value", detail);
}

static CsItemStatus
cross_sla_resolution_per_priority (Ctx   *ctx,
                                   char **detail)
{
  return targets_stated (ctx, "resolution_value", detail);
}

/* P1 ≤ P2 ≤ P3 ≤ P4 for response and resolution times, in hours of their own clock. */
static CsItemStatus
cross_priority_monotonic (Ctx   *ctx,
                          char **detail)
{
  static const char * const metrics[][2] = {
    { "response_value", "response_unit" },
    { "resolution_value", "resolution_unit" },
  };
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_compared = 0;

  get_incident_targets (ctx, targets);
  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    {
      double best[5] = { NAN, NAN, NAN, NAN, NAN };

      for (guint i = 0; i < targets->len; i++)
        {
          CsRecord *t = targets->pdata[i];
          gint64 p = cs_record_get_int (t, "priority");
          double v = cs_record_get_number (t, metrics[m][0]);

          if (p >= 1 && p <= 4 && !isnan (v))
            best[p] = to_hours (v, cs_record_get_string (t, metrics[m][1]));
        }

      for (int p = 1; p <= 4; p++)
        for (int q = p + 1; q <= 4; q++)
          {
            if (isnan (best[p]) || isnan (best[q]))
              continue;
            n_compared++;
            if (best[p] > best[q])
              {
                *detail = g_strdup_printf (m == 0
                                           ? _("The response time of P%d is longer than that of P%d.")
                                           : _("The resolution time of P%d is longer than that of P%d."),
                                           p, q);
                return CS_ITEM_MISSING;
              }
          }
    }

  if (n_compared == 0)
    {
      *detail = g_strdup (_("Fewer than two priorities have targets to compare."));
      return CS_ITEM_MISSING;
    }

  return CS_ITEM_SATISFIED;
}

static CsRecord *
get_section (Ctx   *ctx,
             GType  type)
{
  return cs_store_get_section (ctx->store, type, ctx->offer_id);
}

static CsItemStatus
cross_coverage_window (Ctx   *ctx,
                       char **detail)
{
  CsRecord *sla = get_section (ctx, CS_TYPE_SLA_TERMS);

  if (sla == NULL || cs_record_get_int (sla, "window_days") == 0
      || cs_record_get_int (sla, "window_end") <= cs_record_get_int (sla, "window_start"))
    {
      *detail = g_strdup (_("The coverage window (days and hours) is not stated."));
      return CS_ITEM_MISSING;
    }
  if (!field_is_stated (sla, "time_zone") || !field_is_stated (sla, "holidays"))
    {
      *detail = g_strdup (_("The time zone or the public holidays of the coverage window are not stated."));
      return CS_ITEM_PARTIAL;
    }

  return CS_ITEM_SATISFIED;
}

static CsItemStatus
cross_availability_measured (Ctx   *ctx,
                             char **detail)
{
  CsRecord *sla = get_section (ctx, CS_TYPE_SLA_TERMS);

  if (sla == NULL || isnan (cs_record_get_number (sla, "availability_target")))
    {
      *detail = g_strdup (_("No availability target is stated."));
      return CS_ITEM_MISSING;
    }
  if (!field_is_stated (sla, "availability_period"))
    {
      *detail = g_strdup (_("The availability target has no measurement period."));
      return CS_ITEM_PARTIAL;
    }

  return CS_ITEM_SATISFIED;
}

static CsItemStatus
cross_maintenance_bounded (Ctx   *ctx,
                           char **detail)
{
  CsRecord *sla = get_section (ctx, CS_TYPE_SLA_TERMS);
  gboolean hours = sla != NULL && !isnan (cs_record_get_number (sla, "maintenance_hours"));
  gboolean notice = sla != NULL && !isnan (cs_record_get_number (sla, "maintenance_notice_days"));

  if (hours && notice)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("Planned maintenance needs a cap in hours and a notice period."));
  return hours || notice ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

static CsItemStatus
cross_isolated_copy (Ctx   *ctx,
                     char **detail)
{
  g_autoptr(GPtrArray) policies = get_records (ctx, CS_TYPE_BACKUP_POLICY);
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
cross_restore_tests (Ctx   *ctx,
                     char **detail)
{
  g_autoptr(GPtrArray) policies = get_records (ctx, CS_TYPE_BACKUP_POLICY);
  guint n_ok = 0, n_weak = 0;

  for (guint i = 0; i < policies->len; i++)
    {
      double months = cs_record_get_number (policies->pdata[i], "restore_test_months");

      if (isnan (months))
        continue;
      if (months <= 12 && field_is_stated (policies->pdata[i], "restore_evidence"))
        n_ok++;
      else
        n_weak++;
    }

  if (n_weak > 0 && n_ok == 0)
    *detail = g_strdup (_("Restore tests need a frequency of at least once a year and a report."));

  return aggregate (n_ok, n_weak, policies->len, detail);
}

/* Frequency ≤ RPO, for every policy that states both. */
static CsItemStatus
cross_backup_frequency_rpo (Ctx   *ctx,
                            char **detail)
{
  g_autoptr(GPtrArray) policies = get_records (ctx, CS_TYPE_BACKUP_POLICY);
  guint n_ok = 0;

  for (guint i = 0; i < policies->len; i++)
    {
      CsRecord *policy = policies->pdata[i];
      double frequency = cs_record_get_number (policy, "frequency_hours");
      double rpo = cs_record_get_number (policy, "rpo_hours");

      if (isnan (frequency) || isnan (rpo))
        continue;
      if (frequency > rpo)
        {
          *detail = g_strdup_printf (_("Backup “%s” runs every %g h but promises an RPO of %g h."),
                                     cs_record_get_string (policy, "name"), frequency, rpo);
          return CS_ITEM_MISSING;
        }
      n_ok++;
    }

  if (n_ok == 0)
    {
      *detail = g_strdup (_("No backup policy states both its frequency and its RPO."));
      return CS_ITEM_MISSING;
    }

  return n_ok == policies->len ? CS_ITEM_SATISFIED : CS_ITEM_PARTIAL;
}

/* The logging control, with a retention of at least 6 months read from its detail. */
static CsItemStatus
cross_log_retention (Ctx   *ctx,
                     char **detail)
{
  g_autoptr(GPtrArray) controls = get_records (ctx, CS_TYPE_SECURITY_CONTROL);
  CsRecord *logging = find_by_key (controls, "control", "logging");
  g_autoptr(GArray) values = NULL;
  const char *status = NULL;
  double longest = NAN;

  if (logging == NULL)
    {
      *detail = g_strdup (_("Logging is not recorded."));
      return CS_ITEM_MISSING;
    }

  status = cs_record_get_string (logging, "status");
  if (g_strcmp0 (status, "not_applicable") == 0)
    return CS_ITEM_NOT_APPLICABLE;
  if (g_strcmp0 (status, "committed") != 0 && g_strcmp0 (status, "partial") != 0)
    {
      *detail = g_strdup (_("Logging is not committed."));
      return CS_ITEM_MISSING;
    }

  values = cs_values_extract (cs_record_get_string (logging, "detail"), -1);
  for (guint i = 0; i < values->len; i++)
    {
      double hours = cs_value_to_hours (&g_array_index (values, CsValue, i));

      if (!isnan (hours) && (isnan (longest) || hours > longest))
        longest = hours;
    }

  if (isnan (longest))
    {
      *detail = g_strdup (_("The log retention period is not stated."));
      return CS_ITEM_PARTIAL;
    }
  if (longest < MIN_LOG_RETENTION_HOURS)
    {
      *detail = g_strdup (_("Logs are kept less than 6 months."));
      return CS_ITEM_PARTIAL;
    }

  return g_strcmp0 (status, "committed") == 0 ? CS_ITEM_SATISFIED : CS_ITEM_PARTIAL;
}

static CsItemStatus
cross_subcontractor_list (Ctx   *ctx,
                          char **detail)
{
  CsRecord *sub = get_section (ctx, CS_TYPE_SUBCONTRACTING);
  g_autoptr(GPtrArray) list = get_records (ctx, CS_TYPE_SUBCONTRACTOR);

  if (sub != NULL && g_strcmp0 (cs_record_get_string (sub, "allowed"), "no") == 0
      && list->len == 0)
    return CS_ITEM_NOT_APPLICABLE;
  if (list->len > 0)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("No subcontractor is listed."));
  return CS_ITEM_MISSING;
}

/* Does the offer host services (hosting, cloud, SaaS)? Then the Data Act switching rules apply. */
static gboolean
is_hosted (Ctx *ctx)
{
  static GRegex *hosting = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (ctx->hosted >= 0)
    return ctx->hosted;

  if (g_once_init_enter (&hosting))
    g_once_init_leave (&hosting, g_regex_new ("\\b(?:host|heberg|cloud|saas|iaas|datacent)",
                                              G_REGEX_CASELESS, 0, NULL));

  ctx->hosted = FALSE;
  list = get_records (ctx, CS_TYPE_SUBCONTRACTOR);
  for (guint i = 0; i < list->len && !ctx->hosted; i++)
    {
      g_autoptr(CsNormalizedText) norm =
        cs_normalized_text_new (cs_record_get_string (list->pdata[i], "service"), -1);

      if (norm != NULL && g_regex_match (hosting, norm->text, 0, NULL))
        ctx->hosted = TRUE;
    }

  return ctx->hosted;
}

static CsItemStatus
cross_transition_period (Ctx   *ctx,
                         char **detail)
{
  CsRecord *exit_terms = get_section (ctx, CS_TYPE_EXIT_TERMS);
  double days = exit_terms != NULL ? cs_record_get_number (exit_terms, "transition_days") : NAN;

  if (isnan (days))
    {
      *detail = g_strdup (_("The transition period is not stated."));
      return CS_ITEM_MISSING;
    }
  if (is_hosted (ctx) && days > MAX_TRANSITION_DAYS)
    {
      *detail = g_strdup_printf (_("A transition of %g days exceeds the 30 days the Data Act allows for hosted services."),
                                 days);
      return CS_ITEM_PARTIAL;
    }

  return CS_ITEM_SATISFIED;
}

static CsItemStatus
cross_switching_charges (Ctx   *ctx,
                         char **detail)
{
  CsRecord *exit_terms = get_section (ctx, CS_TYPE_EXIT_TERMS);
  const char *mode = exit_terms != NULL ? cs_record_get_string (exit_terms, "assistance_mode") : NULL;

  if (!is_hosted (ctx))
    return CS_ITEM_NOT_APPLICABLE;
  if (g_strcmp0 (mode, "included") == 0 || g_strcmp0 (mode, "fixed") == 0
      || g_strcmp0 (mode, "rate_card") == 0)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("Switching charges of a hosted service must be known in advance."));
  return CS_ITEM_MISSING;
}

static CsItemStatus
cross_term_renewal_notice (Ctx   *ctx,
                           char **detail)
{
  CsRecord *terms = get_section (ctx, CS_TYPE_TERMS);
  guint n = 0;

  if (terms != NULL)
    {
      n += !isnan (cs_record_get_number (terms, "term_months"));
      n += field_is_stated (terms, "renewal_mode");
      n += !isnan (cs_record_get_number (terms, "notice_days"));
    }

  if (n == 3)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("The initial term, the renewal mode and the notice period must all be stated."));
  return n > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

static const struct
{
  const char *name;
  CrossFunc   func;
} cross_checks[] = {
  { "inventory-covered", cross_inventory_covered },
  { "critical-assets-managed", cross_critical_assets_managed },
  { "critical-assets-backed-up", cross_critical_assets_backed_up },
  { "exclusions-keep-core", cross_exclusions_keep_core },
  { "raci-accountable", cross_raci_accountable },
  { "raci-security-owned", cross_raci_security_owned },
  { "backup-owned-by-provider", cross_backup_owned_by_provider },
  { "sla-priorities-defined", cross_sla_priorities_defined },
  { "sla-response-per-priority", cross_sla_response_per_priority },
  { "sla-resolution-per-priority", cross_sla_resolution_per_priority },
  { "priority-monotonic", cross_priority_monotonic },
  { "coverage-window", cross_coverage_window },
  { "availability-measured", cross_availability_measured },
  { "maintenance-bounded", cross_maintenance_bounded },
  { "isolated-copy", cross_isolated_copy },
  { "restore-tests", cross_restore_tests },
  { "backup-frequency-rpo", cross_backup_frequency_rpo },
  { "log-retention", cross_log_retention },
  { "subcontractor-list", cross_subcontractor_list },
  { "transition-period", cross_transition_period },
  { "switching-charges", cross_switching_charges },
  { "term-renewal-notice", cross_term_renewal_notice },
};

/* Generic checks */

static gboolean
value_in (const char         *value,
          const char * const *list)
{
  return list != NULL && value != NULL && g_strv_contains (list, value);
}

static CsItemStatus
evaluate_check (Item   *item,
                Ctx    *ctx,
                char  **detail)
{
  g_autoptr(GPtrArray) records = NULL;
  guint n_good = 0, n_weak = 0;

  switch (item->kind)
    {
    case CHECK_CROSS:
      return item->cross (ctx, detail);

    case CHECK_CONTROL:
      {
        CsRecord *control = NULL;
        const char *status = NULL;

        records = get_records (ctx, CS_TYPE_SECURITY_CONTROL);
        control = find_by_key (records, "control", item->value);
        status = control != NULL ? cs_record_get_string (control, "status") : NULL;
        if (g_strcmp0 (status, "committed") == 0)
          return CS_ITEM_SATISFIED;
        if (g_strcmp0 (status, "partial") == 0)
          return CS_ITEM_PARTIAL;
        if (g_strcmp0 (status, "not_applicable") == 0)
          return CS_ITEM_NOT_APPLICABLE;
        *detail = g_strdup (g_strcmp0 (status, "absent") == 0
                            ? _("The offer states that this control is absent.")
                            : _("The offer does not state this control."));
        return CS_ITEM_MISSING;
      }

    case CHECK_DELIVERABLE:
      {
        CsRecord *deliverable = NULL;

        records = get_records (ctx, CS_TYPE_EXIT_DELIVERABLE);
        deliverable = find_by_key (records, "item", item->value);
        if (deliverable == NULL)
          {
            *detail = g_strdup (_("This deliverable is not listed in the exit terms."));
            return CS_ITEM_MISSING;
          }
        if (!isnan (cs_record_get_number (deliverable, "deadline_days"))
            && field_is_stated (deliverable, "format"))
          return CS_ITEM_SATISFIED;
        *detail = g_strdup (_("The deliverable needs a format and a deadline."));
        return CS_ITEM_PARTIAL;
      }

    case CHECK_LIST:
      records = get_records (ctx, item->type);
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
      records = get_records (ctx, item->type);
      for (guint i = 0; i < records->len; i++)
        {
          CsRecord *record = records->pdata[i];

          if (item->kind == CHECK_PRESENCE)
            n_good += field_is_stated (record, item->field);
          else if (item->kind == CHECK_CHOICE)
            {
              const char *value = cs_record_get_string (record, item->field);

              if (item->accept != NULL ? value_in (value, (const char * const *) item->accept)
                                       : !value_in (value, (const char * const *) item->reject))
                n_good++;
            }
          else
            {
              double value = cs_record_get_number (record, item->field);

              if (isnan (value))
                continue;
              if ((!isnan (item->min) && value < item->min)
                  || (!isnan (item->max) && value > item->max))
                {
                  n_weak++;
                  g_clear_pointer (detail, g_free);
                  *detail = !isnan (item->min) && value < item->min
                            ? g_strdup_printf (_("%g is below the minimum of %g."), value, item->min)
                            : g_strdup_printf (_("%g is above the maximum of %g."), value, item->max);
                }
              else
                n_good++;
            }
        }
      if (records->len > 0 && n_good == 0 && n_weak == 0 && *detail == NULL)
        *detail = g_strdup (item->kind == CHECK_NUMBER ? _("No value is stated.")
                                                       : _("The offer does not state it."));
      return aggregate (n_good, n_weak, records->len, detail);

    case CHECK_MANUAL:
    default:
      return CS_ITEM_UNANSWERED;
    }
}

/* Loading */

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->id);
  g_free (item->group);
  g_free (item->title);
  g_free (item->guidance);
  g_free (item->remedy);
  g_free (item->source);
  g_free (item->field);
  g_free (item->value);
  g_strfreev (item->accept);
  g_strfreev (item->reject);
  g_free (item);
}

static gboolean
pack_error (GError     **error,
            const char  *name,
            xmlNode     *node,
            const char  *message)
{
  g_set_error (error, CS_CHECKLIST_ERROR, CS_CHECKLIST_ERROR_INVALID_PACK,
               _("The rule file “%s” is not valid: line %d: %s"), name,
               (int) xmlGetLineNo (node), message);
  return FALSE;
}

static gboolean
load_check (Item        *item,
            xmlNode     *check,
            const char  *name,
            GError     **error)
{
  static const char * const kinds[] = {
    "manual", "presence", "number", "list", "choice", "control", "deliverable", "cross", NULL
  };
  g_autofree char *kind = _cs_rulefile_get_prop (check, "kind");
  g_autofree char *table = _cs_rulefile_get_prop (check, "table");
  g_autofree char *accept = _cs_rulefile_get_prop (check, "accept");
  g_autofree char *reject = _cs_rulefile_get_prop (check, "reject");
  g_autofree char *min = _cs_rulefile_get_prop (check, "min");
  g_autofree char *max = _cs_rulefile_get_prop (check, "max");

  item->kind = CHECK_MANUAL;
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      item->kind = i;

  item->field = _cs_rulefile_get_prop (check, "field");
  item->value = _cs_rulefile_get_prop (check, "value");
  if (item->kind == CHECK_CONTROL)
    item->value = _cs_rulefile_get_prop (check, "control");
  else if (item->kind == CHECK_DELIVERABLE)
    item->value = _cs_rulefile_get_prop (check, "item");
  item->accept = accept != NULL ? g_strsplit (accept, " ", -1) : NULL;
  item->reject = reject != NULL ? g_strsplit (reject, " ", -1) : NULL;
  item->min = min != NULL ? g_ascii_strtod (min, NULL) : NAN;
  item->max = max != NULL ? g_ascii_strtod (max, NULL) : NAN;

  if (item->kind == CHECK_CROSS)
    {
      g_autofree char *rule = _cs_rulefile_get_prop (check, "rule");

      for (guint i = 0; i < G_N_ELEMENTS (cross_checks); i++)
        if (g_strcmp0 (rule, cross_checks[i].name) == 0)
          item->cross = cross_checks[i].func;

      if (item->cross == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("unknown cross-check “%s”"), rule);
          return pack_error (error, name, check, message);
        }
    }

  if (table != NULL)
    {
      const CsEntity *entity = NULL;

      item->type = type_from_table (table);
      if (item->type == G_TYPE_INVALID)
        {
          g_autofree char *message = g_strdup_printf (_("unknown table “%s”"), table);
          return pack_error (error, name, check, message);
        }

      entity = cs_record_type_get_entity (item->type);
      if (!entity->one_per_parent && g_strcmp0 (entity->parent, "offer_id") != 0)
        {
          g_autofree char *message = g_strdup_printf (_("the table “%s” is not part of an offer"),
                                                      table);
          return pack_error (error, name, check, message);
        }

      if (item->field != NULL)
        {
          const CsField *field = cs_entity_find_field (entity, item->field, NULL);

          if (field == NULL)
            {
              g_autofree char *message = g_strdup_printf (_("unknown field “%s” in table “%s”"),
                                                          item->field, table);
              return pack_error (error, name, check, message);
            }
          if (item->kind == CHECK_NUMBER && field->type != CS_FIELD_NUMBER)
            {
              g_autofree char *message = g_strdup_printf (_("the field “%s” is not a number"),
                                                          item->field);
              return pack_error (error, name, check, message);
            }
          if (item->kind == CHECK_CHOICE && field->type != CS_FIELD_CHOICE)
            {
              g_autofree char *message = g_strdup_printf (_("the field “%s” is not a choice"),
                                                          item->field);
              return pack_error (error, name, check, message);
            }
        }
    }

  return TRUE;
}

static void
cs_checklist_finalize (GObject *object)
{
  CsChecklist *self = (CsChecklist *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);

  G_OBJECT_CLASS (cs_checklist_parent_class)->finalize (object);
}

static void
cs_checklist_class_init (CsChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_checklist_finalize;
}

static void
cs_checklist_init (CsChecklist *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
cs_report_finalize (GObject *object)
{
  CsReport *self = (CsReport *) object;

  g_clear_object (&self->results);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->results_by_id, g_hash_table_unref);
  g_clear_pointer (&self->group_scores, g_hash_table_unref);

  G_OBJECT_CLASS (cs_report_parent_class)->finalize (object);
}

static void
cs_report_class_init (CsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_report_finalize;
}

static void
cs_report_init (CsReport *self)
{
  self->results = g_list_store_new (CS_TYPE_FINDING);
  self->findings = g_list_store_new (CS_TYPE_FINDING);
  self->results_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->group_scores = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/**
 * cs_checklist_new:
 *
 * Creates a checklist without items; add packs with cs_checklist_load_bytes().
 *
 * Returns: (transfer full): a new checklist
 */
CsChecklist *
cs_checklist_new (void)
{
  return g_object_new (CS_TYPE_CHECKLIST, NULL);
}

/**
 * cs_checklist_new_default:
 * @error: return location for an error
 *
 * Creates the checklist of the bundled packs: the base pack and the regulatory (DORA/EBA) pack.
 *
 * Returns: (transfer full) (nullable): a new checklist
 */
CsChecklist *
cs_checklist_new_default (GError **error)
{
  static const char * const packs[] = { "base.xml", "regulatory.xml" };
  g_autoptr(CsChecklist) self = cs_checklist_new ();

  /* Referencing the bundle links it in, even into programs that use nothing else of it. */
  g_assert (cs_core_get_resource () != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      g_autofree char *path = g_strconcat (PACKS_PREFIX, packs[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         error);

      if (bytes == NULL || !cs_checklist_load_bytes (self, bytes, packs[i], error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cs_checklist_load_bytes:
 * @self: a checklist
 * @xml: the contents of a rule pack
 * @name: the file name, for messages
 * @error: return location for an error
 *
 * Adds the items of a rule pack. The pack is validated against checklist.rng, then each check
 * must name a known table, field and cross-check, and item ids must be unique; on failure
 * nothing is added and @error names the line.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_checklist_load_bytes (CsChecklist  *self,
                         GBytes       *xml,
                         const char   *name,
                         GError      **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *regulatory = NULL;
  xmlNode *root = NULL;

  g_return_val_if_fail (CS_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  doc = _cs_rulefile_parse (xml, name, SCHEMA_RESOURCE, CS_CHECKLIST_ERROR,
                            CS_CHECKLIST_ERROR_INVALID_PACK, error);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  regulatory = _cs_rulefile_get_prop (root, "regulatory");
  items = g_ptr_array_new_with_free_func (item_free);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *severity = NULL;
      g_autofree char *weight = NULL;
      Item *item = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      item = g_new0 (Item, 1);
      g_ptr_array_add (items, item);
      item->id = _cs_rulefile_get_prop (node, "id");
      item->group = _cs_rulefile_get_prop (node, "group");
      severity = _cs_rulefile_get_prop (node, "severity");
      cs_severity_from_string (severity, &item->severity);
      weight = _cs_rulefile_get_prop (node, "weight");
      item->weight = weight != NULL ? (guint) g_ascii_strtoull (weight, NULL, 10)
                                    : cs_severity_get_weight (item->severity);
      item->regulatory = g_strcmp0 (regulatory, "true") == 0 || g_strcmp0 (regulatory, "1") == 0;
      item->title = _cs_rulefile_get_text (_cs_rulefile_child (node, "title"));
      item->guidance = _cs_rulefile_get_text (_cs_rulefile_child (node, "guidance"));
      item->remedy = _cs_rulefile_get_text (_cs_rulefile_child (node, "remedy"));
      item->source = _cs_rulefile_get_text (_cs_rulefile_child (node, "source"));

      if (g_hash_table_contains (self->ids, item->id))
        {
          g_autofree char *message = g_strdup_printf (_("the item “%s” is defined twice"),
                                                      item->id);
          return pack_error (error, name, node, message);
        }
      for (guint i = 0; i + 1 < items->len; i++)
        if (g_str_equal (((Item *) items->pdata[i])->id, item->id))
          {
            g_autofree char *message = g_strdup_printf (_("the item “%s” is defined twice"),
                                                        item->id);
            return pack_error (error, name, node, message);
          }

      if (!load_check (item, _cs_rulefile_child (node, "check"), name, error))
        return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];

      g_hash_table_add (self->ids, item->id);
      g_ptr_array_add (self->items, item);
    }
  g_ptr_array_set_free_func (items, NULL);

  return TRUE;
}

/**
 * cs_checklist_get_n_items:
 * @self: a checklist
 *
 * Returns: the number of items of every pack loaded
 */
guint
cs_checklist_get_n_items (CsChecklist *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST (self), 0);

  return self->items->len;
}

/**
 * cs_checklist_get_item_id:
 * @self: a checklist
 * @index: an item index
 *
 * Returns: the id of the item ("SLA-02")
 */
const char *
cs_checklist_get_item_id (CsChecklist *self,
                          guint        index)
{
  g_return_val_if_fail (CS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return ((Item *) self->items->pdata[index])->id;
}

static CsScore *
get_group_score (CsReport   *self,
                 const char *group)
{
  CsScore *score = g_hash_table_lookup (self->group_scores, group);

  if (score == NULL)
    {
      score = g_new0 (CsScore, 1);
      g_hash_table_insert (self->group_scores, (gpointer) g_intern_string (group), score);
    }

  return score;
}

static void
add_to_score (CsScore      *score,
              Item         *item,
              CsItemStatus  status,
              gboolean      knock_out)
{
  score->n_items++;
  switch (status)
    {
    case CS_ITEM_SATISFIED:
      score->n_satisfied++;
      score->earned += item->weight;
      score->total += item->weight;
      break;
    case CS_ITEM_PARTIAL:
      score->n_partial++;
      score->earned += item->weight / 2.0;
      score->total += item->weight;
      break;
    case CS_ITEM_MISSING:
      score->n_missing++;
      score->total += item->weight;
      break;
    case CS_ITEM_UNANSWERED:
      score->n_unanswered++;
      score->total += item->weight;
      break;
    case CS_ITEM_NOT_APPLICABLE:
      score->n_not_applicable++;
      break;
    case CS_ITEM_REFERENCE:
    default:
      score->n_reference++;
      break;
    }
  if (knock_out)
    score->n_knock_outs++;
}

static void
finish_score (CsScore *score)
{
  score->score = score->total > 0 ? score->earned / score->total : NAN;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  CsFinding *fa = (CsFinding *) a;
  CsFinding *fb = (CsFinding *) b;

  if (cs_finding_get_knock_out (fa) != cs_finding_get_knock_out (fb))
    return cs_finding_get_knock_out (fa) ? -1 : 1;
  if (cs_finding_get_severity (fa) != cs_finding_get_severity (fb))
    return cs_finding_get_severity (fa) < cs_finding_get_severity (fb) ? -1 : 1;
  if (cs_finding_get_kind (fa) != cs_finding_get_kind (fb))
    return cs_finding_get_kind (fa) < cs_finding_get_kind (fb) ? -1 : 1;
  if (cs_finding_get_status (fa) != cs_finding_get_status (fb))
    return cs_finding_get_status (fa) > cs_finding_get_status (fb) ? -1 : 1;
  return g_strcmp0 (cs_finding_get_id (fa), cs_finding_get_id (fb));
}

static void
lint_clauses (CsReport *report,
              CsStore  *store,
              CsLinter *linter,
              gint64    offer_id)
{
  GListModel *clauses = cs_store_list (store, CS_TYPE_CLAUSE, offer_id);
  guint n = g_list_model_get_n_items (clauses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsRecord) clause = g_list_model_get_item (clauses, i);
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GError) error = NULL;
      const char *text = cs_record_get_string (clause, "text");
      CsSection section = CS_SECTION_DASHBOARD;

      cs_section_from_id (cs_record_get_string (clause, "section"), &section);
      /* Both languages: a clause may quote an annex in the other language. */
      findings = cs_linter_check (linter, text, -1, CS_LANGUAGE_ANY, section,
                                  cs_record_get_id (clause), &error);
      if (findings == NULL)
        {
          g_debug ("Clause %" G_GINT64_FORMAT " not checked: %s", cs_record_get_id (clause),
                   error->message);
          continue;
        }

      for (guint f = 0; f < findings->len; f++)
        {
          report->scores[section].n_lint_findings++;
          report->scores[CS_SECTION_DASHBOARD].n_lint_findings++;
          g_list_store_append (report->findings, findings->pdata[f]);
        }
    }
}

/**
 * cs_checklist_evaluate:
 * @self: a checklist
 * @store: the project
 * @linter: (nullable): the clause linter, to include weak wordings of the offer's clauses
 * @offer_id: the offer to evaluate
 * @error: return location for an error
 *
 * Evaluates every item for @offer_id: computed checks from the offer's data, manual items and
 * overrides from its checklist answers, regulatory items as requirements only for a regulated
 * client. Scores weigh each scored item by its weight (critical 5, major 3, minor 1 by
 * default): satisfied earns the weight, partial half of it. A critical item that is missing is
 * a knock-out. The offer's score is Σ earned / Σ weight over all sections.
 *
 * Returns: (transfer full) (nullable): the report
 */
CsReport *
cs_checklist_evaluate (CsChecklist  *self,
                       CsStore      *store,
                       CsLinter     *linter,
                       gint64        offer_id,
                       GError      **error)
{
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GHashTable) answers = NULL;
  GListModel *answer_list = NULL;
  CsProject *project = NULL;
  gboolean regulated = FALSE;
  Ctx ctx = { .store = store, .offer_id = offer_id, .hosted = -1 };
  guint n = 0;

  g_return_val_if_fail (CS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (linter == NULL || CS_IS_LINTER (linter), NULL);

  if (cs_store_find (store, CS_TYPE_OFFER, offer_id) == NULL)
    {
      g_set_error (error, CS_CHECKLIST_ERROR, CS_CHECKLIST_ERROR_NO_OFFER,
                   _("The offer to score does not exist in this project."));
      return NULL;
    }

  project = cs_store_get_project (store);
  regulated = project != NULL && cs_record_get_boolean (CS_RECORD (project), "regulated");

  report = g_object_new (CS_TYPE_REPORT, NULL);
  report->offer_id = offer_id;

  /* The latest answer per item wins. */
  answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  answer_list = cs_store_list (store, CS_TYPE_CHECKLIST_ANSWER, offer_id);
  n = g_list_model_get_n_items (answer_list);
  for (guint i = 0; i < n; i++)
    {
      CsRecord *answer = g_list_model_get_item (answer_list, i);

      g_hash_table_replace (answers, (gpointer) cs_record_get_string (answer, "item_id"), answer);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];
      CsRecord *answer = g_hash_table_lookup (answers, item->id);
      g_autofree char *detail = NULL;
      g_autoptr(CsFinding) finding = NULL;
      CsItemStatus status;
      CsItemOrigin origin = item->kind == CHECK_MANUAL ? CS_ORIGIN_MANUAL : CS_ORIGIN_COMPUTED;
      CsSection section = cs_checklist_group_get_section (item->group);
      gboolean knock_out = FALSE;
      const char *justification = NULL;
      const char *reference = NULL;

      status = evaluate_check (item, &ctx, &detail);

      if (answer != NULL && (item->kind == CHECK_MANUAL
                             || cs_record_get_boolean (answer, "override")))
        {
          CsItemStatus answered = CS_ITEM_MISSING;
          const char *text = cs_record_get_string (answer, "status");

          if (g_strcmp0 (text, "satisfied") == 0)
            answered = CS_ITEM_SATISFIED;
          else if (g_strcmp0 (text, "partial") == 0)
            answered = CS_ITEM_PARTIAL;
          else if (g_strcmp0 (text, "not_applicable") == 0)
            answered = CS_ITEM_NOT_APPLICABLE;

          if (item->kind != CHECK_MANUAL)
            {
              g_free (detail);
              detail = g_strdup_printf (_("Computed status: %s."), cs_item_status_get_label (status));
              origin = CS_ORIGIN_OVERRIDE;
            }
          status = answered;
          justification = cs_record_get_string (answer, "justification");
          reference = cs_record_get_string (answer, "reference");
        }

      if (item->regulatory && !regulated)
        status = CS_ITEM_REFERENCE;

      knock_out = item->severity == CS_SEVERITY_CRITICAL && status == CS_ITEM_MISSING;

      finding = g_object_new (CS_TYPE_FINDING,
                              "kind", CS_FINDING_CHECKLIST,
                              "id", item->id,
                              "severity", item->severity,
                              "status", status,
                              "origin", origin,
                              "knock-out", knock_out,
                              "title", _cs_rulefile_translate (item->title),
                              "message", _cs_rulefile_translate (item->guidance),
                              "detail", detail,
                              "remedy", _cs_rulefile_translate (item->remedy),
                              "source", item->source,
                              "group", item->group,
                              "section", (guint) section,
                              "field", item->field,
                              "record-id", answer != NULL ? cs_record_get_id (answer) : 0,
                              "justification", justification,
                              "reference", reference,
                              NULL);

      add_to_score (&report->scores[section], item, status, knock_out);
      add_to_score (&report->scores[CS_SECTION_DASHBOARD], item, status, knock_out);
      add_to_score (get_group_score (report, item->group), item, status, knock_out);

      g_list_store_append (report->results, finding);
      g_hash_table_insert (report->results_by_id, item->id, finding);
      if (status == CS_ITEM_MISSING || status == CS_ITEM_PARTIAL || status == CS_ITEM_UNANSWERED)
        g_list_store_append (report->findings, finding);
    }

  if (linter != NULL)
    lint_clauses (report, store, linter, offer_id);

  for (guint s = 0; s < CS_N_SECTIONS; s++)
    finish_score (&report->scores[s]);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, report->group_scores);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      finish_score (value);
  }

  g_list_store_sort (report->findings, compare_findings, NULL);

  return g_steal_pointer (&report);
}

/**
 * cs_checklist_evaluate_all:
 * @self: a checklist
 * @store: the project
 * @linter: (nullable): the clause linter, to count weak wordings per section
 * @error: return location for an error
 *
 * Scores every offer of @store, in the order of cs_store_get_offers(), as
 * cs_checklist_evaluate() would one by one. What the offers share is read once: the store
 * counts the coverage of all offers in one pass over the inventory (cs_store_count_coverage())
 * and keeps those counts until the project changes.
 *
 * Returns: (transfer container) (element-type CsReport): one report per offer, or %NULL with
 *   @error set
 */
GPtrArray *
cs_checklist_evaluate_all (CsChecklist  *self,
                           CsStore      *store,
                           CsLinter     *linter,
                           GError      **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  GListModel *offers = NULL;
  guint n = 0;

  g_return_val_if_fail (CS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (linter == NULL || CS_IS_LINTER (linter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  offers = cs_store_get_offers (store);
  n = g_list_model_get_n_items (offers);
  reports = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      CsReport *report = cs_checklist_evaluate (self, store, linter, cs_record_get_id (offer),
                                                error);

      if (report == NULL)
        return NULL;
      g_ptr_array_add (reports, report);
    }

  return g_steal_pointer (&reports);
}

/**
 * cs_report_get_offer_id:
 * @self: a report
 *
 * Returns: the offer evaluated
 */
gint64
cs_report_get_offer_id (CsReport *self)
{
  g_return_val_if_fail (CS_IS_REPORT (self), 0);

  return self->offer_id;
}

/**
 * cs_report_get_results:
 * @self: a report
 *
 * Returns: (transfer none): a #GListModel of #CsFinding, one per checklist item, in pack order
 */
GListModel *
cs_report_get_results (CsReport *self)
{
  g_return_val_if_fail (CS_IS_REPORT (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * cs_report_get_findings:
 * @self: a report
 *
 * The dashboard's list: items missing, partial or still to assess, and weak wordings of the
 * offer's clauses; knock-outs first, then by severity.
 *
 * Returns: (transfer none): a #GListModel of #CsFinding
 */
GListModel *
cs_report_get_findings (CsReport *self)
{
  g_return_val_if_fail (CS_IS_REPORT (self), NULL);

  return G_LIST_MODEL (self->findings);
}

/**
 * cs_report_lookup_result:
 * @self: a report
 * @item_id: a checklist item id
 *
 * Returns: (transfer none) (nullable): the result of the item
 */
CsFinding *
cs_report_lookup_result (CsReport   *self,
                         const char *item_id)
{
  g_return_val_if_fail (CS_IS_REPORT (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_hash_table_lookup (self->results_by_id, item_id);
}

/**
 * cs_report_get_score:
 * @self: a report
 * @section: a section of the sidebar, or %CS_SECTION_DASHBOARD for the whole offer
 *
 * The billing, governance and GDPR groups all count in %CS_SECTION_TERMS.
 *
 * Returns: (transfer none): the score
 */
const CsScore *
cs_report_get_score (CsReport  *self,
                     CsSection  section)
{
  g_return_val_if_fail (CS_IS_REPORT (self), NULL);
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  return &self->scores[section];
}

/**
 * cs_report_get_group_score:
 * @self: a report
 * @group: a checklist group ("perimeter" … "gdpr", see cs_checklist_groups())
 *
 * Returns: (transfer none) (nullable): the score of the group, or %NULL if no item has it
 */
const CsScore *
cs_report_get_group_score (CsReport   *self,
                           const char *group)
{
  g_return_val_if_fail (CS_IS_REPORT (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  return g_hash_table_lookup (self->group_scores, group);
}

/**
 * cs_report_get_n_knock_outs:
 * @self: a report
 *
 * Returns: the number of critical items missing
 */
guint
cs_report_get_n_knock_outs (CsReport *self)
{
  g_return_val_if_fail (CS_IS_REPORT (self), 0);

  return self->scores[CS_SECTION_DASHBOARD].n_knock_outs;
}

/**
 * cs_checklist_groups:
 *
 * Returns: (transfer none): the checklist groups, in display order, %NULL-terminated
 */
const char * const *
cs_checklist_groups (void)
{
  return group_ids;
}

/**
 * cs_checklist_group_get_title:
 * @group: a checklist group
 *
 * Returns: the translated title of @group, or @group when unknown
 */
const char *
cs_checklist_group_get_title (const char *group)
{
  g_return_val_if_fail (group != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (g_str_equal (groups[i].id, group))
      return _(groups[i].title);

  return group;
}

/**
 * cs_checklist_group_get_section:
 * @group: a checklist group
 *
 * Returns: the section of the sidebar where the items of @group are fixed
 */
CsSection
cs_checklist_group_get_section (const char *group)
{
  g_return_val_if_fail (group != NULL, CS_SECTION_DASHBOARD);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (g_str_equal (groups[i].id, group))
      return groups[i].section;

  return CS_SECTION_DASHBOARD;
}
