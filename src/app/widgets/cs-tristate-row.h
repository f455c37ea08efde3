/* cs-tristate-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-field-editor.h"

G_BEGIN_DECLS

#define CS_TYPE_TRISTATE_ROW (cs_tristate_row_get_type ())

G_DECLARE_FINAL_TYPE (CsTristateRow, cs_tristate_row, CS, TRISTATE_ROW, AdwActionRow)

GtkWidget  *cs_tristate_row_new        (const char    *title,
                                        const char    *column);
const char *cs_tristate_row_get_value  (CsTristateRow *self);
gboolean    cs_tristate_row_set_value  (CsTristateRow *self,
                                        const char    *value);

G_END_DECLS
