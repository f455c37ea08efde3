/* cs-import-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-import-dialog.h"
#include "cs-construct-property.h"
#include "cs-dialog-helpers.h"

/**
 * CsImportDialog:
 *
 * Imports an asset inventory from a CSV file, in four steps:
 *
 * 1. mapping: encoding, separator, the asset field of each column (remembered for files with
 *    the same headers) and a preview of the first rows as they will be imported, with the
 *    line numbers and why a row would be rejected;
 * 2. review: a dry run over the whole file counts what would be imported and rejected, and
 *    lists the duplicates (same serial, or same name and site), each to skip, update or add;
 * 3. progress: the import runs in one transaction off the main thread; Cancel rolls it back
 *    and leaves the project exactly as it was. The dialog is modal and cannot be closed while
 *    it runs, so nothing edits the project meanwhile;
 * 4. report: what was done, every row not imported as it was with its line and reason, and
 *    "Save Report…".
 *
 * Actions: `import.next`, `import.back` (from the review to the mapping), `import.cancel`,
 * `import.save-report`.
 */

typedef enum {
  STAGE_ERROR,
  STAGE_MAPPING,
  STAGE_DRY_RUN,
  STAGE_REVIEW,
  STAGE_RUNNING,
  STAGE_REPORT,
} Stage;

struct _CsImportDialog
{
  AdwWindow            parent_instance;

  CsStore             *store;
  GFile               *file;
  CsCsvImport         *import;
  CsCsvReport         *dry_report;
  CsCsvReport         *report;
  GCancellable        *cancellable;
  GtkStringList       *preview_rows;
  GtkStringList       *duplicate_rows;
  GtkStringList       *report_lines;
  GHashTable          *line_actions;
  GHashTable          *drop_down_lines;  /* the line each bound drop-down decides */
  Stage                stage;
  guint                progress_source;
  gboolean             close_when_done;
  gboolean             loading;

  AdwToastOverlay     *toast_overlay;
  GtkWidget           *cancel_button;
  GtkButton           *next_button;
  GtkWidget           *back_button;
  GtkWidget           *save_report_button;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwActionRow        *file_row;
  AdwComboRow         *encoding_row;
  AdwComboRow         *delimiter_row;
  AdwComboRow         *default_category_row;
  GtkListBox          *columns_list;
  GtkLabel            *preview_caption;
  GtkColumnView       *preview_view;
  GtkListBox          *review_list;
  AdwComboRow         *all_duplicates_row;
  GtkWidget           *duplicates_clamp;
  GtkListView         *duplicates_view;
  AdwStatusPage       *progress_page;
  GtkProgressBar      *progress_bar;
  GtkListBox          *report_list;
  GtkWidget           *report_lines_clamp;
  GtkListView         *report_view;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsImportDialog, cs_import_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];

static const char delimiters[] = { ',', ';', '\t', '|' };
static const char * const delimiter_labels[] = {
  N_("Comma"), N_("Semicolon"), N_("Tab"), N_("Vertical bar"),
};
static const CsCsvEncoding encodings[] = {
  CS_CSV_ENCODING_UTF8, CS_CSV_ENCODING_WINDOWS_1252, CS_CSV_ENCODING_UTF16LE,
  CS_CSV_ENCODING_UTF16BE,
};
static const char * const encoding_labels[] = {
  N_("UTF-8"), N_("Windows-1252 (Western European)"), N_("UTF-16 little-endian"),
  N_("UTF-16 big-endian"),
};
static const char * const duplicate_labels[] = {
  /* Translators: what to do with a duplicate row of an import */
  N_("Skip"), N_("Update the existing asset"), N_("Add as another asset"),
};

/* helpers */

static void
show_error (CsImportDialog *self,
            const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
make_figure_row (const char *title,
                 guint       value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", value);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *accessible = NULL;
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* Translators: accessible text of a figure row: label, then value */
  accessible = g_strdup_printf (_("%s: %s"), title, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_stage (CsImportDialog *self,
           Stage           stage)
{
  const char *names[] = { "error", "mapping", "progress", "review", "progress", "report" };
  const char *next = NULL;

  self->stage = stage;
  gtk_stack_set_visible_child_name (self->stack, names[stage]);

  switch (stage)
    {
    case STAGE_ERROR:
      next = _("_Close");
      break;
    case STAGE_MAPPING:
      /* Translators: button going from the column mapping to the dry run */
      next = _("_Next");
      break;
    case STAGE_REVIEW:
      next = _("_Import");
      break;
    case STAGE_REPORT:
      next = _("_Done");
      break;
    case STAGE_DRY_RUN:
    case STAGE_RUNNING:
    default:
      next = NULL;
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), next != NULL);
  if (next != NULL)
    {
      g_autofree char *accessible = g_strdup (next);

      gtk_button_set_label (self->next_button, next);
      g_strdelimit (accessible, "_", ' ');
      g_strstrip (accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
  gtk_widget_set_visible (self->cancel_button, stage != STAGE_REPORT && stage != STAGE_ERROR);
  gtk_widget_set_visible (self->save_report_button, stage == STAGE_REPORT);
  /* The review of the dry run goes back to the mapping, to change a column and try again. */
  gtk_widget_set_visible (self->back_button, stage == STAGE_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", stage == STAGE_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next",
                                 stage != STAGE_DRY_RUN && stage != STAGE_RUNNING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-report", stage == STAGE_REPORT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", stage != STAGE_REPORT);

  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
show_fatal (CsImportDialog *self,
            const char     *message)
{
  /* The description is markup; messages quote file and column names. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  set_stage (self, STAGE_ERROR);
}

/* mapping */

static void
refresh_preview (CsImportDialog *self)
{
  guint n_rows = cs_csv_import_get_n_preview_rows (self->import);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *caption = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (rows, g_strdup_printf ("%u", i));
  g_ptr_array_add (rows, NULL);
  gtk_string_list_splice (self->preview_rows, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->preview_rows)),
                          (const char * const *) rows->pdata);

  /* Translators: caption of the import preview */
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The first row as it will be imported.",
                                          "The first %u rows as they will be imported.", n_rows),
                             n_rows);
  gtk_label_set_text (self->preview_caption, caption);
}

static void
load_column_rows (CsImportDialog *self)
{
  GtkWidget *child;

  self->loading = TRUE;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* One row per column of the file, in order. */
      guint column = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (child));

      adw_combo_row_set_selected (ADW_COMBO_ROW (child),
                                  cs_csv_import_get_column_field (self->import, column));
    }
  self->loading = FALSE;
}

static void
on_column_selected_cb (AdwComboRow    *row,
                       GParamSpec     *pspec,
                       CsImportDialog *self)
{
  guint column = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  guint field = adw_combo_row_get_selected (row);

  if (self->loading || field == GTK_INVALID_LIST_POSITION || field >= CS_CSV_N_FIELDS)
    return;

  cs_csv_import_set_column_field (self->import, column, field);
  /* A field fills one column at most: another column may have lost it. */
  load_column_rows (self);
  refresh_preview (self);
}

static void
build_column_rows (CsImportDialog *self)
{
  const char * const *headers = cs_csv_import_get_headers (self->import);
  guint n_columns = cs_csv_import_get_n_columns (self->import);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  clear_list_box (self->columns_list);

  gtk_string_list_append (fields, _("Not imported"));
  for (guint f = 1; f < CS_CSV_N_FIELDS; f++)
    gtk_string_list_append (fields, cs_csv_field_get_label (f));

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *header = headers != NULL && headers[c] != NULL && headers[c][0] != '\0'
                           ? headers[c] : NULL;
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;

      /* Translators: title of an unnamed column of a CSV file; %u is its number */
      title = header != NULL ? g_strdup (header) : g_strdup_printf (_("Column %u"), c + 1);
      escaped = g_markup_escape_text (title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      gtk_list_box_append (self->columns_list, row);
    }

  load_column_rows (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_signal_connect_object (child, "notify::selected", G_CALLBACK (on_column_selected_cb), self, 0);
}

static void
load_settings (CsImportDialog *self)
{
  CsCsvEncoding encoding = cs_csv_import_get_encoding (self->import);
  char delimiter = cs_csv_import_get_delimiter (self->import);

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i] == encoding)
      adw_combo_row_set_selected (self->encoding_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      adw_combo_row_set_selected (self->delimiter_row, i);
  self->loading = FALSE;
}

static void
on_format_selected_cb (AdwComboRow    *row,
                       GParamSpec     *pspec,
                       CsImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  if (self->loading || encoding >= G_N_ELEMENTS (encodings) || delimiter >= G_N_ELEMENTS (delimiters))
    return;

  if (!cs_csv_import_configure (self->import, encodings[encoding], delimiters[delimiter], &error))
    {
      show_error (self, error->message);
      load_settings (self);
      return;
    }

  cs_csv_import_apply_remembered_mapping (self->import, self->store);
  build_column_rows (self);
  refresh_preview (self);
}

static void
on_default_category_selected_cb (AdwComboRow    *row,
                                 GParamSpec     *pspec,
                                 CsImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  cs_csv_import_set_default_category (self->import, cs_asset_categories ()[selected]);
  refresh_preview (self);
}

/* preview cells: column 0 is the line, then the fields, then the status */

static void
on_preview_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* What a preview column shows: one field of the import, for the dialog. */
typedef struct
{
  CsImportDialog *self;
  guint           field;
} PreviewColumn;

static void
preview_column_free (gpointer  data,
                     GClosure *closure)
{
  g_free (data);
}

static void
on_preview_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    PreviewColumn            *preview)
{
  CsImportDialog *self = preview->self;
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  GtkStringObject *object = gtk_list_item_get_item (item);
  guint field = preview->field;
  guint row = (guint) g_ascii_strtoull (gtk_string_object_get_string (object), NULL, 10);
  const char *rejection = NULL;
  const char * const *values;
  guint line = 0;

  values = cs_csv_import_get_preview_row (self->import, row, &line, &rejection);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");

  if (field == 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", line);

      gtk_label_set_text (label, text);
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else if (field == CS_CSV_N_FIELDS)
    {
      gtk_label_set_text (label, rejection != NULL ? rejection : _("Ready"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), rejection);
      if (rejection != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
  else
    {
      const char *value = values != NULL ? values[field] : NULL;

      if (field == CS_CSV_FIELD_CATEGORY && value != NULL && value[0] != '\0')
        value = cs_asset_category_get_label (value);
      gtk_label_set_text (label, value != NULL ? value : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
    }
}

static void
add_preview_column (CsImportDialog *self,
                    guint           field,
                    const char     *title,
                    gboolean        expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  PreviewColumn *preview = g_new (PreviewColumn, 1);

  preview->self = self;
  preview->field = field;
  g_signal_connect (factory, "setup", G_CALLBACK (on_preview_setup_cb), self);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_preview_bind_cb), preview,
                         preview_column_free, 0);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (self->preview_view, column);
}

/* review: duplicates */

static CsCsvDuplicate *
get_duplicate (CsImportDialog *self,
               guint           index)
{
  if (self->dry_report == NULL || index >= self->dry_report->duplicates->len)
    return NULL;

  return &g_array_index (self->dry_report->duplicates, CsCsvDuplicate, index);
}

static CsDuplicateAction
line_action (CsImportDialog *self,
             guint           line)
{
  gpointer action;

  if (g_hash_table_lookup_extended (self->line_actions, GUINT_TO_POINTER (line), NULL, &action))
    return GPOINTER_TO_UINT (action);

  return adw_combo_row_get_selected (self->all_duplicates_row);
}

static void
on_duplicate_action_selected_cb (GtkDropDown    *drop_down,
                                 GParamSpec     *pspec,
                                 CsImportDialog *self)
{
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (self->drop_down_lines, drop_down));
  guint action = gtk_drop_down_get_selected (drop_down);

  if (self->loading || line == 0 || action > CS_DUPLICATE_ADD || action == line_action (self, line))
    return;

  g_hash_table_insert (self->line_actions, GUINT_TO_POINTER (line), GUINT_TO_POINTER (action));
  cs_csv_import_set_line_duplicate_action (self->import, line, action);
}

static void
on_duplicate_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       CsImportDialog           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  for (guint i = 0; i < G_N_ELEMENTS (duplicate_labels); i++)
    gtk_string_list_append (actions, _(duplicate_labels[i]));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (actions)), NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  g_signal_connect_object (drop_down, "notify::selected",
                           G_CALLBACK (on_duplicate_action_selected_cb), self, 0);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_duplicate_teardown_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          CsImportDialog           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL)
    g_hash_table_remove (self->drop_down_lines, gtk_widget_get_last_child (box));
}

static void
on_duplicate_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      CsImportDialog           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *drop_down = gtk_widget_get_last_child (box);
  GtkStringObject *object = gtk_list_item_get_item (item);
  CsCsvDuplicate *duplicate = get_duplicate (self, (guint) g_ascii_strtoull (
                                                      gtk_string_object_get_string (object), NULL, 10));
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (duplicate == NULL)
    return;

  text = duplicate->by_serial
         /* Translators: a duplicate row of an import: line, name */
         ? g_strdup_printf (_("Line %u, “%s”: same serial number as an asset already listed"),
                            duplicate->line, duplicate->name)
         /* Translators: a duplicate row of an import: line, name */
         : g_strdup_printf (_("Line %u, “%s”: same name and site as an asset already listed"),
                            duplicate->line, duplicate->name);
  gtk_label_set_text (GTK_LABEL (label), text);

  self->loading = TRUE;
  g_hash_table_insert (self->drop_down_lines, drop_down, GUINT_TO_POINTER (duplicate->line));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), line_action (self, duplicate->line));
  self->loading = FALSE;

  /* Translators: accessible name of the choice for one duplicate row; %u is its line */
  accessible = g_strdup_printf (_("What to do with line %u"), duplicate->line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
on_all_duplicates_selected_cb (AdwComboRow    *row,
                               GParamSpec     *pspec,
                               CsImportDialog *self)
{
  guint action = adw_combo_row_get_selected (row);
  GHashTableIter iter;
  gpointer line;
  guint n_items;

  if (self->loading || action > CS_DUPLICATE_ADD)
    return;

  /* The global choice applies to every duplicate, including those chosen one by one. */
  cs_csv_import_set_duplicate_action (self->import, action);
  g_hash_table_iter_init (&iter, self->line_actions);
  while (g_hash_table_iter_next (&iter, &line, NULL))
    cs_csv_import_set_line_duplicate_action (self->import, GPOINTER_TO_UINT (line), action);
  g_hash_table_remove_all (self->line_actions);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->duplicate_rows));
  g_list_model_items_changed (G_LIST_MODEL (self->duplicate_rows), 0, n_items, n_items);
}

static void
show_review (CsImportDialog *self)
{
  CsCsvReport *report = self->dry_report;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  guint n_duplicates = report->duplicates->len;

  clear_list_box (self->review_list);
  gtk_list_box_append (self->review_list, make_figure_row (_("Rows read"), report->n_rows));
  gtk_list_box_append (self->review_list, make_figure_row (_("Assets to add"), report->n_imported));
  gtk_list_box_append (self->review_list,
                       make_figure_row (_("Rows that will be rejected"), report->rejected->len));
  gtk_list_box_append (self->review_list, make_figure_row (_("Duplicate rows"), n_duplicates));
  gtk_list_box_append (self->review_list,
                       make_figure_row (_("Sites to create"), report->n_sites_created));

  for (guint i = 0; i < n_duplicates; i++)
    g_ptr_array_add (rows, g_strdup_printf ("%u", i));
  g_ptr_array_add (rows, NULL);
  gtk_string_list_splice (self->duplicate_rows, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->duplicate_rows)),
                          (const char * const *) rows->pdata);

  gtk_widget_set_visible (GTK_WIDGET (self->all_duplicates_row), n_duplicates > 0);
  gtk_widget_set_visible (self->duplicates_clamp, n_duplicates > 0);
  set_stage (self, STAGE_REVIEW);
}

/* report */

static const char *
duplicate_action_past (CsDuplicateAction action)
{
  switch (action)
    {
    case CS_DUPLICATE_SKIP:
      /* Translators: what was done with a duplicate row */
      return _("skipped");
    case CS_DUPLICATE_UPDATE:
      return _("updated the existing asset");
    case CS_DUPLICATE_ADD:
      return _("added as another asset");
    default:
      return "";
    }
}

static void
show_report (CsImportDialog *self)
{
  CsCsvReport *report = self->report;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *described = cs_csv_import_describe (self->import);
  g_auto(GStrv) how = NULL;
  guint r = 0, d = 0;

  clear_list_box (self->report_list);
  gtk_list_box_append (self->report_list, make_figure_row (_("Rows read"), report->n_rows));
  gtk_list_box_append (self->report_list, make_figure_row (_("Assets added"), report->n_imported));
  gtk_list_box_append (self->report_list, make_figure_row (_("Assets updated"), report->n_updated));
  gtk_list_box_append (self->report_list, make_figure_row (_("Duplicates skipped"), report->n_skipped));
  gtk_list_box_append (self->report_list, make_figure_row (_("Rows rejected"), report->rejected->len));
  gtk_list_box_append (self->report_list, make_figure_row (_("Sites created"), report->n_sites_created));

  /* How the file was read (encoding, delimiter, mapping, defaults), then every row not
   * imported as it was, in file order. */
  how = g_strsplit (described, "\n", -1);
  for (guint i = 0; how[i] != NULL; i++)
    if (how[i][0] != '\0')
      g_ptr_array_add (lines, g_strdup (how[i]));
  while (r < report->rejected->len || d < report->duplicates->len)
    {
      CsCsvRejection *rejection = r < report->rejected->len
                                  ? &g_array_index (report->rejected, CsCsvRejection, r) : NULL;
      CsCsvDuplicate *duplicate = d < report->duplicates->len
                                  ? &g_array_index (report->duplicates, CsCsvDuplicate, d) : NULL;

      if (rejection != NULL && (duplicate == NULL || rejection->line <= duplicate->line))
        {
          /* Translators: a rejected row in the import report: line, reason */
          g_ptr_array_add (lines, g_strdup_printf (_("Line %u: rejected — %s"),
                                                   rejection->line, rejection->reason));
          r++;
        }
      else
        {
          /* Translators: a duplicate row in the import report: line, name, what was done */
          g_ptr_array_add (lines, g_strdup_printf (_("Line %u: “%s” is a duplicate — %s"),
                                                   duplicate->line, duplicate->name,
                                                   duplicate_action_past (duplicate->action)));
          d++;
        }
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->report_lines, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->report_lines)),
                          (const char * const *) lines->pdata);
  gtk_widget_set_visible (self->report_lines_clamp, lines->len > 1);

  set_stage (self, STAGE_REPORT);
}

static void
on_text_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
on_text_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* running */

static gboolean
update_progress_cb (gpointer user_data)
{
  CsImportDialog *self = user_data;
  double fraction = cs_csv_import_get_progress (self->import);
  g_autofree char *text = g_strdup_printf ("%d %%", (int) (fraction * 100.0));

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);

  return G_SOURCE_CONTINUE;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CsImportDialog) self = user_data;
  g_autoptr(CsCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = self->stage == STAGE_DRY_RUN;

  report = cs_csv_import_run_finish (CS_CSV_IMPORT (object), result, &error);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The import was cancelled; the project was left exactly as it was."));
      else
        show_error (self, error->message);
      set_stage (self, dry_run ? STAGE_MAPPING : STAGE_REVIEW);
      return;
    }

  if (dry_run)
    {
      g_clear_pointer (&self->dry_report, cs_csv_report_unref);
      self->dry_report = g_steal_pointer (&report);
      g_hash_table_remove_all (self->line_actions);
      show_review (self);
    }
  else
    {
      g_clear_pointer (&self->report, cs_csv_report_unref);
      self->report = g_steal_pointer (&report);
      show_report (self);
    }
}

static void
start_run (CsImportDialog *self,
           gboolean        dry_run)
{
  g_assert (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->progress_page,
                             dry_run ? _("Reading the File…") : _("Importing…"));
  adw_status_page_set_description (self->progress_page,
                                   dry_run ? _("Checking every row before anything is written.")
                                           : _("All rows are written in one go: cancelling leaves "
                                               "the project exactly as it was."));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  set_stage (self, dry_run ? STAGE_DRY_RUN : STAGE_RUNNING);
  gtk_widget_grab_focus (self->cancel_button);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  cs_csv_import_run_async (self->import, self->store, dry_run, self->cancellable, run_done_cb,
                           g_object_ref (self));
}

/* actions */

static void
cs_import_dialog_next_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CsImportDialog *self = CS_IMPORT_DIALOG (widget);

  switch (self->stage)
    {
    case STAGE_MAPPING:
      start_run (self, TRUE);
      break;

    case STAGE_REVIEW:
      if (cs_store_is_read_only (self->store))
        {
          show_error (self, _("The project is read-only; nothing was imported."));
          break;
        }
      start_run (self, FALSE);
      break;

    case STAGE_ERROR:
    case STAGE_REPORT:
      gtk_window_destroy (GTK_WINDOW (self));
      break;

    case STAGE_DRY_RUN:
    case STAGE_RUNNING:
    default:
      break;
    }
}

static void
cs_import_dialog_back_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CsImportDialog *self = CS_IMPORT_DIALOG (widget);

  if (self->stage == STAGE_REVIEW)
    set_stage (self, STAGE_MAPPING);
}

static void
cs_import_dialog_cancel_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CsImportDialog *self = CS_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
report_destination_chosen_cb (GFile     *file,
                              GtkWindow *parent,
                              gpointer   user_data)
{
  CsImportDialog *self = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (self->report == NULL)
    return;

  if (path == NULL)
    show_error (self, _("The report can only be saved to a local file; nothing was saved."));
  else if (!cs_csv_report_save (self->report, path, &error))
    show_error (self, error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Report saved")));
}

static void
cs_import_dialog_save_report_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsImportDialog *self = CS_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *name = NULL;
  char *dot;

  if (self->report == NULL)
    return;

  dot = strrchr (basename, '.');
  if (dot != NULL)
    *dot = '\0';
  /* Translators: default file name of an import report; %s is the imported file's name */
  name = g_strdup_printf (_("%s – import report.txt"), basename);

  chooser = cs_file_chooser_new (GTK_WINDOW (self), _("Save Import Report"),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  cs_file_chooser_run (chooser, report_destination_chosen_cb, g_object_ref (self),
                       g_object_unref);
}

static gboolean
cs_import_dialog_close_request (GtkWindow *window)
{
  CsImportDialog *self = CS_IMPORT_DIALOG (window);

  /* The worker thread owns the project until it is done: cancel, then close. */
  if (self->cancellable != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (cs_import_dialog_parent_class)->close_request (window);
}

/* GObject vfuncs */

static void
cs_import_dialog_constructed (GObject *object)
{
  CsImportDialog *self = CS_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) encoding_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) delimiter_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *escaped = NULL;
  const char * const *ids = cs_asset_categories ();

  G_OBJECT_CLASS (cs_import_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL && self->file != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (encoding_labels); i++)
    gtk_string_list_append (encoding_list, _(encoding_labels[i]));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_list));
  for (guint i = 0; i < G_N_ELEMENTS (delimiter_labels); i++)
    gtk_string_list_append (delimiter_list, _(delimiter_labels[i]));
  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (delimiter_list));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (categories, cs_asset_category_get_label (ids[i]));
  adw_combo_row_set_model (self->default_category_row, G_LIST_MODEL (categories));
  for (guint i = 0; i < G_N_ELEMENTS (duplicate_labels); i++)
    gtk_string_list_append (actions, _(duplicate_labels[i]));
  adw_combo_row_set_model (self->all_duplicates_row, G_LIST_MODEL (actions));

  basename = g_file_get_basename (self->file);
  escaped = g_markup_escape_text (basename, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), escaped);

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      show_fatal (self, _("Only local files can be imported; nothing was imported."));
      return;
    }

  self->import = cs_csv_import_new_for_path (path, &error);
  if (self->import == NULL)
    {
      show_fatal (self, error->message);
      return;
    }

  cs_csv_import_apply_remembered_mapping (self->import, self->store);

  self->loading = TRUE;
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], "other"))
      adw_combo_row_set_selected (self->default_category_row, i);
  adw_combo_row_set_selected (self->all_duplicates_row, CS_DUPLICATE_SKIP);
  self->loading = FALSE;
  cs_csv_import_set_duplicate_action (self->import, CS_DUPLICATE_SKIP);

  load_settings (self);
  build_column_rows (self);
  refresh_preview (self);

  {
    g_autofree char *subtitle = NULL;

    /* Translators: what was detected in a CSV file: number of columns */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns",
                                             cs_csv_import_get_n_columns (self->import)),
                                cs_csv_import_get_n_columns (self->import));
    adw_action_row_set_subtitle (self->file_row, subtitle);
  }

  g_signal_connect_object (self->encoding_row, "notify::selected",
                           G_CALLBACK (on_format_selected_cb), self, 0);
  g_signal_connect_object (self->delimiter_row, "notify::selected",
                           G_CALLBACK (on_format_selected_cb), self, 0);
  g_signal_connect_object (self->default_category_row, "notify::selected",
                           G_CALLBACK (on_default_category_selected_cb), self, 0);
  g_signal_connect_object (self->all_duplicates_row, "notify::selected",
                           G_CALLBACK (on_all_duplicates_selected_cb), self, 0);

  set_stage (self, STAGE_MAPPING);
}

static void
cs_import_dialog_dispose (GObject *object)
{
  CsImportDialog *self = CS_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->preview_rows);
  g_clear_object (&self->duplicate_rows);
  g_clear_object (&self->report_lines);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_import_dialog_parent_class)->dispose (object);
}

static void
cs_import_dialog_finalize (GObject *object)
{
  CsImportDialog *self = CS_IMPORT_DIALOG (object);

  g_clear_pointer (&self->dry_report, cs_csv_report_unref);
  g_clear_pointer (&self->report, cs_csv_report_unref);
  g_clear_pointer (&self->line_actions, g_hash_table_unref);
  g_clear_pointer (&self->drop_down_lines, g_hash_table_unref);

  G_OBJECT_CLASS (cs_import_dialog_parent_class)->finalize (object);
}

static void
cs_import_dialog_class_init (CsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cs_import_dialog_constructed;
  object_class->dispose = cs_import_dialog_dispose;
  object_class->finalize = cs_import_dialog_finalize;
  object_class->get_property = cs_construct_property_get;
  object_class->set_property = cs_construct_property_set;
  window_class->close_request = cs_import_dialog_close_request;

  /**
   * CsImportDialog:store:
   *
   * The project the assets are imported into.
   */
  properties[PROP_STORE] =
    cs_param_spec_construct_object ("store", CS_TYPE_STORE,
                                    G_STRUCT_OFFSET (CsImportDialog, store));

  /**
   * CsImportDialog:file:
   *
   * The CSV file imported.
   */
  properties[PROP_FILE] =
    cs_param_spec_construct_object ("file", G_TYPE_FILE,
                                    G_STRUCT_OFFSET (CsImportDialog, file));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, save_report_button);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, default_category_row);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, review_list);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, all_duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, duplicates_clamp);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, duplicates_view);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, report_list);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, report_lines_clamp);
  gtk_widget_class_bind_template_child (widget_class, CsImportDialog, report_view);

  gtk_widget_class_install_action (widget_class, "import.next", NULL, cs_import_dialog_next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, cs_import_dialog_back_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cs_import_dialog_cancel_action);
  gtk_widget_class_install_action (widget_class, "import.save-report", NULL,
                                   cs_import_dialog_save_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
cs_import_dialog_init (CsImportDialog *self)
{
  g_autoptr(GtkListItemFactory) duplicate_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) report_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) duplicate_selection = NULL;
  g_autoptr(GtkNoSelection) report_selection = NULL;
  g_autoptr(GtkNoSelection) preview_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->line_actions = g_hash_table_new (NULL, NULL);
  self->drop_down_lines = g_hash_table_new (NULL, NULL);
  self->preview_rows = gtk_string_list_new (NULL);
  self->duplicate_rows = gtk_string_list_new (NULL);
  self->report_lines = gtk_string_list_new (NULL);

  preview_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->preview_rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (preview_selection));
  /* Translators: column of the import preview: the line of the file */
  add_preview_column (self, 0, _("Line"), FALSE);
  for (guint f = 1; f < CS_CSV_N_FIELDS; f++)
    add_preview_column (self, f, cs_csv_field_get_label (f), f == CS_CSV_FIELD_NAME);
  /* Translators: column of the import preview: whether the row will be imported */
  add_preview_column (self, CS_CSV_N_FIELDS, _("Status"), TRUE);

  g_signal_connect (duplicate_factory, "setup", G_CALLBACK (on_duplicate_setup_cb), self);
  g_signal_connect (duplicate_factory, "bind", G_CALLBACK (on_duplicate_bind_cb), self);
  g_signal_connect (duplicate_factory, "teardown", G_CALLBACK (on_duplicate_teardown_cb), self);
  duplicate_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->duplicate_rows)));
  gtk_list_view_set_factory (self->duplicates_view, duplicate_factory);
  gtk_list_view_set_model (self->duplicates_view, GTK_SELECTION_MODEL (duplicate_selection));

  g_signal_connect (report_factory, "setup", G_CALLBACK (on_text_setup_cb), self);
  g_signal_connect (report_factory, "bind", G_CALLBACK (on_text_bind_cb), self);
  report_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->report_lines)));
  gtk_list_view_set_factory (self->report_view, report_factory);
  gtk_list_view_set_model (self->report_view, GTK_SELECTION_MODEL (report_selection));
}

/* public API */

/**
 * cs_import_dialog_new:
 * @store: the project
 * @file: the CSV file to import
 *
 * Returns: (transfer full): a new #CsImportDialog on @file
 */
CsImportDialog *
cs_import_dialog_new (CsStore *store,
                      GFile   *file)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (CS_TYPE_IMPORT_DIALOG, "store", store, "file", file, NULL);
}

/**
 * cs_import_dialog_get_store:
 * @self: a #CsImportDialog
 *
 * Returns: (transfer none): the project
 */
CsStore *
cs_import_dialog_get_store (CsImportDialog *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_DIALOG (self), NULL);

  return self->store;
}

/**
 * cs_import_dialog_get_file:
 * @self: a #CsImportDialog
 *
 * Returns: (transfer none): the file imported
 */
GFile *
cs_import_dialog_get_file (CsImportDialog *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}

/**
 * cs_import_dialog_get_import:
 * @self: a #CsImportDialog
 *
 * Returns: (transfer none) (nullable): the import, %NULL when the file could not be read
 */
CsCsvImport *
cs_import_dialog_get_import (CsImportDialog *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/**
 * cs_import_dialog_get_report:
 * @self: a #CsImportDialog
 *
 * Returns: (transfer none) (nullable): the report of the import, once it is done
 */
CsCsvReport *
cs_import_dialog_get_report (CsImportDialog *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_DIALOG (self), NULL);

  return self->report;
}

/**
 * cs_import_dialog_is_running:
 * @self: a #CsImportDialog
 *
 * Returns: %TRUE while a dry run or the import runs
 */
gboolean
cs_import_dialog_is_running (CsImportDialog *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
