/* cs-toast.h
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
 * Toasts shown by the pages: an error, and "deleted" with an Undo button bound to
 * `project.undo`, which puts back the last step of the store's undo stack.
 */

void       cs_toast_add             (GtkWidget    *widget,
                                     AdwToast     *toast);
void       cs_toast_show_error      (GtkWidget    *widget,
                                     const GError *error);
void       cs_toast_show_deleted    (GtkWidget    *widget,
                                     CsStore      *store,
                                     CsDeletion * const *deletions,
                                     guint         n_deletions,
                                     const char   *title);

G_END_DECLS
