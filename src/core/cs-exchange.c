/* cs-exchange.c
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
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The XML exchange format: a whole project as a typed dump of its tables.
 *
 *   <contract-scope-exchange xmlns="…/exchange/1" format-version="1" schema-version="1">
 *     <table name="site">
 *       <row id="1">
 *         <field name="name">Head office</field>
 *         <field name="notes"/>                        (empty text)
 *         <field name="position">0</field>
 *       </row>
 *     </table>
 *     <table name="asset">
 *       <row id="1">
 *         <field name="site_id">1</field>              (a reference: the row id of the site)
 *         <field name="serial" encoding="base64">AQI=</field>  (text XML cannot hold)
 *         <field name="price" null="true"/>            (SQL NULL: not stated)
 *       …
 *
 * Every table of the model comes once, in the order of cs_model_get_record_types() (parents
 * before children), every row in id order with every field of its entity in column order.
 * Row ids are renumbered 1…n in each table and references follow, so the file depends only on
 * what the project holds: export → import → export gives the same bytes. Numbers are written
 * with the fewest digits that read back to the same double.
 *
 * A table whose entity has a blob column (a kept contract document) writes it last, as the
 * document itself in base64, in as many <field> elements of that name as it takes (at most
 * 6 MiB of base64 each), after its "sha256" field that import checks it against.
 *
 * Reading is in cs-exchange-import.c.
 */

#define FLUSH_SIZE (256 * 1024)
/* The longest text of one part of a blob, in bytes of base64. */
#define BLOB_PART ((gsize) 6 * 1024 * 1024)

G_DEFINE_QUARK (cs-exchange-error-quark, cs_exchange_error)

/* The model */

/* The entity of table @index of cs_model_get_record_types(). */
const CsEntity *
_cs_exchange_table_entity (guint index)
{
  guint n_types = 0;
  const GType *types = cs_model_get_record_types (&n_types);

  g_assert (index < n_types);
  return cs_record_type_get_entity (types[index]);
}

/* The index of the table named @name, or -1. */
int
_cs_exchange_find_table (const char *name)
{
  guint n_types = 0;

  cs_model_get_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    if (g_str_equal (_cs_exchange_table_entity (i)->table, name))
      return (int) i;

  return -1;
}

/* The longest value of a text field, in bytes. */
gsize
_cs_exchange_max_length (const CsField *field)
{
  return field->max_length != 0 ? field->max_length : CS_EXCHANGE_DEFAULT_MAX_TEXT;
}

/* Export */

typedef struct
{
  GString  *out;
  FILE     *fp;          /* NULL: everything stays in @out */
  guint     n_types;
  GArray  **ids;         /* per table: the stored ids, ascending; export id = index + 1 */
  int      *ref_tables;  /* per table × field: the index of the referenced table, or -1 */
  guint     max_fields;
  int       open_table;  /* the table whose rows are being written, or -1 */
  GCancellable *cancellable;
  guint64   n_rows;
} Export;

static void
export_clear (Export *export)
{
  for (guint i = 0; export->ids != NULL && i < export->n_types; i++)
    g_clear_pointer (&export->ids[i], g_array_unref);
  g_clear_pointer (&export->ids, g_free);
  g_clear_pointer (&export->ref_tables, g_free);
  if (export->out != NULL)
    g_string_free (g_steal_pointer (&export->out), TRUE);
}

static gboolean
export_flush (Export  *export,
              gboolean force,
              GError **error)
{
  if (export->fp == NULL || (!force && export->out->len < FLUSH_SIZE))
    return TRUE;

  if (export->out->len > 0 && fwrite (export->out->str, 1, export->out->len, export->fp)
                              != export->out->len)
    {
      int saved_errno = errno;

      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("The exchange file could not be written: %s."), g_strerror (saved_errno));
      return FALSE;
    }
  g_string_truncate (export->out, 0);

  return TRUE;
}

static gboolean
export_id_cb (guint     table_index,
              gint64    id,
              gpointer  user_data,
              GError  **error)
{
  Export *export = user_data;

  g_array_append_val (export->ids[table_index], id);
  return TRUE;
}

/* The export id of a stored id (rows come in id order, so a binary search finds it). */
static gint64
export_id (Export *export,
           guint   table_index,
           gint64  id)
{
  GArray *ids = export->ids[table_index];
  guint lo = 0, hi = ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 value = g_array_index (ids, gint64, mid);

      if (value == id)
        return (gint64) mid + 1;
      if (value < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return 0;
}

/* Text XML 1.0 can carry as character data: valid UTF-8, no NUL, only allowed characters. */
static gboolean
is_xml_text (const char *text,
             gsize       len)
{
  const char *end = text + len;

  if (!g_utf8_validate_len (text, len, NULL))
    return FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }

  return TRUE;
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      switch (text[i])
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        /* A literal CR would be read back as LF. */
        case '\r': g_string_append (out, "&#13;"); break;
        default: g_string_append_c (out, text[i]); break;
        }
    }
}

/* The shortest decimal form that reads back to exactly @value. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (digits == 17 || g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
}

static void
open_table (Export *export,
            guint   index)
{
  if (export->open_table >= 0)
    g_string_append (export->out, "  </table>\n");

  /* Tables without rows in between are still listed, empty. */
  for (int i = export->open_table + 1; i < (int) index; i++)
    g_string_append_printf (export->out, "  <table name=\"%s\"/>\n", _cs_exchange_table_entity (i)->table);

  g_string_append_printf (export->out, "  <table name=\"%s\">\n", _cs_exchange_table_entity (index)->table);
  export->open_table = (int) index;
}

static gboolean
append_field (Export         *export,
              guint           table_index,
              guint           field_index,
              const CsField  *field,
              const CsCell   *cell,
              GError        **error)
{
  GString *out = export->out;
  int ref_table = export->ref_tables[table_index * export->max_fields + field_index];

  g_string_append_printf (out, "      <field name=\"%s\"", field->column);

  switch (cell->kind)
    {
    case CS_CELL_NULL:
    case CS_CELL_ABSENT:
      g_string_append (out, " null=\"true\"/>\n");
      return TRUE;

    case CS_CELL_INT:
      if (ref_table >= 0)
        {
          gint64 id = export_id (export, ref_table, cell->i);

          if (id == 0)
            {
              g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_INVALID,
                           _("The project is damaged: “%s” refers to a row that does not exist. Nothing was exported."),
                           field->column);
              return FALSE;
            }
          g_string_append_printf (out, ">%" PRId64 "</field>\n", id);
        }
      else
        {
          g_string_append_printf (out, ">%" PRId64 "</field>\n", cell->i);
        }
      return TRUE;

    case CS_CELL_REAL:
      g_string_append_c (out, '>');
      append_number (out, cell->d);
      g_string_append (out, "</field>\n");
      return TRUE;

    case CS_CELL_TEXT:
      if (cell->len == 0)
        {
          g_string_append (out, "/>\n");
        }
      else if (is_xml_text (cell->text, cell->len))
        {
          g_string_append_c (out, '>');
          append_escaped (out, cell->text, cell->len);
          g_string_append (out, "</field>\n");
        }
      else
        {
          g_autofree char *encoded = g_base64_encode ((const guchar *) cell->text, cell->len);

          g_string_append_printf (out, " encoding=\"base64\">%s</field>\n", encoded);
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* A kept document's bytes, inflated and checked against its SHA-256, in parts of at most
 * BLOB_PART bytes of base64 each (libxml2 refuses longer texts without XML_PARSE_HUGE). */
static gboolean
append_blob (Export          *export,
             const CsEntity  *entity,
             const CsCell    *cells,
             GError         **error)
{
  const CsCell *blob = &cells[entity->n_fields];
  g_autoptr(GBytes) compressed = g_bytes_new_static (blob->text, blob->len);
  g_autoptr(GBytes) contents = NULL;
  guint size_index = 0, sha256_index = 0, name_index = 0;
  const guint8 *data;
  gsize len = 0;

  g_assert (cs_entity_find_field (entity, "size", &size_index) != NULL);
  g_assert (cs_entity_find_field (entity, "sha256", &sha256_index) != NULL);
  g_assert (cs_entity_find_field (entity, "file_name", &name_index) != NULL);

  contents = cs_kept_document_inflate (compressed, (gsize) cells[size_index].i,
                                       cells[sha256_index].text != NULL ? cells[sha256_index].text : "",
                                       cells[name_index].text != NULL ? cells[name_index].text : "",
                                       error);
  if (contents == NULL)
    return FALSE;

  data = g_bytes_get_data (contents, &len);
  do
    {
      gsize part = MIN (len, BLOB_PART / 4 * 3);
      g_autofree char *encoded = g_base64_encode (data, part);

      g_string_append_printf (export->out, "      <field name=\"%s\" encoding=\"base64\">%s</field>\n",
                              entity->blob_column, encoded);
      if (!export_flush (export, FALSE, error))
        return FALSE;
      data += part;
      len -= part;
    }
  while (len > 0);

  return TRUE;
}

static gboolean
export_row_cb (guint          table_index,
               gint64         id,
               const CsCell  *cells,
               gpointer       user_data,
               GError       **error)
{
  Export *export = user_data;
  const CsEntity *entity = _cs_exchange_table_entity (table_index);

  if ((export->n_rows++ & 255) == 0
      && g_cancellable_set_error_if_cancelled (export->cancellable, error))
    return FALSE;
  if ((int) table_index != export->open_table)
    open_table (export, table_index);

  g_string_append_printf (export->out, "    <row id=\"%" PRId64 "\">\n",
                          export_id (export, table_index, id));
  for (guint i = 0; i < entity->n_fields; i++)
    if (!append_field (export, table_index, i, &entity->fields[i], &cells[i], error))
      return FALSE;
  if (entity->blob_column != NULL && !append_blob (export, entity, cells, error))
    return FALSE;
  g_string_append (export->out, "    </row>\n");

  return export_flush (export, FALSE, error);
}

static void
export_init (Export  *export,
             FILE    *fp)
{
  guint n_types = 0;

  cs_model_get_record_types (&n_types);

  export->out = g_string_sized_new (FLUSH_SIZE + 4096);
  export->fp = fp;
  export->n_types = n_types;
  export->open_table = -1;
  export->ids = g_new0 (GArray *, n_types);
  for (guint i = 0; i < n_types; i++)
    {
      export->ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
      export->max_fields = MAX (export->max_fields, _cs_exchange_table_entity (i)->n_fields);
    }

  export->ref_tables = g_new (int, n_types * export->max_fields);
  for (guint i = 0; i < n_types; i++)
    {
      const CsEntity *entity = _cs_exchange_table_entity (i);

      for (guint f = 0; f < export->max_fields; f++)
        export->ref_tables[i * export->max_fields + f] =
          f < entity->n_fields && entity->fields[f].type == CS_FIELD_REF
            ? _cs_exchange_find_table (entity->fields[f].ref_table) : -1;
    }
}

static gboolean
export_run (Export   *export,
            CsStore  *store,
            GError  **error)
{
  g_string_append_printf (export->out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<contract-scope-exchange xmlns=\"%s\" format-version=\"%d\" schema-version=\"%d\">\n",
                          CS_EXCHANGE_NAMESPACE, CS_EXCHANGE_FORMAT_VERSION,
                          cs_store_get_schema_version (store));

  if (!_cs_store_dump (store, export_id_cb, export_row_cb, export, error))
    return FALSE;

  if (export->open_table >= 0)
    g_string_append (export->out, "  </table>\n");
  for (guint i = export->open_table + 1; i < export->n_types; i++)
    g_string_append_printf (export->out, "  <table name=\"%s\"/>\n", _cs_exchange_table_entity (i)->table);
  g_string_append (export->out, "</contract-scope-exchange>\n");

  return export_flush (export, TRUE, error);
}

/**
 * cs_exchange_export_to_bytes:
 * @store: an open project
 * @error: return location for an error
 *
 * Writes the whole project, every table, in the XML exchange format.
 *
 * Returns: (transfer full): the UTF-8 XML document, or %NULL with @error set
 */
GBytes *
cs_exchange_export_to_bytes (CsStore  *store,
                             GError  **error)
{
  Export export = { 0, };
  GBytes *bytes;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  export_init (&export, NULL);
  if (!export_run (&export, store, error))
    {
      export_clear (&export);
      return NULL;
    }

  bytes = g_string_free_to_bytes (g_steal_pointer (&export.out));
  export_clear (&export);

  return bytes;
}

/**
 * cs_exchange_export_to_file:
 * @store: an open project
 * @path: the XML file to write; an existing file is replaced (callers ask first)
 * @error: return location for an error
 *
 * Writes the whole project in the XML exchange format to a temporary file beside @path,
 * flushed to disk, then renamed over @path: a failure never leaves a partial file and never
 * touches an existing one. Refuses to write over the project file itself.
 *
 * Returns: %TRUE when @path holds the complete export
 */
gboolean
cs_exchange_export_to_file (CsStore     *store,
                            const char  *path,
                            GError     **error)
{
  return cs_exchange_export_to_file_full (store, path, NULL, error);
}

/**
 * cs_exchange_export_to_file_full:
 * @store: an open project
 * @path: the XML file to write; an existing file is replaced (callers ask first)
 * @cancellable: (nullable): a #GCancellable, checked between rows
 * @error: return location for an error
 *
 * As cs_exchange_export_to_file(), and cancellable: cancelled, it leaves no file behind and
 * an existing one unchanged (%G_IO_ERROR_CANCELLED). It only reads @store, so a worker thread
 * may run it on a store of its own (a copy from cs_store_save_copy(), for instance).
 *
 * Returns: %TRUE when @path holds the complete export
 */
gboolean
cs_exchange_export_to_file_full (CsStore       *store,
                                 const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  Export export = { 0, };
  g_autofree char *display_name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  gboolean ok;
  FILE *fp;
  int fd;

  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_basename (path);

  if (g_strcmp0 (path, cs_store_get_path (store)) == 0
      || cs_store_is_file (store, path))
    {
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_SAME_FILE,
                   _("“%s” is the project being exported; it was left unchanged. Choose another file."),
                   display_name);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0 || (fp = fdopen (fd, "w")) == NULL)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmp_path);
        }
      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” could not be written: %s. Nothing was changed."),
                   display_name, g_strerror (saved_errno));
      return FALSE;
    }

  export_init (&export, fp);
  export.cancellable = cancellable;
  ok = export_run (&export, store, error);
  export_clear (&export);

  if (ok && (fflush (fp) != 0 || fsync (fileno (fp)) != 0))
    {
      int saved_errno = errno;

      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” could not be written: %s. Nothing was changed."),
                   display_name, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (fclose (fp) != 0 && ok)
    {
      int saved_errno = errno;

      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” could not be written: %s. Nothing was changed."),
                   display_name, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_EXCHANGE_ERROR, CS_EXCHANGE_ERROR_IO,
                   _("“%s” could not be written: %s. Nothing was changed."),
                   display_name, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (tmp_path);

  return ok;
}
