/* test-application.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application object: the guide (F1, the main menus, the help: URI handed to the help
 * viewer) and the files it is given to open, as the file manager and the command line give
 * them (GApplication::open): a project shows the project, two projects two windows, a
 * damaged file a message over the welcome page, left unchanged. */

#include "config.h"

#include <glib/gstdio.h>

#include "cs-application.h"
#include "cs-labels.h"
#include "cs-window.h"
#include "cs-ui-test-utils.h"

static CsApplication *app;

static void
destroy_windows (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  cs_ui_test_iterate ();
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) child = g_menu_link_iter_get_value (links);

          if (menu_has_action (child, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* The main menu shown by the window: the welcome page's, or the project view's. */
static GMenuModel *
shown_main_menu (CsWindow *window)
{
  GtkWidget *root = cs_window_get_store (window) != NULL
                      ? GTK_WIDGET (cs_window_get_project_view (window))
                      : cs_window_get_welcome_page (window);
  GtkWidget *parent = root;
  GtkMenuButton *button;

  /* The welcome page's menu button sits in the window's header bar, beside the page. */
  while ((button = cs_ui_test_find_descendant (parent, GTK_TYPE_MENU_BUTTON)) == NULL)
    {
      parent = gtk_widget_get_parent (parent);
      g_assert_nonnull (parent);
    }

  return gtk_menu_button_get_menu_model (button);
}

static void
test_help_action (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "app.help");
  g_autofree char *path = cs_ui_test_project_path ("help");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  CsWindow *window;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "help"));
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "F1");
  g_assert_null (accels[1]);

  /* "Help" in the main menu of the welcome page and of a project. */
  window = cs_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  g_assert_true (menu_has_action (shown_main_menu (window), "app.help"));

  store = cs_store_create (path, "Help & Co", &error);
  g_assert_no_error (error);
  cs_window_set_store (window, store);
  cs_ui_test_iterate ();
  g_assert_true (menu_has_action (shown_main_menu (window), "app.help"));

  destroy_windows ();
}

static gboolean
file_has_contents (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* A help viewer of our own for help: URIs, found by GIO in the test's isolated folders, that
 * writes down the URI it is asked to show. */
static char *
install_fake_help_viewer (void)
{
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "fake-yelp", NULL);
  g_autofree char *desktop = g_build_filename (apps, "fake-yelp.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  char *out = g_build_filename (g_get_user_data_dir (), "help-uri.txt", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                                 out, out, out);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake Help\n"
                                  "Exec=%s %%u\nMimeType=x-scheme-handler/help;"
                                  "x-scheme-handler/ghelp;\n", script);
  g_file_set_contents (desktop, desktop_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps,
                       "[Default Applications]\nx-scheme-handler/help=fake-yelp.desktop\n"
                       "x-scheme-handler/ghelp=fake-yelp.desktop\n",
                       -1, &error);
  g_assert_no_error (error);

  return out;
}

static void
test_help_opens_guide (void)
{
  g_autofree char *out = install_fake_help_viewer ();
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  CsWindow *window = cs_window_new (app);

  /* Installed, not run from the build tree by `meson devenv` */
  g_unsetenv ("CONTRACT_SCOPE_HELPDIR");

  gtk_window_present (GTK_WINDOW (window));
  cs_ui_test_iterate ();

  /* F1 is the accelerator of this action (test_help_action). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (cs_ui_test_wait_until (file_has_contents, out));
  g_file_get_contents (out, &uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uri, ==, "help:org.contractscope.ContractScope");
  g_assert_null (cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  destroy_windows ();
}

static void
write_page (const char *dir,
            const char *lang)
{
  g_autofree char *lang_dir = g_build_filename (dir, lang, NULL);
  g_autofree char *page = g_build_filename (lang_dir, "index.page", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (lang_dir, 0700), ==, 0);
  g_file_set_contents (page, "<page xmlns=\"http://projectmallard.org/1.0/\" type=\"guide\" "
                       "id=\"index\"><title>Contract Scope</title></page>\n", -1, &error);
  g_assert_no_error (error);
}

/* Run from the build tree, `meson devenv` names the guide laid out there
 * (CONTRACT_SCOPE_HELPDIR): F1 opens it as "ghelp:" and its absolute path, in the first of
 * the interface's languages it holds, without `meson install`. */
static void
test_help_uninstalled (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "guide", NULL);
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  const char *built = g_getenv ("CS_TEST_HELPDIR");
  g_autofree char *out = install_fake_help_viewer ();
  g_autofree char *expected = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  CsWindow *window;

  write_page (dir, "C");
  write_page (dir, "fr");

  /* Installed: Yelp finds the guide by its id. */
  g_unsetenv ("CONTRACT_SCOPE_HELPDIR");
  uri = cs_application_get_help_uri ();
  g_assert_cmpstr (uri, ==, CS_APPLICATION_HELP_URI);
  g_clear_pointer (&uri, g_free);

  /* Uninstalled: the guide of the interface's language, else the untranslated one. */
  g_setenv ("CONTRACT_SCOPE_HELPDIR", dir, TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  uri = cs_application_get_help_uri ();
  expected = g_strconcat ("ghelp:", dir, "/fr", NULL);
  g_assert_cmpstr (uri, ==, expected);
  g_clear_pointer (&uri, g_free);
  g_clear_pointer (&expected, g_free);

  g_setenv ("LANGUAGE", "de:en", TRUE);
  uri = cs_application_get_help_uri ();
  expected = g_strconcat ("ghelp:", dir, "/C", NULL);
  g_assert_cmpstr (uri, ==, expected);
  g_clear_pointer (&uri, g_free);
  g_clear_pointer (&expected, g_free);

  /* A folder without a guide: the installed one. */
  g_setenv ("CONTRACT_SCOPE_HELPDIR", g_get_user_cache_dir (), TRUE);
  uri = cs_application_get_help_uri ();
  g_assert_cmpstr (uri, ==, CS_APPLICATION_HELP_URI);
  g_clear_pointer (&uri, g_free);

  /* The build tree's guide, the one `meson devenv` names, in French, through F1's action. */
  if (built != NULL)
    {
      g_autofree char *page = g_build_filename (built, "fr", "shortcuts.page", NULL);
      g_autofree char *text = NULL;

      g_setenv ("CONTRACT_SCOPE_HELPDIR", built, TRUE);
      g_setenv ("LANGUAGE", "fr", TRUE);
      g_file_get_contents (page, &text, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "Raccourcis clavier"));
      expected = g_strconcat ("ghelp:", built, "/fr", NULL);

      window = cs_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      cs_ui_test_iterate ();
      g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
      g_assert_true (cs_ui_test_wait_until (file_has_contents, out));
      g_file_get_contents (out, &uri, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (uri, ==, expected);
      destroy_windows ();
    }
  else
    g_test_message ("no guide in the build tree (itstool or msgfmt missing)");

  g_unsetenv ("CONTRACT_SCOPE_HELPDIR");
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* The recent manager keeps the file of the test that first used it, whose folder is gone
 * once that test is over; give it back, so that opened projects can be noted. */
static void
ensure_recent_folder (void)
{
  g_autofree char *filename = NULL;
  g_autofree char *dir = NULL;

  g_object_get (gtk_recent_manager_get_default (), "filename", &filename, NULL);
  dir = g_path_get_dirname (filename);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
}

static GFile *
create_project (const char *name,
                const char *client)
{
  g_autofree char *path = cs_ui_test_project_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_create (path, client, &error);

  g_assert_no_error (error);
  cs_store_close (store);

  return g_file_new_for_path (path);
}

static CsWindow *
window_showing (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      CsStore *store;
      g_autoptr(GFile) shown = NULL;

      if (!CS_IS_WINDOW (l->data) || (store = cs_window_get_store (l->data)) == NULL)
        continue;
      shown = g_file_new_for_path (cs_store_get_path (store));
      if (g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static guint
count_windows (GType type)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += G_TYPE_CHECK_INSTANCE_TYPE (l->data, type);

  return n;
}

static gboolean
stack_shows (CsWindow   *window,
             const char *name)
{
  GtkStack *stack = cs_ui_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK);

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
}

static void
test_open_one (void)
{
  g_autoptr(GFile) file = create_project ("acme" CS_PROJECT_SUFFIX, "Acme");
  CsWindow *window;

  ensure_recent_folder ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  cs_ui_test_iterate ();

  /* The project, not the welcome page, in the one window. */
  window = window_showing (file);
  g_assert_nonnull (window);
  g_assert_cmpuint (count_windows (CS_TYPE_WINDOW), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (stack_shows (window, "project"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme — Contract Scope");
  g_assert_null (cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* Hidden, not only covered by the project: screen readers see the pages a stack does not
   * show (tests/e2e/test-open-files.py). */
  g_assert_false (gtk_widget_is_visible (cs_window_get_welcome_page (window)));

  /* Opened again (a second double-click): the same window, no second one. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  cs_ui_test_iterate ();
  g_assert_true (window_showing (file) == window);
  g_assert_cmpuint (count_windows (CS_TYPE_WINDOW), ==, 1);

  /* Closed: the welcome page again. */
  cs_window_set_store (window, NULL);
  cs_ui_test_iterate ();
  g_assert_true (stack_shows (window, "welcome"));
  g_assert_true (gtk_widget_is_visible (cs_window_get_welcome_page (window)));

  destroy_windows ();
}

static void
test_open_two (void)
{
  GFile *files[2];
  CsWindow *first;
  CsWindow *second;

  files[0] = create_project ("one" CS_PROJECT_SUFFIX, "One");
  files[1] = create_project ("two" CS_PROJECT_SUFFIX, "Two");

  ensure_recent_folder ();
  g_application_open (G_APPLICATION (app), files, 2, "");
  cs_ui_test_iterate ();

  first = window_showing (files[0]);
  second = window_showing (files[1]);
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first != second);
  g_assert_cmpuint (count_windows (CS_TYPE_WINDOW), ==, 2);
  g_assert_true (stack_shows (first, "project"));
  g_assert_true (stack_shows (second, "project"));

  destroy_windows ();
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_open_broken (void)
{
  g_autoptr(GFile) good = create_project ("whole" CS_PROJECT_SUFFIX, "Whole");
  g_autofree char *path = cs_ui_test_project_path ("broken" CS_PROJECT_SUFFIX);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *whole = NULL;
  g_autofree char *after = NULL;
  gsize length = 0;
  gsize after_length = 0;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  CsWindow *window;

  /* A project cut short, as a failed copy leaves it. */
  g_file_load_contents (good, NULL, &whole, &length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3000);
  g_file_set_contents (path, whole, 3000, &error);
  g_assert_no_error (error);

  ensure_recent_folder ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  cs_ui_test_iterate ();

  /* One window, on its welcome page, with the reason over it. */
  g_assert_cmpuint (count_windows (CS_TYPE_WINDOW), ==, 1);
  window = CS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_null (cs_window_get_store (window));
  g_assert_true (stack_shows (window, "welcome"));
  dialog = cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Open “broken.contractscope”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "truncated"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "left unchanged"));

  /* Left as it was. */
  g_file_get_contents (path, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_length, ==, 3000);
  g_assert_cmpmem (after, after_length, whole, 3000);

  /* A file that is not there: the same, and the window can still open a project after. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cs_ui_test_iterate ();
  {
    g_autofree char *missing_path = cs_ui_test_project_path ("gone" CS_PROJECT_SUFFIX);
    g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

    g_application_open (G_APPLICATION (app), &missing, 1, "");
    cs_ui_test_iterate ();
    dialog = cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                     "Could Not Open “gone.contractscope”");
    g_assert_false (g_file_query_exists (missing, NULL));
    adw_message_dialog_response (dialog, "close");
    gtk_window_destroy (GTK_WINDOW (dialog));
    cs_ui_test_iterate ();
  }

  g_application_open (G_APPLICATION (app), &good, 1, "");
  cs_ui_test_iterate ();
  g_assert_true (window_showing (good) == window);
  g_assert_cmpuint (count_windows (CS_TYPE_WINDOW), ==, 1);

  destroy_windows ();
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

  g_test_add_func ("/ui/application/help-action", test_help_action);
  g_test_add_func ("/ui/application/help-opens-guide", test_help_opens_guide);
  g_test_add_func ("/ui/application/help-uninstalled", test_help_uninstalled);
  g_test_add_func ("/ui/application/open-one", test_open_one);
  g_test_add_func ("/ui/application/open-two", test_open_two);
  g_test_add_func ("/ui/application/open-broken", test_open_broken);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
