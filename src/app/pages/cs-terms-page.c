/* cs-terms-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-terms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-source.h"
#include "cs-terms-page.h"
#include "cs-choice-row.h"
#include "cs-date-row.h"
#include "cs-field-editor.h"
#include "cs-i18n.h"
#include "cs-labels.h"
#include "cs-long-text-row.h"
#include "cs-number-row.h"
#include "cs-sections.h"
#include "cs-text-row.h"
#include "cs-tristate-row.h"

#include <math.h>

/**
 * CsTermsPage:
 *
 * The Terms & GDPR page of an offer: the term (start date, initial term, renewal mode and
 * period, notice, the client's internal lead time, early-termination fees), with the dates
 * computed from them shown prominently at the top — the last day to give notice, the days
 * left (a warning when 90 days or less remain, an error once passed), the decide-by date and
 * the end of the current period; billing (model, unit prices, unit counting, perimeter-change
 * procedure, minimum commitment, price-revision index and cap, liability cap, insurance);
 * governance (meetings, reports, audit rights); and the GDPR processor terms (Art. 28). The
 * points to check are at the top, the contract wording at the bottom. Every change is
 * committed at once.
 */
struct _CsTermsPage
{
  CsSectionPage        parent_instance;

  guint                update_id;

  /* template children */
  AdwPreferencesGroup *dates_group;
  GtkLabel            *cancel_by_label;
  GtkLabel            *days_left_label;
  GtkLabel            *dates_detail_label;
  AdwPreferencesGroup *prices_group;
  CsNumberRow         *price_one_off_row;
  CsNumberRow         *price_recurring_row;
  CsNumberRow         *price_per_unit_row;
  AdwPreferencesGroup *term_group;
  AdwPreferencesGroup *billing_group;
  AdwPreferencesGroup *governance_group;
  AdwPreferencesGroup *gdpr_group;
  CsNumberRow         *minimum_commitment_row;
  CsNumberRow         *liability_cap_row;
};

G_DEFINE_FINAL_TYPE (CsTermsPage, cs_terms_page, CS_TYPE_SECTION_PAGE)

static AdwPreferencesGroup **
get_field_groups (CsTermsPage *self)
{
  static AdwPreferencesGroup *groups[5];

  groups[0] = self->term_group;
  groups[1] = self->billing_group;
  groups[2] = self->governance_group;
  groups[3] = self->gdpr_group;
  groups[4] = NULL;

  return groups;
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (!g_date_valid (date))
    return NULL;

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);

  /* Translators: a date shown in full, see g_date_time_format(); e.g. "2 January 2027" */
  return g_date_time_format (time, _("%-d %B %Y"));
}

/* The project's currency as amounts show it ("€"), beside the money fields. */
static const char *
get_currency (CsTermsPage *self)
{
  CsProject *project = cs_store_get_project (cs_page_store (self));

  return cs_i18n_currency_symbol (cs_record_get_string (CS_RECORD (project), "currency"));
}

/* The minimum commitment is counted in the units the offer bills. */
static void
update_units (CsTermsPage *self,
              CsRecord    *terms)
{
  const char *model = terms != NULL ? cs_record_get_string (terms, "billing_model") : "";
  const char *unit;

  if (g_str_equal (model, "per_user"))
    unit = _("users");
  else if (g_str_equal (model, "per_device"))
    unit = _("devices");
  else if (g_str_equal (model, "block_hours"))
    unit = _("hours");
  else
    /* Translators: the unit of a minimum commitment stated as an amount of money per period */
    unit = get_currency (self);

  cs_number_row_set_unit (self->minimum_commitment_row, unit);
  cs_number_row_set_unit (self->liability_cap_row, get_currency (self));
}

/* Each price also reads in full under its field, in the interface's money format and with
 * what it is per: "€720.00 per day", "720,00 € par jour"; its unit beside the number in the
 * same words: "€ per day", "€ par jour". */
static void
update_prices (CsTermsPage *self)
{
  CsOffer *offer = cs_page_offer (self);
  const char *currency;
  struct {
    CsNumberRow *row;
    const char  *column;
    const char  *unit_column;
  } prices[] = {
    { self->price_one_off_row, "price_one_off", NULL },
    { self->price_recurring_row, "price_recurring", "price_period" },
    { self->price_per_unit_row, "price_per_unit", "price_unit" },
  };

  if (offer == NULL || cs_page_store (self) == NULL || cs_store_is_closed (cs_page_store (self)))
    return;

  currency = cs_record_get_string (CS_RECORD (cs_store_get_project (cs_page_store (self))),
                                   "currency");
  for (guint i = 0; i < G_N_ELEMENTS (prices); i++)
    {
      double amount = cs_record_get_number (CS_RECORD (offer), prices[i].column);
      const char *per = prices[i].unit_column != NULL
                        ? cs_record_get_string (CS_RECORD (offer), prices[i].unit_column) : NULL;
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *unit = cs_price_unit_format (currency[0] != '\0' ? currency : NULL, per);

      cs_number_row_set_unit (prices[i].row, unit);
      if (!isnan (amount) && amount >= 0)
        text = cs_price_format (amount, currency[0] != '\0' ? currency : NULL, per);
      escaped = g_markup_escape_text (text != NULL ? text : "", -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (prices[i].row), escaped);
    }
}

static void
update_dates (CsTermsPage *self)
{
  g_autoptr(CsTermsReport) report = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *cancel_by = NULL;
  g_autofree char *cancel_end = NULL;
  g_autofree char *decide_by = NULL;
  g_autofree char *current_end = NULL;
  g_autofree char *days = NULL;
  const char *style = NULL;
  int left;

  if (cs_page_offer (self) == NULL || cs_page_store (self) == NULL ||
      cs_store_is_closed (cs_page_store (self)))
    return;

  report = cs_terms_report_new (cs_page_store (self),
                                cs_page_offer_id (self), NULL);
  update_units (self, CS_RECORD (report->terms));

  gtk_widget_remove_css_class (GTK_WIDGET (self->days_left_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->days_left_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->days_left_label), "success");

  cancel_by = format_date (&report->dates.cancel_by);
  if (cancel_by == NULL)
    {
      gtk_label_set_text (self->cancel_by_label, _("Not computed yet"));
      gtk_label_set_text (self->days_left_label,
                          _("The last day to give notice needs the start date, the initial "
                            "term and the notice period."));
      gtk_label_set_text (self->dates_detail_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->dates_detail_label), FALSE);
      return;
    }

  left = report->dates.days_left;
  if (left < 0)
    {
      days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Passed %d day ago",
                                           "Passed %d days ago", -left), -left);
      style = "error";
    }
  else if (left == 0)
    {
      days = g_strdup (_("Today is the last day"));
      style = "error";
    }
  else
    {
      days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", left),
                              left);
      style = left <= 90 ? "warning" : "success";
    }
  gtk_label_set_text (self->cancel_by_label, cancel_by);
  gtk_label_set_text (self->days_left_label, days);
  gtk_widget_add_css_class (GTK_WIDGET (self->days_left_label), style);

  cancel_end = format_date (&report->dates.cancel_end);
  decide_by = format_date (&report->dates.decide_by);
  current_end = format_date (&report->dates.current_end);
  if (decide_by != NULL && g_date_compare (&report->dates.decide_by, &report->dates.cancel_by) != 0)
    /* Translators: the client's own decision date, before the notice deadline */
    g_string_append_printf (detail, _("Decide internally by %s."), decide_by);
  if (cancel_end != NULL)
    {
      if (detail->len > 0)
        g_string_append_c (detail, ' ');
      /* Translators: the end of the contract when notice is given in time */
      g_string_append_printf (detail, _("Notice given by then ends the contract on %s."),
                              cancel_end);
    }
  if (current_end != NULL && g_date_compare (&report->dates.current_end,
                                             &report->dates.cancel_end) != 0)
    {
      if (detail->len > 0)
        g_string_append_c (detail, ' ');
      g_string_append_printf (detail, _("The current period ends on %s."), current_end);
    }
  gtk_label_set_text (self->dates_detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_detail_label), detail->len > 0);
}

static void
update_summaries (CsTermsPage *self)
{
  update_prices (self);
  update_dates (self);
}

static void
on_store_saved_cb (CsStore     *store,
                   CsTermsPage *self)
{
  /* "saved" comes when the change is on disk, before the record objects show it. */
  cs_idle_add_once (&self->update_id, G_PRIORITY_DEFAULT_IDLE, (CsSourceFunc) update_summaries,
                    self);
}

static void
cs_terms_page_offer_changed (CsSectionPage *page)
{
  CsTermsPage *self = CS_TERMS_PAGE (page);
  CsStore *store = cs_section_page_get_store (page);
  CsOffer *offer = cs_section_page_get_offer (page);
  CsRecord *terms = NULL;

  if (offer != NULL)
    terms = cs_store_get_section (store, CS_TYPE_TERMS, cs_record_get_id (CS_RECORD (offer)));

  for (AdwPreferencesGroup **group = get_field_groups (self); *group != NULL; group++)
    cs_field_editors_bind (GTK_WIDGET (*group), store, terms);

  /* The prices are the offer's own fields, in the project's currency. */
  cs_field_editors_bind (GTK_WIDGET (self->prices_group), store,
                         offer != NULL ? CS_RECORD (offer) : NULL);
  {
    CsNumberRow *money_rows[] = {
      self->price_one_off_row, self->price_recurring_row, self->price_per_unit_row,
    };

    /* Their units, with the currency, are set with the prices below. */
    for (guint i = 0; i < G_N_ELEMENTS (money_rows); i++)
      cs_number_row_set_money (money_rows[i], TRUE);
  }
  update_prices (self);

  if (terms != NULL)
    update_dates (self);
}

/* CsSectionPage */

static gboolean
cs_terms_page_focus_target (CsSectionPage *page,
                            const char    *table,
                            gint64         record_id,
                            const char    *field)
{
  CsTermsPage *self = CS_TERMS_PAGE (page);
  GtkWidget *target = NULL;

  for (AdwPreferencesGroup **group = get_field_groups (self);
       *group != NULL && target == NULL;
       group++)
    target = cs_field_editors_find (GTK_WIDGET (*group), table, record_id, field);
  if (target == NULL)
    target = cs_field_editors_find (GTK_WIDGET (self->prices_group), table, record_id, field);

  /* A field the page does not edit (or none): the first field of the term. */
  for (AdwPreferencesGroup **group = get_field_groups (self);
       *group != NULL && target == NULL;
       group++)
    target = cs_field_editors_find (GTK_WIDGET (*group), NULL, 0, NULL);
  if (target == NULL)
    return FALSE;

  return cs_field_editors_reveal (target);
}

/* GObject vfuncs */

static void
cs_terms_page_constructed (GObject *object)
{
  CsTermsPage *self = CS_TERMS_PAGE (object);

  G_OBJECT_CLASS (cs_terms_page_parent_class)->constructed (object);

  g_signal_connect_object (cs_page_store (self), "saved", G_CALLBACK (on_store_saved_cb), self,
                           0);

  cs_terms_page_offer_changed (CS_SECTION_PAGE (self));
}

static void
cs_terms_page_dispose (GObject *object)
{
  CsTermsPage *self = CS_TERMS_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_TERMS_PAGE);

  G_OBJECT_CLASS (cs_terms_page_parent_class)->dispose (object);
}

static void
cs_terms_page_class_init (CsTermsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_terms_page_constructed;
  object_class->dispose = cs_terms_page_dispose;
  page_class->offer_changed = cs_terms_page_offer_changed;
  page_class->focus_target = cs_terms_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_TERMS, CS_SECTION_PAGE_LAYOUT_FORM,
                                     N_("Choose an offer in the sidebar to record its contract "
                                        "terms."),
                                     N_("Add the incumbent contract or a provider’s proposal to "
                                        "record its billing, term, governance and GDPR terms."));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-terms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, dates_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, prices_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, price_one_off_row);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, price_recurring_row);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, price_per_unit_row);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, cancel_by_label);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, days_left_label);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, dates_detail_label);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, term_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, billing_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, governance_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, gdpr_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, minimum_commitment_row);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, liability_cap_row);
}

static void
cs_terms_page_init (CsTermsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
