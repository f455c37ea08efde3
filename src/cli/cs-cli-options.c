/* cs-cli-options.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-options.h"

/**
 * cs_cli_set_usage_error:
 * @error: return location for a #GError
 * @message: what is wrong with the command line, a translated sentence
 *
 * Sets a usage error (G_OPTION_ERROR: exit status 2) that points to `--help`.
 */
void
cs_cli_set_usage_error (GError     **error,
                        const char  *message)
{
  g_return_if_fail (message != NULL);

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
}

/**
 * cs_cli_parse_project:
 * @argc: the number of arguments, the command name first
 * @argv: the arguments
 * @entries: the command's options, ending with %G_OPTION_ENTRY_NULL
 * @summary: what the command does, for `--help`
 * @error: return location for a #GError
 *
 * Parses the options of a command that takes one project file, removing them from @argv.
 *
 * Returns: (transfer none) (nullable): the project file (in @argv), or %NULL with a usage
 *   error when the options are wrong or there is not exactly one project file
 */
const char *
cs_cli_parse_project (int                 *argc,
                      char              ***argv,
                      const GOptionEntry  *entries,
                      const char          *summary,
                      GError             **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (argc != NULL && argv != NULL, NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  context = g_option_context_new (_("PROJECT"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      cs_cli_set_usage_error (error, local_error->message);
      return NULL;
    }

  if (*argc != 2)
    {
      cs_cli_set_usage_error (error, *argc < 2 ? _("No project file given")
                                               : _("Too many arguments"));
      return NULL;
    }

  return (*argv)[1];
}

/**
 * cs_cli_open_review:
 * @path: a project file
 * @checklist: (out) (transfer full): return location for the checklist
 * @linter: (out) (transfer full): return location for the clause linter
 * @error: return location for a #GError
 *
 * Loads the default checklist and linter, then opens @path read-only.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL on error (then @checklist and
 *   @linter are left %NULL)
 */
CsStore *
cs_cli_open_review (const char   *path,
                    CsChecklist **checklist,
                    CsLinter    **linter,
                    GError      **error)
{
  g_autoptr(CsChecklist) new_checklist = NULL;
  g_autoptr(CsLinter) new_linter = NULL;
  g_autoptr(CsStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (checklist != NULL && *checklist == NULL, NULL);
  g_return_val_if_fail (linter != NULL && *linter == NULL, NULL);

  new_checklist = cs_checklist_new_default (error);
  if (new_checklist == NULL)
    return NULL;
  new_linter = cs_linter_new_default (error);
  if (new_linter == NULL)
    return NULL;

  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return NULL;

  *checklist = g_steal_pointer (&new_checklist);
  *linter = g_steal_pointer (&new_linter);
  return g_steal_pointer (&store);
}

/**
 * cs_cli_find_offer:
 * @store: an open project
 * @name: the provider of an offer, or the start of it, or its number in `info` (from 1)
 * @error: return location for a #GError
 *
 * Finds the offer @name designates, ignoring case.
 *
 * Returns: (transfer none) (nullable): the offer, or %NULL with G_IO_ERROR_NOT_FOUND when no
 *   offer or several offers match
 */
CsOffer *
cs_cli_find_offer (CsStore     *store,
                   const char  *name,
                   GError     **error)
{
  GListModel *offers;
  guint n_offers;
  g_autofree char *wanted = NULL;
  CsOffer *prefix_match = NULL;
  guint n_prefix = 0;
  guint64 number = 0;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  offers = cs_store_get_offers (store);
  n_offers = g_list_model_get_n_items (offers);
  wanted = g_utf8_casefold (name, -1);

  if (n_offers > 0 && g_ascii_string_to_unsigned (name, 10, 1, n_offers, &number, NULL))
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, number - 1);

      return offer; /* the live list keeps it */
    }

  for (guint i = 0; i < n_offers; i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);
      g_autofree char *provider = g_utf8_casefold (cs_offer_get_provider (offer), -1);

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
