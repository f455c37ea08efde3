/* cs-welcome-page.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CS_TYPE_WELCOME_PAGE (cs_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (CsWelcomePage, cs_welcome_page, CS, WELCOME_PAGE, AdwBin)

GtkWidget *cs_welcome_page_new                (void);
guint      cs_welcome_page_get_n_recent       (CsWelcomePage *self);
void       cs_welcome_page_reload_recent      (CsWelcomePage *self);

G_END_DECLS
