/* test-handover.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cs-demo.h"
#include "cs-handover.h"
#include "cs-test-utils.h"

typedef struct
{
  CsStore     *store;
  CsChecklist *checklist;
  CsLinter    *linter;
  char        *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_build_filename (g_get_user_data_dir (), "handover", NULL);
  g_mkdir_with_parents (fixture->dir, 0700);
  path = g_build_filename (fixture->dir, "demo.contractscope", NULL);
  fixture->store = cs_demo_create (path, &error);
  g_assert_no_error (error);
  fixture->checklist = cs_checklist_new_default (&error);
  g_assert_no_error (error);
  fixture->linter = cs_linter_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->checklist);
  g_clear_object (&fixture->linter);
  g_free (fixture->dir);
}

static char *
collapse (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GRegex) hyphen = g_regex_new ("- ", 0, 0, NULL);
  g_autofree char *collapsed = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

  return g_regex_replace_literal (hyphen, collapsed, -1, 0, "-", 0, NULL);
}

/* pdftotext's text with every run of white space made one space: cells wrap anywhere. */
static char *
pdf_text (const char *path)
{
  /* -raw: in drawing order, so a wrapped cell stays in one piece */
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return collapse (out);
}


static char *
write_pdf (Fixture    *fixture,
           CsDocument *doc,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (cs_document_write (doc, CS_DOCUMENT_FORMAT_PDF, path, TRUE, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_reversibility (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *offers = cs_store_get_offers (fixture->store);
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(CsRecord) offer = g_list_model_get_item (offers, i);
      gint64 offer_id = cs_record_get_id (offer);
      GListModel *deliverables = cs_store_list (fixture->store, CS_TYPE_EXIT_DELIVERABLE, offer_id);
      g_autoptr(GError) error = NULL;
      g_autoptr(CsDocument) doc = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      doc = cs_handover_build_reversibility (fixture->store, fixture->checklist, fixture->linter,
                                             offer_id, "en", NULL, &error);
      g_assert_no_error (error);
      path = write_pdf (fixture, doc, "reversibility.pdf");
      text = pdf_text (path);

      g_assert_nonnull (strstr (text, "Reversibility checklist"));
      g_assert_nonnull (strstr (text, "Maison Verdier Distribution"));
      g_assert_nonnull (strstr (text, cs_offer_get_provider (CS_OFFER (offer))));
      g_assert_nonnull (strstr (text, "Exit terms"));
      g_assert_nonnull (strstr (text, "Signatures"));
      /* every deliverable, with its owner */
      for (guint k = 0; k < g_list_model_get_n_items (deliverables); k++)
        {
          g_autoptr(CsRecord) deliverable = g_list_model_get_item (deliverables, k);
          g_autofree char *label = collapse (cs_record_get_string (deliverable, "label"));
          g_autofree char *owner = collapse (cs_record_get_string (deliverable, "owner"));

          if (*label != '\0')
            g_assert_nonnull (strstr (text, label));
          if (*owner != '\0')
            g_assert_nonnull (strstr (text, owner));
          n_checked++;
        }
    }
  /* the demo has deliverables to check */
  g_assert_cmpuint (n_checked, >, 3);
}

static void
test_reversibility_french (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CsRecord) offer = g_list_model_get_item (cs_store_get_offers (fixture->store), 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GDate notice;

  /* the project's language is French; nothing else asked */
  g_assert_true (cs_store_set_string (fixture->store, CS_RECORD (cs_store_get_project (fixture->store)),
                                      "language", "fr", &error));
  g_assert_no_error (error);
  g_date_clear (&notice, 1);
  g_date_set_dmy (&notice, 1, 3, 2027);
  doc = cs_handover_build_reversibility (fixture->store, fixture->checklist, fixture->linter,
                                         cs_record_get_id (offer), NULL, &notice, &error);
  g_assert_no_error (error);
  path = write_pdf (fixture, doc, "réversibilité.pdf");
  text = pdf_text (path);

  g_assert_nonnull (strstr (text, "Checklist de réversibilité"));
  g_assert_nonnull (strstr (text, "Livrables"));
  g_assert_nonnull (strstr (text, "Conditions de sortie"));
  g_assert_nonnull (strstr (text, "Prestataire"));
  g_assert_nonnull (strstr (text, "Altimance Infogérance"));
  /* deadlines are dates after the notice, in French */
  g_assert_true (g_regex_match_simple ("\\d+(er)? (mars|avril|mai|juin|juillet|août) 2027", text,
                                       0, 0));
}

static void
test_questions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CsRecord) offer = g_list_model_get_item (cs_store_get_offers (fixture->store), 0);
  gint64 offer_id = cs_record_get_id (offer);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDocument) doc = NULL;
  g_autoptr(CsRecord) first = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *question = NULL;
  GListModel *stored;
  guint n;

  doc = cs_handover_build_questions (fixture->store, fixture->checklist, fixture->linter,
                                     offer_id, "en", &error);
  g_assert_no_error (error);
  stored = cs_store_list (fixture->store, CS_TYPE_PROVIDER_QUESTION, offer_id);
  n = g_list_model_get_n_items (stored);
  g_assert_cmpuint (n, >, 5);

  /* record an answer, export again: the answer is kept and printed, nothing is duplicated */
  first = g_list_model_get_item (stored, 0);
  question = collapse (cs_record_get_string (first, "question"));
  g_assert_true (cs_store_set_string (fixture->store, first, "answer",
                                      "Yes: see annex 7 of the new version", &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  doc = cs_handover_build_questions (fixture->store, fixture->checklist, fixture->linter,
                                     offer_id, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, n);
  g_assert_cmpstr (cs_record_get_string (first, "answer"), ==, "Yes: see annex 7 of the new version");

  path = write_pdf (fixture, doc, "questions.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Questions for the provider"));
  g_assert_nonnull (strstr (text, "Yes: see annex 7 of the new version"));
  g_assert_nonnull (strstr (text, question));
  /* numbered from 1 */
  g_assert_nonnull (strstr (text, " 1 "));
}

/* The listing the application shows: the document's numbers and sections, every stored
 * question once, and an answered question whose gap was closed kept at the end. */
static void
test_list_questions (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CsRecord) offer = g_list_model_get_item (cs_store_get_offers (fixture->store), 0);
  gint64 offer_id = cs_record_get_id (offer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(CsProviderQuestion) closed = NULL;
  GListModel *stored;
  int section = -1;

  listed = cs_handover_list_questions (fixture->store, fixture->checklist, fixture->linter,
                                       offer_id, "en", &error);
  g_assert_no_error (error);
  stored = cs_store_list (fixture->store, CS_TYPE_PROVIDER_QUESTION, offer_id);
  g_assert_cmpuint (listed->len, >, 5);
  g_assert_cmpuint (listed->len, ==, g_list_model_get_n_items (stored));
  for (guint i = 0; i < listed->len; i++)
    {
      CsHandoverQuestion *question = g_ptr_array_index (listed, i);

      g_assert_cmpuint (question->number, ==, i + 1);
      g_assert_cmpint ((int) question->section, >=, section);
      g_assert_cmpint ((int) question->section, <, CS_N_SECTIONS);
      section = question->section;
    }

  /* an answered question whose gap disappeared (here: its item id no longer matches) stays */
  closed = g_object_new (CS_TYPE_PROVIDER_QUESTION, "offer-id", offer_id,
                         "item-id", "gone:item", "question", "Closed question?",
                         "answer", "Closed answer", NULL);
  g_assert_true (cs_store_add (fixture->store, CS_RECORD (closed), &error));
  g_assert_no_error (error);
  again = cs_handover_list_questions (fixture->store, fixture->checklist, fixture->linter,
                                      offer_id, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, listed->len + 1);
  g_assert_true (((CsHandoverQuestion *) g_ptr_array_index (again, listed->len))->record == closed);
  g_assert_cmpuint (((CsHandoverQuestion *) g_ptr_array_index (again, listed->len))->number, ==, 0);
  g_assert_cmpint (((CsHandoverQuestion *) g_ptr_array_index (again, listed->len))->section, ==,
                   CS_N_SECTIONS);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  CsAssetQuery query = { 0, };

  doc = cs_handover_build_report (fixture->store, fixture->checklist, fixture->linter, 0, "en",
                                  &error);
  g_assert_no_error (error);
  path = write_pdf (fixture, doc, "report.pdf");
  text = pdf_text (path);

  g_assert_nonnull (strstr (text, "Review report"));
  g_assert_nonnull (strstr (text, "Scores by section"));
  g_assert_nonnull (strstr (text, "Knock-outs"));
  g_assert_nonnull (strstr (text, "Key figures"));
  g_assert_nonnull (strstr (text, "Weak clauses"));
  g_assert_nonnull (strstr (text, "Annex: perimeter"));
  g_assert_nonnull (strstr (text, "Kerveo Services Managés"));

  /* every asset of the annex */
  ids = cs_store_query_asset_ids (fixture->store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      CsRecord *asset = cs_store_find (fixture->store, CS_TYPE_ASSET, g_array_index (ids, gint64, i));
      g_autofree char *name = collapse (cs_asset_get_name (CS_ASSET (asset)));

      if (strstr (text, name) == NULL)
        g_error ("“%s” is not in the annex", name);
    }
}

static gboolean
add_hosts (CsStore  *store,
           gpointer  user_data,
           GError  **error)
{
  for (guint i = 0; i < GPOINTER_TO_UINT (user_data); i++)
    {
      g_autofree char *name = g_strdup_printf ("Annex host %05u", i);
      g_autoptr(CsRecord) asset = g_object_new (CS_TYPE_ASSET, "name", name, "category",
                                                "printer", NULL);

      if (!cs_store_add (store, asset, error))
        return FALSE;
    }
  return TRUE;
}

static void
cancel_midway_cb (double   fraction,
                  gpointer user_data)
{
  if (fraction > 0.4)
    g_cancellable_cancel (user_data);
}

/* The annex is read ahead in batches by a thread of its own: every asset once and in order
 * across many batches; cancelled midway, the writing stops, the reader is stopped and nothing is
 * left behind; the same document is then written whole again. */
static void
test_report_annex_batches (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *text = NULL;
  const char *at;
  guint n_hosts = 2600;

  g_assert_true (cs_store_batch (fixture->store, add_hosts, GUINT_TO_POINTER (n_hosts), &error));
  g_assert_no_error (error);
  doc = cs_handover_build_report (fixture->store, fixture->checklist, fixture->linter, 0, "en",
                                  &error);
  g_assert_no_error (error);

  cs_document_set_progress_func (doc, cancel_midway_cb, cancellable);
  g_assert_false (cs_document_write (doc, CS_DOCUMENT_FORMAT_CSV, path, FALSE, cancellable,
                                     &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  cs_document_set_progress_func (doc, NULL, NULL);
  g_assert_true (cs_document_write (doc, CS_DOCUMENT_FORMAT_CSV, path, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  at = text;
  for (guint i = 0; i < n_hosts; i++)
    {
      g_autofree char *name = g_strdup_printf ("Annex host %05u", i);

      at = strstr (at, name);
      if (at == NULL)
        g_error ("“%s” is not in the annex, or not in order", name);
      at += strlen (name);
    }
  g_assert_null (strstr (at, "Annex host"));
}

static void
test_default_file_name (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CsRecord) offer = g_list_model_get_item (cs_store_get_offers (fixture->store), 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected = g_strdup_printf ("Maison Verdier Distribution – Altimance Infogérance"
                                               " – Reversibility checklist – %s.pdf", today);
  g_autofree char *name = cs_handover_default_file_name (fixture->store, CS_HANDOVER_REVERSIBILITY,
                                                         cs_record_get_id (offer), "en",
                                                         CS_DOCUMENT_FORMAT_PDF);
  g_autofree char *french = cs_handover_default_file_name (fixture->store, CS_HANDOVER_REPORT, 0,
                                                           "fr", CS_DOCUMENT_FORMAT_XLSX);

  g_assert_cmpstr (name, ==, expected);
  g_assert_true (g_str_has_prefix (french, "Maison Verdier Distribution – Rapport d’analyse – "));
  g_assert_true (g_str_has_suffix (french, ".xlsx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/handover/reversibility", test_reversibility);
  ADD ("/core/handover/reversibility-french", test_reversibility_french);
  ADD ("/core/handover/questions", test_questions);
  ADD ("/core/handover/list-questions", test_list_questions);
  ADD ("/core/handover/report", test_report);
  ADD ("/core/handover/report-annex-batches", test_report_annex_batches);
  ADD ("/core/handover/default-file-name", test_default_file_name);
#undef ADD

  return g_test_run ();
}
