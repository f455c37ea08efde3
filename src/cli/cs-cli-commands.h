/* cs-cli-commands.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Each subcommand of contract-scope-cli that lives in its own file (src/cli/cs-cli-NAME.c)
 * declares its entry point here and is listed in the commands[] table of main.c. Conventions:
 * parse options with a GOptionContext of its own, print to stdout, report failures through
 * @error (G_OPTION_ERROR for usage errors, exit status 2; anything else, exit status 1).
 */

/* A command may choose other exit statuses: cs_cli_success_status when it succeeds (lint: 1
 * when it found weak wording, so that it can gate a script) and cs_cli_failure_status when it
 * fails with an error outside G_OPTION_ERROR (lint: 2). */
extern int cs_cli_success_status;
extern int cs_cli_failure_status;

gboolean run_import_assets (int      argc,
                            char   **argv,
                            GError **error);

gboolean run_show          (int      argc,
                            char   **argv,
                            GError **error);

gboolean run_lint          (int      argc,
                            char   **argv,
                            GError **error);

gboolean run_read_contract (int      argc,
                            char   **argv,
                            GError **error);
gboolean run_score         (int      argc,
                            char   **argv,
                            GError **error);

gboolean run_import_xml    (int      argc,
                            char   **argv,
                            GError **error);

gboolean run_export_xml    (int      argc,
                            char   **argv,
                            GError **error);

gboolean run_export        (int      argc,
                            char   **argv,
                            GError **error);

gboolean run_compare       (int      argc,
                            char   **argv,
                            GError **error);

G_END_DECLS
