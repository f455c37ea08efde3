#!/usr/bin/python3
# Checks that every translation is complete: it extracts the messages of every source listed in
# POTFILES.in exactly as the build's pot target does (xgettext, glib keywords), then asks msgcmp
# whether each one has a translation in LANG.po, and refuses fuzzy entries. It also checks that
# POTFILES.in lists every source file that has translatable strings.
#
# Usage: check-translations.py SOURCE_ROOT LANG...

import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3', 'ngettext:1,2']


def listed_files(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def unlisted_sources(root, listed):
    missing = []
    pattern_c = re.compile(r'\b(N?_|C_|NC_)\s*\(\s*"')
    for folder, suffixes, pattern in (('src', ('.c',), pattern_c),
                                      ('ui', ('.ui',), re.compile(r'translatable="yes"'))):
        for dirpath, _, filenames in os.walk(os.path.join(root, folder)):
            for name in filenames:
                if not name.endswith(suffixes):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding='utf-8') as f:
                    if pattern.search(f.read()) and rel not in listed:
                        missing.append(rel)
    return sorted(missing)


def main():
    root = sys.argv[1]
    langs = sys.argv[2:]
    failures = 0
    listed = listed_files(root)

    missing = unlisted_sources(root, listed)
    print('1..%d' % (1 + 2 * len(langs)))
    if missing:
        print('not ok 1 - POTFILES.in lists every translatable source')
        for path in missing:
            print('# not listed: ' + path)
        failures += 1
    else:
        print('ok 1 - POTFILES.in lists every translatable source')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'messages.pot')
        args = ['xgettext', '--from-code=UTF-8', '--add-comments', '--output=' + pot,
                '--directory=' + root]
        args += ['--keyword=' + k for k in KEYWORDS]
        args += listed
        env = dict(os.environ)
        # ITS rules for the checklist packs and the linter rules
        its_dir = os.path.join(root, 'data', 'checklists', 'gettext')
        env['GETTEXTDATADIRS'] = its_dir + os.pathsep + env.get('GETTEXTDATADIRS', '')
        subprocess.run(args, check=True, env=env)

        test = 2
        for lang in langs:
            po = os.path.join(root, 'po', lang + '.po')
            cmp = subprocess.run(['msgcmp', po, pot], capture_output=True, text=True)
            if cmp.returncode != 0:
                print('not ok %d - %s.po translates every message' % (test, lang))
                for line in cmp.stderr.splitlines()[:40]:
                    print('# ' + line)
                failures += 1
            else:
                print('ok %d - %s.po translates every message' % (test, lang))
            test += 1

            fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', po],
                                   capture_output=True, text=True, check=True).stdout
            if 'msgid' in fuzzy:
                print('not ok %d - %s.po has no fuzzy translation' % (test, lang))
                for line in fuzzy.splitlines()[:20]:
                    print('# ' + line)
                failures += 1
            else:
                print('ok %d - %s.po has no fuzzy translation' % (test, lang))
            test += 1

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
