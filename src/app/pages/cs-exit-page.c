/* cs-exit-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-exit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-exit-page.h"
#include "cs-choice-row.h"
#include "cs-date-row.h"
#include "cs-field-editor.h"
#include "cs-long-text-row.h"
#include "cs-number-row.h"
#include "cs-labels.h"
#include "cs-record-list.h"
#include "cs-sections.h"
#include "cs-source.h"
#include "cs-text-row.h"
#include "cs-tristate-row.h"

#include <math.h>

/**
 * CsExitPage:
 *
 * The Exit (reversibility) page of an offer: the reversibility clause, when the plan is
 * delivered, the transition period, the price of exit assistance (included, fixed, rate card
 * or on quotation), how long data stays retrievable, the certificate of erasure, the exit
 * triggers, the stressed exit and the knowledge transfer; then the deliverables the outgoing
 * provider hands back, each with its format, deadline in days from notice, owner, price and,
 * during a real exit, its status (pending, delivered, verified) with date and verifier. The
 * deliverables can be added — the standard ones in one go —, deleted (with Undo) and
 * reordered; a summary gives the latest deadline, the total stated price and how many are
 * delivered. The points to check are at the top, the contract wording at the bottom.
 *
 * Actions: `deliverables.add`, `deliverables.add-standard`, `deliverables.delete(x)`,
 * `deliverables.move-up(x)`, `deliverables.move-down(x)` (x: the deliverable id); a
 * deletion's Undo is `project.undo` (Ctrl+Z).
 */
struct _CsExitPage
{
  CsSectionPage        parent_instance;

  guint                update_id;
  CsRecordList        *deliverables;

  /* template children */
  AdwPreferencesGroup *terms_group;
  CsNumberRow         *assistance_price_row;
  GtkWidget           *add_standard_button;
  AdwPreferencesGroup *deliverables_group;
  GtkListBox          *deliverables_list;
};

G_DEFINE_FINAL_TYPE (CsExitPage, cs_exit_page, CS_TYPE_SECTION_PAGE)

static const char *
get_currency (CsStore *store)
{
  CsRecord *project = CS_RECORD (cs_store_get_project (store));
  const char *currency = cs_record_get_string (project, "currency");

  /* Translators: the unit of a price when the project has no currency set */
  return currency != NULL && currency[0] != '\0' ? currency : _("in the project currency");
}

static const char *
get_deliverable_name (CsRecord *deliverable)
{
  const char *label = cs_record_get_string (deliverable, "label");
  const char *item = cs_record_get_string (deliverable, "item");

  if (label != NULL && label[0] != '\0')
    return label;
  if (item != NULL && item[0] != '\0')
    return cs_exit_item_get_label (item);

  return _("Unnamed deliverable");
}

static void
update_row_title (AdwExpanderRow *row,
                  CsRecord       *deliverable)
{
  const char *name = get_deliverable_name (deliverable);
  const char *format = cs_record_get_string (deliverable, "format");
  double deadline = cs_record_get_number (deliverable, "deadline_days");
  const char *status = cs_choice_get_label (cs_record_get_string (deliverable, "status"));
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_append (subtitle, format[0] != '\0' ? format : _("No format"));
  g_string_append (subtitle, " — ");
  if (isnan (deadline))
    g_string_append (subtitle, _("no deadline"));
  else
    {
      g_autofree char *days = cs_format_number (deadline);

      /* Translators: a deliverable's deadline, counted from the notice of termination */
      g_string_append_printf (subtitle, _("%s days after notice"), days);
    }
  g_string_append (subtitle, " — ");
  g_string_append (subtitle, status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (row, subtitle->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
add_deliverable_fields (GPtrArray *fields,
                        CsRecord  *deliverable,
                        gpointer   user_data)
{
  CsExitPage *self = user_data;

  g_ptr_array_add (fields, cs_text_row_new (_("Name"), "label"));
  g_ptr_array_add (fields, cs_text_row_new (_("Format"), "format"));
  g_ptr_array_add (fields, cs_number_row_new (_("Deadline"), "deadline_days",
                                             _("days after notice")));
  g_ptr_array_add (fields, cs_text_row_new (_("Owner"), "owner"));
  g_ptr_array_add (fields, cs_number_row_new (_("Price"), "price",
                                             get_currency (cs_page_store (self))));
  g_ptr_array_add (fields, cs_choice_row_new (_("Status during an exit"), "status"));
  g_ptr_array_add (fields, cs_date_row_new (_("Status date (YYYY-MM-DD)"), "status_date"));
  g_ptr_array_add (fields, cs_text_row_new (_("Verified by"), "verifier"));
  g_ptr_array_add (fields, cs_text_row_new (_("Contract reference"), "reference"));
}

static char *
get_deleted_title (CsRecord *deliverable)
{
  /* Translators: %s is an exit deliverable (toast titles are markup: it is escaped) */
  return g_markup_printf_escaped (_("Deliverable “%s” deleted"),
                                  get_deliverable_name (deliverable));
}

/* The figures of the deliverables, in the group's description. */
static void
update_summary (CsExitPage *self)
{
  g_autoptr(CsExitReport) report = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_items;
  guint n_missing;

  if (cs_page_offer (self) == NULL || cs_page_store (self) == NULL ||
      cs_store_is_closed (cs_page_store (self)))
    return;

  report = cs_exit_report_new (cs_page_store (self), cs_page_offer_id (self));
  n_items = g_list_model_get_n_items (cs_record_list_get_model (self->deliverables));
  n_missing = g_strv_length (report->missing_items);

  if (n_items == 0)
    {
      adw_preferences_group_set_description (self->deliverables_group,
                                             _("What the outgoing provider hands back, in what "
                                               "format, by when, owned by whom, at what price."));
    }
  else
    {
      if (isnan (report->last_deadline_days))
        g_string_append (text, _("No deadline stated"));
      else
        {
          g_autofree char *days = cs_format_number (report->last_deadline_days);

          /* Translators: the latest deadline of the exit deliverables */
          g_string_append_printf (text, _("Everything handed back %s days after notice"), days);
        }
      g_string_append (text, " · ");
      if (isnan (report->total_price))
        g_string_append (text, _("no price stated"));
      else
        {
          g_autofree char *price = cs_format_number (report->total_price);

          /* Translators: the total stated price of the exit deliverables; amount, currency */
          g_string_append_printf (text, _("%s %s in total"), price,
                                  get_currency (cs_page_store (self)));
        }
      g_string_append (text, " · ");
      /* Translators: how many exit deliverables are delivered or verified, of how many */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u delivered",
                                                 "%u of %u delivered", n_items),
                              report->n_delivered, n_items);
      if (n_missing > 0)
        {
          g_string_append (text, " · ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "%u standard item missing",
                                                     "%u standard items missing", n_missing),
                                  n_missing);
        }
      adw_preferences_group_set_description (self->deliverables_group, text->str);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deliverables.add-standard",
                                 cs_page_is_writable (self) && n_missing > 0);
}

static void
on_store_saved_cb (CsStore    *store,
                   CsExitPage *self)
{
  /* "saved" comes when the change is on disk, before the record objects show it. */
  cs_idle_add_once (&self->update_id, G_PRIORITY_DEFAULT_IDLE, (CsSourceFunc) update_summary, self);
}

static void
update_actions (CsExitPage *self)
{
  cs_record_list_update_actions (self->deliverables,
                                 cs_page_is_writable (self) &&
                                 cs_page_offer (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deliverables.add-standard", FALSE);
  update_summary (self);
}

static void
records_changed_cb (gpointer user_data)
{
  update_actions (user_data);
}

static void
cs_exit_page_offer_changed (CsSectionPage *page)
{
  CsExitPage *self = CS_EXIT_PAGE (page);
  CsStore *store = cs_section_page_get_store (page);
  gint64 offer_id = cs_page_offer_id (self);

  cs_record_list_set_offer (self->deliverables, offer_id);

  if (offer_id == 0)
    cs_field_editors_bind (GTK_WIDGET (self->terms_group), store, NULL);
  else
    {
      cs_field_editors_bind (GTK_WIDGET (self->terms_group), store,
                          cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id));
      cs_number_row_set_unit (self->assistance_price_row, get_currency (store));
    }

  update_actions (self);
}

/* actions */

typedef struct
{
  gint64              offer_id;
  const char * const *items;
} AddStandard;

static gboolean
add_standard_cb (CsStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  AddStandard *add = user_data;

  for (guint i = 0; add->items[i] != NULL; i++)
    {
      g_autoptr(CsRecord) deliverable = g_object_new (CS_TYPE_EXIT_DELIVERABLE,
                                                      "offer-id", add->offer_id,
                                                      "item", add->items[i],
                                                      NULL);

      if (!cs_store_add (store, deliverable, error))
        return FALSE;
    }

  return TRUE;
}

static void
cs_exit_page_add_standard_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsExitPage *self = CS_EXIT_PAGE (widget);
  g_autoptr(CsExitReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AddStandard add = { 0, };
  guint n;

  if (cs_page_offer (self) == NULL)
    return;

  report = cs_exit_report_new (cs_page_store (self), cs_page_offer_id (self));
  n = g_strv_length (report->missing_items);
  if (n == 0)
    return;

  add.offer_id = cs_page_offer_id (self);
  add.items = (const char * const *) report->missing_items;
  if (!cs_store_batch (cs_page_store (self), add_standard_cb, &add, &error))
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u standard deliverable added",
                                        "%u standard deliverables added", n), n);
  cs_section_page_add_toast (CS_SECTION_PAGE (self), adw_toast_new (title));
  update_summary (self);
}

/* CsSectionPage */

static gboolean
cs_exit_page_focus_target (CsSectionPage *page,
                           const char    *table,
                           gint64         record_id,
                           const char    *field)
{
  CsExitPage *self = CS_EXIT_PAGE (page);
  GtkWidget *target = NULL;

  if (g_strcmp0 (table, "exit_deliverable") == 0 && record_id == 0)
    {
      /* Missing deliverables: the button that adds the standard ones, or the list. */
      if (gtk_widget_is_sensitive (self->add_standard_button))
        target = self->add_standard_button;
      else
        target = gtk_widget_get_first_child (GTK_WIDGET (self->deliverables_list));
    }
  else if (g_strcmp0 (table, "exit_deliverable") == 0)
    {
      target = cs_record_list_find_target (self->deliverables, record_id, field);
    }
  else
    {
      target = cs_field_editors_find (GTK_WIDGET (self->terms_group), table, record_id, field);
    }

  return cs_field_editors_reveal_or_first (target, GTK_WIDGET (self->terms_group));
}

/* GObject vfuncs */

static void
cs_exit_page_constructed (GObject *object)
{
  CsExitPage *self = CS_EXIT_PAGE (object);
  CsRecordListInfo info = {
    .record_type = CS_TYPE_EXIT_DELIVERABLE,
    .table = "exit_deliverable",
    .name_column = "label",
    .action_prefix = "deliverables",
    .delete_label = _("Delete Deliverable"),
    .placeholder = _("No exit deliverable is listed. Add the standard items, then "
                     "record the format and deadline the offer commits to."),
    .update_row = update_row_title,
    .add_fields = add_deliverable_fields,
    .deleted_title = get_deleted_title,
    .changed = records_changed_cb,
    .user_data = self,
  };

  G_OBJECT_CLASS (cs_exit_page_parent_class)->constructed (object);

  self->deliverables = cs_record_list_new (GTK_WIDGET (self), self->deliverables_list,
                                           cs_page_store (self), &info);

  g_signal_connect_object (cs_page_store (self), "saved", G_CALLBACK (on_store_saved_cb), self,
                           0);

  cs_exit_page_offer_changed (CS_SECTION_PAGE (self));
}

static void
cs_exit_page_dispose (GObject *object)
{
  CsExitPage *self = CS_EXIT_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_object (&self->deliverables);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_EXIT_PAGE);

  G_OBJECT_CLASS (cs_exit_page_parent_class)->dispose (object);
}

static void
cs_exit_page_class_init (CsExitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_exit_page_constructed;
  object_class->dispose = cs_exit_page_dispose;
  page_class->offer_changed = cs_exit_page_offer_changed;
  page_class->focus_target = cs_exit_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_EXIT, CS_SECTION_PAGE_LAYOUT_FORM,
                                     N_("Choose an offer in the sidebar to record its "
                                        "reversibility terms."),
                                     N_("Add the incumbent contract or a provider’s proposal to "
                                        "record what an exit would cost and what is handed back."));

  gtk_widget_class_install_action (widget_class, "deliverables.add-standard", NULL,
                                   cs_exit_page_add_standard_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-exit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, terms_group);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, assistance_price_row);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, add_standard_button);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, deliverables_group);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, deliverables_list);
}

static void
cs_exit_page_init (CsExitPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
