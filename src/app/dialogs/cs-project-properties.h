/* cs-project-properties.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_PROJECT_PROPERTIES (cs_project_properties_get_type ())

G_DECLARE_FINAL_TYPE (CsProjectProperties, cs_project_properties, CS, PROJECT_PROPERTIES,
                      AdwPreferencesWindow)

CsProjectProperties *cs_project_properties_new        (CsStore             *store);
CsStore             *cs_project_properties_get_store  (CsProjectProperties *self);

G_END_DECLS
