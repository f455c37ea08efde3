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
#include "cs-clause-editor.h"
#include "cs-field-row.h"
#include "cs-flags-group.h"
#include "cs-record-list.h"
#include "cs-section-editor.h"

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
 * `subcontractors.move-down(x)` (x: the subcontractor id), `subcontractors.undo-delete`.
 */
struct _CsSubcontractingPage
{
  AdwBin               parent_instance;

  CsStore             *store;
  CsOffer             *offer;
  GtkWidget           *clause_editor;
  CsRecordList        *subcontractors;

  /* template children (not the bin's own child, the toast overlay, which AdwBin disposes of) */
  GtkStack            *stack;
  AdwStatusPage       *no_offer_page;
  GtkWidget           *add_offer_button;
  AdwPreferencesPage  *preferences_page;
  CsFlagsGroup        *flags_group;
  AdwPreferencesGroup *terms_group;
  AdwPreferencesGroup *subcontractors_group;
  GtkListBox          *subcontractors_list;
  AdwPreferencesGroup *wording_group;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_OFFER,
  N_PROPS
};

static void cs_subcontracting_page_editor_init (CsSectionEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsSubcontractingPage, cs_subcontracting_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_SECTION_EDITOR,
                                                      cs_subcontracting_page_editor_init))

static GParamSpec *properties[N_PROPS];

static gboolean
is_writable (CsSubcontractingPage *self)
{
  return self->store != NULL && !cs_store_is_closed (self->store) &&
         !cs_store_is_read_only (self->store);
}

static gint64
get_offer_id (CsSubcontractingPage *self)
{
  return self->offer != NULL ? cs_record_get_id (CS_RECORD (self->offer)) : 0;
}

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
  g_ptr_array_add (fields, cs_field_row_new (_("Name"), "name", NULL));
  g_ptr_array_add (fields, cs_field_row_new (_("Service"), "service", NULL));
  g_ptr_array_add (fields, cs_field_row_new (_("Country of service"), "country", NULL));
  g_ptr_array_add (fields, cs_field_row_new (_("Parent company"), "parent_company", NULL));
  g_ptr_array_add (fields, cs_choice_row_new (_("Access to personal data"), "personal_data"));
  g_ptr_array_add (fields, cs_choice_row_new (_("Declared GDPR sub-processor"),
                                              "gdpr_subprocessor"));
  g_ptr_array_add (fields, cs_field_row_new (_("Contract reference"), "reference", NULL));
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
                                 is_writable (self) && self->offer != NULL);
}

static void
records_changed_cb (gpointer user_data)
{
  update_actions (user_data);
}

static void
update_no_offer (CsSubcontractingPage *self)
{
  gboolean has_offers = self->store != NULL && !cs_store_is_closed (self->store) &&
                        g_list_model_get_n_items (cs_store_get_offers (self->store)) > 0;

  if (has_offers)
    adw_status_page_set_description (self->no_offer_page,
                                     _("Choose an offer in the sidebar to record its "
                                       "subcontracting terms."));
  else
    adw_status_page_set_description (self->no_offer_page,
                                     _("Add the incumbent contract or a provider’s proposal to "
                                       "record who else does the work and on what terms."));
  gtk_widget_set_visible (self->add_offer_button, !has_offers);
}

static void
update_offer (CsSubcontractingPage *self)
{
  gint64 offer_id = get_offer_id (self);

  cs_record_list_set_offer (self->subcontractors, offer_id);

  if (self->offer == NULL || self->store == NULL)
    {
      cs_field_rows_bind (GTK_WIDGET (self->terms_group), self->store, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-offer");
      update_no_offer (self);
    }
  else
    {
      cs_field_rows_bind (GTK_WIDGET (self->terms_group), self->store,
                          cs_store_get_section (self->store, CS_TYPE_SUBCONTRACTING, offer_id));
      gtk_stack_set_visible_child_name (self->stack, "offer");
    }

  cs_flags_group_set_source (self->flags_group, self->store, CS_SECTION_SUBCONTRACTING,
                             self->offer);
  if (self->clause_editor != NULL)
    cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (self->clause_editor), self->offer);
  update_actions (self);
}

static void
on_offers_changed_cb (GListModel           *offers,
                      guint                 position,
                      guint                 removed,
                      guint                 added,
                      CsSubcontractingPage *self)
{
  update_no_offer (self);
}

static void
on_flag_activated_cb (CsFlagsGroup         *group,
                      const char           *table,
                      gint64                record_id,
                      const char           *field,
                      CsSubcontractingPage *self)
{
  cs_section_editor_focus_target (CS_SECTION_EDITOR (self), table, record_id, field);
}

/* CsSectionEditor */

static gboolean
cs_subcontracting_page_focus_target (CsSectionEditor *editor,
                                     const char      *table,
                                     gint64           record_id,
                                     const char      *field)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (editor);
  GtkWidget *target = NULL;

  if (self->offer == NULL)
    return gtk_widget_grab_focus (self->add_offer_button);

  if (g_strcmp0 (table, "subcontractor") == 0)
    {
      target = cs_record_list_find_target (self->subcontractors, record_id, field);
    }
  else if (g_strcmp0 (table, "subcontracting") == 0 && field == NULL)
    {
      /* A flag about the list as a whole ("allowed, but nobody is named"). */
      GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->subcontractors_list));

      target = first != NULL && GTK_IS_LIST_BOX_ROW (first) &&
               g_object_get_data (G_OBJECT (first), "cs-record") != NULL
               ? first : NULL;
      if (target == NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "subcontractors.add", NULL);
          return TRUE;
        }
    }
  else
    {
      target = cs_field_rows_find (GTK_WIDGET (self->terms_group), table, record_id, field);
    }

  if (target == NULL)
    target = cs_field_rows_find (GTK_WIDGET (self->terms_group), NULL, 0, NULL);
  if (target == NULL)
    return FALSE;

  return cs_field_rows_reveal (target);
}

static void
cs_subcontracting_page_editor_init (CsSectionEditorInterface *iface)
{
  iface->focus_target = cs_subcontracting_page_focus_target;
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

  g_assert (CS_IS_STORE (self->store));

  self->subcontractors = cs_record_list_new (GTK_WIDGET (self), self->subcontractors_list,
                                             self->store, &info);

  self->clause_editor = cs_clause_editor_new (self->store, CS_SECTION_SUBCONTRACTING);
  adw_preferences_group_add (self->wording_group, self->clause_editor);

  g_signal_connect_object (cs_store_get_offers (self->store), "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_AFTER);
  if (cs_store_is_read_only (self->store))
    adw_preferences_group_set_description (self->terms_group,
                                           _("This project is open read-only: the terms can be "
                                             "read but not changed."));

  update_offer (self);
}

static void
cs_subcontracting_page_dispose (GObject *object)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (object);

  g_clear_object (&self->subcontractors);
  g_clear_object (&self->offer);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SUBCONTRACTING_PAGE);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_subcontracting_page_parent_class)->dispose (object);
}

static void
cs_subcontracting_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (object);

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
cs_subcontracting_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (object);

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
cs_subcontracting_page_class_init (CsSubcontractingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_subcontracting_page_constructed;
  object_class->dispose = cs_subcontracting_page_dispose;
  object_class->get_property = cs_subcontracting_page_get_property;
  object_class->set_property = cs_subcontracting_page_set_property;

  /**
   * CsSubcontractingPage:store:
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

  cs_record_list_install_actions (widget_class, "subcontractors");

  g_type_ensure (CS_TYPE_FLAGS_GROUP);
  g_type_ensure (CS_TYPE_FIELD_ROW);
  g_type_ensure (CS_TYPE_CHOICE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-subcontracting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, no_offer_page);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, add_offer_button);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, flags_group);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, terms_group);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, subcontractors_group);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, subcontractors_list);
  gtk_widget_class_bind_template_child (widget_class, CsSubcontractingPage, wording_group);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_activated_cb);
}

static void
cs_subcontracting_page_init (CsSubcontractingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/**
 * cs_subcontracting_page_new:
 * @store: the project
 *
 * Returns: (transfer floating): a new #CsSubcontractingPage, a #CsSectionEditor
 */
GtkWidget *
cs_subcontracting_page_new (CsStore *store)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  return g_object_new (CS_TYPE_SUBCONTRACTING_PAGE, "store", store, NULL);
}
