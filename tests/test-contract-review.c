/* test-contract-review.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "cs-contract-review.h"
#include "cs-demo.h"
#include "cs-project-view.h"
#include "cs-review-state.h"
#include "cs-ui-test-utils.h"

/* The contract review window (issue 16): read in a thread, reviewed, accepted, taken back. */

static gboolean
review_done (gpointer data)
{
  return !g_str_equal (cs_contract_review_get_state (CS_CONTRACT_REVIEW (data)), "reading");
}

static CsRecord *
p1_target (CsStore *store,
           gint64   offer_id)
{
  GListModel *targets = cs_store_list (store, CS_TYPE_SLA_TARGET, offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(CsRecord) target = g_list_model_get_item (targets, i);

      if (g_strcmp0 (cs_record_get_string (target, "kind"), "incident") == 0
          && cs_record_get_int (target, "priority") == 1)
        return target;
    }
  return NULL;
}

static void
test_review_accept_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("review.contractscope");
  g_autofree char *pdf = g_test_build_filename (G_TEST_DIST, "data", "contracts", "managed-en.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autofree char *sha = NULL;
  CsContractDocument *document = NULL;
  CsContractReview *review = NULL;
  CsOffer *offer = NULL;
  CsRecord *target = NULL;
  double old_response = 0;
  guint p1 = G_MAXUINT, rpo = G_MAXUINT;

  g_assert_no_error (error);
  offer = g_list_model_get_item (cs_store_get_offers (store), 1);
  g_object_unref (offer); /* the live list keeps it */
  target = p1_target (store, cs_record_get_id (CS_RECORD (offer)));
  g_assert_nonnull (target);
  old_response = cs_record_get_number (target, "response_value");
  sha = cs_test_file_sha256 (path);

  review = cs_contract_review_new (NULL, store, offer, file);
  gtk_window_present (GTK_WINDOW (review));
  g_assert_cmpstr (cs_contract_review_get_state (review), ==, "reading");
  g_assert_true (cs_ui_test_wait_until (review_done, review));
  g_assert_cmpstr (cs_contract_review_get_state (review), ==, "review");
  document = cs_contract_review_get_document (review);
  g_assert_cmpuint (cs_contract_document_get_n_proposals (document), ==, 28);
  /* shown, nothing written */
  cs_test_assert_unchanged (path, sha);
  cs_ui_test_iterate_rounds (20);
  cs_ui_test_save_shot (GTK_WIDGET (review), "contract-review.png");

  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    {
      const CsContractProposal *p = cs_contract_document_get_proposal (document, i);

      if (g_str_equal (p->field, "sla_target.response_value") && p->priority == 1)
        p1 = i;
      if (g_str_equal (p->field, "backup_policy.rpo_hours"))
        rpo = i;
    }
  g_assert_cmpuint (p1, !=, G_MAXUINT);
  g_assert_cmpuint (rpo, !=, G_MAXUINT);

  gtk_widget_activate_action (GTK_WIDGET (review), "review.accept", "u", p1);
  cs_ui_test_iterate ();
  g_assert_cmpfloat (cs_record_get_number (p1_target (store, cs_record_get_id (CS_RECORD (offer))),
                                           "response_value"), ==, 30);
  g_assert_cmpstr (cs_record_get_string (p1_target (store, cs_record_get_id (CS_RECORD (offer))),
                                         "reference"), ==, "Art. 4.2");
  /* a rejected value writes nothing */
  gtk_widget_activate_action (GTK_WIDGET (review), "review.reject", "u", rpo);
  cs_ui_test_iterate ();

  gtk_widget_activate_action (GTK_WIDGET (review), "review.undo", NULL);
  cs_ui_test_iterate ();
  target = p1_target (store, cs_record_get_id (CS_RECORD (offer)));
  g_assert_true (cs_record_get_number (target, "response_value") == old_response
                 || (isnan (old_response) && isnan (cs_record_get_number (target, "response_value"))));

  gtk_window_destroy (GTK_WINDOW (review));
  cs_ui_test_iterate ();
  cs_store_close (store);
}

static void
test_review_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("hostile.contractscope");
  g_autofree char *docx = g_test_build_filename (G_TEST_DIST, "data", "contracts", "hostile", "xxe.docx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (docx);
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autofree char *sha = cs_test_file_sha256 (path);
  CsContractReview *review = NULL;
  CsOffer *offer = g_list_model_get_item (cs_store_get_offers (store), 0);

  review = cs_contract_review_new (NULL, store, offer, file);
  gtk_window_present (GTK_WINDOW (review));
  g_assert_true (cs_ui_test_wait_until (review_done, review));
  g_assert_cmpstr (cs_contract_review_get_state (review), ==, "error");
  cs_test_assert_unchanged (path, sha);
  gtk_window_destroy (GTK_WINDOW (review));
  cs_ui_test_iterate ();
  g_object_unref (offer);
  cs_store_close (store);
}

static void
test_review_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("cancel.contractscope");
  g_autofree char *pdf = g_test_build_filename (G_TEST_DIST, "data", "contracts", "infogerance-fr.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autofree char *sha = cs_test_file_sha256 (path);
  CsContractReview *review = NULL;
  CsOffer *offer = g_list_model_get_item (cs_store_get_offers (store), 0);

  review = cs_contract_review_new (NULL, store, offer, file);
  gtk_window_present (GTK_WINDOW (review));
  g_object_ref (review);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.cancel", NULL);
  cs_ui_test_iterate_rounds (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (review)));
  cs_test_assert_unchanged (path, sha);
  g_object_unref (review);
  g_object_unref (offer);
  cs_store_close (store);
}

static gboolean
get_keep_copy (CsContractReview *review)
{
  gboolean keep_copy = TRUE;

  g_object_get (review, "keep-copy", &keep_copy, NULL);
  return keep_copy;
}

static CsContractReview *
review_file (CsStore    *store,
             CsOffer    *offer,
             const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "contracts", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsContractReview *review = cs_contract_review_new (NULL, store, offer, file);

  gtk_window_present (GTK_WINDOW (review));
  g_assert_true (cs_ui_test_wait_until (review_done, review));
  g_assert_cmpstr (cs_contract_review_get_state (review), ==, "review");
  return review;
}

/* The document is copied into the project only when asked; a kept copy opens again from the
 * project, and is removed (with Undo) from another review of the offer. */
static void
test_review_keep_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("keep.contractscope");
  g_autofree char *pdf = g_test_build_filename (G_TEST_DIST, "data", "contracts", "managed-en.pdf", NULL);
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autofree char *sha = NULL;
  g_autoptr(GBytes) file_bytes = NULL;
  g_autoptr(GBytes) kept_bytes = NULL;
  g_autoptr(CsKeptDocument) kept = NULL;
  CsContractReview *review = NULL;
  CsContractReview *again = NULL;
  CsContractReview *other = NULL;
  CsOffer *offer = NULL;
  GListModel *documents;
  gchar *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  offer = g_list_model_get_item (cs_store_get_offers (store), 1);
  g_object_unref (offer); /* the live list keeps it */
  documents = cs_store_list (store, CS_TYPE_KEPT_DOCUMENT, cs_record_get_id (CS_RECORD (offer)));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  file_bytes = g_bytes_new_take (contents, length);
  sha = cs_test_file_sha256 (path);

  /* Off by default: read and reviewed, nothing copied, nothing written. */
  review = review_file (store, offer, "managed-en.pdf");
  g_assert_false (get_keep_copy (review));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  cs_test_assert_unchanged (path, sha);

  /* Asked: the same bytes are in the project. */
  gtk_widget_activate_action (GTK_WIDGET (review), "review.keep-copy", NULL);
  cs_ui_test_iterate ();
  g_assert_true (get_keep_copy (review));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  kept = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (kept), "file_name"), ==, "managed-en.pdf");
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (kept), "media_type"), ==, "application/pdf");
  kept_bytes = cs_store_read_document (store, kept, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (kept_bytes, file_bytes));
  cs_ui_test_iterate_rounds (10);
  cs_ui_test_save_shot (GTK_WIDGET (review), "contract-review-kept.png");

  /* Opened again from the project: the same review, its copy kept. */
  again = cs_contract_review_new_for_kept (NULL, store, offer, kept);
  gtk_window_present (GTK_WINDOW (again));
  g_assert_true (cs_ui_test_wait_until (review_done, again));
  g_assert_cmpstr (cs_contract_review_get_state (again), ==, "review");
  g_assert_true (get_keep_copy (again));
  g_assert_cmpuint (cs_contract_document_get_n_proposals (cs_contract_review_get_document (again)), ==,
                    cs_contract_document_get_n_proposals (cs_contract_review_get_document (review)));

  /* Switched off there: the copy leaves the project, and both windows say so; Undo brings it
   * back. */
  gtk_widget_activate_action (GTK_WIDGET (again), "review.keep-copy", NULL);
  cs_ui_test_iterate ();
  g_assert_false (get_keep_copy (again));
  g_assert_false (get_keep_copy (review));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  g_assert_true (cs_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);

  /* Another contract of the offer lists the kept one, and removes it. */
  other = review_file (store, offer, "infogerance-fr.pdf");
  g_assert_false (get_keep_copy (other));
  gtk_widget_activate_action (GTK_WIDGET (other), "review.remove-kept", "u", 0);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  g_assert_true (cs_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (again));
  gtk_window_destroy (GTK_WINDOW (review));
  cs_ui_test_iterate ();
  cs_store_close (store);
}

/* The clauses come under one heading per section, in the sections' order with "Other" last,
 * each section's clauses after its heading; Alt+Down and Alt+Up move between the headings. */
static void
test_review_sections (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("sections.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autoptr(GArray) heading_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  const char * const *order = cs_contract_sections ();
  CsContractReview *review;
  CsContractDocument *document;
  GtkListView *list;
  GListModel *model;
  CsOffer *offer;
  const char *current = NULL;
  guint n_clauses = 0, last_order = 0;

  g_assert_no_error (error);
  offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  g_object_unref (offer); /* the live list keeps it */
  review = review_file (store, offer, "infogerance-fr.pdf");
  document = cs_contract_review_get_document (review);
  list = cs_ui_test_find_descendant (GTK_WIDGET (review), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  model = G_LIST_MODEL (gtk_list_view_get_model (list));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      const char *id = gtk_string_object_get_string (item);

      if (g_str_has_prefix (id, "s:"))
        {
          guint rank = 0;

          current = id + 2;
          while (order[rank] != NULL && !g_str_equal (order[rank], current))
            rank++;
          g_assert_nonnull (order[rank]);
          /* one heading a section, in the sections' order */
          g_assert_true (headings->len == 0 || rank > last_order);
          last_order = rank;
          g_ptr_array_add (headings, (gpointer) current);
          g_array_append_val (heading_positions, i);
        }
      else
        {
          const CsContractClause *clause = cs_contract_document_get_clause (document,
                                                                            (guint) g_ascii_strtoull (id, NULL, 10));

          g_assert_nonnull (current);
          g_assert_cmpstr (clause->section, ==, current);
          n_clauses++;
        }
    }
  g_assert_cmpuint (n_clauses, ==, cs_contract_document_get_n_clauses (document));
  g_assert_cmpuint (headings->len, >=, 5);
  g_assert_cmpstr (g_ptr_array_index (headings, headings->len - 1), ==, "other");

  /* From the keyboard: heading to heading, both ways. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (cs_ui_test_activate_shortcut (GTK_WIDGET (list), "<Alt>Down"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==,
                    g_array_index (heading_positions, guint, 0));
  g_assert_true (cs_ui_test_activate_shortcut (GTK_WIDGET (list), "<Alt>Down"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==,
                    g_array_index (heading_positions, guint, 1));
  g_assert_true (cs_ui_test_activate_shortcut (GTK_WIDGET (list), "<Alt>Up"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==,
                    g_array_index (heading_positions, guint, 0));
  cs_ui_test_iterate_rounds (10);
  cs_ui_test_save_shot (GTK_WIDGET (review), "contract-review-sections.png");

  gtk_window_destroy (GTK_WINDOW (review));
  cs_ui_test_iterate ();
  cs_store_close (store);
}

/* Where the contract gives a field several values, the row offers them in a drop-down: the one
 * picked fills the value, and is what Accept writes, with its own clause. */
static void
test_review_candidates (void)
{
  static const char text[] =
    "Article 4 – Service levels\n"
    "4.1 For Priority 1 incidents, the Provider shall respond within 30 minutes and restore service within 4 hours.\n\n"
    "4.4 Outside business hours, for Priority 1 incidents the Provider shall respond within 1 hour.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("candidates.contractscope");
  g_autofree char *contract = g_build_filename (g_get_user_data_dir (), "candidates.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (contract);
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  CsContractReview *review;
  CsContractDocument *document;
  GtkDropDown *choice;
  GtkSpinButton *spin = NULL;
  CsRecord *target;
  CsOffer *offer;
  guint p1 = G_MAXUINT;

  g_assert_no_error (error);
  cs_test_write_file (contract, text, sizeof text - 1);
  offer = g_list_model_get_item (cs_store_get_offers (store), 1);
  g_object_unref (offer); /* the live list keeps it */
  review = cs_contract_review_new (NULL, store, offer, file);
  gtk_window_present (GTK_WINDOW (review));
  g_assert_true (cs_ui_test_wait_until (review_done, review));
  g_assert_cmpstr (cs_contract_review_get_state (review), ==, "review");
  document = cs_contract_review_get_document (review);
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    if (cs_contract_document_get_proposal (document, i)->candidates != NULL)
      p1 = i;
  g_assert_cmpuint (p1, !=, G_MAXUINT);
  g_assert_cmpstr (cs_contract_document_get_proposal (document, p1)->field, ==, "sla_target.response_value");

  choice = cs_ui_test_find_descendant (GTK_WIDGET (review), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (choice);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (choice)), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);
  for (GtkWidget *w = gtk_widget_get_next_sibling (GTK_WIDGET (choice)); w != NULL && spin == NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_SPIN_BUTTON (w))
      spin = GTK_SPIN_BUTTON (w);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 30);

  gtk_drop_down_set_selected (choice, 1);
  cs_ui_test_iterate ();
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 1);
  cs_ui_test_save_shot (GTK_WIDGET (review), "contract-review-candidates.png");

  gtk_widget_activate_action (GTK_WIDGET (review), "review.accept", "u", p1);
  cs_ui_test_iterate ();
  target = p1_target (store, cs_record_get_id (CS_RECORD (offer)));
  g_assert_cmpfloat (cs_record_get_number (target, "response_value"), ==, 1);
  g_assert_cmpstr (cs_record_get_string (target, "response_unit"), ==, "hours");
  g_assert_cmpstr (cs_record_get_string (target, "reference"), ==, "Art. 4.4");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (choice)));

  gtk_window_destroy (GTK_WINDOW (review));
  cs_ui_test_iterate ();
  cs_store_close (store);
}

/* The offer's menu reviews the contract last kept in the project again; with none kept it
 * says so and opens nothing. */
static void
test_open_kept_from_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("kept-menu.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autoptr(CsReviewState) review_state = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(CsKeptDocument) kept = NULL;
  g_autofree char *pdf = g_test_build_filename (G_TEST_DIST, "data", "contracts", "managed-en.pdf", NULL);
  CsProjectView *view;
  GtkWindow *window;
  CsOffer *offer;
  CsContractReview *review;
  gchar *data = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  review_state = cs_review_state_new (store);
  view = cs_project_view_new (review_state);
  window = GTK_WINDOW (cs_ui_test_present (GTK_WIDGET (view), 1280, 800));
  cs_ui_test_iterate ();
  offer = cs_project_view_get_offer (view);
  g_assert_nonnull (offer);

  gtk_widget_activate_action (GTK_WIDGET (view), "project.open-kept-contract", NULL);
  cs_ui_test_iterate ();
  g_assert_null (cs_ui_test_find_toplevel (CS_TYPE_CONTRACT_REVIEW));

  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  contents = g_bytes_new_take (data, length);
  kept = cs_store_keep_document (store, cs_record_get_id (CS_RECORD (offer)), "managed-en.pdf",
                                 "application/pdf", contents, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (view), "project.open-kept-contract", NULL);
  cs_ui_test_iterate ();
  review = cs_ui_test_find_toplevel (CS_TYPE_CONTRACT_REVIEW);
  g_assert_nonnull (review);
  g_assert_true (cs_ui_test_wait_until (review_done, review));
  g_assert_cmpstr (cs_contract_review_get_state (review), ==, "review");
  g_assert_true (get_keep_copy (review));

  gtk_window_destroy (GTK_WINDOW (review));
  cs_ui_test_iterate ();
  cs_ui_test_close (&window, &store);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/contract-review/accept-undo", test_review_accept_undo);
  g_test_add_func ("/ui/contract-review/hostile", test_review_hostile);
  g_test_add_func ("/ui/contract-review/cancel", test_review_cancel);
  g_test_add_func ("/ui/contract-review/keep-copy", test_review_keep_copy);
  g_test_add_func ("/ui/contract-review/sections", test_review_sections);
  g_test_add_func ("/ui/contract-review/candidates", test_review_candidates);
  g_test_add_func ("/ui/contract-review/open-kept-from-project", test_open_kept_from_project);

  return g_test_run ();
}
