/* cs-application.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-application.h"
#include "cs-demo.h"
#include "cs-application-exchange.h"
#include "cs-dialog-helpers.h"
#include "cs-labels.h"
#include "cs-new-project-dialog.h"
#include "cs-preferences-window.h"
#include "cs-window.h"

/**
 * CsApplication:
 *
 * The application object. It owns the app-wide actions (new project, open, the demo,
 * preferences, the guide, about, quit), opens the project files given on the command line, keeps one
 * window per project, records opened projects in the recent files, and applies the colour
 * scheme chosen in the preferences. The folder a new project was last created in is kept for
 * the session, as the next new project's default.
 */
struct _CsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GFile          *new_project_folder;
  gboolean        open_demo_at_startup;
};

G_DEFINE_FINAL_TYPE (CsApplication, cs_application, ADW_TYPE_APPLICATION)

static GtkWindow *
get_parent_window (CsApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static CsWindow *
find_window_for_file (CsApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CsStore *store;
      g_autoptr(GFile) store_file = NULL;

      if (!CS_IS_WINDOW (l->data))
        continue;

      store = cs_window_get_store (l->data);
      if (store == NULL || cs_store_is_closed (store))
        continue;

      store_file = g_file_new_for_path (cs_store_get_path (store));
      if (g_file_equal (store_file, file))
        return l->data;
    }

  return NULL;
}

static CsWindow *
find_empty_window (CsApplication *self,
                   GtkWindow     *preferred)
{
  if (CS_IS_WINDOW (preferred) && cs_window_get_store (CS_WINDOW (preferred)) == NULL)
    return CS_WINDOW (preferred);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (CS_IS_WINDOW (l->data) && cs_window_get_store (l->data) == NULL)
        return l->data;
    }

  return NULL;
}

/**
 * cs_application_show_error:
 * @parent: (nullable): the window the dialog is for
 * @heading: the translated heading
 * @message: the translated message
 *
 * Shows an error in a dialog with a Close button.
 */
void
cs_application_show_error (GtkWindow  *parent,
                           const char *heading,
                           const char *message)
{
  AdwMessageDialog *dialog;

  /* Heading and body are plain text: file names and messages are never markup. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_open_error (GtkWindow    *parent,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *heading = NULL;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), basename);
  /* The store's messages already say what is safe ("It was left unchanged."). */
  cs_application_show_error (parent, heading, error->message);
}

typedef struct
{
  CsApplication *app;
  GFile         *file;
  GtkWindow     *parent;
} OpenReadOnlyData;

static void
open_read_only_data_free (gpointer  user_data,
                          GClosure *closure)
{
  OpenReadOnlyData *data = user_data;

  g_clear_object (&data->app);
  g_clear_object (&data->file);
  g_clear_weak_pointer (&data->parent);
  g_free (data);
}

static void
on_already_open_dialog_response_cb (AdwMessageDialog *dialog,
                                    const char       *response,
                                    OpenReadOnlyData *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autofree char *path = NULL;

  if (!g_str_equal (response, "read-only"))
    return;

  path = g_file_get_path (data->file);
  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      show_open_error (data->parent, data->file, error);
      return;
    }

  cs_application_show_store (data->app, store, data->parent);
}

static void
show_already_open (CsApplication *self,
                   GFile         *file,
                   GtkWindow     *parent,
                   const GError  *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  OpenReadOnlyData *data;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("“%s” Is Already Open"), basename);
  /* Translators: %s is the reason, a full sentence */
  body = g_strdup_printf (_("%s\n\nYou can open it read-only to look at it without changing it."),
                          error->message);

  dialog = cs_question_dialog_new (parent, heading, body, "read-only", _("Open _Read-Only"),
                                   ADW_RESPONSE_DEFAULT);

  data = g_new0 (OpenReadOnlyData, 1);
  data->app = g_object_ref (self);
  data->file = g_object_ref (file);
  g_set_weak_pointer (&data->parent, parent);
  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (on_already_open_dialog_response_cb),
                         data, open_read_only_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
create_project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Contract Scope Projects"));
  gtk_file_filter_add_mime_type (filter, CS_PROJECT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "contractscope");

  return filter;
}

/* new project: the dialog asks the client name and shows where the file goes */

static void
on_new_project_dialog_response_cb (CsNewProjectDialog *dialog,
                                   const char         *response,
                                   CsApplication      *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autofree char *client_name = NULL;
  g_autofree char *path = NULL;

  if (!g_str_equal (response, "create"))
    return;

  client_name = g_strstrip (g_strdup (cs_new_project_dialog_get_client_name (dialog)));
  if (client_name[0] == '\0')
    return;

  file = cs_new_project_dialog_get_file (dialog);
  if (file != NULL)
    path = g_file_get_path (file);
  if (path == NULL)
    {
      cs_application_show_error (parent, _("Could Not Create the Project"),
                                 _("Projects can only be saved in a folder on this computer; "
                                   "no project was created. Choose another folder."));
      return;
    }

  store = cs_store_create (path, client_name, &error);
  if (store == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *display_name = g_filename_display_name (basename);
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Create “%s”"), display_name);
      /* The store's messages already say that nothing was changed. */
      cs_application_show_error (parent, heading, error->message);
      return;
    }

  /* The next new project goes to the same folder, for this session. */
  g_set_object (&self->new_project_folder, cs_new_project_dialog_get_folder (dialog));

  cs_application_show_store (self, store, parent);
}

static void
open_chosen_cb (GFile     *file,
                GtkWindow *parent,
                gpointer   user_data)
{
  cs_application_open_file (CS_APPLICATION (user_data), file, parent);
}

static void
open_demo (CsApplication *self,
           GtkWindow     *parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autofree char *path = cs_application_new_demo_path ();

  if (path == NULL)
    {
      cs_application_show_error (parent, _("Could Not Create the Demo Project"),
                                 _("The folder for the demo project could not be created."));
      return;
    }

  store = cs_demo_create (path, &error);
  if (store == NULL)
    {
      cs_application_show_error (parent, _("Could Not Create the Demo Project"), error->message);
      return;
    }

  cs_application_show_store (self, store, parent);
}

static void
apply_color_scheme (CsApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *scheme = NULL;

  if (self->settings == NULL)
    return;

  scheme = g_settings_get_string (self->settings, "color-scheme");
  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
on_settings_color_scheme_changed_cb (GSettings     *settings,
                                     const char    *key,
                                     CsApplication *self)
{
  apply_color_scheme (self);
}

/* actions */

static void
cs_application_new_project_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  CsApplication *self = user_data;
  GtkWindow *parent = get_parent_window (self);
  CsNewProjectDialog *dialog;

  if (parent == NULL)
    {
      parent = GTK_WINDOW (cs_window_new (self));
      gtk_window_present (parent);
    }

  dialog = cs_new_project_dialog_new (parent);
  if (self->new_project_folder != NULL)
    cs_new_project_dialog_set_folder (dialog, self->new_project_folder);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_new_project_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_application_open_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  CsApplication *self = user_data;
  GtkWindow *parent = get_parent_window (self);
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  chooser = cs_file_chooser_new (parent, _("Open Project"),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  filter = create_project_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  cs_file_chooser_run (chooser, open_chosen_cb, g_object_ref (self), g_object_unref);
}

static void
cs_application_open_file_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  CsApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  cs_application_open_file (self, file, get_parent_window (self));
}

static void
cs_application_open_demo_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  CsApplication *self = user_data;

  open_demo (self, get_parent_window (self));
}

static void
cs_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  CsApplication *self = user_data;
  CsPreferencesWindow *window;

  window = cs_preferences_window_new (cs_application_get_settings (self));
  gtk_window_set_transient_for (GTK_WINDOW (window), get_parent_window (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
cs_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CsApplication *self = user_data;
  static const char *developers[] = { "The Contract Scope Authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_parent_window (self),
                        "application-name", _("Contract Scope"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Contract Scope Authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Review managed-service contracts: perimeter, service "
                                      "levels, backup, security, subcontracting and exit, offer "
                                      "by offer."),
                        "copyright", "© 2026 The Contract Scope Authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_help_launched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CsApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason, a full sentence */
      message = g_strdup_printf (_("%s\n\nThe guide is read with the Help application "
                                   "(Yelp); install it to read the guide."),
                                 error->message);
      cs_application_show_error (get_parent_window (self), _("Could Not Open the Guide"), message);
    }
}

/**
 * cs_application_get_help_uri:
 *
 * The guide that F1 and Help open. Installed, GNOME's help viewer (Yelp) finds it by its id
 * under share/help/LANG/. Run from the build tree, `meson devenv` sets
 * `CONTRACT_SCOPE_HELPDIR` to the guide built there (help/LANG/ with index.page, the
 * translations made by itstool as at install): Yelp opens that folder, in the first of the
 * interface's languages it holds, given as "ghelp:" and the folder's absolute path.
 *
 * Returns: (transfer full): "help:ID", or "ghelp:/…/help/fr" run from the build tree
 */
char *
cs_application_get_help_uri (void)
{
  const char *dir = g_getenv ("CONTRACT_SCOPE_HELPDIR");
  const char * const *languages = g_get_language_names ();

  if (dir == NULL || dir[0] == '\0')
    return g_strdup (CS_APPLICATION_HELP_URI);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *guide = g_build_filename (dir, languages[i], NULL);
      g_autofree char *index = g_build_filename (guide, "index.page", NULL);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;

      if (!g_file_test (index, G_FILE_TEST_IS_REGULAR))
        continue;
      /* Yelp reads "ghelp:" then an absolute path as that file or folder. */
      file = g_file_new_for_path (guide);
      path = g_file_get_path (file);
      return g_strconcat ("ghelp:", path, NULL);
    }

  return g_strdup (CS_APPLICATION_HELP_URI);
}

static void
cs_application_help_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  CsApplication *self = user_data;
  GtkWindow *parent = get_parent_window (self);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = cs_application_get_help_uri ();
  GdkDisplay *display;

  display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                           : gdk_display_get_default ();
  if (display != NULL)
    context = gdk_display_get_app_launch_context (display);

  /* GtkUriLauncher is GTK 4.10 and gtk_show_uri() deprecated there: GIO launches the
   * handler of help: and ghelp: URIs (Yelp), which finds the guide installed under
   * help/LANG/ID, or the build tree's. */
  g_app_info_launch_default_for_uri_async (uri,
                                           G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_help_launched_cb, g_object_ref (self));
}

static void
cs_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  CsApplication *self = user_data;
  GList *windows;

  /* Close each window so that each closes its project and keeps its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "new-project", cs_application_new_project_action },
  { "open", cs_application_open_action },
  { "open-file", cs_application_open_file_action, "s" },
  { "open-demo", cs_application_open_demo_action },
  { "preferences", cs_application_preferences_action },
  { "help", cs_application_help_action },
  { "about", cs_application_about_action },
  { "quit", cs_application_quit_action },
};

/* GApplication vfuncs */

static void
cs_application_activate (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);
  GtkWindow *window = get_parent_window (self);

  if (window == NULL)
    window = GTK_WINDOW (cs_window_new (self));

  gtk_window_present (window);

  if (self->open_demo_at_startup)
    {
      self->open_demo_at_startup = FALSE;
      open_demo (self, window);
    }
}

static void
cs_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CsApplication *self = CS_APPLICATION (app);

  /* A window first, to carry the error dialogs; the first project goes into it. */
  if (get_parent_window (self) == NULL)
    gtk_window_present (GTK_WINDOW (cs_window_new (self)));

  for (int i = 0; i < n_files; i++)
    cs_application_open_file (self, files[i], get_parent_window (self));
}

static int
cs_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CsApplication *self = CS_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (app))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
      return 0;
    }

  self->open_demo_at_startup = TRUE;

  return -1;
}

static void
cs_application_startup (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-project", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
    { "win.project-properties", { "<Alt>Return", NULL } },
    { "win.close-project", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (cs_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  cs_exchange_actions_install (self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  /* Running from the build tree without the schema installed is allowed: the window state
   * and the colour scheme are then simply not kept. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (on_settings_color_scheme_changed_cb), self, 0);
      apply_color_scheme (self);
    }
  else
    {
      g_debug ("GSettings schema %s not found; settings are not kept", APPLICATION_ID);
    }
}

/* GObject vfuncs */

static void
cs_application_dispose (GObject *object)
{
  CsApplication *self = CS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->new_project_folder);

  G_OBJECT_CLASS (cs_application_parent_class)->dispose (object);
}

static void
cs_application_class_init (CsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cs_application_dispose;

  app_class->activate = cs_application_activate;
  app_class->open = cs_application_open;
  app_class->handle_local_options = cs_application_handle_local_options;
  app_class->startup = cs_application_startup;
}

static void
cs_application_init (CsApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "demo", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Open a new copy of the demo project"), NULL);
}

/* public API */

/**
 * cs_application_new:
 *
 * Creates the application object.
 *
 * Returns: (transfer full): a new #CsApplication
 */
CsApplication *
cs_application_new (void)
{
  return g_object_new (CS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * cs_application_get_settings:
 * @self: a #CsApplication
 *
 * Gets the application settings, once the application has started.
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the schema is not installed
 */
GSettings *
cs_application_get_settings (CsApplication *self)
{
  g_return_val_if_fail (CS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * cs_application_show_store:
 * @self: a #CsApplication
 * @store: an open project
 * @parent: (nullable): the window the request came from
 *
 * Shows @store in @parent when it has no project open, else in another window without a
 * project, else in a new window; and records the project in the recent files.
 *
 * Returns: (transfer none): the window showing @store
 */
GtkWindow *
cs_application_show_store (CsApplication *self,
                           CsStore       *store,
                           GtkWindow     *parent)
{
  CsWindow *window;

  g_return_val_if_fail (CS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  window = find_empty_window (self, parent);
  if (window == NULL)
    window = cs_window_new (self);

  cs_window_set_store (window, store);
  cs_application_note_recent (cs_store_get_path (store));
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

typedef struct
{
  GWeakRef  window;
  GFile    *file;
} CheckData;

/* The integrity check left for later is over: a damaged project is closed, as if refused. */
static void
store_checked_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CheckData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsWindow) window = g_weak_ref_get (&data->window);
  CsStore *store = CS_STORE (source);

  if (!cs_store_check_finish (store, result, &error))
    {
      g_debug ("Integrity check failed: %s", error->message);
      if (window != NULL && cs_window_get_store (window) == store)
        {
          cs_window_close_project (window);
          show_open_error (GTK_WINDOW (window), data->file, error);
        }
    }

  g_weak_ref_clear (&data->window);
  g_object_unref (data->file);
  g_free (data);
}

/**
 * cs_application_open_file:
 * @self: a #CsApplication
 * @file: a project file
 * @parent: (nullable): the window the request came from, for dialogs
 *
 * Opens @file in a window, or presents the window that already shows it. Failures are
 * shown in a dialog.
 *
 * Returns: (transfer none) (nullable): the window showing @file, or %NULL on failure
 */
GtkWindow *
cs_application_open_file (CsApplication *self,
                          GFile         *file,
                          GtkWindow     *parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autofree char *path = NULL;
  CsWindow *window;

  g_return_val_if_fail (CS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return GTK_WINDOW (window);
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND,
                   _("Only files on this computer can be opened."));
      show_open_error (parent, file, error);
      return NULL;
    }

  /* A file changed since our last clean close is checked without blocking the window. */
  store = cs_store_open (path, CS_STORE_OPEN_CHECK_LATER, &error);
  if (store == NULL)
    {
      if (g_error_matches (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN))
        show_already_open (self, file, parent, error);
      else
        show_open_error (parent, file, error);
      return NULL;
    }

  window = CS_WINDOW (cs_application_show_store (self, store, parent));
  if (cs_store_is_checking (store))
    {
      CheckData *data = g_new0 (CheckData, 1);

      g_weak_ref_init (&data->window, window);
      data->file = g_object_ref (file);
      cs_store_check_async (store, NULL, store_checked_cb, data);
    }

  return GTK_WINDOW (window);
}

/**
 * cs_application_new_demo_path:
 *
 * Finds a free file name for a new copy of the demo project, in the user's data folder
 * (`Demo project.contractscope`, then `Demo project 2.contractscope` …), creating the folder.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL if the folder cannot be created
 */
char *
cs_application_new_demo_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "contract-scope", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return NULL;

  for (guint i = 1; i < G_MAXUINT; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      /* Translators: the file name of the demo project, without its extension */
      const char *base = _("Demo project");

      if (i == 1)
        name = g_strconcat (base, CS_PROJECT_SUFFIX, NULL);
      else
        name = g_strdup_printf ("%s %u%s", base, i, CS_PROJECT_SUFFIX);

      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/**
 * cs_application_note_recent:
 * @path: a project file
 *
 * Adds @path to the recent files, with the project MIME type.
 */
void
cs_application_note_recent (const char *path)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };
  static char *groups[] = { (char *) "contract-scope", NULL };

  g_return_if_fail (path != NULL);

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;

  data.mime_type = (char *) CS_PROJECT_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "contract-scope %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}
