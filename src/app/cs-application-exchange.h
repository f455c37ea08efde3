/* cs-application-exchange.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-application.h"
#include "cs-window.h"

G_BEGIN_DECLS

void        cs_exchange_actions_install      (CsApplication *app);
void        cs_exchange_actions_import_file  (CsApplication *app,
                                              GFile         *xml,
                                              GFile         *destination,
                                              GtkWindow     *parent,
                                              GCancellable  *cancellable);
void        cs_exchange_actions_export_file_async  (CsWindow            *window,
                                                    GFile               *destination,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean    cs_exchange_actions_export_file_finish (CsWindow            *window,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* cs-application.c */
void        cs_application_show_error        (GtkWindow     *parent,
                                              const char    *heading,
                                              const char    *message);

G_END_DECLS
