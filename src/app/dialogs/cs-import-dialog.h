/* cs-import-dialog.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-csv-import.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_IMPORT_DIALOG (cs_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsImportDialog, cs_import_dialog, CS, IMPORT_DIALOG, AdwWindow)

CsImportDialog *cs_import_dialog_new        (CsStore        *store,
                                             GFile          *file);
CsStore        *cs_import_dialog_get_store  (CsImportDialog *self);
GFile          *cs_import_dialog_get_file   (CsImportDialog *self);
CsCsvImport    *cs_import_dialog_get_import (CsImportDialog *self);
CsCsvReport    *cs_import_dialog_get_report (CsImportDialog *self);
gboolean        cs_import_dialog_is_running (CsImportDialog *self);

G_END_DECLS
