/* test-undo.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14 ("A polished, accessible application") in a window on the demo project: every
 * kind of deletion comes back from its toast's Undo and with Ctrl+Z, the offer's deletion
 * asks first, and the keyboard reaches the sidebar's sections and every dashboard finding. */

#include "config.h"

#include "cs-application.h"
#include "cs-clause-editor.h"
#include "cs-dashboard-page.h"
#include "cs-finding-row.h"
#include "cs-perimeter-page.h"
#include "cs-offer-selector.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-window.h"
#include "cs-ui-test-utils.h"

static CsApplication *app;

/* A window on a fresh copy of the demo project. */
typedef CsUiTestDemoWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cs_ui_test_demo_window_open (fixture, app, "undo.contractscope");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_ui_test_demo_window_close (fixture);
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

/* Ctrl+Z, as the user types it with the focus in the page (not in a text field, which would
 * undo its own typing). */
static void
press_undo (Fixture *fixture)
{
  GtkWidget *page = cs_project_view_get_section_page (fixture->view);

  g_assert_true (cs_ui_test_activate_shortcut (page, "<Control>z"));
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

/* The Undo button of the toast shown at or under @root, if one is shown. */
static GtkWidget *
find_undo_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "project.undo") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_undo_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* One kind of deletion: where it is made, and how many records of its kind there are. */
typedef struct
{
  const char *name;
  CsSection   section;
  GType       (*get_type) (void);
  const char *action;      /* the deletion's action, with the record id; NULL: assets */
  gboolean    in_clause_editor;
} Kind;

static guint
count_records (Fixture    *fixture,
               const Kind *kind)
{
  GType type = kind->get_type ();
  const CsEntity *entity = cs_record_type_get_entity (type);
  CsOffer *offer = cs_project_view_get_offer (fixture->view);

  if (type == CS_TYPE_ASSET)
    return cs_store_count_assets (fixture->store, NULL, NULL);

  return g_list_model_get_n_items (cs_store_list (fixture->store, type,
                                                  entity->parent != NULL &&
                                                  g_str_equal (entity->parent, "offer_id")
                                                  ? cs_record_get_id (CS_RECORD (offer)) : 0));
}

static void
delete_one (Fixture    *fixture,
            const Kind *kind)
{
  GType type = kind->get_type ();
  const CsEntity *entity = cs_record_type_get_entity (type);
  CsOffer *offer = cs_project_view_get_offer (fixture->view);
  gint64 parent_id = entity->parent != NULL ? cs_record_get_id (CS_RECORD (offer)) : 0;
  GtkWidget *page;
  GtkWidget *target;
  g_autoptr(CsRecord) record = NULL;
  GListModel *list;

  if (type == CS_TYPE_CLAUSE)
    {
      /* A clause of the offer, on the page of its section. */
      CsSection section = CS_SECTION_DASHBOARD;

      list = cs_store_list (fixture->store, type, parent_id);
      g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
      record = g_list_model_get_item (list, 0);
      g_assert_true (cs_section_from_id (cs_record_get_string (record, "section"), &section));
      cs_project_view_set_section (fixture->view, section);
    }
  else
    cs_project_view_set_section (fixture->view, kind->section);
  cs_ui_test_iterate ();
  page = cs_project_view_get_section_page (fixture->view);

  if (kind->action == NULL)
    {
      GtkColumnView *view = cs_perimeter_page_get_column_view (CS_PERIMETER_PAGE (page));

      gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
      g_assert_true (gtk_widget_activate_action (page, "perimeter.delete-assets", NULL));
    }
  else
    {
      if (record == NULL)
        {
          list = cs_store_list (fixture->store, type, parent_id);
          g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
          record = g_list_model_get_item (list, g_list_model_get_n_items (list) - 1);
        }
      target = kind->in_clause_editor ? cs_ui_test_find_descendant (page, CS_TYPE_CLAUSE_EDITOR)
                                      : page;
      g_assert_nonnull (target);
      g_assert_true (gtk_widget_activate_action (target, kind->action, "x",
                                                 cs_record_get_id (record)));
    }
  cs_ui_test_iterate_rounds (3);
}

/* Issue 14: every deletion comes back from its toast's Undo (which was greyed out when the
 * action was registered below the toast) and with Ctrl+Z. */
static void
test_undo_kind (Fixture       *fixture,
                gconstpointer  data)
{
  const Kind *kind = data;
  const CsEntity *entity = cs_record_type_get_entity (kind->get_type ());
  g_autoptr(CsOffer) offer = NULL;
  GtkWidget *button;
  guint n;

  if (g_strcmp0 (entity->parent, "offer_id") == 0)
    offer = g_object_ref (cs_ui_test_offer_with_most (fixture->store, kind->get_type ()));
  else
    offer = g_list_model_get_item (cs_store_get_offers (fixture->store), 0);
  cs_project_view_set_offer (fixture->view, offer);
  /* Shown first: the Exclusions page creates the standard exclusions of the offer. */
  cs_project_view_set_section (fixture->view, kind->section);
  cs_ui_test_iterate ();
  n = count_records (fixture, kind);

  /* The toast's button. */
  delete_one (fixture, kind);
  g_assert_cmpuint (count_records (fixture, kind), ==, n - 1);
  button = find_undo_button (GTK_WIDGET (fixture->window));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (count_records (fixture, kind), ==, n);

  /* Ctrl+Z. */
  delete_one (fixture, kind);
  g_assert_cmpuint (count_records (fixture, kind), ==, n - 1);
  press_undo (fixture);
  g_assert_cmpuint (count_records (fixture, kind), ==, n);
  g_assert_false (cs_store_can_undo (fixture->store));
}

static const Kind kinds[] = {
  { "asset", CS_SECTION_PERIMETER, cs_asset_get_type, NULL, FALSE },
  { "site", CS_SECTION_PERIMETER, cs_site_get_type, "perimeter.delete-site", FALSE },
  { "exclusion", CS_SECTION_EXCLUSIONS, cs_exclusion_get_type, "exclusions.delete", FALSE },
  { "activity", CS_SECTION_RESPONSIBILITIES, cs_activity_get_type, "raci.delete-activity", FALSE },
  { "party", CS_SECTION_RESPONSIBILITIES, cs_party_get_type, "raci.delete-party", FALSE },
  { "sla-target", CS_SECTION_SLA, cs_sla_target_get_type, "sla.delete-target", FALSE },
  { "backup-policy", CS_SECTION_BACKUP, cs_backup_policy_get_type, "backup.delete-policy",
    FALSE },
  { "subcontractor", CS_SECTION_SUBCONTRACTING, cs_subcontractor_get_type,
    "subcontractors.delete", FALSE },
  { "deliverable", CS_SECTION_EXIT, cs_exit_deliverable_get_type, "deliverables.delete", FALSE },
  { "clause", CS_SECTION_DASHBOARD, cs_clause_get_type, "clause-editor.delete", TRUE },
};

/* The offer, through its confirmation: Cancel keeps it; the toast's Undo and Ctrl+Z bring
 * it back. */
static void
test_undo_offer (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *offers = cs_store_get_offers (fixture->store);
  guint n = g_list_model_get_n_items (offers);
  g_autoptr(CsOffer) offer = g_list_model_get_item (offers, 0);
  GtkWidget *button;

  cs_project_view_set_offer (fixture->view, offer);
  cs_ui_test_iterate ();

  delete_offer (fixture, "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, n);
  g_assert_false (cs_store_can_undo (fixture->store));

  delete_offer (fixture, "delete");
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, n - 1);
  button = find_undo_button (GTK_WIDGET (fixture->window));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, n);
  g_assert_true (cs_project_view_get_offer (fixture->view) == offer);

  delete_offer (fixture, "delete");
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, n - 1);
  press_undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (offers), ==, n);
  g_assert_true (cs_project_view_get_offer (fixture->view) == offer);
}

/* Issue 14: tabbing through the sidebar opened every page in turn (the focus selects a row
 * of a list box). Tab and Shift+Tab leave the sections list at once. */
static void
test_sidebar_tab (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkListBox *list = cs_project_view_get_sections_list (fixture->view);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *focus;
  const char *keys[] = { "Tab", "<Shift>Tab", "<Shift>ISO_Left_Tab" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
      cs_ui_test_iterate ();
      g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, CS_SECTION_DASHBOARD);

      /* As a key press reaches the list (its capture phase comes before the rows). */
      g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), keys[i]));
      cs_ui_test_iterate ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (list)));
      g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, CS_SECTION_DASHBOARD);
    }

  /* Without the shortcut, Tab from a row goes to (and opens) the next section. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
  cs_ui_test_iterate ();
  g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, CS_SECTION_PERIMETER);
}

/* Alt+1 … Alt+0 open the ten sections; Ctrl+Page Down and Up go round them and Compare. */
static void
test_section_shortcuts (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page;

  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", (section + 1) % 10);

      page = cs_project_view_get_section_page (fixture->view);
      g_assert_true (cs_ui_test_activate_shortcut (page, accel));
      cs_ui_test_iterate ();
      g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, section);
    }

  page = cs_project_view_get_section_page (fixture->view);
  g_assert_true (cs_ui_test_activate_shortcut (page, "<Control>Page_Up"));
  cs_ui_test_iterate ();
  g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, CS_N_SECTIONS - 2);
  page = cs_project_view_get_section_page (fixture->view);
  g_assert_true (cs_ui_test_activate_shortcut (page, "<Control>Page_Down"));
  cs_ui_test_iterate ();
  g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, CS_N_SECTIONS - 1);
  /* After the last section: the Compare view, then round to the dashboard. */
  page = cs_project_view_get_section_page (fixture->view);
  g_assert_true (cs_ui_test_activate_shortcut (page, "<Control>Page_Down"));
  cs_ui_test_iterate ();
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (
                     cs_project_view_get_sections_list (fixture->view))), ==, CS_N_SECTIONS);
  g_assert_true (cs_ui_test_activate_shortcut (cs_project_view_get_offer_selector (fixture->view),
                                    "<Control>Page_Down"));
  cs_ui_test_iterate ();
  g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, CS_SECTION_DASHBOARD);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (
                     cs_project_view_get_sections_list (fixture->view))), ==, 0);
}

/* Adds to @accels the accelerators the shortcuts window lists; "<Alt>1...<Alt>0" stands for
 * Alt with every digit. */
static void
collect_overlay_accels (GHashTable *accels)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) words = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (accelerator == NULL)
        continue;
      words = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; words[i] != NULL; i++)
        {
          if (g_str_equal (words[i], "<Alt>1...<Alt>0"))
            {
              for (guint digit = 0; digit < 10; digit++)
                g_hash_table_add (accels, g_strdup_printf ("<Alt>%u", digit));
            }
          else
            {
              g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (words[i]);

              g_assert_nonnull (trigger);
              g_hash_table_add (accels, gtk_shortcut_trigger_to_string (trigger));
            }
        }
    }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

/* Asserts that every shortcut of @widget (its class's and its own controllers') is in
 * @accels. */
static void
assert_class_shortcuts_listed (GtkWidget  *widget,
                               GHashTable *accels)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *accel =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (!g_hash_table_contains (accels, accel))
            g_error ("%s's shortcut %s is not in the shortcuts window",
                     G_OBJECT_TYPE_NAME (widget), accel);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 0);
}

/* The shortcuts window lists every shortcut of the project view and of the perimeter. */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *perimeter;

  collect_overlay_accels (accels);
  g_assert_true (g_hash_table_contains (accels, "<Control>z"));

  assert_class_shortcuts_listed (GTK_WIDGET (fixture->view), accels);
  cs_project_view_set_section (fixture->view, CS_SECTION_PERIMETER);
  cs_ui_test_iterate ();
  perimeter = cs_project_view_get_section_page (fixture->view);
  g_assert_true (CS_IS_PERIMETER_PAGE (perimeter));
  assert_class_shortcuts_listed (perimeter, accels);
}

/* The finding whose row holds or is inside the focus, or NULL. */
static CsFinding *
focused_finding (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row;

  if (focus == NULL)
    return NULL;
  row = gtk_widget_get_ancestor (focus, CS_TYPE_FINDING_ROW);
  if (row == NULL)
    row = cs_ui_test_find_descendant (focus, CS_TYPE_FINDING_ROW);

  return row != NULL ? cs_finding_row_get_finding (CS_FINDING_ROW (row)) : NULL;
}

/* Issue 14: Tab reached only the first findings of the dashboard. The Down arrow goes through
 * every one of them, and Enter (the list's activation) goes to the focused one's section. */
static void
test_dashboard_keyboard (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  CsDashboardPage *page;
  GtkGridView *view;
  GListModel *findings;
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  CsFinding *finding = NULL;
  guint n, rounds = 0;
  CsSection section;

  cs_project_view_set_section (fixture->view, CS_SECTION_DASHBOARD);
  cs_ui_test_iterate_rounds (5);
  page = CS_DASHBOARD_PAGE (cs_project_view_get_section_page (fixture->view));
  findings = cs_dashboard_page_get_findings (page);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, >, 20);
  view = cs_dashboard_page_get_findings_view (page);

  /* Into the list, as Tab from the search entry does, then down to the first finding. */
  gtk_widget_grab_focus (GTK_WIDGET (cs_dashboard_page_get_search_entry (page)));
  gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
  cs_ui_test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (view)));
  while ((finding = focused_finding (window)) == NULL && rounds++ < 5)
    {
      g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Down"));
      cs_ui_test_iterate ();
    }
  g_assert_nonnull (finding);

  rounds = 0;
  while (finding != NULL && rounds++ < 4 * n)
    {
      g_hash_table_add (reached, finding);
      if (g_hash_table_size (reached) == n)
        break;
      g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Down"));
      cs_ui_test_iterate ();
      finding = focused_finding (window);
    }
  g_assert_cmpuint (g_hash_table_size (reached), ==, n);
  cs_ui_test_save_shot (window, "dashboard-focused-finding.png");

  /* Enter on the last one: its section opens. */
  g_assert_nonnull (finding);
  section = cs_finding_get_section (finding);
  g_assert_true (cs_ui_test_activate_shortcut (gtk_root_get_focus (GTK_ROOT (window)), "Return"));
  cs_ui_test_iterate ();
  g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, section);
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

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/undo/%s", kinds[i].name);

      g_test_add (path, Fixture, &kinds[i], fixture_set_up, test_undo_kind, fixture_tear_down);
    }
  g_test_add ("/ui/undo/offer", Fixture, NULL, fixture_set_up, test_undo_offer,
              fixture_tear_down);
  g_test_add ("/ui/keyboard/sidebar-tab", Fixture, NULL, fixture_set_up, test_sidebar_tab,
              fixture_tear_down);
  g_test_add ("/ui/keyboard/section-shortcuts", Fixture, NULL, fixture_set_up,
              test_section_shortcuts, fixture_tear_down);
  g_test_add ("/ui/keyboard/shortcuts-window", Fixture, NULL, fixture_set_up,
              test_shortcuts_window, fixture_tear_down);
  g_test_add ("/ui/keyboard/dashboard-findings", Fixture, NULL, fixture_set_up,
              test_dashboard_keyboard, fixture_tear_down);
  g_test_add ("/ui/undo/offer-after-pages", Fixture, NULL, fixture_set_up,
              test_undo_offer_after_pages, fixture_tear_down);

  return g_test_run ();
}
