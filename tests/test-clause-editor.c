/* test-clause-editor.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>


#include <glib/gstdio.h>

#include "cs-clause-editor.h"
#include "cs-demo.h"
#include "cs-ui-test-utils.h"

static gboolean
has_findings (gpointer data)
{
  return cs_clause_editor_get_n_findings (data) > 0;
}

static guint
count_clauses (CsStore    *store,
               gint64      offer_id,
               const char *section,
               CsRecord  **out_clause)
{
  GListModel *clauses = cs_store_list (store, CS_TYPE_CLAUSE, offer_id);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(CsRecord) clause = g_list_model_get_item (clauses, i);

      if (g_strcmp0 (cs_record_get_string (clause, "section"), section) == 0)
        {
          count++;
          if (out_clause != NULL)
            g_set_object (out_clause, clause);
        }
    }

  return count;
}

/* Add a clause, type a reference and weak wording: it is underlined, counted, committed. */
static void
test_clause_editor_edit (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "projects", NULL);
  g_autofree char *path = g_build_filename (dir, "clauses.contractscope", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsStore) reopened = NULL;
  g_autoptr(CsOffer) offer = NULL;
  g_autoptr(CsRecord) clause = NULL;
  GtkWidget *window, *overlay, *editor;
  GtkTextView *text_view;
  GtkEntry *entry;
  GtkTextIter iter;
  gint64 offer_id;
  guint before;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  /* Altimance: its SLA clause is measurable, so every finding comes from the new clause. */
  offer = g_list_model_get_item (cs_store_get_offers (store), 1);
  offer_id = cs_record_get_id (CS_RECORD (offer));
  before = count_clauses (store, offer_id, "sla", NULL);

  overlay = adw_toast_overlay_new ();
  editor = cs_clause_editor_new (store, CS_SECTION_SLA);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), editor);
  window = cs_ui_test_present (overlay, 0, 0);

  /* Without an offer, nothing can be added. */
  g_assert_false (gtk_widget_activate_action (editor, "clause-editor.add", NULL) &&
                  count_clauses (store, offer_id, "sla", NULL) != before);

  cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (editor), offer);
  g_assert_true (cs_clause_editor_get_offer (CS_CLAUSE_EDITOR (editor)) == offer);
  cs_ui_test_iterate ();

  g_assert_true (gtk_widget_activate_action (editor, "clause-editor.add", NULL));
  cs_ui_test_iterate ();
  g_assert_cmpuint (count_clauses (store, offer_id, "sla", NULL), ==, before + 1);

  /* The new clause is the last row: its widgets are the last of their type. */
  {
    GtkTextView *first_text = cs_ui_test_find_descendant (editor, GTK_TYPE_TEXT_VIEW);
    GtkWidget *row_widget = first_text != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (first_text), GTK_TYPE_LIST_BOX_ROW) : NULL;
    GtkListBox *list = row_widget != NULL ? GTK_LIST_BOX (gtk_widget_get_parent (row_widget)) : NULL;
    GtkListBoxRow *row = list != NULL ? gtk_list_box_get_row_at_index (list, before) : NULL;

    g_assert_nonnull (row);
    text_view = cs_ui_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_TEXT_VIEW);
    entry = cs_ui_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_ENTRY);
  }
  g_assert_nonnull (text_view);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Annex 3 §2");
  g_signal_emit_by_name (entry, "activate");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view),
                            "The provider will restore data as soon as possible", -1);
  g_assert_true (cs_ui_test_wait_until (has_findings, editor));
  g_assert_cmpuint (cs_clause_editor_get_n_findings (CS_CLAUSE_EDITOR (editor)), >=, 1);

  /* "as soon as possible" is underlined. */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, 40);
  {
    GSList *tags = gtk_text_iter_get_tags (&iter);

    g_assert_nonnull (tags);
    g_slist_free (tags);
  }
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, 2);
  {
    GSList *tags = gtk_text_iter_get_tags (&iter);

    g_assert_null (tags);
  }

  /* Going to the finding selects the wording. */
  count_clauses (store, offer_id, "sla", &clause);
  g_assert_true (cs_clause_editor_focus_clause (CS_CLAUSE_EDITOR (editor),
                                                cs_record_get_id (clause), 31, 50));
  g_assert_true (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (text_view)));
  g_assert_false (cs_clause_editor_focus_clause (CS_CLAUSE_EDITOR (editor), -5, 0, 0));

  /* Closing the window commits what is pending. */
  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  g_clear_object (&clause);
  cs_store_close (store);

  reopened = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_clauses (reopened, offer_id, "sla", &clause), ==, before + 1);
  g_assert_cmpstr (cs_record_get_string (clause, "text"), ==,
                   "The provider will restore data as soon as possible");
  g_assert_cmpstr (cs_record_get_string (clause, "reference"), ==, "Annex 3 §2");
  g_clear_object (&clause);
  cs_store_close (reopened);
}

/* The values line of the row: the label with the "clause-values" style class. */
static GtkLabel *
find_values_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "clause-values"))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_values_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
values_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
values_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_text (data) != '\0';
}

static gboolean
values_single (gpointer data)
{
  /* The row has been linted again once the line lists the one value of the new wording. */
  return values_shown (data) && strstr (gtk_label_get_text (data), " · ") == NULL;
}

/* Under each clause, a compact line lists the typed values read in it, in the user's words;
 * it follows the text as it is edited and is hidden when there is no value. */
static void
test_clause_editor_values (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "projects", NULL);
  g_autofree char *path = g_build_filename (dir, "values.contractscope", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsOffer) offer = NULL;
  GtkWidget *window, *overlay, *editor;
  GtkListBoxRow *row = NULL;
  GtkTextView *text_view;
  GtkLabel *values;
  guint before;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  before = count_clauses (store, cs_record_get_id (CS_RECORD (offer)), "sla", NULL);

  overlay = adw_toast_overlay_new ();
  editor = cs_clause_editor_new (store, CS_SECTION_SLA);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), editor);
  window = cs_ui_test_present (overlay, 900, 700);
  cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (editor), offer);
  cs_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (editor, "clause-editor.add", NULL));
  cs_ui_test_iterate ();

  {
    GtkWidget *first = cs_ui_test_find_descendant (editor, GTK_TYPE_TEXT_VIEW);
    GtkWidget *first_row = gtk_widget_get_ancestor (first, GTK_TYPE_LIST_BOX_ROW);

    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (first_row)),
                                         before);
  }
  g_assert_nonnull (row);
  text_view = cs_ui_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_TEXT_VIEW);
  values = find_values_label (GTK_WIDGET (row));
  g_assert_nonnull (text_view);
  g_assert_nonnull (values);
  /* a new, empty clause has no value: no line */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (values)));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view),
                            "P1 incidents are restored within 4 business hours; availability is "
                            "99.5 % per month; an on-site day costs €720 per day; "
                            "2 to 4 calendar days for a new laptop.", -1);
  g_assert_true (cs_ui_test_wait_until (values_shown, values));
  g_assert_cmpstr (gtk_label_get_text (values), ==,
                   "4 business hours · 99.5\u00a0% per month · €720 per day · "
                   "2–4 calendar days");
  g_assert_false (gtk_label_get_use_markup (values));
  cs_ui_test_iterate_rounds (3);
  cs_ui_test_save_shot (window, "clause-editor-values.png");

  /* weak wording with a value: the value line and the findings both show */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view),
                            "Availability is 99.5 %; incidents are handled as soon as possible.",
                            -1);
  g_assert_true (cs_ui_test_wait_until (values_single, values));
  g_assert_true (cs_ui_test_wait_until (has_findings, editor));
  g_assert_cmpstr (gtk_label_get_text (values), ==, "99.5\u00a0%");
  cs_ui_test_iterate_rounds (3);
  cs_ui_test_save_shot (window, "clause-editor-values-findings.png");

  /* wording without a value: the line goes */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view),
                            "The provider restores the service promptly.", -1);
  g_assert_true (cs_ui_test_wait_until (values_hidden, values));

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  cs_store_close (store);
}

/* Deleting a clause removes it from the store. */
static void
test_clause_editor_delete (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "projects", NULL);
  g_autofree char *path = g_build_filename (dir, "delete.contractscope", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsOffer) offer = NULL;
  g_autoptr(CsRecord) clause = NULL;
  GtkWidget *window, *overlay, *editor;
  g_autofree char *target = NULL;
  gint64 offer_id;
  guint before;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  offer_id = cs_record_get_id (CS_RECORD (offer));

  overlay = adw_toast_overlay_new ();
  editor = cs_clause_editor_new (store, CS_SECTION_EXIT);
  cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (editor), offer);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), editor);
  window = cs_ui_test_present (overlay, 0, 0);
  cs_ui_test_iterate ();

  g_assert_true (gtk_widget_activate_action (editor, "clause-editor.add", NULL));
  cs_ui_test_iterate ();
  before = count_clauses (store, offer_id, "exit", &clause);
  g_assert_cmpuint (before, >=, 1);

  target = g_strdup_printf ("%" G_GINT64_FORMAT, cs_record_get_id (clause));
  g_assert_true (gtk_widget_activate_action (editor, "clause-editor.delete", "x",
                                             g_ascii_strtoll (target, NULL, 10)));
  cs_ui_test_iterate ();
  g_assert_cmpuint (count_clauses (store, offer_id, "exit", NULL), ==, before - 1);

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  g_clear_object (&clause);
  cs_store_close (store);
}

/* Destroying a page that embeds the editor unparents the editor's child once: a second
 * gtk_widget_unparent() (template child disposed, then AdwBin's) is a critical, fatal here. */
static void
test_clause_editor_destroy (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "projects", NULL);
  g_autofree char *path = g_build_filename (dir, "destroy.contractscope", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsOffer) offer = NULL;
  GtkWidget *window, *box, *editor;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  offer = g_list_model_get_item (cs_store_get_offers (store), 0);

  /* Never shown. */
  editor = g_object_ref_sink (cs_clause_editor_new (store, CS_SECTION_SLA));
  g_assert_finalize_object (editor);

  /* Shown inside a page, then destroyed with it. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  editor = cs_clause_editor_new (store, CS_SECTION_SLA);
  cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (editor), offer);
  gtk_box_append (GTK_BOX (box), editor);
  window = cs_ui_test_present (box, 0, 0);
  cs_ui_test_iterate ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  g_assert_null (editor);

  cs_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/clause-editor/edit", test_clause_editor_edit);
  g_test_add_func ("/ui/clause-editor/values", test_clause_editor_values);
  g_test_add_func ("/ui/clause-editor/delete", test_clause_editor_delete);
  g_test_add_func ("/ui/clause-editor/destroy", test_clause_editor_destroy);

  return g_test_run ();
}
