/* cs-test-utils.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *cs_test_build_path   (const char  *name);
char     *cs_test_file_sha256  (const char  *path);
void      cs_test_assert_unchanged (const char *path,
                                    const char *sha256);
void      cs_test_write_file   (const char  *path,
                                const void  *data,
                                gsize        length);
void      cs_test_copy_file    (const char  *from,
                                const char  *to);

G_END_DECLS
