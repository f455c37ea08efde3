/* test-export-ui.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-preferences-window.h"
#include "cs-questions-dialog.h"
#include "cs-window-export.h"
#include "cs-test-utils.h"
#include "cs-ui-test-utils.h"
#include "cs-window.h"

static CsApplication *app;

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static CsWindow *
open_demo (CsStore **out_store)
{
  g_autofree char *path = cs_ui_test_project_path ("export.contractscope");
  CsWindow *window = cs_window_new (app);

  *out_store = cs_ui_test_create_demo (path);
  cs_window_set_store (window, *out_store);
  gtk_window_present (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  return window;
}

/* Every deliverable of the selected offer is in the text of a reversibility checklist. */
static void
assert_deliverables (CsStore    *store,
                     CsOffer    *offer,
                     const char *text)
{
  GListModel *deliverables = cs_store_list (store, CS_TYPE_EXIT_DELIVERABLE,
                                            cs_record_get_id (CS_RECORD (offer)));

  g_assert_cmpuint (g_list_model_get_n_items (deliverables), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (deliverables); i++)
    {
      g_autoptr(CsRecord) deliverable = g_list_model_get_item (deliverables, i);
      const char *label = cs_record_get_string (deliverable, "label");

      if (*label != '\0' && strstr (text, label) == NULL)
        g_error ("“%s” is not in the document", label);
    }
}

static gboolean
file_written (gpointer data)
{
  return g_file_test ((const char *) data, G_FILE_TEST_EXISTS);
}

/* The primary menu has an Export submenu with every document; a picture of it. */
static void
test_export_menu (void)
{
  CsStore *store = NULL;
  CsWindow *window = open_demo (&store);
  GtkWidget *button = NULL;
  GMenuModel *model;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);

  /* the project view's, not the welcome page's */
  for (guint i = 0; (button = cs_ui_test_find_nth (GTK_WIDGET (cs_window_get_project_view (window)),
                                                   GTK_TYPE_MENU_BUTTON, NULL, i)) != NULL; i++)
    if (gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)))
      break;
  g_assert_nonnull (button);
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

  /* every item of every section and submenu that calls export.* */
  {
    g_autoptr(GPtrArray) pending = g_ptr_array_new ();

    g_ptr_array_add (pending, model);
    while (pending->len > 0)
      {
        GMenuModel *menu = g_ptr_array_steal_index (pending, pending->len - 1);

        for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
          {
            g_autofree char *action = NULL;
            g_autoptr(GVariant) target = NULL;
            GMenuModel *link;

            if ((link = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION)) != NULL)
              g_ptr_array_add (pending, link);
            if ((link = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU)) != NULL)
              g_ptr_array_add (pending, link);
            if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action)
                && g_str_has_prefix (action, "export."))
              {
                g_autofree char *printed = NULL;

                target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                NULL);
                printed = target != NULL ? g_variant_print (target, FALSE) : g_strdup ("");

                g_ptr_array_add (targets, g_strdup_printf ("%s%s", action, printed));
              }
          }
        /* the links were referenced by g_menu_model_get_item_link */
        if (menu != model)
          g_object_unref (menu);
      }
  }
  g_assert_true (g_ptr_array_find_with_equal_func (targets, "export.export('reversibility', 'offer')",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (targets, "export.export('report', 'all')",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (targets, "export.export('questions', 'offer')",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (targets, "export.print('reversibility', 'offer')",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (targets, "export.answers", g_str_equal, NULL));

  /* the provider's answers open in their dialog, about the selected offer */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "export.answers", NULL));
  cs_ui_test_iterate ();
  {
    GtkWidget *answers = cs_ui_test_find_toplevel (CS_TYPE_QUESTIONS_DIALOG);

    g_assert_nonnull (answers);
    g_assert_cmpuint (cs_questions_dialog_get_n_questions (CS_QUESTIONS_DIALOG (answers)), >, 0);
    gtk_window_destroy (GTK_WINDOW (answers));
    cs_ui_test_iterate ();
  }

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  cs_ui_test_iterate_rounds (10);
  cs_ui_test_save_shot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                        "export-menu.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  cs_ui_test_close ((GtkWindow **) &window, &store);
}

/* The menu's way: export.export opens the file chooser with a default name; accepting it
 * writes the PDF in a worker thread. */
static void
test_export_from_action (void)
{
  CsStore *store = NULL;
  CsWindow *window = open_demo (&store);
  CsOffer *offer = cs_project_view_get_offer (cs_window_get_project_view (window));
  g_autofree char *dir = cs_ui_test_project_path ("exports");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *chooser;
  GtkWidget *offer_selector;

  g_assert_nonnull (offer);
  g_mkdir_with_parents (dir, 0700);

  /* the offer's own menu is there, named for screen readers */
  offer_selector = cs_project_view_get_offer_selector (cs_window_get_project_view (window));
  g_assert_nonnull (cs_ui_test_find_nth (offer_selector, GTK_TYPE_MENU_BUTTON, NULL, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "export.export", "(ss)",
                                             "reversibility", "offer"));
  cs_ui_test_iterate ();
  chooser = cs_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  /* the suggested name: client – provider – document – date; kept, in a folder of ours */
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_true (g_str_has_prefix (name, "Maison Verdier Distribution – "));
    g_assert_nonnull (strstr (name, " – Reversibility checklist – "));
    g_assert_true (g_str_has_suffix (name, ".pdf"));
    path = g_build_filename (dir, name, NULL);
  }
  file = g_file_new_for_path (dir);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL));
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);

  g_assert_true (cs_ui_test_wait_until (file_written, path));
  cs_ui_test_iterate_rounds (5);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Reversibility checklist"));
  assert_deliverables (store, offer, text);
  cs_ui_test_save_shot (GTK_WIDGET (window), "export-done.png");

  cs_ui_test_close ((GtkWindow **) &window, &store);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Result;

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *outcome = user_data;

  cs_export_to_file_finish (CS_WINDOW (source), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
result_done (gpointer data)
{
  return ((Result *) data)->done;
}

/* A cancelled export reports it and leaves no file; the project itself is never written over. */
static void
test_export_cancelled (void)
{
  CsStore *store = NULL;
  CsWindow *window = open_demo (&store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = cs_ui_test_project_path ("cancelled.xlsx");
  g_autofree char *project = g_strdup (cs_store_get_path (store));
  g_autofree char *hash = cs_test_file_sha256 (project);
  Result cancelled = { FALSE, NULL };
  Result itself = { FALSE, NULL };

  g_cancellable_cancel (cancellable);
  cs_export_to_file_async (window, CS_HANDOVER_REPORT, 0, CS_DOCUMENT_FORMAT_XLSX, path,
                           NULL, NULL, cancellable, on_exported_cb, &cancelled);
  g_assert_true (cs_ui_test_wait_until (result_done, &cancelled));
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&cancelled.error);

  cs_export_to_file_async (window, CS_HANDOVER_REPORT, 0, CS_DOCUMENT_FORMAT_PDF, project, NULL,
                           NULL, NULL, on_exported_cb, &itself);
  g_assert_true (cs_ui_test_wait_until (result_done, &itself));
  g_assert_error (itself.error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&itself.error);
  cs_test_assert_unchanged (project, hash);

  cs_ui_test_close ((GtkWindow **) &window, &store);
}

typedef struct
{
  GMutex        lock;
  GArray       *fractions;
  GCancellable *cancel_after;  /* cancelled past a third, when set */
} Fractions;

/* In the worker thread */
static void
on_fraction_cb (double   fraction,
                gpointer user_data)
{
  Fractions *seen = user_data;

  g_mutex_lock (&seen->lock);
  g_array_append_val (seen->fractions, fraction);
  g_mutex_unlock (&seen->lock);
  if (seen->cancel_after != NULL && fraction > 0.33)
    g_cancellable_cancel (seen->cancel_after);
}

/* The review report (its annex has a row per asset) reports fractions that grow up to 1;
 * cancelled midway, it leaves no file. */
static void
test_export_progress (void)
{
  CsStore *store = NULL;
  CsWindow *window = open_demo (&store);
  g_autofree char *path = cs_ui_test_project_path ("progress.pdf");
  g_autofree char *cancelled_path = cs_ui_test_project_path ("progress-cancelled.html");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Fractions seen = { .fractions = g_array_new (FALSE, FALSE, sizeof (double)) };
  Result done = { FALSE, NULL };
  Result cancelled = { FALSE, NULL };

  g_mutex_init (&seen.lock);
  cs_export_to_file_async (window, CS_HANDOVER_REPORT, 0, CS_DOCUMENT_FORMAT_PDF, path,
                           on_fraction_cb, &seen, NULL, on_exported_cb, &done);
  g_assert_true (cs_ui_test_wait_until (result_done, &done));
  g_assert_no_error (done.error);
  g_assert_cmpuint (seen.fractions->len, >, 5);
  for (guint i = 1; i < seen.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (seen.fractions, double, i), >,
                       g_array_index (seen.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen.fractions, double, seen.fractions->len - 1), ==, 1.0);

  g_array_set_size (seen.fractions, 0);
  seen.cancel_after = cancellable;
  cs_export_to_file_async (window, CS_HANDOVER_REPORT, 0, CS_DOCUMENT_FORMAT_HTML, cancelled_path,
                           on_fraction_cb, &seen, cancellable, on_exported_cb, &cancelled);
  g_assert_true (cs_ui_test_wait_until (result_done, &cancelled));
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
  g_assert_false (g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
  g_assert_cmpfloat (g_array_index (seen.fractions, double, seen.fractions->len - 1), <, 1.0);

  g_array_unref (seen.fractions);
  g_mutex_clear (&seen.lock);
  cs_ui_test_close ((GtkWindow **) &window, &store);
}

static void
assert_paper_setting (GSettings  *settings,
                      const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, "paper-size");

  g_assert_cmpstr (value, ==, expected);
}

static char *
exported_paper (CsWindow   *window,
                const char *name)
{
  CsOffer *offer = cs_project_view_get_offer (cs_window_get_project_view (window));
  g_autofree char *path = cs_ui_test_project_path (name);
  g_autofree char *info = NULL;
  Result done = { FALSE, NULL };
  const char *argv[] = { "pdfinfo", path, NULL };
  int status = 0;

  cs_export_to_file_async (window, CS_HANDOVER_REVERSIBILITY, cs_record_get_id (CS_RECORD (offer)),
                           CS_DOCUMENT_FORMAT_PDF, path, NULL, NULL, NULL, on_exported_cb, &done);
  g_assert_true (cs_ui_test_wait_until (result_done, &done));
  g_assert_no_error (done.error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &info, NULL, &status, NULL));
  return g_steal_pointer (&info);
}

/* The Preferences' paper size is kept in "paper-size" and used by the exports (the
 * reversibility checklist is landscape). */
static void
test_paper_preference (void)
{
  CsStore *store = NULL;
  CsWindow *window = open_demo (&store);
  GSettings *settings = cs_application_get_settings (app);
  CsPreferencesWindow *preferences = NULL;
  GtkWidget *row;
  g_autofree char *automatic = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *a4 = NULL;

  g_assert_nonnull (settings);
  assert_paper_setting (settings, "automatic");
  automatic = exported_paper (window, "automatic.pdf");
  g_assert_nonnull (strstr (automatic, cs_paper_size_for_locale () == CS_PAPER_LETTER
                                       ? "792 x 612 pts" : "841.89 x 595.276 pts (A4)"));

  /* chosen in the Preferences window */
  preferences = cs_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));
  cs_ui_test_iterate ();
  row = cs_ui_test_find_nth (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Paper Size", 0);
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  assert_paper_setting (settings, "letter");
  letter = exported_paper (window, "letter.pdf");
  g_assert_nonnull (strstr (letter, "792 x 612 pts"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  assert_paper_setting (settings, "a4");
  a4 = exported_paper (window, "a4.pdf");
  g_assert_nonnull (strstr (a4, "841.89 x 595.276 pts (A4)"));
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* a new Preferences window shows the setting */
  g_settings_set_string (settings, "paper-size", "letter");
  preferences = cs_preferences_window_new (settings);
  row = cs_ui_test_find_nth (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Paper Size", 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "paper-size");

  cs_ui_test_close ((GtkWindow **) &window, &store);
}

/* Printing draws with the PDF's painter: printed to a file, it holds the same text. */
static void
test_print_to_file (void)
{
  CsStore *store = NULL;
  CsWindow *window = open_demo (&store);
  CsOffer *offer = cs_project_view_get_offer (cs_window_get_project_view (window));
  g_autoptr(CsChecklist) checklist = NULL;
  g_autoptr(CsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = cs_ui_test_project_path ("printed.pdf");
  g_autofree char *text = NULL;

  checklist = cs_checklist_new_default (&error);
  g_assert_no_error (error);
  doc = cs_handover_build_reversibility (store, checklist, NULL, cs_record_get_id (CS_RECORD (offer)),
                                         "en", NULL, &error);
  g_assert_no_error (error);
  cs_export_print_document (GTK_WINDOW (window), doc, printed);
  cs_ui_test_iterate ();

  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "Reversibility checklist"));
  g_assert_nonnull (strstr (text, "Page 1"));
  assert_deliverables (store, offer, text);

  cs_ui_test_close ((GtkWindow **) &window, &store);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  app = g_object_new (CS_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  /* First: the file chooser's recent manager keeps the data folder of the first test. */
  g_test_add_func ("/ui/export/from-action", test_export_from_action);
  g_test_add_func ("/ui/export/print-to-file", test_print_to_file);
  g_test_add_func ("/ui/export/cancelled", test_export_cancelled);
  g_test_add_func ("/ui/export/paper-preference", test_paper_preference);
  g_test_add_func ("/ui/export/progress", test_export_progress);
  g_test_add_func ("/ui/export/menu", test_export_menu);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
