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
#include "cs-checklist-private.h"
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
  double      band_floors[3];   /* amber, green, blue: from the pack's <scoring> */
  char       *explanation;      /* untranslated */
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

G_DEFINE_FINAL_TYPE (CsChecklist, cs_checklist, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (CsReport, cs_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (cs-checklist-error-quark, cs_checklist_error)

#define SCHEMA_RESOURCE "/org/contractscope/ContractScope/core/checklists/checklist.rng"
#define PACKS_PREFIX "/org/contractscope/ContractScope/core/checklists/"

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

/* Loading */

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
  g_free (item->manual_reason);
  g_free (item->field);
  g_free (item->value);
  g_clear_pointer (&item->thresholds, g_array_unref);
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

static void
threshold_clear (gpointer data)
{
  Threshold *t = data;

  g_free (t->field);
}

/* A bound: a number in the unit of its field, or a duration ("6 months") in hours. */
static gboolean
parse_bound (const char *text,
             double     *out_value,
             gboolean   *out_duration)
{
  char *end = NULL;

  *out_value = NAN;
  if (text == NULL)
    return TRUE;

  *out_value = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0')
    return TRUE;

  *out_duration = TRUE;
  return cs_duration_parse (text, out_value);
}

static gboolean
add_threshold (Item        *item,
               xmlNode     *node,
               const char  *field,
               const char  *name,
               GError     **error)
{
  g_autofree char *min = _cs_rulefile_get_prop (node, "min");
  g_autofree char *max = _cs_rulefile_get_prop (node, "max");
  g_autofree char *limit = _cs_rulefile_get_prop (node, "limit");
  g_autofree char *governs = _cs_rulefile_get_prop (node, "governs");
  g_autofree char *when = _cs_rulefile_get_prop (node, "when");
  Threshold t = { .field = g_strdup (field) };

  if (min == NULL && max == NULL)
    {
      g_free (t.field);
      return TRUE;
    }

  if (!parse_bound (min, &t.min, &t.duration) || !parse_bound (max, &t.max, &t.duration)
      || !parse_bound (limit, &t.limit, &t.duration))
    {
      g_free (t.field);
      return pack_error (error, name, node, _("a threshold is neither a number nor one duration"));
    }

  /* Unless the pack says otherwise, the weakest commitment governs: the shortest of several
   * retentions must reach a minimum, the longest of several delays must stay within a maximum. */
  t.governs = min != NULL ? CS_DURATION_GOVERNS_SHORTEST : CS_DURATION_GOVERNS_LONGEST;
  if (g_strcmp0 (governs, "shortest") == 0)
    t.governs = CS_DURATION_GOVERNS_SHORTEST;
  else if (g_strcmp0 (governs, "longest") == 0)
    t.governs = CS_DURATION_GOVERNS_LONGEST;
  t.hosted = g_strcmp0 (when, "hosted") == 0;

  if (item->thresholds == NULL)
    {
      item->thresholds = g_array_new (FALSE, TRUE, sizeof (Threshold));
      g_array_set_clear_func (item->thresholds, threshold_clear);
    }
  g_array_append_val (item->thresholds, t);
  return TRUE;
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
  item->manual_reason = _cs_rulefile_get_prop (check, "reason");

  if (!add_threshold (item, check, NULL, name, error))
    return FALSE;
  for (xmlNode *child = check->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, BAD_CAST "threshold"))
      {
        g_autofree char *field = _cs_rulefile_get_prop (child, "field");

        if (!add_threshold (item, child, field, name, error))
          return FALSE;
      }

  if (item->kind == CHECK_CROSS)
    {
      g_autofree char *rule = _cs_rulefile_get_prop (check, "rule");

      item->cross = _cs_checklist_find_cross (rule, &item->cross_data);

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

/* The pack's scoring rules: the floors of the standing bands (percent) and their explanation. */
static void
load_scoring (CsChecklist *self,
              xmlNode     *scoring)
{
  guint n_bands = 0;

  for (xmlNode *child = scoring->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (child->name, BAD_CAST "band") && n_bands < G_N_ELEMENTS (self->band_floors))
        {
          g_autofree char *from = _cs_rulefile_get_prop (child, "from");

          self->band_floors[n_bands++] = g_ascii_strtod (from, NULL) / 100.0;
        }
      else if (xmlStrEqual (child->name, BAD_CAST "explanation"))
        {
          g_free (self->explanation);
          self->explanation = _cs_rulefile_get_text (child);
        }
    }
}

static void
cs_checklist_finalize (GObject *object)
{
  CsChecklist *self = (CsChecklist *) object;

  g_clear_pointer (&self->explanation, g_free);

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
      if (xmlStrEqual (node->name, BAD_CAST "scoring"))
        {
          load_scoring (self, node);
          continue;
        }

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

/* Assessed counts every item that has an answer, computed or given; the score weighs only
 * those, so an item nobody has assessed yet never reads as a weak one. */
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
      score->possible += item->weight;
      break;
    case CS_ITEM_PARTIAL:
      score->n_partial++;
      score->earned += item->weight / 2.0;
      score->total += item->weight;
      score->possible += item->weight;
      break;
    case CS_ITEM_MISSING:
      score->n_missing++;
      score->total += item->weight;
      score->possible += item->weight;
      break;
    case CS_ITEM_UNANSWERED:
      score->n_unanswered++;
      score->possible += item->weight;
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
  score->assessed = score->possible > 0 ? score->total / score->possible : NAN;
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

/* What the linter found against one item: the worst finding of a clause of its section. */
typedef struct
{
  CsSeverity  severity;
  char       *evidence;
  gint64      clause_id;
} LintHit;

static void
lint_hit_free (gpointer data)
{
  LintHit *hit = data;

  g_free (hit->evidence);
  g_free (hit);
}

static void
note_lint_hit (GHashTable *hits,
               CsLinter   *linter,
               CsFinding  *finding,
               CsRecord   *clause,
               CsSection   section)
{
  const char * const *items = cs_linter_get_rule_items (linter, cs_finding_get_id (finding));
  const char *reference = cs_record_get_string (clause, "reference");

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      /* A general clause (pasted on the dashboard) bears on the item whatever its section. */
      g_autofree char *key = section == CS_SECTION_DASHBOARD
                             ? g_strdup_printf ("*:%s", items[i])
                             : g_strdup_printf ("%u:%s", (guint) section, items[i]);
      LintHit *hit = g_hash_table_lookup (hits, key);

      if (hit != NULL && hit->severity <= cs_finding_get_severity (finding))
        continue;
      if (hit == NULL)
        {
          hit = g_new0 (LintHit, 1);
          g_hash_table_insert (hits, g_steal_pointer (&key), hit);
        }
      hit->severity = cs_finding_get_severity (finding);
      hit->clause_id = cs_record_get_id (clause);
      g_free (hit->evidence);
      /* Translators: evidence of a checklist item: clause reference, the weak words, the rule */
      hit->evidence = g_strdup_printf (_("Clause %s: “%s” — %s."),
                                       reference != NULL && *reference != '\0' ? reference : "—",
                                       cs_finding_get_matched_text (finding),
                                       cs_finding_get_title (finding));
    }
}

/* Lints the offer's clauses into the report's findings and returns, per "section:item", the
 * worst hit of a rule that names the item. */
static GHashTable *
lint_clauses (CsReport *report,
              CsStore  *store,
              CsLinter *linter,
              gint64    offer_id)
{
  GHashTable *hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lint_hit_free);
  GListModel *clauses = NULL;
  guint n = 0;

  if (linter == NULL)
    return hits;

  clauses = cs_store_list (store, CS_TYPE_CLAUSE, offer_id);
  n = g_list_model_get_n_items (clauses);
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
          note_lint_hit (hits, linter, findings->pdata[f], clause, section);
        }
    }

  return hits;
}

static CsItemStatus
status_from_answer (CsRecord *answer)
{
  const char *text = cs_record_get_string (answer, "status");

  if (g_strcmp0 (text, "satisfied") == 0)
    return CS_ITEM_SATISFIED;
  if (g_strcmp0 (text, "partial") == 0)
    return CS_ITEM_PARTIAL;
  if (g_strcmp0 (text, "not_applicable") == 0)
    return CS_ITEM_NOT_APPLICABLE;
  return CS_ITEM_MISSING;
}

/* The result of one item: its check, then the linter's hits on it, then the consultant's
 * answer (a manual answer, or an override that keeps its justification, who and when). */
static CsFinding *
evaluate_item (Item       *item,
               Ctx        *ctx,
               CsRecord   *answer,
               GHashTable *hits,
               gboolean    regulated)
{
  g_autofree char *detail = NULL;
  g_autofree char *hit_key = NULL;
  CsItemStatus status;
  CsItemOrigin origin = item->kind == CHECK_MANUAL ? CS_ORIGIN_MANUAL : CS_ORIGIN_COMPUTED;
  CsSection section = cs_checklist_group_get_section (item->group);
  LintHit *hit = NULL;
  gboolean knock_out = FALSE;

  status = _cs_checklist_evaluate_check (item, ctx, &detail);
  if (status == CS_ITEM_UNANSWERED && detail == NULL)
    detail = g_strdup (item->manual_reason != NULL
                       ? _cs_rulefile_translate (item->manual_reason)
                       : _("Not assessed yet: the offer's data cannot show it, read the contract and record the answer."));

  /* A weak wording of a clause of the section caps the item: partial at best, and a critical
   * finding fails it outright (a knock-out), with the clause as evidence. */
  hit_key = g_strdup_printf ("%u:%s", (guint) section, item->id);
  hit = g_hash_table_lookup (hits, hit_key);
  {
    g_autofree char *general_key = g_strdup_printf ("*:%s", item->id);
    LintHit *general = g_hash_table_lookup (hits, general_key);

    if (general != NULL && (hit == NULL || general->severity < hit->severity))
      hit = general;
  }
  if (hit != NULL && status != CS_ITEM_NOT_APPLICABLE
      && (status != CS_ITEM_MISSING || hit->severity == CS_SEVERITY_CRITICAL))
    {
      status = hit->severity == CS_SEVERITY_CRITICAL ? CS_ITEM_MISSING : CS_ITEM_PARTIAL;
      knock_out = hit->severity == CS_SEVERITY_CRITICAL;
      origin = CS_ORIGIN_COMPUTED;
      g_free (detail);
      detail = g_strdup (hit->evidence);
    }

  if (answer != NULL && (item->kind == CHECK_MANUAL || cs_record_get_boolean (answer, "override")))
    {
      if (item->kind != CHECK_MANUAL || hit != NULL)
        {
          g_free (detail);
          detail = g_strdup_printf (_("Computed status: %s."), cs_item_status_get_label (status));
          origin = CS_ORIGIN_OVERRIDE;
        }
      else
        {
          g_clear_pointer (&detail, g_free);
          origin = CS_ORIGIN_MANUAL;
        }
      status = status_from_answer (answer);
      knock_out = FALSE;
    }

  if (item->regulatory && !regulated)
    status = CS_ITEM_REFERENCE;

  knock_out = (knock_out && status == CS_ITEM_MISSING)
              || (item->severity == CS_SEVERITY_CRITICAL && status == CS_ITEM_MISSING);

  return g_object_new (CS_TYPE_FINDING,
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
                       "record-id", answer != NULL ? cs_record_get_id (answer)
                                    : hit != NULL ? hit->clause_id : 0,
                       "justification", answer != NULL ? cs_record_get_string (answer, "justification") : NULL,
                       "reference", answer != NULL ? cs_record_get_string (answer, "reference") : NULL,
                       "changed-by", answer != NULL ? cs_record_get_string (answer, "changed_by") : NULL,
                       "changed-at", answer != NULL ? cs_record_get_string (answer, "changed_at") : NULL,
                       NULL);
}

/**
 * _cs_checklist_evaluate_year:
 * @self: a checklist
 * @store: the project
 * @linter: (nullable): the clause linter
 * @offer_id: the offer to evaluate
 * @year: the year whose ticket openings the SLA worst cases examine, 0 for the current one
 * @error: return location for an error
 *
 * cs_checklist_evaluate() for a given year (section pages pass their reference day).
 *
 * Returns: (transfer full) (nullable): the report
 */
CsReport *
_cs_checklist_evaluate_year (CsChecklist  *self,
                             CsStore      *store,
                             CsLinter     *linter,
                             gint64        offer_id,
                             int           year,
                             GError      **error)
{
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GHashTable) hits = NULL;
  GListModel *answer_list = NULL;
  CsProject *project = NULL;
  gboolean regulated = FALSE;
  Ctx ctx = { .store = store, .offer_id = offer_id, .year = year, .hosted = -1 };
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

  hits = lint_clauses (report, store, linter, offer_id);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];
      g_autoptr(CsFinding) finding = evaluate_item (item, &ctx,
                                                    g_hash_table_lookup (answers, item->id),
                                                    hits, regulated);
      CsItemStatus status = cs_finding_get_status (finding);
      gboolean knock_out = cs_finding_get_knock_out (finding);
      CsSection section = cs_finding_get_section (finding);

      add_to_score (&report->scores[section], item, status, knock_out);
      add_to_score (&report->scores[CS_SECTION_DASHBOARD], item, status, knock_out);
      add_to_score (get_group_score (report, item->group), item, status, knock_out);

      g_list_store_append (report->results, finding);
      g_hash_table_insert (report->results_by_id, item->id, finding);
      if (status == CS_ITEM_MISSING || status == CS_ITEM_PARTIAL || status == CS_ITEM_UNANSWERED)
        g_list_store_append (report->findings, finding);
    }
  _cs_checklist_ctx_clear (&ctx);

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
 * cs_checklist_evaluate:
 * @self: a checklist
 * @store: the project
 * @linter: (nullable): the clause linter, to include weak wordings of the offer's clauses
 * @offer_id: the offer to evaluate
 * @error: return location for an error
 *
 * Evaluates every item for @offer_id: computed checks from the offer's data, manual items and
 * overrides from its checklist answers, regulatory items as requirements only for a regulated
 * client. A clause of the item's section (or a general clause, pasted on the dashboard) with a
 * linter finding whose rule names the item makes it partial at best, or missing for a critical
 * finding.
 *
 * Two figures per section: *assessed* (the share of the weight that has an answer, computed
 * or given) and *score* (earned / weight over the assessed items; satisfied earns the weight,
 * partial half of it; critical 5, major 3, minor 1 by default). Knock-outs: a critical item
 * missing, or any item failed by a critical linter finding.
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
  return _cs_checklist_evaluate_year (self, store, linter, offer_id, 0, error);
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

/**
 * cs_checklist_get_default:
 *
 * The checklist of the bundled packs, loaded once per process. The bundled packs are checked
 * by the tests: failing to load them is a defect of the build, and aborts.
 *
 * Returns: (transfer none): the default checklist
 */
CsChecklist *
cs_checklist_get_default (void)
{
  static CsChecklist *checklist = NULL;

  if (g_once_init_enter (&checklist))
    {
      g_autoptr(GError) error = NULL;
      CsChecklist *loaded = cs_checklist_new_default (&error);

      if (loaded == NULL)
        g_error ("The bundled checklist packs do not load: %s", error->message);
      g_once_init_leave (&checklist, loaded);
    }

  return checklist;
}

/**
 * cs_checklist_get_band:
 * @self: a checklist
 * @score: a score from 0 to 1, or NaN
 *
 * The standing of @score by the bands of the pack's `<scoring>` element (DOMAIN.md: 0–30 %,
 * 30–50 %, 50–80 %, 80–100 %).
 *
 * Returns: 0 when nothing is scored, else 1 (lowest band) to 4 (highest)
 */
guint
cs_checklist_get_band (CsChecklist *self,
                       double       score)
{
  guint band = 1;

  g_return_val_if_fail (CS_IS_CHECKLIST (self), 0);

  if (isnan (score))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->band_floors); i++)
    if (self->band_floors[i] > 0 && score >= self->band_floors[i])
      band = i + 2;

  return band;
}

/**
 * cs_checklist_get_scoring_explanation:
 * @self: a checklist
 *
 * Returns: (nullable): how the packs score an offer, its standing bands and its knock-out
 *   rules, translated; %NULL when no pack states it
 */
const char *
cs_checklist_get_scoring_explanation (CsChecklist *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST (self), NULL);

  return self->explanation != NULL ? _cs_rulefile_translate (self->explanation) : NULL;
}
