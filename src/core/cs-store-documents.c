/* cs-store-documents.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-autocleanups-private.h"
#include "cs-store-private.h"

/*
 * Contract documents kept in the project (schema 3, table contract_document). A document is
 * kept only when the consultant asks: its metadata is an ordinary record (CsKeptDocument,
 * listed with cs_store_list()), its bytes are compressed with gzip into the table's blob column,
 * which records never hold. Reading one back inflates it and checks its size and SHA-256, so a
 * damaged copy is said so rather than handed out. Deleting goes through cs_store_delete(),
 * which keeps the compressed bytes in its #CsDeletion for Undo.
 */

/* Output grows by this much at a time. */
#define CHUNK_SIZE (64 * 1024)

/* Runs @converter over @data in one go. More than @limit bytes of output is refused (the
 * size a document says it has bounds what inflating it may produce). */
static GBytes *
convert_all (GConverter    *converter,
             const guint8  *data,
             gsize          len,
             gsize          limit,
             gboolean      *out_over_limit,
             GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();

  *out_over_limit = FALSE;
  for (;;)
    {
      guint old_len = out->len;
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      g_byte_array_set_size (out, old_len + CHUNK_SIZE);
      result = g_converter_convert (converter, data, len, out->data + old_len, CHUNK_SIZE,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, error);
      g_byte_array_set_size (out, old_len + bytes_written);
      if (result == G_CONVERTER_ERROR)
        return NULL;

      data += bytes_read;
      len -= bytes_read;
      if (out->len > limit)
        {
          *out_over_limit = TRUE;
          return NULL;
        }
      if (result == G_CONVERTER_FINISHED)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static char *
format_size (gsize size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

typedef struct
{
  CsRecord   *document;
  GBytes     *compressed;
} KeepData;

static gboolean
keep_cb (CsStore   *store,
         gpointer   user_data,
         GError   **error)
{
  KeepData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (data->compressed, &len);
  int rc;

  if (!cs_store_add (store, data->document, error))
    return FALSE;

  /* A statement of its own, not the cached ones: its binding is the document's bytes. */
  rc = sqlite3_prepare_v2 (store->db, "UPDATE contract_document SET content = ?1 WHERE id = ?2",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _cs_store_set_sqlite_error (error, store->db, rc, _("keeping the document"));
  sqlite3_bind_blob64 (stmt, 1, len > 0 ? bytes : (const guint8 *) "", len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, cs_record_get_id (data->document));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, store->db, rc, _("keeping the document"));

  return TRUE;
}

/**
 * cs_kept_document_deflate:
 * @contents: a document's bytes
 * @file_name: its file name, for the messages
 * @error: return location for a #CsStoreError
 *
 * Compresses a document as the project keeps it (gzip).
 *
 * Returns: (transfer full) (nullable): the compressed bytes, or %NULL with @error set
 */
GBytes *
cs_kept_document_deflate (GBytes      *contents,
                          const char  *file_name,
                          GError     **error)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean over_limit = FALSE;
  gsize size = 0;
  const guint8 *bytes;
  GBytes *compressed;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  bytes = g_bytes_get_data (contents, &size);
  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  /* gzip never grows data by more than a few bytes per 16 KiB block. */
  compressed = convert_all (G_CONVERTER (compressor), bytes, size, size + size / 16 + 1024,
                            &over_limit, &local_error);
  if (compressed == NULL)
    g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                 _("“%s” could not be compressed (%s); no copy was kept and nothing was changed."),
                 file_name, local_error != NULL ? local_error->message : "");

  return compressed;
}

/**
 * cs_store_keep_document:
 * @self: a store
 * @offer_id: the offer the document belongs to
 * @file_name: the document's file name, without its folder
 * @media_type: its media type ("application/pdf" …), or ""
 * @contents: the document's bytes, as read
 * @error: return location for a #CsStoreError
 *
 * Keeps a copy of a contract document in the project, compressed, with its SHA-256, in one
 * transaction. Documents larger than %CS_KEPT_DOCUMENT_MAX_SIZE are refused.
 *
 * Returns: (transfer full) (nullable): the document's record (also in
 *   `cs_store_list (self, CS_TYPE_KEPT_DOCUMENT, offer_id)`), or %NULL with @error set,
 *   in which case nothing was written
 */
CsKeptDocument *
cs_store_keep_document (CsStore     *self,
                        gint64       offer_id,
                        const char  *file_name,
                        const char  *media_type,
                        GBytes      *contents,
                        GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *stored_at = NULL;
  g_autoptr(CsRecord) document = NULL;
  KeepData data = { NULL, NULL };
  gsize size = 0;
  const guint8 *bytes;
  gboolean ok;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (offer_id > 0, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (contents, &size);
  if (size > CS_KEPT_DOCUMENT_MAX_SIZE)
    {
      g_autofree char *limit = format_size (CS_KEPT_DOCUMENT_MAX_SIZE);
      g_autofree char *actual = format_size (size);

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("“%s” (%s) is larger than the %s a project keeps; no copy was kept and nothing was changed."),
                   file_name, actual, limit);
      return NULL;
    }

  if (!_cs_store_check_writable (self, error))
    return NULL;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes != NULL ? bytes : (const guint8 *) "",
                                        size);
  data.compressed = cs_kept_document_deflate (contents, file_name, error);
  if (data.compressed == NULL)
    return NULL;

  now = g_date_time_new_now_utc ();
  stored_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  document = g_object_new (CS_TYPE_KEPT_DOCUMENT,
                           "offer-id", offer_id,
                           "file-name", file_name,
                           "media-type", media_type != NULL ? media_type : "",
                           "size", (gint64) size,
                           "sha256", sha256,
                           "stored-at", stored_at,
                           NULL);
  data.document = document;
  ok = cs_store_batch (self, keep_cb, &data, error);
  g_bytes_unref (data.compressed);
  if (!ok)
    return NULL;

  return CS_KEPT_DOCUMENT (g_steal_pointer (&document));
}

/* The compressed bytes of document @id, or NULL with @error set. */
GBytes *
_cs_store_read_blob (CsStore         *self,
                     const CsEntity  *entity,
                     gint64           id,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_assert (entity->blob_column != NULL);

  sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?1", entity->blob_column,
                         entity->table);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item no longer exists; nothing was changed."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cs_store_set_sqlite_error (error, self->db, rc, _("reading the project"));
      return NULL;
    }

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* Writes back the blob of a row put back by cs_store_undelete(). */
gboolean
_cs_store_write_blob (CsStore         *self,
                      const CsEntity  *entity,
                      gint64           id,
                      GBytes          *blob,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (blob, &len);
  int rc;

  g_assert (entity->blob_column != NULL);

  sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2", entity->table,
                         entity->blob_column);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("restoring an item"));
  sqlite3_bind_blob64 (stmt, 1, len > 0 ? bytes : (const guint8 *) "", len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _cs_store_set_sqlite_error (error, self->db, rc, _("restoring an item"));

  return TRUE;
}

/**
 * cs_kept_document_inflate:
 * @compressed: a document's bytes as the project keeps them (gzip)
 * @size: the size the document has
 * @sha256: its SHA-256, lower-case hex
 * @file_name: its file name, for the messages
 * @error: return location for a #CsStoreError
 *
 * Inflates a kept document and checks it against its size and SHA-256.
 *
 * Returns: (transfer full) (nullable): the document's bytes, or %NULL with
 *   %CS_STORE_ERROR_CORRUPT when the copy is damaged
 */
GBytes *
cs_kept_document_inflate (GBytes      *compressed,
                              gsize        size,
                              const char  *sha256,
                              const char  *file_name,
                              GError     **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *found = NULL;
  gboolean over_limit = FALSE;
  gsize len = 0;
  const guint8 *data;

  g_return_val_if_fail (compressed != NULL, NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  data = g_bytes_get_data (compressed, &len);
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  contents = convert_all (G_CONVERTER (decompressor), data, len, size, &over_limit, &local_error);
  if (contents != NULL)
    found = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);

  if (contents == NULL || g_bytes_get_size (contents) != size || g_strcmp0 (found, sha256) != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("The copy of “%s” kept in the project is damaged: it is not the document that was kept (its size or SHA-256 differs). The project was not changed."),
                   file_name);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

/**
 * cs_store_read_document:
 * @self: a store
 * @document: a document kept with cs_store_keep_document()
 * @error: return location for a #CsStoreError
 *
 * Reads back a kept document, inflated and checked against its size and SHA-256.
 *
 * Returns: (transfer full) (nullable): the document's bytes, or %NULL with @error set
 *   (%CS_STORE_ERROR_CORRUPT when the copy does not match its SHA-256)
 */
GBytes *
cs_store_read_document (CsStore             *self,
                        CsKeptDocument  *document,
                        GError             **error)
{
  CsRecord *record = (CsRecord *) document;
  g_autoptr(GBytes) compressed = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (CS_IS_KEPT_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return NULL;
    }

  compressed = _cs_store_read_blob (self, cs_record_get_entity (record), cs_record_get_id (record),
                                    error);
  if (compressed == NULL)
    return NULL;

  return cs_kept_document_inflate (compressed, (gsize) cs_record_get_int (record, "size"),
                                       cs_record_get_string (record, "sha256"),
                                       cs_record_get_string (record, "file_name"), error);
}
