/* cs-cli-options.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cs-checklist.h"
#include "cs-store.h"

G_BEGIN_DECLS

/*
 * What the subcommands that review one project (score, compare) share: parsing their options
 * and the one project file they take, opening it read-only with the checklist and the linter,
 * and finding an offer by its provider or its number.
 */

void        cs_cli_set_usage_error (GError             **error,
                                    const char          *message);
const char *cs_cli_parse_project   (int                 *argc,
                                    char              ***argv,
                                    const GOptionEntry  *entries,
                                    const char          *summary,
                                    GError             **error);
CsStore    *cs_cli_open_review     (const char          *path,
                                    CsChecklist        **checklist,
                                    CsLinter           **linter,
                                    GError             **error);
CsOffer    *cs_cli_find_offer      (CsStore             *store,
                                    const char          *name,
                                    GError             **error);

G_END_DECLS
