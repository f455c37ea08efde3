/* test-dialog-helpers.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* cs_file_chooser_run(): the file chooser flow every "choose a file" action shares. The
 * chooser is answered as the user would answer it (its "response" signal); what was chosen
 * reaches the callback, nothing does on Cancel, and the caller's data is freed either way. */

#include "config.h"

#include "cs-dialog-helpers.h"
#include "cs-ui-test-utils.h"

typedef struct
{
  GtkWindow *parent;
  GFile     *chosen;
  guint      n_chosen;
  guint      n_destroyed;
} Run;

static void
chosen_cb (GFile     *file,
           GtkWindow *parent,
           gpointer   user_data)
{
  Run *run = user_data;

  g_assert_true (parent == run->parent);
  g_set_object (&run->chosen, file);
  run->n_chosen++;
}

static void
destroyed_cb (gpointer user_data)
{
  Run *run = user_data;

  run->n_destroyed++;
}

static void
answer (Run        *run,
        int         response,
        const char *expected_path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_user_data_dir ());
  GtkFileChooserNative *chooser = cs_file_chooser_new (run->parent, "Save",
                                                       GTK_FILE_CHOOSER_ACTION_SAVE, "_Save");

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "copy.contractscope");
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);

  cs_file_chooser_run (chooser, chosen_cb, run, destroyed_cb);
  cs_ui_test_iterate ();
  g_assert_cmpuint (run->n_destroyed, ==, 0);

  g_signal_emit_by_name (chooser, "response", response);
  cs_ui_test_iterate ();

  /* Answered: the chooser is gone and the data freed, whatever the answer. */
  g_assert_null (chooser);
  g_assert_cmpuint (run->n_destroyed, ==, 1);

  if (expected_path != NULL)
    {
      g_autofree char *path = NULL;

      g_assert_cmpuint (run->n_chosen, ==, 1);
      path = g_file_get_path (run->chosen);
      g_assert_cmpstr (path, ==, expected_path);
    }
  else
    {
      g_assert_cmpuint (run->n_chosen, ==, 0);
    }
}

static void
test_file_chooser_run_accept (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "copy.contractscope",
                                                NULL);
  Run run = { 0, };

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  run.parent = GTK_WINDOW (gtk_window_new ());
  answer (&run, GTK_RESPONSE_ACCEPT, expected);

  g_clear_object (&run.chosen);
  gtk_window_destroy (run.parent);
}

static void
test_file_chooser_run_cancel (void)
{
  Run run = { 0, };

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  run.parent = GTK_WINDOW (gtk_window_new ());
  answer (&run, GTK_RESPONSE_CANCEL, NULL);

  gtk_window_destroy (run.parent);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/dialog-helpers/file-chooser-run/accept", test_file_chooser_run_accept);
  g_test_add_func ("/ui/dialog-helpers/file-chooser-run/cancel", test_file_chooser_run_cancel);

  return g_test_run ();
}
