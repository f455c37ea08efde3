/* cs-field-row.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_FIELD_ROW (cs_field_row_get_type ())

G_DECLARE_FINAL_TYPE (CsFieldRow, cs_field_row, CS, FIELD_ROW, AdwEntryRow)

GtkWidget   *cs_field_row_new          (const char  *title,
                                        const char  *column,
                                        const char  *unit);
const char  *cs_field_row_get_column   (CsFieldRow  *self);
CsRecord    *cs_field_row_get_record   (CsFieldRow  *self);
void         cs_field_row_bind         (CsFieldRow  *self,
                                        CsStore     *store,
                                        CsRecord    *record);
const char  *cs_field_row_get_unit     (CsFieldRow  *self);
void         cs_field_row_set_unit     (CsFieldRow  *self,
                                        const char  *unit);
gboolean     cs_field_row_commit       (CsFieldRow  *self);

char        *cs_format_number          (double       value);
gboolean     cs_parse_number           (const char  *text,
                                        double      *out_value);

void         cs_field_rows_bind        (GtkWidget   *container,
                                        CsStore     *store,
                                        CsRecord    *record);
GtkWidget   *cs_field_rows_find        (GtkWidget   *container,
                                        const char  *table,
                                        gint64       record_id,
                                        const char  *field);
gboolean     cs_field_rows_reveal      (GtkWidget   *row);

G_END_DECLS
