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

#include "cs-csv-import.h"
#include "cs-model.h"

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

G_DEFINE_FINAL_TYPE (CsCsvImport, cs_csv_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (cs-csv-error-quark, cs_csv_error)
G_DEFINE_BOXED_TYPE (CsCsvReport, cs_csv_report, cs_csv_report_ref, cs_csv_report_unref)

typedef struct
{
  GStrv  values;     /* CS_CSV_N_FIELDS strings */
  guint  line;
  char  *rejection;
} PreviewRow;

static const struct { const char *id; const char *label; } field_info[CS_CSV_N_FIELDS] = {
  { "none", N_("Not imported") },
  { "category", N_("Category") },
  { "name", N_("Name") },
  { "site", N_("Site") },
  { "quantity", N_("Quantity") },
  { "criticality", N_("Criticality") },
  { "owner", N_("Owner") },
  { "vendor", N_("Vendor") },
  { "model", N_("Model") },
  { "serial", N_("Serial number") },
  { "notes", N_("Notes") },
};

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

/* Source types → our categories: whole-word keywords, normalised, most specific group first. */
static const struct { const char *category; const char *keywords[40]; } category_keywords[] = {
  { "firewall", { "firewall", "pare feu", "parefeu", "utm", NULL } },
  { "wifi_ap", { "wifi ap", "access point", "borne wifi", "wifi", "wi fi", "point d acces",
                 "wap", "ap", "borne", NULL } },
  { "nas", { "nas", "storage", "stockage", "san", NULL } },
  { "backup_system", { "backup system", "backup", "sauvegarde", NULL } },
  { "saas_tenant", { "saas tenant", "microsoft 365", "office 365", "m365", "o365",
                     "google workspace", "saas", "tenant", NULL } },
  { "cloud_tenant", { "cloud tenant", "cloud", "azure", "aws", "gcp", "iaas", NULL } },
  { "remote_device", { "remote device", "mobile", "smartphone", "tablet", "tablets", "tablette",
                       "telephone portable", "telephone mobile", "ipad", "iphone", "android",
                       "peripherique distant", NULL } },
  { "telephony", { "telephony", "telephonie", "phone", "phones", "telephone", "telephones",
                   "voip", "ipbx", "pbx", "standard telephonique", NULL } },
  { "printer", { "printer", "printers", "imprimante", "imprimantes", "mfp", "copier", "copieur",
                 "multifonction", "scanner", NULL } },
  { "server", { "server", "servers", "serveur", "serveurs", "vmware host", "hyper v", "esxi",
                "virtual machine", "machine virtuelle", "vm", "host", NULL } },
  { "switch", { "switch", "switches", "commutateur", "network device", "network equipment",
                "networkequipment", "materiel reseau", "equipement reseau", "networking",
                "router", "routeur", "network", "reseau", NULL } },
  { "business_application", { "business application", "application metier",
                              "logiciel metier", "software", "logiciel", "logiciels",
                              "application", "applications", "erp", "crm", NULL } },
  { "endpoint", { "endpoint", "computer", "computers", "ordinateur", "ordinateurs",
                  "workstation", "workstations", "poste de travail", "desktop", "desktops",
                  "laptop", "laptops", "portable", "notebook", "pc", "mac", "macbook",
                  "poste", "station de travail", "thin client", "client leger", "imac", NULL } },
  { "other", { "other", "autre", "autres", "divers", "monitor", "monitors", "moniteur",
               "ecran", "peripheral", "peripherique", "peripheriques", "ups", "onduleur",
               "accessory", "accessoire", "accessories", NULL } },
};

static const struct { gint64 level; const char *words[12]; } criticality_words[] = {
  { 1, { "1", "p1", "critical", "critique", "vital", "very high", "tres haute", "tres eleve",
         "tres elevee", NULL } },
  { 2, { "2", "p2", "high", "haute", "haut", "elevee", "eleve", "important", NULL } },
  { 3, { "3", "p3", "medium", "moyenne", "moyen", "normal", "normale", NULL } },
  { 4, { "4", "p4", "low", "faible", "basse", "bas", NULL } },
};

/* Report */

/**
 * cs_csv_report_ref:
 * @report: a report
 *
 * Returns: (transfer full): @report
 */
CsCsvReport *
cs_csv_report_ref (CsCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

/**
 * cs_csv_report_unref:
 * @report: (transfer full): a report
 *
 * Drops a reference to @report.
 */
void
cs_csv_report_unref (CsCsvReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;

  g_array_unref (report->rejected);
  g_array_unref (report->duplicates);
  g_free (report);
}

static void
clear_rejection (gpointer data)
{
  g_free (((CsCsvRejection *) data)->reason);
}

static void
clear_duplicate (gpointer data)
{
  g_free (((CsCsvDuplicate *) data)->name);
}

static CsCsvReport *
report_new (gboolean dry_run)
{
  CsCsvReport *report = g_new0 (CsCsvReport, 1);

  g_atomic_ref_count_init (&report->ref_count);
  report->dry_run = dry_run;
  report->rejected = g_array_new (FALSE, FALSE, sizeof (CsCsvRejection));
  g_array_set_clear_func (report->rejected, clear_rejection);
  report->duplicates = g_array_new (FALSE, FALSE, sizeof (CsCsvDuplicate));
  g_array_set_clear_func (report->duplicates, clear_duplicate);

  return report;
}

static const char *
duplicate_action_label (CsDuplicateAction action)
{
  switch (action)
    {
    case CS_DUPLICATE_UPDATE:
      return _("updated the existing asset");
    case CS_DUPLICATE_ADD:
      return _("added as another asset");
    case CS_DUPLICATE_SKIP:
    default:
      return _("skipped");
    }
}

/**
 * cs_csv_report_to_text:
 * @report: a report
 *
 * Returns: (transfer full): the report as translated plain text, one line per rejected or
 *   duplicate row, for the "Save report" button and the command line
 */
char *
cs_csv_report_to_text (CsCsvReport *report)
{
  GString *text = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, _("Rows read: %u\nImported: %u\nUpdated: %u\nRejected: %u\nDuplicates: %u (skipped: %u)\nSites created: %u\n"),
                          report->n_rows, report->n_imported, report->n_updated,
                          report->rejected->len, report->duplicates->len, report->n_skipped,
                          report->n_sites_created);
  if (report->dry_run)
    g_string_append_printf (text, "%s\n", _("This was a preview: nothing was written."));

  if (report->rejected->len > 0)
    g_string_append_printf (text, "\n%s\n", _("Rejected rows:"));
  for (guint i = 0; i < report->rejected->len; i++)
    {
      CsCsvRejection *r = &g_array_index (report->rejected, CsCsvRejection, i);

      g_string_append_printf (text, _("Line %u: %s"), r->line, r->reason);
      g_string_append_c (text, '\n');
    }

  if (report->duplicates->len > 0)
    g_string_append_printf (text, "\n%s\n", _("Duplicate rows:"));
  for (guint i = 0; i < report->duplicates->len; i++)
    {
      CsCsvDuplicate *d = &g_array_index (report->duplicates, CsCsvDuplicate, i);

      g_string_append_printf (text,
                              d->by_serial ? _("Line %u: “%s” has the serial number of an asset already listed; %s")
                                           : _("Line %u: “%s” has the name and site of an asset already listed; %s"),
                              d->line, d->name, duplicate_action_label (d->action));
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/**
 * cs_csv_report_save:
 * @report: a report
 * @path: where to write it
 * @error: return location for a #GFileError
 *
 * Writes cs_csv_report_to_text() to @path (atomically: a failure leaves no partial file).
 *
 * Returns: %TRUE on success
 */
gboolean
cs_csv_report_save (CsCsvReport  *report,
                    const char   *path,
                    GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = cs_csv_report_to_text (report);
  return g_file_set_contents (path, text, -1, error);
}

/* Helpers */

/* ASCII, lower case, every run of other characters one space: "Numéro de série" → "numero de serie". */
static char *
normalise (const char *text,
           gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  g_autofree char *ascii = g_str_to_ascii (valid, "C");
  GString *out = g_string_sized_new (strlen (ascii));
  gboolean space = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, g_ascii_tolower (*p));
          space = FALSE;
        }
      else
        {
          space = TRUE;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
contains_words (const char *haystack,
                const char *words)
{
  gsize n = strlen (words);

  for (const char *p = strstr (haystack, words); p != NULL; p = strstr (p + 1, words))
    if ((p == haystack || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return TRUE;

  return FALSE;
}

/**
 * cs_csv_map_category:
 * @source: a type or category from an inventory tool ("Computer", "Matériel réseau",
 *   "Laptops", "Windows Server" …) or one of ours
 *
 * Returns: (nullable): the category of cs_asset_categories() it maps to, or %NULL
 */
const char *
cs_csv_map_category (const char *source)
{
  const char * const *ours = cs_asset_categories ();
  g_autofree char *norm = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  for (guint i = 0; ours[i] != NULL; i++)
    if (g_ascii_strcasecmp (source, ours[i]) == 0
        || g_utf8_collate (source, cs_asset_category_get_label (ours[i])) == 0)
      return ours[i];

  norm = normalise (source, -1);
  if (*norm == '\0')
    return NULL;

  for (guint g = 0; g < G_N_ELEMENTS (category_keywords); g++)
    for (guint k = 0; category_keywords[g].keywords[k] != NULL; k++)
      if (contains_words (norm, category_keywords[g].keywords[k]))
        return category_keywords[g].category;

  return NULL;
}

static gboolean
parse_criticality (const char *text,
                   gint64     *out)
{
  g_autofree char *norm = normalise (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (criticality_words); i++)
    for (guint w = 0; criticality_words[i].words[w] != NULL; w++)
      if (g_str_equal (norm, criticality_words[i].words[w]))
        {
          *out = criticality_words[i].level;
          return TRUE;
        }

  return FALSE;
}

/**
 * cs_csv_field_get_id:
 * @field: a field
 *
 * Returns: the stable name of @field, as used by `--map COLUMN=FIELD`
 */
const char *
cs_csv_field_get_id (CsCsvField field)
{
  g_return_val_if_fail (field < CS_CSV_N_FIELDS, NULL);

  return field_info[field].id;
}

/**
 * cs_csv_field_get_label:
 * @field: a field
 *
 * Returns: the translated label of @field, for the mapping dialog
 */
const char *
cs_csv_field_get_label (CsCsvField field)
{
  g_return_val_if_fail (field < CS_CSV_N_FIELDS, NULL);

  return _(field_info[field].label);
}

/**
 * cs_csv_field_from_id:
 * @id: a field name ("location" is accepted for the site)
 * @out_field: (out): the field
 *
 * Returns: %TRUE if @id names a field
 */
gboolean
cs_csv_field_from_id (const char *id,
                      CsCsvField *out_field)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < CS_CSV_N_FIELDS; i++)
    if (g_ascii_strcasecmp (id, field_info[i].id) == 0)
      {
        *out_field = i;
        return TRUE;
      }

  if (g_ascii_strcasecmp (id, "location") == 0)
    {
      *out_field = CS_CSV_FIELD_SITE;
      return TRUE;
    }

  return FALSE;
}

/* Parsing: libcsv fed one physical line at a time, so that rows know their first line. */

typedef gboolean (*RecordFunc) (GPtrArray *fields,
                                gboolean   has_nul,
                                guint      line,
                                gpointer   user_data);

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
  RecordFunc  func;
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

typedef struct
{
  gboolean unclosed_quote;
  guint    unclosed_line;
  guint    n_lines;
  gsize    consumed;
} ParseResult;

static gboolean
parse_text (const char   *data,
            gsize         length,
            char          delimiter,
            guint         max_fields,
            RecordFunc    func,
            gpointer      user_data,
            gint         *progress,
            ParseResult  *result,
            GError      **error)
{
  struct csv_parser parser;
  ParseState state = { 0 };
  const char *p = data;
  const char *end = data + length;
  guint line = 0;

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
    }

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

static CsCsvEncoding
detect_encoding (GBytes *bytes)
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
static gboolean
decode (CsCsvImport  *self,
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

static char
detect_delimiter (const char *data,
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
static char *
field_to_utf8 (CsCsvImport  *self,
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

/* Row conversion, shared by the preview and the import */

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
} Row;

static char empty_text[1] = "";

static void
row_clear (Row *row)
{
  for (guint i = 0; i < CS_CSV_N_FIELDS; i++)
    {
      g_clear_pointer (&row->owned[i], g_free);
      row->values[i] = NULL;
    }
}

static const char *
map_category_cached (CsCsvImport *self,
                     const char  *source)
{
  const char *category = g_hash_table_lookup (self->category_cache, source);

  if (category == NULL)
    {
      category = cs_csv_map_category (source);
      if (category == NULL)
        category = "";
      g_hash_table_insert (self->category_cache, g_strdup (source), (gpointer) category);
    }

  return *category != '\0' ? category : NULL;
}

/* Fills @row from the fields of a CSV record; returns a translated reason when rejected. */
static char *
convert_row (CsCsvImport *self,
             GPtrArray   *fields,
             gboolean     has_nul,
             Row         *row)
{
  guint n = MIN (fields->len - 1, self->n_columns);
  const char *reason = NULL;

  memset (row, 0, sizeof *row);
  if (has_nul)
    return g_strdup (_("the row contains a NUL byte (not a text file?)"));
  for (guint c = 0; c < n; c++)
    {
      CsCsvField field = self->mapping[c];
      char *raw = g_ptr_array_index (fields, c);
      char *text = NULL;

      if (field == CS_CSV_FIELD_NONE || row->values[field] != NULL)
        continue;

      /* Stripped in place: the row buffer is ours until the callback returns. */
      text = field_to_utf8 (self, raw, strlen (raw), &row->owned[field], &reason);
      if (text == NULL)
        return g_strdup (reason);
      row->values[field] = g_strstrip (text);
    }

  for (guint f = 1; f < CS_CSV_N_FIELDS; f++)
    {
      gsize limit = f == CS_CSV_FIELD_NOTES ? MAX_NOTES : MAX_TEXT;

      if (row->values[f] == NULL)
        row->values[f] = empty_text;
      if (strlen (row->values[f]) > limit)
        return g_strdup_printf (_("the “%s” field is longer than %u bytes"),
                                cs_csv_field_get_label (f), (guint) limit);
    }

  if (*row->values[CS_CSV_FIELD_NAME] == '\0')
    return g_strdup (_("the row has no name"));

  if (*row->values[CS_CSV_FIELD_CATEGORY] == '\0')
    row->asset.category = self->default_category;
  else if ((row->asset.category = map_category_cached (self, row->values[CS_CSV_FIELD_CATEGORY])) == NULL)
    return g_strdup_printf (_("the category “%s” does not match any asset category; map it or change it in the file"),
                            row->values[CS_CSV_FIELD_CATEGORY]);

  row->asset.quantity = 1;
  if (*row->values[CS_CSV_FIELD_QUANTITY] != '\0')
    {
      guint64 quantity = 0;

      if (!g_ascii_string_to_unsigned (row->values[CS_CSV_FIELD_QUANTITY], 10, 0, G_MAXINT32,
                                       &quantity, NULL))
        return g_strdup_printf (_("the quantity “%s” is not a whole number"),
                                row->values[CS_CSV_FIELD_QUANTITY]);
      row->asset.quantity = quantity;
    }

  row->asset.criticality = 2;
  if (*row->values[CS_CSV_FIELD_CRITICALITY] != '\0'
      && !parse_criticality (row->values[CS_CSV_FIELD_CRITICALITY], &row->asset.criticality))
    return g_strdup_printf (_("the criticality “%s” is not 1–4 or critical, high, medium, low"),
                            row->values[CS_CSV_FIELD_CRITICALITY]);

  /* "Site > Building > Room": the site is the first segment. */
  {
    char *site = row->values[CS_CSV_FIELD_SITE];
    char *sep = strchr (site, '>');

    if (sep != NULL)
      *sep = '\0';
    g_strstrip (site);
    row->site_name = site;
  }

  row->asset.name = row->values[CS_CSV_FIELD_NAME];
  row->asset.owner = row->values[CS_CSV_FIELD_OWNER];
  row->asset.vendor = row->values[CS_CSV_FIELD_VENDOR];
  row->asset.model = row->values[CS_CSV_FIELD_MODEL];
  row->asset.serial = row->values[CS_CSV_FIELD_SERIAL];
  row->asset.notes = row->values[CS_CSV_FIELD_NOTES];

  return NULL;
}

static gboolean
row_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i + 1 < fields->len; i++)
    {
      const char *text = g_ptr_array_index (fields, i);

      for (; *text != '\0'; text++)
        if (!g_ascii_isspace (*text))
          return FALSE;
    }

  return TRUE;
}

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
      if (row_is_blank (fields))
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
          char *valid = field_to_utf8 (self, text, strlen (text), &converted, &reason);

          if (valid == NULL)
            valid = repaired = g_utf8_make_valid (text, -1);
          self->headers[i] = g_strdup (g_strstrip (valid));
        }
      return TRUE;
    }

  if (row_is_blank (fields))
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
      g_autofree char *norm = normalise (self->headers[c], -1);
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
      g_autofree char *norm = normalise (self->headers[c], -1);

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
  Row row;

  if (row_is_blank (fields))
    return TRUE;
  if (!state->header_seen)
    {
      state->header_seen = TRUE;
      return TRUE;
    }

  preview = g_new0 (PreviewRow, 1);
  preview->line = line;
  preview->rejection = convert_row (self, fields, has_nul, &row);
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
  row_clear (&row);
  g_ptr_array_add (self->preview, preview);

  return self->preview->len < CS_CSV_PREVIEW_ROWS;
}

static void
update_preview (CsCsvImport *self)
{
  PreviewState state = { self, FALSE };
  ParseResult result;
  const char *data = NULL;
  gsize length = 0;

  g_ptr_array_set_size (self->preview, 0);
  if (self->headers == NULL || !decode (self, &data, &length, NULL))
    return;
  parse_text (data, length, self->delimiter, g_strv_length (self->headers), preview_record_cb,
              &state, NULL, &result, NULL);
}

static const char *
encoding_name (CsCsvEncoding encoding)
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

static const char *
delimiter_name (char delimiter)
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
static char *
describe_header (CsCsvImport *self)
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
               self->display_name, encoding_name (self->encoding));
  return FALSE;
}

static gboolean
prepare (CsCsvImport  *self,
         GError      **error)
{
  PrepareState state = { self, 0 };
  ParseResult result;
  const char *data = NULL;
  gsize length = 0;

  g_clear_pointer (&self->headers, g_strfreev);
  g_ptr_array_set_size (self->preview, 0);

  self->encoding = self->requested_encoding != CS_CSV_ENCODING_AUTO ? self->requested_encoding
                                                                     : detect_encoding (self->raw);
  if (!decode (self, &data, &length, error) || !check_header_is_text (self, data, length, error))
    return FALSE;
  self->valid_utf8 = self->encoding != CS_CSV_ENCODING_WINDOWS_1252
                     && g_utf8_validate_len (data, length, NULL);

  self->delimiter = self->requested_delimiter != 0 ? self->requested_delimiter
                                                   : detect_delimiter (data, length);

  if (!parse_text (data, length, self->delimiter, CS_CSV_MAX_COLUMNS + 1, prepare_record_cb,
                   &state, NULL, &result, error))
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
          g_autofree char *header = describe_header (self);

          g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_NO_ROWS,
                       _("“%s” has a header line but no rows; nothing was imported. Its first line, read as %s with the delimiter “%s”, gives the columns %s: if these are not its column names, the encoding or the delimiter is wrong."),
                       self->display_name, encoding_name (self->encoding),
                       delimiter_name (self->delimiter), header);
        }
      return FALSE;
    }

  detect_mapping (self);
  compute_signature (self);
  update_preview (self);

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
  g_autoptr(CsCsvImport) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_EMPTY,
                   _("“%s” is empty; nothing was imported."), display_name);
      return NULL;
    }

  self = g_object_new (CS_TYPE_CSV_IMPORT, NULL);
  self->display_name = g_strdup (display_name);
  self->raw = g_bytes_ref (bytes);

  if (!prepare (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cs_csv_import_new_for_path:
 * @path: a CSV file
 * @error: return location for a #CsCsvError
 *
 * See cs_csv_import_new_for_bytes(). The file is mapped, not copied.
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

  bytes = g_mapped_file_get_bytes (mapped);
  return cs_csv_import_new_for_bytes (bytes, display_name, error);
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
  g_string_append_printf (text, _("Encoding: %s (%s)\n"), encoding_name (self->encoding),
                          self->requested_encoding != CS_CSV_ENCODING_AUTO ? _("as asked") : _("detected"));
  g_string_append_printf (text, _("Delimiter: %s (%s)\n"), delimiter_name (self->delimiter),
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

/* The import */

typedef struct
{
  CsCsvImport  *self;
  CsStoreBulk  *bulk;
  CsCsvReport  *report;
  GCancellable *cancellable;
  gboolean      dry_run;
  gboolean      header_seen;
  GHashTable   *sites;       /* casefolded name → id (owns the ids) */
  GHashTable   *site_names;  /* exact name → id (borrowed from sites) */
  GHashTable   *serials;     /* serial → index + 1 in @ids */
  GHashTable   *names;       /* "site-id\x1fname" → index + 1 in @ids */
  GStringChunk *keys;        /* the keys of @serials and @names */
  GArray       *ids;         /* gint64 asset ids */
  GString      *key;         /* scratch, reused for each row */
  GError       *error;
  guint         counter;
  gboolean      cancelled;
  guint         n_existing;  /* assets in the project before the import */
  /* Assets are queued and inserted many at a time. Should the file refuse one, or the queue
   * fail in any way, the import starts again without it (@retry), one row at a time, so that
   * the rows refused and the duplicates are exactly those of row-by-row inserts. */
  gboolean      batched;
  gboolean      retry;
} RunState;

static void
add_rejection (CsCsvReport *report,
               guint        line,
               char        *reason)
{
  CsCsvRejection rejection = { line, reason };

  g_array_append_val (report->rejected, rejection);
}

static void
collect_site_cb (gint64      id,
                 const char *name,
                 gpointer    user_data)
{
  RunState *run = user_data;

  g_hash_table_insert (run->sites, g_utf8_casefold (name != NULL ? name : "", -1),
                       g_memdup2 (&id, sizeof id));
}

/* Sets the scratch key identifying an asset by site and name, without allocating. */
static const char *
name_key (RunState   *run,
          gint64      site_id,
          const char *name)
{
  char digits[24];
  guint n = 0;
  guint64 value = (guint64) MAX (site_id, 0);

  /* Decimal digits, backwards: this runs for every row. */
  do
    digits[n++] = '0' + value % 10;
  while ((value /= 10) > 0);
  g_string_truncate (run->key, 0);
  while (n > 0)
    g_string_append_c (run->key, digits[--n]);
  g_string_append_c (run->key, '\x1f');
  g_string_append (run->key, name);

  return run->key->str;
}

/* Duplicate tables map keys (in one string chunk) to indexes in one array of ids. */
static void
remember_id (RunState   *run,
             GHashTable *table,
             const char *key,
             gint64      id)
{
  g_array_append_val (run->ids, id);
  g_hash_table_insert (table, g_string_chunk_insert (run->keys, key),
                       GUINT_TO_POINTER (run->ids->len));
}

static gint64
lookup_id (RunState   *run,
           GHashTable *table,
           const char *key)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  return index > 0 ? g_array_index (run->ids, gint64, index - 1) : 0;
}

static void
collect_asset_cb (gint64      id,
                  const char *name,
                  gint64      site_id,
                  const char *serial,
                  gpointer    user_data)
{
  RunState *run = user_data;

  run->n_existing++;
  if (serial != NULL && *serial != '\0' && !g_hash_table_contains (run->serials, serial))
    remember_id (run, run->serials, serial, id);
  /* The last asset of a name wins, as before. */
  if (name != NULL)
    remember_id (run, run->names, name_key (run, site_id, name), id);
}

/*
 * A row the file refuses (a value out of range) is rejected and the import goes on. Anything
 * else (a full disk, an I/O error) stops it: SQLite may have rolled the transaction back
 * already, and rows written after that would each be committed on their own.
 */
static gboolean
reject_or_stop (RunState  *run,
                guint      line,
                GError   **error)
{
  if (g_error_matches (*error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID))
    {
      add_rejection (run->report, line, g_strdup ((*error)->message));
      g_clear_error (error);
      return TRUE;
    }

  g_clear_error (&run->error);
  g_propagate_error (&run->error, g_steal_pointer (error));
  return FALSE;
}

static gboolean
run_record_cb (GPtrArray *fields,
               gboolean   has_nul,
               guint      line,
               gpointer   user_data)
{
  RunState *run = user_data;
  CsCsvImport *self = run->self;
  g_autoptr(GError) local_error = NULL;
  const char *key = NULL;
  gint64 existing = 0;
  gboolean by_serial = FALSE;
  gboolean name_checked = FALSE;
  gboolean name_known = FALSE;
  char *reason = NULL;
  Row row;

  if (row_is_blank (fields))
    return TRUE;
  if (!run->header_seen)
    {
      run->header_seen = TRUE;
      return TRUE;
    }

  if ((++run->counter & 255) == 0 && g_cancellable_is_cancelled (run->cancellable))
    {
      run->cancelled = TRUE;
      return FALSE;
    }

  run->report->n_rows++;
  reason = convert_row (self, fields, has_nul, &row);
  if (reason != NULL)
    {
      add_rejection (run->report, line, reason);
      row_clear (&row);
      return TRUE;
    }

  if (*row.site_name != '\0')
    {
      gint64 *site_id = g_hash_table_lookup (run->site_names, row.site_name);
      g_autofree char *folded = site_id == NULL ? g_utf8_casefold (row.site_name, -1) : NULL;

      if (site_id == NULL && (site_id = g_hash_table_lookup (run->sites, folded)) != NULL)
        g_hash_table_insert (run->site_names, g_strdup (row.site_name), site_id);

      if (site_id == NULL)
        {
          gint64 id = cs_store_bulk_add_site (run->bulk, row.site_name, &local_error);

          if (id == 0)
            {
              g_propagate_error (&run->error, g_steal_pointer (&local_error));
              row_clear (&row);
              return FALSE;
            }
          site_id = g_memdup2 (&id, sizeof id);
          g_hash_table_insert (run->sites, g_steal_pointer (&folded), site_id);
          g_hash_table_insert (run->site_names, g_strdup (row.site_name), site_id);
          run->report->n_sites_created++;
        }
      row.asset.site_id = *site_id;
    }

  if (*row.asset.serial != '\0')
    {
      existing = lookup_id (run, run->serials, row.asset.serial);
      by_serial = existing != 0;
    }
  key = name_key (run, row.asset.site_id, row.asset.name);
  if (existing == 0)
    {
      existing = lookup_id (run, run->names, key);
      name_checked = TRUE;
      name_known = existing != 0;
    }

  if (existing != 0)
    {
      gpointer choice = g_hash_table_lookup (self->line_actions, GUINT_TO_POINTER (line));
      CsDuplicateAction action = choice != NULL ? GPOINTER_TO_UINT (choice) - 1
                                                : self->duplicate_action;
      CsCsvDuplicate duplicate = { line, g_strdup (row.asset.name), existing, by_serial, action };

      g_array_append_val (run->report->duplicates, duplicate);
      if (action == CS_DUPLICATE_SKIP)
        {
          run->report->n_skipped++;
          row_clear (&row);
          return TRUE;
        }
      if (action == CS_DUPLICATE_UPDATE)
        {
          /* The asset may still be in the queue. */
          if (run->batched && !cs_store_bulk_flush (run->bulk, NULL))
            {
              run->retry = TRUE;
              row_clear (&row);
              return FALSE;
            }
          if (!cs_store_bulk_update_asset (run->bulk, existing, &row.asset, &local_error))
            {
              if (!reject_or_stop (run, line, &local_error))
                {
                  row_clear (&row);
                  return FALSE;
                }
            }
          else
            run->report->n_updated++;
          row_clear (&row);
          return TRUE;
        }
    }

  {
    gint64 id = 0;

    if (run->batched)
      {
        if (!cs_store_bulk_queue_asset (run->bulk, &row.asset, &id, NULL))
          {
            run->retry = TRUE;
            row_clear (&row);
            return FALSE;
          }
      }
    else
      {
        id = cs_store_bulk_add_asset (run->bulk, &row.asset, &local_error);
      }

    if (id == 0)
      {
        if (!reject_or_stop (run, line, &local_error))
          {
            row_clear (&row);
            return FALSE;
          }
      }
    else
      {
        run->report->n_imported++;
        /* The lookups above already said whether the keys are known. */
        if (*row.asset.serial != '\0' && !by_serial)
          remember_id (run, run->serials, row.asset.serial, id);
        if (name_checked ? !name_known : !g_hash_table_contains (run->names, key))
          remember_id (run, run->names, key, id);
      }
  }

  row_clear (&row);
  return TRUE;
}

/* Below this many assets in the project, a file this large rebuilds the site index of the
 * assets once after its inserts rather than updating it row by row (importing 100,000 assets:
 * 6 % fewer instructions; rebuilding the partial index too cost more than it saved). */
#define DEFER_INDEXES_MAX_ASSETS  1000
#define DEFER_INDEXES_MIN_BYTES   (64 * 1024)

/* One pass over the rows; %NULL without @error when it must start again unbatched. */
/* The mapping with the date it is saved on, for "using the mapping saved on …". */
static char *
mapping_to_save (CsCsvImport *self)
{
  g_autofree char *mapping = cs_csv_import_get_mapping_string (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%ssaved\t%s\n", mapping, date);
}

static CsCsvReport *
run_pass (CsCsvImport   *self,
          CsStoreBulk   *bulk,
          const char    *data,
          gsize          length,
          gboolean       dry_run,
          gboolean       batched,
          GCancellable  *cancellable,
          gboolean      *out_retry,
          GError       **error)
{
  g_autoptr(CsCsvReport) report = report_new (dry_run);
  g_autofree char *mapping = NULL;
  RunState run = { 0 };
  ParseResult result;

  *out_retry = FALSE;
  run.self = self;
  run.bulk = bulk;
  run.report = report;
  run.cancellable = cancellable;
  run.dry_run = dry_run;
  run.batched = batched;
  run.sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.site_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.serials = g_hash_table_new (g_str_hash, g_str_equal);
  run.names = g_hash_table_new (g_str_hash, g_str_equal);
  run.keys = g_string_chunk_new (64 * 1024);
  run.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  run.key = g_string_sized_new (256);
  g_atomic_int_set (&self->progress, 0);

  if (cs_store_bulk_foreach_site (bulk, collect_site_cb, &run, error)
      && cs_store_bulk_foreach_asset (bulk, collect_asset_cb, &run, error)
      && (!batched || run.n_existing > DEFER_INDEXES_MAX_ASSETS
          || length < DEFER_INDEXES_MIN_BYTES || cs_store_bulk_defer_indexes (bulk, error))
      && parse_text (data, length, self->delimiter, g_strv_length (self->headers), run_record_cb,
                     &run, &self->progress, &result, error))
    {
      if (run.error != NULL)
        g_propagate_error (error, g_steal_pointer (&run.error));
      else if (run.cancelled || g_cancellable_is_cancelled (cancellable))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                     _("The import was cancelled; the project was left as it was."));
      else if (run.retry || (batched && !cs_store_bulk_flush (bulk, NULL)))
        {
          *out_retry = TRUE;
          g_clear_pointer (&report, cs_csv_report_unref);
        }
      else
        {
          if (result.unclosed_quote)
            add_rejection (report, result.unclosed_line,
                           g_strdup_printf (_("a quote opened on this line is never closed; the rest of the file (%u lines) was not imported"),
                                            result.n_lines - result.unclosed_line + 1));
          mapping = mapping_to_save (self);
          if (!cs_store_bulk_save_mapping (bulk, self->signature, mapping, error))
            g_clear_pointer (&report, cs_csv_report_unref);
          else if (!dry_run && !cs_store_bulk_commit (bulk, error))
            g_clear_pointer (&report, cs_csv_report_unref);
        }
    }

  if (error != NULL && *error != NULL)
    g_clear_pointer (&report, cs_csv_report_unref);

  g_clear_error (&run.error);
  g_hash_table_unref (run.site_names);
  g_hash_table_unref (run.sites);
  g_hash_table_unref (run.serials);
  g_hash_table_unref (run.names);
  g_string_chunk_free (run.keys);
  g_array_unref (run.ids);
  g_string_free (run.key, TRUE);

  return g_steal_pointer (&report);
}

static CsCsvReport *
run_in_bulk (CsCsvImport   *self,
             CsStoreBulk   *bulk,
             gboolean       dry_run,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(CsCsvReport) report = NULL;
  const char *data = NULL;
  gsize length = 0;
  gboolean has_name = FALSE;
  gboolean retry = FALSE;

  for (guint c = 0; self->headers[c] != NULL; c++)
    has_name |= self->mapping[c] == CS_CSV_FIELD_NAME;
  if (!has_name)
    {
      g_autofree char *header = describe_header (self);

      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_NO_NAME,
                   _("No column of “%s” is mapped to the asset name; choose one. Nothing was imported. Its first line, read as %s with the delimiter “%s”, gives the columns %s: if these are not its column names, the encoding or the delimiter is wrong."),
                   self->display_name, encoding_name (self->encoding),
                   delimiter_name (self->delimiter), header);
      return NULL;
    }

  if (!decode (self, &data, &length, error) || !cs_store_bulk_begin (bulk, error))
    return NULL;

  report = run_pass (self, bulk, data, length, dry_run, TRUE, cancellable, &retry, error);
  if (retry && cs_store_bulk_restart (bulk, error))
    report = run_pass (self, bulk, data, length, dry_run, FALSE, cancellable, &retry, error);
  g_atomic_int_set (&self->progress, 1000000);

  return g_steal_pointer (&report);
}

/**
 * cs_csv_import_run:
 * @self: an import
 * @store: the project to import into (open for editing)
 * @dry_run: %TRUE to compute the report (rejections, duplicates) and write nothing
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error (%G_IO_ERROR_CANCELLED when cancelled)
 *
 * Imports every row in one transaction, blocking; the command line uses it. Rows that cannot
 * be imported are listed in the report, not errors. On error or cancellation nothing was
 * written. On success the caches of @store are refreshed.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
CsCsvReport *
cs_csv_import_run (CsCsvImport   *self,
                   CsStore       *store,
                   gboolean       dry_run,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(CsStoreBulk) bulk = NULL;
  g_autoptr(CsCsvReport) report = NULL;

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bulk = cs_store_bulk_new (store, error);
  if (bulk == NULL)
    return NULL;

  report = run_in_bulk (self, bulk, dry_run, cancellable, error);
  g_clear_pointer (&bulk, cs_store_bulk_free);
  if (report != NULL && !dry_run)
    cs_store_reload (store);

  return g_steal_pointer (&report);
}

typedef struct
{
  CsStore     *store;
  CsStoreBulk *bulk;
  gboolean     dry_run;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *task_data = data;

  g_clear_object (&task_data->store);
  g_clear_pointer (&task_data->bulk, cs_store_bulk_free);
  g_free (task_data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      data,
            GCancellable *cancellable)
{
  TaskData *task_data = data;
  GError *error = NULL;
  CsCsvReport *report = run_in_bulk (source_object, task_data->bulk, task_data->dry_run,
                                     cancellable, &error);

  /* Close the second connection in the worker: it is its thread. */
  g_clear_pointer (&task_data->bulk, cs_store_bulk_free);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cs_csv_report_unref);
}

/**
 * cs_csv_import_run_async:
 * @self: an import; do not change it until the import finished
 * @store: the project, open for editing
 * @dry_run: %TRUE to compute the report only (to let the user choose what to do with each
 *   duplicate, see cs_csv_import_set_line_duplicate_action())
 * @cancellable: (nullable): cancels the import: the project is left exactly as before
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Runs cs_csv_import_run() in a worker thread on a connection of its own. Until @callback
 * runs, the main thread may read @store but must not edit it; drive a progress bar by
 * polling cs_csv_import_get_progress().
 */
void
cs_csv_import_run_async (CsCsvImport         *self,
                         CsStore             *store,
                         gboolean             dry_run,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  TaskData *task_data = NULL;

  g_return_if_fail (CS_IS_CSV_IMPORT (self));
  g_return_if_fail (CS_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_csv_import_run_async);

  task_data = g_new0 (TaskData, 1);
  task_data->store = g_object_ref (store);
  task_data->dry_run = dry_run;
  task_data->bulk = cs_store_bulk_new (store, &error);
  g_task_set_task_data (task, task_data, task_data_free);

  if (task_data->bulk == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, run_thread);
}

/**
 * cs_csv_import_run_finish:
 * @self: an import
 * @result: the result given to the callback
 * @error: return location for an error (%G_IO_ERROR_CANCELLED when cancelled)
 *
 * Finishes cs_csv_import_run_async() and, after a committed import, refreshes the store's
 * records and lists (cs_store_reload()). Always call it.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
CsCsvReport *
cs_csv_import_run_finish (CsCsvImport   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  CsCsvReport *report = NULL;
  TaskData *task_data = NULL;

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_csv_import_run_async, NULL);

  task_data = g_task_get_task_data (G_TASK (result));
  report = g_task_propagate_pointer (G_TASK (result), error);
  if (report != NULL && !task_data->dry_run)
    cs_store_reload (task_data->store);

  return report;
}
