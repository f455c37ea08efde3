/* cs-contract.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-contract"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-contract-private.h"
#include "cs-finding.h"

#include <string.h>

/**
 * CsContractDocument:
 *
 * The provider's contract as the consultant received it — a PDF, ODT, DOCX or plain-text
 * file — read into clauses with their references and pages, sorted into sections, linted,
 * and with typed values proposed as field values of an offer.
 *
 * Reading never changes the file and never copies it anywhere. Nothing is written into a
 * project until cs_contract_document_accept() is called for a proposal; each acceptance is
 * recorded in a #CsContractUndo so that it can be taken back.
 */
struct _CsContractDocument
{
  GObject           parent_instance;

  CsContractFormat  format;
  guint             n_pages;
  CsLanguage        language;
  GPtrArray        *clauses;     /* CsContractClause */
  GPtrArray        *proposals;   /* CsContractProposal */
};

G_DEFINE_FINAL_TYPE (CsContractDocument, cs_contract_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (cs-contract-error-quark, cs_contract_error)

static const struct
{
  const char *section;
  const char *title;
} section_titles[] = {
  { "perimeter", N_("Perimeter") },
  { "exclusions", N_("Exclusions") },
  { "responsibilities", N_("Responsibilities") },
  { "sla", N_("SLA") },
  { "backup", N_("Backup") },
  { "security", N_("Security & Access") },
  { "subcontracting", N_("Subcontracting") },
  { "exit", N_("Exit") },
  { "terms", N_("Terms") },
  { "gdpr", N_("GDPR") },
  { "other", N_("Other") },
};

static const struct
{
  const char *field;
  guint       priority;
  const char *label;
} field_labels[] = {
  { "sla_target.response_value", 1, N_("P1 response time") },
  { "sla_target.resolution_value", 1, N_("P1 resolution time") },
  { "sla_target.response_value", 2, N_("P2 response time") },
  { "sla_target.resolution_value", 2, N_("P2 resolution time") },
  { "sla_target.response_value", 3, N_("P3 response time") },
  { "sla_target.resolution_value", 3, N_("P3 resolution time") },
  { "sla_target.response_value", 4, N_("P4 response time") },
  { "sla_target.resolution_value", 4, N_("P4 resolution time") },
  { "sla_terms.availability_target", 0, N_("Availability") },
  { "sla_terms.maintenance_notice_days", 0, N_("Maintenance notice") },
  { "sla_terms.credits_cap_percent", 0, N_("Service credits cap") },
  { "backup_policy.rpo_hours", 0, N_("RPO") },
  { "backup_policy.rto_hours", 0, N_("RTO") },
  { "backup_policy.retention_days", 0, N_("Backup retention") },
  { "backup_policy.frequency_hours", 0, N_("Backup frequency") },
  { "backup_policy.restore_test_months", 0, N_("Restore test interval") },
  { "exit_terms.transition_days", 0, N_("Transition period") },
  { "exit_terms.retrieval_days", 0, N_("Data retrieval window") },
  { "exit_terms.plan_delivery_months", 0, N_("Exit plan delivery") },
  { "terms.term_months", 0, N_("Initial term") },
  { "terms.notice_days", 0, N_("Notice period") },
  { "terms.renewal_months", 0, N_("Renewal period") },
  { "terms.revision_cap_percent", 0, N_("Price revision cap") },
  { "terms.breach_notification_hours", 0, N_("Breach notification") },
  { "terms.liability_cap", 0, N_("Liability cap") },
  { "subcontracting.notice_days", 0, N_("Subcontractor change notice") },
  { "offer.price_recurring", 0, N_("Recurring price") },
  { "offer.price_one_off", 0, N_("One-off price") },
};

static void
cs_contract_document_finalize (GObject *object)
{
  CsContractDocument *self = CS_CONTRACT_DOCUMENT (object);

  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_contract_document_parent_class)->finalize (object);
}

static void
cs_contract_document_class_init (CsContractDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_contract_document_finalize;
}

static void
cs_contract_document_init (CsContractDocument *self)
{
  self->proposals = g_ptr_array_new_with_free_func (_cs_contract_proposal_free);
}

/**
 * cs_contract_section_get_title:
 * @section: a section id of cs_contract_sections()
 *
 * Returns: (transfer none): the translated title of @section
 */
const char *
cs_contract_section_get_title (const char *section)
{
  g_return_val_if_fail (section != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    if (g_str_equal (section_titles[i].section, section))
      return _(section_titles[i].title);
  return section;
}

/**
 * cs_contract_section_to_section:
 * @section: a section id of cs_contract_sections()
 *
 * Returns: the offer section whose page shows clauses of @section ("gdpr" is under terms;
 *   "other": %CS_SECTION_DASHBOARD)
 */
CsSection
cs_contract_section_to_section (const char *section)
{
  CsSection result = CS_SECTION_DASHBOARD;

  g_return_val_if_fail (section != NULL, CS_SECTION_DASHBOARD);

  if (g_str_equal (section, "gdpr"))
    return CS_SECTION_TERMS;
  if (!cs_section_from_id (section, &result))
    return CS_SECTION_DASHBOARD;
  return result;
}

static CsContractFormat
sniff (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return CS_CONTRACT_FORMAT_PDF;
  if (size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return CS_CONTRACT_FORMAT_DOCX;
  return CS_CONTRACT_FORMAT_TEXT;
}

/**
 * cs_contract_document_new_from_bytes:
 * @bytes: the file contents
 * @name: (nullable): the file name, unused but for debugging
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #CsContractError
 *
 * Reads a contract from memory: its format is told from its first bytes.
 *
 * Returns: (transfer full) (nullable): the document split into clauses (not yet analysed), or
 *   %NULL with @error set
 */
CsContractDocument *
cs_contract_document_new_from_bytes (GBytes        *bytes,
                                     const char    *name,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_autoptr(CsContractDocument) self = NULL;
  g_autoptr(GArray) lines = _cs_contract_lines_new ();
  g_autoptr(GString) all = g_string_new (NULL);
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  g_debug ("reading %s", name != NULL ? name : "(memory)");
  if (g_bytes_get_size (bytes) > CS_CONTRACT_MAX_SIZE)
    {
      g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_TOO_LARGE,
                   _("This file is larger than %d MB, far above any contract. Nothing was read from it."),
                   CS_CONTRACT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_EMPTY,
                           _("This file is empty."));
      return NULL;
    }

  self = g_object_new (CS_TYPE_CONTRACT_DOCUMENT, NULL);
  self->format = sniff (bytes);
  switch (self->format)
    {
    case CS_CONTRACT_FORMAT_PDF:
      ok = _cs_contract_read_pdf (bytes, cancellable, lines, &self->n_pages, error);
      break;
    case CS_CONTRACT_FORMAT_DOCX:
    case CS_CONTRACT_FORMAT_ODT:
      ok = _cs_contract_read_zip (bytes, &self->format, lines, &self->n_pages, error);
      break;
    case CS_CONTRACT_FORMAT_TEXT:
    default:
      ok = _cs_contract_read_text (bytes, lines, &self->n_pages, error);
      break;
    }
  if (!ok)
    return NULL;
  if (lines->len == 0)
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_EMPTY,
                           _("This document has no text."));
      return NULL;
    }

  _cs_contract_remove_furniture (lines, self->n_pages);
  for (guint i = 0; i < lines->len && all->len < 64 * 1024; i++)
    {
      g_string_append (all, g_array_index (lines, CsContractLine, i).text);
      g_string_append_c (all, '\n');
    }
  self->language = cs_linter_guess_language (all->str, all->len);
  self->clauses = _cs_contract_split (lines);
  _cs_contract_classify (self->clauses, self->language);

  return g_steal_pointer (&self);
}

/**
 * cs_contract_document_new_from_file:
 * @path: the contract file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #CsContractError or #GIOError
 *
 * Reads a contract file without changing it (see cs_contract_document_new_from_bytes()).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
CsContractDocument *
cs_contract_document_new_from_file (const char    *path,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_UNKNOWN_FORMAT,
                   _("“%s” is not a regular file."), path);
      return NULL;
    }
  if (g_file_info_get_size (info) > CS_CONTRACT_MAX_SIZE)
    {
      g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_TOO_LARGE,
                   _("This file is larger than %d MB, far above any contract. Nothing was read from it."),
                   CS_CONTRACT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  base = g_path_get_basename (path);
  return cs_contract_document_new_from_bytes (bytes, base, cancellable, error);
}

/**
 * cs_contract_document_analyse:
 * @self: a document
 * @linter: the clause linter
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Lints every clause (in its section) and extracts the values to propose.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_contract_document_analyse (CsContractDocument  *self,
                              CsLinter            *linter,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CS_IS_LINTER (linter), FALSE);

  for (guint i = 0; i < self->clauses->len; i++)
    {
      CsContractClause *clause = g_ptr_array_index (self->clauses, i);
      GPtrArray *findings = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      findings = cs_linter_check (linter, clause->text, -1, self->language,
                                  cs_contract_section_to_section (clause->section), 0, error);
      if (findings == NULL)
        return FALSE;
      g_clear_pointer (&clause->findings, g_ptr_array_unref);
      clause->findings = findings;
    }

  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  self->proposals = _cs_contract_propose (self->clauses, self->language);
  for (guint i = 0; i < self->proposals->len; i++)
    {
      CsContractProposal *proposal = g_ptr_array_index (self->proposals, i);

      proposal->label = proposal->field;
      for (guint k = 0; k < G_N_ELEMENTS (field_labels); k++)
        if (g_str_equal (field_labels[k].field, proposal->field)
            && field_labels[k].priority == proposal->priority)
          proposal->label = _(field_labels[k].label);
    }
  return TRUE;
}

/**
 * cs_contract_document_get_format:
 * @self: a document
 *
 * Returns: the format the document was read from
 */
CsContractFormat
cs_contract_document_get_format (CsContractDocument *self)
{
  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), CS_CONTRACT_FORMAT_TEXT);
  return self->format;
}

/**
 * cs_contract_document_get_n_pages:
 * @self: a document
 *
 * Returns: the number of pages (page breaks + 1 for ODT, DOCX and text)
 */
guint
cs_contract_document_get_n_pages (CsContractDocument *self)
{
  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), 0);
  return self->n_pages;
}

/**
 * cs_contract_document_get_language:
 * @self: a document
 *
 * Returns: the language the document is written in, as guessed
 */
CsLanguage
cs_contract_document_get_language (CsContractDocument *self)
{
  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), CS_LANGUAGE_ANY);
  return self->language;
}

/**
 * cs_contract_document_get_n_clauses:
 * @self: a document
 *
 * Returns: the number of clauses
 */
guint
cs_contract_document_get_n_clauses (CsContractDocument *self)
{
  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), 0);
  return self->clauses->len;
}

/**
 * cs_contract_document_get_clause:
 * @self: a document
 * @index: a clause index
 *
 * Returns: (transfer none): the clause
 */
const CsContractClause *
cs_contract_document_get_clause (CsContractDocument *self,
                                 guint               index)
{
  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->clauses->len, NULL);
  return g_ptr_array_index (self->clauses, index);
}

/**
 * cs_contract_document_get_n_proposals:
 * @self: an analysed document
 *
 * Returns: the number of values proposed
 */
guint
cs_contract_document_get_n_proposals (CsContractDocument *self)
{
  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), 0);
  return self->proposals->len;
}

/**
 * cs_contract_document_choose:
 * @self: an analysed document
 * @proposal: a proposal index
 * @candidate: the index of one of its #CsContractProposal.candidates
 *
 * Makes @candidate the value proposed (and the clause given as evidence when it is accepted).
 *
 * Returns: %TRUE when @proposal has such a candidate
 */
gboolean
cs_contract_document_choose (CsContractDocument *self,
                             guint               proposal,
                             guint               candidate)
{
  CsContractProposal *p;
  const CsContractCandidate *c;

  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (proposal < self->proposals->len, FALSE);

  p = g_ptr_array_index (self->proposals, proposal);
  if (p->candidates == NULL || candidate >= p->candidates->len)
    return FALSE;

  c = &g_array_index (p->candidates, CsContractCandidate, candidate);
  p->value = c->value;
  p->unit = c->unit;
  g_free (p->display);
  p->display = g_strdup (c->display);
  p->clause = c->clause;
  p->chosen = candidate;
  return TRUE;
}

/**
 * cs_contract_document_get_proposal:
 * @self: an analysed document
 * @index: a proposal index
 *
 * Returns: (transfer none): the proposal
 */
const CsContractProposal *
cs_contract_document_get_proposal (CsContractDocument *self,
                                   guint               index)
{
  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->proposals->len, NULL);
  return g_ptr_array_index (self->proposals, index);
}

/**
 * cs_contract_gap_free:
 * @gap: a gap
 *
 * Frees @gap.
 */
void
cs_contract_gap_free (CsContractGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->item_id);
  g_free (gap->title);
  g_free (gap);
}

static gboolean
has_section (CsContractDocument *self,
             const char         *section)
{
  for (guint i = 0; i < self->clauses->len; i++)
    if (g_str_equal (((CsContractClause *) g_ptr_array_index (self->clauses, i))->section, section))
      return TRUE;
  return FALSE;
}

static gboolean
field_proposable (CsContractDocument *self,
                  const char         *column,
                  gboolean           *out_proposed)
{
  gboolean known = FALSE;

  *out_proposed = FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (field_labels); k++)
    {
      const char *dot = strchr (field_labels[k].field, '.');

      if (dot != NULL && g_str_equal (dot + 1, column))
        known = TRUE;
    }
  for (guint i = 0; i < self->proposals->len; i++)
    if (g_str_equal (((CsContractProposal *) g_ptr_array_index (self->proposals, i))->column, column))
      *out_proposed = TRUE;
  return known;
}

/**
 * cs_contract_document_list_gaps:
 * @self: an analysed document
 * @report: (nullable): the offer's checklist report, for its critical items
 *
 * Lists what the contract does not say: each section without a clause, then each critical
 * checklist item of @report whose section has no clause, or whose figure is one values are
 * proposed for and none was found.
 *
 * Returns: (transfer full) (element-type CsContractGap): the gaps
 */
GPtrArray *
cs_contract_document_list_gaps (CsContractDocument *self,
                                CsReport           *report)
{
  GPtrArray *gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_contract_gap_free);
  GListModel *results = NULL;

  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), NULL);

  for (const char * const *s = cs_contract_sections (); *s != NULL; s++)
    if (!g_str_equal (*s, "other") && !has_section (self, *s))
      {
        CsContractGap *gap = g_new0 (CsContractGap, 1);

        gap->section = *s;
        gap->title = g_strdup_printf (_("No clause about %s"), cs_contract_section_get_title (*s));
        g_ptr_array_add (gaps, gap);
      }

  results = report != NULL ? cs_report_get_results (report) : NULL;
  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CsFinding) item = g_list_model_get_item (results, i);
      const char *section = cs_section_get_id (cs_finding_get_section (item));
      const char *field = cs_finding_get_field (item);
      gboolean proposed = FALSE;
      gboolean missing = FALSE;
      CsContractGap *gap = NULL;

      if (cs_finding_get_severity (item) != CS_SEVERITY_CRITICAL)
        continue;
      missing = !has_section (self, section)
                && !(g_str_equal (section, "terms") && has_section (self, "gdpr"));
      if (!missing && field != NULL && field_proposable (self, field, &proposed))
        missing = !proposed;
      if (!missing)
        continue;
      gap = g_new0 (CsContractGap, 1);
      gap->section = cs_contract_sections ()[0];
      for (const char * const *s = cs_contract_sections (); *s != NULL; s++)
        if (g_str_equal (*s, section))
          gap->section = *s;
      gap->item_id = g_strdup (cs_finding_get_id (item));
      gap->title = g_strdup (cs_finding_get_title (item));
      g_ptr_array_add (gaps, gap);
    }
  return gaps;
}
