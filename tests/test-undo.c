/* test-undo.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-application.h"
#include "cs-offer-selector.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-window.h"
#include "cs-ui-test-utils.h"

static CsApplication *app;

typedef struct
{
  CsWindow      *window;
  CsStore       *store;
  CsProjectView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = cs_ui_test_project_path ("undo.contractscope");

  fixture->store = cs_ui_test_create_demo (path);
  fixture->window = cs_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cs_window_set_store (fixture->window, fixture->store);
  cs_ui_test_iterate ();
  fixture->view = cs_window_get_project_view (fixture->window);
  g_assert_nonnull (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cs_ui_test_iterate ();
  g_assert_true (cs_store_is_closed (fixture->store));
  g_clear_object (&fixture->store);
}

/* Shows every section page once, so that each holds the selected offer's records. */
static void
visit_sections (Fixture *fixture)
{
  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      cs_project_view_set_section (fixture->view, section);
      cs_ui_test_iterate ();
    }
}

/* Deletes the selected offer, answering @response to the confirmation. */
static void
delete_offer (Fixture    *fixture,
              const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "project.delete-offer", NULL));
  cs_ui_test_iterate ();
  dialog = cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, response);
  cs_ui_test_iterate_rounds (5);
}

/* Activates the shortcut for @accel that a key press on @widget would reach first, walking up
 * its ancestors' shortcut controllers as GTK's bubbling does. */
static gboolean
activate_shortcut (GtkWidget  *widget,
                   const char *accel)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  g_assert_nonnull (wanted);
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
                return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                     GTK_SHORTCUT_ACTION_EXCLUSIVE, w,
                                                     gtk_shortcut_get_arguments (shortcut));
            }
        }
    }

  return FALSE;
}

/* Ctrl+Z, as the user types it with the focus in the page (not in a text field, which would
 * undo its own typing). */
static void
press_undo (Fixture *fixture)
{
  GtkWidget *page = cs_project_view_get_section_page (fixture->view);

  g_assert_true (activate_shortcut (page, "<Control>z"));
  cs_ui_test_iterate_rounds (5);
}

/* Issue 14: restoring an offer once the section pages were visited crashed the application,
 * the offer coming back before its sections did. */
static void
test_undo_offer_after_pages (Fixture       *fixture,
                             gconstpointer  data)
{
  GListModel *offers = cs_store_get_offers (fixture->store);
  guint n_offers = g_list_model_get_n_items (offers);

  g_assert_cmpuint (n_offers, >=, 2);
  for (guint round = 0; round < n_offers; round++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, round);

      cs_project_view_set_offer (fixture->view, offer);
      visit_sections (fixture);
      delete_offer (fixture, "delete");
      g_assert_cmpuint (g_list_model_get_n_items (offers), ==, n_offers - 1);
      press_undo (fixture);
      cs_ui_test_iterate_rounds (20);
      g_assert_cmpuint (g_list_model_get_n_items (offers), ==, n_offers);
      g_assert_true (cs_project_view_get_offer (fixture->view) == offer);
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

  g_test_add ("/ui/undo/offer-after-pages", Fixture, NULL, fixture_set_up,
              test_undo_offer_after_pages, fixture_tear_down);

  return g_test_run ();
}
