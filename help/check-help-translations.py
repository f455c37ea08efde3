#!/usr/bin/python3
#
# check-help-translations.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check the translations of the user guide.

Usage: check-help-translations.py HELP_DIR YELP_CHECK ITSTOOL PAGE...

For each language of HELP_DIR/LINGUAS: extracts the messages of the C pages with itstool, as
gnome.yelp()'s pot target does, and checks that LANG/LANG.po translates every one (msgcmp),
has no fuzzy entry and compiles (msgfmt --check); then builds the translated pages as
gnome.yelp() installs them (itstool -m) and checks that they validate and that their links
resolve (yelp-check). Prints TAP.
"""

import os
import subprocess
import sys
import tempfile

results = []


def check(ok, description, diagnostic=None):
    results.append((bool(ok), description, diagnostic))


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def languages(help_dir):
    with open(os.path.join(help_dir, 'LINGUAS'), encoding='utf-8') as f:
        return [word for line in f if not line.startswith('#') for word in line.split()]


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    help_dir, yelp_check, itstool = sys.argv[1:4]
    pages = [os.path.join(help_dir, 'C', page) for page in sys.argv[4:]]

    with tempfile.TemporaryDirectory(prefix='cs-help-') as tmp:
        pot = os.path.join(tmp, 'help.pot')
        extracted = run([itstool, '-o', pot] + pages)
        check(extracted.returncode == 0, 'itstool extracts the messages of the C pages',
              extracted.stderr)

        for lang in languages(help_dir):
            po = os.path.join(help_dir, lang, lang + '.po')
            mo = os.path.join(tmp, lang + '.mo')
            out_dir = os.path.join(tmp, lang)
            os.makedirs(out_dir)

            cmp = run(['msgcmp', po, pot])
            check(cmp.returncode == 0, '%s.po translates every message of the guide' % lang,
                  cmp.stderr)
            untranslated = run(['msgattrib', '--untranslated', '--no-obsolete', po])
            check(untranslated.returncode == 0 and 'msgid' not in untranslated.stdout,
                  '%s.po leaves no message untranslated' % lang, untranslated.stdout[:2000])
            fuzzy = run(['msgattrib', '--only-fuzzy', '--no-obsolete', po])
            check(fuzzy.returncode == 0 and 'msgid' not in fuzzy.stdout,
                  '%s.po has no fuzzy translation' % lang, fuzzy.stdout[:2000])
            compiled = run(['msgfmt', '--check', '-o', mo, po])
            check(compiled.returncode == 0, '%s.po compiles' % lang, compiled.stderr)
            if compiled.returncode != 0:
                continue

            merged = run([itstool, '-m', mo, '-l', lang, '-o', out_dir] + pages)
            check(merged.returncode == 0 and not merged.stderr.strip(),
                  'itstool builds the %s pages without complaint' % lang, merged.stderr)
            built = [os.path.join(out_dir, os.path.basename(page)) for page in pages]
            if merged.returncode != 0:
                continue
            valid = run([yelp_check, 'validate'] + built)
            check(valid.returncode == 0, 'the %s pages validate' % lang,
                  valid.stdout + valid.stderr)
            links = run([yelp_check, 'links'] + built)
            check(links.returncode == 0 and not links.stdout.strip(),
                  'the links of the %s pages resolve' % lang, links.stdout + links.stderr)

    print('1..%d' % len(results))
    for i, (ok, description, diagnostic) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, description))
        if not ok and diagnostic:
            for line in diagnostic.splitlines()[:40]:
                print('# ' + line)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
