/* cs-document.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-document"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cs-document-private.h"
#include "cs-i18n.h"

/**
 * CsDocument:
 *
 * A document handed over to the client, independent of its format: see cs-document.h.
 */
struct _CsDocument
{
  GObject      parent_instance;

  char        *title;
  char        *language;
  char        *client;
  char        *provider;
  char        *consultant;
  GDate        date;
  CsPaperSize  paper;
  gboolean     landscape;
  GPtrArray   *blocks; /* CsDocumentBlock */

  /* progress of cs_document_write(), in the writing thread */
  CsDocumentProgressFunc progress_func;
  gpointer     progress_data;
  guint64      progress_total;  /* rows of all tables; 0: unknown */
  guint64      progress_done;
  double       progress_reported;
};

G_DEFINE_FINAL_TYPE (CsDocument, cs_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (cs-document-error-quark, cs_document_error)

static void
cell_clear (gpointer data)
{
  CsDocumentCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

static CsDocumentRow *
row_new (void)
{
  CsDocumentRow *row = g_new0 (CsDocumentRow, 1);

  row->cells = g_array_new (FALSE, TRUE, sizeof (CsDocumentCell));
  g_array_set_clear_func (row->cells, cell_clear);
  return row;
}

static void
row_free (gpointer data)
{
  CsDocumentRow *row = data;

  g_array_unref (row->cells);
  g_free (row);
}

static void
column_clear (gpointer data)
{
  CsDocumentColumn *column = data;

  g_clear_pointer (&column->title, g_free);
}

static void
table_free (CsDocumentTable *table)
{
  if (table->source_destroy != NULL)
    table->source_destroy (table->source_data);
  g_free (table->title);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (gpointer data)
{
  CsDocumentBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->table, table_free);
  g_strfreev (block->parties);
  g_free (block->values);
  g_free (block);
}

static CsDocumentBlock *
add_block (CsDocument  *self,
           CsBlockKind  kind,
           const char  *text)
{
  CsDocumentBlock *block = g_new0 (CsDocumentBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
cs_document_finalize (GObject *object)
{
  CsDocument *self = (CsDocument *) object;

  g_free (self->title);
  g_free (self->language);
  g_free (self->client);
  g_free (self->provider);
  g_free (self->consultant);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (cs_document_parent_class)->finalize (object);
}

static void
cs_document_class_init (CsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_document_finalize;
}

static void
cs_document_init (CsDocument *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->language = g_strdup ("");
  g_date_clear (&self->date, 1);
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  self->paper = cs_paper_size_for_locale ();
}

/**
 * cs_document_new:
 * @title: the document's title (plain text)
 *
 * Returns: (transfer full): an empty document dated today, on the locale's paper
 */
CsDocument *
cs_document_new (const char *title)
{
  CsDocument *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (CS_TYPE_DOCUMENT, NULL);
  self->title = g_strdup (title);
  return self;
}

/**
 * cs_document_get_title:
 * @self: a #CsDocument
 *
 * Returns: (transfer none): the title
 */
const char *
cs_document_get_title (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * cs_document_set_language:
 * @self: a #CsDocument
 * @language: (nullable): "en", "fr", or "" / %NULL for the interface's language
 *
 * Sets the language of the words the writers add (page numbers, header labels, marks) and of
 * the formatting of numbers, money and dates. The caller's own texts are taken as they are.
 */
void
cs_document_set_language (CsDocument *self,
                          const char *language)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));

  g_free (self->language);
  self->language = g_strdup (language != NULL ? language : "");
}

/**
 * cs_document_get_language:
 * @self: a #CsDocument
 *
 * Returns: (transfer none): "en", "fr" or "" (the interface's)
 */
const char *
cs_document_get_language (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);
  return self->language;
}

#define DEFINE_TEXT_SETTER(field)                                                    \
  void cs_document_set_##field (CsDocument *self, const char *field)                 \
  {                                                                                  \
    g_return_if_fail (CS_IS_DOCUMENT (self));                                        \
    g_free (self->field);                                                            \
    self->field = field != NULL && *field != '\0' ? g_strdup (field) : NULL;         \
  }

/**
 * cs_document_set_client:
 * @self: a #CsDocument
 * @client: (nullable): the client's name, shown in the header of every page
 */
DEFINE_TEXT_SETTER (client)

/**
 * cs_document_set_provider:
 * @self: a #CsDocument
 * @provider: (nullable): the provider's name (%NULL for a document about every offer)
 */
DEFINE_TEXT_SETTER (provider)

/**
 * cs_document_set_consultant:
 * @self: a #CsDocument
 * @consultant: (nullable): the consultant's name
 */
DEFINE_TEXT_SETTER (consultant)

/**
 * cs_document_set_date:
 * @self: a #CsDocument
 * @date: (nullable): the date of the document (%NULL: today)
 */
void
cs_document_set_date (CsDocument  *self,
                      const GDate *date)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));

  if (date != NULL && g_date_valid (date))
    self->date = *date;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&self->date, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
}

/**
 * cs_document_set_paper:
 * @self: a #CsDocument
 * @paper: the paper of the PDF
 */
void
cs_document_set_paper (CsDocument  *self,
                       CsPaperSize  paper)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  self->paper = paper;
}

/**
 * cs_document_get_paper:
 * @self: a #CsDocument
 *
 * Returns: the paper of the PDF
 */
CsPaperSize
cs_document_get_paper (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), CS_PAPER_A4);
  return self->paper;
}

/**
 * cs_document_set_landscape:
 * @self: a #CsDocument
 * @landscape: whether the PDF's pages are in landscape (wide tables)
 */
void
cs_document_set_landscape (CsDocument *self,
                           gboolean    landscape)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  self->landscape = !!landscape;
}

/**
 * cs_document_get_landscape:
 * @self: a #CsDocument
 *
 * Returns: whether the pages are in landscape
 */
gboolean
cs_document_get_landscape (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);
  return self->landscape;
}

/**
 * cs_document_add_heading:
 * @self: a #CsDocument
 * @level: 1 (a section) to 3
 * @text: the heading
 */
void
cs_document_add_heading (CsDocument *self,
                         guint       level,
                         const char *text)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, CS_BLOCK_HEADING, text)->level = CLAMP (level, 1, 3);
}

/**
 * cs_document_add_paragraph:
 * @self: a #CsDocument
 * @text: a paragraph of plain text (line breaks are kept)
 */
void
cs_document_add_paragraph (CsDocument *self,
                           const char *text)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, CS_BLOCK_PARAGRAPH, text);
}

/**
 * cs_document_add_list_item:
 * @self: a #CsDocument
 * @text: the item
 *
 * Adds a bulleted item; consecutive items form one list.
 */
void
cs_document_add_list_item (CsDocument *self,
                           const char *text)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, CS_BLOCK_LIST_ITEM, text);
}

/**
 * cs_document_add_task:
 * @self: a #CsDocument
 * @text: the task
 * @done: whether its box is ticked
 *
 * Adds an item with a tick box (a task list item in Markdown); consecutive tasks form one list.
 */
void
cs_document_add_task (CsDocument *self,
                      const char *text,
                      gboolean    done)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, CS_BLOCK_TASK, text)->done = !!done;
}

/**
 * cs_document_add_signature_block:
 * @self: a #CsDocument
 * @parties: the parties who sign (e.g. "Client", "Provider"), each given lines for name, date
 *   and signature
 */
void
cs_document_add_signature_block (CsDocument         *self,
                                 const char * const *parties)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (parties != NULL);

  add_block (self, CS_BLOCK_SIGNATURE, NULL)->parties = g_strdupv ((GStrv) parties);
}

/**
 * cs_document_add_bar_chart:
 * @self: a #CsDocument
 * @title: the chart's title
 * @labels: (array zero-terminated=1): one label per bar
 * @values: (array): one value per label, from 0 to 1 (shown as a percentage), NaN for none
 *
 * Adds a horizontal bar chart: drawn in PDF and HTML, text bars in Markdown, the values in
 * XLSX's first sheet; CSV leaves it out (put the figures in a table too).
 */
void
cs_document_add_bar_chart (CsDocument         *self,
                           const char         *title,
                           const char * const *labels,
                           const double       *values)
{
  CsDocumentBlock *block;
  guint n;

  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (labels != NULL && values != NULL);

  n = g_strv_length ((GStrv) labels);
  block = add_block (self, CS_BLOCK_CHART, title);
  block->parties = g_strdupv ((GStrv) labels);
  block->values = g_memdup2 (values, sizeof (double) * MAX (n, 1));
}

/**
 * cs_document_add_table:
 * @self: a #CsDocument
 * @title: (nullable): the table's caption (also the sheet name in XLSX)
 *
 * Adds a table; give it columns, then rows or a row source.
 *
 * Returns: (transfer none): the table, owned by @self
 */
CsDocumentTable *
cs_document_add_table (CsDocument *self,
                       const char *title)
{
  CsDocumentTable *table;

  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  table = g_new0 (CsDocumentTable, 1);
  table->title = g_strdup (title);
  table->columns = g_array_new (FALSE, TRUE, sizeof (CsDocumentColumn));
  g_array_set_clear_func (table->columns, column_clear);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->document = self;
  add_block (self, CS_BLOCK_TABLE, title)->table = table;
  return table;
}

/**
 * cs_document_table_add_column:
 * @table: a #CsDocumentTable
 * @title: the column's header
 * @width: its width relative to the others (0: 1)
 *
 * Adds a column. The header row is repeated at the top of every PDF page the table spans.
 */
void
cs_document_table_add_column (CsDocumentTable *table,
                              const char      *title,
                              double           width)
{
  CsDocumentColumn column = { NULL, 0 };

  g_return_if_fail (table != NULL);
  g_return_if_fail (title != NULL);

  column.title = g_strdup (title);
  column.width = width > 0 ? width : 1;
  g_array_append_val (table->columns, column);
}

/**
 * cs_document_table_add_row:
 * @table: a #CsDocumentTable without a row source
 *
 * Returns: (transfer none): a new empty row at the end of @table, to add cells to
 */
CsDocumentRow *
cs_document_table_add_row (CsDocumentTable *table)
{
  CsDocumentRow *row;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (!table->has_source, NULL);

  row = row_new ();
  g_ptr_array_add (table->rows, row);
  return row;
}

/**
 * cs_document_table_set_row_source:
 * @table: a #CsDocumentTable without stored rows
 * @source: the functions that read the rows (copied)
 * @user_data: passed to @source's open
 * @destroy: (nullable): frees @user_data with the document
 *
 * Makes @table read its rows while it is written, one at a time.
 */
void
cs_document_table_set_row_source (CsDocumentTable           *table,
                                  const CsDocumentRowSource *source,
                                  gpointer                   user_data,
                                  GDestroyNotify             destroy)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (source != NULL && source->open != NULL && source->next != NULL);
  g_return_if_fail (table->rows->len == 0 && !table->has_source);

  table->source = *source;
  table->source_data = user_data;
  table->source_destroy = destroy;
  table->has_source = TRUE;
}

/**
 * cs_document_table_set_n_rows_hint:
 * @table: a #CsDocumentTable with a row source
 * @n_rows: how many rows the source will give
 *
 * Tells how many rows @table's source gives, so that writing the document can report its
 * progress as a fraction (cs_document_set_progress_func()).
 */
void
cs_document_table_set_n_rows_hint (CsDocumentTable *table,
                                   guint            n_rows)
{
  g_return_if_fail (table != NULL);

  table->has_n_rows_hint = TRUE;
  table->n_rows_hint = n_rows;
}

/**
 * cs_document_set_progress_func:
 * @self: a #CsDocument
 * @func: (nullable): called with the fraction written, in the writing thread
 * @user_data: data for @func, which must outlive the writes
 *
 * Follows the progress of the next cs_document_write() calls (see #CsDocumentProgressFunc).
 */
void
cs_document_set_progress_func (CsDocument             *self,
                               CsDocumentProgressFunc  func,
                               gpointer                user_data)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));

  self->progress_func = func;
  self->progress_data = user_data;
}

/* The rows every table will give, or 0 when a source does not say. */
static guint64
count_rows (CsDocument *self)
{
  guint64 total = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      CsDocumentBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind != CS_BLOCK_TABLE)
        continue;
      if (block->table->has_source && !block->table->has_n_rows_hint)
        return 0;
      total += block->table->has_source ? block->table->n_rows_hint : block->table->rows->len;
    }
  return total;
}

static void
report_progress (CsDocument *self,
                 double      fraction)
{
  if (self->progress_func == NULL)
    return;
  self->progress_reported = fraction;
  self->progress_func (fraction, self->progress_data);
}

/* One more table row read by a writer: reported every half per cent. A hint that was short
 * stops just below 1, which only the finished file reports. */
void
_cs_document_progress_step (CsDocument *self)
{
  double fraction;

  if (self == NULL || self->progress_func == NULL || self->progress_total == 0)
    return;
  self->progress_done++;
  fraction = MIN ((double) self->progress_done / self->progress_total, 0.999);
  if (fraction - self->progress_reported >= 0.005)
    report_progress (self, fraction);
}

static CsDocumentCell *
append_cell (CsDocumentRow *row,
             CsCellKind     kind)
{
  CsDocumentCell cell = { 0, };

  cell.kind = kind;
  g_date_clear (&cell.date, 1);
  g_array_append_val (row->cells, cell);
  return &g_array_index (row->cells, CsDocumentCell, row->cells->len - 1);
}

/**
 * cs_document_row_add_text:
 * @row: a #CsDocumentRow
 * @text: (nullable): plain text (%NULL: empty)
 */
void
cs_document_row_add_text (CsDocumentRow *row,
                          const char    *text)
{
  g_return_if_fail (row != NULL);

  if (text == NULL)
    append_cell (row, CS_CELL_EMPTY);
  else
    append_cell (row, CS_CELL_TEXT)->text = g_utf8_make_valid (text, -1);
}

/**
 * cs_document_row_add_number:
 * @row: a #CsDocumentRow
 * @value: the number (NaN: empty)
 * @decimals: digits shown after the decimal separator
 * @unit: (nullable): a unit written after the number ("h", "%", "days")
 */
void
cs_document_row_add_number (CsDocumentRow *row,
                            double         value,
                            guint          decimals,
                            const char    *unit)
{
  CsDocumentCell *cell;

  g_return_if_fail (row != NULL);

  if (isnan (value))
    {
      append_cell (row, CS_CELL_EMPTY);
      return;
    }
  cell = append_cell (row, CS_CELL_NUMBER);
  cell->number = value;
  cell->decimals = MIN (decimals, 6);
  cell->text = unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL;
}

/**
 * cs_document_row_add_money:
 * @row: a #CsDocumentRow
 * @amount: the amount (NaN: empty)
 * @currency: (nullable): its ISO 4217 code (%NULL: EUR)
 */
void
cs_document_row_add_money (CsDocumentRow *row,
                           double         amount,
                           const char    *currency)
{
  CsDocumentCell *cell;

  g_return_if_fail (row != NULL);

  if (isnan (amount))
    {
      append_cell (row, CS_CELL_EMPTY);
      return;
    }
  cell = append_cell (row, CS_CELL_MONEY);
  cell->number = amount;
  cell->decimals = 2;
  cell->text = g_strdup (currency != NULL && *currency != '\0' ? currency : "EUR");
}

/**
 * cs_document_row_add_date:
 * @row: a #CsDocumentRow
 * @date: (nullable): the date (%NULL or invalid: empty)
 */
void
cs_document_row_add_date (CsDocumentRow *row,
                          const GDate   *date)
{
  g_return_if_fail (row != NULL);

  if (date == NULL || !g_date_valid (date))
    append_cell (row, CS_CELL_EMPTY);
  else
    append_cell (row, CS_CELL_DATE)->date = *date;
}

/**
 * cs_document_row_add_tick:
 * @row: a #CsDocumentRow
 * @ticked: whether the box is ticked
 *
 * Adds a tick box: drawn as a printable box in PDF, a checkbox character in HTML and Markdown,
 * "x" or nothing in CSV, a boolean in XLSX.
 */
void
cs_document_row_add_tick (CsDocumentRow *row,
                          gboolean       ticked)
{
  g_return_if_fail (row != NULL);

  append_cell (row, CS_CELL_TICK)->ticked = !!ticked;
}

/**
 * cs_document_row_add_empty:
 * @row: a #CsDocumentRow
 */
void
cs_document_row_add_empty (CsDocumentRow *row)
{
  g_return_if_fail (row != NULL);

  append_cell (row, CS_CELL_EMPTY);
}

/**
 * cs_document_row_set_mark:
 * @row: a #CsDocumentRow
 * @column: the index of a cell already added
 * @mark: how it stands out
 */
void
cs_document_row_set_mark (CsDocumentRow *row,
                          guint          column,
                          CsCellMark     mark)
{
  g_return_if_fail (row != NULL);
  g_return_if_fail (column < row->cells->len);

  g_array_index (row->cells, CsDocumentCell, column).mark = mark;
}

/**
 * cs_document_row_get_n_cells:
 * @row: a #CsDocumentRow
 *
 * Returns: the number of cells added
 */
guint
cs_document_row_get_n_cells (CsDocumentRow *row)
{
  g_return_val_if_fail (row != NULL, 0);
  return row->cells->len;
}

const CsDocumentCell *
_cs_document_row_get_cell (CsDocumentRow *row,
                           guint          column)
{
  static const CsDocumentCell empty = { CS_CELL_EMPTY, };

  if (column >= row->cells->len)
    return &empty;
  return &g_array_index (row->cells, CsDocumentCell, column);
}

const char *
_cs_document_get_client (CsDocument *self)
{
  return self->client;
}

const char *
_cs_document_get_provider (CsDocument *self)
{
  return self->provider;
}

const char *
_cs_document_get_consultant (CsDocument *self)
{
  return self->consultant;
}

const GDate *
_cs_document_get_date (CsDocument *self)
{
  return &self->date;
}

GPtrArray *
_cs_document_get_blocks (CsDocument *self)
{
  return self->blocks;
}

const char *
_cs_document_tr (CsDocument *self,
                 const char *msgid)
{
  return cs_i18n_translate (self->language, msgid);
}

char *
_cs_document_format_date (CsDocument *self)
{
  return cs_i18n_format_date (self->language, &self->date);
}

char *
_cs_document_format_cell (CsDocument           *self,
                          const CsDocumentCell *cell)
{
  switch (cell->kind)
    {
    case CS_CELL_TEXT:
      return g_strdup (cell->text);
    case CS_CELL_NUMBER:
      {
        g_autofree char *number = cs_i18n_format_number (self->language, cell->number,
                                                         cell->decimals);

        if (cell->text == NULL)
          return g_steal_pointer (&number);
        if (g_str_equal (cell->text, "%"))
          return g_strconcat (number, g_str_equal (cs_i18n_resolve_language (self->language), "fr")
                              ? "\u202f%" : "%", NULL);
        return g_strconcat (number, "\u00a0", cell->text, NULL);
      }
    case CS_CELL_MONEY:
      return cs_i18n_format_money (self->language, cell->number, cell->text);
    case CS_CELL_DATE:
      return cs_i18n_format_date (self->language, &cell->date);
    case CS_CELL_TICK:
      return g_strdup (cell->ticked ? "☑" : "☐");
    case CS_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

const char *
_cs_document_mark_label (CsDocument *self,
                         CsCellMark  mark)
{
  switch (mark)
    {
    case CS_CELL_MARK_BEST:
      return _cs_document_tr (self, N_("best"));
    case CS_CELL_MARK_WORST:
      return _cs_document_tr (self, N_("worst"));
    case CS_CELL_MARK_KNOCK_OUT:
      return _cs_document_tr (self, N_("knock-out"));
    case CS_CELL_MARK_NONE:
    default:
      return NULL;
    }
}

/* What a spreadsheet would read as a formula, or that could start one after a paste. */
gboolean
_cs_text_is_formula_like (const char *text)
{
  return text != NULL && strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
}

gboolean
_cs_table_iter_init (CsTableIter      *iter,
                     CsDocumentTable  *table,
                     GCancellable     *cancellable,
                     GError          **error)
{
  memset (iter, 0, sizeof *iter);
  iter->table = table;
  iter->cancellable = cancellable;
  if (!table->has_source)
    return TRUE;

  iter->cursor = table->source.open (table->source_data, error);
  if (iter->cursor == NULL)
    return FALSE;
  iter->row = row_new ();
  return TRUE;
}

/* Returns FALSE at the end (error unset) or on failure (error set). */
gboolean
_cs_table_iter_next (CsTableIter    *iter,
                     CsDocumentRow **out_row,
                     GError        **error)
{
  if ((iter->index & 255) == 0 && g_cancellable_set_error_if_cancelled (iter->cancellable, error))
    return FALSE;
  iter->index++;

  if (!iter->table->has_source)
    {
      if (iter->index > iter->table->rows->len)
        return FALSE;
      *out_row = g_ptr_array_index (iter->table->rows, iter->index - 1);
      _cs_document_progress_step (iter->table->document);
      return TRUE;
    }

  g_array_set_size (iter->row->cells, 0);
  if (!iter->table->source.next (iter->cursor, iter->row, error))
    return FALSE;
  *out_row = iter->row;
  _cs_document_progress_step (iter->table->document);
  return TRUE;
}

void
_cs_table_iter_clear (CsTableIter *iter)
{
  if (iter->cursor != NULL && iter->table->source.close != NULL)
    iter->table->source.close (iter->cursor);
  iter->cursor = NULL;
  g_clear_pointer (&iter->row, row_free);
}

gboolean
_cs_output_write (GOutputStream  *out,
                  const char     *text,
                  GCancellable   *cancellable,
                  GError        **error)
{
  return g_output_stream_write_all (out, text, strlen (text), NULL, cancellable, error);
}

static gboolean
write_stream (CsDocument       *self,
              CsDocumentFormat  format,
              const char       *path,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) file_out = NULL;
  g_autoptr(GOutputStream) out = NULL;
  gboolean ok;

  file_out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (file_out == NULL)
    return FALSE;
  out = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_out), 64 * 1024);

  if (format == CS_DOCUMENT_FORMAT_HTML)
    ok = _cs_document_write_html (self, out, cancellable, error);
  else if (format == CS_DOCUMENT_FORMAT_CSV)
    ok = _cs_document_write_csv (self, out, cancellable, error);
  else
    ok = _cs_document_write_markdown (self, out, cancellable, error);

  if (!ok)
    {
      g_output_stream_close (out, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (out, cancellable, error);
}

static gboolean
move_into_place (const char  *temp_path,
                 const char  *path,
                 gboolean     overwrite,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  int saved_errno;

  if (!overwrite)
    {
      /* link() never replaces an existing file: no window between a check and the rename. */
      if (link (temp_path, path) == 0)
        {
          g_unlink (temp_path);
          return TRUE;
        }
      saved_errno = errno;
      if (saved_errno == EEXIST)
        {
          g_set_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_EXISTS,
                       _("“%s” already exists; it was left as it was"), display);
          return FALSE;
        }
      /* File systems without hard links. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_EXISTS,
                       _("“%s” already exists; it was left as it was"), display);
          return FALSE;
        }
    }

  if (g_rename (temp_path, path) != 0)
    {
      saved_errno = errno;
      g_set_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * cs_document_write:
 * @self: a #CsDocument
 * @format: the format
 * @path: the file to write
 * @overwrite: whether an existing @path may be replaced
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @self to @path through a temporary file in the same folder, renamed into place once
 * complete. On failure (including cancellation) nothing is left behind and an existing @path is
 * unchanged.
 *
 * Returns: %TRUE when @path holds the document
 */
gboolean
cs_document_write (CsDocument        *self,
                   CsDocumentFormat   format,
                   const char        *path,
                   gboolean           overwrite,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  mode_t mask;
  int fd;

  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_EXISTS,
                   _("“%s” already exists; it was left as it was"), display);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_WRITE,
                   _("Could not write “%s”: it is a folder"), display);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (temp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  /* mkstemp creates the file for its owner only; a document gets the usual permissions. */
  mask = umask (0);
  umask (mask);
  if (fchmod (fd, 0666 & ~mask) != 0)
    g_debug ("could not set the permissions of %s", temp_path);
  close (fd);

  self->progress_total = count_rows (self);
  self->progress_done = 0;
  self->progress_reported = 0;
  if (self->progress_total > 0)
    report_progress (self, 0);

  switch (format)
    {
    case CS_DOCUMENT_FORMAT_PDF:
      ok = _cs_document_write_pdf (self, temp_path, cancellable, &local_error);
      break;
    case CS_DOCUMENT_FORMAT_XLSX:
      ok = _cs_document_write_xlsx (self, temp_path, cancellable, &local_error);
      break;
    case CS_DOCUMENT_FORMAT_HTML:
    case CS_DOCUMENT_FORMAT_CSV:
    case CS_DOCUMENT_FORMAT_MARKDOWN:
    default:
      ok = write_stream (self, format, temp_path, cancellable, &local_error);
      break;
    }

  if (ok)
    ok = move_into_place (temp_path, path, overwrite, &local_error);

  if (!ok)
    {
      g_unlink (temp_path);
      if (local_error->domain == CS_DOCUMENT_ERROR
          || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_WRITE,
                     _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  report_progress (self, 1);
  return TRUE;
}

static const char * const format_names[] = { "pdf", "html", "csv", "xlsx", "md" };

/**
 * cs_document_format_from_string:
 * @text: "pdf", "html", "csv", "xlsx", "md" (or "markdown")
 * @out_format: (out): the format
 *
 * Returns: whether @text names a format
 */
gboolean
cs_document_format_from_string (const char       *text,
                                CsDocumentFormat *out_format)
{
  g_return_val_if_fail (out_format != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "markdown") == 0)
    {
      *out_format = CS_DOCUMENT_FORMAT_MARKDOWN;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (text, format_names[i]) == 0)
      {
        *out_format = (CsDocumentFormat) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cs_document_format_get_extension:
 * @format: a #CsDocumentFormat
 *
 * Returns: the file name extension, without the dot ("pdf", "md" …)
 */
const char *
cs_document_format_get_extension (CsDocumentFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), "pdf");
  return format_names[format];
}

/**
 * cs_paper_size_from_string:
 * @text: "a4" or "letter"
 * @out_paper: (out): the paper
 *
 * Returns: whether @text names a paper size
 */
gboolean
cs_paper_size_from_string (const char  *text,
                           CsPaperSize *out_paper)
{
  g_return_val_if_fail (out_paper != NULL, FALSE);

  if (g_ascii_strcasecmp (text != NULL ? text : "", "a4") == 0)
    *out_paper = CS_PAPER_A4;
  else if (g_ascii_strcasecmp (text != NULL ? text : "", "letter") == 0)
    *out_paper = CS_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/**
 * cs_paper_size_for_locale:
 *
 * Returns: Letter where the locale's LC_PAPER says so (United States, Canada …), else A4
 */
CsPaperSize
cs_paper_size_for_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc gives the width in millimetres */
  union { char *string; unsigned int word; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return CS_PAPER_LETTER;
#endif
  return CS_PAPER_A4;
}

/**
 * cs_paper_size_get_points:
 * @paper: a #CsPaperSize
 * @landscape: whether the page is turned
 * @out_width: (out): the page width in points (1/72 in)
 * @out_height: (out): the page height in points
 */
void
cs_paper_size_get_points (CsPaperSize  paper,
                          gboolean     landscape,
                          double      *out_width,
                          double      *out_height)
{
  double width = paper == CS_PAPER_LETTER ? 612.0 : 595.276;
  double height = paper == CS_PAPER_LETTER ? 792.0 : 841.89;

  *out_width = landscape ? height : width;
  *out_height = landscape ? width : height;
}
