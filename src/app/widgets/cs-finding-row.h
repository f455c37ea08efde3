/* cs-finding-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-finding.h"

G_BEGIN_DECLS

#define CS_TYPE_FINDING_ROW (cs_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (CsFindingRow, cs_finding_row, CS, FINDING_ROW, GtkWidget)

GtkWidget *cs_finding_row_new          (CsFinding    *finding);
CsFinding *cs_finding_row_get_finding  (CsFindingRow *self);
void       cs_finding_row_set_finding  (CsFindingRow *self,
                                        CsFinding    *finding);
void       cs_finding_row_set_editable (CsFindingRow *self,
                                        gboolean      editable);

G_END_DECLS
