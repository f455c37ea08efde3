/* cs-dialog-helpers.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-dialog-helpers"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-dialog-helpers.h"

/**
 * cs_get_parent_window:
 * @widget: a widget
 *
 * Returns: (transfer none) (nullable): the window @widget is in, for the dialogs it opens;
 *   %NULL when it is in none
 */
GtkWindow *
cs_get_parent_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * cs_question_dialog_new:
 * @parent: (nullable): the window it opens over
 * @heading: (nullable): its heading, plain text
 * @body: (nullable): its text, plain text
 * @response: the id of the answer that acts ("delete", "apply" …)
 * @response_label: that answer's button label, with its mnemonic
 * @appearance: that button's appearance; a destructive answer is never the default
 *
 * Returns: (transfer floating): a new dialog asking a question, answered "cancel" by its
 *   Cancel button and by Escape, not yet shown
 */
AdwMessageDialog *
cs_question_dialog_new (GtkWindow             *parent,
                        const char            *heading,
                        const char            *body,
                        const char            *response,
                        const char            *response_label,
                        AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (response != NULL && response_label != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE
                                                   ? "cancel" : response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/**
 * cs_file_chooser_new:
 * @parent: (nullable): the window it opens over
 * @title: its title
 * @action: open, save or choose a folder
 * @accept_label: the label of the button that accepts, with its mnemonic
 *
 * Returns: (transfer full): a new modal file chooser with a Cancel button, not yet shown
 */
GtkFileChooserNative *
cs_file_chooser_new (GtkWindow            *parent,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept_label)
{
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}
