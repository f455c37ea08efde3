/* cs-responsibilities-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-responsibilities-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-responsibilities-page.h"
#include "cs-sections.h"
#include "cs-toast.h"

#include <string.h>

/**
 * CsResponsibilitiesPage:
 *
 * The Responsibilities section of an offer: the who-does-what matrix. Rows are the
 * activities of the project's catalogue, grouped by area; columns are the parties (client,
 * provider, subcontractor, software vendor …). Each cell is a small entry taking the letters
 * R, A, C and I in any order and case; the roles are normalised ("ar" → "RA") and committed
 * through cs_raci_set_roles() when the cell is activated or left. Arrow keys move between
 * cells. A row without an Accountable party, or with several, shows a warning icon whose
 * text is also the accessible description of its cells. The last column holds the contract
 * reference of the row, written to each cell of the row.
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


  /* the matrix as built: row r × column c is cells[r * party_ids->len + c] */
  GArray              *activity_ids;
  GArray              *party_ids;
  GPtrArray           *cells;
  GPtrArray           *warnings;
  GPtrArray           *names;
  GPtrArray           *references;
  GPtrArray           *activity_menus;  /* the menu button of each row */
  GPtrArray           *party_menus;     /* the menu button of each column */
  gboolean             batching;        /* rebuild once, after our own batch */
  guint                refresh_id;
  guint                commit_id;
  GtkWidget           *pending;       /* a cell changed without the keyboard focus */
  gboolean             syncing;

  /* template children */
  AdwPreferencesGroup *matrix_group;
  GtkGrid             *grid;
  /* the row or column deleted last from this page: its menu gets the focus when an Undo
   * (project.undo) brings it back */
  GType                deleted_type;
  gint64               deleted_id;
};

G_DEFINE_FINAL_TYPE (CsResponsibilitiesPage, cs_responsibilities_page, CS_TYPE_SECTION_PAGE)

/* The areas of the standard catalogue, in the order the matrix shows them. */
static const struct { const char *id; const char *label; } areas[] = {
  { "access", N_("Accounts and Access") },
  { "security", N_("Security") },
  { "backup", N_("Backup and Restore") },
  { "operations", N_("Operations") },
};

static const struct { const char *id; const char *label; } party_kinds[] = {
  { "client", N_("Client") },
  { "provider", N_("Provider") },
  { "subcontractor", N_("Subcontractor") },
  { "vendor", N_("Software vendor") },
  { "other", N_("Other") },
};

/* The actions of the row and column menus: enabled when writable. */
static const char * const catalogue_actions[] = {
  "raci.rename-activity", "raci.move-activity-up", "raci.move-activity-down",
  "raci.delete-activity", "raci.rename-party", "raci.move-party-up", "raci.move-party-down",
  "raci.delete-party",
};

static void schedule_refresh (CsResponsibilitiesPage *self);
static void rebuild (CsResponsibilitiesPage *self);
static void focus_menu_of (CsResponsibilitiesPage *self,
                           GType                   type,
                           gint64                  id);

static gint64
get_offer_id (CsResponsibilitiesPage *self)
{
  return cs_page_offer (self) != NULL ? cs_record_get_id (CS_RECORD (cs_page_offer (self))) : 0;
}

static void
show_error (CsResponsibilitiesPage *self,
            const GError           *error)
{
  cs_section_page_show_error (CS_SECTION_PAGE (self), error);
}

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
get_n_parties (CsResponsibilitiesPage *self)
{
  return self->party_ids->len;
}

static GtkWidget *
get_cell (CsResponsibilitiesPage *self,
          guint                   row,
          guint                   column)
{
  guint n_parties = get_n_parties (self);

  if (n_parties == 0 || row >= self->activity_ids->len || column >= n_parties)
    return NULL;

  return g_ptr_array_index (self->cells, row * n_parties + column);
}

static guint
get_row (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "cs-row"));
}

static guint
get_column (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "cs-column"));
}

/* The responsibility records of the offer, by "activity:party". */
static GHashTable *
index_cells (CsResponsibilitiesPage *self)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GListModel *list;

  if (cs_page_offer (self) == NULL)
    return index;

  list = cs_store_list (cs_page_store (self), CS_TYPE_RESPONSIBILITY, get_offer_id (self));
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
set_entry_text (CsResponsibilitiesPage *self,
                GtkWidget              *entry,
                const char             *text)
{
  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_set_data (G_OBJECT (entry), "cs-dirty", NULL);
  self->syncing = FALSE;
}

/* Shows the stored roles, the references and the warnings; cells being typed in are left. */
static void
refresh (CsResponsibilitiesPage *self)
{
  g_autoptr(CsRaciMatrix) matrix = NULL;
  g_autoptr(GHashTable) index = NULL;
  guint n_parties = get_n_parties (self);
  gboolean any_cell = FALSE;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (cs_page_offer (self) == NULL || cs_page_store (self) == NULL ||
      cs_store_is_closed (cs_page_store (self)))
    return;

  matrix = cs_raci_matrix_new (cs_page_store (self), get_offer_id (self));
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
          if (g_object_get_data (G_OBJECT (entry), "cs-dirty") == NULL)
            set_entry_text (self, entry, cell != NULL ? cs_record_get_string (cell, "roles") : "");
        }

      if (g_object_get_data (G_OBJECT (reference_entry), "cs-dirty") == NULL)
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
      g_object_set_data_full (G_OBJECT (warning), "cs-message", g_steal_pointer (&message),
                              g_free);
    }
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CsResponsibilitiesPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (CsResponsibilitiesPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

/* editing */

static CsRecord *
find_cell_record (CsResponsibilitiesPage *self,
                  gint64                  activity_id,
                  gint64                  party_id)
{
  GListModel *list = cs_store_list (cs_page_store (self), CS_TYPE_RESPONSIBILITY,
                                    get_offer_id (self));

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
commit_cell (CsResponsibilitiesPage *self,
             GtkWidget              *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  guint row = get_row (entry);
  gint64 activity_id;
  gint64 party_id;
  CsRecord *cell;
  const char *stored;

  if (self->syncing || cs_page_offer (self) == NULL ||
      g_object_get_data (G_OBJECT (entry), "cs-dirty") == NULL ||
      get_cell (self, row, get_column (entry)) != entry)
    return;

  activity_id = g_array_index (self->activity_ids, gint64, row);
  party_id = g_array_index (self->party_ids, gint64, get_column (entry));
  cell = find_cell_record (self, activity_id, party_id);
  stored = cell != NULL ? cs_record_get_string (cell, "roles") : "";

  if (!cs_page_is_writable (self))
    {
      set_entry_text (self, entry, stored);
      return;
    }

  normalized = cs_raci_normalize_roles (gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  if (normalized == NULL)
    {
      show_error (self, error);
      set_entry_text (self, entry, stored);
      return;
    }

  if (g_strcmp0 (normalized, stored) != 0 &&
      !cs_raci_set_roles (cs_page_store (self), get_offer_id (self), activity_id, party_id,
                          normalized,
                          &error))
    {
      show_error (self, error);
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
          !cs_store_set_string (cs_page_store (self), cell, "reference", reference, &error))
        show_error (self, error);
    }

  schedule_refresh (self);
}

typedef struct
{
  CsResponsibilitiesPage *self;
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
                                    get_offer_id (change->self));

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
commit_reference (CsResponsibilitiesPage *self,
                  GtkWidget              *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ReferenceChange change;

  if (self->syncing || cs_page_offer (self) == NULL ||
      g_object_get_data (G_OBJECT (entry), "cs-dirty") == NULL ||
      get_row (entry) >= self->references->len ||
      g_ptr_array_index (self->references, get_row (entry)) != entry)
    return;

  g_object_set_data (G_OBJECT (entry), "cs-dirty", NULL);
  if (!cs_page_is_writable (self))
    {
      refresh (self);
      return;
    }

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  change.self = self;
  change.activity_id = g_array_index (self->activity_ids, gint64, get_row (entry));
  change.reference = text;
  if (!cs_store_batch (cs_page_store (self), set_row_reference, &change, &error))
    show_error (self, error);

  refresh (self);
}

static void
commit_pending (CsResponsibilitiesPage *self)
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

static gboolean
commit_pending_cb (gpointer user_data)
{
  CsResponsibilitiesPage *self = user_data;

  self->commit_id = 0;
  commit_pending (self);

  return G_SOURCE_REMOVE;
}

static void
on_entry_changed_cb (GtkEditable            *entry,
                     CsResponsibilitiesPage *self)
{
  GtkWidget *text;

  if (self->syncing)
    return;

  g_object_set_data (G_OBJECT (entry), "cs-dirty", GINT_TO_POINTER (TRUE));

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
      self->commit_id = g_timeout_add (500, commit_pending_cb, self);
    }
}

static void
focus_cell (CsResponsibilitiesPage *self,
            guint                   row,
            guint                   column)
{
  GtkWidget *entry = get_cell (self, row, column);

  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

static void
on_cell_activate_cb (GtkEntry               *entry,
                     CsResponsibilitiesPage *self)
{
  guint row = get_row (GTK_WIDGET (entry));

  commit_cell (self, GTK_WIDGET (entry));

  /* Like a spreadsheet: Enter goes down the column. */
  if (row + 1 < self->activity_ids->len)
    focus_cell (self, row + 1, get_column (GTK_WIDGET (entry)));
}

static void
on_cell_focus_leave_cb (GtkEventControllerFocus *controller,
                        CsResponsibilitiesPage  *self)
{
  commit_cell (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
on_cell_key_pressed_cb (GtkEventControllerKey  *controller,
                        guint                   keyval,
                        guint                   keycode,
                        GdkModifierType         state,
                        CsResponsibilitiesPage *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint row = get_row (entry);
  guint column = get_column (entry);
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
      if (g_object_get_data (G_OBJECT (entry), "cs-dirty") == NULL)
        return FALSE;
      g_object_set_data (G_OBJECT (entry), "cs-dirty", NULL);
      refresh (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_reference_activate_cb (GtkEntry               *entry,
                          CsResponsibilitiesPage *self)
{
  commit_reference (self, GTK_WIDGET (entry));
}

static void
on_reference_focus_leave_cb (GtkEventControllerFocus *controller,
                             CsResponsibilitiesPage  *self)
{
  commit_reference (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/* building the matrix */

static GtkWidget *
create_cell (CsResponsibilitiesPage *self,
             guint                   row,
             guint                   column,
             const char             *activity,
             const char             *party)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *controller;
  g_autofree char *accessible = NULL;

  gtk_entry_set_max_length (GTK_ENTRY (entry), 4);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 4);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
  gtk_editable_set_editable (GTK_EDITABLE (entry), cs_page_is_writable (self));
  gtk_widget_set_halign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "monospace");
  gtk_widget_add_css_class (entry, "cs-raci-cell");

  /* Translators: accessible name of a cell of the responsibility matrix: activity, party */
  accessible = g_strdup_printf (_("%s, %s"), activity, party);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (entry, accessible);

  g_object_set_data (G_OBJECT (entry), "cs-row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (entry), "cs-column", GUINT_TO_POINTER (column));

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
create_reference_entry (CsResponsibilitiesPage *self,
                        guint                   row,
                        const char             *activity)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *controller;
  g_autofree char *accessible = NULL;

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_editable_set_editable (GTK_EDITABLE (entry), cs_page_is_writable (self));
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  /* Translators: accessible name of the contract reference of a row of the matrix */
  accessible = g_strdup_printf (_("Contract reference for %s"), activity);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data (G_OBJECT (entry), "cs-row", GUINT_TO_POINTER (row));

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

/* Catalogue order: "position", then id, as the store sorts on load. */
static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  CsRecord *ra = *(CsRecord **) a;
  CsRecord *rb = *(CsRecord **) b;
  gint64 pa = cs_record_get_int (ra, "position");
  gint64 pb = cs_record_get_int (rb, "position");
  gint64 ia = cs_record_get_id (ra);
  gint64 ib = cs_record_get_id (rb);

  if (pa != pb)
    return pa < pb ? -1 : 1;

  return (ia > ib) - (ia < ib);
}

/* A sorted copy of a catalogue: its live list is not re-sorted when a position changes. */
static GPtrArray *
list_sorted (CsStore *store,
             GType    type)
{
  GListModel *list = cs_store_list (store, type, 0);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (list, i));
  g_ptr_array_sort (sorted, compare_positions);

  return sorted;
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
create_menu_button (CsResponsibilitiesPage *self,
                    const char             *kind,
                    gint64                  id,
                    const char             *accessible,
                    gboolean                can_move_up,
                    gboolean                can_move_down)
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
  gtk_widget_set_sensitive (button, cs_page_is_writable (self));

  return button;
}

static void
clear_grid (CsResponsibilitiesPage *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  commit_pending (self);

  /* Leaving a cell commits it: remove the cells while the matrix still describes them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  g_array_set_size (self->activity_ids, 0);
  g_array_set_size (self->party_ids, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->warnings, 0);
  g_ptr_array_set_size (self->names, 0);
  g_ptr_array_set_size (self->references, 0);
  g_ptr_array_set_size (self->activity_menus, 0);
  g_ptr_array_set_size (self->party_menus, 0);
}

static void
build_grid (CsResponsibilitiesPage *self)
{
  g_autoptr(GPtrArray) parties = list_sorted (cs_page_store (self), CS_TYPE_PARTY);
  g_autoptr(GPtrArray) activities = list_sorted (cs_page_store (self), CS_TYPE_ACTIVITY);
  guint n_parties = parties->len;
  guint n_activities = activities->len;
  g_autoptr(GPtrArray) party_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) other_areas = g_ptr_array_new ();
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (int));
  GtkWidget *label;
  int grid_row = 0;
  int last_rank = -1;
  guint row = 0;

  /* header: activity, parties, reference */
  label = create_header_label (_("Activity"), 0);
  gtk_grid_attach (self->grid, label, 1, grid_row, 1, 1);
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
      gtk_grid_attach (self->grid, header, 2 + c, grid_row, 1, 1);
    }
  label = create_header_label (_("Contract Reference"), 0);
  gtk_grid_attach (self->grid, label, 2 + n_parties, grid_row, 1, 1);
  grid_row++;

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
          CsRecord *activity = NULL;
          g_autofree char *accessible = NULL;
          const char *name;
          GtkWidget *warning;
          GtkWidget *header;
          GtkWidget *button;
          gboolean first_of_area = FALSE;
          gboolean last_of_area = TRUE;
          gint64 id;

          if (g_array_index (ranks, int, i) != next_rank)
            continue;

          activity = g_ptr_array_index (activities, i);
          for (guint j = i + 1; j < n_activities && last_of_area; j++)
            last_of_area = g_array_index (ranks, int, j) != next_rank;
          if (row == 0 || last_rank != next_rank)
            {
              first_of_area = TRUE;
              label = gtk_label_new (get_area_label (cs_record_get_string (activity, "area")));
              gtk_label_set_xalign (GTK_LABEL (label), 0);
              gtk_widget_add_css_class (label, "heading");
              gtk_widget_set_margin_top (label, 12);
              gtk_grid_attach (self->grid, label, 1, grid_row++, 2 + n_parties, 1);
              last_rank = next_rank;
            }

          name = cs_record_get_string (activity, "name");
          if (name == NULL || name[0] == '\0')
            name = _("Unnamed activity");
          id = cs_record_get_id (activity);
          g_array_append_val (self->activity_ids, id);

          warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_add_css_class (warning, "warning");
          gtk_widget_set_visible (warning, FALSE);
          gtk_grid_attach (self->grid, warning, 0, grid_row, 1, 1);
          g_ptr_array_add (self->warnings, warning);

          header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          label = gtk_label_new (name);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
          gtk_widget_set_hexpand (label, TRUE);
          gtk_box_append (GTK_BOX (header), label);
          g_ptr_array_add (self->names, label);
          /* Translators: accessible name of the menu of a row of the matrix; %s is an activity */
          accessible = g_strdup_printf (_("Actions for activity %s"), name);
          /* Moves stay inside the area: rows of another area would not change places. */
          button = create_menu_button (self, "activity", id, accessible, !first_of_area,
                                       !last_of_area);
          gtk_box_append (GTK_BOX (header), button);
          g_ptr_array_add (self->activity_menus, button);
          gtk_grid_attach (self->grid, header, 1, grid_row, 1, 1);

          for (guint c = 0; c < n_parties; c++)
            {
              GtkWidget *entry = create_cell (self, row, c, name,
                                              g_ptr_array_index (party_names, c));

              gtk_grid_attach (self->grid, entry, 2 + c, grid_row, 1, 1);
              g_ptr_array_add (self->cells, entry);
            }

          {
            GtkWidget *entry = create_reference_entry (self, row, name);

            gtk_grid_attach (self->grid, entry, 2 + n_parties, grid_row, 1, 1);
            g_ptr_array_add (self->references, entry);
          }

          grid_row++;
          row++;
        }
    }

  if (n_activities == 0 || n_parties == 0)
    {
      label = gtk_label_new (n_parties == 0 ? _("No parties yet: add the client and the provider.")
                                            : _("No activities yet: add the first one."));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (self->grid, label, 1, grid_row, 2 + n_parties, 1);
    }
}

static void
rebuild (CsResponsibilitiesPage *self)
{
  gboolean writable = cs_page_is_writable (self);

  clear_grid (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "responsibilities.add-activity", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "responsibilities.add-party", writable);
  for (guint i = 0; i < G_N_ELEMENTS (catalogue_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), catalogue_actions[i], writable);

  if (cs_page_offer (self) == NULL || cs_store_is_closed (cs_page_store (self)))
    return;

  build_grid (self);
  refresh (self);
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
         cs_record_get_parent_id (record) == get_offer_id (self);
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
          focus_menu_of (self, G_OBJECT_TYPE (record), cs_record_get_id (record));
        }
    }
  else if (is_our_cell (self, record))
    schedule_refresh (self);
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
    schedule_refresh (self);
}

static void
on_reloaded_cb (CsStore                *store,
                CsResponsibilitiesPage *self)
{
  rebuild (self);
}

/* dialogs asking a name */

static GtkWidget *
create_name_dialog (CsResponsibilitiesPage *self,
                    const char             *heading,
                    const char             *body,
                    const char             *name_label,
                    const char             *choice_label,
                    GtkStringList          *choices,
                    guint                   selected)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *drop_down;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  label = gtk_label_new_with_mnemonic (name_label);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_strstrip (g_strdelimit (g_strdup (name_label), "_", ' ')),
                                  -1);
  gtk_box_append (GTK_BOX (box), entry);

  label = gtk_label_new_with_mnemonic (choice_label);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_box_append (GTK_BOX (box), drop_down);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "cs-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "cs-drop-down", drop_down);
  g_object_set_data (G_OBJECT (dialog), "cs-response", (gpointer) "add");

  return dialog;
}

static void
on_name_changed_cb (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog,
                                           g_object_get_data (G_OBJECT (dialog), "cs-response"),
                                           text[0] != '\0');
}

static void
focus_row_of (CsResponsibilitiesPage *self,
              gint64                  activity_id)
{
  for (guint r = 0; r < self->activity_ids->len; r++)
    if (g_array_index (self->activity_ids, gint64, r) == activity_id)
      focus_cell (self, r, 0);
}

static void
on_add_activity_response_cb (AdwMessageDialog       *dialog,
                             const char             *response,
                             CsResponsibilitiesPage *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "cs-entry");
  GtkWidget *drop_down = g_object_get_data (G_OBJECT (dialog), "cs-drop-down");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(CsRecord) activity = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));

  if (!g_str_equal (response, "add") || name[0] == '\0' || !cs_page_is_writable (self))
    return;

  activity = g_object_new (CS_TYPE_ACTIVITY,
                           "name", name,
                           "area", selected < G_N_ELEMENTS (areas) ? areas[selected].id : "",
                           NULL);
  if (!cs_store_add (cs_page_store (self), activity, &error))
    {
      show_error (self, error);
      return;
    }

  /* Rebuilt by "record-added": go to the new row. */
  focus_row_of (self, cs_record_get_id (activity));
}

static void
on_add_party_response_cb (AdwMessageDialog       *dialog,
                          const char             *response,
                          CsResponsibilitiesPage *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "cs-entry");
  GtkWidget *drop_down = g_object_get_data (G_OBJECT (dialog), "cs-drop-down");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(CsRecord) party = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));

  if (!g_str_equal (response, "add") || name[0] == '\0' || !cs_page_is_writable (self))
    return;

  party = g_object_new (CS_TYPE_PARTY,
                        "name", name,
                        "kind", party_kinds[MIN (selected, G_N_ELEMENTS (party_kinds) - 1)].id,
                        NULL);
  if (!cs_store_add (cs_page_store (self), party, &error))
    {
      show_error (self, error);
      return;
    }

  if (self->activity_ids->len > 0)
    focus_cell (self, 0, get_n_parties (self) - 1);
}

/* actions */

static void
cs_responsibilities_page_add_activity_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *dialog;

  if (!cs_page_is_writable (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    gtk_string_list_append (choices, _(areas[i].label));
  gtk_string_list_append (choices, _("Other Activities"));

  dialog = create_name_dialog (self, _("Add Activity"),
                               _("The activity becomes a row of the matrix of every offer of "
                                 "the project."),
                               _("_Name"), _("A_rea"), choices, G_N_ELEMENTS (areas) - 1);
  g_signal_connect (g_object_get_data (G_OBJECT (dialog), "cs-entry"), "changed",
                    G_CALLBACK (on_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_activity_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_responsibilities_page_add_party_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *dialog;

  if (!cs_page_is_writable (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (party_kinds); i++)
    gtk_string_list_append (choices, _(party_kinds[i].label));

  dialog = create_name_dialog (self, _("Add Party"),
                               _("The party becomes a column of the matrix of every offer of "
                                 "the project: a second provider, an auditor, a telecom "
                                 "carrier …"),
                               _("_Name"), _("_Kind"), choices, G_N_ELEMENTS (party_kinds) - 1);
  g_signal_connect (g_object_get_data (G_OBJECT (dialog), "cs-entry"), "changed",
                    G_CALLBACK (on_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_party_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* renaming, moving and deleting activities and parties */

static GType
get_catalogue_type (const char *action_name)
{
  return strstr (action_name, "-party") != NULL ? CS_TYPE_PARTY : CS_TYPE_ACTIVITY;
}

static void
focus_menu_of (CsResponsibilitiesPage *self,
               GType                   type,
               gint64                  id)
{
  GArray *ids = type == CS_TYPE_PARTY ? self->party_ids : self->activity_ids;
  GPtrArray *menus = type == CS_TYPE_PARTY ? self->party_menus : self->activity_menus;

  for (guint i = 0; i < ids->len && i < menus->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      gtk_widget_grab_focus (g_ptr_array_index (menus, i));
}

static void
on_rename_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       CsResponsibilitiesPage *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "cs-entry");
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cs-type"));
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "cs-id");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  CsRecord *record;

  if (!g_str_equal (response, "rename") || name[0] == '\0' || !cs_page_is_writable (self))
    return;

  /* It may have been deleted while the dialog was open. */
  record = cs_store_find (cs_page_store (self), type, *id);
  if (record == NULL || g_strcmp0 (cs_record_get_string (record, "name"), name) == 0)
    return;

  if (!cs_store_set_string (cs_page_store (self), record, "name", name, &error))
    {
      show_error (self, error);
      return;
    }

  /* Rebuilt by "record-changed": back to the menu the dialog came from. */
  focus_menu_of (self, type, *id);
}

static void
cs_responsibilities_page_rename_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  GType type = get_catalogue_type (action_name);
  gint64 id = g_variant_get_int64 (parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  CsRecord *record;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *entry;

  if (!cs_page_is_writable (self) ||
      (record = cs_store_find (cs_page_store (self), type, id)) == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   type == CS_TYPE_PARTY ? _("Rename Party")
                                                         : _("Rename Activity"),
                                   _("The new name shows in the matrix of every offer of the "
                                     "project."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Name"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), cs_record_get_string (record, "name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename",
                                           gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0');

  g_object_set_data (G_OBJECT (dialog), "cs-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "cs-response", (gpointer) "rename");
  g_object_set_data (G_OBJECT (dialog), "cs-type", GSIZE_TO_POINTER (type));
  g_object_set_data_full (G_OBJECT (dialog), "cs-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
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
  order = list_sorted (store, swap->type);
  if (!g_ptr_array_find (order, swap->a, &index_a) || !g_ptr_array_find (order, swap->b, &index_b))
    return TRUE;
  order->pdata[index_a] = swap->b;
  order->pdata[index_b] = swap->a;

  for (guint i = 0; i < order->len; i++)
    {
      CsRecord *record = g_ptr_array_index (order, i);

      if (cs_record_get_int (record, "position") != (gint64) i + 1 &&
          !cs_store_set_int (store, record, "position", i + 1, error))
        return FALSE;
    }

  return TRUE;
}

static void
cs_responsibilities_page_move_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (widget);
  GType type = get_catalogue_type (action_name);
  GArray *ids = type == CS_TYPE_PARTY ? self->party_ids : self->activity_ids;
  gint64 id = g_variant_get_int64 (parameter);
  gboolean up = g_str_has_suffix (action_name, "-up");
  g_autoptr(GError) error = NULL;
  Swap swap = { type, NULL, NULL };
  gboolean ok;

  if (!cs_page_is_writable (self))
    return;

  /* The neighbour as shown: activities move among the rows of their area. */
  for (guint i = 0; i < ids->len; i++)
    {
      guint other;

      if (g_array_index (ids, gint64, i) != id || (up && i == 0) || (!up && i + 1 >= ids->len))
        continue;

      other = up ? i - 1 : i + 1;
      swap.a = cs_store_find (cs_page_store (self), type, id);
      swap.b = cs_store_find (cs_page_store (self), type, g_array_index (ids, gint64, other));
      break;
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
    show_error (self, error);
  focus_menu_of (self, type, id);
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
  GArray *ids = type == CS_TYPE_PARTY ? self->party_ids : self->activity_ids;
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autoptr(CsDeletion) deletion = NULL;
  CsRecord *record;
  gboolean with_cells;
  guint index = 0;

  if (!cs_page_is_writable (self) ||
      (record = cs_store_find (cs_page_store (self), type, id)) == NULL)
    return;

  name = g_strdup (cs_record_get_string (record, "name"));
  with_cells = count_cells (self, type, id) > 0;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      index = i;

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
      show_error (self, error);
      return;
    }
  self->deleted_type = type;
  self->deleted_id = cs_record_get_id (record);
  cs_section_page_show_deleted (CS_SECTION_PAGE (self), &deletion, 1, title);

  /* Rebuilt by "record-removed": on to the next menu, or the previous one. */
  ids = type == CS_TYPE_PARTY ? self->party_ids : self->activity_ids;
  if (ids->len > 0)
    focus_menu_of (self, type, g_array_index (ids, gint64, MIN (index, ids->len - 1)));
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

      for (guint r = 0; cell != NULL && r < self->activity_ids->len; r++)
        for (guint c = 0; c < get_n_parties (self); c++)
          if (g_array_index (self->activity_ids, gint64,
                             r) == cs_record_get_int (cell, "activity_id") &&
              g_array_index (self->party_ids, gint64, c) == cs_record_get_int (cell, "party_id"))
            {
              GtkWidget *target = g_strcmp0 (field, "reference") == 0
                                  ? g_ptr_array_index (self->references, r)
                                  : get_cell (self, r, c);

              return gtk_widget_grab_focus (target);
            }
    }

  if (g_strcmp0 (table, "activity") == 0 && record_id != 0)
    for (guint r = 0; r < self->activity_ids->len; r++)
      if (g_array_index (self->activity_ids, gint64, r) == record_id && get_n_parties (self) > 0)
        return gtk_widget_grab_focus (get_cell (self, r, 0));

  if (g_strcmp0 (table, "party") == 0 && record_id != 0)
    for (guint c = 0; c < get_n_parties (self); c++)
      if (g_array_index (self->party_ids, gint64, c) == record_id && self->activity_ids->len > 0)
        return gtk_widget_grab_focus (get_cell (self, 0, c));

  if (self->cells->len > 0)
    return gtk_widget_grab_focus (g_ptr_array_index (self->cells, 0));

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

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->commit_id, g_source_remove);
  g_clear_object (&self->pending);
  if (self->cells != NULL)
    {
      g_ptr_array_set_size (self->cells, 0);
      g_ptr_array_set_size (self->warnings, 0);
      g_ptr_array_set_size (self->names, 0);
      g_ptr_array_set_size (self->references, 0);
      g_ptr_array_set_size (self->activity_menus, 0);
      g_ptr_array_set_size (self->party_menus, 0);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_RESPONSIBILITIES_PAGE);

  G_OBJECT_CLASS (cs_responsibilities_page_parent_class)->dispose (object);
}

static void
cs_responsibilities_page_finalize (GObject *object)
{
  CsResponsibilitiesPage *self = CS_RESPONSIBILITIES_PAGE (object);

  g_clear_pointer (&self->activity_ids, g_array_unref);
  g_clear_pointer (&self->party_ids, g_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->activity_menus, g_ptr_array_unref);
  g_clear_pointer (&self->party_menus, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_responsibilities_page_parent_class)->finalize (object);
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
  /* Translators: page heading; %s is the provider of the offer */
  cs_section_page_class_set_title (page_class, N_("Responsibilities under %s"));
  object_class->finalize = cs_responsibilities_page_finalize;


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

  self->activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->party_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cells = g_ptr_array_new ();
  self->warnings = g_ptr_array_new ();
  self->names = g_ptr_array_new ();
  self->references = g_ptr_array_new ();
  self->activity_menus = g_ptr_array_new ();
  self->party_menus = g_ptr_array_new ();
}

/**
 * cs_responsibilities_page_new:
 * @review_state: the review of the open project
 *
 * Returns: (transfer floating): a new #CsResponsibilitiesPage, showing no offer yet
 */
GtkWidget *
cs_responsibilities_page_new (CsReviewState *review_state)
{
  g_return_val_if_fail (CS_IS_REVIEW_STATE (review_state), NULL);

  return g_object_new (CS_TYPE_RESPONSIBILITIES_PAGE, "review-state", review_state, NULL);
}
