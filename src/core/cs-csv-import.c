/* cs-csv-import.c
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

#include "cs-csv-import-private.h"

/**
 * CsCsvImport:
 *
 * One CSV inventory file on its way into a project: encoding and delimiter detection, the
 * column mapping (header synonyms in English and French, remembered per header signature),
 * a preview of the first rows as they will be imported, and the import itself.
 *
 * The import writes through a #CsStoreBulk — a connection of its own — in one transaction, so
 * cs_csv_import_run_async() runs in a worker thread while the main thread keeps its #CsStore:
 * the main thread may read the project meanwhile but must not edit it (edits are refused as
 * "in use" until the import ends), nor change this object. A cancelled or failed import leaves
 * the project exactly as it was. cs_csv_import_run_finish() refreshes the store's caches.
 *
 * Files are parsed by libcsv (quotes, embedded newlines, CRLF). Line numbers are those of the
 * file as a text editor shows them; a row spanning several lines has the line it starts on.
 */


G_DEFINE_FINAL_TYPE (CsCsvImport, cs_csv_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (cs-csv-error-quark, cs_csv_error)
G_DEFINE_BOXED_TYPE (CsCsvReport, cs_csv_report, cs_csv_report_ref, cs_csv_report_unref)

/* Header synonyms, normalised (ASCII, lower case, words separated by one space), best first. */
static const struct { CsCsvField field; const char *synonyms[24]; } header_synonyms[] = {
  { CS_CSV_FIELD_NAME, { "name", "nom", "asset name", "device name", "hostname", "host name",
                         "computer name", "nom de l ordinateur", "nom du materiel", "designation",
                         "libelle", "item name", "display name", "machine", "device", NULL } },
  { CS_CSV_FIELD_SERIAL, { "serial number", "serial", "numero de serie", "n de serie",
                           "no de serie", "serial no", "sn", "s n", "service tag", NULL } },
  { CS_CSV_FIELD_SITE, { "site", "location", "lieu", "localisation", "emplacement", "site name",
                         "location name", NULL } },
  { CS_CSV_FIELD_CATEGORY, { "category", "categorie", "asset category", "item type",
                             "type d element", "itemtype", "device type", "device class",
                             "type de materiel", "type d equipement", "class", "role", "type",
                             "kind", "nature", NULL } },
  { CS_CSV_FIELD_VENDOR, { "manufacturer", "fabricant", "vendor", "constructeur", "marque",
                           "brand", "make", "editeur", "publisher", NULL } },
  { CS_CSV_FIELD_MODEL, { "model", "modele", "model name", "model no", "model number",
                          "product", "produit", NULL } },
  { CS_CSV_FIELD_QUANTITY, { "quantity", "quantite", "qty", "qte", "count", "nombre", NULL } },
  { CS_CSV_FIELD_CRITICALITY, { "criticality", "criticite", "business criticality",
                                "criticite metier", "importance", "priority", "priorite", NULL } },
  { CS_CSV_FIELD_OWNER, { "owner", "proprietaire", "user", "utilisateur", "usager",
                          "assigned to", "checked out to", "attribue a", "responsable", NULL } },
  { CS_CSV_FIELD_NOTES, { "notes", "note", "comments", "commentaires", "commentaire",
                          "description", "remarks", "remarques", "observations", NULL } },
};

/* Preparation: header, mapping, preview */

static void
preview_row_free (gpointer data)
{
  PreviewRow *row = data;

  g_strfreev (row->values);
  g_free (row->rejection);
  g_free (row);
}

typedef struct
{
  CsCsvImport *self;
  guint        n_rows;
  guint        header_columns;
  gboolean     header_seen;
  gboolean     too_many;
  guint        header_line;
} PrepareState;

static gboolean
prepare_record_cb (GPtrArray *fields,
                   gboolean   has_nul,
                   guint      line,
                   gpointer   user_data)
{
  PrepareState *state = user_data;
  CsCsvImport *self = state->self;

  if (!state->header_seen)
    {
      if (cs_csv_row_is_blank (fields))
        return TRUE;
      state->header_seen = TRUE;
      state->header_line = line;
      if (fields->len - 1 > CS_CSV_MAX_COLUMNS)
        {
          state->too_many = TRUE;
          return FALSE;
        }
      g_clear_pointer (&self->headers, g_strfreev);
      self->headers = g_new0 (char *, fields->len);
      for (guint i = 0; i + 1 < fields->len; i++)
        {
          char *text = g_ptr_array_index (fields, i);
          const char *reason = NULL;
          g_autofree char *converted = NULL;
          g_autofree char *repaired = NULL;
          char *valid = cs_csv_field_to_utf8 (self, text, strlen (text), &converted, &reason);

          if (valid == NULL)
            valid = repaired = g_utf8_make_valid (text, -1);
          self->headers[i] = g_strdup (g_strstrip (valid));
        }
      return TRUE;
    }

  if (cs_csv_row_is_blank (fields))
    return TRUE;

  state->n_rows++;
  return state->n_rows < CS_CSV_PREVIEW_ROWS;
}

static void
detect_mapping (CsCsvImport *self)
{
  guint n = g_strv_length (self->headers);
  guint best_rank[CS_CSV_N_FIELDS];

  g_free (self->mapping);
  self->mapping = g_new0 (CsCsvField, MAX (n, 1));
  self->n_columns = n;
  for (guint f = 0; f < CS_CSV_N_FIELDS; f++)
    best_rank[f] = G_MAXUINT;

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *norm = cs_csv_normalise (self->headers[c], -1);
      CsCsvField field = CS_CSV_FIELD_NONE;
      guint rank = G_MAXUINT;

      for (guint s = 0; s < G_N_ELEMENTS (header_synonyms); s++)
        for (guint k = 0; header_synonyms[s].synonyms[k] != NULL; k++)
          if (g_str_equal (norm, header_synonyms[s].synonyms[k]) && k < rank)
            {
              field = header_synonyms[s].field;
              rank = k;
            }

      if (field != CS_CSV_FIELD_NONE && rank < best_rank[field])
        {
          for (guint o = 0; o < c; o++)
            if (self->mapping[o] == field)
              self->mapping[o] = CS_CSV_FIELD_NONE;
          self->mapping[c] = field;
          best_rank[field] = rank;
        }
    }
}

static void
compute_signature (CsCsvImport *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint c = 0; self->headers[c] != NULL; c++)
    {
      g_autofree char *norm = cs_csv_normalise (self->headers[c], -1);

      g_checksum_update (checksum, (const guchar *) norm, -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }

  g_free (self->signature);
  self->signature = g_strdup_printf ("csv-header-sha256:%s", g_checksum_get_string (checksum));
}

typedef struct
{
  CsCsvImport *self;
  gboolean     header_seen;
} PreviewState;

static gboolean
preview_record_cb (GPtrArray *fields,
                   gboolean   has_nul,
                   guint      line,
                   gpointer   user_data)
{
  PreviewState *state = user_data;
  CsCsvImport *self = state->self;
  PreviewRow *preview = NULL;
  CsCsvRow row;

  if (cs_csv_row_is_blank (fields))
    return TRUE;
  if (!state->header_seen)
    {
      state->header_seen = TRUE;
      return TRUE;
    }

  preview = g_new0 (PreviewRow, 1);
  preview->line = line;
  preview->rejection = cs_csv_row_convert (self, fields, has_nul, &row);
  preview->values = g_new0 (char *, CS_CSV_N_FIELDS + 1);
  for (guint f = 0; f < CS_CSV_N_FIELDS; f++)
    preview->values[f] = g_strdup (row.values[f] != NULL ? row.values[f] : "");
  if (preview->rejection == NULL)
    {
      g_free (preview->values[CS_CSV_FIELD_CATEGORY]);
      preview->values[CS_CSV_FIELD_CATEGORY] = g_strdup (row.asset.category);
      g_free (preview->values[CS_CSV_FIELD_CRITICALITY]);
      preview->values[CS_CSV_FIELD_CRITICALITY] = g_strdup_printf ("%" G_GINT64_FORMAT, row.asset.criticality);
      g_free (preview->values[CS_CSV_FIELD_QUANTITY]);
      preview->values[CS_CSV_FIELD_QUANTITY] = g_strdup_printf ("%" G_GINT64_FORMAT, row.asset.quantity);
    }
  cs_csv_row_clear (&row);
  g_ptr_array_add (self->preview, preview);

  return self->preview->len < CS_CSV_PREVIEW_ROWS;
}

static void
update_preview (CsCsvImport *self)
{
  PreviewState state = { self, FALSE };
  CsCsvParseResult result;
  const char *data = NULL;
  gsize length = 0;

  g_ptr_array_set_size (self->preview, 0);
  if (self->headers == NULL || !cs_csv_import_decode (self, &data, &length, NULL))
    return;
  cs_csv_parse_text (data, length, self->delimiter, g_strv_length (self->headers), preview_record_cb,
              &state, NULL, &result, FALSE, NULL);
}

const char *
cs_csv_encoding_name (CsCsvEncoding encoding)
{
  switch (encoding)
    {
    case CS_CSV_ENCODING_UTF8:
      return "UTF-8";
    case CS_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    case CS_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case CS_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case CS_CSV_ENCODING_AUTO:
    default:
      return "?";
    }
}

const char *
cs_csv_delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return C_("delimiter", "comma");
    case ';':
      return C_("delimiter", "semicolon");
    case '\t':
      return C_("delimiter", "tab");
    default:
      return "?";
    }
}

/*
 * cs_csv_escape_text:
 * @text: UTF-8 text from a file
 * @max_chars: the length beyond which the text is cut (with "…")
 *
 * Text from a file made safe for a terminal or a message: control characters (which could
 * move the cursor or change the colours of a terminal) are shown as \xNN.
 *
 * Returns: (transfer full): the text to show
 */
char *
cs_csv_escape_text (const char *text,
                    gsize       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out = NULL;
  gsize n = 0;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
    }
  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* The column names as read, quoted and made safe to show, for messages. */
char *
cs_csv_import_describe_header (CsCsvImport *self)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; self->headers[c] != NULL && c < 12; c++)
    {
      g_autofree char *name = cs_csv_escape_text (self->headers[c], 40);

      g_string_append_printf (text, "%s“%s”", c > 0 ? ", " : "", name);
    }
  if (g_strv_length (self->headers) > 12)
    g_string_append (text, ", …");

  return g_string_free (text, FALSE);
}

/* A NUL byte in the header line: a binary file (a spreadsheet) or the wrong encoding. */
static gboolean
check_header_is_text (CsCsvImport  *self,
                      const char   *data,
                      gsize         length,
                      GError      **error)
{
  const char *end = memchr (data, '\n', length);
  gsize header_length = end != NULL ? (gsize) (end - data) : length;

  if (memchr (data, '\0', header_length) == NULL)
    return TRUE;

  g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_ENCODING,
               _("“%s” does not read as text in %s: its first line contains NUL bytes. If it is a spreadsheet, save it as CSV first; if it is text in another encoding, choose that encoding (UTF-16 text has NUL bytes when read as UTF-8). Nothing was imported."),
               self->display_name, cs_csv_encoding_name (self->encoding));
  return FALSE;
}

static gboolean
prepare (CsCsvImport  *self,
         GError      **error)
{
  PrepareState state = { self, 0 };
  CsCsvParseResult result;
  const char *data = NULL;
  gsize length = 0;

  g_clear_pointer (&self->headers, g_strfreev);
  g_ptr_array_set_size (self->preview, 0);

  self->encoding = self->requested_encoding != CS_CSV_ENCODING_AUTO ? self->requested_encoding
                                                                     : cs_csv_detect_encoding (self->raw);
  if (!cs_csv_import_decode (self, &data, &length, error) || !check_header_is_text (self, data, length, error))
    return FALSE;
  self->valid_utf8 = self->encoding != CS_CSV_ENCODING_WINDOWS_1252
                     && g_utf8_validate_len (data, length, NULL);

  self->delimiter = self->requested_delimiter != 0 ? self->requested_delimiter
                                                   : cs_csv_detect_delimiter (data, length);

  if (!cs_csv_parse_text (data, length, self->delimiter, CS_CSV_MAX_COLUMNS + 1, prepare_record_cb,
                   &state, NULL, &result, FALSE, error))
    return FALSE;

  if (state.too_many)
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_TOO_MANY_COLUMNS,
                   _("Line %u of “%s” has more than %u columns; nothing was imported. Is the delimiter right?"),
                   state.header_line, self->display_name, CS_CSV_MAX_COLUMNS);
      return FALSE;
    }

  if (!state.header_seen)
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_EMPTY,
                   _("“%s” is empty; nothing was imported."), self->display_name);
      return FALSE;
    }

  if (state.n_rows == 0)
    {
      if (result.unclosed_quote)
        g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_NO_ROWS,
                     _("Line %u of “%s” opens a quote that is never closed; nothing was imported."),
                     result.unclosed_line, self->display_name);
      else
        {
          g_autofree char *header = cs_csv_import_describe_header (self);

          g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_NO_ROWS,
                       _("“%s” has a header line but no rows; nothing was imported. Its first line, read as %s with the delimiter “%s”, gives the columns %s: if these are not its column names, the encoding or the delimiter is wrong."),
                       self->display_name, cs_csv_encoding_name (self->encoding),
                       cs_csv_delimiter_name (self->delimiter), header);
        }
      return FALSE;
    }

  detect_mapping (self);
  compute_signature (self);
  update_preview (self);

  /* Preparing read the whole file; the import reads it again, a window at a time. */
  if (self->mapped)
    cs_csv_release_pages (g_bytes_get_data (self->raw, NULL), 0, g_bytes_get_size (self->raw));

  return TRUE;
}

/* GObject */

static void
cs_csv_import_finalize (GObject *object)
{
  CsCsvImport *self = CS_CSV_IMPORT (object);

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->raw, g_bytes_unref);
  g_clear_pointer (&self->decoded, g_free);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->mapping, g_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->default_category, g_free);
  g_clear_pointer (&self->remembered_date, g_free);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->line_actions, g_hash_table_unref);
  g_clear_pointer (&self->category_cache, g_hash_table_unref);

  G_OBJECT_CLASS (cs_csv_import_parent_class)->finalize (object);
}

static void
cs_csv_import_class_init (CsCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_csv_import_finalize;
}

static void
cs_csv_import_init (CsCsvImport *self)
{
  self->preview = g_ptr_array_new_with_free_func (preview_row_free);
  self->line_actions = g_hash_table_new (NULL, NULL);
  self->category_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->default_category = g_strdup ("other");
}

static CsCsvImport *
new_for_bytes (GBytes      *bytes,
               const char  *display_name,
               gboolean     mapped,
               GError     **error)
{
  g_autoptr(CsCsvImport) self = NULL;

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_EMPTY,
                   _("“%s” is empty; nothing was imported."), display_name);
      return NULL;
    }

  self = g_object_new (CS_TYPE_CSV_IMPORT, NULL);
  self->display_name = g_strdup (display_name);
  self->raw = g_bytes_ref (bytes);
  self->mapped = mapped;

  if (!prepare (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Public API */

/**
 * cs_csv_import_new_for_bytes:
 * @bytes: the file contents
 * @display_name: the file name for messages
 * @error: return location for a #CsCsvError
 *
 * Detects the encoding, the delimiter and the mapping, and builds the preview.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL when the file cannot be imported
 */
CsCsvImport *
cs_csv_import_new_for_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_for_bytes (bytes, display_name, FALSE, error);
}

/**
 * cs_csv_import_new_for_path:
 * @path: a CSV file
 * @error: return location for a #CsCsvError
 *
 * See cs_csv_import_new_for_bytes(). The file is mapped, not copied, and read a few megabytes at
 * a time: what was read is not kept resident.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
CsCsvImport *
cs_csv_import_new_for_path (const char  *path,
                            GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);

  /* stat() before open(): opening a FIFO blocks until something writes to it. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_IO,
                   _("“%s” is not a regular file; nothing was imported."), display_name);
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_IO,
                   _("“%s” could not be read (%s); nothing was imported."),
                   display_name, local_error->message);
      return NULL;
    }

  if ((gint64) g_mapped_file_get_length (mapped) > CS_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_TOO_BIG,
                   _("“%s” is larger than 1 GB; nothing was imported. Split it into smaller files."),
                   display_name);
      return NULL;
    }

  /* The import keeps no more of it resident than it reads at a time (cs_csv_release_pages()). */
  bytes = g_mapped_file_get_bytes (mapped);
  return new_for_bytes (bytes, display_name, TRUE, error);
}

/**
 * cs_csv_import_configure:
 * @self: an import
 * @encoding: the encoding, or %CS_CSV_ENCODING_AUTO
 * @delimiter: `,` `;` or a tab, or 0 to detect it
 * @error: return location for a #CsCsvError
 *
 * Reads the file again with another encoding or delimiter; the mapping is detected anew.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_csv_import_configure (CsCsvImport    *self,
                         CsCsvEncoding   encoding,
                         char            delimiter,
                         GError        **error)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->requested_encoding = encoding;
  self->requested_delimiter = delimiter;

  return prepare (self, error);
}

/**
 * cs_csv_import_get_encoding:
 * @self: an import
 *
 * Returns: the encoding detected or chosen
 */
CsCsvEncoding
cs_csv_import_get_encoding (CsCsvImport *self)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), CS_CSV_ENCODING_AUTO);

  return self->encoding;
}

/**
 * cs_csv_import_get_delimiter:
 * @self: an import
 *
 * Returns: the delimiter detected or chosen
 */
char
cs_csv_import_get_delimiter (CsCsvImport *self)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), ',');

  return self->delimiter;
}

/**
 * cs_csv_import_get_headers:
 * @self: an import
 *
 * Returns: (transfer none): the column headers, as in the file
 */
const char * const *
cs_csv_import_get_headers (CsCsvImport *self)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);

  return (const char * const *) self->headers;
}

/**
 * cs_csv_import_get_n_columns:
 * @self: an import
 *
 * Returns: the number of columns of the header
 */
guint
cs_csv_import_get_n_columns (CsCsvImport *self)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), 0);

  return g_strv_length (self->headers);
}

/**
 * cs_csv_import_get_column_field:
 * @self: an import
 * @column: a column index
 *
 * Returns: the field @column is imported into
 */
CsCsvField
cs_csv_import_get_column_field (CsCsvImport *self,
                                guint        column)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), CS_CSV_FIELD_NONE);
  g_return_val_if_fail (column < cs_csv_import_get_n_columns (self), CS_CSV_FIELD_NONE);

  return self->mapping[column];
}

/**
 * cs_csv_import_set_column_field:
 * @self: an import
 * @column: a column index
 * @field: the field to import it into; another column mapped to @field is unmapped
 *
 * Changes the mapping and rebuilds the preview.
 */
void
cs_csv_import_set_column_field (CsCsvImport *self,
                                guint        column,
                                CsCsvField   field)
{
  g_return_if_fail (CS_IS_CSV_IMPORT (self));
  g_return_if_fail (column < cs_csv_import_get_n_columns (self));
  g_return_if_fail (field < CS_CSV_N_FIELDS);

  if (field != CS_CSV_FIELD_NONE)
    for (guint c = 0; self->headers[c] != NULL; c++)
      if (self->mapping[c] == field)
        self->mapping[c] = CS_CSV_FIELD_NONE;
  self->mapping[column] = field;
  self->mapping_remembered = FALSE;
  update_preview (self);
}

/**
 * cs_csv_import_parse_mapping:
 * @self: an import
 * @spec: "COLUMN=FIELD", where COLUMN is a header (case-insensitive) or a 1-based column
 *   number, and FIELD a name of cs_csv_field_get_id() ("none" to skip the column)
 * @error: return location for a #CsCsvError
 *
 * Returns: %TRUE if @spec was understood and applied
 */
gboolean
cs_csv_import_parse_mapping (CsCsvImport  *self,
                             const char   *spec,
                             GError      **error)
{
  g_auto(GStrv) parts = NULL;
  CsCsvField field = CS_CSV_FIELD_NONE;
  guint64 number = 0;

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  parts = g_strsplit (spec, "=", 2);
  if (g_strv_length (parts) != 2 || !cs_csv_field_from_id (g_strstrip (parts[1]), &field))
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_MAPPING,
                   _("“%s” is not COLUMN=FIELD with FIELD one of category, name, site, quantity, criticality, owner, vendor, model, serial, notes, none"),
                   spec);
      return FALSE;
    }

  g_strstrip (parts[0]);
  for (guint c = 0; self->headers[c] != NULL; c++)
    if (g_utf8_collate (parts[0], self->headers[c]) == 0
        || g_ascii_strcasecmp (parts[0], self->headers[c]) == 0)
      {
        cs_csv_import_set_column_field (self, c, field);
        return TRUE;
      }

  if (g_ascii_string_to_unsigned (parts[0], 10, 1, cs_csv_import_get_n_columns (self), &number, NULL))
    {
      cs_csv_import_set_column_field (self, number - 1, field);
      return TRUE;
    }

  g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_MAPPING,
               _("The file has no column “%s”"), parts[0]);
  return FALSE;
}

/**
 * cs_csv_import_describe:
 * @self: an import
 *
 * How the file is read, for every import summary: the encoding and the delimiter (detected
 * or asked for), the column mapping (and whether it is the one remembered for this header,
 * saved on which date), the columns ignored, and the values given to every asset for want of
 * a column. Column names are made safe for a terminal (cs_csv_escape_text()).
 *
 * Returns: (transfer full): translated lines, each ending with a newline
 */
char *
cs_csv_import_describe (CsCsvImport *self)
{
  GString *text = NULL;
  GString *ignored = NULL;
  gboolean mapped[CS_CSV_N_FIELDS] = { FALSE };

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);

  text = g_string_new (NULL);
  ignored = g_string_new (NULL);
  g_string_append_printf (text, _("Encoding: %s (%s)\n"), cs_csv_encoding_name (self->encoding),
                          self->requested_encoding != CS_CSV_ENCODING_AUTO ? _("as asked") : _("detected"));
  g_string_append_printf (text, _("Delimiter: %s (%s)\n"), cs_csv_delimiter_name (self->delimiter),
                          self->requested_delimiter != 0 ? _("as asked") : _("detected"));
  if (self->mapping_remembered && self->remembered_date != NULL)
    {
      g_autofree char *date = cs_csv_escape_text (self->remembered_date, 10);

      g_string_append_printf (text, _("Columns: using the mapping saved on %s for files with this header\n"), date);
    }
  else if (self->mapping_remembered)
    {
      g_string_append (text, _("Columns: using the mapping saved by an earlier import of a file with this header\n"));
    }
  else
    {
      g_string_append (text, _("Columns:\n"));
    }

  for (guint c = 0; self->headers[c] != NULL; c++)
    {
      g_autofree char *name = cs_csv_escape_text (self->headers[c], 60);

      if (self->mapping[c] == CS_CSV_FIELD_NONE)
        {
          g_string_append_printf (ignored, "%s“%s”", ignored->len > 0 ? ", " : "", name);
          continue;
        }
      mapped[self->mapping[c]] = TRUE;
      g_string_append_printf (text, "  “%s” → %s\n", name, cs_csv_field_get_label (self->mapping[c]));
    }
  if (ignored->len > 0)
    g_string_append_printf (text, _("Ignored columns: %s\n"), ignored->str);
  g_string_free (ignored, TRUE);

  if (!mapped[CS_CSV_FIELD_CATEGORY])
    g_string_append_printf (text, _("No column gives the category: every asset is set to “%s”.\n"),
                            cs_asset_category_get_label (self->default_category));
  else
    g_string_append_printf (text, _("Rows without a category are set to “%s”.\n"),
                            cs_asset_category_get_label (self->default_category));
  if (!mapped[CS_CSV_FIELD_CRITICALITY])
    g_string_append (text, _("No column gives the criticality: every asset is set to High (2).\n"));
  if (!mapped[CS_CSV_FIELD_QUANTITY])
    g_string_append (text, _("No column gives the quantity: every asset counts as 1.\n"));
  if (!mapped[CS_CSV_FIELD_SITE])
    g_string_append (text, _("No column gives the site: the assets get no site.\n"));

  return g_string_free (text, FALSE);
}

/**
 * cs_csv_import_get_signature:
 * @self: an import
 *
 * Returns: the signature of the header, the key of the remembered mapping
 */
const char *
cs_csv_import_get_signature (CsCsvImport *self)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);

  return self->signature;
}

/**
 * cs_csv_import_get_mapping_string:
 * @self: an import
 *
 * Returns: (transfer full): the mapping as stored in `import_mapping.mapping`: one
 *   "COLUMN-NUMBER<TAB>FIELD" line per imported column
 */
char *
cs_csv_import_get_mapping_string (CsCsvImport *self)
{
  GString *text = NULL;

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);

  text = g_string_new (NULL);
  for (guint c = 0; self->headers[c] != NULL; c++)
    if (self->mapping[c] != CS_CSV_FIELD_NONE)
      g_string_append_printf (text, "%u\t%s\n", c + 1, cs_csv_field_get_id (self->mapping[c]));

  return g_string_free (text, FALSE);
}

/**
 * cs_csv_import_apply_remembered_mapping:
 * @self: an import
 * @store: the project
 *
 * Applies the mapping chosen the last time a file with the same header was imported into
 * @store, if any.
 *
 * Returns: %TRUE if a remembered mapping was applied
 */
gboolean
cs_csv_import_apply_remembered_mapping (CsCsvImport *self,
                                        CsStore     *store)
{
  GListModel *mappings = NULL;
  guint n_columns;

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (CS_IS_STORE (store), FALSE);

  n_columns = cs_csv_import_get_n_columns (self);
  mappings = cs_store_list (store, CS_TYPE_IMPORT_MAPPING, 0);
  for (guint i = 0; i < g_list_model_get_n_items (mappings); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (mappings, i);
      g_auto(GStrv) lines = NULL;

      if (g_strcmp0 (cs_record_get_string (record, "signature"), self->signature) != 0)
        continue;

      memset (self->mapping, 0, sizeof (CsCsvField) * n_columns);
      g_clear_pointer (&self->remembered_date, g_free);
      lines = g_strsplit (cs_record_get_string (record, "mapping"), "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[l], "\t", 2);
          guint64 column = 0;
          CsCsvField field;

          /* "saved\tYYYY-MM-DD": when the mapping was saved (older mappings have none). */
          if (g_strv_length (parts) == 2 && g_str_equal (parts[0], "saved"))
            {
              g_free (self->remembered_date);
              self->remembered_date = g_strdup (parts[1]);
              continue;
            }
          if (g_strv_length (parts) == 2
              && g_ascii_string_to_unsigned (parts[0], 10, 1, n_columns, &column, NULL)
              && cs_csv_field_from_id (parts[1], &field))
            self->mapping[column - 1] = field;
        }
      self->mapping_remembered = TRUE;
      update_preview (self);
      return TRUE;
    }

  return FALSE;
}

/**
 * cs_csv_import_set_default_category:
 * @self: an import
 * @category: the category of rows with no category or type ("other" unless set)
 *
 * Sets the category given to rows whose category cell is empty or missing.
 */
void
cs_csv_import_set_default_category (CsCsvImport *self,
                                    const char  *category)
{
  g_return_if_fail (CS_IS_CSV_IMPORT (self));
  g_return_if_fail (category != NULL && g_strv_contains (cs_asset_categories (), category));

  g_free (self->default_category);
  self->default_category = g_strdup (category);
  update_preview (self);
}

/**
 * cs_csv_import_get_n_preview_rows:
 * @self: an import
 *
 * Returns: the number of preview rows (at most %CS_CSV_PREVIEW_ROWS)
 */
guint
cs_csv_import_get_n_preview_rows (CsCsvImport *self)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), 0);

  return self->preview->len;
}

/**
 * cs_csv_import_get_preview_row:
 * @self: an import
 * @row: a preview row index
 * @out_line: (out) (optional): the line the row starts on
 * @out_rejection: (out) (optional) (nullable) (transfer none): why the row would be rejected
 *
 * Returns: (transfer none): the values the row would be imported with, indexed by #CsCsvField
 *   (category as a category id, criticality and quantity as numbers)
 */
const char * const *
cs_csv_import_get_preview_row (CsCsvImport  *self,
                               guint         row,
                               guint        *out_line,
                               const char  **out_rejection)
{
  PreviewRow *preview = NULL;

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->preview->len, NULL);

  preview = g_ptr_array_index (self->preview, row);
  if (out_line != NULL)
    *out_line = preview->line;
  if (out_rejection != NULL)
    *out_rejection = preview->rejection;

  return (const char * const *) preview->values;
}

/**
 * cs_csv_import_set_duplicate_action:
 * @self: an import
 * @action: what to do with duplicate rows (%CS_DUPLICATE_SKIP unless set)
 *
 * Sets the choice for every duplicate row without a choice of its own.
 */
void
cs_csv_import_set_duplicate_action (CsCsvImport       *self,
                                    CsDuplicateAction  action)
{
  g_return_if_fail (CS_IS_CSV_IMPORT (self));

  self->duplicate_action = action;
}

/**
 * cs_csv_import_set_line_duplicate_action:
 * @self: an import
 * @line: the line of a duplicate row, as listed in a dry run's report
 * @action: what to do with it
 *
 * Sets the choice for one duplicate row.
 */
void
cs_csv_import_set_line_duplicate_action (CsCsvImport       *self,
                                         guint              line,
                                         CsDuplicateAction  action)
{
  g_return_if_fail (CS_IS_CSV_IMPORT (self));

  g_hash_table_insert (self->line_actions, GUINT_TO_POINTER (line), GUINT_TO_POINTER (action + 1));
}

/**
 * cs_csv_import_get_progress:
 * @self: an import
 *
 * Safe to call from the main thread while cs_csv_import_run_async() runs (poll it from a
 * timeout to drive a progress bar).
 *
 * Returns: the fraction of the file processed, 0 to 1
 */
double
cs_csv_import_get_progress (CsCsvImport *self)
{
  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), 0.0);

  return g_atomic_int_get (&self->progress) / 1e6;
}

