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
 * Toasts shown by the pages: an error, and "deleted" with an Undo button bound to a widget
 * action whose callback puts the deletion back with cs_toast_undo_deletion().
 */

void       cs_toast_add             (GtkWidget    *widget,
                                     AdwToast     *toast);
void       cs_toast_show_error      (GtkWidget    *widget,
                                     const GError *error);
void       cs_toast_show_undo       (GtkWidget    *widget,
                                     const char   *title,
                                     const char   *action_name,
                                     guint         timeout);
void       cs_toast_show_deleted    (GtkWidget    *widget,
                                     CsStore      *store,
                                     CsDeletion * const *deletions,
                                     guint         n_deletions,
                                     const char   *title);
void       cs_toast_set_undo        (AdwToast     *toast,
                                     GtkWidget    *widget,
                                     CsStore      *store,
                                     CsDeletion   *deletion);
gboolean   cs_toast_undo_deletion   (GtkWidget    *widget,
                                     CsStore      *store,
                                     CsDeletion   *deletion);

G_END_DECLS
