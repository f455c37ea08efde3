#!/usr/bin/python3
# test-journey.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: a new consultant's first review, on the real contract-scope binary through
# AT-SPI. Creates a new project from the welcome page, imports tests/data/csv/e2e-assets.csv
# into its perimeter, adds two offers, sets the P1 response time of the second one on the SLA
# page and its transition period on the Exit page, and reads the file back with contract-scope-cli: both offers, the imported assets and
# the SLA and exit figures are in it. Then deletes an imported asset and takes Undo from the
# toast (the inventory counts it again), deletes the second offer (after its confirmation)
# and takes Undo from the toast: the offer comes back with its figures, and the application
# still runs. The steps are those of test-new-project.py and test-import.py,
# chained on one application.
#
# Usage: test-journey.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; without them it prints "1..0 # SKIP".

import importlib.util
import json
import os
import subprocess
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, click, descendants, find, log, open_section, role_of, text_of, wait_find,
    wait_for
)

SECOND_PROVIDER = 'Altitude Services'
P1_RESPONSE = 3.0
# One of the assets of e2e-assets.csv.
ASSET = 'SRV-FILES-02'
TRANSITION_DAYS = '75'
TRANSITION_FIELD = 'Transition period with continued service (days)'


def load(name):
    """One of the other end-to-end scripts, as a module (their names have dashes)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    spec = importlib.util.spec_from_file_location(name.replace('-', '_')[:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


new_project = load('test-new-project.py')
import_assets = load('test-import.py')
contract_sections = load('test-contract-sections.py')
score = load('test-score.py')

STEPS = [
    'the application appears on the AT-SPI desktop',
    '"New Project" opens the New Project dialog',
    'the dialog shows the documents folder and a file name that follows the client name',
    'Create opens the project window without any file chooser',
    'the Perimeter section of the new project has no asset',
    'win.import-assets (D-Bus) opens the import dialog with its preview',
    'Next runs the dry run and shows what will be imported',
    'Import runs and the report lists the rejected row',
    'Done closes the dialog and the inventory counts the new assets',
    '"Add Offer" adds a first offer and the "Offer" selector reads it back',
    '"Add Offer" adds a second offer, which becomes the selected one',
    'the SLA page of the second offer takes a P1 response time',
    'the Exit page of the second offer takes a transition period',
    'the "Save state" label reads "Saved"',
    'contract-scope-cli reads both offers, the P1 response time and the transition back',
    'an asset selected in the inventory goes with "Delete", and comes back with Undo',
    '"Delete Offer" asks for confirmation, and Delete removes the second offer from the file',
    'Undo in the toast brings the offer back with its SLA and exit figures',
    'the dashboard shows the overall score as a percentage, as the sidebar does',
]


def make_steps(run):
    """The step functions, one per line of STEPS."""
    state = run.state
    (appears, open_new, dialog_fields, create, add_offer, saved, file_exists,
     _cli_info) = new_project.make_steps(run)
    (_appears, _perimeter, open_dialog, dry_run, run_import,
     done) = import_assets.make_steps(run)

    (_appears, reads_score) = score.make_steps(run)[:2]

    def perimeter():
        # A new project has no asset yet: its inventory shows an empty state, not a count.
        open_section(state['window'], 'Perimeter')
        count = import_assets.asset_count(state['window'])
        if count not in (None, 0):
            raise StepFailed('a new project counts %d assets' % count)
        state['before'] = 0

    def add_second_offer():
        # The new-project steps read the provider from their module.
        first = new_project.PROVIDER
        new_project.PROVIDER = SECOND_PROVIDER
        try:
            add_offer()
        finally:
            new_project.PROVIDER = first

    def sla():
        window = state['window']
        open_section(window, 'SLA')
        spin = wait_find(window, 'P1 response time', ['spin button'])
        value = spin.queryValue()
        value.currentValue = P1_RESPONSE
        wait_for('"P1 response time" to read %r' % P1_RESPONSE,
                 lambda: abs(spin.queryValue().currentValue - P1_RESPONSE) < 1e-6, timeout=10)

    def exit_field():
        window = state['window']
        open_section(window, 'Exit')
        entry = contract_sections.type_text(wait_find(window, TRANSITION_FIELD), TRANSITION_DAYS)
        wait_for('"%s" to read %s' % (TRANSITION_FIELD, TRANSITION_DAYS),
                 lambda: text_of(entry) == TRANSITION_DAYS, timeout=10)
        # The row commits after a pause of its own, not on "Saved" of an earlier change: wait
        # for the figure in the file.
        file_exists()
        wait_for('the transition of %s days in the file' % TRANSITION_DAYS,
                 lambda: transition_days() == float(TRANSITION_DAYS), timeout=60, interval=1)

    def transition_days():
        records = cs_e2e.cli_show(run.cli, state['path'], str(state.get('second', 2)), 'exit')
        return records.get('exit_terms', {}).get('transition_days')

    def offers_in_file():
        result = subprocess.run([run.cli, 'info', '--json', state['path']], capture_output=True,
                                text=True, timeout=60)
        if result.returncode != 0:
            return None
        return [o.get('provider') for o in json.loads(result.stdout)['offers']]

    def delete_asset():
        window = state['window']
        open_section(window, 'Perimeter')
        expected = import_assets.N_IMPORTED
        wait_for('the inventory to count %d assets' % expected,
                 lambda: import_assets.asset_count(window) == expected)
        cell = wait_find(window, ASSET)

        def selectable():
            # the row of the cell, in a list or table that selects its children
            child, parent = cell, cell.parent
            while parent is not None:
                selection = cs_e2e.safe(lambda: parent.querySelection())
                if selection is not None and role_of(parent) in ('table', 'tree table', 'list',
                                                                 'list box', 'tree'):
                    return selection, child.getIndexInParent()
                child, parent = parent, parent.parent
            return None

        selection, index = wait_for('the inventory row of %s' % ASSET, selectable)
        if not selection.selectChild(index):
            raise StepFailed('the inventory refused to select the row of %s' % ASSET)
        delete = wait_find(window, 'Delete Assets', ['push button'])
        wait_for('"Delete Assets" to be enabled',
                 lambda: delete.getState().contains(pyatspi.STATE_SENSITIVE), timeout=10)
        click(delete)
        # The toast offers Undo for a while: take it as soon as it shows (walking the whole
        # window for the count first could outlast the toast).
        click(wait_find(window, 'Undo', ['push button'], timeout=60))
        wait_for('the inventory to count %d assets again' % expected,
                 lambda: import_assets.asset_count(window) == expected, timeout=60)
        wait_find(window, ASSET, timeout=30)

    def dashboard():
        open_section(state['window'], 'Dashboard')
        reads_score()

    def delete_offer():
        app = state['app']
        click(wait_find(state['window'], 'Delete Offer', ['push button']))

        def confirmation():
            for accessible in descendants(app, 3):
                if (role_of(accessible) in ('dialog', 'alert', 'frame', 'window') and
                        accessible != state['window'] and
                        find(accessible, 'Cancel', ['push button']) is not None):
                    return accessible
            return None

        dialog = wait_for('the confirmation dialog', confirmation)
        if offers_in_file() != [new_project.PROVIDER, SECOND_PROVIDER]:
            raise StepFailed('the offer went before the confirmation: %r' % offers_in_file())
        click(wait_find(dialog, 'Delete', ['push button']))
        # The toast offers Undo for a while: keep its button before reading the file.
        state['undo'] = wait_find(state['window'], 'Undo', ['push button'], timeout=60)
        wait_for('the offer to leave the file',
                 lambda: offers_in_file() == [new_project.PROVIDER], timeout=60, interval=1)

    def undo_delete():
        click(state['undo'])
        wait_for('the offer to come back in the file',
                 lambda: offers_in_file() == [new_project.PROVIDER, SECOND_PROVIDER],
                 timeout=60, interval=1)
        read_back()

    def saved_again():
        label = state['save_state']
        # Several changes are committed in turn; under load this takes a while.
        wait_for('"Save state" to read "Saved"', lambda: text_of(label) == 'Saved', timeout=60,
                 interval=0.5)

    def read_back():
        file_exists()
        result = subprocess.run([run.cli, 'info', '--json', state['path']], capture_output=True,
                                text=True, timeout=60)
        if result.returncode != 0:
            raise StepFailed('contract-scope-cli exited with %d: %s'
                             % (result.returncode, result.stderr.strip()))
        info = json.loads(result.stdout)
        offers = [o.get('provider') for o in info['offers']]
        if offers != [new_project.PROVIDER, SECOND_PROVIDER]:
            raise StepFailed('the offers are %r' % offers)
        second = str(info['offers'][1].get('id', 2))
        sla_records = cs_e2e.cli_show(run.cli, state['path'], second, 'sla')
        p1 = [t for t in sla_records.get('sla_target', []) if t.get('priority') == 1]
        if not p1 or p1[0].get('response_value') != P1_RESPONSE:
            raise StepFailed('the P1 target of the second offer reads %r, expected a response '
                             'of %g' % (p1, P1_RESPONSE))
        state['second'] = second
        if transition_days() != float(TRANSITION_DAYS):
            raise StepFailed('the transition of the second offer reads %r, expected %s days'
                             % (transition_days(), TRANSITION_DAYS))
        log('P1 response of the second offer: %g %s' % (P1_RESPONSE, p1[0].get('response_unit')))

    return [appears, open_new, dialog_fields, create, perimeter, open_dialog, dry_run,
            run_import, done, add_offer, add_second_offer, sla, exit_field, saved_again, read_back,
            delete_asset, delete_offer, undo_delete, dashboard]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, documents=True, app_steps=19,
                         prefix='cs-e2e-journey-'))
