/* test-layout.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's layout on the demo project: what depends on the window's width and on nothing
 * else. Run once in English and once in French (the `layout-fr` test sets LANGUAGE). */

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "cs-application.h"
#include "cs-currency-row.h"
#include "cs-i18n.h"
#include "cs-import-dialog.h"
#include "cs-labels.h"
#include "cs-offer-selector.h"
#include "cs-project-properties.h"
#include "cs-project-view.h"
#include "cs-score-chart.h"
#include "cs-section-page.h"
#include "cs-window.h"
#include "cs-ui-test-utils.h"

static CsApplication *app;

typedef struct
{
  CsWindow      *window;
  CsStore       *store;
  CsProjectView *view;
  AdwLeaflet    *leaflet;
  GtkWidget     *sidebar;
} Fixture;

static void
fixture_open (Fixture    *fixture,
              const char *name,
              int         width)
{
  g_autofree char *path = cs_ui_test_project_path (name);
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(AdwLeafletPage) first = NULL;

  fixture->store = cs_ui_test_create_demo (path);
  fixture->window = cs_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cs_window_set_store (fixture->window, fixture->store);
  cs_ui_test_iterate_rounds (3);

  fixture->view = cs_window_get_project_view (fixture->window);
  fixture->leaflet = cs_ui_test_find_descendant (GTK_WIDGET (fixture->view), ADW_TYPE_LEAFLET);
  g_assert_nonnull (fixture->leaflet);
  pages = G_LIST_MODEL (adw_leaflet_get_pages (fixture->leaflet));
  first = g_list_model_get_item (pages, 0);
  fixture->sidebar = adw_leaflet_page_get_child (first);
}

static void
fixture_close (Fixture *fixture)
{
  cs_ui_test_close ((GtkWindow **) &fixture->window, &fixture->store);
}

/* Lays out the window as the frame clock would, then reads the fold and the sidebar's width. */
static void
read_layout (Fixture  *fixture,
             gboolean *folded,
             int      *sidebar_width)
{
  cs_ui_test_iterate_rounds (3);
  *folded = adw_leaflet_get_folded (fixture->leaflet);
  *sidebar_width = gtk_widget_get_width (fixture->sidebar);
}

static void
check_width (int width)
{
  g_autofree char *name = g_strdup_printf ("layout-%d.contractscope", width);
  Fixture fixture = { 0 };
  GtkListBox *list;
  GListModel *offers;
  gboolean folded0;
  int sidebar0;
  guint n_offers;

  fixture_open (&fixture, name, width);
  read_layout (&fixture, &folded0, &sidebar0);
  g_test_message ("width %d: window %d px, folded %d, sidebar %d px", width,
                  gtk_widget_get_width (GTK_WIDGET (fixture.window)), folded0, sidebar0);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (fixture.window)) - width), <, 40);
  /* Both widths tested are wide enough for the sidebar beside the page. */
  g_assert_false (folded0);
  g_assert_cmpint (sidebar0, >, 200);

  list = cs_project_view_get_sections_list (fixture.view);
  offers = cs_store_get_offers (fixture.store);
  n_offers = g_list_model_get_n_items (offers);
  g_assert_cmpuint (n_offers, >=, 2);

  /* Every page (the sections, then the Compare view) under every offer. */
  for (guint o = 0; o < n_offers; o++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, o);

      cs_offer_selector_set_selected_offer (
          CS_OFFER_SELECTOR (cs_project_view_get_offer_selector (fixture.view)), offer);
      for (guint row = 0; row <= CS_N_SECTIONS; row++)
        {
          gboolean folded;
          int sidebar;

          gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, row));
          read_layout (&fixture, &folded, &sidebar);
          if (folded != folded0 || sidebar != sidebar0)
            g_test_message ("width %d, offer %u, row %u (%s): folded %d, sidebar %d px", width, o,
                            row, gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (list, row))),
                            folded, sidebar);
          g_assert_cmpint (folded, ==, folded0);
          g_assert_cmpint (sidebar, ==, sidebar0);
          if (o == 0)
            {
              g_autofree char *shot = g_strdup_printf ("layout-%s-%d-%s.png",
                                                       g_getenv ("LANGUAGE"), width,
                                                       gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (list, row))));

              cs_ui_test_save_shot (GTK_WIDGET (fixture.window), shot);
            }
        }
    }

  fixture_close (&fixture);
}

static void
test_layout_sidebar_800 (void)
{
  check_width (800);
}

static void
test_layout_sidebar_1180 (void)
{
  check_width (1180);
}

/* The labels of column @column in the inventory's realized rows. */
static GPtrArray *
column_labels (GtkColumnView *view,
               guint          column)
{
  GtkWidget *list = cs_ui_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW);
  GPtrArray *labels = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);

      for (guint i = 0; i < column && cell != NULL; i++)
        cell = gtk_widget_get_next_sibling (cell);
      if (cell != NULL && GTK_IS_LABEL (gtk_widget_get_first_child (cell)) &&
          gtk_widget_get_mapped (cell))
        g_ptr_array_add (labels, gtk_widget_get_first_child (cell));
    }

  return labels;
}

static GtkColumnView *
show_inventory (Fixture *fixture)
{
  GtkListBox *list = cs_project_view_get_sections_list (fixture->view);
  GtkColumnView *view;

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, CS_SECTION_PERIMETER));
  cs_ui_test_iterate_rounds (5);
  view = cs_ui_test_find_descendant (cs_project_view_get_section_page (fixture->view),
                                     GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  return view;
}

static GtkColumnViewColumn *
nth_column (GtkColumnView *view,
            guint          n)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                 n);

  return column;
}

/* At 1280 px, the inventory shows the name, the coverage (second, as a coloured badge), the
 * site and the owner in full; the widths the user gives columns are kept. */
static void
test_layout_inventory (void)
{
  static const char *states[] = { "success", "warning", "error", "dim-label" };
  Fixture fixture = { 0 };
  GtkColumnView *view;
  GtkWidget *scrolled;
  GType title_type;
  guint n_badges = 0, n_success = 0, n_titles = 0, n_cut = 0;

  fixture_open (&fixture, "inventory.contractscope", 1280);
  view = show_inventory (&fixture);
  g_assert_true (gtk_column_view_column_get_visible (nth_column (view, 1)));
  g_assert_cmpstr (gtk_column_view_column_get_title (nth_column (view, 0)), ==, _("Name"));
  g_assert_cmpstr (gtk_column_view_column_get_title (nth_column (view, 1)), ==, _("Coverage"));
  g_assert_cmpstr (gtk_column_view_column_get_title (nth_column (view, 2)), ==, _("Site"));
  g_assert_cmpstr (gtk_column_view_column_get_title (nth_column (view, 3)), ==, _("Owner"));

  /* The first four columns are inside the visible part of the table. */
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  title_type = g_type_from_name ("GtkColumnViewTitle");
  g_assert_true (title_type != 0);
  for (GtkWidget *title = cs_ui_test_find_nth (GTK_WIDGET (view), title_type, NULL, 0);
       title != NULL && n_titles < 4;
       title = cs_ui_test_find_nth (GTK_WIDGET (view), title_type, NULL, n_titles))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (title, scrolled, &bounds));
      g_test_message ("column %u: x %.0f, width %.0f (table %d px)", n_titles,
                      bounds.origin.x, bounds.size.width, gtk_widget_get_width (scrolled));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (scrolled));
      n_titles++;
    }
  g_assert_cmpuint (n_titles, ==, 4);

  /* Names, sites and owners are shown in full. */
  for (guint column = 0; column < 4; column++)
    {
      g_autoptr(GPtrArray) labels = column_labels (view, column);

      g_assert_cmpuint (labels->len, >, 10);
      for (guint i = 0; i < labels->len; i++)
        {
          GtkLabel *label = labels->pdata[i];

          if (column == 1)
            {
              guint n_states = 0;

              g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "coverage-badge"));
              for (guint s = 0; s < G_N_ELEMENTS (states); s++)
                n_states += gtk_widget_has_css_class (GTK_WIDGET (label), states[s]);
              g_assert_cmpuint (n_states, ==, 1);
              n_success += gtk_widget_has_css_class (GTK_WIDGET (label), "success");
              if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
                g_test_message ("badge cuts “%s” at %d px", gtk_label_get_text (label),
                                gtk_widget_get_width (GTK_WIDGET (label)));
              g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
              n_badges++;
              continue;
            }
          if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
            {
              g_test_message ("column %u cuts “%s”", column, gtk_label_get_text (label));
              n_cut++;
              /* Sites and owners are short: none is cut. */
              g_assert_cmpuint (column, ==, 0);
            }
        }
      /* A few names are whole sentences; nine in ten are shown in full. */
      g_assert_cmpuint (n_cut * 10, <=, labels->len);
    }
  g_assert_cmpuint (n_badges, >, 10);
  g_assert_cmpuint (n_success, >, 0);
  if (g_getenv ("CS_SHOT_DIR") != NULL)
    {
      g_autofree char *shot = g_strdup_printf ("inventory-%s-1280.png", g_getenv ("LANGUAGE"));
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      /* Past the stack's crossfade. */
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      cs_ui_test_save_shot (GTK_WIDGET (fixture.window), shot);
    }

  /* A width the user gives a column is the width it has next time. */
  gtk_column_view_column_set_fixed_width (nth_column (view, 2), 321);
  fixture_close (&fixture);
  fixture_open (&fixture, "inventory-again.contractscope", 1280);
  view = show_inventory (&fixture);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (nth_column (view, 2)), ==, 321);
  fixture_close (&fixture);
}

static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  GtkWidget *found;

  for (guint n = 0; (found = cs_ui_test_find_nth (root, type, NULL, n)) != NULL; n++)
    if (gtk_widget_get_mapped (found))
      return found;

  return NULL;
}

/* At 1920 px, every section page's content uses most of the width, not a 600 px column. */
static void
test_layout_wide (void)
{
  Fixture fixture = { 0 };
  GtkListBox *list;

  fixture_open (&fixture, "wide.contractscope", 1920);
  list = cs_project_view_get_sections_list (fixture.view);
  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      GtkWidget *page, *clamp, *child;

      /* The inventory is a table as wide as the window. */
      if (section == CS_SECTION_PERIMETER)
        continue;
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, section));
      cs_ui_test_iterate_rounds (3);
      page = cs_project_view_get_section_page (fixture.view);
      clamp = find_mapped (page, ADW_TYPE_CLAMP_SCROLLABLE);
      if (clamp == NULL)
        clamp = find_mapped (page, ADW_TYPE_CLAMP);
      g_assert_nonnull (clamp);
      child = gtk_widget_get_first_child (clamp);
      g_test_message ("%s: %d px of %d", gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (list, section))),
                      gtk_widget_get_width (child), gtk_widget_get_width (page));
      g_assert_cmpint (ADW_IS_CLAMP (clamp) ? adw_clamp_get_maximum_size (ADW_CLAMP (clamp))
                       : adw_clamp_scrollable_get_maximum_size (ADW_CLAMP_SCROLLABLE (clamp)),
                       >=, 960);
      /* A screen narrower than the window (the suite's 1280 px Xvfb) caps the window. */
      if (gtk_widget_get_width (GTK_WIDGET (fixture.window)) >= 1900)
        g_assert_cmpint (gtk_widget_get_width (child), >=, 900);
    }
  fixture_close (&fixture);
}

/* The window shrinks to a phone's width; the RACI grid then scrolls sideways in view. */
static void
test_layout_narrow (void)
{
  Fixture fixture = { 0 };
  GtkListBox *list;
  GtkWidget *page, *grid, *grid_window;
  graphene_rect_t bounds;
  GtkPolicyType hpolicy;
  int minimum = 0;

  fixture_open (&fixture, "narrow.contractscope", 1180);
  list = cs_project_view_get_sections_list (fixture.view);
  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      int page_minimum = 0;

      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, section));
      cs_ui_test_iterate_rounds (3);
      gtk_widget_measure (GTK_WIDGET (fixture.window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &page_minimum, NULL, NULL, NULL);
      minimum = MAX (minimum, page_minimum);
    }
  g_test_message ("the window's minimum width: %d px", minimum);
  g_assert_cmpint (minimum, <=, 420);
  fixture_close (&fixture);

  fixture_open (&fixture, "narrow-raci.contractscope", 420);
  g_assert_true (adw_leaflet_get_folded (fixture.leaflet));
  list = cs_project_view_get_sections_list (fixture.view);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, CS_SECTION_RESPONSIBILITIES));
  adw_leaflet_navigate (fixture.leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  cs_ui_test_iterate_rounds (5);
  g_usleep (G_USEC_PER_SEC / 2);
  cs_ui_test_iterate_rounds (5);
  cs_ui_test_save_shot (GTK_WIDGET (fixture.window), "narrow-raci.png");
  page = cs_project_view_get_section_page (fixture.view);
  grid = find_mapped (page, GTK_TYPE_GRID);
  g_assert_nonnull (grid);
  grid_window = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (grid_window);
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (grid_window), &hpolicy, NULL);
  g_assert_cmpint (hpolicy, !=, GTK_POLICY_NEVER);
  g_assert_true (gtk_widget_compute_bounds (grid_window, GTK_WIDGET (fixture.window), &bounds));
  g_test_message ("RACI grid %d px wide, shown in %.0f px from x %.0f (window %d px)",
                  gtk_widget_get_width (grid), bounds.size.width, bounds.origin.x,
                  gtk_widget_get_width (GTK_WIDGET (fixture.window)));
  /* The grid is wider than the window, and its scrolled window ends inside the window. */
  g_assert_cmpint (gtk_widget_get_width (grid), >, bounds.size.width);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (fixture.window)));
  fixture_close (&fixture);
}

static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_visible (root))
    return 0;
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    {
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);

  return n;
}

/* Every section page follows one pattern: the section and the offer as its heading, the points
 * to check summarised before the first field, the contract wording once. */
static void
test_layout_pattern (void)
{
  Fixture fixture = { 0 };
  g_autofree char *offer_heading = NULL;
  guint n_not_stated = 0;
  GtkListBox *list;
  CsOffer *offer;

  fixture_open (&fixture, "pattern.contractscope", 1280);
  list = cs_project_view_get_sections_list (fixture.view);
  offer = cs_project_view_get_offer (fixture.view);
  offer_heading = g_strdup_printf (_("%s — %s"), cs_offer_get_provider (offer),
                                   cs_offer_kind_get_label (cs_offer_get_kind (offer)));
  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      GtkWidget *page;
      guint n_wording;

      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, section));
      cs_ui_test_iterate_rounds (3);
      page = cs_project_view_get_section_page (fixture.view);
      n_wording = count_labels (page, _("Contract Wording"));
      g_test_message ("%s: %u", cs_section_get_id (section), n_wording);
      /* Once at most: the dashboard has none, the inventory names its tab. */
      g_assert_cmpuint (n_wording, <=, 1);
      if (section == CS_SECTION_DASHBOARD || section == CS_SECTION_PERIMETER)
        continue;

      /* The heading: the section's name, then the offer's. */
      g_assert_cmpuint (count_labels (page, cs_section_get_title (section)), ==, 1);
      g_assert_cmpuint (count_labels (page, offer_heading), ==, 1);
      n_not_stated += count_labels (page, _("Not stated"));
    }
  /* Empty short texts (the SLA's time zone and public holidays …) say so. */
  g_assert_cmpuint (n_not_stated, >, 0);
  fixture_close (&fixture);
}

static void
wait_frames (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A clause added at the bottom of a long page is scrolled into view, with the focus. */
static void
test_layout_new_clause (void)
{
  Fixture fixture = { 0 };
  GtkListBox *list;
  GtkWidget *page, *editor, *scrolled, *focus;
  graphene_rect_t bounds;

  fixture_open (&fixture, "clause.contractscope", 1280);
  list = cs_project_view_get_sections_list (fixture.view);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, CS_SECTION_SLA));
  cs_ui_test_iterate_rounds (3);
  wait_frames (300);
  page = cs_project_view_get_section_page (fixture.view);
  editor = cs_section_page_get_clause_editor (CS_SECTION_PAGE (page));
  scrolled = gtk_widget_get_ancestor (editor, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))),
                     ==, 0);

  g_assert_true (gtk_widget_activate_action (editor, "clause-editor.add", NULL));
  wait_frames (500);

  focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, editor));
  g_assert_true (gtk_widget_compute_bounds (focus, scrolled, &bounds));
  g_test_message ("new clause at y %.0f–%.0f in %d px", bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (scrolled));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
  fixture_close (&fixture);
}

static gboolean
find_subtitle (GtkWidget  *root,
               const char *text)
{
  if (ADW_IS_EXPANDER_ROW (root) &&
      strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_subtitle (child, text))
      return TRUE;

  return FALSE;
}

/* Counts take their plural forms; prices, their units and numbers follow the language. */
static void
test_layout_localised (void)
{
  gboolean fr = g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0;
  CsScore one = { .n_satisfied = 1, .n_partial = 1, .n_missing = 1, .n_unanswered = 1,
                  .n_not_applicable = 1, .n_lint_findings = 1 };
  CsScore two = { .n_satisfied = 2, .n_partial = 2, .n_missing = 2, .n_unanswered = 2,
                  .n_not_applicable = 2, .n_lint_findings = 2 };
  g_autofree char *counts_one = cs_score_format_counts (&one);
  g_autofree char *counts_two = cs_score_format_counts (&two);
  g_autofree char *price = cs_price_format (720, "EUR", "day");
  Fixture fixture = { 0 };
  GtkListBox *list;

  if (fr)
    {
      g_assert_cmpstr (counts_one, ==, "1 satisfait, 1 partiel, 1 manquant, 1 à évaluer, "
                                       "1 non applicable · 1 formulation faible");
      g_assert_cmpstr (counts_two, ==, "2 satisfaits, 2 partiels, 2 manquants, 2 à évaluer, "
                                       "2 non applicables · 2 formulations faibles");
      g_assert_cmpstr (price, ==, "720,00\u00a0€ par jour");
    }
  else
    {
      g_assert_cmpstr (counts_one, ==, "1 satisfied, 1 partly, 1 missing, 1 to assess, "
                                       "1 not applicable · 1 weak wording");
      g_assert_cmpstr (counts_two, ==, "2 satisfied, 2 partly, 2 missing, 2 to assess, "
                                       "2 not applicable · 2 weak wordings");
      g_assert_cmpstr (price, ==, "€720.00 per day");
    }

  /* The demo's exclusions show their prices so. */
  fixture_open (&fixture, "localised.contractscope", 1280);
  list = cs_project_view_get_sections_list (fixture.view);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, CS_SECTION_EXCLUSIONS));
  cs_ui_test_iterate_rounds (3);
  g_assert_true (find_subtitle (cs_project_view_get_section_page (fixture.view), price));
  fixture_close (&fixture);
}

/* The currency is chosen from a list, not typed; a code not in the list is kept as it is. */
static void
test_layout_currency (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  CsProject *project;
  GtkWidget *properties, *row;

  fixture_open (&fixture, "currency.contractscope", 1280);
  project = cs_store_get_project (fixture.store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.project-properties",
                                             NULL));
  cs_ui_test_iterate ();
  properties = cs_ui_test_find_toplevel (CS_TYPE_PROJECT_PROPERTIES);
  g_assert_nonnull (properties);
  row = cs_ui_test_find_nth (properties, ADW_TYPE_PREFERENCES_ROW, _("Currency"), 0);
  g_assert_true (CS_IS_CURRENCY_ROW (row));
  g_assert_false (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpstr (cs_currency_row_get_value (CS_CURRENCY_ROW (row)), ==, "EUR");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), >=, 5);

  /* Choosing the second currency (USD) stores its code. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  cs_ui_test_iterate ();
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (project), "currency"), ==, "USD");

  /* A code the list does not have is shown, and not changed. */
  g_assert_true (cs_store_set_string (fixture.store, CS_RECORD (project), "currency", "ZAR",
                                      &error));
  g_assert_no_error (error);
  cs_ui_test_iterate ();
  g_assert_cmpstr (cs_currency_row_get_value (CS_CURRENCY_ROW (row)), ==, "ZAR");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (project), "currency"), ==, "ZAR");

  gtk_window_destroy (GTK_WINDOW (properties));
  fixture_close (&fixture);
}

static gboolean
import_shows (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (args[0]), args[1]) == 0;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button;

  for (guint n = 0; (button = cs_ui_test_find_nth (root, GTK_TYPE_BUTTON, NULL, n)) != NULL; n++)
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
      return button;

  return NULL;
}

/* The import assistant goes back from the dry run's review to the column mapping. */
static void
test_layout_import_back (void)
{
  g_autofree char *path = cs_ui_test_project_path ("import.contractscope");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "csv", "glpi-en.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_create (path, "Acme", &error);
  CsImportDialog *dialog;
  GtkStack *stack;
  GtkWidget *back;
  gpointer mapping[2], review[2];

  g_assert_no_error (error);
  dialog = cs_import_dialog_new (store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  stack = cs_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_STACK);
  mapping[0] = review[0] = stack;
  mapping[1] = "mapping";
  review[1] = "review";
  g_assert_true (cs_ui_test_wait_until (import_shows, mapping));
  back = find_button (GTK_WIDGET (dialog), _("_Back"));
  g_assert_nonnull (back);
  g_assert_false (gtk_widget_get_visible (back));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  g_assert_true (cs_ui_test_wait_until (import_shows, review));
  g_assert_true (gtk_widget_get_visible (back));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.back", NULL));
  g_assert_true (cs_ui_test_wait_until (import_shows, mapping));
  g_assert_false (gtk_widget_get_visible (back));
  /* Nothing was imported; the dry run runs again from the mapping. */
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_ASSET, 0)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  g_assert_true (cs_ui_test_wait_until (import_shows, review));

  gtk_window_destroy (GTK_WINDOW (dialog));
  cs_ui_test_iterate ();
  cs_store_close (store);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  GtkWidget *button;

  for (guint n = 0; (button = cs_ui_test_find_nth (root, GTK_TYPE_BUTTON, NULL, n)) != NULL; n++)
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action_name) == 0)
      return button;

  return NULL;
}

/* A deliverable's Delete is not beside its reorder arrows: it is below its fields. */
static void
test_layout_deliverable_delete (void)
{
  Fixture fixture = { 0 };
  GtkListBox *list;
  GtkWidget *page, *expander, *up, *delete;

  fixture_open (&fixture, "deliverables.contractscope", 1280);
  list = cs_project_view_get_sections_list (fixture.view);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, CS_SECTION_EXIT));
  cs_ui_test_iterate_rounds (3);
  page = cs_project_view_get_section_page (fixture.view);
  up = find_action_button (page, "deliverables.move-up");
  delete = find_action_button (page, "deliverables.delete");
  g_assert_nonnull (up);
  g_assert_nonnull (delete);
  expander = gtk_widget_get_ancestor (up, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  g_assert_true (gtk_widget_get_ancestor (delete, ADW_TYPE_EXPANDER_ROW) == expander);
  /* The arrows are in the row's header; Delete in what the row reveals, after its fields. */
  g_assert_null (gtk_widget_get_ancestor (up, GTK_TYPE_REVEALER));
  g_assert_nonnull (gtk_widget_get_ancestor (delete, GTK_TYPE_REVEALER));
  g_assert_true (gtk_widget_get_parent (up) != gtk_widget_get_parent (delete));
  fixture_close (&fixture);
}

/* Screenshots to look at (CS_SHOT_DIR): the main pages at 1280×800 and 1920×1080. */
static void
test_layout_shots (void)
{
  static const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 } };
  static const CsSection sections[] = {
    CS_SECTION_DASHBOARD, CS_SECTION_PERIMETER, CS_SECTION_EXCLUSIONS,
    CS_SECTION_RESPONSIBILITIES, CS_SECTION_SLA, CS_SECTION_EXIT,
  };

  if (g_getenv ("CS_SHOT_DIR") == NULL)
    {
      g_test_skip ("CS_SHOT_DIR names no folder for the screenshots");
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("shots-%d.contractscope", sizes[s][0]);
      Fixture fixture = { 0 };
      GtkListBox *list;

      fixture_open (&fixture, name, sizes[s][0]);
      gtk_window_set_default_size (GTK_WINDOW (fixture.window), sizes[s][0], sizes[s][1]);
      list = cs_project_view_get_sections_list (fixture.view);
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          g_autofree char *shot = g_strdup_printf ("%s-%dx%d-%s.png", g_getenv ("LANGUAGE"),
                                                   sizes[s][0], sizes[s][1],
                                                   cs_section_get_id (sections[i]));

          gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, sections[i]));
          wait_frames (600);
          cs_ui_test_save_shot (GTK_WIDGET (fixture.window), shot);
        }
      fixture_close (&fixture);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!cs_ui_test_init (&argc, &argv))
    return 0;
  /* As the application does: the test's environment names the build tree's catalogues, as
   * `meson devenv` does. */
  g_assert_cmpstr (cs_i18n_init (), ==, CS_TEST_LOCALEDIR);

  /* The French run must show the French interface, or it would test English twice. */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0)
    g_assert_cmpstr (_("Dashboard"), ==, "Tableau de bord");

  app = g_object_new (CS_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/ui/layout/sidebar-800", test_layout_sidebar_800);
  g_test_add_func ("/ui/layout/sidebar-1180", test_layout_sidebar_1180);
  g_test_add_func ("/ui/layout/inventory", test_layout_inventory);
  g_test_add_func ("/ui/layout/wide", test_layout_wide);
  g_test_add_func ("/ui/layout/pattern", test_layout_pattern);
  g_test_add_func ("/ui/layout/new-clause", test_layout_new_clause);
  g_test_add_func ("/ui/layout/localised", test_layout_localised);
  g_test_add_func ("/ui/layout/currency", test_layout_currency);
  g_test_add_func ("/ui/layout/import-back", test_layout_import_back);
  g_test_add_func ("/ui/layout/deliverable-delete", test_layout_deliverable_delete);
  g_test_add_func ("/ui/layout/shots", test_layout_shots);
  g_test_add_func ("/ui/layout/narrow", test_layout_narrow);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
