/* cs-cli-score.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-checklist.h"
#include "cs-cli-commands.h"
#include "cs-cli-options.h"
#include "cs-store.h"

#include <math.h>
#include <stdio.h>

#include <json-glib/json-glib.h>

/*
 * contract-scope-cli score PROJECT [--offer NAME] [--json]
 *
 * Evaluates every offer (or one) against the checklist: the completeness score per section
 * and overall, the knock-outs (critical items missing) and the findings, including the weak
 * wordings of the pasted clauses.
 */

static const CsSection scored_sections[] = {
  CS_SECTION_PERIMETER, CS_SECTION_EXCLUSIONS, CS_SECTION_RESPONSIBILITIES, CS_SECTION_SLA,
  CS_SECTION_BACKUP, CS_SECTION_SECURITY, CS_SECTION_SUBCONTRACTING, CS_SECTION_EXIT,
  CS_SECTION_TERMS,
};

static gboolean
write_json (JsonBuilder  *builder,
            GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  if (fwrite (data, 1, length, stdout) != length || fputc ('\n', stdout) == EOF)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the output"));
      return FALSE;
    }

  return TRUE;
}

static void
add_score_json (JsonBuilder   *builder,
                const CsScore *score)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "score");
  if (isnan (score->score))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, (gint64) (score->score * 1000 + 0.5) / 10.0);
  json_builder_set_member_name (builder, "earned");
  json_builder_add_double_value (builder, score->earned);
  json_builder_set_member_name (builder, "total");
  json_builder_add_double_value (builder, score->total);
  /* How much of the checklist has an answer, apart from how good the answers are. */
  json_builder_set_member_name (builder, "assessed");
  if (isnan (score->assessed))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, (gint64) (score->assessed * 1000 + 0.5) / 10.0);
  json_builder_set_member_name (builder, "satisfied");
  json_builder_add_int_value (builder, score->n_satisfied);
  json_builder_set_member_name (builder, "partial");
  json_builder_add_int_value (builder, score->n_partial);
  json_builder_set_member_name (builder, "missing");
  json_builder_add_int_value (builder, score->n_missing);
  json_builder_set_member_name (builder, "to_assess");
  json_builder_add_int_value (builder, score->n_unanswered);
  json_builder_set_member_name (builder, "not_applicable");
  json_builder_add_int_value (builder, score->n_not_applicable);
  json_builder_set_member_name (builder, "knock_outs");
  json_builder_add_int_value (builder, score->n_knock_outs);
  json_builder_set_member_name (builder, "weak_wordings");
  json_builder_add_int_value (builder, score->n_lint_findings);
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_offer_json (JsonBuilder *builder,
                CsRecord    *offer,
                CsReport    *report)
{
  GListModel *findings = cs_report_get_findings (report);

  json_builder_begin_object (builder);
  add_string (builder, "provider", cs_offer_get_provider (CS_OFFER (offer)));
  json_builder_set_member_name (builder, "overall");
  add_score_json (builder, cs_report_get_score (report, CS_SECTION_DASHBOARD));
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_object (builder);
  for (guint s = 0; s < G_N_ELEMENTS (scored_sections); s++)
    {
      json_builder_set_member_name (builder, cs_section_get_id (scored_sections[s]));
      add_score_json (builder, cs_report_get_score (report, scored_sections[s]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CsFinding) f = g_list_model_get_item (findings, i);
      gboolean lint = cs_finding_get_kind (f) == CS_FINDING_LINTER;

      json_builder_begin_object (builder);
      add_string (builder, "kind", lint ? "linter" : "checklist");
      add_string (builder, "id", cs_finding_get_id (f));
      add_string (builder, "severity", cs_severity_to_string (cs_finding_get_severity (f)));
      if (!lint)
        add_string (builder, "status", cs_item_status_to_string (cs_finding_get_status (f)));
      json_builder_set_member_name (builder, "knock_out");
      json_builder_add_boolean_value (builder, cs_finding_get_knock_out (f));
      add_string (builder, "section", cs_section_get_id (cs_finding_get_section (f)));
      add_string (builder, "field", cs_finding_get_field (f));
      add_string (builder, "title", cs_finding_get_title (f));
      add_string (builder, "detail", cs_finding_get_detail (f));
      add_string (builder, "evidence", cs_finding_get_detail (f));
      add_string (builder, "why", cs_finding_get_message (f));
      add_string (builder, "remedy", cs_finding_get_remedy (f));
      add_string (builder, "source", cs_finding_get_source (f));
      add_string (builder, "justification", cs_finding_get_justification (f));
      add_string (builder, "changed_by", cs_finding_get_changed_by (f));
      add_string (builder, "changed_at", cs_finding_get_changed_at (f));
      if (lint)
        {
          json_builder_set_member_name (builder, "clause_id");
          json_builder_add_int_value (builder, cs_finding_get_record_id (f));
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, cs_finding_get_start (f));
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, cs_finding_get_end (f));
          add_string (builder, "text", cs_finding_get_matched_text (f));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
format_percent (double score)
{
  if (isnan (score))
    return g_strdup ("—");
  return g_strdup_printf ("%3.0f %%", score * 100);
}

static void
print_offer (CsRecord *offer,
             CsReport *report)
{
  const CsScore *overall = cs_report_get_score (report, CS_SECTION_DASHBOARD);
  GListModel *findings = cs_report_get_findings (report);
  g_autofree char *percent = format_percent (overall->score);
  g_autofree char *assessed = format_percent (overall->assessed);

  /* Translators: "Altimance — score 78 %, assessed 64 %, knock-outs 0" */
  g_print ("%s — %s %s, %s %s, %s %u\n", cs_offer_get_provider (CS_OFFER (offer)), _("score"),
           percent, _("assessed"), assessed, _("knock-outs"), overall->n_knock_outs);

  for (guint s = 0; s < G_N_ELEMENTS (scored_sections); s++)
    {
      const CsScore *score = cs_report_get_score (report, scored_sections[s]);
      g_autofree char *section_percent = format_percent (score->score);
      g_autofree char *section_assessed = format_percent (score->assessed);
      const char *title = cs_section_get_title (scored_sections[s]);
      glong pad = 22 - g_utf8_strlen (title, -1);

      g_print ("  %s%*s %6s  %s %s  %s %u  %s %u  %s %u\n", title, (int) MAX (pad, 0), "",
               section_percent, _("assessed"), section_assessed, _("knock-outs"),
               score->n_knock_outs, _("to assess"), score->n_unanswered, _("weak wordings"),
               score->n_lint_findings);
    }

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CsFinding) f = g_list_model_get_item (findings, i);

      if (cs_finding_get_kind (f) == CS_FINDING_LINTER)
        g_print ("  - %s [%s] “%s”: %s\n", cs_finding_get_id (f),
                 cs_severity_get_label (cs_finding_get_severity (f)),
                 cs_finding_get_matched_text (f), cs_finding_get_title (f));
      else if (cs_finding_get_status (f) != CS_ITEM_UNANSWERED)
        {
          g_print ("  %s %s [%s, %s] %s%s%s\n", cs_finding_get_knock_out (f) ? "✗" : "-",
                   cs_finding_get_id (f), cs_severity_get_label (cs_finding_get_severity (f)),
                   cs_item_status_get_label (cs_finding_get_status (f)), cs_finding_get_title (f),
                   cs_finding_get_detail (f) != NULL ? " — " : "",
                   cs_finding_get_detail (f) != NULL ? cs_finding_get_detail (f) : "");
          /* Translators: the reason of a checklist item, then the question for the provider */
          g_print ("      %s %s\n      %s %s\n      %s %s\n", _("Why:"), cs_finding_get_message (f),
                   _("Ask:"), cs_finding_get_remedy (f), _("Source:"), cs_finding_get_source (f));
        }
    }
  g_print ("\n");
}

/**
 * run_score:
 * @argc: the number of arguments, the command name first
 * @argv: the arguments
 * @error: return location for a #GError
 *
 * Runs `contract-scope-cli score`.
 *
 * Returns: %TRUE on success
 */
gboolean
run_score (int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsChecklist) checklist = NULL;
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) offers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *offer_name = NULL;
  gboolean json = FALSE;
  const char *path;
  const GOptionEntry entries[] = {
    { "offer", 'o', 0, G_OPTION_ARG_STRING, &offer_name,
      N_("Score only the offer of this provider (or its number)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    G_OPTION_ENTRY_NULL
  };

  path = cs_cli_parse_project (&argc, &argv, entries,
                               _("Score the completeness of the offers: per section, knock-outs and findings."),
                               error);
  if (path == NULL)
    return FALSE;

  store = cs_cli_open_review (path, &checklist, &linter, error);
  if (store == NULL)
    return FALSE;

  if (offer_name != NULL)
    {
      CsOffer *offer = cs_cli_find_offer (store, offer_name, error);

      if (offer == NULL)
        {
          cs_store_close (store);
          return FALSE;
        }
      g_ptr_array_add (offers, g_object_ref (offer));
    }
  else
    {
      GListModel *list = cs_store_get_offers (store);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (offers, g_list_model_get_item (list, i));
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "offers");
  json_builder_begin_array (builder);

  for (guint i = 0; i < offers->len; i++)
    {
      CsRecord *offer = offers->pdata[i];
      g_autoptr(CsReport) report = cs_checklist_evaluate (checklist, store, linter,
                                                          cs_record_get_id (offer), error);

      if (report == NULL)
        {
          cs_store_close (store);
          return FALSE;
        }

      if (json)
        add_offer_json (builder, offer, report);
      else
        print_offer (offer, report);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  cs_store_close (store);

  if (!json && offers->len == 0)
    g_print (_("The project has no offer to score.\n"));

  return json ? write_json (builder, error) : TRUE;
}
