/* cs-rulefile.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-rulefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-autocleanups-private.h"
#include "cs-rulefile-private.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

/*
 * Reading the XML rule files (checklist packs, linter rules): parsed from memory without
 * network access, entity expansion or DTD loading, any DOCTYPE refused, then validated against
 * the RelaxNG schema bundled in the resources. The first problem becomes a translated GError
 * that names the file and the line.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)

typedef struct
{
  int   line;
  char *message;
} FirstError;

static void
capture_error_cb (void        *user_data,
                  xmlErrorPtr  error)
{
  FirstError *first = user_data;

  if (first->message != NULL || error == NULL)
    return;

  first->line = error->line;
  first->message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
}

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

/**
 * _cs_rulefile_parse:
 * @xml: the file contents
 * @name: the file name, for messages
 * @schema_resource: the resource path of the RelaxNG schema
 * @domain: the error domain to report in
 * @code: the error code to report with
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the valid document, or %NULL with @error set
 */
xmlDoc *
_cs_rulefile_parse (GBytes      *xml,
                    const char  *name,
                    const char  *schema_resource,
                    GQuark       domain,
                    int          code,
                    GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GBytes) schema_bytes = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) schema_ctxt = NULL;
  g_autoptr(xmlRelaxNG) schema = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) valid_ctxt = NULL;
  FirstError first = { 0, NULL };
  const char *data = NULL;
  gsize size = 0;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  data = g_bytes_get_data (xml, &size);
  if (size > CS_RULEFILE_MAX_SIZE)
    {
      g_set_error (error, domain, code, _("The rule file “%s” is too large."), name);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("out of memory");

  doc = xmlCtxtReadMemory (ctxt, size > 0 ? data : "", (int) size, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      xmlErrorPtr last = xmlCtxtGetLastError (ctxt);

      g_set_error (error, domain, code,
                   _("The rule file “%s” is not well-formed XML: line %d: %s"), name,
                   last != NULL ? last->line : 1,
                   last != NULL && last->message != NULL ? g_strstrip (last->message) : "");
      return NULL;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, domain, code,
                   _("The rule file “%s” has a document type declaration, which is not allowed."),
                   name);
      return NULL;
    }

  schema_bytes = g_resources_lookup_data (schema_resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (schema_bytes != NULL);

  schema_ctxt = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (schema_bytes, NULL),
                                            (int) g_bytes_get_size (schema_bytes));
  xmlRelaxNGSetParserStructuredErrors (schema_ctxt, ignore_error_cb, NULL);
  schema = xmlRelaxNGParse (schema_ctxt);
  g_assert (schema != NULL);

  valid_ctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (valid_ctxt, capture_error_cb, &first);
  if (xmlRelaxNGValidateDoc (valid_ctxt, doc) != 0)
    {
      g_set_error (error, domain, code,
                   _("The rule file “%s” is not valid: line %d: %s"), name, first.line,
                   first.message != NULL ? first.message : _("unknown error"));
      g_free (first.message);
      return NULL;
    }

  g_free (first.message);

  return g_steal_pointer (&doc);
}

/**
 * _cs_rulefile_get_text:
 * @node: an element
 *
 * Returns: (transfer full): the text of @node, with runs of white space collapsed to one
 *   space and trimmed, as xgettext extracts it
 */
char *
_cs_rulefile_get_text (xmlNode *node)
{
  g_autoptr(xmlChar) content = xmlNodeGetContent (node);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (content == NULL)
    return g_strdup ("");

  for (const char *p = (const char *) content; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _cs_rulefile_get_prop:
 * @node: an element
 * @name: an attribute name
 *
 * Returns: (transfer full) (nullable): the attribute value
 */
char *
_cs_rulefile_get_prop (xmlNode    *node,
                       const char *name)
{
  g_autoptr(xmlChar) value = xmlGetProp (node, (const xmlChar *) name);

  return value != NULL ? g_strdup ((const char *) value) : NULL;
}

/**
 * _cs_rulefile_child:
 * @node: an element
 * @name: an element name
 *
 * Returns: (transfer none) (nullable): the first child element of @node called @name
 */
xmlNode *
_cs_rulefile_child (xmlNode    *node,
                    const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      return child;

  return NULL;
}

/**
 * _cs_rulefile_translate:
 * @text: (nullable): an English text of a rule file
 *
 * Returns: (nullable): @text translated into the user's language
 */
const char *
_cs_rulefile_translate (const char *text)
{
  g_autoptr(GString) msgid = NULL;
  const char *translated;

  if (text == NULL || *text == '\0')
    return text;

  if (strpbrk (text, "&<>") == NULL)
    return g_dgettext (GETTEXT_PACKAGE, text);

  /* xgettext extracts the text of XML files with &, < and > escaped as in the file, while
   * libxml2 hands them to us unescaped: look up the extracted form. */
  msgid = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (msgid, "&amp;");
          break;
        case '<':
          g_string_append (msgid, "&lt;");
          break;
        case '>':
          g_string_append (msgid, "&gt;");
          break;
        default:
          g_string_append_c (msgid, *p);
        }
    }

  translated = g_dgettext (GETTEXT_PACKAGE, msgid->str);

  /* Untranslated, gettext returns the msgid itself, which is freed here. */
  return translated == msgid->str ? text : translated;
}
