/* test-exclusions-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "cs-demo.h"
#include "cs-exclusions-page.h"
#include "cs-perimeter.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-store.h"
#include "cs-ui-test-utils.h"

static CsExclusion *
find_exclusion (CsStore    *store,
                gint64      offer_id,
                const char *category)
{
  GListModel *list = cs_store_list (store, CS_TYPE_EXCLUSION, offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsExclusion) exclusion = g_list_model_get_item (list, i);

      if (g_strcmp0 (cs_record_get_string (CS_RECORD (exclusion), "category"), category) == 0)
        return g_steal_pointer (&exclusion);
    }

  return NULL;
}

static void
test_exclusions_page_edit (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "demo.contractscope", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsStore) reopened = NULL;
  g_autoptr(CsOffer) offer = NULL;
  g_autoptr(CsExclusion) exclusion = NULL;
  GtkWidget *window, *page, *row, *decision, *wording, *price, *new_row;
  const char * const *standard = cs_exclusion_standard_categories ();
  gint64 offer_id, exclusion_id;
  guint n_custom_before;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  offer_id = cs_record_get_id (CS_RECORD (offer));

  page = cs_ui_test_new_page (CS_SECTION_EXCLUSIONS, store);
  g_assert_true (CS_IS_EXCLUSIONS_PAGE (page));
  window = cs_ui_test_present (page, 1280, 800);
  cs_ui_test_iterate ();

  /* Showing an offer creates every standard category for it. */
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate ();
  for (guint i = 0; standard[i] != NULL; i++)
    {
      g_autoptr(CsExclusion) found = find_exclusion (store, offer_id, standard[i]);

      g_assert_nonnull (found);
      g_assert_nonnull (cs_exclusions_page_get_row (CS_EXCLUSIONS_PAGE (page),
                                                    cs_record_get_id (CS_RECORD (found))));
    }

  /* Exclude hardware replacement with a wording that removes restores: flagged. */
  exclusion = find_exclusion (store, offer_id, "hardware_replacement");
  exclusion_id = cs_record_get_id (CS_RECORD (exclusion));
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (page), "exclusion",
                                                 exclusion_id, "decision"));
  row = cs_exclusions_page_get_row (CS_EXCLUSIONS_PAGE (page), exclusion_id);
  decision = cs_ui_test_find_nth (row, ADW_TYPE_COMBO_ROW, "Decision", 0);
  wording = cs_ui_test_find_nth (row, ADW_TYPE_ENTRY_ROW, "Contract wording", 0);
  price = cs_ui_test_find_nth (row, ADW_TYPE_ENTRY_ROW,
                               "Price of the excluded work (EUR, empty if not stated)", 0);
  g_assert_nonnull (decision);
  g_assert_nonnull (wording);
  g_assert_nonnull (price);

  adw_combo_row_set_selected (ADW_COMBO_ROW (decision), 1);
  gtk_editable_set_text (GTK_EDITABLE (wording), "Data restoration after a disk failure is billed separately.");
  g_signal_emit_by_name (wording, "apply");
  gtk_editable_set_text (GTK_EDITABLE (price), "85,50");
  g_signal_emit_by_name (price, "apply");
  cs_ui_test_iterate ();

  g_assert_cmpstr (cs_record_get_string (CS_RECORD (exclusion), "decision"), ==, "excluded");
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (exclusion), "price"), ==, 85.5);
  g_assert_cmpuint (cs_exclusions_page_get_n_hollowing (CS_EXCLUSIONS_PAGE (page)), >=, 1);
  g_assert_true (cs_exclusion_get_hollowed_obligations (exclusion) & CS_CORE_OBLIGATION_RESTORE);

  /* Not a price: refused, the entry shows the stored price again. */
  gtk_editable_set_text (GTK_EDITABLE (price), "lots");
  g_signal_emit_by_name (price, "apply");
  cs_ui_test_iterate ();
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (exclusion), "price"), ==, 85.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (price)), ==, "85.50");

  /* A custom exclusion, added then deleted and restored (the Undo toast's action). */
  n_custom_before = g_list_model_get_n_items (cs_store_list (store, CS_TYPE_EXCLUSION, offer_id));
  new_row = cs_ui_test_find_nth (page, ADW_TYPE_ENTRY_ROW, "Add an exclusion (name)", 0);
  g_assert_nonnull (new_row);
  gtk_editable_set_text (GTK_EDITABLE (new_row), "Printers of the Lyon branch");
  g_signal_emit_by_name (new_row, "apply");
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_EXCLUSION, offer_id)),
                    ==, n_custom_before + 1);
  {
    g_autoptr(CsExclusion) custom = find_exclusion (store, offer_id, "custom");
    gint64 custom_id = cs_record_get_id (CS_RECORD (custom));

    g_assert_nonnull (cs_exclusions_page_get_row (CS_EXCLUSIONS_PAGE (page), custom_id));
    gtk_widget_activate_action (page, "exclusions.delete", "x", custom_id);
    cs_ui_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_EXCLUSION, offer_id)),
                      ==, n_custom_before);
    g_assert_true (cs_store_undo (store, NULL));
    cs_ui_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_EXCLUSION, offer_id)),
                      ==, n_custom_before + 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  g_clear_object (&exclusion);
  cs_store_close (store);

  reopened = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CsRecord) again = cs_ui_test_dup_record (reopened, CS_TYPE_EXCLUSION, exclusion_id);
    g_autoptr(CsExclusion) custom = find_exclusion (reopened, offer_id, "custom");

    g_assert_nonnull (again);
    g_assert_cmpstr (cs_record_get_string (again, "decision"), ==, "excluded");
    g_assert_cmpstr (cs_record_get_string (again, "wording"), ==,
                     "Data restoration after a disk failure is billed separately.");
    g_assert_cmpfloat (cs_record_get_number (again, "price"), ==, 85.5);
    g_assert_nonnull (custom);
    g_assert_cmpstr (cs_record_get_string (CS_RECORD (custom), "label"), ==, "Printers of the Lyon branch");
  }
}

static void
test_exclusions_page_no_offer (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "empty.contractscope", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  GtkWidget *page;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  store = cs_store_create (path, "No offers", &error);
  g_assert_no_error (error);

  page = g_object_ref_sink (cs_ui_test_new_page (CS_SECTION_EXCLUSIONS, store));
  g_assert_null (cs_section_page_get_offer (CS_SECTION_PAGE (page)));
  g_assert_cmpuint (cs_exclusions_page_get_n_hollowing (CS_EXCLUSIONS_PAGE (page)), ==, 0);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/exclusions-page/edit", test_exclusions_page_edit);
  g_test_add_func ("/ui/exclusions-page/no-offer", test_exclusions_page_no_offer);

  return g_test_run ();
}
