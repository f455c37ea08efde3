/* cs-window.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-window.h"
#include "cs-dialog-helpers.h"
#include "cs-window-export.h"
#include "cs-contract-review.h"
#include "cs-labels.h"
#include "cs-project-properties.h"
#include "cs-welcome-page.h"

/**
 * CsWindow:
 *
 * A main window. It shows the welcome page while no project is open, and a #CsProjectView
 * for the project it holds otherwise; one window holds at most one project. The window
 * owns the project's #CsStore and closes it when the project or the window is closed.
 *
 * Window actions: `win.save-copy`, `win.project-properties`, `win.close-project` (which
 * closes the window when no project is open), and `win.open-contract` (a path: reviews that
 * contract document for the selected offer; "": chooses the file), which the application
 * exports on D-Bus with its window, for scripts.
 */
struct _CsWindow
{
  AdwApplicationWindow  parent_instance;

  CsStore              *store;
  /* the review of the open project: the window opens projects, so it owns their review */
  CsReviewState        *review_state;
  GSettings            *settings;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  CsWelcomePage        *welcome_page;
  CsProjectView        *project_view;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsWindow, cs_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
update_actions (CsWindow *self)
{
  gboolean has_project = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.project-properties", has_project);
}

static void
update_title (CsWindow *self)
{
  const char *client_name = NULL;

  if (self->store != NULL)
    client_name = cs_project_get_client_name (cs_store_get_project (self->store));

  if (client_name != NULL && client_name[0] != '\0')
    {
      /* Translators: the window title; %s is the client name of the open project */
      g_autofree char *title = g_strdup_printf (_("%s — Contract Scope"), client_name);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Contract Scope"));
    }
}

static void
on_project_client_name_changed_cb (CsProject  *project,
                                   GParamSpec *pspec,
                                   CsWindow   *self)
{
  update_title (self);
}

static void
load_window_state (CsWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (CsWindow *self)
{
  int width;
  int height;
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The maximized size says nothing about the size the user chose. */
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
save_copy_chosen_cb (GFile     *file,
                     GtkWindow *parent,
                     gpointer   user_data)
{
  CsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = NULL;

  if (self->store == NULL || chosen == NULL)
    return;

  if (g_str_has_suffix (chosen, CS_PROJECT_SUFFIX))
    path = g_steal_pointer (&chosen);
  else
    path = g_strconcat (chosen, CS_PROJECT_SUFFIX, NULL);

  if (!cs_store_save_copy (self->store, path, &error))
    {
      /* Translators: %s is the reason; the project itself is untouched */
      g_autofree char *title = g_markup_printf_escaped (_("Could not save a copy: %s"),
                                                        error->message);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 0);
      cs_window_add_toast (self, toast);
    }
  else
    {
      g_autoptr(GFile) copy = g_file_new_for_path (path);
      g_autofree char *basename = g_file_get_basename (copy);
      /* Translators: %s is a file name */
      g_autofree char *title = g_markup_printf_escaped (_("Copy saved as “%s”"), basename);

      cs_window_add_toast (self, adw_toast_new (title));
      cs_application_note_recent (path);
    }
}

/* actions */

static void
cs_window_save_copy_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GFile) current = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  chooser = cs_file_chooser_new (GTK_WINDOW (self), _("Save a Copy"),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));

  current = g_file_new_for_path (cs_store_get_path (self->store));
  basename = g_file_get_basename (current);
  if (g_str_has_suffix (basename, CS_PROJECT_SUFFIX))
    basename[strlen (basename) - strlen (CS_PROJECT_SUFFIX)] = '\0';
  /* Translators: the suggested file name of a copy; %s is the project's file name */
  suggested = g_strdup_printf (_("%s (copy).contractscope"), basename);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  folder = g_file_get_parent (current);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Contract Scope Projects"));
  gtk_file_filter_add_mime_type (filter, CS_PROJECT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "contractscope");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  cs_file_chooser_run (chooser, save_copy_chosen_cb, g_object_ref (self), g_object_unref);
}

static void
cs_window_project_properties_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  CsProjectProperties *properties_window;

  if (self->store == NULL)
    return;

  properties_window = cs_project_properties_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (properties_window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (properties_window), TRUE);
  gtk_window_present (GTK_WINDOW (properties_window));
}

static void
cs_window_close_project_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  if (self->store == NULL)
    gtk_window_close (GTK_WINDOW (self));
  else
    cs_window_close_project (self);
}

/* GtkWindow vfuncs */

static gboolean
cs_window_close_request (GtkWindow *window)
{
  CsWindow *self = CS_WINDOW (window);

  save_window_state (self);
  cs_window_close_project (self);

  return GTK_WINDOW_CLASS (cs_window_parent_class)->close_request (window);
}

/* GObject vfuncs */

static void
cs_window_dispose (GObject *object)
{
  CsWindow *self = CS_WINDOW (object);

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (cs_store_get_project (self->store), self);
      cs_store_close (self->store);
      g_clear_object (&self->store);
    }
  g_clear_object (&self->review_state);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_WINDOW);

  G_OBJECT_CLASS (cs_window_parent_class)->dispose (object);
}

static void
cs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CsWindow *self = CS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CsWindow *self = CS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cs_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_window_class_init (CsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cs_window_dispose;
  object_class->get_property = cs_window_get_property;
  object_class->set_property = cs_window_set_property;

  window_class->close_request = cs_window_close_request;

  /**
   * CsWindow:store:
   *
   * The open project, or %NULL while the welcome page is shown.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CS_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, welcome_page);

  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL,
                                   cs_window_save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.project-properties", NULL,
                                   cs_window_project_properties_action);
  gtk_widget_class_install_action (widget_class, "win.close-project", NULL,
                                   cs_window_close_project_action);
}

static void
on_open_contract_activate_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              CsWindow      *self)
{
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = NULL;
  CsContractReview *review;
  CsOffer *offer;

  if (self->project_view == NULL || self->store == NULL || cs_store_is_read_only (self->store))
    return;
  offer = cs_project_view_get_offer (self->project_view);
  if (offer == NULL)
    return;
  if (*path == '\0')
    {
      gtk_widget_activate_action (GTK_WIDGET (self->project_view), "project.open-contract", NULL);
      return;
    }

  file = g_file_new_for_commandline_arg (path);
  review = cs_contract_review_new (GTK_WINDOW (self), self->store, offer, file);
  gtk_window_present (GTK_WINDOW (review));
}

static void
cs_window_init (CsWindow *self)
{
  g_autoptr(GSimpleAction) open_contract = g_simple_action_new ("open-contract", G_VARIANT_TYPE_STRING);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (open_contract, "activate", G_CALLBACK (on_open_contract_activate_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (open_contract));

  update_actions (self);
}

/* public API */

/**
 * cs_window_new:
 * @application: the application
 *
 * Creates a window showing the welcome page.
 *
 * Returns: (transfer none): a new #CsWindow, owned by its toplevel list
 */
CsWindow *
cs_window_new (CsApplication *application)
{
  CsWindow *self;

  g_return_val_if_fail (CS_IS_APPLICATION (application), NULL);

  self = g_object_new (CS_TYPE_WINDOW, "application", application, NULL);

  /* GtkWindow:application is not a construct property: constructed() is too early. */
  g_set_object (&self->settings, cs_application_get_settings (application));
  load_window_state (self);
  cs_export_attach (self);

  return self;
}

/**
 * cs_window_get_store:
 * @self: a #CsWindow
 *
 * Returns: (transfer none) (nullable): the open project, or %NULL
 */
CsStore *
cs_window_get_store (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * cs_window_set_store:
 * @self: a #CsWindow
 * @store: (nullable): an open project, or %NULL to close the current one
 *
 * Shows @store in the window. A project shown before is closed first.
 */
void
cs_window_set_store (CsWindow *self,
                     CsStore  *store)
{
  g_return_if_fail (CS_IS_WINDOW (self));
  g_return_if_fail (store == NULL || CS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (cs_store_get_project (self->store), self);
      if (self->store != store)
        cs_store_close (self->store);
    }

  if (self->project_view != NULL)
    {
      gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "welcome"), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      gtk_stack_remove (self->stack, GTK_WIDGET (self->project_view));
      self->project_view = NULL;
    }

  g_set_object (&self->store, store);
  g_clear_object (&self->review_state);

  if (self->store != NULL)
    {
      self->review_state = cs_review_state_new (self->store);
      self->project_view = cs_project_view_new (self->review_state);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->project_view), "project");
      gtk_stack_set_visible_child_name (self->stack, "project");
      /* A page a GtkStack does not show stays in the accessibility tree, its buttons
       * "visible" to screen readers: the welcome page is hidden while a project is shown. */
      gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "welcome"), FALSE);
      g_signal_connect_object (cs_store_get_project (self->store), "notify::client-name",
                               G_CALLBACK (on_project_client_name_changed_cb), self, 0);
    }
  else
    {
      cs_welcome_page_reload_recent (self->welcome_page);
    }

  update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * cs_window_close_project:
 * @self: a #CsWindow
 *
 * Closes the open project, if any, and shows the welcome page.
 */
void
cs_window_close_project (CsWindow *self)
{
  g_return_if_fail (CS_IS_WINDOW (self));

  cs_window_set_store (self, NULL);
}

/**
 * cs_window_get_project_view:
 * @self: a #CsWindow
 *
 * Returns: (transfer none) (nullable): the view of the open project, or %NULL
 */
CsProjectView *
cs_window_get_project_view (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->project_view;
}

/**
 * cs_window_get_welcome_page:
 * @self: a #CsWindow
 *
 * Returns: (transfer none): the welcome page
 */
GtkWidget *
cs_window_get_welcome_page (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->welcome_page);
}

/**
 * cs_window_add_toast:
 * @self: a #CsWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast in the window.
 */
void
cs_window_add_toast (CsWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (self->project_view != NULL)
    cs_project_view_add_toast (self->project_view, toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
