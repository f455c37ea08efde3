/* cs-document-xlsx.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-document"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "cs-document-private.h"
#include "cs-i18n.h"

/*
 * A workbook through libxlsxwriter in constant-memory mode (rows go to temporary files as they
 * are written, so a 100,000-row table costs no memory). The first sheet holds the text of the
 * document; each table gets a sheet of its own with a styled header row, frozen header row and
 * first column, and an autofilter. Numbers, money and dates are written as numbers with a
 * display format; tick boxes as booleans. Text is always written as a string, so nothing from
 * the project becomes a formula.
 */

#define MAX_CELL_CHARS 32767

typedef struct
{
  CsDocument    *document;
  lxw_workbook  *workbook;
  GHashTable    *formats;    /* key → lxw_format (owned by the workbook) */
  GHashTable    *sheet_names;
  lxw_format    *bold;
  lxw_format    *title;
  lxw_format    *header;
  lxw_format    *wrap;
  lxw_format    *percent;
} Writer;

static lxw_format *
cell_format (Writer               *writer,
             const CsDocumentCell *cell)
{
  g_autofree char *key = NULL;
  lxw_format *format;
  gboolean fr = g_str_equal (cs_i18n_resolve_language (cs_document_get_language (writer->document)),
                             "fr");

  key = g_strdup_printf ("%d|%u|%s|%d", cell->kind, cell->decimals,
                         cell->text != NULL && cell->kind != CS_CELL_TEXT ? cell->text : "",
                         cell->mark);
  format = g_hash_table_lookup (writer->formats, key);
  if (format != NULL)
    return format;

  format = workbook_add_format (writer->workbook);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  switch (cell->kind)
    {
    case CS_CELL_NUMBER:
    case CS_CELL_MONEY:
      {
        g_autoptr(GString) pattern = g_string_new (cell->kind == CS_CELL_MONEY ? "#,##0" : "0");
        g_autofree char *unit = NULL;

        if (cell->decimals > 0)
          {
            g_string_append_c (pattern, '.');
            for (guint i = 0; i < cell->decimals; i++)
              g_string_append_c (pattern, '0');
          }
        if (cell->text != NULL)
          {
            /* the unit is a quoted literal of the number format */
            unit = g_strdup (cell->kind == CS_CELL_MONEY
                             ? (g_str_equal (cell->text, "EUR") ? "€" : g_str_equal (cell->text, "USD")
                                ? "$" : g_str_equal (cell->text, "GBP") ? "£" : cell->text)
                             : cell->text);
            g_strdelimit (unit, "\"\\", ' ');
            g_string_append_printf (pattern, " \"%s\"", unit);
          }
        format_set_num_format (format, pattern->str);
      }
      break;
    case CS_CELL_DATE:
      format_set_num_format (format, fr ? "dd/mm/yyyy" : "d mmm yyyy");
      format_set_align (format, LXW_ALIGN_LEFT);
      break;
    case CS_CELL_TICK:
      format_set_align (format, LXW_ALIGN_CENTER);
      break;
    case CS_CELL_TEXT:
    case CS_CELL_EMPTY:
    default:
      format_set_text_wrap (format);
      break;
    }
  switch (cell->mark)
    {
    case CS_CELL_MARK_BEST:
      format_set_bg_color (format, 0xD7F0D9);
      break;
    case CS_CELL_MARK_WORST:
      format_set_bg_color (format, 0xFBE3C9);
      break;
    case CS_CELL_MARK_KNOCK_OUT:
      format_set_bg_color (format, 0xF7CFCF);
      format_set_font_color (format, 0x9B1C1C);
      format_set_bold (format);
      break;
    case CS_CELL_MARK_NONE:
    default:
      break;
    }

  g_hash_table_insert (writer->formats, g_steal_pointer (&key), format);
  return format;
}

static lxw_error
write_string (lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      col,
              const char    *text,
              lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    return worksheet_write_blank (sheet, row, col, format);
  if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    text = cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
  /* worksheet_write_string() never makes a formula, whatever the text starts with. */
  return worksheet_write_string (sheet, row, col, text, format);
}

static lxw_error
write_cell (Writer               *writer,
            lxw_worksheet        *sheet,
            lxw_row_t             row,
            lxw_col_t             col,
            const CsDocumentCell *cell)
{
  lxw_format *format = cell_format (writer, cell);

  switch (cell->kind)
    {
    case CS_CELL_TEXT:
      return write_string (sheet, row, col, cell->text, format);
    case CS_CELL_NUMBER:
    case CS_CELL_MONEY:
      return worksheet_write_number (sheet, row, col, cell->number, format);
    case CS_CELL_DATE:
      {
        lxw_datetime datetime = { g_date_get_year (&cell->date), g_date_get_month (&cell->date),
                                  g_date_get_day (&cell->date), 0, 0, 0 };

        return worksheet_write_datetime (sheet, row, col, &datetime, format);
      }
    case CS_CELL_TICK:
      return worksheet_write_boolean (sheet, row, col, cell->ticked, format);
    case CS_CELL_EMPTY:
    default:
      return cell->mark != CS_CELL_MARK_NONE ? worksheet_write_blank (sheet, row, col, format)
                                             : LXW_NO_ERROR;
    }
}

/* Sheet names: at most 31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, unique without regard to case. */
static lxw_worksheet *
add_sheet (Writer     *writer,
           const char *wanted)
{
  g_autofree char *clean = g_utf8_make_valid (wanted != NULL && *wanted != '\0' ? wanted : "Table", -1);
  g_autofree char *name = NULL;

  g_strdelimit (clean, "[]:*?/\\\r\n\t", ' ');
  g_strstrip (clean);
  while (clean[0] == '\'')
    clean[0] = ' ';
  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      /* g_utf8_substring() reads past the end of a string shorter than the end given. */
      glong end = MIN (g_utf8_strlen (clean, -1), (glong) (31 - strlen (suffix)));
      g_autofree char *base = g_utf8_substring (clean, 0, end);
      g_autofree char *folded = NULL;

      g_strchomp (base);
      if (g_str_has_suffix (base, "'"))
        base[strlen (base) - 1] = ' ';
      g_free (name);
      name = g_strconcat (*base != '\0' ? base : "Table", suffix, NULL);
      /* Excel compares sheet names without regard to case */
      folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (writer->sheet_names, folded))
        {
          g_hash_table_add (writer->sheet_names, g_steal_pointer (&folded));
          break;
        }
    }

  return workbook_add_worksheet (writer->workbook, name);
}

static gboolean
write_table (Writer           *writer,
             CsDocumentTable  *table,
             GCancellable     *cancellable,
             GError          **error)
{
  lxw_worksheet *sheet = add_sheet (writer, table->title);
  g_autoptr(GError) local_error = NULL;
  CsDocumentRow *row = NULL;
  lxw_row_t r = 1;
  CsTableIter iter;
  double total = 0;

  if (sheet == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not add a worksheet");
      return FALSE;
    }

  for (guint i = 0; i < table->columns->len; i++)
    total += g_array_index (table->columns, CsDocumentColumn, i).width;
  for (guint i = 0; i < table->columns->len; i++)
    {
      CsDocumentColumn *column = &g_array_index (table->columns, CsDocumentColumn, i);

      worksheet_set_column (sheet, i, i, CLAMP (110.0 * column->width / total, 8, 60), NULL);
      write_string (sheet, 0, i, column->title, writer->header);
    }
  worksheet_freeze_panes (sheet, 1, 1);

  if (!_cs_table_iter_init (&iter, table, cancellable, error))
    return FALSE;
  while (_cs_table_iter_next (&iter, &row, &local_error))
    {
      for (guint i = 0; i < table->columns->len; i++)
        {
          lxw_error status = write_cell (writer, sheet, r, i, _cs_document_row_get_cell (row, i));

          if (status != LXW_NO_ERROR)
            {
              g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                                   lxw_strerror (status));
              break;
            }
        }
      if (local_error != NULL || r == LXW_ROW_MAX - 1)
        break;
      r++;
    }
  _cs_table_iter_clear (&iter);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (table->columns->len > 0)
    worksheet_autofilter (sheet, 0, 0, MAX (r - 1, 1), table->columns->len - 1);
  return TRUE;
}

static void
write_text_sheet (Writer        *writer,
                  lxw_worksheet *sheet)
{
  CsDocument *doc = writer->document;
  GPtrArray *blocks = _cs_document_get_blocks (doc);
  g_autofree char *date = _cs_document_format_date (doc);
  const char *labels[4] = {
    _cs_document_tr (doc, N_("Client")), _cs_document_tr (doc, N_("Provider")),
    _cs_document_tr (doc, N_("Consultant")), _cs_document_tr (doc, N_("Date")),
  };
  const char *values[4] = {
    _cs_document_get_client (doc), _cs_document_get_provider (doc),
    _cs_document_get_consultant (doc), date,
  };
  lxw_row_t r = 0;

  worksheet_set_column (sheet, 0, 0, 22, NULL);
  worksheet_set_column (sheet, 1, 1, 90, writer->wrap);
  write_string (sheet, r++, 0, cs_document_get_title (doc), writer->title);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (values[i] != NULL)
      {
        write_string (sheet, r, 0, labels[i], writer->bold);
        write_string (sheet, r++, 1, values[i], writer->wrap);
      }
  r++;

  for (guint b = 0; b < blocks->len; b++)
    {
      CsDocumentBlock *block = g_ptr_array_index (blocks, b);

      switch (block->kind)
        {
        case CS_BLOCK_HEADING:
          r++;
          write_string (sheet, r++, 0, block->text, writer->bold);
          break;
        case CS_BLOCK_PARAGRAPH:
          write_string (sheet, r++, 1, block->text, writer->wrap);
          break;
        case CS_BLOCK_LIST_ITEM:
          write_string (sheet, r, 0, "•", NULL);
          write_string (sheet, r++, 1, block->text, writer->wrap);
          break;
        case CS_BLOCK_TASK:
          worksheet_write_boolean (sheet, r, 0, block->done, NULL);
          write_string (sheet, r++, 1, block->text, writer->wrap);
          break;
        case CS_BLOCK_TABLE:
          if (block->table->title != NULL)
            write_string (sheet, r++, 1, block->table->title, writer->wrap);
          break;
        case CS_BLOCK_CHART:
          write_string (sheet, r++, 0, block->text, writer->bold);
          for (guint i = 0; block->parties[i] != NULL; i++)
            {
              write_string (sheet, r, 0, block->parties[i], NULL);
              if (!isnan (block->values[i]))
                worksheet_write_number (sheet, r, 1, block->values[i], writer->percent);
              r++;
            }
          break;
        case CS_BLOCK_SIGNATURE:
          for (guint i = 0; block->parties[i] != NULL; i++)
            {
              r++;
              write_string (sheet, r++, 0, block->parties[i], writer->bold);
              write_string (sheet, r++, 0, _cs_document_tr (doc, N_("Name")), NULL);
              write_string (sheet, r++, 0, _cs_document_tr (doc, N_("Date")), NULL);
              write_string (sheet, r++, 0, _cs_document_tr (doc, N_("Signature")), NULL);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
_cs_document_write_xlsx (CsDocument    *self,
                         const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE };
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *blocks = _cs_document_get_blocks (self);
  lxw_doc_properties properties = { 0, };
  Writer writer = { self, NULL, formats, sheet_names, NULL, NULL, NULL, NULL, NULL };
  lxw_error status;
  gboolean ok = TRUE;

  writer.workbook = workbook_new_opt (path, &options);
  if (writer.workbook == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, g_strerror (errno));
      return FALSE;
    }
  properties.title = (char *) cs_document_get_title (self);
  properties.author = (char *) _cs_document_get_consultant (self);
  properties.company = (char *) _cs_document_get_client (self);
  workbook_set_properties (writer.workbook, &properties);

  writer.bold = workbook_add_format (writer.workbook);
  format_set_bold (writer.bold);
  format_set_align (writer.bold, LXW_ALIGN_VERTICAL_TOP);
  writer.title = workbook_add_format (writer.workbook);
  format_set_bold (writer.title);
  format_set_font_size (writer.title, 16);
  writer.wrap = workbook_add_format (writer.workbook);
  format_set_text_wrap (writer.wrap);
  format_set_align (writer.wrap, LXW_ALIGN_VERTICAL_TOP);
  writer.percent = workbook_add_format (writer.workbook);
  format_set_num_format (writer.percent, "0%");
  format_set_align (writer.percent, LXW_ALIGN_LEFT);
  writer.header = workbook_add_format (writer.workbook);
  format_set_bold (writer.header);
  format_set_bg_color (writer.header, 0xE4E7EB);
  format_set_bottom (writer.header, LXW_BORDER_THIN);
  format_set_text_wrap (writer.header);
  format_set_align (writer.header, LXW_ALIGN_VERTICAL_TOP);

  write_text_sheet (&writer, add_sheet (&writer, _cs_document_tr (self, N_("Document"))));
  for (guint b = 0; ok && b < blocks->len; b++)
    {
      CsDocumentBlock *block = g_ptr_array_index (blocks, b);

      if (block->kind == CS_BLOCK_TABLE)
        ok = write_table (&writer, block->table, cancellable, error);
    }

  /* Closing frees the workbook even after a failure; the caller removes the file then. */
  status = workbook_close (writer.workbook);
  if (ok && status != LXW_NO_ERROR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, lxw_strerror (status));
      return FALSE;
    }
  return ok;
}
