/* cs-inventory-columns.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-store.h"

G_BEGIN_DECLS

void cs_coverage_badge_setup     (GtkLabel            *label);
void cs_coverage_badge_set_state (GtkLabel            *label,
                                  gboolean             has_offer,
                                  CsCoverageState      state);
void cs_column_width_remember    (GtkColumnViewColumn *column,
                                  GSettings           *settings,
                                  const char          *key,
                                  const char          *id);

G_END_DECLS
