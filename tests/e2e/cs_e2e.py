# cs_e2e.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The harness shared by the end-to-end tests in this folder. Each test-*.py starts the real
# contract-scope binary and drives it from outside through AT-SPI, as a screen reader would;
# this module provides everything around its own steps:
#
#   - the buses: a session bus and an AT-SPI bus (org.a11y.Bus, D-Bus-activated, or
#     at-spi-bus-launcher started here), else "1..0 # SKIP";
#   - an isolated HOME and XDG folders for the application, GTK_A11Y=atspi;
#   - starting the binary, again when it "cannot open display" (concurrent "xvfb-run -a");
#   - finding the application by pid, waiting for objects by accessible name and role;
#   - clicking (GtkButton ignores activations less than about 250 ms apart), typing, reading
#     text with getText(0, characterCount);
#   - TAP output: one line per step, "not reached" after the first failure, the tail of the
#     application's log on failure; the application's process group is killed at the end.
#
# A test calls main(STEPS, make_steps, ...) where make_steps(run) returns one function per
# step; a step fails by raising StepFailed (or any exception).
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). pyatspi is imported only once the
# buses exist.

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

# GtkButton ignores activations less than about 250 ms apart.
CLICK_PAUSE = 0.3
APP_TIMEOUT = 30
STEP_TIMEOUT = 15


class StepFailed(Exception):
    pass


def log(message):
    """Prints a TAP diagnostic, one "# " line per line of message."""
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


def find_shallow(root, name, roles):
    """find(), breadth first: a toast over the project view is found before the pages' deep
    trees are walked (it goes away after a few seconds, sooner than a loaded machine walks a
    whole window)."""
    level = [root]
    while level:
        deeper = []
        for accessible in level:
            if matches(accessible, name, roles) and is_showing(accessible):
                return accessible
            count = safe(lambda: accessible.childCount, 0) or 0
            deeper.extend(child for child in (safe(lambda: accessible.getChildAtIndex(i))
                                              for i in range(count)) if child is not None)
        level = deeper
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


def wait_not_busy(root, timeout=STEP_TIMEOUT):
    """Waits until nothing showing under @root is busy: the dashboard is, with placeholders
    instead of figures, from the first frame until the checklist is evaluated."""
    import pyatspi

    def idle():
        for accessible in descendants(root):
            states = safe(lambda: accessible.getState())
            if states is not None and states.contains(pyatspi.STATE_BUSY) and \
                    is_showing(accessible):
                return False
        return True

    wait_for('the figures (nothing busy)', idle, timeout)


def search_findings(window, text, timeout=STEP_TIMEOUT):
    """Types @text in the dashboard's "Search findings" entry, as a user filters a long list:
    the findings list is virtualised, so only the rows in view are in the accessibility tree."""
    def editable():
        for entry in descendants(window):
            if not (matches(entry, 'Search findings', None) and is_showing(entry)):
                continue
            for accessible in descendants(entry, 3):
                if safe(lambda: accessible.queryEditableText()) is not None:
                    return accessible
        return None

    def filtered():
        # The findings' heading then counts the matches ("2 items match the search.").
        for accessible in descendants(window):
            if role_of(accessible) == 'label' and is_showing(accessible) and \
                    re.fullmatch(r'\d+ items? match(es)? the search\.',
                                 safe(lambda: text_of(accessible), '') or name_of(accessible)):
                return True
        return False

    entry = wait_for('the "Search findings" entry', editable, timeout)
    # A new search shows the list from its top, where the heading counts the matches.
    if safe(lambda: text_of(entry), '') != '':
        type_into(entry, '')
    type_into(entry, text)
    wait_for('the findings to be filtered', filtered, timeout)


def text_of(accessible):
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


def labels_below(accessible):
    return [text_of(a) for a in descendants(accessible)
            if role_of(a) == 'label' and is_showing(a)]


# -- the keyboard --

# The modifiers' keys in the X server's keymap (evdev codes, those of Xvfb, when GDK cannot
# tell): AT-SPI synthesises a key press from its keysym, but a modifier must be held down
# around it, by its keycode.
MODIFIER_KEYS = {'Control': ('Control_L', 37), 'Shift': ('Shift_L', 50), 'Alt': ('Alt_L', 64)}
_keycodes = {}


def modifier_keycode(modifier):
    if modifier not in _keycodes:
        keysym_name, fallback = MODIFIER_KEYS[modifier]
        code = None
        try:
            import gi
            gi.require_version('Gdk', '4.0')
            from gi.repository import Gdk

            display = Gdk.Display.get_default() or Gdk.Display.open(os.environ.get('DISPLAY'))
            found, keys = display.map_keyval(Gdk.keyval_from_name(keysym_name))
            if found and keys:
                code = keys[0].keycode
        except (ImportError, ValueError, TypeError, AttributeError):
            pass
        _keycodes[modifier] = code or fallback
    return _keycodes[modifier]


def press_key(name, modifiers=(), pause=0.25):
    """Presses the key whose X keysym name is name ("z", "Down", "Return", "Tab") with
    modifiers ("Control", "Shift", "Alt") held down, through AT-SPI's key synthesis (XTest):
    the key press reaches the application as a user's would, through its focused window."""
    from gi.repository import Atspi

    keysym = KEYSYMS.get(name, ord(name) if len(name) == 1 else None)
    if keysym is None:
        raise StepFailed('no keysym for the key "%s"' % name)
    codes = [modifier_keycode(m) for m in modifiers]
    for code in codes:
        Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.PRESS)
    try:
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    finally:
        for code in reversed(codes):
            Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.RELEASE)
    time.sleep(pause)


KEYSYMS = {'Tab': 0xff09, 'Return': 0xff0d, 'Home': 0xff50, 'Up': 0xff52, 'Down': 0xff54,
           'Page_Up': 0xff55, 'Page_Down': 0xff56, 'End': 0xff57, 'Delete': 0xffff}


def focused_in(root, max_depth=60):
    """The accessibles under root that say they have the keyboard focus."""
    import pyatspi

    return [a for a in descendants(root, max_depth)
            if safe(lambda: a.getState().contains(pyatspi.STATE_FOCUSED), False)]


def open_section(window, title):
    """Opens a section of the project window's sidebar: selects its row through the list's
    AT-SPI Selection, as a screen reader does, or clicks it when the list has none."""
    row = wait_for('the "%s" section row' % title, lambda: next(
        (a for a in descendants(window) if role_of(a) in ('list item', 'list box item')
         and title in labels_below(a)), None))
    selection = safe(lambda: row.parent.querySelection())
    if selection is not None and selection.selectChild(row.getIndexInParent()):
        time.sleep(CLICK_PAUSE)
    else:
        click(row)


# -- the project file --

def project_file(root):
    """The one project file under root (the application's isolated folders)."""
    import glob

    files = glob.glob(os.path.join(root, '**', '*.contractscope'), recursive=True)
    if len(files) != 1:
        raise StepFailed('expected one project file under %s, found %r' % (root, files))
    return files[0]


def cli_show(cli, path, offer, section):
    """The records of a section of an offer, read from the file by contract-scope-cli show."""
    import json

    result = subprocess.run([cli, 'show', path, '--offer', offer, '--section', section, '--json'],
                            capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise StepFailed('contract-scope-cli show exited with %d: %s'
                         % (result.returncode, result.stderr.strip()))
    return json.loads(result.stdout)['records']


# -- the application --

def make_environment(root, schema_dir, documents=False):
    """The application's environment: AT-SPI on, its own HOME and XDG folders under root.
    With documents, HOME/Documents exists and is the XDG documents folder. Returns the
    environment and the documents folder (None without documents)."""
    home = os.path.join(root, 'home')
    config = os.path.join(root, 'config')
    documents_dir = os.path.join(home, 'Documents') if documents else None
    for path in (home, config, documents_dir):
        if path is not None:
            os.makedirs(path, exist_ok=True)
    if documents:
        with open(os.path.join(config, 'user-dirs.dirs'), 'w') as user_dirs:
            user_dirs.write('XDG_DOCUMENTS_DIR="$HOME/Documents"\n')

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.update({
        'GTK_A11Y': 'atspi',
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': schema_dir,
        'HOME': home,
        'XDG_CONFIG_HOME': config,
        'XDG_DATA_HOME': os.path.join(root, 'data'),
        'XDG_CACHE_HOME': os.path.join(root, 'cache'),
        'XDG_STATE_HOME': os.path.join(root, 'state'),
        'XDG_RUNTIME_DIR': os.path.join(root, 'runtime'),
        'LANG': 'C.UTF-8',
        'LANGUAGE': 'C',
        'LC_ALL': 'C.UTF-8',
        # A warning in the app is a bug, but it must not hide what the test reports.
        'G_DEBUG': 'gc-friendly',
    })
    os.makedirs(env['XDG_RUNTIME_DIR'], mode=0o700, exist_ok=True)
    if 'XAUTHORITY' not in env and os.path.exists(os.path.expanduser('~/.Xauthority')):
        # The application gets another HOME; keep it able to open the display.
        env['XAUTHORITY'] = os.path.expanduser('~/.Xauthority')
    return env, documents_dir


def find_application(pid):
    """The application on the AT-SPI desktop whose process is pid, or None."""
    import pyatspi

    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        application = safe(lambda: desktop.getChildAtIndex(i))
        if application is not None and safe(lambda: application.get_process_id()) == pid:
            return application
    return None


def wait_application(process):
    """Waits for the application of process on the AT-SPI desktop."""
    return wait_for('the application with pid %d' % process.pid,
                    lambda: find_application(process.pid), timeout=APP_TIMEOUT)


def wait_project_window(application, contains='Contract Scope', showing=True, max_depth=60):
    """Waits for the application's frame whose name contains contains."""
    return wait_for('the project window', lambda: next(
        (a for a in descendants(application, max_depth) if role_of(a) == 'frame' and
         contains in name_of(a) and (not showing or is_showing(a))), None))


def start_application(command, env, log_path, attempts=3):
    """Starts the application in its own process group, its output in log_path; again when it
    could not open the display, which happens when concurrent "xvfb-run -a" hand out the same
    display number (another server answers)."""
    for attempt in range(1, attempts + 1):
        with open(log_path, 'w') as app_log:
            process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
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


def stop(process, cleanup):
    """Kills the application's process group and the helpers started for it."""
    if process is not None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    for helper in reversed(cleanup):
        helper.kill()
        helper.wait(timeout=10)


# -- steps and TAP --

class Run:
    """What the steps of a test work with: the command-line arguments (app, cli, schema_dir),
    the application's folders (root, documents), its process, and a dict for the steps to
    hand objects on to the later ones."""

    def __init__(self, app, cli, schema_dir):
        self.app = app
        self.cli = cli
        self.schema_dir = schema_dir
        self.root = None
        self.documents = None
        self.process = None
        self.state = {}


def run_steps(process, functions, results, app_steps=None):
    """Runs the steps in order, appending (ok, reason) to results; stops at the first failure.
    The application must still run after each of the first app_steps steps (all by default):
    the later ones may only look at the file it left."""
    if app_steps is None:
        app_steps = len(functions)
    for index, function in enumerate(functions):
        try:
            function()
        except StepFailed as error:
            results.append((False, str(error)))
            return
        except Exception as error:  # AT-SPI, D-Bus and JSON errors …
            log(traceback.format_exc())
            results.append((False, '%s: %s' % (type(error).__name__, error)))
            return
        if process.poll() is not None and index < app_steps:
            results.append((False, 'the application exited with status %d' % process.returncode))
            return
        results.append((True, None))


def report(descriptions, results, log_path):
    """Prints the TAP plan and lines; on failure the tail of the application's log. Returns
    whether every step passed."""
    print('1..%d' % len(descriptions))
    failed = False
    for index, description in enumerate(descriptions):
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

    if failed and log_path is not None and os.path.exists(log_path):
        with open(log_path) as app_log:
            said = app_log.read()
        if 'cannot open display' in said:
            log('the application could not open display %s: another X server answers '
                'that number? (concurrent "xvfb-run -a" pick the same one)'
                % os.environ.get('DISPLAY'))
        log('the application said:')
        log(said[-4000:] or '(nothing)')
    return not failed


def main(descriptions, make_steps, app_args=(), documents=False, prefix='cs-e2e-',
         app_steps=None):
    """Runs a test from the command line (APP CLI SCHEMA_DIR) and returns its exit status.

    descriptions: one TAP description per step. make_steps(run): the step functions, as many,
    given a Run once the application has started. app_args: arguments to the application.
    documents: give it a documents folder (run.documents). prefix: of its temporary folder.
    app_steps: see run_steps()."""
    global watched_process

    if len(sys.argv) != 4:
        print('usage: %s APP CLI SCHEMA_DIR' % sys.argv[0], file=sys.stderr)
        return 2
    run = Run(*sys.argv[1:])

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
    log_path = None
    results = []
    try:
        ensure_buses(cleanup)
        run.root = tempfile.mkdtemp(prefix=prefix)

        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi  # noqa: F401 — after the buses exist

        env, run.documents = make_environment(run.root, run.schema_dir, documents)
        log_path = os.path.join(run.root, 'app.log')
        run.process = start_application([run.app] + list(app_args), env, log_path)
        watched_process = run.process
        run_steps(run.process, make_steps(run), results, app_steps)
    finally:
        stop(run.process, cleanup)

    passed = report(descriptions, results, log_path)
    if run.root is not None:
        shutil.rmtree(run.root, ignore_errors=True)
    return 0 if passed else 1
