/* cs-field-rows.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

/*
 * Editors bound to one field of one record, shared by the Responsibilities, SLA and Backup
 * pages: each commits its change through the store at once, follows the record when the store
 * changes it, shows a refused change in the closest AdwToastOverlay and goes back to the value
 * on disk, and is insensitive in a read-only project.
 */

GtkWidget *cs_field_entry_row_new    (CsStore            *store,
                                      CsRecord           *record,
                                      const char         *column,
                                      const char         *title);
GtkWidget *cs_field_spin_new         (CsStore            *store,
                                      CsRecord           *record,
                                      const char         *column,
                                      double              max,
                                      guint               digits,
                                      const char         *accessible_name);
GtkWidget *cs_field_time_spin_new    (CsStore            *store,
                                      CsRecord           *record,
                                      const char         *column,
                                      const char         *accessible_name);
GtkWidget *cs_field_drop_down_new    (CsStore            *store,
                                      CsRecord           *record,
                                      const char         *column,
                                      const char * const *labels,
                                      const char         *accessible_name);
GtkWidget *cs_field_number_row_new   (CsStore            *store,
                                      CsRecord           *record,
                                      const char         *column,
                                      const char         *title,
                                      const char         *unit,
                                      double              max,
                                      guint               digits);
GtkWidget *cs_field_choice_row_new   (CsStore            *store,
                                      CsRecord           *record,
                                      const char         *column,
                                      const char         *title,
                                      const char * const *labels);
const char * const *cs_field_tristate_labels (void);
const char * const *cs_field_time_unit_labels (void);
const char * const *cs_field_clock_labels (void);

gboolean   cs_field_focus            (GtkWidget          *root,
                                      const char         *table,
                                      gint64              record_id,
                                      const char         *field);

G_END_DECLS
