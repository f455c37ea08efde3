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
  GtkSorter           *sorter;
  GtkSortListModel    *sorted;
  CsDeletion          *last_deletion;

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

static void
add_toast (CsSubcontractingPage *self,
           AdwToast             *toast)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self))), toast);
}

static gint64
get_offer_id (CsSubcontractingPage *self)
{
  return self->offer != NULL ? cs_record_get_id (CS_RECORD (self->offer)) : 0;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  gint64 pa = cs_record_get_int (CS_RECORD ((gpointer) a), "position");
  gint64 pb = cs_record_get_int (CS_RECORD ((gpointer) b), "position");
  gint64 ia = cs_record_get_id (CS_RECORD ((gpointer) a));
  gint64 ib = cs_record_get_id (CS_RECORD ((gpointer) b));

  if (pa != pb)
    return pa < pb ? -1 : 1;

  return ia < ib ? -1 : ia > ib;
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
on_subcontractor_notify_cb (CsRecord   *subcontractor,
                            GParamSpec *pspec,
                            GtkWidget  *row)
{
  update_row_title (ADW_EXPANDER_ROW (row), subcontractor);
}

static GtkWidget *
create_button (const char *icon_name,
               const char *tooltip,
               const char *action_name,
               gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static GtkWidget *
create_subcontractor_row (gpointer item,
                          gpointer user_data)
{
  CsSubcontractingPage *self = user_data;
  CsRecord *subcontractor = item;
  gint64 id = cs_record_get_id (subcontractor);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *fields[] = {
    cs_field_row_new (_("Name"), "name", NULL),
    cs_field_row_new (_("Service"), "service", NULL),
    cs_field_row_new (_("Country of service"), "country", NULL),
    cs_field_row_new (_("Parent company"), "parent_company", NULL),
    cs_choice_row_new (_("Access to personal data"), "personal_data"),
    cs_choice_row_new (_("Declared GDPR sub-processor"), "gdpr_subprocessor"),
    cs_field_row_new (_("Contract reference"), "reference", NULL),
  };

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_row_title (ADW_EXPANDER_ROW (row), subcontractor);

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               create_button ("go-up-symbolic", _("Move Up"),
                                              "subcontractors.move-up", id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               create_button ("go-down-symbolic", _("Move Down"),
                                              "subcontractors.move-down", id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               create_button ("user-trash-symbolic", _("Delete Subcontractor"),
                                              "subcontractors.delete", id));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      cs_field_rows_bind (fields[i], self->store, subcontractor);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fields[i]);
    }

  g_object_set_data_full (G_OBJECT (row), "cs-record", g_object_ref (subcontractor),
                          g_object_unref);
  g_signal_connect_object (subcontractor, "notify", G_CALLBACK (on_subcontractor_notify_cb),
                           row, 0);

  return row;
}

static GtkWidget *
find_row (CsSubcontractingPage *self,
          gint64                id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->subcontractors_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      CsRecord *record = g_object_get_data (G_OBJECT (row), "cs-record");

      if (record != NULL && cs_record_get_id (record) == id)
        return row;
    }

  return NULL;
}

static void
update_actions (CsSubcontractingPage *self)
{
  gboolean writable = is_writable (self) && self->offer != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subcontractors.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subcontractors.delete", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subcontractors.move-up", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subcontractors.move-down", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subcontractors.undo-delete",
                                 writable && self->last_deletion != NULL);
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

  gtk_list_box_bind_model (self->subcontractors_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);

  if (self->offer == NULL || self->store == NULL)
    {
      cs_field_rows_bind (GTK_WIDGET (self->terms_group), self->store, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-offer");
      update_no_offer (self);
    }
  else
    {
      GListModel *list = cs_store_list (self->store, CS_TYPE_SUBCONTRACTOR, offer_id);

      self->sorted = gtk_sort_list_model_new (g_object_ref (list), g_object_ref (self->sorter));
      cs_field_rows_bind (GTK_WIDGET (self->terms_group), self->store,
                          cs_store_get_section (self->store, CS_TYPE_SUBCONTRACTING, offer_id));
      gtk_list_box_bind_model (self->subcontractors_list, G_LIST_MODEL (self->sorted),
                               create_subcontractor_row, self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "offer");
    }

  g_clear_pointer (&self->last_deletion, cs_deletion_unref);
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
on_store_record_changed_cb (CsStore              *store,
                            CsRecord             *record,
                            const char           *column,
                            CsSubcontractingPage *self)
{
  if (CS_IS_SUBCONTRACTOR (record) && g_strcmp0 (column, "position") == 0)
    gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
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

/* Reordering: renumber the list in its shown order with two neighbours swapped. */

typedef struct
{
  GListModel *model;
  guint       a;
  guint       b;
} Swap;

static gboolean
swap_positions_cb (CsStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  Swap *swap = user_data;
  guint n = g_list_model_get_n_items (swap->model);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (swap->model, i));

  {
    gpointer tmp = order->pdata[swap->a];

    order->pdata[swap->a] = order->pdata[swap->b];
    order->pdata[swap->b] = tmp;
  }

  for (guint i = 0; i < n; i++)
    {
      CsRecord *record = g_ptr_array_index (order, i);

      if (cs_record_get_int (record, "position") != (gint64) i + 1 &&
          !cs_store_set_int (store, record, "position", i + 1, error))
        return FALSE;
    }

  return TRUE;
}

static void
move (CsSubcontractingPage *self,
      gint64                id,
      int                   delta)
{
  GListModel *model = self->sorted != NULL ? G_LIST_MODEL (self->sorted) : NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  Swap swap = { 0, };
  GtkWidget *row;

  if (model == NULL)
    return;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (model, i);

      if (cs_record_get_id (record) == id)
        {
          if ((delta < 0 && i == 0) || (delta > 0 && i + 1 >= n))
            return;
          swap.model = model;
          swap.a = i;
          swap.b = i + delta;
          break;
        }
    }

  if (swap.model == NULL)
    return;

  if (!cs_store_batch (self->store, swap_positions_cb, &swap, &error))
    {
      cs_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  row = find_row (self, id);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* actions */

static void
cs_subcontracting_page_add_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (widget);
  g_autoptr(CsRecord) subcontractor = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->offer == NULL)
    return;

  subcontractor = g_object_new (CS_TYPE_SUBCONTRACTOR, "offer-id", get_offer_id (self), NULL);
  if (!cs_store_add (self->store, subcontractor, &error))
    {
      cs_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  row = find_row (self, cs_record_get_id (subcontractor));
  if (row != NULL)
    {
      GtkWidget *name = cs_field_rows_find (row, "subcontractor", 0, "name");

      cs_field_rows_reveal (name != NULL ? name : row);
    }
}

static void
cs_subcontracting_page_delete_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CsRecord *record = cs_store_find (self->store, CS_TYPE_SUBCONTRACTOR, id);
  const char *name;
  CsDeletion *deletion;
  AdwToast *toast;

  if (record == NULL)
    return;

  name = cs_record_get_string (record, "name");
  if (name == NULL || name[0] == '\0')
    name = _("Unnamed subcontractor");
  /* Translators: %s is a subcontractor's name (toast titles are markup: it is escaped) */
  title = g_markup_printf_escaped (_("Subcontractor “%s” deleted"), name);

  deletion = cs_store_delete (self->store, record, &error);
  if (deletion == NULL)
    {
      cs_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  g_clear_pointer (&self->last_deletion, cs_deletion_unref);
  self->last_deletion = deletion;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "subcontractors.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  add_toast (self, toast);

  update_actions (self);
}

static void
cs_subcontracting_page_undo_delete_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  CsSubcontractingPage *self = CS_SUBCONTRACTING_PAGE (widget);
  g_autoptr(CsDeletion) deletion = g_steal_pointer (&self->last_deletion);
  g_autoptr(GError) error = NULL;

  if (deletion != NULL && !cs_store_undelete (self->store, deletion, &error))
    cs_show_error_toast (GTK_WIDGET (self), error);

  update_actions (self);
}

static void
cs_subcontracting_page_move_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  move (CS_SUBCONTRACTING_PAGE (widget), g_variant_get_int64 (parameter),
        g_str_equal (action_name, "subcontractors.move-up") ? -1 : 1);
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
      GtkWidget *row = record_id != 0 ? find_row (self, record_id) : NULL;

      if (row != NULL)
        target = field != NULL ? cs_field_rows_find (row, table, record_id, field) : NULL;
      if (target == NULL)
        target = row;
      if (target == NULL)
        target = gtk_widget_get_first_child (GTK_WIDGET (self->subcontractors_list));
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

  G_OBJECT_CLASS (cs_subcontracting_page_parent_class)->constructed (object);

  g_assert (CS_IS_STORE (self->store));

  self->clause_editor = cs_clause_editor_new (self->store, CS_SECTION_SUBCONTRACTING);
  adw_preferences_group_add (self->wording_group, self->clause_editor);

  g_signal_connect_object (cs_store_get_offers (self->store), "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_store_record_changed_cb), self, 0);
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

  if (self->subcontractors_list != NULL)
    gtk_list_box_bind_model (self->subcontractors_list, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->last_deletion, cs_deletion_unref);
  g_clear_object (&self->offer);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SUBCONTRACTING_PAGE);

  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
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

  gtk_widget_class_install_action (widget_class, "subcontractors.add", NULL,
                                   cs_subcontracting_page_add_action);
  gtk_widget_class_install_action (widget_class, "subcontractors.delete", "x",
                                   cs_subcontracting_page_delete_action);
  gtk_widget_class_install_action (widget_class, "subcontractors.undo-delete", NULL,
                                   cs_subcontracting_page_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "subcontractors.move-up", "x",
                                   cs_subcontracting_page_move_action);
  gtk_widget_class_install_action (widget_class, "subcontractors.move-down", "x",
                                   cs_subcontracting_page_move_action);

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
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_positions, NULL, NULL));

  placeholder = gtk_label_new (_("No subcontractor is named. Add the ones the offer lists, "
                                 "with the service each one provides."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->subcontractors_list, placeholder);
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
