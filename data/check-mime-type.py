#!/usr/bin/env python3
#
# check-mime-type.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check the shared-mime-info package for application/x-contractscope.

Usage: check-mime-type.py MIME_XML UPDATE_MIME_DATABASE GIO

Reads the merged package, builds a private MIME database from it and the system's
freedesktop.org.xml with update-mime-database, then asks GIO (`gio info`) which content
type it gives to real SQLite files: ours with and without the .contractscope extension,
a plain SQLite database and one with another application_id. Prints TAP.
"""

import os
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIME_TYPE = 'application/x-contractscope'
PARENT_TYPE = 'application/vnd.sqlite3'
APPLICATION_ID = 0x43536370  # "CScp", big-endian at byte 68 of the file
ICON = 'org.contractscope.ContractScope'
NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

results = []


def check(ok, description, diagnostic=None):
    results.append((bool(ok), description, diagnostic))


def find_freedesktop_xml():
    dirs = os.environ.get('XDG_DATA_DIRS') or '/usr/local/share:/usr/share'
    for d in dirs.split(':') + ['/usr/share']:
        path = os.path.join(d, 'mime', 'packages', 'freedesktop.org.xml')
        if d and os.path.isfile(path):
            return path
    return None


def check_package(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        check(False, 'the package parses', str(e))
        return False
    check(root.tag == NS + 'mime-info', 'the root element is <mime-info> in the shared-mime-info namespace',
          root.tag)
    types = root.findall(NS + 'mime-type')
    ours = [t for t in types if t.get('type') == MIME_TYPE]
    check(len(types) == 1 and len(ours) == 1, 'the package defines ' + MIME_TYPE + ' and nothing else')
    if not ours:
        return False
    t = ours[0]
    comments = t.findall(NS + 'comment')
    check(any(c.get(XML_LANG) is None and c.text for c in comments), 'it has an untranslated comment')
    check(any(c.get(XML_LANG) == 'fr' and c.text for c in comments),
          'it has a French comment (po/fr.po merged)')
    check([s.get('type') for s in t.findall(NS + 'sub-class-of')] == [PARENT_TYPE],
          'it is a sub-class of ' + PARENT_TYPE)
    globs = [(g.get('pattern'), g.get('weight')) for g in t.findall(NS + 'glob')]
    check(('*.contractscope', '80') in globs, 'it has the glob *.contractscope with weight 80', repr(globs))
    magic = t.findall(NS + 'magic')
    check(len(magic) == 1 and magic[0].get('priority') == '60', 'it has one magic with priority 60')
    return True


def make_sqlite_file(path, application_id):
    db = sqlite3.connect(path)
    db.execute('PRAGMA application_id = %d' % application_id)
    db.execute('CREATE TABLE t (x)')
    db.commit()
    db.close()
    with open(path, 'rb') as f:
        header = f.read(100)
    assert header[:16] == b'SQLite format 3\0'
    assert int.from_bytes(header[68:72], 'big') == application_id & 0xffffffff


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        return [line.rstrip('\n') for line in f]


def content_type(gio, env, path):
    out = subprocess.run([gio, 'info', '--attributes=standard::content-type', path],
                         env=env, capture_output=True, text=True)
    for line in out.stdout.splitlines():
        line = line.strip()
        if line.startswith('standard::content-type:'):
            return line.split(':', 3)[-1].strip()
    return 'none (%s)' % out.stderr.strip()


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    package, update_mime_database, gio = sys.argv[1:]

    freedesktop_xml = find_freedesktop_xml()
    if freedesktop_xml is None:
        print('1..0 # SKIP freedesktop.org.xml not found')
        return 0

    if check_package(package):
        with tempfile.TemporaryDirectory(prefix='cs-mime-') as tmp:
            mime_dir = os.path.join(tmp, 'share', 'mime')
            os.makedirs(os.path.join(mime_dir, 'packages'))
            os.makedirs(os.path.join(tmp, 'home'))
            for src, name in ((freedesktop_xml, 'freedesktop.org.xml'),
                              (package, 'org.contractscope.ContractScope.xml')):
                with open(src, 'rb') as i, open(os.path.join(mime_dir, 'packages', name), 'wb') as o:
                    o.write(i.read())

            # Only our private database, so nothing installed on the machine interferes.
            env = dict(os.environ)
            env['XDG_DATA_DIRS'] = os.path.join(tmp, 'share')
            env['XDG_DATA_HOME'] = os.path.join(tmp, 'home')
            env['GIO_USE_VFS'] = 'local'
            env['PKGSYSTEM_ENABLE_FSYNC'] = '0'
            umd = subprocess.run([update_mime_database, mime_dir], env=env,
                                 capture_output=True, text=True)
            check(umd.returncode == 0 and not umd.stderr.strip(),
                  'update-mime-database accepts the package without warnings',
                  umd.stderr.strip())
            if umd.returncode == 0:
                check('%s %s' % (MIME_TYPE, PARENT_TYPE) in read_lines(os.path.join(mime_dir, 'subclasses')),
                      'the database records the parent type')
                check('80:%s:*.contractscope' % MIME_TYPE in read_lines(os.path.join(mime_dir, 'globs2')),
                      'the database records the glob')
                check('%s:%s' % (MIME_TYPE, ICON) in read_lines(os.path.join(mime_dir, 'icons')),
                      'the database records the icon')

                samples = [
                    ('review.contractscope', APPLICATION_ID, MIME_TYPE),
                    ('review-without-extension', APPLICATION_ID, MIME_TYPE),
                    ('plain-sqlite', 0, PARENT_TYPE),
                    ('other-application', 0x0f055112, PARENT_TYPE),
                ]
                for name, application_id, expected in samples:
                    path = os.path.join(tmp, name)
                    make_sqlite_file(path, application_id)
                    got = content_type(gio, env, path)
                    check(got == expected,
                          '%s (application_id 0x%08x) is %s' % (name, application_id, expected),
                          'got ' + got)

    print('1..%d' % len(results))
    for i, (ok, description, diagnostic) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, description))
        if not ok and diagnostic:
            for line in diagnostic.splitlines():
                print('# ' + line)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
