/* cs-raci-grid.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-raci-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-raci-grid.h"
#include "cs-sections.h"
#include "cs-source.h"
#include "cs-toast.h"

/**
 * CsRaciGrid:
 *
 * The who-does-what matrix of one offer, the content of the Responsibilities page. Rows
 * are the activities of the project's catalogue, grouped by area; columns are the parties.
 * Each cell is a small entry taking the letters R, A, C and I in any order and case; the
 * roles are normalised ("ar" → "RA") and committed through cs_raci_set_roles() when the
 * cell is activated or left, or after a pause when typed without the keyboard focus. Arrow
 * keys move between cells, Escape drops what was typed. A row without an Accountable party,
 * or with several, shows a warning icon whose text is also the accessible description of
 * its cells. The last column holds the contract reference of the row, written to each cell
 * of the row.
 *
 * The grid knows each of its entries by its place in the arrays of cells and references
 * (row r × column c is cells[r * n_parties + c]); the entries typed in and not committed yet
 * are in a set. Each row and column header has a menu of the `raci.` actions (rename, move,
 * delete), which the page holding the grid installs.
 */
struct _CsRaciGrid
{
  GtkGrid     parent_instance;

  CsStore    *store;
  gint64      offer_id;
  gboolean    writable;

  /* the matrix as built */
  GArray     *activity_ids;
  GArray     *party_ids;
  GPtrArray  *cells;
  GPtrArray  *warnings;
  GPtrArray  *references;
  GPtrArray  *activity_menus;  /* the menu button of each row */
  GPtrArray  *party_menus;     /* the menu button of each column */
  GHashTable *dirty;           /* the entries typed in, not committed yet */
  guint       refresh_id;
  guint       commit_id;
  GtkWidget  *pending;         /* an entry changed without the keyboard focus */
  gboolean    syncing;
};

G_DEFINE_FINAL_TYPE (CsRaciGrid, cs_raci_grid, GTK_TYPE_GRID)

/* The areas of the standard catalogue, in the order the matrix shows them. */
static const struct { const char *id; const char *label; } areas[] = {
  { "access", N_("Accounts and Access") },
  { "security", N_("Security") },
  { "backup", N_("Backup and Restore") },
  { "operations", N_("Operations") },
};

static void schedule_refresh (CsRaciGrid *self);

static const char *
get_area_label (const char *area)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i].id, area) == 0)
      return _(areas[i].label);

  if (area == NULL || area[0] == '\0')
    /* Translators: the area of activities added without one */
    return _("Other Activities");

  return area;
}

static guint
get_n_parties (CsRaciGrid *self)
{
  return self->party_ids->len;
}

static GtkWidget *
get_cell (CsRaciGrid *self,
          guint       row,
          guint       column)
{
  guint n_parties = get_n_parties (self);

  if (n_parties == 0 || row >= self->activity_ids->len || column >= n_parties)
    return NULL;

  return g_ptr_array_index (self->cells, row * n_parties + column);
}

/* The row of a cell or of a reference entry of the matrix as built, or G_MAXUINT. */
static guint
get_row (CsRaciGrid *self,
         GtkWidget  *entry)
{
  guint index;

  if (get_n_parties (self) > 0 && g_ptr_array_find (self->cells, entry, &index))
    return index / get_n_parties (self);
  if (g_ptr_array_find (self->references, entry, &index))
    return index;

  return G_MAXUINT;
}

/* The column of a cell, or G_MAXUINT. */
static guint
get_column (CsRaciGrid *self,
            GtkWidget  *entry)
{
  guint index;

  if (get_n_parties (self) > 0 && g_ptr_array_find (self->cells, entry, &index))
    return index % get_n_parties (self);

  return G_MAXUINT;
}

static gboolean
is_dirty (CsRaciGrid *self,
          GtkWidget  *entry)
{
  return g_hash_table_contains (self->dirty, entry);
}

static void
set_dirty (CsRaciGrid *self,
           GtkWidget  *entry,
           gboolean    dirty)
{
  if (dirty)
    g_hash_table_add (self->dirty, entry);
  else
    g_hash_table_remove (self->dirty, entry);
}

/* The responsibility records of the offer, by "activity:party". */
static GHashTable *
index_cells (CsRaciGrid *self)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GListModel *list;

  if (self->offer_id == 0)
    return index;

  list = cs_store_list (self->store, CS_TYPE_RESPONSIBILITY, self->offer_id);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      CsRecord *cell = g_list_model_get_item (list, i);
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                   cs_record_get_int (cell, "activity_id"),
                                   cs_record_get_int (cell, "party_id"));

      g_hash_table_replace (index, key, cell);
    }

  return index;
}

static CsRecord *
lookup_cell (GHashTable *index,
             gint64      activity_id,
             gint64      party_id)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                          activity_id, party_id);

  return g_hash_table_lookup (index, key);
}

static void
set_entry_text (CsRaciGrid *self,
                GtkWidget  *entry,
                const char *text)
{
  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  set_dirty (self, entry, FALSE);
  self->syncing = FALSE;
}

/* Shows the stored roles, the references and the warnings; cells being typed in are left. */
static void
refresh (CsRaciGrid *self)
{
  g_autoptr(CsRaciMatrix) matrix = NULL;
  g_autoptr(GHashTable) index = NULL;
  guint n_parties = get_n_parties (self);
  gboolean any_cell = FALSE;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->offer_id == 0 || self->store == NULL ||
      cs_store_is_closed (self->store))
    return;

  matrix = cs_raci_matrix_new (self->store, self->offer_id);
  index = index_cells (self);
  any_cell = g_hash_table_size (index) > 0;

  for (guint r = 0; r < self->activity_ids->len; r++)
    {
      gint64 activity_id = g_array_index (self->activity_ids, gint64, r);
      GtkWidget *warning = g_ptr_array_index (self->warnings, r);
      GtkWidget *reference_entry = g_ptr_array_index (self->references, r);
      CsRaciRow *matrix_row = NULL;
      const char *reference = "";
      g_autofree char *message = NULL;
      gboolean has_cells = FALSE;

      for (guint i = 0; i < matrix->rows->len && matrix_row == NULL; i++)
        {
          CsRaciRow *candidate = g_ptr_array_index (matrix->rows, i);

          if (cs_record_get_id (CS_RECORD (candidate->activity)) == activity_id)
            matrix_row = candidate;
        }

      for (guint c = 0; c < n_parties; c++)
        {
          GtkWidget *entry = get_cell (self, r, c);
          CsRecord *cell = lookup_cell (index, activity_id,
                                        g_array_index (self->party_ids, gint64, c));

          if (cell != NULL)
            {
              has_cells = TRUE;
              if (reference[0] == '\0')
                reference = cs_record_get_string (cell, "reference");
            }
          if (!is_dirty (self, entry))
            set_entry_text (self, entry, cell != NULL ? cs_record_get_string (cell, "roles") : "");
        }

      if (!is_dirty (self, reference_entry))
        set_entry_text (self, reference_entry, reference);
      gtk_widget_set_sensitive (reference_entry, has_cells);
      gtk_widget_set_tooltip_text (reference_entry,
                                   has_cells ? _("Where the contract assigns this activity")
                                             : _("Set the roles of the row first"));

      if (matrix_row != NULL && any_cell && matrix_row->n_accountable == 0)
        message = g_strdup (_("No party is accountable for this activity: exactly one should be"));
      else if (matrix_row != NULL && matrix_row->n_accountable > 1)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u party is accountable for this activity: "
                                                "exactly one should be",
                                                "%u parties are accountable for this activity: "
                                                "exactly one should be",
                                                matrix_row->n_accountable),
                                   matrix_row->n_accountable);

      gtk_widget_set_visible (warning, message != NULL);
      gtk_widget_set_tooltip_text (warning, message);
      if (message != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);

      for (guint c = 0; c < n_parties; c++)
        {
          GtkWidget *entry = get_cell (self, r, c);

          if (message != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
          else
            gtk_accessible_reset_property (GTK_ACCESSIBLE (entry),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
}

static void
schedule_refresh (CsRaciGrid *self)
{
  cs_idle_add_once (&self->refresh_id, G_PRIORITY_HIGH_IDLE, (CsSourceFunc) refresh, self);
}
/* editing */

static CsRecord *
find_cell_record (CsRaciGrid *self,
                  gint64      activity_id,
                  gint64      party_id)
{
  GListModel *list = cs_store_list (self->store, CS_TYPE_RESPONSIBILITY,
                                    self->offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) cell = g_list_model_get_item (list, i);

      if (cs_record_get_int (cell, "activity_id") == activity_id &&
          cs_record_get_int (cell, "party_id") == party_id)
        return cell; /* the live list keeps it */
    }

  return NULL;
}

static void
commit_cell (CsRaciGrid *self,
             GtkWidget  *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  guint row = get_row (self, entry);
  gint64 activity_id;
  gint64 party_id;
  CsRecord *cell;
  const char *stored;

  if (self->syncing || self->offer_id == 0 ||
      !is_dirty (self, entry) ||
      get_cell (self, row, get_column (self, entry)) != entry)
    return;

  activity_id = g_array_index (self->activity_ids, gint64, row);
  party_id = g_array_index (self->party_ids, gint64, get_column (self, entry));
  cell = find_cell_record (self, activity_id, party_id);
  stored = cell != NULL ? cs_record_get_string (cell, "roles") : "";

  if (!self->writable)
    {
      set_entry_text (self, entry, stored);
      return;
    }

  normalized = cs_raci_normalize_roles (gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  if (normalized == NULL)
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      set_entry_text (self, entry, stored);
      return;
    }

  if (g_strcmp0 (normalized, stored) != 0 &&
      !cs_raci_set_roles (self->store, self->offer_id, activity_id, party_id,
                          normalized,
                          &error))
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      set_entry_text (self, entry, stored);
      return;
    }

  set_entry_text (self, entry, normalized);

  /* A new cell takes the reference the row already shows. */
  if (cell == NULL && normalized[0] != '\0')
    {
      GtkWidget *reference_entry = g_ptr_array_index (self->references, row);
      const char *reference = gtk_editable_get_text (GTK_EDITABLE (reference_entry));

      cell = find_cell_record (self, activity_id, party_id);
      if (cell != NULL && reference[0] != '\0' &&
          !cs_store_set_string (self->store, cell, "reference", reference, &error))
        cs_toast_show_error (GTK_WIDGET (self), error);
    }

  schedule_refresh (self);
}

typedef struct
{
  CsRaciGrid *self;
  gint64                  activity_id;
  const char             *reference;
} ReferenceChange;

static gboolean
set_row_reference (CsStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  ReferenceChange *change = user_data;
  GListModel *list = cs_store_list (store, CS_TYPE_RESPONSIBILITY,
                                    change->self->offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) cell = g_list_model_get_item (list, i);

      if (cs_record_get_int (cell, "activity_id") == change->activity_id &&
          g_strcmp0 (cs_record_get_string (cell, "reference"), change->reference) != 0 &&
          !cs_store_set_string (store, cell, "reference", change->reference, error))
        return FALSE;
    }

  return TRUE;
}

static void
commit_reference (CsRaciGrid *self,
                  GtkWidget  *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ReferenceChange change;

  if (self->syncing || self->offer_id == 0 ||
      !is_dirty (self, entry) ||
      get_row (self, entry) >= self->references->len ||
      g_ptr_array_index (self->references, get_row (self, entry)) != entry)
    return;

  set_dirty (self, entry, FALSE);
  if (!self->writable)
    {
      refresh (self);
      return;
    }

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  change.self = self;
  change.activity_id = g_array_index (self->activity_ids, gint64, get_row (self, entry));
  change.reference = text;
  if (!cs_store_batch (self->store, set_row_reference, &change, &error))
    cs_toast_show_error (GTK_WIDGET (self), error);

  refresh (self);
}

static void
commit_pending (CsRaciGrid *self)
{
  GtkWidget *entry = g_steal_pointer (&self->pending);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (entry == NULL)
    return;

  if (g_ptr_array_find (self->cells, entry, NULL))
    commit_cell (self, entry);
  else
    commit_reference (self, entry);
  g_object_unref (entry);
}

static void
on_entry_changed_cb (GtkEditable *entry,
                     CsRaciGrid  *self)
{
  GtkWidget *text;

  if (self->syncing)
    return;

  set_dirty (self, GTK_WIDGET (entry), TRUE);

  /* Typed without the keyboard focus (by an assistive technology): no Enter or focus-out
   * will come, so commit after a short pause. */
  text = GTK_WIDGET (gtk_editable_get_delegate (entry));
  if (text != NULL && !gtk_widget_has_focus (text))
    {
      if (self->pending != NULL && self->pending != GTK_WIDGET (entry))
        commit_pending (self);
      if (self->pending == NULL)
        self->pending = g_object_ref (GTK_WIDGET (entry));
      g_clear_handle_id (&self->commit_id, g_source_remove);
      cs_timeout_add_once (&self->commit_id, 500, (CsSourceFunc) commit_pending, self);
    }
}

static void
focus_cell (CsRaciGrid *self,
            guint       row,
            guint       column)
{
  GtkWidget *entry = get_cell (self, row, column);

  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

static void
on_cell_activate_cb (GtkEntry   *entry,
                     CsRaciGrid *self)
{
  guint row = get_row (self, GTK_WIDGET (entry));

  commit_cell (self, GTK_WIDGET (entry));

  /* Like a spreadsheet: Enter goes down the column. */
  if (row + 1 < self->activity_ids->len)
    focus_cell (self, row + 1, get_column (self, GTK_WIDGET (entry)));
}

static void
on_cell_focus_leave_cb (GtkEventControllerFocus *controller,
                        CsRaciGrid              *self)
{
  commit_cell (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
on_cell_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        CsRaciGrid            *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint row = get_row (self, entry);
  guint column = get_column (self, entry);
  int position = gtk_editable_get_position (GTK_EDITABLE (entry));
  int length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (row > 0)
        focus_cell (self, row - 1, column);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (row + 1 < self->activity_ids->len)
        focus_cell (self, row + 1, column);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (position > 0 || column == 0)
        return FALSE;
      focus_cell (self, row, column - 1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (position < length || column + 1 >= get_n_parties (self))
        return FALSE;
      focus_cell (self, row, column + 1);
      return TRUE;

    case GDK_KEY_Escape:
      if (!is_dirty (self, entry))
        return FALSE;
      set_dirty (self, entry, FALSE);
      refresh (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_reference_activate_cb (GtkEntry   *entry,
                          CsRaciGrid *self)
{
  commit_reference (self, GTK_WIDGET (entry));
}

static void
on_reference_focus_leave_cb (GtkEventControllerFocus *controller,
                             CsRaciGrid              *self)
{
  commit_reference (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/* building the matrix */

static GtkWidget *
create_cell (CsRaciGrid *self,
             const char *activity,
             const char *party)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *controller;
  g_autofree char *accessible = NULL;

  gtk_entry_set_max_length (GTK_ENTRY (entry), 4);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 4);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->writable);
  gtk_widget_set_halign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "monospace");
  gtk_widget_add_css_class (entry, "cs-raci-cell");

  /* Translators: accessible name of a cell of the responsibility matrix: activity, party */
  accessible = g_strdup_printf (_("%s, %s"), activity, party);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (entry, accessible);

  g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_cell_activate_cb), self, 0);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_cell_focus_leave_cb), self, 0);
  gtk_widget_add_controller (entry, controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_cell_key_pressed_cb), self,
                           0);
  gtk_widget_add_controller (entry, controller);

  return entry;
}

static GtkWidget *
create_reference_entry (CsRaciGrid *self,
                        const char *activity)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *controller;
  g_autofree char *accessible = NULL;

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->writable);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  /* Translators: accessible name of the contract reference of a row of the matrix */
  accessible = g_strdup_printf (_("Contract reference for %s"), activity);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_reference_activate_cb), self, 0);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_reference_focus_leave_cb), self,
                           0);
  gtk_widget_add_controller (entry, controller);

  return entry;
}

static GtkWidget *
create_header_label (const char *text,
                     float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), xalign == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "caption-heading");

  return label;
}

/* Area order: the standard areas, then the others as they first appear, "" last. */
static int
get_area_rank (GPtrArray  *other_areas,
               const char *area)
{
  guint index = 0;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i].id, area) == 0)
      return i;

  if (area == NULL || area[0] == '\0')
    return G_MAXINT;

  if (!g_ptr_array_find_with_equal_func (other_areas, area, g_str_equal, &index))
    {
      g_ptr_array_add (other_areas, (gpointer) area);
      index = other_areas->len - 1;
    }

  return G_N_ELEMENTS (areas) + index;
}

static void
append_menu_item (GMenu      *section,
                  const char *label,
                  const char *action,
                  gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (section, item);
}

/* The Rename / Move / Delete menu of an activity ("activity") or a party ("party"). */
static GtkWidget *
create_menu_button (CsRaciGrid *self,
                    const char *kind,
                    gint64      id,
                    const char *accessible,
                    gboolean    can_move_up,
                    gboolean    can_move_down)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *rename = g_strconcat ("raci.rename-", kind, NULL);
  g_autofree char *move_up = g_strconcat ("raci.move-", kind, "-up", NULL);
  g_autofree char *move_down = g_strconcat ("raci.move-", kind, "-down", NULL);
  g_autofree char *delete = g_strconcat ("raci.delete-", kind, NULL);
  gboolean is_party = g_str_equal (kind, "party");
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *button;

  append_menu_item (section, _("_Rename…"), rename, id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  /* Parties are columns: an earlier one is on the left (on the right in RTL). */
  g_clear_object (&section);
  section = g_menu_new ();
  if (can_move_up)
    append_menu_item (section,
                      !is_party ? _("Move _Up") : rtl ? _("Move _Right") : _("Move _Left"),
                      move_up, id);
  if (can_move_down)
    append_menu_item (section,
                      !is_party ? _("Move _Down") : rtl ? _("Move _Left") : _("Move _Right"),
                      move_down, id);
  if (can_move_up || can_move_down)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  g_clear_object (&section);
  section = g_menu_new ();
  append_menu_item (section, _("_Delete"), delete, id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_sensitive (button, self->writable);

  return button;
}

static void
clear_grid (CsRaciGrid *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  commit_pending (self);

  /* Leaving a cell commits it: remove the cells while the matrix still describes them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_grid_remove (GTK_GRID (self), child);

  g_array_set_size (self->activity_ids, 0);
  g_array_set_size (self->party_ids, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->warnings, 0);
  g_ptr_array_set_size (self->references, 0);
  g_ptr_array_set_size (self->activity_menus, 0);
  g_ptr_array_set_size (self->party_menus, 0);
  g_hash_table_remove_all (self->dirty);
}

/* The header row: activity, the parties with their menus, reference. Returns the names. */
static GPtrArray *
build_header (CsRaciGrid *self,
              GPtrArray  *parties)
{
  GPtrArray *party_names = g_ptr_array_new_with_free_func (g_free);
  guint n_parties = parties->len;
  GtkWidget *label;

  label = create_header_label (_("Activity"), 0);
  gtk_grid_attach (GTK_GRID (self), label, 1, 0, 1, 1);
  for (guint c = 0; c < n_parties; c++)
    {
      CsRecord *party = g_ptr_array_index (parties, c);
      const char *name = cs_record_get_string (party, "name");
      gint64 id = cs_record_get_id (party);
      g_autofree char *accessible = NULL;
      GtkWidget *header;
      GtkWidget *button;

      if (name == NULL || name[0] == '\0')
        name = _("Unnamed party");
      g_array_append_val (self->party_ids, id);
      g_ptr_array_add (party_names, g_strdup (name));

      header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_halign (header, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      label = create_header_label (name, 0.5);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), label);
      /* Translators: accessible name of the menu of a column of the matrix; %s is a party */
      accessible = g_strdup_printf (_("Actions for party %s"), name);
      button = create_menu_button (self, "party", id, accessible, c > 0, c + 1 < n_parties);
      gtk_box_append (GTK_BOX (header), button);
      g_ptr_array_add (self->party_menus, button);
      gtk_grid_attach (GTK_GRID (self), header, 2 + c, 0, 1, 1);
    }
  label = create_header_label (_("Contract Reference"), 0);
  gtk_grid_attach (GTK_GRID (self), label, 2 + n_parties, 0, 1, 1);

  return party_names;
}

/* One row of the matrix at @grid_row: warning, name and menu, cells, reference. */
static void
build_activity_row (CsRaciGrid *self,
                    CsRecord   *activity,
                    GPtrArray  *party_names,
                    int         grid_row,
                    gboolean    first_of_area,
                    gboolean    last_of_area)
{
  const char *name = cs_record_get_string (activity, "name");
  gint64 id = cs_record_get_id (activity);
  guint n_parties = party_names->len;
  g_autofree char *accessible = NULL;
  GtkWidget *warning;
  GtkWidget *header;
  GtkWidget *label;
  GtkWidget *button;
  GtkWidget *entry;

  if (name == NULL || name[0] == '\0')
    name = _("Unnamed activity");
  g_array_append_val (self->activity_ids, id);

  warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (warning, "warning");
  gtk_widget_set_visible (warning, FALSE);
  gtk_grid_attach (GTK_GRID (self), warning, 0, grid_row, 1, 1);
  g_ptr_array_add (self->warnings, warning);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);
  /* Translators: accessible name of the menu of a row of the matrix; %s is an activity */
  accessible = g_strdup_printf (_("Actions for activity %s"), name);
  /* Moves stay inside the area: rows of another area would not change places. */
  button = create_menu_button (self, "activity", id, accessible, !first_of_area, !last_of_area);
  gtk_box_append (GTK_BOX (header), button);
  g_ptr_array_add (self->activity_menus, button);
  gtk_grid_attach (GTK_GRID (self), header, 1, grid_row, 1, 1);

  for (guint c = 0; c < n_parties; c++)
    {
      entry = create_cell (self, name, g_ptr_array_index (party_names, c));
      gtk_grid_attach (GTK_GRID (self), entry, 2 + c, grid_row, 1, 1);
      g_ptr_array_add (self->cells, entry);
    }

  entry = create_reference_entry (self, name);
  gtk_grid_attach (GTK_GRID (self), entry, 2 + n_parties, grid_row, 1, 1);
  g_ptr_array_add (self->references, entry);
}

static void
build_grid (CsRaciGrid *self)
{
  g_autoptr(GPtrArray) parties = cs_raci_grid_sort_catalogue (self->store, CS_TYPE_PARTY);
  g_autoptr(GPtrArray) activities = cs_raci_grid_sort_catalogue (self->store, CS_TYPE_ACTIVITY);
  g_autoptr(GPtrArray) party_names = build_header (self, parties);
  g_autoptr(GPtrArray) other_areas = g_ptr_array_new ();
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_parties = parties->len;
  guint n_activities = activities->len;
  GtkWidget *label;
  int grid_row = 1;
  int last_rank = -1;
  guint row = 0;

  for (guint i = 0; i < n_activities; i++)
    {
      CsRecord *activity = g_ptr_array_index (activities, i);
      int rank = get_area_rank (other_areas, cs_record_get_string (activity, "area"));

      g_array_append_val (ranks, rank);
    }

  /* one pass per area, in area order, keeping the catalogue order inside an area */
  while (row < n_activities)
    {
      int next_rank = G_MAXINT;
      gboolean found = FALSE;

      for (guint i = 0; i < n_activities; i++)
        {
          int rank = g_array_index (ranks, int, i);

          if (rank > last_rank && (rank < next_rank || !found))
            {
              next_rank = rank;
              found = TRUE;
            }
        }
      if (!found)
        break;

      for (guint i = 0; i < n_activities; i++)
        {
          CsRecord *activity = g_ptr_array_index (activities, i);
          gboolean first_of_area = FALSE;
          gboolean last_of_area = TRUE;

          if (g_array_index (ranks, int, i) != next_rank)
            continue;

          for (guint j = i + 1; j < n_activities && last_of_area; j++)
            last_of_area = g_array_index (ranks, int, j) != next_rank;
          if (row == 0 || last_rank != next_rank)
            {
              first_of_area = TRUE;
              label = gtk_label_new (get_area_label (cs_record_get_string (activity, "area")));
              gtk_label_set_xalign (GTK_LABEL (label), 0);
              gtk_widget_add_css_class (label, "heading");
              gtk_widget_set_margin_top (label, 12);
              gtk_grid_attach (GTK_GRID (self), label, 1, grid_row++, 2 + n_parties, 1);
              last_rank = next_rank;
            }

          build_activity_row (self, activity, party_names, grid_row++, first_of_area,
                              last_of_area);
          row++;
        }
    }

  if (n_activities == 0 || n_parties == 0)
    {
      label = gtk_label_new (n_parties == 0 ? _("No parties yet: add the client and the provider.")
                                            : _("No activities yet: add the first one."));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (self), label, 1, grid_row, 2 + n_parties, 1);
    }
}

/* GObject vfuncs */

static void
cs_raci_grid_dispose (GObject *object)
{
  CsRaciGrid *self = CS_RACI_GRID (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->commit_id, g_source_remove);
  g_clear_object (&self->pending);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->warnings, 0);
  g_ptr_array_set_size (self->references, 0);
  g_ptr_array_set_size (self->activity_menus, 0);
  g_ptr_array_set_size (self->party_menus, 0);
  g_hash_table_remove_all (self->dirty);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_raci_grid_parent_class)->dispose (object);
}

static void
cs_raci_grid_finalize (GObject *object)
{
  CsRaciGrid *self = CS_RACI_GRID (object);

  g_clear_pointer (&self->activity_ids, g_array_unref);
  g_clear_pointer (&self->party_ids, g_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->activity_menus, g_ptr_array_unref);
  g_clear_pointer (&self->party_menus, g_ptr_array_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);

  G_OBJECT_CLASS (cs_raci_grid_parent_class)->finalize (object);
}

static void
cs_raci_grid_class_init (CsRaciGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_raci_grid_dispose;
  object_class->finalize = cs_raci_grid_finalize;
}

static void
cs_raci_grid_init (CsRaciGrid *self)
{
  self->activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->party_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cells = g_ptr_array_new ();
  self->warnings = g_ptr_array_new ();
  self->references = g_ptr_array_new ();
  self->activity_menus = g_ptr_array_new ();
  self->party_menus = g_ptr_array_new ();
  self->dirty = g_hash_table_new (NULL, NULL);
}

/**
 * cs_raci_grid_new:
 *
 * Returns: (transfer floating): a new, empty #CsRaciGrid
 */
GtkWidget *
cs_raci_grid_new (void)
{
  return g_object_new (CS_TYPE_RACI_GRID, NULL);
}

/**
 * cs_raci_grid_rebuild:
 * @self: a #CsRaciGrid
 * @store: (nullable): the open project
 * @offer_id: the offer whose matrix to show, or 0 for none
 * @writable: whether the cells and menus can be used
 *
 * Commits what is being typed, then builds the matrix again from the catalogues of @store
 * and the cells of the offer.
 */
void
cs_raci_grid_rebuild (CsRaciGrid *self,
                      CsStore    *store,
                      gint64      offer_id,
                      gboolean    writable)
{
  g_return_if_fail (CS_IS_RACI_GRID (self));
  g_return_if_fail (store == NULL || CS_IS_STORE (store));

  clear_grid (self);

  g_set_object (&self->store, store);
  self->offer_id = store != NULL ? offer_id : 0;
  self->writable = writable;
  if (self->offer_id == 0 || cs_store_is_closed (store))
    return;

  build_grid (self);
  refresh (self);
}

/**
 * cs_raci_grid_schedule_refresh:
 * @self: a #CsRaciGrid
 *
 * Shows the stored roles, references and warnings again, soon: cells being typed in are
 * left as they are.
 */
void
cs_raci_grid_schedule_refresh (CsRaciGrid *self)
{
  g_return_if_fail (CS_IS_RACI_GRID (self));

  schedule_refresh (self);
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

/**
 * cs_raci_grid_focus_cell:
 * @self: a #CsRaciGrid
 * @activity_id: the row's activity, or 0 for the first row
 * @party_id: the column's party, or 0 for the first column
 * @reference: whether to focus the row's contract reference instead of the cell
 *
 * Returns: whether the cell (or reference) is shown and took the focus
 */
gboolean
cs_raci_grid_focus_cell (CsRaciGrid *self,
                         gint64      activity_id,
                         gint64      party_id,
                         gboolean    reference)
{
  guint row;
  guint column;

  g_return_val_if_fail (CS_IS_RACI_GRID (self), FALSE);

  row = activity_id == 0 ? 0 : find_id (self->activity_ids, activity_id);
  column = party_id == 0 ? 0 : find_id (self->party_ids, party_id);
  if (reference && row < self->references->len)
    return gtk_widget_grab_focus (g_ptr_array_index (self->references, row));
  if (get_cell (self, row, column) == NULL)
    return FALSE;

  return gtk_widget_grab_focus (get_cell (self, row, column));
}

/**
 * cs_raci_grid_focus_menu:
 * @self: a #CsRaciGrid
 * @type: %CS_TYPE_ACTIVITY for a row, %CS_TYPE_PARTY for a column
 * @id: the activity or party
 *
 * Returns: whether the menu button of the row or column is shown and took the focus
 */
gboolean
cs_raci_grid_focus_menu (CsRaciGrid *self,
                         GType       type,
                         gint64      id)
{
  GArray *ids;
  GPtrArray *menus;
  guint index;

  g_return_val_if_fail (CS_IS_RACI_GRID (self), FALSE);

  ids = type == CS_TYPE_PARTY ? self->party_ids : self->activity_ids;
  menus = type == CS_TYPE_PARTY ? self->party_menus : self->activity_menus;
  index = find_id (ids, id);

  return index < menus->len && gtk_widget_grab_focus (g_ptr_array_index (menus, index));
}

/**
 * cs_raci_grid_get_neighbour:
 * @self: a #CsRaciGrid
 * @type: %CS_TYPE_ACTIVITY for rows, %CS_TYPE_PARTY for columns
 * @id: an activity or party shown
 * @offset: how many rows or columns further (negative: before)
 *
 * Returns: the activity or party shown @offset places from @id, or 0 if there is none
 */
gint64
cs_raci_grid_get_neighbour (CsRaciGrid *self,
                            GType       type,
                            gint64      id,
                            int         offset)
{
  GArray *ids;
  guint index;
  gint64 other;

  g_return_val_if_fail (CS_IS_RACI_GRID (self), 0);

  ids = type == CS_TYPE_PARTY ? self->party_ids : self->activity_ids;
  index = find_id (ids, id);
  if (index == G_MAXUINT)
    return 0;

  other = (gint64) index + offset;
  if (other < 0 || other >= ids->len)
    return 0;

  return g_array_index (ids, gint64, other);
}

/**
 * cs_raci_grid_sort_catalogue:
 * @store: the open project
 * @type: %CS_TYPE_ACTIVITY or %CS_TYPE_PARTY
 *
 * A sorted copy of a catalogue, on "position" then id as the store sorts on load: the
 * store's live list is not re-sorted when a position changes.
 *
 * Returns: (transfer container) (element-type CsRecord): the records, in matrix order
 */
GPtrArray *
cs_raci_grid_sort_catalogue (CsStore *store,
                             GType    type)
{
  return cs_records_sort_by_position (cs_store_list (store, type, 0));
}

/**
 * cs_raci_grid_list_areas:
 *
 * Returns: (transfer full): the labels of the standard areas of activities, in matrix
 *   order, then the label of activities of no area
 */
GtkStringList *
cs_raci_grid_list_areas (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    gtk_string_list_append (labels, _(areas[i].label));
  gtk_string_list_append (labels, get_area_label (NULL));

  return labels;
}

/**
 * cs_raci_grid_get_area_id:
 * @index: a position in cs_raci_grid_list_areas()
 *
 * Returns: the area stored for an activity of the area at @index ("" for no area)
 */
const char *
cs_raci_grid_get_area_id (guint index)
{
  return index < G_N_ELEMENTS (areas) ? areas[index].id : "";
}
