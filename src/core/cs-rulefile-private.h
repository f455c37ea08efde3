/* cs-rulefile-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The largest rule file we read: far above any real pack, far below a memory problem. */
#define CS_RULEFILE_MAX_SIZE (4 * 1024 * 1024)

xmlDoc  *_cs_rulefile_parse      (GBytes      *xml,
                                  const char  *name,
                                  const char  *schema_resource,
                                  GQuark       domain,
                                  int          code,
                                  GError     **error);
char    *_cs_rulefile_get_text   (xmlNode     *node);
char    *_cs_rulefile_get_prop   (xmlNode     *node,
                                  const char  *name);
xmlNode *_cs_rulefile_child      (xmlNode     *node,
                                  const char  *name);
const char *_cs_rulefile_translate (const char *text);

G_END_DECLS
