/* cs-finding.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cs-model.h"

G_BEGIN_DECLS

/**
 * CsFindingKind:
 * @CS_FINDING_CHECKLIST: the result of a checklist item
 * @CS_FINDING_LINTER: weak wording found by the clause linter
 */
typedef enum {
  CS_FINDING_CHECKLIST,
  CS_FINDING_LINTER,
} CsFindingKind;

/**
 * CsSeverity:
 * @CS_SEVERITY_CRITICAL: critical: a missing critical item is a knock-out
 * @CS_SEVERITY_MAJOR: major
 * @CS_SEVERITY_MINOR: minor
 */
typedef enum {
  CS_SEVERITY_CRITICAL,
  CS_SEVERITY_MAJOR,
  CS_SEVERITY_MINOR,
} CsSeverity;

/**
 * CsItemStatus:
 * @CS_ITEM_SATISFIED: the contract commits to the item
 * @CS_ITEM_PARTIAL: partly (counts half)
 * @CS_ITEM_MISSING: the contract does not commit to it
 * @CS_ITEM_NOT_APPLICABLE: the item does not apply to this offer (not scored)
 * @CS_ITEM_UNANSWERED: a manual item the consultant has not assessed yet (scored as missing,
 *   but not a knock-out until it is assessed)
 * @CS_ITEM_REFERENCE: a regulatory item for a client that is not regulated (not scored)
 */
typedef enum {
  CS_ITEM_SATISFIED,
  CS_ITEM_PARTIAL,
  CS_ITEM_MISSING,
  CS_ITEM_NOT_APPLICABLE,
  CS_ITEM_UNANSWERED,
  CS_ITEM_REFERENCE,
} CsItemStatus;

/**
 * CsItemOrigin:
 * @CS_ORIGIN_COMPUTED: computed from the structured data of the offer
 * @CS_ORIGIN_MANUAL: set by the consultant (a manual item)
 * @CS_ORIGIN_OVERRIDE: a computed status replaced by the consultant, with a justification
 */
typedef enum {
  CS_ORIGIN_COMPUTED,
  CS_ORIGIN_MANUAL,
  CS_ORIGIN_OVERRIDE,
} CsItemOrigin;

#define CS_TYPE_FINDING_KIND (cs_finding_kind_get_type ())
#define CS_TYPE_SEVERITY     (cs_severity_get_type ())
#define CS_TYPE_ITEM_STATUS  (cs_item_status_get_type ())
#define CS_TYPE_ITEM_ORIGIN  (cs_item_origin_get_type ())

GType cs_finding_kind_get_type (void) G_GNUC_CONST;
GType cs_severity_get_type     (void) G_GNUC_CONST;
GType cs_item_status_get_type  (void) G_GNUC_CONST;
GType cs_item_origin_get_type  (void) G_GNUC_CONST;

#define CS_TYPE_FINDING (cs_finding_get_type ())

G_DECLARE_FINAL_TYPE (CsFinding, cs_finding, CS, FINDING, GObject)

CsFindingKind  cs_finding_get_kind          (CsFinding  *self);
const char    *cs_finding_get_id            (CsFinding  *self);
CsSeverity     cs_finding_get_severity      (CsFinding  *self);
CsItemStatus   cs_finding_get_status        (CsFinding  *self);
CsItemOrigin   cs_finding_get_origin        (CsFinding  *self);
gboolean       cs_finding_get_knock_out     (CsFinding  *self);
const char    *cs_finding_get_title         (CsFinding  *self);
const char    *cs_finding_get_message       (CsFinding  *self);
const char    *cs_finding_get_detail        (CsFinding  *self);
const char    *cs_finding_get_remedy        (CsFinding  *self);
const char    *cs_finding_get_example       (CsFinding  *self);
const char    *cs_finding_get_source        (CsFinding  *self);
const char    *cs_finding_get_group         (CsFinding  *self);
CsSection      cs_finding_get_section       (CsFinding  *self);
const char    *cs_finding_get_field         (CsFinding  *self);
gint64         cs_finding_get_record_id     (CsFinding  *self);
guint          cs_finding_get_start         (CsFinding  *self);
guint          cs_finding_get_end           (CsFinding  *self);
const char    *cs_finding_get_matched_text  (CsFinding  *self);
const char    *cs_finding_get_justification (CsFinding  *self);
const char    *cs_finding_get_reference     (CsFinding  *self);
const char    *cs_finding_get_changed_by    (CsFinding  *self);
const char    *cs_finding_get_changed_at    (CsFinding  *self);

const char    *cs_severity_to_string        (CsSeverity    severity);
gboolean       cs_severity_from_string      (const char   *text,
                                             CsSeverity   *out_severity);
const char    *cs_severity_get_label        (CsSeverity    severity);
guint          cs_severity_get_weight       (CsSeverity    severity);
const char    *cs_item_status_to_string     (CsItemStatus  status);
const char    *cs_item_status_get_label     (CsItemStatus  status);

G_END_DECLS
