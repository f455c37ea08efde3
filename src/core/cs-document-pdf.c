/* cs-document-pdf.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-document"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cs-document-private.h"
#include "cs-i18n.h"

/*
 * The painter lays a document out page after page on any cairo context, in points: the PDF
 * writer gives it the pages of a PDF surface, printing the pages GtkPrintOperation hands out.
 * It keeps where it stopped (block, table row, paragraph line) so that each page continues the
 * previous one, and reads table rows one at a time, so a 100,000-row annex never sits in memory.
 */

#define MARGIN        42.0
#define HEADER_HEIGHT 30.0
#define FOOTER_HEIGHT 24.0
#define CELL_PAD      3.0
#define BODY_FONT     "Sans 8.5"
#define SMALL_FONT    "Sans 7"
#define TICK_SIZE     8.0

struct _CsDocumentPainter
{
  CsDocument  *document;
  double       width;
  double       height;
  guint        page;          /* pages drawn so far */
  guint        block;         /* the block to continue with */
  int          line;          /* first line of a paragraph cut by the previous page */
  gboolean     in_table;
  CsTableIter  iter;
  CsDocumentRow *pending;     /* a row that did not fit on the previous page */
  guint        row_number;    /* rows of the current table drawn, for the stripes */
  GHashTable **shaped;        /* per column of the current table: text → Shaped */
  guint        n_shaped;
  PangoLayout **scratch;      /* per column of the current table: its cells' unique texts */
  PangoLayout **current;      /* per column: what draw_row() shows for the row just measured */
  PangoLayout **header;       /* per column: the header cell, laid out once per table */
  double       header_height;
  double       pending_height; /* the height of @pending, measured on the previous page */
  gboolean     finished;

  /* Table cells' glyphs waiting to be shown in one cairo call (see queue_layout()) */
  cairo_scaled_font_t *batch_font;
  guint32      batch_color;
  GArray      *batch_glyphs;    /* cairo_glyph_t */
  GArray      *batch_clusters;  /* cairo_text_cluster_t */
  GString     *batch_text;
};

typedef struct
{
  CsDocumentPainter *painter;
  cairo_t           *cr;
  PangoLayout       *layout;
  double             y;
  double             bottom;
  double             left;
  double             body_width;
} Page;

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* Parsing a font description costs more than laying out a short cell: parse each once. */
G_LOCK_DEFINE_STATIC (fonts);
static GHashTable *fonts; /* "description|bold" → PangoFontDescription */

static void
set_font (PangoLayout *layout,
          const char  *description,
          gboolean     bold)
{
  g_autofree char *key = g_strdup_printf ("%s|%d", description, bold);
  PangoFontDescription *font;

  G_LOCK (fonts);
  if (fonts == NULL)
    fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) pango_font_description_free);
  font = g_hash_table_lookup (fonts, key);
  if (font == NULL)
    {
      font = pango_font_description_from_string (description);
      if (bold)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      g_hash_table_insert (fonts, g_steal_pointer (&key), font);
    }
  G_UNLOCK (fonts);
  pango_layout_set_font_description (layout, font);
}

/* Lays out plain text (never markup) at @width points. Returns its height. */
static double
prepare (PangoLayout *layout,
         const char  *text,
         double       width,
         const char  *font,
         gboolean     bold)
{
  int w, h;

  set_font (layout, font, bold);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
show_at (Page   *page,
         double  x,
         double  y)
{
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, page->layout);
}

static void
draw_tick (cairo_t  *cr,
           double    x,
           double    y,
           gboolean  ticked)
{
  cairo_save (cr);
  set_color (cr, 0x222222);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x, y, TICK_SIZE, TICK_SIZE);
  cairo_stroke (cr);
  if (ticked)
    {
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, x + 1.6, y + TICK_SIZE * 0.55);
      cairo_line_to (cr, x + TICK_SIZE * 0.42, y + TICK_SIZE - 1.6);
      cairo_line_to (cr, x + TICK_SIZE - 1.2, y + 1.4);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_header_footer (Page *page)
{
  CsDocumentPainter *painter = page->painter;
  CsDocument *doc = painter->document;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = NULL;
  g_autofree char *number = NULL;
  cairo_t *cr = page->cr;
  int w, h;

  if (_cs_document_get_client (doc) != NULL)
    g_ptr_array_add (parts, g_strdup (_cs_document_get_client (doc)));
  if (_cs_document_get_provider (doc) != NULL)
    g_ptr_array_add (parts, g_strdup (_cs_document_get_provider (doc)));
  if (_cs_document_get_consultant (doc) != NULL)
    g_ptr_array_add (parts, g_strdup (_cs_document_get_consultant (doc)));
  g_ptr_array_add (parts, _cs_document_format_date (doc));
  g_ptr_array_add (parts, NULL);
  line = g_strjoinv (" · ", (char **) parts->pdata);

  set_color (cr, 0x555555);
  prepare (page->layout, cs_document_get_title (doc), page->body_width * 0.34, SMALL_FONT, TRUE);
  pango_layout_set_ellipsize (page->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (page->layout, 0);
  show_at (page, page->left, MARGIN);
  prepare (page->layout, line, page->body_width * 0.64, SMALL_FONT, FALSE);
  pango_layout_set_alignment (page->layout, PANGO_ALIGN_RIGHT);
  show_at (page, page->left + page->body_width * 0.36, MARGIN);
  pango_layout_set_alignment (page->layout, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (page->layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (page->layout, -1);

  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, page->left, MARGIN + HEADER_HEIGHT - 12);
  cairo_line_to (cr, page->left + page->body_width, MARGIN + HEADER_HEIGHT - 12);
  cairo_stroke (cr);

  /* Translators: the page number at the foot of each page of a document */
  number = g_strdup_printf (_cs_document_tr (doc, N_("Page %u")), painter->page + 1);
  prepare (page->layout, number, -1, SMALL_FONT, FALSE);
  pango_layout_get_size (page->layout, &w, &h);
  show_at (page, page->left + page->body_width - (double) w / PANGO_SCALE,
           painter->height - MARGIN - (double) h / PANGO_SCALE);
  set_color (cr, 0x222222);
}

static void
draw_title (Page *page)
{
  CsDocument *doc = page->painter->document;
  const char *labels[4] = {
    _cs_document_tr (doc, N_("Client")), _cs_document_tr (doc, N_("Provider")),
    _cs_document_tr (doc, N_("Consultant")), _cs_document_tr (doc, N_("Date")),
  };
  g_autofree char *date = _cs_document_format_date (doc);
  const char *values[4] = {
    _cs_document_get_client (doc), _cs_document_get_provider (doc),
    _cs_document_get_consultant (doc), date,
  };

  double title_height = prepare (page->layout, cs_document_get_title (doc), page->body_width,
                                 "Sans 18", TRUE);

  show_at (page, page->left, page->y);
  page->y += title_height + 8;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double h;

      if (values[i] == NULL)
        continue;
      set_color (page->cr, 0x555555);
      prepare (page->layout, labels[i], 90, BODY_FONT, TRUE);
      show_at (page, page->left, page->y);
      set_color (page->cr, 0x222222);
      h = prepare (page->layout, values[i], page->body_width - 95, BODY_FONT, FALSE);
      show_at (page, page->left + 95, page->y);
      page->y += h + 2;
    }
  page->y += 12;
}

/* Draws as many lines of the laid-out paragraph as fit, from @first. Returns the first line
 * not drawn, or -1 when all were. */
static int
draw_lines (Page   *page,
            double  x,
            int     first)
{
  PangoLayoutIter *it = pango_layout_get_iter (page->layout);
  double origin = -1, drawn = 0;
  int i = 0, result = -1;

  do
    {
      PangoRectangle logical;
      double top, height, baseline;

      if (i++ < first)
        continue;
      pango_layout_iter_get_line_extents (it, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      if (origin < 0)
        origin = top;
      if (page->y + (top - origin) + height > page->bottom && i - 1 > first)
        {
          result = i - 1;
          break;
        }
      baseline = (double) pango_layout_iter_get_baseline (it) / PANGO_SCALE;
      cairo_move_to (page->cr, x, page->y + baseline - origin);
      pango_cairo_show_layout_line (page->cr, pango_layout_iter_get_line_readonly (it));
      drawn = top + height - origin;
    }
  while (pango_layout_iter_next_line (it));

  pango_layout_iter_free (it);
  page->y += drawn;
  return result;
}

static gboolean
draw_text_block (Page            *page,
                 CsDocumentBlock *block)
{
  CsDocumentPainter *painter = page->painter;
  double indent = 0;
  double height;
  int next;

  if (block->kind == CS_BLOCK_HEADING)
    {
      const char *font = block->level == 1 ? "Sans 13" : block->level == 2 ? "Sans 11" : "Sans 9.5";

      height = prepare (page->layout, block->text, page->body_width, font, TRUE);
      /* A heading keeps the start of what follows (a table's header and first row) with it. */
      if (page->y + height + 70 > page->bottom && page->y > MARGIN + HEADER_HEIGHT)
        return FALSE;
      page->y += block->level == 1 ? 8 : 4;
      show_at (page, page->left, page->y);
      page->y += height + 4;
      return TRUE;
    }

  if (block->kind == CS_BLOCK_LIST_ITEM || block->kind == CS_BLOCK_TASK)
    indent = 14;

  height = prepare (page->layout, block->text, page->body_width - indent, BODY_FONT, FALSE);
  if (block->kind != CS_BLOCK_PARAGRAPH && page->y + height > page->bottom
      && page->y > MARGIN + HEADER_HEIGHT)
    return FALSE;

  if (painter->line == 0 && block->kind == CS_BLOCK_LIST_ITEM)
    {
      cairo_new_path (page->cr);
      cairo_arc (page->cr, page->left + 5, page->y + 5.5, 1.6, 0, 2 * G_PI);
      cairo_fill (page->cr);
    }
  else if (painter->line == 0 && block->kind == CS_BLOCK_TASK)
    draw_tick (page->cr, page->left + 1, page->y + 1.5, block->done);

  next = draw_lines (page, page->left + indent, painter->line);
  if (next >= 0)
    {
      painter->line = next;
      return FALSE;
    }
  painter->line = 0;
  page->y += block->kind == CS_BLOCK_PARAGRAPH ? 6 : 2;
  return TRUE;
}

static gboolean
draw_signature (Page            *page,
                CsDocumentBlock *block)
{
  CsDocument *doc = page->painter->document;
  guint n = g_strv_length (block->parties);
  double column, height = 110;
  const char *lines[3] = {
    _cs_document_tr (doc, N_("Name")), _cs_document_tr (doc, N_("Date")),
    _cs_document_tr (doc, N_("Signature")),
  };

  if (n == 0)
    return TRUE;
  if (page->y + height > page->bottom && page->y > MARGIN + HEADER_HEIGHT)
    return FALSE;

  column = page->body_width / n;
  page->y += 10;
  for (guint i = 0; i < n; i++)
    {
      double x = page->left + i * column;
      double y = page->y;

      prepare (page->layout, block->parties[i], column - 12, BODY_FONT, TRUE);
      show_at (page, x, y);
      y += 20;
      for (guint k = 0; k < G_N_ELEMENTS (lines); k++)
        {
          prepare (page->layout, lines[k], column - 12, SMALL_FONT, FALSE);
          show_at (page, x, y);
          cairo_set_line_width (page->cr, 0.5);
          cairo_move_to (page->cr, x + 52, y + 9);
          cairo_line_to (page->cr, x + column - 14, y + 9);
          cairo_stroke (page->cr);
          y += k == 1 ? 40 : 22;
        }
    }
  page->y += height;
  return TRUE;
}

static guint32
score_color (double value)
{
  if (value < 0.5)
    return 0xe01b24;
  if (value < 0.75)
    return 0xe5a50a;
  return 0x2ec27e;
}

static gboolean
draw_chart (Page            *page,
            CsDocumentBlock *block)
{
  CsDocument *doc = page->painter->document;
  guint n = g_strv_length (block->parties);
  double label_width = MIN (170, page->body_width * 0.3);
  double track = page->body_width - label_width - 50;
  double height = 18 + n * 14 + 8;
  double title_height;

  if (page->y + height > page->bottom && page->y > MARGIN + HEADER_HEIGHT)
    return FALSE;

  title_height = prepare (page->layout, block->text, page->body_width, BODY_FONT, TRUE);
  show_at (page, page->left, page->y);
  page->y += title_height + 5;
  for (guint i = 0; i < n; i++)
    {
      double value = block->values[i];
      double y = page->y + i * 14;
      g_autofree char *percent = NULL;

      set_color (page->cr, 0x222222);
      prepare (page->layout, block->parties[i], label_width - 6, BODY_FONT, FALSE);
      pango_layout_set_ellipsize (page->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (page->layout, 0);
      show_at (page, page->left, y);
      pango_layout_set_ellipsize (page->layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (page->layout, -1);

      set_color (page->cr, 0xe4e7eb);
      cairo_rectangle (page->cr, page->left + label_width, y + 2, track, 8);
      cairo_fill (page->cr);
      if (!isnan (value))
        {
          g_autofree char *number = cs_i18n_format_number (cs_document_get_language (doc),
                                                           round (value * 100), 0);

          set_color (page->cr, score_color (value));
          cairo_rectangle (page->cr, page->left + label_width, y + 2, track * CLAMP (value, 0, 1), 8);
          cairo_fill (page->cr);
          percent = g_strconcat (number, g_str_equal (cs_i18n_resolve_language (cs_document_get_language (doc)), "fr")
                                 ? "\u202f%" : "%", NULL);
        }
      set_color (page->cr, 0x222222);
      prepare (page->layout, percent != NULL ? percent : "—", 44, BODY_FONT, FALSE);
      show_at (page, page->left + label_width + track + 6, y);
    }
  page->y += n * 14 + 10;
  return TRUE;
}

static void
column_geometry (Page            *page,
                 CsDocumentTable *table,
                 double          *x,
                 double          *w)
{
  double total = 0, pos = page->left;

  for (guint i = 0; i < table->columns->len; i++)
    total += g_array_index (table->columns, CsDocumentColumn, i).width;
  for (guint i = 0; i < table->columns->len; i++)
    {
      x[i] = pos;
      w[i] = page->body_width * g_array_index (table->columns, CsDocumentColumn, i).width / total;
      pos += w[i];
    }
}

static guint32
mark_color (CsCellMark mark)
{
  switch (mark)
    {
    case CS_CELL_MARK_BEST:
      return 0xd7f0d9;
    case CS_CELL_MARK_WORST:
      return 0xfbe3c9;
    case CS_CELL_MARK_KNOCK_OUT:
      return 0xf7cfcf;
    case CS_CELL_MARK_NONE:
    default:
      return 0xffffff;
    }
}

static char *
cell_text (CsDocument           *doc,
           const CsDocumentCell *cell)
{
  g_autofree char *text = _cs_document_format_cell (doc, cell);
  const char *mark = _cs_document_mark_label (doc, cell->mark);

  if (mark == NULL)
    return g_steal_pointer (&text);
  return g_strdup_printf ("%s (%s)", text, mark);
}

/* Most cells of a large table repeat a few texts (a category, a site, a coverage state): a
 * column keeps up to this many of them laid out, with their height, so each is shaped and
 * measured once per table. */
#define MAX_SHAPED_PER_COLUMN 64

typedef struct
{
  PangoLayout *layout;
  int          height;
} Shaped;

static void
shaped_free (gpointer data)
{
  Shaped *shaped = data;

  g_object_unref (shaped->layout);
  g_free (shaped);
}

static void
free_layouts (PangoLayout **layouts)
{
  if (layouts == NULL)
    return;
  for (guint i = 0; layouts[i] != NULL; i++)
    g_object_unref (layouts[i]);
  g_free (layouts);
}

/* Forgets the current table's layouts, at its end. */
static void
clear_shaped (CsDocumentPainter *painter)
{
  for (guint i = 0; i < painter->n_shaped; i++)
    g_hash_table_unref (painter->shaped[i]);
  g_clear_pointer (&painter->shaped, g_free);
  painter->n_shaped = 0;
  g_clear_pointer (&painter->scratch, free_layouts);
  g_clear_pointer (&painter->header, free_layouts);
  g_clear_pointer (&painter->current, g_free);
}

/* The layouts of a table, made on its first page: they outlive the page's context. */
static void
init_shaped (CsDocumentPainter *painter,
             CsDocumentTable   *table,
             PangoContext      *context)
{
  guint n = table->columns->len;

  clear_shaped (painter);
  painter->shaped = g_new0 (GHashTable *, n);
  painter->scratch = g_new0 (PangoLayout *, n + 1);
  painter->current = g_new0 (PangoLayout *, n + 1);
  painter->n_shaped = n;
  for (guint i = 0; i < n; i++)
    {
      painter->shaped[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_free);
      painter->scratch[i] = pango_layout_new (context);
    }
}

/* Lays out a cell's plain text: a text that fits on one line is laid out without a width (the
 * same line, found without trying where it could break), a longer one wrapped at @width. */
static int
prepare_cell (PangoLayout *layout,
              const char  *text,
              double       width,
              gboolean     bold)
{
  int w, h;

  set_font (layout, BODY_FONT, bold);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (width > 0 && (w > width * PANGO_SCALE || pango_layout_get_line_count (layout) > 1))
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_get_size (layout, NULL, &h);
    }
  return h;
}

/* Lays out one row and returns its height; then painter->current[i] is the layout draw_row()
 * shows for column i: a shared one reused across rows when the text repeats, else the column's
 * scratch layout, laid out for this row. With @row NULL, the header row, laid out once per table
 * in painter->header (painter->current is left alone: it may hold a row pushed to this page). */
static double
measure_row (Page             *page,
             CsDocumentTable  *table,
             CsDocumentRow    *row,
             const double     *w)
{
  CsDocumentPainter *painter = page->painter;
  CsDocument *doc = painter->document;
  double max = 12;

  if (row == NULL && painter->header != NULL)
    return painter->header_height;

  for (guint i = 0; i < table->columns->len; i++)
    {
      const CsDocumentCell *cell = row != NULL ? _cs_document_row_get_cell (row, i) : NULL;
      gboolean bold = cell == NULL || cell->mark == CS_CELL_MARK_KNOCK_OUT;
      g_autofree char *text = NULL;
      Shaped *shared;
      int height;

      painter->current[i] = painter->scratch[i];
      if (cell != NULL && cell->kind == CS_CELL_TICK)
        {
          max = MAX (max, TICK_SIZE + 2 * CELL_PAD + 2);
          continue;
        }
      text = cell == NULL ? g_strdup (g_array_index (table->columns, CsDocumentColumn, i).title)
                          : cell_text (doc, cell);
      shared = bold ? NULL : g_hash_table_lookup (painter->shaped[i], text);
      if (shared != NULL)
        {
          painter->current[i] = shared->layout;
          height = shared->height;
        }
      else
        {
          height = prepare_cell (painter->scratch[i], text, w[i] - 2 * CELL_PAD, bold);
          if (!bold && g_hash_table_size (painter->shaped[i]) < MAX_SHAPED_PER_COLUMN)
            {
              /* the laid-out layout joins the cache; the column gets a fresh scratch one */
              shared = g_new0 (Shaped, 1);
              shared->layout = painter->scratch[i];
              shared->height = height;
              g_hash_table_insert (painter->shaped[i], g_steal_pointer (&text), shared);
              painter->scratch[i] = pango_layout_new (pango_layout_get_context (shared->layout));
            }
        }
      max = MAX (max, (double) height / PANGO_SCALE + 2 * CELL_PAD);
    }

  if (row == NULL)
    {
      /* the header repeats on every page of the table: its cells get layouts of their own */
      painter->header = g_new0 (PangoLayout *, table->columns->len + 1);
      for (guint i = 0; i < table->columns->len; i++)
        {
          painter->header[i] = painter->current[i];
          if (painter->header[i] == painter->scratch[i])
            painter->scratch[i] = pango_layout_new (pango_layout_get_context (painter->header[i]));
          else
            g_object_ref (painter->header[i]);
        }
      painter->header_height = max;
    }
  return max;
}

/* Table cells: one cairo_show_text_glyphs() per page and font instead of one per cell.
 *
 * Each cell laid out by pango would otherwise reach the PDF surface as its own operation, which
 * cairo records, analyses and writes out: with 100,000 rows of ten cells, that was more than half
 * of the report's time. The cells' glyphs are queued with their positions and their text (as
 * clusters, so the PDF text stays selectable and searchable) and shown together. Rows never
 * overlap, so showing a row's text after the next row's background changes nothing on paper. */

static void
flush_glyphs (CsDocumentPainter *painter,
              cairo_t           *cr)
{
  if (painter->batch_glyphs == NULL || painter->batch_glyphs->len == 0)
    return;
  cairo_save (cr);
  cairo_set_scaled_font (cr, painter->batch_font);
  set_color (cr, painter->batch_color);
  cairo_show_text_glyphs (cr, painter->batch_text->str, (int) painter->batch_text->len,
                          (const cairo_glyph_t *) (gpointer) painter->batch_glyphs->data,
                          (int) painter->batch_glyphs->len,
                          (const cairo_text_cluster_t *) (gpointer) painter->batch_clusters->data,
                          (int) painter->batch_clusters->len, 0);
  cairo_restore (cr);
  g_array_set_size (painter->batch_glyphs, 0);
  g_array_set_size (painter->batch_clusters, 0);
  g_string_truncate (painter->batch_text, 0);
}

static void
clear_glyphs (CsDocumentPainter *painter)
{
  g_clear_pointer (&painter->batch_font, cairo_scaled_font_destroy);
  g_clear_pointer (&painter->batch_glyphs, g_array_unref);
  g_clear_pointer (&painter->batch_clusters, g_array_unref);
  if (painter->batch_text != NULL)
    g_string_free (g_steal_pointer (&painter->batch_text), TRUE);
}

/* Whether the batch can show @line the way pango's renderer would: left-to-right runs of glyphs
 * the fonts have (a missing glyph is drawn as a box by pango, an empty one skipped). */
static gboolean
line_is_plain (PangoLayoutLine *line)
{
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoLayoutRun *run = l->data;

      if (run->item->analysis.level % 2 != 0 || !PANGO_IS_CAIRO_FONT (run->item->analysis.font)
          || run->glyphs->num_glyphs == 0 || run->glyphs->log_clusters[0] != 0)
        return FALSE;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        if (run->glyphs->glyphs[i].glyph >= PANGO_GLYPH_EMPTY
            || (i > 0 && run->glyphs->log_clusters[i] < run->glyphs->log_clusters[i - 1]))
          return FALSE;
    }
  return TRUE;
}

static void
queue_run (CsDocumentPainter *painter,
           const char        *text,
           PangoLayoutRun    *run,
           double             x,
           double             baseline)
{
  PangoGlyphString *glyphs = run->glyphs;
  int position = 0;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];
      cairo_glyph_t glyph;

      glyph.index = info->glyph;
      glyph.x = x + (double) (position + info->geometry.x_offset) / PANGO_SCALE;
      glyph.y = baseline + (double) info->geometry.y_offset / PANGO_SCALE;
      g_array_append_val (painter->batch_glyphs, glyph);
      position += info->geometry.width;
    }
  for (int i = 0; i < glyphs->num_glyphs;)
    {
      int start = glyphs->log_clusters[i], next = i;
      cairo_text_cluster_t cluster;

      while (next < glyphs->num_glyphs && glyphs->log_clusters[next] == start)
        next++;
      cluster.num_glyphs = next - i;
      cluster.num_bytes = (next < glyphs->num_glyphs ? glyphs->log_clusters[next]
                                                     : run->item->length) - start;
      g_array_append_val (painter->batch_clusters, cluster);
      i = next;
    }
  g_string_append_len (painter->batch_text, text + run->item->offset, run->item->length);
}

static void
queue_line (CsDocumentPainter *painter,
            cairo_t           *cr,
            const char        *text,
            PangoLayoutLine   *line,
            double             x,
            double             baseline,
            guint32            color)
{
  int position = 0;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoLayoutRun *run = l->data;
      cairo_scaled_font_t *font;

      font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
      if (font != painter->batch_font || color != painter->batch_color)
        {
          flush_glyphs (painter, cr);
          g_clear_pointer (&painter->batch_font, cairo_scaled_font_destroy);
          painter->batch_font = cairo_scaled_font_reference (font);
          painter->batch_color = color;
        }
      queue_run (painter, text, run, x + (double) position / PANGO_SCALE, baseline);
      position += pango_glyph_string_get_width (run->glyphs);
    }
}

/* Shows @layout (left-aligned, without indent) with its top left corner at @x, @y, in @color:
 * queued when it is plain, otherwise drawn by pango at once. */
static void
queue_layout (CsDocumentPainter *painter,
              cairo_t           *cr,
              PangoLayout       *layout,
              double             x,
              double             y,
              guint32            color)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *it;
  gboolean plain = TRUE;

  for (GSList *l = pango_layout_get_lines_readonly (layout); plain && l != NULL; l = l->next)
    plain = line_is_plain (l->data);
  if (!plain)
    {
      flush_glyphs (painter, cr);
      set_color (cr, color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  if (painter->batch_glyphs == NULL)
    {
      painter->batch_glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
      painter->batch_clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
      painter->batch_text = g_string_new (NULL);
    }

  /* One line, the common case, needs no iterator. */
  if (pango_layout_get_line_count (layout) == 1)
    {
      queue_line (painter, cr, text, pango_layout_get_line_readonly (layout, 0), x,
                  y + (double) pango_layout_get_baseline (layout) / PANGO_SCALE, color);
      return;
    }
  it = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (it, NULL, &logical);
      queue_line (painter, cr, text, pango_layout_iter_get_line_readonly (it),
                  x + (double) logical.x / PANGO_SCALE,
                  y + (double) pango_layout_iter_get_baseline (it) / PANGO_SCALE, color);
    }
  while (pango_layout_iter_next_line (it));
  pango_layout_iter_free (it);
}

static void
draw_row (Page             *page,
          CsDocumentTable  *table,
          CsDocumentRow    *row,
          PangoLayout     **layouts,
          const double     *x,
          const double     *w,
          double            height,
          gboolean          stripe)
{
  cairo_t *cr = page->cr;

  if (row == NULL || stripe)
    {
      set_color (cr, row == NULL ? 0xe4e7eb : 0xf5f6f7);
      cairo_rectangle (cr, page->left, page->y, page->body_width, height);
      cairo_fill (cr);
    }

  for (guint i = 0; i < table->columns->len; i++)
    {
      const CsDocumentCell *cell = row != NULL ? _cs_document_row_get_cell (row, i) : NULL;

      if (cell != NULL && cell->mark != CS_CELL_MARK_NONE)
        {
          set_color (cr, mark_color (cell->mark));
          cairo_rectangle (cr, x[i], page->y, w[i], height);
          cairo_fill (cr);
        }
      if (cell != NULL && cell->kind == CS_CELL_TICK)
        {
          draw_tick (cr, x[i] + CELL_PAD, page->y + CELL_PAD + 1.5, cell->ticked);
          continue;
        }
      if (cell != NULL && cell->kind == CS_CELL_EMPTY && cell->mark == CS_CELL_MARK_NONE)
        continue;
      queue_layout (page->painter, cr, layouts[i], x[i] + CELL_PAD, page->y + CELL_PAD,
                    cell != NULL && cell->mark == CS_CELL_MARK_KNOCK_OUT ? 0x9b1c1c : 0x222222);
    }

  /* Striped rows need no rule between them: a stroke per row costs much in a large table. */
  if (row == NULL)
    {
      set_color (cr, 0xb0b4b9);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, page->left, page->y + height);
      cairo_line_to (cr, page->left + page->body_width, page->y + height);
      cairo_stroke (cr);
    }
  set_color (cr, 0x222222);
}

static gboolean
draw_table_rows (Page             *page,
                 CsDocumentBlock  *block,
                 gboolean         *out_done,
                 GError          **error)
{
  CsDocumentPainter *painter = page->painter;
  CsDocumentTable *table = block->table;
  g_autofree double *x = g_new (double, MAX (table->columns->len, 1));
  g_autofree double *w = g_new (double, MAX (table->columns->len, 1));
  double header;
  guint on_page = 0;

  *out_done = FALSE;
  if (table->columns->len == 0)
    {
      *out_done = TRUE;
      return TRUE;
    }
  column_geometry (page, table, x, w);

  if (!painter->in_table)
    {
      GPtrArray *blocks = _cs_document_get_blocks (painter->document);
      CsDocumentBlock *previous = painter->block > 0
                                  ? g_ptr_array_index (blocks, painter->block - 1) : NULL;

      /* The caption, unless the heading just above says the same. */
      if (table->title != NULL
          && (previous == NULL || previous->kind != CS_BLOCK_HEADING
              || g_strcmp0 (previous->text, table->title) != 0))
        {
          double height = prepare (page->layout, table->title, page->body_width, BODY_FONT, TRUE);

          if (page->y + height + 40 > page->bottom && page->y > MARGIN + HEADER_HEIGHT)
            return TRUE;
          show_at (page, page->left, page->y);
          page->y += height + 3;
        }
      if (!_cs_table_iter_init (&painter->iter, table, NULL, error))
        return FALSE;
      painter->in_table = TRUE;
      painter->row_number = 0;
      painter->pending = NULL;
      init_shaped (painter, table, pango_layout_get_context (page->layout));
    }

  header = measure_row (page, table, NULL, w);
  if (page->y + header + 30 > page->bottom && page->y > MARGIN + HEADER_HEIGHT)
    return TRUE;
  draw_row (page, table, NULL, painter->header, x, w, header, FALSE);
  page->y += header;

  for (;;)
    {
      CsDocumentRow *row = painter->pending;
      g_autoptr(GError) local_error = NULL;
      double height;

      if (row == NULL && !_cs_table_iter_next (&painter->iter, &row, &local_error))
        {
          _cs_table_iter_clear (&painter->iter);
          painter->in_table = FALSE;
          clear_shaped (painter);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          page->y += 8;
          *out_done = TRUE;
          return TRUE;
        }
      /* A row that did not fit on the previous page keeps its layouts and height. */
      if (row != NULL && row == painter->pending)
        height = painter->pending_height;
      else
        height = measure_row (page, table, row, w);
      painter->pending = NULL;
      /* A row taller than a page is cut rather than pushed forever to the next one. */
      if (page->y + height > page->bottom && on_page > 0)
        {
          painter->pending = row;
          painter->pending_height = height;
          return TRUE;
        }
      draw_row (page, table, row, painter->current, x, w, height, painter->row_number % 2 == 1);
      page->y += height;
      painter->row_number++;
      on_page++;
    }
}

static gboolean
draw_table (Page             *page,
            CsDocumentBlock  *block,
            gboolean         *out_done,
            GError          **error)
{
  gboolean ok = draw_table_rows (page, block, out_done, error);

  flush_glyphs (page->painter, page->cr);
  return ok;
}

/**
 * cs_document_painter_new:
 * @document: a #CsDocument
 * @width: the page width, in points
 * @height: the page height, in points
 *
 * Creates a painter that draws @document from its first page.
 *
 * Returns: (transfer full): a painter; free with cs_document_painter_free()
 */
CsDocumentPainter *
cs_document_painter_new (CsDocument *document,
                         double      width,
                         double      height)
{
  CsDocumentPainter *painter;

  g_return_val_if_fail (CS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (width > 4 * MARGIN && height > 4 * MARGIN, NULL);

  painter = g_new0 (CsDocumentPainter, 1);
  painter->document = g_object_ref (document);
  painter->width = width;
  painter->height = height;
  return painter;
}

/**
 * cs_document_painter_get_n_pages_done:
 * @painter: a #CsDocumentPainter
 *
 * Returns: how many pages were drawn so far
 */
guint
cs_document_painter_get_n_pages_done (CsDocumentPainter *painter)
{
  g_return_val_if_fail (painter != NULL, 0);
  return painter->page;
}

/**
 * cs_document_painter_draw_page:
 * @painter: a #CsDocumentPainter
 * @cr: a cairo context whose user units are points, with the page's origin at 0, 0
 * @out_more: (out): whether another page follows
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Draws the next page on @cr (it neither begins nor shows the page: the caller does).
 *
 * Returns: %FALSE when a row source failed or the work was cancelled
 */
gboolean
cs_document_painter_draw_page (CsDocumentPainter  *painter,
                               cairo_t            *cr,
                               gboolean           *out_more,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(PangoLayout) layout = NULL;
  cairo_font_options_t *options = NULL;
  PangoContext *context;
  GPtrArray *blocks;
  Page page = { 0, };

  g_return_val_if_fail (painter != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (out_more != NULL, FALSE);

  *out_more = FALSE;
  if (painter->finished)
    return TRUE;

  layout = pango_cairo_create_layout (cr);
  context = pango_layout_get_context (layout);
  /* Points in, points out, and the same metrics on paper as in the PDF. */
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  page.painter = painter;
  page.cr = cr;
  page.layout = layout;
  page.left = MARGIN;
  page.body_width = painter->width - 2 * MARGIN;
  page.y = MARGIN + HEADER_HEIGHT;
  page.bottom = painter->height - MARGIN - FOOTER_HEIGHT;
  painter->iter.cancellable = cancellable;

  cairo_save (cr);
  draw_header_footer (&page);
  if (painter->page == 0)
    draw_title (&page);

  blocks = _cs_document_get_blocks (painter->document);
  while (painter->block < blocks->len)
    {
      CsDocumentBlock *block = g_ptr_array_index (blocks, painter->block);
      gboolean done = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_restore (cr);
          return FALSE;
        }

      if (block->kind == CS_BLOCK_TABLE)
        {
          if (!draw_table (&page, block, &done, error))
            {
              cairo_restore (cr);
              return FALSE;
            }
        }
      else if (block->kind == CS_BLOCK_SIGNATURE)
        done = draw_signature (&page, block);
      else if (block->kind == CS_BLOCK_CHART)
        done = draw_chart (&page, block);
      else
        done = draw_text_block (&page, block);

      if (!done)
        break;
      painter->block++;
    }
  cairo_restore (cr);

  painter->page++;
  painter->finished = painter->block >= blocks->len;
  *out_more = !painter->finished;
  return TRUE;
}

/**
 * cs_document_painter_free:
 * @painter: (nullable): a #CsDocumentPainter
 *
 * Frees @painter, closing a row source it was reading.
 */
void
cs_document_painter_free (CsDocumentPainter *painter)
{
  if (painter == NULL)
    return;
  if (painter->in_table)
    _cs_table_iter_clear (&painter->iter);
  clear_shaped (painter);
  clear_glyphs (painter);
  g_object_unref (painter->document);
  g_free (painter);
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  FILE *file = closure;

  return fwrite (data, 1, length, file) == length ? CAIRO_STATUS_SUCCESS
                                                  : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
_cs_document_write_pdf (CsDocument    *self,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(CsDocumentPainter) painter = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean more = TRUE, ok = TRUE;
  double width, height;
  FILE *file;

  file = g_fopen (path, "wb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  cs_paper_size_get_points (cs_document_get_paper (self), cs_document_get_landscape (self),
                            &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, file, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, cs_document_get_title (self));
  if (_cs_document_get_consultant (self) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    _cs_document_get_consultant (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Contract Scope");
  cr = cairo_create (surface);

  painter = cs_document_painter_new (self, width, height);
  while (ok && more)
    {
      ok = cs_document_painter_draw_page (painter, cr, &more, cancellable, error);
      if (ok)
        cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (fclose (file) != 0 && ok)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  return ok;
}
