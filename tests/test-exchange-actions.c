/* test-exchange-actions.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-application.h"
#include "cs-application-exchange.h"
#include "cs-exchange.h"
#include "cs-window.h"
#include "cs-ui-test-utils.h"

/* app.import-xml and app.export-xml, past their file choosers. */

static CsApplication *app;

static void
destroy_all_windows (void)
{
  GList *windows = g_list_copy (gtk_window_list_toplevels ());

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  cs_ui_test_iterate ();
}

static gboolean
export_enabled (void)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (app), "export-xml");
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The window showing the project at @path, if any. */
static GtkWindow *
find_window_showing (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      CsStore *store = CS_IS_WINDOW (l->data) ? cs_window_get_store (l->data) : NULL;

      if (store != NULL && g_strcmp0 (cs_store_get_path (store), path) == 0)
        return l->data;
    }

  return NULL;
}

static gboolean
window_shows (gpointer path)
{
  return find_window_showing (path) != NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Outcome;

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Outcome *outcome = user_data;

  cs_exchange_actions_export_file_finish (CS_WINDOW (source), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
outcome_done (gpointer data)
{
  return ((Outcome *) data)->done;
}

static gboolean
app_idle (gpointer data)
{
  return !g_application_get_is_busy (G_APPLICATION (app));
}

/* Cancelled, the export (in its worker thread) leaves no file, and the import no project:
 * no error dialog either, the user asked for it. */
static void
check_cancel (GtkWindow  *window,
              const char *project)
{
  g_autofree char *xml_path = cs_ui_test_project_path ("cancel.xml");
  g_autofree char *new_path = cs_ui_test_project_path ("never.contractscope");
  g_autoptr(GFile) xml = g_file_new_for_path (xml_path);
  g_autoptr(GFile) destination = g_file_new_for_path (new_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome cancelled = { FALSE, NULL };
  Outcome exported = { FALSE, NULL };

  g_cancellable_cancel (cancellable);
  cs_exchange_actions_export_file_async (CS_WINDOW (window), xml, cancellable, on_exported_cb,
                                         &cancelled);
  g_assert_true (cs_ui_test_wait_until (outcome_done, &cancelled));
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
  g_assert_false (g_file_test (xml_path, G_FILE_TEST_EXISTS));

  /* the project itself is never the destination */
  {
    g_autoptr(GFile) itself = g_file_new_for_path (project);
    Outcome refused = { FALSE, NULL };

    cs_exchange_actions_export_file_async (CS_WINDOW (window), itself, NULL, on_exported_cb,
                                           &refused);
    g_assert_true (cs_ui_test_wait_until (outcome_done, &refused));
    g_assert_error (refused.error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_SAME_FILE);
    g_clear_error (&refused.error);
  }

  cs_exchange_actions_export_file_async (CS_WINDOW (window), xml, NULL, on_exported_cb,
                                         &exported);
  g_assert_true (cs_ui_test_wait_until (outcome_done, &exported));
  g_assert_no_error (exported.error);

  cs_exchange_actions_import_file (app, xml, destination, window, cancellable);
  g_assert_true (g_application_get_is_busy (G_APPLICATION (app)));
  g_assert_true (cs_ui_test_wait_until (app_idle, NULL));
  cs_ui_test_iterate ();
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_assert_null (cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_autofree char *folder = g_path_get_dirname (new_path);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".never.contractscope"));
  }
}

static void
test_export_import (void)
{
  g_autofree char *project = cs_ui_test_project_path ("R&D <b>demo.contractscope");
  g_autofree char *xml_path = cs_ui_test_project_path ("R&D <b>demo.xml");
  g_autofree char *copy_path = cs_ui_test_project_path ("copy.contractscope");
  g_autoptr(GFile) xml = g_file_new_for_path (xml_path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(CsStore) store = cs_ui_test_create_demo (project);
  g_autofree char *client = g_strdup (cs_project_get_client_name (cs_store_get_project (store)));
  GtkWindow *window;
  GtkWindow *imported;
  CsStore *imported_store;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "import-xml"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "import-xml"));

  window = cs_application_show_store (app, store, NULL);
  cs_ui_test_iterate ();
  gtk_window_present (window);
  cs_ui_test_iterate ();
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_true (export_enabled ());

  /* A file name that is not markup makes a toast, not a warning. */
  {
    Outcome exported = { FALSE, NULL };

    cs_exchange_actions_export_file_async (CS_WINDOW (window), xml, NULL, on_exported_cb,
                                           &exported);
    g_assert_true (cs_ui_test_wait_until (outcome_done, &exported));
    g_assert_no_error (exported.error);
  }
  g_assert_true (g_file_test (xml_path, G_FILE_TEST_IS_REGULAR));
  cs_ui_test_iterate ();

  /* The import runs in a worker thread; the window opens when it is done. */
  cs_exchange_actions_import_file (app, xml, copy, window, NULL);
  g_assert_true (cs_ui_test_wait_until (window_shows, copy_path));
  imported = find_window_showing (copy_path);
  g_assert_true (imported != window);
  imported_store = cs_window_get_store (CS_WINDOW (imported));
  g_assert_nonnull (imported_store);
  g_assert_cmpstr (cs_store_get_path (imported_store), ==, copy_path);
  g_assert_cmpstr (cs_project_get_client_name (cs_store_get_project (imported_store)), ==, client);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_get_offers (imported_store)), ==,
                    g_list_model_get_n_items (cs_store_get_offers (store)));
  cs_ui_test_iterate ();
  cs_ui_test_save_shot (GTK_WIDGET (imported), "exchange-imported.png");

  /* Cancelled export and import leave nothing behind. */
  check_cancel (window, project);

  /* Closing the project disables the export. */
  gtk_window_present (imported);
  cs_ui_test_iterate ();
  cs_window_close_project (CS_WINDOW (imported));
  cs_ui_test_iterate ();
  if (gtk_application_get_active_window (GTK_APPLICATION (app)) == imported)
    g_assert_false (export_enabled ());

  destroy_all_windows ();
}

static void
test_import_refused (void)
{
  g_autofree char *bomb_path = cs_ui_test_project_path ("bomb.xml");
  g_autofree char *target = cs_ui_test_project_path ("bomb.contractscope");
  g_autoptr(GFile) bomb = g_file_new_for_path (bomb_path);
  g_autoptr(GFile) destination = g_file_new_for_path (target);
  const char *text = "<?xml version=\"1.0\"?>\n"
                     "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n"
                     "<contract-scope-exchange>&lol2;</contract-scope-exchange>\n";
  CsWindow *window = cs_window_new (app);
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  g_assert_false (export_enabled ());

  g_assert_true (g_file_set_contents (bomb_path, text, -1, NULL));
  cs_exchange_actions_import_file (app, bomb, destination, GTK_WINDOW (window), NULL);
  g_assert_true (cs_ui_test_wait_until (message_dialog_shown, NULL));

  dialog = cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import “bomb.xml”");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "Line 2 "));
  g_assert_false (file_exists (target));
  cs_ui_test_save_shot (GTK_WIDGET (dialog), "exchange-refused.png");

  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  app = g_object_new (CS_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/ui/exchange/export-import", test_export_import);
  g_test_add_func ("/ui/exchange/import-refused", test_import_refused);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
