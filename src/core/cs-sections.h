/* cs-sections.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-finding.h"
#include "cs-sla.h"
#include "cs-store.h"

G_BEGIN_DECLS

/**
 * CsFlagSeverity:
 * @CS_FLAG_MINOR: worth a look
 * @CS_FLAG_MAJOR: a weakness to negotiate
 * @CS_FLAG_CRITICAL: a knock-out gap
 *
 * How serious a flag is; the same scale as the checklist (DOMAIN.md).
 */
typedef enum {
  CS_FLAG_MINOR,
  CS_FLAG_MAJOR,
  CS_FLAG_CRITICAL,
} CsFlagSeverity;

/**
 * CsFlag:
 * @severity: how serious it is (the checklist item's severity)
 * @code: the checklist item id, such as "SLA-18"
 * @table: the table of the record concerned ("sla_target" …)
 * @record_id: the id of the record concerned, 0 when the flag is about the section
 * @field: (nullable): the column concerned, %NULL when the flag is about the whole record
 * @message: the translated explanation: item id, title and evidence
 * @status: the item's status (%CS_ITEM_MISSING or %CS_ITEM_PARTIAL)
 * @knock_out: whether the item is a knock-out
 * @detail: (nullable): the evidence: why the item is not satisfied
 * @source: (nullable): the citation the item rests on
 * @remedy: (nullable): the question to send to the provider
 * @why: (nullable): what the item asks for, and why it matters
 *
 * Something a section's computed checks found, pointing at the field to fix.
 */
typedef struct
{
  CsFlagSeverity  severity;
  char           *code;
  const char     *table;
  gint64          record_id;
  char           *field;
  char           *message;
  CsItemStatus    status;
  gboolean        knock_out;
  char           *detail;
  char           *source;
  char           *remedy;
  char           *why;
} CsFlag;

#define CS_TYPE_FLAG (cs_flag_get_type ())

GType        cs_flag_get_type             (void) G_GNUC_CONST;
CsFlag      *cs_flag_copy                 (const CsFlag   *flag);
void         cs_flag_free                 (CsFlag         *flag);
const char  *cs_flag_severity_get_id      (CsFlagSeverity  severity);
const char  *cs_flag_severity_get_label   (CsFlagSeverity  severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsFlag, cs_flag_free)

/* Every number with its unit: the units of time targets, as stored, with labels. */
double       cs_time_to_minutes           (double          value,
                                           const char     *unit,
                                           double          day_minutes);
char        *cs_format_minutes            (double          minutes);

/* Responsibilities */

/**
 * CsRaciRow:
 * @activity: the activity
 * @roles: (array zero-terminated=1): the roles of each party of #CsRaciMatrix.parties, in
 *   canonical "RACI" order, "" where the cell is empty
 * @n_responsible: how many parties are Responsible
 * @n_accountable: how many parties are Accountable
 */
typedef struct
{
  CsActivity  *activity;
  char       **roles;
  guint        n_responsible;
  guint        n_accountable;
} CsRaciRow;

/**
 * CsRaciMatrix:
 * @offer_id: the offer
 * @parties: (element-type CsParty): the columns, in catalogue order
 * @rows: (element-type CsRaciRow): one row per activity, in catalogue order
 * @flags: (element-type CsFlag): activities without exactly one Accountable, unknown letters …
 *
 * The who-does-what matrix of an offer.
 */
typedef struct
{
  gint64     offer_id;
  GPtrArray *parties;
  GPtrArray *rows;
  GPtrArray *flags;
} CsRaciMatrix;

CsRaciMatrix *cs_raci_matrix_new          (CsStore        *store,
                                           gint64          offer_id);
void          cs_raci_matrix_free         (CsRaciMatrix   *matrix);
char         *cs_raci_normalize_roles     (const char     *roles,
                                           GError        **error);
gboolean      cs_raci_set_roles           (CsStore        *store,
                                           gint64          offer_id,
                                           gint64          activity_id,
                                           gint64          party_id,
                                           const char     *roles,
                                           GError        **error);
CsParty      *cs_raci_find_accountable    (CsStore        *store,
                                           gint64          offer_id,
                                           const char     *activity_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsRaciMatrix, cs_raci_matrix_free)

/* SLA */

/**
 * CsSlaTime:
 * @stated_minutes: the stated value in minutes of its clock (business days converted with
 *   the window's day length); NaN when not stated
 * @business: %TRUE when counted in business time
 * @worst: the worst-case wall-clock time under the coverage window; NaN minutes when not
 *   stated, the stated value itself for calendar time
 *
 * A response or resolution target, normalised.
 */
typedef struct
{
  double       stated_minutes;
  gboolean     business;
  CsWorstCase  worst;
} CsSlaTime;

/**
 * CsSlaTargetReport:
 * @target: the target
 * @response: the response target, normalised
 * @resolution: the resolution target, normalised
 */
typedef struct
{
  CsSlaTarget *target;
  CsSlaTime    response;
  CsSlaTime    resolution;
} CsSlaTargetReport;

/**
 * CsSlaReport:
 * @terms: the offer's SLA terms
 * @window: the coverage window (UTC and no holidays stand in for values not understood)
 * @year: the year whose openings the worst cases examine
 * @window_text: (nullable): the window described in one line
 * @week_minutes: open minutes in a week without holidays
 * @period_days: the availability measurement period in days, NaN when not understood
 * @allowed_downtime_minutes: the downtime the availability target allows per period, or NaN
 * @targets: (element-type CsSlaTargetReport): incidents P1–P4, then service requests
 * @flags: (element-type CsFlag): what the checks found
 */
typedef struct
{
  CsSlaTerms       *terms;
  CsCoverageWindow *window;
  int               year;
  char             *window_text;
  double            week_minutes;
  double            period_days;
  double            allowed_downtime_minutes;
  GPtrArray        *targets;
  GPtrArray        *flags;
} CsSlaReport;

CsSlaReport  *cs_sla_report_new           (CsStore        *store,
                                           gint64          offer_id,
                                           int             year);
void          cs_sla_report_free          (CsSlaReport    *report);
double        cs_availability_period_days (const char     *period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsSlaReport, cs_sla_report_free)

/* Backup */

/**
 * CsBackupPolicyReport:
 * @policy: the policy
 * @assets: (element-type CsAsset): the assets in its scope
 * @frequency_exceeds_rpo: %TRUE when backups run less often than the RPO allows
 */
typedef struct
{
  CsBackupPolicy *policy;
  GPtrArray      *assets;
  gboolean        frequency_exceeds_rpo;
} CsBackupPolicyReport;

/**
 * CsBackupReport:
 * @policies: (element-type CsBackupPolicyReport): the offer's policies
 * @unprotected_critical: (element-type CsAsset): assets of criticality 1 holding data or
 *   configuration (see cs-sections.c) in no policy
 * @flags: (element-type CsFlag): what the checks found
 */
typedef struct
{
  GPtrArray *policies;
  GPtrArray *unprotected_critical;
  GPtrArray *flags;
} CsBackupReport;

CsBackupReport *cs_backup_report_new      (CsStore        *store,
                                           gint64          offer_id);
void            cs_backup_report_free     (CsBackupReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsBackupReport, cs_backup_report_free)

/* Terms & GDPR */

/**
 * CsTermDates:
 * @initial_end: the last day of the initial term
 * @current_end: the last day of the period running on the reference day
 * @cancel_end: the last day of the contract when notice is given by @cancel_by
 * @cancel_by: the last day the provider may receive notice: @cancel_end − notice days
 * @decide_by: @cancel_by − the client's internal lead days
 * @days_left: days from the reference day to @cancel_by
 *
 * The dates of a contract's term. Dates that cannot be computed are left invalid
 * (g_date_valid() returns %FALSE).
 */
typedef struct
{
  GDate initial_end;
  GDate current_end;
  GDate cancel_end;
  GDate cancel_by;
  GDate decide_by;
  int   days_left;
} CsTermDates;

void          cs_term_dates_compute       (const GDate    *start,
                                           double          term_months,
                                           const char     *renewal_mode,
                                           double          renewal_months,
                                           double          notice_days,
                                           double          lead_days,
                                           const GDate    *today,
                                           CsTermDates    *out_dates);

/**
 * CsTermsReport:
 * @terms: the offer's terms
 * @dates: the computed dates
 * @flags: (element-type CsFlag): what the checks found, GDPR included
 */
typedef struct
{
  CsTerms     *terms;
  CsTermDates  dates;
  GPtrArray   *flags;
} CsTermsReport;

CsTermsReport *cs_terms_report_new        (CsStore        *store,
                                           gint64          offer_id,
                                           const GDate    *today);
void           cs_terms_report_free       (CsTermsReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsTermsReport, cs_terms_report_free)

/* Exit */

/**
 * CsExitReport:
 * @terms: the offer's exit terms
 * @last_deadline_days: the latest deliverable deadline, in days from notice, or NaN
 * @total_price: the sum of the deliverables' stated prices (NaN when none is stated)
 * @n_delivered: deliverables delivered or verified
 * @missing_items: (array zero-terminated=1): standard deliverable items the offer lacks
 * @flags: (element-type CsFlag): what the checks found
 */
typedef struct
{
  CsExitTerms  *terms;
  double        last_deadline_days;
  double        total_price;
  guint         n_delivered;
  char        **missing_items;
  GPtrArray    *flags;
} CsExitReport;

CsExitReport *cs_exit_report_new          (CsStore        *store,
                                           gint64          offer_id);
void          cs_exit_report_free         (CsExitReport   *report);
const char   *cs_exit_item_get_label      (const char     *item);
const char * const *cs_exit_standard_items (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsExitReport, cs_exit_report_free)

/* Security, subcontracting, perimeter, exclusions: labels and flags */

const char   *cs_security_control_get_label (const char   *control);

/* Any section */

GPtrArray    *cs_section_get_flags        (CsStore        *store,
                                           CsSection       section,
                                           gint64          offer_id,
                                           const GDate    *today);

G_END_DECLS
