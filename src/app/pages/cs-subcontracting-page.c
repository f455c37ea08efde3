/* cs-subcontracting-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-subcontracting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-subcontracting-page.h"
#include "cs-choice-row.h"
#include "cs-date-row.h"
#include "cs-field-editor.h"
#include "cs-long-text-row.h"
#include "cs-number-row.h"
#include "cs-record-list.h"
#include "cs-text-row.h"
#include "cs-tristate-row.h"

/**
 * CsSubcontractingPage:
 *
 * The Subcontracting page of an offer: whether the provider may subcontract, the notice due
 * before a subcontractor is added or changed, the client's right to object, the flow-down
 * of obligations, the provider's liability for its subcontractors, cascading and the
 * activities that may not be subcontracted; then the subcontractors (name, service, country,
 * parent company, access to personal data, GDPR sub-processor, contract reference), which
 * can be added, deleted (with Undo) and reordered; the points to check at the top and the
 * contract wording at the bottom. Every change is committed at once.
 *
 * Actions: `subcontractors.add`, `subcontractors.delete(x)`, `subcontractors.move-up(x)`,
 * `subcontractors.move-down(x)` (x: the subcontractor id); Undo is `project.undo` (Ctrl+Z).
 */
struct _CsSubcontractingPage
{
  CsSectionPage        parent_instance;

  CsRecordList        *subcontractors;

  /* template children */
  AdwPreferencesGroup *terms_group;
  AdwPreferencesGroup *subcontractors_group;
  GtkListBox          *subcontractors_list;
};

G_DEFINE_FINAL_TYPE (CsSubcontractingPage, cs_subcontracting_page, CS_TYPE_SECTION_PAGE)

static void
update_row_title (AdwExpanderRow *row,
                  CsRecord       *subcontractor)
{
  const char *name = cs_record_get_string (subcontractor, "name");
  const char *service = cs_record_get_string (subcontractor, "service");
  const char *country = cs_record_get_string (subcontractor, "country");
  g_autofree char *subtitle = NULL;

  if (name == NULL || name[0] == '\0')
    name = _("Unnamed subcontractor");

  if (service[0] != '\0' && country[0] != '\0')
    /* Translators: a subcontractor's service, then its country */
    subtitle = g_strdup_printf (_("%s — %s"), service, country);
  else if (service[0] != '\0')
    subtitle = g_strdup (service);
  else if (country[0] != '\0')
    subtitle = g_strdup (country);
  else
    subtitle = g_strdup (_("Service and country not recorded"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (row, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
add_subcontractor_fields (GPtrArray *fields,
                          CsRecord  *subcontractor,
                          gpointer   user_data)
{
  g_ptr_array_add (fields, cs_text_row_new (_("Name"), "name"));
  g_ptr_array_add (fields, cs_text_row_new (_("Service"), "service"));
  g_ptr_array_add (fields, cs_text_row_new (_("Country of service"), "country"));
  g_ptr_array_add (fields, cs_text_row_new (_("Parent company"), "parent_company"));
  g_ptr_array_add (fields, cs_tristate_row_new (_("Access to personal data"), "personal_data"));
  g_ptr_array_add (fields, cs_tristate_row_new (_("Declared GDPR sub-processor"),
                                                "gdpr_subprocessor"));
  g_ptr_array_add (fields, cs_text_row_new (_("Contract reference"), "reference"));
}

static char *
get_deleted_title (CsRecord *subcontractor)
{
  const char *name = cs_record_get_string (subcontractor, "name");

  if (name == NULL || name[0] == '\0')
    name = _("Unnamed subcontractor");
  /* Translators: %s is a subcontractor's name (toast titles are markup: it is escaped) */
  return g_markup_printf_escaped (_("Subcontractor “%s” deleted"), name);
}

static void
update_actions (CsSubcontractingPage *self)
{
  cs_record_list_update_actions (self->subcontractors,
                                 cs_page_is_writable (self) && cs_page_offer (self) != NULL);
}

static void
records_changed_cb (gpointer user_data)
{
  update_actions (user_data);
}

static void
cs_subcontracting_page_offer_changed (CsSectionPage *page)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (page);
  CsStore *store = cs_section_page_get_store (page);
  gint64 offer_id = cs_page_offer_id (self);

  cs_record_list_set_offer (self->subcontractors, offer_id);
  cs_field_editors_bind (GTK_WIDGET (self->terms_group), store,
                      offer_id != 0 ? cs_store_get_section (store, CS_TYPE_SUBCONTRACTING, offer_id)
                                    : NULL);

  update_actions (self);
}

/* CsSectionPage */

static gboolean
cs_subcontracting_page_focus_target (CsSectionPage *page,
                                     const char    *table,
                                     gint64         record_id,
                                     const char    *field)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (page);
  GtkWidget *target = NULL;

  if (g_strcmp0 (table, "subcontractor") == 0)
    {
      target = cs_record_list_find_target (self->subcontractors, record_id, field);
    }
  else if (g_strcmp0 (table, "subcontracting") == 0 && field == NULL)
    {
      /* A flag about the list as a whole ("allowed, but nobody is named"). */
      GListModel *subcontractors = cs_record_list_get_model (self->subcontractors);

      target = subcontractors != NULL && g_list_model_get_n_items (subcontractors) > 0
               ? GTK_WIDGET (gtk_list_box_get_row_at_index (self->subcontractors_list, 0))
               : NULL;
      if (target == NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "subcontractors.add", NULL);
          return TRUE;
        }
    }
  else
    {
      target = cs_field_editors_find (GTK_WIDGET (self->terms_group), table, record_id, field);
    }

  return cs_field_editors_reveal_or_first (target, GTK_WIDGET (self->terms_group));
}

/* GObject vfuncs */

static void
cs_subcontracting_page_constructed (GObject *object)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (object);
  CsRecordListInfo info = {
    .record_type = CS_TYPE_SUBCONTRACTOR,
    .table = "subcontractor",
    .name_column = "name",
    .action_prefix = "subcontractors",
    .delete_label = _("Delete Subcontractor"),
    .placeholder = _("No subcontractor is named. Add the ones the offer lists, "
                     "with the service each one provides."),
    .update_row = update_row_title,
    .add_fields = add_subcontractor_fields,
    .deleted_title = get_deleted_title,
    .changed = records_changed_cb,
    .user_data = self,
  };

  G_OBJECT_CLASS (cs_subcontracting_page_parent_class)->constructed (object);

  self->subcontractors = cs_record_list_new (GTK_WIDGET (self), self->subcontractors_list,
                                             cs_page_store (self), &info);

  cs_subcontracting_page_offer_changed (CS_SECTION_PAGE (self));
}

static void
cs_subcontracting_page_dispose (GObject *object)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (object);

  g_clear_object (&self->subcontractors);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SUBCONTRACTING_PAGE);

  G_OBJECT_CLASS (cs_subcontracting_page_parent_class)->dispose (object);
}

static void
cs_subcontracting_page_class_init (CsSubcontractingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_subcontracting_page_constructed;
  object_class->dispose = cs_subcontracting_page_dispose;
  page_class->offer_changed = cs_subcontracting_page_offer_changed;
  page_class->focus_target = cs_subcontracting_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_SUBCONTRACTING,
                                     CS_SECTION_PAGE_LAYOUT_FORM,
                                     N_("Choose an offer in the sidebar to record its "
                                        "subcontracting terms."),
                                     N_("Add the incumbent contract or a provider’s proposal to "
                                        "record who else does the work and on what terms."));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-subcontracting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, terms_group);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, subcontractors_group);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, subcontractors_list);
}

static void
cs_subcontracting_page_init (CsSubcontractingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
