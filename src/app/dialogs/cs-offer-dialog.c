/* cs-offer-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-offer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-offer-dialog.h"

/**
 * CsOfferDialog:
 *
 * Asks for an offer's provider name and kind, to add an offer or to rename one. Its
 * "apply" response, enabled once the name is not blank, confirms; "cancel" cancels. The
 * caller reads #CsOfferDialog:provider-name and #CsOfferDialog:kind in its "response"
 * handler.
 */
struct _CsOfferDialog
{
  AdwMessageDialog  parent_instance;

  /* template children */
  GtkEntry         *provider_entry;
  GtkCheckButton   *proposal_check;
  GtkCheckButton   *incumbent_check;
};

enum {
  PROP_0,
  PROP_PROVIDER_NAME,
  PROP_KIND,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsOfferDialog, cs_offer_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GParamSpec *properties[N_PROPS];

static void
on_provider_entry_changed_cb (GtkEntry      *entry,
                              CsOfferDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", name[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER_NAME]);
}

static void
on_kind_toggled_cb (GtkCheckButton *check,
                    CsOfferDialog  *self)
{
  if (gtk_check_button_get_active (check))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* GObject vfuncs */

static void
cs_offer_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CS_TYPE_OFFER_DIALOG);

  G_OBJECT_CLASS (cs_offer_dialog_parent_class)->dispose (object);
}

static void
cs_offer_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsOfferDialog *self = CS_OFFER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROVIDER_NAME:
      g_value_set_string (value, cs_offer_dialog_get_provider_name (self));
      break;

    case PROP_KIND:
      g_value_set_string (value, cs_offer_dialog_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_offer_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsOfferDialog *self = CS_OFFER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROVIDER_NAME:
      cs_offer_dialog_set_provider_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      cs_offer_dialog_set_kind (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_offer_dialog_class_init (CsOfferDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_offer_dialog_dispose;
  object_class->get_property = cs_offer_dialog_get_property;
  object_class->set_property = cs_offer_dialog_set_property;

  /**
   * CsOfferDialog:provider-name:
   *
   * The provider name typed, without surrounding spaces.
   */
  properties[PROP_PROVIDER_NAME] =
    g_param_spec_string ("provider-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsOfferDialog:kind:
   *
   * The kind of offer chosen, "proposal" or "incumbent".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         "proposal",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-offer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsOfferDialog, provider_entry);
  gtk_widget_class_bind_template_child (widget_class, CsOfferDialog, proposal_check);
  gtk_widget_class_bind_template_child (widget_class, CsOfferDialog, incumbent_check);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_entry_changed_cb);
}

static void
cs_offer_dialog_init (CsOfferDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->proposal_check, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
  g_signal_connect (self->incumbent_check, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
}

/* public API */

/**
 * cs_offer_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @provider: (nullable): the current provider name when renaming, %NULL when adding
 *
 * Returns: (transfer none): a new #CsOfferDialog, not yet shown
 */
CsOfferDialog *
cs_offer_dialog_new (GtkWindow  *parent,
                     const char *provider)
{
  CsOfferDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (CS_TYPE_OFFER_DIALOG, "transient-for", parent, NULL);

  if (provider != NULL)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Rename Offer"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("The provider name and the kind of offer can be changed "
                                     "at any time; nothing else in the offer changes."));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "apply", _("_Rename"));
      cs_offer_dialog_set_provider_name (self, provider);
    }

  return self;
}

/**
 * cs_offer_dialog_get_provider_name:
 * @self: a #CsOfferDialog
 *
 * Returns: the provider name as typed
 */
const char *
cs_offer_dialog_get_provider_name (CsOfferDialog *self)
{
  g_return_val_if_fail (CS_IS_OFFER_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->provider_entry));
}

/**
 * cs_offer_dialog_set_provider_name:
 * @self: a #CsOfferDialog
 * @provider: (nullable): a provider name
 *
 * Fills in the provider name.
 */
void
cs_offer_dialog_set_provider_name (CsOfferDialog *self,
                                   const char    *provider)
{
  g_return_if_fail (CS_IS_OFFER_DIALOG (self));

  if (g_strcmp0 (provider, cs_offer_dialog_get_provider_name (self)) == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->provider_entry), provider != NULL ? provider : "");
}

/**
 * cs_offer_dialog_get_kind:
 * @self: a #CsOfferDialog
 *
 * Returns: "incumbent" or "proposal"
 */
const char *
cs_offer_dialog_get_kind (CsOfferDialog *self)
{
  g_return_val_if_fail (CS_IS_OFFER_DIALOG (self), NULL);

  return gtk_check_button_get_active (self->incumbent_check) ? "incumbent" : "proposal";
}

/**
 * cs_offer_dialog_set_kind:
 * @self: a #CsOfferDialog
 * @kind: (nullable): "incumbent" or "proposal"
 *
 * Chooses the kind of offer.
 */
void
cs_offer_dialog_set_kind (CsOfferDialog *self,
                          const char    *kind)
{
  g_return_if_fail (CS_IS_OFFER_DIALOG (self));

  if (g_strcmp0 (kind, "incumbent") == 0)
    gtk_check_button_set_active (self->incumbent_check, TRUE);
  else
    gtk_check_button_set_active (self->proposal_check, TRUE);
}
