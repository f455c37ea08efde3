/* cs-sla-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-sla-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cs-sla-page.h"
#include "cs-field-editor.h"
#include "cs-field-table.h"
#include "cs-long-text-row.h"
#include "cs-number-row.h"
#include "cs-record-list.h"
#include "cs-sections.h"
#include "cs-source.h"
#include "cs-text-row.h"
#include "cs-tristate-row.h"

/**
 * CsSlaPage:
 *
 * The SLA section of an offer: the coverage window (days, hours, time zone, public holidays,
 * on-call for P1), the P1–P4 incident targets with their definition, examples, response and
 * resolution (value, unit, business or calendar time), the service-request targets,
 * availability with its measurement period and allowed maintenance, escalation, service
 * credits and reporting, and the contract wording.
 *
 * Beside each response and resolution target the page shows its worst-case wall-clock time
 * under the coverage window ("4 business hours" can mean 66 hours over a weekend), and above
 * the form the checks of the section (P1 slower than P2 …), each leading to its field. Every
 * change is committed at once and the figures are computed again.
 *
 * Actions: `sla.add-request-target`, `sla.delete-target` (int64 record id),
 * `sla.set-time-zone` (string); a deletion's Undo is the project's (`project.undo`).
 */
/* A computed worst case, and the target and time it is about. */
typedef struct
{
  GtkWidget *row;
  gint64     target_id;
  gboolean   resolution;
} WorstRow;

struct _CsSlaPage
{
  CsSectionPage        parent_instance;


  /* built with the offer's form */
  GArray              *worst_rows;     /* WorstRow: the rows the report updates */
  GtkWidget           *window_row;
  GtkWidget           *downtime_row;
  GtkWidget           *day_buttons[7];
  gboolean             syncing_days;
  guint                update_id;

  /* template children */
  AdwPreferencesGroup *flags_group;
  GtkBox              *form_box;
};

G_DEFINE_FINAL_TYPE (CsSlaPage, cs_sla_page, CS_TYPE_SECTION_PAGE)

static const char * const common_time_zones[] = {
  "Europe/Paris", "Europe/Brussels", "Europe/Luxembourg", "Europe/Zurich", "Europe/London",
  "Europe/Berlin", "America/Toronto", "UTC", NULL
};

static CsRecord *
get_terms (CsSlaPage *self)
{
  if (cs_page_offer (self) == NULL)
    return NULL;

  return cs_store_get_section (cs_page_store (self), CS_TYPE_SLA_TERMS,
                               cs_page_offer_id (self));
}

static char *
format_instant (GDateTime *instant)
{
  /* Translators: a ticket's opening instant in a worst case, strftime format: "Fri 17:59" */
  return g_date_time_format (instant, _("%a %d %b %H:%M"));
}

static char *
describe_time (const CsSlaTime *time)
{
  g_autofree char *wall = NULL;

  if (isnan (time->stated_minutes))
    return g_strdup (_("Not stated"));

  wall = cs_format_minutes (time->worst.wall_minutes);

  if (!time->business)
    /* Translators: worst case of a target in calendar time; %s is a duration ("4 h") */
    return g_strdup_printf (_("%s (calendar time: the clock never stops)"), wall);

  if (isinf (time->worst.wall_minutes))
    return g_strdup (_("Never met: the coverage window never opens"));

  if (time->worst.opened != NULL && time->worst.due != NULL)
    {
      g_autofree char *opened = format_instant (time->worst.opened);
      g_autofree char *due = format_instant (time->worst.due);

      /* Translators: worst case of a business-time target: duration, opening and deadline */
      return g_strdup_printf (_("%s (opened %s, due %s)"), wall, opened, due);
    }

  return g_steal_pointer (&wall);
}

/* Computes the report again and shows its figures: worst cases, window, downtime, checks. */
static void
update_report (CsSlaPage *self)
{
  g_autoptr(CsSlaReport) report = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (cs_page_offer (self) == NULL || cs_page_store (self) == NULL ||
      cs_store_is_closed (cs_page_store (self)))
    return;

  now = g_date_time_new_now_local ();
  report = cs_sla_report_new (cs_page_store (self),
                              cs_page_offer_id (self),
                              g_date_time_get_year (now));
  if (report == NULL)
    return;

  for (guint i = 0; i < self->worst_rows->len; i++)
    {
      WorstRow *worst = &g_array_index (self->worst_rows, WorstRow, i);
      GtkWidget *row = worst->row;
      gint64 id = worst->target_id;
      gboolean resolution = worst->resolution;

      for (guint j = 0; j < report->targets->len; j++)
        {
          CsSlaTargetReport *target = g_ptr_array_index (report->targets, j);
          g_autofree char *text = NULL;

          if (cs_record_get_id (CS_RECORD (target->target)) != id)
            continue;

          text = describe_time (resolution ? &target->resolution : &target->response);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
        }
    }

  if (self->window_row != NULL)
    {
      g_autofree char *hours = cs_format_minutes (report->week_minutes);
      g_autofree char *subtitle = NULL;

      /* Translators: the coverage window in one line, then its open time in a week */
      subtitle = g_strdup_printf (_("%s — %s a week"),
                                  report->window_text ? report->window_text : _("Never open"),
                                  hours);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->window_row), subtitle);
    }

  if (self->downtime_row != NULL)
    {
      g_autofree char *subtitle = NULL;

      if (isnan (report->allowed_downtime_minutes))
        {
          subtitle = g_strdup (_("Needs the target and a measurement period"));
        }
      else
        {
          g_autofree char *downtime = cs_format_minutes (report->allowed_downtime_minutes);

          /* Translators: downtime an availability target allows; duration, period in days */
          subtitle = g_strdup_printf (_("%s per period of %.0f days"), downtime,
                                      report->period_days);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->downtime_row), subtitle);
    }
}

/* coverage days */

static void
sync_days (CsSlaPage *self)
{
  CsRecord *terms = get_terms (self);
  gint64 days;

  if (terms == NULL || self->day_buttons[0] == NULL)
    return;

  days = cs_record_get_int (terms, "window_days");
  self->syncing_days = TRUE;
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[i]),
                                  (days & (1 << i)) != 0);
  self->syncing_days = FALSE;
}

static void
on_day_toggled_cb (GtkToggleButton *button,
                   CsSlaPage       *self)
{
  g_autoptr(GError) error = NULL;
  CsRecord *terms = get_terms (self);
  gint64 days = 0;

  if (self->syncing_days || terms == NULL || !cs_page_is_writable (self))
    return;

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->day_buttons[i])))
      days |= 1 << i;

  if (days != cs_record_get_int (terms, "window_days") &&
      !cs_store_set_int (cs_page_store (self), terms, "window_days", days, &error))
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      sync_days (self);
    }
}

static GtkWidget *
create_days_row (CsSlaPage *self)
{
  const char *short_names[7] = {
    /* Translators: abbreviated weekdays of the coverage window's day buttons */
    C_("weekday", "Mon"), C_("weekday", "Tue"), C_("weekday", "Wed"), C_("weekday", "Thu"),
    C_("weekday", "Fri"), C_("weekday", "Sat"), C_("weekday", "Sun"),
  };
  const char *names[7] = {
    _("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"),
    _("Sunday"),
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  CsRecord *terms = get_terms (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Days"));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < 7; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (short_names[i]);
      g_autofree char *accessible = NULL;

      /* Translators: accessible name of a day button of the coverage window */
      accessible = g_strdup_printf (_("Open on %s"), names[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_widget_set_tooltip_text (button, names[i]);
      gtk_widget_set_sensitive (button, cs_page_is_writable (self));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_day_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
      self->day_buttons[i] = button;
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  g_signal_connect_object (terms, "notify::window-days", G_CALLBACK (sync_days), self,
                           G_CONNECT_SWAPPED);
  sync_days (self);

  return row;
}

/* form */

static void
add_group (CsSlaPage  *self,
           GtkWidget  *group)
{
  gtk_box_append (self->form_box, group);
}

static GtkWidget *
create_time_row (CsSlaPage  *self,
                 CsRecord   *target,
                 const char *prefix,
                 const char *which,
                 const char *title)
{
  g_autofree char *value_column = g_strconcat (which, "_value", NULL);
  g_autofree char *unit_column = g_strconcat (which, "_unit", NULL);
  g_autofree char *clock_column = g_strconcat (which, "_clock", NULL);
  g_autofree char *value_name = NULL;
  g_autofree char *unit_name = NULL;
  g_autofree char *clock_name = NULL;
  const CsEntity *entity = cs_record_get_entity (target);
  GtkWidget *row;

  /* Translators: accessible names of a target's fields: "P1 response time" … */
  value_name = g_strdup_printf (_("%s %s time"), prefix, title);
  unit_name = g_strdup_printf (_("%s %s unit"), prefix, title);
  clock_name = g_strdup_printf (_("%s %s clock"), prefix, title);

  row = cs_number_row_new (g_str_equal (which, "response") ? _("Response") : _("Resolution"),
                           value_column, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cs_number_row_get_spin_button (CS_NUMBER_ROW
                                                                                  (row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, value_name,
                                  -1);
  cs_number_row_add_choice (CS_NUMBER_ROW (row), unit_column,
                            cs_entity_find_field (entity, unit_column, NULL)->choices, unit_name);
  cs_number_row_add_choice (CS_NUMBER_ROW (row), clock_column,
                            cs_entity_find_field (entity, clock_column, NULL)->choices,
                            clock_name);
  cs_field_editor_bind (CS_FIELD_EDITOR (row), cs_page_store (self), target);

  return row;
}

static GtkWidget *
create_worst_row (CsSlaPage  *self,
                  CsRecord   *target,
                  const char *prefix,
                  gboolean    resolution)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *accessible = NULL;
  WorstRow worst = { row, cs_record_get_id (target), resolution };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 resolution ? _("Worst-case resolution")
                                            : _("Worst-case response"));
  gtk_widget_add_css_class (row, "property");
  /* Translators: accessible name of a computed worst case: "P1 worst-case response" */
  accessible = g_strdup_printf (resolution ? _("%s worst-case resolution")
                                           : _("%s worst-case response"), prefix);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (row, _("The longest wall-clock time between a ticket’s opening "
                                      "and its deadline under the coverage window, over the "
                                      "current year with its public holidays"));
  g_array_append_val (self->worst_rows, worst);

  return row;
}

static GtkWidget *
create_definition_row (CsSlaPage  *self,
                       CsRecord   *target,
                       const char *title)
{
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("What the contract calls this priority, with examples"));
  cs_field_editor_add_bound (expander,
                             cs_long_text_row_new (_("Definition"), "definition"),
                             cs_page_store (self), target);
  cs_field_editor_add_bound (expander,
                             cs_long_text_row_new (_("Examples"), "examples"),
                             cs_page_store (self), target);
  cs_field_editor_add_bound (expander,
                             cs_text_row_new (_("Contract reference"), "reference"),
                             cs_page_store (self), target);

  return expander;
}

static void
build_priorities (CsSlaPage  *self,
                  GListModel *targets)
{
  static const char *descriptions[] = {
    N_("Critical: the business is stopped"),
    N_("High: a service or many users are degraded"),
    N_("Medium: one user or a workaround exists"),
    N_("Low: minor trouble or information"),
  };

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(CsRecord) target = g_list_model_get_item (targets, i);
      g_autofree char *prefix = NULL;
      g_autofree char *title = NULL;
      GtkWidget *group;
      gint64 priority;

      if (g_strcmp0 (cs_record_get_string (target, "kind"), "incident") != 0)
        continue;

      priority = cs_record_get_int (target, "priority");
      /* Translators: an incident priority, "P1" … "P4" */
      prefix = g_strdup_printf (_("P%d"), (int) priority);
      /* Translators: title of a priority's group: "P1 Incidents" */
      title = g_strdup_printf (_("%s Incidents"), prefix);

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      if (priority >= 1 && priority <= 4)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               _(descriptions[priority - 1]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_time_row (self, target, prefix, "response",
                                                  _("response")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_worst_row (self, target, prefix, FALSE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_time_row (self, target, prefix, "resolution",
                                                  _("resolution")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_worst_row (self, target, prefix, TRUE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_definition_row (self, target,
                                                        _("Definition and Examples")));
      add_group (self, group);
    }
}

static void
on_request_definition_cb (CsRecord   *target,
                          GParamSpec *pspec,
                          GtkWidget  *expander)
{
  const char *definition = cs_record_get_string (target, "definition");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 definition != NULL && definition[0] != '\0'
                                 ? definition : _("Unnamed request type"));
}

static void
build_requests (CsSlaPage  *self,
                GListModel *targets)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add_button;
  guint n_requests = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Service Requests"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Targets for requests rather than incidents: "
                                           "account creation, installation, access rights …"));
  add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_button, "flat");
  gtk_widget_set_tooltip_text (add_button, _("Add Service Request Target"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Service Request Target"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "sla.add-request-target");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add_button);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(CsRecord) target = g_list_model_get_item (targets, i);
      g_autofree char *prefix = NULL;
      g_autofree char *delete_name = NULL;
      const char *definition;
      GtkWidget *expander;
      GtkWidget *delete_button;

      if (g_strcmp0 (cs_record_get_string (target, "kind"), "request") != 0)
        continue;

      n_requests++;
      definition = cs_record_get_string (target, "definition");
      /* Translators: the name of a service-request target in accessible names */
      prefix = g_strdup_printf (_("Request %u"), n_requests);

      expander = adw_expander_row_new ();
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), FALSE);
      /* The title is the user's definition: text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     definition != NULL && definition[0] != '\0'
                                     ? definition : _("Unnamed request type"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), prefix);
      g_signal_connect_object (target, "notify::definition",
                               G_CALLBACK (on_request_definition_cb), expander, 0);

      delete_name = g_strdup_printf (_("Delete %s"), prefix);
      delete_button = cs_record_button_new ("user-trash-symbolic", _("Delete Target"),
                                            delete_name, "sla.delete-target",
                                            cs_record_get_id (target));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), delete_button);

      cs_field_editor_add_bound (expander,
                                 cs_long_text_row_new (_("Request type"), "definition"),
                                 cs_page_store (self), target);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                create_time_row (self, target, prefix, "response",
                                                 _("response")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                create_worst_row (self, target, prefix, FALSE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                create_time_row (self, target, prefix, "resolution",
                                                 _("resolution")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                create_worst_row (self, target, prefix, TRUE));
      cs_field_editor_add_bound (expander,
                                 cs_text_row_new (_("Contract reference"), "reference"),
                                 cs_page_store (self), target);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }

  if (n_requests == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No service-request targets recorded"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add one for each kind of request the contract times"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  add_group (self, group);
}

static GtkWidget *
create_time_zone_row (CsSlaPage *self,
                      CsRecord  *terms)
{
  GtkWidget *row = cs_field_editor_bound (cs_text_row_new (_("Time zone"), "time_zone"),
                                          cs_page_store (self), terms);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button;

  for (guint i = 0; common_time_zones[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (common_time_zones[i], NULL);

      g_menu_item_set_action_and_target (item, "sla.set-time-zone", "s", common_time_zones[i]);
      g_menu_append_item (menu, item);
    }

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Common Time Zones"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Common Time Zones"), -1);
  gtk_widget_set_sensitive (button, cs_page_is_writable (self));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  return row;
}

static void
build_window (CsSlaPage *self,
              CsRecord  *terms)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Coverage Window"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("When business time runs. Public holidays: FR for "
                                           "the French calendar (FR-57 with Alsace-Moselle), "
                                           "dates as YYYY-MM-DD, yearly days as MM-DD, separated "
                                           "by commas."));

  self->window_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->window_row), _("Window"));
  gtk_widget_add_css_class (self->window_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->window_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_days_row (self));

  for (guint i = 0; i < 2; i++)
    {
      row = cs_number_row_new (i == 0 ? _("Window opens at") : _("Window closes at"),
                               i == 0 ? "window_start" : "window_end", NULL);
      cs_number_row_set_clock (CS_NUMBER_ROW (row), TRUE);
      if (i == 1)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("An end before the start runs overnight; equal times "
                                       "mean 24 hours"));
      cs_field_editor_add_bound (group, row, cs_page_store (self), terms);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_time_zone_row (self, terms));
  cs_field_editor_add_bound (group,
                             cs_text_row_new (_("Public holidays"), "holidays"),
                             cs_page_store (self), terms);
  cs_field_editor_add_bound (group,
                             cs_tristate_row_new (_("On-call for P1 outside the window"),
                                                  "oncall_p1"),
                             cs_page_store (self), terms);
  add_group (self, group);
}

static const CsFieldSpec availability_fields[] = {
  { CS_ROW_NUMBER, N_("Target"), "availability_target", NC_("unit", "%"), "unit" },
  { CS_ROW_TEXT, N_("Measurement period"), "availability_period" },
  { CS_ROW_NUMBER, N_("Planned maintenance allowed"), "maintenance_hours",
    /* Translators: unit */
    N_("hours per period") },
  { CS_ROW_NUMBER, N_("Maintenance notice"), "maintenance_notice_days", N_("days") },
};

static const CsFieldSpec commitment_fields[] = {
  { CS_ROW_LONG_TEXT, N_("Escalation levels"), "escalation" },
  { CS_ROW_LONG_TEXT, N_("Service credits"), "credits" },
  { CS_ROW_NUMBER, N_("Credits cap"), "credits_cap_percent",
    /* Translators: unit */
    N_("% of the fee") },
  { CS_ROW_LONG_TEXT, N_("Reporting"), "reporting" },
  { CS_ROW_TEXT, N_("Contract reference"), "reference" },
};

static void
build_availability (CsSlaPage *self,
                    CsRecord  *terms)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Availability"));
  cs_field_table_add (group, availability_fields, G_N_ELEMENTS (availability_fields),
                      cs_page_store (self), terms);

  self->downtime_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->downtime_row),
                                 _("Allowed downtime"));
  gtk_widget_add_css_class (self->downtime_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->downtime_row);
  add_group (self, group);
}

static void
build_commitments (CsSlaPage *self,
                   CsRecord  *terms)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Escalation, Credits and Reporting"));
  cs_field_table_add (group, commitment_fields, G_N_ELEMENTS (commitment_fields),
                      cs_page_store (self), terms);
  add_group (self, group);
}

static void
clear_form (CsSlaPage *self)
{
  GtkWidget *child;

  g_array_set_size (self->worst_rows, 0);
  self->window_row = NULL;
  self->downtime_row = NULL;
  memset (self->day_buttons, 0, sizeof self->day_buttons);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->form_box))) != NULL)
    gtk_box_remove (self->form_box, child);
}

static void
rebuild (CsSlaPage *self)
{
  CsOffer *offer = cs_page_offer (self);
  gboolean editable = offer != NULL && cs_page_is_writable (self);
  CsRecord *terms;
  GListModel *targets;

  clear_form (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sla.add-request-target", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sla.delete-target", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sla.set-time-zone", editable);

  if (offer == NULL || (terms = get_terms (self)) == NULL)
    return;

  targets = cs_store_list (cs_page_store (self), CS_TYPE_SLA_TARGET,
                           cs_page_offer_id (self));
  build_window (self, terms);
  build_priorities (self, targets);
  build_requests (self, targets);
  build_availability (self, terms);
  build_commitments (self, terms);

  update_report (self);
}

/* callbacks */

static gboolean
is_our_target (CsSlaPage *self,
               CsRecord  *record)
{
  return cs_page_offer (self) != NULL && CS_IS_SLA_TARGET (record) &&
         cs_record_get_parent_id (record) == cs_page_offer_id (self);
}

static void
on_record_added_cb (CsStore   *store,
                    CsRecord  *record,
                    CsSlaPage *self)
{
  if (is_our_target (self, record))
    rebuild (self);
}

static void
on_record_removed_cb (CsStore   *store,
                      CsRecord  *record,
                      CsSlaPage *self)
{
  if (is_our_target (self, record))
    rebuild (self);
}

static void
on_saved_cb (CsStore   *store,
             CsSlaPage *self)
{
  /* "saved" comes as the change is committed, before the record shows its new value:
   * compute once the change is complete, and once for a burst of changes. */
  cs_idle_add_once (&self->update_id, G_PRIORITY_HIGH_IDLE, (CsSourceFunc) update_report, self);
}

static void
on_reloaded_cb (CsStore   *store,
                CsSlaPage *self)
{
  rebuild (self);
}

/* actions */

static void
cs_sla_page_add_request_target_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CsSlaPage *self = CS_SLA_PAGE (widget);
  g_autoptr(CsRecord) target = NULL;
  g_autoptr(GError) error = NULL;

  if (cs_page_offer (self) == NULL || !cs_page_is_writable (self))
    return;

  target = g_object_new (CS_TYPE_SLA_TARGET,
                         "offer-id", cs_page_offer_id (self),
                         "kind", "request",
                         NULL);
  if (!cs_store_add (cs_page_store (self), target, &error))
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  /* Rebuilt by "record-added": open the new target and its first field. */
  cs_field_editors_focus (GTK_WIDGET (self->form_box), "sla_target", cs_record_get_id (target),
                  "definition");
}

static void
cs_sla_page_delete_target_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsSlaPage *self = CS_SLA_PAGE (widget);
  g_autoptr(CsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  CsRecord *target;

  if (!cs_page_is_writable (self))
    return;

  target = cs_store_find (cs_page_store (self), CS_TYPE_SLA_TARGET,
                          g_variant_get_int64 (parameter));
  if (target == NULL || !is_our_target (self, target))
    return;

  deletion = cs_store_delete (cs_page_store (self), target, &error);
  if (deletion == NULL)
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  cs_section_page_show_deleted (CS_SECTION_PAGE (self), &deletion, 1,
                                _("Service-request target deleted"));
}

static void
cs_sla_page_set_time_zone_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsSlaPage *self = CS_SLA_PAGE (widget);
  g_autoptr(GError) error = NULL;
  CsRecord *terms = get_terms (self);

  if (terms == NULL || !cs_page_is_writable (self))
    return;

  if (!cs_store_set_string (cs_page_store (self), terms, "time_zone",
                            g_variant_get_string (parameter, NULL), &error))
    cs_section_page_show_error (CS_SECTION_PAGE (self), error);
}

/* CsSectionPage */

static gboolean
cs_sla_page_focus_target (CsSectionPage *page,
                          const char    *table,
                          gint64         record_id,
                          const char    *field)
{
  CsSlaPage *self = CS_SLA_PAGE (page);

  if (cs_field_editors_focus (GTK_WIDGET (self->form_box), table, record_id, field))
    return TRUE;

  return gtk_widget_child_focus (cs_section_page_get_flags_group (page), GTK_DIR_TAB_FORWARD) ||
         gtk_widget_grab_focus (GTK_WIDGET (self->form_box));
}

/* GObject vfuncs */

static void
cs_sla_page_offer_changed (CsSectionPage *page)
{
  CsSlaPage *self = CS_SLA_PAGE (page);

  rebuild (self);
}

static void
cs_sla_page_constructed (GObject *object)
{
  CsSlaPage *self = CS_SLA_PAGE (object);

  G_OBJECT_CLASS (cs_sla_page_parent_class)->constructed (object);

  g_signal_connect_object (cs_page_store (self), "saved", G_CALLBACK (on_saved_cb), self, 0);
  g_signal_connect_object (cs_page_store (self), "record-added",
                           G_CALLBACK (on_record_added_cb), self, 0);
  g_signal_connect_object (cs_page_store (self), "record-removed",
                           G_CALLBACK (on_record_removed_cb), self, 0);
  g_signal_connect_object (cs_page_store (self), "reloaded", G_CALLBACK (on_reloaded_cb), self, 0);

  rebuild (self);
}

static void
cs_sla_page_dispose (GObject *object)
{
  CsSlaPage *self = CS_SLA_PAGE (object);

  if (self->worst_rows != NULL)
    g_array_set_size (self->worst_rows, 0);
  self->window_row = NULL;
  self->downtime_row = NULL;
  g_clear_handle_id (&self->update_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SLA_PAGE);

  G_OBJECT_CLASS (cs_sla_page_parent_class)->dispose (object);
}

static void
cs_sla_page_finalize (GObject *object)
{
  CsSlaPage *self = CS_SLA_PAGE (object);

  g_clear_pointer (&self->worst_rows, g_array_unref);

  G_OBJECT_CLASS (cs_sla_page_parent_class)->finalize (object);
}

static void
cs_sla_page_class_init (CsSlaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_sla_page_constructed;
  object_class->dispose = cs_sla_page_dispose;
  object_class->finalize = cs_sla_page_finalize;
  page_class->offer_changed = cs_sla_page_offer_changed;
  page_class->focus_target = cs_sla_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_SLA, CS_SECTION_PAGE_LAYOUT_FORM,
                                     N_("Select an offer to record its service levels."),
                                     N_("Add the incumbent contract or a provider’s proposal to "
                                        "record the service levels it commits to."));
  /* Translators: page heading; %s is the provider of the offer */

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-sla-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSlaPage, form_box);

  gtk_widget_class_install_action (widget_class, "sla.add-request-target", NULL,
                                   cs_sla_page_add_request_target_action);
  gtk_widget_class_install_action (widget_class, "sla.delete-target", "x",
                                   cs_sla_page_delete_target_action);
  gtk_widget_class_install_action (widget_class, "sla.set-time-zone", "s",
                                   cs_sla_page_set_time_zone_action);
}

static void
cs_sla_page_init (CsSlaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->worst_rows = g_array_new (FALSE, FALSE, sizeof (WorstRow));
}
