/* cs-application.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_APPLICATION (cs_application_get_type ())

/* The user guide (help/C/index.page), as GNOME's help viewer finds it once installed. */
#define CS_APPLICATION_HELP_URI "help:org.contractscope.ContractScope"

G_DECLARE_FINAL_TYPE (CsApplication, cs_application, CS, APPLICATION, AdwApplication)

CsApplication *cs_application_new            (void);
GSettings     *cs_application_get_settings   (CsApplication *self);
GtkWindow     *cs_application_open_file      (CsApplication *self,
                                              GFile         *file,
                                              GtkWindow     *parent);
GtkWindow     *cs_application_show_store     (CsApplication *self,
                                              CsStore       *store,
                                              GtkWindow     *parent);
char          *cs_application_new_demo_path  (void);
void           cs_application_note_recent    (const char    *path);
char          *cs_application_get_help_uri   (void);

G_END_DECLS
