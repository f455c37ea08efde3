/* cs-security-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-security-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-security-page.h"
#include "cs-choice-row.h"
#include "cs-clause-editor.h"
#include "cs-field-row.h"
#include "cs-flags-group.h"
#include "cs-section-editor.h"
#include "cs-sections.h"
#include "cs-toast.h"

/**
 * CsSecurityPage:
 *
 * The Security & Access page of an offer: the security controls the store creates for every
 * offer (named accounts, MFA on provider access … password vault), each a row with its
 * status drop-down (not stated / committed / partial / absent / not applicable) that expands
 * to the detail, the proof method and the contract reference; the points to check at the
 * top, and the contract wording of the section at the bottom. Every change is committed at
 * once. Without an offer, the page says so and offers to add one.
 */
struct _CsSecurityPage
{
  AdwBin               parent_instance;

  CsStore             *store;
  CsOffer             *offer;
  GtkWidget           *clause_editor;
  /* the status drop-downs line up whatever their label */
  GtkSizeGroup        *status_size_group;

  /* template children (not the bin's own child, the toast overlay, which AdwBin disposes of) */
  GtkStack            *stack;
  AdwStatusPage       *no_offer_page;
  GtkWidget           *add_offer_button;
  AdwPreferencesPage  *preferences_page;
  CsFlagsGroup        *flags_group;
  AdwPreferencesGroup *controls_group;
  GtkListBox          *controls_list;
  AdwPreferencesGroup *wording_group;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_OFFER,
  N_PROPS
};

static void cs_security_page_editor_init (CsSectionEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsSecurityPage, cs_security_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_SECTION_EDITOR,
                                                      cs_security_page_editor_init))

static GParamSpec *properties[N_PROPS];

static gboolean
is_writable (CsSecurityPage *self)
{
  return self->store != NULL && !cs_store_is_closed (self->store) &&
         !cs_store_is_read_only (self->store);
}

static void
update_subtitle (AdwExpanderRow *row,
                 CsRecord       *control)
{
  const char *detail = cs_record_get_string (control, "detail");
  const char *proof = cs_record_get_string (control, "proof");
  g_autofree char *first_line = NULL;
  g_autofree char *subtitle = NULL;

  if (detail == NULL || detail[0] == '\0')
    {
      adw_expander_row_set_subtitle (row, _("No detail recorded"));
      return;
    }

  first_line = g_strndup (detail, strcspn (detail, "\n"));
  if (proof != NULL && proof[0] != '\0')
    /* Translators: a security control's detail, then how it is proved */
    subtitle = g_strdup_printf (_("%s — proof: %s"), first_line, proof);
  else
    subtitle = g_steal_pointer (&first_line);

  adw_expander_row_set_subtitle (row, subtitle);
}

static void
sync_status (GtkDropDown *drop_down,
             CsRecord    *control)
{
  const CsField *field = cs_entity_find_field (cs_record_get_entity (control), "status", NULL);
  const char *status = cs_record_get_string (control, "status");

  g_object_set_data (G_OBJECT (drop_down), "cs-syncing", GINT_TO_POINTER (TRUE));
  for (guint i = 0; field->choices[i] != NULL; i++)
    if (g_str_equal (field->choices[i], status))
      gtk_drop_down_set_selected (drop_down, i);
  g_object_set_data (G_OBJECT (drop_down), "cs-syncing", NULL);
}

static void
on_control_notify_cb (CsRecord   *control,
                      GParamSpec *pspec,
                      GtkWidget  *row)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (row), "cs-drop-down");

  if (g_str_equal (pspec->name, "status"))
    sync_status (drop_down, control);
  else
    update_subtitle (ADW_EXPANDER_ROW (row), control);
}

static void
on_status_selected_cb (GtkDropDown    *drop_down,
                       GParamSpec     *pspec,
                       CsSecurityPage *self)
{
  CsRecord *control = g_object_get_data (G_OBJECT (drop_down), "cs-record");
  const CsField *field = cs_entity_find_field (cs_record_get_entity (control), "status", NULL);
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (drop_down), "cs-syncing") != NULL ||
      selected == GTK_INVALID_LIST_POSITION ||
      g_str_equal (field->choices[selected], cs_record_get_string (control, "status")))
    return;

  if (!cs_store_set_string (self->store, control, "status", field->choices[selected], &error))
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      sync_status (drop_down, control);
    }
}

static GtkWidget *
create_control_row (gpointer item,
                    gpointer user_data)
{
  CsSecurityPage *self = user_data;
  CsRecord *control = item;
  const char *label = cs_security_control_get_label (cs_record_get_string (control, "control"));
  const CsField *field = cs_entity_find_field (cs_record_get_entity (control), "status", NULL);
  g_autoptr(GtkStringList) statuses = cs_choice_labels_new (field->choices);
  g_autofree char *status_name = NULL;
  GtkWidget *row;
  GtkWidget *drop_down;
  GtkWidget *fields[3];

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update_subtitle (ADW_EXPANDER_ROW (row), control);

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_size_group_add_widget (self->status_size_group, drop_down);
  gtk_widget_set_sensitive (drop_down, is_writable (self));
  /* Translators: accessible name of a security control's status; %s is the control */
  status_name = g_strdup_printf (_("Status of %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status_name,
                                  -1);
  gtk_widget_set_tooltip_text (drop_down, _("What the offer commits to"));
  g_object_set_data_full (G_OBJECT (drop_down), "cs-record", g_object_ref (control),
                          g_object_unref);
  sync_status (GTK_DROP_DOWN (drop_down), control);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_status_selected_cb),
                           self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), drop_down);
  g_object_set_data (G_OBJECT (row), "cs-drop-down", drop_down);
  g_object_set_data_full (G_OBJECT (row), "cs-record", g_object_ref (control), g_object_unref);

  fields[0] = cs_field_row_new (_("Detail"), "detail", NULL);
  fields[1] = cs_field_row_new (_("Proof method"), "proof", NULL);
  fields[2] = cs_field_row_new (_("Contract reference"), "reference", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      cs_field_row_bind (CS_FIELD_ROW (fields[i]), self->store, control);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fields[i]);
    }

  g_signal_connect_object (control, "notify", G_CALLBACK (on_control_notify_cb), row, 0);

  return row;
}

static void
update_no_offer (CsSecurityPage *self)
{
  gboolean has_offers = self->store != NULL && !cs_store_is_closed (self->store) &&
                        g_list_model_get_n_items (cs_store_get_offers (self->store)) > 0;

  if (has_offers)
    adw_status_page_set_description (self->no_offer_page,
                                     _("Choose an offer in the sidebar to record its security "
                                       "and access controls."));
  else
    adw_status_page_set_description (self->no_offer_page,
                                     _("Add the incumbent contract or a provider’s proposal to "
                                       "record the security and access controls it commits to."));
  gtk_widget_set_visible (self->add_offer_button, !has_offers);
}

static void
update_offer (CsSecurityPage *self)
{
  gint64 offer_id = self->offer != NULL ? cs_record_get_id (CS_RECORD (self->offer)) : 0;

  if (self->offer == NULL || self->store == NULL)
    {
      gtk_list_box_bind_model (self->controls_list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-offer");
      update_no_offer (self);
    }
  else
    {
      gtk_list_box_bind_model (self->controls_list,
                               cs_store_list (self->store, CS_TYPE_SECURITY_CONTROL, offer_id),
                               create_control_row, self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "offer");
    }

  cs_flags_group_set_source (self->flags_group, self->store, CS_SECTION_SECURITY, self->offer);
  if (self->clause_editor != NULL)
    cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (self->clause_editor), self->offer);
}

static void
on_offers_changed_cb (GListModel     *offers,
                      guint           position,
                      guint           removed,
                      guint           added,
                      CsSecurityPage *self)
{
  update_no_offer (self);
}

static void
on_flag_activated_cb (CsFlagsGroup   *group,
                      const char     *table,
                      gint64          record_id,
                      const char     *field,
                      CsSecurityPage *self)
{
  cs_section_editor_focus_target (CS_SECTION_EDITOR (self), table, record_id, field);
}

/* CsSectionEditor */

static gboolean
cs_security_page_focus_target (CsSectionEditor *editor,
                               const char      *table,
                               gint64           record_id,
                               const char      *field)
{
  CsSecurityPage *self = CS_SECURITY_PAGE (editor);
  GtkWidget *target = NULL;

  if (self->offer == NULL)
    return gtk_widget_grab_focus (self->add_offer_button);

  if (table == NULL || g_str_equal (table, "security_control"))
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->controls_list));
           row != NULL && target == NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          CsRecord *control = g_object_get_data (G_OBJECT (row), "cs-record");

          if (control == NULL || (record_id != 0 && cs_record_get_id (control) != record_id))
            continue;

          if (field == NULL || g_str_equal (field, "status"))
            target = g_object_get_data (G_OBJECT (row), "cs-drop-down");
          else
            target = cs_field_rows_find (row, "security_control", record_id, field);
          if (target == NULL)
            target = row;
        }
    }

  if (target == NULL)
    target = gtk_widget_get_first_child (GTK_WIDGET (self->controls_list));
  if (target == NULL)
    return FALSE;

  return cs_field_rows_reveal (target);
}

static void
cs_security_page_editor_init (CsSectionEditorInterface *iface)
{
  iface->focus_target = cs_security_page_focus_target;
}

/* GObject vfuncs */

static void
cs_security_page_constructed (GObject *object)
{
  CsSecurityPage *self = CS_SECURITY_PAGE (object);

  G_OBJECT_CLASS (cs_security_page_parent_class)->constructed (object);

  g_assert (CS_IS_STORE (self->store));

  self->clause_editor = cs_clause_editor_new (self->store, CS_SECTION_SECURITY);
  adw_preferences_group_add (self->wording_group, self->clause_editor);

  g_signal_connect_object (cs_store_get_offers (self->store), "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_AFTER);
  if (cs_store_is_read_only (self->store))
    adw_preferences_group_set_description (self->controls_group,
                                           _("This project is open read-only: the controls "
                                             "can be read but not changed."));

  update_offer (self);
}

static void
cs_security_page_dispose (GObject *object)
{
  CsSecurityPage *self = CS_SECURITY_PAGE (object);

  if (self->controls_list != NULL)
    gtk_list_box_bind_model (self->controls_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->offer);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SECURITY_PAGE);

  g_clear_object (&self->status_size_group);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_security_page_parent_class)->dispose (object);
}

static void
cs_security_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsSecurityPage *self = CS_SECURITY_PAGE (object);

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
cs_security_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CsSecurityPage *self = CS_SECURITY_PAGE (object);

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
cs_security_page_class_init (CsSecurityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_security_page_constructed;
  object_class->dispose = cs_security_page_dispose;
  object_class->get_property = cs_security_page_get_property;
  object_class->set_property = cs_security_page_set_property;

  /**
   * CsSecurityPage:store:
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-security-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, no_offer_page);
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, add_offer_button);
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, flags_group);
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, controls_group);
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, controls_list);
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, wording_group);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_activated_cb);
}

static void
cs_security_page_init (CsSecurityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_size_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

/* public API */

/**
 * cs_security_page_new:
 * @store: the project
 *
 * Returns: (transfer floating): a new #CsSecurityPage, a #CsSectionEditor
 */
GtkWidget *
cs_security_page_new (CsStore *store)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  return g_object_new (CS_TYPE_SECURITY_PAGE, "store", store, NULL);
}
