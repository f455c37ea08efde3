/* cs-cli-lint.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-commands.h"
#include "cs-linter.h"

#include <stdio.h>

#include <json-glib/json-glib.h>

/*
 * contract-scope-cli lint FILE [--lang en|fr] [--json]
 *
 * Checks the contract wording of a UTF-8 text file with the clause linter and prints each weak
 * wording with its line and column, why it is weak and a better wording. Finding weak wording
 * is not a failure: the exit status is 0 whenever the file could be checked.
 */

static void
set_usage_error (GError     **error,
                 const char  *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
}

/* Line and column (in characters), both from 1, of @offset in @text. */
static void
locate (const char *text,
        guint       offset,
        guint      *out_line,
        guint      *out_column)
{
  const char *line_start = text;
  guint line = 1;

  for (const char *p = text; p < text + offset; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }

  *out_line = line;
  *out_column = g_utf8_strlen (line_start, text + offset - line_start) + 1;
}

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

  /* JSON is UTF-8 whatever the locale: write the bytes, not through g_print(). */
  if (fwrite (data, 1, length, stdout) != length || fputc ('\n', stdout) == EOF)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the output"));
      return FALSE;
    }

  return TRUE;
}

/**
 * run_lint:
 * @argc: the number of arguments, the command name first
 * @argv: the arguments
 * @error: return location for a #GError
 *
 * Runs `contract-scope-cli lint`.
 *
 * Returns: %TRUE on success
 */
gboolean
run_lint (int      argc,
          char   **argv,
          GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gboolean json = FALSE;
  gsize length = 0;
  CsLanguage language = CS_LANGUAGE_ANY;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Apply only the rules of this language: en or fr (default: both)"), N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Flag weak wording in a contract clause file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &local_error))
    {
      set_usage_error (error, local_error->message);
      return FALSE;
    }

  if (argc < 2)
    {
      set_usage_error (error, _("No clause file given"));
      return FALSE;
    }
  if (argc > 2)
    {
      set_usage_error (error, _("Too many arguments"));
      return FALSE;
    }
  if (lang != NULL && (!cs_language_from_string (lang, &language) || language == CS_LANGUAGE_ANY))
    {
      set_usage_error (error, _("Unknown language: use --lang en or --lang fr"));
      return FALSE;
    }

  display_name = g_filename_display_name (argv[1]);
  if (!g_file_get_contents (argv[1], &contents, &length, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code, _("Could not read “%s”: %s"),
                   display_name, local_error->message);
      return FALSE;
    }

  linter = cs_linter_new_default (error);
  if (linter == NULL)
    return FALSE;

  findings = cs_linter_check (linter, contents, length, language, CS_SECTION_DASHBOARD, 0,
                              &local_error);
  if (findings == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display_name,
                   local_error->message);
      return FALSE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, display_name);
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, cs_language_to_string (language));
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        {
          CsFinding *f = findings->pdata[i];
          guint line = 0, column = 0;

          locate (contents, cs_finding_get_start (f), &line, &column);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rule");
          json_builder_add_string_value (builder, cs_finding_get_id (f));
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, cs_severity_to_string (cs_finding_get_severity (f)));
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, cs_finding_get_start (f));
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, cs_finding_get_end (f));
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, line);
          json_builder_set_member_name (builder, "column");
          json_builder_add_int_value (builder, column);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, cs_finding_get_matched_text (f));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, cs_finding_get_title (f));
          json_builder_set_member_name (builder, "why");
          json_builder_add_string_value (builder, cs_finding_get_message (f));
          json_builder_set_member_name (builder, "suggestion");
          json_builder_add_string_value (builder, cs_finding_get_remedy (f));
          json_builder_set_member_name (builder, "example");
          json_builder_add_string_value (builder, cs_finding_get_example (f));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      return write_json (builder, error);
    }

  for (guint i = 0; i < findings->len; i++)
    {
      CsFinding *f = findings->pdata[i];
      guint line = 0, column = 0;

      locate (contents, cs_finding_get_start (f), &line, &column);
      g_print ("%s:%u:%u: %s [%s, %s] “%s”\n", display_name, line, column,
               cs_finding_get_title (f), cs_finding_get_id (f),
               cs_severity_get_label (cs_finding_get_severity (f)),
               cs_finding_get_matched_text (f));
      g_print ("  %s\n", cs_finding_get_message (f));
      g_print ("  %s %s\n", _("Better:"), cs_finding_get_remedy (f));
      if (cs_finding_get_example (f) != NULL)
        g_print ("  %s %s\n", _("For example:"), cs_finding_get_example (f));
    }

  if (findings->len == 0)
    g_print (_("No weak wording found.\n"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u weak wording found.\n",
                          "%u weak wordings found.\n", findings->len), findings->len);

  return TRUE;
}
