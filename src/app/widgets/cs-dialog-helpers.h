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
 * over, a Cancel button that Escape answers, modal file choosers released once answered.
 */

/**
 * CsFileChosenFunc:
 * @file: the file the user chose
 * @parent: (nullable): the window the chooser opened over
 * @user_data: the data given to cs_file_chooser_run()
 *
 * Acts on the file chosen in a file chooser.
 */
typedef void (*CsFileChosenFunc) (GFile     *file,
                                  GtkWindow *parent,
                                  gpointer   user_data);

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
void                  cs_file_chooser_run    (GtkFileChooserNative  *chooser,
                                              CsFileChosenFunc       chosen,
                                              gpointer               user_data,
                                              GDestroyNotify         destroy);

G_END_DECLS
