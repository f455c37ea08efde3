/* test-linter.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cs-clauses.h"
#include "cs-linter.h"
#include "cs-test-utils.h"
#include "cs-values.h"

/* One default linter for the whole run (loading it is the slow part under ASan); each test
 * holds its own reference. */
static CsLinter *
default_linter (void)
{
  static CsLinter *linter = NULL;

  if (linter == NULL)
    {
      g_autoptr(GError) error = NULL;

      linter = cs_linter_new_default (&error);
      g_assert_no_error (error);
      g_assert_nonnull (linter);
    }
  return g_object_ref (linter);
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
    "<?xml version=\"1.0\"?>\n<linter version=\"2\">\n  <rule id=\"X1\" severity=\"major\">\n"
    "  </rule>\n</linter>\n";
  static const char bad_regex[] =
    "<?xml version=\"1.0\"?>\n<linter version=\"2\">\n<rule id=\"L99\" severity=\"major\">\n"
    "<title>t</title><message>m</message><suggestion>s</suggestion><source>s</source>\n"
    "<lang code=\"en\">\n<when concepts=\"no-such-concept\"/>\n<example>e</example>"
    "<counter-example>c</counter-example><better>b</better></lang></rule></linter>\n";
  static const char doctype[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE linter [<!ENTITY x \"y\">]>\n<linter version=\"2\"/>\n";
  g_autoptr(CsLinter) linter = cs_linter_new ();
  g_autoptr(GBytes) b1 = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr(GBytes) b2 = g_bytes_new_static (bad_regex, sizeof bad_regex - 1);
  g_autoptr(GBytes) b3 = g_bytes_new_static (doctype, sizeof doctype - 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (cs_linter_load_bytes (linter, b1, "broken.xml", &error));
  g_assert_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_RULES);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  /* a rule naming a concept no lexicon defines */
  g_assert_false (cs_linter_load_bytes (linter, b2, "concept.xml", &error));
  g_assert_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_RULES);
  g_assert_nonnull (strstr (error->message, "line 6"));
  g_assert_nonnull (strstr (error->message, "no-such-concept"));
  g_clear_error (&error);

  g_assert_false (cs_linter_load_bytes (linter, b3, "doctype.xml", &error));
  g_assert_error (error, CS_LINTER_ERROR, CS_LINTER_ERROR_INVALID_RULES);
  g_assert_cmpuint (cs_linter_get_n_rules (linter), ==, 0);
}

/* Typed values, table-driven, English and French: each case gives every value of the text. */
static void
test_values (void)
{
  static const struct {
    const char  *text;
    CsValueKind  kind;
    double       value;
    double       max;
    CsTimeUnit   unit;
    CsClock      clock;
    CsTimeUnit   period;
    const char  *currency;
    const char  *matched;
  } cases[] = {
    { "GTI P1 : 4 heures ouvrées", CS_VALUE_DURATION, 4, 4, CS_TIME_UNIT_HOURS, CS_CLOCK_BUSINESS, 0, "", "4 heures ouvrées" },
    { "within 2 business days", CS_VALUE_DURATION, 2, 2, CS_TIME_UNIT_DAYS, CS_CLOCK_BUSINESS, 0, "", "2 business days" },
    { "sous 24 h calendaires", CS_VALUE_DURATION, 24, 24, CS_TIME_UNIT_HOURS, CS_CLOCK_CALENDAR, 0, "", "24 h calendaires" },
    { "in 30 minutes", CS_VALUE_DURATION, 30, 30, CS_TIME_UNIT_MINUTES, CS_CLOCK_UNSPECIFIED, 0, "", "30 minutes" },
    { "within 60 seconds", CS_VALUE_DURATION, 60, 60, CS_TIME_UNIT_SECONDS, CS_CLOCK_UNSPECIFIED, 0, "", "60 seconds" },
    { "sous 30 secondes", CS_VALUE_DURATION, 30, 30, CS_TIME_UNIT_SECONDS, CS_CLOCK_UNSPECIFIED, 0, "", "30 secondes" },
    { "logs kept 6 mois", CS_VALUE_DURATION, 6, 6, CS_TIME_UNIT_MONTHS, CS_CLOCK_UNSPECIFIED, 0, "", "6 mois" },
    { "5 jours ouvrés", CS_VALUE_DURATION, 5, 5, CS_TIME_UNIT_DAYS, CS_CLOCK_BUSINESS, 0, "", "5 jours ouvrés" },
    { "Logs are kept six months.", CS_VALUE_DURATION, 6, 6, CS_TIME_UNIT_MONTHS, CS_CLOCK_UNSPECIFIED, 0, "", "six months" },
    { "sous trois jours ouvrés", CS_VALUE_DURATION, 3, 3, CS_TIME_UNIT_DAYS, CS_CLOCK_BUSINESS, 0, "", "trois jours ouvrés" },
    { "par périodes de trois ans", CS_VALUE_DURATION, 3, 3, CS_TIME_UNIT_YEARS, CS_CLOCK_UNSPECIFIED, 0, "", "trois ans" },
    { "for one year", CS_VALUE_DURATION, 1, 1, CS_TIME_UNIT_YEARS, CS_CLOCK_UNSPECIFIED, 0, "", "one year" },
    { "between 2 and 4 hours", CS_VALUE_DURATION, 2, 4, CS_TIME_UNIT_HOURS, CS_CLOCK_UNSPECIFIED, 0, "", "2 and 4 hours" },
    { "de 2 à 4 jours ouvrés", CS_VALUE_DURATION, 2, 4, CS_TIME_UNIT_DAYS, CS_CLOCK_BUSINESS, 0, "", "2 à 4 jours ouvrés" },
    { "within 2-4 business days", CS_VALUE_DURATION, 2, 4, CS_TIME_UNIT_DAYS, CS_CLOCK_BUSINESS, 0, "", "2-4 business days" },
    { "at most 4 hours per month", CS_VALUE_DURATION, 4, 4, CS_TIME_UNIT_HOURS, CS_CLOCK_UNSPECIFIED, CS_TIME_UNIT_MONTHS, "", "4 hours" },
    { "disponibilité 99,5\xc2\xa0%", CS_VALUE_PERCENT, 99.5, 99.5, 0, 0, 0, "", "99,5\xc2\xa0%" },
    { "99.95% uptime", CS_VALUE_PERCENT, 99.95, 99.95, 0, 0, 0, "", "99.95%" },
    { "99.5 % per calendar month", CS_VALUE_PERCENT, 99.5, 99.5, 0, 0, CS_TIME_UNIT_MONTHS, "", "99.5 %" },
    { "disponibilité mensuelle de 99,9 %", CS_VALUE_PERCENT, 99.9, 99.9, 0, 0, CS_TIME_UNIT_MONTHS, "", "99,9 %" },
    { "dans la limite de 3 % par an", CS_VALUE_PERCENT, 3, 3, 0, 0, CS_TIME_UNIT_YEARS, "", "3 %" },
    { "prix : 1 500,50 € HT", CS_VALUE_AMOUNT, 1500.5, 1500.5, 0, 0, 0, "EUR", "1 500,50 €" },
    { "a fee of $1,200.00", CS_VALUE_AMOUNT, 1200, 1200, 0, 0, 0, "USD", "$1,200.00" },
    { "EUR 650 per day", CS_VALUE_AMOUNT, 650, 650, 0, 0, CS_TIME_UNIT_DAYS, "EUR", "EUR 650" },
    { "650 € HT par jour", CS_VALUE_AMOUNT, 650, 650, 0, 0, CS_TIME_UNIT_DAYS, "EUR", "650 €" },
    { "a monthly fee of 2,400 EUR", CS_VALUE_AMOUNT, 2400, 2400, 0, 0, CS_TIME_UNIT_MONTHS, "EUR", "2,400 EUR" },
    { "up to 4 restores per month", CS_VALUE_COUNT, 4, 4, 0, 0, CS_TIME_UNIT_MONTHS, "", "4 restores" },
    { "deux restaurations par mois", CS_VALUE_COUNT, 2, 2, 0, 0, CS_TIME_UNIT_MONTHS, "", "deux restaurations" },
    { "Annex 2 lists 12 sites", CS_VALUE_COUNT, 12, 12, 0, 0, 0, "", "12 sites" },
    { "entre 3 et 5 serveurs", CS_VALUE_COUNT, 3, 5, 0, 0, 0, "", "3 et 5 serveurs" },
    { "starts on 1 March 2026", CS_VALUE_DATE, 20260301, 20260301, 0, 0, 0, "", "1 March 2026" },
    { "prend effet le 1er avril 2026", CS_VALUE_DATE, 20260401, 20260401, 0, 0, 0, "", "1er avril 2026" },
    { "effective 2026-03-01", CS_VALUE_DATE, 20260301, 20260301, 0, 0, 0, "", "2026-03-01" },
    { "jusqu'au 31/12/2026", CS_VALUE_DATE, 20261231, 20261231, 0, 0, 0, "", "31/12/2026" },
    { "signed on March 5, 2026", CS_VALUE_DATE, 20260305, 20260305, 0, 0, 0, "", "March 5, 2026" },
  };
  static const char * const none[] = {
    "Support 08:00-18:00 CET", "24/7", "P1 and P2", "Article 5", "annexe 3", "le 31/02/2026",
    "un serveur", "ISO 27001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) values = cs_values_extract (cases[i].text, -1);
      CsValue *v = NULL;
      g_autofree char *matched = NULL;

      if (values->len != 1)
        g_error ("“%s”: %u values", cases[i].text, values->len);
      v = &g_array_index (values, CsValue, 0);
      g_assert_cmpint (v->kind, ==, cases[i].kind);
      g_assert_cmpfloat_with_epsilon (v->value, cases[i].value, 1e-9);
      g_assert_cmpfloat_with_epsilon (v->max, cases[i].max, 1e-9);
      g_assert_cmpint (v->unit, ==, cases[i].unit);
      g_assert_cmpint (v->clock, ==, cases[i].clock);
      g_assert_cmpint (v->period, ==, cases[i].period);
      g_assert_cmpstr (v->currency, ==, cases[i].currency);
      matched = g_strndup (cases[i].text + v->start, v->end - v->start);
      g_assert_cmpstr (matched, ==, cases[i].matched);
    }

  /* a period belongs to the nearest value before it, not to one before another number */
  {
    g_autoptr(GArray) values = cs_values_extract ("six months, 1 500 € per month", -1);

    g_assert_cmpuint (values->len, ==, 2);
    g_assert_cmpint (g_array_index (values, CsValue, 0).kind, ==, CS_VALUE_DURATION);
    g_assert_cmpint (g_array_index (values, CsValue, 0).period, ==, CS_TIME_UNIT_NONE);
    g_assert_cmpint (g_array_index (values, CsValue, 1).kind, ==, CS_VALUE_AMOUNT);
    g_assert_cmpint (g_array_index (values, CsValue, 1).period, ==, CS_TIME_UNIT_MONTHS);
  }

  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autoptr(GArray) values = cs_values_extract (none[i], -1);

      if (values->len != 0)
        g_error ("“%s” has %u values", none[i], values->len);
    }

  {
    CsValue four_days = { .kind = CS_VALUE_DURATION, .value = 4, .unit = CS_TIME_UNIT_DAYS };
    CsValue year = { .kind = CS_VALUE_DURATION, .value = 1, .unit = CS_TIME_UNIT_YEARS };
    CsValue range = { .kind = CS_VALUE_DURATION, .value = 2, .max = 4, .unit = CS_TIME_UNIT_HOURS,
                      .clock = CS_CLOCK_BUSINESS };
    g_autofree char *described = cs_value_describe (&range);

    g_assert_cmpfloat (cs_value_to_hours (&four_days), ==, 96);
    g_assert_cmpfloat (cs_value_to_hours (&year), ==, 8760);
    g_assert_cmpstr (described, ==, "duration 2-4 hours business");
  }
}

/* The seed's weak backup clause (DOMAIN.md) is flagged in both languages, its useful wording
 * is not; a clause of a few words in another section stays quiet. */
static void
test_seed_clause (void)
{
  g_autoptr(CsLinter) linter = default_linter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_true (flags_rule (linter, "The provider ensures backup of the client's data.",
                             CS_LANGUAGE_ANY, "L31"));
  g_assert_true (flags_rule (linter, "Le prestataire assure la sauvegarde des données.",
                             CS_LANGUAGE_ANY, "L31"));
  g_assert_false (flags_rule (linter,
                              "The provider backs up the file server and the ERP database every "
                              "night, keeps 30 daily copies and tests a restore every quarter.",
                              CS_LANGUAGE_ANY, "L31"));
  g_assert_false (flags_rule (linter,
                              "Le prestataire sauvegarde chaque nuit le serveur de fichiers, "
                              "conserve 30 copies et teste une restauration chaque trimestre.",
                              CS_LANGUAGE_ANY, "L31"));

  findings = cs_linter_check (linter, "Le prestataire assure la sauvegarde des données.", -1,
                              CS_LANGUAGE_FR, CS_SECTION_BACKUP, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (cs_finding_get_matched_text (findings->pdata[0]), ==, "assure la sauvegarde");
  g_assert_cmpstr (cs_linter_get_rule_items (linter, "L31")[0], ==, "BCK-01");
}

/* A 1 MB text: every clause is checked on its own (the findings of the text are those of its
 * paragraph times the repetitions), offsets stay right, and it runs under ASan too. */
static void
test_large_text (void)
{
  static const char paragraph[] =
    "Article 7 - Service\n"
    "The provider will use best efforts to restore the service. Backups are checked periodically.\n"
    "The provider acknowledges each P1 ticket within 15 minutes.\n\n"
    "Le prestataire intervient dans les meilleurs délais. La réversibilité est réalisée sur devis.\n"
    "Le ticket est clos après confirmation écrite du Client.\n\n";
  g_autoptr(CsLinter) linter = default_linter ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) clauses = NULL;
  g_autoptr(GError) error = NULL;
  guint repeats = 0;

  one = cs_linter_check (linter, paragraph, -1, CS_LANGUAGE_ANY, CS_SECTION_DASHBOARD, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 4);

  while (text->len < 1000 * 1000)
    {
      g_string_append (text, paragraph);
      repeats++;
    }

  all = cs_linter_check_text (linter, text->str, text->len, CS_LANGUAGE_ANY, CS_SECTION_DASHBOARD,
                              0, CS_CLAUSE_SPLIT_DEFAULT, &clauses, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clauses->len, ==, 7 * repeats);
  g_assert_cmpuint (all->len, ==, one->len * repeats);
  for (guint i = 0; i < all->len; i++)
    {
      CsFinding *f = all->pdata[i];
      guint offset = (i / one->len) * (sizeof paragraph - 1);
      CsFinding *model = one->pdata[i % one->len];

      g_assert_cmpstr (cs_finding_get_id (f), ==, cs_finding_get_id (model));
      g_assert_cmpuint (cs_finding_get_start (f), ==, cs_finding_get_start (model) + offset);
      g_assert_cmpuint (cs_finding_get_end (f), ==, cs_finding_get_end (model) + offset);
    }
}

/* The clauses of issue 10, tried as a new user would: weak wording in other words than the
 * rule file's, measurable clauses that used to be flagged, and the seed's weak backup clause. */
static void
test_issue_clauses (void)
{
  static const struct {
    CsLanguage  language;
    const char *rule;
    const char *text;
  } weak[] = {
    { CS_LANGUAGE_EN, "L02", "The provider will use reasonable endeavours to restore the service." },
    { CS_LANGUAGE_EN, "L15", "Backups are checked periodically." },
    { CS_LANGUAGE_EN, "L17", "The provider may change the service levels at its discretion." },
    { CS_LANGUAGE_EN, "L04", "Incidents are handled without delay." },
    { CS_LANGUAGE_EN, "L14", "The provider follows security best practices." },
    { CS_LANGUAGE_EN, "L15", "Interventions are subject to the availability of its engineers." },
    { CS_LANGUAGE_EN, "L23", "The contract is renewed automatically." },
    { CS_LANGUAGE_FR, "L15", "Les interventions sont planifiées en fonction des disponibilités du prestataire." },
    { CS_LANGUAGE_FR, "L15", "Le service est disponible sauf cas exceptionnels." },
    { CS_LANGUAGE_FR, "L04", "Le prestataire intervient dans un délai raisonnable." },
    { CS_LANGUAGE_FR, "L14", "Le prestataire applique les standards du marché." },
    { CS_LANGUAGE_FR, "L20", "La réversibilité fait l'objet d'un devis séparé." },
    { CS_LANGUAGE_FR, "L23", "Le contrat se renouvelle automatiquement." },
    { CS_LANGUAGE_FR, "L04", "Le sous-traitant notifie toute violation de données personnelles dans les meilleurs délais." },
    { CS_LANGUAGE_EN, "L31", "The provider ensures backup of the client's data." },
    { CS_LANGUAGE_FR, "L31", "Le prestataire assure la sauvegarde des données." },
  };
  static const struct {
    CsLanguage  language;
    const char *rule;
    const char *text;
  } measurable[] = {
    { CS_LANGUAGE_EN, "L09", "The provider acknowledges each P1 ticket within 15 minutes." },
    { CS_LANGUAGE_EN, "L10", "The provider resolves P2 incidents within 8 business hours." },
    { CS_LANGUAGE_EN, "L08", "The provider opens a P2 ticket within 1 hour of any alert raised by monitoring." },
    { CS_LANGUAGE_FR, "L10", "Le ticket est clos après confirmation écrite du Client." },
  };
  g_autoptr(CsLinter) linter = default_linter ();

  for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
    if (!flags_rule (linter, weak[i].text, weak[i].language, weak[i].rule))
      g_error ("%s does not flag “%s”", weak[i].rule, weak[i].text);
  for (guint i = 0; i < G_N_ELEMENTS (measurable); i++)
    if (flags_rule (linter, measurable[i].text, measurable[i].language, measurable[i].rule))
      g_error ("%s flags the measurable clause “%s”", measurable[i].rule, measurable[i].text);

  /* the same words in any order: one concept co-occurrence, not a phrase */
  g_assert_true (flags_rule (linter, "The agreement renews automatically.", CS_LANGUAGE_EN, "L23"));
  g_assert_true (flags_rule (linter, "Automatic renewal applies.", CS_LANGUAGE_EN, "L23"));
  g_assert_true (flags_rule (linter, "It is automatically renewed.", CS_LANGUAGE_EN, "L23"));
  /* the initial term before the renewal wording is not a renewal period */
  g_assert_false (flags_rule (linter,
                              "This agreement starts on 1 April 2026 for 36 months and then renews "
                              "automatically for periods of 1 month; either party may terminate "
                              "with 30 days' notice.", CS_LANGUAGE_EN, "L23"));
  g_assert_true (flags_rule (linter,
                             "This agreement runs for 1 month and then renews automatically for "
                             "periods of 12 months.", CS_LANGUAGE_EN, "L23"));
  /* a time limit on the reaction excuses monitoring; an interval is not one */
  g_assert_true (flags_rule (linter, "The provider monitors the servers every 5 minutes.",
                             CS_LANGUAGE_EN, "L08"));
  g_assert_false (flags_rule (linter, "The servers are watched and any outage goes to the "
                              "engineer on call within 20 minutes.", CS_LANGUAGE_EN, "L08"));
  g_assert_true (flags_rule (linter, "Le prestataire surveille les serveurs toutes les 5 minutes.",
                             CS_LANGUAGE_FR, "L08"));
  g_assert_false (flags_rule (linter, "Les serveurs sont surveillés et toute coupure part à "
                              "l'astreinte dans les 20 minutes.", CS_LANGUAGE_FR, "L08"));
  /* negation: restores that are not charged are not a finding */
  g_assert_true (flags_rule (linter, "Restores are charged.", CS_LANGUAGE_EN, "L19"));
  g_assert_false (flags_rule (linter, "Restores are not charged.", CS_LANGUAGE_EN, "L19"));
  g_assert_false (flags_rule (linter, "Les restaurations ne sont pas facturées.", CS_LANGUAGE_FR, "L19"));
  /* a measurable value makes the timer rule quiet, a vague one does not */
  g_assert_false (flags_rule (linter, "The provider replies promptly, within 15 minutes.", CS_LANGUAGE_EN, "L04"));
  g_assert_true (flags_rule (linter, "The provider replies promptly, within a reasonable time.", CS_LANGUAGE_EN, "L04"));
}

/* Windows and exceptions never reach across a clause: the action in the next sentence does not
 * excuse the monitoring of this one, and the 24 hours of the next article do not bound it. */
static void
test_clause_scope (void)
{
  g_autoptr(CsLinter) linter = default_linter ();

  g_assert_true (flags_rule (linter,
                             "The provider monitors the servers. It restores the service within 4 hours.",
                             CS_LANGUAGE_EN, "L08"));
  g_assert_false (flags_rule (linter,
                              "The provider monitors the servers and restores the service within 4 hours.",
                              CS_LANGUAGE_EN, "L08"));
  /* a title is not a commitment: "Monitoring" and "Sauvegardes" as headings are not weak */
  g_assert_false (flags_rule (linter,
                              "Article 6 - Monitoring\nThe provider monitors the servers and "
                              "fixes faults within 4 hours.", CS_LANGUAGE_EN, "L08"));
  g_assert_false (flags_rule (linter,
                              "Article 4 - Sauvegardes\nLe prestataire sauvegarde chaque nuit les "
                              "serveurs de l'annexe 4.", CS_LANGUAGE_FR, "L31"));
  g_assert_true (flags_rule (linter,
                             "Article 4 - Sécurité\nLe prestataire notifie le client sans retard injustifié.\n\n"
                             "Article 5 - Support\nLe support répond sous 24 heures.",
                             CS_LANGUAGE_FR, "L05"));
  /* the findings of a text are the findings of its clauses */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) findings = NULL;
    g_autoptr(GArray) clauses = NULL;
    g_autoptr(GArray) values = NULL;
    const char *text = "1. The provider monitors the servers.\n2. Restores are billable.\n";

    findings = cs_linter_check_text (linter, text, -1, CS_LANGUAGE_ANY, CS_SECTION_DASHBOARD, 0,
                                     CS_CLAUSE_SPLIT_DEFAULT, &clauses, &values, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (clauses->len, ==, 2);
    g_assert_cmpuint (findings->len, ==, 2);
    g_assert_cmpstr (cs_finding_get_id (findings->pdata[0]), ==, "L08");
    g_assert_cmpstr (cs_finding_get_id (findings->pdata[1]), ==, "L19");
    g_assert_cmpuint (values->len, ==, 0);
  }
}

/* Messages quote what matched and say why in the clause's language. */
static void
test_messages (void)
{
  g_autoptr(CsLinter) linter = default_linter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) en = cs_linter_check (linter, "Support answers requests swiftly.", -1,
                                             CS_LANGUAGE_ANY, CS_SECTION_DASHBOARD, 0, &error);
  g_autoptr(GPtrArray) fr = cs_linter_check (linter, "Le support répond au plus vite.", -1,
                                             CS_LANGUAGE_ANY, CS_SECTION_DASHBOARD, 0, &error);
  CsFinding *f = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < en->len; i++)
    if (g_str_equal (cs_finding_get_id (en->pdata[i]), "L04"))
      f = en->pdata[i];
  g_assert_nonnull (f);
  g_assert_true (g_str_has_prefix (cs_finding_get_message (f), "“swiftly”: "));
  g_assert_true (g_str_has_prefix (cs_finding_get_example (f), "The provider"));

  f = NULL;
  for (guint i = 0; i < fr->len; i++)
    if (g_str_equal (cs_finding_get_id (fr->pdata[i]), "L04"))
      f = fr->pdata[i];
  g_assert_nonnull (f);
  g_assert_true (g_str_has_prefix (cs_finding_get_message (f), "« au plus vite » : Cette formule"));
  g_assert_true (g_str_has_prefix (cs_finding_get_example (f), "Le prestataire"));
}

/* Every rule names the checklist items it bears on; the verdict engine reads them. */
static void
test_rule_items (void)
{
  g_autoptr(CsLinter) linter = default_linter ();
  const char * const *items = NULL;

  items = cs_linter_get_rule_items (linter, "L18");
  g_assert_nonnull (items);
  g_assert_cmpstr (items[0], ==, "BCK-12");
  g_assert_null (items[1]);
  items = cs_linter_get_rule_items (linter, "L20");
  g_assert_true (g_strv_contains (items, "EXT-04"));
  items = cs_linter_get_rule_items (linter, "L12");
  g_assert_true (g_strv_contains (items, "SLA-09"));
  items = cs_linter_get_rule_items (linter, "L04");
  g_assert_true (g_strv_contains (items, "SLA-02"));
  g_assert_true (g_strv_contains (items, "GDP-09"));
  g_assert_null (cs_linter_get_rule_items (linter, "L99"));

  for (guint i = 0; i < cs_linter_get_n_rules (linter); i++)
    {
      items = cs_linter_get_rule_items (linter, cs_linter_get_rule_id (linter, i));
      g_assert_nonnull (items);
      g_assert_nonnull (items[0]);
      for (guint k = 0; items[k] != NULL; k++)
        g_assert_true (g_regex_match_simple ("^[A-Z]{3}-[0-9]{2}$", items[k], 0, 0));
    }

  /* a rule without items has an empty list, not NULL */
  {
    static const char lexicon[] =
      "<?xml version=\"1.0\"?>\n<lexicon version=\"1\"><concept id=\"x\" lang=\"en\">"
      "<term>foo</term></concept></lexicon>\n";
    static const char rules[] =
      "<?xml version=\"1.0\"?>\n<linter version=\"2\"><rule id=\"L90\" severity=\"minor\">"
      "<title>t</title><message>m</message><suggestion>s</suggestion><source>s</source>"
      "<lang code=\"en\"><when concepts=\"x\"/><example>foo</example>"
      "<counter-example>bar</counter-example><better>b</better></lang></rule></linter>\n";
    g_autoptr(CsLinter) bare = cs_linter_new ();
    g_autoptr(GBytes) b1 = g_bytes_new_static (lexicon, sizeof lexicon - 1);
    g_autoptr(GBytes) b2 = g_bytes_new_static (rules, sizeof rules - 1);
    g_autoptr(GError) error = NULL;

    g_assert_true (cs_linter_load_bytes (bare, b1, "lexicon.xml", &error));
    g_assert_true (cs_linter_load_bytes (bare, b2, "rules.xml", &error));
    g_assert_no_error (error);
    items = cs_linter_get_rule_items (bare, "L90");
    g_assert_nonnull (items);
    g_assert_null (items[0]);
  }
}

/* Clause and sentence splitting, table-driven: each case lists the clauses it must give. */
static void
test_clause_split (void)
{
  static const struct {
    const char         *text;
    CsClauseSplitFlags  flags;
    const char         *clauses[6];
    guint               lines[6];
  } cases[] = {
    { "One. Two.", 0, { "One.", "Two." }, { 1, 1 } },
    { "Backups run daily, e.g. at 2 am. Restores are tested.", 0,
      { "Backups run daily, e.g. at 2 am.", "Restores are tested." }, { 1, 1 } },
    { "See art. 5 of the DPA. Cf. Annex 2 for the list.", 0,
      { "See art. 5 of the DPA.", "Cf. Annex 2 for the list." }, { 1, 1 } },
    { "Voir M. Dupont, i.e. le responsable. Le client valide.", 0,
      { "Voir M. Dupont, i.e. le responsable.", "Le client valide." }, { 1, 1 } },
    { "Availability is 99.5 % per month. It is measured.", 0,
      { "Availability is 99.5 % per month.", "It is measured." }, { 1, 1 } },
    { "Article 1 - Objet\nLe contrat couvre les serveurs.\nArticle 2 - Durée\nIl dure 3 ans.", 0,
      { "Article 1 - Objet", "Le contrat couvre les serveurs.", "Article 2 - Durée", "Il dure 3 ans." },
      { 1, 2, 3, 4 } },
    { "The provider manages:\n- servers,\n- laptops,\n- printers.", 0,
      { "The provider manages:", "- servers,", "- laptops,", "- printers." }, { 1, 2, 3, 4 } },
    { "1. Scope. 2. Term.", 0, { "1. Scope.", "2. Term." }, { 1, 1 } },
    { "The provider backs up the\ndata of the client every night.\n\nSecond paragraph", 0,
      { "The provider backs up the\ndata of the client every night.", "Second paragraph" }, { 1, 4 } },
    { "a) first item\nb) second item", 0, { "a) first item", "b) second item" }, { 1, 2 } },
    { "Is it done? Yes! It is.", 0, { "Is it done?", "Yes!", "It is." }, { 1, 1, 1 } },
    { "5.1 Sauvegardes\nLe prestataire sauvegarde.", 0,
      { "5.1 Sauvegardes", "Le prestataire sauvegarde." }, { 1, 2 } },
    { "one. two\nthree. Four", CS_CLAUSE_SPLIT_LINES, { "one. two", "three. Four" }, { 1, 2 } },
    { "  \n\n  ", 0, { NULL }, { 0 } },
  };

  static const struct {
    const char *text;
    gboolean    heading[2];
  } headings[] = {
    { "Article 4 - Sauvegardes\nLe prestataire sauvegarde.", { TRUE, FALSE } },
    { "5.2 Backup\nThe provider backs up.", { TRUE, FALSE } },
    { "ANNEXE 3 – Exclusions\nLes exclusions sont listées.", { TRUE, FALSE } },
    { "1) servers\n2) laptops", { FALSE, FALSE } },
    { "Article 5 of the DPA applies.\nIt is signed.", { FALSE, FALSE } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autoptr(GArray) clauses = cs_clauses_split (headings[i].text, -1, 0);

      g_assert_cmpuint (clauses->len, ==, 2);
      for (guint c = 0; c < 2; c++)
        if (g_array_index (clauses, CsClauseSpan, c).heading != headings[i].heading[c])
          g_error ("“%s”: clause %u heading is wrong", headings[i].text, c);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) clauses = cs_clauses_split (cases[i].text, -1, cases[i].flags);
      guint n = 0;

      while (n < G_N_ELEMENTS (cases[i].clauses) && cases[i].clauses[n] != NULL)
        n++;
      if (clauses->len != n)
        g_error ("case %u: %u clauses instead of %u", i, clauses->len, n);
      for (guint c = 0; c < n; c++)
        {
          CsClauseSpan *span = &g_array_index (clauses, CsClauseSpan, c);
          g_autofree char *got = g_strndup (cases[i].text + span->start, span->end - span->start);

          g_assert_cmpstr (got, ==, cases[i].clauses[c]);
          g_assert_cmpuint (span->line, ==, cases[i].lines[c]);
        }
    }
}


typedef struct
{
  guint weak;          /* (clause, rule) pairs a weak clause must trigger */
  guint found;
  guint measurable;    /* measurable clauses */
  guint false_alarms;  /* measurable clauses flagged by a rule they must not trigger */
} Score;

static gboolean
list_contains (const char *list,
               const char *id)
{
  g_auto(GStrv) ids = NULL;

  if (g_str_equal (list, "*"))
    return TRUE;
  ids = g_strsplit (list, ",", -1);
  return g_strv_contains ((const char * const *) ids, id);
}

static void
score_clause (CsLinter   *linter,
              CsLanguage  language,
              const char *must,
              const char *must_not,
              const char *text,
              gboolean    quiet,
              Score      *score)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = cs_linter_check (linter, text, -1, language,
                                                   CS_SECTION_DASHBOARD, 0, &error);

  g_assert_no_error (error);
  if (!g_str_equal (must, "-"))
    {
      g_auto(GStrv) ids = g_strsplit (must, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          gboolean hit = FALSE;

          for (guint f = 0; f < findings->len; f++)
            hit = hit || g_str_equal (cs_finding_get_id (findings->pdata[f]), ids[i]);
          score->weak++;
          score->found += hit;
          if (!hit && !quiet)
            g_test_message ("missed %s: %s", ids[i], text);
        }
    }
  if (!g_str_equal (must_not, "-"))
    {
      gboolean alarm = FALSE;

      for (guint f = 0; f < findings->len; f++)
        if (list_contains (must_not, cs_finding_get_id (findings->pdata[f])))
          {
            alarm = TRUE;
            if (!quiet)
              g_test_message ("false alarm %s (“%s”): %s", cs_finding_get_id (findings->pdata[f]),
                            cs_finding_get_matched_text (findings->pdata[f]), text);
          }
      score->measurable++;
      score->false_alarms += alarm;
    }
}

/* The corpus of tests/data/linter/corpus.tsv: recall on weak clauses and false alarms on
 * measurable ones, per language; the development part must reach 95 % recall and at most 3 %
 * false alarms. The held-out part is reported, never asserted: it is not tuned on. */
static void
test_corpus (void)
{
  g_autoptr(CsLinter) linter = default_linter ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "linter", "corpus.tsv",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Score scores[2][3] = { 0 };     /* [dev, held][language] */
  guint n_clauses = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      CsLanguage language = CS_LANGUAGE_ANY;
      gboolean held = FALSE;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 5);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      held = g_str_equal (fields[0], "held");
      g_assert_true (held || g_str_equal (fields[0], "dev"));
      g_assert_true (cs_language_from_string (fields[1], &language));
      /* the held-out clauses are counted, never listed: nobody tunes on them */
      score_clause (linter, language, fields[2], fields[3], fields[4], held,
                    &scores[held][language]);
      n_clauses++;
    }

  g_assert_cmpuint (n_clauses, >=, 400);

  for (guint held = 0; held < 2; held++)
    for (CsLanguage l = CS_LANGUAGE_EN; l <= CS_LANGUAGE_FR; l++)
      {
        Score *sc = &scores[held][l];
        double recall = sc->weak > 0 ? 100.0 * sc->found / sc->weak : 0;
        double alarms = sc->measurable > 0 ? 100.0 * sc->false_alarms / sc->measurable : 0;

        g_test_message ("%s %s: recall %.1f %% (%u/%u weak), false alarms %.1f %% (%u/%u measurable)",
                        held ? "held-out" : "dev", cs_language_to_string (l), recall, sc->found,
                        sc->weak, alarms, sc->false_alarms, sc->measurable);
        g_assert_cmpuint (sc->weak, >, 0);
        g_assert_cmpuint (sc->measurable, >, 0);
        if (!held)
          {
            g_assert_cmpfloat (recall, >=, 95.0);
            g_assert_cmpfloat (alarms, <=, 3.0);
          }
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
  g_test_add_func ("/core/linter/issue-clauses", test_issue_clauses);
  g_test_add_func ("/core/linter/clause-scope", test_clause_scope);
  g_test_add_func ("/core/linter/messages", test_messages);
  g_test_add_func ("/core/linter/rule-items", test_rule_items);
  g_test_add_func ("/core/linter/clause-split", test_clause_split);
  g_test_add_func ("/core/linter/corpus", test_corpus);
  g_test_add_func ("/core/linter/seed-clause", test_seed_clause);
  g_test_add_func ("/core/linter/large-text", test_large_text);

  return g_test_run ();
}
