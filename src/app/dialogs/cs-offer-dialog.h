/* cs-offer-dialog.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CS_TYPE_OFFER_DIALOG (cs_offer_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsOfferDialog, cs_offer_dialog, CS, OFFER_DIALOG, AdwMessageDialog)

CsOfferDialog *cs_offer_dialog_new                (GtkWindow     *parent,
                                                   const char    *provider);
const char    *cs_offer_dialog_get_provider_name  (CsOfferDialog *self);
void           cs_offer_dialog_set_provider_name  (CsOfferDialog *self,
                                                   const char    *provider);
const char    *cs_offer_dialog_get_kind           (CsOfferDialog *self);
void           cs_offer_dialog_set_kind           (CsOfferDialog *self,
                                                   const char    *kind);

G_END_DECLS
