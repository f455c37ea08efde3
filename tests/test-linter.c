/* test-linter.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cs-linter.h"
#include "cs-test-utils.h"
#include "cs-values.h"

static CsLinter *
default_linter (void)
{
  g_autoptr(GError) error = NULL;
  CsLinter *linter = cs_linter_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (linter);
  return linter;
}

static gboolean
flags_rule (CsLinter   *linter,
            const char *text,
            CsLanguage  language,
            const char *rule_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = cs_linter_check (linter, text, -1, language,
                                                   CS_SECTION_DASHBOARD, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (cs_finding_get_id (findings->pdata[i]), rule_id))
      return TRUE;
  return FALSE;
}

/* Every rule of DOMAIN.md's table exists in English and French; each language has examples
 * it flags, and counter-examples and a useful wording it does not flag. */
static void
test_rule_examples (void)
{
  g_autoptr(CsLinter) linter = default_linter ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < cs_linter_get_n_rules (linter); i++)
    {
      const char *id = cs_linter_get_rule_id (linter, i);
      CsLanguage language = cs_linter_get_rule_language (linter, i);
      const char * const *examples = cs_linter_get_rule_examples (linter, i, TRUE);
      const char * const *counters = cs_linter_get_rule_examples (linter, i, FALSE);
      const char *better = cs_linter_get_rule_better (linter, i);

      g_assert_true (language == CS_LANGUAGE_EN || language == CS_LANGUAGE_FR);
      g_hash_table_add (seen, g_strdup_printf ("%s/%s", id, cs_language_to_string (language)));

      g_assert_nonnull (examples[0]);
      g_assert_nonnull (counters[0]);
      g_assert_nonnull (better);
      for (guint e = 0; examples[e] != NULL; e++)
        if (!flags_rule (linter, examples[e], language, id))
          g_error ("%s (%s) does not flag its example “%s”", id,
                   cs_language_to_string (language), examples[e]);
      for (guint e = 0; counters[e] != NULL; e++)
        if (flags_rule (linter, counters[e], language, id))
          g_error ("%s (%s) flags its counter-example “%s”", id,
                   cs_language_to_string (language), counters[e]);
      if (flags_rule (linter, better, language, id))
        g_error ("%s (%s) flags its useful wording “%s”", id, cs_language_to_string (language),
                 better);
    }

  for (guint r = 1; r <= 30; r++)
    {
      g_autofree char *en = g_strdup_printf ("L%02u/en", r);
      g_autofree char *fr = g_strdup_printf ("L%02u/fr", r);

      g_assert_true (g_hash_table_contains (seen, en));
      g_assert_true (g_hash_table_contains (seen, fr));
    }
}

/* Offsets point into the original text, accents and all, and the messages are set. */
static void
test_offsets_and_accents (void)
{
  g_autoptr(CsLinter) linter = default_linter ();
  g_autoptr(GError) error = NULL;
  const char *text = "Réponse : le prestataire intervient DANS LES MEILLEURS DÉLAIS.";
  g_autoptr(GPtrArray) findings = cs_linter_check (linter, text, -1, CS_LANGUAGE_FR,
                                                   CS_SECTION_SLA, 42, &error);
  CsFinding *finding = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (cs_finding_get_id (findings->pdata[i]), "L04"))
      finding = findings->pdata[i];

  g_assert_nonnull (finding);
  g_assert_cmpint (cs_finding_get_kind (finding), ==, CS_FINDING_LINTER);
  g_assert_cmpint (cs_finding_get_severity (finding), ==, CS_SEVERITY_CRITICAL);
  g_assert_cmpstr (cs_finding_get_matched_text (finding), ==, "DANS LES MEILLEURS DÉLAIS");
  g_assert_cmpuint (cs_finding_get_end (finding) - cs_finding_get_start (finding), ==,
                    strlen ("DANS LES MEILLEURS DÉLAIS"));
  g_assert_cmpint (cs_finding_get_record_id (finding), ==, 42);
  g_assert_cmpint (cs_finding_get_section (finding), ==, CS_SECTION_SLA);
  g_assert_nonnull (cs_finding_get_message (finding));
  g_assert_nonnull (cs_finding_get_remedy (finding));
  g_assert_nonnull (cs_finding_get_example (finding));
}

/* Rules limited to other sections are skipped when the clause's section is known. */
static void
test_section_filter (void)
{
  g_autoptr(CsLinter) linter = default_linter ();

  /* L18 is a backup rule */
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) in_exit = cs_linter_check (linter, "Backups remain the responsibility of the client.",
                                                  -1, CS_LANGUAGE_EN, CS_SECTION_EXIT, 0, &error);
  g_autoptr(GPtrArray) in_backup = cs_linter_check (linter, "Backups remain the responsibility of the client.",
                                                    -1, CS_LANGUAGE_EN, CS_SECTION_BACKUP, 0, &error);

  g_assert_cmpuint (in_exit->len, ==, 0);
  g_assert_cmpuint (in_backup->len, ==, 1);
}

static void
test_bad_text (void)
{
  g_autoptr(CsLinter) linter = default_linter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = cs_linter_check (linter, "caf\xe9 \xff", -1, CS_LANGUAGE_ANY,
                                                   CS_SECTION_DASHBOARD, 0, &error);

  g_assert_null (findings);
  g_assert_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_TEXT);
}

static void
test_broken_rules (void)
{
  static const char broken[] =
    "<?xml version=\"1.0\"?>\n<linter version=\"1\">\n  <rule id=\"X1\" severity=\"major\">\n"
    "  </rule>\n</linter>\n";
  static const char bad_regex[] =
    "<?xml version=\"1.0\"?>\n<linter version=\"1\">\n<rule id=\"L99\" severity=\"major\">\n"
    "<title>t</title><message>m</message><suggestion>s</suggestion><source>s</source>\n"
    "<lang code=\"en\">\n<pattern>(unclosed</pattern>\n<example>e</example>"
    "<counter-example>c</counter-example><better>b</better></lang></rule></linter>\n";
  static const char doctype[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE linter [<!ENTITY x \"y\">]>\n<linter version=\"1\"/>\n";
  g_autoptr(CsLinter) linter = cs_linter_new ();
  g_autoptr(GBytes) b1 = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr(GBytes) b2 = g_bytes_new_static (bad_regex, sizeof bad_regex - 1);
  g_autoptr(GBytes) b3 = g_bytes_new_static (doctype, sizeof doctype - 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (cs_linter_load_bytes (linter, b1, "broken.xml", &error));
  g_assert_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_RULES);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  g_assert_false (cs_linter_load_bytes (linter, b2, "regex.xml", &error));
  g_assert_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_RULES);
  g_assert_nonnull (strstr (error->message, "line 6"));
  g_clear_error (&error);

  g_assert_false (cs_linter_load_bytes (linter, b3, "doctype.xml", &error));
  g_assert_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_RULES);
  g_assert_cmpuint (cs_linter_get_n_rules (linter), ==, 0);
}

static void
test_values (void)
{
  struct {
    const char  *text;
    CsValueKind  kind;
    double       value;
    CsTimeUnit   unit;
    CsClock      clock;
    const char  *currency;
    const char  *matched;
  } cases[] = {
    { "GTI P1 : 4 heures ouvrées", CS_VALUE_DURATION, 4, CS_TIME_UNIT_HOURS, CS_CLOCK_BUSINESS, "", "4 heures ouvrées" },
    { "within 2 business days", CS_VALUE_DURATION, 2, CS_TIME_UNIT_DAYS, CS_CLOCK_BUSINESS, "", "2 business days" },
    { "sous 24 h calendaires", CS_VALUE_DURATION, 24, CS_TIME_UNIT_HOURS, CS_CLOCK_CALENDAR, "", "24 h calendaires" },
    { "in 30 minutes", CS_VALUE_DURATION, 30, CS_TIME_UNIT_MINUTES, CS_CLOCK_UNSPECIFIED, "", "30 minutes" },
    { "logs kept 6 mois", CS_VALUE_DURATION, 6, CS_TIME_UNIT_MONTHS, CS_CLOCK_UNSPECIFIED, "", "6 mois" },
    { "5 jours ouvrés", CS_VALUE_DURATION, 5, CS_TIME_UNIT_DAYS, CS_CLOCK_BUSINESS, "", "5 jours ouvrés" },
    { "disponibilité 99,5\xc2\xa0%", CS_VALUE_PERCENT, 99.5, CS_TIME_UNIT_NONE, CS_CLOCK_UNSPECIFIED, "", "99,5\xc2\xa0%" },
    { "99.95% uptime", CS_VALUE_PERCENT, 99.95, CS_TIME_UNIT_NONE, CS_CLOCK_UNSPECIFIED, "", "99.95%" },
    { "prix : 1 500,50 € HT", CS_VALUE_AMOUNT, 1500.5, CS_TIME_UNIT_NONE, CS_CLOCK_UNSPECIFIED, "EUR", "1 500,50 €" },
    { "a fee of $1,200.00", CS_VALUE_AMOUNT, 1200, CS_TIME_UNIT_NONE, CS_CLOCK_UNSPECIFIED, "USD", "$1,200.00" },
    { "EUR 650 per day", CS_VALUE_AMOUNT, 650, CS_TIME_UNIT_NONE, CS_CLOCK_UNSPECIFIED, "EUR", "EUR 650" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) values = cs_values_extract (cases[i].text, -1);
      CsValue *v = NULL;
      g_autofree char *matched = NULL;

      g_assert_cmpuint (values->len, ==, 1);
      v = &g_array_index (values, CsValue, 0);
      g_assert_cmpint (v->kind, ==, cases[i].kind);
      g_assert_cmpfloat_with_epsilon (v->value, cases[i].value, 1e-9);
      g_assert_cmpint (v->unit, ==, cases[i].unit);
      g_assert_cmpint (v->clock, ==, cases[i].clock);
      g_assert_cmpstr (v->currency, ==, cases[i].currency);
      matched = g_strndup (cases[i].text + v->start, v->end - v->start);
      g_assert_cmpstr (matched, ==, cases[i].matched);
    }

  {
    CsValue four_days = { .kind = CS_VALUE_DURATION, .value = 4, .unit = CS_TIME_UNIT_DAYS };
    g_assert_cmpfloat (cs_value_to_hours (&four_days), ==, 96);
  }
}

static void
test_guess_language (void)
{
  g_assert_cmpint (cs_linter_guess_language ("The provider restores the service within 4 hours.", -1), ==, CS_LANGUAGE_EN);
  g_assert_cmpint (cs_linter_guess_language ("Le prestataire rétablit le service dans les 4 heures.", -1), ==, CS_LANGUAGE_FR);
  g_assert_cmpint (cs_linter_guess_language ("GTR P1", -1), ==, CS_LANGUAGE_ANY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/linter/rule-examples", test_rule_examples);
  g_test_add_func ("/core/linter/offsets-and-accents", test_offsets_and_accents);
  g_test_add_func ("/core/linter/section-filter", test_section_filter);
  g_test_add_func ("/core/linter/bad-text", test_bad_text);
  g_test_add_func ("/core/linter/broken-rules", test_broken_rules);
  g_test_add_func ("/core/linter/values", test_values);
  g_test_add_func ("/core/linter/guess-language", test_guess_language);

  return g_test_run ();
}
