/* test-contract.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-contract.h"
#include "cs-demo.h"
#include "cs-test-utils.h"

#include <cairo-pdf.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <poppler.h>
#include <sys/resource.h>
#include <zip.h>

/* Tests of the contract reader (issue 16): structure, sections, proposals, acceptance and
 * undo, the labelled EN and FR fixtures in four formats, and hostile documents. */

#define RECALL_MIN    0.95
#define SECTION_MIN   0.85
#define PRECISION_MIN 0.95

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "contracts", name, NULL);
}

static CsContractDocument *
read_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  CsContractDocument *document = cs_contract_document_new_from_bytes (bytes, "test.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static const CsContractClause *
find_clause (CsContractDocument *document,
             const char         *reference)
{
  for (guint i = 0; i < cs_contract_document_get_n_clauses (document); i++)
    {
      const CsContractClause *clause = cs_contract_document_get_clause (document, i);

      if (g_str_equal (clause->reference, reference))
        return clause;
    }
  return NULL;
}

static void
test_structure (void)
{
  g_autoptr(CsContractDocument) document = read_text (
    "MASTER SERVICES AGREEMENT\n\n"
    "Article 6 – Exit and reversibility\n"
    "6.1 The Provider shall hand over the respon-\n"
    "sibility of the services to the successor.\n"
    "a) the documentation of the systems;\n"
    "b) the administrator passwords.\n"
    "6.2 The transition period lasts 3 months.\n\n"
    "Art. 7 – Terms\n"
    "The agreement is entered into for an initial term of 36 months.\n\n"
    "Annexe 2 – Niveaux de service\n"
    "1. Le délai de rétablissement est de 4 heures pour les incidents de priorité 1.\n");
  const CsContractClause *clause = NULL;

  g_assert_cmpuint (cs_contract_document_get_n_clauses (document), ==, 6);
  clause = find_clause (document, "Art. 6.1");
  g_assert_nonnull (clause);
  /* the line-end hyphen repaired, the heading kept */
  g_assert_nonnull (strstr (clause->text, "responsibility of the services"));
  g_assert_cmpstr (clause->heading, ==, "Article 6 – Exit and reversibility");
  g_assert_cmpstr (clause->section, ==, "exit");
  g_assert_nonnull (find_clause (document, "Art. 6.1 a)"));
  g_assert_nonnull (find_clause (document, "Art. 6.1 b)"));
  g_assert_nonnull (find_clause (document, "Art. 6.2"));
  /* an article without numbered items is one clause with the article's reference */
  clause = find_clause (document, "Art. 7");
  g_assert_nonnull (clause);
  g_assert_cmpstr (clause->section, ==, "terms");
  clause = find_clause (document, "Annexe 2 §1");
  g_assert_nonnull (clause);
  g_assert_cmpstr (clause->section, ==, "sla");
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static void
add_zip_entry (zip_t      *zip,
               const char *name,
               const char *text)
{
  zip_source_t *source = zip_source_buffer (zip, text, strlen (text), 0);

  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_OVERWRITE), >=, 0);
}

/* Numbering carried by paragraph styles (word/styles.xml), as Word writes a numbered
 * "Heading 1" or a custom "Article" style: the style's w:numPr, inherited through w:basedOn,
 * the paragraph's own w:numPr winning, a w:numId of 0 taking the number away, and a
 * w:basedOn loop read without hanging. */
static void
test_docx_style_numbering (void)
{
  static const char *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:styles " W_NS ">"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ArticleBase\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Article\"><w:basedOn w:val=\"ArticleBase\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Clause\"><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"LoopA\"><w:basedOn w:val=\"LoopB\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"LoopB\"><w:basedOn w:val=\"LoopA\"/></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Clause2\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "</w:styles>\n";
  static const char *numbering =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:numbering " W_NS ">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"Article %1\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>\n";
  static const char *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document " W_NS "><w:body>"
    /* Article 1, from the style Article is based on */
    "<w:p><w:pPr><w:pStyle w:val=\"Article\"/></w:pPr><w:r><w:t>– Exit and reversibility</w:t></w:r></w:p>"
    /* 1.1 */
    "<w:p><w:pPr><w:pStyle w:val=\"Clause\"/></w:pPr><w:r><w:t>The Provider shall hand over the services to the successor.</w:t></w:r></w:p>"
    /* no number: the paragraph's numId 0 wins over its style's */
    "<w:p><w:pPr><w:pStyle w:val=\"Clause\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>It includes the documentation of the systems.</w:t></w:r></w:p>"
    /* 1.2, not 1.3 */
    "<w:p><w:pPr><w:pStyle w:val=\"Clause\"/></w:pPr><w:r><w:t>The transition period lasts 3 months.</w:t></w:r></w:p>"
    /* Article 2: the paragraph's level wins, the list comes from the style */
    "<w:p><w:pPr><w:pStyle w:val=\"Clause\"/><w:numPr><w:ilvl w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>– Terms</w:t></w:r></w:p>"
    /* a loop of styles and a character style: no number */
    "<w:p><w:pPr><w:pStyle w:val=\"LoopA\"/></w:pPr><w:r><w:t>The agreement is entered into for an initial term of 36 months.</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Clause2\"/></w:pPr><w:r><w:t>It renews itself for 12 months.</w:t></w:r></w:p>"
    "</w:body></w:document>\n";
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "styled.docx", NULL);
  g_autoptr(CsContractDocument) document_read = NULL;
  g_autoptr(GError) error = NULL;
  const CsContractClause *clause = NULL;
  zip_t *zip = NULL;
  int zerror = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerror);
  g_assert_nonnull (zip);
  add_zip_entry (zip, "word/document.xml", document);
  add_zip_entry (zip, "word/numbering.xml", numbering);
  add_zip_entry (zip, "word/styles.xml", styles);
  g_assert_cmpint (zip_close (zip), ==, 0);

  document_read = cs_contract_document_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document_read);
  for (guint i = 0; i < cs_contract_document_get_n_clauses (document_read); i++)
    g_test_message ("%s: %s", cs_contract_document_get_clause (document_read, i)->reference,
                    cs_contract_document_get_clause (document_read, i)->text);

  clause = find_clause (document_read, "Art. 1.1");
  g_assert_nonnull (clause);
  g_assert_nonnull (strstr (clause->text, "hand over the services"));
  g_assert_cmpstr (clause->heading, ==, "Article 1 – Exit and reversibility");
  clause = find_clause (document_read, "Art. 1.2");
  g_assert_nonnull (clause);
  g_assert_nonnull (strstr (clause->text, "transition period lasts 3 months"));
  g_assert_null (find_clause (document_read, "Art. 1.3"));
  clause = find_clause (document_read, "Art. 2");
  g_assert_nonnull (clause);
  g_assert_nonnull (strstr (clause->text, "initial term of 36 months"));
  g_assert_nonnull (strstr (clause->text, "renews itself"));
  g_assert_null (find_clause (document_read, "Art. 3"));
  g_assert_null (find_clause (document_read, "Art. 2.1"));
}

/* Headings marked by a custom paragraph style's outline level (w:outlineLvl in
 * word/styles.xml, inherited through w:basedOn) or by a "heading N" style it is based on,
 * without any numbering.xml; an outline level of 9 (body text) is no heading. */
static void
test_docx_style_headings (void)
{
  static const char *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:styles " W_NS ">"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Article\"><w:name w:val=\"Article\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ClauseTitle\"><w:name w:val=\"Clause Title\"/><w:basedOn w:val=\"Article\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Custom1\"><w:name w:val=\"Titre 1\"/><w:basedOn w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TitreArticle\"><w:name w:val=\"Titre Article\"/><w:basedOn w:val=\"Custom1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Plain\"><w:name w:val=\"Plain\"/><w:basedOn w:val=\"Article\"/>"
    "<w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>"
    "</w:styles>\n";
  static const char *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document " W_NS "><w:body>"
    "<w:p><w:pPr><w:pStyle w:val=\"Article\"/></w:pPr><w:r><w:t>Backup and restoration</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>The Provider does this every night for the servers listed by the Client.</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"ClauseTitle\"/></w:pPr><w:r><w:t>Subcontracting</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>The Provider may use a partner for on-site interventions at the sites.</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"TitreArticle\"/></w:pPr><w:r><w:t>Durée du contrat</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Le contrat est conclu pour une durée initiale de 36 mois.</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/></w:pPr><w:r><w:t>Reversibility</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>It renews itself for 12 months.</w:t></w:r></w:p>"
    "</w:body></w:document>\n";
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "headings.docx", NULL);
  g_autoptr(CsContractDocument) document_read = NULL;
  g_autoptr(GError) error = NULL;
  const CsContractClause *clause = NULL;
  zip_t *zip = NULL;
  int zerror = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerror);
  g_assert_nonnull (zip);
  add_zip_entry (zip, "word/document.xml", document);
  add_zip_entry (zip, "word/styles.xml", styles);
  g_assert_cmpint (zip_close (zip), ==, 0);

  document_read = cs_contract_document_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document_read);
  for (guint i = 0; i < cs_contract_document_get_n_clauses (document_read); i++)
    g_test_message ("%s [%s] (%s): %s", cs_contract_document_get_clause (document_read, i)->reference,
                    cs_contract_document_get_clause (document_read, i)->heading,
                    cs_contract_document_get_clause (document_read, i)->section,
                    cs_contract_document_get_clause (document_read, i)->text);

  g_assert_cmpuint (cs_contract_document_get_n_clauses (document_read), ==, 3);
  clause = cs_contract_document_get_clause (document_read, 0);
  g_assert_cmpstr (clause->heading, ==, "Backup and restoration");
  g_assert_cmpstr (clause->section, ==, "backup");
  g_assert_nonnull (strstr (clause->text, "every night"));
  /* the outline level inherited from "Article": the heading gives the section */
  clause = cs_contract_document_get_clause (document_read, 1);
  g_assert_cmpstr (clause->heading, ==, "Subcontracting");
  g_assert_cmpstr (clause->section, ==, "subcontracting");
  /* "Titre Article" based on a style named "Titre 1" */
  clause = cs_contract_document_get_clause (document_read, 2);
  g_assert_cmpstr (clause->heading, ==, "Durée du contrat");
  g_assert_nonnull (strstr (clause->text, "36 mois"));
  /* an outline level of 9 is body text: "Reversibility" stays in the clause */
  g_assert_nonnull (strstr (clause->text, "Reversibility"));
  g_assert_nonnull (strstr (clause->text, "renews itself"));
}

static void
test_furniture (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CsContractDocument) document = NULL;

  for (guint page = 1; page <= 3; page++)
    {
      g_string_append (text, "ACME Managed Services – confidential\n\n");
      g_string_append_printf (text, "Article %u – Service levels\n", page);
      g_string_append_printf (text, "%u.1 The service desk answers every call within 30 minutes "
                              "on business days, from 8 to 18 o'clock.\n\n", page);
      g_string_append_printf (text, "Page %u of 3\n\f", page);
    }
  document = read_text (text->str);

  g_assert_cmpuint (cs_contract_document_get_n_pages (document), ==, 4);
  g_assert_cmpuint (cs_contract_document_get_n_clauses (document), ==, 3);
  for (guint i = 0; i < cs_contract_document_get_n_clauses (document); i++)
    {
      const CsContractClause *clause = cs_contract_document_get_clause (document, i);

      g_assert_null (strstr (clause->text, "confidential"));
      g_assert_null (strstr (clause->text, "Page"));
      g_assert_cmpuint (clause->page, ==, i + 1);
    }
}

/* A clause whose own words say little takes its heading's section. */
static void
test_heading_weighs (void)
{
  g_autoptr(CsContractDocument) document = read_text (
    "Article 5 – Backup and restoration\n"
    "5.1 The Provider does this every night for the servers listed by the Client.\n\n"
    "Article 6 – Subcontracting\n"
    "6.1 The Provider may use a partner for on-site interventions at the sites.\n");

  g_assert_cmpstr (find_clause (document, "Art. 5.1")->section, ==, "backup");
  g_assert_cmpstr (find_clause (document, "Art. 6.1")->section, ==, "subcontracting");
  g_assert_cmpfloat (find_clause (document, "Art. 5.1")->confidence, >, 0.5);
}

/* Labelled fixtures */

typedef struct
{
  GPtrArray  *clauses;   /* reference, section, … */
  GHashTable *values;    /* "field/priority" → "value\treference" */
} Answers;

static void
answers_load (Answers    *answers,
              const char *name)
{
  g_autofree char *path = fixture (name);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  answers->clauses = g_ptr_array_new_with_free_func (g_free);
  answers->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) == 3 && g_str_equal (fields[0], "clause"))
        {
          g_ptr_array_add (answers->clauses, g_strdup (fields[1]));
          g_ptr_array_add (answers->clauses, g_strdup (fields[2]));
        }
      else if (g_strv_length (fields) == 4 && g_str_equal (fields[0], "value"))
        g_hash_table_insert (answers->values, g_strdup (fields[1]),
                             g_strdup_printf ("%s\t%s", fields[2], fields[3]));
    }
  g_assert_cmpuint (answers->clauses->len, >, 30);
  g_assert_cmpuint (g_hash_table_size (answers->values), >, 10);
}

static void
answers_clear (Answers *answers)
{
  g_ptr_array_unref (answers->clauses);
  g_hash_table_unref (answers->values);
}

static void
test_fixture (gconstpointer data)
{
  const char *name = data;
  /* "managed-en.numbered.docx": the answers of managed-en */
  g_autofree char *stem = g_strndup (name, strchr (name, '.') - name);
  g_autofree char *answers_name = g_strconcat (stem, ".answers", NULL);
  g_autofree char *path = fixture (name);
  g_autoptr(CsContractDocument) document = NULL;
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(GError) error = NULL;
  Answers answers;
  guint expected = 0, found = 0, right_section = 0, correct = 0, proposed = 0;
  double recall = 0, accuracy = 0, precision = 0;

  answers_load (&answers, answers_name);
  document = cs_contract_document_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  linter = cs_linter_new_default (&error);
  g_assert_no_error (error);
  g_assert_true (cs_contract_document_analyse (document, linter, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < answers.clauses->len; i += 2)
    {
      const CsContractClause *clause = find_clause (document, answers.clauses->pdata[i]);

      expected++;
      if (clause == NULL)
        {
          g_test_message ("%s: clause %s not found", name, (char *) answers.clauses->pdata[i]);
          continue;
        }
      found++;
      if (g_str_equal (clause->section, answers.clauses->pdata[i + 1]))
        right_section++;
      else
        g_test_message ("%s: %s filed under %s, expected %s", name, clause->reference,
                        clause->section, (char *) answers.clauses->pdata[i + 1]);
    }

  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    {
      const CsContractProposal *p = cs_contract_document_get_proposal (document, i);
      const char *reference = cs_contract_document_get_clause (document, p->clause)->reference;
      g_autofree char *key = g_strdup_printf ("%s/%u", p->field, p->priority);
      g_autofree char *got = g_strdup_printf ("%g\t%s", p->value, reference);
      const char *want = g_hash_table_lookup (answers.values, key);

      proposed++;
      if (want != NULL && g_str_equal (want, got))
        correct++;
      else
        g_test_message ("%s: proposed %s = %s, expected %s", name, key, got, want ? want : "none");
    }

  recall = (double) found / expected;
  accuracy = found > 0 ? (double) right_section / found : 0;
  precision = proposed > 0 ? (double) correct / proposed : 0;
  g_test_message ("%s: clause recall %.1f %% (%u/%u), section accuracy %.1f %% (%u/%u), "
                  "value precision %.1f %% (%u/%u), value recall %.1f %% (%u/%u)",
                  name, recall * 100, found, expected, accuracy * 100, right_section, found,
                  precision * 100, correct, proposed,
                  100.0 * correct / g_hash_table_size (answers.values), correct,
                  g_hash_table_size (answers.values));
  g_assert_cmpfloat (recall, >=, RECALL_MIN);
  g_assert_cmpfloat (accuracy, >=, SECTION_MIN);
  g_assert_cmpfloat (precision, >=, PRECISION_MIN);
  /* a reader that proposes nothing has no precision to speak of */
  g_assert_cmpuint (proposed, >=, g_hash_table_size (answers.values) / 2);
  answers_clear (&answers);
}


static char *
flatten (const char *text)
{
  g_autofree char *copy = g_strdelimit (g_strdup (text), "\n", ' ');
  g_auto(GStrv) words = g_strsplit (copy, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The PDF's clause texts (hyphenated lines, running headers and footers, page numbers) are
 * the DOCX's (one paragraph a clause, none of that): hyphens repaired, furniture removed. */
static void
test_pdf_text (gconstpointer data)
{
  const char *stem = data;
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *docx_name = g_strconcat (stem, ".docx", NULL);
  g_autofree char *pdf_path = fixture (pdf_name);
  g_autofree char *docx_path = fixture (docx_name);
  g_autoptr(CsContractDocument) pdf = cs_contract_document_new_from_file (pdf_path, NULL, NULL);
  g_autoptr(CsContractDocument) docx = cs_contract_document_new_from_file (docx_path, NULL, NULL);
  guint same = 0, compared = 0;

  g_assert_nonnull (pdf);
  g_assert_nonnull (docx);
  for (guint i = 0; i < cs_contract_document_get_n_clauses (docx); i++)
    {
      const CsContractClause *want = cs_contract_document_get_clause (docx, i);
      const CsContractClause *got = find_clause (pdf, want->reference);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (*want->reference == '\0' || got == NULL)
        continue;
      compared++;
      a = flatten (want->text);
      b = flatten (got->text);
      if (g_str_equal (a, b) && want->page == got->page)
        same++;
      else
        g_test_message ("%s: p. %u “%s”\n  p. %u “%s”", want->reference, want->page, a, got->page, b);
    }
  g_test_message ("%s: %u of %u clause texts and pages identical in the PDF and the DOCX", stem,
                  same, compared);
  g_assert_cmpuint (compared, >, 15);
  g_assert_cmpuint (same, ==, compared);
}

/* Acceptance and undo */

static CsStore *
new_project (CsOffer **out_offer)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "contract.csproj", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsOffer) offer = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  store = cs_store_create (path, "Harbour Logistics", &error);
  g_assert_no_error (error);
  offer = g_object_new (CS_TYPE_OFFER, "provider", "NordTech Services", NULL);
  g_assert_true (cs_store_add (store, CS_RECORD (offer), &error));
  g_assert_no_error (error);
  *out_offer = offer;
  return g_steal_pointer (&store);
}

static CsRecord *
p1_target (CsStore *store,
           gint64   offer_id)
{
  GListModel *targets = cs_store_list (store, CS_TYPE_SLA_TARGET, offer_id);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(CsRecord) target = g_list_model_get_item (targets, i);

      if (cs_record_get_int (target, "priority") == 1)
        return target;
    }
  return NULL;
}

static void
test_accept_undo (void)
{
  g_autofree char *path = fixture ("managed-en.pdf");
  g_autoptr(CsContractDocument) document = NULL;
  g_autoptr(CsLinter) linter = cs_linter_new_default (NULL);
  g_autoptr(CsContractUndo) undo = cs_contract_undo_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autofree char *before = NULL;
  CsOffer *offer = NULL;
  CsRecord *target = NULL;
  g_autofree char *old_reference = NULL;
  double old_response = 0;
  gint64 offer_id = 0;
  guint p1 = G_MAXUINT;

  store = new_project (&offer);
  offer_id = cs_record_get_id (CS_RECORD (offer));
  before = cs_test_file_sha256 (cs_store_get_path (store));

  document = cs_contract_document_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cs_contract_document_analyse (document, linter, NULL, &error));
  /* reading and analysing write nothing */
  cs_test_assert_unchanged (cs_store_get_path (store), before);
  /* a new offer comes with its SLA targets, none filled in */
  target = p1_target (store, offer_id);
  g_assert_nonnull (target);
  old_response = cs_record_get_number (target, "response_value");
  old_reference = g_strdup (cs_record_get_string (target, "reference"));
  g_assert_cmpfloat (old_response, !=, 45);

  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    {
      const CsContractProposal *p = cs_contract_document_get_proposal (document, i);

      if (g_str_equal (p->field, "sla_target.response_value") && p->priority == 1)
        p1 = i;
    }
  g_assert_cmpuint (p1, !=, G_MAXUINT);

  /* the consultant edits the value before accepting it */
  g_assert_true (cs_contract_document_accept (document, p1, 45, store, offer, undo, &error));
  g_assert_no_error (error);
  target = p1_target (store, offer_id);
  g_assert_nonnull (target);
  g_assert_cmpfloat (cs_record_get_number (target, "response_value"), ==, 45);
  g_assert_cmpstr (cs_record_get_string (target, "response_unit"), ==, "minutes");
  g_assert_cmpstr (cs_record_get_string (target, "reference"), ==, "Art. 4.2");
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_CLAUSE, offer_id)), ==, 1);

  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    if (i != p1)
      {
        const CsContractProposal *p = cs_contract_document_get_proposal (document, i);

        g_assert_true (cs_contract_document_accept (document, i, p->value, store, offer, undo, &error));
        g_assert_no_error (error);
      }
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_recurring"), ==, 4850);
  g_assert_cmpfloat (cs_record_get_number (cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id),
                                           "transition_days"), ==, 90);
  g_assert_cmpstr (cs_record_get_string (cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id),
                                         "reference"), ==, "Art. 11.4");

  /* undo takes everything back */
  g_assert_true (cs_contract_undo_apply (undo, store, &error));
  g_assert_no_error (error);
  target = p1_target (store, offer_id);
  g_assert_nonnull (target);
  g_assert_true (cs_record_get_number (target, "response_value") == old_response
                 || (isnan (old_response) && isnan (cs_record_get_number (target, "response_value"))));
  g_assert_cmpstr (cs_record_get_string (target, "reference"), ==, old_reference);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_CLAUSE, offer_id)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cs_store_list (store, CS_TYPE_BACKUP_POLICY, offer_id)), ==, 0);
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_recurring"), !=, 4850);
  g_assert_cmpfloat (cs_record_get_number (cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id),
                                           "transition_days"), !=, 90);
  cs_store_close (store);
}

/* Every priority the contract states is proposed; a field the contract gives several values
 * has them all as candidates, the first proposed, and the one picked is what is accepted, with
 * its own clause as evidence. */
static void
test_priorities_and_candidates (void)
{
  g_autoptr(CsContractDocument) document = read_text (
    "Article 4 – Service levels\n"
    "4.1 For Priority 1 incidents, the Provider shall respond within 30 minutes and restore service within 4 hours.\n\n"
    "4.2 For Priority 3 incidents, the Provider shall respond within 8 hours and restore service within 3 days.\n\n"
    "4.3 For Priority 4 requests, the Provider shall respond within 2 days and resolve them within 10 days.\n\n"
    "4.4 Outside business hours, for Priority 1 incidents the Provider shall respond within 1 hour.\n");
  g_autoptr(CsLinter) linter = cs_linter_new_default (NULL);
  g_autoptr(CsContractUndo) undo = cs_contract_undo_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  CsOffer *offer = NULL;
  const CsContractProposal *p1 = NULL;
  guint p1_index = G_MAXUINT;
  guint found[5][2] = { { 0 } };
  CsRecord *target;

  g_assert_true (cs_contract_document_analyse (document, linter, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    {
      const CsContractProposal *p = cs_contract_document_get_proposal (document, i);
      guint column = g_str_equal (p->column, "response_value") ? 0 : 1;

      if (!g_str_equal (p->table, "sla_target"))
        continue;
      g_assert_cmpuint (p->priority, <=, 4);
      found[p->priority][column]++;
      if (p->priority == 1 && column == 0)
        {
          p1 = p;
          p1_index = i;
        }
      if (p->priority == 4 && column == 1)
        {
          g_assert_cmpfloat (p->value, ==, 10);
          g_assert_cmpstr (p->unit, ==, "days");
          g_assert_cmpstr (p->label, ==, "P4 resolution time");
        }
    }
  for (guint priority = 1; priority <= 4; priority++)
    for (guint column = 0; column < 2; column++)
      g_assert_cmpuint (found[priority][column], ==, priority == 2 ? 0 : 1);

  /* P1 response: 30 minutes (Art. 4.1) first, 1 hour (Art. 4.4) the other candidate */
  g_assert_nonnull (p1);
  g_assert_nonnull (p1->candidates);
  g_assert_cmpuint (p1->candidates->len, ==, 2);
  g_assert_cmpuint (p1->chosen, ==, 0);
  g_assert_cmpfloat (p1->value, ==, 30);
  g_assert_cmpfloat (g_array_index (p1->candidates, CsContractCandidate, 1).value, ==, 1);
  g_assert_cmpstr (g_array_index (p1->candidates, CsContractCandidate, 1).unit, ==, "hours");
  /* one value only: no candidates */
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    if (i != p1_index)
      g_assert_null (cs_contract_document_get_proposal (document, i)->candidates);

  g_assert_false (cs_contract_document_choose (document, p1_index, 2));
  g_assert_true (cs_contract_document_choose (document, p1_index, 1));
  g_assert_cmpuint (p1->chosen, ==, 1);
  g_assert_cmpfloat (p1->value, ==, 1);
  g_assert_cmpstr (p1->unit, ==, "hours");
  g_assert_cmpstr (cs_contract_document_get_clause (document, p1->clause)->reference, ==, "Art. 4.4");

  store = new_project (&offer);
  g_assert_true (cs_contract_document_accept (document, p1_index, p1->value, store, offer, undo, &error));
  g_assert_no_error (error);
  target = p1_target (store, cs_record_get_id (CS_RECORD (offer)));
  g_assert_cmpfloat (cs_record_get_number (target, "response_value"), ==, 1);
  g_assert_cmpstr (cs_record_get_string (target, "response_unit"), ==, "hours");
  g_assert_cmpstr (cs_record_get_string (target, "reference"), ==, "Art. 4.4");
  cs_store_close (store);
}

/* A fixture that gives a field two values (support-uk, Art. 3.2: a P1 fault acknowledged
 * within 15 minutes, and within 1 hour outside business hours), in every format: the first is
 * proposed, both are candidates. */
static void
test_candidates_fixture (gconstpointer data)
{
  g_autofree char *path = fixture (data);
  g_autoptr(CsContractDocument) document = cs_contract_document_new_from_file (path, NULL, NULL);
  g_autoptr(CsLinter) linter = cs_linter_new_default (NULL);
  const CsContractProposal *p1 = NULL;

  g_assert_nonnull (document);
  g_assert_true (cs_contract_document_analyse (document, linter, NULL, NULL));
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    {
      const CsContractProposal *p = cs_contract_document_get_proposal (document, i);

      if (g_str_equal (p->field, "sla_target.response_value") && p->priority == 1)
        p1 = p;
      else
        g_assert_null (p->candidates);
    }
  g_assert_nonnull (p1);
  g_assert_cmpfloat (p1->value, ==, 15);
  g_assert_nonnull (p1->candidates);
  g_assert_cmpuint (p1->candidates->len, ==, 2);
  g_assert_cmpfloat (g_array_index (p1->candidates, CsContractCandidate, 0).value, ==, 15);
  g_assert_cmpstr (g_array_index (p1->candidates, CsContractCandidate, 0).unit, ==, "minutes");
  g_assert_cmpfloat (g_array_index (p1->candidates, CsContractCandidate, 1).value, ==, 1);
  g_assert_cmpstr (g_array_index (p1->candidates, CsContractCandidate, 1).unit, ==, "hours");
}

static void
test_gaps (void)
{
  g_autoptr(CsContractDocument) document = read_text (
    "Article 1 – Backup\n"
    "1.1 The Provider backs up the servers every night; backups are retained for 30 days.\n");
  g_autoptr(CsLinter) linter = cs_linter_new_default (NULL);
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (NULL);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CsOffer *offer = NULL;
  gboolean exit_gap = FALSE, rpo_gap = FALSE, backup_gap = FALSE;

  g_assert_true (cs_contract_document_analyse (document, linter, NULL, &error));
  store = new_project (&offer);
  report = cs_checklist_evaluate (checklist, store, linter, cs_record_get_id (CS_RECORD (offer)), &error);
  g_assert_no_error (error);
  gaps = cs_contract_document_list_gaps (document, report);
  for (guint i = 0; i < gaps->len; i++)
    {
      CsContractGap *gap = g_ptr_array_index (gaps, i);

      exit_gap |= gap->item_id == NULL && g_str_equal (gap->section, "exit");
      backup_gap |= gap->item_id == NULL && g_str_equal (gap->section, "backup");
      /* the backup article says nothing of the RPO, a critical figure */
      rpo_gap |= gap->item_id != NULL && g_str_equal (gap->section, "backup");
    }
  g_assert_true (exit_gap);
  g_assert_false (backup_gap);
  g_assert_true (rpo_gap);
  cs_store_close (store);
}


/* The end-to-end case in the core: a new offer of the demo project, its contract read
 * and every proposal accepted; the dashboard's score (the checklist's overall and per-section
 * scores) moves as the accepted values imply: up for SLA, backup, exit and terms. */
static void
test_score_changes (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "demo.csproj", NULL);
  g_autofree char *pdf = fixture ("infogerance-fr.pdf");
  g_autoptr(CsContractDocument) document = NULL;
  g_autoptr(CsLinter) linter = cs_linter_new_default (NULL);
  g_autoptr(CsChecklist) checklist = cs_checklist_new_default (NULL);
  g_autoptr(CsReport) before = NULL;
  g_autoptr(CsReport) after = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsOffer) offer = NULL;
  g_autoptr(GError) error = NULL;
  const CsSection raised[] = { CS_SECTION_SLA, CS_SECTION_BACKUP, CS_SECTION_EXIT, CS_SECTION_TERMS };

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  offer = g_object_new (CS_TYPE_OFFER, "provider", "Alpes Numérique", NULL);
  g_assert_true (cs_store_add (store, CS_RECORD (offer), &error));
  before = cs_checklist_evaluate (checklist, store, linter, cs_record_get_id (CS_RECORD (offer)), &error);
  g_assert_no_error (error);

  document = cs_contract_document_new_from_file (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cs_contract_document_analyse (document, linter, NULL, &error));
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    g_assert_true (cs_contract_document_accept (document, i,
                                                cs_contract_document_get_proposal (document, i)->value,
                                                store, offer, NULL, &error));
  g_assert_no_error (error);
  after = cs_checklist_evaluate (checklist, store, linter, cs_record_get_id (CS_RECORD (offer)), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (raised); i++)
    {
      const CsScore *b = cs_report_get_score (before, raised[i]);
      const CsScore *a = cs_report_get_score (after, raised[i]);

      g_test_message ("%s: earned %.1f → %.1f", cs_section_get_id (raised[i]), b->earned, a->earned);
      g_assert_cmpfloat (a->earned, >, b->earned);
    }
  g_assert_cmpfloat (cs_report_get_score (after, CS_SECTION_DASHBOARD)->earned, >,
                     cs_report_get_score (before, CS_SECTION_DASHBOARD)->earned);
  cs_store_close (store);
}

/* Hostile documents */

typedef struct
{
  const char *name;
  int         code;
} Hostile;

static const Hostile hostile_files[] = {
  { "hostile/bomb.docx", CS_CONTRACT_ERROR_TOO_LARGE },
  { "hostile/bomb-ratio.docx", CS_CONTRACT_ERROR_TOO_LARGE },
  { "hostile/xxe.docx", CS_CONTRACT_ERROR_UNSAFE },
  { "hostile/external-dtd.docx", CS_CONTRACT_ERROR_UNSAFE },
  { "hostile/truncated.pdf", CS_CONTRACT_ERROR_TRUNCATED },
  { "hostile/truncated.docx", CS_CONTRACT_ERROR_TRUNCATED },
  { "hostile/password.pdf", CS_CONTRACT_ERROR_ENCRYPTED },
  { "pages-10000.pdf", CS_CONTRACT_ERROR_TOO_LARGE },
  { "scanned.pdf", CS_CONTRACT_ERROR_SCANNED },
};

static long
peak_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Writes the generated hostile PDFs into the isolated data directory. */
static char *
hostile_path (const char *name)
{
  g_autofree char *path = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr = NULL;

  if (g_str_has_prefix (name, "hostile/"))
    return fixture (name);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  if (g_str_equal (name, "pages-10000.pdf"))
    for (guint i = 0; i < 10000; i++)
      cairo_show_page (cr);
  else
    {
      /* a "scan": an image of a page, no text */
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 280);
      cairo_t *icr = cairo_create (image);

      cairo_set_source_rgb (icr, 0.95, 0.95, 0.95);
      cairo_paint (icr);
      cairo_set_source_rgb (icr, 0.2, 0.2, 0.2);
      for (int y = 20; y < 260; y += 8)
        cairo_rectangle (icr, 20, y, 160, 3);
      cairo_fill (icr);
      cairo_destroy (icr);
      cairo_scale (cr, 595.0 / 200, 842.0 / 280);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (image);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static void
test_hostile (gconstpointer data)
{
  const Hostile *hostile = data;
  g_autofree char *path = hostile_path (hostile->name);
  g_autoptr(CsContractDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  long peak = peak_kb ();
  gint64 start = g_get_monotonic_time ();
  double seconds = 0;

  document = cs_contract_document_new_from_file (path, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_null (document);
  g_assert_error (error, CS_CONTRACT_ERROR, hostile->code);
  g_test_message ("%s: refused in %.3f s, peak memory +%ld kB: %s", hostile->name, seconds,
                  peak_kb () - peak, error->message);
  /* the bounds for a hostile document: 2 s and 200 MB */
  g_assert_cmpfloat (seconds, <, 2.0);
  g_assert_cmpint (peak_kb () - peak, <, 200 * 1024);
}

/* The hostile fixtures are what they claim: a real bomb, a PDF that opens with its password. */
static void
test_hostile_controls (void)
{
  g_autofree char *bomb = fixture ("hostile/bomb.docx");
  g_autofree char *password = fixture ("hostile/password.pdf");
  g_autofree char *uri = g_filename_to_uri (password, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = NULL;
  zip_stat_t st;
  int zerror = 0;
  zip_t *zip = zip_open (bomb, ZIP_RDONLY, &zerror);

  g_assert_nonnull (zip);
  zip_stat_init (&st);
  g_assert_cmpint (zip_stat (zip, "word/document.xml", 0, &st), ==, 0);
  g_assert_cmpuint (st.size, >=, (guint64) 250 * 1024 * 1024);
  g_assert_cmpuint (st.comp_size, <, 1024 * 1024);
  zip_discard (zip);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_null (pdf);
  g_assert_error (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
  g_clear_error (&error);
  pdf = poppler_document_new_from_file (uri, "secret", &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  g_object_unref (pdf);
}

static void
test_not_contracts (void)
{
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0";
  g_autoptr(GBytes) bytes = g_bytes_new_static (binary, sizeof binary);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsContractDocument) document = NULL;

  document = cs_contract_document_new_from_bytes (bytes, "a.out", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);
  document = cs_contract_document_new_from_bytes (empty, "empty.txt", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CS_CONTRACT_ERROR, CS_CONTRACT_ERROR_EMPTY);
}

/* CLI */

#ifndef CS_CLI_PATH
#error "CS_CLI_PATH must name the contract-scope-cli executable"
#endif

/* Runs the CLI; returns its exit status, its outputs in @out and @err. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) CS_CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* A hostile document given to read-contract --accept-all: one line on stderr, the project
 * untouched. */
static void
test_cli_hostile (void)
{
  g_autoptr(CsStore) store = NULL;
  g_autofree char *project = NULL;
  g_autofree char *sha = NULL;
  CsOffer *offer = NULL;

  store = new_project (&offer);
  project = g_strdup (cs_store_get_path (store));
  cs_store_close (store);
  sha = cs_test_file_sha256 (project);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *path = hostile_path (hostile_files[i].name);
      const char *args[] = { "read-contract", project, "--offer", "1", path, "--accept-all", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = run_cli (args, &out, &err);

      g_test_message ("%s: %s", hostile_files[i].name, err);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "contract-scope-cli: "));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      cs_test_assert_unchanged (project, sha);
    }
}

/* read-contract prints, --json is JSON, --accept-all writes, and only then. */
static void
test_cli_read (void)
{
  g_autoptr(CsStore) store = NULL;
  g_autofree char *project = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *pdf = fixture ("managed-en.pdf");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root = NULL;
  CsOffer *offer = NULL;
  const char *print[] = { "read-contract", NULL, "--offer", "NordTech Services", NULL, NULL };
  const char *accept[] = { "read-contract", NULL, "--offer", "1", NULL, "--accept-all", "--json", NULL };

  store = new_project (&offer);
  project = g_strdup (cs_store_get_path (store));
  cs_store_close (store);
  g_clear_object (&store);
  sha = cs_test_file_sha256 (project);
  print[1] = accept[1] = project;
  print[4] = accept[4] = pdf;

  g_assert_cmpint (run_cli (print, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Art. 4.2"));
  g_assert_nonnull (strstr (out, "P1 response time"));
  cs_test_assert_unchanged (project, sha);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (accept, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "PDF");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "clauses")), >=, 49);
  g_assert_cmpint (json_object_get_int_member (root, "accepted"), ==, 28);

  store = cs_store_open (project, CS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  offer = g_list_model_get_item (cs_store_get_offers (store), 0);
  g_assert_cmpfloat (cs_record_get_number (CS_RECORD (offer), "price_recurring"), ==, 4850);
  g_assert_cmpfloat (cs_record_get_number (cs_store_get_section (store, CS_TYPE_TERMS,
                                                                 cs_record_get_id (CS_RECORD (offer))),
                                           "notice_days"), ==, 180);
  g_object_unref (offer);
  cs_store_close (store);
}

int
main (int    argc,
      char **argv)
{
  /* numbered.docx: Word's automatic numbering (w:numPr, word/numbering.xml);
   * styled.docx: the same numbering attached to paragraph styles (word/styles.xml) */
  static const char * const formats[] = { "pdf", "odt", "docx", "numbered.docx", "styled.docx", "txt" };
  static const char * const contracts[] = { "managed-en", "infogerance-fr", "support-uk" };
  GPtrArray *fixture_names = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The fixtures' names live as long as the tests: through cs_test_add_data_func(), which
   * keeps each test's isolated folders reachable (see cs-test-utils.c). */
  fixture_names = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/contract/structure", test_structure);
  g_test_add_func ("/contract/docx-style-numbering", test_docx_style_numbering);
  g_test_add_func ("/contract/furniture", test_furniture);
  g_test_add_func ("/contract/heading-weighs", test_heading_weighs);
  g_test_add_func ("/contract/docx-style-headings", test_docx_style_headings);
  g_test_add_func ("/contract/accept-undo", test_accept_undo);
  for (guint c = 0; c < G_N_ELEMENTS (contracts); c++)
    {
      g_autofree char *test = g_strdup_printf ("/contract/pdf-text/%s", contracts[c]);

      g_test_add_data_func (test, contracts[c], test_pdf_text);
    }
  g_test_add_func ("/contract/gaps", test_gaps);
  g_test_add_func ("/contract/priorities-and-candidates", test_priorities_and_candidates);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *test = g_strdup_printf ("/contract/candidates/support-uk.%s", formats[f]);
      char *name = g_strdup_printf ("support-uk.%s", formats[f]);

      g_ptr_array_add (fixture_names, name);
      g_test_add_data_func (test, name, test_candidates_fixture);
    }
  g_test_add_func ("/contract/score-changes", test_score_changes);
  g_test_add_func ("/contract/not-contracts", test_not_contracts);
  g_test_add_func ("/contract/hostile/controls", test_hostile_controls);
  g_test_add_func ("/contract/cli/hostile", test_cli_hostile);
  g_test_add_func ("/contract/cli/read", test_cli_read);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *test = g_strdup_printf ("/contract/hostile/%s", hostile_files[i].name);

      g_test_add_data_func (test, &hostile_files[i], test_hostile);
    }

  for (guint c = 0; c < G_N_ELEMENTS (contracts); c++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        char *name = g_strdup_printf ("%s.%s", contracts[c], formats[f]);
        g_autofree char *test = g_strdup_printf ("/contract/fixture/%s/%s", contracts[c], formats[f]);

        g_ptr_array_add (fixture_names, name);
        g_test_add_data_func (test, name, test_fixture);
      }

  status = g_test_run ();
  g_ptr_array_unref (fixture_names);

  return status;
}
