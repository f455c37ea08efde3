/* cs-compare-view.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-compare-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-compare-view.h"
#include "cs-comparison.h"
#include "cs-construct-property.h"
#include "cs-dialog-helpers.h"
#include "cs-review-state.h"
#include "cs-source.h"
#include "cs-toast.h"

#include <math.h>

/**
 * CsCompareView:
 *
 * The offers side by side (issue 11): one column per compared offer (the incumbent marked),
 * rows grouped by section and collapsible, best and worst marked with a colour and a symbol,
 * knock-outs standing out, a "not comparable" line under the rows that cannot be compared, the
 * ranking and its sensitivity. The row labels and the offer titles stay in place while the
 * figures scroll: three scrolled windows share their adjustments. Every cell is a button that
 * shows where its value is edited (`project.show-offer-section`, offer and section).
 *
 * Computed by #CsComparison shortly after each commit, and only while shown.
 *
 * Actions: `compare.toggle-section` (i), `compare.move` ((xi): offer, −1 or +1),
 * `compare.include` (x), `compare.exclude` (x), `compare.save-weights`, `compare.export` (s).
 */

#define RECOMPUTE_DELAY_MS 250
#define ROW_HEIGHT 36
#define CELL_WIDTH 220
#define LABEL_WIDTH 300

/* One line of the table: a section title, a figure, or the note under a figure. */
typedef struct
{
  guint      section;
  gboolean   header;
  gboolean   all_equal;
  GtkWidget *label;    /* in labels_grid */
  GtkWidget *cells;    /* a box in cells_grid holding the line's cells */
} ViewRow;

struct _CsCompareView
{
  AdwBin          parent_instance;

  CsStore        *store;
  CsComparison   *comparison;
  GPtrArray      *rows;
  guint32         collapsed;
  guint           recompute_id;
  gboolean        dirty;
  GMenu          *offers_menu;
  GtkWidget      *weight_spins[CS_COMPARISON_N_WEIGHTS];
  GtkLabel       *weights_sum_label;
  GtkWidget      *horizon_spin;
  GtkWidget      *growth_spin;
  GtkFileChooserNative *chooser;
  CsDocumentFormat export_format;

  /* template children (not the bin's own child, the stack, which AdwBin disposes of) */
  GtkMenuButton  *empty_offers_button;
  GtkMenuButton  *offers_button;
  GtkMenuButton  *weights_button;
  GtkMenuButton  *export_button;
  GtkToggleButton *hide_equal_button;
  GtkLabel       *ranking_label;
  GtkLabel       *sensitivity_label;
  GtkScrolledWindow *header_scroll;
  GtkScrolledWindow *labels_scroll;
  GtkScrolledWindow *cells_scroll;
  GtkGrid        *header_grid;
  GtkGrid        *labels_grid;
  GtkGrid        *cells_grid;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsCompareView, cs_compare_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void update_setting_spins (CsCompareView *self);

static CsChecklist *
get_checklist (GError **error)
{
  static CsChecklist *checklist = NULL;

  if (checklist == NULL)
    checklist = cs_checklist_new_default (error);

  return checklist;
}

static const char *
offer_name (CsOffer *offer)
{
  const char *provider = cs_offer_get_provider (offer);

  return provider != NULL && *provider != '\0' ? provider : _("Unnamed offer");
}

static gboolean
is_incumbent (CsOffer *offer)
{
  return g_strcmp0 (cs_offer_get_kind (offer), "incumbent") == 0;
}

static GtkStack *
get_stack (CsCompareView *self)
{
  return GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* Visibility: collapsed sections keep their title; "hide equal rows" keeps the titles too. */
static void
apply_visibility (CsCompareView *self)
{
  gboolean hide_equal = gtk_toggle_button_get_active (self->hide_equal_button);

  for (guint i = 0; i < self->rows->len; i++)
    {
      ViewRow *row = g_ptr_array_index (self->rows, i);
      gboolean visible = row->header
                         || ((self->collapsed & (1u << row->section)) == 0
                             && !(hide_equal && row->all_equal));

      gtk_widget_set_visible (row->label, visible);
      gtk_widget_set_visible (row->cells, visible);
    }
}

static void
add_view_row (CsCompareView *self,
              guint          section,
              gboolean       header,
              gboolean       all_equal,
              GtkWidget     *label,
              GtkWidget     *cells)
{
  ViewRow *row = g_new0 (ViewRow, 1);
  int line = self->rows->len;

  row->section = section;
  row->header = header;
  row->all_equal = all_equal;
  row->label = label;
  row->cells = cells;
  gtk_widget_set_size_request (label, LABEL_WIDTH, ROW_HEIGHT);
  gtk_widget_set_size_request (cells, -1, ROW_HEIGHT);
  gtk_grid_attach (self->labels_grid, label, 0, line, 1, 1);
  gtk_grid_attach (self->cells_grid, cells, 0, line, 1, 1);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
fixed_label (const char *text,
             int         chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  return label;
}

/* Header: the offers, the incumbent marked, each with a menu to move or leave it out. */

static GMenuModel *
offer_menu_new (CsOffer *offer)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  gint64 id = cs_record_get_id (CS_RECORD (offer));
  g_autoptr(GMenuItem) left = g_menu_item_new (_("Move _Left"), NULL);
  g_autoptr(GMenuItem) right = g_menu_item_new (_("Move _Right"), NULL);
  g_autoptr(GMenuItem) leave = g_menu_item_new (_("_Leave Out of the Comparison"), NULL);

  g_menu_item_set_action_and_target_value (left, "compare.move", g_variant_new ("(xi)", id, -1));
  g_menu_item_set_action_and_target_value (right, "compare.move", g_variant_new ("(xi)", id, 1));
  g_menu_item_set_action_and_target_value (leave, "compare.exclude", g_variant_new_int64 (id));
  g_menu_append_item (menu, left);
  g_menu_append_item (menu, right);
  g_menu_append_item (menu, leave);

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
build_header (CsCompareView *self)
{
  guint n = cs_comparison_get_n_offers (self->comparison);

  clear_grid (self->header_grid);
  for (guint c = 0; c < n; c++)
    {
      CsOffer *offer = cs_comparison_get_offer (self->comparison, c);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *title = fixed_label (offer_name (offer), 18);
      g_autofree char *detail = NULL;
      GtkWidget *detail_label = NULL;
      GtkWidget *menu_button = gtk_menu_button_new ();
      g_autoptr(GMenuModel) menu = offer_menu_new (offer);
      g_autofree char *menu_name = NULL;

      if (is_incumbent (offer))
        /* Translators: under an offer's name in the comparison: its rank, and that it is the
         * contract in force */
        detail = g_strdup_printf (_("Rank %u · incumbent"),
                                  cs_comparison_get_rank (self->comparison, c));
      else
        /* Translators: under an offer's name in the comparison */
        detail = g_strdup_printf (_("Rank %u"), cs_comparison_get_rank (self->comparison, c));

      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_tooltip_text (title, offer_name (offer));
      detail_label = fixed_label (detail, 18);
      gtk_widget_add_css_class (detail_label, "caption");
      if (is_incumbent (offer))
        gtk_widget_add_css_class (detail_label, "accent");
      else
        gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_box_append (GTK_BOX (texts), title);
      gtk_box_append (GTK_BOX (texts), detail_label);
      gtk_widget_set_hexpand (texts, TRUE);
      gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), texts);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
      gtk_widget_add_css_class (menu_button, "flat");
      gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
      /* Translators: accessible name of the menu of an offer's column */
      menu_name = g_strdup_printf (_("Column of %s"), offer_name (offer));
      gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name, -1);
      gtk_widget_set_tooltip_text (menu_button, menu_name);
      gtk_box_append (GTK_BOX (box), menu_button);

      gtk_widget_set_size_request (box, CELL_WIDTH, 52);
      gtk_widget_add_css_class (box, "compare-column-title");
      gtk_grid_attach (self->header_grid, box, c, 0, 1, 1);
    }
}

/* Cells */

static const char *
mark_symbol (const CsComparisonCell *cell)
{
  if (cell->knock_out)
    return " ✗";
  if (cell->best)
    return " ▲";
  if (cell->worst)
    return " ▼";
  return "";
}

static char *
describe_cell (CsOffer                *offer,
               const CsComparisonRow  *row,
               const CsComparisonCell *cell)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: accessible name of a cell of the comparison: offer, figure, value */
  g_string_printf (text, _("%s, %s: %s"), offer_name (offer), row->label, cell->text);
  if (cell->best)
    g_string_append_printf (text, ", %s", _("best"));
  if (cell->worst)
    g_string_append_printf (text, ", %s", _("worst"));
  if (cell->knock_out)
    g_string_append_printf (text, ", %s", _("knock-out"));
  if (row->not_comparable != NULL)
    g_string_append_printf (text, ", %s", _("not comparable"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
make_cell (CsCompareView          *self,
           const CsComparisonRow  *row,
           guint                   column)
{
  const CsComparisonCell *cell = &row->cells[column];
  CsOffer *offer = cs_comparison_get_offer (self->comparison, column);
  g_autofree char *text = g_strconcat (cell->text, mark_symbol (cell), NULL);
  g_autofree char *name = describe_cell (offer, row, cell);
  g_autofree char *tooltip = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = fixed_label (text, 20);

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "compare-cell");
  if (cell->knock_out)
    gtk_widget_add_css_class (button, "compare-knock-out");
  else if (cell->best)
    gtk_widget_add_css_class (button, "compare-best");
  else if (cell->worst)
    gtk_widget_add_css_class (button, "compare-worst");
  if (isnan (cell->value) && row->order != CS_COMPARE_NONE)
    gtk_widget_add_css_class (label, "dim-label");
  if (row->order != CS_COMPARE_NONE && !row->coded)
    gtk_widget_add_css_class (label, "numeric");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "project.show-offer-section");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(xs)",
                                                         cs_record_get_id (CS_RECORD (offer)),
                                                         cs_section_get_id (row->edit_section)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  tooltip = cell->note != NULL ? g_strdup_printf ("%s\n%s", cell->text, cell->note)
                               : g_strdup (cell->text);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_size_request (button, CELL_WIDTH, ROW_HEIGHT);

  return button;
}

static void
add_section_header (CsCompareView *self,
                    guint          index,
                    const char    *section)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = fixed_label (cs_comparison_section_get_title (section), 30);
  GtkWidget *filler = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gboolean expanded = (self->collapsed & (1u << index)) == 0;

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (expanded ? "pan-down-symbolic"
                                                                          : "pan-end-symbolic"));
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "compare-section");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "compare.toggle-section");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cs_comparison_section_get_title (section), -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
  gtk_widget_add_css_class (filler, "compare-section-band");
  add_view_row (self, index, TRUE, FALSE, button, filler);
}

static void
add_figure (CsCompareView         *self,
            guint                  index,
            const CsComparisonRow *row)
{
  guint n = cs_comparison_get_n_offers (self->comparison);
  GtkWidget *cells = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *label_text = NULL;
  GtkWidget *label = NULL;

  if (*row->unit != '\0' && row->order != CS_COMPARE_NONE && !row->coded)
    /* Translators: a row label with its unit: "P1 resolution, worst case (h)" */
    label_text = g_strdup_printf (_("%s (%s)"), row->label, row->unit);
  else
    label_text = g_strdup (row->label);
  label = fixed_label (label_text, 34);
  gtk_widget_set_margin_start (label, 30);
  gtk_widget_set_tooltip_text (label, label_text);

  for (guint c = 0; c < n; c++)
    gtk_box_append (GTK_BOX (cells), make_cell (self, row, c));
  add_view_row (self, index, FALSE, row->all_equal, label, cells);

  if (row->not_comparable != NULL)
    {
      GtkWidget *note_label = fixed_label (_("Not comparable"), 30);
      GtkWidget *note_cells = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *reason = fixed_label (row->not_comparable, 30);

      gtk_widget_set_margin_start (note_label, 30);
      gtk_widget_add_css_class (note_label, "compare-note");
      gtk_widget_add_css_class (note_cells, "compare-note");
      gtk_widget_set_margin_start (icon, 12);
      gtk_box_append (GTK_BOX (note_cells), icon);
      gtk_label_set_max_width_chars (GTK_LABEL (reason), 200);
      gtk_widget_set_hexpand (reason, TRUE);
      gtk_widget_set_tooltip_text (reason, row->not_comparable);
      gtk_widget_set_size_request (note_cells, (int) n * CELL_WIDTH, -1);
      gtk_label_set_selectable (GTK_LABEL (reason), FALSE);
      gtk_box_append (GTK_BOX (note_cells), reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      row->not_comparable, -1);
      add_view_row (self, index, FALSE, row->all_equal, note_label, note_cells);
    }
}

static void
build_rows (CsCompareView *self)
{
  const char * const *sections = cs_comparison_sections ();

  g_ptr_array_set_size (self->rows, 0);
  clear_grid (self->labels_grid);
  clear_grid (self->cells_grid);

  for (guint s = 0; sections[s] != NULL; s++)
    {
      gboolean any = FALSE;

      for (guint r = 0; r < cs_comparison_get_n_rows (self->comparison); r++)
        {
          const CsComparisonRow *row = cs_comparison_get_row (self->comparison, r);

          if (!g_str_equal (row->section, sections[s]))
            continue;
          if (!any)
            add_section_header (self, s, sections[s]);
          any = TRUE;
          add_figure (self, s, row);
        }
    }

  apply_visibility (self);
}

static void
update_summary (CsCompareView *self)
{
  const guint *ranking = cs_comparison_get_ranking (self->comparison);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < cs_comparison_get_n_offers (self->comparison); r++)
    {
      CsOffer *offer = cs_comparison_get_offer (self->comparison, ranking[r]);

      if (r > 0)
        g_string_append (text, "   ");
      /* Translators: one entry of the ranking line: "1. Altimance 68 %" */
      g_string_append_printf (text, _("%u. %s %.0f %%"), r + 1, offer_name (offer),
                              cs_comparison_get_weighted_score (self->comparison,
                                                                ranking[r]) * 100);
    }
  gtk_label_set_text (self->ranking_label, text->str);
  gtk_label_set_text (self->sensitivity_label, cs_comparison_get_sensitivity (self->comparison));
}

/* The Offers menu: the offers compared can be left out, the others put back. */
static void
update_offers_menu (CsCompareView *self)
{
  GListModel *offers = cs_store_get_offers (self->store);
  g_autoptr(GMenu) compared = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();

  g_menu_remove_all (self->offers_menu);
  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);
      gboolean is_compared = cs_record_get_boolean (CS_RECORD (offer), "compared");
      g_autoptr(GMenuItem) item = g_menu_item_new (offer_name (offer), NULL);
      gint64 id = cs_record_get_id (CS_RECORD (offer));

      g_menu_item_set_action_and_target_value (item,
                                               is_compared ? "compare.exclude" : "compare.include",
                                               g_variant_new_int64 (id));
      g_menu_append_item (is_compared ? compared : others, item);
    }
  /* Translators: a section of the Offers menu: choosing an offer there leaves it out */
  g_menu_append_section (self->offers_menu, _("Compared (choose to leave out)"),
                         G_MENU_MODEL (compared));
  /* Translators: a section of the Offers menu: choosing an offer there compares it */
  g_menu_append_section (self->offers_menu, _("Not compared (choose to add)"),
                         G_MENU_MODEL (others));
}

static void
update_weight_spins (CsCompareView *self)
{
  const guint *weights = NULL;
  guint stored[CS_COMPARISON_N_WEIGHTS];

  if (self->comparison != NULL)
    weights = cs_comparison_get_weights (self->comparison);
  else
    {
      cs_comparison_read_weights (self->store, stored);
      weights = stored;
    }

  for (guint g = 0; g < CS_COMPARISON_N_WEIGHTS; g++)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->weight_spins[g]), weights[g]);
}

static void
recompute (CsCompareView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offers = cs_comparison_list_compared_offers (self->store);
  CsChecklist *checklist = get_checklist (&error);
  CsComparison *comparison = NULL;

  self->dirty = FALSE;
  update_offers_menu (self);

  if (checklist != NULL && offers->len > 0)
    comparison = cs_comparison_new (self->store, checklist, cs_review_state_get_linter (NULL),
                                    offers, NULL, &error);
  if (error != NULL)
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  g_clear_pointer (&self->comparison, cs_comparison_unref);
  self->comparison = comparison;
  update_weight_spins (self);
  update_setting_spins (self);

  if (self->comparison == NULL)
    {
      gtk_stack_set_visible_child_name (get_stack (self), "empty");
      g_ptr_array_set_size (self->rows, 0);
      clear_grid (self->labels_grid);
      clear_grid (self->cells_grid);
      clear_grid (self->header_grid);
      return;
    }

  build_header (self);
  build_rows (self);
  update_summary (self);
  gtk_stack_set_visible_child_name (get_stack (self), "table");
}

static void
recompute_if_mapped (CsCompareView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    recompute (self);
  else
    self->dirty = TRUE;
}

static void
schedule_recompute (CsCompareView *self)
{
  cs_timeout_add_once (&self->recompute_id, RECOMPUTE_DELAY_MS,
                       (CsSourceFunc) recompute_if_mapped, self);
}

static void
on_store_saved_cb (CsStore       *store,
                   CsCompareView *self)
{
  schedule_recompute (self);
}

static void
on_offers_changed_cb (GListModel    *offers,
                      guint          position,
                      guint          removed,
                      guint          added,
                      CsCompareView *self)
{
  schedule_recompute (self);
}

static void
on_hide_equal_toggled_cb (GtkToggleButton *button,
                          CsCompareView   *self)
{
  apply_visibility (self);
}

/* Weights */

static guint
weights_sum (CsCompareView *self,
             guint          weights[CS_COMPARISON_N_WEIGHTS])
{
  guint sum = 0;

  for (guint g = 0; g < CS_COMPARISON_N_WEIGHTS; g++)
    {
      weights[g] = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->weight_spins[g]));
      sum += weights[g];
    }

  return sum;
}

static void
update_weights_sum (CsCompareView *self)
{
  guint weights[CS_COMPARISON_N_WEIGHTS];
  guint sum = weights_sum (self, weights);
  g_autofree char *text = NULL;

  /* Translators: the sum of the section weights, which must be 100 % */
  text = g_strdup_printf (_("Total: %u %% (must be 100 %%)"), sum);
  gtk_label_set_text (self->weights_sum_label, text);
  if (sum == 100)
    gtk_widget_remove_css_class (GTK_WIDGET (self->weights_sum_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->weights_sum_label), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.save-weights",
                                 sum == 100 && !cs_store_is_read_only (self->store));
}

static void
on_weight_changed_cb (GtkSpinButton *spin,
                      CsCompareView *self)
{
  update_weights_sum (self);
}

static void
on_setting_changed_cb (GtkSpinButton *spin,
                       CsCompareView *self)
{
  g_autoptr(GError) error = NULL;
  CsRecord *project = CS_RECORD (cs_store_get_project (self->store));
  const char *column = GTK_WIDGET (spin) == self->horizon_spin ? "compare_horizon_months"
                                                               : "compare_growth_percent";
  gint64 value = gtk_spin_button_get_value_as_int (spin);

  if (cs_store_is_read_only (self->store) || cs_record_get_int (project, column) == value)
    return;
  if (!cs_store_set_int (self->store, project, column, value, &error))
    cs_toast_show_error (GTK_WIDGET (self), error);
}

static GtkWidget *
add_setting_row (CsCompareView *self,
                 GtkGrid       *grid,
                 int            line,
                 const char    *title,
                 double         min,
                 double         max)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
  gtk_grid_attach (grid, label, 0, line, 1, 1);
  gtk_grid_attach (grid, spin, 1, line, 1, 1);

  return spin;
}

static void
update_setting_spins (CsCompareView *self)
{
  CsRecord *project = CS_RECORD (cs_store_get_project (self->store));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->horizon_spin),
                             cs_record_get_int (project, "compare_horizon_months"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->growth_spin),
                             cs_record_get_int (project, "compare_growth_percent"));
  gtk_widget_set_sensitive (self->horizon_spin, !cs_store_is_read_only (self->store));
  gtk_widget_set_sensitive (self->growth_spin, !cs_store_is_read_only (self->store));
}

static GtkWidget *
weights_popover_new (CsCompareView *self)
{
  const char * const *groups = cs_comparison_weight_groups ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Weights"));
  GtkWidget *sum = gtk_label_new (NULL);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      GtkWidget *label = gtk_label_new (cs_comparison_section_get_title (groups[g]));
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cs_comparison_section_get_title (groups[g]), -1);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_weight_changed_cb), self);
      gtk_grid_attach (GTK_GRID (grid), label, 0, g, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), spin, 1, g, 1, 1);
      self->weight_spins[g] = spin;
    }

  gtk_label_set_xalign (GTK_LABEL (sum), 0);
  gtk_grid_attach (GTK_GRID (grid), sum, 0, CS_COMPARISON_N_WEIGHTS, 2, 1);
  self->weights_sum_label = GTK_LABEL (sum);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "compare.save-weights");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_grid_attach (GTK_GRID (grid), save, 0, CS_COMPARISON_N_WEIGHTS + 1, 2, 1);

  /* The money rows: horizon of the totals and perimeter growth, kept in the project. */
  gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0,
                   CS_COMPARISON_N_WEIGHTS + 2, 2, 1);
  self->horizon_spin = add_setting_row (self, GTK_GRID (grid), CS_COMPARISON_N_WEIGHTS + 3,
                                        _("Cost _horizon (months)"), 1, 600);
  self->growth_spin = add_setting_row (self, GTK_GRID (grid), CS_COMPARISON_N_WEIGHTS + 4,
                                       _("Perimeter _growth (%)"), 0, 1000);

  gtk_popover_set_child (GTK_POPOVER (popover), grid);

  return popover;
}

/* Actions */

static void
toggle_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CsCompareView *self = CS_COMPARE_VIEW (widget);
  guint index = g_variant_get_int32 (parameter);

  if (index >= 32 || self->comparison == NULL)
    return;

  self->collapsed ^= 1u << index;
  /* The section title's arrow and state change: rebuild the lines (a few hundred widgets),
   * then give the focus back to the title, for the keyboard. */
  build_rows (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ViewRow *row = g_ptr_array_index (self->rows, i);

      if (row->header && row->section == index)
        gtk_widget_grab_focus (row->label);
    }
}

static CsRecord *
find_offer (CsCompareView *self,
            gint64         id)
{
  return cs_store_find (self->store, CS_TYPE_OFFER, id);
}

static void
set_compared (CsCompareView *self,
              gint64         id,
              gboolean       compared)
{
  g_autoptr(GError) error = NULL;
  CsRecord *offer = find_offer (self, id);

  if (offer != NULL && !cs_store_set_boolean (self->store, offer, "compared", compared, &error))
    cs_toast_show_error (GTK_WIDGET (self), error);
}

static void
include_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_compared (CS_COMPARE_VIEW (widget), g_variant_get_int64 (parameter), TRUE);
}

static void
exclude_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_compared (CS_COMPARE_VIEW (widget), g_variant_get_int64 (parameter), FALSE);
}

static gboolean
renumber_offers_cb (CsStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  return cs_store_renumber (store, user_data, 0, error);
}

/* Moves an offer before the previous compared offer, or after the next one; the order is the
 * project's order of offers, so the sidebar follows. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsCompareView *self = CS_COMPARE_VIEW (widget);
  GListModel *offers = cs_store_get_offers (self->store);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  int delta = 0;
  int from = -1;
  int to = -1;

  g_variant_get (parameter, "(xi)", &id, &delta);
  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      CsRecord *offer = g_list_model_get_item (offers, i);

      if (cs_record_get_id (offer) == id)
        from = i;
      g_ptr_array_add (order, offer);
    }
  if (from < 0)
    return;

  for (int i = from + delta; i >= 0 && i < (int) order->len; i += delta)
    if (cs_record_get_boolean (g_ptr_array_index (order, i), "compared"))
      {
        to = i;
        break;
      }
  if (to < 0)
    return;

  {
    gpointer moved = order->pdata[from];

    order->pdata[from] = order->pdata[to];
    order->pdata[to] = moved;
  }

  if (!cs_store_batch (self->store, renumber_offers_cb, order, &error))
    cs_toast_show_error (GTK_WIDGET (self), error);
}

static void
save_weights_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CsCompareView *self = CS_COMPARE_VIEW (widget);
  guint weights[CS_COMPARISON_N_WEIGHTS];
  g_autoptr(GError) error = NULL;

  weights_sum (self, weights);
  if (!cs_comparison_save_weights (self->store, weights, &error))
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_menu_button_popdown (self->weights_button);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       CsCompareView   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDocument) document = NULL;
  CsProject *project = cs_store_get_project (self->store);

  if (response != GTK_RESPONSE_ACCEPT || self->comparison == NULL)
    {
      g_clear_object (&self->chooser);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  document = cs_comparison_to_document (self->comparison, cs_project_get_client_name (project),
                                        cs_record_get_string (CS_RECORD (project), "consultant"));
  if (!cs_document_write (document, self->export_format, path, TRUE, NULL, &error))
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  {
    g_autofree char *basename = g_path_get_basename (path);
    g_autofree char *title = NULL;

    /* Translators: %s is a file name */
    title = g_markup_printf_escaped (_("Comparison exported to “%s”"), basename);

    cs_toast_add (GTK_WIDGET (self), adw_toast_new (title));
  }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsCompareView *self = CS_COMPARE_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (self->comparison == NULL || !cs_document_format_from_string (format, &self->export_format))
    return;
  gtk_menu_button_popdown (self->export_button);

  g_clear_object (&self->chooser);
  self->chooser = cs_file_chooser_new (cs_get_parent_window (widget),
                                       _("Export the Comparison"),
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the suggested file name of an exported comparison, without extension */
  name = g_strdup_printf ("%s.%s", _("comparison"),
                          cs_document_format_get_extension (self->export_format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
cs_compare_view_map (GtkWidget *widget)
{
  CsCompareView *self = CS_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (cs_compare_view_parent_class)->map (widget);

  if (self->dirty || (self->comparison == NULL && self->recompute_id == 0))
    recompute (self);
}

static void
cs_compare_view_constructed (GObject *object)
{
  CsCompareView *self = CS_COMPARE_VIEW (object);
  gboolean writable;

  G_OBJECT_CLASS (cs_compare_view_parent_class)->constructed (object);

  g_assert (CS_IS_STORE (self->store));

  g_signal_connect_object (self->store, "saved", G_CALLBACK (on_store_saved_cb), self, 0);
  g_signal_connect_object (cs_store_get_offers (self->store), "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, 0);

  writable = !cs_store_is_read_only (self->store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.move", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.include", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.exclude", writable);
  update_weight_spins (self);
  update_weights_sum (self);
  update_setting_spins (self);
  self->dirty = TRUE;
}

static void
cs_compare_view_dispose (GObject *object)
{
  CsCompareView *self = CS_COMPARE_VIEW (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->comparison, cs_comparison_unref);
  g_clear_object (&self->offers_menu);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_COMPARE_VIEW);

  G_OBJECT_CLASS (cs_compare_view_parent_class)->dispose (object);
}

static void
cs_compare_view_finalize (GObject *object)
{
  CsCompareView *self = CS_COMPARE_VIEW (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (cs_compare_view_parent_class)->finalize (object);
}

static void
cs_compare_view_class_init (CsCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_compare_view_constructed;
  object_class->dispose = cs_compare_view_dispose;
  object_class->finalize = cs_compare_view_finalize;
  object_class->get_property = cs_construct_property_get;
  object_class->set_property = cs_construct_property_set;
  widget_class->map = cs_compare_view_map;

  /**
   * CsCompareView:store:
   *
   * The open project.
   */
  properties[PROP_STORE] =
    cs_param_spec_construct_object ("store", CS_TYPE_STORE,
                                    G_STRUCT_OFFSET (CsCompareView, store));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, empty_offers_button);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, offers_button);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, weights_button);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, export_button);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, hide_equal_button);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, ranking_label);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, sensitivity_label);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, header_scroll);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, labels_scroll);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, cells_scroll);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, header_grid);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, labels_grid);
  gtk_widget_class_bind_template_child (widget_class, CsCompareView, cells_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_hide_equal_toggled_cb);

  gtk_widget_class_install_action (widget_class, "compare.toggle-section", "i",
                                   toggle_section_action);
  gtk_widget_class_install_action (widget_class, "compare.include", "x", include_action);
  gtk_widget_class_install_action (widget_class, "compare.exclude", "x", exclude_action);
  gtk_widget_class_install_action (widget_class, "compare.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "compare.save-weights", NULL,
                                   save_weights_action);
  gtk_widget_class_install_action (widget_class, "compare.export", "s", export_action);
}

static void
cs_compare_view_init (CsCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->offers_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->offers_button, G_MENU_MODEL (self->offers_menu));
  gtk_menu_button_set_menu_model (self->empty_offers_button, G_MENU_MODEL (self->offers_menu));
  gtk_menu_button_set_popover (self->weights_button, weights_popover_new (self));

  /* Titles follow the figures sideways, labels follow them up and down. */
  gtk_scrolled_window_set_hadjustment (self->header_scroll,
                                       gtk_scrolled_window_get_hadjustment (self->cells_scroll));
  gtk_scrolled_window_set_vadjustment (self->labels_scroll,
                                       gtk_scrolled_window_get_vadjustment (self->cells_scroll));
}

/**
 * cs_compare_view_new:
 * @store: an open project
 *
 * Returns: (transfer floating): a new #CsCompareView of the offers compared in @store
 */
GtkWidget *
cs_compare_view_new (CsStore *store)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  return g_object_new (CS_TYPE_COMPARE_VIEW, "store", store, NULL);
}

/**
 * cs_compare_view_get_comparison:
 * @self: a #CsCompareView
 *
 * Returns: (transfer none) (nullable): the comparison shown, %NULL before the view is first
 *   shown or when no offer is compared
 */
CsComparison *
cs_compare_view_get_comparison (CsCompareView *self)
{
  g_return_val_if_fail (CS_IS_COMPARE_VIEW (self), NULL);

  return self->comparison;
}

/**
 * cs_compare_view_get_cells_grid:
 * @self: a #CsCompareView
 *
 * Returns: (transfer none): the grid of cells: one line per row of the table, each a box of
 *   one button per offer (for tests)
 */
GtkWidget *
cs_compare_view_get_cells_grid (CsCompareView *self)
{
  g_return_val_if_fail (CS_IS_COMPARE_VIEW (self), NULL);

  return GTK_WIDGET (self->cells_grid);
}
