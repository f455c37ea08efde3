/* cs-text-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-field-editor.h"

G_BEGIN_DECLS

#define CS_TYPE_TEXT_ROW (cs_text_row_get_type ())

G_DECLARE_FINAL_TYPE (CsTextRow, cs_text_row, CS, TEXT_ROW, AdwEntryRow)

GtkWidget *cs_text_row_new (const char *title,
                            const char *column);

G_END_DECLS
