/* cs-cli-import.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cs-cli-commands.h"
#include "cs-csv-import.h"
#include "cs-store.h"

static gboolean
usage_error (GError     **error,
             const char  *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
  return FALSE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The report never replaces the project or the input, nor any file unless --force. */
static gboolean
check_report_path (const char  *report_path,
                   const char  *project_path,
                   const char  *input_path,
                   gboolean     force,
                   GError     **error)
{
  g_autofree char *name = g_filename_display_name (report_path);
  g_autofree char *message = NULL;
  GStatBuf st;

  if (same_file (report_path, project_path))
    message = g_strdup_printf (_("The report file “%s” is the project itself; choose another file. Nothing was imported"),
                               name);
  else if (same_file (report_path, input_path))
    message = g_strdup_printf (_("The report file “%s” is the file being imported; choose another file. Nothing was imported"),
                               name);
  else if (!force && g_lstat (report_path, &st) == 0)
    message = g_strdup_printf (_("The report file “%s” already exists; add --force to replace it. Nothing was imported"),
                               name);
  else
    return TRUE;

  return usage_error (error, message);
}

/* Prints a rejection or duplicate line: the reason quotes the file, so no raw control bytes. */
static void
print_line (guint       line,
            const char *reason)
{
  g_autofree char *safe = cs_csv_escape_text (reason, 300);

  g_print (_("  line %u: %s\n"), line, safe);
}

static gboolean
parse_delimiter (const char  *delimiter,
                 char        *out,
                 GError     **error)
{
  if (g_str_equal (delimiter, ",") || g_ascii_strcasecmp (delimiter, "comma") == 0)
    *out = ',';
  else if (g_str_equal (delimiter, ";") || g_ascii_strcasecmp (delimiter, "semicolon") == 0)
    *out = ';';
  else if (g_str_equal (delimiter, "\t") || g_ascii_strcasecmp (delimiter, "tab") == 0)
    *out = '\t';
  else
    return usage_error (error, _("The delimiter must be comma, semicolon or tab"));

  return TRUE;
}

static gboolean
parse_encoding (const char     *encoding,
                CsCsvEncoding  *out,
                GError        **error)
{
  if (g_ascii_strcasecmp (encoding, "utf-8") == 0 || g_ascii_strcasecmp (encoding, "utf8") == 0)
    *out = CS_CSV_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (encoding, "windows-1252") == 0
           || g_ascii_strcasecmp (encoding, "cp1252") == 0
           || g_ascii_strcasecmp (encoding, "latin1") == 0)
    *out = CS_CSV_ENCODING_WINDOWS_1252;
  else if (g_ascii_strcasecmp (encoding, "utf-16le") == 0 || g_ascii_strcasecmp (encoding, "utf-16") == 0)
    *out = CS_CSV_ENCODING_UTF16LE;
  else if (g_ascii_strcasecmp (encoding, "utf-16be") == 0)
    *out = CS_CSV_ENCODING_UTF16BE;
  else
    return usage_error (error, _("The encoding must be utf-8, windows-1252, utf-16le or utf-16be"));

  return TRUE;
}

/* How the file was read, then the counts and the first rejected rows. */
static void
print_summary (CsCsvImport *import,
               CsCsvReport *report,
               gboolean     dry_run)
{
  g_autofree char *how = cs_csv_import_describe (import);

  g_print ("%s", how);
  g_print (_("Imported: %u\nUpdated: %u\nRejected: %u\nDuplicates: %u\n"),
           report->n_imported, report->n_updated, report->rejected->len, report->duplicates->len);
  for (guint i = 0; i < report->rejected->len && i < 20; i++)
    {
      CsCsvRejection *r = &g_array_index (report->rejected, CsCsvRejection, i);

      print_line (r->line, r->reason);
    }
  if (report->rejected->len > 20)
    g_print (g_dngettext (GETTEXT_PACKAGE, "  … and %u more rejected row (see --report)\n",
                          "  … and %u more rejected rows (see --report)\n",
                          report->rejected->len - 20),
             report->rejected->len - 20);
  if (dry_run)
    g_print ("%s\n", _("Dry run: the project was not changed."));
}

/**
 * run_import_assets:
 * @argc: the argument count, the command name first
 * @argv: the arguments
 * @error: return location for an error
 *
 * `import-assets PROJECT FILE.csv [--delimiter D] [--encoding E] [--map COLUMN=FIELD]…
 * [--duplicates skip|update|add] [--report FILE [--force]] [--dry-run]`: imports an asset
 * inventory and prints how the file was read, then the imported, rejected and duplicate
 * counts. Rejected rows make the result partial: %G_IO_ERROR_PARTIAL_INPUT, which the command
 * line turns into its own exit status.
 *
 * Returns: %TRUE on success
 */
gboolean
run_import_assets (int      argc,
                   char   **argv,
                   GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsCsvImport) import = NULL;
  g_autoptr(CsCsvReport) report = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *report_path = NULL;
  g_auto(GStrv) maps = NULL;
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  CsCsvEncoding enc = CS_CSV_ENCODING_AUTO;
  char delim = 0;
  const GOptionEntry entries[] = {
    { "delimiter", 'd', 0, G_OPTION_ARG_STRING, &delimiter,
      N_("Field delimiter: comma, semicolon or tab (detected by default)"), N_("D") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("File encoding: utf-8, windows-1252, utf-16le or utf-16be (detected by default)"), N_("E") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Import column COLUMN (header or number) into FIELD: category, name, site, quantity, criticality, owner, vendor, model, serial, notes or none"),
      N_("COLUMN=FIELD") },
    { "duplicates", 0, 0, G_OPTION_ARG_STRING, &duplicates,
      N_("What to do with rows that duplicate an asset: skip (default), update or add"), N_("ACTION") },
    { "report", 'r', 0, G_OPTION_ARG_FILENAME, &report_path,
      N_("Write the list of rejected and duplicate rows to FILE"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace the --report file if it exists"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Report what would be imported without changing the project"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) local_error = NULL;

  context = g_option_context_new (_("PROJECT FILE.csv"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Import an asset inventory (GLPI, Snipe-IT, RMM or spreadsheet CSV) into a review project."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &local_error))
    return usage_error (error, local_error->message);

  if (argc != 3)
    return usage_error (error, _("Give a project file and a CSV file"));

  if (delimiter != NULL && !parse_delimiter (delimiter, &delim, error))
    return FALSE;
  if (encoding != NULL && !parse_encoding (encoding, &enc, error))
    return FALSE;

  if (report_path != NULL && !check_report_path (report_path, argv[1], argv[2], force, error))
    return FALSE;

  store = cs_store_open (argv[1], CS_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  if (cs_store_is_read_only (store))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                   _("The project is read-only; nothing was imported."));
      return FALSE;
    }

  import = cs_csv_import_new_for_path (argv[2], error);
  if (import == NULL)
    return FALSE;
  if ((enc != CS_CSV_ENCODING_AUTO || delim != 0)
      && !cs_csv_import_configure (import, enc, delim, error))
    return FALSE;

  if (maps == NULL)
    cs_csv_import_apply_remembered_mapping (import, store);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!cs_csv_import_parse_mapping (import, maps[i], &local_error))
      return usage_error (error, local_error->message);

  if (duplicates != NULL)
    {
      if (g_str_equal (duplicates, "skip"))
        cs_csv_import_set_duplicate_action (import, CS_DUPLICATE_SKIP);
      else if (g_str_equal (duplicates, "update"))
        cs_csv_import_set_duplicate_action (import, CS_DUPLICATE_UPDATE);
      else if (g_str_equal (duplicates, "add"))
        cs_csv_import_set_duplicate_action (import, CS_DUPLICATE_ADD);
      else
        return usage_error (error, _("--duplicates must be skip, update or add"));
    }

  report = cs_csv_import_run (import, store, dry_run, NULL, error);
  if (report == NULL)
    return FALSE;

  if (report_path != NULL && !cs_csv_report_save (report, report_path, error))
    return FALSE;

  print_summary (import, report, dry_run);

  cs_store_close (store);

  if (report->rejected->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                   dry_run ? g_dngettext (GETTEXT_PACKAGE, "%u row would be rejected; the other rows would be imported",
                                          "%u rows would be rejected; the other rows would be imported",
                                          report->rejected->len)
                           : g_dngettext (GETTEXT_PACKAGE, "%u row was rejected; the other rows were imported",
                                          "%u rows were rejected; the other rows were imported",
                                          report->rejected->len),
                   report->rejected->len);
      return FALSE;
    }

  return TRUE;
}
