/* test-responsibilities-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cs-demo.h"
#include "cs-responsibilities-page.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-sections.h"
#include "cs-ui-test-utils.h"

static CsRecord *
find_by (CsStore    *store,
         GType       type,
         const char *column,
         const char *value)
{
  GListModel *list = cs_store_list (store, type, 0);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (cs_record_get_string (record, column), value) == 0)
        return record;
    }

  return NULL;
}

/* A cell's tooltip is its accessible name: "Activity, Party". */
static GtkWidget *
find_entry (GtkWidget  *widget,
            const char *tooltip)
{
  if (GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_warning (GtkWidget *entry)
{
  GtkWidget *grid = gtk_widget_get_parent (entry);
  int row = 0;

  gtk_grid_query_child (GTK_GRID (grid), entry, NULL, &row, NULL, NULL);
  return gtk_grid_get_child_at (GTK_GRID (grid), 0, row);
}

static const char *
get_roles (CsStore *store,
           gint64   offer_id,
           gint64   activity_id,
           gint64   party_id)
{
  GListModel *cells = cs_store_list (store, CS_TYPE_RESPONSIBILITY, offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(CsRecord) cell = g_list_model_get_item (cells, i);

      if (cs_record_get_int (cell, "activity_id") == activity_id &&
          cs_record_get_int (cell, "party_id") == party_id)
        return cs_record_get_string (cell, "roles");
    }

  return "";
}

static void
type_in (GtkWidget  *entry,
         const char *text)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Enter in the entry's text widget, as a user presses it. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  cs_ui_test_iterate_rounds (3);
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          (heading == NULL ||
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_responsibilities_page_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("raci.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  CsOffer *offer;
  CsRecord *restore;
  CsRecord *provider;
  CsRecord *client;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *provider_cell;
  GtkWidget *client_cell;
  gint64 offer_id;
  gint64 restore_id;
  gint64 provider_id;
  gint64 client_id;
  guint n_parties;

  g_assert_no_error (error);
  offer = cs_ui_test_offer_with_most (store, CS_TYPE_RESPONSIBILITY);
  offer_id = cs_record_get_id (CS_RECORD (offer));
  restore = find_by (store, CS_TYPE_ACTIVITY, "key", "restore");
  provider = find_by (store, CS_TYPE_PARTY, "kind", "provider");
  client = find_by (store, CS_TYPE_PARTY, "kind", "client");
  g_assert_nonnull (restore);
  g_assert_nonnull (provider);
  g_assert_nonnull (client);
  restore_id = cs_record_get_id (restore);
  provider_id = cs_record_get_id (provider);
  client_id = cs_record_get_id (client);

  page = cs_ui_test_new_page (CS_SECTION_RESPONSIBILITIES, store);
  g_assert_true (CS_IS_RESPONSIBILITIES_PAGE (page));
  window = cs_ui_test_present (page, 1280, 800);
  cs_ui_test_iterate_rounds (3);

  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  g_assert_true (cs_section_page_get_offer (CS_SECTION_PAGE (page)) == offer);
  cs_ui_test_iterate_rounds (3);
  cs_ui_test_save_shot (window, "responsibilities-page.png");

  {
    g_autofree char *name = g_strdup_printf ("%s, %s", cs_record_get_string (restore, "name"),
                                             cs_record_get_string (provider, "name"));
    provider_cell = find_entry (page, name);
  }
  {
    g_autofree char *name = g_strdup_printf ("%s, %s", cs_record_get_string (restore, "name"),
                                             cs_record_get_string (client, "name"));
    client_cell = find_entry (page, name);
  }
  g_assert_nonnull (provider_cell);
  g_assert_nonnull (client_cell);

  /* The matrix shows what the file holds. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (provider_cell)), ==,
                   get_roles (store, offer_id, restore_id, provider_id));

  /* Typed in any order and case, normalised, committed on Enter. */
  type_in (provider_cell, "ar");
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, provider_id), ==, "RA");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (provider_cell)), ==, "RA");
  /* Enter went down the column. */
  g_assert_false (gtk_widget_has_focus (gtk_widget_get_first_child (provider_cell)));

  /* Two Accountable parties: the row is flagged, with an accessible explanation. */
  type_in (client_cell, "a");
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, client_id), ==, "A");
  g_assert_true (gtk_widget_get_visible (find_warning (client_cell)));
  {
    const char *tooltip = gtk_widget_get_tooltip_text (find_warning (client_cell));

    g_assert_nonnull (tooltip);
    g_assert_nonnull (strstr (tooltip, "exactly one"));
  }

  /* Back to one: the warning goes; emptying a cell deletes its record. */
  type_in (client_cell, "ci");
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, client_id), ==, "CI");
  g_assert_false (gtk_widget_get_visible (find_warning (client_cell)));
  type_in (client_cell, "");
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, client_id), ==, "");

  /* Letters other than R, A, C, I are refused and the cell shows the stored value again. */
  type_in (provider_cell, "xz");
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, provider_id), ==, "RA");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (provider_cell)), ==, "RA");

  /* Leaving a cell commits it too. */
  gtk_widget_grab_focus (provider_cell);
  gtk_editable_set_text (GTK_EDITABLE (provider_cell), "r");
  gtk_widget_grab_focus (client_cell);
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, provider_id), ==, "R");
  type_in (provider_cell, "ra");

  /* A finding about an activity focuses its row. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (page), "activity", restore_id,
                                                 "roles"));

  /* The party catalogue grows through the page's dialog. */
  n_parties = g_list_model_get_n_items (cs_store_list (store, CS_TYPE_PARTY, 0));
  g_assert_true (gtk_widget_activate_action (page, "responsibilities.add-party", NULL));
  cs_ui_test_iterate_rounds (3);
  {
    AdwMessageDialog *dialog = find_dialog ("Add Party");
    GtkWidget *entry;

    g_assert_nonnull (dialog);
    entry = cs_ui_test_find_descendant (adw_message_dialog_get_extra_child (dialog),
                                        GTK_TYPE_ENTRY);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "Telecom carrier");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
    adw_message_dialog_response (dialog, "add");
    cs_ui_test_iterate_rounds (3);
  }
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_PARTY, 0)), ==,
                    n_parties + 1);
  {
    g_autofree char *name = g_strdup_printf ("%s, %s", cs_record_get_string (restore, "name"),
                                             "Telecom carrier");

    g_assert_nonnull (find_entry (page, name));
  }

  /* And the activities too. */
  g_assert_true (gtk_widget_activate_action (page, "responsibilities.add-activity", NULL));
  cs_ui_test_iterate_rounds (3);
  {
    AdwMessageDialog *dialog = find_dialog ("Add Activity");
    GtkWidget *entry;

    g_assert_nonnull (dialog);
    entry = cs_ui_test_find_descendant (adw_message_dialog_get_extra_child (dialog),
                                        GTK_TYPE_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Printer fleet contract");
    adw_message_dialog_response (dialog, "add");
    cs_ui_test_iterate_rounds (3);
  }
  g_assert_nonnull (find_by (store, CS_TYPE_ACTIVITY, "name", "Printer fleet contract"));
  {
    g_autofree char *name = g_strdup_printf ("%s, %s", "Printer fleet contract",
                                             cs_record_get_string (provider, "name"));
    GtkWidget *cell = find_entry (page, name);

    g_assert_nonnull (cell);
    type_in (cell, "ri");
  }
  cs_ui_test_save_shot (window, "responsibilities-page-edited.png");

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
  cs_store_close (store);
  g_clear_object (&store);

  /* Everything is in the file. */
  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, provider_id), ==, "RA");
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, client_id), ==, "");
  g_assert_nonnull (find_by (store, CS_TYPE_PARTY, "name", "Telecom carrier"));
  {
    CsRecord *added = find_by (store, CS_TYPE_ACTIVITY, "name", "Printer fleet contract");

    g_assert_nonnull (added);
    g_assert_cmpstr (get_roles (store, offer_id, cs_record_get_id (added), provider_id), ==, "RI");
  }
}

/* The menu buttons' tooltips are their accessible names: "Actions for activity X". */
static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *tooltip)
{
  if (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_activity_menu (GtkWidget *page,
                    CsRecord  *activity)
{
  g_autofree char *tooltip = g_strdup_printf ("Actions for activity %s",
                                              cs_record_get_string (activity, "name"));

  return find_menu_button (page, tooltip);
}

static GtkWidget *
find_party_menu (GtkWidget *page,
                 CsRecord  *party)
{
  g_autofree char *tooltip = g_strdup_printf ("Actions for party %s",
                                              cs_record_get_string (party, "name"));

  return find_menu_button (page, tooltip);
}

/* Where a menu button's row or column header sits in the matrix. */
static void
get_grid_position (GtkWidget *button,
                   int       *column,
                   int       *row)
{
  GtkWidget *header = gtk_widget_get_parent (button);

  gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (header)), header, column, row, NULL,
                        NULL);
}

static gboolean
menu_has_action (GtkWidget  *button,
                 const char *action)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
              g_str_equal (name, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* The activity menus, top to bottom. */
static void
collect_activity_menus (GtkWidget *widget,
                        GPtrArray *menus)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_str_has_prefix (gtk_widget_get_tooltip_text (widget), "Actions for activity "))
    g_ptr_array_add (menus, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_activity_menus (child, menus);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  int row_a = 0;
  int row_b = 0;

  get_grid_position (*(GtkWidget **) a, NULL, &row_a);
  get_grid_position (*(GtkWidget **) b, NULL, &row_b);

  return row_a - row_b;
}

static gboolean
has_focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The cells naming a party, in every offer, as "offer:activity:roles". */
static GPtrArray *
list_party_cells (CsStore *store,
                  gint64   party_id)
{
  GListModel *offers = cs_store_get_offers (store);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      GListModel *cells = cs_store_list (store, CS_TYPE_RESPONSIBILITY, cs_record_get_id (offer));

      for (guint j = 0; j < g_list_model_get_n_items (cells); j++)
        {
          g_autoptr(CsRecord) cell = g_list_model_get_item (cells, j);

          if (cs_record_get_int (cell, "party_id") == party_id)
            g_ptr_array_add (found, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                                     cs_record_get_id (offer),
                                                     cs_record_get_int (cell, "activity_id"),
                                                     cs_record_get_string (cell, "roles")));
        }
    }
  g_ptr_array_sort (found, compare_strings);

  return found;
}

static void
assert_same_strings (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static void
rename_through_dialog (GtkWidget  *page,
                       const char *action,
                       gint64      id,
                       const char *heading,
                       const char *name)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (page, action, "x", id));
  cs_ui_test_iterate_rounds (3);
  dialog = find_dialog (heading);
  g_assert_nonnull (dialog);
  entry = cs_ui_test_find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  /* An empty name is refused. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");
  cs_ui_test_iterate_rounds (3);
}

static void
test_responsibilities_page_catalogue (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("raci-catalogue.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autoptr(GPtrArray) client_cells = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  CsOffer *offer;
  CsRecord *restore;
  CsRecord *provider;
  CsRecord *client;
  CsRecord *upper = NULL;
  CsRecord *lower = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *menu;
  gint64 offer_id;
  gint64 restore_id;
  gint64 provider_id;
  gint64 client_id;
  gint64 upper_id;
  gint64 lower_id;
  gint64 deleted_id = 0;
  gint64 upper_position;
  gint64 lower_position;
  int upper_row;
  int lower_row;

  g_assert_no_error (error);
  offer = cs_ui_test_offer_with_most (store, CS_TYPE_RESPONSIBILITY);
  offer_id = cs_record_get_id (CS_RECORD (offer));
  restore = find_by (store, CS_TYPE_ACTIVITY, "key", "restore");
  provider = find_by (store, CS_TYPE_PARTY, "kind", "provider");
  client = find_by (store, CS_TYPE_PARTY, "kind", "client");
  g_assert_nonnull (restore);
  g_assert_nonnull (provider);
  g_assert_nonnull (client);
  restore_id = cs_record_get_id (restore);
  provider_id = cs_record_get_id (provider);
  client_id = cs_record_get_id (client);

  /* Two neighbours of the same area, in catalogue order. */
  activities = g_ptr_array_new_with_free_func (g_object_unref);
  {
    GListModel *list = cs_store_list (store, CS_TYPE_ACTIVITY, 0);

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      g_ptr_array_add (activities, g_list_model_get_item (list, i));
  }
  for (guint i = 0; i + 1 < activities->len && upper == NULL; i++)
    {
      CsRecord *a = g_ptr_array_index (activities, i);
      CsRecord *b = g_ptr_array_index (activities, i + 1);

      if (g_strcmp0 (cs_record_get_string (a, "area"), cs_record_get_string (b, "area")) == 0 &&
          a != restore && b != restore)
        {
          upper = a;
          lower = b;
        }
    }
  g_assert_nonnull (upper);
  upper_id = cs_record_get_id (upper);
  lower_id = cs_record_get_id (lower);
  upper_position = cs_record_get_int (upper, "position");
  lower_position = cs_record_get_int (lower, "position");
  g_assert_cmpint (upper_position, <, lower_position);

  page = cs_ui_test_new_page (CS_SECTION_RESPONSIBILITIES, store);
  window = cs_ui_test_present (page, 1280, 800);
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate_rounds (3);

  /* Each row and each column has a menu, reachable with the keyboard. */
  menu = find_activity_menu (page, restore);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_sensitive (menu));
  g_assert_true (gtk_widget_grab_focus (menu));
  g_assert_true (menu_has_action (menu, "raci.rename-activity"));
  g_assert_true (menu_has_action (menu, "raci.delete-activity"));
  g_assert_nonnull (find_party_menu (page, provider));
  /* The first row cannot move up, the last down; the neighbours can move towards each other. */
  {
    g_autoptr(GPtrArray) menus = g_ptr_array_new ();

    collect_activity_menus (page, menus);
    g_ptr_array_sort (menus, compare_rows);
    g_assert_cmpuint (menus->len, >, 2);
    g_assert_false (menu_has_action (g_ptr_array_index (menus, 0), "raci.move-activity-up"));
    g_assert_true (menu_has_action (g_ptr_array_index (menus, 0), "raci.move-activity-down"));
    g_assert_false (menu_has_action (g_ptr_array_index (menus, menus->len - 1),
                                     "raci.move-activity-down"));
  }
  g_assert_true (menu_has_action (find_activity_menu (page, lower), "raci.move-activity-up"));
  g_assert_true (menu_has_action (find_activity_menu (page, upper), "raci.move-activity-down"));

  if (g_getenv ("CS_SHOT_DIR") != NULL)
    {
      gtk_menu_button_popup (GTK_MENU_BUTTON (find_activity_menu (page, restore)));
      cs_ui_test_iterate_rounds (3);
      cs_ui_test_save_shot (window, "responsibilities-page-menu.png");
      gtk_menu_button_popdown (GTK_MENU_BUTTON (find_activity_menu (page, restore)));
      cs_ui_test_iterate_rounds (3);
    }

  /* Rename an activity and a party: the matrix follows. (The demo has no such names yet.) */
  g_assert_null (find_by (store, CS_TYPE_ACTIVITY, "name", "Restore from backup"));
  g_assert_null (find_by (store, CS_TYPE_PARTY, "name", "Managed service provider"));
  rename_through_dialog (page, "raci.rename-activity", restore_id, "Rename Activity",
                         "Restore from backup");
  g_assert_cmpstr (cs_record_get_string (restore, "name"), ==, "Restore from backup");
  g_assert_nonnull (find_activity_menu (page, restore));
  g_assert_true (has_focus_in (find_activity_menu (page, restore)));
  rename_through_dialog (page, "raci.rename-party", provider_id, "Rename Party",
                         "Managed service provider");
  g_assert_cmpstr (cs_record_get_string (provider, "name"), ==, "Managed service provider");
  g_assert_nonnull (find_party_menu (page, provider));
  g_assert_nonnull (find_entry (page, "Restore from backup, Managed service provider"));

  /* Move Up swaps two positions; the matrix is rebuilt in the new order. */
  get_grid_position (find_activity_menu (page, upper), NULL, &upper_row);
  get_grid_position (find_activity_menu (page, lower), NULL, &lower_row);
  g_assert_cmpint (upper_row, <, lower_row);
  g_assert_true (gtk_widget_activate_action (page, "raci.move-activity-up", "x", lower_id));
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpint (cs_record_get_int (lower, "position"), ==, upper_position);
  g_assert_cmpint (cs_record_get_int (upper, "position"), ==, lower_position);
  get_grid_position (find_activity_menu (page, upper), NULL, &upper_row);
  get_grid_position (find_activity_menu (page, lower), NULL, &lower_row);
  g_assert_cmpint (lower_row, <, upper_row);
  g_assert_true (has_focus_in (find_activity_menu (page, lower)));
  g_assert_true (menu_has_action (find_activity_menu (page, upper), "raci.move-activity-up"));

  /* Parties move between columns the same way (the demo shows the client, then the provider). */
  {
    int provider_column = 0;
    int client_column = 0;

    get_grid_position (find_party_menu (page, provider), &provider_column, NULL);
    get_grid_position (find_party_menu (page, client), &client_column, NULL);
    g_assert_cmpint (client_column + 1, ==, provider_column);
    g_assert_false (menu_has_action (find_party_menu (page, client), "raci.move-party-up"));
    g_assert_true (gtk_widget_activate_action (page, "raci.move-party-up", "x", provider_id));
    cs_ui_test_iterate_rounds (3);
    get_grid_position (find_party_menu (page, provider), &provider_column, NULL);
    get_grid_position (find_party_menu (page, client), &client_column, NULL);
    g_assert_cmpint (provider_column + 1, ==, client_column);
    g_assert_true (has_focus_in (find_party_menu (page, provider)));
    g_assert_true (gtk_widget_activate_action (page, "raci.move-party-down", "x", provider_id));
    cs_ui_test_iterate_rounds (3);
    get_grid_position (find_party_menu (page, provider), &provider_column, NULL);
    get_grid_position (find_party_menu (page, client), &client_column, NULL);
    g_assert_cmpint (client_column + 1, ==, provider_column);
  }

  /* Deleting a party deletes its cells in every offer; Undo brings all of them back. */
  client_cells = list_party_cells (store, client_id);
  g_assert_cmpuint (client_cells->len, >, 0);
  g_assert_true (gtk_widget_activate_action (page, "raci.delete-party", "x", client_id));
  cs_ui_test_iterate_rounds (3);
  g_assert_null (cs_store_find (store, CS_TYPE_PARTY, client_id));
  g_assert_null (find_party_menu (page, client));
  {
    g_autoptr(GPtrArray) left = list_party_cells (store, client_id);

    g_assert_cmpuint (left->len, ==, 0);
  }
  cs_ui_test_save_shot (window, "responsibilities-page-deleted.png");
  g_assert_true (cs_store_undo (store, NULL));
  cs_ui_test_iterate_rounds (3);
  g_assert_nonnull (cs_store_find (store, CS_TYPE_PARTY, client_id));
  g_assert_nonnull (find_party_menu (page, client));
  g_assert_true (has_focus_in (find_party_menu (page, client)));
  {
    g_autoptr(GPtrArray) back = list_party_cells (store, client_id);

    assert_same_strings (back, client_cells);
  }

  /* An activity deleted without Undo stays deleted. */
  for (guint i = 0; i < activities->len && deleted_id == 0; i++)
    {
      CsRecord *activity = g_ptr_array_index (activities, i);

      if (activity != upper && activity != lower && activity != restore)
        deleted_id = cs_record_get_id (activity);
    }
  g_assert_true (gtk_widget_activate_action (page, "raci.delete-activity", "x", deleted_id));
  cs_ui_test_iterate_rounds (3);
  g_assert_null (cs_store_find (store, CS_TYPE_ACTIVITY, deleted_id));
  /* The client's cells of that row went with it. */
  for (guint i = client_cells->len; i > 0; i--)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (client_cells, i - 1), ":", 3);

      if (g_ascii_strtoll (fields[1], NULL, 10) == deleted_id)
        g_ptr_array_remove_index (client_cells, i - 1);
    }
  {
    g_autoptr(GPtrArray) left = list_party_cells (store, client_id);

    assert_same_strings (left, client_cells);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
  cs_store_close (store);
  g_clear_object (&store);

  /* Everything is in the file. */
  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  restore = cs_store_find (store, CS_TYPE_ACTIVITY, restore_id);
  g_assert_nonnull (restore);
  g_assert_cmpstr (cs_record_get_string (restore, "name"), ==, "Restore from backup");
  provider = cs_store_find (store, CS_TYPE_PARTY, provider_id);
  g_assert_nonnull (provider);
  g_assert_cmpstr (cs_record_get_string (provider, "name"), ==, "Managed service provider");
  g_assert_nonnull (cs_store_find (store, CS_TYPE_PARTY, client_id));
  {
    g_autoptr(GPtrArray) reopened = list_party_cells (store, client_id);

    assert_same_strings (reopened, client_cells);
  }
  g_assert_cmpstr (get_roles (store, offer_id, restore_id, provider_id), !=, "");
  g_assert_null (cs_store_find (store, CS_TYPE_ACTIVITY, deleted_id));
  lower = cs_store_find (store, CS_TYPE_ACTIVITY, lower_id);
  upper = cs_store_find (store, CS_TYPE_ACTIVITY, upper_id);
  g_assert_nonnull (lower);
  g_assert_nonnull (upper);
  g_assert_cmpint (cs_record_get_int (lower, "position"), ==, upper_position);
  g_assert_cmpint (cs_record_get_int (upper, "position"), ==, lower_position);

  /* The order survives reopening: the moved activity shows above its old neighbour. */
  page = cs_ui_test_new_page (CS_SECTION_RESPONSIBILITIES, store);
  window = cs_ui_test_present (page, 0, 0);
  cs_section_page_set_offer (CS_SECTION_PAGE (page),
                               CS_OFFER (cs_store_find (store, CS_TYPE_OFFER, offer_id)));
  cs_ui_test_iterate_rounds (3);
  get_grid_position (find_activity_menu (page, upper), NULL, &upper_row);
  get_grid_position (find_activity_menu (page, lower), NULL, &lower_row);
  g_assert_cmpint (lower_row, <, upper_row);
  g_assert_nonnull (find_entry (page, "Restore from backup, Managed service provider"));

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
}

static void
test_responsibilities_page_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("raci-ro.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  CsOffer *offer;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *cell;

  g_assert_no_error (error);
  cs_store_close (store);
  g_clear_object (&store);
  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  offer = cs_ui_test_offer_with_most (store, CS_TYPE_RESPONSIBILITY);

  page = cs_ui_test_new_page (CS_SECTION_RESPONSIBILITIES, store);
  window = cs_ui_test_present (page, 0, 0);
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate_rounds (3);

  /* Cells can be read and focused, not changed; the catalogue cannot grow. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (page), NULL, 0, NULL));
  cell = cs_ui_test_find_descendant (page, GTK_TYPE_ENTRY);
  g_assert_nonnull (cell);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (cell)));
  g_assert_false (gtk_widget_activate_action (page, "responsibilities.add-party", NULL) &&
                  find_dialog (NULL) != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
}

typedef struct
{
  CsStore *store;
  gint64   offer_id;
  gint64   activity_id;
  gint64   party_id;
  char    *roles;
} RolesWait;

static gboolean
roles_stored (gpointer data)
{
  RolesWait *wait = data;

  return g_strcmp0 (get_roles (wait->store, wait->offer_id, wait->activity_id, wait->party_id),
                    wait->roles) == 0;
}

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  GtkEventController *key = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; key == NULL; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      g_assert_nonnull (controller);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        key = controller;
    }
  g_signal_emit_by_name (key, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  g_assert_true (handled);
}

/* What is typed and not committed yet: Escape drops it, typing without the keyboard focus
 * commits it after a pause; and the row's reference goes to each of its cells. */
static void
test_responsibilities_page_uncommitted (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("raci-typing.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autofree char *cell_name = NULL;
  g_autofree char *reference_name = NULL;
  RolesWait wait = { 0 };
  CsRecord *restore;
  CsRecord *provider;
  CsOffer *offer;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *cell;
  GtkWidget *reference = NULL;
  GListModel *cells;
  const char *stored;

  g_assert_no_error (error);
  offer = cs_ui_test_offer_with_most (store, CS_TYPE_RESPONSIBILITY);
  restore = find_by (store, CS_TYPE_ACTIVITY, "key", "restore");
  provider = find_by (store, CS_TYPE_PARTY, "kind", "provider");
  wait.store = store;
  wait.offer_id = cs_record_get_id (CS_RECORD (offer));
  wait.activity_id = cs_record_get_id (restore);
  wait.party_id = cs_record_get_id (provider);

  page = cs_ui_test_new_page (CS_SECTION_RESPONSIBILITIES, store);
  window = cs_ui_test_present (page, 1280, 800);
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate_rounds (3);
  cell_name = g_strdup_printf ("%s, %s", cs_record_get_string (restore, "name"),
                               cs_record_get_string (provider, "name"));
  cell = find_entry (page, cell_name);
  g_assert_nonnull (cell);
  type_in (cell, "r");
  stored = get_roles (store, wait.offer_id, wait.activity_id, wait.party_id);
  g_assert_cmpstr (stored, ==, "R");

  /* Escape drops what was typed: the stored roles come back, nothing is written. */
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "ci");
  press_key (cell, GDK_KEY_Escape);
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "R");
  g_assert_cmpstr (get_roles (store, wait.offer_id, wait.activity_id, wait.party_id), ==, "R");

  /* The row's cells get a contract reference from elsewhere (an import, another window). */
  cells = cs_store_list (store, CS_TYPE_RESPONSIBILITY, wait.offer_id);
  for (guint i = 0; i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (cells, i);

      if (cs_record_get_int (record, "activity_id") == wait.activity_id)
        g_assert_true (cs_store_set_string (store, record, "reference", "Annex 2", &error));
    }
  g_assert_no_error (error);
  cs_ui_test_iterate_rounds (3);

  /* Typed without the keyboard focus (an assistive technology): committed after a pause. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  cs_ui_test_iterate_rounds (3);
  gtk_editable_set_text (GTK_EDITABLE (cell), "ia");
  wait.roles = "AI";
  g_assert_true (cs_ui_test_wait_until (roles_stored, &wait));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "AI");

  /* The row's reference, shown from its cells, is written to every cell of the row; a
   * finding about a cell's reference focuses the row's reference entry. */
  for (guint i = 0; i < g_list_model_get_n_items (cells) && reference == NULL; i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (cells, i);

      if (cs_record_get_int (record, "activity_id") == wait.activity_id &&
          cs_section_page_focus_target (CS_SECTION_PAGE (page), "responsibility",
                                        cs_record_get_id (record), "reference"))
        reference = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             GTK_TYPE_ENTRY);
    }
  g_assert_nonnull (reference);
  g_assert_true (reference != cell);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reference)), ==, "Annex 2");
  type_in (reference, "Schedule 4");
  for (guint i = 0; i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (cells, i);

      if (cs_record_get_int (record, "activity_id") == wait.activity_id)
        g_assert_cmpstr (cs_record_get_string (record, "reference"), ==, "Schedule 4");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/responsibilities-page/edit", test_responsibilities_page_edit);
  g_test_add_func ("/ui/responsibilities-page/catalogue", test_responsibilities_page_catalogue);
  g_test_add_func ("/ui/responsibilities-page/read-only", test_responsibilities_page_read_only);
  g_test_add_func ("/ui/responsibilities-page/uncommitted",
                   test_responsibilities_page_uncommitted);

  return g_test_run ();
}
