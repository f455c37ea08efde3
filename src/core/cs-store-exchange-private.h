/* cs-store-exchange-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-store.h"

G_BEGIN_DECLS

/*
 * The store's side of the XML exchange format (cs-exchange.c): every row of every table read
 * as stored, and a whole project written into a new file in one transaction. Only the store
 * writes SQL; the exchange code never sees SQLite.
 */

/**
 * CsCellKind:
 * @CS_CELL_ABSENT: no value given (the column takes its default)
 * @CS_CELL_NULL: SQL NULL
 * @CS_CELL_INT: a whole number in #CsCell.i
 * @CS_CELL_REAL: a real number in #CsCell.d
 * @CS_CELL_TEXT: #CsCell.len bytes at #CsCell.text (not necessarily NUL-terminated)
 */
typedef enum {
  CS_CELL_ABSENT,
  CS_CELL_NULL,
  CS_CELL_INT,
  CS_CELL_REAL,
  CS_CELL_TEXT,
} CsCellKind;

/**
 * CsCell:
 *
 * One column of one row, exactly as SQLite stores it.
 */
typedef struct
{
  CsCellKind  kind;
  gint64      i;
  double      d;
  const char *text;
  gsize       len;
} CsCell;

typedef gboolean (*CsStoreDumpIdFunc)  (guint            table_index,
                                        gint64           id,
                                        gpointer         user_data,
                                        GError         **error);
typedef gboolean (*CsStoreDumpRowFunc) (guint            table_index,
                                        gint64           id,
                                        const CsCell    *cells,
                                        gpointer         user_data,
                                        GError         **error);

gboolean     _cs_store_dump           (CsStore             *store,
                                       CsStoreDumpIdFunc    id_func,
                                       CsStoreDumpRowFunc   row_func,
                                       gpointer             user_data,
                                       GError             **error);

typedef struct _CsStoreLoad CsStoreLoad;

CsStoreLoad *_cs_store_load_new       (const char          *path,
                                       GError             **error);
gint64       _cs_store_load_row       (CsStoreLoad         *load,
                                       guint                table_index,
                                       const CsCell        *cells,
                                       GError             **error);
gboolean     _cs_store_load_commit    (CsStoreLoad         *load,
                                       GError             **error);
void         _cs_store_load_free      (CsStoreLoad         *load);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsStoreLoad, _cs_store_load_free)

G_END_DECLS
