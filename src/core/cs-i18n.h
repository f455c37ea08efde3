/* cs-i18n.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *cs_i18n_init             (void);
const char *cs_i18n_resolve_language (const char *language);
const char *cs_i18n_translate        (const char *language,
                                      const char *msgid) G_GNUC_FORMAT (2);
char       *cs_i18n_format_date      (const char *language,
                                      const GDate *date);
char       *cs_i18n_format_number    (const char *language,
                                      double      value,
                                      guint       decimals);
char       *cs_i18n_format_money     (const char *language,
                                      double      amount,
                                      const char *currency);
const char *cs_i18n_currency_symbol  (const char *currency);

G_END_DECLS
