/* cs-toast.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-toast.h"

/**
 * cs_toast_add:
 * @widget: an #AdwToastOverlay or a widget inside one
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the closest #AdwToastOverlay at or above @widget; drops it when there is none
 * (a widget not yet in a window).
 */
void
cs_toast_add (GtkWidget *widget,
              AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * cs_toast_show_error:
 * @widget: an #AdwToastOverlay or a widget inside one, where the error happened
 * @error: a translated error
 *
 * Shows @error in a toast of the closest #AdwToastOverlay at or above @widget, until dismissed.
 */
void
cs_toast_show_error (GtkWidget    *widget,
                     const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  /* Toast titles are markup; the message may quote what the user typed. */
  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  cs_toast_add (widget, toast);
}

/* Shows that something was deleted, with an “Undo” button that activates @action_name. */
static void
show_undo (GtkWidget  *widget,
           const char *title,
           const char *action_name,
           guint       timeout)
{
  AdwToast *toast;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, timeout);
  cs_toast_add (widget, toast);
}

/**
 * cs_toast_show_deleted:
 * @widget: an #AdwToastOverlay or a widget inside one, itself inside the project view
 * @store: the store the deletions came from
 * @deletions: (array length=n_deletions): what one user action deleted
 * @n_deletions: the number of @deletions, at least 1
 * @title: the toast's title, in Pango markup
 *
 * Puts @deletions on the store's undo stack and shows @title with an “Undo” button bound to
 * `project.undo`, the action Ctrl+Z also activates: both put back the last deletion.
 */
void
cs_toast_show_deleted (GtkWidget          *widget,
                       CsStore            *store,
                       CsDeletion * const *deletions,
                       guint               n_deletions,
                       const char         *title)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CS_IS_STORE (store));
  g_return_if_fail (deletions != NULL && n_deletions > 0);
  g_return_if_fail (title != NULL);

  cs_store_push_undo (store, deletions, n_deletions);
  show_undo (widget, title, "project.undo", 5);
}
