/* cs-contract-read.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-contract"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-contract-private.h"

#include <poppler.h>
#include <string.h>

/*
 * Reading the text of a PDF (poppler-glib) or plain-text contract into lines, page by page.
 *
 * A PDF must end with its end-of-file marker (a truncated download is refused, not half read),
 * must open without a password, and may have up to CS_CONTRACT_MAX_PAGES pages: the count is
 * checked before any page is read, so a file of 10,000 empty pages is refused at once. A PDF
 * whose pages hold almost no text is a scan: said so, since there is nothing to read.
 */

/* Fewer visible characters than this per page on average: a scan without a text layer. */
#define SCANNED_CHARS_PER_PAGE 16

/* poppler-glib 22.12 declares no cleanup functions of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

void
_cs_contract_line_clear (gpointer data)
{
  CsContractLine *line = data;

  g_clear_pointer (&line->text, g_free);
}

GArray *
_cs_contract_lines_new (void)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (CsContractLine));

  g_array_set_clear_func (lines, _cs_contract_line_clear);
  return lines;
}

/* Adds a line, its white space collapsed; blank lines are not added. */
void
_cs_contract_lines_add (GArray     *lines,
                        const char *text,
                        gsize       length,
                        guint       page,
                        guint       level,
                        gboolean    paragraph)
{
  GString *out = g_string_sized_new (length);
  CsContractLine line = { NULL, page, level, paragraph };
  gboolean space = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')
        {
          space = TRUE;
          continue;
        }
      /* a no-break space (U+00A0) is a space too */
      if ((guchar) c == 0xC2 && i + 1 < length && (guchar) text[i + 1] == 0xA0)
        {
          space = TRUE;
          i++;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return;
    }
  line.text = g_string_free (out, FALSE);
  g_array_append_val (lines, line);
}

static gboolean
has_eof_marker (const char *data,
                gsize       size)
{
  gsize tail = MIN (size, 2048);

  for (gsize i = size - tail; i + 5 <= size; i++)
    if (memcmp (data + i, "%%EOF", 5) == 0)
      return TRUE;
  return FALSE;
}

static PopplerDocument *
open_pdf (GBytes  *bytes,
          GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *doc = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!has_eof_marker (data, size))
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_TRUNCATED,
                           _("This PDF stops before its end: it looks truncated (an interrupted download or copy). Nothing was read from it."));
      return NULL;
    }

  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (doc != NULL)
    return doc;

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_ENCRYPTED,
                         _("This PDF is protected by a password. Remove the protection (or ask the provider for an unprotected copy) and open it again."));
  else
    g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_INVALID,
                 _("This PDF could not be read: %s"), local_error->message);
  return NULL;
}

/* Adds the lines of one page's text; returns the number of visible characters. */
static gsize
add_page_lines (GArray     *lines,
                const char *text,
                guint       page)
{
  gsize visible = 0;
  const char *start = text;

  for (const char *p = text;; p++)
    {
      if (*p == '\n' || *p == '\0')
        {
          _cs_contract_lines_add (lines, start, p - start, page, 0, FALSE);
          if (*p == '\0')
            break;
          start = p + 1;
        }
      else if (!g_ascii_isspace (*p))
        visible++;
    }
  return visible;
}

gboolean
_cs_contract_read_pdf (GBytes        *bytes,
                       GCancellable  *cancellable,
                       GArray        *lines,
                       guint         *out_n_pages,
                       GError       **error)
{
  g_autoptr(PopplerDocument) doc = NULL;
  gsize visible = 0;
  gsize total = 0;
  int n_pages = 0;

  doc = open_pdf (bytes, error);
  if (doc == NULL)
    return FALSE;

  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages > CS_CONTRACT_MAX_PAGES)
    {
      g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_TOO_LARGE,
                   _("This PDF has %d pages; Contract Scope reads contracts of up to %d pages. Nothing was read from it."),
                   n_pages, CS_CONTRACT_MAX_PAGES);
      return FALSE;
    }
  if (n_pages <= 0)
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_EMPTY,
                           _("This PDF has no pages."));
      return FALSE;
    }

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *text = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      page = poppler_document_get_page (doc, i);
      if (page == NULL)
        continue;
      text = poppler_page_get_text (page);
      if (text == NULL)
        continue;
      total += strlen (text);
      if (total > CS_CONTRACT_MAX_PART)
        {
          g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_TOO_LARGE,
                       _("This PDF holds more than %d MB of text. Nothing was read from it."),
                       CS_CONTRACT_MAX_PART / (1024 * 1024));
          return FALSE;
        }
      visible += add_page_lines (lines, text, i + 1);
    }

  if (visible < (gsize) n_pages * SCANNED_CHARS_PER_PAGE)
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_SCANNED,
                           _("This PDF has no text layer: it looks scanned. Run text recognition (OCR) on it first, then open the result."));
      return FALSE;
    }

  *out_n_pages = n_pages;
  return TRUE;
}

gboolean
_cs_contract_read_text (GBytes  *bytes,
                        GArray  *lines,
                        guint   *out_n_pages,
                        GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  const char *start = NULL;
  guint page = 1;
  gboolean paragraph = TRUE;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;

  if (memchr (data, '\0', end - data) != NULL || !g_utf8_validate (data, end - data, NULL))
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_UNKNOWN_FORMAT,
                           _("This file is neither a PDF, an ODT or DOCX document nor UTF-8 text."));
      return FALSE;
    }

  start = data;
  for (const char *p = data; p <= end; p++)
    {
      if (p < end && *p != '\n' && *p != '\f')
        continue;

      {
        guint before = lines->len;

        _cs_contract_lines_add (lines, start, p - start, page, 0, paragraph);
        /* a blank line ends the paragraph */
        paragraph = lines->len == before;
      }
      if (p < end && *p == '\f')
        {
          page++;
          paragraph = TRUE;
        }
      start = p + 1;
    }

  *out_n_pages = page;
  return TRUE;
}
