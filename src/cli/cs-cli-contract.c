/* cs-cli-contract.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-commands.h"
#include "cs-contract.h"
#include "cs-finding.h"

#include <stdio.h>

#include <json-glib/json-glib.h>

/*
 * contract-scope-cli read-contract PROJECT --offer NAME FILE [--accept-all] [--json]
 *
 * Reads the provider's contract (PDF, ODT, DOCX or text) and prints its clauses with their
 * reference, page, section and confidence, the linter's findings, the values proposed for
 * the offer's fields and the gaps (sections and critical checklist items the contract says
 * nothing about). The contract is read before the project is opened, so a refused document
 * never touches the project; the project is opened read-only unless --accept-all asks to
 * write every proposed value (with its clause as evidence).
 */

static void
set_usage_error (GError     **error,
                 const char  *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
}

static CsOffer *
find_offer (CsStore     *store,
            const char  *name,
            GError     **error)
{
  GListModel *offers = cs_store_get_offers (store);
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  guint64 number = 0;
  guint n = g_list_model_get_n_items (offers);

  if (n > 0 && g_ascii_string_to_unsigned (name, 10, 1, n, &number, NULL))
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, number - 1);

      return offer; /* the live list keeps it */
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);
      g_autofree char *provider = g_utf8_casefold (cs_offer_get_provider (offer), -1);

      if (g_str_equal (provider, wanted))
        return offer; /* the live list keeps it */
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("No offer matches “%s”: name its provider or its number in “info”"), name);
  return NULL;
}

static const char *
format_name (CsContractFormat format)
{
  switch (format)
    {
    case CS_CONTRACT_FORMAT_PDF: return "PDF";
    case CS_CONTRACT_FORMAT_ODT: return "ODT";
    case CS_CONTRACT_FORMAT_DOCX: return "DOCX";
    case CS_CONTRACT_FORMAT_TEXT:
    default:
      return _("text");
    }
}

/* @text followed by spaces up to @width characters. */
static char *
pad (const char *text,
     glong       width)
{
  glong n = g_utf8_strlen (text, -1);
  g_autofree char *spaces = g_strnfill (MAX (width - n, 0), ' ');

  return g_strconcat (text, spaces, NULL);
}

/* The first line of @text, cut to about @width characters. */
static char *
excerpt (const char *text,
         glong       width)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));

  if (g_utf8_strlen (line, -1) <= width)
    return g_steal_pointer (&line);
  *g_utf8_offset_to_pointer (line, width - 1) = '\0';
  return g_strconcat (line, "…", NULL);
}

static void
print_document (CsContractDocument *document,
                GPtrArray          *gaps)
{
  guint n_pages = cs_contract_document_get_n_pages (document);
  guint n_clauses = cs_contract_document_get_n_clauses (document);
  /* Translators: a count of pages, in "Contract: PDF, 12 pages, 40 clauses" */
  g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages",
                                                         n_pages), n_pages);
  /* Translators: a count of clauses, in "Contract: PDF, 12 pages, 40 clauses" */
  g_autofree char *clauses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clause",
                                                           "%u clauses", n_clauses), n_clauses);

  /* Translators: the format of a contract, then its counts ("12 pages", "40 clauses") */
  g_print (_("Contract: %s, %s, %s\n"), format_name (cs_contract_document_get_format (document)),
           pages, clauses);

  g_print ("\n%s\n", _("Clauses"));
  for (guint i = 0; i < cs_contract_document_get_n_clauses (document); i++)
    {
      const CsContractClause *clause = cs_contract_document_get_clause (document, i);
      g_autofree char *text = excerpt (clause->text, 70);
      g_autofree char *reference = pad (*clause->reference != '\0' ? clause->reference : "—", 14);
      g_autofree char *section = pad (cs_contract_section_get_title (clause->section), 18);

      g_print ("  %s %s %-3u %s %3.0f %%  %s\n", reference, _("p."), clause->page, section,
               clause->confidence * 100, text);
      for (guint k = 0; clause->findings != NULL && k < clause->findings->len; k++)
        g_print ("      ⚠ %s\n", cs_finding_get_message (g_ptr_array_index (clause->findings, k)));
    }

  g_print ("\n%s\n", _("Proposed values"));
  if (cs_contract_document_get_n_proposals (document) == 0)
    g_print ("  %s\n", _("None"));
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    {
      const CsContractProposal *p = cs_contract_document_get_proposal (document, i);
      const CsContractClause *clause = cs_contract_document_get_clause (document, p->clause);
      g_print ("  %-28s %-16s %s %-14s (%s.%s = %g%s%s)\n", p->label, p->display, _("from"),
               clause->reference, p->table, p->column, p->value, p->unit != NULL ? " " : "",
               p->unit != NULL ? p->unit : "");
    }

  g_print ("\n%s\n", _("Gaps: what the contract does not say"));
  if (gaps->len == 0)
    g_print ("  %s\n", _("None"));
  for (guint i = 0; i < gaps->len; i++)
    {
      CsContractGap *gap = g_ptr_array_index (gaps, i);

      g_autofree char *section = pad (cs_contract_section_get_title (gap->section), 18);

      g_print ("  %s %s%s%s\n", section,
               gap->item_id != NULL ? gap->item_id : "", gap->item_id != NULL ? " " : "",
               gap->title);
    }
}

static void
build_json (JsonBuilder        *builder,
            CsContractDocument *document,
            GPtrArray          *gaps,
            guint               n_accepted)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format_name (cs_contract_document_get_format (document)));
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, cs_contract_document_get_n_pages (document));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, cs_language_to_string (cs_contract_document_get_language (document)));

  json_builder_set_member_name (builder, "clauses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cs_contract_document_get_n_clauses (document); i++)
    {
      const CsContractClause *clause = cs_contract_document_get_clause (document, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reference");
      json_builder_add_string_value (builder, clause->reference);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, clause->page);
      json_builder_set_member_name (builder, "section");
      json_builder_add_string_value (builder, clause->section);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, clause->confidence);
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, clause->heading);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, clause->text);
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint k = 0; clause->findings != NULL && k < clause->findings->len; k++)
        {
          CsFinding *finding = g_ptr_array_index (clause->findings, k);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, cs_finding_get_id (finding));
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, cs_severity_to_string (cs_finding_get_severity (finding)));
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, cs_finding_get_message (finding));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "proposals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    {
      const CsContractProposal *p = cs_contract_document_get_proposal (document, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, p->field);
      json_builder_set_member_name (builder, "priority");
      json_builder_add_int_value (builder, p->priority);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, p->value);
      json_builder_set_member_name (builder, "unit");
      if (p->unit != NULL)
        json_builder_add_string_value (builder, p->unit);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, p->display);
      json_builder_set_member_name (builder, "reference");
      json_builder_add_string_value (builder,
                                     cs_contract_document_get_clause (document, p->clause)->reference);
      /* the other values the contract gives for the field, the proposed one first */
      json_builder_set_member_name (builder, "candidates");
      json_builder_begin_array (builder);
      for (guint k = 0; p->candidates != NULL && k < p->candidates->len; k++)
        {
          const CsContractCandidate *c = &g_array_index (p->candidates, CsContractCandidate, k);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          json_builder_add_double_value (builder, c->value);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, c->display);
          json_builder_set_member_name (builder, "reference");
          json_builder_add_string_value (builder,
                                         cs_contract_document_get_clause (document, c->clause)->reference);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "gaps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gaps->len; i++)
    {
      CsContractGap *gap = g_ptr_array_index (gaps, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "section");
      json_builder_add_string_value (builder, gap->section);
      json_builder_set_member_name (builder, "item");
      if (gap->item_id != NULL)
        json_builder_add_string_value (builder, gap->item_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gap->title);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "accepted");
  json_builder_add_int_value (builder, n_accepted);
  json_builder_end_object (builder);
}

static gboolean
accept_all (CsContractDocument  *document,
            CsStore             *store,
            CsOffer             *offer,
            guint               *out_n,
            GError             **error)
{
  g_autoptr(CsContractUndo) undo = cs_contract_undo_new ();

  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    {
      const CsContractProposal *p = cs_contract_document_get_proposal (document, i);

      if (!cs_contract_document_accept (document, i, p->value, store, offer, undo, error))
        {
          /* all or nothing: take back what was written */
          g_autoptr(GError) undo_error = NULL;

          if (!cs_contract_undo_apply (undo, store, &undo_error))
            g_warning ("could not take back the accepted values: %s", undo_error->message);
          return FALSE;
        }
    }
  *out_n = cs_contract_document_get_n_proposals (document);
  return TRUE;
}

gboolean
run_read_contract (int      argc,
                   char   **argv,
                   GError **error)
{
  g_autofree char *offer_name = NULL;
  gboolean accept = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "offer", 0, 0, G_OPTION_ARG_STRING, &offer_name, N_("The offer the contract belongs to"), N_("NAME") },
    { "accept-all", 0, 0, G_OPTION_ARG_NONE, &accept, N_("Write every proposed value into the offer"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT FILE"));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CsContractDocument) document = NULL;
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(CsChecklist) checklist = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  CsOffer *offer = NULL;
  guint n_accepted = 0;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Read a contract document into an offer: clauses, sections, findings, proposed values and gaps."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &local_error))
    {
      set_usage_error (error, local_error->message);
      return FALSE;
    }
  if (argc != 3)
    {
      set_usage_error (error, argc < 3 ? _("Give the project and the contract file")
                                       : _("Too many arguments"));
      return FALSE;
    }
  if (offer_name == NULL)
    {
      set_usage_error (error, _("Name the offer with --offer"));
      return FALSE;
    }

  /* the document first: a refused one never opens the project */
  document = cs_contract_document_new_from_file (argv[2], NULL, error);
  if (document == NULL)
    return FALSE;
  linter = cs_linter_new_default (error);
  if (linter == NULL || !cs_contract_document_analyse (document, linter, NULL, error))
    return FALSE;
  checklist = cs_checklist_new_default (error);
  if (checklist == NULL)
    return FALSE;

  store = cs_store_open (argv[1], accept ? CS_STORE_OPEN_DEFAULT : CS_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;
  offer = find_offer (store, offer_name, error);
  if (offer == NULL || (accept && !accept_all (document, store, offer, &n_accepted, error)))
    {
      cs_store_close (store);
      return FALSE;
    }
  report = cs_checklist_evaluate (checklist, store, linter, cs_record_get_id (CS_RECORD (offer)), error);
  if (report == NULL)
    {
      cs_store_close (store);
      return FALSE;
    }
  gaps = cs_contract_document_list_gaps (document, report);
  cs_store_close (store);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      build_json (builder, document, gaps, n_accepted);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
      return TRUE;
    }

  print_document (document, gaps);
  if (accept)
    {
      g_print ("\n");
      g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u value into the offer.\n",
                            "Wrote %u values into the offer.\n", n_accepted), n_accepted);
    }
  return TRUE;
}
