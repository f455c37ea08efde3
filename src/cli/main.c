/* main.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-commands.h"
#include "cs-demo.h"
#include "cs-i18n.h"
#include "cs-labels.h"
#include "cs-model.h"
#include "cs-store.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>

/*
 * contract-scope-cli: the review project without a display.
 *
 *   contract-scope-cli new FILE (--client NAME | --demo)
 *   contract-scope-cli info FILE [--json]
 *
 * Output goes to stdout: aligned tables for people, pretty JSON for scripts. A failure prints
 * exactly one line, "contract-scope-cli: <message>", on stderr and exits with 1, or with 2 when
 * the command line itself was not understood (errors in the G_OPTION_ERROR domain), or with 3
 * when the command did part of its work (G_IO_ERROR_PARTIAL_INPUT: an import that rejected
 * rows).
 */

#define PROGRAM_NAME "contract-scope-cli"
#define EXIT_USAGE   2
#define EXIT_PARTIAL 3

int cs_cli_success_status = EXIT_SUCCESS;
int cs_cli_failure_status = EXIT_FAILURE;

typedef gboolean (*CommandFunc) (int      argc,
                                 char   **argv,
                                 GError **error);

typedef struct
{
  const char  *name;
  const char  *parameters; /* untranslated: GOptionContext translates it */
  const char  *synopsis;   /* untranslated */
  const char  *summary;    /* untranslated */
  CommandFunc  run;
} Command;

/* Helpers */

static void
set_usage_error (GError     **error,
                 const char  *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
}

static GOptionContext *
command_context_new (const Command      *command,
                     const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (command->parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static gboolean
parse_command_line (GOptionContext  *context,
                    int             *argc,
                    char          ***argv,
                    GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      set_usage_error (error, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Checks that exactly one FILE argument is left after the options. */
static gboolean
get_file_argument (int           argc,
                   char        **argv,
                   const char  **out_path,
                   GError      **error)
{
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

  *out_path = argv[1];
  return TRUE;
}

static void
append_spaces (GString *out,
               glong    count)
{
  for (glong i = 0; i < count; i++)
    g_string_append_c (out, ' ');
}

/* Appends label/value pairs (a flat list) with the values aligned. */
static void
append_fields (GString   *out,
               GPtrArray *pairs)
{
  glong width = 0;

  for (guint i = 0; i < pairs->len; i += 2)
    width = MAX (width, g_utf8_strlen (g_ptr_array_index (pairs, i), -1));

  for (guint i = 0; i < pairs->len; i += 2)
    {
      const char *label = g_ptr_array_index (pairs, i);

      g_string_append (out, label);
      append_spaces (out, width - g_utf8_strlen (label, -1) + 2);
      g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (pairs, i + 1));
    }
}

/*
 * Appends @cells (row by row, @n_columns a row, the first row the header) as a table indented
 * by two spaces. The columns whose bit is set in @numeric are aligned to the right.
 */
static void
append_table (GString   *out,
              GPtrArray *cells,
              guint      n_columns,
              guint      numeric)
{
  g_autofree glong *widths = g_new0 (glong, n_columns);

  for (guint i = 0; i < cells->len; i++)
    widths[i % n_columns] = MAX (widths[i % n_columns],
                                 g_utf8_strlen (g_ptr_array_index (cells, i), -1));

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      guint column = i % n_columns;
      glong padding = widths[column] - g_utf8_strlen (cell, -1);
      gboolean last = column == n_columns - 1;

      g_string_append (out, "  ");
      if (numeric & (1u << column))
        {
          append_spaces (out, padding);
          g_string_append (out, cell);
        }
      else
        {
          g_string_append (out, cell);
          if (!last)
            append_spaces (out, padding);
        }

      if (last)
        g_string_append_c (out, '\n');
    }
}

static const char *
or_not_stated (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("(not stated)");
}

static void
print_info_text (CsStore    *store,
                 const char *path)
{
  CsRecord *project = CS_RECORD (cs_store_get_project (store));
  GListModel *offers = cs_store_get_offers (store);
  guint n_offers = g_list_model_get_n_items (offers);
  g_autoptr(GHashTable) per_category = NULL;
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *categories = cs_asset_categories ();
  guint64 units = 0;
  guint records = 0;

  records = cs_store_count_assets (store, &units, &per_category);

  g_ptr_array_add (pairs, g_strdup (_("File:")));
  g_ptr_array_add (pairs, g_filename_display_name (path));
  g_ptr_array_add (pairs, g_strdup (_("Client:")));
  g_ptr_array_add (pairs,
                   g_strdup (or_not_stated (cs_project_get_client_name (CS_PROJECT (project)))));
  g_ptr_array_add (pairs, g_strdup (_("Sector:")));
  g_ptr_array_add (pairs, g_strdup (or_not_stated (cs_record_get_string (project, "sector"))));
  g_ptr_array_add (pairs, g_strdup (_("Consultant:")));
  g_ptr_array_add (pairs, g_strdup (or_not_stated (cs_record_get_string (project, "consultant"))));
  g_ptr_array_add (pairs, g_strdup (_("Regulated client:")));
  g_ptr_array_add (pairs,
                   g_strdup (cs_record_get_boolean (project, "regulated") ? _("Yes") : _("No")));
  g_ptr_array_add (pairs, g_strdup (_("Schema version:")));
  g_ptr_array_add (pairs, g_strdup_printf ("%d", cs_store_get_schema_version (store)));
  append_fields (out, pairs);

  g_string_append_c (out, '\n');
  if (n_offers == 0)
    g_string_append_printf (out, "%s\n", _("Offers: none"));
  else
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_string_append_printf (out, _("Offers: %u"), n_offers);
      g_string_append_c (out, '\n');

      g_ptr_array_add (cells, g_strdup (C_("offer number", "#")));
      g_ptr_array_add (cells, g_strdup (_("Provider")));
      g_ptr_array_add (cells, g_strdup (_("Kind")));
      g_ptr_array_add (cells, g_strdup (_("Reference")));
      for (guint i = 0; i < n_offers; i++)
        {
          g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);

          g_ptr_array_add (cells, g_strdup_printf ("%u", i + 1));
          g_ptr_array_add (cells, g_strdup (or_not_stated (cs_offer_get_provider (offer))));
          g_ptr_array_add (cells, g_strdup (cs_offer_kind_get_label (cs_offer_get_kind (offer))));
          g_ptr_array_add (cells, g_strdup (cs_record_get_string (CS_RECORD (offer), "reference")));
        }
      append_table (out, cells, 4, 1u << 0);
    }

  g_string_append_c (out, '\n');
  if (records == 0)
    g_string_append_printf (out, "%s\n", _("Assets: none"));
  else
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *records_text = NULL;
      g_autofree char *units_number = g_strdup_printf ("%" G_GUINT64_FORMAT, units);
      g_autofree char *units_text = NULL;

      records_text = g_strdup_printf (ngettext ("%u record", "%u records", records), records);
      units_text = g_strdup_printf (ngettext ("%s unit", "%s units", (unsigned long) units),
                                    units_number);
      /* Translators: "Assets: 60 records, 290 units" */
      g_string_append_printf (out, _("Assets: %s, %s"), records_text, units_text);
      g_string_append_c (out, '\n');

      g_ptr_array_add (cells, g_strdup (_("Category")));
      g_ptr_array_add (cells, g_strdup (_("Records")));
      for (guint i = 0; categories[i] != NULL; i++)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (per_category, categories[i]));

          if (count == 0)
            continue;

          g_ptr_array_add (cells, g_strdup (cs_asset_category_get_label (categories[i])));
          g_ptr_array_add (cells, g_strdup_printf ("%u", count));
        }
      append_table (out, cells, 2, 1u << 1);
    }

  g_print ("%s", out->str);
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

static gboolean
print_info_json (CsStore     *store,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) per_category = NULL;
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *text = NULL;
  GListModel *offers = cs_store_get_offers (store);
  guint n_offers = g_list_model_get_n_items (offers);
  const char * const *categories = cs_asset_categories ();
  guint64 units = 0;
  guint records = 0;
  gsize length = 0;

  records = cs_store_count_assets (store, &units, &per_category);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, display_name);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, cs_store_get_schema_version (store));

  json_builder_set_member_name (builder, "project");
  json_builder_begin_object (builder);
  add_record_members (builder, CS_RECORD (cs_store_get_project (store)));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "offers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_offers; i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);

      json_builder_begin_object (builder);
      add_record_members (builder, offer);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "assets");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_add_int_value (builder, records);
  json_builder_set_member_name (builder, "units");
  json_builder_add_int_value (builder, (gint64) MIN (units, (guint64) G_MAXINT64));
  json_builder_set_member_name (builder, "per_category");
  json_builder_begin_object (builder);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, categories[i]);
      json_builder_add_int_value (builder,
                                  GPOINTER_TO_UINT (g_hash_table_lookup (per_category,
                                                                         categories[i])));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  /* JSON is UTF-8 whatever the locale: write the bytes, not through g_print(). */
  if (fwrite (text, 1, length, stdout) != length || fputc ('\n', stdout) == EOF)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write the output"));
      return FALSE;
    }

  return TRUE;
}

/* Commands */

static gboolean run_new  (int argc, char **argv, GError **error);
static gboolean run_info (int argc, char **argv, GError **error);

static const Command commands[] = {
  {
    "new", N_("FILE"), N_("new FILE (--client NAME | --demo)"),
    N_("Create a review project: an empty one for a client, or the demo project."),
    run_new,
  },
  {
    "info", N_("FILE"), N_("info FILE [--json]"),
    N_("Show the client, the offers and the asset inventory of a review project."),
    run_info,
  },
  {
    "import-assets", N_("PROJECT FILE.csv"),
    N_("import-assets PROJECT FILE.csv [--delimiter D] [--encoding E] [--map COLUMN=FIELD]… [--duplicates skip|update|add] [--report FILE]"),
    N_("Import an asset inventory from a CSV file (GLPI, Snipe-IT, RMM, spreadsheet)."),
    run_import_assets,
  },
  {
    "show", N_("PROJECT"),
    N_("show PROJECT --offer NAME --section SECTION [--json]"),
    N_("Show one section of an offer: recorded values, computed values and flags."),
    run_show,
  },
  {
    "lint", N_("FILE"), N_("lint FILE [--lang en|fr|auto] [--json] [--lines]"),
    N_("Flag weak wording in a contract clause file, with a better wording for each."),
    run_lint,
  },
  {
    "read-contract", N_("PROJECT FILE"),
    N_("read-contract PROJECT --offer NAME FILE [--accept-all] [--json]"),
    N_("Read a contract document (PDF, ODT, DOCX, text) into an offer: clauses, sections, findings, proposed values and gaps."),
    run_read_contract,
  },
  {
    "score", N_("PROJECT"), N_("score PROJECT [--offer NAME] [--json]"),
    N_("Score the completeness of the offers: per section, knock-outs and findings."),
    run_score,
  },
  {
    "import-xml", N_("FILE.xml NEW_PROJECT"), N_("import-xml FILE.xml NEW_PROJECT"),
    N_("Create a new review project from a Contract Scope XML exchange file."),
    run_import_xml,
  },
  {
    "export-xml", N_("PROJECT"), N_("export-xml PROJECT -o FILE [--force]"),
    N_("Export a whole review project as a Contract Scope XML exchange file."),
    run_export_xml,
  },
  {
    "export", N_("PROJECT"),
    N_("export PROJECT --document reversibility|report|questions|xml --format pdf|html|csv|xlsx|md|xml [--offer NAME] [--lang en|fr] [--paper a4|letter] [--force] -o FILE"),
    N_("Export a document: the reversibility checklist, the review report or the questions for the provider."),
    run_export,
  },
  {
    "compare", N_("PROJECT"),
    N_("compare PROJECT [--offers A,B,…] [--weights SECTION=N,…] [--format text|json|csv|xlsx|pdf|html|md] [-o FILE]"),
    N_("Compare the offers side by side: normalised figures, best and worst, ranking."),
    run_compare,
  },
};

static gboolean
run_new (int      argc,
         char   **argv,
         GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autofree char *client = NULL;
  g_autofree char *display_name = NULL;
  const char *path = NULL;
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "client", 'c', 0, G_OPTION_ARG_STRING, &client,
      N_("Create an empty project for the client NAME"), N_("NAME") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Create the demo project, a fictional client with its inventory and offers"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = command_context_new (&commands[0], entries);
  if (!parse_command_line (context, &argc, &argv, error)
      || !get_file_argument (argc, argv, &path, error))
    return FALSE;

  if (demo == (client != NULL))
    {
      set_usage_error (error, _("Give either --client NAME or --demo"));
      return FALSE;
    }

  if (client != NULL && *g_strstrip (client) == '\0')
    {
      set_usage_error (error, _("The client name is empty"));
      return FALSE;
    }

  if (demo)
    store = cs_demo_create (path, error);
  else
    store = cs_store_create (path, client, error);

  if (store == NULL)
    return FALSE;

  display_name = g_filename_display_name (path);
  g_print (_("Created “%s” for %s."), display_name,
           cs_project_get_client_name (cs_store_get_project (store)));
  g_print ("\n");

  cs_store_close (store);

  return TRUE;
}

static gboolean
run_info (int      argc,
          char   **argv,
          GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CsStore) store = NULL;
  const char *path = NULL;
  gboolean json = FALSE;
  gboolean ret = TRUE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = command_context_new (&commands[1], entries);
  if (!parse_command_line (context, &argc, &argv, error)
      || !get_file_argument (argc, argv, &path, error))
    return FALSE;

  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;

  if (json)
    ret = print_info_json (store, path, error);
  else
    print_info_text (store, path);

  cs_store_close (store);

  return ret;
}

/* Main */

static char *
build_summary (void)
{
  GString *summary = g_string_new (_("Review managed-service contracts without a display."));
  glong width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, g_utf8_strlen (_(commands[i].synopsis), -1));

  g_string_append_printf (summary, "\n\n%s", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *synopsis = _(commands[i].synopsis);

      g_string_append_printf (summary, "\n  %s", synopsis);
      append_spaces (summary, width - g_utf8_strlen (synopsis, -1) + 3);
      g_string_append (summary, _(commands[i].summary));
    }

  return g_string_free (summary, FALSE);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static int
report_error (const GError *error)
{
  g_autofree char *message = g_strdup (error->message);

  /* One line, always: scripts read the last line of stderr. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("%s: %s\n", PROGRAM_NAME, message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    return EXIT_PARTIAL;

  return error->domain == G_OPTION_ERROR ? EXIT_USAGE : cs_cli_failure_status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *command_prgname = NULL;
  const Command *command = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  cs_i18n_init ();

  g_set_prgname (PROGRAM_NAME);

  summary = build_summary ();
  context = g_option_context_new (N_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, N_("Run “contract-scope-cli COMMAND --help” "
                                                "for the options of a command."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!parse_command_line (context, &argc, &argv, &error))
    return report_error (error);

  if (version)
    {
      g_print ("%s %s\n", PROGRAM_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (argc < 2)
    {
      set_usage_error (&error, _("No command given"));
      return report_error (error);
    }

  if (g_str_equal (argv[1], "help"))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return EXIT_SUCCESS;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *name = g_utf8_make_valid (argv[1], -1);
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), name);

      set_usage_error (&error, message);
      return report_error (error);
    }

  /* Usage lines and hints then read "contract-scope-cli new …". */
  command_prgname = g_strdup_printf ("%s %s", PROGRAM_NAME, command->name);
  g_set_prgname (command_prgname);

  if (!command->run (argc - 1, argv + 1, &error))
    return report_error (error);

  if (fflush (stdout) != 0)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write the output"));
      return report_error (error);
    }

  return cs_cli_success_status;
}
