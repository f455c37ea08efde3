/* cs-number-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-field-editor.h"

G_BEGIN_DECLS

#define CS_TYPE_NUMBER_ROW (cs_number_row_get_type ())

G_DECLARE_FINAL_TYPE (CsNumberRow, cs_number_row, CS, NUMBER_ROW, AdwActionRow)

GtkWidget     *cs_number_row_new              (const char         *title,
                                               const char         *column,
                                               const char         *unit);
const char    *cs_number_row_get_unit         (CsNumberRow        *self);
void           cs_number_row_set_unit         (CsNumberRow        *self,
                                               const char         *unit);
void           cs_number_row_set_range        (CsNumberRow        *self,
                                               double              maximum,
                                               guint               digits);
void           cs_number_row_set_money        (CsNumberRow        *self,
                                               gboolean            money);
void           cs_number_row_set_clock        (CsNumberRow        *self,
                                               gboolean            clock);
GtkSpinButton *cs_number_row_get_spin_button  (CsNumberRow        *self);
GtkDropDown   *cs_number_row_add_choice       (CsNumberRow        *self,
                                               const char         *column,
                                               const char * const *choices,
                                               const char         *accessible_name);

G_END_DECLS
