/* cs-document.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A toolkit-free document handed over to the client: a title, a header (client, provider,
 * consultant, date), then blocks in order — headings, paragraphs, bulleted lists, task lists,
 * tables with typed cells, signature blocks. One model, one writer per format:
 *
 * |[<!-- language="C" -->
 *   g_autoptr(CsDocument) doc = cs_document_new ("Reversibility checklist");
 *   CsDocumentTable *table;
 *   CsDocumentRow *row;
 *
 *   cs_document_set_language (doc, "fr");
 *   cs_document_set_client (doc, "Acme");
 *   cs_document_add_heading (doc, 1, "Exit deliverables");
 *   table = cs_document_add_table (doc, "Deliverables");
 *   cs_document_table_add_column (table, "Item", 3);
 *   cs_document_table_add_column (table, "Price", 1);
 *   cs_document_table_add_column (table, "Delivered", 0.7);
 *   row = cs_document_table_add_row (table);
 *   cs_document_row_add_text (row, "Credentials");
 *   cs_document_row_add_money (row, 1200, "EUR");
 *   cs_document_row_add_tick (row, FALSE);
 *   cs_document_write (doc, CS_DOCUMENT_FORMAT_PDF, "out.pdf", FALSE, NULL, &error);
 * ]|
 *
 * Texts given to a document are plain text, never markup: every writer escapes them. Numbers,
 * money and dates are stored as values and formatted by each writer in the document's language
 * (PDF, HTML, Markdown) or written as values (CSV: plain numbers with a dot and ISO dates; XLSX:
 * numbers, dates and booleans with a display format). A text cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is always written as text: prefixed with `'` in CSV, written as
 * a string (never a formula) in XLSX.
 *
 * Every writer writes to a temporary file next to the destination and renames it into place;
 * on failure or cancellation nothing is left behind and the error says why. An existing
 * destination is replaced only when asked.
 *
 * A table either holds its rows (cs_document_table_add_row()) or pulls them from a
 * #CsDocumentRowSource while it is written, one row at a time, so that a 100,000-row annex is
 * never held in memory. A source is opened anew each time the document is written or painted.
 *
 * The model is not thread-safe, but a finished document may be written from another thread as
 * long as nothing else uses it (and its row sources) meanwhile.
 */

#define CS_DOCUMENT_ERROR (cs_document_error_quark ())

/**
 * CsDocumentError:
 * @CS_DOCUMENT_ERROR_EXISTS: the destination exists and overwriting was not asked
 * @CS_DOCUMENT_ERROR_WRITE: the file could not be written (the message says why); nothing was
 *   left behind
 * @CS_DOCUMENT_ERROR_SOURCE: a row source failed (the message is the source's)
 *
 * Errors of the document writers. Every message is translated. Cancellation is reported as
 * %G_IO_ERROR_CANCELLED.
 */
typedef enum {
  CS_DOCUMENT_ERROR_EXISTS,
  CS_DOCUMENT_ERROR_WRITE,
  CS_DOCUMENT_ERROR_SOURCE,
} CsDocumentError;

/**
 * CsDocumentFormat:
 * @CS_DOCUMENT_FORMAT_PDF: PDF through cairo and pango: fonts embedded, text selectable
 * @CS_DOCUMENT_FORMAT_HTML: one standalone HTML file with its styles (screen and print)
 * @CS_DOCUMENT_FORMAT_CSV: the tables only, comma-separated, UTF-8 with CRLF line ends
 * @CS_DOCUMENT_FORMAT_XLSX: an Excel workbook: a first sheet with the text, one sheet per table
 * @CS_DOCUMENT_FORMAT_MARKDOWN: CommonMark with GitHub tables and task lists
 *
 * The formats a #CsDocument can be written in.
 */
typedef enum {
  CS_DOCUMENT_FORMAT_PDF,
  CS_DOCUMENT_FORMAT_HTML,
  CS_DOCUMENT_FORMAT_CSV,
  CS_DOCUMENT_FORMAT_XLSX,
  CS_DOCUMENT_FORMAT_MARKDOWN,
} CsDocumentFormat;

/**
 * CsPaperSize:
 * @CS_PAPER_A4: ISO A4, 210 × 297 mm
 * @CS_PAPER_LETTER: US Letter, 8.5 × 11 in
 *
 * The paper of a PDF or a printout.
 */
typedef enum {
  CS_PAPER_A4,
  CS_PAPER_LETTER,
} CsPaperSize;

/**
 * CsCellMark:
 * @CS_CELL_MARK_NONE: no mark
 * @CS_CELL_MARK_BEST: the best value of its row (comparison)
 * @CS_CELL_MARK_WORST: the worst value of its row
 * @CS_CELL_MARK_KNOCK_OUT: a knock-out: a missing critical item
 *
 * How a cell stands out. PDF and HTML colour it and add a symbol; Markdown adds a word; CSV
 * ignores marks; XLSX colours the cell.
 */
typedef enum {
  CS_CELL_MARK_NONE,
  CS_CELL_MARK_BEST,
  CS_CELL_MARK_WORST,
  CS_CELL_MARK_KNOCK_OUT,
} CsCellMark;

/**
 * CsDocumentProgressFunc:
 * @fraction: how much of the document is written, from 0 to 1
 * @user_data: the data given to cs_document_set_progress_func()
 *
 * Reports the progress of cs_document_write(), in the thread that writes. Only a document
 * whose size is known reports fractions: every table has its rows, or a row count hint
 * (cs_document_table_set_n_rows_hint()); 1 is reported once the file is in place.
 */
typedef void (*CsDocumentProgressFunc) (double   fraction,
                                        gpointer user_data);

#define CS_TYPE_DOCUMENT (cs_document_get_type ())
G_DECLARE_FINAL_TYPE (CsDocument, cs_document, CS, DOCUMENT, GObject)

/**
 * CsDocumentTable:
 *
 * A table of a #CsDocument, owned by the document.
 */
typedef struct _CsDocumentTable CsDocumentTable;

/**
 * CsDocumentRow:
 *
 * One row of a #CsDocumentTable: cells added left to right, one per column (missing cells are
 * empty, extra cells are ignored).
 */
typedef struct _CsDocumentRow CsDocumentRow;

/**
 * CsDocumentRowSource:
 * @open: starts reading; returns a cursor (non-%NULL) or %NULL with @error set
 * @next: fills @row (empty on entry) with the next row and returns %TRUE; returns %FALSE at the
 *   end, or with @error set on failure
 * @close: (nullable): frees the cursor; called once for each successful @open
 *
 * Rows read while the table is written, for tables too large to hold in memory.
 */
typedef struct
{
  gpointer (*open)  (gpointer        user_data,
                     GError        **error);
  gboolean (*next)  (gpointer        cursor,
                     CsDocumentRow  *row,
                     GError        **error);
  void     (*close) (gpointer        cursor);
} CsDocumentRowSource;

/**
 * CsDocumentPainter:
 *
 * Draws a #CsDocument page after page on any cairo context: the PDF writer and printing share
 * it, so a printout looks exactly like the PDF.
 */
typedef struct _CsDocumentPainter CsDocumentPainter;

GQuark            cs_document_error_quark          (void);

CsDocument       *cs_document_new                  (const char              *title);
const char       *cs_document_get_title            (CsDocument              *self);
void              cs_document_set_language         (CsDocument              *self,
                                                    const char              *language);
const char       *cs_document_get_language         (CsDocument              *self);
void              cs_document_set_client           (CsDocument              *self,
                                                    const char              *client);
void              cs_document_set_provider         (CsDocument              *self,
                                                    const char              *provider);
void              cs_document_set_consultant       (CsDocument              *self,
                                                    const char              *consultant);
void              cs_document_set_date             (CsDocument              *self,
                                                    const GDate             *date);
void              cs_document_set_paper            (CsDocument              *self,
                                                    CsPaperSize              paper);
CsPaperSize       cs_document_get_paper            (CsDocument              *self);
void              cs_document_set_landscape        (CsDocument              *self,
                                                    gboolean                 landscape);
gboolean          cs_document_get_landscape        (CsDocument              *self);

void              cs_document_add_heading          (CsDocument              *self,
                                                    guint                    level,
                                                    const char              *text);
void              cs_document_add_paragraph        (CsDocument              *self,
                                                    const char              *text);
void              cs_document_add_list_item        (CsDocument              *self,
                                                    const char              *text);
void              cs_document_add_task             (CsDocument              *self,
                                                    const char              *text,
                                                    gboolean                 done);
void              cs_document_add_signature_block  (CsDocument              *self,
                                                    const char * const      *parties);
CsDocumentTable  *cs_document_add_table            (CsDocument              *self,
                                                    const char              *title);
void              cs_document_add_bar_chart        (CsDocument              *self,
                                                    const char              *title,
                                                    const char * const      *labels,
                                                    const double            *values);

void              cs_document_table_add_column     (CsDocumentTable         *table,
                                                    const char              *title,
                                                    double                   width);
CsDocumentRow    *cs_document_table_add_row        (CsDocumentTable         *table);
void              cs_document_table_set_row_source (CsDocumentTable         *table,
                                                    const CsDocumentRowSource *source,
                                                    gpointer                 user_data,
                                                    GDestroyNotify           destroy);
void              cs_document_table_set_n_rows_hint (CsDocumentTable        *table,
                                                    guint                    n_rows);
void              cs_document_set_progress_func    (CsDocument              *self,
                                                    CsDocumentProgressFunc   func,
                                                    gpointer                 user_data);

void              cs_document_row_add_text         (CsDocumentRow           *row,
                                                    const char              *text);
void              cs_document_row_add_number       (CsDocumentRow           *row,
                                                    double                   value,
                                                    guint                    decimals,
                                                    const char              *unit);
void              cs_document_row_add_money        (CsDocumentRow           *row,
                                                    double                   amount,
                                                    const char              *currency);
void              cs_document_row_add_date         (CsDocumentRow           *row,
                                                    const GDate             *date);
void              cs_document_row_add_tick         (CsDocumentRow           *row,
                                                    gboolean                 ticked);
void              cs_document_row_add_empty        (CsDocumentRow           *row);
void              cs_document_row_set_mark         (CsDocumentRow           *row,
                                                    guint                    column,
                                                    CsCellMark               mark);
guint             cs_document_row_get_n_cells      (CsDocumentRow           *row);

gboolean          cs_document_write                (CsDocument              *self,
                                                    CsDocumentFormat         format,
                                                    const char              *path,
                                                    gboolean                 overwrite,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);

gboolean          cs_document_format_from_string   (const char              *text,
                                                    CsDocumentFormat        *out_format);
const char       *cs_document_format_get_extension (CsDocumentFormat         format);
gboolean          cs_paper_size_from_string        (const char              *text,
                                                    CsPaperSize             *out_paper);
CsPaperSize       cs_paper_size_for_locale         (void);
void              cs_paper_size_get_points         (CsPaperSize              paper,
                                                    gboolean                 landscape,
                                                    double                  *out_width,
                                                    double                  *out_height);

CsDocumentPainter *cs_document_painter_new         (CsDocument              *document,
                                                    double                   width,
                                                    double                   height);
gboolean          cs_document_painter_draw_page    (CsDocumentPainter       *painter,
                                                    cairo_t                 *cr,
                                                    gboolean                *out_more,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);
guint             cs_document_painter_get_n_pages_done (CsDocumentPainter   *painter);
void              cs_document_painter_free         (CsDocumentPainter       *painter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsDocumentPainter, cs_document_painter_free)

G_END_DECLS
