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
#include "cs-accessible.h"
#include "cs-choice-row.h"
#include "cs-field-editor.h"
#include "cs-long-text-row.h"
#include "cs-sections.h"
#include "cs-text-row.h"

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
/* One control's row, its status drop-down and the record they edit. */
typedef struct
{
  GtkWidget   *row;
  GtkDropDown *drop_down;
  CsRecord    *control;
} ControlRow;

struct _CsSecurityPage
{
  CsSectionPage        parent_instance;

  /* the status drop-downs line up whatever their label */
  GtkSizeGroup        *status_size_group;
  GPtrArray           *rows;      /* ControlRow, in the order of the list */
  gboolean             syncing;

  /* template children */
  GtkListBox          *controls_list;
};

G_DEFINE_FINAL_TYPE (CsSecurityPage, cs_security_page, CS_TYPE_SECTION_PAGE)


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
control_row_free (gpointer data)
{
  ControlRow *entry = data;

  g_clear_object (&entry->control);
  g_free (entry);
}

static ControlRow *
find_row (CsSecurityPage *self,
          gconstpointer   widget)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ControlRow *entry = g_ptr_array_index (self->rows, i);

      if (entry->row == widget || (gconstpointer) entry->drop_down == widget)
        return entry;
    }

  return NULL;
}

static void
sync_status (CsSecurityPage *self,
             ControlRow     *entry)
{
  const CsField *field = cs_entity_find_field (cs_record_get_entity (entry->control), "status",
                                               NULL);
  const char *status = cs_record_get_string (entry->control, "status");

  self->syncing = TRUE;
  for (guint i = 0; field->choices[i] != NULL; i++)
    if (g_str_equal (field->choices[i], status))
      gtk_drop_down_set_selected (entry->drop_down, i);
  self->syncing = FALSE;
}

static void
on_control_notify_cb (CsRecord       *control,
                      GParamSpec     *pspec,
                      CsSecurityPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ControlRow *entry = g_ptr_array_index (self->rows, i);

      if (entry->control != control)
        continue;
      if (g_str_equal (pspec->name, "status"))
        sync_status (self, entry);
      else
        update_subtitle (ADW_EXPANDER_ROW (entry->row), control);
    }
}

static void
on_status_selected_cb (GtkDropDown    *drop_down,
                       GParamSpec     *pspec,
                       CsSecurityPage *self)
{
  ControlRow *entry = find_row (self, drop_down);
  const CsField *field;
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;

  if (self->syncing || entry == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  field = cs_entity_find_field (cs_record_get_entity (entry->control), "status", NULL);
  if (g_str_equal (field->choices[selected], cs_record_get_string (entry->control, "status")))
    return;

  if (!cs_store_set_string (cs_page_store (self), entry->control, "status",
                            field->choices[selected], &error))
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      sync_status (self, entry);
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
  ControlRow *entry;

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update_subtitle (ADW_EXPANDER_ROW (row), control);

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_size_group_add_widget (self->status_size_group, drop_down);
  gtk_widget_set_sensitive (drop_down, cs_page_is_writable (self));
  /* Translators: accessible name of a security control's status; %s is the control */
  status_name = g_strdup_printf (_("Status of %s"), label);
  cs_accessible_label_drop_down (drop_down, status_name);
  gtk_widget_set_tooltip_text (drop_down, _("What the offer commits to"));
  /* A row made again for the same control (the list reloaded) replaces the old one. */
  for (guint i = self->rows->len; i > 0; i--)
    if (((ControlRow *) g_ptr_array_index (self->rows, i - 1))->control == control)
      g_ptr_array_remove_index (self->rows, i - 1);

  entry = g_new0 (ControlRow, 1);
  entry->row = row;
  entry->drop_down = GTK_DROP_DOWN (drop_down);
  entry->control = g_object_ref (control);
  g_ptr_array_add (self->rows, entry);
  sync_status (self, entry);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_status_selected_cb),
                           self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), drop_down);

  fields[0] = cs_long_text_row_new (_("Detail"), "detail");
  fields[1] = cs_text_row_new (_("Proof method"), "proof");
  fields[2] = cs_text_row_new (_("Contract reference"), "reference");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      cs_field_editor_bind (CS_FIELD_EDITOR (fields[i]), cs_page_store (self), control);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fields[i]);
    }

  g_signal_connect_object (control, "notify", G_CALLBACK (on_control_notify_cb), self, 0);

  return row;
}

static void
cs_security_page_offer_changed (CsSectionPage *page)
{
  CsSecurityPage *self = CS_SECURITY_PAGE (page);
  CsOffer *offer = cs_section_page_get_offer (page);

  /* The rows of the previous offer go with the model. */
  g_ptr_array_set_size (self->rows, 0);
  if (offer == NULL)
    gtk_list_box_bind_model (self->controls_list, NULL, NULL, NULL, NULL);
  else
    gtk_list_box_bind_model (self->controls_list,
                             cs_store_list (cs_section_page_get_store (page),
                                            CS_TYPE_SECURITY_CONTROL,
                                            cs_record_get_id (CS_RECORD (offer))),
                             create_control_row, self, NULL);
}

static gboolean
cs_security_page_focus_target (CsSectionPage *page,
                               const char    *table,
                               gint64         record_id,
                               const char    *field)
{
  CsSecurityPage *self = CS_SECURITY_PAGE (page);
  GtkWidget *target = NULL;

  if (table == NULL || g_str_equal (table, "security_control"))
    {
      for (guint i = 0; i < self->rows->len && target == NULL; i++)
        {
          ControlRow *entry = g_ptr_array_index (self->rows, i);

          if (record_id != 0 && cs_record_get_id (entry->control) != record_id)
            continue;

          if (field == NULL || g_str_equal (field, "status"))
            target = GTK_WIDGET (entry->drop_down);
          else
            target = cs_field_editors_find (entry->row, "security_control", record_id, field);
          if (target == NULL)
            target = entry->row;
        }
    }

  if (target == NULL)
    target = gtk_widget_get_first_child (GTK_WIDGET (self->controls_list));
  if (target == NULL)
    return FALSE;

  return cs_field_editors_reveal (target);
}

static void
cs_security_page_dispose (GObject *object)
{
  CsSecurityPage *self = CS_SECURITY_PAGE (object);

  if (self->controls_list != NULL)
    gtk_list_box_bind_model (self->controls_list, NULL, NULL, NULL, NULL);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SECURITY_PAGE);

  g_clear_object (&self->status_size_group);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_security_page_parent_class)->dispose (object);
}

static void
cs_security_page_class_init (CsSecurityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->dispose = cs_security_page_dispose;
  page_class->offer_changed = cs_security_page_offer_changed;
  page_class->focus_target = cs_security_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_SECURITY, CS_SECTION_PAGE_LAYOUT_FORM,
                                     N_("Choose an offer in the sidebar to record its security "
                                        "and access controls."),
                                     N_("Add the incumbent contract or a provider’s proposal to "
                                        "record the security and access controls it commits to."));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-security-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSecurityPage, controls_list);
}

static void
cs_security_page_init (CsSecurityPage *self)
{
  self->status_size_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->rows = g_ptr_array_new_with_free_func (control_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}
