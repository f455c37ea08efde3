/* test-section-pages.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "cs-choice-row.h"
#include "cs-demo.h"
#include "cs-exit-page.h"
#include "cs-field-editor.h"
#include "cs-flags-group.h"
#include "cs-number-row.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-sections.h"
#include "cs-security-page.h"
#include "cs-subcontracting-page.h"
#include "cs-terms-page.h"
#include "cs-tristate-row.h"
#include "cs-ui-test-utils.h"

/* The Security & Access, Subcontracting, Exit and Terms & GDPR pages: each builds on the demo
 * project, values edited through its widgets reach the project file (checked by opening the
 * file again), and lists can be added to, reordered, deleted from and restored. */

typedef struct
{
  char      *path;
  CsStore   *store;
  GtkWindow *window;
  GtkWidget *page;
} Fixture;

static CsOffer *
get_offer (CsStore    *store,
           const char *provider)
{
  GListModel *offers = cs_store_get_offers (store);

  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);

      if (g_str_has_prefix (cs_offer_get_provider (offer), provider))
        return offer;
    }

  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  CsSection section = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;

  fixture->path = g_build_filename (g_get_user_data_dir (), "demo.contractscope", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  fixture->store = cs_demo_create (fixture->path, &error);
  g_assert_no_error (error);

  fixture->page = cs_ui_test_new_page (section, fixture->store);
  fixture->window = GTK_WINDOW (cs_ui_test_present (fixture->page, 1000, 760));
  cs_ui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_ui_test_close (&fixture->window, &fixture->store);
  g_free (fixture->path);
}

/* Closes the window and the project, and opens the file again. */
static CsStore *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CsStore *store;

  cs_ui_test_close (&fixture->window, &fixture->store);

  store = cs_store_open (fixture->path, CS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  return store;
}

static GtkWidget *
find_field_row (GtkWidget  *page,
                const char *table,
                gint64      record_id,
                const char *field)
{
  GtkWidget *row = cs_field_editors_find (page, table, record_id, field);

  g_assert_nonnull (row);
  g_assert_true (CS_IS_FIELD_EDITOR (row));
  g_assert_true (gtk_widget_is_sensitive (row));

  return row;
}

/* Types @text into the editor @row and presses Enter, as a user would. */
static void
type_and_enter (GtkWidget  *row,
                const char *text)
{
  GtkEditable *editable = CS_IS_NUMBER_ROW (row)
                          ? GTK_EDITABLE (cs_number_row_get_spin_button (CS_NUMBER_ROW (row)))
                          : GTK_EDITABLE (row);
  GtkEditable *delegate = gtk_editable_get_delegate (editable);

  gtk_editable_set_text (editable, text);
  g_assert_true (GTK_IS_TEXT (delegate));
  /* What Enter does (gtk_widget_activate() refuses an unfocused GtkText). */
  g_signal_emit_by_name (delegate, "activate");
  cs_ui_test_iterate ();
}

/* The text the number row @row shows. */
static const char *
number_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (cs_number_row_get_spin_button (CS_NUMBER_ROW
                                                                             (row))));
}

static CsRecord *
find_control (CsStore    *store,
              CsOffer    *offer,
              const char *key)
{
  GListModel *controls = cs_store_list (store, CS_TYPE_SECURITY_CONTROL,
                                        cs_record_get_id (CS_RECORD (offer)));

  for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
    {
      g_autoptr(CsRecord) control = g_list_model_get_item (controls, i);

      if (g_str_equal (cs_record_get_string (control, "control"), key))
        return control;
    }

  g_assert_not_reached ();
}

/* The flags the page shows with @code. */
static guint
count_shown_flags (GtkWidget  *page,
                   const char *code)
{
  CsFlagsGroup *group = cs_ui_test_find_descendant (page, CS_TYPE_FLAGS_GROUP);
  GPtrArray *flags;
  guint n = 0;

  g_assert_nonnull (group);
  flags = cs_flags_group_get_flags (group);
  for (guint i = 0; flags != NULL && i < flags->len; i++)
    if (g_str_equal (((CsFlag *) g_ptr_array_index (flags, i))->code, code))
      n++;

  return n;
}

static guint
count_flags (CsStore    *store,
             CsSection   section,
             CsOffer    *offer,
             const char *code)
{
  g_autoptr(GPtrArray) flags = cs_section_get_flags (store, section,
                                                     cs_record_get_id (CS_RECORD (offer)), NULL);
  guint n = 0;

  for (guint i = 0; i < flags->len; i++)
    if (g_str_equal (((CsFlag *) g_ptr_array_index (flags, i))->code, code))
      n++;

  return n;
}

/* The status of the point to check @code, or -1 when the section has none. */
static int
flag_status (CsStore    *store,
             CsSection   section,
             CsOffer    *offer,
             const char *code)
{
  g_autoptr(GPtrArray) flags = cs_section_get_flags (store, section,
                                                     cs_record_get_id (CS_RECORD (offer)), NULL);

  for (guint i = 0; i < flags->len; i++)
    if (g_str_equal (((CsFlag *) g_ptr_array_index (flags, i))->code, code))
      return ((CsFlag *) g_ptr_array_index (flags, i))->status;

  return -1;
}

static void
test_security (Fixture       *fixture,
               gconstpointer  data)
{
  CsOffer *offer = get_offer (fixture->store, "Kerveo");
  gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
  CsRecord *mfa = find_control (fixture->store, offer, "mfa-provider-access");
  gint64 mfa_id = cs_record_get_id (mfa);
  g_autoptr(CsStore) store = NULL;
  CsRecord *control;
  GtkWidget *focus;

  cs_section_page_set_offer (CS_SECTION_PAGE (fixture->page), offer);
  cs_ui_test_iterate ();
  g_assert_cmpstr (cs_record_get_string (mfa, "status"), ==, "absent");

  /* The flag "MFA … explicitly not provided" leads to the status drop-down of that control. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (fixture->page),
                                                 "security_control", mfa_id, "status"));
  cs_ui_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN));
  /* The user picks "Committed" (the second choice after "Not stated"). */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN)),
                              1);
  cs_ui_test_iterate ();
  g_assert_cmpstr (cs_record_get_string (mfa, "status"), ==, "committed");

  /* The proof method, typed in the expanded row. */
  type_and_enter (find_field_row (fixture->page, "security_control", mfa_id, "proof"),
                  "Conditional-access report & quarterly review");
  g_assert_cmpstr (cs_record_get_string (mfa, "proof"), ==,
                   "Conditional-access report & quarterly review");

  store = reopen (fixture);
  control = find_control (store, get_offer (store, "Kerveo"), "mfa-provider-access");
  g_assert_cmpstr (cs_record_get_string (control, "status"), ==, "committed");
  g_assert_cmpstr (cs_record_get_string (control, "proof"), ==,
                   "Conditional-access report & quarterly review");
  g_assert_cmpint (cs_record_get_parent_id (control), ==, offer_id);
  cs_store_close (store);
}

static void
test_subcontracting (Fixture       *fixture,
                     gconstpointer  data)
{
  CsOffer *offer = get_offer (fixture->store, "Kerveo");
  gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
  CsRecord *terms = cs_store_get_section (fixture->store, CS_TYPE_SUBCONTRACTING, offer_id);
  GListModel *subcontractors = cs_store_list (fixture->store, CS_TYPE_SUBCONTRACTOR, offer_id);
  g_autoptr(CsRecord) added = NULL;
  g_autoptr(CsRecord) first = NULL;
  g_autoptr(CsStore) store = NULL;
  GtkWidget *choice;
  GtkWidget *notice;
  gint64 added_id;

  cs_section_page_set_offer (CS_SECTION_PAGE (fixture->page), offer);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (subcontractors), ==, 2);

  /* A point about the list as a whole leads to its first subcontractor, adding none. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (fixture->page), "subcontracting",
                                               0, NULL));
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (subcontractors), ==, 2);

  /* A yes/no/not stated answer through its buttons. */
  choice = cs_field_editors_find (fixture->page, "subcontracting", 0, "right_to_object");
  g_assert_true (CS_IS_TRISTATE_ROW (choice));
  g_assert_cmpstr (cs_tristate_row_get_value (CS_TRISTATE_ROW (choice)), ==, "no");
  g_assert_true (cs_tristate_row_set_value (CS_TRISTATE_ROW (choice), "yes"));
  cs_ui_test_iterate ();
  g_assert_cmpstr (cs_record_get_string (terms, "right_to_object"), ==, "yes");

  /* A number with its unit; text that is not a number is refused and the row goes back. */
  notice = find_field_row (fixture->page, "subcontracting", 0, "notice_days");
  g_assert_cmpstr (cs_number_row_get_unit (CS_NUMBER_ROW (notice)), ==, "days");
  /* Not stated reads "—", apart from any number. */
  g_assert_cmpstr (number_text (notice), ==, "—");
  type_and_enter (notice, "thirty");
  g_assert_true (isnan (cs_record_get_number (terms, "notice_days")));
  g_assert_cmpstr (number_text (notice), ==, "—");
  type_and_enter (notice, "30");
  g_assert_cmpfloat (cs_record_get_number (terms, "notice_days"), ==, 30);

  /* Add a subcontractor, name it, move it up to the top. */
  gtk_widget_activate_action (fixture->page, "subcontractors.add", NULL);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (subcontractors), ==, 3);
  added = g_list_model_get_item (subcontractors, 2);
  added_id = cs_record_get_id (added);
  type_and_enter (find_field_row (fixture->page, "subcontractor", added_id, "name"),
                  "Stockage Ouest");
  g_assert_cmpstr (cs_record_get_string (added, "name"), ==, "Stockage Ouest");
  gtk_widget_activate_action (fixture->page, "subcontractors.move-up", "x", added_id);
  gtk_widget_activate_action (fixture->page, "subcontractors.move-up", "x", added_id);
  gtk_widget_activate_action (fixture->page, "subcontractors.move-up", "x", added_id);
  cs_ui_test_iterate ();

  /* Delete the first one, then Undo. */
  first = g_list_model_get_item (subcontractors, 0);
  gtk_widget_activate_action (fixture->page, "subcontractors.delete", "x",
                              cs_record_get_id (first));
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (subcontractors), ==, 2);
  g_assert_true (cs_store_undo (fixture->store, NULL));
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (subcontractors), ==, 3);

  store = reopen (fixture);
  offer = get_offer (store, "Kerveo");
  terms = cs_store_get_section (store, CS_TYPE_SUBCONTRACTING, offer_id);
  g_assert_cmpstr (cs_record_get_string (terms, "right_to_object"), ==, "yes");
  g_assert_cmpfloat (cs_record_get_number (terms, "notice_days"), ==, 30);
  {
    GListModel *list = cs_store_list (store, CS_TYPE_SUBCONTRACTOR, offer_id);
    gint64 lowest = G_MAXINT64;
    const char *top = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
    /* The new one holds the smallest position: it is first in the file's order. */
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(CsRecord) record = g_list_model_get_item (list, i);

        if (cs_record_get_int (record, "position") < lowest)
          {
            lowest = cs_record_get_int (record, "position");
            top = cs_record_get_string (record, "name");
          }
      }
    g_assert_cmpstr (top, ==, "Stockage Ouest");
  }
  cs_store_close (store);
}

static void
test_exit (Fixture       *fixture,
           gconstpointer  data)
{
  CsOffer *offer = get_offer (fixture->store, "Kerveo");
  gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
  CsRecord *terms = cs_store_get_section (fixture->store, CS_TYPE_EXIT_TERMS, offer_id);
  GListModel *deliverables = cs_store_list (fixture->store, CS_TYPE_EXIT_DELIVERABLE, offer_id);
  const char * const *standard = cs_exit_standard_items ();
  g_autoptr(CsRecord) first = NULL;
  g_autoptr(CsStore) store = NULL;
  GtkWidget *transition;

  cs_section_page_set_offer (CS_SECTION_PAGE (fixture->page), offer);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (deliverables), ==, 0);
  /* EXT-05 (credentials handed back): no deliverable at all, so missing. */
  g_assert_cmpuint (count_flags (fixture->store, CS_SECTION_EXIT, offer, "EXT-05"), ==, 1);
  g_assert_cmpint (flag_status (fixture->store, CS_SECTION_EXIT, offer, "EXT-05"), ==,
                   CS_ITEM_MISSING);

  /* The flag "no deliverable" leads to the button that adds the standard ones. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (fixture->page),
                                                 "exit_deliverable", 0, NULL));
  gtk_widget_activate_action (fixture->page, "deliverables.add-standard", NULL);
  cs_ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (deliverables), ==,
                    g_strv_length ((char **) standard));
  /* Listed, but still without a format and a deadline: partial. */
  g_assert_cmpint (flag_status (fixture->store, CS_SECTION_EXIT, offer, "EXT-05"), ==,
                   CS_ITEM_PARTIAL);

  /* A deliverable's deadline and format, then a term of the exit. */
  first = g_list_model_get_item (deliverables, 0);
  type_and_enter (find_field_row (fixture->page, "exit_deliverable",
                                  cs_record_get_id (first), "deadline_days"), "15");
  type_and_enter (find_field_row (fixture->page, "exit_deliverable",
                                  cs_record_get_id (first), "format"), "KeePass export");
  transition = find_field_row (fixture->page, "exit_terms", 0, "transition_days");
  type_and_enter (transition, "45,5");
  g_assert_cmpfloat (cs_record_get_number (terms, "transition_days"), ==, 45.5);
  g_assert_true (cs_choice_row_set_value (CS_CHOICE_ROW (cs_field_editors_find (fixture->page,
                                                                            "exit_terms", 0,
                                                                            "assistance_mode")),
                                          "rate_card"));
  cs_ui_test_iterate ();

  store = reopen (fixture);
  terms = cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id);
  g_assert_cmpfloat (cs_record_get_number (terms, "transition_days"), ==, 45.5);
  g_assert_cmpstr (cs_record_get_string (terms, "assistance_mode"), ==, "rate_card");
  {
    GListModel *list = cs_store_list (store, CS_TYPE_EXIT_DELIVERABLE, offer_id);
    g_autoptr(CsRecord) item = g_list_model_get_item (list, 0);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_strv_length ((char **) standard));
    g_assert_cmpstr (cs_record_get_string (item, "item"), ==, standard[0]);
    g_assert_cmpfloat (cs_record_get_number (item, "deadline_days"), ==, 15);
    g_assert_cmpstr (cs_record_get_string (item, "format"), ==, "KeePass export");
  }
  cs_store_close (store);
}

static void
test_terms (Fixture       *fixture,
            gconstpointer  data)
{
  CsOffer *offer = get_offer (fixture->store, "Rhône");
  gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
  CsRecord *terms = cs_store_get_section (fixture->store, CS_TYPE_TERMS, offer_id);
  g_autoptr(CsStore) store = NULL;
  GtkWidget *breach;
  GtkWidget *focus;

  cs_section_page_set_offer (CS_SECTION_PAGE (fixture->page), offer);
  cs_ui_test_iterate ();
  cs_ui_test_save_shot (GTK_WIDGET (fixture->window), "terms-page.png");
  g_assert_cmpuint (count_flags (fixture->store, CS_SECTION_TERMS, offer, "GDP-09"),
                    ==, 1);
  g_assert_cmpuint (count_shown_flags (fixture->page, "GDP-09"), ==, 1);

  /* The flag leads to the breach-notification field, which says its unit. */
  g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (fixture->page), "terms",
                                                 cs_record_get_id (terms),
                                                 "breach_notification_hours"));
  cs_ui_test_iterate ();
  breach = find_field_row (fixture->page, "terms", 0, "breach_notification_hours");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && (focus == GTK_WIDGET (breach) ||
                                   gtk_widget_is_ancestor (focus, GTK_WIDGET (breach))));
  g_assert_cmpstr (cs_number_row_get_unit (CS_NUMBER_ROW (breach)), ==, "hours");
  type_and_enter (breach, "24");
  g_assert_cmpfloat (cs_record_get_number (terms, "breach_notification_hours"), ==, 24);
  g_assert_cmpuint (count_flags (fixture->store, CS_SECTION_TERMS, offer, "GDP-09"),
                    ==, 0);
  /* The page's points to check follow the change. */
  g_assert_cmpuint (count_shown_flags (fixture->page, "GDP-09"), ==, 0);

  /* The offer's prices are edited here too, in the project's currency. */
  {
    GtkWidget *recurring = find_field_row (fixture->page, "offer", 0, "price_recurring");

    /* Its unit as prices read: the currency's symbol, then what the price is per. */
    g_assert_cmpstr (cs_number_row_get_unit (CS_NUMBER_ROW (recurring)), ==, "€ per month");
    type_and_enter (recurring, "7450");
    g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_recurring"), ==, 7450);
    g_assert_true (cs_choice_row_set_value (CS_CHOICE_ROW (find_field_row (fixture->page, "offer",
                                                                           0, "price_period")),
                                            "quarter"));
    cs_ui_test_iterate ();
    g_assert_cmpstr (cs_record_get_string (CS_RECORD (offer), "price_period"), ==, "quarter");
    g_assert_cmpstr (cs_number_row_get_unit (CS_NUMBER_ROW (recurring)), ==, "€ per quarter");
  }

  /* The renewal mode, and a date. */
  g_assert_true (cs_choice_row_set_value (CS_CHOICE_ROW (cs_field_editors_find (fixture->page,
                                                                            "terms", 0,
                                                                            "renewal_mode")),
                                          "express"));
  cs_ui_test_iterate ();
  type_and_enter (find_field_row (fixture->page, "terms", 0, "start_date"), "2022-01-01");
  g_assert_cmpstr (cs_record_get_string (terms, "start_date"), ==, "2022-01-01");
  /* A date the store refuses leaves the value as it was. */
  type_and_enter (find_field_row (fixture->page, "terms", 0, "start_date"), "next spring");
  g_assert_cmpstr (cs_record_get_string (terms, "start_date"), ==, "2022-01-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_field_row (fixture->page, "terms", 0,
                                                                        "start_date"))),
                   ==, "2022-01-01");

  store = reopen (fixture);
  terms = cs_store_get_section (store, CS_TYPE_TERMS, offer_id);
  g_assert_cmpfloat (cs_record_get_number (terms, "breach_notification_hours"), ==, 24);
  g_assert_cmpstr (cs_record_get_string (terms, "renewal_mode"), ==, "express");
  g_assert_cmpstr (cs_record_get_string (terms, "start_date"), ==, "2022-01-01");
  cs_store_close (store);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  CsOffer *offer;
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *row;

  cs_ui_test_close (&fixture->window, &fixture->store);

  store = cs_store_open (fixture->path, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  offer = get_offer (store, "Altimance");

  for (CsSection section = CS_SECTION_SECURITY; section <= CS_SECTION_TERMS; section++)
    {
      page = cs_ui_test_new_page (section, store);
      window = gtk_window_new ();
      gtk_window_set_child (GTK_WINDOW (window), page);
      cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
      gtk_window_present (GTK_WINDOW (window));
      cs_ui_test_iterate ();

      row = cs_field_editors_find (page, NULL, 0, "reference");
      g_assert_nonnull (row);
      g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (row)));
      gtk_window_destroy (GTK_WINDOW (window));
      cs_ui_test_iterate ();
    }

  cs_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/section-pages/security", Fixture, GUINT_TO_POINTER (CS_SECTION_SECURITY),
              fixture_set_up, test_security, fixture_tear_down);
  g_test_add ("/ui/section-pages/subcontracting", Fixture,
              GUINT_TO_POINTER (CS_SECTION_SUBCONTRACTING),
              fixture_set_up, test_subcontracting, fixture_tear_down);
  g_test_add ("/ui/section-pages/exit", Fixture, GUINT_TO_POINTER (CS_SECTION_EXIT),
              fixture_set_up, test_exit, fixture_tear_down);
  g_test_add ("/ui/section-pages/terms", Fixture, GUINT_TO_POINTER (CS_SECTION_TERMS),
              fixture_set_up, test_terms, fixture_tear_down);
  g_test_add ("/ui/section-pages/read-only", Fixture, GUINT_TO_POINTER (CS_SECTION_TERMS),
              fixture_set_up, test_read_only, fixture_tear_down);

  return g_test_run ();
}
