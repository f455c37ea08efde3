/* test-window.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cs-application.h"
#include "cs-demo.h"
#include "cs-sections.h"
#include "cs-flags-group.h"
#include "cs-new-project-dialog.h"
#include "cs-offer-dialog.h"
#include "cs-offer-selector.h"
#include "cs-project-properties.h"
#include "cs-project-view.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-section-page.h"
#include "cs-welcome-page.h"
#include "cs-window.h"
#include "cs-ui-test-utils.h"

static CsApplication *app;

static CsWindow *
new_window (void)
{
  CsWindow *window = cs_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  cs_ui_test_iterate ();

  return window;
}

static void
destroy_window (CsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static void
on_recent_changed_cb (GtkRecentManager *manager,
                      gboolean         *saved)
{
  *saved = TRUE;
}

/* The recent manager writes its file a moment after a change; wait for it, so that it never
 * writes into the isolated folder of a finished test. */
static void
wait_recent_saved (void)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean saved = FALSE;
  gulong handler;

  handler = g_signal_connect_after (manager, "changed", G_CALLBACK (on_recent_changed_cb), &saved);
  while (!saved && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (manager, handler);
  g_assert_true (saved);
}

static CsStore *
create_project (const char *name,
                const char *client)
{
  g_autofree char *path = cs_ui_test_project_path (name);
  g_autoptr(GError) error = NULL;
  CsStore *store;

  store = cs_store_create (path, client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
test_window_welcome (void)
{
  static const char *app_actions[] = {
    "new-project", "open", "open-demo", "preferences", "about", "quit",
  };
  CsWindow *window = new_window ();
  GtkWidget *welcome;

  g_assert_true (CS_IS_WINDOW (window));
  g_assert_null (cs_window_get_store (window));
  g_assert_null (cs_window_get_project_view (window));

  welcome = cs_window_get_welcome_page (window);
  g_assert_true (CS_IS_WELCOME_PAGE (welcome));
  g_assert_true (gtk_widget_is_visible (welcome));
  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    {
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), app_actions[i]));
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), app_actions[i]));
    }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open-file"));

  destroy_window (window);
}

static void
test_window_sections (void)
{
  g_autoptr(CsStore) store = create_project ("sections.contractscope", "Acme");
  CsWindow *window = new_window ();
  CsProjectView *view;
  GtkListBox *list;
  GtkWidget *page;

  cs_window_set_store (window, store);
  cs_ui_test_iterate ();

  view = cs_window_get_project_view (window);
  g_assert_true (CS_IS_PROJECT_VIEW (view));
  g_assert_true (cs_window_get_store (window) == store);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme — Contract Scope");

  list = cs_project_view_get_sections_list (view);
  /* The sections, then the Compare view. */
  g_assert_cmpuint (count_rows (list), ==, CS_N_SECTIONS + 1);
  g_assert_cmpuint (count_rows (list), ==, 11);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (list,
                                                                                   CS_N_SECTIONS))),
                   ==, "compare");

  page = cs_project_view_get_section_page (view);
  g_assert_true (CS_IS_SECTION_PAGE (page));
  g_assert_cmpint (cs_project_view_get_section (view), ==, CS_SECTION_DASHBOARD);

  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, section));
      cs_ui_test_iterate ();
      g_assert_cmpint (cs_project_view_get_section (view), ==, section);
      /* Each section has its own page, created when first shown. */
      page = cs_project_view_get_section_page (view);
      g_assert_true (gtk_widget_get_child_visible (page));
      g_assert_true (CS_IS_SECTION_PAGE (page));
      g_assert_cmpint (cs_section_page_get_section (CS_SECTION_PAGE (page)), ==, section);
    }

  /* No offer yet: nothing is selected and the offer actions wait for one. */
  g_assert_null (cs_project_view_get_offer (view));

  /* Opening the same file again presents this window instead of a second open. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (cs_store_get_path (store));

    g_assert_true (cs_application_open_file (app, file, NULL) == GTK_WINDOW (window));
  }

  cs_window_close_project (window);
  cs_ui_test_iterate ();
  g_assert_null (cs_window_get_project_view (window));
  g_assert_true (cs_store_is_closed (store));

  destroy_window (window);
}

static gboolean
store_checked (gpointer data)
{
  return !cs_store_is_checking (data);
}

/* A project changed by another program since our last clean close opens at once, checked in
 * the background: "Checking…", and changes refused until the check passed. */
static void
test_window_check_later (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWindow *window;
  CsProjectView *view;
  CsStore *store;

  {
    g_autoptr(CsStore) created = create_project ("later.contractscope", "Acme");

    path = g_strdup (cs_store_get_path (created));
  }
  /* another program's change: a project record written behind our back */
  {
    char *argv[] = { (char *) "sqlite3", path, (char *) "UPDATE project SET notes = 'x'", NULL };
    int status = 0;

    if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, &error))
      {
        g_test_skip ("no sqlite3 command");
        return;
      }
    g_assert_true (g_spawn_check_wait_status (status, &error));
  }

  /* Opening notes the file in the recent files, which the manager of the first test saves
   * under that test's folder: make sure it exists. */
  {
    g_autofree char *recent = NULL;
    g_autofree char *folder = NULL;

    g_object_get (gtk_recent_manager_get_default (), "filename", &recent, NULL);
    folder = g_path_get_dirname (recent);
    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  }

  file = g_file_new_for_path (path);
  window = cs_application_open_file (app, file, NULL);
  g_assert_nonnull (window);
  store = cs_window_get_store (CS_WINDOW (window));
  view = cs_window_get_project_view (CS_WINDOW (window));
  g_assert_true (cs_store_is_checking (store));
  g_assert_cmpstr (cs_project_view_get_save_state (view), ==, "Checking…");
  g_assert_false (cs_store_set_string (store, CS_RECORD (cs_store_get_project (store)), "notes",
                                       "early", &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (cs_ui_test_wait_until (store_checked, store));
  g_assert_cmpstr (cs_project_view_get_save_state (view), ==, "");
  g_assert_true (cs_store_set_string (store, CS_RECORD (cs_store_get_project (store)), "notes",
                                      "checked", &error));
  g_assert_no_error (error);

  destroy_window (CS_WINDOW (window));
}

static void
test_window_offers (void)
{
  g_autoptr(CsStore) store = create_project ("offers.contractscope", "Acme");
  CsWindow *window = new_window ();
  CsOfferDialog *dialog;
  CsProjectView *view;
  CsOfferSelector *selector;
  GListModel *offers;
  CsOffer *offer;
  GtkWidget *page;

  cs_window_set_store (window, store);
  cs_ui_test_iterate ();
  view = cs_window_get_project_view (window);
  selector = CS_OFFER_SELECTOR (cs_project_view_get_offer_selector (view));
  offers = cs_store_get_offers (store);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 0);
  g_assert_null (cs_offer_selector_get_selected_offer (selector));

  /* Add through the action and its dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "project.add-offer", NULL));
  cs_ui_test_iterate ();
  dialog = cs_ui_test_find_toplevel (CS_TYPE_OFFER_DIALOG);
  g_assert_nonnull (dialog);
  cs_offer_dialog_set_provider_name (dialog, "Rhône Services");
  cs_offer_dialog_set_kind (dialog, "incumbent");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  cs_ui_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 1);
  offer = cs_offer_selector_get_selected_offer (selector);
  g_assert_nonnull (offer);
  g_assert_cmpstr (cs_offer_get_provider (offer), ==, "Rhône Services");
  g_assert_cmpstr (cs_offer_get_kind (offer), ==, "incumbent");
  g_assert_true (cs_project_view_get_offer (view) == offer);
  page = cs_project_view_get_section_page (view);
  g_assert_true (cs_section_page_get_offer (CS_SECTION_PAGE (page)) == offer);
  g_assert_cmpstr (cs_project_view_get_save_state (view), ==, "Saved");

  /* A second offer, added directly, becomes the selected one. */
  g_assert_true (cs_project_view_add_offer (view, "Alpes IT", "proposal", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 2);
  g_assert_cmpstr (cs_offer_get_provider (cs_offer_selector_get_selected_offer (selector)), ==,
                   "Alpes IT");

  /* Rename through the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "project.rename-offer", NULL));
  cs_ui_test_iterate ();
  dialog = cs_ui_test_find_toplevel (CS_TYPE_OFFER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (cs_offer_dialog_get_provider_name (dialog), ==, "Alpes IT");
  /* Names are text, not markup: the deletion toast shows them as typed. */
  cs_offer_dialog_set_provider_name (dialog, "Alpes IT & <Group>");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  cs_ui_test_iterate ();
  g_assert_cmpstr (cs_offer_get_provider (cs_offer_selector_get_selected_offer (selector)), ==,
                   "Alpes IT & <Group>");

  /* Delete, then undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "project.delete-offer", NULL));
  cs_ui_test_iterate ();
  /* Deleting an offer asks first. */
  {
    AdwMessageDialog *confirm = cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (confirm);
    g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "delete"), ==,
                     ADW_RESPONSE_DESTRUCTIVE);
    g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 2);
    adw_message_dialog_response (confirm, "delete");
    cs_ui_test_iterate ();
  }
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 1);
  g_assert_cmpstr (cs_offer_get_provider (cs_offer_selector_get_selected_offer (selector)), ==,
                   "Rhône Services");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "project.undo", NULL));
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, 2);
  g_assert_cmpstr (cs_offer_get_provider (cs_offer_selector_get_selected_offer (selector)), ==,
                   "Alpes IT & <Group>");

  destroy_window (window);
  g_assert_true (cs_store_is_closed (store));
}

static void
test_window_properties (void)
{
  g_autoptr(CsStore) store = create_project ("properties.contractscope", "Acme");
  g_autoptr(CsStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  CsWindow *window = new_window ();
  CsProjectProperties *properties;
  CsProject *project;
  GtkWidget *row;
  GtkWidget *sw;

  cs_window_set_store (window, store);
  cs_ui_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.project-properties", NULL));
  cs_ui_test_iterate ();
  properties = cs_ui_test_find_toplevel (CS_TYPE_PROJECT_PROPERTIES);
  g_assert_nonnull (properties);
  g_assert_true (cs_project_properties_get_store (properties) == store);

  row = cs_ui_test_find_nth (GTK_WIDGET (properties), ADW_TYPE_PREFERENCES_ROW, "Client name", 0);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Acme");
  gtk_editable_set_text (GTK_EDITABLE (row), "Acme Industries");
  g_signal_emit_by_name (row, "entry-activated");
  cs_ui_test_iterate ();
  g_assert_cmpstr (cs_project_get_client_name (cs_store_get_project (store)), ==,
                   "Acme Industries");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Acme Industries — Contract Scope");

  row = cs_ui_test_find_nth (GTK_WIDGET (properties), ADW_TYPE_PREFERENCES_ROW,
                             "Regulated client", 0);
  g_assert_nonnull (row);
  sw = cs_ui_test_find_descendant (row, GTK_TYPE_SWITCH);
  g_assert_nonnull (sw);
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  cs_ui_test_iterate ();
  g_assert_true (cs_record_get_boolean (CS_RECORD (cs_store_get_project (store)), "regulated"));

  gtk_window_close (GTK_WINDOW (properties));
  cs_ui_test_iterate ();
  cs_window_close_project (window);
  cs_ui_test_iterate ();
  g_assert_true (cs_store_is_closed (store));

  /* The edits are in the file. */
  reopened = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  project = cs_store_get_project (reopened);
  g_assert_cmpstr (cs_project_get_client_name (project), ==, "Acme Industries");
  g_assert_true (cs_record_get_boolean (CS_RECORD (project), "regulated"));
  cs_store_close (reopened);

  destroy_window (window);
}

static void
test_window_read_only (void)
{
  g_autoptr(CsStore) created = create_project ("read-only.contractscope", "Acme");
  g_autofree char *path = g_strdup (cs_store_get_path (created));
  g_autoptr(CsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CsWindow *window = new_window ();
  CsProjectView *view;

  cs_store_close (created);
  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_is_read_only (store));

  cs_window_set_store (window, store);
  cs_ui_test_iterate ();
  view = cs_window_get_project_view (window);
  g_assert_cmpstr (cs_project_view_get_save_state (view), ==, "Read-only");

  /* Editing actions are disabled: no dialog opens. */
  gtk_widget_activate_action (GTK_WIDGET (view), "project.add-offer", NULL);
  cs_ui_test_iterate ();
  g_assert_null (cs_ui_test_find_toplevel (CS_TYPE_OFFER_DIALOG));

  destroy_window (window);
}

static void
test_window_recent (void)
{
  g_autoptr(CsStore) store = create_project ("recent.contractscope", "Acme");
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  CsWindow *window;
  GtkWidget *welcome;

  window = CS_WINDOW (cs_application_show_store (app, store, NULL));
  wait_recent_saved ();
  g_assert_true (cs_window_get_store (window) == store);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  cs_window_close_project (window);
  cs_ui_test_iterate ();
  welcome = cs_window_get_welcome_page (window);
  cs_welcome_page_reload_recent (CS_WELCOME_PAGE (welcome));
  g_assert_cmpuint (cs_welcome_page_get_n_recent (CS_WELCOME_PAGE (welcome)), ==, 1);

  /* Two recent projects are sorted, newest first. */
  {
    g_autoptr(CsStore) other = create_project ("other.contractscope", "Beta");

    cs_application_note_recent (cs_store_get_path (other));
    wait_recent_saved ();
    cs_store_close (other);
  }
  cs_welcome_page_reload_recent (CS_WELCOME_PAGE (welcome));
  g_assert_cmpuint (cs_welcome_page_get_n_recent (CS_WELCOME_PAGE (welcome)), ==, 2);

  /* A recent project that no longer exists is not listed. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  cs_welcome_page_reload_recent (CS_WELCOME_PAGE (welcome));
  g_assert_cmpuint (cs_welcome_page_get_n_recent (CS_WELCOME_PAGE (welcome)), ==, 1);

  destroy_window (window);
}

/* The leading figure of a text ("3 KO", "2 knock-outs: …"), 0 when it starts with none. */
static guint
leading_figure (const char *text)
{
  return text != NULL && g_ascii_isdigit (text[0]) ? (guint) g_ascii_strtoull (text, NULL, 10) : 0;
}

/* The text of the first visible label under @root with @css_class, or of one whose text
 * contains @needle. */
static const char *
find_label_text (GtkWidget  *root,
                 const char *css_class,
                 const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child))
        {
          text = gtk_label_get_text (GTK_LABEL (child));
          if (css_class != NULL && gtk_widget_has_css_class (child, css_class))
            return gtk_widget_get_visible (child) ? text : "";
          if (needle != NULL && strstr (text, needle) != NULL)
            return text;
        }
      text = find_label_text (child, css_class, needle);
      if (text != NULL)
        return text;
    }

  return NULL;
}

/* The findings group a page shows: the one whose parent is shown (the form's, or the
 * perimeter's own). */
static CsFlagsGroup *
find_shown_flags_group (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsFlagsGroup *group;

      if (CS_IS_FLAGS_GROUP (child) && gtk_widget_is_visible (root))
        return CS_FLAGS_GROUP (child);
      group = find_shown_flags_group (child);
      if (group != NULL)
        return group;
    }

  return NULL;
}

/* For every offer of the demo project and every section, the sidebar's knock-out badge, the
 * section page's findings and the dashboard show the same figures, under the same word. */
static void
test_window_knock_outs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("knock-outs.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  CsWindow *window;
  CsProjectView *view;
  CsOfferSelector *selector;
  GtkListBox *list;
  GListModel *offers;
  guint n_compared = 0;
  guint n_knock_outs = 0;

  g_assert_no_error (error);
  window = new_window ();
  cs_window_set_store (window, store);
  cs_ui_test_iterate ();
  view = cs_window_get_project_view (window);
  selector = CS_OFFER_SELECTOR (cs_project_view_get_offer_selector (view));
  list = cs_project_view_get_sections_list (view);
  offers = cs_store_get_offers (store);
  g_assert_cmpuint (g_list_model_get_n_items (offers), >=, 2);

  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);
      guint total = 0;
      guint sidebar_total;
      const char *text;

      cs_offer_selector_set_selected_offer (selector, offer);
      cs_ui_test_iterate ();
      g_assert_true (cs_project_view_get_offer (view) == offer);

      for (CsSection section = CS_SECTION_DASHBOARD + 1; section < CS_N_SECTIONS; section++)
        {
          GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, section));
          GtkWidget *page;
          CsFlagsGroup *group;
          GPtrArray *flags;
          guint sidebar;
          guint page_figure = 0;
          guint counted = 0;

          gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
          cs_ui_test_iterate ();
          page = cs_project_view_get_section_page (view);
          g_assert_cmpint (cs_section_page_get_section (CS_SECTION_PAGE (page)), ==, section);
          group = find_shown_flags_group (page);
          g_assert_nonnull (group);
          cs_flags_group_refresh (group);
          cs_ui_test_iterate ();

          text = find_label_text (row, "error", NULL);
          g_assert_nonnull (text);
          g_assert_true (text[0] == '\0' || g_str_has_suffix (text, " KO"));
          sidebar = leading_figure (text);

          flags = cs_flags_group_get_flags (group);
          for (guint f = 0; flags != NULL && f < flags->len; f++)
            if (((CsFlag *) g_ptr_array_index (flags, f))->knock_out)
              counted++;
          if (gtk_widget_get_visible (GTK_WIDGET (group)))
            {
              AdwExpanderRow *expander = cs_ui_test_find_descendant (GTK_WIDGET (group),
                                                                     ADW_TYPE_EXPANDER_ROW);
              const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander));

              g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)),
                               ==, "Findings");
              g_assert_true (strstr (title, " finding") != NULL);
              g_assert_cmpuint (leading_figure (title), ==, cs_flags_group_get_n_flags (group));
              page_figure = leading_figure (adw_expander_row_get_subtitle (expander));
            }

          if (sidebar != page_figure || sidebar != counted)
            g_error ("Offer “%s”, section %s: the sidebar shows %u knock-outs, the page %u "
                     "(%u listed)", cs_offer_get_provider (offer), cs_section_get_title (section),
                     sidebar, page_figure, counted);
          total += sidebar;
          n_compared++;
        }

      /* The dashboard's row and page show the sum of the sections'. */
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, CS_SECTION_DASHBOARD));
      cs_ui_test_iterate ();
      text = find_label_text (GTK_WIDGET (gtk_list_box_get_row_at_index (list,
                                                                        CS_SECTION_DASHBOARD)),
                              "error", NULL);
      sidebar_total = leading_figure (text);
      g_assert_cmpuint (sidebar_total, ==, total);
      text = find_label_text (cs_project_view_get_section_page (view), NULL,
                              total == 0 ? "No knock-out"
                              : total == 1 ? " knock-out: " : " knock-outs: ");
      g_assert_nonnull (text);
      g_assert_cmpuint (leading_figure (text), ==, total);
      n_knock_outs += total;
    }

  g_assert_cmpuint (n_compared, ==, g_list_model_get_n_items (offers) * (CS_N_SECTIONS - 1));
  /* The demo has knock-outs, so the comparison saw non-zero figures. */
  g_assert_cmpuint (n_knock_outs, >, 0);

  cs_window_close_project (window);
  cs_ui_test_iterate ();
  destroy_window (window);
}

static void
test_window_demo_path (void)
{
  g_autofree char *first = cs_application_new_demo_path ();
  g_autofree char *second = NULL;
  g_autofree char *expected = NULL;

  expected = g_build_filename (g_get_user_data_dir (), "contract-scope",
                               "Demo project.contractscope", NULL);
  g_assert_cmpstr (first, ==, expected);

  g_assert_true (g_file_set_contents (first, "", 0, NULL));
  second = cs_application_new_demo_path ();
  g_free (expected);
  expected = g_build_filename (g_get_user_data_dir (), "contract-scope",
                               "Demo project 2.contractscope", NULL);
  g_assert_cmpstr (second, ==, expected);
}

static GFile *
make_folder (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  return g_file_new_for_path (path);
}

static void
test_new_project_dialog (void)
{
  g_autoptr(GFile) folder = make_folder ("new-dialog");
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autoptr(GFile) file = NULL;
  g_autofree char *existing = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  CsNewProjectDialog *dialog = cs_new_project_dialog_new (NULL);
  AdwMessageDialog *message_dialog = ADW_MESSAGE_DIALOG (dialog);

  /* By default: the documents folder, else the home folder; nothing to create yet. The
   * test's isolated folders have no documents folder, so it is the home folder. */
  g_assert_true (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_equal (cs_new_project_dialog_get_folder (dialog), home));
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==, "");
  g_assert_false (adw_message_dialog_get_response_enabled (message_dialog, "create"));
  g_assert_null (cs_new_project_dialog_get_file (dialog));

  cs_new_project_dialog_set_folder (dialog, folder);
  g_assert_true (g_file_equal (cs_new_project_dialog_get_folder (dialog), folder));

  /* The file name follows the client name. */
  cs_new_project_dialog_set_client_name (dialog, "Acme");
  g_assert_true (adw_message_dialog_get_response_enabled (message_dialog, "create"));
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==, "Acme.contractscope");
  cs_new_project_dialog_set_client_name (dialog, "  Acme Industries ");
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==,
                   "Acme Industries.contractscope");
  cs_new_project_dialog_set_client_name (dialog, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (message_dialog, "create"));
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==, "");

  /* Characters file names refuse are replaced; no hidden file, no empty name. */
  cs_new_project_dialog_set_client_name (dialog, "AC/DC: \"Rock\" <Ltd>");
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==,
                   "AC-DC- -Rock- -Ltd-.contractscope");
  cs_new_project_dialog_set_client_name (dialog, "..hidden.");
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==, "hidden.contractscope");
  cs_new_project_dialog_set_client_name (dialog, "...");
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==, "Project.contractscope");
  cs_new_project_dialog_set_client_name (dialog, "Société Générale — Lyon");
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==,
                   "Société Générale — Lyon.contractscope");

  /* An existing file is never replaced: the next free name is used. */
  existing = g_build_filename (g_file_peek_path (folder), "Acme.contractscope", NULL);
  g_assert_true (g_file_set_contents (existing, "", 0, NULL));
  cs_new_project_dialog_set_client_name (dialog, "Acme");
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==, "Acme 2.contractscope");
  file = cs_new_project_dialog_get_file (dialog);
  g_assert_nonnull (file);
  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autoptr(GFile) parent = g_file_get_parent (file);

    g_assert_cmpstr (basename, ==, "Acme 2.contractscope");
    g_assert_true (g_file_equal (parent, folder));
  }

  /* NULL restores the default folder. */
  cs_new_project_dialog_set_folder (dialog, NULL);
  g_assert_false (g_file_equal (cs_new_project_dialog_get_folder (dialog), folder));

  gtk_window_destroy (GTK_WINDOW (dialog));
  cs_ui_test_iterate ();
}

static CsWindow *
find_window_showing (const char *path)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
      CsStore *store;

      if (!CS_IS_WINDOW (item))
        continue;
      store = cs_window_get_store (CS_WINDOW (item));
      if (store != NULL && g_strcmp0 (cs_store_get_path (store), path) == 0)
        return CS_WINDOW (item);
    }

  return NULL;
}

static void
destroy_project_windows (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (CS_IS_WINDOW (l->data))
        gtk_window_destroy (l->data);
    }
  g_list_free (windows);
  cs_ui_test_iterate ();
}

/* The recent manager keeps the file of the test that first used it, whose folder is gone
 * once that test is over; give it back, so that projects created here can be noted. */
static void
ensure_recent_folder (void)
{
  g_autofree char *filename = NULL;
  g_autofree char *dir = NULL;

  g_object_get (gtk_recent_manager_get_default (), "filename", &filename, NULL);
  dir = g_path_get_dirname (filename);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
}

static CsNewProjectDialog *
open_new_project_dialog (void)
{
  CsNewProjectDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-project", NULL);
  cs_ui_test_iterate ();
  dialog = cs_ui_test_find_toplevel (CS_TYPE_NEW_PROJECT_DIALOG);
  g_assert_nonnull (dialog);

  return dialog;
}

/* As a click on a response button does: adw_message_dialog_response() alone leaves it open. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_new_project_create (void)
{
  g_autoptr(GFile) folder = make_folder ("created");
  g_autoptr(GFile) missing = g_file_get_child (folder, "missing");
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  CsNewProjectDialog *dialog;
  AdwMessageDialog *error_dialog;
  CsWindow *window;
  CsStore *store;

  ensure_recent_folder ();

  /* No chooser: the folder is set as "Change…" would, and "create" creates. */
  dialog = open_new_project_dialog ();
  cs_new_project_dialog_set_folder (dialog, folder);
  cs_new_project_dialog_set_client_name (dialog, "Zeta & Co");
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==, "Zeta & Co.contractscope");
  respond (ADW_MESSAGE_DIALOG (dialog), "create");
  wait_recent_saved ();
  cs_ui_test_iterate ();

  path = g_build_filename (g_file_peek_path (folder), "Zeta & Co.contractscope", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  window = find_window_showing (path);
  g_assert_nonnull (window);
  store = cs_window_get_store (window);
  g_assert_cmpstr (cs_project_get_client_name (cs_store_get_project (store)), ==, "Zeta & Co");
  g_assert_nonnull (cs_window_get_project_view (window));
  g_assert_null (cs_ui_test_find_toplevel (CS_TYPE_NEW_PROJECT_DIALOG));

  /* The folder is remembered for the session; the same client gets a new name. */
  dialog = open_new_project_dialog ();
  g_assert_true (g_file_equal (cs_new_project_dialog_get_folder (dialog), folder));
  cs_new_project_dialog_set_client_name (dialog, "Zeta & Co");
  g_assert_cmpstr (cs_new_project_dialog_get_file_name (dialog), ==,
                   "Zeta & Co 2.contractscope");
  respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  cs_ui_test_iterate ();
  second = g_build_filename (g_file_peek_path (folder), "Zeta & Co 2.contractscope", NULL);
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  /* A folder that does not exist: an error dialog, nothing created, the folder not kept. */
  dialog = open_new_project_dialog ();
  cs_new_project_dialog_set_folder (dialog, missing);
  cs_new_project_dialog_set_client_name (dialog, "Omega");
  respond (ADW_MESSAGE_DIALOG (dialog), "create");
  cs_ui_test_iterate ();
  error_dialog = cs_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (error_dialog);
  g_assert_false (CS_IS_NEW_PROJECT_DIALOG (error_dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==,
                   "Could Not Create “Omega.contractscope”");
  g_assert_false (g_file_query_exists (missing, NULL));
  respond (error_dialog, "close");
  cs_ui_test_iterate ();

  dialog = open_new_project_dialog ();
  g_assert_true (g_file_equal (cs_new_project_dialog_get_folder (dialog), folder));
  respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  cs_ui_test_iterate ();

  destroy_project_windows ();
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

  /* First: the recent manager keeps the data folder of the test that first uses it. */
  g_test_add_func ("/ui/window/recent", test_window_recent);
  g_test_add_func ("/ui/window/welcome", test_window_welcome);
  g_test_add_func ("/ui/window/sections", test_window_sections);
  g_test_add_func ("/ui/window/offers", test_window_offers);
  g_test_add_func ("/ui/window/check-later", test_window_check_later);
  g_test_add_func ("/ui/window/properties", test_window_properties);
  g_test_add_func ("/ui/window/read-only", test_window_read_only);
  g_test_add_func ("/ui/window/demo-path", test_window_demo_path);
  g_test_add_func ("/ui/window/knock-outs", test_window_knock_outs);
  g_test_add_func ("/ui/new-project/dialog", test_new_project_dialog);
  g_test_add_func ("/ui/new-project/create", test_new_project_create);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
