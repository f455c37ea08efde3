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

typedef struct
{
  CsFileChosenFunc chosen;
  gpointer         user_data;
  GDestroyNotify   destroy;
} FileChooserRun;

static void
on_file_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             FileChooserRun  *run)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        run->chosen (file, gtk_native_dialog_get_transient_for (chooser), run->user_data);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (run->destroy != NULL)
    run->destroy (run->user_data);
  g_free (run);
}

/**
 * cs_file_chooser_run:
 * @chooser: (transfer full): a file chooser from cs_file_chooser_new(), set up
 * @chosen: called with the file once the user accepts one
 * @user_data: passed to @chosen
 * @destroy: (nullable): frees @user_data once the chooser is answered, chosen or not
 *
 * Shows @chooser and takes care of it: once it is answered it is destroyed and released, and
 * @user_data freed. A caller keeps alive what @chosen needs by handing a reference as
 * @user_data with g_object_unref() as @destroy.
 */
void
cs_file_chooser_run (GtkFileChooserNative *chooser,
                     CsFileChosenFunc      chosen,
                     gpointer              user_data,
                     GDestroyNotify        destroy)
{
  FileChooserRun *run;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_return_if_fail (chosen != NULL);

  run = g_new0 (FileChooserRun, 1);
  run->chosen = chosen;
  run->user_data = user_data;
  run->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
