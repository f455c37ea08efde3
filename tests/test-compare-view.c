/* test-compare-view.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cs-compare-view.h"
#include "cs-comparison.h"
#include "cs-demo.h"
#include "cs-project-view.h"
#include "cs-review-state.h"
#include "cs-ui-test-utils.h"

typedef struct
{
  char          *path;
  CsStore       *store;
  GtkWindow     *window;
  CsProjectView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = cs_ui_test_project_path ("compare.contractscope");
  fixture->store = cs_demo_create (fixture->path, &error);
  g_assert_no_error (error);

  {
    g_autoptr(CsReviewState) review_state = cs_review_state_new (fixture->store);

    fixture->view = cs_project_view_new (review_state);
  }
  fixture->window = GTK_WINDOW (cs_ui_test_present (GTK_WIDGET (fixture->view), 1280, 800));
  cs_ui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_ui_test_close (&fixture->window, &fixture->store);
  g_unlink (fixture->path);
  g_free (fixture->path);
}

static gboolean
has_comparison (gpointer data)
{
  return cs_compare_view_get_comparison (data) != NULL;
}

static gboolean
shows_perimeter (gpointer data)
{
  return cs_project_view_get_section (data) == CS_SECTION_PERIMETER;
}

static gboolean
shows_compare (gpointer data)
{
  CsCompareView *compare = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (compare)));

  return !gtk_stack_get_transition_running (stack);
}

/* Chooses the sidebar row below the sections and waits for the comparison. */
static CsCompareView *
open_compare (Fixture *fixture)
{
  GtkListBox *list = cs_project_view_get_sections_list (fixture->view);
  CsCompareView *compare = NULL;

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, CS_N_SECTIONS));
  cs_ui_test_iterate ();
  compare = cs_ui_test_find_descendant (GTK_WIDGET (fixture->view), CS_TYPE_COMPARE_VIEW);
  g_assert_nonnull (compare);
  g_assert_true (cs_ui_test_wait_until (has_comparison, compare));
  g_assert_true (cs_ui_test_wait_until (shows_compare, compare));
  cs_ui_test_iterate ();

  return compare;
}

static const char *
cell_text (GtkWidget *button)
{
  return gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
}

/* The line of cells whose first cell reads @text. */
static GtkWidget *
find_line (CsCompareView *compare,
           const char    *text)
{
  GtkWidget *grid = cs_compare_view_get_cells_grid (compare);

  for (GtkWidget *line = gtk_widget_get_first_child (grid); line != NULL;
       line = gtk_widget_get_next_sibling (line))
    {
      GtkWidget *first = gtk_widget_get_first_child (line);

      if (GTK_IS_BUTTON (first) && g_strcmp0 (cell_text (first), text) == 0)
        return line;
    }

  g_error ("No line starts with “%s”", text);
}

/* The button (or menu button) of the toolbar labelled @label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if ((GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)),
                                               label) == 0)
      || (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)),
                                             label) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_cells_with (CsCompareView *compare,
                  const char    *css_class)
{
  GtkWidget *grid = cs_compare_view_get_cells_grid (compare);
  guint n = 0;

  for (GtkWidget *line = gtk_widget_get_first_child (grid); line != NULL;
       line = gtk_widget_get_next_sibling (line))
    for (GtkWidget *cell = gtk_widget_get_first_child (line); cell != NULL;
         cell = gtk_widget_get_next_sibling (cell))
      if (gtk_widget_has_css_class (cell, css_class))
        n++;

  return n;
}

static guint
count_visible_lines (CsCompareView *compare)
{
  GtkWidget *grid = cs_compare_view_get_cells_grid (compare);
  guint n = 0;

  for (GtkWidget *line = gtk_widget_get_first_child (grid); line != NULL;
       line = gtk_widget_get_next_sibling (line))
    if (gtk_widget_get_visible (line))
      n++;

  return n;
}

/* The demo: the incumbent manages 28 of 60 assets, the strong proposal 59 (issue 11). */
static void
test_best_and_worst (Fixture       *fixture,
                     gconstpointer  data)
{
  CsCompareView *compare = open_compare (fixture);
  GtkWidget *line = find_line (compare, "28 of 60 ▼");
  GtkWidget *incumbent = gtk_widget_get_first_child (line);
  GtkWidget *proposal = gtk_widget_get_next_sibling (incumbent);
  guint all_lines = count_visible_lines (compare);
  GtkWidget *focus = NULL;

  g_assert_cmpuint (cs_comparison_get_n_offers (cs_compare_view_get_comparison (compare)), ==, 3);
  g_assert_true (gtk_widget_has_css_class (incumbent, "compare-worst"));
  g_assert_true (gtk_widget_has_css_class (proposal, "compare-best"));
  g_assert_cmpstr (cell_text (proposal), ==, "59 of 60 ▲");
  g_assert_cmpuint (count_cells_with (compare, "compare-knock-out"), >, 0);
  g_assert_cmpuint (count_cells_with (compare, "compare-best"), >, 10);
  cs_ui_test_save_shot (GTK_WIDGET (fixture->window), "compare-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  cs_ui_test_iterate ();
  cs_ui_test_save_shot (GTK_WIDGET (fixture->window), "compare-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Rows where every offer says the same can be hidden. */
  gtk_widget_activate_action (GTK_WIDGET (compare), "compare.toggle-section", "i", 1);
  cs_ui_test_iterate ();
  g_assert_cmpuint (count_visible_lines (compare), <, all_lines);
  g_assert_false (gtk_widget_get_visible (find_line (compare, "28 of 60 ▼")));
  /* The focus stays on the section's title. */
  focus = gtk_window_get_focus (fixture->window);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==,
                   "compare.toggle-section");
  gtk_widget_activate_action (GTK_WIDGET (compare), "compare.toggle-section", "i", 1);
  cs_ui_test_iterate ();
  g_assert_cmpuint (count_visible_lines (compare), ==, all_lines);
}

static void
test_hide_equal (Fixture       *fixture,
                 gconstpointer  data)
{
  CsCompareView *compare = open_compare (fixture);
  guint all_lines = count_visible_lines (compare);
  GtkToggleButton *hide = GTK_TOGGLE_BUTTON (find_button (GTK_WIDGET (compare),
                                                         "_Hide Equal Rows"));

  g_assert_nonnull (hide);
  gtk_toggle_button_set_active (hide, TRUE);
  cs_ui_test_iterate ();
  g_assert_cmpuint (count_visible_lines (compare), <, all_lines);
  /* The coverage differs: still shown. */
  g_assert_true (gtk_widget_get_visible (find_line (compare, "28 of 60 ▼")));
}

/* Arrow keys move between cells; a cell leads to the section where its value is edited. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  CsCompareView *compare = open_compare (fixture);
  GtkWidget *line = find_line (compare, "28 of 60 ▼");
  GtkWidget *incumbent = gtk_widget_get_first_child (line);
  GtkWidget *proposal = gtk_widget_get_next_sibling (incumbent);
  GtkWidget *focus = NULL;
  CsComparison *comparison = cs_compare_view_get_comparison (compare);

  gtk_widget_grab_focus (incumbent);
  cs_ui_test_iterate ();
  g_assert_true (gtk_window_get_focus (fixture->window) == incumbent);

  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_RIGHT);
  cs_ui_test_iterate ();
  g_assert_true (gtk_window_get_focus (fixture->window) == proposal);

  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_DOWN);
  cs_ui_test_iterate ();
  focus = gtk_window_get_focus (fixture->window);
  g_assert_true (gtk_widget_get_parent (focus) == gtk_widget_get_next_sibling (line));
  g_assert_true (gtk_widget_get_prev_sibling (focus)
                 == gtk_widget_get_first_child (gtk_widget_get_parent (focus)));

  /* Enter on the proposal's coverage: its perimeter page. */
  gtk_widget_grab_focus (proposal);
  g_signal_emit_by_name (proposal, "activate");
  g_assert_true (cs_ui_test_wait_until (shows_perimeter, fixture->view));
  g_assert_cmpuint (cs_project_view_get_section (fixture->view), ==, CS_SECTION_PERIMETER);
  g_assert_true (cs_project_view_get_offer (fixture->view)
                 == cs_comparison_get_offer (comparison, 1));
}

static gboolean
weights_saved (gpointer data)
{
  CsCompareView *compare = data;
  CsComparison *comparison = cs_compare_view_get_comparison (compare);

  return comparison != NULL && cs_comparison_get_weights (comparison)[3] == 40;
}

static gboolean
horizon_is_24 (gpointer data)
{
  CsComparison *comparison = cs_compare_view_get_comparison (data);

  return comparison != NULL && cs_comparison_find_row (comparison, "money.total.horizon") != NULL
         && g_str_equal (cs_comparison_find_row (comparison, "money.total.horizon")->label,
                         "Total over 24 months");
}

/* Weights are edited in the view, kept in the project only when they sum to 100 %. */
static void
test_weights (Fixture       *fixture,
              gconstpointer  data)
{
  CsCompareView *compare = open_compare (fixture);
  GtkWidget *weights_button = NULL;
  GtkWidget *popover = NULL;
  GtkWidget *spins[CS_COMPARISON_N_WEIGHTS];
  guint stored[CS_COMPARISON_N_WEIGHTS];
  guint n = 0;

  weights_button = find_button (GTK_WIDGET (compare), "_Weights");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (weights_button)));
  g_assert_nonnull (popover);
  for (n = 0; n < CS_COMPARISON_N_WEIGHTS; n++)
    {
      spins[n] = cs_ui_test_find_nth (popover, GTK_TYPE_SPIN_BUTTON, NULL, n);
      if (spins[n] == NULL)
        break;
    }
  g_assert_cmpuint (n, ==, CS_COMPARISON_N_WEIGHTS);

  /* 15 + 10 + 5 + 40 + … = 125: refused. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[3]), 40);
  cs_ui_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (compare), "compare.save-weights", NULL);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (fixture->store,
                                                             CS_TYPE_SECTION_WEIGHT, 0)), ==, 0);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[0]), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[8]), 5);
  cs_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.save-weights",
                                             NULL));
  cs_comparison_read_weights (fixture->store, stored);
  g_assert_cmpuint (stored[3], ==, 40);
  g_assert_cmpuint (stored[0], ==, 0);
  g_assert_true (cs_ui_test_wait_until (weights_saved, compare));

  /* The horizon of the totals is kept in the project, and the money rows follow it. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cs_ui_test_find_nth (popover, GTK_TYPE_SPIN_BUTTON,
                                                                   NULL,
                                                                   CS_COMPARISON_N_WEIGHTS)),
                             24);
  g_assert_cmpint (cs_record_get_int (CS_RECORD (cs_store_get_project (fixture->store)),
                                      "compare_horizon_months"), ==, 24);
  g_assert_true (cs_ui_test_wait_until (horizon_is_24, compare));
}

static gboolean
compares_two (gpointer data)
{
  CsComparison *comparison = cs_compare_view_get_comparison (data);

  return comparison != NULL && cs_comparison_get_n_offers (comparison) == 2;
}

static gboolean
kerveo_first (gpointer data)
{
  CsComparison *comparison = cs_compare_view_get_comparison (data);

  return comparison != NULL
         && g_str_has_prefix (cs_offer_get_provider (cs_comparison_get_offer (comparison, 0)),
                              "Kerveo");
}

/* Offers are left out, put back and moved from the view; the choice is kept in the project. */
static void
test_choose_offers (Fixture       *fixture,
                    gconstpointer  data)
{
  CsCompareView *compare = open_compare (fixture);
  CsComparison *comparison = cs_compare_view_get_comparison (compare);
  CsOffer *incumbent = cs_comparison_get_offer (comparison, 0);
  gint64 incumbent_id = cs_record_get_id (CS_RECORD (incumbent));
  gint64 kerveo_id = cs_record_get_id (CS_RECORD (cs_comparison_get_offer (comparison, 2)));

  gtk_widget_activate_action (GTK_WIDGET (compare), "compare.exclude", "x", incumbent_id);
  g_assert_false (cs_record_get_boolean (CS_RECORD (incumbent), "compared"));
  g_assert_true (cs_ui_test_wait_until (compares_two, compare));

  gtk_widget_activate_action (GTK_WIDGET (compare), "compare.include", "x", incumbent_id);
  g_assert_true (cs_record_get_boolean (CS_RECORD (incumbent), "compared"));

  /* Kerveo, third, moves left twice: first. */
  gtk_widget_activate_action (GTK_WIDGET (compare), "compare.move", "(xi)", kerveo_id, -1);
  gtk_widget_activate_action (GTK_WIDGET (compare), "compare.move", "(xi)", kerveo_id, -1);
  g_assert_true (cs_ui_test_wait_until (kerveo_first, compare));
  g_assert_cmpuint (cs_comparison_get_n_offers (cs_compare_view_get_comparison (compare)), ==, 3);
}

static gboolean
has_file_chooser (gpointer data)
{
  return cs_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* Export asks where to write the file. */
static void
test_export_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  CsCompareView *compare = open_compare (fixture);
  GtkWidget *chooser = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.export", "s", "xlsx"));
  g_assert_true (cs_ui_test_wait_until (has_file_chooser, NULL));
  chooser = cs_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export the Comparison");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  cs_ui_test_iterate ();
}

/* Five offers at 1280 × 800: the figures scroll sideways, the labels stay. */
static void
test_five_offers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CsCompareView *compare = NULL;
  GtkScrolledWindow *scroll = NULL;
  GtkAdjustment *hadjustment = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("Provider R&D <b>%u</b>", i + 4);
      g_autoptr(CsRecord) offer = g_object_new (CS_TYPE_OFFER, "provider", name, NULL);

      g_assert_true (cs_store_add (fixture->store, offer, &error));
      g_assert_no_error (error);
    }

  compare = open_compare (fixture);
  g_assert_cmpuint (cs_comparison_get_n_offers (cs_compare_view_get_comparison (compare)), ==, 5);
  scroll = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (cs_compare_view_get_cells_grid (compare),
                                                         GTK_TYPE_SCROLLED_WINDOW));
  hadjustment = gtk_scrolled_window_get_hadjustment (scroll);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >,
                     gtk_adjustment_get_page_size (hadjustment));
  cs_ui_test_save_shot (GTK_WIDGET (fixture->window), "compare-five.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = NULL;

  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  /* The application's style sheet, as AdwApplication loads it, for the screenshots. */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/ui/compare/best-and-worst", Fixture, NULL, fixture_set_up, test_best_and_worst,
              fixture_tear_down);
  g_test_add ("/ui/compare/hide-equal", Fixture, NULL, fixture_set_up, test_hide_equal,
              fixture_tear_down);
  g_test_add ("/ui/compare/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/ui/compare/weights", Fixture, NULL, fixture_set_up, test_weights,
              fixture_tear_down);
  g_test_add ("/ui/compare/choose-offers", Fixture, NULL, fixture_set_up, test_choose_offers,
              fixture_tear_down);
  g_test_add ("/ui/compare/export-asks", Fixture, NULL, fixture_set_up, test_export_asks,
              fixture_tear_down);
  g_test_add ("/ui/compare/five-offers", Fixture, NULL, fixture_set_up, test_five_offers,
              fixture_tear_down);

  return g_test_run ();
}
