/* test-backup-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "cs-demo.h"
#include "cs-backup-page.h"
#include "cs-backup-scope-dialog.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-sections.h"
#include "cs-ui-test-utils.h"

static CsRecord *
policy_at (CsStore *store,
           gint64   offer_id,
           guint    index)
{
  GListModel *list = cs_store_list (store, CS_TYPE_BACKUP_POLICY, offer_id);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) policy = g_list_model_get_item (list, i);
      guint j = 0;

      while (j < sorted->len &&
             (cs_record_get_int (g_ptr_array_index (sorted, j), "position") <
                cs_record_get_int (policy, "position") ||
              (cs_record_get_int (g_ptr_array_index (sorted, j), "position") ==
                 cs_record_get_int (policy, "position") &&
               cs_record_get_id (g_ptr_array_index (sorted, j)) < cs_record_get_id (policy))))
        j++;
      g_ptr_array_insert (sorted, j, policy);
    }

  return index < sorted->len ? g_ptr_array_index (sorted, index) : NULL;
}

static CsBackupScopeDialog *
find_scope_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CS_IS_BACKUP_SCOPE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CS_BACKUP_SCOPE_DIALOG (window);
    }

  return NULL;
}

static void
test_backup_page_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("backup.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  CsOffer *offer;
  CsRecord *first;
  CsRecord *second;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *spin;
  gint64 offer_id;
  gint64 first_id;
  gint64 second_id;
  gint64 added_id;
  guint n_policies;
  guint n_scope;

  g_assert_no_error (error);
  offer = cs_ui_test_offer_with_most (store, CS_TYPE_BACKUP_POLICY);
  offer_id = cs_record_get_id (CS_RECORD (offer));
  n_policies = g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_POLICY, offer_id));
  g_assert_cmpuint (n_policies, >=, 2);
  first = policy_at (store, offer_id, 0);
  second = policy_at (store, offer_id, 1);
  first_id = cs_record_get_id (first);
  second_id = cs_record_get_id (second);

  page = cs_ui_test_new_page (CS_SECTION_BACKUP, store);
  g_assert_true (CS_IS_BACKUP_PAGE (page));
  window = cs_ui_test_present (page, 1280, 800);
  cs_ui_test_iterate_rounds (3);

  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate_rounds (3);
  cs_ui_test_save_shot (window, "backup-page.png");

  /* A finding leads to its field; the value typed there reaches the file, in hours. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (page), "backup_policy",
                                                 first_id, "rpo_hours"));
  cs_ui_test_iterate_rounds (3);
  spin = cs_ui_test_focused_spin (window);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 6);
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpfloat (cs_record_get_number (first, "rpo_hours"), ==, 6);

  /* Restore tests are in a collapsed row: the finding opens it. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (page), "backup_policy",
                                                 first_id, "restore_test_months"));
  cs_ui_test_iterate_rounds (3);
  spin = cs_ui_test_focused_spin (window);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpfloat (cs_record_get_number (first, "restore_test_months"), ==, 3);

  /* Reordered: the second policy moves up, the positions say so. */
  g_assert_true (gtk_widget_activate_action (page, "backup.move-up", "x", second_id));
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpint (cs_record_get_id (policy_at (store, offer_id, 0)), ==, second_id);
  g_assert_cmpint (cs_record_get_id (policy_at (store, offer_id, 1)), ==, first_id);

  /* Added, then deleted and brought back. */
  g_assert_true (gtk_widget_activate_action (page, "backup.add-policy", NULL));
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_POLICY,
                                                             offer_id)), ==, n_policies + 1);
  added_id = cs_record_get_id (policy_at (store, offer_id, n_policies));
  g_assert_true (gtk_widget_activate_action (page, "backup.delete-policy", "x", added_id));
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_POLICY,
                                                             offer_id)), ==, n_policies);
  g_assert_true (cs_store_undo (store, NULL));
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_POLICY,
                                                             offer_id)), ==, n_policies + 1);

  /* The assets of a policy, chosen in the dialog: a critical asset left out gets in. */
  n_scope = g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_SCOPE, added_id));
  g_assert_cmpuint (n_scope, ==, 0);
  g_assert_true (gtk_widget_activate_action (page, "backup.choose-assets", "x", added_id));
  cs_ui_test_iterate_rounds (3);
  {
    CsBackupScopeDialog *dialog = find_scope_dialog ();
    GtkWidget *check;

    g_assert_nonnull (dialog);
    g_assert_cmpuint (cs_backup_scope_dialog_get_n_shown (dialog), ==,
                      cs_store_count_assets (store, NULL, NULL));
    cs_ui_test_save_shot (GTK_WIDGET (dialog), "backup-scope-dialog.png");
    check = cs_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    cs_ui_test_iterate_rounds (3);
    g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_SCOPE,
                                                               added_id)), ==, 1);
    gtk_window_destroy (GTK_WINDOW (dialog));
    cs_ui_test_iterate_rounds (3);
  }
  cs_ui_test_save_shot (window, "backup-page-edited.png");

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
  cs_store_close (store);
  g_clear_object (&store);

  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  first = cs_store_find (store, CS_TYPE_BACKUP_POLICY, first_id);
  g_assert_nonnull (first);
  g_assert_cmpfloat (cs_record_get_number (first, "rpo_hours"), ==, 6);
  g_assert_cmpfloat (cs_record_get_number (first, "restore_test_months"), ==, 3);
  g_assert_cmpint (cs_record_get_id (policy_at (store, offer_id, 0)), ==, second_id);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_POLICY,
                                                             offer_id)), ==, n_policies + 1);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_SCOPE,
                                                             added_id)), ==, 1);
}

static void
test_backup_page_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("backup-ro.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  CsOffer *offer;
  GtkWidget *window;
  GtkWidget *page;
  gint64 offer_id;
  guint n_policies;

  g_assert_no_error (error);
  cs_store_close (store);
  g_clear_object (&store);
  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  offer = cs_ui_test_offer_with_most (store, CS_TYPE_BACKUP_POLICY);
  offer_id = cs_record_get_id (CS_RECORD (offer));
  n_policies = g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_POLICY, offer_id));

  page = cs_ui_test_new_page (CS_SECTION_BACKUP, store);
  window = cs_ui_test_present (page, 0, 0);
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate_rounds (3);

  gtk_widget_activate_action (page, "backup.add-policy", NULL);
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_POLICY,
                                                             offer_id)), ==, n_policies);
  g_assert_false (gtk_widget_get_sensitive (cs_ui_test_find_descendant (page,
                                                                      GTK_TYPE_SPIN_BUTTON)));

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/backup-page/edit", test_backup_page_edit);
  g_test_add_func ("/ui/backup-page/read-only", test_backup_page_read_only);

  return g_test_run ();
}
