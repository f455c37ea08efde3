/* cs-progress.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-progress.h"

/* Work done sooner shows no dialog at all. */
#define PROGRESS_DELAY_MS 400
#define PULSE_MS          120

struct _CsProgress
{
  GtkWindow    *parent;
  char         *heading;
  char         *body;
  char         *bar_label;
  GCancellable *cancellable;
  GtkWidget    *dialog;       /* once shown */
  GtkWidget    *bar;
  guint         show_id;
  guint         pulse_id;
  int           permille;     /* set by the worker thread; -1: unknown */
};

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                CsProgress       *progress)
{
  /* The dialog closes itself after a response: the progress forgets it. */
  g_clear_handle_id (&progress->pulse_id, g_source_remove);
  progress->dialog = NULL;
  progress->bar = NULL;
  if (g_str_equal (response, "cancel"))
    g_cancellable_cancel (progress->cancellable);
}

/* Work of known size shows how far it is, other work pulses. */
static gboolean
pulse_cb (gpointer data)
{
  CsProgress *progress = data;
  int permille = g_atomic_int_get (&progress->permille);

  if (permille >= 0)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (progress->bar), permille / 1000.0);
  else
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (progress->bar));
  return G_SOURCE_CONTINUE;
}

static gboolean
show_cb (gpointer data)
{
  CsProgress *progress = data;
  AdwMessageDialog *dialog;

  progress->show_id = 0;
  /* Heading and body are plain text: file names are never markup. */
  progress->dialog = adw_message_dialog_new (progress->parent, progress->heading, progress->body);
  dialog = ADW_MESSAGE_DIALOG (progress->dialog);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  progress->bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (progress->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  progress->bar_label, -1);
  adw_message_dialog_set_extra_child (dialog, progress->bar);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), progress);
  gtk_window_present (GTK_WINDOW (dialog));
  progress->pulse_id = g_timeout_add (PULSE_MS, pulse_cb, progress);
  return G_SOURCE_REMOVE;
}

/**
 * cs_progress_start:
 * @parent: (nullable): the window the dialog is shown over
 * @heading: the dialog's heading, plain text
 * @body: its text, plain text
 * @bar_label: (nullable): the progress bar's accessible name; %NULL for @heading
 * @cancellable: cancelled by the dialog's Cancel button
 *
 * Shows the progress dialog if the work lasts more than a moment; the bar pulses until
 * cs_progress_set_fraction() is called.
 *
 * Returns: (transfer full): the progress, for cs_progress_stop()
 */
CsProgress *
cs_progress_start (GtkWindow    *parent,
                   const char   *heading,
                   const char   *body,
                   const char   *bar_label,
                   GCancellable *cancellable)
{
  CsProgress *progress;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL && body != NULL, NULL);
  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  progress = g_new0 (CsProgress, 1);
  progress->parent = parent != NULL ? g_object_ref (parent) : NULL;
  progress->heading = g_strdup (heading);
  progress->body = g_strdup (body);
  progress->bar_label = g_strdup (bar_label != NULL ? bar_label : heading);
  progress->cancellable = g_object_ref (cancellable);
  progress->permille = -1;
  progress->show_id = g_timeout_add (PROGRESS_DELAY_MS, show_cb, progress);
  return progress;
}

/**
 * cs_progress_set_fraction:
 * @progress: a #CsProgress
 * @fraction: how much of the work is done, from 0 to 1
 *
 * Records how far the work is; the bar shows it at its next update. May be called from the
 * worker thread.
 */
void
cs_progress_set_fraction (CsProgress *progress,
                          double      fraction)
{
  g_return_if_fail (progress != NULL);

  g_atomic_int_set (&progress->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

/**
 * cs_progress_stop:
 * @progress: (transfer full): a #CsProgress
 *
 * Closes the dialog, or keeps it from showing, and frees @progress. Call it from the main
 * thread once the worker is done.
 */
void
cs_progress_stop (CsProgress *progress)
{
  g_return_if_fail (progress != NULL);

  g_clear_handle_id (&progress->show_id, g_source_remove);
  g_clear_handle_id (&progress->pulse_id, g_source_remove);
  if (progress->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (progress->dialog));
  g_clear_object (&progress->parent);
  g_clear_object (&progress->cancellable);
  g_free (progress->heading);
  g_free (progress->body);
  g_free (progress->bar_label);
  g_free (progress);
}
