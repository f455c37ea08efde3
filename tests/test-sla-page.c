/* test-sla-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "cs-demo.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-sections.h"
#include "cs-sla-page.h"
#include "cs-ui-test-utils.h"

/* The offer whose SLA terms name "Annex 3 (SLA)": the one with a full SLA in the demo. */
static CsOffer *
find_offer_with_sla (CsStore *store)
{
  GListModel *offers = cs_store_get_offers (store);

  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);
      CsRecord *terms = cs_store_get_section (store, CS_TYPE_SLA_TERMS,
                                              cs_record_get_id (CS_RECORD (offer)));

      if (g_strcmp0 (cs_record_get_string (terms, "time_zone"), "Europe/Paris") == 0 &&
          g_strcmp0 (cs_record_get_string (terms, "oncall_p1"), "yes") == 0)
        return offer;
    }

  g_assert_not_reached ();
}

static CsRecord *
find_target (CsStore *store,
             gint64   offer_id,
             int      priority)
{
  GListModel *targets = cs_store_list (store, CS_TYPE_SLA_TARGET, offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(CsRecord) target = g_list_model_get_item (targets, i);

      if (g_strcmp0 (cs_record_get_string (target, "kind"), "incident") == 0 &&
          cs_record_get_int (target, "priority") == priority)
        return target;
    }

  return NULL;
}

static void
test_sla_page_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("sla.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autoptr(CsSlaReport) report = NULL;
  CsOffer *offer;
  CsRecord *p1;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *spin;
  gint64 offer_id;
  gint64 p1_id;
  guint n_targets;

  g_assert_no_error (error);
  offer = find_offer_with_sla (store);
  offer_id = cs_record_get_id (CS_RECORD (offer));
  p1 = find_target (store, offer_id, 1);
  g_assert_nonnull (p1);
  p1_id = cs_record_get_id (p1);

  page = cs_ui_test_new_page (CS_SECTION_SLA, store);
  g_assert_true (CS_IS_SLA_PAGE (page));
  window = cs_ui_test_present (page, 1280, 800);
  cs_ui_test_iterate_rounds (3);

  /* Without an offer: the page says so; with one, the form. */
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  g_assert_true (cs_section_page_get_offer (CS_SECTION_PAGE (page)) == offer);
  cs_ui_test_iterate_rounds (3);
  cs_ui_test_save_shot (window, "sla-page.png");

  /* A finding leads to its field: P1's response value, a spin button. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (page), "sla_target", p1_id,
                                                 "response_value"));
  cs_ui_test_iterate_rounds (3);
  spin = cs_ui_test_focused_spin (window);

  /* Edited as a user would: the value is on disk at once, in the offer's unit. */
  {
    GtkWidget *worst = cs_ui_test_find_nth (page, ADW_TYPE_ACTION_ROW, "Worst-case response", 0);
    g_autofree char *before = NULL;

    g_assert_nonnull (worst);
    before = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (worst)));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
    cs_ui_test_iterate_rounds (3);
    g_assert_cmpfloat (cs_record_get_number (p1, "response_value"), ==, 3);
    /* The P1 worst case shown beside it is computed again. */
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (worst)), !=, before);
  }

  /* A service-request target is added through the page's action, then deleted and undone. */
  n_targets = g_list_model_get_n_items (cs_store_list (store, CS_TYPE_SLA_TARGET, offer_id));
  g_assert_true (gtk_widget_activate_action (page, "sla.add-request-target", NULL));
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_SLA_TARGET, offer_id)),
                    ==, n_targets + 1);
  {
    GListModel *targets = cs_store_list (store, CS_TYPE_SLA_TARGET, offer_id);
    g_autoptr(CsRecord) added = g_list_model_get_item (targets, n_targets);

    g_assert_cmpstr (cs_record_get_string (added, "kind"), ==, "request");
    g_assert_true (gtk_widget_activate_action (page, "sla.delete-target", "x",
                                               cs_record_get_id (added)));
    cs_ui_test_iterate_rounds (3);
    g_assert_cmpuint (g_list_model_get_n_items (targets), ==, n_targets);
    g_assert_true (cs_store_undo (store, NULL));
    cs_ui_test_iterate_rounds (3);
    g_assert_cmpuint (g_list_model_get_n_items (targets), ==, n_targets + 1);
  }

  /* Business hours can now mean more on the clock: computed for the edited value. */
  report = cs_sla_report_new (store, offer_id, 2026);
  g_assert_cmpfloat (((CsSlaTargetReport *) g_ptr_array_index (report->targets, 0))
                       ->response.stated_minutes, ==,
                     cs_time_to_minutes (3, cs_record_get_string (p1, "response_unit"), 600));

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
  cs_store_close (store);
  g_clear_object (&store);

  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  p1 = cs_store_find (store, CS_TYPE_SLA_TARGET, p1_id);
  g_assert_nonnull (p1);
  g_assert_cmpfloat (cs_record_get_number (p1, "response_value"), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_SLA_TARGET, offer_id)),
                    ==, n_targets + 1);
}

static void
test_sla_page_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("sla-ro.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  CsOffer *offer;
  GtkWidget *window;
  GtkWidget *page;

  g_assert_no_error (error);
  cs_store_close (store);
  g_clear_object (&store);
  store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  offer = find_offer_with_sla (store);

  page = cs_ui_test_new_page (CS_SECTION_SLA, store);
  window = cs_ui_test_present (page, 0, 0);
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate_rounds (3);

  /* Nothing can be changed: the action is off, so no target is added. */
  {
    gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
    guint n_targets = g_list_model_get_n_items (cs_store_list (store, CS_TYPE_SLA_TARGET,
                                                                offer_id));

    gtk_widget_activate_action (page, "sla.add-request-target", NULL);
    cs_ui_test_iterate_rounds (3);
    g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_SLA_TARGET,
                                                                offer_id)), ==, n_targets);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
}

static void
collect_time_spins (GtkWidget *widget,
                    GPtrArray *spins)
{
  if (GTK_IS_SPIN_BUTTON (widget) &&
      gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (widget))) == 1440)
    g_ptr_array_add (spins, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_time_spins (child, spins);
}

/* The coverage window's opening and closing times read "HH:MM" (they used to render empty). */
static void
test_sla_page_times (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("times.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autoptr(CsRecord) offer = NULL;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  CsRecord *terms;
  GtkWidget *window;
  GtkWidget *page;

  g_assert_no_error (error);
  offer = g_object_new (CS_TYPE_OFFER, "provider", "Fresh", NULL);
  g_assert_true (cs_store_add (store, offer, &error));
  g_assert_no_error (error);
  terms = cs_store_get_section (store, CS_TYPE_SLA_TERMS, cs_record_get_id (offer));
  g_assert_nonnull (terms);

  page = cs_ui_test_new_page (CS_SECTION_SLA, store);
  window = cs_ui_test_present (page, 1280, 800);
  cs_section_page_set_offer (CS_SECTION_PAGE (page), CS_OFFER (offer));
  cs_ui_test_iterate_rounds (3);

  collect_time_spins (page, spins);
  g_assert_cmpuint (spins->len, ==, 2);
  g_assert_cmpint (cs_record_get_int (terms, "window_start"), ==, 8 * 60);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spins->pdata[0])), ==, "08:00");
  {
    g_autofree char *end = g_strdup_printf ("%02d:%02d",
                                            (int) cs_record_get_int (terms, "window_end") / 60,
                                            (int) cs_record_get_int (terms, "window_end") % 60);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spins->pdata[1])), ==, end);
  }
  /* Wide enough for the text: a field narrower than "08:00" scrolls it out of sight. */
  g_assert_cmpint (gtk_widget_get_width (spins->pdata[0]), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate_rounds (3);
  cs_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/sla-page/edit", test_sla_page_edit);
  g_test_add_func ("/ui/sla-page/read-only", test_sla_page_read_only);
  g_test_add_func ("/ui/sla-page/times", test_sla_page_times);

  return g_test_run ();
}
