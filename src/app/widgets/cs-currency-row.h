/* cs-currency-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-field-editor.h"

G_BEGIN_DECLS

#define CS_TYPE_CURRENCY_ROW (cs_currency_row_get_type ())

G_DECLARE_FINAL_TYPE (CsCurrencyRow, cs_currency_row, CS, CURRENCY_ROW, AdwComboRow)

GtkWidget  *cs_currency_row_new       (const char    *title,
                                       const char    *column);
const char *cs_currency_row_get_value (CsCurrencyRow *self);

G_END_DECLS
