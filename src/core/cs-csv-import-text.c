/* cs-csv-import-text.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-csv-import"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cs-csv-import-private.h"

/* Parsing: libcsv fed one physical line at a time, so that rows know their first line. */

/*
 * The fields of the current row live back to back, NUL-terminated, in one buffer reused for
 * every row: no allocation per field. @fields holds pointers into it (and a final NULL), set
 * once the row is complete because the buffer may move while it grows. Callbacks may change
 * the text in place (strip it) but not keep pointers past their return.
 */
typedef struct
{
  GPtrArray  *fields;      /* borrowed pointers into @buffer, NULL-terminated */
  GByteArray *buffer;
  gsize      *offsets;     /* max_fields: where each kept field starts in @buffer */
  guint       n_kept;      /* fields kept (later ones counted only) */
  guint       n_fields;
  guint       max_fields;
  guint       line;        /* the line the current row started on */
  gboolean    row_started;
  gboolean    has_nul;
  gboolean    stop;
  CsCsvRecordFunc  func;
  gpointer    user_data;
} ParseState;

static void
field_cb (void   *s,
          size_t  length,
          void   *data)
{
  ParseState *state = data;
  gsize offset = state->buffer->len;

  state->row_started = TRUE;
  state->n_fields++;
  /* A NUL would silently cut the field short: remember it, the row is rejected. */
  if (s != NULL && memchr (s, '\0', length) != NULL)
    state->has_nul = TRUE;
  if (state->n_kept >= state->max_fields)
    return;

  /* One resize per field, then a plain copy: this runs for every field of the file. */
  g_byte_array_set_size (state->buffer, offset + length + 1);
  if (s != NULL && length > 0)
    memcpy (state->buffer->data + offset, s, length);
  state->buffer->data[offset + length] = '\0';
  state->offsets[state->n_kept++] = offset;
}

static void
record_cb (int   c,
           void *data)
{
  ParseState *state = data;

  g_ptr_array_set_size (state->fields, state->n_kept + 1);
  for (guint i = 0; i < state->n_kept; i++)
    state->fields->pdata[i] = state->buffer->data + state->offsets[i];
  state->fields->pdata[state->n_kept] = NULL;
  if (!state->stop && !state->func (state->fields, state->has_nul, state->line, state->user_data))
    state->stop = TRUE;

  g_ptr_array_set_size (state->fields, 0);
  g_byte_array_set_size (state->buffer, 0);
  state->n_kept = 0;
  state->n_fields = 0;
  state->has_nul = FALSE;
  state->row_started = FALSE;
}

/*
 * Gives back the pages of a mapped file between @from and @to (page-aligned inside), so that
 * reading a file once does not keep all of it resident: the kernel reads them again from its
 * page cache should they be touched again. Only for read-only file mappings, never for memory
 * of our own (MADV_DONTNEED would zero it).
 */
void
cs_csv_release_pages (const char *data,
                      gsize       from,
                      gsize       to)
{
#ifdef MADV_DONTNEED
  guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) data + from + page - 1) / page * page;
  guintptr end = ((guintptr) data + to) / page * page;

  if (end > start)
    madvise ((void *) start, end - start, MADV_DONTNEED);
#endif
}

/* While parsing a mapped file, its pages are given back every this many bytes. */
#define RELEASE_EVERY  (4 * 1024 * 1024)

gboolean
cs_csv_parse_text (const char   *data,
                   gsize         length,
                   char          delimiter,
                   guint         max_fields,
                   CsCsvRecordFunc    func,
                   gpointer      user_data,
                   gint         *progress,
                   CsCsvParseResult  *result,
                   gboolean      release,
                   GError      **error)
{
  struct csv_parser parser;
  ParseState state = { 0 };
  const char *p = data;
  const char *end = data + length;
  guint line = 0;
  gsize released = 0;

  memset (result, 0, sizeof *result);
  if (csv_init (&parser, 0) != 0)
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_IO, _("Out of memory; nothing was imported."));
      return FALSE;
    }
  csv_set_delim (&parser, (unsigned char) delimiter);
  csv_set_blk_size (&parser, 4096);

  state.fields = g_ptr_array_new ();
  state.buffer = g_byte_array_sized_new (4096);
  state.offsets = g_new (gsize, MAX (max_fields, 1));
  state.max_fields = max_fields;
  state.func = func;
  state.user_data = user_data;

  while (p < end && !state.stop)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *next = nl != NULL ? nl + 1 : end;

      line++;
      /* A row starts on the first line that is not blank once the previous row ended. */
      if (!state.row_started && parser.pstate == 0)
        state.line = line;
      if (csv_parse (&parser, p, next - p, field_cb, record_cb, &state) != (size_t) (next - p))
        {
          g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_IO,
                       _("Line %u could not be read (%s); nothing was imported."),
                       line, csv_strerror (csv_error (&parser)));
          csv_free (&parser);
          g_ptr_array_unref (state.fields);
          g_byte_array_unref (state.buffer);
          g_free (state.offsets);
          return FALSE;
        }
      if (parser.pstate != 0)
        state.row_started = TRUE;
      p = next;
      if (progress != NULL && (line & 1023) == 0)
        g_atomic_int_set (progress, (gint) ((double) (p - data) / length * 1e6));
      /* libcsv copied what it read: the lines before @p are not read again. */
      if (release && (gsize) (p - data) - released >= RELEASE_EVERY)
        {
          cs_csv_release_pages (data, released, p - data);
          released = p - data;
        }
    }
  if (release)
    cs_csv_release_pages (data, released, p - data);

  result->n_lines = line;
  result->consumed = p - data;
  if (!state.stop && parser.quoted && parser.pstate == LIBCSV_FIELD_BEGUN)
    {
      result->unclosed_quote = TRUE;
      result->unclosed_line = state.line;
    }
  else if (!state.stop)
    {
      csv_fini (&parser, field_cb, record_cb, &state);
    }

  csv_free (&parser);
  g_ptr_array_unref (state.fields);
  g_byte_array_unref (state.buffer);
  g_free (state.offsets);

  return TRUE;
}

/* Decoding */

static gboolean
has_prefix (GBytes     *bytes,
            const char *prefix,
            gsize       n)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return length >= n && memcmp (data, prefix, n) == 0;
}

CsCsvEncoding
cs_csv_detect_encoding (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *end = NULL;
  gboolean multibyte = FALSE;

  if (has_prefix (bytes, "\xff\xfe", 2))
    return CS_CSV_ENCODING_UTF16LE;
  if (has_prefix (bytes, "\xfe\xff", 2))
    return CS_CSV_ENCODING_UTF16BE;
  if (g_utf8_validate_len (data, length, &end))
    return CS_CSV_ENCODING_UTF8;

  /* Invalid bytes: UTF-8 damaged in places if the rest has UTF-8 sequences, else Windows-1252. */
  for (gsize i = 0; i + 1 < length; i++)
    if ((guchar) data[i] >= 0xc2 && (guchar) data[i] <= 0xf4
        && ((guchar) data[i + 1] & 0xc0) == 0x80)
      {
        const char *q = NULL;

        if (g_utf8_validate_len (data + i, MIN (4, length - i), &q) || q > data + i)
          {
            multibyte = TRUE;
            break;
          }
      }

  return multibyte ? CS_CSV_ENCODING_UTF8 : CS_CSV_ENCODING_WINDOWS_1252;
}

static guint
line_of_offset (const char *text,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;

  return line;
}

/* The text to parse: the raw bytes (UTF-8, Windows-1252) or UTF-16 converted to UTF-8. */
gboolean
cs_csv_import_decode (CsCsvImport  *self,
                      const char  **out_data,
                      gsize        *out_length,
                      GError      **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (self->raw, &length);

  g_clear_pointer (&self->decoded, g_free);
  if (self->encoding == CS_CSV_ENCODING_UTF16LE || self->encoding == CS_CSV_ENCODING_UTF16BE)
    {
      const char *charset = self->encoding == CS_CSV_ENCODING_UTF16LE ? "UTF-16LE" : "UTF-16BE";
      g_autoptr(GError) local_error = NULL;
      gsize skip = (has_prefix (self->raw, "\xff\xfe", 2) || has_prefix (self->raw, "\xfe\xff", 2)) ? 2 : 0;
      gsize read = 0;

      self->decoded = g_convert (data + skip, length - skip, "UTF-8", charset, &read,
                                 &self->decoded_length, &local_error);
      if (self->decoded == NULL)
        {
          g_autofree char *partial = g_convert (data + skip, read - (read % 2), "UTF-8", charset,
                                                NULL, NULL, NULL);

          g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_ENCODING,
                       _("“%s” is not valid UTF-16 at line %u; nothing was imported. Choose another encoding or save the file again as UTF-8."),
                       self->display_name, partial != NULL ? line_of_offset (partial, strlen (partial)) : 1);
          return FALSE;
        }
      *out_data = self->decoded;
      *out_length = self->decoded_length;
      return TRUE;
    }

  if (self->encoding == CS_CSV_ENCODING_UTF8 && has_prefix (self->raw, "\xef\xbb\xbf", 3))
    {
      data += 3;
      length -= 3;
    }

  *out_data = data;
  *out_length = length;
  return TRUE;
}

char
cs_csv_detect_delimiter (const char *data,
                         gsize       length)
{
  const char candidates[] = { ';', '\t', ',' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  /* Count outside quotes on the header line. */
  for (gsize i = 0; i < length && i < 1024 * 1024; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == '\n')
        break;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (data[i] == candidates[c])
            counts[c]++;
    }

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > best_count)
      {
        best = candidates[c];
        best_count = counts[c];
      }

  return best;
}

/*
 * Converts one field to UTF-8, or says why it cannot be. UTF-8 text is only validated and
 * returned as is (@text itself); Windows-1252 text is converted into @out_converted, which the
 * caller frees.
 */
char *
cs_csv_field_to_utf8 (CsCsvImport  *self,
                      char         *text,
                      gsize         length,
                      char        **out_converted,
                      const char  **out_reason)
{
  *out_converted = NULL;
  if (memchr (text, '\0', length) != NULL)
    {
      *out_reason = _("the row contains a NUL byte (not a text file?)");
      return NULL;
    }

  if (self->encoding == CS_CSV_ENCODING_WINDOWS_1252)
    {
      *out_converted = g_convert (text, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (*out_converted == NULL)
        *out_reason = _("the row has bytes that are not Windows-1252 text (unrepairable encoding)");
      return *out_converted;
    }

  if (!self->valid_utf8 && !g_utf8_validate_len (text, length, NULL))
    {
      *out_reason = _("the row is not valid UTF-8 text (unrepairable encoding)");
      return NULL;
    }

  return text;
}

