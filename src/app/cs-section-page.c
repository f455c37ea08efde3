/* cs-section-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-section-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-section-page.h"
#include "cs-section-editor.h"
#include "cs-offer-selector.h"

/**
 * CsSectionPage:
 *
 * The content area for one section of one offer. Until each section has its editor, the
 * page says what the section records; the Dashboard and Perimeter pages also list the
 * figures the project already holds (offers, sites, assets per category). It never shows
 * made-up data. Without any offer, it says so and offers to add one.
 */
struct _CsSectionPage
{
  AdwBin               parent_instance;

  CsStore             *store;
  CsOffer             *offer;
  CsSection            section;

  /* template children (not the bin's own child, which AdwBin disposes of itself) */
  GtkLabel            *offer_label;
  GtkWidget           *no_offer_box;
  AdwPreferencesGroup *facts_group;
  GtkListBox          *facts_list;
  GtkLabel            *pending_label;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_OFFER,
  PROP_SECTION,
  N_PROPS
};

static void cs_section_page_editor_init (CsSectionEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsSectionPage, cs_section_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_SECTION_EDITOR,
                                                      cs_section_page_editor_init))

static GParamSpec *properties[N_PROPS];

static const char * const descriptions[CS_N_SECTIONS] = {
  [CS_SECTION_DASHBOARD] =
    N_("The review at a glance: how complete each section of the offer is, the knock-out gaps "
       "that rule it out, and the findings to fix or annotate, each leading to the place where "
       "it is fixed."),
  [CS_SECTION_PERIMETER] =
    N_("The client’s inventory under management, site by site — endpoints, servers, switches, "
       "firewalls, Wi-Fi access points, NAS, Microsoft 365 and cloud tenants, backup systems, "
       "telephony, printers and the business applications — with quantity, criticality and "
       "owner; and for each offer, whether every asset is managed, partially managed, excluded "
       "or not addressed at all."),
  [CS_SECTION_EXCLUSIONS] =
    N_("What the offer leaves out, category by category — licences, carrier network, personal "
       "devices, off-site interventions, business-specific applications, hardware replacement, "
       "projects, training, after-hours work — with the contract wording and the price of the "
       "excluded work."),
  [CS_SECTION_RESPONSIBILITIES] =
    N_("The who-does-what matrix: for each activity — creating accounts, approving access "
       "rights, deciding a service interruption, driving a restore, dealing with software "
       "vendors — who is Responsible, Accountable, Consulted and Informed among the client, "
       "the provider, its subcontractors and the software vendors."),
  [CS_SECTION_SLA] =
    N_("The service levels the offer commits to: the coverage window (days, hours, time zone, "
       "public holidays), the P1–P4 priority definitions with their response and resolution "
       "targets (value, unit, business or calendar time), availability with its measurement "
       "period, penalties and reporting."),
  [CS_SECTION_BACKUP] =
    N_("The backup policies: what is backed up, how often and for how long, RPO and RTO, the "
       "offline or immutable copy, the off-site location, encryption, how often restores are "
       "tested and with what evidence, and who is alerted when a backup fails."),
  [CS_SECTION_SECURITY] =
    N_("The security and access controls — privileged accounts, remote administration tools, "
       "logging and log retention, encryption, MFA, the conditions of access to the client’s "
       "systems, patching, the security-incident notification delay — each with its status, "
       "detail and how it is proved."),
  [CS_SECTION_SUBCONTRACTING] =
    N_("Who else does the work: whether subcontracting is allowed, and for each subcontractor "
       "its service (night support, monitoring, SOC, hosting, off-site backup …), location, "
       "access to data, and the approval and change-notice terms."),
  [CS_SECTION_EXIT] =
    N_("Reversibility: the exit plan and the checklist of what the outgoing provider hands "
       "back — credentials, documentation, data exports, inventory, backup state, licences, "
       "network parameters, automation scripts, transition calendar — in what format, within "
       "how many days of notice, owned by whom and at what price."),
  [CS_SECTION_TERMS] =
    N_("The contract terms: billing model and unit counting, how the perimeter and the bill "
       "change, price revision, term, renewal and notice, governance meetings and reports, "
       "audit rights, and the GDPR processor terms (Art. 28): processing description, "
       "sub-processors, breach notification delay, return or deletion of data."),
};

static AdwStatusPage *
get_status_page (CsSectionPage *self)
{
  return ADW_STATUS_PAGE (adw_bin_get_child (ADW_BIN (self)));
}

static void
add_fact (CsSectionPage *self,
          const char    *title,
          const char    *value)
{
  GtkWidget *row;
  GtkWidget *label;
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *accessible = NULL;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);

  label = gtk_label_new (value);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  /* Translators: accessible text of a figure row: label, then value */
  accessible = g_strdup_printf (_("%s: %s"), title, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  gtk_list_box_append (self->facts_list, row);
}

static void
add_count_fact (CsSectionPage *self,
                const char    *title,
                guint64        count)
{
  g_autofree char *value = g_strdup_printf ("%" G_GUINT64_FORMAT, count);

  add_fact (self, title, value);
}

static guint
count_offers_of_kind (CsStore    *store,
                      const char *kind)
{
  GListModel *offers = cs_store_get_offers (store);
  guint n_items = g_list_model_get_n_items (offers);
  guint count = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsOffer) offer = g_list_model_get_item (offers, i);

      if (g_strcmp0 (cs_offer_get_kind (offer), kind) == 0)
        count++;
    }

  return count;
}

static void
update_facts (CsSectionPage *self)
{
  g_autoptr(GHashTable) per_category = NULL;
  GtkWidget *child;
  guint64 units = 0;
  guint n_assets;
  gboolean show_facts;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_list))) != NULL)
    gtk_list_box_remove (self->facts_list, child);

  show_facts = self->store != NULL && !cs_store_is_closed (self->store) &&
               (self->section == CS_SECTION_DASHBOARD || self->section == CS_SECTION_PERIMETER);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_group), show_facts);
  if (!show_facts)
    return;

  n_assets = cs_store_count_assets (self->store, &units, &per_category);

  if (self->section == CS_SECTION_DASHBOARD)
    {
      add_count_fact (self, _("Offers"), g_list_model_get_n_items (cs_store_get_offers (self->store)));
      add_count_fact (self, _("Incumbent contracts"), count_offers_of_kind (self->store, "incumbent"));
      add_count_fact (self, _("Proposals"), count_offers_of_kind (self->store, "proposal"));
    }

  add_count_fact (self, _("Sites"), g_list_model_get_n_items (cs_store_get_sites (self->store)));
  add_count_fact (self, _("Asset lines"), n_assets);
  add_count_fact (self, _("Units (sum of quantities)"), units);

  if (self->section == CS_SECTION_PERIMETER && per_category != NULL)
    {
      const char * const *categories = cs_asset_categories ();

      /* In the order of the category list, not the order of the hash table. */
      for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
        {
          gpointer count;

          if (g_hash_table_lookup_extended (per_category, categories[i], NULL, &count))
            add_count_fact (self, cs_asset_category_get_label (categories[i]),
                            GPOINTER_TO_UINT (count));
        }
    }
}

static void
update_offer (CsSectionPage *self)
{
  gboolean has_offers;

  has_offers = self->store != NULL && !cs_store_is_closed (self->store) &&
               g_list_model_get_n_items (cs_store_get_offers (self->store)) > 0;
  gtk_widget_set_visible (self->no_offer_box, !has_offers);

  if (self->offer != NULL && self->section != CS_SECTION_PERIMETER)
    {
      const char *provider = cs_offer_get_provider (self->offer);
      const char *kind = cs_offer_kind_get_label (cs_offer_get_kind (self->offer));
      g_autofree char *text = NULL;

      if (provider == NULL || provider[0] == '\0')
        provider = _("Unnamed offer");

      /* Translators: which offer a section page is about; provider name, then kind */
      text = g_strdup_printf (_("%s — %s"), provider, kind);
      gtk_label_set_text (self->offer_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->offer_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->offer_label), FALSE);
    }
}

static void
update_section (CsSectionPage *self)
{
  adw_status_page_set_icon_name (get_status_page (self), cs_section_get_icon_name (self->section));
  adw_status_page_set_title (get_status_page (self), cs_section_get_title (self->section));
  adw_status_page_set_description (get_status_page (self),
                                   cs_section_get_description (self->section));

  update_offer (self);
  update_facts (self);
}

static void
on_offer_notify_cb (CsOffer       *offer,
                    GParamSpec    *pspec,
                    CsSectionPage *self)
{
  update_offer (self);
}

static void
on_list_items_changed_cb (GListModel    *model,
                          guint          position,
                          guint          removed,
                          guint          added,
                          CsSectionPage *self)
{
  update_offer (self);
  update_facts (self);
}

static void
on_store_saved_cb (CsStore       *store,
                   CsSectionPage *self)
{
  update_facts (self);
}

static void
set_store (CsSectionPage *self,
           CsStore       *store)
{
  g_assert (self->store == NULL);

  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "saved", G_CALLBACK (on_store_saved_cb), self, 0);
  g_signal_connect_object (cs_store_get_offers (store), "items-changed",
                           G_CALLBACK (on_list_items_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (cs_store_get_sites (store), "items-changed",
                           G_CALLBACK (on_list_items_changed_cb), self, G_CONNECT_AFTER);
}

/* GObject vfuncs */

static void
cs_section_page_constructed (GObject *object)
{
  CsSectionPage *self = CS_SECTION_PAGE (object);

  G_OBJECT_CLASS (cs_section_page_parent_class)->constructed (object);

  update_section (self);
}

static void
cs_section_page_dispose (GObject *object)
{
  CsSectionPage *self = CS_SECTION_PAGE (object);

  if (self->offer != NULL)
    g_signal_handlers_disconnect_by_data (self->offer, self);
  g_clear_object (&self->offer);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SECTION_PAGE);

  G_OBJECT_CLASS (cs_section_page_parent_class)->dispose (object);
}

static void
cs_section_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsSectionPage *self = CS_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_OFFER:
      g_value_set_object (value, self->offer);
      break;

    case PROP_SECTION:
      g_value_set_uint (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_section_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsSectionPage *self = CS_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_OFFER:
      cs_section_page_set_offer (self, g_value_get_object (value));
      break;

    case PROP_SECTION:
      cs_section_page_set_section (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_section_page_class_init (CsSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_section_page_constructed;
  object_class->dispose = cs_section_page_dispose;
  object_class->get_property = cs_section_page_get_property;
  object_class->set_property = cs_section_page_set_property;

  /**
   * CsSectionPage:store:
   *
   * The project.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsSectionPage:section:
   *
   * The #CsSection shown.
   */
  properties[PROP_SECTION] =
    g_param_spec_uint ("section", NULL, NULL,
                       0, CS_N_SECTIONS - 1, CS_SECTION_DASHBOARD,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_property (object_class, PROP_STORE, properties[PROP_STORE]);
  g_object_class_install_property (object_class, PROP_SECTION, properties[PROP_SECTION]);
  g_object_class_override_property (object_class, PROP_OFFER, "offer");
  properties[PROP_OFFER] = g_object_class_find_property (object_class, "offer");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-section-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSectionPage, offer_label);
  gtk_widget_class_bind_template_child (widget_class, CsSectionPage, no_offer_box);
  gtk_widget_class_bind_template_child (widget_class, CsSectionPage, facts_group);
  gtk_widget_class_bind_template_child (widget_class, CsSectionPage, facts_list);
  gtk_widget_class_bind_template_child (widget_class, CsSectionPage, pending_label);
}

static void
cs_section_page_editor_init (CsSectionEditorInterface *iface)
{
  /* A placeholder has nothing to focus but itself: the default does that. */
}

static void
cs_section_page_init (CsSectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->section = CS_SECTION_DASHBOARD;
}

/* public API */

/**
 * cs_section_page_new:
 * @store: the project
 *
 * Returns: (transfer floating): a new #CsSectionPage showing the dashboard
 */
GtkWidget *
cs_section_page_new (CsStore *store)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  return g_object_new (CS_TYPE_SECTION_PAGE, "store", store, NULL);
}

/**
 * cs_section_page_get_store:
 * @self: a #CsSectionPage
 *
 * Returns: (transfer none): the project
 */
CsStore *
cs_section_page_get_store (CsSectionPage *self)
{
  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), NULL);

  return self->store;
}

/**
 * cs_section_page_get_section:
 * @self: a #CsSectionPage
 *
 * Returns: the section shown
 */
CsSection
cs_section_page_get_section (CsSectionPage *self)
{
  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), CS_SECTION_DASHBOARD);

  return self->section;
}

/**
 * cs_section_page_set_section:
 * @self: a #CsSectionPage
 * @section: a section
 *
 * Shows @section.
 */
void
cs_section_page_set_section (CsSectionPage *self,
                             CsSection      section)
{
  g_return_if_fail (CS_IS_SECTION_PAGE (self));
  g_return_if_fail (section < CS_N_SECTIONS);

  if (self->section == section)
    return;

  self->section = section;
  update_section (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/**
 * cs_section_page_get_offer:
 * @self: a #CsSectionPage
 *
 * Returns: (transfer none) (nullable): the offer shown
 */
CsOffer *
cs_section_page_get_offer (CsSectionPage *self)
{
  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), NULL);

  return self->offer;
}

/**
 * cs_section_page_set_offer:
 * @self: a #CsSectionPage
 * @offer: (nullable): an offer of the project
 *
 * Shows the section of @offer.
 */
void
cs_section_page_set_offer (CsSectionPage *self,
                           CsOffer       *offer)
{
  g_return_if_fail (CS_IS_SECTION_PAGE (self));
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  if (self->offer == offer)
    return;

  if (self->offer != NULL)
    g_signal_handlers_disconnect_by_data (self->offer, self);

  g_set_object (&self->offer, offer);

  if (self->offer != NULL)
    g_signal_connect_object (self->offer, "notify", G_CALLBACK (on_offer_notify_cb), self, 0);

  update_offer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER]);
}

/**
 * cs_section_page_get_title:
 * @self: a #CsSectionPage
 *
 * Returns: the title shown, the translated title of the section
 */
const char *
cs_section_page_get_title (CsSectionPage *self)
{
  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), NULL);

  return adw_status_page_get_title (get_status_page (self));
}

/**
 * cs_section_get_description:
 * @section: a section
 *
 * Returns: the translated description of what @section records
 */
const char *
cs_section_get_description (CsSection section)
{
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  return _(descriptions[section]);
}
