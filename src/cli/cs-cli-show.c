/* cs-cli-show.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-commands.h"
#include "cs-model.h"
#include "cs-sections.h"
#include "cs-store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-glib/json-glib.h>

/*
 * contract-scope-cli show FILE --offer NAME --section SECTION [--json] [--today YYYY-MM-DD]
 *
 * Prints one section of one offer: every recorded value, the values computed from them and
 * the flags of the section's checks. The offer is named by its provider (any letter case, or
 * the start of the name when only one offer matches) or by its number in `info`. The JSON
 * output holds "offer", "section", "records" (the section's tables, children nested as in the
 * project data format), "computed" and "flags"; dates are ISO 8601, durations are minutes.
 */

typedef struct
{
  CsStore     *store;
  CsRecord    *offer;
  CsSection    section;
  GDate        today;
  JsonBuilder *builder;
  GString     *text;
} Show;

static const CsSection shown_sections[] = {
  CS_SECTION_PERIMETER, CS_SECTION_EXCLUSIONS, CS_SECTION_RESPONSIBILITIES, CS_SECTION_SLA,
  CS_SECTION_BACKUP, CS_SECTION_SECURITY, CS_SECTION_SUBCONTRACTING, CS_SECTION_EXIT,
  CS_SECTION_TERMS,
};

static void
set_usage_error (GError     **error,
                 const char  *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup (_("(not stated)"));

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static char *
format_value (CsRecord      *record,
              const CsField *field,
              guint          index)
{
  const GValue *value = cs_record_peek_value (record, index);

  switch (field->type)
    {
    case CS_FIELD_STRING:
    case CS_FIELD_CHOICE:
    case CS_FIELD_DATE:
      {
        const char *text = g_value_get_string (value);

        return g_strdup (text != NULL && *text != '\0' ? text : _("(not stated)"));
      }

    case CS_FIELD_INT:
    case CS_FIELD_REF:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

    case CS_FIELD_NUMBER:
      return format_number (g_value_get_double (value));

    case CS_FIELD_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? _("yes") : _("no"));

    default:
      g_assert_not_reached ();
    }
}

/* Adds every field of @record as a member: "not stated" dates, numbers and references are null. */
static void
add_record_members (JsonBuilder *builder,
                    CsRecord    *record)
{
  const CsEntity *entity = cs_record_get_entity (record);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cs_record_get_id (record));

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CsField *field = &entity->fields[i];
      const GValue *value = cs_record_peek_value (record, i);

      json_builder_set_member_name (builder, field->column);
      switch (field->type)
        {
        case CS_FIELD_STRING:
        case CS_FIELD_CHOICE:
          json_builder_add_string_value (builder, g_value_get_string (value));
          break;

        case CS_FIELD_DATE:
          if (g_value_get_string (value) == NULL || *g_value_get_string (value) == '\0')
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, g_value_get_string (value));
          break;

        case CS_FIELD_INT:
          json_builder_add_int_value (builder, g_value_get_int64 (value));
          break;

        case CS_FIELD_REF:
          if (g_value_get_int64 (value) == 0)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, g_value_get_int64 (value));
          break;

        case CS_FIELD_NUMBER:
          if (isnan (g_value_get_double (value)))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, g_value_get_double (value));
          break;

        case CS_FIELD_BOOLEAN:
          json_builder_add_boolean_value (builder, g_value_get_boolean (value));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
append_record_text (GString    *text,
                    CsRecord   *record,
                    const char *indent)
{
  const CsEntity *entity = cs_record_get_entity (record);
  glong width = 0;

  for (guint i = 0; i < entity->n_fields; i++)
    width = MAX (width, (glong) strlen (entity->fields[i].column));

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CsField *field = &entity->fields[i];
      g_autofree char *value = NULL;

      /* The owning offer is the one being shown. */
      if (g_strcmp0 (field->column, entity->parent) == 0)
        continue;

      value = format_value (record, field, i);
      g_string_append_printf (text, "%s%-*s  %s\n", indent, (int) width, field->column, value);
    }
}

/* Writes the records of @type under @parent_id, then their children of @child_type. */
static void
show_records (Show       *show,
              GType       type,
              gint64      parent_id,
              GType       child_type)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  GListModel *list = NULL;
  guint n_items = 0;

  if (entity->one_per_parent)
    {
      CsRecord *record = cs_store_get_section (show->store, type, parent_id);

      json_builder_set_member_name (show->builder, entity->table);
      json_builder_begin_object (show->builder);
      add_record_members (show->builder, record);
      json_builder_end_object (show->builder);

      g_string_append_printf (show->text, "%s\n", entity->table);
      append_record_text (show->text, record, "  ");
      g_string_append_c (show->text, '\n');
      return;
    }

  list = cs_store_list (show->store, type, parent_id);
  n_items = g_list_model_get_n_items (list);

  json_builder_set_member_name (show->builder, entity->table);
  json_builder_begin_array (show->builder);
  g_string_append_printf (show->text, "%s (%u)\n", entity->table, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (list, i);

      json_builder_begin_object (show->builder);
      add_record_members (show->builder, record);
      g_string_append_printf (show->text, "  #%u (id %" G_GINT64_FORMAT ")\n", i + 1,
                              cs_record_get_id (record));
      append_record_text (show->text, record, "    ");

      if (child_type != G_TYPE_INVALID)
        {
          const CsEntity *child_entity = cs_record_type_get_entity (child_type);
          GListModel *children = cs_store_list (show->store, child_type,
                                                cs_record_get_id (record));
          guint n_children = g_list_model_get_n_items (children);

          json_builder_set_member_name (show->builder, child_entity->table);
          json_builder_begin_array (show->builder);
          for (guint j = 0; j < n_children; j++)
            {
              g_autoptr(CsRecord) child = g_list_model_get_item (children, j);

              json_builder_begin_object (show->builder);
              add_record_members (show->builder, child);
              json_builder_end_object (show->builder);
              g_string_append_printf (show->text, "    %s: ", child_entity->table);
              append_record_text (show->text, child, "");
            }
          json_builder_end_array (show->builder);
        }

      json_builder_end_object (show->builder);
    }
  json_builder_end_array (show->builder);
  g_string_append_c (show->text, '\n');
}

/* Computed values: each goes to JSON under @key and to the text under @label. */

static void
computed_number (Show       *show,
                 const char *key,
                 const char *label,
                 double      value,
                 const char *unit)
{
  g_autofree char *number = format_number (value);

  json_builder_set_member_name (show->builder, key);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (show->builder);
  else
    json_builder_add_double_value (show->builder, value);

  if (isnan (value) || unit == NULL)
    g_string_append_printf (show->text, "  %s: %s\n", label, number);
  else
    g_string_append_printf (show->text, "  %s: %s %s\n", label, number, unit);
}

static void
computed_string (Show       *show,
                 const char *key,
                 const char *label,
                 const char *value)
{
  json_builder_set_member_name (show->builder, key);
  if (value == NULL)
    json_builder_add_null_value (show->builder);
  else
    json_builder_add_string_value (show->builder, value);

  g_string_append_printf (show->text, "  %s: %s\n", label,
                          value != NULL ? value : _("(not stated)"));
}

static void
computed_date (Show        *show,
               const char  *key,
               const char  *label,
               const GDate *date)
{
  char text[32];

  if (!g_date_valid (date))
    {
      computed_string (show, key, label, NULL);
      return;
    }

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  computed_string (show, key, label, text);
}

static char *
format_instant (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static void
add_sla_time (Show            *show,
              const char      *key,
              const char      *label,
              const CsSlaTime *time)
{
  g_autofree char *stated = cs_format_minutes (time->stated_minutes);
  g_autofree char *worst = cs_format_minutes (time->worst.wall_minutes);
  g_autofree char *opened = format_instant (time->worst.opened);
  g_autofree char *due = format_instant (time->worst.due);

  json_builder_set_member_name (show->builder, key);
  json_builder_begin_object (show->builder);
  json_builder_set_member_name (show->builder, "stated_minutes");
  if (isnan (time->stated_minutes))
    json_builder_add_null_value (show->builder);
  else
    json_builder_add_double_value (show->builder, time->stated_minutes);
  json_builder_set_member_name (show->builder, "business_time");
  json_builder_add_boolean_value (show->builder, time->business);
  json_builder_set_member_name (show->builder, "worst_case_minutes");
  if (isnan (time->worst.wall_minutes) || isinf (time->worst.wall_minutes))
    json_builder_add_null_value (show->builder);
  else
    json_builder_add_double_value (show->builder, time->worst.wall_minutes);
  json_builder_set_member_name (show->builder, "never");
  json_builder_add_boolean_value (show->builder, isinf (time->worst.wall_minutes));
  json_builder_set_member_name (show->builder, "worst_case_opened");
  if (opened != NULL)
    json_builder_add_string_value (show->builder, opened);
  else
    json_builder_add_null_value (show->builder);
  json_builder_set_member_name (show->builder, "worst_case_due");
  if (due != NULL)
    json_builder_add_string_value (show->builder, due);
  else
    json_builder_add_null_value (show->builder);
  json_builder_end_object (show->builder);

  /* Translators: "resolution: 4 h (business), worst case 90 h" */
  g_string_append_printf (show->text, "    %s: %s (%s), %s %s", label, stated,
                          time->business ? _("business time") : _("calendar time"),
                          _("worst case"), worst);
  if (opened != NULL && due != NULL)
    /* Translators: the ticket that waits longest */
    g_string_append_printf (show->text, _(", opened %s, due %s"), opened, due);
  g_string_append_c (show->text, '\n');
}

static void
show_sla (Show *show)
{
  g_autoptr(CsSlaReport) report = cs_sla_report_new (show->store,
                                                     cs_record_get_id (show->offer),
                                                     g_date_get_year (&show->today));

  computed_string (show, "coverage_window", _("Coverage window"), report->window_text);
  computed_number (show, "year", _("Year examined"), report->year, NULL);
  computed_number (show, "business_day_minutes", _("One business day"),
                   cs_coverage_window_get_day_minutes (report->window), _("min"));
  computed_number (show, "week_minutes", _("Open time per week"), report->week_minutes,
                   _("min"));
  computed_number (show, "availability_period_days", _("Availability period"),
                   report->period_days, _("days"));
  computed_number (show, "allowed_downtime_minutes", _("Allowed downtime per period"),
                   report->allowed_downtime_minutes, _("min"));

  json_builder_set_member_name (show->builder, "targets");
  json_builder_begin_array (show->builder);
  for (guint i = 0; i < report->targets->len; i++)
    {
      CsSlaTargetReport *item = g_ptr_array_index (report->targets, i);
      CsRecord *target = CS_RECORD (item->target);
      const char *kind = cs_record_get_string (target, "kind");
      int priority = cs_record_get_int (target, "priority");

      json_builder_begin_object (show->builder);
      json_builder_set_member_name (show->builder, "id");
      json_builder_add_int_value (show->builder, cs_record_get_id (target));
      json_builder_set_member_name (show->builder, "kind");
      json_builder_add_string_value (show->builder, kind);
      json_builder_set_member_name (show->builder, "priority");
      json_builder_add_int_value (show->builder, priority);
      g_string_append_printf (show->text, "  %s P%d\n",
                              g_str_equal (kind, "incident") ? _("Incident") : _("Request"),
                              priority);
      add_sla_time (show, "response", _("response"), &item->response);
      add_sla_time (show, "resolution", _("resolution"), &item->resolution);
      json_builder_end_object (show->builder);
    }
  json_builder_end_array (show->builder);
}

static void
show_responsibilities (Show *show)
{
  g_autoptr(CsRaciMatrix) matrix = cs_raci_matrix_new (show->store,
                                                       cs_record_get_id (show->offer));

  json_builder_set_member_name (show->builder, "matrix");
  json_builder_begin_array (show->builder);
  for (guint i = 0; i < matrix->rows->len; i++)
    {
      CsRaciRow *row = g_ptr_array_index (matrix->rows, i);
      CsRecord *activity = CS_RECORD (row->activity);

      json_builder_begin_object (show->builder);
      json_builder_set_member_name (show->builder, "activity_id");
      json_builder_add_int_value (show->builder, cs_record_get_id (activity));
      json_builder_set_member_name (show->builder, "activity");
      json_builder_add_string_value (show->builder, cs_record_get_string (activity, "key"));
      json_builder_set_member_name (show->builder, "n_accountable");
      json_builder_add_int_value (show->builder, row->n_accountable);
      json_builder_set_member_name (show->builder, "n_responsible");
      json_builder_add_int_value (show->builder, row->n_responsible);
      json_builder_set_member_name (show->builder, "roles");
      json_builder_begin_object (show->builder);

      g_string_append_printf (show->text, "  %s:", cs_record_get_string (activity, "name"));
      for (guint j = 0; j < matrix->parties->len; j++)
        {
          CsRecord *party = g_ptr_array_index (matrix->parties, j);
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, cs_record_get_id (party));

          json_builder_set_member_name (show->builder, key);
          json_builder_add_string_value (show->builder, row->roles[j]);
          if (*row->roles[j] != '\0')
            g_string_append_printf (show->text, " %s=%s", cs_record_get_string (party, "name"),
                                    row->roles[j]);
        }
      g_string_append_c (show->text, '\n');
      json_builder_end_object (show->builder);
      json_builder_end_object (show->builder);
    }
  json_builder_end_array (show->builder);
}

static void
show_backup (Show *show)
{
  g_autoptr(CsBackupReport) report = cs_backup_report_new (show->store,
                                                           cs_record_get_id (show->offer));

  json_builder_set_member_name (show->builder, "policies");
  json_builder_begin_array (show->builder);
  for (guint i = 0; i < report->policies->len; i++)
    {
      CsBackupPolicyReport *item = g_ptr_array_index (report->policies, i);

      json_builder_begin_object (show->builder);
      json_builder_set_member_name (show->builder, "id");
      json_builder_add_int_value (show->builder, cs_record_get_id (CS_RECORD (item->policy)));
      json_builder_set_member_name (show->builder, "frequency_exceeds_rpo");
      json_builder_add_boolean_value (show->builder, item->frequency_exceeds_rpo);
      json_builder_set_member_name (show->builder, "n_assets");
      json_builder_add_int_value (show->builder, item->assets->len);
      json_builder_end_object (show->builder);

      g_string_append_printf (show->text, "  %s: %u %s%s\n",
                              cs_record_get_string (CS_RECORD (item->policy), "name"),
                              item->assets->len, _("assets in scope"),
                              item->frequency_exceeds_rpo ? _(", frequency longer than RPO")
                                                          : "");
    }
  json_builder_end_array (show->builder);

  json_builder_set_member_name (show->builder, "unprotected_critical_assets");
  json_builder_begin_array (show->builder);
  for (guint i = 0; i < report->unprotected_critical->len; i++)
    {
      CsRecord *asset = g_ptr_array_index (report->unprotected_critical, i);

      json_builder_add_int_value (show->builder, cs_record_get_id (asset));
      g_string_append_printf (show->text, "  %s: %s\n", _("Critical asset in no policy"),
                              cs_record_get_string (asset, "name"));
    }
  json_builder_end_array (show->builder);
}

static void
show_terms (Show *show)
{
  g_autoptr(CsTermsReport) report = cs_terms_report_new (show->store,
                                                         cs_record_get_id (show->offer),
                                                         &show->today);

  computed_date (show, "today", _("Reference day"), &show->today);
  computed_date (show, "initial_end", _("End of the initial term"), &report->dates.initial_end);
  computed_date (show, "current_end", _("End of the running period"), &report->dates.current_end);
  computed_date (show, "cancel_end", _("Earliest end by notice"), &report->dates.cancel_end);
  computed_date (show, "cancel_by", _("Cancel by"), &report->dates.cancel_by);
  computed_date (show, "decide_by", _("Decide by"), &report->dates.decide_by);
  computed_number (show, "days_to_cancel_by", _("Days left to give notice"),
                   g_date_valid (&report->dates.cancel_by) ? report->dates.days_left : NAN,
                   _("days"));
}

static void
show_exit (Show *show)
{
  g_autoptr(CsExitReport) report = cs_exit_report_new (show->store,
                                                       cs_record_get_id (show->offer));
  g_autofree char *missing = g_strjoinv (", ", report->missing_items);

  computed_number (show, "last_deadline_days", _("Latest deliverable deadline"),
                   report->last_deadline_days, _("days after notice"));
  computed_number (show, "total_price", _("Price of the deliverables"), report->total_price,
                   cs_record_get_string (CS_RECORD (cs_store_get_project (show->store)),
                                         "currency"));
  computed_number (show, "n_delivered", _("Delivered"), report->n_delivered, NULL);

  json_builder_set_member_name (show->builder, "missing_items");
  json_builder_begin_array (show->builder);
  for (guint i = 0; report->missing_items[i] != NULL; i++)
    json_builder_add_string_value (show->builder, report->missing_items[i]);
  json_builder_end_array (show->builder);
  g_string_append_printf (show->text, "  %s: %s\n", _("Missing standard items"),
                          *missing != '\0' ? missing : _("none"));
}

/* Counts the records of @type under the offer by the value of @column. */
static void
show_counts (Show       *show,
             GType       type,
             const char *column)
{
  GListModel *list = cs_store_list (show->store, type, cs_record_get_id (show->offer));
  const CsField *field = cs_entity_find_field (cs_record_type_get_entity (type), column, NULL);

  json_builder_set_member_name (show->builder, "counts");
  json_builder_begin_object (show->builder);
  for (guint c = 0; field->choices[c] != NULL; c++)
    {
      guint count = 0;

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CsRecord) record = g_list_model_get_item (list, i);

          if (g_str_equal (cs_record_get_string (record, column), field->choices[c]))
            count++;
        }

      json_builder_set_member_name (show->builder, field->choices[c]);
      json_builder_add_int_value (show->builder, count);
      g_string_append_printf (show->text, "  %s: %u\n", field->choices[c], count);
    }
  json_builder_end_object (show->builder);
}

/* The perimeter's figures from the store's counts, which read the coverage whatever rows
 * store it (an offer's default, cs-store-coverage.c): "not addressed" counts the assets
 * with a note or a reference but no coverage, n_not_addressed the others. */
static void
show_perimeter (Show *show)
{
  GListModel *assets = cs_store_list (show->store, CS_TYPE_ASSET, 0);
  GListModel *coverages = cs_store_list (show->store, CS_TYPE_COVERAGE,
                                         cs_record_get_id (show->offer));
  const CsField *field = cs_entity_find_field (cs_record_type_get_entity (CS_TYPE_COVERAGE),
                                               "state", NULL);
  guint n_assets = g_list_model_get_n_items (assets);
  guint counts[CS_N_COVERAGE_STATES] = { 0 };
  guint noted = 0;

  if (!cs_store_count_coverage_states (show->store, cs_record_get_id (show->offer), counts,
                                       NULL, NULL))
    memset (counts, 0, sizeof counts);
  for (guint i = 0; i < g_list_model_get_n_items (coverages); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (coverages, i);

      if (g_str_equal (cs_record_get_string (record, "state"), "not_addressed")
          && (*cs_record_get_string (record, "note") != '\0'
              || *cs_record_get_string (record, "reference") != '\0'))
        noted++;
    }
  counts[CS_COVERAGE_NOT_ADDRESSED] -= MIN (noted, counts[CS_COVERAGE_NOT_ADDRESSED]);

  computed_number (show, "n_assets", _("Assets in the inventory"), n_assets, NULL);
  computed_number (show, "n_not_addressed", _("Assets the offer does not address"),
                   counts[CS_COVERAGE_NOT_ADDRESSED], NULL);
  counts[CS_COVERAGE_NOT_ADDRESSED] = noted;

  json_builder_set_member_name (show->builder, "counts");
  json_builder_begin_object (show->builder);
  for (guint c = 0; field->choices[c] != NULL && c < CS_N_COVERAGE_STATES; c++)
    {
      json_builder_set_member_name (show->builder, field->choices[c]);
      json_builder_add_int_value (show->builder, counts[c]);
      g_string_append_printf (show->text, "  %s: %u\n", field->choices[c], counts[c]);
    }
  json_builder_end_object (show->builder);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_flags (Show *show)
{
  g_autoptr(GPtrArray) flags = cs_section_get_flags (show->store, show->section,
                                                     cs_record_get_id (show->offer),
                                                     &show->today);

  json_builder_set_member_name (show->builder, "flags");
  json_builder_begin_array (show->builder);
  g_string_append_printf (show->text, "\n%s (%u)\n", _("Flags"), flags->len);
  for (guint i = 0; i < flags->len; i++)
    {
      CsFlag *flag = g_ptr_array_index (flags, i);

      json_builder_begin_object (show->builder);
      json_builder_set_member_name (show->builder, "severity");
      json_builder_add_string_value (show->builder, cs_flag_severity_get_id (flag->severity));
      json_builder_set_member_name (show->builder, "code");
      json_builder_add_string_value (show->builder, flag->code);
      json_builder_set_member_name (show->builder, "table");
      json_builder_add_string_value (show->builder, flag->table);
      json_builder_set_member_name (show->builder, "record_id");
      if (flag->record_id != 0)
        json_builder_add_int_value (show->builder, flag->record_id);
      else
        json_builder_add_null_value (show->builder);
      json_builder_set_member_name (show->builder, "field");
      if (flag->field != NULL)
        json_builder_add_string_value (show->builder, flag->field);
      else
        json_builder_add_null_value (show->builder);
      json_builder_set_member_name (show->builder, "message");
      json_builder_add_string_value (show->builder, flag->message);
      /* The checklist's result for the item, as `score --json` reports it. */
      json_builder_set_member_name (show->builder, "id");
      json_builder_add_string_value (show->builder, flag->code);
      json_builder_set_member_name (show->builder, "status");
      json_builder_add_string_value (show->builder, cs_item_status_to_string (flag->status));
      json_builder_set_member_name (show->builder, "knock_out");
      json_builder_add_boolean_value (show->builder, flag->knock_out);
      add_optional_string (show->builder, "evidence", flag->detail);
      add_optional_string (show->builder, "why", flag->why);
      add_optional_string (show->builder, "remedy", flag->remedy);
      add_optional_string (show->builder, "source", flag->source);
      json_builder_end_object (show->builder);

      g_string_append_printf (show->text, "  [%s] %s (%s%s%s)\n",
                              cs_flag_severity_get_label (flag->severity), flag->message,
                              flag->table, flag->field != NULL ? "." : "",
                              flag->field != NULL ? flag->field : "");
      if (flag->why != NULL)
        g_string_append_printf (show->text, "      %s %s\n", _("Why:"), flag->why);
      if (flag->remedy != NULL)
        g_string_append_printf (show->text, "      %s %s\n", _("Ask:"), flag->remedy);
      if (flag->source != NULL)
        g_string_append_printf (show->text, "      %s %s\n", _("Source:"), flag->source);
    }
  json_builder_end_array (show->builder);
}

static void
build_show (Show *show)
{
  gint64 offer_id = cs_record_get_id (show->offer);

  json_builder_begin_object (show->builder);
  json_builder_set_member_name (show->builder, "offer");
  json_builder_begin_object (show->builder);
  add_record_members (show->builder, show->offer);
  json_builder_end_object (show->builder);
  json_builder_set_member_name (show->builder, "section");
  json_builder_add_string_value (show->builder, cs_section_get_id (show->section));

  g_string_append_printf (show->text, "%s — %s\n\n",
                          cs_offer_get_provider (CS_OFFER (show->offer)),
                          cs_section_get_title (show->section));

  json_builder_set_member_name (show->builder, "records");
  json_builder_begin_object (show->builder);
  switch (show->section)
    {
    case CS_SECTION_PERIMETER:
      show_records (show, CS_TYPE_COVERAGE, offer_id, G_TYPE_INVALID);
      break;
    case CS_SECTION_EXCLUSIONS:
      show_records (show, CS_TYPE_EXCLUSION, offer_id, G_TYPE_INVALID);
      break;
    case CS_SECTION_RESPONSIBILITIES:
      show_records (show, CS_TYPE_PARTY, 0, G_TYPE_INVALID);
      show_records (show, CS_TYPE_ACTIVITY, 0, G_TYPE_INVALID);
      show_records (show, CS_TYPE_RESPONSIBILITY, offer_id, G_TYPE_INVALID);
      break;
    case CS_SECTION_SLA:
      show_records (show, CS_TYPE_SLA_TERMS, offer_id, G_TYPE_INVALID);
      show_records (show, CS_TYPE_SLA_TARGET, offer_id, G_TYPE_INVALID);
      break;
    case CS_SECTION_BACKUP:
      show_records (show, CS_TYPE_BACKUP_POLICY, offer_id, CS_TYPE_BACKUP_SCOPE);
      break;
    case CS_SECTION_SECURITY:
      show_records (show, CS_TYPE_SECURITY_CONTROL, offer_id, G_TYPE_INVALID);
      break;
    case CS_SECTION_SUBCONTRACTING:
      show_records (show, CS_TYPE_SUBCONTRACTING, offer_id, G_TYPE_INVALID);
      show_records (show, CS_TYPE_SUBCONTRACTOR, offer_id, G_TYPE_INVALID);
      break;
    case CS_SECTION_EXIT:
      show_records (show, CS_TYPE_EXIT_TERMS, offer_id, G_TYPE_INVALID);
      show_records (show, CS_TYPE_EXIT_DELIVERABLE, offer_id, G_TYPE_INVALID);
      break;
    case CS_SECTION_TERMS:
      show_records (show, CS_TYPE_TERMS, offer_id, G_TYPE_INVALID);
      break;
    case CS_SECTION_DASHBOARD:
    case CS_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (show->builder);

  json_builder_set_member_name (show->builder, "computed");
  json_builder_begin_object (show->builder);
  g_string_append_printf (show->text, "%s\n", _("Computed"));
  switch (show->section)
    {
    case CS_SECTION_PERIMETER:
      show_perimeter (show);
      break;
    case CS_SECTION_EXCLUSIONS:
      show_counts (show, CS_TYPE_EXCLUSION, "decision");
      break;
    case CS_SECTION_RESPONSIBILITIES:
      show_responsibilities (show);
      break;
    case CS_SECTION_SLA:
      show_sla (show);
      break;
    case CS_SECTION_BACKUP:
      show_backup (show);
      break;
    case CS_SECTION_SECURITY:
      show_counts (show, CS_TYPE_SECURITY_CONTROL, "status");
      break;
    case CS_SECTION_SUBCONTRACTING:
      computed_number (show, "n_subcontractors", _("Subcontractors"),
                       g_list_model_get_n_items (cs_store_list (show->store,
                                                                CS_TYPE_SUBCONTRACTOR,
                                                                offer_id)), NULL);
      break;
    case CS_SECTION_EXIT:
      show_exit (show);
      break;
    case CS_SECTION_TERMS:
      show_terms (show);
      break;
    case CS_SECTION_DASHBOARD:
    case CS_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (show->builder);

  add_flags (show);
  json_builder_end_object (show->builder);
}

static CsRecord *
find_offer (CsStore     *store,
            const char  *name,
            GError     **error)
{
  GListModel *offers = cs_store_get_offers (store);
  guint n_offers = g_list_model_get_n_items (offers);
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  CsRecord *prefix_match = NULL;
  guint n_prefix = 0;
  guint64 number = 0;

  if (n_offers > 0 && g_ascii_string_to_unsigned (name, 10, 1, n_offers, &number, NULL))
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, number - 1);

      return offer; /* the live list keeps it */
    }

  for (guint i = 0; i < n_offers; i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      g_autofree char *provider = g_utf8_casefold (cs_offer_get_provider (CS_OFFER (offer)), -1);

      if (g_str_equal (provider, wanted))
        return offer; /* the live list keeps it */

      if (g_str_has_prefix (provider, wanted))
        {
          prefix_match = offer;
          n_prefix++;
        }
    }

  if (n_prefix == 1)
    return prefix_match;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               n_prefix > 1 ? _("Several offers match “%s”: give more of the provider’s name")
                            : _("No offer matches “%s”: name its provider or its number in “info”"),
               name);
  return NULL;
}

static gboolean
parse_section (const char  *id,
               CsSection   *out_section,
               GError     **error)
{
  CsSection section;

  if (id == NULL)
    {
      set_usage_error (error, _("No section given: use --section SECTION"));
      return FALSE;
    }

  if (cs_section_from_id (id, &section))
    for (guint i = 0; i < G_N_ELEMENTS (shown_sections); i++)
      if (shown_sections[i] == section)
        {
          *out_section = section;
          return TRUE;
        }

  {
    g_autofree char *valid = g_utf8_make_valid (id, -1);
    g_autofree char *message = g_strdup_printf (_("Unknown section “%s”: use perimeter, "
                                                  "exclusions, responsibilities, sla, backup, "
                                                  "security, subcontracting, exit or terms"),
                                                valid);

    set_usage_error (error, message);
  }
  return FALSE;
}

/**
 * run_show:
 * @argc: the number of arguments, the command name first
 * @argv: the arguments
 * @error: return location for a #GError
 *
 * Runs `contract-scope-cli show`.
 *
 * Returns: %TRUE on success
 */
gboolean
run_show (int      argc,
          char   **argv,
          GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *offer_name = NULL;
  g_autofree char *section_id = NULL;
  g_autofree char *today = NULL;
  gboolean json = FALSE;
  Show show = { NULL, };
  const GOptionEntry entries[] = {
    { "offer", 'o', 0, G_OPTION_ARG_STRING, &offer_name,
      N_("The offer: its provider's name or its number"), N_("NAME") },
    { "section", 's', 0, G_OPTION_ARG_STRING, &section_id,
      N_("perimeter, exclusions, responsibilities, sla, backup, security, subcontracting, "
         "exit or terms (with GDPR)"), N_("SECTION") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("The reference day for dates and SLA worst cases (default: today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (N_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Show one section of an offer: what it records, "
                                            "what follows from it, and its flags."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  {
    g_autoptr(GError) local_error = NULL;

    if (!g_option_context_parse (context, &argc, &argv, &local_error))
      {
        set_usage_error (error, local_error->message);
        return FALSE;
      }
  }

  if (argc < 2)
    {
      set_usage_error (error, _("No project file given"));
      return FALSE;
    }
  if (argc > 2)
    {
      set_usage_error (error, _("Too many arguments"));
      return FALSE;
    }
  if (offer_name == NULL)
    {
      set_usage_error (error, _("No offer given: use --offer NAME"));
      return FALSE;
    }
  if (!parse_section (section_id, &show.section, error))
    return FALSE;

  g_date_clear (&show.today, 1);
  if (today != NULL)
    {
      g_date_set_parse (&show.today, today);
      if (!g_date_valid (&show.today) || strlen (today) != 10)
        {
          set_usage_error (error, _("The reference day is not a date (YYYY-MM-DD)"));
          return FALSE;
        }
    }
  else
    g_date_set_time_t (&show.today, time (NULL));

  store = cs_store_open (argv[1], CS_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;

  show.store = store;
  show.offer = find_offer (store, offer_name, error);
  if (show.offer == NULL)
    {
      cs_store_close (store);
      return FALSE;
    }
  show.builder = builder;
  show.text = text;

  build_show (&show);
  cs_store_close (store);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *data = NULL;
      gsize length = 0;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      data = json_generator_to_data (generator, &length);

      /* JSON is UTF-8 whatever the locale: write the bytes, not through g_print(). */
      if (fwrite (data, 1, length, stdout) != length || fputc ('\n', stdout) == EOF)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write the output"));
          return FALSE;
        }
    }
  else
    g_print ("%s", text->str);

  return TRUE;
}
