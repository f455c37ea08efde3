#!/usr/bin/python3
# test-compare.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary on the demo project and drives it from
# outside through AT-SPI: opens the Compare view, reads a best cell, changes two section
# weights and saves them, exports the comparison as XLSX through the file chooser, and checks
# that the workbook holds the figures and the new weights.
#
# Usage: test-compare.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; without a display or any AT-SPI bus it prints "1..0 # SKIP".

import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, click, descendants, is_showing, log, name_of, open_section, project_file,
    role_of, type_into, wait_application, wait_find, wait_for, wait_project_window
)

BEST_CELL = 'Altimance Infogérance, Assets managed, fully or partly: 59 of 60, best'

STEPS = [
    'the application appears with the demo project',
    'the Compare Offers row opens the offers side by side, the best coverage marked',
    'two section weights changed in the Weights popover are saved in the project',
    'Export → XLSX writes the file chosen in the file chooser',
    'the workbook holds the figures, the new weights and no formula',
]


def unzip(path, member):
    result = subprocess.run(['unzip', '-p', path, member], capture_output=True, timeout=30)
    if result.returncode != 0:
        raise StepFailed('unzip %s %s exited with %d' % (path, member, result.returncode))
    return result.stdout.decode('utf-8')


def make_steps(run):
    """The step functions, one per line of STEPS."""
    process = run.process
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_project_window(state['app'])

    def opens_compare():
        window = state['window']
        open_section(window, 'Compare Offers')
        wait_find(window, BEST_CELL, ['push button', 'button'])

    def changes_weights():
        window = state['window']
        click(wait_find(window, 'Weights', ['toggle button', 'push button', 'button']))
        sla = wait_find(state['app'], 'SLA', ['spin button'])
        perimeter = wait_find(state['app'], 'Perimeter', ['spin button'])
        log('SLA %r, Perimeter %r' % (sla.queryValue().currentValue,
                                       perimeter.queryValue().currentValue))
        sla.queryValue().currentValue = 20.0
        perimeter.queryValue().currentValue = 10.0
        wait_for('the weights to read 20 and 10',
                 lambda: (sla.queryValue().currentValue == 20.0
                          and perimeter.queryValue().currentValue == 10.0), timeout=5)
        click(wait_find(state['app'], 'Save Weights', ['push button', 'button']))

        def stored():
            result = subprocess.run([run.cli, 'compare', project_file(run.root), '--format',
                                     'json'], capture_output=True, text=True, timeout=30)
            if result.returncode != 0:
                return None
            weights = json.loads(result.stdout)['weights']
            return weights if weights['sla'] == 20 and weights['perimeter'] == 10 else None

        state['weights'] = wait_for('the project to keep the new weights', stored, timeout=10)

    def exports():
        window = state['window']
        app = state['app']
        state['xlsx'] = os.path.join(run.root, 'comparison-e2e.xlsx')
        click(wait_find(window, 'Export', ['toggle button', 'push button', 'button']))
        click(wait_find(app, 'Spreadsheet (XLSX)…', ['push button', 'button']))
        dialog = wait_for('the file chooser', lambda: next(
            (a for a in descendants(app, 2)
             if role_of(a) in ('dialog', 'file chooser', 'frame', 'filler')
             and 'Export the Comparison' in name_of(a) and is_showing(a)), None))
        entry = wait_for('the file name entry', lambda: next(
            (a for a in descendants(dialog) if role_of(a) in ('text', 'entry')
             and is_showing(a) and safe_editable(a)), None))
        log('the file name entry: %s "%s"' % (role_of(entry), name_of(entry)))
        type_into(entry, state['xlsx'])
        click(wait_find(dialog, 'Export', ['push button', 'button']))
        wait_for('the workbook to be written', lambda: os.path.exists(state['xlsx']), timeout=15)

    def holds_figures():
        sheets = unzip(state['xlsx'], 'xl/worksheets/*.xml')
        weights = unzip(state['xlsx'], 'xl/worksheets/sheet2.xml')
        for needle in ('<v>7450</v>', '<v>6850</v>'):
            if needle not in sheets:
                raise StepFailed('the workbook lacks %s' % needle)
        for section, weight in (('SLA', 20), ('Perimeter', 10)):
            if not re.search(r'<t>%s</t></is></c><c [^>]*><v>%d</v>' % (section, weight), weights):
                raise StepFailed('the weights sheet does not give %s %d %%' % (section, weight))
        if '<f>' in sheets:
            raise StepFailed('the workbook holds a formula')
        log('the workbook holds the monthly prices and the weights SLA 20 %, Perimeter 10 %')

    return [appears, opens_compare, changes_weights, exports, holds_figures]


def safe_editable(accessible):
    try:
        accessible.queryEditableText()
        return True
    except Exception:
        return False


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, app_args=['--demo'], documents=True,
                         prefix='cs-e2e-compare-'))
