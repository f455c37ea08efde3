/* cs-model.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-record.h"

G_BEGIN_DECLS

/*
 * The record types of a review project. Each is a CsRecord whose GObject properties are the
 * columns of its table (see cs-model.c for the fields). Read them with g_object_get() or the
 * cs_record_get_*() helpers; change them only through cs_store_set_*(), which commits the
 * change to the project file before updating the object.
 */

#define CS_TYPE_PROJECT (cs_project_get_type ())
G_DECLARE_FINAL_TYPE (CsProject, cs_project, CS, PROJECT, CsRecord)

#define CS_TYPE_SITE (cs_site_get_type ())
G_DECLARE_FINAL_TYPE (CsSite, cs_site, CS, SITE, CsRecord)

#define CS_TYPE_ASSET (cs_asset_get_type ())
G_DECLARE_FINAL_TYPE (CsAsset, cs_asset, CS, ASSET, CsRecord)

#define CS_TYPE_OFFER (cs_offer_get_type ())
G_DECLARE_FINAL_TYPE (CsOffer, cs_offer, CS, OFFER, CsRecord)

#define CS_TYPE_COVERAGE (cs_coverage_get_type ())
G_DECLARE_FINAL_TYPE (CsCoverage, cs_coverage, CS, COVERAGE, CsRecord)

#define CS_TYPE_EXCLUSION (cs_exclusion_get_type ())
G_DECLARE_FINAL_TYPE (CsExclusion, cs_exclusion, CS, EXCLUSION, CsRecord)

#define CS_TYPE_PARTY (cs_party_get_type ())
G_DECLARE_FINAL_TYPE (CsParty, cs_party, CS, PARTY, CsRecord)

#define CS_TYPE_ACTIVITY (cs_activity_get_type ())
G_DECLARE_FINAL_TYPE (CsActivity, cs_activity, CS, ACTIVITY, CsRecord)

#define CS_TYPE_RESPONSIBILITY (cs_responsibility_get_type ())
G_DECLARE_FINAL_TYPE (CsResponsibility, cs_responsibility, CS, RESPONSIBILITY, CsRecord)

#define CS_TYPE_SLA_TERMS (cs_sla_terms_get_type ())
G_DECLARE_FINAL_TYPE (CsSlaTerms, cs_sla_terms, CS, SLA_TERMS, CsRecord)

#define CS_TYPE_SLA_TARGET (cs_sla_target_get_type ())
G_DECLARE_FINAL_TYPE (CsSlaTarget, cs_sla_target, CS, SLA_TARGET, CsRecord)

#define CS_TYPE_BACKUP_POLICY (cs_backup_policy_get_type ())
G_DECLARE_FINAL_TYPE (CsBackupPolicy, cs_backup_policy, CS, BACKUP_POLICY, CsRecord)

#define CS_TYPE_BACKUP_SCOPE (cs_backup_scope_get_type ())
G_DECLARE_FINAL_TYPE (CsBackupScope, cs_backup_scope, CS, BACKUP_SCOPE, CsRecord)

#define CS_TYPE_SECURITY_CONTROL (cs_security_control_get_type ())
G_DECLARE_FINAL_TYPE (CsSecurityControl, cs_security_control, CS, SECURITY_CONTROL, CsRecord)

#define CS_TYPE_SUBCONTRACTING (cs_subcontracting_get_type ())
G_DECLARE_FINAL_TYPE (CsSubcontracting, cs_subcontracting, CS, SUBCONTRACTING, CsRecord)

#define CS_TYPE_SUBCONTRACTOR (cs_subcontractor_get_type ())
G_DECLARE_FINAL_TYPE (CsSubcontractor, cs_subcontractor, CS, SUBCONTRACTOR, CsRecord)

#define CS_TYPE_EXIT_TERMS (cs_exit_terms_get_type ())
G_DECLARE_FINAL_TYPE (CsExitTerms, cs_exit_terms, CS, EXIT_TERMS, CsRecord)

#define CS_TYPE_EXIT_DELIVERABLE (cs_exit_deliverable_get_type ())
G_DECLARE_FINAL_TYPE (CsExitDeliverable, cs_exit_deliverable, CS, EXIT_DELIVERABLE, CsRecord)

#define CS_TYPE_TERMS (cs_terms_get_type ())
G_DECLARE_FINAL_TYPE (CsTerms, cs_terms, CS, TERMS, CsRecord)

#define CS_TYPE_CLAUSE (cs_clause_get_type ())
G_DECLARE_FINAL_TYPE (CsClause, cs_clause, CS, CLAUSE, CsRecord)

#define CS_TYPE_CHECKLIST_ANSWER (cs_checklist_answer_get_type ())
G_DECLARE_FINAL_TYPE (CsChecklistAnswer, cs_checklist_answer, CS, CHECKLIST_ANSWER, CsRecord)

#define CS_TYPE_IMPORT_MAPPING (cs_import_mapping_get_type ())
G_DECLARE_FINAL_TYPE (CsImportMapping, cs_import_mapping, CS, IMPORT_MAPPING, CsRecord)

#define CS_TYPE_SECTION_WEIGHT (cs_section_weight_get_type ())
G_DECLARE_FINAL_TYPE (CsSectionWeight, cs_section_weight, CS, SECTION_WEIGHT, CsRecord)

#define CS_TYPE_PROVIDER_QUESTION (cs_provider_question_get_type ())
G_DECLARE_FINAL_TYPE (CsProviderQuestion, cs_provider_question, CS, PROVIDER_QUESTION, CsRecord)

/**
 * CS_KEPT_DOCUMENT_MAX_SIZE:
 *
 * The largest contract document kept in a project, in bytes (100 MiB).
 */
#define CS_KEPT_DOCUMENT_MAX_SIZE (100 * 1024 * 1024)

#define CS_TYPE_KEPT_DOCUMENT (cs_kept_document_get_type ())
G_DECLARE_FINAL_TYPE (CsKeptDocument, cs_kept_document, CS, KEPT_DOCUMENT, CsRecord)

/**
 * CsSection:
 *
 * The sections of an offer, in the order the sidebar shows them.
 */
typedef enum {
  CS_SECTION_DASHBOARD,
  CS_SECTION_PERIMETER,
  CS_SECTION_EXCLUSIONS,
  CS_SECTION_RESPONSIBILITIES,
  CS_SECTION_SLA,
  CS_SECTION_BACKUP,
  CS_SECTION_SECURITY,
  CS_SECTION_SUBCONTRACTING,
  CS_SECTION_EXIT,
  CS_SECTION_TERMS,
  CS_N_SECTIONS
} CsSection;

const char  *cs_section_get_id          (CsSection    section);
const char  *cs_section_get_title       (CsSection    section);
const char  *cs_section_get_icon_name   (CsSection    section);
gboolean     cs_section_from_id         (const char  *id,
                                         CsSection   *out_section);

/* The asset categories, as stored ("endpoint", "server", …) with translated labels. */
const char * const *cs_asset_categories          (void);
const char         *cs_asset_category_get_label  (const char *category);

/* Every record type, in creation order (parents before children). */
const GType *cs_model_get_record_types (guint *n_types);

/* Convenience getters; the strings belong to the record. */
const char  *cs_project_get_client_name (CsProject *self);
const char  *cs_site_get_name           (CsSite    *self);
const char  *cs_asset_get_name          (CsAsset   *self);
const char  *cs_asset_get_category      (CsAsset   *self);
gint64       cs_asset_get_site_id       (CsAsset   *self);
const char  *cs_offer_get_provider      (CsOffer   *self);
const char  *cs_offer_get_kind          (CsOffer   *self);

G_END_DECLS
