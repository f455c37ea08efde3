/* cs-responsibilities-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-responsibilities-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-raci-grid.h"
#include "cs-dialog-helpers.h"
#include "cs-responsibilities-page.h"
#include "cs-sections.h"
#include "cs-toast.h"

#include <string.h>

/**
 * CsResponsibilitiesPage:
 *
 * The Responsibilities section of an offer: the who-does-what matrix, a #CsRaciGrid whose
 * rows are the activities of the project's catalogue and whose columns are the parties
 * (client, provider, subcontractor, software vendor …).
 *
 * Both catalogues are project-wide and extensible: "Add Activity…" and "Add Party…" ask for
 * a name. Each activity row and each party column has a menu to rename, move or delete it.
 * Deleting one deletes its cells in every offer, which the toast's Undo puts back. Moving one
 * swaps the "position" of two neighbours (two activities of the same area) in one
 * cs_store_batch(); the matrix is always built from copies of the catalogues sorted on
 * "position", as the store's live lists are not re-sorted when a position changes. Above the
 * matrix, the section's checks; below it, the contract wording.
 *
 * Actions: `responsibilities.add-activity`, `responsibilities.add-party`,
 * `raci.rename-activity(x)`, `raci.delete-activity(x)`, `raci.move-activity-up(x)`,
 * `raci.move-activity-down(x)`, `raci.rename-party(x)`, `raci.delete-party(x)`,
 * `raci.move-party-up(x)`, `raci.move-party-down(x)` (x: the record id; a party moves up to
 * an earlier column); a deletion's Undo is the project's (`project.undo`, Ctrl+Z).
 */
struct _CsResponsibilitiesPage
{
  CsSectionPage        parent_instance;

  gboolean             batching;        /* rebuild once, after our own batch */
  /* the row or column deleted last from this page: its menu gets the focus when an Undo
   * (project.undo) brings it back */
  GType                deleted_type;
  gint64               deleted_id;

  /* template children */
  AdwPreferencesGroup *matrix_group;
  CsRaciGrid          *grid;
};

G_DEFINE_FINAL_TYPE (CsResponsibilitiesPage, cs_responsibilities_page, CS_TYPE_SECTION_PAGE)

static const struct { const char *id; const char *label; } party_kinds[] = {
  { "client", N_("Client") },
  { "provider", N_("Provider") },
  { "subcontractor", N_("Subcontractor") },
  { "vendor", N_("Software vendor") },
  { "other", N_("Other") },
};

/* The actions of the row and column menus and of the Undo toast: enabled when writable. */
static const char * const catalogue_actions[] = {
  "raci.rename-activity", "raci.move-activity-up", "raci.move-activity-down",
  "raci.delete-activity", "raci.rename-party", "raci.move-party-up", "raci.move-party-down",
  "raci.delete-party",
};

/* A dialog asking the name of an activity or a party, new or renamed. */
typedef struct
{
  GWeakRef          page;
  AdwMessageDialog *dialog;
  GtkWidget        *entry;
  GtkWidget        *drop_down;   /* the area or kind of a new one */
  const char       *response;    /* the response that needs a name */
  GType             type;        /* what is added or renamed, */
  gint64            id;          /* and which */
} NameDialog;

static void
rebuild (CsResponsibilitiesPage *self)
{
  gboolean writable = cs_page_is_writable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "responsibilities.add-activity", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "responsibilities.add-party", writable);
  for (guint i = 0; i < G_N_ELEMENTS (catalogue_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), catalogue_actions[i], writable);

  cs_raci_grid_rebuild (self->grid, cs_page_store (self), cs_page_offer_id (self), writable);
}

/* store callbacks */

static gboolean
is_catalogue (CsRecord *record)
{
  return CS_IS_ACTIVITY (record) || CS_IS_PARTY (record);
}

static gboolean
is_our_cell (CsResponsibilitiesPage *self,
             CsRecord               *record)
{
  return cs_page_offer (self) != NULL && CS_IS_RESPONSIBILITY (record) &&
         cs_record_get_parent_id (record) == cs_page_offer_id (self);
}

static void
on_record_added_or_removed_cb (CsStore                *store,
                               CsRecord               *record,
                               CsResponsibilitiesPage *self)
{
  if (cs_page_offer (self) == NULL || self->batching)
    return;

  if (is_catalogue (record))
    {
      rebuild (self);
      if (G_OBJECT_TYPE (record) == self->deleted_type &&
          cs_record_get_id (record) == self->deleted_id &&
          cs_store_find (store, self->deleted_type, self->deleted_id) == record)
        {
          self->deleted_type = G_TYPE_INVALID;
          cs_raci_grid_focus_menu (self->grid, G_OBJECT_TYPE (record), cs_record_get_id (record));
        }
    }
  else if (is_our_cell (self, record))
    cs_raci_grid_schedule_refresh (self->grid);
}

static void
on_record_changed_cb (CsStore                *store,
                      CsRecord               *record,
                      const char             *column,
                      CsResponsibilitiesPage *self)
{
  if (cs_page_offer (self) == NULL || self->batching)
    return;

  if (is_catalogue (record) && g_strcmp0 (column, "kind") != 0)
    rebuild (self);
  else if (is_our_cell (self, record))
    cs_raci_grid_schedule_refresh (self->grid);
}

static void
on_reloaded_cb (CsStore                *store,
                CsResponsibilitiesPage *self)
{
  rebuild (self);
}

/* dialogs asking a name */

static void
name_dialog_free (gpointer  data,
                  GClosure *closure)
{
  NameDialog *name_dialog = data;

  g_weak_ref_clear (&name_dialog->page);
  g_free (name_dialog);
}

static void
on_name_changed_cb (GtkEditable *entry,
                    NameDialog  *name_dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (name_dialog->dialog, name_dialog->response,
                                           text[0] != '\0');
}

/* The dialog's name entry; the NameDialog goes with the dialog. */
static NameDialog *
name_dialog_new (CsResponsibilitiesPage *self,
                 AdwMessageDialog       *dialog,
                 const char             *response,
                 const char             *name,
                 GCallback               response_cb)
{
  NameDialog *name_dialog = g_new0 (NameDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Name"));

  g_weak_ref_init (&name_dialog->page, self);
  name_dialog->dialog = dialog;
  name_dialog->response = response;

  adw_message_dialog_set_response_enabled (dialog, response, name[0] != '\0');

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  name_dialog->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (name_dialog->entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (name_dialog->entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), name_dialog->entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name_dialog->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_box_append (GTK_BOX (box), name_dialog->entry);
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect (name_dialog->entry, "changed", G_CALLBACK (on_name_changed_cb), name_dialog);
  g_signal_connect_data (dialog, "response", response_cb, name_dialog, name_dialog_free, 0);

  return name_dialog;
}

/* The page the dialog was opened from, if it still can take the name. */
static CsResponsibilitiesPage *
name_dialog_get_page (NameDialog *name_dialog,
                      const char *response,
                      char      **name)
{
  CsResponsibilitiesPage *self = g_weak_ref_get (&name_dialog->page);

  *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_dialog->entry))));
  if (self != NULL &&
      (!g_str_equal (response, name_dialog->response) || (*name)[0] == '\0' ||
       !cs_page_is_writable (self)))
    g_clear_object (&self);

  return self;
}

/* A new activity (in the area chosen) or party (of the kind chosen), then its row or column. */
static void
on_add_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    NameDialog       *name_dialog)
{
  g_autofree char *name = NULL;
  g_autoptr(CsResponsibilitiesPage) self = name_dialog_get_page (name_dialog, response, &name);
  g_autoptr(CsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (name_dialog->drop_down));
  gboolean is_party = name_dialog->type == CS_TYPE_PARTY;
  gint64 id;

  if (self == NULL)
    return;

  record = is_party
           ? g_object_new (CS_TYPE_PARTY, "name", name,
                           "kind", party_kinds[MIN (selected, G_N_ELEMENTS (party_kinds) - 1)].id,
                           NULL)
           : g_object_new (CS_TYPE_ACTIVITY, "name", name,
                           "area", cs_raci_grid_get_area_id (selected), NULL);
  if (!cs_store_add (cs_page_store (self), record, &error))
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  /* Rebuilt by "record-added": go to the new row or column. */
  id = cs_record_get_id (record);
  cs_raci_grid_focus_cell (self->grid, is_party ? 0 : id, is_party ? id : 0, FALSE);
}

/* Asks the name of a new activity or party, and its area or kind among @choices. */
static void
present_add_dialog (CsResponsibilitiesPage *self,
                    const char             *heading,
                    const char             *body,
                    const char             *choice_label,
                    GtkStringList          *choices,
                    guint                   selected,
                    GType                   type)
{
  AdwMessageDialog *dialog;
  NameDialog *name_dialog;
  GtkWidget *box;
  GtkWidget *label;

  dialog = cs_question_dialog_new (cs_get_parent_window (GTK_WIDGET (self)), heading, body,
                                   "add", _("_Add"), ADW_RESPONSE_SUGGESTED);
  name_dialog = name_dialog_new (self, dialog, "add", "",
                                 G_CALLBACK (on_add_response_cb));
  name_dialog->type = type;

  box = adw_message_dialog_get_extra_child (dialog);
  label = gtk_label_new_with_mnemonic (choice_label);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  name_dialog->drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (name_dialog->drop_down), selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), name_dialog->drop_down);
  gtk_box_append (GTK_BOX (box), name_dialog->drop_down);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* actions */

static void
cs_responsibilities_page_add_activity_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  g_autoptr(GtkStringList) choices = cs_raci_grid_list_areas ();

  if (!cs_page_is_writable (self))
    return;

  /* The last standard area is selected, before "Other Activities". */
  present_add_dialog (self, _("Add Activity"),
                      _("The activity becomes a row of the matrix of every offer of the "
                        "project."),
                      _("A_rea"), choices, g_list_model_get_n_items (G_LIST_MODEL (choices)) - 2,
                      CS_TYPE_ACTIVITY);
}

static void
cs_responsibilities_page_add_party_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  if (!cs_page_is_writable (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (party_kinds); i++)
    gtk_string_list_append (choices, _(party_kinds[i].label));

  present_add_dialog (self, _("Add Party"),
                      _("The party becomes a column of the matrix of every offer of the "
                        "project: a second provider, an auditor, a telecom carrier …"),
                      _("_Kind"), choices, G_N_ELEMENTS (party_kinds) - 1,
                      CS_TYPE_PARTY);
}

/* renaming, moving and deleting activities and parties */

static GType
get_catalogue_type (const char *action_name)
{
  return strstr (action_name, "-party") != NULL ? CS_TYPE_PARTY : CS_TYPE_ACTIVITY;
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       NameDialog       *name_dialog)
{
  g_autofree char *name = NULL;
  g_autoptr(CsResponsibilitiesPage) self = name_dialog_get_page (name_dialog, response, &name);
  g_autoptr(GError) error = NULL;
  CsRecord *record;

  if (self == NULL)
    return;

  /* It may have been deleted while the dialog was open. */
  record = cs_store_find (cs_page_store (self), name_dialog->type, name_dialog->id);
  if (record == NULL || g_strcmp0 (cs_record_get_string (record, "name"), name) == 0)
    return;

  if (!cs_store_set_string (cs_page_store (self), record, "name", name, &error))
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  /* Rebuilt by "record-changed": back to the menu the dialog came from. */
  cs_raci_grid_focus_menu (self->grid, name_dialog->type, name_dialog->id);
}

static void
cs_responsibilities_page_rename_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  GType type = get_catalogue_type (action_name);
  gint64 id = g_variant_get_int64 (parameter);
  NameDialog *name_dialog;
  CsRecord *record;
  AdwMessageDialog *dialog;

  if (!cs_page_is_writable (self) ||
      (record = cs_store_find (cs_page_store (self), type, id)) == NULL)
    return;

  dialog = cs_question_dialog_new (cs_get_parent_window (widget),
                                   type == CS_TYPE_PARTY ? _("Rename Party")
                                                         : _("Rename Activity"),
                                   _("The new name shows in the matrix of every offer of the "
                                     "project."),
                                   "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED);
  name_dialog = name_dialog_new (self, dialog, "rename",
                                 cs_record_get_string (record, "name"),
                                 G_CALLBACK (on_rename_response_cb));
  name_dialog->type = type;
  name_dialog->id = id;
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_dialog->entry);
}

typedef struct
{
  GType     type;
  CsRecord *a;
  CsRecord *b;
} Swap;

static gboolean
swap_positions_cb (CsStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  Swap *swap = user_data;
  gint64 position_a = cs_record_get_int (swap->a, "position");
  gint64 position_b = cs_record_get_int (swap->b, "position");
  g_autoptr(GPtrArray) order = NULL;
  guint index_a = 0;
  guint index_b = 0;

  if (position_a != position_b)
    return cs_store_set_int (store, swap->a, "position", position_b, error) &&
           cs_store_set_int (store, swap->b, "position", position_a, error);

  /* Equal positions (an imported catalogue): renumber it in its order, the two swapped. */
  order = cs_raci_grid_sort_catalogue (store, swap->type);
  if (!g_ptr_array_find (order, swap->a, &index_a) || !g_ptr_array_find (order, swap->b, &index_b))
    return TRUE;
  order->pdata[index_a] = swap->b;
  order->pdata[index_b] = swap->a;

  return cs_store_renumber (store, order, 1, error);
}

static void
cs_responsibilities_page_move_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  GType type = get_catalogue_type (action_name);
  gint64 id = g_variant_get_int64 (parameter);
  gboolean up = g_str_has_suffix (action_name, "-up");
  g_autoptr(GError) error = NULL;
  Swap swap = { type, NULL, NULL };
  gint64 other;
  gboolean ok;

  if (!cs_page_is_writable (self))
    return;

  /* The neighbour as shown: activities move among the rows of their area. */
  other = cs_raci_grid_get_neighbour (self->grid, type, id, up ? -1 : 1);
  if (other != 0)
    {
      swap.a = cs_store_find (cs_page_store (self), type, id);
      swap.b = cs_store_find (cs_page_store (self), type, other);
    }

  if (swap.a == NULL || swap.b == NULL ||
      (type == CS_TYPE_ACTIVITY && g_strcmp0 (cs_record_get_string (swap.a, "area"),
                                              cs_record_get_string (swap.b, "area")) != 0))
    return;

  /* One rebuild for both changes (or none, if they are rolled back). */
  self->batching = TRUE;
  ok = cs_store_batch (cs_page_store (self), swap_positions_cb, &swap, &error);
  self->batching = FALSE;
  rebuild (self);

  if (!ok)
    cs_section_page_show_error (CS_SECTION_PAGE (self), error);
  cs_raci_grid_focus_menu (self->grid, type, id);
}

/* How many cells of all the offers name the activity or the party. */
static guint
count_cells (CsResponsibilitiesPage *self,
             GType                   type,
             gint64                  id)
{
  GListModel *offers = cs_store_get_offers (cs_page_store (self));
  const char *column = type == CS_TYPE_PARTY ? "party_id" : "activity_id";
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      GListModel *cells = cs_store_list (cs_page_store (self), CS_TYPE_RESPONSIBILITY,
                                         cs_record_get_id (offer));

      for (guint j = 0; j < g_list_model_get_n_items (cells); j++)
        {
          g_autoptr(CsRecord) cell = g_list_model_get_item (cells, j);

          if (cs_record_get_int (cell, column) == id)
            count++;
        }
    }

  return count;
}

static void
cs_responsibilities_page_delete_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  GType type = get_catalogue_type (action_name);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autoptr(CsDeletion) deletion = NULL;
  CsRecord *record;
  gboolean with_cells;
  gint64 next;

  if (!cs_page_is_writable (self) ||
      (record = cs_store_find (cs_page_store (self), type, id)) == NULL)
    return;

  name = g_strdup (cs_record_get_string (record, "name"));
  with_cells = count_cells (self, type, id) > 0;
  /* Once deleted, on to the next menu, or the previous one. */
  next = cs_raci_grid_get_neighbour (self->grid, type, id, 1);
  if (next == 0)
    next = cs_raci_grid_get_neighbour (self->grid, type, id, -1);

  /* Toast titles are markup: the name is escaped. */
  if (type == CS_TYPE_PARTY && with_cells)
    /* Translators: toast after deleting a column of the matrix; %s is the party */
    title = g_markup_printf_escaped (_("Party “%s” deleted, with its roles in every offer"),
                                     name);
  else if (type == CS_TYPE_PARTY)
    /* Translators: toast after deleting a column of the matrix; %s is the party */
    title = g_markup_printf_escaped (_("Party “%s” deleted"), name);
  else if (with_cells)
    /* Translators: toast after deleting a row of the matrix; %s is the activity */
    title = g_markup_printf_escaped (_("Activity “%s” deleted, with its roles in every offer"),
                                     name);
  else
    /* Translators: toast after deleting a row of the matrix; %s is the activity */
    title = g_markup_printf_escaped (_("Activity “%s” deleted"), name);

  /* The cells go too, in every offer (ON DELETE CASCADE); the deletion keeps them. */
  deletion = cs_store_delete (cs_page_store (self), record, &error);
  if (deletion == NULL)
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }
  self->deleted_type = type;
  self->deleted_id = cs_record_get_id (record);
  cs_section_page_show_deleted (CS_SECTION_PAGE (self), &deletion, 1, title);

  /* Rebuilt by "record-removed". */
  if (next != 0)
    cs_raci_grid_focus_menu (self->grid, type, next);
}

/* CsSectionPage */

static gboolean
cs_responsibilities_page_focus_target (CsSectionPage *page,
                                       const char    *table,
                                       gint64         record_id,
                                       const char    *field)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (page);

  if (g_strcmp0 (table, "responsibility") == 0 && record_id != 0)
    {
      CsRecord *cell = cs_store_find (cs_page_store (self), CS_TYPE_RESPONSIBILITY, record_id);

      if (cell != NULL &&
          cs_raci_grid_focus_cell (self->grid, cs_record_get_int (cell, "activity_id"),
                                   cs_record_get_int (cell, "party_id"),
                                   g_strcmp0 (field, "reference") == 0))
        return TRUE;
    }

  if (g_strcmp0 (table, "activity") == 0 && record_id != 0 &&
      cs_raci_grid_focus_cell (self->grid, record_id, 0, FALSE))
    return TRUE;

  if (g_strcmp0 (table, "party") == 0 && record_id != 0 &&
      cs_raci_grid_focus_cell (self->grid, 0, record_id, FALSE))
    return TRUE;

  if (cs_raci_grid_focus_cell (self->grid, 0, 0, FALSE))
    return TRUE;

  return gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* GObject vfuncs */

static void
cs_responsibilities_page_offer_changed (CsSectionPage *page)
{
  rebuild (CS_RESPONSIBILITIES_PAGE (page));
}

static void
cs_responsibilities_page_constructed (GObject *object)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (object);

  G_OBJECT_CLASS (cs_responsibilities_page_parent_class)->constructed (object);

  g_signal_connect_object (cs_page_store (self), "record-added",
                           G_CALLBACK (on_record_added_or_removed_cb), self, 0);
  g_signal_connect_object (cs_page_store (self), "record-removed",
                           G_CALLBACK (on_record_added_or_removed_cb), self, 0);
  g_signal_connect_object (cs_page_store (self), "record-changed",
                           G_CALLBACK (on_record_changed_cb),
                           self, 0);
  g_signal_connect_object (cs_page_store (self), "reloaded", G_CALLBACK (on_reloaded_cb), self, 0);

  rebuild (self);
}

static void
cs_responsibilities_page_dispose (GObject *object)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_RESPONSIBILITIES_PAGE);

  G_OBJECT_CLASS (cs_responsibilities_page_parent_class)->dispose (object);
}

static void
cs_responsibilities_page_class_init (CsResponsibilitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_responsibilities_page_constructed;
  object_class->dispose = cs_responsibilities_page_dispose;
  page_class->offer_changed = cs_responsibilities_page_offer_changed;
  page_class->focus_target = cs_responsibilities_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_RESPONSIBILITIES,
                                     CS_SECTION_PAGE_LAYOUT_FORM,
                                     N_("Select an offer to record who does what."),
                                     N_("Add the incumbent contract or a provider’s proposal to "
                                        "record who does what under it."));

  g_type_ensure (CS_TYPE_RACI_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-responsibilities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsResponsibilitiesPage, matrix_group);
  gtk_widget_class_bind_template_child (widget_class, CsResponsibilitiesPage, grid);

  gtk_widget_class_install_action (widget_class, "responsibilities.add-activity", NULL,
                                   cs_responsibilities_page_add_activity_action);
  gtk_widget_class_install_action (widget_class, "responsibilities.add-party", NULL,
                                   cs_responsibilities_page_add_party_action);
  gtk_widget_class_install_action (widget_class, "raci.rename-activity", "x",
                                   cs_responsibilities_page_rename_action);
  gtk_widget_class_install_action (widget_class, "raci.move-activity-up", "x",
                                   cs_responsibilities_page_move_action);
  gtk_widget_class_install_action (widget_class, "raci.move-activity-down", "x",
                                   cs_responsibilities_page_move_action);
  gtk_widget_class_install_action (widget_class, "raci.delete-activity", "x",
                                   cs_responsibilities_page_delete_action);
  gtk_widget_class_install_action (widget_class, "raci.rename-party", "x",
                                   cs_responsibilities_page_rename_action);
  gtk_widget_class_install_action (widget_class, "raci.move-party-up", "x",
                                   cs_responsibilities_page_move_action);
  gtk_widget_class_install_action (widget_class, "raci.move-party-down", "x",
                                   cs_responsibilities_page_move_action);
  gtk_widget_class_install_action (widget_class, "raci.delete-party", "x",
                                   cs_responsibilities_page_delete_action);
}

static void
cs_responsibilities_page_init (CsResponsibilitiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
