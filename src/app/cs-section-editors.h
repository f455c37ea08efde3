/* cs-section-editors.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-store.h"

G_BEGIN_DECLS

GtkWidget *cs_section_editor_new (CsSection  section,
                                  CsStore   *store);

G_END_DECLS
