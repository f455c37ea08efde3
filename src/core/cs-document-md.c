/* cs-document-md.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cs-document-private.h"

/*
 * CommonMark with the GitHub extensions most renderers know: pipe tables and task lists
 * ("- [ ] …"). Texts are escaped so that nothing from the project becomes a link, emphasis,
 * HTML or a table cell boundary.
 */

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_table)
{
  gboolean line_start = TRUE;
  gboolean only_digits = FALSE; /* the line so far is a number: "1." would start a list */

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        {
          g_string_append (out, in_table ? "<br>" : "  \n");
          line_start = TRUE;
          only_digits = FALSE;
          continue;
        }
      if ((line_start && strchr ("+-=", *p) != NULL)
          || strchr ("\\`*_{}[]()<>#|!~&", *p) != NULL
          || (only_digits && !in_table && *p == '.'))
        g_string_append_c (out, '\\');
      only_digits = (line_start || only_digits) && g_ascii_isdigit (*p);
      g_string_append_c (out, *p);
      if (*p != ' ' && *p != '\t')
        line_start = FALSE;
    }
}

static void
append_cell (CsDocument           *self,
             GString              *out,
             const CsDocumentCell *cell)
{
  g_autofree char *text = NULL;
  const char *mark = _cs_document_mark_label (self, cell->mark);

  if (cell->kind == CS_CELL_TICK)
    g_string_append (out, cell->ticked ? "[x]" : "[ ]");
  else
    {
      text = _cs_document_format_cell (self, cell);
      if (cell->mark == CS_CELL_MARK_KNOCK_OUT)
        g_string_append (out, "**");
      append_escaped (out, text, TRUE);
      if (cell->mark == CS_CELL_MARK_KNOCK_OUT)
        g_string_append (out, "**");
    }
  if (mark != NULL)
    {
      g_string_append (out, " (");
      append_escaped (out, mark, TRUE);
      g_string_append (out, ")");
    }
}

static gboolean
write_table (CsDocument       *self,
             GOutputStream    *stream,
             GString          *out,
             CsDocumentTable  *table,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  CsDocumentRow *row = NULL;
  CsTableIter iter;

  if (table->columns->len == 0)
    return TRUE;
  if (table->title != NULL)
    {
      g_string_append (out, "**");
      append_escaped (out, table->title, FALSE);
      g_string_append (out, "**\n\n");
    }
  g_string_append (out, "|");
  for (guint i = 0; i < table->columns->len; i++)
    {
      g_string_append_c (out, ' ');
      append_escaped (out, g_array_index (table->columns, CsDocumentColumn, i).title, TRUE);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint i = 0; i < table->columns->len; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');

  if (!_cs_table_iter_init (&iter, table, cancellable, error))
    return FALSE;
  while (_cs_table_iter_next (&iter, &row, &local_error))
    {
      g_string_append (out, "|");
      for (guint i = 0; i < table->columns->len; i++)
        {
          g_string_append_c (out, ' ');
          append_cell (self, out, _cs_document_row_get_cell (row, i));
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
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
  g_string_append_c (out, '\n');
  return TRUE;
}

gboolean
_cs_document_write_markdown (CsDocument     *self,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *blocks = _cs_document_get_blocks (self);
  g_autofree char *date = _cs_document_format_date (self);
  const char *labels[4] = {
    _cs_document_tr (self, N_("Client")), _cs_document_tr (self, N_("Provider")),
    _cs_document_tr (self, N_("Consultant")), _cs_document_tr (self, N_("Date")),
  };
  const char *values[4] = {
    _cs_document_get_client (self), _cs_document_get_provider (self),
    _cs_document_get_consultant (self), date,
  };
  gboolean in_list = FALSE;

  g_string_append (out, "# ");
  append_escaped (out, cs_document_get_title (self), FALSE);
  g_string_append (out, "\n\n");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (values[i] == NULL)
        continue;
      g_string_append (out, "**");
      append_escaped (out, labels[i], FALSE);
      g_string_append (out, ":** ");
      append_escaped (out, values[i], FALSE);
      g_string_append (out, "  \n");
    }
  g_string_append_c (out, '\n');

  for (guint b = 0; b < blocks->len; b++)
    {
      CsDocumentBlock *block = g_ptr_array_index (blocks, b);
      gboolean is_list = block->kind == CS_BLOCK_LIST_ITEM || block->kind == CS_BLOCK_TASK;

      if (in_list && !is_list)
        g_string_append_c (out, '\n');
      in_list = is_list;

      switch (block->kind)
        {
        case CS_BLOCK_HEADING:
          g_string_append_len (out, "####", block->level + 1);
          g_string_append_c (out, ' ');
          append_escaped (out, block->text, FALSE);
          g_string_append (out, "\n\n");
          break;
        case CS_BLOCK_PARAGRAPH:
          append_escaped (out, block->text, FALSE);
          g_string_append (out, "\n\n");
          break;
        case CS_BLOCK_LIST_ITEM:
          g_string_append (out, "- ");
          append_escaped (out, block->text, FALSE);
          g_string_append_c (out, '\n');
          break;
        case CS_BLOCK_TASK:
          g_string_append (out, block->done ? "- [x] " : "- [ ] ");
          append_escaped (out, block->text, FALSE);
          g_string_append_c (out, '\n');
          break;
        case CS_BLOCK_TABLE:
          if (!write_table (self, stream, out, block->table, cancellable, error))
            return FALSE;
          break;
        case CS_BLOCK_CHART:
          g_string_append (out, "**");
          append_escaped (out, block->text, FALSE);
          g_string_append (out, "**\n\n");
          for (guint i = 0; block->parties[i] != NULL; i++)
            {
              double value = block->values[i];
              int tenths = isnan (value) ? 0 : (int) round (CLAMP (value, 0, 1) * 10);

              g_string_append (out, "- ");
              append_escaped (out, block->parties[i], FALSE);
              g_string_append (out, ": `");
              for (int k = 0; k < 10; k++)
                g_string_append (out, k < tenths ? "█" : "░");
              if (isnan (value))
                g_string_append (out, "` —\n");
              else
                g_string_append_printf (out, "` %d %%\n", (int) round (CLAMP (value, 0, 1) * 100));
            }
          g_string_append_c (out, '\n');
          break;
        case CS_BLOCK_SIGNATURE:
          for (guint i = 0; block->parties[i] != NULL; i++)
            {
              g_string_append (out, "**");
              append_escaped (out, block->parties[i], FALSE);
              g_string_append (out, "**  \n");
              g_string_append_printf (out, "%s: ______________________  \n",
                                      _cs_document_tr (self, N_("Name")));
              g_string_append_printf (out, "%s: ______________________  \n",
                                      _cs_document_tr (self, N_("Date")));
              g_string_append_printf (out, "%s: ______________________\n\n",
                                      _cs_document_tr (self, N_("Signature")));
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return _cs_output_write (stream, out->str, cancellable, error);
}
