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

#include "cs-application.h"
#include "cs-offer-selector.h"
#include "cs-project-view.h"
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

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!cs_ui_test_init (&argc, &argv))
    return 0;
  bindtextdomain (GETTEXT_PACKAGE, CS_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

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

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
