/* cs-handover-review.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-handover"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cs-checklist-private.h"
#include "cs-handover-private.h"
#include "cs-perimeter.h"
#include "cs-sections.h"
#include "cs-store-export.h"

/*
 * The review report: for one offer or each offer, the scores, knock-outs, findings by section,
 * key figures and weak clauses; then the perimeter annex, whose rows are read from the project
 * one at a time while the document is written (100,000 assets never sit in memory).
 */

static const CsSection scored_sections[] = {
  CS_SECTION_PERIMETER, CS_SECTION_EXCLUSIONS, CS_SECTION_RESPONSIBILITIES, CS_SECTION_SLA,
  CS_SECTION_BACKUP, CS_SECTION_SECURITY, CS_SECTION_SUBCONTRACTING, CS_SECTION_EXIT,
  CS_SECTION_TERMS,
};

static double
assessed_share (const CsScore *score)
{
  guint counted = score->n_items - score->n_reference;

  if (counted == 0)
    return NAN;
  return (double) (counted - score->n_unanswered) / counted;
}

static void
add_score_row (CsDocumentTable *table,
               const char      *label,
               const CsScore   *score)
{
  CsDocumentRow *row = cs_document_table_add_row (table);

  cs_document_row_add_text (row, label);
  cs_document_row_add_number (row, round (assessed_share (score) * 100), 0, "%");
  cs_document_row_add_number (row, round (score->score * 100), 0, "%");
  cs_document_row_add_number (row, score->n_knock_outs, 0, NULL);
  cs_document_row_add_number (row, score->n_lint_findings, 0, NULL);
  if (score->n_knock_outs > 0)
    cs_document_row_set_mark (row, 3, CS_CELL_MARK_KNOCK_OUT);
}

static void
add_summary (CsHandoverContext *ctx,
             CsDocument        *doc,
             CsReport          *report)
{
  const CsScore *overall = cs_report_get_score (report, CS_SECTION_DASHBOARD);
  CsDocumentTable *table;
  g_autofree char *score = cs_i18n_format_number (ctx->lang, round (overall->score * 100), 0);
  g_autofree char *assessed = cs_i18n_format_number (ctx->lang,
                                                     round (assessed_share (overall) * 100), 0);
  g_autofree char *text = NULL;

  text = g_strdup_printf (T (N_("Overall score %s %% of the checklist, with %s %% of it assessed; "
                                "%u knock-out(s) and %u weak wording(s).")),
                          score, assessed, overall->n_knock_outs, overall->n_lint_findings);
  cs_document_add_paragraph (doc, text);

  {
    const char *labels[G_N_ELEMENTS (scored_sections) + 1];
    double values[G_N_ELEMENTS (scored_sections)];

    for (guint i = 0; i < G_N_ELEMENTS (scored_sections); i++)
      {
        labels[i] = _cs_handover_text (ctx, cs_section_get_title (scored_sections[i]));
        values[i] = cs_report_get_score (report, scored_sections[i])->score;
      }
    labels[G_N_ELEMENTS (scored_sections)] = NULL;
    cs_document_add_bar_chart (doc, T (N_("Completeness by section")), labels, values);
  }

  table = cs_document_add_table (doc, T (N_("Scores by section")));
  cs_document_table_add_column (table, T (N_("Section")), 2.4);
  cs_document_table_add_column (table, T (N_("Assessed")), 1);
  cs_document_table_add_column (table, T (N_("Score")), 1);
  cs_document_table_add_column (table, T (N_("Knock-outs")), 1);
  cs_document_table_add_column (table, T (N_("Weak wordings")), 1);
  for (guint i = 0; i < G_N_ELEMENTS (scored_sections); i++)
    add_score_row (table, _cs_handover_text (ctx, cs_section_get_title (scored_sections[i])),
                   cs_report_get_score (report, scored_sections[i]));
  add_score_row (table, T (N_("Overall")), overall);
}

static void
add_knock_outs (CsHandoverContext *ctx,
                CsDocument        *doc,
                CsReport          *report)
{
  GListModel *findings = cs_report_get_findings (report);
  guint n_found = 0;

  cs_document_add_heading (doc, 2, T (N_("Knock-outs")));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CsFinding) finding = g_list_model_get_item (findings, i);

      if (!cs_finding_get_knock_out (finding))
        continue;
      cs_document_add_list_item (doc, _cs_handover_text (ctx, cs_finding_get_title (finding)));
      n_found++;
    }
  if (n_found == 0)
    cs_document_add_paragraph (doc, T (N_("No critical item is missing.")));
}

static void
add_findings (CsHandoverContext *ctx,
              CsDocument        *doc,
              CsReport          *report)
{
  cs_document_add_heading (doc, 2, T (N_("Findings by section")));
  for (guint i = 0; i < G_N_ELEMENTS (scored_sections); i++)
    {
      const char *title = _cs_handover_text (ctx, cs_section_get_title (scored_sections[i]));

      cs_document_add_heading (doc, 3, title);
      _cs_handover_add_gaps_table (ctx, doc, report, scored_sections[i], title);
    }
}

static void
add_figure (CsDocumentTable *table,
            const char      *label,
            const char      *value)
{
  CsDocumentRow *row = cs_document_table_add_row (table);

  cs_document_row_add_text (row, label);
  cs_document_row_add_text (row, value);
}

static void
add_money_figure (CsHandoverContext *ctx,
                  CsDocumentTable   *table,
                  const char        *label,
                  double             amount)
{
  CsDocumentRow *row = cs_document_table_add_row (table);

  cs_document_row_add_text (row, label);
  if (isnan (amount))
    cs_document_row_add_text (row, T (N_("Not stated")));
  else
    cs_document_row_add_money (row, amount, ctx->currency);
}

static void
add_hours_figure (CsHandoverContext *ctx,
                  CsDocumentTable   *table,
                  const char        *label,
                  double             value,
                  const char        *unit)
{
  CsDocumentRow *row = cs_document_table_add_row (table);

  cs_document_row_add_text (row, label);
  if (isnan (value))
    cs_document_row_add_text (row, T (N_("Not stated")));
  else
    cs_document_row_add_number (row, value, fabs (value - round (value)) < 1e-9 ? 0 : 1, unit);
}

static void
add_sla_figures (CsHandoverContext *ctx,
                 CsDocumentTable   *table,
                 gint64             offer_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* The figures only: the checklist's results are evaluated once, for the findings. */
  g_autoptr(CsSlaReport) sla = _cs_sla_report_compute (ctx->store, offer_id,
                                                       g_date_time_get_year (now));

  if (sla == NULL)
    return;
  if (sla->terms != NULL)
    add_hours_figure (ctx, table, T (N_("Availability target")),
                      cs_record_get_number (CS_RECORD (sla->terms), "availability_target"), "%");
  for (guint i = 0; sla->targets != NULL && i < sla->targets->len; i++)
    {
      CsSlaTargetReport *target = g_ptr_array_index (sla->targets, i);
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;

      if (g_strcmp0 (cs_record_get_string (CS_RECORD (target->target), "kind"), "incident") != 0)
        continue;
      /* Translators: %d is a priority (1 to 4) */
      label = g_strdup_printf (T (N_("P%d resolution, worst case")),
                               (int) cs_record_get_int (CS_RECORD (target->target), "priority"));
      value = isnan (target->resolution.worst.wall_minutes)
              ? g_strdup (T (N_("Not stated")))
              : cs_format_minutes (target->resolution.worst.wall_minutes);
      add_figure (table, label, value);
    }
}

static void
add_key_figures (CsHandoverContext *ctx,
                 CsDocument        *doc,
                 CsOffer           *offer)
{
  gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
  /* The policies alone: the backup report's check of critical assets would list, and the store
   * then keep, every asset of the inventory (a million objects for a large client). */
  GListModel *policies = cs_store_list (ctx->store, CS_TYPE_BACKUP_POLICY, offer_id);
  g_autoptr(CsExitReport) exit_report = _cs_exit_report_compute (ctx->store, offer_id);
  CsDocumentTable *table;

  cs_document_add_heading (doc, 2, T (N_("Key figures")));
  table = cs_document_add_table (doc, T (N_("Key figures")));
  cs_document_table_add_column (table, T (N_("Figure")), 2);
  cs_document_table_add_column (table, T (N_("Value")), 2);

  add_sla_figures (ctx, table, offer_id);
  for (guint i = 0; i < g_list_model_get_n_items (policies); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (policies, i);
      const char *name = cs_record_get_string (record, "name");
      g_autofree char *rpo = g_strdup_printf (T (N_("Backup “%s”: RPO")), name);
      g_autofree char *rto = g_strdup_printf (T (N_("Backup “%s”: RTO")), name);
      g_autofree char *retention = g_strdup_printf (T (N_("Backup “%s”: retention")), name);
      g_autofree char *test = g_strdup_printf (T (N_("Backup “%s”: restore test every")), name);

      add_hours_figure (ctx, table, rpo, cs_record_get_number (record, "rpo_hours"), "h");
      add_hours_figure (ctx, table, rto, cs_record_get_number (record, "rto_hours"), "h");
      add_hours_figure (ctx, table, retention, cs_record_get_number (record, "retention_days"),
                        T (N_("days")));
      add_hours_figure (ctx, table, test, cs_record_get_number (record, "restore_test_months"),
                        T (N_("months")));
    }
  if (exit_report != NULL)
    {
      add_hours_figure (ctx, table, T (N_("Last exit deliverable, days after notice")),
                        exit_report->last_deadline_days, NULL);
      add_money_figure (ctx, table, T (N_("Price of the exit deliverables")),
                        exit_report->total_price);
    }
  add_money_figure (ctx, table, T (N_("One-off price")),
                    cs_record_get_number (CS_RECORD (offer), "price_one_off"));
  add_money_figure (ctx, table, T (N_("Recurring price")),
                    cs_record_get_number (CS_RECORD (offer), "price_recurring"));
  add_money_figure (ctx, table, T (N_("Price per unit")),
                    cs_record_get_number (CS_RECORD (offer), "price_per_unit"));
  add_hours_figure (ctx, table, T (N_("Term")), cs_record_get_number (CS_RECORD (offer), "term_months"),
                    T (N_("months")));
}

static void
add_weak_clauses (CsHandoverContext *ctx,
                  CsDocument        *doc,
                  CsReport          *report)
{
  GListModel *findings = cs_report_get_findings (report);
  CsDocumentTable *table = NULL;

  cs_document_add_heading (doc, 2, T (N_("Weak clauses")));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CsFinding) finding = g_list_model_get_item (findings, i);
      CsRecord *clause;
      CsDocumentRow *row;

      if (cs_finding_get_kind (finding) != CS_FINDING_LINTER)
        continue;
      if (table == NULL)
        {
          table = cs_document_add_table (doc, T (N_("Weak clauses")));
          cs_document_table_add_column (table, T (N_("Clause")), 0.9);
          cs_document_table_add_column (table, T (N_("Wording")), 1.6);
          cs_document_table_add_column (table, T (N_("Finding")), 2.2);
          cs_document_table_add_column (table, T (N_("Better wording")), 2.2);
        }
      clause = cs_store_find (ctx->store, CS_TYPE_CLAUSE, cs_finding_get_record_id (finding));
      row = cs_document_table_add_row (table);
      cs_document_row_add_text (row, clause != NULL ? cs_record_get_string (clause, "reference") : "");
      cs_document_row_add_text (row, cs_finding_get_matched_text (finding));
      cs_document_row_add_text (row, _cs_handover_text (ctx, cs_finding_get_message (finding)));
      cs_document_row_add_text (row, _cs_handover_text (ctx, cs_finding_get_remedy (finding)));
    }
  if (table == NULL)
    cs_document_add_paragraph (doc, T (N_("No weak wording found in the clauses.")));
}

/* The perimeter annex, read while it is written */

typedef struct
{
  CsStore    *store;
  GArray     *offer_ids;
  char       *lang;
} Annex;

static void
annex_free (gpointer data)
{
  Annex *annex = data;

  g_object_unref (annex->store);
  g_array_unref (annex->offer_ids);
  g_free (annex->lang);
  g_free (annex);
}

/* The assets are read by a thread of their own, in batches, a few batches ahead of the pages
 * being laid out: reading a million assets (five coverage look-ups each) then overlaps with
 * the PDF's work instead of adding to it, and memory stays bounded by the batches in flight. */
#define ANNEX_BATCH_ROWS     512
#define ANNEX_BATCHES_AHEAD  4

typedef struct
{
  const char *name;        /* in the batch's strings */
  const char *category;
  const char *site;
  gint64      quantity;
  gint64      criticality;
} AnnexRow;

typedef struct
{
  GArray          *rows;      /* AnnexRow */
  CsCoverageState *coverage;  /* n_offers per row */
  GStringChunk    *strings;
  gboolean         last;      /* no batch follows */
  GError          *error;     /* why reading stopped, on the last batch */
} AnnexBatch;

static void
annex_batch_free (gpointer data)
{
  AnnexBatch *batch = data;

  g_array_unref (batch->rows);
  g_free (batch->coverage);
  g_string_chunk_free (batch->strings);
  g_clear_error (&batch->error);
  g_free (batch);
}

typedef struct
{
  Annex         *annex;
  CsAssetCursor *assets;
  GThread       *thread;
  GMutex         lock;
  GCond          cond;
  GQueue         ready;     /* AnnexBatch, read ahead */
  gboolean       stop;      /* closed before the end */
  AnnexBatch    *batch;     /* the batch rows are handed out from */
  guint          index;
} AnnexCursor;

static AnnexBatch *
annex_read_batch (AnnexCursor *cursor)
{
  guint n_offers = cursor->annex->offer_ids->len;
  AnnexBatch *batch = g_new0 (AnnexBatch, 1);
  CsAssetCursorRow asset;

  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (AnnexRow), ANNEX_BATCH_ROWS);
  batch->coverage = g_new (CsCoverageState, MAX (n_offers, 1) * ANNEX_BATCH_ROWS);
  batch->strings = g_string_chunk_new (16 * 1024);
  while (batch->rows->len < ANNEX_BATCH_ROWS)
    {
      AnnexRow row;

      if (!cs_asset_cursor_next (cursor->assets, &asset, &batch->error))
        {
          batch->last = TRUE;
          break;
        }
      row.name = g_string_chunk_insert (batch->strings, asset.name);
      row.category = g_string_chunk_insert_const (batch->strings, asset.category);
      row.site = g_string_chunk_insert_const (batch->strings, asset.site);
      row.quantity = asset.quantity;
      row.criticality = asset.criticality;
      memcpy (batch->coverage + batch->rows->len * n_offers, asset.coverage,
              n_offers * sizeof (CsCoverageState));
      g_array_append_val (batch->rows, row);
    }
  return batch;
}

static gpointer
annex_read (gpointer data)
{
  AnnexCursor *cursor = data;
  gboolean last = FALSE;

  while (!last)
    {
      AnnexBatch *batch = annex_read_batch (cursor);

      last = batch->last;
      g_mutex_lock (&cursor->lock);
      while (!cursor->stop && cursor->ready.length >= ANNEX_BATCHES_AHEAD)
        g_cond_wait (&cursor->cond, &cursor->lock);
      if (cursor->stop)
        {
          g_mutex_unlock (&cursor->lock);
          annex_batch_free (batch);
          break;
        }
      g_queue_push_tail (&cursor->ready, batch);
      g_cond_broadcast (&cursor->cond);
      g_mutex_unlock (&cursor->lock);
    }
  return NULL;
}

static gpointer
annex_open (gpointer   user_data,
            GError   **error)
{
  Annex *annex = user_data;
  CsAssetCursor *assets;
  AnnexCursor *cursor;

  assets = cs_store_open_asset_cursor (annex->store, (const gint64 *) annex->offer_ids->data,
                                       annex->offer_ids->len, error);
  if (assets == NULL)
    return NULL;
  cursor = g_new0 (AnnexCursor, 1);
  cursor->annex = annex;
  cursor->assets = assets;
  g_mutex_init (&cursor->lock);
  g_cond_init (&cursor->cond);
  g_queue_init (&cursor->ready);
  cursor->thread = g_thread_new ("cs-annex-reader", annex_read, cursor);
  return cursor;
}

/* The next row read ahead, or NULL at the end (with @error set when reading failed). */
static const AnnexRow *
annex_take_row (AnnexCursor  *cursor,
                guint        *out_index,
                GError      **error)
{
  while (cursor->batch == NULL || cursor->index >= cursor->batch->rows->len)
    {
      if (cursor->batch != NULL && cursor->batch->last)
        {
          if (cursor->batch->error != NULL)
            g_propagate_error (error, g_steal_pointer (&cursor->batch->error));
          return NULL;
        }
      g_clear_pointer (&cursor->batch, annex_batch_free);
      g_mutex_lock (&cursor->lock);
      while (cursor->ready.length == 0)
        g_cond_wait (&cursor->cond, &cursor->lock);
      cursor->batch = g_queue_pop_head (&cursor->ready);
      g_cond_broadcast (&cursor->cond);
      g_mutex_unlock (&cursor->lock);
      cursor->index = 0;
    }
  *out_index = cursor->index;
  return &g_array_index (cursor->batch->rows, AnnexRow, cursor->index++);
}

static gboolean
annex_next (gpointer        data,
            CsDocumentRow  *row,
            GError        **error)
{
  AnnexCursor *cursor = data;
  Annex *annex = cursor->annex;
  const AnnexRow *asset;
  guint index = 0;

  asset = annex_take_row (cursor, &index, error);
  if (asset == NULL)
    return FALSE;

  cs_document_row_add_text (row, asset->name);
  cs_document_row_add_text (row, cs_i18n_translate (annex->lang,
                                                    cs_asset_category_get_label (asset->category)));
  cs_document_row_add_text (row, asset->site);
  cs_document_row_add_number (row, asset->quantity, 0, NULL);
  cs_document_row_add_number (row, asset->criticality, 0, NULL);
  for (guint i = 0; i < annex->offer_ids->len; i++)
    {
      CsCoverageState state = cursor->batch->coverage[index * annex->offer_ids->len + i];

      cs_document_row_add_text (row, cs_i18n_translate (annex->lang,
                                                        cs_coverage_state_get_label (state)));
      if (state == CS_COVERAGE_NOT_ADDRESSED || state == CS_COVERAGE_EXCLUDED)
        cs_document_row_set_mark (row, 5 + i, CS_CELL_MARK_WORST);
    }
  return TRUE;
}

static void
annex_close (gpointer data)
{
  AnnexCursor *cursor = data;

  g_mutex_lock (&cursor->lock);
  cursor->stop = TRUE;
  g_cond_broadcast (&cursor->cond);
  g_mutex_unlock (&cursor->lock);
  g_thread_join (cursor->thread);

  g_queue_clear_full (&cursor->ready, annex_batch_free);
  g_clear_pointer (&cursor->batch, annex_batch_free);
  g_mutex_clear (&cursor->lock);
  g_cond_clear (&cursor->cond);
  cs_asset_cursor_free (cursor->assets);
  g_free (cursor);
}

static const CsDocumentRowSource annex_source = { annex_open, annex_next, annex_close };

static gboolean
add_annex (CsHandoverContext  *ctx,
           CsDocument         *doc,
           GPtrArray          *offers,
           GError            **error)
{
  CsDocumentTable *table;
  Annex *annex;
  guint n_assets = 0;

  cs_document_add_heading (doc, 1, T (N_("Annex: perimeter")));

  table = cs_document_add_table (doc, T (N_("Coverage of the inventory")));
  cs_document_table_add_column (table, T (N_("Offer")), 2);
  for (guint s = CS_COVERAGE_NOT_ADDRESSED; s < CS_N_COVERAGE_STATES; s++)
    cs_document_table_add_column (table, _cs_handover_text (ctx, cs_coverage_state_get_label (s)), 1);
  cs_document_table_add_column (table, T (N_("Critical assets not fully managed")), 1.4);
  for (guint i = 0; i < offers->len; i++)
    {
      CsOffer *offer = g_ptr_array_index (offers, i);
      CsCoverageCounts counts;
      guint critical_unmanaged;
      CsDocumentRow *row;

      /* The counts the checklist read above (critical means criticality 1), kept by the store:
       * counting them again per offer read the whole inventory ten times. */
      if (!cs_store_count_coverage (ctx->store, cs_record_get_id (CS_RECORD (offer)), 1, &counts,
                                    error))
        return FALSE;
      n_assets = counts.n_assets;
      critical_unmanaged = counts.n_critical - MIN (counts.n_critical, counts.n_critical_managed);
      row = cs_document_table_add_row (table);
      cs_document_row_add_text (row, cs_offer_get_provider (offer));
      for (guint s = CS_COVERAGE_NOT_ADDRESSED; s < CS_N_COVERAGE_STATES; s++)
        cs_document_row_add_number (row, s == CS_COVERAGE_MANAGED ? counts.n_managed
                                         : s == CS_COVERAGE_PARTIAL ? counts.n_partial
                                         : s == CS_COVERAGE_EXCLUDED ? counts.n_excluded
                                         : counts.n_not_addressed, 0, NULL);
      cs_document_row_add_number (row, critical_unmanaged, 0, NULL);
      if (critical_unmanaged > 0)
        cs_document_row_set_mark (row, 5, CS_CELL_MARK_WORST);
    }

  annex = g_new0 (Annex, 1);
  annex->store = g_object_ref (ctx->store);
  annex->lang = g_strdup (ctx->lang);
  annex->offer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  table = cs_document_add_table (doc, T (N_("Inventory")));
  cs_document_table_add_column (table, T (N_("Asset")), 2.2);
  cs_document_table_add_column (table, T (N_("Category")), 1.4);
  cs_document_table_add_column (table, T (N_("Site")), 1.3);
  cs_document_table_add_column (table, T (N_("Quantity")), 0.7);
  cs_document_table_add_column (table, T (N_("Criticality")), 0.7);
  for (guint i = 0; i < offers->len; i++)
    {
      CsOffer *offer = g_ptr_array_index (offers, i);
      gint64 id = cs_record_get_id (CS_RECORD (offer));

      g_array_append_val (annex->offer_ids, id);
      cs_document_table_add_column (table, cs_offer_get_provider (offer), 1.1);
    }
  cs_document_table_set_row_source (table, &annex_source, annex, annex_free);
  /* every asset is a row: writing the report can say how far it is */
  cs_document_table_set_n_rows_hint (table, offers->len > 0 ? n_assets
                                                             : cs_store_count_assets (ctx->store,
                                                                                      NULL, NULL));
  return TRUE;
}

static gboolean
add_offer (CsHandoverContext  *ctx,
           CsDocument         *doc,
           CsOffer            *offer,
           gboolean            several,
           GError            **error)
{
  g_autoptr(CsReport) report = cs_checklist_evaluate (ctx->checklist, ctx->store, ctx->linter,
                                                      cs_record_get_id (CS_RECORD (offer)), error);

  if (report == NULL)
    return FALSE;

  cs_document_add_heading (doc, 1, several ? cs_offer_get_provider (offer) : T (N_("Summary")));
  add_summary (ctx, doc, report);
  add_knock_outs (ctx, doc, report);
  add_findings (ctx, doc, report);
  add_key_figures (ctx, doc, offer);
  add_weak_clauses (ctx, doc, report);
  return TRUE;
}

/**
 * cs_handover_build_report:
 * @store: a #CsStore
 * @checklist: the checklist rules
 * @linter: (nullable): the clause linter
 * @offer_id: the offer, or 0 for every offer
 * @language: (nullable): "en", "fr", or %NULL / "" for the project's language
 * @error: return location for an error
 *
 * The review report: for the offer (or each offer) the overall and per-section figures, the
 * knock-outs, the findings by section with severity, why and remedy, key figures (SLA worst
 * cases, backup, exit, money) and the weak clauses; then the perimeter annex, the inventory with
 * each offer's coverage, read from @store while the document is written (keep @store open and
 * unchanged until then).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CsDocument *
cs_handover_build_report (CsStore      *store,
                          CsChecklist  *checklist,
                          CsLinter     *linter,
                          gint64        offer_id,
                          const char   *language,
                          GError      **error)
{
  CsHandoverContext context, *ctx = &context;
  g_autoptr(CsDocument) doc = NULL;
  g_autoptr(GPtrArray) offers = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = TRUE;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_CHECKLIST (checklist), NULL);

  _cs_handover_context_init (ctx, store, checklist, linter, language);
  if (offer_id > 0)
    {
      CsOffer *offer = _cs_handover_find_offer (ctx, offer_id, error);

      if (offer == NULL)
        {
          _cs_handover_context_clear (ctx);
          return NULL;
        }
      g_ptr_array_add (offers, g_object_ref (offer));
    }
  else
    {
      GListModel *all = cs_store_get_offers (store);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (offers, g_list_model_get_item (all, i));
      if (offers->len == 0)
        {
          g_set_error_literal (error, CS_HANDOVER_ERROR, CS_HANDOVER_ERROR_NO_OFFER,
                               _("The project has no offer to report on"));
          _cs_handover_context_clear (ctx);
          return NULL;
        }
    }

  doc = _cs_handover_new_document (ctx, cs_handover_kind_get_title (CS_HANDOVER_REPORT, ctx->lang),
                                   offers->len == 1 ? g_ptr_array_index (offers, 0) : NULL);
  /* the annex has one coverage column per offer */
  cs_document_set_landscape (doc, offers->len > 2);

  for (guint i = 0; ok && i < offers->len; i++)
    ok = add_offer (ctx, doc, g_ptr_array_index (offers, i), offers->len > 1, error);
  if (ok)
    ok = add_annex (ctx, doc, offers, error);

  _cs_handover_context_clear (ctx);
  return ok ? g_steal_pointer (&doc) : NULL;
}
