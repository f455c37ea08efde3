/* cs-contract-zip.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-contract"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-autocleanups-private.h"
#include "cs-contract-private.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <zip.h>

/*
 * Reading the text of an ODT (content.xml) or DOCX (word/document.xml) contract.
 *
 * The zip container is read with libzip, consistency-checked. The XML part is refused when its
 * stated size is above CS_CONTRACT_MAX_PART or more than CS_CONTRACT_MAX_RATIO times its
 * compressed size (a zip bomb), and it is inflated in chunks with a cap, whatever its header
 * says. The XML is then parsed from memory under the rules of the XML exchange import: any
 * DOCTYPE refused before a parser sees the bytes (no entity, internal or external, is ever
 * declared, so none is expanded or fetched), XML_PARSE_NONET, never NOENT, DTDLOAD or HUGE
 * (libxml2's default depth limit stays on), and a depth limit of our own on the walk.
 */

#define DOCX_NS  "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define ODT_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define MAX_WALK_DEPTH 200
#define CHUNK 65536

G_DEFINE_AUTOPTR_CLEANUP_FUNC (zip_t, zip_discard)

#define MAX_LEVELS 9
#define MAX_STYLE_DEPTH 32

/* One level of a DOCX list (word/numbering.xml, w:abstractNum/w:lvl). */
typedef struct
{
  char *format;   /* w:numFmt: "decimal", "lowerLetter", "bullet" … */
  char *text;     /* w:lvlText: "%1.%2" */
  guint start;    /* w:start */
} Level;

/* A DOCX list (w:num) as its paragraphs number themselves: its levels and where each counts. */
typedef struct
{
  Level levels[MAX_LEVELS];
  guint counters[MAX_LEVELS];
  gboolean started[MAX_LEVELS];
} List;

typedef struct
{
  CsContractFormat  format;
  GArray           *lines;
  guint             page;
  GString          *text;
  GHashTable       *lists;   /* w:numId (string) → List; NULL without numbering.xml */
  GHashTable       *styles;  /* w:styleId → paragraph w:style of word/styles.xml, or NULL */
  char             *default_style;  /* the paragraph style of paragraphs naming none */
} Walk;

static gboolean
is (xmlNode    *node,
    const char *ns,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && g_str_equal ((const char *) node->ns->href, ns)
         && g_str_equal ((const char *) node->name, name);
}

static char *
get_attr (xmlNode    *node,
          const char *ns,
          const char *name)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static void
list_free (gpointer data)
{
  List *list = data;

  for (guint i = 0; i < MAX_LEVELS; i++)
    {
      g_free (list->levels[i].format);
      g_free (list->levels[i].text);
    }
  g_free (list);
}

static char *
child_val (xmlNode    *node,
           const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is (child, DOCX_NS, name))
      return get_attr (child, DOCX_NS, "val");
  return NULL;
}

/* The lists of word/numbering.xml: each w:num with the levels of its w:abstractNum. */
static GHashTable *
read_lists (xmlNode *root)
{
  g_autoptr(GHashTable) abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_free);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (is (node, DOCX_NS, "abstractNum"))
      {
        char *id = get_attr (node, DOCX_NS, "abstractNumId");

        if (id != NULL)
          g_hash_table_replace (abstracts, id, node);
      }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *abstract_id = NULL;
      xmlNode *abstract;
      List *list;

      if (!is (node, DOCX_NS, "num") || (id = get_attr (node, DOCX_NS, "numId")) == NULL
          || (abstract_id = child_val (node, "abstractNumId")) == NULL
          || (abstract = g_hash_table_lookup (abstracts, abstract_id)) == NULL)
        continue;

      list = g_new0 (List, 1);
      for (xmlNode *lvl = abstract->children; lvl != NULL; lvl = lvl->next)
        {
          g_autofree char *ilvl = NULL;
          g_autofree char *start = NULL;
          guint64 level = 0;

          if (!is (lvl, DOCX_NS, "lvl") || (ilvl = get_attr (lvl, DOCX_NS, "ilvl")) == NULL
              || !g_ascii_string_to_unsigned (ilvl, 10, 0, MAX_LEVELS - 1, &level, NULL))
            continue;
          start = child_val (lvl, "start");
          g_free (list->levels[level].format);
          g_free (list->levels[level].text);
          list->levels[level].format = child_val (lvl, "numFmt");
          list->levels[level].text = child_val (lvl, "lvlText");
          list->levels[level].start = start != NULL ? (guint) CLAMP (g_ascii_strtoll (start, NULL, 10), 0, 100000) : 1;
        }
      g_hash_table_replace (lists, g_steal_pointer (&id), list);
    }

  return lists;
}

static void
append_number (GString    *out,
               guint       n,
               const char *format)
{
  static const struct { guint value; const char *digits; } roman[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  gsize start = out->len;

  if (g_strcmp0 (format, "lowerLetter") == 0 || g_strcmp0 (format, "upperLetter") == 0)
    {
      /* a … z, aa … zz, as Word counts */
      for (guint k = 0; n > 0 && k <= (n - 1) / 26; k++)
        g_string_append_c (out, (char) ('a' + (n - 1) % 26));
    }
  else if (g_strcmp0 (format, "lowerRoman") == 0 || g_strcmp0 (format, "upperRoman") == 0)
    {
      for (guint k = 0; k < G_N_ELEMENTS (roman) && n < 4000; k++)
        for (; n >= roman[k].value; n -= roman[k].value)
          g_string_append (out, roman[k].digits);
    }
  else
    g_string_append_printf (out, "%u", n);

  if (format != NULL && g_str_has_prefix (format, "upper"))
    for (gsize i = start; i < out->len; i++)
      out->str[i] = g_ascii_toupper (out->str[i]);
}

/* The paragraph styles of word/styles.xml, by w:styleId; the default one in @out_default. */
static GHashTable *
read_styles (xmlNode  *root,
             char    **out_default)
{
  GHashTable *styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *type = NULL;
      g_autofree char *is_default = NULL;
      char *id = NULL;

      if (!is (node, DOCX_NS, "style") || (id = get_attr (node, DOCX_NS, "styleId")) == NULL)
        continue;
      type = get_attr (node, DOCX_NS, "type");
      if (type != NULL && !g_str_equal (type, "paragraph"))
        {
          g_free (id);
          continue;
        }
      is_default = get_attr (node, DOCX_NS, "default");
      if (*out_default == NULL && (g_strcmp0 (is_default, "1") == 0 || g_strcmp0 (is_default, "true") == 0))
        *out_default = g_strdup (id);
      g_hash_table_replace (styles, id, node);
    }
  return styles;
}

/* Takes the w:numId and w:ilvl of the w:pPr/w:numPr of @node (a w:p or a w:style) that
 * are not known yet, and its w:pPr/w:pStyle in @out_style when asked. */
static void
take_numbering (xmlNode  *node,
                char    **num_id,
                char    **ilvl,
                char    **out_style)
{
  for (xmlNode *ppr = node->children; ppr != NULL; ppr = ppr->next)
    {
      if (!is (ppr, DOCX_NS, "pPr"))
        continue;
      for (xmlNode *child = ppr->children; child != NULL; child = child->next)
        {
          if (is (child, DOCX_NS, "numPr"))
            {
              if (*num_id == NULL)
                *num_id = child_val (child, "numId");
              if (*ilvl == NULL)
                *ilvl = child_val (child, "ilvl");
            }
          else if (out_style != NULL && *out_style == NULL && is (child, DOCX_NS, "pStyle"))
            *out_style = get_attr (child, DOCX_NS, "val");
        }
    }
}

/* The list and level of a paragraph as Word applies them: its own w:numPr first, then its
 * paragraph style's and those the style is based on (w:basedOn), nearest first, a chain cut
 * after MAX_STYLE_DEPTH styles (a loop). A w:numId of 0 takes the numbering away. */
static void
docx_numbering (Walk     *walk,
                xmlNode  *paragraph,
                char    **out_num_id,
                char    **out_ilvl)
{
  g_autofree char *style_id = NULL;

  take_numbering (paragraph, out_num_id, out_ilvl, &style_id);
  if (style_id == NULL && walk->default_style != NULL)
    style_id = g_strdup (walk->default_style);
  for (guint depth = 0; walk->styles != NULL && style_id != NULL && depth < MAX_STYLE_DEPTH
       && (*out_num_id == NULL || *out_ilvl == NULL); depth++)
    {
      xmlNode *style = g_hash_table_lookup (walk->styles, style_id);

      g_clear_pointer (&style_id, g_free);
      if (style == NULL)
        break;
      take_numbering (style, out_num_id, out_ilvl, NULL);
      style_id = child_val (style, "basedOn");
    }
  if (g_strcmp0 (*out_num_id, "0") == 0)
    g_clear_pointer (out_num_id, g_free);
}

/* The number Word shows before a paragraph of a list ("4.3", "b)"), counting it; "" for
 * bullets and paragraphs outside any list of numbering.xml. */
static char *
docx_list_label (Walk    *walk,
                 xmlNode *paragraph)
{
  g_autofree char *num_id = NULL;
  g_autofree char *ilvl = NULL;
  GString *label;
  guint64 level = 0;
  List *list;

  if (walk->lists == NULL)
    return NULL;
  docx_numbering (walk, paragraph, &num_id, &ilvl);
  if (num_id == NULL || (list = g_hash_table_lookup (walk->lists, num_id)) == NULL)
    return NULL;
  if (ilvl != NULL && !g_ascii_string_to_unsigned (ilvl, 10, 0, MAX_LEVELS - 1, &level, NULL))
    return NULL;

  /* this level counts on; the deeper ones start again */
  list->counters[level] = list->started[level] ? list->counters[level] + 1 : list->levels[level].start;
  list->started[level] = TRUE;
  for (guint k = level + 1; k < MAX_LEVELS; k++)
    list->started[k] = FALSE;

  if (list->levels[level].text == NULL || g_strcmp0 (list->levels[level].format, "bullet") == 0
      || g_strcmp0 (list->levels[level].format, "none") == 0)
    return NULL;

  label = g_string_new (NULL);
  for (const char *p = list->levels[level].text; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          guint k = (guint) (p[1] - '1');

          append_number (label, list->started[k] ? list->counters[k] : list->levels[k].start,
                         list->levels[k].format);
          p++;
        }
      else
        g_string_append_c (label, *p);
    }
  return g_string_free (label, FALSE);
}

/* Collects the text of a paragraph's runs (DOCX w:t, ODT text nodes, spans, spaces). */
static void
collect_text (Walk    *walk,
              xmlNode *node,
              guint    depth)
{
  if (depth > MAX_WALK_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          /* DOCX keeps text in w:t only; ODT anywhere inside the paragraph */
          if (walk->format == CS_CONTRACT_FORMAT_ODT || is (node, DOCX_NS, "t"))
            g_string_append (walk->text, (const char *) child->content);
        }
      else if (is (child, DOCX_NS, "tab") || is (child, ODT_TEXT, "tab")
               || is (child, ODT_TEXT, "s") || is (child, ODT_TEXT, "line-break"))
        g_string_append_c (walk->text, ' ');
      else if (is (child, DOCX_NS, "lastRenderedPageBreak") || is (child, ODT_TEXT, "soft-page-break"))
        walk->page++;
      else if (is (child, DOCX_NS, "br"))
        {
          g_autofree char *type = get_attr (child, DOCX_NS, "type");

          if (g_strcmp0 (type, "page") == 0)
            walk->page++;
          else
            g_string_append_c (walk->text, ' ');
        }
      else if (is (child, ODT_TEXT, "note") || is (child, DOCX_NS, "instrText")
               || is (child, DOCX_NS, "delText"))
        continue;
      else if (child->type == XML_ELEMENT_NODE)
        collect_text (walk, child, depth + 1);
    }
}

/* The heading level a style name or identifier says ("Heading2", "heading 2", "Titre 1"),
 * or 0. */
static guint
heading_name_level (const char *name)
{
  static const char * const words[] = { "Heading", "Titre", NULL };

  for (guint i = 0; name != NULL && words[i] != NULL; i++)
    {
      const char *p = name + strlen (words[i]);

      if (g_ascii_strncasecmp (name, words[i], strlen (words[i])) != 0)
        continue;
      if (*p == ' ')
        p++;
      if (p[0] >= '1' && p[0] <= '9' && p[1] == '\0')
        return p[0] - '0';
    }
  return 0;
}

/* The w:outlineLvl of the w:pPr of @node (a w:p or a w:style) as a heading level, 1 to 9;
 * 0 when it has none, and in @out_body whether it has one saying body text (9). */
static guint
outline_level (xmlNode  *node,
               gboolean *out_body)
{
  for (xmlNode *ppr = node->children; ppr != NULL; ppr = ppr->next)
    {
      if (!is (ppr, DOCX_NS, "pPr"))
        continue;
      for (xmlNode *child = ppr->children; child != NULL; child = child->next)
        {
          g_autofree char *value = NULL;
          gint64 level;

          if (!is (child, DOCX_NS, "outlineLvl") || (value = get_attr (child, DOCX_NS, "val")) == NULL)
            continue;
          level = CLAMP (g_ascii_strtoll (value, NULL, 10), 0, 9);
          *out_body = level == 9;
          return level == 9 ? 0 : (guint) level + 1;
        }
    }
  return 0;
}

/* The heading level of a DOCX paragraph, or 0: its own w:outlineLvl first, then its
 * paragraph style's and those the style is based on, nearest first, each by its
 * w:outlineLvl or its name ("Heading 2", "Titre 1", a custom "Article" based on
 * "Heading 1"); a chain cut after MAX_STYLE_DEPTH styles (a loop). */
static guint
docx_heading_level (Walk    *walk,
                    xmlNode *paragraph)
{
  g_autofree char *style_id = NULL;
  g_autofree char *num_id = NULL;
  g_autofree char *ilvl = NULL;
  gboolean body = FALSE;
  guint level = outline_level (paragraph, &body);

  if (level > 0 || body)
    return level;
  take_numbering (paragraph, &num_id, &ilvl, &style_id);
  if ((level = heading_name_level (style_id)) > 0)
    return level;
  if (style_id == NULL && walk->default_style != NULL)
    style_id = g_strdup (walk->default_style);
  for (guint depth = 0; walk->styles != NULL && style_id != NULL && depth < MAX_STYLE_DEPTH; depth++)
    {
      xmlNode *style = g_hash_table_lookup (walk->styles, style_id);
      g_autofree char *name = NULL;

      if (style == NULL)
        return heading_name_level (style_id);
      if ((level = outline_level (style, &body)) > 0 || body)
        return level;
      name = child_val (style, "name");
      if ((level = heading_name_level (name)) > 0 || (level = heading_name_level (style_id)) > 0)
        return level;
      g_free (style_id);
      style_id = child_val (style, "basedOn");
    }
  return 0;
}

static void
walk_tree (Walk    *walk,
           xmlNode *node,
           guint    depth)
{
  if (depth > MAX_WALK_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint level = 0;
      guint page = 0;

      if (is (child, DOCX_NS, "p"))
        level = docx_heading_level (walk, child);
      else if (is (child, ODT_TEXT, "h"))
        {
          g_autofree char *outline = get_attr (child, ODT_TEXT, "outline-level");

          level = outline != NULL ? (guint) CLAMP (g_ascii_strtoll (outline, NULL, 10), 1, 9) : 1;
        }
      else if (is (child, ODT_TEXT, "soft-page-break"))
        {
          walk->page++;
          continue;
        }
      else if (!is (child, ODT_TEXT, "p"))
        {
          if (child->type == XML_ELEMENT_NODE)
            walk_tree (walk, child, depth + 1);
          continue;
        }

      g_string_truncate (walk->text, 0);
      page = walk->page;
      if (is (child, DOCX_NS, "p"))
        {
          /* Word's automatic numbering: the number is in numbering.xml, not in the text */
          g_autofree char *label = docx_list_label (walk, child);

          if (label != NULL && *label != '\0')
            {
              g_string_append (walk->text, label);
              g_string_append_c (walk->text, ' ');
            }
        }
      collect_text (walk, child, depth + 1);
      /* a page break inside a paragraph's first run belongs to the paragraph's start */
      if (walk->text->len > 0 && walk->page != page)
        page = walk->page;
      _cs_contract_lines_add (walk->lines, walk->text->str, walk->text->len, page, level, TRUE);
    }
}

/* Refuses a DOCTYPE, or any markup declaration, anywhere in the part. */
static gboolean
check_declarations (const char  *data,
                    gsize        size,
                    GError     **error)
{
  for (const char *p = memchr (data, '<', size); p != NULL;
       p = memchr (p + 1, '<', size - (p + 1 - data)))
    {
      if ((gsize) (data + size - p) >= 2 && p[1] == '!'
          && !((gsize) (data + size - p) >= 4 && p[2] == '-' && p[3] == '-')
          && !((gsize) (data + size - p) >= 9 && memcmp (p, "<![CDATA[", 9) == 0))
        {
          g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_UNSAFE,
                               _("The document declares a document type (DOCTYPE), which word processors never write: it could make the reader fetch other files or expand entities, so it was not read."));
          return FALSE;
        }
      if (p + 1 >= data + size)
        break;
    }
  return TRUE;
}

/* Inflates @index with a cap, whatever its header says. */
static GBytes *
read_part (zip_t       *zip,
           zip_int64_t  index,
           const char  *name,
           GError     **error)
{
  zip_stat_t st;
  zip_file_t *file = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[CHUNK];
  zip_int64_t n = 0;

  zip_stat_init (&st);
  if (zip_stat_index (zip, index, 0, &st) != 0
      || (st.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE))
    {
      g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_INVALID,
                   _("The part “%s” of the document could not be read."), name);
      return NULL;
    }
  if (st.size > CS_CONTRACT_MAX_PART
      || (st.size > 1024 * 1024 && st.size / MAX (st.comp_size, 1) > CS_CONTRACT_MAX_RATIO))
    {
      g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_TOO_LARGE,
                   _("The part “%s” of the document would inflate to %u MB, %u times its compressed size: it looks like a zip bomb, so it was not read."),
                   name, (guint) MIN (st.size / (1024 * 1024), G_MAXUINT),
                   (guint) MIN (st.size / MAX (st.comp_size, 1), G_MAXUINT));
      return NULL;
    }

  file = zip_fopen_index (zip, index, 0);
  if (file == NULL)
    {
      g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_INVALID,
                   _("The part “%s” of the document could not be read: %s"), name,
                   zip_strerror (zip));
      return NULL;
    }
  while ((n = zip_fread (file, buffer, sizeof buffer)) > 0)
    {
      if (out->len + (guint64) n > MIN (st.size, (guint64) CS_CONTRACT_MAX_PART))
        {
          zip_fclose (file);
          g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_TOO_LARGE,
                       _("The part “%s” of the document inflates to more than its stated size: it looks like a zip bomb, so it was not read."),
                       name);
          return NULL;
        }
      g_byte_array_append (out, buffer, n);
    }
  zip_fclose (file);
  if (n < 0 || out->len != st.size)
    {
      g_set_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_TRUNCATED,
                   _("The part “%s” of the document is damaged or cut short. Nothing was read from it."),
                   name);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* A part's XML, under the safe-parse rules (no DOCTYPE, no network, no entity expansion). */
static xmlDoc *
read_xml (GBytes  *part,
          GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (part, &size);

  if (!check_declarations (data, size, error))
    return NULL;

  doc = xmlReadMemory (size > 0 ? data : "", (int) size, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_INVALID,
                           _("The document’s text is not well-formed XML: the file is damaged. Nothing was read from it."));
      return NULL;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_UNSAFE,
                           _("The document declares a document type (DOCTYPE), which word processors never write: it could make the reader fetch other files or expand entities, so it was not read."));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

static gboolean
parse_part (GBytes           *part,
            GBytes           *numbering,
            GBytes           *styles,
            CsContractFormat  format,
            GArray           *lines,
            guint            *out_n_pages,
            GError          **error)
{
  g_autoptr(xmlDoc) doc = read_xml (part, error);
  g_autoptr(xmlDoc) numbering_doc = NULL;
  g_autoptr(xmlDoc) styles_doc = NULL;
  Walk walk = { format, lines, 1, NULL, NULL, NULL, NULL };

  if (doc == NULL)
    return FALSE;
  if (numbering != NULL)
    {
      numbering_doc = read_xml (numbering, error);
      if (numbering_doc == NULL)
        return FALSE;
      walk.lists = read_lists (xmlDocGetRootElement (numbering_doc));
    }
  if (styles != NULL)
    {
      styles_doc = read_xml (styles, error);
      if (styles_doc == NULL)
        {
          g_clear_pointer (&walk.lists, g_hash_table_unref);
          return FALSE;
        }
      walk.styles = read_styles (xmlDocGetRootElement (styles_doc), &walk.default_style);
    }

  walk.text = g_string_new (NULL);
  walk_tree (&walk, xmlDocGetRootElement (doc), 0);
  g_string_free (walk.text, TRUE);
  g_clear_pointer (&walk.lists, g_hash_table_unref);
  g_clear_pointer (&walk.styles, g_hash_table_unref);
  g_clear_pointer (&walk.default_style, g_free);
  *out_n_pages = walk.page;
  return TRUE;
}

gboolean
_cs_contract_read_zip (GBytes            *bytes,
                       CsContractFormat  *out_format,
                       GArray            *lines,
                       guint             *out_n_pages,
                       GError           **error)
{
  g_autoptr(zip_t) zip = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GBytes) numbering = NULL;
  g_autoptr(GBytes) styles = NULL;
  zip_source_t *source = NULL;
  zip_error_t zerror;
  zip_int64_t index = -1;
  const char *name = "word/document.xml";
  CsContractFormat format = CS_CONTRACT_FORMAT_DOCX;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  zip_error_init (&zerror);
  source = zip_source_buffer_create (data, size, 0, &zerror);
  if (source != NULL)
    zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zerror);
  if (zip == NULL)
    {
      int code = zip_error_code_zip (&zerror);

      if (source != NULL)
        zip_source_free (source);
      g_set_error (error, CS_CONTRACT_ERROR,
                   code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_EOF
                   ? CS_CONTRACT_ERROR_TRUNCATED : CS_CONTRACT_ERROR_INVALID,
                   _("This document’s zip container is damaged or cut short (%s). Nothing was read from it."),
                   zip_error_strerror (&zerror));
      zip_error_fini (&zerror);
      return FALSE;
    }
  zip_error_fini (&zerror);

  index = zip_name_locate (zip, name, 0);
  if (index < 0)
    {
      name = "content.xml";
      format = CS_CONTRACT_FORMAT_ODT;
      index = zip_name_locate (zip, name, 0);
    }
  if (index < 0)
    {
      g_set_error_literal (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_UNKNOWN_FORMAT,
                           _("This zip file is neither an ODT nor a DOCX document."));
      return FALSE;
    }

  part = read_part (zip, index, name, error);
  if (part == NULL)
    return FALSE;

  /* Word's automatic list numbering, when the document has any */
  if (format == CS_CONTRACT_FORMAT_DOCX
      && (index = zip_name_locate (zip, "word/numbering.xml", 0)) >= 0)
    {
      numbering = read_part (zip, index, "word/numbering.xml", error);
      if (numbering == NULL)
        return FALSE;
    }
  /* the paragraph styles, which may carry the numbering (a numbered "Heading 1") and the
   * outline level (a custom "Article" style) */
  if (format == CS_CONTRACT_FORMAT_DOCX
      && (index = zip_name_locate (zip, "word/styles.xml", 0)) >= 0)
    {
      styles = read_part (zip, index, "word/styles.xml", error);
      if (styles == NULL)
        return FALSE;
    }

  *out_format = format;
  return parse_part (part, numbering, styles, format, lines, out_n_pages, error);
}
