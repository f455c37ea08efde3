/* cs-dialog-helpers.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The set-up every question and file chooser of the application shares: the window it opens
 * over, a Cancel button that Escape answers, modal file choosers.
 */

GtkWindow            *cs_get_parent_window   (GtkWidget             *widget);
AdwMessageDialog     *cs_question_dialog_new (GtkWindow             *parent,
                                              const char            *heading,
                                              const char            *body,
                                              const char            *response,
                                              const char            *response_label,
                                              AdwResponseAppearance  appearance);
GtkFileChooserNative *cs_file_chooser_new    (GtkWindow             *parent,
                                              const char            *title,
                                              GtkFileChooserAction   action,
                                              const char            *accept_label);

G_END_DECLS
