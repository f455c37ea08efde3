/* cs-csv-import.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_CSV_ERROR (cs_csv_error_quark ())

/**
 * CsCsvError:
 * @CS_CSV_ERROR_IO: the file could not be read
 * @CS_CSV_ERROR_EMPTY: the file is empty
 * @CS_CSV_ERROR_NO_ROWS: the file has a header but no rows
 * @CS_CSV_ERROR_TOO_BIG: the file is larger than %CS_CSV_MAX_FILE_SIZE
 * @CS_CSV_ERROR_TOO_MANY_COLUMNS: the header has more than %CS_CSV_MAX_COLUMNS columns
 * @CS_CSV_ERROR_ENCODING: the file cannot be decoded in the chosen encoding
 * @CS_CSV_ERROR_NO_NAME: no column is mapped to the asset name
 * @CS_CSV_ERROR_MAPPING: a column mapping given by the user is not understood
 *
 * Errors of the CSV import that refuse the whole file. Every message is translated, names the
 * line where it applies and says that nothing was imported.
 */
typedef enum {
  CS_CSV_ERROR_IO,
  CS_CSV_ERROR_EMPTY,
  CS_CSV_ERROR_NO_ROWS,
  CS_CSV_ERROR_TOO_BIG,
  CS_CSV_ERROR_TOO_MANY_COLUMNS,
  CS_CSV_ERROR_ENCODING,
  CS_CSV_ERROR_NO_NAME,
  CS_CSV_ERROR_MAPPING,
} CsCsvError;

#define CS_CSV_MAX_COLUMNS   1000
#define CS_CSV_MAX_FILE_SIZE (G_GINT64_CONSTANT (1) << 30)
#define CS_CSV_PREVIEW_ROWS  20

/**
 * CsCsvField:
 * @CS_CSV_FIELD_NONE: the column is not imported
 *
 * The asset fields a column can be mapped to. A location path ("Site > Building > Room")
 * mapped to %CS_CSV_FIELD_SITE gives its first segment.
 */
typedef enum {
  CS_CSV_FIELD_NONE,
  CS_CSV_FIELD_CATEGORY,
  CS_CSV_FIELD_NAME,
  CS_CSV_FIELD_SITE,
  CS_CSV_FIELD_QUANTITY,
  CS_CSV_FIELD_CRITICALITY,
  CS_CSV_FIELD_OWNER,
  CS_CSV_FIELD_VENDOR,
  CS_CSV_FIELD_MODEL,
  CS_CSV_FIELD_SERIAL,
  CS_CSV_FIELD_NOTES,
  CS_CSV_N_FIELDS
} CsCsvField;

/**
 * CsCsvEncoding:
 * @CS_CSV_ENCODING_AUTO: detect (BOM, then UTF-8, else Windows-1252)
 */
typedef enum {
  CS_CSV_ENCODING_AUTO,
  CS_CSV_ENCODING_UTF8,
  CS_CSV_ENCODING_WINDOWS_1252,
  CS_CSV_ENCODING_UTF16LE,
  CS_CSV_ENCODING_UTF16BE,
} CsCsvEncoding;

/**
 * CsDuplicateAction:
 * @CS_DUPLICATE_SKIP: keep the existing asset, ignore the row
 * @CS_DUPLICATE_UPDATE: overwrite the existing asset with the row
 * @CS_DUPLICATE_ADD: add the row as another asset
 *
 * What to do with a row that has the serial number, or the name and site, of an asset already
 * in the project or earlier in the file.
 */
typedef enum {
  CS_DUPLICATE_SKIP,
  CS_DUPLICATE_UPDATE,
  CS_DUPLICATE_ADD,
} CsDuplicateAction;

/**
 * CsCsvRejection:
 * @line: the line of the file where the row starts (1 is the header)
 * @reason: why the row was not imported (translated)
 */
typedef struct
{
  guint  line;
  char  *reason;
} CsCsvRejection;

/**
 * CsCsvDuplicate:
 * @line: the line of the file where the row starts
 * @name: the name in the row
 * @existing_id: the asset it duplicates (0 when that asset was added by this import and the
 *   import was a dry run)
 * @by_serial: %TRUE when the serial number matched, %FALSE for name and site
 * @action: what was done (or, in a dry run, would be done)
 */
typedef struct
{
  guint              line;
  char              *name;
  gint64             existing_id;
  gboolean           by_serial;
  CsDuplicateAction  action;
} CsCsvDuplicate;

/**
 * CsCsvReport:
 * @dry_run: %TRUE when nothing was written (cs_csv_import_run() with @dry_run)
 * @n_rows: data rows read (blank lines not counted)
 * @n_imported: assets added
 * @n_updated: existing assets updated from a duplicate row
 * @n_skipped: duplicate rows skipped
 * @n_sites_created: sites created from locations
 * @rejected: (element-type CsCsvRejection): the rows not imported, in file order
 * @duplicates: (element-type CsCsvDuplicate): the duplicate rows, in file order
 *
 * What an import did, row by row: nothing is dropped silently.
 */
typedef struct
{
  gatomicrefcount  ref_count;
  gboolean         dry_run;
  guint            n_rows;
  guint            n_imported;
  guint            n_updated;
  guint            n_skipped;
  guint            n_sites_created;
  GArray          *rejected;
  GArray          *duplicates;
} CsCsvReport;

#define CS_TYPE_CSV_REPORT (cs_csv_report_get_type ())
GType        cs_csv_report_get_type (void) G_GNUC_CONST;
CsCsvReport *cs_csv_report_ref      (CsCsvReport  *report);
void         cs_csv_report_unref    (CsCsvReport  *report);
char        *cs_csv_report_to_text  (CsCsvReport  *report);
gboolean     cs_csv_report_save     (CsCsvReport  *report,
                                     const char   *path,
                                     GError      **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsCsvReport, cs_csv_report_unref)

#define CS_TYPE_CSV_IMPORT (cs_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (CsCsvImport, cs_csv_import, CS, CSV_IMPORT, GObject)

GQuark        cs_csv_error_quark                 (void);

const char   *cs_csv_field_get_id                (CsCsvField          field);
const char   *cs_csv_field_get_label             (CsCsvField          field);
gboolean      cs_csv_field_from_id               (const char         *id,
                                                  CsCsvField         *out_field);
const char   *cs_csv_map_category                (const char         *source);
char         *cs_csv_escape_text                 (const char         *text,
                                                  gsize               max_chars);

CsCsvImport  *cs_csv_import_new_for_path         (const char         *path,
                                                  GError            **error);
CsCsvImport  *cs_csv_import_new_for_bytes        (GBytes             *bytes,
                                                  const char         *display_name,
                                                  GError            **error);

gboolean      cs_csv_import_configure            (CsCsvImport        *self,
                                                  CsCsvEncoding       encoding,
                                                  char                delimiter,
                                                  GError            **error);
CsCsvEncoding cs_csv_import_get_encoding         (CsCsvImport        *self);
char          cs_csv_import_get_delimiter        (CsCsvImport        *self);
const char * const *cs_csv_import_get_headers    (CsCsvImport        *self);
guint         cs_csv_import_get_n_columns        (CsCsvImport        *self);
CsCsvField    cs_csv_import_get_column_field     (CsCsvImport        *self,
                                                  guint               column);
void          cs_csv_import_set_column_field     (CsCsvImport        *self,
                                                  guint               column,
                                                  CsCsvField          field);
gboolean      cs_csv_import_parse_mapping        (CsCsvImport        *self,
                                                  const char         *spec,
                                                  GError            **error);
const char   *cs_csv_import_get_signature        (CsCsvImport        *self);
char         *cs_csv_import_get_mapping_string   (CsCsvImport        *self);
char         *cs_csv_import_describe             (CsCsvImport        *self);
gboolean      cs_csv_import_apply_remembered_mapping (CsCsvImport    *self,
                                                  CsStore            *store);
void          cs_csv_import_set_default_category (CsCsvImport        *self,
                                                  const char         *category);

guint         cs_csv_import_get_n_preview_rows   (CsCsvImport        *self);
const char * const *cs_csv_import_get_preview_row (CsCsvImport       *self,
                                                  guint               row,
                                                  guint              *out_line,
                                                  const char        **out_rejection);

void          cs_csv_import_set_duplicate_action (CsCsvImport        *self,
                                                  CsDuplicateAction   action);
void          cs_csv_import_set_line_duplicate_action (CsCsvImport   *self,
                                                  guint               line,
                                                  CsDuplicateAction   action);
double        cs_csv_import_get_progress         (CsCsvImport        *self);

CsCsvReport  *cs_csv_import_run                  (CsCsvImport        *self,
                                                  CsStore            *store,
                                                  gboolean            dry_run,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
void          cs_csv_import_run_async            (CsCsvImport        *self,
                                                  CsStore            *store,
                                                  gboolean            dry_run,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
CsCsvReport  *cs_csv_import_run_finish           (CsCsvImport        *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
