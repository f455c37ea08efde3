/* cs-field-table.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-field-table"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-field-table.h"
#include "cs-field-editor.h"
#include "cs-long-text-row.h"
#include "cs-number-row.h"
#include "cs-text-row.h"
#include "cs-tristate-row.h"

/**
 * cs_field_spec_create:
 * @spec: a field
 *
 * Returns: (transfer floating): a new, unbound field editor for @spec, its title and unit
 *   translated
 */
GtkWidget *
cs_field_spec_create (const CsFieldSpec *spec)
{
  const char *title;
  const char *unit = NULL;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->title != NULL && spec->column != NULL, NULL);

  title = _(spec->title);
  if (spec->unit != NULL && spec->unit_context != NULL)
    unit = g_dpgettext2 (GETTEXT_PACKAGE, spec->unit_context, spec->unit);
  else if (spec->unit != NULL)
    unit = _(spec->unit);

  switch (spec->kind)
    {
    case CS_ROW_TEXT:
      return cs_text_row_new (title, spec->column);
    case CS_ROW_LONG_TEXT:
      return cs_long_text_row_new (title, spec->column);
    case CS_ROW_NUMBER:
      return cs_number_row_new (title, spec->column, unit);
    case CS_ROW_TRISTATE:
      return cs_tristate_row_new (title, spec->column);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cs_field_table_add:
 * @parent: an #AdwPreferencesGroup or an #AdwExpanderRow
 * @specs: (array length=n_specs): the fields, in the order shown
 * @n_specs: how many
 * @store: the project
 * @record: the record the fields belong to
 *
 * Adds an editor for each of @specs to @parent, bound to @record's field.
 */
void
cs_field_table_add (GtkWidget         *parent,
                    const CsFieldSpec *specs,
                    gsize              n_specs,
                    CsStore           *store,
                    CsRecord          *record)
{
  g_return_if_fail (specs != NULL || n_specs == 0);

  for (gsize i = 0; i < n_specs; i++)
    cs_field_editor_add_bound (parent, cs_field_spec_create (&specs[i]), store, record);
}
