/* cs-application-exchange.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-exchange-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cs-application-exchange.h"
#include "cs-dialog-helpers.h"
#include "cs-exchange.h"
#include "cs-labels.h"
#include "cs-progress.h"

/*
 * The XML exchange in the application: two app-wide actions.
 *
 * `app.import-xml` asks for an exchange file, then where to save the new project (beside the
 * file, named after it), builds the project in a worker thread (a large file takes seconds)
 * and opens it in a window. `app.export-xml` writes
 * the project of the active window as an exchange file chosen in a save dialog (whose
 * confirmation is the only way an existing file is replaced), in a worker thread, and says so
 * in a toast. Both show their progress with a Cancel button when they last; cancelled, they
 * leave nothing behind. It is
 * enabled only while the active window shows a project. Failures are shown in a dialog (import)
 * or a toast (export) with the translated message of the core, which says what is safe.
 */

#define XML_SUFFIX ".xml"

typedef struct
{
  CsApplication *app;
  GFile         *xml;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->app);
  g_clear_object (&data->xml);
  g_free (data);
}

static GtkWindow *
get_active_window (CsApplication *app)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static void
show_import_error (GtkWindow  *parent,
                   GFile      *xml,
                   const char *message)
{
  g_autofree char *basename = g_file_get_basename (xml);
  g_autofree char *display_name = g_filename_display_name (basename);
  g_autofree char *heading = NULL;

  /* Translators: %s is the name of the XML file being imported */
  heading = g_strdup_printf (_("Could Not Import “%s”"), display_name);
  cs_application_show_error (parent, heading, message);
}

static GtkFileFilter *
create_xml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Contract Scope Exchange Files (XML)"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");

  return filter;
}

/* The file name without @suffix, or the whole name. */
static char *
strip_suffix (const char *basename,
              const char *suffix)
{
  if (g_str_has_suffix (basename, suffix) && strlen (basename) > strlen (suffix))
    return g_strndup (basename, strlen (basename) - strlen (suffix));

  return g_strdup (basename);
}

/* The chosen path, with @suffix added when the name has none. */
static char *
path_with_suffix (GFile      *file,
                  const char *suffix)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || g_str_has_suffix (path, suffix))
    return g_steal_pointer (&path);

  return g_strconcat (path, suffix, NULL);
}

static void
show_toast (CsWindow   *window,
            const char *title,
            gboolean    keep)
{
  AdwToast *toast = adw_toast_new ("");

  /* Toast titles are markup: the text is set escaped. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_toast_set_title (toast, escaped);
  if (keep)
    adw_toast_set_timeout (toast, 0);
  cs_window_add_toast (window, toast);
}

/* Import */

typedef struct
{
  GBytes *bytes;
  char   *path;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->path, g_free);
  g_free (job);
}

/* In a worker thread: the whole import, the project closed again; the main thread opens it. */
static void
import_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(CsStore) store = NULL;
  GError *error = NULL;

  store = cs_exchange_import_to_new_project_full (job->bytes, job->path, cancellable, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  cs_store_close (store);
  g_task_return_boolean (task, TRUE);
}

typedef struct
{
  GFile    *xml;
  char     *path;
  GWeakRef  parent;
  CsProgress *progress;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_clear_pointer (&request->progress, cs_progress_stop);
  g_clear_object (&request->xml);
  g_clear_pointer (&request->path, g_free);
  g_weak_ref_clear (&request->parent);
  g_free (request);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CsApplication *app = CS_APPLICATION (source);
  ImportRequest *request = user_data;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_clear_pointer (&request->progress, cs_progress_stop);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_error (parent, request->xml, error->message);
      else if (CS_IS_WINDOW (parent))
        show_toast (CS_WINDOW (parent), _("Import cancelled; no project was created."), FALSE);
    }
  else
    {
      file = g_file_new_for_path (request->path);
      cs_application_note_recent (request->path);
      cs_application_open_file (app, file, parent);
    }

  g_application_unmark_busy (G_APPLICATION (app));
  g_application_release (G_APPLICATION (app));
  import_request_free (request);
}

/**
 * cs_exchange_actions_import_file:
 * @app: the application
 * @xml: an exchange file
 * @destination: the new project file; it must not exist
 * @parent: (nullable): the window the request came from, for dialogs
 * @cancellable: (nullable): a #GCancellable; without one, the progress dialog's Cancel
 *   button uses its own
 *
 * Creates a new project at @destination from @xml in a worker thread, then opens it in a
 * window. A long import shows its progress with a Cancel button. Failures are shown in a
 * dialog; nothing is created then, nor when the import is cancelled. The application is busy
 * (g_application_get_is_busy()) until the import is over.
 */
void
cs_exchange_actions_import_file (CsApplication *app,
                                 GFile         *xml,
                                 GFile         *destination,
                                 GtkWindow     *parent,
                                 GCancellable  *cancellable)
{
  g_autoptr(GCancellable) own_cancellable = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *path = NULL;
  ImportRequest *request;
  ImportJob *job;
  GStatBuf st;

  g_return_if_fail (CS_IS_APPLICATION (app));
  g_return_if_fail (G_IS_FILE (xml));
  g_return_if_fail (G_IS_FILE (destination));

  xml_path = g_file_get_path (xml);
  path = g_file_get_path (destination);
  if (xml_path == NULL || path == NULL)
    {
      show_import_error (parent, xml, _("Only files on this computer can be imported; no project was created."));
      return;
    }

  /* The size first: an oversized file is refused without being read. */
  if (g_stat (xml_path, &st) == 0 && (guint64) st.st_size > CS_EXCHANGE_MAX_SIZE)
    {
      g_set_error (&error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_TOO_LARGE,
                   _("The exchange file is larger than %u MiB, more than any project needs; it was not read. No project was created."),
                   (guint) (CS_EXCHANGE_MAX_SIZE / (1024 * 1024)));
      show_import_error (parent, xml, error->message);
      return;
    }

  mapped = g_mapped_file_new (xml_path, FALSE, &error);
  if (mapped == NULL)
    {
      show_import_error (parent, xml, error->message);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->bytes = g_mapped_file_get_bytes (mapped);
  job->path = g_strdup (path);

  request = g_new0 (ImportRequest, 1);
  request->xml = g_object_ref (xml);
  request->path = g_steal_pointer (&path);
  g_weak_ref_init (&request->parent, parent);

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();
  {
    g_autofree char *basename = g_file_get_basename (xml);
    /* Translators: %s is the name of the XML file being imported */
    g_autofree char *title = g_strdup_printf (_("Importing “%s”…"), basename);

    if (CS_IS_WINDOW (parent))
      show_toast (CS_WINDOW (parent), title, FALSE);
    request->progress = cs_progress_start (parent, _("Importing"), title, NULL, cancellable);
  }

  /* The application stays up until the project is open or the failure is shown. */
  g_application_hold (G_APPLICATION (app));
  g_application_mark_busy (G_APPLICATION (app));
  task = g_task_new (app, cancellable, on_import_done_cb, request);
  g_task_set_source_tag (task, cs_exchange_actions_import_file);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread_cb);
}

static void
import_destination_chosen_cb (GFile     *chosen,
                              GtkWindow *parent,
                              gpointer   user_data)
{
  ImportData *data = user_data;
  g_autofree char *path = path_with_suffix (chosen, CS_PROJECT_SUFFIX);

  if (path != NULL)
    {
      g_autoptr(GFile) destination = g_file_new_for_path (path);

      cs_exchange_actions_import_file (data->app, data->xml, destination, parent, NULL);
    }
}

/* Second step: where the new project goes, beside the XML file and named after it. */
static void
choose_import_destination (CsApplication *app,
                           GFile         *xml,
                           GtkWindow     *parent)
{
  g_autoptr(GFile) folder = g_file_get_parent (xml);
  g_autofree char *basename = g_file_get_basename (xml);
  g_autofree char *stem = strip_suffix (basename, XML_SUFFIX);
  g_autofree char *suggested = g_strconcat (stem, CS_PROJECT_SUFFIX, NULL);
  ImportData *data = g_new0 (ImportData, 1);
  GtkFileChooserNative *chooser;

  data->app = g_object_ref (app);
  data->xml = g_object_ref (xml);

  chooser = cs_file_chooser_new (parent, _("Save the Imported Project"),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  cs_file_chooser_run (chooser, import_destination_chosen_cb, data,
                       (GDestroyNotify) import_data_free);
}

static void
import_source_chosen_cb (GFile     *xml,
                         GtkWindow *parent,
                         gpointer   user_data)
{
  choose_import_destination (CS_APPLICATION (user_data), xml, parent);
}

static void
import_xml_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CsApplication *app = user_data;
  g_autoptr(GtkFileFilter) filter = create_xml_filter ();
  GtkFileChooserNative *chooser;

  chooser = cs_file_chooser_new (get_active_window (app), _("Import Project from XML"),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  cs_file_chooser_run (chooser, import_source_chosen_cb, g_object_ref (app), g_object_unref);
}

/* Export */

typedef struct
{
  CsStore *store;
  char    *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_free (job->path);
  g_free (job);
}

/* In a worker thread: the core reads the project through a connection of its own, so the
 * window's store may go on editing meanwhile. */
static void
export_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (cs_exchange_export_to_file_full (job->store, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cs_exchange_actions_export_file_async:
 * @window: a window showing a project
 * @destination: the XML file to write; an existing file is replaced
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the export failed
 * @user_data: data for @callback
 *
 * Writes the window's project as an exchange file in a worker thread.
 */
void
cs_exchange_actions_export_file_async (CsWindow            *window,
                                       GFile               *destination,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CsStore *store;
  ExportJob *job;

  g_return_if_fail (CS_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_exchange_actions_export_file_async);
  store = cs_window_get_store (window);
  job = g_new0 (ExportJob, 1);
  job->store = store != NULL ? g_object_ref (store) : NULL;
  job->path = g_file_get_path (destination);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  if (job->store == NULL || job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("only files on this computer can be written"));
      return;
    }
  if (cs_store_is_file (job->store, job->path))
    {
      g_autofree char *name = g_filename_display_basename (job->path);

      g_task_return_new_error (task, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_SAME_FILE,
                               _("“%s” is the project being exported; it was left unchanged. Choose another file."),
                               name);
      return;
    }
  g_task_run_in_thread (task, export_thread_cb);
}

/**
 * cs_exchange_actions_export_file_finish:
 * @window: the window
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when the destination holds the export
 */
gboolean
cs_exchange_actions_export_file_finish (CsWindow      *window,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  CsWindow *window;
  char     *basename;
  CsProgress *progress;
} ExportRequest;

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_clear_pointer (&request->progress, cs_progress_stop);
  if (cs_exchange_actions_export_file_finish (request->window, result, &error))
    {
      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Project exported as “%s”"), request->basename);
      show_toast (request->window, title, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (request->window, _("Export cancelled; nothing was written"), FALSE);
  else
    {
      /* Translators: %s is the reason; the project itself is untouched */
      title = g_strdup_printf (_("Could not export: %s"), error->message);
      show_toast (request->window, title, TRUE);
    }
  g_object_unref (request->window);
  g_free (request->basename);
  g_free (request);
}

/* The export from the menu: in a worker thread, with its progress and Cancel, then a toast. */
static void
export_file (CsWindow *window,
             GFile    *destination)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ExportRequest *request = g_new0 (ExportRequest, 1);
  g_autofree char *body = NULL;

  request->window = g_object_ref (window);
  request->basename = g_file_get_basename (destination);
  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Writing “%s”…"), request->basename);
  request->progress = cs_progress_start (GTK_WINDOW (window), _("Exporting"), body, NULL,
                                         cancellable);
  cs_exchange_actions_export_file_async (window, destination, cancellable, on_export_done_cb,
                                         request);
}

static void
export_destination_chosen_cb (GFile     *chosen,
                              GtkWindow *parent,
                              gpointer   user_data)
{
  CsWindow *window = user_data;
  g_autofree char *path = NULL;
  g_autofree char *chosen_path = NULL;

  if (cs_window_get_store (window) == NULL)
    return;

  path = path_with_suffix (chosen, XML_SUFFIX);
  chosen_path = g_file_get_path (chosen);

  /* The chooser confirmed replacing the name typed; a name we completed must be new. */
  if (path != NULL && g_strcmp0 (path, chosen_path) != 0
      && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Could not export: “%s” already exists; it was left unchanged."),
                                                name);

      show_toast (window, title, TRUE);
    }
  else if (path != NULL)
    {
      g_autoptr(GFile) destination = g_file_new_for_path (path);

      export_file (window, destination);
    }
}

static void
export_xml_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CsApplication *app = user_data;
  GtkWindow *active = get_active_window (app);
  g_autoptr(GtkFileFilter) filter = create_xml_filter ();
  g_autoptr(GFile) current = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  CsStore *store;

  if (!CS_IS_WINDOW (active) || (store = cs_window_get_store (CS_WINDOW (active))) == NULL)
    return;

  chooser = cs_file_chooser_new (active, _("Export Project as XML"),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  current = g_file_new_for_path (cs_store_get_path (store));
  basename = g_file_get_basename (current);
  stem = strip_suffix (basename, CS_PROJECT_SUFFIX);
  suggested = g_strconcat (stem, XML_SUFFIX, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  folder = g_file_get_parent (current);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  cs_file_chooser_run (chooser, export_destination_chosen_cb, g_object_ref (active),
                       g_object_unref);
}

/* app.export-xml is enabled while the active window shows a project. */

static void
update_export_enabled (CsApplication *app)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), "export-xml");
  GtkWindow *active = get_active_window (app);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               CS_IS_WINDOW (active)
                               && cs_window_get_store (CS_WINDOW (active)) != NULL);
}

static void
on_window_store_changed_cb (GObject       *window,
                            GParamSpec    *pspec,
                            CsApplication *app)
{
  update_export_enabled (app);
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  if (CS_IS_WINDOW (window))
    g_signal_connect_object (window, "notify::store", G_CALLBACK (on_window_store_changed_cb),
                             application, 0);
}

static void
on_active_window_changed_cb (GObject    *application,
                             GParamSpec *pspec,
                             gpointer    user_data)
{
  update_export_enabled (CS_APPLICATION (application));
}

static const GActionEntry exchange_actions[] = {
  { "import-xml", import_xml_action_cb },
  { "export-xml", export_xml_action_cb },
};

/**
 * cs_exchange_actions_install:
 * @app: the application, in its startup
 *
 * Adds `app.import-xml` and `app.export-xml`.
 */
void
cs_exchange_actions_install (CsApplication *app)
{
  g_return_if_fail (CS_IS_APPLICATION (app));

  g_action_map_add_action_entries (G_ACTION_MAP (app), exchange_actions,
                                   G_N_ELEMENTS (exchange_actions), app);

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  g_signal_connect (app, "notify::active-window", G_CALLBACK (on_active_window_changed_cb), NULL);
  update_export_enabled (app);
}
