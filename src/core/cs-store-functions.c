/* cs-store-functions.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CsStore: the SQL functions added to the store's connection, which the Perimeter's queries
 * (cs-store-perimeter.c) call: cs_asset_matches() and cs_collect_ids(). */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <string.h>

#include "cs-store-private.h"

/*
 * Searching: cs_asset_matches(needle, name, owner, vendor, model, serial, notes) is 1 when
 * @needle occurs in one of the texts, ASCII letters compared case-insensitively and every
 * other character exactly — what "LIKE '%needle%'" means in SQLite, with the wildcards of
 * @needle taken literally. One call per asset instead of six LIKEs, each of which restarted
 * its pattern at every character: 1,000,000 assets searched in 550 ms with LIKE.
 */
/* ASCII letters folded to lower case, every other byte kept: inline, where g_ascii_tolower()
 * is a function call per byte. */
#define FOLD(c) ((guchar) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c)))

#define BYTES_01 G_GUINT64_CONSTANT (0x0101010101010101)
#define BYTES_20 G_GUINT64_CONSTANT (0x2020202020202020)
#define BYTES_80 G_GUINT64_CONSTANT (0x8080808080808080)

static inline gboolean
matches_at (const guchar *text,
            const guchar *needle,
            gsize         length)
{
  for (gsize i = 1; i < length; i++)
    if (FOLD (text[i]) != needle[i])
      return FALSE;

  return TRUE;
}

/* The first character of the needle, as the word-at-a-time scan compares it: @lower the
 * byte broadcast to the 8 bytes of a word, @mask 0x20 in every byte when it is a letter
 * (a byte or'ed with 0x20 equals a lower-case letter only when it is that letter in either
 * case; UTF-8 bytes, ≥ 0x80, never do), 0 otherwise (compared exactly). */
typedef struct
{
  guint64 lower;
  guint64 mask;
  guchar  first;
  gboolean letter;
} FirstByte;

static inline void
first_byte_init (FirstByte *first,
                 guchar     c)
{
  first->first = c;
  first->letter = c >= 'a' && c <= 'z';
  first->lower = BYTES_01 * c;
  first->mask = first->letter ? BYTES_20 : 0;
}

static inline gboolean
first_byte_matches (const FirstByte *first,
                    guchar           c)
{
  return (first->letter ? (guchar) (c | 0x20) : c) == first->first;
}

/* @needle is lower-case ASCII where it is ASCII. The candidates for its first character are
 * found 8 bytes at a time: (x - 0x01…) & ~x & 0x80… marks the bytes of x that are zero, the
 * lowest of them exactly, and no allocation or call is made per text. */
static gboolean
contains_ascii_caseless (const guchar    *text,
                         gsize            text_length,
                         const guchar    *needle,
                         gsize            needle_length,
                         const FirstByte *first)
{
  const guchar *p = text, *end, *text_end = text + text_length;

  if (text_length < needle_length)
    return FALSE;

  /* candidates start before @end */
  end = text + text_length - needle_length + 1;
  while ((gsize) (text_end - p) >= sizeof (guint64))
    {
      guint64 word, zero;

      memcpy (&word, p, sizeof word);
      word = GUINT64_FROM_LE (word);
      word = (word | first->mask) ^ first->lower;
      zero = (word - BYTES_01) & ~word & BYTES_80;
      if (zero == 0)
        {
          p += sizeof (guint64);
          continue;
        }
      p += __builtin_ctzll (zero) / 8;
      if (p >= end)
        return FALSE;
      if (matches_at (p, needle, needle_length))
        return TRUE;
      p++;
    }

  for (; p < end; p++)
    if (first_byte_matches (first, *p) && matches_at (p, needle, needle_length))
      return TRUE;

  return FALSE;
}

/* The searched text and its ASCII-lower-case copy, kept by SQLite between rows (and possibly
 * between runs of a cached statement, hence the comparison with the argument). */
typedef struct
{
  char     *text;
  gsize     text_length;
  char     *lower;
  gsize     length;
  FirstByte first;
} Needle;

static void
free_needle (void *data)
{
  Needle *needle = data;

  g_free (needle->text);
  g_free (needle->lower);
  g_free (needle);
}

static void
asset_matches_function (sqlite3_context  *context,
                        int               argc,
                        sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  gsize text_length = sqlite3_value_bytes (argv[0]);
  Needle *needle = sqlite3_get_auxdata (context, 0);

  if (text == NULL)
    text = "";
  if (needle == NULL || needle->text_length != text_length
      || memcmp (needle->text, text, text_length) != 0)
    {
      needle = g_new0 (Needle, 1);
      needle->text = g_strndup (text, text_length);
      needle->text_length = text_length;
      needle->lower = g_ascii_strdown (needle->text, text_length);
      needle->length = strlen (needle->lower);
      first_byte_init (&needle->first, needle->lower[0]);
      sqlite3_set_auxdata (context, 0, needle, free_needle);
      /* SQLite frees it at once when it cannot keep it. */
      needle = sqlite3_get_auxdata (context, 0);
      if (needle == NULL)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
    }

  for (int i = 1; i < argc; i++)
    {
      const guchar *value = sqlite3_value_text (argv[i]);

      if (needle->length == 0
          || (value != NULL
              && contains_ascii_caseless (value, sqlite3_value_bytes (argv[i]),
                                          (const guchar *) needle->lower, needle->length,
                                          &needle->first)))
        {
          sqlite3_result_int (context, 1);
          return;
        }
    }

  sqlite3_result_int (context, 0);
}

/* cs_collect_ids(?9, id): an aggregate appending every id to the GArray bound to ?9 with
 * sqlite3_bind_pointer(), in the order of the scan: one call per row inside SQLite, where a
 * sqlite3_step() and sqlite3_column_int64() per row cost twice the time of reading the index. */
static void
collect_ids_step (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  GArray *ids = sqlite3_value_pointer (argv[0], CS_STORE_ID_ARRAY_POINTER_TYPE);
  gint64 id = sqlite3_value_int64 (argv[1]);

  if (ids != NULL)
    g_array_append_val (ids, id);
}

static void
collect_ids_final (sqlite3_context *context)
{
  sqlite3_result_null (context);
}

/* Adds the store's SQL functions to a connection: cs_asset_matches() and cs_collect_ids(). */
gboolean
_cs_store_add_functions (sqlite3 *db)
{
  return sqlite3_create_function (db, "cs_asset_matches", -1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
                                  asset_matches_function, NULL, NULL) == SQLITE_OK
         && sqlite3_create_function (db, "cs_collect_ids", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                     NULL, NULL, collect_ids_step,
                                     collect_ids_final) == SQLITE_OK;
}
