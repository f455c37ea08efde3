/* cs-exclusions-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-exclusions-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cs-exclusions-page.h"
#include "cs-i18n.h"
#include "cs-labels.h"
#include "cs-perimeter.h"
#include "cs-toast.h"

/**
 * CsExclusionsPage:
 *
 * The Exclusions section of the selected offer: every standard exclusion category
 * (cs_exclusion_standard_categories(), created for the offer when it is first shown) decided
 * excluded / included / not stated, with the contract wording, its reference and the price of
 * the excluded work (empty: not stated); custom exclusions can be added, renamed and deleted
 * (Undo toast). An exclusion that hollows out a core obligation (backups, restores, security
 * incidents) is flagged on its row and above the list. Every change is committed at once.
 *
 * Actions: `exclusions.delete` (an exclusion id); its Undo is `project.undo` (Ctrl+Z).
 */
struct _CsExclusionsPage
{
  CsSectionPage        parent_instance;

  GtkFilterListModel  *standard_model;
  GtkFilterListModel  *custom_model;
  guint                n_hollowing;
  GHashTable          *rows;     /* exclusion id (gint64 *) → ExclusionRow, while shown */

  /* template children */
  GtkWidget           *hollow_box;
  GtkLabel            *hollow_label;
  GtkListBox          *standard_list;
  GtkListBox          *custom_list;
  AdwEntryRow         *new_exclusion_row;
};

G_DEFINE_FINAL_TYPE (CsExclusionsPage, cs_exclusions_page, CS_TYPE_SECTION_PAGE)

/* The row of an exclusion and the widgets a finding can lead to; it goes with the row. */
typedef struct
{
  CsExclusionsPage *self;
  CsExclusion      *exclusion;
  gint64            id;
  gulong            notify_id;
  GtkWidget        *row;
  GtkWidget        *warning;
  GtkWidget        *decision;
  GtkWidget        *wording;
  GtkWidget        *price;
} ExclusionRow;

/* An entry editing one column of an exclusion (shared by its "apply" and focus handlers). */
typedef struct
{
  CsExclusionsPage *self;
  CsRecord         *exclusion;
  const char       *column;
} EntryBinding;

static const char * const decisions[] = { "not_stated", "excluded", "included", NULL };
static const char * const decision_labels[] = {
  /* Translators: decision of an exclusion category in an offer */
  N_("Not stated"), N_("Excluded"), N_("Included"),
};

/* helpers */

static CsRecord *
dup_record (CsStore *store,
            GType    type,
            gint64   id)
{
  CsRecord *record = cs_store_find (store, type, id);

  /* cs_store_find() lends the cached record. */
  return record != NULL ? g_object_ref (record) : NULL;
}

static const char *
currency (CsExclusionsPage *self)
{
  const char *value = cs_record_get_string (CS_RECORD (cs_store_get_project (cs_page_store (self))),
                                            "currency");

  return value != NULL && value[0] != '\0' ? value : _("EUR");
}

static guint
decision_index (const char *decision)
{
  for (guint i = 0; decisions[i] != NULL; i++)
    if (g_strcmp0 (decisions[i], decision) == 0)
      return i;

  return 0;
}

/* In the interface's number format ("1,234.50", "1 234,50"), as parse_price() reads it back. */
static char *
format_price (double price)
{
  if (isnan (price))
    return g_strdup ("");

  return cs_i18n_format_number (NULL, price, 2);
}

static gboolean
parse_price (const char *text,
             double     *out_price)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (copy[0] == '\0')
    {
      *out_price = NAN;
      return TRUE;
    }

  /* Thousands separators go (spaces, no-break spaces, and the commas of "1,234.50"); a comma
   * left is a decimal separator. */
  {
    g_autoptr(GString) digits = g_string_new (NULL);
    gboolean has_point = strchr (copy, '.') != NULL;

    for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_unichar_isspace (c) || c == 0x202f || c == 0x00a0 || (c == ',' && has_point))
          continue;
        g_string_append_unichar (digits, c == ',' ? '.' : c);
      }
    g_free (copy);
    copy = g_string_free (g_steal_pointer (&digits), FALSE);
  }
  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (value) || value < 0)
    return FALSE;

  *out_price = value;
  return TRUE;
}

static void
update_hollow_box (CsExclusionsPage *self)
{
  GListModel *list = cs_page_offer (self) != NULL
                     ? cs_store_list (cs_page_store (self), CS_TYPE_EXCLUSION,
                                      cs_page_offer_id (self))
                     : NULL;
  CsCoreObligation all = CS_CORE_OBLIGATION_NONE;
  guint count = 0;

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsExclusion) exclusion = g_list_model_get_item (list, i);
      CsCoreObligation hollowed = cs_exclusion_get_hollowed_obligations (exclusion);

      if (hollowed != CS_CORE_OBLIGATION_NONE)
        {
          count++;
          all |= hollowed;
        }
    }

  self->n_hollowing = count;
  gtk_widget_set_visible (self->hollow_box, count > 0);
  if (count > 0)
    {
      g_autofree char *what = cs_core_obligations_to_string (all);
      g_autofree char *text = NULL;

      if (count == 1)
        /* Translators: warning above the exclusions; %s lists core obligations ("backups, restores") */
        text = g_strdup_printf (_("An exclusion hollows out a core obligation of the contract: %s. "
                                  "A managed service that excludes it does not really cover it."),
                                what);
      else
        /* Translators: warning above the exclusions; %s lists core obligations ("backups, restores") */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u exclusion hollows out core obligations of the contract: %s. "
                                             "A managed service that excludes them does not really cover them.",
                                             "%u exclusions hollow out core obligations of the contract: %s. "
                                             "A managed service that excludes them does not really cover them.",
                                             count),
                                count, what);
      gtk_label_set_text (self->hollow_label, text);
    }
}

/* rows */

static void
update_row (ExclusionRow *er)
{
  CsExclusionsPage *self = er->self;
  CsExclusion *exclusion = er->exclusion;
  CsRecord *record = CS_RECORD (exclusion);
  GtkWidget *row = er->row;
  GtkWidget *warning = er->warning;
  CsCoreObligation hollowed = cs_exclusion_get_hollowed_obligations (exclusion);
  const char *decision = cs_record_get_string (record, "decision");
  double price = cs_record_get_number (record, "price");
  g_autoptr(GString) subtitle = g_string_new (_(decision_labels[decision_index (decision)]));
  g_autofree char *escaped_title = g_markup_escape_text (cs_record_get_string (record, "label"),
                                                         -1);
  g_autofree char *escaped = NULL;

  if (!isnan (price))
    {
      g_autofree char *amount = cs_price_format (price, currency (self),
                                                 cs_record_get_string (record, "price_unit"));

      g_string_append_printf (subtitle, " · %s", amount);
    }

  if (hollowed != CS_CORE_OBLIGATION_NONE)
    {
      g_autofree char *what = cs_core_obligations_to_string (hollowed);

      /* Translators: appended to an exclusion's summary; %s lists core obligations */
      g_string_append_printf (subtitle, _(" · hollows out: %s"), what);
    }

  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
  gtk_widget_set_visible (warning, hollowed != CS_CORE_OBLIGATION_NONE);
}

static void
on_exclusion_notify_cb (CsExclusion  *exclusion,
                        GParamSpec   *pspec,
                        ExclusionRow *er)
{
  update_row (er);
  update_hollow_box (er->self);
}

static void
on_row_destroy_cb (GtkWidget    *row,
                   ExclusionRow *er)
{
  if (er->self->rows != NULL && g_hash_table_lookup (er->self->rows, &er->id) == er)
    g_hash_table_remove (er->self->rows, &er->id);
  g_clear_signal_handler (&er->notify_id, er->exclusion);
  g_clear_object (&er->exclusion);
  g_free (er);
}

static void
entry_binding_clear (gpointer data)
{
  EntryBinding *binding = data;

  g_clear_object (&binding->exclusion);
}

static void
entry_binding_release (gpointer  data,
                       GClosure *closure)
{
  g_rc_box_release_full (data, entry_binding_clear);
}

static void
restore_entry (AdwEntryRow *entry,
               CsRecord    *record,
               const char  *column)
{
  if (g_str_equal (column, "price"))
    {
      g_autofree char *text = format_price (cs_record_get_number (record, "price"));

      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), cs_record_get_string (record, column));
    }
}

static void
on_entry_apply_cb (AdwEntryRow  *entry,
                   EntryBinding *binding)
{
  CsExclusionsPage *self = binding->self;
  CsRecord *record = binding->exclusion;
  const char *column = binding->column;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (column, "price"))
    {
      double price = NAN;
      double current = cs_record_get_number (record, "price");

      if (!parse_price (text, &price))
        {
          g_set_error (&error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("“%s” is not a price (a positive number, or empty when not stated); "
                         "nothing was changed."), text);
          cs_section_page_show_error (CS_SECTION_PAGE (self), error);
          restore_entry (entry, record, column);
          return;
        }
      if ((isnan (price) && isnan (current)) || price == current)
        return;
      ok = cs_store_set_number (cs_page_store (self), record, "price", price, &error);
    }
  else
    {
      if (g_strcmp0 (text, cs_record_get_string (record, column)) == 0)
        return;
      if (g_str_equal (column, "label"))
        {
          g_autofree char *name = g_strstrip (g_strdup (text));

          if (name[0] == '\0')
            {
              restore_entry (entry, record, column);
              return;
            }
        }
      ok = cs_store_set_string (cs_page_store (self), record, column, text, &error);
    }

  if (!ok)
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      restore_entry (entry, record, column);
    }
}

static gboolean
on_entry_focus_leave_cb (GtkEventControllerFocus *controller,
                         EntryBinding            *binding)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  on_entry_apply_cb (ADW_ENTRY_ROW (entry), binding);
  return FALSE;
}

static void
on_decision_selected_cb (AdwComboRow  *combo,
                         GParamSpec   *pspec,
                         ExclusionRow *er)
{
  CsExclusionsPage *self = er->self;
  CsRecord *record = CS_RECORD (er->exclusion);
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(GError) error = NULL;

  if (selected >= G_N_ELEMENTS (decision_labels) ||
      g_strcmp0 (decisions[selected], cs_record_get_string (record, "decision")) == 0)
    return;

  if (!cs_store_set_string (cs_page_store (self), record, "decision", decisions[selected], &error))
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      adw_combo_row_set_selected (combo,
                                  decision_index (cs_record_get_string (record, "decision")));
    }
}

static AdwEntryRow *
add_entry (CsExclusionsPage *self,
           GtkWidget        *expander,
           CsExclusion      *exclusion,
           const char       *column,
           const char       *title)
{
  GtkWidget *entry = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  EntryBinding *binding = g_rc_box_new0 (EntryBinding);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), escaped);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  binding->self = self;
  binding->exclusion = g_object_ref (CS_RECORD (exclusion));
  binding->column = column;
  restore_entry (ADW_ENTRY_ROW (entry), CS_RECORD (exclusion), column);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* The entry and its focus controller each hold the binding. */
  g_signal_connect_data (entry, "apply", G_CALLBACK (on_entry_apply_cb),
                         g_rc_box_acquire (binding), entry_binding_release, 0);
  g_signal_connect_data (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb),
                         binding, entry_binding_release, 0);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_set_sensitive (entry, cs_page_is_writable (self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry);

  return ADW_ENTRY_ROW (entry);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CsExclusionsPage *self = user_data;
  CsExclusion *exclusion = item;
  CsRecord *record = CS_RECORD (exclusion);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *decision = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *price_title = NULL;
  gboolean custom = g_strcmp0 (cs_record_get_string (record, "category"), "custom") == 0;
  const char *label = cs_record_get_string (record, "label");
  ExclusionRow *er = g_new0 (ExclusionRow, 1);

  er->self = self;
  er->exclusion = g_object_ref (exclusion);
  er->id = cs_record_get_id (record);
  er->row = row;
  er->warning = warning;
  er->decision = decision;
  g_hash_table_replace (self->rows, &er->id, er);
  g_signal_connect (row, "destroy", G_CALLBACK (on_row_destroy_cb), er);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  gtk_widget_add_css_class (warning, "warning");
  gtk_widget_set_tooltip_text (warning, _("This exclusion hollows out a core obligation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hollows out a core obligation"), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), warning);

  for (guint i = 0; i < G_N_ELEMENTS (decision_labels); i++)
    gtk_string_list_append (labels, _(decision_labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (decision), _("Decision"));
  adw_combo_row_set_model (ADW_COMBO_ROW (decision), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (decision),
                              decision_index (cs_record_get_string (record, "decision")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (decision), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Decision"), -1);
  g_signal_connect (decision, "notify::selected", G_CALLBACK (on_decision_selected_cb), er);
  gtk_widget_set_sensitive (decision, cs_page_is_writable (self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), decision);

  if (custom)
    add_entry (self, row, exclusion, "label", _("Name"));
  er->wording = GTK_WIDGET (add_entry (self, row, exclusion, "wording", _("Contract wording")));
  add_entry (self, row, exclusion, "reference", _("Contract reference"));
  /* Translators: title of the price entry; %s is the project's currency */
  price_title = g_strdup_printf (_("Price of the excluded work (%s, empty if not stated)"),
                                 currency (self));
  er->price = GTK_WIDGET (add_entry (self, row, exclusion, "price", price_title));
  add_entry (self, row, exclusion, "price_unit", _("Price unit (e.g. per hour, per intervention)"));

  if (custom)
    {
      GtkWidget *delete_row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete"));
      g_autofree char *accessible = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row), _("Delete this exclusion"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      /* Translators: accessible name of the button deleting a custom exclusion */
      accessible = g_strdup_printf (_("Delete exclusion %s"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "exclusions.delete");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (cs_record_get_id (record)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);
    }

  er->notify_id = g_signal_connect (exclusion, "notify", G_CALLBACK (on_exclusion_notify_cb), er);
  update_row (er);

  return row;
}

static gboolean
custom_filter_cb (gpointer item,
                  gpointer user_data)
{
  gboolean want_custom = GPOINTER_TO_INT (user_data);
  const char *category = cs_record_get_string (CS_RECORD (item), "category");

  return want_custom == !g_strv_contains (cs_exclusion_standard_categories (), category);
}

static void
on_list_items_changed_cb (GListModel       *model,
                          guint             position,
                          guint             removed,
                          guint             added,
                          CsExclusionsPage *self)
{
  update_hollow_box (self);
}

static void
update_offer (CsExclusionsPage *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = NULL;

  gtk_filter_list_model_set_model (self->standard_model, NULL);
  gtk_filter_list_model_set_model (self->custom_model, NULL);

  if (cs_page_offer (self) == NULL)
    {
      update_hollow_box (self);
      return;
    }

  if (cs_page_is_writable (self) &&
      !cs_perimeter_ensure_exclusions (cs_page_store (self),
                                       cs_page_offer_id (self), &error))
    cs_section_page_show_error (CS_SECTION_PAGE (self), error);

  list = cs_store_list (cs_page_store (self), CS_TYPE_EXCLUSION,
                        cs_page_offer_id (self));
  gtk_filter_list_model_set_model (self->standard_model, list);
  gtk_filter_list_model_set_model (self->custom_model, list);
  g_signal_handlers_disconnect_by_func (list, on_list_items_changed_cb, self);
  g_signal_connect_object (list, "items-changed", G_CALLBACK (on_list_items_changed_cb), self,
                           G_CONNECT_AFTER);

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_exclusion_row), cs_page_is_writable (self));
  update_hollow_box (self);
}

/* callbacks and actions */

static void
on_new_exclusion_apply_cb (AdwEntryRow      *row,
                           CsExclusionsPage *self)
{
  CsExclusion *exclusion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 offer_id;
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (label[0] == '\0' || cs_page_offer (self) == NULL)
    return;

  offer_id = cs_page_offer_id (self);
  exclusion = cs_perimeter_add_custom_exclusion (cs_page_store (self), offer_id, label, &error);
  if (exclusion == NULL)
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
cs_exclusions_page_delete_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsExclusionsPage *self = CS_EXCLUSIONS_PAGE (widget);
  g_autoptr(CsRecord) exclusion = dup_record (cs_page_store (self), CS_TYPE_EXCLUSION,
                                              g_variant_get_int64 (parameter));
  g_autofree char *title = NULL;

  if (exclusion == NULL)
    return;

  /* Translators: toast after deleting an exclusion; %s is its name */
  title = g_markup_printf_escaped (_("“%s” deleted"), cs_record_get_string (exclusion, "label"));
  cs_section_page_delete_record (CS_SECTION_PAGE (self), exclusion, title);
}

static gboolean
cs_exclusions_page_focus_target (CsSectionPage *page,
                                 const char    *table,
                                 gint64         record_id,
                                 const char    *field)
{
  CsExclusionsPage *self = CS_EXCLUSIONS_PAGE (page);
  ExclusionRow *er = record_id > 0 ? g_hash_table_lookup (self->rows, &record_id) : NULL;
  GtkWidget *row = er != NULL ? er->row : NULL;

  if (row == NULL)
    {
      GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (self->standard_list, 0));

      return first != NULL ? gtk_widget_grab_focus (first) : gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  if (g_strcmp0 (field, "price") == 0)
    return gtk_widget_grab_focus (er->price);
  if (g_strcmp0 (field, "wording") == 0)
    return gtk_widget_grab_focus (er->wording);
  if (g_strcmp0 (field, "decision") == 0)
    return gtk_widget_grab_focus (er->decision);

  return gtk_widget_grab_focus (row);
}

/* GObject vfuncs */

static void
cs_exclusions_page_offer_changed (CsSectionPage *page)
{
  CsExclusionsPage *self = CS_EXCLUSIONS_PAGE (page);

  update_offer (self);
}

static void
cs_exclusions_page_constructed (GObject *object)
{
  CsExclusionsPage *self = CS_EXCLUSIONS_PAGE (object);

  G_OBJECT_CLASS (cs_exclusions_page_parent_class)->constructed (object);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exclusions.delete",
                                 cs_page_is_writable (self));
  update_offer (self);
}

static void
cs_exclusions_page_dispose (GObject *object)
{
  CsExclusionsPage *self = CS_EXCLUSIONS_PAGE (object);

  if (self->standard_list != NULL)
    gtk_list_box_bind_model (self->standard_list, NULL, NULL, NULL, NULL);
  if (self->custom_list != NULL)
    gtk_list_box_bind_model (self->custom_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_EXCLUSIONS_PAGE);

  g_clear_object (&self->standard_model);
  g_clear_object (&self->custom_model);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (cs_exclusions_page_parent_class)->dispose (object);
}

static void
cs_exclusions_page_class_init (CsExclusionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_exclusions_page_constructed;
  object_class->dispose = cs_exclusions_page_dispose;
  page_class->offer_changed = cs_exclusions_page_offer_changed;
  page_class->focus_target = cs_exclusions_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_EXCLUSIONS,
                                     CS_SECTION_PAGE_LAYOUT_FORM, NULL,
                                     N_("Exclusions are recorded offer by offer. Add the "
                                        "incumbent contract or a provider’s proposal to start."));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-exclusions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsExclusionsPage, hollow_box);
  gtk_widget_class_bind_template_child (widget_class, CsExclusionsPage, hollow_label);
  gtk_widget_class_bind_template_child (widget_class, CsExclusionsPage, standard_list);
  gtk_widget_class_bind_template_child (widget_class, CsExclusionsPage, custom_list);
  gtk_widget_class_bind_template_child (widget_class, CsExclusionsPage, new_exclusion_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_exclusion_apply_cb);

  gtk_widget_class_install_action (widget_class, "exclusions.delete", "x",
                                   cs_exclusions_page_delete_action);
}

static void
cs_exclusions_page_init (CsExclusionsPage *self)
{
  self->rows = g_hash_table_new (g_int64_hash, g_int64_equal);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->standard_model =
    gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (custom_filter_cb,
                                                                        GINT_TO_POINTER (FALSE), NULL)));
  self->custom_model =
    gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (custom_filter_cb,
                                                                        GINT_TO_POINTER (TRUE), NULL)));
  gtk_list_box_bind_model (self->standard_list, G_LIST_MODEL (self->standard_model),
                           create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->custom_list, G_LIST_MODEL (self->custom_model),
                           create_row_cb, self, NULL);
}

/* public API */

/**
 * cs_exclusions_page_get_row:
 * @self: a #CsExclusionsPage
 * @exclusion_id: an exclusion of the offer
 *
 * Returns: (transfer none) (nullable): the #AdwExpanderRow editing @exclusion_id
 */
GtkWidget *
cs_exclusions_page_get_row (CsExclusionsPage *self,
                            gint64            exclusion_id)
{
  ExclusionRow *er;

  g_return_val_if_fail (CS_IS_EXCLUSIONS_PAGE (self), NULL);

  er = g_hash_table_lookup (self->rows, &exclusion_id);
  return er != NULL ? er->row : NULL;
}

/**
 * cs_exclusions_page_get_n_hollowing:
 * @self: a #CsExclusionsPage
 *
 * Returns: the number of exclusions of the offer flagged as hollowing out a core obligation
 */
guint
cs_exclusions_page_get_n_hollowing (CsExclusionsPage *self)
{
  g_return_val_if_fail (CS_IS_EXCLUSIONS_PAGE (self), 0);

  return self->n_hollowing;
}
