/* cs-csv-import-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-csv-import.h"
#include "cs-model.h"

G_BEGIN_DECLS

/*
 * What the files of CsCsvImport share: cs-csv-import.c (the object, preparation: header,
 * mapping, preview), cs-csv-import-text.c (decoding, delimiter detection, parsing),
 * cs-csv-import-rows.c (field names, categories, converting a row to an asset),
 * cs-csv-import-run.c (the import) and cs-csv-import-report.c (its report).
 */

/* libcsv's parser state while inside a field (csv.c: FIELD_BEGUN); with `quoted` set at the
 * end of the data it means a quote was never closed. */
#define LIBCSV_FIELD_BEGUN 2

#define MAX_TEXT   (64 * 1024)
#define MAX_NOTES  (1024 * 1024)

struct _CsCsvImport
{
  GObject            parent_instance;

  char              *display_name;
  GBytes            *raw;
  /* @raw is a read-only mapping of the file: its pages can be given back once read */
  gboolean           mapped;
  /* UTF-8 text for UTF-16 files; otherwise NULL and the raw bytes are parsed */
  char              *decoded;
  gsize              decoded_length;

  CsCsvEncoding      encoding;
  /* the decoded text is valid UTF-8 as a whole: fields need no check of their own */
  gboolean           valid_utf8;
  CsCsvEncoding      requested_encoding;
  char               delimiter;
  char               requested_delimiter;

  GStrv              headers;
  CsCsvField        *mapping;
  guint              n_columns;
  char              *signature;
  char              *default_category;
  GPtrArray         *preview;          /* PreviewRow */
  /* source category → our category ("" when unmappable): rows repeat a handful of types */
  GHashTable        *category_cache;

  /* the mapping was the one remembered for this header, saved on this date ("" if unknown) */
  gboolean           mapping_remembered;
  char              *remembered_date;

  CsDuplicateAction  duplicate_action;
  GHashTable        *line_actions;     /* line → action + 1 */
  gint               progress;         /* atomic, per million */
};

typedef struct
{
  GStrv  values;     /* CS_CSV_N_FIELDS strings */
  guint  line;
  char  *rejection;
} PreviewRow;


typedef gboolean (*CsCsvRecordFunc) (GPtrArray *fields,
                                gboolean   has_nul,
                                guint      line,
                                gpointer   user_data);

typedef struct
{
  gboolean unclosed_quote;
  guint    unclosed_line;
  guint    n_lines;
  gsize    consumed;
} CsCsvParseResult;

/*
 * @values point into the parser's row buffer, into @owned (converted text) or at a static "";
 * only @owned is freed.
 */
typedef struct
{
  char          *values[CS_CSV_N_FIELDS];
  char          *owned[CS_CSV_N_FIELDS];
  CsAssetValues  asset;
  const char    *site_name;
} CsCsvRow;

/* cs-csv-import.c */
char          *cs_csv_import_describe_header (CsCsvImport *self);
const char    *cs_csv_encoding_name     (CsCsvEncoding     encoding);
const char    *cs_csv_delimiter_name    (char              delimiter);

/* cs-csv-import-report.c */
CsCsvReport   *cs_csv_report_new        (gboolean          dry_run);

/* cs-csv-import-text.c */
CsCsvEncoding  cs_csv_detect_encoding   (GBytes           *bytes);
gboolean       cs_csv_import_decode     (CsCsvImport      *self,
                                         const char      **out_data,
                                         gsize            *out_length,
                                         GError          **error);
char           cs_csv_detect_delimiter  (const char       *data,
                                         gsize             length);
gboolean       cs_csv_parse_text        (const char       *data,
                                         gsize             length,
                                         char              delimiter,
                                         guint             max_fields,
                                         CsCsvRecordFunc   func,
                                         gpointer          user_data,
                                         gint             *progress,
                                         CsCsvParseResult *result,
                                         gboolean          release,
                                         GError          **error);
void           cs_csv_release_pages     (const char       *data,
                                         gsize             from,
                                         gsize             to);
char          *cs_csv_field_to_utf8     (CsCsvImport      *self,
                                         char             *text,
                                         gsize             length,
                                         char            **out_converted,
                                         const char      **out_reason);

/* cs-csv-import-rows.c */
char          *cs_csv_normalise         (const char       *text,
                                         gssize            length);
void           cs_csv_row_clear         (CsCsvRow         *row);
char          *cs_csv_row_convert       (CsCsvImport      *self,
                                         GPtrArray        *fields,
                                         gboolean          has_nul,
                                         CsCsvRow         *row);
gboolean       cs_csv_row_is_blank      (GPtrArray        *fields);

G_END_DECLS
