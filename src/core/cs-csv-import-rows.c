/* cs-csv-import-rows.c
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

/* Helpers */

/* ASCII, lower case, every run of other characters one space: "Numéro de série" → "numero de serie". */
char *
cs_csv_normalise (const char *text,
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

  norm = cs_csv_normalise (source, -1);
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
  g_autofree char *norm = cs_csv_normalise (text, -1);

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

/* CsCsvRow conversion, shared by the preview and the import */

static char empty_text[1] = "";

void
cs_csv_row_clear (CsCsvRow *row)
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
char *
cs_csv_row_convert (CsCsvImport *self,
                    GPtrArray   *fields,
                    gboolean     has_nul,
                    CsCsvRow         *row)
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
      text = cs_csv_field_to_utf8 (self, raw, strlen (raw), &row->owned[field], &reason);
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

gboolean
cs_csv_row_is_blank (GPtrArray *fields)
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

