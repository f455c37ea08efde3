/* cs-model.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-model"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-model.h"

/* Field helpers: one line per column keeps each entity readable next to schema-1.sql. */
#define TEXT(c)            { .column = c, .type = CS_FIELD_STRING }
#define LONGTEXT(c)        { .column = c, .type = CS_FIELD_STRING, .max_length = 1024 * 1024 }
#define CHOICE(c, list)    { .column = c, .type = CS_FIELD_CHOICE, .choices = list }
#define DATE(c)            { .column = c, .type = CS_FIELD_DATE }
#define INT(c, lo, hi, d)  { .column = c, .type = CS_FIELD_INT, .min = lo, .max = hi, .def = d }
#define NUMBER(c)          { .column = c, .type = CS_FIELD_NUMBER }
#define BOOL(c, d)         { .column = c, .type = CS_FIELD_BOOLEAN, .def = d }
#define REF(c, t, a)       { .column = c, .type = CS_FIELD_REF, .ref_table = t, .ref_action = a }
#define POSITION           INT ("position", 0, G_MAXINT32, 0)
#define ENTITY(t, f, p, one, order) \
  { .table = t, .fields = f, .n_fields = G_N_ELEMENTS (f), .parent = p, \
    .one_per_parent = one, .order_by = order }

/* Tri-state answers: a contract that says nothing is not a contract that says no. */
static const char * const tristate[] = { "unknown", "yes", "no", NULL };
static const char * const time_units[] = { "minutes", "hours", "days", NULL };
static const char * const clocks[] = { "business", "calendar", NULL };
static const char * const categories[] = {
  "endpoint", "server", "switch", "firewall", "wifi_ap", "nas", "saas_tenant", "cloud_tenant",
  "backup_system", "telephony", "remote_device", "printer", "business_application", "other", NULL
};

/* project; language '' = the interface's */
static const char * const project_languages[] = { "", "en", "fr", NULL };
static const CsField project_fields[] = {
  TEXT ("client_name"), TEXT ("sector"), TEXT ("consultant"),
  DATE ("start_date"), DATE ("end_date"), TEXT ("currency"),
  BOOL ("regulated", FALSE), INT ("users", 0, G_MAXINT32, 0), LONGTEXT ("notes"),
  /* schema 2 */
  CHOICE ("language", project_languages), INT ("compare_horizon_months", 1, 600, 36),
  INT ("compare_growth_percent", 0, 1000, 0),
};
static const CsEntity project_entity = ENTITY ("project", project_fields, NULL, FALSE, "id");

/* site */
static const CsField site_fields[] = {
  TEXT ("name"), TEXT ("address"), LONGTEXT ("notes"), POSITION,
};
static const CsEntity site_entity = ENTITY ("site", site_fields, NULL, FALSE, "position, id");

/* asset */
static const CsField asset_fields[] = {
  CHOICE ("category", categories), TEXT ("name"), REF ("site_id", "site", CS_REF_SET_NULL),
  INT ("quantity", 0, G_MAXINT32, 1), INT ("criticality", 1, 4, 2), TEXT ("owner"), TEXT ("vendor"),
  TEXT ("model"), TEXT ("serial"), LONGTEXT ("notes"),
};
static const CsEntity asset_entity = ENTITY ("asset", asset_fields, NULL, FALSE, "id");

/* offer */
static const char * const offer_kinds[] = { "proposal", "incumbent", NULL };
static const char * const price_periods[] = { "month", "quarter", "year", NULL };
static const CsField offer_fields[] = {
  TEXT ("provider"), CHOICE ("kind", offer_kinds), DATE ("received"), TEXT ("reference"),
  NUMBER ("term_months"), NUMBER ("price_one_off"), NUMBER ("price_recurring"),
  CHOICE ("price_period", price_periods), NUMBER ("price_per_unit"), TEXT ("price_unit"),
  LONGTEXT ("notes"), POSITION,
  /* schema 2 */
  BOOL ("compared", TRUE),
};
static const CsEntity offer_entity = ENTITY ("offer", offer_fields, NULL, FALSE, "position, id");

/* coverage: one row per offer × asset that the offer addresses; no row = not addressed */
static const char * const coverage_states[] = {
  "not_addressed", "managed", "partial", "excluded", NULL
};
static const CsField coverage_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), REF ("asset_id", "asset", CS_REF_CASCADE),
  CHOICE ("state", coverage_states), TEXT ("note"), TEXT ("reference"),
};
static const CsEntity coverage_entity = ENTITY ("coverage", coverage_fields, "offer_id", FALSE, "id");

/* exclusion */
static const char * const exclusion_decisions[] = { "not_stated", "excluded", "included", NULL };
static const CsField exclusion_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), TEXT ("category"), TEXT ("label"),
  CHOICE ("decision", exclusion_decisions), LONGTEXT ("wording"), TEXT ("reference"),
  NUMBER ("price"), TEXT ("price_unit"), POSITION,
};
static const CsEntity exclusion_entity = ENTITY ("exclusion", exclusion_fields, "offer_id", FALSE,
                                                 "position, id");

/* responsibilities: parties and activities are project-wide catalogues, cells are per offer */
static const char * const party_kinds[] = { "client", "provider", "subcontractor", "vendor", "other", NULL };
static const CsField party_fields[] = {
  TEXT ("name"), CHOICE ("kind", party_kinds), POSITION,
};
static const CsEntity party_entity = ENTITY ("party", party_fields, NULL, FALSE, "position, id");

static const CsField activity_fields[] = {
  TEXT ("key"), TEXT ("name"), TEXT ("area"), POSITION,
};
static const CsEntity activity_entity = ENTITY ("activity", activity_fields, NULL, FALSE,
                                                "position, id");

static const CsField responsibility_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), REF ("activity_id", "activity", CS_REF_CASCADE),
  REF ("party_id", "party", CS_REF_CASCADE), TEXT ("roles"), TEXT ("reference"),
};
static const CsEntity responsibility_entity = ENTITY ("responsibility", responsibility_fields,
                                                      "offer_id", FALSE, "id");

/* SLA */
static const CsField sla_terms_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE),
  INT ("window_days", 0, 127, 31), INT ("window_start", 0, 1440, 480),
  INT ("window_end", 0, 1440, 1080), TEXT ("time_zone"), TEXT ("holidays"),
  CHOICE ("oncall_p1", tristate),
  NUMBER ("availability_target"), TEXT ("availability_period"), NUMBER ("maintenance_hours"),
  NUMBER ("maintenance_notice_days"), LONGTEXT ("escalation"), LONGTEXT ("credits"),
  NUMBER ("credits_cap_percent"), LONGTEXT ("reporting"), TEXT ("reference"),
};
static const CsEntity sla_terms_entity = ENTITY ("sla_terms", sla_terms_fields, "offer_id", TRUE, "id");

static const char * const target_kinds[] = { "incident", "request", NULL };
static const CsField sla_target_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), CHOICE ("kind", target_kinds),
  INT ("priority", 1, 4, 1), LONGTEXT ("definition"), LONGTEXT ("examples"),
  NUMBER ("response_value"), CHOICE ("response_unit", time_units),
  CHOICE ("response_clock", clocks),
  NUMBER ("resolution_value"), CHOICE ("resolution_unit", time_units),
  CHOICE ("resolution_clock", clocks), TEXT ("reference"),
};
static const CsEntity sla_target_entity = ENTITY ("sla_target", sla_target_fields, "offer_id", FALSE,
                                                  "kind, priority, id");

/* backup */
static const CsField backup_policy_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), TEXT ("name"), LONGTEXT ("scope"),
  NUMBER ("frequency_hours"), NUMBER ("retention_days"), NUMBER ("rpo_hours"), NUMBER ("rto_hours"),
  CHOICE ("offline_copy", tristate), CHOICE ("immutable_copy", tristate),
  TEXT ("offsite_location"), TEXT ("offsite_country"), CHOICE ("encrypted", tristate),
  TEXT ("key_holder"), NUMBER ("restore_test_months"), TEXT ("restore_evidence"),
  LONGTEXT ("monitoring"), LONGTEXT ("escalation"), TEXT ("reference"), POSITION,
};
static const CsEntity backup_policy_entity = ENTITY ("backup_policy", backup_policy_fields,
                                                     "offer_id", FALSE, "position, id");

static const CsField backup_scope_fields[] = {
  REF ("policy_id", "backup_policy", CS_REF_CASCADE), REF ("asset_id", "asset", CS_REF_CASCADE),
};
static const CsEntity backup_scope_entity = ENTITY ("backup_scope", backup_scope_fields, "policy_id",
                                                    FALSE, "id");

/* security & access */
static const char * const control_statuses[] = {
  "not_stated", "committed", "partial", "absent", "not_applicable", NULL
};
static const CsField security_control_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), TEXT ("control"), CHOICE ("status", control_statuses),
  LONGTEXT ("detail"), TEXT ("proof"), TEXT ("reference"),
};
static const CsEntity security_control_entity = ENTITY ("security_control", security_control_fields,
                                                        "offer_id", FALSE, "id");

/* subcontracting */
static const CsField subcontracting_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), CHOICE ("allowed", tristate),
  NUMBER ("notice_days"), CHOICE ("right_to_object", tristate), CHOICE ("flow_down", tristate),
  CHOICE ("liability_kept", tristate), CHOICE ("chain_allowed", tristate),
  LONGTEXT ("excluded_activities"), TEXT ("reference"),
};
static const CsEntity subcontracting_entity = ENTITY ("subcontracting", subcontracting_fields,
                                                      "offer_id", TRUE, "id");

static const CsField subcontractor_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), TEXT ("name"), TEXT ("service"), TEXT ("country"),
  TEXT ("parent_company"), CHOICE ("personal_data", tristate),
  CHOICE ("gdpr_subprocessor", tristate), TEXT ("reference"), POSITION,
};
static const CsEntity subcontractor_entity = ENTITY ("subcontractor", subcontractor_fields,
                                                     "offer_id", FALSE, "position, id");

/* exit */
static const char * const assistance_modes[] = {
  "not_stated", "included", "fixed", "rate_card", "on_quotation", NULL
};
static const CsField exit_terms_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), CHOICE ("clause_present", tristate),
  NUMBER ("plan_delivery_months"), NUMBER ("transition_days"),
  CHOICE ("assistance_mode", assistance_modes), NUMBER ("assistance_price"),
  NUMBER ("retrieval_days"), CHOICE ("erasure_certificate", tristate),
  LONGTEXT ("triggers"), CHOICE ("stressed_exit", tristate), NUMBER ("knowledge_transfer_hours"),
  TEXT ("reference"),
};
static const CsEntity exit_terms_entity = ENTITY ("exit_terms", exit_terms_fields, "offer_id", TRUE,
                                                  "id");

static const char * const deliverable_statuses[] = { "pending", "delivered", "verified", NULL };
static const CsField exit_deliverable_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), TEXT ("item"), TEXT ("label"), TEXT ("format"),
  NUMBER ("deadline_days"), TEXT ("owner"), NUMBER ("price"),
  CHOICE ("status", deliverable_statuses), DATE ("status_date"), TEXT ("verifier"),
  TEXT ("reference"), POSITION,
};
static const CsEntity exit_deliverable_entity = ENTITY ("exit_deliverable", exit_deliverable_fields,
                                                        "offer_id", FALSE, "position, id");

/* terms & GDPR */
static const char * const billing_models[] = {
  "not_stated", "flat", "per_user", "per_device", "block_hours", "time_and_materials", "mixed", NULL
};
static const char * const renewal_modes[] = { "not_stated", "none", "tacit", "express", NULL };
static const CsField terms_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), CHOICE ("billing_model", billing_models),
  LONGTEXT ("unit_prices"), LONGTEXT ("unit_counting"), LONGTEXT ("change_procedure"),
  NUMBER ("minimum_commitment"), TEXT ("revision_index"), NUMBER ("revision_cap_percent"),
  DATE ("start_date"), NUMBER ("term_months"), CHOICE ("renewal_mode", renewal_modes),
  NUMBER ("renewal_months"), NUMBER ("notice_days"), NUMBER ("internal_lead_days"),
  LONGTEXT ("early_termination"), NUMBER ("liability_cap"), LONGTEXT ("insurance"),
  LONGTEXT ("governance_meetings"), LONGTEXT ("reports"), LONGTEXT ("audit_rights"),
  CHOICE ("dpa_present", tristate), LONGTEXT ("processing_description"),
  CHOICE ("instructions", tristate), CHOICE ("confidentiality", tristate),
  LONGTEXT ("security_measures"), LONGTEXT ("subprocessors"), CHOICE ("assistance", tristate),
  NUMBER ("breach_notification_hours"), CHOICE ("return_deletion", tristate),
  CHOICE ("gdpr_audits", tristate), LONGTEXT ("transfers"), TEXT ("reference"),
};
static const CsEntity terms_entity = ENTITY ("terms", terms_fields, "offer_id", TRUE, "id");

/* clauses pasted by the consultant */
static const char * const section_ids[] = {
  "dashboard", "perimeter", "exclusions", "responsibilities", "sla", "backup", "security",
  "subcontracting", "exit", "terms", NULL
};
static const CsField clause_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), CHOICE ("section", section_ids), TEXT ("reference"),
  LONGTEXT ("text"), POSITION,
};
static const CsEntity clause_entity = ENTITY ("clause", clause_fields, "offer_id", FALSE,
                                              "section, position, id");

/* checklist answers: manual statuses and overrides of computed ones */
static const char * const answer_statuses[] = {
  "satisfied", "partial", "missing", "not_applicable", NULL
};
static const CsField checklist_answer_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), TEXT ("item_id"), CHOICE ("status", answer_statuses),
  BOOL ("override", FALSE), LONGTEXT ("justification"), TEXT ("reference"),
  /* schema 2: who set the answer, and when (ISO 8601, UTC) */
  TEXT ("changed_at"), TEXT ("changed_by"),
};
static const CsEntity checklist_answer_entity = ENTITY ("checklist_answer", checklist_answer_fields,
                                                        "offer_id", FALSE, "id");

/* schema 2: the comparison's weight of each checklist group, in percent */
static const char * const weight_sections[] = {
  "perimeter", "exclusions", "responsibilities", "sla", "backup", "security", "subcontracting",
  "exit", "billing", "governance", "gdpr", NULL
};
static const CsField section_weight_fields[] = {
  CHOICE ("section", weight_sections), INT ("weight", 0, 100, 0),
};
static const CsEntity section_weight_entity = ENTITY ("section_weight", section_weight_fields, NULL,
                                                      FALSE, "id");

/* schema 2: questions sent to a provider about an offer, and their answers */
static const CsField provider_question_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), TEXT ("item_id"), LONGTEXT ("question"),
  TEXT ("reference"), LONGTEXT ("answer"), DATE ("answered"), POSITION,
};
static const CsEntity provider_question_entity = ENTITY ("provider_question",
                                                         provider_question_fields, "offer_id",
                                                         FALSE, "position, id");

/* schema 3: contract documents kept in the project (their gzip bytes are the blob column) */
static const CsField contract_document_fields[] = {
  REF ("offer_id", "offer", CS_REF_CASCADE), TEXT ("file_name"), TEXT ("media_type"),
  INT ("size", 0, CS_KEPT_DOCUMENT_MAX_SIZE, 0), TEXT ("sha256"), TEXT ("stored_at"),
};
static const CsEntity contract_document_entity = {
  .table = "contract_document", .fields = contract_document_fields,
  .n_fields = G_N_ELEMENTS (contract_document_fields), .parent = "offer_id",
  .one_per_parent = FALSE, .order_by = "id", .blob_column = "content",
};

/* CSV column mappings remembered per header signature */
static const CsField import_mapping_fields[] = {
  TEXT ("signature"), LONGTEXT ("mapping"),
};
static const CsEntity import_mapping_entity = ENTITY ("import_mapping", import_mapping_fields, NULL,
                                                      FALSE, "id");

CS_DEFINE_RECORD_TYPE (CsProject, cs_project, project_entity)
CS_DEFINE_RECORD_TYPE (CsSite, cs_site, site_entity)
CS_DEFINE_RECORD_TYPE (CsAsset, cs_asset, asset_entity)
CS_DEFINE_RECORD_TYPE (CsOffer, cs_offer, offer_entity)
CS_DEFINE_RECORD_TYPE (CsCoverage, cs_coverage, coverage_entity)
CS_DEFINE_RECORD_TYPE (CsExclusion, cs_exclusion, exclusion_entity)
CS_DEFINE_RECORD_TYPE (CsParty, cs_party, party_entity)
CS_DEFINE_RECORD_TYPE (CsActivity, cs_activity, activity_entity)
CS_DEFINE_RECORD_TYPE (CsResponsibility, cs_responsibility, responsibility_entity)
CS_DEFINE_RECORD_TYPE (CsSlaTerms, cs_sla_terms, sla_terms_entity)
CS_DEFINE_RECORD_TYPE (CsSlaTarget, cs_sla_target, sla_target_entity)
CS_DEFINE_RECORD_TYPE (CsBackupPolicy, cs_backup_policy, backup_policy_entity)
CS_DEFINE_RECORD_TYPE (CsBackupScope, cs_backup_scope, backup_scope_entity)
CS_DEFINE_RECORD_TYPE (CsSecurityControl, cs_security_control, security_control_entity)
CS_DEFINE_RECORD_TYPE (CsSubcontracting, cs_subcontracting, subcontracting_entity)
CS_DEFINE_RECORD_TYPE (CsSubcontractor, cs_subcontractor, subcontractor_entity)
CS_DEFINE_RECORD_TYPE (CsExitTerms, cs_exit_terms, exit_terms_entity)
CS_DEFINE_RECORD_TYPE (CsExitDeliverable, cs_exit_deliverable, exit_deliverable_entity)
CS_DEFINE_RECORD_TYPE (CsTerms, cs_terms, terms_entity)
CS_DEFINE_RECORD_TYPE (CsClause, cs_clause, clause_entity)
CS_DEFINE_RECORD_TYPE (CsChecklistAnswer, cs_checklist_answer, checklist_answer_entity)
CS_DEFINE_RECORD_TYPE (CsImportMapping, cs_import_mapping, import_mapping_entity)
CS_DEFINE_RECORD_TYPE (CsSectionWeight, cs_section_weight, section_weight_entity)
CS_DEFINE_RECORD_TYPE (CsProviderQuestion, cs_provider_question, provider_question_entity)
CS_DEFINE_RECORD_TYPE (CsKeptDocument, cs_kept_document, contract_document_entity)

typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
} SectionInfo;

static const SectionInfo sections[CS_N_SECTIONS] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic" },
  { "perimeter", N_("Perimeter"), "computer-symbolic" },
  { "exclusions", N_("Exclusions"), "action-unavailable-symbolic" },
  { "responsibilities", N_("Responsibilities"), "system-users-symbolic" },
  { "sla", N_("SLA"), "alarm-symbolic" },
  { "backup", N_("Backup"), "drive-harddisk-symbolic" },
  { "security", N_("Security & Access"), "channel-secure-symbolic" },
  { "subcontracting", N_("Subcontracting"), "emblem-shared-symbolic" },
  { "exit", N_("Exit"), "application-exit-symbolic" },
  { "terms", N_("Terms & GDPR"), "accessories-text-editor-symbolic" },
};

/**
 * cs_section_get_id:
 * @section: a section
 *
 * Returns: the stable identifier of @section ("sla", "exit" …), as used in files and the CLI
 */
const char *
cs_section_get_id (CsSection section)
{
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  return sections[section].id;
}

/**
 * cs_section_get_title:
 * @section: a section
 *
 * Returns: the translated title of @section
 */
const char *
cs_section_get_title (CsSection section)
{
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  return _(sections[section].title);
}

/**
 * cs_section_get_icon_name:
 * @section: a section
 *
 * Returns: the symbolic icon name of @section
 */
const char *
cs_section_get_icon_name (CsSection section)
{
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  return sections[section].icon_name;
}

/**
 * cs_section_from_id:
 * @id: a section identifier
 * @out_section: (out): where to store the section
 *
 * Returns: %TRUE if @id names a section
 */
gboolean
cs_section_from_id (const char *id,
                    CsSection  *out_section)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < CS_N_SECTIONS; i++)
    {
      if (g_str_equal (id, sections[i].id))
        {
          if (out_section != NULL)
            *out_section = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cs_asset_categories:
 *
 * Returns: (transfer none): the stored names of the asset categories, %NULL-terminated
 */
const char * const *
cs_asset_categories (void)
{
  return categories;
}

/**
 * cs_asset_category_get_label:
 * @category: a stored category name
 *
 * Returns: the translated label of @category, or @category itself when unknown
 */
const char *
cs_asset_category_get_label (const char *category)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "endpoint", N_("Endpoint") },
    { "server", N_("Server") },
    { "switch", N_("Switch") },
    { "firewall", N_("Firewall") },
    { "wifi_ap", N_("Wi-Fi access point") },
    { "nas", N_("NAS") },
    { "saas_tenant", N_("Microsoft 365 / SaaS tenant") },
    { "cloud_tenant", N_("Cloud tenant") },
    { "backup_system", N_("Backup system") },
    { "telephony", N_("Telephony") },
    { "remote_device", N_("Remote device") },
    { "printer", N_("Printer") },
    { "business_application", N_("Business application") },
    { "other", N_("Other") },
  };

  g_return_val_if_fail (category != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (category, labels[i].id))
      return _(labels[i].label);

  return category;
}

/**
 * cs_model_get_record_types:
 * @n_types: (out): the number of types
 *
 * Returns: (transfer none) (array length=n_types): every record type, parents before children
 */
const GType *
cs_model_get_record_types (guint *n_types)
{
  static GType types[25];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      guint i = 0;

      types[i++] = CS_TYPE_PROJECT;
      types[i++] = CS_TYPE_SITE;
      types[i++] = CS_TYPE_ASSET;
      types[i++] = CS_TYPE_OFFER;
      types[i++] = CS_TYPE_PARTY;
      types[i++] = CS_TYPE_ACTIVITY;
      types[i++] = CS_TYPE_COVERAGE;
      types[i++] = CS_TYPE_EXCLUSION;
      types[i++] = CS_TYPE_RESPONSIBILITY;
      types[i++] = CS_TYPE_SLA_TERMS;
      types[i++] = CS_TYPE_SLA_TARGET;
      types[i++] = CS_TYPE_BACKUP_POLICY;
      types[i++] = CS_TYPE_BACKUP_SCOPE;
      types[i++] = CS_TYPE_SECURITY_CONTROL;
      types[i++] = CS_TYPE_SUBCONTRACTING;
      types[i++] = CS_TYPE_SUBCONTRACTOR;
      types[i++] = CS_TYPE_EXIT_TERMS;
      types[i++] = CS_TYPE_EXIT_DELIVERABLE;
      types[i++] = CS_TYPE_TERMS;
      types[i++] = CS_TYPE_CLAUSE;
      types[i++] = CS_TYPE_CHECKLIST_ANSWER;
      types[i++] = CS_TYPE_IMPORT_MAPPING;
      types[i++] = CS_TYPE_SECTION_WEIGHT;
      types[i++] = CS_TYPE_PROVIDER_QUESTION;
      types[i++] = CS_TYPE_KEPT_DOCUMENT;
      g_assert (i == G_N_ELEMENTS (types));

      g_once_init_leave (&initialized, 1);
    }

  *n_types = G_N_ELEMENTS (types);
  return types;
}

const char *
cs_project_get_client_name (CsProject *self)
{
  g_return_val_if_fail (CS_IS_PROJECT (self), NULL);

  return cs_record_get_string (CS_RECORD (self), "client_name");
}

const char *
cs_site_get_name (CsSite *self)
{
  g_return_val_if_fail (CS_IS_SITE (self), NULL);

  return cs_record_get_string (CS_RECORD (self), "name");
}

const char *
cs_asset_get_name (CsAsset *self)
{
  g_return_val_if_fail (CS_IS_ASSET (self), NULL);

  return cs_record_get_string (CS_RECORD (self), "name");
}

const char *
cs_asset_get_category (CsAsset *self)
{
  g_return_val_if_fail (CS_IS_ASSET (self), NULL);

  return cs_record_get_string (CS_RECORD (self), "category");
}

gint64
cs_asset_get_site_id (CsAsset *self)
{
  g_return_val_if_fail (CS_IS_ASSET (self), 0);

  return cs_record_get_int (CS_RECORD (self), "site_id");
}

const char *
cs_offer_get_provider (CsOffer *self)
{
  g_return_val_if_fail (CS_IS_OFFER (self), NULL);

  return cs_record_get_string (CS_RECORD (self), "provider");
}

const char *
cs_offer_get_kind (CsOffer *self)
{
  g_return_val_if_fail (CS_IS_OFFER (self), NULL);

  return cs_record_get_string (CS_RECORD (self), "kind");
}
