/* cs-document-csv.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-document"

#include "config.h"

#include <string.h>

#include "cs-document-private.h"

/*
 * RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or a
 * line break. The tables of the document follow each other, each with its title on a line of its
 * own and its header row, separated by an empty line. Values are machine-readable: numbers with a
 * dot and no grouping, ISO dates, "x" for a ticked box. A text that a spreadsheet would read as a
 * formula gets a leading apostrophe.
 */

static void
append_field (GString    *out,
              const char *text,
              gboolean    guard)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (guard && _cs_text_is_formula_like (text))
    quote = TRUE;
  if (quote)
    g_string_append_c (out, '"');
  if (guard && _cs_text_is_formula_like (text))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_cell (GString              *out,
             const CsDocumentCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (cell->kind)
    {
    case CS_CELL_TEXT:
      append_field (out, cell->text, TRUE);
      break;
    case CS_CELL_NUMBER:
    case CS_CELL_MONEY:
      g_string_append (out, g_ascii_formatd (buffer, sizeof buffer,
                                             cell->kind == CS_CELL_MONEY ? "%.2f" : "%.10g",
                                             cell->number));
      break;
    case CS_CELL_DATE:
      g_string_append_printf (out, "%04u-%02u-%02u", g_date_get_year (&cell->date),
                              g_date_get_month (&cell->date), g_date_get_day (&cell->date));
      break;
    case CS_CELL_TICK:
      if (cell->ticked)
        g_string_append_c (out, 'x');
      break;
    case CS_CELL_EMPTY:
    default:
      break;
    }
}

gboolean
_cs_document_write_csv (CsDocument     *self,
                        GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *blocks = _cs_document_get_blocks (self);
  gboolean first = TRUE;

  for (guint b = 0; b < blocks->len; b++)
    {
      CsDocumentBlock *block = g_ptr_array_index (blocks, b);
      CsDocumentTable *table = block->table;
      g_autoptr(GError) local_error = NULL;
      CsDocumentRow *row = NULL;
      CsTableIter iter;

      if (block->kind != CS_BLOCK_TABLE || table->columns->len == 0)
        continue;

      if (!first)
        g_string_append (out, "\r\n");
      first = FALSE;
      if (table->title != NULL)
        {
          append_field (out, table->title, TRUE);
          g_string_append (out, "\r\n");
        }
      for (guint i = 0; i < table->columns->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_field (out, g_array_index (table->columns, CsDocumentColumn, i).title, TRUE);
        }
      g_string_append (out, "\r\n");

      if (!_cs_table_iter_init (&iter, table, cancellable, error))
        return FALSE;
      while (_cs_table_iter_next (&iter, &row, &local_error))
        {
          for (guint i = 0; i < table->columns->len; i++)
            {
              if (i > 0)
                g_string_append_c (out, ',');
              append_cell (out, _cs_document_row_get_cell (row, i));
            }
          g_string_append (out, "\r\n");
          if (out->len > 60000)
            {
              if (!_cs_output_write (stream, out->str, cancellable, &local_error))
                break;
              g_string_truncate (out, 0);
            }
        }
      _cs_table_iter_clear (&iter);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return _cs_output_write (stream, out->str, cancellable, error);
}
