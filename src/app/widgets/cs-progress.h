/* cs-progress.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The progress of work done in a worker thread: a dialog with a progress bar and a Cancel button,
 * shown only when the work lasts (the imports and exports of files).
 */

typedef struct _CsProgress CsProgress;

CsProgress *cs_progress_start        (GtkWindow    *parent,
                                      const char   *heading,
                                      const char   *body,
                                      const char   *bar_label,
                                      GCancellable *cancellable);
void        cs_progress_set_fraction (CsProgress   *progress,
                                      double        fraction);
void        cs_progress_stop         (CsProgress   *progress);

G_END_DECLS
