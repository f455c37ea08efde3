/* test-section-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cs-clause-editor.h"
#include "cs-demo.h"
#include "cs-flags-group.h"
#include "cs-labels.h"
#include "cs-project-view.h"
#include "cs-section-page.h"
#include "cs-sections.h"
#include "cs-ui-test-utils.h"

/* The shell every section page derives from (CsSectionPage), tested once for all of them: the
 * state without an offer, following the offer (points to check, wording, heading), and the
 * note of a read-only project. The pages' own content is tested in their own files. */

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_add_offer_button (GtkWidget *page)
{
  AdwStatusPage *status = cs_ui_test_find_descendant (page, ADW_TYPE_STATUS_PAGE);

  g_assert_nonnull (status);
  return adw_status_page_get_child (status);
}

static gboolean
is_form (GtkWidget *page)
{
  return CS_SECTION_PAGE_GET_CLASS (page)->layout == CS_SECTION_PAGE_LAYOUT_FORM;
}

static void
on_add_offer_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_section_page_no_offer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("empty.contractscope");
  g_autoptr(CsStore) store = cs_store_create (path, "Empty", &error);
  g_autoptr(CsOffer) offer = NULL;
  guint n_forms = 0;
  guint n_add_offer = 0;
  GActionEntry entries[] = { { "add-offer", on_add_offer_cb, NULL, NULL, NULL } };
  g_autoptr(GSimpleActionGroup) project = g_simple_action_group_new ();

  g_assert_no_error (error);
  /* What the project view provides: the button is sensitive only with the action. */
  g_action_map_add_action_entries (G_ACTION_MAP (project), entries, G_N_ELEMENTS (entries),
                                   &n_add_offer);

  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      GtkWidget *page = cs_ui_test_new_page (section, store);
      GtkWidget *window = cs_ui_test_present (page, 900, 700);
      AdwStatusPage *status;
      GtkWidget *button;

      gtk_widget_insert_action_group (window, "project", G_ACTION_GROUP (project));
      cs_ui_test_iterate_rounds (3);
      g_assert_cmpint (cs_section_page_get_section (CS_SECTION_PAGE (page)), ==, section);
      g_assert_null (cs_section_page_get_offer (CS_SECTION_PAGE (page)));
      if (!is_form (page))
        {
          gtk_window_destroy (GTK_WINDOW (window));
          continue;
        }
      n_forms++;

      /* A status page named after the section, offering to add the first offer. */
      status = cs_ui_test_find_descendant (page, ADW_TYPE_STATUS_PAGE);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
      g_assert_cmpstr (adw_status_page_get_title (status), ==, cs_section_get_title (section));
      g_assert_nonnull (adw_status_page_get_description (status));
      button = find_add_offer_button (page);
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_false (gtk_widget_get_mapped (cs_section_page_get_flags_group (CS_SECTION_PAGE
                                                                                (page))));

      /* Any finding's target leads to Add Offer. */
      g_assert_true (cs_section_page_focus_target (CS_SECTION_PAGE (page), "terms", 0, NULL));
      cs_ui_test_iterate ();
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button ||
                     gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), button));
      g_signal_emit_by_name (button, "clicked");
      g_assert_cmpuint (n_add_offer, ==, n_forms);

      gtk_window_destroy (GTK_WINDOW (window));
      cs_ui_test_iterate ();
    }
  /* The seven sections and the exclusions. */
  g_assert_cmpuint (n_forms, ==, 8);

  /* Once the project has an offer, the page asks to choose one instead. */
  {
    GtkWidget *page = cs_ui_test_new_page (CS_SECTION_SECURITY, store);
    GtkWidget *window = cs_ui_test_present (page, 900, 700);

    cs_ui_test_iterate ();
    offer = g_object_new (CS_TYPE_OFFER, "provider", "Kerveo", "kind", "proposal", NULL);
    g_assert_true (cs_store_add (store, CS_RECORD (offer), &error));
    g_assert_no_error (error);
    cs_ui_test_iterate_rounds (3);
    g_assert_false (gtk_widget_get_visible (find_add_offer_button (page)));
    g_assert_true (gtk_widget_get_mapped (cs_ui_test_find_descendant (page,
                                                                      ADW_TYPE_STATUS_PAGE)));
    gtk_window_destroy (GTK_WINDOW (window));
    cs_ui_test_iterate ();
  }

  cs_store_close (store);
}

static CsOffer *
get_offer (CsStore *store,
           guint    position)
{
  g_autoptr(CsOffer) offer = g_list_model_get_item (cs_store_get_offers (store), position);

  /* The store's list keeps it alive. */
  return offer;
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The points to check the shell shows are those of the one core call for the section. */
static void
assert_flags_of (GtkWidget *page,
                 CsStore   *store,
                 CsOffer   *offer)
{
  CsFlagsGroup *group = CS_FLAGS_GROUP (cs_section_page_get_flags_group (CS_SECTION_PAGE (page)));
  g_autoptr(GPtrArray) flags = cs_section_get_flags (store, CS_SECTION_SLA,
                                                     cs_record_get_id (CS_RECORD (offer)), NULL);

  g_assert_cmpuint (cs_flags_group_get_n_flags (group), ==, flags->len);
  for (guint i = 0; i < flags->len; i++)
    g_assert_cmpstr (((CsFlag *) g_ptr_array_index (cs_flags_group_get_flags (group), i))->code,
                     ==, ((CsFlag *) g_ptr_array_index (flags, i))->code);
}

static void
test_section_page_offer_switch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("switch.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  g_autofree char *heading = NULL;
  CsOffer *first;
  CsOffer *second;
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *clause_editor;
  guint n_notify = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_get_offers (store)), >=, 2);
  first = get_offer (store, 0);
  second = get_offer (store, 1);

  page = cs_ui_test_new_page (CS_SECTION_SLA, store);
  window = cs_ui_test_present (page, 1000, 760);
  g_signal_connect (page, "notify::offer", G_CALLBACK (on_notify_cb), &n_notify);
  clause_editor = cs_section_page_get_clause_editor (CS_SECTION_PAGE (page));
  g_assert_true (CS_IS_CLAUSE_EDITOR (clause_editor));

  cs_section_page_set_offer (CS_SECTION_PAGE (page), first);
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_false (gtk_widget_get_mapped (cs_ui_test_find_descendant (page,
                                                                     ADW_TYPE_STATUS_PAGE)));
  g_assert_true (gtk_widget_get_mapped (clause_editor));
  g_assert_true (cs_clause_editor_get_offer (CS_CLAUSE_EDITOR (clause_editor)) == first);
  assert_flags_of (page, store, first);
  /* The heading every section page has: the section, then the offer. */
  heading = g_strdup_printf ("%s — %s", cs_offer_get_provider (first),
                             cs_offer_kind_get_label (cs_offer_get_kind (first)));
  g_assert_true (gtk_widget_get_mapped (find_label (page, heading)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (find_label (page, heading)))),
                   ==, "SLA");

  /* Setting the same offer again changes nothing. */
  cs_section_page_set_offer (CS_SECTION_PAGE (page), first);
  g_assert_cmpuint (n_notify, ==, 1);

  cs_section_page_set_offer (CS_SECTION_PAGE (page), second);
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_true (cs_clause_editor_get_offer (CS_CLAUSE_EDITOR (clause_editor)) == second);
  assert_flags_of (page, store, second);

  /* The heading follows the provider's name; a name is text, not markup. */
  g_assert_true (cs_store_set_string (store, CS_RECORD (second), "provider", "R&D <b>x</b>",
                                      &error));
  g_assert_no_error (error);
  cs_ui_test_iterate_rounds (3);
  g_clear_pointer (&heading, g_free);
  heading = g_strdup_printf ("R&D <b>x</b> — %s",
                             cs_offer_kind_get_label (cs_offer_get_kind (second)));
  g_assert_nonnull (find_label (page, heading));

  cs_section_page_set_offer (CS_SECTION_PAGE (page), NULL);
  cs_ui_test_iterate_rounds (3);
  g_assert_cmpuint (n_notify, ==, 3);
  g_assert_true (gtk_widget_get_mapped (cs_ui_test_find_descendant (page,
                                                                    ADW_TYPE_STATUS_PAGE)));
  g_assert_null (cs_clause_editor_get_offer (CS_CLAUSE_EDITOR (clause_editor)));

  gtk_window_destroy (GTK_WINDOW (window));
  cs_ui_test_iterate ();
  cs_store_close (store);
}

static void
test_section_page_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cs_ui_test_project_path ("read-only.contractscope");
  g_autoptr(CsStore) store = cs_demo_create (path, &error);
  const char *note = _("This project is open read-only: it can be read but not changed.");

  g_assert_no_error (error);

  for (guint round = 0; round < 2; round++)
    {
      gboolean read_only = round == 1;
      GtkWidget *page;
      GtkWidget *window;
      GtkWidget *label;

      if (read_only)
        {
          cs_store_close (store);
          g_clear_object (&store);
          store = cs_store_open (path, CS_STORE_OPEN_READ_ONLY, &error);
          g_assert_no_error (error);
        }

      page = cs_ui_test_new_page (CS_SECTION_EXIT, store);
      window = cs_ui_test_present (page, 1000, 760);
      cs_section_page_set_offer (CS_SECTION_PAGE (page), get_offer (store, 0));
      cs_ui_test_iterate_rounds (3);

      g_assert_true (cs_section_page_is_writable (CS_SECTION_PAGE (page)) == !read_only);
      label = find_label (page, note);
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_mapped (label) == read_only);

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

  g_test_add_func ("/ui/section-page/no-offer", test_section_page_no_offer);
  g_test_add_func ("/ui/section-page/offer-switch", test_section_page_offer_switch);
  g_test_add_func ("/ui/section-page/read-only", test_section_page_read_only);

  return g_test_run ();
}
