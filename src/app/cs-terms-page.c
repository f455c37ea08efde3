/* cs-terms-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-terms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-terms-page.h"
#include "cs-choice-row.h"
#include "cs-clause-editor.h"
#include "cs-field-row.h"
#include "cs-flags-group.h"
#include "cs-section-editor.h"
#include "cs-sections.h"

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
  AdwBin               parent_instance;

  CsStore             *store;
  CsOffer             *offer;
  GtkWidget           *clause_editor;
  guint                update_id;

  /* template children (not the bin's own child, the toast overlay, which AdwBin disposes of) */
  GtkStack            *stack;
  AdwStatusPage       *no_offer_page;
  GtkWidget           *add_offer_button;
  AdwPreferencesPage  *preferences_page;
  CsFlagsGroup        *flags_group;
  AdwPreferencesGroup *dates_group;
  GtkLabel            *cancel_by_label;
  GtkLabel            *days_left_label;
  GtkLabel            *dates_detail_label;
  AdwPreferencesGroup *term_group;
  AdwPreferencesGroup *billing_group;
  AdwPreferencesGroup *governance_group;
  AdwPreferencesGroup *gdpr_group;
  CsFieldRow          *minimum_commitment_row;
  CsFieldRow          *liability_cap_row;
  AdwPreferencesGroup *wording_group;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_OFFER,
  N_PROPS
};

static void cs_terms_page_editor_init (CsSectionEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsTermsPage, cs_terms_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_SECTION_EDITOR,
                                                      cs_terms_page_editor_init))

static GParamSpec *properties[N_PROPS];

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

static const char *
get_currency (CsTermsPage *self)
{
  const char *currency = cs_record_get_string (CS_RECORD (cs_store_get_project (self->store)),
                                               "currency");

  return currency != NULL && currency[0] != '\0' ? currency : _("in the project currency");
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

  cs_field_row_set_unit (self->minimum_commitment_row, unit);
  cs_field_row_set_unit (self->liability_cap_row, get_currency (self));
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

  if (self->offer == NULL || self->store == NULL || cs_store_is_closed (self->store))
    return;

  report = cs_terms_report_new (self->store, cs_record_get_id (CS_RECORD (self->offer)), NULL);
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

static gboolean
update_idle_cb (gpointer data)
{
  CsTermsPage *self = data;

  self->update_id = 0;
  update_dates (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_saved_cb (CsStore     *store,
                   CsTermsPage *self)
{
  /* "saved" comes when the change is on disk, before the record objects show it. */
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_idle_cb, self);
}

static void
update_no_offer (CsTermsPage *self)
{
  gboolean has_offers = self->store != NULL && !cs_store_is_closed (self->store) &&
                        g_list_model_get_n_items (cs_store_get_offers (self->store)) > 0;

  if (has_offers)
    adw_status_page_set_description (self->no_offer_page,
                                     _("Choose an offer in the sidebar to record its contract "
                                       "terms."));
  else
    adw_status_page_set_description (self->no_offer_page,
                                     _("Add the incumbent contract or a provider’s proposal to "
                                       "record its billing, term, governance and GDPR terms."));
  gtk_widget_set_visible (self->add_offer_button, !has_offers);
}

static void
update_offer (CsTermsPage *self)
{
  gint64 offer_id = self->offer != NULL ? cs_record_get_id (CS_RECORD (self->offer)) : 0;

  CsRecord *terms = NULL;

  if (self->offer != NULL && self->store != NULL)
    terms = cs_store_get_section (self->store, CS_TYPE_TERMS, offer_id);

  for (AdwPreferencesGroup **group = get_field_groups (self); *group != NULL; group++)
    cs_field_rows_bind (GTK_WIDGET (*group), self->store, terms);

  if (terms == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-offer");
      update_no_offer (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "offer");
      update_dates (self);
    }

  cs_flags_group_set_source (self->flags_group, self->store, CS_SECTION_TERMS, self->offer);
  if (self->clause_editor != NULL)
    cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (self->clause_editor), self->offer);
}

static void
on_offers_changed_cb (GListModel     *offers,
                      guint           position,
                      guint           removed,
                      guint           added,
                      CsTermsPage *self)
{
  update_no_offer (self);
}

static void
on_flag_activated_cb (CsFlagsGroup   *group,
                      const char     *table,
                      gint64          record_id,
                      const char     *field,
                      CsTermsPage *self)
{
  cs_section_editor_focus_target (CS_SECTION_EDITOR (self), table, record_id, field);
}

/* CsSectionEditor */

static gboolean
cs_terms_page_focus_target (CsSectionEditor *editor,
                               const char      *table,
                               gint64           record_id,
                               const char      *field)
{
  CsTermsPage *self = CS_TERMS_PAGE (editor);
  GtkWidget *target = NULL;

  if (self->offer == NULL)
    return gtk_widget_grab_focus (self->add_offer_button);

  for (AdwPreferencesGroup **group = get_field_groups (self);
       *group != NULL && target == NULL;
       group++)
    target = cs_field_rows_find (GTK_WIDGET (*group), table, record_id, field);

  /* A field the page does not edit (or none): the first field of the term. */
  for (AdwPreferencesGroup **group = get_field_groups (self);
       *group != NULL && target == NULL;
       group++)
    target = cs_field_rows_find (GTK_WIDGET (*group), NULL, 0, NULL);
  if (target == NULL)
    return FALSE;

  return cs_field_rows_reveal (target);
}

static void
cs_terms_page_editor_init (CsSectionEditorInterface *iface)
{
  iface->focus_target = cs_terms_page_focus_target;
}

/* GObject vfuncs */

static void
cs_terms_page_constructed (GObject *object)
{
  CsTermsPage *self = CS_TERMS_PAGE (object);

  G_OBJECT_CLASS (cs_terms_page_parent_class)->constructed (object);

  g_assert (CS_IS_STORE (self->store));

  self->clause_editor = cs_clause_editor_new (self->store, CS_SECTION_TERMS);
  adw_preferences_group_add (self->wording_group, self->clause_editor);

  g_signal_connect_object (cs_store_get_offers (self->store), "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "saved", G_CALLBACK (on_store_saved_cb), self, 0);
  if (cs_store_is_read_only (self->store))
    adw_preferences_group_set_description (self->term_group,
                                           _("This project is open read-only: the terms can be "
                                             "read but not changed."));

  update_offer (self);
}

static void
cs_terms_page_dispose (GObject *object)
{
  CsTermsPage *self = CS_TERMS_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_object (&self->offer);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_TERMS_PAGE);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_terms_page_parent_class)->dispose (object);
}

static void
cs_terms_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsTermsPage *self = CS_TERMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_OFFER:
      g_value_set_object (value, self->offer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_terms_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CsTermsPage *self = CS_TERMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_OFFER:
      if (g_set_object (&self->offer, g_value_get_object (value)))
        {
          if (self->store != NULL)
            update_offer (self);
          g_object_notify_by_pspec (object, properties[PROP_OFFER]);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_terms_page_class_init (CsTermsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_terms_page_constructed;
  object_class->dispose = cs_terms_page_dispose;
  object_class->get_property = cs_terms_page_get_property;
  object_class->set_property = cs_terms_page_set_property;

  /**
   * CsTermsPage:store:
   *
   * The project.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_property (object_class, PROP_STORE, properties[PROP_STORE]);
  g_object_class_override_property (object_class, PROP_OFFER, "offer");
  properties[PROP_OFFER] = g_object_class_find_property (object_class, "offer");

  g_type_ensure (CS_TYPE_FLAGS_GROUP);
  g_type_ensure (CS_TYPE_FIELD_ROW);
  g_type_ensure (CS_TYPE_CHOICE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-terms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, no_offer_page);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, add_offer_button);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, flags_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, dates_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, cancel_by_label);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, days_left_label);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, dates_detail_label);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, term_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, billing_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, governance_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, gdpr_group);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, minimum_commitment_row);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, liability_cap_row);
  gtk_widget_class_bind_template_child (widget_class, CsTermsPage, wording_group);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_activated_cb);
}

static void
cs_terms_page_init (CsTermsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/**
 * cs_terms_page_new:
 * @store: the project
 *
 * Returns: (transfer floating): a new #CsTermsPage, a #CsSectionEditor
 */
GtkWidget *
cs_terms_page_new (CsStore *store)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  return g_object_new (CS_TYPE_TERMS_PAGE, "store", store, NULL);
}
