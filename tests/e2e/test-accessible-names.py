#!/usr/bin/python3
# test-accessible-names.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary on the demo project and, through AT-SPI,
# walks every section of the sidebar and the Compare view: every control a keyboard or screen
# reader user can reach (button, toggle, entry, check, combo, spin, menu button, switch, list
# item that activates) must have an accessible name. The offer selector used to be announced
# "GtkToggleButton".
#
# Usage: test-accessible-names.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP.

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, descendants, is_showing, labels_below, log, name_of, open_section, role_of, safe,
    wait_application, wait_find, wait_for
)

SECTIONS = ['Dashboard', 'Perimeter', 'Exclusions', 'Responsibilities', 'SLA', 'Backup',
            'Security & Access', 'Subcontracting', 'Exit', 'Terms & GDPR', 'Compare Offers']

# Roles of the controls that act or take input.
CONTROL_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'combo box',
                 'spin button', 'text', 'entry', 'password text', 'menu button', 'switch',
                 'slider', 'link'}

STEPS = ['the application appears with the demo project'] + [
    'every control of "%s" has an accessible name' % title for title in SECTIONS]


def unnamed_controls(window):
    """The focusable controls showing in @window without a name, as "role (parent's name)"."""
    import pyatspi

    found = []
    checked = 0
    for accessible in descendants(window):
        role = role_of(accessible)
        if role not in CONTROL_ROLES or not is_showing(accessible):
            continue
        states = safe(lambda: accessible.getState())
        if states is None or not states.contains(pyatspi.STATE_FOCUSABLE):
            continue
        checked += 1
        name = name_of(accessible).strip()
        # A type name ("GtkToggleButton") is what a screen reader falls back to.
        if name and not (name.startswith('Gtk') or name.startswith('Adw')) or ' ' in name:
            continue
        parent = safe(lambda: accessible.parent)
        grandparent = safe(lambda: parent.parent)
        found.append('%s "%s" in %s "%s" in %s "%s"'
                     % (role, name, role_of(parent), name_of(parent), role_of(grandparent),
                        name_of(grandparent)))
    return checked, found


def make_steps(run):
    process = run.process
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_find(state['app'], 'Maison Verdier Distribution — Contract Scope',
                                    ['frame'])

    def audit(title):
        def step():
            window = state['window']
            open_section(window, title)
            # The page is built on first show; let it settle.
            time.sleep(1.5)
            checked, missing = unnamed_controls(window)
            log('%s: %d control(s), %d without a name' % (title, checked, len(missing)))
            # A page always has controls: finding none means the walk saw nothing.
            if checked == 0:
                raise StepFailed('no control found on "%s"' % title)
            if missing:
                raise StepFailed('no accessible name: ' + '; '.join(sorted(set(missing))))
        return step

    return [appears] + [audit(title) for title in SECTIONS]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, app_args=['--demo']))
