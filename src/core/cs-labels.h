/* cs-labels.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The names a person reads for the stored values, defined once for the application, the
 * command line and the exports: offer kinds, asset criticality, the answers of choice fields
 * (statuses of security controls and exit deliverables, yes/no/not stated …). The labels of
 * coverage states are cs_coverage_state_get_label() (cs-perimeter.h), those of checklist
 * statuses cs_item_status_get_label() (cs-finding.h).
 */

/**
 * CS_PROJECT_MIME_TYPE:
 *
 * The MIME type of a project file.
 */
#define CS_PROJECT_MIME_TYPE "application/x-contractscope"

/**
 * CS_PROJECT_SUFFIX:
 *
 * The file name suffix of a project file.
 */
#define CS_PROJECT_SUFFIX ".contractscope"

/**
 * CS_N_CRITICALITIES:
 *
 * Asset criticality goes from 1 (critical) to this.
 */
#define CS_N_CRITICALITIES 4

const char  *cs_offer_kind_get_label         (const char *kind);
const char  *cs_asset_criticality_get_label  (gint64      criticality);
const char  *cs_choice_get_label             (const char *value);
char        *cs_price_format                 (double      amount,
                                              const char *currency,
                                              const char *unit);
char        *cs_price_unit_format            (const char *currency,
                                              const char *unit);

G_END_DECLS
