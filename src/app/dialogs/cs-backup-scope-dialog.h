/* cs-backup-scope-dialog.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_BACKUP_SCOPE_DIALOG (cs_backup_scope_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsBackupScopeDialog, cs_backup_scope_dialog, CS, BACKUP_SCOPE_DIALOG, AdwWindow)

GtkWidget   *cs_backup_scope_dialog_new          (CsStore             *store,
                                                  CsBackupPolicy      *policy);
guint        cs_backup_scope_dialog_get_n_shown  (CsBackupScopeDialog *self);
gboolean     cs_backup_scope_dialog_set_asset    (CsBackupScopeDialog *self,
                                                  gint64               asset_id,
                                                  gboolean             in_scope);

G_END_DECLS
