/* cs-finding.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-finding"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-finding.h"

/**
 * CsFinding:
 *
 * One line of the completeness dashboard: the result of a checklist item for an offer (with its
 * status, where the status comes from and any justification), or a weak wording found by the
 * clause linter (with offsets into the clause text, for highlighting). Each carries a "go to"
 * target: a #CsSection, an optional field and an optional record. Findings are immutable: the
 * properties are set at construction.
 */
struct _CsFinding
{
  GObject parent_instance;

  CsFindingKind kind;
  char *id;
  CsSeverity severity;
  CsItemStatus status;
  CsItemOrigin origin;
  gboolean knock_out;
  char *title;
  char *message;
  char *detail;
  char *remedy;
  char *example;
  char *source;
  char *group;
  guint section;
  char *field;
  gint64 record_id;
  guint start;
  guint end;
  char *matched_text;
  char *justification;
  char *reference;
  char *changed_by;
  char *changed_at;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_SEVERITY,
  PROP_STATUS,
  PROP_ORIGIN,
  PROP_KNOCK_OUT,
  PROP_TITLE,
  PROP_MESSAGE,
  PROP_DETAIL,
  PROP_REMEDY,
  PROP_EXAMPLE,
  PROP_SOURCE,
  PROP_GROUP,
  PROP_SECTION,
  PROP_FIELD,
  PROP_RECORD_ID,
  PROP_START,
  PROP_END,
  PROP_MATCHED_TEXT,
  PROP_JUSTIFICATION,
  PROP_REFERENCE,
  PROP_CHANGED_BY,
  PROP_CHANGED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsFinding, cs_finding, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CsFindingKind, cs_finding_kind,
                    G_DEFINE_ENUM_VALUE (CS_FINDING_CHECKLIST, "checklist"),
                    G_DEFINE_ENUM_VALUE (CS_FINDING_LINTER, "linter"))
G_DEFINE_ENUM_TYPE (CsSeverity, cs_severity,
                    G_DEFINE_ENUM_VALUE (CS_SEVERITY_CRITICAL, "critical"),
                    G_DEFINE_ENUM_VALUE (CS_SEVERITY_MAJOR, "major"),
                    G_DEFINE_ENUM_VALUE (CS_SEVERITY_MINOR, "minor"))
G_DEFINE_ENUM_TYPE (CsItemStatus, cs_item_status,
                    G_DEFINE_ENUM_VALUE (CS_ITEM_SATISFIED, "satisfied"),
                    G_DEFINE_ENUM_VALUE (CS_ITEM_PARTIAL, "partial"),
                    G_DEFINE_ENUM_VALUE (CS_ITEM_MISSING, "missing"),
                    G_DEFINE_ENUM_VALUE (CS_ITEM_NOT_APPLICABLE, "not_applicable"),
                    G_DEFINE_ENUM_VALUE (CS_ITEM_UNANSWERED, "unanswered"),
                    G_DEFINE_ENUM_VALUE (CS_ITEM_REFERENCE, "reference"))
G_DEFINE_ENUM_TYPE (CsItemOrigin, cs_item_origin,
                    G_DEFINE_ENUM_VALUE (CS_ORIGIN_COMPUTED, "computed"),
                    G_DEFINE_ENUM_VALUE (CS_ORIGIN_MANUAL, "manual"),
                    G_DEFINE_ENUM_VALUE (CS_ORIGIN_OVERRIDE, "override"))

static GParamSpec *properties[N_PROPS];

static void
cs_finding_finalize (GObject *object)
{
  CsFinding *self = (CsFinding *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->remedy, g_free);
  g_clear_pointer (&self->example, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->matched_text, g_free);
  g_clear_pointer (&self->justification, g_free);
  g_clear_pointer (&self->changed_by, g_free);
  g_clear_pointer (&self->changed_at, g_free);
  g_clear_pointer (&self->reference, g_free);

  G_OBJECT_CLASS (cs_finding_parent_class)->finalize (object);
}

static void
cs_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsFinding *self = CS_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;

    case PROP_KNOCK_OUT:
      g_value_set_boolean (value, self->knock_out);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    case PROP_REMEDY:
      g_value_set_string (value, self->remedy);
      break;

    case PROP_EXAMPLE:
      g_value_set_string (value, self->example);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;

    case PROP_SECTION:
      g_value_set_uint (value, self->section);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_MATCHED_TEXT:
      g_value_set_string (value, self->matched_text);
      break;

    case PROP_JUSTIFICATION:
      g_value_set_string (value, self->justification);
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;

    case PROP_CHANGED_BY:
      g_value_set_string (value, self->changed_by);
      break;

    case PROP_CHANGED_AT:
      g_value_set_string (value, self->changed_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_finding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CsFinding *self = CS_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;

    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;

    case PROP_ORIGIN:
      self->origin = g_value_get_enum (value);
      break;

    case PROP_KNOCK_OUT:
      self->knock_out = g_value_get_boolean (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;

    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;

    case PROP_REMEDY:
      self->remedy = g_value_dup_string (value);
      break;

    case PROP_EXAMPLE:
      self->example = g_value_dup_string (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;

    case PROP_GROUP:
      self->group = g_value_dup_string (value);
      break;

    case PROP_SECTION:
      self->section = g_value_get_uint (value);
      break;

    case PROP_FIELD:
      self->field = g_value_dup_string (value);
      break;

    case PROP_RECORD_ID:
      self->record_id = g_value_get_int64 (value);
      break;

    case PROP_START:
      self->start = g_value_get_uint (value);
      break;

    case PROP_END:
      self->end = g_value_get_uint (value);
      break;

    case PROP_MATCHED_TEXT:
      self->matched_text = g_value_dup_string (value);
      break;

    case PROP_JUSTIFICATION:
      self->justification = g_value_dup_string (value);
      break;

    case PROP_REFERENCE:
      self->reference = g_value_dup_string (value);
      break;

    case PROP_CHANGED_BY:
      self->changed_by = g_value_dup_string (value);
      break;

    case PROP_CHANGED_AT:
      self->changed_at = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_finding_class_init (CsFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_finding_finalize;
  object_class->get_property = cs_finding_get_property;
  object_class->set_property = cs_finding_set_property;

  /**
   * CsFinding:kind:
   *
   * Checklist item result or linter finding.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CS_TYPE_FINDING_KIND, CS_FINDING_CHECKLIST, flags);
  /**
   * CsFinding:id:
   *
   * The checklist item id ("SLA-02") or linter rule id ("L04").
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  /**
   * CsFinding:severity:
   *
   * The severity of the item or rule.
   */
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, CS_TYPE_SEVERITY, CS_SEVERITY_MINOR, flags);
  /**
   * CsFinding:status:
   *
   * For checklist results, the status of the item.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CS_TYPE_ITEM_STATUS, CS_ITEM_MISSING, flags);
  /**
   * CsFinding:origin:
   *
   * For checklist results, where the status comes from.
   */
  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, CS_TYPE_ITEM_ORIGIN, CS_ORIGIN_COMPUTED, flags);
  /**
   * CsFinding:knock-out:
   *
   * %TRUE when a critical item is missing.
   */
  properties[PROP_KNOCK_OUT] =
    g_param_spec_boolean ("knock-out", NULL, NULL, FALSE, flags);
  /**
   * CsFinding:title:
   *
   * The translated short title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /**
   * CsFinding:message:
   *
   * The translated explanation: the item's guidance, or why the wording is weak.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, flags);
  /**
   * CsFinding:detail:
   *
   * (nullable) what the computation found, translated.
   */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  /**
   * CsFinding:remedy:
   *
   * The translated remedy: what to ask the provider for.
   */
  properties[PROP_REMEDY] =
    g_param_spec_string ("remedy", NULL, NULL, NULL, flags);
  /**
   * CsFinding:example:
   *
   * (nullable) for linter findings, a useful wording in the clause's language.
   */
  properties[PROP_EXAMPLE] =
    g_param_spec_string ("example", NULL, NULL, NULL, flags);
  /**
   * CsFinding:source:
   *
   * The sources of the item or rule.
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, flags);
  /**
   * CsFinding:group:
   *
   * The checklist group ("perimeter" … "billing", "governance", "gdpr").
   */
  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL, flags);
  /**
   * CsFinding:section:
   *
   * The #CsSection where the finding is fixed (the "go to" target).
   */
  properties[PROP_SECTION] =
    g_param_spec_uint ("section", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * CsFinding:field:
   *
   * (nullable) the column to focus in that section, when there is one.
   */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL, flags);
  /**
   * CsFinding:record-id:
   *
   * The record to focus: the clause for linter findings, the section record or 0.
   */
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * CsFinding:start:
   *
   * For linter findings, the byte offset of the match in the clause text.
   */
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * CsFinding:end:
   *
   * For linter findings, the byte offset just after the match.
   */
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * CsFinding:matched-text:
   *
   * (nullable) for linter findings, the words matched.
   */
  properties[PROP_MATCHED_TEXT] =
    g_param_spec_string ("matched-text", NULL, NULL, NULL, flags);
  /**
   * CsFinding:justification:
   *
   * (nullable) the consultant's justification of an override or answer.
   */
  properties[PROP_JUSTIFICATION] =
    g_param_spec_string ("justification", NULL, NULL, NULL, flags);
  /**
   * CsFinding:reference:
   *
   * (nullable) the contract reference given with the answer or the clause.
   */
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL, flags);

  /**
   * CsFinding:changed-by:
   *
   * Who set the manual answer or the override (a person's name), %NULL otherwise.
   */
  properties[PROP_CHANGED_BY] =
    g_param_spec_string ("changed-by", NULL, NULL, NULL, flags);

  /**
   * CsFinding:changed-at:
   *
   * When the manual answer or the override was set (ISO 8601, UTC), %NULL otherwise.
   */
  properties[PROP_CHANGED_AT] =
    g_param_spec_string ("changed-at", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_finding_init (CsFinding *self)
{
}

/**
 * cs_finding_get_kind:
 * @self: a finding
 *
 * Returns: checklist item result or linter finding
 */
CsFindingKind
cs_finding_get_kind (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return self->kind;
}

/**
 * cs_finding_get_id:
 * @self: a finding
 *
 * Returns: (transfer none) the checklist item id ("SLA-02") or linter rule id ("L04")
 */
const char *
cs_finding_get_id (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->id;
}

/**
 * cs_finding_get_severity:
 * @self: a finding
 *
 * Returns: the severity of the item or rule
 */
CsSeverity
cs_finding_get_severity (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return self->severity;
}

/**
 * cs_finding_get_status:
 * @self: a finding
 *
 * Returns: for checklist results, the status of the item
 */
CsItemStatus
cs_finding_get_status (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return self->status;
}

/**
 * cs_finding_get_origin:
 * @self: a finding
 *
 * Returns: for checklist results, where the status comes from
 */
CsItemOrigin
cs_finding_get_origin (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return self->origin;
}

/**
 * cs_finding_get_knock_out:
 * @self: a finding
 *
 * Returns: %TRUE when a critical item is missing
 */
gboolean
cs_finding_get_knock_out (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return self->knock_out;
}

/**
 * cs_finding_get_title:
 * @self: a finding
 *
 * Returns: (transfer none) the translated short title
 */
const char *
cs_finding_get_title (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->title;
}

/**
 * cs_finding_get_message:
 * @self: a finding
 *
 * Returns: (transfer none) the translated explanation: the item's guidance, or why the wording is weak
 */
const char *
cs_finding_get_message (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->message;
}

/**
 * cs_finding_get_detail:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable) what the computation found, translated
 */
const char *
cs_finding_get_detail (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->detail;
}

/**
 * cs_finding_get_remedy:
 * @self: a finding
 *
 * Returns: (transfer none) the translated remedy: what to ask the provider for
 */
const char *
cs_finding_get_remedy (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->remedy;
}

/**
 * cs_finding_get_example:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable) for linter findings, a useful wording in the clause's language
 */
const char *
cs_finding_get_example (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->example;
}

/**
 * cs_finding_get_source:
 * @self: a finding
 *
 * Returns: (transfer none) the sources of the item or rule
 */
const char *
cs_finding_get_source (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->source;
}

/**
 * cs_finding_get_group:
 * @self: a finding
 *
 * Returns: (transfer none) the checklist group ("perimeter" … "billing", "governance", "gdpr")
 */
const char *
cs_finding_get_group (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->group;
}

/**
 * cs_finding_get_section:
 * @self: a finding
 *
 * Returns: the #CsSection where the finding is fixed (the "go to" target)
 */
CsSection
cs_finding_get_section (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return (CsSection) self->section;
}

/**
 * cs_finding_get_field:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable) the column to focus in that section, when there is one
 */
const char *
cs_finding_get_field (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->field;
}

/**
 * cs_finding_get_record_id:
 * @self: a finding
 *
 * Returns: the record to focus: the clause for linter findings, the section record or 0
 */
gint64
cs_finding_get_record_id (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return self->record_id;
}

/**
 * cs_finding_get_start:
 * @self: a finding
 *
 * Returns: for linter findings, the byte offset of the match in the clause text
 */
guint
cs_finding_get_start (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return self->start;
}

/**
 * cs_finding_get_end:
 * @self: a finding
 *
 * Returns: for linter findings, the byte offset just after the match
 */
guint
cs_finding_get_end (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), 0);

  return self->end;
}

/**
 * cs_finding_get_matched_text:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable) for linter findings, the words matched
 */
const char *
cs_finding_get_matched_text (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->matched_text;
}

/**
 * cs_finding_get_justification:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable) the consultant's justification of an override or answer
 */
const char *
cs_finding_get_justification (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->justification;
}

/**
 * cs_finding_get_reference:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable) the contract reference given with the answer or the clause
 */
const char *
cs_finding_get_reference (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->reference;
}

/**
 * cs_finding_get_changed_by:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable): who set the answer or override
 */
const char *
cs_finding_get_changed_by (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->changed_by;
}

/**
 * cs_finding_get_changed_at:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable): when the answer or override was set (ISO 8601, UTC)
 */
const char *
cs_finding_get_changed_at (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);

  return self->changed_at;
}

static const char * const severity_names[] = { "critical", "major", "minor" };
static const char * const status_names[] = {
  "satisfied", "partial", "missing", "not_applicable", "unanswered", "reference"
};

/**
 * cs_severity_to_string:
 * @severity: a severity
 *
 * Returns: the stable name of @severity ("critical", "major", "minor")
 */
const char *
cs_severity_to_string (CsSeverity severity)
{
  g_return_val_if_fail (severity <= CS_SEVERITY_MINOR, NULL);

  return severity_names[severity];
}

/**
 * cs_severity_from_string:
 * @text: a stable severity name
 * @out_severity: (out): where to store the severity
 *
 * Returns: %TRUE if @text names a severity
 */
gboolean
cs_severity_from_string (const char *text,
                         CsSeverity *out_severity)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (severity_names); i++)
    {
      if (g_str_equal (text, severity_names[i]))
        {
          *out_severity = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cs_severity_get_label:
 * @severity: a severity
 *
 * Returns: the translated name of @severity
 */
const char *
cs_severity_get_label (CsSeverity severity)
{
  switch (severity)
    {
    case CS_SEVERITY_CRITICAL:
      return _("Critical");
    case CS_SEVERITY_MAJOR:
      return _("Major");
    case CS_SEVERITY_MINOR:
    default:
      return _("Minor");
    }
}

/**
 * cs_severity_get_weight:
 * @severity: a severity
 *
 * Returns: the default scoring weight of @severity: 5 for critical, 3 for major, 1 for minor
 */
guint
cs_severity_get_weight (CsSeverity severity)
{
  switch (severity)
    {
    case CS_SEVERITY_CRITICAL:
      return 5;
    case CS_SEVERITY_MAJOR:
      return 3;
    case CS_SEVERITY_MINOR:
    default:
      return 1;
    }
}

/**
 * cs_item_status_to_string:
 * @status: a status
 *
 * Returns: the stable name of @status ("satisfied", "partial" …), as in the JSON output
 */
const char *
cs_item_status_to_string (CsItemStatus status)
{
  g_return_val_if_fail (status <= CS_ITEM_REFERENCE, NULL);

  return status_names[status];
}

/**
 * cs_item_status_get_label:
 * @status: a status
 *
 * Returns: the translated name of @status
 */
const char *
cs_item_status_get_label (CsItemStatus status)
{
  switch (status)
    {
    case CS_ITEM_SATISFIED:
      return _("Satisfied");
    case CS_ITEM_PARTIAL:
      return _("Partial");
    case CS_ITEM_MISSING:
      return _("Missing");
    case CS_ITEM_NOT_APPLICABLE:
      return _("Not applicable");
    case CS_ITEM_UNANSWERED:
      return _("To assess");
    case CS_ITEM_REFERENCE:
    default:
      return _("Reference only");
    }
}
