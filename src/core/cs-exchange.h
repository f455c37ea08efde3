/* cs-exchange.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-store.h"

G_BEGIN_DECLS

/**
 * CS_EXCHANGE_FORMAT_VERSION:
 *
 * The version of the XML exchange format this build writes (the root's `format-version`).
 */
#define CS_EXCHANGE_FORMAT_VERSION 1

/**
 * CS_EXCHANGE_NAMESPACE:
 *
 * The XML namespace of exchange files.
 */
#define CS_EXCHANGE_NAMESPACE "https://contractscope.org/ns/exchange/1"

/**
 * CS_EXCHANGE_MAX_SIZE:
 *
 * The largest exchange file read, in bytes.
 */
#define CS_EXCHANGE_MAX_SIZE ((gsize) 512 * 1024 * 1024)

#define CS_EXCHANGE_ERROR (cs_exchange_error_quark ())

/**
 * CsExchangeError:
 * @CS_EXCHANGE_ERROR_TOO_LARGE: the file is larger than %CS_EXCHANGE_MAX_SIZE
 * @CS_EXCHANGE_ERROR_NOT_XML: the file is not well-formed UTF-8 XML
 * @CS_EXCHANGE_ERROR_FORBIDDEN: the file declares a document type or entities, which exchange
 *   files never do (the way to XML bombs and external entities)
 * @CS_EXCHANGE_ERROR_LIMIT: the file goes past a limit of ours (nesting depth, number of
 *   elements, length of a text)
 * @CS_EXCHANGE_ERROR_INVALID: the file does not follow the exchange schema, or a value does
 *   not fit its field, or a reference names a row that is not in the file
 * @CS_EXCHANGE_ERROR_TOO_NEW: the file was written by a newer version of Contract Scope
 * @CS_EXCHANGE_ERROR_EXISTS: the new project's file already exists
 * @CS_EXCHANGE_ERROR_SAME_FILE: the export would overwrite the project it reads
 * @CS_EXCHANGE_ERROR_IO: a file could not be read or written
 *
 * Errors of the XML exchange. Messages are translated, give the line of the file where one
 * applies, never quote content the file points to, and say that nothing was created.
 */
typedef enum {
  CS_EXCHANGE_ERROR_TOO_LARGE,
  CS_EXCHANGE_ERROR_NOT_XML,
  CS_EXCHANGE_ERROR_FORBIDDEN,
  CS_EXCHANGE_ERROR_LIMIT,
  CS_EXCHANGE_ERROR_INVALID,
  CS_EXCHANGE_ERROR_TOO_NEW,
  CS_EXCHANGE_ERROR_EXISTS,
  CS_EXCHANGE_ERROR_SAME_FILE,
  CS_EXCHANGE_ERROR_IO,
} CsExchangeError;

GQuark    cs_exchange_error_quark            (void);

gboolean  cs_exchange_export_to_file         (CsStore     *store,
                                              const char  *path,
                                              GError     **error);
GBytes   *cs_exchange_export_to_bytes        (CsStore     *store,
                                              GError     **error);
CsStore  *cs_exchange_import_to_new_project  (GBytes      *xml,
                                              const char  *new_project_path,
                                              GError     **error);
gboolean  cs_exchange_export_to_file_full    (CsStore      *store,
                                              const char   *path,
                                              GCancellable *cancellable,
                                              GError      **error);
CsStore  *cs_exchange_import_to_new_project_full (GBytes       *xml,
                                              const char   *new_project_path,
                                              GCancellable *cancellable,
                                              GError      **error);

G_END_DECLS
