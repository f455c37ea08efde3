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

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

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

# GtkButton ignores activations less than about 250 ms apart.
CLICK_PAUSE = 0.3
APP_TIMEOUT = 30
STEP_TIMEOUT = 15


class StepFailed(Exception):
    pass


def log(message):
    for line in str(message).splitlines():
        print('# ' + line, flush=True)


def display_opens(name):
    """Whether GDK can open the display, as gtk_init_check() in the widget tests."""
    probe = ('import gi, sys\n'
             'gi.require_version("Gdk", "4.0")\n'
             'from gi.repository import Gdk\n'
             'sys.exit(0 if Gdk.Display.open(sys.argv[1]) is not None else 1)\n')
    try:
        return subprocess.run([sys.executable, '-c', probe, name], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=20).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def skip_all(reason):
    print('1..0 # SKIP ' + reason, flush=True)
    sys.exit(0)


# -- buses --

def a11y_bus_address(timeout_ms):
    """The AT-SPI bus address from org.a11y.Bus on the session bus, or None."""
    from gi.repository import Gio, GLib

    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
                              None, GLib.VariantType.new('(s)'),
                              Gio.DBusCallFlags.NONE, timeout_ms, None)
        return reply.unpack()[0] or None
    except GLib.Error as error:
        log('org.a11y.Bus.GetAddress: ' + error.message)
        return None


def ensure_buses(cleanup):
    """Makes sure a session bus and an AT-SPI bus exist, starting them when needed."""
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        if shutil.which('dbus-daemon') is None:
            skip_all('no session bus, hence no AT-SPI bus')
        daemon = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                                  stdout=subprocess.PIPE, text=True)
        cleanup.append(daemon)
        address = daemon.stdout.readline().strip()
        if not address:
            skip_all('could not start a session bus, hence no AT-SPI bus')
        os.environ['DBUS_SESSION_BUS_ADDRESS'] = address
        log('started a session bus: ' + address)

    # D-Bus activation of org.a11y.Bus normally does it (dbus-run-session provides it).
    if a11y_bus_address(10000) is not None:
        return

    launcher = '/usr/libexec/at-spi-bus-launcher'
    if not os.access(launcher, os.X_OK):
        skip_all('no AT-SPI bus (org.a11y.Bus) and no ' + launcher)
    log('starting ' + launcher)
    cleanup.append(subprocess.Popen([launcher], stdin=subprocess.DEVNULL))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if a11y_bus_address(2000) is not None:
            return
        time.sleep(0.2)
    skip_all('no AT-SPI bus: org.a11y.Bus did not answer')


# -- accessibles --

def safe(function, default=None):
    try:
        return function()
    except Exception:  # objects vanish while we look at them
        return default


def name_of(accessible):
    return safe(lambda: accessible.name, '') or ''


def role_of(accessible):
    return safe(lambda: accessible.getRoleName(), '') or ''


def is_showing(accessible):
    """GTK 4.8 sets "visible" on the widgets that are, and never "showing"."""
    import pyatspi

    states = safe(lambda: accessible.getState())
    return states is not None and (states.contains(pyatspi.STATE_SHOWING) or
                                   states.contains(pyatspi.STATE_VISIBLE))


def matches(accessible, name, roles):
    """GTK 4.8 appends the visible label to the accessible label ("New Project New Project…"),
    and libadwaita 1.2 puts the mnemonic in response buttons' names ("C_reate Create")."""
    if roles and role_of(accessible) not in roles:
        return False
    actual = name_of(accessible).replace('_', '')
    return actual == name or actual.startswith(name + ' ')


def descendants(root, max_depth=60):
    stack = [(root, 0)]
    while stack:
        accessible, depth = stack.pop()
        yield accessible
        if depth >= max_depth:
            continue
        count = safe(lambda: accessible.childCount, 0) or 0
        children = []
        for i in range(count):
            child = safe(lambda: accessible.getChildAtIndex(i))
            if child is not None:
                children.append((child, depth + 1))
        stack.extend(reversed(children))


def find(root, name, roles=None, showing=True):
    for accessible in descendants(root):
        if matches(accessible, name, roles) and (not showing or is_showing(accessible)):
            return accessible
    return None


# The application under test, so that waits end as soon as it is gone.
watched_process = None


def wait_for(what, function, timeout=STEP_TIMEOUT, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = safe(function)
        if value:
            return value
        if watched_process is not None and watched_process.poll() is not None:
            raise StepFailed('the application exited with status %d while waiting for %s'
                             % (watched_process.returncode, what))
        if time.monotonic() >= deadline:
            raise StepFailed('timed out after %d s waiting for %s' % (timeout, what))
        time.sleep(interval)


def wait_find(root, name, roles=None, timeout=STEP_TIMEOUT):
    return wait_for('%s "%s"' % ('/'.join(roles) if roles else 'an object', name),
                    lambda: find(root, name, roles), timeout)


def click(accessible):
    action = accessible.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    index = names.index('click') if 'click' in names else 0
    if not action.doAction(index):
        raise StepFailed('"%s" refused its "%s" action' % (name_of(accessible), names[index]))
    time.sleep(CLICK_PAUSE)


def type_into(accessible, text):
    editable = accessible.queryEditableText()
    if not editable.setTextContents(text):
        raise StepFailed('could not type into "%s"' % name_of(accessible))
    wait_for('"%s" to read "%s"' % (name_of(accessible), text),
             lambda: text_of(accessible) == text, timeout=5)


def text_of(accessible):
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


def labels_below(accessible):
    return [text_of(a) for a in descendants(accessible)
            if role_of(a) == 'label' and is_showing(a)]


# -- the test --

def make_environment(root):
    home = os.path.join(root, 'home')
    config = os.path.join(root, 'config')
    for path in (home, config):
        os.makedirs(path, exist_ok=True)

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.update({
        'GTK_A11Y': 'atspi',
        'GSETTINGS_BACKEND': 'memory',
        'HOME': home,
        'XDG_CONFIG_HOME': config,
        'XDG_DATA_HOME': os.path.join(root, 'data'),
        'XDG_CACHE_HOME': os.path.join(root, 'cache'),
        'XDG_STATE_HOME': os.path.join(root, 'state'),
        'XDG_RUNTIME_DIR': os.path.join(root, 'runtime'),
        'LANG': 'C.UTF-8',
        'LANGUAGE': 'C',
        'LC_ALL': 'C.UTF-8',
        'G_DEBUG': 'gc-friendly',
    })
    os.makedirs(env['XDG_RUNTIME_DIR'], mode=0o700, exist_ok=True)
    return env


def find_application(pid):
    import pyatspi

    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        application = safe(lambda: desktop.getChildAtIndex(i))
        if application is not None and safe(lambda: application.get_process_id()) == pid:
            return application
    return None


def asset_count(root):
    """The inventory's count label: "N assets" (or "N of M assets" when filtered)."""
    import re

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


def run_steps(process, csv_path, results):
    state = {}

    def step(function):
        try:
            function()
        except StepFailed as error:
            results.append((False, str(error)))
            return False
        except Exception as error:  # AT-SPI and D-Bus errors
            results.append((False, '%s: %s' % (type(error).__name__, error)))
            return False
        if process.poll() is not None:
            results.append((False, 'the application exited with status %d' % process.returncode))
            return False
        results.append((True, None))
        return True

    def appears():
        state['app'] = wait_for('the application with pid %d' % process.pid,
                                lambda: find_application(process.pid), timeout=APP_TIMEOUT)
        state['window'] = wait_for('the project window',
                                   lambda: next((a for a in descendants(state['app'], 2)
                                                 if role_of(a) == 'frame' and
                                                 name_of(a).endswith('— Contract Scope')), None))

    def perimeter():
        window = state['window']
        row = wait_for('the "Perimeter" section row', lambda: next(
            (a for a in descendants(window) if role_of(a) in ('list item', 'list box item')
             and 'Perimeter' in labels_below(a)), None))
        selection = safe(lambda: row.parent.querySelection())
        if selection is not None and selection.selectChild(row.getIndexInParent()):
            time.sleep(CLICK_PAUSE)
        else:
            click(row)
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

    for function in (appears, perimeter, open_dialog, dry_run, run_import, done):
        if not step(function):
            break


def start_application(app, env, log_path, attempts=3):
    """Starts the application; again when it could not open the display, which happens when
    concurrent "xvfb-run -a" hand out the same display number (another server answers)."""
    for attempt in range(1, attempts + 1):
        with open(log_path, 'w') as app_log:
            process = subprocess.Popen([app, '--demo'], env=env, stdin=subprocess.DEVNULL,
                                       stdout=app_log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        deadline = time.monotonic() + 5
        while (time.monotonic() < deadline and process.poll() is None and
               safe(lambda: find_application(process.pid)) is None):
            time.sleep(0.1)
        if process.poll() is None or attempt == attempts:
            return process
        with open(log_path) as app_log:
            said = app_log.read()
        if 'cannot open display' not in said:
            return process
        log('attempt %d: the application could not open display %s; starting it again'
            % (attempt, env.get('DISPLAY')))
        time.sleep(1)
    return process


def main():
    global watched_process

    if len(sys.argv) != 4:
        print('usage: %s APP CLI SCHEMA_DIR' % sys.argv[0], file=sys.stderr)
        return 2
    app, cli, schema_dir = sys.argv[1:]
    csv_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'csv',
                            CSV_NAME)

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        skip_all('no display')
    # Like the widget tests, which skip when gtk_init_check() fails. Concurrent "xvfb-run -a"
    # can hand out a display number another server answers, with another cookie.
    display = os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY')
    if not display_opens(display):
        skip_all('no display: cannot open %s' % display)

    # libatspi warns about objects that vanish under it; that must not abort this process
    # when the test environment makes warnings fatal. Read before GLib is first loaded.
    debug = [flag for flag in os.environ.get('G_DEBUG', '').split(',')
             if flag and flag not in ('fatal-warnings', 'fatal-criticals')]
    os.environ['G_DEBUG'] = ','.join(debug)

    cleanup = []
    root = None
    process = None
    results = []
    try:
        ensure_buses(cleanup)
        root = tempfile.mkdtemp(prefix='cs-e2e-')

        env = make_environment(root)
        env['GSETTINGS_SCHEMA_DIR'] = schema_dir
        if 'XAUTHORITY' not in env and os.path.exists(os.path.expanduser('~/.Xauthority')):
            # The application gets another HOME; keep it able to open the display.
            env['XAUTHORITY'] = os.path.expanduser('~/.Xauthority')
        log_path = os.path.join(root, 'app.log')
        process = start_application(app, env, log_path)
        watched_process = process
        run_steps(process, os.path.abspath(csv_path), results)
    finally:
        if process is not None:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        for helper in reversed(cleanup):
            helper.kill()
            helper.wait(timeout=10)

    print('1..%d' % len(STEPS))
    failed = False
    for index, description in enumerate(STEPS):
        number = index + 1
        if index < len(results):
            ok, reason = results[index]
            if ok:
                print('ok %d - %s' % (number, description))
            else:
                failed = True
                print('not ok %d - %s' % (number, description))
                log(reason)
        else:
            failed = True
            print('not ok %d - %s # not reached: an earlier step failed' % (number, description))

    if failed:
        with open(log_path) as app_log:
            if 'cannot open display' in app_log.read():
                log('the application could not open display %s: another X server answers '
                    'that number? (concurrent "xvfb-run -a" pick the same one)'
                    % os.environ.get('DISPLAY'))
        log('the application said:')
        with open(log_path) as app_log:
            log(app_log.read()[-4000:] or '(nothing)')
    shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
