#!/usr/bin/python3
# test-import.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary on a fresh demo project, opens the
# Perimeter section through AT-SPI, starts the CSV import of tests/data/csv/e2e-assets.csv
# through the window's "import-assets" action on D-Bus (org.gtk.Actions.Activate: no file
# chooser to drive), goes through the import dialog (Next → Import → Done) and reads the asset
# count of the inventory before and after.
#
# Usage: test-import.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; the AT-SPI bus is D-Bus-activated (org.a11y.Bus) on the session bus, or started
# here when nothing provides it. Without a display or any AT-SPI bus it prints "1..0 # SKIP".

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, click, descendants, find, is_showing, log, name_of, open_section, role_of,
    safe, text_of, wait_application, wait_find, wait_for
)

CSV_NAME = 'e2e-assets.csv'
# Five rows are imported; the sixth has no name and is rejected (and reported).
N_IMPORTED = 5
APP_ID = 'org.contractscope.ContractScope'

STEPS = [
    'the application appears with the demo project',
    'the Perimeter section shows the asset count',
    'win.import-assets (D-Bus) opens the import dialog with its preview',
    'Next runs the dry run and shows what will be imported',
    'Import runs and the report lists the rejected row',
    'Done closes the dialog and the inventory counts the new assets',
]


def asset_count(root):
    """The inventory's count label: "N assets" (or "N of M assets" when filtered)."""
    for accessible in descendants(root):
        if role_of(accessible) != 'label' or not is_showing(accessible):
            continue
        text = safe(lambda: text_of(accessible), '') or ''
        match = re.fullmatch(r'(\d+) assets?', text)
        if match:
            return int(match.group(1))
    return None


def activate_window_action(name, path):
    """org.gtk.Actions.Activate on the application's windows, first that answers."""
    from gi.repository import Gio, GLib

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    last_error = None
    for window_id in range(1, 6):
        try:
            bus.call_sync(APP_ID, '/org/contractscope/ContractScope/window/%d' % window_id,
                          'org.gtk.Actions', 'Activate',
                          GLib.Variant('(sava{sv})', (name, [GLib.Variant('s', path)], {})),
                          None, Gio.DBusCallFlags.NONE, 10000, None)
            return
        except GLib.Error as error:
            last_error = error.message
    raise StepFailed('could not activate win.%s over D-Bus: %s' % (name, last_error))


def make_steps(run):
    """The step functions, one per line of STEPS."""
    process = run.process
    csv_path = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data',
                                           'csv', CSV_NAME))
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_for('the project window',
                                   lambda: next((a for a in descendants(state['app'], 2)
                                                 if role_of(a) == 'frame' and
                                                 name_of(a).endswith('— Contract Scope')), None))

    def perimeter():
        window = state['window']
        open_section(window, 'Perimeter')
        state['before'] = wait_for('the inventory count label', lambda: asset_count(window))
        log('assets before the import: %d' % state['before'])

    def open_dialog():
        activate_window_action('import-assets', csv_path)
        state['dialog'] = wait_find(state['app'], 'Import Assets', ['dialog', 'frame', 'window', 'filler'])
        wait_find(state['dialog'], 'Preview of the first rows', ['table', 'tree table', 'list'])
        wait_find(state['dialog'], 'Next', ['push button'])

    def dry_run():
        click(wait_find(state['dialog'], 'Next', ['push button']))
        wait_find(state['dialog'], 'Import', ['push button'], timeout=60)
        wait_find(state['dialog'], 'Assets to add: %d' % N_IMPORTED)

    def run_import():
        click(wait_find(state['dialog'], 'Import', ['push button']))
        wait_find(state['dialog'], 'Done', ['push button'], timeout=60)
        wait_find(state['dialog'], 'Assets added: %d' % N_IMPORTED)
        wait_find(state['dialog'], 'Rows rejected: 1')

    def done():
        click(wait_find(state['dialog'], 'Done', ['push button']))
        wait_for('the import dialog to close',
                 lambda: find(state['app'], 'Import Assets', ['dialog', 'frame', 'window', 'filler']) is None)
        expected = state['before'] + N_IMPORTED
        try:
            wait_for('the count to read %d' % expected,
                     lambda: asset_count(state['window']) == expected, timeout=10)
        except StepFailed as error:
            raise StepFailed('%s; it reads %r' % (error, asset_count(state['window'])))

    return [appears, perimeter, open_dialog, dry_run, run_import, done]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, app_args=['--demo']))
