/* cs-window-export.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-handover.h"
#include "cs-window.h"

G_BEGIN_DECLS

void      cs_export_attach          (CsWindow             *window);
void      cs_export_to_file_async   (CsWindow             *window,
                                     CsHandoverKind        kind,
                                     gint64                offer_id,
                                     CsDocumentFormat      format,
                                     const char           *path,
                                     CsDocumentProgressFunc progress,
                                     gpointer              progress_data,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  cs_export_to_file_finish  (CsWindow             *window,
                                     GAsyncResult         *result,
                                     GError              **error);
void      cs_export_print_document  (GtkWindow            *parent,
                                     CsDocument           *document,
                                     const char           *export_path);

G_END_DECLS
