/* cs-field-table.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

/**
 * CsFieldRowKind:
 * @CS_ROW_TEXT: a #CsTextRow
 * @CS_ROW_LONG_TEXT: a #CsLongTextRow
 * @CS_ROW_NUMBER: a #CsNumberRow with a unit
 * @CS_ROW_TRISTATE: a #CsTristateRow (yes, no, not stated)
 *
 * The field editor a #CsFieldSpec creates.
 */
typedef enum
{
  CS_ROW_TEXT,
  CS_ROW_LONG_TEXT,
  CS_ROW_NUMBER,
  CS_ROW_TRISTATE,
} CsFieldRowKind;

/**
 * CsFieldSpec:
 * @kind: the editor
 * @title: the row's title, untranslated (marked with N_())
 * @column: the field of the record it edits
 * @unit: (nullable): for %CS_ROW_NUMBER, the unit, untranslated (N_() or NC_())
 * @unit_context: (nullable): the translation context of @unit, as given to NC_()
 *
 * One row of a form described as a table: pages list their fields in a static array and add
 * them with cs_field_table_add().
 */
typedef struct
{
  CsFieldRowKind  kind;
  const char  *title;
  const char  *column;
  const char  *unit;
  const char  *unit_context;
} CsFieldSpec;

GtkWidget *cs_field_spec_create (const CsFieldSpec *spec);
void       cs_field_table_add   (GtkWidget         *parent,
                                 const CsFieldSpec *specs,
                                 gsize              n_specs,
                                 CsStore           *store,
                                 CsRecord          *record);

G_END_DECLS
