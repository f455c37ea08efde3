/* cs-new-project-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-new-project-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-new-project-dialog.h"

/**
 * CsNewProjectDialog:
 *
 * Asks the client name of a new project. Its "create" response is enabled once the name is
 * not blank; the caller then asks where to save the project.
 */
struct _CsNewProjectDialog
{
  AdwMessageDialog  parent_instance;

  /* template children */
  GtkEntry         *client_entry;
};

enum {
  PROP_0,
  PROP_CLIENT_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsNewProjectDialog, cs_new_project_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GParamSpec *properties[N_PROPS];

static void
on_client_entry_changed_cb (GtkEntry           *entry,
                            CsNewProjectDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", name[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}

/* GObject vfuncs */

static void
cs_new_project_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CS_TYPE_NEW_PROJECT_DIALOG);

  G_OBJECT_CLASS (cs_new_project_dialog_parent_class)->dispose (object);
}

static void
cs_new_project_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CsNewProjectDialog *self = CS_NEW_PROJECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT_NAME:
      g_value_set_string (value, cs_new_project_dialog_get_client_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_new_project_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CsNewProjectDialog *self = CS_NEW_PROJECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT_NAME:
      cs_new_project_dialog_set_client_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_new_project_dialog_class_init (CsNewProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_new_project_dialog_dispose;
  object_class->get_property = cs_new_project_dialog_get_property;
  object_class->set_property = cs_new_project_dialog_set_property;

  /**
   * CsNewProjectDialog:client-name:
   *
   * The client name typed.
   */
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-new-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsNewProjectDialog, client_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_client_entry_changed_cb);
}

static void
cs_new_project_dialog_init (CsNewProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/**
 * cs_new_project_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Returns: (transfer none): a new #CsNewProjectDialog, not yet shown
 */
CsNewProjectDialog *
cs_new_project_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CS_TYPE_NEW_PROJECT_DIALOG, "transient-for", parent, NULL);
}

/**
 * cs_new_project_dialog_get_client_name:
 * @self: a #CsNewProjectDialog
 *
 * Returns: the client name as typed
 */
const char *
cs_new_project_dialog_get_client_name (CsNewProjectDialog *self)
{
  g_return_val_if_fail (CS_IS_NEW_PROJECT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->client_entry));
}

/**
 * cs_new_project_dialog_set_client_name:
 * @self: a #CsNewProjectDialog
 * @client_name: (nullable): a client name
 *
 * Fills in the client name.
 */
void
cs_new_project_dialog_set_client_name (CsNewProjectDialog *self,
                                       const char         *client_name)
{
  g_return_if_fail (CS_IS_NEW_PROJECT_DIALOG (self));

  if (g_strcmp0 (client_name, cs_new_project_dialog_get_client_name (self)) == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->client_entry),
                         client_name != NULL ? client_name : "");
}
