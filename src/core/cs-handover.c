/* cs-handover.c
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

#include "cs-handover-private.h"
#include "cs-sections.h"

/*
 * The reversibility checklist and the questions for the provider; what every handed-over
 * document shares (language, header, default file name). The review report lives in
 * cs-handover-review.c.
 */

G_DEFINE_QUARK (cs-handover-error-quark, cs_handover_error)

static const char * const kind_names[] = { "reversibility", "report", "questions" };
static const char * const kind_titles[] = {
  N_("Reversibility checklist"), N_("Review report"), N_("Questions for the provider"),
};

/**
 * cs_handover_kind_from_string:
 * @text: "reversibility", "report" or "questions"
 * @out_kind: (out): the kind
 *
 * Returns: whether @text names a document
 */
gboolean
cs_handover_kind_from_string (const char     *text,
                              CsHandoverKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
      {
        *out_kind = (CsHandoverKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cs_handover_kind_get_title:
 * @kind: a #CsHandoverKind
 * @language: (nullable): "en", "fr", or "" / %NULL for the interface's
 *
 * Returns: the document's title in @language
 */
const char *
cs_handover_kind_get_title (CsHandoverKind  kind,
                            const char     *language)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_titles), NULL);
  return cs_i18n_translate (language, kind_titles[kind]);
}

/**
 * cs_handover_resolve_language:
 * @store: a #CsStore
 * @language: (nullable): "en", "fr", or "" / %NULL for the project's
 *
 * Returns: (transfer full): the language of the documents: @language when given, else the
 *   project's ("" when the project follows the interface)
 */
char *
cs_handover_resolve_language (CsStore    *store,
                              const char *language)
{
  CsProject *project;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  if (language != NULL && *language != '\0')
    return g_strdup (language);
  project = cs_store_get_project (store);
  if (project == NULL)
    return g_strdup ("");
  return g_strdup (cs_record_get_string (CS_RECORD (project), "language"));
}

void
_cs_handover_context_init (CsHandoverContext *ctx,
                           CsStore           *store,
                           CsChecklist       *checklist,
                           CsLinter          *linter,
                           const char        *language)
{
  CsProject *project = cs_store_get_project (store);
  const char *currency = project != NULL ? cs_record_get_string (CS_RECORD (project), "currency")
                                         : "";

  memset (ctx, 0, sizeof *ctx);
  ctx->store = store;
  ctx->checklist = checklist;
  ctx->linter = linter;
  ctx->lang = cs_handover_resolve_language (store, language);
  ctx->currency = *currency != '\0' ? currency : "EUR";
}

void
_cs_handover_context_clear (CsHandoverContext *ctx)
{
  g_clear_pointer (&ctx->lang, g_free);
}

CsDocument *
_cs_handover_new_document (CsHandoverContext *ctx,
                           const char        *title,
                           CsOffer           *offer)
{
  CsProject *project = cs_store_get_project (ctx->store);
  CsDocument *doc = cs_document_new (title);

  cs_document_set_language (doc, ctx->lang);
  if (project != NULL)
    {
      cs_document_set_client (doc, cs_record_get_string (CS_RECORD (project), "client_name"));
      cs_document_set_consultant (doc, cs_record_get_string (CS_RECORD (project), "consultant"));
    }
  if (offer != NULL)
    cs_document_set_provider (doc, cs_offer_get_provider (offer));
  return doc;
}

CsOffer *
_cs_handover_find_offer (CsHandoverContext  *ctx,
                         gint64              offer_id,
                         GError            **error)
{
  CsRecord *offer = offer_id > 0 ? cs_store_find (ctx->store, CS_TYPE_OFFER, offer_id) : NULL;

  if (offer == NULL)
    {
      g_set_error_literal (error, CS_HANDOVER_ERROR, CS_HANDOVER_ERROR_NO_OFFER,
                           _("The offer does not exist any more"));
      return NULL;
    }
  return CS_OFFER (offer);
}

const char *
_cs_handover_tristate (CsHandoverContext *ctx,
                       const char        *value)
{
  if (g_strcmp0 (value, "yes") == 0)
    return T (N_("Yes"));
  if (g_strcmp0 (value, "no") == 0)
    return T (N_("No"));
  return T (N_("Not stated"));
}

char *
_cs_handover_days (CsHandoverContext *ctx,
                   double             days)
{
  g_autofree char *number = NULL;

  if (isnan (days))
    return g_strdup (T (N_("Not stated")));
  number = cs_i18n_format_number (ctx->lang, days, fabs (days - round (days)) < 1e-9 ? 0 : 1);
  if (days == 1)
    return g_strdup (T (N_("1 day")));
  /* Translators: a number of days other than 1; %s is the number */
  return g_strdup_printf (T (N_("%s days")), number);
}

const char *
_cs_handover_severity_label (CsHandoverContext *ctx,
                CsSeverity         severity)
{
  switch (severity)
    {
    case CS_SEVERITY_CRITICAL:
      return T (N_("Critical"));
    case CS_SEVERITY_MAJOR:
      return T (N_("Major"));
    case CS_SEVERITY_MINOR:
    default:
      return T (N_("Minor"));
    }
}

static const char *
status_label (CsHandoverContext *ctx,
              CsItemStatus       status)
{
  switch (status)
    {
    case CS_ITEM_SATISFIED:
      return T (N_("Satisfied"));
    case CS_ITEM_PARTIAL:
      return T (N_("Partial"));
    case CS_ITEM_MISSING:
      return T (N_("Missing"));
    case CS_ITEM_NOT_APPLICABLE:
      return T (N_("Not applicable"));
    case CS_ITEM_UNANSWERED:
      return T (N_("To assess"));
    case CS_ITEM_REFERENCE:
    default:
      return T (N_("Reference only"));
    }
}

/* A finding's text, translated into the document's language when it is still the English of
 * the rule file (the interface is English); as it is otherwise. */
const char *
_cs_handover_text (CsHandoverContext *ctx,
                   const char        *text)
{
  return text != NULL && *text != '\0' ? cs_i18n_translate (ctx->lang, text) : "";
}

/* The findings of the checklist report (gaps and weak wordings), as a table: one section's, or
 * all of them. */
void
_cs_handover_add_gaps_table (CsHandoverContext *ctx,
                             CsDocument        *doc,
                             CsReport          *report,
                             int                section,
                             const char        *title)
{
  GListModel *findings = cs_report_get_findings (report);
  guint n = g_list_model_get_n_items (findings);
  CsDocumentTable *table = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsFinding) finding = g_list_model_get_item (findings, i);
      CsDocumentRow *row;
      g_autofree char *why = NULL;

      if (section >= 0 && (int) cs_finding_get_section (finding) != section)
        continue;

      if (table == NULL)
        {
          table = cs_document_add_table (doc, title);
          cs_document_table_add_column (table, T (N_("Gap")), 2.2);
          cs_document_table_add_column (table, T (N_("Severity")), 0.95);
          cs_document_table_add_column (table, T (N_("Status")), 0.95);
          cs_document_table_add_column (table, T (N_("Why it matters")), 2.5);
          cs_document_table_add_column (table, T (N_("Remedy")), 2.5);
          cs_document_table_add_column (table, T (N_("Reference")), 1.1);
        }

      row = cs_document_table_add_row (table);
      if (cs_finding_get_kind (finding) == CS_FINDING_LINTER)
        {
          g_autofree char *title_text = g_strdup_printf ("%s: “%s”",
                                                         _cs_handover_text (ctx, cs_finding_get_title (finding)),
                                                         cs_finding_get_matched_text (finding) != NULL
                                                         ? cs_finding_get_matched_text (finding) : "");
          cs_document_row_add_text (row, title_text);
        }
      else
        cs_document_row_add_text (row, _cs_handover_text (ctx, cs_finding_get_title (finding)));
      cs_document_row_add_text (row, _cs_handover_severity_label (ctx, cs_finding_get_severity (finding)));
      cs_document_row_add_text (row, cs_finding_get_kind (finding) == CS_FINDING_LINTER
                                     ? T (N_("Weak wording"))
                                     : status_label (ctx, cs_finding_get_status (finding)));
      why = g_strdup (_cs_handover_text (ctx, cs_finding_get_message (finding)));
      cs_document_row_add_text (row, why);
      cs_document_row_add_text (row, _cs_handover_text (ctx, cs_finding_get_remedy (finding)));
      cs_document_row_add_text (row, cs_finding_get_reference (finding));
      if (cs_finding_get_knock_out (finding))
        cs_document_row_set_mark (row, 0, CS_CELL_MARK_KNOCK_OUT);
    }

  if (table == NULL)
    cs_document_add_paragraph (doc, T (N_("No gap found.")));
}

/* Reversibility checklist */

static void
add_deliverables (CsHandoverContext *ctx,
                  CsDocument        *doc,
                  gint64             offer_id,
                  const GDate       *notice_date)
{
  GListModel *deliverables = cs_store_list (ctx->store, CS_TYPE_EXIT_DELIVERABLE,
                                                      offer_id);
  guint n = g_list_model_get_n_items (deliverables);
  CsDocumentTable *table;

  cs_document_add_heading (doc, 1, T (N_("Exit deliverables")));
  if (n == 0)
    {
      cs_document_add_paragraph (doc, T (N_("The offer lists no exit deliverable: ask the "
                                            "provider for the list of what it hands back.")));
      return;
    }

  table = cs_document_add_table (doc, T (N_("Deliverables")));
  cs_document_table_add_column (table, T (N_("Deliverable")), 2.6);
  cs_document_table_add_column (table, T (N_("Format")), 1.4);
  cs_document_table_add_column (table, T (N_("Deadline")), 1.3);
  cs_document_table_add_column (table, T (N_("Owner")), 1.2);
  cs_document_table_add_column (table, T (N_("Price")), 1);
  cs_document_table_add_column (table, T (N_("Delivered")), 0.8);
  cs_document_table_add_column (table, T (N_("Verified")), 0.8);
  cs_document_table_add_column (table, T (N_("Verified by")), 1.2);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsRecord) deliverable = g_list_model_get_item (deliverables, i);
      const char *label = cs_record_get_string (deliverable, "label");
      const char *item = cs_record_get_string (deliverable, "item");
      const char *status = cs_record_get_string (deliverable, "status");
      double days = cs_record_get_number (deliverable, "deadline_days");
      const char *format = cs_record_get_string (deliverable, "format");
      const char *owner = cs_record_get_string (deliverable, "owner");
      CsDocumentRow *row = cs_document_table_add_row (table);

      if (*label == '\0')
        label = *item != '\0' ? _cs_handover_text (ctx, cs_exit_item_get_label (item)) : "";
      cs_document_row_add_text (row, label);
      cs_document_row_add_text (row, *format != '\0' ? format : T (N_("Not stated")));
      if (!isnan (days) && notice_date != NULL && g_date_valid (notice_date))
        {
          GDate due = *notice_date;

          g_date_add_days (&due, (guint) MAX (0, round (days)));
          cs_document_row_add_date (row, &due);
        }
      else if (!isnan (days))
        {
          g_autofree char *number = cs_i18n_format_number (ctx->lang, days, 0);
          /* Translators: a deadline in days from the notice of termination */
          g_autofree char *text = g_strdup_printf (T (N_("notice + %s days")), number);

          cs_document_row_add_text (row, text);
        }
      else
        cs_document_row_add_text (row, T (N_("Not stated")));
      cs_document_row_add_text (row, *owner != '\0' ? owner : T (N_("Not stated")));
      cs_document_row_add_money (row, cs_record_get_number (deliverable, "price"), ctx->currency);
      cs_document_row_add_tick (row, g_strcmp0 (status, "delivered") == 0
                                     || g_strcmp0 (status, "verified") == 0);
      cs_document_row_add_tick (row, g_strcmp0 (status, "verified") == 0);
      cs_document_row_add_text (row, cs_record_get_string (deliverable, "verifier"));
    }
}

static gboolean
has_deliverable (CsHandoverContext *ctx,
                 gint64             offer_id,
                 const char        *item)
{
  GListModel *deliverables = cs_store_list (ctx->store, CS_TYPE_EXIT_DELIVERABLE,
                                                      offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (deliverables); i++)
    {
      g_autoptr(CsRecord) deliverable = g_list_model_get_item (deliverables, i);

      if (g_str_equal (cs_record_get_string (deliverable, "item"), item))
        return TRUE;
    }
  return FALSE;
}

static const char *
assistance_label (CsHandoverContext *ctx,
                  const char        *mode)
{
  if (g_strcmp0 (mode, "included") == 0)
    return T (N_("Included in the price"));
  if (g_strcmp0 (mode, "fixed") == 0)
    return T (N_("Fixed price"));
  if (g_strcmp0 (mode, "rate_card") == 0)
    return T (N_("At the rate card"));
  if (g_strcmp0 (mode, "on_quotation") == 0)
    return T (N_("On quotation"));
  return T (N_("Not stated"));
}

static void
add_term_row (CsDocumentTable *table,
              const char      *term,
              const char      *value)
{
  CsDocumentRow *row = cs_document_table_add_row (table);

  cs_document_row_add_text (row, term);
  cs_document_row_add_text (row, value);
}

static void
add_exit_terms (CsHandoverContext *ctx,
                CsDocument        *doc,
                gint64             offer_id)
{
  CsRecord *terms = cs_store_get_section (ctx->store, CS_TYPE_EXIT_TERMS, offer_id);
  CsDocumentTable *table;
  g_autofree char *transition = NULL;
  g_autofree char *retrieval = NULL;
  g_autofree char *assistance = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *transfer = NULL;
  double price;

  cs_document_add_heading (doc, 1, T (N_("Exit terms")));
  table = cs_document_add_table (doc, T (N_("Exit terms")));
  cs_document_table_add_column (table, T (N_("Term")), 1.5);
  cs_document_table_add_column (table, T (N_("What the contract says")), 3);

  if (terms == NULL)
    return;

  add_term_row (table, T (N_("Exit clause")),
                _cs_handover_tristate (ctx, cs_record_get_string (terms, "clause_present")));
  transition = _cs_handover_days (ctx, cs_record_get_number (terms, "transition_days"));
  add_term_row (table, T (N_("Transition period")), transition);
  if (isnan (cs_record_get_number (terms, "plan_delivery_months")))
    plan = g_strdup (T (N_("Not stated")));
  else
    {
      g_autofree char *months = cs_i18n_format_number (ctx->lang,
                                                       cs_record_get_number (terms, "plan_delivery_months"),
                                                       0);

      plan = g_strdup_printf (T (N_("within %s months of the start")), months);
    }
  add_term_row (table, T (N_("Reversibility plan")), plan);
  price = cs_record_get_number (terms, "assistance_price");
  if (isnan (price))
    assistance = g_strdup (assistance_label (ctx, cs_record_get_string (terms, "assistance_mode")));
  else
    {
      g_autofree char *money = cs_i18n_format_money (ctx->lang, price, ctx->currency);

      assistance = g_strdup_printf ("%s, %s",
                                    assistance_label (ctx, cs_record_get_string (terms, "assistance_mode")),
                                    money);
    }
  add_term_row (table, T (N_("Exit assistance and its price")), assistance);
  retrieval = _cs_handover_days (ctx, cs_record_get_number (terms, "retrieval_days"));
  add_term_row (table, T (N_("Data retrieval window")), retrieval);
  add_term_row (table, T (N_("Erasure of the data, with a certificate")),
                _cs_handover_tristate (ctx, cs_record_get_string (terms, "erasure_certificate")));
  add_term_row (table, T (N_("Credentials and administrator rights handed over")),
                has_deliverable (ctx, offer_id, "credentials") ? T (N_("Yes, as a deliverable"))
                                                                : T (N_("Not listed")));
  add_term_row (table, T (N_("Documentation handed over")),
                has_deliverable (ctx, offer_id, "documentation") ? T (N_("Yes, as a deliverable"))
                                                                  : T (N_("Not listed")));
  add_term_row (table, T (N_("Tenants, domains and licences in the client’s name")),
                has_deliverable (ctx, offer_id, "licences") ? T (N_("Yes, as a deliverable"))
                                                             : T (N_("Not listed")));
  transfer = isnan (cs_record_get_number (terms, "knowledge_transfer_hours"))
             ? g_strdup (T (N_("Not stated")))
             : cs_i18n_format_number (ctx->lang, cs_record_get_number (terms, "knowledge_transfer_hours"), 0);
  add_term_row (table, T (N_("Knowledge transfer (hours)")), transfer);
  add_term_row (table, T (N_("Exit under stress (provider failure)")),
                _cs_handover_tristate (ctx, cs_record_get_string (terms, "stressed_exit")));
  add_term_row (table, T (N_("Triggers")), cs_record_get_string (terms, "triggers"));
  add_term_row (table, T (N_("Contract reference")), cs_record_get_string (terms, "reference"));
}

/**
 * cs_handover_build_reversibility:
 * @store: a #CsStore
 * @checklist: the checklist rules
 * @linter: (nullable): the clause linter
 * @offer_id: the offer
 * @language: (nullable): "en", "fr", or %NULL / "" for the project's language
 * @notice_date: (nullable): the day notice was given: deadlines become dates
 * @error: return location for an error
 *
 * The document the client keeps for the day the provider leaves: every exit deliverable with
 * its format, deadline, owner, price and tick boxes for delivered and verified; the exit terms;
 * the exit gaps with their remedies; a signature block.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CsDocument *
cs_handover_build_reversibility (CsStore      *store,
                                 CsChecklist  *checklist,
                                 CsLinter     *linter,
                                 gint64        offer_id,
                                 const char   *language,
                                 const GDate  *notice_date,
                                 GError      **error)
{
  CsHandoverContext context, *ctx = &context;
  g_autoptr(CsDocument) doc = NULL;
  g_autoptr(CsReport) report = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *client_party = NULL;
  g_autofree char *provider_party = NULL;
  g_auto(GStrv) missing = NULL;
  const char *parties[3];
  CsProject *project;
  CsOffer *offer;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_CHECKLIST (checklist), NULL);

  _cs_handover_context_init (ctx, store, checklist, linter, language);
  offer = _cs_handover_find_offer (ctx, offer_id, error);
  if (offer == NULL || (report = cs_checklist_evaluate (checklist, store, linter, offer_id, error)) == NULL)
    {
      _cs_handover_context_clear (ctx);
      return NULL;
    }

  doc = _cs_handover_new_document (ctx, T (kind_titles[CS_HANDOVER_REVERSIBILITY]), offer);
  cs_document_set_landscape (doc, TRUE);
  intro = g_strdup_printf (T (N_("What %s hands back when the contract ends, by when and to "
                                 "whom. Tick each deliverable when it is delivered, then when "
                                 "it has been checked.")),
                           cs_offer_get_provider (offer));
  cs_document_add_paragraph (doc, intro);

  add_deliverables (ctx, doc, offer_id, notice_date);
  {
    g_autoptr(CsExitReport) exit_report = cs_exit_report_new (store, offer_id);

    if (exit_report != NULL && exit_report->missing_items != NULL
        && exit_report->missing_items[0] != NULL)
      {
        cs_document_add_paragraph (doc, T (N_("Usual deliverables the offer does not list:")));
        for (guint i = 0; exit_report->missing_items[i] != NULL; i++)
          cs_document_add_task (doc, _cs_handover_text (ctx, cs_exit_item_get_label (exit_report->missing_items[i])),
                                FALSE);
      }
  }
  add_exit_terms (ctx, doc, offer_id);

  cs_document_add_heading (doc, 1, T (N_("Gaps and remedies")));
  _cs_handover_add_gaps_table (ctx, doc, report, CS_SECTION_EXIT, T (N_("Exit gaps")));

  cs_document_add_heading (doc, 1, T (N_("Signatures")));
  project = cs_store_get_project (store);
  client_party = g_strdup_printf ("%s: %s", T (N_("Client")),
                                  project != NULL ? cs_record_get_string (CS_RECORD (project), "client_name") : "");
  provider_party = g_strdup_printf ("%s: %s", T (N_("Provider")), cs_offer_get_provider (offer));
  parties[0] = client_party;
  parties[1] = provider_party;
  parties[2] = NULL;
  cs_document_add_signature_block (doc, parties);

  _cs_handover_context_clear (ctx);
  return g_steal_pointer (&doc);
}

/* Questions for the provider */

typedef struct
{
  CsSection  section;
  char      *item_id;
  char      *question;
  char      *reference;
} Question;

static void
question_free (gpointer data)
{
  Question *question = data;

  g_free (question->item_id);
  g_free (question->question);
  g_free (question->reference);
  g_free (question);
}

static const char *
clause_reference (CsHandoverContext *ctx,
                  CsFinding         *finding)
{
  CsRecord *clause;

  if (cs_finding_get_reference (finding) != NULL && *cs_finding_get_reference (finding) != '\0')
    return cs_finding_get_reference (finding);
  clause = cs_finding_get_record_id (finding) > 0
           ? cs_store_find (ctx->store, CS_TYPE_CLAUSE, cs_finding_get_record_id (finding)) : NULL;
  return clause != NULL ? cs_record_get_string (clause, "reference") : "";
}

/* Every gap (missing or partial item) and every weak wording becomes a question, in the order
 * of the sections. */
static GPtrArray *
compute_questions (CsHandoverContext *ctx,
                   CsReport          *report)
{
  GListModel *findings = cs_report_get_findings (report);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (question_free);

  for (int section = CS_SECTION_PERIMETER; section < CS_N_SECTIONS; section++)
    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(CsFinding) finding = g_list_model_get_item (findings, i);
        const char *title = _cs_handover_text (ctx, cs_finding_get_title (finding));
        const char *remedy = _cs_handover_text (ctx, cs_finding_get_remedy (finding));
        Question *question;

        if ((int) cs_finding_get_section (finding) != section)
          continue;
        if (cs_finding_get_kind (finding) == CS_FINDING_CHECKLIST
            && cs_finding_get_status (finding) != CS_ITEM_MISSING
            && cs_finding_get_status (finding) != CS_ITEM_PARTIAL)
          continue;

        question = g_new0 (Question, 1);
        question->section = section;
        if (cs_finding_get_kind (finding) == CS_FINDING_LINTER)
          {
            question->item_id = g_strdup_printf ("lint:%s:%" G_GINT64_FORMAT ":%u",
                                                 cs_finding_get_id (finding),
                                                 cs_finding_get_record_id (finding),
                                                 cs_finding_get_start (finding));
            question->question = g_strdup_printf (T (N_("The wording “%s” is weak: %s Can you "
                                                        "replace it with a measurable commitment? "
                                                        "%s")),
                                                  cs_finding_get_matched_text (finding) != NULL
                                                  ? cs_finding_get_matched_text (finding) : "",
                                                  title, remedy);
            question->reference = g_strdup (clause_reference (ctx, finding));
          }
        else
          {
            question->item_id = g_strdup (cs_finding_get_id (finding));
            question->question = g_strdup_printf (cs_finding_get_status (finding) == CS_ITEM_MISSING
                                                  ? T (N_("The offer does not cover “%s”. Can you "
                                                          "commit to it in the contract? %s"))
                                                  : T (N_("The offer only partly covers “%s”. Can "
                                                          "you complete your commitment? %s")),
                                                  title, remedy);
            question->reference = g_strdup (cs_finding_get_reference (finding));
          }
        g_strstrip (question->question);
        g_ptr_array_add (questions, question);
      }

  return g_steal_pointer (&questions);
}

typedef struct
{
  gint64     offer_id;
  GPtrArray *questions;
} SyncData;

static gboolean
set_if_changed (CsStore     *store,
                CsRecord    *record,
                const char  *column,
                const char  *value,
                GError     **error)
{
  if (g_strcmp0 (cs_record_get_string (record, column), value != NULL ? value : "") == 0)
    return TRUE;
  return cs_store_set_string (store, record, column, value != NULL ? value : "", error);
}

/* Keeps one stored question per gap: new gaps are added, the wording of known ones is
 * refreshed, answered questions are never lost, and unanswered ones whose gap is gone go. */
static gboolean
sync_questions (CsStore   *store,
                gpointer   user_data,
                GError   **error)
{
  SyncData *data = user_data;
  GListModel *stored = cs_store_list (store, CS_TYPE_PROVIDER_QUESTION, data->offer_id);
  g_autoptr(GHashTable) by_item = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         g_object_unref);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      CsRecord *record = g_list_model_get_item (stored, i);

      g_hash_table_replace (by_item, (gpointer) cs_record_get_string (record, "item_id"), record);
    }

  for (guint i = 0; i < data->questions->len; i++)
    {
      Question *question = g_ptr_array_index (data->questions, i);
      CsRecord *record = g_hash_table_lookup (by_item, question->item_id);

      if (record == NULL)
        {
          g_autoptr(CsRecord) added = g_object_new (CS_TYPE_PROVIDER_QUESTION,
                                                    "offer-id", data->offer_id,
                                                    "item-id", question->item_id,
                                                    "question", question->question,
                                                    "reference", question->reference,
                                                    "position", (gint64) (i + 1),
                                                    NULL);

          if (!cs_store_add (store, added, error))
            return FALSE;
          continue;
        }
      if (!set_if_changed (store, record, "question", question->question, error)
          || !set_if_changed (store, record, "reference", question->reference, error)
          || (cs_record_get_int (record, "position") != (gint64) (i + 1)
              && !cs_store_set_int (store, record, "position", i + 1, error)))
        return FALSE;
      g_hash_table_remove (by_item, question->item_id);
    }

  {
    GHashTableIter iter;
    CsRecord *record;

    g_hash_table_iter_init (&iter, by_item);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &record))
      if (*cs_record_get_string (record, "answer") == '\0')
        g_ptr_array_add (stale, g_object_ref (record));
  }
  for (guint i = 0; i < stale->len; i++)
    {
      g_autoptr(CsDeletion) deletion = cs_store_delete (store, g_ptr_array_index (stale, i), error);

      if (deletion == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The questions the review of the offer raises now, in the document's order; %NULL with @error
 * set when the offer is unknown or the checklist cannot be evaluated. */
static GPtrArray *
review_questions (CsStore      *store,
                  CsChecklist  *checklist,
                  CsLinter     *linter,
                  gint64        offer_id,
                  const char   *language,
                  GError      **error)
{
  CsHandoverContext context, *ctx = &context;
  g_autoptr(CsReport) report = NULL;
  GPtrArray *questions = NULL;

  _cs_handover_context_init (ctx, store, checklist, linter, language);
  if (_cs_handover_find_offer (ctx, offer_id, error) != NULL
      && (report = cs_checklist_evaluate (checklist, store, linter, offer_id, error)) != NULL)
    questions = compute_questions (ctx, report);
  _cs_handover_context_clear (ctx);

  return questions;
}

/**
 * cs_handover_update_questions:
 * @store: a #CsStore open for writing
 * @checklist: the checklist rules
 * @linter: (nullable): the clause linter
 * @offer_id: the offer
 * @language: (nullable): the language of the questions (%NULL: the project's)
 * @error: return location for an error
 *
 * Turns every gap and weak wording of the offer into a question stored in the project
 * (#CsProviderQuestion), in one transaction: new gaps get a question, known ones keep theirs
 * and their answer, and unanswered questions whose gap was fixed are removed.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_handover_update_questions (CsStore      *store,
                              CsChecklist  *checklist,
                              CsLinter     *linter,
                              gint64        offer_id,
                              const char   *language,
                              GError      **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  SyncData data;

  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (CS_IS_CHECKLIST (checklist), FALSE);

  questions = review_questions (store, checklist, linter, offer_id, language, error);
  if (questions == NULL)
    return FALSE;
  data.offer_id = offer_id;
  data.questions = questions;
  return cs_store_batch (store, sync_questions, &data, error);
}

/**
 * cs_handover_question_free:
 * @question: (nullable): a #CsHandoverQuestion
 *
 * Frees @question and drops its record.
 */
void
cs_handover_question_free (CsHandoverQuestion *question)
{
  if (question == NULL)
    return;
  g_clear_object (&question->record);
  g_free (question);
}

static CsHandoverQuestion *
handover_question_new (CsSection  section,
                       guint      number,
                       CsRecord  *record)
{
  CsHandoverQuestion *question = g_new0 (CsHandoverQuestion, 1);

  question->section = section;
  question->number = number;
  question->record = CS_PROVIDER_QUESTION (g_object_ref (record));
  return question;
}

/**
 * cs_handover_list_questions:
 * @store: a #CsStore
 * @checklist: the checklist rules
 * @linter: (nullable): the clause linter
 * @offer_id: the offer
 * @language: (nullable): the language of the questions (%NULL: the project's)
 * @error: return location for an error
 *
 * The questions of the offer as they are answered: refreshed from the review as the questions
 * document does (cs_handover_update_questions(), when the project is open for writing), then
 * in the document's order with its numbers and sections. Questions answered earlier whose gap
 * was closed since follow, with section %CS_N_SECTIONS and number 0: their answers are kept.
 *
 * Returns: (transfer full) (element-type CsHandoverQuestion): the questions, or %NULL with
 *   @error set
 */
GPtrArray *
cs_handover_list_questions (CsStore      *store,
                            CsChecklist  *checklist,
                            CsLinter     *linter,
                            gint64        offer_id,
                            const char   *language,
                            GError      **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GHashTable) by_item = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *stored;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_CHECKLIST (checklist), NULL);

  questions = review_questions (store, checklist, linter, offer_id, language, error);
  if (questions == NULL)
    return NULL;

  if (!cs_store_is_read_only (store))
    {
      SyncData data = { offer_id, questions };

      if (!cs_store_batch (store, sync_questions, &data, error))
        return NULL;
    }

  stored = cs_store_list (store, CS_TYPE_PROVIDER_QUESTION, offer_id);
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      CsRecord *record = g_list_model_get_item (stored, i);

      g_hash_table_insert (by_item, (gpointer) cs_record_get_string (record, "item_id"), record);
      g_object_unref (record); /* the store's list keeps it */
    }

  listed = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_handover_question_free);
  for (guint i = 0; i < questions->len; i++)
    {
      Question *question = g_ptr_array_index (questions, i);
      CsRecord *record = g_hash_table_lookup (by_item, question->item_id);

      if (record == NULL)
        continue; /* a read-only project that never recorded this one */
      g_ptr_array_add (listed, handover_question_new (question->section, i + 1, record));
      g_hash_table_remove (by_item, question->item_id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (stored, i);

      if (g_hash_table_contains (by_item, cs_record_get_string (record, "item_id")))
        g_ptr_array_add (listed, handover_question_new (CS_N_SECTIONS, 0, record));
    }
  return g_steal_pointer (&listed);
}

static void
add_question_row (CsDocumentTable *table,
                  guint            number,
                  const char      *question,
                  const char      *reference,
                  const char      *answer)
{
  CsDocumentRow *row = cs_document_table_add_row (table);

  cs_document_row_add_number (row, number, 0, NULL);
  cs_document_row_add_text (row, question);
  cs_document_row_add_text (row, reference);
  cs_document_row_add_text (row, answer);
}

/**
 * cs_handover_build_questions:
 * @store: a #CsStore
 * @checklist: the checklist rules
 * @linter: (nullable): the clause linter
 * @offer_id: the offer
 * @language: (nullable): "en", "fr", or %NULL / "" for the project's language
 * @error: return location for an error
 *
 * The questions for the provider: every gap and weak wording of the offer as a numbered
 * question with its contract reference, grouped by section, with the answer recorded so far.
 * A project open for writing keeps the questions (cs_handover_update_questions()) so that the
 * answers can be recorded against them; a read-only one is only read.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CsDocument *
cs_handover_build_questions (CsStore      *store,
                             CsChecklist  *checklist,
                             CsLinter     *linter,
                             gint64        offer_id,
                             const char   *language,
                             GError      **error)
{
  CsHandoverContext context, *ctx = &context;
  g_autoptr(CsDocument) doc = NULL;
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  GListModel *stored = NULL;
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *intro = NULL;
  CsDocumentTable *table = NULL;
  int current = -1;
  CsOffer *offer;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_CHECKLIST (checklist), NULL);

  if (!cs_store_is_read_only (store)
      && !cs_handover_update_questions (store, checklist, linter, offer_id, language, error))
    return NULL;

  _cs_handover_context_init (ctx, store, checklist, linter, language);
  offer = _cs_handover_find_offer (ctx, offer_id, error);
  if (offer == NULL || (report = cs_checklist_evaluate (checklist, store, linter, offer_id, error)) == NULL)
    {
      _cs_handover_context_clear (ctx);
      return NULL;
    }
  questions = compute_questions (ctx, report);
  stored = cs_store_list (store, CS_TYPE_PROVIDER_QUESTION, offer_id);
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (stored, i);

      g_hash_table_insert (answers, (gpointer) cs_record_get_string (record, "item_id"),
                           (gpointer) cs_record_get_string (record, "answer"));
    }

  doc = _cs_handover_new_document (ctx, T (kind_titles[CS_HANDOVER_QUESTIONS]), offer);
  intro = g_strdup_printf (T (N_("Questions for %s about its offer: each points at a gap or a "
                                 "weak wording and gives the contract reference. Please answer "
                                 "each one in writing; the answers will be recorded against the "
                                 "question numbers.")),
                           cs_offer_get_provider (offer));
  cs_document_add_paragraph (doc, intro);

  for (guint i = 0; i < questions->len; i++)
    {
      Question *question = g_ptr_array_index (questions, i);

      if ((int) question->section != current)
        {
          current = question->section;
          cs_document_add_heading (doc, 1, _cs_handover_text (ctx, cs_section_get_title (question->section)));
          table = cs_document_add_table (doc, _cs_handover_text (ctx, cs_section_get_title (question->section)));
          cs_document_table_add_column (table, T (N_("No.")), 0.4);
          cs_document_table_add_column (table, T (N_("Question")), 4);
          cs_document_table_add_column (table, T (N_("Reference")), 1);
          cs_document_table_add_column (table, T (N_("Answer")), 2.2);
        }
      add_question_row (table, i + 1, question->question, question->reference,
                        g_hash_table_lookup (answers, question->item_id));
    }
  if (questions->len == 0)
    cs_document_add_paragraph (doc, T (N_("The review found no gap and no weak wording: there is "
                                          "no question to ask.")));

  _cs_handover_context_clear (ctx);
  return g_steal_pointer (&doc);
}

/**
 * cs_handover_build:
 * @store: a #CsStore
 * @checklist: the checklist rules
 * @linter: (nullable): the clause linter
 * @kind: the document
 * @offer_id: the offer (for the report, 0 for every offer)
 * @language: (nullable): "en", "fr", or %NULL / "" for the project's language
 * @error: return location for an error
 *
 * Builds one of the handed-over documents.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CsDocument *
cs_handover_build (CsStore         *store,
                   CsChecklist     *checklist,
                   CsLinter        *linter,
                   CsHandoverKind   kind,
                   gint64           offer_id,
                   const char      *language,
                   GError         **error)
{
  switch (kind)
    {
    case CS_HANDOVER_REVERSIBILITY:
      return cs_handover_build_reversibility (store, checklist, linter, offer_id, language, NULL,
                                              error);
    case CS_HANDOVER_QUESTIONS:
      return cs_handover_build_questions (store, checklist, linter, offer_id, language, error);
    case CS_HANDOVER_REPORT:
    default:
      return cs_handover_build_report (store, checklist, linter, offer_id, language, error);
    }
}

/**
 * cs_handover_default_file_name:
 * @store: a #CsStore
 * @kind: the document
 * @offer_id: the offer, or 0
 * @language: (nullable): the document's language (%NULL: the project's)
 * @format: the format
 *
 * Returns: (transfer full): a file name such as
 *   "Acme – Provider – Reversibility checklist – 2026-12-07.pdf", without any character a
 *   file system refuses
 */
char *
cs_handover_default_file_name (CsStore          *store,
                               CsHandoverKind    kind,
                               gint64            offer_id,
                               const char       *language,
                               CsDocumentFormat  format)
{
  g_autofree char *lang = cs_handover_resolve_language (store, language);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CsProject *project = cs_store_get_project (store);
  CsRecord *offer = offer_id > 0 ? cs_store_find (store, CS_TYPE_OFFER, offer_id) : NULL;
  g_autofree char *name = NULL;

  if (project != NULL && *cs_record_get_string (CS_RECORD (project), "client_name") != '\0')
    g_ptr_array_add (parts, g_strdup (cs_record_get_string (CS_RECORD (project), "client_name")));
  if (offer != NULL && *cs_offer_get_provider (CS_OFFER (offer)) != '\0')
    g_ptr_array_add (parts, g_strdup (cs_offer_get_provider (CS_OFFER (offer))));
  g_ptr_array_add (parts, g_strdup (cs_handover_kind_get_title (kind, lang)));
  g_ptr_array_add (parts, g_date_time_format (now, "%Y-%m-%d"));
  g_ptr_array_add (parts, NULL);

  name = g_strjoinv (" – ", (char **) parts->pdata);
  g_strdelimit (name, "/\\:*?\"<>|\r\n\t", '-');
  if (name[0] == '.')
    name[0] = '_';
  return g_strdup_printf ("%s.%s", name, cs_document_format_get_extension (format));
}
