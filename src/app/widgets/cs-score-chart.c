/* cs-score-chart.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-score-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cs-score-chart.h"

/**
 * CsScoreChart:
 *
 * A horizontal bar chart of the completeness of each section of an offer: per section its
 * name, a #GtkLevelBar in the colour of the score's standing band and the percentage with
 * the number of knock-outs. The bars are widgets with CSS nodes (`scorechart levelbar.band-*`
 * in style.css, libadwaita's named colours), so the chart follows the light and dark styles
 * without reading colours in code. The accessible description lists the same figures for
 * screen readers.
 */
struct _CsScoreChart
{
  GtkWidget  parent_instance;

  CsReport  *report;
  GtkWidget *grid;
  GtkWidget *bars[CS_N_SECTIONS];
  GtkWidget *values[CS_N_SECTIONS];
};

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsScoreChart, cs_score_chart, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static const char * const band_classes[] = {
  [CS_SCORE_BAND_NONE] = "band-none",
  [CS_SCORE_BAND_RED] = "band-red",
  [CS_SCORE_BAND_AMBER] = "band-amber",
  [CS_SCORE_BAND_GREEN] = "band-green",
  [CS_SCORE_BAND_BLUE] = "band-blue",
};

static char *
format_row_value (const CsScore *score)
{
  g_autofree char *percent = cs_score_format_percent (score->score);

  if (score->n_knock_outs == 0)
    return g_steal_pointer (&percent);

  /* Translators: a section's score in the chart, then its number of knock-outs */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u KO", "%s · %u KO",
                                       score->n_knock_outs),
                          percent, score->n_knock_outs);
}

static void
update_accessible (CsScoreChart *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->report == NULL)
    g_string_append (description, _("No scores"));

  for (CsSection section = CS_SECTION_DASHBOARD + 1; self->report != NULL && section < CS_N_SECTIONS;
       section++)
    {
      const CsScore *score = cs_report_get_score (self->report, section);
      g_autofree char *percent = cs_score_format_percent (score->score);

      if (description->len > 0)
        g_string_append (description, ", ");

      if (score->n_knock_outs > 0)
        /* Translators: accessible description of the chart: section, score, knock-outs */
        g_string_append_printf (description,
                                g_dngettext (GETTEXT_PACKAGE, "%s %s (%u knock-out)",
                                             "%s %s (%u knock-outs)", score->n_knock_outs),
                                cs_section_get_title (section), percent, score->n_knock_outs);
      else
        /* Translators: accessible description of the chart: section, then score */
        g_string_append_printf (description, _("%s %s"), cs_section_get_title (section), percent);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
update_bars (CsScoreChart *self)
{
  for (CsSection section = CS_SECTION_DASHBOARD + 1; section < CS_N_SECTIONS; section++)
    {
      const CsScore *score = self->report != NULL ? cs_report_get_score (self->report, section)
                                                  : NULL;
      double value = score != NULL && !isnan (score->score) ? CLAMP (score->score, 0, 1) : 0;
      CsScoreBand band = cs_score_band_from_score (score != NULL ? score->score : NAN);
      g_autofree char *text = score != NULL ? format_row_value (score) : g_strdup ("—");

      gtk_level_bar_set_value (GTK_LEVEL_BAR (self->bars[section]), value);
      for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
        gtk_widget_remove_css_class (self->bars[section], band_classes[i]);
      gtk_widget_add_css_class (self->bars[section], band_classes[band]);

      gtk_label_set_text (GTK_LABEL (self->values[section]), text);
      if (score != NULL && score->n_knock_outs > 0)
        gtk_widget_add_css_class (self->values[section], "error");
      else
        gtk_widget_remove_css_class (self->values[section], "error");
    }
}

static void
cs_score_chart_dispose (GObject *object)
{
  CsScoreChart *self = CS_SCORE_CHART (object);

  g_clear_object (&self->report);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (cs_score_chart_parent_class)->dispose (object);
}

static void
cs_score_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsScoreChart *self = CS_SCORE_CHART (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_score_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsScoreChart *self = CS_SCORE_CHART (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      cs_score_chart_set_report (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_score_chart_class_init (CsScoreChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_score_chart_dispose;
  object_class->get_property = cs_score_chart_get_property;
  object_class->set_property = cs_score_chart_set_property;

  /**
   * CsScoreChart:report:
   *
   * The report whose section scores are drawn, or %NULL.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL,
                         CS_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scorechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cs_score_chart_init (CsScoreChart *self)
{
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  for (CsSection section = CS_SECTION_DASHBOARD + 1; section < CS_N_SECTIONS; section++)
    {
      GtkWidget *name = gtk_label_new (cs_section_get_title (section));
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      GtkWidget *value = gtk_label_new ("—");

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 18);

      /* No offsets: the colour is the band's, set with a style class. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cs_section_get_title (section), -1);

      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_width_chars (GTK_LABEL (value), 12);
      gtk_widget_add_css_class (value, "numeric");

      gtk_grid_attach (GTK_GRID (self->grid), name, 0, section - 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), bar, 1, section - 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), value, 2, section - 1, 1, 1);
      self->bars[section] = bar;
      self->values[section] = value;
    }
  update_bars (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Completeness by section"),
                                  -1);
  update_accessible (self);
}

/**
 * cs_score_chart_new:
 *
 * Returns: (transfer floating): a new #CsScoreChart
 */
GtkWidget *
cs_score_chart_new (void)
{
  return g_object_new (CS_TYPE_SCORE_CHART, NULL);
}

/**
 * cs_score_chart_get_report:
 * @self: a #CsScoreChart
 *
 * Returns: (transfer none) (nullable): the report drawn
 */
CsReport *
cs_score_chart_get_report (CsScoreChart *self)
{
  g_return_val_if_fail (CS_IS_SCORE_CHART (self), NULL);

  return self->report;
}

/**
 * cs_score_chart_set_report:
 * @self: a #CsScoreChart
 * @report: (nullable): a report
 *
 * Draws the section scores of @report.
 */
void
cs_score_chart_set_report (CsScoreChart *self,
                           CsReport     *report)
{
  g_return_if_fail (CS_IS_SCORE_CHART (self));
  g_return_if_fail (report == NULL || CS_IS_REPORT (report));

  if (!g_set_object (&self->report, report))
    return;

  update_accessible (self);
  update_bars (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/**
 * cs_score_band_from_score:
 * @score: a score from 0 to 1, or NaN
 *
 * Returns: the standing band of @score
 */
CsScoreBand
cs_score_band_from_score (double score)
{
  /* The bands are the checklist pack's (its <scoring> element). */
  return (CsScoreBand) MIN (cs_checklist_get_band (cs_checklist_get_default (), score),
                            (guint) CS_SCORE_BAND_BLUE);
}

/**
 * cs_score_band_get_label:
 * @band: a band
 *
 * Returns: the translated name of the standing
 */
const char *
cs_score_band_get_label (CsScoreBand band)
{
  switch (band)
    {
    case CS_SCORE_BAND_RED:
      /* Translators: the standing of a score below 30 % */
      return _("Poor");
    case CS_SCORE_BAND_AMBER:
      /* Translators: the standing of a score from 30 % to 50 % */
      return _("Weak");
    case CS_SCORE_BAND_GREEN:
      /* Translators: the standing of a score from 50 % to 80 % */
      return _("Fair");
    case CS_SCORE_BAND_BLUE:
      /* Translators: the standing of a score of 80 % or more */
      return _("Strong");
    case CS_SCORE_BAND_NONE:
    default:
      return _("Not scored");
    }
}

/**
 * cs_score_band_get_css_class:
 * @band: a band
 *
 * Returns: (nullable): the libadwaita style class that colours text of @band
 */
const char *
cs_score_band_get_css_class (CsScoreBand band)
{
  switch (band)
    {
    case CS_SCORE_BAND_RED:
      return "error";
    case CS_SCORE_BAND_AMBER:
      return "warning";
    case CS_SCORE_BAND_GREEN:
      return "success";
    case CS_SCORE_BAND_BLUE:
      return "accent";
    case CS_SCORE_BAND_NONE:
    default:
      return NULL;
    }
}

/**
 * cs_score_format_percent:
 * @score: a score from 0 to 1, or NaN
 *
 * Returns: (transfer full): @score as a rounded percentage ("72 %"), or "—" for NaN
 */
char *
cs_score_format_percent (double score)
{
  if (isnan (score))
    return g_strdup ("—");

  /* Translators: a percentage; keep the no-break space if your language uses one */
  return g_strdup_printf (_("%d %%"), (int) floor (CLAMP (score, 0, 1) * 100 + 0.5));
}

/**
 * cs_score_format_counts:
 * @score: the score of an offer or a section
 *
 * Each count with the plural form its number takes in the interface's language.
 *
 * Returns: (transfer full): "18 satisfied, 1 partly, … · 11 weak wordings"
 */
char *
cs_score_format_counts (const CsScore *score)
{
  g_autofree char *satisfied = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *unanswered = NULL;
  g_autofree char *not_applicable = NULL;
  g_autofree char *weak = NULL;

  g_return_val_if_fail (score != NULL, NULL);

  /* Translators: one of the checklist counts of an offer: points satisfied */
  satisfied = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u satisfied", "%u satisfied",
                                            score->n_satisfied), score->n_satisfied);
  /* Translators: one of the checklist counts of an offer: points partly satisfied */
  partial = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partly", "%u partly",
                                          score->n_partial), score->n_partial);
  /* Translators: one of the checklist counts of an offer: points missing */
  missing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missing", "%u missing",
                                          score->n_missing), score->n_missing);
  /* Translators: one of the checklist counts of an offer: points without an answer yet */
  unanswered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to assess", "%u to assess",
                                             score->n_unanswered), score->n_unanswered);
  /* Translators: one of the checklist counts of an offer: points that do not apply */
  not_applicable = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not applicable",
                                                 "%u not applicable", score->n_not_applicable),
                                    score->n_not_applicable);
  /* Translators: one of the checklist counts of an offer: weak clauses found */
  weak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u weak wording", "%u weak wordings",
                                       score->n_lint_findings), score->n_lint_findings);

  /* Translators: the checklist counts of an offer: satisfied, partly, missing, to assess and
   * not applicable, then the weak wordings */
  return g_strdup_printf (_("%s, %s, %s, %s, %s · %s"), satisfied, partial, missing, unanswered,
                          not_applicable, weak);
}
