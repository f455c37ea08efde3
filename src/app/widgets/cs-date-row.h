/* cs-date-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-field-editor.h"

G_BEGIN_DECLS

#define CS_TYPE_DATE_ROW (cs_date_row_get_type ())

G_DECLARE_FINAL_TYPE (CsDateRow, cs_date_row, CS, DATE_ROW, AdwEntryRow)

GtkWidget   *cs_date_row_new           (const char *title,
                                        const char *column);
GtkCalendar *cs_date_row_get_calendar  (CsDateRow  *self);

G_END_DECLS
