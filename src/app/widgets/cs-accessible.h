/* cs-accessible.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cs_accessible_label_drop_down (GtkWidget  *drop_down,
                                    const char *label);

G_END_DECLS
