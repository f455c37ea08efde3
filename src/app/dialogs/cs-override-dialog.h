/* cs-override-dialog.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-finding.h"

G_BEGIN_DECLS

#define CS_TYPE_OVERRIDE_DIALOG (cs_override_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsOverrideDialog, cs_override_dialog, CS, OVERRIDE_DIALOG, AdwMessageDialog)

CsOverrideDialog *cs_override_dialog_new               (GtkWindow        *parent,
                                                        CsFinding        *finding);
CsFinding        *cs_override_dialog_get_finding       (CsOverrideDialog *self);
gboolean          cs_override_dialog_get_is_override   (CsOverrideDialog *self);
const char       *cs_override_dialog_get_status        (CsOverrideDialog *self);
void              cs_override_dialog_set_status        (CsOverrideDialog *self,
                                                        const char       *status);
char             *cs_override_dialog_get_justification (CsOverrideDialog *self);
void              cs_override_dialog_set_justification (CsOverrideDialog *self,
                                                        const char       *justification);
const char       *cs_override_dialog_get_reference     (CsOverrideDialog *self);
void              cs_override_dialog_set_reference     (CsOverrideDialog *self,
                                                        const char       *reference);

G_END_DECLS
