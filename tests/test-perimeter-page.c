/* test-perimeter-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-asset-dialog.h"
#include "cs-perimeter.h"
#include "cs-perimeter-page.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-store.h"
#include "cs-ui-test-utils.h"

#define N_BIG 100000

static CsStore *
create_demo (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return cs_ui_test_create_demo (path);
}

static GtkWidget *
show_page (CsStore    *store,
           GtkWidget **out_page)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = cs_ui_test_new_page (CS_SECTION_PERIMETER, store);
  GtkWidget *window;

  g_assert_true (CS_IS_PERIMETER_PAGE (page));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  window = cs_ui_test_present (overlay, 1280, 800);
  cs_ui_test_iterate ();

  *out_page = page;
  return window;
}

static void
test_perimeter_page_edit (void)
{
  g_autoptr(CsStore) store = create_demo ("edit.contractscope");
  g_autoptr(CsStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  g_autoptr(CsOffer) offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  g_autoptr(CsAsset) asset = NULL;
  CsPerimeterSummary summary;
  CsAssetList *assets;
  CsAssetDialog *dialog;
  GtkWidget *window, *page, *spin, *site_row;
  guint n_assets, n_sites;
  gint64 asset_id;

  window = show_page (store, &page);
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate ();

  assets = cs_perimeter_page_get_assets (CS_PERIMETER_PAGE (page));
  n_assets = cs_store_count_assets (store, NULL, NULL);
  g_assert_cmpuint (n_assets, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, n_assets);

  /* The summary counts every asset once, in one coverage state. */
  cs_perimeter_page_get_summary (CS_PERIMETER_PAGE (page), &summary);
  g_assert_cmpuint (summary.n_assets, ==, n_assets);
  g_assert_cmpuint (summary.coverage[0] + summary.coverage[1] + summary.coverage[2] +
                    summary.coverage[3], ==, n_assets);

  /* Edit the quantity of the first asset through its dialog, as a user would. */
  asset_id = cs_asset_list_get_id (assets, 0);
  asset = CS_ASSET (cs_ui_test_dup_record (store, CS_TYPE_ASSET, asset_id));
  dialog = cs_asset_dialog_new (store, asset, offer);
  gtk_window_present (GTK_WINDOW (dialog));
  cs_ui_test_iterate ();
  spin = cs_ui_test_find_nth (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL, 0);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 42);
  cs_ui_test_iterate ();
  gtk_window_close (GTK_WINDOW (dialog));
  cs_ui_test_iterate ();
  g_assert_cmpint (cs_record_get_int (CS_RECORD (asset), "quantity"), ==, 42);

  /* Add a site from the Sites view. */
  n_sites = g_list_model_get_n_items (cs_store_get_sites (store));
  site_row = cs_ui_test_find_nth (page, ADW_TYPE_ENTRY_ROW, "New site name", 0);
  g_assert_nonnull (site_row);
  gtk_editable_set_text (GTK_EDITABLE (site_row), "Annecy warehouse");
  g_signal_emit_by_name (site_row, "apply");
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_get_sites (store)), ==, n_sites + 1);

  /* Delete the second asset, undo (the project's undo stack), delete it again. */
  {
    gint64 second = cs_asset_list_get_id (assets, 1);

    gtk_selection_model_select_item (gtk_column_view_get_model (cs_perimeter_page_get_column_view (CS_PERIMETER_PAGE (page))),
                                     1, TRUE);
    gtk_widget_activate_action (page, "perimeter.delete-assets", NULL);
    cs_ui_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, n_assets - 1);
    g_assert_true (cs_store_undo (store, NULL));
    cs_ui_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, n_assets);
    g_assert_true (cs_asset_list_get_id (assets, 1) == second);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  cs_store_close (store);

  reopened = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CsRecord) again = cs_ui_test_dup_record (reopened, CS_TYPE_ASSET, asset_id);

    g_assert_nonnull (again);
    g_assert_cmpint (cs_record_get_int (again, "quantity"), ==, 42);
  }
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_get_sites (reopened)), ==, n_sites + 1);
  g_assert_cmpuint (cs_store_count_assets (reopened, NULL, NULL), ==, n_assets);
}

static void
test_perimeter_page_add_asset (void)
{
  g_autoptr(CsStore) store = create_demo ("add.contractscope");
  g_autoptr(CsStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  g_autoptr(CsAsset) asset = NULL;
  CsAssetDialog *dialog;
  GtkWidget *name;
  guint n_assets = cs_store_count_assets (store, NULL, NULL);
  gint64 id;

  dialog = cs_asset_dialog_new (store, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  cs_ui_test_iterate ();

  /* No name: refused, nothing added. */
  g_assert_null (cs_asset_dialog_add (dialog, &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  name = cs_ui_test_find_nth (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name", 0);
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Payroll (SaaS)");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "asset.add", NULL);
  cs_ui_test_iterate ();
  g_assert_cmpuint (cs_store_count_assets (store, NULL, NULL), ==, n_assets + 1);
  cs_store_close (store);

  reopened = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    CsAssetQuery query = { 0 };
    g_autoptr(GArray) ids = NULL;

    query.search = "Payroll (SaaS)";
    ids = cs_store_query_asset_ids (reopened, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    id = g_array_index (ids, gint64, 0);
    asset = CS_ASSET (cs_ui_test_dup_record (reopened, CS_TYPE_ASSET, id));
    g_assert_cmpstr (cs_asset_get_name (asset), ==, "Payroll (SaaS)");
  }
}

static CsStore *
create_big (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "big.contractscope", NULL);
  const char * const *categories = cs_asset_categories ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsStoreBulk) bulk = NULL;
  gint64 sites[3];

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  store = cs_store_create (path, "Big client", &error);
  g_assert_no_error (error);

  bulk = cs_store_bulk_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (cs_store_bulk_begin (bulk, &error));
  sites[0] = cs_store_bulk_add_site (bulk, "Lyon", &error);
  sites[1] = cs_store_bulk_add_site (bulk, "Grenoble", &error);
  sites[2] = cs_store_bulk_add_site (bulk, "Annecy", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_BIG; i++)
    {
      char name[32];
      CsAssetValues values = { 0 };

      g_snprintf (name, sizeof name, "Asset %06u", i);
      values.category = categories[i % 14];
      values.name = name;
      values.site_id = sites[i % 3];
      values.quantity = 1 + i % 5;
      values.criticality = 1 + i % 4;
      g_assert_cmpint (cs_store_bulk_add_asset (bulk, &values, &error), >, 0);
    }
  g_assert_true (cs_store_bulk_commit (bulk, &error));
  g_assert_no_error (error);
  g_clear_pointer (&bulk, cs_store_bulk_free);
  cs_store_reload (store);

  return g_steal_pointer (&store);
}

static guint
count_where (guint modulo,
             guint remainder)
{
  guint count = 0;

  for (guint i = 0; i < N_BIG; i++)
    if (i % modulo == remainder)
      count++;

  return count;
}

static void
wait_for_count (CsAssetList *assets,
                guint        expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* GtkSearchEntry waits a little before "search-changed"; no timing is asserted. */
  while (g_list_model_get_n_items (G_LIST_MODEL (assets)) != expected &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_perimeter_page_big (void)
{
  g_autoptr(CsStore) store = create_big ();
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autoptr(GtkColumnViewColumn) criticality_column = NULL;
  g_autoptr(CsRecord) first = NULL;
  g_autoptr(CsRecord) last = NULL;
  CsAssetList *assets;
  GtkColumnView *view;
  GtkWidget *window, *page, *category_filter, *site_filter, *search;

  window = show_page (store, &page);
  assets = cs_perimeter_page_get_assets (CS_PERIMETER_PAGE (page));
  view = cs_perimeter_page_get_column_view (CS_PERIMETER_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, N_BIG);

  /* Sort by name, descending, through the column view's own sorter. */
  columns = G_LIST_MODEL (g_object_ref (gtk_column_view_get_columns (view)));
  name_column = g_list_model_get_item (columns, 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (name_column), ==, "Name");
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  cs_ui_test_iterate ();
  g_assert_cmpint (cs_asset_list_get_query (assets)->sort, ==, CS_ASSET_SORT_NAME);
  g_assert_true (cs_asset_list_get_query (assets)->descending);
  first = cs_ui_test_dup_record (store, CS_TYPE_ASSET, cs_asset_list_get_id (assets, 0));
  g_assert_cmpstr (cs_asset_get_name (CS_ASSET (first)), ==, "Asset 099999");
  g_clear_object (&first);

  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  cs_ui_test_iterate ();
  first = cs_ui_test_dup_record (store, CS_TYPE_ASSET, cs_asset_list_get_id (assets, 0));
  last = cs_ui_test_dup_record (store, CS_TYPE_ASSET, cs_asset_list_get_id (assets, N_BIG - 1));
  g_assert_cmpstr (cs_asset_get_name (CS_ASSET (first)), ==, "Asset 000000");
  g_assert_cmpstr (cs_asset_get_name (CS_ASSET (last)), ==, "Asset 099999");
  g_clear_object (&first);

  /* By criticality: criticality 1 first. */
  criticality_column = g_list_model_get_item (columns, 4);
  gtk_column_view_sort_by_column (view, criticality_column, GTK_SORT_ASCENDING);
  cs_ui_test_iterate ();
  first = cs_ui_test_dup_record (store, CS_TYPE_ASSET, cs_asset_list_get_id (assets, 0));
  g_assert_cmpint (cs_record_get_int (first, "criticality"), ==, 1);

  /* Filter by category (the 13th, business applications), then by site. */
  category_filter = cs_ui_test_find_nth (page, GTK_TYPE_DROP_DOWN, NULL, 0);
  site_filter = cs_ui_test_find_nth (page, GTK_TYPE_DROP_DOWN, NULL, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (category_filter), 1 + 12);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, count_where (14, 12));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (category_filter), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (site_filter), 2); /* All, No site, Lyon … */
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, count_where (3, 0));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (site_filter), 0);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, N_BIG);

  /* Live search. */
  search = cs_ui_test_find_nth (page, GTK_TYPE_SEARCH_ENTRY, NULL, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "Asset 01234");
  wait_for_count (assets, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, 10);
  gtk_widget_activate_action (page, "perimeter.clear-filters", NULL);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, N_BIG);

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/perimeter-page/edit", test_perimeter_page_edit);
  g_test_add_func ("/ui/perimeter-page/add-asset", test_perimeter_page_add_asset);
  g_test_add_func ("/ui/perimeter-page/100k", test_perimeter_page_big);

  return g_test_run ();
}
