/* cs-window.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-application.h"
#include "cs-project-view.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_WINDOW (cs_window_get_type ())

G_DECLARE_FINAL_TYPE (CsWindow, cs_window, CS, WINDOW, AdwApplicationWindow)

CsWindow      *cs_window_new               (CsApplication *application);
CsStore       *cs_window_get_store         (CsWindow      *self);
void           cs_window_set_store         (CsWindow      *self,
                                            CsStore       *store);
void           cs_window_close_project     (CsWindow      *self);
CsProjectView *cs_window_get_project_view  (CsWindow      *self);
GtkWidget     *cs_window_get_welcome_page  (CsWindow      *self);
void           cs_window_add_toast         (CsWindow      *self,
                                            AdwToast      *toast);

G_END_DECLS
