/* cs-cli-compare.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-commands.h"
#include "cs-cli-options.h"
#include "cs-comparison.h"
#include "cs-store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

/*
 * contract-scope-cli compare PROJECT [--offers A,B,…] [--weights section=N,…]
 *                                    [--format text|json|csv|xlsx|pdf|html|md] [-o FILE]
 *
 * The offers side by side: every row of the comparison with what each offer states, the
 * normalised value, best and worst, knock-outs and why a row is not comparable; then the
 * ranking and whether it holds under equal weights or without the price. The document formats
 * go through the shared writers (cs-document.h) and need -o FILE.
 */

static GPtrArray *
select_offers (CsStore     *store,
               const char  *names,
               GError     **error)
{
  g_autoptr(GPtrArray) offers = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) parts = NULL;

  if (names == NULL)
    return cs_comparison_list_compared_offers (store);

  parts = g_strsplit (names, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      CsOffer *offer = NULL;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      offer = cs_cli_find_offer (store, parts[i], error);
      if (offer == NULL)
        return NULL;
      if (!g_ptr_array_find (offers, offer, NULL))
        g_ptr_array_add (offers, g_object_ref (offer));
    }

  return g_steal_pointer (&offers);
}

static const char *
order_id (CsCompareOrder order)
{
  switch (order)
    {
    case CS_COMPARE_LOWER_BETTER:
      return "lower";
    case CS_COMPARE_HIGHER_BETTER:
      return "higher";
    case CS_COMPARE_NONE:
    default:
      return "none";
    }
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_row_json (JsonBuilder           *builder,
              CsComparison          *comparison,
              const CsComparisonRow *row)
{
  json_builder_begin_object (builder);
  add_nullable_string (builder, "id", row->id);
  add_nullable_string (builder, "label", row->label);
  add_nullable_string (builder, "unit", row->unit);
  add_nullable_string (builder, "better", order_id (row->order));
  add_nullable_string (builder, "edited_in", cs_section_get_id (row->edit_section));
  add_boolean (builder, "comparable", row->not_comparable == NULL);
  add_nullable_string (builder, "not_comparable", row->not_comparable);
  add_boolean (builder, "all_equal", row->all_equal);
  add_boolean (builder, "coded", row->coded);
  json_builder_set_member_name (builder, "cells");
  json_builder_begin_array (builder);
  for (guint c = 0; c < row->n_cells; c++)
    {
      const CsComparisonCell *cell = &row->cells[c];

      json_builder_begin_object (builder);
      add_nullable_string (builder, "offer",
                           cs_offer_get_provider (cs_comparison_get_offer (comparison, c)));
      add_nullable_string (builder, "raw", cell->text);
      add_number (builder, "value", cell->value);
      add_boolean (builder, "best", cell->best);
      add_boolean (builder, "worst", cell->worst);
      add_boolean (builder, "knock_out", cell->knock_out);
      add_nullable_string (builder, "note", cell->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
comparison_to_json (CsComparison *comparison)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char * const *groups = cs_comparison_weight_groups ();
  const char * const *sections = cs_comparison_sections ();
  const guint *weights = cs_comparison_get_weights (comparison);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "offers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cs_comparison_get_n_offers (comparison); i++)
    {
      CsOffer *offer = cs_comparison_get_offer (comparison, i);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "provider", cs_offer_get_provider (offer));
      add_nullable_string (builder, "kind", cs_offer_get_kind (offer));
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, cs_comparison_get_rank (comparison, i));
      add_number (builder, "weighted_score",
                  cs_comparison_get_weighted_score (comparison, i) * 100);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "horizon_months");
  json_builder_add_int_value (builder, cs_comparison_get_horizon_months (comparison));
  json_builder_set_member_name (builder, "growth_percent");
  json_builder_add_int_value (builder, cs_comparison_get_growth_percent (comparison));
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      json_builder_set_member_name (builder, groups[g]);
      json_builder_add_int_value (builder, weights[g]);
    }
  json_builder_end_object (builder);
  add_boolean (builder, "ranking_changes_with_equal_weights",
               cs_comparison_get_changes_with_equal_weights (comparison));
  add_boolean (builder, "ranking_changes_without_price",
               cs_comparison_get_changes_without_price (comparison));
  add_nullable_string (builder, "sensitivity", cs_comparison_get_sensitivity (comparison));

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; sections[s] != NULL; s++)
    {
      json_builder_begin_object (builder);
      add_nullable_string (builder, "id", sections[s]);
      add_nullable_string (builder, "title", cs_comparison_section_get_title (sections[s]));
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint r = 0; r < cs_comparison_get_n_rows (comparison); r++)
        {
          const CsComparisonRow *row = cs_comparison_get_row (comparison, r);

          if (g_str_equal (row->section, sections[s]))
            add_row_json (builder, comparison, row);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* Text: one block per section, one line per row, the offers in columns. */

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  if (length > (glong) width)
    {
      const char *end = g_utf8_offset_to_pointer (text, width - 1);

      g_string_append_len (out, text, end - text);
      g_string_append (out, "…");
      return;
    }
  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static char *
comparison_to_text (CsComparison *comparison)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *sections = cs_comparison_sections ();
  guint n_offers = cs_comparison_get_n_offers (comparison);
  const guint *ranking = cs_comparison_get_ranking (comparison);
  const guint label_width = 38;
  const guint cell_width = 26;

  append_padded (out, "", label_width);
  for (guint i = 0; i < n_offers; i++)
    {
      CsOffer *offer = cs_comparison_get_offer (comparison, i);
      g_autofree char *title = g_strdup_printf ("%s%s", cs_offer_get_provider (offer),
                                                g_strcmp0 (cs_offer_get_kind (offer),
                                                           "incumbent") == 0
                                                ? _(" (incumbent)") : "");

      g_string_append (out, "  ");
      append_padded (out, title, cell_width);
    }
  g_string_append_c (out, '\n');

  for (guint s = 0; sections[s] != NULL; s++)
    {
      g_string_append_printf (out, "\n%s\n", cs_comparison_section_get_title (sections[s]));
      for (guint r = 0; r < cs_comparison_get_n_rows (comparison); r++)
        {
          const CsComparisonRow *row = cs_comparison_get_row (comparison, r);

          if (!g_str_equal (row->section, sections[s]))
            continue;

          g_string_append (out, "  ");
          append_padded (out, row->label, label_width - 2);
          for (guint c = 0; c < row->n_cells; c++)
            {
              const CsComparisonCell *cell = &row->cells[c];
              const char *mark = cell->best ? " ▲" : cell->worst ? " ▼" : "";
              g_autofree char *text = g_strdup_printf ("%s%s%s", cell->text, mark,
                                                       cell->knock_out ? " ✗" : "");

              g_string_append (out, "  ");
              append_padded (out, text, cell_width);
            }
          g_string_append_c (out, '\n');
          if (row->not_comparable != NULL)
            /* Translators: under a row of the comparison in the terminal */
            g_string_append_printf (out, "    %s %s\n", _("Not comparable:"),
                                    row->not_comparable);
        }
    }

  g_string_append_printf (out, "\n%s\n", _("Ranking"));
  for (guint r = 0; r < n_offers; r++)
    g_string_append_printf (out, "  %u. %s — %.0f %%\n", r + 1,
                            cs_offer_get_provider (cs_comparison_get_offer (comparison,
                                                                            ranking[r])),
                            cs_comparison_get_weighted_score (comparison, ranking[r]) * 100);
  g_string_append_printf (out, "%s\n", cs_comparison_get_sensitivity (comparison));
  /* Translators: the legend of the comparison in the terminal */
  g_string_append_printf (out, "\n%s\n", _("▲ best  ▼ worst  ✗ knock-out"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_output (const char  *output,
              const char  *data,
              GError     **error)
{
  gsize length = strlen (data);

  if (output == NULL)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write the output"));
          return FALSE;
        }
      return TRUE;
    }

  /* g_file_set_contents() writes a temporary file and renames it into place. */
  if (!g_file_set_contents (output, data, length, error))
    {
      g_prefix_error (error, _("Nothing was written: "));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_comparison (CsComparison  *comparison,
                  const char    *format,
                  const char    *output,
                  const char    *client,
                  const char    *consultant,
                  GError       **error)
{
  CsDocumentFormat document_format = CS_DOCUMENT_FORMAT_CSV;
  g_autofree char *data = NULL;

  if (format != NULL && cs_document_format_from_string (format, &document_format))
    {
      g_autoptr(CsDocument) document = cs_comparison_to_document (comparison, client,
                                                                  consultant);

      return cs_document_write (document, document_format, output, TRUE, NULL, error);
    }

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autofree char *json = comparison_to_json (comparison);

      data = g_strconcat (json, "\n", NULL);
    }
  else
    data = comparison_to_text (comparison);

  return write_output (output, data, error);
}

/**
 * run_compare:
 * @argc: the number of arguments, the command name first
 * @argv: the arguments
 * @error: return location for a #GError
 *
 * Runs `contract-scope-cli compare`.
 *
 * Returns: %TRUE on success
 */
gboolean
run_compare (int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsChecklist) checklist = NULL;
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(GPtrArray) offers = NULL;
  g_autoptr(CsComparison) comparison = NULL;
  g_autofree char *offer_names = NULL;
  g_autofree char *weights_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  guint weights[CS_COMPARISON_N_WEIGHTS];
  CsComparisonOptions options = { NULL, };
  CsDocumentFormat document_format = CS_DOCUMENT_FORMAT_CSV;
  gboolean is_document = FALSE;
  g_autofree char *client = NULL;
  g_autofree char *consultant = NULL;
  const char *path;
  const GOptionEntry entries[] = {
    { "offers", 0, 0, G_OPTION_ARG_STRING, &offer_names,
      N_("Compare these offers, in this order (providers or numbers, comma-separated)"),
      N_("A,B,…") },
    { "weights", 0, 0, G_OPTION_ARG_STRING, &weights_text,
      N_("Weigh these sections instead of the project’s weights (they must sum to 100)"),
      N_("SECTION=N,…") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text, json, csv, xlsx, pdf, html or md"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  path = cs_cli_parse_project (&argc, &argv, entries,
                               _("Compare the offers side by side: normalised figures, best and worst, ranking."),
                               error);
  if (path == NULL)
    return FALSE;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json")
      && !cs_document_format_from_string (format, &document_format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”: use text, json, csv, xlsx, pdf, html or md"),
                                                  format);

      cs_cli_set_usage_error (error, message);
      return FALSE;
    }
  is_document = format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json");
  if (is_document && output == NULL)
    {
      cs_cli_set_usage_error (error, _("The document formats are written to a file: give -o FILE"));
      return FALSE;
    }

  store = cs_cli_open_review (path, &checklist, &linter, error);
  if (store == NULL)
    return FALSE;

  offers = select_offers (store, offer_names, &local_error);
  if (offers == NULL)
    {
      cs_cli_set_usage_error (error, local_error->message);
      cs_store_close (store);
      return FALSE;
    }

  if (weights_text != NULL)
    {
      cs_comparison_read_weights (store, weights);
      if (!cs_comparison_parse_weights (weights_text, weights, &local_error)
          || !cs_comparison_check_weights (weights, &local_error))
        {
          cs_cli_set_usage_error (error, local_error->message);
          cs_store_close (store);
          return FALSE;
        }
      options.weights = weights;
    }

  comparison = cs_comparison_new (store, checklist, linter, offers, &options, error);
  client = g_strdup (cs_project_get_client_name (cs_store_get_project (store)));
  consultant = g_strdup (cs_record_get_string (CS_RECORD (cs_store_get_project (store)),
                                               "consultant"));
  cs_store_close (store);
  if (comparison == NULL)
    return FALSE;

  return write_comparison (comparison, format, output, client, consultant, error);
}
