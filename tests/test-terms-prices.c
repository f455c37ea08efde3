/* test-terms-prices.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cs-demo.h"
#include "cs-field-editor.h"
#include "cs-i18n.h"
#include "cs-labels.h"
#include "cs-number-row.h"
#include "cs-section-page.h"
#include "cs-sections.h"
#include "cs-ui-test-utils.h"

/* The prices of the Terms page follow the interface's language (run in English and in
 * French, as LANGUAGE sets it): the amount in its number format, the price in full under it
 * ("720,00 € par jour"), and amounts typed in either format read back. */

static gboolean french;

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
  g_signal_emit_by_name (delegate, "activate");
  cs_ui_test_iterate ();
}

static const char *
shown_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (cs_number_row_get_spin_button (CS_NUMBER_ROW (row))));
}

static void
test_terms_prices (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "prices.contractscope", NULL);
  g_autoptr(GError) error = NULL;
  CsStore *store;
  GtkWindow *window;
  GtkWidget *page;
  CsOffer *offer;
  GtkWidget *per_unit;
  GtkWidget *recurring;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  page = cs_ui_test_new_page (CS_SECTION_TERMS, store);
  window = GTK_WINDOW (cs_ui_test_present (page, 1000, 760));
  offer = get_offer (store, "Rhône");
  cs_section_page_set_offer (CS_SECTION_PAGE (page), offer);
  cs_ui_test_iterate ();

  per_unit = cs_field_editors_find (page, "offer", 0, "price_per_unit");
  recurring = cs_field_editors_find (page, "offer", 0, "price_recurring");
  g_assert_true (CS_IS_NUMBER_ROW (per_unit));
  g_assert_true (CS_IS_NUMBER_ROW (recurring));

  /* An amount and its unit, typed as a user would. */
  type_and_enter (per_unit, "720");
  type_and_enter (cs_field_editors_find (page, "offer", 0, "price_unit"), "day");
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_per_unit"), ==, 720);
  g_assert_cmpstr (cs_record_get_string (CS_RECORD (offer), "price_unit"), ==, "day");
  cs_ui_test_iterate ();

  /* The number in the interface's format; the price in full under the field. */
  g_assert_cmpstr (shown_text (per_unit), ==, french ? "720,00" : "720.00");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (per_unit)), ==,
                   french ? "720,00\u00a0€ par jour" : "€720.00 per day");

  /* The recurring price is per its billing period, translated too. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (recurring)), ==,
                   french ? "6\u202f850,00\u00a0€ par mois" : "€6,850.00 per month");

  /* Beside each number, its unit in the same words: the currency as amounts show it (not
   * "EUR"), then what the price is per. */
  g_assert_cmpstr (cs_number_row_get_unit (CS_NUMBER_ROW (per_unit)), ==,
                   french ? "€ par jour" : "€ per day");
  g_assert_cmpstr (cs_number_row_get_unit (CS_NUMBER_ROW (recurring)), ==,
                   french ? "€ par mois" : "€ per month");
  g_assert_cmpstr (cs_number_row_get_unit (CS_NUMBER_ROW (cs_field_editors_find (page, "offer", 0,
                                                                                 "price_one_off"))),
                   ==, "€");
  g_assert_cmpstr (cs_number_row_get_unit (CS_NUMBER_ROW (cs_field_editors_find (page, NULL, 0,
                                                                                 "liability_cap"))),
                   ==, "€");

  /* Amounts typed in either language's format, with or without the currency, read back. */
  type_and_enter (per_unit, "1 234,50 €");
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_per_unit"), ==, 1234.5);
  g_assert_cmpstr (shown_text (per_unit), ==, french ? "1\u202f234,50" : "1,234.50");
  type_and_enter (per_unit, "€1,100.25");
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_per_unit"), ==, 1100.25);
  type_and_enter (per_unit, "\u202f980,5\u00a0EUR");
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_per_unit"), ==, 980.5);
  /* What is not an amount changes nothing. */
  type_and_enter (per_unit, "twelve?");
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_per_unit"), ==, 980.5);
  cs_ui_test_iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (per_unit)), ==,
                   french ? "980,50\u00a0€ par jour" : "€980.50 per day");

  cs_ui_test_save_shot (GTK_WIDGET (window), french ? "terms-prices-fr.png" : "terms-prices.png");
  cs_ui_test_close (&window, &store);
}

int
main (int   argc,
      char *argv[])
{
  if (!cs_ui_test_init (&argc, &argv))
    return 0;
  g_assert_cmpstr (cs_i18n_init (), ==, CS_TEST_LOCALEDIR);
  french = g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0;
  if (french)
    g_assert_cmpstr (_("Dashboard"), ==, "Tableau de bord");

  g_test_add_func ("/ui/terms-prices", test_terms_prices);

  return g_test_run ();
}
