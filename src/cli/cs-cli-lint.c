/* cs-cli-lint.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "contract-scope-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-commands.h"
#include "cs-linter.h"
#include "cs-values.h"

#include <math.h>
#include <stdio.h>

#include <json-glib/json-glib.h>

/*
 * contract-scope-cli lint FILE [--lang en|fr|auto] [--json] [--lines]
 *
 * Checks the contract wording of a UTF-8 text file with the clause linter, clause by clause.
 * Each clause that has weak wording or typed values is printed with its line, its values and
 * each weak wording (line and column, why it is weak, a better wording); --json gives every
 * clause. The exit status gates a script: 0 when nothing was found, 1 when weak wording was
 * found, 2 when the file could not be checked.
 */

typedef struct
{
  const char *text;
  gsize       pos;        /* byte offset reached so far */
  guint       line;       /* line of @pos, from 1 */
  gsize       line_start; /* byte offset of the start of that line */
} Cursor;

static void
set_usage_error (GError     **error,
                 const char  *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s (see “%s --help”)"), message, g_get_prgname ());
}

/* Line and column (in characters), both from 1, of @offset. Offsets must not go backwards by
 * more than a line, so that locating every finding of a file is one pass over it. */
static void
locate (Cursor *cursor,
        gsize   offset,
        guint  *out_line,
        guint  *out_column)
{
  if (offset < cursor->line_start)
    {
      cursor->pos = 0;
      cursor->line = 1;
      cursor->line_start = 0;
    }
  for (; cursor->pos < offset; cursor->pos++)
    if (cursor->text[cursor->pos] == '\n')
      {
        cursor->line++;
        cursor->line_start = cursor->pos + 1;
      }

  *out_line = cursor->line;
  *out_column = g_utf8_strlen (cursor->text + cursor->line_start, offset - cursor->line_start) + 1;
}

static gboolean
write_json (JsonBuilder  *builder,
            GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  /* JSON is UTF-8 whatever the locale: write the bytes, not through g_print(). */
  if (fwrite (data, 1, length, stdout) != length || fputc ('\n', stdout) == EOF)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the output"));
      return FALSE;
    }

  return TRUE;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_finding_json (JsonBuilder *builder,
                  CsFinding   *f,
                  Cursor      *cursor)
{
  guint line = 0, column = 0;

  locate (cursor, cs_finding_get_start (f), &line, &column);
  json_builder_begin_object (builder);
  add_string (builder, "rule", cs_finding_get_id (f));
  add_string (builder, "severity", cs_severity_to_string (cs_finding_get_severity (f)));
  add_int (builder, "start", cs_finding_get_start (f));
  add_int (builder, "end", cs_finding_get_end (f));
  add_int (builder, "line", line);
  add_int (builder, "column", column);
  add_string (builder, "text", cs_finding_get_matched_text (f));
  add_string (builder, "title", cs_finding_get_title (f));
  add_string (builder, "why", cs_finding_get_message (f));
  add_string (builder, "suggestion", cs_finding_get_remedy (f));
  add_string (builder, "example", cs_finding_get_example (f));
  json_builder_end_object (builder);
}

static void
add_value_json (JsonBuilder   *builder,
                const CsValue *v,
                const char    *text)
{
  g_autofree char *matched = g_strndup (text + v->start, v->end - v->start);

  json_builder_begin_object (builder);
  add_string (builder, "kind", cs_value_kind_to_string (v->kind));
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, v->value);
  if (!isnan (v->max) && v->max != v->value)
    {
      json_builder_set_member_name (builder, "max");
      json_builder_add_double_value (builder, v->max);
    }
  if (v->kind == CS_VALUE_DURATION)
    {
      add_string (builder, "unit", cs_time_unit_to_string (v->unit));
      add_string (builder, "clock", cs_clock_to_string (v->clock));
    }
  if (v->kind == CS_VALUE_AMOUNT)
    add_string (builder, "currency", v->currency);
  if (v->period != CS_TIME_UNIT_NONE)
    add_string (builder, "per", cs_time_unit_to_string (v->period));
  add_int (builder, "start", v->start);
  add_int (builder, "end", v->end);
  add_string (builder, "text", matched);
  json_builder_end_object (builder);
}

/* Walks the clauses with their findings and values, all three sorted by offset: one pass. */
typedef struct
{
  GArray    *clauses;
  GPtrArray *findings;
  GArray    *values;
  guint      f;
  guint      v;
} Walk;

static void
clause_range (Walk   *walk,
              guint   c,
              guint  *f_end,
              guint  *v_end)
{
  const CsClauseSpan *clause = &g_array_index (walk->clauses, CsClauseSpan, c);

  while (walk->f < walk->findings->len
         && cs_finding_get_start (walk->findings->pdata[walk->f]) < clause->start)
    walk->f++;
  *f_end = walk->f;
  while (*f_end < walk->findings->len
         && cs_finding_get_start (walk->findings->pdata[*f_end]) < clause->end)
    (*f_end)++;
  while (walk->v < walk->values->len
         && g_array_index (walk->values, CsValue, walk->v).start < clause->start)
    walk->v++;
  *v_end = walk->v;
  while (*v_end < walk->values->len
         && g_array_index (walk->values, CsValue, *v_end).start < clause->end)
    (*v_end)++;
}

static gboolean
print_json (Walk        *walk,
            const char  *text,
            const char  *display_name,
            CsLanguage   language,
            GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Cursor cursor = { text, 0, 1, 0 };

  json_builder_begin_object (builder);
  add_string (builder, "file", display_name);
  add_string (builder, "language", language == CS_LANGUAGE_ANY ? "auto"
                                                               : cs_language_to_string (language));
  json_builder_set_member_name (builder, "clauses");
  json_builder_begin_array (builder);
  for (guint c = 0; c < walk->clauses->len; c++)
    {
      const CsClauseSpan *clause = &g_array_index (walk->clauses, CsClauseSpan, c);
      g_autofree char *clause_text = g_strndup (text + clause->start, clause->end - clause->start);
      guint f_end = 0, v_end = 0;

      clause_range (walk, c, &f_end, &v_end);
      json_builder_begin_object (builder);
      add_int (builder, "line", clause->line);
      add_int (builder, "start", clause->start);
      add_int (builder, "end", clause->end);
      add_string (builder, "text", clause_text);
      json_builder_set_member_name (builder, "heading");
      json_builder_add_boolean_value (builder, clause->heading);
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = walk->f; i < f_end; i++)
        add_finding_json (builder, walk->findings->pdata[i], &cursor);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      for (guint i = walk->v; i < v_end; i++)
        add_value_json (builder, &g_array_index (walk->values, CsValue, i), text);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* every finding once more, flat, for scripts that only want those */
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  cursor = (Cursor) { text, 0, 1, 0 };
  for (guint i = 0; i < walk->findings->len; i++)
    add_finding_json (builder, walk->findings->pdata[i], &cursor);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return write_json (builder, error);
}

static void
print_text (Walk       *walk,
            const char *text,
            const char *display_name)
{
  Cursor cursor = { text, 0, 1, 0 };

  for (guint c = 0; c < walk->clauses->len; c++)
    {
      const CsClauseSpan *clause = &g_array_index (walk->clauses, CsClauseSpan, c);
      guint f_end = 0, v_end = 0;

      clause_range (walk, c, &f_end, &v_end);
      if (f_end == walk->f && v_end == walk->v)
        continue;

      g_print ("%s:%u: %.*s\n", display_name, clause->line, (int) (clause->end - clause->start),
               text + clause->start);
      if (v_end > walk->v)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint i = walk->v; i < v_end; i++)
            {
              g_autofree char *described = cs_value_describe (&g_array_index (walk->values,
                                                                               CsValue, i));

              g_string_append_printf (list, "%s%s", i > walk->v ? "; " : "", described);
            }
          g_print ("  %s %s\n", _("Values:"), list->str);
        }

      for (guint i = walk->f; i < f_end; i++)
        {
          CsFinding *f = walk->findings->pdata[i];
          guint line = 0, column = 0;

          locate (&cursor, cs_finding_get_start (f), &line, &column);
          g_print ("%s:%u:%u: %s [%s, %s] “%s”\n", display_name, line, column,
                   cs_finding_get_title (f), cs_finding_get_id (f),
                   cs_severity_get_label (cs_finding_get_severity (f)),
                   cs_finding_get_matched_text (f));
          g_print ("  %s\n", cs_finding_get_message (f));
          g_print ("  %s %s\n", _("Better:"), cs_finding_get_remedy (f));
          if (cs_finding_get_example (f) != NULL)
            g_print ("  %s %s\n", _("For example:"), cs_finding_get_example (f));
        }
    }

  if (walk->findings->len == 0)
    g_print (_("No weak wording found.\n"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u weak wording found.\n",
                          "%u weak wordings found.\n", walk->findings->len), walk->findings->len);
}

static gboolean
parse_arguments (int          *argc,
                 char       ***argv,
                 CsLanguage   *language,
                 gboolean     *json,
                 gboolean     *lines,
                 GError      **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lang = NULL;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("The language of the file: en, fr or auto (default: auto, guessed clause by clause)"),
      N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, json, N_("Print JSON for scripts"), NULL },
    { "lines", 0, 0, G_OPTION_ARG_NONE, lines,
      N_("Treat each line as one clause instead of splitting sentences"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Flag weak wording in a contract clause file, clause by clause. "
                                  "Exit status: 0 when nothing was found, 1 when weak wording "
                                  "was found, 2 on error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      set_usage_error (error, local_error->message);
      return FALSE;
    }

  if (*argc < 2)
    {
      set_usage_error (error, _("No clause file given"));
      return FALSE;
    }
  if (*argc > 2)
    {
      set_usage_error (error, _("Too many arguments"));
      return FALSE;
    }
  *language = CS_LANGUAGE_ANY;
  if (lang != NULL && !g_str_equal (lang, "auto")
      && (!cs_language_from_string (lang, language) || *language == CS_LANGUAGE_ANY))
    {
      set_usage_error (error, _("Unknown language: use --lang en, --lang fr or --lang auto"));
      return FALSE;
    }

  return TRUE;
}

/**
 * run_lint:
 * @argc: the number of arguments, the command name first
 * @argv: the arguments
 * @error: return location for a #GError
 *
 * Runs `contract-scope-cli lint`.
 *
 * Returns: %TRUE on success
 */
gboolean
run_lint (int      argc,
          char   **argv,
          GError **error)
{
  g_autoptr(CsLinter) linter = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GArray) clauses = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gboolean json = FALSE;
  gboolean lines = FALSE;
  gsize length = 0;
  CsLanguage language = CS_LANGUAGE_ANY;
  Walk walk = { 0 };

  /* Any failure of lint is 2: 1 means "weak wording found". */
  cs_cli_failure_status = 2;

  if (!parse_arguments (&argc, &argv, &language, &json, &lines, error))
    return FALSE;

  display_name = g_filename_display_name (argv[1]);
  if (!g_file_get_contents (argv[1], &contents, &length, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code, _("Could not read “%s”: %s"),
                   display_name, local_error->message);
      return FALSE;
    }

  linter = cs_linter_new_default (error);
  if (linter == NULL)
    return FALSE;

  findings = cs_linter_check_text (linter, contents, length, language, CS_SECTION_DASHBOARD, 0,
                                   lines ? CS_CLAUSE_SPLIT_LINES : CS_CLAUSE_SPLIT_DEFAULT,
                                   &clauses, &values, &local_error);
  if (findings == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display_name,
                   local_error->message);
      return FALSE;
    }

  walk = (Walk) { clauses, findings, values, 0, 0 };
  if (json)
    {
      if (!print_json (&walk, contents, display_name, language, error))
        return FALSE;
    }
  else
    print_text (&walk, contents, display_name);

  cs_cli_success_status = findings->len > 0 ? 1 : 0;

  return TRUE;
}
