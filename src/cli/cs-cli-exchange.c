/* cs-cli-exchange.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cs-cli-commands.h"
#include "cs-exchange.h"
#include "cs-store.h"

#include <errno.h>

static gboolean
usage_error (GError     **error,
             const char  *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
  return FALSE;
}

static GOptionContext *
context_new (const char         *parameters,
             const char         *summary,
             const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* The exchange file, mapped: its size is checked before any byte is read. */
static GBytes *
map_exchange_file (const char  *path,
                   GError     **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” could not be read: %s."), display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” is not a file."), display_name);
      return NULL;
    }

  if ((guint64) st.st_size > CS_EXCHANGE_MAX_SIZE)
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_TOO_LARGE,
                   _("“%s” is larger than %u MiB, more than any project needs; it was not read. No project was created."),
                   display_name, (guint) (CS_EXCHANGE_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (st.st_size == 0)
    return g_bytes_new_static ("", 0);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” could not be read: %s."), display_name, local_error->message);
      return NULL;
    }

  return g_mapped_file_get_bytes (mapped);
}

/**
 * run_import_xml:
 * @argc: the argument count, the command name first
 * @argv: the arguments
 * @error: return location for an error
 *
 * `import-xml FILE.xml NEW_PROJECT`: creates a new project from an exchange file. An existing
 * NEW_PROJECT is never replaced; a refused file leaves nothing behind.
 *
 * Returns: %TRUE on success
 */
gboolean
run_import_xml (int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autofree char *display_name = NULL;
  const GOptionEntry entries[] = {
    G_OPTION_ENTRY_NULL
  };
  g_autofree char *offers_text = NULL;
  g_autofree char *assets_text = NULL;
  guint n_assets;
  guint n_offers;

  context = context_new (_("FILE.xml NEW_PROJECT"),
                         _("Create a new review project from a Contract Scope XML exchange file."),
                         entries);
  if (!g_option_context_parse (context, &argc, &argv, &local_error))
    return usage_error (error, local_error->message);

  if (argc != 3)
    return usage_error (error, _("Give an exchange file and the new project file"));

  xml = map_exchange_file (argv[1], error);
  if (xml == NULL)
    return FALSE;

  store = cs_exchange_import_to_new_project (xml, argv[2], error);
  if (store == NULL)
    return FALSE;

  display_name = g_filename_display_name (argv[2]);
  n_assets = cs_store_count_assets (store, NULL, NULL);
  n_offers = g_list_model_get_n_items (cs_store_get_offers (store));
  /* Translators: a count of offers, in "Created “x” for “y”: 3 offers, 120 assets." */
  offers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u offer", "%u offers", n_offers),
                                 n_offers);
  /* Translators: a count of assets, in "Created “x” for “y”: 3 offers, 120 assets." */
  assets_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets", n_assets),
                                 n_assets);
  /* Translators: the counts ("3 offers", "120 assets") come after the file name */
  g_print (_("Created “%s” for “%s”: %s, %s.\n"), display_name,
           cs_project_get_client_name (cs_store_get_project (store)), offers_text, assets_text);

  cs_store_close (store);
  return TRUE;
}

/**
 * run_export_xml:
 * @argc: the argument count, the command name first
 * @argv: the arguments
 * @error: return location for an error
 *
 * `export-xml PROJECT -o FILE [--force]`: writes the whole project as an exchange file. An
 * existing FILE is replaced only with --force, and never when it is the project itself.
 *
 * Returns: %TRUE on success
 */
gboolean
run_export_xml (int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display_name = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the exchange file to FILE"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = context_new (_("PROJECT"),
                         _("Export a whole review project as a Contract Scope XML exchange file."),
                         entries);
  if (!g_option_context_parse (context, &argc, &argv, &local_error))
    return usage_error (error, local_error->message);

  if (argc != 2)
    return usage_error (error, _("Give one project file"));
  if (output == NULL)
    return usage_error (error, _("Give the exchange file to write with --output"));

  display_name = g_filename_display_name (output);
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_EXISTS,
                   _("“%s” already exists; nothing was written. Use --force to replace it."),
                   display_name);
      return FALSE;
    }
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” is a folder; nothing was written."), display_name);
      return FALSE;
    }

  store = cs_store_open (argv[1], CS_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;

  if (!cs_exchange_export_to_file (store, output, error))
    return FALSE;

  g_print (_("Exported the project to “%s”.\n"), display_name);
  return TRUE;
}
