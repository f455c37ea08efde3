/* cs-cli-export.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>

#include "cs-checklist.h"
#include "cs-cli-commands.h"
#include "cs-exchange.h"
#include "cs-handover.h"
#include "cs-store.h"

/*
 * `contract-scope-cli export`: the documents handed over, through the same core calls as the
 * application. The project is opened read-only, except for the questions, which are recorded in
 * it so that the answers can be entered later. `--document xml` writes the whole project in the
 * XML exchange format (the same as `export-xml`).
 */

static void
set_usage_error (GError     **error,
                 const char  *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
}

static CsRecord *
find_offer (CsStore     *store,
            const char  *name,
            GError     **error)
{
  GListModel *offers = cs_store_get_offers (store);
  guint n_offers = g_list_model_get_n_items (offers);
  g_autofree char *wanted = NULL;
  CsRecord *prefix_match = NULL;
  guint n_prefix = 0;
  guint64 number = 0;

  if (name == NULL)
    {
      if (n_offers == 1)
        {
          g_autoptr(CsRecord) offer = g_list_model_get_item (offers, 0);

          return offer; /* the live list keeps it */
        }
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           n_offers == 0 ? _("The project has no offer")
                                         : _("The project has several offers: choose one with "
                                             "--offer"));
      return NULL;
    }

  if (n_offers > 0 && g_ascii_string_to_unsigned (name, 10, 1, n_offers, &number, NULL))
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, number - 1);

      return offer; /* the live list keeps it */
    }

  wanted = g_utf8_casefold (name, -1);
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

/* The same file under another name (a link, "./x") counts too. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

typedef struct
{
  char *document;
  char *format;
  char *offer;
  char *lang;
  char *paper;
  char *output;
  char *notice;
  gboolean force;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->document);
  g_free (options->format);
  g_free (options->offer);
  g_free (options->lang);
  g_free (options->paper);
  g_free (options->output);
  g_free (options->notice);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
check_options (Options           *options,
               int                argc,
               gboolean          *out_xml,
               CsHandoverKind    *out_kind,
               CsDocumentFormat  *out_format,
               CsPaperSize       *out_paper,
               GError           **error)
{
  const char *dot;

  *out_xml = FALSE;
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
  if (options->document == NULL)
    {
      set_usage_error (error, _("No document given: --document reversibility, report, questions "
                                "or xml"));
      return FALSE;
    }
  if (options->output == NULL)
    {
      set_usage_error (error, _("No output file given: -o FILE"));
      return FALSE;
    }
  /* The whole project in the exchange format (cs-exchange): XML only, no offer, no language. */
  if (g_str_equal (options->document, "xml"))
    {
      if (options->format != NULL && g_ascii_strcasecmp (options->format, "xml") != 0)
        {
          set_usage_error (error, _("The xml document is written in the xml format only"));
          return FALSE;
        }
      *out_xml = TRUE;
      return TRUE;
    }
  if (options->format != NULL && g_ascii_strcasecmp (options->format, "xml") == 0)
    {
      set_usage_error (error, _("The xml format is for --document xml only"));
      return FALSE;
    }
  if (!cs_handover_kind_from_string (options->document, out_kind))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown document “%s”: reversibility, "
                                                    "report, questions or xml"),
                                                  options->document);
      set_usage_error (error, message);
      return FALSE;
    }
  /* the format, given or from the output's extension */
  dot = strrchr (options->output, '.');
  if (options->format == NULL && dot != NULL)
    options->format = g_strdup (dot + 1);
  if (!cs_document_format_from_string (options->format, out_format))
    {
      g_autofree char *message = NULL;

      message = options->format == NULL
                ? g_strdup (_("No format given: --format pdf, html, csv, xlsx or md"))
                : g_strdup_printf (_("Unknown format “%s”: pdf, html, csv, xlsx or md"),
                                   options->format);
      set_usage_error (error, message);
      return FALSE;
    }
  *out_paper = cs_paper_size_for_locale ();
  if (options->paper != NULL && !cs_paper_size_from_string (options->paper, out_paper))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown paper “%s”: a4 or letter"),
                                                  options->paper);
      set_usage_error (error, message);
      return FALSE;
    }
  if (options->lang != NULL && !g_str_equal (options->lang, "en")
      && !g_str_equal (options->lang, "fr"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown language “%s”: en or fr"),
                                                  options->lang);
      set_usage_error (error, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_xml (const char  *project,
            Options     *options,
            GError     **error)
{
  g_autofree char *display = g_filename_display_name (options->output);
  g_autoptr(CsStore) store = NULL;
  gboolean ok;

  if (!options->force && g_file_test (options->output, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_EXISTS,
                   _("“%s” already exists; it was left as it was"), display);
      return FALSE;
    }
  store = cs_store_open (project, CS_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;
  ok = cs_exchange_export_to_file (store, options->output, error);
  cs_store_close (store);
  if (ok)
    g_print (_("Wrote %s\n"), display);
  return ok;
}

/**
 * run_export:
 * @argc: the number of arguments, the command name first
 * @argv: the arguments
 * @error: return location for a #GError
 *
 * Runs `contract-scope-cli export`.
 *
 * Returns: %TRUE on success
 */
gboolean
run_export (int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsChecklist) checklist = NULL;
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(CsDocument) doc = NULL;
  g_auto(Options) options = { 0, };
  g_autofree char *display = NULL;
  CsHandoverKind kind = CS_HANDOVER_REPORT;
  CsDocumentFormat format = CS_DOCUMENT_FORMAT_PDF;
  CsPaperSize paper = CS_PAPER_A4;
  gboolean xml = FALSE;
  g_autoptr(GDate) notice_date = NULL;
  gint64 offer_id = 0;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &options.document,
      N_("The document: reversibility, report, questions or xml"), N_("DOCUMENT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format,
      N_("The format: pdf, html, csv, xlsx or md (default: from the output’s extension)"),
      N_("FORMAT") },
    { "offer", 0, 0, G_OPTION_ARG_STRING, &options.offer,
      N_("The offer of this provider (or its number); the report covers every offer without it"),
      N_("NAME") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.lang,
      N_("The language of the document: en or fr (default: the project’s)"), N_("LANG") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper,
      N_("The paper of a PDF: a4 or letter (default: the locale’s)"), N_("PAPER") },
    { "notice-date", 0, 0, G_OPTION_ARG_STRING, &options.notice,
      N_("Reversibility checklist: the day notice was given, so that deadlines become dates"),
      N_("YYYY-MM-DD") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &options.force,
      N_("Replace the output file if it exists"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output, N_("The file to write"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("PROJECT"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Export a document: the reversibility checklist, the review "
                                  "report or the questions for the provider."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &local_error))
    {
      set_usage_error (error, local_error->message);
      return FALSE;
    }
  if (!check_options (&options, argc, &xml, &kind, &format, &paper, error))
    return FALSE;
  if (options.notice != NULL)
    {
      int year = 0, month = 0, day = 0;
      char end = 0;

      notice_date = g_date_new ();
      if (sscanf (options.notice, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3
          && g_date_valid_dmy (day, month, year))
        g_date_set_dmy (notice_date, day, month, year);
      else
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date: give it as "
                                                        "YYYY-MM-DD"), options.notice);
          set_usage_error (error, message);
          return FALSE;
        }
    }

  display = g_filename_display_name (options.output);
  /* Never the project itself, even with --force. */
  if (same_file (argv[1], options.output))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the project itself; choose another output file"), display);
      return FALSE;
    }

  if (xml)
    return export_xml (argv[1], &options, error);

  checklist = cs_checklist_new_default (error);
  if (checklist == NULL)
    return FALSE;
  linter = cs_linter_new_default (error);
  if (linter == NULL)
    return FALSE;

  /* The questions are recorded in the project, so that the answers can be entered later. */
  store = cs_store_open (argv[1], kind == CS_HANDOVER_QUESTIONS ? CS_STORE_OPEN_DEFAULT
                                                                : CS_STORE_OPEN_READ_ONLY,
                         error);
  if (store == NULL)
    return FALSE;

  if (options.offer != NULL || kind != CS_HANDOVER_REPORT)
    {
      CsRecord *offer = find_offer (store, options.offer, error);

      if (offer == NULL)
        {
          cs_store_close (store);
          return FALSE;
        }
      offer_id = cs_record_get_id (offer);
    }

  if (kind == CS_HANDOVER_REVERSIBILITY && notice_date != NULL)
    doc = cs_handover_build_reversibility (store, checklist, linter, offer_id, options.lang,
                                           notice_date, error);
  else
    doc = cs_handover_build (store, checklist, linter, kind, offer_id, options.lang, error);
  if (doc == NULL)
    {
      cs_store_close (store);
      return FALSE;
    }
  cs_document_set_paper (doc, paper);
  if (!cs_document_write (doc, format, options.output, options.force, NULL, error))
    {
      g_clear_object (&doc);
      cs_store_close (store);
      return FALSE;
    }
  g_clear_object (&doc);
  cs_store_close (store);

  /* Translators: %s is a file name */
  g_print (_("Wrote %s\n"), display);
  return TRUE;
}
