/* test-dashboard-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "cs-clause-editor.h"
#include "cs-checklist.h"
#include "cs-dashboard-page.h"
#include "cs-demo.h"
#include "cs-finding-row.h"
#include "cs-override-dialog.h"
#include "cs-flags-group.h"
#include "cs-project-view.h"
#include "cs-sections.h"
#include "cs-review-state.h"
#include "cs-score-chart.h"
#include "cs-ui-test-utils.h"

typedef struct
{
  char          *path;
  CsStore       *store;
  GtkWindow     *window;
  CsProjectView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "projects", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  fixture->path = g_build_filename (dir, "demo.contractscope", NULL);
  fixture->store = cs_demo_create (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  {
    /* The test opens the project, so it creates its review; the view keeps it. */
    g_autoptr(CsReviewState) review_state = cs_review_state_new (fixture->store);

    fixture->view = cs_project_view_new (review_state);
  }
  fixture->window = GTK_WINDOW (cs_ui_test_present (GTK_WIDGET (fixture->view), 1280, 800));
  cs_ui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_ui_test_close (&fixture->window, &fixture->store);
  g_unlink (fixture->path);
  g_free (fixture->path);
}

static CsDashboardPage *
get_dashboard (Fixture *fixture)
{
  GtkWidget *page;

  cs_project_view_set_section (fixture->view, CS_SECTION_DASHBOARD);
  cs_ui_test_iterate ();
  page = cs_project_view_get_section_page (fixture->view);
  g_assert_true (CS_IS_DASHBOARD_PAGE (page));

  return CS_DASHBOARD_PAGE (page);
}

static CsReport *
evaluate (CsStore *store,
          gint64   offer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (&error);
  g_autoptr(CsLinter) linter = NULL;
  CsReport *report;

  g_assert_no_error (error);
  linter = cs_linter_new_default (&error);
  g_assert_no_error (error);
  report = cs_checklist_evaluate (checklist, store, linter, offer_id, &error);
  g_assert_no_error (error);

  return report;
}

/* The findings the list shows, in order (rows are only built for the ones in view). */
static GPtrArray *
get_findings (CsDashboardPage *page)
{
  GListModel *findings = cs_dashboard_page_get_findings (page);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    g_ptr_array_add (result, g_list_model_get_item (findings, i));

  return result;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (CS_IS_FINDING_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The finding rows the list view has built. */
static GPtrArray *
get_rows (CsDashboardPage *page)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (cs_dashboard_page_get_findings_view (page)), rows);

  return rows;
}

static CsFindingRow *
find_built_row (CsDashboardPage *page,
                const char      *item_id)
{
  g_autoptr(GPtrArray) rows = get_rows (page);

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]) &&
        g_strcmp0 (cs_finding_get_id (cs_finding_row_get_finding (rows->pdata[i])), item_id) == 0)
      return rows->pdata[i];

  return NULL;
}

typedef struct
{
  CsDashboardPage *page;
  const char      *item_id;
} RowLookup;

static gboolean
row_is_built (gpointer data)
{
  RowLookup *lookup = data;

  return find_built_row (lookup->page, lookup->item_id) != NULL;
}

/* Scrolls the list to the finding @item_id and returns its row, once built. */
static CsFindingRow *
find_row (CsDashboardPage *page,
          const char      *item_id)
{
  GtkGridView *list_view = cs_dashboard_page_get_findings_view (page);
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (list_view));
  RowLookup lookup = { page, item_id };
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!CS_IS_FINDING (item) || g_strcmp0 (cs_finding_get_id (CS_FINDING (item)), item_id) != 0)
        continue;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item",
                                                 "u", i));
      while (!row_is_built (&lookup) && g_get_monotonic_time () < deadline)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }

      return find_built_row (page, item_id);
    }

  return NULL;
}

static gboolean
widget_shows_text (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (widget_shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* The dashboard shows the score the checklist computes, and the findings knock-outs first. */
static void
test_dashboard_score (Fixture       *fixture,
                      gconstpointer  data)
{
  CsDashboardPage *page = get_dashboard (fixture);
  CsOffer *offer = cs_project_view_get_offer (fixture->view);
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *expected = NULL;
  const CsScore *score;
  CsScoreChart *chart;
  CsFindingRow *first;
  gboolean knock_outs_done = FALSE;
  guint n_knock_outs = 0;

  g_assert_nonnull (offer);
  report = evaluate (fixture->store, cs_record_get_id (CS_RECORD (offer)));
  score = cs_report_get_score (report, CS_SECTION_DASHBOARD);
  g_assert_false (isnan (score->score));

  expected = cs_score_format_percent (score->score);
  g_assert_cmpstr (cs_dashboard_page_get_score_text (page), ==, expected);

  /* The chart draws the same report the sidebar shows. */
  chart = cs_ui_test_find_descendant (GTK_WIDGET (page), CS_TYPE_SCORE_CHART);
  g_assert_nonnull (chart);
  g_assert_nonnull (cs_score_chart_get_report (chart));
  g_assert_cmpfloat (cs_report_get_score (cs_score_chart_get_report (chart), CS_SECTION_BACKUP)->score,
                     ==, cs_report_get_score (report, CS_SECTION_BACKUP)->score);

  findings = get_findings (page);
  g_assert_cmpuint (findings->len, ==, g_list_model_get_n_items (cs_report_get_findings (report)));
  g_assert_cmpuint (findings->len, >, 0);

  /* Only the rows in view are built: that is what keeps the page fast on big projects. */
  rows = get_rows (page);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, findings->len);

  for (guint i = 0; i < findings->len; i++)
    {
      CsFinding *finding = findings->pdata[i];

      if (cs_finding_get_knock_out (finding))
        {
          g_assert_false (knock_outs_done);
          n_knock_outs++;
        }
      else
        knock_outs_done = TRUE;
    }
  g_assert_cmpuint (n_knock_outs, ==, score->n_knock_outs);
  g_assert_cmpuint (n_knock_outs, >, 0);
  first = find_row (page, cs_finding_get_id (findings->pdata[0]));
  g_assert_nonnull (first);
  g_assert_true (widget_shows_text (GTK_WIDGET (first), "Knock-out"));


  /* The sidebar row of the offer's worst section shows its score. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (cs_project_view_get_sections_list (fixture->view),
                                                        CS_SECTION_BACKUP);
    g_autofree char *backup = cs_score_format_percent (cs_report_get_score (report, CS_SECTION_BACKUP)->score);

    g_assert_true (widget_shows_text (GTK_WIDGET (row), backup));
  }
}

/* Following a finding lands on the page of its section. */
static void
test_dashboard_go_to (Fixture       *fixture,
                      gconstpointer  data)
{
  CsDashboardPage *page = get_dashboard (fixture);
  CsFindingRow *row = find_row (page, "BCK-03");
  GtkWidget *shown;

  g_assert_nonnull (row);
  g_assert_cmpint (cs_finding_get_section (cs_finding_row_get_finding (row)), ==, CS_SECTION_BACKUP);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "finding-row.go-to", NULL));
  cs_ui_test_iterate ();

  g_assert_cmpint (cs_project_view_get_section (fixture->view), ==, CS_SECTION_BACKUP);
  shown = cs_project_view_get_section_page (fixture->view);
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_get_mapped (shown));
  g_assert_true (gtk_list_box_row_is_selected (gtk_list_box_get_row_at_index (
                   cs_project_view_get_sections_list (fixture->view), CS_SECTION_BACKUP)));
}

typedef struct
{
  CsDashboardPage *page;
  const char      *item_id;
  const char      *text;
} RowWait;

static gboolean
row_shows_text (gpointer data)
{
  RowWait *wait = data;
  CsFindingRow *row = find_row (wait->page, wait->item_id);

  return row != NULL && widget_shows_text (GTK_WIDGET (row), wait->text);
}

/* An override with a justification changes the status, shows the justification and is
 * stored in the file. */
static void
test_dashboard_override (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *justification = "Annex 4 §3 commits to a 24-hour RPO for every server.";
  CsDashboardPage *page = get_dashboard (fixture);
  CsOffer *offer = cs_project_view_get_offer (fixture->view);
  gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) reopened = NULL;
  g_autoptr(CsReport) report = NULL;
  CsOverrideDialog *dialog;
  CsFindingRow *row;
  CsFinding *result;
  GListModel *answers;
  RowWait wait = { page, "BCK-03", justification };
  gboolean found = FALSE;

  cs_dashboard_page_set_show_all (page, TRUE);
  cs_ui_test_iterate ();
  row = find_row (page, "BCK-03");
  g_assert_nonnull (row);
  g_assert_cmpint (cs_finding_get_origin (cs_finding_row_get_finding (row)), ==, CS_ORIGIN_COMPUTED);
  g_assert_cmpint (cs_finding_get_status (cs_finding_row_get_finding (row)), ==, CS_ITEM_MISSING);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "finding-row.assess", NULL));
  cs_ui_test_iterate ();
  dialog = cs_ui_test_find_toplevel (CS_TYPE_OVERRIDE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (cs_override_dialog_get_is_override (dialog));

  /* The dialog starts from "Not assessed", which saves nothing. */
  g_assert_null (cs_override_dialog_get_status (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));

  /* Without a justification, the override cannot be applied. */
  cs_override_dialog_set_status (dialog, "satisfied");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  cs_override_dialog_set_justification (dialog, justification);
  cs_override_dialog_set_reference (dialog, "Annex 4 §3");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  cs_ui_test_iterate ();

  g_assert_true (cs_ui_test_wait_until (row_shows_text, &wait));
  row = find_row (page, "BCK-03");
  result = cs_finding_row_get_finding (row);
  g_assert_cmpint (cs_finding_get_status (result), ==, CS_ITEM_SATISFIED);
  g_assert_cmpint (cs_finding_get_origin (result), ==, CS_ORIGIN_OVERRIDE);
  g_assert_true (widget_shows_text (GTK_WIDGET (row), "Overridden:"));
  g_assert_true (widget_shows_text (GTK_WIDGET (row), "Annex 4 §3"));
  /* The answer records who changed it, and when. */
  g_assert_nonnull (cs_finding_get_changed_by (result));
  g_assert_cmpstr (cs_finding_get_changed_by (result), !=, "");
  g_assert_nonnull (cs_finding_get_changed_at (result));
  g_assert_true (g_str_has_suffix (cs_finding_get_changed_at (result), "Z"));

  /* The dashboard's score follows. */
  report = evaluate (fixture->store, offer_id);
  {
    g_autofree char *expected = cs_score_format_percent (cs_report_get_score (report, CS_SECTION_DASHBOARD)->score);

    g_assert_cmpstr (cs_dashboard_page_get_score_text (page), ==, expected);
  }

  /* Close and reopen: the answer is in the file. */
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  cs_ui_test_iterate ();
  cs_store_close (fixture->store);
  g_clear_object (&fixture->store);

  reopened = cs_store_open (fixture->path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  answers = cs_store_list (reopened, CS_TYPE_CHECKLIST_ANSWER, offer_id);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(CsRecord) answer = g_list_model_get_item (answers, i);

      if (g_strcmp0 (cs_record_get_string (answer, "item_id"), "BCK-03") != 0)
        continue;

      found = TRUE;
      g_assert_true (cs_record_get_boolean (answer, "override"));
      g_assert_cmpstr (cs_record_get_string (answer, "status"), ==, "satisfied");
      g_assert_cmpstr (cs_record_get_string (answer, "justification"), ==, justification);
      g_assert_cmpstr (cs_record_get_string (answer, "reference"), ==, "Annex 4 §3");
    }
  g_assert_true (found);
  cs_store_close (reopened);
}

static gboolean
report_has_lint_finding (gpointer data)
{
  CsReviewState *state = data;
  CsReport *report = cs_review_state_get_report (state);

  return report != NULL && cs_report_get_score (report, CS_SECTION_DASHBOARD)->n_lint_findings > 0;
}

static gboolean
editor_has_finding (gpointer data)
{
  return cs_clause_editor_get_n_findings (data) > 0;
}

static gboolean
wording_is_shown (gpointer data)
{
  return cs_ui_test_find_descendant (data, CS_TYPE_CLAUSE_EDITOR) != NULL;
}

/* Scrolls to the wording area, the last item of the list, and returns its editor. */
static CsClauseEditor *
show_wording (CsDashboardPage *page)
{
  GtkGridView *list_view = cs_dashboard_page_get_findings_view (page);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (list_view)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u",
                                             n_items - 1));
  g_assert_true (cs_ui_test_wait_until (wording_is_shown, page));

  return cs_ui_test_find_descendant (GTK_WIDGET (page), CS_TYPE_CLAUSE_EDITOR);
}

static gboolean
text_view_has_focus (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (data);

  return root != NULL && gtk_root_get_focus (root) == data;
}

/* The first button under @root whose accessible or visible label is @label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child),
                                              label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether @root shows a visible label with @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), text))
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* With no general clause yet, the dashboard's wording area is a clearly labelled group whose
 * Add button is enabled and nothing in it is dimmed; read-only, it is not shown at all. */
static void
test_dashboard_general_wording (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CsRecord) offer = g_list_model_get_item (cs_store_get_offers (fixture->store), 0);
  g_autoptr(GError) error = NULL;
  CsDashboardPage *page;
  CsClauseEditor *editor;
  GtkWidget *button;
  GtkWidget *placeholder;
  GtkListBox *list;

  cs_project_view_set_offer (fixture->view, CS_OFFER (offer));
  page = get_dashboard (fixture);
  editor = show_wording (page);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* The demo's offers have no general clause: the list is empty. */
  list = cs_ui_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_LIST_BOX);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP
                                                    (adw_bin_get_child (ADW_BIN (editor)))),
                   ==, "General Contract Wording");
  button = find_button (GTK_WIDGET (editor), "Add a clause");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_has_css_class (button, "flat"));
  placeholder = find_label (GTK_WIDGET (editor), "No general clauses yet.");
  g_assert_nonnull (placeholder);
  g_assert_true (gtk_widget_is_visible (placeholder));
  for (GtkWidget *w = placeholder; w != GTK_WIDGET (page); w = gtk_widget_get_parent (w))
    {
      g_assert_false (gtk_widget_has_css_class (w, "dim-label"));
      g_assert_true (gtk_widget_is_sensitive (w));
    }

  /* Read-only: nothing to add and nothing to read, so no wording area. */
  cs_ui_test_close (&fixture->window, &fixture->store);
  fixture->store = cs_store_open (fixture->path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CsReviewState) review_state = cs_review_state_new (fixture->store);
    g_autoptr(CsRecord) read_only_offer = NULL;

    fixture->view = cs_project_view_new (review_state);
    fixture->window = GTK_WINDOW (cs_ui_test_present (GTK_WIDGET (fixture->view), 1280, 800));
    cs_ui_test_iterate ();
    read_only_offer = g_list_model_get_item (cs_store_get_offers (fixture->store), 0);
    cs_project_view_set_offer (fixture->view, CS_OFFER (read_only_offer));
  }
  page = get_dashboard (fixture);
  editor = show_wording (page);
  g_assert_nonnull (editor);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
}

/* A weak clause pasted in the dashboard's wording area is highlighted and counts on the
 * dashboard; its finding goes back to the clause. */
static gboolean
text_view_has_selection (gpointer data)
{
  return gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (GTK_TEXT_VIEW (data)));
}

static void
test_dashboard_weak_clause (Fixture       *fixture,
                            gconstpointer  data)
{
  CsDashboardPage *page = NULL;
  CsReviewState *state = cs_project_view_get_review_state (fixture->view);
  CsClauseEditor *editor = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CsRecord) altimance = g_list_model_get_item (cs_store_get_offers (fixture->store), 1);
  GtkTextView *text_view;
  GtkTextIter start;
  CsFindingRow *lint_row = NULL;

  /* Altimance's clauses are measurable: the pasted one is its only weak wording. */
  cs_project_view_set_offer (fixture->view, CS_OFFER (altimance));
  page = get_dashboard (fixture);
  editor = show_wording (page);
  g_assert_nonnull (editor);
  g_assert_cmpuint (cs_report_get_score (cs_review_state_get_report (state),
                                         CS_SECTION_DASHBOARD)->n_lint_findings, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "clause-editor.add", NULL));
  cs_ui_test_iterate ();
  text_view = cs_ui_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view),
                            "The provider will restore data as soon as possible.", -1);

  g_assert_true (cs_ui_test_wait_until (editor_has_finding, editor));
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (text_view), &start);
  gtk_text_iter_forward_chars (&start, 35);
  g_assert_nonnull (gtk_text_iter_get_tags (&start));

  g_assert_true (cs_ui_test_wait_until (report_has_lint_finding, state));
  cs_ui_test_iterate ();

  findings = get_findings (page);
  for (guint i = 0; i < findings->len; i++)
    if (cs_finding_get_kind (findings->pdata[i]) == CS_FINDING_LINTER)
      lint_row = find_row (page, cs_finding_get_id (findings->pdata[i]));
  g_assert_nonnull (lint_row);
  g_assert_true (widget_shows_text (GTK_WIDGET (lint_row), "as soon as possible"));

  /* Going to it selects the weak wording in the clause. */
  gtk_widget_grab_focus (GTK_WIDGET (lint_row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lint_row), "finding-row.go-to", NULL));
  /* The clause is selected once the wording area has scrolled back into view. */
  g_assert_true (cs_ui_test_wait_until (text_view_has_selection, text_view));
  /* … and scrolls the wording area back into view, where the clause takes the focus. */
  g_assert_true (cs_ui_test_wait_until (text_view_has_focus, text_view));
}

/* One verdict: a section page and the dashboard show the same status for the same item, and the
 * dashboard shows both figures, assessed and score. */
static void
test_dashboard_same_as_page (Fixture       *fixture,
                             gconstpointer  data)
{
  CsDashboardPage *page = get_dashboard (fixture);
  CsOffer *offer = cs_project_view_get_offer (fixture->view);
  g_autoptr(CsReport) report = evaluate (fixture->store, cs_record_get_id (CS_RECORD (offer)));
  const CsScore *score = cs_report_get_score (report, CS_SECTION_DASHBOARD);
  g_autofree char *assessed_percent = cs_score_format_percent (score->assessed);
  g_autofree char *assessed = g_strdup_printf ("Assessed: %s", assessed_percent);
  g_autoptr(GPtrArray) findings = NULL;
  CsFinding *bck12 = NULL;
  CsFlagsGroup *group = NULL;
  GPtrArray *flags = NULL;
  gboolean seen = FALSE;

  g_assert_cmpfloat (score->assessed, <, 1);
  g_assert_cmpstr (cs_dashboard_page_get_assessed_text (page), ==, assessed);

  /* BCK-12 as the dashboard lists it (the incumbent's Art. 7 leaves backups to the client). */
  cs_dashboard_page_set_show_all (page, TRUE);
  cs_ui_test_iterate ();
  findings = get_findings (page);
  for (guint i = 0; i < findings->len; i++)
    if (CS_IS_FINDING (findings->pdata[i])
        && g_strcmp0 (cs_finding_get_id (findings->pdata[i]), "BCK-12") == 0)
      bck12 = findings->pdata[i];
  g_assert_nonnull (bck12);
  g_assert_cmpint (cs_finding_get_status (bck12), ==, CS_ITEM_MISSING);
  g_assert_true (cs_finding_get_knock_out (bck12));

  /* The backup page's points to check show it with the same status and evidence. */
  cs_project_view_set_section (fixture->view, CS_SECTION_BACKUP);
  cs_ui_test_iterate ();
  group = cs_ui_test_find_descendant (cs_project_view_get_section_page (fixture->view),
                                      CS_TYPE_FLAGS_GROUP);
  g_assert_nonnull (group);
  flags = cs_flags_group_get_flags (group);
  g_assert_nonnull (flags);
  for (guint i = 0; i < flags->len; i++)
    {
      CsFlag *flag = g_ptr_array_index (flags, i);

      if (!g_str_equal (flag->code, "BCK-12"))
        continue;
      seen = TRUE;
      g_assert_cmpint (flag->status, ==, cs_finding_get_status (bck12));
      g_assert_true (flag->knock_out);
      g_assert_cmpstr (flag->detail, ==, cs_finding_get_detail (bck12));
    }
  g_assert_true (seen);
}

typedef struct
{
  CsDashboardPage *page;
  guint            n_items;
} CountWait;

static gboolean
findings_count_is (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (cs_dashboard_page_get_findings (wait->page)) == wait->n_items;
}

/* Waits (the entry reports a search after a short delay) for the list to show @n_items. */
static void
wait_for_count (CsDashboardPage *page,
                guint            n_items)
{
  CountWait wait = { page, n_items };
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!findings_count_is (&wait) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (g_list_model_get_n_items (cs_dashboard_page_get_findings (page)), ==, n_items);
}

/* The search entry (Ctrl+F) keeps the findings that contain its words, whatever their case,
 * and brings a finding far down the list into view; Escape shows them all again. */
static void
test_dashboard_search (Fixture       *fixture,
                       gconstpointer  data)
{
  CsDashboardPage *page = get_dashboard (fixture);
  GtkEditable *entry = cs_dashboard_page_get_search_entry (page);
  GListModel *findings = cs_dashboard_page_get_findings (page);
  guint n_all = g_list_model_get_n_items (findings);
  guint n_matching = 0;
  const char *item_id = NULL;
  guint position = 0;

  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(CsFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (cs_finding_get_title (finding), "Service description") == 0)
        {
          item_id = g_intern_string (cs_finding_get_id (finding));
          position = i;
        }
    }
  /* The demo's finding is down the list: its row is not shown before the search. */
  g_assert_nonnull (item_id);
  g_assert_cmpuint (position, >, 0);
  g_assert_null (find_built_row (page, item_id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.focus-search", NULL));
  cs_ui_test_iterate ();
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry))),
                                         GTK_WIDGET (entry)));

  gtk_editable_set_text (entry, "sERVICE   description");
  {
    CountWait fewer = { page, n_all };
    RowLookup lookup = { page, item_id };
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (findings_count_is (&fewer) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    n_matching = g_list_model_get_n_items (findings);
    g_assert_cmpuint (n_matching, >, 0);
    g_assert_cmpuint (n_matching, <, n_all);
    for (guint i = 0; i < n_matching; i++)
      {
        g_autoptr(CsFinding) finding = g_list_model_get_item (findings, i);
        g_autofree char *texts = g_strjoin (" ", cs_finding_get_title (finding), cs_finding_get_id (finding),
                                            cs_finding_get_message (finding) ?: "",
                                            cs_finding_get_group (finding) ?: "",
                                            cs_finding_get_matched_text (finding) ?: "",
                                            cs_finding_get_section (finding) < CS_N_SECTIONS
                                            ? cs_section_get_title (cs_finding_get_section (finding))
                                            : "", NULL);
        g_autofree char *folded = g_utf8_casefold (texts, -1);

        g_assert_nonnull (strstr (folded, "service"));
        g_assert_nonnull (strstr (folded, "description"));
      }
    /* The row is now near the top of the list, hence built and mapped. */
    g_assert_true (cs_ui_test_wait_until (row_is_built, &lookup));
  }

  gtk_editable_set_text (entry, "no finding says this");
  wait_for_count (page, 0);

  /* Escape empties the entry and lists every finding again. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  wait_for_count (page, n_all);
}

static gboolean
review_done (gpointer data)
{
  return !cs_review_state_is_pending (data);
}

/* The mapped button of @widget's descendants bound to @action, or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
add_button_shown (gpointer data)
{
  return find_action_button (data, "clause-editor.add") != NULL;
}

/* The first frame does not wait for the checklist: the dashboard shows placeholders, then
 * fills in at idle with the figures a direct evaluation gives. */
static void
test_dashboard_after_first_frame (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "projects", NULL);
  g_autofree char *path = g_build_filename (dir, "idle.contractscope", NULL);
  g_autofree char *placeholder = cs_score_format_percent (NAN);
  g_autofree char *expected = NULL;
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CsStore *store = NULL;
  CsProjectView *view = NULL;
  CsDashboardPage *page = NULL;
  GtkWindow *window = NULL;
  CsOffer *offer = NULL;
  GtkWidget *add = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CsReviewState) review_state = cs_review_state_new (store);

    view = cs_project_view_new (review_state);
  }
  offer = cs_project_view_get_offer (view);
  g_assert_nonnull (offer);
  report = evaluate (store, cs_record_get_id (CS_RECORD (offer)));
  expected = cs_score_format_percent (cs_report_get_score (report, CS_SECTION_DASHBOARD)->score);
  g_assert_cmpstr (expected, !=, placeholder);

  /* Built and shown, not evaluated: placeholders, and the page did not force it. */
  page = CS_DASHBOARD_PAGE (cs_project_view_get_section_page (view));
  g_assert_true (cs_review_state_is_pending (cs_project_view_get_review_state (view)));
  g_assert_cmpstr (cs_dashboard_page_get_score_text (page), ==, placeholder);
  g_assert_cmpuint (g_list_model_get_n_items (cs_dashboard_page_get_findings (page)), ==, 0);
  /* A placeholder is not read as a figure (the busy state is checked through AT-SPI, by the
   * e2e tests: GTK_A11Y=none here). */
  g_assert_cmpstr (cs_dashboard_page_get_assessed_text (page), ==, "");

  window = GTK_WINDOW (cs_ui_test_present (GTK_WIDGET (view), 1280, 800));
  g_assert_true (cs_ui_test_wait_until (review_done, cs_project_view_get_review_state (view)));
  cs_ui_test_iterate ();

  g_assert_cmpstr (cs_dashboard_page_get_score_text (page), ==, expected);
  findings = get_findings (page);
  g_assert_cmpuint (findings->len, ==, g_list_model_get_n_items (cs_report_get_findings (report)));
  g_assert_cmpuint (findings->len, >, 0);
  g_assert_cmpstr (cs_dashboard_page_get_assessed_text (page), !=, "");

  /* The wording area, brought into view by a search that matches nothing, takes clauses. */
  gtk_editable_set_text (cs_dashboard_page_get_search_entry (page), "zzz-no-such-finding");
  g_assert_true (cs_ui_test_wait_until (add_button_shown, page));
  add = find_action_button (GTK_WIDGET (page), "clause-editor.add");
  g_assert_true (gtk_widget_is_sensitive (add));

  cs_ui_test_close (&window, &store);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/dashboard/after-first-frame", test_dashboard_after_first_frame);
  g_test_add ("/ui/dashboard/score", Fixture, NULL, fixture_set_up, test_dashboard_score,
              fixture_tear_down);
  g_test_add ("/ui/dashboard/same-as-page", Fixture, NULL, fixture_set_up,
              test_dashboard_same_as_page, fixture_tear_down);
  g_test_add ("/ui/dashboard/go-to", Fixture, NULL, fixture_set_up, test_dashboard_go_to,
              fixture_tear_down);
  g_test_add ("/ui/dashboard/override", Fixture, NULL, fixture_set_up, test_dashboard_override,
              fixture_tear_down);
  g_test_add ("/ui/dashboard/weak-clause", Fixture, NULL, fixture_set_up, test_dashboard_weak_clause,
              fixture_tear_down);
  g_test_add ("/ui/dashboard/general-wording", Fixture, NULL, fixture_set_up,
              test_dashboard_general_wording, fixture_tear_down);
  g_test_add ("/ui/dashboard/search", Fixture, NULL, fixture_set_up, test_dashboard_search,
              fixture_tear_down);

  return g_test_run ();
}
