/* cs-document-html.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cs-document-private.h"
#include "cs-i18n.h"

/* One standalone file: the styles are inline, nothing is fetched, and every text from the
 * project goes through g_markup_escape_text(), so it is never markup. */

static const char style[] =
  "body{font-family:sans-serif;font-size:10pt;color:#222;max-width:60em;margin:2em auto;"
  "padding:0 1em;line-height:1.4}"
  "div.meta{color:#555;border-bottom:1px solid #999;margin-bottom:1em;padding-bottom:.5em}"
  "div.meta dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:0}"
  "div.meta dt{font-weight:bold}div.meta dd{margin:0}"
  "h1{font-size:18pt}h2{font-size:13pt;margin-top:1.5em}h3{font-size:11pt}"
  "table{border-collapse:collapse;width:100%;margin:.5em 0 1em}"
  "caption{text-align:left;font-weight:bold;padding:.3em 0}"
  "th,td{border-bottom:1px solid #b0b4b9;padding:.25em .4em;text-align:left;vertical-align:top}"
  "th{background:#e4e7eb}tbody tr:nth-child(even){background:#f5f6f7}"
  "td.number,td.money{text-align:right;white-space:nowrap}"
  "td.best{background:#d7f0d9}td.worst{background:#fbe3c9}"
  "td.knock-out{background:#f7cfcf;color:#9b1c1c;font-weight:bold}"
  "ul.tasks{list-style:none;padding-left:.5em}"
  ".tick{font-size:120%}"
  ".signatures{display:flex;gap:2em;margin-top:2em;page-break-inside:avoid}"
  ".signatures div{flex:1}.signatures p{border-bottom:1px solid #222;padding-top:1.5em;margin:.3em 0}"
  "table.chart{width:auto;min-width:60%}table.chart th{background:none;font-weight:normal}"
  "table.chart td,table.chart th{border:none;padding:.1em .4em}"
  ".bar{background:#e4e7eb;width:20em;height:.8em}.bar span{display:block;height:100%}"
  ".bar .low{background:#e01b24}.bar .mid{background:#e5a50a}.bar .high{background:#2ec27e}"
  "@media print{.bar,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  "body{margin:0;max-width:none;font-size:9pt}"
  "thead{display:table-header-group}tr{page-break-inside:avoid}"
  "h1,h2,h3{page-break-after:avoid}a{color:inherit}}";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static void
append_header (CsDocument *self,
               GString    *out)
{
  const char *labels[4] = {
    _cs_document_tr (self, N_("Client")), _cs_document_tr (self, N_("Provider")),
    _cs_document_tr (self, N_("Consultant")), _cs_document_tr (self, N_("Date")),
  };
  g_autofree char *date = _cs_document_format_date (self);
  const char *values[4] = {
    _cs_document_get_client (self), _cs_document_get_provider (self),
    _cs_document_get_consultant (self), date,
  };

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta name=\"generator\" content=\"Contract Scope\">\n<title>",
                          cs_i18n_resolve_language (cs_document_get_language (self)));
  append_escaped (out, cs_document_get_title (self));
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n"
                          "<div class=\"meta\">\n<h1>", style);
  append_escaped (out, cs_document_get_title (self));
  g_string_append (out, "</h1>\n<dl>\n");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (values[i] == NULL)
        continue;
      g_string_append (out, "<dt>");
      append_escaped (out, labels[i]);
      g_string_append (out, "</dt><dd>");
      append_escaped (out, values[i]);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n</div>\n<div class=\"body\">\n");
}

static const char *
cell_class (const CsDocumentCell *cell)
{
  switch (cell->mark)
    {
    case CS_CELL_MARK_BEST:
      return "best";
    case CS_CELL_MARK_WORST:
      return "worst";
    case CS_CELL_MARK_KNOCK_OUT:
      return "knock-out";
    case CS_CELL_MARK_NONE:
    default:
      break;
    }
  switch (cell->kind)
    {
    case CS_CELL_NUMBER:
      return "number";
    case CS_CELL_MONEY:
      return "money";
    case CS_CELL_TICK:
      return "tick";
    case CS_CELL_DATE:
    case CS_CELL_TEXT:
    case CS_CELL_EMPTY:
    default:
      return NULL;
    }
}

static void
append_cell (CsDocument           *self,
             GString              *out,
             const CsDocumentCell *cell)
{
  g_autofree char *text = _cs_document_format_cell (self, cell);
  const char *klass = cell_class (cell);
  const char *mark = _cs_document_mark_label (self, cell->mark);

  if (klass != NULL)
    g_string_append_printf (out, "<td class=\"%s\">", klass);
  else
    g_string_append (out, "<td>");
  if (cell->kind == CS_CELL_TICK)
    g_string_append_printf (out, "<span class=\"tick\" role=\"img\" aria-label=\"%s\">%s</span>",
                            _cs_document_tr (self, cell->ticked ? N_("done") : N_("not done")),
                            text);
  else
    append_escaped (out, text);
  if (mark != NULL)
    {
      g_string_append (out, " (");
      append_escaped (out, mark);
      g_string_append (out, ")");
    }
  g_string_append (out, "</td>");
}

static gboolean
write_table (CsDocument       *self,
             GOutputStream    *stream,
             GString          *out,
             CsDocumentTable  *table,
             GCancellable     *cancellable,
             GError          **error)
{
  CsTableIter iter;
  CsDocumentRow *row = NULL;
  g_autoptr(GError) local_error = NULL;

  g_string_append (out, "<table>\n");
  if (table->title != NULL)
    {
      g_string_append (out, "<caption>");
      append_escaped (out, table->title);
      g_string_append (out, "</caption>\n");
    }
  g_string_append (out, "<thead><tr>");
  for (guint i = 0; i < table->columns->len; i++)
    {
      g_string_append (out, "<th scope=\"col\">");
      append_escaped (out, g_array_index (table->columns, CsDocumentColumn, i).title);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  if (!_cs_table_iter_init (&iter, table, cancellable, error))
    return FALSE;
  while (_cs_table_iter_next (&iter, &row, &local_error))
    {
      g_string_append (out, "<tr>");
      for (guint i = 0; i < table->columns->len; i++)
        append_cell (self, out, _cs_document_row_get_cell (row, i));
      g_string_append (out, "</tr>\n");
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
  g_string_append (out, "</tbody>\n</table>\n");
  return TRUE;
}

gboolean
_cs_document_write_html (CsDocument     *self,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *blocks = _cs_document_get_blocks (self);
  CsBlockKind open_list = CS_BLOCK_HEADING; /* none */

  append_header (self, out);
  for (guint b = 0; b < blocks->len; b++)
    {
      CsDocumentBlock *block = g_ptr_array_index (blocks, b);

      if (open_list != CS_BLOCK_HEADING && block->kind != open_list)
        {
          g_string_append (out, "</ul>\n");
          open_list = CS_BLOCK_HEADING;
        }

      switch (block->kind)
        {
        case CS_BLOCK_HEADING:
          g_string_append_printf (out, "<h%u>", block->level + 1);
          append_escaped (out, block->text);
          g_string_append_printf (out, "</h%u>\n", block->level + 1);
          break;
        case CS_BLOCK_PARAGRAPH:
          {
            g_auto(GStrv) lines = g_strsplit (block->text, "\n", -1);

            g_string_append (out, "<p>");
            for (guint i = 0; lines[i] != NULL; i++)
              {
                if (i > 0)
                  g_string_append (out, "<br>");
                append_escaped (out, lines[i]);
              }
            g_string_append (out, "</p>\n");
          }
          break;
        case CS_BLOCK_LIST_ITEM:
        case CS_BLOCK_TASK:
          if (open_list == CS_BLOCK_HEADING)
            {
              g_string_append (out, block->kind == CS_BLOCK_TASK ? "<ul class=\"tasks\">\n"
                                                                 : "<ul>\n");
              open_list = block->kind;
            }
          g_string_append (out, "<li>");
          if (block->kind == CS_BLOCK_TASK)
            g_string_append_printf (out, "<span class=\"tick\" role=\"img\" aria-label=\"%s\">%s"
                                    "</span> ",
                                    _cs_document_tr (self, block->done ? N_("done")
                                                                       : N_("not done")),
                                    block->done ? "☑" : "☐");
          append_escaped (out, block->text);
          g_string_append (out, "</li>\n");
          break;
        case CS_BLOCK_TABLE:
          if (!write_table (self, stream, out, block->table, cancellable, error))
            return FALSE;
          break;
        case CS_BLOCK_CHART:
          g_string_append (out, "<table class=\"chart\">\n<caption>");
          append_escaped (out, block->text);
          g_string_append (out, "</caption>\n");
          for (guint i = 0; block->parties[i] != NULL; i++)
            {
              double value = block->values[i];
              int percent = isnan (value) ? 0 : (int) round (CLAMP (value, 0, 1) * 100);

              g_string_append (out, "<tr><th scope=\"row\">");
              append_escaped (out, block->parties[i]);
              g_string_append_printf (out, "</th><td><div class=\"bar\"><span class=\"%s\" "
                                      "style=\"width:%d%%\"></span></div></td><td>",
                                      value < 0.5 ? "low" : value < 0.75 ? "mid" : "high",
                                      percent);
              if (isnan (value))
                g_string_append (out, "—");
              else
                g_string_append_printf (out, "%d %%", percent);
              g_string_append (out, "</td></tr>\n");
            }
          g_string_append (out, "</table>\n");
          break;
        case CS_BLOCK_SIGNATURE:
          g_string_append (out, "<div class=\"signatures\">\n");
          for (guint i = 0; block->parties[i] != NULL; i++)
            {
              g_string_append (out, "<div><h4>");
              append_escaped (out, block->parties[i]);
              g_string_append (out, "</h4><p>");
              append_escaped (out, _cs_document_tr (self, N_("Name")));
              g_string_append (out, "</p><p>");
              append_escaped (out, _cs_document_tr (self, N_("Date")));
              g_string_append (out, "</p><p>");
              append_escaped (out, _cs_document_tr (self, N_("Signature")));
              g_string_append (out, "</p></div>\n");
            }
          g_string_append (out, "</div>\n");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (open_list != CS_BLOCK_HEADING)
    g_string_append (out, "</ul>\n");
  g_string_append (out, "</div>\n</body>\n</html>\n");

  return _cs_output_write (stream, out->str, cancellable, error);
}
