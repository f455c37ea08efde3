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

/**
 * cs_toast_show_undo:
 * @widget: an #AdwToastOverlay or a widget inside one
 * @title: the toast's title, in Pango markup
 * @action_name: the action that puts the deletion back, such as `sla.undo-delete`
 * @timeout: seconds before the toast goes away, or 0 to keep it until dismissed
 *
 * Shows that something was deleted, with an “Undo” button that activates @action_name.
 */
void
cs_toast_show_undo (GtkWidget  *widget,
                    const char *title,
                    const char *action_name,
                    guint       timeout)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);
  g_return_if_fail (action_name != NULL);

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
  cs_toast_show_undo (widget, title, "project.undo", 5);
}

/**
 * cs_toast_undo_deletion:
 * @widget: an #AdwToastOverlay or a widget inside one, to show a failure
 * @store: the store @deletion came from
 * @deletion: (nullable): what cs_store_delete() returned
 *
 * Puts @deletion back in @store; a failure is shown with cs_toast_show_error().
 *
 * Returns: %TRUE if @deletion was put back, %FALSE if it was %NULL or could not be
 */
gboolean
cs_toast_undo_deletion (GtkWidget  *widget,
                        CsStore    *store,
                        CsDeletion *deletion)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (CS_IS_STORE (store), FALSE);

  if (deletion == NULL)
    return FALSE;

  if (!cs_store_undelete (store, deletion, &error))
    {
      cs_toast_show_error (widget, error);
      return FALSE;
    }

  return TRUE;
}

/* What the Undo button of a deletion toast puts back. */
typedef struct
{
  CsStore    *store;
  CsDeletion *deletion;
  GWeakRef    widget;
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_clear_object (&undo->store);
  g_clear_pointer (&undo->deletion, cs_deletion_unref);
  g_weak_ref_clear (&undo->widget);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&undo->widget);
  g_autoptr(GError) error = NULL;

  if (cs_store_is_closed (undo->store) || cs_store_is_read_only (undo->store))
    return;

  if (!cs_store_undelete (undo->store, undo->deletion, &error) && widget != NULL)
    cs_toast_show_error (widget, error);
}

/**
 * cs_toast_set_undo:
 * @toast: a toast saying that something was deleted
 * @widget: where a failure to put it back is shown
 * @store: the store @deletion came from
 * @deletion: (transfer full): what cs_store_delete() returned
 *
 * Gives @toast an “Undo” button that puts @deletion back; each toast keeps its own deletion.
 */
void
cs_toast_set_undo (AdwToast   *toast,
                   GtkWidget  *widget,
                   CsStore    *store,
                   CsDeletion *deletion)
{
  Undo *undo;

  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CS_IS_STORE (store));
  g_return_if_fail (deletion != NULL);

  undo = g_new0 (Undo, 1);
  undo->store = g_object_ref (store);
  undo->deletion = deletion;
  g_weak_ref_init (&undo->widget, widget);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         undo_free, 0);
}
