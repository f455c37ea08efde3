/* test-document.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cs-document.h"
#include "cs-test-utils.h"

/* Text a hostile project could hold: markup, a formula, a table pipe, a Markdown link. */
#define HOSTILE "<script>alert(1)</script> R&D <b>x</b> | [link](http://x) \"q\""

typedef struct
{
  guint   n_rows;
  guint   fail_at;   /* 0: never */
  guint   next_row;
} Source;

static gpointer
source_open (gpointer   user_data,
             GError   **error)
{
  Source *source = user_data;

  source->next_row = 0;
  return source;
}

static gboolean
source_next (gpointer        cursor,
             CsDocumentRow  *row,
             GError        **error)
{
  Source *source = cursor;
  g_autofree char *name = NULL;

  if (source->fail_at > 0 && source->next_row == source->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "the source broke");
      return FALSE;
    }
  if (source->next_row >= source->n_rows)
    return FALSE;

  name = g_strdup_printf ("Asset %05u", source->next_row);
  cs_document_row_add_text (row, name);
  cs_document_row_add_number (row, source->next_row % 4 + 1, 0, NULL);
  cs_document_row_add_tick (row, source->next_row % 2 == 0);
  source->next_row++;
  return TRUE;
}

static const CsDocumentRowSource source_funcs = { source_open, source_next, NULL };

static CsDocument *
build_document (const char *language,
                gboolean    with_ticks)
{
  CsDocument *doc = cs_document_new ("Réversibilité – checklist");
  CsDocumentTable *table;
  CsDocumentRow *row;
  GDate date;
  const char * const parties[] = { "Client", "Provider", NULL };

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 7, 12, 2026);
  cs_document_set_language (doc, language);
  cs_document_set_client (doc, "Société Générale d'Élevage");
  cs_document_set_provider (doc, HOSTILE);
  cs_document_set_consultant (doc, "Zoé Müller");
  cs_document_set_date (doc, &date);
  cs_document_set_paper (doc, CS_PAPER_A4);

  cs_document_add_heading (doc, 1, "Exit deliverables");
  cs_document_add_paragraph (doc, "Everything the provider hands back.\nSecond line: " HOSTILE);
  cs_document_add_list_item (doc, "1. not a numbered list");
  cs_document_add_task (doc, "Credentials handed over", TRUE);
  cs_document_add_task (doc, "Backups verified", FALSE);

  table = cs_document_add_table (doc, "Deliverables");
  cs_document_table_add_column (table, "Item", 3);
  cs_document_table_add_column (table, "Price", 1);
  cs_document_table_add_column (table, "Deadline", 1);
  cs_document_table_add_column (table, "Hours", 1);
  cs_document_table_add_column (table, "Delivered", 0.8);
  cs_document_table_add_column (table, "Verified", 0.8);

  row = cs_document_table_add_row (table);
  cs_document_row_add_text (row, "Données de l'annuaire");
  cs_document_row_add_money (row, 1234.5, "EUR");
  cs_document_row_add_date (row, &date);
  cs_document_row_add_number (row, 4, 1, "h");
  if (with_ticks)
    {
      cs_document_row_add_tick (row, FALSE);
      cs_document_row_add_tick (row, TRUE);
    }
  cs_document_row_set_mark (row, 1, CS_CELL_MARK_BEST);

  row = cs_document_table_add_row (table);
  cs_document_row_add_text (row, "=HYPERLINK(\"http://evil\")");
  cs_document_row_add_money (row, -20, "EUR");
  cs_document_row_add_empty (row);
  cs_document_row_add_number (row, -2, 0, NULL);
  cs_document_row_set_mark (row, 0, CS_CELL_MARK_KNOCK_OUT);

  for (const char *const *p = (const char * const[]) { "+cmd", "-1+1", "@SUM(A1)", "\tx", "\rx",
                                                        HOSTILE, NULL };
       *p != NULL; p++)
    {
      row = cs_document_table_add_row (table);
      cs_document_row_add_text (row, *p);
    }

  cs_document_add_bar_chart (doc, "Completeness <by> section",
                             (const char * const[]) { "Exit", "Backup", "SLA", NULL },
                             (const double[]) { 0.5, NAN, 0.875 });
  cs_document_add_signature_block (doc, parties);
  return doc;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
write_document (CsDocument       *doc,
                CsDocumentFormat  format,
                const char       *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (cs_document_write (doc, format, path, FALSE, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Counts empty tick boxes (square outlines with a light centre) on page 1, rendered at 144 dpi
 * where a box is 16 pixels wide. */
static guint
count_tick_boxes (const char *pdf)
{
  g_autofree char *prefix = g_build_filename (g_get_user_data_dir (), "page", NULL);
  g_autofree char *ppm = g_strconcat (prefix, ".pgm", NULL);
  g_autofree char *out = run ((const char * const[]) { "pdftoppm", "-r", "144", "-gray", "-f", "1",
                                                       "-singlefile", pdf, prefix, NULL });
  g_autofree char *data = NULL;
  gsize length = 0;
  int width = 0, height = 0, maxval = 0, offset = 0;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (int));
  const guint8 *pixels;
  guint count = 0;

  g_assert_true (g_file_get_contents (ppm, &data, &length, NULL));
  g_assert_cmpint (sscanf (data, "P5 %d %d %d%n", &width, &height, &maxval, &offset), ==, 3);
  pixels = (const guint8 *) data + offset + 1;
  g_assert_cmpuint (length, >=, (gsize) (offset + 1 + width * height));

#define DARK(x, y) (pixels[(y) * width + (x)] < 110)
  for (int y = 0; y + 20 < height; y++)
    for (int x = 0; x + 20 < width; x++)
      {
        gboolean box = TRUE;

        if (!DARK (x, y) || DARK (x - 1 < 0 ? x : x - 1, y + 8))
          continue;
        for (int i = 0; box && i <= 15; i++)
          box = DARK (x + i, y) && DARK (x, y + i) && (DARK (x + i, y + 16) || DARK (x + i, y + 15))
                && (DARK (x + 16, y + i) || DARK (x + 15, y + i));
        /* an empty box: nothing drawn inside */
        for (int i = 3; box && i <= 13; i++)
          for (int j = 3; box && j <= 13; j++)
            box = !DARK (x + i, y + j);
        /* a 2-pixel outline matches twice */
        for (guint k = 0; box && k < found->len; k += 2)
          box = ABS (g_array_index (found, int, k) - x) > 3
                || ABS (g_array_index (found, int, k + 1) - y) > 3;
        if (box)
          {
            g_array_append_val (found, x);
            g_array_append_val (found, y);
            count++;
            x += 16;
          }
      }
#undef DARK
  return count;
}

static void
test_pdf (void)
{
  g_autoptr(CsDocument) doc = build_document ("en", TRUE);
  g_autoptr(CsDocument) no_ticks = build_document ("en", FALSE);
  g_autofree char *path = write_document (doc, CS_DOCUMENT_FORMAT_PDF, "doc.pdf");
  g_autofree char *control = write_document (no_ticks, CS_DOCUMENT_FORMAT_PDF, "control.pdf");
  g_autofree char *text = run ((const char * const[]) { "pdftotext", "-layout", path, "-", NULL });
  g_autofree char *info = run ((const char * const[]) { "pdfinfo", path, NULL });
  g_autofree char *fonts = run ((const char * const[]) { "pdffonts", path, NULL });

  g_assert_nonnull (strstr (text, "Réversibilité – checklist"));
  g_assert_nonnull (strstr (text, "Société Générale d'Élevage"));
  g_assert_nonnull (strstr (text, "Données de l'annuaire"));
  g_assert_nonnull (strstr (text, "€1,234.50"));
  g_assert_nonnull (strstr (text, "7 December 2026"));
  g_assert_nonnull (strstr (text, "<script>alert(1)</script>"));
  g_assert_nonnull (strstr (text, "Page 1"));
  g_assert_nonnull (strstr (text, "knock-out"));
  g_assert_nonnull (strstr (text, "Completeness <by> section"));
  g_assert_nonnull (strstr (text, "88"));
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  /* every font embedded: pdffonts' "emb" column says yes on each line */
  g_assert_null (strstr (fonts, " no  "));

  /* a task list with one open box, and one open "Delivered" box in the table */
  g_assert_cmpuint (count_tick_boxes (path), ==, 2);
  /* negative control: the same document without the table's boxes */
  g_assert_cmpuint (count_tick_boxes (control), ==, 1);
}

static void
test_pdf_french_letter (void)
{
  g_autoptr(CsDocument) doc = build_document ("fr", TRUE);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  cs_document_set_paper (doc, CS_PAPER_LETTER);
  cs_document_set_landscape (doc, TRUE);
  path = write_document (doc, CS_DOCUMENT_FORMAT_PDF, "fr.pdf");
  text = run ((const char * const[]) { "pdftotext", path, "-", NULL });
  info = run ((const char * const[]) { "pdfinfo", path, NULL });

  /* pdftotext turns the no-break spaces into plain ones */
  g_assert_nonnull (strstr (text, "1 234,50 € (meilleur)"));
  g_assert_nonnull (strstr (text, "7 décembre 2026"));
  g_assert_nonnull (strstr (text, "Prestataire"));
  g_assert_nonnull (strstr (info, "792 x 612 pts"));
}

static void
test_pdf_streamed (void)
{
  g_autoptr(CsDocument) doc = cs_document_new ("Annex");
  Source source = { 3000, 0, 0 };
  CsDocumentTable *table;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *last = NULL;

  table = cs_document_add_table (doc, "Inventory");
  cs_document_table_add_column (table, "Asset name", 3);
  cs_document_table_add_column (table, "Criticality", 1);
  cs_document_table_add_column (table, "Managed", 1);
  cs_document_table_set_row_source (table, &source_funcs, &source, NULL);
  path = write_document (doc, CS_DOCUMENT_FORMAT_PDF, "annex.pdf");

  info = run ((const char * const[]) { "pdfinfo", path, NULL });
  g_assert_null (strstr (info, "Pages:           1\n"));
  /* the header row is repeated on every page */
  page2 = run ((const char * const[]) { "pdftotext", "-f", "2", "-l", "2", path, "-", NULL });
  g_assert_nonnull (strstr (page2, "Asset name"));
  g_assert_nonnull (strstr (page2, "Page 2"));
  last = run ((const char * const[]) { "pdftotext", path, "-", NULL });
  /* every cell's text is in the PDF, in order: the cells' glyphs are shown page by page in
   * one batch, with their text */
  {
    const char *at = last;

    for (guint i = 0; i < 3000; i++)
      {
        g_autofree char *name = g_strdup_printf ("Asset %05u", i);

        at = strstr (at, name);
        g_assert_nonnull (at);
      }
  }
}

/* The top and bottom of the word matching @word (a regular expression) in one page's
 * `pdftotext -bbox` output @bbox; FALSE when it is not there. */
static gboolean
find_word (const char *bbox,
           const char *word,
           double     *out_top,
           double     *out_bottom)
{
  g_autofree char *pattern = g_strdup_printf ("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" "
                                              "yMax=\"([0-9.]+)\">%s</word>", word);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;

  if (!g_regex_match (regex, bbox, 0, &match))
    return FALSE;
  top = g_match_info_fetch (match, 1);
  bottom = g_match_info_fetch (match, 2);
  *out_top = g_ascii_strtod (top, NULL);
  *out_bottom = g_ascii_strtod (bottom, NULL);
  return TRUE;
}

/* Rows of every height across page breaks: a tall row that does not fit goes whole to the next
 * page, under the repeated header, with the height it was measured with (its lines never run
 * into the next row); every row once, in order; wrapped texts and a word longer than its
 * column (broken inside) laid out on several lines, short ones on one. */
static void
test_pdf_page_breaks (void)
{
  g_autoptr(CsDocument) doc = cs_document_new ("Breaks");
  CsDocumentTable *table = cs_document_add_table (doc, "Inventory");
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  guint n_pages = 0, next_marker = 0, n_rows = 300, n_tall_moved = 0;

  cs_document_table_add_column (table, "Asset name", 2);
  cs_document_table_add_column (table, "Marker", 1);
  for (guint i = 0; i < n_rows; i++)
    {
      CsDocumentRow *row = cs_document_table_add_row (table);
      g_autofree char *marker = g_strdup_printf ("m%04u", i);

      if (i % 9 == 4)
        {
          g_autoptr(GString) name = g_string_new (NULL);

          for (guint w = 1; w <= 40; w++)
            g_string_append_printf (name, "%sw%04u-%02u", w > 1 ? " " : "", i, w);
          cs_document_row_add_text (row, name->str);
        }
      else if (i % 13 == 6)
        {
          g_autofree char *long_word = g_strdup_printf ("X%04u%sEND%04u", i,
                                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ", i);

          cs_document_row_add_text (row, long_word);
        }
      else
        {
          cs_document_row_add_text (row, i % 2 == 0 ? "Switch" : "Server");
        }
      cs_document_row_add_text (row, marker);
    }
  path = write_document (doc, CS_DOCUMENT_FORMAT_PDF, "breaks.pdf");

  info = run ((const char * const[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "Pages:"));
  n_pages = (guint) g_ascii_strtoull (strstr (info, "Pages:") + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (n_pages, >, 4);

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *page = g_strdup_printf ("%u", p);
      g_autofree char *bbox = run ((const char * const[]) { "pdftotext", "-bbox", "-f", page,
                                                            "-l", page, path, "-", NULL });
      double header_top, header_bottom, previous_bottom = 0;
      gboolean first_on_page = TRUE;

      g_assert_true (find_word (bbox, "Marker", &header_top, &header_bottom));
      previous_bottom = header_bottom;
      for (;;)
        {
          g_autofree char *marker = g_strdup_printf ("m%04u", next_marker);
          double top, bottom, row_bottom;

          if (next_marker >= n_rows || !find_word (bbox, marker, &top, &bottom))
            break;
          /* below the row above (or the header), never overlapping it */
          g_assert_cmpfloat (top, >=, previous_bottom);
          row_bottom = bottom;
          if (next_marker % 9 == 4)
            {
              g_autofree char *first = g_strdup_printf ("w%04u-01", next_marker);
              g_autofree char *last = g_strdup_printf ("w%04u-40", next_marker);
              double first_top, first_bottom, last_top, last_bottom;

              /* the whole row on this page, wrapped */
              g_assert_true (find_word (bbox, first, &first_top, &first_bottom));
              g_assert_true (find_word (bbox, last, &last_top, &last_bottom));
              g_assert_cmpfloat (last_top, >, first_bottom);
              row_bottom = last_bottom;
              n_tall_moved += first_on_page && p > 1;
            }
          else if (next_marker % 13 == 6)
            {
              g_autofree char *start = g_strdup_printf ("X%04u[A-Z]*", next_marker);
              double start_top, start_bottom;

              /* broken inside the word: the row is at least two lines tall */
              g_assert_true (find_word (bbox, start, &start_top, &start_bottom));
              g_assert_cmpfloat (fabs (start_top - top), <, 1);
              row_bottom = start_bottom + (start_bottom - start_top);
            }
          previous_bottom = row_bottom;
          first_on_page = FALSE;
          next_marker++;
        }
      /* something on every page */
      g_assert_false (first_on_page);
    }
  /* every row, in order, each once; some tall row did not fit and opened a page */
  g_assert_cmpuint (next_marker, ==, n_rows);
  g_assert_cmpuint (n_tall_moved, >, 0);
}

/* Cells the batch cannot show (right-to-left text) are drawn by pango, wrapped cells line by
 * line: all of it stays searchable text. */
static void
test_pdf_mixed_cells (void)
{
  g_autoptr(CsDocument) doc = cs_document_new ("Cells");
  CsDocumentTable *table = cs_document_add_table (doc, "Mixed");
  CsDocumentRow *row;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  cs_document_table_add_column (table, "Name", 1);
  cs_document_table_add_column (table, "Note", 1);
  row = cs_document_table_add_row (table);
  cs_document_row_add_text (row, "Contrôleur de domaine");
  cs_document_row_add_text (row, "مركز البيانات DC-Nord");
  row = cs_document_table_add_row (table);
  cs_document_row_add_text (row, "Pare-feu");
  cs_document_row_add_text (row, "word01 word02 word03 word04 word05 word06 word07 word08 word09 "
                                 "word10 word11 word12 word13 word14 word15 word16 word17 word18 "
                                 "word19 word20 word21 word22 word23 word24 wordend");
  path = write_document (doc, CS_DOCUMENT_FORMAT_PDF, "mixed.pdf");
  text = run ((const char * const[]) { "pdftotext", path, "-", NULL });

  g_assert_nonnull (strstr (text, "Contrôleur de domaine"));
  g_assert_nonnull (strstr (text, "Pare-feu"));
  g_assert_nonnull (strstr (text, "word01"));
  g_assert_nonnull (strstr (text, "word13"));
  g_assert_nonnull (strstr (text, "wordend"));
  g_assert_nonnull (strstr (text, "DC-Nord"));
  /* pdftotext gives Arabic in its own order and letter forms: look for any Arabic letter */
  {
    gboolean arabic = FALSE;

    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        arabic |= (c >= 0x0600 && c <= 0x06ff) || (c >= 0xfe70 && c <= 0xfeff);
      }
    g_assert_true (arabic);
  }
}

typedef struct
{
  GArray       *fractions;
  GCancellable *cancel_after;  /* cancelled once a third is written, when set */
} Progress;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancel_after != NULL && fraction > 0.33)
    g_cancellable_cancel (progress->cancel_after);
}

/* A document whose size is known reports increasing fractions up to 1 in every format; one
 * without a row count reports only the end; cancelled midway, it leaves nothing behind. */
static void
test_progress (void)
{
  g_autoptr(CsDocument) doc = cs_document_new ("Annex");
  Source source = { 3000, 0, 0 };
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), NULL };
  CsDocumentTable *table;
  CsDocumentRow *row;
  const CsDocumentFormat formats[] = { CS_DOCUMENT_FORMAT_PDF, CS_DOCUMENT_FORMAT_HTML,
                                       CS_DOCUMENT_FORMAT_CSV, CS_DOCUMENT_FORMAT_XLSX,
                                       CS_DOCUMENT_FORMAT_MARKDOWN };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "progress", NULL);

  g_mkdir_with_parents (dir, 0700);
  table = cs_document_add_table (doc, "Summary");
  cs_document_table_add_column (table, "Offer", 1);
  row = cs_document_table_add_row (table);
  cs_document_row_add_text (row, "Rhône Informatique");
  table = cs_document_add_table (doc, "Inventory");
  cs_document_table_add_column (table, "Asset name", 3);
  cs_document_table_set_row_source (table, &source_funcs, &source, NULL);
  cs_document_set_progress_func (doc, on_progress_cb, &progress);

  /* without a row count: no fraction until the end */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (dir, "unknown.csv", NULL);

    g_assert_true (cs_document_write (doc, CS_DOCUMENT_FORMAT_CSV, path, FALSE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (progress.fractions->len, ==, 1);
    g_assert_cmpfloat (g_array_index (progress.fractions, double, 0), ==, 1.0);
    g_array_set_size (progress.fractions, 0);
  }

  cs_document_table_set_n_rows_hint (table, 3000);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/out.%s", dir,
                                               cs_document_format_get_extension (formats[i]));

      g_assert_true (cs_document_write (doc, formats[i], path, FALSE, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (progress.fractions->len, >, 50);
      g_assert_cmpfloat (g_array_index (progress.fractions, double, 0), ==, 0.0);
      for (guint j = 1; j < progress.fractions->len; j++)
        g_assert_cmpfloat (g_array_index (progress.fractions, double, j), >,
                           g_array_index (progress.fractions, double, j - 1));
      g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1),
                         ==, 1.0);
      /* the middle is reached while rows are written, not only at the end */
      g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len / 2),
                         >, 0.2);
      g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len / 2),
                         <, 0.8);
      g_array_set_size (progress.fractions, 0);
    }

  /* cancelled once a third is written: an error, and no file nor temporary file */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *cancelled = g_build_filename (dir, "cancelled", NULL);
      g_autoptr(GDir) listing = NULL;
      const char *name;

      g_mkdir_with_parents (cancelled, 0700);
      progress.cancel_after = cancellable;
      {
        g_autofree char *path = g_build_filename (cancelled, "out", NULL);

        g_assert_false (cs_document_write (doc, formats[i], path, FALSE, cancellable, &error));
      }
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1),
                         <, 1.0);
      listing = g_dir_open (cancelled, 0, NULL);
      name = g_dir_read_name (listing);
      g_assert_cmpstr (name, ==, NULL);
      progress.cancel_after = NULL;
      g_array_set_size (progress.fractions, 0);
    }
  g_array_unref (progress.fractions);
}

static void
test_failure_leaves_nothing (void)
{
  g_autoptr(CsDocument) doc = cs_document_new ("Annex");
  Source source = { 3000, 1500, 0 };
  CsDocumentTable *table;
  const CsDocumentFormat formats[] = { CS_DOCUMENT_FORMAT_PDF, CS_DOCUMENT_FORMAT_HTML,
                                       CS_DOCUMENT_FORMAT_CSV, CS_DOCUMENT_FORMAT_XLSX,
                                       CS_DOCUMENT_FORMAT_MARKDOWN };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "fail", NULL);

  g_mkdir_with_parents (dir, 0700);
  table = cs_document_add_table (doc, "Inventory");
  cs_document_table_add_column (table, "Asset name", 3);
  cs_document_table_set_row_source (table, &source_funcs, &source, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) listing = NULL;
      g_autofree char *path = g_build_filename (dir, "out", NULL);

      g_assert_false (cs_document_write (doc, formats[i], path, FALSE, NULL, &error));
      /* the message names the file and says why */
      g_assert_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "out"));
      g_assert_nonnull (strstr (error->message, "the source broke"));
      listing = g_dir_open (dir, 0, NULL);
      g_assert_null (g_dir_read_name (listing));
    }

  /* cancelled */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) listing = NULL;
    g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);

    source.fail_at = 0;
    g_cancellable_cancel (cancellable);
    g_assert_false (cs_document_write (doc, CS_DOCUMENT_FORMAT_PDF, path, FALSE, cancellable,
                                       &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    listing = g_dir_open (dir, 0, NULL);
    g_assert_null (g_dir_read_name (listing));
  }
}

static void
test_no_overwrite (void)
{
  g_autoptr(CsDocument) doc = build_document ("en", TRUE);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "existing.md", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  cs_test_write_file (path, "precious", 8);
  hash = cs_test_file_sha256 (path);
  g_assert_false (cs_document_write (doc, CS_DOCUMENT_FORMAT_MARKDOWN, path, FALSE, NULL, &error));
  g_assert_error (error, CS_DOCUMENT_ERROR, CS_DOCUMENT_ERROR_EXISTS);
  cs_test_assert_unchanged (path, hash);
  g_clear_error (&error);

  g_assert_true (cs_document_write (doc, CS_DOCUMENT_FORMAT_MARKDOWN, path, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# Réversibilité"));
}

static void
test_html (void)
{
  g_autoptr(CsDocument) doc = build_document ("en", TRUE);
  g_autofree char *path = write_document (doc, CS_DOCUMENT_FORMAT_HTML, "doc.html");
  g_autofree char *contents = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *dump = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "<script>"));
  g_assert_null (strstr (contents, "<b>x"));
  g_assert_nonnull (strstr (contents, "&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D"));
  g_assert_nonnull (strstr (contents, "@media print"));
  g_assert_nonnull (strstr (contents, "<caption>Completeness &lt;by&gt; section</caption>"));
  g_assert_nonnull (strstr (contents, "style=\"width:88%\"></span></div></td><td>88 %</td>"));
  g_assert_nonnull (strstr (contents, "<html lang=\"en\">"));

  /* it parses without a complaint, and the hostile text is text */
  checked = run ((const char * const[]) { "sh", "-c", "xmllint --html --noout \"$0\" 2>&1",
                                          path, NULL });
  g_assert_cmpstr (checked, ==, "");
  dump = run ((const char * const[]) { "xmllint", "--html", "--xpath", "count(//script|//b)", path,
                                       NULL });
  g_assert_cmpstr (dump, ==, "0\n");
}

static void
test_csv (void)
{
  g_autoptr(CsDocument) doc = build_document ("fr", TRUE);
  g_autofree char *path = write_document (doc, CS_DOCUMENT_FORMAT_CSV, "doc.csv");
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Deliverables\r\nItem,Price,Deadline,Hours,Delivered,"
                                             "Verified\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nDonnées de l'annuaire,1234.50,2026-12-07,4,,x\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",-20.00,,-2,,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n\"'+cmd\",,,,,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n\"'-1+1\",,,,,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n\"'@SUM(A1)\",,,,,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n\"'\tx\",,,,,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n\"'\rx\",,,,,\r\n"));
}

static void
test_xlsx (void)
{
  g_autoptr(CsDocument) doc = build_document ("en", TRUE);
  g_autofree char *path = write_document (doc, CS_DOCUMENT_FORMAT_XLSX, "doc.xlsx");
  g_autofree char *sheet = run ((const char * const[]) { "unzip", "-p", path,
                                                         "xl/worksheets/sheet2.xml", NULL });
  g_autofree char *workbook = run ((const char * const[]) { "unzip", "-p", path,
                                                            "xl/workbook.xml", NULL });

  /* no formula anywhere, the hostile texts are strings */
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_nonnull (strstr (sheet, "<t>=HYPERLINK(\"http://evil\")</t>"));
  g_assert_nonnull (strstr (sheet, "@SUM(A1)"));
  g_assert_nonnull (strstr (sheet, "-1+1"));
  /* numbers are numbers, ticks are booleans */
  g_assert_nonnull (strstr (sheet, "<v>1234.5</v>"));
  g_assert_nonnull (strstr (sheet, "t=\"b\""));
  /* frozen header row and first column, autofilter */
  g_assert_nonnull (strstr (sheet, "topLeftCell=\"B2\""));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:F9\""));
  g_assert_nonnull (strstr (workbook, "name=\"Deliverables\""));
}

/* Tables with the same title (one per offer) get sheets of their own: "Scores", "Scores (2)". */
static void
test_xlsx_same_titles (void)
{
  g_autoptr(CsDocument) doc = cs_document_new ("Report");
  g_autofree char *path = NULL;
  g_autofree char *workbook = NULL;

  for (guint i = 0; i < 3; i++)
    {
      CsDocumentTable *table = cs_document_add_table (doc, i == 2 ? "scores: [BY] section"
                                                                  : "Scores: [by] section");
      CsDocumentRow *row;

      cs_document_table_add_column (table, "Section", 1);
      row = cs_document_table_add_row (table);
      cs_document_row_add_text (row, "Exit");
    }
  path = write_document (doc, CS_DOCUMENT_FORMAT_XLSX, "same.xlsx");
  workbook = run ((const char * const[]) { "unzip", "-p", path, "xl/workbook.xml", NULL });
  g_assert_nonnull (strstr (workbook, "name=\"Scores   by  section\""));
  g_assert_nonnull (strstr (workbook, "name=\"Scores   by  section (2)\""));
  g_assert_nonnull (strstr (workbook, "name=\"scores   BY  section (3)\""));
}

static void
test_markdown (void)
{
  g_autoptr(CsDocument) doc = build_document ("en", TRUE);
  g_autofree char *path = write_document (doc, CS_DOCUMENT_FORMAT_MARKDOWN, "doc.md");
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\n- [x] Credentials handed over\n- [ ] Backups verified\n"));
  g_assert_nonnull (strstr (contents, "| Item | Price | Deadline | Hours | Delivered | Verified |\n"
                                      "| --- | --- | --- | --- | --- | --- |\n"));
  g_assert_nonnull (strstr (contents, "| Données de l'annuaire | €1,234.50 (best) | 7 December 2026 |"
                                      " 4.0\u00a0h | [ ] | [x] |\n"));
  g_assert_nonnull (strstr (contents, "\\<script\\>alert\\(1\\)\\</script\\> R\\&D \\<b\\>x\\</b\\> "
                                      "\\| \\[link\\]\\(http://x\\)"));
  g_assert_nonnull (strstr (contents, "\n- 1\\. not a numbered list\n"));
  g_assert_nonnull (strstr (contents, "- Exit: `█████░░░░░` 50 %\n- Backup: `░░░░░░░░░░` —\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/document/pdf", test_pdf);
  g_test_add_func ("/core/document/pdf-french-letter", test_pdf_french_letter);
  g_test_add_func ("/core/document/pdf-streamed", test_pdf_streamed);
  g_test_add_func ("/core/document/pdf-mixed-cells", test_pdf_mixed_cells);
  g_test_add_func ("/core/document/pdf-page-breaks", test_pdf_page_breaks);
  g_test_add_func ("/core/document/progress", test_progress);
  g_test_add_func ("/core/document/failure-leaves-nothing", test_failure_leaves_nothing);
  g_test_add_func ("/core/document/no-overwrite", test_no_overwrite);
  g_test_add_func ("/core/document/html", test_html);
  g_test_add_func ("/core/document/csv", test_csv);
  g_test_add_func ("/core/document/xlsx", test_xlsx);
  g_test_add_func ("/core/document/xlsx-same-titles", test_xlsx_same_titles);
  g_test_add_func ("/core/document/markdown", test_markdown);

  return g_test_run ();
}
