/* cs-list-keys.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cs_list_keys_add (GtkListBox *list_box);

G_END_DECLS
