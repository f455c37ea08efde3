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
# the SLA and exit figures are in it. Then deletes an imported asset and presses Ctrl+Z (the
# inventory counts it again), deletes the second offer (after its confirmation) and takes
# Undo from the toast: the offer comes back with its figures. The dashboard then shows the
# figures the journey's data must give (see DASHBOARD), and the keyboard alone walks its
# findings: Tab into the list, Down through every finding (150), Enter on the last opens the
# section it is about. Keys are pressed through AT-SPI's key synthesis, as a user's reach the
# application through the X server. The steps are those of test-new-project.py and test-import.py,
# chained on one application.
#
# Usage: test-journey.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; without them it prints "1..0 # SKIP".

import importlib.util
import json
import os
import re
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, click, descendants, find, focused_in, is_showing, labels_below, log, matches,
    name_of, open_section, press_key, role_of, safe, text_of, wait_find, wait_for
)

SECOND_PROVIDER = 'Altitude Services'
P1_RESPONSE = 3.0
# One of the assets of e2e-assets.csv.
ASSET = 'SRV-FILES-02'
TRANSITION_DAYS = '75'
TRANSITION_FIELD = 'Transition period with continued service (days)'

# What the dashboard shows of the second offer once it is back. The offer records nothing but
# the journey's two figures; the checklist (data/checklists/base.xml, weights C=5, M=3, m=1,
# a partial answer earns half) evaluates them against the five imported assets:
#   - EXT-03 "Transition period" (critical, 5): 75 days of transition, at least 30: satisfied;
#   - SLA-02 "Response time per priority" (critical): a response time for P1 only, 1 of the 4
#     priorities: partial, 2.5; SLA-07 "Clock rules" (major): the P1 target counts business
#     time but no business hours are stated: partial, 1.5; EXC-03 "No hollowing-out of core"
#     (critical): no exclusion to check it against: partial, 2.5;
#   - every other computed item finds nothing recorded: 112 missing, 33 of them critical
#     (the knock-outs); the 35 manual items wait for the consultant ("to assess"); 1 item does
#     not apply.
# Earned 5 + 2.5 + 1.5 + 2.5 = 11.5 of the 386 points of the applicable items: 2.98 %, shown
# as 3 % ("Poor"); the items with an answer weigh 84.5 % of the checklist ("Assessed: 84 %",
# rounded down). The findings are the items not satisfied nor inapplicable: 112 missing +
# 3 partly + 35 to assess = 150. `contract-scope-cli score --offer "Altitude Services"` on the
# journey's file reads the same (score 3.0, earned 11.5, total 386, assessed 84.5).
SCORE = 3
N_FINDINGS = 150
DASHBOARD = {
    'the standing': 'Poor',
    'the assessed share': 'Assessed: 84 %',
    'the offer': 'Altitude Services — Proposal',
    'the knock-outs': '33 knock-outs: critical items are missing',
    'the counts': '1 satisfied, 3 partly, 112 missing, 35 to assess, 1 not applicable · '
                  '0 weak wordings',
}


def findings_heading(window):
    """The number of findings the dashboard's heading counts ("N findings, knock-outs first,
    then by severity."), or None."""
    for accessible in descendants(window):
        if role_of(accessible) == 'label':
            match = re.match(r'(\d+) findings?, knock-outs first',
                             safe(lambda: text_of(accessible), '') or '')
            if match:
                return int(match.group(1))
    return None


def focused_finding(view, near=None):
    """The finding row of the dashboard's list view that has the keyboard focus, as (title,
    description), or None. The list is virtualised: its rows are the cells it has built
    (near: the index of a cell to look around first, that of the last focused row, which keeps
    a walk short; then every cell)."""
    count = safe(lambda: view.childCount, 0) or 0
    order = list(range(count))
    if near is not None:
        order = sorted(order, key=lambda i: abs(i - near - 1))
    for index in order:
        cell = safe(lambda: view.getChildAtIndex(index))
        row = safe(lambda: cell.getChildAtIndex(0))
        if (role_of(row) == 'panel' and
                safe(lambda: row.getState().contains(pyatspi.STATE_FOCUSED), False)):
            focused_finding.index = index
            return (name_of(row), safe(lambda: row.description, '') or '')
    return None


def selected_section(window):
    """The title of the section the sidebar shows as selected."""
    sections = find(window, 'Sections', ['list', 'list box', 'table'])
    selection = safe(lambda: sections.querySelection())
    row = safe(lambda: selection.getSelectedChild(0))
    titles = labels_below(row) if row is not None else []
    return titles[0] if titles else None


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
    'an asset selected in the inventory goes with "Delete", and comes back with Ctrl+Z',
    '"Delete Offer" asks for confirmation, and Delete removes the second offer from the file',
    'Undo in the toast brings the offer back with its SLA and exit figures',
    'the dashboard shows the expected score, counts and findings, as the sidebar does',
    'Tab reaches the findings, Down goes through every one of them, Enter opens the section of '
    'the last',
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
        wait_for('the inventory to count %d assets' % (expected - 1),
                 lambda: import_assets.asset_count(window) == expected - 1, timeout=60)
        # Ctrl+Z, pressed as a user does: the key reaches the window through the X server.
        press_key('z', ['Control'])
        wait_for('the inventory to count %d assets again' % expected,
                 lambda: import_assets.asset_count(window) == expected, timeout=60)
        wait_find(window, ASSET, timeout=30)

    def dashboard():
        window = state['window']
        open_section(window, 'Dashboard')
        reads_score()
        # The overview's labels, below the overall score's column.
        shown = [text_of(a) for a in descendants(state['score_label'].parent.parent.parent)
                 if role_of(a) == 'label' and is_showing(a)]
        for name, text in DASHBOARD.items():
            if text not in shown:
                raise StepFailed('the dashboard does not show %s "%s"; it shows %r'
                                 % (name, text, shown))
        if state['score'] != SCORE:
            raise StepFailed('the overall score reads %d %%, expected %d %%' % (state['score'], SCORE))
        if findings_heading(window) != N_FINDINGS:
            raise StepFailed('the dashboard lists %r findings, expected %d'
                             % (findings_heading(window), N_FINDINGS))

    def walk_findings():
        window = state['window']
        expected = findings_heading(window)
        # The dashboard's list of findings (the Perimeter page has one too).
        views = [a for a in descendants(window) if matches(a, 'Findings', ['table'])]
        log('findings views: %d' % len(views))

        def focused_finding_any():
            return next((f for f in (focused_finding(v, getattr(focused_finding, 'index', None))
                                     for v in views) if f), None)
        # Tab goes from widget to widget, into the list at its current item (the overview,
        # its first); the arrows go from item to item.
        for _ in range(60):
            press_key('Tab')
            if any(focused_in(view, 12) for view in views):
                break
        else:
            raise StepFailed('Tab never reached the findings list; the focus is on %r'
                             % [(role_of(a), name_of(a)) for a in focused_in(window)])
        first = None
        for _ in range(5):
            first = focused_finding_any()
            if first is not None:
                break
            press_key('Down')
        if first is None:
            raise StepFailed('Down never reached a finding; the focus is on %r'
                             % [(role_of(a), name_of(a)) for a in focused_in(window)])
        visits = [first]
        start = time.monotonic()
        while True:
            press_key('Down', pause=0.05)
            try:
                now = wait_for('the focus to leave "%s"' % visits[-1][0],
                               lambda: (focused_finding_any() or ('',)) != visits[-1] and
                               (focused_finding_any() or ('',)), timeout=3, interval=0.05)
            except StepFailed:
                break
            if now == ('',):
                break
            visits.append(now)
        log('%d findings visited with Down in %.0f s, from %r to %r'
            % (len(visits), time.monotonic() - start, visits[0][0], visits[-1][0]))
        if len(visits) != N_FINDINGS or expected != N_FINDINGS:
            raise StepFailed('Down went through %d findings; the dashboard lists %r, expected %d'
                             % (len(visits), expected, N_FINDINGS))
        if len(set(visits)) != len(visits):
            raise StepFailed('Down went through some findings twice: %r' % visits)

        # Enter on the last one opens the section it is about ("Critical · Missing … · Exit").
        while focused_finding_any() != visits[-1]:
            press_key('Up')
            if focused_finding_any() is None:
                raise StepFailed('Up did not go back to the last finding')
        section = visits[-1][1].split(' · ')[-1]
        press_key('Return')
        wait_for('Enter on "%s" to open the %s section' % (visits[-1][0], section),
                 lambda: selected_section(window) == section, timeout=10)

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
        state['undo'] = wait_for('the toast\'s "Undo" button',
                                 lambda: cs_e2e.find_shallow(state['window'], 'Undo', ['push button']),
                                 timeout=60)
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
            delete_asset, delete_offer, undo_delete, dashboard, walk_findings]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, documents=True, app_steps=20,
                         prefix='cs-e2e-journey-'))
