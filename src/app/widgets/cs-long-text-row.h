/* cs-long-text-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-field-editor.h"

G_BEGIN_DECLS

#define CS_TYPE_LONG_TEXT_ROW (cs_long_text_row_get_type ())

G_DECLARE_FINAL_TYPE (CsLongTextRow, cs_long_text_row, CS, LONG_TEXT_ROW, AdwPreferencesRow)

GtkWidget     *cs_long_text_row_new       (const char    *title,
                                           const char    *column);
GtkTextBuffer *cs_long_text_row_get_buffer (CsLongTextRow *self);

G_END_DECLS
