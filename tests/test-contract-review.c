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
  g_assert_cmpuint (cs_contract_document_get_n_proposals (document), ==, 24);
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

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/contract-review/accept-undo", test_review_accept_undo);
  g_test_add_func ("/ui/contract-review/hostile", test_review_hostile);
  g_test_add_func ("/ui/contract-review/cancel", test_review_cancel);

  return g_test_run ();
}
