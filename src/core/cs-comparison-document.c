/* cs-comparison-document.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-comparison"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-comparison.h"

#include <math.h>

/*
 * The comparison as a #CsDocument, written by the shared writers (PDF landscape, HTML, CSV,
 * XLSX): the ranking and its sensitivity, the weights, then one table whose first column is
 * the row label (section and figure, with the unit) and one column per offer. Normalised
 * values are numbers (money with its currency); what has no value is written as stated.
 */

static guint
decimals_for (const CsComparisonRow *row,
              double                 value)
{
  if (g_str_has_prefix (row->id, "money.per-"))
    return 2;
  if (g_str_equal (row->unit, _("h")))
    return 1;

  return value == floor (value) ? 0 : 1;
}

static void
add_cell (CsDocumentRow         *doc_row,
          const CsComparisonRow *row,
          const CsComparisonCell *cell,
          const char            *currency)
{
  if (row->order == CS_COMPARE_NONE || row->coded || isnan (cell->value) || isinf (cell->value))
    cs_document_row_add_text (doc_row, cell->text);
  else if (g_str_has_prefix (row->id, "money.") && currency != NULL && *currency != '\0')
    cs_document_row_add_money (doc_row, cell->value, currency);
  else
    cs_document_row_add_number (doc_row, cell->value, decimals_for (row, cell->value),
                                row->unit);
}

static CsCellMark
cell_mark (const CsComparisonCell *cell)
{
  if (cell->knock_out)
    return CS_CELL_MARK_KNOCK_OUT;
  if (cell->best)
    return CS_CELL_MARK_BEST;
  if (cell->worst)
    return CS_CELL_MARK_WORST;

  return CS_CELL_MARK_NONE;
}

static char *
offer_title (CsOffer *offer)
{
  const char *provider = cs_offer_get_provider (offer);

  if (provider == NULL || *provider == '\0')
    provider = _("Unnamed offer");
  if (g_strcmp0 (cs_offer_get_kind (offer), "incumbent") == 0)
    /* Translators: a column of the comparison: the provider of the contract in force */
    return g_strdup_printf (_("%s (incumbent)"), provider);

  return g_strdup (provider);
}

static void
add_summary (CsComparison *self,
             CsDocument   *document)
{
  const guint *ranking = cs_comparison_get_ranking (self);
  const char * const *groups = cs_comparison_weight_groups ();
  const guint *weights = cs_comparison_get_weights (self);
  CsDocumentTable *table = NULL;

  cs_document_add_heading (document, 1, _("Ranking"));
  for (guint r = 0; r < cs_comparison_get_n_offers (self); r++)
    {
      g_autofree char *title = offer_title (cs_comparison_get_offer (self, ranking[r]));
      /* Translators: a line of the ranking: "1. Altimance — weighted score 68 %" */
      g_autofree char *line = g_strdup_printf (_("%u. %s — weighted score %.0f %%"), r + 1,
                                               title,
                                               cs_comparison_get_weighted_score (self,
                                                                                 ranking[r]) * 100);

      cs_document_add_list_item (document, line);
    }
  cs_document_add_paragraph (document, cs_comparison_get_sensitivity (self));

  table = cs_document_add_table (document, _("Section weights"));
  cs_document_table_add_column (table, _("Section"), 3);
  cs_document_table_add_column (table, _("Weight"), 1);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      CsDocumentRow *row = cs_document_table_add_row (table);

      cs_document_row_add_text (row, cs_comparison_section_get_title (groups[g]));
      cs_document_row_add_number (row, weights[g], 0, "%");
    }
}

/**
 * cs_comparison_to_document:
 * @self: a comparison
 * @client: (nullable): the client's name, for the header
 * @consultant: (nullable): the consultant's name, for the header
 *
 * Lays the comparison out as a document for the shared writers: landscape, on the paper of
 * the locale.
 *
 * Returns: (transfer full): the document
 */
CsDocument *
cs_comparison_to_document (CsComparison *self,
                           const char   *client,
                           const char   *consultant)
{
  g_autoptr(CsDocument) document = cs_document_new (_("Offer comparison"));
  const char * const *sections = cs_comparison_sections ();
  guint n_offers;
  const char *currency = NULL;
  CsDocumentTable *table = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_return_val_if_fail (self != NULL, NULL);

  n_offers = cs_comparison_get_n_offers (self);
  currency = cs_comparison_get_currency (self);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  cs_document_set_date (document, &today);
  if (client != NULL && *client != '\0')
    cs_document_set_client (document, client);
  if (consultant != NULL && *consultant != '\0')
    cs_document_set_consultant (document, consultant);
  cs_document_set_landscape (document, TRUE);
  cs_document_set_paper (document, cs_paper_size_for_locale ());

  add_summary (self, document);

  cs_document_add_heading (document, 1, _("Offers side by side"));
  table = cs_document_add_table (document, _("Comparison"));
  cs_document_table_add_column (table, _("Figure"), 2.4);
  for (guint i = 0; i < n_offers; i++)
    {
      g_autofree char *title = offer_title (cs_comparison_get_offer (self, i));

      cs_document_table_add_column (table, title, 1.2);
    }
  cs_document_table_add_column (table, _("Not comparable because"), 1.6);

  for (guint s = 0; sections[s] != NULL; s++)
    for (guint r = 0; r < cs_comparison_get_n_rows (self); r++)
      {
        const CsComparisonRow *row = cs_comparison_get_row (self, r);
        CsDocumentRow *doc_row = NULL;
        g_autofree char *label = NULL;
        const char *unit = g_str_has_prefix (row->id, "money.") ? currency : row->unit;

        if (!g_str_equal (row->section, sections[s]))
          continue;

        if (unit != NULL && *unit != '\0' && row->order != CS_COMPARE_NONE && !row->coded)
          /* Translators: a row label of the comparison: "SLA: P1 response, worst case (h)" */
          label = g_strdup_printf (_("%s: %s (%s)"), cs_comparison_section_get_title (sections[s]),
                                   row->label, unit);
        else
          /* Translators: a row label of the comparison: "SLA: coverage window" */
          label = g_strdup_printf (_("%s: %s"), cs_comparison_section_get_title (sections[s]),
                                   row->label);

        doc_row = cs_document_table_add_row (table);
        cs_document_row_add_text (doc_row, label);
        for (guint c = 0; c < row->n_cells; c++)
          {
            add_cell (doc_row, row, &row->cells[c], currency);
            if (row->not_comparable == NULL)
              cs_document_row_set_mark (doc_row, c + 1, cell_mark (&row->cells[c]));
            else if (row->cells[c].knock_out)
              cs_document_row_set_mark (doc_row, c + 1, CS_CELL_MARK_KNOCK_OUT);
          }
        if (row->not_comparable != NULL)
          cs_document_row_add_text (doc_row, row->not_comparable);
        else
          cs_document_row_add_empty (doc_row);
      }

  return g_steal_pointer (&document);
}
