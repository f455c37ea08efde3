/* cs-exchange-import.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cs-autocleanups-private.h"
#include "cs-exchange-private.h"
#include "cs-store-exchange-private.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

/*
 * Reading an exchange file into a new project (the format is described in cs-exchange.c).
 *
 * Reading never trusts the file: the size is checked first, then one pass over the bytes
 * refuses any DOCTYPE or other markup declaration before the root (so no entity is ever
 * declared: no XML bomb, no external entity, no DTD), any NUL byte, nesting deeper than the
 * format's and any text longer than we would store. libxml2's streaming reader then parses
 * from memory with XML_PARSE_NONET and never XML_PARSE_NOENT, XML_PARSE_DTDLOAD or
 * XML_PARSE_HUGE, validating against the RelaxNG schema (data/schemas/contractscope-exchange.rng)
 * as it goes, while we check element count, field names, value types, lengths and references
 * against the model and write the rows into a new project in one transaction. Nothing is kept
 * in memory but the current row and the id maps.
 */

#define EXCHANGE_SCHEMA_RESOURCE "/org/contractscope/ContractScope/core/schemas/contractscope-exchange.rng"

/* Our own limits, far above any real project and far below a memory problem. */
#define MAX_DEPTH         4                   /* root 1, table 2, row 3, field 4 */
#define MAX_ELEMENTS      ((guint64) 64 * 1024 * 1024)
#define MAX_TEXT_RUN      ((gsize) 8 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)

typedef struct
{
  int   line;
  int   domain;
  char *message;
} FirstError;

typedef struct
{
  xmlTextReader  *reader;
  CsStoreLoad    *load;
  guint           n_types;
  /* per table: xml id → new id, both in one gint64[2] that is key and value */
  GHashTable    **id_maps;
  int             last_table;
  int             table;
  gboolean        seen_root;
  guint64         n_elements;

  /* the row being read */
  gint64          row_id;
  int             row_line;
  CsCell         *cells;
  GString       **texts;
  guint           max_fields;

  /* a kept document's bytes, decoded part after part (its entity's blob column) */
  GByteArray     *blob;
  gboolean        blob_seen;
  GBytes         *blob_compressed;

  /* the field being read (the entity's number of fields: its blob column), or -1 */
  int             field;
  int             field_line;
  gboolean        field_null;
  gboolean        field_base64;

  FirstError      first;
} Import;

G_GNUC_PRINTF (4, 5)
static gboolean
set_line_error (GError         **error,
                CsExchangeError  code,
                int              line,
                const char      *format,
                ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CS_EXCHANGE_ERROR, code,
               _("Line %d of the exchange file: %s No project was created."), MAX (line, 1),
               detail);

  return FALSE;
}

static int
line_at (const char *data,
         const char *position)
{
  int line = 1;

  for (const char *p = data; p < position && (p = memchr (p, '\n', position - p)) != NULL; p++)
    line++;

  return line;
}

static const char *
skip_past (const char *p,
           const char *end,
           const char *marker)
{
  gsize marker_len = strlen (marker);

  for (; p + marker_len <= end; p++)
    {
      p = memchr (p, marker[0], end - p);
      if (p == NULL || p + marker_len > end)
        return NULL;
      if (memcmp (p, marker, marker_len) == 0)
        return p + marker_len;
    }

  return NULL;
}

/* The end of the tag starting at @p ('<'), quoted attribute values skipped, or %NULL. */
static const char *
tag_end (const char *p,
         const char *end)
{
  char quote = 0;

  for (p++; p < end; p++)
    {
      if (quote != 0)
        {
          p = memchr (p, quote, end - p);
          if (p == NULL)
            return NULL;
          quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p;
    }

  return NULL;
}

/*
 * scan_markup:
 * Follows the tags (comments, CDATA and processing instructions skipped) to refuse nesting
 * deeper than the format's before the parser builds it, and any text between two tags longer
 * than the longest value we would store. What is malformed is left to the parser to report.
 */
static gboolean
scan_markup (const char  *data,
             gsize        size,
             GError     **error)
{
  const char *end = data + size;
  const char *p = data;
  int depth = 0;

  while (p < end)
    {
      const char *next = memchr (p, '<', end - p);
      const char *skipped = NULL;

      if (next == NULL)
        next = end;
      if ((gsize) (next - p) > MAX_TEXT_RUN)
        return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, line_at (data, p),
                               _("The file holds a text of more than %u MiB, longer than any value a project stores."),
                               (guint) (MAX_TEXT_RUN / (1024 * 1024)));
      if (next == end)
        break;

      p = next;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        skipped = skip_past (p + 4, end, "-->");
      else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        skipped = skip_past (p + 9, end, "]]>");
      else if (end - p >= 2 && p[1] == '?')
        skipped = skip_past (p + 2, end, "?>");
      else
        {
          const char *close = tag_end (p, end);

          if (close == NULL)
            break;
          if (p[1] == '/')
            depth--;
          else if (p[1] != '!' && close[-1] != '/' && ++depth > MAX_DEPTH)
            return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, line_at (data, p),
                                   _("The elements are nested more deeply than an exchange file ever is."));
          p = close + 1;
          continue;
        }

      /* A comment or a CDATA section is a text too. */
      if ((gsize) ((skipped != NULL ? skipped : end) - next) > MAX_TEXT_RUN)
        return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, line_at (data, next),
                               _("The file holds a text of more than %u MiB, longer than any value a project stores."),
                               (guint) (MAX_TEXT_RUN / (1024 * 1024)));
      if (skipped == NULL)
        break;
      p = skipped;
    }

  return TRUE;
}

/*
 * prescan:
 * One pass over the bytes before any parser sees them. A DOCTYPE (or any other markup
 * declaration) can only come before the root element, so refusing it there means no entity is
 * ever declared: billion laughs, quadratic blow-up, external entities and external DTDs all
 * stop here. Also refused: other encodings than UTF-8, NUL bytes, nesting deeper than the
 * format's, and any stretch between two tags longer than the longest value we would store.
 */
static gboolean
prescan (const char  *data,
         gsize        size,
         GError     **error)
{
  const char *end = NULL;
  const char *p = data;
  const char *nul;

  /* An empty GBytes may have no data at all: NULL + 0 is undefined behaviour. */
  if (size == 0)
    return set_line_error (error, CS_EXCHANGE_ERROR_NOT_XML, 1, _("The file is empty."));
  end = data + size;

  if (size >= 2 && (((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
                    || ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)))
    return set_line_error (error, CS_EXCHANGE_ERROR_NOT_XML, 1,
                           _("Exchange files are written in UTF-8; this one is not."));

  nul = memchr (data, '\0', size);
  if (nul != NULL)
    return set_line_error (error, CS_EXCHANGE_ERROR_NOT_XML, line_at (data, nul),
                           _("The file holds a NUL byte, which XML text never contains."));

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p = skip_past (p + 4, end, "-->");
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        p = skip_past (p + 2, end, "?>");
      else if (end - p >= 2 && memcmp (p, "<!", 2) == 0)
        return set_line_error (error, CS_EXCHANGE_ERROR_FORBIDDEN, line_at (data, p),
                               _("The file declares a document type (DOCTYPE), which exchange files never do; it was not read further."));
      else
        break;

      if (p == NULL)
        break;
    }

  return scan_markup (data, size, error);
}

static void
capture_error_cb (void        *user_data,
                  xmlErrorPtr  error)
{
  FirstError *first = user_data;

  if (first->message != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;

  first->line = error->line;
  first->domain = error->domain;
  first->message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
}

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

static gboolean
set_first_error (Import  *import,
                 GError **error)
{
  FirstError *first = &import->first;
  int line = first->line > 0 ? first->line : xmlTextReaderGetParserLineNumber (import->reader);

  if (first->domain == XML_FROM_RELAXNGV)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("The file does not follow the exchange format (%s)."),
                           first->message);

  return set_line_error (error, CS_EXCHANGE_ERROR_NOT_XML, line,
                         _("The file is not well-formed XML (%s)."),
                         first->message != NULL ? first->message : _("unknown error"));
}

static char *
get_attribute (Import     *import,
               const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (import->reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
start_root (Import  *import,
            int      line,
            GError **error)
{
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (import->reader);
  const char *name = (const char *) xmlTextReaderConstLocalName (import->reader);
  g_autofree char *format = get_attribute (import, "format-version");
  g_autofree char *schema = get_attribute (import, "schema-version");
  guint64 format_version = 0, schema_version = 0;

  if (g_strcmp0 (ns, CS_EXCHANGE_NAMESPACE) != 0
      || g_strcmp0 (name, "contract-scope-exchange") != 0)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("This is not a Contract Scope exchange file."));

  if (format == NULL || schema == NULL
      || !g_ascii_string_to_unsigned (format, 10, 1, G_MAXINT, &format_version, NULL)
      || !g_ascii_string_to_unsigned (schema, 10, 1, G_MAXINT, &schema_version, NULL))
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("The file does not say which version of the format it follows."));

  if (format_version > CS_EXCHANGE_FORMAT_VERSION || schema_version > CS_STORE_SCHEMA_VERSION)
    return set_line_error (error, CS_EXCHANGE_ERROR_TOO_NEW, line,
                           _("The file was written by a newer version of Contract Scope (format %u, project version %u); this version reads up to format %d, project version %d."),
                           (guint) format_version, (guint) schema_version,
                           CS_EXCHANGE_FORMAT_VERSION, CS_STORE_SCHEMA_VERSION);

  import->seen_root = TRUE;
  return TRUE;
}

static gboolean
start_table (Import  *import,
             int      line,
             GError **error)
{
  g_autofree char *name = get_attribute (import, "name");
  int index = name != NULL ? _cs_exchange_find_table (name) : -1;

  if (index < 0)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("“%s” is not a table of a project."), name != NULL ? name : "");

  if (index <= import->last_table)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("The table “%s” comes twice or out of order."), name);

  import->table = index;
  import->last_table = index;
  return TRUE;
}

static gboolean
start_row (Import  *import,
           int      line,
           GError **error)
{
  const CsEntity *entity = _cs_exchange_table_entity (import->table);
  g_autofree char *id = get_attribute (import, "id");
  gint64 value = 0;

  if (id == NULL || !g_ascii_string_to_signed (id, 10, 1, G_MAXINT64, &value, NULL))
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("A row of “%s” has no valid id."), entity->table);

  if (g_hash_table_contains (import->id_maps[import->table], &value))
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("Two rows of “%s” have the id %" PRId64 "."),
                           entity->table, value);

  import->row_id = value;
  import->row_line = line;
  for (guint i = 0; i <= entity->n_fields; i++)
    {
      memset (&import->cells[i], 0, sizeof (CsCell));
      g_string_truncate (import->texts[i], 0);
    }
  g_byte_array_set_size (import->blob, 0);
  import->blob_seen = FALSE;
  g_clear_pointer (&import->blob_compressed, g_bytes_unref);

  return TRUE;
}

static gboolean
start_field (Import  *import,
             int      line,
             GError **error)
{
  const CsEntity *entity = _cs_exchange_table_entity (import->table);
  g_autofree char *name = get_attribute (import, "name");
  g_autofree char *null = get_attribute (import, "null");
  g_autofree char *encoding = get_attribute (import, "encoding");
  guint index = 0;

  /* The blob column comes in as many base64 parts as it takes. */
  if (name != NULL && g_strcmp0 (name, entity->blob_column) == 0)
    {
      if (g_strcmp0 (encoding, "base64") != 0 || null != NULL)
        return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                               _("The value of “%s” is not valid base64."), name);
      import->field = (int) entity->n_fields;
      import->field_line = line;
      import->field_null = FALSE;
      import->field_base64 = TRUE;
      import->blob_seen = TRUE;
      g_string_truncate (import->texts[entity->n_fields], 0);
      return TRUE;
    }

  if (name == NULL || cs_entity_find_field (entity, name, &index) == NULL)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("“%s” is not a field of “%s”."), name != NULL ? name : "",
                           entity->table);

  if (import->cells[index].kind != CS_CELL_ABSENT)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("The field “%s” comes twice in one row."), name);

  import->field = (int) index;
  import->field_line = line;
  import->field_null = g_strcmp0 (null, "true") == 0;
  import->field_base64 = g_strcmp0 (encoding, "base64") == 0;
  /* Marks the field as seen until its value is known. */
  import->cells[index].kind = CS_CELL_NULL;

  return TRUE;
}

static gboolean
decode_base64 (GString *text)
{
  gsize len = 0;

  if (text->len % 4 != 0)
    return FALSE;
  for (gsize i = 0; i < text->len; i++)
    if (!g_ascii_isalnum (text->str[i]) && text->str[i] != '+' && text->str[i] != '/'
        && !(text->str[i] == '=' && i + 2 >= text->len))
      return FALSE;

  if (text->len > 0)
    g_base64_decode_inplace (text->str, &len);
  g_string_truncate (text, len);

  return TRUE;
}

static gboolean
is_valid_date (const GString *text)
{
  guint64 y, m, d;
  char part[5];

  if (text->len != 10 || text->str[4] != '-' || text->str[7] != '-')
    return FALSE;

  memcpy (part, text->str, 4), part[4] = '\0';
  if (!g_ascii_string_to_unsigned (part, 10, 1, 9999, &y, NULL))
    return FALSE;
  memcpy (part, text->str + 5, 2), part[2] = '\0';
  if (!g_ascii_string_to_unsigned (part, 10, 1, 12, &m, NULL))
    return FALSE;
  memcpy (part, text->str + 8, 2), part[2] = '\0';
  if (!g_ascii_string_to_unsigned (part, 10, 1, 31, &d, NULL))
    return FALSE;

  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gint64
lookup_new_id (Import *import,
               int     table,
               gint64  xml_id)
{
  gint64 *entry = table >= 0 ? g_hash_table_lookup (import->id_maps[table], &xml_id) : NULL;

  return entry != NULL ? entry[1] : 0;
}

static gboolean
convert_text (Import         *import,
              const CsField  *field,
              GString        *text,
              CsCell         *cell,
              GError        **error)
{
  int line = import->field_line;

  if (import->field_base64 && !decode_base64 (text))
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("The value of “%s” is not valid base64."), field->column);

  if (text->len > _cs_exchange_max_length (field))
    return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, line,
                           _("The value of “%s” is longer than the %u bytes it may hold."),
                           field->column, (guint) _cs_exchange_max_length (field));

  if (field->type == CS_FIELD_CHOICE
      && (strlen (text->str) != text->len || !g_strv_contains (field->choices, text->str)))
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("The value of “%s” is not one of its choices."), field->column);

  if (field->type == CS_FIELD_DATE && !is_valid_date (text))
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("The value of “%s” is not a date (YYYY-MM-DD)."), field->column);

  cell->kind = CS_CELL_TEXT;
  cell->text = text->str;
  cell->len = text->len;
  return TRUE;
}

static gboolean
convert_value (Import         *import,
               const CsField  *field,
               GString        *text,
               CsCell         *cell,
               GError        **error)
{
  int line = import->field_line;
  char *end = NULL;

  switch (field->type)
    {
    case CS_FIELD_STRING:
    case CS_FIELD_CHOICE:
    case CS_FIELD_DATE:
      return convert_text (import, field, text, cell, error);

    case CS_FIELD_INT:
    case CS_FIELD_BOOLEAN:
      cell->kind = CS_CELL_INT;
      if (import->field_base64
          || !g_ascii_string_to_signed (text->str, 10,
                                        field->type == CS_FIELD_INT ? field->min : 0,
                                        field->type == CS_FIELD_INT ? field->max : 1,
                                        &cell->i, NULL))
        return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                               _("The value of “%s” is not a whole number in its range."),
                               field->column);
      return TRUE;

    case CS_FIELD_NUMBER:
      cell->kind = CS_CELL_REAL;
      if (!import->field_base64 && text->len > 0 && !g_ascii_isspace (text->str[0]))
        cell->d = g_ascii_strtod (text->str, &end);
      if (end == NULL || *end != '\0' || !isfinite (cell->d))
        return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                               _("The value of “%s” is not a number."), field->column);
      return TRUE;

    case CS_FIELD_REF:
      {
        gint64 xml_id = 0;

        cell->kind = CS_CELL_INT;
        if (import->field_base64
            || !g_ascii_string_to_signed (text->str, 10, 1, G_MAXINT64, &xml_id, NULL))
          return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                                 _("The value of “%s” is not a row id."), field->column);

        cell->i = lookup_new_id (import, _cs_exchange_find_table (field->ref_table), xml_id);
        if (cell->i == 0)
          return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                                 _("“%s” refers to row %" PRId64 " of “%s”, which the file does not define before it."),
                                 field->column, xml_id, field->ref_table);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* One part of a blob column: decoded and added to the row's blob. */
static gboolean
end_blob_part (Import          *import,
               const CsEntity  *entity,
               GError         **error)
{
  GString *text = import->texts[entity->n_fields];

  import->field = -1;
  if (!decode_base64 (text))
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, import->field_line,
                           _("The value of “%s” is not valid base64."), entity->blob_column);
  if (import->blob->len + text->len > CS_KEPT_DOCUMENT_MAX_SIZE)
    return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, import->field_line,
                           _("The value of “%s” is longer than the %u bytes it may hold."),
                           entity->blob_column, (guint) CS_KEPT_DOCUMENT_MAX_SIZE);
  g_byte_array_append (import->blob, (const guint8 *) text->str, text->len);

  return TRUE;
}

/* A kept document comes with its bytes, which must be the ones its SHA-256 and size name;
 * they are stored compressed, as cs_store_keep_document() stores them. */
static gboolean
check_blob (Import          *import,
            const CsEntity  *entity,
            GError         **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) local_error = NULL;
  guint size_index = 0, sha256_index = 0;
  const CsCell *size_cell, *sha256_cell;
  CsCell *blob_cell = &import->cells[entity->n_fields];

  g_assert (cs_entity_find_field (entity, "size", &size_index) != NULL);
  g_assert (cs_entity_find_field (entity, "sha256", &sha256_index) != NULL);
  size_cell = &import->cells[size_index];
  sha256_cell = &import->cells[sha256_index];

  if (!import->blob_seen)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, import->row_line,
                           _("A row of “%s” has no “%s”."), entity->table, entity->blob_column);

  contents = g_bytes_new (import->blob->data, import->blob->len);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
  if (size_cell->kind != CS_CELL_INT || (guint64) size_cell->i != import->blob->len
      || sha256_cell->kind != CS_CELL_TEXT || strlen (sha256) != sha256_cell->len
      || memcmp (sha256, sha256_cell->text, sha256_cell->len) != 0)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, import->row_line,
                           _("A kept contract document is not the one its SHA-256 and size name: it was damaged or changed."));

  import->blob_compressed = cs_kept_document_deflate (contents, entity->table, &local_error);
  if (import->blob_compressed == NULL)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, import->row_line, "%s",
                           local_error->message);

  blob_cell->kind = CS_CELL_TEXT;
  blob_cell->text = g_bytes_get_data (import->blob_compressed, &blob_cell->len);
  return TRUE;
}

static gboolean
end_field (Import  *import,
           GError **error)
{
  const CsEntity *entity = _cs_exchange_table_entity (import->table);
  const CsField *field;
  GString *text;
  CsCell *cell;

  if (import->field == (int) entity->n_fields)
    return end_blob_part (import, entity, error);

  field = &entity->fields[import->field];
  text = import->texts[import->field];
  cell = &import->cells[import->field];
  import->field = -1;

  if (!import->field_null)
    return convert_value (import, field, text, cell, error);

  if (text->len > 0)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, import->field_line,
                           _("The field “%s” is marked null but has a value."), field->column);

  if (field->type != CS_FIELD_DATE && field->type != CS_FIELD_NUMBER
      && field->type != CS_FIELD_REF)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, import->field_line,
                           _("The field “%s” cannot be null."), field->column);

  cell->kind = CS_CELL_NULL;
  return TRUE;
}

static gboolean
end_row (Import  *import,
         GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const CsEntity *entity = _cs_exchange_table_entity (import->table);
  gint64 *entry;
  gint64 new_id;

  if (entity->blob_column != NULL && !check_blob (import, entity, error))
    return FALSE;

  new_id = _cs_store_load_row (import->load, import->table, import->cells, &local_error);
  if (new_id == 0)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, import->row_line, "%s",
                           local_error->message);

  entry = g_new (gint64, 2);
  entry[0] = import->row_id;
  entry[1] = new_id;
  g_hash_table_add (import->id_maps[import->table], entry);

  return TRUE;
}

static gboolean
append_text (Import  *import,
             int      line,
             GError **error)
{
  const CsEntity *entity = _cs_exchange_table_entity (import->table);
  GString *text = import->texts[import->field];
  const CsField *field;
  gsize limit;

  /* A part of a blob: no longer than the prescan lets a text be. */
  if (import->field == (int) entity->n_fields)
    {
      g_string_append (text, (const char *) xmlTextReaderConstValue (import->reader));
      if (text->len > MAX_TEXT_RUN)
        return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, line,
                               _("The file holds a text of more than %u MiB, longer than any value a project stores."),
                               (guint) (MAX_TEXT_RUN / (1024 * 1024)));
      return TRUE;
    }

  field = &entity->fields[import->field];
  /* base64 takes 4 bytes for 3 */
  limit = _cs_exchange_max_length (field) / 3 * 4 + 4;
  g_string_append (text, (const char *) xmlTextReaderConstValue (import->reader));
  if (text->len > limit)
    return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, line,
                           _("The value of “%s” is longer than the %u bytes it may hold."),
                           field->column, (guint) _cs_exchange_max_length (field));

  return TRUE;
}

static gboolean
start_element (Import  *import,
               int      depth,
               int      line,
               GError **error)
{
  static const char * const names[] = { "contract-scope-exchange", "table", "row", "field" };
  const char *name = (const char *) xmlTextReaderConstLocalName (import->reader);

  if (++import->n_elements > MAX_ELEMENTS)
    return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, line,
                           _("The file has more than %u million elements, more than any project holds."),
                           (guint) (MAX_ELEMENTS / (1024 * 1024)));

  if (depth >= (int) G_N_ELEMENTS (names))
    return set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, line,
                           _("The elements are nested more deeply than an exchange file ever is."));

  if (g_strcmp0 (name, names[depth]) != 0
      || g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (import->reader),
                    CS_EXCHANGE_NAMESPACE) != 0)
    return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                           _("An element is not where the exchange format allows it."));

  switch (depth)
    {
    case 0: return start_root (import, line, error);
    case 1: return start_table (import, line, error);
    case 2: return start_row (import, line, error);
    case 3: return start_field (import, line, error);
    default: g_assert_not_reached ();
    }
}

static gboolean
end_element (Import  *import,
             int      depth,
             GError **error)
{
  switch (depth)
    {
    case 1: import->table = -1; return TRUE;
    case 2: return end_row (import, error);
    case 3: return end_field (import, error);
    default: return TRUE;
    }
}

/* The line of the node read; the parser itself may be further on. */
static int
node_line (xmlTextReader *reader)
{
  xmlNode *node = xmlTextReaderCurrentNode (reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  return line > 0 && line < G_MAXINT ? (int) line : xmlTextReaderGetParserLineNumber (reader);
}

static gboolean
read_node (Import  *import,
           GError **error)
{
  xmlTextReader *reader = import->reader;
  int depth = xmlTextReaderDepth (reader);
  int line = node_line (reader);

  switch (xmlTextReaderNodeType (reader))
    {
    case XML_READER_TYPE_ELEMENT:
      if (!start_element (import, depth, line, error))
        return FALSE;
      if (xmlTextReaderIsEmptyElement (reader))
        return end_element (import, depth, error);
      return TRUE;

    case XML_READER_TYPE_END_ELEMENT:
      return end_element (import, depth, error);

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      if (depth == 4 && import->field >= 0)
        return append_text (import, line, error);
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_TEXT
          || xmlTextReaderNodeType (reader) == XML_READER_TYPE_CDATA)
        return set_line_error (error, CS_EXCHANGE_ERROR_INVALID, line,
                               _("Text is not where the exchange format allows it."));
      return TRUE;

    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY:
    case XML_READER_TYPE_ENTITY_REFERENCE:
      return set_line_error (error, CS_EXCHANGE_ERROR_FORBIDDEN, line,
                             _("The file declares or uses an entity, which exchange files never do."));

    default:
      return TRUE;
    }
}

static xmlRelaxNG *
load_schema (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) ctxt = NULL;
  xmlRelaxNG *schema;

  bytes = g_resources_lookup_data (EXCHANGE_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);

  ctxt = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                     (int) g_bytes_get_size (bytes));
  xmlRelaxNGSetParserStructuredErrors (ctxt, ignore_error_cb, NULL);
  schema = xmlRelaxNGParse (ctxt);
  g_assert (schema != NULL);

  return schema;
}

static void
import_clear (Import *import)
{
  for (guint i = 0; import->id_maps != NULL && i < import->n_types; i++)
    g_clear_pointer (&import->id_maps[i], g_hash_table_unref);
  for (guint i = 0; import->texts != NULL && i <= import->max_fields; i++)
    g_string_free (import->texts[i], TRUE);
  g_clear_pointer (&import->blob, g_byte_array_unref);
  g_clear_pointer (&import->blob_compressed, g_bytes_unref);
  g_clear_pointer (&import->id_maps, g_free);
  g_clear_pointer (&import->texts, g_free);
  g_clear_pointer (&import->cells, g_free);
  g_clear_pointer (&import->first.message, g_free);
}

static void
import_init (Import      *import,
             CsStoreLoad *load)
{
  guint n_types = 0;

  cs_model_get_record_types (&n_types);

  import->load = load;
  import->n_types = n_types;
  import->last_table = -1;
  import->table = -1;
  import->field = -1;
  import->id_maps = g_new0 (GHashTable *, n_types);
  for (guint i = 0; i < n_types; i++)
    {
      import->id_maps[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      import->max_fields = MAX (import->max_fields, _cs_exchange_table_entity (i)->n_fields);
    }
  /* One more cell and text: a blob column, after the fields. */
  import->cells = g_new0 (CsCell, import->max_fields + 1);
  import->texts = g_new0 (GString *, import->max_fields + 1);
  for (guint i = 0; i <= import->max_fields; i++)
    import->texts[i] = g_string_new (NULL);
  import->blob = g_byte_array_new ();
}

/* Streams the document into @load; the RelaxNG schema is checked along the way. */
static gboolean
read_document (const char   *data,
               gsize         size,
               CsStoreLoad  *load,
               GCancellable *cancellable,
               GError      **error)
{
  g_autoptr(xmlRelaxNG) schema = load_schema ();
  g_autoptr(xmlTextReader) reader = NULL;
  Import import = { 0, };
  gboolean ok = TRUE;
  guint64 n_nodes = 0;
  int ret;

  reader = xmlReaderForMemory (size > 0 ? data : "", (int) size, NULL, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return set_line_error (error, CS_EXCHANGE_ERROR_NOT_XML, 1,
                           _("The file could not be read as XML."));

  import_init (&import, load);
  import.reader = reader;

  /* Before the schema, so that validity errors come to the same handler. */
  xmlTextReaderSetStructuredErrorHandler (reader, capture_error_cb, &import.first);
  if (xmlTextReaderRelaxNGSetSchema (reader, schema) != 0)
    g_error ("The exchange schema could not be set up");

  while (ok && (ret = xmlTextReaderRead (reader)) == 1)
    {
      if ((n_nodes++ & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (xmlTextReaderDepth (reader) > MAX_DEPTH)
        ok = set_line_error (error, CS_EXCHANGE_ERROR_LIMIT, node_line (reader),
                             _("The elements are nested more deeply than an exchange file ever is."));
      else
        ok = read_node (&import, error);

      /* Our own checks speak first; the schema's verdict comes right after. */
      if (ok && import.first.message != NULL)
        ok = set_first_error (&import, error);
    }

  if (ok && (ret < 0 || import.first.message != NULL))
    ok = set_first_error (&import, error);
  if (ok && xmlTextReaderIsValid (reader) != 1)
    ok = set_line_error (error, CS_EXCHANGE_ERROR_INVALID,
                         xmlTextReaderGetParserLineNumber (reader),
                         _("The file does not follow the exchange format."));
  if (ok && !import.seen_root)
    ok = set_line_error (error, CS_EXCHANGE_ERROR_NOT_XML, 1, _("The file is empty."));

  /* The reader is freed before the schema it validates with. */
  g_clear_pointer (&reader, xmlFreeTextReader);
  import_clear (&import);

  return ok;
}

static void
remove_temporary (const char *dir,
                  const char *project)
{
  g_autofree char *journal = g_strconcat (project, "-journal", NULL);

  g_unlink (journal);
  g_unlink (project);
  g_rmdir (dir);
}

/* Fills the project file at @path (just created, closed) from the document. */
static gboolean
load_into (const char   *data,
           gsize         size,
           const char   *path,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(CsStoreLoad) load = NULL;
  g_autoptr(GError) local_error = NULL;

  load = _cs_store_load_new (path, &local_error);
  if (load == NULL)
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("The new project could not be written: %s No project was created."),
                   local_error->message);
      return FALSE;
    }

  if (!read_document (data, size, load, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!_cs_store_load_commit (load, &local_error))
    {
      g_set_error (error, CS_EXCHANGE_ERROR,
                   g_error_matches (local_error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID)
                     ? CS_EXCHANGE_ERROR_INVALID : CS_EXCHANGE_ERROR_IO,
                   _("The exchange file does not make a complete project: %s No project was created."),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * cs_exchange_import_to_new_project:
 * @xml: an exchange file's contents
 * @new_project_path: where to create the new project; no file may exist there
 * @error: return location for a #CsExchangeError
 *
 * Creates a new project holding exactly what @xml describes. The file is checked as it is
 * read (see the top of cs-exchange.c); the project is built in one transaction under a
 * temporary name beside @new_project_path and linked into place only when complete, so a
 * refused file leaves nothing behind and an existing file is never replaced.
 *
 * Returns: (transfer full): the new project, open, or %NULL with @error set
 */
CsStore *
cs_exchange_import_to_new_project (GBytes      *xml,
                                   const char  *new_project_path,
                                   GError     **error)
{
  return cs_exchange_import_to_new_project_full (xml, new_project_path, NULL, error);
}

/**
 * cs_exchange_import_to_new_project_full:
 * @xml: an exchange file's contents
 * @new_project_path: where to create the new project; no file may exist there
 * @cancellable: (nullable): a #GCancellable, checked as the file is read
 * @error: return location for a #CsExchangeError, or %G_IO_ERROR_CANCELLED
 *
 * As cs_exchange_import_to_new_project(), and cancellable: cancelled, it leaves no project
 * file (nor temporary file) behind.
 *
 * Returns: (transfer full): the new project, open, or %NULL with @error set
 */
CsStore *
cs_exchange_import_to_new_project_full (GBytes        *xml,
                                        const char    *new_project_path,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  g_autoptr(CsStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp_project = NULL;
  const char *data;
  gsize size = 0;
  gboolean ok;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (new_project_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (new_project_path);
  data = g_bytes_get_data (xml, &size);

  if (g_file_test (new_project_path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_EXISTS,
                   _("“%s” already exists; it was left unchanged. Choose another name."),
                   display_name);
      return NULL;
    }

  if (size > CS_EXCHANGE_MAX_SIZE)
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_TOO_LARGE,
                   _("The exchange file is larger than %u MiB, more than any project needs; it was not read. No project was created."),
                   (guint) (CS_EXCHANGE_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (!prescan (data, size, error))
    return NULL;

  dir = g_path_get_dirname (new_project_path);
  base = g_path_get_basename (new_project_path);
  tmp_dir = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  if (g_mkdtemp_full (tmp_dir, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” could not be created: %s. No project was created."),
                   display_name, g_strerror (saved_errno));
      return NULL;
    }
  tmp_project = g_build_filename (tmp_dir, base, NULL);

  store = cs_store_create (tmp_project, "", &local_error);
  if (store == NULL)
    {
      g_rmdir (tmp_dir);
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("The new project could not be created: %s"), local_error->message);
      return NULL;
    }
  cs_store_close (store);
  g_clear_object (&store);

  ok = load_into (data, size, tmp_project, cancellable, error);

  /* link() fails if the name was taken in the meantime: nothing is ever replaced. */
  if (ok && link (tmp_project, new_project_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_EXCHANGE_ERROR,
                   saved_errno == EEXIST ? CS_EXCHANGE_ERROR_EXISTS : CS_EXCHANGE_ERROR_IO,
                   _("“%s” could not be created: %s. No project was created."),
                   display_name, g_strerror (saved_errno));
      ok = FALSE;
    }
  remove_temporary (tmp_dir, tmp_project);
  if (!ok)
    return NULL;

  store = cs_store_open (new_project_path, CS_STORE_OPEN_DEFAULT, &local_error);
  if (store == NULL)
    {
      g_unlink (new_project_path);
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_INVALID,
                   _("The imported project could not be opened: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&store);
}
