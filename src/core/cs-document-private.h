/* cs-document-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-document.h"

G_BEGIN_DECLS

typedef enum {
  CS_CELL_EMPTY,
  CS_CELL_TEXT,
  CS_CELL_NUMBER,
  CS_CELL_MONEY,
  CS_CELL_DATE,
  CS_CELL_TICK,
} CsCellKind;

typedef struct
{
  CsCellKind  kind;
  CsCellMark  mark;
  char       *text;     /* text; unit of a number; currency of money */
  double      number;
  guint       decimals;
  GDate       date;
  gboolean    ticked;
} CsDocumentCell;

struct _CsDocumentRow
{
  GArray *cells; /* CsDocumentCell */
};

typedef struct
{
  char   *title;
  double  width;
} CsDocumentColumn;

struct _CsDocumentTable
{
  char                *title;
  GArray              *columns; /* CsDocumentColumn */
  GPtrArray           *rows;    /* CsDocumentRow */
  CsDocumentRowSource  source;
  gpointer             source_data;
  GDestroyNotify       source_destroy;
  gboolean             has_source;
  gboolean             has_n_rows_hint;
  guint                n_rows_hint;
  CsDocument          *document;  /* the owner, for the progress */
};

typedef enum {
  CS_BLOCK_HEADING,
  CS_BLOCK_PARAGRAPH,
  CS_BLOCK_LIST_ITEM,
  CS_BLOCK_TASK,
  CS_BLOCK_TABLE,
  CS_BLOCK_SIGNATURE,
  CS_BLOCK_CHART,
} CsBlockKind;

typedef struct
{
  CsBlockKind      kind;
  guint            level;
  char            *text;
  gboolean         done;
  CsDocumentTable *table;
  GStrv            parties;   /* signature: the parties; chart: the bar labels */
  double          *values;    /* chart: one per label, 0 to 1, NaN when none */
} CsDocumentBlock;

/* Reads a table's rows, stored or from its source, one at a time. */
typedef struct
{
  CsDocumentTable *table;
  guint            index;
  gpointer         cursor;
  CsDocumentRow   *row;     /* the row a source fills */
  GCancellable    *cancellable;
} CsTableIter;

const char      *_cs_document_get_client      (CsDocument       *self);
const char      *_cs_document_get_provider    (CsDocument       *self);
const char      *_cs_document_get_consultant  (CsDocument       *self);
const GDate     *_cs_document_get_date        (CsDocument       *self);
GPtrArray       *_cs_document_get_blocks      (CsDocument       *self);
const char      *_cs_document_tr              (CsDocument       *self,
                                               const char       *msgid) G_GNUC_FORMAT (2);
char            *_cs_document_format_date     (CsDocument       *self);
char            *_cs_document_format_cell     (CsDocument       *self,
                                               const CsDocumentCell *cell);
const char      *_cs_document_mark_label      (CsDocument       *self,
                                               CsCellMark        mark);
gboolean         _cs_text_is_formula_like     (const char       *text);

gboolean         _cs_table_iter_init          (CsTableIter      *iter,
                                               CsDocumentTable  *table,
                                               GCancellable     *cancellable,
                                               GError          **error);
gboolean         _cs_table_iter_next          (CsTableIter      *iter,
                                               CsDocumentRow   **out_row,
                                               GError          **error);
void             _cs_table_iter_clear         (CsTableIter      *iter);
void             _cs_document_progress_step   (CsDocument       *self);
const CsDocumentCell *_cs_document_row_get_cell (CsDocumentRow  *row,
                                               guint             column);

gboolean         _cs_output_write             (GOutputStream    *out,
                                               const char       *text,
                                               GCancellable     *cancellable,
                                               GError          **error);

/* Writers: each writes @path (a temporary file the caller renames). */
gboolean         _cs_document_write_pdf       (CsDocument       *self,
                                               const char       *path,
                                               GCancellable     *cancellable,
                                               GError          **error);
gboolean         _cs_document_write_html      (CsDocument       *self,
                                               GOutputStream    *out,
                                               GCancellable     *cancellable,
                                               GError          **error);
gboolean         _cs_document_write_csv       (CsDocument       *self,
                                               GOutputStream    *out,
                                               GCancellable     *cancellable,
                                               GError          **error);
gboolean         _cs_document_write_markdown  (CsDocument       *self,
                                               GOutputStream    *out,
                                               GCancellable     *cancellable,
                                               GError          **error);
gboolean         _cs_document_write_xlsx      (CsDocument       *self,
                                               const char       *path,
                                               GCancellable     *cancellable,
                                               GError          **error);

G_END_DECLS
