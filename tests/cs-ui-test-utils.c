/* cs-ui-test-utils.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "cs-ui-test-utils.h"
#include "cs-demo.h"
#include "cs-project-view.h"
#include "cs-review-state.h"

/**
 * cs_ui_test_init:
 * @argc: the address of main()'s argc
 * @argv: the address of main()'s argv
 *
 * Starts a ui test: g_test_init() with isolated folders, then GTK and libadwaita.
 *
 * The isolated data folders hold no MIME database, without which gdk-pixbuf cannot recognise
 * the SVG icons (libadwaita's expander arrows, the application icon) and GTK warns, which
 * `G_DEBUG=fatal-warnings` makes fatal: the shared database is loaded before g_test_init()
 * hides it, and the system's MIME folders are kept for content types afterwards. The settings
 * schemas are read before too, with the system's.
 *
 * GSettings reads where its schemas are once, the first time a schema is looked up. That must
 * happen before the folders are isolated, or GTK's own schemas (the file chooser's) are not
 * found later: libadwaita used to look one up while starting, but not when a settings portal
 * answers on the session bus, so the lookup is made here, whoever answers.
 *
 * When there is no display, prints the TAP plan that skips the whole test.
 *
 * Returns: %TRUE to go on and add the tests, %FALSE when main() should return 0
 */
gboolean
cs_ui_test_init (int    *argc,
                 char ***argv)
{
  const char * const *data_dirs = g_get_system_data_dirs ();
  g_autoptr(GStrvBuilder) mime_dirs = g_strv_builder_new ();
  g_auto(GStrv) system_mime_dirs = NULL;
  g_autofree char *content_type = NULL;

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (data_dirs[i], "mime", NULL);

      g_strv_builder_add (mime_dirs, dir);
    }
  system_mime_dirs = g_strv_builder_end (mime_dirs);
  content_type = g_content_type_guess ("icon.svg", NULL, 0, NULL);
  /* Likewise the settings schemas: GTK's own (the file chooser's) are found in the system's
   * data folders, which the first GSettings of a test would otherwise look for in its
   * isolated ones. */
  g_assert_nonnull (g_settings_schema_source_get_default ());

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs ((const char * const *) system_mime_dirs);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();

  return TRUE;
}

/**
 * cs_ui_test_iterate:
 *
 * Runs the default main context until nothing is pending.
 */
void
cs_ui_test_iterate (void)
{
  cs_ui_test_iterate_rounds (1);
}

/**
 * cs_ui_test_iterate_rounds:
 * @rounds: how many times to drain the main context
 *
 * Runs the default main context until nothing is pending, @rounds times: work that idles
 * queue while the context drains (a page built, then laid out) is done too.
 */
void
cs_ui_test_iterate_rounds (guint rounds)
{
  for (guint i = 0; i < rounds; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/**
 * cs_ui_test_wait_until:
 * @done: (scope call): says when the wait is over
 * @data: the data passed to @done
 *
 * Runs the main loop until @done returns %TRUE or 20 s pass (debounced work takes ~150 ms).
 *
 * Returns: %TRUE when @done returned %TRUE, %FALSE on time-out
 */
gboolean
cs_ui_test_wait_until (CsUiTestDone done,
                       gpointer     data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/**
 * cs_ui_test_find_descendant:
 * @root: the top of the widget tree to search
 * @type: the type searched for
 *
 * Depth-first, @root included: the first widget of @type.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL
 */
gpointer
cs_ui_test_find_descendant (GtkWidget *root,
                            GType      type)
{
  return cs_ui_test_find_nth (root, type, NULL, 0);
}

static GtkWidget *
find_nth (GtkWidget  *root,
          GType       type,
          const char *title,
          guint      *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL ||
       (ADW_IS_PREFERENCES_ROW (root) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)))
    {
      if (*skip == 0)
        return root;
      (*skip)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth (child, type, title, skip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * cs_ui_test_find_nth:
 * @root: the top of the widget tree to search
 * @type: the type searched for
 * @title: (nullable): the preferences row title searched for, or %NULL for any widget of @type
 * @n: how many matching widgets to pass over
 *
 * Depth-first, @root included: the @n-th (from 0) widget of @type whose title (it must then be
 * an #AdwPreferencesRow) is @title.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL
 */
GtkWidget *
cs_ui_test_find_nth (GtkWidget  *root,
                     GType       type,
                     const char *title,
                     guint       n)
{
  return find_nth (root, type, title, &n);
}

/**
 * cs_ui_test_find_toplevel:
 * @type: the window type searched for
 *
 * The newest visible toplevel of @type; closed dialogs may linger a while.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL
 */
gpointer
cs_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);
  gpointer found = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        found = item;
    }

  return found;
}

/**
 * cs_ui_test_focused_spin:
 * @window: a window holding the focus
 *
 * The spin button that has the focus in @window (the focus may be on its text); asserts there
 * is one.
 *
 * Returns: (transfer none): the spin button
 */
GtkWidget *
cs_ui_test_focused_spin (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  if (GTK_IS_SPIN_BUTTON (focus))
    return focus;
  focus = gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (focus);
  return focus;
}

/**
 * cs_ui_test_present:
 * @child: (transfer floating): what the window shows
 * @width: the window's default width, or 0 to leave it
 * @height: the window's default height, or 0 to leave it
 *
 * Shows @child in a new window, without running the main loop.
 *
 * Returns: (transfer none): the window; destroy it with gtk_window_destroy()
 */
GtkWidget *
cs_ui_test_present (GtkWidget *child,
                    int        width,
                    int        height)
{
  GtkWidget *window = gtk_window_new ();

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/**
 * cs_ui_test_save_shot:
 * @window: a shown window
 * @name: the file name of the PNG
 *
 * Saves a PNG of @window as @name in the folder `CS_SHOT_DIR` names, to look at what a test
 * built; does nothing when `CS_SHOT_DIR` is not set.
 */
void
cs_ui_test_save_shot (GtkWidget  *window,
                      const char *name)
{
  const char *dir = g_getenv ("CS_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         NULL);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/**
 * cs_ui_test_new_page:
 * @section: a section
 * @store: an open project
 *
 * Creates the page of @section as the project view does, with a review state of its own for
 * @store (the test opened the project, so it creates the review; the page keeps it).
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
cs_ui_test_new_page (CsSection  section,
                     CsStore   *store)
{
  g_autoptr(CsReviewState) review_state = cs_review_state_new (store);

  return cs_project_view_create_page (section, review_state);
}

/**
 * cs_ui_test_project_path:
 * @name: a file name
 *
 * A path in the `projects` folder (created) of the test's isolated data folder.
 *
 * Returns: (transfer full): the path
 */
char *
cs_ui_test_project_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "projects", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/**
 * cs_ui_test_create_demo:
 * @path: where to create the project
 *
 * Creates the demo project at @path, in a folder that must exist; asserts it worked.
 *
 * Returns: (transfer full): the open project
 */
CsStore *
cs_ui_test_create_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  CsStore *store = cs_demo_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/**
 * cs_ui_test_demo_window_open:
 * @demo: what to fill
 * @app: the application the window belongs to
 * @name: the project's file name, in the test's isolated folder
 *
 * Creates the demo project as @name and shows it in a new window of @app.
 */
void
cs_ui_test_demo_window_open (CsUiTestDemoWindow *demo,
                             CsApplication      *app,
                             const char         *name)
{
  g_autofree char *path = cs_ui_test_project_path (name);

  demo->store = cs_ui_test_create_demo (path);
  demo->window = cs_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (demo->window), 1280, 900);
  gtk_window_present (GTK_WINDOW (demo->window));
  cs_window_set_store (demo->window, demo->store);
  cs_ui_test_iterate ();
  demo->view = cs_window_get_project_view (demo->window);
  g_assert_nonnull (demo->view);
}

/**
 * cs_ui_test_demo_window_close:
 * @demo: a window opened by cs_ui_test_demo_window_open()
 *
 * Destroys the window and checks that the project was closed with it.
 */
void
cs_ui_test_demo_window_close (CsUiTestDemoWindow *demo)
{
  gtk_window_destroy (GTK_WINDOW (demo->window));
  cs_ui_test_iterate ();
  g_assert_true (cs_store_is_closed (demo->store));
  g_clear_object (&demo->store);
}

/**
 * cs_ui_test_dup_record:
 * @store: an open project
 * @type: the record type
 * @id: the record id
 *
 * The record @id of @type, with a reference of its own (cs_store_find() lends the cached one).
 *
 * Returns: (transfer full) (nullable): the record, or %NULL
 */
CsRecord *
cs_ui_test_dup_record (CsStore *store,
                       GType    type,
                       gint64   id)
{
  CsRecord *record = cs_store_find (store, type, id);

  return record != NULL ? g_object_ref (record) : NULL;
}

/**
 * cs_ui_test_offer_with_most:
 * @store: an open project
 * @type: a record type that belongs to offers
 *
 * The offer with the most records of @type (the first of those tied); asserts there is one
 * with at least one.
 *
 * Returns: (transfer none): the offer
 */
CsOffer *
cs_ui_test_offer_with_most (CsStore *store,
                            GType    type)
{
  GListModel *offers = cs_store_get_offers (store);
  CsOffer *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);
      guint count = g_list_model_get_n_items (cs_store_list (store, type,
                                                             cs_record_get_id (CS_RECORD (offer))));

      if (count > best_count)
        {
          best = offer;
          best_count = count;
        }
    }

  g_assert_nonnull (best);
  return best;
}

/**
 * cs_ui_test_close:
 * @window: (inout) (nullable): the address of a window, or of %NULL
 * @store: (inout) (nullable): the address of an open project, or of %NULL
 *
 * Destroys *@window (if any) and lets the main loop finish with it, then closes *@store (if
 * any) and drops it; both are set to %NULL.
 */
void
cs_ui_test_close (GtkWindow **window,
                  CsStore   **store)
{
  if (*window != NULL)
    gtk_window_destroy (*window);
  *window = NULL;
  cs_ui_test_iterate ();
  if (*store != NULL)
    cs_store_close (*store);
  g_clear_object (store);
}

/* The first shortcut for @wanted among @widget's controllers of @phase (capture, or the
 * others), activated; FALSE when none is there or none handled it. */
static gboolean
activate_in_phase (GtkWidget           *widget,
                   GtkPropagationPhase  phase,
                   GtkShortcutTrigger  *wanted)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean capture;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      capture = gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller))
                == GTK_PHASE_CAPTURE;
      if (capture != (phase == GTK_PHASE_CAPTURE))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * cs_ui_test_activate_shortcut:
 * @widget: the widget a key press would reach (the focus)
 * @accel: the key, as gtk_shortcut_trigger_parse_string() reads it ("<Control>z")
 *
 * Activates the shortcut for @accel that a key press on @widget reaches first, as GTK
 * propagates it: the ancestors' capture-phase controllers from the top down, then the others
 * from @widget up.
 *
 * Returns: %TRUE when a shortcut handled it
 */
gboolean
cs_ui_test_activate_shortcut (GtkWidget  *widget,
                              const char *accel)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  g_assert_nonnull (wanted);
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);

  for (guint i = chain->len; i > 0; i--)
    if (activate_in_phase (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, wanted))
      return TRUE;
  for (guint i = 0; i < chain->len; i++)
    if (activate_in_phase (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, wanted))
      return TRUE;

  return FALSE;
}
