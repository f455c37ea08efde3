/* test-list-keys.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14 ("Keyboard and screen readers") in a window on the demo project: the lists of
 * deliverables and subcontractors are walked with the Down arrow from their first row to
 * their last, in order, and Enter opens the focused record. */

#include "config.h"

#include "cs-application.h"
#include "cs-asset-dialog.h"
#include "cs-clause-editor.h"
#include "cs-dashboard-page.h"
#include "cs-finding-row.h"
#include "cs-section-page.h"
#include "cs-perimeter-page.h"
#include "cs-project-view.h"
#include "cs-window.h"
#include "cs-ui-test-utils.h"

static CsApplication *app;

/* A window on a fresh copy of the demo project. */
typedef CsUiTestDemoWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cs_ui_test_demo_window_open (fixture, app, "list-keys.contractscope");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_ui_test_demo_window_close (fixture);
}

/* The button of @root whose action is @action_name. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The index of the row of @list_box holding the focus, or -1. */
static int
focused_row (GtkWidget  *window,
             GtkListBox *list_box)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_get_parent (w) == GTK_WIDGET (list_box) && GTK_IS_LIST_BOX_ROW (w))
      return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (w));

  return -1;
}

/* Presses @key on the focus and checks that the focus is then on row @expected of @list_box. */
static void
press_and_check (GtkWidget  *window,
                 const char *key,
                 GtkListBox *list_box,
                 int         expected)
{
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), key));
  cs_ui_test_iterate ();
  if (focused_row (window, list_box) != expected)
    g_test_message ("%s: focus on %s, row %d", key,
                    G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))),
                    focused_row (window, list_box));
  g_assert_cmpint (focused_row (window, list_box), ==, expected);
}

/* From the last of the @n rows of @list_box, Page Up goes a screenful up (to the first row
 * when they all fit) and Page Down back down to the last. */
static void
check_pages (GtkWidget  *window,
             GtkListBox *list_box,
             guint       n)
{
  int up;

  g_assert_cmpint (focused_row (window, list_box), ==, (int) n - 1);
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Page_Up"));
  cs_ui_test_iterate ();
  up = focused_row (window, list_box);
  g_test_message ("Page Up from row %u of %u: row %d", n - 1, n, up);
  g_assert_cmpint (up, >=, 0);
  g_assert_cmpint (up, <, (int) n - 1);
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Page_Down"));
  cs_ui_test_iterate ();
  g_assert_cmpint (focused_row (window, list_box), >, up);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs the main loop for @ms milliseconds: a new record's name field takes the focus after a
 * delay, which must be over before the test moves the focus. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  g_assert_true (cs_ui_test_wait_until (is_true, &done));
}

/* Opens @section, adds three records with @prefix`.add` (the demo's first offer has only one
 * or none) and walks the record list whose rows have @prefix`.move-up` buttons. */
static void
check_record_list (Fixture    *fixture,
                   CsSection   section,
                   const char *prefix,
                   const char *shot)
{
  g_autofree char *add_name = g_strconcat (prefix, ".add", NULL);
  g_autofree char *action_name = g_strconcat (prefix, ".move-up", NULL);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *page, *button, *row;
  GtkListBox *list_box;
  guint n = 0;

  cs_project_view_set_section (fixture->view, section);
  cs_ui_test_iterate_rounds (5);
  page = cs_project_view_get_section_page (fixture->view);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (page, add_name, NULL));
      cs_ui_test_iterate_rounds (5);
    }
  button = find_action_button (page, action_name);
  g_assert_nonnull (button);
  row = gtk_widget_get_ancestor (button, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  list_box = GTK_LIST_BOX (gtk_widget_get_parent (row));
  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;
  g_assert_cmpuint (n, >=, 3);

  /* The rows closed, as on opening the page, the focus on the first one as Tab into the list
   * puts it, then Down through every row in order. */
  wait_ms (500);
  for (guint i = 0; i < n; i++)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (list_box, i)),
                                   FALSE);
  cs_ui_test_iterate ();
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0));
  g_assert_true (gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD) ||
                 gtk_widget_grab_focus (row));
  cs_ui_test_iterate ();
  g_assert_cmpint (focused_row (window, list_box), ==, 0);
  for (guint i = 1; i < n; i++)
    {
      g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Down"));
      cs_ui_test_iterate ();
      if (focused_row (window, list_box) != (int) i)
        g_test_message ("focus: %s", G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))));
      g_assert_cmpint (focused_row (window, list_box), ==, (int) i);
    }
  cs_ui_test_save_shot (window, shot);

  /* Home and End go to the first and the last record, Page Up and Page Down a screenful
   * (here the whole list) up and down. */
  press_and_check (window, "Home", list_box, 0);
  press_and_check (window, "End", list_box, n - 1);
  check_pages (window, list_box, n);

  /* Enter opens the last one. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, n - 1));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Return"));
  cs_ui_test_iterate ();
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
}

static void
test_deliverables (Fixture       *fixture,
                   gconstpointer  data)
{
  check_record_list (fixture, CS_SECTION_EXIT, "deliverables",
                     "list-keys-deliverables.png");
}

static void
test_subcontractors (Fixture       *fixture,
                     gconstpointer  data)
{
  check_record_list (fixture, CS_SECTION_SUBCONTRACTING, "subcontractors",
                     "list-keys-subcontractors.png");
}

/* The position of the only selected item of @model, or -1. */
static int
selected_position (GtkSelectionModel *model)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);

  return gtk_bitset_get_size (selected) == 1 ? (int) gtk_bitset_get_nth (selected, 0) : -1;
}

/* The inventory: Tab into it focuses the first asset, Down goes through every asset in order
 * (selecting it), Enter opens the asset editor on the focused one. */
static void
test_assets (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  CsPerimeterPage *page;
  GtkColumnView *view;
  GtkSelectionModel *model;
  GtkWindow *dialog;
  guint n;

  cs_project_view_set_section (fixture->view, CS_SECTION_PERIMETER);
  cs_ui_test_iterate_rounds (5);
  page = CS_PERIMETER_PAGE (cs_project_view_get_section_page (fixture->view));
  view = cs_perimeter_page_get_column_view (page);
  model = gtk_column_view_get_model (view);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >=, 3);

  gtk_selection_model_unselect_all (model);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD));
  cs_ui_test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (view)));
  for (guint i = 1; i < n; i++)
    {
      g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Down"));
      cs_ui_test_iterate ();
      g_assert_cmpint (selected_position (model), ==, (int) i);
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             GTK_WIDGET (view)));
    }
  cs_ui_test_save_shot (window, "list-keys-assets.png");

  /* The inventory's own keys: Home, End, Page Up and Page Down (a screenful). */
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Home"));
  cs_ui_test_iterate ();
  g_assert_cmpint (selected_position (model), ==, 0);
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "End"));
  cs_ui_test_iterate ();
  g_assert_cmpint (selected_position (model), ==, (int) n - 1);
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Page_Up"));
  cs_ui_test_iterate ();
  g_assert_cmpint (selected_position (model), <, (int) n - 1);
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Page_Down"));
  cs_ui_test_iterate ();
  g_assert_cmpint (selected_position (model), ==, (int) n - 1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (view)));

  g_assert_null (cs_ui_test_find_toplevel (CS_TYPE_ASSET_DIALOG));
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Return"));
  cs_ui_test_iterate_rounds (5);
  dialog = cs_ui_test_find_toplevel (CS_TYPE_ASSET_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  cs_ui_test_iterate ();
}

/* The clauses of a section page: three added with Add Clause, the focus on the first, Down
 * goes through every clause in order and Enter puts the focus in the clause's text. */
static void
test_clauses (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *editor, *text_view, *row;
  GtkListBox *list_box;
  guint n = 0;

  cs_project_view_set_section (fixture->view, CS_SECTION_EXIT);
  cs_ui_test_iterate_rounds (5);
  editor = cs_ui_test_find_descendant (cs_project_view_get_section_page (fixture->view),
                                       CS_TYPE_CLAUSE_EDITOR);
  g_assert_nonnull (editor);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (editor, "clause-editor.add", NULL));
      cs_ui_test_iterate_rounds (5);
    }
  wait_ms (500);
  text_view = cs_ui_test_find_descendant (editor, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text_view);
  list_box = GTK_LIST_BOX (gtk_widget_get_parent (gtk_widget_get_ancestor (text_view,
                                                                           GTK_TYPE_LIST_BOX_ROW)));
  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;
  g_assert_cmpuint (n, >=, 3);

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0));
  gtk_widget_grab_focus (row);
  cs_ui_test_iterate ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);
  for (guint i = 1; i < n; i++)
    {
      g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Down"));
      cs_ui_test_iterate ();
      row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, i));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);
    }
  cs_ui_test_save_shot (window, "list-keys-clauses.png");

  press_and_check (window, "Home", list_box, 0);
  press_and_check (window, "End", list_box, n - 1);
  check_pages (window, list_box, n);
  press_and_check (window, "End", list_box, n - 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, n - 1));

  g_assert_true (cs_ui_test_activate_shortcut (row, "Return"));
  cs_ui_test_iterate ();
  text_view = cs_ui_test_find_descendant (row, GTK_TYPE_TEXT_VIEW);
  g_assert_true (gtk_widget_has_focus (text_view));
}

/* The finding whose row holds the focus, or NULL. */
static CsFinding *
focused_finding (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = NULL;

  if (focus == NULL)
    return NULL;
  row = CS_IS_FINDING_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, CS_TYPE_FINDING_ROW);
  if (row == NULL && CS_IS_FINDING_ROW (gtk_widget_get_first_child (focus)))
    row = gtk_widget_get_first_child (focus);

  return row != NULL ? cs_finding_row_get_finding (CS_FINDING_ROW (row)) : NULL;
}

typedef struct
{
  GtkWidget *window;
  CsFinding *finding;
} FocusWait;

static gboolean
focus_is_on (gpointer data)
{
  FocusWait *wait = data;

  return focused_finding (wait->window) == wait->finding;
}

typedef struct
{
  GtkWidget *view;
  CsFinding *finding;
  GtkWidget *row;
} RowWait;

static GtkWidget *
find_finding_row (GtkWidget *root,
                  CsFinding *finding)
{
  if (CS_IS_FINDING_ROW (root) && cs_finding_row_get_finding (CS_FINDING_ROW (root)) == finding)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_finding_row (child, finding);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
row_is_built (gpointer data)
{
  RowWait *wait = data;

  wait->row = find_finding_row (wait->view, wait->finding);
  return wait->row != NULL;
}

/* Presses @key on the focus and waits for the focus on the finding at @position of the
 * dashboard's list (its rows are built once scrolled to). */
static void
press_and_wait_finding (GtkWidget  *window,
                        const char *key,
                        GListModel *findings,
                        guint       position)
{
  g_autoptr(CsFinding) finding = g_list_model_get_item (findings, position);
  FocusWait wait = { window, finding };

  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), key));
  if (!cs_ui_test_wait_until (focus_is_on, &wait))
    g_test_message ("%s: the focus is on %s", key, focused_finding (window) != NULL
                    ? cs_finding_get_title (focused_finding (window)) : "no finding");
  g_assert_true (focused_finding (window) == finding);
}

/* The dashboard's findings: Home and End go to the first and the last finding (not to the
 * overview above them or the wording area below, the list's first and last items). */
static void
test_findings (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  CsDashboardPage *page;
  GListModel *findings;
  guint n;

  cs_project_view_set_section (fixture->view, CS_SECTION_DASHBOARD);
  cs_ui_test_iterate_rounds (5);
  page = CS_DASHBOARD_PAGE (cs_project_view_get_section_page (fixture->view));
  findings = cs_dashboard_page_get_findings (page);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, >, 20);

  /* The focus on the first finding, as Tab and Down put it (the list builds the rows in view
   * only), then Down to the second. */
  {
    g_autoptr(CsFinding) first = g_list_model_get_item (findings, 0);
    RowWait wait = { GTK_WIDGET (cs_dashboard_page_get_findings_view (page)), first, NULL };

    g_assert_true (gtk_widget_activate_action (wait.view, "list.scroll-to-item", "u", 1));
    g_assert_true (cs_ui_test_wait_until (row_is_built, &wait));
    g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (wait.row)));
    cs_ui_test_iterate ();
    g_assert_true (focused_finding (window) == first);
  }
  press_and_wait_finding (window, "Down", findings, 1);

  press_and_wait_finding (window, "End", findings, n - 1);
  cs_ui_test_save_shot (window, "list-keys-findings-end.png");
  press_and_wait_finding (window, "Home", findings, 0);

  /* Page Down goes a screenful down, from finding to finding (GtkGridView's own key). */
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Page_Down"));
  cs_ui_test_iterate_rounds (5);
  g_assert_nonnull (focused_finding (window));
  {
    guint position = G_MAXUINT;

    g_assert_true (g_list_store_find (G_LIST_STORE (findings), focused_finding (window), &position));
    g_assert_cmpuint (position, >, 1);
    g_assert_cmpuint (position, <, n - 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  app = g_object_new (CS_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/keyboard/deliverables", Fixture, NULL, fixture_set_up,
              test_deliverables, fixture_tear_down);
  g_test_add ("/ui/keyboard/subcontractors", Fixture, NULL, fixture_set_up,
              test_subcontractors, fixture_tear_down);

  g_test_add ("/ui/keyboard/assets", Fixture, NULL, fixture_set_up,
              test_assets, fixture_tear_down);

  g_test_add ("/ui/keyboard/clauses", Fixture, NULL, fixture_set_up,
              test_clauses, fixture_tear_down);

  g_test_add ("/ui/keyboard/findings", Fixture, NULL, fixture_set_up,
              test_findings, fixture_tear_down);

  return g_test_run ();
}
