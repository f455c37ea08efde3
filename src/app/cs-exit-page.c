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
#include "cs-clause-editor.h"
#include "cs-field-row.h"
#include "cs-flags-group.h"
#include "cs-section-editor.h"
#include "cs-sections.h"

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
 * `deliverables.move-up(x)`, `deliverables.move-down(x)` (x: the deliverable id),
 * `deliverables.undo-delete`.
 */
struct _CsExitPage
{
  AdwBin               parent_instance;

  CsStore             *store;
  CsOffer             *offer;
  GtkWidget           *clause_editor;
  guint                update_id;
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
  CsFieldRow          *assistance_price_row;
  GtkWidget           *add_standard_button;
  AdwPreferencesGroup *deliverables_group;
  GtkListBox          *deliverables_list;
  AdwPreferencesGroup *wording_group;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_OFFER,
  N_PROPS
};

static void cs_exit_page_editor_init (CsSectionEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsExitPage, cs_exit_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_SECTION_EDITOR,
                                                      cs_exit_page_editor_init))

static GParamSpec *properties[N_PROPS];

static gboolean
is_writable (CsExitPage *self)
{
  return self->store != NULL && !cs_store_is_closed (self->store) &&
         !cs_store_is_read_only (self->store);
}

static void
add_toast (CsExitPage *self,
           AdwToast   *toast)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self))), toast);
}

static gint64
get_offer_id (CsExitPage *self)
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
on_deliverable_notify_cb (CsRecord   *deliverable,
                            GParamSpec *pspec,
                            GtkWidget  *row)
{
  update_row_title (ADW_EXPANDER_ROW (row), deliverable);
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
create_deliverable_row (gpointer item,
                          gpointer user_data)
{
  CsExitPage *self = user_data;
  CsRecord *deliverable = item;
  gint64 id = cs_record_get_id (deliverable);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *fields[] = {
    cs_field_row_new (_("Name"), "label", NULL),
    cs_field_row_new (_("Format"), "format", NULL),
    cs_field_row_new (_("Deadline"), "deadline_days", _("days after notice")),
    cs_field_row_new (_("Owner"), "owner", NULL),
    cs_field_row_new (_("Price"), "price", get_currency (self->store)),
    cs_choice_row_new (_("Status during an exit"), "status"),
    cs_field_row_new (_("Status date (YYYY-MM-DD)"), "status_date", NULL),
    cs_field_row_new (_("Verified by"), "verifier", NULL),
    cs_field_row_new (_("Contract reference"), "reference", NULL),
  };

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_row_title (ADW_EXPANDER_ROW (row), deliverable);

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               create_button ("go-up-symbolic", _("Move Up"),
                                              "deliverables.move-up", id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               create_button ("go-down-symbolic", _("Move Down"),
                                              "deliverables.move-down", id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               create_button ("user-trash-symbolic", _("Delete Deliverable"),
                                              "deliverables.delete", id));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      cs_field_rows_bind (fields[i], self->store, deliverable);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fields[i]);
    }

  g_object_set_data_full (G_OBJECT (row), "cs-record", g_object_ref (deliverable),
                          g_object_unref);
  g_signal_connect_object (deliverable, "notify", G_CALLBACK (on_deliverable_notify_cb),
                           row, 0);

  return row;
}

static GtkWidget *
find_row (CsExitPage *self,
          gint64                id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->deliverables_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      CsRecord *record = g_object_get_data (G_OBJECT (row), "cs-record");

      if (record != NULL && cs_record_get_id (record) == id)
        return row;
    }

  return NULL;
}

/* The figures of the deliverables, in the group's description. */
static void
update_summary (CsExitPage *self)
{
  g_autoptr(CsExitReport) report = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_items;
  guint n_missing;

  if (self->offer == NULL || self->store == NULL || cs_store_is_closed (self->store))
    return;

  report = cs_exit_report_new (self->store, get_offer_id (self));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
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
          g_string_append_printf (text, _("%s %s in total"), price, get_currency (self->store));
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
                                 is_writable (self) && n_missing > 0);
}

static gboolean
update_idle_cb (gpointer data)
{
  CsExitPage *self = data;

  self->update_id = 0;
  update_summary (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_saved_cb (CsStore    *store,
                   CsExitPage *self)
{
  /* "saved" comes when the change is on disk, before the record objects show it. */
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_idle_cb, self);
}

static void
update_actions (CsExitPage *self)
{
  gboolean writable = is_writable (self) && self->offer != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deliverables.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deliverables.delete", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deliverables.move-up", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deliverables.move-down", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deliverables.undo-delete",
                                 writable && self->last_deletion != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deliverables.add-standard", FALSE);
  update_summary (self);
}

static void
update_no_offer (CsExitPage *self)
{
  gboolean has_offers = self->store != NULL && !cs_store_is_closed (self->store) &&
                        g_list_model_get_n_items (cs_store_get_offers (self->store)) > 0;

  if (has_offers)
    adw_status_page_set_description (self->no_offer_page,
                                     _("Choose an offer in the sidebar to record its "
                                       "reversibility terms."));
  else
    adw_status_page_set_description (self->no_offer_page,
                                     _("Add the incumbent contract or a provider’s proposal to "
                                       "record what an exit would cost and what is handed back."));
  gtk_widget_set_visible (self->add_offer_button, !has_offers);
}

static void
update_offer (CsExitPage *self)
{
  gint64 offer_id = get_offer_id (self);

  gtk_list_box_bind_model (self->deliverables_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);

  if (self->offer == NULL || self->store == NULL)
    {
      cs_field_rows_bind (GTK_WIDGET (self->terms_group), self->store, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-offer");
      update_no_offer (self);
    }
  else
    {
      GListModel *list = cs_store_list (self->store, CS_TYPE_EXIT_DELIVERABLE, offer_id);

      self->sorted = gtk_sort_list_model_new (g_object_ref (list), g_object_ref (self->sorter));
      cs_field_rows_bind (GTK_WIDGET (self->terms_group), self->store,
                          cs_store_get_section (self->store, CS_TYPE_EXIT_TERMS, offer_id));
      gtk_list_box_bind_model (self->deliverables_list, G_LIST_MODEL (self->sorted),
                               create_deliverable_row, self, NULL);
      cs_field_row_set_unit (self->assistance_price_row, get_currency (self->store));
      gtk_stack_set_visible_child_name (self->stack, "offer");
    }

  g_clear_pointer (&self->last_deletion, cs_deletion_unref);
  cs_flags_group_set_source (self->flags_group, self->store, CS_SECTION_EXIT,
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
                      CsExitPage *self)
{
  update_no_offer (self);
}

static void
on_store_record_changed_cb (CsStore              *store,
                            CsRecord             *record,
                            const char           *column,
                            CsExitPage *self)
{
  if (CS_IS_EXIT_DELIVERABLE (record) && g_strcmp0 (column, "position") == 0)
    gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_flag_activated_cb (CsFlagsGroup         *group,
                      const char           *table,
                      gint64                record_id,
                      const char           *field,
                      CsExitPage *self)
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
move (CsExitPage *self,
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
cs_exit_page_add_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  CsExitPage *self = CS_EXIT_PAGE (widget);
  g_autoptr(CsRecord) deliverable = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->offer == NULL)
    return;

  deliverable = g_object_new (CS_TYPE_EXIT_DELIVERABLE, "offer-id", get_offer_id (self), NULL);
  if (!cs_store_add (self->store, deliverable, &error))
    {
      cs_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  row = find_row (self, cs_record_get_id (deliverable));
  if (row != NULL)
    {
      GtkWidget *name = cs_field_rows_find (row, "exit_deliverable", 0, "label");

      cs_field_rows_reveal (name != NULL ? name : row);
    }
}

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

  if (self->offer == NULL)
    return;

  report = cs_exit_report_new (self->store, get_offer_id (self));
  n = g_strv_length (report->missing_items);
  if (n == 0)
    return;

  add.offer_id = get_offer_id (self);
  add.items = (const char * const *) report->missing_items;
  if (!cs_store_batch (self->store, add_standard_cb, &add, &error))
    {
      cs_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u standard deliverable added",
                                        "%u standard deliverables added", n), n);
  add_toast (self, adw_toast_new (title));
  update_summary (self);
}

static void
cs_exit_page_delete_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  CsExitPage *self = CS_EXIT_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CsRecord *record = cs_store_find (self->store, CS_TYPE_EXIT_DELIVERABLE, id);
  const char *name;
  CsDeletion *deletion;
  AdwToast *toast;

  if (record == NULL)
    return;

  name = get_deliverable_name (record);
  /* Translators: %s is an exit deliverable (toast titles are markup: it is escaped) */
  title = g_markup_printf_escaped (_("Deliverable “%s” deleted"), name);

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
  adw_toast_set_action_name (toast, "deliverables.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  add_toast (self, toast);

  update_actions (self);
}

static void
cs_exit_page_undo_delete_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  CsExitPage *self = CS_EXIT_PAGE (widget);
  g_autoptr(CsDeletion) deletion = g_steal_pointer (&self->last_deletion);
  g_autoptr(GError) error = NULL;

  if (deletion != NULL && !cs_store_undelete (self->store, deletion, &error))
    cs_show_error_toast (GTK_WIDGET (self), error);

  update_actions (self);
}

static void
cs_exit_page_move_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  move (CS_EXIT_PAGE (widget), g_variant_get_int64 (parameter),
        g_str_equal (action_name, "deliverables.move-up") ? -1 : 1);
}

/* CsSectionEditor */

static gboolean
cs_exit_page_focus_target (CsSectionEditor *editor,
                                     const char      *table,
                                     gint64           record_id,
                                     const char      *field)
{
  CsExitPage *self = CS_EXIT_PAGE (editor);
  GtkWidget *target = NULL;

  if (self->offer == NULL)
    return gtk_widget_grab_focus (self->add_offer_button);

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
      GtkWidget *row = record_id != 0 ? find_row (self, record_id) : NULL;

      if (row != NULL)
        target = field != NULL ? cs_field_rows_find (row, table, record_id, field) : NULL;
      if (target == NULL)
        target = row;
      if (target == NULL)
        target = gtk_widget_get_first_child (GTK_WIDGET (self->deliverables_list));
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
cs_exit_page_editor_init (CsSectionEditorInterface *iface)
{
  iface->focus_target = cs_exit_page_focus_target;
}

/* GObject vfuncs */

static void
cs_exit_page_constructed (GObject *object)
{
  CsExitPage *self = CS_EXIT_PAGE (object);

  G_OBJECT_CLASS (cs_exit_page_parent_class)->constructed (object);

  g_assert (CS_IS_STORE (self->store));

  self->clause_editor = cs_clause_editor_new (self->store, CS_SECTION_EXIT);
  adw_preferences_group_add (self->wording_group, self->clause_editor);

  g_signal_connect_object (cs_store_get_offers (self->store), "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "saved", G_CALLBACK (on_store_saved_cb), self, 0);
  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_store_record_changed_cb), self, 0);
  if (cs_store_is_read_only (self->store))
    adw_preferences_group_set_description (self->terms_group,
                                           _("This project is open read-only: the terms can be "
                                             "read but not changed."));

  update_offer (self);
}

static void
cs_exit_page_dispose (GObject *object)
{
  CsExitPage *self = CS_EXIT_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->deliverables_list != NULL)
    gtk_list_box_bind_model (self->deliverables_list, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->last_deletion, cs_deletion_unref);
  g_clear_object (&self->offer);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_EXIT_PAGE);

  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_exit_page_parent_class)->dispose (object);
}

static void
cs_exit_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CsExitPage *self = CS_EXIT_PAGE (object);

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
cs_exit_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CsExitPage *self = CS_EXIT_PAGE (object);

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
cs_exit_page_class_init (CsExitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_exit_page_constructed;
  object_class->dispose = cs_exit_page_dispose;
  object_class->get_property = cs_exit_page_get_property;
  object_class->set_property = cs_exit_page_set_property;

  /**
   * CsExitPage:store:
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

  gtk_widget_class_install_action (widget_class, "deliverables.add", NULL,
                                   cs_exit_page_add_action);
  gtk_widget_class_install_action (widget_class, "deliverables.add-standard", NULL,
                                   cs_exit_page_add_standard_action);
  gtk_widget_class_install_action (widget_class, "deliverables.delete", "x",
                                   cs_exit_page_delete_action);
  gtk_widget_class_install_action (widget_class, "deliverables.undo-delete", NULL,
                                   cs_exit_page_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "deliverables.move-up", "x",
                                   cs_exit_page_move_action);
  gtk_widget_class_install_action (widget_class, "deliverables.move-down", "x",
                                   cs_exit_page_move_action);

  g_type_ensure (CS_TYPE_FLAGS_GROUP);
  g_type_ensure (CS_TYPE_FIELD_ROW);
  g_type_ensure (CS_TYPE_CHOICE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-exit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, no_offer_page);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, add_offer_button);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, flags_group);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, terms_group);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, assistance_price_row);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, add_standard_button);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, deliverables_group);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, deliverables_list);
  gtk_widget_class_bind_template_child (widget_class, CsExitPage, wording_group);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_activated_cb);
}

static void
cs_exit_page_init (CsExitPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_positions, NULL, NULL));

  placeholder = gtk_label_new (_("No exit deliverable is listed. Add the standard items, then "
                                 "record the format and deadline the offer commits to."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->deliverables_list, placeholder);
}

/* public API */

/**
 * cs_exit_page_new:
 * @store: the project
 *
 * Returns: (transfer floating): a new #CsExitPage, a #CsSectionEditor
 */
GtkWidget *
cs_exit_page_new (CsStore *store)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  return g_object_new (CS_TYPE_EXIT_PAGE, "store", store, NULL);
}
