#!/usr/bin/env python3
# check-devenv-locale.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run from the build tree with `meson devenv`, the programs find the build tree's catalogues:
the command line speaks French under LANGUAGE=fr (the application binds the same folder through
cs_i18n_init()). Usage: check-devenv-locale.py MESON BUILD_DIR"""

import os
import subprocess
import sys

meson, build = sys.argv[1], sys.argv[2]
env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8')
env.pop('CONTRACT_SCOPE_LOCALEDIR', None)

print('1..3')
dump = subprocess.run([meson, 'devenv', '-C', build, '--dump'], env=env, check=True,
                      capture_output=True, text=True).stdout
expected = 'CONTRACT_SCOPE_LOCALEDIR="%s"' % os.path.join(build, 'po')
ok = expected in dump and os.path.exists(os.path.join(build, 'po', 'fr', 'LC_MESSAGES',
                                                       'contract-scope.mo'))
print('%s 1 - meson devenv names the compiled catalogues (%s)' % ('ok' if ok else 'not ok', expected))

out = subprocess.run([meson, 'devenv', '-C', build, 'contract-scope-cli', '--help'], env=env,
                     capture_output=True, text=True).stdout
ok = 'Afficher la version et quitter' in out
print('%s 2 - contract-scope-cli --help is in French under meson devenv' % ('ok' if ok else 'not ok'))
if not ok:
    print('# ' + out.replace('\n', '\n# '))

# LANG names a locale the system may lack (Debian without `locales`): French all the same.
env_lang = dict(os.environ, LANG='fr_FR.UTF-8')
for key in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'CONTRACT_SCOPE_LOCALEDIR'):
    env_lang.pop(key, None)
out = subprocess.run([meson, 'devenv', '-C', build, 'contract-scope-cli', '--help'], env=env_lang,
                     capture_output=True, text=True).stdout
ok = 'Afficher la version et quitter' in out
print('%s 3 - contract-scope-cli --help is in French under LANG=fr_FR.UTF-8' % ('ok' if ok else 'not ok'))
if not ok:
    print('# ' + out.replace('\n', '\n# '))
