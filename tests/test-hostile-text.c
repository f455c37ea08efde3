/* test-hostile-text.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * User text is never markup (issue 13, item 7): every text column of a demo project is set to
 * a string that is invalid markup, then every section page is shown for every offer. A label
 * that took the text as markup would log a GTK warning, fatal in the tests
 * (G_DEBUG=fatal-warnings).
 */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "cs-demo.h"
#include "cs-project-view.h"
#include "cs-review-state.h"
#include "cs-ui-test-utils.h"

static const char hostile[] = "R&D <b>x</b> <i>";

/* Columns that are identifiers or codes, not text a user sees or types. */
static const char * const not_text[] = {
  "key", "signature", "mapping", "control", "kind", "category", "currency", "language",
  "item_id", "rule_id", "section", "state", "roles", "area", NULL
};

/* Sets every text column of every row to @hostile, column by column (a CHECK may refuse). */
static guint
make_hostile (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *columns = NULL;
  guint n_columns = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.name, p.name FROM sqlite_schema m, "
                                       "pragma_table_info(m.name) p "
                                       "WHERE m.type = 'table' AND p.type = 'TEXT'",
                                       -1, &columns, NULL), ==, SQLITE_OK);
  while (sqlite3_step (columns) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (columns, 0);
      const char *column = (const char *) sqlite3_column_text (columns, 1);
      sqlite3_stmt *update = NULL;
      char *sql = NULL;

      if (g_strv_contains (not_text, column))
        continue;
      sql = sqlite3_mprintf ("UPDATE \"%w\" SET \"%w\" = ?1", table, column);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &update, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (update, 1, hostile, -1, SQLITE_STATIC);
      if (sqlite3_step (update) == SQLITE_DONE)
        n_columns++;
      sqlite3_finalize (update);
      sqlite3_free (sql);
    }
  sqlite3_finalize (columns);
  sqlite3_close (db);

  return n_columns;
}

static void
test_hostile_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("hostile.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autoptr(CsReviewState) review_state = NULL;
  GListModel *offers = NULL;
  guint n_columns;

  g_assert_no_error (error);
  cs_store_close (store);
  g_clear_object (&store);
  n_columns = make_hostile (path);
  g_test_message ("%u text columns set to “%s”", n_columns, hostile);
  g_assert_cmpuint (n_columns, >, 20);

  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  review_state = cs_review_state_new (store);
  offers = cs_store_get_offers (store);
  g_assert_cmpuint (g_list_model_get_n_items (offers), >, 0);

  for (CsSection section = CS_SECTION_PERIMETER; section < CS_N_SECTIONS; section++)
    {
      GtkWidget *page = cs_project_view_create_page (section, review_state);
      GtkWidget *window = cs_ui_test_present (page, 1280, 900);

      g_test_message ("section %s", cs_section_get_id (section));
      cs_ui_test_iterate_rounds (3);
      for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
        {
          g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);

          g_object_set (page, "offer", offer, NULL);
          cs_ui_test_iterate_rounds (3);
        }
      gtk_window_destroy (GTK_WINDOW (window));
      cs_ui_test_iterate_rounds (2);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/hostile-text/every-page", test_hostile_text);

  return g_test_run ();
}
