/* cs-new-project-dialog.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CS_TYPE_NEW_PROJECT_DIALOG (cs_new_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsNewProjectDialog, cs_new_project_dialog, CS, NEW_PROJECT_DIALOG,
                      AdwMessageDialog)

CsNewProjectDialog *cs_new_project_dialog_new              (GtkWindow          *parent);
const char         *cs_new_project_dialog_get_client_name  (CsNewProjectDialog *self);
void                cs_new_project_dialog_set_client_name  (CsNewProjectDialog *self,
                                                            const char         *client_name);
GFile              *cs_new_project_dialog_get_folder       (CsNewProjectDialog *self);
void                cs_new_project_dialog_set_folder       (CsNewProjectDialog *self,
                                                            GFile              *folder);
const char         *cs_new_project_dialog_get_file_name    (CsNewProjectDialog *self);
GFile              *cs_new_project_dialog_get_file         (CsNewProjectDialog *self);

G_END_DECLS
