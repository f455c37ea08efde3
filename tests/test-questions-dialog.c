/* test-questions-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-field-editor.h"
#include "cs-handover.h"
#include "cs-long-text-row.h"
#include "cs-questions-dialog.h"
#include "cs-ui-test-utils.h"

#define ANSWER "Yes <b>&</b>: within 30 days, see annex 7"

static void
type_answer (GtkTextBuffer *buffer,
             const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static char *
questions_markdown (CsStore     *store,
                    CsChecklist *checklist,
                    CsLinter    *linter,
                    gint64       offer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDocument) doc = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "questions.md", NULL);
  char *text = NULL;

  doc = cs_handover_build_questions (store, checklist, linter, offer_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cs_document_write (doc, CS_DOCUMENT_FORMAT_MARKDOWN, path, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  return text;
}

/* Open the dialog on the demo's first offer, type an answer: it is stored in the file, dated
 * today, counted, undone like any typing, and the questions export prints it. */
static void
test_answer (void)
{
  g_autofree char *path = cs_ui_test_project_path ("questions.contractscope");
  CsStore *store = cs_ui_test_create_demo (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (&error);
  g_autoptr(CsLinter) linter = cs_linter_new_default (&error);
  g_autoptr(CsRecord) offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  gint64 offer_id = cs_record_get_id (offer);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *markdown = NULL;
  g_autoptr(CsRecord) question = NULL;
  g_autoptr(CsStore) reopened = NULL;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkTextBuffer *buffer;
  guint n;

  g_assert_no_error (error);
  dialog = cs_questions_dialog_new (store, CS_OFFER (offer), checklist, linter);
  gtk_window_present (GTK_WINDOW (dialog));
  cs_ui_test_iterate ();

  n = cs_questions_dialog_get_n_questions (CS_QUESTIONS_DIALOG (dialog));
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (cs_store_list (store,
                                                                     CS_TYPE_PROVIDER_QUESTION,
                                                                     offer_id)));
  g_assert_cmpuint (cs_questions_dialog_get_n_answered (CS_QUESTIONS_DIALOG (dialog)), ==, 0);

  row = cs_ui_test_find_descendant (dialog, CS_TYPE_LONG_TEXT_ROW);
  g_assert_nonnull (row);
  question = g_object_ref (cs_field_editor_get_record (CS_FIELD_EDITOR (row)));
  g_assert_true (CS_IS_PROVIDER_QUESTION (question));
  buffer = cs_long_text_row_get_buffer (CS_LONG_TEXT_ROW (row));
  type_answer (buffer, ANSWER);
  g_assert_true (cs_field_editor_commit (CS_FIELD_EDITOR (row), TRUE));
  cs_ui_test_iterate ();

  g_assert_cmpstr (cs_record_get_string (question, "answer"), ==, ANSWER);
  g_assert_cmpstr (cs_record_get_string (question, "answered"), ==, today);
  g_assert_cmpuint (cs_questions_dialog_get_n_answered (CS_QUESTIONS_DIALOG (dialog)), ==, 1);
  cs_ui_test_save_shot (dialog, "questions-dialog.png");

  /* the questions document prints the answer */
  markdown = questions_markdown (store, checklist, linter, offer_id);
  g_assert_nonnull (strstr (markdown, "within 30 days, see annex 7"));

  /* undone like any typing: the answer goes, and so does its date */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_assert_true (cs_field_editor_commit (CS_FIELD_EDITOR (row), TRUE));
  cs_ui_test_iterate ();
  g_assert_cmpstr (cs_record_get_string (question, "answer"), ==, "");
  g_assert_cmpstr (cs_record_get_string (question, "answered"), ==, "");
  g_assert_cmpuint (cs_questions_dialog_get_n_answered (CS_QUESTIONS_DIALOG (dialog)), ==, 0);

  /* typed again, then the project closed: the file holds the answer */
  type_answer (buffer, ANSWER);
  g_assert_true (cs_field_editor_commit (CS_FIELD_EDITOR (row), TRUE));
  {
    gint64 id = cs_record_get_id (question);

    g_clear_object (&question);
    cs_ui_test_close ((GtkWindow **) &dialog, &store);
    reopened = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    question = cs_ui_test_dup_record (reopened, CS_TYPE_PROVIDER_QUESTION, id);
  }
  g_assert_nonnull (question);
  g_assert_cmpstr (cs_record_get_string (question, "answer"), ==, ANSWER);
  g_assert_cmpstr (cs_record_get_string (question, "answered"), ==, today);
  cs_store_close (reopened);
}

/* The counter in the header says how many are answered. */
static void
test_count_label (void)
{
  g_autofree char *path = cs_ui_test_project_path ("count.contractscope");
  CsStore *store = cs_ui_test_create_demo (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (&error);
  g_autoptr(CsRecord) offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  GtkWidget *dialog = cs_questions_dialog_new (store, CS_OFFER (offer), checklist, NULL);
  GListModel *stored;
  g_autoptr(CsRecord) question = NULL;
  g_autofree char *expected = NULL;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (dialog));
  cs_ui_test_iterate ();
  stored = cs_store_list (store, CS_TYPE_PROVIDER_QUESTION, cs_record_get_id (offer));
  question = g_list_model_get_item (stored, 1);
  g_assert_true (cs_store_set_string (store, question, "answer", "Agreed.", &error));
  g_assert_no_error (error);
  cs_ui_test_iterate ();

  expected = g_strdup_printf ("1 of %u questions answered",
                              cs_questions_dialog_get_n_questions (CS_QUESTIONS_DIALOG (dialog)));
  for (GtkWidget *child = gtk_widget_get_first_child (dialog); child != NULL;)
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), expected) == 0)
        found = TRUE;
      /* depth-first walk */
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child) == dialog ? NULL : gtk_widget_get_parent (child);
          if (child != NULL)
            child = gtk_widget_get_next_sibling (child);
        }
    }
  g_assert_true (found);
  cs_ui_test_close ((GtkWindow **) &dialog, &store);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/questions-dialog/answer", test_answer);
  g_test_add_func ("/ui/questions-dialog/count-label", test_count_label);

  return g_test_run ();
}
