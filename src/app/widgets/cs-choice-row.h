/* cs-choice-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-field-editor.h"

G_BEGIN_DECLS

#define CS_TYPE_CHOICE_ROW (cs_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (CsChoiceRow, cs_choice_row, CS, CHOICE_ROW, AdwComboRow)

GtkWidget     *cs_choice_row_new          (const char          *title,
                                           const char          *column);
const char    *cs_choice_row_get_value    (CsChoiceRow         *self);
gboolean       cs_choice_row_set_value    (CsChoiceRow         *self,
                                           const char          *value);
GtkStringList *cs_choice_labels_new       (const char * const  *choices);

G_END_DECLS
