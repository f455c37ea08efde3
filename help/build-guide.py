#!/usr/bin/env python3
# build-guide.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Usage: build-guide.py HELP_DIR OUT_DIR STAMP ITSTOOL MSGFMT PAGE...

Lays the user guide out in the build tree as gnome.yelp() installs it: OUT_DIR/C/ the pages
of HELP_DIR/C, and for each language of HELP_DIR/LINGUAS OUT_DIR/LANG/ the pages translated
by itstool from HELP_DIR/LANG/LANG.po. Run from the build tree (`meson devenv`), the
application opens this guide (CONTRACT_SCOPE_HELPDIR): F1 works before `meson install`.
Writes STAMP once done."""

import os
import shutil
import subprocess
import sys
import tempfile


def languages(help_dir):
    with open(os.path.join(help_dir, 'LINGUAS'), encoding='utf-8') as f:
        return [word for line in f if not line.startswith('#') for word in line.split()]


def main():
    if len(sys.argv) < 7:
        print(__doc__, file=sys.stderr)
        return 2
    help_dir, out_dir, stamp, itstool, msgfmt = sys.argv[1:6]
    pages = [os.path.join(help_dir, 'C', page) for page in sys.argv[6:]]

    c_dir = os.path.join(out_dir, 'C')
    os.makedirs(c_dir, exist_ok=True)
    for page in pages:
        shutil.copyfile(page, os.path.join(c_dir, os.path.basename(page)))

    with tempfile.TemporaryDirectory(prefix='cs-guide-') as tmp:
        for lang in languages(help_dir):
            mo = os.path.join(tmp, lang + '.mo')
            lang_dir = os.path.join(out_dir, lang)
            os.makedirs(lang_dir, exist_ok=True)
            subprocess.run([msgfmt, '-o', mo, os.path.join(help_dir, lang, lang + '.po')],
                           check=True)
            subprocess.run([itstool, '-m', mo, '-l', lang, '-o', lang_dir] + pages, check=True)

    with open(stamp, 'w', encoding='utf-8') as f:
        f.write('\n'.join(sorted(os.listdir(out_dir))) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
