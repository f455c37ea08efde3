/* cs-i18n.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "cs-i18n.h"

/*
 * The documents handed over follow the project's language, which may differ from the interface's.
 * gettext only knows the process's locale, so the catalogue of a document language is read here
 * directly from its compiled .mo file (the GNU format: a header, then two tables of
 * length/offset pairs), once, into a hash table that is then only read.
 */

G_LOCK_DEFINE_STATIC (catalogs);
static GHashTable *catalogs; /* language → GHashTable msgid → translation, or NULL */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

static GHashTable *
parse_mo (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GHashTable) table = NULL;
  gboolean swap;
  guint32 n, originals, translations;

  if (size < 28)
    return NULL;
  if (read_u32 (data, 0, FALSE) == 0x950412de)
    swap = FALSE;
  else if (read_u32 (data, 0, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return NULL;

  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if ((guint64) originals + 8 * (guint64) n > size || (guint64) translations + 8 * (guint64) n > size)
    return NULL;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, originals + 8 * i, swap);
      guint32 ooff = read_u32 (data, originals + 8 * i + 4, swap);
      guint32 tlen = read_u32 (data, translations + 8 * i, swap);
      guint32 toff = read_u32 (data, translations + 8 * i + 4, swap);

      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size || olen == 0)
        continue;
      /* Plural entries hold several NUL-separated strings: the first form serves here. */
      g_hash_table_insert (table, g_strndup ((const char *) data + ooff, strnlen ((const char *) data + ooff, olen)),
                           g_strndup ((const char *) data + toff, strnlen ((const char *) data + toff, tlen)));
    }

  return g_steal_pointer (&table);
}

static GHashTable *
load_catalog (const char *language)
{
  const char *dirs[3];
  guint n_dirs = 0;

  dirs[n_dirs++] = bindtextdomain (GETTEXT_PACKAGE, NULL);
#ifdef CS_BUILD_LOCALEDIR
  /* Run uninstalled (tests, meson devenv): the catalogues compiled in the build tree. */
  dirs[n_dirs++] = CS_BUILD_LOCALEDIR;
#endif

  for (guint i = 0; i < n_dirs; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GMappedFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (dirs[i] == NULL)
        continue;
      path = g_build_filename (dirs[i], language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      file = g_mapped_file_new (path, FALSE, NULL);
      if (file == NULL)
        continue;
      bytes = g_mapped_file_get_bytes (file);
      return parse_mo (bytes);
    }

  return NULL;
}

/**
 * cs_i18n_init:
 *
 * Binds the text domain of the programs to their catalogues: those of the folder
 * `CONTRACT_SCOPE_LOCALEDIR` names when it is set (`meson devenv` sets it to the build tree's
 * compiled catalogues, so that the application run uninstalled speaks the user's language),
 * else those installed. When the locale asked for is not installed, the messages still follow
 * its language. Call it once, after setlocale(), before the first translation or thread.
 *
 * Returns: (transfer none): the folder bound
 */
const char *
cs_i18n_init (void)
{
  const char *dir = g_getenv ("CONTRACT_SCOPE_LOCALEDIR");
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *wanted = g_getenv ("LC_ALL");

  if (wanted == NULL || wanted[0] == '\0')
    wanted = g_getenv ("LC_MESSAGES");
  if (wanted == NULL || wanted[0] == '\0')
    wanted = g_getenv ("LANG");

  /* A language asked for whose locale the system lacks (LANG=fr_FR.UTF-8 without the
   * `locales` package) leaves the C locale, in which gettext translates nothing: the messages
   * are still shown in that language, through the UTF-8 C locale and LANGUAGE. */
  if ((g_strcmp0 (messages, "C") == 0 || g_strcmp0 (messages, "POSIX") == 0) &&
      wanted != NULL && wanted[0] != '\0' && !g_str_has_prefix (wanted, "C") &&
      !g_str_equal (wanted, "POSIX") && setlocale (LC_ALL, "C.UTF-8") != NULL)
    {
      g_autofree char *language = g_strndup (wanted, strcspn (wanted, ".@"));
      const char *current = g_getenv ("LANGUAGE");

      if (current == NULL || current[0] == '\0')
        g_setenv ("LANGUAGE", language, TRUE);
    }

  if (dir == NULL || dir[0] == '\0')
    dir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return dir;
}

/**
 * cs_i18n_resolve_language:
 * @language: (nullable): "en", "fr", or "" / %NULL for the interface's language
 *
 * Returns: "en" or "fr": the language a document is written in
 */
const char *
cs_i18n_resolve_language (const char *language)
{
  const char * const *names;

  if (g_strcmp0 (language, "fr") == 0)
    return "fr";
  if (g_strcmp0 (language, "en") == 0)
    return "en";

  /* The interface's language: what gettext itself picks for our domain. */
  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "fr"))
        return "fr";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return "en";
    }

  return "en";
}

/**
 * cs_i18n_translate:
 * @language: (nullable): "en", "fr", or "" / %NULL for the interface's language
 * @msgid: an English text marked for extraction (with the N_ macro)
 *
 * Translates @msgid into @language, whatever the interface's language. Thread-safe.
 *
 * Returns: (transfer none): the translation, or @msgid when there is none
 */
const char *
cs_i18n_translate (const char *language,
                   const char *msgid)
{
  GHashTable *catalog = NULL;
  const char *translated;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == NULL || *language == '\0')
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (g_str_equal (language, "en") || *msgid == '\0')
    return msgid;

  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (catalogs, language, NULL, (gpointer *) &catalog))
    {
      catalog = load_catalog (language);
      g_hash_table_insert (catalogs, g_strdup (language), catalog);
    }
  G_UNLOCK (catalogs);

  if (catalog == NULL)
    return msgid;
  translated = g_hash_table_lookup (catalog, msgid);
  return translated != NULL && *translated != '\0' ? translated : msgid;
}

/* Month names are locale data, kept here so that a French document reads the same whatever
 * locales the machine has installed. */
static const char * const months_en[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
static const char * const months_fr[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre",
};

/**
 * cs_i18n_format_date:
 * @language: (nullable): "en", "fr", or "" for the interface's
 * @date: a valid date
 *
 * Returns: (transfer full): "7 December 2026" or "7 décembre 2026"
 */
char *
cs_i18n_format_date (const char  *language,
                     const GDate *date)
{
  const char *lang = cs_i18n_resolve_language (language);
  guint month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_date_get_month (date) - 1;
  if (g_str_equal (lang, "fr"))
    return g_strdup_printf ("%u%s %s %u", g_date_get_day (date),
                            g_date_get_day (date) == 1 ? "er" : "", months_fr[month],
                            g_date_get_year (date));
  return g_strdup_printf ("%u %s %u", g_date_get_day (date), months_en[month],
                          g_date_get_year (date));
}

/**
 * cs_i18n_format_number:
 * @language: (nullable): "en", "fr", or "" for the interface's
 * @value: a number
 * @decimals: digits after the decimal separator (at most 6)
 *
 * Groups thousands and uses the language's separators: "1,234.5" in English, "1 234,5" (narrow
 * no-break spaces) in French.
 *
 * Returns: (transfer full): the number as text
 */
char *
cs_i18n_format_number (const char *language,
                       double      value,
                       guint       decimals)
{
  gboolean fr = g_str_equal (cs_i18n_resolve_language (language), "fr");
  const char *group = fr ? "\u202f" : ",";
  const char *point = fr ? "," : ".";
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *digits, *dot;
  gsize n_int;

  if (!isfinite (value))
    return g_strdup ("—");

  decimals = MIN (decimals, 6);
  g_ascii_formatd (buffer, sizeof buffer, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f"
                   : decimals == 2 ? "%.2f" : decimals == 3 ? "%.3f" : "%.6f", value);
  digits = buffer;
  if (*digits == '-')
    {
      g_string_append (out, "−");
      digits++;
    }
  dot = strchr (digits, '.');
  n_int = dot != NULL ? (gsize) (dot - digits) : strlen (digits);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
  if (dot != NULL)
    {
      g_string_append (out, point);
      g_string_append (out, dot + 1);
    }
  /* "−0" reads oddly */
  if (g_str_equal (out->str, "−0"))
    g_string_assign (out, "0");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cs_i18n_currency_symbol:
 * @currency: (nullable): an ISO 4217 code (%NULL or "": EUR)
 *
 * The currency as amounts show it (cs_i18n_format_money()): "€" for EUR, "$", "£", else the
 * code itself ("CHF").
 *
 * Returns: the symbol, static or @currency itself
 */
const char *
cs_i18n_currency_symbol (const char *currency)
{
  if (currency == NULL || *currency == '\0' || g_str_equal (currency, "EUR"))
    return "€";
  if (g_str_equal (currency, "USD"))
    return "$";
  if (g_str_equal (currency, "GBP"))
    return "£";
  return currency;
}

/**
 * cs_i18n_format_money:
 * @language: (nullable): "en", "fr", or "" for the interface's
 * @amount: an amount
 * @currency: (nullable): an ISO 4217 code (%NULL: EUR)
 *
 * Returns: (transfer full): "€1,234.50" in English, "1 234,50 €" in French
 */
char *
cs_i18n_format_money (const char *language,
                      double      amount,
                      const char *currency)
{
  gboolean fr = g_str_equal (cs_i18n_resolve_language (language), "fr");
  const char *symbol = cs_i18n_currency_symbol (currency);
  g_autofree char *number = cs_i18n_format_number (language, fabs (amount), 2);
  const char *sign = amount < 0 ? "−" : "";

  if (fr || (strlen (symbol) > 1 && g_ascii_isupper (symbol[0])))
    return g_strdup_printf ("%s%s\u00a0%s", sign, number, symbol);
  return g_strdup_printf ("%s%s%s", sign, symbol, number);
}
